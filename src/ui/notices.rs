//! The storage notices: what happened to the user's data and what they can do about it, in German.

use leptos::prelude::*;

use crate::persistence::aside_file_name;
use crate::ui::download::{download_text, now_iso};
use crate::ui::state::{Notice, use_state};

#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = use_state();
    move || {
        state.notice.get().map(|notice| match notice {
            Notice::Unavailable => view! {
                <div class="meldung meldung-warnung" role="alert">
                    <p>
                        <strong>"Kein Speicher: "</strong>
                        "Der Browser erlaubt dieser Seite keinen lokalen Speicher. Sie können arbeiten, aber nichts \
                         bleibt nach dem Schließen des Tabs erhalten."
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
                let kept = match aside_key {
                    Some(k) => format!(" Eine Kopie liegt zusätzlich unter „{k}“."),
                    None => " Eine zusätzliche Kopie passte nicht in den Speicher: laden Sie die Rohdaten herunter; ein \
                              Neubeginn ist erst möglich, wenn Platz für die Kopie ist."
                        .into(),
                };
                view! {
                    <div class="meldung meldung-fehler" role="alert">
                        <p>
                            <strong>"Gespeicherte Daten nicht lesbar: "</strong>
                            {error.message(crate::locale::Lang::De)}
                        </p>
                        <p>
                            {format!(
                                "Die gespeicherten Daten ({size} Zeichen) bleiben unverändert erhalten und werden nicht \
                                 überschrieben.{kept} Bis Sie entscheiden, zeigt die App das Beispiel und speichert nichts."
                            )}
                        </p>
                        <div class="knopfleiste">
                            <button type="button" on:click=download>"Rohdaten herunterladen"</button>
                            <Show when=move || copied>
                                <button type="button" on:click=move |_| state.start_anew()>
                                    "Mit dem Beispiel neu beginnen"
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
                        <strong>"Speicher voll: "</strong>
                        "Die letzte Änderung passt nicht mehr in den Speicher des Browsers und ist nur im \
                         Arbeitsspeicher. Sichern Sie den Arbeitsbereich als Datei, bevor Sie den Tab schließen."
                    </p>
                </div>
            }
            .into_any(),
            Notice::Conflict { theirs } => view! {
                <div class="meldung meldung-warnung" role="alert">
                    <p>
                        <strong>"In einem anderen Tab wurde gespeichert. "</strong>
                        {format!(
                            "Dort liegt inzwischen Stand {theirs}. Ihre letzte Änderung in diesem Tab ist deshalb noch \
                             nicht gespeichert. Wählen Sie, welche Fassung gilt."
                        )}
                    </p>
                    <div class="knopfleiste">
                        <button type="button" on:click=move |_| state.take_over_stored()>
                            "Fassung des anderen Tabs laden"
                        </button>
                        <button type="button" on:click=move |_| state.save_mine_anyway()>
                            "Meine Fassung speichern"
                        </button>
                    </div>
                </div>
            }
            .into_any(),
            Notice::ReloadedFromOtherTab => view! {
                <div class="meldung meldung-info" role="status">
                    <p>"Dieser Tab zeigt jetzt den Stand, der in einem anderen Tab gespeichert wurde."</p>
                    <div class="knopfleiste">
                        <button type="button" on:click=move |_| state.notice.set(None)>"Ausblenden"</button>
                    </div>
                </div>
            }
            .into_any(),
            Notice::Failed(error) => view! {
                <div class="meldung meldung-fehler" role="alert">
                    <p>
                        <strong>"Speichern fehlgeschlagen: "</strong>
                        {error.message(crate::locale::Lang::De)}
                    </p>
                </div>
            }
            .into_any(),
        })
    }
}
