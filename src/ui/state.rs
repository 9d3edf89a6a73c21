//! The app's shared state, handed down by context: the workspace, the selected year, and how the workspace
//! stands with storage. Every change is saved, under the origin's save lock where the browser has Web Locks;
//! another tab's save is recognised by its stamp even at an equal revision and merged with this tab's changes
//! (three-way, `domain::merge`); what both changed differently is the user's choice. Nothing is written over data
//! that could not be read, nor over another tab's change this tab has not taken in.

use leptos::prelude::*;

use crate::core::calendar::Year;
use crate::domain::example;
use crate::domain::merge::{Conflict, Merge, merge3};
use crate::domain::workspace::{LoadError, Workspace};
use crate::locale::Lang;
use crate::persistence::{Document, Plan, Stamp, Startup, Sync, encode, stamp_of};
use crate::storage::{self, StorageError};
use crate::ui::clock::now_iso;

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
    /// Another tab saved changes that clash with this tab's: nothing is saved until the user chooses.
    Conflict {
        theirs: u64,
        conflicts: Vec<Conflict>,
    },
    /// This tab took over what another tab saved.
    ReloadedFromOtherTab,
    /// Another tab saved at the same time; both tabs' changes are now in one saved workspace.
    MergedWithOtherTab,
    /// The revision counter is at its end (a crafted store): nothing can be saved any more.
    RevisionExhausted,
    /// Any other storage error.
    Failed(StorageError),
}

/// How the last change stands with storage: what the grid says after a commit follows this, not a guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is saved.
    Saved,
    /// A save is on its way (waiting for the lock).
    Pending,
    /// The last change is not saved; a notice says why.
    NotSaved,
}

/// State shared by all screens.
#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    /// The year whose agreement the screens show.
    pub year: RwSignal<Year>,
    pub notice: RwSignal<Option<Notice>>,
    pub save_state: RwSignal<SaveState>,
    /// The "Datenstand" given to values entered in the grid, as typed ("31.10.2022"); kept while the tab lives.
    pub entry_as_of: RwSignal<String>,
    /// The UI language, remembered in storage apart from the workspace.
    pub lang: RwSignal<Lang>,
    /// The last accepted import: the workspace before and after it. Undo is offered while the workspace is
    /// still the one after (any later change would be lost by going back); kept across screens, not reloads.
    pub import_undo: RwSignal<Option<(Workspace, Workspace)>>,
    /// What this tab knows of the stored document (`None` without storage).
    sync: StoredValue<Option<Sync>>,
    /// False while saving would destroy something (unreadable store) or is impossible.
    saving: RwSignal<bool>,
    /// Set when the workspace was replaced from storage (or by a merge already written): not saved back.
    from_storage: StoredValue<bool>,
    /// A save waits for the lock; further changes ride along with it.
    queued: StoredValue<bool>,
    /// The workspace text last written (without stamp): an unchanged workspace is not written again.
    last_body: StoredValue<String>,
}

/// A new id for this tab's saves: "t-" and eight hex digits from the browser's random numbers and clock.
fn writer_id() -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    let clock = (js_sys::Date::now() as u64 & 0xffff) as u32;
    format!("t-{:08x}", random ^ clock)
}

/// The workspace's part of a stored text (after its stamp): what tells whether there is anything new to write.
fn body(text: &str) -> &str {
    text.find("\"schema_version\"").map_or(text, |i| &text[i..])
}

impl AppState {
    /// Reads storage and decides what the app starts with.
    pub fn new() -> AppState {
        let writer = writer_id();
        let (workspace, sync, notice, saving) = match storage::load_startup() {
            Err(_) => (
                example::odenwaldkreis(),
                None,
                Some(Notice::Unavailable),
                false,
            ),
            Ok(Startup::Fresh) => {
                let ws = example::odenwaldkreis();
                let text = encode(&Stamp::none(), None, &ws).unwrap_or_default();
                (
                    ws,
                    Some(Sync::new(&writer, Stamp::none(), text)),
                    None,
                    true,
                )
            }
            Ok(Startup::Loaded(doc, raw)) => (
                doc.workspace,
                Some(Sync::new(&writer, doc.stamp, raw)),
                None,
                true,
            ),
            Ok(Startup::Unreadable { raw, error }) => {
                let aside_key = storage::keep_aside(&raw, &now_iso()).ok();
                let ws = example::odenwaldkreis();
                let text = encode(&Stamp::none(), None, &ws).unwrap_or_default();
                (
                    ws,
                    Some(Sync::new(&writer, Stamp::none(), text)),
                    Some(Notice::Unreadable {
                        raw,
                        error,
                        aside_key,
                    }),
                    false,
                )
            }
        };
        let lang = storage::load_language().unwrap_or_default();
        AppState {
            year: RwSignal::new(workspace.start_year(crate::ui::clock::this_year())),
            workspace: RwSignal::new(workspace),
            notice: RwSignal::new(notice),
            save_state: RwSignal::new(SaveState::Saved),
            entry_as_of: RwSignal::new(crate::ui::clock::today(lang)),
            lang: RwSignal::new(lang),
            import_undo: RwSignal::new(None),
            sync: StoredValue::new(sync),
            saving: RwSignal::new(saving),
            from_storage: StoredValue::new(false),
            queued: StoredValue::new(false),
            last_body: StoredValue::new(String::new()),
        }
    }

    /// Whether the stored data could not be read (and so is kept, and nothing is saved). Tracked.
    pub fn store_unreadable(&self) -> bool {
        self.notice
            .with(|n| matches!(n, Some(Notice::Unreadable { .. })))
    }

    /// Asks for a save of the current workspace: under the save lock, after which it runs once for every change
    /// made meanwhile.
    fn request_save(self) {
        if !self.saving.get_untracked() || self.sync.with_value(Option::is_none) {
            self.save_state.set(SaveState::NotSaved);
            return;
        }
        if self.queued.get_value() {
            return;
        }
        self.queued.set_value(true);
        self.save_state.set(SaveState::Pending);
        storage::with_save_lock(move || {
            self.queued.set_value(false);
            self.save_now(false);
        });
    }

    /// Saves now (the caller holds the lock, or there is none): writes on top of what storage holds if this tab
    /// knows it, otherwise first merges with the other tab's save.
    fn save_now(self, force: bool) {
        if !self.saving.get_untracked() {
            return;
        }
        let stored = match storage::load_document() {
            Ok(stored) => stored,
            Err(e) => return self.failed(e),
        };
        let stored_stamp = stored.as_deref().map(stamp_of);
        let plan = match (&stored_stamp, force) {
            // A stored text whose stamp cannot be read is foreign: reconciling reads it in full.
            (Some(None), false) => Plan::Foreign(Stamp::none()),
            _ => self
                .sync
                .with_value(|s| {
                    s.as_ref().map(|s| {
                        s.plan(
                            stored_stamp
                                .as_ref()
                                .and_then(|o| o.as_ref().map(|(st, _)| st)),
                            force,
                        )
                    })
                })
                .unwrap_or(Plan::Exhausted),
        };
        match (plan, stored) {
            (Plan::Write { stamp, parent }, _) => {
                let written = self
                    .workspace
                    .with_untracked(|w| self.write(&stamp, parent.as_ref(), w));
                if written {
                    self.settle_notice();
                }
            }
            (Plan::Foreign(_), _) => self.reconcile(),
            (Plan::Exhausted, _) => {
                self.save_state.set(SaveState::NotSaved);
                self.notice.set(Some(Notice::RevisionExhausted));
            }
        }
    }

    /// Encodes and writes; records the write. `false` (with the notice set) when nothing was written.
    fn write(self, stamp: &Stamp, parent: Option<&Stamp>, workspace: &Workspace) -> bool {
        let text = match encode(stamp, parent, workspace) {
            Ok(text) => text,
            Err(e) => {
                self.save_state.set(SaveState::NotSaved);
                self.notice.set(Some(Notice::Failed(StorageError::Browser(
                    e.message(Lang::De),
                ))));
                return false;
            }
        };
        if self.last_body.with_value(|b| b == body(&text)) {
            // Nothing new since the last write (e.g. a merge already wrote it).
            self.save_state.set(SaveState::Saved);
            return true;
        }
        match storage::write_document(&text) {
            Ok(()) => {
                self.last_body.set_value(body(&text).to_owned());
                self.sync.update_value(|s| {
                    if let Some(s) = s {
                        s.wrote(stamp.clone(), text)
                    }
                });
                self.save_state.set(SaveState::Saved);
                true
            }
            Err(e) => {
                self.failed(e);
                false
            }
        }
    }

    /// A save that works again clears an earlier storage problem.
    fn settle_notice(self) {
        if matches!(
            self.notice.get_untracked(),
            Some(
                Notice::QuotaExceeded
                    | Notice::Failed(_)
                    | Notice::Unavailable
                    | Notice::Conflict { .. }
                    | Notice::RevisionExhausted
            )
        ) {
            self.notice.set(None);
        }
    }

    fn failed(self, e: StorageError) {
        self.save_state.set(SaveState::NotSaved);
        self.notice.set(Some(match e {
            StorageError::QuotaExceeded => Notice::QuotaExceeded,
            StorageError::Unavailable => Notice::Unavailable,
            other => Notice::Failed(other),
        }));
    }

    /// Another tab saved: take in what storage holds now (read here, under the lock where there is one, so that
    /// nothing else is written between reading and writing). Without changes of this tab since the two last
    /// agreed, it is taken over; with changes, both sides are merged and written; what both changed differently is
    /// left to the user.
    fn reconcile(self) {
        let theirs_text = match storage::load_document() {
            Ok(Some(text)) => text,
            Ok(None) => return,
            Err(e) => return self.failed(e),
        };
        let known = self.sync.with_value(|s| {
            s.as_ref().is_some_and(|s| {
                stamp_of(&theirs_text).is_some_and(|(st, _)| s.is_known(Some(&st)))
            })
        });
        if known {
            return;
        }
        let theirs = match Document::decode(&theirs_text) {
            Ok(doc) => doc,
            Err(error) => {
                let aside_key = storage::keep_aside(&theirs_text, &now_iso()).ok();
                self.saving.set(false);
                self.save_state.set(SaveState::NotSaved);
                self.notice.set(Some(Notice::Unreadable {
                    raw: theirs_text,
                    error,
                    aside_key,
                }));
                return;
            }
        };
        let base = self.sync.with_value(|s| {
            s.as_ref()
                .map(|s| Document::decode(s.base_for(theirs.parent.as_ref())))
        });
        let Some(Ok(base)) = base else {
            // This tab's own base no longer reads (should not happen): let the user choose.
            self.notice.set(Some(Notice::Conflict {
                theirs: theirs.stamp.revision,
                conflicts: Vec::new(),
            }));
            self.save_state.set(SaveState::NotSaved);
            return;
        };
        let outcome = self
            .workspace
            .with_untracked(|mine| merge3(&base.workspace, mine, &theirs.workspace));
        match outcome {
            Merge::Clean(merged) => {
                let changed_here = self.workspace.with_untracked(|w| *w != merged);
                self.sync.update_value(|s| {
                    if let Some(s) = s {
                        s.read(theirs.stamp.clone(), theirs_text.clone())
                    }
                });
                self.last_body.set_value(body(&theirs_text).to_owned());
                if merged == theirs.workspace {
                    self.save_state.set(SaveState::Saved);
                    if changed_here {
                        self.from_storage.set_value(true);
                        self.workspace.set(merged);
                        self.notice.set(Some(Notice::ReloadedFromOtherTab));
                    }
                    return;
                }
                // Both sides changed something: the merge goes on top of theirs.
                let writer = self
                    .sync
                    .with_value(|s| s.as_ref().map(|s| s.writer.clone()).unwrap_or_default());
                let Some(stamp) = theirs.stamp.next(&writer) else {
                    self.notice.set(Some(Notice::RevisionExhausted));
                    return;
                };
                if self.write(&stamp, Some(&theirs.stamp), &merged) {
                    self.notice.set(Some(Notice::MergedWithOtherTab));
                }
                if changed_here {
                    self.from_storage.set_value(true);
                    self.workspace.set(merged);
                }
            }
            Merge::Conflicts(conflicts) => {
                self.save_state.set(SaveState::NotSaved);
                self.notice.set(Some(Notice::Conflict {
                    theirs: theirs.stamp.revision,
                    conflicts,
                }));
            }
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
            if self.saving.get_untracked() && self.sync.with_value(Option::is_some) {
                // Asked on a user's action (the first save), as browsers expect.
                if self.last_body.with_value(String::is_empty) {
                    storage::request_persistence();
                }
                self.request_save();
            } else {
                self.save_state.set(SaveState::NotSaved);
            }
        });
        let document_key = storage::key(crate::persistence::DOCUMENT);
        let _listener =
            window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
                if ev.key().as_deref() != Some(document_key.as_str()) {
                    return;
                }
                if ev.new_value().is_none() || !self.saving.get_untracked() {
                    return;
                }
                if matches!(self.notice.get_untracked(), Some(Notice::Conflict { .. })) {
                    // The user is choosing; the choice reads storage as it is then.
                    return;
                }
                // What storage holds when this tab gets the lock, not the event's text: by then it may hold a
                // later save, whose parent this tab is more likely to know.
                storage::with_save_lock(move || self.reconcile());
            });
        // A storage event can be missed (a frozen background tab does not get it): on coming back into view and
        // every two seconds, a tab compares the stored stamp with the one it knows and takes in what it missed.
        let look = move || {
            if self.queued.get_value()
                || !self.saving.get_untracked()
                || matches!(self.notice.get_untracked(), Some(Notice::Conflict { .. }))
            {
                return;
            }
            let stored = storage::load_document().ok().flatten();
            let known = self.sync.with_value(|s| {
                s.as_ref().is_none_or(|s| match stored.as_deref() {
                    None => true,
                    Some(text) => stamp_of(text).is_some_and(|(st, _)| s.is_known(Some(&st))),
                })
            });
            if !known {
                storage::with_save_lock(move || self.reconcile());
            }
        };
        let _focus = window_event_listener(leptos::ev::focus, move |_| look());
        let _visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if !document().hidden() {
                look();
            }
        });
        let _poll = set_interval_with_handle(
            move || {
                if !document().hidden() {
                    look();
                }
            },
            std::time::Duration::from_secs(2),
        );
        // A tab closed right after a change: its queued save runs at once (without waiting for the lock).
        let _hide = window_event_listener(leptos::ev::pagehide, move |_| {
            if self.queued.get_value() {
                self.queued.set_value(false);
                self.save_now(false);
            }
        });
    }

    /// Replaces this tab's workspace with what storage holds (the user chose the other tab's version).
    pub fn take_over_stored(self) {
        match storage::load_startup() {
            Ok(Startup::Loaded(doc, raw)) => {
                self.sync.update_value(|s| {
                    if let Some(s) = s {
                        s.read(doc.stamp.clone(), raw.clone())
                    }
                });
                self.last_body.set_value(body(&raw).to_owned());
                self.from_storage.set_value(true);
                self.workspace.set(doc.workspace);
                self.saving.set(true);
                self.save_state.set(SaveState::Saved);
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
            Err(e) => self.failed(e),
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

    /// The user keeps this tab's version over another tab's save.
    pub fn save_mine_anyway(self) {
        self.saving.set(true);
        storage::with_save_lock(move || {
            self.save_now(true);
            if self.save_state.get_untracked() == SaveState::Saved {
                self.notice.set(None);
            }
        });
    }

    /// After an unreadable store: start anew with what the tab shows (the example, or a backup put in its place);
    /// the unreadable text stays kept aside.
    pub fn start_anew(self) {
        self.notice.set(None);
        self.saving.set(true);
        storage::with_save_lock(move || self.save_now(true));
    }
}

/// The state from context (provided by [`crate::ui::App`]).
pub fn use_state() -> AppState {
    use_context::<AppState>()
        .unwrap_or_else(|| unreachable!("App provides AppState before any screen renders"))
}
