//! The grid itself: one input per month and column, the keyboard (arrows, Tab, Enter, Escape), commits, and
//! a pasted block.

use super::*;

#[component]
pub(super) fn Grid(
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
