//! The rules that keep the stored workspace safe (PRODUCT S7), as pure functions over a [`Store`]: how the
//! workspace is laid out in storage (schema 3: a manifest and one key per year of values, `layout`), how a save
//! commits (`commit`: the years that changed first, the manifest last as the one commit point, then the old
//! keys go), what start-up reads, and what a tab knows of other tabs' saves (`sync`). `storage.rs` gives them the
//! browser's localStorage; the tests give them a map that can fail at any write.

use crate::locale::Lang;
use crate::tr;

/// Prefix of every key this app writes when it is served by a web server: the app never collides with other pages
/// of the same intranet origin.
pub const PREFIX: &str = "zielsteuerung.";

/// Prefix of every key when the page is opened as a file (`file://`, which includes a network share): Chromium
/// gives every such page the same storage, so the keys name this app and its offline file.
pub const FILE_PREFIX: &str = "zielsteuerung-offline-datei.";

/// The key prefix for a page loaded with this URL scheme (`location.protocol`, e.g. `"https:"`).
pub fn prefix_for(protocol: &str) -> &'static str {
    if protocol.eq_ignore_ascii_case("file:") {
        FILE_PREFIX
    } else {
        PREFIX
    }
}

/// Storage name of the manifest (the storage module adds the page's prefix): the workspace without its values,
/// the names of the year keys that hold them, and the stamp. One `setItem` of it is the commit point of a save.
/// Builds before schema 3 kept the whole document here.
pub const DOCUMENT: &str = "arbeitsbereich";
/// Storage name prefix of the keys that hold one year's values: "arbeitsbereich.werte.2021.17.t-0a1b2c3d" (year,
/// then the revision and writer of the save that wrote it, so that no save ever writes over a key a manifest
/// names).
pub const YEARS: &str = "arbeitsbereich.werte.";
/// Storage name prefix of the keys that hold one year's agreement, named as [`YEARS`].
pub const AGREEMENTS: &str = "arbeitsbereich.vereinbarung.";
/// Storage name prefix under which an unreadable document is kept aside, never deleted by the app.
pub const ASIDE: &str = "arbeitsbereich.unlesbar.";
/// Storage name of the language the user chose for the UI ("de" or "en"), apart from the workspace: switching
/// the language is not a change of data and never touches the workspace's revision.
pub const LANGUAGE: &str = "sprache";
/// Storage name of what this browser knows of backups (see [`BackupNote`]), apart from the workspace: the note
/// names the workspace it is of, so that it needs no field in the stored workspace.
pub const BACKUP_NOTE: &str = "sicherung";
/// Storage name prefix under which a backup note that cannot be read is kept aside (never deleted by the app).
pub const BACKUP_NOTE_ASIDE: &str = "sicherung.unlesbar.";

/// Name of the Web Lock that serialises saves across the tabs of one origin (`navigator.locks`).
pub const SAVE_LOCK: &str = "zielsteuerung.speichern";

/// Name of the Web Lock under which one tab at a time compares and writes the linked workspace file.
pub const FILE_LOCK: &str = "zielsteuerung.datei";

/// Which save a stored document is: its revision and the tab that wrote it. Two tabs that save at the same
/// moment write the same revision number, but never the same stamp.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub revision: u64,
    /// The writing tab's id ("" for documents of builds before the writer was recorded).
    #[serde(rename = "schreiber")]
    pub writer: String,
}

impl Stamp {
    /// What "nothing stored yet" counts as.
    pub fn none() -> Stamp {
        Stamp {
            revision: 0,
            writer: String::new(),
        }
    }
    /// The stamp of the next save by `writer` on top of this one; `None` when the counter is at its end
    /// (only a crafted store reaches 2^64 − 1).
    pub fn next(&self, writer: &str) -> Option<Stamp> {
        Some(Stamp {
            revision: self.revision.checked_add(1)?,
            writer: writer.to_owned(),
        })
    }
}

/// The fields of a stored manifest (or older document) that are not the workspace's.
const STAMP_FIELDS: [&str; 3] = ["revision", "schreiber", "basis"];

mod check;
mod commit;
pub mod file;
mod forced;
mod layout;
pub mod members;
mod note;
mod orphans;
mod read;
mod sync;

pub use check::checked_workspace;
pub use commit::{Committed, Encoded, SavePlan, commit, plan_save, plan_save_with, remove_unnamed};
pub use forced::{Over, Refused, base_of_chosen_save, base_of_save};
pub use layout::{
    Kind, Manifest, YearKeys, decode_manifest, encode_manifest, year_name, year_of_name,
};
pub use note::{BackupNote, NoteOf};
pub use orphans::{Cleaned, KeptAside, cleanup, free_name, keep_aside};
pub use read::{RestError, Startup, read, read_first, read_rest};
pub use sync::{Base, SaveStep, StoreView};

/// Why a storage call did not succeed. Never a panic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives this page no localStorage at all.
    Unavailable,
    /// The browser refused to store more (about 5 MB per origin).
    QuotaExceeded,
    /// The stored text exists but is not what we expect; it is left untouched.
    Unreadable(String),
    /// Any other error the browser reported.
    Browser(String),
}

impl StorageError {
    /// The message shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StorageError::Unavailable => tr!(
                lang,
                "Der Browser erlaubt dieser Seite keinen lokalen Speicher. \
                Ihre Eingaben bleiben nur bis zum Schließen des Tabs erhalten; sichern Sie sie als Datei.",
                "The browser gives this page no local storage. \
                Your entries last only until the tab is closed; save them to a file."
            ),
            StorageError::QuotaExceeded => tr!(
                lang,
                "Der lokale Speicher des Browsers ist voll. \
                Die letzte Änderung ist nur im Arbeitsspeicher; sichern Sie den Arbeitsbereich als Datei.",
                "The browser's local storage is full. \
                The last change is only in memory; save the workspace to a file."
            ),
            StorageError::Unreadable(detail) => tr!(
                lang,
                "Die gespeicherten Daten können nicht gelesen werden ({detail}). Sie bleiben unverändert erhalten.",
                "The stored data cannot be read ({detail}). It is kept unchanged."
            ),
            StorageError::Browser(detail) => tr!(
                lang,
                "Der Browser meldet einen Speicherfehler: {detail}",
                "The browser reports a storage error: {detail}"
            ),
        }
    }
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::De))
    }
}

impl std::error::Error for StorageError {}

/// What the rules need of storage: texts by name (the browser's localStorage, without the page's prefix; a map
/// in the tests).
pub trait Store {
    /// The text under `name`; `None` when there is none.
    fn get(&self, name: &str) -> Result<Option<String>, StorageError>;
    /// Stores `text` under `name`, whole or not at all.
    fn set(&mut self, name: &str, text: &str) -> Result<(), StorageError>;
    /// Removes `name` (no error when there is none).
    fn remove(&mut self, name: &str) -> Result<(), StorageError>;
    /// The names this app has stored (without the prefix).
    fn names(&self) -> Result<Vec<String>, StorageError>;
}

/// A store in memory: the tests' storage, and the bench's way of laying out a workspace as the app would.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MemoryStore {
    pub items: std::collections::BTreeMap<String, String>,
    /// `set` fails with this error after that many more successful writes (`None`: never).
    pub fail_after: Option<(usize, StorageError)>,
}

impl Store for MemoryStore {
    fn get(&self, name: &str) -> Result<Option<String>, StorageError> {
        Ok(self.items.get(name).cloned())
    }
    fn set(&mut self, name: &str, text: &str) -> Result<(), StorageError> {
        if let Some((left, error)) = &mut self.fail_after {
            if *left == 0 {
                return Err(error.clone());
            }
            *left -= 1;
        }
        self.items.insert(name.to_owned(), text.to_owned());
        Ok(())
    }
    fn remove(&mut self, name: &str) -> Result<(), StorageError> {
        self.items.remove(name);
        Ok(())
    }
    fn names(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.items.keys().cloned().collect())
    }
}

/// The stamp and parent of a stored text, read from its first characters without parsing the rest; `None` when
/// the text does not begin as this app writes it (an older build's document then needs [`decode_manifest`]).
pub fn stamp_of(text: &str) -> Option<(Stamp, Option<Stamp>)> {
    let rest = text.strip_prefix("{\"revision\":")?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let revision: u64 = rest[..digits].parse().ok()?;
    let rest = &rest[digits..];
    let quoted = |r: &str| -> Option<(String, usize)> {
        let r = r.strip_prefix('"')?;
        let end = r.find('"')?;
        let body = &r[..end];
        // Writer ids are plain ASCII without escapes.
        (!body.contains('\\')).then(|| (body.to_owned(), end + 2))
    };
    let Some(rest) = rest.strip_prefix(",\"schreiber\":") else {
        return Some((
            Stamp {
                revision,
                writer: String::new(),
            },
            None,
        ));
    };
    let (writer, used) = quoted(rest)?;
    let rest = &rest[used..];
    let stamp = Stamp { revision, writer };
    let Some(rest) = rest.strip_prefix(",\"basis\":[") else {
        return Some((stamp, None));
    };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let parent_revision: u64 = rest[..digits].parse().ok()?;
    let rest = rest[digits..].strip_prefix(',')?;
    let (parent_writer, _) = quoted(rest)?;
    Some((
        stamp,
        Some(Stamp {
            revision: parent_revision,
            writer: parent_writer,
        }),
    ))
}

/// The file name for downloading an unreadable document: "zielsteuerung-unlesbar-2026-11-26T10-30-00.json".
pub fn aside_file_name(timestamp_iso: &str) -> String {
    let safe: String = timestamp_iso
        .chars()
        .take(19)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == 'T' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("zielsteuerung-unlesbar-{safe}.json")
}

#[cfg(test)]
mod tests;
