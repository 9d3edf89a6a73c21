//! Saving the form into the workspace, as a pure step, and what the editor says about it afterwards.

use super::Built;
use crate::domain::agreement::AgreementId;
use crate::domain::editing::{EditError, RemovedTarget};
use crate::domain::workspace::Workspace;
use crate::locale::Lang;
use crate::tr;

/// What saving the form did.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// How many targets were added or replaced.
    pub saved: usize,
    /// The targets removed because their field was emptied, in the order removed (for undo).
    pub removed: Vec<RemovedTarget>,
}

/// Puts the built targets into agreement `agreement` of `workspace`: first removes the targets whose field was
/// emptied, then adds or replaces the others. Refused when the agreement was deleted meanwhile.
pub fn apply(
    workspace: &mut Workspace,
    agreement: AgreementId,
    built: Built,
) -> Result<Applied, EditError> {
    let removed = built
        .remove
        .iter()
        .filter_map(|id| workspace.remove_target(agreement, *id))
        .collect();
    let saved = built.put.len();
    for target in built.put {
        workspace.put_target(agreement, target)?;
    }
    Ok(Applied { saved, removed })
}

/// "Ziel gespeichert." / "3 Ziele gespeichert.": the line after saving `saved` targets.
pub fn saved_text(saved: usize, lang: Lang) -> String {
    match saved {
        1 => tr!(lang, "Ziel gespeichert.", "Target saved."),
        _ => tr!(lang, "{saved} Ziele gespeichert.", "{saved} targets saved."),
    }
}

/// The undo line for targets removed because their field was emptied ("Ziele „…“ und „…“ entfernt (Felder
/// geleert)."), or `None` when none was.
pub fn removed_text(
    workspace: &Workspace,
    removed: &[RemovedTarget],
    lang: Lang,
) -> Option<String> {
    if removed.is_empty() {
        return None;
    }
    let names = removed_names(workspace, removed, lang);
    Some(match removed.len() {
        1 => tr!(
            lang,
            "Ziel {names} entfernt (Feld geleert).",
            "Target {names} removed (field emptied)."
        ),
        _ => tr!(
            lang,
            "Ziele {names} entfernt (Felder geleert).",
            "Targets {names} removed (fields emptied)."
        ),
    })
}

/// "„Integrationen – Frauen“ und „Integrationen – Männer“": the titles of removed targets for the undo line.
fn removed_names(workspace: &Workspace, removed: &[RemovedTarget], lang: Lang) -> String {
    let catalogue = workspace.catalogue();
    let titles: Vec<String> = removed
        .iter()
        .map(|r| {
            let indicator = r
                .target
                .format
                .subject()
                .and_then(|s| catalogue.get(s.indicator.as_str()));
            let title = crate::domain::names::title(&r.target, indicator, lang);
            tr!(lang, "„{title}“", "“{title}”")
        })
        .collect();
    crate::present::overview::join_and(&titles, lang)
}

#[cfg(test)]
mod tests;
