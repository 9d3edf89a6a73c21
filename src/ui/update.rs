//! The app's files kept by a service worker (issue 22), where the browser allows one (https, or localhost): the
//! app then starts when the intranet server is down, and from its cache on a returning visit. `sw.js` is written
//! by the build (`scripts/post-build.mjs`) with the build's file names; a new build is installed beside the
//! running one and waits. Nothing mixes old and new files: a page runs the build it started with until the user
//! takes the new one ("Jetzt neu laden"), which the notice here offers. Over plain http and from `file://` there is
//! no service worker (the browser offers none); the README says so.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::ui::state::use_state;

/// Registered this long after start, so that its downloads do not compete with the first screen.
const AFTER_START: std::time::Duration = std::time::Duration::from_secs(3);

/// The message that lets a waiting build take over (sw.js).
const TAKE_OVER: &str = "neue-version";

thread_local! {
    static REGISTRATION: RefCell<Option<web_sys::ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOAD_ON_CHANGE: RefCell<bool> = const { RefCell::new(false) };
}

/// The browser's service workers, where it offers them to this page.
fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let window = web_sys::window()?;
    let navigator = window.navigator();
    let offered = window.is_secure_context()
        && js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false)
        && window.location().protocol().ok()? != "file:";
    offered.then(|| navigator.service_worker())
}

/// Registers `sw.js` and calls `ready` when a newer build waits while this page runs.
fn register(ready: impl Fn() + Clone + 'static) {
    let Some(container) = container() else {
        return;
    };
    let on_change = Closure::<dyn FnMut()>::new(|| {
        if RELOAD_ON_CHANGE.with_borrow(|r| *r)
            && let Some(w) = web_sys::window()
        {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    // As long as the page lives.
    on_change.forget();
    let controlled = container.controller().is_some();
    let asked = container.clone();
    leptos::task::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(container.register("./sw.js"))
            .await
            .and_then(|r| r.dyn_into::<web_sys::ServiceWorkerRegistration>())
        else {
            // A server without sw.js (an older copy of dist/), or a browser that refuses: the app runs as before.
            return;
        };
        if controlled && registration.waiting().is_some() {
            ready();
        }
        // A new build found before this ran (the browser looks on every navigation) is installing already.
        if let Some(installing) = registration.installing() {
            watch(&installing, &asked, ready.clone());
        }
        let watched = registration.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            if let Some(installing) = watched.installing() {
                watch(&installing, &asked, ready.clone());
            }
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        REGISTRATION.with_borrow_mut(|r| *r = Some(registration));
    });
}

/// Calls `ready` when `installing` has installed while a build controls this page: the new one waits for the user.
fn watch(
    installing: &web_sys::ServiceWorker,
    container: &web_sys::ServiceWorkerContainer,
    ready: impl Fn() + 'static,
) {
    let (worker, container) = (installing.clone(), container.clone());
    let on_state = Closure::<dyn FnMut()>::new(move || {
        if worker.state() == web_sys::ServiceWorkerState::Installed
            && container.controller().is_some()
        {
            ready();
        }
    });
    installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    // Lives as long as the worker it watches.
    on_state.forget();
}

/// Lets the waiting build take over; the page reloads when it has.
fn take_new() {
    let waiting = REGISTRATION.with_borrow(|r| r.as_ref().and_then(|r| r.waiting()));
    if let Some(waiting) = waiting {
        RELOAD_ON_CHANGE.with_borrow_mut(|r| *r = true);
        let _ = waiting.post_message(&TAKE_OVER.into());
    }
}

/// "Eine neuere Version der Zielsteuerung ist bereit." with the choice to reload, once a new build waits.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let lang = use_state().lang;
    let ready = RwSignal::new(false);
    set_timeout(move || register(move || ready.set(true)), AFTER_START);
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
                        <button type="button" on:click=move |_| take_new()>
                            {l.pick("Jetzt neu laden", "Reload now")}
                        </button>
                    </p>
                </div>
            }
        })
    }
}
