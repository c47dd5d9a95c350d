//! The SQL half of an edit: one command written to the file, in one
//! transaction. The model half (`PartnershipView::apply`) then changes memory
//! the same way.

use super::{Store, StoreError};
use partnerpath_core::model::{Command, Outcome};

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
            Command::DeletePartnership(id) => done(self.delete_partnership(*id))?,
            Command::AddPerson(partnership, new) => {
                Outcome::PersonAdded(self.add_person(*partnership, new)?)
            }
            Command::UpdatePerson(person) => done(self.update_person(person))?,
            Command::DeletePerson(id) => done(self.delete_person(*id))?,
            Command::CreateCycle(new) => Outcome::CycleCreated(self.create_cycle(new)?),
            Command::SetCycleStatus(id, status) => done(self.set_cycle_status(*id, *status))?,
            Command::SetCycleHidden(id, hidden) => done(self.set_cycle_hidden(*id, *hidden))?,
            Command::DeleteCycle(id) => done(self.delete_cycle(*id))?,
            Command::SetLevel(key, level) => done(self.set_level(key, *level))?,
            Command::SetEvidence(key, text) => done(self.set_evidence(key, text))?,
            Command::SetNextSteps(key, text) => done(self.set_next_steps(key, text))?,
            Command::AddStageEntry(new) => Outcome::StageEntryAdded(self.add_stage_entry(new)?),
            Command::UpdateStageEntry(entry) => done(self.update_stage_entry(entry))?,
            Command::DeleteStageEntry(id) => done(self.delete_stage_entry(*id))?,
            Command::CreateReadinessRound(new) => {
                Outcome::ReadinessRoundCreated(self.create_readiness_round(new)?)
            }
            Command::UpdateReadinessRound(round) => done(self.update_readiness_round(round))?,
            Command::DeleteReadinessRound(id) => done(self.delete_readiness_round(*id))?,
            Command::AddReadinessMember(new) => {
                Outcome::ReadinessMemberAdded(self.add_readiness_member(new)?)
            }
            Command::UpdateReadinessMember(member) => done(self.update_readiness_member(member))?,
            Command::DeleteReadinessMember(id) => done(self.delete_readiness_member(*id))?,
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
            Command::DeleteDocument(id) => done(self.delete_document(*id))?,
            Command::AddActionStep(new) => Outcome::ActionStepAdded(self.add_action_step(new)?),
            Command::UpdateActionStep(step) => done(self.update_action_step(step))?,
            Command::DeleteActionStep(id) => done(self.delete_action_step(*id))?,
            Command::AddGoal(new) => Outcome::GoalAdded(self.add_goal(new)?),
            Command::UpdateGoal(goal) => done(self.update_goal(goal))?,
            Command::DeleteGoal(id) => done(self.delete_goal(*id))?,
            Command::AddMilestone(new) => Outcome::MilestoneAdded(self.add_milestone(new)?),
            Command::UpdateMilestone(milestone) => done(self.update_milestone(milestone))?,
            Command::DeleteMilestone(id) => done(self.delete_milestone(*id))?,
            Command::AddCheckIn(new) => Outcome::CheckInAdded(self.add_check_in(new)?),
            Command::DeleteCheckIn(id) => done(self.delete_check_in(*id))?,
            Command::AddAdaptation(new) => Outcome::AdaptationAdded(self.add_adaptation(new)?),
            Command::UpdateAdaptation(adaptation) => done(self.update_adaptation(adaptation))?,
            Command::DeleteAdaptation(id) => done(self.delete_adaptation(*id))?,
            Command::AddAttachment(new) => Outcome::AttachmentAdded(self.add_attachment(new)?),
            Command::DeleteAttachment(id) => done(self.delete_attachment(*id))?,
        })
    }
}

fn done(result: Result<(), StoreError>) -> Result<Outcome, StoreError> {
    result.map(|()| Outcome::Done)
}
