//! Exchange files through the window: rating apart on another laptop and a
//! hand-over, with the files chosen in PartnerPath's own dialog, then the
//! database read to find what was stored.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use partnerpath::model::{PartnershipId, Rater};
use partnerpath::ui::{App, Page, Screen};

use crate::exchange::facilitator;
use crate::support;

const SIZE: [f32; 2] = [1366.0, 900.0];

/// The window on `path`, remembering it (so the file dialogs start in its
/// folder), showing `screen`.
fn window(path: &Path, screen: Option<Screen>) -> Harness<'static, App> {
    let app = support::app(path, screen).remembering(None);
    let mut harness = support::harness(app, SIZE);
    harness.run();
    harness
}

fn menu(harness: &mut Harness<'_, App>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

/// Jo's rating of an indicator, read from the file at `path`.
fn jos_level(path: &Path, indicator: &str) -> Option<i64> {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.query_row(
        "SELECT r.level FROM ratings r JOIN people p ON p.id = r.person_id
         WHERE p.name = 'Jo Lee' AND r.indicator_key = ?1",
        [indicator],
        |row| row.get(0),
    )
    .ok()
}

#[test]
fn rating_apart_through_the_window() {
    let dir = tempfile::tempdir().expect("dir");
    let home = dir.path().join("facilitator.sqlite");
    let id = facilitator(&home).id;

    // The facilitator exports the 2025–26 cycle for Jo.
    let mut window_a = window(&home, Some(Screen::In(id, Page::Overview)));
    menu(&mut window_a, "Export partnership…");
    window_a
        .get_by_label("One cycle, for raters to rate apart")
        .click();
    window_a.run();
    window_a.get_by_label("Jo Lee (Partner)").click();
    window_a.run();
    window_a.get_by_label("Export…").click();
    window_a.run();
    window_a.get_by_label("Export file").click();
    window_a.run();
    let for_jo = dir.path().join("2025–26 for Jo Lee.partnerpath");
    assert!(for_jo.is_file(), "written where the dialog said");
    window_a.get_by_label_contains("Exported to");
    drop(window_a);

    // On Jo's laptop: import it into an empty file and rate as Jo.
    let laptop = dir.path().join("jo.sqlite");
    let mut window_b = window(&laptop, None);
    menu(&mut window_b, "Import…");
    window_b
        .get_by_label("File 2025–26 for Jo Lee.partnerpath")
        .click();
    window_b.run();
    window_b.get_by_label("Import file").click();
    window_b.run();
    window_b.get_by_label_contains("is not in this file yet");
    window_b.get_by_label("Import").click();
    window_b.run();
    let (there, cycle) = {
        let view = window_b
            .state()
            .session()
            .and_then(|s| s.view())
            .expect("the imported partnership is open");
        (view.partnership.id, view.cycles[0].id)
    };
    window_b
        .state_mut()
        .go_to(Screen::In(there, Page::Continuum(cycle)));
    window_b.run();
    window_b.get_by_label_contains("to rate the 2025–26 cycle apart");
    window_b
        .get_by_label("Shared Goals: Transformational")
        .click();
    window_b.run();
    assert_eq!(jos_level(&laptop, "shared-goals"), Some(4), "rated as Jo");
    menu(&mut window_b, "Export partnership…");
    window_b.get_by_label("Export…").click();
    window_b.run();
    window_b.get_by_label("Export file").click();
    window_b.run();
    drop(window_b);

    // Home again: the report, then Jo's rating under Jo.
    let mut window_c = window(&home, None);
    menu(&mut window_c, "Import…");
    window_c
        .get_by_label("File Mesa USD & Canyon University.partnerpath")
        .click();
    window_c.run();
    window_c.get_by_label("Import file").click();
    window_c.run();
    window_c.get_by_label_contains("1 rating from Jo Lee");
    assert_eq!(
        jos_level(&home, "shared-goals"),
        None,
        "nothing written yet"
    );
    window_c.get_by_label("Import").click();
    window_c.run();
    assert_eq!(jos_level(&home, "shared-goals"), Some(4));
    let view = window_c
        .state()
        .session()
        .and_then(|s| s.view())
        .expect("open");
    let spread = view
        .individual_spread(view.cycles[0].id, "shared-goals")
        .expect("Ana and Jo");
    assert!(spread.needs_discussion(), "Ana's 1 and Jo's 4");
    assert!(
        view.level(view.cycles[0].id, Rater::Consensus, "decision-making")
            .is_some()
    );
}

#[test]
fn a_hand_over_through_the_window_shows_the_same_partnership() {
    let dir = tempfile::tempdir().expect("dir");
    let sample = dir.path().join("sample.sqlite");
    let store =
        partnerpath::demo::create_sample_database(&sample, support::instruments()).expect("sample");
    let id: PartnershipId = store.partnership_summaries().expect("list")[0]
        .partnership
        .id;
    let original = store.load_partnership(id).expect("load");
    drop(store);

    let mut window_a = window(&sample, Some(Screen::In(id, Page::Overview)));
    menu(&mut window_a, "Export partnership…");
    window_a.get_by_label("Export…").click();
    window_a.run();
    window_a.get_by_label("Export file").click();
    window_a.run();
    drop(window_a);

    let successor = dir.path().join("successor.sqlite");
    let mut window_b = window(&successor, None);
    menu(&mut window_b, "Import…");
    window_b
        .get_by_label_contains("(sample).partnerpath")
        .click();
    window_b.run();
    window_b.get_by_label("Import file").click();
    window_b.run();
    window_b.get_by_label("Import").click();
    window_b.run();
    let copy = window_b
        .state()
        .session()
        .and_then(|s| s.view())
        .expect("open")
        .clone();
    assert_eq!(copy.partnership.name, original.partnership.name);
    assert_eq!(copy.cycles.len(), original.cycles.len());
    assert_eq!(copy.documents.len(), original.documents.len());
    assert_eq!(copy.readiness.len(), original.readiness.len());
    assert_eq!(copy.milestones.len(), original.milestones.len());
    for (a, b) in original.cycles.iter().zip(&copy.cycles) {
        assert_eq!(a.school_year, b.school_year);
        assert_eq!(
            original.filled_ratings_in_cycle(a.id),
            copy.filled_ratings_in_cycle(b.id)
        );
    }
    // Importing it a second time: nothing is new.
    menu(&mut window_b, "Import…");
    window_b
        .get_by_label_contains("(sample).partnerpath")
        .click();
    window_b.run();
    window_b.get_by_label("Import file").click();
    window_b.run();
    window_b.get_by_label_contains("nothing that is not here already");
}
