//! A partnership across the years: radar over time, heat map, what changed,
//! and the stage of partnering. One screen with a tab for each.

use std::collections::HashSet;

use egui::{RichText, Ui};

use super::nav::{Requests, ScreenContext, Tab, back_to_partnership};
use super::{changes, heatmap, radar, stages, style};
use crate::instrument::Instruments;
use crate::model::{CycleId, PartnershipView, Rater};

#[derive(Default)]
pub struct State {
    pub tab: Tab,
    /// Cycles switched off in the radar's legend.
    hidden: HashSet<CycleId>,
    pub changes: changes::State,
    pub stages: stages::State,
}

pub fn show(ui: &mut Ui, state: &mut State, cx: &ScreenContext<'_>, requests: &mut Requests) {
    let ScreenContext {
        view,
        instruments,
        today,
    } = *cx;
    back_to_partnership(ui, view, requests);
    ui.add_space(style::space::XS);
    ui.horizontal(|ui| {
        ui.heading("Across the years");
        ui.add_space(style::space::XL);
        for tab in Tab::ALL {
            ui.selectable_value(
                &mut state.tab,
                tab,
                RichText::new(tab.label()).size(style::size::TAB),
            );
        }
    });
    ui.separator();
    match state.tab {
        Tab::Radar => radar_over_time(ui, state, view, instruments),
        Tab::HeatMap => heatmap::show(ui, view, instruments.continuum),
        Tab::Changes => changes::show(ui, &mut state.changes, view, instruments.continuum),
        Tab::Stages => stages::show(ui, &mut state.stages, view, instruments, requests, today),
    }
}

fn radar_over_time(
    ui: &mut Ui,
    state: &mut State,
    view: &PartnershipView,
    instruments: Instruments,
) {
    let continuum = instruments.continuum;
    if view.cycles.is_empty() {
        ui.label(
            "No cycles yet: start a continuum cycle on the partnership's page to see it here.",
        );
        return;
    }
    let keys: Vec<&str> = continuum.indicators().map(|i| i.key.as_str()).collect();
    let count = view.cycles.len();
    let series: Vec<radar::Series> = view
        .cycles
        .iter()
        .enumerate()
        .filter(|(_, cycle)| !state.hidden.contains(&cycle.id))
        .map(|(rank, cycle)| {
            let newest = rank + 1 == count;
            radar::Series {
                name: cycle.school_year.clone(),
                levels: view.levels(cycle.id, Rater::Consensus, keys.iter().copied()),
                notes: keys
                    .iter()
                    .map(|key| {
                        view.rating(cycle.id, Rater::Consensus, key)
                            .map(|r| radar::first_line(&r.evidence))
                            .unwrap_or_default()
                    })
                    .collect(),
                color: style::cycle_colour(rank, count, ui.visuals()),
                width: if newest {
                    3.5
                } else {
                    1.5 + 1.5 * rank as f32 / count as f32
                },
                filled: newest,
            }
        })
        .collect();
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(style::width::LEGEND);
            ui.label(RichText::new("Cycles").strong());
            ui.weak("Newest drawn strongest. Untick a year to hide it.");
            ui.add_space(style::space::XS);
            for (rank, cycle) in view.cycles.iter().enumerate().rev() {
                let mut shown = !state.hidden.contains(&cycle.id);
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 6.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 2.0, style::cycle_colour(rank, count, ui.visuals()));
                    let rated = view.rated_count(cycle.id, Rater::Consensus, keys.iter().copied());
                    let label = format!("{} ({rated} of {} rated)", cycle.school_year, keys.len());
                    if ui
                        .checkbox(&mut shown, label)
                        .accessible_name(format!("Show {}", cycle.school_year))
                        .changed()
                    {
                        if shown {
                            state.hidden.remove(&cycle.id);
                        } else {
                            state.hidden.insert(cycle.id);
                        }
                    }
                });
            }
            ui.add_space(style::space::L);
            ui.label(RichText::new("Categories").strong());
            for (index, category) in continuum.categories.iter().enumerate() {
                ui.label(RichText::new(&category.name).color(style::category_text(index, ui.visuals())));
            }
            ui.add_space(style::space::L);
            ui.weak("A gap in an outline is an indicator that was not rated that year. Point at a corner to see the level and the evidence.");
        });
        radar::show(ui, continuum, &series, ui.available_size());
    });
}
