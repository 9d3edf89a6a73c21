//! The grid's cells as the page renders them: the model of one cell (kept for every cell, rendered or not), and
//! the rows over the slots that `present::grid::window` chose (the columns in view, and one gap each for the
//! columns before and after them). A cell's input exists only while its column is rendered; what was typed into it, a
//! rejected text and the invalid mark live in its model and come back with it.

use leptos::html::Input;

use super::*;
use crate::core::calendar::Year;
use std::sync::Arc;

use crate::present::grid::window::{Slot, header_slots};

/// One cell's model.
#[derive(Clone, Copy)]
pub(super) struct Cell {
    /// What was typed since the last commit; `None`: nothing (the cell shows what is stored).
    pub(super) typed: StoredValue<Option<String>>,
    /// A text shown instead of the stored one (a rejected entry stays visible to be corrected).
    shown: RwSignal<Option<String>>,
    invalid: RwSignal<bool>,
    pub(super) node: NodeRef<Input>,
}

impl Cell {
    pub(super) fn new() -> Cell {
        Cell {
            typed: StoredValue::new(None),
            shown: RwSignal::new(None),
            invalid: RwSignal::new(false),
            node: NodeRef::new(),
        }
    }
    /// Back to what is stored (after a commit that was taken, or Escape).
    pub(super) fn settle(&self) {
        self.typed.set_value(None);
        self.invalid.set(false);
        // Set even when it was `None`: the input then shows the stored text again, not what was typed.
        self.shown.set(None);
    }
    /// Keeps a rejected text visible and marked.
    pub(super) fn reject(&self, text: String) {
        self.typed.set_value(Some(text.clone()));
        self.shown.set(Some(text));
        self.invalid.set(true);
    }
    /// Keeps a text visible that waits for more (a quota's part without the other one), unmarked.
    pub(super) fn keep(&self, text: String) {
        self.typed.set_value(Some(text.clone()));
        self.shown.set(Some(text));
        self.invalid.set(false);
    }
    /// Focuses the cell's input and selects its text; nothing where the input is not in the page.
    pub(super) fn focus(&self) {
        if let Some(field) = self.node.get_untracked().filter(|f| f.is_connected()) {
            let _ = field.focus();
            field.select();
        }
    }
}

/// What every rendered cell needs from its grid; all of it `Copy`.
#[derive(Clone, Copy)]
pub(super) struct Wiring {
    pub(super) year: Year,
    pub(super) lang: crate::locale::Lang,
    pub(super) columns: StoredValue<Vec<Column>>,
    pub(super) cells: StoredValue<Vec<Vec<Cell>>>,
    pub(super) slots: Memo<Vec<Slot>>,
    /// Told which cell took the focus.
    pub(super) focused: Callback<At>,
    pub(super) keydown: Callback<(At, leptos::ev::KeyboardEvent)>,
    pub(super) commit: Callback<At>,
    pub(super) paste: Callback<(At, leptos::ev::ClipboardEvent)>,
}

impl Wiring {
    fn cell(&self, (r, c): At) -> Cell {
        self.cells
            .with_value(|all| all.get(r).and_then(|row| row.get(c)).copied())
            .unwrap_or_else(Cell::new)
    }
    fn column(&self, c: usize) -> Option<Column> {
        self.columns.with_value(|all| all.get(c).cloned())
    }
}

/// The empty cell that stands for columns not rendered (as wide as they are, by its `col`).
fn gap_cell() -> AnyView {
    view! { <td class="luecke" aria-hidden="true"></td> }.into_any()
}

/// What a row renders for one slot.
type SlotView = Arc<dyn Fn(Slot) -> AnyView + Send + Sync>;

/// A row's slots as a keyed list: a scroll adds the columns coming into view and removes those leaving, and keeps
/// the rest as they are. Every row of the grid goes through this one function (one keyed list in the wasm, not
/// one per row kind: 13 KB brotli less, measured).
fn slot_list(each: Memo<Vec<Slot>>, view: SlotView) -> AnyView {
    view! { <For each=move || each.get() key=|slot| *slot children=move |slot| view(slot) /> }
        .into_any()
}

/// The table's columns: the row headers, then one `col` per slot, a gap as wide as its columns.
pub(super) fn column_widths(w: Wiring) -> impl IntoView {
    view! {
        <colgroup>
            <col class="monat" />
            {slot_list(w.slots, Arc::new(|slot| match slot {
                Slot::Gap { count, .. } => {
                    view! { <col class="spalte" style:width=format!("calc({count} * var(--spalte))") /> }.into_any()
                }
                _ => view! { <col class="spalte" /> }.into_any(),
            }))}
        </colgroup>
    }
}

/// The two header rows: the indicators' names over their rendered columns, then the populations / parts.
pub(super) fn header_rows(w: Wiring, corner: NodeRef<leptos::html::Th>) -> impl IntoView {
    let names: Vec<String> = w
        .columns
        .with_value(|all| all.iter().map(|c| c.indicator_name.clone()).collect());
    let groups = Memo::new(move |_| {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        w.slots.with(|slots| header_slots(&names, slots))
    });
    let name = move |c: usize| {
        w.column(c)
            .map(|column| column.indicator_name)
            .unwrap_or_default()
    };
    let label = move |c: usize| w.column(c).map(|column| column.label).unwrap_or_default();
    view! {
        <tr>
            <td></td>
            {slot_list(groups, Arc::new(move |slot| match slot {
                Slot::Group { first, span } => {
                    view! { <th scope="colgroup" colspan=span aria-colindex=first + 2>{name(first)}</th> }.into_any()
                }
                Slot::Column(c) => view! { <th scope="colgroup" aria-colindex=c + 2>{name(c)}</th> }.into_any(),
                Slot::Gap { .. } => gap_cell(),
            }))}
        </tr>
        <tr>
            <th scope="col" aria-colindex="1" node_ref=corner>{w.lang.pick("Monat", "Month")}</th>
            {slot_list(w.slots, Arc::new(move |slot| match slot {
                Slot::Column(c) => view! { <th scope="col" aria-colindex=c + 2>{label(c)}</th> }.into_any(),
                _ => gap_cell(),
            }))}
        </tr>
    }
}

/// One row of months (or the annual value): the row header, then the rendered cells and gaps.
pub(super) fn value_row(w: Wiring, r: usize, period: Period) -> impl IntoView {
    view! {
        <tr class:jahreszeile=period.is_none()>
            <th scope="row" aria-colindex="1">{period_label(period, w.lang)}</th>
            {slot_list(w.slots, Arc::new(move |slot| match slot {
                Slot::Column(c) => value_cell(w, (r, c), period),
                _ => gap_cell(),
            }))}
        </tr>
    }
}

fn value_cell(w: Wiring, at: At, period: Period) -> AnyView {
    let state = use_state();
    let (lang, year) = (w.lang, w.year);
    let (r, c) = at;
    let this = w.cell(at);
    let Some(column) = w.column(c) else {
        return gap_cell();
    };
    let label = format!(
        "{} {}, {}",
        column.indicator_name,
        column.label,
        period_label(period, lang),
    );
    // A memo per cell, tracked by its series alone: a change of one value re-runs the cells of that indicator
    // and population, not the grid.
    let (indicator, population) = (column.indicator.clone(), column.population);
    let computed_column = column.clone();
    let value = Memo::new(move |_| {
        state.data.series(&indicator, population, year, |series| {
            cell_text(series, &column, period, lang)
        })
    });
    // A rate computed from numerator and denominator looks different from a typed one (and says so to screen
    // readers).
    let computed = (computed_column.part == Part::Rate).then(|| {
        Memo::new(move |_| {
            state.data.series(
                &computed_column.indicator,
                computed_column.population,
                year,
                |series| is_computed(series, &computed_column, period),
            )
        })
    });
    let computed_title = move || {
        computed.and_then(|c| {
            c.get().then(|| {
                lang.pick(
                    "aus Zähler und Nenner berechnet",
                    "computed from numerator and denominator",
                )
            })
        })
    };
    view! {
        <td aria-colindex=c + 2>
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
                on:focus=move |_| w.focused.run(at)
                on:input=move |ev| {
                    this.typed.set_value(Some(event_target_value(&ev)));
                    state.expect_change();
                }
                on:keydown=move |ev| w.keydown.run((at, ev))
                on:change=move |_| w.commit.run(at)
                on:paste=move |ev| w.paste.run((at, ev))
            />
        </td>
    }
    .into_any()
}

/// The year's figure as the engine forms it from the months, read-only (issue 20): the average of a stock that a
/// cap judges, the sum of a flow, the rate of the sums.
pub(super) fn computed_row(w: Wiring) -> impl IntoView {
    let state = use_state();
    let (lang, year) = (w.lang, w.year);
    view! {
        <tr class="aus-monaten">
            <th scope="row" aria-colindex="1">{computed_row_label(lang)}</th>
            {slot_list(w.slots, Arc::new(move |slot| match slot {
                Slot::Column(c) => {
                    let column = w.column(c);
                    // The engine's figure reads the catalogue (how the indicator adds up) and, for a change against
                    // the year before, that year too: tracked by what the engine reads.
                    let text = Memo::new(move |_| {
                        column.as_ref().map(|column| {
                            state.data.for_year(year, |ws| computed_year_text(ws, year, column, lang))
                        })
                    });
                    view! { <td class="berechnet" aria-colindex=c + 2>{move || text.get()}</td> }.into_any()
                }
                _ => gap_cell(),
            }))}
        </tr>
    }
}
