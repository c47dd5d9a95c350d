//! Nothing is lost: the file alone holds every saved edit, one window writes
//! a file at a time, backups are taken without asking, what is deleted can
//! be restored, and an old file gets ids that travel when it is upgraded.

use std::path::Path;

use partnerpath::model::{Command, DeletedKind, Level, NewPerson, Rater, RatingKey, Side};
use partnerpath::problem::{Doing, Problem};
use partnerpath::session::Session;
use partnerpath_store::{Backups, Reason, Store, StoreError, lock_path};

use crate::support::{draft_cycle, oak_and_elm};

fn count(path: &Path, sql: &str) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open");
    conn.query_row(sql, [], |r| r.get(0)).expect("count")
}

#[test]
fn a_copy_of_the_file_alone_holds_every_saved_edit_while_it_is_open() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("p.sqlite");
    let mut store = Store::open(&path).expect("open");
    let id = oak_and_elm(&mut store);
    let cycle = draft_cycle(&mut store, id, "2025–26");
    store
        .set_level(
            &RatingKey {
                cycle_id: cycle,
                indicator_key: "shared-goals".into(),
                rater: Rater::Consensus,
            },
            Level::new(3),
        )
        .expect("rate");
    // The program is still running: copy the .sqlite file alone, as a user
    // or a sync client would.
    let copy = dir.path().join("copy.sqlite");
    std::fs::copy(&path, &copy).expect("copy");
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut beside = path.as_os_str().to_owned();
        beside.push(suffix);
        assert!(!Path::new(&beside).exists(), "{suffix} beside the file");
    }
    assert_eq!(
        count(&copy, "SELECT count(*) FROM ratings WHERE level = 3"),
        1
    );
    drop(store);
}

#[test]
fn a_second_window_on_the_same_file_only_reads_it_and_says_who_writes() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("p.sqlite");
    let mut first = Session::open(&path).expect("first");
    let outcome = first
        .apply(&Command::CreatePartnership(
            partnerpath::model::NewPartnership {
                name: "Oak SD & Elm University".into(),
                ..Default::default()
            },
        ))
        .expect("create");
    let partnerpath::model::Outcome::PartnershipCreated(id) = outcome else {
        panic!("{outcome:?}");
    };

    match Store::open(&path) {
        Err(StoreError::InUse {
            holder: Some(holder),
            ..
        }) => {
            assert!(holder.is_this_program());
            let error = StoreError::InUse {
                path: path.clone(),
                holder: Some(holder),
            };
            let problem = Problem::store(&error, Doing::Opening);
            assert!(problem.what.contains("another window"), "{problem}");
        }
        other => panic!("a second writer was let in: {other:?}"),
    }

    let mut second = Session::open(&path).expect("second opens read-only");
    let read_only = second.read_only().expect("read-only").clone();
    assert!(
        read_only.describe().contains("since"),
        "{}",
        read_only.describe()
    );
    assert_eq!(second.summaries().len(), 1, "it shows what is there");
    let refused = second
        .apply(&Command::SetArchived(id, true))
        .expect_err("a read-only window changes nothing");
    assert!(refused.what.contains("only show it"), "{refused}");
    assert_eq!(
        count(
            &path,
            "SELECT count(*) FROM partnerships WHERE archived = 1"
        ),
        0
    );

    // Once the first window closes, trying again opens it for changes.
    drop(first);
    let mut again = second.reopen().expect("reopen");
    assert!(again.read_only().is_none());
    again
        .apply(&Command::SetArchived(id, true))
        .expect("now it may");
    assert_eq!(
        count(
            &path,
            "SELECT count(*) FROM partnerships WHERE archived = 1"
        ),
        1
    );
}

#[test]
fn a_lock_left_by_a_program_that_ended_is_taken_again() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("p.sqlite");
    drop(Store::open(&path).expect("open"));
    // The lock file stays behind, as after a crash, naming its old holder.
    std::fs::write(
        lock_path(&path),
        r#"{"host":"OLD-LAPTOP","user":"jo","pid":1,"since":"2026-01-05T09:00:00Z"}"#,
    )
    .expect("stale lock");
    let session = Session::open(&path).expect("open");
    assert!(session.read_only().is_none(), "the stale lock was cleared");
}

#[test]
fn a_file_another_program_holds_locked_is_refused_at_once_with_what_happened() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("p.sqlite");
    drop(Store::open(&path).expect("open"));
    let other = rusqlite::Connection::open(&path).expect("other program");
    other
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
        .expect("lock");
    let error = Store::open(&path).expect_err("refused");
    assert!(matches!(error, StoreError::BusyAtOpen { .. }), "{error:?}");
    let problem = Problem::store(&error, Doing::Opening);
    assert!(problem.what.contains("could not open it"), "{problem}");
    assert!(!problem.what.contains("change was not saved"), "{problem}");
    other.execute_batch("ROLLBACK").expect("let go");
}

#[test]
fn opening_takes_one_backup_a_day_and_a_backup_can_be_restored() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("p.sqlite");
    let root = dir.path().join("backups");
    {
        let mut store = Store::open(&path).expect("open");
        oak_and_elm(&mut store);
    }
    let mut session = Session::open_with(&path, Some(&root)).expect("open");
    let backups = session.backups();
    // A backup that could not be taken is told as a notice: show it.
    let notice = session.take_notice().map(|p| p.to_string());
    assert_eq!(backups.len(), 1, "{backups:?} {notice:?}");
    assert_eq!(backups[0].reason, Reason::Daily);
    assert_eq!(backups[0].partnerships, Some(1));
    let taken = backups[0].path.clone();
    assert!(taken.starts_with(&root));
    drop(session);
    let mut session = Session::open_with(&path, Some(&root)).expect("open again");
    assert_eq!(session.backups().len(), 1, "at most once a day");

    // A partnership deleted for good (purged) comes back from the backup.
    let id = session.summaries()[0].partnership.id;
    session
        .apply(&Command::DeletePartnership(id))
        .expect("delete");
    assert!(session.summaries().is_empty());
    session.restore_backup(&taken).expect("restore");
    assert_eq!(session.summaries().len(), 1, "back as it was");
    let backups = session.backups();
    assert_eq!(backups.len(), 2);
    assert_eq!(
        backups[0].reason,
        Reason::BeforeRestore,
        "what it held is kept"
    );
    assert_eq!(backups[0].partnerships, Some(0));
}

#[test]
fn a_deleted_cycle_round_and_meeting_can_be_restored_for_30_days() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("p.sqlite");
    let mut store = Store::open(&path).expect("open");
    let id = oak_and_elm(&mut store);
    let cycle = draft_cycle(&mut store, id, "2025–26");
    drop(store);
    let mut session = Session::open(&path).expect("open");
    session.open_partnership(id).expect("open it");
    session.apply(&Command::DeleteCycle(cycle)).expect("delete");
    assert!(session.view().expect("view").cycles.is_empty());
    let deleted = session.recently_deleted().expect("list");
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0].kind, DeletedKind::Cycle);
    assert_eq!(deleted[0].name, "2025–26");
    assert_eq!(deleted[0].partnership, "Oak SD & Elm University");
    session.restore_deleted(&deleted[0]).expect("restore");
    assert_eq!(session.view().expect("view").cycles.len(), 1, "shown again");
    assert!(session.recently_deleted().expect("list").is_empty());

    // Deleted 31 days ago: removed for good when the file is next opened.
    session.apply(&Command::DeleteCycle(cycle)).expect("delete");
    drop(session);
    {
        let conn = rusqlite::Connection::open(&path).expect("raw");
        conn.execute(
            "UPDATE cycles SET deleted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-31 days')",
            [],
        )
        .expect("age it");
    }
    let session = Session::open(&path).expect("open");
    assert!(session.recently_deleted().expect("list").is_empty());
    drop(session);
    assert_eq!(count(&path, "SELECT count(*) FROM cycles"), 0, "purged");
}

#[test]
fn a_version_4_file_gets_ids_that_travel_and_a_backup_before_the_upgrade() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v4.sqlite");
    let root = dir.path().join("backups");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        partnerpath_store::set_up_version(&mut conn, 4).expect("version 4");
        conn.execute_batch(
            "INSERT INTO partnerships (name, partner_kind) VALUES ('Old one', 'other');
             INSERT INTO people (partnership_id, name, side) VALUES (1, 'Ana', 'district');
             INSERT INTO people (partnership_id, name, side) VALUES (1, 'Ben', 'partner');
             INSERT INTO cycles (partnership_id, instrument_key, instrument_version, school_year, administered_on)
               VALUES (1, 'wbt-continuum', '2017-10', '2023–24', '2023-10-01');
             INSERT INTO ratings (cycle_id, indicator_key, person_id, level) VALUES (1, 'shared-goals', 1, 2);",
        )
        .expect("old data");
    }
    let mut session = Session::open_with(&path, Some(&root)).expect("upgrade");
    let backups = Backups::for_file(&root, &path).list();
    assert!(
        backups.iter().any(|b| b.reason == Reason::BeforeUpgrade),
        "{backups:?}"
    );
    let id = session.summaries()[0].partnership.id;
    session
        .apply(&Command::AddPerson(
            id,
            NewPerson {
                name: "Cy".into(),
                side: Side::School,
                role: String::new(),
            },
        ))
        .expect("a new person");
    drop(session);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    for table in ["partnerships", "people", "cycles", "ratings"] {
        let (rows, distinct, sized): (i64, i64, i64) = conn
            .query_row(
                &format!(
                    "SELECT count(*), count(DISTINCT uid), sum(length(uid) = 16) FROM {table}"
                ),
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("ids");
        assert!(rows > 0, "{table}");
        assert_eq!(rows, distinct, "{table}: one id each");
        assert_eq!(rows, sized, "{table}: 128 bits each");
    }
    let first: Vec<u8> = conn
        .query_row("SELECT uid FROM people WHERE name = 'Ana'", [], |r| {
            r.get(0)
        })
        .expect("uid");
    drop(conn);
    // Kept forever: opening again does not change it.
    drop(Session::open(&path).expect("open"));
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let again: Vec<u8> = conn
        .query_row("SELECT uid FROM people WHERE name = 'Ana'", [], |r| {
            r.get(0)
        })
        .expect("uid");
    assert_eq!(first, again);
}
