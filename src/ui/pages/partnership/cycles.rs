//! The partnership's continuum cycles: one per sitting, each opened, marked
//! final or deleted (after a question), each with the version of the
//! continuum it was rated with, and a new one started below with the
//! version chosen (the partnership's usual one unless another is).

use egui::{RichText, Ui};
use jiff::civil::Date;

use crate::instrument::{Continuum, Instruments};
use crate::model::{
    AdaptationId, Command, CycleFields, CycleId, CycleStatus, NewCycle, PartnershipId,
    PartnershipView, Rater, SchoolYear, Versions, continuum_for, long_date,
};
use crate::ui::action::Actions;
use crate::ui::kit::{style, widgets};
use crate::ui::nav::{Page, ScreenContext};
use crate::ui::view::PageView;

/// The cycle being started, and the one the user asked to delete.
#[derive(Default)]
pub struct CyclesPage {
    new_cycle_year: Option<SchoolYear>,
    new_cycle_date: Option<Date>,
    /// The continuum chosen for a new cycle of this partnership (its key
    /// and version); the partnership's usual one when none is chosen.
    new_cycle_tool: Option<(PartnershipId, String, String)>,
    deleting_cycle: Option<CycleId>,
    /// The adaptation the user asked to delete.
    deleting_adaptation: Option<AdaptationId>,
}

/// The continuum cycles: one per sitting, with a new one started below.
impl PageView for CyclesPage {
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        let ScreenContext {
            view,
            instruments,
            today,
            ..
        } = *cx;
        egui::ScrollArea::vertical()
            .id_salt(("cycles scroll", view.partnership.id))
            .show(ui, |ui| {
                cycles(ui, self, view, instruments, actions, today);
            });
        delete_cycle_dialog(ui, self, view, actions);
        delete_adaptation_dialog(ui, self, view, actions);
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "the cycles page: one row per cycle with its actions, and the form for a new one"
)]
fn cycles(
    ui: &mut Ui,
    state: &mut CyclesPage,
    view: &PartnershipView,
    instruments: Instruments,
    actions: &mut Actions,
    today: Date,
) {
    let usual = Versions::usual(view, &instruments);
    ui.label(
        RichText::new("Continuum cycles")
            .heading()
            .size(style::size::SECTION),
    );
    ui.weak("Each cycle is one sitting of a continuum rubric for a school year.");
    ui.add_space(style::space::XS);
    if view.cycles.is_empty() {
        ui.label("No cycles yet. Start one for this school year below.");
    } else {
        egui::Grid::new("cycles")
            .num_columns(6)
            .striped(true)
            .spacing([16.0, 8.0])
            .show(ui, |ui| {
                ui.strong("School year");
                ui.strong("Date");
                ui.strong("Rated with");
                ui.strong("Team rating");
                ui.strong("Status");
                ui.end_row();
                for cycle in view.cycles.iter().rev() {
                    let continuum = continuum_for(&instruments, view, cycle);
                    let keys: Vec<&str> = continuum.indicators().map(|i| i.key.as_str()).collect();
                    let total = continuum.indicator_count();
                    if ui
                        .link(RichText::new(&cycle.school_year).strong())
                        .on_hover_text("Open the continuum for this cycle")
                        .clicked()
                    {
                        actions.go(view, Page::Continuum(cycle.id));
                    }
                    ui.label(long_date(cycle.administered_on));
                    match view.continuum_of(
                        &instruments,
                        &cycle.instrument_key,
                        &cycle.instrument_version,
                    ) {
                        Some(continuum) => ui
                            .label(&continuum.short_title)
                            .on_hover_text(continuum.name_and_version()),
                        None => ui.label(format!(
                            "version {} (not in this copy of PartnerPath)",
                            cycle.instrument_version
                        )),
                    };
                    let rated = view.rated_count(cycle.id, Rater::Consensus, keys.iter().copied());
                    ui.label(format!("{rated} of {total} indicators rated"));
                    if cycle.hidden {
                        ui.label(format!("{}, hidden until revealed", cycle.status.label()))
                            .on_hover_text("Rate first, reveal together: each person's level is hidden until the team reveals them on the cycle's page");
                    } else {
                        ui.label(cycle.status.label());
                    }
                    ui.horizontal(|ui| {
                        if ui
                            .button("Open continuum")
                            .accessible_name(format!("Open continuum {}", cycle.school_year))
                            .clicked()
                        {
                            actions.go(view, Page::Continuum(cycle.id));
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
                            actions.edit(Command::SetCycleStatus(cycle.id, status));
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
    });
    let chosen = state
        .new_cycle_tool
        .as_ref()
        .filter(|(id, _, _)| *id == view.partnership.id)
        .and_then(|(_, key, version)| view.continuum_of(&instruments, key, version))
        .unwrap_or(usual);
    let continuum = tool_choice(ui, view, instruments, chosen, usual);
    if !continuum.is(chosen) {
        state.new_cycle_tool = Some((
            view.partnership.id,
            continuum.key.clone(),
            continuum.version.clone(),
        ));
    }
    ui.horizontal(|ui| {
        if widgets::edit_button(ui, "+ Start cycle").clicked() {
            actions.edit(Command::CreateCycle(NewCycle {
                partnership_id: view.partnership.id,
                fields: CycleFields {
                    status: CycleStatus::Draft,
                    hidden: false,
                    instrument_key: continuum.key.clone(),
                    instrument_version: continuum.version.clone(),
                    school_year: year.label(),
                    administered_on: *date,
                },
            }));
        }
    });
    if view.cycles.iter().any(|c| c.school_year == year.label()) {
        ui.weak(format!(
            "There is already a cycle for {}; a second one is fine if the team rates again that year.",
            year.label()
        ));
    }
    if view.rating_copy.is_none() {
        adaptations(
            ui,
            &mut state.deleting_adaptation,
            view,
            instruments,
            continuum,
            actions,
            today,
        );
    }
}

/// The partnership's own adaptations of the continuum, each opened to edit
/// its wording, and a new one made from the version chosen to rate with.
fn adaptations(
    ui: &mut Ui,
    deleting: &mut Option<AdaptationId>,
    view: &PartnershipView,
    instruments: Instruments,
    chosen: &Continuum,
    actions: &mut Actions,
    today: Date,
) {
    ui.add_space(style::space::L);
    ui.label(
        RichText::new("The partnership's own wording")
            .heading()
            .size(style::size::SECTION),
    );
    ui.label(
        "A partnership may adapt the continuum's criteria, probing questions and level texts to its own words, as the 2018 tool did, keeping its indicators and levels so that years stay comparable. A cycle keeps the words it was rated with: a change after that is saved as the adaptation's next version.",
    );
    ui.add_space(style::space::XS);
    for adaptation in view.newest_adaptations() {
        ui.horizontal_wrapped(|ui| {
            let changed = view
                .continuum_of(
                    &instruments,
                    &adaptation.based_on_key,
                    &adaptation.instrument_version(),
                )
                .and_then(|c| c.adapted.as_ref())
                .map_or(0, |a| a.changed.len());
            ui.label(RichText::new(&adaptation.name).strong());
            ui.label(match changed {
                0 => format!("version {}, as published so far", adaptation.number),
                n => format!(
                    "version {}, {} in its own words",
                    adaptation.number,
                    widgets::count(n, "indicator", "indicators")
                ),
            });
            if ui
                .button("Edit wording")
                .accessible_name(format!("Edit wording of {}", adaptation.name))
                .clicked()
            {
                actions.go(view, Page::Adaptation(adaptation.id));
            }
            if !view.is_adaptation_rated_with(adaptation.id)
                && ui
                    .button("Delete…")
                    .accessible_name(format!("Delete {}", adaptation.name))
                    .on_hover_text("No cycle was rated with it, so it can be deleted")
                    .clicked()
            {
                *deleting = Some(adaptation.id);
            }
        });
    }
    let from = match &chosen.adapted {
        Some(_) => format!("Copy {} as a new adaptation", chosen.name_and_version()),
        None => format!("Adapt the {}", chosen.name_and_version()),
    };
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(from)
            .on_hover_text("Makes the partnership's own copy of the version chosen under “Rate with”, to edit its wording")
            .clicked()
            && let Some(command) = view.adapt(&instruments, chosen, today)
        {
            actions.edit(command);
        }
        ui.weak("(the version chosen under “Rate with”)");
    });
}

/// "Rate with": every continuum the program carries and the newest
/// version of each of the partnership's adaptations, the partnership's
/// usual one (its newest cycle's) marked and chosen unless another is.
fn tool_choice<'a>(
    ui: &mut Ui,
    view: &'a PartnershipView,
    instruments: Instruments,
    chosen: &'a Continuum,
    usual: &'a Continuum,
) -> &'a Continuum {
    let has_cycles = !view.cycles.is_empty();
    let name = |c: &Continuum| {
        if !c.is(usual) {
            c.name_and_version()
        } else if has_cycles {
            format!("{} (this partnership's usual one)", c.name_and_version())
        } else {
            format!("{} (the default)", c.name_and_version())
        }
    };
    let mut picked = chosen;
    ui.horizontal(|ui| {
        ui.label("Rate with");
        egui::ComboBox::from_id_salt("new cycle tool")
            .selected_text(name(chosen))
            .show_ui(ui, |ui| {
                for continuum in instruments.continuums.iter().chain(view.adapted_newest()) {
                    if ui
                        .selectable_label(continuum.is(chosen), name(continuum))
                        .clicked()
                    {
                        picked = continuum;
                    }
                }
            })
            .response
            .accessible_name("Rate with");
    });
    picked
}

fn delete_adaptation_dialog(
    ui: &mut Ui,
    state: &mut CyclesPage,
    view: &PartnershipView,
    actions: &mut Actions,
) {
    let asked = widgets::ask_first(ui, &mut state.deleting_adaptation, |id| {
        let adaptation = view.adaptation(id)?;
        Some(widgets::Question {
            title: format!("Delete “{}”?", adaptation.name),
            body: "No cycle was rated with it. Its wording, every version of it, is deleted for good; the published versions are not changed.".to_owned(),
            confirm: "Delete",
        })
    });
    if let Some(id) = asked {
        actions.edit(Command::DeleteAdaptation(id));
    }
}

fn delete_cycle_dialog(
    ui: &mut Ui,
    state: &mut CyclesPage,
    view: &PartnershipView,
    actions: &mut Actions,
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
        actions.edit(Command::DeleteCycle(id));
    }
}
