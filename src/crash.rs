//! A visible German error banner when the Wasm panics, instead of a dead page.
//!
//! The release build aborts on panic, so the hook is the last code that runs: it logs the panic to the console
//! and puts a banner at the top of the page with plain DOM calls (the UI framework may be what broke).

use wasm_bindgen::JsValue;

/// Id of the banner element; at most one is shown.
pub const BANNER_ID: &str = "absturz";

/// The banner's German text. The data already saved stays untouched: nothing runs after a panic.
pub const BANNER_TEXT: &str = "Die Anwendung ist auf einen internen Fehler gestoßen und wurde angehalten. \
Ihre zuletzt gespeicherten Daten bleiben erhalten. Bitte laden Sie die Seite neu (Taste F5). \
Tritt der Fehler wieder auf, melden Sie ihn bitte mit Uhrzeit und dem letzten Arbeitsschritt an Ihre IT.";

/// Installs the panic hook. Call once, before mounting the app.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("Zielsteuerung: {info}")));
        // Nothing sensible is left to do if even the DOM is gone.
        let _ = show_banner();
    }));
}

/// Shows the crash banner at the top of the body (idempotent).
pub fn show_banner() -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("kein Dokument"))?;
    if document.get_element_by_id(BANNER_ID).is_some() {
        return Ok(());
    }
    let banner = document.create_element("div")?;
    banner.set_id(BANNER_ID);
    banner.set_class_name("absturz");
    banner.set_attribute("role", "alert")?;
    let heading = document.create_element("strong")?;
    heading.set_text_content(Some("Interner Fehler. "));
    let text = document.create_element("span")?;
    text.set_text_content(Some(BANNER_TEXT));
    banner.append_child(&heading)?;
    banner.append_child(&text)?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("kein body"))?;
    body.prepend_with_node_1(&banner)?;
    Ok(())
}
