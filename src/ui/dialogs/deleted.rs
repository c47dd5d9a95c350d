//! File > Recently deleted…: what was deleted in the last 30 days, each
//! with a button that puts it back.

use egui::{RichText, Ui};

use super::{style, widgets};
use crate::model::{Deleted, DeletedKind, KEPT_FOR_DAYS};

#[derive(Default)]
pub struct State {
    open: bool,
    items: Vec<Deleted>,
}

impl State {
    /// Opens the window on `items` (read when it opens).
    pub fn open(&mut self, items: Vec<Deleted>) {
        self.items = items;
        self.open = true;
    }
}

/// Shows the window while open; returns what the user chose to restore.
pub fn show(ui: &mut Ui, state: &mut State) -> Option<Deleted> {
    if !state.open {
        return None;
    }
    let mut restore = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("recently deleted")).show(ui.ctx(), |ui| {
        ui.set_width(style::width::DIALOG_LIST);
        ui.heading("Recently deleted");
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
    if close || modal.should_close() {
        state.open = false;
    }
    restore
}
