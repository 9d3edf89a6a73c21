//! Values as CSV for German Excel, in the long format of PRODUCT S7: one value per line under the header
//! `Kennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar`.
//!
//! Export writes UTF-8 with BOM, ";" and the decimal comma without thousands points ("2030", "58,1"), so that a
//! German Excel opens it with a double click and reads numbers as numbers. Text cells that a spreadsheet would
//! take for a formula get a leading apostrophe (formula injection).
//!
//! Import is tolerant of what Excel writes back (BOM or not, CRLF, LF or CR, quoted fields with line breaks,
//! ";" or tab or ",", Windows-1252 or UTF-16, columns in any order, extra columns) and strict about content:
//! every line is checked on its own, and the report says for each line whether its value is added, replaces
//! one, changes nothing, loses against a newer Datenstand, or is rejected and why. The result is a new
//! workspace that the user may accept; the one passed in is not changed.

use std::collections::HashMap;

use crate::core::calendar::{Date, Month, Year};
use crate::domain::indicator::Indicator;
use crate::domain::values::{Amount, Population, RecordOutcome, ValueKey};
use crate::domain::workspace::{Catalogue, Workspace};
use crate::locale::{Lang, NumberError, month_name, parse_date, parse_number_in};

use super::{MAX_CSV_BYTES, decode_text, describe_key, describe_revision, needs_guard, too_large};

mod read;
mod records;
mod write;

use crate::tr;
use read::*;
use records::records;
pub use write::{export, file_name, number};

/// The header of PRODUCT S7, in this order.
pub const HEADER: [&str; 9] = [
    "Kennzahl",
    "Personengruppe",
    "Jahr",
    "Monat",
    "Wert",
    "Zähler",
    "Nenner",
    "Datenstand",
    "Kommentar",
];

/// At most this many lines are read (20 years × 40 indicators × 3 groups × 13 periods is 31,200).
pub const MAX_LINES: usize = 100_000;

/// What the import does with one line.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A new value.
    Added,
    /// Replaces the value shown (which goes into the value's history).
    Replaced { before: String },
    /// The same value is already there.
    Unchanged,
    /// A value with a newer Datenstand is there and stays; the line's value goes into its history.
    KeptNewer { existing: String },
    /// Not taken, for the reasons given.
    Rejected(String),
}

/// One line of the import report.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The line in the file where the record starts (1 = the header).
    pub number: usize,
    /// "INT Frauen, Mai 2022 = 62 (Datenstand 31.05.2022)", or the raw text of a rejected line.
    pub what: String,
    pub outcome: Outcome,
}

/// How many lines had which outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub kept_newer: usize,
    pub rejected: usize,
}

/// What an import would do; nothing has changed yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// The workspace with the file's values taken in, to be set only if the user accepts.
    pub workspace: Workspace,
    pub lines: Vec<Line>,
    /// The separator found: ';', '\t' or ','.
    pub separator: char,
}

impl Import {
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for line in &self.lines {
            match line.outcome {
                Outcome::Added => c.added += 1,
                Outcome::Replaced { .. } => c.replaced += 1,
                Outcome::Unchanged => c.unchanged += 1,
                Outcome::KeptNewer { .. } => c.kept_newer += 1,
                Outcome::Rejected(_) => c.rejected += 1,
            }
        }
        c
    }

    /// Whether accepting would change the workspace.
    pub fn changes_anything(&self) -> bool {
        self.lines.iter().any(|l| {
            matches!(
                l.outcome,
                Outcome::Added | Outcome::Replaced { .. } | Outcome::KeptNewer { .. }
            )
        })
    }

    /// The lines for the report table: rejected ones first (they need the user's attention), then by line
    /// number; at most `limit`, with how many more there are.
    pub fn listed(&self, limit: usize) -> (Vec<&Line>, usize) {
        let mut lines: Vec<&Line> = self.lines.iter().collect();
        lines.sort_by_key(|l| (!matches!(l.outcome, Outcome::Rejected(_)), l.number));
        let more = lines.len().saturating_sub(limit);
        lines.truncate(limit);
        (lines, more)
    }

    /// "12 neu · 3 ersetzt · 1 unverändert · 0 älter als vorhanden · 2 abgelehnt".
    pub fn summary(&self, lang: Lang) -> String {
        let c = self.counts();
        tr!(
            lang,
            "{} neu · {} ersetzt · {} unverändert · {} älter als vorhanden · {} abgelehnt",
            "{} new · {} replaced · {} unchanged · {} older than existing · {} rejected",
            c.added,
            c.replaced,
            c.unchanged,
            c.kept_newer,
            c.rejected
        )
    }
}

impl Outcome {
    /// The outcome as a word or short sentence for the report table.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Outcome::Added => tr!(lang, "neu", "new"),
            Outcome::Replaced { before } => tr!(lang, "ersetzt {before}", "replaces {before}"),
            Outcome::Unchanged => tr!(lang, "unverändert", "unchanged"),
            Outcome::KeptNewer { existing } => tr!(
                lang,
                "nicht übernommen: vorhanden ist {existing} (neuerer Datenstand)",
                "not taken: {existing} is there (newer as-of date)"
            ),
            Outcome::Rejected(reason) => tr!(lang, "abgelehnt: {reason}", "rejected: {reason}"),
        }
    }
}

/// The columns an import understands, found by their header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Col {
    Indicator,
    Population,
    Year,
    Month,
    Value,
    Numerator,
    Denominator,
    AsOf,
    Comment,
}

impl Col {
    /// Header words in either language; compared after [`normalise`].
    fn from_header(text: &str) -> Option<Col> {
        Some(match normalise(text).as_str() {
            "kennzahl" | "indicator" | "code" => Col::Indicator,
            "personengruppe" | "gruppe" | "population" | "group" => Col::Population,
            "jahr" | "year" => Col::Year,
            "monat" | "month" => Col::Month,
            "wert" | "value" | "istwert" => Col::Value,
            "zaehler" | "numerator" => Col::Numerator,
            "nenner" | "denominator" => Col::Denominator,
            "datenstand" | "asof" | "asofdate" => Col::AsOf,
            "kommentar" | "comment" => Col::Comment,
            _ => return None,
        })
    }
}

/// Lower case, umlauts spelled out, only letters and digits: "Zähler " → "zaehler", "As of" → "asof".
fn normalise(text: &str) -> String {
    let mut out = String::new();
    for c in unguard(text.trim()).chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Reads a CSV file of values into a copy of `workspace` and reports every line. `Err` only when the file as a
/// whole cannot be a values file (empty, too large, no header); then there is nothing to accept.
pub fn import(workspace: &Workspace, bytes: &[u8], lang: Lang) -> Result<Import, String> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(too_large(bytes.len() as f64, MAX_CSV_BYTES, lang));
    }
    if bytes.contains(&0) && !bytes.starts_with(b"\xFF\xFE") && !bytes.starts_with(b"\xFE\xFF") {
        return Err(lang
            .pick(
                "Die Datei ist keine Textdatei (CSV). Bitte in Excel „Speichern unter“ → „CSV UTF-8 \
                 (durch Trennzeichen getrennt)“ wählen.",
                "The file is not a text (CSV) file. In Excel, use “Save as” → “CSV UTF-8 (comma delimited)”.",
            )
            .into());
    }
    let text = decode_text(bytes);
    let header_line = text.lines().find(|l| !l.trim().is_empty());
    let Some(header_line) = header_line else {
        return Err(lang
            .pick("Die Datei ist leer.", "The file is empty.")
            .into());
    };
    let separator = [';', '\t', ',']
        .into_iter()
        .find(|s| header_line.contains(*s))
        .unwrap_or(';');
    let (records, unclosed) = records(&text, separator);
    let mut records = records.into_iter().filter(|(_, fields)| !is_blank(fields));
    let Some((_, header)) = records.next() else {
        return Err(lang
            .pick("Die Datei ist leer.", "The file is empty.")
            .into());
    };
    let columns = columns(&header, lang)?;
    let count = records.clone().count();
    if count > MAX_LINES {
        return Err(tr!(
            lang,
            "Die Datei hat {count} Zeilen; gelesen werden höchstens {MAX_LINES}. Bitte in mehrere Dateien \
                 teilen.",
            "The file has {count} lines; at most {MAX_LINES} are read. Please split it into several files."
        ));
    }
    // A comma-separated file cannot hold decimal commas unquoted: it comes from an English setting.
    let number_lang = if separator == ',' { Lang::En } else { Lang::De };
    let catalogue = workspace.catalogue();
    let mut result = workspace.clone();
    let mut seen: HashMap<ValueKey, usize> = HashMap::new();
    let mut lines = Vec::new();
    for (number, fields) in records {
        let line = match read_line(&fields, &columns, &catalogue, number_lang, lang) {
            Err(reason) => Line {
                number,
                what: fields.join(&separator.to_string()),
                outcome: Outcome::Rejected(reason),
            },
            Ok(row) => {
                let what = format!(
                    "{} = {}",
                    describe_key(&row.key, lang),
                    describe_revision(&row.key, &row.revision(), &catalogue, lang)
                );
                let outcome = if let Some(first) = seen.get(&row.key) {
                    Outcome::Rejected(tr!(
                        lang,
                        "derselbe Wert steht schon in Zeile {first}",
                        "the same value is already in line {first}"
                    ))
                } else {
                    seen.insert(row.key.clone(), number);
                    let before = result
                        .values
                        .get(&row.key)
                        .map(|v| describe_revision(&row.key, &v.current, &catalogue, lang))
                        .unwrap_or_default();
                    match result
                        .values
                        .record(row.key, row.amount, row.as_of, &row.comment)
                    {
                        RecordOutcome::Added => Outcome::Added,
                        RecordOutcome::Replaced => Outcome::Replaced { before },
                        RecordOutcome::Unchanged => Outcome::Unchanged,
                        RecordOutcome::KeptNewer => Outcome::KeptNewer { existing: before },
                    }
                };
                Line {
                    number,
                    what,
                    outcome,
                }
            }
        };
        lines.push(line);
    }
    if let Some(number) = unclosed {
        lines.push(Line {
            number,
            what: String::new(),
            outcome: Outcome::Rejected(
                lang.pick(
                    "Ein Anführungszeichen wird nicht geschlossen; ab hier wurde die Datei nicht gelesen.",
                    "A quotation mark is never closed; the file was not read from here on.",
                )
                .into(),
            ),
        });
    }
    if lines.is_empty() {
        return Err(lang
            .pick(
                "Die Datei enthält nur die Kopfzeile und keine Werte.",
                "The file holds only the header and no values.",
            )
            .into());
    }
    Ok(Import {
        workspace: result,
        lines,
        separator,
    })
}

fn is_blank(fields: &[String]) -> bool {
    fields.iter().all(|f| f.trim().is_empty())
}

#[cfg(test)]
mod tests;
