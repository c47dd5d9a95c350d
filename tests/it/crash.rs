//! Crash safety, shown: a child process makes edits on a real file and says
//! "ack" after each one is stored; it is killed with SIGKILL at a random
//! moment, many times over. After every kill the file passes SQLite's
//! integrity check and holds every edit acknowledged before the kill.

use std::io::Read;
use std::path::Path;
use std::process::{Command as Process, Stdio};
use std::time::Duration;

use partnerpath::model::{Command, NewPerson, Side};
use partnerpath::session::Session;
use partnerpath_store::Store;

use crate::support::oak_and_elm;

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
    session.open_partnership(id).expect("open the partnership");
    for i in 0.. {
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

#[cfg(unix)]
#[test]
fn edits_acknowledged_before_a_kill_are_all_there() {
    let exe = std::env::current_exe().expect("this test program");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("crash.sqlite");
    {
        let mut store = Store::open(&path).expect("open");
        oak_and_elm(&mut store);
    }
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut kills = 0;
    let mut acknowledged = 0;
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
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity check");
        assert_eq!(check, "ok", "run {run}");
        for ack in &acks {
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
    println!("{kills} kills, {acknowledged} acknowledged edits, {run} runs");
}
