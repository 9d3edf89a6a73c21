//! "Ist-Werte erfassen": months × indicators/populations of the selected year, driven by the keyboard like a
//! spreadsheet (arrows, Tab, Enter, Escape), number input in the UI's language with inline validation, a
//! "Datenstand" for what is entered, paste of a block copied from Excel, and further indicators shown on
//! request. The rules live in `present::grid`.

use leptos::prelude::*;

use crate::domain::indicator::IndicatorCode;
use crate::locale::parse_date_in;
use crate::present::grid::{
    At, Column, Entry, Part, PartsUndo, Period, cell_text, columns, commit, computed_row_label,
    computed_year_text, indicators_for_link, indicators_shown, indicators_to_add, is_block,
    is_computed, parts_replaced, paste, paste_message, period_label, periods, read_block,
    replaced_parts, undo_parts,
};
use crate::present::warnings::YearNotes;
use crate::route::{CellRef, Screen};
use crate::ui::state::{SaveState, use_persistence, use_state};
use crate::ui::widgets::{EmptyState, UndoBanner, YearSelect};

mod cells;
mod grid;

use grid::Grid;

/// What the grid says under its toolbar: a text, or that a commit was taken, in which case it reports how the
/// save really went.
#[derive(Clone, Debug, PartialEq)]
enum Said {
    Text(String),
    Recorded,
    Removed,
}

fn cell_id(row: usize, col: usize) -> String {
    format!("zelle-{row}-{col}")
}

#[component]
#[allow(
    clippy::too_many_lines,
    reason = "reshaped in issue 22 (worker, virtualised grid)"
)]
pub fn ValuesScreen(
    /// A cell to open the grid at (a link from a missing figure): its year, its indicator shown, its input
    /// focused.
    #[prop(optional)]
    focus: Option<CellRef>,
) -> impl IntoView {
    let state = use_state();
    let saving = use_persistence();
    let lang = state.lang.get_untracked();
    // Indicators the user asked to show although the year has neither a target nor a value for them yet.
    let extra: RwSignal<Vec<IndicatorCode>> = RwSignal::new(Vec::new());
    let focus = StoredValue::new(focus);
    if let Some(cell) = focus.get_value() {
        state.year.set(cell.year);
        extra.set(
            state
                .data
                .untracked(|w| indicators_for_link(w, cell.year, &cell.indicator)),
        );
    }
    // The columns follow the agreements and which indicators have values in the year: not a value's number.
    let cols = Memo::new(move |_| {
        let year = state.year.get();
        extra.with(|x| state.data.for_year(year, |w| columns(w, year, x, lang)))
    });
    let addable = Memo::new(move |_| {
        let year = state.year.get();
        extra.with(|x| {
            state.data.for_year(year, |w| {
                indicators_to_add(w, &indicators_shown(w, year, x), lang)
            })
        })
    });
    let as_of_text = state.entry_as_of;
    let message = RwSignal::new(Said::Text(String::new()));
    // The undo of numerator and denominator that a typed rate replaced (issue 20): offered until the next entry.
    let undo: RwSignal<Option<(String, PartsUndo)>> = RwSignal::new(None);
    let do_undo = move || {
        let Some((_, what)) = undo.get_untracked() else {
            return;
        };
        let outcome = state.change_values(|w| undo_parts(w, &what, lang));
        message.set(Said::Text(match outcome {
            Ok(()) => lang.pick("Rückgängig gemacht.", "Undone.").to_owned(),
            Err(e) => e,
        }));
        undo.set(None);
    };
    let as_of_error = Memo::new(move |_| {
        let t = as_of_text.get();
        if t.trim().is_empty() {
            None
        } else {
            parse_date_in(&t, lang).err().map(|e| e.message(lang))
        }
    });
    let on_add = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if !code.is_empty() {
            extra.update(|x| x.push(IndicatorCode(code)));
        }
    };

    view! {
        <h1>{Screen::Values.label(lang)}</h1>
        <div class="werkzeugleiste">
            <YearSelect any_year=true />
            <label for="datenstand">{lang.pick("Datenstand der Eingaben", "Data as of (for entries)")}</label>
            <input
                id="datenstand"
                type="text"
                class="datum"
                placeholder=lang.pick("TT.MM.JJJJ", "DD/MM/YYYY")
                aria-describedby="datenstand-fehler"
                prop:value=move || as_of_text.get()
                on:change=move |ev| as_of_text.set(event_target_value(&ev))
                aria-invalid=move || as_of_error.get().map(|_| "true")
            />
            <span id="datenstand-fehler" class="feldfehler">{move || as_of_error.get().unwrap_or_default()}</span>
            <label for="kennzahl-einblenden">{lang.pick("Kennzahl einblenden", "Show indicator")}</label>
            <select id="kennzahl-einblenden" on:change=on_add prop:value="">
                <option value="">{lang.pick("– auswählen –", "– choose –")}</option>
                {move || {
                    addable
                        .get()
                        .into_iter()
                        .map(|(code, name)| view! { <option value=code.0>{name}</option> })
                        .collect_view()
                }}
            </select>
        </div>
        <p class="hilfe">
            {lang.pick(
                "Pfeiltasten wechseln die Zelle, Eingabetaste übernimmt und geht eine Zeile tiefer, Tab geht zur \
                 nächsten Spalte, Esc verwirft die Eingabe. Ein in Excel kopierter Block wird ab der gewählten Zelle \
                 eingefügt. Zahlen wie 1.234,5; ein geleertes Feld löscht den Wert. Die Spalten ergeben sich aus den \
                 Zielen des Jahres und den schon erfassten Werten; weitere Kennzahlen (etwa die Bezugsgröße einer \
                 Quote) blenden Sie über „Kennzahl einblenden“ ein.",
                "Arrow keys move between cells, Enter commits and moves one row down, Tab goes to the next column, \
                 Esc discards the entry. A block copied in Excel is pasted from the chosen cell. Numbers like \
                 1,234.5; an emptied cell deletes the value. The columns come from the year's targets and the values \
                 already entered; show further indicators (such as the base of a rate) with “Show indicator”.",
            )}
        </p>
        <p class="hilfe">
            {lang.pick(
                "Quoten: Zähler und Nenner eintragen – daneben steht die Quote, die sich ergibt (bei Quoten wie der \
                 Integrationsquote aufs Jahr gerechnet) –, oder eine veröffentlichte Quote direkt in „Quote in %“. Ein \
                 Jahreswert geht den Monatswerten vor; weichen zwölf Monate von ihm ab, steht das unter der Tabelle.",
                "Rates: enter numerator and denominator – the resulting rate shows beside them (for rates such as the \
                 integration rate at the year's pace) – or type a published rate straight into “rate in %”. An annual \
                 figure takes precedence over the months; where twelve months differ from it, it says so below the \
                 table.",
            )}
        </p>
        <p class="grid-meldung" role="status" aria-live="polite">
            {move || {
                // After a commit the message says how the save really went, not that it was meant to.
                match (message.get(), saving.save_state()) {
                    (Said::Text(text), _) => text,
                    (_, SaveState::Pending) => lang.pick("Wird gespeichert …", "Saving …").to_owned(),
                    (_, SaveState::NotSaved) => lang
                        .pick(
                            "Übernommen, aber nicht gespeichert – siehe den Hinweis oben.",
                            "Taken, but not saved – see the notice above.",
                        )
                        .to_owned(),
                    (Said::Recorded, SaveState::Saved) => lang.pick("Gespeichert.", "Saved.").to_owned(),
                    (Said::Removed, SaveState::Saved) => {
                        lang.pick("Wert gelöscht.", "Value deleted.").to_owned()
                    }
                }
            }}
        </p>
        <UndoBanner text=Signal::derive(move || undo.get().map(|(text, _)| text)) on_undo=do_undo />
        {move || {
            let columns = cols.get();
            if columns.is_empty() {
                return view! {
                    <EmptyState
                        screen=Screen::Values
                        extra=lang.pick(
                            "Für das gewählte Jahr gibt es weder Ziele noch Werte, aus denen sich die Spalten ergeben; \
                             wählen Sie eine Kennzahl unter „Kennzahl einblenden“.",
                            "The selected year has neither targets nor values that give the columns; choose an \
                             indicator under “Show indicator”.",
                        )
                    />
                }
                .into_any();
            }
            let year = state.year.get();
            view! { <Grid year=year columns=columns as_of_text=as_of_text message=message undo=undo focus=focus.get_value() /> }.into_any()
        }}
        <YearNotes />
    }
}

/// The notes on the year's values under the grid: parts that do not add up, twelve months beside an annual
/// value they do not give, implausible figures.
#[component]
fn YearNotes() -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    // Kept per indicator between edits: a typed value works out the notes of its indicator again, not the year's.
    let kept = StoredValue::new(YearNotes::default());
    let notes = Memo::new(move |_| {
        let year = state.year.get();
        state.data.for_year(year, |w| {
            let catalogue = w.catalogue();
            kept.try_update_value(|kept| kept.notes(w, &catalogue, year, lang))
                .unwrap_or_default()
        })
    });
    // The section stays while there are notes, and each note is a keyed item: a typed value that changes one
    // note rewrites that item, not the section (which would lay out the whole page of a large grid anew). The first
    // ten are shown; the rest (a year of a large workspace has hundreds) wait behind "weitere Hinweise", where they
    // are neither read through by a screen reader nor laid out by the browser on every value typed.
    let any = Memo::new(move |_| notes.with(|n| !n.is_empty()));
    let first =
        Memo::new(move |_| notes.with(|n| n.iter().take(NOTES_SHOWN).cloned().collect::<Vec<_>>()));
    let more =
        Memo::new(move |_| notes.with(|n| n.iter().skip(NOTES_SHOWN).cloned().collect::<Vec<_>>()));
    view! {
        <Show when=move || any.get()>
            <section class="hinweise" aria-labelledby="werte-hinweise-titel">
                <h2 id="werte-hinweise-titel">
                    {move || crate::tr!(lang, "Hinweise zu den Werten {}", "Notes on the figures of {}", state.year.get())}
                </h2>
                {note_list(first)}
                <Show when=move || more.with(|m| !m.is_empty())>
                    <details class="weitere-hinweise">
                        <summary>{move || crate::present::warnings::more_notes(more.with(Vec::len), lang)}</summary>
                        {note_list(more)}
                    </details>
                </Show>
            </section>
        </Show>
    }
}

/// The notes under the grid shown before "weitere Hinweise".
const NOTES_SHOWN: usize = 10;

/// A list of notes, each a keyed item (one list for both parts).
fn note_list(notes: Memo<Vec<String>>) -> AnyView {
    view! {
        <ul>
            <For each=move || notes.get() key=|note| note.clone() let:note>
                <li>{note}</li>
            </For>
        </ul>
    }
    .into_any()
}
