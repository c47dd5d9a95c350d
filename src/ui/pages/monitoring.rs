//! The monitoring plan: goals and objectives, milestones (Milestone |
//! Feedback data | Frequency | Source) each optionally serving one, dated
//! check-ins, and when each next check-in falls due; overdue ones stand out.

use egui::{RichText, Ui};
use jiff::civil::Date;

use super::goals::{self, GoalsForm, goal_name};
use crate::instrument::MonitoringPlan;
use crate::model::{
    AttachedTo, CheckInFields, CheckInStatus, Command, Due, GoalId, Milestone, MilestoneFields,
    MilestoneId, NewCheckIn, NewMilestone, PartnershipView, due, long_date,
};
use crate::ui::action::Actions;
use crate::ui::kit::{style, widgets};
use crate::ui::nav::ScreenContext;
use crate::ui::pages::evidence;
use crate::ui::view::PageView;

/// What a milestone shows when its frequency is not one PartnerPath counts.
const UNCOUNTED: &str =
    "No check-in date: PartnerPath works out dates for the frequencies in the Choose… list.";

#[derive(Default)]
pub struct MonitoringPage {
    goals: GoalsForm,
    /// The milestone being added, once the form has been drawn.
    new_milestone: Option<Draft>,
    check_in_status: Option<CheckInStatus>,
    check_in_note: String,
    check_in_date: Option<Date>,
    checking: Option<MilestoneId>,
}

impl PageView for MonitoringPage {
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        show(ui, self, cx, actions);
    }
}

fn show(ui: &mut Ui, state: &mut MonitoringPage, cx: &ScreenContext<'_>, actions: &mut Actions) {
    let (view, plan, today) = (cx.view, cx.instruments.monitoring, cx.today);
    ui.add_space(style::space::XS);
    ui.heading(&plan.title);
    ui.label(&plan.purpose);
    egui::ScrollArea::vertical()
        .id_salt(("monitoring scroll", view.partnership.id))
        .auto_shrink(false)
        .show(ui, |ui| {
            egui::CollapsingHeader::new(RichText::new("Instructions").strong())
                .id_salt("monitoring instructions")
                .show(ui, |ui| {
                    for paragraph in &plan.instructions {
                        ui.label(paragraph);
                    }
                    ui.weak(format!("Source: {}", plan.source.citation()));
                });
            ui.add_space(style::space::M);
            ui.label(
                RichText::new("Goals and objectives")
                    .strong()
                    .size(style::size::SECTION),
            );
            goals::goal_list(ui, view, actions, true);
            goals::add_goal_form(ui, &mut state.goals, view, actions);
            goals::add_objective_form(ui, &mut state.goals, view, actions);
            ui.add_space(style::space::L);
            milestones(ui, state, view, plan, actions, today);
        });
}

fn serves_choice(
    ui: &mut Ui,
    id: impl egui::AsIdSalt,
    serves: &mut Option<GoalId>,
    view: &PartnershipView,
    name: &str,
) -> bool {
    let before = *serves;
    let text = serves.map_or_else(|| "No goal chosen".to_owned(), |g| goal_name(view, g));
    egui::ComboBox::from_id_salt(id)
        .selected_text(text)
        .width(style::width::LEGEND)
        .show_ui(ui, |ui| {
            ui.selectable_value(serves, None, "No goal chosen");
            for goal in &view.goals {
                ui.selectable_value(serves, Some(goal.id), goal_name(view, goal.id));
            }
        })
        .response
        .accessible_name(name);
    *serves != before
}

/// The milestone's "Frequency": what the team writes ("each semester"),
/// with the plan's frequencies offered in a "Choose…" list beside it.
/// PartnerPath works out check-in dates for those it offers. Returns
/// whether it changed.
fn frequency_field(ui: &mut Ui, written: &mut String, plan: &MonitoringPlan, name: &str) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let shown = plan.frequency_label(written).to_owned();
        if let Some(new) = widgets::text(ui, &shown, name, style::width::SENTENCE) {
            *written = new;
            changed = true;
        }
        ui.menu_button("Choose…", |ui| {
            for frequency in &plan.frequencies {
                if ui.button(&frequency.label).clicked() {
                    written.clone_from(&frequency.key);
                    changed = true;
                    ui.close();
                }
            }
        })
        .response
        .accessible_name(format!("Choose {name} from the list"));
    });
    changed
}

fn milestones(
    ui: &mut Ui,
    state: &mut MonitoringPage,
    view: &PartnershipView,
    plan: &MonitoringPlan,
    actions: &mut Actions,
    today: Date,
) {
    ui.label(
        RichText::new("Milestones")
            .strong()
            .size(style::size::SECTION),
    );
    if view.milestones.is_empty() {
        ui.label("No milestones yet. Add the first one below.");
    }
    for milestone in &view.milestones {
        let due = due(milestone, plan, &view.check_ins);
        let overdue = due.overdue(today);
        let mut frame = egui::Frame::group(ui.style());
        if overdue {
            frame = frame.stroke(egui::Stroke::new(2.0, style::warning_text(ui.visuals())));
        }
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            milestone_fields(ui, milestone, view, plan, actions);
            ui.horizontal(|ui| {
                match due {
                    Due::On(date) if overdue => ui.label(
                        RichText::new(format!("Check-in overdue since {}", long_date(date)))
                            .strong()
                            .color(style::warning_text(ui.visuals())),
                    ),
                    Due::On(date) => ui.label(format!("Next check-in {}", long_date(date))),
                    Due::Met => ui.label(RichText::new("Met").strong()),
                    Due::Uncounted => ui.weak(UNCOUNTED),
                };
                evidence::button(
                    ui,
                    view,
                    &AttachedTo::Milestone(milestone.id),
                    &format!("the milestone “{}”", milestone.milestone),
                    actions,
                );
                if ui
                    .button("Record a check-in…")
                    .accessible_name(format!("Record a check-in for {}", milestone.milestone))
                    .clicked()
                {
                    state.checking = Some(milestone.id);
                }
                if ui
                    .button("Delete")
                    .accessible_name(format!("Delete the milestone {}", milestone.milestone))
                    .clicked()
                {
                    actions.edit(Command::DeleteMilestone(milestone.id));
                }
            });
            if state.checking == Some(milestone.id) {
                check_in_form(ui, state, milestone, actions, today);
            }
            for check_in in view
                .check_ins
                .iter()
                .filter(|c| c.milestone_id == milestone.id)
                .rev()
            {
                ui.horizontal(|ui| {
                    ui.label(long_date(check_in.on));
                    ui.label(RichText::new(check_in.status.label()).strong());
                    ui.label(&check_in.note);
                    if ui
                        .small_button("Delete")
                        .accessible_name(format!("Delete the check-in of {}", check_in.on))
                        .clicked()
                    {
                        actions.edit(Command::DeleteCheckIn(check_in.id));
                    }
                });
            }
        });
        ui.add_space(style::space::XS);
    }
    new_milestone(ui, state, view, plan, actions, today);
}

/// A milestone's fields as the form shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Draft {
    milestone: String,
    feedback_data: String,
    /// As written: a frequency's key, or the team's own text.
    frequency: String,
    source: String,
    serves: Option<GoalId>,
}

impl Draft {
    fn of(milestone: &Milestone) -> Draft {
        Draft {
            milestone: milestone.milestone.clone(),
            feedback_data: milestone.feedback_data.clone(),
            frequency: milestone.frequency.clone(),
            source: milestone.source.clone(),
            serves: milestone.serves,
        }
    }
}

/// The fields of the form, for their accessible names.
#[derive(Debug, Clone, Copy)]
enum Part {
    Milestone,
    FeedbackData,
    Frequency,
    Source,
    Serves,
}

/// The milestone form: the template's four columns, then the goal the
/// milestone serves. `name` gives each field's accessible name from its
/// heading. Returns whether a field changed.
fn milestone_form(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug + Copy,
    draft: &mut Draft,
    name: &dyn Fn(Part, &str) -> String,
    view: &PartnershipView,
    plan: &MonitoringPlan,
) -> bool {
    let columns = &plan.columns;
    let mut changed = false;
    egui::Grid::new(("milestone form", salt))
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            let texts = [
                (Part::Milestone, &columns.milestone, &mut draft.milestone),
                (
                    Part::FeedbackData,
                    &columns.feedback_data,
                    &mut draft.feedback_data,
                ),
            ];
            for (part, heading, text) in texts {
                ui.strong(heading);
                if let Some(new) =
                    widgets::text(ui, text, &name(part, heading), style::width::LONG_FIELD)
                {
                    *text = new;
                    changed = true;
                }
                ui.end_row();
            }
            ui.strong(&columns.frequency);
            changed |= frequency_field(
                ui,
                &mut draft.frequency,
                plan,
                &name(Part::Frequency, &columns.frequency),
            );
            ui.end_row();
            ui.strong(&columns.source);
            if let Some(new) = widgets::text(
                ui,
                &draft.source,
                &name(Part::Source, &columns.source),
                style::width::LONG_FIELD,
            ) {
                draft.source = new;
                changed = true;
            }
            ui.end_row();
            ui.strong("Serves");
            changed |= serves_choice(
                ui,
                ("serves", salt),
                &mut draft.serves,
                view,
                &name(Part::Serves, ""),
            );
            ui.end_row();
        });
    changed
}

/// An existing milestone's form: each change is stored as it is made.
fn milestone_fields(
    ui: &mut Ui,
    milestone: &Milestone,
    view: &PartnershipView,
    plan: &MonitoringPlan,
    actions: &mut Actions,
) {
    let title = &milestone.milestone;
    let name = |part: Part, heading: &str| match part {
        Part::Milestone => format!("{heading} {title}"),
        Part::Serves => format!("Goal served by {title}"),
        _ => format!("{heading} of {title}"),
    };
    let mut draft = Draft::of(milestone);
    if milestone_form(ui, milestone.id, &mut draft, &name, view, plan) {
        actions.edit(Command::UpdateMilestone(Milestone {
            serves: draft.serves,
            fields: MilestoneFields {
                milestone: draft.milestone,
                feedback_data: draft.feedback_data,
                frequency: draft.frequency,
                source: draft.source,
                ..milestone.fields.clone()
            },
            ..milestone.clone()
        }));
    }
}

fn check_in_form(
    ui: &mut Ui,
    state: &mut MonitoringPage,
    milestone: &Milestone,
    actions: &mut Actions,
    today: Date,
) {
    let mut date = state.check_in_date.unwrap_or(today);
    let mut status = state.check_in_status.unwrap_or(CheckInStatus::Progressing);
    ui.horizontal(|ui| {
        if widgets::date_button(ui, "check-in date", &mut date, "Date of the check-in").changed() {
            state.check_in_date = Some(date);
        }
        for option in CheckInStatus::ALL {
            if ui
                .radio_value(&mut status, option, option.label())
                .changed()
            {
                state.check_in_status = Some(status);
            }
        }
        ui.add(
            egui::TextEdit::singleline(&mut state.check_in_note)
                .hint_text("What the feedback data showed")
                .desired_width(style::width::SENTENCE),
        )
        .accessible_name("Note on the check-in");
        if ui.button("Save check-in").clicked() {
            actions.edit(Command::AddCheckIn(NewCheckIn {
                milestone_id: milestone.id,
                fields: CheckInFields {
                    on: date,
                    status,
                    note: state.check_in_note.trim().to_owned(),
                },
            }));
            state.check_in_note.clear();
            state.checking = None;
        }
        if ui.button("Cancel").clicked() {
            state.checking = None;
        }
    });
}

fn new_milestone(
    ui: &mut Ui,
    state: &mut MonitoringPage,
    view: &PartnershipView,
    plan: &MonitoringPlan,
    actions: &mut Actions,
    today: Date,
) {
    ui.add_space(style::space::S);
    ui.label(RichText::new("Add a milestone").strong());
    let draft = state.new_milestone.get_or_insert_with(|| Draft {
        frequency: plan.default_frequency.clone(),
        ..Draft::default()
    });
    let name = |part: Part, heading: &str| match part {
        Part::Serves => "Goal the new milestone serves".to_owned(),
        _ => format!("New {heading}"),
    };
    milestone_form(ui, "new", draft, &name, view, plan);
    let ready = !draft.milestone.trim().is_empty();
    if ui
        .add_enabled(ready, egui::Button::new("+ Add milestone"))
        .clicked()
    {
        actions.edit(Command::AddMilestone(NewMilestone {
            partnership_id: view.partnership.id,
            serves: draft.serves,
            fields: MilestoneFields {
                milestone: draft.milestone.trim().to_owned(),
                feedback_data: draft.feedback_data.trim().to_owned(),
                frequency: draft.frequency.clone(),
                source: draft.source.trim().to_owned(),
                started_on: today,
            },
        }));
        state.new_milestone = None;
    }
}
