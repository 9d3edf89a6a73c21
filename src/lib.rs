//! Zielsteuerung: target agreements of a German job centre (SGB II), their monthly figures and attainment.
//!
//! The module tree follows ARCHITECTURE.md: pure logic (`route`, later `domain`, `locale`, ...) needs no browser
//! and is tested natively; `storage`, `crash` and `ui` are the only modules that touch the browser.

pub mod crash;
pub mod domain;
pub mod locale;
pub mod route;
pub mod storage;
pub mod ui;

/// Starts the app in the browser: crash banner first, so that even a panic during mounting is visible.
pub fn start() {
    crash::install_hook();
    leptos::mount::mount_to_body(ui::App);
}
