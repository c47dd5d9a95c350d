//! What changed between two cycles: every indicator up, down, the same or
//! newly rated, biggest moves first, with both levels' texts and evidence.

use egui::{RichText, Ui};

use crate::instrument::{Continuum, Indicator, Instruments, Passage};
use crate::model::{
    Cycle, CycleId, Mean, Movement, PartnershipView, Rater, Versions, changes, continuum_for,
};
use crate::ui::kit::style;

#[derive(Default)]
pub struct State {
    from: Option<CycleId>,
    to: Option<CycleId>,
}

fn movement_text(movement: Movement) -> String {
    match movement {
        Movement::Up(1) => "Up 1 level".to_owned(),
        Movement::Up(n) => format!("Up {n} levels"),
        Movement::Down(1) => "Down 1 level".to_owned(),
        Movement::Down(n) => format!("Down {n} levels"),
        Movement::Same => "Same level".to_owned(),
        Movement::NewlyRated => "Newly rated".to_owned(),
        Movement::NoLongerRated => "Not rated this time".to_owned(),
        Movement::Unrated => "Not rated in either".to_owned(),
    }
}

fn cycle_choice(
    ui: &mut Ui,
    id: &str,
    chosen: &mut CycleId,
    cycles: &[Cycle],
    versions: &Versions,
    name: &str,
) {
    let selected = cycles
        .iter()
        .find(|c| c.id == *chosen)
        .map(|c| versions.year(c))
        .unwrap_or_default();
    egui::ComboBox::from_id_salt(id)
        .selected_text(selected)
        .show_ui(ui, |ui| {
            for cycle in cycles.iter().rev() {
                let label = format!("{} ({})", versions.year(cycle), cycle.administered_on);
                ui.selectable_value(chosen, cycle.id, label);
            }
        })
        .response
        .accessible_name(name);
}

pub fn show(
    ui: &mut Ui,
    state: &mut State,
    view: &PartnershipView,
    instruments: Instruments,
    versions: &Versions,
) {
    let continuum = versions.reference;
    let cycles = &view.cycles;
    if cycles.len() < 2 {
        ui.label("What changed compares two cycles: start a second cycle to see it.");
        return;
    }
    let valid = |id: Option<CycleId>| id.filter(|id| cycles.iter().any(|c| c.id == *id));
    let mut from = valid(state.from).unwrap_or(cycles[cycles.len() - 2].id);
    let mut to = valid(state.to).unwrap_or(cycles[cycles.len() - 1].id);
    ui.horizontal(|ui| {
        ui.label("From");
        cycle_choice(
            ui,
            "changes from",
            &mut from,
            cycles,
            versions,
            "Earlier cycle",
        );
        ui.label("to");
        cycle_choice(ui, "changes to", &mut to, cycles, versions, "Later cycle");
    });
    state.from = Some(from);
    state.to = Some(to);
    let (Some(earlier), Some(later)) = (view.cycle(from), view.cycle(to)) else {
        return;
    };
    if let Some(versions) = Versions::between(&instruments, view, earlier, later) {
        ui.add(egui::Label::new(versions).wrap());
    }
    ui.add_space(style::space::S);
    egui::ScrollArea::vertical()
        .id_salt("what changed scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            category_averages(ui, view, continuum, earlier, later);
            ui.add_space(style::space::M_PLUS);
            let list = changes(continuum.indicators().map(|indicator| {
                (
                    indicator,
                    view.level(earlier.id, Rater::Consensus, &indicator.key),
                    view.level(later.id, Rater::Consensus, &indicator.key),
                )
            }));
            for change in list {
                indicator_change(
                    ui,
                    view,
                    instruments,
                    change.indicator,
                    change.movement,
                    earlier,
                    later,
                );
                ui.add_space(style::space::S);
            }
        });
}

fn category_averages(
    ui: &mut Ui,
    view: &PartnershipView,
    continuum: &Continuum,
    earlier: &Cycle,
    later: &Cycle,
) {
    ui.label(
        RichText::new("Category averages")
            .strong()
            .size(style::size::TITLE),
    );
    egui::Grid::new("category change")
        .num_columns(4)
        .striped(true)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            ui.strong("Category");
            ui.strong(&earlier.school_year);
            ui.strong(&later.school_year);
            ui.strong("Change");
            ui.end_row();
            for category in &continuum.categories {
                let (a, b) = (
                    view.category_average(earlier.id, category),
                    view.category_average(later.id, category),
                );
                let shown = |v: Option<Mean>| v.map_or("–".to_owned(), |v| v.to_string());
                ui.label(&category.name);
                ui.label(shown(a));
                ui.label(shown(b));
                ui.label(match (a, b) {
                    (Some(a), Some(b)) => b.change_since(a).to_string(),
                    _ => "–".to_owned(),
                });
                ui.end_row();
            }
        });
}

fn indicator_change(
    ui: &mut Ui,
    view: &PartnershipView,
    instruments: Instruments,
    indicator: &Indicator,
    movement: Movement,
    earlier: &Cycle,
    later: &Cycle,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(&indicator.name)
                    .strong()
                    .size(style::size::TITLE),
            );
            let text = RichText::new(movement_text(movement)).strong();
            let text = match movement {
                Movement::Up(_) => text.color(style::selected_stroke(ui.visuals())),
                Movement::Down(_) => text.color(style::warning_text(ui.visuals())),
                _ => text,
            };
            ui.label(text);
        });
        ui.columns(2, |columns| {
            for (column, cycle) in columns.iter_mut().zip([earlier, later]) {
                column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    level_and_evidence(ui, view, instruments, &indicator.key, cycle);
                });
            }
        });
    });
}

/// A year's level of an indicator in the words of the version that year
/// was rated with, and its evidence.
fn level_and_evidence(
    ui: &mut Ui,
    view: &PartnershipView,
    instruments: Instruments,
    key: &str,
    cycle: &Cycle,
) {
    let continuum = continuum_for(&instruments, view, cycle);
    let rating = view.rating(cycle.id, Rater::Consensus, key);
    let level = rating.and_then(|r| r.level);
    let heading = match level {
        Some(level) => format!("{}: {}", cycle.school_year, continuum.level_name(level)),
        None => format!("{}: not rated", cycle.school_year),
    };
    ui.label(RichText::new(heading).strong());
    if let Some((level, indicator)) = level.zip(continuum.indicator(key)) {
        for paragraph in continuum.shown(indicator, Passage::Level(level)) {
            ui.label(paragraph);
        }
    }
    let evidence = rating.map_or("", |r| r.evidence.as_str());
    if evidence.is_empty() {
        ui.weak("No evidence written.");
    } else {
        ui.label(RichText::new(format!("Evidence: {evidence}")).italics());
    }
}
