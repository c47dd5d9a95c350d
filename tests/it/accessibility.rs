//! Every page and dialog of the registry (`partnerpath::ui::registry`), in
//! both themes, walked through its AccessKit tree (what a screen reader
//! reads): no button, field, choice, link or cell may be without a name.
//! A page or dialog that the registry does not list fails
//! `every_page_and_dialog_is_in_the_registry`. The colours' contrast is
//! checked beside them, in `src/ui/kit/style.rs`
//! (`text_reads_at_wcag_aa_in_both_themes`). `snapshots.rs` walks the
//! same registry with `Walk` and `reach`.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use partnerpath::demo;
use partnerpath::model::PartnershipView;
use partnerpath::problem::Problem;
use partnerpath::session::Session;
use partnerpath::ui::App;
use partnerpath::ui::registry::{self, Fixture, Reached, Route, Start, Step};

use crate::support;

/// The roles a person acts on, or reads one by one in a table.
const NAMED_ROLES: &[Role] = &[
    Role::Button,
    Role::CheckBox,
    Role::RadioButton,
    Role::TextInput,
    Role::MultilineTextInput,
    Role::SearchInput,
    Role::ComboBox,
    Role::Link,
    Role::Cell,
    Role::Slider,
    Role::SpinButton,
    Role::Tab,
    Role::MenuItem,
    Role::DateInput,
    Role::Image,
];

/// The files the registry and the window are read from.
fn ui_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui")
}

/// The sample partnership in a file of its own, with its backups, an
/// empty file, and the sample's exchange file to import: what every route
/// of the registry starts from.
pub struct Walk {
    dir: tempfile::TempDir,
    sample: PathBuf,
    exchange: PathBuf,
    view: PartnershipView,
}

impl Walk {
    /// The sample at `dir/name`.
    pub fn new(name: &str) -> Walk {
        let dir = tempfile::tempdir().expect("temp dir");
        let sample = dir.path().join(name);
        let store = demo::create_sample_database(&sample, support::instruments()).expect("sample");
        let id = store.partnership_summaries().expect("list")[0]
            .partnership
            .id;
        let view = store.load_partnership(id).expect("load");
        drop(store);
        let exchange = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/demo/sample-partnership.partnerpath");
        Walk {
            dir,
            sample,
            exchange,
            view,
        }
    }

    pub fn routes(&self) -> Vec<Route> {
        registry::routes(&Fixture {
            view: &self.view,
            exchange_file: &self.exchange,
        })
    }

    /// The window a route starts from.
    pub fn app(&self, route: &Route) -> App {
        let instruments = support::instruments();
        let backups = self.dir.path().join("backups");
        match route.start {
            Start::Sample => App::new(
                instruments,
                Session::open_with(&self.sample, Some(&backups)),
            )
            .keeping_backups_in(backups),
            Start::EmptyFile => App::new(
                instruments,
                Session::open(&self.dir.path().join("empty.sqlite")),
            ),
            Start::NoFile => App::new(
                instruments,
                Err(Problem::new(
                    "The file could not be opened.",
                    "Open another, or start a new one.",
                )),
            ),
        }
    }
}

/// Takes the route's steps in the window, and checks that it got there.
pub fn reach(harness: &mut Harness<'_, App>, route: &Route) {
    harness.run();
    for step in &route.steps {
        match step {
            Step::Do(action) => harness.state_mut().act(action.clone()),
            Step::Click(label) => harness.get_by_label(label).click(),
            Step::ClickStarting(label) => harness.get_by_label_contains(label).click(),
        }
        harness.run();
    }
    let name = &route.name;
    match &route.reached {
        Reached::Screen(screen) => assert_eq!(harness.state().screen(), *screen, "{name}"),
        Reached::Dialog(dialog) => assert!(
            harness.state().dialogs().contains(dialog),
            "{name}: {dialog} is open"
        ),
        Reached::PageDialog | Reached::Question => assert!(
            harness.ctx.memory(egui::Memory::top_modal_layer).is_some(),
            "{name}: a dialog is on top"
        ),
    }
}

/// The unnamed controls on the screen, by role.
fn unnamed(harness: &Harness<'_, App>) -> Vec<String> {
    harness
        .query_all(by().predicate(|node| {
            NAMED_ROLES.contains(&node.role())
                && node.label().is_none_or(|l| l.trim().is_empty())
                && node.value().is_none_or(|v| v.trim().is_empty())
        }))
        .map(|node| {
            let n = node.accesskit_node();
            format!("{:?} at {:?}", n.role(), node.rect())
        })
        .collect()
}

/// The interactive controls on the screen, to show the walk saw something.
fn controls(harness: &Harness<'_, App>) -> usize {
    harness
        .query_all(by().predicate(|node| NAMED_ROLES.contains(&node.role())))
        .count()
}

#[test]
fn every_page_and_dialog_names_every_control_in_both_themes() {
    let walk = Walk::new("sample.sqlite");
    let routes = walk.routes();
    let mut missing = Vec::new();
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        for route in &routes {
            let mut harness = Harness::builder()
                .with_size([1366.0, 1400.0])
                .with_theme(theme)
                .build_ui_state(|ui, app: &mut App| app.show(ui), walk.app(route));
            reach(&mut harness, route);
            let name = &route.name;
            assert!(
                controls(&harness) > 1,
                "{name}: the walk found its controls"
            );
            for control in unnamed(&harness) {
                missing.push(format!("{theme:?} {name}: {control}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "controls without a name:\n{}",
        missing.join("\n")
    );
}

/// The windows a file opens (`Modal::new`) and the questions it asks
/// first (`ask_first(`).
fn windows_in(text: &str) -> usize {
    text.matches("Modal::new(").count() + text.matches("ask_first(").count()
}

/// Every module of `pages/` and `dialogs/` is named by a route of the
/// registry, and each of their windows and questions is reached by one:
/// a page, dialog or question added without a route fails here.
#[test]
fn every_page_and_dialog_is_in_the_registry() {
    let walk = Walk::new("sample.sqlite");
    let routes = walk.routes();
    let ui = ui_folder();
    for route in &routes {
        for module in &route.modules {
            assert!(
                ui.join(module).is_file(),
                "{}: no src/ui/{module}",
                route.name
            );
        }
    }
    let mut unlisted = Vec::new();
    for folder in ["pages", "dialogs"] {
        for file in rust_files(&ui.join(folder)) {
            let module = file
                .strip_prefix(&ui)
                .expect("under ui")
                .to_string_lossy()
                .replace('\\', "/");
            if module.ends_with("s/mod.rs") && module.matches('/').count() == 1 {
                // pages/mod.rs and dialogs/mod.rs list the modules only.
                continue;
            }
            let naming: Vec<&Route> = routes
                .iter()
                .filter(|r| r.modules.contains(&module.as_str()))
                .collect();
            let windows = naming
                .iter()
                .filter(|r| !matches!(r.reached, Reached::Screen(_)))
                .count();
            let text = std::fs::read_to_string(&file).expect("read");
            if naming.is_empty() {
                unlisted.push(format!("src/ui/{module}: no route reaches it"));
            } else if windows < windows_in(&text) {
                unlisted.push(format!(
                    "src/ui/{module}: {} dialogs and questions, {windows} routes to them",
                    windows_in(&text)
                ));
            }
        }
    }
    assert!(
        unlisted.is_empty(),
        "add these to src/ui/registry.rs:\n{}",
        unlisted.join("\n")
    );
    let names: std::collections::BTreeSet<&str> = routes.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names.len(), routes.len(), "every route has its own name");
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            found.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found.sort();
    found
}
