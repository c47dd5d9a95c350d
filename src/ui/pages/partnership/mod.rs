//! One partnership: the side panel that leads to each of its parts, its
//! details and people, its cycles, and its readiness rounds and agreements
//! (in the submodules).

mod agreements;
mod readiness_rounds;

use egui::{Id, RichText, Ui};
use jiff::civil::Date;

use super::nav::{Page, Requests, SECTIONS, Screen, ScreenContext};
use super::partnerships::kind_choice;
use super::style;
use super::widgets;
use crate::instrument::{Continuum, Phase};
use crate::model::{
    Command, CycleId, CycleStatus, NewCycle, NewPerson, PartnershipView, PersonId, Rater,
    ReadinessRoundId, SchoolYear, Side, long_date,
};

pub struct State {
    new_person: NewPerson,
    new_cycle_year: Option<SchoolYear>,
    new_cycle_date: Option<Date>,
    removing_person: Option<PersonId>,
    deleting_cycle: Option<CycleId>,
    new_round_title: String,
    new_round_date: Option<Date>,
    deleting_round: Option<ReadinessRoundId>,
}

impl Default for State {
    fn default() -> Self {
        State {
            new_person: NewPerson {
                name: String::new(),
                side: Side::District,
                role: String::new(),
            },
            new_cycle_year: None,
            new_cycle_date: None,
            removing_person: None,
            deleting_cycle: None,
            new_round_title: String::new(),
            new_round_date: None,
            deleting_round: None,
        }
    }
}

/// The side panel of every page of a partnership: its name, the way back
/// to the list, and one entry per part of the partnership.
pub fn side_panel(ui: &mut Ui, page: Page, cx: &ScreenContext<'_>, requests: &mut Requests) {
    let view = cx.view;
    if ui.button("‹ All partnerships").clicked() {
        requests.navigate = Some(Screen::Partnerships);
    }
    ui.add_space(style::space::S);
    ui.add(egui::Label::new(RichText::new(&view.partnership.name).strong()).wrap());
    if view.partnership.archived {
        ui.label(RichText::new("Archived").italics());
    }
    ui.add_space(style::space::S);
    let here = page.section(view, cx.instruments);
    ui.with_layout(egui::Layout::top_down_justified(egui::Align::Min), |ui| {
        for (label, target) in SECTIONS {
            if target == Page::Phase(Phase::Prepare) {
                ui.add_space(style::space::M);
                ui.weak("Guidebook worksheets");
            }
            let button = egui::Button::selectable(here == target, label)
                .min_size(egui::vec2(0.0, style::height::NAV));
            if ui.add(button).clicked() && page != target {
                requests.go(view, target);
            }
        }
    });
}

/// In a narrow window (a large zoom), the side panel's entries as one row
/// at the top: the way back, the partnership's name and a drop-down of its
/// parts.
pub fn top_row(ui: &mut Ui, page: Page, cx: &ScreenContext<'_>, requests: &mut Requests) {
    let view = cx.view;
    let here = page.section(view, cx.instruments);
    ui.horizontal_wrapped(|ui| {
        if ui.button("‹ All partnerships").clicked() {
            requests.navigate = Some(Screen::Partnerships);
        }
        ui.label(RichText::new(&view.partnership.name).strong());
        let shown = SECTIONS
            .iter()
            .find(|(_, target)| *target == here)
            .map_or("Overview", |(label, _)| label);
        egui::ComboBox::from_id_salt("partnership part")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (label, target) in SECTIONS {
                    if ui.selectable_label(here == target, label).clicked() && page != target {
                        requests.go(view, target);
                    }
                }
            })
            .response
            .accessible_name("Part of the partnership");
    });
}

/// The partnership's own page: its details and its people.
pub fn show(ui: &mut Ui, state: &mut State, cx: &ScreenContext<'_>, requests: &mut Requests) {
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
                    details(&mut columns[0], view, requests, today);
                    people(&mut columns[1], state, view, requests);
                });
            } else {
                details(ui, view, requests, today);
                ui.add_space(style::space::XL);
                people(ui, state, view, requests);
            }
        });
    remove_person_dialog(ui, state, view, requests);
}

/// The continuum cycles: one per sitting, with a new one started below.
pub fn cycles_page(
    ui: &mut Ui,
    state: &mut State,
    cx: &ScreenContext<'_>,
    requests: &mut Requests,
) {
    let ScreenContext {
        view,
        instruments,
        today,
    } = *cx;
    egui::ScrollArea::vertical()
        .id_salt(("cycles scroll", view.partnership.id))
        .show(ui, |ui| {
            cycles(ui, state, view, instruments.continuum, requests, today);
        });
    delete_cycle_dialog(ui, state, view, requests);
}

/// The readiness rounds.
pub fn rounds_page(
    ui: &mut Ui,
    state: &mut State,
    cx: &ScreenContext<'_>,
    requests: &mut Requests,
) {
    let ScreenContext {
        view,
        instruments,
        today,
    } = *cx;
    egui::ScrollArea::vertical()
        .id_salt(("rounds scroll", view.partnership.id))
        .show(ui, |ui| {
            readiness_rounds::readiness_rounds(ui, state, view, instruments, requests, today);
        });
    readiness_rounds::delete_round_dialog(ui, state, view, requests);
}

/// The Contract Supplement, the quarterly meetings, and how the monitoring
/// plan and the action steps stand.
pub fn agreements_page(ui: &mut Ui, cx: &ScreenContext<'_>, requests: &mut Requests) {
    let ScreenContext {
        view,
        instruments,
        today,
    } = *cx;
    egui::ScrollArea::vertical()
        .id_salt(("agreements scroll", view.partnership.id))
        .show(ui, |ui| {
            agreements::agreements(ui, view, instruments, requests, today);
        });
}

fn details(ui: &mut Ui, view: &PartnershipView, requests: &mut Requests, today: Date) {
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
                requests.commands.push(Command::UpdatePartnership(changed));
            }
            ui.end_row();
            ui.label("District");
            if let Some(text) = widgets::text(ui, &p.district, "District", width) {
                let mut changed = p.clone();
                changed.district = text;
                requests.commands.push(Command::UpdatePartnership(changed));
            }
            ui.end_row();
            ui.label("Partner organisation");
            if let Some(text) =
                widgets::text(ui, &p.partner_organisation, "Partner organisation", width)
            {
                let mut changed = p.clone();
                changed.partner_organisation = text;
                requests.commands.push(Command::UpdatePartnership(changed));
            }
            ui.end_row();
            ui.label("Kind of partner");
            let mut kind = p.partner_kind;
            if kind_choice(ui, "partner kind", &mut kind) {
                let mut changed = p.clone();
                changed.partner_kind = kind;
                requests.commands.push(Command::UpdatePartnership(changed));
            }
            ui.end_row();
            ui.label("Start date");
            if let Some(date) =
                widgets::optional_date(ui, "start date", p.start_date, "Start date", today)
            {
                let mut changed = p.clone();
                changed.start_date = date;
                requests.commands.push(Command::UpdatePartnership(changed));
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
                requests.commands.push(Command::UpdatePartnership(changed));
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

fn people(ui: &mut Ui, state: &mut State, view: &PartnershipView, requests: &mut Requests) {
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
                    requests.commands.push(Command::UpdatePerson(changed));
                }
                let mut side = person.side;
                let label = format!("Side of {}", person.name);
                if side_choice(ui, ("side", person.id), &mut side, &label) {
                    let mut changed = person.clone();
                    changed.side = side;
                    requests.commands.push(Command::UpdatePerson(changed));
                }
                let label = format!("Role of {}", person.name);
                if let Some(role) = widgets::text(ui, &person.role, &label, role_width) {
                    let mut changed = person.clone();
                    changed.role = role;
                    requests.commands.push(Command::UpdatePerson(changed));
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
                .add_enabled(ready, egui::Button::new("+ Add person"))
                .clicked()
            {
                requests
                    .commands
                    .push(Command::AddPerson(view.partnership.id, new.clone()));
                new.name.clear();
                new.role.clear();
            }
            ui.end_row();
        });
}

#[expect(
    clippy::too_many_lines,
    reason = "the cycles page: one row per cycle with its actions, and the form for a new one"
)]
fn cycles(
    ui: &mut Ui,
    state: &mut State,
    view: &PartnershipView,
    continuum: &Continuum,
    requests: &mut Requests,
    today: Date,
) {
    ui.label(
        RichText::new("Continuum cycles")
            .heading()
            .size(style::size::SECTION),
    );
    ui.weak(format!(
        "Each cycle is one sitting of the {} for a school year.",
        continuum.short_title
    ));
    ui.add_space(style::space::XS);
    let keys: Vec<&str> = continuum.indicators().map(|i| i.key.as_str()).collect();
    let total = continuum.indicator_count();
    if view.cycles.is_empty() {
        ui.label("No cycles yet. Start one for this school year below.");
    } else {
        egui::Grid::new("cycles")
            .num_columns(5)
            .striped(true)
            .spacing([16.0, 8.0])
            .show(ui, |ui| {
                ui.strong("School year");
                ui.strong("Date");
                ui.strong("Team rating");
                ui.strong("Status");
                ui.end_row();
                for cycle in view.cycles.iter().rev() {
                    if ui
                        .link(RichText::new(&cycle.school_year).strong())
                        .on_hover_text("Open the continuum for this cycle")
                        .clicked()
                    {
                        requests.go(view, Page::Continuum(cycle.id));
                    }
                    ui.label(long_date(cycle.administered_on));
                    let rated = view.rated_count(cycle.id, Rater::Consensus, keys.iter().copied());
                    ui.label(format!("{rated} of {total} indicators rated"));
                    ui.label(cycle.status.label());
                    ui.horizontal(|ui| {
                        if ui
                            .button("Open continuum")
                            .accessible_name(format!("Open continuum {}", cycle.school_year))
                            .clicked()
                        {
                            requests.go(view, Page::Continuum(cycle.id));
                        }
                        let (label, status) = match cycle.status {
                            CycleStatus::Draft => ("Mark final", CycleStatus::Final),
                            CycleStatus::Final => ("Reopen for editing", CycleStatus::Draft),
                        };
                        if ui
                            .button(label)
                            .accessible_name(format!("{label} {}", cycle.school_year))
                            .clicked()
                        {
                            requests
                                .commands
                                .push(Command::SetCycleStatus(cycle.id, status));
                        }
                        if ui
                            .button("Delete…")
                            .accessible_name(format!("Delete cycle {}", cycle.school_year))
                            .clicked()
                        {
                            state.deleting_cycle = Some(cycle.id);
                        }
                    });
                    ui.end_row();
                }
            });
    }
    ui.add_space(style::space::M);
    let year = state
        .new_cycle_year
        .get_or_insert_with(|| SchoolYear::containing(today));
    let date = state.new_cycle_date.get_or_insert(today);
    ui.horizontal(|ui| {
        ui.label("New cycle for school year");
        egui::ComboBox::from_id_salt("new cycle year")
            .selected_text(year.label())
            .show_ui(ui, |ui| {
                for choice in SchoolYear::choices_around(today) {
                    ui.selectable_value(year, choice, choice.label());
                }
            })
            .response
            .accessible_name("School year");
        ui.label("held on");
        widgets::date_button(ui, "new cycle date", date, "Date of the cycle");
        if ui.button("+ Start cycle").clicked() {
            requests.commands.push(Command::CreateCycle(NewCycle {
                partnership_id: view.partnership.id,
                instrument_key: continuum.key.clone(),
                instrument_version: continuum.version.clone(),
                school_year: year.label(),
                administered_on: *date,
            }));
        }
    });
    if view.cycles.iter().any(|c| c.school_year == year.label()) {
        ui.weak(format!(
            "There is already a cycle for {}; a second one is fine if the team rates again that year.",
            year.label()
        ));
    }
}

fn remove_person_dialog(
    ui: &mut Ui,
    state: &mut State,
    view: &PartnershipView,
    requests: &mut Requests,
) {
    let asked = widgets::ask_first(ui, &mut state.removing_person, |id| {
        let person = view.person(id)?;
        let ratings = view.filled_ratings_by(id);
        let body = if ratings == 0 {
            format!("{} has no ratings in this partnership.", person.name)
        } else {
            format!(
                "This also deletes the {} {} gave. It cannot be undone.",
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
        requests.commands.push(Command::DeletePerson(id));
    }
}

fn delete_cycle_dialog(
    ui: &mut Ui,
    state: &mut State,
    view: &PartnershipView,
    requests: &mut Requests,
) {
    let asked = widgets::ask_first(ui, &mut state.deleting_cycle, |id| {
        let cycle = view.cycle(id)?;
        let ratings = view.filled_ratings_in_cycle(id);
        let body = format!(
            "This deletes the {} cycle with its {} (levels, evidence and next steps). For 30 days it can be restored from File > Recently deleted…; after that it is gone for good.",
            cycle.school_year,
            widgets::count(ratings, "filled rating", "filled ratings"),
        );
        let title = format!("Delete the {} cycle?", cycle.school_year);
        Some(widgets::Question {
            title,
            body,
            confirm: "Delete",
        })
    });
    if let Some(id) = asked {
        requests.commands.push(Command::DeleteCycle(id));
    }
}
