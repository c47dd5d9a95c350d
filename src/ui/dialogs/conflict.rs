//! Someone else changed the field you were changing, on a shared
//! database: what they changed it to, who and when, and what you were
//! saving, with the choice between the two. Nothing is overwritten
//! without the choice; the screen behind already shows theirs.

use egui::{RichText, Ui};

use crate::model::{Command, Conflict, Record, Theirs, indicator_in, level_words, shortened};
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
                    actions.push(Action::KeepMine(self.kept()));
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
    /// The edit that keeps yours: as it was made, or for a record written
    /// whole, your changes written over theirs (the fields only they
    /// changed keep their values).
    fn kept(&self) -> Command {
        if let (Some(mine), Theirs::Record { now, seen }) =
            (Record::written_by(&self.command), &self.conflict.theirs)
        {
            return Record::join(seen, &mine, now).0.update();
        }
        self.command.clone()
    }

    /// The field ("the evidence for Decision Making (2025–26)", "“Next
    /// meeting” in “Quarterly meeting, 3 March 2026”"), your value and
    /// theirs, as a person reads them.
    fn words(&self, cx: &DialogContext<'_>) -> (String, String, String) {
        if let (Some(mine), Theirs::Record { now, seen }) =
            (Record::written_by(&self.command), &self.conflict.theirs)
        {
            // What each changed of what both saw, with its values.
            let listed = |said: Vec<String>| {
                if said.is_empty() {
                    "what it was".to_owned()
                } else {
                    said.join(", ")
                }
            };
            return (
                seen.what(),
                listed(mine.differences(seen)),
                listed(now.differences(seen)),
            );
        }
        if let (Command::SetDocumentValue(id, field, mine, _), Theirs::Field(theirs), Some(view)) =
            (&self.command, &self.conflict.theirs, cx.view)
        {
            let person = |p| view.person(p).map(|p| p.name.clone());
            let document = view.document(*id);
            let label = document
                .and_then(|d| cx.instruments.worksheet(&d.fields.instrument_key))
                .and_then(|sheet| sheet.field(field))
                .map_or_else(|| field.replace(['-', '_'], " "), |f| f.label.clone());
            let title = document.map_or_else(String::new, |d| d.fields.title.clone());
            return (
                format!("“{}” in “{title}”", shortened(&label, 80)),
                quoted(&mine.words(person)),
                quoted(&theirs.as_ref().map(|v| v.words(person)).unwrap_or_default()),
            );
        }
        if let Some(words) = self.readiness_words(cx) {
            return words;
        }
        let (
            Command::SetLevel(key, _)
            | Command::SetEvidence(key, _)
            | Command::SetNextSteps(key, _),
            Theirs::Rating(theirs),
        ) = (&self.command, &self.conflict.theirs)
        else {
            return (
                "this".to_owned(),
                "your change".to_owned(),
                "theirs".to_owned(),
            );
        };
        let Some(view) = cx.view else {
            return (
                key.indicator_key.clone(),
                "your change".to_owned(),
                "theirs".to_owned(),
            );
        };
        let level = |l| level_words(view, &cx.instruments, key.cycle_id, l);
        let (what, mine, theirs) = match &self.command {
            Command::SetLevel(_, mine) => ("the level of", level(*mine), level(theirs.level)),
            Command::SetEvidence(_, mine) => {
                ("the evidence for", quoted(mine), quoted(&theirs.evidence))
            }
            Command::SetNextSteps(_, mine) => (
                "the next steps for",
                quoted(mine),
                quoted(&theirs.next_steps),
            ),
            _ => {
                return (
                    "this".to_owned(),
                    "your change".to_owned(),
                    "theirs".to_owned(),
                );
            }
        };
        let (indicator, year) =
            indicator_in(view, &cx.instruments, key.cycle_id, &key.indicator_key);
        (format!("{what} {indicator} ({year})"), mine, theirs)
    }
}

impl ConflictChoice {
    /// `words` for a readiness rating, a member's areas of concern or a
    /// team's summary, named as the Readiness page labels them: "Ana
    /// Ruiz's rating of Alignment … in “Before signing”", "the District
    /// team concerns to address for Alignment … in “Before signing”".
    fn readiness_words(&self, cx: &DialogContext<'_>) -> Option<(String, String, String)> {
        let view = cx.view?;
        let tool = cx.instruments.readiness;
        let category = |key: &str| {
            tool.categories
                .iter()
                .find(|c| c.key == key)
                .map_or_else(|| key.replace('-', " "), |c| c.name.clone())
        };
        // A rating with the tool's words for it: "3, “There is likely …”".
        let rating = |r: Option<u8>| {
            r.map_or_else(
                || "no rating".to_owned(),
                |r| format!("{r}, “{}”", tool.descriptor(r)),
            )
        };
        let member = |id| {
            let round = view.round_of_member(id);
            let name = round
                .and_then(|r| r.member(id))
                .map_or_else(|| "a member".to_owned(), |m| m.fields.name.clone());
            let title = round.map_or_else(String::new, |r| r.round.fields.title.clone());
            (quoted_name(&name), quoted_name(&title))
        };
        let round = |id| {
            view.readiness_round(id)
                .map_or_else(String::new, |r| quoted_name(&r.round.fields.title))
        };
        Some(match (&self.command, &self.conflict.theirs) {
            (Command::SetReadinessRating(id, key, mine), Theirs::MemberRating(theirs)) => {
                let (name, title) = member(*id);
                (
                    format!("{name}'s rating of {} in “{title}”", category(key)),
                    rating(*mine),
                    rating(theirs.rating),
                )
            }
            (Command::SetReadinessConcerns(id, key, mine), Theirs::MemberRating(theirs)) => {
                let (name, title) = member(*id);
                (
                    format!(
                        "{name}'s areas of concern for {} in “{title}”",
                        category(key)
                    ),
                    quoted(mine),
                    quoted(&theirs.concerns),
                )
            }
            (Command::SetTeamConcerns(id, team, key, mine), Theirs::TeamSummary(theirs)) => (
                format!(
                    "the {} concerns to address for {} in “{}”",
                    team.label(),
                    category(key),
                    round(*id)
                ),
                quoted(mine),
                quoted(&theirs.concerns),
            ),
            (Command::SetTeamStrengths(id, team, key, mine), Theirs::TeamSummary(theirs)) => (
                format!(
                    "the {} foundational strengths for {} in “{}”",
                    team.label(),
                    category(key),
                    round(*id)
                ),
                quoted(mine),
                quoted(&theirs.strengths),
            ),
            _ => return None,
        })
    }
}

/// A value as the dialog quotes it: “…”, or "nothing" when empty.
fn quoted(text: &str) -> String {
    if text.trim().is_empty() {
        "nothing".to_owned()
    } else {
        format!("“{}”", shortened(text, 120))
    }
}

/// A name or title short enough for the sentence.
fn quoted_name(text: &str) -> String {
    shortened(text, 60)
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
