//! The app's shared state, in four owned parts, each with its own type and context (as leptos-use gives every
//! concern a `use_…` of its own):
//! - [`AppState`] (`use_state`): the workspace (`data`, read through the narrowest door and changed through one
//!   of three: values, the rest, or all of it), the engine's results per year, and the screen's choices (year,
//!   language, the Datenstand for the grid, the last import's undo).
//! - [`Persistence`] (`use_persistence`, `saving/`): the save protocol, taking in other tabs' saves, the second
//!   step of start-up, the notices and the save state. It alone writes the workspace's storage keys.
//! - [`SafetyNet`] (`use_safety`, `safety.rs`): the backup note and the browser's answer on keeping the data.
//! - [`WorkspaceFile`] (`use_file`, `file.rs`): the linked file, its status, its round lock and the workspace last
//!   in step with it.
//!
//! The safety net and the file follow persistence through one seam ([`Persistence::follow`], [`Event`]); the
//! file puts a colleague's workspace in place through [`AppState::replace`] like any other. Components get the
//! part they need and may change only through its methods: every signal a part writes is private to it.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::calendar::Year;
use crate::domain::attainment::{AgreementResult, evaluate};
use crate::domain::workspace::{ValuesEdit, Workspace};
use crate::locale::Lang;
use crate::storage;

mod data;
mod file;
mod safety;
mod saving;

pub use data::Data;
pub use file::{FileChoice, FileStatus, WorkspaceFile};
pub use safety::SafetyNet;
pub use saving::{Event, Notice, Persistence, SaveState};

/// The engine's results, one memo per year, made on first use under the app's owner.
type Results = HashMap<Year, Memo<Option<Arc<AgreementResult>>>>;

/// The workspace and the screen's choices: the part of the state every screen reads. Changes of the workspace go
/// through it (values, the rest, or all of it) and are saved by [`Persistence`]; putting another workspace in
/// place tells the [`SafetyNet`] first. `Copy`; provided by context ([`use_state`]).
#[derive(Clone, Copy)]
pub struct AppState {
    /// The workspace and what follows its changes.
    pub data: Data,
    /// The year whose agreement the screens show.
    pub year: RwSignal<Year>,
    /// The "Datenstand" given to values entered in the grid, as typed ("31.10.2022"); kept while the tab lives.
    pub entry_as_of: RwSignal<String>,
    /// The UI language, remembered in storage apart from the workspace.
    pub lang: RwSignal<Lang>,
    /// The last accepted import: the workspace before and after it. Undo is offered while the workspace is
    /// still the one after (any later change would be lost by going back); kept across screens, not reloads.
    pub import_undo: RwSignal<Option<(Workspace, Workspace)>>,
    results: StoredValue<Results>,
    owner: StoredValue<Option<Owner>>,
    saving: Persistence,
    safety: SafetyNet,
}

/// Makes the parts of the state, provides each by context and starts what runs for the life of the page. Once,
/// from [`crate::ui::App`]: storage is read here.
pub fn provide_state() -> AppState {
    let saving = Persistence::new();
    let safety = SafetyNet::new(saving);
    let state = AppState::new(saving, safety);
    let file = WorkspaceFile::new(state, saving);
    provide_context(state);
    provide_context(saving);
    provide_context(safety);
    provide_context(file);
    saving.start();
    safety.start();
    file.start();
    state.start();
    state
}

impl AppState {
    fn new(saving: Persistence, safety: SafetyNet) -> AppState {
        let data = saving.data();
        let lang = storage::load_language().unwrap_or_default();
        AppState {
            year: RwSignal::new(data.untracked(|w| w.start_year(crate::ui::clock::this_year()))),
            data,
            entry_as_of: RwSignal::new(crate::ui::clock::today(lang)),
            lang: RwSignal::new(lang),
            import_undo: RwSignal::new(None),
            results: StoredValue::new(HashMap::new()),
            owner: StoredValue::new(Owner::current()),
            saving,
            safety,
        }
    }

    /// The language remembered and said to the page; the years start-up left read as soon as another year is
    /// chosen.
    fn start(self) {
        // `<html lang>` follows the language (WCAG 3.1.1), and it is remembered. Not being able to remember it is
        // no matter for a notice: the workspace's own save reports storage problems.
        Effect::new(move |first: Option<()>| {
            let lang = self.lang.get();
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
            if first.is_some() {
                let _ = storage::save_language(lang);
            }
        });
        Effect::new(move |before: Option<Year>| {
            let year = self.year.get();
            if before.is_some_and(|b| b != year) {
                self.saving.ensure_complete();
            }
            year
        });
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
        self.data.for_years(judged_and_before(year), |w| {
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
        let year = self.data.meta(|m| m.target(id).map(|(a, _)| a.year))?;
        let result = self.result(year)?;
        self.data.for_years(judged_and_before(year), |w| {
            crate::present::detail::detail_of(w, &result, id, lang)
        })
    }

    /// Changes values (the grid, a paste): one save for the whole change.
    pub fn change_values<T>(self, f: impl FnOnce(&mut ValuesEdit<'_>) -> T) -> T {
        self.saving.ensure_complete();
        let (out, changed) = self.data.change_values(f);
        if changed {
            self.saving.changed();
        }
        out
    }

    /// Changes what is not values (agreements, targets, own indicators, settings): one save.
    pub fn change_meta<T>(self, f: impl FnOnce(&mut Workspace) -> T) -> T {
        self.saving.ensure_complete();
        let (out, changed) = self.data.change_meta(f);
        if changed {
            self.saving.changed();
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
        self.saving.ensure_complete();
        self.safety.before_put_in_place(&workspace, new);
        if self.data.replace(workspace) {
            self.saving.changed();
        } else {
            self.safety.nothing_put_in_place();
        }
    }

    /// Reads the years start-up left for later, if any are left (see [`Persistence::ensure_complete`]): before
    /// anything needs the whole workspace (an export, a backup).
    pub fn ensure_complete(self) {
        self.saving.ensure_complete();
    }

    /// A value is about to be typed: the save lock is asked for now (see [`Persistence::expect_change`]).
    pub fn expect_change(self) {
        self.saving.expect_change();
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

/// A year, the year before (the engine's previous-year figures) and the one before that (whose figures a
/// derived target of the previous year needs, shown in the report's charts and the detail).
fn judged_and_before(year: Year) -> impl Iterator<Item = Year> {
    let before = year.previous();
    [Some(year), before, before.and_then(Year::previous)]
        .into_iter()
        .flatten()
}

/// The workspace and the screen's choices, from context (provided by [`provide_state`]).
pub fn use_state() -> AppState {
    use_context::<AppState>()
        .unwrap_or_else(|| unreachable!("App provides AppState before any screen renders"))
}

/// Persistence (notices, save state, the user's choices over storage), from context.
pub fn use_persistence() -> Persistence {
    use_context::<Persistence>()
        .unwrap_or_else(|| unreachable!("App provides Persistence before any screen renders"))
}

/// The safety net (backups, keeping the data), from context.
pub fn use_safety() -> SafetyNet {
    use_context::<SafetyNet>()
        .unwrap_or_else(|| unreachable!("App provides SafetyNet before any screen renders"))
}

/// The linked workspace file, from context.
pub fn use_file() -> WorkspaceFile {
    use_context::<WorkspaceFile>()
        .unwrap_or_else(|| unreachable!("App provides WorkspaceFile before any screen renders"))
}
