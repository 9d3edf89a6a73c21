//! The large benchmark workspace (20 years × 40 indicators × 3 populations × 12 months) as the app stores it:
//! prints on stdout exactly the text `storage::save_workspace` writes under `zielsteuerung.arbeitsbereich`,
//! made by the same `persistence::Document::encode`, so that it follows any change of the stored format.
//!
//!     cargo run --release --no-default-features --example large_workspace > large.json
//!     cargo run --release --no-default-features --example large_workspace -- --backup > sicherung.json
//!
//! `--years=N` makes N years instead of 20. With `--csv` it prints the CSV of all its values. With `--backup` it
//! prints the same workspace as the backup file the app downloads (pretty-printed JSON): the
//! largest backup a real user has, for the tests of big files.
//! On stderr one line tells the key (with the prefix of a page served by a web server); `scripts/bench.mjs` reads
//! it.
// A command-line tool of the bench: it prints its figures, and stops on a broken setup.
#![allow(clippy::print_stdout, clippy::expect_used, clippy::unwrap_used)]
use std::io::Write;

use zielsteuerung::domain::synthetic::large_workspace;
use zielsteuerung::persistence::{DOCUMENT, Document, PREFIX, Stamp};

fn main() {
    // `--years=N` for a larger (or smaller) workspace than the 20 years of the bench.
    let years = std::env::args()
        .find_map(|a| a.strip_prefix("--years=").and_then(|n| n.parse().ok()))
        .unwrap_or(20);
    let document = Document {
        stamp: Stamp {
            revision: 1,
            writer: "bench".into(),
        },
        parent: None,
        workspace: large_workspace(years, 40),
    };
    let as_file = if std::env::args().any(|a| a == "--backup") {
        Some(zielsteuerung::exchange::backup::export(&document.workspace))
    } else if std::env::args().any(|a| a == "--csv") {
        Some(zielsteuerung::exchange::csv::export(
            &document.workspace,
            None,
        ))
    } else {
        None
    };
    if let Some(text) = as_file {
        let mut out = std::io::stdout().lock();
        if out
            .write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            eprintln!("large_workspace: could not write the file to stdout");
            std::process::exit(1);
        }
        eprintln!("large_workspace: file bytes={}", text.len());
        return;
    }
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
