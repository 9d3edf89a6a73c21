//! The file worker (issue 22): reading, checking and merging a chosen file runs in a Web Worker, so that the page
//! never blocks on a large file. The worker is the app's own wasm: the page posts its compiled
//! `WebAssembly.Module` to a module worker that instantiates it with the same glue, and `start()` finds itself in a
//! worker and listens for jobs. Nothing is downloaded or compiled twice, and no code is shipped twice: a second
//! wasm of the file code alone measured 155,750 B brotli, because reading a file needs nearly all the code that
//! reading the stored workspace at start-up needs (serde_json, the workspace's deserializers, the checks), while
//! the page's wasm shrank by nothing (the exchange code it lost weighed less than the code of handing over).
//! [`worker`] is the worker's side, [`client`] the page's; between them travel plain JS objects whose fields are
//! named here, the file's bytes as a transferred `ArrayBuffer`, and workspaces in parts
//! (`exchange::job::parts`), one string per year.
//!
//! The page finds the worker's script by a `<meta name="zielsteuerung-worker">` that the build writes
//! (`scripts/post-build.mjs`), or, in the single offline file, as the text of `<script id="zielsteuerung-worker">`
//! made into a `blob:` URL (a `file://` page may start no worker from a file).

pub mod client;
mod slice;
pub mod worker;

/// Field names of the messages.
mod field {
    /// worker → page, once: the worker listens.
    pub const READY: &str = "bereit";
    /// Every message of a job: its number.
    pub const ID: &str = "id";
    /// page → worker: "sicherung" or "csv".
    pub const KIND: &str = "art";
    /// page → worker: "de" or "en".
    pub const LANG: &str = "sprache";
    /// page → worker: the file's bytes (`ArrayBuffer`, transferred).
    pub const BYTES: &str = "bytes";
    /// page → worker: the workspace in parts (`Array` of strings).
    pub const BASE: &str = "basis";
    /// worker → page: a step of the job ("lesen", "zusammenfuehren", "uebergeben").
    pub const STEP: &str = "schritt";
    /// worker → page: the reason the file was not read.
    pub const ERROR: &str = "fehler";
    /// worker → page: the preview as texts (`BackupPreview::to_texts`, `CsvPreview::to_texts`).
    pub const PREVIEW: &str = "vorschau";
    /// worker → page: the workspaces the user may take, each in parts.
    pub const RESULTS: &str = "ergebnisse";
}

/// Reads a field of a message.
fn get(message: &wasm_bindgen::JsValue, name: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(message, &wasm_bindgen::JsValue::from_str(name))
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
}

/// Sets a field of a message being built.
fn set(message: &js_sys::Object, name: &str, value: &wasm_bindgen::JsValue) {
    let _ = js_sys::Reflect::set(message, &wasm_bindgen::JsValue::from_str(name), value);
}

/// Strings into a JS array.
fn to_array(texts: &[String]) -> js_sys::Array {
    texts
        .iter()
        .map(|t| wasm_bindgen::JsValue::from_str(t))
        .collect()
}
