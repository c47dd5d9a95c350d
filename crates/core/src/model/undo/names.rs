//! What the Edit menu calls a step: "Undo “Set Decision Making to
//! Established”". PartnerPath's own words, named from what the window
//! showed when the edit was made (a person removed is named as they were);
//! the menu puts the name in quotation marks, so names hold none.

use super::Before;
use crate::instrument::Instruments;
use crate::model::{Command, Level, Rater, RatingKey, continuum_for};

/// `command` in a few words.
#[expect(
    clippy::too_many_lines,
    reason = "one short arm per Command, so the match stays exhaustive"
)]
pub fn name(command: &Command, before: Before<'_>, instruments: Option<&Instruments>) -> String {
    let view = before.view;
    let indicator = |key: &RatingKey| -> String {
        let named = view.zip(instruments).and_then(|(view, instruments)| {
            let cycle = view.cycle(key.cycle_id)?;
            let continuum = continuum_for(instruments, view, cycle);
            continuum
                .indicator(&key.indicator_key)
                .map(|i| i.name.clone())
        });
        named.unwrap_or_else(|| key.indicator_key.replace('-', " "))
    };
    let whose = |key: &RatingKey| match key.rater {
        Rater::Consensus => String::new(),
        Rater::Person(id) => view
            .and_then(|v| v.person(id))
            .map(|p| format!(" for {}", p.name))
            .unwrap_or_default(),
    };
    let level = |key: &RatingKey, level: &Option<Level>| match level {
        None => format!("Clear the level of {}{}", indicator(key), whose(key)),
        Some(level) => {
            let words = view
                .zip(instruments)
                .and_then(|(view, instruments)| {
                    let cycle = view.cycle(key.cycle_id)?;
                    Some(
                        continuum_for(instruments, view, cycle)
                            .level_name(*level)
                            .to_owned(),
                    )
                })
                .unwrap_or_else(|| format!("level {}", level.number()));
            format!("Set {}{} to {words}", indicator(key), whose(key))
        }
    };
    let category = |key: &str| {
        instruments
            .and_then(|i| i.readiness.categories.iter().find(|c| c.key == key))
            .map_or_else(|| key.to_owned(), |c| c.name.clone())
    };
    let person = |id| {
        view.and_then(|v| v.person(id))
            .map_or_else(|| "a person".to_owned(), |p| p.name.clone())
    };
    let document = |id| {
        view.and_then(|v| v.document(id))
            .map_or_else(|| "a worksheet".to_owned(), |d| d.title.clone())
    };
    let partnership = |id| {
        view.map(|v| &v.partnership)
            .filter(|p| p.id == id)
            .or_else(|| {
                before
                    .listed
                    .iter()
                    .map(|s| &s.partnership)
                    .find(|p| p.id == id)
            })
            .map_or_else(|| "the partnership".to_owned(), |p| p.name.clone())
    };
    let cycle = |id| {
        view.and_then(|v| v.cycle(id)).map_or_else(
            || "a cycle".to_owned(),
            |c| format!("the {} cycle", c.school_year),
        )
    };
    let round = |id| {
        view.and_then(|v| v.readiness_round(id))
            .map_or_else(|| "a readiness round".to_owned(), |r| r.round.title.clone())
    };
    let member = |id| {
        view.and_then(|v| v.round_of_member(id))
            .and_then(|r| r.members.iter().find(|m| m.id == id))
            .map_or_else(|| "a team member".to_owned(), |m| m.name.clone())
    };
    match command {
        Command::CreatePartnership(new) => format!("Create {}", new.name.trim()),
        Command::UpdatePartnership(p) => format!("Edit {}", partnership(p.id)),
        Command::SetArchived(id, true) => format!("Archive {}", partnership(*id)),
        Command::SetArchived(id, false) => format!("Bring back {}", partnership(*id)),
        Command::DeletePartnership(id) => format!("Delete {}", partnership(*id)),
        Command::AddPerson(_, new) => format!("Add {}", new.name.trim()),
        Command::UpdatePerson(p) => format!("Edit {}", person(p.id)),
        Command::DeletePerson(id) => format!("Remove {}", person(*id)),
        Command::CreateCycle(new) => format!("Start the {} cycle", new.fields.school_year),
        Command::SetCycleStatus(id, status) => match status {
            crate::model::CycleStatus::Final => format!("Mark {} final", cycle(*id)),
            crate::model::CycleStatus::Draft => format!("Reopen {}", cycle(*id)),
        },
        Command::SetCycleHidden(_, true) => "Rate first, reveal together".to_owned(),
        Command::SetCycleHidden(_, false) => "Reveal the levels".to_owned(),
        Command::DeleteCycle(id) | Command::UnmakeCycle(id) => format!("Delete {}", cycle(*id)),
        Command::SetLevel(key, l) => level(key, l),
        Command::SetEvidence(key, _) => format!("Type the evidence for {}", indicator(key)),
        Command::SetNextSteps(key, _) => format!("Type the next steps for {}", indicator(key)),
        Command::AddStageEntry(_) => "Add a stage".to_owned(),
        Command::UpdateStageEntry(_) => "Edit a stage".to_owned(),
        Command::DeleteStageEntry(_) => "Delete a stage".to_owned(),
        Command::CreateReadinessRound(new) => format!("Start {}", new.fields.title),
        Command::UpdateReadinessRound(r) => format!("Edit {}", round(r.id)),
        Command::DeleteReadinessRound(id) => format!("Delete {}", round(*id)),
        Command::AddReadinessMember(new) => format!("Add {}", new.fields.name.trim()),
        Command::UpdateReadinessMember(m) => format!("Edit {}", member(m.id)),
        Command::DeleteReadinessMember(id) => format!("Remove {}", member(*id)),
        Command::SetReadinessRating(m, key, _) => {
            format!("Rate {} for {}", category(key), member(*m))
        }
        Command::SetReadinessConcerns(m, key, _) => {
            format!("Type {}’s concerns on {}", member(*m), category(key))
        }
        Command::SetTeamConcerns(_, team, key, _) => {
            format!(
                "Type the {}’s concerns on {}",
                team.label().to_lowercase(),
                category(key)
            )
        }
        Command::SetTeamStrengths(_, team, key, _) => {
            format!(
                "Type the {}’s strengths on {}",
                team.label().to_lowercase(),
                category(key)
            )
        }
        Command::CreateDocument(new) => format!("Create {}", new.fields.title),
        Command::RenameDocument(id, ..) => format!("Rename {}", document(*id)),
        Command::SetDocumentValue(id, ..) => format!("Fill in {}", document(*id)),
        Command::DeleteDocument(id) => format!("Delete {}", document(*id)),
        Command::AddActionStep(_) => "Add an action step".to_owned(),
        Command::UpdateActionStep(_) => "Edit an action step".to_owned(),
        Command::DeleteActionStep(_) => "Delete an action step".to_owned(),
        Command::AddGoal(_) => "Add a goal".to_owned(),
        Command::UpdateGoal(_) => "Edit a goal".to_owned(),
        Command::DeleteGoal(_) => "Delete a goal".to_owned(),
        Command::AddMilestone(_) => "Add a milestone".to_owned(),
        Command::UpdateMilestone(_) => "Edit a milestone".to_owned(),
        Command::DeleteMilestone(_) => "Delete a milestone".to_owned(),
        Command::AddCheckIn(_) => "Add a check-in".to_owned(),
        Command::DeleteCheckIn(_) => "Delete a check-in".to_owned(),
        Command::AddAdaptation(_) => "Adapt the continuum".to_owned(),
        Command::UpdateAdaptation(_) => "Edit an adaptation".to_owned(),
        Command::DeleteAdaptation(_) | Command::DeleteAdaptationVersion(_) => {
            "Delete an adaptation".to_owned()
        }
        Command::AddAttachment(new) => format!("Attach {}", new.fields.name),
        Command::DeleteAttachment(_) => "Delete an attachment".to_owned(),
        Command::Restore(..) => "Restore from Recently deleted".to_owned(),
        Command::Reinstate(_) | Command::RemoveAgain(_) => "Put back".to_owned(),
    }
}
