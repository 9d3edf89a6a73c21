//! The app's shared state, handed down by context: the workspace (`data`, read through the narrowest door and
//! changed through one of three: values, the rest, or all of it), the engine's results per year (`result`), the
//! selected year, the language, and how the workspace stands with storage. Every change is saved (`save.rs`):
//! the years that changed and the manifest, under the origin's save lock where the browser has Web Locks;
//! another tab's save is recognised by its stamp and merged with this tab's changes (three-way,
//! `domain::merge`); what both changed differently is the user's choice. Nothing is written over data that could
//! not be read, nor over another tab's change this tab has not taken in.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::calendar::Year;
use crate::domain::attainment::{AgreementResult, evaluate};
use crate::domain::example;
use crate::domain::merge::Conflict;
use crate::domain::workspace::{LoadError, Workspace};
use crate::locale::Lang;
use crate::persistence::{Committed, Startup, StoreView};
use crate::storage::{self, StorageError};
use crate::ui::clock::now_iso;

mod complete;
mod data;
mod file;
mod safety;
mod save;
mod watch;

pub use data::Data;
pub use file::FileChoice;

/// A storage matter the user must know about.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// No localStorage at all: the app works in memory only.
    Unavailable,
    /// The stored workspace could not be read; it is kept (also under `aside_key`) and not written over.
    Unreadable {
        raw: String,
        error: LoadError,
        aside_key: Option<String>,
    },
    /// Year keys that no manifest accounts for were kept aside under `key` (and removed where they were): said,
    /// with their text to download (issue 21, loss 6).
    KeptAside {
        key: String,
        count: usize,
        raw: String,
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
    Choose {
        name: String,
        theirs: crate::persistence::file::FileContent,
    },
    /// Not a workspace file (any more): never written over.
    Unreadable { name: String, why: String },
    /// The browser refused reading or writing.
    Failed { name: String, why: String },
}

/// The engine's results, one memo per year, made on first use under the app's owner.
type Results = HashMap<Year, Memo<Option<Arc<AgreementResult>>>>;

/// State shared by all screens.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The workspace and what follows its changes.
    pub data: Data,
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
    results: StoredValue<Results>,
    owner: StoredValue<Option<Owner>>,
    /// What this tab knows of storage (`None` without storage).
    sync: StoredValue<Option<StoreView>>,
    /// False while saving would destroy something (unreadable store) or is impossible.
    may_save: RwSignal<bool>,
    /// A save waits for the lock; further changes ride along with it.
    queued: StoredValue<bool>,
    /// The store came from a build before schema 3: laid out anew as soon as the app runs.
    relayout: StoredValue<bool>,
    /// The years whose values start-up has not read yet ([`AppState::ensure_complete`]).
    rest: StoredValue<Vec<Year>>,
    /// What this browser knows of backups, as stored (kept apart from the workspace; it names the workspace it
    /// is of, see `safety.rs`).
    pub backup: RwSignal<crate::persistence::BackupNote>,
    /// The stored backup note could not be read (it was kept aside): said in the header.
    note_unreadable: RwSignal<bool>,
    /// False while an unreadable backup note could not be kept aside: it is not written over.
    note_writable: StoredValue<bool>,
    /// A note started anew when a workspace was put in place at this revision: its save moves the count.
    note_pending: StoredValue<Option<u64>>,
    /// The revision of the commit storage holds as far as this tab knows (counts the saved changes).
    pub revision: RwSignal<u64>,
    /// The browser's answer to keeping the data (`navigator.storage.persisted()` / `persist()`).
    pub persisted: RwSignal<Option<bool>>,
    /// Whether this tab has asked the browser to keep the data (once, at the first save).
    asked_to_keep: StoredValue<bool>,
    /// The linked workspace file.
    pub file: RwSignal<FileStatus>,
    file_handle: StoredValue<Option<wasm_bindgen::JsValue>, LocalStorage>,
    file_busy: StoredValue<bool>,
    file_again: StoredValue<bool>,
    /// The workspace last in step with the file, with its fingerprint: the base of a three-way merge with it.
    file_base: StoredValue<Option<(Option<u64>, Workspace)>>,
}

/// A new id for this tab's saves: "t-" and eight hex digits from the browser's random numbers and clock.
fn writer_id() -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    let clock = (js_sys::Date::now() as u64 & 0xffff) as u32;
    format!("t-{:08x}", random ^ clock)
}

impl AppState {
    /// Reads storage and decides what the app starts with.
    pub fn new() -> AppState {
        let writer = writer_id();
        let fresh = |ws: Workspace| Some(StoreView::new(&writer, Committed::none(ws)));
        // The first screen shows the latest agreement's year (its agreement and values, and those of the two
        // years before, which its previous-year figures need); the other years are read right after it is painted.
        let first_years = |keys: &crate::persistence::YearKeys| {
            // As `Workspace::start_year`: the latest agreement's year, else this year.
            let start = keys
                .agreements
                .keys()
                .next_back()
                .copied()
                .or(crate::ui::clock::this_year())
                .unwrap_or(Year::EARLIEST);
            let before = start.previous();
            Some(
                [Some(start), before, before.and_then(Year::previous)]
                    .into_iter()
                    .flatten()
                    .collect(),
            )
        };
        let (startup, rest) = match storage::load_first(first_years) {
            Ok((startup, rest)) => (Ok(startup), rest),
            Err(e) => (Err(e), Vec::new()),
        };
        let (workspace, sync, notice, may_save, relayout) = match startup {
            Err(_) => (
                example::odenwaldkreis(),
                None,
                Some(Notice::Unavailable),
                false,
                false,
            ),
            Ok(Startup::Fresh) => {
                let ws = example::odenwaldkreis();
                (ws.clone(), fresh(ws), None, true, false)
            }
            Ok(Startup::Loaded {
                committed, whole, ..
            }) => (
                committed.workspace.clone(),
                Some(StoreView::new(&writer, committed)),
                None,
                true,
                whole,
            ),
            Ok(Startup::Unreadable { raw, error }) => {
                let aside_key = storage::keep_aside(&raw, &now_iso()).ok();
                let ws = example::odenwaldkreis();
                (
                    ws.clone(),
                    fresh(ws),
                    Some(Notice::Unreadable {
                        raw,
                        error,
                        aside_key,
                    }),
                    false,
                    false,
                )
            }
        };
        crate::ui::trace::mark("zs:read");
        let revision = sync
            .as_ref()
            .and_then(|s| s.committed())
            .map_or(0, |c| c.stamp.revision);
        let lang = storage::load_language().unwrap_or_default();
        let state = AppState {
            year: RwSignal::new(workspace.start_year(crate::ui::clock::this_year())),
            data: Data::new(workspace),
            notice: RwSignal::new(notice),
            save_state: RwSignal::new(SaveState::Saved),
            entry_as_of: RwSignal::new(crate::ui::clock::today(lang)),
            lang: RwSignal::new(lang),
            import_undo: RwSignal::new(None),
            results: StoredValue::new(HashMap::new()),
            owner: StoredValue::new(Owner::current()),
            sync: StoredValue::new(sync),
            may_save: RwSignal::new(may_save),
            queued: StoredValue::new(false),
            relayout: StoredValue::new(relayout),
            rest: StoredValue::new(rest),
            backup: RwSignal::new(crate::persistence::BackupNote::default()),
            note_unreadable: RwSignal::new(false),
            note_writable: StoredValue::new(true),
            note_pending: StoredValue::new(None),
            revision: RwSignal::new(revision),
            persisted: RwSignal::new(None),
            asked_to_keep: StoredValue::new(false),
            file: RwSignal::new(FileStatus::Unlinked),
            file_handle: StoredValue::new_local(None),
            file_busy: StoredValue::new(false),
            file_again: StoredValue::new(false),
            file_base: StoredValue::new(None),
        };
        // What this browser knows of backups, if it is of the workspace stored (changes count from the first day
        // the app runs with storage here).
        state.follow_note();
        state
    }

    /// The engine's results for the agreement of `year` (`None` without one). Cached per year: recomputed only
    /// when the agreements, the settings or the values of that year or the year before change. Tracked.
    pub fn result(self, year: Year) -> Option<Arc<AgreementResult>> {
        let memo = self.results.try_update_value(|results| {
            *results.entry(year).or_insert_with(|| {
                let data = self.data;
                let make = move || {
                    Memo::new(move |_| {
                        data.for_year(year, |w| {
                            w.agreement_for(year).map(|a| Arc::new(evaluate(w, a)))
                        })
                    })
                };
                // Made under the app's owner, so that it outlives the screen that asked first.
                match self.owner.get_value() {
                    Some(owner) => owner.with(make),
                    None => make(),
                }
            })
        });
        memo.and_then(|m| m.get())
    }

    /// The overview (and balance) of the selected year, from the cached results. Tracked.
    pub fn model_of_year(self, lang: Lang) -> Option<crate::present::overview::Model> {
        let year = self.year.get();
        let result = self.result(year)?;
        self.data.for_year(year, |w| {
            w.agreement_for(year)
                .map(|a| crate::present::overview::model_of(w, a, &result, lang))
        })
    }

    /// The report of the selected year, from the cached results. Tracked (its charts also show the year before
    /// the previous one, whose figures a derived target of the previous year needs).
    pub fn report_of_year(self, lang: Lang) -> Option<crate::present::report::Report> {
        let year = self.year.get();
        let result = self.result(year)?;
        if let Some(before) = year.previous().and_then(Year::previous) {
            self.data.year(before, |_| ());
        }
        self.data.for_year(year, |w| {
            w.agreement_for(year)
                .map(|a| crate::present::report::report_of(w, a, &result, lang))
        })
    }

    /// The detail of one target, from the cached results of its year. Tracked as the report.
    pub fn detail(
        self,
        id: crate::domain::agreement::TargetId,
        lang: Lang,
    ) -> Option<crate::present::detail::Detail> {
        let year = self.data.meta(|w| w.target(id).map(|(a, _)| a.year))?;
        let result = self.result(year)?;
        if let Some(before) = year.previous().and_then(Year::previous) {
            self.data.year(before, |_| ());
        }
        self.data.for_year(year, |w| {
            crate::present::detail::detail_of(w, &result, id, lang)
        })
    }

    /// Changes values (the grid, a paste): one save for the whole change.
    pub fn change_values<T>(self, f: impl FnOnce(&mut Workspace) -> T) -> T {
        self.ensure_complete();
        let (out, changed) = self.data.change_values(f);
        if changed {
            self.changed();
        }
        out
    }

    /// Changes what is not values (agreements, targets, own indicators, settings): one save.
    pub fn change_meta<T>(self, f: impl FnOnce(&mut Workspace) -> T) -> T {
        self.ensure_complete();
        let (out, changed) = self.data.change_meta(f);
        if changed {
            self.changed();
        }
        out
    }

    /// Puts another workspace in place (an import accepted or undone, a colleague's file): saved. What this
    /// browser knows of backups stays if it is the same workspace, and starts anew for another organisation.
    pub fn replace(self, workspace: Workspace) {
        self.put_in_place(workspace, false);
    }

    /// Puts a new workspace in place ("Neuen Arbeitsbereich anlegen"): saved, with no backup yet, even under
    /// the name of the one before.
    pub fn replace_with_new(self, workspace: Workspace) {
        self.put_in_place(workspace, true);
    }

    fn put_in_place(self, workspace: Workspace, new: bool) {
        self.ensure_complete();
        self.note_replaced(&workspace, new);
        if self.data.replace(workspace) {
            self.changed();
        } else {
            self.note_pending.set_value(None);
        }
    }

    /// Whether the stored data could not be read (and so is kept, and nothing is saved). Tracked.
    pub fn store_unreadable(&self) -> bool {
        self.notice
            .with(|n| matches!(n, Some(Notice::Unreadable { .. })))
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
}

/// The state from context (provided by [`crate::ui::App`]).
pub fn use_state() -> AppState {
    use_context::<AppState>()
        .unwrap_or_else(|| unreachable!("App provides AppState before any screen renders"))
}
