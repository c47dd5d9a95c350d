//! The lines across the top of the window: a problem, with what to do and
//! where in the menus; something that worked; a file open read-only
//! elsewhere; a shared database out of reach, or only to be viewed; sample
//! data.

use egui::{RichText, Ui};

use super::App;
use crate::paths;
use crate::problem::Remedy;
use crate::session::Session;
use crate::ui::action::{Action, Actions};
use crate::ui::kit::style;

impl App {
    pub(super) fn problem_banner(&self, ui: &mut Ui, actions: &mut Actions) {
        let Some(problem) = &self.problem else {
            return;
        };
        let mut dismissed = false;
        egui::Panel::top("problem")
            .frame(
                egui::Frame::new()
                    .fill(style::problem_fill(ui.visuals()))
                    .inner_margin(egui::Margin::symmetric(12, 8)),
            )
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new("!").size(style::size::SIGN).strong());
                    ui.vertical(|ui| {
                        ui.label(RichText::new(&problem.what).strong());
                        ui.label(&problem.what_to_do);
                        if let Some(remedy) = problem.remedy {
                            ui.label(remedy_in_the_menu(remedy));
                        }
                        if let Some(path) = &problem.path {
                            ui.weak(path.display().to_string());
                        }
                    });
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        dismissed = ui.button(Action::DismissProblem.text()).clicked();
                    });
                });
            });
        if dismissed {
            actions.push(Action::DismissProblem);
        }
    }

    /// Says that something the user asked for worked.
    pub(super) fn done_banner(&self, ui: &mut Ui, actions: &mut Actions) {
        let Some(done) = &self.done else {
            return;
        };
        let dismiss = (Action::DismissDone.text(), "Hide this line");
        if note_banner(ui, "done", done, dismiss) {
            actions.push(Action::DismissDone);
        }
    }

    /// Says that another window writes the file and this one only reads
    /// it, with a way to try again once that window is closed.
    pub(super) fn read_only_banner(&self, ui: &mut Ui, actions: &mut Actions) {
        let Some(read_only) = self.session.as_ref().and_then(Session::read_only) else {
            return;
        };
        let text = format!(
            "Read only. This file is open {}. This window shows it as it was when opened; changes can be made only there.",
            read_only.describe()
        );
        let again = (
            Action::TryAgain.text(),
            "Open the file for changes, if the other window has closed it",
        );
        if note_banner(ui, "read only", &text, again) {
            actions.push(Action::TryAgain);
        }
    }

    /// On a shared database: that the connection is lost and the window
    /// reconnecting; that a viewer's window only shows.
    pub(super) fn server_banners(&self, ui: &mut Ui) {
        let Some(session) = &self.session else {
            return;
        };
        if let Some(offline) = session.offline() {
            let text = "Not connected: reconnecting… The server does not answer. Changes cannot be made until it does; everything saved before is kept on the server.";
            let fill = style::problem_fill(ui.visuals());
            line_banner(ui, "offline", fill, text)
                .on_hover_text(format!("What the connection said: {}", offline.why));
        }
        if let Some(account) = session.account()
            && !account.role.may_edit()
        {
            let text = format!(
                "View only. You are signed in as {}, a viewer: this window shows the partnerships, and changes are made by assessors and administrators.",
                account.user
            );
            line_banner(ui, "viewer", style::sample_fill(ui.visuals()), &text);
        }
    }

    pub(super) fn sample_banner(&self, ui: &mut Ui) {
        let sample = self
            .session
            .as_ref()
            .is_some_and(|s| s.summaries().iter().any(|p| p.partnership.is_sample));
        if !sample {
            return;
        }
        // Only the sample's own file is rebuilt; a file of generated data
        // (`demo --large`) is fictional too, but kept until deleted.
        let rebuilt = self.session.as_ref().is_some_and(|s| {
            self.sample_path
                .clone()
                .or_else(paths::sample_database)
                .is_some_and(|sample| s.path() == sample)
        });
        let text = if rebuilt {
            "Sample data: fictional partnerships made by PartnerPath for trying it out. This file is rebuilt whenever the sample is made again; your own partnerships are kept elsewhere."
        } else {
            "Sample data: fictional partnerships made by PartnerPath for trying it out and for measuring its speed. Your own partnerships are kept in their own files."
        };
        line_banner(ui, "sample", style::sample_fill(ui.visuals()), text);
    }
}

/// A line across the top of the window that only tells, on `fill`;
/// returns the text's response (for a hover).
fn line_banner(ui: &mut Ui, id: &str, fill: egui::Color32, text: &str) -> egui::Response {
    egui::Panel::top(id)
        .frame(
            egui::Frame::new()
                .fill(fill)
                .inner_margin(egui::Margin::symmetric(12, 6)),
        )
        .show(ui, |ui| ui.label(RichText::new(text).strong()))
        .inner
}

/// A line across the top of the window that tells, with one button (its
/// label and hover text) on the right; returns whether it was clicked.
fn note_banner(ui: &mut Ui, id: &str, text: &str, (button, hover): (&str, &str)) -> bool {
    let mut clicked = false;
    egui::Panel::top(id)
        .frame(
            egui::Frame::new()
                .fill(style::sample_fill(ui.visuals()))
                .inner_margin(egui::Margin::symmetric(12, 6)),
        )
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(text).strong());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    clicked = ui.button(button).on_hover_text(hover).clicked();
                });
            });
        });
    clicked
}

/// Where in the menus the user mends a problem: only the window names menus.
fn remedy_in_the_menu(remedy: Remedy) -> &'static str {
    match remedy {
        Remedy::OpenOrNew => "File > Open… opens another file; File > New… starts a new one.",
        Remedy::RecentlyDeleted => "Deleted records are restored from File > Recently deleted….",
        Remedy::ExportAgain => "Partnerships are exported with File > Export partnership….",
    }
}
