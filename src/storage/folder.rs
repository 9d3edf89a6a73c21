//! A folder of files (Edge and Chrome: `showDirectoryPicker`), for the comparison: the share where the job
//! centres' files arrive, chosen once and read again on request. Read only; called through `js_sys::Reflect` as
//! the other pickers (`file_access`), and a browser without it is not offered the choice.

use wasm_bindgen::{JsCast, JsValue};

use super::file_access::{FileError, call, error};

/// Whether this browser lets the page read a whole folder.
pub fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::get(&w, &"showDirectoryPicker".into()).is_ok_and(|f| f.is_function())
    })
}

/// Asks the user for a folder to read; its handle.
pub async fn pick() -> Result<JsValue, FileError> {
    let window = web_sys::window().ok_or_else(|| FileError("kein Fenster".into()))?;
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"mode".into(), &"read".into());
    let _ = js_sys::Reflect::set(&options, &"id".into(), &"vergleich".into());
    call(&window.into(), "showDirectoryPicker", &[options.into()]).await
}

/// The JSON files directly in the folder (not in its subfolders), sorted by name.
pub async fn json_files(folder: &JsValue) -> Result<Vec<web_sys::File>, FileError> {
    let entries = call(folder, "values", &[]).await?;
    let mut files = Vec::new();
    loop {
        let next = call(&entries, "next", &[]).await?;
        let done = js_sys::Reflect::get(&next, &"done".into()).map_err(error)?;
        if done.as_bool().unwrap_or(true) {
            break;
        }
        let entry = js_sys::Reflect::get(&next, &"value".into()).map_err(error)?;
        let kind = js_sys::Reflect::get(&entry, &"kind".into())
            .ok()
            .and_then(|k| k.as_string());
        let name = super::file_access::name(&entry);
        if kind.as_deref() != Some("file") || !name.to_lowercase().ends_with(".json") {
            continue;
        }
        let file = call(&entry, "getFile", &[]).await?;
        if let Ok(file) = file.dyn_into::<web_sys::File>() {
            files.push(file);
        }
    }
    files.sort_by_key(|f| f.name().to_lowercase());
    Ok(files)
}

/// The folder's JSON files again (the folder chosen earlier); where the browser no longer lets the page read it,
/// it asks the user first (a click started this).
pub async fn read_again(folder: &JsValue) -> Result<Vec<web_sys::File>, FileError> {
    let mode = || {
        let mode = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&mode, &"mode".into(), &"read".into());
        JsValue::from(mode)
    };
    let granted = |s: Result<JsValue, FileError>| {
        s.ok()
            .and_then(|s| s.as_string())
            .is_some_and(|s| s == "granted")
    };
    let asks =
        js_sys::Reflect::get(folder, &"queryPermission".into()).is_ok_and(|f| f.is_function());
    if asks
        && !granted(call(folder, "queryPermission", &[mode()]).await)
        && !granted(call(folder, "requestPermission", &[mode()]).await)
    {
        return Err(FileError("NotAllowedError: keine Erlaubnis".into()));
    }
    json_files(folder).await
}
