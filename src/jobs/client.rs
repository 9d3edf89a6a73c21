//! The page's side of the file worker: starts it on first use (nothing of it is fetched before), hands it a job,
//! says its steps, and keeps its results (the workspaces in parts, as JS strings) until the user takes one.
//! The page's own work on a workspace (writing it into parts for the worker, reading the chosen result back) runs
//! in slices of at most 25 ms (`slice.rs`), with the browser free to paint in between.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::{field, get, set};
use crate::domain::workspace::Workspace;
use crate::exchange::job::{BackupPreview, CsvPreview, Kind, MemberPreview, Step};
use crate::locale::Lang;

mod held;
use held::to_parts;
pub use held::{take, take_texts};

/// A result the worker handed over, held until the user takes it or reads the next file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held(u32);

/// What a job gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    Backup {
        preview: BackupPreview,
        incoming: Held,
        merged: Held,
    },
    Csv {
        preview: CsvPreview,
        result: Held,
    },
    Member {
        preview: MemberPreview,
        incoming: Held,
    },
}

/// Why a job gave nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failed {
    /// The file was not read, for the reason given (in the user's language).
    Refused(String),
    /// The user cancelled.
    Cancelled,
    /// The worker could not start or broke off; the message says so.
    Broken(String),
}

/// A job handed over and not answered yet.
struct Waiting {
    id: u32,
    message: Option<(js_sys::Object, js_sys::Array)>,
    resolve: js_sys::Function,
    reject: js_sys::Function,
    on_step: Rc<dyn Fn(Step)>,
}

struct Running {
    worker: web_sys::Worker,
    ready: bool,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

#[derive(Default)]
struct State {
    running: Option<Running>,
    waiting: Option<Waiting>,
    next_id: u32,
    held: HashMap<u32, js_sys::Array>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn broken_text(lang: Lang) -> String {
    lang.pick(
        "Die Dateiverarbeitung des Browsers ist abgebrochen. Es wurde nichts geändert; bitte die Datei noch einmal \
         einlesen.",
        "The browser's file processing broke off. Nothing was changed; please read the file again.",
    )
    .to_owned()
}

/// Reads `bytes` as a file of `kind` into `base` in the worker; `on_step` hears each step. Results of earlier
/// jobs that were not taken are let go.
pub async fn run(
    kind: Kind,
    lang: Lang,
    bytes: js_sys::ArrayBuffer,
    base: &Workspace,
    on_step: impl Fn(Step) + 'static,
) -> Result<Reply, Failed> {
    release_all();
    let base = to_parts(base).await.map_err(Failed::Broken)?;
    let message = js_sys::Object::new();
    set(&message, field::KIND, &kind.code().into());
    set(&message, field::LANG, &lang.code().into());
    set(&message, field::BYTES, &bytes);
    set(&message, field::BASE, &super::to_array(&base));
    let transfer = js_sys::Array::of1(&bytes);
    let on_step: Rc<dyn Fn(Step)> = Rc::new(on_step);
    let mut handed: Option<Result<(), String>> = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        handed = Some(hand_over(
            lang,
            message.clone(),
            transfer.clone(),
            resolve,
            reject,
            Rc::clone(&on_step),
        ));
    });
    match handed {
        Some(Ok(())) => {}
        Some(Err(e)) => return Err(Failed::Broken(e)),
        None => return Err(Failed::Broken(broken_text(lang))),
    }
    let reply = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| {
            if e.is_null() {
                Failed::Cancelled
            } else {
                Failed::Broken(e.as_string().unwrap_or_else(|| broken_text(lang)))
            }
        })?;
    read_reply(kind, lang, &reply)
}

/// Ends the job under way (the worker with it); its `run` gives [`Failed::Cancelled`].
pub fn cancel() {
    end(&JsValue::NULL);
}

/// Ends the worker and the job under way, which `run` gives as `why` (null: cancelled; a text: broken).
fn end(why: &JsValue) {
    let waiting = STATE.with_borrow_mut(|s| {
        if let Some(running) = s.running.take() {
            running.worker.terminate();
        }
        s.waiting.take()
    });
    if let Some(w) = waiting {
        let _ = w.reject.call1(&JsValue::UNDEFINED, why);
    }
}

/// Lets go of every result held.
fn release_all() {
    STATE.with_borrow_mut(|s| s.held.clear());
}

/// Starts the worker if needed and posts the job, now or when the worker says it listens.
fn hand_over(
    lang: Lang,
    message: js_sys::Object,
    transfer: js_sys::Array,
    resolve: js_sys::Function,
    reject: js_sys::Function,
    on_step: Rc<dyn Fn(Step)>,
) -> Result<(), String> {
    let needs_start = STATE.with_borrow(|s| s.running.is_none());
    if needs_start {
        let running = start(lang)?;
        STATE.with_borrow_mut(|s| s.running = Some(running));
    }
    STATE.with_borrow_mut(|s| {
        s.next_id += 1;
        let id = s.next_id;
        set(&message, field::ID, &id.into());
        let ready = s.running.as_ref().is_some_and(|r| r.ready);
        let mut waiting = Waiting {
            id,
            message: Some((message, transfer)),
            resolve,
            reject,
            on_step,
        };
        if ready && let Some(r) = s.running.as_ref() {
            post(&r.worker, &mut waiting);
        }
        s.waiting = Some(waiting);
        Ok(())
    })
}

fn post(worker: &web_sys::Worker, waiting: &mut Waiting) {
    if let Some((message, transfer)) = waiting.message.take()
        && let Err(e) = worker.post_message_with_transfer(&message, &transfer)
    {
        let _ = waiting.reject.call1(&JsValue::UNDEFINED, &e);
    }
}

/// The worker's script and whether it is a module: the offline file's inlined text as a `blob:` URL of a classic
/// script (no module worker starts from a `file://` page's `blob:`), else the module the build wrote.
fn script_url() -> Option<(String, bool)> {
    let document = web_sys::window()?.document()?;
    if let Some(inlined) = document.get_element_by_id("zielsteuerung-worker") {
        let text = inlined.text_content()?;
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/javascript");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(
            &js_sys::Array::of1(&text.into()),
            &options,
        )
        .ok()?;
        return Some((
            web_sys::Url::create_object_url_with_blob(&blob).ok()?,
            false,
        ));
    }
    let url = document
        .query_selector("meta[name=zielsteuerung-worker]")
        .ok()??
        .get_attribute("content")?;
    Some((url, true))
}

fn start(lang: Lang) -> Result<Running, String> {
    let (url, module) = script_url().ok_or_else(|| broken_text(lang))?;
    let options = web_sys::WorkerOptions::new();
    if module {
        options.set_type(web_sys::WorkerType::Module);
    }
    let worker =
        web_sys::Worker::new_with_options(&url, &options).map_err(|_| broken_text(lang))?;
    // The app's own compiled wasm: the worker instantiates it (scripts/offline.mjs, WORKER_START).
    worker
        .post_message(&wasm_bindgen::module())
        .map_err(|_| broken_text(lang))?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
            heard(&ev.data())
        });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        end(&broken_text(lang).into());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Running {
        worker,
        ready: false,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// A message from the worker: it listens, a step of the job, or the job's answer.
fn heard(data: &JsValue) {
    if get(data, field::READY).is_truthy() {
        STATE.with_borrow_mut(|s| {
            let State {
                running, waiting, ..
            } = s;
            if let Some(r) = running.as_mut() {
                r.ready = true;
                if let Some(w) = waiting.as_mut() {
                    post(&r.worker, w);
                }
            }
        });
        return;
    }
    let id = get(data, field::ID).as_f64();
    let current = STATE.with_borrow(|s| s.waiting.as_ref().map(|w| w.id));
    if id.is_none() || id != current.map(f64::from) {
        return;
    }
    if let Some(step) = get(data, field::STEP)
        .as_string()
        .and_then(|c| Step::from_code(&c))
    {
        let on_step = STATE.with_borrow(|s| s.waiting.as_ref().map(|w| Rc::clone(&w.on_step)));
        if let Some(on_step) = on_step {
            on_step(step);
        }
        return;
    }
    if let Some(w) = STATE.with_borrow_mut(|s| s.waiting.take()) {
        let _ = w.resolve.call1(&JsValue::UNDEFINED, data);
    }
}

/// The answer as a [`Reply`], its results held.
fn read_reply(kind: Kind, lang: Lang, reply: &JsValue) -> Result<Reply, Failed> {
    if let Some(reason) = get(reply, field::ERROR).as_string() {
        return Err(Failed::Refused(reason));
    }
    let broken = || Failed::Broken(broken_text(lang));
    let preview: Vec<String> = get(reply, field::PREVIEW)
        .dyn_into::<js_sys::Array>()
        .map_err(|_| broken())?
        .iter()
        .map(|t| t.as_string().unwrap_or_default())
        .collect();
    let results: Vec<js_sys::Array> = get(reply, field::RESULTS)
        .dyn_into::<js_sys::Array>()
        .map_err(|_| broken())?
        .iter()
        .map(|r| r.dyn_into::<js_sys::Array>())
        .collect::<Result<_, _>>()
        .map_err(|_| broken())?;
    let mut held = results.into_iter().map(hold);
    match kind {
        Kind::Backup => {
            let preview = BackupPreview::from_texts(&preview).ok_or_else(broken)?;
            let (Some(incoming), Some(merged)) = (held.next(), held.next()) else {
                return Err(broken());
            };
            Ok(Reply::Backup {
                preview,
                incoming,
                merged,
            })
        }
        Kind::Csv => {
            let preview = CsvPreview::from_texts(&preview).ok_or_else(broken)?;
            let result = held.next().ok_or_else(broken)?;
            Ok(Reply::Csv { preview, result })
        }
        Kind::Member => {
            let preview = MemberPreview::from_texts(&preview).ok_or_else(broken)?;
            let incoming = held.next().ok_or_else(broken)?;
            Ok(Reply::Member { preview, incoming })
        }
    }
}

fn hold(parts: js_sys::Array) -> Held {
    STATE.with_borrow_mut(|s| {
        s.next_id += 1;
        s.held.insert(s.next_id, parts);
        Held(s.next_id)
    })
}
