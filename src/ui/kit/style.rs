//! Sizes and colours shared by the screens: large enough to read on a
//! projector, and never relying on colour alone. Every colour of the window
//! is made here (clippy.toml refuses `Color32` constructors elsewhere); the
//! functions take the visuals, so that each reads right in both themes.
#![expect(
    clippy::disallowed_methods,
    reason = "the one place where colours are made"
)]

use egui::{Color32, FontFamily, FontId, TextStyle, Visuals};

use crate::model::Side;

/// The sizes of text, in points, smallest first. Screens name a size,
/// never a number.
pub mod size {
    /// Initials on a rater's marker disc.
    pub const MARKER: f32 = 10.5;
    /// The smallest labels of a chart: ticks, dates on a timeline.
    pub const TICK: f32 = 11.0;
    /// Notes beside a chart's marks.
    pub const CHART_NOTE: f32 = 12.0;
    /// A chart's labels and the numbers in its cells.
    pub const CHART: f32 = 13.0;
    /// Text in a grid cell or a chart's legend.
    pub const CELL: f32 = 14.0;
    /// Running text (also the buttons).
    pub const BODY: f32 = 15.0;
    /// Tabs and emphasised lines.
    pub const TAB: f32 = 16.0;
    /// The title of a block: a change, a partnership in the list.
    pub const TITLE: f32 = 17.0;
    /// A section's heading within a page.
    pub const SECTION: f32 = 18.0;
    /// The leading line of a part of a page.
    pub const LEAD: f32 = 19.0;
    /// The sign at the start of a problem banner.
    pub const SIGN: f32 = 20.0;
    /// A page's heading.
    pub const HEADING: f32 = 22.0;
    /// The meeting timer's clock, readable across the room.
    pub const CLOCK: f32 = 26.0;
    /// Small print: notes on sources, hints.
    pub const SMALL: f32 = 12.5;
    /// Code and file paths.
    pub const MONOSPACE: f32 = 14.0;
}

/// The space between things, in points, smallest first.
pub mod space {
    pub const XS: f32 = 4.0;
    pub const S: f32 = 6.0;
    pub const M: f32 = 8.0;
    pub const M_PLUS: f32 = 10.0;
    pub const L: f32 = 12.0;
    pub const XL: f32 = 16.0;
    pub const XXL: f32 = 24.0;
    pub const HUGE: f32 = 48.0;
}

/// Widths, in points: of dialogs by what they hold, and of fields and
/// drop-downs by what is typed or chosen in them.
pub mod width {
    /// A partnership's side panel.
    pub const NAV: f32 = 190.0;
    /// Narrower than this, a screen stacks what sits side by side: the
    /// chart under its controls, the radar above its legend, the
    /// partnership's side panel as a row at the top.
    pub const NARROW: f32 = 900.0;
    /// A dialog with one field (rename).
    pub const DIALOG_ONE_FIELD: f32 = 420.0;
    /// A question asked before deleting.
    pub const DIALOG_QUESTION: f32 = 460.0;
    /// A dialog with a short form (a new partnership).
    pub const DIALOG_FORM: f32 = 520.0;
    /// A dialog with a list of choices (printing).
    pub const DIALOG_CHOICES: f32 = 560.0;
    /// A dialog of text (Help > About).
    pub const DIALOG_TEXT: f32 = 600.0;
    /// The file dialog, with its folder listing.
    pub const DIALOG_FILES: f32 = 620.0;
    /// A dialog listing records with a button each (backups, recently
    /// deleted).
    pub const DIALOG_LIST: f32 = 600.0;
    /// What a row of such a list is (a deleted record, a backup).
    pub const LIST_WHAT: f32 = 260.0;
    /// When it was, in such a row.
    pub const LIST_WHEN: f32 = 220.0;
    /// A side (District, Partner…).
    pub const SIDE: f32 = 100.0;
    /// A progress bar beside a count.
    pub const PROGRESS: f32 = 120.0;
    /// A name or role in a row of several fields.
    pub const NAME_IN_ROW: f32 = 150.0;
    /// Who owns an action step; a person's name in the list of people.
    pub const OWNER: f32 = 160.0;
    /// A person's role in the list of people: at least this wide, and
    /// wider, up to `ROLE_MOST`, when the row has room.
    pub const ROLE_LEAST: f32 = 200.0;
    /// The widest a person's role grows.
    pub const ROLE_MOST: f32 = 460.0;
    /// Room kept in a row of people for its last button ("+ Add person" is
    /// the wider), the gaps between the fields and the scroll bar.
    pub const PERSON_ROW_REST: f32 = 160.0;
    /// A legend or a short title beside a chart or list.
    pub const LEGEND: f32 = 220.0;
    /// A folder typed in the print dialog; whom a rating is by.
    pub const CHOICE: f32 = 260.0;
    /// The goal an objective serves.
    pub const GOAL_CHOICE: f32 = 300.0;
    /// A short sentence: an objective, a note, a stage.
    pub const SENTENCE: f32 = 320.0;
    /// A partnership's name, district or partner, and its kind.
    pub const PARTNERSHIP_FIELD: f32 = 340.0;
    /// A sentence of what will be done.
    pub const STEP: f32 = 360.0;
    /// A name being changed.
    pub const RENAME_FIELD: f32 = 400.0;
    /// A goal.
    pub const GOAL: f32 = 420.0;
    /// An item of the action list.
    pub const ACTION_ITEM: f32 = 460.0;
    /// A folder or file name.
    pub const PATH: f32 = 480.0;
    /// A milestone's fields.
    pub const LONG_FIELD: f32 = 560.0;
}

/// Heights, in points.
pub mod height {
    /// A drop-down with many choices (the districts of sixty partnerships).
    pub const LONG_DROPDOWN: f32 = 400.0;
    /// An entry of a partnership's side panel.
    pub const NAV: f32 = 28.0;
}

pub fn apply(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(size::HEADING, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(size::BODY, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(size::BODY, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(size::SMALL, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(size::MONOSPACE, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(space::M, space::S);
        style.spacing.button_padding = egui::vec2(space::M, space::XS);
        readable(&mut style.visuals);
    });
}

/// egui's colours, changed where they fall short of WCAG 2.1 AA: the
/// dark theme's text and weak text, the light theme's links.
fn readable(visuals: &mut Visuals) {
    if visuals.dark_mode {
        visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(205);
        visuals.weak_text_color = Some(Color32::from_gray(150));
    } else {
        visuals.hyperlink_color = Color32::from_rgb(0, 90, 170);
    }
}

/// The fill of a chosen level cell.
pub fn selected_fill(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(24, 64, 104)
    } else {
        Color32::from_rgb(214, 232, 250)
    }
}

/// The outline of a chosen level cell.
pub fn selected_stroke(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(120, 180, 255)
    } else {
        Color32::from_rgb(20, 90, 170)
    }
}

/// The band behind a category heading.
pub fn category_fill(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(45)
    } else {
        Color32::from_gray(232)
    }
}

/// Over the window while files are dragged onto it.
pub fn drop_veil(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_black_alpha(150)
    } else {
        Color32::from_white_alpha(170)
    }
}

/// The outline of where dragged files are dropped.
pub fn drop_outline(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(120, 180, 255)
    } else {
        Color32::from_rgb(20, 90, 180)
    }
}

/// Text that warns (problems, notes on the source).
pub fn warning_text(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(255, 200, 120)
    } else {
        Color32::from_rgb(150, 70, 0)
    }
}

pub fn problem_fill(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(70, 20, 20)
    } else {
        Color32::from_rgb(253, 228, 228)
    }
}

pub fn sample_fill(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(45, 40, 12)
    } else {
        Color32::from_rgb(255, 244, 200)
    }
}

/// A colour per category (bands and axis labels), from a palette that stays
/// apart for common kinds of colour blindness (Okabe–Ito).
pub fn category_colour(index: usize, visuals: &Visuals) -> Color32 {
    const PALETTE: [(u8, u8, u8); 4] =
        [(0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167)];
    let (r, g, b) = PALETTE[index % PALETTE.len()];
    let colour = Color32::from_rgb(r, g, b);
    if visuals.dark_mode {
        colour.gamma_multiply(0.8)
    } else {
        colour.gamma_multiply(0.55)
    }
}

/// Text in a category's colour, dark enough to read.
pub fn category_text(index: usize, visuals: &Visuals) -> Color32 {
    const LIGHT: [(u8, u8, u8); 4] = [(0, 80, 130), (160, 60, 0), (0, 105, 75), (150, 60, 110)];
    const DARK: [(u8, u8, u8); 4] = [
        (110, 180, 240),
        (240, 150, 90),
        (90, 210, 170),
        (235, 160, 205),
    ];
    let (r, g, b) = if visuals.dark_mode { DARK } else { LIGHT }[index % 4];
    Color32::from_rgb(r, g, b)
}

/// The colour of the `index`th line of a chart (a category, an indicator),
/// from the same colour-blind-safe palette as the categories, dark or light
/// enough to read as text in the theme. Lines differ by dash and marker too.
pub fn series_colour(index: usize, visuals: &Visuals) -> Color32 {
    category_text(index, visuals)
}

/// The newest year on a radar comparing two: blue (Okabe–Ito), solid.
pub fn newest_colour(visuals: &Visuals) -> Color32 {
    category_text(0, visuals)
}

/// The earlier year on a radar comparing two: vermillion (Okabe–Ito),
/// dashed; apart from the blue for every common kind of colour blindness.
pub fn earlier_colour(visuals: &Visuals) -> Color32 {
    category_text(1, visuals)
}

/// The band behind the chosen year of a chart.
pub fn chosen_year_band(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(62)
    } else {
        Color32::from_gray(222)
    }
}

/// The colour of the cycle at `rank` of `count` (0 = oldest): older cycles
/// lighter, the newest strongest.
pub fn cycle_colour(rank: usize, count: usize, visuals: &Visuals) -> Color32 {
    let t = if count <= 1 {
        1.0
    } else {
        rank as f32 / (count - 1) as f32
    };
    let (faint, strong) = if visuals.dark_mode {
        ((70.0, 85.0, 110.0), (110.0, 185.0, 255.0))
    } else {
        ((175.0, 190.0, 215.0), (10.0, 60.0, 150.0))
    };
    let mix = |a: f32, b: f32| channel(a + (b - a) * t);
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
pub fn level_fill(level: u8, visuals: &Visuals) -> Color32 {
    const LIGHT: [(u8, u8, u8); 4] = [
        (239, 243, 255),
        (189, 215, 238),
        (107, 174, 214),
        (33, 113, 181),
    ];
    const DARK: [(u8, u8, u8); 4] = [(35, 45, 60), (40, 75, 110), (50, 110, 165), (80, 150, 215)];
    let (r, g, b) =
        if visuals.dark_mode { DARK } else { LIGHT }[usize::from(level.clamp(1, 4) - 1)];
    Color32::from_rgb(r, g, b)
}

/// Text that reads on `level_fill(level)`.
pub fn level_text(level: u8, visuals: &Visuals) -> Color32 {
    // The darkest fill of each theme carries white text: level 4 in the
    // light theme, levels 1–3 in the dark one.
    if visuals.dark_mode == (level < 4) {
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
        Side::Other => Color32::from_rgb(105, 105, 105),
    }
}

/// The team's consensus on a radar: the strongest line, in the text colour.
pub fn consensus_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::WHITE
    } else {
        Color32::BLACK
    }
}

/// The initials on a marker disc of `fill`: white or near-black, whichever
/// reads better on it.
pub fn marker_text(fill: Color32) -> Color32 {
    let dark = Color32::from_gray(15);
    if contrast(Color32::WHITE, fill) >= contrast(dark, fill) {
        Color32::WHITE
    } else {
        dark
    }
}

/// The line that marks today on a timeline, grey in both themes.
pub const TODAY_LINE: Color32 = Color32::from_gray(128);

/// A colour channel from a number that may have left 0–255 by rounding.
fn channel(value: f32) -> u8 {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0–255 first"
    )]
    let byte = value.round().clamp(0.0, 255.0) as u8;
    byte
}

/// The contrast ratio of two colours (WCAG 2.1: 1 to 21), from their
/// relative luminance.
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn luminance(c: Color32) -> f32 {
        let channel = |v: u8| {
            let s = f32::from(v) / 255.0;
            if s <= 0.039_28 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2.1 AA: 4.5:1 for text, 3:1 for large text (18 pt, or 14 pt
    /// bold) and for the parts of controls and charts.
    const TEXT: f32 = 4.5;
    const LARGE: f32 = 3.0;

    /// Both themes' visuals as the window has them.
    fn themes() -> [Visuals; 2] {
        let ctx = egui::Context::default();
        apply(&ctx);
        [
            ctx.style_of(egui::Theme::Light).visuals.clone(),
            ctx.style_of(egui::Theme::Dark).visuals.clone(),
        ]
    }

    #[test]
    #[expect(
        clippy::too_many_lines,
        reason = "one contrast check per pair of text and background colour, in both themes"
    )]
    fn text_reads_at_wcag_aa_in_both_themes() {
        let mut low = Vec::new();
        let mut check = |what: String, fg: Color32, bg: Color32, least: f32| {
            let ratio = contrast(fg, bg);
            if ratio < least {
                low.push(format!("{what}: {ratio:.2} < {least}"));
            }
        };
        for v in themes() {
            let theme = if v.dark_mode { "dark" } else { "light" };
            let backgrounds = [
                ("panel", v.panel_fill),
                ("window", v.window_fill),
                ("striped row", over(v.faint_bg_color, v.panel_fill)),
                ("field", over(v.extreme_bg_color, v.panel_fill)),
            ];
            for (bg_name, bg) in backgrounds {
                let on = |name: &str| format!("{theme}: {name} on {bg_name}");
                check(on("text"), v.text_color(), bg, TEXT);
                check(on("weak text"), v.weak_text_color(), bg, TEXT);
                check(on("strong text"), v.strong_text_color(), bg, TEXT);
                check(on("link"), v.hyperlink_color, bg, TEXT);
                check(on("warning"), warning_text(&v), bg, TEXT);
                for i in 0..4 {
                    check(on(&format!("category {i}")), category_text(i, &v), bg, TEXT);
                }
                check(on("newest year"), newest_colour(&v), bg, LARGE);
                check(on("earlier year"), earlier_colour(&v), bg, LARGE);
                check(on("consensus line"), consensus_colour(&v), bg, LARGE);
                check(on("today line"), TODAY_LINE, bg, LARGE);
            }
            for (name, bg) in [("problem", problem_fill(&v)), ("note", sample_fill(&v))] {
                check(
                    format!("{theme}: text on {name} banner"),
                    v.text_color(),
                    bg,
                    TEXT,
                );
                check(
                    format!("{theme}: strong text on {name} banner"),
                    v.strong_text_color(),
                    bg,
                    TEXT,
                );
                check(
                    format!("{theme}: weak text on {name} banner"),
                    v.weak_text_color(),
                    bg,
                    TEXT,
                );
            }
            for level in 1..=4 {
                check(
                    format!("{theme}: level {level} cell"),
                    level_text(level, &v),
                    level_fill(level, &v),
                    TEXT,
                );
            }
            check(
                format!("{theme}: chosen level outline"),
                selected_stroke(&v),
                selected_fill(&v),
                LARGE,
            );
            check(
                format!("{theme}: text in a chosen level"),
                v.text_color(),
                selected_fill(&v),
                TEXT,
            );
            for (name, w) in [
                ("button", &v.widgets.inactive),
                ("hovered button", &v.widgets.hovered),
                ("pressed button", &v.widgets.active),
            ] {
                check(
                    format!("{theme}: {name} text"),
                    w.text_color(),
                    w.weak_bg_fill,
                    TEXT,
                );
            }
            check(
                format!("{theme}: selected tab text"),
                v.selection.stroke.color,
                v.selection.bg_fill,
                TEXT,
            );
        }
        for side in [Side::District, Side::Partner, Side::School, Side::Other] {
            let disc = side_colour(side);
            check(
                format!("initials on a {side:?} disc"),
                marker_text(disc),
                disc,
                TEXT,
            );
        }
        for i in 0..7 {
            let disc = rater_colour(i);
            check(
                format!("initials on rater disc {i}"),
                marker_text(disc),
                disc,
                TEXT,
            );
        }
        assert!(low.is_empty(), "too little contrast:\n{}", low.join("\n"));
    }

    /// `top` painted over `bottom` (egui's colours are premultiplied; some,
    /// like the striped rows' tint, only add light).
    fn over(top: Color32, bottom: Color32) -> Color32 {
        let keep = 1.0 - f32::from(top.a()) / 255.0;
        let mix = |t: u8, b: u8| channel(f32::from(t) + f32::from(b) * keep);
        Color32::from_rgb(
            mix(top.r(), bottom.r()),
            mix(top.g(), bottom.g()),
            mix(top.b(), bottom.b()),
        )
    }

    #[test]
    fn the_contrast_formula_matches_wcag() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.001);
        // #767676 on white is the well-known 4.54:1.
        assert!((contrast(Color32::from_gray(0x76), Color32::WHITE) - 4.54).abs() < 0.01);
    }
}
