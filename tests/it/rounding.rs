//! One rounding rule everywhere an average is shown: half up, on the exact
//! sum. Averages of .25, .75 and .05 are set up on a real file and read
//! back from every screen and printout that shows one: the heat map, the
//! change list, the levels chart, the sides compared, the readiness team
//! averages, and the trajectory and readiness printouts.

use std::path::Path;
use std::process::Command;

use egui_kittest::kittest::Queryable;

use jiff::civil::date;
use partnerpath::model::{
    CycleFields, CycleId, CycleStatus, Level, NewCycle, NewPartnership, NewPerson,
    NewReadinessMember, NewReadinessRound, PartnershipId, Rater, RatingKey, ReadinessMemberFields,
    ReadinessRoundFields, ReadinessRoundId, Side, Team,
};
use partnerpath::print::{Filled, Paper, PrintRequest, What, printout, render};
use partnerpath::ui::{Page, Screen, Tab};
use partnerpath_store::Store;

use crate::support;

struct Fixture {
    partnership: PartnershipId,
    newer: CycleId,
    round: ReadinessRoundId,
}

/// Foundations' four indicators: 2, 3, 3, 3 (2.75) in 2024–25 and 3, 3,
/// 3, 4 (3.25) in 2025–26; four district raters give Mission & Beliefs 3,
/// 3, 3, 4 (3.25); twenty district members rate Alignment 3 but one 4
/// (3.05); four partner members rate it 2, 3, 3, 3 (2.75).
fn fixture(path: &Path) -> Fixture {
    let mut store = Store::open(path).expect("open");
    let partnership = store
        .create_partnership(
            &NewPartnership {
                name: "Rounding SD & College".into(),
                ..NewPartnership::default()
            },
            false,
        )
        .expect("partnership");
    let continuum = support::instruments().continuum;
    let foundations: Vec<String> = continuum.categories[0]
        .indicators
        .iter()
        .map(|i| i.key.clone())
        .collect();
    assert_eq!(foundations.len(), 4, "Foundations has four indicators");
    let mut cycles = Vec::new();
    for (year, start, levels) in [
        ("2024–25", 2024, [2, 3, 3, 3]),
        ("2025–26", 2025, [3, 3, 3, 4]),
    ] {
        let cycle = store
            .create_cycle(&NewCycle {
                partnership_id: partnership,
                fields: CycleFields {
                    status: CycleStatus::Draft,
                    hidden: false,
                    instrument_key: continuum.key.clone(),
                    instrument_version: continuum.version.clone(),
                    school_year: year.into(),
                    administered_on: date(start, 10, 1),
                },
            })
            .expect("cycle");
        for (key, level) in foundations.iter().zip(levels) {
            let rating = RatingKey {
                cycle_id: cycle,
                indicator_key: key.clone(),
                rater: Rater::Consensus,
            };
            store.set_level(&rating, Level::new(level)).expect("level");
        }
        cycles.push(cycle);
    }
    let newer = cycles[1];
    for (name, level) in [("Ann", 3), ("Bo", 3), ("Cy", 3), ("Di", 4)] {
        let person = store
            .add_person(
                partnership,
                &NewPerson {
                    name: name.into(),
                    side: Side::District,
                    role: String::new(),
                },
            )
            .expect("person");
        let rating = RatingKey {
            cycle_id: newer,
            indicator_key: foundations[0].clone(),
            rater: Rater::Person(person),
        };
        store.set_level(&rating, Level::new(level)).expect("level");
    }
    let round = store
        .create_readiness_round(&NewReadinessRound {
            partnership_id: partnership,
            fields: ReadinessRoundFields {
                title: "Before signing".into(),
                held_on: date(2025, 5, 10),
                instrument_key: "readiness".into(),
                instrument_version: "odst-1".into(),
            },
        })
        .expect("round");
    let members = (0..20)
        .map(|i| (Team::District, if i == 0 { 4 } else { 3 }))
        .chain([2, 3, 3, 3].map(|r| (Team::Partner, r)));
    for (i, (team, rating)) in members.enumerate() {
        let member = store
            .add_readiness_member(&NewReadinessMember {
                round_id: round,
                fields: ReadinessMemberFields {
                    team,
                    name: format!("Member {i}"),
                    role: String::new(),
                },
            })
            .expect("member");
        store
            .set_readiness_rating(member, "alignment", Some(rating))
            .expect("rating");
    }
    Fixture {
        partnership,
        newer,
        round,
    }
}

#[test]
fn every_screen_rounds_half_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rounding.sqlite");
    let f = fixture(&path);
    let screen = |page| {
        support::harness(
            support::app(&path, Some(Screen::In(f.partnership, page))),
            [1366.0, 3000.0],
        )
    };

    let mut harness = screen(Page::Trajectory(Tab::HeatMap));
    harness.run();
    harness.get_by_label("Foundations average 2025–26: 3.3");
    harness.get_by_label("Foundations average 2024–25: 2.8");
    drop(harness);

    let mut harness = screen(Page::Trajectory(Tab::Changes));
    harness.run();
    harness.get_by_label("+0.5");
    drop(harness);

    let mut harness = screen(Page::Trajectory(Tab::Levels));
    harness.run();
    harness.get_by_label("3.3");
    harness.get_by_label("Earlier year").click();
    harness.run();
    harness.get_by_label("2.8");
    drop(harness);

    let mut harness = screen(Page::Continuum(f.newer));
    harness.run();
    harness.get_by_label("Compare sides").click();
    harness.run();
    harness.get_by_label("District Mission & Beliefs: 3.3 (4 people)");
    drop(harness);

    let mut harness = screen(Page::Readiness(f.round));
    harness.run();
    harness.get_by_label_contains("Team average 3.1 (20 of 20 rated)");
}

#[test]
fn every_printout_rounds_half_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rounding.sqlite");
    let f = fixture(&path);
    let store = Store::open(&path).expect("open");
    let view = store.load_partnership(f.partnership).expect("load");
    drop(store);
    let text = |what: Filled| {
        let request = PrintRequest {
            what: What::Filled(what),
            paper: Paper::Letter,
        };
        let printout = printout(
            &request,
            Some(&view),
            support::instruments(),
            date(2026, 11, 28),
        )
        .expect("printout");
        let pdf = render(&printout).expect("render");
        let file = dir.path().join("out.pdf");
        std::fs::write(&file, pdf).expect("write");
        let output = Command::new("pdftotext")
            .arg(&file)
            .arg("-")
            .output()
            .expect("pdftotext (installed by ./scripts/test)");
        String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let trajectory = text(Filled::Trajectory);
    assert!(
        trajectory.contains("Foundations 2.8 3.3 +0.5"),
        "the change list's averages, half up:\n{trajectory}"
    );
    assert!(!trajectory.contains("3.2"), "3.25 never shows as 3.2");
    let team = text(Filled::ReadinessTeam {
        round: f.round,
        team: Team::District,
    });
    assert!(team.contains("3.1 (20 of 20 rated)"), "{team}");
    let partner = text(Filled::ReadinessTeam {
        round: f.round,
        team: Team::Partner,
    });
    assert!(partner.contains("2.8 (4 of 4 rated)"), "{partner}");
    let joint = text(Filled::ReadinessJoint {
        round: f.round,
        with_numbers: true,
    });
    assert!(joint.contains("3.1") && joint.contains("2.8"), "{joint}");
}
