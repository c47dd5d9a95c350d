//! Help > Keyboard shortcuts (F1): every key in words. The shortcuts of the
//! actions come from the actions themselves (`Action::ALL`), so that the
//! list cannot miss one or name an old key; the keys that move around a
//! page are listed beside them.

use egui::{KeyboardShortcut, RichText, Ui};

use crate::ui::action::{Action, Actions};
use crate::ui::kit::style;
use crate::ui::view::{Dialog, DialogContext};

/// The keys of every window, listed before the actions' shortcuts.
const MOVING: [(&str, &str); 3] = [
    ("Tab, Shift+Tab", "Move to the next or previous control"),
    (
        "Enter or Space",
        "Press the button, tick the box or choose the level that has the ring around it",
    ),
    ("Escape", "Close a dialog without doing anything"),
];

/// The keys of some pages, listed after the actions' shortcuts.
const ON_PAGES: [(&str, &str); 4] = [
    (
        "1, 2, 3, 4",
        "In the continuum grid: choose that level for the indicator in focus",
    ),
    ("0 or Delete", "In the continuum grid: clear the level"),
    (
        "Left and right arrows",
        "In Levels over the years: step through the school years",
    ),
    (
        "1–4, 0, left and right arrows, Esc",
        "In Present: set the team's level, clear it, move, leave",
    ),
];

/// The list, which keeps nothing.
pub struct ShortcutHelp;

impl ShortcutHelp {
    /// Every row of the list: its keys and what they do. The key of this
    /// list itself comes last.
    pub fn rows(ctx: &egui::Context) -> Vec<(String, &'static str)> {
        let keys = |action: &Action| {
            let shortcuts: Vec<String> = action
                .shortcuts()
                .iter()
                .map(|s: &KeyboardShortcut| ctx.format_shortcut(s))
                .collect();
            shortcuts.join(" or ")
        };
        let fixed = |rows: &[(&str, &'static str)]| -> Vec<(String, &'static str)> {
            rows.iter().map(|(k, w)| ((*k).to_owned(), *w)).collect()
        };
        let row = |action: &Action| action.help().map(|what| (keys(action), what));
        let mut rows = fixed(&MOVING);
        rows.extend(
            Action::ALL
                .iter()
                .filter(|a| **a != Action::ShortcutHelp)
                .filter_map(row),
        );
        rows.extend(fixed(&ON_PAGES));
        rows.extend(row(&Action::ShortcutHelp));
        rows
    }
}

impl Dialog for ShortcutHelp {
    fn name(&self) -> &'static str {
        "keyboard shortcuts"
    }

    fn title(&self) -> String {
        "Keyboard shortcuts".to_owned()
    }

    fn show(&mut self, ui: &mut Ui, _: &DialogContext<'_>, _: &mut Actions) -> bool {
        let ctx = ui.ctx().clone();
        let rows = ShortcutHelp::rows(&ctx);
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique(self.name())).show(&ctx, |ui| {
            ui.set_width(style::width::DIALOG_TEXT);
            ui.heading(self.title());
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
        !(close || modal.should_close())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list as it was written by hand before it was made from the
    /// actions: the same rows, in the same order.
    #[test]
    fn the_list_made_from_the_actions_reads_as_before() {
        let ctx = egui::Context::default();
        let rows = ShortcutHelp::rows(&ctx);
        let key = |s: &KeyboardShortcut| ctx.format_shortcut(s);
        let print = KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::P);
        let open = KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::O);
        let zoom_in = KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Equals);
        let plus = KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Plus);
        let expected: Vec<(String, &str)> = vec![
            (
                "Tab, Shift+Tab".into(),
                "Move to the next or previous control",
            ),
            (
                "Enter or Space".into(),
                "Press the button, tick the box or choose the level that has the ring around it",
            ),
            ("Escape".into(), "Close a dialog without doing anything"),
            (
                key(&KeyboardShortcut::new(
                    egui::Modifiers::COMMAND,
                    egui::Key::Z,
                )),
                "Undo the last change, on the page it was made (in a text field: undo the typing)",
            ),
            (
                format!(
                    "{} or {}",
                    key(&KeyboardShortcut::new(
                        egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
                        egui::Key::Z
                    )),
                    key(&KeyboardShortcut::new(
                        egui::Modifiers::COMMAND,
                        egui::Key::Y
                    ))
                ),
                "Redo the last change undone",
            ),
            (key(&print), "Print: a tool filled in or blank"),
            (key(&open), "Open another PartnerPath file"),
            (
                key(&KeyboardShortcut::new(
                    egui::Modifiers::COMMAND,
                    egui::Key::F,
                )),
                "Search the list of partnerships",
            ),
            (
                key(&KeyboardShortcut::new(
                    egui::Modifiers::ALT,
                    egui::Key::ArrowLeft,
                )),
                "Back to the partnership's page, or to the list",
            ),
            (
                format!("{} or {}", key(&zoom_in), key(&plus)),
                "Make everything larger (up to 250 %)",
            ),
            (
                key(&KeyboardShortcut::new(
                    egui::Modifiers::COMMAND,
                    egui::Key::Minus,
                )),
                "Make everything smaller (down to 75 %)",
            ),
            (
                key(&KeyboardShortcut::new(
                    egui::Modifiers::COMMAND,
                    egui::Key::Num0,
                )),
                "Back to 100 %",
            ),
            (
                key(&KeyboardShortcut::new(egui::Modifiers::NONE, egui::Key::F5)),
                "Present the cycle, readiness round or quarterly meeting shown, on the whole screen (Esc leaves)",
            ),
            (
                "1, 2, 3, 4".into(),
                "In the continuum grid: choose that level for the indicator in focus",
            ),
            (
                "0 or Delete".into(),
                "In the continuum grid: clear the level",
            ),
            (
                "Left and right arrows".into(),
                "In Levels over the years: step through the school years",
            ),
            (
                "1–4, 0, left and right arrows, Esc".into(),
                "In Present: set the team's level, clear it, move, leave",
            ),
            (
                key(&KeyboardShortcut::new(egui::Modifiers::NONE, egui::Key::F1)),
                "This list",
            ),
        ];
        assert_eq!(rows, expected);
    }
}
