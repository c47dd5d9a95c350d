//! One partnership's pages beside their side panel: the side panel (or, in
//! a narrow window, the row at the top) that leads to each part, and the
//! pages of the partnership's own: its details and people (`overview`), its
//! continuum cycles (`cycles`), its readiness rounds (`rounds`) and its
//! agreements and meetings (`agreements`).

mod agreements;
mod cycles;
mod overview;
mod rounds;

pub use agreements::AgreementsPage;
pub use cycles::CyclesPage;
pub use overview::OverviewPage;
pub use rounds::RoundsPage;

use egui::{RichText, Ui};

use crate::instrument::Phase;
use crate::ui::action::{Action, Actions};
use crate::ui::kit::style;
use crate::ui::nav::{Page, SECTIONS, Screen, ScreenContext};

/// The side panel of every page of a partnership: its name, the way back
/// to the list, and one entry per part of the partnership.
pub fn side_panel(ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
    let ScreenContext { page, view, .. } = *cx;
    if ui.button("‹ All partnerships").clicked() {
        actions.push(Action::Go(Screen::Partnerships));
    }
    ui.add_space(style::space::S);
    ui.add(egui::Label::new(RichText::new(&view.partnership.name).strong()).wrap());
    if view.partnership.archived {
        ui.label(RichText::new("Archived").italics());
    }
    ui.add_space(style::space::S);
    let here = page.section(view, cx.instruments);
    ui.with_layout(egui::Layout::top_down_justified(egui::Align::Min), |ui| {
        for (label, target) in SECTIONS {
            if target == Page::History && cx.history.is_none() {
                continue;
            }
            if target == Page::History {
                ui.add_space(style::space::M);
            }
            if target == Page::Phase(Phase::Prepare) {
                ui.add_space(style::space::M);
                ui.weak("Guidebook worksheets");
            }
            let button = egui::Button::selectable(here == target, label)
                .min_size(egui::vec2(0.0, style::height::NAV));
            if ui.add(button).clicked() && page != target {
                actions.go(view, target);
            }
        }
    });
}

/// In a narrow window (a large zoom), the side panel's entries as one row
/// at the top: the way back, the partnership's name and a drop-down of its
/// parts.
pub fn top_row(ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
    let ScreenContext { page, view, .. } = *cx;
    let here = page.section(view, cx.instruments);
    ui.horizontal_wrapped(|ui| {
        if ui.button("‹ All partnerships").clicked() {
            actions.push(Action::Go(Screen::Partnerships));
        }
        ui.label(RichText::new(&view.partnership.name).strong());
        let shown = SECTIONS
            .iter()
            .find(|(_, target)| *target == here)
            .map_or("Overview", |(label, _)| label);
        egui::ComboBox::from_id_salt("partnership part")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (label, target) in SECTIONS {
                    if target == Page::History && cx.history.is_none() {
                        continue;
                    }
                    if ui.selectable_label(here == target, label).clicked() && page != target {
                        actions.go(view, target);
                    }
                }
            })
            .response
            .accessible_name("Part of the partnership");
    });
}
