//! What a save writes on top of. An ordinary save: the commit this tab knows, or – where the manifest is gone –
//! nothing, but only if no year key is left either (issue 21, loss 6). The two saves a user chooses over what
//! storage holds (loss 2), as two named cases instead of one `force` flag: over another tab's save the user has
//! seen ("Meine Fassung speichern"), and over a store that cannot be read ("neu beginnen"). Only the second may
//! write over what cannot be read, and only once it is kept aside.

use super::commit::Committed;
use super::orphans::keep_aside;
use super::read::{Startup, read};
use super::{ASIDE, StorageError, Store};
use crate::domain::workspace::{LoadError, Workspace};

/// Which save the user chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Over {
    /// "Meine Fassung speichern": over another tab's save, which this tab read and showed as a conflict.
    OtherTab,
    /// "Neu beginnen" / "Den gezeigten Arbeitsbereich speichern": over a store that cannot be read.
    Unreadable,
}

/// Why a chosen save writes nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum Refused {
    /// Storage could not be read or the copy aside not written.
    Storage(StorageError),
    /// What storage holds now cannot be read (another tab left a newer schema or a broken key since the choice
    /// was offered): it is kept aside as at start-up, and the user chooses again.
    Unreadable { raw: String, error: LoadError },
}

impl From<StorageError> for Refused {
    fn from(e: StorageError) -> Refused {
        Refused::Storage(e)
    }
}

/// What a save the user chose writes on top of, read from storage now (the choice may be minutes old): the
/// commit storage holds, or nothing where nothing is stored. Over an unreadable store only with
/// [`Over::Unreadable`], and only once its text is kept aside under [`ASIDE`] + `timestamp` (a copy made at
/// start-up counts).
pub fn base_of_chosen_save(
    store: &mut impl Store,
    over: Over,
    workspace: &Workspace,
    timestamp: &str,
) -> Result<Committed, Refused> {
    // Read in full, not from what this tab knows: the user's choice is written on top of what storage holds
    // now, key by key.
    match read(store, None)? {
        Startup::Loaded { committed, .. } => Ok(committed),
        Startup::Fresh => Ok(Committed::none(workspace.clone())),
        Startup::Unreadable { raw, error } => match over {
            Over::OtherTab => Err(Refused::Unreadable { raw, error }),
            Over::Unreadable => {
                keep_aside(store, ASIDE, &raw, timestamp)?;
                Ok(Committed::none(workspace.clone()))
            }
        },
    }
}

/// What an ordinary save writes on top of, given the manifest's text as stored now (`stored`) and the commit
/// this tab knows: that commit while there is a manifest; with none, nothing – unless year keys are left
/// without it, which is an unreadable store (kept, said), never a fresh start whose save would leave them
/// unnamed. (With no manifest and no keys, storage was emptied: the save writes every year anew.)
pub fn base_of_save(
    store: &impl Store,
    stored: Option<&str>,
    known: Option<&Committed>,
    workspace: &Workspace,
) -> Result<Committed, Refused> {
    if stored.is_some() {
        let mut base = known
            .cloned()
            .ok_or(Refused::Storage(StorageError::Unavailable))?;
        // A key removed by hand since is written anew from memory instead of being named while missing: the
        // base forgets that year, so the save sees it as changed (and a year gone here still leaves the manifest).
        let present: std::collections::BTreeSet<String> = store.names()?.into_iter().collect();
        for (year, name) in &base.keys.values {
            if !present.contains(name) {
                base.workspace.values.set_year(*year, Default::default());
            }
        }
        let missing: Vec<_> = base
            .keys
            .agreements
            .iter()
            .filter(|(_, name)| !present.contains(*name))
            .map(|(year, _)| *year)
            .collect();
        base.workspace
            .agreements
            .retain(|a| !missing.contains(&a.year));
        return Ok(base);
    }
    let orphans = super::orphans::year_keys(store)?;
    if orphans.is_empty() {
        return Ok(Committed::none(workspace.clone()));
    }
    Err(Refused::Unreadable {
        raw: super::orphans::bundle_of(&orphans),
        error: LoadError::ManifestMissing {
            keys: orphans.len(),
        },
    })
}
