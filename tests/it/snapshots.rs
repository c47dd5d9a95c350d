//! Images of the radar with three cycles and of the heat map, compared with
//! the ones checked in under tests/snapshots (rendered with Mesa's software
//! Vulkan driver). `UPDATE_SNAPSHOTS=true cargo test --test it snapshots`
//! writes new ones after a deliberate change.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use jiff::civil::date;
use partnerpath::instrument::Instruments;
use partnerpath::model::{Level, NewCycle, NewPartnership, PartnershipId, Rater, RatingKey};
use partnerpath::store::Store;
use partnerpath::ui::{App, Page, Screen, Tab};

use crate::support;

/// A partnership with three cycles of consensus ratings, one with gaps.
fn three_cycles(path: &Path) -> PartnershipId {
    let mut store = Store::open(path).expect("open");
    let id = store
        .create_partnership(
            &NewPartnership {
                name: "Snapshot partnership".into(),
                ..NewPartnership::default()
            },
            false,
        )
        .expect("partnership");
    let continuum = Instruments::builtin().expect("instruments").continuum;
    let years = [
        ("2022–23", 2022, "1121111112111"),
        ("2023–24", 2023, "2222222222211"),
        ("2024–25", 2024, "3323323030322"),
    ];
    for (year, start, levels) in years {
        let cycle = store
            .create_cycle(&NewCycle {
                partnership_id: id,
                instrument_key: continuum.key.clone(),
                instrument_version: continuum.version.clone(),
                school_year: year.into(),
                administered_on: date(start, 10, 1),
            })
            .expect("cycle");
        for (indicator, digit) in continuum.indicators().zip(levels.chars()) {
            let level = digit
                .to_digit(10)
                .and_then(|d| u8::try_from(d).ok())
                .and_then(Level::new);
            if level.is_none() {
                continue;
            }
            let key = RatingKey {
                cycle_id: cycle,
                indicator_key: indicator.key.clone(),
                rater: Rater::Consensus,
            };
            store.set_level(&key, level).expect("level");
        }
    }
    id
}

fn database() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    // The file name shows in the window, so it is the same on every machine.
    let path = dir.path().join("snapshot.sqlite");
    (dir, path)
}

fn snapshot(tab: Tab, name: &str) {
    let (_dir, path) = database();
    let id = three_cycles(&path);
    let app = support::app(&path, Some(Screen::In(id, Page::Trajectory(tab))));
    let mut harness = Harness::builder()
        .with_size([1366.0, 900.0])
        .with_theme(egui::Theme::Light)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness.snapshot(name);
}

#[test]
fn radar_with_three_cycles() {
    snapshot(Tab::Radar, "radar_three_cycles");
}

#[test]
fn heat_map_of_three_cycles() {
    snapshot(Tab::HeatMap, "heat_map_three_cycles");
}
