//! Leptos components: the app shell and one file per screen. Thin: they render and call pure modules.

mod app;
mod screens;

pub use app::App;
