//! Marks on the browser's performance timeline at the steps of start-up and of an edit (`zs:…`), so that
//! `make bench` can say where the time goes, measured rather than guessed. A mark costs next to nothing; the marks
//! of the previous edit are cleared when the next one begins, so they never pile up.

/// Marks `name` now (`performance.mark`).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Marks the start of an edit, clearing the marks of the one before.
pub fn begin(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.clear_marks();
        let _ = performance.mark(name);
    }
}
