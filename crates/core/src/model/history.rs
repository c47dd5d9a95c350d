//! The history of changes as the History page reads it: each change to a
//! record (who, when, what it was and became, kept by the database) put
//! in words, "jo_lee changed Decision Making (2025–26) from Developing to
//! Established", and sorted by the tool it belongs to, for the filters.

use serde_json::Value;

use super::{CycleId, Level, PartnershipView, PersonId, continuum_for};
use crate::instrument::Instruments;

/// Whether a record was added, changed or deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryKind {
    Added,
    Changed,
    Deleted,
}

/// One change to one record, as the database kept it.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub id: i64,
    /// When, in UTC: "2026-03-03T10:42:00Z".
    pub at: String,
    /// Who: the user signed in to the server, or the computer's user who
    /// opened the file.
    pub who: String,
    /// The table the record is in.
    pub record: String,
    pub record_id: Option<i64>,
    pub kind: HistoryKind,
    /// The record's fields before (null when added) and after (null when
    /// deleted).
    pub old: Value,
    pub new: Value,
}

/// The tools a change belongs to, for the History page's filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HistoryTool {
    Partnership,
    Continuum,
    Readiness,
    Worksheets,
    Monitoring,
    Actions,
}

impl HistoryTool {
    pub const ALL: [HistoryTool; 6] = [
        HistoryTool::Partnership,
        HistoryTool::Continuum,
        HistoryTool::Readiness,
        HistoryTool::Worksheets,
        HistoryTool::Monitoring,
        HistoryTool::Actions,
    ];

    pub fn label(self) -> &'static str {
        match self {
            HistoryTool::Partnership => "The partnership and its people",
            HistoryTool::Continuum => "Continuum",
            HistoryTool::Readiness => "Readiness",
            HistoryTool::Worksheets => "Worksheets and meetings",
            HistoryTool::Monitoring => "Monitoring plan",
            HistoryTool::Actions => "Action list",
        }
    }

    fn of(record: &str) -> HistoryTool {
        match record {
            "cycles" | "ratings" | "adaptations" => HistoryTool::Continuum,
            "readiness_rounds"
            | "readiness_members"
            | "readiness_ratings"
            | "readiness_summaries" => HistoryTool::Readiness,
            "documents" | "document_values" => HistoryTool::Worksheets,
            "goals" | "milestones" | "check_ins" => HistoryTool::Monitoring,
            "action_steps" => HistoryTool::Actions,
            _ => HistoryTool::Partnership,
        }
    }
}

impl HistoryEntry {
    /// The tool it belongs to.
    pub fn tool(&self) -> HistoryTool {
        HistoryTool::of(&self.record)
    }

    /// What happened, in a sentence without the moment: "jo_lee changed
    /// Decision Making (2025–26) from Developing to Established".
    pub fn describe(&self, view: &PartnershipView, instruments: &Instruments) -> String {
        let what = self.what(view, instruments);
        match (self.kind, self.record.as_str()) {
            (HistoryKind::Changed, "ratings") => {
                let level = |v: &Value| {
                    v.get("level")
                        .and_then(Value::as_u64)
                        .and_then(|l| u8::try_from(l).ok())
                        .and_then(Level::new)
                };
                let (before, after) = (level(&self.old), level(&self.new));
                let cycle = CycleId(
                    self.new
                        .get("cycle_id")
                        .or_else(|| self.old.get("cycle_id"))
                        .and_then(Value::as_i64)
                        .unwrap_or_default(),
                );
                // A person's level in a cycle hidden until revealed is not
                // shown here either.
                let a_person = self.new.get("person_id").is_some_and(|p| !p.is_null());
                if a_person && view.levels_hidden(cycle) && before != after {
                    return format!(
                        "{} changed {what} (the level stays hidden until the team reveals it)",
                        self.who
                    );
                }
                if before == after {
                    return format!("{} changed {what}: {}", self.who, self.fields_changed());
                }
                let name = |l: Option<Level>| level_words(view, instruments, cycle, l);
                format!(
                    "{} changed {what} from {} to {}",
                    self.who,
                    name(before),
                    name(after)
                )
            }
            (HistoryKind::Changed, _) => {
                format!("{} changed {what}: {}", self.who, self.fields_changed())
            }
            (HistoryKind::Added, _) => format!("{} added {what}", self.who),
            (HistoryKind::Deleted, _) => format!("{} deleted {what}", self.who),
        }
    }

    /// The fields that differ, with their new values: "status: done".
    fn fields_changed(&self) -> String {
        let (Some(old), Some(new)) = (self.old.as_object(), self.new.as_object()) else {
            return String::new();
        };
        let mut changed: Vec<String> = new
            .iter()
            .filter(|(key, value)| old.get(*key) != Some(*value))
            .filter(|(key, _)| !matches!(key.as_str(), "updated_at" | "changed_on"))
            .map(|(key, value)| format!("{} “{}”", key.replace('_', " "), shown(value)))
            .collect();
        if changed.is_empty() {
            changed.push("saved again unchanged".to_owned());
        }
        changed.join(", ")
    }

    /// The record named as a person reads it: "Decision Making (2025–26,
    /// the team)", "the action step “Book the room”".
    fn what(&self, view: &PartnershipView, instruments: &Instruments) -> String {
        let row = if self.new.is_null() {
            &self.old
        } else {
            &self.new
        };
        let text = |key: &str| row.get(key).map(shown).unwrap_or_default();
        let number = |key: &str| row.get(key).and_then(Value::as_i64);
        match self.record.as_str() {
            "ratings" => {
                let cycle = CycleId(number("cycle_id").unwrap_or_default());
                let (name, year) = indicator_in(view, instruments, cycle, &text("indicator_key"));
                let rater = match number("person_id") {
                    Some(p) => view
                        .person(PersonId(p))
                        .map_or_else(|| "a rater".to_owned(), |p| p.name.clone()),
                    None => "the team".to_owned(),
                };
                format!("{name} ({year}, {rater})")
            }
            "cycles" => format!("the continuum cycle {}", text("school_year")),
            "partnerships" => format!("the partnership “{}”", text("name")),
            "people" => format!("the person “{}”", text("name")),
            "readiness_rounds" => format!("the readiness round “{}”", text("title")),
            "readiness_members" => format!("the readiness team member “{}”", text("name")),
            "readiness_ratings" => format!(
                "a readiness rating ({})",
                text("category_key").replace('-', " ")
            ),
            "readiness_summaries" => format!("the {} team's summary", text("team")),
            "documents" => format!("“{}”", text("title")),
            "document_values" => format!(
                "the field “{}” of a worksheet",
                text("field_key").replace(['-', '_'], " ")
            ),
            "goals" => format!("the goal “{}”", text("text")),
            "milestones" => format!("the milestone “{}”", text("milestone")),
            "check_ins" => format!("a check-in of {}", text("checked_on")),
            "action_steps" => format!("the action step “{}”", text("text")),
            "adaptations" => format!("the adaptation “{}”", text("name")),
            "attachments" => format!("the attachment “{}”", text("name")),
            "stage_entries" => "a stage of the partnership".to_owned(),
            other => other.replace('_', " "),
        }
    }
}

/// An indicator of a cycle as a person reads it: its name in the version
/// the cycle was rated with, and the cycle's school year ("Decision
/// Making", "2025–26"); the key when the cycle is not there.
pub fn indicator_in(
    view: &PartnershipView,
    instruments: &Instruments,
    cycle: CycleId,
    key: &str,
) -> (String, String) {
    let cycle = view.cycle(cycle);
    let name = cycle
        .map(|c| continuum_for(instruments, view, c))
        .and_then(|c| c.indicator(key))
        .map_or_else(|| key.to_owned(), |i| i.name.clone());
    let year = cycle
        .map(|c| c.fields.school_year.clone())
        .unwrap_or_default();
    (name, year)
}

/// A level as the cycle's version names it ("Established"), or "no level".
pub fn level_words(
    view: &PartnershipView,
    instruments: &Instruments,
    cycle: CycleId,
    level: Option<Level>,
) -> String {
    let Some(level) = level else {
        return "no level".to_owned();
    };
    view.cycle(cycle).map_or_else(
        || format!("level {}", level.number()),
        |c| {
            continuum_for(instruments, view, c)
                .level_name(level)
                .to_owned()
        },
    )
}

/// A value as a person reads it: text without quotes, nothing for null.
fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => shortened(text, 80),
        Value::Null => "nothing".to_owned(),
        other => other.to_string(),
    }
}

/// `text` cut to at most `longest` characters, with an ellipsis when cut.
pub fn shortened(text: &str, longest: usize) -> String {
    if text.chars().count() <= longest {
        return text.to_owned();
    }
    let cut: String = text.chars().take(longest).collect();
    format!("{}…", cut.trim_end())
}
