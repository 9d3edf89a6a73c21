//! The workspace file ("Arbeitsbereich-Datei", issue 17): the workspace as a file the team owns, e.g. on a
//! network share. Its text is the backup's JSON with the stamp of the save that wrote it in front ("revision",
//! "schreiber"), so any backup reader reads it and two colleagues can tell each other's saves apart. These are
//! the rules; the browser's file handles live in the UI.
//!
//! Before every write, and on start and focus, the app compares the file with what it last read or wrote there:
//! - the same stamp: nothing happened there; a write may go ahead;
//! - another stamp: a colleague saved. Without changes here since the file was last in step, theirs is taken
//!   over; with changes on both sides, the user chooses (theirs, mine, or the backup's merge);
//! - not a workspace file (not JSON, not a backup, an inconsistent one): it is never written over; the user is
//!   told.

use super::Stamp;
use crate::domain::workspace::EncodeError;
use crate::domain::workspace::Workspace;
use crate::locale::Lang;

/// What a workspace file holds.
#[derive(Clone, Debug, PartialEq)]
pub struct FileContent {
    pub stamp: Stamp,
    pub workspace: Workspace,
}

/// The file's text for `workspace` saved under `stamp`: the backup's JSON with the stamp in front.
pub fn encode_file(stamp: &Stamp, workspace: &Workspace) -> Result<String, EncodeError> {
    let backup = serde_json::to_string_pretty(workspace).map_err(|e| EncodeError(e.to_string()))?;
    let writer = serde_json::to_string(&stamp.writer).map_err(|e| EncodeError(e.to_string()))?;
    let Some(fields) = backup.strip_prefix("{\n") else {
        return Err(EncodeError(
            "der Arbeitsbereich ist kein JSON-Objekt".into(),
        ));
    };
    Ok(format!(
        "{{\n  \"revision\": {},\n  \"schreiber\": {writer},\n{fields}",
        stamp.revision
    ))
}

/// Reads a workspace file: its stamp and workspace, checked in full as a backup is; or why not, in `lang`. A
/// backup without a stamp (downloaded, not written by a link) reads with revision 0 and no writer.
pub fn decode_file(bytes: &[u8], lang: Lang) -> Result<FileContent, String> {
    let workspace = crate::exchange::backup::read(bytes, lang)?;
    let text = String::from_utf8_lossy(bytes);
    let stamp = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .map(|doc| Stamp {
            revision: doc
                .get("revision")
                .and_then(serde_json::Value::as_u64)
                .unwrap_or(0),
            writer: doc
                .get("schreiber")
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default()
                .to_owned(),
        })
        .unwrap_or_else(Stamp::none);
    Ok(FileContent { stamp, workspace })
}

/// What to do with the file, seen before a write or on start and focus.
#[derive(Clone, Debug, PartialEq)]
pub enum FileStep {
    /// The file is as this tab left it (or new): write when there is something to write.
    InStep,
    /// A colleague saved and nothing changed here since: take their workspace.
    TakeTheirs(FileContent),
    /// Both changed: the user chooses theirs, mine, or the merge.
    Choose(FileContent),
    /// Not a workspace file (any more): never written over; the reason, in the user's language.
    Unreadable(String),
}

/// Compares the file (`None`: it is gone or empty) with the stamp this tab last read or wrote there (`known`);
/// `changed_here`: this workspace changed since the file was last in step.
pub fn file_step(
    file: Option<&[u8]>,
    known: Option<&Stamp>,
    changed_here: bool,
    lang: Lang,
) -> FileStep {
    let Some(bytes) = file.filter(|b| !b.iter().all(u8::is_ascii_whitespace)) else {
        return match known {
            // Linked but emptied or removed meanwhile: someone else did that; ask before writing.
            Some(_) => FileStep::Unreadable(
                lang.pick(
                    "Die Arbeitsbereich-Datei ist leer oder fehlt; sie wird nicht neu geschrieben, bevor Sie es bestätigen.",
                    "The workspace file is empty or gone; it is not written anew before you confirm.",
                )
                .into(),
            ),
            None => FileStep::InStep,
        };
    };
    let content = match decode_file(bytes, lang) {
        Ok(content) => content,
        Err(why) => return FileStep::Unreadable(why),
    };
    if known == Some(&content.stamp) {
        return FileStep::InStep;
    }
    if changed_here {
        FileStep::Choose(content)
    } else {
        FileStep::TakeTheirs(content)
    }
}

/// What this browser knows of the linked file, shared by its tabs (a note in localStorage beside the
/// workspace): the file's stamp when the two were last in step, and the fingerprint of the workspace then.
/// "Changed here" is judged by the data against that fingerprint (issue 21, loss 1), not by whether a save to
/// localStorage happened to succeed: a change that storage refused is still a change.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileNote {
    #[serde(rename = "stand")]
    pub stamp: Option<Stamp>,
    /// `None`: no workspace is known to be in step with the file (just linked, or the user chose to write
    /// theirs over it): the next round compares or writes.
    #[serde(rename = "fingerabdruck", default)]
    pub fingerprint: Option<u64>,
}

impl FileNote {
    /// The file holds `stamp`, and it is `workspace`.
    pub fn in_step(stamp: &Stamp, workspace: &Workspace) -> FileNote {
        FileNote {
            stamp: Some(stamp.clone()),
            fingerprint: fingerprint(workspace),
        }
    }

    /// The file's `stamp` is known but no workspace is in step with it: this one counts as changed here.
    pub fn seen(stamp: Option<&Stamp>) -> FileNote {
        FileNote {
            stamp: stamp.cloned(),
            fingerprint: None,
        }
    }

    /// Whether `workspace` differs from the one last in step with the file.
    pub fn changed_here(&self, workspace: &Workspace) -> bool {
        self.fingerprint.is_none() || self.fingerprint != fingerprint(workspace)
    }
}

/// A fingerprint of the workspace's content (64-bit FNV-1a over the file's JSON of it, the very serialisation
/// `encode_file` uses, so that it adds no code of its own to the download); `None` when it cannot be encoded
/// (then it counts as changed).
pub fn fingerprint(workspace: &Workspace) -> Option<u64> {
    let text = serde_json::to_string_pretty(workspace).ok()?;
    Some(text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    }))
}

/// "Zusammenführen" with a colleague's file: three-way against the workspace last in step with the file
/// (`base`, where this tab still has it) when that merges cleanly, else the backup's merge (theirs and mine by
/// Datenstand, as the preview lists).
pub fn merge_with_file(
    base: Option<&Workspace>,
    mine: &Workspace,
    theirs: &Workspace,
    lang: Lang,
) -> Workspace {
    if let Some(base) = base
        && let crate::domain::merge::Merge::Clean(merged) =
            crate::domain::merge::merge3(base, mine, theirs)
    {
        return merged;
    }
    crate::exchange::backup::merge(mine, theirs, lang).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::{Month, Year};
    use crate::domain::example::odenwaldkreis;
    use crate::domain::indicator::IndicatorCode;
    use crate::domain::values::{Amount, Population, ValueKey};

    fn stamp(revision: u64, writer: &str) -> Stamp {
        Stamp {
            revision,
            writer: writer.into(),
        }
    }

    fn with_january(value: f64) -> Workspace {
        let mut ws = odenwaldkreis();
        ws.values.record(
            ValueKey {
                indicator: IndicatorCode::new("INT"),
                population: Population::Total,
                year: Year::new(2022).unwrap(),
                month: Month::new(1),
            },
            Amount::Number(value),
            None,
            "",
        );
        ws
    }

    #[test]
    fn the_file_is_a_backup_with_the_stamp_in_front() {
        let ws = with_january(61.0);
        let text = encode_file(&stamp(7, "t-0000abcd"), &ws).unwrap();
        assert!(
            text.starts_with(
                "{\n  \"revision\": 7,\n  \"schreiber\": \"t-0000abcd\",\n  \"schema_version\": 3"
            ),
            "{text}"
        );
        // Any backup reader reads it.
        assert_eq!(
            crate::exchange::backup::read(text.as_bytes(), Lang::De).unwrap(),
            ws
        );
        let back = decode_file(text.as_bytes(), Lang::De).unwrap();
        assert_eq!(back.stamp, stamp(7, "t-0000abcd"));
        assert_eq!(back.workspace, ws);
        // A downloaded backup links too, as revision 0.
        let backup = crate::exchange::backup::export(&ws);
        assert_eq!(
            decode_file(backup.as_bytes(), Lang::De).unwrap().stamp,
            Stamp::none()
        );
    }

    #[test]
    fn a_colleagues_save_is_taken_over_or_chosen_and_nothing_unreadable_is_written_over() {
        let mine = stamp(3, "t-mine");
        let file = encode_file(&mine, &with_january(60.0)).unwrap();
        // As this tab left it.
        assert_eq!(
            file_step(Some(file.as_bytes()), Some(&mine), true, Lang::De),
            FileStep::InStep
        );
        // A colleague saved at the same revision number: a different stamp.
        let theirs = encode_file(&stamp(3, "t-theirs"), &with_january(70.0)).unwrap();
        match file_step(Some(theirs.as_bytes()), Some(&mine), false, Lang::De) {
            FileStep::TakeTheirs(c) => {
                assert_eq!(c.stamp, stamp(3, "t-theirs"));
                assert_eq!(c.workspace, with_january(70.0));
            }
            other => panic!("{other:?}"),
        }
        match file_step(Some(theirs.as_bytes()), Some(&mine), true, Lang::De) {
            FileStep::Choose(c) => assert_eq!(c.workspace, with_january(70.0)),
            other => panic!("{other:?}"),
        }
        // Not JSON: never written over, and said in German.
        match file_step(Some(b"Protokoll der Sitzung"), Some(&mine), true, Lang::De) {
            FileStep::Unreadable(why) => assert!(why.contains("kein gültiges JSON"), "{why}"),
            other => panic!("{other:?}"),
        }
        // A linked file emptied by someone: asked, not rewritten.
        assert!(matches!(
            file_step(Some(b"  \n"), Some(&mine), true, Lang::De),
            FileStep::Unreadable(_)
        ));
        // A new, empty file chosen for linking: written.
        assert_eq!(file_step(None, None, true, Lang::De), FileStep::InStep);
    }

    /// Issue 21, loss 1: a change that did not reach localStorage (storage full) left the revision where it was,
    /// so the file logic took it for "nothing changed here" and a colleague's newer file replaced it without a
    /// choice. "Changed here" is now judged by the data.
    #[test]
    fn changed_here_is_judged_by_the_data_not_by_a_save_that_succeeded() {
        let in_step = with_january(61.0);
        let note = FileNote::in_step(&stamp(3, "t-a"), &in_step);
        assert!(!note.changed_here(&in_step));
        assert!(
            !note.changed_here(&in_step.clone()),
            "by content, not by identity"
        );
        let unsaved = with_january(62.0);
        assert!(note.changed_here(&unsaved));
        let colleague = encode_file(&stamp(4, "t-b"), &with_january(70.0)).unwrap();
        assert!(matches!(
            file_step(
                Some(colleague.as_bytes()),
                note.stamp.as_ref(),
                note.changed_here(&unsaved),
                Lang::De
            ),
            FileStep::Choose(_)
        ));
        // Nobody saved there: the change is written to the file, not said to be in step while it is nowhere.
        let unchanged = encode_file(&stamp(3, "t-a"), &in_step).unwrap();
        assert_eq!(
            file_step(
                Some(unchanged.as_bytes()),
                note.stamp.as_ref(),
                note.changed_here(&unsaved),
                Lang::De
            ),
            FileStep::InStep
        );
        // Just linked, or the user kept theirs over the file: no workspace is in step yet.
        assert!(FileNote::seen(Some(&stamp(4, "t-b"))).changed_here(&in_step));
        // A note of the build before (the local revision instead of a fingerprint) counts as changed: the file
        // is compared, never taken over unseen.
        let old: FileNote =
            serde_json::from_str(r#"{"stand":{"revision":3,"schreiber":"t-a"},"lokal":17}"#)
                .unwrap();
        assert_eq!(old.stamp, Some(stamp(3, "t-a")));
        assert!(old.changed_here(&in_step));
        let round: FileNote = serde_json::from_str(&serde_json::to_string(&note).unwrap()).unwrap();
        assert_eq!(round, note);
    }

    /// The merge with a colleague's file is three-way against the workspace last in step with the file: a
    /// value removed here stays removed, one they added comes in.
    #[test]
    fn the_merge_with_the_file_has_the_workspace_last_in_step_as_its_base() {
        let base = with_january(61.0);
        let mut mine = base.clone();
        let january = ValueKey {
            indicator: IndicatorCode::new("INT"),
            population: Population::Total,
            year: Year::new(2022).unwrap(),
            month: Month::new(1),
        };
        mine.values.remove(&january);
        let mut theirs = base.clone();
        let february = ValueKey {
            month: Month::new(2),
            ..january.clone()
        };
        theirs
            .values
            .record(february.clone(), Amount::Number(64.0), None, "");
        let merged = merge_with_file(Some(&base), &mine, &theirs, Lang::De);
        assert_eq!(
            merged.values.get(&january),
            None,
            "removed here, stays removed"
        );
        assert_eq!(
            merged.values.get(&february).map(|v| v.current.amount),
            Some(Amount::Number(64.0))
        );
        // Without the base (another tab's round), the backup's merge: their February comes in too.
        let two_way = merge_with_file(None, &mine, &theirs, Lang::De);
        assert!(two_way.values.get(&february).is_some());
    }
}
