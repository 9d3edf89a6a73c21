//! "Ist-Werte erfassen": months × indicators/populations of the selected year, driven by the keyboard like a
//! spreadsheet (arrows, Tab, Enter, Escape), number input in the UI's language with inline validation, a
//! "Datenstand" for what is entered, paste of a block copied from Excel, and further indicators shown on
//! request. The rules live in `present::grid`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::attainment::value_warnings;
use crate::domain::indicator::IndicatorCode;
use crate::locale::{Lang, month_name, parse_date_in};
use crate::present::grid::{
    Column, Entry, Part, Period, apply, cell_text, columns, indicators_shown, indicators_to_add,
    is_block, is_computed, periods, read_block,
};
use crate::route::{CellRef, Screen};
use crate::tr;
use crate::ui::state::{AppState, SaveState, use_state};
use crate::ui::widgets::{EmptyState, YearSelect};

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

fn input(row: usize, col: usize) -> Option<web_sys::HtmlInputElement> {
    document()
        .get_element_by_id(&cell_id(row, col))?
        .dyn_into()
        .ok()
}

fn period_label(period: Period, lang: Lang) -> String {
    match period {
        Some(m) => month_name(m, lang).to_owned(),
        None => lang.pick("Jahreswert", "Annual figure").to_owned(),
    }
}

/// Applies the text of cell (row, col) to the workspace; returns a message when it was rejected.
fn commit(
    state: AppState,
    cols: &[Column],
    as_of_text: &str,
    row: usize,
    col: usize,
) -> Result<Entry, String> {
    let (Some(column), Some(period), Some(field)) =
        (cols.get(col), periods().get(row).copied(), input(row, col))
    else {
        return Ok(Entry::Unchanged);
    };
    let text = field.value();
    let other = match column.part {
        Part::Numerator => input(row, col + 1).map(|i| i.value()),
        Part::Denominator => col
            .checked_sub(1)
            .and_then(|c| input(row, c))
            .map(|i| i.value()),
        Part::Number | Part::Rate => None,
    };
    let lang = state.lang.get_untracked();
    let place = format!(
        "{}, {} {}",
        period_label(period, lang),
        column.indicator_name,
        column.label
    );
    let as_of = match as_of_text.trim() {
        "" => None,
        t => Some(parse_date_in(t, lang).map_err(|e| {
            format!(
                "{}: {}",
                lang.pick("Datenstand", "Data as of"),
                e.message(lang)
            )
        })?),
    };
    let year = state.year.get_untracked();
    let result = state
        .workspace
        .try_update_untracked(|w| {
            apply(
                w,
                year,
                column,
                period,
                &text,
                other.as_deref(),
                as_of,
                lang,
            )
        })
        .unwrap_or(Ok(Entry::Unchanged));
    match &result {
        Ok(Entry::Recorded(_) | Entry::Removed) => {
            state.workspace.notify();
            let _ = field.remove_attribute("aria-invalid");
        }
        Ok(_) => {
            let _ = field.remove_attribute("aria-invalid");
        }
        Err(_) => {
            let _ = field.set_attribute("aria-invalid", "true");
        }
    }
    result.map_err(|e| format!("{place}: {e}"))
}

#[component]
pub fn ValuesScreen(
    /// A cell to open the grid at (a link from a missing figure): its year, its indicator shown, its input
    /// focused.
    #[prop(optional)]
    focus: Option<CellRef>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    // Indicators the user asked to show although the year has neither a target nor a value for them yet.
    let extra: RwSignal<Vec<IndicatorCode>> = RwSignal::new(Vec::new());
    let focus = StoredValue::new(focus);
    if let Some(cell) = focus.get_value() {
        state.year.set(cell.year);
        extra.set(vec![cell.indicator.clone()]);
    }
    let cols = Memo::new(move |_| {
        extra.with(|x| {
            state
                .workspace
                .with(|w| columns(w, state.year.get(), x, lang))
        })
    });
    let addable = Memo::new(move |_| {
        extra.with(|x| {
            state
                .workspace
                .with(|w| indicators_to_add(w, &indicators_shown(w, state.year.get(), x), lang))
        })
    });
    let as_of_text = state.entry_as_of;
    let message = RwSignal::new(Said::Text(String::new()));
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
                match (message.get(), state.save_state.get()) {
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
            view! { <Grid columns=columns as_of_text=as_of_text message=message focus=focus.get_value() /> }.into_any()
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
    let notes = Memo::new(move |_| {
        let year = state.year.get();
        state.workspace.with(|w| {
            let catalogue = w.catalogue();
            value_warnings(w, &catalogue, year)
                .iter()
                .map(|warning| crate::present::warnings::text(warning, &catalogue, lang))
                .collect::<Vec<_>>()
        })
    });
    move || {
        let notes = notes.get();
        (!notes.is_empty()).then(|| {
            view! {
                <section class="hinweise" aria-labelledby="werte-hinweise-titel">
                    <h2 id="werte-hinweise-titel">
                        {move || crate::tr!(lang, "Hinweise zu den Werten {}", "Notes on the figures of {}", state.year.get())}
                    </h2>
                    <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </section>
            }
        })
    }
}
