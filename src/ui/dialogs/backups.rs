//! File > Restore from backup…: the copies PartnerPath took of the open
//! file, and a way to put the file back as one of them was.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::{style, widgets};
use crate::problem::Problem;
use crate::session::Backup;

#[derive(Default)]
pub struct State {
    open: bool,
    backups: Vec<Backup>,
    folder: Option<PathBuf>,
    /// The backup (by its place in the list) the user asked to restore.
    confirming: Option<usize>,
}

impl State {
    /// Opens the window on the file's `backups` (read when it opens).
    pub fn open(&mut self, backups: Vec<Backup>, folder: Option<PathBuf>) {
        self.backups = backups;
        self.folder = folder;
        self.confirming = None;
        self.open = true;
    }
}

/// What the user did in the window.
pub enum Chosen {
    Restore(PathBuf),
    Problem(Problem),
}

/// Shows the window while open.
pub fn show(ui: &mut Ui, state: &mut State) -> Option<Chosen> {
    if !state.open {
        return None;
    }
    let mut chosen = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("restore from backup")).show(ui.ctx(), |ui| {
        ui.set_width(style::width::DIALOG_LIST);
        ui.heading("Restore from backup");
        ui.label("PartnerPath copies this file when it is opened (once a day), and before an upgrade, an import or a restore. The copies of the last 7 days and one a week for 8 weeks are kept.");
        ui.add_space(style::space::M);
        if state.backups.is_empty() {
            ui.weak("No backups of this file yet.");
        } else {
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.55)
                .show(ui, |ui| {
                    for (i, backup) in state.backups.iter().enumerate() {
                        let when = widgets::moment(backup.taken_at);
                        ui.separator();
                        ui.horizontal(|ui| {
                            widgets::column(ui, style::width::LIST_WHAT, |ui| {
                                ui.label(RichText::new(&when).strong());
                                ui.weak(backup.reason.label());
                            });
                            widgets::column(ui, style::width::LIST_WHEN, |ui| {
                                ui.label(holds(backup));
                            });
                            if ui
                                .button("Restore…")
                                .accessible_name(format!("Restore the backup of {when}"))
                                .clicked()
                            {
                                state.confirming = Some(i);
                            }
                        });
                    }
                });
        }
        ui.add_space(style::space::M_PLUS);
        ui.horizontal(|ui| {
            if let Some(folder) = &state.folder
                && folder.exists()
                && ui.button("Show the backups folder").clicked()
                && let Err(error) = opener::reveal(folder)
            {
                let problem = Problem::new(
                    format!("The folder could not be shown ({error})."),
                    "Open the folder yourself; its path is below.",
                );
                chosen = Some(Chosen::Problem(problem.at(folder.clone())));
            }
            if ui.button("Close").clicked() {
                close = true;
            }
        });
    });
    let backups = &state.backups;
    let asked = widgets::ask_first(ui, &mut state.confirming, |i| {
        let backup = backups.get(i)?;
        Some(widgets::Question {
            title: format!(
                "Restore the file as it was on {}?",
                widgets::moment(backup.taken_at)
            ),
            body: format!(
                "Every partnership in this file goes back to how it was then ({}). What the file holds now is backed up first, so it can be restored from this list.",
                holds(backup)
            ),
            confirm: "Restore",
        })
    });
    if let Some(backup) = asked.and_then(|i| state.backups.get(i)) {
        chosen = Some(Chosen::Restore(backup.path.clone()));
        close = true;
    }
    if close || (modal.should_close() && state.confirming.is_none()) {
        state.open = false;
    }
    chosen
}

/// "3 partnerships, 12 cycles".
fn holds(backup: &Backup) -> String {
    match (backup.partnerships, backup.cycles) {
        (Some(p), Some(c)) => format!(
            "{}, {}",
            widgets::count(p, "partnership", "partnerships"),
            widgets::count(c, "cycle", "cycles")
        ),
        _ => "Could not be read".to_owned(),
    }
}
