//! What the window remembers between runs, through eframe's storage: the
//! theme, the zoom, the last file and the screen it was left on survive a
//! restart; a remembered file that has gone is named, not replaced.

use std::collections::HashMap;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use partnerpath::model::{CycleFields, CycleStatus, NewCycle};
use partnerpath::session::Session;
use partnerpath::ui::{App, Page, Remembered, Screen, Tab};
use partnerpath_store::Store;

use crate::support;

/// eframe's storage kept in memory, as the settings file holds it.
#[derive(Default)]
pub(crate) struct Memory(pub HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

fn app(path: &std::path::Path, storage: &Memory) -> App {
    App::new(support::instruments(), Session::open(path)).remembering(Some(storage))
}

/// A zoom out of range in the settings file (edited by hand, or written by
/// another version) is brought back into 75–250 % when the window starts.
#[test]
fn a_zoom_out_of_range_is_brought_back_when_loaded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("zoom.sqlite");
    for (stored, loaded) in [(900, 250), (10, 75), (150, 150)] {
        let mut storage = Memory::default();
        let mut remembered = Remembered::default();
        remembered.zoom = stored;
        eframe::set_value(&mut storage, Remembered::KEY, &remembered);
        assert_eq!(app(&path, &storage).remembered().zoom, loaded, "{stored}");
    }
    assert_eq!(app(&path, &Memory::default()).remembered().zoom, 100);
}

#[test]
fn theme_zoom_last_file_and_screen_survive_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("remember.sqlite");
    let id = {
        let mut store = Store::open(&path).expect("open");
        let id = support::oak_and_elm(&mut store);
        let continuum = support::instruments().continuum;
        store
            .create_cycle(&NewCycle {
                partnership_id: id,
                fields: CycleFields {
                    status: CycleStatus::Draft,
                    hidden: false,
                    instrument_key: continuum.key.clone(),
                    instrument_version: continuum.version.clone(),
                    school_year: "2025–26".into(),
                    administered_on: date(2025, 10, 1),
                },
            })
            .expect("cycle");
        id
    };
    let mut storage = Memory::default();
    {
        let mut harness = support::harness(app(&path, &storage), [1366.0, 768.0]);
        harness.run();
        harness.get_by_label("Oak SD & Elm University").click();
        harness.run();
        harness.get_by_label("Across the years").click();
        harness.run();
        harness.get_by_label("Heat map").click();
        harness.run();
        harness.get_by_label("View").click();
        harness.run();
        harness.get_by_label("Dark theme").click();
        harness.run();
        harness.key_press(Key::Escape);
        harness.run();
        for _ in 0..2 {
            harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
            harness.run();
        }
        assert_eq!(harness.state().remembered().zoom, 125, "100 → 110 → 125");
        assert!((harness.ctx.zoom_factor() - 1.25).abs() < 1e-6);
        assert_eq!(
            harness.state().screen(),
            Screen::In(id, Page::Trajectory(Tab::HeatMap))
        );
        // The window closes: eframe asks the app to save.
        eframe::App::save(harness.state_mut(), &mut storage);
    }
    assert_eq!(
        partnerpath::ui::last_open(Some(&storage)),
        Some(partnerpath::ui::Last::File(path.clone()))
    );

    let mut harness = support::harness(app(&path, &storage), [1366.0, 768.0]);
    harness.run();
    assert_eq!(
        harness.state().screen(),
        Screen::In(id, Page::Trajectory(Tab::HeatMap)),
        "back where the file was left"
    );
    assert!(
        (harness.ctx.zoom_factor() - 1.25).abs() < 1e-6,
        "the zoom comes back"
    );
    assert_eq!(
        harness.ctx.options(|o| o.theme_preference),
        egui::ThemePreference::Dark,
        "the theme comes back"
    );
    assert_eq!(harness.state().recent().files(), [path]);
}

#[test]
fn a_recent_file_that_has_gone_is_named_and_nothing_is_made_in_its_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let here = dir.path().join("here.sqlite");
    let gone = dir.path().join("gone.sqlite");
    drop(Store::open(&gone).expect("make"));
    let mut storage = Memory::default();
    {
        let mut harness = support::harness(app(&gone, &storage), [1366.0, 768.0]);
        harness.run();
        eframe::App::save(harness.state_mut(), &mut storage);
    }
    std::fs::remove_file(&gone).expect("remove");
    let mut harness = support::harness(app(&here, &storage), [1366.0, 768.0]);
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").click();
    harness.run();
    harness.get_by_label("gone.sqlite").click();
    harness.run();
    harness.get_by_label_contains("is not there any more");
    assert!(!gone.exists(), "no new, empty file in its place");
    assert_eq!(
        harness.state().session().map(|s| s.path().to_path_buf()),
        Some(here),
        "the open file stays open"
    );
}
