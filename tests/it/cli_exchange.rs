//! `partnerpath export` and `partnerpath import` on real files: rating apart
//! and a hand-over from the command line, --dry-run writing nothing, and a
//! conflict refused until the user chooses.

use std::path::Path;
use std::process::{Command as Process, Output};

use partnerpath::model::{Command, Level, Rater, RatingKey};
use partnerpath::session::Session;

use crate::exchange::facilitator;

/// Runs the program with `args`, its data folder (backups) in `data`.
pub fn partnerpath(data: &Path, args: &[&str]) -> Output {
    Process::new(env!("CARGO_BIN_EXE_partnerpath"))
        .args(args)
        .env("XDG_DATA_HOME", data)
        .output()
        .expect("run partnerpath")
}

/// What the program printed, standard output then standard error.
pub fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

pub fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

#[test]
fn rating_apart_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let home = dir.path().join("facilitator.sqlite");
    drop(facilitator(&home));
    let for_jo = dir.path().join("for-jo.partnerpath");
    let out = partnerpath(
        &data,
        &[
            "export",
            "--db",
            arg(&home),
            "--cycle",
            "2025-26",
            "--rater",
            "Jo Lee",
            "--out",
            arg(&for_jo),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));

    let laptop = dir.path().join("jo.sqlite");
    let out = partnerpath(&data, &["import", arg(&for_jo), "--db", arg(&laptop)]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("is not in this file yet"),
        "{}",
        text(&out)
    );
    {
        let mut session = Session::open(&laptop).expect("Jo's file");
        let id = session.summaries()[0].partnership.id;
        let view = session.open_partnership(id).expect("open").clone();
        let key = |rater| RatingKey {
            cycle_id: view.cycles[0].id,
            indicator_key: "shared-goals".into(),
            rater,
        };
        assert!(
            session
                .apply(&Command::SetLevel(key(Rater::Consensus), Level::new(4)))
                .is_err(),
            "a rating copy is rated only as the people it was made for"
        );
        session
            .apply(&Command::SetLevel(
                key(Rater::Person(view.people[0].id)),
                Level::new(4),
            ))
            .expect("as Jo");
    }
    let back = dir.path().join("from-jo.partnerpath");
    let out = partnerpath(
        &data,
        &["export", "--db", arg(&laptop), "--out", arg(&back)],
    );
    assert!(out.status.success(), "{}", text(&out));

    let before = std::fs::read(&home).expect("read");
    let out = partnerpath(
        &data,
        &["import", arg(&back), "--db", arg(&home), "--dry-run"],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("1 rating from Jo Lee"),
        "{}",
        text(&out)
    );
    assert!(text(&out).contains("Nothing was written"), "{}", text(&out));
    assert_eq!(
        std::fs::read(&home).expect("read"),
        before,
        "--dry-run writes nothing"
    );

    let out = partnerpath(&data, &["import", arg(&back), "--db", arg(&home)]);
    assert!(out.status.success(), "{}", text(&out));
    let conn = rusqlite::Connection::open(&home).expect("raw");
    let level: i64 = conn
        .query_row(
            "SELECT r.level FROM ratings r JOIN people p ON p.id = r.person_id
             WHERE p.name = 'Jo Lee' AND r.indicator_key = 'shared-goals'",
            [],
            |r| r.get(0),
        )
        .expect("Jo's rating");
    assert_eq!(level, 4);
    let backups = std::fs::read_dir(data.join("partnerpath").join("backups"))
        .expect("backups folder")
        .count();
    assert!(backups >= 1, "a backup before the import");

    let out = partnerpath(&data, &["import", arg(&back), "--db", arg(&home)]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Nothing to write"), "{}", text(&out));
}

#[test]
fn a_hand_over_and_a_conflict_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let home = dir.path().join("facilitator.sqlite");
    drop(facilitator(&home));
    let whole = dir.path().join("whole.partnerpath");
    let out = partnerpath(&data, &["export", "--db", arg(&home), "--out", arg(&whole)]);
    assert!(out.status.success(), "{}", text(&out));
    let successor = dir.path().join("successor.sqlite");
    let out = partnerpath(&data, &["import", arg(&whole), "--db", arg(&successor)]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("2 ratings from Ana Ruiz"),
        "{}",
        text(&out)
    );

    // The successor's team agrees Decision Making otherwise.
    {
        let mut session = Session::open(&successor).expect("successor");
        let id = session.summaries()[0].partnership.id;
        let cycle = session.open_partnership(id).expect("open").cycles[0].id;
        session
            .apply(&Command::SetLevel(
                RatingKey {
                    cycle_id: cycle,
                    indicator_key: "decision-making".into(),
                    rater: Rater::Consensus,
                },
                Level::new(3),
            ))
            .expect("rate");
    }
    let changed = dir.path().join("changed.partnerpath");
    let out = partnerpath(
        &data,
        &["export", "--db", arg(&successor), "--out", arg(&changed)],
    );
    assert!(out.status.success(), "{}", text(&out));
    let before = std::fs::read(&home).expect("read");
    let out = partnerpath(&data, &["import", arg(&changed), "--db", arg(&home)]);
    assert!(!out.status.success(), "a conflict needs a choice");
    assert!(
        text(&out).contains("“Developing” here and “Established” in the file"),
        "{}",
        text(&out)
    );
    assert_eq!(std::fs::read(&home).expect("read"), before);
    let out = partnerpath(
        &data,
        &[
            "import",
            arg(&changed),
            "--db",
            arg(&home),
            "--conflicts",
            "take-file",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let conn = rusqlite::Connection::open(&home).expect("raw");
    let level: i64 = conn
        .query_row(
            "SELECT level FROM ratings WHERE indicator_key = 'decision-making' AND person_id IS NULL",
            [],
            |r| r.get(0),
        )
        .expect("consensus");
    assert_eq!(level, 3);

    let not_exchange = dir.path().join("notes.txt");
    std::fs::write(&not_exchange, "Minutes").expect("write");
    let out = partnerpath(&data, &["import", arg(&not_exchange), "--db", arg(&home)]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("not a PartnerPath exchange file"),
        "{}",
        text(&out)
    );
}
