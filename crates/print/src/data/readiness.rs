//! Readiness on paper: one team's sheet, or both teams together.

use super::*;

#[derive(Debug, Clone, Serialize)]
pub struct ReadinessPrint {
    pub title: String,
    pub subtitle: String,
    pub purpose: String,
    pub process: String,
    pub notes_on_use: String,
    /// Highest first, as printed.
    pub scale: Vec<(u8, String)>,
    pub team: Option<TeamSheet>,
    pub joint: Option<Vec<JointCategory>>,
    /// The files and links attached to the round (set by the printout,
    /// which has the partnership).
    pub attached: Vec<EvidencePrint>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamSheet {
    pub team: String,
    pub members: Vec<String>,
    pub categories: Vec<TeamCategoryPrint>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamCategoryPrint {
    pub name: String,
    pub items: Vec<String>,
    /// Member, rating ("" when not given), concerns.
    pub ratings: Vec<(String, String, String)>,
    pub average: String,
    pub concerns: String,
    pub strengths: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct JointCategory {
    pub name: String,
    /// District team, then partner team: concerns, strengths, average (only
    /// when asked for).
    pub teams: Vec<(String, String, String, Option<String>)>,
}

fn readiness_frame(tool: &Readiness, subtitle: String) -> ReadinessPrint {
    ReadinessPrint {
        title: tool.title.clone(),
        subtitle,
        purpose: tool.purpose.clone(),
        process: tool.process.clone(),
        notes_on_use: tool.notes_on_use.clone(),
        scale: tool
            .scale
            .iter()
            .map(|s| (s.rating, s.descriptor.clone()))
            .collect(),
        team: None,
        joint: None,
        attached: Vec::new(),
    }
}

/// One team's sheet: each member's ratings and concerns and the team's
/// summary; blank (with empty rows for names) when `round` is `None`.
pub fn readiness_team(
    tool: &Readiness,
    round: Option<&ReadinessView>,
    team: Team,
) -> ReadinessPrint {
    let subtitle = match round {
        Some(r) => format!(
            "{} · {} · {}",
            team.label(),
            r.round.title,
            long_date(r.round.held_on)
        ),
        None => format!("{} · Date: ____________", team.label()),
    };
    let members: Vec<String> = match round {
        Some(r) => r.members_of(team).map(|m| m.name.clone()).collect(),
        None => vec![String::new(); 5],
    };
    let categories = tool
        .categories
        .iter()
        .map(|category| {
            let (ratings, average, concerns, strengths) = match round {
                Some(r) => {
                    let ratings = r
                        .members_of(team)
                        .map(|m| {
                            let rating = r.rating(m.id, &category.key);
                            (
                                m.name.clone(),
                                rating
                                    .and_then(|x| x.rating)
                                    .map_or(String::new(), |x| x.to_string()),
                                rating.map(|x| x.concerns.clone()).unwrap_or_default(),
                            )
                        })
                        .collect();
                    let result = r.team_category(team, &category.key);
                    let average = result.average.map_or("no ratings yet".to_owned(), |a| {
                        format!(
                            "{a} ({} of {} rated)",
                            result.rated,
                            result.rated + result.missing.len()
                        )
                    });
                    let summary = r.summary(team, &category.key);
                    (
                        ratings,
                        average,
                        summary.map(|s| s.concerns.clone()).unwrap_or_default(),
                        summary.map(|s| s.strengths.clone()).unwrap_or_default(),
                    )
                }
                None => (
                    members
                        .iter()
                        .map(|m| (m.clone(), String::new(), String::new()))
                        .collect(),
                    String::new(),
                    String::new(),
                    String::new(),
                ),
            };
            TeamCategoryPrint {
                name: category.name.clone(),
                items: category.items.clone(),
                ratings,
                average,
                concerns,
                strengths,
            }
        })
        .collect();
    let mut print = readiness_frame(tool, subtitle);
    print.team = Some(TeamSheet {
        team: team.label().to_owned(),
        members,
        categories,
    });
    print
}

/// Both teams' areas of concern and strengths per category; averages only
/// when `with_numbers`.
pub fn readiness_joint(
    tool: &Readiness,
    round: &ReadinessView,
    with_numbers: bool,
) -> ReadinessPrint {
    let subtitle = format!(
        "Both teams together · {} · {}",
        round.round.title,
        long_date(round.round.held_on)
    );
    let joint = tool
        .categories
        .iter()
        .map(|category| JointCategory {
            name: category.name.clone(),
            teams: Team::BOTH
                .iter()
                .map(|team| {
                    let summary = round.summary(*team, &category.key);
                    let result = round.team_category(*team, &category.key);
                    let mut concerns = summary
                        .map(|s| s.concerns.trim().to_owned())
                        .unwrap_or_default();
                    if concerns.is_empty() {
                        concerns = result
                            .concerns
                            .iter()
                            .map(|(m, c)| format!("{}: {c}", m.name))
                            .collect::<Vec<_>>()
                            .join("\n");
                    }
                    let average = with_numbers.then(|| {
                        result
                            .average
                            .map_or("no ratings".to_owned(), |a| a.to_string())
                    });
                    (
                        team.label().to_owned(),
                        concerns,
                        summary.map(|s| s.strengths.clone()).unwrap_or_default(),
                        average,
                    )
                })
                .collect(),
        })
        .collect();
    let mut print = readiness_frame(tool, subtitle);
    print.joint = Some(joint);
    print
}
