//! The partnership's own adaptation of the continuum: its name, and the
//! criteria, probing questions and level texts of each indicator in its
//! words. The indicators and levels are the published ones. An edit goes to
//! the newest version while no cycle was rated with it, else it makes the
//! next version (`PartnershipView::edit_adaptation`); either way it is
//! stored as it is typed.

use egui::{Id, RichText, Ui};

use crate::instrument::{Continuum, Headings};
use crate::model::{Adaptation, Part, PartnershipView};
use crate::ui::action::Actions;
use crate::ui::kit::{style, widgets};
use crate::ui::nav::{Page, ScreenContext};
use crate::ui::view::PageView;

/// The indicator being edited.
#[derive(Default)]
pub struct AdaptationPage {
    indicator: Option<String>,
}

impl PageView for AdaptationPage {
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        let Page::Adaptation(id) = cx.page else {
            return;
        };
        let view = cx.view;
        let newest = view
            .adaptation(id)
            .and_then(|a| view.newest_version(a.lineage));
        let (Some(newest), None) = (newest, view.rating_copy.as_ref()) else {
            actions.go(view, Page::Cycles);
            return;
        };
        let (Some(base), Some(continuum)) = (
            newest.base(&cx.instruments),
            view.continuum_of(
                &cx.instruments,
                &newest.based_on_key,
                &newest.instrument_version(),
            ),
        ) else {
            ui.label(
                RichText::new(format!(
                    "This adaptation is based on version {} of the continuum, which this copy of PartnerPath does not include. Install the newest PartnerPath to edit it.",
                    newest.based_on_version
                ))
                .color(style::warning_text(ui.visuals())),
            );
            return;
        };
        egui::ScrollArea::vertical()
            .id_salt(("adaptation scroll", newest.lineage))
            .show(ui, |ui| {
                header(ui, view, newest, continuum, cx, actions);
                ui.add_space(style::space::M);
                let key = self.chosen(base);
                indicator_choice(ui, &mut self.indicator, continuum, &key);
                ui.add_space(style::space::S);
                editor(ui, view, newest, base, continuum, &key, cx, actions);
            });
    }
}

impl AdaptationPage {
    /// The indicator chosen, or the first.
    fn chosen(&self, base: &Continuum) -> String {
        self.indicator
            .clone()
            .filter(|k| base.indicator(k).is_some())
            .or_else(|| base.indicators().next().map(|i| i.key.clone()))
            .unwrap_or_default()
    }
}

/// Its name, its versions and what it states.
fn header(
    ui: &mut Ui,
    view: &PartnershipView,
    newest: &Adaptation,
    continuum: &Continuum,
    cx: &ScreenContext<'_>,
    actions: &mut Actions,
) {
    ui.add_space(style::space::XS);
    ui.horizontal_wrapped(|ui| {
        ui.heading(&newest.name);
        ui.weak(continuum.version_label());
    });
    if let Some(adapted) = &continuum.adapted {
        ui.add(egui::Label::new(RichText::new(&adapted.statement).italics()).wrap());
        ui.weak(format!("It adapts the {}.", adapted.based_on));
    }
    ui.add_space(style::space::S);
    ui.horizontal(|ui| {
        ui.label("Name");
        let id = Id::unique(("adaptation name", newest.lineage));
        if let Some(name) =
            widgets::required_text(ui, id, &newest.name, "Name of the adaptation", 420.0)
            && let Some(command) =
                view.edit_adaptation(newest.id, |f| name.trim().clone_into(&mut f.name), cx.today)
        {
            actions.edit(command);
        }
    });
    let rated = view.years_rated_with(newest);
    let versions = view
        .adaptations
        .iter()
        .filter(|a| a.lineage == newest.lineage)
        .count();
    let said = if view.is_rated_with(newest) {
        let years = if rated.is_empty() {
            "a cycle now in Recently deleted".to_owned()
        } else {
            rated.join(", ")
        };
        format!(
            "Version {} was used to rate {years}. Those cycles keep the words they were rated with: a change made here is saved as version {}.",
            newest.number,
            newest.number + 1
        )
    } else {
        format!(
            "No cycle has been rated with version {} yet: changes are saved to it as you type.",
            newest.number
        )
    };
    ui.label(RichText::new(said).color(style::selected_stroke(ui.visuals())));
    if versions > 1 {
        // Every other version, with the day it was made (two laptops may
        // each have made a version of the same number).
        let others: Vec<String> = view
            .adaptations
            .iter()
            .filter(|a| a.lineage == newest.lineage && a.id != newest.id)
            .map(|a| {
                let years = view.years_rated_with(a);
                let made = crate::model::long_date(a.made_on);
                if years.is_empty() {
                    format!("version {} of {made}", a.number)
                } else {
                    format!(
                        "version {} of {made} (rated {})",
                        a.number,
                        years.join(", ")
                    )
                }
            })
            .collect();
        ui.weak(format!(
            "Other versions, kept as they were: {}.",
            others.join("; ")
        ));
    }
    ui.weak(
        "To rate with it, choose it under “Rate with” when starting a cycle on the Continuum page.",
    );
}

/// The indicator to edit: a list by name, and the previous and next.
fn indicator_choice(ui: &mut Ui, chosen: &mut Option<String>, continuum: &Continuum, key: &str) {
    let keys: Vec<&str> = continuum.indicators().map(|i| i.key.as_str()).collect();
    let at = keys.iter().position(|k| *k == key).unwrap_or(0);
    let name = |k: &str| {
        continuum.indicator(k).map_or_else(String::new, |i| {
            if continuum.is_changed(k) {
                format!("{} (changed)", i.name)
            } else {
                i.name.clone()
            }
        })
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("Indicator");
        egui::ComboBox::from_id_salt("adaptation indicator")
            .selected_text(name(key))
            .width(style::width::ROLE_LEAST + 80.0)
            .show_ui(ui, |ui| {
                for category in &continuum.categories {
                    ui.weak(&category.name);
                    for indicator in &category.indicators {
                        if ui
                            .selectable_label(indicator.key == key, name(&indicator.key))
                            .clicked()
                        {
                            *chosen = Some(indicator.key.clone());
                        }
                    }
                }
            })
            .response
            .accessible_name("Indicator to edit");
        if ui
            .add_enabled(at > 0, egui::Button::new("‹ Previous"))
            .clicked()
        {
            *chosen = keys.get(at.wrapping_sub(1)).map(|k| (*k).to_owned());
        }
        if ui
            .add_enabled(at + 1 < keys.len(), egui::Button::new("Next ›"))
            .clicked()
        {
            *chosen = keys.get(at + 1).map(|k| (*k).to_owned());
        }
        ui.weak(format!("{} of {}", at + 1, keys.len()));
    });
}

/// The chosen indicator's criteria, questions and level texts, each in a
/// box of its own.
#[expect(
    clippy::too_many_arguments,
    reason = "the page's parts: the version edited, the published words it starts from, and what it reads as now"
)]
fn editor(
    ui: &mut Ui,
    view: &PartnershipView,
    newest: &Adaptation,
    base: &Continuum,
    continuum: &Continuum,
    key: &str,
    cx: &ScreenContext<'_>,
    actions: &mut Actions,
) {
    let Some(indicator) = continuum.indicator(key) else {
        return;
    };
    let changed = continuum.is_changed(key);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(&indicator.name)
                .strong()
                .size(style::size::SECTION),
        );
        if changed {
            ui.label(RichText::new("in the partnership's words").italics());
        } else {
            ui.weak("as published");
        }
        if ui
            .add_enabled(changed, egui::Button::new("Use the published wording"))
            .on_hover_text(
                "Puts back the published criteria, questions and level texts of this indicator",
            )
            .clicked()
            && let Some(command) =
                view.edit_adaptation(newest.id, |f| f.wording = f.without(key), cx.today)
        {
            actions.edit(command);
        }
    });
    if let Some(note) = continuum.filled_note(indicator) {
        widgets::note(ui, note);
    }
    for part in Part::all() {
        let label = part_label(part, &continuum.headings, continuum);
        ui.add_space(style::space::S);
        ui.label(RichText::new(&label).strong());
        let stored = part.as_text(&newest.part(base, key, part));
        let id = Id::unique(("adaptation text", newest.lineage, key, label.as_str()));
        let rows = if part == Part::Questions { 4 } else { 3 };
        let name = format!("{}: {label}", indicator.name);
        if let Some(text) = widgets::required_long_text(ui, id, &stored, &name, rows)
            && let Some(command) = view.edit_adaptation(
                newest.id,
                |f| f.wording = f.with(base, key, part, part.paragraphs(&text)),
                cx.today,
            )
        {
            actions.edit(command);
        }
    }
}

/// A part's label: the rubric's own heading, or the level's number and
/// name ("3 Established").
fn part_label(part: Part, headings: &Headings, continuum: &Continuum) -> String {
    match part {
        Part::Criteria => headings.criteria.clone(),
        Part::Questions => format!("{} (one per line)", headings.questions),
        Part::Level(level) => continuum.numbered_level(level),
    }
}

/// The page's accessible names for a part, as tests find them.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::{Instruments, Level};

    #[test]
    fn each_part_is_named_by_the_rubric() {
        let instruments = Instruments::builtin().expect("instruments");
        let c = instruments.continuum;
        assert_eq!(part_label(Part::Criteria, &c.headings, c), "Criteria");
        assert_eq!(
            part_label(Part::Level(Level::ALL[2]), &c.headings, c),
            "3 Established"
        );
    }
}
