//! Safety in the window: a second window on a file only reads it and says
//! so, with a way to try again; a backup can be restored from the File menu.

use egui_kittest::kittest::{NodeT, Queryable};
use partnerpath::session::Session;
use partnerpath::ui::{App, Page, Screen};
use partnerpath_store::Store;

use crate::support::{self, draft_cycle, oak_and_elm};

const SIZE: [f32; 2] = [1366.0, 900.0];

#[test]
fn a_second_window_is_read_only_until_the_first_closes() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("shared.sqlite");
    let (id, cycle) = {
        let mut store = Store::open(&path).expect("open");
        let id = oak_and_elm(&mut store);
        let cycle = draft_cycle(&mut store, id, "2025–26");
        (id, cycle)
    };
    let first = support::harness(support::app(&path, None), SIZE);
    let screen = Screen::In(id, Page::Continuum(cycle));
    let mut second = support::harness(support::app(&path, Some(screen)), SIZE);
    second.run();
    second.get_by_label_contains("Read only. This file is open in another window");

    // The grid shows unavailable; a change asked for all the same (as a
    // shortcut would) changes nothing, and says why.
    assert!(
        second
            .get_by_label("Shared Goals: Developing")
            .accesskit_node()
            .is_disabled()
    );
    let developing = partnerpath::model::Command::SetLevel(
        partnerpath::model::RatingKey {
            cycle_id: cycle,
            indicator_key: "shared-goals".into(),
            rater: partnerpath::model::Rater::Consensus,
        },
        partnerpath::model::Level::new(2),
    );
    second
        .state_mut()
        .act(partnerpath::ui::Action::Edit(developing));
    second.run();
    second.get_by_label_contains("can only show it");
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let ratings = |conn: &rusqlite::Connection| -> i64 {
        conn.query_row("SELECT count(*) FROM ratings", [], |r| r.get(0))
            .expect("count")
    };
    assert_eq!(ratings(&conn), 0);

    // Still open there: trying again keeps it read-only.
    second.get_by_label("Try again").click();
    second.run();
    assert!(
        second
            .state()
            .session()
            .and_then(Session::read_only)
            .is_some()
    );
    drop(first);
    second.get_by_label("Try again").click();
    second.run();
    assert!(
        second
            .state()
            .session()
            .and_then(Session::read_only)
            .is_none()
    );
    assert!(second.query_by_label_contains("Read only.").is_none());
    assert_eq!(second.state().screen(), screen, "the same page stays open");
    second.get_by_label("Shared Goals: Developing").click();
    second.run();
    assert_eq!(ratings(&conn), 1, "now the click is stored");
}

#[test]
fn file_restore_from_backup_brings_back_what_was_there() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("kept.sqlite");
    let root = dir.path().join("backups");
    {
        let mut store = Store::open(&path).expect("open");
        oak_and_elm(&mut store);
    }
    let session = Session::open_with(&path, Some(&root)).expect("open with backups");
    let app = App::new(support::instruments(), Ok(session)).keeping_backups_in(root.clone());
    let mut harness = support::harness(app, SIZE);
    harness.run();

    // The partnership is deleted, and then its 30 days pass (purged by hand).
    harness
        .get_by_label("Manage Oak SD & Elm University")
        .click();
    harness.run();
    harness
        .get_by_label("Delete Oak SD & Elm University")
        .click();
    harness.run();
    harness.get_by_label("Delete").click();
    harness.run();
    {
        let conn = rusqlite::Connection::open(&path).expect("raw");
        conn.execute("DELETE FROM partnerships", []).expect("purge");
    }
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Restore from backup…").click();
    harness.run();
    harness.get_by_label_contains("1 partnership, 0 cycles");
    harness
        .get_by_label_contains("Restore the backup of")
        .click();
    harness.run();
    harness.get_by_label_contains("What the file holds now is backed up first");
    harness.get_by_label("Restore").click();
    harness.run();
    harness.get_by_label("Oak SD & Elm University");
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let names: i64 = conn
        .query_row(
            "SELECT count(*) FROM partnerships WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(names, 1);
    let copies = std::fs::read_dir(
        root.read_dir()
            .expect("root")
            .next()
            .expect("folder")
            .expect("entry")
            .path(),
    )
    .expect("backups")
    .count();
    assert_eq!(
        copies, 2,
        "the day's backup and the one taken before restoring"
    );
}

#[test]
fn opening_the_file_already_open_keeps_it_open_for_changes() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("mine.sqlite");
    {
        let mut store = Store::open(&path).expect("open");
        oak_and_elm(&mut store);
    }
    let app = support::app(&path, None).remembering(None);
    let mut harness = support::harness(app, SIZE);
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open…").click();
    harness.run();
    harness.get_by_label("File mine.sqlite").click();
    harness.run();
    harness.get_by_label("Open file").click();
    harness.run();
    assert!(
        harness
            .state()
            .session()
            .is_some_and(|s| s.read_only().is_none()),
        "not read-only against its own lock"
    );
    assert!(harness.query_by_label_contains("Read only.").is_none());
}
