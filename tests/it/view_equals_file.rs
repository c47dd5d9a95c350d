//! The partnership in memory equals the one in the file after every edit.
//! Proptest draws random sequences of edits over a partnership with people,
//! cycles (one marked final), ratings, a readiness round, documents, goals,
//! milestones, check-ins, action steps, stages and an adaptation of the
//! continuum, plus a second partnership
//! whose records the edits may also touch. After each edit the session's
//! view must equal the partnership loaded afresh from the file, and an edit
//! that is refused (an empty name, a final cycle) or that the file rejects
//! (a record that is gone) must change nothing at all. The same runs on a
//! PostgreSQL server.

use jiff::civil::{Date, date};
use partnerpath::instrument::{CONTRACT_SUPPLEMENT, Instruments, QUARTERLY_MEETING};
use partnerpath::model::exchange::{self, Exchange};
use partnerpath::model::{
    ActionSource, ActionStatus, ActionStepFields, AdaptationFields, AttachedTo, AttachmentFields,
    CheckInFields, CheckInStatus, Command, CycleFields, CycleId, CycleStatus, DocumentFields,
    DocumentId, FieldValue, Fingerprint, GoalFields, GoalId, Level, MilestoneFields, MilestoneId,
    NewActionStep, NewAdaptation, NewAttachment, NewCheckIn, NewCycle, NewDocument, NewGoal,
    NewMilestone, NewPartnership, NewPerson, NewReadinessMember, NewReadinessRound, NewStageEntry,
    Outcome, Part, PartnershipId, PartnershipView, PersonId, Rater, RatingKey,
    ReadinessMemberFields, ReadinessMemberId, ReadinessRoundFields, ReadinessRoundId, Side,
    StageEntryFields, Team,
};
use partnerpath::model::{DeletedKind, RemovedId};
use partnerpath::session::{ExportScope, Session};
use partnerpath_store::Store;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use crate::support::TestDatabase;

/// Texts the edits type: empty and blank ones are refused as names.
const TEXTS: [&str; 6] = [
    "",
    "   ",
    "Ana Ruiz",
    "Minutes of the *October* meeting",
    "#note [1] $x$ <b>",
    "Übergang – ok",
];
const INDICATORS: [&str; 3] = ["shared-goals", "mutual-benefit", "decision-making"];
const CATEGORIES: [&str; 2] = ["alignment", "resources"];
const SIDES: [Side; 4] = [Side::District, Side::Partner, Side::School, Side::Other];
/// An id no record has: edits naming it are rejected by the file.
const GONE: i64 = 999_999;

/// One drawn edit: which kind, and numbers that choose its records and
/// values from what the partnership holds at that moment.
#[derive(Debug, Clone, Copy)]
struct Draw {
    kind: usize,
    a: u8,
    b: u8,
    c: u8,
    text: usize,
    flag: bool,
}

/// The kinds of edit, one per `Command` variant. The enum and the list
/// `KINDS` are one declaration, so a kind cannot be left out of the draws;
/// `kind_of` is an exhaustive match on `Command`, so a new `Command` does not
/// compile until it has a kind; and `command` is an exhaustive match on
/// `Kind`, so a new kind does not compile until it is generated.
macro_rules! kinds {
    ($($kind:ident),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Kind {
            $($kind),*
        }
        const KINDS: &[Kind] = &[$(Kind::$kind),*];
    };
}

kinds!(
    CreatePartnership,
    UpdatePartnership,
    SetArchived,
    DeletePartnership,
    AddPerson,
    UpdatePerson,
    DeletePerson,
    CreateCycle,
    SetCycleStatus,
    SetCycleHidden,
    DeleteCycle,
    SetLevel,
    SetEvidence,
    SetNextSteps,
    AddStageEntry,
    UpdateStageEntry,
    DeleteStageEntry,
    CreateReadinessRound,
    UpdateReadinessRound,
    DeleteReadinessRound,
    AddReadinessMember,
    UpdateReadinessMember,
    DeleteReadinessMember,
    SetReadinessRating,
    SetReadinessConcerns,
    SetTeamConcerns,
    SetTeamStrengths,
    CreateDocument,
    RenameDocument,
    SetDocumentValue,
    DeleteDocument,
    AddActionStep,
    UpdateActionStep,
    DeleteActionStep,
    AddGoal,
    UpdateGoal,
    DeleteGoal,
    AddMilestone,
    UpdateMilestone,
    DeleteMilestone,
    AddCheckIn,
    DeleteCheckIn,
    AddAdaptation,
    UpdateAdaptation,
    DeleteAdaptation,
    AddAttachment,
    DeleteAttachment,
    DeleteAdaptationVersion,
    UnmakeCycle,
    Restore,
    Reinstate,
    RemoveAgain,
);

/// Draws past the kinds of edit are Undo and Redo, one in eight draws.
const STEPS: usize = 8;

/// The kind of `command`.
fn kind_of(command: &Command) -> Kind {
    match command {
        Command::CreatePartnership(..) => Kind::CreatePartnership,
        Command::UpdatePartnership(..) => Kind::UpdatePartnership,
        Command::SetArchived(..) => Kind::SetArchived,
        Command::DeletePartnership(..) => Kind::DeletePartnership,
        Command::AddPerson(..) => Kind::AddPerson,
        Command::UpdatePerson(..) => Kind::UpdatePerson,
        Command::DeletePerson(..) => Kind::DeletePerson,
        Command::CreateCycle(..) => Kind::CreateCycle,
        Command::SetCycleStatus(..) => Kind::SetCycleStatus,
        Command::SetCycleHidden(..) => Kind::SetCycleHidden,
        Command::DeleteCycle(..) => Kind::DeleteCycle,
        Command::SetLevel(..) => Kind::SetLevel,
        Command::SetEvidence(..) => Kind::SetEvidence,
        Command::SetNextSteps(..) => Kind::SetNextSteps,
        Command::AddStageEntry(..) => Kind::AddStageEntry,
        Command::UpdateStageEntry(..) => Kind::UpdateStageEntry,
        Command::DeleteStageEntry(..) => Kind::DeleteStageEntry,
        Command::CreateReadinessRound(..) => Kind::CreateReadinessRound,
        Command::UpdateReadinessRound(..) => Kind::UpdateReadinessRound,
        Command::DeleteReadinessRound(..) => Kind::DeleteReadinessRound,
        Command::AddReadinessMember(..) => Kind::AddReadinessMember,
        Command::UpdateReadinessMember(..) => Kind::UpdateReadinessMember,
        Command::DeleteReadinessMember(..) => Kind::DeleteReadinessMember,
        Command::SetReadinessRating(..) => Kind::SetReadinessRating,
        Command::SetReadinessConcerns(..) => Kind::SetReadinessConcerns,
        Command::SetTeamConcerns(..) => Kind::SetTeamConcerns,
        Command::SetTeamStrengths(..) => Kind::SetTeamStrengths,
        Command::CreateDocument(..) => Kind::CreateDocument,
        Command::RenameDocument(..) => Kind::RenameDocument,
        Command::SetDocumentValue(..) => Kind::SetDocumentValue,
        Command::DeleteDocument(..) => Kind::DeleteDocument,
        Command::AddActionStep(..) => Kind::AddActionStep,
        Command::UpdateActionStep(..) => Kind::UpdateActionStep,
        Command::DeleteActionStep(..) => Kind::DeleteActionStep,
        Command::AddGoal(..) => Kind::AddGoal,
        Command::UpdateGoal(..) => Kind::UpdateGoal,
        Command::DeleteGoal(..) => Kind::DeleteGoal,
        Command::AddMilestone(..) => Kind::AddMilestone,
        Command::UpdateMilestone(..) => Kind::UpdateMilestone,
        Command::DeleteMilestone(..) => Kind::DeleteMilestone,
        Command::AddCheckIn(..) => Kind::AddCheckIn,
        Command::DeleteCheckIn(..) => Kind::DeleteCheckIn,
        Command::AddAdaptation(..) => Kind::AddAdaptation,
        Command::UpdateAdaptation(..) => Kind::UpdateAdaptation,
        Command::DeleteAdaptation(..) => Kind::DeleteAdaptation,
        Command::AddAttachment(..) => Kind::AddAttachment,
        Command::DeleteAttachment(..) => Kind::DeleteAttachment,
        Command::DeleteAdaptationVersion(..) => Kind::DeleteAdaptationVersion,
        Command::UnmakeCycle(..) => Kind::UnmakeCycle,
        Command::Restore(..) => Kind::Restore,
        Command::Reinstate(..) => Kind::Reinstate,
        Command::RemoveAgain(..) => Kind::RemoveAgain,
    }
}

fn draws() -> impl Strategy<Value = Vec<Draw>> {
    let draw = (
        0..KINDS.len() + STEPS,
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        0..TEXTS.len(),
        any::<bool>(),
    )
        .prop_map(|(kind, a, b, c, text, flag)| Draw {
            kind,
            a,
            b,
            c,
            text,
            flag,
        });
    proptest::collection::vec(draw, 1..25)
}

fn day(n: u8) -> Date {
    date(
        2016 + i16::from(n % 10),
        1 + i8::try_from(n % 12).unwrap_or(0),
        1 + i8::try_from(n % 28).unwrap_or(0),
    )
}

/// The content of the file the seed keeps, which file attachments name.
const MINUTES: &[u8] = b"%PDF-1.4 minutes of the October meeting";

/// A file attachment of `MINUTES` (`size` other than its own is refused
/// only when over 100 MB), or a link to `address`.
fn evidence(name: String, file: bool, address: &str, on: Date) -> AttachmentFields {
    AttachmentFields {
        name,
        address: (!file).then(|| address.to_owned()),
        hash: file.then(|| Fingerprint::of(MINUTES)),
        size: file.then(|| i64::try_from(MINUTES.len()).unwrap_or_default()),
        added_by: "ana".into(),
        added_on: on,
    }
}

/// The `n`-th of `items` (wrapping), if there are any.
fn pick<T: Clone>(items: &[T], n: u8) -> Option<T> {
    (!items.is_empty()).then(|| items[usize::from(n) % items.len()].clone())
}

/// The file with the partnership edited (returned) and another one.
fn seed(path: &std::path::Path) -> (PartnershipId, PartnershipId) {
    let mut store = Store::open(path).expect("open");
    seed_store(&mut store)
}

/// The same, in an open store (a file or a server).
#[expect(
    clippy::too_many_lines,
    reason = "the seed: one of every kind of record, in the order their references need"
)]
fn seed_store(store: &mut Store) -> (PartnershipId, PartnershipId) {
    store
        .batch(|s| {
            s.put_file(&Fingerprint::of(MINUTES), MINUTES)?;
            let mut made = |command: Command| s.apply(&command);
            let new = |name: &str| NewPartnership {
                name: name.into(),
                district: "Oak SD".into(),
                ..NewPartnership::default()
            };
            let Outcome::PartnershipCreated(here) =
                made(Command::CreatePartnership(new("Oak & Elm")))?
            else {
                unreachable!()
            };
            let Outcome::PartnershipCreated(other) =
                made(Command::CreatePartnership(new("Pine & Ash")))?
            else {
                unreachable!()
            };
            let person = |name: &str, side| NewPerson {
                name: name.into(),
                side,
                role: "Lead".into(),
            };
            made(Command::AddPerson(here, person("Ana", Side::District)))?;
            made(Command::AddPerson(here, person("Bo", Side::Partner)))?;
            made(Command::AddPerson(other, person("Cy", Side::District)))?;
            for (partnership, year) in [(here, 2023), (here, 2024), (other, 2024)] {
                let Outcome::CycleCreated(cycle) = made(Command::CreateCycle(NewCycle {
                    partnership_id: partnership,
                    fields: CycleFields {
                        status: CycleStatus::Draft,
                        hidden: false,
                        instrument_key: "wbt-continuum".into(),
                        instrument_version: "2017-10".into(),
                        school_year: format!("{year}–{}", year - 1999),
                        administered_on: date(year, 10, 1),
                    },
                }))?
                else {
                    unreachable!()
                };
                for indicator in INDICATORS {
                    let key = RatingKey {
                        cycle_id: cycle,
                        indicator_key: indicator.into(),
                        rater: Rater::Consensus,
                    };
                    made(Command::SetLevel(key.clone(), Level::new(2)))?;
                    made(Command::SetEvidence(key, "Agendas".into()))?;
                }
                made(Command::AddAttachment(NewAttachment {
                    partnership_id: partnership,
                    to: AttachedTo::Indicator(cycle, "decision-making".into()),
                    fields: evidence(
                        "Minutes.pdf".into(),
                        year == 2023,
                        "https://drive.example.org/m",
                        date(year, 10, 2),
                    ),
                }))?;
                if year == 2023 {
                    made(Command::SetCycleStatus(cycle, CycleStatus::Final))?;
                }
            }
            let Outcome::ReadinessRoundCreated(round) =
                made(Command::CreateReadinessRound(NewReadinessRound {
                    partnership_id: here,
                    fields: ReadinessRoundFields {
                        title: "Spring".into(),
                        held_on: date(2024, 3, 1),
                        instrument_key: "readiness".into(),
                        instrument_version: "1".into(),
                    },
                }))?
            else {
                unreachable!()
            };
            let Outcome::ReadinessMemberAdded(member) =
                made(Command::AddReadinessMember(NewReadinessMember {
                    round_id: round,
                    fields: ReadinessMemberFields {
                        team: Team::District,
                        name: "Di".into(),
                        role: String::new(),
                    },
                }))?
            else {
                unreachable!()
            };
            made(Command::SetReadinessRating(
                member,
                "alignment".into(),
                Some(3),
            ))?;
            let Outcome::DocumentCreated(meeting) = made(Command::CreateDocument(NewDocument {
                partnership_id: here,
                fields: DocumentFields {
                    instrument_key: QUARTERLY_MEETING.into(),
                    instrument_version: "1".into(),
                    title: "Fall meeting".into(),
                    created_on: date(2024, 9, 1),
                },
            }))?
            else {
                unreachable!()
            };
            made(Command::SetDocumentValue(
                meeting,
                "notes".into(),
                FieldValue::Text("Hi".into()),
                date(2024, 9, 2),
            ))?;
            let Outcome::GoalAdded(goal) = made(Command::AddGoal(NewGoal {
                partnership_id: here,
                goal: None,
                fields: GoalFields {
                    text: "Retain teachers".into(),
                },
            }))?
            else {
                unreachable!()
            };
            made(Command::AddGoal(NewGoal {
                partnership_id: here,
                goal: Some(goal),
                fields: GoalFields {
                    text: "Mentor new hires".into(),
                },
            }))?;
            let Outcome::MilestoneAdded(milestone) = made(Command::AddMilestone(NewMilestone {
                partnership_id: here,
                serves: Some(goal),
                fields: MilestoneFields {
                    feedback_data: "Roster".into(),
                    source: "HR".into(),
                    ..MilestoneFields::new("Mentors matched", "quarterly", date(2024, 8, 1))
                },
            }))?
            else {
                unreachable!()
            };
            made(Command::AddCheckIn(NewCheckIn {
                milestone_id: milestone,
                fields: CheckInFields {
                    on: date(2024, 11, 1),
                    status: CheckInStatus::Progressing,
                    note: String::new(),
                },
            }))?;
            for source in [
                ActionSource::Meeting(meeting),
                ActionSource::Milestone(milestone),
            ] {
                made(Command::AddActionStep(NewActionStep {
                    partnership_id: here,
                    source,
                    fields: ActionStepFields {
                        closed_on: None,
                        status: ActionStatus::Open,
                        text: "Send the roster".into(),
                        owner: "Ana".into(),
                        due_on: Some(date(2024, 12, 1)),
                        raised_on: date(2024, 9, 1),
                    },
                }))?;
            }
            // An adaptation of the continuum in each partnership.
            let base = Instruments::builtin().expect("instruments").continuum;
            for (partnership, name) in [(here, "Our words"), (other, "Theirs")] {
                made(Command::AddAdaptation(NewAdaptation {
                    partnership_id: partnership,
                    fields: AdaptationFields::first(base, name, date(2024, 5, 1)),
                }))?;
            }
            made(Command::AddStageEntry(NewStageEntry {
                partnership_id: here,
                fields: StageEntryFields {
                    stage: 2,
                    started_on: date(2023, 1, 1),
                    note: String::new(),
                },
            }))?;
            Ok((here, other))
        })
        .expect("seed")
}

/// The command a draw makes on the partnership as it is now (`None` when it
/// names a kind of record there is none of to update).
#[expect(
    clippy::too_many_lines,
    reason = "one arm per Command, exhaustive, so a new Command cannot be left out of the generated edits"
)]
fn command(draw: Draw, view: &PartnershipView, other: PartnershipId) -> Option<Command> {
    let Draw {
        kind,
        a,
        b,
        c,
        text,
        flag,
    } = draw;
    let text = TEXTS[text].to_owned();
    let instruments = Instruments::builtin().ok()?;
    let here = view.partnership.id;
    let partnership = if a % 4 == 0 { other } else { here };
    let people: Vec<PersonId> = view.people.iter().map(|p| p.id).collect();
    let cycles: Vec<CycleId> = view.cycles.iter().map(|c| c.id).collect();
    let rounds: Vec<ReadinessRoundId> = view.readiness.iter().map(|r| r.round.id).collect();
    let members: Vec<ReadinessMemberId> = view
        .readiness
        .iter()
        .flat_map(|r| r.members.iter().map(|m| m.id))
        .collect();
    let documents: Vec<DocumentId> = view.documents.iter().map(|d| d.id).collect();
    let goals: Vec<GoalId> = view.goals.iter().map(|g| g.id).collect();
    let milestones: Vec<MilestoneId> = view.milestones.iter().map(|m| m.id).collect();
    let person = pick(&people, a).unwrap_or(PersonId(GONE));
    let cycle = pick(&cycles, a).unwrap_or(CycleId(GONE));
    let round = pick(&rounds, a).unwrap_or(ReadinessRoundId(GONE));
    let member = pick(&members, a).unwrap_or(ReadinessMemberId(GONE));
    let document = pick(&documents, a).unwrap_or(DocumentId(GONE));
    let milestone = pick(&milestones, a).unwrap_or(MilestoneId(GONE));
    let side = SIDES[usize::from(b) % SIDES.len()];
    let team = if flag { Team::District } else { Team::Partner };
    let rating_key = || RatingKey {
        cycle_id: cycle,
        indicator_key: INDICATORS[usize::from(b) % INDICATORS.len()].into(),
        rater: match pick(&people, c) {
            Some(person) if c % 3 != 0 => Rater::Person(person),
            _ => Rater::Consensus,
        },
    };
    let category = CATEGORIES[usize::from(b) % CATEGORIES.len()].to_owned();
    Some(match KINDS[kind % KINDS.len()] {
        Kind::CreatePartnership => Command::CreatePartnership(NewPartnership {
            name: text,
            ..NewPartnership::default()
        }),
        Kind::UpdatePartnership => {
            let mut p = view.partnership.clone();
            p.name = text;
            p.district = TEXTS[usize::from(b) % TEXTS.len()].into();
            p.archived = flag;
            Command::UpdatePartnership(p)
        }
        Kind::SetArchived => Command::SetArchived(partnership, flag),
        // Rarely, the partnership itself.
        Kind::DeletePartnership => Command::DeletePartnership(if a == 0 { here } else { other }),
        Kind::AddPerson => Command::AddPerson(
            partnership,
            NewPerson {
                name: text,
                side,
                role: "Principal".into(),
            },
        ),
        Kind::UpdatePerson => {
            let mut p = pick(&view.people, a)?;
            p.name = text;
            p.side = side;
            Command::UpdatePerson(p)
        }
        Kind::DeletePerson => Command::DeletePerson(person),
        Kind::CreateCycle => Command::CreateCycle(NewCycle {
            partnership_id: partnership,
            fields: CycleFields {
                status: CycleStatus::Draft,
                hidden: false,
                instrument_key: "wbt-continuum".into(),
                // Now and then a version of an adaptation, which keeps its
                // words from then on.
                instrument_version: match pick(&view.adaptations, c) {
                    Some(adaptation) if c % 3 == 0 => adaptation.instrument_version(),
                    _ => "2017-10".into(),
                },
                school_year: format!("{}", 2015 + u16::from(b % 12)),
                administered_on: day(b),
            },
        }),
        Kind::SetCycleStatus => Command::SetCycleStatus(
            cycle,
            if flag {
                CycleStatus::Final
            } else {
                CycleStatus::Draft
            },
        ),
        Kind::SetCycleHidden => Command::SetCycleHidden(cycle, flag),
        Kind::DeleteCycle => Command::DeleteCycle(cycle),
        Kind::SetLevel => Command::SetLevel(rating_key(), Level::new(c % 5)),
        Kind::SetEvidence => Command::SetEvidence(rating_key(), text),
        Kind::SetNextSteps => Command::SetNextSteps(rating_key(), text),
        Kind::AddStageEntry => Command::AddStageEntry(NewStageEntry {
            partnership_id: partnership,
            fields: StageEntryFields {
                stage: b % 6,
                started_on: day(c),
                note: text,
            },
        }),
        Kind::UpdateStageEntry => {
            let mut entry = pick(&view.stages, a)?;
            entry.stage = b % 6;
            entry.started_on = day(c);
            entry.note = text;
            Command::UpdateStageEntry(entry)
        }
        Kind::DeleteStageEntry => Command::DeleteStageEntry(pick(&view.stages, a)?.id),
        Kind::CreateReadinessRound => Command::CreateReadinessRound(NewReadinessRound {
            partnership_id: partnership,
            fields: ReadinessRoundFields {
                title: text,
                held_on: day(b),
                instrument_key: "readiness".into(),
                instrument_version: "1".into(),
            },
        }),
        Kind::UpdateReadinessRound => {
            let mut r = pick(&view.readiness, a)?.round;
            r.title = text;
            r.held_on = day(b);
            Command::UpdateReadinessRound(r)
        }
        Kind::DeleteReadinessRound => Command::DeleteReadinessRound(round),
        Kind::AddReadinessMember => Command::AddReadinessMember(NewReadinessMember {
            round_id: round,
            fields: ReadinessMemberFields {
                team,
                name: text,
                role: String::new(),
            },
        }),
        Kind::UpdateReadinessMember => {
            let all: Vec<_> = view
                .readiness
                .iter()
                .flat_map(|r| r.members.clone())
                .collect();
            let mut m = pick(&all, a)?;
            m.name = text;
            m.team = team;
            Command::UpdateReadinessMember(m)
        }
        Kind::DeleteReadinessMember => Command::DeleteReadinessMember(member),
        // 5 is out of range and refused.
        Kind::SetReadinessRating => {
            Command::SetReadinessRating(member, category, Some(c % 6).filter(|r| *r != 0))
        }
        Kind::SetReadinessConcerns => Command::SetReadinessConcerns(member, category, text),
        Kind::SetTeamConcerns => Command::SetTeamConcerns(round, team, category, text),
        Kind::SetTeamStrengths => Command::SetTeamStrengths(round, team, category, text),
        Kind::CreateDocument => Command::CreateDocument(NewDocument {
            partnership_id: partnership,
            fields: DocumentFields {
                instrument_key: if flag {
                    QUARTERLY_MEETING
                } else {
                    CONTRACT_SUPPLEMENT
                }
                .into(),
                instrument_version: "1".into(),
                title: text,
                created_on: day(b),
            },
        }),
        Kind::RenameDocument => Command::RenameDocument(document, text, day(c)),
        Kind::SetDocumentValue => Command::SetDocumentValue(
            document,
            ["notes", "date", "lead"][usize::from(b) % 3].into(),
            match c % 4 {
                0 => FieldValue::Text(text),
                1 => FieldValue::Date(Some(day(b))),
                2 => FieldValue::Person(pick(&people, b)),
                _ => FieldValue::YesNoDate {
                    confirmed: flag,
                    on: flag.then(|| day(c)),
                },
            },
            day(a),
        ),
        Kind::DeleteDocument => Command::DeleteDocument(document),
        Kind::AddActionStep => Command::AddActionStep(NewActionStep {
            partnership_id: partnership,
            source: if c % 2 == 0 {
                ActionSource::Meeting(document)
            } else {
                ActionSource::Milestone(milestone)
            },
            fields: ActionStepFields {
                closed_on: None,
                status: ActionStatus::Open,
                text,
                owner: "Bo".into(),
                due_on: flag.then(|| day(b)),
                raised_on: day(c),
            },
        }),
        Kind::UpdateActionStep => {
            let mut step = pick(&view.action_steps, a)?;
            step.text = text;
            step.status = [
                ActionStatus::Open,
                ActionStatus::Done,
                ActionStatus::Dropped,
            ][usize::from(b) % 3];
            step.closed_on = (step.status != ActionStatus::Open).then(|| day(c));
            Command::UpdateActionStep(step)
        }
        Kind::DeleteActionStep => Command::DeleteActionStep(pick(&view.action_steps, a)?.id),
        Kind::AddGoal => Command::AddGoal(NewGoal {
            partnership_id: partnership,
            goal: if flag { pick(&goals, b) } else { None },
            fields: GoalFields { text },
        }),
        Kind::UpdateGoal => {
            let mut goal = pick(&view.goals, a)?;
            goal.text = text;
            Command::UpdateGoal(goal)
        }
        Kind::DeleteGoal => Command::DeleteGoal(pick(&goals, a)?),
        Kind::AddMilestone => Command::AddMilestone(NewMilestone {
            partnership_id: partnership,
            serves: if flag { pick(&goals, c) } else { None },
            fields: MilestoneFields {
                feedback_data: "Survey".into(),
                ..MilestoneFields::new(
                    text,
                    ["monthly", "quarterly", "annually"][usize::from(b) % 3],
                    day(b),
                )
            },
        }),
        Kind::UpdateMilestone => {
            let mut m = pick(&view.milestones, a)?;
            m.milestone = text;
            m.serves = if flag { pick(&goals, c) } else { None };
            m.started_on = day(b);
            Command::UpdateMilestone(m)
        }
        Kind::DeleteMilestone => Command::DeleteMilestone(milestone),
        Kind::AddCheckIn => Command::AddCheckIn(NewCheckIn {
            milestone_id: milestone,
            fields: CheckInFields {
                on: day(b),
                status: CheckInStatus::ALL[usize::from(c) % CheckInStatus::ALL.len()],
                note: text,
            },
        }),
        Kind::DeleteCheckIn => Command::DeleteCheckIn(pick(&view.check_ins, a)?.id),
        // A new adaptation (its name may be blank, and refused), or the
        // next version of one.
        Kind::AddAdaptation => {
            let base = &instruments.continuums[usize::from(b) % instruments.continuums.len()];
            let fields = match view.newest_adaptations().nth(usize::from(c) % 3) {
                Some(newest) if flag => newest.next(day(b)),
                _ => AdaptationFields::first(base, &text, day(b)),
            };
            Command::AddAdaptation(NewAdaptation {
                partnership_id: partnership,
                fields,
            })
        }
        // A new name and a passage typed (refused when empty, or when a
        // cycle was rated with the version).
        Kind::UpdateAdaptation => {
            let mut adaptation = pick(&view.adaptations, a)?;
            let base = adaptation.base(&instruments)?;
            let indicator = INDICATORS[usize::from(b) % INDICATORS.len()];
            let part = Part::all().nth(usize::from(c) % 6)?;
            adaptation.wording = adaptation.with(base, indicator, part, part.paragraphs(&text));
            if flag {
                adaptation.name = text;
            }
            Command::UpdateAdaptation(adaptation)
        }
        // Refused once a cycle was rated with any of its versions.
        Kind::DeleteAdaptation => Command::DeleteAdaptation(pick(&view.adaptations, a)?.id),
        // A file or a link (a title may be blank, an address not one: both
        // refused) on any kind of record, of either partnership.
        Kind::AddAttachment => Command::AddAttachment(NewAttachment {
            partnership_id: partnership,
            to: match c % 4 {
                0 => AttachedTo::Indicator(
                    cycle,
                    INDICATORS[usize::from(b) % INDICATORS.len()].into(),
                ),
                1 => AttachedTo::ReadinessRound(round),
                2 => AttachedTo::Document(document),
                _ => AttachedTo::Milestone(milestone),
            },
            fields: evidence(
                text,
                flag,
                ["https://drive.example.org/minutes", "minutes.pdf"][usize::from(b) % 2],
                day(a),
            ),
        }),
        Kind::DeleteAttachment => Command::DeleteAttachment(pick(&view.attachments, a)?.id),
        // The edits undo makes, drawn as edits of their own too: what they
        // name may be gone, or not in "Recently deleted". What a delete
        // kept is put back and removed again only by undo and redo, in
        // their order (drawn here, they name nothing kept, and change
        // nothing).
        Kind::DeleteAdaptationVersion => {
            Command::DeleteAdaptationVersion(pick(&view.adaptations, a)?.id)
        }
        Kind::UnmakeCycle => Command::UnmakeCycle(cycle),
        Kind::Restore => Command::Restore(
            DeletedKind::ALL[usize::from(b) % DeletedKind::ALL.len()],
            i64::from(a % 12) + 1,
        ),
        Kind::Reinstate => Command::Reinstate(RemovedId(GONE)),
        Kind::RemoveAgain => Command::RemoveAgain(RemovedId(GONE)),
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_view_in_memory_equals_the_file_after_every_edit(draws in draws()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("property.sqlite");
        let (here, other) = seed(&path);
        let session = Session::open(&path).expect("session");
        edit_and_compare(session, here, other, draws)?;
    }

    /// The same on a PostgreSQL server: every statement the store makes
    /// runs there as in a file, for an assessor of the district (so under
    /// the server's row-level security, as people use it). One database
    /// serves every case, emptied before each.
    #[test]
    fn the_view_in_memory_equals_the_server_after_every_edit(draws in draws()) {
        static DATABASE: std::sync::OnceLock<TestDatabase> = std::sync::OnceLock::new();
        let database = DATABASE.get_or_init(|| {
            let database = TestDatabase::set_up();
            partnerpath_store::add_server_user(
                &database.address(),
                "oak_assessor",
                partnerpath::model::Role::Assessor,
                "Oak SD",
                Some("oak"),
            )
            .expect("assessor");
            database
        });
        database
            .client()
            .batch_execute("TRUNCATE partnerships RESTART IDENTITY CASCADE")
            .expect("emptied");
        let address = partnerpath_store::ServerAddress::parse(&database.url_as("oak_assessor"))
            .expect("address")
            .with_password("oak");
        let mut store = Store::connect(&address).expect("connect");
        let (here, other) = seed_store(&mut store);
        let session = Session::with_store(store).expect("session");
        edit_and_compare(session, here, other, draws)?;
    }
}

/// Makes the edits drawn on partnership `here`, and after each one checks
/// that what the window holds is what the database holds, and that a
/// refused edit changed nothing. Undo and Redo are drawn among the edits;
/// each must bring back exactly what the database held on that side of
/// the step. At the end every step is undone, back to the start, and then
/// redone, forward to the end, each leaving what the database held there.
fn edit_and_compare(
    mut session: Session,
    here: PartnershipId,
    other: PartnershipId,
    draws: Vec<Draw>,
) -> Result<(), TestCaseError> {
    session.open_partnership(here).expect("open");
    // What the database holds on each side of each step of the undo list
    // (the start first), and of the redo list (the next to redo last).
    let mut trail = vec![shown(&session, here, other)];
    let mut ahead: Vec<Shown> = Vec::new();
    for draw in draws {
        if draw.kind >= KINDS.len() {
            let redo = (draw.kind - KINDS.len()) % 2 == 1;
            undo_and_compare(&mut session, redo, &mut trail, &mut ahead, here, other)?;
            continue;
        }
        let Some(view) = session.view() else { break };
        let before = view.clone();
        let Some(command) = command(draw, view, other) else {
            continue;
        };
        let applied = session.apply(&command);
        let made = format!("{command:?}");
        if let Ok(outcome) = &applied {
            // A window shows every other edit before the server answers:
            // those answer with nothing it needs. An edit that makes a
            // record answers with its id.
            let plain = matches!(
                outcome,
                Outcome::Done | Outcome::Unchanged | Outcome::Removed(_)
            );
            if !command.makes_a_record() && !command.reads_again() {
                prop_assert!(plain, "{:?} answered {:?}", command, outcome);
            }
            if command.makes_a_record() {
                prop_assert!(
                    !plain && *outcome != Outcome::Joined,
                    "{:?} answered {:?}",
                    command,
                    outcome
                );
            }
        }
        let loaded = session.store().load_partnership(here);
        match (session.view(), loaded) {
            (Some(view), Ok(loaded)) => {
                prop_assert_eq!(view, &loaded, "after {:?} ({:?})", command, applied);
                if applied.is_err() {
                    prop_assert_eq!(view, &before, "a refused {:?} changed it", command);
                }
            }
            // Deleting the partnership closes it, in memory and in the store.
            (None, Err(_)) => {
                prop_assert_eq!(command, Command::DeletePartnership(here));
            }
            (view, loaded) => {
                prop_assert!(
                    false,
                    "after {:?}: view {:?}, store {:?}",
                    command,
                    view.is_some(),
                    loaded.is_ok()
                );
            }
        }
        // A new step (or the last one grown, typing on), or none; an edit
        // that cannot be taken back starts the list again.
        let history = session.undo_history();
        trail.truncate(history.undo_len());
        trail.push(shown(&session, here, other));
        if history.redo_len() == 0 {
            ahead.clear();
        }
        prop_assert_eq!(history.redo_len(), ahead.len(), "after {}", made);
    }
    while session.undo_history().undo_len() > 0 {
        undo_and_compare(&mut session, false, &mut trail, &mut ahead, here, other)?;
    }
    prop_assert_eq!(trail.len(), 1);
    while session.undo_history().redo_len() > 0 {
        undo_and_compare(&mut session, true, &mut trail, &mut ahead, here, other)?;
    }
    Ok(())
}

/// Undoes (or redoes) one step, if there is one, and checks that the
/// database holds what it held on the other side of that step.
fn undo_and_compare(
    session: &mut Session,
    redo: bool,
    trail: &mut Vec<Shown>,
    ahead: &mut Vec<Shown>,
    here: PartnershipId,
    other: PartnershipId,
) -> Result<(), TestCaseError> {
    let history = session.undo_history();
    let step = if redo {
        history.next_redo()
    } else {
        history.next_undo()
    };
    let Some(step) = step.cloned() else {
        return Ok(());
    };
    let done = session.undo(redo);
    prop_assert!(done.is_ok(), "{:?} of {:?}: {:?}", redo, step, done);
    let now = shown(session, here, other);
    if redo {
        let expected = ahead.pop();
        prop_assert_eq!(Some(&now), expected.as_ref(), "redo of {:?}", step);
        trail.push(now);
    } else {
        let left = trail.pop();
        prop_assert_eq!(Some(&now), trail.last(), "undo of {:?}", step);
        ahead.extend(left);
    }
    // The window shows it too, once it is where the step was made.
    if let (Some(view), Some(on)) = (session.view(), step.on)
        && view.partnership.id == on
    {
        let loaded = session.store().load_partnership(on).expect("load");
        prop_assert_eq!(view, &loaded, "the window after {:?}", step);
    }
    let history = session.undo_history();
    prop_assert_eq!(history.undo_len() + 1, trail.len());
    prop_assert_eq!(history.redo_len(), ahead.len());
    Ok(())
}

/// What the database holds of every partnership (the two seeded and those
/// the edits made: the ids from 1, as both databases start), as the screens
/// show it: a rating, a team member's rating, a team's summary or a
/// worksheet's field that holds nothing reads as none at all (undoing the
/// first words typed leaves the empty field in place), and which
/// continuums were rated with, which counts the cycles in "Recently
/// deleted", is left aside. A partnership deleted is `None`.
#[derive(Debug, PartialEq)]
struct Shown(Vec<Option<PartnershipView>>);

fn shown(session: &Session, here: PartnershipId, other: PartnershipId) -> Shown {
    assert_eq!(
        (here.0, other.0),
        (1, 2),
        "the seed's partnerships come first"
    );
    let store = session.store();
    Shown(
        (1..=8)
            .map(|id| store.load_partnership(PartnershipId(id)).ok().map(as_shown))
            .collect(),
    )
}

fn as_shown(view: PartnershipView) -> PartnershipView {
    let mut view = view.without_empty_records();
    view.rated_with.clear();
    view
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 100,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// A hand-over: whatever edits made the partnership, exported and
    /// imported into an empty file it is the same, record for record (ids,
    /// every field), and importing it again adds nothing.
    #[test]
    fn a_partnership_exported_and_imported_into_an_empty_file_is_the_same(draws in draws()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("property.sqlite");
        let (here, other) = seed(&path);
        let mut session = Session::open(&path).expect("session");
        session.open_partnership(here).expect("open");
        for draw in draws {
            let Some(view) = session.view() else { break };
            let Some(command) = command(draw, view, other) else { continue };
            let _ = session.apply(&command);
        }
        let Some(view) = session.view() else { return Ok(()) };
        let id = view.partnership.id;
        let out = session.export(id, &ExportScope::Whole).expect("export");
        let mut successor = Session::open(&dir.path().join("successor.sqlite")).expect("empty");
        let (file, plan) = successor.plan_import(&out, crate::support::instruments()).expect("plan");
        prop_assert!(plan.conflicts.is_empty());
        let there = successor.import(&file, &plan).expect("import");
        let back = successor.export(there, &ExportScope::Whole).expect("export again");
        // A package when a file is attached: read whole, the files' content too.
        let same = |bytes: &[u8]| {
            let mut x: Exchange =
                exchange::parse(bytes, crate::support::instruments()).expect("exchange");
            x.exported_at = jiff::Timestamp::UNIX_EPOCH;
            x
        };
        prop_assert_eq!(same(&out), same(&back));
        let original = session.store().load_partnership(id).expect("load");
        let copy = successor.store().load_partnership(there).expect("load");
        prop_assert_eq!(original.people.len(), copy.people.len());
        prop_assert_eq!(original.cycles.len(), copy.cycles.len());
        prop_assert_eq!(original.readiness.len(), copy.readiness.len());
        prop_assert_eq!(original.documents.len(), copy.documents.len());
        prop_assert_eq!(original.milestones.len(), copy.milestones.len());
        prop_assert_eq!(original.attachments.len(), copy.attachments.len());
        let (_, again) = successor.plan_import(&out, crate::support::instruments()).expect("plan");
        prop_assert!(again.writes_nothing());
    }
}

/// Every kind is drawn as a command of that kind: a generator arm that made
/// another `Command` would leave its own kind untested.
#[test]
fn every_kind_of_edit_is_generated_as_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kinds.sqlite");
    let (here, other) = seed(&path);
    let mut session = Session::open(&path).expect("session");
    session.open_partnership(here).expect("open");
    let view = session.view().expect("open partnership");
    for (index, kind) in KINDS.iter().enumerate() {
        let made = (1..=u8::MAX).find_map(|n| {
            let draw = Draw {
                kind: index,
                a: n,
                b: n,
                c: n,
                text: 0,
                flag: n % 2 == 0,
            };
            command(draw, view, other)
        });
        let command = made.unwrap_or_else(|| panic!("{kind:?} was never generated"));
        assert_eq!(kind_of(&command), *kind, "{command:?}");
    }
}

#[test]
fn a_final_cycle_refuses_rating_changes_and_keeps_its_ratings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("final.sqlite");
    let (here, _) = seed(&path);
    let mut session = Session::open(&path).expect("session");
    let view = session.open_partnership(here).expect("open").clone();
    let final_cycle = view
        .cycles
        .iter()
        .find(|c| c.status == CycleStatus::Final)
        .expect("a final cycle")
        .id;
    let key = RatingKey {
        cycle_id: final_cycle,
        indicator_key: INDICATORS[0].into(),
        rater: Rater::Consensus,
    };
    for command in [
        Command::SetLevel(key.clone(), Level::new(4)),
        Command::SetEvidence(key.clone(), "Changed".into()),
        Command::SetNextSteps(key.clone(), "Changed".into()),
    ] {
        let problem = session.apply(&command).expect_err("refused");
        assert!(problem.what.contains("marked final"), "{problem}");
    }
    let stored = session.store().load_partnership(here).expect("load");
    assert_eq!(stored, view, "the file is as it was");
    assert_eq!(session.view(), Some(&view), "memory is as it was");
    let rating = stored
        .rating(final_cycle, Rater::Consensus, INDICATORS[0])
        .expect("rating");
    assert_eq!(
        (rating.level, rating.evidence.as_str()),
        (Level::new(2), "Agendas")
    );

    session
        .apply(&Command::SetCycleStatus(final_cycle, CycleStatus::Draft))
        .expect("reopened");
    session
        .apply(&Command::SetLevel(key, Level::new(4)))
        .expect("a reopened cycle takes changes");
    assert_eq!(
        session.store().load_partnership(here).expect("load").level(
            final_cycle,
            Rater::Consensus,
            INDICATORS[0]
        ),
        Level::new(4)
    );
}
