//! The monitoring plan: milestones with their feedback data, frequency and
//! source, each optionally serving a goal or objective; dated check-ins;
//! and when the next check-in falls due.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::PartnershipId;
use crate::instrument::{Frequency, MonitoringPlan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MilestoneId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GoalId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CheckInId(pub i64);

/// A goal of the partnership, or an objective under a goal (Project Plan).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    pub id: GoalId,
    pub partnership_id: PartnershipId,
    /// The goal an objective serves; `None` for a goal.
    pub goal: Option<GoalId>,
    pub fields: GoalFields,
}

/// What a goal or objective says, declared once (`XGoal` holds it too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalFields {
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewGoal {
    pub partnership_id: PartnershipId,
    pub goal: Option<GoalId>,
    pub fields: GoalFields,
}

/// What a milestone says, declared once: the screens, the file and the
/// exchange file (`XMilestone`) all hold it as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneFields {
    pub milestone: String,
    pub feedback_data: String,
    /// How often it is checked, as the team wrote it: one of the plan's
    /// frequencies by its key ("quarterly"), or any text ("each semester").
    pub frequency: String,
    pub source: String,
    /// When monitoring began: the first check-in is due one period after.
    pub started_on: Date,
}

impl MilestoneFields {
    /// A milestone by its name, how often it is checked (a frequency's key)
    /// and since when, with nothing else written yet. What else a
    /// milestone says is added with `..MilestoneFields::new(…)`.
    pub fn new(
        milestone: impl Into<String>,
        frequency: impl Into<String>,
        started_on: Date,
    ) -> Self {
        MilestoneFields {
            milestone: milestone.into(),
            feedback_data: String::new(),
            frequency: frequency.into(),
            source: String::new(),
            started_on,
        }
    }
}

/// A milestone of the monitoring plan; it reads as its fields
/// (`milestone.source`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub id: MilestoneId,
    pub partnership_id: PartnershipId,
    /// The goal or objective it serves, if any.
    pub serves: Option<GoalId>,
    pub fields: MilestoneFields,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewMilestone {
    pub partnership_id: PartnershipId,
    pub serves: Option<GoalId>,
    pub fields: MilestoneFields,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckInStatus {
    Met,
    Progressing,
    NotYet,
}

impl CheckInStatus {
    pub const ALL: [CheckInStatus; 3] = [
        CheckInStatus::Met,
        CheckInStatus::Progressing,
        CheckInStatus::NotYet,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CheckInStatus::Met => "Met",
            CheckInStatus::Progressing => "Progressing",
            CheckInStatus::NotYet => "Not yet",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            CheckInStatus::Met => "met",
            CheckInStatus::Progressing => "progressing",
            CheckInStatus::NotYet => "not_yet",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckIn {
    pub id: CheckInId,
    pub milestone_id: MilestoneId,
    pub fields: CheckInFields,
}

/// What a check-in says, declared once (`XCheckIn` holds it too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInFields {
    /// The day of the check-in (`checked_on` in the file).
    #[serde(rename = "checked_on")]
    pub on: Date,
    pub status: CheckInStatus,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCheckIn {
    pub milestone_id: MilestoneId,
    pub fields: CheckInFields,
}

/// One period of `frequency` after `date` (months keep the day of the
/// month, or the month's last day when it is shorter).
pub fn after(date: Date, frequency: &Frequency) -> Date {
    let span = i64::from(frequency.months)
        .months()
        .days(i64::from(frequency.days));
    date.checked_add(span).unwrap_or(date)
}

/// Where a milestone stands for its next check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// The next check-in falls due on this day.
    On(Date),
    /// Its latest check-in found it met: no more are due.
    Met,
    /// Its frequency is one PartnerPath cannot count ("each semester"), so
    /// no day is worked out.
    Uncounted,
}

impl Due {
    /// The day of the next check-in, if one is worked out.
    pub fn date(self) -> Option<Date> {
        match self {
            Due::On(date) => Some(date),
            Due::Met | Due::Uncounted => None,
        }
    }

    /// Whether the check-in was due before `today`.
    pub fn overdue(self, today: Date) -> bool {
        self.date().is_some_and(|d| d < today)
    }
}

/// Where `milestone` stands: when its next check-in falls due under the
/// plan's frequencies, met, or not counted.
pub fn due(milestone: &Milestone, plan: &MonitoringPlan, check_ins: &[CheckIn]) -> Due {
    let met = check_ins
        .iter()
        .filter(|c| c.milestone_id == milestone.id)
        .max_by_key(|c| (c.on, c.id))
        .is_some_and(|c| c.status == CheckInStatus::Met);
    match plan.frequency(&milestone.frequency) {
        _ if met => Due::Met,
        Some(frequency) => next_check_in(milestone, frequency, check_ins).map_or(Due::Met, Due::On),
        None => Due::Uncounted,
    }
}

/// When the next check-in of `milestone` falls due: one period after its
/// latest check-in, or after monitoring began. `None` once it is met.
pub fn next_check_in(
    milestone: &Milestone,
    frequency: &Frequency,
    check_ins: &[CheckIn],
) -> Option<Date> {
    let latest = check_ins
        .iter()
        .filter(|c| c.milestone_id == milestone.id)
        .max_by_key(|c| (c.on, c.id));
    match latest {
        Some(check_in) if check_in.status == CheckInStatus::Met => None,
        Some(check_in) => Some(after(check_in.on, frequency)),
        None => Some(after(milestone.started_on, frequency)),
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn frequency(days: u32, months: u32) -> Frequency {
        Frequency {
            key: "f".into(),
            label: "F".into(),
            days,
            months,
        }
    }

    fn milestone(started: Date) -> Milestone {
        Milestone {
            id: MilestoneId(1),
            partnership_id: PartnershipId(1),
            serves: None,
            fields: MilestoneFields::new("Residents hired", "f", started),
        }
    }

    fn check_in(id: i64, on: Date, status: CheckInStatus) -> CheckIn {
        CheckIn {
            id: CheckInId(id),
            milestone_id: MilestoneId(1),
            fields: CheckInFields {
                on,
                status,
                note: String::new(),
            },
        }
    }

    #[test]
    fn periods_add_days_or_months() {
        let start = date(2025, 1, 31);
        assert_eq!(after(start, &frequency(7, 0)), date(2025, 2, 7));
        assert_eq!(
            after(start, &frequency(0, 1)),
            date(2025, 2, 28),
            "short month"
        );
        assert_eq!(after(start, &frequency(0, 3)), date(2025, 4, 30));
        assert_eq!(after(start, &frequency(0, 6)), date(2025, 7, 31));
        assert_eq!(after(start, &frequency(0, 12)), date(2026, 1, 31));
    }

    #[test]
    fn the_next_check_in_follows_the_latest_one() {
        let m = milestone(date(2025, 9, 1));
        let quarterly = frequency(0, 3);
        assert_eq!(next_check_in(&m, &quarterly, &[]), Some(date(2025, 12, 1)));
        let check_ins = [
            check_in(2, date(2026, 3, 10), CheckInStatus::Progressing),
            check_in(1, date(2025, 12, 5), CheckInStatus::NotYet),
        ];
        assert_eq!(
            next_check_in(&m, &quarterly, &check_ins),
            Some(date(2026, 6, 10))
        );
        let met = [check_in(3, date(2026, 6, 1), CheckInStatus::Met)];
        assert_eq!(
            next_check_in(&m, &quarterly, &met),
            None,
            "a met milestone is done"
        );
    }

    #[test]
    fn a_frequency_is_what_the_team_wrote_and_dated_when_it_is_a_suggestion() {
        let plan = MonitoringPlan::builtin().expect("plan");
        for written in ["quarterly", "Quarterly", " QUARTERLY "] {
            assert_eq!(
                plan.frequency(written).map(|f| f.key.as_str()),
                Some("quarterly"),
                "{written:?}"
            );
        }
        assert_eq!(plan.frequency_label("quarterly"), "Quarterly");
        assert!(plan.frequency("each semester").is_none());
        assert_eq!(plan.frequency_label("each semester"), "each semester");

        let mut m = milestone(date(2025, 9, 1));
        m.frequency = "Quarterly".into();
        assert_eq!(due(&m, plan, &[]), Due::On(date(2025, 12, 1)));
        assert!(due(&m, plan, &[]).overdue(date(2025, 12, 2)));
        m.frequency = "each semester".into();
        assert_eq!(due(&m, plan, &[]), Due::Uncounted);
        assert!(!Due::Uncounted.overdue(date(2030, 1, 1)));
        let met = [check_in(3, date(2026, 6, 1), CheckInStatus::Met)];
        assert_eq!(due(&m, plan, &met), Due::Met, "met, whatever the frequency");
    }
}
