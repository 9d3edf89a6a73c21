//! Browser tests (wasm-bindgen-test in headless Chromium): the storage module against the real localStorage,
//! and the crash banner against the real DOM. Run with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(all(target_arch = "wasm32", feature = "ui"))]
// A test file: helpers outside #[test] functions may unwrap too; a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use wasm_bindgen_test::*;
use zielsteuerung::{crash, storage};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/jobs.rs"]
mod jobs;
#[path = "browser/members.rs"]
mod members;

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

/// Removes every key of ours (the tests share one origin).
fn clear_ours() {
    let storage = raw_local_storage();
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("zielsteuerung.arbeitsbereich"))
        .collect();
    for key in keys {
        storage.remove_item(&key).unwrap();
    }
}

/// Makes `localStorage.setItem` throw a `QuotaExceededError` after `k` more writes; returns the undo.
fn fail_after(k: u32) -> js_sys::Function {
    let patch = js_sys::Function::new_with_args(
        "k",
        "const original = Storage.prototype.setItem; let left = k; \
         Storage.prototype.setItem = function (key, value) { \
           if (left === 0) { throw new DOMException('voll', 'QuotaExceededError'); } \
           left -= 1; return original.call(this, key, value); }; \
         return () => { Storage.prototype.setItem = original; };",
    );
    patch
        .call1(&wasm_bindgen::JsValue::NULL, &k.into())
        .unwrap()
        .into()
}

/// The commit protocol against the real localStorage: a manifest and a key per year, the manifest written last.
/// `setItem` throwing at each write of a save in turn leaves the previous commit, whole, and says the quota is
/// exceeded.
#[wasm_bindgen_test]
fn a_save_commits_whole_or_not_at_all_in_the_browser() {
    use zielsteuerung::core::calendar::{Month, Year};
    use zielsteuerung::domain::example::odenwaldkreis;
    use zielsteuerung::domain::indicator::IndicatorCode;
    use zielsteuerung::domain::values::{Amount, Population, ValueKey};
    use zielsteuerung::persistence::{Committed, Stamp, Startup, commit, plan_save};
    clear_ours();
    assert_eq!(storage::load_startup(), Ok(Startup::Fresh));
    let mut ws = odenwaldkreis();
    let first_stamp = Stamp {
        revision: 7,
        writer: "t-0000abcd".into(),
    };
    let plan = plan_save(&first_stamp, None, &ws, &Committed::none(ws.clone()))
        .unwrap()
        .unwrap();
    commit(&mut storage::LocalStore, &plan, true).unwrap();
    let first = match storage::load_startup() {
        Ok(Startup::Loaded { committed, .. }) => committed,
        other => panic!("{other:?}"),
    };
    assert_eq!(first.workspace, ws);
    assert_eq!(first, plan.committed);
    let stored = raw_local_storage()
        .get_item("zielsteuerung.arbeitsbereich")
        .unwrap()
        .unwrap();
    assert!(stored.starts_with(r#"{"revision":7,"schreiber":"t-0000abcd","schema_version":3"#));
    // Two years change: three writes, each of which may fail.
    for (year, month) in [(2021, 2), (2022, 3)] {
        ws.values.record(
            ValueKey {
                indicator: IndicatorCode::new("INT"),
                population: Population::Total,
                year: Year::new(year).unwrap(),
                month: Month::new(month),
            },
            Amount::Number(60.0),
            None,
            "",
        );
    }
    let next = Stamp {
        revision: 8,
        writer: "t-0000abcd".into(),
    };
    let plan = plan_save(&next, Some(&first.stamp), &ws, &first)
        .unwrap()
        .unwrap();
    assert_eq!(plan.years.len(), 2);
    for k in 0..3 {
        let restore = fail_after(k);
        let result = commit(&mut storage::LocalStore, &plan, true);
        restore.call0(&wasm_bindgen::JsValue::NULL).unwrap();
        assert_eq!(result, Err(storage::StorageError::QuotaExceeded), "k = {k}");
        match storage::load_startup() {
            Ok(Startup::Loaded { committed, .. }) => assert_eq!(committed, first, "k = {k}"),
            other => panic!("k = {k}: {other:?}"),
        }
    }
    commit(&mut storage::LocalStore, &plan, true).unwrap();
    match storage::load_startup() {
        Ok(Startup::Loaded { committed, .. }) => assert_eq!(committed.workspace, ws),
        other => panic!("{other:?}"),
    }
    clear_ours();
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
    let mode = storage::with_save_lock(move |locked| {
        assert!(locked);
        // Nobody else is in the lock meanwhile: a second request waits until this one returns.
        assert!(!i.get());
        i.set(true);
        r.set(r.get() + 1);
        i.set(false);
    });
    let (r2, i2) = (runs.clone(), inside.clone());
    storage::with_save_lock(move |_| {
        assert!(!i2.get());
        r2.set(r2.get() + 1);
    });
    assert_eq!(mode, storage::LockMode::WebLocks);
    // The browser grants the lock when it gets to it (once in a full run on a busy machine, not within 100 ms):
    // waited for up to 5 s, then a little longer to see that nothing runs twice.
    for _ in 0..50 {
        if runs.get() >= 2 {
            break;
        }
        sleep(100).await;
    }
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

/// Whether the origin's save lock is free now (asked for with `ifAvailable`, so that the question never waits).
async fn save_lock_free() -> bool {
    let ask = js_sys::Function::new_with_args(
        "name",
        "return navigator.locks.request(name, { ifAvailable: true }, (lock) => lock !== null);",
    );
    let promise: js_sys::Promise = ask
        .call1(
            &wasm_bindgen::JsValue::NULL,
            &zielsteuerung::persistence::SAVE_LOCK.into(),
        )
        .unwrap()
        .into();
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .unwrap()
        .as_bool()
        .unwrap()
}

/// The lock held ahead of a save (a value being typed): a save then runs at once, in the same task, under the
/// lock, which is let go right after it; work that comes while the lock is still asked for waits for it; and a
/// hold nobody uses ends by itself, so that another tab never waits long.
#[wasm_bindgen_test]
async fn a_save_lock_held_ahead_serves_one_save_and_is_let_go() {
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;
    assert!(save_lock_free().await);

    // Work that comes before the lock is granted waits for it, runs under it, and the lock is let go after.
    storage::hold_save_lock(Duration::from_secs(5));
    let ran = Rc::new(Cell::new(None));
    let r = ran.clone();
    storage::with_save_lock(move |locked| r.set(Some(locked)));
    sleep(100).await;
    assert_eq!(ran.get(), Some(true));
    assert!(save_lock_free().await, "let go after the work it held for");

    // Granted first: the next work runs at once, before with_save_lock returns, and the lock is let go.
    storage::hold_save_lock(Duration::from_secs(5));
    sleep(100).await;
    assert!(
        !save_lock_free().await,
        "held while the value is being typed"
    );
    let ran = Rc::new(Cell::new(None));
    let r = ran.clone();
    storage::with_save_lock(move |locked| r.set(Some(locked)));
    assert_eq!(ran.get(), Some(true), "ran in the same task");
    // Letting go settles the lock's promise; the browser frees the lock a moment later.
    sleep(50).await;
    assert!(save_lock_free().await);

    // Nobody uses it: it ends by itself after the time given.
    storage::hold_save_lock(Duration::from_millis(200));
    sleep(80).await;
    assert!(!save_lock_free().await);
    sleep(400).await;
    assert!(save_lock_free().await, "a hold nobody uses ends by itself");
}

/// The parts of the app state (issue 21), driven as the app drives them.
/// 1. Another tab's first commit has written its year keys but its manifest has not reached this tab yet (Chromium
///    can hand over the save lock before the other tab's last localStorage writes arrive): a save here waits and
///    looks again instead of taking the store for unreadable, then merges both changes.
/// 2. The safety net follows persistence only through its seam: the merged save counts, and a new workspace put in
///    place counts from the save that puts it there (0 changes), not from before it.
#[wasm_bindgen_test]
async fn a_save_waits_for_a_manifest_under_way_and_the_safety_net_follows_the_seam() {
    use leptos::prelude::*;
    use zielsteuerung::core::calendar::{Month, Year};
    use zielsteuerung::domain::example::odenwaldkreis;
    use zielsteuerung::domain::indicator::IndicatorCode;
    use zielsteuerung::domain::values::{Amount, Population, ValueKey};
    use zielsteuerung::persistence::{Committed, DOCUMENT, Stamp, Startup, Store, plan_save};
    use zielsteuerung::ui::state::{SaveState, provide_state, use_persistence, use_safety};
    // The app's mount sets up Leptos's executor for its tasks; here the test does.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    clear_ours();
    raw_local_storage()
        .remove_item("zielsteuerung.sicherung")
        .unwrap();
    let owner = Owner::new();
    let (state, saving, safety) = owner.with(|| (provide_state(), use_persistence(), use_safety()));
    // A fresh browser: the example, nothing saved yet, nothing to back up.
    assert_eq!(saving.revision(), 0);
    assert_eq!(safety.status().changes, 0);
    let key = |population, month| ValueKey {
        indicator: IndicatorCode("INT".into()),
        population,
        year: Year::new(2022).unwrap(),
        month: Month::new(month),
    };
    // Another tab's first commit (February, women: 200), its year keys written, its manifest not yet.
    let mut theirs = odenwaldkreis();
    theirs
        .values
        .record(key(Population::Women, 2), Amount::Number(200.0), None, "");
    let stamp = Stamp {
        revision: 1,
        writer: "t-andere1".into(),
    };
    let plan = plan_save(&stamp, None, &theirs, &Committed::none(odenwaldkreis()))
        .unwrap()
        .unwrap();
    for (name, text) in &plan.years {
        storage::LocalStore.set(name, text).unwrap();
    }
    // This tab's change (January, total: 64): its save finds year keys without a manifest and waits.
    owner.with(|| {
        state.change_values(|edit| {
            edit.values
                .record(key(Population::Total, 1), Amount::Number(64.0), None, "");
        })
    });
    sleep(200).await;
    assert!(
        !saving.store_unreadable(),
        "taken for unreadable while a commit was under way"
    );
    assert_eq!(saving.save_state(), SaveState::Pending);
    // The other tab's manifest arrives: the save looks again, takes it in and merges.
    storage::LocalStore.set(DOCUMENT, &plan.manifest).unwrap();
    for _ in 0..40 {
        if saving.save_state() == SaveState::Saved {
            break;
        }
        sleep(50).await;
    }
    assert_eq!(saving.save_state(), SaveState::Saved);
    assert!(!saving.store_unreadable());
    assert_eq!(saving.revision(), 2);
    match storage::load_first(|_| None).unwrap().0 {
        Startup::Loaded { committed, .. } => {
            let value = |k: &ValueKey| committed.workspace.values.get(k).map(|v| v.current.amount);
            assert_eq!(
                value(&key(Population::Total, 1)),
                Some(Amount::Number(64.0))
            );
            assert_eq!(
                value(&key(Population::Women, 2)),
                Some(Amount::Number(200.0))
            );
        }
        _ => panic!("the merge is not stored"),
    }
    // Two saved changes without a backup: the other tab's and the merge.
    assert_eq!(safety.status().changes, 2);
    // A new workspace put in place: the save that puts it there is no change to back up (the safety net moves
    // its count on that save, which it learns of only through the seam).
    owner.with(|| {
        state.replace_with_new(zielsteuerung::domain::workspace::Workspace::empty(
            "Jobcenter Musterkreis",
        ))
    });
    for _ in 0..20 {
        if saving.save_state() == SaveState::Saved && saving.revision() > 2 {
            break;
        }
        sleep(50).await;
    }
    assert_eq!(saving.revision(), 3);
    assert_eq!(safety.status().changes, 0);
    assert_eq!(safety.status().last_backup, None);
    match storage::load_first(|_| None).unwrap().0 {
        Startup::Loaded { committed, .. } => {
            assert_eq!(committed.workspace.organisation, "Jobcenter Musterkreis");
        }
        _ => panic!("the new workspace is not stored"),
    }
    clear_ours();
    raw_local_storage()
        .remove_item("zielsteuerung.sicherung")
        .unwrap();
}
