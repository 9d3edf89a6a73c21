//! Year keys that no manifest names (issue 21, loss 6). A key is removed only where the manifest storage holds
//! proves it a leftover of this app's own saves: a version of a year the manifest names under another key (older,
//! superseded by a later save; or newer, written by a save cut off before its manifest). Any other such key – a
//! year the manifest does not hold, or year keys without any manifest – is kept aside under [`ASIDE`] first (one
//! JSON object of every such key's text, as an unreadable store is) and said; only a key whose text is kept
//! aside already goes. Nothing is deleted that the app cannot account for.

use std::collections::BTreeMap;

use super::commit::Committed;
use super::layout::{Kind, year_of_name};
use super::{ASIDE, StorageError, Store};

/// What [`cleanup`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// How many leftovers of this app's own saves went.
    pub removed: usize,
    /// The keys that were no leftovers and were kept aside (then removed): where and what.
    pub kept_aside: Option<KeptAside>,
}

/// Year keys kept aside because no manifest accounts for them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptAside {
    /// The storage name they are kept under (without the page's prefix).
    pub key: String,
    /// Their names.
    pub names: Vec<String>,
    /// The kept text: `{"arbeitsbereich.werte.2019.4.t-…": "…", …}`.
    pub raw: String,
}

/// Every year key in storage, with its text.
pub fn year_keys(store: &impl Store) -> Result<BTreeMap<String, String>, StorageError> {
    let mut keys = BTreeMap::new();
    for name in store.names()? {
        if year_of_name(&name).is_none() {
            continue;
        }
        if let Some(text) = store.get(&name)? {
            keys.insert(name, text);
        }
    }
    Ok(keys)
}

/// The JSON object of `keys` (name → text) that is kept aside.
pub fn bundle_of(keys: &BTreeMap<String, String>) -> String {
    serde_json::Value::Object(
        keys.iter()
            .map(|(name, text)| (name.clone(), serde_json::Value::from(text.as_str())))
            .collect(),
    )
    .to_string()
}

/// Whether `name` is a leftover of this app's own saves under the manifest `committed`: a version of a year the
/// manifest holds under another key.
fn leftover(committed: &Committed, name: &str) -> bool {
    let Some((kind, year, _)) = year_of_name(name) else {
        return false;
    };
    let named = match kind {
        Kind::Values => committed.keys.values.get(&year),
        Kind::Agreement => committed.keys.agreements.get(&year),
    };
    named.is_some_and(|named| named != name)
}

/// The texts kept aside so far, by key name: what a kept bundle holds under each name.
fn already_kept(store: &impl Store) -> Result<BTreeMap<String, Vec<String>>, StorageError> {
    let mut kept: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for name in store.names()? {
        if !name.starts_with(ASIDE) {
            continue;
        }
        let Some(text) = store.get(&name)? else {
            continue;
        };
        if let Ok(serde_json::Value::Object(map)) = serde_json::from_str(&text) {
            for (key, value) in map {
                if let serde_json::Value::String(s) = value {
                    kept.entry(key).or_default().push(s);
                }
            }
        }
    }
    Ok(kept)
}

/// Removes year keys that the manifest `committed` does not name: its own leftovers at once, anything else only
/// once kept aside under `ASIDE` + `timestamp`. `under_lock`: this tab holds the save lock, so no other save is
/// under way; without it only keys older than the commit are looked at (a later one may belong to a save
/// another tab is making right now). A store that cannot be written keeps every key.
pub fn cleanup(
    store: &mut impl Store,
    committed: &Committed,
    under_lock: bool,
    timestamp: &str,
) -> Result<Cleaned, StorageError> {
    let named: std::collections::BTreeSet<&String> = committed.keys.names().collect();
    let mut cleaned = Cleaned::default();
    let mut foreign = BTreeMap::new();
    for (name, text) in year_keys(store)? {
        let Some((_, _, revision)) = year_of_name(&name) else {
            continue;
        };
        if named.contains(&name) || !(under_lock || revision < committed.stamp.revision) {
            continue;
        }
        if leftover(committed, &name) {
            if store.remove(&name).is_ok() {
                cleaned.removed += 1;
            }
        } else {
            foreign.insert(name, text);
        }
    }
    if foreign.is_empty() {
        return Ok(cleaned);
    }
    // What an earlier keeping aside holds already is accounted for: it goes without a second copy.
    let kept = already_kept(store)?;
    let (accounted, new): (BTreeMap<_, _>, BTreeMap<_, _>) = foreign
        .into_iter()
        .partition(|(name, text)| kept.get(name).is_some_and(|texts| texts.contains(text)));
    for name in accounted.keys() {
        if store.remove(name).is_ok() {
            cleaned.removed += 1;
        }
    }
    if new.is_empty() {
        return Ok(cleaned);
    }
    let raw = bundle_of(&new);
    let key = free_name(store, &format!("{ASIDE}{timestamp}"))?;
    store.set(&key, &raw)?;
    for name in new.keys() {
        let _ = store.remove(name);
    }
    cleaned.kept_aside = Some(KeptAside {
        key,
        names: new.into_keys().collect(),
        raw,
    });
    Ok(cleaned)
}

/// `base`, or `base` with "-2", "-3", … where that name is taken: keeping aside never writes over what was kept.
pub fn free_name(store: &impl Store, base: &str) -> Result<String, StorageError> {
    if store.get(base)?.is_none() {
        return Ok(base.to_owned());
    }
    let mut n = 2u32;
    loop {
        let name = format!("{base}-{n}");
        if store.get(&name)?.is_none() {
            return Ok(name);
        }
        n = n.saturating_add(1);
    }
}

/// Keeps `raw` (an unreadable store's text) under `aside` + `timestamp` before anything is written over it;
/// returns the name it is kept under. A text kept aside already is not copied again.
pub fn keep_aside(
    store: &mut impl Store,
    aside: &str,
    raw: &str,
    timestamp: &str,
) -> Result<String, StorageError> {
    for name in store.names()? {
        if name.starts_with(aside) && store.get(&name)?.as_deref() == Some(raw) {
            return Ok(name);
        }
    }
    let name = free_name(store, &format!("{aside}{timestamp}"))?;
    store.set(&name, raw)?;
    Ok(name)
}
