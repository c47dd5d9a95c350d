//! The keyboard: the actions' shortcuts pressed this frame, the zoom
//! steps, and the focus ring drawn around whatever has the keyboard. The
//! list of shortcuts the user reads is the dialog `dialogs/shortcuts.rs`.

use egui::Ui;

use crate::ui::action::{Action, Actions};
use crate::ui::kit::style;

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

/// Pushes the action of each shortcut pressed this frame, taking the key
/// away from the widgets. Alt+Left is left to a text field that has the
/// keyboard.
/// A shortcut with Shift is looked for before those without: egui matches
/// Ctrl+Z when Ctrl+Shift+Z is pressed too (Shift may be needed to type a
/// key), so Redo must take its keys before Undo sees them.
pub fn pressed(ui: &Ui, actions: &mut Actions) {
    let typing = ui.ctx().egui_wants_keyboard_input();
    ui.input_mut(|i| {
        for shifted in [true, false] {
            for action in Action::ALL {
                if typing && action.left_to_text_fields() {
                    continue;
                }
                if action
                    .shortcuts()
                    .iter()
                    .filter(|s| s.modifiers.shift == shifted)
                    .any(|s| i.consume_shortcut(s))
                {
                    actions.push(action);
                }
            }
        }
    });
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
