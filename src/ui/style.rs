//! Sizes and colours shared by the screens: large enough to read on a
//! projector, and never relying on colour alone.

use egui::{Color32, FontFamily, FontId, TextStyle};

use crate::model::Side;

pub fn apply(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(22.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(14.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}

/// The fill of a chosen level cell.
pub fn selected_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(24, 64, 104)
    } else {
        Color32::from_rgb(214, 232, 250)
    }
}

/// The outline of a chosen level cell.
pub fn selected_stroke(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(120, 180, 255)
    } else {
        Color32::from_rgb(20, 90, 170)
    }
}

/// The band behind a category heading.
pub fn category_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(45)
    } else {
        Color32::from_gray(232)
    }
}

/// Text that warns (problems, notes on the source).
pub fn warning_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 200, 120)
    } else {
        Color32::from_rgb(150, 70, 0)
    }
}

pub fn problem_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(90, 30, 30)
    } else {
        Color32::from_rgb(253, 228, 228)
    }
}

pub fn sample_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(70, 60, 20)
    } else {
        Color32::from_rgb(255, 244, 200)
    }
}

/// A colour per category (bands and axis labels), from a palette that stays
/// apart for common kinds of colour blindness (Okabe–Ito).
pub fn category_colour(index: usize, dark: bool) -> Color32 {
    const PALETTE: [(u8, u8, u8); 4] =
        [(0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167)];
    let (r, g, b) = PALETTE[index % PALETTE.len()];
    let colour = Color32::from_rgb(r, g, b);
    if dark {
        colour.gamma_multiply(0.8)
    } else {
        colour.gamma_multiply(0.55)
    }
}

/// Text in a category's colour, dark enough to read.
pub fn category_text(index: usize, dark: bool) -> Color32 {
    const LIGHT: [(u8, u8, u8); 4] = [(0, 80, 130), (160, 60, 0), (0, 105, 75), (150, 60, 110)];
    const DARK: [(u8, u8, u8); 4] = [
        (110, 180, 240),
        (240, 150, 90),
        (90, 210, 170),
        (235, 160, 205),
    ];
    let (r, g, b) = if dark { DARK } else { LIGHT }[index % 4];
    Color32::from_rgb(r, g, b)
}

/// The colour of the cycle at `rank` of `count` (0 = oldest): older cycles
/// lighter, the newest strongest.
pub fn cycle_colour(rank: usize, count: usize, dark: bool) -> Color32 {
    let t = if count <= 1 {
        1.0
    } else {
        rank as f32 / (count - 1) as f32
    };
    let (faint, strong) = if dark {
        ((70.0, 85.0, 110.0), (110.0, 185.0, 255.0))
    } else {
        ((175.0, 190.0, 215.0), (10.0, 60.0, 150.0))
    };
    let mix = |a: f32, b: f32| (a + (b - a) * t).round() as u8;
    Color32::from_rgb(
        mix(faint.0, strong.0),
        mix(faint.1, strong.1),
        mix(faint.2, strong.2),
    )
}

/// Distinct colours for individual raters on a radar.
pub fn rater_colour(index: usize) -> Color32 {
    const PALETTE: [(u8, u8, u8); 7] = [
        (230, 159, 0),
        (86, 180, 233),
        (0, 158, 115),
        (213, 94, 0),
        (204, 121, 167),
        (0, 114, 178),
        (150, 150, 150),
    ];
    let (r, g, b) = PALETTE[index % PALETTE.len()];
    Color32::from_rgb(r, g, b)
}

/// The fill of a heat-map cell for a level (1–4), light to dark so that it
/// also reads in greyscale; the level's number is always written on it.
pub fn level_fill(level: u8, dark: bool) -> Color32 {
    const LIGHT: [(u8, u8, u8); 4] = [
        (239, 243, 255),
        (189, 215, 238),
        (107, 174, 214),
        (33, 113, 181),
    ];
    const DARK: [(u8, u8, u8); 4] = [(35, 45, 60), (40, 75, 110), (50, 110, 165), (80, 150, 215)];
    let (r, g, b) = if dark { DARK } else { LIGHT }[usize::from(level.clamp(1, 4) - 1)];
    Color32::from_rgb(r, g, b)
}

/// Text that reads on `level_fill(level)`.
pub fn level_text(level: u8, dark: bool) -> Color32 {
    if dark || level >= 4 {
        Color32::WHITE
    } else {
        Color32::from_gray(20)
    }
}

/// The colour of a side's markers (the initials carry the meaning too).
pub fn side_colour(side: Side) -> Color32 {
    match side {
        Side::District => Color32::from_rgb(0, 114, 178),
        Side::Partner => Color32::from_rgb(213, 94, 0),
        Side::School => Color32::from_rgb(0, 140, 100),
        Side::Other => Color32::from_rgb(120, 120, 120),
    }
}
