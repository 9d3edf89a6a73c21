//! The comparison out of the app: printed (A4 landscape, the controls left out, what is shown said in a heading),
//! and as XLSX and CSV with the table's columns, in the order the table is sorted.

use leptos::prelude::*;

use super::Comparison;
use crate::domain::agreement::Subject;
use crate::exchange::comparison;
use crate::present::comparison::Table;
use crate::present::comparison::texts::heading;
use crate::ui::clock::today_date;
use crate::ui::download::{XLSX_MIME, download_bytes, download_text};

/// What the comparison shows, in words: the print's heading and the files' title; `None` before a year is known.
fn title(c: Comparison, selected: Memo<Option<(Subject, String)>>) -> Option<String> {
    let year = c.year.get()?;
    let figure = selected.get().map(|(_, name)| name);
    Some(heading(
        year,
        figure.as_deref(),
        c.only.get().as_ref(),
        c.lang,
    ))
}

#[component]
pub fn Output(
    c: Comparison,
    selected: Memo<Option<(Subject, String)>>,
    table: Memo<Option<Table>>,
) -> impl IntoView {
    let lang = c.lang;
    let print = move |_| {
        // Printing can only fail in a browser without a print dialog; there is nothing to do then.
        let _ = window().print();
    };
    // The file of the table as shown (its sorting too), or a sentence why there is none.
    let save = move |xlsx: bool| {
        let (Some(year), Some(title), Some(table)) = (
            c.year.get_untracked(),
            untrack(|| title(c, selected)),
            table.get_untracked(),
        ) else {
            return;
        };
        let offered = if xlsx {
            let Some(created) = today_date() else {
                return;
            };
            match comparison::workbook(&table, &title, created, lang) {
                Ok(bytes) => {
                    download_bytes(&comparison::file_name(year, "xlsx"), &bytes, XLSX_MIME)
                }
                Err(e) => {
                    c.message.set(e);
                    return;
                }
            }
        } else {
            let text = comparison::csv(&table, &title, lang);
            download_text(
                &comparison::file_name(year, "csv"),
                &text,
                "text/csv;charset=utf-8",
            )
        };
        if !offered {
            c.message.set(
                lang.pick(
                    "Der Browser hat den Download abgelehnt.",
                    "The browser refused the download.",
                )
                .into(),
            );
        }
    };
    view! {
        <p class="nur-druck vergleich-titel">{move || title(c, selected)}</p>
        <div class="werkzeugleiste nur-bildschirm" role="group" aria-label=lang.pick("Ausgabe", "Output")>
            <button type="button" on:click=print>{lang.pick("Vergleich drucken", "Print comparison")}</button>
            <button type="button" on:click=move |_| save(true)>{lang.pick("Als Excel-Datei (XLSX)", "As Excel file (XLSX)")}</button>
            <button type="button" on:click=move |_| save(false)>{lang.pick("Als CSV-Datei", "As CSV file")}</button>
        </div>
    }
}
