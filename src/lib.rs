//! Zielsteuerung: target agreements of a German job centre (SGB II), their monthly figures and attainment.
//!
//! The module tree follows ARCHITECTURE.md: pure logic (`domain`, `locale`, `route`) needs no browser and is
//! tested natively; `storage`, `crash` and `ui` (feature `ui`, on by default) are the only modules that touch
//! the browser.

pub mod chart;
pub mod core;
pub mod domain;
pub mod exchange;
pub mod locale;
pub mod persistence;
pub mod present;
pub mod route;

#[cfg(feature = "ui")]
pub mod crash;
#[cfg(feature = "ui")]
pub mod jobs;
#[cfg(feature = "ui")]
pub mod storage;
#[cfg(feature = "ui")]
pub mod ui;

/// Starts the app in the browser: crash banner first, so that even a panic during mounting is visible. In the
/// file worker (the same wasm, started by `jobs::client`) it listens for jobs instead.
#[cfg(feature = "ui")]
pub fn start() {
    if jobs::worker::serve() {
        return;
    }
    ui::trace::mark("zs:start");
    crash::install_hook();
    leptos::mount::mount_to_body(ui::App);
    ui::trace::mark("zs:mounted");
}
