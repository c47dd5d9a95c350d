//! Exchange files end to end, through the session as the window and the
//! command line use it: a hand-over into an empty file, rating apart on
//! another laptop, conflicts reported before anything is written, and bad
//! files refused with the database untouched (fuzzed).

use std::path::Path;

use jiff::civil::date;
use partnerpath::model::exchange::{Choice, Exchange, Table};
use partnerpath::model::{
    Command, CycleFields, CycleStatus, DocumentFields, Level, NewCycle, NewPartnership, NewPerson,
    Outcome, PartnershipId, PersonId, Rater, RatingKey, Side,
};
use partnerpath::problem::Remedy;
use partnerpath::session::{ExportScope, Session};
use proptest::prelude::*;

use crate::support::instruments;

/// The facilitator's file: Ana (district) and Jo Lee (partner), a 2025–26
/// cycle where Ana rated two indicators and the team agreed one.
pub struct Facilitator {
    pub session: Session,
    pub id: PartnershipId,
    pub cycle: partnerpath::model::CycleId,
    pub ana: PersonId,
    pub jo: PersonId,
}

fn created<T>(outcome: Outcome, pick: impl Fn(Outcome) -> Option<T>) -> T {
    pick(outcome).expect("the outcome names what was made")
}

pub fn facilitator(path: &Path) -> Facilitator {
    let mut session = Session::open(path).expect("open");
    let id = created(
        session
            .apply(&Command::CreatePartnership(NewPartnership {
                name: "Mesa USD & Canyon University".into(),
                district: "Mesa USD".into(),
                partner_organisation: "Canyon University".into(),
                ..NewPartnership::default()
            }))
            .expect("create"),
        |o| match o {
            Outcome::PartnershipCreated(id) => Some(id),
            _ => None,
        },
    );
    session.open_partnership(id).expect("open it");
    let person = |session: &mut Session, name: &str, side| {
        created(
            session
                .apply(&Command::AddPerson(
                    id,
                    NewPerson {
                        name: name.into(),
                        side,
                        role: String::new(),
                    },
                ))
                .expect("person"),
            |o| match o {
                Outcome::PersonAdded(id) => Some(id),
                _ => None,
            },
        )
    };
    let ana = person(&mut session, "Ana Ruiz", Side::District);
    let jo = person(&mut session, "Jo Lee", Side::Partner);
    let cycle = created(
        session
            .apply(&Command::CreateCycle(NewCycle {
                partnership_id: id,
                fields: CycleFields {
                    status: CycleStatus::Draft,
                    hidden: false,
                    instrument_key: "wbt-continuum".into(),
                    instrument_version: "2017-10".into(),
                    school_year: "2025–26".into(),
                    administered_on: date(2025, 10, 1),
                },
            }))
            .expect("cycle"),
        |o| match o {
            Outcome::CycleCreated(id) => Some(id),
            _ => None,
        },
    );
    let mut f = Facilitator {
        session,
        id,
        cycle,
        ana,
        jo,
    };
    f.rate(Rater::Person(ana), "shared-goals", 1);
    f.rate(Rater::Person(ana), "mutual-benefit", 3);
    f.rate(Rater::Consensus, "decision-making", 2);
    f
}

impl Facilitator {
    pub fn rate(&mut self, rater: Rater, indicator: &str, level: u8) {
        self.session
            .apply(&Command::SetLevel(
                RatingKey {
                    cycle_id: self.cycle,
                    indicator_key: indicator.into(),
                    rater,
                },
                Level::new(level),
            ))
            .expect("rate");
    }
}

fn import_all(session: &mut Session, bytes: &[u8], choice: Choice) -> PartnershipId {
    let (file, mut plan) = session.plan_import(bytes, instruments()).expect("plan");
    for conflict in &mut plan.conflicts {
        conflict.choice = choice;
    }
    session.import(&file, &plan).expect("import")
}

fn without_time(bytes: &[u8]) -> Exchange {
    let mut x: Exchange = serde_json::from_slice(bytes).expect("exchange");
    x.exported_at = jiff::Timestamp::UNIX_EPOCH;
    x
}

#[test]
fn rating_apart_brings_one_raters_ratings_home_under_their_name() {
    let dir = tempfile::tempdir().expect("dir");
    let mut f = facilitator(&dir.path().join("facilitator.sqlite"));

    // The facilitator exports the cycle for Jo alone.
    let for_jo = f
        .session
        .export(
            f.id,
            &ExportScope::Raters {
                cycle: f.cycle,
                people: vec![f.jo],
            },
        )
        .expect("export for Jo");

    // On Jo's laptop: an empty file, the import, and Jo's ratings.
    let mut laptop = Session::open(&dir.path().join("jo.sqlite")).expect("Jo's file");
    let (_, plan) = laptop.plan_import(&for_jo, instruments()).expect("plan");
    assert!(plan.partnership_is_new);
    let there = import_all(&mut laptop, &for_jo, Choice::KeepHere);
    let view = laptop.open_partnership(there).expect("open").clone();
    assert_eq!(view.people.len(), 1, "only Jo travels");
    assert_eq!(view.people[0].name, "Jo Lee");
    assert_eq!(
        view.filled_ratings_in_cycle(view.cycles[0].id),
        0,
        "no one else's ratings travel"
    );
    let jo_there = view.people[0].id;
    let cycle_there = view.cycles[0].id;
    for (indicator, level) in [
        ("shared-goals", 4),
        ("mutual-benefit", 3),
        ("decision-making", 2),
    ] {
        laptop
            .apply(&Command::SetLevel(
                RatingKey {
                    cycle_id: cycle_there,
                    indicator_key: indicator.into(),
                    rater: Rater::Person(jo_there),
                },
                Level::new(level),
            ))
            .expect("Jo rates");
    }
    let from_jo = laptop
        .export(there, &ExportScope::Whole)
        .expect("Jo exports");

    // Home: the report first, then the ratings under Jo, with the spread.
    let (_, plan) = f
        .session
        .plan_import(&from_jo, instruments())
        .expect("plan");
    assert!(!plan.partnership_is_new);
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
    assert_eq!(plan.counts(), vec![(Table::Rating, 3)]);
    let report = plan.report().join("\n");
    assert!(report.contains("3 ratings from Jo Lee"), "{report}");
    import_all(&mut f.session, &from_jo, Choice::KeepHere);
    let view = f.session.view().expect("open");
    assert_eq!(
        view.level(f.cycle, Rater::Person(f.jo), "shared-goals"),
        Level::new(4)
    );
    assert_eq!(
        view.level(f.cycle, Rater::Person(f.ana), "shared-goals"),
        Level::new(1),
        "Ana's rating is as it was"
    );
    let spread = view
        .individual_spread(f.cycle, "shared-goals")
        .expect("two raters");
    assert_eq!(spread.gap(), 3);
    assert!(spread.needs_discussion(), "Ana's 1 and Jo's 4 are flagged");
    assert_eq!(
        view.level(f.cycle, Rater::Consensus, "decision-making"),
        Level::new(2),
        "the consensus is the facilitator's"
    );

    // The same file again adds nothing.
    let (_, again) = f
        .session
        .plan_import(&from_jo, instruments())
        .expect("plan");
    assert!(again.new.is_empty() && again.conflicts.is_empty());
    assert!(again.writes_nothing());
}

#[test]
fn a_hand_over_into_an_empty_file_carries_everything_and_twice_adds_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let sample = dir.path().join("sample.sqlite");
    let store = partnerpath::demo::create_sample_database(&sample, instruments()).expect("sample");
    let session = Session::with_store(store).expect("session");
    let id = session.summaries()[0].partnership.id;
    let out = session.export(id, &ExportScope::Whole).expect("export");

    let mut successor = Session::open(&dir.path().join("successor.sqlite")).expect("empty");
    let there = import_all(&mut successor, &out, Choice::KeepHere);
    let back = successor
        .export(there, &ExportScope::Whole)
        .expect("export again");
    let (out_x, back_x) = (without_time(&out), without_time(&back));
    if out_x != back_x {
        let a = serde_json::to_string_pretty(&out_x).expect("json");
        let b = serde_json::to_string_pretty(&back_x).expect("json");
        let first = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        let show = |t: &str| {
            t.lines()
                .skip(first.saturating_sub(5))
                .take(12)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "the copy differs at line {first}:\n{}\n---\n{}",
            show(&a),
            show(&b)
        );
    }
    let (original, copy) = (
        session.store().load_partnership(id).expect("load"),
        successor.store().load_partnership(there).expect("load"),
    );
    assert_eq!(original.cycles.len(), copy.cycles.len());
    let filled = |v: &partnerpath::model::PartnershipView| -> usize {
        v.cycles
            .iter()
            .map(|c| v.filled_ratings_in_cycle(c.id))
            .sum()
    };
    assert_eq!(filled(&original), filled(&copy));
    assert!(filled(&original) > 0);
    assert_eq!(original.documents.len(), copy.documents.len());
    assert_eq!(original.action_steps.len(), copy.action_steps.len());

    let (_, again) = successor.plan_import(&out, instruments()).expect("plan");
    assert!(again.writes_nothing(), "{:?}", again.report());
    let before = std::fs::read(successor.path()).expect("read");
    import_all(&mut successor, &out, Choice::KeepHere);
    assert_eq!(successor.summaries().len(), 1, "still one partnership");
    let copy_again = successor.store().load_partnership(there).expect("load");
    assert_eq!(copy, copy_again);
    assert!(!before.is_empty());
}

#[test]
fn a_record_changed_on_both_sides_is_reported_and_kept_unless_chosen() {
    let dir = tempfile::tempdir().expect("dir");
    let mut f = facilitator(&dir.path().join("f.sqlite"));
    let out = f.session.export(f.id, &ExportScope::Whole).expect("export");
    let mut other = Session::open(&dir.path().join("other.sqlite")).expect("other");
    let there = import_all(&mut other, &out, Choice::KeepHere);
    let view = other.open_partnership(there).expect("open").clone();
    other
        .apply(&Command::SetLevel(
            RatingKey {
                cycle_id: view.cycles[0].id,
                indicator_key: "decision-making".into(),
                rater: Rater::Consensus,
            },
            Level::new(3),
        ))
        .expect("agreed otherwise there");
    let changed = other.export(there, &ExportScope::Whole).expect("export");

    let (_, plan) = f
        .session
        .plan_import(&changed, instruments())
        .expect("plan");
    assert_eq!(plan.conflicts.len(), 1, "{:?}", plan.report());
    let question = plan.conflicts[0].question();
    assert!(
        question.contains("The consensus for Decision Making (2025–26)")
            && question.contains("“Developing” here and “Established” in the file"),
        "{question}"
    );
    // Kept: nothing changes.
    import_all(&mut f.session, &changed, Choice::KeepHere);
    let level = |f: &Facilitator| {
        f.session
            .view()
            .expect("open")
            .level(f.cycle, Rater::Consensus, "decision-making")
    };
    assert_eq!(level(&f), Level::new(2));
    // Taken from the file.
    import_all(&mut f.session, &changed, Choice::TakeFile);
    assert_eq!(level(&f), Level::new(3));
}

/// Damaged, foreign and hostile inputs, each refused with the file as it was.
#[test]
fn bad_files_are_refused_in_plain_words_and_change_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("f.sqlite");
    let f = facilitator(&path);
    let good = f.session.export(f.id, &ExportScope::Whole).expect("export");
    let good_text = String::from_utf8(good.clone()).expect("utf-8");
    let mut sqlite = std::fs::read(&path).expect("db bytes");
    sqlite.truncate(4096);
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    // A file without adaptations names the older version 2.
    let this_version = format!(
        "\"version\": {}",
        partnerpath::model::exchange::VERSION_WITHOUT_ADAPTATIONS
    );
    let newer = good_text.replacen(&this_version, "\"version\": 99", 1);
    assert_ne!(newer, good_text, "the version was found and raised");
    let level = good_text.replacen("\"level\": 1", "\"level\": 9", 1);
    let key = good_text.replacen("\"wbt-continuum\"", "\"some-other-rubric\"", 1);
    let version = good_text.replacen(
        "\"instrument_version\": \"2017-10\"",
        "\"instrument_version\": \"2099-01\"",
        1,
    );
    assert_ne!(
        version, good_text,
        "a cycle's version was found and changed"
    );
    // A field the format does not have, in a record whose fields are
    // flattened (which serde alone would let through).
    let mut unknown: serde_json::Value = serde_json::from_slice(&good).expect("json");
    unknown["milestones"] = serde_json::json!([{
        "id": "0d5d3a3e-8f0e-4f4e-9b57-1c2f6f0b7a11",
        "serves_goal": null,
        "milestone": "Mentors matched",
        "feedback_data": "",
        "frequency": "quarterly",
        "source": "",
        "started_on": "2025-09-01",
        "colour": "blue"
    }]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            good[..good.len() / 2].to_vec(),
            "damaged or incomplete",
        ),
        (
            "text",
            b"Minutes of the meeting".to_vec(),
            "not a PartnerPath exchange file",
        ),
        (
            "binary",
            vec![0, 159, 146, 150, 255, 1, 2],
            "not a PartnerPath exchange file",
        ),
        ("a SQLite file", sqlite, "SQLite database"),
        ("newer", newer.into_bytes(), "newer PartnerPath"),
        (
            "invalid UTF-8",
            [&good[..10], &[0xff, 0xfe], &good[10..]].concat(),
            "not text",
        ),
        (
            "nested",
            nested.into_bytes(),
            "not a PartnerPath exchange file",
        ),
        ("level out of range", level.into_bytes(), "out of range"),
        ("unknown instrument", key.into_bytes(), "does not have"),
        (
            "unknown version",
            version.into_bytes(),
            "does not have: the continuum rubric, version 2099-01",
        ),
        (
            "unknown field",
            unknown.to_string().into_bytes(),
            "unknown field `colour` in milestones",
        ),
        (
            "too large",
            vec![b' '; partnerpath::model::exchange::MAX_BYTES + 1],
            "larger than",
        ),
    ];
    let before = std::fs::read(&path).expect("before");
    for (name, bytes, says) in cases {
        let problem = f
            .session
            .plan_import(&bytes, instruments())
            .expect_err(name);
        assert!(problem.what.contains(says), "{name}: {problem}");
        assert!(
            problem.what.contains("Nothing was changed"),
            "{name}: {problem}"
        );
    }
    assert_eq!(std::fs::read(&path).expect("after"), before);
}

#[test]
fn ids_that_belong_to_an_unrelated_record_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let f = facilitator(&dir.path().join("f.sqlite"));
    let good = f.session.export(f.id, &ExportScope::Whole).expect("export");
    let mut x: Exchange = serde_json::from_slice(&good).expect("parse");
    // A new partnership whose person has the id of a cycle here.
    x.partnership.id = uuid::Uuid::from_u128(7);
    x.people[0].id = x.cycles[0].id;
    x.cycles.clear();
    x.ratings.clear();
    let bytes = serde_json::to_vec(&x).expect("json");
    let problem = f
        .session
        .plan_import(&bytes, instruments())
        .expect_err("collision");
    assert!(
        problem.what.contains("belongs to another record"),
        "{problem}"
    );
}

/// The exchange file's bytes, mutated: cut, spliced, bytes flipped, and
/// values swapped for others of the wrong kind.
fn mutated(good: &[u8]) -> impl Strategy<Value = Vec<u8>> {
    let len = good.len();
    let good = good.to_vec();
    prop_oneof![
        (0..len).prop_map({
            let good = good.clone();
            move |cut| good[..cut].to_vec()
        }),
        (0..len, any::<u8>()).prop_map({
            let good = good.clone();
            move |(at, byte)| {
                let mut bytes = good.clone();
                bytes[at] = byte;
                bytes
            }
        }),
        (0..len, 0..len, 0..len).prop_map({
            let good = good.clone();
            move |(a, b, at)| {
                let (a, b) = (a.min(b), a.max(b));
                let mut bytes = good[..at].to_vec();
                bytes.extend_from_slice(&good[a..b]);
                bytes.extend_from_slice(&good[at..]);
                bytes
            }
        }),
        (
            0..len,
            prop::sample::select(vec![
                "null",
                "-1",
                "99",
                "\"\"",
                "[]",
                "{}",
                "\"00000000-0000-0000-0000-000000000000\"",
                "1e999",
                "true",
                "\"\u{0}\"",
            ])
        )
            .prop_map(move |(at, value)| {
                // Replace the value after the `at`-th colon.
                let text = String::from_utf8_lossy(&good).into_owned();
                let Some((start, _)) = text.match_indices(": ").nth(at % 200) else {
                    return good.clone();
                };
                let rest = &text[start + 2..];
                let end = rest.find([',', '\n']).unwrap_or(rest.len());
                format!("{}: {value}{}", &text[..start], &rest[end..]).into_bytes()
            }),
        prop::collection::vec(any::<u8>(), 0..512),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 10_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// No input panics the importer; a refused file leaves the database
    /// byte for byte as it was; an accepted one is imported (taking the
    /// file's side of every conflict) and the database still passes its
    /// integrity check.
    #[test]
    fn ten_thousand_mutated_exchange_files_never_panic_or_damage_the_file(
        bytes in mutated(FUZZ_SEED.with(Clone::clone).as_slice())
    ) {
        FUZZ.with(|cell| {
            let mut guard = cell.borrow_mut();
            let (session, before) = guard.get_or_insert_with(fuzz_session);
            let refused = match session.plan_import(&bytes, instruments()) {
                Err(problem) => Some(problem),
                Ok((file, mut plan)) => {
                    prop_assert!(!plan.report().is_empty());
                    for conflict in &mut plan.conflicts {
                        conflict.choice = Choice::TakeFile;
                    }
                    session.import(&file, &plan).err()
                }
            };
            let now = std::fs::read(session.path()).expect("read");
            if let Some(problem) = refused {
                prop_assert!(problem.what.contains("othing was changed"), "{}", problem);
                prop_assert!(now == *before, "a refused import changed the file: {}", problem);
            } else {
                let conn = rusqlite::Connection::open(session.path()).expect("raw");
                let check: String = conn
                    .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                    .expect("check");
                prop_assert_eq!(check, "ok");
                *before = now;
            }
            Ok(())
        })?;
    }
}

thread_local! {
    /// The good file the fuzz test mutates.
    static FUZZ_SEED: Vec<u8> = {
        let dir = tempfile::tempdir().expect("dir");
        let f = facilitator(&dir.path().join("seed.sqlite"));
        f.session.export(f.id, &ExportScope::Whole).expect("export")
    };
    /// One database for all the cases of a thread, and its bytes.
    static FUZZ: std::cell::RefCell<Option<(Session, Vec<u8>)>> =
        const { std::cell::RefCell::new(None) };
}

/// The database the fuzz test imports into: the seed's partnership is
/// there, so mutated files meet records that match, differ and collide.
fn fuzz_session() -> (Session, Vec<u8>) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.keep().join("fuzz.sqlite");
    let mut session = Session::open(&path).expect("open");
    let seed = FUZZ_SEED.with(Clone::clone);
    import_all(&mut session, &seed, Choice::KeepHere);
    let bytes = std::fs::read(&path).expect("read");
    (session, bytes)
}

#[test]
fn a_partnership_in_recently_deleted_is_restored_before_importing_into_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut f = facilitator(&dir.path().join("f.sqlite"));
    let out = f.session.export(f.id, &ExportScope::Whole).expect("export");
    f.session
        .apply(&Command::DeletePartnership(f.id))
        .expect("delete");
    let problem = f
        .session
        .plan_import(&out, instruments())
        .expect_err("refused");
    assert!(problem.what.contains("is in Recently deleted"), "{problem}");
    assert!(
        problem
            .what_to_do
            .contains("Restore it from Recently deleted"),
        "{problem}"
    );
    assert_eq!(problem.remedy, Some(Remedy::RecentlyDeleted), "{problem}");
}

#[test]
fn a_file_larger_than_the_format_allows_is_not_read_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let f = facilitator(&dir.path().join("f.sqlite"));
    let big = dir.path().join("big.partnerpath");
    let file = std::fs::File::create(&big).expect("create");
    let size = u64::try_from(partnerpath::model::exchange::MAX_BYTES).expect("size") * 2;
    file.set_len(size)
        .expect("a sparse file of twice the limit");
    let problem = f
        .session
        .plan_import_file(&big, instruments())
        .expect_err("refused");
    assert!(problem.what.contains("larger than"), "{problem}");
    assert_eq!(problem.path.as_deref(), Some(big.as_path()));
}

/// A guidebook worksheet handed over keeps its values and the day it last
/// changed; a file of the first format version, which had no such day,
/// still reads, its documents dated by their creation.
#[test]
fn a_worksheet_travels_with_the_day_it_last_changed() {
    use partnerpath::model::{FieldValue, NewDocument};
    let dir = tempfile::tempdir().expect("dir");
    let mut f = facilitator(&dir.path().join("here.sqlite"));
    let document = created(
        f.session
            .apply(&Command::CreateDocument(NewDocument {
                partnership_id: f.id,
                fields: DocumentFields {
                    instrument_key: "nea-opportunity-checklist".into(),
                    instrument_version: "nea-2019".into(),
                    title: "Checklist".into(),
                    created_on: date(2026, 1, 5),
                },
            }))
            .expect("document"),
        |o| match o {
            Outcome::DocumentCreated(id) => Some(id),
            _ => None,
        },
    );
    f.session
        .apply(&Command::SetDocumentValue(
            document,
            "school".into(),
            FieldValue::Text("Cedar Hill".into()),
            date(2026, 2, 9),
        ))
        .expect("value");
    let bytes = f.session.export(f.id, &ExportScope::Whole).expect("export");
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    assert!(text.contains("\"changed_on\": \"2026-02-09\""), "{text}");

    let mut there = Session::open(&dir.path().join("there.sqlite")).expect("open");
    let id = import_all(&mut there, &bytes, Choice::TakeFile);
    there.open_partnership(id).expect("open");
    let view = there.view().expect("view");
    let arrived = view
        .documents_of("nea-opportunity-checklist")
        .next()
        .expect("document");
    assert_eq!(arrived.changed_on, date(2026, 2, 9));
    assert_eq!(
        arrived.value("school"),
        Some(&FieldValue::Text("Cedar Hill".into()))
    );

    // The same file as version 1 wrote it: no day of change.
    let old = text
        .replacen(
            &format!("\"version\": {}", partnerpath::model::exchange::VERSION),
            "\"version\": 1",
            1,
        )
        .replace(",\n      \"changed_on\": \"2026-02-09\"", "");
    assert!(!old.contains("changed_on"), "{old}");
    let mut older = Session::open(&dir.path().join("older.sqlite")).expect("open");
    let id = import_all(&mut older, old.as_bytes(), Choice::TakeFile);
    older.open_partnership(id).expect("open");
    let view = older.view().expect("view");
    let arrived = view
        .documents_of("nea-opportunity-checklist")
        .next()
        .expect("document");
    assert_eq!(arrived.changed_on, date(2026, 1, 5), "its creation day");
}
