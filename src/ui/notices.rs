//! The storage notices: what happened to the user's data and what they can do about it, in the UI's language.

use leptos::prelude::*;

use crate::locale::Lang;
use crate::persistence::aside_file_name;
use crate::ui::download::{download_text, now_iso};
use crate::ui::state::{Notice, use_state};

#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state.notice.get().map(|notice| match notice {
            Notice::Unavailable => view! {
                <div class="meldung meldung-warnung" role="alert">
                    <p>
                        <strong>{lang.pick("Kein Speicher: ", "No storage: ")}</strong>
                        {lang.pick(
                            "Der Browser erlaubt dieser Seite keinen lokalen Speicher. Sie können arbeiten, aber nichts \
                             bleibt nach dem Schließen des Tabs erhalten.",
                            "The browser gives this page no local storage. You can work, but nothing remains after the \
                             tab is closed.",
                        )}
                    </p>
                </div>
            }
            .into_any(),
            Notice::Unreadable { raw, error, aside_key } => {
                let size = raw.len();
                let download = move |_| {
                    download_text(&aside_file_name(&now_iso()), &raw, "application/json");
                };
                let copied = aside_key.is_some();
                let kept = match (aside_key, lang) {
                    (Some(k), Lang::De) => format!(" Eine Kopie liegt zusätzlich unter „{k}“."),
                    (Some(k), Lang::En) => format!(" A copy is also kept under “{k}”."),
                    (None, _) => lang
                        .pick(
                            " Eine zusätzliche Kopie passte nicht in den Speicher: laden Sie die Rohdaten herunter; ein \
                             Neubeginn ist erst möglich, wenn Platz für die Kopie ist.",
                            " An extra copy did not fit into storage: download the raw data; starting anew is possible \
                             only once there is room for the copy.",
                        )
                        .into(),
                };
                let kept_text = match lang {
                    Lang::De => format!(
                        "Die gespeicherten Daten ({size} Zeichen) bleiben unverändert erhalten und werden nicht \
                         überschrieben.{kept} Bis Sie entscheiden, zeigt die App das Beispiel und speichert nichts."
                    ),
                    Lang::En => format!(
                        "The stored data ({size} characters) is kept unchanged and is not written over.{kept} Until \
                         you decide, the app shows the example and saves nothing."
                    ),
                };
                view! {
                    <div class="meldung meldung-fehler" role="alert">
                        <p>
                            <strong>{lang.pick("Gespeicherte Daten nicht lesbar: ", "Stored data unreadable: ")}</strong>
                            {error.message(lang)}
                        </p>
                        <p>{kept_text}</p>
                        <div class="knopfleiste">
                            <button type="button" on:click=download>
                                {lang.pick("Rohdaten herunterladen", "Download raw data")}
                            </button>
                            <Show when=move || copied>
                                <button type="button" on:click=move |_| state.start_anew()>
                                    {lang.pick("Mit dem Beispiel neu beginnen", "Start anew with the example")}
                                </button>
                            </Show>
                        </div>
                    </div>
                }
                .into_any()
            }
            Notice::QuotaExceeded => view! {
                <div class="meldung meldung-fehler" role="alert">
                    <p>
                        <strong>{lang.pick("Speicher voll: ", "Storage full: ")}</strong>
                        {lang.pick(
                            "Die letzte Änderung passt nicht mehr in den Speicher des Browsers und ist nur im \
                             Arbeitsspeicher. Sichern Sie den Arbeitsbereich als Datei, bevor Sie den Tab schließen.",
                            "The last change no longer fits into the browser's storage and is only in memory. Save \
                             the workspace to a file before you close the tab.",
                        )}
                    </p>
                </div>
            }
            .into_any(),
            Notice::Conflict { theirs } => view! {
                <div class="meldung meldung-warnung" role="alert">
                    <p>
                        <strong>
                            {lang.pick("In einem anderen Tab wurde gespeichert. ", "Another tab has saved. ")}
                        </strong>
                        {match lang {
                            Lang::De => format!(
                                "Dort liegt inzwischen Stand {theirs}. Ihre letzte Änderung in diesem Tab ist deshalb \
                                 noch nicht gespeichert. Wählen Sie, welche Fassung gilt."
                            ),
                            Lang::En => format!(
                                "It now holds revision {theirs}. Your last change in this tab is therefore not saved \
                                 yet. Choose which version applies."
                            ),
                        }}
                    </p>
                    <div class="knopfleiste">
                        <button type="button" on:click=move |_| state.take_over_stored()>
                            {lang.pick("Fassung des anderen Tabs laden", "Load the other tab's version")}
                        </button>
                        <button type="button" on:click=move |_| state.save_mine_anyway()>
                            {lang.pick("Meine Fassung speichern", "Save my version")}
                        </button>
                    </div>
                </div>
            }
            .into_any(),
            Notice::ReloadedFromOtherTab => view! {
                <div class="meldung meldung-info" role="status">
                    <p>
                        {lang.pick(
                            "Dieser Tab zeigt jetzt den Stand, der in einem anderen Tab gespeichert wurde.",
                            "This tab now shows what was saved in another tab.",
                        )}
                    </p>
                    <div class="knopfleiste">
                        <button type="button" on:click=move |_| state.notice.set(None)>
                            {lang.pick("Ausblenden", "Dismiss")}
                        </button>
                    </div>
                </div>
            }
            .into_any(),
            Notice::Failed(error) => view! {
                <div class="meldung meldung-fehler" role="alert">
                    <p>
                        <strong>{lang.pick("Speichern fehlgeschlagen: ", "Saving failed: ")}</strong>
                        {error.message(lang)}
                    </p>
                </div>
            }
            .into_any(),
        })
    }
}
