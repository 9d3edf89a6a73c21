//! One round with the linked file: read it, compare it with what this browser knows of it (judged by the data),
//! then write this workspace, take a colleague's, or leave the choice to the user. One round at a time, under a
//! lock of this browser's tabs (issue 21, loss 5).

use wasm_bindgen::JsValue;

use super::{FileStatus, NOTE, WorkspaceFile, clock, load_file_note};
use crate::domain::workspace::Workspace;
use crate::persistence::Stamp;
use crate::persistence::file::{FileContent, FileNote, FileStep, encode_file, file_step};
use crate::storage::file_access as fs;
use leptos::prelude::*;

impl WorkspaceFile {
    /// Brings the file and this workspace into step (after a save, on start and focus), one run at a time.
    pub(super) fn sync_file(self) {
        if self.handle.with_value(Option::is_none) {
            return;
        }
        if self.busy.get_value() {
            self.again.set_value(true);
            return;
        }
        self.busy.set_value(true);
        leptos::task::spawn_local(async move {
            loop {
                self.again.set_value(false);
                // One tab of this browser at a time compares and writes the file (issue 21, loss 5).
                crate::storage::with_file_lock(self.file_round()).await;
                if !self.again.get_value() {
                    break;
                }
            }
            self.busy.set_value(false);
        });
    }

    async fn file_round(self) {
        let Some(handle) = self.handle.get_value() else {
            return;
        };
        let name = fs::name(&handle);
        let lang = self.app.lang.get_untracked();
        if self.saving.store_unreadable_untracked() {
            // What this tab shows stands in for a store it cannot read: never compared with, nor written to, the
            // file, until the user has decided about the store.
            self.status.set(FileStatus::Failed {
                name,
                why: lang
                    .pick(
                        "Nicht abgeglichen: Die gespeicherten Daten dieses Browsers sind nicht lesbar; die Datei \
                         bleibt unverändert, bis Sie oben entschieden haben.",
                        "Not compared: this browser's stored data cannot be read; the file stays unchanged until \
                         you have decided above.",
                    )
                    .into(),
            });
            return;
        }
        if !fs::permitted(&handle).await {
            self.status.set(FileStatus::NeedsPermission { name });
            return;
        }
        let bytes = match fs::read(&handle).await {
            Ok(b) => b,
            Err(e) => {
                self.status.set(FileStatus::Failed { name, why: e.0 });
                return;
            }
        };
        // Shared by this browser's tabs: what one of them wrote there, the others know. "Changed here" is judged
        // by the data against the workspace last in step, not by the last save that succeeded.
        let note = load_file_note();
        let known = note.stamp.clone();
        let changed_here = self.app.data.untracked(|w| note.changed_here(w));
        let empty_new = bytes.iter().all(u8::is_ascii_whitespace) && known.is_none();
        match file_step(
            (!empty_new).then_some(bytes.as_slice()),
            known.as_ref(),
            changed_here,
            lang,
        ) {
            FileStep::InStep if changed_here || empty_new => self.write_file(&handle, known).await,
            FileStep::InStep => self.status.set(FileStatus::InStep { name, at: clock() }),
            FileStep::TakeTheirs(content) => self.take_theirs(content),
            FileStep::Choose(content) => {
                if self.app.data.untracked(|w| *w == content.workspace) {
                    // The same workspace on both sides: in step, nothing to choose.
                    if self.remember_in_step(&content.stamp, content.workspace, &name) {
                        self.status.set(FileStatus::InStep { name, at: clock() });
                    }
                } else {
                    self.status.set(FileStatus::Choose {
                        name,
                        theirs: content,
                    });
                }
            }
            FileStep::Unreadable(why) => self.status.set(FileStatus::Unreadable { name, why }),
        }
    }

    /// Writes this workspace to the file, stamped anew.
    async fn write_file(self, handle: &JsValue, known: Option<Stamp>) {
        let name = fs::name(handle);
        let writer = self
            .saving
            .writer()
            .unwrap_or_else(|| "t-ohne-speicher".into());
        let stamp = Stamp {
            revision: known.map_or(0, |k| k.revision).saturating_add(1),
            writer,
        };
        let written = self.app.data.snapshot();
        let text = match encode_file(&stamp, &written) {
            Ok(t) => t,
            Err(e) => {
                self.status.set(FileStatus::Failed { name, why: e.0 });
                return;
            }
        };
        self.status.set(FileStatus::Writing { name: name.clone() });
        match fs::write(handle, &text).await {
            Ok(()) => {
                if self.remember_in_step(&stamp, written, &name) {
                    self.status.set(FileStatus::InStep { name, at: clock() });
                }
            }
            Err(e) if e.0.starts_with("NotAllowedError") => {
                self.status.set(FileStatus::NeedsPermission { name })
            }
            Err(e) => self.status.set(FileStatus::Failed { name, why: e.0 }),
        }
    }

    /// The file holds `stamp`, which is `workspace`: noted for this browser's tabs, and kept here as the base of
    /// a later merge. `false` (and said) when the note could not be stored (issue 21, loss 8): the next round
    /// would take this tab's own write for a colleague's.
    pub(super) fn remember_in_step(self, stamp: &Stamp, workspace: Workspace, name: &str) -> bool {
        let note = FileNote::in_step(stamp, &workspace);
        self.base.set_value(Some((note.fingerprint, workspace)));
        self.keep_file_note(&note, name)
    }

    /// Stores what this browser knows of the file; a failure is said in the file's status, not dropped.
    pub(super) fn keep_file_note(self, note: &FileNote, name: &str) -> bool {
        match crate::storage::save_note(NOTE, note) {
            Ok(()) => true,
            Err(e) => {
                let lang = self.app.lang.get_untracked();
                self.status.set(FileStatus::Failed {
                    name: name.to_owned(),
                    why: crate::tr!(
                        lang,
                        "Was dieser Browser über die Datei weiß, konnte nicht gespeichert werden: {}",
                        "What this browser knows of the file could not be stored: {}",
                        e.message(lang)
                    ),
                });
                false
            }
        }
    }

    /// A colleague's save, nothing changed here: taken over and saved in this browser too. In step with the
    /// file from here on, judged by the data.
    pub(super) fn take_theirs(self, content: FileContent) {
        let name = self.file_name();
        let in_step = self.remember_in_step(&content.stamp, content.workspace.clone(), &name);
        self.app.replace(content.workspace);
        if in_step {
            self.status.set(FileStatus::InStep { name, at: clock() });
        }
    }
}
