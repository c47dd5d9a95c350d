//! The first screen of an empty file, and the screen when no file is open:
//! the three ways to begin, so that nobody needs the command line to start
//! or to try the sample.

use egui::{RichText, Ui};

use crate::ui::action::{Action, Actions};
use crate::ui::kit::style;

/// The way to begin the user chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    CreatePartnership,
    OpenFile,
    ExploreSample,
}

/// The width of one of the three choices.
const CARD_WIDTH: f32 = 300.0;

/// Draws the three choices side by side (stacked in a narrow window).
pub fn show(ui: &mut Ui, heading: &str, intro: &str) -> Option<Start> {
    let mut start = None;
    ui.add_space(style::space::XXL);
    ui.heading(heading);
    ui.add_space(style::space::XS);
    ui.label(intro);
    ui.add_space(style::space::XL);
    let choices = [
        (
            Start::CreatePartnership,
            "Create a partnership",
            "Name your partnership, add the people who take part, then rate it on the continuum together.",
        ),
        (
            Start::OpenFile,
            "Open a file…",
            "Open a PartnerPath file you already have, from this computer, a shared drive or a USB stick.",
        ),
        (
            Start::ExploreSample,
            "Explore the sample partnership",
            "Look around a fictional partnership with four school years of ratings, meetings and plans. Your own files are not touched.",
        ),
    ];
    ui.horizontal_wrapped(|ui| {
        for (choice, label, explanation) in choices {
            egui::Frame::group(ui.style())
                .inner_margin(egui::Margin::same(14))
                .show(ui, |ui| {
                    ui.set_width(CARD_WIDTH);
                    ui.vertical(|ui| {
                        if ui
                            .add(
                                egui::Button::new(
                                    RichText::new(label).strong().size(style::size::TAB),
                                )
                                .min_size(egui::vec2(CARD_WIDTH, 36.0)),
                            )
                            .clicked()
                        {
                            start = Some(choice);
                        }
                        ui.add_space(style::space::S);
                        ui.label(explanation);
                    });
                });
            ui.add_space(style::space::M);
        }
    });
    start
}

/// Shown when no file could be opened: the ways to begin (a new
/// partnership needs a file first, so it asks for one).
pub fn no_file(ui: &mut Ui, actions: &mut Actions) {
    let start = show(
        ui,
        "No PartnerPath file is open",
        "Open a file you have, or explore the sample. To begin a partnership of your own, create a new file first.",
    );
    match start {
        Some(Start::CreatePartnership) => actions.push(Action::NewFile),
        Some(Start::OpenFile) => actions.push(Action::Open),
        Some(Start::ExploreSample) => actions.push(Action::OpenSample),
        None => {}
    }
}

/// Shown while a shared database is being connected to and nothing else is
/// open: where, and that the server is awaited (`place` in words, "pp on
/// db.district.org", and the user name).
pub fn connecting(ui: &mut Ui, place: &str, user: &str) {
    ui.add_space(style::space::L);
    ui.horizontal(|ui| {
        ui.spinner();
        ui.heading(format!("Connecting to {place} as {user}…"));
    });
    ui.add_space(style::space::S);
    ui.label(
        "Waiting for the server to answer: this usually takes a moment. A server that does not answer is given up after 10 seconds, and you are told why and can try again.",
    );
}
