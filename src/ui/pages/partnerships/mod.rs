//! The list of partnerships, as a portfolio (`portfolio.rs`) or as what
//! is due across them (`due.rs`): create, rename, archive, delete, open.

mod due;
mod portfolio;

use egui::{RichText, Ui};

use jiff::civil::Date;

use crate::instrument::Instruments;
use crate::model::{
    Command, NewPartnership, PartnerKind, Partnership, PartnershipId, PartnershipSummary,
};
use crate::session::Session;
use crate::ui::action::{Action, Actions};
use crate::ui::kit::{style, widgets};
use crate::ui::pages::welcome::{self, Start};

/// The list's search, filters and sort, and the dialog or question open
/// over it. The one screen that is not a page of a partnership.
#[derive(Default)]
pub struct PartnershipsList {
    creating: Option<NewPartnership>,
    renaming: Option<Partnership>,
    deleting: Option<PartnershipId>,
    portfolio: portfolio::State,
    showing: Showing,
    due: due::State,
}

/// Which of the list's two views shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Showing {
    #[default]
    Portfolio,
    DueSoon,
}

impl PartnershipsList {
    /// The portfolio's lines the list shows, in its order (as of the last
    /// frame that drew it).
    pub fn shown(&self) -> Vec<crate::model::portfolio::PortfolioRow> {
        self.portfolio.shown().into_iter().cloned().collect()
    }

    /// Whether the list shows any line (as of the last frame that drew it).
    pub fn shows_any(&self) -> bool {
        !self.portfolio.shown().is_empty()
    }

    /// Puts the keyboard in the search field.
    pub fn focus_search(&mut self) {
        self.portfolio.focus_search = true;
    }

    /// Draws the list of the file `session` has open; what the user asks
    /// for goes into `actions`.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        (instruments, today): (Instruments, Date),
        actions: &mut Actions,
    ) {
        let summaries = session.summaries();
        ui.horizontal(|ui| {
            ui.heading("Partnerships");
            ui.add_space(style::space::XL);
            if widgets::edit_button(ui, "+ New partnership").clicked() {
                self.creating = Some(NewPartnership::default());
            }
        });
        ui.add_space(style::space::S);
        if summaries.is_empty() {
            let start = welcome::show(
                ui,
                "Welcome to PartnerPath",
                "This file has no partnerships yet. Everything you add is saved in it as you go.",
            );
            match start {
                Some(Start::CreatePartnership) => self.creating = Some(NewPartnership::default()),
                Some(Start::OpenFile) => actions.push(Action::Open),
                Some(Start::ExploreSample) => actions.push(Action::OpenSample),
                None => {}
            }
        } else {
            self.portfolio.refresh(session, instruments, today);
            self.due.refresh(session, instruments, today);
            self.switch(ui);
            ui.add_space(style::space::S);
            match self.showing {
                Showing::Portfolio => self.lines(ui, summaries, (instruments, today), actions),
                Showing::DueSoon => due::show(ui, &mut self.due, today, actions),
            }
        }
        create_dialog(ui, self, actions);
        rename_dialog(ui, self, actions);
        delete_dialog(ui, self, summaries, actions);
    }

    /// The portfolio, or what is due.
    fn switch(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.showing, Showing::Portfolio, "Portfolio")
                .on_hover_text(
                    "Each partnership on a line: its averages, actions and what needs attention",
                );
            let overdue = self.due.overdue();
            let due = if overdue > 0 {
                format!("Due soon ({overdue} overdue)")
            } else {
                "Due soon".to_owned()
            };
            let response = ui
                .selectable_value(&mut self.showing, Showing::DueSoon, due)
                .on_hover_text("What is overdue or falls due soon, across every partnership")
                .accessible_name("Due soon");
            if response.clicked() {
                self.due.only = None;
            }
        });
    }

    /// The search and filters, and the lines they show.
    fn lines(
        &mut self,
        ui: &mut Ui,
        summaries: &[PartnershipSummary],
        (instruments, today): (Instruments, Date),
        actions: &mut Actions,
    ) {
        let archived = summaries.iter().filter(|s| s.partnership.archived).count();
        let print = portfolio::controls(ui, &mut self.portfolio, archived);
        let shown = self.portfolio.shown();
        ui.weak(format!(
            "Showing {} of {}. Averages are the newest cycle's, rounded half up, with the change since the cycle before.",
            shown.len(),
            self.portfolio.rows().len()
        ));
        ui.add_space(style::space::XS);
        let categories: Vec<String> = instruments
            .continuum
            .categories
            .iter()
            .map(|c| c.name.clone())
            .collect();
        let choice = portfolio::table(ui, &shown, &categories, today, actions);
        if print {
            let summary = crate::print::portfolio(
                instruments.continuum,
                &shown,
                summaries.len(),
                &self.portfolio.filter,
                today,
            );
            actions.push(Action::PrintSummary(Box::new(summary)));
        }
        match choice {
            Some(portfolio::Manage::Rename(id)) => {
                self.renaming = summaries
                    .iter()
                    .find(|s| s.partnership.id == id)
                    .map(|s| s.partnership.clone());
            }
            Some(portfolio::Manage::Delete(id)) => self.deleting = Some(id),
            Some(portfolio::Manage::ShowDue(id)) => {
                self.showing = Showing::DueSoon;
                self.due.only = Some(id);
            }
            None => {}
        }
    }
}

fn create_dialog(ui: &mut Ui, state: &mut PartnershipsList, actions: &mut Actions) {
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
                actions.edit(Command::CreatePartnership(new.clone()));
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

fn rename_dialog(ui: &mut Ui, state: &mut PartnershipsList, actions: &mut Actions) {
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
                actions.edit(Command::UpdatePartnership(partnership.clone()));
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
    state: &mut PartnershipsList,
    summaries: &[PartnershipSummary],
    actions: &mut Actions,
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
        actions.edit(Command::DeletePartnership(id));
    }
}
