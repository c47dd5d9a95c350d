//! Levels over the years: the team's agreed level of each indicator, or
//! each category's average, per school year, as lines for a chart. A year
//! with no level leaves a gap: a line is drawn only between neighbouring
//! rated years. The same lines feed the screen and the paper.

use super::{Cycle, Mean, PartnershipView, Rater};
use crate::instrument::{Category, Continuum};

/// What the lines of the chart are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lines {
    /// One line per category: its average over its indicators.
    #[default]
    CategoryAverages,
    /// One line per indicator of the category at this index.
    Indicators(usize),
}

/// One line: a value per school year, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct YearLine {
    pub name: String,
    /// The level (1–4) or average per year; `None` where nothing was rated.
    pub values: Vec<Option<f32>>,
    /// What a year's point says besides the value: the first line of the
    /// evidence, or how many indicators the average is of.
    pub notes: Vec<String>,
    /// The value as written: "3 Established", "2.8".
    pub shown: Vec<Option<String>>,
}

impl YearLine {
    /// The stretches of neighbouring rated years, as (year index, value):
    /// a gap in the years is a gap in the line.
    pub fn runs(&self) -> Vec<Vec<(usize, f32)>> {
        let mut runs: Vec<Vec<(usize, f32)>> = Vec::new();
        let mut current = Vec::new();
        for (year, value) in self.values.iter().enumerate() {
            match value {
                Some(v) => current.push((year, *v)),
                None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
                None => {}
            }
        }
        if !current.is_empty() {
            runs.push(current);
        }
        runs
    }
}

/// The lines of `which` across `cycles` (oldest first), from the team's
/// agreed levels.
pub fn lines(
    continuum: &Continuum,
    view: &PartnershipView,
    cycles: &[&Cycle],
    which: Lines,
) -> Vec<YearLine> {
    match which {
        Lines::CategoryAverages => continuum
            .categories
            .iter()
            .map(|category| category_line(view, cycles, category))
            .collect(),
        Lines::Indicators(index) => continuum
            .categories
            .get(index)
            .map(|category| {
                category
                    .indicators
                    .iter()
                    .map(|indicator| {
                        let ratings: Vec<_> = cycles
                            .iter()
                            .map(|c| view.rating(c.id, Rater::Consensus, &indicator.key))
                            .collect();
                        let levels: Vec<_> =
                            ratings.iter().map(|r| r.and_then(|r| r.level)).collect();
                        YearLine {
                            name: indicator.name.clone(),
                            values: levels
                                .iter()
                                .map(|l| l.map(|l| f32::from(l.number())))
                                .collect(),
                            notes: ratings
                                .iter()
                                .map(|r| r.map(|r| first_line(&r.evidence)).unwrap_or_default())
                                .collect(),
                            shown: levels
                                .iter()
                                .map(|l| l.map(|l| continuum.numbered_level(l)))
                                .collect(),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

fn category_line(view: &PartnershipView, cycles: &[&Cycle], category: &Category) -> YearLine {
    let means: Vec<Option<Mean>> = cycles
        .iter()
        .map(|c| view.category_average(c.id, category))
        .collect();
    let of = category.indicators.len();
    YearLine {
        name: category.name.clone(),
        values: means.iter().map(|m| m.map(Mean::shown_value)).collect(),
        notes: means
            .iter()
            .map(|m| {
                m.map(|m| format!("{} of {of} indicators rated", m.count()))
                    .unwrap_or_default()
            })
            .collect(),
        shown: means.iter().map(|m| m.map(|m| m.to_string())).collect(),
    }
}

/// The first line of a piece of text, cut at 120 characters: what a chart
/// shows of the evidence when pointed at.
pub fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    let mut short: String = line.chars().take(120).collect();
    if line.chars().count() > 120 {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(values: &[Option<f32>]) -> YearLine {
        YearLine {
            name: "x".into(),
            values: values.to_vec(),
            notes: vec![String::new(); values.len()],
            shown: vec![None; values.len()],
        }
    }

    #[test]
    fn an_unrated_year_splits_the_line() {
        let runs = line(&[Some(1.0), Some(2.0), None, Some(3.0), None, None]).runs();
        assert_eq!(runs, vec![vec![(0, 1.0), (1, 2.0)], vec![(3, 3.0)]]);
        assert!(line(&[None, None]).runs().is_empty());
        assert_eq!(line(&[Some(4.0)]).runs(), vec![vec![(0, 4.0)]]);
    }

    #[test]
    fn first_line_is_cut_politely() {
        assert_eq!(first_line("  Minutes of May\nsecond"), "Minutes of May");
        let long = "a".repeat(130);
        assert_eq!(first_line(&long).chars().count(), 121);
    }
}
