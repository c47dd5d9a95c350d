//! The partnerships list as a portfolio: one line per partnership with its
//! newest cycle's category averages and their change, its open and overdue
//! actions, its next check-in or meeting, and why it needs attention;
//! found by typing part of a name, filtered by kind, district and archive,
//! and sorted. Only the lines in view are drawn, so sixty or six hundred
//! partnerships cost the same per frame.

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use jiff::civil::Date;

use crate::instrument::Instruments;
use crate::model::portfolio::{
    Attention, Filter, PortfolioRow, SortBy, Upcoming, districts, rows, select,
};
use crate::model::{Command, PartnerKind, PartnershipId, short_date};
use crate::session::Session;
use crate::ui::action::{Action, Actions};
use crate::ui::kit::{self, style, widgets};
use crate::ui::nav::{Page, Screen};

/// The portfolio's lines (remade only when the list is read again or the
/// day changes), and what the user chose to see.
#[derive(Default)]
pub struct State {
    rows: Vec<PortfolioRow>,
    made_from: Option<(u64, Date)>,
    pub filter: Filter,
    pub sort: SortBy,
    /// Put the keyboard in the search field on the next frame.
    pub focus_search: bool,
}

/// What a line's menu asks for, or its "needs attention".
pub enum Manage {
    Rename(PartnershipId),
    Delete(PartnershipId),
    /// What is due of this partnership ("Due soon").
    ShowDue(PartnershipId),
}

impl State {
    /// The lines, made again if the list was read again since.
    pub fn refresh(&mut self, session: &Session, instruments: Instruments, today: Date) {
        let key = (session.list_reads(), today);
        if self.made_from != Some(key) {
            self.rows = rows(
                session.portfolio(),
                instruments.continuum,
                instruments.monitoring,
                today,
            );
            self.made_from = Some(key);
        }
    }

    pub fn rows(&self) -> &[PortfolioRow] {
        &self.rows
    }

    /// The lines shown, in order.
    pub fn shown(&self) -> Vec<&PortfolioRow> {
        select(&self.rows, &self.filter, self.sort)
            .into_iter()
            .map(|i| &self.rows[i])
            .collect()
    }
}

/// Height of a line: two lines of text.
const ROW_HEIGHT: f32 = 48.0;
/// Width of a category's column.
const CATEGORY: f32 = 104.0;

/// The search, filters and sort; returns whether "Print summary…" was
/// pressed.
pub fn controls(ui: &mut Ui, state: &mut State, archived: usize) -> bool {
    let mut print = false;
    ui.horizontal_wrapped(|ui| {
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut state.filter.text)
                    .hint_text("Find: part of a name, district or partner")
                    .desired_width(style::width::PARTNERSHIP_FIELD),
            )
            .accessible_name("Find a partnership");
        if std::mem::take(&mut state.focus_search) {
            search.request_focus();
        }
        if !state.filter.text.is_empty()
            && ui
                .button("Clear")
                .accessible_name("Clear the search")
                .clicked()
        {
            state.filter.text.clear();
        }
        ui.add_space(style::space::M);
        let kind = state.filter.kind.map_or("All kinds", PartnerKind::label);
        egui::ComboBox::from_id_salt("portfolio kind")
            .selected_text(kind)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.kind, None, "All kinds");
                for k in PartnerKind::ALL {
                    ui.selectable_value(&mut state.filter.kind, Some(k), k.label());
                }
            })
            .response
            .accessible_name("Show partnerships of the kind");
        let all = districts(&state.rows);
        let district = state
            .filter
            .district
            .clone()
            .unwrap_or_else(|| "All districts".to_owned());
        egui::ComboBox::from_id_salt("portfolio district")
            .selected_text(district)
            .height(style::height::LONG_DROPDOWN)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.district, None, "All districts");
                for d in all {
                    let label = d.clone();
                    ui.selectable_value(&mut state.filter.district, Some(d), label);
                }
            })
            .response
            .accessible_name("Show partnerships of the district");
        if archived > 0 {
            ui.checkbox(
                &mut state.filter.show_archived,
                format!("Show archived ({archived})"),
            );
        }
        ui.add_space(style::space::M);
        ui.label("Sort by");
        egui::ComboBox::from_id_salt("portfolio sort")
            .selected_text(state.sort.label())
            .show_ui(ui, |ui| {
                for sort in SortBy::ALL {
                    ui.selectable_value(&mut state.sort, sort, sort.label());
                }
            })
            .response
            .accessible_name("Sort the partnerships by");
        ui.add_space(style::space::M);
        print = ui
            .button("Print summary…")
            .on_hover_text("The lines shown, on one page")
            .clicked();
    });
    print
}

/// The table of the lines shown. Returns a line's menu choice.
#[expect(
    clippy::too_many_lines,
    reason = "the portfolio table: one column per fact of a partnership, in the order of its header"
)]
pub fn table(
    ui: &mut Ui,
    shown: &[&PortfolioRow],
    categories: &[String],
    today: Date,
    actions: &mut Actions,
) -> Option<Manage> {
    let mut chosen = None;
    egui::ScrollArea::horizontal()
        .id_salt("portfolio across")
        .show(ui, |ui| {
            let mut builder = TableBuilder::new(ui)
                .id_salt("portfolio")
                .striped(true)
                .cell_layout(Layout::top_down(Align::Min))
                .column(Column::remainder().at_least(240.0).clip(true))
                .column(Column::exact(84.0));
            builder = builder.columns(Column::exact(CATEGORY), categories.len());
            builder
                .column(Column::exact(100.0))
                .column(Column::exact(120.0))
                .column(Column::exact(210.0).clip(true))
                .column(Column::exact(96.0))
                .header(52.0, |mut header| {
                    header.col(|ui| {
                        ui.strong("Partnership");
                    });
                    header.col(|ui| {
                        ui.strong("Latest cycle");
                    });
                    for name in categories {
                        header.col(|ui| {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(name).strong().size(style::size::CHART),
                                )
                                .wrap(),
                            );
                        });
                    }
                    header.col(|ui| {
                        ui.strong("Actions");
                    });
                    header.col(|ui| {
                        ui.strong("Next");
                    });
                    header.col(|ui| {
                        ui.strong("Needs attention");
                    });
                    header.col(|_| {});
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, shown.len(), |mut row| {
                        let line = shown[row.index()];
                        row.col(|ui| name_cell(ui, line, actions));
                        row.col(|ui| {
                            match &line.latest_year {
                                Some(year) => ui.label(year),
                                None => ui.weak("none yet"),
                            };
                            ui.weak(widgets::count(line.cycles, "cycle", "cycles"));
                        });
                        for (name, trend) in categories.iter().zip(&line.categories) {
                            row.col(|ui| {
                                let now = trend.now.map_or("–".to_owned(), |m| m.to_string());
                                let change = trend.change.map(|c| c.to_string());
                                ui.label(RichText::new(&now).strong()).widget_info(|| {
                                    egui::WidgetInfo::labeled(
                                        egui::Role::Cell,
                                        true,
                                        format!(
                                            "{}, {name}: {now}{}",
                                            line.name,
                                            change
                                                .as_ref()
                                                .map_or(String::new(), |c| format!(", change {c}"))
                                        ),
                                    )
                                });
                                if let (Some(c), Some(year)) = (change, &line.previous_year) {
                                    ui.weak(c).on_hover_text(format!("Since {year}"));
                                }
                            });
                        }
                        row.col(|ui| {
                            ui.label(format!("{} open", line.open_actions));
                            if line.overdue_actions > 0 {
                                ui.label(
                                    RichText::new(format!("{} overdue", line.overdue_actions))
                                        .color(style::warning_text(ui.visuals())),
                                );
                            }
                        });
                        row.col(|ui| next_cell(ui, line.next, today));
                        row.col(|ui| {
                            if line.attention.is_empty() {
                                ui.weak("Nothing pressing");
                            } else {
                                let words: Vec<String> =
                                    line.attention.iter().map(Attention::describe).collect();
                                let link = ui
                                    .add(
                                        egui::Label::new(
                                            RichText::new(words.join(", "))
                                                .size(style::size::CHART)
                                                .color(style::warning_text(ui.visuals()))
                                                .underline(),
                                        )
                                        .wrap()
                                        .sense(egui::Sense::click()),
                                    )
                                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                                    .on_hover_text("Show what is due, under Due soon");
                                // A link to screen readers, named with the
                                // partnership it is about.
                                link.widget_info(|| {
                                    egui::WidgetInfo::labeled(
                                        egui::Role::Link,
                                        true,
                                        format!(
                                            "{} needs attention: {}",
                                            line.name,
                                            words.join(", ")
                                        ),
                                    )
                                });
                                if link.clicked() {
                                    chosen = Some(Manage::ShowDue(line.id));
                                }
                            }
                        });
                        row.col(|ui| {
                            if let Some(choice) = manage_menu(ui, line, actions) {
                                chosen = Some(choice);
                            }
                        });
                    });
                });
        });
    chosen
}

fn name_cell(ui: &mut Ui, line: &PortfolioRow, actions: &mut Actions) {
    let mut name = RichText::new(&line.name).strong();
    if line.archived {
        name = name.weak();
    }
    if ui
        .link(name)
        .on_hover_text("Open this partnership")
        .clicked()
    {
        actions.push(Action::Go(Screen::In(line.id, Page::Overview)));
    }
    let mut about = vec![line.kind.label().to_owned()];
    if !line.district.is_empty() {
        about.push(line.district.clone());
    }
    if line.archived {
        about.push("archived".to_owned());
    }
    if line.is_sample {
        about.push("sample data".to_owned());
    }
    ui.weak(about.join(" · "));
}

fn next_cell(ui: &mut Ui, next: Option<Upcoming>, today: Date) {
    match next {
        Some(next) => {
            let late = next.date() < today;
            let date = RichText::new(short_date(next.date()));
            ui.label(if late {
                date.color(style::warning_text(ui.visuals()))
            } else {
                date
            });
            ui.weak(if late {
                format!("{} (late)", next.what())
            } else {
                next.what().to_owned()
            });
        }
        None => {
            ui.weak("nothing planned");
        }
    }
}

/// Rename, archive or restore, delete: in a menu, so that a line stays
/// two lines high.
fn manage_menu(ui: &mut Ui, line: &PortfolioRow, actions: &mut Actions) -> Option<Manage> {
    let mut chosen = None;
    let response = ui.menu_button("Manage", |ui| {
        if !kit::may_edit(ui) {
            ui.disable();
        }
        if ui
            .button("Rename…")
            .accessible_name(format!("Rename {}", line.name))
            .clicked()
        {
            chosen = Some(Manage::Rename(line.id));
            ui.close();
        }
        let (label, archive, hover) = if line.archived {
            ("Restore", false, "Show it in the list again.")
        } else {
            (
                "Archive",
                true,
                "Hide it from the list; nothing is deleted.",
            )
        };
        if ui
            .button(label)
            .accessible_name(format!("{label} {}", line.name))
            .on_hover_text(hover)
            .clicked()
        {
            actions.edit(Command::SetArchived(line.id, archive));
            ui.close();
        }
        if ui
            .button("Delete…")
            .accessible_name(format!("Delete {}", line.name))
            .clicked()
        {
            chosen = Some(Manage::Delete(line.id));
            ui.close();
        }
    });
    response
        .response
        .accessible_name(format!("Manage {}", line.name));
    chosen
}
