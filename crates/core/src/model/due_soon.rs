//! What is due, across every partnership of the file: open action steps
//! and milestones' check-ins that are overdue or fall due within a chosen
//! number of days, the next quarterly meeting in that time, and each
//! partnership not yet rated in this school year. Archived partnerships
//! are left out. Made from the portfolio's facts, which the store reads
//! for every partnership at once.

use jiff::ToSpan;
use jiff::civil::Date;

use super::portfolio::{PortfolioFacts, rated_this_year};
use super::{PartnershipId, SchoolYear, due, short_date};
use crate::instrument::MonitoringPlan;

/// What falls due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueWhat {
    /// An open action step with a due date.
    Action { text: String, owner: String },
    /// A milestone's next check-in.
    CheckIn { milestone: String },
    /// A quarterly meeting.
    Meeting,
    /// No cycle of the continuum rated yet in this school year.
    NotRated { school_year: String },
}

/// One thing due, of one partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueItem {
    pub partnership: PartnershipId,
    pub name: String,
    pub what: DueWhat,
    /// The day it falls due; `None` for a rating this school year.
    pub on: Option<Date>,
    /// Its day has passed (a rating not given this school year is not
    /// counted overdue: the year is still running).
    pub overdue: bool,
}

impl DueItem {
    /// What it is, in words: "Action step: Book the room (Dee Lane)".
    pub fn describe(&self) -> String {
        match &self.what {
            DueWhat::Action { text, owner } if owner.trim().is_empty() => {
                format!("Action step: {text}")
            }
            DueWhat::Action { text, owner } => format!("Action step: {text} ({owner})"),
            DueWhat::CheckIn { milestone } => format!("Check-in on the milestone: {milestone}"),
            DueWhat::Meeting => "Quarterly meeting".to_owned(),
            DueWhat::NotRated { school_year } => {
                format!("The continuum not yet rated in {school_year}")
            }
        }
    }

    /// When, as of `today`: "overdue since Oct 8, 2020", "today", "in 5
    /// days (Dec 9, 2026)", "this school year".
    pub fn when(&self, today: Date) -> String {
        let Some(on) = self.on else {
            return "this school year".to_owned();
        };
        let days = today.until(on).map_or(0, |span| span.get_days());
        match days {
            d if d < 0 => format!("overdue since {}", short_date(on)),
            0 => "today".to_owned(),
            1 => format!("tomorrow ({})", short_date(on)),
            d => format!("in {d} days ({})", short_date(on)),
        }
    }
}

/// Everything due across `facts` as of `today`: overdue, or falling due
/// within `days` days. Overdue first, oldest first; then by day; the
/// partnerships not rated this school year last.
pub fn due_soon(
    facts: &[PortfolioFacts],
    plan: &MonitoringPlan,
    today: Date,
    days: u16,
) -> Vec<DueItem> {
    let until = today
        .checked_add(i64::from(days).days())
        .unwrap_or(Date::MAX);
    let this_year = SchoolYear::containing(today);
    let mut items = Vec::new();
    for f in facts {
        let p = &f.summary.partnership;
        if p.archived {
            continue;
        }
        let item = |what: DueWhat, on: Option<Date>| DueItem {
            partnership: p.id,
            name: p.name.clone(),
            overdue: on.is_some_and(|d| d < today),
            what,
            on,
        };
        for step in &f.open_steps {
            if let Some(on) = step.due_on.filter(|d| *d <= until) {
                items.push(item(
                    DueWhat::Action {
                        text: step.text.clone(),
                        owner: step.owner.clone(),
                    },
                    Some(on),
                ));
            }
        }
        for milestone in &f.milestones {
            if let Some(on) = due(milestone, plan, &f.check_ins)
                .date()
                .filter(|d| *d <= until)
            {
                items.push(item(
                    DueWhat::CheckIn {
                        milestone: milestone.milestone.clone(),
                    },
                    Some(on),
                ));
            }
        }
        if let Some(on) = f
            .meetings
            .iter()
            .filter(|d| **d >= today && **d <= until)
            .min()
        {
            items.push(item(DueWhat::Meeting, Some(*on)));
        }
        if !rated_this_year(f.recent_cycles.first(), today) {
            items.push(item(
                DueWhat::NotRated {
                    school_year: this_year.label(),
                },
                None,
            ));
        }
    }
    items.sort_by(|a, b| (a.on.is_none(), a.on, &a.name).cmp(&(b.on.is_none(), b.on, &b.name)));
    items
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::instrument::Instruments;
    use crate::model::portfolio::CycleLevels;
    use crate::model::{
        ActionSource, ActionStatus, ActionStep, ActionStepFields, ActionStepId, DocumentId, Level,
        Milestone, MilestoneFields, MilestoneId, Partnership, PartnershipFields,
    };

    fn facts(name: &str, archived: bool) -> PortfolioFacts {
        PortfolioFacts::of(Partnership {
            id: PartnershipId(1),
            is_sample: false,
            fields: PartnershipFields {
                name: name.into(),
                archived,
                ..PartnershipFields::default()
            },
        })
    }

    fn step(text: &str, due_on: Date) -> ActionStep {
        ActionStep {
            id: ActionStepId(1),
            partnership_id: PartnershipId(1),
            source: ActionSource::Meeting(DocumentId(1)),
            fields: ActionStepFields {
                text: text.into(),
                owner: "Dee Lane".into(),
                due_on: Some(due_on),
                status: ActionStatus::Open,
                raised_on: date(2026, 9, 1),
                closed_on: None,
            },
        }
    }

    #[test]
    fn overdue_and_due_within_the_days_chosen_show_later_ones_do_not() {
        let today = date(2026, 12, 4);
        let plan = Instruments::builtin().expect("instruments").monitoring;
        let mut oak = facts("Oak", false);
        oak.open_steps = vec![
            step("Late", date(2026, 11, 20)),
            step("Soon", date(2026, 12, 10)),
            step("Later", date(2027, 2, 1)),
        ];
        oak.meetings = vec![date(2026, 9, 1), date(2026, 12, 15), date(2027, 3, 15)];
        oak.milestones = vec![Milestone {
            id: MilestoneId(1),
            partnership_id: PartnershipId(1),
            serves: None,
            fields: MilestoneFields::new("Residents hired", "quarterly", date(2026, 8, 1)),
        }];
        oak.recent_cycles = vec![CycleLevels {
            school_year: "2026–27".into(),
            administered_on: date(2026, 10, 1),
            levels: [("shared-goals".to_owned(), Level::new(2).expect("level"))].into(),
        }];
        let items = due_soon(&[oak.clone()], plan, today, 14);
        let said: Vec<(String, String)> = items
            .iter()
            .map(|i| (i.describe(), i.when(today)))
            .collect();
        assert_eq!(
            said,
            [
                (
                    "Check-in on the milestone: Residents hired".to_owned(),
                    "overdue since Nov 1, 2026".to_owned()
                ),
                (
                    "Action step: Late (Dee Lane)".to_owned(),
                    "overdue since Nov 20, 2026".to_owned()
                ),
                (
                    "Action step: Soon (Dee Lane)".to_owned(),
                    "in 6 days (Dec 10, 2026)".to_owned()
                ),
                (
                    "Quarterly meeting".to_owned(),
                    "in 11 days (Dec 15, 2026)".to_owned()
                ),
            ]
        );
        assert!(items[0].overdue && items[1].overdue && !items[2].overdue);

        // Not rated this school year; and an archived partnership has
        // nothing due.
        oak.recent_cycles.clear();
        let items = due_soon(&[oak, facts("Elm", true)], plan, today, 0);
        let last = items.last().expect("items");
        assert_eq!(last.describe(), "The continuum not yet rated in 2026–27");
        assert_eq!(last.when(today), "this school year");
        assert!(items.iter().all(|i| i.name == "Oak"));
    }
}
