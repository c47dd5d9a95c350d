//! One category of a readiness round on the projector, for the meeting of
//! both teams: the category's items to address, and for each team its
//! average and spread, the areas of concern and the foundational strengths
//! it wrote (or, before its summary, its members' own concerns).

use egui::{Id, Rect, Ui, vec2};

use super::fit::{self, GAP, Line, Look, below};
use super::{CATEGORY_MINUTES, Shown};
use crate::instrument::ReadinessCategory;
use crate::model::{ReadinessRoundId, ReadinessView, Team};
use crate::ui::nav::ScreenContext;

/// Draws the category at `index` of a round in `area`; none when the round
/// is gone.
pub fn show(
    ui: &mut Ui,
    cx: &ScreenContext<'_>,
    round_id: ReadinessRoundId,
    index: usize,
    area: Rect,
) -> Option<Shown> {
    let tool = cx.instruments.readiness;
    let round = cx.view.readiness_round(round_id)?;
    let category = tool.categories.get(index)?;
    let total = tool.categories.len();
    let headline = category.name.clone();
    let kicker = format!(
        "{} · {} · {} of {total}",
        round.round.title,
        category.theme,
        index + 1
    );
    let items = fit::list("Items to address", &category.items);
    let teams = Team::BOTH.map(|team| team_lines(round, team, category));
    let marks: Vec<(String, bool)> = tool
        .categories
        .iter()
        .map(|c| {
            let written = Team::BOTH.iter().all(|team| {
                round
                    .summary(*team, &c.key)
                    .is_some_and(|s| !s.concerns.trim().is_empty())
            });
            (c.name.clone(), written)
        })
        .collect();
    let bar = super::BarContent::plain(&marks, CATEGORY_MINUTES);
    let width = area.width();
    let gap = |size: f32| GAP * size;
    let teams_height = |ui: &Ui, size: f32| {
        let half = (width - gap(size)) / 2.0;
        teams
            .iter()
            .map(|lines| fit::box_height(ui, lines, size, half))
            .fold(0.0, f32::max)
    };
    let (size, fits, bar_size) = super::headed_slide(
        ui,
        area,
        (&headline, &kicker),
        &bar,
        |ui, size| {
            fit::box_height(ui, &items, size, width)
                + gap(size)
                + teams_height(ui, size)
                + gap(size)
        },
        |ui, rest, size| {
            let items_height = fit::box_height(ui, &items, size, width);
            let items_rect = Rect::from_min_size(rest.min, vec2(width, items_height));
            fit::draw_box(ui, &items, size, items_rect);
            let rest = below(rest, items_height + gap(size));
            let half = (width - gap(size)) / 2.0;
            let tallest = teams_height(ui, size);
            for (i, lines) in teams.iter().enumerate() {
                #[expect(clippy::cast_precision_loss, reason = "0 or 1")]
                let x = i as f32 * (half + gap(size));
                let rect = Rect::from_min_size(rest.min + vec2(x, 0.0), vec2(half, tallest));
                fit::draw_box(ui, lines, size, rect);
            }
        },
    );
    Some(Shown {
        size,
        bar_size,
        fits,
        marks,
        part: "Category",
        timer: Some((
            Id::unique(("present category", round_id, &category.key)),
            category.name.clone(),
            CATEGORY_MINUTES,
        )),
        notes: Vec::new(),
        evidence: None,
    })
}

/// A team's box: its average and spread, its areas of concern and its
/// foundational strengths.
fn team_lines(round: &ReadinessView, team: Team, category: &ReadinessCategory) -> Vec<Line> {
    let result = round.team_category(team, &category.key);
    let total = result.rated + result.missing.len();
    let mut lines = vec![Line::new(team.label(), Look::Strong)];
    match (result.average, result.lowest, result.highest) {
        (Some(average), Some(low), Some(high)) => {
            lines.push(Line::new(
                format!("Team average {average} ({} of {total} rated)", result.rated),
                Look::Plain,
            ));
            lines.push(Line::new(
                if low == high {
                    format!("Everyone who rated gave {low}.")
                } else {
                    format!("Ratings from {low} to {high}.")
                },
                Look::Plain,
            ));
        }
        _ => lines.push(Line::new("No ratings yet for this category.", Look::Weak)),
    }
    let summary = round.summary(team, &category.key);
    lines.push(Line::new("Areas of concern", Look::Italic));
    let concerns = summary.map_or("", |s| s.concerns.trim());
    if !concerns.is_empty() {
        lines.push(Line::new(concerns, Look::Plain));
    } else if result.concerns.is_empty() {
        lines.push(Line::new("None written yet.", Look::Weak));
    } else {
        lines.push(Line::new(
            "No team summary yet; from the members' own notes:",
            Look::Weak,
        ));
        for (member, concern) in &result.concerns {
            lines.push(Line::new(
                format!("{}: {concern}", member.name),
                Look::Plain,
            ));
        }
    }
    lines.push(Line::new("Foundational strengths", Look::Italic));
    let strengths = summary.map_or("", |s| s.strengths.trim());
    if strengths.is_empty() {
        lines.push(Line::new("None written yet.", Look::Weak));
    } else {
        lines.push(Line::new(strengths, Look::Plain));
    }
    lines
}
