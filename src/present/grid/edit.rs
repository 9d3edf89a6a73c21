//! The grid as a model: committing a typed cell and pasting a block are functions of the workspace, the grid's
//! columns and what was typed, without the browser. The component keeps a draft per cell and calls these; a
//! paste is one change of the workspace (and so one save), whatever its size.

use std::collections::HashMap;

use super::*;
use crate::locale::{format_count, month_name};

/// "März" / "March", or "Jahreswert" / "Annual figure" for the annual row.
pub fn period_label(period: Period, lang: Lang) -> String {
    match period {
        Some(m) => month_name(m, lang).to_owned(),
        None => lang.pick("Jahreswert", "Annual figure").to_owned(),
    }
}

/// Where a cell lies, for its messages: "März, Integrationen Insgesamt".
pub fn place(column: &Column, period: Period, lang: Lang) -> String {
    format!(
        "{}, {} {}",
        period_label(period, lang),
        column.indicator_name,
        column.label
    )
}

/// A cell of the grid: its row (a period of [`periods`]) and column.
pub type At = (usize, usize);

/// The column that holds the other part of a quota with the cell in `col`, if its column is one.
fn other_part(columns: &[Column], col: usize) -> Option<usize> {
    match columns.get(col)?.part {
        Part::Numerator => Some(col + 1),
        Part::Denominator => col.checked_sub(1),
        Part::Number | Part::Rate => None,
    }
    .filter(|c| *c < columns.len())
}

/// Commits the text typed into cell `at`. For a quota's part the other part is what `typed` holds for its cell
/// (a draft, or a pasted text), else what that cell shows. The error names the cell.
#[allow(clippy::too_many_arguments)]
pub fn commit(
    edit: &mut ValuesEdit,
    year: Year,
    columns: &[Column],
    at: At,
    text: &str,
    typed: &dyn Fn(At) -> Option<String>,
    as_of: Option<Date>,
    lang: Lang,
) -> Result<Entry, String> {
    let (row, col) = at;
    let (Some(column), Some(period)) = (columns.get(col), periods().get(row).copied()) else {
        return Ok(Entry::Unchanged);
    };
    let other = other_part(columns, col).map(|c| {
        typed((row, c)).unwrap_or_else(|| {
            cell_text(
                &columns[c].series(edit.values, year),
                &columns[c],
                period,
                lang,
            )
        })
    });
    apply(
        edit,
        year,
        column,
        period,
        text,
        other.as_deref(),
        as_of,
        lang,
    )
    .map_err(|e| format!("{}: {e}", place(column, period, lang)))
}

/// What a paste did, cell by cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pasted {
    /// Each cell the block put a text into, with its text and what committing it did.
    pub cells: Vec<(At, String, Result<Entry, String>)>,
    /// Cells of the block that lay outside the grid.
    pub outside: usize,
}

/// Pastes `block` with its first cell at `origin`: every cell committed in reading order, a quota's parts with
/// each other's pasted text.
pub fn paste(
    edit: &mut ValuesEdit,
    year: Year,
    columns: &[Column],
    origin: At,
    block: &Block,
    as_of: Option<Date>,
    lang: Lang,
) -> Pasted {
    let rows = periods().len();
    let mut texts: HashMap<At, String> = HashMap::new();
    let mut order = Vec::new();
    for (dr, line) in block.cells.iter().enumerate() {
        for (dc, text) in line.iter().enumerate() {
            let at = (origin.0 + dr, origin.1 + dc);
            if at.0 < rows && at.1 < columns.len() {
                texts.insert(at, text.clone());
                order.push(at);
            }
        }
    }
    let typed = |at: At| texts.get(&at).cloned();
    let cells = order
        .into_iter()
        .map(|at| {
            let text = texts.get(&at).cloned().unwrap_or_default();
            let result = commit(edit, year, columns, at, &text, &typed, as_of, lang);
            (at, text, result)
        })
        .collect();
    Pasted {
        cells,
        outside: block.outside,
    }
}

/// "Eingefügt: 12 Werte übernommen, 1 abgelehnt – März, …: …, 3 Zellen lagen außerhalb der Tabelle."
/// How many refused cells of a paste the message names with their reason.
const SAID_AT_MOST: usize = 5;

pub fn paste_message(pasted: &Pasted, lang: Lang) -> String {
    let stored = pasted
        .cells
        .iter()
        .filter(|(_, _, r)| {
            matches!(
                r,
                Ok(Entry::Recorded(_) | Entry::Removed | Entry::PartsReplaced { .. })
            )
        })
        .count();
    let errors: Vec<&str> = pasted
        .cells
        .iter()
        .filter_map(|(_, _, r)| r.as_ref().err().map(String::as_str))
        .collect();
    let stored = format_count(stored as f64, lang);
    let mut text = tr!(
        lang,
        "Eingefügt: {stored} Werte übernommen",
        "Pasted: {stored} values taken over"
    );
    if !errors.is_empty() {
        let rejected = lang.pick("abgelehnt", "rejected");
        // The first few with their reason; the cells themselves stay marked with the text that was refused.
        let shown = errors.len().min(SAID_AT_MOST);
        text.push_str(&format!(
            ", {} {rejected} – {}",
            format_count(errors.len() as f64, lang),
            errors[..shown].join(" · ")
        ));
        if errors.len() > shown {
            let more = format_count((errors.len() - shown) as f64, lang);
            text.push_str(&tr!(
                lang,
                " · und {more} weitere, in der Tabelle markiert",
                " · and {more} more, marked in the table"
            ));
        }
    }
    if pasted.outside > 0 {
        let outside = format_count(pasted.outside as f64, lang);
        text.push_str(&tr!(
            lang,
            ", {outside} Zellen lagen außerhalb der Tabelle",
            ", {outside} cells lay outside the table"
        ));
    }
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

/// The cells of a paste whose numerator and denominator a pasted rate replaced, with the value as it was (for
/// [`super::parts_replaced`]).
pub fn replaced_parts(pasted: &Pasted) -> Vec<(At, crate::domain::values::Value)> {
    pasted
        .cells
        .iter()
        .filter_map(|(at, _, r)| match r {
            Ok(Entry::PartsReplaced { before }) => Some((*at, (**before).clone())),
            _ => None,
        })
        .collect()
}
