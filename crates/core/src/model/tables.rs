//! The spreadsheet export as data: tables of typed cells, one per sheet.
//! A partnership's ratings across every year (a row per cycle, indicator
//! and rater), the category averages per year as the screens show them,
//! its readiness rounds with each member's ratings and the teams'
//! averages, its action steps, its monitoring plan with the check-ins, and
//! the portfolio's lines. Levels, ratings and averages are numbers and
//! dates are dates, so that a pivot table or a chart works at once; the
//! sheet crate writes the tables as `.xlsx` or `.csv`.

use jiff::civil::Date;

use super::portfolio::{PortfolioRow, Upcoming};
use super::{
    ActionSource, Cycle, Due, Mean, PartnershipView, Rater, Team, Versions, continuum_for, due,
};
use crate::instrument::{Continuum, Instruments};

/// One cell: what it holds decides how a spreadsheet stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// A whole number: a level, a rating, a count.
    Whole(i64),
    /// An average as the screens show it, in tenths: one decimal, rounded
    /// half up on the exact fraction (`Mean::tenths`).
    Tenths(i64),
    /// A change between two shown averages, in tenths, signed as the
    /// screens sign it: "+0.5", "-0.3", "0.0".
    Change(i64),
    Date(Date),
    Empty,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        if text.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text)
        }
    }

    fn mean(mean: Option<Mean>) -> Cell {
        mean.map_or(Cell::Empty, |m| Cell::Tenths(i64::from(m.tenths())))
    }

    fn whole(n: impl Into<i64>) -> Cell {
        Cell::Whole(n.into())
    }

    fn count(n: usize) -> Cell {
        Cell::Whole(i64::try_from(n).unwrap_or(i64::MAX))
    }

    fn date(date: Option<Date>) -> Cell {
        date.map_or(Cell::Empty, Cell::Date)
    }

    /// The cell as plain text, as a CSV file holds it: a date as
    /// 2025-10-14, an average as 3.3.
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Whole(n) => n.to_string(),
            Cell::Tenths(t) => {
                let sign = if *t < 0 { "-" } else { "" };
                let n = t.unsigned_abs();
                format!("{sign}{}.{}", n / 10, n % 10)
            }
            Cell::Change(t) => super::Change(*t).to_string(),
            Cell::Date(date) => date.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A column's heading (the writer sizes the column to what it holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub header: String,
}

/// One sheet of the workbook (one CSV file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The sheet's name (at most 31 characters, as spreadsheets allow).
    pub name: &'static str,
    /// The CSV file's name, without `.csv`.
    pub file: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    fn new(name: &'static str, file: &'static str, columns: &[&str]) -> Table {
        Table {
            name,
            file,
            columns: columns
                .iter()
                .map(|header| Column {
                    header: (*header).to_owned(),
                })
                .collect(),
            rows: Vec::new(),
        }
    }

    /// The index of the column headed `header`.
    pub fn column(&self, header: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.header == header)
    }
}

/// The name of the team's agreed rating, as the continuum's page says it.
pub const TEAM_CONSENSUS: &str = "Team consensus";

/// Every table of `views`' partnerships, in this order: ratings, category
/// averages, readiness, readiness averages, action steps, monitoring.
pub fn partnership_tables(
    views: &[&PartnershipView],
    instruments: &Instruments,
    today: Date,
) -> Vec<Table> {
    vec![
        ratings(views, instruments),
        category_averages(views, instruments),
        readiness(views, instruments),
        readiness_averages(views, instruments),
        action_steps(views),
        monitoring(views, instruments, today),
    ]
}

/// A row per cycle, indicator and rater (the team's consensus first, then
/// each person in the order they were added), for every rating with a
/// level or words; in each cycle's own version of the continuum.
pub fn ratings(views: &[&PartnershipView], instruments: &Instruments) -> Table {
    let mut table = Table::new(
        "Ratings",
        "ratings",
        &[
            "Partnership",
            "School year",
            "Rated on",
            "Category",
            "Indicator",
            "Rater",
            "Side",
            "Level",
            "Level name",
            "Evidence",
            "Next steps",
            "Continuum version",
        ],
    );
    for view in views {
        let raters: Vec<(Rater, String, &str)> =
            std::iter::once((Rater::Consensus, TEAM_CONSENSUS.to_owned(), ""))
                .chain(
                    view.people
                        .iter()
                        .map(|p| (Rater::Person(p.id), p.name.clone(), p.side.label())),
                )
                .collect();
        for cycle in &view.cycles {
            let continuum = continuum_for(instruments, view, cycle);
            for category in &continuum.categories {
                for indicator in &category.indicators {
                    for (rater, name, side) in &raters {
                        // Each person's level stays out of the workbook
                        // too until the team reveals them.
                        if cycle.hidden && *rater != Rater::Consensus {
                            continue;
                        }
                        let Some(rating) = view
                            .rating(cycle.id, *rater, &indicator.key)
                            .filter(|r| !r.is_blank())
                        else {
                            continue;
                        };
                        table.rows.push(vec![
                            Cell::text(&view.partnership.name),
                            Cell::text(&cycle.school_year),
                            Cell::Date(cycle.administered_on),
                            Cell::text(&category.name),
                            Cell::text(&indicator.name),
                            Cell::text(name),
                            Cell::text(*side),
                            rating
                                .level
                                .map_or(Cell::Empty, |l| Cell::whole(l.number())),
                            rating
                                .level
                                .map_or(Cell::Empty, |l| Cell::text(continuum.level_name(l))),
                            Cell::text(&rating.evidence),
                            Cell::text(&rating.next_steps),
                            Cell::text(version_of(continuum, cycle)),
                        ]);
                    }
                }
            }
        }
    }
    table
}

/// The version a cycle was rated with, as the papers name it.
fn version_of(continuum: &Continuum, cycle: &Cycle) -> String {
    if continuum.version == cycle.instrument_version || continuum.adapted.is_some() {
        continuum.name_and_version()
    } else {
        format!("continuum version {}", cycle.instrument_version)
    }
}

/// The team's average of each category in each cycle, as the heat map and
/// the trajectory show them: over the categories of the newest cycle's
/// continuum, unrated indicators left out, one decimal rounded half up.
pub fn category_averages(views: &[&PartnershipView], instruments: &Instruments) -> Table {
    let mut table = Table::new(
        "Category averages",
        "category-averages",
        &[
            "Partnership",
            "School year",
            "Rated on",
            "Category",
            "Average",
            "Indicators rated",
            "Indicators",
        ],
    );
    for view in views {
        let versions = Versions::of(view, instruments);
        for cycle in &view.cycles {
            for category in &versions.reference.categories {
                let average = view.category_average(cycle.id, category);
                table.rows.push(vec![
                    Cell::text(&view.partnership.name),
                    Cell::text(&cycle.school_year),
                    Cell::Date(cycle.administered_on),
                    Cell::text(&category.name),
                    Cell::mean(average),
                    Cell::whole(average.map_or(0, Mean::count)),
                    Cell::count(category.indicators.len()),
                ]);
            }
        }
    }
    table
}

/// A row per round, member and category: each member's rating and
/// concerns, a rating not yet given left empty.
pub fn readiness(views: &[&PartnershipView], instruments: &Instruments) -> Table {
    let mut table = Table::new(
        "Readiness",
        "readiness",
        &[
            "Partnership",
            "Round",
            "Held on",
            "Team",
            "Member",
            "Role",
            "Category",
            "Rating",
            "Concerns",
        ],
    );
    for view in views {
        for round in &view.readiness {
            for team in Team::BOTH {
                for member in round.members_of(team) {
                    for category in &instruments.readiness.categories {
                        let rating = round.rating(member.id, &category.key);
                        table.rows.push(vec![
                            Cell::text(&view.partnership.name),
                            Cell::text(&round.round.title),
                            Cell::Date(round.round.held_on),
                            Cell::text(team.label()),
                            Cell::text(&member.name),
                            Cell::text(&member.role),
                            Cell::text(&category.name),
                            rating
                                .and_then(|r| r.rating)
                                .map_or(Cell::Empty, Cell::whole),
                            Cell::text(rating.map_or("", |r| r.concerns.as_str())),
                        ]);
                    }
                }
            }
        }
    }
    table
}

/// A row per round, team and category: the team's average as the
/// readiness page shows it, its range, and the team's summary.
pub fn readiness_averages(views: &[&PartnershipView], instruments: &Instruments) -> Table {
    let mut table = Table::new(
        "Readiness averages",
        "readiness-averages",
        &[
            "Partnership",
            "Round",
            "Held on",
            "Team",
            "Category",
            "Average",
            "Members rated",
            "Lowest",
            "Highest",
            "Team's concerns",
            "Team's strengths",
        ],
    );
    for view in views {
        for round in &view.readiness {
            for team in Team::BOTH {
                if round.members_of(team).next().is_none() {
                    continue;
                }
                for category in &instruments.readiness.categories {
                    let counted = round.team_category(team, &category.key);
                    let summary = round.summary(team, &category.key);
                    table.rows.push(vec![
                        Cell::text(&view.partnership.name),
                        Cell::text(&round.round.title),
                        Cell::Date(round.round.held_on),
                        Cell::text(team.label()),
                        Cell::text(&category.name),
                        Cell::mean(counted.average),
                        Cell::count(counted.rated),
                        counted.lowest.map_or(Cell::Empty, Cell::whole),
                        counted.highest.map_or(Cell::Empty, Cell::whole),
                        Cell::text(summary.map_or("", |s| s.concerns.as_str())),
                        Cell::text(summary.map_or("", |s| s.strengths.as_str())),
                    ]);
                }
            }
        }
    }
    table
}

/// Every action step, open or closed, in the order it was raised.
pub fn action_steps(views: &[&PartnershipView]) -> Table {
    let mut table = Table::new(
        "Action steps",
        "action-steps",
        &[
            "Partnership",
            "Action step",
            "Owner",
            "Due",
            "Status",
            "Raised on",
            "Closed on",
            "Raised at",
        ],
    );
    for view in views {
        let mut steps: Vec<_> = view.action_steps.iter().collect();
        steps.sort_by_key(|s| (s.raised_on, s.id));
        for step in steps {
            let raised_at = match step.source {
                ActionSource::Meeting(document) => view
                    .document(document)
                    .map(|d| d.title.clone())
                    .unwrap_or_default(),
                ActionSource::Milestone(milestone) => view
                    .milestones
                    .iter()
                    .find(|m| m.id == milestone)
                    .map(|m| format!("Milestone: {}", m.milestone))
                    .unwrap_or_default(),
            };
            table.rows.push(vec![
                Cell::text(&view.partnership.name),
                Cell::text(&step.text),
                Cell::text(&step.owner),
                Cell::date(step.due_on),
                Cell::text(step.status.label()),
                Cell::Date(step.raised_on),
                Cell::date(step.closed_on),
                Cell::text(raised_at),
            ]);
        }
    }
    table
}

/// A row per check-in of each milestone, oldest first (a milestone not yet
/// checked has one row with the check-in left empty), with when the next
/// check-in falls due as of `today`'s plan.
pub fn monitoring(views: &[&PartnershipView], instruments: &Instruments, today: Date) -> Table {
    let plan = instruments.monitoring;
    let mut table = Table::new(
        "Monitoring",
        "monitoring",
        &[
            "Partnership",
            "Goal or objective",
            "Milestone",
            "Feedback data",
            "Frequency",
            "Source",
            "Started on",
            "Next check-in due",
            "Overdue",
            "Check-in on",
            "Status",
            "Note",
        ],
    );
    for view in views {
        for milestone in &view.milestones {
            let goal = milestone
                .serves
                .and_then(|g| view.goals.iter().find(|goal| goal.id == g))
                .map(|g| g.text.clone())
                .unwrap_or_default();
            let next = due(milestone, plan, &view.check_ins);
            let next_cell = match next {
                Due::On(date) => Cell::Date(date),
                Due::Met => Cell::text("met"),
                Due::Uncounted => Cell::Empty,
            };
            let head = vec![
                Cell::text(&view.partnership.name),
                Cell::text(goal),
                Cell::text(&milestone.milestone),
                Cell::text(&milestone.feedback_data),
                Cell::text(plan.frequency_label(&milestone.frequency)),
                Cell::text(&milestone.source),
                Cell::Date(milestone.started_on),
                next_cell,
                Cell::text(if next.overdue(today) { "overdue" } else { "" }),
            ];
            let mut check_ins: Vec<_> = view
                .check_ins
                .iter()
                .filter(|c| c.milestone_id == milestone.id)
                .collect();
            check_ins.sort_by_key(|c| (c.on, c.id));
            if check_ins.is_empty() {
                let mut row = head.clone();
                row.extend([Cell::Empty, Cell::Empty, Cell::Empty]);
                table.rows.push(row);
            }
            for check_in in check_ins {
                let mut row = head.clone();
                row.extend([
                    Cell::Date(check_in.on),
                    Cell::text(check_in.status.label()),
                    Cell::text(&check_in.note),
                ]);
                table.rows.push(row);
            }
        }
    }
    table
}

/// The portfolio's lines, as shown: each category's average in the newest
/// cycle and its change since the cycle before, the actions, what comes
/// next and why it needs attention.
pub fn portfolio(shown: &[&PortfolioRow], continuum: &Continuum) -> Table {
    let mut table = Table::new(
        "Portfolio",
        "portfolio",
        &[
            "Partnership",
            "Kind",
            "District",
            "Partner",
            "Archived",
            "Cycles",
            "Latest cycle",
            "Cycle before",
        ],
    );
    for category in &continuum.categories {
        table.columns.push(Column {
            header: category.name.clone(),
        });
        table.columns.push(Column {
            header: format!("{}: change", category.name),
        });
    }
    for header in [
        "Open actions",
        "Overdue actions",
        "Next",
        "Next on",
        "Needs attention",
    ] {
        table.columns.push(Column {
            header: header.to_owned(),
        });
    }
    for row in shown {
        let mut cells = vec![
            Cell::text(&row.name),
            Cell::text(row.kind.label()),
            Cell::text(&row.district),
            Cell::text(&row.partner),
            Cell::text(if row.archived { "archived" } else { "" }),
            Cell::count(row.cycles),
            Cell::text(row.latest_year.clone().unwrap_or_default()),
            Cell::text(row.previous_year.clone().unwrap_or_default()),
        ];
        for trend in &row.categories {
            cells.push(Cell::mean(trend.now));
            cells.push(trend.change.map_or(Cell::Empty, |c| Cell::Change(c.0)));
        }
        cells.extend([
            Cell::count(row.open_actions),
            Cell::count(row.overdue_actions),
            Cell::text(row.next.map_or("", Upcoming::what)),
            Cell::date(row.next.map(Upcoming::date)),
            Cell::text(
                row.attention
                    .iter()
                    .map(super::portfolio::Attention::describe)
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        ]);
        table.rows.push(cells);
    }
    table
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn a_cell_says_itself_plainly_as_a_csv_file_holds_it() {
        assert_eq!(Cell::Tenths(33).plain(), "3.3");
        assert_eq!(Cell::Tenths(-3).plain(), "-0.3");
        assert_eq!(Cell::Change(5).plain(), "+0.5");
        assert_eq!(Cell::Change(-3).plain(), "-0.3");
        assert_eq!(Cell::Change(0).plain(), "0.0");
        assert_eq!(Cell::Whole(4).plain(), "4");
        assert_eq!(Cell::Date(date(2025, 10, 4)).plain(), "2025-10-04");
        assert_eq!(Cell::text("  ").plain(), "");
        assert_eq!(Cell::mean(Mean::new(13, 4)), Cell::Tenths(33));
    }
}
