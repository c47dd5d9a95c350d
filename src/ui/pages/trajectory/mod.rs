//! A partnership across the years: radar over time, heat map, what changed,
//! and the stage of partnering. One screen with a tab for each.

mod changes;
mod stages;

use std::collections::HashSet;

use egui::{RichText, Ui};

use crate::model::trajectory::first_line;
use crate::model::{Cycle, CycleId, PartnershipView, Rater, Versions};
use crate::ui::action::Actions;
use crate::ui::charts::{heatmap, levels, radar};
use crate::ui::kit::style;
use crate::ui::kit::widgets::{self, Dash, Marker};
use crate::ui::nav::{Page, ScreenContext, Tab};
use crate::ui::view::PageView;

#[derive(Default)]
pub struct TrajectoryPage {
    pub tab: Tab,
    /// Cycles switched off in the radar's legend ("All years").
    hidden: HashSet<CycleId>,
    /// The radar shows every year, rather than the newest against one.
    all_years: bool,
    /// The earlier year the newest is compared with; the one before the
    /// newest when none is chosen.
    against: Option<CycleId>,
    pub levels: levels::State,
    pub changes: changes::State,
    pub stages: stages::State,
}

impl PageView for TrajectoryPage {
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        show(ui, self, cx, actions);
    }
}

fn show(ui: &mut Ui, state: &mut TrajectoryPage, cx: &ScreenContext<'_>, actions: &mut Actions) {
    let ScreenContext {
        view,
        instruments,
        today,
        ..
    } = *cx;
    ui.add_space(style::space::XS);
    ui.horizontal_wrapped(|ui| {
        ui.heading("Across the years");
        ui.add_space(style::space::XL);
        for tab in Tab::ALL {
            let response = ui.selectable_value(
                &mut state.tab,
                tab,
                RichText::new(tab.label()).size(style::size::TAB),
            );
            // The tab is part of the page, so it is remembered with it.
            if response.changed() {
                actions.go(view, Page::Trajectory(tab));
            }
        }
    });
    ui.separator();
    let versions = Versions::of(view, &instruments);
    match state.tab {
        Tab::Levels => levels::show(ui, &mut state.levels, view, &versions),
        Tab::Radar => radar_over_time(ui, state, view, &versions),
        Tab::HeatMap => heatmap::show(ui, view, &versions),
        Tab::Changes => changes::show(ui, &mut state.changes, view, instruments, &versions),
        Tab::Stages => stages::show(ui, &mut state.stages, view, instruments, actions, today),
    }
}

fn radar_over_time(
    ui: &mut Ui,
    state: &mut TrajectoryPage,
    view: &PartnershipView,
    versions: &Versions,
) {
    let continuum = versions.reference;
    if view.cycles.is_empty() {
        ui.label(
            "No cycles yet: start a continuum cycle on the partnership's page to see it here.",
        );
        return;
    }
    let keys: Vec<&str> = continuum.indicators().map(|i| i.key.as_str()).collect();
    let notes = |cycle: CycleId| -> Vec<String> {
        keys.iter()
            .map(|key| {
                view.rating(cycle, Rater::Consensus, key)
                    .map(|r| first_line(&r.evidence))
                    .unwrap_or_default()
            })
            .collect()
    };
    let count = view.cycles.len();
    let newest = &view.cycles[count - 1];
    let earlier = state
        .against
        .and_then(|id| view.cycle(id))
        .filter(|c| c.id != newest.id)
        .or_else(|| count.checked_sub(2).and_then(|i| view.cycles.get(i)));
    let outline = |cycle: &Cycle, color, width, filled, dashed| radar::Series {
        name: versions.year(cycle),
        levels: view.levels(cycle.id, Rater::Consensus, keys.iter().copied()),
        notes: notes(cycle.id),
        color,
        width,
        filled,
        dashed,
    };
    let series: Vec<radar::Series> = if state.all_years {
        view.cycles
            .iter()
            .enumerate()
            .filter(|(_, cycle)| !state.hidden.contains(&cycle.id))
            .map(|(rank, cycle)| {
                let newest = rank + 1 == count;
                let width = if newest {
                    3.5
                } else {
                    1.5 + 1.5 * rank as f32 / count as f32
                };
                let colour = style::cycle_colour(rank, count, ui.visuals());
                outline(cycle, colour, width, newest, false)
            })
            .collect()
    } else {
        let earlier =
            earlier.map(|c| outline(c, style::earlier_colour(ui.visuals()), 2.5, false, true));
        let newest = outline(newest, style::newest_colour(ui.visuals()), 3.5, true, false);
        earlier.into_iter().chain([newest]).collect()
    };
    let legend = |ui: &mut Ui, state: &mut TrajectoryPage| {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut state.all_years, false, "Two years");
            ui.selectable_value(&mut state.all_years, true, "All years");
        });
        ui.add_space(style::space::S);
        if state.all_years {
            all_years_legend(ui, state, view, versions, &keys);
        } else {
            compare_legend(ui, state, view, versions, newest, earlier);
        }
        widgets::version_key(ui, versions);
        ui.add_space(style::space::L);
        ui.label(RichText::new("Categories").strong());
        for (index, category) in continuum.categories.iter().enumerate() {
            ui.label(
                RichText::new(&category.name).color(style::category_text(index, ui.visuals())),
            );
        }
        ui.add_space(style::space::L);
        ui.weak("Point at a corner to see the level and the evidence.");
    };
    if ui.available_width() >= style::width::NARROW {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(style::width::LEGEND);
                legend(ui, state);
            });
            radar::show(ui, continuum, &series, ui.available_size());
        });
    } else {
        // Zoomed in, or a small window: the radar across the width, its
        // legend under it, and the page scrolls.
        egui::ScrollArea::vertical()
            .id_salt("radar scroll")
            .show(ui, |ui| {
                let width = ui.available_width();
                radar::show(ui, continuum, &series, egui::vec2(width, width));
                ui.add_space(style::space::M);
                legend(ui, state);
            });
    }
}

/// The two years compared: the newest, solid, against a chosen earlier
/// one, dashed; and what each left unrated.
fn compare_legend(
    ui: &mut Ui,
    state: &mut TrajectoryPage,
    view: &PartnershipView,
    versions: &Versions,
    newest: &Cycle,
    earlier: Option<&Cycle>,
) {
    let continuum = versions.reference;
    ui.horizontal(|ui| {
        widgets::line_key(
            ui,
            style::newest_colour(ui.visuals()),
            Dash::Solid,
            Marker::Circle,
        );
        ui.label(RichText::new(format!("{} (newest), solid", versions.year(newest))).strong());
    });
    if let Some(earlier) = earlier {
        ui.horizontal(|ui| {
            widgets::line_key(
                ui,
                style::earlier_colour(ui.visuals()),
                Dash::Dashed,
                Marker::Square,
            );
            ui.label(format!("{}, dashed", versions.year(earlier)));
        });
        let mut against = earlier.id;
        egui::ComboBox::from_id_salt("radar against")
            .selected_text(format!("Against {}", versions.year(earlier)))
            .width(style::width::LEGEND - 20.0)
            .show_ui(ui, |ui| {
                for cycle in view.cycles.iter().rev().filter(|c| c.id != newest.id) {
                    ui.selectable_value(&mut against, cycle.id, versions.year(cycle));
                }
            })
            .response
            .accessible_name("Compare the newest year against");
        if against != earlier.id {
            state.against = Some(against);
        }
    } else {
        ui.weak("Only one school year so far.");
    }
    let unrated = |cycle: &Cycle| -> Vec<&str> {
        continuum
            .indicators()
            .filter(|i| view.level(cycle.id, Rater::Consensus, &i.key).is_none())
            .map(|i| i.name.as_str())
            .collect()
    };
    let mut gaps = Vec::new();
    for cycle in earlier.into_iter().chain([newest]) {
        let missing = unrated(cycle);
        if !missing.is_empty() {
            gaps.push(format!("{}: {}", cycle.school_year, missing.join(", ")));
        }
    }
    if !gaps.is_empty() {
        ui.add_space(style::space::S);
        ui.label(
            RichText::new("Not rated (a gap in the outline, a hollow ring at its axis)").strong(),
        );
        for gap in gaps {
            ui.label(gap);
        }
    }
}

/// Every year, older lighter; ticking a year hides or shows it.
fn all_years_legend(
    ui: &mut Ui,
    state: &mut TrajectoryPage,
    view: &PartnershipView,
    versions: &Versions,
    keys: &[&str],
) {
    let count = view.cycles.len();
    ui.weak("Newest drawn strongest. Untick a year to hide it. A gap in an outline is an indicator that was not rated that year.");
    ui.add_space(style::space::XS);
    for (rank, cycle) in view.cycles.iter().enumerate().rev() {
        let mut shown = !state.hidden.contains(&cycle.id);
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 6.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, style::cycle_colour(rank, count, ui.visuals()));
            let rated = view.rated_count(cycle.id, Rater::Consensus, keys.iter().copied());
            let label = format!("{} ({rated} of {} rated)", versions.year(cycle), keys.len());
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
}
