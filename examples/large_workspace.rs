//! The large benchmark workspace (20 years × 40 indicators × 3 populations × 12 months) as the app stores it:
//! prints on stdout a JSON object of every localStorage key the app writes (with the prefix of a page served by
//! a web server) and its text, laid out by the same `persistence::plan_save` and `commit` as in the app, so that
//! it follows any change of the stored format.
//!
//!     cargo run --release --no-default-features --example large_workspace > large.json
//!     cargo run --release --no-default-features --example large_workspace -- --backup > sicherung.json
//!
//! `--years=N` makes N years instead of 20. With `--csv` it prints the CSV of all its values. With `--backup` it
//! prints the same workspace as the backup file the app downloads (pretty-printed JSON): the
//! largest backup a real user has, for the tests of big files.
//! With `--members=N --dir=DIR` it writes the backups of N synthetic job centres (3 years × 15 indicators × 3
//! populations × 12 months each, `domain::synthetic::member_workspace`) to DIR as `jobcenter-001.json` …: the
//! files a ministry's comparison takes in (issue 23).
//! On stderr one line tells the key (with the prefix of a page served by a web server); `scripts/bench.mjs` reads
//! it.
// A command-line tool of the bench: it prints its figures, and stops on a broken setup.
#![allow(clippy::print_stdout, clippy::expect_used, clippy::unwrap_used)]
use std::io::Write;

use zielsteuerung::domain::synthetic::large_workspace;
use zielsteuerung::persistence::{
    Committed, DOCUMENT, MemoryStore, PREFIX, Stamp, commit, plan_save,
};

/// Writes `n` member backups to `dir`; exits on a file that cannot be written.
fn members(n: u32, dir: &str) {
    let mut bytes = 0;
    for number in 1..=n {
        let text = zielsteuerung::exchange::backup::export(
            &zielsteuerung::domain::synthetic::member_workspace(number),
        );
        bytes += text.len();
        let path = format!("{dir}/jobcenter-{number:03}.json");
        if std::fs::write(&path, text).is_err() {
            eprintln!("large_workspace: could not write {path}");
            std::process::exit(1);
        }
    }
    eprintln!("large_workspace: members={n} bytes={bytes}");
}

fn main() {
    let arg = |name: &str| std::env::args().find_map(|a| a.strip_prefix(name).map(str::to_owned));
    if let (Some(n), Some(dir)) = (
        arg("--members=").and_then(|n| n.parse().ok()),
        arg("--dir="),
    ) {
        members(n, &dir);
        return;
    }
    // `--years=N` for a larger (or smaller) workspace than the 20 years of the bench.
    let years = std::env::args()
        .find_map(|a| a.strip_prefix("--years=").and_then(|n| n.parse().ok()))
        .unwrap_or(20);
    let workspace = large_workspace(years, 40);
    let as_file = if std::env::args().any(|a| a == "--backup") {
        Some(zielsteuerung::exchange::backup::export(&workspace))
    } else if std::env::args().any(|a| a == "--csv") {
        Some(zielsteuerung::exchange::csv::export(&workspace, None))
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
    let stamp = Stamp {
        revision: 1,
        writer: "bench".into(),
    };
    let plan = match plan_save(
        &stamp,
        None,
        &workspace,
        &Committed::none(workspace.clone()),
    ) {
        Ok(Some(plan)) => plan,
        Ok(None) => unreachable!("a first save always writes"),
        Err(e) => {
            eprintln!("large_workspace: {}", e.0);
            std::process::exit(1);
        }
    };
    let mut store = MemoryStore::default();
    if let Err(e) = commit(&mut store, &plan, true) {
        eprintln!("large_workspace: {e}");
        std::process::exit(1);
    }
    let keys: serde_json::Map<String, serde_json::Value> = store
        .items
        .iter()
        .map(|(name, text)| (format!("{PREFIX}{name}"), text.clone().into()))
        .collect();
    let bytes: usize = store.items.values().map(String::len).sum();
    let manifest = store.items.get(DOCUMENT).map_or(0, String::len);
    let text = serde_json::Value::Object(keys).to_string();
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        eprintln!("large_workspace: could not write the keys to stdout");
        std::process::exit(1);
    }
    eprintln!(
        "large_workspace: document={PREFIX}{DOCUMENT} bytes={bytes} keys={} manifest={manifest}",
        store.items.len()
    );
}
