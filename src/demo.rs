//! The fictional sample partnership behind `--demo`, read from
//! `assets/demo/sample-partnership.toml` and written through the store.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;
use serde::Deserialize;

use crate::instrument::{Column, FieldKind, Instruments, Readiness, Worksheet};
use crate::model::{
    ActionSource, ActionStatus, ActionStep, CheckInStatus, CycleStatus, FieldValue, GoalId, Level,
    NewActionStep, NewCheckIn, NewCycle, NewDocument, NewGoal, NewMilestone, NewPartnership,
    NewPerson, NewReadinessMember, NewReadinessRound, NewStageEntry, PartnershipId, Rater,
    RatingKey, Team,
};
use crate::problem::Problem;
use crate::store::Store;

const SAMPLE: &str = include_str!("../assets/demo/sample-partnership.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sample {
    /// The model's own types where the sample needs nothing else; the
    /// others below name people, goals and worksheets by their text.
    partnership: NewPartnership,
    people: Vec<NewPerson>,
    stages: Vec<SampleStage>,
    cycles: Vec<SampleCycle>,
    #[serde(default)]
    readiness: Vec<SampleRound>,
    #[serde(default)]
    documents: Vec<SampleDocument>,
    #[serde(default)]
    goals: Vec<SampleGoal>,
    #[serde(default)]
    milestones: Vec<SampleMilestone>,
}

/// A filled worksheet: each kind of value in its own table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleDocument {
    worksheet: String,
    title: String,
    created_on: Date,
    #[serde(default)]
    text: BTreeMap<String, String>,
    #[serde(default)]
    dates: BTreeMap<String, Date>,
    #[serde(default)]
    confirmed: BTreeMap<String, Date>,
    #[serde(default)]
    rows: Vec<SampleRow>,
    #[serde(default)]
    steps: Vec<SampleStep>,
}

/// One row of a table field, its cells as text (dates and choices are read
/// as the column's type says).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleRow {
    field: String,
    cells: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleStep {
    text: String,
    owner: String,
    due_on: Date,
    status: ActionStatus,
    #[serde(default)]
    closed_on: Option<Date>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleGoal {
    text: String,
    objectives: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleMilestone {
    milestone: String,
    feedback_data: String,
    frequency: String,
    source: String,
    serves: String,
    started_on: Date,
    #[serde(default)]
    check_ins: Vec<SampleCheckIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleCheckIn {
    on: Date,
    status: CheckInStatus,
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleRound {
    title: String,
    held_on: Date,
    members: Vec<SampleMember>,
    #[serde(default)]
    summaries: Vec<SampleSummary>,
}

/// A team member's ratings: a digit per category, 0 = not rated.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleMember {
    team: Team,
    name: String,
    role: String,
    ratings: String,
    #[serde(default)]
    concerns: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleSummary {
    team: Team,
    category: String,
    concerns: String,
    strengths: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleStage {
    stage: u8,
    started_on: Date,
    note: String,
}

/// One person's ratings of a cycle: a digit per indicator, 0 = not rated.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleRater {
    person: String,
    levels: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleCycle {
    school_year: String,
    administered_on: Date,
    status: CycleStatus,
    levels: BTreeMap<String, u8>,
    #[serde(default)]
    raters: Vec<SampleRater>,
    #[serde(default)]
    notes: Vec<SampleNote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleNote {
    indicator: String,
    evidence: String,
    next_steps: String,
}

fn invalid(problem: &str) -> Problem {
    Problem {
        what: format!("The sample data that comes with PartnerPath is not valid: {problem}."),
        what_to_do: "Please report this; your own files are not affected.".to_owned(),
        path: None,
    }
}

/// Writes the sample partnership into `store` and returns its id.
pub fn write_sample(store: &mut Store, instruments: Instruments) -> Result<PartnershipId, Problem> {
    let continuum = instruments.continuum;
    let sample: Sample = toml::from_str(SAMPLE).map_err(|e| invalid(&e.to_string()))?;
    let stored = |e: crate::store::StoreError| e.problem();
    let id = store
        .create_partnership(&sample.partnership, true)
        .map_err(stored)?;
    let mut people = Vec::new();
    for person in &sample.people {
        people.push((
            person.name.as_str(),
            store.add_person(id, person).map_err(stored)?,
        ));
    }
    for stage in &sample.stages {
        let new = NewStageEntry {
            partnership_id: id,
            stage: stage.stage,
            started_on: stage.started_on,
            note: stage.note.clone(),
        };
        store.add_stage_entry(&new).map_err(stored)?;
    }
    for cycle in &sample.cycles {
        let cycle_id = store
            .create_cycle(&NewCycle {
                partnership_id: id,
                instrument_key: continuum.key.clone(),
                instrument_version: continuum.version.clone(),
                school_year: cycle.school_year.clone(),
                administered_on: cycle.administered_on,
            })
            .map_err(stored)?;
        let key = |indicator: &str| -> Result<RatingKey, Problem> {
            continuum
                .indicator(indicator)
                .ok_or_else(|| invalid(&format!("unknown indicator {indicator}")))?;
            Ok(RatingKey {
                cycle_id,
                indicator_key: indicator.to_owned(),
                rater: Rater::Consensus,
            })
        };
        for (indicator, number) in &cycle.levels {
            let level = Level::new(*number)
                .ok_or_else(|| invalid(&format!("level {number} is not 1 to 4")))?;
            store
                .set_level(&key(indicator)?, Some(level))
                .map_err(stored)?;
        }
        for rater in &cycle.raters {
            let person = people
                .iter()
                .find(|(name, _)| *name == rater.person)
                .map(|(_, person)| *person)
                .ok_or_else(|| invalid(&format!("unknown rater {}", rater.person)))?;
            if rater.levels.chars().count() != continuum.indicator_count() {
                return Err(invalid(&format!(
                    "{} needs one digit per indicator",
                    rater.person
                )));
            }
            for (indicator, digit) in continuum.indicators().zip(rater.levels.chars()) {
                let level = digit
                    .to_digit(10)
                    .and_then(|d| u8::try_from(d).ok())
                    .ok_or_else(|| invalid(&format!("{digit} is not a level")))?;
                if level == 0 {
                    continue;
                }
                let key = RatingKey {
                    rater: Rater::Person(person),
                    ..key(&indicator.key)?
                };
                let level = Level::new(level).ok_or_else(|| invalid(&format!("level {level}")))?;
                store.set_level(&key, Some(level)).map_err(stored)?;
            }
        }
        for note in &cycle.notes {
            let key = key(&note.indicator)?;
            store.set_evidence(&key, &note.evidence).map_err(stored)?;
            store
                .set_next_steps(&key, &note.next_steps)
                .map_err(stored)?;
        }
        store
            .set_cycle_status(cycle_id, cycle.status)
            .map_err(stored)?;
    }
    for round in &sample.readiness {
        write_round(store, instruments.readiness, id, round)?;
    }
    for document in &sample.documents {
        write_document(store, instruments, id, document)?;
    }
    write_monitoring(store, instruments, id, &sample.goals, &sample.milestones)?;
    Ok(id)
}

/// Reads one cell of a sample table as its column's type says.
fn cell_value(column: &Column, text: &str) -> Result<FieldValue, Problem> {
    Ok(match column.kind {
        FieldKind::Date => FieldValue::Date(Some(
            text.parse()
                .map_err(|e| invalid(&format!("{text} is not a date: {e}")))?,
        )),
        FieldKind::Choice | FieldKind::Scale if column.options.iter().any(|o| o == text) => {
            FieldValue::Choice(Some(text.to_owned()))
        }
        FieldKind::Choice | FieldKind::Scale => {
            return Err(invalid(&format!("{text} is not an option")));
        }
        FieldKind::Check => FieldValue::Check(text == "yes"),
        _ => FieldValue::Text(text.to_owned()),
    })
}

/// The values of a sample document, checked against its worksheet.
fn document_values(
    sheet: &Worksheet,
    sample: &SampleDocument,
) -> Result<Vec<(String, FieldValue)>, Problem> {
    let field = |key: &str, kinds: &[FieldKind]| {
        sheet
            .field(key)
            .filter(|f| kinds.contains(&f.kind))
            .ok_or_else(|| invalid(&format!("{key} is not a {kinds:?} field of {}", sheet.key)))
    };
    let mut values: Vec<(String, FieldValue)> = Vec::new();
    for (key, text) in &sample.text {
        field(
            key,
            &[
                FieldKind::ShortText,
                FieldKind::LongText,
                FieldKind::SchoolYear,
            ],
        )?;
        values.push((key.clone(), FieldValue::Text(text.clone())));
    }
    for (key, date) in &sample.dates {
        field(key, &[FieldKind::Date])?;
        values.push((key.clone(), FieldValue::Date(Some(*date))));
    }
    for (key, date) in &sample.confirmed {
        field(key, &[FieldKind::YesNoDate])?;
        let value = FieldValue::YesNoDate {
            confirmed: true,
            on: Some(*date),
        };
        values.push((key.clone(), value));
    }
    let mut tables: BTreeMap<&str, Vec<BTreeMap<String, FieldValue>>> = BTreeMap::new();
    for row in &sample.rows {
        let table = field(&row.field, &[FieldKind::Table])?;
        let mut cells = BTreeMap::new();
        for (key, text) in &row.cells {
            let column = table
                .columns
                .iter()
                .find(|c| c.key == *key)
                .ok_or_else(|| invalid(&format!("{key} is not a column of {}", row.field)))?;
            cells.insert(key.clone(), cell_value(column, text)?);
        }
        tables.entry(row.field.as_str()).or_default().push(cells);
    }
    for (key, rows) in tables {
        values.push((key.to_owned(), FieldValue::Rows(rows)));
    }
    Ok(values)
}

fn write_document(
    store: &mut Store,
    instruments: Instruments,
    partnership: PartnershipId,
    sample: &SampleDocument,
) -> Result<(), Problem> {
    let stored = |e: crate::store::StoreError| e.problem();
    let sheet = instruments
        .worksheet(&sample.worksheet)
        .ok_or_else(|| invalid(&format!("unknown worksheet {}", sample.worksheet)))?;
    let values = document_values(sheet, sample)?;
    let document = store
        .create_document(&NewDocument {
            partnership_id: partnership,
            instrument_key: sheet.key.clone(),
            instrument_version: sheet.version.clone(),
            title: sample.title.clone(),
            created_on: sample.created_on,
        })
        .map_err(stored)?;
    for (key, value) in values {
        store
            .set_document_value(document, &key, &value, sample.created_on)
            .map_err(stored)?;
    }
    let raised_on = sample
        .dates
        .get(crate::model::MEETING_DATE)
        .copied()
        .unwrap_or(sample.created_on);
    for step in &sample.steps {
        let status = step.status;
        let new = NewActionStep {
            partnership_id: partnership,
            text: step.text.clone(),
            owner: step.owner.clone(),
            due_on: Some(step.due_on),
            source: ActionSource::Meeting(document),
            raised_on,
        };
        let id = store.add_action_step(&new).map_err(stored)?;
        if status != ActionStatus::Open {
            let closed = ActionStep {
                id,
                partnership_id: partnership,
                text: new.text,
                owner: new.owner,
                due_on: new.due_on,
                status,
                source: new.source,
                raised_on,
                closed_on: step.closed_on,
            };
            store.update_action_step(&closed).map_err(stored)?;
        }
    }
    Ok(())
}

fn write_monitoring(
    store: &mut Store,
    instruments: Instruments,
    partnership: PartnershipId,
    goals: &[SampleGoal],
    milestones: &[SampleMilestone],
) -> Result<(), Problem> {
    let stored = |e: crate::store::StoreError| e.problem();
    let mut ids: Vec<(String, GoalId)> = Vec::new();
    for goal in goals {
        let new = NewGoal {
            partnership_id: partnership,
            goal: None,
            text: goal.text.clone(),
        };
        let id = store.add_goal(&new).map_err(stored)?;
        ids.push((goal.text.clone(), id));
        for objective in &goal.objectives {
            let new = NewGoal {
                partnership_id: partnership,
                goal: Some(id),
                text: objective.clone(),
            };
            ids.push((objective.clone(), store.add_goal(&new).map_err(stored)?));
        }
    }
    for milestone in milestones {
        if instruments
            .monitoring
            .frequency(&milestone.frequency)
            .is_none()
        {
            return Err(invalid(&format!(
                "unknown frequency {}",
                milestone.frequency
            )));
        }
        let serves = ids
            .iter()
            .find(|(text, _)| *text == milestone.serves)
            .map(|(_, id)| *id)
            .ok_or_else(|| invalid(&format!("no goal or objective {}", milestone.serves)))?;
        let new = NewMilestone {
            partnership_id: partnership,
            milestone: milestone.milestone.clone(),
            feedback_data: milestone.feedback_data.clone(),
            frequency: milestone.frequency.clone(),
            source: milestone.source.clone(),
            serves: Some(serves),
            started_on: milestone.started_on,
        };
        let id = store.add_milestone(&new).map_err(stored)?;
        for check_in in &milestone.check_ins {
            let status = check_in.status;
            let new = NewCheckIn {
                milestone_id: id,
                on: check_in.on,
                status,
                note: check_in.note.clone(),
            };
            store.add_check_in(&new).map_err(stored)?;
        }
    }
    Ok(())
}

fn write_round(
    store: &mut Store,
    tool: &Readiness,
    partnership: PartnershipId,
    round: &SampleRound,
) -> Result<(), Problem> {
    let stored = |e: crate::store::StoreError| e.problem();
    let category = |key: &str| {
        tool.categories
            .iter()
            .any(|c| c.key == key)
            .then_some(key.to_owned())
            .ok_or_else(|| invalid(&format!("unknown readiness category {key}")))
    };
    let round_id = store
        .create_readiness_round(&NewReadinessRound {
            partnership_id: partnership,
            title: round.title.clone(),
            held_on: round.held_on,
            instrument_key: tool.key.clone(),
            instrument_version: tool.version.clone(),
        })
        .map_err(stored)?;
    for member in &round.members {
        let id = store
            .add_readiness_member(&NewReadinessMember {
                round_id,
                team: member.team,
                name: member.name.clone(),
                role: member.role.clone(),
            })
            .map_err(stored)?;
        if member.ratings.chars().count() != tool.categories.len() {
            return Err(invalid(&format!(
                "{} needs one digit per category",
                member.name
            )));
        }
        for (cat, digit) in tool.categories.iter().zip(member.ratings.chars()) {
            let rating = digit
                .to_digit(10)
                .and_then(|d| u8::try_from(d).ok())
                .filter(|d| *d <= 4)
                .ok_or_else(|| invalid(&format!("{digit} is not a rating")))?;
            if rating > 0 {
                store
                    .set_readiness_rating(id, &cat.key, Some(rating))
                    .map_err(stored)?;
            }
        }
        for (key, text) in &member.concerns {
            store
                .set_readiness_concerns(id, &category(key)?, text)
                .map_err(stored)?;
        }
    }
    for summary in &round.summaries {
        let (team, key) = (summary.team, category(&summary.category)?);
        store
            .set_team_concerns(round_id, team, &key, &summary.concerns)
            .map_err(stored)?;
        store
            .set_team_strengths(round_id, team, &key, &summary.strengths)
            .map_err(stored)?;
    }
    Ok(())
}

/// Makes a fresh sample database at `path`, replacing an earlier sample there.
/// A file at `path` that holds anything but sample data is left alone.
pub fn create_sample_database(path: &Path, instruments: Instruments) -> Result<Store, Problem> {
    let mut store = fresh_sample_file(path)?;
    write_sample(&mut store, instruments)?;
    Ok(store)
}

/// An empty database at `path` for sample data, after removing an earlier
/// sample there; a file holding anything but sample data is left alone.
pub fn fresh_sample_file(path: &Path) -> Result<Store, Problem> {
    if path.exists() {
        let existing = Store::open(path).map_err(|e| e.problem())?;
        let summaries = existing.partnership_summaries().map_err(|e| e.problem())?;
        if summaries.iter().any(|s| !s.partnership.is_sample) {
            return Err(Problem {
                what: "The sample file holds partnerships that are not sample data, so it was not replaced.".to_owned(),
                what_to_do: "Open that file with File > Open… to keep working with it, or move it elsewhere.".to_owned(),
                path: Some(path.to_path_buf()),
            });
        }
        drop(existing);
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let mut file = path.as_os_str().to_owned();
            file.push(suffix);
            match std::fs::remove_file(&file) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(Problem {
                        what: format!("The earlier sample file could not be replaced ({e})."),
                        what_to_do: "Close other PartnerPath windows and try again.".to_owned(),
                        path: Some(path.to_path_buf()),
                    });
                }
            }
        }
    }
    Store::open(path).map_err(|e| e.problem())
}
