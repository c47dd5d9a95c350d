//! The model half of an edit: once the store has written a command, the
//! same command and its outcome change the partnership in memory exactly as
//! they changed the file. A property test (`tests/it/view_equals_file.rs`)
//! proves the two stay equal.
//!
//! Each arm copies what the matching SQL writes, no more: an update of a
//! person changes their name, side and role, as `UPDATE people` does, even if
//! the command carries other fields. Deletions remove what the database's
//! `ON DELETE` rules remove.

use super::PartnershipView;
use crate::model::{
    ActionSource, ActionStep, Adaptation, Attachment, CheckIn, Command, Cycle, Document, Goal,
    GoalId, Milestone, Outcome, Person, PersonFields, Rater, ReadinessMember,
    ReadinessMemberFields, ReadinessView, StageEntry,
};

impl PartnershipView {
    /// Changes the view as storing `command` changed the file; `outcome` is
    /// what the store answered. Edits of other partnerships leave it as it
    /// is; deleting this partnership too (the session then closes it, see
    /// `Command::DeletePartnership`).
    #[expect(
        clippy::too_many_lines,
        reason = "one short arm per Command, so the match stays exhaustive and each edit is read beside the others"
    )]
    pub fn apply(&mut self, command: &Command, outcome: &Outcome) {
        let here = self.partnership.id;
        match (command, *outcome) {
            (Command::UpdatePartnership(p), _) if p.id == here => {
                let is_sample = self.partnership.is_sample;
                self.partnership = p.clone();
                self.partnership.is_sample = is_sample;
            }
            (Command::SetArchived(id, archived), _) if *id == here => {
                self.partnership.archived = *archived;
            }
            (Command::AddPerson(partnership, new), Outcome::PersonAdded(id))
                if *partnership == here =>
            {
                self.people.push(Person {
                    id,
                    partnership_id: here,
                    fields: PersonFields {
                        name: new.name.trim().to_owned(),
                        ..new.clone()
                    },
                });
            }
            (Command::UpdatePerson(person), _) => {
                if let Some(slot) = self.people.iter_mut().find(|p| p.id == person.id) {
                    slot.fields.clone_from(&person.fields);
                }
            }
            (Command::DeletePerson(id), _) => {
                self.people.retain(|p| p.id != *id);
                self.ratings
                    .retain(|(_, rater), _| *rater != Rater::Person(*id));
            }
            (Command::CreateCycle(new), Outcome::CycleCreated(id))
                if new.partnership_id == here =>
            {
                self.rated_with
                    .insert((new.instrument_key.clone(), new.instrument_version.clone()));
                self.cycles.push(Cycle {
                    id,
                    partnership_id: here,
                    fields: new.fields.clone(),
                });
            }
            (Command::SetCycleStatus(id, status), _) => {
                if let Some(cycle) = self.cycles.iter_mut().find(|c| c.id == *id) {
                    cycle.status = *status;
                }
            }
            (Command::SetCycleHidden(id, hidden), _) => {
                if let Some(cycle) = self.cycles.iter_mut().find(|c| c.id == *id) {
                    cycle.hidden = *hidden;
                }
            }
            (Command::DeleteCycle(id), _) => {
                self.cycles.retain(|c| c.id != *id);
                self.ratings.retain(|(cycle, _), _| cycle != id);
            }
            (Command::SetLevel(key, level), _) if self.cycle(key.cycle_id).is_some() => {
                self.update_rating(key, |r| r.level = *level);
            }
            (Command::SetEvidence(key, text), _) if self.cycle(key.cycle_id).is_some() => {
                self.update_rating(key, |r| r.evidence.clone_from(text));
            }
            (Command::SetNextSteps(key, text), _) if self.cycle(key.cycle_id).is_some() => {
                self.update_rating(key, |r| r.next_steps.clone_from(text));
            }
            (Command::AddStageEntry(new), Outcome::StageEntryAdded(id))
                if new.partnership_id == here =>
            {
                self.stages.push(StageEntry {
                    id,
                    partnership_id: here,
                    fields: new.fields.clone(),
                });
            }
            (Command::UpdateStageEntry(entry), _) => {
                if let Some(slot) = self.stages.iter_mut().find(|e| e.id == entry.id) {
                    slot.fields.clone_from(&entry.fields);
                }
            }
            (Command::DeleteStageEntry(id), _) => self.stages.retain(|e| e.id != *id),
            (Command::CreateReadinessRound(new), Outcome::ReadinessRoundCreated(id))
                if new.partnership_id == here =>
            {
                let round = crate::model::ReadinessRound {
                    id,
                    partnership_id: here,
                    fields: new.fields.clone(),
                };
                self.readiness.push(ReadinessView::new(
                    round,
                    Vec::new(),
                    Vec::new(),
                    Vec::new(),
                ));
            }
            (Command::UpdateReadinessRound(round), _) => {
                if let Some(view) = self.readiness_round_mut(round.id) {
                    view.round.title.clone_from(&round.title);
                    view.round.held_on = round.held_on;
                }
            }
            (Command::DeleteReadinessRound(id), _) => self.readiness.retain(|r| r.round.id != *id),
            (Command::AddReadinessMember(new), Outcome::ReadinessMemberAdded(id)) => {
                if let Some(view) = self.readiness_round_mut(new.round_id) {
                    view.members.push(ReadinessMember {
                        id,
                        round_id: new.round_id,
                        fields: ReadinessMemberFields {
                            name: new.name.trim().to_owned(),
                            ..new.fields.clone()
                        },
                    });
                }
            }
            (Command::UpdateReadinessMember(member), _) => {
                let slot = self
                    .readiness
                    .iter_mut()
                    .flat_map(|r| r.members.iter_mut())
                    .find(|m| m.id == member.id);
                if let Some(slot) = slot {
                    slot.fields.clone_from(&member.fields);
                }
            }
            (Command::DeleteReadinessMember(id), _) => {
                for round in &mut self.readiness {
                    round.remove_member(*id);
                }
            }
            (Command::SetReadinessRating(member, category, rating), _) => {
                if let Some(round) = self.round_of_member_mut(*member) {
                    round.update_rating(*member, category, |r| r.rating = *rating);
                }
            }
            (Command::SetReadinessConcerns(member, category, text), _) => {
                if let Some(round) = self.round_of_member_mut(*member) {
                    round.update_rating(*member, category, |r| r.concerns.clone_from(text));
                }
            }
            (Command::SetTeamConcerns(round, team, category, text), _) => {
                if let Some(round) = self.readiness_round_mut(*round) {
                    round.update_summary(*team, category, |s| s.concerns.clone_from(text));
                }
            }
            (Command::SetTeamStrengths(round, team, category, text), _) => {
                if let Some(round) = self.readiness_round_mut(*round) {
                    round.update_summary(*team, category, |s| s.strengths.clone_from(text));
                }
            }
            (Command::CreateDocument(new), Outcome::DocumentCreated(id))
                if new.partnership_id == here =>
            {
                self.documents.push(Document {
                    id,
                    partnership_id: here,
                    fields: new.fields.clone(),
                    changed_on: new.created_on,
                    values: std::collections::BTreeMap::new(),
                });
            }
            (Command::RenameDocument(id, title, on), _) => {
                if let Some(document) = self.documents.iter_mut().find(|d| d.id == *id) {
                    document.title.clone_from(title);
                    document.changed_on = *on;
                }
            }
            (Command::SetDocumentValue(id, field, value, on), _) => {
                if let Some(document) = self.documents.iter_mut().find(|d| d.id == *id) {
                    document.values.insert(field.clone(), value.clone());
                    document.changed_on = *on;
                }
            }
            (Command::DeleteDocument(id), _) => {
                self.documents.retain(|d| d.id != *id);
                self.action_steps
                    .retain(|s| s.source != ActionSource::Meeting(*id));
            }
            (Command::AddActionStep(new), Outcome::ActionStepAdded(id))
                if new.partnership_id == here =>
            {
                self.action_steps.push(ActionStep {
                    id,
                    partnership_id: here,
                    source: new.source,
                    fields: new.fields.clone(),
                });
            }
            (Command::UpdateActionStep(step), _) => {
                if let Some(slot) = self.action_steps.iter_mut().find(|s| s.id == step.id) {
                    slot.fields.clone_from(&step.fields);
                }
            }
            (Command::DeleteActionStep(id), _) => self.action_steps.retain(|s| s.id != *id),
            (Command::AddGoal(new), Outcome::GoalAdded(id)) if new.partnership_id == here => {
                self.goals.push(Goal {
                    id,
                    partnership_id: here,
                    goal: new.goal,
                    fields: new.fields.clone(),
                });
            }
            (Command::UpdateGoal(goal), _) => {
                if let Some(slot) = self.goals.iter_mut().find(|g| g.id == goal.id) {
                    slot.fields.clone_from(&goal.fields);
                }
            }
            (Command::DeleteGoal(id), _) => self.delete_goal(*id),
            (Command::AddMilestone(new), Outcome::MilestoneAdded(id))
                if new.partnership_id == here =>
            {
                self.milestones.push(Milestone {
                    id,
                    partnership_id: here,
                    serves: new.serves,
                    fields: new.fields.clone(),
                });
            }
            (Command::UpdateMilestone(m), _) => {
                if let Some(slot) = self.milestones.iter_mut().find(|s| s.id == m.id) {
                    let id = slot.id;
                    let partnership_id = slot.partnership_id;
                    *slot = Milestone {
                        id,
                        partnership_id,
                        ..m.clone()
                    };
                }
            }
            (Command::DeleteMilestone(id), _) => {
                self.milestones.retain(|m| m.id != *id);
                self.check_ins.retain(|c| c.milestone_id != *id);
                self.action_steps
                    .retain(|s| s.source != ActionSource::Milestone(*id));
            }
            (Command::AddCheckIn(new), Outcome::CheckInAdded(id))
                if self.milestones.iter().any(|m| m.id == new.milestone_id) =>
            {
                self.check_ins.push(CheckIn {
                    id,
                    milestone_id: new.milestone_id,
                    fields: new.fields.clone(),
                });
            }
            (Command::DeleteCheckIn(id), _) => self.check_ins.retain(|c| c.id != *id),
            (Command::AddAdaptation(new), Outcome::AdaptationAdded(id))
                if new.partnership_id == here =>
            {
                let mut adaptations = self.adaptations.clone();
                adaptations.push(Adaptation {
                    id,
                    partnership_id: here,
                    fields: new.fields.clone(),
                });
                self.set_adaptations(adaptations);
            }
            (Command::DeleteAdaptation(id), _) => {
                if let Some(lineage) = self.adaptation(*id).map(|a| a.lineage) {
                    let mut adaptations = self.adaptations.clone();
                    adaptations.retain(|a| a.lineage != lineage);
                    self.set_adaptations(adaptations);
                }
            }
            (Command::DeleteAdaptationVersion(id), _) => {
                let mut adaptations = self.adaptations.clone();
                adaptations.retain(|a| a.id != *id);
                self.set_adaptations(adaptations);
            }
            (Command::UpdateAdaptation(adaptation), _) => {
                let mut adaptations = self.adaptations.clone();
                if let Some(slot) = adaptations.iter_mut().find(|a| a.id == adaptation.id) {
                    // What `UPDATE adaptations` writes: the rest is fixed.
                    slot.name.clone_from(&adaptation.name);
                    slot.wording.clone_from(&adaptation.wording);
                }
                self.set_adaptations(adaptations);
            }
            (Command::AddAttachment(new), Outcome::AttachmentAdded(id))
                if new.partnership_id == here =>
            {
                self.attachments.push(Attachment {
                    id,
                    partnership_id: here,
                    to: new.to.clone(),
                    fields: new.fields.clone(),
                });
            }
            (Command::DeleteAttachment(id), _) => self.attachments.retain(|a| a.id != *id),
            // Another partnership's edits, and creations this view does not
            // hold (a new partnership is opened by loading it).
            _ => {}
        }
        // Evidence on a record that went (deleted, or in "Recently
        // deleted") is not shown, as the store does not load it.
        let attachments = std::mem::take(&mut self.attachments);
        self.attachments = attachments
            .into_iter()
            .filter(|a| self.holds(&a.to))
            .collect();
        self.keep_in_order();
    }

    /// Puts every list in the order the store loads it in.
    pub(super) fn keep_in_order(&mut self) {
        self.people.sort_by_key(|p| p.id);
        self.cycles.sort_by_key(|c| (c.administered_on, c.id));
        self.stages.sort_by_key(|e| (e.started_on, e.id));
        self.readiness
            .sort_by_key(|r| (r.round.held_on, r.round.id));
        self.documents.sort_by_key(|d| (d.created_on, d.id));
        self.action_steps.sort_by_key(|s| (s.raised_on, s.id));
        self.goals.sort_by_key(|g| g.id);
        self.milestones.sort_by_key(|m| m.id);
        self.check_ins.sort_by_key(|c| (c.on, c.id));
        self.attachments.sort_by_key(|a| a.id);
    }

    fn round_of_member_mut(
        &mut self,
        member: crate::model::ReadinessMemberId,
    ) -> Option<&mut ReadinessView> {
        self.readiness
            .iter_mut()
            .find(|r| r.member(member).is_some())
    }

    /// Deletes a goal with its objectives (and theirs); milestones that
    /// served one of them stay, serving none.
    fn delete_goal(&mut self, id: GoalId) {
        let mut gone = vec![id];
        let mut i = 0;
        while let Some(&parent) = gone.get(i) {
            for goal in &self.goals {
                if goal.goal == Some(parent) && !gone.contains(&goal.id) {
                    gone.push(goal.id);
                }
            }
            i += 1;
        }
        self.goals.retain(|g| !gone.contains(&g.id));
        for milestone in &mut self.milestones {
            if milestone.serves.is_some_and(|g| gone.contains(&g)) {
                milestone.serves = None;
            }
        }
    }
}
