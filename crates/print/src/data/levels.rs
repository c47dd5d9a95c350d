//! Levels over the years on paper: one line chart of the category averages
//! and one per category of its indicators, in points, from the same lines
//! as the screen (`model::trajectory`). Lines differ by dash and marker, as
//! the paper is printed in grey.

use super::*;
use partnerpath_core::model::trajectory::{Lines, lines};

#[derive(Debug, Clone, Serialize)]
pub struct LineChartPrint {
    pub title: String,
    pub width: f32,
    pub height: f32,
    /// The plot's area: left, top, right, bottom.
    pub frame: [f32; 4],
    /// A level's name and the height of its grid line.
    pub y_ticks: Vec<(String, f32)>,
    /// A school year and where it sits along.
    pub x_ticks: Vec<(String, f32)>,
    pub lines: Vec<ChartLinePrint>,
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChartLinePrint {
    pub name: String,
    /// "solid", "dashed", "dotted" or "dash-dotted" (Typst's names).
    pub dash: String,
    /// "circle", "square", "diamond" or "triangle".
    pub marker: String,
    pub runs: Vec<Vec<[f32; 2]>>,
}

const WIDTH: f32 = 480.0;
const HEIGHT: f32 = 130.0;
const LEFT: f32 = 88.0;
const TOP: f32 = 6.0;
const RIGHT: f32 = 6.0;
const BOTTOM: f32 = 18.0;
/// The levels' range drawn, with room above the top level and below the
/// bottom one.
const LOW: f32 = 0.7;
const HIGH: f32 = 4.3;
const DASHES: [&str; 4] = ["solid", "dashed", "dotted", "dash-dotted"];
const MARKERS: [&str; 4] = ["circle", "square", "diamond", "triangle"];

/// The charts of `cycles` (oldest first): the category averages first,
/// then each category's indicators.
pub fn level_charts(
    versions: &Versions,
    view: &PartnershipView,
    cycles: &[&Cycle],
) -> Vec<LineChartPrint> {
    let continuum = versions.reference;
    let mut charts = vec![chart(
        versions,
        view,
        cycles,
        Lines::CategoryAverages,
        "Category averages".to_owned(),
    )];
    for (index, category) in continuum.categories.iter().enumerate() {
        charts.push(chart(
            versions,
            view,
            cycles,
            Lines::Indicators(index),
            category.name.clone(),
        ));
    }
    charts
}

fn chart(
    versions: &Versions,
    view: &PartnershipView,
    cycles: &[&Cycle],
    which: Lines,
    title: String,
) -> LineChartPrint {
    let continuum = versions.reference;
    let n = cycles.len().max(1);
    let step = (WIDTH - LEFT - RIGHT) / n as f32;
    let x = |year: usize| LEFT + step * (year as f32 + 0.5);
    let y = |value: f32| TOP + (HIGH - value) / (HIGH - LOW) * (HEIGHT - TOP - BOTTOM);
    let many = cycles.len() > 12;
    let drawn = lines(continuum, view, cycles, which);
    let names: Vec<&str> = drawn.iter().map(|l| l.name.as_str()).collect();
    let description = format!(
        "Line chart of {}: {} from {} to {}; a gap is a year not rated.",
        title,
        names.join(", "),
        cycles.first().map_or("", |c| c.school_year.as_str()),
        cycles.last().map_or("", |c| c.school_year.as_str()),
    );
    LineChartPrint {
        title,
        width: WIDTH,
        height: HEIGHT,
        frame: [LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM],
        y_ticks: Level::ALL
            .iter()
            .map(|level| {
                (
                    continuum.numbered_level(*level),
                    y(f32::from(level.number())),
                )
            })
            .collect(),
        x_ticks: cycles
            .iter()
            .enumerate()
            .filter(|(i, _)| !many || (cycles.len() - 1 - i).is_multiple_of(2))
            .map(|(i, c)| (versions.year(c), x(i)))
            .collect(),
        lines: drawn
            .iter()
            .enumerate()
            .map(|(index, line)| ChartLinePrint {
                name: line.name.clone(),
                dash: DASHES[index % DASHES.len()].to_owned(),
                marker: MARKERS[index % MARKERS.len()].to_owned(),
                runs: line
                    .runs()
                    .iter()
                    .map(|run| run.iter().map(|(i, v)| [x(*i), y(*v)]).collect())
                    .collect(),
            })
            .collect(),
        description,
    }
}
