//! Any worksheet on paper (Contract Supplement, quarterly meeting),
//! filled or blank, with a meeting's action steps.

use super::*;
use partnerpath_core::instrument::{Column, Drawing, Field, Holds, KEPT, OURS_KEY};
use partnerpath_core::model::{bones, over_years};

#[derive(Debug, Clone, Serialize)]
pub struct WorksheetPrint {
    pub title: String,
    pub subtitle: String,
    pub guidance: Vec<(String, String)>,
    /// PartnerPath's notes on the source, printed as its own.
    pub notes: Vec<String>,
    /// What PartnerPath's copy of the source lost, with its lead words.
    pub lost: Option<String>,
    /// The key to the italics of PartnerPath's labels, when it has any.
    pub ours_key: Option<String>,
    /// What was typed into fields this version no longer has: its heading,
    /// and each field's name and text.
    pub kept: Option<(String, Vec<(String, String)>)>,
    /// A per-year worksheet's ratings over the years (filled, two years or more).
    pub over_years: Option<OverYearsPrint>,
    pub sections: Vec<SectionPrint>,
    /// The files and links attached to the document.
    pub attached: Vec<EvidencePrint>,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OverYearsPrint {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Under the table when older years were left out: "The 6 newest of 25
    /// school years."
    pub note: String,
}

/// The most school years printed side by side on a portrait page.
const YEARS_ON_PAPER: usize = 6;

#[derive(Debug, Clone, Serialize)]
pub struct FishbonePrint {
    pub head: String,
    /// Each bone's cause and rank.
    pub bones: Vec<(String, String)>,
}

/// A title, label or option of the tool, and whether PartnerPath wrote it
/// (printed in italics).
#[derive(Debug, Clone, Serialize)]
pub struct Words {
    pub text: String,
    pub ours: bool,
}

impl Words {
    fn new(text: impl Into<String>, from_source: bool) -> Words {
        Words {
            text: text.into(),
            ours: !from_source,
        }
    }

    fn options(options: &[String], ours: &[String]) -> Vec<Words> {
        options
            .iter()
            .map(|o| Words::new(o.clone(), !ours.contains(o)))
            .collect()
    }
}

/// A table's cell: the text typed, or (`hint`) the choices to circle.
#[derive(Debug, Clone, Serialize)]
pub struct CellPrint {
    pub text: String,
    pub hint: bool,
    /// A hint's choices (PartnerPath's in italics).
    pub options: Vec<Words>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionPrint {
    /// The source's table heads printed above this section, if they start
    /// here: its questions, and the notes written under each.
    pub heads: Option<[String; 2]>,
    pub title: Words,
    pub text: Vec<String>,
    pub fields: Vec<FieldPrint>,
    /// Action steps shown at the end of the section (meetings).
    pub steps: Option<StepsPrint>,
    /// The partnership's goals or objectives the section holds.
    pub holds: Option<HoldsPrint>,
}

/// The goals ("goals": each goal, no objectives) or objectives
/// ("objectives": each goal with its objectives) of the partnership; none
/// on a blank form, which leaves lines to write on.
#[derive(Debug, Clone, Serialize)]
pub struct HoldsPrint {
    pub kind: String,
    pub goals: Vec<(String, Vec<String>)>,
}

fn holds_print(holds: Holds, view: Option<&PartnershipView>) -> HoldsPrint {
    let goals = view.map_or_else(Vec::new, |view| {
        view.goals
            .iter()
            .filter(|g| g.goal.is_none())
            .map(|goal| {
                let objectives = match holds {
                    Holds::Goals => Vec::new(),
                    Holds::Objectives => view
                        .goals
                        .iter()
                        .filter(|o| o.goal == Some(goal.id))
                        .map(|o| o.text.clone())
                        .collect(),
                };
                (goal.text.clone(), objectives)
            })
            .collect()
    });
    HoldsPrint {
        kind: match holds {
            Holds::Goals => "goals",
            Holds::Objectives => "objectives",
        }
        .to_owned(),
        goals,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldPrint {
    pub label: Words,
    /// PartnerPath's words after the label naming the part of an item
    /// ("Interim (January)"), or empty.
    pub part: String,
    /// "line", "box", "check" (confirmed on a date), "tick" (a tick box),
    /// "scale" (every option, the chosen one marked) or "table".
    pub shape: String,
    pub text: String,
    pub confirmed: bool,
    /// A scale's points.
    pub options: Vec<Words>,
    pub columns: Vec<Words>,
    /// Which columns are narrow (tick boxes), the rest share the width.
    pub narrow: Vec<bool>,
    pub rows: Vec<Vec<CellPrint>>,
    /// Blank rows to write in under a table's rows.
    pub blank_rows: usize,
    pub fishbone: Option<FishbonePrint>,
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
        FieldValue::Check(true) => "Yes".to_owned(),
        FieldValue::Check(false) | FieldValue::Rows(_) => String::new(),
    }
}

/// A table's cell on paper: a tick box as a box, an empty choice as its
/// options to circle, anything else as its text.
fn cell_print(
    column: &Column,
    value: Option<&FieldValue>,
    view: Option<&PartnershipView>,
) -> CellPrint {
    match (column.kind, value) {
        (FieldKind::Check, value) => CellPrint {
            text: if matches!(value, Some(FieldValue::Check(true))) {
                "☑".to_owned()
            } else {
                "☐".to_owned()
            },
            hint: false,
            options: Vec::new(),
        },
        (FieldKind::Choice | FieldKind::Scale, value) if value.is_none_or(FieldValue::is_empty) => {
            CellPrint {
                text: column.options.join(" · "),
                hint: true,
                options: Words::options(&column.options, &column.options_ours),
            }
        }
        (_, value) => CellPrint {
            text: value.map(|v| value_text(v, view)).unwrap_or_default(),
            hint: false,
            options: Vec::new(),
        },
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

/// A field's value in `filled`, or on a blank form its preset rows.
fn field_value(field: &Field, filled: Option<(&PartnershipView, &Document)>) -> FieldValue {
    match filled {
        // The year a per-year worksheet is for, chosen or the one it was made in.
        Some((_, document)) if field.kind == FieldKind::SchoolYear => {
            FieldValue::Text(document.school_year().label())
        }
        Some((view, document)) => document.value_or_default(field, &view.partnership),
        None => FieldValue::initial(field),
    }
}

/// A worksheet as filled in `document`, or blank when it is `None`.
#[expect(
    clippy::too_many_lines,
    reason = "one mapping per part of a worksheet (sections, fields, tables, guidance, years side by side), which the template reads as one structure"
)]
pub fn worksheet(
    sheet: &Worksheet,
    filled: Option<(&PartnershipView, &Document)>,
) -> WorksheetPrint {
    let view = filled.map(|(v, _)| v);
    let is_meeting = sheet.key == partnerpath_core::instrument::QUARTERLY_MEETING;
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
                    let value = field_value(field, filled);
                    let shape = match field.kind {
                        FieldKind::LongText => "box",
                        FieldKind::YesNoDate => "check",
                        FieldKind::Check => "tick",
                        FieldKind::Scale => "scale",
                        FieldKind::Table => "table",
                        _ => "line",
                    };
                    let rows: Vec<Vec<CellPrint>> = match &value {
                        FieldValue::Rows(rows) => rows
                            .iter()
                            .map(|row| {
                                field
                                    .columns
                                    .iter()
                                    .map(|c| cell_print(c, row.get(&c.key), view))
                                    .collect()
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    let fishbone = (field.drawing == Some(Drawing::Fishbone)).then(|| {
                        let head = filled
                            .map(|(view, document)| {
                                document.head_of(sheet, field, &view.partnership)
                            })
                            .unwrap_or_default();
                        let bones = match &value {
                            FieldValue::Rows(rows) => bones(rows),
                            _ => Vec::new(),
                        };
                        FishbonePrint {
                            head,
                            bones: bones.into_iter().map(|b| (b.cause, b.rank)).collect(),
                        }
                    });
                    // Room to write by hand: a few lines under an empty
                    // table, one more under a blank form's preset rows.
                    let blank_rows = match (rows.len(), filled.is_some()) {
                        (0, _) => 3,
                        (_, false) => 1,
                        _ => 0,
                    };
                    // A table named as its section is not named twice.
                    let named = field.label != section.title;
                    FieldPrint {
                        label: Words::new(
                            if named { field.label.as_str() } else { "" },
                            field.source,
                        ),
                        part: field
                            .part
                            .as_ref()
                            .filter(|_| named)
                            .cloned()
                            .unwrap_or_default(),
                        shape: shape.to_owned(),
                        text: value_text(&value, view),
                        confirmed: matches!(
                            value,
                            FieldValue::YesNoDate {
                                confirmed: true,
                                ..
                            }
                        ),
                        options: Words::options(&field.options, &field.options_ours),
                        columns: field
                            .columns
                            .iter()
                            .map(|c| Words::new(c.label.clone(), c.source))
                            .collect(),
                        narrow: field
                            .columns
                            .iter()
                            .map(|c| c.kind == FieldKind::Check)
                            .collect(),
                        rows,
                        blank_rows,
                        fishbone,
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
                holds: section.holds.map(|holds| holds_print(holds, view)),
                heads: sheet
                    .heads
                    .as_ref()
                    .filter(|h| h.from == section.key)
                    .map(|h| [h.questions.clone(), h.notes.clone()]),
                title: Words::new(
                    match section.minutes {
                        Some(m) => format!("{} ({m} min.)", section.title),
                        None => section.title.clone(),
                    },
                    section.source,
                ),
                text,
                fields,
                steps,
            }
        })
        .collect();
    WorksheetPrint {
        title: sheet.title.clone(),
        subtitle: filled.map(|(_, d)| d.title.clone()).unwrap_or_default(),
        guidance: sheet
            .guidance
            .iter()
            .map(|g| (g.heading.clone(), g.text.clone()))
            .collect(),
        notes: sheet.notes.clone(),
        lost: sheet.lost_note(),
        ours_key: sheet.has_ours().then(|| OURS_KEY.to_owned()),
        kept: filled
            .map(|(view, document)| {
                document.kept_from_earlier(sheet, |id| view.person(id).map(|p| p.name.clone()))
            })
            .filter(|kept| !kept.is_empty())
            .map(|kept| (KEPT.to_owned(), kept)),
        over_years: filled
            .and_then(|(view, _)| {
                over_years(sheet, view.documents_of(&sheet.key), &view.partnership)
            })
            .filter(|over| over.years.len() > 1)
            .map(|over| {
                let skip = over.years.len().saturating_sub(YEARS_ON_PAPER);
                OverYearsPrint {
                    columns: std::iter::once(over.item.clone())
                        .chain(over.years.iter().skip(skip).map(|y| y.label()))
                        .collect(),
                    rows: over
                        .rows
                        .iter()
                        .map(|(item, values)| {
                            std::iter::once(item.clone())
                                .chain(
                                    values
                                        .iter()
                                        .skip(skip)
                                        .map(|v| v.clone().unwrap_or_default()),
                                )
                                .collect()
                        })
                        .collect(),
                    note: if skip > 0 {
                        format!(
                            "The {YEARS_ON_PAPER} newest of {} school years.",
                            over.years.len()
                        )
                    } else {
                        String::new()
                    },
                }
            }),
        sections,
        attached: filled
            .map(|(view, document)| evidence_of(view, &AttachedTo::Document(document.id)))
            .unwrap_or_default(),
        source: sheet.source.citation(),
    }
}
