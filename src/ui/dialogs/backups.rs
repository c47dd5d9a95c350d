//! File > Restore from backup…: the copies PartnerPath took of the open
//! file, and a way to put the file back as one of them was.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::problem::Problem;
use crate::session::Backup;
use crate::ui::action::{Action, Actions};
use crate::ui::kit::{style, widgets};
use crate::ui::view::{Dialog, DialogContext};

/// The copies of the open file, read when the window opens, and the one
/// the user asked to restore.
pub struct Backups {
    backups: Vec<Backup>,
    folder: Option<PathBuf>,
    /// The backup (by its place in the list) the user asked to restore.
    confirming: Option<usize>,
}

impl Backups {
    /// The window on the file's `backups`, kept in `folder`.
    pub fn new(backups: Vec<Backup>, folder: Option<PathBuf>) -> Backups {
        Backups {
            backups,
            folder,
            confirming: None,
        }
    }
}

impl Dialog for Backups {
    fn name(&self) -> &'static str {
        "restore from backup"
    }

    fn title(&self) -> String {
        "Restore from backup".to_owned()
    }

    fn show(&mut self, ui: &mut Ui, _: &DialogContext<'_>, actions: &mut Actions) -> bool {
        show(ui, self, actions)
    }
}

/// Shows the window; returns whether it stays open.
fn show(ui: &mut Ui, state: &mut Backups, actions: &mut Actions) -> bool {
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique(state.name())).show(ui.ctx(), |ui| {
        ui.set_width(style::width::DIALOG_LIST);
        ui.heading(state.title());
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
                actions.push(Action::Report(problem.at(folder.clone())));
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
        actions.push(Action::RestoreBackup(backup.path.clone()));
        close = true;
    }
    !(close || (modal.should_close() && state.confirming.is_none()))
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
