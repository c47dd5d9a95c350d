//! File > Export partnership…: what to export, the whole partnership or
//! one cycle for some raters to rate apart. Where to write it is asked
//! next, in the file dialog.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use crate::model::{CycleId, PartnershipId, PartnershipView, PersonId};
use crate::session::ExportScope;
use crate::ui::action::{Action, Actions};
use crate::ui::kit::style;
use crate::ui::view::{Dialog, DialogContext};

/// The export dialog's choices.
pub struct Export {
    partnership: PartnershipId,
    name: String,
    whole: bool,
    cycle: Option<CycleId>,
    people: BTreeSet<PersonId>,
}

impl Export {
    /// The dialog on the open partnership.
    pub fn new(view: &PartnershipView) -> Export {
        Export {
            partnership: view.partnership.id,
            name: view.partnership.name.clone(),
            whole: true,
            cycle: view.cycles.last().map(|c| c.id),
            people: BTreeSet::new(),
        }
    }
}

impl Dialog for Export {
    fn name(&self) -> &'static str {
        "export"
    }

    fn title(&self) -> String {
        format!("Export “{}”", self.name)
    }

    fn show(&mut self, ui: &mut Ui, cx: &DialogContext<'_>, actions: &mut Actions) -> bool {
        let (chosen, close) = export_dialog(ui, self, cx.view);
        let open = !close && chosen.is_none();
        if let Some(chosen) = chosen {
            actions.push(chosen);
        }
        open
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "the export dialog: what to export, for whom and where, in one modal"
)]
fn export_dialog(
    ui: &mut Ui,
    form: &mut Export,
    view: Option<&PartnershipView>,
) -> (Option<Action>, bool) {
    let Some(view) = view.filter(|v| v.partnership.id == form.partnership) else {
        return (None, true);
    };
    let mut chosen = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique(form.name())).show(ui.ctx(), |ui| {
        ui.set_width(style::width::DIALOG_CHOICES);
        ui.heading(form.title());
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
                chosen = Some(Action::ChooseExportFile {
                    partnership: form.partnership,
                    scope,
                    file_name: format!(
                        "{}.{}",
                        crate::saving::safe_file_name(&file_name),
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
