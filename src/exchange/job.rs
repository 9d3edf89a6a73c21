//! An import as one job of the file worker (issue 22): the bytes of a chosen file and the workspace it goes
//! into, read, checked and merged; out comes what the preview shows (texts in the user's language) and the
//! workspaces the user may take, or the German/English reason why the file was not read. Pure: the worker
//! (`jobs::worker`) runs it off the page's thread, the tests run it natively, and nothing here knows the browser.

pub mod parts;

use super::{backup, csv};
use crate::core::calendar::{Date, Year};
use crate::domain::comparison::member_key;
use crate::domain::workspace::Workspace;
use crate::locale::Lang;

/// How many lines of a CSV import the report lists; the counts above it cover them all.
pub const LISTED: usize = 300;

/// What kind of file the user chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Backup,
    Csv,
    /// Another job centre's backup or workspace file, for the comparison (issue 23).
    Member,
}

impl Kind {
    /// Its name in a message to the worker.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Backup => "sicherung",
            Kind::Csv => "csv",
            Kind::Member => "mitglied",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        [Kind::Backup, Kind::Csv, Kind::Member]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// A step of a job, said while it runs (a 6 MB backup takes a second or two off the page's thread).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Reading and checking the file.
    Reading,
    /// Merging it into the workspace.
    Merging,
    /// Handing the result to the page.
    Handing,
}

impl Step {
    /// Its name in a message from the worker.
    pub fn code(self) -> &'static str {
        match self {
            Step::Reading => "lesen",
            Step::Merging => "zusammenfuehren",
            Step::Handing => "uebergeben",
        }
    }

    pub fn from_code(code: &str) -> Option<Step> {
        [Step::Reading, Step::Merging, Step::Handing]
            .into_iter()
            .find(|s| s.code() == code)
    }

    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Step::Reading => lang.pick(
                "Die Datei wird gelesen und geprüft …",
                "Reading and checking the file …",
            ),
            Step::Merging => lang.pick(
                "Die Sicherung wird zusammengeführt …",
                "Merging the backup …",
            ),
            Step::Handing => {
                lang.pick("Die Vorschau wird vorbereitet …", "Preparing the preview …")
            }
        }
    }
}

/// The preview of a backup: what it holds and how it stands to the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupPreview {
    /// "Sicherung von „…“: Zielvereinbarungen 2021, 2022; 1.234 Werte, neuester Datenstand …".
    pub described: String,
    /// Merging is offered first (a backup of this workspace).
    pub merge_first: bool,
    /// Merging is offered at all (not into the example).
    pub can_merge: bool,
    /// Another organisation's backup: what replacing would discard.
    pub warning: Option<String>,
    /// The user's backup into the example: what goes.
    pub example_note: Option<String>,
    /// "12 Werte neu · …" of a merge.
    pub counts: Option<String>,
    /// The differences a merge found.
    pub conflicts: Vec<String>,
}

/// One line of a CSV import's report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportLine {
    pub number: usize,
    pub what: String,
    pub result: String,
    pub rejected: bool,
}

/// The preview of a CSV import: the counts and the first [`LISTED`] lines, rejected ones first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvPreview {
    pub summary: String,
    /// Whether accepting would change the workspace.
    pub changes: bool,
    pub lines: Vec<ReportLine>,
    /// How many lines more the file has than are listed.
    pub more: usize,
}

/// An optional text as a list entry: absent is empty (a text that is there is never empty).
fn opt(text: Option<&str>) -> String {
    text.unwrap_or_default().to_owned()
}

fn unopt(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

impl BackupPreview {
    /// The preview as a list of texts, as it travels from the worker to the page (no serde: its code would be in
    /// the wasm twice, once per direction).
    pub fn to_texts(&self) -> Vec<String> {
        let flags = format!(
            "{}{}",
            if self.merge_first { "z" } else { "-" },
            if self.can_merge { "m" } else { "-" }
        );
        let mut texts = vec![
            self.described.clone(),
            flags,
            opt(self.warning.as_deref()),
            opt(self.example_note.as_deref()),
            opt(self.counts.as_deref()),
        ];
        texts.extend(self.conflicts.iter().cloned());
        texts
    }

    /// The preview from [`BackupPreview::to_texts`]; `None` if the list is not one.
    pub fn from_texts(texts: &[String]) -> Option<BackupPreview> {
        let [
            described,
            flags,
            warning,
            example_note,
            counts,
            conflicts @ ..,
        ] = texts
        else {
            return None;
        };
        Some(BackupPreview {
            described: described.clone(),
            merge_first: flags.starts_with('z'),
            can_merge: flags.ends_with('m'),
            warning: unopt(warning),
            example_note: unopt(example_note),
            counts: unopt(counts),
            conflicts: conflicts.to_vec(),
        })
    }
}

impl CsvPreview {
    /// The preview as a list of texts (see [`BackupPreview::to_texts`]): summary, changes, more, then four texts
    /// per line.
    pub fn to_texts(&self) -> Vec<String> {
        let mut texts = vec![
            self.summary.clone(),
            if self.changes { "1" } else { "" }.to_owned(),
            self.more.to_string(),
        ];
        for line in &self.lines {
            texts.push(line.number.to_string());
            texts.push(line.what.clone());
            texts.push(line.result.clone());
            texts.push(if line.rejected { "1" } else { "" }.to_owned());
        }
        texts
    }

    /// The preview from [`CsvPreview::to_texts`]; `None` if the list is not one.
    pub fn from_texts(texts: &[String]) -> Option<CsvPreview> {
        let [summary, changes, more, lines @ ..] = texts else {
            return None;
        };
        if lines.len() % 4 != 0 {
            return None;
        }
        let lines = lines
            .chunks_exact(4)
            .map(|l| {
                Some(ReportLine {
                    number: l[0].parse().ok()?,
                    what: l[1].clone(),
                    result: l[2].clone(),
                    rejected: !l[3].is_empty(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(CsvPreview {
            summary: summary.clone(),
            changes: !changes.is_empty(),
            lines,
            more: more.parse().ok()?,
        })
    }
}

/// Another job centre's file read for the comparison: who it is and what it holds; its parts follow in the order of
/// `exchange::job::parts::all` (the head, `agreements` agreements, then one part per year of `years`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberPreview {
    /// The organisation as the file names it.
    pub name: String,
    /// Its key among the members (`domain::comparison::member_key`).
    pub key: String,
    /// "Sicherung von „…“: Zielvereinbarungen 2021, 2022; 1.234 Werte, neuester Datenstand …".
    pub described: String,
    /// The newest Datenstand of its figures.
    pub as_of: Option<Date>,
    pub agreements: usize,
    pub years: Vec<Year>,
}

impl MemberPreview {
    /// The preview as texts (see [`BackupPreview::to_texts`]): name, key, description, Datenstand (ISO or empty),
    /// the number of agreements, then the years.
    pub fn to_texts(&self) -> Vec<String> {
        let mut texts = vec![
            self.name.clone(),
            self.key.clone(),
            self.described.clone(),
            self.as_of.map(Date::iso).unwrap_or_default(),
            self.agreements.to_string(),
        ];
        texts.extend(self.years.iter().map(|y| y.get().to_string()));
        texts
    }

    /// The preview from [`MemberPreview::to_texts`]; `None` if the list is not one.
    pub fn from_texts(texts: &[String]) -> Option<MemberPreview> {
        let [name, key, described, as_of, agreements, years @ ..] = texts else {
            return None;
        };
        Some(MemberPreview {
            name: name.clone(),
            key: key.clone(),
            described: described.clone(),
            as_of: if as_of.is_empty() {
                None
            } else {
                Some(Date::from_iso(as_of)?)
            },
            agreements: agreements.parse().ok()?,
            years: years
                .iter()
                .map(|y| y.parse().ok().and_then(Year::new))
                .collect::<Option<_>>()?,
        })
    }
}

/// A file read, checked and merged, waiting for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub enum Prepared {
    Backup {
        preview: BackupPreview,
        /// The backup's workspace ("Arbeitsbereich ersetzen").
        incoming: Workspace,
        /// The backup merged into the workspace ("Zusammenführen").
        merged: Workspace,
    },
    Csv {
        preview: CsvPreview,
        /// The workspace with the file's values taken in ("Übernehmen").
        result: Workspace,
    },
    Member {
        preview: MemberPreview,
        /// The job centre's workspace.
        incoming: Workspace,
    },
}

/// Reads `bytes` as a file of `kind` into `base`, saying each step to `step`; nothing of `base` changes. For a
/// [`Kind::Member`] only `base`'s organisation counts: a file of the user's own organisation is refused.
pub fn prepare(
    kind: Kind,
    base: &Workspace,
    bytes: &[u8],
    lang: Lang,
    step: &mut dyn FnMut(Step),
) -> Result<Prepared, String> {
    step(Step::Reading);
    match kind {
        Kind::Backup => {
            let incoming = backup::read(bytes, lang)?;
            step(Step::Merging);
            let (merged, report) = backup::merge(base, &incoming, lang);
            let fit = backup::fit(base, &incoming, lang);
            let (merge_first, can_merge) = match &fit {
                backup::Fit::Same => (true, true),
                backup::Fit::IntoExample { .. } => (false, false),
                backup::Fit::Foreign { .. } => (false, true),
            };
            let (warning, example_note) = match fit {
                backup::Fit::Same => (None, None),
                backup::Fit::IntoExample { note } => (None, Some(note)),
                backup::Fit::Foreign { warning } => (Some(warning), None),
            };
            let preview = BackupPreview {
                described: backup::describe(&incoming, lang),
                merge_first,
                can_merge,
                warning,
                example_note,
                counts: can_merge.then(|| report.summary(lang)),
                conflicts: if can_merge {
                    report.conflicts
                } else {
                    Vec::new()
                },
            };
            step(Step::Handing);
            Ok(Prepared::Backup {
                preview,
                incoming,
                merged,
            })
        }
        Kind::Member => {
            let incoming = backup::read(bytes, lang)?;
            let key = member_key(&incoming.organisation);
            if key == member_key(&base.organisation) && !base.example {
                let name = &incoming.organisation;
                return Err(crate::tr!(
                    lang,
                    "Die Datei ist von Ihrer eigenen Organisation („{name}“). Ihr eigener Arbeitsbereich nimmt am Vergleich schon teil, wenn Sie ihn dort einschließen; als Mitglied wird er nicht aufgenommen.",
                    "The file is of your own organisation (“{name}”). Your own workspace takes part in the comparison when you include it there; it is not added as a member."
                ));
            }
            let preview = MemberPreview {
                name: incoming.organisation.clone(),
                key,
                described: backup::describe(&incoming, lang),
                as_of: incoming.values.iter().filter_map(|v| v.current.as_of).max(),
                agreements: incoming.agreements.len(),
                years: parts::years(&incoming),
            };
            step(Step::Handing);
            Ok(Prepared::Member { preview, incoming })
        }
        Kind::Csv => {
            let import = csv::import(base, bytes, lang)?;
            let (lines, more) = import.listed(LISTED);
            let lines = lines
                .into_iter()
                .map(|l| ReportLine {
                    number: l.number,
                    what: l.what.clone(),
                    result: l.outcome.text(lang),
                    rejected: matches!(l.outcome, csv::Outcome::Rejected(_)),
                })
                .collect();
            let preview = CsvPreview {
                summary: import.summary(lang),
                changes: import.changes_anything(),
                lines,
                more,
            };
            step(Step::Handing);
            Ok(Prepared::Csv {
                preview,
                result: import.workspace,
            })
        }
    }
}

#[cfg(test)]
mod tests;
