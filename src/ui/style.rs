//! Sizes and colours shared by the screens: large enough to read on a
//! projector, and never relying on colour alone.

use egui::{Color32, FontFamily, FontId, TextStyle};

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
