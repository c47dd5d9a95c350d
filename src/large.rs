//! A large, realistic database for measuring speed: 60 partnerships, one of
//! them with 25 continuum cycles (12 raters each), 10 readiness rounds, 100
//! quarterly meetings with 600 action steps, and 40 monitored milestones.
//! Deterministic: the same seed always writes the same data.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::{Date, date};

use crate::instrument::{CONTRACT_SUPPLEMENT, Continuum, Instruments, QUARTERLY_MEETING};
use crate::model::{
    ActionSource, ActionStatus, ActionStep, ActionStepFields, AdaptationFields, CheckInFields,
    CheckInStatus, CycleFields, CycleStatus, DocumentFields, FieldValue, GoalFields, Level,
    MilestoneFields, NewActionStep, NewAdaptation, NewCheckIn, NewCycle, NewDocument, NewGoal,
    NewMilestone, NewPartnership, NewPerson, NewReadinessMember, NewReadinessRound, NewStageEntry,
    Part, PartnerKind, PartnershipId, PersonId, Rater, RatingKey, ReadinessMemberFields,
    ReadinessRoundFields, SchoolYear, Side, StageEntryFields, Team,
};
use crate::problem::{Doing, Problem};
use partnerpath_store::{Store, StoreError};

/// How much the big partnership holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub partnerships: usize,
    pub cycles: usize,
    pub raters: usize,
    pub rounds: usize,
    pub meetings: usize,
    pub steps_per_meeting: usize,
    pub milestones: usize,
}

impl Shape {
    /// The shape the benchmarks and budgets are stated for.
    pub const LARGE: Shape = Shape {
        partnerships: 60,
        cycles: 25,
        raters: 12,
        rounds: 10,
        meetings: 100,
        steps_per_meeting: 6,
        milestones: 40,
    };

    /// The large shape with another number of cycles (for growth series).
    pub fn with_cycles(cycles: usize) -> Shape {
        Shape {
            cycles,
            ..Shape::LARGE
        }
    }
}

/// The name of the big partnership.
pub const BIG: &str = "Large test partnership (generated)";

const WORDS: [&str; 24] = [
    "residents",
    "mentors",
    "principals",
    "retention",
    "data",
    "schedule",
    "budget",
    "goals",
    "meetings",
    "minutes",
    "survey",
    "stipends",
    "training",
    "observation",
    "reports",
    "hiring",
    "agreement",
    "protocol",
    "families",
    "students",
    "coaching",
    "literacy",
    "placements",
    "review",
];

fn sentence(rng: &mut fastrand::Rng, words: usize) -> String {
    let mut text: Vec<&str> = (0..words)
        .map(|_| WORDS[rng.usize(..WORDS.len())])
        .collect();
    if let Some(first) = text.first_mut() {
        *first = match *first {
            "data" => "Data",
            "goals" => "Goals",
            _ => "Partners",
        };
    }
    format!("{}.", text.join(" "))
}

/// Writes a fresh large database at `path` (refusing a file that holds
/// anything but sample data) and returns the big partnership's id.
pub fn create(
    path: &Path,
    instruments: Instruments,
    shape: Shape,
    seed: u64,
) -> Result<PartnershipId, Problem> {
    let mut store = crate::demo::fresh_sample_file(path)?;
    store
        .batch(|store| write(store, instruments, shape, seed))
        .map_err(|e| Problem::store(&e, Doing::Saving))
}

fn write(
    store: &mut Store,
    instruments: Instruments,
    shape: Shape,
    seed: u64,
) -> Result<PartnershipId, StoreError> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let continuum = instruments.continuum;
    let keys: Vec<String> = continuum.indicators().map(|i| i.key.clone()).collect();
    let mut big = None;
    for index in 0..shape.partnerships {
        let is_big = index == 0;
        let name = if is_big {
            BIG.to_owned()
        } else {
            format!(
                "District {index:02} & Partner {:02} (generated)",
                (index * 7) % 60
            )
        };
        let id = store.create_partnership(
            &NewPartnership {
                archived: false,
                name,
                district: format!("District {index:02}"),
                partner_organisation: format!("Partner organisation {index:02}"),
                partner_kind: PartnerKind::ALL[index % PartnerKind::ALL.len()],
                start_date: Some(date(2000, 8, 1)),
                notes: sentence(&mut rng, 12),
            },
            true,
        )?;
        let (cycles, raters) = if is_big {
            (shape.cycles, shape.raters)
        } else {
            (1 + index % 3, 3)
        };
        let sides = [Side::District, Side::Partner, Side::School];
        let people: Vec<PersonId> = (0..raters)
            .map(|r| {
                store.add_person(
                    id,
                    &NewPerson {
                        name: format!("Person {r:02} of {index:02}"),
                        side: sides[r % sides.len()],
                        role: "Member".to_owned(),
                    },
                )
            })
            .collect::<Result<_, _>>()?;
        // The big partnership adapted the wording for its last two years:
        // version 1, then version 2.
        let adapted = if is_big {
            adapt(store, continuum, id, &mut rng)?
        } else {
            Vec::new()
        };
        // Cycles run back from 2025–26, one a school year.
        for c in 0..cycles {
            let start = 2025 - i16::try_from(cycles - 1 - c).unwrap_or(0);
            let on = date(start, 10, 1 + small::<i8>(c % 20));
            let (key, version) = rated_with(instruments, is_big, &adapted, c, cycles);
            let cycle = store.create_cycle(&NewCycle {
                partnership_id: id,
                fields: CycleFields {
                    status: CycleStatus::Draft,
                    hidden: false,
                    instrument_key: key,
                    instrument_version: version,
                    school_year: SchoolYear::containing(on).label(),
                    administered_on: on,
                },
            })?;
            let base = 1 + small::<u8>(c * 3 / cycles.max(1));
            for key in &keys {
                let consensus = RatingKey {
                    cycle_id: cycle,
                    indicator_key: key.clone(),
                    rater: Rater::Consensus,
                };
                let level = Level::new((base + rng.u8(0..2)).min(4));
                store.set_level(&consensus, level)?;
                if rng.u8(0..3) == 0 {
                    store.set_evidence(&consensus, &sentence(&mut rng, 14))?;
                    store.set_next_steps(&consensus, &sentence(&mut rng, 8))?;
                }
                for person in &people {
                    let key = RatingKey {
                        rater: Rater::Person(*person),
                        ..consensus.clone()
                    };
                    let spread = rng.u8(0..3);
                    let level = Level::new((base + spread).clamp(1, 4));
                    store.set_level(&key, level)?;
                }
            }
            if c + 1 < cycles {
                store.set_cycle_status(cycle, CycleStatus::Final)?;
            }
        }
        if is_big {
            big = Some(id);
            write_big_extras(store, instruments, id, shape, &mut rng)?;
        }
    }
    big.ok_or_else(|| StoreError::Other {
        path: store.path().to_path_buf(),
        detail: "no partnerships were asked for".to_owned(),
    })
}

/// The continuum (key and version) cycle `c` of `cycles` is rated with:
/// the big partnership rated a stretch of its middle years with the 2018
/// version, as a district that switched would have, and its last years
/// with the versions of its own adaptation (`adapted`).
fn rated_with(
    instruments: Instruments,
    is_big: bool,
    adapted: &[String],
    c: usize,
    cycles: usize,
) -> (String, String) {
    let continuum = instruments.continuum;
    let published = if is_big && (cycles / 3..cycles / 2).contains(&c) {
        instruments.continuums.get(1).unwrap_or(continuum)
    } else {
        continuum
    };
    let from_end = cycles - c;
    let version = match adapted
        .len()
        .checked_sub(from_end)
        .and_then(|i| adapted.get(i))
    {
        Some(version) => version.clone(),
        None => published.version.clone(),
    };
    (published.key.clone(), version)
}

/// Two versions of the big partnership's adaptation of `continuum`, each
/// with Shared Goals' third level and Advocacy's criteria in its own words;
/// returns the versions its cycles name.
fn adapt(
    store: &mut Store,
    continuum: &Continuum,
    id: PartnershipId,
    rng: &mut fastrand::Rng,
) -> Result<Vec<String>, StoreError> {
    let mut fields = AdaptationFields {
        lineage: uuid::Uuid::from_u128(rng.u128(..)),
        ..AdaptationFields::first(continuum, "Big district's rubric", date(2024, 8, 1))
    };
    let mut versions = Vec::new();
    for number in 1..=2 {
        fields.number = number;
        fields.version_id = uuid::Uuid::from_u128(rng.u128(..));
        fields.wording = fields.with(
            continuum,
            "shared-goals",
            Part::Level(Level::ALL[2]),
            vec![sentence(rng, 20)],
        );
        fields.wording = fields.with(
            continuum,
            "advocacy",
            Part::Criteria,
            vec![sentence(rng, 16)],
        );
        store.add_adaptation(&NewAdaptation {
            partnership_id: id,
            fields: fields.clone(),
        })?;
        versions.push(fields.instrument_version());
    }
    Ok(versions)
}

#[expect(
    clippy::too_many_lines,
    reason = "writes every kind of record of the big partnership in turn, each a short loop, seeded in one order so the same seed gives the same file"
)]
fn write_big_extras(
    store: &mut Store,
    instruments: Instruments,
    id: PartnershipId,
    shape: Shape,
    rng: &mut fastrand::Rng,
) -> Result<(), StoreError> {
    for (n, stage) in [0u8, 1, 2, 3, 4, 5, 2, 3, 4, 5, 1, 2, 3]
        .into_iter()
        .enumerate()
    {
        store.add_stage_entry(&NewStageEntry {
            partnership_id: id,
            fields: StageEntryFields {
                stage,
                started_on: date(2001 + 2 * small::<i16>(n), 3, 1),
                note: sentence(rng, 8),
            },
        })?;
    }
    let tool = instruments.readiness;
    for round in 0..shape.rounds {
        let round_id = store.create_readiness_round(&NewReadinessRound {
            partnership_id: id,
            fields: ReadinessRoundFields {
                title: format!("Readiness round {}", round + 1),
                held_on: date(2001 + 2 * small::<i16>(round), 5, 10),
                instrument_key: tool.key.clone(),
                instrument_version: tool.version.clone(),
            },
        })?;
        for (m, team) in [Team::District, Team::Partner]
            .iter()
            .cycle()
            .take(8)
            .enumerate()
        {
            let member = store.add_readiness_member(&NewReadinessMember {
                round_id,
                fields: ReadinessMemberFields {
                    team: *team,
                    name: format!("Member {m}"),
                    role: String::new(),
                },
            })?;
            for category in &tool.categories {
                store.set_readiness_rating(member, &category.key, Some(1 + rng.u8(0..4)))?;
                if rng.bool() {
                    store.set_readiness_concerns(member, &category.key, &sentence(rng, 10))?;
                }
            }
        }
    }
    if let Some(sheet) = instruments.worksheet(CONTRACT_SUPPLEMENT) {
        let document = store.create_document(&NewDocument {
            partnership_id: id,
            fields: DocumentFields {
                instrument_key: sheet.key.clone(),
                instrument_version: sheet.version.clone(),
                title: "Contract Supplement".to_owned(),
                created_on: date(2001, 7, 1),
            },
        })?;
        for field in sheet.fields() {
            if field.kind == crate::instrument::FieldKind::LongText {
                store.set_document_value(
                    document,
                    &field.key,
                    &FieldValue::Text(sentence(rng, 30)),
                    date(2001, 7, 1),
                )?;
            }
        }
    }
    // The guidebook's reflection, once a school year like the cycles, so
    // that it is seen over as many years.
    if let Some(sheet) = instruments.worksheet("nea-strengthening-reflection") {
        for c in 0..shape.cycles {
            let start = 2025 - i16::try_from(shape.cycles - 1 - c).unwrap_or(0);
            let on = date(start + 1, 6, 1);
            let title = NewDocument::title_for(sheet, on);
            let document = store.create_document(&NewDocument::of(sheet, id, title, on))?;
            for field in sheet.fields() {
                let FieldValue::Rows(mut rows) = FieldValue::initial(field) else {
                    continue;
                };
                // The scale's points as the worksheet lists them, rising
                // over the years.
                let Some(scale) = field
                    .columns
                    .iter()
                    .find(|c| c.kind == crate::instrument::FieldKind::Scale)
                else {
                    continue;
                };
                let points = scale.options.len();
                for row in &mut rows {
                    let rise = c * points / shape.cycles.max(1) + rng.usize(0..2);
                    let point = points.saturating_sub(1 + rise.min(points.saturating_sub(1)));
                    row.insert(
                        scale.key.clone(),
                        FieldValue::Choice(scale.options.get(point).cloned()),
                    );
                }
                store.set_document_value(document, &field.key, &FieldValue::Rows(rows), on)?;
            }
        }
    }
    let meeting_sheet = instruments.worksheet(QUARTERLY_MEETING);
    let first_meeting = date(2001, 9, 15);
    for m in 0..shape.meetings {
        let Some(sheet) = meeting_sheet else { break };
        let on = first_meeting
            .checked_add(jiff::Span::new().months(3 * small::<i64>(m)))
            .unwrap_or(first_meeting);
        let document = store.create_document(&NewDocument {
            partnership_id: id,
            fields: DocumentFields {
                instrument_key: sheet.key.clone(),
                instrument_version: sheet.version.clone(),
                title: format!("Quarterly meeting {}", m + 1),
                created_on: on,
            },
        })?;
        store.set_document_value(document, "meeting_date", &FieldValue::Date(Some(on)), on)?;
        let attendees = ["District", "Partner", "School"]
            .iter()
            .map(|side| {
                let mut row = BTreeMap::new();
                row.insert("name".to_owned(), FieldValue::Text(format!("{side} lead")));
                row.insert(
                    "side".to_owned(),
                    FieldValue::Choice(Some((*side).to_owned())),
                );
                row
            })
            .collect();
        store.set_document_value(document, "attendees", &FieldValue::Rows(attendees), on)?;
        for field in sheet.fields().filter(|f| f.key.starts_with("question_")) {
            store.set_document_value(
                document,
                &field.key,
                &FieldValue::Text(sentence(rng, 16)),
                on,
            )?;
        }
        for s in 0..shape.steps_per_meeting {
            let due = on
                .checked_add(jiff::Span::new().days(30 + 10 * small::<i64>(s)))
                .unwrap_or(on);
            let fields = ActionStepFields {
                text: sentence(rng, 9),
                owner: format!("Person {:02} of 00", s % 12),
                due_on: Some(due),
                status: ActionStatus::Open,
                raised_on: on,
                closed_on: None,
            };
            let step_id = store.add_action_step(&NewActionStep {
                partnership_id: id,
                source: ActionSource::Meeting(document),
                fields: fields.clone(),
            })?;
            // Most steps are closed a meeting or two later; some stay open.
            if rng.u8(0..10) > 0 {
                let closed_on = due.checked_add(jiff::Span::new().days(60)).unwrap_or(due);
                let status = if rng.u8(0..5) == 0 {
                    ActionStatus::Dropped
                } else {
                    ActionStatus::Done
                };
                store.update_action_step(&ActionStep {
                    id: step_id,
                    partnership_id: id,
                    source: ActionSource::Meeting(document),
                    fields: ActionStepFields {
                        status,
                        closed_on: Some(closed_on),
                        ..fields
                    },
                })?;
            }
        }
    }
    let goal = store.add_goal(&NewGoal {
        partnership_id: id,
        goal: None,
        fields: GoalFields {
            text: "Keep the teachers we prepare".to_owned(),
        },
    })?;
    let frequencies = &instruments.monitoring.frequencies;
    for m in 0..shape.milestones {
        let started = date(2020, 1 + small::<i8>(m % 12), 1);
        let milestone = store.add_milestone(&NewMilestone {
            partnership_id: id,
            serves: Some(goal),
            fields: MilestoneFields {
                feedback_data: sentence(rng, 4),
                source: "District HR".to_owned(),
                ..MilestoneFields::new(
                    format!("Milestone {}: {}", m + 1, sentence(rng, 5)),
                    frequencies[m % frequencies.len()].key.clone(),
                    started,
                )
            },
        })?;
        for c in 0..(3 + m % 6) {
            let on: Date = started
                .checked_add(jiff::Span::new().months(3 * small::<i64>(c) + 3))
                .unwrap_or(started);
            let status = [CheckInStatus::NotYet, CheckInStatus::Progressing][c % 2];
            store.add_check_in(&NewCheckIn {
                milestone_id: milestone,
                fields: CheckInFields {
                    on,
                    status,
                    note: sentence(rng, 6),
                },
            })?;
        }
    }
    Ok(())
}

/// A count of the generated data as a smaller integer (they are all small;
/// one that did not fit would give zero rather than wrap).
fn small<T: TryFrom<usize> + Default>(n: usize) -> T {
    T::try_from(n).unwrap_or_default()
}
