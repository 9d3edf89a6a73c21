//! The rules that keep the stored workspace safe (PRODUCT S7), as pure functions: the stored document with its
//! revision number, what to do at start-up with what storage holds, and whether a save may go ahead.
//! `storage.rs` applies them to the browser's localStorage.

use crate::domain::workspace::{EncodeError, LoadError, Workspace};
use crate::locale::Lang;

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

/// Storage name of the workspace document (the storage module adds the page's prefix). One `setItem` of it is
/// the commit point of a save: its stamp travels inside it, so no half-done save can look like either a
/// success or a failure.
pub const DOCUMENT: &str = "arbeitsbereich";
/// Storage name prefix under which an unreadable document is kept aside, never deleted by the app.
pub const ASIDE: &str = "arbeitsbereich.unlesbar.";
/// Storage name of the language the user chose for the UI ("de" or "en"), apart from the workspace: switching
/// the language is not a change of data and never touches the workspace's revision.
pub const LANGUAGE: &str = "sprache";
/// Name of the Web Lock that serialises saves across the tabs of one origin (`navigator.locks`).
pub const SAVE_LOCK: &str = "zielsteuerung.speichern";

/// Which save a stored document is: its revision and the tab that wrote it. Two tabs that save at the same
/// moment write the same revision number, but never the same stamp.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub revision: u64,
    /// The writing tab's id ("" for documents of builds before the writer was recorded).
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

/// The stored document: the workspace, its stamp, and the stamp of the document it was saved on top of.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub stamp: Stamp,
    pub parent: Option<Stamp>,
    pub workspace: Workspace,
}

/// The fields of the stored document that are not the workspace's.
const STAMP_FIELDS: [&str; 3] = ["revision", "schreiber", "basis"];

impl Document {
    /// JSON text: the stamp in front (so that [`stamp_of`] reads it without parsing the rest), then the
    /// workspace's fields.
    pub fn encode(&self) -> Result<String, EncodeError> {
        encode(&self.stamp, self.parent.as_ref(), &self.workspace)
    }

    /// Reads a stored text with the full check a backup gets: JSON, schema (older ones migrate), every field
    /// known, the whole workspace consistent. Anything else is an error and the text is left alone.
    pub fn decode(text: &str) -> Result<Document, LoadError> {
        let mut value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| LoadError::NotJson(e.to_string()))?;
        let fields = value
            .as_object_mut()
            .map(|o| STAMP_FIELDS.map(|name| o.remove(name)));
        let [revision, writer, parent] = fields.unwrap_or([None, None, None]);
        let stamp = Stamp {
            revision: revision
                .as_ref()
                .and_then(serde_json::Value::as_u64)
                .unwrap_or(0),
            writer: writer
                .as_ref()
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default()
                .to_owned(),
        };
        let parent = parent.as_ref().and_then(|p| {
            let p = p.as_array()?;
            Some(Stamp {
                revision: p.first()?.as_u64()?,
                writer: p.get(1)?.as_str()?.to_owned(),
            })
        });
        let workspace = checked_workspace(value, Lang::De)?;
        Ok(Document {
            stamp,
            parent,
            workspace,
        })
    }
}

mod check;

pub use check::checked_workspace;

/// The stored text of `workspace` with its stamp (what [`Document::encode`] writes), from a borrowed workspace:
/// this runs on every change, so it neither copies the workspace nor builds a JSON tree.
pub fn encode(
    stamp: &Stamp,
    parent: Option<&Stamp>,
    workspace: &Workspace,
) -> Result<String, EncodeError> {
    let json = workspace.to_json()?;
    let rest = json
        .strip_prefix('{')
        .ok_or_else(|| EncodeError("kein JSON-Objekt".into()))?;
    let writer = serde_json::to_string(&stamp.writer).map_err(|e| EncodeError(e.to_string()))?;
    let parent = match parent {
        Some(p) => format!(
            ",\"basis\":[{},{}]",
            p.revision,
            serde_json::to_string(&p.writer).map_err(|e| EncodeError(e.to_string()))?
        ),
        None => String::new(),
    };
    Ok(format!(
        "{{\"revision\":{},\"schreiber\":{writer}{parent},{rest}",
        stamp.revision
    ))
}

/// The stamp and parent of a stored text, read from its first characters without parsing the rest; `None` when
/// the text does not begin as this app writes it (an older build's document then needs [`Document::decode`]).
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

/// What storage held at start-up, and so what the app starts with.
#[derive(Clone, Debug, PartialEq)]
pub enum Startup {
    /// Nothing stored: the example workspace, saved with the first change.
    Fresh,
    /// A readable document, with its text (the base of a later merge).
    Loaded(Document, String),
    /// Something the app cannot read (corrupt, inconsistent, with unknown fields, or from a newer version). It must
    /// be kept aside and never written over; the user is told and can download the raw text.
    Unreadable { raw: String, error: LoadError },
}

/// Decides from the stored text.
pub fn startup(stored: Option<String>) -> Startup {
    match stored {
        None => Startup::Fresh,
        Some(raw) => match Document::decode(&raw) {
            Ok(doc) => Startup::Loaded(doc, raw),
            Err(error) => Startup::Unreadable { raw, error },
        },
    }
}

/// What a tab knows of the stored document: what it last read there and what it last wrote, and the texts of
/// the last few documents it knew (the bases of a three-way merge). The stamps tell a foreign save from its own
/// even at an equal revision.
#[derive(Clone, Debug, PartialEq)]
pub struct Sync {
    /// This tab's writer id.
    pub writer: String,
    /// The stamp of the document this tab last read from storage (at start-up, or taken in from another tab); at
    /// a fresh start [`Stamp::none`] for the workspace it began with.
    read: Stamp,
    /// The stamp of this tab's last write.
    written: Option<Stamp>,
    /// Which of the two storage holds as far as this tab knows.
    last_was_write: bool,
    /// The texts of the documents this tab read or wrote last, newest last (a few, bounded).
    known_texts: Vec<(Stamp, String)>,
}

/// How many documents a tab remembers as possible bases of a merge.
const REMEMBERED: usize = 8;

/// What a save must do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Plan {
    /// Storage holds what this tab knows: write under `stamp`, on top of `parent`.
    Write { stamp: Stamp, parent: Option<Stamp> },
    /// Another tab saved since: merge with it before anything is written.
    Foreign(Stamp),
    /// The revision counter is at its end: nothing can be saved.
    Exhausted,
}

impl Sync {
    /// At start-up: the document read (or, at a fresh start, the text of the workspace begun with).
    pub fn new(writer: &str, stamp: Stamp, text: String) -> Sync {
        Sync {
            writer: writer.to_owned(),
            read: stamp.clone(),
            written: None,
            last_was_write: false,
            known_texts: vec![(stamp, text)],
        }
    }

    /// The stamp storage holds as far as this tab knows.
    pub fn known(&self) -> &Stamp {
        match (&self.written, self.last_was_write) {
            (Some(stamp), true) => stamp,
            _ => &self.read,
        }
    }

    /// Whether the stored stamp is the one this tab knows ("nothing stored" is the stamp of a fresh start).
    pub fn is_known(&self, stored: Option<&Stamp>) -> bool {
        stored.unwrap_or(&Stamp::none()) == self.known()
    }

    /// What a save does, given the stamp storage holds now (`force`: the user chose to save over it).
    pub fn plan(&self, stored: Option<&Stamp>, force: bool) -> Plan {
        let base = match stored {
            Some(s) if force || s == self.known() => s.clone(),
            None if force || self.known() == &Stamp::none() => Stamp::none(),
            Some(s) => return Plan::Foreign(s.clone()),
            // Storage emptied by hand since: write on top of what this tab knew, never backwards.
            None => self.known().clone(),
        };
        match base.next(&self.writer) {
            Some(stamp) => Plan::Write {
                stamp,
                parent: (base != Stamp::none()).then_some(base),
            },
            None => Plan::Exhausted,
        }
    }

    fn remember(&mut self, stamp: Stamp, text: String) {
        self.known_texts.retain(|(s, _)| *s != stamp);
        self.known_texts.push((stamp, text));
        if self.known_texts.len() > REMEMBERED {
            self.known_texts.remove(0);
        }
    }

    /// A write succeeded.
    pub fn wrote(&mut self, stamp: Stamp, text: String) {
        self.written = Some(stamp.clone());
        self.last_was_write = true;
        self.remember(stamp, text);
    }

    /// A foreign document was read (taken over or merged with).
    pub fn read(&mut self, stamp: Stamp, text: String) {
        self.read = stamp.clone();
        self.last_was_write = false;
        self.remember(stamp, text);
    }

    /// The text to merge against for a foreign document saved on top of `parent`: that document itself when this
    /// tab knows it (the foreign save built on this tab's write, or on what it read), otherwise the document this
    /// tab last read (its last state in common with the others: if its own write since was lost, its changes
    /// count again; nothing of its own is dropped).
    pub fn base_for(&self, parent: Option<&Stamp>) -> &str {
        let of = |stamp: &Stamp| {
            self.known_texts
                .iter()
                .rev()
                .find(|(s, _)| s == stamp)
                .map(|(_, t)| t.as_str())
        };
        parent
            .and_then(of)
            .or_else(|| of(&self.read))
            .unwrap_or_default()
    }
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
