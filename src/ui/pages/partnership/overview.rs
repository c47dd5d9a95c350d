//! The partnership's own page: its details, saved as they are typed, and
//! its people, with the question asked before one is removed.

use egui::{Id, RichText, Ui};
use jiff::civil::Date;

use crate::model::{Command, NewPerson, PartnershipView, PersonId, Side};
use crate::ui::action::Actions;
use crate::ui::kit::{self, style, widgets};
use crate::ui::nav::ScreenContext;
use crate::ui::pages::partnerships::kind_choice;
use crate::ui::view::PageView;

/// The person being added, and the one the user asked to remove.
pub struct OverviewPage {
    new_person: NewPerson,
    removing_person: Option<PersonId>,
}

impl Default for OverviewPage {
    fn default() -> Self {
        OverviewPage {
            new_person: NewPerson {
                name: String::new(),
                side: Side::District,
                role: String::new(),
            },
            removing_person: None,
        }
    }
}

/// The partnership's own page: its details and its people.
impl PageView for OverviewPage {
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        let ScreenContext { view, today, .. } = *cx;
        ui.heading(&view.partnership.name);
        ui.add_space(style::space::M);
        egui::ScrollArea::vertical()
            .id_salt(("partnership scroll", view.partnership.id))
            .show(ui, |ui| {
                // Side by side where both fit (the people's table needs about
                // 620 points), else the people under the details.
                if ui.available_width() >= 1300.0 {
                    ui.columns(2, |columns| {
                        details(&mut columns[0], view, actions, today);
                        people(&mut columns[1], self, view, actions);
                    });
                } else {
                    details(ui, view, actions, today);
                    ui.add_space(style::space::XL);
                    people(ui, self, view, actions);
                }
            });
        remove_person_dialog(ui, self, view, actions);
    }
}

fn details(ui: &mut Ui, view: &PartnershipView, actions: &mut Actions, today: Date) {
    let p = &view.partnership;
    ui.label(
        RichText::new("Details")
            .heading()
            .size(style::size::SECTION),
    );
    ui.weak("Changes are saved as you type.");
    ui.add_space(style::space::XS);
    let width = (ui.available_width() - 180.0).max(200.0);
    egui::Grid::new("partnership details")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label("Name");
            let id = Id::unique(("partnership name", p.id));
            if let Some(name) = widgets::required_text(ui, id, &p.name, "Partnership name", width) {
                let mut changed = p.clone();
                changed.name = name;
                actions.edit(Command::UpdatePartnership(changed));
            }
            ui.end_row();
            ui.label("District");
            if let Some(text) = widgets::text(ui, &p.district, "District", width) {
                let mut changed = p.clone();
                changed.district = text;
                actions.edit(Command::UpdatePartnership(changed));
            }
            ui.end_row();
            ui.label("Partner organisation");
            if let Some(text) =
                widgets::text(ui, &p.partner_organisation, "Partner organisation", width)
            {
                let mut changed = p.clone();
                changed.partner_organisation = text;
                actions.edit(Command::UpdatePartnership(changed));
            }
            ui.end_row();
            ui.label("Kind of partner");
            let mut kind = p.partner_kind;
            if kind_choice(ui, "partner kind", &mut kind) {
                let mut changed = p.clone();
                changed.partner_kind = kind;
                actions.edit(Command::UpdatePartnership(changed));
            }
            ui.end_row();
            ui.label("Start date");
            if let Some(date) =
                widgets::optional_date(ui, "start date", p.start_date, "Start date", today)
            {
                let mut changed = p.clone();
                changed.start_date = date;
                actions.edit(Command::UpdatePartnership(changed));
            }
            ui.end_row();
            ui.label("Notes");
            if let Some(text) = widgets::long_text(
                ui,
                Id::unique(("notes", p.id)),
                &p.notes,
                "Notes",
                "",
                3,
                true,
            ) {
                let mut changed = p.clone();
                changed.notes = text;
                actions.edit(Command::UpdatePartnership(changed));
            }
            ui.end_row();
        });
}

fn side_choice(ui: &mut Ui, id_salt: impl egui::AsIdSalt, side: &mut Side, name: &str) -> bool {
    let mut changed = false;
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(side.label())
        .width(style::width::SIDE)
        .show_ui(ui, |ui| {
            for option in Side::ALL {
                changed |= ui.selectable_value(side, option, option.label()).changed();
            }
        })
        .response
        .accessible_name(name);
    changed
}

fn people(ui: &mut Ui, state: &mut OverviewPage, view: &PartnershipView, actions: &mut Actions) {
    ui.label(RichText::new("People").heading().size(style::size::SECTION));
    ui.weak("Everyone who takes part in rating, with the side they speak for.");
    ui.add_space(style::space::XS);
    // The role takes what the row has left, so "Director of Human
    // Resources" is not cut while half the row is empty.
    let role_width = (ui.available_width()
        - style::width::OWNER
        - style::width::SIDE
        - style::width::PERSON_ROW_REST)
        .clamp(style::width::ROLE_LEAST, style::width::ROLE_MOST);
    egui::Grid::new("people")
        .num_columns(4)
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.strong("Name");
            ui.strong("Side");
            ui.strong("Role");
            ui.end_row();
            for person in &view.people {
                let id = Id::unique(("person name", person.id));
                let label = format!("Name of {}", person.name);
                if let Some(name) =
                    widgets::required_text(ui, id, &person.name, &label, style::width::OWNER)
                {
                    let mut changed = person.clone();
                    changed.name = name;
                    actions.edit(Command::UpdatePerson(changed));
                }
                let mut side = person.side;
                let label = format!("Side of {}", person.name);
                if side_choice(ui, ("side", person.id), &mut side, &label) {
                    let mut changed = person.clone();
                    changed.side = side;
                    actions.edit(Command::UpdatePerson(changed));
                }
                let label = format!("Role of {}", person.name);
                if let Some(role) = widgets::text(ui, &person.role, &label, role_width) {
                    let mut changed = person.clone();
                    changed.role = role;
                    actions.edit(Command::UpdatePerson(changed));
                }
                if ui
                    .button("Remove…")
                    .accessible_name(format!("Remove {}", person.name))
                    .clicked()
                {
                    state.removing_person = Some(person.id);
                }
                ui.end_row();
            }
            let new = &mut state.new_person;
            let height = ui.spacing().interact_size.y;
            ui.add_sized(
                [style::width::OWNER, height],
                egui::TextEdit::singleline(&mut new.name).hint_text("Name"),
            )
            .accessible_name("New person's name");
            side_choice(ui, "new side", &mut new.side, "New person's side");
            ui.add_sized(
                [role_width, height],
                egui::TextEdit::singleline(&mut new.role).hint_text("Role, e.g. Principal"),
            )
            .accessible_name("New person's role");
            let ready = !new.name.trim().is_empty();
            if ui
                .add_enabled(
                    ready && kit::may_edit(ui),
                    egui::Button::new("+ Add person"),
                )
                .clicked()
            {
                actions.edit(Command::AddPerson(view.partnership.id, new.clone()));
                new.name.clear();
                new.role.clear();
            }
            ui.end_row();
        });
}

fn remove_person_dialog(
    ui: &mut Ui,
    state: &mut OverviewPage,
    view: &PartnershipView,
    actions: &mut Actions,
) {
    let asked = widgets::ask_first(ui, &mut state.removing_person, |id| {
        let person = view.person(id)?;
        let ratings = view.filled_ratings_by(id);
        let body = if ratings == 0 {
            format!("{} has no ratings in this partnership.", person.name)
        } else {
            format!(
                "This also deletes the {} {} gave. Edit > Undo (Ctrl+Z) brings it back.",
                widgets::count(ratings, "rating", "ratings"),
                person.name
            )
        };
        let title = format!("Remove {}?", person.name);
        Some(widgets::Question {
            title,
            body,
            confirm: "Remove",
        })
    });
    if let Some(id) = asked {
        actions.edit(Command::DeletePerson(id));
    }
}
