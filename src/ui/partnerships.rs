//! The list of partnerships: create, rename, archive, delete, open.

use egui::{RichText, Ui};

use super::nav::{Page, Requests, Screen};
use super::style;
use super::welcome::{self, Start};
use super::widgets;
use crate::model::{
    Command, NewPartnership, PartnerKind, Partnership, PartnershipId, PartnershipSummary,
};
use crate::session::Session;

#[derive(Default)]
pub struct State {
    show_archived: bool,
    creating: Option<NewPartnership>,
    renaming: Option<Partnership>,
    deleting: Option<PartnershipId>,
}

pub fn show(ui: &mut Ui, state: &mut State, session: &Session, requests: &mut Requests) {
    let summaries = session.summaries();
    let archived = summaries.iter().filter(|s| s.partnership.archived).count();
    ui.horizontal(|ui| {
        ui.heading("Partnerships");
        ui.add_space(style::space::XL);
        if ui.button("+ New partnership").clicked() {
            state.creating = Some(NewPartnership::default());
        }
        if archived > 0 {
            ui.checkbox(
                &mut state.show_archived,
                format!("Show archived ({archived})"),
            );
        }
    });
    ui.add_space(style::space::M);

    if summaries.is_empty() {
        let start = welcome::show(
            ui,
            "Welcome to PartnerPath",
            "This file has no partnerships yet. Everything you add is saved in it as you go.",
        );
        match start {
            Some(Start::CreatePartnership) => state.creating = Some(NewPartnership::default()),
            Some(start) => requests.file = start.file_request(),
            None => {}
        }
    } else {
        egui::ScrollArea::vertical()
            .id_salt("partnerships scroll")
            .show(ui, |ui| {
                list(ui, state, summaries, requests);
            });
    }

    create_dialog(ui, state, requests);
    rename_dialog(ui, state, requests);
    delete_dialog(ui, state, summaries, requests);
}

/// A block of fixed width in a row, its contents stacked.
fn block(ui: &mut Ui, width: f32, contents: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, 0.0),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_width(width);
            contents(ui);
        },
    );
}

fn list(ui: &mut Ui, state: &mut State, summaries: &[PartnershipSummary], requests: &mut Requests) {
    let width = ui.available_width();
    for summary in summaries {
        let p = &summary.partnership;
        if p.archived && !state.show_archived {
            continue;
        }
        egui::Frame::group(ui.style())
            .inner_margin(egui::Margin::same(10))
            .show(ui, |ui| {
                ui.set_width(width - 24.0);
                ui.horizontal_top(|ui| {
                    block(ui, 420.0, |ui| {
                        let mut name = RichText::new(&p.name).strong().size(style::size::TITLE);
                        if p.archived {
                            name = name.weak();
                        }
                        if ui
                            .link(name)
                            .on_hover_text("Open this partnership")
                            .clicked()
                        {
                            requests.navigate = Some(Screen::In(p.id, Page::Overview));
                        }
                        let mut tags = vec![p.partner_kind.label().to_owned()];
                        if p.archived {
                            tags.push("archived".to_owned());
                        }
                        if p.is_sample {
                            tags.push("sample data".to_owned());
                        }
                        ui.weak(tags.join(" · "));
                    });
                    block(ui, 300.0, |ui| {
                        ui.label(&p.district);
                        ui.label(&p.partner_organisation);
                    });
                    block(ui, 170.0, |ui| {
                        match &summary.latest_school_year {
                            Some(year) => ui.label(format!("Latest cycle {year}")),
                            None => ui.weak("No cycle yet"),
                        };
                        ui.weak(format!(
                            "{} · {}",
                            widgets::count(summary.cycles, "cycle", "cycles"),
                            widgets::count(summary.people, "person", "people")
                        ));
                    });
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        row_buttons(ui, state, p, requests);
                    });
                });
            });
        ui.add_space(style::space::XS);
    }
}

/// The actions of one partnership, laid out right to left.
fn row_buttons(ui: &mut Ui, state: &mut State, p: &Partnership, requests: &mut Requests) {
    if ui
        .button("Delete…")
        .accessible_name(format!("Delete {}", p.name))
        .clicked()
    {
        state.deleting = Some(p.id);
    }
    let (label, archive) = if p.archived {
        ("Restore", false)
    } else {
        ("Archive", true)
    };
    if ui
        .button(label)
        .accessible_name(format!("{label} {}", p.name))
        .on_hover_text(if archive {
            "Hide it from the list; nothing is deleted."
        } else {
            "Show it in the list again."
        })
        .clicked()
    {
        requests.commands.push(Command::SetArchived(p.id, archive));
    }
    if ui
        .button("Rename…")
        .accessible_name(format!("Rename {}", p.name))
        .clicked()
    {
        state.renaming = Some(p.clone());
    }
    if ui
        .button("Open")
        .accessible_name(format!("Open {}", p.name))
        .clicked()
    {
        requests.navigate = Some(Screen::In(p.id, Page::Overview));
    }
}

fn create_dialog(ui: &mut Ui, state: &mut State, requests: &mut Requests) {
    let Some(new) = state.creating.as_mut() else {
        return;
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("new partnership")).show(ui.ctx(), |ui| {
        ui.set_width(style::width::DIALOG_FORM);
        ui.heading("New partnership");
        ui.add_space(style::space::M);
        egui::Grid::new("new partnership fields")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                ui.label("Name");
                let name = ui
                    .add(
                        egui::TextEdit::singleline(&mut new.name)
                            .hint_text("e.g. Riverbend USD & Lakeshore University")
                            .desired_width(style::width::PARTNERSHIP_FIELD),
                    )
                    .accessible_name("Partnership name");
                if ui.memory(|m| m.focused().is_none()) {
                    name.request_focus();
                }
                ui.end_row();
                ui.label("District");
                ui.add(
                    egui::TextEdit::singleline(&mut new.district)
                        .desired_width(style::width::PARTNERSHIP_FIELD),
                )
                .accessible_name("District");
                ui.end_row();
                ui.label("Partner organisation");
                ui.add(
                    egui::TextEdit::singleline(&mut new.partner_organisation)
                        .desired_width(style::width::PARTNERSHIP_FIELD),
                )
                .accessible_name("Partner organisation");
                ui.end_row();
                ui.label("Kind of partner");
                kind_choice(ui, "new partner kind", &mut new.partner_kind);
                ui.end_row();
            });
        ui.add_space(style::space::L);
        ui.horizontal(|ui| {
            let ready = !new.name.trim().is_empty();
            if ui
                .add_enabled(
                    ready,
                    egui::Button::new(RichText::new("Create partnership").strong()),
                )
                .clicked()
            {
                requests
                    .commands
                    .push(Command::CreatePartnership(new.clone()));
                close = true;
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
            if !ready {
                ui.weak("Give the partnership a name to create it.");
            }
        });
    });
    if close || modal.should_close() {
        state.creating = None;
    }
}

/// A drop-down of the kinds of partner organisation.
pub fn kind_choice(ui: &mut Ui, id_salt: &str, kind: &mut PartnerKind) -> bool {
    let mut changed = false;
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(kind.label())
        .width(style::width::PARTNERSHIP_FIELD)
        .show_ui(ui, |ui| {
            for option in PartnerKind::ALL {
                changed |= ui.selectable_value(kind, option, option.label()).changed();
            }
        })
        .response
        .accessible_name("Kind of partner");
    changed
}

fn rename_dialog(ui: &mut Ui, state: &mut State, requests: &mut Requests) {
    let Some(partnership) = state.renaming.as_mut() else {
        return;
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("rename partnership")).show(ui.ctx(), |ui| {
        ui.set_width(style::width::DIALOG_ONE_FIELD);
        ui.heading("Rename partnership");
        ui.add_space(style::space::M);
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut partnership.name)
                    .desired_width(style::width::RENAME_FIELD),
            )
            .accessible_name("New name");
        if ui.memory(|m| m.focused().is_none()) {
            response.request_focus();
        }
        ui.add_space(style::space::M);
        ui.horizontal(|ui| {
            let ready = !partnership.name.trim().is_empty();
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui
                .add_enabled(ready, egui::Button::new("Save name"))
                .clicked()
                || (ready && enter)
            {
                partnership.name = partnership.name.trim().to_string();
                requests
                    .commands
                    .push(Command::UpdatePartnership(partnership.clone()));
                close = true;
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        state.renaming = None;
    }
}

fn delete_dialog(
    ui: &mut Ui,
    state: &mut State,
    summaries: &[PartnershipSummary],
    requests: &mut Requests,
) {
    let asked = widgets::ask_first(ui, &mut state.deleting, |id| {
        let summary = summaries.iter().find(|s| s.partnership.id == id)?;
        let body = format!(
            "This deletes the partnership with {}, {} and {}. For 30 days it can be restored from File > Recently deleted…; after that it is gone for good. To keep it but hide it from the list, archive it instead.",
            widgets::count(summary.people, "person", "people"),
            widgets::count(summary.cycles, "cycle", "cycles"),
            widgets::count(summary.ratings, "filled rating", "filled ratings"),
        );
        let title = format!("Delete “{}”?", summary.partnership.name);
        Some(widgets::Question {
            title,
            body,
            confirm: "Delete",
        })
    });
    if let Some(id) = asked {
        requests.commands.push(Command::DeletePartnership(id));
    }
}
