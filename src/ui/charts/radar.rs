//! The radar (spider) plot, drawn with the painter from the model's
//! geometry (`model::radar`): one axis per indicator, rings at the four
//! levels, one outline per series. Unrated indicators are gaps.

use egui::{Align2, Color32, FontId, Pos2, Response, Sense, Shape, Stroke, Ui, Vec2, vec2};

use crate::instrument::Continuum;
use crate::model::{Level, radar};
use crate::ui::kit::style;

/// One outline on the radar: a cycle, or one rater's ratings.
pub struct Series {
    pub name: String,
    pub levels: Vec<Option<Level>>,
    /// What the hover shows for each axis besides the level (e.g. the first
    /// line of the evidence); empty strings are left out.
    pub notes: Vec<String>,
    pub color: Color32,
    pub width: f32,
    /// Filled lightly inside (the newest cycle, or the consensus).
    pub filled: bool,
    /// Drawn dashed, so that two outlines differ by more than colour.
    pub dashed: bool,
}

/// Room beside the outer ring for the longest indicator name.
const LABEL_ROOM: f32 = 190.0;

/// A radar of `series` (drawn in order, so the last is on top), labelled
/// with the indicators of `continuum`, as large as fits in `space`. Returns
/// the plot's response; its accessible name lists the series shown.
#[expect(
    clippy::too_many_lines,
    reason = "the radar is one painter: rings, spokes, labels and each series' outline share its geometry"
)]
pub fn show(ui: &mut Ui, continuum: &Continuum, series: &[Series], space: Vec2) -> Response {
    let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
    let radius = ((space.x - 2.0 * LABEL_ROOM) / 2.0)
        .min((space.y - 56.0) / 2.0)
        .clamp(110.0, 460.0);
    let size = vec2(2.0 * (radius + LABEL_ROOM), 2.0 * radius + 56.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let label = if names.is_empty() {
        "Radar with nothing shown".to_owned()
    } else {
        format!("Radar of {}", names.join(", "))
    };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let painter = ui.painter_at(rect.expand(4.0));
    let visuals = ui.visuals();
    let centre = rect.center();
    let count = continuum.indicator_count();
    let at = |x: f32, y: f32| centre + vec2(x, y) * radius;
    let grid = Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);

    // Category bands behind the outer ring, so the grouping shows.
    let mut axis = 0;
    for (index, category) in continuum.categories.iter().enumerate() {
        let first = axis;
        axis += category.indicators.len();
        let half = 0.5 * std::f32::consts::TAU / count as f32;
        let from = radar::angle(first, count) - half;
        let to = radar::angle(axis - 1, count) + half;
        let steps = 24;
        let band: Vec<Pos2> = (0..=steps)
            .map(|i| {
                let a = from + (to - from) * i as f32 / steps as f32;
                centre + vec2(a.sin(), -a.cos()) * (radius + 6.0)
            })
            .collect();
        painter.add(Shape::line(
            band,
            Stroke::new(5.0, style::category_colour(index, visuals)),
        ));
    }

    // Rings at the four levels, each labelled with its name.
    for level in Level::ALL {
        let r = radar::ring_radius(level);
        let ring: Vec<Pos2> = (0..count)
            .map(|i| {
                let (x, y) = radar::point(i, count, r);
                at(x, y)
            })
            .collect();
        painter.add(Shape::closed_line(ring, grid));
        painter.text(
            at(0.0, -r) + vec2(4.0, 2.0),
            Align2::LEFT_TOP,
            continuum.level_name(level),
            FontId::proportional(style::size::TICK),
            visuals.weak_text_color(),
        );
    }

    // Axes with the indicators' names, coloured by category.
    let mut axis = 0;
    for (index, category) in continuum.categories.iter().enumerate() {
        for indicator in &category.indicators {
            let (x, y) = radar::point(axis, count, 1.0);
            painter.line_segment([centre, at(x, y)], grid);
            let anchor = match (x, y) {
                (x, _) if x > 0.2 => Align2::LEFT_CENTER,
                (x, _) if x < -0.2 => Align2::RIGHT_CENTER,
                (_, y) if y < 0.0 => Align2::CENTER_BOTTOM,
                _ => Align2::CENTER_TOP,
            };
            let (lx, ly) = radar::point(axis, count, 1.0 + 16.0 / radius);
            painter.text(
                at(lx, ly),
                anchor,
                &indicator.name,
                FontId::proportional(style::size::CHART),
                style::category_text(index, visuals),
            );
            axis += 1;
        }
    }

    // The outlines, the last series on top.
    let mut nearest: Option<(f32, &Series, radar::Vertex)> = None;
    let pointer = response.hover_pos();
    for s in series {
        let outline = radar::outline(&s.levels);
        if outline.closed
            && s.filled
            && let Some(run) = outline.runs.first()
        {
            // The outline is star-shaped around the centre, not convex: fill
            // it as a fan of triangles from the centre.
            let fill = s.color.gamma_multiply(0.12);
            let mut mesh = egui::Mesh::default();
            mesh.colored_vertex(centre, fill);
            for v in run {
                mesh.colored_vertex(at(v.x, v.y), fill);
            }
            let n = u32::try_from(run.len()).unwrap_or(0);
            for i in 0..n {
                mesh.add_triangle(0, 1 + i, 1 + (i + 1) % n);
            }
            painter.add(Shape::mesh(mesh));
        }
        for run in &outline.runs {
            let points: Vec<Pos2> = run.iter().map(|v| at(v.x, v.y)).collect();
            let stroke = Stroke::new(s.width, s.color);
            if s.dashed {
                let mut path = points.clone();
                if outline.closed
                    && let Some(first) = points.first()
                {
                    path.push(*first);
                }
                painter.extend(Shape::dashed_line(&path, stroke, 10.0, 6.0));
            } else if outline.closed {
                painter.add(Shape::closed_line(points.clone(), stroke));
            } else if points.len() > 1 {
                painter.add(Shape::line(points.clone(), stroke));
            }
            for (vertex, point) in run.iter().zip(points) {
                if s.dashed {
                    painter.rect_filled(
                        egui::Rect::from_center_size(point, Vec2::splat(2.0 * s.width + 4.0)),
                        0.0,
                        s.color,
                    );
                } else {
                    painter.circle_filled(point, s.width + 1.5, s.color);
                }
                if let Some(pointer) = pointer {
                    let distance = pointer.distance(point);
                    if distance < 10.0 && nearest.as_ref().is_none_or(|(d, _, _)| distance <= *d) {
                        nearest = Some((distance, s, *vertex));
                    }
                }
            }
        }
    }

    // An unrated indicator, when two outlines are compared: a hollow ring
    // of the series' colour just outside the outer ring, so the gap in its
    // outline is seen (the legend names it).
    for (offset, s) in series.iter().enumerate().filter(|_| series.len() <= 2) {
        for (axis, level) in s.levels.iter().enumerate() {
            if level.is_none() {
                let (x, y) =
                    radar::point(axis, count, 1.0 + (10.0 + 12.0 * offset as f32) / radius);
                painter.circle_stroke(at(x, y), 4.5, Stroke::new(2.0, s.color));
            }
        }
    }

    if let Some((_, s, vertex)) = nearest {
        let indicator = continuum.indicators().nth(vertex.axis);
        let note = s.notes.get(vertex.axis).map_or("", String::as_str);
        response.clone().on_hover_ui_at_pointer(|ui| {
            if let Some(indicator) = indicator {
                ui.strong(&indicator.name);
            }
            ui.label(format!(
                "{} ({}) · {}",
                continuum.level_name(vertex.level),
                vertex.level.number(),
                s.name
            ));
            if !note.is_empty() {
                ui.weak(note);
            }
        });
    }
    response
}
