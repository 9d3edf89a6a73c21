//! The worker's side: listens for jobs, runs `exchange::job::prepare` on each, and answers with the preview and
//! the resulting workspaces in parts, or with the reason the file was not read. One job at a time: a worker runs
//! its messages in turn, and the page sends the next only after the answer (or ends the worker to cancel).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use super::{field, get, set, to_array};
use crate::exchange::job::{Kind, Prepared, parts, prepare};
use crate::locale::Lang;

/// Starts listening if this is the file worker (`true`); on the page it does nothing (`false`).
pub fn serve() -> bool {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return false;
    };
    let answer_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            answer(&answer_to, &ev.data());
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker listens as long as it lives.
    on_message.forget();
    let ready = js_sys::Object::new();
    set(&ready, field::READY, &true.into());
    let _ = scope.post_message(&ready);
    true
}

/// Runs one job and posts its answer.
fn answer(scope: &web_sys::DedicatedWorkerGlobalScope, message: &wasm_bindgen::JsValue) {
    let id = get(message, field::ID);
    let lang = get(message, field::LANG)
        .as_string()
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default();
    let reply = js_sys::Object::new();
    set(&reply, field::ID, &id);
    let post = |reply: &js_sys::Object| {
        let _ = scope.post_message(reply);
    };
    match run(scope, message, &id, lang) {
        Ok((preview, results)) => {
            set(&reply, field::PREVIEW, &to_array(&preview));
            let results: js_sys::Array = results
                .iter()
                .map(|r| -> wasm_bindgen::JsValue { to_array(r).into() })
                .collect();
            set(&reply, field::RESULTS, &results);
        }
        Err(reason) => set(&reply, field::ERROR, &reason.into()),
    }
    post(&reply);
}

/// The preview's texts and the workspaces in parts (backup: replaced, merged; CSV: the result).
fn run(
    scope: &web_sys::DedicatedWorkerGlobalScope,
    message: &wasm_bindgen::JsValue,
    id: &wasm_bindgen::JsValue,
    lang: Lang,
) -> Result<(Vec<String>, Vec<Vec<String>>), String> {
    let broken = |what: &str| {
        crate::tr!(
            lang,
            "Die Übergabe an die Dateiverarbeitung ist fehlgeschlagen ({what}).",
            "Handing the file to the file processing failed ({what})."
        )
    };
    let kind = get(message, field::KIND)
        .as_string()
        .and_then(|c| Kind::from_code(&c))
        .ok_or_else(|| broken("art"))?;
    let bytes = get(message, field::BYTES)
        .dyn_into::<js_sys::ArrayBuffer>()
        .map(|b| js_sys::Uint8Array::new(&b).to_vec())
        .map_err(|_| broken("bytes"))?;
    let base: Vec<String> = get(message, field::BASE)
        .dyn_into::<js_sys::Array>()
        .map_err(|_| broken("basis"))?
        .iter()
        .map(|p| p.as_string().unwrap_or_default())
        .collect();
    let base = parts::read_all(&base).map_err(|e| broken(&e))?;
    let prepared = prepare(kind, &base, &bytes, lang, &mut |step| {
        let said = js_sys::Object::new();
        set(&said, field::ID, id);
        set(&said, field::STEP, &step.code().into());
        let _ = scope.post_message(&said);
    })?;
    match prepared {
        Prepared::Backup {
            preview,
            incoming,
            merged,
        } => Ok((
            preview.to_texts(),
            vec![
                parts::all(&incoming).map_err(|e| broken(&e))?,
                parts::all(&merged).map_err(|e| broken(&e))?,
            ],
        )),
        Prepared::Csv { preview, result } => Ok((
            preview.to_texts(),
            vec![parts::all(&result).map_err(|e| broken(&e))?],
        )),
        Prepared::Member { preview, incoming } => Ok((
            preview.to_texts(),
            vec![parts::all(&incoming).map_err(|e| broken(&e))?],
        )),
    }
}
