//! Edits a user makes. The screens produce commands; the session writes each
//! one to the database and then reflects it in memory, in the same step.

use super::{
    CycleId, CycleStatus, Level, NewCycle, NewPartnership, NewPerson, NewStageEntry, Partnership,
    PartnershipId, Person, PersonId, RatingKey, StageEntry, StageEntryId,
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
}
