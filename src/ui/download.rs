//! Offers text as a file download (Blob + temporary link), without any server; and the browser's clock.

use wasm_bindgen::JsCast;

/// Starts the download of `text` as `file_name`; `false` if the browser refused.
pub fn download_text(file_name: &str, text: &str, mime: &str) -> bool {
    try_download(file_name, text, mime).is_some()
}

fn try_download(file_name: &str, text: &str, mime: &str) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
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

/// Now as an ISO timestamp ("2026-11-26T10:30:00.123Z").
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today as "26.11.2026" / "26/11/2026".
pub fn today(lang: crate::locale::Lang) -> String {
    let now = js_sys::Date::new_0();
    crate::domain::calendar::Date::new(
        i64::from(now.get_full_year()),
        i64::from(now.get_month()) + 1,
        i64::from(now.get_date()),
    )
    .map(|d| crate::locale::format_date(d, lang))
    .unwrap_or_default()
}
