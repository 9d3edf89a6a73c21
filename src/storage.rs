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

use crate::persistence::{self, ASIDE, DOCUMENT, Startup};

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

/// What storage holds, read for the first screen: the agreements and values of the years `first` picks
/// (see [`persistence::read_first`]); the years still to read come with it.
pub fn load_first(
    first: impl FnOnce(
        &persistence::YearKeys,
    ) -> Option<std::collections::BTreeSet<crate::core::calendar::Year>>,
) -> Result<(Startup, Vec<crate::core::calendar::Year>), StorageError> {
    persistence::read_first(&LocalStore, first)
}

/// The values of the years start-up left for later (see [`persistence::read_rest`]).
pub fn load_rest(
    committed: &persistence::Committed,
    rest: &[crate::core::calendar::Year],
) -> Result<crate::domain::workspace::Workspace, persistence::RestError> {
    persistence::read_rest(&LocalStore, committed, rest)
}

/// The manifest's text, as stored (its first characters are the stamp).
pub fn load_document() -> Result<Option<String>, StorageError> {
    load_raw(DOCUMENT)
}

pub mod file_access;
pub mod folder;
mod lock;
pub mod members;

pub use lock::{LockMode, hold_save_lock, with_file_lock, with_save_lock};

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

/// A small note of this browser's kept as JSON under `name` (what it knows of backups, of a linked file); an
/// unreadable or missing one counts as the default: such notes hold nothing that cannot be learnt again.
pub fn load_note<T: serde::de::DeserializeOwned + Default>(name: &str) -> T {
    load_raw(name)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Such a note as stored: `Ok(None)` when there is none (or no storage), `Err` with the stored text when it
/// cannot be read as one (it is then kept, see [`keep_note_aside`], not written over unseen).
pub fn load_note_checked<T: serde::de::DeserializeOwned>(name: &str) -> Result<Option<T>, String> {
    match load_raw(name).ok().flatten() {
        None => Ok(None),
        Some(text) => serde_json::from_str(&text).map(Some).map_err(|_| text),
    }
}

/// Remembers such a note.
pub fn save_note<T: serde::Serialize>(name: &str, note: &T) -> Result<(), StorageError> {
    let text = serde_json::to_string(note).map_err(|e| StorageError::Browser(e.to_string()))?;
    save_raw(name, &text)
}

/// Keeps an unreadable document under a key of its own (the original stays too); returns that key. A text
/// already kept aside is not copied again.
pub fn keep_aside(raw: &str, stamp: &str) -> Result<String, StorageError> {
    keep_aside_under(ASIDE, raw, stamp)
}

/// Keeps the text of a backup note that cannot be read under a key of its own, before anything is written over
/// it (issue 21, point 8); returns that key. A text already kept aside is not copied again.
pub fn keep_note_aside(raw: &str, stamp: &str) -> Result<String, StorageError> {
    keep_aside_under(persistence::BACKUP_NOTE_ASIDE, raw, stamp)
}

fn keep_aside_under(aside: &str, raw: &str, stamp: &str) -> Result<String, StorageError> {
    persistence::keep_aside(&mut LocalStore, aside, raw, stamp).map(|name| key(&name))
}

/// Asks the browser not to evict our storage under pressure (`navigator.storage.persist()`), on a user's action;
/// its answer (`None` where the browser gives none).
pub async fn request_persistence() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

/// Whether the browser already keeps this origin's data from eviction (`navigator.storage.persisted()`),
/// without asking.
pub async fn is_persisted() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persisted().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

#[cfg(test)]
mod tests;
