//! File > Import…, once the file is read: before an import writes
//! anything, its report, with a choice for every conflict.

use egui::{RichText, Ui};

use crate::model::exchange::{Choice, Exchange, Plan};
use crate::ui::action::{Action, Actions};
use crate::ui::kit::{style, widgets};
use crate::ui::view::{Dialog, DialogContext};

/// An exchange file read and planned, waiting for the user's word.
pub struct Import {
    file: Exchange,
    plan: Plan,
    name: String,
    /// The report's lines above the conflicts, made once.
    summary: Vec<String>,
}

impl Import {
    /// The report on a file read and planned; `name` is the file's.
    pub fn new(file: Exchange, plan: Plan, name: String) -> Import {
        let mut summary = plan.report();
        summary.truncate(summary.len() - plan.conflicts.len());
        Import {
            file,
            plan,
            name,
            summary,
        }
    }
}

impl Dialog for Import {
    fn name(&self) -> &'static str {
        "import"
    }

    fn title(&self) -> String {
        format!("Import {}", self.name)
    }

    fn show(&mut self, ui: &mut Ui, _: &DialogContext<'_>, actions: &mut Actions) -> bool {
        let (go, close) = import_dialog(ui, self);
        if go {
            let chosen = (self.file.clone(), self.plan.clone());
            actions.push(Action::ImportChosen(Box::new(chosen)));
            return false;
        }
        !close
    }
}

/// Returns (import, close).
fn import_dialog(ui: &mut Ui, pending: &mut Import) -> (bool, bool) {
    let mut go = false;
    let mut close = false;
    let title = pending.title();
    let modal = egui::Modal::new(egui::Id::unique(pending.name())).show(ui.ctx(), |ui| {
        ui.set_width(style::width::DIALOG_LIST);
        ui.heading(title);
        ui.weak(format!(
            "Exported on {} by {}. Nothing has been written yet.",
            widgets::moment(pending.file.exported_at),
            pending.file.exported_by
        ));
        ui.add_space(style::space::M);
        for line in &pending.summary {
            ui.label(line);
        }
        if !pending.plan.conflicts.is_empty() {
            ui.add_space(style::space::S);
            ui.horizontal(|ui| {
                ui.label(RichText::new("For each, keep which?").strong());
                if pending.plan.conflicts.len() > 1 {
                    let mut all = |choice| {
                        for conflict in &mut pending.plan.conflicts {
                            conflict.choice = choice;
                        }
                    };
                    if ui.button("Keep all that is here").clicked() {
                        all(Choice::KeepHere);
                    }
                    if ui.button("Take all of the file's").clicked() {
                        all(Choice::TakeFile);
                    }
                }
            });
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.45)
                .show(ui, |ui| {
                    for (i, conflict) in pending.plan.conflicts.iter_mut().enumerate() {
                        ui.add_space(style::space::XS);
                        ui.label(conflict.question());
                        ui.horizontal(|ui| {
                            ui.radio_value(
                                &mut conflict.choice,
                                Choice::KeepHere,
                                "Keep what is here",
                            )
                            .on_hover_text(format!("Conflict {}", i + 1));
                            ui.radio_value(
                                &mut conflict.choice,
                                Choice::TakeFile,
                                "Take the file's",
                            );
                        });
                    }
                });
        }
        ui.add_space(style::space::M_PLUS);
        let nothing = pending.plan.new.is_empty() && pending.plan.conflicts.is_empty();
        ui.horizontal(|ui| {
            if nothing {
                ui.label("This file has nothing that is not here already.");
                if ui.button("Close").clicked() {
                    close = true;
                }
            } else {
                if ui.button(RichText::new("Import").strong()).clicked() {
                    go = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            }
        });
        ui.weak("Before importing, PartnerPath backs up this file (File > Restore from backup…).");
    });
    (go, close || modal.should_close())
}
