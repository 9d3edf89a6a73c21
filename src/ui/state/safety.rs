//! The safety net's state (issue 17): the revision this tab knows (which counts the saved changes), the browser's
//! answer on keeping the data, and what this browser knows of backups – of which workspace (issue 20: the rules in
//! `persistence::BackupNote`). The note is shared by the tabs of this browser (localStorage): each reads it before
//! changing it, and a tab that takes in another tab's save follows the note that tab wrote.

use leptos::prelude::*;

use super::{AppState, Notice};
use crate::domain::workspace::Workspace;
use crate::persistence::{BACKUP_NOTE, BackupNote};
use crate::storage;
use crate::ui::clock::now_iso;

impl AppState {
    /// Sets `revision` from the commit this tab knows.
    pub(super) fn note_revision(self) {
        let revision = self.sync.with_value(|s| {
            s.as_ref()
                .and_then(|s| s.committed())
                .map_or(0, |c| c.stamp.revision)
        });
        self.revision.set(revision);
    }

    /// After the first save of this tab (the user's own change): asks the browser to keep the data, and shows
    /// its answer.
    pub(super) fn ask_to_keep(self) {
        if self.asked_to_keep.get_value() {
            return;
        }
        self.asked_to_keep.set_value(true);
        leptos::task::spawn_local(async move {
            if let Some(answer) = storage::request_persistence().await {
                self.persisted.set(Some(answer));
            }
        });
    }

    /// What storage holds of backups now. A note that cannot be read is kept aside first and said; while that
    /// copy could not be made, no note is written (the text stays as it is).
    fn read_note(self) -> BackupNote {
        match storage::load_note_checked::<BackupNote>(BACKUP_NOTE) {
            Ok(note) => note.unwrap_or_else(|| self.backup.get_untracked()),
            Err(raw) => {
                let kept = storage::keep_note_aside(&raw, &now_iso()).is_ok();
                self.note_writable.set_value(kept);
                self.note_unreadable.set(true);
                BackupNote::default()
            }
        }
    }

    /// Shows `note` and remembers it. `of_workspace`: it says something of the workspace, so it is written only
    /// while the workspace is saved (never beside a stored workspace that could not be read).
    fn write_note(self, note: BackupNote, of_workspace: bool) {
        let may =
            self.note_writable.get_value() && (!of_workspace || self.may_save.get_untracked());
        if may && self.read_note_quietly().as_ref() != Some(&note) {
            let _ = storage::save_note(BACKUP_NOTE, &note);
        }
        self.backup.set(note);
    }

    /// The stored note if it can be read (for comparing only).
    fn read_note_quietly(self) -> Option<BackupNote> {
        storage::load_note_checked::<BackupNote>(BACKUP_NOTE)
            .ok()
            .flatten()
    }

    /// Takes the stored note as this workspace's, or starts a new one when it is of another (at start-up, and when
    /// another tab's save was taken in: that tab may have put another workspace in place).
    pub(super) fn follow_note(self) {
        let stored = self.read_note();
        let revision = self.revision.get_untracked();
        let today = crate::ui::clock::today_date();
        let note = self
            .data
            .untracked(|w| stored.for_workspace(w, revision, today));
        self.write_note(note, true);
    }

    /// Another tab wrote the note (a backup there, a workspace put in place there): shown here too. Nothing is
    /// written: what holds for this tab's workspace is decided when it reads (see [`AppState::safety`]).
    pub(super) fn reload_note(self) {
        if let Some(note) = self.read_note_quietly() {
            self.backup.set(note);
        }
    }

    /// Before this tab puts `workspace` in place (an import, or a new workspace when `new`): the note that holds
    /// for it. A note started anew counts from the save that follows ([`AppState::note_saved`]).
    pub(super) fn note_replaced(self, workspace: &Workspace, new: bool) {
        let before = self.read_note();
        let revision = self.revision.get_untracked();
        let note = before.replaced(workspace, revision, crate::ui::clock::today_date(), new);
        // Started here: counted from the save that puts the workspace in place.
        let anew = note.last.is_none()
            && note.revision == revision
            && note.of.as_ref().is_some_and(|of| of.from == revision);
        self.note_pending.set_value(anew.then_some(revision));
        self.write_note(note, true);
    }

    /// After a commit of this tab: the save of a workspace just put in place is no change to back up.
    pub(super) fn note_saved(self) {
        if let Some(from) = self.note_pending.try_update_value(Option::take).flatten() {
            let revision = self.revision.get_untracked();
            let note = self.read_note().saved_in(from, revision);
            self.write_note(note, true);
        }
    }

    /// A backup left the browser (downloaded): the reminder starts counting anew from here.
    pub fn backup_done(self) {
        let today = crate::ui::clock::today_date();
        let revision = self.revision.get_untracked();
        let stored = self.read_note();
        let note = self
            .data
            .untracked(|w| stored.backed_up(w, revision, today));
        self.write_note(note, true);
    }

    /// The reminder's thresholds, as the user sets them; remembered in this browser (for every workspace).
    pub fn set_reminder(self, days: u32, changes: u32) {
        let mut note = self.read_note();
        note.remind_days = days;
        note.remind_changes = changes;
        self.write_note(note, false);
    }

    /// What the safety net knows now, of the workspace shown: a note of another workspace counts as no backup
    /// yet. Tracked.
    pub fn safety(self) -> crate::present::safety::Safety {
        let revision = self.revision.get();
        let today = crate::ui::clock::today_date();
        let note = self
            .backup
            .with(|note| self.data.meta(|w| note.for_workspace(w, revision, today)));
        crate::present::safety::Safety {
            storage: !matches!(self.notice.get(), Some(Notice::Unavailable)),
            last_backup: note.last,
            counting_since: note.since,
            changes: note.changes(revision),
            note_unreadable: self.note_unreadable.get(),
        }
    }
}
