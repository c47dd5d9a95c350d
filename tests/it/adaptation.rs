//! A partnership's own adaptation of the continuum, on real files: its
//! versions are stored and reloaded, a version a cycle was rated with keeps
//! its words (an edit makes the next version, and the file itself refuses
//! to change the old one), it travels in exchange files, an older file is
//! upgraded to hold it, and its paper states what it is adapted from and
//! what it changed.

use std::path::Path;
use std::process::Command as Process;

use jiff::civil::{Date, date};
use partnerpath::instrument::{Level, Passage};
use partnerpath::model::exchange::{self, ExchangeError};
use partnerpath::model::{
    AdaptationFields, AdaptationId, Command, CycleFields, CycleId, CycleStatus, NewCycle, Outcome,
    Part, PartnershipId, PartnershipView, Versions, continuum_for,
};
use partnerpath::print::{Blank, Filled, Paper, PrintRequest, What, printout, render};
use partnerpath::session::{ExportScope, Session};
use partnerpath_store::Store;

use crate::support::{instruments, oak_and_elm};

const TODAY: Date = date(2026, 12, 3);
const ESTABLISHED: Level = Level::ALL[2];

/// The words a test types for Shared Goals' third level.
fn typed(n: u32) -> Vec<String> {
    vec![format!(
        "Goals are reviewed each semester by both partners (wording {n})."
    )]
}

/// A file with Oak & Elm, its adaptation of the 2017 continuum with
/// Shared Goals' third level in version 1's words, and a cycle rated
/// with that version.
fn adapted(path: &Path) -> (Session, PartnershipId, AdaptationId, CycleId) {
    let id = oak_and_elm(&mut Store::open(path).expect("store"));
    let mut session = Session::open(path).expect("session");
    session.open_partnership(id).expect("open");
    let adaptation = adapt(&mut session);
    edit(&mut session, adaptation, 1);
    let version = session
        .view()
        .and_then(|v| v.adaptation(adaptation))
        .expect("stored")
        .instrument_version();
    let cycle = rate_with(&mut session, id, version, TODAY);
    (session, id, adaptation, cycle)
}

/// Starts the cycle of the school year of `on`, rated with `version`.
fn rate_with(session: &mut Session, id: PartnershipId, version: String, on: Date) -> CycleId {
    let Ok(Outcome::CycleCreated(cycle)) = session.apply(&Command::CreateCycle(NewCycle {
        partnership_id: id,
        fields: CycleFields {
            status: CycleStatus::Draft,
            hidden: false,
            instrument_key: "wbt-continuum".into(),
            instrument_version: version,
            school_year: partnerpath::model::SchoolYear::containing(on).label(),
            administered_on: on,
        },
    })) else {
        panic!("the cycle is stored");
    };
    cycle
}

/// Makes a new adaptation of the 2017 continuum in the open partnership,
/// as "Adapt the …" does.
fn adapt(session: &mut Session) -> AdaptationId {
    let made = session
        .view()
        .and_then(|view| view.adapt(&instruments(), instruments().continuum, TODAY))
        .expect("a new adaptation");
    let Ok(Outcome::AdaptationAdded(adaptation)) = session.apply(&made) else {
        panic!("the adaptation is stored");
    };
    adaptation
}

/// The partnership `id` of `here`, exported and imported into an empty
/// file on another laptop, and opened there.
fn on_another_laptop(here: &Session, id: PartnershipId, path: &Path) -> (Session, PartnershipId) {
    let bytes = here.export(id, &ExportScope::Whole).expect("export");
    let mut there = Session::open(path).expect("there");
    let (file, plan) = there.plan_import(&bytes, instruments()).expect("plan");
    let there_id = there.import(&file, &plan).expect("import");
    there.open_partnership(there_id).expect("open");
    (there, there_id)
}

/// Types wording `n` into Shared Goals' third level, as the page does.
fn edit(session: &mut Session, adaptation: AdaptationId, n: u32) -> Command {
    let base = instruments().continuum;
    let command = session
        .view()
        .and_then(|view| {
            view.edit_adaptation(
                adaptation,
                |f| f.wording = f.with(base, "shared-goals", Part::Level(ESTABLISHED), typed(n)),
                TODAY,
            )
        })
        .expect("a change");
    session.apply(&command).expect("stored");
    command
}

/// The words of Shared Goals' third level as `cycle` was rated with them.
fn words_of(view: &PartnershipView, cycle: CycleId) -> Vec<String> {
    let instruments = instruments();
    let cycle = view.cycle(cycle).expect("the cycle");
    let continuum = continuum_for(&instruments, view, cycle);
    let indicator = continuum.indicator("shared-goals").expect("shared goals");
    continuum.shown(indicator, Passage::Level(ESTABLISHED))
}

fn stored_versions(path: &Path) -> Vec<(u32, String)> {
    let conn = rusqlite::Connection::open(path).expect("open");
    let mut statement = conn
        .prepare("SELECT number, wording FROM adaptations ORDER BY number")
        .expect("query");
    statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("versions")
}

#[test]
fn an_edit_after_a_cycle_was_rated_makes_a_new_version_and_the_cycle_keeps_its_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("adapted.sqlite");
    let (mut session, id, adaptation, cycle) = adapted(&path);
    let view = session.view().expect("open");
    assert_eq!(words_of(view, cycle), typed(1));

    // Before a cycle, an edit changed version 1 itself; now it makes 2.
    let command = edit(&mut session, adaptation, 2);
    assert!(
        matches!(&command, Command::AddAdaptation(new) if new.number == 2),
        "{command:?}"
    );
    let versions = stored_versions(&path);
    assert_eq!(versions.len(), 2);
    assert!(versions[0].1.contains("(wording 1)") && versions[1].1.contains("(wording 2)"));

    // Reloaded from the file: the cycle keeps version 1's words, and a new
    // cycle would be rated with version 2's.
    let in_memory = session.view().expect("open").clone();
    let reloaded = session.open_partnership(id).expect("reload").clone();
    assert_eq!(reloaded, in_memory, "memory equals file");
    assert_eq!(words_of(&reloaded, cycle), typed(1));
    let newest: Vec<_> = reloaded.adapted_newest().collect();
    assert_eq!(newest.len(), 1);
    let indicator = newest[0].indicator("shared-goals").expect("shared goals");
    assert_eq!(indicator.level_text(ESTABLISHED), typed(2));
    let instruments = instruments();
    assert!(
        Versions::usual(&reloaded, &instruments).is(newest[0]),
        "a new cycle is rated with the newest version by default"
    );
    let adapted = newest[0].adapted.as_ref().expect("adapted");
    assert_eq!(
        adapted.statement,
        "Adapted from Working Better Together (CCSSO, 2017, CC BY 4.0); changed: Shared Goals."
    );

    // Version 1 cannot be changed: refused before the file, and by the
    // file itself.
    let mut first = reloaded
        .adaptations
        .iter()
        .find(|a| a.number == 1)
        .expect("version 1")
        .clone();
    first.name = "Renamed".into();
    let before = std::fs::read(&path).expect("bytes");
    let refused = session
        .apply(&Command::UpdateAdaptation(first.clone()))
        .unwrap_err();
    assert!(
        refused.what.contains("its words stay as they were"),
        "{}",
        refused.what
    );
    assert_eq!(std::fs::read(&path).expect("bytes"), before);
    drop(session);
    let mut store = Store::open(&path).expect("store");
    assert!(store.update_adaptation(&first).is_err(), "the file refuses");
    assert_eq!(stored_versions(&path).len(), 2);
}

#[test]
fn an_empty_passage_or_name_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("adapted.sqlite");
    let (mut session, _, adaptation, _) = adapted(&path);
    let before = stored_versions(&path);
    let view = session.view().expect("open");
    let base = instruments().continuum;
    let empty = view
        .edit_adaptation(
            adaptation,
            |f| f.wording = f.with(base, "advocacy", Part::Criteria, Vec::new()),
            TODAY,
        )
        .expect("a change");
    assert!(session.apply(&empty).is_err());
    let view = session.view().expect("open");
    let unnamed = view
        .edit_adaptation(adaptation, |f| f.name = "  ".into(), TODAY)
        .expect("a change");
    assert!(session.apply(&unnamed).is_err());
    assert_eq!(stored_versions(&path), before);
}

#[test]
fn the_adaptation_travels_in_an_exchange_file_with_the_cycles_rated_with_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut session, id, adaptation, cycle) = adapted(&dir.path().join("here.sqlite"));
    edit(&mut session, adaptation, 2);
    let bytes = session.export(id, &ExportScope::Whole).expect("export");
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    // With adaptations and no attachment: version 3, which older programs read.
    assert!(text.contains(&format!(
        "\"version\": {}",
        exchange::VERSION_WITHOUT_ATTACHMENTS
    )));
    assert!(text.contains("(wording 1)") && text.contains("(wording 2)"));

    // Into an empty file on another laptop.
    let there = dir.path().join("there.sqlite");
    let mut other = Session::open(&there).expect("other");
    let (file, plan) = other.plan_import(&bytes, instruments()).expect("plan");
    let imported = other.import(&file, &plan).expect("import");
    let view = other.open_partnership(imported).expect("open").clone();
    assert_eq!(view.adaptations.len(), 2);
    let here = session.view().expect("open");
    let rated = view
        .cycles
        .iter()
        .find(|c| {
            Some(c.instrument_version.as_str())
                == here.cycle(cycle).map(|c| c.instrument_version.as_str())
        })
        .expect("the cycle");
    assert_eq!(words_of(&view, rated.id), typed(1));

    // For raters apart: only the version their cycle was rated with.
    let people = Vec::new();
    let apart = session
        .export(id, &ExportScope::Raters { cycle, people })
        .expect("export for raters");
    let apart = exchange::parse(&apart, instruments()).expect("parse");
    assert_eq!(apart.adaptations.len(), 1);
    assert_eq!(apart.adaptations[0].number, 1);

    // A file without adaptations is still version 2, which older
    // programs read.
    let plain = dir.path().join("plain.sqlite");
    let plain_id = oak_and_elm(&mut Store::open(&plain).expect("store"));
    let plain = Session::open(&plain).expect("session");
    let bytes = plain.export(plain_id, &ExportScope::Whole).expect("export");
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(text.contains("\"version\": 2,") && !text.contains("adaptations"));
}

#[test]
fn a_file_whose_adaptation_is_missing_or_empty_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (session, id, _, _) = adapted(&dir.path().join("here.sqlite"));
    let bytes = session.export(id, &ExportScope::Whole).expect("export");
    let mut json: serde_json::Value = serde_json::from_slice(&bytes).expect("json");

    // The cycle names a version the file does not hold.
    let mut missing = json.clone();
    missing["adaptations"] = serde_json::Value::Array(Vec::new());
    let error =
        exchange::parse(&serde_json::to_vec(&missing).expect("bytes"), instruments()).unwrap_err();
    assert!(
        matches!(&error, ExchangeError::UnknownInstrument(what) if what.contains("adapted-")),
        "{error:?}"
    );

    // A level left without words.
    json["adaptations"][0]["wording"]["shared-goals"]["levels"][2] =
        serde_json::Value::Array(Vec::new());
    let error =
        exchange::parse(&serde_json::to_vec(&json).expect("bytes"), instruments()).unwrap_err();
    assert!(
        matches!(&error, ExchangeError::OutOfRange(what) if what.contains("Shared Goals")),
        "{error:?}"
    );
}

#[test]
fn a_file_of_the_previous_schema_is_upgraded_and_can_hold_an_adaptation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("v6.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        partnerpath_store::set_up_version(&mut conn, 6).expect("version 6");
        conn.execute(
            "INSERT INTO partnerships (name, partner_kind) VALUES ('Old one', 'other')",
            [],
        )
        .expect("insert");
    }
    let mut store = Store::open(&path).expect("upgrade");
    assert_eq!(
        store.schema_version().expect("version"),
        partnerpath_store::LATEST_VERSION
    );
    let id = store.partnership_summaries().expect("list")[0]
        .partnership
        .id;
    assert_eq!(
        store.load_partnership(id).expect("load").partnership.name,
        "Old one"
    );
    let fields = AdaptationFields::first(instruments().continuum, "Ours", TODAY);
    store
        .add_adaptation(&partnerpath::model::NewAdaptation {
            partnership_id: id,
            fields,
        })
        .expect("the new table is there");
    assert_eq!(
        store.load_partnership(id).expect("load").adaptations.len(),
        1
    );
}

#[test]
fn the_paper_of_an_adapted_cycle_states_its_source_and_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (session, _, _, cycle) = adapted(&dir.path().join("here.sqlite"));
    let view = session.view().expect("open");
    let request = PrintRequest {
        what: What::Filled(Filled::Continuum {
            cycle,
            with_raters: false,
        }),
        paper: Paper::Letter,
    };
    let printed = printout(&request, Some(view), instruments(), TODAY).expect("printout");
    let pdf = dir.path().join("adapted.pdf");
    std::fs::write(&pdf, render(&printed).expect("render")).expect("write");
    let output = Process::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext is needed: run the tests with ./scripts/test");
    let text = String::from_utf8_lossy(&output.stdout);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Our adaptation of the continuum",
        "version 1 (the partnership's adaptation)",
        "Adapted from Working Better Together (CCSSO, 2017, CC BY 4.0); changed: Shared Goals.",
        "Note from PartnerPath: the partnership changed the wording of this indicator.",
        "Goals are reviewed each semester by both partners (wording 1).",
    ] {
        assert!(
            flat.contains(expected),
            "missing {expected:?} in {flat:.2000}"
        );
    }
    assert_eq!(
        flat.matches("the partnership changed the wording").count(),
        1,
        "only Shared Goals is marked"
    );

    // Blank for the meeting, in the adaptation's words (the print dialog
    // offers it as the partnership's usual version).
    let version = view.cycle(cycle).expect("cycle").instrument_version.clone();
    let blank = PrintRequest {
        what: What::Blank(Blank::Continuum {
            version: Some(version),
        }),
        paper: Paper::Letter,
    };
    let printed = printout(&blank, Some(view), instruments(), TODAY).expect("printout");
    let part = format!("{:?}", printed.parts);
    assert!(
        part.contains(
            "Adapted from Working Better Together (CCSSO, 2017, CC BY 4.0); changed: Shared Goals."
        ) && part.contains("(wording 1)"),
        "{part:.600}"
    );
}

/// Shared Goals' third level of the version `id` of the open partnership.
fn level_words(session: &Session, id: AdaptationId) -> Vec<String> {
    let view = session.view().expect("open");
    let version = view.adaptation(id).expect("the version");
    version.part(
        instruments().continuum,
        "shared-goals",
        Part::Level(ESTABLISHED),
    )
}

#[test]
fn a_version_changed_on_both_sides_keeps_the_words_a_cycle_was_rated_with_and_loses_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    let here_path = dir.path().join("here.sqlite");
    let id = oak_and_elm(&mut Store::open(&here_path).expect("store"));
    let mut here = Session::open(&here_path).expect("session");
    here.open_partnership(id).expect("open");
    let adaptation = adapt(&mut here);
    // The same partnership on another laptop, whose team rewrites Shared
    // Goals there while this one renames the adaptation here; neither has
    // rated with it.
    let (mut there, there_id) = on_another_laptop(&here, id, &dir.path().join("there.sqlite"));
    let there_adaptation = there.view().expect("open").adaptations[0].id;
    edit(&mut there, there_adaptation, 7);
    let rename = here
        .view()
        .and_then(|v| v.edit_adaptation(adaptation, |f| f.name = "Ours".into(), TODAY))
        .expect("a change");
    here.apply(&rename).expect("renamed");

    // The file's words are taken (its cycles may be rated with them), and
    // the words here are kept as a new version: no choice to get wrong.
    let back = there.export(there_id, &ExportScope::Whole).expect("export");
    let (file, plan) = here.plan_import(&back, instruments()).expect("plan");
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
    assert_eq!(plan.settled.len(), 1);
    assert!(
        plan.report().iter().any(|line| line.ends_with(
            "differs in the file; the file's words are taken, and the words here are kept as a new version of the adaptation."
        )),
        "{:?}",
        plan.report()
    );
    here.import(&file, &plan).expect("import");
    assert_eq!(level_words(&here, adaptation), typed(7));
    let view = here.view().expect("open");
    let kept = view
        .adaptations
        .iter()
        .find(|a| a.id != adaptation)
        .expect("the words here, as a new version");
    assert_eq!((kept.name.as_str(), kept.number), ("Ours", 2));
    assert!(kept.wording.0.is_empty(), "the published wording, as here");

    // Once a cycle here is rated with version 1, a file with other words
    // for it leaves it as it is.
    let version = view
        .adaptation(adaptation)
        .expect("v1")
        .instrument_version();
    rate_with(&mut here, id, version, TODAY);
    edit(&mut there, there_adaptation, 8);
    let back = there.export(there_id, &ExportScope::Whole).expect("export");
    let (file, plan) = here.plan_import(&back, instruments()).expect("plan");
    assert!(plan.conflicts.is_empty() && plan.settled.iter().all(|s| s.kept_here));
    here.import(&file, &plan).expect("import");
    assert_eq!(level_words(&here, adaptation), typed(7));
}

#[test]
fn two_laptops_that_each_make_a_next_version_keep_both() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut here, id, adaptation, _) = adapted(&dir.path().join("here.sqlite"));
    let (mut there, there_id) = on_another_laptop(&here, id, &dir.path().join("there.sqlite"));
    let there_adaptation = there.view().expect("open").adaptations[0].id;
    // Version 1 was rated with on both: each edit makes a version 2.
    edit(&mut here, adaptation, 2);
    edit(&mut there, there_adaptation, 3);

    let back = there.export(there_id, &ExportScope::Whole).expect("export");
    let (file, plan) = here.plan_import(&back, instruments()).expect("plan");
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
    here.import(&file, &plan).expect("both are kept");
    let view = here.view().expect("open");
    let mut numbers: Vec<u32> = view.adaptations.iter().map(|a| a.number).collect();
    numbers.sort_unstable();
    assert_eq!(numbers, [1, 2, 2]);
    let words: Vec<Vec<String>> = view
        .adaptations
        .iter()
        .map(|a| {
            a.part(
                instruments().continuum,
                "shared-goals",
                Part::Level(ESTABLISHED),
            )
        })
        .collect();
    assert!(
        words.contains(&typed(2)) && words.contains(&typed(3)),
        "{words:?}"
    );
}

#[test]
fn years_rated_with_the_adaptation_alone_still_say_what_it_is_adapted_from() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut session, id, _, cycle) = adapted(&dir.path().join("here.sqlite"));
    let version = session
        .view()
        .and_then(|v| v.cycle(cycle))
        .expect("cycle")
        .instrument_version
        .clone();
    rate_with(&mut session, id, version, date(2027, 10, 1));
    let view = session.view().expect("open");
    let instruments = instruments();
    let said = "the Our adaptation of the continuum, version 1, the partnership's adaptation (adapted from Working Better Together (CCSSO, 2017, CC BY 4.0); changed: Shared Goals).";
    // The key under every chart across the years, and on its paper.
    let versions = Versions::of(view, &instruments);
    assert_eq!(
        versions.key(),
        [format!("Every year was rated with {said}")]
    );
    // What changed, on screen and paper.
    let between = Versions::between(&instruments, view, &view.cycles[0], &view.cycles[1]);
    assert_eq!(between, Some(format!("Both years were rated with {said}")));
}

#[test]
fn an_adaptation_no_cycle_was_rated_with_can_be_deleted_and_one_rated_with_cannot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("here.sqlite");
    let (mut session, _, rated, _) = adapted(&path);
    let unused = adapt(&mut session);
    edit(&mut session, unused, 4);
    assert_eq!(stored_versions(&path).len(), 2);

    session
        .apply(&Command::DeleteAdaptation(unused))
        .expect("deleted");
    assert_eq!(stored_versions(&path).len(), 1);
    assert!(session.view().expect("open").adaptation(unused).is_none());

    let before = std::fs::read(&path).expect("bytes");
    let refused = session
        .apply(&Command::DeleteAdaptation(rated))
        .unwrap_err();
    assert!(refused.what.contains("it is kept"), "{}", refused.what);
    assert_eq!(std::fs::read(&path).expect("bytes"), before);
}
