//! What importing an exchange file would do, worked out before anything is
//! written: the records that are new, those already here unchanged, and
//! those changed on both sides (conflicts), each with what differs. Records
//! match by id; a rating, readiness rating or team summary also matches the
//! one here for the same indicator (or category) and rater.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use uuid::Uuid;

use super::{Exchange, ExchangeError, Scope};
use crate::instrument::Instruments;
use crate::model::Level;

/// The kinds of record an exchange file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    Partnership,
    Person,
    Adaptation,
    Cycle,
    Rating,
    StageEntry,
    ReadinessRound,
    ReadinessMember,
    ReadinessRating,
    ReadinessSummary,
    Document,
    Goal,
    Milestone,
    CheckIn,
    ActionStep,
    Attachment,
}

impl Table {
    pub const ALL: [Table; 16] = [
        Table::Partnership,
        Table::Person,
        Table::Adaptation,
        Table::Cycle,
        Table::Rating,
        Table::StageEntry,
        Table::ReadinessRound,
        Table::ReadinessMember,
        Table::ReadinessRating,
        Table::ReadinessSummary,
        Table::Document,
        Table::Goal,
        Table::Milestone,
        Table::CheckIn,
        Table::ActionStep,
        Table::Attachment,
    ];

    /// "1 person", "12 ratings".
    pub fn count(self, n: usize) -> String {
        let (one, many) = match self {
            Table::Partnership => ("partnership", "partnerships"),
            Table::Person => ("person", "people"),
            Table::Adaptation => (
                "version of an adaptation of the continuum",
                "versions of adaptations of the continuum",
            ),
            Table::Cycle => ("cycle", "cycles"),
            Table::Rating => ("rating", "ratings"),
            Table::StageEntry => ("stage entry", "stage entries"),
            Table::ReadinessRound => ("readiness round", "readiness rounds"),
            Table::ReadinessMember => ("readiness team member", "readiness team members"),
            Table::ReadinessRating => ("readiness rating", "readiness ratings"),
            Table::ReadinessSummary => ("team summary", "team summaries"),
            Table::Document => ("meeting or worksheet", "meetings and worksheets"),
            Table::Goal => ("goal or objective", "goals and objectives"),
            Table::Milestone => ("milestone", "milestones"),
            Table::CheckIn => ("check-in", "check-ins"),
            Table::ActionStep => ("action step", "action steps"),
            Table::Attachment => ("attachment", "attachments"),
        };
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    }

    /// The fields that say where a record belongs: a record whose id is
    /// here but which belongs elsewhere is not the same record.
    fn identity(self) -> &'static [&'static str] {
        match self {
            Table::Rating => &["cycle", "indicator_key", "person"],
            Table::ReadinessMember => &["round"],
            Table::ReadinessRating => &["member", "category_key"],
            Table::ReadinessSummary => &["round", "team", "category_key"],
            Table::Goal => &["goal"],
            Table::Adaptation => &["lineage", "version_id"],
            Table::CheckIn => &["milestone"],
            Table::ActionStep => &["document", "milestone"],
            Table::Attachment => &["cycle", "indicator_key", "round", "document", "milestone"],
            Table::Cycle | Table::ReadinessRound | Table::Document => &["instrument_key"],
            Table::Partnership | Table::Person | Table::StageEntry | Table::Milestone => &[],
        }
    }

    /// Whether a record of this kind with another id but the same identity
    /// is the same record (one rating per indicator and rater).
    fn matches_by_identity(self) -> bool {
        matches!(
            self,
            Table::Rating | Table::ReadinessRating | Table::ReadinessSummary
        )
    }
}

/// Which side wins a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Choice {
    /// Keep what this file has (nothing is written).
    #[default]
    KeepHere,
    /// Take what the exchange file has.
    TakeFile,
}

/// One field that differs: its name in words, and the two values as shown
/// (quoted, or `empty`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub field: String,
    pub here: String,
    pub file: String,
}

/// A record changed on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub table: Table,
    /// Its id in this file and in the exchange file (the same, unless it
    /// matched by indicator and rater).
    pub here_id: Uuid,
    pub file_id: Uuid,
    /// Which record, in words: "The consensus on Shared Goals (2025–26)".
    pub what: String,
    pub differences: Vec<Difference>,
    pub choice: Choice,
}

impl Conflict {
    /// The question, in words: "The consensus on Decision Making (2025–26):
    /// level is Developing here and Established in the file."
    pub fn question(&self) -> String {
        let parts: Vec<String> = self
            .differences
            .iter()
            .map(|d| format!("{} is {} here and {} in the file", d.field, d.here, d.file))
            .collect();
        format!("{}: {}.", self.what, parts.join("; "))
    }
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub partnership_name: String,
    /// The partnership is not in this file yet: it is added whole.
    pub partnership_is_new: bool,
    pub scope: Scope,
    /// New records, by kind, in the order of the file.
    pub new: Vec<(Table, Uuid)>,
    /// Records already here and the same.
    pub unchanged: usize,
    pub conflicts: Vec<Conflict>,
    /// New ratings by rater name ("the team (consensus)" for the team's).
    pub new_ratings_by: BTreeMap<String, usize>,
    /// Versions of adaptations that differ on the two sides, settled
    /// without a choice so that no cycle shows words it was not rated with.
    pub settled: Vec<Settled>,
    new_ids: BTreeSet<Uuid>,
}

/// A version of an adaptation that differs here and in the file, settled
/// by the rule that a version keeps the words it was rated with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    pub here_id: Uuid,
    pub file_id: Uuid,
    /// A cycle here was rated with it: the words here stay. Otherwise the
    /// file's words are taken, and the words here are kept as a new
    /// version of the adaptation.
    pub kept_here: bool,
    /// In words, for the report.
    pub said: String,
}

impl Plan {
    /// Whether the record with this file id is added.
    pub fn inserts(&self, file_id: Uuid) -> bool {
        self.new_ids.contains(&file_id)
    }

    /// Whether the record with this id is in conflict and taken from the file.
    pub fn takes_from_file(&self, file_id: Uuid) -> bool {
        self.here_id_taking_file(file_id).is_some()
    }

    /// The id here of the record with this file id, when it is in conflict
    /// and taken from the file.
    pub fn here_id_taking_file(&self, file_id: Uuid) -> Option<Uuid> {
        self.conflicts
            .iter()
            .find(|c| c.file_id == file_id && c.choice == Choice::TakeFile)
            .map(|c| c.here_id)
            .or_else(|| {
                self.settled
                    .iter()
                    .find(|s| s.file_id == file_id && !s.kept_here)
                    .map(|s| s.here_id)
            })
    }

    /// The versions of adaptations here whose words are kept as a new
    /// version before the file's words are taken.
    pub fn kept_as_new_versions(&self) -> impl Iterator<Item = Uuid> + '_ {
        self.settled
            .iter()
            .filter(|s| !s.kept_here)
            .map(|s| s.here_id)
    }

    /// How many new records of each kind.
    pub fn counts(&self) -> Vec<(Table, usize)> {
        let mut counts: BTreeMap<Table, usize> = BTreeMap::new();
        for (table, _) in &self.new {
            *counts.entry(*table).or_default() += 1;
        }
        counts.into_iter().collect()
    }

    /// Whether importing would write nothing (every record is here already,
    /// or in conflict and kept).
    pub fn writes_nothing(&self) -> bool {
        self.new.is_empty()
            && self.conflicts.iter().all(|c| c.choice == Choice::KeepHere)
            && self.settled.iter().all(|s| s.kept_here)
    }

    /// The report, in lines: what is new, what is unchanged, each conflict.
    pub fn report(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if self.partnership_is_new {
            lines.push(format!(
                "“{}” is not in this file yet: it is added with everything the exchange file holds.",
                self.partnership_name
            ));
        } else {
            lines.push(format!(
                "Into “{}”, already in this file:",
                self.partnership_name
            ));
        }
        let mut new: Vec<String> = Vec::new();
        for (table, n) in self.counts() {
            if table == Table::Rating && !self.new_ratings_by.is_empty() {
                for (rater, n) in &self.new_ratings_by {
                    new.push(format!("{} from {rater}", Table::Rating.count(*n)));
                }
            } else if table != Table::Partnership {
                new.push(Table::count(table, n));
            }
        }
        if new.is_empty() {
            lines.push("Nothing new.".to_owned());
        } else {
            lines.push(format!("New: {}.", new.join("; ")));
        }
        if self.unchanged > 0 {
            lines.push(format!(
                "{} already here and the same.",
                if self.unchanged == 1 {
                    "1 record is".to_owned()
                } else {
                    format!("{} records are", self.unchanged)
                }
            ));
        }
        lines.extend(self.settled.iter().map(|s| s.said.clone()));
        match self.conflicts.len() {
            0 => {}
            1 => lines.push("1 conflict, changed on both sides:".to_owned()),
            n => lines.push(format!("{n} conflicts, changed on both sides:")),
        }
        for conflict in &self.conflicts {
            lines.push(format!("  {}", conflict.question()));
        }
        lines
    }
}

/// A record of the file as JSON, with its kind.
struct Record {
    table: Table,
    id: Uuid,
    value: serde_json::Map<String, Value>,
}

fn records(x: &Exchange) -> Result<Vec<Record>, ExchangeError> {
    fn add<T: serde::Serialize>(
        out: &mut Vec<Record>,
        table: Table,
        items: &[T],
    ) -> Result<(), ExchangeError> {
        for item in items {
            let Value::Object(value) =
                serde_json::to_value(item).map_err(|e| ExchangeError::Damaged(e.to_string()))?
            else {
                return Err(ExchangeError::Damaged(
                    "a record is not an object".to_owned(),
                ));
            };
            let id = value
                .get("id")
                .and_then(Value::as_str)
                .and_then(|s| Uuid::parse_str(s).ok())
                .ok_or_else(|| ExchangeError::Damaged("a record without an id".to_owned()))?;
            out.push(Record { table, id, value });
        }
        Ok(())
    }
    let mut out = Vec::new();
    add(
        &mut out,
        Table::Partnership,
        std::slice::from_ref(&x.partnership),
    )?;
    add(&mut out, Table::Person, &x.people)?;
    add(&mut out, Table::Adaptation, &x.adaptations)?;
    add(&mut out, Table::Cycle, &x.cycles)?;
    add(&mut out, Table::Rating, &x.ratings)?;
    add(&mut out, Table::StageEntry, &x.stage_entries)?;
    add(&mut out, Table::ReadinessRound, &x.readiness_rounds)?;
    add(&mut out, Table::ReadinessMember, &x.readiness_members)?;
    add(&mut out, Table::ReadinessRating, &x.readiness_ratings)?;
    add(&mut out, Table::ReadinessSummary, &x.readiness_summaries)?;
    add(&mut out, Table::Document, &x.documents)?;
    add(&mut out, Table::Goal, &x.goals)?;
    add(&mut out, Table::Milestone, &x.milestones)?;
    add(&mut out, Table::CheckIn, &x.check_ins)?;
    add(&mut out, Table::ActionStep, &x.action_steps)?;
    add(&mut out, Table::Attachment, &x.attachments)?;
    Ok(out)
}

/// The fields of a record that say where it belongs, as one key.
fn identity(record: &Record) -> String {
    let fields: Vec<&Value> = record
        .table
        .identity()
        .iter()
        .map(|f| record.value.get(*f).unwrap_or(&Value::Null))
        .collect();
    Value::from(fields.into_iter().cloned().collect::<Vec<_>>()).to_string()
}

/// Works out what importing `file` would do, given the same partnership in
/// this file (`here`, if it is there) and which of the file's ids this
/// file already uses anywhere (`in_use`). Refuses a file whose ids belong to
/// unrelated records here.
pub fn plan(
    file: &Exchange,
    here: Option<&Exchange>,
    in_use: &[Uuid],
    instruments: Instruments,
) -> Result<Plan, ExchangeError> {
    let file_records = records(file)?;
    let here_records = match here {
        Some(here) => records(here)?,
        None => Vec::new(),
    };
    let by_id: BTreeMap<Uuid, &Record> = here_records.iter().map(|r| (r.id, r)).collect();
    let by_identity: BTreeMap<(Table, String), &Record> = here_records
        .iter()
        .filter(|r| r.table.matches_by_identity())
        .map(|r| ((r.table, identity(r)), r))
        .collect();
    let names = Names::new(file, here, instruments);
    let mut plan = Plan {
        partnership_name: file.partnership.name.clone(),
        partnership_is_new: here.is_none(),
        scope: file.scope.clone(),
        new: Vec::new(),
        unchanged: 0,
        conflicts: Vec::new(),
        new_ratings_by: BTreeMap::new(),
        settled: Vec::new(),
        new_ids: BTreeSet::new(),
    };
    // The versions of adaptations a cycle here was rated with.
    let rated_here: BTreeSet<&str> = here
        .map(|h| {
            h.cycles
                .iter()
                .map(|c| c.instrument_version.as_str())
                .collect()
        })
        .unwrap_or_default();
    for record in &file_records {
        let matched = match by_id.get(&record.id) {
            Some(mine) if mine.table != record.table || identity(mine) != identity(record) => {
                return Err(ExchangeError::Collision(record.id));
            }
            Some(mine) => Some(*mine),
            None if in_use.contains(&record.id) => {
                return Err(ExchangeError::Collision(record.id));
            }
            None => by_identity.get(&(record.table, identity(record))).copied(),
        };
        let Some(mine) = matched else {
            plan.new.push((record.table, record.id));
            plan.new_ids.insert(record.id);
            if record.table == Table::Rating {
                *plan
                    .new_ratings_by
                    .entry(names.rater(record.value.get("person")))
                    .or_default() += 1;
            }
            continue;
        };
        let differences: Vec<Difference> = record
            .value
            .iter()
            // The id names the record; the day a document last changed
            // follows its values and is not a difference of its own.
            .filter(|(field, _)| *field != "id" && *field != "changed_on")
            .filter_map(|(field, theirs)| {
                let ours = mine.value.get(field).unwrap_or(&Value::Null);
                (ours != theirs).then(|| Difference {
                    field: field.replace('_', " "),
                    here: names.show(record.table, field, ours),
                    file: names.show(record.table, field, theirs),
                })
            })
            .collect();
        if differences.is_empty() {
            plan.unchanged += 1;
        } else if record.table == Table::Adaptation {
            let version = file
                .adaptations
                .iter()
                .find(|a| a.id == record.id)
                .map(|a| a.instrument_version())
                .unwrap_or_default();
            let kept_here = rated_here.contains(version.as_str());
            let what = names.what(record);
            plan.settled.push(Settled {
                here_id: mine.id,
                file_id: record.id,
                kept_here,
                said: if kept_here {
                    format!("{what} differs in the file; its words here are kept, as a cycle here was rated with them.")
                } else {
                    format!("{what} differs in the file; the file's words are taken, and the words here are kept as a new version of the adaptation.")
                },
            });
        } else {
            plan.conflicts.push(Conflict {
                table: record.table,
                here_id: mine.id,
                file_id: record.id,
                what: names.what(record),
                differences,
                choice: Choice::KeepHere,
            });
        }
    }
    Ok(plan)
}

/// Names for the report: people, cycles, indicators and levels.
struct Names<'a> {
    people: BTreeMap<Uuid, &'a str>,
    cycles: BTreeMap<Uuid, &'a str>,
    instruments: Instruments,
}

impl<'a> Names<'a> {
    fn new(file: &'a Exchange, here: Option<&'a Exchange>, instruments: Instruments) -> Self {
        let mut people = BTreeMap::new();
        let mut cycles = BTreeMap::new();
        for x in here.into_iter().chain(std::iter::once(file)) {
            for p in &x.people {
                people.entry(p.id).or_insert(p.name.as_str());
            }
            for c in &x.cycles {
                cycles.entry(c.id).or_insert(c.school_year.as_str());
            }
        }
        Names {
            people,
            cycles,
            instruments,
        }
    }

    fn uid(value: Option<&Value>) -> Option<Uuid> {
        value
            .and_then(Value::as_str)
            .and_then(|s| Uuid::parse_str(s).ok())
    }

    fn rater(&self, person: Option<&Value>) -> String {
        match Self::uid(person) {
            None => "the team (consensus)".to_owned(),
            Some(id) => self
                .people
                .get(&id)
                .map_or_else(|| "a rater".to_owned(), |n| (*n).to_owned()),
        }
    }

    /// Which record, in words.
    fn what(&self, record: &Record) -> String {
        let text = |field: &str| {
            record
                .value
                .get(field)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        match record.table {
            Table::Partnership => format!("The partnership “{}”", text("name")),
            Table::Person => format!("The person {}", text("name")),
            Table::Adaptation => format!(
                "The adaptation of the continuum “{}”, version {}",
                text("name"),
                record
                    .value
                    .get("number")
                    .map_or_else(String::new, Value::to_string)
            ),
            Table::Cycle => format!("The {} cycle", text("school_year")),
            Table::Rating => {
                let indicator = self
                    .instruments
                    .continuum
                    .indicator(&text("indicator_key"))
                    .map_or_else(|| text("indicator_key"), |i| i.name.clone());
                let year = Self::uid(record.value.get("cycle"))
                    .and_then(|c| self.cycles.get(&c))
                    .copied()
                    .unwrap_or_default();
                let by = match Self::uid(record.value.get("person")) {
                    None => "The consensus".to_owned(),
                    Some(_) => format!("{}'s rating", self.rater(record.value.get("person"))),
                };
                format!("{by} for {indicator} ({year})")
            }
            Table::StageEntry => format!("The stage entry of {}", text("started_on")),
            Table::ReadinessRound => format!("The readiness round “{}”", text("title")),
            Table::ReadinessMember => format!("The readiness team member {}", text("name")),
            Table::ReadinessRating => format!("A readiness rating of {}", text("category_key")),
            Table::ReadinessSummary => format!("A team summary of {}", text("category_key")),
            Table::Document => format!("“{}”", text("title")),
            Table::Goal => format!("The goal “{}”", text("text")),
            Table::Milestone => format!("The milestone “{}”", text("milestone")),
            Table::CheckIn => format!("The check-in of {}", text("checked_on")),
            Table::ActionStep => format!("The action step “{}”", text("text")),
            Table::Attachment => format!("The attachment “{}”", text("name")),
        }
    }

    /// A value, in words and in quotes (“Developing”), or `empty`.
    fn show(&self, table: Table, field: &str, value: &Value) -> String {
        let shown = self.words(table, field, value);
        if shown == "empty" {
            shown
        } else {
            format!("“{shown}”")
        }
    }

    /// A value, in words: a level by its name, text as it is.
    fn words(&self, table: Table, field: &str, value: &Value) -> String {
        match value {
            Value::Null => "empty".to_owned(),
            Value::String(s) if s.trim().is_empty() => "empty".to_owned(),
            Value::Object(indicators) if table == Table::Adaptation && field == "wording" => {
                match indicators.len() {
                    0 => "the published wording".to_owned(),
                    1 => "its own wording of 1 indicator".to_owned(),
                    n => format!("its own wording of {n} indicators"),
                }
            }
            Value::Number(n) if table == Table::Rating && field == "level" => n
                .as_u64()
                .and_then(|n| u8::try_from(n).ok())
                .and_then(Level::new)
                .map_or_else(
                    || n.to_string(),
                    |l| self.instruments.continuum.level_name(l).to_owned(),
                ),
            Value::String(s) => {
                let mut shown: String = s.chars().take(60).collect();
                if s.chars().count() > 60 {
                    shown.push('…');
                }
                shown
            }
            other => other.to_string(),
        }
    }
}
