//! Leptos components: the app shell and one file per screen. Thin: they render and call pure modules.

mod agreement;
mod app;
mod balance;
mod clock;
mod comparison;
mod detail;
mod download;
mod exchange;
mod figures;
mod lazy;
mod legend;
mod notices;
mod overview;
mod report;
mod safety;
mod screens;
/// The state in its owned parts; public for the browser tests of their seam.
pub mod state;
mod target_table;
pub(crate) mod trace;
mod update;
mod values_grid;
mod widgets;

pub use app::App;
