//! How the sides saw a cycle: each side's average level per indicator next
//! to the team's consensus, and every rater's outline on one radar.

use egui::{Align2, FontId, RichText, Sense, Ui, vec2};

use super::radar;
use crate::instrument::Continuum;
use crate::model::{Cycle, PartnershipView, Rater, Spread};
use crate::ui::kit::style;

const NAME_WIDTH: f32 = 250.0;
const CELL: egui::Vec2 = egui::Vec2::new(170.0, 26.0);

fn nobody_rated(ui: &mut Ui) {
    ui.add_space(style::space::L);
    ui.label("Nobody has rated this cycle on their own yet. Choose a person under “Rating as” and click their levels in the grid; their ratings show here, side by side.");
}

/// Each side's average level of each indicator, with the team's consensus.
pub fn show(ui: &mut Ui, view: &PartnershipView, cycle: &Cycle, continuum: &Continuum) {
    let sides = view.sides_rating(cycle.id);
    if sides.is_empty() {
        nobody_rated(ui);
        return;
    }
    ui.weak("The average of each side's own ratings (one decimal), how many rated, and what the team agreed.");
    ui.add_space(style::space::S);
    egui::ScrollArea::both()
        .id_salt(("sides scroll", cycle.id))
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing = vec2(6.0, 3.0);
            ui.horizontal(|ui| {
                ui.allocate_exact_size(vec2(NAME_WIDTH, CELL.y), Sense::hover());
                for side in &sides {
                    let (rect, _) = ui.allocate_exact_size(CELL, Sense::hover());
                    ui.painter().text(
                        rect.left_center(),
                        Align2::LEFT_CENTER,
                        side.label(),
                        FontId::proportional(style::size::BODY),
                        style::side_colour(*side),
                    );
                }
                let (rect, _) = ui.allocate_exact_size(CELL, Sense::hover());
                ui.painter().text(
                    rect.left_center(),
                    Align2::LEFT_CENTER,
                    "Team consensus",
                    FontId::proportional(style::size::BODY),
                    ui.visuals().strong_text_color(),
                );
            });
            for category in &continuum.categories {
                ui.add_space(style::space::XS);
                ui.label(
                    RichText::new(&category.name)
                        .strong()
                        .size(style::size::TAB),
                );
                for indicator in &category.indicators {
                    ui.horizontal(|ui| {
                        let (rect, _) =
                            ui.allocate_exact_size(vec2(NAME_WIDTH, CELL.y), Sense::hover());
                        ui.painter().text(
                            rect.left_center() + vec2(12.0, 0.0),
                            Align2::LEFT_CENTER,
                            &indicator.name,
                            FontId::proportional(style::size::CELL),
                            ui.visuals().text_color(),
                        );
                        for side in &sides {
                            let spread = view.side_spread(cycle.id, &indicator.key, *side);
                            let name = format!("{} {}", side.label(), indicator.name);
                            average_cell(ui, spread, style::side_colour(*side), &name);
                        }
                        let consensus = view.level(cycle.id, Rater::Consensus, &indicator.key);
                        let text = consensus
                            .map_or("not agreed yet".to_owned(), |l| continuum.numbered_level(l));
                        let (rect, response) = ui.allocate_exact_size(CELL, Sense::hover());
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Cell,
                                true,
                                format!("Team consensus {}: {text}", indicator.name),
                            )
                        });
                        ui.painter().text(
                            rect.left_center(),
                            Align2::LEFT_CENTER,
                            text,
                            FontId::proportional(style::size::CELL),
                            ui.visuals().strong_text_color(),
                        );
                    });
                }
            }
        });
}

/// An average as a number and a bar (out of 4), with how many rated.
fn average_cell(ui: &mut Ui, spread: Option<Spread>, colour: egui::Color32, name: &str) {
    let (rect, response) = ui.allocate_exact_size(CELL, Sense::hover());
    let text = spread.map_or("–".to_owned(), |s| {
        let people = if s.count == 1 { "person" } else { "people" };
        format!("{} ({} {people})", s.mean, s.count)
    });
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Cell, true, format!("{name}: {text}"))
    });
    let painter = ui.painter();
    if let Some(s) = spread {
        let bar = egui::Rect::from_min_size(
            rect.left_center() + vec2(0.0, 6.0),
            vec2(60.0 * s.mean.shown_value() / 4.0, 5.0),
        );
        let track = egui::Rect::from_min_size(rect.left_center() + vec2(0.0, 6.0), vec2(60.0, 5.0));
        painter.rect_filled(track, 2.0, ui.visuals().faint_bg_color);
        painter.rect_filled(bar, 2.0, colour);
    }
    painter.text(
        rect.left_center() - vec2(0.0, 4.0),
        Align2::LEFT_CENTER,
        text,
        FontId::proportional(style::size::CELL),
        ui.visuals().text_color(),
    );
}

/// One cycle's individual raters against the team's consensus on a radar.
pub fn raters_radar(ui: &mut Ui, view: &PartnershipView, cycle: &Cycle, continuum: &Continuum) {
    let raters = view.raters(cycle.id);
    if raters.is_empty() {
        nobody_rated(ui);
        return;
    }
    let keys: Vec<&str> = continuum.indicators().map(|i| i.key.as_str()).collect();
    let notes = |rater: Rater| -> Vec<String> {
        keys.iter()
            .map(|key| {
                view.rating(cycle.id, rater, key)
                    .map(|r| crate::model::trajectory::first_line(&r.evidence))
                    .unwrap_or_default()
            })
            .collect()
    };
    let mut series: Vec<radar::Series> = raters
        .iter()
        .enumerate()
        .map(|(index, person)| radar::Series {
            name: person.name.clone(),
            levels: view.levels(cycle.id, Rater::Person(person.id), keys.iter().copied()),
            notes: notes(Rater::Person(person.id)),
            color: style::rater_colour(index),
            width: 1.8,
            filled: false,
            dashed: false,
        })
        .collect();
    let consensus = view.levels(cycle.id, Rater::Consensus, keys.iter().copied());
    series.push(radar::Series {
        name: "Team consensus".to_owned(),
        levels: consensus,
        notes: notes(Rater::Consensus),
        color: style::consensus_colour(ui.visuals()),
        width: 3.5,
        filled: true,
        dashed: false,
    });
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(style::width::LEGEND);
            ui.label(RichText::new(format!("{} raters", cycle.school_year)).strong());
            for s in &series {
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(vec2(22.0, 6.0), Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, s.color);
                    ui.label(&s.name);
                });
            }
            ui.add_space(style::space::M);
            ui.weak("Each outline is one person's own rating; the thick one is what the team agreed. Gaps are indicators a person did not rate.");
        });
        radar::show(ui, continuum, &series, ui.available_size());
    });
}
