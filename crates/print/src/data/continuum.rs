//! The continuum of a cycle on paper: every indicator with its levels,
//! the chosen one and (optionally) each rater's.

use super::*;

#[derive(Debug, Clone, Serialize)]
pub struct ContinuumPrint {
    pub title: String,
    pub subtitle: String,
    /// For the partnership's adaptation: what it is adapted from and which
    /// indicators it changed, as the licence asks.
    pub adapted: Option<String>,
    pub level_names: Vec<String>,
    /// The headings of the boxes under each indicator.
    pub headings: Headings,
    pub categories: Vec<CategoryPrint>,
    /// Each rater's initials are shown in the cells they chose.
    pub with_raters: bool,
    /// PartnerPath's words, while the cycle's levels are hidden until the
    /// team reveals them.
    pub hidden: Option<String>,
    pub raters: Vec<RaterKey>,
    pub source: String,
    pub blank: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct RaterKey {
    pub initials: String,
    pub name: String,
    pub side: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CategoryPrint {
    pub name: String,
    pub indicators: Vec<IndicatorPrint>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorPrint {
    pub name: String,
    pub note: Option<String>,
    /// Which passages are taken from another version, and why.
    pub filled_note: Option<String>,
    /// Said when the partnership changed this indicator's wording.
    pub changed_note: Option<String>,
    pub criteria: Vec<String>,
    pub questions: Vec<String>,
    pub levels: Vec<Vec<String>>,
    /// The chosen level's position (0–3), if any.
    pub chosen: Option<usize>,
    /// The initials of the raters who chose each level.
    pub raters: Vec<Vec<String>>,
    /// While the cycle's levels are hidden until revealed: how many have
    /// rated ("3 of 8 have rated"), in place of their initials.
    pub rated: Option<String>,
    pub evidence: String,
    pub next_steps: String,
    /// The files and links attached to it in this cycle.
    pub attached: Vec<EvidencePrint>,
}

/// Printed over a cycle whose levels are hidden until revealed.
pub const HIDDEN: &str = "Rate first, reveal together: each person has rated on their own, and their levels are not printed until the team reveals them in PartnerPath. Under each indicator, how many have rated.";

/// The continuum of one cycle (the team's consensus; with each rater's level
/// if asked), or blank when `cycle` is `None`.
pub fn continuum(
    continuum: &Continuum,
    view: Option<(&PartnershipView, &Cycle)>,
    with_raters: bool,
) -> ContinuumPrint {
    // A cycle rated first and revealed together prints no one's level
    // until it is revealed.
    let hidden = view.is_some_and(|(v, c)| v.levels_hidden(c.id));
    let with_raters = with_raters && !hidden;
    let raters: Vec<RaterKey> = match view {
        Some((view, cycle)) if with_raters => view
            .raters(cycle.id)
            .into_iter()
            .map(|p| RaterKey {
                initials: initials(&p.name),
                name: p.name.clone(),
                side: p.side.label().to_owned(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let categories = continuum
        .categories
        .iter()
        .map(|category| CategoryPrint {
            name: category.name.clone(),
            indicators: category
                .indicators
                .iter()
                .map(|indicator| {
                    let rating =
                        view.and_then(|(v, c)| v.rating(c.id, Rater::Consensus, &indicator.key));
                    let mut by_level = vec![Vec::new(); Level::ALL.len()];
                    if let Some((view, cycle)) = view.filter(|_| with_raters) {
                        for (person, level) in view.levels_shown(cycle.id, &indicator.key) {
                            by_level[level.index()].push(initials(&person.name));
                        }
                    }
                    IndicatorPrint {
                        name: indicator.name.clone(),
                        note: indicator.note.clone(),
                        filled_note: continuum.filled_note(indicator),
                        changed_note: continuum
                            .is_changed(&indicator.key)
                            .then(|| Continuum::CHANGED_NOTE.to_owned()),
                        criteria: continuum.shown(indicator, Passage::Criteria),
                        questions: continuum.questions_shown(indicator),
                        levels: Level::ALL
                            .into_iter()
                            .map(|level| continuum.shown(indicator, Passage::Level(level)))
                            .collect(),
                        chosen: rating.and_then(|r| r.level).map(Level::index),
                        raters: by_level,
                        rated: view
                            .filter(|_| hidden)
                            .map(|(v, c)| v.rated_so_far(c.id, &indicator.key)),
                        evidence: rating.map(|r| r.evidence.clone()).unwrap_or_default(),
                        next_steps: rating.map(|r| r.next_steps.clone()).unwrap_or_default(),
                        attached: view
                            .map(|(v, c)| {
                                let to = AttachedTo::Indicator(c.id, indicator.key.clone());
                                evidence_of(v, &to)
                            })
                            .unwrap_or_default(),
                    }
                })
                .collect(),
        })
        .collect();
    let subtitle = match view {
        Some((_, cycle)) => format!(
            "{} · {} · {} · {}",
            cycle.school_year,
            long_date(cycle.administered_on),
            cycle.status.label(),
            continuum.name_and_version()
        ),
        None => format!(
            "School year: ____________   Date: ____________   {}",
            continuum.name_and_version()
        ),
    };
    ContinuumPrint {
        title: continuum.title.clone(),
        subtitle,
        adapted: continuum.adapted.as_ref().map(|a| a.statement.clone()),
        level_names: continuum.levels.iter().map(|l| l.name.clone()).collect(),
        headings: continuum.headings.clone(),
        categories,
        with_raters,
        hidden: hidden.then(|| HIDDEN.to_owned()),
        raters,
        source: continuum.source.citation(),
        blank: view.is_none(),
    }
}
