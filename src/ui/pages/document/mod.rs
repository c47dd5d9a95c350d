//! A filled worksheet on screen: the Contract Supplement, a quarterly
//! meeting, and any worksheet to come.

mod meeting;
mod worksheet;

use egui::{RichText, Ui};

use super::goals::{self, GoalsForm};
use crate::instrument::{Holds, KEPT, QUARTERLY_MEETING};
use crate::model::{
    AttachedTo, Command, DocumentId, GoalFields, GoalId, NewGoal, OverYears, over_years,
};
use crate::ui::action::Actions;
use crate::ui::kit::{style, timer, widgets};
use crate::ui::nav::{Page, ScreenContext};
use crate::ui::pages::evidence;
use crate::ui::view::PageView;
use worksheet::Place;

#[derive(Default)]
pub struct DocumentPage {
    pub meeting: meeting::State,
    goals: GoalsForm,
    deleting: Option<DocumentId>,
}

impl PageView for DocumentPage {
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        if let Page::Document(document) = cx.page {
            show(ui, self, cx, document, actions);
        }
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "a document page: its title, the worksheet, the years side by side and the delete question share the document"
)]
fn show(
    ui: &mut Ui,
    state: &mut DocumentPage,
    cx: &ScreenContext<'_>,
    id: DocumentId,
    actions: &mut Actions,
) {
    let ScreenContext {
        view,
        instruments,
        today,
        ..
    } = *cx;
    let Some(document) = view.document(id) else {
        actions.go(view, Page::Overview);
        return;
    };
    let Some(sheet) = instruments.worksheet(&document.instrument_key) else {
        ui.label(
            RichText::new(format!(
                "This document was made with a tool this version of PartnerPath does not have ({} {}). Its contents are kept unchanged; open it with the newest PartnerPath.",
                document.instrument_key, document.instrument_version
            ))
            .color(style::warning_text(ui.visuals())),
        );
        return;
    };
    ui.add_space(style::space::XS);
    ui.horizontal(|ui| {
        ui.heading(&sheet.title);
        ui.label("·");
        let id = egui::Id::unique(("document title", document.id));
        if let Some(title) =
            widgets::required_text(ui, id, &document.title, "Title of this document", 420.0)
        {
            actions.edit(Command::RenameDocument(document.id, title, today));
        }
    });
    // On the line below the title, after the note, so that it stays in
    // sight at any zoom (a long title can push the right edge off screen).
    ui.horizontal(|ui| {
        ui.weak("Everything is saved as you type.");
        ui.add_space(style::space::XL);
        evidence::button(
            ui,
            view,
            &AttachedTo::Document(document.id),
            &format!("“{}”", document.title),
            actions,
        );
        if ui
            .button("Delete…")
            .on_hover_text("Delete this document; it can be restored for 30 days")
            .clicked()
        {
            state.deleting = Some(document.id);
        }
    });
    let asked = widgets::ask_first(ui, &mut state.deleting, |id| {
        let document = view.document(id)?;
        let steps = view.steps_raised_at(id).count();
        let also = if steps == 0 {
            String::new()
        } else {
            format!(
                " with the {} raised there",
                widgets::count(steps, "action step", "action steps")
            )
        };
        Some(widgets::Question {
            title: format!("Delete “{}”?", document.title),
            body: format!(
                "This deletes the document{also}. For 30 days it can be restored from File > Recently deleted…; after that it is gone for good."
            ),
            confirm: "Delete",
        })
    });
    if let Some(id) = asked {
        actions.edit(Command::DeleteDocument(id));
        actions.go(view, Page::Overview);
        return;
    }
    if document.instrument_version != sheet.version {
        ui.label(
            RichText::new(format!(
                "Made with version {} of this tool; shown with the wording of version {}.",
                document.instrument_version, sheet.version
            ))
            .color(style::warning_text(ui.visuals())),
        );
    }
    egui::ScrollArea::vertical()
        .id_salt(("document scroll", document.id))
        .auto_shrink(false)
        .show(ui, |ui| {
            let is_meeting = sheet.key == QUARTERLY_MEETING;
            if let Some(over) = over_years(sheet, view.documents_of(&sheet.key), &view.partnership)
                && over.years.len() > 1
            {
                over_the_years(ui, &over);
            }
            worksheet::show(
                ui,
                sheet,
                document,
                (view, instruments.standards),
                actions,
                &mut |ui, section, place, actions| match (place, section.minutes) {
                    (Place::Top, Some(minutes)) => {
                        let key = egui::Id::unique(("agenda", document.id, &section.key));
                        timer::show(ui, key, &section.title, minutes);
                    }
                    // The partnership's one set of goals and objectives,
                    // the Monitoring Plan's.
                    (Place::End, _) if section.holds == Some(Holds::Goals) => {
                        goals::goal_list(ui, view, actions, false);
                        goals::add_goal_form(ui, &mut state.goals, view, actions);
                        ui.weak("The same goals as on the Monitoring page.");
                    }
                    (Place::End, _) if section.holds == Some(Holds::Objectives) => {
                        goals::objective_list(ui, view, actions);
                        goals::add_objective_form(ui, &mut state.goals, view, actions);
                    }
                    _ if is_meeting => {
                        let state = &mut state.meeting;
                        meeting::extra(ui, state, section, place, document, cx, actions);
                    }
                    _ => {}
                },
                today,
            );
            kept_from_earlier(ui, sheet, document, view, actions);
        });
}

/// Values typed into fields that a later version of the tool no longer
/// has: shown, read-only, so that nothing typed is lost from sight.
fn kept_from_earlier(
    ui: &mut Ui,
    sheet: &crate::instrument::Worksheet,
    document: &crate::model::Document,
    view: &crate::model::PartnershipView,
    actions: &mut Actions,
) {
    let kept = document.kept_from_earlier(sheet, |id| view.person(id).map(|p| p.name.clone()));
    if kept.is_empty() {
        return;
    }
    ui.add_space(style::space::L);
    ui.label(RichText::new(KEPT).strong().size(style::size::SECTION));
    ui.weak("This version no longer asks for these; what was typed is kept as it was.");
    for (name, text) in kept {
        ui.label(RichText::new(name).strong());
        ui.add(egui::Label::new(text).wrap());
    }
    if sheet.sections.iter().any(|s| s.holds.is_some()) {
        move_earlier_goals(ui, document, view, actions);
    }
}

/// Moves what the tool's first version typed as its goal and objectives
/// into the partnership's one set: first the goal, then its objectives
/// under it (a goal must be there before its objectives can be).
fn move_earlier_goals(
    ui: &mut Ui,
    document: &crate::model::Document,
    view: &crate::model::PartnershipView,
    actions: &mut Actions,
) {
    let Some((goal, objectives)) = document.earlier_goals() else {
        return;
    };
    let new = |goal: Option<GoalId>, text: &str| {
        Command::AddGoal(NewGoal {
            partnership_id: view.partnership.id,
            goal,
            fields: GoalFields {
                text: text.to_owned(),
            },
        })
    };
    let parent = view
        .goals
        .iter()
        .find(|g| g.goal.is_none() && (g.text == goal || goal.is_empty()));
    ui.add_space(style::space::S);
    let Some(parent) = parent else {
        if goal.is_empty() {
            ui.weak("Add a goal on this page to move these objectives under it.");
        } else if ui
            .button(format!("Add the goal “{goal}” to the partnership's goals"))
            .clicked()
        {
            actions.edit(new(None, &goal));
        }
        return;
    };
    let missing: Vec<&String> = objectives
        .iter()
        .filter(|o| {
            !view
                .goals
                .iter()
                .any(|g| g.goal == Some(parent.id) && g.text == **o)
        })
        .collect();
    if missing.is_empty() {
        ui.weak("The goal and objectives above are among the partnership's goals.");
    } else if ui
        .button(format!(
            "Add {} under “{}”",
            widgets::count(missing.len(), "objective", "objectives"),
            parent.text
        ))
        .clicked()
    {
        for objective in missing {
            actions.edit(new(Some(parent.id), objective));
        }
    }
}

/// A per-year worksheet's ratings side by side, newest year first (as in
/// the heat map), so that the newest stays in view however many years
/// there are.
fn over_the_years(ui: &mut Ui, over: &OverYears) {
    ui.label(
        RichText::new("Over the years")
            .strong()
            .size(style::size::SECTION),
    );
    ui.weak("Newest school year first.");
    egui::ScrollArea::horizontal()
        .id_salt("over the years")
        .show(ui, |ui| {
            egui::Grid::new("over the years grid")
                .striped(true)
                .spacing([14.0, 6.0])
                .show(ui, |ui| {
                    ui.strong(&over.item);
                    for year in over.years.iter().rev() {
                        ui.strong(year.label());
                    }
                    ui.end_row();
                    for (item, values) in &over.rows {
                        ui.label(item);
                        for value in values.iter().rev() {
                            match value {
                                Some(value) => ui.label(value),
                                None => ui.weak("—"),
                            };
                        }
                        ui.end_row();
                    }
                });
        });
    ui.add_space(style::space::M);
}
