//! The two saves a user chooses over what storage holds (issue 21, loss 2), as two named cases instead of one
//! `force` flag: over another tab's save the user has seen ("Meine Fassung speichern"), and over a store that
//! cannot be read ("neu beginnen"). Only the second may write over what cannot be read, and only once it is
//! kept aside.

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
    known: Option<&Committed>,
    over: Over,
    workspace: &Workspace,
    timestamp: &str,
) -> Result<Committed, Refused> {
    match read(store, known)? {
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
