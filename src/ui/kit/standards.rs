//! The ODST Standards for Effective Partnerships on screen: in "About this
//! tool" of each ODST tool, and Appendix A's theme beside each item the
//! appendix aligns.

use egui::{RichText, Ui};

use super::style;
use crate::instrument::Standards;

/// The standards, folded, for a tool the appendix aligns (`tool` is the
/// tool's key); nothing for any other tool.
pub fn about(ui: &mut Ui, standards: &Standards, tool: &str) {
    if !standards.alignment.iter().any(|a| a.tool == tool) {
        return;
    }
    egui::CollapsingHeader::new(RichText::new(&standards.title).strong())
        .id_salt(("standards", tool))
        .show(ui, |ui| {
            let [theme_head, standards_head] = &standards.heads;
            for group in &standards.groups {
                ui.label(RichText::new(&group.title).strong().size(style::size::TITLE));
                for theme in &group.themes {
                    ui.label(
                        RichText::new(format!("{theme_head}: {}", theme.title)).strong(),
                    );
                    ui.weak(standards_head);
                    for bullet in &theme.standards {
                        ui.horizontal_top(|ui| {
                            ui.label("•");
                            ui.add(egui::Label::new(bullet).wrap());
                        });
                    }
                }
            }
            ui.weak(format!(
                "Each item of this tool shows its organizing theme, as the source's Appendix A aligns it. Source: {}",
                standards.source.citation()
            ));
        });
}

/// Appendix A's theme for `item` of `tool`, in small type.
pub fn beside(ui: &mut Ui, standards: &Standards, tool: &str, item: &str) {
    if let Some(line) = standards.beside(tool, item) {
        ui.label(RichText::new(line).small().weak());
    }
}
