//! Versions of the continuum in the window: a new cycle is rated with the
//! version chosen (the partnership's usual one unless another is), its grid
//! shows that version's words and names it, and the screens across the
//! years mark the years rated with another version, in words.

use std::path::Path;

use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use partnerpath::model::{
    CycleFields, CycleId, CycleStatus, Level, NewCycle, PartnershipId, Rater, RatingKey,
};
use partnerpath::ui::{Page, Screen, Tab};
use partnerpath_store::Store;

use crate::support;

/// The "Rate with" list (not its label).
fn tool_choice<'h>(
    harness: &'h egui_kittest::Harness<'_, partnerpath::ui::App>,
) -> egui_kittest::Node<'h> {
    harness.get(
        egui_kittest::kittest::by()
            .label("Rate with")
            .predicate(|n| n.role() != egui::accesskit::Role::Label),
    )
}

const TOOL_2018: &str = "Strengthening Partnerships Tool (2018), version 2018-04";

/// The first column of each row `sql` reads from the file at `path`.
fn stored(path: &Path, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).expect("open file");
    let mut statement = conn.prepare(sql).expect("query");
    statement
        .query_map([], |row| row.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("values")
}

/// The version each stored cycle names, oldest first.
fn stored_versions(path: &Path) -> Vec<String> {
    stored(path, "SELECT instrument_version FROM cycles ORDER BY id")
}

/// A file at `path` with Oak & Elm and no cycle, its Continuum page shown.
fn on_cycles_page(
    path: &Path,
) -> (
    PartnershipId,
    egui_kittest::Harness<'static, partnerpath::ui::App>,
) {
    let partnership = {
        let mut store = Store::open(path).expect("store");
        support::oak_and_elm(&mut store)
    };
    let mut harness = support::harness(
        support::app(path, Some(Screen::In(partnership, Page::Cycles))),
        [1366.0, 1400.0],
    );
    harness.run();
    (partnership, harness)
}

#[test]
fn a_cycle_rated_with_the_2018_tool_shows_its_words_and_becomes_the_usual_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("versions.sqlite");
    let (partnership, mut harness) = on_cycles_page(&path);
    // With no cycle yet, the default is the 2017 continuum.
    assert_eq!(
        tool_choice(&harness).value().as_deref(),
        Some("Working Better Together continuum, version 2017-10 (the default)")
    );
    tool_choice(&harness).click();
    harness.run();
    harness.get_by_label(TOOL_2018).click();
    harness.run();
    harness.get_by_label("+ Start cycle").click();
    harness.run();
    assert_eq!(stored_versions(&path), ["2018-04"]);
    let Screen::In(_, Page::Continuum(cycle)) = harness.state().screen() else {
        panic!("the new cycle's grid is shown");
    };

    // The grid is the 2018 tool's: its name, version and words.
    harness.get_by_label_contains("Strengthening Partnerships Tool (2018) ·");
    harness.get_by_label("version 2018-04");
    harness
        .get_by_label("Mission and Belief: Established")
        .click();
    harness.run();
    let conn = rusqlite::Connection::open(&path).expect("open");
    let level: u8 = conn
        .query_row(
            "SELECT level FROM ratings WHERE cycle_id = ?1 AND indicator_key = 'mission-and-beliefs'",
            [cycle.0],
            |row| row.get(0),
        )
        .expect("stored by the indicator's key");
    assert_eq!(level, 3);
    // Each indicator with a passage lost from the 2018 text says where its
    // words come from.
    let instruments = support::instruments();
    let tool = instruments
        .continuum_of("wbt-continuum", "2018-04")
        .expect("the 2018 tool");
    let filled = tool.indicators().filter(|i| !i.filled.is_empty()).count();
    assert!(filled > 0);
    assert_eq!(
        harness
            .query_all_by_label_contains(
                "Note from PartnerPath: this passage did not survive in the 2018 text; the 2017 wording is shown. (In this indicator: ",
            )
            .count(),
        filled
    );

    // The next cycle starts with the partnership's usual tool: the 2018 one.
    drop(harness);
    let mut harness = support::harness(
        support::app(&path, Some(Screen::In(partnership, Page::Cycles))),
        [1366.0, 1400.0],
    );
    harness.run();
    assert_eq!(
        tool_choice(&harness).value(),
        Some(format!("{TOOL_2018} (this partnership's usual one)"))
    );
    harness.get_by_label("+ Start cycle").click();
    harness.run();
    assert_eq!(stored_versions(&path), ["2018-04", "2018-04"]);
}

/// A partnership rated with 2017 in 2022–23 and 2024–25, and with the 2018
/// tool in 2023–24; Decision Making rated in each.
fn switched(path: &Path) -> (PartnershipId, Vec<CycleId>) {
    let mut store = Store::open(path).expect("store");
    let partnership = support::oak_and_elm(&mut store);
    let mut cycles = Vec::new();
    for (year, start, version, level) in [
        ("2022–23", 2022, "2017-10", 1),
        ("2023–24", 2023, "2018-04", 2),
        ("2024–25", 2024, "2017-10", 3),
    ] {
        let cycle = store
            .create_cycle(&NewCycle {
                partnership_id: partnership,
                fields: CycleFields {
                    status: CycleStatus::Draft,
                    hidden: false,
                    instrument_key: "wbt-continuum".into(),
                    instrument_version: version.into(),
                    school_year: year.into(),
                    administered_on: date(start, 10, 1),
                },
            })
            .expect("cycle");
        let key = RatingKey {
            cycle_id: cycle,
            indicator_key: "decision-making".into(),
            rater: Rater::Consensus,
        };
        store.set_level(&key, Level::new(level)).expect("level");
        cycles.push(cycle);
    }
    (partnership, cycles)
}

#[test]
fn the_years_rated_with_another_version_are_marked_and_named_in_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("switched.sqlite");
    let (partnership, _) = switched(&path);
    let key = "* Rated with the Strengthening Partnerships Tool (2018), version 2018-04: 2023–24.";
    for tab in [Tab::HeatMap, Tab::Levels, Tab::Radar] {
        let mut harness = support::harness(
            support::app(&path, Some(Screen::In(partnership, Page::Trajectory(tab)))),
            [1366.0, 1400.0],
        );
        harness.run();
        harness.get_by_label(key);
        harness.get_by_label_contains("Years without a mark were rated with the Working Better Together continuum, version 2017-10.");
    }
    // What changed, from the 2018 year to the 2017 one: said in words, and
    // each year's level in its own version's words.
    let mut harness = support::harness(
        support::app(
            &path,
            Some(Screen::In(partnership, Page::Trajectory(Tab::Changes))),
        ),
        [1366.0, 1400.0],
    );
    harness.run();
    harness.get_by_label_contains(
        "2023–24 was rated with the Strengthening Partnerships Tool (2018), version 2018-04, and 2024–25 with the Working Better Together continuum, version 2017-10.",
    );
}

/// The text of a PDF, its lines joined.
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, pdf).expect("write");
    let output = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is needed: run the tests with ./scripts/test");
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_paper_names_each_cycles_version_and_marks_the_other_years() {
    use partnerpath::print::{Filled, Paper, PrintRequest, What, printout, render};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("switched.sqlite");
    let (partnership, cycles) = switched(&path);
    let view = Store::open(&path)
        .expect("store")
        .load_partnership(partnership)
        .expect("load");
    let print = |what: Filled| {
        let request = PrintRequest {
            what: What::Filled(what),
            paper: Paper::Letter,
        };
        let out = printout(
            &request,
            Some(&view),
            support::instruments(),
            date(2026, 12, 3),
        )
        .expect("printout");
        pdf_text(&render(&out).expect("render"))
    };
    let grid = print(Filled::Continuum {
        cycle: cycles[1],
        with_raters: false,
    });
    assert!(
        grid.contains("Strengthening Partnerships Tool"),
        "the 2018 title"
    );
    assert!(grid.contains(TOOL_2018), "names the tool and version");
    assert!(grid.contains("Mission and Belief"), "the 2018 words");
    assert!(
        grid.contains("(2017 wording)"),
        "marks the passages from 2017"
    );
    assert!(
        grid.contains("Note from PartnerPath: this passage did not survive in the 2018 text"),
        "and says why"
    );
    let earlier = print(Filled::Continuum {
        cycle: cycles[0],
        with_raters: false,
    });
    assert!(earlier.contains("Working Better Together continuum, version 2017-10"));
    assert!(!earlier.contains("(2017 wording)"));

    let years = print(Filled::Trajectory);
    assert!(
        years.contains(
            "* Rated with the Strengthening Partnerships Tool (2018), version 2018-04: 2023–24."
        ),
        "the key of the marks"
    );
    assert!(years.contains("2023–24 *"), "the marked year");
}

/// A blank continuum is offered in the partnership's usual version in the
/// print dialog, and the command line prints the version it is given.
#[test]
fn a_blank_continuum_is_offered_in_the_usual_version_and_printed_in_the_one_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("blank.sqlite");
    let (partnership, _) = switched(&path);
    {
        // The newest year rated with the 2018 tool: its usual one.
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute(
            "UPDATE cycles SET instrument_version = '2018-04' WHERE school_year = '2024–25'",
            [],
        )
        .expect("update");
    }
    let mut harness = support::harness(
        support::app(&path, Some(Screen::In(partnership, Page::Overview))),
        [1366.0, 1400.0],
    );
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Print…").click();
    harness.run();
    harness.get_by_label("Continuum rubric").click();
    harness.run();
    let version = harness
        .get(
            egui_kittest::kittest::by()
                .label("Version of the continuum to print blank")
                .predicate(|n| n.role() != egui::accesskit::Role::Label),
        )
        .value()
        .unwrap_or_default();
    assert_eq!(version, TOOL_2018);
    drop(harness);

    let out = dir.path().join("blank-2018.pdf");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_partnerpath"))
        .args(["print", "--blank", "--tool", "continuum"])
        .args(["--continuum-version", "2018-04", "--out"])
        .arg(&out)
        .status()
        .expect("run");
    assert!(status.success());
    let text = pdf_text(&std::fs::read(&out).expect("pdf"));
    assert!(text.contains("Strengthening Partnerships Tool"), "{text}");
    assert!(text.contains("version 2018-04"));
    assert!(text.contains("Mission and Belief"));
}

/// The wording each stored version of an adaptation holds, oldest first.
fn stored_wordings(path: &Path) -> Vec<String> {
    stored(path, "SELECT wording FROM adaptations ORDER BY number")
}

/// Clicks the text box named `name`, selects its text and types `text`.
fn retype(harness: &mut egui_kittest::Harness<'_, partnerpath::ui::App>, name: &str, text: &str) {
    let field = egui_kittest::kittest::by()
        .label(name)
        .role(egui::accesskit::Role::MultilineTextInput);
    harness.get(field.clone()).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get(field).type_text(text);
    harness.run();
}

#[test]
fn a_team_adapts_the_wording_rates_with_it_and_a_later_edit_makes_a_new_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("adapted.sqlite");
    let (partnership, mut harness) = on_cycles_page(&path);
    harness
        .get_by_label("Adapt the Working Better Together continuum, version 2017-10")
        .click();
    harness.run();
    assert!(
        matches!(harness.state().screen(), Screen::In(_, Page::Adaptation(_))),
        "the new adaptation's page is shown"
    );
    harness.get_by_label_contains("changed: none yet.");
    retype(
        &mut harness,
        "Mission & Beliefs: 3 Established",
        "Our mission statement is adopted by both boards.",
    );
    let wordings = stored_wordings(&path);
    assert_eq!(wordings.len(), 1);
    assert!(wordings[0].contains("Our mission statement is adopted by both boards."));
    harness.get_by_label_contains("changed: Mission & Beliefs.");

    // Rated with: a new cycle on the adaptation shows its words.
    harness
        .state_mut()
        .go_to(Screen::In(partnership, Page::Cycles));
    harness.run();
    tool_choice(&harness).click();
    harness.run();
    harness
        .get_by_label("Our adaptation of the continuum, version 1 (the partnership's adaptation)")
        .click();
    harness.run();
    harness.get_by_label("+ Start cycle").click();
    harness.run();
    let versions = stored_versions(&path);
    assert_eq!(
        versions,
        stored(
            &path,
            "SELECT 'adapted-' || lower(hex(version_id)) FROM adaptations WHERE number = 1"
        ),
        "rated with version 1"
    );
    harness.get_by_label_contains("Our adaptation of the continuum ·");
    harness.get_by_label("version 1");
    harness.get_by_label(
        "Adapted from Working Better Together (CCSSO, 2017, CC BY 4.0); changed: Mission & Beliefs.",
    );
    assert_eq!(
        rated_words(&harness),
        ["Our mission statement is adopted by both boards."]
    );

    // A later edit is saved as version 2; the cycle keeps version 1.
    harness
        .state_mut()
        .go_to(Screen::In(partnership, Page::Cycles));
    harness.run();
    harness
        .get_by_label("Edit wording of Our adaptation of the continuum")
        .click();
    harness.run();
    harness.get_by_label_contains("Version 1 was used to rate");
    retype(
        &mut harness,
        "Mission & Beliefs: 3 Established",
        "Both boards adopt and review the mission each year.",
    );
    let wordings = stored_wordings(&path);
    assert_eq!(wordings.len(), 2, "a new version");
    assert!(wordings[0].contains("Our mission statement is adopted by both boards."));
    assert!(wordings[1].contains("Both boards adopt and review the mission each year."));
    assert_eq!(
        stored_versions(&path),
        versions,
        "the cycle still names version 1"
    );
    harness.get_by_label_contains("No cycle has been rated with version 2 yet");
    assert_eq!(
        rated_words(&harness),
        ["Our mission statement is adopted by both boards."]
    );
}

/// Mission & Beliefs' third level in the words the newest cycle of the open
/// partnership was rated with.
fn rated_words(harness: &egui_kittest::Harness<'_, partnerpath::ui::App>) -> Vec<String> {
    let view = harness
        .state()
        .session()
        .and_then(partnerpath::session::Session::view)
        .expect("an open partnership");
    let cycle = view.cycles.last().expect("a cycle");
    let instruments = support::instruments();
    let continuum = partnerpath::model::continuum_for(&instruments, view, cycle);
    continuum
        .indicator("mission-and-beliefs")
        .expect("Mission & Beliefs")
        .level_text(Level::ALL[2])
        .to_vec()
}
