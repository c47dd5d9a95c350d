//! One list of everything the partnership has said it will do and has not
//! yet done: open action steps from meetings and milestones, the continuum's
//! *Next steps* of the newest cycle, and milestones due for a check-in.

use jiff::civil::Date;

use super::{
    ActionSource, ActionStatus, ActionStepId, CycleId, DocumentId, MilestoneId, PartnershipView,
    Rater, due,
};
use crate::instrument::MonitoringPlan;

/// Where an item of the list came from, to link back to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Meeting(DocumentId),
    Continuum { cycle: CycleId, indicator: String },
    Milestone(MilestoneId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    pub text: String,
    pub owner: String,
    pub due: Option<Date>,
    pub overdue: bool,
    pub origin: Origin,
    /// The stored action step, when the item is one.
    pub step: Option<ActionStepId>,
}

/// Everything open, overdue first, then by due date, undated last.
pub fn open_actions<'k>(
    view: &PartnershipView,
    indicator_keys: impl IntoIterator<Item = &'k str>,
    plan: &MonitoringPlan,
    today: Date,
) -> Vec<ActionItem> {
    let mut items: Vec<ActionItem> = view
        .action_steps
        .iter()
        .filter(|s| s.status == ActionStatus::Open)
        .map(|s| ActionItem {
            text: s.text.clone(),
            owner: s.owner.clone(),
            due: s.due_on,
            overdue: s.is_overdue(today),
            origin: match s.source {
                ActionSource::Meeting(document) => Origin::Meeting(document),
                ActionSource::Milestone(milestone) => Origin::Milestone(milestone),
            },
            step: Some(s.id),
        })
        .collect();
    if let Some(cycle) = view.cycles.last() {
        for key in indicator_keys {
            let next = view
                .rating(cycle.id, Rater::Consensus, key)
                .map_or("", |r| r.next_steps.trim());
            if !next.is_empty() {
                items.push(ActionItem {
                    text: next.to_owned(),
                    owner: String::new(),
                    due: None,
                    overdue: false,
                    origin: Origin::Continuum {
                        cycle: cycle.id,
                        indicator: key.to_owned(),
                    },
                    step: None,
                });
            }
        }
    }
    for milestone in &view.milestones {
        if let Some(due) = due(milestone, plan, &view.check_ins).date()
            && due <= today
        {
            items.push(ActionItem {
                text: format!("Check in on the milestone: {}", milestone.milestone),
                owner: String::new(),
                due: Some(due),
                overdue: due < today,
                origin: Origin::Milestone(milestone.id),
                step: None,
            });
        }
    }
    items.sort_by_key(|item| (!item.overdue, item.due.is_none(), item.due));
    items
}
