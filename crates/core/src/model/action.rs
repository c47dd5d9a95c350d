//! Action steps: what someone will do by when. Raised at a meeting (or from
//! the monitoring plan), carried forward to every later meeting until
//! closed, and kept in the record after.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{DocumentId, MilestoneId, PartnershipId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActionStepId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Open,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 3] = [
        ActionStatus::Open,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::Done => "Done",
            ActionStatus::Dropped => "Dropped",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }
}

/// Where an action step was raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionSource {
    Meeting(DocumentId),
    Milestone(MilestoneId),
}

/// What an action step says, declared once (`XActionStep` holds it too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionStepFields {
    pub text: String,
    pub owner: String,
    pub due_on: Option<Date>,
    pub status: ActionStatus,
    /// When it was raised (for a meeting, the meeting's date).
    pub raised_on: Date,
    /// When it was marked done or dropped.
    pub closed_on: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewActionStep {
    pub partnership_id: PartnershipId,
    pub source: ActionSource,
    pub fields: ActionStepFields,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionStep {
    pub id: ActionStepId,
    pub partnership_id: PartnershipId,
    pub source: ActionSource,
    pub fields: ActionStepFields,
}

impl ActionStep {
    /// Still open and past its due date on `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status == ActionStatus::Open && self.due_on.is_some_and(|due| due < today)
    }

    /// Was it still to be reviewed at a meeting held on `date`? Raised
    /// before that day and not closed before it.
    pub fn open_on(&self, date: Date) -> bool {
        self.raised_on < date
            && match self.status {
                ActionStatus::Open => true,
                ActionStatus::Done | ActionStatus::Dropped => {
                    self.closed_on.is_some_and(|closed| closed >= date)
                }
            }
    }

    /// Sets the status, noting when it was closed (`on`) or reopened.
    pub fn with_status(&self, status: ActionStatus, on: Date) -> ActionStep {
        let mut step = self.clone();
        step.status = status;
        step.closed_on = (status != ActionStatus::Open).then_some(on);
        step
    }
}

/// The steps raised at earlier meetings that a meeting on `date` reviews,
/// oldest first.
pub fn carried_forward(steps: &[ActionStep], meeting: DocumentId, date: Date) -> Vec<&ActionStep> {
    let mut carried: Vec<&ActionStep> = steps
        .iter()
        .filter(|s| matches!(s.source, ActionSource::Meeting(m) if m != meeting))
        .filter(|s| s.open_on(date))
        .collect();
    carried.sort_by_key(|s| (s.raised_on, s.id));
    carried
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn step(id: i64, meeting: i64, raised: Date) -> ActionStep {
        ActionStep {
            id: ActionStepId(id),
            partnership_id: PartnershipId(1),
            source: ActionSource::Meeting(DocumentId(meeting)),
            fields: ActionStepFields {
                text: format!("step {id}"),
                owner: String::new(),
                due_on: None,
                status: ActionStatus::Open,
                raised_on: raised,
                closed_on: None,
            },
        }
    }

    #[test]
    fn an_open_step_is_carried_to_every_later_meeting() {
        let steps = [step(1, 10, date(2025, 1, 15))];
        assert_eq!(
            carried_forward(&steps, DocumentId(11), date(2025, 4, 15)).len(),
            1
        );
        assert_eq!(
            carried_forward(&steps, DocumentId(12), date(2025, 7, 15)).len(),
            1
        );
        assert!(
            carried_forward(&steps, DocumentId(10), date(2025, 1, 15)).is_empty(),
            "not into the meeting that raised it"
        );
        assert!(carried_forward(&steps, DocumentId(9), date(2024, 10, 15)).is_empty());
    }

    #[test]
    fn a_step_closed_at_a_meeting_shows_there_but_not_later() {
        let closed =
            step(1, 10, date(2025, 1, 15)).with_status(ActionStatus::Done, date(2025, 4, 15));
        let steps = [closed];
        let at_close = carried_forward(&steps, DocumentId(11), date(2025, 4, 15));
        assert_eq!(at_close.len(), 1, "reviewed and closed at this meeting");
        assert!(carried_forward(&steps, DocumentId(12), date(2025, 7, 15)).is_empty());
        assert_eq!(
            steps[0].closed_on,
            Some(date(2025, 4, 15)),
            "kept in the record"
        );
    }

    #[test]
    fn reopening_clears_the_closing_date_and_overdue_needs_a_past_due_date() {
        let mut s =
            step(1, 10, date(2025, 1, 15)).with_status(ActionStatus::Dropped, date(2025, 2, 1));
        s = s.with_status(ActionStatus::Open, date(2025, 3, 1));
        assert_eq!(s.closed_on, None);
        assert!(!s.is_overdue(date(2025, 3, 1)));
        s.due_on = Some(date(2025, 2, 28));
        assert!(s.is_overdue(date(2025, 3, 1)));
        assert!(
            !s.with_status(ActionStatus::Done, date(2025, 3, 1))
                .is_overdue(date(2025, 3, 2))
        );
    }
}
