//! Every open and overdue action of a partnership in one list: steps from
//! meetings and milestones, the continuum's next steps, and milestones due
//! for a check-in, each linking back to where it came from.

use egui::{RichText, Ui};

use crate::instrument::Instruments;
use crate::model::{ActionStatus, Command, Origin, PartnershipView, open_actions, short_date};
use crate::ui::action::Actions;
use crate::ui::kit::style;
use crate::ui::nav::{Page, ScreenContext};
use crate::ui::view::PageView;

/// The page keeps nothing between frames.
#[derive(Default)]
pub struct ActionsPage;

impl PageView for ActionsPage {
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        show(ui, cx, actions);
    }
}

fn show(ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
    let ScreenContext {
        view,
        instruments,
        today,
        ..
    } = *cx;
    ui.add_space(style::space::XS);
    let keys: Vec<&str> = instruments
        .continuum
        .indicators()
        .map(|i| i.key.as_str())
        .collect();
    let items = open_actions(view, keys.iter().copied(), instruments.monitoring, today);
    let overdue = items.iter().filter(|i| i.overdue).count();
    ui.horizontal(|ui| {
        ui.heading("Action steps");
        ui.label(format!("{} open, {overdue} overdue", items.len()));
    });
    ui.weak("Open steps from quarterly meetings, the next steps written on the newest continuum cycle, and milestones due for a check-in.");
    ui.add_space(style::space::S);
    if items.is_empty() {
        ui.label("Nothing is open.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt(("actions scroll", view.partnership.id))
        .auto_shrink(false)
        .show(ui, |ui| {
            egui::Grid::new("all actions")
                .num_columns(5)
                .striped(true)
                .spacing([14.0, 8.0])
                .show(ui, |ui| {
                    ui.strong("Action");
                    ui.strong("Owner");
                    ui.strong("Due");
                    ui.strong("From");
                    ui.end_row();
                    for item in &items {
                        ui.allocate_ui(egui::vec2(style::width::ACTION_ITEM, 0.0), |ui| {
                            ui.set_width(style::width::ACTION_ITEM);
                            ui.add(egui::Label::new(&item.text).wrap());
                        });
                        ui.label(&item.owner);
                        match item.due {
                            Some(due) if item.overdue => ui.label(
                                RichText::new(format!("{} (overdue)", short_date(due)))
                                    .strong()
                                    .color(style::warning_text(ui.visuals())),
                            ),
                            Some(due) => ui.label(short_date(due)),
                            None => ui.weak("no date"),
                        };
                        let (label, page) = origin(view, instruments, &item.origin);
                        if ui.link(&label).clicked() {
                            actions.go(view, page);
                        }
                        if let Some(id) = item.step
                            && let Some(step) = view.action_steps.iter().find(|s| s.id == id)
                            && ui
                                .button("Mark done")
                                .accessible_name(format!("Mark done: {}", item.text))
                                .clicked()
                        {
                            actions.edit(Command::UpdateActionStep(
                                step.with_status(ActionStatus::Done, today),
                            ));
                        }
                        ui.end_row();
                    }
                });
        });
}

/// Where an item came from, as a link's text and the page it opens.
fn origin(view: &PartnershipView, instruments: Instruments, origin: &Origin) -> (String, Page) {
    let _id = view.partnership.id;
    match origin {
        Origin::Meeting(document) => {
            let title = view
                .document(*document)
                .map_or_else(|| "a meeting".to_owned(), |d| d.title.clone());
            (format!("Meeting: {title}"), Page::Document(*document))
        }
        Origin::Continuum { cycle, indicator } => {
            let year = view.cycle(*cycle).map_or("", |c| c.school_year.as_str());
            let name = instruments
                .continuum
                .indicator(indicator)
                .map_or(indicator.as_str(), |i| i.name.as_str());
            (format!("Continuum {year}: {name}"), Page::Continuum(*cycle))
        }
        Origin::Milestone(milestone) => {
            let text = view
                .milestones
                .iter()
                .find(|m| m.id == *milestone)
                .map_or("", |m| m.milestone.as_str());
            (format!("Monitoring plan: {text}"), Page::Monitoring)
        }
    }
}
