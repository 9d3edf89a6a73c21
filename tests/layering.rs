//! The layering of ARCHITECTURE.md, checked: every `crate::…` and `super::…` path in the library's code (tests
//! excluded) may only name a module of the same layer or of a layer below, and within a layer the modules import
//! each other without a cycle. A new upward import or cycle fails here with the file and the path that makes it.
//!
//! Why a test and not a Cargo workspace: a workspace of crates would make the compiler refuse a cycle, but each
//! crate boundary also stops inlining across crates without LTO tweaks, turns `pub(crate)` into `pub`, and splits
//! one `cargo test` into many; the app is one small crate, and this reader of the source catches the same
//! mistakes in a second with a message that names the line.
// A test file: helpers outside #[test] functions may unwrap too; a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers from the bottom: a module may use its own layer and those listed before it.
const LAYERS: &[&[&str]] = &[
    &["core"],
    &["locale"],
    &["domain"],
    &["route"],
    &["chart"],
    &["present"],
    &["exchange"],
    &["persistence"],
    &["crash", "jobs", "storage"],
    &["ui"],
];

fn layer_of(top: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&top))
}

/// A source file and the module path it defines ("domain::attainment::target").
fn module_files(dir: &Path, out: &mut Vec<(PathBuf, Vec<String>)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            module_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix("src").unwrap_or(&path);
            let mut parts: Vec<String> = rel
                .with_extension("")
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            match parts.last().map(String::as_str) {
                Some("lib") | Some("main") if parts.len() == 1 => continue,
                Some("mod") => {
                    parts.pop();
                }
                // Unit tests in their own file are tests.
                Some("tests") => continue,
                _ => {}
            }
            out.push((path, parts));
        }
    }
}

/// The code of a file without its inline test module(s) and comments, which are blanked (so that line numbers
/// stay those of the file).
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(") && trimmed.contains("test") {
            // Blank the attribute and the item under it (to the line that closes it at the same indentation).
            let indent = line.len() - trimmed.len();
            out.push('\n');
            let Some(item) = lines.next() else { break };
            out.push('\n');
            if item.trim_end().ends_with(';') {
                continue;
            }
            for l in lines.by_ref() {
                out.push('\n');
                let t = l.trim_start();
                if l.len() - t.len() == indent && t.starts_with('}') {
                    break;
                }
            }
            continue;
        }
        if !trimmed.starts_with("//") {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// The modules a path names: `crate::a::b::…` → ["a", "b"], `super::x` resolved against `module`.
fn targets(code: &str, module: &[String]) -> Vec<(Vec<String>, String)> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    for (start, _) in code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
    {
        // Not part of a longer identifier or path ("$crate::" counts as "crate::"; in "super::super::…" the
        // first "super" resolves the whole path).
        if start > 0 {
            let before = bytes[start - 1];
            if before.is_ascii_alphanumeric() || before == b'_' || before == b':' {
                continue;
            }
        }
        let rest = &code[start..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
        let mut resolved: Vec<String>;
        let mut i = 0;
        if segments.first() == Some(&"crate") {
            resolved = Vec::new();
            i = 1;
        } else {
            resolved = module.to_vec();
            while segments.get(i) == Some(&"super") {
                resolved.pop();
                i += 1;
            }
        }
        // Module names are lower case; the first capitalised or last segment is an item.
        for s in &segments[i..] {
            if s.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                resolved.push((*s).to_owned());
            } else {
                break;
            }
        }
        let line = code[..start].lines().count().max(1);
        found.push((resolved, format!("line {line}: {path}")));
    }
    found
}

#[test]
fn no_module_imports_upward_and_no_cycle_within_a_layer() {
    let mut files = Vec::new();
    module_files(Path::new("src"), &mut files);
    assert!(files.len() > 20, "the source tree was not found");
    let tops: BTreeSet<String> = files.iter().map(|(_, m)| m[0].clone()).collect();
    for top in &tops {
        assert!(
            layer_of(top).is_some(),
            "module {top} has no layer: add it to LAYERS here and to ARCHITECTURE.md"
        );
    }

    let mut upward = Vec::new();
    // Edges between the modules directly under a top-level module ("domain::values" → "domain::indicator").
    let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (path, module) in &files {
        let Ok(text) = fs::read_to_string(path) else {
            panic!("cannot read {}", path.display());
        };
        let code = without_tests(&text);
        let from_layer = layer_of(&module[0]).unwrap_or(usize::MAX);
        for (target, at) in targets(&code, module) {
            let Some(top) = target.first() else { continue };
            if !tops.contains(top) {
                continue; // an item of the crate root (e.g. the tr! macro) or a dependency
            }
            let to_layer = layer_of(top).unwrap_or(0);
            if to_layer > from_layer {
                upward.push(format!(
                    "{} ({}) uses {} ({}): {at}",
                    path.display(),
                    module[0],
                    target.join("::"),
                    top
                ));
            } else if to_layer == from_layer && module.len() > 1 && target.len() > 1 {
                let from = format!("{}::{}", module[0], module[1]);
                let to = format!("{}::{}", target[0], target[1]);
                if from != to {
                    edges
                        .entry(from)
                        .or_default()
                        .entry(to)
                        .or_insert_with(|| format!("{}: {at}", path.display()));
                }
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports upward (see the layers in ARCHITECTURE.md):\n{}",
        upward.join("\n")
    );

    // A cycle: depth-first search that reports the path back to a module on the stack.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeMap<String, String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        cycles: &mut Vec<String>,
    ) {
        if done.contains(node) {
            return;
        }
        if let Some(at) = stack.iter().position(|n| n == node) {
            let ring = &stack[at..];
            let steps: Vec<String> = ring
                .iter()
                .zip(ring.iter().skip(1).chain(std::iter::once(&node.to_owned())))
                .map(|(a, b)| format!("  {a} → {b} ({})", edges[a][b]))
                .collect();
            cycles.push(steps.join("\n"));
            return;
        }
        stack.push(node.to_owned());
        if let Some(next) = edges.get(node) {
            for to in next.keys() {
                visit(to, edges, stack, done, cycles);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
    }
    let mut cycles = Vec::new();
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        visit(node, &edges, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(
        cycles.is_empty(),
        "module cycles within a layer:\n{}",
        cycles.join("\n\n")
    );
}

/// The reader itself: a path upward is found, resolved through `super`, and test modules are left out.
#[test]
fn the_reader_finds_paths_and_skips_tests() {
    let module = vec![
        "domain".to_owned(),
        "attainment".to_owned(),
        "target".to_owned(),
    ];
    let code = "use super::path::Paths;\nuse crate::ui::state::use_state;\nlet x = crate::locale::Lang::De;\n";
    let found: Vec<Vec<String>> = targets(code, &module).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        found,
        vec![
            vec!["ui".to_owned(), "state".to_owned(), "use_state".to_owned()],
            vec!["locale".to_owned()],
            vec![
                "domain".to_owned(),
                "attainment".to_owned(),
                "path".to_owned()
            ],
        ]
    );
    let text = "use crate::core::Lang;\n#[cfg(test)]\nmod tests {\n    use crate::ui::App;\n}\nfn after() {}\n";
    let code = without_tests(text);
    assert!(
        code.contains("crate::core") && !code.contains("crate::ui") && code.contains("fn after")
    );
    let text = "#[cfg(test)]\nmod tests;\nuse crate::route::Screen;\n";
    assert!(without_tests(text).contains("crate::route"));
}
