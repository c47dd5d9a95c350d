//! Every screen, in both themes, walked through its AccessKit tree (what a
//! screen reader reads): no button, field, choice, link or cell may be
//! without a name. The colours' contrast is checked beside them, in
//! `src/ui/style.rs` (`text_reads_at_wcag_aa_in_both_themes`).

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use partnerpath::demo;
use partnerpath::instrument::{CONTRACT_SUPPLEMENT, Phase, QUARTERLY_MEETING};
use partnerpath::ui::{App, Page, Screen, Tab};

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
fn every_screen_names_every_control_in_both_themes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sample.sqlite");
    let store = demo::create_sample_database(&path, support::instruments()).expect("sample");
    let id = store.partnership_summaries().expect("list")[0]
        .partnership
        .id;
    let view = store.load_partnership(id).expect("load");
    drop(store);
    let cycle = view.cycles.last().expect("cycle").id;
    let round = view.readiness.last().expect("round").round.id;
    let supplement = view
        .documents_of(CONTRACT_SUPPLEMENT)
        .next()
        .expect("supplement")
        .id;
    let meeting = view
        .documents_of(QUARTERLY_MEETING)
        .next()
        .expect("meeting")
        .id;
    let mut screens = vec![
        ("partnerships", Screen::Partnerships),
        ("partnership", Screen::In(id, Page::Overview)),
        ("continuum", Screen::In(id, Page::Continuum(cycle))),
        ("readiness", Screen::In(id, Page::Readiness(round))),
        (
            "contract supplement",
            Screen::In(id, Page::Document(supplement)),
        ),
        ("meeting", Screen::In(id, Page::Document(meeting))),
        ("monitoring", Screen::In(id, Page::Monitoring)),
        ("actions", Screen::In(id, Page::Actions)),
        ("cycles", Screen::In(id, Page::Cycles)),
        ("rounds", Screen::In(id, Page::Rounds)),
        ("agreements", Screen::In(id, Page::Agreements)),
    ];
    for phase in Phase::ALL {
        screens.push((phase.label(), Screen::In(id, Page::Phase(phase))));
    }
    // The sample's guidebook worksheets: a per-year reflection (scales, the
    // years side by side), a fishbone (the drawing, cards of rows) and a
    // project plan (lists of people and objectives).
    for document in view
        .documents
        .iter()
        .filter(|d| d.instrument_key.starts_with("nea-"))
    {
        screens.push((
            document.instrument_key.as_str(),
            Screen::In(id, Page::Document(document.id)),
        ));
    }
    for tab in Tab::ALL {
        screens.push((tab.label(), Screen::In(id, Page::Trajectory(tab))));
    }
    let mut missing = Vec::new();
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        for (name, screen) in &screens {
            let app = support::app(&path, Some(*screen));
            let mut harness = Harness::builder()
                .with_size([1366.0, 1400.0])
                .with_theme(theme)
                .build_ui_state(|ui, app: &mut App| app.show(ui), app);
            harness.run();
            assert!(
                controls(&harness) > 3,
                "{name}: the walk found its controls"
            );
            for control in unnamed(&harness) {
                missing.push(format!("{theme:?} {name}: {control}"));
            }
            // The dialogs opened from here: the print dialog, the keyboard
            // shortcuts.
            if *name == "partnerships" {
                for (menu, item) in [("File", "Print…"), ("Help", "Keyboard shortcuts")] {
                    harness.get_by_label(menu).click();
                    harness.run();
                    harness.get_by_label_contains(item).click();
                    harness.run();
                    for control in unnamed(&harness) {
                        missing.push(format!("{theme:?} {name}, {item}: {control}"));
                    }
                    harness.key_press(egui::Key::Escape);
                    harness.run();
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "controls without a name:\n{}",
        missing.join("\n")
    );
}
