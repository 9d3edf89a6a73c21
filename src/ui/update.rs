//! The app's files kept by a service worker (issue 22), where the browser allows one (https, or localhost): the
//! app then starts when the intranet server is down, and from its cache on a returning visit. `sw.js` is written
//! by the build (`scripts/post-build.mjs`) with the build's file names; a new build is installed beside the
//! running one and waits. Nothing mixes old and new files: a page runs the build it started with until the user
//! takes the new one ("Jetzt neu laden"), which the notice here offers. Over plain http and from `file://` there is
//! no service worker (the browser offers none); the README says so.
//!
//! The registration is a small script of the build (`zielsteuerung-<hash>_update.js`, named by
//! `<meta name="zielsteuerung-update">`), loaded a few seconds after start: in Rust, the bindings of the service
//! worker API cost the wasm 4.4 KB brotli. It says a waiting build with the window event
//! `zielsteuerung-neue-version` and takes it on `zielsteuerung-neu-laden`.

use leptos::prelude::*;

use crate::ui::state::use_state;

/// Loaded this long after start, so that its downloads do not compete with the first screen.
const AFTER_START: std::time::Duration = std::time::Duration::from_secs(3);

/// Loads the registration script where the browser offers service workers to this page.
fn load_registration() -> Option<()> {
    let window = web_sys::window()?;
    let offered = window.is_secure_context()
        && js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).ok()?
        && window.location().protocol().ok()? != "file:";
    if !offered {
        return None;
    }
    let document = window.document()?;
    let src = document
        .query_selector("meta[name=zielsteuerung-update]")
        .ok()??
        .get_attribute("content")?;
    let script = document.create_element("script").ok()?;
    script.set_attribute("type", "module").ok()?;
    script.set_attribute("src", &src).ok()?;
    document.body()?.append_child(&script).ok()?;
    Some(())
}

/// "Eine neuere Version der Zielsteuerung ist bereit." with the choice to reload, once a new build waits.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let lang = use_state().lang;
    let ready = RwSignal::new(false);
    // The page lives as long as the app: the listener is never removed.
    let _listener =
        window_event_listener_untyped("zielsteuerung-neue-version", move |_| ready.set(true));
    set_timeout(
        move || {
            let _ = load_registration();
        },
        AFTER_START,
    );
    let take_new = move |_| {
        if let Ok(event) = web_sys::Event::new("zielsteuerung-neu-laden") {
            let _ = window().dispatch_event(&event);
        }
    };
    move || {
        ready.get().then(|| {
            let l = lang.get();
            view! {
                <div class="meldung meldung-info neue-version" role="status">
                    <p>
                        {l.pick(
                            "Eine neuere Version der Zielsteuerung ist bereit. Ihre Daten bleiben, wie sie sind.",
                            "A newer version of Zielsteuerung is ready. Your data stays as it is.",
                        )}
                        " "
                        <button type="button" on:click=take_new>
                            {l.pick("Jetzt neu laden", "Reload now")}
                        </button>
                    </p>
                </div>
            }
        })
    }
}
