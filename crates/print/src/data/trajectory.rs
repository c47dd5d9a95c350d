//! Across the years on paper: the levels over the years as line charts,
//! the radar of the newest year against the one before in points from the
//! model's geometry, the heat map (newest year first) and the change list.

use super::*;

#[derive(Debug, Clone, Serialize)]
pub struct TrajectoryPrint {
    pub title: String,
    pub years: String,
    /// What the marks on years rated with another continuum version mean,
    /// a line per version; empty when every year used the same one.
    pub version_key: Vec<String>,
    pub levels: Vec<LineChartPrint>,
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
    /// What each year drawn left unrated: "2024–25: Decision Making".
    pub unrated: Vec<String>,
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
    /// Said when the two years were rated with different versions.
    pub versions: Option<String>,
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

/// The line charts, radar, heat map and change list of `cycles` (oldest
/// first); the radar and the change list compare the last two.
#[expect(
    clippy::too_many_lines,
    reason = "the print data of one page: line charts, radar geometry, heat map and change list from the same cycles"
)]
pub fn trajectory(
    instruments: &Instruments,
    view: &PartnershipView,
    cycles: &[&Cycle],
) -> TrajectoryPrint {
    let versions = Versions::of_cycles(cycles, view, instruments);
    let continuum = versions.reference;
    let levels = level_charts(&versions, view, cycles);
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
    // The newest year, solid black, against the one before, dashed grey.
    let compared: &[&Cycle] = &cycles[cycles.len().saturating_sub(2)..];
    let n = compared.len();
    let series = compared
        .iter()
        .enumerate()
        .map(|(rank, cycle)| {
            let outline =
                radar::outline(&view.levels(cycle.id, Rater::Consensus, keys.iter().copied()));
            let newest = rank + 1 == n;
            SeriesPrint {
                name: versions.year(cycle),
                grey: if newest { 0 } else { 120 },
                width: if newest { 2.2 } else { 1.5 },
                dash: !newest,
                closed: outline.closed,
                runs: outline
                    .runs
                    .iter()
                    .map(|run| run.iter().map(|v| at(v.x, v.y)).collect())
                    .collect(),
            }
        })
        .collect();
    let years: Vec<String> = cycles.iter().map(|c| versions.year(c)).collect();
    let unrated = compared
        .iter()
        .filter_map(|cycle| {
            let missing: Vec<&str> = continuum
                .indicators()
                .filter(|i| view.level(cycle.id, Rater::Consensus, &i.key).is_none())
                .map(|i| i.name.as_str())
                .collect();
            (!missing.is_empty()).then(|| format!("{}: {}", cycle.school_year, missing.join(", ")))
        })
        .collect();
    let radar = RadarPrint {
        width,
        height,
        rings,
        axes,
        series,
        description: format!(
            "Radar of the team's levels on the {} indicators for {}; unrated indicators are gaps.",
            count,
            compared
                .iter()
                .map(|c| c.school_year.as_str())
                .collect::<Vec<_>>()
                .join(" against ")
        ),
        unrated,
    };
    // Newest first, as on the screen.
    let newest_first: Vec<&Cycle> = cycles.iter().rev().copied().collect();
    let cycles = newest_first.as_slice();
    let heatmap = HeatmapPrint {
        years: years.iter().rev().cloned().collect(),
        level_names: continuum.levels.iter().map(|l| l.name.clone()).collect(),
        categories: continuum
            .categories
            .iter()
            .map(|category| HeatCategory {
                name: category.name.clone(),
                averages: cycles
                    .iter()
                    .map(|c| {
                        view.category_average(c.id, category)
                            .map_or("–".to_owned(), |a| a.to_string())
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
    let changes = match compared {
        [earlier, later] => Some(change_list(instruments, continuum, view, earlier, later)),
        _ => None,
    };
    TrajectoryPrint {
        title: "Across the years".to_owned(),
        version_key: versions.key().to_vec(),
        // `cycles` is newest first here: the span runs from its last.
        years: match (cycles.last(), cycles.first()) {
            (Some(first), Some(last)) if first.id != last.id => {
                format!("{} to {}", first.school_year, last.school_year)
            }
            (Some(only), _) => only.school_year.clone(),
            _ => String::new(),
        },
        levels,
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

/// The change list from `earlier` to `later`, the indicators named as the
/// newest year's version names them and each level's text in the words of
/// its own year's version.
fn change_list(
    instruments: &Instruments,
    continuum: &Continuum,
    view: &PartnershipView,
    earlier: &Cycle,
    later: &Cycle,
) -> ChangesPrint {
    let (was, is) = (
        continuum_for(instruments, view, earlier),
        continuum_for(instruments, view, later),
    );
    let categories = continuum
        .categories
        .iter()
        .map(|category| {
            let (a, b) = (
                view.category_average(earlier.id, category),
                view.category_average(later.id, category),
            );
            let shown = |v: Option<Mean>| v.map_or("–".to_owned(), |v| v.to_string());
            let change = match (a, b) {
                (Some(a), Some(b)) => b.change_since(a).to_string(),
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
        let text = |level: Option<Level>, version: &Continuum| {
            level
                .zip(version.indicator(&change.indicator.key))
                .map_or_else(Vec::new, |(l, indicator)| {
                    version.shown(indicator, Passage::Level(l))
                })
        };
        ChangePrint {
            indicator: change.indicator.name.clone(),
            movement: movement_text(change.movement),
            from_level: name(change.from),
            to_level: name(change.to),
            from_text: text(change.from, was),
            to_text: text(change.to, is),
            from_evidence: evidence(earlier),
            to_evidence: evidence(later),
        }
    })
    .collect();
    ChangesPrint {
        from: earlier.school_year.clone(),
        to: later.school_year.clone(),
        versions: Versions::between(instruments, view, earlier, later),
        categories,
        items,
    }
}
