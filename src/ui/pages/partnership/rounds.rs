//! The partnership's readiness rounds: the list, a new round, deleting one.

use egui::{RichText, Ui};
use jiff::civil::Date;

use crate::instrument::Instruments;
use crate::model::{
    Command, NewReadinessRound, PartnershipView, ReadinessRoundFields, ReadinessRoundId, Team,
    long_date,
};
use crate::ui::action::Actions;
use crate::ui::kit::{style, widgets};
use crate::ui::nav::{Page, ScreenContext};
use crate::ui::view::PageView;

/// The round being started, and the one the user asked to delete.
#[derive(Default)]
pub struct RoundsPage {
    new_round_title: String,
    new_round_date: Option<Date>,
    deleting_round: Option<ReadinessRoundId>,
}

/// The readiness rounds.
impl PageView for RoundsPage {
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        let ScreenContext {
            view,
            instruments,
            today,
            ..
        } = *cx;
        egui::ScrollArea::vertical()
            .id_salt(("rounds scroll", view.partnership.id))
            .show(ui, |ui| {
                readiness_rounds(ui, self, view, instruments, actions, today);
            });
        delete_round_dialog(ui, self, view, actions);
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "the readiness rounds page: one block per round, with its members and the dialogs that change them"
)]
fn readiness_rounds(
    ui: &mut Ui,
    state: &mut RoundsPage,
    view: &PartnershipView,
    instruments: Instruments,
    actions: &mut Actions,
    today: Date,
) {
    let tool = instruments.readiness;
    ui.label(
        RichText::new(&tool.title)
            .heading()
            .size(style::size::SECTION),
    );
    ui.weak(&tool.introduction);
    ui.add_space(style::space::XS);
    let categories = tool.categories.len();
    if view.readiness.is_empty() {
        ui.label("No readiness rounds yet. Each side's leadership team rates its readiness separately, then the two teams meet over their areas of concern.");
    } else {
        egui::Grid::new("readiness rounds")
            .num_columns(5)
            .striped(true)
            .spacing([16.0, 8.0])
            .show(ui, |ui| {
                ui.strong("Round");
                ui.strong("Date");
                ui.strong(Team::District.label());
                ui.strong(Team::Partner.label());
                ui.end_row();
                for round in view.readiness.iter().rev() {
                    let page = Page::Readiness(round.round.id);
                    if ui
                        .link(RichText::new(&round.round.title).strong())
                        .on_hover_text("Open this readiness round")
                        .clicked()
                    {
                        actions.go(view, page);
                    }
                    ui.label(long_date(round.round.held_on));
                    for team in Team::BOTH {
                        let members = round.members_of(team).count();
                        let rated: usize = tool
                            .categories
                            .iter()
                            .map(|c| round.team_category(team, &c.key).rated)
                            .sum();
                        ui.label(format!(
                            "{}, {rated} of {} ratings given",
                            widgets::count(members, "member", "members"),
                            members * categories
                        ));
                    }
                    ui.horizontal(|ui| {
                        if ui
                            .button("Open")
                            .accessible_name(format!("Open readiness round {}", round.round.title))
                            .clicked()
                        {
                            actions.go(view, page);
                        }
                        if ui
                            .button("Delete…")
                            .accessible_name(format!(
                                "Delete readiness round {}",
                                round.round.title
                            ))
                            .clicked()
                        {
                            state.deleting_round = Some(round.round.id);
                        }
                    });
                    ui.end_row();
                }
            });
    }
    ui.add_space(style::space::M);
    let mut date = state.new_round_date.unwrap_or(today);
    ui.horizontal(|ui| {
        ui.label("New readiness round");
        ui.add(
            egui::TextEdit::singleline(&mut state.new_round_title)
                .hint_text("e.g. Before we sign")
                .desired_width(style::width::LEGEND),
        )
        .accessible_name("Name of the new readiness round");
        ui.label("held on");
        if widgets::date_button(
            ui,
            "new round date",
            &mut date,
            "Date of the readiness round",
        )
        .changed()
        {
            state.new_round_date = Some(date);
        }
        if widgets::edit_button(ui, "+ Start readiness round").clicked() {
            let title = state.new_round_title.trim();
            let title = if title.is_empty() {
                format!("Readiness round {}", view.readiness.len() + 1)
            } else {
                title.to_owned()
            };
            actions.edit(Command::CreateReadinessRound(NewReadinessRound {
                partnership_id: view.partnership.id,
                fields: ReadinessRoundFields {
                    title,
                    held_on: date,
                    instrument_key: tool.key.clone(),
                    instrument_version: tool.version.clone(),
                },
            }));
            state.new_round_title.clear();
        }
    });
}

fn delete_round_dialog(
    ui: &mut Ui,
    state: &mut RoundsPage,
    view: &PartnershipView,
    actions: &mut Actions,
) {
    let asked = widgets::ask_first(ui, &mut state.deleting_round, |id| {
        let round = view.readiness_round(id)?;
        let title = format!("Delete the readiness round “{}”?", round.round.title);
        let body = format!(
            "This deletes the round with its {}, their ratings, areas of concern and the teams' summaries. For 30 days it can be restored from File > Recently deleted…; after that it is gone for good.",
            widgets::count(round.members.len(), "member", "members")
        );
        Some(widgets::Question {
            title,
            body,
            confirm: "Delete",
        })
    });
    if let Some(id) = asked {
        actions.edit(Command::DeleteReadinessRound(id));
    }
}
