//! The main flow through the window, driven by accessible labels: create a
//! partnership and a cycle, rate on the grid, type evidence; then read the
//! database file to find what was stored.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use partnerpath::session::Session;
use partnerpath::ui::{App, Page, Screen};

use crate::support;

fn harness(path: &Path) -> Harness<'static, App> {
    support::harness(support::app(path, None), [1366.0, 1400.0])
}

/// The consensus rating of an indicator, read straight from the file.
fn stored(path: &Path, indicator: &str) -> Option<(Option<u8>, String)> {
    support::team_rating(path, indicator)
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
    assert!(matches!(
        harness.state().screen(),
        Screen::In(_, Page::Overview)
    ));
    harness.get_by_label("Continuum").click();
    harness.run();
    harness.get_by_label("+ Start cycle").click();
    harness.run();
    assert!(matches!(
        harness.state().screen(),
        Screen::In(_, Page::Continuum(_))
    ));
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
    harness.get_by_label("‹ All partnerships").click();
    harness.run();

    harness
        .get_by_label("Manage Mesa USD & Canyon University")
        .click();

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
        conn.query_row(
            "SELECT count(*) FROM partnerships WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .expect("count")
    };
    assert_eq!(count(&conn), 1, "cancel keeps it");

    harness
        .get_by_label("Manage Mesa USD & Canyon University")
        .click();

    harness.run();

    harness
        .get_by_label("Delete Mesa USD & Canyon University")
        .click();
    harness.run();
    harness.get_by_label_contains("restored from File > Recently deleted");
    harness.get_by_label("Delete").click();
    harness.run();
    assert_eq!(count(&conn), 0);
    harness.get_by_label_contains("has no partnerships yet");

    // It can be put back from File > Recently deleted….
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Recently deleted…").click();
    harness.run();
    harness
        .get_by_label("Restore Mesa USD & Canyon University")
        .click();
    harness.run();
    assert_eq!(count(&conn), 1, "restored");
    let cycles: i64 = conn
        .query_row(
            "SELECT count(*) FROM cycles c JOIN ratings r ON r.cycle_id = c.id
             WHERE c.deleted_at IS NULL AND r.level = 2",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(cycles, 1, "with its cycle and rating");
    harness.get_by_label("Close").click();
    harness.run();
    harness.get_by_label("Mesa USD & Canyon University");
}

#[test]
fn a_refused_file_is_explained_in_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "meeting notes, not a database ".repeat(50)).expect("write");
    let mut harness = harness(&path);
    harness.run();
    harness.get_by_label_contains("This file is not a PartnerPath database");
    harness.get_by_label_contains("Choose a PartnerPath file, or start a new one.");
    // Only the window names the menu that mends it.
    harness.get_by_label_contains("File > Open… opens another file");
    harness.get_by_label(&path.display().to_string());
    assert!(harness.state().session().is_none());
}

fn partnership_names(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).expect("open file");
    let mut statement = conn
        .prepare("SELECT name FROM partnerships ORDER BY name")
        .expect("query");
    statement
        .query_map([], |r| r.get(0))
        .expect("rows")
        .map(|r| r.expect("name"))
        .collect()
}

#[test]
fn an_empty_file_offers_the_sample_without_any_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("empty.sqlite");
    let sample = dir.path().join("sample.sqlite");
    let app = support::app(&path, None)
        .remembering(None)
        .with_sample_at(sample.clone());
    let mut harness = support::harness(app, [1366.0, 768.0]);
    harness.run();
    harness.get_by_label("Create a partnership");
    harness.get_by_label("Open a file…");
    harness
        .get_by_label("Explore the sample partnership")
        .click();
    harness.run();

    let state = harness.state();
    assert!(matches!(state.screen(), Screen::In(_, Page::Overview)));
    assert_eq!(
        state.session().map(|s| s.path().to_path_buf()),
        Some(sample.clone())
    );
    assert!(
        !partnership_names(&sample).is_empty(),
        "the sample file holds the sample partnership"
    );
    assert!(
        partnership_names(&path).is_empty(),
        "the user's own file is left as it was"
    );
    assert_eq!(state.recent().files(), [sample, path]);
}

#[test]
fn the_welcome_screen_creates_the_first_partnership() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("first.sqlite");
    let mut harness = harness(&path);
    harness.run();
    harness.get_by_label("Create a partnership").click();
    harness.run();
    harness
        .get_by_label("Partnership name")
        .type_text("Riverbend USD & Lakeshore");
    harness.run();
    harness.get_by_label("Create partnership").click();
    harness.run();
    assert!(matches!(
        harness.state().screen(),
        Screen::In(_, Page::Overview)
    ));
    assert_eq!(partnership_names(&path), ["Riverbend USD & Lakeshore"]);
}

/// A harness whose recent files name `path`, so that PartnerPath's own file
/// dialog starts in its folder.
fn harness_remembering(path: &Path) -> Harness<'static, App> {
    support::harness(support::app(path, None).remembering(None), [1366.0, 768.0])
}

#[test]
fn file_open_works_through_partnerpaths_own_dialog() {
    let dir = tempfile::tempdir().expect("temp dir");
    let other = dir.path().join("canyon.sqlite");
    {
        let mut session = Session::open(&other).expect("other file");
        session
            .apply(&partnerpath::model::Command::CreatePartnership(
                partnerpath::model::NewPartnership {
                    name: "Canyon partnership".to_owned(),
                    ..Default::default()
                },
            ))
            .expect("create");
    }
    let path = dir.path().join("mine.sqlite");
    let mut harness = harness_remembering(&path);
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open…").click();
    harness.run();
    // The folder of the recent file is listed, with its PartnerPath files.
    harness.get_by_label("File canyon.sqlite").click();
    harness.run();
    harness.get_by_label("Open file").click();
    harness.run();

    let state = harness.state();
    assert_eq!(
        state.session().map(|s| s.path().to_path_buf()),
        Some(other.clone())
    );
    assert_eq!(
        state.session().map(|s| s
            .summaries()
            .iter()
            .map(|p| p.partnership.name.clone())
            .collect::<Vec<_>>()),
        Some(vec!["Canyon partnership".to_owned()])
    );
    assert_eq!(state.recent().files(), [other, path]);
}

#[test]
fn file_new_creates_a_file_and_never_overwrites_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mine.sqlite");
    let mut harness = harness_remembering(&path);
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New…").click();
    harness.run();
    harness.get_by_label("Create file").click();
    harness.run();
    let created = dir.path().join("partnerships.sqlite");
    assert_eq!(
        harness.state().session().map(|s| s.path().to_path_buf()),
        Some(created.clone())
    );
    assert!(created.is_file());

    // The same name again: the dialog says so and cannot create it.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New…").click();
    harness.run();
    harness.get_by_label_contains("A file with that name is already in this folder");
    harness.get_by_label("Create file").click();
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        harness.state().session().map(|s| s.path().to_path_buf()),
        Some(created)
    );
}

#[test]
fn help_about_names_the_version_and_the_open_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("about.sqlite");
    let mut harness = harness(&path);
    harness.run();
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("About PartnerPath").click();
    harness.run();
    harness.get_by_label(&format!("PartnerPath {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label(&path.display().to_string());
    harness.get_by_label("Show in folder");
    harness.get_by_label_contains("SIL Open Font License");
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.query_by_label("Show in folder").is_none());
}
