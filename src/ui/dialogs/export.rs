//! File > Export partnership… and File > Import…: what to export (the whole
//! partnership, or one cycle for some raters to rate apart), and, before an
//! import writes anything, its report with a choice for every conflict.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use super::{style, widgets};
use crate::model::exchange::{Choice, Exchange, Plan};
use crate::model::{CycleId, PartnershipId, PartnershipView, PersonId};
use crate::session::ExportScope;

#[derive(Default)]
pub struct State {
    export: Option<ExportForm>,
    import: Option<Pending>,
}

/// The export dialog's choices.
struct ExportForm {
    partnership: PartnershipId,
    name: String,
    whole: bool,
    cycle: Option<CycleId>,
    people: BTreeSet<PersonId>,
}

/// An exchange file read and planned, waiting for the user's word.
struct Pending {
    file: Exchange,
    plan: Plan,
    name: String,
    /// The report's lines above the conflicts, made once.
    summary: Vec<String>,
}

/// What the user decided.
pub enum Chosen {
    /// Choose where to write this export.
    Export {
        partnership: PartnershipId,
        scope: ExportScope,
        file_name: String,
    },
    /// Import with these choices.
    Import(Box<(Exchange, Plan)>),
}

impl State {
    /// Opens the export dialog on the open partnership.
    pub fn export(&mut self, view: &PartnershipView) {
        self.export = Some(ExportForm {
            partnership: view.partnership.id,
            name: view.partnership.name.clone(),
            whole: true,
            cycle: view.cycles.last().map(|c| c.id),
            people: BTreeSet::new(),
        });
    }

    /// Opens the import report on a file read and planned.
    pub fn import(&mut self, file: Exchange, plan: Plan, name: String) {
        let mut summary = plan.report();
        summary.truncate(summary.len() - plan.conflicts.len());
        self.import = Some(Pending {
            file,
            plan,
            name,
            summary,
        });
    }
}

/// Shows whichever dialog is open.
pub fn show(ui: &mut Ui, state: &mut State, view: Option<&PartnershipView>) -> Option<Chosen> {
    if let Some(form) = &mut state.export {
        let (chosen, close) = export_dialog(ui, form, view);
        if close || chosen.is_some() {
            state.export = None;
        }
        return chosen;
    }
    if let Some(pending) = &mut state.import {
        let (go, close) = import_dialog(ui, pending);
        if go {
            let pending = state.import.take()?;
            return Some(Chosen::Import(Box::new((pending.file, pending.plan))));
        }
        if close {
            state.import = None;
        }
    }
    None
}

#[expect(
    clippy::too_many_lines,
    reason = "the export dialog: what to export, for whom and where, in one modal"
)]
fn export_dialog(
    ui: &mut Ui,
    form: &mut ExportForm,
    view: Option<&PartnershipView>,
) -> (Option<Chosen>, bool) {
    let Some(view) = view.filter(|v| v.partnership.id == form.partnership) else {
        return (None, true);
    };
    let mut chosen = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("export")).show(ui.ctx(), |ui| {
        ui.set_width(style::width::DIALOG_CHOICES);
        ui.heading(format!("Export “{}”", form.name));
        // Everything between the title and the buttons scrolls, so that the
        // buttons stay on screen with many people or a large zoom.
        egui::ScrollArea::vertical()
            .max_height(ui.ctx().content_rect().height() * 0.6)
            .show(ui, |ui| {
                ui.label("An exchange file (.partnerpath) carries the partnership to another PartnerPath file, on this laptop or another. Importing it there adds what is new and asks about anything changed on both sides.");
                ui.add_space(style::space::M);
                ui.radio_value(&mut form.whole, true, "The whole partnership: every year, for a hand-over");
                ui.radio_value(&mut form.whole, false, "One cycle, for raters to rate apart");
                if !form.whole {
                    ui.indent("raters", |ui| {
                        ui.weak("Each person rates in PartnerPath on their own laptop, only as themselves, and sends their file back to import here.");
                        ui.horizontal(|ui| {
                            ui.label("Cycle");
                            let year = |id: Option<CycleId>| {
                                id.and_then(|c| view.cycle(c))
                                    .map_or_else(|| "Choose…".to_owned(), |c| c.school_year.clone())
                            };
                            egui::ComboBox::from_id_salt("export cycle")
                                .selected_text(year(form.cycle))
                                .show_ui(ui, |ui| {
                                    for cycle in view.cycles.iter().rev() {
                                        ui.selectable_value(
                                            &mut form.cycle,
                                            Some(cycle.id),
                                            &cycle.school_year,
                                        );
                                    }
                                })
                                .response
                                .accessible_name("Cycle");
                        });
                        ui.label("Who rates");
                        if view.people.is_empty() {
                            ui.weak("The partnership has no people yet: add them on its page first.");
                        }
                        for person in &view.people {
                            let mut on = form.people.contains(&person.id);
                            let label = format!("{} ({})", person.name, person.side.label());
                            if ui.checkbox(&mut on, label).changed() {
                                if on {
                                    form.people.insert(person.id);
                                } else {
                                    form.people.remove(&person.id);
                                }
                            }
                        }
                    });
                }
            });
        ui.add_space(style::space::M_PLUS);
        let scope = if form.whole {
            Some((ExportScope::Whole, form.name.clone()))
        } else {
            form.cycle
                .and_then(|c| view.cycle(c))
                .filter(|_| !form.people.is_empty())
                .map(|cycle| {
                    let who: Vec<&str> = view
                        .people
                        .iter()
                        .filter(|p| form.people.contains(&p.id))
                        .map(|p| p.name.as_str())
                        .collect();
                    (
                        ExportScope::Raters {
                            cycle: cycle.id,
                            people: form.people.iter().copied().collect(),
                        },
                        format!("{} for {}", cycle.school_year, who.join(", ")),
                    )
                })
        };
        let ready = scope.is_some();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(ready, egui::Button::new(RichText::new("Export…").strong()))
                .clicked()
                && let Some((scope, file_name)) = scope
            {
                chosen = Some(Chosen::Export {
                    partnership: form.partnership,
                    scope,
                    file_name: format!(
                        "{}.{}",
                        safe_file_name(&file_name),
                        crate::model::exchange::EXTENSION
                    ),
                });
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
        if !ready {
            ui.weak("Choose the cycle and at least one person.");
        }
    });
    (chosen, close || modal.should_close())
}

/// Returns (import, close).
fn import_dialog(ui: &mut Ui, pending: &mut Pending) -> (bool, bool) {
    let mut go = false;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("import")).show(ui.ctx(), |ui| {
        ui.set_width(style::width::DIALOG_LIST);
        ui.heading(format!("Import {}", pending.name));
        ui.weak(format!(
            "Exported on {} by {}. Nothing has been written yet.",
            widgets::moment(pending.file.exported_at),
            pending.file.exported_by
        ));
        ui.add_space(style::space::M);
        for line in &pending.summary {
            ui.label(line);
        }
        if !pending.plan.conflicts.is_empty() {
            ui.add_space(style::space::S);
            ui.horizontal(|ui| {
                ui.label(RichText::new("For each, keep which?").strong());
                if pending.plan.conflicts.len() > 1 {
                    let mut all = |choice| {
                        for conflict in &mut pending.plan.conflicts {
                            conflict.choice = choice;
                        }
                    };
                    if ui.button("Keep all that is here").clicked() {
                        all(Choice::KeepHere);
                    }
                    if ui.button("Take all of the file's").clicked() {
                        all(Choice::TakeFile);
                    }
                }
            });
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.45)
                .show(ui, |ui| {
                    for (i, conflict) in pending.plan.conflicts.iter_mut().enumerate() {
                        ui.add_space(style::space::XS);
                        ui.label(conflict.question());
                        ui.horizontal(|ui| {
                            ui.radio_value(
                                &mut conflict.choice,
                                Choice::KeepHere,
                                "Keep what is here",
                            )
                            .on_hover_text(format!("Conflict {}", i + 1));
                            ui.radio_value(
                                &mut conflict.choice,
                                Choice::TakeFile,
                                "Take the file's",
                            );
                        });
                    }
                });
        }
        ui.add_space(style::space::M_PLUS);
        let nothing = pending.plan.new.is_empty() && pending.plan.conflicts.is_empty();
        ui.horizontal(|ui| {
            if nothing {
                ui.label("This file has nothing that is not here already.");
                if ui.button("Close").clicked() {
                    close = true;
                }
            } else {
                if ui.button(RichText::new("Import").strong()).clicked() {
                    go = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            }
        });
        ui.weak("Before importing, PartnerPath backs up this file (File > Restore from backup…).");
    });
    (go, close || modal.should_close())
}

/// A name that every system accepts as a file name.
fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim().trim_matches('.').to_owned();
    if cleaned.is_empty() {
        "partnership".to_owned()
    } else {
        cleaned
    }
}
