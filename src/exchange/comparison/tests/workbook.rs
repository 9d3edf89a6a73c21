//! The comparison's workbook read back with the `zip` crate: number cells with their formats, dates as dates,
//! texts as strings.
#![allow(clippy::unwrap_used)]

use std::io::{Cursor, Read};

use super::*;

/// The parts of a workbook, by path inside the zip.
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = String::new();
            file.read_to_string(&mut content).unwrap();
            (file.name().unwrap().into_owned(), content)
        })
        .collect()
}

fn part<'p>(parts: &'p [(String, String)], name: &str) -> &'p str {
    parts
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, c)| c.as_str())
        .unwrap()
}

/// The `<c>` element of a cell ("J6"), or `None` where the cell is not written.
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

/// What is between `<v>` and `</v>`.
fn value(c: &str) -> &str {
    c.split("<v>").nth(1).unwrap().split("</v>").next().unwrap()
}

/// A number cell's value and its number format code (no `t="s"`, no formula).
fn number_at(book: &[(String, String)], reference: &str) -> (f64, String) {
    let sheet = part(book, "xl/worksheets/sheet1.xml");
    let c = cell(sheet, reference).unwrap();
    assert!(
        !c.contains("t=\"") && !c.contains("<f>"),
        "{reference}: {c}"
    );
    (value(c).parse().unwrap(), format_of(book, c))
}

/// The number format code of a cell's style ("" for the general format).
fn format_of(book: &[(String, String)], c: &str) -> String {
    let styles = part(book, "xl/styles.xml");
    let Some(style) = c.split(" s=\"").nth(1) else {
        return String::new();
    };
    let style: usize = style.split('"').next().unwrap().parse().unwrap();
    let xf = styles.split("<cellXfs").nth(1).unwrap();
    let xf = xf.split("<xf ").nth(style + 1).unwrap();
    let id = xf
        .split("numFmtId=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    styles
        .split(&format!("<numFmt numFmtId=\"{id}\" formatCode=\""))
        .nth(1)
        .map_or(String::new(), |rest| {
            rest.split('"').next().unwrap().replace("&quot;", "\"")
        })
}

/// A string cell's text (the shared strings have no markup in these tests) and whether it is quote-prefixed.
fn text_at(book: &[(String, String)], reference: &str) -> (String, bool) {
    let sheet = part(book, "xl/worksheets/sheet1.xml");
    let c = cell(sheet, reference).unwrap();
    assert!(c.contains("t=\"s\""), "{reference} is no string: {c}");
    let index: usize = value(c).parse().unwrap();
    let strings = part(book, "xl/sharedStrings.xml");
    let item = strings.split("<si>").nth(index + 1).unwrap();
    let t = item.split('>').nth(1).unwrap().split("</t").next().unwrap();
    let styles = part(book, "xl/styles.xml");
    let quoted = c.split(" s=\"").nth(1).is_some_and(|s| {
        let style: usize = s.split('"').next().unwrap().parse().unwrap();
        let xf = styles.split("<cellXfs").nth(1).unwrap();
        xf.split("<xf ")
            .nth(style + 1)
            .unwrap()
            .contains("quotePrefix=\"1\"")
    });
    (t.replace("&amp;", "&"), quoted)
}

#[test]
fn the_workbook_has_numbers_with_formats_dates_and_texts_as_strings() {
    let t = comparison(Lang::De);
    let created = Date::new(2022, 7, 15).unwrap();
    let bytes = workbook(&t, "Vergleich 2022: Integrationen", created, Lang::De).unwrap();
    let book = parts(&bytes);
    assert!(part(&book, "xl/workbook.xml").contains("name=\"Vergleich\""));
    let sheet = part(&book, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "no formula anywhere");
    // Title and newest Datenstand above the header (row 4), frozen below it, filter buttons over the 17 columns.
    assert_eq!(text_at(&book, "A1").0, "Vergleich 2022: Integrationen");
    assert_eq!(text_at(&book, "A2").0, "Neuester Datenstand: 30.06.2022");
    assert_eq!(text_at(&book, "A4").0, "Vergleichstyp");
    assert_eq!(text_at(&book, "J4").0, "Ist/Soll (%)");
    assert_eq!(text_at(&book, "Q4").0, "Median Ist/Soll im Typ (%)");
    assert!(sheet.contains("<pane ySplit=\"4\""), "{sheet}");
    assert!(sheet.contains("<autoFilter ref=\"A4:Q8\""), "{sheet}");

    // Row 5: "=SUMME(A1)" a string with Excel's quote prefix, the reason in words, no figure.
    assert_eq!(text_at(&book, "B5"), ("=SUMME(A1)".into(), true));
    assert_eq!(text_at(&book, "D5").0, "Keine Zielvereinbarung 2022");
    for col in ["G", "H", "I", "J", "K", "L", "M", "O", "P"] {
        assert!(cell(sheet, &format!("{col}5")).is_none(), "{col}5");
    }
    assert_eq!(number_at(&book, "Q5"), (0.935, r"0.0\ %".into()));

    // Row 6: Marburg 300 through May, −21, 93,5 %, 31.05.2022 as a date (44712), rank 1 of 1.
    assert_eq!(text_at(&book, "A6").0, "Ia");
    assert_eq!(number_at(&book, "G6"), (300.0, "#,##0".into()));
    assert_eq!(text_at(&book, "H6").0, "Mai");
    assert_eq!(number_at(&book, "I6"), (-21.0, "+#,##0;-#,##0;0".into()));
    assert_eq!(number_at(&book, "J6"), (0.935, r"0.0\ %".into()));
    assert_eq!(text_at(&book, "K6").0, "kritisch");
    assert_eq!(number_at(&book, "L6"), (720.0, "#,##0".into()));
    assert_eq!(number_at(&book, "M6"), (44712.0, "DD.MM.YYYY".into()));
    assert_eq!(text_at(&book, "N6").0, "älterer Stand");
    assert_eq!(number_at(&book, "O6").0, 1.0);
    assert_eq!(number_at(&book, "P6").0, 1.0);

    // Rows 7 and 8: type IIb, Bergstraße (own) 77,9 %, Fulda 93,5 %, the median 85,7 % on each.
    assert_eq!(text_at(&book, "C7").0, "ja");
    assert!(cell(sheet, "C8").is_none());
    assert_eq!(number_at(&book, "J7"), (0.779, r"0.0\ %".into()));
    assert_eq!(number_at(&book, "J8"), (0.935, r"0.0\ %".into()));
    assert_eq!(number_at(&book, "G8").0, 360.0);
    assert_eq!(number_at(&book, "Q7"), (0.857, r"0.0\ %".into()));
    assert_eq!(number_at(&book, "Q8").0, 0.857);
    assert_eq!(number_at(&book, "M8").0, 44742.0, "30.06.2022");
    assert_eq!(
        text_at(&book, "D8"),
        ("Integrationen – Insgesamt".into(), false)
    );
}

#[test]
fn the_english_workbook_names_its_sheet_and_columns_in_english() {
    let t = comparison(Lang::En);
    let created = Date::new(2022, 7, 15).unwrap();
    let bytes = workbook(&t, "Comparison 2022", created, Lang::En).unwrap();
    let book = parts(&bytes);
    assert!(part(&book, "xl/workbook.xml").contains("name=\"Comparison\""));
    assert_eq!(text_at(&book, "A2").0, "Newest as-of date: 30/06/2022");
    assert_eq!(text_at(&book, "B4").0, "Job centre");
    assert_eq!(text_at(&book, "D5").0, "No target agreement 2022");
    assert_eq!(text_at(&book, "H6").0, "May");
    assert_eq!(text_at(&book, "K6").0, "critical");
    assert_eq!(number_at(&book, "M6"), (44712.0, "DD/MM/YYYY".into()));
    assert_eq!(number_at(&book, "J7").0, 0.779);
}
