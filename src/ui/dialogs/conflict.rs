//! Someone else changed the field you were changing, on a shared
//! database: what they changed it to, who and when, and what you were
//! saving, with the choice between the two. Nothing is overwritten
//! without the choice; the screen behind already shows theirs.

use egui::{RichText, Ui};

use crate::model::{Command, Conflict, Level, PartnershipView, continuum_for};
use crate::ui::action::{Action, Actions};
use crate::ui::kit::{style, widgets};
use crate::ui::view::{Dialog, DialogContext};

/// The edit that met someone else's change, and that change.
pub struct ConflictChoice {
    pub command: Command,
    pub conflict: Conflict,
}

impl Dialog for ConflictChoice {
    fn name(&self) -> &'static str {
        "conflict"
    }

    fn title(&self) -> String {
        "Someone else changed this".to_owned()
    }

    fn show(&mut self, ui: &mut Ui, cx: &DialogContext<'_>, actions: &mut Actions) -> bool {
        let mut close = false;
        let (field, mine, theirs) = self.words(cx);
        let when = self.conflict.at.parse::<jiff::Timestamp>().map_or_else(
            |_| "a moment ago".to_owned(),
            |at| format!("on {}", widgets::moment(at)),
        );
        let modal = egui::Modal::new(egui::Id::unique(self.name())).show(ui.ctx(), |ui| {
            ui.set_width(style::width::DIALOG_QUESTION);
            ui.heading(self.title());
            ui.add_space(style::space::S);
            ui.label(sentence(&format!(
                "{} changed {field} {when} to {theirs}",
                self.conflict.who
            )));
            ui.add_space(style::space::XS);
            ui.label(sentence(&format!("You were changing it to {mine}")));
            ui.add_space(style::space::S);
            ui.weak("Your change has not been saved. The screen shows theirs.");
            ui.add_space(style::space::L);
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Keep yours").strong()).clicked() {
                    actions.push(Action::KeepMine(self.command.clone()));
                    close = true;
                }
                if ui.button("Take theirs").clicked() {
                    close = true;
                }
            });
        });
        !(close || modal.should_close())
    }
}

impl ConflictChoice {
    /// The field ("the evidence for Decision Making (2025–26)"), your value
    /// and theirs, as a person reads them.
    fn words(&self, cx: &DialogContext<'_>) -> (String, String, String) {
        let quoted = |text: &str| {
            if text.trim().is_empty() {
                "nothing".to_owned()
            } else {
                format!("“{}”", shorten(text))
            }
        };
        let (key, what, mine, theirs) = match &self.command {
            Command::SetLevel(key, level) => (
                key,
                "the level of",
                level_name(cx.view, cx, key.cycle_id, *level),
                level_name(cx.view, cx, key.cycle_id, self.conflict.theirs.level),
            ),
            Command::SetEvidence(key, text) => (
                key,
                "the evidence for",
                quoted(text),
                quoted(&self.conflict.theirs.evidence),
            ),
            Command::SetNextSteps(key, text) => (
                key,
                "the next steps for",
                quoted(text),
                quoted(&self.conflict.theirs.next_steps),
            ),
            _ => {
                return (
                    "this".to_owned(),
                    "your change".to_owned(),
                    "theirs".to_owned(),
                );
            }
        };
        let cycle = cx.view.and_then(|v| v.cycle(key.cycle_id));
        let indicator = cx
            .view
            .zip(cycle)
            .and_then(|(view, cycle)| {
                continuum_for(&cx.instruments, view, cycle).indicator(&key.indicator_key)
            })
            .map_or_else(|| key.indicator_key.clone(), |i| i.name.clone());
        let year = cycle.map_or_else(String::new, |c| format!(" ({})", c.fields.school_year));
        (format!("{what} {indicator}{year}"), mine, theirs)
    }
}

fn level_name(
    view: Option<&PartnershipView>,
    cx: &DialogContext<'_>,
    cycle: crate::model::CycleId,
    level: Option<Level>,
) -> String {
    let Some(level) = level else {
        return "no level".to_owned();
    };
    view.and_then(|v| v.cycle(cycle).map(|c| continuum_for(&cx.instruments, v, c)))
        .map_or_else(
            || format!("level {}", level.number()),
            |c| c.level_name(level).to_owned(),
        )
}

/// `text` ended with a full stop, unless a quotation already ends it
/// with one: "… in May.”", not "… in May.”.".
fn sentence(text: &str) -> String {
    if [".”", "!”", "?”", "…”"]
        .iter()
        .any(|end| text.ends_with(end))
    {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// At most 120 characters, with an ellipsis when cut.
fn shorten(text: &str) -> String {
    const LONGEST: usize = 120;
    if text.chars().count() <= LONGEST {
        return text.to_owned();
    }
    let cut: String = text.chars().take(LONGEST).collect();
    format!("{}…", cut.trim_end())
}
