//! Edit > Undo and Redo: the session stores the step's edit
//! (`Session::undo`), and the window goes to the page that shows what it
//! changed.

use super::App;
use crate::model::undo::Step;
use crate::model::{ActionSource, AttachedTo, Command, PartnershipView};
use crate::problem::Problem;
use crate::ui::action::Action;
use crate::ui::nav::{Page, Screen, Tab};

impl App {
    /// Undoes the last edit (or redoes the last undone, `redo`), then
    /// shows where it was made.
    pub(super) fn undo(
        &mut self,
        redo: bool,
        navigate: &mut Option<Screen>,
    ) -> Result<(), Problem> {
        let Some(session) = self.session.as_mut() else {
            return Ok(());
        };
        let history = session.undo_history();
        let Some(step) = (if redo {
            history.next_redo()
        } else {
            history.next_undo()
        })
        .cloned() else {
            return Ok(());
        };
        match session.undo(redo) {
            Ok(_) => {
                let screen = screen_of(&step, session.view());
                if screen != self.screen {
                    *navigate = Some(screen);
                }
                self.done = Some(if redo {
                    format!("Redone: “{}”.", step.name)
                } else {
                    format!("Undone: “{}”. Edit > Redo makes it again.", step.name)
                });
                Ok(())
            }
            Err(problem) => {
                // Someone else's change met: the choice, not a problem.
                if let Some(conflict) = session.take_conflict() {
                    self.act(Action::ChooseInConflict(Box::new(conflict)));
                    return Ok(());
                }
                Err(problem)
            }
        }
    }
}

/// The page that shows what `step` changed: the grid of a level's cycle,
/// a worksheet, the monitoring plan; the partnership's own page for its
/// details and people; the list for a partnership made or deleted.
pub(super) fn screen_of(step: &Step, view: Option<&PartnershipView>) -> Screen {
    let Some(on) = step.on else {
        return Screen::Partnerships;
    };
    let round_of_member = |member| {
        view.and_then(|v| v.round_of_member(member))
            .map(|r| Page::Readiness(r.round.id))
    };
    let page = match &step.done {
        Command::CreatePartnership(_) | Command::DeletePartnership(_) => {
            return Screen::Partnerships;
        }
        Command::SetLevel(key, _)
        | Command::SetEvidence(key, _)
        | Command::SetNextSteps(key, _) => Some(Page::Continuum(key.cycle_id)),
        Command::SetCycleStatus(id, _) | Command::SetCycleHidden(id, _) => {
            Some(Page::Continuum(*id))
        }
        Command::CreateCycle(_) | Command::DeleteCycle(_) | Command::UnmakeCycle(_) => {
            Some(Page::Cycles)
        }
        Command::AddStageEntry(_) | Command::UpdateStageEntry(_) | Command::DeleteStageEntry(_) => {
            Some(Page::Trajectory(Tab::Stages))
        }
        Command::CreateReadinessRound(_) | Command::DeleteReadinessRound(_) => Some(Page::Rounds),
        Command::UpdateReadinessRound(round) => Some(Page::Readiness(round.id)),
        Command::AddReadinessMember(new) => Some(Page::Readiness(new.round_id)),
        Command::UpdateReadinessMember(member) => Some(Page::Readiness(member.round_id)),
        Command::DeleteReadinessMember(member)
        | Command::SetReadinessRating(member, ..)
        | Command::SetReadinessConcerns(member, ..) => round_of_member(*member),
        Command::SetTeamConcerns(round, ..) | Command::SetTeamStrengths(round, ..) => {
            Some(Page::Readiness(*round))
        }
        Command::RenameDocument(id, ..) | Command::SetDocumentValue(id, ..) => {
            Some(Page::Document(*id))
        }
        Command::CreateDocument(_) | Command::DeleteDocument(_) => Some(Page::Agreements),
        Command::AddActionStep(new) => Some(match new.source {
            ActionSource::Meeting(document) => Page::Document(document),
            ActionSource::Milestone(_) => Page::Monitoring,
        }),
        Command::UpdateActionStep(step) => Some(match step.source {
            ActionSource::Meeting(document) => Page::Document(document),
            ActionSource::Milestone(_) => Page::Monitoring,
        }),
        Command::DeleteActionStep(_)
        | Command::AddGoal(_)
        | Command::UpdateGoal(_)
        | Command::DeleteGoal(_)
        | Command::AddMilestone(_)
        | Command::UpdateMilestone(_)
        | Command::DeleteMilestone(_)
        | Command::AddCheckIn(_)
        | Command::DeleteCheckIn(_) => Some(Page::Monitoring),
        Command::UpdateAdaptation(adaptation) => Some(Page::Adaptation(adaptation.id)),
        Command::AddAttachment(new) => Some(match &new.to {
            AttachedTo::Indicator(cycle, _) => Page::Continuum(*cycle),
            AttachedTo::ReadinessRound(round) => Page::Readiness(*round),
            AttachedTo::Document(document) => Page::Document(*document),
            AttachedTo::Milestone(_) => Page::Monitoring,
        }),
        Command::UpdatePartnership(_)
        | Command::SetArchived(..)
        | Command::AddPerson(..)
        | Command::UpdatePerson(_)
        | Command::DeletePerson(_)
        | Command::AddAdaptation(_)
        | Command::DeleteAdaptation(_)
        | Command::DeleteAdaptationVersion(_)
        | Command::DeleteAttachment(_)
        | Command::Restore(..)
        | Command::Reinstate(_)
        | Command::RemoveAgain(_) => None,
    };
    Screen::In(on, page.unwrap_or(Page::Overview))
}
