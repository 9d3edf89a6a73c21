//! The preview of a read file: what accepting it would do, line by line, with accept and discard.

use super::*;

/// The preview of a read file: what accepting would do, with the buttons to accept or discard.
#[component]
pub(super) fn Preview(
    pending: Pending,
    accept: impl Fn(Held, Workspace, String) + Copy + Send + Sync + 'static,
    discard: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    match pending {
        Pending::Backup {
            file,
            base,
            preview,
            incoming,
            merged,
        } => view! { <BackupPreviewView file base preview incoming merged accept discard /> }
            .into_any(),
        Pending::Csv {
            file,
            base,
            preview,
            result,
        } => {
            let heading = tr!(lang, "Importbericht: „{file}“", "Import report: “{file}”");
            let CsvPreview {
                summary,
                changes,
                lines,
                more,
            } = preview;
            let rows = lines
                .into_iter()
                .map(|l| {
                    view! {
                        <tr class:abgelehnt=l.rejected>
                            <td class="zahl">{l.number}</td>
                            <td>{l.what}</td>
                            <td>{l.result}</td>
                        </tr>
                    }
                })
                .collect_view();
            let done = lang
                .pick("CSV-Werte übernommen.", "CSV figures accepted.")
                .to_owned();
            view! {
                <div class="vorschau" role="region" aria-labelledby="vorschau-titel">
                    <h3 id="vorschau-titel" tabindex="-1">{heading}</h3>
                    <p class="zusammenfassung">{summary}</p>
                    <div class="tabelle-rahmen">
                        <table class="importbericht">
                            <caption>{lang.pick("Zeilen der Datei (abgelehnte zuerst)", "Lines of the file (rejected first)")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{lang.pick("Zeile", "Line")}</th>
                                    <th scope="col">{lang.pick("Wert", "Figure")}</th>
                                    <th scope="col">{lang.pick("Ergebnis", "Result")}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {(more > 0)
                        .then(|| {
                            view! {
                                <p>
                                    {tr!(lang, "… und {} weitere Zeilen.", "… and {} more lines.", format_count(more as f64, lang))}
                                </p>
                            }
                        })}
                    <div class="werkzeugleiste">
                        <button
                            type="button"
                            class="haupt"
                            disabled=!changes
                            on:click=move |_| accept(result, base.clone(), done.clone())
                        >
                            {lang.pick("Übernehmen", "Accept")}
                        </button>
                        <button type="button" on:click=move |_| discard()>{lang.pick("Verwerfen", "Discard")}</button>
                    </div>
                    {(!changes)
                        .then(|| {
                            view! {
                                <p>{lang.pick("Die Datei ändert nichts am Arbeitsbereich.", "The file changes nothing in the workspace.")}</p>
                            }
                        })}
                </div>
            }
            .into_any()
        }
    }
}

/// The preview of a backup: what it holds, how it stands to this workspace, and the choices in that order.
#[component]
fn BackupPreviewView(
    file: String,
    base: Workspace,
    preview: BackupPreview,
    incoming: Held,
    merged: Held,
    accept: impl Fn(Held, Workspace, String) + Copy + Send + Sync + 'static,
    discard: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    let heading = tr!(
        lang,
        "Vorschau: Sicherung „{file}“",
        "Preview: backup “{file}”"
    );
    let BackupPreview {
        described,
        merge_first,
        can_merge,
        warning,
        example_note,
        counts,
        conflicts,
    } = preview;
    let replaced_note = lang.pick(
        "Ersetzen: Der ganze Arbeitsbereich wird durch die Sicherung ersetzt. „Import rückgängig machen“ holt \
         ihn zurück, solange Sie nichts weiter ändern.",
        "Replace: the whole workspace is replaced by the backup. “Undo the import” brings it back as long as \
         you change nothing else.",
    );
    let (base_m, base_r) = (base.clone(), base);
    let merge_button = move |first: bool| {
        let (base, done) = (base_m.clone(), done_merge_text(lang));
        view! {
            <button type="button" class:haupt=first on:click=move |_| accept(merged, base.clone(), done.clone())>
                {if first {
                    lang.pick("Zusammenführen", "Merge")
                } else {
                    lang.pick("Trotzdem zusammenführen", "Merge anyway")
                }}
            </button>
        }
    };
    let done_replace = lang
        .pick(
            "Arbeitsbereich aus der Sicherung wiederhergestellt.",
            "Workspace restored from the backup.",
        )
        .to_owned();
    view! {
        <div class="vorschau" role="region" aria-labelledby="vorschau-titel">
            <h3 id="vorschau-titel" tabindex="-1">{heading}</h3>
            {warning.map(|w| view! { <p class="meldung meldung-warnung fremd">{w}</p> })}
            <p>{described}</p>
            {example_note.map(|n| view! { <p class="beispiel-ersetzen">{n}</p> })}
            {counts.map(|c| view! { <p>{c}</p> })}
            {(!conflicts.is_empty())
                .then(|| {
                    view! {
                        <h4>{lang.pick("Unterschiede", "Differences")}</h4>
                        <ul class="konflikte">
                            {conflicts.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                        </ul>
                    }
                })}
            <p>{replaced_note}</p>
            <div class="werkzeugleiste">
                {merge_first.then(|| merge_button(true))}
                <button type="button" class:haupt=!merge_first on:click=move |_| accept(incoming, base_r.clone(), done_replace.clone())>
                    {lang.pick("Arbeitsbereich ersetzen", "Replace workspace")}
                </button>
                <button type="button" on:click=move |_| discard()>{lang.pick("Verwerfen", "Discard")}</button>
                {(can_merge && !merge_first).then(|| merge_button(false))}
            </div>
        </div>
    }
}

fn done_merge_text(lang: crate::locale::Lang) -> String {
    lang.pick("Sicherung zusammengeführt.", "Backup merged.")
        .to_owned()
}
