//! A workspace in parts, as it travels between the page and the file worker (issue 22): the head (everything
//! but agreements and values), one text per agreement and one per year of values (the head alone of 55 years'
//! agreements was 1.7 MB, read in 38 ms natively). Each part is small enough to be written or read between two
//! frames, so the page never blocks for a whole workspace of 55 years (6 MB) at once: it writes or reads one
//! part, lets the browser paint, and goes on. The texts are the stored form of schema 3 (the head is the
//! workspace's document with neither, an agreement its object, a year the array of its rows), written by this
//! build and read only by it: a part that does not read is a fault of the transfer, reported as such.

use std::sync::Arc;

use crate::core::calendar::Year;
use crate::domain::agreement::Agreement;
use crate::domain::values::Values;
use crate::domain::workspace::Workspace;

/// The head of `workspace`: its document without agreements and values. Written and read by the same serde code as a backup
/// (pretty, through `serde_json::Value`): a second instance of the workspace's (de)serializers for plain text
/// would cost the wasm 15 KB.
pub fn head(workspace: &Workspace) -> Result<String, String> {
    let mut without = workspace.clone();
    without.values = Values::default();
    without.agreements = Vec::new();
    Ok(super::super::backup::export(&without))
}

/// The part of one agreement.
pub fn agreement(agreement: &Agreement) -> Result<String, String> {
    serde_json::to_string(agreement).map_err(|e| e.to_string())
}

/// The years of `workspace` that hold values, ascending: one part each.
pub fn years(workspace: &Workspace) -> Vec<Year> {
    workspace.values.years()
}

/// The part of `year`: its values' rows.
pub fn year(workspace: &Workspace, year: Year) -> Result<String, String> {
    let mut one = Values::default();
    if let Some(values) = workspace.values.year(year) {
        one.set_year(year, Arc::clone(values));
    }
    serde_json::to_string(&one).map_err(|e| e.to_string())
}

/// Every part of `workspace` at once: the head first, then the agreements, then the years (the worker's side,
/// which may block).
pub fn all(workspace: &Workspace) -> Result<Vec<String>, String> {
    let mut parts = vec![head(workspace)?];
    for a in &workspace.agreements {
        parts.push(agreement(a)?);
    }
    for y in years(workspace) {
        parts.push(year(workspace, y)?);
    }
    Ok(parts)
}

/// The workspace of a head, without values yet.
pub fn read_head(text: &str) -> Result<Workspace, String> {
    Workspace::from_json(text).map_err(|e| e.message(crate::locale::Lang::De))
}

/// Puts a part after the head into `workspace`: a year's values (an array) or an agreement (an object), in the
/// order [`all`] wrote them. The year, for a part of one year's values (its text is the stored text of that year).
pub fn read_part(workspace: &mut Workspace, text: &str) -> Result<Option<Year>, String> {
    if !text.starts_with('[') {
        let agreement: Agreement = serde_json::from_str(text).map_err(|e| e.to_string())?;
        workspace.agreements.push(Arc::new(agreement));
        return Ok(None);
    }
    let values: Values = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let years = values.years();
    for y in &years {
        if let Some(year) = values.year(*y) {
            workspace.values.set_year(*y, Arc::clone(year));
        }
    }
    Ok(match years.as_slice() {
        [one] => Some(*one),
        _ => None,
    })
}

/// A workspace from all its parts at once (the worker's side).
pub fn read_all(parts: &[String]) -> Result<Workspace, String> {
    let (first, rest) = parts
        .split_first()
        .ok_or_else(|| "keine Teile".to_owned())?;
    let mut workspace = read_head(first)?;
    for text in rest {
        read_part(&mut workspace, text)?;
    }
    Ok(workspace)
}
