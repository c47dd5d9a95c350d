//! Edits a user makes. The screens produce commands; the session checks each
//! one (`Command::refusal`), writes it to the file (`Store::apply`, which
//! answers with an `Outcome`), then applies the same command and outcome to
//! the partnership in memory (`PartnershipView::apply`).

use super::{
    ActionStep, ActionStepId, Adaptation, AdaptationId, AttachmentId, CheckInId, CycleId,
    CycleStatus, DeletedKind, DocumentId, FieldValue, Goal, GoalId, Level, Milestone, MilestoneId,
    NewActionStep, NewAdaptation, NewAttachment, NewCheckIn, NewCycle, NewDocument, NewGoal,
    NewMilestone, NewPartnership, NewPerson, NewReadinessMember, NewReadinessRound, NewStageEntry,
    Partnership, PartnershipId, PartnershipView, Person, PersonId, Rating, RatingKey,
    ReadinessMember, ReadinessMemberId, ReadinessRound, ReadinessRoundId, Record, RemovedId,
    StageEntry, StageEntryId, Team,
};
use super::{MemberRating, TeamSummary};
use jiff::civil::Date;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    CreatePartnership(NewPartnership),
    UpdatePartnership(Partnership),
    SetArchived(PartnershipId, bool),
    DeletePartnership(PartnershipId),
    AddPerson(PartnershipId, NewPerson),
    UpdatePerson(Person),
    DeletePerson(PersonId),
    CreateCycle(NewCycle),
    SetCycleStatus(CycleId, CycleStatus),
    /// "Rate first, reveal together": true hides each person's level until
    /// the team reveals them (false).
    SetCycleHidden(CycleId, bool),
    DeleteCycle(CycleId),
    SetLevel(RatingKey, Option<Level>),
    SetEvidence(RatingKey, String),
    SetNextSteps(RatingKey, String),
    AddStageEntry(NewStageEntry),
    UpdateStageEntry(StageEntry),
    DeleteStageEntry(StageEntryId),
    CreateReadinessRound(NewReadinessRound),
    UpdateReadinessRound(ReadinessRound),
    DeleteReadinessRound(ReadinessRoundId),
    AddReadinessMember(NewReadinessMember),
    UpdateReadinessMember(ReadinessMember),
    DeleteReadinessMember(ReadinessMemberId),
    /// A member's rating (1–4) of a category, or none.
    SetReadinessRating(ReadinessMemberId, String, Option<u8>),
    /// A member's areas of concern for a category.
    SetReadinessConcerns(ReadinessMemberId, String, String),
    /// A team's summary of concerns to address for a category.
    SetTeamConcerns(ReadinessRoundId, Team, String, String),
    /// A team's summary of foundational strengths for a category.
    SetTeamStrengths(ReadinessRoundId, Team, String, String),
    CreateDocument(NewDocument),
    /// A document's new title, and the day it was typed.
    RenameDocument(DocumentId, String, Date),
    /// A value typed into a worksheet's field, and the day it was typed.
    SetDocumentValue(DocumentId, String, FieldValue, Date),
    DeleteDocument(DocumentId),
    AddActionStep(NewActionStep),
    UpdateActionStep(ActionStep),
    DeleteActionStep(ActionStepId),
    AddGoal(NewGoal),
    UpdateGoal(Goal),
    DeleteGoal(GoalId),
    AddMilestone(NewMilestone),
    UpdateMilestone(Milestone),
    DeleteMilestone(MilestoneId),
    AddCheckIn(NewCheckIn),
    DeleteCheckIn(CheckInId),
    /// A new adaptation of a continuum, or the next version of one
    /// (`PartnershipView::adapt`, `PartnershipView::edit_adaptation`).
    AddAdaptation(NewAdaptation),
    /// A new name or wording for a version no cycle was rated with yet.
    UpdateAdaptation(Adaptation),
    /// Deletes the adaptation a version belongs to, every version, when no
    /// cycle was rated with any.
    DeleteAdaptation(AdaptationId),
    /// Evidence attached to a record: a link, or a file whose content the
    /// store already holds (`Storage::put_file`).
    AddAttachment(NewAttachment),
    /// Moves an attachment to "Recently deleted".
    DeleteAttachment(AttachmentId),
    /// Deletes one version of an adaptation, the newest, when no cycle was
    /// rated with it (undoing `AddAdaptation`).
    DeleteAdaptationVersion(AdaptationId),
    /// Takes away for good a cycle just started, with whatever was rated
    /// in it (undoing its start), keeping it to put back (redo). A cycle
    /// deleted goes to "Recently deleted" instead, where it still counts
    /// as rated with its continuum.
    UnmakeCycle(CycleId),
    /// Puts back a record from "Recently deleted" (undoing a delete, or a
    /// creation undone).
    Restore(DeletedKind, i64),
    /// Puts back, with their ids, the records a delete removed from the
    /// file (undoing it). The store kept them under this number.
    Reinstate(RemovedId),
    /// Removes again what `Reinstate` put back, with whatever was added to
    /// it since (redoing the delete), keeping it under the same number.
    RemoveAgain(RemovedId),
}

/// What storing a command made: the id of a new record, which the view
/// needs to hold it and the screens to open it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Stored; nothing new was made.
    Done,
    /// A delete that found nothing to delete (it was gone already):
    /// nothing changed.
    Unchanged,
    /// Stored, joined with someone else's change of other fields of the
    /// same record: the record is to be read again.
    Joined,
    PartnershipCreated(PartnershipId),
    PersonAdded(PersonId),
    CycleCreated(CycleId),
    StageEntryAdded(StageEntryId),
    ReadinessRoundCreated(ReadinessRoundId),
    ReadinessMemberAdded(ReadinessMemberId),
    DocumentCreated(DocumentId),
    ActionStepAdded(ActionStepId),
    GoalAdded(GoalId),
    MilestoneAdded(MilestoneId),
    CheckInAdded(CheckInId),
    AdaptationAdded(AdaptationId),
    AttachmentAdded(AttachmentId),
    /// Stored: the records it removed from the file are kept under this
    /// number, so that undoing it can put them back (`Command::Reinstate`).
    Removed(RemovedId),
}

/// Why an edit is refused before anything is written, in plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    pub what: &'static str,
    pub what_to_do: &'static str,
}

impl Command {
    /// Why this edit must not be stored, if it must not: an empty name, a
    /// rating out of range, a change to a cycle marked final. `view` is the
    /// open partnership, if any.
    #[expect(
        clippy::too_many_lines,
        reason = "one short arm per refused edit, read together so that none is missed"
    )]
    pub fn refusal(&self, view: Option<&PartnershipView>) -> Option<Refusal> {
        let refuse = |what, what_to_do| Some(Refusal { what, what_to_do });
        let blank = |text: &str| text.trim().is_empty();
        match self {
            Command::CreatePartnership(new) if blank(&new.name) => refuse(
                "A partnership needs a name.",
                "Type a name, then create it.",
            ),
            Command::UpdatePartnership(p) if blank(&p.name) => refuse(
                "A partnership needs a name, so the empty name was not saved.",
                "Type a name for the partnership.",
            ),
            Command::AddReadinessMember(new) if blank(&new.name) => refuse(
                "A team member needs a name.",
                "Type their name, then add them.",
            ),
            Command::UpdateReadinessMember(m) if blank(&m.name) => refuse(
                "A team member needs a name, so the empty name was not saved.",
                "Type their name.",
            ),
            Command::SetReadinessRating(_, _, Some(rating)) if !(1..=4).contains(rating) => refuse(
                "Readiness is rated from 1 to 4.",
                "Choose one of the four ratings.",
            ),
            Command::AddActionStep(new) if blank(&new.text) => refuse(
                "An action step needs to say what will be done.",
                "Type the step, then add it.",
            ),
            Command::AddMilestone(new) if blank(&new.milestone) => refuse(
                "A milestone needs a description.",
                "Type the milestone, then add it.",
            ),
            Command::AddPerson(_, new) if blank(&new.name) => {
                refuse("A person needs a name.", "Type their name, then add them.")
            }
            Command::UpdatePerson(p) if blank(&p.name) => refuse(
                "A person needs a name, so the empty name was not saved.",
                "Type their name.",
            ),
            Command::AddAdaptation(NewAdaptation { fields, .. })
            | Command::UpdateAdaptation(Adaptation { fields, .. })
                if blank(&fields.name) =>
            {
                refuse(
                    "An adaptation of the continuum needs a name, so the empty name was not saved.",
                    "Type a name for it.",
                )
            }
            Command::AddAdaptation(NewAdaptation { fields, .. })
            | Command::UpdateAdaptation(Adaptation { fields, .. })
                if fields.wording.0.values().any(|w| !w.is_complete()) =>
            {
                refuse(
                    "Every part of an indicator needs words, so the empty part was not saved.",
                    "Type the words for it, or choose “Use the published wording”.",
                )
            }
            Command::UpdateAdaptation(adaptation)
                if view.is_some_and(|v| v.is_rated_with(adaptation)) =>
            {
                refuse(
                    "A cycle was rated with this version of the adaptation, so its words stay as they were.",
                    "Edit the adaptation on its own page: the change is saved as its next version.",
                )
            }
            Command::DeleteAdaptationVersion(id)
                if view
                    .and_then(|v| v.adaptations.iter().find(|a| a.id == *id).map(|a| (v, a)))
                    .is_some_and(|(v, a)| v.is_rated_with(a)) =>
            {
                refuse(
                    "A cycle was rated with this version of the adaptation, so it is kept with the words it was rated with.",
                    "Leave it in place; a new cycle can be rated with another version.",
                )
            }
            Command::DeleteAdaptation(id)
                if view.is_some_and(|v| v.is_adaptation_rated_with(*id)) =>
            {
                refuse(
                    "A cycle was rated with this adaptation, so it is kept with the words it was rated with.",
                    "Leave it in place; a new cycle can be rated with another version.",
                )
            }
            Command::AddAttachment(new) => attachment_refusal(new, view),
            Command::SetLevel(key, _)
            | Command::SetEvidence(key, _)
            | Command::SetNextSteps(key, _)
                if view
                    .and_then(|v| v.cycle(key.cycle_id))
                    .is_some_and(|c| c.status == CycleStatus::Final) =>
            {
                refuse(
                    "This cycle is marked final, so its ratings are not changed.",
                    "Choose “Reopen for editing” first if the team agrees to change it.",
                )
            }
            Command::SetLevel(key, _)
            | Command::SetEvidence(key, _)
            | Command::SetNextSteps(key, _)
                if view
                    .and_then(|v| v.rating_copy.as_ref())
                    .is_some_and(|copy| {
                        copy.cycle == key.cycle_id && !copy.rates_as(key.rater)
                    }) =>
            {
                refuse(
                    "This copy of the partnership is for rating only as the people it was made for, so the rating was not saved.",
                    "Rate as yourself; the team's consensus is agreed when the ratings are brought together.",
                )
            }
            _ => None,
        }
    }

    /// Whether this edit changes what the list of partnerships shows of
    /// them (their names, kinds, archiving, or which there are).
    pub fn changes_the_list(&self) -> bool {
        matches!(
            self,
            Command::CreatePartnership(_)
                | Command::UpdatePartnership(_)
                | Command::SetArchived(..)
                | Command::DeletePartnership(_)
                | Command::Restore(DeletedKind::Partnership, _)
        )
    }

    /// Whether memory cannot follow this edit by itself, as it puts back
    /// records it no longer holds (or takes away what it cannot tell):
    /// once stored, the partnership is read again.
    pub fn reads_again(&self) -> bool {
        matches!(
            self,
            Command::UnmakeCycle(_)
                | Command::Restore(..)
                | Command::Reinstate(_)
                | Command::RemoveAgain(_)
        )
    }

    /// Whether storing this edit makes a record whose id only the database
    /// gives (its `Outcome` names it). Every other edit is stored with
    /// `Outcome::Done`, so a window may show it before the database has
    /// answered.
    pub fn makes_a_record(&self) -> bool {
        matches!(
            self,
            Command::CreatePartnership(_)
                | Command::AddPerson(..)
                | Command::CreateCycle(_)
                | Command::AddStageEntry(_)
                | Command::CreateReadinessRound(_)
                | Command::AddReadinessMember(_)
                | Command::CreateDocument(_)
                | Command::AddActionStep(_)
                | Command::AddGoal(_)
                | Command::AddMilestone(_)
                | Command::AddCheckIn(_)
                | Command::AddAdaptation(_)
                | Command::AddAttachment(_)
        )
    }
}

/// Why evidence must not be attached, if it must not: it is neither a
/// whole file nor a link, or the record it names is not in the open
/// partnership.
fn attachment_refusal(new: &NewAttachment, view: Option<&PartnershipView>) -> Option<Refusal> {
    if let Some(problem) = new.fields.problem() {
        return Some(Refusal {
            what: problem,
            what_to_do: "Choose another file, or type the link's whole address and a title.",
        });
    }
    view.is_some_and(|v| v.partnership.id != new.partnership_id || !v.holds(&new.to))
        .then_some(Refusal {
            what: "The record this was to be attached to is no longer there, so nothing was attached.",
            what_to_do: "Open the record again, then attach it.",
        })
}

/// What the window showed of the field an edit changes. On a shared
/// database the store checks that the field still holds it: if someone
/// else changed it meanwhile, the edit is not stored and the user chooses
/// (`Conflict`). A rating's fields, a worksheet's fields and the records an
/// edit writes whole (`Record`) are checked; each rater's ratings are
/// records of their own, so different raters never conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    Level(Option<Level>),
    Evidence(String),
    NextSteps(String),
    /// A worksheet's field: its value, or nothing when none was typed.
    Field(Option<FieldValue>),
    /// A record the edit writes whole, as the window showed it.
    Record(Box<Record>),
    /// A readiness team member's rating of a category (1–4, or none).
    ReadinessRating(Option<u8>),
    /// A member's areas of concern for a category.
    ReadinessConcerns(String),
    /// A team's summary of concerns to address for a category.
    TeamConcerns(String),
    /// A team's summary of foundational strengths for a category.
    TeamStrengths(String),
}

impl Command {
    /// What `view` shows of the field this edit changes, for the edits
    /// that are checked.
    pub fn seen(&self, view: &PartnershipView) -> Option<Seen> {
        let rating = |key: &RatingKey| {
            view.rating(key.cycle_id, key.rater, &key.indicator_key)
                .cloned()
                .unwrap_or_default()
        };
        Some(match self {
            Command::SetLevel(key, _) => Seen::Level(rating(key).level),
            Command::SetEvidence(key, _) => Seen::Evidence(rating(key).evidence),
            Command::SetNextSteps(key, _) => Seen::NextSteps(rating(key).next_steps),
            Command::SetDocumentValue(id, field, _, _) => {
                Seen::Field(view.document(*id)?.values.get(field).cloned())
            }
            Command::SetReadinessRating(member, category, _) => {
                Seen::ReadinessRating(member_rating(view, *member, category)?.rating)
            }
            Command::SetReadinessConcerns(member, category, _) => {
                Seen::ReadinessConcerns(member_rating(view, *member, category)?.concerns)
            }
            Command::SetTeamConcerns(round, team, category, _) => {
                Seen::TeamConcerns(team_summary(view, *round, *team, category)?.concerns)
            }
            Command::SetTeamStrengths(round, team, category, _) => {
                Seen::TeamStrengths(team_summary(view, *round, *team, category)?.strengths)
            }
            _ => Seen::Record(Box::new(Record::written_by(self)?.in_view(view)?)),
        })
    }
}

impl Seen {
    /// Whether `now` still holds what was seen.
    pub fn holds(&self, now: &Theirs) -> bool {
        match (self, now) {
            (Seen::Level(level), Theirs::Rating(now)) => *level == now.level,
            (Seen::Evidence(text), Theirs::Rating(now)) => *text == now.evidence,
            (Seen::NextSteps(text), Theirs::Rating(now)) => *text == now.next_steps,
            (Seen::Field(value), Theirs::Field(now)) => value == now,
            (Seen::Record(seen), Theirs::Record { now, .. }) => seen == now,
            (Seen::ReadinessRating(rating), Theirs::MemberRating(now)) => *rating == now.rating,
            (Seen::ReadinessConcerns(text), Theirs::MemberRating(now)) => *text == now.concerns,
            (Seen::TeamConcerns(text), Theirs::TeamSummary(now)) => *text == now.concerns,
            (Seen::TeamStrengths(text), Theirs::TeamSummary(now)) => *text == now.strengths,
            // A rating's field and a worksheet's are never compared.
            _ => true,
        }
    }
}

/// What the field an edit met holds now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Theirs {
    /// The rating, as it is now.
    Rating(Rating),
    /// A worksheet's field: its value, or nothing.
    Field(Option<FieldValue>),
    /// A record an edit writes whole, as it is now, and as the edit's
    /// window had seen it (so that what each side changed can be said).
    Record { now: Box<Record>, seen: Box<Record> },
    /// A readiness team member's rating of a category, as it is now.
    MemberRating(MemberRating),
    /// A team's summary of a category, as it is now.
    TeamSummary(TeamSummary),
}

/// What `view` shows of `member`'s rating of `category` (empty when
/// nothing was given); `None` when the member is not there.
fn member_rating(
    view: &PartnershipView,
    member: ReadinessMemberId,
    category: &str,
) -> Option<MemberRating> {
    Some(
        view.round_of_member(member)?
            .rating(member, category)
            .cloned()
            .unwrap_or_default(),
    )
}

/// What `view` shows of `team`'s summary of `category` in `round`.
fn team_summary(
    view: &PartnershipView,
    round: ReadinessRoundId,
    team: Team,
    category: &str,
) -> Option<TeamSummary> {
    Some(
        view.readiness_round(round)?
            .summary(team, category)
            .cloned()
            .unwrap_or_default(),
    )
}

/// Someone else changed the field an edit was about to change: who, when
/// (UTC, "2026-03-03T10:42:00Z"), and what the field holds now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub who: String,
    pub at: String,
    pub theirs: Theirs,
}
