//! What this browser knows of backups (issue 17), and which workspace that knowledge is of (issue 20). The note
//! lies under its own key, apart from the workspace, and names the workspace it was made of: its organisation,
//! whether it is the example, and the revision at which it came in here ("Neuen Arbeitsbereich anlegen", an
//! accepted import of another workspace). A note of another workspace counts as "no backup yet", with changes
//! counted from when this one came in: a backup of the example says nothing about the new workspace that replaced
//! it. The stored workspace gets no field for this (that would be a schema step).

use crate::core::calendar::Date;
use crate::domain::workspace::MetaView;
use crate::exchange::backup::same_organisation;

/// What this browser knows of backups: when the last one was downloaded here and at which revision of the
/// workspace, since when changes count without one, when the user wants to be reminded, and of which workspace.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BackupNote {
    /// The day of the last backup downloaded in this browser.
    #[serde(default, rename = "zuletzt")]
    pub last: Option<Date>,
    /// The workspace's revision at that backup, or (without one) at which the workspace came in: saved changes
    /// count from here.
    #[serde(default)]
    pub revision: u64,
    /// Since when changes count without a backup: the last backup, or the day the workspace came in (the first
    /// day the app saved here).
    #[serde(default, rename = "seit")]
    pub since: Option<Date>,
    /// Remind after so many days …
    #[serde(default = "seven", rename = "erinnern_nach_tagen")]
    pub remind_days: u32,
    /// … or so many saved changes without a backup.
    #[serde(default = "fifty", rename = "erinnern_nach_aenderungen")]
    pub remind_changes: u32,
    /// The workspace this note is of; `None` in notes of builds before issue 20, which belong to whatever
    /// workspace is stored (their users keep their status).
    #[serde(
        default,
        rename = "arbeitsbereich",
        skip_serializing_if = "Option::is_none"
    )]
    pub of: Option<NoteOf>,
}

/// The workspace a [`BackupNote`] is of.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NoteOf {
    #[serde(rename = "organisation")]
    pub organisation: String,
    #[serde(rename = "beispiel")]
    pub example: bool,
    /// The revision at which the workspace came in here (0: from the start). A workspace stored at an earlier
    /// revision is not this one: it was there before this one came in (another tab has not taken it in yet), or
    /// storage was emptied since.
    #[serde(rename = "ab_revision")]
    pub from: u64,
}

fn seven() -> u32 {
    7
}
fn fifty() -> u32 {
    50
}

impl Default for BackupNote {
    fn default() -> BackupNote {
        BackupNote {
            last: None,
            revision: 0,
            since: None,
            remind_days: seven(),
            remind_changes: fifty(),
            of: None,
        }
    }
}

impl BackupNote {
    /// Whether this note is of `workspace`, stored at `revision`: the same organisation (but for case and
    /// spacing), the example or not alike, and not come in after `revision`. A note without these (of an older
    /// build) is of whatever workspace is stored.
    pub fn belongs_to(&self, workspace: MetaView<'_>, revision: u64) -> bool {
        self.of.as_ref().is_none_or(|of| {
            of.example == workspace.example()
                && same_organisation(&of.organisation, workspace.organisation())
                && of.from <= revision
        })
    }

    /// The note of `workspace`, come in at `revision` on `today`: no backup yet, changes counted from here. The
    /// reminder's thresholds stay (they are the user's, of this browser).
    pub fn anew(&self, workspace: MetaView<'_>, revision: u64, today: Option<Date>) -> BackupNote {
        BackupNote {
            last: None,
            revision,
            since: today,
            remind_days: self.remind_days,
            remind_changes: self.remind_changes,
            of: Some(NoteOf {
                organisation: workspace.organisation().to_owned(),
                example: workspace.example(),
                from: revision,
            }),
        }
    }

    /// The note that holds for `workspace` stored at `revision`: this one if it belongs (an older note takes the
    /// workspace as its own, from the start; one that never counted counts from `today`), else a new one.
    pub fn for_workspace(
        &self,
        workspace: MetaView<'_>,
        revision: u64,
        today: Option<Date>,
    ) -> BackupNote {
        if !self.belongs_to(workspace, revision) {
            return self.anew(workspace, revision, today);
        }
        let mut note = self.clone();
        if note.of.is_none() {
            note.of = Some(NoteOf {
                organisation: workspace.organisation().to_owned(),
                example: workspace.example(),
                from: 0,
            });
        }
        if note.since.is_none() {
            note.since = today;
        }
        note
    }

    /// After this tab put `workspace` in place at `revision`: "Neuen Arbeitsbereich anlegen" (`new`) starts the
    /// note anew, even under the same name; an import keeps it when it is of the same workspace (a backup of it
    /// restored or merged in: the user keeps the reminder), and starts it anew for another organisation.
    pub fn replaced(
        &self,
        workspace: MetaView<'_>,
        revision: u64,
        today: Option<Date>,
        new: bool,
    ) -> BackupNote {
        if new {
            self.anew(workspace, revision, today)
        } else {
            self.for_workspace(workspace, revision, today)
        }
    }

    /// The workspace that came in at `from` was saved as `revision`: that save is no change of the user's, so
    /// without a backup since, changes count from it. A note changed meanwhile (another workspace came in, or a
    /// backup was made) stays as it is.
    pub fn saved_in(&self, from: u64, revision: u64) -> BackupNote {
        let mut note = self.clone();
        if let Some(of) = note.of.as_mut()
            && of.from == from
            && note.last.is_none()
            && note.revision == from
        {
            of.from = revision;
            note.revision = revision;
        }
        note
    }

    /// After a backup of `workspace` at `revision` was downloaded on `today`. A note of a workspace that came in
    /// after `revision` stays as it is: another tab put a new workspace in place meanwhile, and this backup is of
    /// the one before.
    pub fn backed_up(
        &self,
        workspace: MetaView<'_>,
        revision: u64,
        today: Option<Date>,
    ) -> BackupNote {
        if self.of.as_ref().is_some_and(|of| of.from > revision) {
            return self.clone();
        }
        let mut note = self.for_workspace(workspace, revision, today);
        note.last = today;
        note.since = today;
        note.revision = revision;
        note
    }

    /// Saved changes since the last backup, or since the workspace came in.
    pub fn changes(&self, revision: u64) -> u64 {
        revision.saturating_sub(self.revision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::odenwaldkreis;
    use crate::domain::workspace::Workspace;

    fn d(y: i64, m: i64, day: i64) -> Option<Date> {
        Date::new(y, m, day)
    }

    /// A backup of the example downloaded on 20 November at revision 12.
    fn example_backed_up() -> BackupNote {
        BackupNote {
            last: d(2026, 11, 20),
            revision: 12,
            since: d(2026, 11, 20),
            remind_days: 7,
            remind_changes: 50,
            of: Some(NoteOf {
                organisation: "Kommunales Job-Center (KJC) Odenwaldkreis".into(),
                example: true,
                from: 0,
            }),
        }
    }

    #[test]
    fn a_new_workspace_does_not_inherit_the_examples_backup() {
        let note = example_backed_up();
        let example = odenwaldkreis();
        assert!(note.belongs_to(example.meta(), 15));
        let fresh = Workspace::empty("Jobcenter Musterkreis");
        assert!(!note.belongs_to(fresh.meta(), 15));
        // "Neuen Arbeitsbereich anlegen" at revision 15, on 29 November.
        let new = note.replaced(fresh.meta(), 15, d(2026, 11, 29), true);
        assert_eq!(
            new,
            BackupNote {
                last: None,
                revision: 15,
                since: d(2026, 11, 29),
                remind_days: 7,
                remind_changes: 50,
                of: Some(NoteOf {
                    organisation: "Jobcenter Musterkreis".into(),
                    example: false,
                    from: 15,
                }),
            }
        );
        // Its own save (revision 16) is no change of the user's; three more are.
        let saved = new.saved_in(15, 16);
        assert_eq!((saved.revision, saved.of.as_ref().unwrap().from), (16, 16));
        assert_eq!(saved.changes(19), 3);
        // The example's note read beside the new workspace (another tab, a reload): no backup yet.
        let seen = note.for_workspace(fresh.meta(), 16, d(2026, 11, 30));
        assert_eq!(seen.last, None);
        assert_eq!(seen.changes(16), 0);
        assert_eq!(seen.since, d(2026, 11, 30));
    }

    #[test]
    fn a_new_workspace_of_the_same_name_starts_anew_too() {
        let mut note = example_backed_up();
        note.of = Some(NoteOf {
            organisation: "Jobcenter A".into(),
            example: false,
            from: 3,
        });
        let again = Workspace::empty("Jobcenter A");
        assert!(note.belongs_to(again.meta(), 20));
        let new = note.replaced(again.meta(), 20, d(2026, 11, 29), true);
        assert_eq!(new.last, None);
        assert_eq!(new.of.as_ref().unwrap().from, 20);
        // A tab that still holds the old one (revision 19) does not take the new note for its own.
        assert!(!new.belongs_to(again.meta(), 19));
        assert!(new.belongs_to(again.meta(), 21));
    }

    #[test]
    fn restoring_a_backup_of_the_same_workspace_keeps_the_reminder() {
        let mut note = example_backed_up();
        note.of = Some(NoteOf {
            organisation: "Jobcenter A".into(),
            example: false,
            from: 0,
        });
        let restored = Workspace::empty(" jobcenter  A");
        assert_eq!(
            note.replaced(restored.meta(), 70, d(2026, 11, 29), false),
            note
        );
        // 58 changes since the backup at revision 12 still count.
        assert_eq!(note.changes(70), 58);
        // Another job centre's backup put in place: no backup of it yet.
        let other = Workspace::empty("Jobcenter B");
        let new = note.replaced(other.meta(), 70, d(2026, 11, 29), false);
        assert_eq!((new.last, new.revision), (None, 70));
    }

    #[test]
    fn an_older_note_belongs_to_the_stored_workspace() {
        // As builds before issue 20 wrote it.
        let old: BackupNote =
            serde_json::from_str(r#"{"zuletzt":"2026-11-20","revision":12,"seit":"2026-11-20","erinnern_nach_tagen":7,"erinnern_nach_aenderungen":50}"#)
                .unwrap();
        assert_eq!(old.of, None);
        let mine = Workspace::empty("Jobcenter A");
        assert!(old.belongs_to(mine.meta(), 30));
        let kept = old.for_workspace(mine.meta(), 30, d(2026, 11, 29));
        assert_eq!(kept.last, d(2026, 11, 20));
        assert_eq!(kept.changes(30), 18);
        assert_eq!(
            kept.of,
            Some(NoteOf {
                organisation: "Jobcenter A".into(),
                example: false,
                from: 0,
            })
        );
        // Written with the workspace it is of; an older build reading it ignores that field.
        let text = serde_json::to_string(&kept).unwrap();
        assert_eq!(
            text,
            r#"{"zuletzt":"2026-11-20","revision":12,"seit":"2026-11-20","erinnern_nach_tagen":7,"erinnern_nach_aenderungen":50,"arbeitsbereich":{"organisation":"Jobcenter A","beispiel":false,"ab_revision":0}}"#
        );
        // A note that never counted counts from today.
        let none = BackupNote::default().for_workspace(mine.meta(), 0, d(2026, 11, 29));
        assert_eq!(none.since, d(2026, 11, 29));
    }

    #[test]
    fn a_backup_is_noted_for_its_workspace() {
        let fresh = Workspace::empty("Jobcenter Musterkreis");
        let new = example_backed_up().replaced(fresh.meta(), 15, d(2026, 11, 25), true);
        let backed = new.backed_up(fresh.meta(), 22, d(2026, 11, 29));
        assert_eq!(
            (backed.last, backed.revision, backed.since),
            (d(2026, 11, 29), 22, d(2026, 11, 29))
        );
        assert_eq!(backed.of, new.of);
        // A backup made in a tab that still showed the example (revision 14) says nothing of the new workspace.
        assert_eq!(
            new.backed_up(odenwaldkreis().meta(), 14, d(2026, 11, 29)),
            new
        );
        // One made from a note of another workspace is of this one, from here.
        let other = example_backed_up().backed_up(fresh.meta(), 16, d(2026, 11, 29));
        assert_eq!(
            other.of.as_ref().unwrap().organisation,
            "Jobcenter Musterkreis"
        );
        assert_eq!((other.last, other.revision), (d(2026, 11, 29), 16));
    }

    #[test]
    fn a_changed_note_is_not_moved_by_the_save() {
        let fresh = Workspace::empty("Jobcenter Musterkreis");
        let new = example_backed_up().replaced(fresh.meta(), 15, d(2026, 11, 25), true);
        let backed = new.backed_up(fresh.meta(), 15, d(2026, 11, 25));
        assert_eq!(backed.saved_in(15, 16), backed);
        assert_eq!(example_backed_up().saved_in(0, 16), example_backed_up());
    }
}
