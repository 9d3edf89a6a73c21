// Helpers outside #[test] functions read back what the test wrote; a panic is a failing test.
#![allow(clippy::unwrap_used)]

use std::io::{Cursor, Read};

use super::*;
use crate::core::calendar::Month;
use crate::domain::agreement::{Agreement, TargetFormat};
use crate::domain::attainment::evaluate;
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

/// The text of a string cell (an index into the shared strings).
fn text_at(book: &Book, xml: &str, reference: &str) -> String {
    let c = cell(xml, reference).unwrap_or_else(|| panic!("no cell {reference}"));
    assert!(c.contains("t=\"s\""), "{reference} is no string: {c}");
    let index: usize = c
        .split("<v>")
        .nth(1)
        .unwrap()
        .split("</v>")
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let item = book.strings().split("<si>").nth(index + 1).unwrap();
    let t = item.split('>').nth(1).unwrap().split("</t").next().unwrap();
    t.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
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
    // Header in row 5, INT in row 6, LZB in row 7; the direction before the target value.
    assert_eq!(text_at(&book, balance, "C6"), "≥ Mindestwert");
    assert_eq!(number_at(balance, "D6"), 690.0);
    assert_eq!(number_at(balance, "E6"), 718.0);
    assert_eq!(number_at(balance, "F6"), 28.0);
    // Actual/target as shown, "104,1 %": 1.041, not 1.0405797101449275.
    assert!(balance.contains("<v>1.041</v>"), "{balance}");
    assert_eq!(text_at(&book, balance, "C7"), "≤ Obergrenze");
    assert_eq!(number_at(balance, "D7"), 2030.0);
    assert_eq!(number_at(balance, "E7"), 2035.0);
    assert_eq!(number_at(balance, "F7"), 5.0);
    assert_eq!(number_at(balance, "G7"), 1.002);
    assert!(
        cell(balance, "J6").is_none(),
        "no forecast for a final year"
    );
    assert!(cell(balance, "K6").is_none(), "no previous year known");
    assert!(cell(balance, "A4").is_none(), "a complete year has no note");
    assert!(strings.contains(">erreicht<") && strings.contains(">nicht erreicht<"));
    assert!(strings.contains(">endgültig<"));
    assert!(strings.contains("Jahresbilanz 2021 – "));
    assert!(strings.contains("1 erreicht · 1 nicht erreicht"));
    assert!(strings.contains(">Integrationen – Insgesamt<"));
    assert!(strings.contains("lag 2021 mit 718 über dem vereinbarten Zielwert von 690."));
    assert!(balance.contains("<autoFilter ref=\"A5:N7\""));
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
    assert!(balance.contains(&format!("<autoFilter ref=\"A5:N{}\"", 5 + targets)));
    for row in 6..6 + targets {
        assert!(
            cell(balance, &format!("H{row}")).is_some(),
            "status in row {row}"
        );
        assert!(
            cell(balance, &format!("L{row}")).is_some(),
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
    ws.agreements.push(std::sync::Arc::new(Agreement {
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
    }));
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
    assert_eq!(number_at(balance, "D6"), 0.1862);
    assert_eq!(number_at(balance, "E6"), 0.186);
    assert_eq!(number_at(balance, "F6"), -0.02);
    assert!(balance.contains("<v>0.1862</v>"), "{balance}");
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

fn export_on(ws: &Workspace, y: i64, created: Date, lang: Lang) -> Book {
    Book::read(&workbook(ws, year(y), created, lang).unwrap())
}

/// One agreement of `y` with the targets given, for the workspace "Jobcenter Test".
fn agreement_of(
    y: i64,
    targets: Vec<(u32, TargetFormat)>,
) -> std::sync::Arc<crate::domain::agreement::Agreement> {
    use crate::domain::agreement::{AgreementId, Category, Target, TargetId};
    std::sync::Arc::new(Agreement {
        id: AgreementId(1),
        year: year(y),
        job_centre: String::new(),
        partner: String::new(),
        signed_on: None,
        signatories: String::new(),
        notes: String::new(),
        targets: targets
            .into_iter()
            .map(|(id, format)| Target {
                id: TargetId(id),
                title: String::new(),
                category: Category::Federal,
                format,
                notes: String::new(),
            })
            .collect(),
    })
}

fn record(
    ws: &mut Workspace,
    code: &str,
    population: Population,
    y: i64,
    month: Option<i64>,
    v: Amount,
) {
    let key = ValueKey {
        indicator: IndicatorCode::new(code),
        population,
        year: year(y),
        month: month.and_then(Month::new),
    };
    ws.values.record(key, v, None, "");
}

/// "Der durchschnittliche Bestand an LZB steigt um maximal 14 %": 2.000 in 2022, so the cap of 2023 is
/// 2.000 × 1,14 = 2.280 – in floating point 2280.0000000000005; 2.250 in 2023 is 30 below it.
pub(super) fn relative_cap() -> Workspace {
    use crate::domain::agreement::{ChangeLimit, ChangeUnit, Subject};
    let mut ws = Workspace::empty("Jobcenter Test");
    ws.agreements.push(agreement_of(
        2023,
        vec![(
            1,
            TargetFormat::ChangeVsPreviousYear {
                subject: Subject {
                    indicator: IndicatorCode::new("LZB"),
                    population: Population::Total,
                },
                limit: ChangeLimit::RiseAtMost,
                change: 14.0,
                unit: ChangeUnit::Percent,
            },
        )],
    ));
    record(
        &mut ws,
        "LZB",
        Population::Total,
        2022,
        None,
        Amount::Number(2000.0),
    );
    record(
        &mut ws,
        "LZB",
        Population::Total,
        2023,
        None,
        Amount::Number(2250.0),
    );
    ws
}

/// Issue 20, point 7: a derived cap was stored as 2280.0000000000005 (LibreOffice showed "2.280,0" and
/// `=D6=2280` was FALSE) and its deviation as −30.000000000000455. Stored as the app shows them: 2280 and −30,
/// whole numbers with the whole-number formats; the direction is named.
#[test]
fn a_derived_cap_is_stored_as_the_app_shows_it() {
    let ws = relative_cap();
    let result = evaluate(&ws, &ws.agreements[0]);
    assert_eq!(
        result.targets[0].target_value,
        Some(2_280.000_000_000_000_5),
        "the noise this is about"
    );
    for lang in [Lang::De, Lang::En] {
        let book = export(&ws, 2023, lang);
        let balance = book.balance();
        assert!(!balance.contains("2280.0000"), "{balance}");
        assert!(!balance.contains("-30.0000"), "{balance}");
        let d6 = cell(balance, "D6").unwrap();
        assert!(d6.contains("<v>2280</v>"), "{d6}");
        assert_eq!(number_at(balance, "E6"), 2250.0);
        assert!(cell(balance, "F6").unwrap().contains("<v>-30</v>"));
        // 2.250 / 2.280 = 98,7 %.
        assert!(cell(balance, "G6").unwrap().contains("<v>0.987</v>"));
        let styles = book.part("xl/styles.xml");
        assert!(styles.contains("formatCode=\"#,##0\""), "{styles}");
        assert!(
            styles.contains("formatCode=\"+#,##0;-#,##0;0\""),
            "{styles}"
        );
        assert!(
            !styles.contains("#,##0.0##"),
            "no decimal format for a whole figure: {styles}"
        );
        let (direction, status, state) = match lang {
            Lang::De => ("≤ Obergrenze", "erreicht", "endgültig"),
            Lang::En => ("≤ cap", "achieved", "final"),
        };
        assert_eq!(text_at(&book, balance, "C6"), direction);
        assert_eq!(text_at(&book, balance, "H6"), status);
        assert_eq!(text_at(&book, balance, "I6"), state);
    }
}

/// Issue 20, point 7: the agreed wording of a relative change of a rate and the remarks the screens show at a
/// target go to the ministry too.
#[test]
fn the_wording_and_the_remarks_are_in_the_sheet() {
    use crate::domain::agreement::Subject;
    let mut ws = Workspace::empty("Jobcenter Test");
    let women = Subject {
        indicator: IndicatorCode::new("K2"),
        population: Population::Women,
    };
    let men = Subject {
        indicator: IndicatorCode::new("K2"),
        population: Population::Men,
    };
    ws.agreements.push(agreement_of(
        2022,
        vec![
            (
                1,
                TargetFormat::QuotaRelativeChange {
                    subject: women,
                    baseline: 13.7,
                    change_percent: 7.3,
                    target: 14.7,
                },
            ),
            (
                2,
                TargetFormat::QuotaRelativeChange {
                    subject: men,
                    baseline: 13.7,
                    change_percent: 7.3,
                    target: 15.7,
                },
            ),
        ],
    ));
    let book = export(&ws, 2022, Lang::De);
    let balance = book.balance();
    assert_eq!(text_at(&book, balance, "M5"), "Wortlaut der Vereinbarung");
    assert_eq!(text_at(&book, balance, "N5"), "Hinweise");
    assert_eq!(text_at(&book, balance, "C6"), "≥ Mindestwert");
    assert_eq!(
        text_at(&book, balance, "M6"),
        "Vereinbart: steigt um 7,3\u{a0}% von 13,7\u{a0}% auf 14,7\u{a0}% (13,7\u{a0}% × 1,073 = 14,70\u{a0}%)."
    );
    assert!(cell(balance, "N6").is_none(), "no remark at the first");
    assert_eq!(
        text_at(&book, balance, "N7"),
        "Ausgangswert 13,7\u{a0}% und Veränderung um 7,3\u{a0}% ergeben 14,70\u{a0}%, nicht den Zielwert \
         15,7\u{a0}%; bewertet wird gegen 15,7\u{a0}%. Bitte die Zahlen mit der Vereinbarung vergleichen."
    );
    let en = export(&ws, 2022, Lang::En);
    let balance = en.balance();
    assert_eq!(text_at(&en, balance, "M5"), "Agreed wording");
    assert_eq!(text_at(&en, balance, "N5"), "Remarks");
    assert_eq!(text_at(&en, balance, "C6"), "≥ minimum");
    assert_eq!(
        text_at(&en, balance, "M6"),
        "Agreed: rises by 7.3\u{a0}% from 13.7\u{a0}% to 14.7\u{a0}% (13.7\u{a0}% × 1.073 = 14.70\u{a0}%)."
    );
    assert!(text_at(&en, balance, "N7").starts_with("Baseline 13.7\u{a0}%"));

    // Parts that do not add up: the remark at the total and at each part (300 + 462 = 762, not 770).
    let mut seed = odenwaldkreis();
    if let Some(t) = seed
        .agreement_mut(crate::domain::agreement::AgreementId(2))
        .and_then(|a| a.targets.get_mut(1))
        && let TargetFormat::Minimum { target, .. } = &mut t.format
    {
        *target = 300.0;
    }
    let book = export(&seed, 2022, Lang::De);
    let balance = book.balance();
    let expected = "Die Ziele für Frauen (300) und Männer (462) zu „Integrationen“ ergeben zusammen 762, nicht das \
                    Gesamtziel 770.";
    for row in 6..=8 {
        assert_eq!(
            text_at(&book, balance, &format!("N{row}")),
            expected,
            "row {row}"
        );
    }
    assert!(cell(balance, "N9").is_none(), "not at the LZB");
    assert_eq!(text_at(&book, balance, "C9"), "≤ Obergrenze");
    assert!(
        cell(balance, "C12").is_none(),
        "monitoring has no direction"
    );
}

/// Issue 20, points 5 and 6 in the workbook: the summary counts by status, and the "Stand" of a year without
/// figures is "keine Daten" once the year has ended ("noch keine Daten" while it runs), with the note of the
/// balance screen above the table.
#[test]
fn the_summary_and_the_standing_in_the_sheet() {
    let mut ws = odenwaldkreis();
    for m in 1..=5 {
        record(
            &mut ws,
            "INT",
            Population::Total,
            2022,
            Some(m),
            Amount::Number(60.0),
        );
    }
    let book = export_on(&ws, 2022, date(2026, 3, 1), Lang::De);
    let balance = book.balance();
    assert_eq!(
        text_at(&book, balance, "A2"),
        "1 kritisch · 7 keine Daten · 1 Monitoring · 1 offen"
    );
    assert_eq!(text_at(&book, balance, "I6"), "vorläufig (bis Mai)");
    assert_eq!(text_at(&book, balance, "I7"), "keine Daten");
    assert!(
        cell(balance, "I15").is_none(),
        "the qualitative goal has no standing"
    );
    assert_eq!(
        text_at(&book, balance, "A4"),
        "Vorläufig: Für einige Ziele liegt noch kein vollständiges Jahr vor; dort stehen der Stand bis zum letzten \
         Monat mit Daten und die Prognose. Keine Daten: Für 8 Ziele liegt für 2022 kein Ist-Wert vor, obwohl das \
         Jahr abgelaufen ist; sie bleiben unbewertet, bis Werte erfasst sind."
    );
    let en = export_on(&ws, 2022, date(2026, 3, 1), Lang::En);
    let balance = en.balance();
    assert_eq!(
        text_at(&en, balance, "A2"),
        "1 critical · 7 no data · 1 monitoring · 1 open"
    );
    assert_eq!(text_at(&en, balance, "I7"), "no data");
    // While 2022 runs, a target without figures has "noch keine Daten".
    let running = export_on(&ws, 2022, date(2022, 6, 30), Lang::De);
    assert_eq!(
        text_at(&running, running.balance(), "I7"),
        "noch keine Daten"
    );
    assert_eq!(
        text_at(&running, running.balance(), "A4"),
        "Vorläufig: Für einige Ziele liegt noch kein vollständiges Jahr vor; dort stehen der Stand bis zum letzten \
         Monat mit Daten und die Prognose."
    );
}

/// For a look by hand (`cargo test --lib exchange::xlsx -- --ignored`): the workbooks of the relative cap and
/// of the example's 2022 with five months, in both languages, to /tmp/zs-xlsx-*.xlsx.
#[test]
#[ignore]
fn write_workbooks_for_a_look() {
    let mut seed = odenwaldkreis();
    for m in 1..=5 {
        record(
            &mut seed,
            "INT",
            Population::Total,
            2022,
            Some(m),
            Amount::Number(60.0),
        );
    }
    for (name, ws, y) in [("cap", relative_cap(), 2023), ("seed", seed, 2022)] {
        for lang in [Lang::De, Lang::En] {
            let bytes = workbook(&ws, year(y), date(2026, 3, 1), lang).unwrap();
            std::fs::write(format!("/tmp/zs-xlsx-{name}-{}.xlsx", lang.code()), bytes).unwrap();
        }
    }
}
