//! The portfolio: every partnership of a file on one line, for whoever
//! oversees many. Each line has the newest cycle's category averages with
//! the change since the cycle before, the open and overdue actions, the
//! next check-in or meeting, and why it needs attention. The store gathers
//! the facts (`PortfolioFacts`); this module turns them into lines, and
//! finds, filters and sorts them.

use std::collections::HashMap;

use jiff::civil::Date;

use super::{
    ActionStep, Change, CheckIn, Level, Mean, Milestone, PartnerKind, Partnership, PartnershipId,
    PartnershipSummary, SchoolYear, due,
};
use crate::instrument::{Continuum, MonitoringPlan};

/// A cycle's school year and the team's agreed levels, by indicator key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CycleLevels {
    pub school_year: String,
    pub administered_on: Date,
    pub levels: HashMap<String, Level>,
}

/// What the store knows of one partnership that its line needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioFacts {
    pub summary: PartnershipSummary,
    /// The newest cycle and the one before it, newest first.
    pub recent_cycles: Vec<CycleLevels>,
    /// The open action steps.
    pub open_steps: Vec<ActionStep>,
    pub milestones: Vec<Milestone>,
    pub check_ins: Vec<CheckIn>,
    /// When each quarterly meeting is (or was) held.
    pub meetings: Vec<Date>,
}

impl PortfolioFacts {
    /// The facts of `partnership` with nothing recorded in it yet.
    pub fn of(partnership: Partnership) -> PortfolioFacts {
        PortfolioFacts {
            summary: PartnershipSummary {
                partnership,
                people: 0,
                cycles: 0,
                ratings: 0,
                latest_school_year: None,
            },
            recent_cycles: Vec::new(),
            open_steps: Vec::new(),
            milestones: Vec::new(),
            check_ins: Vec::new(),
            meetings: Vec::new(),
        }
    }
}

/// A category's average in the newest cycle, and its change since the one
/// before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryTrend {
    pub now: Option<Mean>,
    pub change: Option<Change>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upcoming {
    CheckIn(Date),
    Meeting(Date),
}

impl Upcoming {
    pub fn date(self) -> Date {
        match self {
            Upcoming::CheckIn(d) | Upcoming::Meeting(d) => d,
        }
    }

    pub fn what(self) -> &'static str {
        match self {
            Upcoming::CheckIn(_) => "check-in",
            Upcoming::Meeting(_) => "meeting",
        }
    }
}

/// Why a partnership needs attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attention {
    /// Action steps past their due date.
    OverdueActions(usize),
    /// No cycle of the continuum rated in this school year.
    NotRatedThisYear,
    /// Indicators whose agreed level fell since the cycle before.
    LevelsFell(usize),
    /// A milestone's check-in was due and has not been held.
    CheckInLate(Date),
}

impl Attention {
    /// In words, for the list and the printout.
    pub fn describe(&self) -> String {
        match self {
            Attention::OverdueActions(1) => "1 action overdue".to_owned(),
            Attention::OverdueActions(n) => format!("{n} actions overdue"),
            Attention::NotRatedThisYear => "not rated this year".to_owned(),
            Attention::LevelsFell(1) => "1 level fell".to_owned(),
            Attention::LevelsFell(n) => format!("{n} levels fell"),
            Attention::CheckInLate(_) => "check-in late".to_owned(),
        }
    }
}

/// One partnership's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioRow {
    pub id: PartnershipId,
    pub name: String,
    pub kind: PartnerKind,
    pub district: String,
    pub partner: String,
    pub archived: bool,
    pub is_sample: bool,
    pub cycles: usize,
    pub latest_year: Option<String>,
    pub previous_year: Option<String>,
    /// One per category of the continuum, in its order.
    pub categories: Vec<CategoryTrend>,
    pub open_actions: usize,
    pub overdue_actions: usize,
    pub next: Option<Upcoming>,
    pub attention: Vec<Attention>,
}

/// Whether `latest`, a partnership's newest cycle, was rated in the school
/// year of `today`.
pub fn rated_this_year(latest: Option<&CycleLevels>, today: Date) -> bool {
    let this_year = SchoolYear::containing(today);
    latest.is_some_and(|c| {
        SchoolYear::containing(c.administered_on) == this_year && !c.levels.is_empty()
    })
}

/// The lines of `facts`, as of `today`.
pub fn rows(
    facts: &[PortfolioFacts],
    continuum: &Continuum,
    plan: &MonitoringPlan,
    today: Date,
) -> Vec<PortfolioRow> {
    facts
        .iter()
        .map(|f| row(f, continuum, plan, today))
        .collect()
}

fn row(
    f: &PortfolioFacts,
    continuum: &Continuum,
    plan: &MonitoringPlan,
    today: Date,
) -> PortfolioRow {
    let p = &f.summary.partnership;
    let latest = f.recent_cycles.first();
    let previous = f.recent_cycles.get(1);
    let mean = |cycle: Option<&CycleLevels>, keys: &[&str]| {
        cycle.and_then(|c| {
            Mean::of(
                keys.iter()
                    .filter_map(|k| c.levels.get(*k).map(|l| l.number())),
            )
        })
    };
    let categories = continuum
        .categories
        .iter()
        .map(|category| {
            let keys: Vec<&str> = category.indicators.iter().map(|i| i.key.as_str()).collect();
            let now = mean(latest, &keys);
            let before = mean(previous, &keys);
            CategoryTrend {
                now,
                change: now.zip(before).map(|(n, b)| n.change_since(b)),
            }
        })
        .collect();
    let overdue_actions = f.open_steps.iter().filter(|s| s.is_overdue(today)).count();
    let next_check_in = f
        .milestones
        .iter()
        .filter_map(|m| due(m, plan, &f.check_ins).date())
        .min();
    let next_meeting = f.meetings.iter().filter(|d| **d >= today).min().copied();
    let next = match (next_check_in, next_meeting) {
        (Some(c), Some(m)) if m < c => Some(Upcoming::Meeting(m)),
        (Some(c), _) => Some(Upcoming::CheckIn(c)),
        (None, Some(m)) => Some(Upcoming::Meeting(m)),
        (None, None) => None,
    };
    let mut attention = Vec::new();
    if !p.archived {
        if overdue_actions > 0 {
            attention.push(Attention::OverdueActions(overdue_actions));
        }
        if !rated_this_year(latest, today) {
            attention.push(Attention::NotRatedThisYear);
        }
        if let (Some(latest), Some(previous)) = (latest, previous) {
            let fell = latest
                .levels
                .iter()
                .filter(|(key, level)| {
                    previous
                        .levels
                        .get(*key)
                        .is_some_and(|before| *level < before)
                })
                .count();
            if fell > 0 {
                attention.push(Attention::LevelsFell(fell));
            }
        }
        if let Some(due) = next_check_in.filter(|d| *d < today) {
            attention.push(Attention::CheckInLate(due));
        }
    }
    PortfolioRow {
        id: p.id,
        name: p.name.clone(),
        kind: p.partner_kind,
        district: p.district.clone(),
        partner: p.partner_organisation.clone(),
        archived: p.archived,
        is_sample: p.is_sample,
        cycles: f.summary.cycles,
        latest_year: latest.map(|c| c.school_year.clone()),
        previous_year: previous.map(|c| c.school_year.clone()),
        categories,
        open_actions: f.open_steps.len(),
        overdue_actions,
        next,
        attention,
    }
}

/// How the lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Most reasons for attention first, then most overdue actions.
    #[default]
    Attention,
    Name,
    OverdueActions,
    OpenActions,
    /// The soonest check-in or meeting first.
    Next,
    /// The newest cycle first.
    LatestCycle,
}

impl SortBy {
    pub const ALL: [SortBy; 6] = [
        SortBy::Attention,
        SortBy::Name,
        SortBy::OverdueActions,
        SortBy::OpenActions,
        SortBy::Next,
        SortBy::LatestCycle,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortBy::Attention => "Needs attention",
            SortBy::Name => "Name",
            SortBy::OverdueActions => "Overdue actions",
            SortBy::OpenActions => "Open actions",
            SortBy::Next => "Next check-in or meeting",
            SortBy::LatestCycle => "Latest cycle",
        }
    }
}

/// Which lines show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Part of the name, district or partner, in any case.
    pub text: String,
    pub kind: Option<PartnerKind>,
    pub district: Option<String>,
    pub show_archived: bool,
}

impl Filter {
    pub fn keeps(&self, row: &PortfolioRow) -> bool {
        let text = self.text.trim().to_lowercase();
        (self.show_archived || !row.archived)
            && self.kind.is_none_or(|k| k == row.kind)
            && self.district.as_ref().is_none_or(|d| *d == row.district)
            && (text.is_empty()
                || [&row.name, &row.district, &row.partner]
                    .iter()
                    .any(|field| field.to_lowercase().contains(&text)))
    }
}

/// The indices of the lines `filter` keeps, in `sort` order (ties by name).
pub fn select(rows: &[PortfolioRow], filter: &Filter, sort: SortBy) -> Vec<usize> {
    let mut chosen: Vec<usize> = (0..rows.len())
        .filter(|i| filter.keeps(&rows[*i]))
        .collect();
    let name = |i: usize| rows[i].name.to_lowercase();
    chosen.sort_by(|a, b| {
        let (ra, rb) = (&rows[*a], &rows[*b]);
        let first = match sort {
            SortBy::Attention => rb
                .attention
                .len()
                .cmp(&ra.attention.len())
                .then(rb.overdue_actions.cmp(&ra.overdue_actions)),
            SortBy::Name => std::cmp::Ordering::Equal,
            SortBy::OverdueActions => rb.overdue_actions.cmp(&ra.overdue_actions),
            SortBy::OpenActions => rb.open_actions.cmp(&ra.open_actions),
            // Nothing coming goes last.
            SortBy::Next => match (ra.next, rb.next) {
                (Some(x), Some(y)) => x.date().cmp(&y.date()),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            },
            SortBy::LatestCycle => rb.latest_year.cmp(&ra.latest_year),
        };
        first.then_with(|| name(*a).cmp(&name(*b)))
    });
    chosen
}

/// The districts of the lines, each once, in order.
pub fn districts(rows: &[PortfolioRow]) -> Vec<String> {
    let mut all: Vec<String> = rows
        .iter()
        .map(|r| r.district.clone())
        .filter(|d| !d.trim().is_empty())
        .collect();
    all.sort_by_key(|d| d.to_lowercase());
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::instrument::Instruments;
    use crate::model::{
        ActionSource, ActionStatus, ActionStepFields, ActionStepId, DocumentId, PartnershipFields,
    };

    fn facts(id: i64, name: &str, district: &str) -> PortfolioFacts {
        PortfolioFacts::of(Partnership {
            id: PartnershipId(id),
            is_sample: false,
            fields: PartnershipFields {
                name: name.into(),
                district: district.into(),
                partner_organisation: "Partner".into(),
                partner_kind: PartnerKind::Other,
                start_date: None,
                notes: String::new(),
                archived: false,
            },
        })
    }

    fn step(due: Option<Date>) -> ActionStep {
        ActionStep {
            id: ActionStepId(1),
            partnership_id: PartnershipId(1),
            source: ActionSource::Meeting(DocumentId(1)),
            fields: ActionStepFields {
                text: "Do".into(),
                owner: String::new(),
                due_on: due,
                status: ActionStatus::Open,
                raised_on: date(2026, 1, 1),
                closed_on: None,
            },
        }
    }

    fn cycle(year: &str, on: Date, levels: &[(&str, u8)]) -> CycleLevels {
        CycleLevels {
            school_year: year.into(),
            administered_on: on,
            levels: levels
                .iter()
                .filter_map(|(k, n)| Level::new(*n).map(|l| ((*k).to_owned(), l)))
                .collect(),
        }
    }

    #[test]
    fn a_line_has_the_averages_changes_actions_and_reasons_for_attention() {
        let instruments = Instruments::builtin().expect("instruments");
        let continuum = instruments.continuum;
        let keys: Vec<&str> = continuum.categories[0]
            .indicators
            .iter()
            .map(|i| i.key.as_str())
            .collect();
        let today = date(2026, 11, 28);
        let mut f = facts(1, "Oak", "Oak SD");
        f.recent_cycles = vec![
            cycle(
                "2026–27",
                date(2026, 10, 1),
                &[(keys[0], 3), (keys[1], 3), (keys[2], 3), (keys[3], 4)],
            ),
            cycle(
                "2025–26",
                date(2025, 10, 1),
                &[(keys[0], 2), (keys[1], 3), (keys[2], 4), (keys[3], 2)],
            ),
        ];
        f.open_steps = vec![
            step(Some(date(2026, 11, 1))),
            step(Some(date(2027, 1, 1))),
            step(None),
        ];
        f.meetings = vec![date(2026, 9, 1), date(2027, 1, 15), date(2027, 3, 1)];
        let line = row(&f, continuum, instruments.monitoring, today);
        let foundations = line.categories[0];
        assert_eq!(
            foundations.now.map(|m| m.to_string()).as_deref(),
            Some("3.3")
        );
        assert_eq!(
            foundations.change.map(|c| c.to_string()).as_deref(),
            Some("+0.5")
        );
        assert_eq!(line.categories[1].now, None, "nothing rated in the others");
        assert_eq!((line.open_actions, line.overdue_actions), (3, 1));
        assert_eq!(line.next, Some(Upcoming::Meeting(date(2027, 1, 15))));
        assert_eq!(
            line.attention,
            vec![Attention::OverdueActions(1), Attention::LevelsFell(1)],
            "rated this school year; one level went from 4 to 3"
        );

        let mut quiet = facts(2, "Elm", "Elm SD");
        quiet.summary.partnership.archived = true;
        let line = row(&quiet, continuum, instruments.monitoring, today);
        assert!(
            line.attention.is_empty(),
            "an archived partnership asks for nothing"
        );
        quiet.summary.partnership.archived = false;
        let line = row(&quiet, continuum, instruments.monitoring, today);
        assert_eq!(line.attention, vec![Attention::NotRatedThisYear]);
    }

    #[test]
    fn lines_are_found_by_part_of_a_name_filtered_and_sorted() {
        let instruments = Instruments::builtin().expect("instruments");
        let today = date(2026, 11, 28);
        let mut all = vec![
            facts(1, "Birch & Co", "North"),
            facts(2, "Ash Academy", "South"),
            facts(3, "Cedar", "North"),
        ];
        all[2].open_steps = vec![step(Some(date(2026, 1, 1))), step(Some(date(2026, 2, 1)))];
        all[1].open_steps = vec![step(Some(date(2026, 1, 1)))];
        all[0].summary.partnership.archived = true;
        let rows = rows(&all, instruments.continuum, instruments.monitoring, today);
        let names = |order: Vec<usize>| {
            order
                .iter()
                .map(|i| rows[*i].name.as_str())
                .collect::<Vec<_>>()
        };
        let mut filter = Filter::default();
        assert_eq!(
            names(select(&rows, &filter, SortBy::Name)),
            ["Ash Academy", "Cedar"]
        );
        assert_eq!(
            names(select(&rows, &filter, SortBy::OverdueActions)),
            ["Cedar", "Ash Academy"]
        );
        filter.show_archived = true;
        assert_eq!(
            names(select(&rows, &filter, SortBy::Name)),
            ["Ash Academy", "Birch & Co", "Cedar"]
        );
        filter.text = "CED".into();
        assert_eq!(names(select(&rows, &filter, SortBy::Name)), ["Cedar"]);
        filter.text = "north".into();
        assert_eq!(
            names(select(&rows, &filter, SortBy::Name)),
            ["Birch & Co", "Cedar"],
            "the district matches too"
        );
        filter.text.clear();
        filter.district = Some("South".into());
        assert_eq!(names(select(&rows, &filter, SortBy::Name)), ["Ash Academy"]);
        assert_eq!(districts(&rows), ["North", "South"]);
    }
}
