//! The store on real SQLite files: every table round-trips, reopening keeps
//! everything, and files we must not touch are refused and left as they were.

use std::path::Path;

use jiff::civil::date;
use partnerpath::model::{
    CycleFields, CycleStatus, Level, NewCycle, NewPartnership, NewPerson, PartnerKind,
    PartnershipView, Rater, RatingKey, ReadinessMemberFields, ReadinessRoundFields, Side,
    StageEntryFields,
};
use partnerpath::problem::{Doing, Problem};
use partnerpath_store::{LATEST_VERSION, Store, StoreError};

fn new_partnership() -> NewPartnership {
    NewPartnership {
        archived: false,
        name: "Eastside SD & Harbor College".into(),
        district: "Eastside School District".into(),
        partner_organisation: "Harbor College".into(),
        partner_kind: PartnerKind::EducatorPreparation,
        start_date: Some(date(2021, 9, 1)),
        notes: "Clinical residency; notes with # * $ @ and “quotes”.".into(),
    }
}

/// A partnership with two people, two cycles and ratings by the team and a person.
fn fill(store: &mut Store) -> PartnershipView {
    let id = store
        .create_partnership(&new_partnership(), false)
        .expect("create partnership");
    let ana = store
        .add_person(
            id,
            &NewPerson {
                name: "Ana Ruiz".into(),
                side: Side::District,
                role: "HR director".into(),
            },
        )
        .expect("add person");
    store
        .add_person(
            id,
            &NewPerson {
                name: "Ben Cole".into(),
                side: Side::Partner,
                role: String::new(),
            },
        )
        .expect("add person");
    let cycle = |year: &str, on| NewCycle {
        partnership_id: id,
        fields: CycleFields {
            status: CycleStatus::Draft,
            hidden: false,
            instrument_key: "wbt-continuum".into(),
            instrument_version: "2017-10".into(),
            school_year: year.into(),
            administered_on: on,
        },
    };
    let later = store
        .create_cycle(&cycle("2024–25", date(2024, 10, 2)))
        .expect("cycle");
    let earlier = store
        .create_cycle(&cycle("2023–24", date(2023, 10, 4)))
        .expect("cycle");
    store
        .set_cycle_status(earlier, CycleStatus::Final)
        .expect("status");
    let team = RatingKey {
        cycle_id: later,
        indicator_key: "shared-goals".into(),
        rater: Rater::Consensus,
    };
    store.set_level(&team, Level::new(3)).expect("level");
    store
        .set_evidence(&team, "Goals adopted in March.")
        .expect("evidence");
    store
        .set_next_steps(&team, "Review data in June.")
        .expect("next steps");
    let person = RatingKey {
        rater: Rater::Person(ana),
        ..team.clone()
    };
    store.set_level(&person, Level::new(2)).expect("level");
    let unrated = RatingKey {
        indicator_key: "advocacy".into(),
        ..team.clone()
    };
    store
        .set_evidence(&unrated, "Not discussed yet.")
        .expect("evidence");
    store.load_partnership(id).expect("load")
}

#[test]
fn every_table_round_trips_and_survives_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.sqlite");
    let mut store = Store::open(&path).expect("open new");
    let view = fill(&mut store);

    let p = &view.partnership;
    assert_eq!(p.name, "Eastside SD & Harbor College");
    assert_eq!(p.start_date, Some(date(2021, 9, 1)));
    assert_eq!(p.notes, new_partnership().notes);
    assert!(!p.archived && !p.is_sample);
    let people: Vec<(&str, Side)> = view
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.side))
        .collect();
    assert_eq!(
        people,
        [("Ana Ruiz", Side::District), ("Ben Cole", Side::Partner)]
    );
    let years: Vec<&str> = view.cycles.iter().map(|c| c.school_year.as_str()).collect();
    assert_eq!(years, ["2023–24", "2024–25"], "oldest first");
    assert_eq!(view.cycles[0].status, CycleStatus::Final);
    assert_eq!(view.cycles[1].status, CycleStatus::Draft);

    let later = view.cycles[1].id;
    let team = view
        .rating(later, Rater::Consensus, "shared-goals")
        .expect("team rating");
    assert_eq!(team.level, Level::new(3));
    assert_eq!(team.evidence, "Goals adopted in March.");
    assert_eq!(team.next_steps, "Review data in June.");
    let ana = view.people[0].id;
    let own = view
        .rating(later, Rater::Person(ana), "shared-goals")
        .expect("Ana's rating");
    assert_eq!(own.level, Level::new(2));
    let unrated = view
        .rating(later, Rater::Consensus, "advocacy")
        .expect("advocacy");
    assert_eq!(unrated.level, None);
    assert_eq!(unrated.evidence, "Not discussed yet.");

    drop(store);
    let reopened = Store::open(&path).expect("reopen");
    assert_eq!(reopened.schema_version().expect("version"), LATEST_VERSION);
    let again = reopened.load_partnership(p.id).expect("load again");
    assert_eq!(again, view);
    let summaries = reopened.partnership_summaries().expect("summaries");
    assert_eq!(summaries.len(), 1);
    assert_eq!(summaries[0].people, 2);
    assert_eq!(summaries[0].cycles, 2);
    assert_eq!(summaries[0].ratings, 3);
    assert_eq!(summaries[0].latest_school_year.as_deref(), Some("2024–25"));
}

#[test]
fn a_level_can_be_cleared_and_edits_overwrite_one_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("p.sqlite")).expect("open");
    let view = fill(&mut store);
    let key = RatingKey {
        cycle_id: view.cycles[1].id,
        indicator_key: "shared-goals".into(),
        rater: Rater::Consensus,
    };
    store.set_level(&key, None).expect("clear");
    store.set_level(&key, Level::new(4)).expect("set");
    store.set_level(&key, None).expect("clear again");
    let view = store.load_partnership(view.partnership.id).expect("load");
    let rating = view
        .rating(key.cycle_id, Rater::Consensus, "shared-goals")
        .expect("rating");
    assert_eq!(rating.level, None);
    assert_eq!(
        rating.evidence, "Goals adopted in March.",
        "text kept when the level is cleared"
    );
}

#[test]
fn editing_archiving_and_deleting_partnerships_people_and_cycles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("p.sqlite")).expect("open");
    let view = fill(&mut store);
    let mut p = view.partnership.clone();
    p.name = "Renamed".into();
    p.partner_kind = PartnerKind::CommunityOrganisation;
    p.start_date = None;
    store.update_partnership(&p).expect("update");
    store.set_archived(p.id, true).expect("archive");
    let mut ben = view.people[1].clone();
    ben.side = Side::School;
    ben.role = "Principal".into();
    store.update_person(&ben).expect("update person");
    store
        .apply(&partnerpath::model::Command::DeletePerson(
            view.people[0].id,
        ))
        .expect("delete person");
    store.delete_cycle(view.cycles[0].id).expect("delete cycle");

    let view = store.load_partnership(p.id).expect("load");
    assert_eq!(view.partnership.name, "Renamed");
    assert_eq!(
        view.partnership.partner_kind,
        PartnerKind::CommunityOrganisation
    );
    assert_eq!(view.partnership.start_date, None);
    assert!(view.partnership.archived);
    assert_eq!(view.people, [ben]);
    assert_eq!(view.cycles.len(), 1);
    assert_eq!(
        view.filled_ratings_in_cycle(view.cycles[0].id),
        2,
        "Ana's rating went with her"
    );

    store.delete_partnership(p.id).expect("delete");
    assert!(store.partnership_summaries().expect("list").is_empty());
    assert!(store.load_partnership(p.id).is_err());
    let deleted = store.recently_deleted().expect("recently deleted");
    assert_eq!(deleted.len(), 1, "{deleted:?}");
    assert_eq!(deleted[0].name, "Renamed");
}

fn assert_untouched(path: &Path, before: &[u8], error: &StoreError) {
    assert_eq!(std::fs::read(path).expect("read back"), before, "{error}");
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    assert!(
        !Path::new(&wal).exists(),
        "no WAL file was created beside it"
    );
}

#[test]
fn a_file_from_a_newer_program_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("newer.sqlite");
    let mut store = Store::open(&path).expect("open");
    fill(&mut store);
    drop(store);
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("leave WAL");
        conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
            .expect("bump");
    }
    let before = std::fs::read(&path).expect("read");
    let error = Store::open(&path).expect_err("newer file refused");
    assert!(matches!(error, StoreError::Newer { found, .. } if found == LATEST_VERSION + 1));
    let problem = Problem::store(&error, Doing::Opening);
    assert!(
        problem.what.contains("newer version of PartnerPath"),
        "{problem}"
    );
    assert!(problem.what.contains("has not been changed"), "{problem}");
    assert_eq!(problem.path.as_deref(), Some(path.as_path()));
    assert_untouched(&path, &before, &error);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("minutes.docx");
    let before = b"PK\x03\x04 this is a word-processor file, not a database".repeat(100);
    std::fs::write(&path, &before).expect("write");
    let error = Store::open(&path).expect_err("refused");
    assert!(
        matches!(error, StoreError::NotPartnerPath { .. }),
        "{error:?}"
    );
    assert!(
        Problem::store(&error, Doing::Opening)
            .what
            .contains("not a PartnerPath database")
    );
    assert_untouched(&path, &before, &error);
}

#[test]
fn another_programs_database_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch("CREATE TABLE budget (line TEXT, amount REAL);")
            .expect("create");
    }
    let before = std::fs::read(&path).expect("read");
    let error = Store::open(&path).expect_err("refused");
    assert!(
        matches!(error, StoreError::NotPartnerPath { .. }),
        "{error:?}"
    );
    assert_untouched(&path, &before, &error);
}

#[test]
fn an_empty_file_becomes_a_new_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("empty.sqlite");
    std::fs::write(&path, b"").expect("write");
    let store = Store::open(&path).expect("open");
    assert_eq!(store.schema_version().expect("version"), LATEST_VERSION);
}

#[test]
fn the_database_uses_the_rollback_journal_foreign_keys_and_marks_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.sqlite");
    let mut store = Store::open(&path).expect("open");
    fill(&mut store);
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "delete", "the rollback journal, not WAL");
    let id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .expect("id");
    assert_eq!(id, partnerpath_store::APPLICATION_ID);
    let orphan = conn.execute_batch(
        "PRAGMA foreign_keys = ON; INSERT INTO ratings (cycle_id, indicator_key) VALUES (999, 'x');",
    );
    assert!(orphan.is_err(), "ratings must belong to a cycle");
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_with_a_plain_message() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.sqlite");
    let mut store = Store::open(&path).expect("open");
    fill(&mut store);
    drop(store);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = std::fs::read(&path).expect("read");
    let as_root = std::fs::OpenOptions::new().write(true).open(&path).is_ok();
    if as_root {
        // Permissions do not stop root: the program is run as the user
        // `nobody` instead, as a coordinator would meet the file.
        refused_to_nobody(dir.path(), &path);
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "the file was changed"
        );
        return;
    }
    let error = Store::open(&path).expect_err("refused");
    assert!(matches!(error, StoreError::ReadOnly { .. }), "{error:?}");
    let problem = Problem::store(&error, Doing::Opening);
    assert!(problem.what_to_do.contains("Copy the file"));
    assert!(
        !problem.what.contains("last change"),
        "opening is not saving: {problem}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the file was changed"
    );
}

/// `partnerpath export` run as the user `nobody` on the read-only file at
/// `path`, in `dir` (opened to everyone for the lock file and a home).
#[cfg(unix)]
fn refused_to_nobody(dir: &Path, path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    const NOBODY: u32 = 65534;
    let home = dir.join("home");
    std::fs::create_dir(&home).expect("home");
    for folder in [dir, home.as_path()] {
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_partnerpath"))
        .arg("export")
        .arg("--db")
        .arg(path)
        .arg("--out")
        .arg(dir.join("out.partnerpath"))
        .env("HOME", &home)
        .env_remove("XDG_DATA_HOME")
        .uid(NOBODY)
        .gid(NOBODY)
        .output()
        .expect("run as nobody");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "a read-only file was opened: {said}"
    );
    assert!(
        said.contains("the file or its folder is read-only"),
        "{said}"
    );
    assert!(said.contains("Copy the file"), "{said}");
    assert!(said.contains("Nothing was changed."), "{said}");
    assert!(
        !said.contains("last change"),
        "opening is not saving: {said}"
    );
}

#[test]
fn stage_entries_round_trip_in_date_order() {
    use partnerpath::model::{NewStageEntry, stage_history};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("stages.sqlite");
    let mut store = Store::open(&path).expect("open");
    let view = fill(&mut store);
    let id = view.partnership.id;
    let add = |store: &mut Store, stage, on, note: &str| {
        store
            .add_stage_entry(&NewStageEntry {
                partnership_id: id,
                fields: StageEntryFields {
                    stage,
                    started_on: on,
                    note: note.into(),
                },
            })
            .expect("add")
    };
    add(&mut store, 5, date(2024, 6, 1), "renewed");
    let first = add(&mut store, 1, date(2023, 1, 1), "team named");
    add(&mut store, 2, date(2024, 8, 1), "back to goals");
    let view = store.load_partnership(id).expect("load");
    let mut entry = view
        .stages
        .iter()
        .find(|e| e.id == first)
        .expect("entry")
        .clone();
    entry.note = "steering team named".into();
    entry.stage = 0;
    store.update_stage_entry(&entry).expect("update");
    drop(store);

    let store = Store::open(&path).expect("reopen");
    let view = store.load_partnership(id).expect("load");
    let instruments = partnerpath::instrument::Instruments::builtin().expect("instruments");
    let history = stage_history(&view.stages, instruments.stages);
    let stages: Vec<(u8, &str, bool)> = history
        .iter()
        .map(|s| (s.entry.stage, s.entry.note.as_str(), s.loops_back))
        .collect();
    assert_eq!(
        stages,
        [
            (0, "steering team named", false),
            (5, "renewed", false),
            (2, "back to goals", true)
        ]
    );
    let mut store = store;
    store
        .apply(&partnerpath::model::Command::DeleteStageEntry(first))
        .expect("delete");
    assert_eq!(store.load_partnership(id).expect("load").stages.len(), 2);
}

#[test]
fn a_version_1_file_is_upgraded_and_keeps_its_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("v1.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch(partnerpath_store::VERSION_1)
            .expect("v1 schema");
        conn.pragma_update(None, "user_version", 1)
            .expect("version");
        conn.execute(
            "INSERT INTO partnerships (name, partner_kind) VALUES ('Old one', 'other')",
            [],
        )
        .expect("insert");
    }
    let mut store = Store::open(&path).expect("upgrade");
    assert_eq!(store.schema_version().expect("version"), LATEST_VERSION);
    let summaries = store.partnership_summaries().expect("list");
    assert_eq!(summaries.len(), 1);
    assert_eq!(summaries[0].partnership.name, "Old one");
    let id = summaries[0].partnership.id;
    store
        .add_stage_entry(&partnerpath::model::NewStageEntry {
            partnership_id: id,
            fields: StageEntryFields {
                stage: 1,
                started_on: date(2024, 1, 1),
                note: String::new(),
            },
        })
        .expect("the new table is there");
}

#[test]
fn a_readiness_round_with_several_members_per_side_round_trips() {
    use partnerpath::model::{NewReadinessMember, NewReadinessRound, Team};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("readiness.sqlite");
    let mut store = Store::open(&path).expect("open");
    let id = fill(&mut store).partnership.id;
    let round = store
        .create_readiness_round(&NewReadinessRound {
            partnership_id: id,
            fields: ReadinessRoundFields {
                title: "Before signing".into(),
                held_on: date(2022, 5, 10),
                instrument_key: "readiness".into(),
                instrument_version: "odst-1".into(),
            },
        })
        .expect("round");
    let mut members = Vec::new();
    for (team, name) in [
        (Team::District, "Ann"),
        (Team::District, "Bob"),
        (Team::District, "Cy"),
        (Team::Partner, "Di"),
        (Team::Partner, "Ed"),
    ] {
        let new = NewReadinessMember {
            round_id: round,
            fields: ReadinessMemberFields {
                team,
                name: name.into(),
                role: format!("{name}'s role"),
            },
        };
        members.push(store.add_readiness_member(&new).expect("member"));
    }
    for (member, rating) in members.iter().zip([2, 3, 0, 4, 3]) {
        if rating > 0 {
            store
                .set_readiness_rating(*member, "metrics", Some(rating))
                .expect("rating");
        }
    }
    store
        .set_readiness_concerns(members[0], "metrics", "No baseline yet")
        .expect("concerns");
    store
        .set_team_concerns(round, Team::District, "metrics", "Agree a baseline")
        .expect("team concerns");
    store
        .set_team_strengths(round, Team::Partner, "metrics", "Data office ready")
        .expect("team strengths");
    store
        .set_readiness_rating(members[1], "metrics", None)
        .expect("cleared");
    drop(store);

    let mut store = Store::open(&path).expect("reopen");
    let view = store.load_partnership(id).expect("load");
    let round_view = view.readiness_round(round).expect("round");
    assert_eq!(round_view.round.title, "Before signing");
    assert_eq!(round_view.members.len(), 5);
    assert_eq!(round_view.members_of(Team::Partner).count(), 2);
    let district = round_view.team_category(Team::District, "metrics");
    assert_eq!(
        district.average,
        partnerpath::model::Mean::new(2, 1),
        "Bob cleared, Cy never rated"
    );
    assert_eq!(district.missing.len(), 2);
    assert_eq!(district.concerns.len(), 1);
    let partner = round_view.team_category(Team::Partner, "metrics");
    assert_eq!(partner.average, partnerpath::model::Mean::new(7, 2));
    assert_eq!(
        round_view
            .summary(Team::District, "metrics")
            .map(|s| s.concerns.as_str()),
        Some("Agree a baseline")
    );
    assert_eq!(
        round_view
            .summary(Team::Partner, "metrics")
            .map(|s| s.strengths.as_str()),
        Some("Data office ready")
    );
    store
        .apply(&partnerpath::model::Command::DeleteReadinessMember(
            members[0],
        ))
        .expect("remove Ann");
    store.delete_readiness_round(round).expect("delete round");
    assert!(
        store
            .load_partnership(id)
            .expect("load")
            .readiness
            .is_empty()
    );
}

/// The portfolio reads each kind of record for every partnership at once;
/// what it gives each partnership is exactly what that partnership holds.
#[test]
fn the_portfolio_gives_each_partnership_its_own_records() {
    use partnerpath::instrument::{Instruments, QUARTERLY_MEETING};
    use partnerpath::model::ActionStatus;
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("large.sqlite");
    let instruments = Instruments::builtin().expect("instruments");
    partnerpath::large::create(
        &path,
        instruments,
        partnerpath::large::Shape::with_cycles(3),
        7,
    )
    .expect("large data");
    let store = Store::open(&path).expect("open");
    let portfolio = store.portfolio().expect("portfolio");
    assert!(portfolio.len() > 1);
    let mut with_steps = 0;
    for facts in &portfolio {
        let view = store
            .load_partnership(facts.summary.partnership.id)
            .expect("load");
        let open: Vec<_> = view
            .action_steps
            .iter()
            .filter(|s| s.status == ActionStatus::Open)
            .cloned()
            .collect();
        with_steps += usize::from(!open.is_empty());
        assert_eq!(facts.open_steps, open);
        assert_eq!(facts.milestones, view.milestones);
        assert_eq!(facts.check_ins, view.check_ins);
        let meetings: Vec<_> = view
            .documents
            .iter()
            .filter(|d| d.instrument_key == QUARTERLY_MEETING)
            .map(partnerpath::model::Document::held_on)
            .collect();
        assert_eq!(facts.meetings, meetings);
        let newest: Vec<_> = view.cycles.iter().rev().take(2).collect();
        assert_eq!(facts.recent_cycles.len(), newest.len());
        for (recent, cycle) in facts.recent_cycles.iter().zip(newest) {
            assert_eq!(recent.school_year, cycle.school_year);
            for (key, level) in &recent.levels {
                let rated = view
                    .rating(cycle.id, Rater::Consensus, key)
                    .and_then(|r| r.level);
                assert_eq!(rated, Some(*level));
            }
        }
    }
    assert!(with_steps > 0, "the data has open action steps to compare");
}
