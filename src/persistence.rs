//! The rules that keep the stored workspace safe (SPEC S7), as pure functions: the stored document with its
//! revision number, what to do at start-up with what storage holds, and whether a save may go ahead.
//! `storage.rs` applies them to the browser's localStorage.

use crate::domain::workspace::{LoadError, Workspace};

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

/// Storage name of the workspace document (the storage module adds the page's prefix).
pub const DOCUMENT: &str = "arbeitsbereich";
/// Storage name of the revision of the document, kept apart so that a save can check it cheaply.
pub const REVISION: &str = "arbeitsbereich.revision";
/// Storage name prefix under which an unreadable document is kept aside, never deleted by the app.
pub const ASIDE: &str = "arbeitsbereich.unlesbar.";
/// Storage name of the language the user chose for the UI ("de" or "en"), apart from the workspace: switching
/// the language is not a change of data and never touches the workspace's revision.
pub const LANGUAGE: &str = "sprache";

/// The stored document: the workspace and the revision that counts every save.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub revision: u64,
    pub workspace: Workspace,
}

impl Document {
    /// JSON text: the workspace's fields with `"revision"` beside its schema version.
    pub fn encode(&self) -> String {
        encode(self.revision, &self.workspace)
    }

    /// Reads the stored text; a document without revision counts as revision 0.
    pub fn decode(text: &str) -> Result<Document, LoadError> {
        let mut value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| LoadError::NotJson(e.to_string()))?;
        let revision = value
            .as_object_mut()
            .and_then(|o| o.remove("revision"))
            .and_then(|r| r.as_u64())
            .unwrap_or(0);
        Ok(Document {
            revision,
            workspace: Workspace::from_value(value)?,
        })
    }
}

/// The stored text of `workspace` at `revision` (what [`Document::encode`] writes), from a borrowed workspace:
/// this runs on every change, so it neither copies the workspace nor builds a JSON tree. The workspace is an
/// object that always has fields, so the revision goes in front of its first one.
pub fn encode(revision: u64, workspace: &Workspace) -> String {
    let json = workspace.to_json();
    match json.strip_prefix('{') {
        Some(rest) => format!("{{\"revision\":{revision},{rest}"),
        None => json,
    }
}

/// What storage held at start-up, and so what the app starts with.
#[derive(Clone, Debug, PartialEq)]
pub enum Startup {
    /// Nothing stored: the example workspace, saved with the first change.
    Fresh,
    /// A readable document.
    Loaded(Document),
    /// Something the app cannot read (corrupt, or from a newer version). It must be kept aside and never written
    /// over; the user is told and can download the raw text.
    Unreadable { raw: String, error: LoadError },
}

/// Decides from the stored text.
pub fn startup(stored: Option<String>) -> Startup {
    match stored {
        None => Startup::Fresh,
        Some(raw) => match Document::decode(&raw) {
            Ok(doc) => Startup::Loaded(doc),
            Err(error) => Startup::Unreadable { raw, error },
        },
    }
}

/// Whether a save may go ahead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveCheck {
    /// Storage still holds the revision this tab knows (or nothing): save as `next`.
    Proceed { next: u64 },
    /// Another tab saved a newer revision since: saving now would silently overwrite it.
    OtherTabSaved { theirs: u64 },
}

/// Compares the revision this tab last loaded or saved with the one in storage.
pub fn check_save(known: u64, stored: Option<u64>) -> SaveCheck {
    match stored {
        Some(theirs) if theirs > known => SaveCheck::OtherTabSaved { theirs },
        Some(theirs) => SaveCheck::Proceed {
            next: theirs.max(known) + 1,
        },
        None => SaveCheck::Proceed { next: known + 1 },
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
mod tests {
    use super::*;
    use crate::domain::example::odenwaldkreis;

    #[test]
    fn document_round_trips_with_its_revision() {
        let doc = Document {
            revision: 41,
            workspace: odenwaldkreis(),
        };
        let text = doc.encode();
        assert!(text.contains("\"revision\":41"), "{}", &text[..80]);
        assert!(text.contains("\"schema_version\":2"));
        assert_eq!(Document::decode(&text), Ok(doc));
    }

    #[test]
    fn keys_are_prefixed_by_how_the_page_was_opened() {
        assert_eq!(prefix_for("https:"), "zielsteuerung.");
        assert_eq!(prefix_for("http:"), "zielsteuerung.");
        assert_eq!(prefix_for("file:"), "zielsteuerung-offline-datei.");
        assert_eq!(prefix_for("FILE:"), "zielsteuerung-offline-datei.");
        assert_eq!(prefix_for(""), "zielsteuerung.");
    }

    #[test]
    fn startup_decisions() {
        assert_eq!(startup(None), Startup::Fresh);
        let doc = Document {
            revision: 3,
            workspace: Workspace::empty("KJC"),
        };
        assert_eq!(startup(Some(doc.encode())), Startup::Loaded(doc));
        match startup(Some("{\"schema_version\":1, kaputt".into())) {
            Startup::Unreadable {
                raw,
                error: LoadError::NotJson(_),
            } => assert!(raw.contains("kaputt")),
            other => panic!("{other:?}"),
        }
        match startup(Some("{\"schema_version\":9,\"revision\":2}".into())) {
            Startup::Unreadable {
                error: LoadError::NewerSchema { found: 9 },
                ..
            } => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_newer_revision_from_another_tab_stops_the_save() {
        assert_eq!(check_save(0, None), SaveCheck::Proceed { next: 1 });
        assert_eq!(check_save(7, Some(7)), SaveCheck::Proceed { next: 8 });
        assert_eq!(
            check_save(7, Some(8)),
            SaveCheck::OtherTabSaved { theirs: 8 }
        );
        // Storage older than what this tab knows (e.g. cleared by hand): never go backwards.
        assert_eq!(check_save(7, Some(2)), SaveCheck::Proceed { next: 8 });
    }

    #[test]
    fn aside_file_names_are_safe() {
        assert_eq!(
            aside_file_name("2026-11-26T10:30:00.123Z"),
            "zielsteuerung-unlesbar-2026-11-26T10-30-00.json"
        );
    }
}
