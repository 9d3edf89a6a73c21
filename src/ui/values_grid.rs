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

#[component]
fn Grid(
    columns: Vec<Column>,
    as_of_text: RwSignal<String>,
    message: RwSignal<Said>,
    focus: Option<CellRef>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let rows = periods();
    let n_rows = rows.len();
    let n_cols = columns.len();
    let cols = StoredValue::new(columns.clone());
    // The linked cell: the number, or for a quota its rate, of that indicator and population in that period.
    if let Some(cell) = focus {
        let row = cell.month.map_or(12, |m| m.index());
        let col = columns.iter().position(|c| {
            c.indicator == cell.indicator
                && c.population == cell.population
                && matches!(c.part, Part::Number | Part::Rate)
        });
        if let Some(col) = col {
            request_animation_frame(move || {
                if let Some(field) = input(row, col) {
                    let _ = field.focus();
                    field.select();
                }
            });
        }
    }

    // Header: indicator names spanning their columns, then the populations / parts.
    let mut groups: Vec<(String, usize)> = Vec::new();
    for c in &columns {
        match groups.last_mut() {
            Some((name, span)) if *name == c.indicator_name => *span += 1,
            _ => groups.push((c.indicator_name.clone(), 1)),
        }
    }

    let report = move |result: Result<Entry, String>| match result {
        Err(e) => message.set(Said::Text(e)),
        Ok(Entry::WaitingForOtherPart) => message.set(Said::Text(
            lang.pick(
                "Quote: der andere Teil (Zähler oder Nenner) fehlt noch.",
                "Rate: the other part (numerator or denominator) is still missing.",
            )
            .into(),
        )),
        Ok(Entry::Recorded(_)) => message.set(Said::Recorded),
        Ok(Entry::Removed) => message.set(Said::Removed),
        Ok(Entry::Unchanged) => {}
    };

    let on_keydown = move |row: usize, col: usize, ev: leptos::ev::KeyboardEvent| {
        let Some(field) = input(row, col) else { return };
        let caret_at_start = field.selection_start().ok().flatten() == Some(0);
        let caret_at_end = field.selection_end().ok().flatten()
            == Some(field.value().encode_utf16().count() as u32);
        let target = match ev.key().as_str() {
            "Enter" => {
                ev.prevent_default();
                report(
                    cols.with_value(|c| commit(state, c, &as_of_text.get_untracked(), row, col)),
                );
                Some((row + 1, col))
            }
            "ArrowDown" => Some((row + 1, col)),
            "ArrowUp" => row.checked_sub(1).map(|r| (r, col)),
            "ArrowLeft" if caret_at_start => col.checked_sub(1).map(|c| (row, c)),
            "ArrowRight" if caret_at_end => Some((row, col + 1)),
            "Escape" => {
                let stored = cols.with_value(|c| {
                    c.get(col).map(|column| {
                        state.workspace.with_untracked(|w| {
                            cell_text(w, state.year.get_untracked(), column, periods()[row], lang)
                        })
                    })
                });
                field.set_value(&stored.unwrap_or_default());
                let _ = field.remove_attribute("aria-invalid");
                message.set(Said::Text(
                    lang.pick("Eingabe verworfen.", "Entry discarded.").into(),
                ));
                None
            }
            _ => None,
        };
        if let Some((r, c)) = target.filter(|(r, c)| *r < n_rows && *c < n_cols) {
            if ev.key() != "Enter" {
                ev.prevent_default();
            }
            if let Some(next) = input(r, c) {
                let _ = next.focus();
                next.select();
            }
        }
    };

    let on_paste = move |row: usize, col: usize, ev: leptos::ev::ClipboardEvent| {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        if !is_block(&text) {
            return;
        }
        ev.prevent_default();
        // Only the cells that land in the grid are read; the rest is counted and said.
        let block = read_block(&text, n_rows - row, n_cols - col);
        let outside = block.outside;
        let mut placed = Vec::new();
        for (dr, line) in block.cells.iter().enumerate() {
            for (dc, cell) in line.iter().enumerate() {
                if let Some(field) = input(row + dr, col + dc) {
                    field.set_value(cell);
                    placed.push((row + dr, col + dc));
                }
            }
        }
        let mut errors = Vec::new();
        let mut stored = 0;
        for (r, c) in placed {
            match cols.with_value(|cs| commit(state, cs, &as_of_text.get_untracked(), r, c)) {
                Ok(Entry::Recorded(_) | Entry::Removed) => stored += 1,
                Ok(_) => {}
                Err(e) => errors.push(e),
            }
        }
        let stored = crate::locale::format_count(stored as f64, lang);
        let mut text = tr!(
            lang,
            "Eingefügt: {stored} Werte übernommen",
            "Pasted: {stored} values taken over"
        );
        if !errors.is_empty() {
            let rejected = lang.pick("abgelehnt", "rejected");
            text.push_str(&format!(
                ", {} {rejected} – {}",
                errors.len(),
                errors.join(" · ")
            ));
        }
        if outside > 0 {
            let outside = crate::locale::format_count(outside as f64, lang);
            text.push_str(&tr!(
                lang,
                ", {outside} Zellen lagen außerhalb der Tabelle",
                ", {outside} cells lay outside the table"
            ));
        }
        message.set(Said::Text(format!("{text}.")));
    };

    view! {
        <div class="tabelle-rahmen">
            <table class="raster">
                <caption class="sr-only">
                    {lang.pick(
                        "Ist-Werte nach Monat, Kennzahl und Personengruppe",
                        "Actual figures by month, indicator and population",
                    )}
                </caption>
                <thead>
                    <tr>
                        <td></td>
                        {groups
                            .into_iter()
                            .map(|(name, span)| view! { <th scope="colgroup" colspan=span>{name}</th> })
                            .collect_view()}
                    </tr>
                    <tr>
                        <th scope="col">{lang.pick("Monat", "Month")}</th>
                        {columns.iter().map(|c| view! { <th scope="col">{c.label.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .enumerate()
                        .map(|(r, period)| {
                            view! {
                                <tr class:jahreszeile=period.is_none()>
                                    <th scope="row">{period_label(period, lang)}</th>
                                    {columns
                                        .iter()
                                        .enumerate()
                                        .map(|(c, column)| {
                                            let column = column.clone();
                                            let label = format!(
                                                "{} {}, {}",
                                                column.indicator_name,
                                                column.label,
                                                period_label(period, lang),
                                            );
                                            // A memo per cell: a change of one value rewrites only the inputs whose
                                            // text changed, not all of them (a large year has ~2,000 cells).
                                            let computed_column = column.clone();
                                            let value = Memo::new(move |_| {
                                                state
                                                    .workspace
                                                    .with(|w| cell_text(w, state.year.get(), &column, period, lang))
                                            });
                                            // A rate computed from numerator and denominator looks different from a
                                            // typed one (and says so to screen readers).
                                            let computed = (computed_column.part == Part::Rate).then(|| {
                                                Memo::new(move |_| {
                                                    state.workspace.with(|w| {
                                                        is_computed(w, state.year.get(), &computed_column, period)
                                                    })
                                                })
                                            });
                                            let computed_title = move || {
                                                computed.and_then(|c| c.get().then(|| {
                                                    lang.pick(
                                                        "aus Zähler und Nenner berechnet",
                                                        "computed from numerator and denominator",
                                                    )
                                                }))
                                            };
                                            view! {
                                                <td>
                                                    <input
                                                        type="text"
                                                        inputmode="decimal"
                                                        autocomplete="off"
                                                        class="zelle"
                                                        class:berechnet=move || computed.is_some_and(|c| c.get())
                                                        title=computed_title
                                                        id=cell_id(r, c)
                                                        aria-label=label
                                                        prop:value=value
                                                        on:keydown=move |ev| on_keydown(r, c, ev)
                                                        on:change=move |_| {
                                                            report(cols.with_value(|cs| commit(state, cs, &as_of_text.get_untracked(), r, c)))
                                                        }
                                                        on:paste=move |ev| on_paste(r, c, ev)
                                                    />
                                                </td>
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
