//! The heat map: school years as columns, newest first, beside a fixed
//! column of indicators under their categories, each cell the team's level as a shade and its number and
//! name, so it reads in greyscale and without colour; with each category's
//! average per year.

use egui::{Align2, FontId, Sense, Stroke, StrokeKind, Ui, vec2};

use crate::instrument::Continuum;
use crate::model::{Level, PartnershipView, Rater, Versions};
use crate::ui::kit::{style, widgets};

const NAME_WIDTH: f32 = 250.0;
const CELL: egui::Vec2 = egui::Vec2::new(118.0, 30.0);

pub fn show(ui: &mut Ui, view: &PartnershipView, versions: &Versions) {
    let continuum = versions.reference;
    if view.cycles.is_empty() {
        ui.label(
            "No cycles yet: start a continuum cycle on the partnership's page to see it here.",
        );
        return;
    }
    let shade = if ui.visuals().dark_mode {
        "brighter"
    } else {
        "darker"
    };
    ui.weak(format!(
        "The team's agreed level for each indicator in each school year, newest first; {shade} is further along the continuum, and every cell names its level."
    ));
    ui.add_space(style::space::S);
    // Newest first, so the year people look at first sits beside the
    // indicators; the names stay put while older years scroll.
    let years: Vec<_> = view.cycles.iter().rev().collect();
    egui::ScrollArea::vertical()
        .id_salt("heat map scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing = vec2(3.0, 3.0);
                ui.vertical(|ui| {
                    ui.spacing_mut().item_spacing = vec2(3.0, 3.0);
                    names(ui, continuum);
                });
                egui::ScrollArea::horizontal()
                    .id_salt("heat map years")
                    .show(ui, |ui| {
                        ui.vertical(|ui| {
                            ui.spacing_mut().item_spacing = vec2(3.0, 3.0);
                            ui.horizontal(|ui| {
                                for cycle in &years {
                                    let (rect, _) = ui.allocate_exact_size(CELL, Sense::hover());
                                    ui.painter().text(
                                        rect.center(),
                                        Align2::CENTER_CENTER,
                                        versions.year(cycle),
                                        FontId::proportional(style::size::BODY),
                                        ui.visuals().strong_text_color(),
                                    );
                                }
                            });
                            for category in &continuum.categories {
                                ui.add_space(style::space::S);
                                ui.horizontal(|ui| {
                                    for cycle in &years {
                                        let text = view
                                            .category_average(cycle.id, category)
                                            .map_or("–".to_owned(), |a| a.to_string());
                                        let (rect, response) =
                                            ui.allocate_exact_size(CELL, Sense::hover());
                                        response.widget_info(|| {
                                            egui::WidgetInfo::labeled(
                                                egui::Role::Cell,
                                                true,
                                                format!(
                                                    "{} average {}: {text}",
                                                    category.name, cycle.school_year
                                                ),
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
                                        for cycle in &years {
                                            let level = view.level(
                                                cycle.id,
                                                Rater::Consensus,
                                                &indicator.key,
                                            );
                                            cell(
                                                ui,
                                                continuum,
                                                level,
                                                &format!(
                                                    "{} {}",
                                                    indicator.name, cycle.school_year
                                                ),
                                            );
                                        }
                                    });
                                }
                            }
                        });
                    });
            });
            ui.add_space(style::space::M_PLUS);
            legend(ui, continuum);
            widgets::version_key(ui, versions);
        });
}

/// The fixed column: the categories and their indicators, row by row as
/// the cells beside them.
fn names(ui: &mut Ui, continuum: &Continuum) {
    ui.allocate_exact_size(vec2(NAME_WIDTH, CELL.y), Sense::hover());
    for category in &continuum.categories {
        ui.add_space(style::space::S);
        let (rect, _) = ui.allocate_exact_size(vec2(NAME_WIDTH, CELL.y), Sense::hover());
        ui.painter().text(
            rect.left_center(),
            Align2::LEFT_CENTER,
            format!("{} (average)", category.name),
            FontId::proportional(style::size::BODY),
            ui.visuals().strong_text_color(),
        );
        for indicator in &category.indicators {
            let (rect, _) = ui.allocate_exact_size(vec2(NAME_WIDTH, CELL.y), Sense::hover());
            ui.painter().text(
                rect.left_center() + vec2(14.0, 0.0),
                Align2::LEFT_CENTER,
                &indicator.name,
                FontId::proportional(style::size::CELL),
                ui.visuals().text_color(),
            );
        }
    }
}

fn cell(ui: &mut Ui, continuum: &Continuum, level: Option<Level>, name: &str) {
    let (rect, response) = ui.allocate_exact_size(CELL, Sense::hover());
    let text = match level {
        Some(level) => continuum.numbered_level(level),
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
