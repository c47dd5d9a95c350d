//! Agreements and meetings on a real file: every kind of document value,
//! action steps carried from meeting to meeting, the monitoring plan and its
//! check-in dates, and the Contract Supplement's filled text.

use std::collections::BTreeMap;

use jiff::civil::{Date, date};
use partnerpath::instrument::{CONTRACT_SUPPLEMENT, Instruments, QUARTERLY_MEETING};
use partnerpath::model::{
    ActionSource, ActionStatus, ActionStepFields, CheckInFields, CheckInStatus, DocumentFields,
    DocumentId, FieldValue, GoalFields, MilestoneFields, NewActionStep, NewCheckIn, NewDocument,
    NewGoal, NewMilestone, PartnershipId, PersonId, carried_forward, next_check_in,
};
use partnerpath_store::Store;

use crate::support;

fn document(store: &mut Store, id: PartnershipId, key: &str, on: Date) -> DocumentId {
    let sheet = Instruments::builtin()
        .expect("instruments")
        .worksheet(key)
        .expect("worksheet");
    store
        .create_document(&NewDocument {
            partnership_id: id,
            fields: DocumentFields {
                instrument_key: sheet.key.clone(),
                instrument_version: sheet.version.clone(),
                title: format!("{key} {on}"),
                created_on: on,
            },
        })
        .expect("document")
}

#[test]
fn every_kind_of_document_value_round_trips() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("docs.sqlite");
    let mut store = Store::open(&path).expect("open");
    let id = support::oak_and_elm(&mut store);
    let doc = document(&mut store, id, CONTRACT_SUPPLEMENT, date(2025, 7, 1));
    let mut row = BTreeMap::new();
    row.insert("name".to_owned(), FieldValue::Text("Ana".into()));
    row.insert(
        "organisation".to_owned(),
        FieldValue::Choice(Some("District".into())),
    );
    let values = [
        ("district_name", FieldValue::Text("Oak SD #1 * $ @".into())),
        (
            "district_signed_on",
            FieldValue::Date(Some(date(2025, 8, 1))),
        ),
        (
            "practice_1",
            FieldValue::YesNoDate {
                confirmed: true,
                on: Some(date(2025, 7, 15)),
            },
        ),
        ("liaisons", FieldValue::Rows(vec![row])),
        ("someone", FieldValue::Person(Some(PersonId(3)))),
    ];
    for (key, value) in &values {
        store
            .set_document_value(doc, key, value, date(2025, 8, 2))
            .expect("set");
    }
    store
        .set_document_value(
            doc,
            "district_name",
            &FieldValue::Text("Oak School District".into()),
            date(2025, 8, 4),
        )
        .expect("overwrite");
    store
        .rename_document(doc, "Signed supplement", date(2025, 8, 3))
        .expect("rename");
    drop(store);

    let store = Store::open(&path).expect("reopen");
    let view = store.load_partnership(id).expect("load");
    let stored = view.document(doc).expect("document");
    assert_eq!(stored.title, "Signed supplement");
    assert_eq!(
        stored.changed_on,
        date(2025, 8, 3),
        "the day of the last edit is kept"
    );
    assert_eq!(stored.instrument_key, CONTRACT_SUPPLEMENT);
    assert_eq!(stored.values.len(), values.len());
    assert_eq!(
        stored.value("district_name"),
        Some(&FieldValue::Text("Oak School District".into()))
    );
    for (key, value) in values.iter().skip(1) {
        assert_eq!(stored.value(key), Some(value), "{key}");
    }
}

#[test]
fn the_contract_supplement_names_fill_its_text() {
    let instruments = Instruments::builtin().expect("instruments");
    let sheet = instruments
        .worksheet(CONTRACT_SUPPLEMENT)
        .expect("supplement");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("cs.sqlite")).expect("open");
    let id = support::oak_and_elm(&mut store);
    let doc = document(&mut store, id, CONTRACT_SUPPLEMENT, date(2025, 7, 1));
    let text: Vec<&String> = sheet.sections.iter().flat_map(|s| &s.text).collect();
    assert!(
        text.iter()
            .any(|t| t.contains("[District Name]") && t.contains("[Partner Name]"))
    );

    // From the partnership's details when the names are not typed.
    let view = store.load_partnership(id).expect("load");
    let filled: Vec<String> = text
        .iter()
        .map(|t| {
            view.document(doc)
                .expect("doc")
                .fill(t, sheet, &view.partnership)
        })
        .collect();
    assert!(
        filled
            .iter()
            .all(|t| !t.contains("[District Name]") && !t.contains("[Partner Name]"))
    );
    assert!(
        filled
            .iter()
            .any(|t| t.starts_with("Both Oak School District and Elm University agree"))
    );

    // Typed names win.
    store
        .set_document_value(
            doc,
            "district_name",
            &FieldValue::Text("Oak Unified".into()),
            date(2025, 8, 1),
        )
        .expect("name");
    store
        .set_document_value(
            doc,
            "partner_name",
            &FieldValue::Text("Elm College".into()),
            date(2025, 8, 1),
        )
        .expect("name");
    let view = store.load_partnership(id).expect("load");
    let first = view
        .document(doc)
        .expect("doc")
        .fill(text[0], sheet, &view.partnership);
    assert!(
        first.starts_with("Both Oak Unified and Elm College agree"),
        "{first}"
    );
    assert!(!first.contains('['));
}

#[test]
fn an_open_step_is_carried_forward_until_closed_and_kept_after() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("meetings.sqlite");
    let mut store = Store::open(&path).expect("open");
    let id = support::oak_and_elm(&mut store);
    let dates = [date(2025, 9, 18), date(2025, 12, 11), date(2026, 3, 12)];
    let meetings: Vec<DocumentId> = dates
        .iter()
        .map(|d| document(&mut store, id, QUARTERLY_MEETING, *d))
        .collect();
    let step = store
        .add_action_step(&NewActionStep {
            partnership_id: id,
            source: ActionSource::Meeting(meetings[0]),
            fields: ActionStepFields {
                closed_on: None,
                status: ActionStatus::Open,
                text: "Draft the data-sharing agreement".into(),
                owner: "Ana".into(),
                due_on: Some(date(2025, 10, 31)),
                raised_on: dates[0],
            },
        })
        .expect("step");
    let view = store.load_partnership(id).expect("load");
    assert_eq!(
        carried_forward(&view.action_steps, meetings[1], dates[1]).len(),
        1
    );
    assert_eq!(
        carried_forward(&view.action_steps, meetings[2], dates[2]).len(),
        1
    );

    // Closed at the second meeting.
    let open = view
        .action_steps
        .iter()
        .find(|s| s.id == step)
        .expect("step");
    store
        .update_action_step(&open.with_status(ActionStatus::Done, dates[1]))
        .expect("close");
    drop(store);
    let store = Store::open(&path).expect("reopen");
    let view = store.load_partnership(id).expect("load");
    let carried_to_second = carried_forward(&view.action_steps, meetings[1], dates[1]);
    assert_eq!(carried_to_second.len(), 1, "shown where it was closed");
    assert!(carried_forward(&view.action_steps, meetings[2], dates[2]).is_empty());
    let kept = view
        .action_steps
        .iter()
        .find(|s| s.id == step)
        .expect("kept in the record");
    assert_eq!(kept.status, ActionStatus::Done);
    assert_eq!(kept.closed_on, Some(dates[1]));
}

#[test]
fn the_monitoring_plan_round_trips_and_dates_the_next_check_in_for_every_frequency() {
    let plan = Instruments::builtin().expect("instruments").monitoring;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.sqlite");
    let mut store = Store::open(&path).expect("open");
    let id = support::oak_and_elm(&mut store);
    let new_goal = |goal, text: &str| NewGoal {
        partnership_id: id,
        goal,
        fields: GoalFields { text: text.into() },
    };
    let goal = store
        .add_goal(&new_goal(None, "Keep the teachers we prepare"))
        .expect("goal");
    let objective = store
        .add_goal(&new_goal(Some(goal), "90% return for year two"))
        .expect("objective");
    let start = date(2025, 1, 31);
    let expected = [
        ("weekly", date(2025, 2, 7)),
        ("monthly", date(2025, 2, 28)),
        ("quarterly", date(2025, 4, 30)),
        ("twice-a-year", date(2025, 7, 31)),
        ("yearly", date(2026, 1, 31)),
    ];
    let offered: Vec<&str> = plan.frequencies.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(
        offered,
        expected.map(|(k, _)| k),
        "every frequency the screen offers"
    );
    for (frequency, _) in expected {
        store
            .add_milestone(&NewMilestone {
                partnership_id: id,
                serves: Some(objective),
                fields: MilestoneFields {
                    feedback_data: "data".into(),
                    source: "HR".into(),
                    ..MilestoneFields::new(format!("checked {frequency}"), frequency, start)
                },
            })
            .expect("milestone");
    }
    drop(store);
    let mut store = Store::open(&path).expect("reopen");
    let view = store.load_partnership(id).expect("load");
    assert_eq!(view.goals.len(), 2);
    assert_eq!(view.milestones.len(), 5);
    for (milestone, (key, due)) in view.milestones.iter().zip(expected) {
        assert_eq!(milestone.frequency, key);
        assert_eq!(milestone.serves, Some(objective));
        let frequency = plan.frequency(key).expect("frequency");
        assert_eq!(
            next_check_in(milestone, frequency, &view.check_ins),
            Some(due),
            "{key}"
        );
    }
    // A check-in moves the next one on; a met milestone needs no more.
    let quarterly = view.milestones[2].clone();
    store
        .add_check_in(&NewCheckIn {
            milestone_id: quarterly.id,
            fields: CheckInFields {
                on: date(2025, 5, 2),
                status: CheckInStatus::Progressing,
                note: "Six of ten".into(),
            },
        })
        .expect("check-in");
    let view = store.load_partnership(id).expect("load");
    let frequency = plan.frequency("quarterly").expect("quarterly");
    assert_eq!(
        next_check_in(&quarterly, frequency, &view.check_ins),
        Some(date(2025, 8, 2))
    );
    assert_eq!(view.check_ins[0].note, "Six of ten");
    store
        .add_check_in(&NewCheckIn {
            milestone_id: quarterly.id,
            fields: CheckInFields {
                on: date(2025, 8, 1),
                status: CheckInStatus::Met,
                note: String::new(),
            },
        })
        .expect("met");
    let view = store.load_partnership(id).expect("load");
    assert_eq!(next_check_in(&quarterly, frequency, &view.check_ins), None);
    store
        .apply(&partnerpath::model::Command::DeleteGoal(goal))
        .expect("delete goal and its objective");
    let view = store.load_partnership(id).expect("load");
    assert!(view.goals.is_empty());
    assert_eq!(view.milestones[0].serves, None, "the milestone stays");
}
