//! A slice of the page's own work: yields to the browser once [`SLICE_MS`] have passed, so that no task of the
//! file work blocks the page.

use wasm_bindgen::JsValue;

/// The longest slice of the page's own work before it lets the browser paint (a frame at 60 Hz is 16 ms; a
/// task up to 50 ms does not count as blocking). A slice may run over by one part (a year: about 2 ms).
const SLICE_MS: f64 = 25.0;

pub(super) struct Slice {
    since: f64,
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

impl Slice {
    pub(super) fn new() -> Slice {
        Slice { since: now() }
    }

    /// Lets the browser paint if this slice has run for [`SLICE_MS`].
    pub(super) async fn maybe_yield(&mut self) {
        if now() - self.since >= SLICE_MS {
            self.pause().await;
        }
    }

    /// Lets the browser paint, then starts a new slice.
    pub(super) async fn pause(&mut self) {
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            let later = web_sys::window().and_then(|w| w.set_timeout_with_callback(&resolve).ok());
            if later.is_none() {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
        self.since = now();
    }
}
