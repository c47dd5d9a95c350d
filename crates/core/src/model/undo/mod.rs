//! Undo and redo. Every stored edit is kept with the edit that takes it
//! back (`inverse`), worked out from what the window showed before it and
//! what the store answered. Undoing stores that inverse as one more edit,
//! so it is saved at once, and on a shared database it meets someone
//! else's change as any edit does; redoing stores the inverse of the undo.
//!
//! A delete has an exact inverse: what sits in "Recently deleted" is
//! restored (`Command::Restore`), and the records a delete removed from the
//! file are put back with their ids (`Command::Reinstate`), so that every
//! later step that names them still names them.

mod names;

pub use names::name;

use super::{
    Command, DeletedKind, Document, FieldValue, Outcome, PartnershipId, PartnershipSummary,
    PartnershipView, Record,
};

/// What the window showed before an edit: the open partnership, and the
/// list (whose edits are made with no partnership open).
#[derive(Debug, Clone, Copy)]
pub struct Before<'a> {
    pub view: Option<&'a PartnershipView>,
    pub listed: &'a [PartnershipSummary],
}

/// The edit that takes `command` back, once it was stored with `outcome`;
/// `None` when what it changed was not in sight (an edit of another
/// partnership's records than the one open, which no screen makes).
#[expect(
    clippy::too_many_lines,
    reason = "one short arm per Command, so the match stays exhaustive"
)]
pub fn inverse(command: &Command, before: Before<'_>, outcome: &Outcome) -> Option<Command> {
    let view = before.view;
    let rating = |key: &super::RatingKey| {
        let view = view?;
        view.cycle(key.cycle_id)?;
        Some(
            view.rating(key.cycle_id, key.rater, &key.indicator_key)
                .cloned()
                .unwrap_or_default(),
        )
    };
    let document = |id| view.and_then(|v| v.document(id));
    let member = |member, category: &str| {
        Some(
            view?
                .round_of_member(member)?
                .rating(member, category)
                .cloned()
                .unwrap_or_default(),
        )
    };
    let summary = |round, team, category: &str| {
        Some(
            view?
                .readiness_round(round)?
                .summary(team, category)
                .cloned()
                .unwrap_or_default(),
        )
    };
    if *outcome == Outcome::Unchanged {
        // Nothing changed: its own inverse, which the history leaves out.
        return Some(command.clone());
    }
    Some(match (command, *outcome) {
        (Command::CreatePartnership(_), Outcome::PartnershipCreated(id)) => {
            Command::DeletePartnership(id)
        }
        (Command::UpdatePartnership(p), _) => {
            Command::UpdatePartnership(partnership(before, p.id)?.clone())
        }
        (Command::SetArchived(id, _), _) => {
            Command::SetArchived(*id, partnership(before, *id)?.archived)
        }
        (Command::DeletePartnership(id), _) => Command::Restore(DeletedKind::Partnership, id.0),
        (Command::AddPerson(..), Outcome::PersonAdded(id)) => Command::DeletePerson(id),
        (Command::CreateCycle(_), Outcome::CycleCreated(id)) => Command::UnmakeCycle(id),
        (Command::SetCycleStatus(id, _), _) => {
            Command::SetCycleStatus(*id, view?.cycle(*id)?.status)
        }
        (Command::SetCycleHidden(id, _), _) => {
            Command::SetCycleHidden(*id, view?.cycle(*id)?.hidden)
        }
        (Command::DeleteCycle(id), _) => Command::Restore(DeletedKind::Cycle, id.0),
        (Command::SetLevel(key, _), _) => Command::SetLevel(key.clone(), rating(key)?.level),
        (Command::SetEvidence(key, _), _) => {
            Command::SetEvidence(key.clone(), rating(key)?.evidence)
        }
        (Command::SetNextSteps(key, _), _) => {
            Command::SetNextSteps(key.clone(), rating(key)?.next_steps)
        }
        (Command::AddStageEntry(_), Outcome::StageEntryAdded(id)) => Command::DeleteStageEntry(id),
        (Command::CreateReadinessRound(_), Outcome::ReadinessRoundCreated(id)) => {
            Command::DeleteReadinessRound(id)
        }
        (Command::DeleteReadinessRound(id), _) => {
            Command::Restore(DeletedKind::ReadinessRound, id.0)
        }
        (Command::AddReadinessMember(_), Outcome::ReadinessMemberAdded(id)) => {
            Command::DeleteReadinessMember(id)
        }
        (Command::SetReadinessRating(m, category, _), _) => {
            Command::SetReadinessRating(*m, category.clone(), member(*m, category)?.rating)
        }
        (Command::SetReadinessConcerns(m, category, _), _) => {
            Command::SetReadinessConcerns(*m, category.clone(), member(*m, category)?.concerns)
        }
        (Command::SetTeamConcerns(round, team, category, _), _) => Command::SetTeamConcerns(
            *round,
            *team,
            category.clone(),
            summary(*round, *team, category)?.concerns,
        ),
        (Command::SetTeamStrengths(round, team, category, _), _) => Command::SetTeamStrengths(
            *round,
            *team,
            category.clone(),
            summary(*round, *team, category)?.strengths,
        ),
        (Command::CreateDocument(_), Outcome::DocumentCreated(id)) => Command::DeleteDocument(id),
        (Command::RenameDocument(id, ..), _) => {
            let Document {
                fields, changed_on, ..
            } = document(*id)?;
            Command::RenameDocument(*id, fields.title.clone(), *changed_on)
        }
        (Command::SetDocumentValue(id, field, value, _), _) => {
            let old = document(*id)?;
            let was = old
                .values
                .get(field)
                .cloned()
                .unwrap_or_else(|| value.emptied());
            Command::SetDocumentValue(*id, field.clone(), was, old.changed_on)
        }
        (Command::DeleteDocument(id), _) => Command::Restore(DeletedKind::Document, id.0),
        (Command::AddActionStep(_), Outcome::ActionStepAdded(id)) => Command::DeleteActionStep(id),
        (Command::AddGoal(_), Outcome::GoalAdded(id)) => Command::DeleteGoal(id),
        (Command::AddMilestone(_), Outcome::MilestoneAdded(id)) => Command::DeleteMilestone(id),
        (Command::AddCheckIn(_), Outcome::CheckInAdded(id)) => Command::DeleteCheckIn(id),
        (Command::AddAdaptation(_), Outcome::AdaptationAdded(id)) => {
            Command::DeleteAdaptationVersion(id)
        }
        (Command::AddAttachment(_), Outcome::AttachmentAdded(id)) => Command::DeleteAttachment(id),
        (Command::DeleteAttachment(id), _) => Command::Restore(DeletedKind::Attachment, id.0),
        (
            Command::UpdatePerson(_)
            | Command::UpdateStageEntry(_)
            | Command::UpdateReadinessRound(_)
            | Command::UpdateReadinessMember(_)
            | Command::UpdateActionStep(_)
            | Command::UpdateGoal(_)
            | Command::UpdateMilestone(_)
            | Command::UpdateAdaptation(_),
            _,
        ) => Record::written_by(command)?.in_view(view?)?.update(),
        (
            Command::DeletePerson(_)
            | Command::DeleteStageEntry(_)
            | Command::DeleteReadinessMember(_)
            | Command::DeleteActionStep(_)
            | Command::DeleteGoal(_)
            | Command::DeleteMilestone(_)
            | Command::DeleteCheckIn(_)
            | Command::DeleteAdaptation(_)
            | Command::DeleteAdaptationVersion(_)
            | Command::UnmakeCycle(_),
            outcome,
        ) => match outcome {
            Outcome::Removed(id) => Command::Reinstate(id),
            _ => return None,
        },
        (Command::Restore(kind, id), _) => deleted(*kind, *id),
        (Command::Reinstate(id), _) => Command::RemoveAgain(*id),
        (Command::RemoveAgain(id), _) => Command::Reinstate(*id),
        // An edit that makes a record, answered without one: nothing was
        // made, so there is nothing to take back.
        (
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
            | Command::AddAttachment(_),
            _,
        ) => return None,
    })
}

/// Whether `inverse` can be told before the store answers: not for an
/// edit that makes records or removes them for good, whose ids the store
/// gives.
pub fn known_before(command: &Command) -> bool {
    !command.makes_a_record()
        && !matches!(
            command,
            Command::DeletePerson(_)
                | Command::DeleteStageEntry(_)
                | Command::DeleteReadinessMember(_)
                | Command::DeleteActionStep(_)
                | Command::DeleteGoal(_)
                | Command::DeleteMilestone(_)
                | Command::DeleteCheckIn(_)
                | Command::DeleteAdaptation(_)
                | Command::DeleteAdaptationVersion(_)
                | Command::UnmakeCycle(_)
                | Command::RemoveAgain(_)
        )
}

/// The partnership `id` as the window showed it: open, or in the list
/// when none is open (the list is read again whenever it shows, not while
/// a partnership is open).
fn partnership(before: Before<'_>, id: PartnershipId) -> Option<&super::Partnership> {
    match before.view {
        Some(view) => Some(&view.partnership).filter(|p| p.id == id),
        None => before
            .listed
            .iter()
            .map(|s| &s.partnership)
            .find(|p| p.id == id),
    }
}

/// The delete that moves record `id` of `kind` to "Recently deleted".
fn deleted(kind: DeletedKind, id: i64) -> Command {
    use super::{AttachmentId, CycleId, DocumentId, ReadinessRoundId};
    match kind {
        DeletedKind::Partnership => Command::DeletePartnership(PartnershipId(id)),
        DeletedKind::Cycle => Command::DeleteCycle(CycleId(id)),
        DeletedKind::ReadinessRound => Command::DeleteReadinessRound(ReadinessRoundId(id)),
        DeletedKind::Document => Command::DeleteDocument(DocumentId(id)),
        DeletedKind::Attachment => Command::DeleteAttachment(AttachmentId(id)),
    }
}

impl FieldValue {
    /// The same kind of value holding nothing: what a field no one typed
    /// in shows.
    pub fn emptied(&self) -> FieldValue {
        match self {
            FieldValue::Text(_) => FieldValue::Text(String::new()),
            FieldValue::Date(_) => FieldValue::Date(None),
            FieldValue::YesNoDate { .. } => FieldValue::YesNoDate {
                confirmed: false,
                on: None,
            },
            FieldValue::Person(_) => FieldValue::Person(None),
            FieldValue::Choice(_) => FieldValue::Choice(None),
            FieldValue::Check(_) => FieldValue::Check(false),
            FieldValue::Rows(_) => FieldValue::Rows(Vec::new()),
        }
    }
}

/// One step of the history: the edit the user made (which says where it
/// was made) and its name (`name`, as the window showed it then), the edit
/// that takes the window to the other side of it (back, on the undo list;
/// forward again, on the redo list), and the partnership that was open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub done: Command,
    pub name: String,
    pub back: Command,
    pub on: Option<PartnershipId>,
}

/// Where a stored edit came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The user made it: a new step, and nothing left to redo.
    New,
    /// It undid the step that did this edit, named so.
    Undo(Command, String),
    /// It redid it.
    Redo(Command, String),
}

/// A window's undo and redo lists, kept until its file is closed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UndoHistory {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl UndoHistory {
    /// What Undo would take back, and what Redo would make again.
    pub fn next_undo(&self) -> Option<&Step> {
        self.undo.last()
    }

    pub fn next_redo(&self) -> Option<&Step> {
        self.redo.last()
    }

    /// How many steps can be undone, and redone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// Takes the next step to undo (or redo) off its list while its edit
    /// is stored; it comes back with `stored` or `not_stored`.
    pub fn take(&mut self, redo: bool) -> Option<Step> {
        if redo {
            self.redo.pop()
        } else {
            self.undo.pop()
        }
    }

    /// An edit from `origin`, made while `on` was open, was stored; `back`
    /// takes it back (`inverse`), or is `None` when it cannot. A new edit
    /// clears what could be redone; one that cannot be taken back clears
    /// the history too, as the steps before it can no longer be reached.
    /// Typing into the same field makes one step, not one per key.
    pub fn stored(
        &mut self,
        done: &Command,
        origin: Origin,
        back: Option<Command>,
        on: Option<PartnershipId>,
        name: String,
    ) {
        let Some(back) = back else {
            *self = UndoHistory::default();
            return;
        };
        match origin {
            Origin::New => {
                if back == *done {
                    // Nothing changed.
                    return;
                }
                self.redo.clear();
                if let Some(top) = self.undo.last_mut()
                    && typed_into(&top.done).is_some()
                    && typed_into(&top.done) == typed_into(done)
                    && top.on == on
                {
                    top.done = done.clone();
                    return;
                }
                self.undo.push(Step {
                    done: done.clone(),
                    name,
                    back,
                    on,
                });
            }
            Origin::Undo(done, name) => self.redo.push(Step {
                done,
                name,
                back,
                on,
            }),
            Origin::Redo(done, name) => self.undo.push(Step {
                done,
                name,
                back,
                on,
            }),
        }
    }

    /// The edit of a step taken off its list was not stored (`failed`):
    /// the step goes back where it was, so that it can be tried again. One
    /// that met someone else's change is dropped: the user chooses between
    /// the two, and what they keep is a new edit.
    pub fn not_stored(&mut self, step: Step, redo: bool, conflict: bool) {
        if conflict {
            return;
        }
        if redo {
            self.redo.push(step);
        } else {
            self.undo.push(step);
        }
    }
}

/// The field a typing edit writes, when it is one: each key typed is
/// stored as an edit, and those of one field in a row make one step. A
/// record written whole (a person, a milestone) counts as one field.
#[derive(Debug, PartialEq, Eq)]
enum Typed<'a> {
    Rating(&'a super::RatingKey, u8),
    Field(super::DocumentId, &'a str),
    Title(super::DocumentId),
    Member(super::ReadinessMemberId, &'a str),
    Team(super::ReadinessRoundId, super::Team, &'a str, u8),
    /// Which kind of record, and its id.
    Record(u8, i64),
}

fn typed_into(command: &Command) -> Option<Typed<'_>> {
    Some(match command {
        Command::SetEvidence(key, _) => Typed::Rating(key, 0),
        Command::SetNextSteps(key, _) => Typed::Rating(key, 1),
        Command::SetDocumentValue(id, field, FieldValue::Text(_), _) => Typed::Field(*id, field),
        Command::RenameDocument(id, ..) => Typed::Title(*id),
        Command::SetReadinessConcerns(m, category, _) => Typed::Member(*m, category),
        Command::SetTeamConcerns(round, team, category, _) => {
            Typed::Team(*round, *team, category, 0)
        }
        Command::SetTeamStrengths(round, team, category, _) => {
            Typed::Team(*round, *team, category, 1)
        }
        Command::UpdatePartnership(p) => Typed::Record(0, p.id.0),
        Command::UpdatePerson(p) => Typed::Record(1, p.id.0),
        Command::UpdateStageEntry(e) => Typed::Record(2, e.id.0),
        Command::UpdateReadinessRound(r) => Typed::Record(3, r.id.0),
        Command::UpdateReadinessMember(m) => Typed::Record(4, m.id.0),
        Command::UpdateActionStep(s) => Typed::Record(5, s.id.0),
        Command::UpdateGoal(g) => Typed::Record(6, g.id.0),
        Command::UpdateMilestone(m) => Typed::Record(7, m.id.0),
        Command::UpdateAdaptation(a) => Typed::Record(8, a.id.0),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CycleId, DocumentId, Level, PersonId, Rater, RatingKey};

    fn key() -> RatingKey {
        RatingKey {
            cycle_id: CycleId(1),
            indicator_key: "shared-goals".into(),
            rater: Rater::Consensus,
        }
    }

    fn store(history: &mut UndoHistory, done: &Command, back: Command) {
        history.stored(
            done,
            Origin::New,
            Some(back),
            Some(PartnershipId(1)),
            "a change".into(),
        );
    }

    #[test]
    fn typing_into_one_field_is_one_step_and_a_new_change_leaves_nothing_to_redo() {
        let mut history = UndoHistory::default();
        let evidence = |text: &str| Command::SetEvidence(key(), text.into());
        store(&mut history, &evidence("M"), evidence(""));
        store(&mut history, &evidence("Mi"), evidence("M"));
        store(&mut history, &evidence("Min"), evidence("Mi"));
        assert_eq!(history.undo_len(), 1, "one field typed into: one step");
        let step = history.next_undo().expect("a step");
        assert_eq!((&step.done, &step.back), (&evidence("Min"), &evidence("")));

        // A level between two typings parts them.
        let level = |l| Command::SetLevel(key(), Level::new(l));
        store(&mut history, &level(3), level(0));
        store(&mut history, &evidence("Minutes"), evidence("Min"));
        assert_eq!(history.undo_len(), 3);

        // Undone, then a new change: nothing is left to redo.
        let step = history.take(false).expect("undo");
        history.stored(
            &step.back,
            Origin::Undo(step.done, step.name),
            Some(evidence("Minutes")),
            step.on,
            String::new(),
        );
        assert_eq!((history.undo_len(), history.redo_len()), (2, 1));
        store(&mut history, &level(2), level(3));
        assert_eq!((history.undo_len(), history.redo_len()), (3, 0));
    }

    #[test]
    fn a_change_that_changed_nothing_is_no_step_and_one_that_cannot_be_taken_back_starts_again() {
        let mut history = UndoHistory::default();
        let rename = |t: &str| {
            Command::RenameDocument(DocumentId(1), t.into(), jiff::civil::date(2026, 1, 1))
        };
        store(&mut history, &rename("A"), rename("B"));
        store(&mut history, &rename("A"), rename("A"));
        assert_eq!(history.undo_len(), 1, "the same title again is no step");
        history.stored(
            &Command::DeletePerson(PersonId(9)),
            Origin::New,
            None,
            Some(PartnershipId(1)),
            String::new(),
        );
        assert_eq!((history.undo_len(), history.redo_len()), (0, 0));
    }

    #[test]
    fn a_step_not_stored_goes_back_unless_it_met_someone_elses_change() {
        let mut history = UndoHistory::default();
        let level = |l| Command::SetLevel(key(), Level::new(l));
        store(&mut history, &level(3), level(0));
        let step = history.take(false).expect("undo");
        history.not_stored(step.clone(), false, false);
        assert_eq!(history.next_undo(), Some(&step), "back, to try again");
        let step = history.take(false).expect("undo");
        history.not_stored(step, false, true);
        assert_eq!(history.undo_len(), 0, "dropped: the user chose");
    }

    /// The Edit menu quotes the name: the name itself holds no quotation
    /// marks.
    #[test]
    fn a_step_is_named_without_quotation_marks() {
        let partnership = crate::model::Partnership {
            id: PartnershipId(1),
            is_sample: false,
            fields: crate::model::PartnershipFields {
                name: "Oak SD & Elm University".into(),
                ..crate::model::PartnershipFields::default()
            },
        };
        let listed = [PartnershipSummary {
            partnership: partnership.clone(),
            people: 0,
            cycles: 0,
            ratings: 0,
            latest_school_year: None,
        }];
        let before = Before {
            view: None,
            listed: &listed,
        };
        assert_eq!(
            name(&Command::SetArchived(PartnershipId(1), true), before, None),
            "Archive Oak SD & Elm University"
        );
        assert_eq!(
            name(&Command::UpdatePartnership(partnership), before, None),
            "Edit Oak SD & Elm University"
        );
    }

    #[test]
    fn what_a_delete_removed_is_put_back_and_removed_again() {
        let nothing = Before {
            view: None,
            listed: &[],
        };
        let kept = crate::model::RemovedId(4);
        let delete = Command::DeletePerson(PersonId(2));
        assert_eq!(
            inverse(&delete, nothing, &Outcome::Removed(kept)),
            Some(Command::Reinstate(kept))
        );
        assert_eq!(
            inverse(&Command::Reinstate(kept), nothing, &Outcome::Joined),
            Some(Command::RemoveAgain(kept))
        );
        assert_eq!(
            inverse(&delete, nothing, &Outcome::Unchanged),
            Some(delete.clone()),
            "nothing was there: nothing to take back"
        );
        assert_eq!(
            inverse(&Command::DeleteCycle(CycleId(3)), nothing, &Outcome::Done),
            Some(Command::Restore(DeletedKind::Cycle, 3))
        );
        assert_eq!(
            inverse(
                &Command::SetLevel(key(), Level::new(2)),
                nothing,
                &Outcome::Done
            ),
            None,
            "no partnership in sight: no old level to go back to"
        );
    }
}
