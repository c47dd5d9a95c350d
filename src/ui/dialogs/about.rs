//! Help > About: the version, where the open file or shared database is, and the licences of
//! what PartnerPath is built from.

use egui::{RichText, Ui};

use crate::problem::Problem;
use crate::ui::action::{Action, Actions};
use crate::ui::kit::style;
use crate::ui::view::{Dialog, DialogContext};

/// The parts of PartnerPath made by others, with their licences. The full
/// texts are in THIRD-PARTY-LICENSES.txt, which the packages carry.
const BUILT_WITH: [(&str, &str); 10] = [
    ("Noto Sans font (printouts)", "SIL Open Font License 1.1"),
    (
        "DejaVu Sans font (check boxes in printouts)",
        "Bitstream Vera licence",
    ),
    ("egui and eframe (the window)", "MIT or Apache-2.0"),
    ("Typst (printouts)", "Apache-2.0"),
    ("SQLite (the data file)", "public domain"),
    ("rusqlite (SQLite from Rust)", "MIT"),
    ("wgpu and glow (drawing)", "MIT or Apache-2.0"),
    ("rust-postgres (shared databases)", "MIT or Apache-2.0"),
    ("rustls (encrypted connections)", "Apache-2.0, ISC or MIT"),
    ("keyring (the system's keychain)", "MIT or Apache-2.0"),
];

/// Help > About PartnerPath.
pub struct About;

impl Dialog for About {
    fn name(&self) -> &'static str {
        "about"
    }

    fn title(&self) -> String {
        format!("PartnerPath {}", env!("CARGO_PKG_VERSION"))
    }

    fn show(&mut self, ui: &mut Ui, cx: &DialogContext<'_>, actions: &mut Actions) -> bool {
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique(self.name())).show(ui.ctx(), |ui| {
            ui.set_width(style::width::DIALOG_TEXT);
            ui.heading(self.title());
            ui.label(env!("CARGO_PKG_DESCRIPTION"));
            ui.add_space(style::space::M_PLUS);
            your_data(ui, cx, actions);
            ui.add_space(style::space::M_PLUS);
            licences(ui, cx);
            ui.add_space(style::space::M_PLUS);
            if ui.button("Close").clicked() {
                close = true;
            }
        });
        !(close || modal.should_close())
    }
}

/// Where the open file is, with a way to show its folder.
fn your_data(ui: &mut Ui, cx: &DialogContext<'_>, actions: &mut Actions) {
    ui.label(RichText::new("Your data").strong());
    match cx.file {
        Some(path) => {
            ui.label("Everything is saved as you go in this file:");
            ui.label(RichText::new(path.display().to_string()).monospace());
            if ui.button("Show in folder").clicked()
                && let Err(error) = opener::reveal(path)
            {
                let shown = Problem::new(
                    format!("The folder could not be shown ({error})."),
                    "Open the folder yourself; its path is below.",
                );
                actions.push(Action::Report(match path.parent() {
                    Some(folder) => shown.at(folder),
                    None => shown,
                }));
            }
        }
        None => match cx.server {
            Some(place) => {
                ui.label(format!(
                    "Everything is saved as you go in the shared database {}:",
                    place.label()
                ));
                ui.label(RichText::new(place.address()).monospace());
            }
            None => {
                ui.label("No file is open.");
            }
        },
    }
}

/// PartnerPath's licence, the rubric's and those of what it is built from.
fn licences(ui: &mut Ui, cx: &DialogContext<'_>) {
    ui.label(RichText::new("Licences").strong());
    ui.label("PartnerPath is free software under the MIT or Apache-2.0 licence.");
    let source = &cx.instruments.continuum.source;
    ui.label(format!(
        "The continuum rubric: {}.",
        source
            .attribution
            .clone()
            .unwrap_or_else(|| source.citation())
    ));
    ui.add_space(style::space::XS);
    egui::Grid::new("built with")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for (part, licence) in BUILT_WITH {
                ui.label(part);
                ui.weak(licence);
                ui.end_row();
            }
        });
    ui.add_space(style::space::XS);
    ui.weak("The full licence texts of these and every other library inside PartnerPath are in THIRD-PARTY-LICENSES.txt, installed with the program.");
}
