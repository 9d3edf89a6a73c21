//! The large benchmark workspace (20 years × 40 indicators × 3 populations × 12 months) as the app stores it:
//! prints on stdout exactly the text `storage::save_workspace` writes under `zielsteuerung.arbeitsbereich`,
//! made by the same `persistence::Document::encode`, so that it follows any change of the stored format.
//!
//!     cargo run --release --no-default-features --example large_workspace > large.json
//!
//! On stderr one line tells the key (with the prefix of a page served by a web server); `scripts/bench.mjs` reads
//! it.
use std::io::Write;

use zielsteuerung::domain::synthetic::large_workspace;
use zielsteuerung::persistence::{DOCUMENT, Document, PREFIX, Stamp};

fn main() {
    let document = Document {
        stamp: Stamp {
            revision: 1,
            writer: "bench".into(),
        },
        parent: None,
        workspace: large_workspace(20, 40),
    };
    let text = match document.encode() {
        Ok(text) => text,
        Err(e) => {
            eprintln!("large_workspace: {}", e.0);
            std::process::exit(1);
        }
    };
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
        "large_workspace: document={PREFIX}{DOCUMENT} bytes={}",
        text.len()
    );
}
