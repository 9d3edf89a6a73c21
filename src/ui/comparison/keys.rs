//! The keyboard in the comparison's tables, as in the value grid: the arrow keys move from cell to cell, Home and
//! End to the row's first and last cell, Ctrl+Home and Ctrl+End to the table's first and last; one cell is in the
//! tab order at a time (the one last moved to), so Tab leaves the table at once. The rows are set as HTML
//! (`present::comparison::html`), so the cells are found by the DOM's table properties.

use wasm_bindgen::{JsCast, JsValue};

/// `target[name]`, or undefined.
fn get(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The number at `target[name]`.
fn index(target: &JsValue, name: &str) -> Option<i64> {
    get(target, name).as_f64().map(|n| n as i64)
}

/// The `i`-th element of a collection (`rows`, `cells`).
fn item(collection: &JsValue, i: i64) -> Option<web_sys::HtmlElement> {
    let i = u32::try_from(i).ok()?;
    js_sys::Reflect::get_u32(collection, i)
        .ok()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Moves the focus for a key pressed in a table body's cell; the key is used (its default prevented) where it
/// moved.
pub fn on_key(ev: &web_sys::KeyboardEvent) {
    let Some(cell) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("tbody td, tbody th").ok().flatten())
    else {
        return;
    };
    let Some(row) = cell.parent_element() else {
        return;
    };
    let Some(body) = row.parent_element() else {
        return;
    };
    let rows = get(&body, "rows");
    let (Some(r), Some(c), Some(count)) = (
        index(&row, "sectionRowIndex"),
        index(&cell, "cellIndex"),
        index(&rows, "length"),
    ) else {
        return;
    };
    let last_in = |r: i64| {
        item(&rows, r)
            .and_then(|row| index(&get(&row, "cells"), "length"))
            .map_or(0, |n| n - 1)
    };
    let ctrl = ev.ctrl_key() || ev.meta_key();
    let (r2, c2) = match ev.key().as_str() {
        "ArrowUp" => (r - 1, c),
        "ArrowDown" => (r + 1, c),
        "ArrowLeft" => (r, c - 1),
        "ArrowRight" => (r, c + 1),
        "Home" if ctrl => (0, 0),
        "End" if ctrl => (count - 1, last_in(count - 1)),
        "Home" => (r, 0),
        "End" => (r, last_in(r)),
        _ => return,
    };
    ev.prevent_default();
    if r2 < 0 || r2 >= count || c2 < 0 {
        return;
    }
    let Some(target) =
        item(&rows, r2).and_then(|row| item(&get(&row, "cells"), c2.min(last_in(r2))))
    else {
        return;
    };
    let _ = cell.set_attribute("tabindex", "-1");
    let _ = target.set_attribute("tabindex", "0");
    let _ = target.focus();
}
