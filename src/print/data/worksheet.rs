//! Any worksheet on paper (Contract Supplement, quarterly meeting),
//! filled or blank, with a meeting's action steps.

use super::*;

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
            let steps = match (is_meeting, section.key.as_str()) {
                (true, "meeting") => Some(StepsPrint {
                    heading: "Action steps from earlier meetings".to_owned(),
                    rows: filled
                        .map(|(view, document)| {
                            carried_forward(&view.action_steps, document.id, document.held_on())
                                .into_iter()
                                .map(step_row)
                                .collect()
                        })
                        .unwrap_or_default(),
                    blank_rows: if filled.is_some() { 0 } else { 4 },
                }),
                (true, "wrap-up") => Some(StepsPrint {
                    heading: "Action steps".to_owned(),
                    rows: filled
                        .map(|(view, document)| {
                            view.steps_raised_at(document.id).map(step_row).collect()
                        })
                        .unwrap_or_default(),
                    blank_rows: if filled.is_some() { 0 } else { 6 },
                }),
                _ => None,
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
        source: sheet.source.citation(),
    }
}
