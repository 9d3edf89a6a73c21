//! The large benchmark workspace (20 years × 40 indicators × 3 populations × 12 months) as the app stores it:
//! prints on stdout exactly the text `storage::save_workspace` writes under `zielsteuerung.arbeitsbereich`,
//! made by the same `persistence::Document::encode`, so that it follows any change of the stored format.
//!
//!     cargo run --release --no-default-features --example large_workspace > large.json
//!
//! On stderr one line tells the keys (with the prefix of a page served by a web server) and the revision to store
//! beside the document; `scripts/bench.mjs` reads it.
use std::io::Write;

use zielsteuerung::domain::synthetic::large_workspace;
use zielsteuerung::persistence::{DOCUMENT, Document, PREFIX, REVISION};

fn main() {
    let revision = 1;
    let text = Document {
        revision,
        workspace: large_workspace(20, 40),
    }
    .encode();
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        eprintln!("large_workspace: could not write the document to stdout");
        std::process::exit(1);
    }
    eprintln!(
        "large_workspace: document={PREFIX}{DOCUMENT} revision_key={PREFIX}{REVISION} revision={revision} bytes={}",
        text.len()
    );
}
