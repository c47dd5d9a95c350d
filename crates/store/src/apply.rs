//! The SQL half of an edit: one command written to the file, in one
//! transaction. The model half (`PartnershipView::apply`) then changes memory
//! the same way.

use super::{Store, StoreError};
use partnerpath_core::model::{Command, Outcome, RemovedId};

impl Store {
    /// Writes `command` to the file and says what it made. On failure
    /// nothing was written.
    pub fn apply(&mut self, command: &Command) -> Result<Outcome, StoreError> {
        Ok(match command {
            Command::CreatePartnership(new) => {
                Outcome::PartnershipCreated(self.create_partnership(new, false)?)
            }
            Command::UpdatePartnership(partnership) => done(self.update_partnership(partnership))?,
            Command::SetArchived(id, archived) => done(self.set_archived(*id, *archived))?,
            Command::DeletePartnership(id) => moved(self.delete_partnership(*id))?,
            Command::AddPerson(partnership, new) => {
                Outcome::PersonAdded(self.add_person(*partnership, new)?)
            }
            Command::UpdatePerson(person) => done(self.update_person(person))?,
            Command::DeletePerson(id) => removed(self.remove("people", &[id.0]))?,
            Command::CreateCycle(new) => Outcome::CycleCreated(self.create_cycle(new)?),
            Command::SetCycleStatus(id, status) => done(self.set_cycle_status(*id, *status))?,
            Command::SetCycleHidden(id, hidden) => done(self.set_cycle_hidden(*id, *hidden))?,
            Command::DeleteCycle(id) => moved(self.delete_cycle(*id))?,
            Command::SetLevel(key, level) => done(self.set_level(key, *level))?,
            Command::SetEvidence(key, text) => done(self.set_evidence(key, text))?,
            Command::SetNextSteps(key, text) => done(self.set_next_steps(key, text))?,
            Command::AddStageEntry(new) => Outcome::StageEntryAdded(self.add_stage_entry(new)?),
            Command::UpdateStageEntry(entry) => done(self.update_stage_entry(entry))?,
            Command::DeleteStageEntry(id) => removed(self.remove("stage_entries", &[id.0]))?,
            Command::CreateReadinessRound(new) => {
                Outcome::ReadinessRoundCreated(self.create_readiness_round(new)?)
            }
            Command::UpdateReadinessRound(round) => done(self.update_readiness_round(round))?,
            Command::DeleteReadinessRound(id) => moved(self.delete_readiness_round(*id))?,
            Command::AddReadinessMember(new) => {
                Outcome::ReadinessMemberAdded(self.add_readiness_member(new)?)
            }
            Command::UpdateReadinessMember(member) => done(self.update_readiness_member(member))?,
            Command::DeleteReadinessMember(id) => {
                removed(self.remove("readiness_members", &[id.0]))?
            }
            Command::SetReadinessRating(member, category, rating) => {
                done(self.set_readiness_rating(*member, category, *rating))?
            }
            Command::SetReadinessConcerns(member, category, text) => {
                done(self.set_readiness_concerns(*member, category, text))?
            }
            Command::SetTeamConcerns(round, team, category, text) => {
                done(self.set_team_concerns(*round, *team, category, text))?
            }
            Command::SetTeamStrengths(round, team, category, text) => {
                done(self.set_team_strengths(*round, *team, category, text))?
            }
            Command::CreateDocument(new) => Outcome::DocumentCreated(self.create_document(new)?),
            Command::RenameDocument(id, title, on) => done(self.rename_document(*id, title, *on))?,
            Command::SetDocumentValue(id, field, value, on) => {
                done(self.set_document_value(*id, field, value, *on))?
            }
            Command::DeleteDocument(id) => moved(self.delete_document(*id))?,
            Command::AddActionStep(new) => Outcome::ActionStepAdded(self.add_action_step(new)?),
            Command::UpdateActionStep(step) => done(self.update_action_step(step))?,
            Command::DeleteActionStep(id) => removed(self.remove("action_steps", &[id.0]))?,
            Command::AddGoal(new) => Outcome::GoalAdded(self.add_goal(new)?),
            Command::UpdateGoal(goal) => done(self.update_goal(goal))?,
            Command::DeleteGoal(id) => removed(self.remove("goals", &[id.0]))?,
            Command::AddMilestone(new) => Outcome::MilestoneAdded(self.add_milestone(new)?),
            Command::UpdateMilestone(milestone) => done(self.update_milestone(milestone))?,
            Command::DeleteMilestone(id) => removed(self.remove("milestones", &[id.0]))?,
            Command::AddCheckIn(new) => Outcome::CheckInAdded(self.add_check_in(new)?),
            Command::DeleteCheckIn(id) => removed(self.remove("check_ins", &[id.0]))?,
            Command::AddAdaptation(new) => Outcome::AdaptationAdded(self.add_adaptation(new)?),
            Command::UpdateAdaptation(adaptation) => done(self.update_adaptation(adaptation))?,
            // Every version of the adaptation the version belongs to.
            Command::DeleteAdaptation(id) => removed(self.remove_where(
                "adaptations",
                "SELECT id FROM adaptations WHERE (partnership_id, lineage) =
                   (SELECT partnership_id, lineage FROM adaptations WHERE id = ?1)",
                id.0,
            ))?,
            Command::DeleteAdaptationVersion(id) => removed(self.remove("adaptations", &[id.0]))?,
            Command::AddAttachment(new) => Outcome::AttachmentAdded(self.add_attachment(new)?),
            Command::DeleteAttachment(id) => moved(self.delete_attachment(*id))?,
            // Undoing a cycle's start: removed for good, kept for redo.
            Command::UnmakeCycle(id) => match self.remove("cycles", &[id.0])? {
                Some(kept) => Outcome::Removed(kept),
                None => Outcome::Unchanged,
            },
            Command::Restore(kind, id) => joined(self.restore_deleted(*kind, *id))?,
            Command::Reinstate(id) => joined(self.reinstate(*id))?,
            Command::RemoveAgain(id) => joined(self.remove_again(*id))?,
        })
    }
}

fn done(result: Result<(), StoreError>) -> Result<Outcome, StoreError> {
    result.map(|()| Outcome::Done)
}

/// A delete for good: what it removed is kept for undo (when it found
/// anything to remove).
fn removed(result: Result<Option<RemovedId>, StoreError>) -> Result<Outcome, StoreError> {
    result.map(|kept| kept.map_or(Outcome::Unchanged, Outcome::Removed))
}

/// A delete to "Recently deleted" (when what it names was there).
fn moved(result: Result<bool, StoreError>) -> Result<Outcome, StoreError> {
    result.map(|moved| {
        if moved {
            Outcome::Done
        } else {
            Outcome::Unchanged
        }
    })
}

/// Records put back, which memory reads again.
fn joined(result: Result<(), StoreError>) -> Result<Outcome, StoreError> {
    result.map(|()| Outcome::Joined)
}
