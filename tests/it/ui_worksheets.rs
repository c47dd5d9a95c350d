//! The guidebook's worksheets in the window: a partnership's side panel
//! leads to Prepare, Act and Reflect; a worksheet started there fills as
//! its file says (a checklist's tick, a scale's point, a lead chosen from
//! the partnership's people) and every edit is stored; the phase page then
//! says it is in progress.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use partnerpath::model::{FieldValue, NewPerson, PartnershipId, Side};
use partnerpath::ui::{App, Page, Screen};
use partnerpath_store::Store;

use crate::support;

fn harness(path: &Path) -> (PartnershipId, Harness<'static, App>) {
    let mut store = Store::open(path).expect("open");
    let id = support::oak_and_elm(&mut store);
    store
        .add_person(
            id,
            &NewPerson {
                name: "Rosa Diaz".into(),
                side: Side::Partner,
                role: "Association president".into(),
            },
        )
        .expect("person");
    drop(store);
    let harness = support::harness(
        support::app(path, Some(Screen::In(id, Page::Overview))),
        [1366.0, 3000.0],
    );
    (id, harness)
}

/// The one stored value of `field` (of the only document).
fn stored(path: &Path, field: &str) -> Option<FieldValue> {
    let conn = rusqlite::Connection::open(path).expect("open");
    let json: String = conn
        .query_row(
            "SELECT value FROM document_values WHERE field_key = ?1",
            [field],
            |r| r.get(0),
        )
        .ok()?;
    serde_json::from_str(&json).ok()
}

fn cell<'r>(
    rows: &'r [std::collections::BTreeMap<String, FieldValue>],
    row: usize,
    column: &str,
) -> Option<&'r FieldValue> {
    rows.get(row).and_then(|r| r.get(column))
}

#[test]
fn a_checklist_started_from_prepare_stores_its_ticks_and_shows_in_progress() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("prepare.sqlite");
    let (_, mut harness) = harness(&path);
    harness.get_by_label("Prepare").click();
    harness.run();
    assert!(matches!(
        harness.state().screen(),
        Screen::In(_, Page::Phase(_))
    ));
    harness.get_by_label("NEA's Opportunity Checklist");
    assert!(
        !harness
            .query_all_by_label("Not started.")
            .collect::<Vec<_>>()
            .is_empty()
    );
    harness
        .get_by_label("Start NEA's Opportunity Checklist")
        .click();
    harness.run();
    assert!(matches!(
        harness.state().screen(),
        Screen::In(_, Page::Document(_))
    ));
    // The preset items are there; tick the second.
    harness
        .get_by_label("Needs to improve 2 of Community")
        .click();
    harness.run();
    let Some(FieldValue::Rows(rows)) = stored(&path, "community_items") else {
        panic!("the ticked table is stored");
    };
    assert_eq!(
        cell(&rows, 1, "needs_to_improve"),
        Some(&FieldValue::Check(true))
    );
    assert_eq!(
        cell(&rows, 0, "needs_to_improve"),
        None,
        "the first is not ticked"
    );
    assert_eq!(
        cell(&rows, 1, "item").map(FieldValue::text),
        Some("Active community involvement"),
        "the preset items are stored with the tick"
    );
    harness.get_by_label("Prepare").click();
    harness.run();
    harness.get_by_label_contains("In progress, last changed on");
}

#[test]
fn a_reflection_rates_on_its_scale_and_a_plan_offers_the_partnerships_people() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("reflect.sqlite");
    let (_, mut harness) = harness(&path);
    harness.get_by_label("Reflect").click();
    harness.run();
    harness
        .get_by_label("Start Strengthening Partnerships Reflection Exercise")
        .click();
    harness.run();
    harness
        .get_by_label("Rating 1 of Key Components to a Strong Education Partnership: Needs work")
        .click();
    harness.run();
    let Some(FieldValue::Rows(rows)) = stored(&path, "components") else {
        panic!("the rating is stored");
    };
    assert_eq!(
        cell(&rows, 0, "rating"),
        Some(&FieldValue::Choice(Some("Needs work".into())))
    );

    harness.get_by_label("Act").click();
    harness.run();
    harness.get_by_label("Start Project Plan Template").click();
    harness.run();
    harness.get_by_label("Add a row to Tasks").click();
    harness.run();
    harness
        .get_by_label("Choose Lead 1 of Tasks from the list")
        .click();
    harness.run();
    harness.get_by_label("Rosa Diaz").click();
    harness.run();
    let Some(FieldValue::Rows(rows)) = stored(&path, "tasks") else {
        panic!("the task is stored");
    };
    assert_eq!(
        cell(&rows, 0, "lead").map(FieldValue::text),
        Some("Rosa Diaz")
    );
    // Free text is still allowed.
    harness.get_by_label("Lead 1 of Tasks").click();
    harness.run();
    harness
        .get_by_label("Lead 1 of Tasks")
        .type_text(" and Ana");
    harness.run();
    let Some(FieldValue::Rows(rows)) = stored(&path, "tasks") else {
        panic!("the task is stored");
    };
    assert_eq!(
        cell(&rows, 0, "lead").map(FieldValue::text),
        Some("Rosa Diaz and Ana")
    );
}

#[test]
fn an_odst_tool_shows_the_standards_and_each_questions_alignment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("odst.sqlite");
    let (_, mut harness) = harness(&path);
    harness.get_by_label("Agreements & meetings").click();
    harness.run();
    harness.get_by_label("+ New quarterly meeting").click();
    harness.run();
    // Appendix A beside the questions: each question's theme, as the
    // appendix names it.
    assert_eq!(
        harness
            .query_all_by_label("Theme: Alignment of Strategic Priority and Objectives")
            .count(),
        2,
        "questions 1 and 2"
    );
    assert_eq!(
        harness
            .query_all_by_label("Theme: Ongoing Communication and Collaboration")
            .count(),
        3,
        "questions 6, 7 and 8"
    );
    harness
        .get_by_label("About the Sample Agenda for Quarterly Meeting")
        .click();
    harness.run();
    harness
        .get_by_label("Standards for Effective Partnerships")
        .click();
    harness.run();
    harness.get_by_label("Organizing Theme: Clear Metrics Established");
    harness.get_by_label("Metrics are created such that they are measurable at least quarterly.");
}

/// The guidebook's tools PartnerPath does not build are listed where the
/// guidebook lists them, with their page, so that a team uses the paper.
#[test]
fn the_tools_not_built_are_listed_in_their_place_with_their_page() {
    use partnerpath::instrument::Phase;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("listed.sqlite");
    let id = support::oak_and_elm(&mut Store::open(&path).expect("open"));
    let screen = |phase| {
        support::harness(
            support::app(&path, Some(Screen::In(id, Page::Phase(phase)))),
            [1366.0, 6000.0],
        )
    };
    let mut harness = screen(Phase::Prepare);
    harness.run();
    let top = |harness: &Harness<'_, App>, label: &str| harness.get_by_label(label).rect().top();
    let invitation = top(&harness, "Start Extending the Invitation");
    let brainstorm = top(&harness, "Potential Partner Brainstorm Template, page 44");
    let continuum = top(&harness, "Start Relationship Continuum Self-Assessment");
    assert!(
        invitation < brainstorm && brainstorm < continuum,
        "between the invitation and the relationship continuum, as in the guidebook"
    );
    harness.get_by_label("OPSCAN Survey, page 60");
    assert_eq!(
        harness
            .query_all_by_label_contains("PartnerPath does not have this tool")
            .count(),
        2
    );
    drop(harness);
    let mut harness = screen(Phase::Act);
    harness.run();
    let tracking = top(&harness, "Start Support Tracking");
    let resources = top(&harness, "Support Resources, page 110");
    assert!(tracking < resources, "after Support Tracking");
}
