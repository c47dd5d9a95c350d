//! The heat map: school years as columns, indicators as rows under their
//! categories, each cell the team's level as a shade and its number and
//! name, so it reads in greyscale and without colour; with each category's
//! average per year.

use egui::{Align2, FontId, Sense, Stroke, StrokeKind, Ui, vec2};

use super::style;
use crate::instrument::Continuum;
use crate::model::{Level, PartnershipView, Rater, average};

const NAME_WIDTH: f32 = 250.0;
const CELL: egui::Vec2 = egui::Vec2::new(118.0, 30.0);

pub fn show(ui: &mut Ui, view: &PartnershipView, continuum: &Continuum) {
    if view.cycles.is_empty() {
        ui.label(
            "No cycles yet: start a continuum cycle on the partnership's page to see it here.",
        );
        return;
    }
    ui.weak("The team's agreed level for each indicator in each school year; darker is further along the continuum.");
    ui.add_space(style::space::S);
    egui::ScrollArea::both()
        .id_salt("heat map scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing = vec2(3.0, 3.0);
            ui.horizontal(|ui| {
                ui.allocate_exact_size(vec2(NAME_WIDTH, CELL.y), Sense::hover());
                for cycle in &view.cycles {
                    let (rect, _) = ui.allocate_exact_size(CELL, Sense::hover());
                    ui.painter().text(
                        rect.center(),
                        Align2::CENTER_CENTER,
                        &cycle.school_year,
                        FontId::proportional(style::size::BODY),
                        ui.visuals().strong_text_color(),
                    );
                }
            });
            for category in &continuum.categories {
                ui.add_space(style::space::S);
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(vec2(NAME_WIDTH, CELL.y), Sense::hover());
                    ui.painter().text(
                        rect.left_center(),
                        Align2::LEFT_CENTER,
                        format!("{} (average)", category.name),
                        FontId::proportional(style::size::BODY),
                        ui.visuals().strong_text_color(),
                    );
                    for cycle in &view.cycles {
                        let levels = category
                            .indicators
                            .iter()
                            .map(|i| view.level(cycle.id, Rater::Consensus, &i.key));
                        let text = average(levels).map_or("–".to_owned(), |a| format!("{a:.1}"));
                        let (rect, response) = ui.allocate_exact_size(CELL, Sense::hover());
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Cell,
                                true,
                                format!("{} average {}: {text}", category.name, cycle.school_year),
                            )
                        });
                        ui.painter().text(
                            rect.center(),
                            Align2::CENTER_CENTER,
                            text,
                            FontId::proportional(style::size::BODY),
                            ui.visuals().strong_text_color(),
                        );
                    }
                });
                for indicator in &category.indicators {
                    ui.horizontal(|ui| {
                        let (rect, _) =
                            ui.allocate_exact_size(vec2(NAME_WIDTH, CELL.y), Sense::hover());
                        ui.painter().text(
                            rect.left_center() + vec2(14.0, 0.0),
                            Align2::LEFT_CENTER,
                            &indicator.name,
                            FontId::proportional(style::size::CELL),
                            ui.visuals().text_color(),
                        );
                        for cycle in &view.cycles {
                            let level = view.level(cycle.id, Rater::Consensus, &indicator.key);
                            cell(
                                ui,
                                continuum,
                                level,
                                &format!("{} {}", indicator.name, cycle.school_year),
                            );
                        }
                    });
                }
            }
            ui.add_space(style::space::M_PLUS);
            legend(ui, continuum);
        });
}

fn cell(ui: &mut Ui, continuum: &Continuum, level: Option<Level>, name: &str) {
    let (rect, response) = ui.allocate_exact_size(CELL, Sense::hover());
    let text = match level {
        Some(level) => format!("{} {}", level.number(), continuum.level_name(level)),
        None => "not rated".to_owned(),
    };
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Cell, true, format!("{name}: {text}"))
    });
    let painter = ui.painter();
    if let Some(level) = level {
        painter.rect_filled(rect, 3.0, style::level_fill(level.number(), ui.visuals()));
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            text,
            FontId::proportional(style::size::CHART),
            style::level_text(level.number(), ui.visuals()),
        );
    } else {
        painter.rect_stroke(
            rect,
            3.0,
            Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
            StrokeKind::Inside,
        );
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            text,
            FontId::proportional(style::size::CHART_NOTE),
            ui.visuals().weak_text_color(),
        );
    }
}

fn legend(ui: &mut Ui, continuum: &Continuum) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(NAME_WIDTH, CELL.y), Sense::hover());
        ui.painter().text(
            rect.left_center(),
            Align2::LEFT_CENTER,
            "Key",
            FontId::proportional(style::size::CELL),
            ui.visuals().weak_text_color(),
        );
        for level in Level::ALL {
            cell(ui, continuum, Some(level), "Legend");
        }
        cell(ui, continuum, None, "Legend");
    });
}
