//! A record that an edit writes whole (a partnership's details, a person,
//! an action step, a goal, a milestone, a stage, a readiness round or one
//! of its team members, an adaptation): on a shared database the edit is
//! checked against the record as the window showed it, so that someone
//! else's change of it is never overwritten without a choice. Here: which
//! edits write one, the record as a view shows it, what it is called, and
//! how two versions differ, in words.

use jiff::civil::Date;
use serde::Serialize;
use serde_json::Value;

use super::{
    ActionStep, Adaptation, Command, Goal, Milestone, Partnership, PartnershipView, Person,
    ReadinessMember, ReadinessRound, StageEntry, long_date, shortened,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Partnership(Partnership),
    Person(Person),
    ActionStep(ActionStep),
    Goal(Goal),
    Milestone(Milestone),
    Stage(StageEntry),
    ReadinessRound(ReadinessRound),
    ReadinessMember(ReadinessMember),
    Adaptation(Adaptation),
}

impl Record {
    /// The record `command` writes, whole, as it writes it; `None` for an
    /// edit that does not write a record whole.
    pub fn written_by(command: &Command) -> Option<Record> {
        Some(match command {
            Command::UpdatePartnership(p) => Record::Partnership(p.clone()),
            Command::UpdatePerson(p) => Record::Person(p.clone()),
            Command::UpdateActionStep(s) => Record::ActionStep(s.clone()),
            Command::UpdateGoal(g) => Record::Goal(g.clone()),
            Command::UpdateMilestone(m) => Record::Milestone(m.clone()),
            Command::UpdateStageEntry(e) => Record::Stage(e.clone()),
            Command::UpdateReadinessRound(r) => Record::ReadinessRound(r.clone()),
            Command::UpdateReadinessMember(m) => Record::ReadinessMember(m.clone()),
            Command::UpdateAdaptation(a) => Record::Adaptation(a.clone()),
            _ => return None,
        })
    }

    /// The same record as `view` shows it; `None` when it is not there.
    pub fn in_view(&self, view: &PartnershipView) -> Option<Record> {
        match self {
            Record::Partnership(p) => {
                (view.partnership.id == p.id).then(|| Record::Partnership(view.partnership.clone()))
            }
            Record::Person(p) => view.person(p.id).cloned().map(Record::Person),
            Record::ActionStep(s) => view
                .action_steps
                .iter()
                .find(|x| x.id == s.id)
                .cloned()
                .map(Record::ActionStep),
            Record::Goal(g) => view
                .goals
                .iter()
                .find(|x| x.id == g.id)
                .cloned()
                .map(Record::Goal),
            Record::Milestone(m) => view
                .milestones
                .iter()
                .find(|x| x.id == m.id)
                .cloned()
                .map(Record::Milestone),
            Record::Stage(e) => view
                .stages
                .iter()
                .find(|x| x.id == e.id)
                .cloned()
                .map(Record::Stage),
            Record::ReadinessRound(r) => view
                .readiness
                .iter()
                .find(|x| x.round.id == r.id)
                .map(|x| Record::ReadinessRound(x.round.clone())),
            Record::ReadinessMember(m) => view
                .readiness
                .iter()
                .flat_map(|x| &x.members)
                .find(|x| x.id == m.id)
                .cloned()
                .map(Record::ReadinessMember),
            Record::Adaptation(a) => view
                .adaptations
                .iter()
                .find(|x| x.id == a.id)
                .cloned()
                .map(Record::Adaptation),
        }
    }

    /// The table it is kept in and its id there (the history's names).
    pub fn table(&self) -> (&'static str, i64) {
        match self {
            Record::Partnership(p) => ("partnerships", p.id.0),
            Record::Person(p) => ("people", p.id.0),
            Record::ActionStep(s) => ("action_steps", s.id.0),
            Record::Goal(g) => ("goals", g.id.0),
            Record::Milestone(m) => ("milestones", m.id.0),
            Record::Stage(e) => ("stage_entries", e.id.0),
            Record::ReadinessRound(r) => ("readiness_rounds", r.id.0),
            Record::ReadinessMember(m) => ("readiness_members", m.id.0),
            Record::Adaptation(a) => ("adaptations", a.id.0),
        }
    }

    /// What it is called, as the History page calls it: "the action step
    /// “Book the room”".
    pub fn what(&self) -> String {
        match self {
            Record::Partnership(p) => {
                format!("the details of the partnership “{}”", quoted(&p.name))
            }
            Record::Person(p) => format!("the person “{}”", quoted(&p.name)),
            Record::ActionStep(s) => format!("the action step “{}”", quoted(&s.text)),
            Record::Goal(g) if g.goal.is_some() => {
                format!("the objective “{}”", quoted(&g.text))
            }
            Record::Goal(g) => format!("the goal “{}”", quoted(&g.text)),
            Record::Milestone(m) => format!("the milestone “{}”", quoted(&m.milestone)),
            Record::Stage(e) => format!("the stage begun on {}", long_date(e.fields.started_on)),
            Record::ReadinessRound(r) => {
                format!("the readiness round “{}”", quoted(&r.fields.title))
            }
            Record::ReadinessMember(m) => {
                format!("the readiness team member “{}”", quoted(&m.fields.name))
            }
            Record::Adaptation(a) => format!("the adaptation “{}”", quoted(&a.fields.name)),
        }
    }

    /// The edit that writes this record whole.
    pub fn update(&self) -> Command {
        match self {
            Record::Partnership(p) => Command::UpdatePartnership(p.clone()),
            Record::Person(p) => Command::UpdatePerson(p.clone()),
            Record::ActionStep(s) => Command::UpdateActionStep(s.clone()),
            Record::Goal(g) => Command::UpdateGoal(g.clone()),
            Record::Milestone(m) => Command::UpdateMilestone(m.clone()),
            Record::Stage(e) => Command::UpdateStageEntry(e.clone()),
            Record::ReadinessRound(r) => Command::UpdateReadinessRound(r.clone()),
            Record::ReadinessMember(m) => Command::UpdateReadinessMember(m.clone()),
            Record::Adaptation(a) => Command::UpdateAdaptation(a.clone()),
        }
    }

    /// `mine`, an edit of `seen`, joined with `now`, someone else's edit
    /// of the same `seen`: `now` with what `mine` changed written over it.
    /// Also the fields both changed, each differently (where `mine` is
    /// written over theirs): none, and the two edits never met.
    pub fn join(seen: &Record, mine: &Record, now: &Record) -> (Record, Vec<String>) {
        let (seen_parts, mine_parts, mut joined) = (seen.parts(), mine.parts(), now.parts());
        let mut contested = Vec::new();
        if let (Some(seen_parts), Some(mine_parts), Some(joined)) = (
            seen_parts.as_object(),
            mine_parts.as_object(),
            joined.as_object_mut(),
        ) {
            for (key, value) in mine_parts {
                if seen_parts.get(key) == Some(value) {
                    continue;
                }
                let theirs = joined.get(key);
                if theirs != seen_parts.get(key) && theirs != Some(value) {
                    contested.push(name(key));
                }
                joined.insert(key.clone(), value.clone());
            }
        }
        let joined = match joined {
            Value::Object(parts) => now.with_parts(parts),
            _ => None,
        }
        .unwrap_or_else(|| mine.clone());
        (joined, contested)
    }

    /// The fields where `self` differs from `other`, each with its value
    /// here, as the History page says them, by name: "due on May 12, 2026",
    /// "owner “Ana Ruiz”".
    pub fn differences(&self, other: &Record) -> Vec<String> {
        let (mine, theirs) = (self.parts(), other.parts());
        let (Some(mine), Some(theirs)) = (mine.as_object(), theirs.as_object()) else {
            return Vec::new();
        };
        mine.iter()
            .filter(|(key, value)| theirs.get(*key) != Some(*value))
            .map(|(key, value)| match words(value) {
                _ if key == BELONGS => name(key),
                // A whole wording is not quoted in a sentence.
                _ if value.is_object() || value.is_array() => format!("a new {}", name(key)),
                Some(words) => format!("{} {words}", name(key)),
                None => format!("{} left empty", name(key)),
            })
            .collect()
    }

    /// What a person changes of it by name: its fields, and where it
    /// belongs (`BELONGS`: the source of an action step, the goal of an
    /// objective or a milestone).
    fn parts(&self) -> Value {
        fn value(fields: &impl Serialize) -> Value {
            serde_json::to_value(fields).unwrap_or(Value::Null)
        }
        let (mut parts, belongs) = match self {
            Record::Partnership(p) => (value(&p.fields), Value::Null),
            Record::Person(p) => (value(&p.fields), Value::Null),
            Record::ActionStep(s) => (value(&s.fields), value(&s.source)),
            Record::Goal(g) => (value(&g.fields), value(&g.goal)),
            Record::Milestone(m) => (value(&m.fields), value(&m.serves)),
            Record::Stage(e) => (value(&e.fields), Value::Null),
            Record::ReadinessRound(r) => (value(&r.fields), Value::Null),
            Record::ReadinessMember(m) => (value(&m.fields), Value::Null),
            Record::Adaptation(a) => (value(&a.fields), Value::Null),
        };
        if let Some(parts) = parts.as_object_mut() {
            parts.insert(BELONGS.to_owned(), belongs);
        }
        parts
    }

    /// This record with `parts` in place of its own (`None` if they do not
    /// read as its kind's).
    fn with_parts(&self, mut parts: serde_json::Map<String, Value>) -> Option<Record> {
        fn read<T: serde::de::DeserializeOwned>(value: Value) -> Option<T> {
            serde_json::from_value(value).ok()
        }
        let belongs = parts.remove(BELONGS).unwrap_or(Value::Null);
        let fields = Value::Object(parts);
        Some(match self {
            Record::Partnership(p) => Record::Partnership(Partnership {
                fields: read(fields)?,
                ..p.clone()
            }),
            Record::Person(p) => Record::Person(Person {
                fields: read(fields)?,
                ..p.clone()
            }),
            Record::ActionStep(s) => Record::ActionStep(ActionStep {
                fields: read(fields)?,
                source: read(belongs)?,
                ..s.clone()
            }),
            Record::Goal(g) => Record::Goal(Goal {
                fields: read(fields)?,
                goal: read(belongs)?,
                ..g.clone()
            }),
            Record::Milestone(m) => Record::Milestone(Milestone {
                fields: read(fields)?,
                serves: read(belongs)?,
                ..m.clone()
            }),
            Record::Stage(e) => Record::Stage(StageEntry {
                fields: read(fields)?,
                ..e.clone()
            }),
            Record::ReadinessRound(r) => Record::ReadinessRound(ReadinessRound {
                fields: read(fields)?,
                ..r.clone()
            }),
            Record::ReadinessMember(m) => Record::ReadinessMember(ReadinessMember {
                fields: read(fields)?,
                ..m.clone()
            }),
            Record::Adaptation(a) => Record::Adaptation(Adaptation {
                fields: read(fields)?,
                ..a.clone()
            }),
        })
    }
}

/// The part of `Record::parts` that says where a record belongs.
const BELONGS: &str = "where it belongs in the plan";

/// A part's name in words: "due on".
fn name(key: &str) -> String {
    key.replace('_', " ")
}

/// A name or text short enough to be quoted in a sentence.
fn quoted(text: &str) -> String {
    shortened(text, 60)
}

/// A field's value in words: text quoted, a date as a date; `None` for an
/// empty one.
fn words(value: &Value) -> Option<String> {
    Some(match value {
        Value::String(text) if text.trim().is_empty() => return None,
        Value::String(text) => match text.parse::<Date>() {
            Ok(date) if text.len() == 10 => long_date(date),
            _ => format!("“{}”", shortened(text, 80)),
        },
        Value::Null => return None,
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
        other => other.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::model::{
        ActionSource, ActionStatus, ActionStepFields, ActionStepId, DocumentId, PartnershipId,
    };

    fn step(owner: &str, status: ActionStatus, due_on: Option<Date>) -> ActionStep {
        ActionStep {
            id: ActionStepId(7),
            partnership_id: PartnershipId(1),
            source: ActionSource::Meeting(DocumentId(3)),
            fields: ActionStepFields {
                text: "Book the room".into(),
                owner: owner.into(),
                due_on,
                status,
                raised_on: date(2026, 3, 3),
                closed_on: None,
            },
        }
    }

    #[test]
    fn two_versions_of_an_action_step_differ_in_words() {
        let theirs = Record::ActionStep(step("Ana Ruiz", ActionStatus::Open, None));
        let mine = Record::ActionStep(step("", ActionStatus::Done, Some(date(2026, 5, 12))));
        assert_eq!(theirs.what(), "the action step “Book the room”");
        assert_eq!(
            theirs.differences(&mine),
            ["due on left empty", "owner “Ana Ruiz”", "status “open”"]
        );
        assert_eq!(
            mine.differences(&theirs),
            ["due on May 12, 2026", "owner left empty", "status “done”"]
        );
        assert!(mine.differences(&mine).is_empty());
        assert_eq!(theirs.table(), ("action_steps", 7));
    }

    #[test]
    fn two_edits_of_different_fields_join_and_of_the_same_field_are_contested() {
        let seen = Record::ActionStep(step("Ana Ruiz", ActionStatus::Open, None));
        let mine = Record::ActionStep(step("Ana Ruiz", ActionStatus::Done, None));
        let theirs = Record::ActionStep(step("Cy Diaz", ActionStatus::Open, None));
        let (joined, contested) = Record::join(&seen, &mine, &theirs);
        assert_eq!(
            joined,
            Record::ActionStep(step("Cy Diaz", ActionStatus::Done, None))
        );
        assert!(contested.is_empty());
        // Both changed the owner: contested, and the join writes mine.
        let mine = Record::ActionStep(step("Bo Ng", ActionStatus::Open, None));
        let (joined, contested) = Record::join(&seen, &mine, &theirs);
        assert_eq!(contested, ["owner"]);
        assert_eq!(joined, mine);
        // Both made the same change: nothing to choose.
        let (_, contested) = Record::join(&seen, &theirs, &theirs);
        assert!(contested.is_empty());
        assert_eq!(
            theirs.update(),
            Command::UpdateActionStep(step("Cy Diaz", ActionStatus::Open, None))
        );
    }

    #[test]
    fn a_stage_joins_and_an_adaptations_wording_is_named_not_quoted() {
        use crate::model::{
            AdaptationFields, AdaptationId, IndicatorWording, StageEntryFields, StageEntryId,
            Wording,
        };
        let stage = |stage, note: &str| {
            Record::Stage(StageEntry {
                id: StageEntryId(4),
                partnership_id: PartnershipId(1),
                fields: StageEntryFields {
                    stage,
                    started_on: date(2026, 1, 5),
                    note: note.into(),
                },
            })
        };
        let (joined, contested) =
            Record::join(&stage(2, ""), &stage(3, ""), &stage(2, "Goals agreed"));
        assert_eq!(joined, stage(3, "Goals agreed"));
        assert!(contested.is_empty());
        assert_eq!(joined.what(), "the stage begun on January 5, 2026");
        assert_eq!(joined.table(), ("stage_entries", 4));

        let adaptation = |name: &str, wording: Wording| {
            Record::Adaptation(Adaptation {
                id: AdaptationId(9),
                partnership_id: PartnershipId(1),
                fields: AdaptationFields {
                    lineage: uuid::Uuid::nil(),
                    version_id: uuid::Uuid::nil(),
                    number: 1,
                    name: name.into(),
                    based_on_key: "continuum".into(),
                    based_on_version: "1".into(),
                    wording,
                    made_on: date(2026, 1, 5),
                },
            })
        };
        let reworded = Wording(
            [(
                "shared-goals".to_owned(),
                IndicatorWording {
                    criteria: vec!["Goals are written down.".into()],
                    probing_questions: Vec::new(),
                    levels: Vec::new(),
                },
            )]
            .into(),
        );
        let before = adaptation("Our continuum", Wording(Default::default()));
        let after = adaptation("Our continuum, 2026", reworded);
        assert_eq!(
            after.differences(&before),
            ["name “Our continuum, 2026”", "a new wording"]
        );
        assert_eq!(after.what(), "the adaptation “Our continuum, 2026”");
    }

    #[test]
    fn only_the_whole_record_edits_are_checked_as_records() {
        let edit = Command::UpdateActionStep(step("Ana Ruiz", ActionStatus::Open, None));
        assert!(Record::written_by(&edit).is_some());
        assert!(Record::written_by(&Command::DeleteActionStep(ActionStepId(7))).is_none());
    }
}
