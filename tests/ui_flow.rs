//! The main flow through the window, driven by accessible labels: create a
//! partnership and a cycle, rate on the grid, type evidence; then read the
//! database file to find what was stored.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use partnerpath::instrument::Instruments;
use partnerpath::session::Session;
use partnerpath::ui::{App, Screen};

fn harness(path: &Path) -> Harness<'static, App> {
    let instruments = Instruments::builtin().expect("instruments");
    let app = App::new(instruments, Session::open(path));
    Harness::builder()
        .with_size([1366.0, 1400.0])
        .build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

/// The consensus rating of an indicator, read straight from the file.
fn stored(path: &Path, indicator: &str) -> Option<(Option<u8>, String)> {
    let conn = rusqlite::Connection::open(path).expect("open file");
    conn.query_row(
        "SELECT level, evidence FROM ratings WHERE indicator_key = ?1 AND person_id IS NULL",
        [indicator],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .ok()
}

fn create_partnership_and_cycle(harness: &mut Harness<'_, App>) {
    harness.get_by_label("+ New partnership").click();
    harness.run();
    harness.get_by_label("Partnership name").click();
    harness.run();
    harness
        .get_by_label("Partnership name")
        .type_text("Mesa USD & Canyon University");
    harness.run();
    harness.get_by_label("Create partnership").click();
    harness.run();
    assert!(matches!(harness.state().screen(), Screen::Partnership(_)));
    harness.get_by_label("+ Start cycle").click();
    harness.run();
    assert!(matches!(harness.state().screen(), Screen::Continuum(_, _)));
}

#[test]
fn rate_an_indicator_by_clicking_and_type_its_evidence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ui.sqlite");
    let mut harness = harness(&path);
    create_partnership_and_cycle(&mut harness);
    harness.get_by_label_contains("0 of 13 indicators rated");

    harness.get_by_label("Shared Goals: Established").click();
    harness.run();
    harness
        .get_by_label("Supporting evidence for Shared Goals")
        .click();
    harness.run();
    harness
        .get_by_label("Supporting evidence for Shared Goals")
        .type_text("Goals adopted by both boards in March.");
    harness.run();

    assert_eq!(
        stored(&path, "shared-goals"),
        Some((Some(3), "Goals adopted by both boards in March.".to_owned()))
    );
    harness.get_by_label_contains("1 of 13 indicators rated");
    let conn = rusqlite::Connection::open(&path).expect("open");
    let name: String = conn
        .query_row("SELECT name FROM partnerships", [], |r| r.get(0))
        .expect("partnership stored");
    assert_eq!(name, "Mesa USD & Canyon University");

    // Clicking the chosen cell again clears the level and keeps the evidence.
    harness.get_by_label("Shared Goals: Established").click();
    harness.run();
    assert_eq!(
        stored(&path, "shared-goals"),
        Some((None, "Goals adopted by both boards in March.".to_owned()))
    );
    harness.get_by_label_contains("0 of 13 indicators rated");
}

#[test]
fn keys_one_to_four_choose_and_zero_clears_on_a_focused_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("keys.sqlite");
    let mut harness = harness(&path);
    create_partnership_and_cycle(&mut harness);

    harness.get_by_label("Mutual Benefit: Emerging").click();
    harness.run();
    assert_eq!(stored(&path, "mutual-benefit").map(|r| r.0), Some(Some(1)));
    harness.key_press(egui::Key::Num4);
    harness.run();
    assert_eq!(stored(&path, "mutual-benefit").map(|r| r.0), Some(Some(4)));
    harness.key_press(egui::Key::Num0);
    harness.run();
    assert_eq!(stored(&path, "mutual-benefit").map(|r| r.0), Some(None));
}

#[test]
fn deleting_a_partnership_asks_first_and_names_what_is_lost() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("delete.sqlite");
    let mut harness = harness(&path);
    create_partnership_and_cycle(&mut harness);
    harness.get_by_label("Shared Goals: Developing").click();
    harness.run();
    harness.get_by_label("Back to the partnership").click();
    harness.run();
    harness.get_by_label("‹ All partnerships").click();
    harness.run();

    harness
        .get_by_label("Delete Mesa USD & Canyon University")
        .click();
    harness.run();
    harness.get_by_label_contains("1 cycle and 1 filled rating");
    harness.get_by_label("Cancel").click();
    harness.run();
    let conn = rusqlite::Connection::open(&path).expect("open");
    let count = |conn: &rusqlite::Connection| -> i64 {
        conn.query_row("SELECT count(*) FROM partnerships", [], |r| r.get(0))
            .expect("count")
    };
    assert_eq!(count(&conn), 1, "cancel keeps it");

    harness
        .get_by_label("Delete Mesa USD & Canyon University")
        .click();
    harness.run();
    harness.get_by_label("Delete permanently").click();
    harness.run();
    assert_eq!(count(&conn), 0);
    harness.get_by_label_contains("No partnerships yet");
}

#[test]
fn a_refused_file_is_explained_in_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "meeting notes, not a database ".repeat(50)).expect("write");
    let mut harness = harness(&path);
    harness.run();
    harness.get_by_label_contains("This file is not a PartnerPath database");
    harness.get_by_label_contains("Choose a PartnerPath file with File > Open…");
    harness.get_by_label(&path.display().to_string());
    assert!(harness.state().session().is_none());
}
