//! The comparison's member store (`storage::members`) against the real IndexedDB of headless Chromium: records
//! round-trip, a write is all or nothing, a database of a newer build is left alone and said in German.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use zielsteuerung::locale::Lang;
use zielsteuerung::storage::members::{MemberStoreError, Members, VERSION, database_name};

fn record(organisation: &str, year_2021: &str) -> Object {
    let o = Object::new();
    Reflect::set(&o, &"kopf".into(), &organisation.into()).unwrap();
    let years = Object::new();
    Reflect::set(&years, &"2021".into(), &year_2021.into()).unwrap();
    Reflect::set(&o, &"jahre".into(), &years).unwrap();
    o
}

fn text(o: &Object, path: &[&str]) -> Option<String> {
    let mut v: JsValue = o.clone().into();
    for p in path {
        v = Reflect::get(&v, &(*p).into()).ok()?;
    }
    v.as_string()
}

async fn delete_database(name: &str) {
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let request = factory.delete_database(name).unwrap();
    let done = js_sys::Promise::new(&mut |resolve, _| {
        request.set_onsuccess(Some(resolve.unchecked_ref()));
        request.set_onerror(Some(resolve.unchecked_ref()));
    });
    JsFuture::from(done).await.unwrap();
}

#[wasm_bindgen_test]
fn the_database_is_named_with_the_page_prefix() {
    assert_eq!(database_name(), "zielsteuerung.vergleich");
}

#[wasm_bindgen_test]
async fn records_round_trip_and_a_write_replaces_and_removes_at_once() {
    let name = "zielsteuerung.test-mitglieder-1";
    delete_database(name).await;
    let store = Members::open_named(name).await.unwrap();
    assert!(store.all().await.unwrap().is_empty());
    let bergstrasse = (
        "jobcenter bergstraße".to_owned(),
        record("Jobcenter Bergstraße", "[650]"),
    );
    let fulda = (
        "jobcenter fulda".to_owned(),
        record("Jobcenter Fulda", "[700]"),
    );
    store.write(&[bergstrasse, fulda], &[]).await.unwrap();
    // A newer file of Fulda replaces its record, and Bergstraße is removed, in one transaction.
    let newer = (
        "jobcenter fulda".to_owned(),
        record("Jobcenter Fulda", "[705]"),
    );
    store
        .write(&[newer], &["jobcenter bergstraße".to_owned()])
        .await
        .unwrap();
    store.close();
    // Read again from a new connection: what was committed.
    let store = Members::open_named(name).await.unwrap();
    let all = store.all().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].0, "jobcenter fulda");
    assert_eq!(
        text(&all[0].1, &["kopf"]).as_deref(),
        Some("Jobcenter Fulda")
    );
    assert_eq!(
        text(&all[0].1, &["jahre", "2021"]).as_deref(),
        Some("[705]")
    );
    store.close();
    delete_database(name).await;
}

#[wasm_bindgen_test]
async fn a_write_that_fails_keeps_nothing_of_it() {
    let name = "zielsteuerung.test-mitglieder-2";
    delete_database(name).await;
    let store = Members::open_named(name).await.unwrap();
    store
        .write(
            &[(
                "jobcenter gießen".to_owned(),
                record("Jobcenter Gießen", "[690]"),
            )],
            &[],
        )
        .await
        .unwrap();
    // A record IndexedDB cannot clone (a function) after a good one: neither is stored, the old one stays.
    let bad = Object::new();
    Reflect::set(
        &bad,
        &"kopf".into(),
        &js_sys::Function::new_no_args("return 1"),
    )
    .unwrap();
    let result = store
        .write(
            &[
                (
                    "jobcenter gießen".to_owned(),
                    record("Jobcenter Gießen", "[999]"),
                ),
                ("kaputt".to_owned(), bad),
            ],
            &[],
        )
        .await;
    assert_eq!(
        result,
        Err(MemberStoreError::Browser("DataCloneError".into()))
    );
    let all = store.all().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        text(&all[0].1, &["jahre", "2021"]).as_deref(),
        Some("[690]")
    );
    store.close();
    delete_database(name).await;
}

#[wasm_bindgen_test]
async fn a_database_of_a_newer_build_is_left_alone() {
    let name = "zielsteuerung.test-mitglieder-3";
    delete_database(name).await;
    // A newer build opened it at a higher version.
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let request = factory.open_with_u32(name, VERSION + 1).unwrap();
    let opened = js_sys::Promise::new(&mut |resolve, _| {
        request.set_onsuccess(Some(resolve.unchecked_ref()))
    });
    JsFuture::from(opened).await.unwrap();
    request
        .result()
        .unwrap()
        .unchecked_into::<web_sys::IdbDatabase>()
        .close();
    let refused = Members::open_named(name).await.err();
    assert_eq!(refused, Some(MemberStoreError::Newer));
    assert_eq!(
        MemberStoreError::Newer.message(Lang::De),
        "Die Vergleichsdaten in diesem Browser stammen von einer neueren Version der Zielsteuerung. Sie bleiben \
         unverändert; öffnen Sie die neuere Version."
    );
    delete_database(name).await;
}

#[wasm_bindgen_test]
async fn a_member_goes_in_and_comes_out_the_same_and_a_foreign_record_says_what_is_wrong() {
    use zielsteuerung::core::calendar::{Date, Year};
    use zielsteuerung::domain::comparison::{TypeCode, TypeHistory};
    use zielsteuerung::persistence::members::MemberParts;
    use zielsteuerung::storage::members::{from_record, to_record};

    let name = "zielsteuerung.test-mitglieder-4";
    delete_database(name).await;
    let mut types = TypeHistory::default();
    types.set(Year::new(2020).unwrap(), TypeCode::parse("IIb").unwrap());
    let ws = zielsteuerung::domain::example::odenwaldkreis();
    let member = MemberParts::of(
        &ws,
        types,
        "Sicherung Odenwald.json",
        Date::new(2026, 12, 7).unwrap(),
    )
    .unwrap();
    let store = Members::open_named(name).await.unwrap();
    store
        .write(&[("odenwald".into(), to_record(&member))], &[])
        .await
        .unwrap();
    let all = store.all().await.unwrap();
    let back = from_record(&all[0].1).unwrap();
    assert_eq!(back, member);
    assert_eq!(
        back.workspace_for(Year::new(2022).unwrap())
            .unwrap()
            .agreements
            .len(),
        2
    );
    store.close();
    delete_database(name).await;

    // A record of a newer build reads with its schema (the caller keeps it as it is); a broken one says what.
    let newer = to_record(&MemberParts {
        schema: 2,
        ..member.clone()
    });
    assert_eq!(from_record(&newer).map(|m| m.schema), Ok(2));
    let broken = to_record(&member);
    Reflect::delete_property(&broken, &"kopf".into()).unwrap();
    assert_eq!(from_record(&broken), Err("kopf fehlt".into()));
    assert_eq!(
        from_record(&JsValue::from_str("kaputt")),
        Err("schema fehlt".into())
    );
}
