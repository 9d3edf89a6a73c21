//! The backup ("Sicherung"): the whole workspace as a JSON file with its schema version. Reading one checks the
//! whole file (JSON, schema, every indicator, agreement, target and value) before anything may change; older
//! schema versions migrate on the way in. The result either replaces the workspace or is merged into it: for a
//! value present on both sides the newer "Datenstand" wins, and every difference is listed.

use crate::core::calendar::Date;
use crate::domain::agreement::{Agreement, TargetId};
use crate::domain::check::problems;
use crate::domain::values::{Revision, Value, Values};
use crate::domain::workspace::{LoadError, Workspace};
use crate::locale::{Lang, format_count, format_date};

use super::{MAX_BACKUP_BYTES, decode_text, describe_key, describe_revision, too_large};
use crate::tr;

/// The backup file's text: the workspace, pretty-printed so that it can be read and compared by hand.
pub fn export(workspace: &Workspace) -> String {
    // Plain data with string keys always serialises; an empty object would only mean a bug.
    serde_json::to_string_pretty(workspace).unwrap_or_else(|_| "{}".into())
}

/// "zielsteuerung-sicherung-2026-11-26.json".
pub fn file_name(today: Date) -> String {
    format!("zielsteuerung-sicherung-{}.json", today.iso())
}

/// Reads a backup file: the whole workspace or the reasons why not, in `lang`. Nothing is changed here.
pub fn read(bytes: &[u8], lang: Lang) -> Result<Workspace, String> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(too_large(bytes.len() as f64, MAX_BACKUP_BYTES, lang));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(lang
            .pick("Die Datei ist leer.", "The file is empty.")
            .into());
    }
    let text = decode_text(bytes);
    let workspace = Workspace::from_json(&text).map_err(|e| match e {
        LoadError::NotJson(_) => lang
            .pick(
                "Die Datei ist keine Sicherung der Zielsteuerung: Sie enthält kein gültiges JSON (ist sie \
                 unvollständig, oder ist es eine andere Datei?).",
                "The file is not a Zielsteuerung backup: it holds no valid JSON (is it cut off, or another file?).",
            )
            .to_owned(),
        other => other.message(lang),
    })?;
    let problems = problems(&workspace, lang);
    if problems.is_empty() {
        Ok(workspace)
    } else {
        Err(format!(
            "{} {}",
            lang.pick(
                "Die Sicherung ist in sich nicht stimmig und wurde nicht eingelesen:",
                "The backup is not consistent and was not read:"
            ),
            problems.join(" ")
        ))
    }
}

/// How an imported backup is taken in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The backup becomes the workspace.
    Replace,
    /// The backup's agreements, own indicators and values join what is there.
    Merge,
}

/// What a merge did, for the user to read before accepting it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeReport {
    pub values_added: usize,
    /// Values the backup's newer Datenstand replaced (the old one goes into the value's history).
    pub values_replaced: usize,
    /// Values equal on both sides.
    pub values_unchanged: usize,
    /// Values where this workspace's Datenstand is newer or equal: they stay.
    pub values_kept: usize,
    pub agreements_added: Vec<String>,
    pub indicators_added: Vec<String>,
    /// Every difference between the two sides and how it was settled, as sentences in the UI language.
    pub conflicts: Vec<String>,
}

impl MergeReport {
    /// "Zusammenführen: 3 Werte neu, 0 durch neueren Datenstand ersetzt, 0 bleiben, 2 gleich;
    /// Zielvereinbarungen neu: 2023; eigene Kennzahlen neu: keine."
    pub fn summary(&self, lang: Lang) -> String {
        let list = |items: &[String]| {
            if items.is_empty() {
                lang.pick("keine", "none").to_owned()
            } else {
                items.join(", ")
            }
        };
        let (agreements, indicators) = (list(&self.agreements_added), list(&self.indicators_added));
        tr!(
            lang,
            "Zusammenführen: {} Werte neu, {} durch neueren Datenstand ersetzt, {} bleiben, {} gleich; \
                 Zielvereinbarungen neu: {agreements}; eigene Kennzahlen neu: {indicators}.",
            "Merge: {} figures new, {} replaced by a newer as-of date, {} stay, {} equal; agreements new: \
                 {agreements}; own indicators new: {indicators}.",
            self.values_added,
            self.values_replaced,
            self.values_kept,
            self.values_unchanged
        )
    }
}

/// Merges `incoming` into a copy of `local`; `local` itself is not touched.
///
/// - Values: a key only in the backup is added; on both sides the newer Datenstand wins (a value without
///   Datenstand is older than any dated one; on a tie this workspace's value stays), the other revision goes into
///   the value's history, and a difference is listed as a conflict. Histories are joined.
/// - Agreements: a year only in the backup is added (with fresh numbers); a year on both sides keeps this
///   workspace's agreement, and a difference is listed.
/// - Own indicators: a code only in the backup is added; a code defined differently keeps this workspace's
///   definition, and the difference is listed.
/// - Organisation and settings stay.
pub fn merge(local: &Workspace, incoming: &Workspace, lang: Lang) -> (Workspace, MergeReport) {
    let mut merged = local.clone();
    let mut report = MergeReport::default();
    merged.example = local.example && incoming.example;

    for indicator in &incoming.indicators {
        match merged.indicators.iter().find(|i| i.code == indicator.code) {
            None => {
                merged.indicators.push(indicator.clone());
                report
                    .indicators_added
                    .push(indicator.code.as_str().to_owned());
            }
            Some(existing) if existing == indicator => {}
            Some(_) => report.conflicts.push(tr!(
                lang,
                "Eigene Kennzahl {}: in der Sicherung anders definiert; Ihre Definition bleibt.",
                "Own indicator {}: defined differently in the backup; yours stays.",
                indicator.code
            )),
        }
    }

    let mut years: Vec<_> = incoming.agreements.iter().collect();
    years.sort_by_key(|a| a.year);
    for agreement in years {
        let year = agreement.year;
        match merged.agreement_for(year) {
            None => {
                let mut added = agreement.as_ref().clone();
                added.id = merged.next_agreement_id();
                let first = merged.next_target_id().0;
                for (id, target) in (first..).zip(added.targets.iter_mut()) {
                    target.id = TargetId(id);
                }
                merged.agreements.push(std::sync::Arc::new(added));
                report.agreements_added.push(year.to_string());
            }
            Some(existing) if same_agreement(existing, agreement) => {}
            Some(_) => report.conflicts.push(tr!(lang, "Zielvereinbarung {year}: Die Sicherung enthält eine andere Fassung; Ihre Fassung bleibt.", "Agreement {year}: the backup holds a different version; yours stays.")),
        }
    }

    let catalogue = merged.catalogue();
    // Both sides in key order, walked side by side: linear in the number of values (a backup of 55 years
    // into a workspace of 20 takes one pass, not an insertion per value).
    let mut ours_sorted: Vec<Value> = merged.values.iter().cloned().collect();
    ours_sorted.sort_by(|a, b| a.key.cmp(&b.key));
    let mut theirs_sorted: Vec<&Value> = incoming.values.iter().collect();
    theirs_sorted.sort_by(|a, b| a.key.cmp(&b.key));
    let mut values: Vec<Value> = Vec::with_capacity(ours_sorted.len() + theirs_sorted.len());
    let mut ours_left = ours_sorted.into_iter().peekable();
    let mut changed = false;
    for theirs in theirs_sorted {
        let name = |key| describe_key(key, lang);
        while let Some(before) = ours_left.next_if(|o| o.key < theirs.key) {
            values.push(before);
        }
        match ours_left.next_if(|o| o.key == theirs.key) {
            None => {
                values.push(theirs.clone());
                report.values_added += 1;
                changed = true;
            }
            Some(mut ours) => {
                join_history(&mut ours.history, &theirs.history);
                if ours.current == theirs.current {
                    report.values_unchanged += 1;
                    values.push(ours);
                    continue;
                }
                changed = true;
                let (ours_text, theirs_text) = (
                    describe_revision(&theirs.key, &ours.current, &catalogue, lang),
                    describe_revision(&theirs.key, &theirs.current, &catalogue, lang),
                );
                if theirs.current.as_of > ours.current.as_of {
                    let old = std::mem::replace(&mut ours.current, theirs.current.clone());
                    join_history(&mut ours.history, &[old]);
                    report.values_replaced += 1;
                    report.conflicts.push(tr!(lang, "{}: hier {ours_text}, in der Sicherung {theirs_text}; der Wert der Sicherung gilt \
                             (neuerer Datenstand).", "{}: here {ours_text}, in the backup {theirs_text}; the backup's value holds (newer \
                             as-of date).", name(&theirs.key)));
                } else {
                    join_history(&mut ours.history, std::slice::from_ref(&theirs.current));
                    report.values_kept += 1;
                    let why = if theirs.current.as_of == ours.current.as_of {
                        lang.pick("gleicher Datenstand", "same as-of date")
                    } else {
                        lang.pick("neuerer Datenstand", "newer as-of date")
                    };
                    report.conflicts.push(tr!(lang, "{}: hier {ours_text}, in der Sicherung {theirs_text}; Ihr Wert bleibt ({why}).", "{}: here {ours_text}, in the backup {theirs_text}; yours stays ({why}).", name(&theirs.key)));
                }
                values.push(ours);
            }
        }
    }
    values.extend(ours_left);
    if changed {
        merged.values = Values::from(values);
    }
    (merged, report)
}

/// Two agreements for the same year say the same, whatever their internal numbers.
fn same_agreement(a: &Agreement, b: &Agreement) -> bool {
    let mut b = b.clone();
    b.id = a.id;
    if a.targets.len() != b.targets.len() {
        return false;
    }
    for (t, u) in a.targets.iter().zip(b.targets.iter_mut()) {
        u.id = t.id;
    }
    *a == b
}

/// Adds the revisions of `more` that `history` does not hold yet, keeping the oldest first by Datenstand.
fn join_history(history: &mut Vec<Revision>, more: &[Revision]) {
    for revision in more {
        if !history.contains(revision) {
            history.push(revision.clone());
        }
    }
    history.sort_by_key(|r| r.as_of);
}

/// The sentence shown before a merge or replace is accepted: what the backup holds.
pub fn describe(workspace: &Workspace, lang: Lang) -> String {
    let years: Vec<String> = workspace
        .agreement_years()
        .iter()
        .map(ToString::to_string)
        .collect();
    let latest = workspace
        .values
        .iter()
        .filter_map(|v| v.current.as_of)
        .max()
        .map(|d| format_date(d, lang));
    let years = if years.is_empty() {
        lang.pick("keine", "none").to_owned()
    } else {
        years.join(", ")
    };
    let organisation = &workspace.organisation;
    let count = format_count(workspace.values.len() as f64, lang);
    match latest {
        Some(d) => tr!(
            lang,
            "Sicherung von „{organisation}“: Zielvereinbarungen {years}; {count} Werte, neuester Datenstand {d}.",
            "Backup of “{organisation}”: agreements {years}; {count} values, latest as-of date {d}."
        ),
        None => tr!(
            lang,
            "Sicherung von „{organisation}“: Zielvereinbarungen {years}; {count} Werte.",
            "Backup of “{organisation}”: agreements {years}; {count} values."
        ),
    }
}

mod fit;

pub use fit::{Fit, fit, same_organisation};

#[cfg(test)]
mod tests;
