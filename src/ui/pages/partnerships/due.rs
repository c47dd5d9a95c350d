//! "Due soon", beside the portfolio on the list of partnerships: across
//! every partnership, what is overdue or falls due within the days chosen
//! (action steps, check-ins, the next quarterly meeting) and each
//! partnership not yet rated this school year, overdue first. Each line
//! says when and what, and leads to the page where it is done. Only the lines in view are drawn.

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use jiff::civil::Date;

use crate::instrument::Instruments;
use crate::model::PartnershipId;
use crate::model::due_soon::{DueItem, DueWhat, due_soon};
use crate::session::Session;
use crate::ui::action::{Action, Actions};
use crate::ui::kit::{style, widgets};
use crate::ui::nav::{Page, Screen};

/// The choices of how far ahead to look, in days.
const AHEAD: [u16; 5] = [7, 14, 30, 60, 90];

/// What the view shows, and its lines (made again only when the list is
/// read again, the day changes or another number of days is chosen).
pub struct State {
    pub days: u16,
    /// Only this partnership's, when the portfolio's "needs attention"
    /// led here.
    pub only: Option<PartnershipId>,
    items: Vec<DueItem>,
    made_from: Option<(u64, Date, u16)>,
}

impl Default for State {
    fn default() -> Self {
        State {
            days: 30,
            only: None,
            items: Vec::new(),
            made_from: None,
        }
    }
}

impl State {
    /// The lines, made again if what they come from changed.
    pub fn refresh(&mut self, session: &Session, instruments: Instruments, today: Date) {
        let key = (session.list_reads(), today, self.days);
        if self.made_from != Some(key) {
            self.items = due_soon(
                session.portfolio(),
                instruments.monitoring,
                today,
                self.days,
            );
            self.made_from = Some(key);
        }
    }

    /// How many things are overdue, across every partnership.
    pub fn overdue(&self) -> usize {
        self.items.iter().filter(|i| i.overdue).count()
    }
}

const ROW_HEIGHT: f32 = 26.0;

/// Draws the view.
pub fn show(ui: &mut Ui, state: &mut State, today: Date, actions: &mut Actions) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Show what is overdue and what falls due within");
        egui::ComboBox::from_id_salt("due soon days")
            .selected_text(format!("{} days", state.days))
            .show_ui(ui, |ui| {
                for days in AHEAD {
                    ui.selectable_value(&mut state.days, days, format!("{days} days"));
                }
            })
            .response
            .accessible_name("Show what falls due within");
        if let Some(only) = state.only {
            let name = state
                .items
                .iter()
                .find(|i| i.partnership == only)
                .map_or_else(|| "one partnership".to_owned(), |i| i.name.clone());
            ui.add_space(style::space::M);
            ui.label(format!("Only {name}."));
            if ui.button("Show every partnership").clicked() {
                state.only = None;
            }
        }
    });
    let shown: Vec<&DueItem> = state
        .items
        .iter()
        .filter(|i| state.only.is_none_or(|only| i.partnership == only))
        .collect();
    let overdue = shown.iter().filter(|i| i.overdue).count();
    ui.weak(format!(
        "{}, {overdue} of them overdue. Archived partnerships are left out.",
        widgets::count(shown.len(), "thing due", "things due")
    ));
    ui.add_space(style::space::S);
    if shown.is_empty() {
        ui.label(format!(
            "Nothing is overdue or due in the next {} days, and every partnership is rated this school year.",
            state.days
        ));
        return;
    }
    // At the largest zoom the columns pass the window's width: the table
    // scrolls across, as the portfolio's does.
    egui::ScrollArea::horizontal()
        .id_salt("due soon across")
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("due soon")
                .striped(true)
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(Column::exact(230.0))
                .column(Column::remainder().at_least(420.0).clip(true))
                .column(Column::exact(300.0).clip(true))
                .header(28.0, |mut header| {
                    header.col(|ui| {
                        ui.strong("When");
                    });
                    header.col(|ui| {
                        ui.strong("What");
                    });
                    header.col(|ui| {
                        ui.strong("Partnership");
                    });
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, shown.len(), |mut row| {
                        let item = shown[row.index()];
                        row.col(|ui| {
                            let when = RichText::new(item.when(today));
                            ui.label(if item.overdue {
                                when.color(style::warning_text(ui.visuals()))
                            } else {
                                when
                            });
                        });
                        row.col(|ui| {
                            ui.label(item.describe());
                        });
                        row.col(|ui| {
                            if ui
                                .link(&item.name)
                                .on_hover_text(format!("{}: open where this is done", item.name))
                                .clicked()
                            {
                                actions
                                    .push(Action::Go(Screen::In(item.partnership, page_of(item))));
                            }
                        });
                    });
                });
        });
}

/// The page where `item` is done.
fn page_of(item: &DueItem) -> Page {
    match item.what {
        DueWhat::Action { .. } => Page::Actions,
        DueWhat::CheckIn { .. } => Page::Monitoring,
        DueWhat::Meeting => Page::Agreements,
        DueWhat::NotRated { .. } => Page::Cycles,
    }
}
