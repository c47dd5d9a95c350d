//! The keyboard: the shortcuts of the main moves, the zoom steps, the
//! focus ring drawn around whatever has the keyboard, and the list shown
//! under Help > Keyboard shortcuts (F1).

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::style;

pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
/// Ctrl and the + key of a keypad or a keyboard that has one.
pub const ZOOM_IN_PLUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
pub const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
pub const ZOOM_RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);
/// Back: from a page of a partnership to its page, from there to the list.
pub const BACK: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft);
/// To the search of the partnerships list.
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);

/// The zoom steps, in per cent: from 75 % for a small screen to 250 % for
/// the back of a meeting room.
pub const ZOOM_STEPS: [u16; 10] = [75, 90, 100, 110, 125, 150, 175, 200, 225, 250];

/// The step after `percent` (the largest stays).
pub fn zoom_in(percent: u16) -> u16 {
    ZOOM_STEPS
        .iter()
        .copied()
        .find(|s| *s > percent)
        .unwrap_or(ZOOM_STEPS[ZOOM_STEPS.len() - 1])
}

/// The step before `percent` (the smallest stays).
pub fn zoom_out(percent: u16) -> u16 {
    ZOOM_STEPS
        .iter()
        .rev()
        .copied()
        .find(|s| *s < percent)
        .unwrap_or(ZOOM_STEPS[0])
}

/// A remembered zoom kept within the steps' range.
pub fn clamp_zoom(percent: u16) -> u16 {
    percent.clamp(ZOOM_STEPS[0], ZOOM_STEPS[ZOOM_STEPS.len() - 1])
}

/// What a shortcut pressed this frame asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pressed {
    Open,
    Zoom(u16),
    Back,
    Find,
    Help,
}

/// The shortcut pressed this frame, if any; `zoom` is the present zoom in
/// per cent.
pub fn pressed(ui: &Ui, zoom: u16) -> Option<Pressed> {
    let typing = ui.ctx().egui_wants_keyboard_input();
    ui.input_mut(|i| {
        if i.consume_shortcut(&ZOOM_IN) || i.consume_shortcut(&ZOOM_IN_PLUS) {
            Some(Pressed::Zoom(zoom_in(zoom)))
        } else if i.consume_shortcut(&ZOOM_OUT) {
            Some(Pressed::Zoom(zoom_out(zoom)))
        } else if i.consume_shortcut(&ZOOM_RESET) {
            Some(Pressed::Zoom(100))
        } else if i.consume_shortcut(&OPEN) {
            Some(Pressed::Open)
        } else if !typing && i.consume_shortcut(&BACK) {
            // In a text field Alt+Left moves the cursor (by word on a Mac).
            Some(Pressed::Back)
        } else if i.consume_shortcut(&FIND) {
            Some(Pressed::Find)
        } else if i.consume_shortcut(&HELP) {
            Some(Pressed::Help)
        } else {
            None
        }
    })
}

/// A menu item that shows its shortcut on the right; named by its label
/// alone for screen readers.
pub fn menu_item(
    ui: &mut Ui,
    label: &str,
    shortcut: &KeyboardShortcut,
    enabled: bool,
) -> egui::Response {
    let button = egui::Button::new(label).shortcut_text(ui.ctx().format_shortcut(shortcut));
    ui.add_enabled(enabled, button).accessible_name(label)
}

/// A ring around the widget that has the keyboard, in the theme's
/// selection colour and wide enough to see from across a room.
pub fn focus_ring(ctx: &egui::Context) {
    let Some(id) = ctx.memory(egui::Memory::focused) else {
        return;
    };
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    let visuals = ctx.global_style().visuals.clone();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("focus ring"),
    ));
    painter.rect_stroke(
        response.rect.expand(3.0),
        4.0,
        egui::Stroke::new(2.5, style::selected_stroke(&visuals)),
        egui::StrokeKind::Outside,
    );
}

/// Help > Keyboard shortcuts: every shortcut, in words.
pub fn show_help(ui: &mut Ui, open: &mut bool) {
    if !*open {
        return;
    }
    let ctx = ui.ctx().clone();
    let key = |shortcut: &KeyboardShortcut| ctx.format_shortcut(shortcut);
    let rows: Vec<(String, &str)> = vec![
        (
            "Tab, Shift+Tab".to_owned(),
            "Move to the next or previous control",
        ),
        (
            "Enter or Space".to_owned(),
            "Press the button, tick the box or choose the level that has the ring around it",
        ),
        ("Escape".to_owned(), "Close a dialog without doing anything"),
        (
            key(&super::print::SHORTCUT),
            "Print: a tool filled in or blank",
        ),
        (key(&OPEN), "Open another PartnerPath file"),
        (key(&FIND), "Search the list of partnerships"),
        (key(&BACK), "Back to the partnership's page, or to the list"),
        (
            format!("{} or {}", key(&ZOOM_IN), key(&ZOOM_IN_PLUS)),
            "Make everything larger (up to 250 %)",
        ),
        (key(&ZOOM_OUT), "Make everything smaller (down to 75 %)"),
        (key(&ZOOM_RESET), "Back to 100 %"),
        (
            "1, 2, 3, 4".to_owned(),
            "In the continuum grid: choose that level for the indicator in focus",
        ),
        (
            "0 or Delete".to_owned(),
            "In the continuum grid: clear the level",
        ),
        (
            "Left and right arrows".to_owned(),
            "In Levels over the years: step through the school years",
        ),
        (key(&HELP), "This list"),
    ];
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("keyboard shortcuts")).show(&ctx, |ui| {
        ui.set_width(style::width::DIALOG_TEXT);
        ui.heading("Keyboard shortcuts");
        ui.add_space(style::space::M);
        egui::Grid::new("shortcuts")
            .num_columns(2)
            .striped(true)
            .spacing([style::space::XL, style::space::S])
            .show(ui, |ui| {
                for (keys, what) in &rows {
                    ui.label(RichText::new(keys).strong());
                    ui.add(egui::Label::new(what.to_owned()).wrap());
                    ui.end_row();
                }
            });
        ui.add_space(style::space::M);
        ui.weak("Every control can be reached with Tab; the one in use has a ring around it.");
        ui.add_space(style::space::M);
        close = ui.button("Close").clicked();
    });
    if close || modal.should_close() {
        *open = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_steps_from_75_to_250_and_stop_there() {
        assert_eq!(zoom_in(100), 110);
        assert_eq!(zoom_out(100), 90);
        assert_eq!(zoom_in(250), 250);
        assert_eq!(zoom_out(75), 75);
        assert_eq!(zoom_in(105), 110, "between steps, the next one up");
        assert_eq!(clamp_zoom(400), 250);
        assert_eq!(clamp_zoom(10), 75);
        let mut z = 75;
        let mut seen = vec![z];
        while zoom_in(z) != z {
            z = zoom_in(z);
            seen.push(z);
        }
        assert_eq!(seen, ZOOM_STEPS);
    }
}
