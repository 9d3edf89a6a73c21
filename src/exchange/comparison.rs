//! The comparison of job centres (PRODUCT S10, issue 23) as files: a CSV and an XLSX sheet with the columns of the
//! screen's table, one row per line, the comparison type in a column of its own (so that Excel's autofilter and
//! sorting work over all types at once), the type's median beside each line.
//!
//! The screen's cells are split where a file needs a number: "300 (bis Juni)" is the number 300 and the month
//! "Juni"; "Integrationen – Insgesamt: ≥ 770" is the title and the target in its agreed terms. Every figure is
//! written as the screen rounds it (its unit and decimals are in the line's [`Shown`]); a figure the screen shows
//! as "–" leaves the cell empty, never zero; a line without a figure says why in the target's column.
//!
//! The German CSV is for German Excel (UTF-8 with BOM, ";", the decimal comma, dates "30.06.2022"), as the values
//! CSV (`csv/write.rs`); the English one for an English Excel (",", the decimal point, dates "2022-06-30", which
//! every Excel reads as a date), as the values import reads a comma-separated file as English. Text cells that a
//! spreadsheet would take for a formula are guarded ([`needs_guard`]).

use crate::core::calendar::{Date, Year};
use crate::domain::comparison::median;
use crate::domain::indicator::Unit;
use crate::domain::names::{format_difference_at, format_value_at};
use crate::locale::{Lang, format_date, month_name};
use crate::present::comparison::{Group, Line, Shown, Table};
use crate::present::status;

use super::needs_guard;
use super::xlsx::figures::{places_shown, rounded};

mod sheet;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use sheet::workbook;

/// The columns: heading in either language and width in the XLSX (in characters).
fn columns(lang: Lang) -> [(&'static str, f64); 17] {
    match lang {
        Lang::De => [
            ("Vergleichstyp", 14.0),
            ("Jobcenter", 34.0),
            ("Eigener Arbeitsbereich", 11.0),
            ("Ziel", 34.0),
            ("Zielwert", 16.0),
            ("Wortlaut der Vereinbarung", 40.0),
            ("Ist", 11.0),
            ("Ist bis", 11.0),
            ("Abweichung", 12.0),
            ("Ist/Soll (%)", 11.0),
            ("Status", 15.0),
            ("Prognose", 11.0),
            ("Datenstand", 12.0),
            ("Älterer Stand", 14.0),
            ("Rang im Typ", 8.0),
            ("Rang von", 8.0),
            ("Median Ist/Soll im Typ (%)", 14.0),
        ],
        Lang::En => [
            ("Comparison type", 14.0),
            ("Job centre", 34.0),
            ("Own workspace", 11.0),
            ("Target", 34.0),
            ("Target value", 16.0),
            ("Agreed wording", 40.0),
            ("Actual", 11.0),
            ("Actual to", 11.0),
            ("Deviation", 12.0),
            ("Actual/target (%)", 11.0),
            ("Status", 15.0),
            ("Forecast", 11.0),
            ("As of", 12.0),
            ("Older figures", 14.0),
            ("Rank in type", 8.0),
            ("Rank out of", 8.0),
            ("Median actual/target in type (%)", 14.0),
        ],
    }
}

/// One cell of a row, before it is written as CSV text or an XLSX cell.
#[derive(Clone, Debug, PartialEq)]
enum Cell<'a> {
    Empty,
    Text(String),
    /// A figure in its unit (an actual, a forecast), written as the screen rounds it.
    Figure(f64, Shown),
    /// A difference of two figures (percentage points for a percentage).
    Difference(f64, Shown),
    /// Ist/Soll in percent, with the text the screen shows it as (its decimals are the file's).
    Ratio(f64, &'a str),
    Whole(usize),
    Date(Date),
}

/// The text of a cell the screen shows, empty where it shows "–" (nothing).
fn shown_text(text: &str) -> Cell<'static> {
    match text.trim() {
        "" | "–" => Cell::Empty,
        t => Cell::Text(t.to_owned()),
    }
}

/// A number the screen shows as `text`, or an empty cell where it shows none.
fn figure<'a>(value: Option<f64>, text: &str, cell: impl FnOnce(f64) -> Cell<'a>) -> Cell<'a> {
    match value {
        Some(v) if v.is_finite() && !matches!(text.trim(), "" | "–") => cell(v),
        _ => Cell::Empty,
    }
}

/// The cells of `line` of `group`; `median` is the type's median Ist/Soll where the screen shows one.
fn cells<'a>(group: &'a Group, median: Option<f64>, line: &'a Line, lang: Lang) -> Vec<Cell<'a>> {
    let keys = &line.keys;
    let kind = Cell::Text(group.kind.as_ref().map_or_else(
        || lang.pick("ohne", "none").to_owned(),
        |k| k.as_str().to_owned(),
    ));
    let yes = |on: bool, word: &str| {
        if on {
            Cell::Text(word.to_owned())
        } else {
            Cell::Empty
        }
    };
    let own = yes(line.own, lang.pick("ja", "yes"));
    let as_of = keys.as_of.map_or(Cell::Empty, Cell::Date);
    let older = yes(line.older, lang.pick("älterer Stand", "older"));
    let median = figure(median, &group.median, |m| Cell::Ratio(m, &group.median));
    if let Some(missing) = &line.missing {
        let mut row = vec![Cell::Empty; 17];
        row[0] = kind;
        row[1] = Cell::Text(line.member.clone());
        row[2] = own;
        row[3] = Cell::Text(missing.clone());
        row[12] = as_of;
        row[13] = older;
        row[16] = median;
        return row;
    }
    let shown = keys.shown;
    let through = match (shown.through, shown.annual) {
        (_, true) => Cell::Text(lang.pick("Jahreswert", "annual figure").to_owned()),
        (Some(m), false) => Cell::Text(month_name(m, lang).to_owned()),
        (None, false) => Cell::Empty,
    };
    let actual = figure(keys.actual, &line.actual, |v| Cell::Figure(v, shown));
    vec![
        kind,
        Cell::Text(line.member.clone()),
        own,
        shown_text(&line.title),
        shown_text(&line.target),
        shown_text(&line.wording),
        actual.clone(),
        if actual == Cell::Empty {
            Cell::Empty
        } else {
            through
        },
        figure(keys.deviation, &line.deviation, |v| {
            Cell::Difference(v, shown)
        }),
        figure(keys.ratio, &line.ratio, |v| Cell::Ratio(v, &line.ratio)),
        line.status
            .map_or(Cell::Empty, |s| Cell::Text(status::label(s, lang))),
        figure(keys.forecast, &line.forecast, |v| Cell::Figure(v, shown)),
        as_of,
        older,
        keys.rank.map_or(Cell::Empty, Cell::Whole),
        keys.ranked
            .filter(|_| keys.rank.is_some())
            .map_or(Cell::Empty, Cell::Whole),
        median,
    ]
}

/// The type's median Ist/Soll as the screen's heading states it; `None` where it states none.
fn group_median(group: &Group) -> Option<f64> {
    if group.median.is_empty() {
        return None;
    }
    let ratios: Vec<f64> = group.lines.iter().filter_map(|l| l.keys.ratio).collect();
    median(&ratios)
}

/// Every row of the table: its cells, in the order of the groups and their lines.
fn rows(table: &Table, lang: Lang) -> Vec<Vec<Cell<'_>>> {
    table
        .groups
        .iter()
        .flat_map(|group| {
            let m = group_median(group);
            group
                .lines
                .iter()
                .map(move |line| cells(group, m, line, lang))
        })
        .collect()
}

/// The comparison as CSV text in `lang` (see the module's text), with BOM and CRLF line ends: the header, one row
/// per line; after an empty line, `title` and the newest Datenstand.
pub fn csv(table: &Table, title: &str, lang: Lang) -> String {
    let separator = match lang {
        Lang::De => ";",
        Lang::En => ",",
    };
    let mut out = String::from("\u{FEFF}");
    let header: Vec<String> = columns(lang)
        .iter()
        .map(|(name, _)| field(name, lang))
        .collect();
    out.push_str(&header.join(separator));
    out.push_str("\r\n");
    for row in rows(table, lang) {
        let texts: Vec<String> = row.iter().map(|c| csv_cell(c, lang)).collect();
        out.push_str(&texts.join(separator));
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    let newest = crate::tr!(
        lang,
        "Neuester Datenstand: {}",
        "Newest as-of date: {}",
        table.newest
    );
    out.push_str(&field(title, lang));
    out.push_str(separator);
    out.push_str(&field(&newest, lang));
    out.push_str("\r\n");
    out
}

/// A cell as CSV text.
fn csv_cell(cell: &Cell, lang: Lang) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => field(t, lang),
        Cell::Figure(v, shown) => {
            let unit = shown.unit.unwrap_or(Unit::Count);
            let text = format_value_at(unit, *v, shown.decimals, Lang::En);
            number(rounded(*v, places_shown(&text, Lang::En)), lang)
        }
        Cell::Difference(v, shown) => {
            let unit = shown.unit.unwrap_or(Unit::Count);
            let text = format_difference_at(unit, *v, shown.decimals, Lang::En);
            number(rounded(*v, places_shown(&text, Lang::En)), lang)
        }
        Cell::Ratio(p, text) => number(rounded(*p, places_shown(text, lang)), lang),
        Cell::Whole(n) => n.to_string(),
        Cell::Date(d) => match lang {
            Lang::De => format_date(*d, lang),
            Lang::En => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        },
    }
}

/// A number as the language's Excel reads it: every digit Rust needs, no thousands separators, the decimal comma
/// in German ("93,5", "-25", "2030").
fn number(value: f64, lang: Lang) -> String {
    match lang {
        Lang::De => super::csv::number(value),
        Lang::En => format!("{value}"),
    }
}

/// A text cell: guarded against formula injection with a leading apostrophe, quoted when it holds the separator,
/// a quote or a line break.
fn field(text: &str, lang: Lang) -> String {
    let guarded = if needs_guard(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    let separator = match lang {
        Lang::De => ';',
        Lang::En => ',',
    };
    if guarded.contains([separator, '"', '\n', '\r', '\t']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The file name of the comparison of `year` with the extension `ext` ("csv", "xlsx"):
/// "zielsteuerung-vergleich-2022.csv", in the manner of the app's other files.
pub fn file_name(year: Year, ext: &str) -> String {
    format!(
        "zielsteuerung-vergleich-{year}.{}",
        ext.trim_start_matches('.')
    )
}
