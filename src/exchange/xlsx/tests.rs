// Helpers outside #[test] functions read back what the test wrote; a panic is a failing test.
#![allow(clippy::unwrap_used)]

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
