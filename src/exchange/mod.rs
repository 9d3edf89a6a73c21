//! Exchange with files (PRODUCT S7): the JSON backup of the whole workspace, the CSV of values in the long format
//! for German Excel, and the XLSX workbook of values and balance. Pure code: bytes in, a checked result or
//! German/English reasons out; the workspace passed in is never changed here. `ui/exchange.rs` downloads and
//! uploads the bytes and lets the user accept what an import would do.

pub mod backup;
pub mod comparison;
pub mod csv;
pub mod job;
pub mod ooxml;
pub mod text;
pub mod xlsx;

use crate::domain::indicator::Unit;
pub use crate::domain::names::describe_key;
use crate::domain::names::{amount_text, dated};
use crate::domain::values::{Revision, ValueKey};
use crate::domain::workspace::Catalogue;
use crate::locale::{Lang, format_decimal};

pub use text::decode_text;

/// The largest backup an import reads: well above a workspace of 20 years × 40 indicators × 3 populations × 12
/// months (2,2 MB as a pretty-printed backup), small enough that reading, checking and merging it never blocks the
/// tab for more than a second (6 MB: 0,7 s, measured by `make bench`), and a wrong file (a video, a database dump)
/// is refused by its size before it is read.
pub const MAX_BACKUP_BYTES: usize = 6 * 1024 * 1024;

/// The largest CSV an import reads: about 100,000 lines of values (4 MB: 0,75 s, measured by `make bench`).
pub const MAX_CSV_BYTES: usize = 4 * 1024 * 1024;

/// "Die Datei ist mit 19,3 MB zu groß (höchstens 8 MB)."
pub fn too_large(bytes: f64, max_bytes: usize, lang: Lang) -> String {
    let mb = format_decimal(bytes / 1_048_576.0, 1, lang);
    let max = format_decimal(max_bytes as f64 / 1_048_576.0, 0, lang);
    crate::tr!(
        lang,
        "Die Datei ist mit {mb} MB zu groß (höchstens {max} MB).",
        "The file is too large ({mb} MB; at most {max} MB)."
    )
}

/// Whether a text cell would be read by a spreadsheet as a formula (or hide one) when typed, pasted or edited:
/// it starts with `=`, `+`, `-`, `@` (also their fullwidth forms, which LibreOffice and Excel take as the plain
/// ones), a tab or a line feed; or with the apostrophe that guards the others, which therefore is guarded too.
/// The one guard of both exports: the CSV puts an apostrophe in front, the XLSX marks the cell "quote prefix".
pub fn needs_guard(text: &str) -> bool {
    text.starts_with([
        '=', '+', '-', '@', '\t', '\r', '\'', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    ])
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
