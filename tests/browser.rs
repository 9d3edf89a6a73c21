//! Browser tests (wasm-bindgen-test in headless Chromium): the storage module against the real localStorage,
//! and the crash banner against the real DOM. Run with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(all(target_arch = "wasm32", feature = "ui"))]
// A test file: helpers outside #[test] functions may unwrap too; a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use wasm_bindgen_test::*;
use zielsteuerung::{crash, storage};

wasm_bindgen_test_configure!(run_in_browser);

fn raw_local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("the test browser has localStorage")
}

#[wasm_bindgen_test]
fn raw_text_round_trip() {
    storage::save_raw("test-roh", "{\"a\":1}").unwrap();
    assert_eq!(
        storage::load_raw("test-roh"),
        Ok(Some("{\"a\":1}".to_owned()))
    );
    storage::remove("test-roh").unwrap();
    assert_eq!(storage::load_raw("test-roh"), Ok(None));
}

#[wasm_bindgen_test]
fn unreadable_document_is_an_error_and_stays_untouched() {
    use zielsteuerung::persistence::Startup;
    let storage = raw_local_storage();
    storage
        .set_item("zielsteuerung.arbeitsbereich", "{kein json")
        .unwrap();
    match storage::load_startup() {
        Ok(Startup::Unreadable { raw, .. }) => assert_eq!(raw, "{kein json"),
        other => panic!("expected Unreadable, got {other:?}"),
    }
    assert_eq!(
        storage
            .get_item("zielsteuerung.arbeitsbereich")
            .unwrap()
            .as_deref(),
        Some("{kein json")
    );
    storage.remove_item("zielsteuerung.arbeitsbereich").unwrap();
}

#[wasm_bindgen_test]
fn quota_exceeded_is_reported_not_panicked() {
    assert!(storage::available());
    // Far more than any browser grants one origin (Chromium: 10 MB of UTF-16).
    let huge = "x".repeat(12 * 1024 * 1024);
    assert_eq!(
        storage::save_raw("test-zu-gross", &huge),
        Err(storage::StorageError::QuotaExceeded)
    );
    assert_eq!(storage::load_raw("test-zu-gross"), Ok(None));
}

#[wasm_bindgen_test]
fn crash_banner_is_shown_once_as_an_alert() {
    crash::show_banner().unwrap();
    crash::show_banner().unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let banners = document.query_selector_all("#absturz").unwrap();
    assert_eq!(banners.length(), 1);
    let banner = document.get_element_by_id(crash::BANNER_ID).unwrap();
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains("Interner Fehler"), "{text}");
    assert!(text.contains("Daten bleiben erhalten"), "{text}");
    banner.remove();
}

#[wasm_bindgen_test]
fn the_document_is_written_whole_with_its_stamp() {
    use zielsteuerung::domain::example::odenwaldkreis;
    use zielsteuerung::persistence::{Stamp, Startup, encode};
    let storage = raw_local_storage();
    storage.remove_item("zielsteuerung.arbeitsbereich").unwrap();
    assert_eq!(storage::load_startup(), Ok(Startup::Fresh));
    let ws = odenwaldkreis();
    let stamp = Stamp {
        revision: 7,
        writer: "t-0000abcd".into(),
    };
    let text = encode(&stamp, None, &ws).unwrap();
    storage::write_document(&text).unwrap();
    match storage::load_startup() {
        Ok(Startup::Loaded(doc, raw)) => {
            assert_eq!(doc.stamp, stamp);
            assert_eq!(doc.workspace, ws);
            assert_eq!(raw, text);
        }
        other => panic!("{other:?}"),
    }
    // One key only: the stamp travels inside the document.
    assert_eq!(
        storage
            .get_item("zielsteuerung.arbeitsbereich.revision")
            .unwrap(),
        None
    );
    storage.remove_item("zielsteuerung.arbeitsbereich").unwrap();
}

/// Waits `ms` milliseconds (lets the browser run queued tasks such as a granted lock).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn saves_run_once_under_the_origins_web_lock() {
    use std::cell::Cell;
    use std::rc::Rc;
    let runs = Rc::new(Cell::new(0));
    let inside = Rc::new(Cell::new(false));
    let (r, i) = (runs.clone(), inside.clone());
    let mode = storage::with_save_lock(move || {
        // Nobody else is in the lock meanwhile: a second request waits until this one returns.
        assert!(!i.get());
        i.set(true);
        r.set(r.get() + 1);
        i.set(false);
    });
    let (r2, i2) = (runs.clone(), inside.clone());
    storage::with_save_lock(move || {
        assert!(!i2.get());
        r2.set(r2.get() + 1);
    });
    assert_eq!(mode, storage::LockMode::WebLocks);
    sleep(100).await;
    assert_eq!(runs.get(), 2, "each piece of work runs exactly once");
}

#[wasm_bindgen_test]
fn unreadable_text_is_kept_aside_once() {
    let storage = raw_local_storage();
    let first = storage::keep_aside("{kaputt", "2026-01-01T00:00:00.000Z").unwrap();
    let again = storage::keep_aside("{kaputt", "2026-01-02T00:00:00.000Z").unwrap();
    assert_eq!(
        first,
        "zielsteuerung.arbeitsbereich.unlesbar.2026-01-01T00:00:00.000Z"
    );
    assert_eq!(again, first);
    assert_eq!(
        storage.get_item(&first).unwrap().as_deref(),
        Some("{kaputt")
    );
    storage.remove_item(&first).unwrap();
}
