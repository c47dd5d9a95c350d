//! Undo and redo: the window's Ctrl+Z and Edit menu, driven by their
//! labels, then the file read back; and what a delete removed for good,
//! put back record for record (ids and uids) and removed again.

use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use partnerpath::model::exchange::Exchange;
use partnerpath::model::{
    CheckInFields, CheckInStatus, Command, GoalFields, Level, MilestoneFields, NewCheckIn, NewGoal,
    NewMilestone, NewPerson, Outcome, PartnershipId, Rater, RatingKey, Side,
};
use partnerpath::session::ExportScope;
use partnerpath::ui::{App, Page, Screen};
use partnerpath_store::Store;

use crate::support;

/// The team's level and evidence of an indicator, read from the file.
fn stored(path: &Path, indicator: &str) -> Option<(Option<u8>, String)> {
    support::team_rating(path, indicator)
}

/// A window on a partnership with a draft cycle, showing its grid.
fn on_the_grid(path: &Path) -> (Harness<'static, App>, PartnershipId) {
    let (id, cycle) = {
        let mut store = Store::open(path).expect("open");
        let id = support::oak_and_elm(&mut store);
        (id, support::draft_cycle(&mut store, id, "2025–26"))
    };
    let mut harness = support::harness(
        support::app(path, Some(Screen::In(id, Page::Continuum(cycle)))),
        [1366.0, 1400.0],
    );
    harness.run();
    (harness, id)
}

fn press(harness: &mut Harness<'static, App>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
    harness.run();
}

#[test]
fn ctrl_z_takes_a_level_back_on_its_own_page_and_redo_sets_it_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("undo.sqlite");
    let (mut harness, id) = on_the_grid(&path);
    let grid = harness.state().screen();

    harness.get_by_label("Shared Goals: Developing").click();
    harness.run();
    harness.get_by_label("Shared Goals: Established").click();
    harness.run();
    assert_eq!(
        stored(&path, "shared-goals"),
        Some((Some(3), String::new()))
    );

    // The Edit menu names the change and counts the steps.
    harness.get_by_label("Edit").click();
    harness.run();
    harness
        .get_by_label("Undo “Set Shared Goals to Established”")
        .click();
    harness.run();
    assert_eq!(stored(&path, "shared-goals").map(|r| r.0), Some(Some(2)));

    // From another page, Ctrl+Z goes back to the grid and takes the first
    // click back too.
    press(&mut harness, Modifiers::ALT, Key::ArrowLeft);
    assert_eq!(harness.state().screen(), Screen::In(id, Page::Overview));
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().screen(), grid, "back where it was made");
    assert_eq!(stored(&path, "shared-goals").map(|r| r.0), Some(None));
    harness.get_by_label_contains("0 of 13 indicators rated");

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("nothing to undo, 2 changes to redo");
    harness.get_by_label("Redo “Set Shared Goals to Developing”");
    harness.key_press(Key::Escape);
    harness.run();

    // Ctrl+Shift+Z, then Ctrl+Y (as on Windows), make both again.
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(stored(&path, "shared-goals").map(|r| r.0), Some(Some(2)));
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(stored(&path, "shared-goals").map(|r| r.0), Some(Some(3)));
    harness.get_by_label_contains("1 of 13 indicators rated");

    // A new change leaves nothing to redo.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    harness.get_by_label("Shared Goals: Emerging").click();
    harness.run();
    let history = harness.state().session().expect("open").undo_history();
    assert_eq!((history.undo_len(), history.redo_len()), (2, 0));
}

#[test]
fn typing_keeps_the_fields_own_undo_and_is_one_step_once_the_field_is_left() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("typing.sqlite");
    let (mut harness, _) = on_the_grid(&path);
    harness.get_by_label("Shared Goals: Established").click();
    harness.run();
    let field = "Supporting evidence for Shared Goals";
    harness.get_by_label(field).click();
    harness.run();
    harness
        .get_by_label(field)
        .type_text("Minutes of the March board meeting");
    harness.run();
    assert_eq!(
        stored(&path, "shared-goals"),
        Some((Some(3), "Minutes of the March board meeting".to_owned()))
    );
    let history = harness.state().session().expect("open").undo_history();
    assert_eq!(
        history.undo_len(),
        2,
        "the level, and the typing as one step"
    );

    // In the field, Ctrl+Z is the field's: the level stays.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(stored(&path, "shared-goals").map(|r| r.0), Some(Some(3)));

    // Out of it, the program's: first all the typing, then the level.
    harness.key_press(Key::Escape);
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        stored(&path, "shared-goals"),
        Some((Some(3), String::new()))
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(stored(&path, "shared-goals"), Some((None, String::new())));
}

/// The partnership as an exchange file, which names every record by its
/// uid (the moment of export left aside).
fn exported(store: &Store, id: PartnershipId) -> Exchange {
    let mut x = store
        .export(id, &ExportScope::Whole, "test")
        .expect("export");
    x.exported_at = jiff::Timestamp::UNIX_EPOCH;
    x
}

#[test]
fn what_a_delete_removed_comes_back_with_its_ids_and_goes_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("removed.sqlite")).expect("open");
    deleted_and_put_back(&mut store);
}

/// The same on a PostgreSQL server, as a district's assessor (under its
/// row-level security).
#[test]
fn what_a_delete_removed_comes_back_on_the_server_too() {
    let database = support::TestDatabase::set_up();
    partnerpath_store::add_server_user(
        &database.address(),
        "oak_assessor",
        partnerpath::model::Role::Assessor,
        "Oak School District",
        Some("oak"),
    )
    .expect("assessor");
    let address = partnerpath_store::ServerAddress::parse(&database.url_as("oak_assessor"))
        .expect("address")
        .with_password("oak");
    let mut store = Store::connect(&address).expect("connect");
    deleted_and_put_back(&mut store);
}

fn deleted_and_put_back(store: &mut Store) {
    let id = support::oak_and_elm(store);
    let cycle = support::draft_cycle(store, id, "2025–26");
    let made = |store: &mut Store, command: Command| store.apply(&command).expect("stored");
    let Outcome::PersonAdded(ana) = made(
        store,
        Command::AddPerson(
            id,
            NewPerson {
                name: "Ana Ruiz".into(),
                side: Side::District,
                role: String::new(),
            },
        ),
    ) else {
        panic!("a person")
    };
    made(
        store,
        Command::SetLevel(
            RatingKey {
                cycle_id: cycle,
                indicator_key: "shared-goals".into(),
                rater: Rater::Person(ana),
            },
            Level::new(3),
        ),
    );
    let goal = |goal| {
        Command::AddGoal(NewGoal {
            partnership_id: id,
            goal,
            fields: GoalFields {
                text: "Retain new teachers".into(),
            },
        })
    };
    let Outcome::GoalAdded(retain) = made(store, goal(None)) else {
        panic!("a goal")
    };
    made(store, goal(Some(retain)));
    let Outcome::MilestoneAdded(milestone) = made(
        store,
        Command::AddMilestone(NewMilestone {
            partnership_id: id,
            serves: Some(retain),
            fields: MilestoneFields::new(
                "Mentors matched",
                "quarterly",
                jiff::civil::date(2025, 9, 1),
            ),
        }),
    ) else {
        panic!("a milestone")
    };
    made(
        store,
        Command::AddCheckIn(NewCheckIn {
            milestone_id: milestone,
            fields: CheckInFields {
                on: jiff::civil::date(2025, 11, 1),
                status: CheckInStatus::ALL[0],
                note: "On track".into(),
            },
        }),
    );
    let whole = exported(store, id);

    for delete in [Command::DeletePerson(ana), Command::DeleteGoal(retain)] {
        let Outcome::Removed(kept) = made(store, delete.clone()) else {
            panic!("{delete:?} keeps what it removed")
        };
        let without = exported(store, id);
        assert_ne!(without, whole, "{delete:?} removed something");
        assert_eq!(made(store, Command::Reinstate(kept)), Outcome::Joined);
        assert_eq!(
            exported(store, id),
            whole,
            "{delete:?} undone: every record, every uid"
        );
        made(store, Command::RemoveAgain(kept));
        assert_eq!(exported(store, id), without, "{delete:?} redone");
        made(store, Command::Reinstate(kept));
        assert_eq!(exported(store, id), whole);
    }
    let view = store.load_partnership(id).expect("load");
    assert_eq!(
        view.milestones[0].serves,
        Some(retain),
        "the milestone serves its goal again"
    );
    assert_eq!(view.goals.len(), 2);
    assert_eq!(view.check_ins.len(), 1);

    // Put back twice, or removed again while removed: refused, nothing changed.
    let Outcome::Removed(kept) = made(store, Command::DeleteCheckIn(view.check_ins[0].id)) else {
        panic!("removed")
    };
    assert!(store.apply(&Command::RemoveAgain(kept)).is_err());
    store.apply(&Command::Reinstate(kept)).expect("back");
    assert!(store.apply(&Command::Reinstate(kept)).is_err());
    assert_eq!(exported(store, id), whole);
}
