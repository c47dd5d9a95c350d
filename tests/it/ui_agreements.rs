//! The Contract Supplement and a quarterly meeting in the window: names and
//! a confirmed practice are stored, and an action step added in a meeting's
//! wrap-up shows in the partnership's action list.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use partnerpath::model::FieldValue;
use partnerpath::ui::{App, Page, Screen};
use partnerpath_store::Store;

use crate::support;

fn harness(path: &Path) -> Harness<'static, App> {
    let id = support::oak_and_elm(&mut Store::open(path).expect("open"));
    support::harness(
        support::app(path, Some(Screen::In(id, Page::Agreements))),
        [1366.0, 4000.0],
    )
}

fn stored_value(path: &Path, field: &str) -> Option<FieldValue> {
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

#[test]
fn fill_the_contract_supplement_names_and_confirm_a_practice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cs.sqlite");
    let mut harness = harness(&path);
    harness
        .get_by_label("+ Start a Contract Supplement")
        .click();
    harness.run();
    assert!(matches!(
        harness.state().screen(),
        Screen::In(_, Page::Document(_))
    ));
    // The names default from the partnership and fill the agreement's text.
    harness.get_by_label_contains("Both Oak School District and Elm University agree");

    // The field, not the label beside it.
    let field = by().label("Partner name").role(Role::TextInput);
    harness.get(field.clone()).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get(field).type_text("Elm College of Education");
    harness.run();
    assert_eq!(
        stored_value(&path, "partner_name"),
        Some(FieldValue::Text("Elm College of Education".into()))
    );
    harness.get_by_label_contains("Both Oak School District and Elm College of Education agree");

    harness
        .get_by_label_contains("Confirmed: 1. Both parties have determined")
        .click();
    harness.run();
    match stored_value(&path, "practice_1") {
        Some(FieldValue::YesNoDate {
            confirmed: true,
            on: Some(_),
        }) => {}
        other => panic!("practice 1 not confirmed with a date: {other:?}"),
    }
}

#[test]
fn an_action_step_added_in_the_wrap_up_is_in_the_action_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("meeting.sqlite");
    let mut harness = harness(&path);
    harness.get_by_label("+ New quarterly meeting").click();
    harness.run();
    assert!(matches!(
        harness.state().screen(),
        Screen::In(_, Page::Document(_))
    ));
    harness.get_by_label_contains("Nobody is listed from the district, the partner or the school.");

    harness.get_by_label("New action step").click();
    harness.run();
    harness
        .get_by_label("New action step")
        .type_text("Share retention data with principals");
    harness.run();
    harness.get_by_label("Owner of the new action step").click();
    harness.run();
    harness
        .get_by_label("Owner of the new action step")
        .type_text("Daniel");
    harness.run();
    harness.get_by_label("+ Add action step").click();
    harness.run();

    let conn = rusqlite::Connection::open(&path).expect("open");
    let (text, owner, status): (String, String, String) = conn
        .query_row("SELECT text, owner, status FROM action_steps", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .expect("the step is stored");
    assert_eq!(
        (text.as_str(), owner.as_str(), status.as_str()),
        ("Share retention data with principals", "Daniel", "open")
    );

    harness.get_by_label("Agreements & meetings").click();
    harness.run();
    harness.get_by_label("Open the action list").click();
    harness.run();
    assert!(matches!(
        harness.state().screen(),
        Screen::In(_, Page::Actions)
    ));
    harness.get_by_label("Share retention data with principals");
    harness.get_by_label_contains("Meeting: Quarterly meeting");
    harness
        .get_by_label("Mark done: Share retention data with principals")
        .click();
    harness.run();
    harness.get_by_label("Nothing is open.");
    let status: String = conn
        .query_row("SELECT status FROM action_steps", [], |r| r.get(0))
        .expect("still in the record");
    assert_eq!(status, "done");
}
