//! The workspace file linked in this browser (issue 17): written after every save, compared with what this tab
//! last read or wrote there before each write and on start and focus; a colleague's save is taken over when
//! nothing changed here, and left to the user's choice when both changed. Never written over a file that cannot
//! be read. The rules are `persistence::file`; the browser's side is `storage::file_access`.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::{AppState, FileStatus};
use crate::persistence::Stamp;
use crate::persistence::file::{FileContent, FileStep, encode_file, file_step};
use crate::storage::file_access as fs;

/// What this browser remembers of the linked file (localStorage, apart from the workspace, shared by its tabs):
/// the file's stamp when the two were last in step, and the local revision then.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub(super) struct FileMemo {
    #[serde(rename = "stand")]
    pub stamp: Option<Stamp>,
    #[serde(rename = "lokal")]
    pub local_revision: u64,
}

const MEMO: &str = "datei";

fn load_memo() -> FileMemo {
    crate::storage::load_note(MEMO)
}

fn save_memo(memo: &FileMemo) {
    let _ = crate::storage::save_note(MEMO, memo);
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
                    save_memo(&FileMemo {
                        stamp: None,
                        local_revision: u64::MAX,
                    });
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
                    // Nothing of the user's own here (the example): the file's workspace is taken as it is;
                    // else, where the two differ, the user chooses.
                    let local_revision = if self.data.untracked(|w| w.example) {
                        self.revision.get_untracked()
                    } else {
                        u64::MAX
                    };
                    save_memo(&FileMemo {
                        stamp: None,
                        local_revision,
                    });
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
        crate::storage::remove(MEMO).ok();
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
                self.file_round().await;
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
        let lang = self.lang.get_untracked();
        // Shared by this browser's tabs: what one of them wrote there, the others know.
        let memo = load_memo();
        let known = memo.stamp.clone();
        let revision = self.revision.get_untracked();
        let changed_here = memo.local_revision != revision;
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
                    self.remember_in_step(&content.stamp);
                    self.file.set(FileStatus::InStep { name, at: clock() });
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
        let text = match self.data.untracked(|w| encode_file(&stamp, w)) {
            Ok(t) => t,
            Err(e) => {
                self.file.set(FileStatus::Failed { name, why: e.0 });
                return;
            }
        };
        self.file.set(FileStatus::Writing { name: name.clone() });
        match fs::write(handle, &text).await {
            Ok(()) => {
                self.remember_in_step(&stamp);
                self.file.set(FileStatus::InStep { name, at: clock() });
            }
            Err(e) if e.0.starts_with("NotAllowedError") => {
                self.file.set(FileStatus::NeedsPermission { name })
            }
            Err(e) => self.file.set(FileStatus::Failed { name, why: e.0 }),
        }
    }

    fn remember_in_step(self, stamp: &Stamp) {
        let memo = FileMemo {
            stamp: Some(stamp.clone()),
            local_revision: self.revision.get_untracked(),
        };
        save_memo(&memo);
    }

    /// A colleague's save, nothing changed here: taken over and saved in this browser too.
    fn take_theirs(self, content: FileContent) {
        let name = self.file_name();
        self.replace(content.workspace);
        // The local save that follows counts as in step with the file.
        self.file_pending_stamp.set_value(Some(content.stamp));
        self.file.set(FileStatus::InStep { name, at: clock() });
    }

    /// After a local save: the file follows; a save that only took the file's workspace in is noted as in step.
    pub(super) fn after_local_save(self) {
        if let Some(stamp) = self
            .file_pending_stamp
            .try_update_value(Option::take)
            .flatten()
        {
            self.remember_in_step(&stamp);
            return;
        }
        self.sync_file();
    }

    /// The user's choice when both changed: "theirs", "mine", or the merge of both (the backup's rules).
    pub fn resolve_file(self, choice: FileChoice) {
        let FileStatus::Choose { theirs, .. } = self.file.get_untracked() else {
            return;
        };
        match choice {
            FileChoice::Theirs => {
                self.take_theirs(theirs);
            }
            FileChoice::Mine => {
                // Seen and overruled: written over on the user's word.
                self.remember_seen(&theirs.stamp);
                self.sync_file();
            }
            FileChoice::Merge => {
                let lang = self.lang.get_untracked();
                let merged = self
                    .data
                    .untracked(|w| crate::exchange::backup::merge(w, &theirs.workspace, lang).0);
                self.remember_seen(&theirs.stamp);
                self.replace(merged);
            }
        }
    }

    /// The file's stamp is known (seen), but this workspace differs: the next round writes it.
    fn remember_seen(self, stamp: &Stamp) {
        let memo = FileMemo {
            stamp: Some(stamp.clone()),
            // Differs from the revision now, so that the next round writes.
            local_revision: u64::MAX,
        };
        save_memo(&memo);
    }
}

/// The user's choice between two changed sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileChoice {
    Theirs,
    Mine,
    Merge,
}
