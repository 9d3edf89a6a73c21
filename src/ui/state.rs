//! The app's shared state, handed down by context: the workspace and the selected year.

use leptos::prelude::*;

use crate::domain::calendar::Year;
use crate::domain::example;
use crate::domain::workspace::Workspace;

/// State shared by all screens.
#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    /// The year whose agreement the screens show.
    pub year: RwSignal<Year>,
}

impl AppState {
    /// The start state: the example workspace of the seed, its latest agreement year selected.
    pub fn new() -> AppState {
        let workspace = example::odenwaldkreis();
        let year = workspace
            .agreement_years()
            .last()
            .copied()
            .or_else(|| Year::new(2022))
            .unwrap_or_else(|| unreachable!("2022 is a valid year"));
        AppState {
            workspace: RwSignal::new(workspace),
            year: RwSignal::new(year),
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}

/// The state from context (provided by [`crate::ui::App`]).
pub fn use_state() -> AppState {
    use_context::<AppState>()
        .unwrap_or_else(|| unreachable!("App provides AppState before any screen renders"))
}
