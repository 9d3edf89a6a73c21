//! The app's shared state, handed down by context: the workspace, the selected year, and how the workspace
//! stands with storage (saved on every change, never over data it could not read or another tab's newer save).

use leptos::prelude::*;

use crate::domain::calendar::Year;
use crate::domain::example;
use crate::domain::workspace::{LoadError, Workspace};
use crate::locale::Lang;
use crate::persistence::Startup;
use crate::storage::{self, SaveError, StorageError};
use crate::ui::download::now_iso;

/// A storage matter the user must know about.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// No localStorage at all: the app works in memory only.
    Unavailable,
    /// The stored document could not be read; it is kept (also under `aside_key`) and not written over.
    Unreadable {
        raw: String,
        error: LoadError,
        aside_key: Option<String>,
    },
    /// The last change did not fit into storage; it lives in memory only.
    QuotaExceeded,
    /// Another tab saved a newer revision; this tab's last change is not saved.
    Conflict { theirs: u64 },
    /// This tab took over what another tab saved.
    ReloadedFromOtherTab,
    /// Any other storage error.
    Failed(StorageError),
}

/// State shared by all screens.
#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    /// The year whose agreement the screens show.
    pub year: RwSignal<Year>,
    pub notice: RwSignal<Option<Notice>>,
    /// The "Datenstand" given to values entered in the grid, as typed ("31.10.2022"); kept while the tab lives.
    pub entry_as_of: RwSignal<String>,
    /// The UI language, remembered in storage apart from the workspace.
    pub lang: RwSignal<Lang>,
    /// The last accepted import: the workspace before and after it. Undo is offered while the workspace is
    /// still the one after (any later change would be lost by going back); kept across screens, not reloads.
    pub import_undo: RwSignal<Option<(Workspace, Workspace)>>,
    /// The revision this tab last loaded or saved.
    revision: StoredValue<u64>,
    /// False while saving would destroy something (unreadable store, conflict) or is impossible.
    saving: RwSignal<bool>,
    /// Set when the workspace was replaced from storage: that change must not be saved back.
    from_storage: StoredValue<bool>,
}

impl AppState {
    /// Reads storage and decides what the app starts with.
    pub fn new() -> AppState {
        let (workspace, revision, notice, saving) = match storage::load_startup() {
            Err(_) => (
                example::odenwaldkreis(),
                0,
                Some(Notice::Unavailable),
                false,
            ),
            Ok(Startup::Fresh) => (example::odenwaldkreis(), 0, None, true),
            Ok(Startup::Loaded(doc)) => (doc.workspace, doc.revision, None, true),
            Ok(Startup::Unreadable { raw, error }) => {
                let aside_key = storage::keep_aside(&raw, &now_iso()).ok();
                (
                    example::odenwaldkreis(),
                    0,
                    Some(Notice::Unreadable {
                        raw,
                        error,
                        aside_key,
                    }),
                    false,
                )
            }
        };
        if saving {
            storage::request_persistence();
        }
        let lang = storage::load_language().unwrap_or_default();
        AppState {
            year: RwSignal::new(workspace.start_year(crate::ui::download::this_year())),
            workspace: RwSignal::new(workspace),
            notice: RwSignal::new(notice),
            entry_as_of: RwSignal::new(crate::ui::download::today(lang)),
            lang: RwSignal::new(lang),
            import_undo: RwSignal::new(None),
            revision: StoredValue::new(revision),
            saving: RwSignal::new(saving),
            from_storage: StoredValue::new(false),
        }
    }

    /// Saves the current workspace (called by the save effect on every change).
    fn save(&self, force: bool) {
        if !self.saving.get_untracked() {
            return;
        }
        let result = self
            .workspace
            .with_untracked(|w| storage::save_workspace(w, self.revision.get_value(), force));
        match result {
            Ok(revision) => {
                self.revision.set_value(revision);
                // A save that works again clears an earlier storage problem.
                if matches!(
                    self.notice.get_untracked(),
                    Some(Notice::QuotaExceeded | Notice::Failed(_) | Notice::Conflict { .. })
                ) {
                    self.notice.set(None);
                }
            }
            Err(SaveError::OtherTabSaved { theirs }) => {
                self.notice.set(Some(Notice::Conflict { theirs }))
            }
            Err(SaveError::Storage(StorageError::QuotaExceeded)) => {
                self.notice.set(Some(Notice::QuotaExceeded))
            }
            Err(SaveError::Storage(StorageError::Unavailable)) => {
                self.notice.set(Some(Notice::Unavailable))
            }
            Err(SaveError::Storage(e)) => self.notice.set(Some(Notice::Failed(e))),
        }
    }

    /// Installs saving on every change and the watch for other tabs. Call once from the App.
    pub fn start_persistence(self) {
        // The language: `<html lang>` follows it (WCAG 3.1.1), and it is remembered. Not being able to
        // remember it is no matter for a notice: the workspace's own save reports storage problems.
        Effect::new(move |first: Option<()>| {
            let lang = self.lang.get();
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
            if first.is_some() {
                let _ = storage::save_language(lang);
            }
        });
        Effect::new(move |first: Option<()>| {
            self.workspace.track();
            if first.is_none() {
                return;
            }
            if self.from_storage.get_value() {
                self.from_storage.set_value(false);
                return;
            }
            self.save(false);
        });
        let revision_key = storage::key(crate::persistence::REVISION);
        let _listener =
            window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
                if ev.key().as_deref() != Some(revision_key.as_str()) {
                    return;
                }
                let theirs = ev
                    .new_value()
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .unwrap_or(0);
                if theirs > self.revision.get_value()
                    && matches!(
                        self.notice.get_untracked(),
                        None | Some(Notice::ReloadedFromOtherTab)
                    )
                {
                    self.take_over_stored();
                }
            });
    }

    /// Replaces this tab's workspace with what storage holds (another tab's save).
    pub fn take_over_stored(self) {
        match storage::load_startup() {
            Ok(Startup::Loaded(doc)) => {
                self.revision.set_value(doc.revision);
                self.from_storage.set_value(true);
                self.workspace.set(doc.workspace);
                self.saving.set(true);
                self.notice.set(Some(Notice::ReloadedFromOtherTab));
            }
            Ok(Startup::Unreadable { raw, error }) => {
                let aside_key = storage::keep_aside(&raw, &now_iso()).ok();
                self.saving.set(false);
                self.notice.set(Some(Notice::Unreadable {
                    raw,
                    error,
                    aside_key,
                }));
            }
            Ok(Startup::Fresh) => {}
            Err(e) => self.notice.set(Some(Notice::Failed(e))),
        }
    }

    /// Switches German ↔ English; the "Datenstand" typed for the grid is rewritten in the new language's
    /// date format so that it stays valid.
    pub fn switch_language(self) {
        let old = self.lang.get_untracked();
        let new = old.other();
        self.entry_as_of.update(|text| {
            if let Ok(date) = crate::locale::parse_date_in(text, old) {
                *text = crate::locale::format_date(date, new);
            }
        });
        self.lang.set(new);
    }

    /// The user keeps this tab's version over another tab's newer save.
    pub fn save_mine_anyway(self) {
        self.saving.set(true);
        self.save(true);
    }

    /// After an unreadable store: start anew with the example (the unreadable text stays kept aside).
    pub fn start_anew(self) {
        self.notice.set(None);
        self.saving.set(true);
        self.save(true);
    }
}

/// The state from context (provided by [`crate::ui::App`]).
pub fn use_state() -> AppState {
    use_context::<AppState>()
        .unwrap_or_else(|| unreachable!("App provides AppState before any screen renders"))
}
