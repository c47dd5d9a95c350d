//! How large a slide's text can be: the largest size at which the whole
//! slide fits the screen without scrolling, measured with egui's own text
//! layout, so that what is measured is what is drawn.
//!
//! Every length of a slide is a multiple of its text size (`Em`), so one
//! number chooses them all; the search tries whole sizes from the largest
//! down (by halves) and keeps the largest that fits.

use egui::{Color32, FontId, Ui};

/// The largest text a slide is drawn in (points).
pub const LARGEST: f32 = 44.0;
/// The smallest. Every indicator of every continuum PartnerPath carries
/// fits at 1024×768 in text of 20 points or more, which a room reads from
/// the back (`tests/it/ui_present.rs` measures each); only a smaller
/// window goes below that, and below this the slide scrolls instead.
pub const SMALLEST: f32 = 14.0;

/// The headline's size, in text sizes.
pub const HEADLINE: f32 = 1.25;
/// The space between a slide's rows, and inside its boxes, in text sizes.
pub const GAP: f32 = 0.25;
pub const PAD: f32 = 0.35;
/// The space after a line of a list, in text sizes.
pub const AFTER_ITEM: f32 = 0.1;
/// The bottom bar's height (the strip of where we are, the evidence line,
/// the timer, Leave), in text sizes, or its field's if taller.
const BAR: f32 = 1.5;

pub fn bar_height(ui: &Ui, size: f32) -> f32 {
    (BAR * size).max(row(ui, size) + FIELD_EXTRA)
}

/// A text field's margin inside its frame, and what a field adds to its
/// rows of text (both margins and the frame's stroke, with a point to
/// spare).
pub const FIELD_MARGIN: i8 = 3;
pub const FIELD_EXTRA: f32 = 2.0 * FIELD_MARGIN as f32 + 2.0;

/// The height of `text` at `size` points wrapped at `width`.
pub fn height(ui: &Ui, text: &str, size: f32, width: f32) -> f32 {
    galley(ui, text, size, width, Color32::PLACEHOLDER).size().y
}

/// The width of `text` at `size` points on one line.
pub fn width(ui: &Ui, text: &str, size: f32) -> f32 {
    ui.painter()
        .layout_no_wrap(
            text.to_owned(),
            FontId::proportional(size),
            Color32::PLACEHOLDER,
        )
        .size()
        .x
}

/// How far apart a slide's lines are, in text sizes. egui's own spacing
/// for its font is 1.2; a little closer lets the longest indicators fit at
/// 20 points at 1024×768, and still reads as paragraphs.
pub const LINE: f32 = 1.08;

/// `text` at `size` points, with the slide's line spacing, for a label.
pub fn text(text: &str, size: f32) -> egui::RichText {
    egui::RichText::new(text)
        .size(size)
        .line_height(Some(size * LINE))
}

/// `text` laid out at `size` points, wrapped at `width`, in `colour`, with
/// the slide's line spacing.
pub fn galley(
    ui: &Ui,
    text: &str,
    size: f32,
    width: f32,
    colour: Color32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple(
        text.to_owned(),
        FontId::proportional(size),
        colour,
        width.max(1.0),
    );
    for section in &mut job.sections {
        section.format.line_height = Some(size * LINE);
    }
    ui.painter().layout_job(job)
}

/// The height of one line at `size`.
pub fn row(ui: &Ui, size: f32) -> f32 {
    ui.fonts_mut(|f| f.row_height(&FontId::proportional(size)))
}

/// How a line of a box looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Look {
    Plain,
    Strong,
    /// PartnerPath's words, or a heading of its own.
    Italic,
    Weak,
}

/// A paragraph of a box.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Line {
    pub text: String,
    pub look: Look,
}

impl Line {
    pub fn new(text: impl Into<String>, look: Look) -> Line {
        Line {
            text: text.into(),
            look,
        }
    }

    /// An item of a list, with its bullet.
    pub fn bullet(item: &str) -> Line {
        Line::new(format!("•  {item}"), Look::Plain)
    }
}

/// A heading and its list of items.
pub fn list(heading: &str, items: &[String]) -> Vec<Line> {
    std::iter::once(Line::new(heading, Look::Strong))
        .chain(items.iter().map(|i| Line::bullet(i)))
        .collect()
}

/// The height of a box of `lines` `width` wide, with its padding.
pub fn box_height(ui: &Ui, lines: &[Line], size: f32, width: f32) -> f32 {
    let inner = width - 2.0 * PAD * size;
    2.0 * PAD * size
        + lines
            .iter()
            .map(|line| height(ui, &line.text, size, inner) + AFTER_ITEM * size)
            .sum::<f32>()
}

/// Draws a box of `lines` filling `rect`, on the fill of a category's
/// heading.
pub fn draw_box(ui: &mut Ui, lines: &[Line], size: f32, rect: egui::Rect) {
    ui.painter().rect(
        rect,
        6.0,
        crate::ui::kit::style::category_fill(ui.visuals()),
        egui::Stroke::NONE,
        egui::StrokeKind::Inside,
    );
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(rect.shrink(PAD * size))
            .layout(egui::Layout::top_down(egui::Align::Min)),
        |ui| {
            ui.spacing_mut().item_spacing.y = 0.0;
            for line in lines {
                let text = self::text(&line.text, size);
                let text = match line.look {
                    Look::Plain => text,
                    Look::Strong => text.strong(),
                    Look::Italic => text.italics(),
                    Look::Weak => text.weak(),
                };
                ui.add(egui::Label::new(text).wrap());
                ui.add_space(AFTER_ITEM * size);
            }
        },
    );
}

/// The head of a slide: the kicker (where we are) and the headline, on
/// one line when both fit, else the kicker above; `extra` points are kept
/// at the right of the kicker's line for a button.
pub fn head_height(
    ui: &Ui,
    (headline, kicker): (&str, &str),
    size: f32,
    width: f32,
    extra: f32,
) -> (f32, bool) {
    let one_line = self::width(ui, headline, size * HEADLINE)
        + 2.0 * GAP * size
        + self::width(ui, kicker, size)
        + extra;
    let beside = one_line <= width;
    let h = if beside {
        height(ui, headline, size * HEADLINE, width).max(row(ui, size))
    } else {
        height(ui, kicker, size, width - extra).max(row(ui, size))
            + height(ui, headline, size * HEADLINE, width)
    };
    (h, beside)
}

/// Draws a slide's head in `rect` (as tall as `head_height` said), with
/// `extra` (a button `head_height` kept room for) at the right of the
/// kicker's line.
pub fn draw_head(
    ui: &mut Ui,
    (headline, kicker): (&str, &str),
    size: f32,
    rect: egui::Rect,
    beside: bool,
    extra: &mut dyn FnMut(&mut Ui),
) {
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        let headline = text(headline, size * HEADLINE).strong();
        let kicker = text(kicker, size);
        if beside {
            ui.horizontal_top(|ui| {
                ui.add(egui::Label::new(headline));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                    extra(ui);
                    ui.add(egui::Label::new(kicker));
                });
            });
        } else {
            ui.spacing_mut().item_spacing.y = 0.0;
            ui.horizontal_top(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                    extra(ui);
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Min), |ui| {
                        ui.add(egui::Label::new(kicker).wrap());
                    });
                });
            });
            ui.add(egui::Label::new(headline).wrap());
        }
    });
}

/// What is left of `rect` below its first `height` points.
pub fn below(rect: egui::Rect, height: f32) -> egui::Rect {
    egui::Rect::from_min_max(
        egui::pos2(rect.left(), (rect.top() + height).min(rect.bottom())),
        rect.max,
    )
}

/// The largest size from `LARGEST` down to `SMALLEST`, by halves, for which
/// `fits` says yes; `SMALLEST` and false when none does.
pub fn largest(mut fits: impl FnMut(f32) -> bool) -> (f32, bool) {
    // Sizes in halves of a point, so the search is over whole numbers.
    let (mut low, mut high) = (halves(SMALLEST), halves(LARGEST));
    if !fits(size_of(low)) {
        return (SMALLEST, false);
    }
    // `low` fits; find the largest that does, assuming a larger size never
    // fits where a smaller did not.
    while low < high {
        let middle = (low + high).div_ceil(2);
        if fits(size_of(middle)) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    (size_of(low), true)
}

#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "the sizes are small positive constants"
)]
fn halves(size: f32) -> u32 {
    (size * 2.0).round() as u32
}

#[expect(
    clippy::cast_precision_loss,
    reason = "a size in halves of a point is under a hundred"
)]
fn size_of(halves: u32) -> f32 {
    halves as f32 / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_size_that_fits_is_found_and_none_is_said() {
        assert_eq!(largest(|s| s <= 27.5), (27.5, true));
        assert_eq!(largest(|_| true), (LARGEST, true));
        assert_eq!(largest(|s| s <= SMALLEST), (SMALLEST, true));
        assert_eq!(largest(|_| false), (SMALLEST, false));
    }
}
