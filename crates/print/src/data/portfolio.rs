//! The portfolio on one page: the lines of the partnerships list as shown
//! (searched, filtered, sorted), for whoever oversees them all.

use super::*;
use partnerpath_core::model::portfolio::{Filter, PortfolioRow};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortfolioPrint {
    pub title: String,
    /// Which lines these are: "All 60 partnerships", "12 of 60: kind …".
    pub shown: String,
    pub categories: Vec<String>,
    pub lines: Vec<PortfolioLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortfolioLine {
    pub name: String,
    pub about: String,
    pub latest: String,
    /// Per category: "3.3 (+0.5)", "3.3" or "–".
    pub averages: Vec<String>,
    pub actions: String,
    pub next: String,
    pub attention: String,
}

/// The summary of `shown` (of `total` partnerships) under `filter`.
pub fn portfolio(
    continuum: &Continuum,
    shown: &[&PortfolioRow],
    total: usize,
    filter: &Filter,
    today: Date,
) -> PortfolioPrint {
    let mut narrowed = Vec::new();
    if !filter.text.trim().is_empty() {
        narrowed.push(format!("matching “{}”", filter.text.trim()));
    }
    if let Some(kind) = filter.kind {
        narrowed.push(kind.label().to_owned());
    }
    if let Some(district) = &filter.district {
        narrowed.push(district.clone());
    }
    if !filter.show_archived {
        narrowed.push("archived left out".to_owned());
    }
    let shown_words = if narrowed.is_empty() || shown.len() == total {
        format!("All {total} partnerships")
    } else {
        format!(
            "{} of {total} partnerships: {}",
            shown.len(),
            narrowed.join(", ")
        )
    };
    PortfolioPrint {
        title: "Portfolio summary".to_owned(),
        shown: shown_words,
        categories: continuum
            .categories
            .iter()
            .map(|c| c.name.clone())
            .collect(),
        lines: shown
            .iter()
            .map(|row| PortfolioLine {
                name: row.name.clone(),
                about: [row.kind.label(), row.district.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · "),
                latest: row.latest_year.clone().unwrap_or_else(|| "–".to_owned()),
                averages: row
                    .categories
                    .iter()
                    .map(|t| match (t.now, t.change) {
                        (Some(now), Some(change)) => format!("{now} ({change})"),
                        (Some(now), None) => now.to_string(),
                        _ => "–".to_owned(),
                    })
                    .collect(),
                actions: if row.overdue_actions > 0 {
                    format!("{} open, {} overdue", row.open_actions, row.overdue_actions)
                } else {
                    format!("{} open", row.open_actions)
                },
                next: row.next.map_or_else(
                    || "–".to_owned(),
                    |n| {
                        let late = if n.date() < today { ", late" } else { "" };
                        format!("{} {}{late}", short_date(n.date()), n.what())
                    },
                ),
                attention: row
                    .attention
                    .iter()
                    .map(partnerpath_core::model::portfolio::Attention::describe)
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
    }
}
