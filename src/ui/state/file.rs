//! The workspace file linked in this browser (issue 17): written after every save, compared with what this tab
//! last read or wrote there before each write and on start and focus; a colleague's save is taken over when
//! nothing changed here, and left to the user's choice when both changed. Never written over a file that cannot
//! be read. The rules are `persistence::file`; the browser's side is `storage::file_access`.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::{AppState, FileStatus};
use crate::domain::workspace::Workspace;
use crate::persistence::Stamp;
use crate::persistence::file::{
    FileContent, FileNote, FileStep, encode_file, file_step, fingerprint, merge_with_file,
};
use crate::storage::file_access as fs;

/// Storage name of what this browser knows of the linked file ([`FileNote`], shared by its tabs).
const NOTE: &str = "datei";

fn load_file_note() -> FileNote {
    crate::storage::load_note(NOTE)
}

fn clock() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

impl AppState {
    /// The file's name, while one is linked.
    fn file_name(self) -> String {
        self.file_handle
            .with_value(|h| h.as_ref().map(fs::name))
            .unwrap_or_default()
    }

    /// At start: the file linked before, if any; written again once the browser allows it.
    pub(super) fn restore_file_link(self) {
        if !fs::supported() {
            return;
        }
        leptos::task::spawn_local(async move {
            let Some(handle) = fs::kept_link().await else {
                return;
            };
            self.file_handle.set_value(Some(handle.clone()));
            let name = fs::name(&handle);
            if fs::permitted(&handle).await {
                self.sync_file();
            } else {
                self.file.set(FileStatus::NeedsPermission { name });
            }
        });
    }

    /// "Zugriff auf ziele.json erneut erlauben" (a click, as the browser requires).
    pub fn grant_file_access(self) {
        let Some(handle) = self.file_handle.get_value() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if fs::ask_permission(&handle).await {
                self.sync_file();
            } else {
                self.file.set(FileStatus::NeedsPermission {
                    name: fs::name(&handle),
                });
            }
        });
    }

    /// "Mit Datei verbinden …": a new file (or an existing one, which is compared first) becomes the workspace
    /// file.
    pub fn link_file(self) {
        leptos::task::spawn_local(async move {
            match fs::pick_to_save("ziele.json").await {
                Ok(handle) => {
                    // An existing file chosen here is compared first: where it differs, the user chooses.
                    self.keep_file_note(&FileNote::seen(None), &fs::name(&handle));
                    self.linked(handle).await
                }
                Err(e) if fs::cancelled(&e) => {}
                Err(e) => self.file.set(FileStatus::Failed {
                    name: String::new(),
                    why: e.0,
                }),
            }
        });
    }

    /// "Arbeitsbereich-Datei öffnen …": a colleague's file; its workspace is taken when this one holds only the
    /// example or the same, else the user chooses.
    pub fn open_file(self) {
        leptos::task::spawn_local(async move {
            match fs::pick_to_open().await {
                Ok(handle) => {
                    // Only the example without entries of the user's own counts as nothing to lose: the file's
                    // workspace is taken as it is. Anything else – the example with the user's own agreements
                    // or values too (issue 21, loss 3) – is compared, and where it differs the user chooses.
                    let nothing_own = self.data.untracked(|w| {
                        w.example && crate::domain::example::own_entries(w).is_empty()
                    });
                    let note = if nothing_own {
                        FileNote {
                            stamp: None,
                            fingerprint: self.data.untracked(fingerprint),
                        }
                    } else {
                        FileNote::seen(None)
                    };
                    self.keep_file_note(&note, &fs::name(&handle));
                    self.linked(handle).await
                }
                Err(e) if fs::cancelled(&e) => {}
                Err(e) => self.file.set(FileStatus::Failed {
                    name: String::new(),
                    why: e.0,
                }),
            }
        });
    }

    async fn linked(self, handle: JsValue) {
        self.file_handle.set_value(Some(handle.clone()));
        // Kept for the next start where the browser can store the handle.
        let _ = fs::keep_link(Some(&handle)).await;
        self.sync_file();
    }

    /// "Verbindung lösen": the file stays as it is; this browser stops writing it.
    pub fn unlink_file(self) {
        self.file_handle.set_value(None);
        self.file_base.set_value(None);
        crate::storage::remove(NOTE).ok();
        self.file.set(FileStatus::Unlinked);
        leptos::task::spawn_local(async move {
            let _ = fs::keep_link(None).await;
        });
    }

    /// Brings the file and this workspace into step (after a save, on start and focus), one run at a time.
    pub(super) fn sync_file(self) {
        if self.file_handle.with_value(Option::is_none) {
            return;
        }
        if self.file_busy.get_value() {
            self.file_again.set_value(true);
            return;
        }
        self.file_busy.set_value(true);
        leptos::task::spawn_local(async move {
            loop {
                self.file_again.set_value(false);
                // One tab of this browser at a time compares and writes the file (issue 21, loss 5).
                crate::storage::with_file_lock(self.file_round()).await;
                if !self.file_again.get_value() {
                    break;
                }
            }
            self.file_busy.set_value(false);
        });
    }

    async fn file_round(self) {
        let Some(handle) = self.file_handle.get_value() else {
            return;
        };
        let name = fs::name(&handle);
        let lang = self.lang.get_untracked();
        if self.store_unreadable() {
            // What this tab shows stands in for a store it cannot read: never compared with, nor written to, the
            // file, until the user has decided about the store.
            self.file.set(FileStatus::Failed {
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
            self.file.set(FileStatus::NeedsPermission { name });
            return;
        }
        let bytes = match fs::read(&handle).await {
            Ok(b) => b,
            Err(e) => {
                self.file.set(FileStatus::Failed { name, why: e.0 });
                return;
            }
        };
        // Shared by this browser's tabs: what one of them wrote there, the others know. "Changed here" is judged
        // by the data against the workspace last in step, not by the last save that succeeded.
        let note = load_file_note();
        let known = note.stamp.clone();
        let changed_here = self.data.untracked(|w| note.changed_here(w));
        let empty_new = bytes.iter().all(u8::is_ascii_whitespace) && known.is_none();
        match file_step(
            (!empty_new).then_some(bytes.as_slice()),
            known.as_ref(),
            changed_here,
            lang,
        ) {
            FileStep::InStep if changed_here || empty_new => self.write_file(&handle, known).await,
            FileStep::InStep => self.file.set(FileStatus::InStep { name, at: clock() }),
            FileStep::TakeTheirs(content) => self.take_theirs(content),
            FileStep::Choose(content) => {
                if self.data.untracked(|w| *w == content.workspace) {
                    // The same workspace on both sides: in step, nothing to choose.
                    if self.remember_in_step(&content.stamp, content.workspace, &name) {
                        self.file.set(FileStatus::InStep { name, at: clock() });
                    }
                } else {
                    self.file.set(FileStatus::Choose {
                        name,
                        theirs: content,
                    });
                }
            }
            FileStep::Unreadable(why) => self.file.set(FileStatus::Unreadable { name, why }),
        }
    }

    /// Writes this workspace to the file, stamped anew.
    async fn write_file(self, handle: &JsValue, known: Option<Stamp>) {
        let name = fs::name(handle);
        let writer = self
            .sync
            .with_value(|s| s.as_ref().map(|s| s.writer.clone()))
            .unwrap_or_else(|| "t-ohne-speicher".into());
        let stamp = Stamp {
            revision: known.map_or(0, |k| k.revision).saturating_add(1),
            writer,
        };
        let written = self.data.snapshot();
        let text = match encode_file(&stamp, &written) {
            Ok(t) => t,
            Err(e) => {
                self.file.set(FileStatus::Failed { name, why: e.0 });
                return;
            }
        };
        self.file.set(FileStatus::Writing { name: name.clone() });
        match fs::write(handle, &text).await {
            Ok(()) => {
                if self.remember_in_step(&stamp, written, &name) {
                    self.file.set(FileStatus::InStep { name, at: clock() });
                }
            }
            Err(e) if e.0.starts_with("NotAllowedError") => {
                self.file.set(FileStatus::NeedsPermission { name })
            }
            Err(e) => self.file.set(FileStatus::Failed { name, why: e.0 }),
        }
    }

    /// The file holds `stamp`, which is `workspace`: noted for this browser's tabs, and kept here as the base of
    /// a later merge. `false` (and said) when the note could not be stored (issue 21, loss 8): the next round
    /// would take this tab's own write for a colleague's.
    fn remember_in_step(self, stamp: &Stamp, workspace: Workspace, name: &str) -> bool {
        let note = FileNote::in_step(stamp, &workspace);
        self.file_base
            .set_value(Some((note.fingerprint, workspace)));
        self.keep_file_note(&note, name)
    }

    /// Stores what this browser knows of the file; a failure is said in the file's status, not dropped.
    fn keep_file_note(self, note: &FileNote, name: &str) -> bool {
        match crate::storage::save_note(NOTE, note) {
            Ok(()) => true,
            Err(e) => {
                let lang = self.lang.get_untracked();
                self.file.set(FileStatus::Failed {
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
    fn take_theirs(self, content: FileContent) {
        let name = self.file_name();
        let in_step = self.remember_in_step(&content.stamp, content.workspace.clone(), &name);
        self.replace(content.workspace);
        if in_step {
            self.file.set(FileStatus::InStep { name, at: clock() });
        }
    }

    /// After a local save: the file follows.
    pub(super) fn after_local_save(self) {
        self.sync_file();
    }

    /// The user's choice when both changed: "theirs", "mine", or the merge of both (three-way against the
    /// workspace last in step with the file where this tab has it, else the backup's rules).
    pub fn resolve_file(self, choice: FileChoice) {
        let FileStatus::Choose { name, theirs } = self.file.get_untracked() else {
            return;
        };
        match choice {
            FileChoice::Theirs => {
                self.take_theirs(theirs);
            }
            FileChoice::Mine => {
                // Seen and overruled: written over on the user's word.
                if self.keep_file_note(&FileNote::seen(Some(&theirs.stamp)), &name) {
                    self.sync_file();
                }
            }
            FileChoice::Merge => {
                let lang = self.lang.get_untracked();
                let in_step = load_file_note().fingerprint;
                let base = self.file_base.with_value(|b| {
                    b.as_ref()
                        .filter(|(f, _)| *f == in_step)
                        .map(|(_, w)| w.clone())
                });
                let merged = self.data.untracked(|mine| {
                    merge_with_file(base.as_ref(), mine, &theirs.workspace, lang)
                });
                if self.keep_file_note(&FileNote::seen(Some(&theirs.stamp)), &name) {
                    self.replace(merged);
                }
            }
        }
    }
}

/// The user's choice between two changed sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileChoice {
    Theirs,
    Mine,
    Merge,
}
