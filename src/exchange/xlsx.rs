//! The XLSX workbook of a year (PRODUCT S7): the balance of the year's agreement and the year's values in the long
//! format of the CSV, both in the user's language. Every number is a number cell with an Excel number format
//! (format codes are locale-independent, so German Excel shows "2.030" and "58,1 %"), every date a real Excel
//! date; text is only ever written as a string, never as a formula. The balance's figures are stored as the app
//! shows them, rounded to its places (`xlsx/figures.rs`): a cap of 2.280 is 2280, not 2280.0000000000005. Pure
//! code: the caller passes the creation date (which also tells whether the year has ended), so the output depends
//! on the input alone. The file format itself is written by `ooxml.rs`.

use super::ooxml::{Format, Workbook, Worksheet, XlsxError};

use crate::core::calendar::{Date, Year};
use crate::domain::indicator::Unit;
use crate::domain::values::Amount;
use crate::domain::workspace::Workspace;
use crate::locale::Lang;

mod balance;
pub(super) mod figures;

use crate::tr;
use balance::balance_sheet;
use figures::{count_code, euro_code, percent_code};

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
    build(ws, year, created, lang).map_err(|e| {
        tr!(
            lang,
            "Die Excel-Datei konnte nicht erstellt werden ({e}).",
            "The Excel file could not be created ({e})."
        )
    })
}

fn build(ws: &Workspace, year: Year, created: Date, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let heading = heading(ws, year, lang);
    book.set_title(&heading);
    book.set_created(created);
    let formats = Formats::new(lang);
    balance_sheet(
        book.add_worksheet(),
        ws,
        year,
        created,
        &heading,
        lang,
        &formats,
    )?;
    values_sheet(book.add_worksheet(), ws, year, lang, &formats)?;
    book.save_to_buffer()
}

/// "Jahresbilanz 2022 – Kommunales Job-Center …".
fn heading(ws: &Workspace, year: Year, lang: Lang) -> String {
    let organisation = ws.organisation.trim();
    let base = tr!(lang, "Jahresbilanz {year}", "Annual balance {year}");
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

/// The cell formats of the workbook (the balance's figures take theirs from their places, `figures.rs`).
pub(super) struct Formats {
    pub(super) title: Format,
    pub(super) header: Format,
    pub(super) text: Format,
    pub(super) integer: Format,
    pub(super) decimal: Format,
    pub(super) percent: Format,
    pub(super) euro: Format,
    pub(super) date: Format,
}

impl Formats {
    pub(super) fn new(lang: Lang) -> Formats {
        let date = match lang {
            Lang::De => "DD.MM.YYYY",
            Lang::En => "DD/MM/YYYY",
        };
        Formats {
            title: Format::new().set_bold().set_font_size(13),
            header: Format::new().set_bold().set_border_bottom(),
            text: Format::new().set_text_wrap(),
            integer: Format::new().set_num_format(&count_code(0)),
            decimal: Format::new().set_num_format("#,##0.0##"),
            percent: Format::new().set_num_format(&percent_code(1)),
            euro: Format::new().set_num_format(&euro_code(2, lang)),
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
}

/// A value as entered (the sheet "Werte") as an Excel cell value and format: percentages as fractions
/// ("0.0 %"), euro amounts with the euro sign, counts with thousands separators.
fn figure(unit: Option<Unit>, value: f64, f: &Formats) -> (f64, &Format) {
    match unit {
        Some(Unit::Percent) => (value / 100.0, &f.percent),
        Some(Unit::Euro) => (value, &f.euro),
        Some(Unit::Count | Unit::Persons) | None => (value, f.count(value)),
    }
}

/// Writes a number; a non-finite one (which the engine never produces) leaves the cell empty.
pub(super) fn number(
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
pub(super) fn text(
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
pub(super) fn header(
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
