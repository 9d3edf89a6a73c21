//! Adding job centres to the comparison: several files at once, chosen or dropped; each read in the file worker;
//! what they would do shown before anything is stored (new, a newer state of a member, refused with the reason).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::comparison::TypeHistory;
use crate::domain::workspace::Workspace;
use crate::exchange::job::Kind;
use crate::jobs::client::{self, Failed, Reply};
use crate::locale::format_date;
use crate::persistence::members::{Arrival, MemberParts, arrival, key_of};
use crate::storage;
use crate::tr;
use crate::ui::clock::today_date;
use crate::ui::state::use_state;

/// A file that would become a member (or replace one).
#[derive(Clone)]
pub struct Incoming {
    pub parts: MemberParts,
    /// What the preview says of it: "neu" or "neuer Stand: 30.04.2022 → 31.05.2022".
    pub said: String,
}

/// What the chosen files would do.
#[derive(Clone, Default)]
pub struct Batch {
    pub items: Vec<Incoming>,
    /// Files not taken, each with its reason.
    pub refused: Vec<String>,
}

/// Reads `files` one after the other in the file worker against the members `present`.
async fn read_all(
    files: Vec<web_sys::File>,
    present: Vec<MemberParts>,
    own: Workspace,
    working: RwSignal<Option<String>>,
    lang: crate::core::Lang,
) -> Batch {
    let added = today_date();
    let mut batch = Batch::default();
    let count = files.len();
    for (i, file) in files.into_iter().enumerate() {
        let name = file.name();
        let n = i + 1;
        working.set(Some(tr!(
            lang,
            "Datei {n} von {count} wird gelesen: „{name}“ …",
            "Reading file {n} of {count}: “{name}” …"
        )));
        if file.size() > crate::exchange::MAX_BACKUP_BYTES as f64 {
            let why =
                crate::exchange::too_large(file.size(), crate::exchange::MAX_BACKUP_BYTES, lang);
            batch
                .refused
                .push(tr!(lang, "„{name}“: {why}", "“{name}”: {why}"));
            continue;
        }
        let Ok(bytes) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
            batch.refused.push(tr!(
                lang,
                "„{name}“ konnte nicht gelesen werden.",
                "“{name}” could not be read."
            ));
            continue;
        };
        let Ok(bytes) = bytes.dyn_into::<js_sys::ArrayBuffer>() else {
            continue;
        };
        let reply = client::run(Kind::Member, lang, bytes, &own, |_| {}).await;
        let (preview, held) = match reply {
            Ok(Reply::Member { preview, incoming }) => (preview, incoming),
            Ok(_) => continue,
            Err(Failed::Refused(why) | Failed::Broken(why)) => {
                batch
                    .refused
                    .push(tr!(lang, "„{name}“: {why}", "“{name}”: {why}"));
                continue;
            }
            Err(Failed::Cancelled) => break,
        };
        let who = preview.name.clone();
        if batch
            .items
            .iter()
            .any(|i| key_of(&i.parts.name) == preview.key)
        {
            batch.refused.push(tr!(
                lang,
                "„{name}“: „{who}“ ist in dieser Auswahl schon mit einer anderen Datei dabei; bitte nur eine Datei je Jobcenter wählen.",
                "“{name}”: “{who}” is already in this choice with another file; please choose one file per job centre."
            ));
            continue;
        }
        let before = present.iter().find(|m| key_of(&m.name) == preview.key);
        let said = match arrival(before.map(|m| m.as_of), preview.as_of, lang) {
            Arrival::New => lang.pick("neu", "new").to_owned(),
            Arrival::Newer => {
                let stand = |d: Option<crate::core::calendar::Date>| {
                    d.map_or_else(|| "–".to_owned(), |d| format_date(d, lang))
                };
                let (from, to) = (stand(before.and_then(|m| m.as_of)), stand(preview.as_of));
                tr!(
                    lang,
                    "neuer Stand: {from} → {to}",
                    "newer state: {from} → {to}"
                )
            }
            Arrival::Same => {
                batch.refused.push(tr!(
                    lang,
                    "„{name}“: „{who}“ ist mit diesem Stand schon dabei.",
                    "“{name}”: “{who}” is already there with this state."
                ));
                continue;
            }
            Arrival::Older(why) => {
                batch
                    .refused
                    .push(tr!(lang, "„{name}“: {why}", "“{name}”: {why}"));
                continue;
            }
        };
        let types = before
            .map(|m| m.types.clone())
            .unwrap_or_else(TypeHistory::default);
        let parts = client::take_texts(held)
            .ok()
            .zip(added)
            .and_then(|(texts, added)| {
                MemberParts::from_worker(&preview, texts, types, &name, added)
            });
        match parts {
            Some(parts) => batch.items.push(Incoming { parts, said }),
            None => batch.refused.push(tr!(
                lang,
                "„{name}“ konnte nicht übergeben werden.",
                "“{name}” could not be handed over."
            )),
        }
    }
    working.set(None);
    batch
}

/// A preview that says only why nothing can be taken.
fn refused(pending: RwSignal<Option<Batch>>, why: String) {
    pending.set(Some(Batch {
        items: Vec::new(),
        refused: vec![why],
    }));
}

/// Why the folder could not be read.
fn folder_error(e: &storage::file_access::FileError, lang: crate::core::Lang) -> String {
    let why = &e.0;
    tr!(
        lang,
        "Der Ordner konnte nicht gelesen werden ({why}).",
        "The folder could not be read ({why})."
    )
}

/// The file input, the drop zone, and the preview of what the chosen files would do.
#[component]
pub fn Adding(
    members: Signal<Vec<MemberParts>>,
    accept: impl Fn(Batch) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let pending: RwSignal<Option<Batch>> = RwSignal::new(None);
    let working: RwSignal<Option<String>> = RwSignal::new(None);
    let start = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        pending.set(None);
        let present = members.get_untracked();
        // Only the organisation counts in the worker: a file of one's own is no member (the example is nobody's).
        let mut own = Workspace::empty(&state.data.meta(|m| m.organisation().to_owned()));
        own.example = state.data.meta(|m| m.example());
        leptos::task::spawn_local(async move {
            pending.set(Some(read_all(files, present, own, working, lang).await));
        });
    };
    let files_of = |list: Option<web_sys::FileList>| -> Vec<web_sys::File> {
        list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
            .unwrap_or_default()
    };
    let chosen = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = files_of(input.files());
        input.set_value("");
        start(files);
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        start(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    // A folder (Edge and Chrome): chosen once, read again on request.
    let folder: StoredValue<Option<wasm_bindgen::JsValue>, LocalStorage> =
        StoredValue::new_local(None);
    let folder_name: RwSignal<Option<String>> = RwSignal::new(None);
    let from_folder = move |again: bool| {
        leptos::task::spawn_local(async move {
            let handle = match (again, folder.get_value()) {
                (true, Some(handle)) => handle,
                _ => match storage::folder::pick().await {
                    Ok(handle) => handle,
                    Err(e) if storage::file_access::cancelled(&e) => return,
                    Err(e) => {
                        refused(pending, folder_error(&e, lang));
                        return;
                    }
                },
            };
            let read = if again {
                storage::folder::read_again(&handle).await
            } else {
                storage::folder::json_files(&handle).await
            };
            folder_name.set(Some(storage::file_access::name(&handle)));
            folder.set_value(Some(handle));
            match read {
                Ok(files) if files.is_empty() => refused(
                    pending,
                    lang.pick(
                        "Der Ordner enthält keine JSON-Dateien.",
                        "The folder holds no JSON files.",
                    )
                    .into(),
                ),
                Ok(files) => start(files),
                Err(e) => refused(pending, folder_error(&e, lang)),
            }
        });
    };
    view! {
        <section class="austausch" aria-labelledby="mitglieder-aufnehmen">
            <h2 id="mitglieder-aufnehmen">{lang.pick("Jobcenter aufnehmen", "Add job centres")}</h2>
            <p>{lang.pick(
                "Sicherungen oder Arbeitsbereich-Dateien anderer Jobcenter wählen oder hierher ziehen, auch mehrere auf einmal. Sie werden nur gelesen und getrennt von Ihrem Arbeitsbereich in diesem Browser gespeichert.",
                "Choose backups or workspace files of other job centres, or drop them here, several at once. They are only read and kept in this browser apart from your workspace.",
            )}</p>
            <div class="ablage" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=dropped>
                <label class="datei">
                    {lang.pick("Dateien wählen …", "Choose files …")}
                    <input type="file" multiple accept=".json,application/json" disabled=move || working.get().is_some() on:change=chosen />
                </label>
                <span>{lang.pick(" oder hierher ziehen", " or drop them here")}</span>
                {storage::folder::supported().then(|| view! {
                    <button type="button" disabled=move || working.get().is_some() on:click=move |_| from_folder(false)>
                        {lang.pick("Ordner wählen …", "Choose a folder …")}
                    </button>
                    {move || folder_name.get().map(|name| view! {
                        <button type="button" disabled=move || working.get().is_some() on:click=move |_| from_folder(true)>
                            {tr!(lang, "Ordner „{name}“ erneut lesen", "Read folder “{name}” again")}
                        </button>
                    })}
                })}
            </div>
            {move || working.get().map(|w| view! { <p class="arbeit" role="status">{w}</p> })}
            <Preview pending=pending accept=accept />
        </section>
    }
}

/// What the chosen files would do, with "Übernehmen" and "Verwerfen".
#[component]
fn Preview(
    pending: RwSignal<Option<Batch>>,
    accept: impl Fn(Batch) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    view! {
        {move || pending.get().map(|batch| {
                let refused = batch.refused.clone();
                let items = batch.items.clone();
                let any = !items.is_empty();
                view! {
                    <div class="vorschau" role="region" aria-labelledby="mitglieder-vorschau">
                        <h3 id="mitglieder-vorschau" tabindex="-1">{lang.pick("Vorschau", "Preview")}</h3>
                        <ul>
                            {items.into_iter().map(|i| {
                                let name = i.parts.name.clone();
                                let said = i.said.clone();
                                view! { <li>{format!("{name}: {said}")}</li> }
                            }).collect_view()}
                            {refused.into_iter().map(|r| view! { <li class="abgelehnt">{r}</li> }).collect_view()}
                        </ul>
                        <div class="knoepfe">
                            <Show when=move || any>
                                <button type="button" class="haupt" on:click=move |_| {
                                    if let Some(b) = pending.get_untracked() {
                                        pending.set(None);
                                        accept(b);
                                    }
                                }>{lang.pick("Übernehmen", "Accept")}</button>
                            </Show>
                            <button type="button" on:click=move |_| pending.set(None)>{lang.pick("Verwerfen", "Discard")}</button>
                        </div>
                    </div>
                }
            })}
    }
}
