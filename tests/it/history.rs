//! The history of changes: kept by the database for every record, in a
//! file as the computer's user and on a server as the user signed in; put
//! in words on the History page, filterable by person and tool; read only
//! by administrators on a server; changed and deleted by nobody.

use egui_kittest::kittest::Queryable;
use partnerpath::model::{Command, HistoryKind, HistoryTool, Level, Rater, RatingKey, Role};
use partnerpath::ui::{Page, Screen};
use partnerpath_store::{ServerAddress, Store, add_server_user};

use crate::server_access::{PASSWORD, portfolio};
use crate::support::{self, draft_cycle, oak_and_elm};

fn level(cycle: partnerpath::model::CycleId, indicator: &str, level: u8) -> Command {
    Command::SetLevel(
        RatingKey {
            cycle_id: cycle,
            indicator_key: indicator.into(),
            rater: Rater::Consensus,
        },
        Level::new(level),
    )
}

/// The computer's user, as a file's history names them.
fn computer_user() -> String {
    partnerpath_store::history_writer()
}

#[test]
fn a_file_keeps_every_change_as_the_computers_user_and_nobody_changes_it() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("history.sqlite");
    let mut store = Store::open(&path).expect("open");
    let id = oak_and_elm(&mut store);
    let cycle = draft_cycle(&mut store, id, "2025–26");
    store
        .apply(&level(cycle, "decision-making", 2))
        .expect("Developing");
    store
        .apply(&level(cycle, "decision-making", 3))
        .expect("Established");

    let history = store.history(id, 100).expect("history");
    let view = store.load_partnership(id).expect("view");
    let instruments = support::instruments();
    let said: Vec<String> = history
        .iter()
        .map(|e| e.describe(&view, &instruments))
        .collect();
    let who = computer_user();
    assert_eq!(
        said[0],
        format!("{who} changed Decision Making (2025–26, the team) from Developing to Established"),
        "{said:#?}"
    );
    assert_eq!(
        said[1],
        format!("{who} added Decision Making (2025–26, the team)")
    );
    assert_eq!(history[0].tool(), HistoryTool::Continuum);
    assert_eq!(
        (
            history.last().map(|e| e.kind),
            history.last().map(|e| e.record.as_str())
        ),
        (Some(HistoryKind::Added), Some("partnerships")),
        "the oldest first made the partnership"
    );
    assert!(history.iter().all(|e| e.who == who));
    drop(store);

    // Nobody changes or deletes it, not even by SQL.
    let conn = rusqlite::Connection::open(&path).expect("raw");
    for sql in [
        "DELETE FROM history",
        "UPDATE history SET who = 'someone else'",
    ] {
        let error = conn.execute(sql, []).expect_err(sql).to_string();
        assert!(error.contains("kept as it was"), "{sql}: {error}");
    }
    let count: i64 = conn
        .query_row("SELECT count(*) FROM history", [], |r| r.get(0))
        .expect("count");
    assert_eq!(usize::try_from(count).ok(), Some(history.len()));
}

#[test]
fn the_history_page_says_who_changed_what_and_filters_by_person_and_tool() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("page.sqlite");
    let id = {
        let mut store = Store::open(&path).expect("open");
        let id = oak_and_elm(&mut store);
        let cycle = draft_cycle(&mut store, id, "2025–26");
        store.apply(&level(cycle, "shared-goals", 4)).expect("rate");
        id
    };
    let app = support::app(&path, Some(Screen::In(id, Page::Overview)));
    let mut harness = support::harness(app, [1366.0, 768.0]);
    harness.run();
    harness.get_by_label("History of changes").click();
    harness.run();
    let who = computer_user();
    harness.get_by_label_contains(&format!("{who} added Shared Goals (2025–26, the team)"));
    harness.get_by_label_contains(&format!(
        "{who} added the partnership “Oak SD & Elm University”"
    ));
    harness.get_by_label_contains("3 changes.");

    harness.get_by_label("Tool").click();
    harness.run();
    // The choice in the list, not the side panel's entry of that name.
    harness
        .query_all_by_label("Continuum")
        .last()
        .expect("the tool")
        .click();
    harness.run();
    harness.get_by_label_contains("Showing 2 changes of 3.");
    assert!(
        harness
            .query_by_label_contains("added the partnership")
            .is_none(),
        "the partnership's own change is filtered out"
    );
    harness.get_by_label("Person").click();
    harness.run();
    harness
        .query_all_by_label(&who)
        .last()
        .expect("the person")
        .click();
    harness.run();
    harness.get_by_label_contains("Showing 2 changes of 3.");
}

#[test]
fn on_a_server_the_history_names_the_user_and_only_administrators_read_it() {
    let p = portfolio();
    let admin = p.database.address();
    add_server_user(
        &admin,
        &p.database.user("oak_admin"),
        Role::DistrictAdmin,
        "Oak SD",
        Some(PASSWORD),
    )
    .expect("Oak's administrator");
    add_server_user(
        &admin,
        &p.database.user("pine_admin"),
        Role::DistrictAdmin,
        "Pine SD",
        Some(PASSWORD),
    )
    .expect("Pine's administrator");
    let connect = |user: &str| {
        let address = ServerAddress::parse(&p.database.url_as(&p.database.user(user)))
            .expect("address")
            .with_password(PASSWORD);
        Store::connect(&address).expect("connect")
    };
    let bo = p.database.user("bo_assessor");
    let mut bo_store = connect("bo_assessor");
    let view = bo_store.load_partnership(p.oak).expect("Oak");
    bo_store
        .apply(&level(view.cycles[0].id, "shared-goals", 3))
        .expect("rate");

    // Oak's administrator reads it, in words, as Bo made it.
    let oak_admin = connect("oak_admin");
    assert!(oak_admin.may_read_history());
    let history = oak_admin.history(p.oak, 100).expect("history");
    let newest = history.first().expect("a change");
    assert_eq!(newest.who, bo);
    assert_eq!(
        newest.describe(&view, &support::instruments()),
        format!("{bo} changed Shared Goals (2025–26, the team) from Developing to Established")
    );
    // Pine's administrator reads none of Oak's; the state's reads both.
    assert!(
        connect("pine_admin")
            .history(p.oak, 100)
            .expect("none")
            .is_empty()
    );
    assert!(
        !connect("pine_admin")
            .history(p.pine, 100)
            .expect("Pine's")
            .is_empty()
    );
    assert!(
        !connect("di_state")
            .history(p.oak, 100)
            .expect("Oak's")
            .is_empty()
    );
    // An assessor and a viewer read none of it, not even by SQL.
    assert!(!bo_store.may_read_history());
    for user in ["bo_assessor", "ana_viewer"] {
        let mut client = p.database.client_as(&p.database.user(user), PASSWORD);
        let error = client.query("SELECT * FROM history", &[]).expect_err(user);
        assert_eq!(
            error.code().map(postgres::error::SqlState::code),
            Some("42501"),
            "{user}: {error}"
        );
    }
    // Nobody adds to, changes or deletes it by SQL, administrators included.
    let mut state = p.database.client_as(&p.database.user("di_state"), PASSWORD);
    for sql in [
        "DELETE FROM history",
        "UPDATE history SET who = 'someone else'",
        "INSERT INTO history (at, who, record, change) VALUES ('', 'x', 'ratings', 'insert')",
    ] {
        assert!(state.execute(sql, &[]).is_err(), "{sql}");
    }
    let count: i64 = p
        .database
        .client()
        .query_one("SELECT count(*) FROM history WHERE who = $1", &[&bo])
        .expect("count")
        .get(0);
    assert_eq!(count, 1, "Bo's one change, kept as it was");
}
