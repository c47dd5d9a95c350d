//! Images of the window, compared with the ones checked in under
//! tests/snapshots (rendered with Mesa's software Vulkan driver): every page
//! and dialog of the registry (`partnerpath::ui::registry`) on the sample
//! partnership at 1366×768, as on a fixed day (`view_*.png`); and the line
//! chart, the comparison radar and the heat map of a ten-year partnership
//! (one also at 200 %, one in the dark theme), and the radar and heat map
//! of three cycles.
//! `UPDATE_SNAPSHOTS=true cargo test --test it snapshots` writes new ones
//! after a deliberate change.

use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions};
use jiff::civil::date;
use partnerpath::instrument::Instruments;
use partnerpath::model::{
    CycleFields, CycleStatus, Level, NewCycle, NewPartnership, PartnershipId, Rater, RatingKey,
};
use partnerpath::ui::{App, Page, Screen, Tab};
use partnerpath_store::Store;

use crate::accessibility::{Walk, reach};
use crate::support;

/// How many pixels may differ in a view that shows something that differs
/// from one machine or moment to the next (a folder's path, the time of a
/// backup): the width of that line of text, not a moved part of the
/// window.
const VARYING_PIXELS: usize = 2500;

/// Every page and dialog of the registry, as on 2 December 2026.
#[test]
fn every_page_and_dialog_looks_as_before() {
    let walk = Walk::new("snapshot.sqlite");
    let mut failed = Vec::new();
    for route in walk.routes() {
        // Every line of the history says when the sample was made: today.
        // Its words are checked in tests/it/history.rs.
        if route.name == "history" {
            continue;
        }
        let app = walk.app(&route).as_on(date(2026, 12, 2));
        let mut harness = Harness::builder()
            .with_size([1366.0, 768.0])
            .with_theme(egui::Theme::Light)
            .build_ui_state(|ui, app: &mut App| app.show(ui), app);
        reach(&mut harness, &route);
        let options = match route.varies {
            None => SnapshotOptions::default(),
            Some(_) => SnapshotOptions::default().max_failed_pixels(VARYING_PIXELS),
        };
        let slug: String = route
            .name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let name = format!("view_{slug}");
        if let Err(error) = harness.try_snapshot_options(&name, &options) {
            failed.push(format!("{}: {error}", route.name));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// A partnership with three cycles of consensus ratings, one with gaps.
fn three_cycles(path: &Path) -> PartnershipId {
    cycles(
        path,
        &[
            ("2022–23", 2022, "1121111112111"),
            ("2023–24", 2023, "2222222222211"),
            ("2024–25", 2024, "3323323030322"),
        ],
    )
}

/// Ten school years, 2016–17 to 2025–26: rising with setbacks, Decision
/// Making unrated in 2019–20 and 2024–25, Procedures unrated in 2021–22.
fn ten_years(path: &Path) -> PartnershipId {
    cycles(
        path,
        &[
            ("2016–17", 2016, "1121111112111"),
            ("2017–18", 2017, "1211211111121"),
            ("2018–19", 2018, "2212121212121"),
            ("2019–20", 2019, "2222202222212"),
            ("2020–21", 2020, "2323222322222"),
            ("2021–22", 2021, "3323232332032"),
            ("2022–23", 2022, "3333333333233"),
            ("2023–24", 2023, "3433433343333"),
            ("2024–25", 2024, "4433304343434"),
            ("2025–26", 2025, "4443443443444"),
        ],
    )
}

/// A partnership with a cycle per (school year, start year, levels) and the
/// team's level of each indicator from its digit (0: not rated).
fn cycles(path: &Path, years: &[(&str, i16, &str)]) -> PartnershipId {
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
    for &(year, start, levels) in years {
        let cycle = store
            .create_cycle(&NewCycle {
                partnership_id: id,
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

/// The ten-year partnership on `tab`, on a 1366×768 screen at `zoom`
/// (the window is 1366 / zoom points wide).
fn ten_year_snapshot(
    tab: Tab,
    name: &str,
    theme: egui::Theme,
    zoom: f32,
) -> (tempfile::TempDir, Harness<'static, App>) {
    let (dir, path) = database();
    let id = ten_years(&path);
    let app = support::app(&path, Some(Screen::In(id, Page::Trajectory(tab))));
    let mut harness = Harness::builder()
        .with_size([1366.0 / zoom, 768.0 / zoom])
        .with_pixels_per_point(zoom)
        .with_theme(theme)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness.snapshot(name);
    (dir, harness)
}

#[test]
fn levels_over_ten_years() {
    let (_dir, harness) =
        ten_year_snapshot(Tab::Levels, "levels_ten_years", egui::Theme::Light, 1.0);
    // The newest year is chosen, and its values are written out.
    harness.get_by_label("Later year");
    harness.get_by_label_contains("Line chart of Foundations, Systems & Structures");
}

#[test]
fn levels_over_ten_years_at_200_percent() {
    ten_year_snapshot(Tab::Levels, "levels_ten_years_200", egui::Theme::Light, 2.0);
}

#[test]
fn radar_compares_the_newest_year_with_the_one_before() {
    let (_dir, harness) = ten_year_snapshot(Tab::Radar, "radar_ten_years", egui::Theme::Light, 1.0);
    harness.get_by_label("Radar of 2024–25, 2025–26");
    // The unrated indicator is named beside the radar.
    harness.get_by_label("2024–25: Decision Making");
}

#[test]
fn heat_map_of_ten_years_keeps_the_newest_in_view() {
    let (_dir, harness) =
        ten_year_snapshot(Tab::HeatMap, "heat_map_ten_years", egui::Theme::Dark, 1.0);
    let newest = harness.get_by_label("Mission & Beliefs 2025–26: 4 Transformational");
    let right = newest.rect().right();
    assert!(
        right < 1366.0,
        "the newest year ends at {right}, inside the window"
    );
    harness.get_by_label_contains("brighter is further along");
}

#[test]
fn radar_with_three_cycles() {
    snapshot(Tab::Radar, "radar_three_cycles");
}

#[test]
fn heat_map_of_three_cycles() {
    snapshot(Tab::HeatMap, "heat_map_three_cycles");
}
