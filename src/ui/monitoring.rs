//! The monitoring plan: goals and objectives, milestones (Milestone |
//! Feedback data | Frequency | Source) each optionally serving one, dated
//! check-ins, and when each next check-in falls due; overdue ones stand out.

use egui::{RichText, Ui};
use jiff::civil::Date;

use super::nav::{Requests, back_to_partnership};
use super::style;
use super::widgets::{self, today};
use crate::instrument::MonitoringPlan;
use crate::model::{
    CheckInStatus, Command, Goal, GoalId, Milestone, MilestoneId, NewCheckIn, NewGoal,
    NewMilestone, PartnershipView, long_date, next_check_in,
};

#[derive(Default)]
pub struct State {
    new_goal: String,
    new_objective: String,
    objective_of: Option<GoalId>,
    new_milestone: String,
    new_feedback: String,
    new_frequency: Option<String>,
    new_source: String,
    new_serves: Option<GoalId>,
    check_in_status: Option<CheckInStatus>,
    check_in_note: String,
    check_in_date: Option<Date>,
    checking: Option<MilestoneId>,
}

pub fn show(
    ui: &mut Ui,
    state: &mut State,
    view: &PartnershipView,
    plan: &MonitoringPlan,
    requests: &mut Requests,
) {
    back_to_partnership(ui, view, requests);
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
                    ui.weak(format!(
                        "Source: {}, {} ({}).",
                        plan.source.publisher, plan.source.work, plan.source.published
                    ));
                });
            ui.add_space(style::space::M);
            goals(ui, state, view, plan, requests);
            ui.add_space(style::space::L);
            milestones(ui, state, view, plan, requests);
        });
}

fn goal_name(view: &PartnershipView, id: GoalId) -> String {
    let Some(goal) = view.goals.iter().find(|g| g.id == id) else {
        return String::new();
    };
    match goal.goal {
        None => format!("Goal: {}", goal.text),
        Some(_) => format!("Objective: {}", goal.text),
    }
}

fn goals(
    ui: &mut Ui,
    state: &mut State,
    view: &PartnershipView,
    plan: &MonitoringPlan,
    requests: &mut Requests,
) {
    ui.label(
        RichText::new("Goals and objectives")
            .strong()
            .size(style::size::SECTION),
    );
    ui.weak(&plan.project_plan);
    for goal in view.goals.iter().filter(|g| g.goal.is_none()) {
        goal_row(ui, goal, "Goal", requests);
        for objective in view.goals.iter().filter(|o| o.goal == Some(goal.id)) {
            ui.horizontal(|ui| {
                ui.add_space(style::space::XXL);
                goal_row(ui, objective, "Objective", requests);
            });
        }
    }
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.new_goal)
                .hint_text("A goal of the partnership")
                .desired_width(420.0),
        )
        .accessible_name("New goal");
        if ui
            .add_enabled(
                !state.new_goal.trim().is_empty(),
                egui::Button::new("+ Add goal"),
            )
            .clicked()
        {
            requests.commands.push(Command::AddGoal(NewGoal {
                partnership_id: view.partnership.id,
                goal: None,
                text: state.new_goal.trim().to_owned(),
            }));
            state.new_goal.clear();
        }
    });
    let goals: Vec<&Goal> = view.goals.iter().filter(|g| g.goal.is_none()).collect();
    if goals.is_empty() {
        return;
    }
    let parent = *state.objective_of.get_or_insert(goals[0].id);
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.new_objective)
                .hint_text("An objective toward a goal")
                .desired_width(320.0),
        )
        .accessible_name("New objective");
        ui.label("toward");
        let mut chosen = parent;
        egui::ComboBox::from_id_salt("objective goal")
            .selected_text(goal_name(view, chosen))
            .width(300.0)
            .show_ui(ui, |ui| {
                for goal in &goals {
                    ui.selectable_value(&mut chosen, goal.id, goal_name(view, goal.id));
                }
            })
            .response
            .accessible_name("Goal of the new objective");
        state.objective_of = Some(chosen);
        if ui
            .add_enabled(
                !state.new_objective.trim().is_empty(),
                egui::Button::new("+ Add objective"),
            )
            .clicked()
        {
            requests.commands.push(Command::AddGoal(NewGoal {
                partnership_id: view.partnership.id,
                goal: Some(chosen),
                text: state.new_objective.trim().to_owned(),
            }));
            state.new_objective.clear();
        }
    });
}

fn goal_row(ui: &mut Ui, goal: &Goal, kind: &str, requests: &mut Requests) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{kind}:")).strong());
        let name = format!("{kind}: {}", goal.text);
        if let Some(text) = widgets::text(ui, &goal.text, &name, 480.0) {
            requests.commands.push(Command::UpdateGoal(Goal {
                text,
                ..goal.clone()
            }));
        }
        if ui
            .button("Delete")
            .accessible_name(format!("Delete {name}"))
            .on_hover_text("Milestones serving it are kept.")
            .clicked()
        {
            requests.commands.push(Command::DeleteGoal(goal.id));
        }
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
        .width(220.0)
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

fn frequency_choice(
    ui: &mut Ui,
    id: impl egui::AsIdSalt,
    key: &mut String,
    plan: &MonitoringPlan,
    name: &str,
) -> bool {
    let before = key.clone();
    let text = plan.frequency(key).map_or("Choose…", |f| f.label.as_str());
    egui::ComboBox::from_id_salt(id)
        .selected_text(text)
        .show_ui(ui, |ui| {
            for frequency in &plan.frequencies {
                ui.selectable_value(key, frequency.key.clone(), &frequency.label);
            }
        })
        .response
        .accessible_name(name);
    *key != before
}

fn milestones(
    ui: &mut Ui,
    state: &mut State,
    view: &PartnershipView,
    plan: &MonitoringPlan,
    requests: &mut Requests,
) {
    let today = today();
    ui.label(
        RichText::new("Milestones")
            .strong()
            .size(style::size::SECTION),
    );
    if view.milestones.is_empty() {
        ui.label("No milestones yet. Add the first one below.");
    }
    for milestone in &view.milestones {
        let next = plan
            .frequency(&milestone.frequency)
            .and_then(|f| next_check_in(milestone, f, &view.check_ins));
        let overdue = next.is_some_and(|d| d < today);
        let mut frame = egui::Frame::group(ui.style());
        if overdue {
            frame = frame.stroke(egui::Stroke::new(2.0, style::warning_text(ui.visuals())));
        }
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            milestone_fields(ui, milestone, view, plan, requests);
            ui.horizontal(|ui| {
                match next {
                    Some(date) if overdue => ui.label(
                        RichText::new(format!("Check-in overdue since {}", long_date(date)))
                            .strong()
                            .color(style::warning_text(ui.visuals())),
                    ),
                    Some(date) => ui.label(format!("Next check-in {}", long_date(date))),
                    None => ui.label(RichText::new("Met").strong()),
                };
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
                    requests
                        .commands
                        .push(Command::DeleteMilestone(milestone.id));
                }
            });
            if state.checking == Some(milestone.id) {
                check_in_form(ui, state, milestone, requests);
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
                        requests.commands.push(Command::DeleteCheckIn(check_in.id));
                    }
                });
            }
        });
        ui.add_space(style::space::XS);
    }
    new_milestone(ui, state, view, plan, requests);
}

fn milestone_fields(
    ui: &mut Ui,
    milestone: &Milestone,
    view: &PartnershipView,
    plan: &MonitoringPlan,
    requests: &mut Requests,
) {
    let columns = &plan.columns;
    let name = &milestone.milestone;
    egui::Grid::new(("milestone", milestone.id))
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            let mut update = |m: Milestone| requests.commands.push(Command::UpdateMilestone(m));
            ui.strong(&columns[0]);
            if let Some(text) = widgets::text(
                ui,
                &milestone.milestone,
                &format!("{} {name}", columns[0]),
                560.0,
            ) {
                update(Milestone {
                    milestone: text,
                    ..milestone.clone()
                });
            }
            ui.end_row();
            ui.strong(&columns[1]);
            if let Some(text) = widgets::text(
                ui,
                &milestone.feedback_data,
                &format!("{} of {name}", columns[1]),
                560.0,
            ) {
                update(Milestone {
                    feedback_data: text,
                    ..milestone.clone()
                });
            }
            ui.end_row();
            ui.strong(&columns[2]);
            let mut frequency = milestone.frequency.clone();
            if frequency_choice(
                ui,
                ("frequency", milestone.id),
                &mut frequency,
                plan,
                &format!("{} of {name}", columns[2]),
            ) {
                update(Milestone {
                    frequency,
                    ..milestone.clone()
                });
            }
            ui.end_row();
            ui.strong(&columns[3]);
            if let Some(text) = widgets::text(
                ui,
                &milestone.source,
                &format!("{} of {name}", columns[3]),
                560.0,
            ) {
                update(Milestone {
                    source: text,
                    ..milestone.clone()
                });
            }
            ui.end_row();
            ui.strong("Serves");
            let mut serves = milestone.serves;
            if serves_choice(
                ui,
                ("serves", milestone.id),
                &mut serves,
                view,
                &format!("Goal served by {name}"),
            ) {
                update(Milestone {
                    serves,
                    ..milestone.clone()
                });
            }
            ui.end_row();
        });
}

fn check_in_form(ui: &mut Ui, state: &mut State, milestone: &Milestone, requests: &mut Requests) {
    let mut date = state.check_in_date.unwrap_or_else(today);
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
                .desired_width(320.0),
        )
        .accessible_name("Note on the check-in");
        if ui.button("Save check-in").clicked() {
            requests.commands.push(Command::AddCheckIn(NewCheckIn {
                milestone_id: milestone.id,
                on: date,
                status,
                note: state.check_in_note.trim().to_owned(),
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
    state: &mut State,
    view: &PartnershipView,
    plan: &MonitoringPlan,
    requests: &mut Requests,
) {
    let columns = &plan.columns;
    ui.add_space(style::space::S);
    ui.label(RichText::new("Add a milestone").strong());
    let mut frequency = state
        .new_frequency
        .clone()
        .or_else(|| plan.frequencies.get(2).map(|f| f.key.clone()))
        .unwrap_or_default();
    egui::Grid::new("new milestone")
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            ui.strong(&columns[0]);
            ui.add(egui::TextEdit::singleline(&mut state.new_milestone).desired_width(560.0))
                .accessible_name(format!("New {}", columns[0]));
            ui.end_row();
            ui.strong(&columns[1]);
            ui.add(egui::TextEdit::singleline(&mut state.new_feedback).desired_width(560.0))
                .accessible_name(format!("New {}", columns[1]));
            ui.end_row();
            ui.strong(&columns[2]);
            if frequency_choice(
                ui,
                "new frequency",
                &mut frequency,
                plan,
                &format!("New {}", columns[2]),
            ) {
                state.new_frequency = Some(frequency.clone());
            }
            ui.end_row();
            ui.strong(&columns[3]);
            ui.add(egui::TextEdit::singleline(&mut state.new_source).desired_width(560.0))
                .accessible_name(format!("New {}", columns[3]));
            ui.end_row();
            ui.strong("Serves");
            serves_choice(
                ui,
                "new serves",
                &mut state.new_serves,
                view,
                "Goal the new milestone serves",
            );
            ui.end_row();
        });
    let ready = !state.new_milestone.trim().is_empty();
    if ui
        .add_enabled(ready, egui::Button::new("+ Add milestone"))
        .clicked()
    {
        requests.commands.push(Command::AddMilestone(NewMilestone {
            partnership_id: view.partnership.id,
            milestone: state.new_milestone.trim().to_owned(),
            feedback_data: state.new_feedback.trim().to_owned(),
            frequency,
            source: state.new_source.trim().to_owned(),
            serves: state.new_serves,
            started_on: today(),
        }));
        state.new_milestone.clear();
        state.new_feedback.clear();
        state.new_source.clear();
    }
}
