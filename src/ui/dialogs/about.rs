//! Help > About: the version, where the open file is, and the licences of
//! what PartnerPath is built from.

use std::path::Path;

use egui::{RichText, Ui};

use super::style;
use crate::instrument::Instruments;
use crate::problem::Problem;

/// The parts of PartnerPath made by others, with their licences. The full
/// texts are in THIRD-PARTY-LICENSES.txt, which the packages carry.
const BUILT_WITH: [(&str, &str); 7] = [
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
];

/// Shows the About window while `open`; returns a problem if the folder
/// could not be shown.
pub fn show(
    ui: &mut Ui,
    open: &mut bool,
    file: Option<&Path>,
    instruments: Instruments,
) -> Option<Problem> {
    if !*open {
        return None;
    }
    let mut problem = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("about")).show(ui.ctx(), |ui| {
        ui.set_width(style::width::DIALOG_TEXT);
        ui.heading(format!("PartnerPath {}", env!("CARGO_PKG_VERSION")));
        ui.label(env!("CARGO_PKG_DESCRIPTION"));
        ui.add_space(style::space::M_PLUS);
        ui.label(RichText::new("Your data").strong());
        match file {
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
                    problem = Some(match path.parent() {
                        Some(folder) => shown.at(folder),
                        None => shown,
                    });
                }
            }
            None => {
                ui.label("No file is open.");
            }
        }
        ui.add_space(style::space::M_PLUS);
        ui.label(RichText::new("Licences").strong());
        ui.label("PartnerPath is free software under the MIT or Apache-2.0 licence.");
        let source = &instruments.continuum.source;
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
        ui.add_space(style::space::M_PLUS);
        if ui.button("Close").clicked() {
            close = true;
        }
    });
    if close || modal.should_close() {
        *open = false;
    }
    problem
}
