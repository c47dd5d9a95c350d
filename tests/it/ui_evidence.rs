//! Evidence through the window: files dropped on the continuum grid (the
//! window asks for which indicator), on an evidence dialog (attached to
//! its record at once) and a file too large; a link typed; an attachment
//! removed. Each is found in the database afterwards.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use partnerpath::model::{CycleId, PartnershipId};
use partnerpath::ui::{App, Page, Screen};
use partnerpath_store::Store;

use crate::support;

const SIZE: [f32; 2] = [1366.0, 768.0];

/// A file dropped on the window, as the windowing library hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drags `paths` over the window (egui draws every frame meanwhile).
fn drag_over(harness: &mut Harness<'_, App>, paths: &[&Path]) {
    harness.input_mut().hovered_files = paths
        .iter()
        .map(|p| egui::HoveredFile {
            path: Some(p.to_path_buf()),
            mime: String::new(),
        })
        .collect();
    harness.step();
    harness.step();
}

/// Drops `paths` on the window, after dragging them over it.
fn drop_files(harness: &mut Harness<'_, App>, paths: &[&Path]) {
    drag_over(harness, paths);
    harness.input_mut().hovered_files.clear();
    harness.input_mut().dropped_files = paths
        .iter()
        .map(|p| Arc::new(Dropped(p.to_path_buf())) as egui::DroppedFileHandle)
        .collect();
    settle(harness);
}

/// Draws frames until the window is still (a scroll area may move for a
/// few frames after a dialog opens).
fn settle(harness: &mut Harness<'_, App>) {
    for _ in 0..12 {
        harness.step();
    }
}

/// Runs frames until the files being attached are read and attached.
fn until_attached(harness: &mut Harness<'_, App>) {
    for _ in 0..200 {
        settle(harness);
        let busy = harness
            .state()
            .session()
            .is_some_and(|s| s.attaching().is_some());
        if !busy {
            settle(harness);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the files were not attached within 4 seconds");
}

/// Oak & Elm with a draft cycle of 2025–26, in `oak.sqlite` in `dir`.
fn oak_with_a_cycle(dir: &Path) -> (PathBuf, PartnershipId, CycleId) {
    let path = dir.join("oak.sqlite");
    let mut store = Store::open(&path).expect("open");
    let id = support::oak_and_elm(&mut store);
    let cycle = support::draft_cycle(&mut store, id, "2025–26");
    (path, id, cycle)
}

/// The attachments in the file at `path`: (indicator, name, address,
/// removed).
fn stored(path: &Path) -> Vec<(Option<String>, String, Option<String>, bool)> {
    let conn = rusqlite::Connection::open(path).expect("open");
    let mut statement = conn
        .prepare(
            "SELECT indicator_key, name, address, deleted_at IS NOT NULL FROM attachments
             ORDER BY id",
        )
        .expect("prepare");
    statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn files_dropped_and_a_link_typed_are_attached_and_one_removed() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, id, cycle) = oak_with_a_cycle(dir.path());
    let minutes = dir.path().join("Minutes.pdf");
    std::fs::write(&minutes, b"%PDF-1.4 minutes").expect("write");
    let photo = dir.path().join("Board photo.jpg");
    std::fs::write(&photo, b"\xFF\xD8\xFF photo").expect("write");
    let app = support::app(&path, Some(Screen::In(id, Page::Continuum(cycle))));
    let mut harness = support::harness(app, SIZE);
    harness.run();

    // Dropped on the grid: the window asks which indicator.
    drop_files(&mut harness, &[&minutes]);
    harness.get_by_label_contains("Attach “Minutes.pdf” to");
    harness
        .get_by_label("Attach to Decision Making, 2025–26")
        .click();
    until_attached(&mut harness);
    harness.get_by_label_contains("Attached 1 file.");
    assert_eq!(
        stored(&path),
        vec![(
            Some("decision-making".to_owned()),
            "Minutes.pdf".to_owned(),
            None,
            false
        )]
    );

    // Dropped on the evidence of Shared Goals: attached there at once.
    harness
        .get_by_label("Evidence for Shared Goals, 2025–26")
        .click();
    harness.run();
    harness.get_by_label_contains("Evidence: Shared Goals, 2025–26");
    drop_files(&mut harness, &[&photo]);
    until_attached(&mut harness);
    harness.get_by_label("Open Board photo.jpg");

    // A link typed in the same dialog.
    for (field, text) in [
        ("Link address", "https://drive.example.org/mou.pdf"),
        ("Link title", "Signed MOU"),
    ] {
        harness.get_by_label(field).click();
        settle(&mut harness);
        harness.get_by_label(field).type_text(text);
        settle(&mut harness);
    }
    harness.get_by_label("Add link").click();
    harness.run();
    harness.get_by_label("Open Signed MOU");

    // Removed: kept for 30 days in "Recently deleted".
    harness.get_by_label("Remove Board photo.jpg").click();
    harness.run();
    assert_eq!(
        stored(&path),
        vec![
            (
                Some("decision-making".to_owned()),
                "Minutes.pdf".to_owned(),
                None,
                false
            ),
            (
                Some("shared-goals".to_owned()),
                "Board photo.jpg".to_owned(),
                None,
                true
            ),
            (
                Some("shared-goals".to_owned()),
                "Signed MOU".to_owned(),
                Some("https://drive.example.org/mou.pdf".to_owned()),
                false
            ),
        ]
    );
    assert!(harness.query_by_label("Open Board photo.jpg").is_none());
}

#[test]
fn a_file_over_100_mb_dropped_is_refused_in_words_and_nothing_is_attached() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, id, cycle) = oak_with_a_cycle(dir.path());
    let video = dir.path().join("Site visit.mp4");
    std::fs::File::create(&video)
        .and_then(|f| f.set_len(150 * 1024 * 1024))
        .expect("a large file");
    let app = support::app(&path, Some(Screen::In(id, Page::Continuum(cycle))));
    let mut harness = support::harness(app, SIZE);
    harness.run();
    harness
        .get_by_label("Evidence for Mission & Beliefs, 2025–26")
        .click();
    harness.run();
    drop_files(&mut harness, &[&video]);
    until_attached(&mut harness);
    harness.get_by_label_contains(
        "“Site visit.mp4” is 150.0 MB: a file over 100 MB cannot be attached, so it was not.",
    );
    assert!(stored(&path).is_empty());
}

/// How the window looks while files are dragged over the grid (its
/// snapshot, `tests/snapshots/view_drop_target.png`): veiled, saying that
/// the indicator is chosen after the drop.
#[test]
fn files_dragged_over_the_grid_are_told_where_they_go() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, id, cycle) = oak_with_a_cycle(dir.path());
    let app = support::app(&path, Some(Screen::In(id, Page::Continuum(cycle))))
        .as_on(jiff::civil::date(2026, 12, 2));
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .with_theme(egui::Theme::Light)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    drag_over(&mut harness, &[Path::new("/evidence/Minutes.pdf")]);
    harness.snapshot("view_drop_target");
    assert!(stored(&path).is_empty(), "nothing attached while dragging");
}
