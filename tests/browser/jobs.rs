//! The page's side of the file worker (`jobs::client`) where the worker is missing, breaks or is cancelled: the
//! user gets a German sentence and nothing changes. (The worker at work is driven end to end in tests/e2e.)

use wasm_bindgen_test::*;
use zielsteuerung::domain::example::odenwaldkreis;
use zielsteuerung::exchange::job::Kind;
use zielsteuerung::jobs::client::{self, Failed};
use zielsteuerung::locale::Lang;

const BROKEN: &str = "Die Dateiverarbeitung des Browsers ist abgebrochen. Es wurde nichts geändert; bitte die \
                      Datei noch einmal einlesen.";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn bytes() -> js_sys::ArrayBuffer {
    js_sys::Uint8Array::from(&b"Kennzahl;Jahr\n"[..]).buffer()
}

/// Puts an element into the page (the meta or inlined script the build writes) and returns it.
fn put(tag: &str, attributes: &[(&str, &str)], text: &str) -> web_sys::Element {
    let el = document().create_element(tag).unwrap();
    for (name, value) in attributes {
        el.set_attribute(name, value).unwrap();
    }
    el.set_text_content(Some(text));
    document().body().unwrap().append_child(&el).unwrap();
    el
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_missing_broken_or_cancelled_worker_is_said_and_changes_nothing() {
    let base = odenwaldkreis();

    // No worker named on the page.
    let said = client::run(Kind::Csv, Lang::De, bytes(), &base, |_| {}).await;
    assert_eq!(said, Err(Failed::Broken(BROKEN.into())));

    // A worker whose script is not there: its error event ends the job with the same sentence.
    let meta = put(
        "meta",
        &[
            ("name", "zielsteuerung-worker"),
            ("content", "./gibt-es-nicht_worker.js"),
        ],
        "",
    );
    let said = client::run(Kind::Backup, Lang::En, bytes(), &base, |_| {}).await;
    assert_eq!(
        said,
        Err(Failed::Broken(
            "The browser's file processing broke off. Nothing was changed; please read the file again.".into()
        ))
    );
    meta.remove();

    // A worker that never says it listens: the user cancels.
    let script = put(
        "script",
        &[("id", "zielsteuerung-worker"), ("type", "text/plain")],
        "/* a worker that never answers */",
    );
    wasm_bindgen_futures::spawn_local(async {
        sleep(100).await;
        client::cancel();
    });
    let said = client::run(Kind::Csv, Lang::De, bytes(), &base, |_| {}).await;
    assert_eq!(said, Err(Failed::Cancelled));
    script.remove();
    assert_eq!(
        base,
        odenwaldkreis(),
        "the workspace handed over is untouched"
    );
}
