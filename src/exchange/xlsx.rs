//! The XLSX workbook of a year (SPEC S7): the balance of the year's agreement and the year's values in the long
//! format of the CSV, both in the user's language. Every number is a number cell with an Excel number format
//! (format codes are locale-independent, so German Excel shows "2.030" and "58,1 %"), every date a real Excel
//! date; text is only ever written as a string, never as a formula. Pure code: the caller passes the creation
//! date, so the output depends on the input alone. The file format itself is written by `ooxml.rs`.

use super::ooxml::{Format, Workbook, Worksheet, XlsxError};

use crate::core::calendar::{Date, Year};
use crate::domain::agreement::{Agreement, TargetFormat};
use crate::domain::attainment::{ForecastMethod, evaluate};
use crate::domain::indicator::{Indicator, Unit};
use crate::domain::names::precision;
use crate::domain::names::title;
use crate::domain::values::Amount;
use crate::domain::workspace::Workspace;
use crate::locale::{Lang, month_name};
use crate::present::overview::{as_of_line, summary};
use crate::present::sentences::sentence;

/// The longest text Excel keeps in a cell (in characters).
const MAX_TEXT: usize = 32_767;

/// The file name of the workbook: "zielsteuerung-2022.xlsx".
pub fn file_name(year: Year) -> String {
    format!("zielsteuerung-{year}.xlsx")
}

/// The workbook of `year`: the sheet "Bilanz"/"Balance" (the agreement's targets with the engine's verdicts),
/// then "Werte"/"Values" (every value of the year, one per row). `created` becomes the document's creation date.
/// The error is a sentence in `lang`.
pub fn workbook(ws: &Workspace, year: Year, created: Date, lang: Lang) -> Result<Vec<u8>, String> {
    build(ws, year, created, lang).map_err(|e| match lang {
        Lang::De => format!("Die Excel-Datei konnte nicht erstellt werden ({e})."),
        Lang::En => format!("The Excel file could not be created ({e})."),
    })
}

fn build(ws: &Workspace, year: Year, created: Date, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let heading = heading(ws, year, lang);
    book.set_title(&heading);
    book.set_created(created);
    let formats = Formats::new(lang);
    balance_sheet(book.add_worksheet(), ws, year, &heading, lang, &formats)?;
    values_sheet(book.add_worksheet(), ws, year, lang, &formats)?;
    book.save_to_buffer()
}

/// "Jahresbilanz 2022 – Kommunales Job-Center …".
fn heading(ws: &Workspace, year: Year, lang: Lang) -> String {
    let organisation = ws.organisation.trim();
    let base = match lang {
        Lang::De => format!("Jahresbilanz {year}"),
        Lang::En => format!("Annual balance {year}"),
    };
    let base = if organisation.is_empty() {
        base
    } else {
        format!("{base} – {organisation}")
    };
    if ws.example {
        format!("{base} ({})", lang.pick("Beispieldaten", "example data"))
    } else {
        base
    }
}

/// The cell formats of the workbook.
struct Formats {
    title: Format,
    header: Format,
    text: Format,
    integer: Format,
    decimal: Format,
    percent: Format,
    euro: Format,
    signed_integer: Format,
    signed_decimal: Format,
    signed_euro: Format,
    points: Format,
    date: Format,
}

impl Formats {
    fn new(lang: Lang) -> Formats {
        let (euro, signed_euro, points, date) = match lang {
            Lang::De => (
                r#"#,##0.00\ "€""#,
                r#"+#,##0.00\ "€";-#,##0.00\ "€";0.00\ "€""#,
                r#"+0.0" Pp.";-0.0" Pp.";0.0" Pp.""#,
                "DD.MM.YYYY",
            ),
            Lang::En => (
                r##""€"#,##0.00;-"€"#,##0.00"##,
                r##"+"€"#,##0.00;-"€"#,##0.00;"€"0.00"##,
                r#"+0.0" pp";-0.0" pp";0.0" pp""#,
                "DD/MM/YYYY",
            ),
        };
        Formats {
            title: Format::new().set_bold().set_font_size(13),
            header: Format::new().set_bold().set_border_bottom(),
            text: Format::new().set_text_wrap(),
            integer: Format::new().set_num_format("#,##0"),
            decimal: Format::new().set_num_format("#,##0.0##"),
            // The space before "%" as in German typesetting ("58,1 %", DOMAIN.md); "\ " is a literal space.
            percent: Format::new().set_num_format(r"0.0\ %"),
            euro: Format::new().set_num_format(euro),
            signed_integer: Format::new().set_num_format("+#,##0;-#,##0;0"),
            signed_decimal: Format::new().set_num_format("+#,##0.0##;-#,##0.0##;0"),
            signed_euro: Format::new().set_num_format(signed_euro),
            points: Format::new().set_num_format(points),
            date: Format::new().set_num_format(date),
        }
    }

    /// A plain count: "2.035", or "2.035,33" when it has a fraction.
    fn count(&self, value: f64) -> &Format {
        if value.fract() == 0.0 {
            &self.integer
        } else {
            &self.decimal
        }
    }

    /// A signed difference of counts: "+28", "-5", "+0,5".
    fn signed_count(&self, value: f64) -> &Format {
        if value.fract() == 0.0 {
            &self.signed_integer
        } else {
            &self.signed_decimal
        }
    }
}

/// A figure of an indicator as an Excel cell value and format: percentages as fractions ("0.0 %"), euro amounts
/// with the euro sign, counts with thousands separators.
fn figure(unit: Option<Unit>, value: f64, f: &Formats) -> (f64, &Format) {
    match unit {
        Some(Unit::Percent) => (value / 100.0, &f.percent),
        Some(Unit::Euro) => (value, &f.euro),
        Some(Unit::Count | Unit::Persons) | None => (value, f.count(value)),
    }
}

/// A difference of two figures: percentage points for percentages.
fn difference(unit: Option<Unit>, value: f64, f: &Formats) -> (f64, &Format) {
    match unit {
        Some(Unit::Percent) => (value, &f.points),
        Some(Unit::Euro) => (value, &f.signed_euro),
        Some(Unit::Count | Unit::Persons) | None => (value, f.signed_count(value)),
    }
}

/// The zeros of `decimals` places in a format code: "0.00" for two.
fn places(decimals: usize) -> String {
    if decimals == 0 {
        "0".to_owned()
    } else {
        format!("0.{}", "0".repeat(decimals))
    }
}

/// A figure with the decimals of a derived limit (see [`precision`]), else as [`figure`] writes it: the cell
/// then shows "18,62 %" where "18,6 %" would hide the miss.
fn figure_at(
    unit: Option<Unit>,
    value: f64,
    decimals: Option<usize>,
    f: &Formats,
) -> (f64, Format) {
    match (decimals, unit) {
        (Some(d), Some(Unit::Percent)) => (
            value / 100.0,
            Format::new().set_num_format(&format!(r"{}\ %", places(d))),
        ),
        (Some(d), Some(Unit::Count | Unit::Persons)) if d > 0 => (
            value,
            Format::new().set_num_format(&format!("#,##{}", places(d))),
        ),
        _ => {
            let (v, format) = figure(unit, value, f);
            (v, format.clone())
        }
    }
}

/// A difference with the decimals of a derived limit, else as [`difference`] writes it.
fn difference_at(
    unit: Option<Unit>,
    value: f64,
    decimals: Option<usize>,
    f: &Formats,
    lang: Lang,
) -> (f64, Format) {
    match (decimals, unit) {
        (Some(d), Some(Unit::Percent)) => {
            let (p, suffix) = (places(d), lang.pick(" Pp.", " pp"));
            let code = format!(r#"+{p}"{suffix}";-{p}"{suffix}";{p}"{suffix}""#);
            (value, Format::new().set_num_format(&code))
        }
        (Some(d), Some(Unit::Count | Unit::Persons)) if d > 0 => {
            let p = places(d);
            let code = format!("+#,##{p};-#,##{p};{p}");
            (value, Format::new().set_num_format(&code))
        }
        _ => {
            let (v, format) = difference(unit, value, f);
            (v, format.clone())
        }
    }
}

/// Writes a number; a non-finite one (which the engine never produces) leaves the cell empty.
fn number(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    (value, format): (f64, &Format),
) -> Result<(), XlsxError> {
    if value.is_finite() {
        sheet.write_number_with_format(row, col, value, format)?;
    }
    Ok(())
}

/// Writes text as a string cell (never a formula), cut to the length Excel keeps; empty text writes nothing.
fn text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    if value.is_empty() {
        return Ok(());
    }
    let value: String = value.chars().take(MAX_TEXT).collect();
    // The formula guard the CSV has too: a text that a spreadsheet would take for a formula stays text.
    let guarded =
        super::needs_guard(&value).then(|| format.cloned().unwrap_or_default().set_quote_prefix());
    match guarded.as_ref().or(format) {
        Some(format) => sheet.write_string_with_format(row, col, value, format)?,
        None => sheet.write_string(row, col, value)?,
    };
    Ok(())
}

/// Writes a header row in bold and sets the column widths.
fn header(
    sheet: &mut Worksheet,
    row: u32,
    columns: &[(&str, f64)],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (col, (label, width)) in (0u16..).zip(columns) {
        sheet.write_string_with_format(row, col, *label, &f.header)?;
        sheet.set_column_width(col, *width)?;
    }
    Ok(())
}

/// The sheet "Werte": one value per row in the long format of the CSV, plus the indicator's name.
fn values_sheet(
    sheet: &mut Worksheet,
    ws: &Workspace,
    year: Year,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(lang.pick("Werte", "Values"))?;
    let columns: [(&str, f64); 10] = match lang {
        Lang::De => [
            ("Kennzahl", 11.0),
            ("Personengruppe", 16.0),
            ("Jahr", 7.0),
            ("Monat", 8.0),
            ("Wert", 13.0),
            ("Zähler", 11.0),
            ("Nenner", 11.0),
            ("Datenstand", 12.0),
            ("Kommentar", 40.0),
            ("Bezeichnung", 45.0),
        ],
        Lang::En => [
            ("Indicator", 11.0),
            ("Population", 12.0),
            ("Year", 7.0),
            ("Month", 8.0),
            ("Value", 13.0),
            ("Numerator", 11.0),
            ("Denominator", 12.0),
            ("As of", 12.0),
            ("Comment", 40.0),
            ("Name", 45.0),
        ],
    };
    header(sheet, 0, &columns, f)?;
    let catalogue = ws.catalogue();
    let mut row = 0u32;
    for value in ws.values.iter().filter(|v| v.key.year == year) {
        row += 1;
        let key = &value.key;
        let current = &value.current;
        let indicator = catalogue.get(key.indicator.as_str());
        text(sheet, row, 0, key.indicator.as_str(), None)?;
        text(sheet, row, 1, key.population.label(lang), None)?;
        sheet.write_number(row, 2, key.year.get())?;
        if let Some(month) = key.month {
            sheet.write_number(row, 3, month.number())?;
        }
        match current.amount {
            Amount::Number(v) => number(sheet, row, 4, figure(indicator.map(|i| i.unit), v, f))?,
            Amount::Ratio {
                numerator,
                denominator,
            } => {
                if denominator != 0.0 {
                    number(sheet, row, 4, (numerator / denominator, &f.percent))?;
                }
                number(sheet, row, 5, (numerator, f.count(numerator)))?;
                number(sheet, row, 6, (denominator, f.count(denominator)))?;
            }
        }
        if let Some(as_of) = current.as_of {
            sheet.write_date_with_format(row, 7, as_of, &f.date)?;
        }
        text(sheet, row, 8, &current.comment, None)?;
        text(
            sheet,
            row,
            9,
            indicator.map_or("", |i| i.display_name(lang)),
            None,
        )?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, row, 9)?;
    Ok(())
}

/// The sheet "Bilanz": title, summary, then one row per target of the year's agreement.
fn balance_sheet(
    sheet: &mut Worksheet,
    ws: &Workspace,
    year: Year,
    heading: &str,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(lang.pick("Bilanz", "Balance"))?;
    text(sheet, 0, 0, heading, Some(&f.title))?;
    match ws.agreement_for(year) {
        Some(agreement) => balance_table(sheet, ws, agreement, lang, f),
        None => {
            let none = match lang {
                Lang::De => format!("Für {year} gibt es keine Zielvereinbarung."),
                Lang::En => format!("There is no target agreement for {year}."),
            };
            text(sheet, 2, 0, &none, None)?;
            sheet.set_column_width(0, 45)?;
            Ok(())
        }
    }
}

fn balance_table(
    sheet: &mut Worksheet,
    ws: &Workspace,
    agreement: &Agreement,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let result = evaluate(ws, agreement);
    let catalogue = ws.catalogue();
    text(sheet, 1, 0, &summary(&result, lang), None)?;
    text(sheet, 2, 0, &as_of_line(&result, lang), None)?;
    const HEADER_ROW: u32 = 4;
    let columns: [(&str, f64); 11] = match lang {
        Lang::De => [
            ("Ziel", 38.0),
            ("Kennzahl", 11.0),
            ("Zielwert", 13.0),
            ("Ist", 13.0),
            ("Abweichung", 13.0),
            ("Ist/Soll", 10.0),
            ("Status", 16.0),
            ("Stand", 20.0),
            ("Prognose", 13.0),
            ("Vorjahr", 13.0),
            ("Bilanzsatz", 80.0),
        ],
        Lang::En => [
            ("Target", 38.0),
            ("Indicator", 11.0),
            ("Target value", 13.0),
            ("Actual", 13.0),
            ("Deviation", 13.0),
            ("Actual/target", 13.0),
            ("Status", 16.0),
            ("State", 20.0),
            ("Forecast", 13.0),
            ("Previous year", 13.0),
            ("Balance sentence", 80.0),
        ],
    };
    header(sheet, HEADER_ROW, &columns, f)?;
    let mut row = HEADER_ROW;
    for target in agreement.display_order() {
        let Some(r) = result.result(target.id) else {
            continue;
        };
        row += 1;
        let subject = target.format.subject();
        let indicator: Option<&Indicator> =
            subject.and_then(|s| catalogue.get(s.indicator.as_str()));
        let unit = indicator.map(|i| i.unit);
        text(
            sheet,
            row,
            0,
            &title(target, indicator, lang),
            Some(&f.text),
        )?;
        text(
            sheet,
            row,
            1,
            subject.map_or("", |s| s.indicator.as_str()),
            None,
        )?;
        let has_target = !matches!(
            target.format,
            TargetFormat::Monitoring { .. } | TargetFormat::Qualitative { .. }
        );
        let decimals = unit.and_then(|u| precision(target, r, u));
        if let Some(v) = r.target_value.filter(|_| has_target) {
            let (v, format) = figure_at(unit, v, decimals, f);
            number(sheet, row, 2, (v, &format))?;
        }
        if let Some(v) = r.actual {
            let (v, format) = figure_at(unit, v, decimals, f);
            number(sheet, row, 3, (v, &format))?;
        }
        if let Some(v) = r.deviation {
            let (v, format) = difference_at(unit, v, decimals, f, lang);
            number(sheet, row, 4, (v, &format))?;
        }
        if let Some(p) = r.ratio_percent {
            number(sheet, row, 5, (p / 100.0, &f.percent))?;
        }
        text(
            sheet,
            row,
            6,
            &crate::present::status::label(r.status, lang),
            None,
        )?;
        let qualitative = matches!(target.format, TargetFormat::Qualitative { .. });
        let state = match (r.is_final, r.through) {
            _ if qualitative => String::new(),
            (true, _) => lang.pick("endgültig", "final").to_owned(),
            (false, Some(m)) => match lang {
                Lang::De => format!("vorläufig (bis {})", month_name(m, lang)),
                Lang::En => format!("provisional (to {})", month_name(m, lang)),
            },
            (false, None) => lang.pick("vorläufig", "provisional").to_owned(),
        };
        text(sheet, row, 7, &state, None)?;
        if let Some(forecast) = r.forecast.filter(|x| x.method != ForecastMethod::Final) {
            number(sheet, row, 8, figure(unit, forecast.value, f))?;
        }
        if let Some(v) = r.previous_year {
            number(sheet, row, 9, figure(unit, v, f))?;
        }
        let line = sentence(target, r, indicator, agreement.year, lang);
        text(sheet, row, 10, &line, Some(&f.text))?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.autofilter(HEADER_ROW, 0, row, 10)?;
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;
    use crate::core::calendar::Month;
    use crate::domain::example::odenwaldkreis;
    use crate::domain::indicator::IndicatorCode;
    use crate::domain::values::{Population, ValueKey};

    fn year(y: i64) -> Year {
        Year::new(y).unwrap()
    }
    fn date(y: i64, m: i64, d: i64) -> Date {
        Date::new(y, m, d).unwrap()
    }

    /// The parts of a workbook, by path inside the zip.
    struct Book(Vec<(String, String)>);

    impl Book {
        fn read(bytes: &[u8]) -> Book {
            let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
            let mut parts = Vec::new();
            for i in 0..archive.len() {
                let mut file = archive.by_index(i).unwrap();
                let mut content = String::new();
                file.read_to_string(&mut content).unwrap();
                parts.push((file.name().unwrap().into_owned(), content));
            }
            Book(parts)
        }
        fn part(&self, name: &str) -> &str {
            self.0
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, c)| c.as_str())
                .unwrap_or_else(|| panic!("no part {name}"))
        }
        fn balance(&self) -> &str {
            self.part("xl/worksheets/sheet1.xml")
        }
        fn values(&self) -> &str {
            self.part("xl/worksheets/sheet2.xml")
        }
        fn strings(&self) -> &str {
            self.part("xl/sharedStrings.xml")
        }
    }

    fn export(ws: &Workspace, y: i64, lang: Lang) -> Book {
        let bytes = workbook(ws, year(y), date(2026, 3, 1), lang).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        Book::read(&bytes)
    }

    /// The `<c>` element of a cell, e.g. `cell(xml, "E2")`.
    fn cell<'x>(xml: &'x str, reference: &str) -> Option<&'x str> {
        let start = xml.find(&format!("<c r=\"{reference}\""))?;
        let rest = &xml[start..];
        let open = rest.find('>')?;
        let end = if rest[..open].ends_with('/') {
            open + 1
        } else {
            rest.find("</c>")? + 4
        };
        Some(&rest[..end])
    }

    /// The numeric value of a number cell (no `t="s"`, no formula).
    fn number_at(xml: &str, reference: &str) -> f64 {
        let c = cell(xml, reference).unwrap_or_else(|| panic!("no cell {reference}"));
        assert!(!c.contains("t=\"s\""), "{reference} is a string: {c}");
        assert!(!c.contains("<f>"), "{reference} is a formula: {c}");
        let v = c.split("<v>").nth(1).unwrap().split("</v>").next().unwrap();
        v.parse().unwrap()
    }

    fn assert_close(actual: f64, expected: f64) {
        assert!((actual - expected).abs() < 1e-9, "{actual} ≠ {expected}");
    }

    #[test]
    fn file_name_names_the_year() {
        assert_eq!(file_name(year(2022)), "zielsteuerung-2022.xlsx");
    }

    #[test]
    fn sheets_are_named_in_the_language() {
        let ws = odenwaldkreis();
        let de = export(&ws, 2021, Lang::De);
        let book = de.part("xl/workbook.xml");
        assert!(book.contains("name=\"Bilanz\"") && book.contains("name=\"Werte\""));
        assert!(book.find("name=\"Bilanz\"") < book.find("name=\"Werte\""));
        let en = export(&ws, 2021, Lang::En);
        let book = en.part("xl/workbook.xml");
        assert!(book.contains("name=\"Balance\"") && book.contains("name=\"Values\""));
        assert!(!book.contains("Bilanz") && !book.contains("Werte"));
        let strings = en.strings();
        for header in [
            "Indicator",
            "Population",
            "Numerator",
            "Denominator",
            "As of",
            "Comment",
        ] {
            assert!(strings.contains(&format!(">{header}<")), "{header}");
        }
        assert!(strings.contains(">achieved<") && strings.contains(">missed<"));
        assert!(strings.contains("Annual balance 2021"));
    }

    #[test]
    fn values_2021_are_numbers() {
        let ws = odenwaldkreis();
        let book = export(&ws, 2021, Lang::De);
        let values = book.values();
        let strings = book.strings();
        for header in [
            "Kennzahl",
            "Personengruppe",
            "Jahr",
            "Monat",
            "Wert",
            "Zähler",
            "Nenner",
            "Datenstand",
            "Kommentar",
            "Bezeichnung",
        ] {
            assert!(strings.contains(&format!(">{header}<")), "{header}");
        }
        // Ordered by key: INT before LZB; annual values leave the month empty.
        assert_eq!(number_at(values, "C2"), 2021.0);
        assert_eq!(number_at(values, "E2"), 718.0);
        assert!(values.contains("<v>718</v>"));
        assert!(cell(values, "D2").is_none());
        assert_eq!(number_at(values, "C3"), 2021.0);
        assert_eq!(number_at(values, "E3"), 2035.0);
        assert!(values.contains("<v>2035</v>"));
        assert!(cell(values, "A4").is_none(), "only the two values of 2021");
        assert!(strings.contains(">INT<") && strings.contains(">LZB<"));
        assert!(strings.contains(">Insgesamt<") && strings.contains(">Integrationen<"));
        assert!(strings.contains("Jahresdurchschnitt laut"));
        // The header is frozen and filtered, and the number format is thousands-separated.
        assert!(values.contains("<pane ySplit=\"1\""));
        assert!(values.contains("<autoFilter ref=\"A1:J3\""));
        assert!(book.part("xl/styles.xml").contains("formatCode=\"#,##0\""));
    }

    #[test]
    fn balance_2021_has_numbers_and_the_status() {
        let ws = odenwaldkreis();
        let book = export(&ws, 2021, Lang::De);
        let balance = book.balance();
        let strings = book.strings();
        // Header in row 5, INT in row 6, LZB in row 7.
        assert_eq!(number_at(balance, "C6"), 690.0);
        assert_eq!(number_at(balance, "D6"), 718.0);
        assert_eq!(number_at(balance, "E6"), 28.0);
        assert_close(number_at(balance, "F6"), 718.0 / 690.0);
        assert!(balance.contains("<v>1.04057971014"));
        assert_eq!(number_at(balance, "C7"), 2030.0);
        assert_eq!(number_at(balance, "D7"), 2035.0);
        assert_eq!(number_at(balance, "E7"), 5.0);
        assert_close(number_at(balance, "F7"), 2035.0 / 2030.0);
        assert!(
            cell(balance, "I6").is_none(),
            "no forecast for a final year"
        );
        assert!(cell(balance, "J6").is_none(), "no previous year known");
        assert!(strings.contains(">erreicht<") && strings.contains(">nicht erreicht<"));
        assert!(strings.contains(">endgültig<"));
        assert!(strings.contains("Jahresbilanz 2021 – "));
        assert!(strings.contains("1 erreicht · 1 nicht erreicht"));
        assert!(strings.contains(">Integrationen – Insgesamt<"));
        assert!(strings.contains("lag 2021 mit 718 über dem vereinbarten Zielwert von 690."));
        assert!(balance.contains("<autoFilter ref=\"A5:K7\""));
        assert!(balance.contains("<pane ySplit=\"5\""));
        let styles = book.part("xl/styles.xml");
        assert!(styles.contains("formatCode=\"0.0\\ %\""), "{styles}");
        assert!(styles.contains("formatCode=\"+#,##0;-#,##0;0\""));
    }

    #[test]
    fn balance_2022_has_a_row_per_target() {
        let ws = odenwaldkreis();
        let targets = ws.agreement_for(year(2022)).unwrap().targets.len();
        assert_eq!(targets, 10);
        let book = export(&ws, 2022, Lang::De);
        let balance = book.balance();
        assert!(balance.contains(&format!("<autoFilter ref=\"A5:K{}\"", 5 + targets)));
        for row in 6..6 + targets {
            assert!(
                cell(balance, &format!("G{row}")).is_some(),
                "status in row {row}"
            );
            assert!(
                cell(balance, &format!("K{row}")).is_some(),
                "sentence in row {row}"
            );
        }
        assert!(cell(balance, &format!("A{}", 6 + targets)).is_none());
    }

    #[test]
    fn a_derived_floor_keeps_the_decimals_that_tell_it_apart() {
        use crate::domain::agreement::{
            AgreementId, Category, ChangeLimit, ChangeUnit, Subject, Target, TargetId,
        };
        // K2 women: 20,0 % in 2022, floor −6,9 % → 18,62 % for 2023; 18,60 % reached.
        let mut ws = Workspace::empty("Jobcenter Test");
        ws.agreements.push(Agreement {
            id: AgreementId(1),
            year: year(2023),
            job_centre: String::new(),
            partner: String::new(),
            signed_on: None,
            signatories: String::new(),
            notes: String::new(),
            targets: vec![Target {
                id: TargetId(1),
                title: String::new(),
                category: Category::Federal,
                format: TargetFormat::ChangeVsPreviousYear {
                    subject: Subject {
                        indicator: IndicatorCode::new("K2"),
                        population: Population::Women,
                    },
                    limit: ChangeLimit::FallAtMost,
                    change: 6.9,
                    unit: ChangeUnit::Percent,
                },
                notes: String::new(),
            }],
        });
        for (y, v) in [(2022, 20.0), (2023, 18.6)] {
            let key = ValueKey {
                indicator: IndicatorCode::new("K2"),
                population: Population::Women,
                year: year(y),
                month: None,
            };
            ws.values.record(key, Amount::Number(v), None, "");
        }
        let book = export(&ws, 2023, Lang::De);
        let balance = book.balance();
        assert_close(number_at(balance, "C6"), 0.1862);
        assert_close(number_at(balance, "D6"), 0.186);
        assert_close(number_at(balance, "E6"), -0.02);
        let styles = book.part("xl/styles.xml");
        assert!(styles.contains("formatCode=\"0.00\\ %\""), "{styles}");
        assert!(
            styles.contains("formatCode=\"+0.00&quot; Pp.&quot;"),
            "{styles}"
        );
    }

    #[test]
    fn year_without_agreement_says_so() {
        let ws = odenwaldkreis();
        let book = export(&ws, 2023, Lang::De);
        assert!(
            book.strings()
                .contains("Für 2023 gibt es keine Zielvereinbarung.")
        );
        assert!(book.values().contains("<autoFilter ref=\"A1:J1\""));
        let en = export(&ws, 2023, Lang::En);
        assert!(
            en.strings()
                .contains("There is no target agreement for 2023.")
        );
    }

    #[test]
    fn quotas_dates_and_comments() {
        let mut ws = odenwaldkreis();
        let key = |code: &str, month: i64| ValueKey {
            indicator: IndicatorCode::new(code),
            population: Population::Women,
            year: year(2022),
            month: Month::new(month),
        };
        ws.values.record(
            key("K2E3", 5),
            Amount::Ratio {
                numerator: 412.0,
                denominator: 710.0,
            },
            Some(date(2022, 5, 31)),
            "",
        );
        ws.values.record(
            key("K2E3", 6),
            Amount::Ratio {
                numerator: 3.0,
                denominator: 0.0,
            },
            None,
            "",
        );
        ws.values.record(
            key("INT", 1),
            Amount::Number(61.0),
            Some(date(2022, 2, 28)),
            "=HYPERLINK(\"http://x\")",
        );
        ws.values
            .record(key("K1E3", 1), Amount::Number(3.5), None, "");
        let book = export(&ws, 2022, Lang::De);
        let values = book.values();
        // Ordered by key: INT (January), K1E3 (January), then K2E3 May and June.
        assert_eq!(number_at(values, "D2"), 1.0);
        assert_eq!(number_at(values, "E2"), 61.0);
        assert_eq!(
            number_at(values, "H2"),
            44620.0,
            "28.02.2022 as a serial date"
        );
        let comment = cell(values, "I2").unwrap();
        assert!(comment.contains("t=\"s\""), "{comment}");
        assert!(!values.contains("<f>"), "no formula anywhere");
        // The guard of the CSV, here as Excel's "quote prefix": the cell stays text also when it is edited.
        let style = comment
            .split("s=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|n| n.parse::<usize>().ok())
            .expect("the guarded cell has a style");
        let styles = book.part("xl/styles.xml");
        let xf = styles
            .split("<cellXfs")
            .nth(1)
            .unwrap()
            .split("<xf ")
            .nth(style + 1)
            .unwrap();
        assert!(xf.contains("quotePrefix=\"1\""), "{xf}");
        assert!(
            book.strings()
                .contains(">=HYPERLINK(&quot;http://x&quot;)<")
        );

        // A rate in percent becomes a true percentage: 3,5 % is 0.035.
        assert_close(number_at(values, "E3"), 0.035);
        assert!(cell(values, "F3").is_none() && cell(values, "G3").is_none());

        assert_eq!(number_at(values, "D4"), 5.0);
        assert_close(number_at(values, "E4"), 412.0 / 710.0);
        assert!(values.contains("<v>0.58028169014"));
        assert_eq!(number_at(values, "F4"), 412.0);
        assert_eq!(number_at(values, "G4"), 710.0);
        assert_eq!(
            number_at(values, "H4"),
            44712.0,
            "31.05.2022 as a serial date"
        );
        assert!(book.strings().contains(">Frauen<"));

        assert!(
            cell(values, "E5").is_none(),
            "a zero denominator leaves the value empty"
        );
        assert_eq!(number_at(values, "F5"), 3.0);
        assert_eq!(number_at(values, "G5"), 0.0);
        assert!(cell(values, "H5").is_none(), "no Datenstand");
        assert!(
            book.part("xl/styles.xml")
                .contains("formatCode=\"DD.MM.YYYY\"")
        );
    }

    #[test]
    fn the_creation_date_comes_from_the_caller() {
        let ws = odenwaldkreis();
        let a = workbook(&ws, year(2021), date(2024, 12, 24), Lang::De).unwrap();
        let b = workbook(&ws, year(2021), date(2024, 12, 24), Lang::De).unwrap();
        assert_eq!(a, b, "the same input gives the same bytes");
        let core = Book::read(&a);
        let core = core.part("docProps/core.xml");
        assert!(core.contains("2024-12-24T00:00:00Z"), "{core}");
    }
}
