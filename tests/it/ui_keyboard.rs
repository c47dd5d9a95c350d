//! The window by keyboard alone: Tab reaches the controls in order, Enter
//! presses the one in focus, Escape closes a dialog, and the shortcuts of
//! Help > Keyboard shortcuts do what they say.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use partnerpath::ui::{App, Page, Screen};
use partnerpath_store::Store;

use crate::support;

/// The label of the control that has the keyboard.
fn focused(harness: &Harness<'_, App>) -> Option<String> {
    harness
        // A closure: the method alone is not general over the tree's lifetime.
        .query_all(by().predicate(
            #[expect(clippy::redundant_closure_for_method_calls, reason = "see above")]
            |n| n.is_focused(),
        ))
        .next()
        .and_then(|n| n.accesskit_node().label())
}

fn count(path: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.query_row(
        "SELECT count(*) FROM partnerships WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )
    .expect("count")
}

#[test]
fn tab_enter_and_escape_drive_the_list_and_its_dialog() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("keys.sqlite");
    drop(Store::open(&path).map(|mut s| support::oak_and_elm(&mut s)));
    let mut harness = support::harness(support::app(&path, None), [1366.0, 768.0]);
    harness.run();
    let mut seen = Vec::new();
    for _ in 0..40 {
        harness.key_press(Key::Tab);
        harness.run();
        let now = focused(&harness).unwrap_or_default();
        if now == "+ New partnership" {
            break;
        }
        seen.push(now);
    }
    assert_eq!(
        focused(&harness).as_deref(),
        Some("+ New partnership"),
        "Tab reaches the button; on the way: {seen:?}"
    );
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("Create partnership");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label("Create partnership").is_none(),
        "Escape closes the dialog"
    );
    assert_eq!(count(&path), 1, "and nothing was made");
}

#[test]
fn the_shortcuts_do_what_the_help_says() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shortcuts.sqlite");
    let id = {
        let mut store = Store::open(&path).expect("open");
        support::oak_and_elm(&mut store)
    };
    let mut harness = support::harness(
        support::app(&path, Some(Screen::In(id, Page::Monitoring))),
        [1366.0, 768.0],
    );
    harness.run();

    // F1: the list of shortcuts; Escape closes it.
    harness.key_press(Key::F1);
    harness.run();
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Make everything larger (up to 250 %)");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_label("Make everything larger (up to 250 %)")
            .is_none()
    );

    // Alt+Left: back to the partnership's page, then to the list.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().screen(), Screen::In(id, Page::Overview));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Partnerships);

    // Ctrl+F: the search field has the keyboard.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.run();
    assert_eq!(focused(&harness).as_deref(), Some("Find a partnership"));

    // Zoom: in steps, from 75 % to 250 % and no further.
    let zoom = |h: &Harness<'_, App>| h.state().remembered().zoom;
    for _ in 0..12 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
        harness.run();
    }
    assert_eq!(zoom(&harness), 250);
    assert!((harness.ctx.zoom_factor() - 2.5).abs() < 1e-6);
    for _ in 0..12 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
        harness.run();
    }
    assert_eq!(zoom(&harness), 75);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert_eq!(zoom(&harness), 100);
}

#[test]
fn the_levels_chart_steps_through_the_years_with_the_arrow_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sample.sqlite");
    let store =
        partnerpath::demo::create_sample_database(&path, support::instruments()).expect("sample");
    let id = store.partnership_summaries().expect("list")[0]
        .partnership
        .id;
    let view = store.load_partnership(id).expect("load");
    drop(store);
    let years: Vec<String> = view.cycles.iter().map(|c| c.school_year.clone()).collect();
    assert!(years.len() >= 3, "the sample has several years");
    let mut harness = support::harness(
        support::app(
            &path,
            Some(Screen::In(
                id,
                Page::Trajectory(partnerpath::ui::Tab::Levels),
            )),
        ),
        [1366.0, 768.0],
    );
    harness.run();
    let newest = years.last().expect("newest");
    let before = &years[years.len() - 2];
    harness.get_by_label(newest);
    harness.key_press(Key::ArrowLeft);
    harness.run();
    harness.get_by_label(before);
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.get_by_label(newest);
}
