//! The user's choices over storage: take the other tab's version, keep this one over it, or start anew over a
//! store that cannot be read (the unreadable text stays kept aside).

use leptos::prelude::*;

use super::{Event, Notice, Persistence, SaveState};
use crate::persistence::{Over, Startup, read};
use crate::storage::{self, LocalStore};

impl Persistence {
    /// Replaces this tab's workspace with what storage holds (the user chose the other tab's version).
    pub fn take_over_stored(self) {
        self.ensure_complete();
        let known = self
            .sync
            .with_value(|s| s.as_ref().and_then(|s| s.committed().cloned()));
        match read(&LocalStore, known.as_ref()) {
            Ok(Startup::Loaded { committed, .. }) => {
                let workspace = committed.workspace.clone();
                self.sync.update_value(|s| {
                    if let Some(s) = s {
                        s.read(committed)
                    }
                });
                self.note_revision();
                self.data.replace(workspace);
                self.may_save.set(true);
                self.save_state.set(SaveState::Saved);
                self.notice.set(Some(Notice::ReloadedFromOtherTab));
                self.tell(Event::TookIn);
            }
            Ok(Startup::Unreadable { raw, error }) => self.unreadable(raw, error),
            Ok(Startup::Fresh) => {}
            Err(e) => self.failed(e),
        }
    }

    /// The user keeps this tab's version over another tab's save.
    pub fn save_mine_anyway(self) {
        self.ensure_complete();
        self.may_save.set(true);
        storage::with_save_lock(move |locked| {
            self.save_now(Some(Over::OtherTab), locked);
            if self.save_state.get_untracked() == SaveState::Saved {
                self.notice.set(None);
            }
        });
    }

    /// After an unreadable store: start anew with what the tab shows (the example, or a backup put in its place);
    /// the unreadable text stays kept aside.
    pub fn start_anew(self) {
        self.ensure_complete();
        self.notice.set(None);
        self.may_save.set(true);
        storage::with_save_lock(move |locked| {
            self.save_now(Some(Over::Unreadable), locked);
            // The note of the unreadable workspace is of that one: this one's is started (the safety net follows).
            self.tell(Event::TookIn);
        });
    }
}
