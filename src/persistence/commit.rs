//! A save as a commit (start-up, reading the last commit, is in `read.rs`).
//!
//! A save writes the years' values and the agreements that changed under new keys, then the manifest that names
//! them (the one commit point), then removes the keys the manifest no longer names. Whatever fails or is cut off
//! in between, storage holds one complete workspace: the previous commit up to the manifest's write, the new one
//! from it on; keys of an unfinished save are orphans that `orphans::cleanup` removes later, never a key a manifest
//! names.

use std::sync::Arc;

use super::layout::{Kind, YearKeys, encode_agreement, encode_manifest, encode_values, year_name};
use super::{DOCUMENT, Stamp, StorageError, Store};
use crate::domain::values::YearValues;
use crate::domain::workspace::{EncodeError, Workspace};

/// What storage holds after a commit, as this tab knows it: the stamp, the workspace as committed (it shares its
/// years and agreements with the workspace in memory, so later changes show by pointer), and the key of each
/// year's values and agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct Committed {
    pub stamp: Stamp,
    pub workspace: Workspace,
    pub keys: YearKeys,
}

impl Committed {
    /// The state before anything was stored: the workspace begun with, under [`Stamp::none`].
    pub fn none(workspace: Workspace) -> Committed {
        Committed {
            stamp: Stamp::none(),
            workspace,
            keys: YearKeys::default(),
        }
    }
}

/// The writes of one save, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct SavePlan {
    /// The changed years' values and agreements: their new keys and texts, written first.
    pub years: Vec<(String, String)>,
    /// The manifest, written last: the commit point.
    pub manifest: String,
    /// Keys the new manifest no longer names, removed after the commit.
    pub removals: Vec<String>,
    /// What storage holds once the plan is through.
    pub committed: Committed,
}

impl SavePlan {
    /// The characters this save writes (what a save costs in storage calls).
    pub fn written_chars(&self) -> usize {
        self.manifest.len() + self.years.iter().map(|(_, t)| t.len()).sum::<usize>()
    }
}

/// The writes that put `workspace` into storage under `stamp` on top of `previous` (what storage holds as far
/// as this tab knows): only the years' values and the agreements that are not the very ones `previous`
/// committed get new keys. `None` when nothing changed since `previous` (nothing to write).
pub fn plan_save(
    stamp: &Stamp,
    parent: Option<&Stamp>,
    workspace: &Workspace,
    previous: &Committed,
) -> Result<Option<SavePlan>, EncodeError> {
    plan_save_with(stamp, parent, workspace, previous, &[])
}

/// The text of a year's values already written elsewhere (a file taken in from the file worker's parts, which
/// are the same text): the save takes it instead of writing the year again, for the very values it was read into.
#[derive(Clone, Debug)]
pub struct Encoded {
    pub values: Arc<YearValues>,
    pub text: String,
}

/// [`plan_save`], taking the text of a year's values from `known` where one is for those very values (by
/// pointer): after a large import, writing 55 years' text again took most of a save.
pub fn plan_save_with(
    stamp: &Stamp,
    parent: Option<&Stamp>,
    workspace: &Workspace,
    previous: &Committed,
    known: &[Encoded],
) -> Result<Option<SavePlan>, EncodeError> {
    let mut keys = YearKeys::default();
    let mut writes = Vec::new();
    for year in workspace.values.years() {
        let Some(values) = workspace.values.year(year) else {
            continue;
        };
        match previous.keys.values.get(&year) {
            Some(name) if previous.workspace.values.same_year(&workspace.values, year) => {
                keys.values.insert(year, name.clone());
            }
            _ => {
                let name = year_name(Kind::Values, year, stamp);
                let text = match known.iter().find(|k| Arc::ptr_eq(&k.values, values)) {
                    Some(k) => k.text.clone(),
                    None => encode_values(year, values)?,
                };
                writes.push((name.clone(), text));
                keys.values.insert(year, name);
            }
        }
    }
    for agreement in &workspace.agreements {
        let year = agreement.year;
        if keys.agreements.contains_key(&year) {
            return Err(EncodeError(format!(
                "mehr als eine Zielvereinbarung für {year}"
            )));
        }
        let unchanged = previous
            .workspace
            .agreements
            .iter()
            .any(|a| Arc::ptr_eq(a, agreement) || a == agreement);
        match previous.keys.agreements.get(&year) {
            Some(name) if unchanged => {
                keys.agreements.insert(year, name.clone());
            }
            _ => {
                let name = year_name(Kind::Agreement, year, stamp);
                writes.push((name.clone(), encode_agreement(agreement)?));
                keys.agreements.insert(year, name);
            }
        }
    }
    if writes.is_empty()
        && keys == previous.keys
        && same_meta(workspace, &previous.workspace)
        && previous.stamp != Stamp::none()
    {
        return Ok(None);
    }
    let named: std::collections::BTreeSet<&String> = keys.names().collect();
    let removals = previous
        .keys
        .names()
        .filter(|name| !named.contains(name))
        .cloned()
        .collect();
    let manifest = encode_manifest(stamp, parent, workspace, &keys)?;
    Ok(Some(SavePlan {
        years: writes,
        manifest,
        removals,
        committed: Committed {
            stamp: stamp.clone(),
            workspace: workspace.clone(),
            keys,
        },
    }))
}

/// Whether what the manifest holds besides the year keys is the same.
fn same_meta(a: &Workspace, b: &Workspace) -> bool {
    a.organisation == b.organisation
        && a.example == b.example
        && a.settings == b.settings
        && a.indicators == b.indicators
}

/// Carries out a plan: the year keys, then the manifest, then (with `remove_old`) the keys the manifest no
/// longer names. On a failed write the keys this save wrote are removed again and storage holds the previous
/// commit, untouched; the error says why. A removal that fails leaves an orphan for `orphans::cleanup`, never a
/// problem.
///
/// `remove_old` only where saves are serialised (the Web Lock): without it another tab may at this very moment
/// commit a manifest that still names an old key, so the old keys go later, by [`remove_unnamed`].
pub fn commit(
    store: &mut impl Store,
    plan: &SavePlan,
    remove_old: bool,
) -> Result<(), StorageError> {
    fn rollback(store: &mut impl Store, written: &[&String]) {
        for name in written {
            let _ = store.remove(name);
        }
    }
    let mut written = Vec::new();
    for (name, text) in &plan.years {
        if let Err(e) = store.set(name, text) {
            rollback(store, &written);
            return Err(e);
        }
        written.push(name);
    }
    if let Err(e) = store.set(DOCUMENT, &plan.manifest) {
        rollback(store, &written);
        return Err(e);
    }
    if remove_old {
        for name in &plan.removals {
            let _ = store.remove(name);
        }
    }
    Ok(())
}

/// Removes those of `names` that the manifest storage holds now does not name (the old keys of a save made
/// without the Web Lock, a moment after it). Returns how many went.
pub fn remove_unnamed(store: &mut impl Store, names: &[String]) -> usize {
    let Ok(Some(manifest)) = store.get(DOCUMENT) else {
        return 0;
    };
    names
        .iter()
        .filter(|name| !manifest.contains(&format!("\"{name}\"")))
        .filter(|name| store.remove(name).is_ok())
        .count()
}
