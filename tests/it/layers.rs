//! The layers of docs/ARCHITECTURE.md. Between crates Cargo keeps them: the
//! core crate cannot name the store, the printer or the window, because it
//! does not depend on them. What Cargo cannot see is checked here:
//!
//! - the dependency graph itself (`cargo tree`), so that nobody adds egui to
//!   the core crate or SQL to the printer;
//! - inside the app crate, the window (`ui/`) never names the store crate
//!   and the modules below the window never name egui or the window;
//! - inside the window, each folder names only the folders below it: the
//!   shell all; pages and dialogs not the shell nor each other; charts and
//!   the kit none of these, nor the modules between the shell and the pages
//!   (`nav`, `action`, `view`, `registry`), which name no folder but the
//!   kit; and the kit no chart.
//!
//! The app's files are read as tokens, comments and literals left out, so a
//! `use` group over several lines is read whole.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates each crate of the workspace must not reach, even indirectly.
const FORBIDDEN: &[(&str, &[&str])] = &[
    (
        "partnerpath-core",
        &[
            "egui",
            "eframe",
            "rusqlite",
            "typst",
            "clap",
            "partnerpath-store",
            "partnerpath-print",
        ],
    ),
    (
        "partnerpath-store",
        &["egui", "eframe", "typst", "clap", "partnerpath-print"],
    ),
    (
        "partnerpath-print",
        &["egui", "eframe", "rusqlite", "clap", "partnerpath-store"],
    ),
    (
        "partnerpath-sheet",
        &[
            "egui",
            "eframe",
            "rusqlite",
            "typst",
            "clap",
            "partnerpath-store",
            "partnerpath-print",
        ],
    ),
];

/// The app's modules below the window, and what they must not name.
const BELOW_THE_WINDOW: &[&str] = &[
    "calendar",
    "console",
    "demo",
    "keychain",
    "large",
    "paths",
    "place",
    "problem",
    "saving",
    "session",
    "spreadsheet",
];
const NOT_BELOW_THE_WINDOW: &[&str] = &[
    "egui",
    "eframe",
    "egui_plot",
    "egui_extras",
    "clap",
    "rusqlite",
];
/// What the window must not name: it reaches the file through `session`.
const NOT_IN_THE_WINDOW: &[&str] = &["partnerpath_store", "rusqlite", "clap"];
/// The window's layers, by the folder (or file) under `src/ui/`, and the
/// folders each must not name.
const UI_LAYERS: &[(&str, &[&str])] = &[
    ("shell", &[]),
    ("pages", &["shell", "dialogs"]),
    ("dialogs", &["shell", "pages"]),
    (
        "charts",
        &[
            "shell", "pages", "dialogs", "action", "nav", "view", "registry",
        ],
    ),
    (
        "kit",
        &[
            "shell", "pages", "dialogs", "charts", "action", "nav", "view", "registry",
        ],
    ),
    ("nav", &["shell", "pages", "dialogs", "charts"]),
    ("action", &["shell", "pages", "dialogs", "charts"]),
    ("view", &["shell", "pages", "dialogs", "charts"]),
    ("registry", &["shell", "pages", "dialogs", "charts"]),
    ("mod", &[]),
];

#[test]
fn each_crate_reaches_only_the_crates_below_it() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    for (krate, forbidden) in FORBIDDEN {
        let output = Command::new(&cargo)
            .args([
                "tree",
                "--offline",
                "--locked",
                "-e",
                "normal",
                "--prefix",
                "none",
                "-p",
                krate,
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("cargo tree");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let tree = String::from_utf8_lossy(&output.stdout);
        let names: Vec<&str> = tree
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        assert!(
            names.contains(krate),
            "cargo tree of {krate} did not list it:\n{tree}"
        );
        for name in *forbidden {
            assert!(!names.contains(name), "{krate} reaches {name}:\n{tree}");
        }
    }
}

#[test]
fn the_window_names_no_store_and_the_layers_below_it_no_window() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut broken = Vec::new();
    for file in source_files(&src) {
        let relative = file.strip_prefix(&src).expect("under src");
        let top = top_module(relative);
        let tokens = tokens(&std::fs::read_to_string(&file).expect("read"));
        let forbidden: &[&str] = if top == "ui" {
            NOT_IN_THE_WINDOW
        } else if BELOW_THE_WINDOW.contains(&top.as_str()) {
            NOT_BELOW_THE_WINDOW
        } else {
            &[]
        };
        for name in forbidden {
            if tokens.iter().any(|t| t == name) {
                broken.push(format!("src/{}: names {name}", relative.display()));
            }
        }
        if BELOW_THE_WINDOW.contains(&top.as_str()) && has_path(&tokens, "crate", "ui") {
            broken.push(format!(
                "src/{}: names the window (crate::ui)",
                relative.display()
            ));
        }
    }
    assert!(broken.is_empty(), "layers broken:\n{}", broken.join("\n"));
}

#[test]
fn every_module_of_the_app_has_a_layer() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("lib.rs");
    for module in lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
    {
        let module = module.trim_end_matches(';');
        assert!(
            module == "ui" || BELOW_THE_WINDOW.contains(&module),
            "src/{module} is in no layer: add it to BELOW_THE_WINDOW here and to docs/ARCHITECTURE.md"
        );
    }
}

#[test]
fn each_layer_of_the_window_names_only_those_below_it() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut broken = Vec::new();
    for file in source_files(&ui) {
        let relative = file.strip_prefix(&ui).expect("under ui");
        let layer = top_module(relative);
        let Some((_, forbidden)) = UI_LAYERS.iter().find(|(l, _)| *l == layer) else {
            broken.push(format!(
                "src/ui/{}: in no layer (put it in a folder of UI_LAYERS)",
                relative.display()
            ));
            continue;
        };
        let tokens = tokens(&std::fs::read_to_string(&file).expect("read"));
        for name in *forbidden {
            if names_ui_module(&tokens, name) {
                broken.push(format!("src/ui/{}: names {name}", relative.display()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "the window's layers broken:\n{}",
        broken.join("\n")
    );
}

/// Whether the tokens name the window's module `name`: in a `use` of the
/// crate's own paths (`crate::`, `super::`, `self::`), or as `ui::name` or
/// `super::name`.
fn names_ui_module(tokens: &[String], name: &str) -> bool {
    let in_use_group = uses(tokens).iter().any(|group| {
        matches!(
            group.first().map(String::as_str),
            Some("super" | "crate" | "self")
        ) && group.iter().any(|t| t == name)
    });
    in_use_group || has_path(tokens, "ui", name) || has_path(tokens, "super", name)
}

#[test]
fn the_reader_sees_through_groups_comments_and_strings() {
    let text = "use crate::{\n    model::X,\n    ui::shell, // crate::nothing\n};\nlet s = \"egui\"; let r = r#\"rusqlite\"#; let c = 'x'; fn f<'a>() {}\n/* clap */";
    let tokens = tokens(text);
    let groups = uses(&tokens);
    assert_eq!(groups.len(), 1);
    assert!(groups[0].iter().any(|t| t == "shell"));
    assert!(has_path(&tokens, "ui", "shell"));
    assert!(names_ui_module(&tokens, "shell"));
    assert!(!names_ui_module(&tokens, "pages"));
    let nested = self::tokens("use super::super::{kit::style, shell::App};");
    assert!(names_ui_module(&nested, "shell"));
    for hidden in ["nothing", "egui", "rusqlite", "clap", "x"] {
        assert!(
            !tokens.iter().any(|t| t == hidden),
            "{hidden} in {tokens:?}"
        );
    }
}

fn source_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("read folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// `ui/shell/mod.rs` gives `ui`; `session.rs` gives `session`; under
/// `src/ui`, `pages/continuum.rs` gives `pages` and `nav.rs` gives `nav`.
fn top_module(relative: &Path) -> String {
    relative
        .iter()
        .next()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .unwrap_or_default()
}

/// The identifiers and punctuation (`::`, `{`, `}`, `,`, `;`) of Rust
/// source, without comments, strings and character literals.
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == '"' {
            i = after_string(&chars, i + 1, 0);
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !is_ident(chars.get(i.wrapping_sub(1)).copied())
        {
            let mut hashes = 0;
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) == Some(&'"') {
                i = after_string(&chars, j + 1, hashes);
            } else {
                i += 1;
            }
        } else if c == '\'' {
            // A character literal ('x', '\n'), or a lifetime ('a), which is skipped.
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while is_ident(chars.get(i).copied()) {
                    i += 1;
                }
            }
        } else if is_ident(Some(c)) {
            let start = i;
            while is_ident(chars.get(i).copied()) {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if c == ':' && next == Some(':') {
            out.push("::".to_owned());
            i += 2;
        } else {
            if matches!(c, '{' | '}' | ',' | ';') {
                out.push(c.to_string());
            }
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Where a string that started before `i` ends (after its closing quote and
/// `hashes` hashes).
fn after_string(chars: &[char], mut i: usize, hashes: usize) -> usize {
    while i < chars.len() {
        if hashes == 0 && chars[i] == '\\' {
            i += 2;
            continue;
        }
        if chars[i] == '"' && (0..hashes).all(|h| chars.get(i + 1 + h) == Some(&'#')) {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}

/// The tokens of each `use` declaration, without the `use` and the `;`.
fn uses(tokens: &[String]) -> Vec<Vec<String>> {
    let mut groups = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == "use" {
            let end = tokens[i..]
                .iter()
                .position(|t| t == ";")
                .map_or(tokens.len(), |p| i + p);
            groups.push(tokens[i + 1..end].to_vec());
            i = end;
        }
        i += 1;
    }
    groups
}

/// Whether `first::second` appears as a path.
fn has_path(tokens: &[String], first: &str, second: &str) -> bool {
    tokens
        .windows(3)
        .any(|w| w[0] == first && w[1] == "::" && w[2] == second)
}
