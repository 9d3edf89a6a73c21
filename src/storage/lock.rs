//! The origin's save lock (`navigator.locks`), which serialises the saves of all tabs: a save runs under it
//! ([`with_save_lock`]), and a value being typed asks for it ahead ([`hold_save_lock`]) so that its save can run
//! in the same task as the commit.

use crate::persistence::SAVE_LOCK;

/// `navigator.locks` and its `request` method, where the browser has them (Chromium and Firefox in a secure
/// context; not over plain http).
fn web_locks() -> Option<(wasm_bindgen::JsValue, js_sys::Function)> {
    use wasm_bindgen::{JsCast, JsValue};
    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("locks")).ok())
        .filter(|l| l.is_object())?;
    let request = js_sys::Reflect::get(&locks, &JsValue::from_str("request"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())?;
    Some((locks, request))
}

/// How saves are serialised across tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockMode {
    /// The Web Locks API (`navigator.locks`): one tab saves at a time.
    WebLocks,
    /// No Web Locks (a page served over plain http is not a secure context): a save runs at once; a save that
    /// another tab made at the same moment is recognised afterwards by its stamp and merged.
    Direct,
}

/// Runs `work` while this tab holds the save lock of the origin, or at once where there are no Web Locks. The
/// work runs exactly once, also when the browser refuses the lock request; it is told whether it holds the lock.
///
/// While this tab holds the lock ahead ([`hold_save_lock`]), the work runs at once, under it, and the lock is let go
/// after it; while that hold is still asked for, the work waits for it.
pub fn with_save_lock(work: impl FnOnce(bool) + 'static) -> LockMode {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};

    let work: Box<dyn FnOnce(bool)> = Box::new(work);
    let work = match HOLD.with(|h| h.replace(Hold::Idle)) {
        Hold::Held { release, .. } => {
            work(true);
            let _ = release.call0(&JsValue::NULL);
            return LockMode::WebLocks;
        }
        Hold::Asked {
            generation,
            mut waiting,
        } => {
            waiting.push(work);
            HOLD.with(|h| {
                h.replace(Hold::Asked {
                    generation,
                    waiting,
                })
            });
            return LockMode::WebLocks;
        }
        Hold::Idle => work,
    };
    /// The work, taken by whichever path runs it first.
    type Once = Rc<RefCell<Option<Box<dyn FnOnce(bool)>>>>;
    let slot: Once = Rc::new(RefCell::new(Some(work)));
    let run = {
        let slot = slot.clone();
        move |locked: bool| {
            if let Some(work) = slot.borrow_mut().take() {
                work(locked);
            }
        }
    };
    let Some((locks, request)) = web_locks() else {
        run(false);
        return LockMode::Direct;
    };
    let in_lock = {
        let run = run.clone();
        Closure::once_into_js(move |_lock: JsValue| {
            run(true);
            JsValue::UNDEFINED
        })
    };
    match request.call2(&locks, &JsValue::from_str(SAVE_LOCK), &in_lock) {
        Ok(promise) => {
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                // A refused request (e.g. a sandboxed page) still saves, without the lock.
                let refused = Closure::once(move |_err: JsValue| run(false));
                let _ = promise.catch(&refused);
                // The closure must outlive this call; it runs at most once, so leaking it is bounded.
                refused.forget();
            }
            LockMode::WebLocks
        }
        Err(_) => {
            run(false);
            LockMode::Direct
        }
    }
}

/// Work waiting for the save lock, each told whether it got it.
type Waiting = Vec<Box<dyn FnOnce(bool)>>;

/// The save lock held ahead of a save (see [`hold_save_lock`]).
enum Hold {
    Idle,
    /// Asked for; works that want the lock meanwhile wait for it here.
    Asked {
        generation: u64,
        waiting: Waiting,
    },
    /// Held; calling `release` lets it go.
    Held {
        generation: u64,
        release: js_sys::Function,
    },
}

thread_local! {
    static HOLD: std::cell::RefCell<Hold> = const { std::cell::RefCell::new(Hold::Idle) };
    static GENERATION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Asks for the save lock ahead of a save that is about to come (a value being typed into the grid), so that the
/// save runs in the same task as the commit instead of a frame later, once the browser grants the lock. The lock
/// is let go after the next work that wants it ([`with_save_lock`]) or after `at_most`, whichever comes first, so
/// that another tab never waits longer than that. Without Web Locks, or while a hold is asked for or held,
/// nothing happens.
pub fn hold_save_lock(at_most: std::time::Duration) {
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    if !HOLD.with(|h| matches!(*h.borrow(), Hold::Idle)) {
        return;
    }
    let Some((locks, request)) = web_locks() else {
        return;
    };
    let generation = GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    HOLD.with(|h| {
        h.replace(Hold::Asked {
            generation,
            waiting: Vec::new(),
        })
    });
    let granted = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        // The lock is held until this promise settles: `release` settles it.
        let mut release = None;
        let held = js_sys::Promise::new(&mut |resolve, _reject| release = Some(resolve));
        let Some(release) = release else {
            return JsValue::UNDEFINED;
        };
        let Some(waiting) = take_waiting(generation) else {
            // Given up meanwhile: let go at once.
            let _ = release.call0(&JsValue::NULL);
            return held.into();
        };
        if waiting.is_empty() {
            HOLD.with(|h| {
                h.replace(Hold::Held {
                    generation,
                    release: release.clone(),
                })
            });
            let timeout = Closure::once_into_js(move || release_held(generation));
            if let Some(window) = web_sys::window() {
                let ms = i32::try_from(at_most.as_millis()).unwrap_or(i32::MAX);
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    timeout.unchecked_ref(),
                    ms,
                );
            }
        } else {
            for work in waiting {
                work(true);
            }
            let _ = release.call0(&JsValue::NULL);
        }
        held.into()
    });
    let given_up = |generation: u64| {
        move |_err: JsValue| {
            // A refused request: what waited for it runs without the lock.
            for work in take_waiting(generation).unwrap_or_default() {
                work(false);
            }
        }
    };
    match request.call2(&locks, &JsValue::from_str(SAVE_LOCK), &granted) {
        Ok(promise) => {
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                let refused = Closure::once(given_up(generation));
                let _ = promise.catch(&refused);
                // Runs at most once; leaking it is bounded.
                refused.forget();
            }
        }
        Err(e) => given_up(generation)(e),
    }
}

/// The work waiting for the hold of `generation`, which is no longer asked for then; `None` (and nothing
/// changed) when that hold is not the one asked for.
fn take_waiting(generation: u64) -> Option<Waiting> {
    match HOLD.with(|h| h.replace(Hold::Idle)) {
        Hold::Asked {
            generation: asked,
            waiting,
        } if asked == generation => Some(waiting),
        other => {
            HOLD.with(|h| h.replace(other));
            None
        }
    }
}

/// Lets go of the hold of `generation` if it is still held (its time is up).
fn release_held(generation: u64) {
    let held = HOLD.with(|h| h.replace(Hold::Idle));
    match held {
        Hold::Held {
            generation: g,
            release,
        } if g == generation => {
            let _ = release.call0(&wasm_bindgen::JsValue::NULL);
        }
        other => {
            HOLD.with(|h| h.replace(other));
        }
    }
}

/// Runs `work` while this tab holds the lock of the linked file (`persistence::FILE_LOCK`): two tabs of one
/// browser linked to the same file take turns comparing and writing it (issue 21, loss 5). Where the browser has
/// no Web Locks, or refuses the request, the work runs at once. It runs exactly once.
pub async fn with_file_lock(work: impl std::future::Future<Output = ()> + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    type Work = std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>;
    let slot: Rc<RefCell<Option<Work>>> = Rc::new(RefCell::new(Some(Box::pin(work))));
    let Some((locks, request)) = web_locks() else {
        let work = slot.borrow_mut().take();
        if let Some(work) = work {
            work.await;
        }
        return;
    };
    let in_lock = {
        let slot = slot.clone();
        Closure::once_into_js(move |_lock: JsValue| -> JsValue {
            let work = slot.borrow_mut().take();
            wasm_bindgen_futures::future_to_promise(async move {
                if let Some(work) = work {
                    work.await;
                }
                Ok(JsValue::UNDEFINED)
            })
            .into()
        })
    };
    let asked = request
        .call2(
            &locks,
            &JsValue::from_str(crate::persistence::FILE_LOCK),
            &in_lock,
        )
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = asked {
        // Resolves once the work under the lock is through; rejects if the browser refused the request.
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    let left = slot.borrow_mut().take();
    if let Some(work) = left {
        work.await;
    }
}
