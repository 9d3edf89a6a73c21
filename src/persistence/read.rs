//! Start-up as reading the last commit: the manifest, then the keys it names, all at once (`read`) or in two steps
//! (`read_first` for the first screen, `read_rest` right after it). Whatever cannot be read is kept whole, never
//! written over.

use std::sync::Arc;

use super::commit::Committed;
use super::layout::{Manifest, YearKeys, decode_agreement, decode_manifest, decode_values};
use super::{DOCUMENT, Stamp, StorageError, Store};
use crate::core::calendar::Year;
use crate::domain::values::YearValues;
use crate::domain::workspace::{LoadError, Workspace};
use crate::locale::Lang;

/// What storage held at start-up, and so what the app starts with.
#[derive(Clone, Debug, PartialEq)]
pub enum Startup {
    /// Nothing stored: the example workspace, saved with the first change.
    Fresh,
    /// A complete workspace as last committed. `whole`: it came as the single document of a build before schema
    /// 3 and is laid out anew by the next save (which the app makes at once).
    Loaded {
        committed: Committed,
        parent: Option<Stamp>,
        whole: bool,
    },
    /// Something the app cannot read (corrupt, a missing key, inconsistent, with unknown fields, or from a newer
    /// version). It must be kept aside and never written over; the user is told and can download it: `raw` holds
    /// the manifest's text, or for a manifest with year keys a JSON object of every key's text.
    Unreadable { raw: String, error: LoadError },
}

/// Reads the last commit: the manifest, then each key it names. Keys that `known` (this tab's last commit) names
/// too are taken from there instead of being read again: a key is written once and never changed.
pub fn read(store: &impl Store, known: Option<&Committed>) -> Result<Startup, StorageError> {
    read_part(store, known, |_| None).map(|(startup, _)| startup)
}

/// Reads the last commit for the first screen: the manifest, and the agreement and values only of the years
/// `first` picks from the keys the manifest names (`None`: all). Returns the years still to be read
/// ([`read_rest`]); a [`Startup::Loaded`] then holds a workspace without them, whose keys name them. What was
/// read is checked as a backup is; the whole is checked when the rest comes.
pub fn read_first(
    store: &impl Store,
    first: impl FnOnce(&YearKeys) -> Option<std::collections::BTreeSet<Year>>,
) -> Result<(Startup, Vec<Year>), StorageError> {
    read_part(store, None, first)
}

fn read_part(
    store: &impl Store,
    known: Option<&Committed>,
    first: impl FnOnce(&YearKeys) -> Option<std::collections::BTreeSet<Year>>,
) -> Result<(Startup, Vec<Year>), StorageError> {
    let Some(text) = store.get(DOCUMENT)? else {
        // Year keys without a manifest are a workspace whose manifest is gone (issue 21, loss 6): kept, said,
        // never read as a fresh start whose first save would remove them.
        let orphans = super::orphans::year_keys(store)?;
        if orphans.is_empty() {
            return Ok((Startup::Fresh, Vec::new()));
        }
        let error = LoadError::ManifestMissing {
            keys: orphans.len(),
        };
        let raw = super::orphans::bundle_of(&orphans);
        return Ok((Startup::Unreadable { raw, error }, Vec::new()));
    };
    let (stamp, parent, mut workspace, keys) = match decode_manifest(&text) {
        Err(error) => return Ok((Startup::Unreadable { raw: text, error }, Vec::new())),
        Ok(Manifest::Whole {
            stamp,
            parent,
            workspace,
        }) => {
            let committed = Committed {
                stamp,
                workspace,
                keys: YearKeys::default(),
            };
            let loaded = Startup::Loaded {
                committed,
                parent,
                whole: true,
            };
            return Ok((loaded, Vec::new()));
        }
        Ok(Manifest::Current {
            stamp,
            parent,
            workspace,
            keys,
        }) => (stamp, parent, workspace, keys),
    };
    let mut failure = None;
    let mut fail = |e: LoadError| {
        failure.get_or_insert(e);
    };
    // A key this tab knows is taken from memory only while storage still has it (a key is never changed, but
    // one can be removed by hand): a missing key is said, never papered over.
    let present: std::collections::BTreeSet<String> = match known {
        Some(_) => store.names()?.into_iter().collect(),
        None => std::collections::BTreeSet::new(),
    };
    let known = known.filter(|k| k.keys.names().all(|n| present.contains(n)));
    let wanted = first(&keys);
    let later = |year: &Year| wanted.as_ref().is_some_and(|w| !w.contains(year));
    let mut rest: Vec<Year> = keys
        .values
        .keys()
        .chain(keys.agreements.keys())
        .copied()
        .filter(later)
        .collect();
    rest.sort_unstable();
    rest.dedup();
    for (year, name) in &keys.agreements {
        if later(year) {
            continue;
        }
        let known_here = known
            .filter(|k| k.keys.agreements.get(year) == Some(name))
            .and_then(|k| {
                k.workspace
                    .agreements
                    .iter()
                    .find(|a| a.year == *year)
                    .cloned()
            });
        let agreement = match known_here {
            Some(a) => Ok(a),
            None => match store.get(name)? {
                None => Err(missing(*year, name)),
                Some(t) => decode_agreement(&t, *year),
            },
        };
        match agreement {
            Ok(a) => workspace.agreements.push(a),
            Err(e) => fail(e),
        }
    }
    workspace.agreements.sort_by_key(|a| a.year);
    for (year, name) in &keys.values {
        if later(year) {
            continue;
        }
        let known_here = known
            .filter(|k| k.keys.values.get(year) == Some(name))
            .and_then(|k| k.workspace.values.year(*year).cloned());
        let values = match known_here {
            Some(values) => Ok(values),
            None => read_values(store, *year, name)?,
        };
        match values {
            Ok(values) => workspace.values.set_year(*year, values),
            Err(e) => fail(e),
        }
    }
    if failure.is_none() {
        let problems = crate::domain::check::problems(&workspace, Lang::De);
        if !problems.is_empty() {
            failure = Some(LoadError::Inconsistent(problems));
        }
    }
    if let Some(error) = failure {
        let raw = bundle(&text, store, &keys);
        return Ok((Startup::Unreadable { raw, error }, Vec::new()));
    }
    let committed = Committed {
        stamp,
        workspace,
        keys,
    };
    let loaded = Startup::Loaded {
        committed,
        parent,
        whole: false,
    };
    Ok((loaded, rest))
}

/// The reason for a key the manifest names but storage lacks.
fn missing(year: Year, name: &str) -> LoadError {
    LoadError::Invalid(format!("die Daten von {year} fehlen („{name}“)"))
}

/// One year's values from its key.
fn read_values(
    store: &impl Store,
    year: Year,
    name: &str,
) -> Result<Result<Arc<YearValues>, LoadError>, StorageError> {
    Ok(match store.get(name)? {
        None => Err(missing(year, name)),
        Some(t) => decode_values(&t, year),
    })
}

/// Why the years left by [`read_first`] could not be added: only these two cases, so that a caller cannot go on
/// without them by accident (issue 21, loss 4).
#[derive(Clone, Debug, PartialEq)]
pub enum RestError {
    /// Storage could not be read: the years are still to be read, and nothing may be saved until they are.
    Storage(StorageError),
    /// A key is missing or broken, or the whole is not consistent: what start-up gives for an unreadable store
    /// (the manifest's text with every key, and why).
    Unreadable { raw: String, error: LoadError },
}

impl From<StorageError> for RestError {
    fn from(e: StorageError) -> RestError {
        RestError::Storage(e)
    }
}

/// Reads the values of the `rest` years of a commit read by [`read_first`] and gives the complete workspace,
/// checked as a whole.
pub fn read_rest(
    store: &impl Store,
    committed: &Committed,
    rest: &[Year],
) -> Result<Workspace, RestError> {
    let mut workspace = committed.workspace.clone();
    let mut failure = None;
    for year in rest {
        if let Some(name) = committed.keys.agreements.get(year) {
            let agreement = match store.get(name)? {
                None => Err(missing(*year, name)),
                Some(t) => decode_agreement(&t, *year),
            };
            match agreement {
                Ok(a) => workspace.agreements.push(a),
                Err(e) => {
                    failure.get_or_insert(e);
                }
            }
        }
        if let Some(name) = committed.keys.values.get(year) {
            match read_values(store, *year, name)? {
                Ok(values) => workspace.values.set_year(*year, values),
                Err(e) => {
                    failure.get_or_insert(e);
                }
            }
        }
    }
    workspace.agreements.sort_by_key(|a| a.year);
    if failure.is_none() {
        let problems = crate::domain::check::problems(&workspace, Lang::De);
        if !problems.is_empty() {
            failure = Some(LoadError::Inconsistent(problems));
        }
    }
    match failure {
        None => Ok(workspace),
        Some(error) => {
            let manifest = store.get(DOCUMENT)?.unwrap_or_default();
            Err(RestError::Unreadable {
                raw: bundle(&manifest, store, &committed.keys),
                error,
            })
        }
    }
}

/// An unreadable manifest with its keys as one text to keep aside and download: `{"arbeitsbereich": "…",
/// "arbeitsbereich.werte.2021.…": "…"}` (a missing key as null).
fn bundle(manifest: &str, store: &impl Store, keys: &YearKeys) -> String {
    let mut all = serde_json::Map::new();
    all.insert(DOCUMENT.to_owned(), manifest.into());
    for name in keys.names() {
        let text = store.get(name).ok().flatten();
        all.insert(
            name.clone(),
            text.map_or(serde_json::Value::Null, serde_json::Value::from),
        );
    }
    serde_json::Value::Object(all).to_string()
}
