//! The grid itself: one input per month and column, the keyboard (arrows, Tab, Enter, Escape), commits, and a
//! pasted block. The grid owns its model: per cell the text typed since the last commit (a draft), a text shown
//! instead of the stored one (a rejected entry), and whether it is invalid; committing and pasting are the pure
//! functions of `present::grid` over that model. The DOM is only written through bindings, and read only for the
//! caret; `NodeRef`s serve to move the focus.

use leptos::html::Input;

use super::*;
use crate::core::calendar::Year;

/// One cell's model.
#[derive(Clone, Copy)]
struct Cell {
    /// What was typed since the last commit; `None`: nothing (the cell shows what is stored).
    typed: StoredValue<Option<String>>,
    /// A text shown instead of the stored one (a rejected entry stays visible to be corrected).
    shown: RwSignal<Option<String>>,
    invalid: RwSignal<bool>,
    node: NodeRef<Input>,
}

impl Cell {
    fn new() -> Cell {
        Cell {
            typed: StoredValue::new(None),
            shown: RwSignal::new(None),
            invalid: RwSignal::new(false),
            node: NodeRef::new(),
        }
    }
    /// Back to what is stored (after a commit that was taken, or Escape).
    fn settle(&self) {
        self.typed.set_value(None);
        self.invalid.set(false);
        // Set even when it was `None`: the input then shows the stored text again, not what was typed.
        self.shown.set(None);
    }
    /// Keeps a rejected text visible and marked.
    fn reject(&self, text: String) {
        self.typed.set_value(Some(text.clone()));
        self.shown.set(Some(text));
        self.invalid.set(true);
    }
    /// Keeps a text visible that waits for more (a quota's part without the other one), unmarked.
    fn keep(&self, text: String) {
        self.typed.set_value(Some(text.clone()));
        self.shown.set(Some(text));
        self.invalid.set(false);
    }
    fn focus(&self) {
        if let Some(field) = self.node.get_untracked() {
            let _ = field.focus();
            field.select();
        }
    }
}

#[component]
#[allow(
    clippy::too_many_lines,
    reason = "reshaped in issue 22 (worker, virtualised grid)"
)]
pub(super) fn Grid(
    year: Year,
    columns: Vec<Column>,
    as_of_text: RwSignal<String>,
    message: RwSignal<Said>,
    undo: RwSignal<Option<(String, PartsUndo)>>,
    focus: Option<CellRef>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let rows = periods();
    let n_rows = rows.len();
    let n_cols = columns.len();
    let cols = StoredValue::new(columns.clone());
    let cells: StoredValue<Vec<Vec<Cell>>> = StoredValue::new(
        (0..n_rows)
            .map(|_| (0..n_cols).map(|_| Cell::new()).collect())
            .collect(),
    );
    let cell =
        move |(r, c): At| cells.with_value(|all| all.get(r).and_then(|row| row.get(c)).copied());
    // The linked cell: the number, or for a quota its rate, of that indicator and population in that period.
    if let Some(link) = focus {
        let row = link.month.map_or(12, |m| m.index());
        let col = columns.iter().position(|c| {
            c.indicator == link.indicator
                && c.population == link.population
                && matches!(c.part, Part::Number | Part::Rate)
        });
        if let Some(target) = col.and_then(|c| cell((row, c))) {
            request_animation_frame(move || target.focus());
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

    let as_of = move || -> Result<Option<crate::core::calendar::Date>, String> {
        match as_of_text.get_untracked().trim() {
            "" => Ok(None),
            t => parse_date_in(t, lang).map(Some).map_err(|e| {
                format!(
                    "{}: {}",
                    lang.pick("Datenstand", "Data as of"),
                    e.message(lang)
                )
            }),
        }
    };
    let typed_at = move |at: At| cell(at).and_then(|c| c.typed.get_value());

    // Commits what was typed into a cell (nothing typed: nothing to do) and says how it went.
    let commit_cell = move |at: At| {
        let Some(this) = cell(at) else { return };
        let Some(text) = this.typed.get_value() else {
            return;
        };
        crate::ui::trace::begin("zs:commit");
        let result = as_of().and_then(|date| {
            cols.with_value(|columns| {
                state.change_values(|w| commit(w, year, columns, at, &text, &typed_at, date, lang))
            })
        });
        crate::ui::trace::mark("zs:committed");
        // An undo offered before refers to an earlier state; a new one only where this commit replaced parts.
        let replaced = match &result {
            Ok(Entry::PartsReplaced { before }) => vec![(at, (**before).clone())],
            _ => Vec::new(),
        };
        undo.set(cols.with_value(|columns| {
            state
                .data
                .untracked(|w| parts_replaced(w, columns, &replaced, lang))
        }));
        match result {
            Err(e) => {
                this.reject(text);
                message.set(Said::Text(e));
            }
            Ok(Entry::WaitingForOtherPart) => message.set(Said::Text(
                lang.pick(
                    "Quote: der andere Teil (Zähler oder Nenner) fehlt noch.",
                    "Rate: the other part (numerator or denominator) is still missing.",
                )
                .into(),
            )),
            Ok(entry) => {
                this.settle();
                match entry {
                    Entry::Recorded(_) | Entry::PartsReplaced { .. } => message.set(Said::Recorded),
                    Entry::Removed => message.set(Said::Removed),
                    _ => {}
                }
            }
        }
    };

    let on_keydown = move |at: At, ev: leptos::ev::KeyboardEvent| {
        let (row, col) = at;
        let Some(this) = cell(at) else { return };
        let (caret_at_start, caret_at_end) = this.node.get_untracked().map_or((true, true), |f| {
            (
                f.selection_start().ok().flatten() == Some(0),
                f.selection_end().ok().flatten() == Some(f.value().encode_utf16().count() as u32),
            )
        });
        let target = match ev.key().as_str() {
            "Enter" => {
                ev.prevent_default();
                commit_cell(at);
                Some((row + 1, col))
            }
            "ArrowDown" => Some((row + 1, col)),
            "ArrowUp" => row.checked_sub(1).map(|r| (r, col)),
            "ArrowLeft" if caret_at_start => col.checked_sub(1).map(|c| (row, c)),
            "ArrowRight" if caret_at_end => Some((row, col + 1)),
            "Escape" => {
                this.settle();
                message.set(Said::Text(
                    lang.pick("Eingabe verworfen.", "Entry discarded.").into(),
                ));
                None
            }
            _ => None,
        };
        if let Some(next) = target
            .filter(|(r, c)| *r < n_rows && *c < n_cols)
            .and_then(cell)
        {
            if ev.key() != "Enter" {
                ev.prevent_default();
            }
            next.focus();
        }
    };

    let on_paste = move |at: At, ev: leptos::ev::ClipboardEvent| {
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
        let block = read_block(&text, n_rows - at.0, n_cols - at.1);
        let date = match as_of() {
            Ok(date) => date,
            Err(e) => return message.set(Said::Text(e)),
        };
        // One change of the workspace, and so one save, for the whole block.
        crate::ui::trace::begin("zs:commit");
        let pasted = cols.with_value(|columns| {
            state.change_values(|w| paste(w, year, columns, at, &block, date, lang))
        });
        crate::ui::trace::mark("zs:committed");
        for (place, typed, result) in &pasted.cells {
            if let Some(c) = cell(*place) {
                match result {
                    Err(_) => c.reject(typed.clone()),
                    Ok(Entry::WaitingForOtherPart) => c.keep(typed.clone()),
                    Ok(_) => c.settle(),
                }
            }
        }
        message.set(Said::Text(paste_message(&pasted, lang)));
        let replaced = replaced_parts(&pasted);
        undo.set(cols.with_value(|columns| {
            state
                .data
                .untracked(|w| parts_replaced(w, columns, &replaced, lang))
        }));
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
                                            let this = cell((r, c)).unwrap_or_else(Cell::new);
                                            let label = format!(
                                                "{} {}, {}",
                                                column.indicator_name,
                                                column.label,
                                                period_label(period, lang),
                                            );
                                            // A memo per cell, tracked by its series alone: a change of one value
                                            // re-runs the cells of that indicator and population, not the grid.
                                            let column = column.clone();
                                            let (indicator, population) = (column.indicator.clone(), column.population);
                                            let computed_column = column.clone();
                                            let value = Memo::new(move |_| {
                                                state.data.series(&indicator, population, year, |series| {
                                                    cell_text(series, &column, period, lang)
                                                })
                                            });
                                            // A rate computed from numerator and denominator looks different from a
                                            // typed one (and says so to screen readers).
                                            let computed = (computed_column.part == Part::Rate).then(|| {
                                                Memo::new(move |_| {
                                                    state.data.series(&computed_column.indicator, computed_column.population, year, |series| {
                                                        is_computed(series, &computed_column, period)
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
                                                        node_ref=this.node
                                                        type="text"
                                                        inputmode="decimal"
                                                        autocomplete="off"
                                                        class="zelle"
                                                        class:berechnet=move || computed.is_some_and(|c| c.get())
                                                        title=computed_title
                                                        id=cell_id(r, c)
                                                        aria-label=label
                                                        aria-invalid=move || this.invalid.get().then_some("true")
                                                        prop:value=move || this.shown.get().unwrap_or_else(|| value.get())
                                                        on:input=move |ev| {
                                                            this.typed.set_value(Some(event_target_value(&ev)));
                                                            state.expect_change();
                                                        }
                                                        on:keydown=move |ev| on_keydown((r, c), ev)
                                                        on:change=move |_| commit_cell((r, c))
                                                        on:paste=move |ev| on_paste((r, c), ev)
                                                    />
                                                </td>
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                    // The year's figure as the engine forms it from the months, read-only (issue 20): the average
                    // of a stock that a cap judges, the sum of a flow, the rate of the sums.
                    <tr class="aus-monaten">
                        <th scope="row">{computed_row_label(lang)}</th>
                        {columns
                            .iter()
                            .map(|column| {
                                let column = column.clone();
                                // The engine's figure reads the catalogue (how the indicator adds up) and, for a
                                // change against the year before, that year too: tracked by what the engine reads.
                                let text = Memo::new(move |_| {
                                    state.data.for_year(year, |w| computed_year_text(w, year, &column, lang))
                                });
                                view! { <td class="berechnet">{move || text.get()}</td> }
                            })
                            .collect_view()}
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
