//! An open database and the partnership being worked on: edits come in as
//! commands, are written to the file, then reflected in memory in the same
//! step. Nothing here draws; the screens read from it.

use std::path::Path;

use crate::model::{
    Command, CycleId, CycleStatus, Document, DocumentId, PartnershipId, PartnershipSummary,
    PartnershipView, ReadinessRoundId,
};
use crate::problem::Problem;
use crate::store::{Store, StoreError};

pub struct Session {
    store: Store,
    summaries: Vec<PartnershipSummary>,
    open: Option<PartnershipView>,
}

/// What an applied command made, for the screens to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    PartnershipCreated(PartnershipId),
    CycleCreated(CycleId),
    ReadinessRoundCreated(ReadinessRoundId),
    DocumentCreated(DocumentId),
}

impl Session {
    pub fn open(path: &Path) -> Result<Session, Problem> {
        let store = Store::open(path).map_err(|e| e.problem())?;
        Session::with_store(store)
    }

    pub fn with_store(store: Store) -> Result<Session, Problem> {
        let summaries = store.partnership_summaries().map_err(|e| e.problem())?;
        Ok(Session {
            store,
            summaries,
            open: None,
        })
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn summaries(&self) -> &[PartnershipSummary] {
        &self.summaries
    }

    /// Reads the list of partnerships again (after working inside one).
    pub fn refresh_summaries(&mut self) -> Result<(), Problem> {
        self.summaries = self
            .store
            .partnership_summaries()
            .map_err(|e| e.problem())?;
        Ok(())
    }

    pub fn view(&self) -> Option<&PartnershipView> {
        self.open.as_ref()
    }

    /// Loads one partnership into memory for its screens.
    pub fn open_partnership(&mut self, id: PartnershipId) -> Result<&PartnershipView, Problem> {
        let view = self.store.load_partnership(id).map_err(|e| e.problem())?;
        Ok(self.open.insert(view))
    }

    pub fn close_partnership(&mut self) {
        self.open = None;
    }

    /// Writes one edit to the database and, once it is stored, to memory.
    /// On failure nothing changes in memory and the problem says why.
    pub fn apply(&mut self, command: Command) -> Result<Outcome, Problem> {
        self.check(&command)?;
        self.apply_checked(command).map_err(|e| e.problem())
    }

    /// Refuses edits that the screens should not have offered.
    fn check(&self, command: &Command) -> Result<(), Problem> {
        let refuse = |what: &str, what_to_do: &str| {
            Err(Problem {
                what: what.to_owned(),
                what_to_do: what_to_do.to_owned(),
                path: None,
            })
        };
        match command {
            Command::CreatePartnership(new) if new.name.trim().is_empty() => refuse(
                "A partnership needs a name.",
                "Type a name, then create it.",
            ),
            Command::UpdatePartnership(p) if p.name.trim().is_empty() => refuse(
                "A partnership needs a name, so the empty name was not saved.",
                "Type a name for the partnership.",
            ),
            Command::AddReadinessMember(new) if new.name.trim().is_empty() => refuse(
                "A team member needs a name.",
                "Type their name, then add them.",
            ),
            Command::UpdateReadinessMember(m) if m.name.trim().is_empty() => refuse(
                "A team member needs a name, so the empty name was not saved.",
                "Type their name.",
            ),
            Command::SetReadinessRating(_, _, Some(rating)) if !(1..=4).contains(rating) => refuse(
                "Readiness is rated from 1 to 4.",
                "Choose one of the four ratings.",
            ),
            Command::AddActionStep(new) if new.text.trim().is_empty() => refuse(
                "An action step needs to say what will be done.",
                "Type the step, then add it.",
            ),
            Command::AddMilestone(new) if new.milestone.trim().is_empty() => refuse(
                "A milestone needs a description.",
                "Type the milestone, then add it.",
            ),
            Command::AddPerson(_, new) if new.name.trim().is_empty() => {
                refuse("A person needs a name.", "Type their name, then add them.")
            }
            Command::UpdatePerson(p) if p.name.trim().is_empty() => refuse(
                "A person needs a name, so the empty name was not saved.",
                "Type their name.",
            ),
            Command::SetLevel(key, _)
            | Command::SetEvidence(key, _)
            | Command::SetNextSteps(key, _) => {
                let final_cycle = self
                    .open
                    .as_ref()
                    .and_then(|v| v.cycle(key.cycle_id))
                    .is_some_and(|c| c.status == CycleStatus::Final);
                if final_cycle {
                    refuse(
                        "This cycle is marked final, so its ratings are not changed.",
                        "Choose “Reopen for editing” first if the team agrees to change it.",
                    )
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }

    fn apply_checked(&mut self, command: Command) -> Result<Outcome, StoreError> {
        match command {
            Command::CreatePartnership(new) => {
                let id = self.store.create_partnership(&new, false)?;
                self.summaries = self.store.partnership_summaries()?;
                return Ok(Outcome::PartnershipCreated(id));
            }
            Command::UpdatePartnership(partnership) => {
                self.store.update_partnership(&partnership)?;
                if let Some(summary) = self
                    .summaries
                    .iter_mut()
                    .find(|s| s.partnership.id == partnership.id)
                {
                    summary.partnership = partnership.clone();
                }
                if let Some(view) = self.open_view(partnership.id) {
                    view.partnership = partnership;
                }
            }
            Command::SetArchived(id, archived) => {
                self.store.set_archived(id, archived)?;
                for summary in self.summaries.iter_mut().filter(|s| s.partnership.id == id) {
                    summary.partnership.archived = archived;
                }
                if let Some(view) = self.open_view(id) {
                    view.partnership.archived = archived;
                }
            }
            Command::DeletePartnership(id) => {
                self.store.delete_partnership(id)?;
                self.summaries.retain(|s| s.partnership.id != id);
                if self.open_view(id).is_some() {
                    self.open = None;
                }
            }
            Command::AddPerson(partnership, new) => {
                self.store.add_person(partnership, &new)?;
                self.reload(partnership)?;
            }
            Command::UpdatePerson(person) => {
                self.store.update_person(&person)?;
                if let Some(view) = self.open_view(person.partnership_id)
                    && let Some(slot) = view.people.iter_mut().find(|p| p.id == person.id)
                {
                    *slot = person;
                }
            }
            Command::DeletePerson(id) => {
                self.store.delete_person(id)?;
                self.reload_open()?;
            }
            Command::CreateCycle(new) => {
                let id = self.store.create_cycle(&new)?;
                self.reload(new.partnership_id)?;
                return Ok(Outcome::CycleCreated(id));
            }
            Command::SetCycleStatus(id, status) => {
                self.store.set_cycle_status(id, status)?;
                if let Some(cycle) = self
                    .open
                    .as_mut()
                    .and_then(|v| v.cycles.iter_mut().find(|c| c.id == id))
                {
                    cycle.status = status;
                }
            }
            Command::DeleteCycle(id) => {
                self.store.delete_cycle(id)?;
                self.reload_open()?;
            }
            Command::SetLevel(key, level) => {
                self.store.set_level(&key, level)?;
                self.update_open_rating(&key, |r| r.level = level);
            }
            Command::SetEvidence(key, text) => {
                self.store.set_evidence(&key, &text)?;
                self.update_open_rating(&key, |r| r.evidence = text);
            }
            Command::SetNextSteps(key, text) => {
                self.store.set_next_steps(&key, &text)?;
                self.update_open_rating(&key, |r| r.next_steps = text);
            }
            Command::AddStageEntry(new) => {
                self.store.add_stage_entry(&new)?;
                self.reload(new.partnership_id)?;
            }
            Command::UpdateStageEntry(entry) => {
                self.store.update_stage_entry(&entry)?;
                if let Some(view) = self.open_view(entry.partnership_id)
                    && let Some(slot) = view.stages.iter_mut().find(|e| e.id == entry.id)
                {
                    *slot = entry;
                }
            }
            Command::DeleteStageEntry(id) => {
                self.store.delete_stage_entry(id)?;
                if let Some(view) = self.open.as_mut() {
                    view.stages.retain(|e| e.id != id);
                }
            }
            Command::CreateReadinessRound(new) => {
                let id = self.store.create_readiness_round(&new)?;
                self.reload(new.partnership_id)?;
                return Ok(Outcome::ReadinessRoundCreated(id));
            }
            Command::UpdateReadinessRound(round) => {
                self.store.update_readiness_round(&round)?;
                self.reload(round.partnership_id)?;
            }
            Command::DeleteReadinessRound(id) => {
                self.store.delete_readiness_round(id)?;
                self.reload_open()?;
            }
            Command::AddReadinessMember(new) => {
                self.store.add_readiness_member(&new)?;
                self.reload_open()?;
            }
            Command::UpdateReadinessMember(member) => {
                self.store.update_readiness_member(&member)?;
                self.reload_open()?;
            }
            Command::DeleteReadinessMember(id) => {
                self.store.delete_readiness_member(id)?;
                self.reload_open()?;
            }
            Command::SetReadinessRating(member, category, rating) => {
                self.store.set_readiness_rating(member, &category, rating)?;
                self.update_member(member, &category, |r| r.rating = rating);
            }
            Command::SetReadinessConcerns(member, category, text) => {
                self.store
                    .set_readiness_concerns(member, &category, &text)?;
                self.update_member(member, &category, |r| r.concerns = text);
            }
            Command::SetTeamConcerns(round, team, category, text) => {
                self.store
                    .set_team_concerns(round, team, &category, &text)?;
                if let Some(r) = self
                    .open
                    .as_mut()
                    .and_then(|v| v.readiness_round_mut(round))
                {
                    r.update_summary(team, &category, |s| s.concerns = text);
                }
            }
            Command::CreateDocument(new) => {
                let id = self.store.create_document(&new)?;
                self.reload(new.partnership_id)?;
                return Ok(Outcome::DocumentCreated(id));
            }
            Command::RenameDocument(id, title) => {
                self.store.rename_document(id, &title)?;
                if let Some(document) = self.open_document(id) {
                    document.title = title;
                }
            }
            Command::SetDocumentValue(id, field, value) => {
                self.store.set_document_value(id, &field, &value)?;
                if let Some(document) = self.open_document(id) {
                    document.values.insert(field, value);
                }
            }
            Command::DeleteDocument(id) => {
                self.store.delete_document(id)?;
                self.reload_open()?;
            }
            Command::AddActionStep(new) => {
                self.store.add_action_step(&new)?;
                self.reload(new.partnership_id)?;
            }
            Command::UpdateActionStep(step) => {
                self.store.update_action_step(&step)?;
                if let Some(view) = self.open_view(step.partnership_id)
                    && let Some(slot) = view.action_steps.iter_mut().find(|s| s.id == step.id)
                {
                    *slot = step;
                }
            }
            Command::DeleteActionStep(id) => {
                self.store.delete_action_step(id)?;
                self.reload_open()?;
            }
            Command::AddGoal(new) => {
                self.store.add_goal(&new)?;
                self.reload(new.partnership_id)?;
            }
            Command::UpdateGoal(goal) => {
                self.store.update_goal(&goal)?;
                if let Some(view) = self.open_view(goal.partnership_id)
                    && let Some(slot) = view.goals.iter_mut().find(|g| g.id == goal.id)
                {
                    *slot = goal;
                }
            }
            Command::DeleteGoal(id) => {
                self.store.delete_goal(id)?;
                self.reload_open()?;
            }
            Command::AddMilestone(new) => {
                self.store.add_milestone(&new)?;
                self.reload(new.partnership_id)?;
            }
            Command::UpdateMilestone(milestone) => {
                self.store.update_milestone(&milestone)?;
                if let Some(view) = self.open_view(milestone.partnership_id)
                    && let Some(slot) = view.milestones.iter_mut().find(|m| m.id == milestone.id)
                {
                    *slot = milestone;
                }
            }
            Command::DeleteMilestone(id) => {
                self.store.delete_milestone(id)?;
                self.reload_open()?;
            }
            Command::AddCheckIn(new) => {
                self.store.add_check_in(&new)?;
                self.reload_open()?;
            }
            Command::DeleteCheckIn(id) => {
                self.store.delete_check_in(id)?;
                self.reload_open()?;
            }
            Command::SetTeamStrengths(round, team, category, text) => {
                self.store
                    .set_team_strengths(round, team, &category, &text)?;
                if let Some(r) = self
                    .open
                    .as_mut()
                    .and_then(|v| v.readiness_round_mut(round))
                {
                    r.update_summary(team, &category, |s| s.strengths = text);
                }
            }
        }
        Ok(Outcome::Done)
    }

    fn open_document(&mut self, id: DocumentId) -> Option<&mut Document> {
        self.open
            .as_mut()
            .and_then(|v| v.documents.iter_mut().find(|d| d.id == id))
    }

    fn open_view(&mut self, id: PartnershipId) -> Option<&mut PartnershipView> {
        self.open.as_mut().filter(|v| v.partnership.id == id)
    }

    /// Changes a readiness member's rating in memory.
    fn update_member(
        &mut self,
        member: crate::model::ReadinessMemberId,
        category: &str,
        change: impl FnOnce(&mut crate::model::MemberRating),
    ) {
        let round = self.open.as_mut().and_then(|view| {
            view.readiness
                .iter_mut()
                .find(|r| r.member(member).is_some())
        });
        if let Some(round) = round {
            round.update_rating(member, category, change);
        }
    }

    fn update_open_rating(
        &mut self,
        key: &crate::model::RatingKey,
        change: impl FnOnce(&mut crate::model::Rating),
    ) {
        if let Some(view) = self.open.as_mut() {
            view.update_rating(key, change);
        }
    }

    /// Reloads the open partnership and the list after a structural change.
    fn reload(&mut self, id: PartnershipId) -> Result<(), StoreError> {
        self.open = Some(self.store.load_partnership(id)?);
        self.summaries = self.store.partnership_summaries()?;
        Ok(())
    }

    fn reload_open(&mut self) -> Result<(), StoreError> {
        match self.open.as_ref().map(|v| v.partnership.id) {
            Some(id) => self.reload(id),
            None => {
                self.summaries = self.store.partnership_summaries()?;
                Ok(())
            }
        }
    }
}
