//! The partnership's one set of goals and objectives, edited wherever a
//! tool asks for them: the Monitoring Plan, and the guidebook's Goals &
//! Objectives Template (its "Initiative Goal" and "Initiative Objectives"
//! sections). The Project Plan and the milestones choose from the same set.

use egui::{RichText, Ui};

use crate::model::{Command, Goal, GoalFields, GoalId, NewGoal, PartnershipView};
use crate::ui::action::Actions;
use crate::ui::kit::{style, widgets};

/// What is being typed for a new goal or objective.
#[derive(Default)]
pub struct GoalsForm {
    new_goal: String,
    new_objective: String,
    objective_of: Option<GoalId>,
}

pub fn goal_name(view: &PartnershipView, id: GoalId) -> String {
    let Some(goal) = view.goals.iter().find(|g| g.id == id) else {
        return String::new();
    };
    match goal.goal {
        None => format!("Goal: {}", goal.text),
        Some(_) => format!("Objective: {}", goal.text),
    }
}

/// Each goal, editable, with its objectives under it when `nested`.
pub fn goal_list(ui: &mut Ui, view: &PartnershipView, actions: &mut Actions, nested: bool) {
    for goal in view.goals.iter().filter(|g| g.goal.is_none()) {
        goal_row(ui, goal, "Goal", actions);
        if nested {
            objective_rows(ui, view, goal.id, actions);
        }
    }
}

/// Each goal's objectives, editable, under the goal's name.
pub fn objective_list(ui: &mut Ui, view: &PartnershipView, actions: &mut Actions) {
    for goal in view.goals.iter().filter(|g| g.goal.is_none()) {
        ui.label(RichText::new(format!("Toward the goal “{}”", goal.text)).weak());
        objective_rows(ui, view, goal.id, actions);
    }
}

fn objective_rows(ui: &mut Ui, view: &PartnershipView, goal: GoalId, actions: &mut Actions) {
    for objective in view.goals.iter().filter(|o| o.goal == Some(goal)) {
        ui.horizontal(|ui| {
            ui.add_space(style::space::XXL);
            goal_row(ui, objective, "Objective", actions);
        });
    }
}

/// A field and a button for a new goal.
pub fn add_goal_form(
    ui: &mut Ui,
    form: &mut GoalsForm,
    view: &PartnershipView,
    actions: &mut Actions,
) {
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut form.new_goal)
                .hint_text("A goal of the partnership")
                .desired_width(style::width::GOAL),
        )
        .accessible_name("New goal");
        if ui
            .add_enabled(
                !form.new_goal.trim().is_empty(),
                egui::Button::new("+ Add goal"),
            )
            .clicked()
        {
            add_goal(actions, view, None, &mut form.new_goal);
        }
    });
}

/// A field for a new objective, the goal it is toward, and a button; or,
/// with no goal yet, a line saying a goal comes first.
pub fn add_objective_form(
    ui: &mut Ui,
    form: &mut GoalsForm,
    view: &PartnershipView,
    actions: &mut Actions,
) {
    let goals: Vec<&Goal> = view.goals.iter().filter(|g| g.goal.is_none()).collect();
    let Some(first) = goals.first() else {
        ui.weak("Add a goal first: each objective is toward a goal.");
        return;
    };
    // The goal chosen before, while it is still there (it may have been
    // deleted since); else the first.
    let parent = form
        .objective_of
        .filter(|id| goals.iter().any(|g| g.id == *id))
        .unwrap_or(first.id);
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut form.new_objective)
                .hint_text("An objective toward a goal")
                .desired_width(style::width::SENTENCE),
        )
        .accessible_name("New objective");
        ui.label("toward");
        let mut chosen = parent;
        egui::ComboBox::from_id_salt("objective goal")
            .selected_text(goal_name(view, chosen))
            .width(style::width::GOAL_CHOICE)
            .show_ui(ui, |ui| {
                for goal in &goals {
                    ui.selectable_value(&mut chosen, goal.id, goal_name(view, goal.id));
                }
            })
            .response
            .accessible_name("Goal of the new objective");
        form.objective_of = Some(chosen);
        if ui
            .add_enabled(
                !form.new_objective.trim().is_empty(),
                egui::Button::new("+ Add objective"),
            )
            .clicked()
        {
            add_goal(actions, view, Some(chosen), &mut form.new_objective);
        }
    });
}

/// Adds the goal (or, under `goal`, the objective) typed in `text`, and
/// empties the field for the next.
fn add_goal(
    actions: &mut Actions,
    view: &PartnershipView,
    goal: Option<GoalId>,
    text: &mut String,
) {
    actions.edit(Command::AddGoal(NewGoal {
        partnership_id: view.partnership.id,
        goal,
        fields: GoalFields {
            text: text.trim().to_owned(),
        },
    }));
    text.clear();
}

fn goal_row(ui: &mut Ui, goal: &Goal, kind: &str, actions: &mut Actions) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{kind}:")).strong());
        let name = format!("{kind}: {}", goal.text);
        if let Some(text) = widgets::text(ui, &goal.text, &name, 480.0) {
            actions.edit(Command::UpdateGoal(Goal {
                fields: GoalFields { text },
                ..goal.clone()
            }));
        }
        if ui
            .button("Delete")
            .accessible_name(format!("Delete {name}"))
            .on_hover_text("Milestones serving it are kept.")
            .clicked()
        {
            actions.edit(Command::DeleteGoal(goal.id));
        }
    });
}
