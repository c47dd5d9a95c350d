//! A readiness round: each side's leadership team rates the four categories
//! on its own tab, sees its average, spread and gathered concerns, and
//! writes its summary; then both teams meet over their concerns and
//! strengths. Nothing here gives a verdict, a score or a colour of danger:
//! the tool sets no threshold for a go/no-go decision.

use egui::{Id, RichText, Ui};

use crate::instrument::{Readiness, ReadinessCategory, Standards};
use crate::model::{
    AttachedTo, Command, NewReadinessMember, ReadinessMemberFields, ReadinessMemberId,
    ReadinessRoundId, ReadinessView, Team, long_date,
};
use crate::ui::action::Actions;
use crate::ui::kit::{self, standards, style, widgets};
use crate::ui::nav::{Page, ScreenContext};
use crate::ui::pages::evidence;
use crate::ui::view::PageView;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    District,
    Partner,
    Together,
}

#[derive(Default)]
pub struct ReadinessPage {
    tab: Tab,
    /// The member whose ratings are being entered, per team.
    rating_as: Option<ReadinessMemberId>,
    new_name: String,
    new_role: String,
    removing: Option<ReadinessMemberId>,
    show_numbers: bool,
    show_about: bool,
}

impl PageView for ReadinessPage {
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        if let Page::Readiness(round) = cx.page {
            show(ui, self, cx, round, actions);
        }
    }
}

fn show(
    ui: &mut Ui,
    state: &mut ReadinessPage,
    cx: &ScreenContext<'_>,
    round_id: ReadinessRoundId,
    actions: &mut Actions,
) {
    let (view, tool) = (cx.view, cx.instruments.readiness);
    let Some(round) = view.readiness_round(round_id) else {
        actions.go(view, Page::Overview);
        return;
    };
    ui.add_space(style::space::XS);
    ui.horizontal(|ui| {
        ui.heading(format!("{} · {}", tool.title, round.round.title));
        ui.label(long_date(round.round.held_on));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.toggle_value(&mut state.show_about, "About this tool");
            evidence::button(
                ui,
                view,
                &AttachedTo::ReadinessRound(round.round.id),
                &format!("the readiness round {}", round.round.title),
                actions,
            );
        });
    });
    if state.show_about {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            for (title, text) in [
                ("Purpose", &tool.purpose),
                ("Process", &tool.process),
                ("Notes on use", &tool.notes_on_use),
            ] {
                ui.label(RichText::new(title).strong());
                ui.label(text);
            }
            ui.weak(format!("Source: {}", tool.source.citation()));
            standards::about(ui, cx.instruments.standards, &tool.key);
        });
    }
    ui.horizontal(|ui| {
        for (tab, label) in [
            (Tab::District, Team::District.label()),
            (Tab::Partner, Team::Partner.label()),
            (Tab::Together, "Both teams together"),
        ] {
            if ui
                .selectable_value(
                    &mut state.tab,
                    tab,
                    RichText::new(label).size(style::size::TAB),
                )
                .changed()
            {
                state.rating_as = None;
            }
        }
    });
    ui.separator();
    match state.tab {
        Tab::District => team_tab(ui, state, round, Team::District, cx, actions),
        Tab::Partner => team_tab(ui, state, round, Team::Partner, cx, actions),
        Tab::Together => together(ui, state, round, tool),
    }
    remove_dialog(ui, state, round, actions);
}

fn team_tab(
    ui: &mut Ui,
    state: &mut ReadinessPage,
    round: &ReadinessView,
    team: Team,
    cx: &ScreenContext<'_>,
    actions: &mut Actions,
) {
    let (tool, standards) = (cx.instruments.readiness, cx.instruments.standards);
    let members: Vec<_> = round.members_of(team).collect();
    if state
        .rating_as
        .is_none_or(|id| !members.iter().any(|m| m.id == id))
    {
        state.rating_as = members.first().map(|m| m.id);
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} members:", team.label()));
        for member in &members {
            let chosen = state.rating_as == Some(member.id);
            let text = if member.role.is_empty() {
                member.name.clone()
            } else {
                format!("{} ({})", member.name, member.role)
            };
            if ui
                .selectable_label(chosen, text)
                .accessible_name(format!("Rate as {}", member.name))
                .clicked()
            {
                state.rating_as = Some(member.id);
            }
        }
        ui.add_space(style::space::L);
        ui.add(
            egui::TextEdit::singleline(&mut state.new_name)
                .hint_text("Name")
                .desired_width(style::width::NAME_IN_ROW),
        )
        .accessible_name(format!("New member of the {}", team.label()));
        ui.add(
            egui::TextEdit::singleline(&mut state.new_role)
                .hint_text("Role")
                .desired_width(style::width::NAME_IN_ROW),
        )
        .accessible_name(format!("Role of the new member of the {}", team.label()));
        let ready = !state.new_name.trim().is_empty();
        if ui
            .add_enabled(
                ready && kit::may_edit(ui),
                egui::Button::new("+ Add member"),
            )
            .clicked()
        {
            actions.edit(Command::AddReadinessMember(NewReadinessMember {
                round_id: round.round.id,
                fields: ReadinessMemberFields {
                    team,
                    name: state.new_name.trim().to_owned(),
                    role: state.new_role.trim().to_owned(),
                },
            }));
            state.new_name.clear();
            state.new_role.clear();
        }
        if let Some(member) = state.rating_as.and_then(|id| round.member(id))
            && ui
                .button("Remove…")
                .accessible_name(format!("Remove {}", member.name))
                .clicked()
        {
            state.removing = Some(member.id);
        }
    });
    if members.is_empty() {
        ui.add_space(style::space::L);
        ui.label(format!(
            "Add the members of the {} to start. Each member rates the four categories on their own; the team then sees its average and everyone's concerns.",
            team.label().to_lowercase()
        ));
        return;
    }
    let member = state.rating_as.and_then(|id| round.member(id));
    egui::ScrollArea::vertical()
        .id_salt(("readiness team scroll", round.round.id, team))
        .auto_shrink(false)
        .show(ui, |ui| {
            for category in &tool.categories {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.columns(2, |columns| {
                        if let Some(member) = member {
                            member_side(
                                &mut columns[0],
                                round,
                                member.id,
                                &member.name,
                                category,
                                (tool, standards),
                                actions,
                            );
                        }
                        team_side(&mut columns[1], round, team, category, actions);
                    });
                });
                ui.add_space(style::space::S);
            }
        });
}

/// One member's rating and concerns for a category, with its items in view.
fn member_side(
    ui: &mut Ui,
    round: &ReadinessView,
    member: ReadinessMemberId,
    name: &str,
    category: &ReadinessCategory,
    (tool, standards): (&Readiness, &Standards),
    actions: &mut Actions,
) {
    ui.label(
        RichText::new(&category.name)
            .strong()
            .size(style::size::SECTION),
    );
    ui.weak("Items to address");
    for (number, item) in category.items.iter().enumerate() {
        ui.horizontal_top(|ui| {
            ui.label("•");
            ui.vertical(|ui| {
                ui.add(egui::Label::new(item).wrap());
                let key = crate::instrument::Readiness::item_key(category, number);
                standards::beside(ui, standards, &tool.key, &key);
            });
        });
    }
    ui.add_space(style::space::S);
    let current = round.rating(member, &category.key);
    let chosen = current.and_then(|r| r.rating);
    ui.label(RichText::new(format!("{name}'s rating")).strong());
    for point in &tool.scale {
        let selected = chosen == Some(point.rating);
        let text = format!("{}  {}", point.rating, point.descriptor);
        let button = egui::Button::new(text).selected(selected).wrap();
        let response = ui
            .with_layout(egui::Layout::top_down_justified(egui::Align::Min), |ui| {
                ui.add_enabled(kit::may_edit(ui), button)
            })
            .inner
            .accessible_name(format!("{}: {}", category.name, point.rating));
        if response.clicked() {
            let rating = if selected { None } else { Some(point.rating) };
            actions.edit(Command::SetReadinessRating(
                member,
                category.key.clone(),
                rating,
            ));
        }
    }
    let concerns = current.map_or("", |r| r.concerns.as_str());
    let id = Id::unique(("member concerns", member, &category.key));
    let label = format!("Areas of concern for {}", category.name);
    ui.label(RichText::new(format!("{name}'s areas of concern")).strong());
    if let Some(text) = widgets::long_text(
        ui,
        id,
        concerns,
        &label,
        "What would need to be addressed?",
        2,
        true,
    ) {
        actions.edit(Command::SetReadinessConcerns(
            member,
            category.key.clone(),
            text,
        ));
    }
}

/// What the team's ratings come to, everyone's concerns, and its summary.
fn team_side(
    ui: &mut Ui,
    round: &ReadinessView,
    team: Team,
    category: &ReadinessCategory,
    actions: &mut Actions,
) {
    let result = round.team_category(team, &category.key);
    let total = result.rated + result.missing.len();
    ui.label(RichText::new(team.label()).strong().size(style::size::TAB));
    match result.average {
        Some(average) => {
            ui.label(
                RichText::new(format!(
                    "Team average {average} ({} of {total} rated)",
                    result.rated
                ))
                .size(style::size::TITLE),
            );
            if let (Some(low), Some(high)) = (result.lowest, result.highest) {
                if low == high {
                    ui.label(format!("Everyone who rated gave {low}."));
                } else {
                    ui.label(format!("Ratings from {low} to {high}."));
                }
            }
        }
        None => {
            ui.label("No ratings yet for this category.");
        }
    }
    if !result.missing.is_empty() {
        let names: Vec<&str> = result.missing.iter().map(|m| m.name.as_str()).collect();
        ui.weak(format!(
            "Not rated yet (left out of the average): {}",
            names.join(", ")
        ));
    }
    if !result.concerns.is_empty() {
        ui.add_space(style::space::XS);
        ui.label(RichText::new("Members' areas of concern").strong());
        for (member, concern) in &result.concerns {
            ui.label(format!("{}: {concern}", member.name));
        }
    }
    ui.add_space(style::space::XS);
    let summary = round.summary(team, &category.key);
    let round_id = round.round.id;
    let concerns = summary.map_or("", |s| s.concerns.as_str());
    ui.label(RichText::new("Team summary: concerns to address").strong());
    let id = Id::unique(("team concerns", round_id, team, &category.key));
    let label = format!("{} concerns to address for {}", team.label(), category.name);
    if let Some(text) = widgets::long_text(ui, id, concerns, &label, "", 2, true) {
        actions.edit(Command::SetTeamConcerns(
            round_id,
            team,
            category.key.clone(),
            text,
        ));
    }
    let strengths = summary.map_or("", |s| s.strengths.as_str());
    ui.label(RichText::new("Team summary: foundational strengths").strong());
    let id = Id::unique(("team strengths", round_id, team, &category.key));
    let label = format!(
        "{} foundational strengths for {}",
        team.label(),
        category.name
    );
    if let Some(text) = widgets::long_text(ui, id, strengths, &label, "", 2, true) {
        actions.edit(Command::SetTeamStrengths(
            round_id,
            team,
            category.key.clone(),
            text,
        ));
    }
}

/// Both teams' areas of concern and strengths, category by category. The
/// teams' numbers are shown only when the user asks for them.
fn together(ui: &mut Ui, state: &mut ReadinessPage, round: &ReadinessView, tool: &Readiness) {
    ui.label("When the two teams come together, each brings its areas of concern and its foundational strengths. As the tool's notes on use say, it is not necessary to compare ratings.");
    ui.checkbox(&mut state.show_numbers, "Show each team's average ratings");
    ui.add_space(style::space::S);
    egui::ScrollArea::vertical()
        .id_salt(("readiness together scroll", round.round.id))
        .auto_shrink(false)
        .show(ui, |ui| {
            for category in &tool.categories {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(
                        RichText::new(&category.name)
                            .strong()
                            .size(style::size::SECTION),
                    );
                    ui.columns(2, |columns| {
                        for (ui, team) in columns.iter_mut().zip(Team::BOTH) {
                            team_together(ui, round, team, category, state.show_numbers);
                        }
                    });
                });
                ui.add_space(style::space::S);
            }
        });
}

fn team_together(
    ui: &mut Ui,
    round: &ReadinessView,
    team: Team,
    category: &ReadinessCategory,
    show_numbers: bool,
) {
    ui.label(RichText::new(team.label()).strong());
    let result = round.team_category(team, &category.key);
    if show_numbers {
        match result.average {
            Some(average) => ui.label(format!("Team average {average} ({} rated)", result.rated)),
            None => ui.weak("No ratings"),
        };
    }
    let summary = round.summary(team, &category.key);
    let concerns = summary.map_or("", |s| s.concerns.trim());
    ui.label(RichText::new("Areas of concern").italics());
    if !concerns.is_empty() {
        ui.label(concerns);
    } else if result.concerns.is_empty() {
        ui.weak("None written yet.");
    } else {
        ui.weak("No team summary yet; from the members' own notes:");
        for (member, concern) in &result.concerns {
            ui.label(format!("{}: {concern}", member.name));
        }
    }
    let strengths = summary.map_or("", |s| s.strengths.trim());
    ui.label(RichText::new("Foundational strengths").italics());
    if strengths.is_empty() {
        ui.weak("None written yet.");
    } else {
        ui.label(strengths);
    }
}

fn remove_dialog(
    ui: &mut Ui,
    state: &mut ReadinessPage,
    round: &ReadinessView,
    actions: &mut Actions,
) {
    let asked = widgets::ask_first(ui, &mut state.removing, |id| {
        let member = round.member(id)?;
        let title = format!("Remove {}?", member.name);
        let body = format!(
            "{}'s ratings and areas of concern in this round are deleted too. Edit > Undo (Ctrl+Z) brings it back.",
            member.name
        );
        Some(widgets::Question {
            title,
            body,
            confirm: "Remove",
        })
    });
    if let Some(id) = asked {
        actions.edit(Command::DeleteReadinessMember(id));
    }
}
