//! The calendar export as data: a partnership's quarterly meetings, the
//! next check-in of each milestone and its open action steps that have a
//! due date, each an all-day event on its day. Each event's id is made
//! from the id its record keeps forever (the exchange file's), so that
//! importing a newer export into a calendar updates the events rather than
//! adding them again. The app writes the events as an `.ics` file.

use jiff::civil::Date;

use super::exchange::Exchange;
use super::{
    ActionStatus, CheckIn, CheckInId, FieldValue, Milestone, MilestoneId, PartnershipId, due,
};
use crate::instrument::{MonitoringPlan, QUARTERLY_MEETING};

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The same from one export to the next: "…@partnerpath".
    pub uid: String,
    pub on: Date,
    pub summary: String,
    pub description: String,
}

/// The meeting's field that holds its day.
const MEETING_DATE: &str = "meeting_date";

/// The events of the partnership `exchange` holds, by day.
pub fn events(exchange: &Exchange, plan: &MonitoringPlan) -> Vec<Event> {
    let name = &exchange.partnership.fields.name;
    let mut events = Vec::new();
    for document in &exchange.documents {
        if document.fields.instrument_key != QUARTERLY_MEETING {
            continue;
        }
        let on = document
            .values
            .get(MEETING_DATE)
            .and_then(|v| serde_json::from_value::<FieldValue>(v.clone()).ok());
        if let Some(FieldValue::Date(Some(on))) = on {
            events.push(Event {
                uid: format!("{}@partnerpath", document.id),
                on,
                summary: format!("{} ({name})", document.fields.title),
                description: format!("Quarterly meeting of {name}."),
            });
        }
    }
    // The model's own reckoning of when a check-in falls due, on the
    // exchange file's records.
    let milestones: Vec<Milestone> = (0..)
        .zip(&exchange.milestones)
        .map(|(i, m)| Milestone {
            id: MilestoneId(i),
            partnership_id: PartnershipId(0),
            serves: None,
            fields: m.fields.clone(),
        })
        .collect();
    let check_ins: Vec<CheckIn> = (0..)
        .zip(&exchange.check_ins)
        .filter_map(|(i, c)| {
            let milestone = exchange
                .milestones
                .iter()
                .position(|m| m.id == c.milestone)?;
            Some(CheckIn {
                id: CheckInId(i),
                milestone_id: MilestoneId(i64::try_from(milestone).ok()?),
                fields: c.fields.clone(),
            })
        })
        .collect();
    for (milestone, x) in milestones.iter().zip(&exchange.milestones) {
        if let Some(on) = due(milestone, plan, &check_ins).date() {
            events.push(Event {
                uid: format!("{}-check-in@partnerpath", x.id),
                on,
                summary: format!("Check-in: {} ({name})", milestone.milestone),
                description: format!(
                    "The next check-in on this milestone of {name}'s monitoring plan ({}).",
                    plan.frequency_label(&milestone.frequency)
                ),
            });
        }
    }
    for step in &exchange.action_steps {
        if step.fields.status != ActionStatus::Open {
            continue;
        }
        if let Some(on) = step.fields.due_on {
            let owner = step.fields.owner.trim();
            events.push(Event {
                uid: format!("{}@partnerpath", step.id),
                on,
                summary: format!("Action step due: {} ({name})", step.fields.text),
                description: if owner.is_empty() {
                    format!("An action step of {name}.")
                } else {
                    format!("An action step of {name}, for {owner}.")
                },
            });
        }
    }
    events.sort_by(|a, b| (a.on, &a.uid).cmp(&(b.on, &b.uid)));
    events
}
