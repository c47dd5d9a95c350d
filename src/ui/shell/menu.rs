//! The menu bar: File, Edit, View and Help, each entry an `Action` with its
//! label and shortcut, and on the right where the open file is saved.

use std::path::PathBuf;

use egui::Ui;

use super::App;
use super::keyboard;
use crate::place::Place;
use crate::session::Session;
use crate::ui::action::{Action, Actions};
use crate::ui::kit::{self, widgets};
use crate::ui::nav::Screen;

/// A menu entry for `action`, with its shortcut on the right if it has
/// one (named by its label alone for screen readers); pushes the action
/// when clicked, and closes the menu if `close`.
fn item(ui: &mut Ui, action: Action, enabled: bool, close: bool, actions: &mut Actions) {
    let label = action.text();
    named_item(ui, action, label, enabled, close, actions);
}

/// The same, with a label of its own: Undo “Set Decision Making to
/// Established”.
fn named_item(
    ui: &mut Ui,
    action: Action,
    label: &str,
    enabled: bool,
    close: bool,
    actions: &mut Actions,
) {
    let response = match action.shortcut() {
        Some(shortcut) => {
            let button =
                egui::Button::new(label).shortcut_text(ui.ctx().format_shortcut(&shortcut));
            ui.add_enabled(enabled, button).accessible_name(label)
        }
        None => ui.add_enabled(enabled, egui::Button::new(label)),
    };
    if response.clicked() {
        actions.push(action);
        if close {
            ui.close();
        }
    }
}

impl App {
    pub(super) fn menu_bar(&self, ui: &mut Ui, actions: &mut Actions) {
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| self.file_menu(ui, actions));
                ui.menu_button("Edit", |ui| self.edit_menu(ui, actions));
                ui.menu_button("View", |ui| self.view_menu(ui, actions));
                ui.menu_button("Help", |ui| {
                    item(ui, Action::ShortcutHelp, true, true, actions);
                    item(ui, Action::About, true, true, actions);
                });
                // (With nothing else open the whole window says it.)
                if let Some(session) = &self.session {
                    match self.connecting() {
                        Some(place) => connecting_to(ui, place),
                        None => saved_in(ui, session),
                    }
                }
            });
        });
    }

    fn file_menu(&self, ui: &mut Ui, actions: &mut Actions) {
        item(ui, Action::NewFile, true, true, actions);
        item(ui, Action::Open, true, true, actions);
        self.recent_menu(ui, actions);
        item(ui, Action::OpenSample, true, true, actions);
        item(ui, Action::Connect, true, true, actions);
        ui.separator();
        item(ui, Action::Print, true, true, actions);
        ui.separator();
        if let Some(session) = &self.session {
            let may_edit = session.may_edit();
            let import = Action::Import;
            let response = ui
                .add_enabled(may_edit, egui::Button::new(import.text()))
                .on_disabled_hover_text(kit::NOT_NOW);
            if response.clicked() {
                actions.push(import);
                ui.close();
            }
            let export = Action::Export;
            let response = ui
                .add_enabled(session.view().is_some(), egui::Button::new(export.text()))
                .on_disabled_hover_text("Open a partnership first");
            if response.clicked() {
                actions.push(export);
                ui.close();
            }
            let sheet = Action::ExportSheet;
            let (ready, why) = match self.screen {
                Screen::In(..) => (session.view().is_some(), "Open a partnership first"),
                Screen::Partnerships => (
                    self.list.shows_any(),
                    "The list shows no partnership to export",
                ),
            };
            let response = ui
                .add_enabled(ready, egui::Button::new(sheet.text()))
                .on_hover_text("The ratings of every year, the averages, readiness, actions and monitoring, as an Excel workbook")
                .on_disabled_hover_text(why);
            if response.clicked() {
                actions.push(sheet);
                ui.close();
            }
            let calendar = Action::ExportCalendar;
            let ready = match self.screen {
                Screen::In(..) => session.view().is_some(),
                Screen::Partnerships => !session.summaries().is_empty(),
            };
            let response = ui
                .add_enabled(ready, egui::Button::new(calendar.text()))
                .on_hover_text("The meetings, check-ins and due action steps, as a calendar file for Outlook or Google Calendar")
                .on_disabled_hover_text("Make a partnership first");
            if response.clicked() {
                actions.push(calendar);
                ui.close();
            }
            ui.separator();
            item(ui, Action::RecentlyDeleted, true, true, actions);
            if session.keeps_backups() {
                item(ui, Action::RestoreFromBackup, true, true, actions);
            }
            ui.separator();
        }
        item(ui, Action::Quit, true, false, actions);
    }

    /// File > Open recent: the files used lately, then the shared
    /// databases, the open one left out.
    fn recent_menu(&self, ui: &mut Ui, actions: &mut Actions) {
        let open = self.session.as_ref().map(|s| s.path().to_path_buf());
        let files: Vec<PathBuf> = self
            .recent
            .files()
            .iter()
            .filter(|f| Some(*f) != open.as_ref())
            .cloned()
            .collect();
        let here = self
            .session
            .as_ref()
            .and_then(Session::place)
            .map(Place::address);
        let servers: Vec<Place> = self
            .recent
            .servers()
            .iter()
            .filter(|a| Some(*a) != here.as_ref())
            .filter_map(|a| Place::parse(a))
            .collect();
        if files.is_empty() && servers.is_empty() {
            return;
        }
        ui.menu_button("Open recent", |ui| {
            for place in servers {
                let label = format!("{} (shared, as {})", place.label(), place.user);
                if ui.button(label).on_hover_text(place.address()).clicked() {
                    actions.push(Action::ConnectTo(place.address()));
                    ui.close();
                }
            }
            for file in files {
                if ui
                    .button(widgets::last_name(&file))
                    .on_hover_text(file.display().to_string())
                    .clicked()
                {
                    actions.push(Action::OpenRecent(file));
                    ui.close();
                }
            }
        });
    }

    /// Undo and Redo, each naming the change it would make, and how many
    /// changes each can go through.
    fn edit_menu(&self, ui: &mut Ui, actions: &mut Actions) {
        let session = self.session.as_ref();
        let history = session.map(Session::undo_history);
        let may = session.is_some_and(Session::may_edit);
        for (action, step) in [
            (Action::Undo, history.and_then(|h| h.next_undo())),
            (Action::Redo, history.and_then(|h| h.next_redo())),
        ] {
            let label = match step {
                Some(step) => format!("{} “{}”", action.text(), step.name),
                None => action.text().to_owned(),
            };
            named_item(ui, action, &label, may && step.is_some(), true, actions);
        }
        ui.separator();
        let (back, forward) = history.map_or((0, 0), |h| (h.undo_len(), h.redo_len()));
        ui.weak(format!(
            "{} to undo, {} to redo",
            changes(back),
            changes(forward)
        ))
        .on_hover_text("Kept until the file is closed");
    }

    fn view_menu(&self, ui: &mut Ui, actions: &mut Actions) {
        let mut preference = ui.options(|o| o.theme_preference);
        for choice in [
            egui::ThemePreference::Light,
            egui::ThemePreference::Dark,
            egui::ThemePreference::System,
        ] {
            let action = Action::Theme(choice);
            if ui
                .radio_value(&mut preference, choice, action.text())
                .clicked()
            {
                actions.push(action);
            }
        }
        ui.separator();
        let zoom = self.remembered.zoom;
        let steps = [
            (Action::ZoomIn, keyboard::zoom_in(zoom)),
            (Action::ZoomOut, keyboard::zoom_out(zoom)),
            (Action::ZoomReset, 100),
        ];
        for (action, percent) in steps {
            item(ui, action, percent != zoom, false, actions);
        }
        ui.weak(format!("Zoom: {zoom} %"));
        ui.separator();
        let present = Action::Present;
        let button = egui::Button::new(present.text()).shortcut_text(ui.ctx().format_shortcut(
            &present.shortcut().unwrap_or(egui::KeyboardShortcut::new(
                egui::Modifiers::NONE,
                egui::Key::F5,
            )),
        ));
        let response = ui
            .add_enabled(self.presentable().is_some(), button)
            .accessible_name(present.text())
            .on_hover_text(
                "One part at a time over the whole screen, in text a room can read; Esc leaves",
            )
            .on_disabled_hover_text(crate::ui::pages::present::ONLY_ON);
        if response.clicked() {
            actions.push(present);
            ui.close();
        }
    }
}

/// "nothing", "1 change", "3 changes".
fn changes(n: usize) -> String {
    match n {
        0 => "nothing".to_owned(),
        1 => "1 change".to_owned(),
        n => format!("{n} changes"),
    }
}

/// On the right of the menu bar: where the open file is saved, or that it
/// is only read; for a shared database, who is signed in where.
fn saved_in(ui: &mut Ui, session: &Session) {
    if let (Some(place), Some(account)) = (session.place(), session.account()) {
        let district = if account.district.is_empty() {
            String::new()
        } else {
            format!(", {}", account.district)
        };
        let text = format!(
            "Shared database {} · {} ({}{district})",
            place.label(),
            account.user,
            account.role.label()
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            fitted(ui, text).on_hover_text(format!(
                "A shared database: every change is saved on the server as you make it, and appears in every window connected to it.\n{}",
                place.address()
            ));
            saving(ui, session);
        });
        return;
    }
    let path = session.path();
    let file = widgets::last_name(path);
    let read_only = session.read_only().is_some();
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if read_only {
            fitted(ui, format!("Read only: {file}")).on_hover_text(path.display().to_string());
        } else {
            fitted(ui, format!("Saved as you go in {file}")).on_hover_text(format!(
                "Every change is saved in this file as you make it:\n{}",
                path.display()
            ));
        }
    });
}

/// `text`, weak, cut short with "…" where the menus leave too little room
/// (a long district at 200 % ran over them); the hover says it whole.
fn fitted(ui: &mut Ui, text: String) -> egui::Response {
    ui.add(egui::Label::new(egui::RichText::new(text).weak()).truncate())
}

/// While a shared database is being connected to: where, and as whom.
fn connecting_to(ui: &mut Ui, place: &Place) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.spinner();
        ui.add(
            egui::Label::new(format!(
                "Connecting to {} as {}…",
                place.label(),
                place.user
            ))
            .truncate(),
        )
        .on_hover_text(format!(
            "Waiting for the server to answer (at most 10 seconds).\n{}",
            place.address()
        ));
    });
}

/// Whether the last changes are on the server yet: "Saving…" while one is
/// on its way, then when the server said it was stored; "Opening the
/// partnership…" while one asked for is on its way.
fn saving(ui: &mut Ui, session: &Session) {
    if session.opening().is_some() {
        ui.separator();
        ui.label("Opening the partnership…")
            .on_hover_text("Its cycles, ratings and plans are on their way from the server.");
        ui.spinner();
    } else if session.saving() {
        ui.separator();
        ui.label("Saving…")
            .on_hover_text("Your last change is on its way to the server.");
        ui.spinner();
    } else if let Some(at) = session.saved_at() {
        let zoned = at.to_zoned(jiff::tz::TimeZone::system());
        ui.separator();
        ui.weak(format!("Saved at {}", zoned.strftime("%H:%M")))
            .on_hover_text(format!(
                "The server said at {} that your last change was stored.",
                zoned.strftime("%H:%M:%S")
            ));
    }
}
