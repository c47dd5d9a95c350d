//! A fishbone (cause-and-effect) diagram drawn from a worksheet's table:
//! the problem at the head on the right, one bone per cause along the
//! spine, above and below in turn, each with its rank in a circle.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, Vec2};

use crate::model::Bone;
use crate::ui::kit::style;

/// The height of the drawing, in points.
const HEIGHT: f32 = 260.0;
/// The width of the head, in points.
const HEAD: f32 = 170.0;

/// Draws the diagram across the available width. A screen reader reads
/// the problem and the causes with their ranks.
#[expect(
    clippy::too_many_lines,
    reason = "the fishbone is one painter: the spine, the bones and their ranked labels share its geometry"
)]
pub fn show(ui: &mut Ui, head: &str, bones: &[Bone]) {
    let width = ui.available_width().max(480.0);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, HEIGHT), Sense::hover());
    let causes: Vec<String> = bones
        .iter()
        .map(|b| match b.rank.as_str() {
            "" => b.cause.clone(),
            rank => format!("{} (rank {rank})", b.cause),
        })
        .collect();
    let described = format!(
        "Fishbone diagram. Problem: {}. Causes: {}.",
        if head.trim().is_empty() {
            "not written yet"
        } else {
            head.trim()
        },
        if causes.is_empty() {
            "none yet".to_owned()
        } else {
            causes.join("; ")
        }
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &described));
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.visuals();
    let ink = visuals.text_color();
    let line = Stroke::new(2.0, ink);
    let thin = Stroke::new(1.2, ink);
    let painter = ui.painter_at(rect);
    let spine_y = rect.center().y;
    let head_rect = Rect::from_min_max(
        Pos2::new(rect.right() - HEAD, spine_y - 45.0),
        Pos2::new(rect.right() - 4.0, spine_y + 45.0),
    );
    painter.rect_stroke(head_rect, 8.0, line, egui::StrokeKind::Inside);
    let font = FontId::proportional(style::size::BODY);
    let small = FontId::proportional(style::size::BODY - 1.5);
    let head_text = if head.trim().is_empty() {
        "The problem"
    } else {
        head.trim()
    };
    let galley = painter.layout(
        head_text.to_owned(),
        font.clone(),
        ink,
        head_rect.width() - 16.0,
    );
    painter.galley(head_rect.center() - galley.size() / 2.0, galley, ink);
    let tail = rect.left() + 10.0;
    painter.line_segment(
        [
            Pos2::new(tail, spine_y),
            Pos2::new(head_rect.left(), spine_y),
        ],
        line,
    );
    // Six bones when nothing is written, so the empty diagram reads as one;
    // otherwise the causes, in pairs.
    let count = if bones.is_empty() {
        6
    } else {
        bones.len().next_multiple_of(2)
    };
    let per_side = count.div_ceil(2);
    let step = (head_rect.left() - tail - 30.0) / per_side as f32;
    for index in 0..count {
        let above = index % 2 == 0;
        let slot = (index / 2) as f32;
        let join = Pos2::new(head_rect.left() - 30.0 - slot * step, spine_y);
        let reach = HEIGHT / 2.0 - 34.0;
        let end = Pos2::new(
            join.x - reach * 0.55,
            if above {
                spine_y - reach
            } else {
                spine_y + reach
            },
        );
        painter.line_segment([join, end], thin);
        let Some(bone) = bones.get(index) else {
            continue;
        };
        let text_pos = if above {
            Pos2::new(end.x, end.y - 4.0)
        } else {
            Pos2::new(end.x, end.y + 4.0)
        };
        let galley = painter.layout(bone.cause.clone(), small.clone(), ink, step.max(90.0));
        let anchor = if above {
            Align2::LEFT_BOTTOM
        } else {
            Align2::LEFT_TOP
        };
        let at = anchor.anchor_size(text_pos, galley.size()).min;
        painter.galley(at, galley, ink);
        let circle = Pos2::new((join.x + end.x) / 2.0 + 14.0, (join.y + end.y) / 2.0);
        painter.circle(circle, 10.0, Color32::TRANSPARENT, thin);
        if !bone.rank.is_empty() {
            painter.text(
                circle,
                Align2::CENTER_CENTER,
                &bone.rank,
                small.clone(),
                ink,
            );
        }
    }
}
