//! File > Recently deleted…: what was deleted in the last 30 days, each
//! with a button that puts it back.

use egui::{RichText, Ui};

use crate::model::{Deleted, DeletedKind, KEPT_FOR_DAYS};
use crate::ui::action::{Action, Actions};
use crate::ui::kit::{style, widgets};
use crate::ui::view::{Dialog, DialogContext};

/// The deleted records, read when the window opens.
pub struct RecentlyDeleted {
    pub items: Vec<Deleted>,
}

impl Dialog for RecentlyDeleted {
    fn name(&self) -> &'static str {
        "recently deleted"
    }

    fn title(&self) -> String {
        "Recently deleted".to_owned()
    }

    fn show(&mut self, ui: &mut Ui, _: &DialogContext<'_>, actions: &mut Actions) -> bool {
        let open = show(ui, self);
        if let Some(item) = &open.1 {
            actions.push(Action::RestoreDeleted(item.clone()));
        }
        open.0
    }
}

/// Shows the window; returns whether it stays open and what the user chose
/// to restore.
fn show(ui: &mut Ui, state: &mut RecentlyDeleted) -> (bool, Option<Deleted>) {
    let mut restore = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique(state.name())).show(ui.ctx(), |ui| {
        ui.set_width(style::width::DIALOG_LIST);
        ui.heading(state.title());
        ui.label(format!(
            "Deleted partnerships, continuum cycles, readiness rounds, meetings and worksheets stay here for {KEPT_FOR_DAYS} days, then are removed for good."
        ));
        ui.add_space(style::space::M);
        if state.items.is_empty() {
            ui.weak(format!("Nothing was deleted in the last {KEPT_FOR_DAYS} days."));
        } else {
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.6)
                .show(ui, |ui| {
                    for item in &state.items {
                        ui.separator();
                        ui.horizontal(|ui| {
                            widgets::column(ui, style::width::LIST_WHAT, |ui| {
                                ui.label(RichText::new(&item.name).strong());
                                if item.kind == DeletedKind::Partnership {
                                    ui.weak(item.kind.label());
                                } else {
                                    ui.weak(format!(
                                        "{} of {}",
                                        item.kind.label(),
                                        item.partnership
                                    ));
                                }
                            });
                            widgets::column(ui, style::width::LIST_WHEN, |ui| {
                                ui.label(format!("Deleted {}", widgets::moment(item.deleted_at)));
                                ui.weak(format!(
                                    "Can be restored until {}",
                                    widgets::moment(item.kept_until())
                                ));
                            });
                            if ui
                                .button("Restore")
                                .on_hover_text("Put it back where it was")
                                .accessible_name(format!("Restore {}", item.name))
                                .clicked()
                            {
                                restore = Some(item.clone());
                            }
                        });
                    }
                });
        }
        ui.add_space(style::space::M_PLUS);
        if ui.button("Close").clicked() {
            close = true;
        }
    });
    if let Some(item) = &restore {
        state.items.retain(|i| i != item);
    }
    (!(close || modal.should_close()), restore)
}
