//! Year keys that no manifest names (issue 21, loss 6). A key is removed only where the manifest storage holds
//! proves it a leftover of this app's own saves: a key of a commit the tab knows, or the key of a year that the
//! manifest's own save replaced (left when a save without the Web Lock could not remove it a moment later). Any
//! other such key – of a foreign or older writer, of a save cut off by a crash, of a year the manifest does not
//! hold, or year keys without any manifest – is kept aside under [`ASIDE`] first (one JSON object of every such
//! key's text, as an unreadable store is) and said; only a key whose text is kept aside already goes. Nothing is
//! deleted that the app cannot account for.

use std::collections::{BTreeMap, BTreeSet};

use super::layout::{Kind, Manifest, YearKeys, decode_manifest, year_name, year_of_name};
use super::{ASIDE, DOCUMENT, Stamp, StorageError, Store};

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

/// Whether `name` is a leftover of this app's own saves under the manifest `stamp`/`keys` (whose parent is
/// `parent`): a key of a commit this tab read or wrote (`ours`), or the key the manifest's own save replaced –
/// written by its parent (the key's name holds the revision and writer of the save that wrote it) for a year the
/// manifest names under another key; it is left when a save without the Web Lock could not remove it a moment
/// later. Nothing else can be told from a foreign or older writer's key: such a key is kept aside, not removed.
fn leftover(
    keys: &YearKeys,
    parent: Option<&Stamp>,
    ours: &BTreeSet<&String>,
    name: &String,
) -> bool {
    if ours.contains(name) {
        return true;
    }
    let Some((kind, year, _)) = year_of_name(name) else {
        return false;
    };
    let named = match kind {
        Kind::Values => keys.values.contains_key(&year),
        Kind::Agreement => keys.agreements.contains_key(&year),
    };
    named && parent.is_some_and(|p| *name == year_name(kind, year, p))
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

/// Removes year keys that the manifest storage holds now does not name (read here: another tab may have
/// committed since this tab last read): its own leftovers at once (see `leftover`; `ours`: the keys of the
/// commits this tab read or wrote), anything else only once kept aside under `ASIDE` + `timestamp`.
/// Only keys no newer than the manifest's commit are looked at (a later one may belong to a save another tab is
/// making, or whose manifest has not reached this tab yet); without the lock (`under_lock` false) only keys
/// older than the commit. Without a
/// readable manifest of schema 3 nothing is touched; a store that cannot be written keeps every key.
pub fn cleanup<'a>(
    store: &mut impl Store,
    ours: impl IntoIterator<Item = &'a YearKeys>,
    under_lock: bool,
    timestamp: &str,
) -> Result<Cleaned, StorageError> {
    let Some(text) = store.get(DOCUMENT)? else {
        return Ok(Cleaned::default());
    };
    let Ok(Manifest::Current {
        stamp,
        parent,
        keys,
        ..
    }) = decode_manifest(&text)
    else {
        return Ok(Cleaned::default());
    };
    let named: BTreeSet<&String> = keys.names().collect();
    let ours: BTreeSet<&String> = ours.into_iter().flat_map(YearKeys::names).collect();
    let mut cleaned = Cleaned::default();
    let mut foreign = BTreeMap::new();
    for (name, text) in year_keys(store)? {
        let Some((_, _, revision)) = year_of_name(&name) else {
            continue;
        };
        // A key of a later revision than the manifest may be another tab's commit whose manifest has not reached
        // this tab yet (in Chromium the save lock can come before another tab's last writes): left for a later
        // start, when later commits have passed it. Without the lock, the manifest's own revision may be under
        // way too.
        let looked_at = if under_lock {
            revision <= stamp.revision
        } else {
            revision < stamp.revision
        };
        if named.contains(&name) || !looked_at {
            continue;
        }
        if leftover(&keys, parent.as_ref(), &ours, &name) {
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
