//! Edits a user makes. The screens produce commands; the session writes each
//! one to the database and then reflects it in memory, in the same step.

use super::{
    ActionStep, ActionStepId, CheckInId, CycleId, CycleStatus, DocumentId, FieldValue, Goal,
    GoalId, Level, Milestone, MilestoneId, NewActionStep, NewCheckIn, NewCycle, NewDocument,
    NewGoal, NewMilestone, NewPartnership, NewPerson, NewReadinessMember, NewReadinessRound,
    NewStageEntry, Partnership, PartnershipId, Person, PersonId, RatingKey, ReadinessMember,
    ReadinessMemberId, ReadinessRound, ReadinessRoundId, StageEntry, StageEntryId, Team,
};

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
    RenameDocument(DocumentId, String),
    /// A value typed into a worksheet's field.
    SetDocumentValue(DocumentId, String, FieldValue),
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
}
