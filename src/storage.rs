//! The only place that touches the browser's localStorage.
//!
//! It speaks to `web_sys::Storage` directly: the app stores text it has encoded itself (a stamped document),
//! needs the browser's error names (a full store is `QuotaExceededError` or `NS_ERROR_DOM_QUOTA_REACHED`), and
//! must never panic where storage is unavailable (disabled by policy, blocked third-party context, some private
//! modes): every call returns a [`StorageError`] that says itself in either language instead. (gloo-storage was
//! tried first: its accessor panics without storage, and its typed get/set would encode the text a second time.) Keys carry [`persistence::PREFIX`] so that the app never
//! collides with other pages of the same intranet origin; opened as a file (the single offline file, from a
//! disk or a network share) they carry [`persistence::FILE_PREFIX`], because all `file://` pages share one origin.

use crate::locale::Lang;

/// The key prefix of this page, read once from its location.
fn prefix() -> &'static str {
    static PREFIX_OF_PAGE: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    PREFIX_OF_PAGE.get_or_init(|| {
        let protocol = web_sys::window().and_then(|w| w.location().protocol().ok());
        persistence::prefix_for(protocol.as_deref().unwrap_or(""))
    })
}

pub use crate::persistence::StorageError;

/// The full key for one of our documents.
pub fn key(name: &str) -> String {
    format!("{}{name}", prefix())
}

/// The browser's localStorage, if this page may use it.
fn local() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(StorageError::Unavailable),
    }
}

/// Whether localStorage can be used at all.
pub fn available() -> bool {
    local().is_ok()
}

/// Chromium and the standard say `QuotaExceededError`; Firefox says `NS_ERROR_DOM_QUOTA_REACHED`.
fn is_quota_error(name: &str) -> bool {
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}

/// The stored text under `name`, exactly as stored; `None` when nothing is stored.
pub fn load_raw(name: &str) -> Result<Option<String>, StorageError> {
    local()?
        .get_item(&key(name))
        .map_err(|_| StorageError::Unavailable)
}

/// Stores `text` under `name` as it is.
pub fn save_raw(name: &str, text: &str) -> Result<(), StorageError> {
    let storage = local()?;
    storage.set_item(&key(name), text).map_err(|e| {
        let js_name = js_error_name(&e);
        if is_quota_error(&js_name) {
            StorageError::QuotaExceeded
        } else {
            StorageError::Browser(js_name)
        }
    })
}

fn js_error_name(value: &wasm_bindgen::JsValue) -> String {
    // A DOMException (what setItem throws) carries its kind in `name`.
    js_sys::Reflect::get(value, &wasm_bindgen::JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

/// Removes the document under `name` (no error when there is none).
pub fn remove(name: &str) -> Result<(), StorageError> {
    local()?
        .remove_item(&key(name))
        .map_err(|e| StorageError::Browser(js_error_name(&e)))
}

// --- The workspace document ---------------------------------------------------------------------------------

use crate::persistence::{self, ASIDE, DOCUMENT, SAVE_LOCK, Startup};

/// localStorage as the persistence rules see it: texts by name under this page's prefix.
pub struct LocalStore;

impl persistence::Store for LocalStore {
    fn get(&self, name: &str) -> Result<Option<String>, StorageError> {
        load_raw(name)
    }
    fn set(&mut self, name: &str, text: &str) -> Result<(), StorageError> {
        save_raw(name, text)
    }
    fn remove(&mut self, name: &str) -> Result<(), StorageError> {
        remove(name)
    }
    fn names(&self) -> Result<Vec<String>, StorageError> {
        let storage = local()?;
        let prefix = prefix();
        let count = storage.length().map_err(|_| StorageError::Unavailable)?;
        Ok((0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter_map(|k| k.strip_prefix(prefix).map(str::to_owned))
            .collect())
    }
}

/// What storage holds at start-up (see [`persistence::read`]).
pub fn load_startup() -> Result<Startup, StorageError> {
    persistence::read(&LocalStore, None)
}

/// The manifest's text, as stored (its first characters are the stamp).
pub fn load_document() -> Result<Option<String>, StorageError> {
    load_raw(DOCUMENT)
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
    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("locks")).ok())
        .filter(|l| l.is_object());
    let request = locks.as_ref().and_then(|l| {
        js_sys::Reflect::get(l, &JsValue::from_str("request"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    });
    let (Some(locks), Some(request)) = (locks, request) else {
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

/// The save lock held ahead of a save (see [`hold_save_lock`]).
enum Hold {
    Idle,
    /// Asked for; works that want the lock meanwhile wait for it here.
    Asked {
        generation: u64,
        waiting: Vec<Box<dyn FnOnce(bool)>>,
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
    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("locks")).ok())
        .filter(|l| l.is_object());
    let request = locks.as_ref().and_then(|l| {
        js_sys::Reflect::get(l, &JsValue::from_str("request"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    });
    let (Some(locks), Some(request)) = (locks, request) else {
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
        let waiting = match HOLD.with(|h| h.replace(Hold::Idle)) {
            Hold::Asked {
                generation: asked,
                waiting,
            } if asked == generation => waiting,
            other => {
                // Given up meanwhile: let go at once.
                HOLD.with(|h| h.replace(other));
                let _ = release.call0(&JsValue::NULL);
                return held.into();
            }
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
            let waiting = match HOLD.with(|h| h.replace(Hold::Idle)) {
                Hold::Asked {
                    generation: asked,
                    waiting,
                } if asked == generation => waiting,
                other => {
                    HOLD.with(|h| h.replace(other));
                    Vec::new()
                }
            };
            for work in waiting {
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

/// The UI language the user chose last, if any (an unknown code counts as none).
pub fn load_language() -> Option<Lang> {
    load_raw(persistence::LANGUAGE)
        .ok()
        .flatten()
        .and_then(|code| Lang::from_code(&code))
}

/// Remembers the UI language.
pub fn save_language(lang: Lang) -> Result<(), StorageError> {
    save_raw(persistence::LANGUAGE, lang.code())
}

/// Keeps an unreadable document under a key of its own (the original stays too); returns that key. A text
/// already kept aside is not copied again.
pub fn keep_aside(raw: &str, stamp: &str) -> Result<String, StorageError> {
    let storage = local()?;
    let prefix = key(ASIDE);
    let count = storage.length().map_err(|_| StorageError::Unavailable)?;
    for i in 0..count {
        let Ok(Some(name)) = storage.key(i) else {
            continue;
        };
        if name.starts_with(&prefix)
            && storage.get_item(&name).ok().flatten().as_deref() == Some(raw)
        {
            return Ok(name);
        }
    }
    let name = format!("{ASIDE}{stamp}");
    save_raw(&name, raw)?;
    Ok(key(&name))
}

/// Asks the browser not to evict our storage under pressure (`navigator.storage.persist()`); best effort.
pub fn request_persistence() {
    if let Some(window) = web_sys::window() {
        let storage = window.navigator().storage();
        // The promise's answer changes nothing for us: the request itself is what counts.
        let _ = storage.persist();
    }
}

#[cfg(test)]
mod tests;
