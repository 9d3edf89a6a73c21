//! The safety net's state (issue 17): the revision this tab knows (which counts the saved changes), the browser's
//! answer on keeping the data, and what this browser knows of backups.

use leptos::prelude::*;

use super::{AppState, Notice};
use crate::storage;

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

    /// A backup left the browser (downloaded): the reminder starts counting anew from here.
    pub fn backup_done(self) {
        let today = crate::ui::clock::today_date();
        let revision = self.revision.get_untracked();
        self.backup.update(|note| {
            note.last = today;
            note.since = today;
            note.revision = revision;
        });
        let _ = storage::save_note(
            crate::persistence::BACKUP_NOTE,
            &self.backup.get_untracked(),
        );
    }

    /// The reminder's thresholds, as the user sets them; remembered in this browser.
    pub fn set_reminder(self, days: u32, changes: u32) {
        self.backup.update(|note| {
            note.remind_days = days;
            note.remind_changes = changes;
        });
        let _ = storage::save_note(
            crate::persistence::BACKUP_NOTE,
            &self.backup.get_untracked(),
        );
    }

    /// What the safety net knows now. Tracked.
    pub fn safety(self) -> crate::present::safety::Safety {
        let note = self.backup.get();
        let revision = self.revision.get();
        crate::present::safety::Safety {
            storage: !matches!(self.notice.get(), Some(Notice::Unavailable)),
            last_backup: note.last,
            counting_since: note.since,
            changes: revision.saturating_sub(note.revision),
        }
    }
}
