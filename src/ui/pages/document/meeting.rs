//! What a quarterly meeting adds to its worksheet: who came from which side,
//! the action steps carried from earlier meetings, and the action steps
//! raised in the wrap-up. (Each agenda section's timer is `timer`'s, as for
//! every timed worksheet.)

use egui::{RichText, Ui};
use jiff::civil::Date;

use super::worksheet::Place;
use crate::instrument::Section;
use crate::model::{
    ATTENDEE_SIDE, ATTENDEES, ActionSource, ActionStatus, ActionStep, ActionStepFields, Command,
    Document, NewActionStep, PartnershipView, carried_forward,
};
use crate::ui::action::Actions;
use crate::ui::kit::{style, widgets};
use crate::ui::nav::ScreenContext;

#[derive(Default)]
pub struct State {
    new_text: String,
    new_owner: String,
    new_due: Option<Date>,
}

/// Draws what the meeting adds at the end of `section`: the attendance
/// check, carried steps and new steps.
pub fn extra(
    ui: &mut Ui,
    state: &mut State,
    section: &Section,
    place: Place,
    document: &Document,
    cx: &ScreenContext<'_>,
    actions: &mut Actions,
) {
    let (view, today) = (cx.view, cx.today);
    if place == Place::Top {
        return;
    }
    if section.key == "meeting" {
        let sides = section
            .fields
            .iter()
            .find(|f| f.key == ATTENDEES)
            .and_then(|f| f.columns.iter().find(|c| c.key == ATTENDEE_SIDE))
            .map_or(&[][..], |c| c.options.as_slice());
        let missing = document.sides_missing(sides);
        if !missing.is_empty() {
            let names: Vec<String> = missing
                .iter()
                .map(|side| format!("the {}", side.to_lowercase()))
                .collect();
            let list = match names.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                None => String::new(),
            };
            ui.label(
                RichText::new(format!(
                    "Nobody is listed from {list}. The agenda asks for the district, the partner and the school at every meeting."
                ))
                .color(style::warning_text(ui.visuals())),
            );
        }
        carried(ui, document, view, actions, today);
    }
    if section.key == "wrap-up" {
        raised_here(ui, state, document, view, actions, today);
    }
}

fn carried(
    ui: &mut Ui,
    document: &Document,
    view: &PartnershipView,
    actions: &mut Actions,
    today: Date,
) {
    let date = document.held_on();
    let steps = carried_forward(&view.action_steps, document.id, date);
    ui.add_space(style::space::M);
    ui.label(
        RichText::new("Action steps from earlier meetings")
            .italics()
            .strong()
            .size(style::size::TAB),
    );
    if steps.is_empty() {
        ui.weak("None open: every step from earlier meetings was closed before this one.");
        return;
    }
    ui.weak("Review each one; mark it done or dropped when it is closed. Closed steps stay in the record.");
    steps_table(ui, "carried steps", &steps, view, date, actions, today);
}

/// The action steps raised at this meeting, and a form to add one.
fn raised_here(
    ui: &mut Ui,
    state: &mut State,
    document: &Document,
    view: &PartnershipView,
    actions: &mut Actions,
    today: Date,
) {
    let date = document.held_on();
    let steps: Vec<&ActionStep> = view.steps_raised_at(document.id).collect();
    ui.add_space(style::space::S);
    ui.label(
        RichText::new("Action steps")
            .italics()
            .strong()
            .size(style::size::TAB),
    );
    if !steps.is_empty() {
        steps_table(ui, "raised steps", &steps, view, date, actions, today);
    }
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.new_text)
                .hint_text("What will be done")
                .desired_width(style::width::STEP),
        )
        .accessible_name("New action step");
        ui.add(
            egui::TextEdit::singleline(&mut state.new_owner)
                .hint_text("Who owns it")
                .desired_width(style::width::OWNER),
        )
        .accessible_name("Owner of the new action step");
        ui.label("due");
        let mut due = state.new_due.unwrap_or(today);
        if widgets::date_button(
            ui,
            "new step due",
            &mut due,
            "Due date of the new action step",
        )
        .changed()
        {
            state.new_due = Some(due);
        }
        let ready = !state.new_text.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new("+ Add action step"))
            .clicked()
        {
            actions.edit(Command::AddActionStep(NewActionStep {
                partnership_id: view.partnership.id,
                source: ActionSource::Meeting(document.id),
                fields: ActionStepFields {
                    closed_on: None,
                    status: ActionStatus::Open,
                    text: state.new_text.trim().to_owned(),
                    owner: state.new_owner.trim().to_owned(),
                    due_on: Some(due),
                    raised_on: date,
                },
            }));
            state.new_text.clear();
            state.new_owner.clear();
        }
    });
}

/// Action steps with their owner, due date and status, editable. Closing one
/// here dates it `closing_date` (the meeting's date).
pub fn steps_table(
    ui: &mut Ui,
    id: &str,
    steps: &[&ActionStep],
    view: &PartnershipView,
    closing_date: Date,
    actions: &mut Actions,
    today: Date,
) {
    egui::Grid::new((id, view.partnership.id))
        .num_columns(5)
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.strong("Action step");
            ui.strong("Owner");
            ui.strong("Due");
            ui.strong("Status");
            ui.end_row();
            for step in steps {
                let name = &step.text;
                if let Some(text) =
                    widgets::text(ui, &step.text, &format!("Action step: {name}"), 420.0)
                {
                    actions.edit(Command::UpdateActionStep(ActionStep {
                        fields: ActionStepFields {
                            text,
                            ..step.fields.clone()
                        },
                        ..(*step).clone()
                    }));
                }
                if let Some(owner) =
                    widgets::text(ui, &step.owner, &format!("Owner of {name}"), 150.0)
                {
                    actions.edit(Command::UpdateActionStep(ActionStep {
                        fields: ActionStepFields {
                            owner,
                            ..step.fields.clone()
                        },
                        ..(*step).clone()
                    }));
                }
                ui.horizontal(|ui| {
                    let salt = format!("{id} due {}", step.id.0);
                    if let Some(due) = widgets::optional_date(
                        ui,
                        &salt,
                        step.due_on,
                        &format!("Due date of {name}"),
                        today,
                    ) {
                        actions.edit(Command::UpdateActionStep(ActionStep {
                            fields: ActionStepFields {
                                due_on: due,
                                ..step.fields.clone()
                            },
                            ..(*step).clone()
                        }));
                    }
                    if step.is_overdue(today) {
                        ui.label(
                            RichText::new("overdue")
                                .strong()
                                .color(style::warning_text(ui.visuals())),
                        );
                    }
                });
                let mut status = step.status;
                egui::ComboBox::from_id_salt((id, "status", step.id))
                    .selected_text(status.label())
                    .show_ui(ui, |ui| {
                        for option in ActionStatus::ALL {
                            ui.selectable_value(&mut status, option, option.label());
                        }
                    })
                    .response
                    .accessible_name(format!("Status of {name}"));
                if status != step.status {
                    actions.edit(Command::UpdateActionStep(
                        step.with_status(status, closing_date),
                    ));
                }
                ui.end_row();
            }
        });
}
