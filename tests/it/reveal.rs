//! Rate first, reveal together: a cycle hidden until revealed shows only
//! how many have rated, in the grid, in Present and on paper, until the
//! facilitator chooses Reveal; a file of version 9 is upgraded with its
//! cycles shown as before.

use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use partnerpath::model::{
    Command, CycleId, Level, NewPerson, Outcome, PartnershipId, PartnershipView, Rater, RatingKey,
    Side,
};
use partnerpath::ui::{Page, Screen};
use partnerpath_store::Store;

use crate::support;
use crate::ui_versions::pdf_text;

/// Oak with three people who each rated Decision Making on their own
/// (Emerging, Established, Transformational) in a cycle hidden until
/// revealed.
fn hidden_cycle(store: &mut Store) -> (PartnershipId, CycleId) {
    let id = support::oak_and_elm(store);
    let cycle = support::draft_cycle(store, id, "2025–26");
    store
        .apply(&Command::SetCycleHidden(cycle, true))
        .expect("hidden");
    for (name, side, level) in [
        ("Ana Ruiz", Side::District, 1),
        ("Bo Chen", Side::Partner, 3),
        ("Cy Diaz", Side::School, 4),
    ] {
        let Ok(Outcome::PersonAdded(person)) = store.apply(&Command::AddPerson(
            id,
            NewPerson {
                name: name.into(),
                side,
                role: String::new(),
            },
        )) else {
            panic!("a person");
        };
        store
            .apply(&Command::SetLevel(
                RatingKey {
                    cycle_id: cycle,
                    indicator_key: "decision-making".into(),
                    rater: Rater::Person(person),
                },
                Level::new(level),
            ))
            .expect("a rating");
    }
    (id, cycle)
}

fn printed(view: &PartnershipView, cycle: CycleId) -> String {
    use partnerpath::print::{Filled, Paper, PrintRequest, What, printout, render};
    let request = PrintRequest {
        what: What::Filled(Filled::Continuum {
            cycle,
            with_raters: true,
        }),
        paper: Paper::Letter,
    };
    let printout = printout(
        &request,
        Some(view),
        support::instruments(),
        jiff::civil::date(2026, 11, 23),
    )
    .expect("printout");
    pdf_text(&render(&printout).expect("render"))
}

/// What a level cell says on hover (its accessible description): who
/// chose it on their own, if anyone is shown.
fn chosen_by(
    harness: &egui_kittest::Harness<'_, partnerpath::ui::App>,
    cell: &str,
) -> Option<String> {
    harness.get_by_label(cell).accesskit_node().description()
}

#[test]
fn a_hidden_cycle_shows_who_has_rated_and_no_levels_until_reveal_on_screen_and_on_paper() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hidden.sqlite");
    let (id, cycle) = {
        let mut store = Store::open(&path).expect("open");
        hidden_cycle(&mut store)
    };

    // On paper: how many, and no one's initials.
    let view = Store::open(&path)
        .expect("open")
        .load_partnership(id)
        .expect("load");
    let paper = printed(&view, cycle);
    assert!(paper.contains("3 of 3 have rated"), "{paper}");
    assert!(paper.contains("not printed until the team reveals them"));
    for initials in ["AR", "BC", "CD"] {
        assert!(!paper.contains(initials), "{initials} printed");
    }
    assert!(!paper.contains("Initials in a cell show who chose"));

    // On screen: how many; no one's level, no "Discuss".
    let app = support::app(&path, Some(Screen::In(id, Page::Continuum(cycle))));
    let mut harness = support::harness(app, [1366.0, 900.0]);
    harness.run();
    harness.get_by_label("3 of 3 have rated");
    harness.get_by_label_contains("Hidden is not secret");
    assert!(
        harness.query_by_label_contains("Discuss:").is_none(),
        "no flag of the spread before Reveal"
    );
    assert_eq!(
        chosen_by(&harness, "Decision Making: Established"),
        None,
        "no one named on a level"
    );
    // Compare sides shows no one's level either.
    harness.get_by_label("Compare sides").click();
    harness.run();
    harness.get_by_label_contains("Each person's levels are hidden until the team reveals them");
    harness.get_by_label("Continuum grid").click();
    harness.run();

    // In Present: how many, not who.
    harness.key_press(Key::F5);
    harness.run();
    for _ in 0..5 {
        harness.key_press(Key::ArrowRight);
        harness.run();
    }
    harness.get_by_label_contains("3 of 3 have rated");
    harness.key_press(Key::Escape);
    harness.run();

    // Reveal: the spread and who chose what.
    harness.get_by_label("Reveal").click();
    harness.run();
    assert!(harness.query_by_label("3 of 3 have rated").is_none());
    harness.get_by_label("Discuss: ratings 3 levels apart");
    assert_eq!(
        chosen_by(&harness, "Decision Making: Established").as_deref(),
        Some("Chosen on their own by: Bo Chen (Partner)")
    );
    drop(harness);

    let view = Store::open(&path)
        .expect("open")
        .load_partnership(id)
        .expect("load");
    assert!(!view.levels_hidden(cycle), "revealed, in the file");
    let paper = printed(&view, cycle);
    assert!(!paper.contains("3 of 3 have rated"));
    assert!(
        paper.contains("Initials in a cell show who chose"),
        "{paper}"
    );
}

#[test]
fn a_hidden_cycle_travels_in_an_exchange_file_of_version_5_and_its_change_is_in_the_history() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hidden.sqlite");
    let mut store = Store::open(&path).expect("open");
    let (id, cycle) = hidden_cycle(&mut store);
    let file = store
        .export(id, &partnerpath_store::ExportScope::Whole, "test")
        .expect("export");
    assert_eq!(file.version, partnerpath::model::exchange::VERSION);
    assert!(file.cycles.iter().any(|c| c.fields.hidden));
    let history = store.history(id, 100).expect("history");
    assert!(
        history
            .iter()
            .any(|h| h.record == "cycles" && h.new.get("hidden").is_some()),
        "the history records the cycle's new column"
    );
    let _ = cycle;
}

#[test]
fn a_file_of_the_previous_schema_is_upgraded_with_its_cycles_shown_and_their_history_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v9.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        partnerpath_store::set_up_version(&mut conn, 9).expect("version 9");
        conn.execute_batch(
            "INSERT INTO partnerships (name, partner_kind) VALUES ('Old one', 'other');
             INSERT INTO cycles (partnership_id, instrument_key, instrument_version, school_year, administered_on, status)
             VALUES (1, 'wbt-continuum', '2017-10', '2024–25', '2024-10-01', 'final');",
        )
        .expect("insert");
    }
    let mut store = Store::open(&path).expect("upgrade");
    assert_eq!(
        store.schema_version().expect("version"),
        partnerpath_store::LATEST_VERSION
    );
    let view = store.load_partnership(PartnershipId(1)).expect("load");
    let cycle = view.cycles.first().expect("the cycle").id;
    assert!(
        !view.levels_hidden(cycle),
        "an older cycle is shown as before"
    );
    assert_eq!(view.cycles[0].school_year, "2024–25");
    // Hiding it is recorded in the history, with the new column.
    store
        .apply(&Command::SetCycleHidden(cycle, true))
        .expect("hide");
    let history = store.history(PartnershipId(1), 10).expect("history");
    let change = history
        .iter()
        .find(|h| h.record == "cycles")
        .expect("the cycle's change");
    assert_eq!(
        change.new.get("hidden").and_then(serde_json::Value::as_i64),
        Some(1)
    );
    assert_eq!(
        change.old.get("hidden").and_then(serde_json::Value::as_i64),
        Some(0)
    );
}

/// A rater's copy made while the cycle was hidden comes back after the
/// facilitator revealed it: the ratings arrive, and the cycle stays
/// revealed unless someone chooses the file's version of it.
#[test]
fn a_copy_for_rating_apart_returned_after_reveal_leaves_the_cycle_revealed() {
    use partnerpath::session::{ExportScope, Session};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("facilitator.sqlite");
    let (id, cycle) = {
        let mut store = Store::open(&path).expect("open");
        hidden_cycle(&mut store)
    };
    let mut facilitator = Session::open(&path).expect("open");
    let view = facilitator.open_partnership(id).expect("load").clone();
    let cy = view
        .people
        .iter()
        .find(|p| p.name == "Cy Diaz")
        .expect("Cy")
        .id;
    let copy = facilitator
        .export(
            id,
            &ExportScope::Raters {
                cycle,
                people: vec![cy],
            },
        )
        .expect("a copy for Cy");

    // On Cy's laptop the cycle is hidden too, and Cy rates one more.
    let mut laptop = Session::open(&dir.path().join("cy.sqlite")).expect("Cy's file");
    let (file, plan) = laptop
        .plan_import(&copy, support::instruments())
        .expect("plan");
    let there = laptop.import(&file, &plan).expect("import");
    let view = laptop.open_partnership(there).expect("open").clone();
    let cycle_there = view.cycles[0].id;
    assert!(view.levels_hidden(cycle_there), "hidden on Cy's laptop too");
    laptop
        .apply(&Command::SetLevel(
            RatingKey {
                cycle_id: cycle_there,
                indicator_key: "shared-goals".into(),
                rater: Rater::Person(view.people[0].id),
            },
            Level::new(2),
        ))
        .expect("Cy rates");
    let back = laptop
        .export(there, &ExportScope::Whole)
        .expect("Cy sends it back");

    // Meanwhile the facilitator revealed; the copy comes back.
    facilitator
        .apply(&Command::SetCycleHidden(cycle, false))
        .expect("reveal");
    let (file, plan) = facilitator
        .plan_import(&back, support::instruments())
        .expect("plan");
    facilitator.import(&file, &plan).expect("import");
    let view = facilitator.view().expect("open");
    assert!(!view.levels_hidden(cycle), "still revealed");
    assert_eq!(
        view.level(cycle, Rater::Person(cy), "shared-goals"),
        Level::new(2),
        "Cy's rating arrived"
    );
}
