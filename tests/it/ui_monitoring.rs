//! The monitoring plan in the window: a milestone's frequency is what the
//! team writes, with the plan's frequencies offered beside it; a frequency
//! PartnerPath cannot count says so rather than calling the milestone met.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use jiff::civil::date;
use partnerpath::model::{MilestoneFields, NewMilestone};
use partnerpath::ui::{App, Page, Screen};
use partnerpath_store::Store;

use crate::support;

fn stored_frequency(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.query_row("SELECT frequency FROM milestones", [], |r| r.get(0))
        .expect("one milestone")
}

#[test]
fn a_frequency_of_the_teams_own_is_kept_and_a_suggestion_is_dated() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.sqlite");
    let id = {
        let mut store = Store::open(&path).expect("open");
        let id = support::oak_and_elm(&mut store);
        store
            .add_milestone(&NewMilestone {
                partnership_id: id,
                serves: None,
                fields: MilestoneFields::new("Mentors matched", "quarterly", date(2025, 9, 1)),
            })
            .expect("milestone");
        id
    };
    let mut harness = support::harness(
        support::app(&path, Some(Screen::In(id, Page::Monitoring))),
        [1366.0, 2000.0],
    );
    harness.run();
    harness.get_by_label_contains("Check-in overdue since December 1, 2025");

    // The team writes its own frequency: it is stored as written, and the
    // milestone says no date is worked out, not that it is met.
    let field = by()
        .label("Frequency of Mentors matched")
        .role(Role::TextInput);
    harness.get(field.clone()).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get(field).type_text("each semester");
    harness.run();
    assert_eq!(stored_frequency(&path), "each semester");
    harness.get_by_label_contains("No check-in date");
    assert!(harness.query_by_label("Met").is_none());

    // A suggestion chosen from the list is dated again.
    harness
        .get_by_label("Choose Frequency of Mentors matched from the list")
        .click();
    harness.run();
    harness.get_by_label("Monthly").click();
    harness.run();
    assert_eq!(stored_frequency(&path), "monthly");
    harness.get_by_label_contains("Check-in overdue since October 1, 2025");
}

#[test]
fn the_act_page_lists_the_monitoring_plan_after_the_decision_making_check_in() {
    use partnerpath::instrument::Phase;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("act.sqlite");
    let id = support::oak_and_elm(&mut Store::open(&path).expect("open"));
    let mut harness = support::harness(
        support::app(&path, Some(Screen::In(id, Page::Phase(Phase::Act)))),
        [1366.0, 4000.0],
    );
    harness.run();
    let check_in = harness
        .get_by_label("Start Decision-Making Check-In Tool")
        .rect()
        .top();
    let open = harness.get_by_label("Open the Monitoring Plan Template");
    assert!(open.rect().top() > check_in, "listed after the check-in");
    harness.get_by_label("No milestones yet.");
    open.click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::In(id, Page::Monitoring));
}

#[test]
fn a_goal_and_an_objective_under_it_are_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("goals.sqlite");
    let id = support::oak_and_elm(&mut Store::open(&path).expect("open"));
    let mut harness = support::harness(
        support::app(&path, Some(Screen::In(id, Page::Monitoring))),
        [1366.0, 2000.0],
    );
    harness.run();
    add_a_goal_and_an_objective(&mut harness, "  Keep the teachers we prepare ");
    assert_eq!(
        stored_goals(&path),
        [
            ("Keep the teachers we prepare".to_owned(), false),
            ("90% return for year two".to_owned(), true)
        ]
    );
}

/// Types a goal and, under it, the objective "90% return for year two",
/// adding each.
fn add_a_goal_and_an_objective(harness: &mut Harness<'_, App>, goal: &str) {
    harness.get_by_label("New goal").click();
    harness.run();
    harness.get_by_label("New goal").type_text(goal);
    harness.run();
    harness.get_by_label("+ Add goal").click();
    harness.run();
    harness.get_by_label("New objective").click();
    harness.run();
    harness
        .get_by_label("New objective")
        .type_text("90% return for year two");
    harness.run();
    harness.get_by_label("+ Add objective").click();
    harness.run();
}

/// The goals stored, oldest first, each with whether it is an objective.
fn stored_goals(path: &Path) -> Vec<(String, bool)> {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.prepare("SELECT text, goal_id IS NOT NULL FROM goals ORDER BY id")
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn an_objective_goes_under_a_goal_still_there() {
    use partnerpath::model::{GoalFields, NewGoal};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("objective.sqlite");
    let id = {
        let mut store = Store::open(&path).expect("open");
        let id = support::oak_and_elm(&mut store);
        for text in ["Keep the teachers we prepare", "Hire residents"] {
            store
                .add_goal(&NewGoal {
                    partnership_id: id,
                    goal: None,
                    fields: GoalFields { text: text.into() },
                })
                .expect("goal");
        }
        id
    };
    let mut harness = support::harness(
        support::app(&path, Some(Screen::In(id, Page::Monitoring))),
        [1366.0, 2000.0],
    );
    harness.run();
    // The second goal is chosen for the new objective, then deleted.
    harness.get_by_label("Goal of the new objective").click();
    harness.run();
    // The list's entry, not the goal's own text field of that name.
    harness
        .get(
            by().label("Goal: Hire residents")
                .predicate(|node| node.role() != Role::TextInput),
        )
        .click();
    harness.run();
    harness.get_by_label("Delete Goal: Hire residents").click();
    harness.run();
    harness.get_by_label("New objective").click();
    harness.run();
    harness
        .get_by_label("New objective")
        .type_text("90% return");
    harness.run();
    harness.get_by_label("+ Add objective").click();
    harness.run();
    let conn = rusqlite::Connection::open(&path).expect("open");
    let parent: String = conn
        .query_row(
            "SELECT g.text FROM goals o JOIN goals g ON g.id = o.goal_id WHERE o.text = '90% return'",
            [],
            |r| r.get(0),
        )
        .expect("stored under a goal that is there");
    assert_eq!(parent, "Keep the teachers we prepare");
}

/// The Goals & Objectives Template writes the partnership's one set of
/// goals and objectives: what it adds is on the Monitoring page, and what
/// the Monitoring page added is on it, typed once.
#[test]
fn the_goals_and_objectives_template_and_the_monitoring_plan_share_one_set() {
    use partnerpath::instrument::Phase;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("one-set.sqlite");
    let id = support::oak_and_elm(&mut Store::open(&path).expect("open"));
    let mut harness = support::harness(
        support::app(&path, Some(Screen::In(id, Page::Phase(Phase::Act)))),
        [1366.0, 3000.0],
    );
    harness.run();
    harness
        .get_by_label("Start Goals & Objectives Template")
        .click();
    harness.run();
    assert!(matches!(
        harness.state().screen(),
        Screen::In(_, Page::Document(_))
    ));
    harness.get_by_label("Add a goal first: each objective is toward a goal.");
    add_a_goal_and_an_objective(&mut harness, "Keep the teachers we prepare");
    // Stored once, as the partnership's goals, not as the document's fields.
    assert_eq!(
        stored_goals(&path),
        [
            ("Keep the teachers we prepare".to_owned(), false),
            ("90% return for year two".to_owned(), true)
        ]
    );
    let conn = rusqlite::Connection::open(&path).expect("open");
    let typed: i64 = conn
        .query_row(
            "SELECT count(*) FROM document_values WHERE value LIKE '%teachers we prepare%'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(typed, 0, "not typed a second time into the document");
    drop(harness);
    let mut harness = support::harness(
        support::app(&path, Some(Screen::In(id, Page::Monitoring))),
        [1366.0, 2000.0],
    );
    harness.run();
    harness.get_by_label("Goal: Keep the teachers we prepare");
    harness.get_by_label("Objective: 90% return for year two");
}

/// A Goals & Objectives Template of the tool's first version typed its goal
/// and objectives into fields of its own: they are shown under "Kept from an
/// earlier version of this tool", and two clicks move them into the
/// partnership's one set, the goal first, then its objectives under it.
#[test]
fn an_earlier_templates_goal_and_objectives_move_into_the_one_set() {
    use partnerpath::model::{DocumentFields, FieldValue, NewDocument};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("earlier.sqlite");
    let mut store = Store::open(&path).expect("open");
    let id = support::oak_and_elm(&mut store);
    let document = store
        .create_document(&NewDocument {
            partnership_id: id,
            fields: DocumentFields {
                instrument_key: "nea-goals-and-objectives".into(),
                instrument_version: "nea-2019".into(),
                title: "Goals & Objectives Template".into(),
                created_on: date(2025, 9, 1),
            },
        })
        .expect("document");
    for (field, text) in [
        ("initiative_goal", "Keep the teachers we prepare"),
        ("objective_1", "90% return for year two"),
        ("objective_3", "A mentor for every new teacher"),
    ] {
        store
            .set_document_value(
                document,
                field,
                &FieldValue::Text(text.into()),
                date(2025, 9, 1),
            )
            .expect("typed");
    }
    drop(store);
    let mut harness = support::harness(
        support::app(&path, Some(Screen::In(id, Page::Document(document)))),
        [1366.0, 3000.0],
    );
    harness.run();
    harness.get_by_label("Kept from an earlier version of this tool");
    harness.get_by_label("A mentor for every new teacher");
    harness
        .get_by_label("Add the goal “Keep the teachers we prepare” to the partnership's goals")
        .click();
    harness.run();
    assert_eq!(
        stored_goals(&path),
        [("Keep the teachers we prepare".to_owned(), false)]
    );
    harness
        .get_by_label("Add 2 objectives under “Keep the teachers we prepare”")
        .click();
    harness.run();
    assert_eq!(
        stored_goals(&path),
        [
            ("Keep the teachers we prepare".to_owned(), false),
            ("90% return for year two".to_owned(), true),
            ("A mentor for every new teacher".to_owned(), true),
        ]
    );
    harness.get_by_label("The goal and objectives above are among the partnership's goals.");
}
