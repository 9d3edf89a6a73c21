//! The comparison's members (issue 23, PRODUCT S10) in IndexedDB: other job centres' workspaces are far too large
//! for localStorage (a Land's hundred job centres, several megabytes), and they are read when the comparison opens,
//! never at start-up, so the own workspace's start-up stays as it is.
//!
//! One database per page kind (served, or opened as a file: its own prefix, as for localStorage), one object store
//! of records keyed by the member's key. A record is a plain object of strings (`persistence::members` says what
//! each holds): IndexedDB clones it without a JSON pass, and a screen that needs one year takes that year's string
//! only. Each call says what went wrong as a [`MemberStoreError`] with a German and an English message; nothing
//! here writes over a record it did not read (the caller decides), and a database of a newer build is never opened
//! for writing (IndexedDB refuses a lower version: [`MemberStoreError::Newer`]).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Promise};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::core::calendar::{Date, Year};
use crate::locale::Lang;
use crate::persistence::members::MemberParts;
use crate::tr;

/// The database's version this build writes; a newer build may raise it, and this build then leaves it alone.
pub const VERSION: u32 = 1;
/// The object store of the members.
const STORE: &str = "mitglieder";

/// What went wrong with the member store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MemberStoreError {
    /// The browser offers no IndexedDB to this page (some private modes, a policy, an old browser).
    Missing,
    /// The store belongs to a newer version of the app: left as it is.
    Newer,
    /// The browser's storage is full.
    QuotaExceeded,
    /// Any other refusal, with the browser's name for it.
    Browser(String),
}

impl MemberStoreError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Missing => lang
                .pick(
                    "Dieser Browser erlaubt der Seite keine Datenbank (IndexedDB), etwa im privaten Modus: Vergleichsdaten können hier nicht gespeichert werden. Ihr eigener Arbeitsbereich ist davon nicht berührt.",
                    "This browser gives the page no database (IndexedDB), e.g. in private mode: comparison data cannot be kept here. Your own workspace is not affected.",
                )
                .into(),
            Self::Newer => lang
                .pick(
                    "Die Vergleichsdaten in diesem Browser stammen von einer neueren Version der Zielsteuerung. Sie bleiben unverändert; öffnen Sie die neuere Version.",
                    "The comparison data in this browser comes from a newer version of Zielsteuerung. It stays unchanged; open the newer version.",
                )
                .into(),
            Self::QuotaExceeded => lang
                .pick(
                    "Der Speicher des Browsers ist voll: Das Jobcenter wurde nicht aufgenommen. Entfernen Sie Mitglieder, die Sie nicht mehr brauchen.",
                    "The browser's storage is full: the job centre was not added. Remove members you no longer need.",
                )
                .into(),
            Self::Browser(name) => tr!(
                lang,
                "Der Browser hat die Vergleichsdaten verweigert ({name}). Gespeichertes bleibt unverändert.",
                "The browser refused the comparison data ({name}). What is stored stays unchanged."
            ),
        }
    }

    fn of(value: &JsValue) -> Self {
        let name = js_sys::Reflect::get(value, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_else(|| format!("{value:?}"));
        match name.as_str() {
            "VersionError" => Self::Newer,
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => Self::QuotaExceeded,
            "SecurityError" | "InvalidStateError" => Self::Missing,
            _ => Self::Browser(name),
        }
    }
}

/// The database's name for this page (`zielsteuerung.vergleich`, or with the offline file's prefix).
pub fn database_name() -> String {
    super::key("vergleich")
}

/// Settles when `request` succeeds (its result) or fails (its error).
async fn settled(request: &IdbRequest) -> Result<JsValue, MemberStoreError> {
    let request = request.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |ev: web_sys::Event| {
            let result = ev
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let failed = Closure::once_into_js(move |ev: web_sys::Event| {
            let error = ev
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.error().ok().flatten())
                .map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map_err(|e| MemberStoreError::of(&e))
}

/// Settles when `transaction` has committed, or with why it did not.
async fn committed(transaction: &IdbTransaction) -> Result<(), MemberStoreError> {
    let tx = transaction.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let error_of = tx.clone();
        let reject_also = reject.clone();
        let failed = Closure::once_into_js(move || {
            let error = error_of.error().map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        let abort_of = tx.clone();
        let aborted = Closure::once_into_js(move || {
            let error = abort_of.error().map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject_also.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(done.unchecked_ref()));
        tx.set_onerror(Some(failed.unchecked_ref()));
        tx.set_onabort(Some(aborted.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| MemberStoreError::of(&e))
}

/// The open member store of this page.
pub struct Members {
    db: IdbDatabase,
}

impl Members {
    /// Opens (and on first use creates) the store.
    pub async fn open() -> Result<Self, MemberStoreError> {
        Self::open_named(&database_name()).await
    }

    /// Opens the store in the database `name` (the browser tests use a name of their own).
    pub async fn open_named(name: &str) -> Result<Self, MemberStoreError> {
        let factory = web_sys::window()
            .ok_or(MemberStoreError::Missing)?
            .indexed_db()
            .map_err(|e| MemberStoreError::of(&e))?
            .ok_or(MemberStoreError::Missing)?;
        let request: IdbOpenDbRequest = factory
            .open_with_u32(name, VERSION)
            .map_err(|e| MemberStoreError::of(&e))?;
        // The first open (version 0 → 1) creates the store; a later version of this build would add its steps here.
        let upgrade_failed: Rc<RefCell<Option<MemberStoreError>>> = Rc::default();
        let failed = upgrade_failed.clone();
        let on_upgrade = Closure::once_into_js(move |ev: web_sys::IdbVersionChangeEvent| {
            let db = ev
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
            if let Some(db) = db
                && !db.object_store_names().contains(STORE)
                && let Err(e) = db.create_object_store(STORE)
            {
                *failed.borrow_mut() = Some(MemberStoreError::of(&e));
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        let opened = settled(&request).await;
        if let Some(e) = upgrade_failed.borrow_mut().take() {
            return Err(e);
        }
        let db = opened?
            .dyn_into::<IdbDatabase>()
            .map_err(|_| MemberStoreError::Browser("open".into()))?;
        Ok(Self { db })
    }

    fn transaction(&self, mode: IdbTransactionMode) -> Result<IdbTransaction, MemberStoreError> {
        self.db
            .transaction_with_str_and_mode(STORE, mode)
            .map_err(|e| MemberStoreError::of(&e))
    }

    /// Every record with its key, in the order of the keys.
    pub async fn all(&self) -> Result<Vec<(String, Object)>, MemberStoreError> {
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let store = tx
            .object_store(STORE)
            .map_err(|e| MemberStoreError::of(&e))?;
        let keys_request = store.get_all_keys().map_err(|e| MemberStoreError::of(&e))?;
        let values_request = store.get_all().map_err(|e| MemberStoreError::of(&e))?;
        let keys = js_sys::Array::from(&settled(&keys_request).await?);
        let values = js_sys::Array::from(&settled(&values_request).await?);
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(k, v)| Some((k.as_string()?, v.dyn_into::<Object>().ok()?)))
            .collect())
    }

    /// Puts `records` and removes `removed` in one transaction: all of it is stored, or none.
    pub async fn write(
        &self,
        records: &[(String, Object)],
        removed: &[String],
    ) -> Result<(), MemberStoreError> {
        let tx = self.transaction(IdbTransactionMode::Readwrite)?;
        let store = tx
            .object_store(STORE)
            .map_err(|e| MemberStoreError::of(&e))?;
        let step =
            |r: Result<IdbRequest, JsValue>| r.map(|_| ()).map_err(|e| MemberStoreError::of(&e));
        let mut outcome = Ok(());
        for (key, record) in records {
            outcome =
                outcome.and_then(|()| step(store.put_with_key(record, &JsValue::from_str(key))));
        }
        for key in removed {
            outcome = outcome.and_then(|()| step(store.delete(&JsValue::from_str(key))));
        }
        if let Err(e) = outcome {
            // Nothing of a failed write is kept.
            let _ = tx.abort();
            return Err(e);
        }
        committed(&tx).await
    }

    /// Closes the connection (a newer build's upgrade waits for every open one).
    pub fn close(&self) {
        self.db.close();
    }
}

/// A member as the record IndexedDB keeps: `schema` (a number), `name`, `typen` (the type history as JSON),
/// `datei`, `aufgenommen` and `stand` (ISO dates, `stand` empty without one), `kopf`, `vereinbarungen` (an array of
/// texts) and `jahre` (an object of one text per year).
pub fn to_record(member: &MemberParts) -> Object {
    let record = Object::new();
    let put = |name: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&record, &JsValue::from_str(name), value);
    };
    put("schema", &JsValue::from(member.schema));
    put("name", &member.name.as_str().into());
    let types = serde_json::to_string(&member.types).unwrap_or_else(|_| "[]".into());
    put("typen", &types.into());
    put("datei", &member.file.as_str().into());
    put("aufgenommen", &member.added.iso().into());
    put(
        "stand",
        &member.as_of.map(Date::iso).unwrap_or_default().into(),
    );
    put("kopf", &member.head.as_str().into());
    let agreements: js_sys::Array = member
        .agreements
        .iter()
        .map(|t| JsValue::from_str(t))
        .collect();
    put("vereinbarungen", &agreements);
    let years = Object::new();
    for (year, text) in &member.years {
        let _ = js_sys::Reflect::set(&years, &JsValue::from(year.get()), &text.as_str().into());
    }
    put("jahre", &years);
    record
}

/// The member of a record; `Err` with what is wrong where it is not one this build wrote (the caller keeps such a
/// record as it is). A record of a newer schema reads with its `schema`, so that the caller can tell it apart.
pub fn from_record(record: &JsValue) -> Result<MemberParts, String> {
    let field = |name: &str| {
        js_sys::Reflect::get(record, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };
    let text = |name: &str| {
        field(name)
            .as_string()
            .ok_or_else(|| format!("{name} fehlt"))
    };
    let schema = field("schema")
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n <= f64::from(u32::MAX))
        .ok_or("schema fehlt")? as u32;
    let date = |name: &str| -> Result<Option<Date>, String> {
        let t = text(name)?;
        if t.is_empty() {
            return Ok(None);
        }
        Date::from_iso(&t)
            .map(Some)
            .ok_or_else(|| format!("{name}: {t}"))
    };
    let agreements = field("vereinbarungen")
        .dyn_into::<js_sys::Array>()
        .map_err(|_| "vereinbarungen fehlt")?
        .iter()
        .map(|t| t.as_string().ok_or("vereinbarungen: kein Text"))
        .collect::<Result<Vec<_>, _>>()?;
    let years_object = field("jahre")
        .dyn_into::<Object>()
        .map_err(|_| "jahre fehlt")?;
    let mut years = js_sys::Object::entries(&years_object)
        .iter()
        .map(|pair| {
            let pair = js_sys::Array::from(&pair);
            let year = pair
                .get(0)
                .as_string()
                .and_then(|y| y.parse::<i64>().ok())
                .and_then(Year::new)
                .ok_or("jahre: kein Jahr")?;
            let values = pair.get(1).as_string().ok_or("jahre: kein Text")?;
            Ok((year, values))
        })
        .collect::<Result<Vec<_>, String>>()?;
    years.sort_by_key(|(y, _)| *y);
    Ok(MemberParts {
        schema,
        name: text("name")?,
        types: serde_json::from_str(&text("typen")?).map_err(|e| format!("typen: {e}"))?,
        file: text("datei")?,
        added: date("aufgenommen")?.ok_or("aufgenommen fehlt")?,
        as_of: date("stand")?,
        head: text("kopf")?,
        agreements,
        years,
    })
}
