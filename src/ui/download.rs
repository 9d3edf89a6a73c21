//! Offers text or bytes as a file download (Blob + temporary link), without any server, and reads a chosen
//! file.

use wasm_bindgen::JsCast;

/// The media type of an XLSX workbook.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Starts the download of `text` as `file_name`; `false` if the browser refused.
pub fn download_text(file_name: &str, text: &str, mime: &str) -> bool {
    try_download(file_name, &wasm_bindgen::JsValue::from_str(text), mime).is_some()
}

/// Starts the download of `bytes` (e.g. an XLSX workbook) as `file_name`; `false` if the browser refused.
pub fn download_bytes(file_name: &str, bytes: &[u8], mime: &str) -> bool {
    try_download(file_name, &js_sys::Uint8Array::from(bytes), mime).is_some()
}

fn try_download(file_name: &str, content: &wasm_bindgen::JsValue, mime: &str) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let parts = js_sys::Array::of1(content);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Give the browser time to start reading the blob before its URL goes.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Some(())
}

/// The bytes of the first file chosen in a file input (its name and an `ArrayBuffer`, to be handed on), or why
/// they could not be read (German/English). A file larger than `max_bytes` is refused by its size before a single
/// byte is read: at once, however large it is.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
    lang: crate::locale::Lang,
) -> Result<(String, js_sys::ArrayBuffer), String> {
    let failed = || {
        lang.pick(
            "Die Datei konnte nicht gelesen werden.",
            "The file could not be read.",
        )
        .to_owned()
    };
    let file = input
        .files()
        .and_then(|list| list.get(0))
        .ok_or_else(failed)?;
    if file.size() > max_bytes as f64 {
        let name = file.name();
        let why = crate::exchange::too_large(file.size(), max_bytes, lang);
        return Err(crate::tr!(
            lang,
            "„{name}“ wurde nicht eingelesen: {why}",
            "“{name}” was not read: {why}"
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| failed())?;
    Ok((file.name(), buffer.dyn_into().map_err(|_| failed())?))
}

/// Downloads the backup of the whole workspace ("zielsteuerung-sicherung-2026-11-26.json"); `false` if the
/// browser refused or has no calendar.
pub fn download_backup(workspace: &crate::domain::workspace::Workspace) -> bool {
    let Some(today) = crate::ui::clock::today_date() else {
        return false;
    };
    let text = crate::exchange::backup::export(workspace);
    download_text(
        &crate::exchange::backup::file_name(today),
        &text,
        "application/json",
    )
}
