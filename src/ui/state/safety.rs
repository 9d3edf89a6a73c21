//! The safety net (issue 17), a part of the state: the browser's answer on keeping the data, and what this
//! browser knows of backups – of which workspace (issue 20: the rules in `persistence::BackupNote`). The note is
//! shared by the tabs of this browser (localStorage): each reads it before changing it, and a tab that takes in
//! another tab's save follows the note that tab wrote. It follows persistence through its seam
//! ([`super::Persistence::follow`]): a commit of this tab counts, a workspace taken in brings its note.
//!
//! Who may write what: only this part writes the backup note and the answer on keeping; components read them
//! through tracked getters and act through `backup_done` and `set_reminder`.

use leptos::prelude::*;

use super::{Data, Event, Persistence};
use crate::domain::workspace::Workspace;
use crate::persistence::{BACKUP_NOTE, BackupNote};
use crate::storage;
use crate::ui::clock::now_iso;

/// The safety net's part of the state. `Copy`; provided by context ([`super::use_safety`]).
#[derive(Clone, Copy)]
pub struct SafetyNet {
    data: Data,
    saving: Persistence,
    /// What this browser knows of backups, as stored (kept apart from the workspace; it names the workspace it
    /// is of).
    backup: RwSignal<BackupNote>,
    /// The stored backup note could not be read (it was kept aside): said in the header.
    note_unreadable: RwSignal<bool>,
    /// False while an unreadable backup note could not be kept aside: it is not written over.
    note_writable: StoredValue<bool>,
    /// A note started anew when a workspace was put in place at this revision: its save moves the count.
    note_pending: StoredValue<Option<u64>>,
    /// The browser's answer to keeping the data (`navigator.storage.persisted()` / `persist()`).
    persisted: RwSignal<Option<bool>>,
    /// Whether this tab has asked the browser to keep the data (once, at the first save).
    asked_to_keep: StoredValue<bool>,
}

impl SafetyNet {
    /// The note of the workspace `saving` started with, and what the browser already grants. It follows
    /// `saving` from here on.
    pub(super) fn new(saving: Persistence) -> SafetyNet {
        let net = SafetyNet {
            data: saving.data(),
            saving,
            backup: RwSignal::new(BackupNote::default()),
            note_unreadable: RwSignal::new(false),
            note_writable: StoredValue::new(true),
            note_pending: StoredValue::new(None),
            persisted: RwSignal::new(None),
            asked_to_keep: StoredValue::new(false),
        };
        // What this browser knows of backups, if it is of the workspace stored (changes count from the first day
        // the app runs with storage here).
        net.follow_note();
        saving.follow(move |event| match event {
            Event::Saved => {
                net.note_saved();
                net.ask_to_keep();
            }
            Event::TookIn => net.follow_note(),
            Event::NotSaved => {}
        });
        net
    }

    /// Watches the note of other tabs, and asks what the browser already grants (without asking it to keep:
    /// that is asked at the first save). Once, from [`super::provide_state`].
    pub(super) fn start(self) {
        let note_key = storage::key(BACKUP_NOTE);
        let _listener =
            window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
                if ev.key().as_deref() == Some(note_key.as_str()) {
                    // Another tab made a backup or put a workspace in place: its note is shown here too.
                    self.reload_note();
                }
            });
        leptos::task::spawn_local(async move {
            if let Some(kept) = storage::is_persisted().await {
                self.persisted.set(Some(kept));
            }
        });
    }

    /// What this browser knows of backups, as stored. Tracked.
    pub fn note(self) -> BackupNote {
        self.backup.get()
    }

    /// As [`SafetyNet::note`], untracked.
    pub fn note_untracked(self) -> BackupNote {
        self.backup.get_untracked()
    }

    /// The browser's answer on keeping the data (`None`: not known). Tracked.
    pub fn persisted(self) -> Option<bool> {
        self.persisted.get()
    }

    /// Nothing was put in place after all (the same workspace): no save follows to count from.
    pub(super) fn nothing_put_in_place(self) {
        self.note_pending.set_value(None);
    }

    /// After the first save of this tab (the user's own change): asks the browser to keep the data, and shows
    /// its answer.
    fn ask_to_keep(self) {
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
        let may = self.note_writable.get_value() && (!of_workspace || self.saving.may_save());
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
    fn follow_note(self) {
        let stored = self.read_note();
        let revision = self.saving.revision_untracked();
        let today = crate::ui::clock::today_date();
        let note = self
            .data
            .untracked(|w| stored.for_workspace(w.meta(), revision, today));
        self.write_note(note, true);
    }

    /// Another tab wrote the note (a backup there, a workspace put in place there): shown here too. Nothing is
    /// written: what holds for this tab's workspace is decided when it reads (see [`SafetyNet::status`]).
    fn reload_note(self) {
        if let Some(note) = self.read_note_quietly() {
            self.backup.set(note);
        }
    }

    /// Before this tab puts `workspace` in place (an import, or a new workspace when `new`): the note that holds
    /// for it. A note started anew counts from the save that follows ([`SafetyNet::note_saved`]).
    pub(super) fn before_put_in_place(self, workspace: &Workspace, new: bool) {
        let before = self.read_note();
        let revision = self.saving.revision_untracked();
        let note = before.replaced(
            workspace.meta(),
            revision,
            crate::ui::clock::today_date(),
            new,
        );
        // Started here: counted from the save that puts the workspace in place.
        let anew = note.last.is_none()
            && note.revision == revision
            && note.of.as_ref().is_some_and(|of| of.from == revision);
        self.note_pending.set_value(anew.then_some(revision));
        self.write_note(note, true);
    }

    /// After a commit of this tab: the save of a workspace just put in place is no change to back up.
    fn note_saved(self) {
        if let Some(from) = self.note_pending.try_update_value(Option::take).flatten() {
            let revision = self.saving.revision_untracked();
            let note = self.read_note().saved_in(from, revision);
            self.write_note(note, true);
        }
    }

    /// A backup left the browser (downloaded): the reminder starts counting anew from here.
    pub fn backup_done(self) {
        let today = crate::ui::clock::today_date();
        let revision = self.saving.revision_untracked();
        let stored = self.read_note();
        let note = self
            .data
            .untracked(|w| stored.backed_up(w.meta(), revision, today));
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
    pub fn status(self) -> crate::present::safety::Safety {
        let revision = self.saving.revision();
        let today = crate::ui::clock::today_date();
        let note = self
            .backup
            .with(|note| self.data.meta(|m| note.for_workspace(m, revision, today)));
        crate::present::safety::Safety {
            storage: self.saving.storage_available(),
            last_backup: note.last,
            counting_since: note.since,
            changes: note.changes(revision),
            note_unreadable: self.note_unreadable.get(),
        }
    }
}
