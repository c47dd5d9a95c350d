//! History of changes: every change to the partnership, newest first, in
//! words ("jo_lee changed Decision Making (2025–26, the team) from
//! Developing to Established, 3 March 2026 at 10:42"), filterable by person
//! and by tool. The database keeps it; nobody can change or delete it.
//! Shown to whoever may read it: an administrator on a server, whoever
//! opened a file.

use egui::{RichText, Ui};

use crate::model::{HistoryEntry, HistoryTool};
use crate::session::HISTORY_SHOWN;
use crate::ui::action::Actions;
use crate::ui::kit::{style, widgets};
use crate::ui::nav::ScreenContext;
use crate::ui::view::PageView;

/// The filters chosen.
#[derive(Default)]
pub struct HistoryPage {
    person: Option<String>,
    tool: Option<HistoryTool>,
}

impl PageView for HistoryPage {
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, _: &mut Actions) {
        ui.add_space(style::space::XS);
        ui.heading("History of changes");
        ui.label("Every change to this partnership, newest first: who made it and when. The database keeps this history; nobody can change or delete it.");
        let Some(entries) = cx.history else {
            ui.label("Only an administrator can read the history of changes.");
            return;
        };
        if cx.history_coming {
            ui.add_space(style::space::M);
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Reading the history from the server…");
            });
            return;
        }
        ui.add_space(style::space::M);
        self.filters(ui, entries);
        let shown: Vec<&HistoryEntry> = entries
            .iter()
            .filter(|e| self.person.as_ref().is_none_or(|p| *p == e.who))
            .filter(|e| self.tool.is_none_or(|t| t == e.tool()))
            .collect();
        ui.add_space(style::space::S);
        let mut count = if shown.len() == entries.len() {
            format!("{}.", widgets::count(shown.len(), "change", "changes"))
        } else {
            format!(
                "Showing {} of {}.",
                widgets::count(shown.len(), "change", "changes"),
                entries.len()
            )
        };
        if entries.len() >= HISTORY_SHOWN {
            count.push_str(&format!(
                " These are the newest {HISTORY_SHOWN}; the older ones are kept too."
            ));
        }
        ui.weak(count);
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("history")
            .auto_shrink([false, false])
            .show_rows(
                ui,
                ui.text_style_height(&egui::TextStyle::Body) * 1.6,
                shown.len(),
                |ui, rows| {
                    for entry in &shown[rows] {
                        let when = entry
                            .at
                            .parse::<jiff::Timestamp>()
                            .map_or_else(|_| entry.at.clone(), widgets::moment);
                        // The moment first, in a column; the sentence cut
                        // to the window (whole on hover), so that rows keep
                        // one height at any zoom.
                        ui.horizontal(|ui| {
                            widgets::column(ui, style::width::LIST_WHEN, |ui| {
                                ui.weak(when);
                            });
                            ui.add(
                                egui::Label::new(entry.describe(cx.view, &cx.instruments))
                                    .truncate(),
                            );
                        });
                    }
                },
            );
        if shown.is_empty() {
            ui.label(RichText::new("No change matches the filters.").italics());
        }
    }
}

impl HistoryPage {
    /// The person and tool filters.
    fn filters(&mut self, ui: &mut Ui, entries: &[HistoryEntry]) {
        let mut people: Vec<&str> = entries.iter().map(|e| e.who.as_str()).collect();
        people.sort_unstable();
        people.dedup();
        ui.horizontal(|ui| {
            ui.label("Person:");
            egui::ComboBox::from_id_salt("history person")
                .selected_text(self.person.as_deref().unwrap_or("Everyone"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.person, None, "Everyone");
                    for person in people {
                        ui.selectable_value(&mut self.person, Some(person.to_owned()), person);
                    }
                })
                .response
                .accessible_name("Person");
            ui.add_space(style::space::L);
            ui.label("Tool:");
            egui::ComboBox::from_id_salt("history tool")
                .selected_text(self.tool.map_or("Every tool", HistoryTool::label))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.tool, None, "Every tool");
                    for tool in HistoryTool::ALL {
                        ui.selectable_value(&mut self.tool, Some(tool), tool.label());
                    }
                })
                .response
                .accessible_name("Tool");
        });
    }
}
