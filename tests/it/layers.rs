//! The layers of docs/ARCHITECTURE.md, checked on the source: each module
//! of the library uses only the modules below it, the pure layers use no
//! window, SQL or printing crate, and no screen uses the shell (`ui/app.rs`).
//! A change that breaks a rule fails here with the file and the line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The library's top-level modules and the ones each may use.
const LAYERS: &[(&str, &[&str])] = &[
    ("instrument", &[]),
    ("problem", &[]),
    ("console", &[]),
    ("model", &["instrument"]),
    ("paths", &["problem"]),
    ("store", &["model", "instrument", "problem"]),
    ("print", &["model", "instrument", "problem"]),
    ("session", &["store", "model", "instrument", "problem"]),
    ("demo", &["store", "model", "instrument", "problem"]),
    (
        "large",
        &["demo", "store", "model", "instrument", "problem"],
    ),
    (
        "ui",
        &[
            "session",
            "print",
            "demo",
            "paths",
            "model",
            "instrument",
            "problem",
        ],
    ),
];

/// Crates a module must not use: the pure layers draw nothing, store
/// nothing and print nothing; only the store speaks SQL; only the command
/// line parses arguments.
const FORBIDDEN_CRATES: &[(&str, &[&str])] = &[
    (
        "instrument",
        &["egui", "eframe", "rusqlite", "typst", "clap"],
    ),
    ("model", &["egui", "eframe", "rusqlite", "typst", "clap"]),
    ("store", &["egui", "eframe", "typst", "clap"]),
    ("print", &["egui", "eframe", "rusqlite", "clap"]),
    ("session", &["egui", "eframe", "rusqlite", "typst", "clap"]),
    ("ui", &["rusqlite", "clap"]),
];

/// The parts of `ui/` that every screen may use; they use no screen.
const UI_FOUNDATION: &[&str] = &["nav", "widgets", "style"];

/// The shell and the start-up code, which may use every screen.
const UI_SHELL: &[&str] = &["app", "launch", "mod"];

fn source_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            source_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The code of a line, without its `//` comment and string literals.
fn code(line: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_string => {
                chars.next();
            }
            '"' => in_string = !in_string,
            '/' if !in_string && chars.peek() == Some(&'/') => break,
            _ if !in_string => out.push(c),
            _ => {}
        }
    }
    out
}

/// The words that follow `prefix` in `code` (`crate::model` gives `model`).
fn after<'c>(code: &'c str, prefix: &str) -> Vec<&'c str> {
    code.match_indices(prefix)
        .filter(|(at, _)| {
            // A whole path segment: `crate::x`, not `my_crate::x`.
            code[..*at]
                .chars()
                .last()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
        })
        .map(|(at, _)| {
            let rest = &code[at + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|word| !word.is_empty())
        .collect()
}

/// Where each crate module is used from, as "file:line: module".
fn uses() -> Vec<(String, String, usize, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&root, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&root).expect("under src");
        let parts: Vec<String> = relative
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
            .collect();
        let text = std::fs::read_to_string(&file).expect("read");
        for (number, line) in text.lines().enumerate() {
            let code = code(line);
            // `use crate::{a, b}` names several modules at once.
            let mut used: Vec<String> = after(&code, "crate::")
                .into_iter()
                .map(str::to_owned)
                .collect();
            if let Some(group) = code.split("crate::{").nth(1) {
                used.extend(
                    group
                        .split('}')
                        .next()
                        .unwrap_or("")
                        .split(',')
                        .map(|w| w.trim().split("::").next().unwrap_or("").to_owned())
                        .filter(|w| !w.is_empty()),
                );
            }
            for module in used {
                found.push((parts.join("/"), parts[0].clone(), number + 1, module));
            }
        }
    }
    found
}

#[test]
fn each_library_module_uses_only_the_layers_below_it() {
    let allowed: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut broken = Vec::new();
    for (file, module, line, used) in uses() {
        // The binary (main.rs, cli.rs) and lib.rs sit on top of everything.
        let Some(may_use) = allowed.get(module.as_str()) else {
            continue;
        };
        if used != module && !may_use.contains(&used.as_str()) {
            broken.push(format!("src/{file}.rs:{line}: {module} uses {used}"));
        }
    }
    assert!(broken.is_empty(), "layers broken:\n{}", broken.join("\n"));
}

#[test]
fn every_top_level_module_has_a_layer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(root.join("lib.rs")).expect("lib.rs");
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';'))
        .collect();
    let known: Vec<&str> = LAYERS.iter().map(|(m, _)| *m).collect();
    for module in declared {
        assert!(
            known.contains(&module),
            "src/{module} is not in a layer: add it to LAYERS here and to docs/ARCHITECTURE.md"
        );
    }
}

#[test]
fn pure_layers_use_no_window_sql_or_printing_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&root, &mut files);
    let mut broken = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&root).expect("under src");
        let module = relative
            .iter()
            .next()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
            .unwrap_or_default();
        let Some((_, crates)) = FORBIDDEN_CRATES.iter().find(|(m, _)| *m == module) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("read");
        for (number, line) in text.lines().enumerate() {
            let code = code(line);
            for name in *crates {
                let imported = code.trim_start().starts_with(&format!("use {name}"));
                if imported || !after(&code, &format!("{name}::")).is_empty() {
                    broken.push(format!(
                        "{}:{}: {module} uses {name}",
                        relative.display(),
                        number + 1
                    ));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "crates used where they must not be:\n{}",
        broken.join("\n")
    );
}

#[test]
fn screens_use_navigation_never_the_shell() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    source_files(&ui, &mut files);
    let screens: Vec<String> = files
        .iter()
        .map(|f| {
            let relative = f.strip_prefix(&ui).expect("under ui");
            relative
                .iter()
                .next()
                .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
                .unwrap_or_default()
        })
        .filter(|m| !UI_SHELL.contains(&m.as_str()) && !UI_FOUNDATION.contains(&m.as_str()))
        .collect();
    let mut broken = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&ui).expect("under ui");
        let module = relative
            .iter()
            .next()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
            .unwrap_or_default();
        if UI_SHELL.contains(&module.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("read");
        for (number, line) in text.lines().enumerate() {
            let code = code(line);
            let mut used: Vec<&str> = after(&code, "super::");
            used.extend(after(&code, "ui::"));
            if let Some(group) = code.split("super::{").nth(1) {
                used.extend(
                    group
                        .split('}')
                        .next()
                        .unwrap_or("")
                        .split(',')
                        .map(str::trim)
                        .filter(|w| !w.is_empty()),
                );
            }
            for used in used {
                let used = used.split("::").next().unwrap_or(used);
                let wrong = used == "app"
                    || (UI_FOUNDATION.contains(&module.as_str())
                        && screens.iter().any(|s| s == used));
                if wrong {
                    broken.push(format!(
                        "src/ui/{}:{}: {module} uses {used}",
                        relative.display(),
                        number + 1
                    ));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "the ui's layers broken:\n{}",
        broken.join("\n")
    );
}
