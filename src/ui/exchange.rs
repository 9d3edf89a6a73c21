//! "Datenaustausch": the backup of the whole workspace (download, and reading one back by replacing or
//! merging), the values as CSV for Excel (download, and an import that shows its report first), and the XLSX
//! workbook of values and balance. Every import is previewed: nothing changes until the user accepts, and an
//! accepted import can be undone. The rules live in `exchange`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::workspace::Workspace;
use crate::exchange::job::{BackupPreview, CsvPreview, Kind};
use crate::exchange::{csv, xlsx};
use crate::jobs::client::{self, Failed, Held, Reply};
use crate::locale::format_count;
use crate::route::Screen;
use crate::tr;
use crate::ui::clock::today_date;
use crate::ui::download::{XLSX_MIME, download_bytes, download_text, read_chosen_file};
use crate::ui::state::use_state;
use crate::ui::widgets::YearSelect;

mod preview;

use preview::Preview;

/// An import read and checked (by the file worker), waiting for the user's decision.
#[derive(Clone)]
enum Pending {
    Backup {
        file: String,
        /// The workspace the preview was computed on.
        base: Workspace,
        preview: BackupPreview,
        incoming: Held,
        merged: Held,
    },
    Csv {
        file: String,
        base: Workspace,
        preview: CsvPreview,
        result: Held,
    },
}

#[component]
#[allow(
    clippy::too_many_lines,
    reason = "reshaped in issue 22 (worker, virtualised grid)"
)]
pub fn ExchangeScreen() -> impl IntoView {
    let state = use_state();
    let saving = crate::ui::state::use_persistence();
    // Everything here (exports, imports, merges) works on the whole workspace.
    state.ensure_complete();
    let lang = state.lang.get_untracked();
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    // The step of the file work under way (read in the worker, or taken in here).
    let working: RwSignal<Option<(String, bool)>> = RwSignal::new(None);
    let message = RwSignal::new(String::new());
    // A backup taken while the stored data is unreadable: not saved until the user puts it in its place.
    let unsaved = RwSignal::new(false);
    let undo = state.import_undo;

    let failed_download = move || {
        message.set(
            lang.pick(
                "Der Browser hat den Download verweigert.",
                "The browser refused the download.",
            )
            .into(),
        )
    };
    let export_backup = move |_| {
        if crate::ui::safety::download_and_note(state) {
            message.set(
                lang.pick("Sicherung heruntergeladen.", "Backup downloaded.")
                    .into(),
            );
        } else {
            failed_download();
        }
    };
    let export_csv = move |all: bool| {
        let year = (!all).then(|| state.year.get_untracked());
        let text = state.data.untracked(|w| csv::export(w, year));
        if download_text(&csv::file_name(year), &text, "text/csv;charset=utf-8") {
            message.set(
                lang.pick("CSV-Datei heruntergeladen.", "CSV file downloaded.")
                    .into(),
            );
        } else {
            failed_download();
        }
    };
    let export_xlsx = move |_| {
        let year = state.year.get_untracked();
        let Some(today) = today_date() else { return };
        match state
            .data
            .untracked(|w| xlsx::workbook(w, year, today, lang))
        {
            Ok(bytes) => {
                if download_bytes(&xlsx::file_name(year), &bytes, XLSX_MIME) {
                    message.set(
                        lang.pick("Excel-Datei heruntergeladen.", "Excel file downloaded.")
                            .into(),
                    );
                } else {
                    failed_download();
                }
            }
            Err(e) => message.set(e),
        }
    };

    // Reads the chosen file and prepares the preview; the input is emptied so that the same file can be chosen
    // again after a correction.
    let choose = move |ev: leptos::ev::Event, is_backup: bool| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        error.set(None);
        message.set(String::new());
        let max_bytes = if is_backup {
            crate::exchange::MAX_BACKUP_BYTES
        } else {
            crate::exchange::MAX_CSV_BYTES
        };
        leptos::task::spawn_local(async move {
            let read = read_chosen_file(&input, max_bytes, lang).await;
            input.set_value("");
            let (file, bytes) = match read {
                Ok(r) => r,
                Err(e) => {
                    error.set(Some(e));
                    return;
                }
            };
            let base = state.data.snapshot();
            let kind = if is_backup { Kind::Backup } else { Kind::Csv };
            working.set(Some((
                crate::exchange::job::Step::Reading.text(lang).to_owned(),
                true,
            )));
            let reply = client::run(kind, lang, bytes, &base, move |step| {
                working.set(Some((step.text(lang).to_owned(), true)));
            })
            .await;
            working.set(None);
            let prepared = match reply {
                Ok(Reply::Backup {
                    preview,
                    incoming,
                    merged,
                }) => Ok(Pending::Backup {
                    file: file.clone(),
                    base,
                    preview,
                    incoming,
                    merged,
                }),
                Ok(Reply::Csv { preview, result }) => Ok(Pending::Csv {
                    file: file.clone(),
                    base,
                    preview,
                    result,
                }),
                // Not asked for here (the comparison's files): never given to this screen.
                Ok(Reply::Member { .. }) => Err(lang
                    .pick(
                        "Die Dateiverarbeitung hat unerwartet geantwortet; es wurde nichts geändert.",
                        "The file processing gave an unexpected answer; nothing was changed.",
                    )
                    .to_owned()),
                Err(Failed::Cancelled) => {
                    message.set(lang.pick("Abgebrochen.", "Cancelled.").into());
                    return;
                }
                Err(Failed::Refused(e)) => Err(tr!(
                    lang,
                    "„{file}“ wurde nicht eingelesen: {e}",
                    "“{file}” was not read: {e}"
                )),
                Err(Failed::Broken(e)) => Err(e),
            };
            match prepared {
                Ok(p) => {
                    pending.set(Some(p));
                    // Screen reader and keyboard users land on the preview that just appeared.
                    request_animation_frame(|| {
                        if let Some(heading) = document()
                            .get_element_by_id("vorschau-titel")
                            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                        {
                            let _ = heading.focus();
                        }
                    });
                }
                Err(e) => {
                    pending.set(None);
                    error.set(Some(e));
                }
            }
        });
    };

    // Takes the previewed result, unless the workspace changed since the preview (another tab, another
    // screen): then the preview would undo that change, so the user is asked to read the file again.
    let take = move |result: Workspace, base: Workspace, done: String| {
        if state.data.untracked(|w| *w != base) {
            pending.set(None);
            error.set(Some(
                lang.pick(
                    "Der Arbeitsbereich hat sich seit der Vorschau geändert. Bitte die Datei noch einmal einlesen.",
                    "The workspace changed since the preview. Please read the file again.",
                )
                .into(),
            ));
            return;
        }
        crate::ui::trace::mark("zs:import-taken");
        undo.set(Some((base, result.clone())));
        state.replace(result);
        pending.set(None);
        crate::ui::trace::mark("zs:import-replaced");
        if saving.store_unreadable() {
            // Nothing is saved over data that could not be read: say so, and offer to put this in its place.
            message.set(
                lang.pick(
                    "Übernommen, aber nicht gespeichert: Die gespeicherten Daten sind nicht lesbar und werden nicht \
                     überschrieben. Nach einem Neuladen wäre das Übernommene weg.",
                    "Taken, but not saved: the stored data cannot be read and is not written over. After a reload \
                     what was taken would be gone.",
                )
                .into(),
            );
            unsaved.set(true);
        } else {
            message.set(done);
        }
    };
    // The chosen result is read back from the worker's parts a year at a time, then taken.
    let accept = move |held: Held, base: Workspace, done: String| {
        working.set(Some((
            lang.pick("Wird übernommen …", "Taking it in …").into(),
            false,
        )));
        leptos::task::spawn_local(async move {
            let result = client::take(held).await;
            working.set(None);
            match result {
                Ok((result, written)) => {
                    saving.expect_written(written);
                    take(result, base, done);
                }
                Err(e) => {
                    pending.set(None);
                    error.set(Some(tr!(
                        lang,
                        "Die Vorschau konnte nicht übernommen werden ({e}). Es wurde nichts geändert; bitte die \
                         Datei noch einmal einlesen.",
                        "The preview could not be taken ({e}). Nothing was changed; please read the file again."
                    )));
                }
            }
        });
    };
    let put_in_place = move |_| {
        saving.start_anew();
        unsaved.set(false);
        message.set(
            lang.pick(
                "Gespeichert. Die unlesbaren Daten bleiben beiseitegelegt und können oben heruntergeladen werden.",
                "Saved. The unreadable data stays kept aside and can be downloaded above.",
            )
            .into(),
        );
    };
    let do_undo = move |_| {
        let Some((before, after)) = undo.get_untracked() else {
            return;
        };
        if state.data.untracked(|w| *w == after) {
            state.replace(before);
            undo.set(None);
            message.set(lang.pick("Rückgängig gemacht.", "Undone.").into());
        }
    };
    // Offered only while nothing changed since the import.
    let can_undo = move || {
        undo.with(|u| {
            u.as_ref()
                .is_some_and(|(_, after)| state.data.all(|w| w == after))
        })
    };

    // The pending preview, shown in the section of its kind.
    let preview = move |backup: bool| {
        pending
            .get()
            .filter(|p| matches!(p, Pending::Backup { .. }) == backup)
            .map(
                |p| view! { <Preview pending=p accept=accept discard=move || pending.set(None) /> },
            )
    };

    view! {
        <h1>{Screen::Exchange.label(lang)}</h1>
        <p class="einleitung">
            {lang.pick(
                "Der Browser speichert Ihre Daten nur auf diesem Rechner, und er kann sie beim Aufräumen löschen. \
                 Laden Sie deshalb regelmäßig eine Sicherung herunter. Werte aus Excel übernehmen Sie als CSV-Datei; \
                 die Jahresbilanz geht als Excel-Datei zurück.",
                "The browser keeps your data on this computer only, and it may delete it when clearing up. Download \
                 a backup regularly. Figures from Excel come in as a CSV file; the annual balance goes back as an \
                 Excel file.",
            )}
        </p>
        <p class="grid-meldung" role="status" aria-live="polite">{move || message.get()}</p>
        <Working working />
        <Show when=move || unsaved.get() && saving.store_unreadable()>
            <div class="knopfleiste links">
                <button type="button" class="haupt" on:click=put_in_place>
                    {lang.pick(
                        "An die Stelle der unlesbaren Daten setzen und speichern",
                        "Put it in place of the unreadable data and save",
                    )}
                </button>
            </div>
        </Show>
        {move || {
            can_undo()
                .then(|| {
                    view! {
                        <div class="meldung meldung-info rueckgaengig" role="status">
                            <p>
                                {lang.pick("Der Import wurde übernommen.", "The import was accepted.")} " "
                                <button type="button" on:click=do_undo>{lang.pick("Import rückgängig machen", "Undo the import")}</button>
                            </p>
                        </div>
                    }
                })
        }}
        {move || {
            error.get()
                .map(|e| {
                    view! {
                        <div class="meldung meldung-fehler" role="alert">
                            <p>{e}</p>
                        </div>
                    }
                })
        }}

        <crate::ui::safety::TeamFile />
        <section class="austausch" aria-labelledby="sicherung-titel">
            <h2 id="sicherung-titel">{lang.pick("Sicherung des Arbeitsbereichs (JSON)", "Backup of the workspace (JSON)")}</h2>
            <p>
                {lang.pick(
                    "Die Sicherung enthält alles: Zielvereinbarungen, eigene Kennzahlen, Werte mit ihrem Verlauf und \
                     Einstellungen. Auf einem anderen Rechner eingelesen, stellt sie den Arbeitsbereich wieder her.",
                    "The backup holds everything: agreements, own indicators, values with their history, and \
                     settings. Read on another computer, it restores the workspace.",
                )}
            </p>
            <div class="werkzeugleiste">
                <button type="button" on:click=export_backup>{lang.pick("Sicherung herunterladen", "Download backup")}</button>
                <label class="datei">
                    {lang.pick("Sicherung einlesen …", "Read a backup …")}
                    <input type="file" accept=".json,application/json" disabled=move || working.get().is_some() on:change=move |ev| choose(ev, true) />
                </label>
            </div>
            {move || preview(true)}
            <crate::ui::safety::ReminderSettings />
        </section>

        <section class="austausch" aria-labelledby="csv-titel">
            <h2 id="csv-titel">{lang.pick("Werte als CSV für Excel", "Figures as CSV for Excel")}</h2>
            <p>
                {lang.pick(
                    "Eine Zeile je Wert: Kennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar. \
                     Monat leer für einen Jahreswert; bei Quoten Zähler und Nenner statt Wert. Excel darf die Datei \
                     bearbeiten und wieder speichern; vor der Übernahme zeigt ein Bericht jede Zeile.",
                    "One line per figure: Kennzahl;Personengruppe;Jahr;Monat;Wert;Zähler;Nenner;Datenstand;Kommentar \
                     (indicator, population, year, month, value, numerator, denominator, as-of date, comment). Month \
                     empty for an annual figure; for quotas numerator and denominator instead of the value. Excel may \
                     edit and save the file; before anything is taken, a report shows every line.",
                )}
            </p>
            <div class="werkzeugleiste">
                <YearSelect />
                <button type="button" on:click=move |_| export_csv(false)>
                    {move || tr!(lang, "Werte {} herunterladen", "Download figures {}", state.year.get())}
                </button>
                <button type="button" on:click=move |_| export_csv(true)>{lang.pick("Alle Werte herunterladen", "Download all figures")}</button>
                <label class="datei">
                    {lang.pick("CSV-Datei einlesen …", "Read a CSV file …")}
                    <input type="file" accept=".csv,.txt,text/csv,text/plain" disabled=move || working.get().is_some() on:change=move |ev| choose(ev, false) />
                </label>
            </div>
            {move || preview(false)}
        </section>

        <section class="austausch" aria-labelledby="xlsx-titel">
            <h2 id="xlsx-titel">{lang.pick("Excel-Arbeitsmappe (XLSX)", "Excel workbook (XLSX)")}</h2>
            <p>
                {lang.pick(
                    "Werte und Jahresbilanz des gewählten Jahres als echte Zahlen, mit deutschen Zahlenformaten.",
                    "Figures and annual balance of the selected year as real numbers, with number formats.",
                )}
            </p>
            <div class="werkzeugleiste">
                <button type="button" on:click=export_xlsx>
                    {move || tr!(lang, "Werte und Bilanz {} als Excel-Datei", "Figures and balance {} as Excel file", state.year.get())}
                </button>
            </div>
        </section>
    }
}

/// The file work under way, with a way to cancel it while the worker reads.
#[component]
fn Working(working: RwSignal<Option<(String, bool)>>) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    move || {
        working.get().map(|(step, cancellable)| {
            view! {
                <div class="meldung meldung-info arbeit" role="status">
                    <p>
                        {step} " "
                        {cancellable.then(|| view! {
                            <button type="button" on:click=move |_| client::cancel()>{lang.pick("Abbrechen", "Cancel")}</button>
                        })}
                    </p>
                </div>
            }
        })
    }
}
