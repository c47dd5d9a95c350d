//! Levels over the years: a line chart (egui_plot) with the school years
//! along and the four levels up, one line per category average or per
//! indicator of a category. An unrated year is a gap in its line. The key
//! beside the chart switches lines off; pointing at a point shows the year,
//! the level and the first line of the evidence; the arrow keys step
//! through the years, and the key writes out the chosen year's values.

use std::collections::HashSet;

use egui::{Key, RichText, Ui};
use egui_plot::{GridMark, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points, VLine};

use crate::instrument::Continuum;
use crate::model::trajectory::{Lines, YearLine, lines};
use crate::model::{Level, PartnershipView, Versions};
use crate::ui::kit::style;
use crate::ui::kit::widgets::{self, Dash, Marker};

#[derive(Default)]
pub struct State {
    pub lines: Lines,
    /// The chosen school year (index, oldest first); the newest when none.
    pub year: Option<usize>,
    /// Lines switched off in the key, by name.
    pub hidden: HashSet<String>,
}

/// How each line differs besides its colour, so that none is told apart
/// by colour alone: the dash and the marker.
const STYLES: [(Dash, Marker); 4] = [
    (Dash::Solid, Marker::Circle),
    (Dash::Dashed, Marker::Square),
    (Dash::Dotted, Marker::Diamond),
    (Dash::Short, Marker::Triangle),
];

/// egui_plot's line for a dash of the key.
fn plot_line(dash: Dash) -> LineStyle {
    match dash {
        Dash::Solid => LineStyle::Solid,
        Dash::Dashed => LineStyle::Dashed { length: 12.0 },
        Dash::Dotted => LineStyle::Dotted { spacing: 7.0 },
        Dash::Short => LineStyle::Dashed { length: 4.0 },
    }
}

/// egui_plot's marker for a marker of the key.
fn plot_marker(marker: Marker) -> MarkerShape {
    match marker {
        Marker::Circle => MarkerShape::Circle,
        Marker::Square => MarkerShape::Square,
        Marker::Diamond => MarkerShape::Diamond,
        Marker::Triangle => MarkerShape::Up,
    }
}

pub fn show(ui: &mut Ui, state: &mut State, view: &PartnershipView, versions: &Versions) {
    let continuum = versions.reference;
    if view.cycles.is_empty() {
        ui.label(
            "No cycles yet: start a continuum cycle on the partnership's page to see it here.",
        );
        return;
    }
    let cycles: Vec<_> = view.cycles.iter().collect();
    let years: Vec<String> = cycles.iter().map(|c| versions.year(c)).collect();
    let last = years.len() - 1;
    let mut year = state.year.unwrap_or(last).min(last);
    if !ui.ctx().egui_wants_keyboard_input() {
        let (left, right) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowLeft),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowRight),
            )
        });
        if left {
            year = year.saturating_sub(1);
        }
        if right {
            year = (year + 1).min(last);
        }
    }
    let shown = lines(continuum, view, &cycles, state.lines);

    let controls = |ui: &mut Ui, state: &mut State, year: &mut usize| {
        ui.label(RichText::new("Lines").strong());
        ui.radio_value(
            &mut state.lines,
            Lines::CategoryAverages,
            "Category averages",
        );
        for (index, category) in continuum.categories.iter().enumerate() {
            ui.radio_value(&mut state.lines, Lines::Indicators(index), &category.name);
        }
        ui.add_space(style::space::L);
        year_panel(ui, year, &years, &shown, &mut state.hidden);
        widgets::version_key(ui, versions);
    };
    if ui.available_width() >= style::width::NARROW {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(style::width::LEGEND);
                controls(ui, state, &mut year);
            });
            let height = ui.available_height().max(CHART_HEIGHT);
            chart(ui, continuum, &years, &shown, &state.hidden, year, height);
        });
    } else {
        // Zoomed in, or a small window: the chart first, its controls under
        // it, and the page scrolls.
        let height = ui.available_height().clamp(200.0, CHART_HEIGHT);
        egui::ScrollArea::vertical()
            .id_salt("levels scroll")
            .show(ui, |ui| {
                chart(ui, continuum, &years, &shown, &state.hidden, year, height);
                ui.add_space(style::space::M);
                controls(ui, state, &mut year);
            });
    }
    state.year = Some(year);
}

/// The chart's least height, in points.
const CHART_HEIGHT: f32 = 340.0;

/// The chosen year, stepped with buttons or the arrow keys, and what each
/// line is in it.
fn year_panel(
    ui: &mut Ui,
    year: &mut usize,
    years: &[String],
    shown: &[YearLine],
    hidden: &mut HashSet<String>,
) {
    let last = years.len() - 1;
    ui.label(
        RichText::new(years.get(*year).map_or("", String::as_str))
            .strong()
            .size(style::size::TITLE),
    );
    ui.horizontal(|ui| {
        if ui
            .add_enabled(*year > 0, egui::Button::new("Earlier year"))
            .on_hover_text("Or press the left arrow key")
            .clicked()
        {
            *year -= 1;
        }
        if ui
            .add_enabled(*year < last, egui::Button::new("Later year"))
            .on_hover_text("Or press the right arrow key")
            .clicked()
        {
            *year += 1;
        }
    });
    ui.weak("The left and right arrow keys step through the years too.");
    ui.add_space(style::space::XS);
    for (index, line) in shown.iter().enumerate() {
        let value = line
            .shown
            .get(*year)
            .cloned()
            .flatten()
            .unwrap_or_else(|| "not rated".to_owned());
        ui.horizontal_wrapped(|ui| {
            let mut on = !hidden.contains(&line.name);
            if ui
                .checkbox(&mut on, "")
                .accessible_name(format!("Show {}", line.name))
                .on_hover_text("Show or hide this line")
                .changed()
            {
                if on {
                    hidden.remove(&line.name);
                } else {
                    hidden.insert(line.name.clone());
                }
            }
            let (dash, marker) = STYLES[index % STYLES.len()];
            widgets::line_key(ui, style::series_colour(index, ui.visuals()), dash, marker);
            ui.label(RichText::new(&line.name).color(style::series_colour(index, ui.visuals())));
        });
        ui.horizontal_wrapped(|ui| {
            ui.add_space(style::space::XXL);
            ui.strong(value);
            if let Some(note) = line.notes.get(*year).filter(|n| !n.is_empty()) {
                ui.weak(note);
            }
        });
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "one egui_plot chart: its axes, the lines, their markers and the keyboard focus share the plot's bounds"
)]
fn chart(
    ui: &mut Ui,
    continuum: &Continuum,
    years: &[String],
    shown: &[YearLine],
    hidden: &HashSet<String>,
    year: usize,
    height: f32,
) {
    let last = years.len() - 1;
    let level_label = |value: f64| -> String {
        let rounded = value.round();
        if (value - rounded).abs() > 1e-6 {
            return String::new();
        }
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a value between 1 and 4 on the axis"
        )]
        let number = rounded as u8;
        Level::new(number).map_or(String::new(), |level| continuum.numbered_level(level))
    };
    // Label every year while each has 80 points; past that every second
    // or third, always including the newest.
    let per_year = (ui.available_width() - 140.0) / years.len() as f32;
    let every = (80.0 / per_year).ceil().max(1.0);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a small whole number, at least 1"
    )]
    let every = every as usize;
    let year_label = |value: f64| -> String {
        let rounded = value.round();
        if (value - rounded).abs() > 1e-6 || rounded < 0.0 {
            return String::new();
        }
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a year's index, checked not negative"
        )]
        let index = rounded as usize;
        if index > last || !(last - index).is_multiple_of(every) {
            return String::new();
        }
        years.get(index).cloned().unwrap_or_default()
    };
    let names: Vec<&str> = shown.iter().map(|l| l.name.as_str()).collect();
    let visuals = ui.visuals().clone();
    let response = Plot::new("levels over the years")
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .default_x_bounds(-0.5, last as f64 + 0.5)
        .default_y_bounds(0.6, 4.4)
        .x_grid_spacer(move |_| {
            (0..=last)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: if (last - i).is_multiple_of(every) {
                        every as f64
                    } else {
                        0.25
                    },
                })
                .collect()
        })
        .y_grid_spacer(|_| {
            (1..=4)
                .map(|n| GridMark {
                    value: f64::from(n),
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| year_label(mark.value))
        .y_axis_formatter(move |mark, _| level_label(mark.value))
        .y_axis_min_width(130.0)
        .label_formatter(|hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => {
                let line = shown.iter().find(|l| l.name == *plot_name)?;
                let at = position.x.round();
                if at < 0.0 {
                    return None;
                }
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "a year's index, checked not negative"
                )]
                let index = at as usize;
                let value = line.shown.get(index).cloned().flatten()?;
                let mut text = format!("{}\n{}: {value}", line.name, years.get(index)?);
                if let Some(note) = line.notes.get(index).filter(|n| !n.is_empty()) {
                    text.push('\n');
                    text.push_str(note);
                }
                Some(text)
            }
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            plot.vline(
                VLine::new("", year as f64)
                    .color(style::chosen_year_band(&visuals))
                    .width(8.0),
            );
            for (index, line) in shown.iter().enumerate() {
                if hidden.contains(&line.name) {
                    continue;
                }
                let colour = style::series_colour(index, &visuals);
                let (dash, marker) = STYLES[index % STYLES.len()];
                for run in line.runs().into_iter().filter(|r| r.len() > 1) {
                    let points: PlotPoints<'_> = run
                        .iter()
                        .map(|(x, y)| [*x as f64, f64::from(*y)])
                        .collect();
                    plot.line(
                        Line::new(line.name.as_str(), points)
                            .color(colour)
                            .width(2.5)
                            .style(plot_line(dash)),
                    );
                }
                let rated: PlotPoints<'_> = line
                    .runs()
                    .into_iter()
                    .flatten()
                    .map(|(x, y)| [x as f64, f64::from(y)])
                    .collect();
                plot.points(
                    Points::new(line.name.as_str(), rated)
                        .color(colour)
                        .shape(plot_marker(marker))
                        .filled(true)
                        .radius(5.0),
                );
            }
        });
    let label = format!(
        "Line chart of {} across {} to {}; unrated years are gaps",
        names.join(", "),
        years.first().map_or("", String::as_str),
        years.last().map_or("", String::as_str),
    );
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
}
