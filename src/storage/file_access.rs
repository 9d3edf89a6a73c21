//! The File System Access API (Edge and Chrome: `showSaveFilePicker`, `showOpenFilePicker`,
//! `FileSystemFileHandle`) for the workspace file, and the handle kept in IndexedDB so that the link survives a
//! reload. Called through `js_sys::Reflect`: the pickers are not in web-sys' stable API, and a browser without
//! them (Firefox, Safari) is told so instead of offered a broken choice.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be used, in the browser's words (the UI says it in German or English around it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError(pub String);

pub(super) fn error(value: JsValue) -> FileError {
    let name = js_sys::Reflect::get(&value, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    let message = js_sys::Reflect::get(&value, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| value.as_string())
        .unwrap_or_default();
    FileError(if name.is_empty() {
        message
    } else {
        format!("{name}: {message}")
    })
}

/// Whether the user cancelled a picker (nothing to say then).
pub fn cancelled(e: &FileError) -> bool {
    e.0.starts_with("AbortError")
}

fn window() -> Result<web_sys::Window, FileError> {
    web_sys::window().ok_or_else(|| FileError("kein Fenster".into()))
}

/// Calls `target.name(args…)` and awaits the promise it returns (a value that is no promise is the result).
pub(super) async fn call(
    target: &JsValue,
    name: &str,
    args: &[JsValue],
) -> Result<JsValue, FileError> {
    match call_sync(target, name, args)?.dyn_into::<js_sys::Promise>() {
        Ok(promise) => JsFuture::from(promise).await.map_err(error),
        Err(value) => Ok(value),
    }
}

/// Whether this browser can link a file (the File System Access API's pickers).
pub fn supported() -> bool {
    window().is_ok_and(|w| {
        js_sys::Reflect::get(&w, &"showSaveFilePicker".into()).is_ok_and(|f| f.is_function())
            && js_sys::Reflect::get(&w, &"showOpenFilePicker".into()).is_ok_and(|f| f.is_function())
    })
}

/// The pickers' options: JSON files, named as the team's workspace file.
fn options(suggested: Option<&str>) -> JsValue {
    let accept = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &accept,
        &"application/json".into(),
        &js_sys::Array::of1(&".json".into()),
    );
    let kind = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &kind,
        &"description".into(),
        &"Arbeitsbereich (JSON)".into(),
    );
    let _ = js_sys::Reflect::set(&kind, &"accept".into(), &accept);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"types".into(), &js_sys::Array::of1(&kind));
    if let Some(name) = suggested {
        let _ = js_sys::Reflect::set(&options, &"suggestedName".into(), &name.into());
    }
    options.into()
}

/// Asks the user where to keep the workspace file (a new or an existing one); its handle.
pub async fn pick_to_save(suggested: &str) -> Result<JsValue, FileError> {
    call(
        &window()?.into(),
        "showSaveFilePicker",
        &[options(Some(suggested))],
    )
    .await
}

/// Asks the user for an existing workspace file; its handle.
pub async fn pick_to_open() -> Result<JsValue, FileError> {
    let list = call(&window()?.into(), "showOpenFilePicker", &[options(None)]).await?;
    let first = js_sys::Reflect::get(&list, &0.into()).map_err(error)?;
    if first.is_undefined() {
        return Err(FileError("AbortError: keine Datei gewählt".into()));
    }
    Ok(first)
}

/// The file's name ("ziele.json").
pub fn name(handle: &JsValue) -> String {
    js_sys::Reflect::get(handle, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

fn read_write() -> JsValue {
    let mode = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&mode, &"mode".into(), &"readwrite".into());
    mode.into()
}

/// Whether the page may read and write the file now, without asking ("granted").
pub async fn permitted(handle: &JsValue) -> bool {
    call(handle, "queryPermission", &[read_write()])
        .await
        .ok()
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "granted")
}

/// Asks the user to let the page read and write the file again (needs a click).
pub async fn ask_permission(handle: &JsValue) -> bool {
    call(handle, "requestPermission", &[read_write()])
        .await
        .ok()
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "granted")
}

/// The file's bytes.
pub async fn read(handle: &JsValue) -> Result<Vec<u8>, FileError> {
    let file = call(handle, "getFile", &[]).await?;
    let buffer = call(&file, "arrayBuffer", &[]).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Replaces the file's content by `text` as a whole: the browser writes to a copy and swaps it in on `close`, so
/// a write cut off never leaves half a file.
pub async fn write(handle: &JsValue, text: &str) -> Result<(), FileError> {
    let writable = call(handle, "createWritable", &[]).await?;
    if let Err(e) = call(&writable, "write", &[text.into()]).await {
        let _ = call(&writable, "abort", &[]).await;
        return Err(e);
    }
    call(&writable, "close", &[]).await.map(|_| ())
}

/// IndexedDB, where a file handle can be kept (localStorage cannot hold one).
const DATABASE: &str = "zielsteuerung";
const STORE: &str = "dateien";
const LINK: &str = "arbeitsbereich-datei";

/// Awaits an IDBRequest's result.
async fn request(req: JsValue) -> Result<JsValue, FileError> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = {
            let req = req.clone();
            wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = resolve.call1(
                    &JsValue::NULL,
                    &js_sys::Reflect::get(&req, &"result".into()).unwrap_or(JsValue::UNDEFINED),
                );
            })
        };
        let failed = {
            let req = req.clone();
            wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = reject.call1(
                    &JsValue::NULL,
                    &js_sys::Reflect::get(&req, &"error".into()).unwrap_or(JsValue::UNDEFINED),
                );
            })
        };
        let _ = js_sys::Reflect::set(&req, &"onsuccess".into(), &ok);
        let _ = js_sys::Reflect::set(&req, &"onerror".into(), &failed);
        // A first open creates the store.
        let upgrade = {
            let req = req.clone();
            wasm_bindgen::closure::Closure::once_into_js(move || {
                if let Ok(db) = js_sys::Reflect::get(&req, &"result".into())
                    && let Ok(create) = js_sys::Reflect::get(&db, &"createObjectStore".into())
                        .and_then(|f| f.dyn_into::<js_sys::Function>())
                {
                    let _ = create.call1(&db, &STORE.into());
                }
            })
        };
        let _ = js_sys::Reflect::set(&req, &"onupgradeneeded".into(), &upgrade);
    });
    JsFuture::from(promise).await.map_err(error)
}

async fn store(mode: &str) -> Result<JsValue, FileError> {
    let window: JsValue = window()?.into();
    let idb = js_sys::Reflect::get(&window, &"indexedDB".into()).map_err(error)?;
    let open = js_sys::Reflect::get(&idb, &"open".into())
        .map_err(error)?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| FileError("indexedDB.open fehlt".into()))?;
    let db = request(
        open.call2(&idb, &DATABASE.into(), &1.into())
            .map_err(error)?,
    )
    .await?;
    let tx = js_sys::Reflect::get(&db, &"transaction".into())
        .map_err(error)?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| FileError("transaction fehlt".into()))?
        .call2(&db, &STORE.into(), &mode.into())
        .map_err(error)?;
    let get_store = js_sys::Reflect::get(&tx, &"objectStore".into())
        .map_err(error)?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| FileError("objectStore fehlt".into()))?;
    get_store.call1(&tx, &STORE.into()).map_err(error)
}

/// Keeps the linked file's handle for the next start (`None`: the link is removed).
pub async fn keep_link(handle: Option<&JsValue>) -> Result<(), FileError> {
    let objects = store("readwrite").await?;
    let req = match handle {
        Some(h) => call_sync(&objects, "put", &[h.clone(), LINK.into()])?,
        None => call_sync(&objects, "delete", &[LINK.into()])?,
    };
    request(req).await.map(|_| ())
}

/// The handle of the file linked before, if any.
pub async fn kept_link() -> Option<JsValue> {
    let objects = store("readonly").await.ok()?;
    let req = call_sync(&objects, "get", &[LINK.into()]).ok()?;
    request(req).await.ok().filter(|h| h.is_object())
}

/// Calls `target.name(args…)`.
fn call_sync(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, FileError> {
    let f = js_sys::Reflect::get(target, &name.into())
        .map_err(error)?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| FileError(format!("{name} fehlt")))?;
    let list = js_sys::Array::new();
    for a in args {
        list.push(a);
    }
    f.apply(target, &list).map_err(error)
}
