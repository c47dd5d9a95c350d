//! The partnership's agreements and meetings: Contract Supplement,
//! quarterly meetings, monitoring plan and action list, at a glance.

use egui::{RichText, Ui};
use jiff::civil::Date;

use crate::instrument::{CONTRACT_SUPPLEMENT, Instruments, QUARTERLY_MEETING, Role};
use crate::model::{
    ActionStatus, Command, FieldValue, NewDocument, PartnershipView, long_date, month_year,
    open_actions,
};
use crate::ui::action::Actions;
use crate::ui::kit::{style, widgets};
use crate::ui::nav::{Page, ScreenContext};
use crate::ui::view::PageView;

/// The page keeps nothing between frames.
#[derive(Default)]
pub struct AgreementsPage;

/// The Contract Supplement, the quarterly meetings, and how the monitoring
/// plan and the action steps stand.
impl PageView for AgreementsPage {
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        let ScreenContext {
            view,
            instruments,
            today,
            ..
        } = *cx;
        egui::ScrollArea::vertical()
            .id_salt(("agreements scroll", view.partnership.id))
            .show(ui, |ui| {
                agreements(ui, view, instruments, actions, today);
            });
    }
}

/// The Contract Supplement, the quarterly meetings, the monitoring plan and
/// the list of open actions.
#[expect(
    clippy::too_many_lines,
    reason = "the agreements page: one block per kind of agreement (Contract Supplement, meetings), drawn in order"
)]
fn agreements(
    ui: &mut Ui,
    view: &PartnershipView,
    instruments: Instruments,
    actions: &mut Actions,
    today: Date,
) {
    let id = view.partnership.id;
    ui.label(
        RichText::new("Agreements and meetings")
            .heading()
            .size(style::size::SECTION),
    );
    ui.add_space(style::space::XS);
    let new_document = |key: &str, title: String| -> Option<Command> {
        let sheet = instruments.worksheet(key)?;
        Some(Command::CreateDocument(NewDocument::of(
            sheet, id, title, today,
        )))
    };
    egui::Grid::new("agreements")
        .num_columns(3)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            ui.strong("Contract Supplement");
            let sheet = instruments.worksheet(CONTRACT_SUPPLEMENT);
            ui.vertical(|ui| {
                let mut any = false;
                for document in view.documents_of(CONTRACT_SUPPLEMENT) {
                    any = true;
                    let fields = |role| sheet.into_iter().flat_map(move |s| s.fields_with(role));
                    let practices = fields(Role::Practice).count();
                    let confirmed = fields(Role::Practice)
                        .filter(|field| {
                            matches!(
                                document.value(&field.key),
                                Some(FieldValue::YesNoDate {
                                    confirmed: true,
                                    ..
                                })
                            )
                        })
                        .count();
                    let parties = fields(Role::SignedOn).count();
                    let signed = fields(Role::SignedOn)
                        .filter(|field| document.date(&field.key).is_some())
                        .count();
                    ui.horizontal(|ui| {
                        if ui.link(&document.title).clicked() {
                            actions.go(view, Page::Document(document.id));
                        }
                        ui.label(format!(
                            "{confirmed} of {practices} practices confirmed, signed by {signed} of {parties} parties"
                        ));
                    });
                }
                if !any {
                    ui.weak("Not started.");
                }
            });
            if widgets::edit_button(ui, "+ Start a Contract Supplement").clicked()
                && let Some(command) =
                    new_document(CONTRACT_SUPPLEMENT, "Contract Supplement".to_owned())
            {
                actions.edit(command);
            }
            ui.end_row();

            ui.strong("Quarterly meetings");
            ui.vertical(|ui| {
                let mut meetings: Vec<_> = view.documents_of(QUARTERLY_MEETING).collect();
                if meetings.is_empty() {
                    ui.weak("None yet.");
                }
                meetings.sort_by_key(|d| (d.held_on(), d.id));
                for document in meetings.iter().rev() {
                    let steps = view.steps_raised_at(document.id).count();
                    ui.horizontal(|ui| {
                        let date = document.held_on();
                        ui.label(long_date(date));
                        if ui.link(&document.title).clicked() {
                            actions.go(view, Page::Document(document.id));
                        }
                        ui.weak(widgets::count(steps, "action step", "action steps"));
                    });
                }
            });
            if widgets::edit_button(ui, "+ New quarterly meeting").clicked() {
                let title = format!("Quarterly meeting, {}", month_year(today));
                if let Some(command) = new_document(QUARTERLY_MEETING, title) {
                    actions.edit(command);
                }
            }
            ui.end_row();

            ui.strong("Monitoring plan");
            let overdue = view
                .milestones
                .iter()
                .filter(|m| {
                    crate::model::due(m, instruments.monitoring, &view.check_ins).overdue(today)
                })
                .count();
            ui.label(format!(
                "{}, {overdue} overdue for a check-in",
                widgets::count(view.milestones.len(), "milestone", "milestones")
            ));
            if ui.button("Open the monitoring plan").clicked() {
                actions.go(view, Page::Monitoring);
            }
            ui.end_row();

            ui.strong("Action steps");
            let keys = instruments.continuum.indicators().map(|i| i.key.as_str());
            let items = open_actions(view, keys, instruments.monitoring, today);
            let late = items.iter().filter(|i| i.overdue).count();
            let closed = view
                .action_steps
                .iter()
                .filter(|s| s.status != ActionStatus::Open)
                .count();
            ui.label(format!(
                "{} open, {late} overdue, {closed} closed",
                items.len()
            ));
            if ui.button("Open the action list").clicked() {
                actions.go(view, Page::Actions);
            }
            ui.end_row();
        });
}
