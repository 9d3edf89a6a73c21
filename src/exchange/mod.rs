//! Exchange with files (SPEC S7): the JSON backup of the whole workspace, the CSV of values in the long format
//! for German Excel, and the XLSX workbook of values and balance. Pure code: bytes in, a checked result or
//! German/English reasons out; the workspace passed in is never changed here. `ui/exchange.rs` downloads and
//! uploads the bytes and lets the user accept what an import would do.

pub mod backup;
pub mod csv;
pub mod ooxml;
pub mod text;
pub mod xlsx;

use crate::domain::indicator::Unit;
use crate::domain::values::{Revision, ValueKey};
use crate::domain::workspace::Catalogue;
use crate::locale::{Lang, format_decimal, month_name};
use crate::present::detail::{amount_text, dated};

pub use text::decode_text;

/// The largest file an import reads: far above a workspace of 20 years (3.4 MB as JSON), small enough that a
/// wrong file (a video, a database dump) is refused at once instead of freezing the tab.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

fn too_large(bytes: usize, lang: Lang) -> String {
    let mb = format_decimal(bytes as f64 / 1_048_576.0, 1, lang);
    match lang {
        Lang::De => format!("Die Datei ist mit {mb} MB zu groß (höchstens 20 MB)."),
        Lang::En => format!("The file is too large ({mb} MB; at most 20 MB)."),
    }
}

/// "INT Frauen, Mai 2022" / "INT Women, May 2022"; "INT Insgesamt, Jahr 2021" for an annual value.
pub fn describe_key(key: &ValueKey, lang: Lang) -> String {
    let period = match key.month {
        Some(m) => format!("{} {}", month_name(m, lang), key.year),
        None => format!("{} {}", lang.pick("Jahr", "year"), key.year),
    };
    format!("{} {}, {period}", key.indicator, key.population.label(lang))
}

/// "62 (Datenstand 31.05.2022)", in the unit of the value's indicator.
fn describe_revision(
    key: &ValueKey,
    revision: &Revision,
    catalogue: &Catalogue,
    lang: Lang,
) -> String {
    let unit = catalogue
        .get(key.indicator.as_str())
        .map_or(Unit::Count, |i| i.unit);
    dated(
        amount_text(unit, revision.amount, lang),
        revision.as_of,
        lang,
    )
}
