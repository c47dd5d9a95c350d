//! The Stages of Partnering on paper: the partnership's history as a
//! timeline (each stage a bar in its row, loops and moves back marked),
//! the history as a table, then the stages' descriptions and principles.
//! Blank, it has the stages and an empty history to write in.

use super::*;
use partnerpath_core::instrument::{Principle, Stages};
use partnerpath_core::model::{SchoolYear, stage_history};

#[derive(Debug, Clone, Serialize)]
pub struct StagesPrint {
    pub title: String,
    pub subtitle: String,
    pub introduction: String,
    pub definition: String,
    pub definition_source: String,
    pub principles_heading: String,
    /// Each stage's row name on the timeline, stage 0 first.
    pub rows: Vec<String>,
    pub timeline: Option<TimelinePrint>,
    pub history: Vec<HistoryPrint>,
    /// Empty history rows to write in.
    pub blank_rows: usize,
    pub stages: Vec<StagePrint>,
    pub sustaining: StagePrint,
    pub source: String,
}

/// Positions run from 0 (the left end) to 1 (the right end).
#[derive(Debug, Clone, Serialize)]
pub struct TimelinePrint {
    pub bars: Vec<BarPrint>,
    /// The first day of each school year shown, and its label.
    pub years: Vec<(f64, String)>,
    pub today: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct BarPrint {
    pub stage: u8,
    pub from: f64,
    pub to: f64,
    /// "loops back" or "moved back" for the step into this bar.
    pub step: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryPrint {
    pub from: String,
    pub until: String,
    pub stage: String,
    pub step: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StagePrint {
    pub title: String,
    pub description: String,
    pub principles: Vec<(String, String)>,
}

/// Each principle's title and text.
fn principles(principles: &[Principle]) -> Vec<(String, String)> {
    principles
        .iter()
        .map(|p| (p.title.clone(), p.text.clone()))
        .collect()
}

fn days(date: Date) -> f64 {
    f64::from(i32::from(date.year())) * 365.25 + f64::from(date.day_of_year())
}

/// The Stages of Partnering, with the partnership's history when filled.
pub fn stages(stages: &Stages, filled: Option<(&PartnershipView, Date)>) -> StagesPrint {
    let mut timeline = None;
    let mut history = Vec::new();
    // Blank, the footer says "Blank form"; the title needs no subtitle.
    let mut subtitle = String::new();
    if let Some((view, today)) = filled {
        let spans = stage_history(&view.stages, stages);
        subtitle = match spans.last() {
            Some(current) => format!(
                "Now in {} (since {})",
                stages.title_of(current.entry.stage),
                long_date(current.entry.started_on)
            ),
            None => "No stage recorded yet".to_owned(),
        };
        if let (Some(first), Some(_)) = (spans.first(), spans.last()) {
            let start_year = SchoolYear::containing(first.entry.started_on);
            let end_year = SchoolYear::containing(today);
            let start = days(jiff::civil::date(
                i16::try_from(start_year.start).unwrap_or(2000),
                7,
                1,
            ));
            let end = days(jiff::civil::date(
                i16::try_from(end_year.start + 1).unwrap_or(2100),
                7,
                1,
            ));
            // At least a year wide, so that a first entry dated in the
            // future still gives a timeline rather than a division by zero.
            let end = end.max(start + 366.0);
            let at = |date: Date| ((days(date) - start) / (end - start)).clamp(0.0, 1.0);
            timeline = Some(TimelinePrint {
                bars: spans
                    .iter()
                    .map(|span| BarPrint {
                        stage: span.entry.stage,
                        from: at(span.entry.started_on),
                        to: at(span.until.unwrap_or(today)),
                        step: span.step().unwrap_or_default().to_owned(),
                    })
                    .collect(),
                years: (start_year.start..=end_year.start)
                    .map(|year| {
                        let first_day =
                            jiff::civil::date(i16::try_from(year).unwrap_or(2000), 7, 1);
                        (at(first_day), SchoolYear { start: year }.label())
                    })
                    .collect(),
                today: at(today),
            });
        }
        history = spans
            .iter()
            .rev()
            .map(|span| HistoryPrint {
                from: long_date(span.entry.started_on),
                until: span.until.map_or_else(|| "now".to_owned(), long_date),
                stage: stages.title_of(span.entry.stage),
                step: span.step().unwrap_or_default().to_owned(),
                note: span.entry.note.clone(),
            })
            .collect();
    }
    let blank_rows = if filled.is_some() { 0 } else { 6 };
    StagesPrint {
        title: stages.title.clone(),
        subtitle,
        introduction: stages.introduction.clone(),
        definition: stages.definition.clone(),
        definition_source: stages.definition_source.clone(),
        principles_heading: stages.principles_heading.clone(),
        rows: stages
            .stages
            .iter()
            .map(|s| stages.title_of(s.number))
            .collect(),
        timeline,
        history,
        blank_rows,
        stages: stages
            .stages
            .iter()
            .map(|stage| StagePrint {
                title: stages.title_of(stage.number),
                description: stage.description.clone(),
                principles: principles(&stage.principles),
            })
            .collect(),
        sustaining: StagePrint {
            title: stages.sustaining.title.clone(),
            description: stages.sustaining.introduction.clone(),
            principles: principles(&stages.sustaining.principles),
        },
        source: stages.source.citation(),
    }
}
