//! The workspace file linked in this browser (issue 17), a part of the state: written after every save (it
//! follows persistence through its seam, [`super::Persistence::follow`]), compared with what this tab last read
//! or wrote there before each write and on start and focus; a colleague's save is taken over when nothing changed
//! here, and left to the user's choice when both changed. Never written over a file that cannot be read. The
//! rules are `persistence::file`; the browser's side is `storage::file_access`.
//!
//! Who may write what: only this part writes the file, its status and what this browser knows of it (the
//! [`FileNote`]); components read the status and act through the user's choices (link, open, grant, resolve,
//! unlink). A colleague's workspace comes in through [`AppState::replace`], like any workspace put in place.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::{AppState, Event, Persistence};
use crate::domain::workspace::Workspace;
use crate::persistence::file::{FileContent, FileNote, fingerprint, merge_with_file};
use crate::storage::file_access as fs;

mod round;

/// Storage name of what this browser knows of the linked file ([`FileNote`], shared by its tabs).
pub(super) const NOTE: &str = "datei";

pub(super) fn load_file_note() -> FileNote {
    crate::storage::load_note(NOTE)
}

/// Where the linked workspace file stands (issue 17).
#[derive(Clone, Debug, PartialEq)]
pub enum FileStatus {
    /// No file linked.
    Unlinked,
    /// Linked, but the browser must be allowed again (after a restart) before the file is written.
    NeedsPermission { name: String },
    /// Being written.
    Writing { name: String },
    /// In step with this workspace, last at `at` ("10:42").
    InStep { name: String, at: String },
    /// A colleague saved and this workspace changed too: the user chooses.
    Choose { name: String, theirs: FileContent },
    /// Not a workspace file (any more): never written over.
    Unreadable { name: String, why: String },
    /// The browser refused reading or writing.
    Failed { name: String, why: String },
}

/// The workspace file's part of the state. `Copy`; provided by context ([`super::use_file`]).
#[derive(Clone, Copy)]
pub struct WorkspaceFile {
    app: AppState,
    saving: Persistence,
    status: RwSignal<FileStatus>,
    handle: StoredValue<Option<JsValue>, LocalStorage>,
    /// A round runs (compare, then write); `again`: another was asked for meanwhile.
    busy: StoredValue<bool>,
    again: StoredValue<bool>,
    /// The workspace last in step with the file, with its fingerprint: the base of a three-way merge with it.
    base: StoredValue<Option<(Option<u64>, Workspace)>>,
}

pub(super) fn clock() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

impl WorkspaceFile {
    /// No file linked yet; the file follows every save, and every change that storage did not take, from here on.
    pub(super) fn new(app: AppState, saving: Persistence) -> WorkspaceFile {
        let file = WorkspaceFile {
            app,
            saving,
            status: RwSignal::new(FileStatus::Unlinked),
            handle: StoredValue::new_local(None),
            busy: StoredValue::new(false),
            again: StoredValue::new(false),
            base: StoredValue::new(None),
        };
        // Saved here, not saved here (the file still gets it), or another tab's taken in: the file follows.
        saving.follow(move |_: Event| file.sync_file());
        file
    }

    /// The file linked before, if any, and a look at it whenever the tab comes back. Once, from
    /// [`super::provide_state`].
    pub(super) fn start(self) {
        self.restore_file_link();
        let _focus = window_event_listener(leptos::ev::focus, move |_| self.sync_file());
    }

    /// Where the file stands. Tracked.
    pub fn status(self) -> FileStatus {
        self.status.get()
    }

    /// Reads where the file stands without a copy. Tracked.
    pub fn with_status<T>(self, f: impl FnOnce(&FileStatus) -> T) -> T {
        self.status.with(f)
    }

    /// The file's name, while one is linked.
    fn file_name(self) -> String {
        self.handle
            .with_value(|h| h.as_ref().map(fs::name))
            .unwrap_or_default()
    }

    /// At start: the file linked before, if any; written again once the browser allows it.
    fn restore_file_link(self) {
        if !fs::supported() {
            return;
        }
        leptos::task::spawn_local(async move {
            let Some(handle) = fs::kept_link().await else {
                return;
            };
            self.handle.set_value(Some(handle.clone()));
            let name = fs::name(&handle);
            if fs::permitted(&handle).await {
                self.sync_file();
            } else {
                self.status.set(FileStatus::NeedsPermission { name });
            }
        });
    }

    /// "Zugriff auf ziele.json erneut erlauben" (a click, as the browser requires).
    pub fn grant_file_access(self) {
        let Some(handle) = self.handle.get_value() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if fs::ask_permission(&handle).await {
                self.sync_file();
            } else {
                self.status.set(FileStatus::NeedsPermission {
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
                Err(e) => self.status.set(FileStatus::Failed {
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
                    let nothing_own = self.app.data.untracked(|w| {
                        w.example && crate::domain::example::own_entries(w).is_empty()
                    });
                    let note = if nothing_own {
                        FileNote {
                            stamp: None,
                            fingerprint: self.app.data.untracked(fingerprint),
                        }
                    } else {
                        FileNote::seen(None)
                    };
                    self.keep_file_note(&note, &fs::name(&handle));
                    self.linked(handle).await
                }
                Err(e) if fs::cancelled(&e) => {}
                Err(e) => self.status.set(FileStatus::Failed {
                    name: String::new(),
                    why: e.0,
                }),
            }
        });
    }

    async fn linked(self, handle: JsValue) {
        self.handle.set_value(Some(handle.clone()));
        // Kept for the next start where the browser can store the handle.
        let _ = fs::keep_link(Some(&handle)).await;
        self.sync_file();
    }

    /// "Verbindung lösen": the file stays as it is; this browser stops writing it.
    pub fn unlink_file(self) {
        self.handle.set_value(None);
        self.base.set_value(None);
        crate::storage::remove(NOTE).ok();
        self.status.set(FileStatus::Unlinked);
        leptos::task::spawn_local(async move {
            let _ = fs::keep_link(None).await;
        });
    }

    /// The user's choice when both changed: "theirs", "mine", or the merge of both (three-way against the
    /// workspace last in step with the file where this tab has it, else the backup's rules).
    pub fn resolve_file(self, choice: FileChoice) {
        let FileStatus::Choose { name, theirs } = self.status.get_untracked() else {
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
                let lang = self.app.lang.get_untracked();
                let in_step = load_file_note().fingerprint;
                let base = self.base.with_value(|b| {
                    b.as_ref()
                        .filter(|(f, _)| *f == in_step)
                        .map(|(_, w)| w.clone())
                });
                let merged = self.app.data.untracked(|mine| {
                    merge_with_file(base.as_ref(), mine, &theirs.workspace, lang)
                });
                if self.keep_file_note(&FileNote::seen(Some(&theirs.stamp)), &name) {
                    self.app.replace(merged);
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
