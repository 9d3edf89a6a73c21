//! The grid itself: one input per month and column, the keyboard (arrows, Tab, Enter, Escape), commits, and a
//! pasted block. The grid owns its model: per cell the text typed since the last commit (a draft), a text shown
//! instead of the stored one (a rejected entry), and whether it is invalid; committing and pasting are the pure
//! functions of `present::grid` over that model. The DOM is written through bindings and the frame's scroll
//! position, and read for the caret and the frame's measures (which columns are in view); `NodeRef`s serve to move
//! the focus.

use leptos::html::{Div, Table, Th};

use super::cells::{Cell, Wiring, column_widths, computed_row, header_rows, value_row};
use super::*;
use crate::core::calendar::Year;
use crate::present::grid::window::{
    Frame, first_paint, in_view, scroll_to_show, slots, tab_target,
};

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
    let linked: Option<At> = focus.and_then(|link| {
        let row = link.month.map_or(12, |m| m.index());
        let col = columns.iter().position(|c| {
            c.indicator == link.indicator
                && c.population == link.population
                && matches!(c.part, Part::Number | Part::Rate)
        })?;
        Some((row, col))
    });

    // A wide year renders only the columns in view of the frame and two beside them: the grid's
    // cost does not grow with the year's columns (issue 22). `present::grid::window` chooses; the page measures.
    let frame: NodeRef<Div> = NodeRef::new();
    let table: NodeRef<Table> = NodeRef::new();
    let corner: NodeRef<Th> = NodeRef::new();
    let range = RwSignal::new(first_paint(n_cols, linked.map(|(_, c)| c)));
    let shown = Memo::new(move |_| slots(n_cols, range.get()));
    // The cell that last took the focus (its input may have lost it since).
    let focus_at: StoredValue<Option<At>> = StoredValue::new(None);
    let measure = move || -> Option<Frame> {
        let (frame, table, corner) = (
            frame.get_untracked()?,
            table.get_untracked()?,
            corner.get_untracked()?,
        );
        let header = f64::from(corner.offset_width());
        Some(Frame {
            scroll: f64::from(frame.scroll_left()),
            width: f64::from(frame.client_width()),
            header,
            column: (f64::from(table.offset_width()) - header) / n_cols.max(1) as f64,
        })
    };
    // The rendered columns become `wanted`. The rows' lists change in the next microtask; an input they keep may
    // be moved within its row then, which takes the focus from it: it is given back (without scrolling, with its
    // selection). A focused input whose column leaves is blurred first, which commits what was typed, as a click
    // elsewhere would.
    let show_range = move |wanted: std::ops::Range<usize>| {
        if range.get_untracked() == wanted {
            return;
        }
        if let Some((at, input)) = focus_at
            .get_value()
            .and_then(|at| Some((at, focused_input(cell(at)?)?)))
        {
            if wanted.contains(&at.1) {
                let selection = (
                    input.selection_start().ok().flatten(),
                    input.selection_end().ok().flatten(),
                );
                queue_microtask(move || give_focus_back(&input, selection));
            } else {
                let _ = input.blur();
            }
        }
        range.set(wanted);
    };
    // After a scroll or a resize: the columns now in view.
    let follow = move || {
        if let Some(now) = measure() {
            show_range(in_view(n_cols, &now));
        }
    };
    // Moves the focus to a cell: its column scrolled into view beside the row headers and rendered. Where the
    // rows change for it, the focus follows once they have (in the next microtask, before any further key).
    let go = move |at: At| {
        let Some(target) = cell(at) else { return };
        let before = range.get_untracked();
        if let Some((now, x)) = measure().and_then(|now| Some((now, scroll_to_show(at.1, &now)?))) {
            if let Some(frame) = frame.get_untracked() {
                frame.set_scroll_left(x as i32);
            }
            show_range(in_view(n_cols, &Frame { scroll: x, ..now }));
        }
        if !range.get_untracked().contains(&at.1) {
            show_range(first_paint(n_cols, Some(at.1)));
        }
        if range.get_untracked() == before {
            target.focus();
        } else {
            queue_microtask(move || target.focus());
        }
    };
    request_animation_frame(move || match linked {
        Some(at) => go(at),
        None => follow(),
    });
    let resized = window_event_listener(leptos::ev::resize, move |_| follow());
    on_cleanup(move || resized.remove());

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
            // Along the row, then to the next one, as the browser's own order was: columns not rendered are not
            // in the page's order. At the grid's end the browser's Tab leaves the grid.
            "Tab" => tab_target(at, n_rows, n_cols, ev.shift_key()),
            "Escape" => {
                this.settle();
                message.set(Said::Text(
                    lang.pick("Eingabe verworfen.", "Entry discarded.").into(),
                ));
                None
            }
            _ => None,
        };
        if let Some(next) = target.filter(|(r, c)| *r < n_rows && *c < n_cols) {
            if ev.key() != "Enter" {
                ev.prevent_default();
            }
            go(next);
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

    let wiring = Wiring {
        year,
        lang,
        columns: cols,
        cells,
        slots: shown,
        focused: Callback::new(move |at: At| focus_at.set_value(Some(at))),
        keydown: Callback::new(move |(at, ev)| on_keydown(at, ev)),
        commit: Callback::new(commit_cell),
        paste: Callback::new(move |(at, ev)| on_paste(at, ev)),
    };
    view! {
        <div class="tabelle-rahmen" node_ref=frame on:scroll=move |_| follow()>
            <table
                class="raster"
                node_ref=table
                aria-colcount=n_cols + 1
                style:width=format!("calc(var(--monat) + {n_cols} * var(--spalte))")
            >
                <caption class="sr-only">
                    {lang.pick(
                        "Ist-Werte nach Monat, Kennzahl und Personengruppe",
                        "Actual figures by month, indicator and population",
                    )}
                </caption>
                {column_widths(wiring)}
                <thead>{header_rows(wiring, corner)}</thead>
                <tbody>
                    {rows.into_iter().enumerate().map(|(r, period)| value_row(wiring, r, period)).collect_view()}
                    {computed_row(wiring)}
                </tbody>
            </table>
        </div>
    }
}

/// The input of `cell` where it has the page's focus.
fn focused_input(cell: Cell) -> Option<web_sys::HtmlInputElement> {
    let input = cell.node.get_untracked()?;
    let active = document().active_element()?;
    input.is_same_node(Some(&active)).then_some(input)
}

/// Focuses `input` again where it lost the focus, without scrolling, with its selection as it was.
fn give_focus_back(input: &web_sys::HtmlInputElement, (start, end): (Option<u32>, Option<u32>)) {
    let still = document()
        .active_element()
        .is_some_and(|active| input.is_same_node(Some(&active)));
    if still || !input.is_connected() {
        return;
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = input.focus_with_options(&options);
    if let (Some(start), Some(end)) = (start, end) {
        let _ = input.set_selection_range(start, end);
    }
}
