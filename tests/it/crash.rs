//! Crash safety, shown: a child process makes edits on a real file and says
//! "ack" after each one is stored; among them it attaches files of a
//! megabyte and more, so that many kills land while one is written. It is
//! killed with SIGKILL at a random moment, many times over. After every
//! kill the file passes SQLite's integrity and foreign key checks, holds
//! every edit acknowledged before the kill, and every file's content kept
//! is whole (its fingerprint is its content's).

use std::io::Read;
use std::path::Path;
use std::process::{Command as Process, Stdio};
use std::time::Duration;

use partnerpath::model::{AttachedTo, Command, Fingerprint, NewPerson, Side};
use partnerpath::session::Session;
use partnerpath_store::Store;

use crate::support::{draft_cycle, oak_and_elm};

/// The file the child edits; set only in the child.
const CHILD_DB: &str = "PARTNERPATH_CRASH_TEST_DB";
/// Which run the child is, to name its edits.
const CHILD_RUN: &str = "PARTNERPATH_CRASH_TEST_RUN";
/// How many kills must land after at least one acknowledged edit.
const KILLS: usize = 50;

/// The child: edits until it is killed. Run only by the test below, in its
/// own process (it is ignored in a normal run and does nothing without its
/// file).
#[test]
#[ignore = "the child process of edits_acknowledged_before_a_kill_are_all_there"]
fn edit_until_killed() {
    let (Ok(path), Ok(run)) = (std::env::var(CHILD_DB), std::env::var(CHILD_RUN)) else {
        return;
    };
    let mut session = Session::open(Path::new(&path)).expect("open");
    assert!(
        session.read_only().is_none(),
        "the last child's lock is gone"
    );
    let id = session.summaries()[0].partnership.id;
    let cycle = session
        .open_partnership(id)
        .expect("open the partnership")
        .cycles[0]
        .id;
    let to = AttachedTo::Indicator(cycle, "decision-making".into());
    let folder = tempfile::tempdir().expect("a folder for the files");
    for i in 0.. {
        // A file of 1 to 3 MB, different each time (so each is stored).
        let name = format!("{run}-{i}.pdf");
        let file = folder.path().join(&name);
        let mut content = format!("%PDF {run}-{i} ").into_bytes();
        content.resize(1024 * 1024 * (1 + i % 3), b'x');
        std::fs::write(&file, &content).expect("write the file");
        let attached = session.attach_files_now(&to, &[file], jiff::civil::date(2026, 12, 4));
        assert_eq!(attached.count, 1, "{:?}", attached.problems);
        println!("ack file {name}");
        session
            .apply(&Command::AddPerson(
                id,
                NewPerson {
                    name: format!("{run}-{i}"),
                    side: Side::District,
                    role: "x".repeat(i % 300),
                },
            ))
            .expect("add");
        println!("ack person {run}-{i}");
        let view = session.view().expect("view");
        let mut partnership = view.partnership.clone();
        partnership.notes = format!("{run}-{i}");
        session
            .apply(&Command::UpdatePartnership(partnership))
            .expect("update");
        println!("ack notes {run}-{i}");
    }
}

/// The file after a kill: SQLite's integrity and foreign key checks pass
/// (no attachment without its file), and every file's content kept is
/// whole (its fingerprint is its content's).
fn whole_after_a_kill(conn: &rusqlite::Connection, run: usize) {
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check");
    assert_eq!(check, "ok", "run {run}");
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign key check");
    assert_eq!(dangling, 0, "run {run}: an attachment without its file");
    let mut files = conn
        .prepare("SELECT hash, content FROM attachment_files")
        .expect("files");
    let torn = files
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
        })
        .expect("files")
        .filter_map(Result::ok)
        .filter(|(hash, content)| Fingerprint::of(content) != *hash)
        .count();
    drop(files);
    assert_eq!(torn, 0, "run {run}: a file kept in part");
}

#[cfg(unix)]
#[test]
fn edits_acknowledged_before_a_kill_are_all_there() {
    let exe = std::env::current_exe().expect("this test program");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("crash.sqlite");
    {
        let mut store = Store::open(&path).expect("open");
        let id = oak_and_elm(&mut store);
        draft_cycle(&mut store, id, "2025–26");
    }
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut kills = 0;
    let mut acknowledged = 0;
    let mut files_attached = 0;
    let mut run = 0;
    while kills < KILLS {
        run += 1;
        assert!(run <= KILLS * 3, "the child acknowledged too few edits");
        let mut child = Process::new(&exe)
            .args([
                "--exact",
                "crash::edit_until_killed",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DB, &path)
            .env(CHILD_RUN, run.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the child");
        std::thread::sleep(Duration::from_millis(rng.u64(100..350)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        let mut out = String::new();
        child
            .stdout
            .take()
            .expect("stdout")
            .read_to_string(&mut out)
            .expect("read");
        let acks: Vec<&str> = out.lines().filter(|l| l.starts_with("ack ")).collect();
        if !acks.is_empty() {
            kills += 1;
            acknowledged += acks.len();
        }

        let conn = rusqlite::Connection::open(&path).expect("open after the kill");
        whole_after_a_kill(&conn, run);
        for ack in &acks {
            if let Some(name) = ack.strip_prefix("ack file ") {
                files_attached += 1;
                let there: i64 = conn
                    .query_row(
                        "SELECT count(*) FROM attachments a JOIN attachment_files f
                         ON f.hash = a.hash WHERE a.name = ?1",
                        [name],
                        |r| r.get(0),
                    )
                    .expect("count");
                assert_eq!(there, 1, "run {run}: {name} was attached, then lost");
            }
            if let Some(name) = ack.strip_prefix("ack person ") {
                let there: i64 = conn
                    .query_row("SELECT count(*) FROM people WHERE name = ?1", [name], |r| {
                        r.get(0)
                    })
                    .expect("count");
                assert_eq!(there, 1, "run {run}: {name} was acknowledged, then lost");
            }
        }
        if let Some(last) = acks.iter().rev().find_map(|a| a.strip_prefix("ack notes ")) {
            let notes: String = conn
                .query_row("SELECT notes FROM partnerships", [], |r| r.get(0))
                .expect("notes");
            let (run_part, i) = last.rsplit_once('-').expect("run-i");
            let next = format!("{run_part}-{}", i.parse::<usize>().expect("i") + 1);
            assert!(
                notes == last || notes == next,
                "run {run}: notes {notes:?} after acknowledging {last:?}"
            );
        }
    }
    println!(
        "{kills} kills, {acknowledged} acknowledged edits ({files_attached} files attached), {run} runs"
    );
    assert!(
        files_attached > KILLS,
        "files were attached before most kills"
    );
}
