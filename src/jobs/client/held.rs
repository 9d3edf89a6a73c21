//! Results the worker handed over, taken back on the page: into a workspace a year at a time, or as their texts;
//! and a workspace into parts for the worker.

use super::{Held, STATE};
use crate::domain::workspace::Workspace;
use crate::exchange::job::parts;
use crate::jobs::slice::Slice;
use crate::persistence::Encoded;

/// Reads a held result back into a workspace, a year at a time, with the text of each year's values (the stored
/// text, which the save then need not write again); `Err` if it is no longer held or does not read (then nothing
/// changes).
pub async fn take(held: Held) -> Result<(Workspace, Vec<Encoded>), String> {
    let parts = STATE
        .with_borrow(|s| s.held.get(&held.0).cloned())
        .ok_or_else(|| "nicht mehr vorhanden".to_owned())?;
    let text = |i: u32| {
        parts
            .get(i)
            .as_string()
            .ok_or_else(|| format!("Teil {i} fehlt"))
    };
    let mut slice = Slice::new();
    // The click that chose this ran in this task: let the browser paint first.
    slice.pause().await;
    let mut workspace = parts::read_head(&text(0)?)?;
    let mut written = Vec::new();
    for i in 1..parts.length() {
        slice.maybe_yield().await;
        let part = text(i)?;
        if let Some(year) = parts::read_part(&mut workspace, &part)?
            && let Some(values) = workspace.values.year(year)
        {
            written.push(Encoded {
                values: std::sync::Arc::clone(values),
                text: part,
            });
        }
    }
    Ok((workspace, written))
}

/// A held result's parts as the worker wrote them (head, agreements, years), taken out of the held results: a
/// comparison member is stored as these texts and never read whole on the page (`persistence::members`).
pub fn take_texts(held: Held) -> Result<Vec<String>, String> {
    let parts = STATE
        .with_borrow_mut(|s| s.held.remove(&held.0))
        .ok_or_else(|| "nicht mehr vorhanden".to_owned())?;
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| p.as_string().ok_or_else(|| format!("Teil {i} fehlt")))
        .collect()
}

/// `workspace` in parts, written an agreement and a year at a time.
pub(super) async fn to_parts(workspace: &Workspace) -> Result<Vec<String>, String> {
    let mut slice = Slice::new();
    let mut out = vec![parts::head(workspace)?];
    for agreement in &workspace.agreements {
        slice.maybe_yield().await;
        out.push(parts::agreement(agreement)?);
    }
    for year in parts::years(workspace) {
        slice.maybe_yield().await;
        out.push(parts::year(workspace, year)?);
    }
    Ok(out)
}
