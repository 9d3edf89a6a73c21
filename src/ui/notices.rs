//! The storage notices: what happened to the user's data and what they can do about it, in the UI's language.

use leptos::prelude::*;

use crate::persistence::aside_file_name;
use crate::tr;
use crate::ui::clock::now_iso;
use crate::ui::download::download_text;
use crate::ui::state::{Notice, use_persistence, use_state};

#[component]
#[allow(
    clippy::too_many_lines,
    reason = "a table-like match: one banner per storage notice, each with its words and buttons"
)]
pub fn StorageNotice() -> impl IntoView {
    let state = use_state();
    let saving = use_persistence();
    move || {
        let lang = state.lang.get();
        saving.notice().map(|notice| match notice {
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
                let kept = match aside_key {
Some(k) => tr!(lang, " Eine Kopie liegt zusätzlich unter „{k}“.", " A copy is also kept under “{k}”."),
None => lang
                        .pick(
                            " Eine zusätzliche Kopie passte nicht in den Speicher: laden Sie die Rohdaten herunter; ein \
                             Neubeginn ist erst möglich, wenn Platz für die Kopie ist.",
                            " An extra copy did not fit into storage: download the raw data; starting anew is possible \
                             only once there is room for the copy.",
                        )
                        .into(),
};
                let kept_text = tr!(lang, "Die gespeicherten Daten ({size} Zeichen) bleiben unverändert erhalten und werden nicht \
                         überschrieben.{kept} Bis Sie entscheiden, zeigt die App das Beispiel und speichert nichts.", "The stored data ({size} characters) is kept unchanged and is not written over.{kept} Until \
                         you decide, the app shows the example and saves nothing.");
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
                                <button type="button" on:click=move |_| saving.start_anew()>
                                    {move || if state.data.meta(|m| m.example()) {
                                        lang.pick("Mit dem Beispiel neu beginnen", "Start anew with the example")
                                    } else {
                                        lang.pick("Den gezeigten Arbeitsbereich speichern", "Save the workspace shown")
                                    }}
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
            Notice::Conflict { theirs, conflicts } => {
                let what = state.data.untracked(|w| {
                    conflicts
                        .iter()
                        .map(|c| crate::present::warnings::conflict_text(c, w, lang))
                        .collect::<Vec<_>>()
                });
                let listed = (!what.is_empty()).then(|| {
                    view! {
                        <p>{lang.pick("Beide Tabs haben geändert: ", "Both tabs changed: ")}{crate::present::overview::join_and(&what, lang)}"."</p>
                    }
                });
                view! {
                    <div class="meldung meldung-warnung" role="alert">
                        <p>
                            <strong>
                                {lang.pick("In einem anderen Tab wurde gespeichert. ", "Another tab has saved. ")}
                            </strong>
                            {tr!(lang, "Dort liegt inzwischen Stand {theirs}, der sich mit Ihren Änderungen in diesem Tab \
                                     überschneidet; Ihre Änderungen sind deshalb noch nicht gespeichert. Wählen Sie, \
                                     welche Fassung gilt.", "It now holds revision {theirs}, which overlaps with your changes in this tab; \
                                     they are therefore not saved yet. Choose which version applies.")}
                        </p>
                        {listed}
                        <div class="knopfleiste">
                            <button type="button" on:click=move |_| saving.take_over_stored()>
                                {lang.pick("Fassung des anderen Tabs laden", "Load the other tab's version")}
                            </button>
                            <button type="button" on:click=move |_| saving.save_mine_anyway()>
                                {lang.pick("Meine Fassung speichern", "Save my version")}
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            }
            Notice::KeptAside { key, count, raw } => {
                let download = move |_| {
                    download_text(&aside_file_name(&now_iso()), &raw, "application/json");
                };
                view! {
                    <div class="meldung meldung-warnung" role="alert">
                        <p>
                            <strong>{lang.pick("Daten beiseitegelegt: ", "Data kept aside: ")}</strong>
                            {if count == 1 {
                                tr!(
                                    lang,
                                    "Im Speicher lag ein Schlüssel mit Werten oder einer Zielvereinbarung eines \
                                     Jahres, der zu keinem gespeicherten Stand dieses Arbeitsbereichs gehört (etwa \
                                     aus einer anderen Version oder einem abgebrochenen Speichern). Die App hat ihn \
                                     nicht gelöscht, sondern unter „{key}“ beiseitegelegt; Ihr Arbeitsbereich ist \
                                     unverändert.",
                                    "Storage held one key with values or an agreement of a year that belongs to no \
                                     saved state of this workspace (from another version or an interrupted save, \
                                     say). The app did not delete it but kept it aside under “{key}”; your \
                                     workspace is unchanged."
                                )
                            } else {
                                tr!(
                                    lang,
                                    "Im Speicher lagen {count} Schlüssel mit Werten oder Zielvereinbarungen \
                                     einzelner Jahre, die zu keinem gespeicherten Stand dieses Arbeitsbereichs \
                                     gehören (etwa aus einer anderen Version oder einem abgebrochenen Speichern). \
                                     Die App hat sie nicht gelöscht, sondern unter „{key}“ beiseitegelegt; Ihr \
                                     Arbeitsbereich ist unverändert.",
                                    "Storage held {count} keys with values or agreements of single years that \
                                     belong to no saved state of this workspace (from another version or an \
                                     interrupted save, say). The app did not delete them but kept them aside under \
                                     “{key}”; your workspace is unchanged."
                                )
                            }}
                        </p>
                        <div class="knopfleiste">
                            <button type="button" on:click=download>
                                {lang.pick("Beiseitegelegte Daten herunterladen", "Download the data kept aside")}
                            </button>
                            <button type="button" on:click=move |_| saving.dismiss_notice()>
                                {lang.pick("Ausblenden", "Dismiss")}
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            }
            Notice::MergedWithOtherTab => view! {
                <div class="meldung meldung-info" role="status">
                    <p>
                        {lang.pick(
                            "Ein anderer Tab hat zur selben Zeit gespeichert. Seine und Ihre Änderungen sind jetzt beide \
                             gespeichert.",
                            "Another tab saved at the same time. Its changes and yours are now both saved.",
                        )}
                    </p>
                    <div class="knopfleiste">
                        <button type="button" on:click=move |_| saving.dismiss_notice()>
                            {lang.pick("Ausblenden", "Dismiss")}
                        </button>
                    </div>
                </div>
            }
            .into_any(),
            Notice::RevisionExhausted => view! {
                <div class="meldung meldung-fehler" role="alert">
                    <p>
                        <strong>{lang.pick("Nicht gespeichert: ", "Not saved: ")}</strong>
                        {lang.pick(
                            "Der Speicherzähler der gespeicherten Daten ist am Ende (die Daten wurden von Hand \
                             verändert). Laden Sie eine Sicherung herunter und lesen Sie sie unter „Datenaustausch“ \
                             wieder ein.",
                            "The save counter of the stored data is at its end (the data was edited by hand). Download a \
                             backup and read it back under “Import & export”.",
                        )}
                    </p>
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
                        <button type="button" on:click=move |_| saving.dismiss_notice()>
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
