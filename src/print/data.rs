//! What a printout shows, built from the model and the instruments: plain
//! data the templates lay out. Dates are formatted here; user text is
//! passed as strings, which Typst prints literally (no markup).

use jiff::civil::Date;
use serde::Serialize;

use crate::instrument::{Continuum, FieldKind, MonitoringPlan, Readiness, Worksheet};
use crate::model::{
    ActionSource, ActionStep, Cycle, Document, FieldValue, Level, Movement, PartnershipView, Rater,
    ReadinessView, Team, average, carried_forward, changes, initials, next_check_in, radar,
};

/// A whole PDF: its metadata, an optional cover, and its parts in order.
#[derive(Debug, Clone, Serialize)]
pub struct Printout {
    /// The PDF's title (metadata and first heading).
    pub title: String,
    pub author: String,
    /// Shown in every page's footer.
    pub partnership: String,
    pub context: String,
    #[serde(skip)]
    pub printed_on: Date,
    pub printed: String,
    /// "us-letter" or "a4".
    pub paper: String,
    pub cover: Option<Cover>,
    pub parts: Vec<PrintPart>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    pub title: String,
    pub partnership: String,
    pub district: String,
    pub partner: String,
    pub contents: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PrintPart {
    Continuum(ContinuumPrint),
    Trajectory(TrajectoryPrint),
    Readiness(ReadinessPrint),
    Worksheet(WorksheetPrint),
    Monitoring(MonitoringPrint),
}

impl PrintPart {
    /// What the part is, for a packet's contents.
    pub fn heading(&self) -> String {
        match self {
            PrintPart::Continuum(p) => format!("{} — {}", p.title, p.subtitle),
            PrintPart::Trajectory(p) => p.title.clone(),
            PrintPart::Readiness(p) => format!("{} — {}", p.title, p.subtitle),
            PrintPart::Worksheet(p) => format!("{} — {}", p.title, p.subtitle),
            PrintPart::Monitoring(p) => p.title.clone(),
        }
    }
}

fn long_date(date: Date) -> String {
    date.strftime("%B %-d, %Y").to_string()
}

// ---------------------------------------------------------------- continuum

#[derive(Debug, Clone, Serialize)]
pub struct ContinuumPrint {
    pub title: String,
    pub subtitle: String,
    pub level_names: Vec<String>,
    pub categories: Vec<CategoryPrint>,
    /// Each rater's initials are shown in the cells they chose.
    pub with_raters: bool,
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
    pub criteria: Vec<String>,
    pub questions: Vec<String>,
    pub levels: Vec<Vec<String>>,
    /// The chosen level's position (0–3), if any.
    pub chosen: Option<usize>,
    /// The initials of the raters who chose each level.
    pub raters: Vec<Vec<String>>,
    pub evidence: String,
    pub next_steps: String,
}

/// The continuum of one cycle (the team's consensus; with each rater's level
/// if asked), or blank when `cycle` is `None`.
pub fn continuum(
    continuum: &Continuum,
    view: Option<(&PartnershipView, &Cycle)>,
    with_raters: bool,
) -> ContinuumPrint {
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
                        for (person, level) in view.individual_levels(cycle.id, &indicator.key) {
                            by_level[level.index()].push(initials(&person.name));
                        }
                    }
                    IndicatorPrint {
                        name: indicator.name.clone(),
                        note: indicator.note.clone(),
                        criteria: indicator.criteria.clone(),
                        questions: indicator.probing_questions.clone(),
                        levels: indicator.levels.clone(),
                        chosen: rating.and_then(|r| r.level).map(Level::index),
                        raters: by_level,
                        evidence: rating.map(|r| r.evidence.clone()).unwrap_or_default(),
                        next_steps: rating.map(|r| r.next_steps.clone()).unwrap_or_default(),
                    }
                })
                .collect(),
        })
        .collect();
    let subtitle = match view {
        Some((_, cycle)) => format!(
            "{} · {} · {}",
            cycle.school_year,
            long_date(cycle.administered_on),
            cycle.status.label()
        ),
        None => "School year: ____________   Date: ____________".to_owned(),
    };
    ContinuumPrint {
        title: continuum.title.clone(),
        subtitle,
        level_names: continuum.levels.iter().map(|l| l.name.clone()).collect(),
        categories,
        with_raters,
        raters,
        source: format!(
            "{}, {}. {}.",
            continuum.source.publisher, continuum.source.published, continuum.source.licence
        ),
        blank: view.is_none(),
    }
}

// --------------------------------------------------------------- trajectory

#[derive(Debug, Clone, Serialize)]
pub struct TrajectoryPrint {
    pub title: String,
    pub radar: RadarPrint,
    pub heatmap: HeatmapPrint,
    pub changes: Option<ChangesPrint>,
}

/// The radar in points, from the same geometry as the screen.
#[derive(Debug, Clone, Serialize)]
pub struct RadarPrint {
    pub width: f32,
    pub height: f32,
    pub rings: Vec<RingPrint>,
    pub axes: Vec<AxisPrint>,
    pub series: Vec<SeriesPrint>,
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RingPrint {
    pub points: Vec<[f32; 2]>,
    pub label: String,
    pub label_at: [f32; 2],
}

#[derive(Debug, Clone, Serialize)]
pub struct AxisPrint {
    pub end: [f32; 2],
    pub label: String,
    pub label_at: [f32; 2],
    /// "left", "right" or "center": which side of the point the label goes.
    pub align: String,
    pub category: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeriesPrint {
    pub name: String,
    /// Grey level 0–255 of the line (older cycles lighter).
    pub grey: u8,
    pub width: f32,
    pub dash: bool,
    pub closed: bool,
    pub runs: Vec<Vec<[f32; 2]>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeatmapPrint {
    pub years: Vec<String>,
    pub level_names: Vec<String>,
    pub categories: Vec<HeatCategory>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeatCategory {
    pub name: String,
    pub averages: Vec<String>,
    pub indicators: Vec<HeatRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeatRow {
    pub name: String,
    /// The level number (1–4) per year, or none.
    pub cells: Vec<Option<u8>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangesPrint {
    pub from: String,
    pub to: String,
    pub categories: Vec<[String; 4]>,
    pub items: Vec<ChangePrint>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangePrint {
    pub indicator: String,
    pub movement: String,
    pub from_level: String,
    pub to_level: String,
    pub from_text: Vec<String>,
    pub to_text: Vec<String>,
    pub from_evidence: String,
    pub to_evidence: String,
}

/// The radar, heat map and change list of `cycles` (oldest first); the
/// change list compares the last two.
pub fn trajectory(
    continuum: &Continuum,
    view: &PartnershipView,
    cycles: &[&Cycle],
) -> TrajectoryPrint {
    let keys: Vec<&str> = continuum.indicators().map(|i| i.key.as_str()).collect();
    let count = keys.len();
    let radius = 110.0_f32;
    // Room beside the outer ring for the longest indicator name, and above
    // and below it for one line.
    let (width, height) = (2.0 * (radius + 105.0), 2.0 * radius + 40.0);
    let at = |x: f32, y: f32| [width / 2.0 + x * radius, height / 2.0 + y * radius];
    let rings = Level::ALL
        .iter()
        .map(|level| {
            let r = radar::ring_radius(*level);
            RingPrint {
                points: (0..count)
                    .map(|i| {
                        let (x, y) = radar::point(i, count, r);
                        at(x, y)
                    })
                    .collect(),
                label: continuum.level_name(*level).to_owned(),
                label_at: at(0.02, -r),
            }
        })
        .collect();
    let mut axes = Vec::new();
    for (category_index, category) in continuum.categories.iter().enumerate() {
        for indicator in &category.indicators {
            let i = axes.len();
            let (x, y) = radar::point(i, count, 1.0);
            let (lx, ly) = radar::point(i, count, 1.08);
            let align = if x > 0.2 {
                "left"
            } else if x < -0.2 {
                "right"
            } else {
                "center"
            };
            axes.push(AxisPrint {
                end: at(x, y),
                label: indicator.name.clone(),
                label_at: at(lx, ly),
                align: align.to_owned(),
                category: category_index,
            });
        }
    }
    let n = cycles.len();
    let series = cycles
        .iter()
        .enumerate()
        .map(|(rank, cycle)| {
            let outline =
                radar::outline(&view.levels(cycle.id, Rater::Consensus, keys.iter().copied()));
            let newest = rank + 1 == n;
            let t = if n <= 1 {
                1.0
            } else {
                rank as f32 / (n - 1) as f32
            };
            SeriesPrint {
                name: cycle.school_year.clone(),
                grey: (165.0 - 165.0 * t).round() as u8,
                width: if newest { 2.2 } else { 1.0 + 0.8 * t },
                dash: !newest && rank % 2 == 1,
                closed: outline.closed,
                runs: outline
                    .runs
                    .iter()
                    .map(|run| run.iter().map(|v| at(v.x, v.y)).collect())
                    .collect(),
            }
        })
        .collect();
    let years: Vec<String> = cycles.iter().map(|c| c.school_year.clone()).collect();
    let radar = RadarPrint {
        width,
        height,
        rings,
        axes,
        series,
        description: format!(
            "Radar of the team's levels on the {} indicators for {}; unrated indicators are gaps.",
            count,
            years.join(", ")
        ),
    };
    let heatmap = HeatmapPrint {
        years: years.clone(),
        level_names: continuum.levels.iter().map(|l| l.name.clone()).collect(),
        categories: continuum
            .categories
            .iter()
            .map(|category| HeatCategory {
                name: category.name.clone(),
                averages: cycles
                    .iter()
                    .map(|c| {
                        average(
                            category
                                .indicators
                                .iter()
                                .map(|i| view.level(c.id, Rater::Consensus, &i.key)),
                        )
                        .map_or("–".to_owned(), |a| format!("{a:.1}"))
                    })
                    .collect(),
                indicators: category
                    .indicators
                    .iter()
                    .map(|i| HeatRow {
                        name: i.name.clone(),
                        cells: cycles
                            .iter()
                            .map(|c| {
                                view.level(c.id, Rater::Consensus, &i.key)
                                    .map(Level::number)
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let changes = match cycles {
        [.., earlier, later] => Some(change_list(continuum, view, earlier, later)),
        _ => None,
    };
    TrajectoryPrint {
        title: "Across the years".to_owned(),
        radar,
        heatmap,
        changes,
    }
}

fn movement_text(movement: Movement) -> String {
    match movement {
        Movement::Up(n) => format!("Up {n}"),
        Movement::Down(n) => format!("Down {n}"),
        Movement::Same => "Same".to_owned(),
        Movement::NewlyRated => "Newly rated".to_owned(),
        Movement::NoLongerRated => "Not rated this time".to_owned(),
        Movement::Unrated => "Not rated".to_owned(),
    }
}

fn change_list(
    continuum: &Continuum,
    view: &PartnershipView,
    earlier: &Cycle,
    later: &Cycle,
) -> ChangesPrint {
    let mean = |cycle: &Cycle, keys: &[&str]| {
        average(
            keys.iter()
                .map(|k| view.level(cycle.id, Rater::Consensus, k)),
        )
    };
    let categories = continuum
        .categories
        .iter()
        .map(|category| {
            let keys: Vec<&str> = category.indicators.iter().map(|i| i.key.as_str()).collect();
            let (a, b) = (mean(earlier, &keys), mean(later, &keys));
            let shown = |v: Option<f32>| v.map_or("–".to_owned(), |v| format!("{v:.1}"));
            let change = match (a, b) {
                (Some(a), Some(b)) => format!("{:+.1}", b - a),
                _ => "–".to_owned(),
            };
            [category.name.clone(), shown(a), shown(b), change]
        })
        .collect();
    let items = changes(continuum.indicators().map(|indicator| {
        (
            indicator,
            view.level(earlier.id, Rater::Consensus, &indicator.key),
            view.level(later.id, Rater::Consensus, &indicator.key),
        )
    }))
    .into_iter()
    .map(|change| {
        let evidence = |cycle: &Cycle| {
            view.rating(cycle.id, Rater::Consensus, &change.indicator.key)
                .map(|r| r.evidence.clone())
                .unwrap_or_default()
        };
        let name = |level: Option<Level>| {
            level.map_or("not rated".to_owned(), |l| {
                continuum.level_name(l).to_owned()
            })
        };
        let text = |level: Option<Level>| {
            level.map_or_else(Vec::new, |l| change.indicator.level_text(l).to_vec())
        };
        ChangePrint {
            indicator: change.indicator.name.clone(),
            movement: movement_text(change.movement),
            from_level: name(change.from),
            to_level: name(change.to),
            from_text: text(change.from),
            to_text: text(change.to),
            from_evidence: evidence(earlier),
            to_evidence: evidence(later),
        }
    })
    .collect();
    ChangesPrint {
        from: earlier.school_year.clone(),
        to: later.school_year.clone(),
        categories,
        items,
    }
}

// ---------------------------------------------------------------- readiness

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
                            "{a:.1} ({} of {} rated)",
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
                            .map_or("no ratings".to_owned(), |a| format!("{a:.1}"))
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

// ---------------------------------------------------------------- worksheets

#[derive(Debug, Clone, Serialize)]
pub struct WorksheetPrint {
    pub title: String,
    pub subtitle: String,
    pub guidance: Vec<(String, String)>,
    pub sections: Vec<SectionPrint>,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionPrint {
    pub title: String,
    pub text: Vec<String>,
    pub fields: Vec<FieldPrint>,
    /// Action steps shown at the end of the section (meetings).
    pub steps: Option<StepsPrint>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldPrint {
    pub label: String,
    /// "line", "box", "check" or "table".
    pub shape: String,
    pub text: String,
    pub confirmed: bool,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepsPrint {
    pub heading: String,
    pub rows: Vec<[String; 4]>,
    /// Empty rows to write in.
    pub blank_rows: usize,
}

fn value_text(value: &FieldValue, view: Option<&PartnershipView>) -> String {
    match value {
        FieldValue::Text(text) => text.clone(),
        FieldValue::Date(date) => date.map(long_date).unwrap_or_default(),
        FieldValue::YesNoDate { on, .. } => on.map(long_date).unwrap_or_default(),
        FieldValue::Person(person) => person
            .and_then(|p| view.and_then(|v| v.person(p)))
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        FieldValue::Choice(choice) => choice.clone().unwrap_or_default(),
        FieldValue::Rows(_) => String::new(),
    }
}

fn step_row(step: &ActionStep) -> [String; 4] {
    [
        step.text.clone(),
        step.owner.clone(),
        step.due_on.map(long_date).unwrap_or_default(),
        step.status.label().to_owned(),
    ]
}

/// A worksheet as filled in `document`, or blank when it is `None`.
pub fn worksheet(
    sheet: &Worksheet,
    filled: Option<(&PartnershipView, &Document)>,
) -> WorksheetPrint {
    let view = filled.map(|(v, _)| v);
    let is_meeting = sheet.key == crate::instrument::QUARTERLY_MEETING;
    let sections = sheet
        .sections
        .iter()
        .map(|section| {
            let text = section
                .text
                .iter()
                .map(|t| match filled {
                    Some((view, document)) => document.fill(t, sheet, &view.partnership),
                    None => t.clone(),
                })
                .collect();
            let fields = section
                .fields
                .iter()
                .map(|field| {
                    let value = match filled {
                        Some((view, document)) => {
                            document.value_or_default(field, &view.partnership)
                        }
                        None => FieldValue::empty(field.kind),
                    };
                    let shape = match field.kind {
                        FieldKind::LongText => "box",
                        FieldKind::YesNoDate => "check",
                        FieldKind::Table => "table",
                        _ => "line",
                    };
                    let rows = match &value {
                        FieldValue::Rows(rows) => rows
                            .iter()
                            .map(|row| {
                                field
                                    .columns
                                    .iter()
                                    .map(|c| {
                                        row.get(&c.key)
                                            .map(|v| value_text(v, view))
                                            .unwrap_or_default()
                                    })
                                    .collect()
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    FieldPrint {
                        label: field.label.clone(),
                        shape: shape.to_owned(),
                        text: value_text(&value, view),
                        confirmed: matches!(
                            value,
                            FieldValue::YesNoDate {
                                confirmed: true,
                                ..
                            }
                        ),
                        columns: field.columns.iter().map(|c| c.label.clone()).collect(),
                        rows,
                    }
                })
                .collect();
            let steps = if !is_meeting {
                None
            } else if section.key == "meeting" {
                Some(match filled {
                    Some((view, document)) => {
                        let date = document.date("meeting_date").unwrap_or(document.created_on);
                        StepsPrint {
                            heading: "Action steps from earlier meetings".to_owned(),
                            rows: carried_forward(&view.action_steps, document.id, date)
                                .into_iter()
                                .map(step_row)
                                .collect(),
                            blank_rows: 0,
                        }
                    }
                    None => StepsPrint {
                        heading: "Action steps from earlier meetings".to_owned(),
                        rows: Vec::new(),
                        blank_rows: 4,
                    },
                })
            } else if section.key == "wrap-up" {
                Some(match filled {
                    Some((view, document)) => StepsPrint {
                        heading: "Action steps".to_owned(),
                        rows: view
                            .action_steps
                            .iter()
                            .filter(|s| s.source == ActionSource::Meeting(document.id))
                            .map(step_row)
                            .collect(),
                        blank_rows: 0,
                    },
                    None => StepsPrint {
                        heading: "Action steps".to_owned(),
                        rows: Vec::new(),
                        blank_rows: 6,
                    },
                })
            } else {
                None
            };
            SectionPrint {
                title: match section.minutes {
                    Some(m) => format!("{} ({m} min.)", section.title),
                    None => section.title.clone(),
                },
                text,
                fields,
                steps,
            }
        })
        .collect();
    WorksheetPrint {
        title: sheet.title.clone(),
        subtitle: filled.map_or_else(|| "Blank".to_owned(), |(_, d)| d.title.clone()),
        guidance: sheet
            .guidance
            .iter()
            .map(|g| (g.heading.clone(), g.text.clone()))
            .collect(),
        sections,
        source: format!("{}, {}.", sheet.source.publisher, sheet.source.work),
    }
}

// --------------------------------------------------------------- monitoring

#[derive(Debug, Clone, Serialize)]
pub struct MonitoringPrint {
    pub title: String,
    pub purpose: String,
    pub instructions: Vec<String>,
    pub columns: Vec<String>,
    pub goals: Vec<(String, Vec<String>)>,
    pub milestones: Vec<MilestonePrint>,
    pub blank_rows: usize,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MilestonePrint {
    pub cells: [String; 4],
    pub serves: String,
    pub next: String,
    pub overdue: bool,
    pub check_ins: Vec<[String; 3]>,
}

/// The monitoring plan as filled, or blank when `view` is `None`.
pub fn monitoring(
    plan: &MonitoringPlan,
    view: Option<&PartnershipView>,
    today: Date,
) -> MonitoringPrint {
    let goals = view
        .map(|v| {
            v.goals
                .iter()
                .filter(|g| g.goal.is_none())
                .map(|g| {
                    let objectives = v
                        .goals
                        .iter()
                        .filter(|o| o.goal == Some(g.id))
                        .map(|o| o.text.clone())
                        .collect();
                    (g.text.clone(), objectives)
                })
                .collect()
        })
        .unwrap_or_default();
    let milestones = view
        .map(|v| {
            v.milestones
                .iter()
                .map(|m| {
                    let frequency = plan.frequency(&m.frequency);
                    let next = frequency.and_then(|f| next_check_in(m, f, &v.check_ins));
                    MilestonePrint {
                        cells: [
                            m.milestone.clone(),
                            m.feedback_data.clone(),
                            frequency.map_or(m.frequency.clone(), |f| f.label.clone()),
                            m.source.clone(),
                        ],
                        serves: m
                            .serves
                            .and_then(|g| v.goals.iter().find(|x| x.id == g))
                            .map(|g| g.text.clone())
                            .unwrap_or_default(),
                        next: next.map_or("Met".to_owned(), long_date),
                        overdue: next.is_some_and(|d| d < today),
                        check_ins: v
                            .check_ins
                            .iter()
                            .filter(|c| c.milestone_id == m.id)
                            .map(|c| [long_date(c.on), c.status.label().to_owned(), c.note.clone()])
                            .collect(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    MonitoringPrint {
        title: plan.title.clone(),
        purpose: plan.purpose.clone(),
        instructions: plan.instructions.clone(),
        columns: plan.columns.clone(),
        goals,
        milestones,
        blank_rows: if view.is_some() { 0 } else { 8 },
        source: format!(
            "{}, {} ({}).",
            plan.source.publisher, plan.source.work, plan.source.published
        ),
    }
}
