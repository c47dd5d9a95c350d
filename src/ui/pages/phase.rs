//! A guidebook phase's page (Prepare, Act or Reflect): its worksheets, each
//! with where it stands (not started, or in progress and when it was last
//! changed), the documents made with it, and a button to start one; the
//! Monitoring Plan and the guidebook's tools PartnerPath does not build,
//! with their page, where the guidebook lists them.

use egui::{RichText, Ui};

use crate::instrument::{ListedTool, Phase, Worksheet};
use crate::model::{Command, Document, NewDocument, SchoolYear, long_date};
use crate::ui::action::Actions;
use crate::ui::kit::{style, widgets};
use crate::ui::nav::{Page, ScreenContext};
use crate::ui::view::PageView;

/// The page keeps nothing between frames.
#[derive(Default)]
pub struct PhasePage;

impl PageView for PhasePage {
    fn show(&mut self, ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
        if let Page::Phase(phase) = cx.page {
            show(ui, phase, cx, actions);
        }
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "a guidebook phase page: its introduction and one row per worksheet with its status"
)]
fn show(ui: &mut Ui, phase: Phase, cx: &ScreenContext<'_>, actions: &mut Actions) {
    let ScreenContext {
        view,
        instruments,
        today,
        ..
    } = *cx;
    ui.heading(phase.label());
    let sheets: Vec<&Worksheet> = instruments.worksheets_of(phase).collect();
    if let Some(first) = sheets.first() {
        ui.weak(format!(
            "Worksheets from {}, {}. PartnerPath takes their titles, headings and short labels only.",
            first.source.publisher, short_work(&first.source.work)
        ));
    }
    ui.add_space(style::space::M);
    egui::ScrollArea::vertical()
        .id_salt(("phase scroll", phase.label(), view.partnership.id))
        .auto_shrink(false)
        .show(ui, |ui| {
            listed(ui, instruments.listed_after(phase, None));
            for sheet in sheets {
                let mut documents: Vec<&Document> = view.documents_of(&sheet.key).collect();
                documents.sort_by_key(|d| (d.changed_on, d.id));
                egui::Frame::group(ui.style())
                    .inner_margin(style::space::M)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal(|ui| {
                            ui.label(
                                RichText::new(&sheet.title)
                                    .strong()
                                    .size(style::size::TITLE),
                            );
                            ui.with_layout(
                                egui::Layout::right_to_left(egui::Align::Center),
                                |ui| {
                                    let title = NewDocument::title_for(sheet, today);
                                    // A worksheet kept per school year has one
                                    // document a year: this year's opens.
                                    let this_year = SchoolYear::containing(today);
                                    let existing = documents.iter().rev().find(|d| {
                                        sheet.per_school_year && d.school_year() == this_year
                                    });
                                    if let Some(document) = existing {
                                        if ui
                                            .button(format!("Open {}", this_year.label()))
                                            .accessible_name(format!(
                                                "Open {} for {}",
                                                sheet.title,
                                                this_year.label()
                                            ))
                                            .clicked()
                                        {
                                            actions.go(view, Page::Document(document.id));
                                        }
                                    } else if widgets::edit_button(ui, "+ Start")
                                        .accessible_name(format!("Start {}", sheet.title))
                                        .on_hover_text(format!("Start a new “{title}”"))
                                        .clicked()
                                    {
                                        actions.edit(Command::CreateDocument(NewDocument::of(
                                            sheet,
                                            view.partnership.id,
                                            title,
                                            today,
                                        )));
                                    }
                                },
                            );
                        });
                        if let Some(purpose) = sheet.guidance.first() {
                            ui.add(egui::Label::new(RichText::new(&purpose.text).weak()).wrap());
                        }
                        match documents.last() {
                            None => {
                                ui.label("Not started.");
                            }
                            Some(newest) => {
                                ui.label(format!(
                                    "In progress, last changed on {}.",
                                    long_date(newest.changed_on)
                                ));
                            }
                        }
                        for document in documents.iter().rev() {
                            ui.horizontal(|ui| {
                                ui.add_space(style::space::L);
                                let changed = long_date(document.changed_on);
                                // Named with its day, so that two of the same
                                // title are told apart.
                                if ui
                                    .link(&document.title)
                                    .accessible_name(format!(
                                        "Open {}, changed {changed}",
                                        document.title
                                    ))
                                    .on_hover_text("Open it")
                                    .clicked()
                                {
                                    actions.go(view, Page::Document(document.id));
                                }
                                ui.weak(format!("changed {changed}"));
                            });
                        }
                        let years: std::collections::BTreeSet<SchoolYear> =
                            documents.iter().map(|d| d.school_year()).collect();
                        if years.len() > 1 && sheet.per_school_year {
                            ui.weak(format!(
                                "{} school years: open one to see them side by side.",
                                years.len()
                            ));
                        }
                    });
                ui.add_space(style::space::S);
                listed(ui, instruments.listed_after(phase, Some(&sheet.key)));
                let plan = instruments.monitoring;
                if plan.phase == phase && plan.after == sheet.key {
                    monitoring_plan(ui, cx, actions);
                    ui.add_space(style::space::S);
                    listed(ui, instruments.listed_after(phase, Some(MONITORING_PLAN)));
                }
            }
        });
}

/// The key by which a listed tool follows the Monitoring Plan.
const MONITORING_PLAN: &str = "monitoring-plan";

/// The guidebook's tools PartnerPath does not build, where the guidebook
/// lists them: their title, page and what survived, so that a team knows
/// to use the printed guidebook.
fn listed(ui: &mut Ui, tools: impl Iterator<Item = &'static ListedTool>) {
    for tool in tools {
        egui::Frame::group(ui.style())
            .inner_margin(style::space::M)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.weak("Also in the guidebook");
                ui.label(
                    RichText::new(format!("{}, page {}", tool.title, tool.page))
                        .strong()
                        .size(style::size::TITLE),
                );
                ui.add(
                    egui::Label::new(format!(
                        "PartnerPath does not have this tool: use it from the printed guidebook. {}",
                        tool.what_survives
                    ))
                    .wrap(),
                );
            });
        ui.add_space(style::space::S);
    }
}

/// The Monitoring Plan Template where the guidebook lists it among the
/// phase's tools: its own page, not a worksheet, so it opens there.
fn monitoring_plan(ui: &mut Ui, cx: &ScreenContext<'_>, actions: &mut Actions) {
    let (view, plan) = (cx.view, cx.instruments.monitoring);
    egui::Frame::group(ui.style())
        .inner_margin(style::space::M)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(&plan.title).strong().size(style::size::TITLE));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button("Open")
                        .accessible_name(format!("Open the {}", plan.title))
                        .clicked()
                    {
                        actions.go(view, Page::Monitoring);
                    }
                });
            });
            ui.add(egui::Label::new(RichText::new(&plan.purpose).weak()).wrap());
            ui.label(match view.milestones.len() {
                0 => "No milestones yet.".to_owned(),
                1 => "1 milestone, on the Monitoring page.".to_owned(),
                n => format!("{n} milestones, on the Monitoring page."),
            });
        });
}

/// A work's title without its subtitle, for a line of introduction.
fn short_work(work: &str) -> &str {
    work.split(':').next().unwrap_or(work).trim()
}
