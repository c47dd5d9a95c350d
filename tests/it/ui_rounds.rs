//! Per-person rounds and the trajectory screens, driven by accessible labels:
//! rating as a person leaves the team's consensus alone, the *discuss* flag
//! follows the spread of individual ratings, and the radar's legend hides
//! cycles.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use partnerpath::model::{
    CycleFields, CycleId, CycleStatus, Level, NewCycle, NewPartnership, NewPerson, PartnershipId,
    PersonId, Rater, RatingKey, Side,
};
use partnerpath::ui::{App, Page, Screen, Tab};
use partnerpath_store::Store;

use crate::support;

struct Fixture {
    partnership: PartnershipId,
    cycles: Vec<CycleId>,
    ana: PersonId,
    ben: PersonId,
}

/// A partnership with two people and three cycles, the last with no ratings.
fn fixture(path: &Path) -> Fixture {
    let mut store = Store::open(path).expect("open");
    let partnership = store
        .create_partnership(
            &NewPartnership {
                name: "Delta SD & Pine College".into(),
                ..NewPartnership::default()
            },
            false,
        )
        .expect("partnership");
    let person = |store: &mut Store, name: &str, side| {
        store
            .add_person(
                partnership,
                &NewPerson {
                    name: name.into(),
                    side,
                    role: String::new(),
                },
            )
            .expect("person")
    };
    let ana = person(&mut store, "Ana Ruiz", Side::District);
    let ben = person(&mut store, "Ben Cole", Side::Partner);
    let cycles = ["2022–23", "2023–24", "2024–25"]
        .iter()
        .zip([2022, 2023, 2024])
        .map(|(year, start)| {
            store
                .create_cycle(&NewCycle {
                    partnership_id: partnership,
                    fields: CycleFields {
                        status: CycleStatus::Draft,
                        hidden: false,
                        instrument_key: "wbt-continuum".into(),
                        instrument_version: "2017-10".into(),
                        school_year: (*year).into(),
                        administered_on: date(start, 10, 1),
                    },
                })
                .expect("cycle")
        })
        .collect();
    Fixture {
        partnership,
        cycles,
        ana,
        ben,
    }
}

fn set(path: &Path, cycle: CycleId, indicator: &str, rater: Rater, level: u8) {
    let mut store = Store::open(path).expect("open");
    let key = RatingKey {
        cycle_id: cycle,
        indicator_key: indicator.into(),
        rater,
    };
    store.set_level(&key, Level::new(level)).expect("level");
}

fn stored(path: &Path, cycle: CycleId, indicator: &str, person: Option<PersonId>) -> Option<u8> {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.query_row(
        "SELECT level FROM ratings WHERE cycle_id = ?1 AND indicator_key = ?2
           AND coalesce(person_id, 0) = ?3",
        rusqlite::params![cycle.0, indicator, person.map_or(0, |p| p.0)],
        |row| row.get(0),
    )
    .ok()
    .flatten()
}

fn harness(path: &Path, screen: Screen) -> Harness<'static, App> {
    support::harness(support::app(path, Some(screen)), [1366.0, 1400.0])
}

#[test]
fn rating_as_a_person_stores_their_level_and_leaves_the_consensus_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rounds.sqlite");
    let f = fixture(&path);
    let cycle = f.cycles[2];
    set(&path, cycle, "shared-goals", Rater::Consensus, 2);
    let mut harness = harness(&path, Screen::In(f.partnership, Page::Continuum(cycle)));

    harness.get_by_label("Rating as").click();
    harness.run();
    harness.get_by_label("Ana Ruiz (District)").click();
    harness.run();
    harness.get_by_label_contains("Ana Ruiz is rating on their own");
    harness
        .get_by_label("Shared Goals: Transformational")
        .click();
    harness.run();

    assert_eq!(stored(&path, cycle, "shared-goals", Some(f.ana)), Some(4));
    assert_eq!(
        stored(&path, cycle, "shared-goals", None),
        Some(2),
        "consensus unchanged"
    );
    assert_eq!(stored(&path, cycle, "shared-goals", Some(f.ben)), None);
}

#[test]
fn the_discuss_flag_shows_exactly_where_individual_ratings_are_two_levels_apart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("discuss.sqlite");
    let f = fixture(&path);
    let cycle = f.cycles[2];
    // Two levels apart: discuss.
    set(&path, cycle, "shared-goals", Rater::Person(f.ana), 1);
    set(&path, cycle, "shared-goals", Rater::Person(f.ben), 3);
    // Neighbouring levels: no flag.
    set(&path, cycle, "mutual-benefit", Rater::Person(f.ana), 2);
    set(&path, cycle, "mutual-benefit", Rater::Person(f.ben), 3);
    // The consensus is not an individual rating: no flag.
    set(&path, cycle, "advocacy", Rater::Consensus, 4);
    set(&path, cycle, "advocacy", Rater::Person(f.ana), 1);
    let mut harness = harness(&path, Screen::In(f.partnership, Page::Continuum(cycle)));
    harness.run();
    let flags = harness.query_all_by_label_contains("Discuss:").count();
    assert_eq!(flags, 1);
    harness.get_by_label("Discuss: ratings 2 levels apart");

    // Ben moves Mutual Benefit from Established to Transformational: now
    // two levels from Ana's Developing, so it is flagged too.
    harness.get_by_label("Rating as").click();
    harness.run();
    harness.get_by_label("Ben Cole (Partner)").click();
    harness.run();
    harness
        .get_by_label("Mutual Benefit: Transformational")
        .click();
    harness.run();
    harness.get_by_label("Rating as").click();
    harness.run();
    harness.get_by_label("Team consensus").click();
    harness.run();
    assert_eq!(harness.query_all_by_label_contains("Discuss:").count(), 2);
}

#[test]
fn unticking_a_year_in_the_radar_legend_hides_its_outline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("radar.sqlite");
    let f = fixture(&path);
    for (cycle, level) in f.cycles.iter().zip([1, 2, 3]) {
        set(&path, *cycle, "shared-goals", Rater::Consensus, level);
    }
    let mut harness = harness(
        &path,
        Screen::In(f.partnership, Page::Trajectory(Tab::Radar)),
    );
    harness.run();
    // By default the newest year against the one before; another earlier
    // year can be chosen.
    harness.get_by_label("Radar of 2023–24, 2024–25");
    harness
        .get_by_label("Compare the newest year against")
        .click();
    harness.run();
    harness.get_by_label("2022–23").click();
    harness.run();
    harness.get_by_label("Radar of 2022–23, 2024–25");
    harness.get_by_label("All years").click();
    harness.run();
    harness.get_by_label("Radar of 2022–23, 2023–24, 2024–25");
    harness.get_by_label("Show 2023–24").click();
    harness.run();
    harness.get_by_label("Radar of 2022–23, 2024–25");
    harness.get_by_label("Show 2023–24").click();
    harness.run();
    harness.get_by_label("Radar of 2022–23, 2023–24, 2024–25");
}

#[test]
fn the_heat_map_and_change_list_read_the_consensus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("heat.sqlite");
    let f = fixture(&path);
    set(&path, f.cycles[1], "shared-goals", Rater::Consensus, 1);
    set(&path, f.cycles[2], "shared-goals", Rater::Consensus, 3);
    set(&path, f.cycles[2], "advocacy", Rater::Consensus, 2);
    let mut harness = harness(
        &path,
        Screen::In(f.partnership, Page::Trajectory(Tab::HeatMap)),
    );
    harness.run();
    harness.get_by_label("Shared Goals 2024–25: 3 Established");
    harness.get_by_label("Shared Goals 2022–23: not rated");
    harness.get_by_label("Foundations average 2024–25: 3.0");

    harness.get_by_label("What changed").click();
    harness.run();
    harness.get_by_label("Up 2 levels");
    harness.get_by_label("Newly rated");
}
