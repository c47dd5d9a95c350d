//! The stage of partnering: where the partnership is now, its history drawn
//! on the same time line as the continuum cycles (loops shown as loops), and
//! each stage's description and principles.

use egui::{Align2, FontId, Id, Pos2, RichText, Sense, Stroke, Ui, vec2};
use jiff::civil::Date;

use crate::instrument::{Instruments, Stage, Stages};
use crate::model::{
    Command, NewStageEntry, PartnershipView, StageEntry, StageEntryFields, StageEntryId, StageSpan,
    long_date, stage_history,
};
use crate::ui::action::Actions;
use crate::ui::kit::{style, widgets};

#[derive(Default)]
pub struct State {
    new_stage: Option<u8>,
    new_date: Option<Date>,
    new_note: String,
    deleting: Option<StageEntryId>,
}

pub fn show(
    ui: &mut Ui,
    state: &mut State,
    view: &PartnershipView,
    instruments: Instruments,
    actions: &mut Actions,
    today: Date,
) {
    let stages = instruments.stages;
    let history = stage_history(&view.stages, stages);
    egui::ScrollArea::vertical()
        .id_salt("stages scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            match history.last() {
                Some(current) => {
                    ui.label(
                        RichText::new(format!(
                            "Now: {} (since {})",
                            stages.title_of(current.entry.stage),
                            long_date(current.entry.started_on)
                        ))
                        .size(style::size::LEAD)
                        .strong(),
                    );
                    if let Some(stage) = stages.stage(current.entry.stage) {
                        ui.label(&stage.description);
                    }
                }
                None => {
                    ui.label("No stage recorded yet. Record where the partnership stands below.");
                }
            }
            ui.add_space(style::space::M);
            timeline(ui, view, stages, today);
            ui.add_space(style::space::M);
            ui.weak(stages.introduction.trim_start_matches('*'));
            ui.add_space(style::space::M);
            history_list(ui, state, view, stages, actions);
            ui.add_space(style::space::M);
            new_entry(ui, state, view, stages, actions, today);
            ui.add_space(style::space::L);
            reference(ui, stages);
        });
    delete_dialog(ui, state, view, stages, actions);
}

/// Days since a fixed date, for placing dates on the time line.
fn day_number(date: Date) -> f32 {
    let origin = Date::constant(2000, 1, 1);
    date.since(origin)
        .map_or(0.0, |span| span.get_days() as f32)
}

#[expect(
    clippy::too_many_lines,
    reason = "the stages timeline is one painter: rows, bars, year ticks and today share its scale"
)]
fn timeline(ui: &mut Ui, view: &PartnershipView, stages: &Stages, today: Date) {
    let history = stage_history(&view.stages, stages);
    let mut dates: Vec<Date> = view.stages.iter().map(|e| e.started_on).collect();
    dates.extend(view.cycles.iter().map(|c| c.administered_on));
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
        return;
    };
    let start = day_number(*first) - 60.0;
    let end = day_number((*last).max(today)) + 60.0;
    let row = 30.0;
    let label_width = 290.0;
    let height = row * 6.0 + 46.0;
    let width = ui.available_width().max(600.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!(
                "Stage history with {} entries and {} cycles",
                view.stages.len(),
                view.cycles.len()
            ),
        )
    });
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let plot_left = rect.left() + label_width;
    let x = |date: Date| {
        plot_left + (day_number(date) - start) / (end - start) * (rect.right() - plot_left - 8.0)
    };
    // Stage 5 at the top, pre-partnering at the bottom.
    let y = |stage: u8| rect.top() + row * (5.0 - f32::from(stage)) + row * 0.5;
    let grid = Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);
    for stage in &stages.stages {
        painter.text(
            Pos2::new(rect.left(), y(stage.number)),
            Align2::LEFT_CENTER,
            stages.title_of(stage.number),
            FontId::proportional(style::size::CHART),
            visuals.text_color(),
        );
        painter.line_segment(
            [
                Pos2::new(plot_left, y(stage.number)),
                Pos2::new(rect.right(), y(stage.number)),
            ],
            grid,
        );
    }
    let axis_y = rect.top() + row * 6.0 + 4.0;
    // The continuum cycles on the same time line. Their names are set from
    // the newest back, each only where it clears the one after it, so that
    // many years do not print on top of each other.
    let mut free_until = f32::INFINITY;
    for cycle in view.cycles.iter().rev() {
        let cx = x(cycle.administered_on);
        painter.add(egui::Shape::dashed_line(
            &[Pos2::new(cx, rect.top()), Pos2::new(cx, axis_y)],
            Stroke::new(1.0, visuals.weak_text_color()),
            4.0,
            4.0,
        ));
        let name = painter.layout_no_wrap(
            format!("Cycle {}", cycle.school_year),
            FontId::proportional(style::size::CHART_NOTE),
            visuals.weak_text_color(),
        );
        let left = cx - name.size().x / 2.0;
        if cx + name.size().x / 2.0 + style::space::S < free_until {
            painter.galley(
                Pos2::new(left, axis_y + 2.0),
                name,
                visuals.weak_text_color(),
            );
            free_until = left;
        }
    }
    let colour = style::selected_stroke(visuals);
    let loop_colour = style::warning_text(visuals);
    let mut previous: Option<Pos2> = None;
    for span in &history {
        let from = x(span.entry.started_on);
        let to = x(span.until.unwrap_or(today));
        let sy = y(span.entry.stage);
        if let Some(prev) = previous {
            let stroke = if span.loops_back || span.moved_back {
                Stroke::new(2.5, loop_colour)
            } else {
                Stroke::new(2.0, colour)
            };
            painter.line_segment([prev, Pos2::new(from, sy)], stroke);
            if let Some(note) = span.step() {
                painter.text(
                    Pos2::new(from + 4.0, (prev.y + sy) * 0.5),
                    Align2::LEFT_CENTER,
                    note,
                    FontId::proportional(style::size::CHART_NOTE),
                    loop_colour,
                );
            }
        }
        painter.line_segment(
            [Pos2::new(from, sy), Pos2::new(to, sy)],
            Stroke::new(6.0, colour),
        );
        painter.circle_filled(Pos2::new(from, sy), 5.0, colour);
        previous = Some(Pos2::new(to, sy));
    }
    let tx = x(today);
    painter.line_segment(
        [Pos2::new(tx, rect.top()), Pos2::new(tx, axis_y)],
        Stroke::new(1.0, style::TODAY_LINE),
    );
    painter.text(
        Pos2::new(tx, rect.top()),
        Align2::RIGHT_TOP,
        "today ",
        FontId::proportional(style::size::TICK),
        visuals.weak_text_color(),
    );
}

fn stage_choice(
    ui: &mut Ui,
    id: impl egui::AsIdSalt,
    stage: &mut u8,
    stages: &Stages,
    name: &str,
) -> bool {
    let mut changed = false;
    egui::ComboBox::from_id_salt(id)
        .selected_text(stages.title_of(*stage))
        .width(style::width::SENTENCE)
        .show_ui(ui, |ui| {
            for s in &stages.stages {
                changed |= ui
                    .selectable_value(stage, s.number, stages.title_of(s.number))
                    .changed();
            }
        })
        .response
        .accessible_name(name);
    changed
}

fn history_list(
    ui: &mut Ui,
    state: &mut State,
    view: &PartnershipView,
    stages: &Stages,
    actions: &mut Actions,
) {
    let history = stage_history(&view.stages, stages);
    if history.is_empty() {
        return;
    }
    ui.label(RichText::new("History").strong().size(style::size::TITLE));
    egui::Grid::new("stage history")
        .num_columns(5)
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for span in history.iter().rev() {
                history_row(ui, state, span, stages, actions);
                ui.end_row();
            }
        });
}

fn history_row(
    ui: &mut Ui,
    state: &mut State,
    span: &StageSpan<'_>,
    stages: &Stages,
    actions: &mut Actions,
) {
    let entry = span.entry;
    let mut date = entry.started_on;
    let date_name = format!("Start of {}", stages.title_of(entry.stage));
    if widgets::date_button(
        ui,
        &format!("stage date {}", entry.id.0),
        &mut date,
        &date_name,
    )
    .changed()
    {
        actions.edit(Command::UpdateStageEntry(StageEntry {
            fields: StageEntryFields {
                started_on: date,
                ..entry.fields.clone()
            },
            ..entry.clone()
        }));
    }
    let mut stage = entry.stage;
    if stage_choice(ui, ("stage", entry.id), &mut stage, stages, "Stage") {
        actions.edit(Command::UpdateStageEntry(StageEntry {
            fields: StageEntryFields {
                stage,
                ..entry.fields.clone()
            },
            ..entry.clone()
        }));
    }
    match span.step() {
        Some(step) => ui.label(RichText::new(step).color(style::warning_text(ui.visuals()))),
        None => ui.label(""),
    };
    let note_name = format!(
        "Note on {} from {}",
        stages.title_of(entry.stage),
        entry.started_on
    );
    if let Some(note) = widgets::text(ui, &entry.note, &note_name, 420.0) {
        actions.edit(Command::UpdateStageEntry(StageEntry {
            fields: StageEntryFields {
                note,
                ..entry.fields.clone()
            },
            ..entry.clone()
        }));
    }
    if ui
        .button("Delete…")
        .accessible_name(format!("Delete stage entry of {}", entry.started_on))
        .clicked()
    {
        state.deleting = Some(entry.id);
    }
}

fn new_entry(
    ui: &mut Ui,
    state: &mut State,
    view: &PartnershipView,
    stages: &Stages,
    actions: &mut Actions,
    today: Date,
) {
    let current = stage_history(&view.stages, stages)
        .last()
        .map(|s| s.entry.stage);
    let suggested = match current.and_then(|n| stages.stage(n)) {
        None => 0,
        Some(stage) => stage
            .loops_back_to
            .first()
            .copied()
            .unwrap_or(stage.number + 1)
            .min(5),
    };
    let mut stage = state.new_stage.unwrap_or(suggested);
    let mut date = state.new_date.unwrap_or(today);
    ui.label(
        RichText::new("Record a stage")
            .strong()
            .size(style::size::TITLE),
    );
    ui.horizontal(|ui| {
        if stage_choice(ui, "new stage", &mut stage, stages, "New stage") {
            state.new_stage = Some(stage);
        }
        ui.label("from");
        if widgets::date_button(ui, "new stage date", &mut date, "Date the stage began").changed() {
            state.new_date = Some(date);
        }
        ui.add(
            egui::TextEdit::singleline(&mut state.new_note)
                .hint_text("What marks it, e.g. goals adopted by both boards")
                .desired_width(style::width::STEP),
        )
        .accessible_name("Note on the new stage");
        if ui.button("+ Record stage").clicked() {
            actions.edit(Command::AddStageEntry(NewStageEntry {
                partnership_id: view.partnership.id,
                fields: StageEntryFields {
                    stage,
                    started_on: date,
                    note: state.new_note.trim().to_owned(),
                },
            }));
            state.new_note.clear();
            state.new_stage = None;
        }
    });
    if let Some(stage) = stages.stage(stage) {
        ui.weak(&stage.description);
    }
}

fn reference(ui: &mut Ui, stages: &Stages) {
    egui::CollapsingHeader::new(RichText::new("The stages and their principles").strong())
        .id_salt(Id::unique("stage reference"))
        .show(ui, |ui| {
            ui.label(RichText::new(&stages.definition).italics());
            ui.weak(format!("– {}", stages.definition_source));
            ui.add_space(style::space::S);
            ui.label(RichText::new(&stages.principles_heading).strong());
            for stage in &stages.stages {
                stage_reference(ui, stages, stage);
            }
            ui.add_space(style::space::S);
            ui.label(RichText::new(&stages.sustaining.title).strong());
            ui.label(&stages.sustaining.introduction);
            for principle in &stages.sustaining.principles {
                ui.label(RichText::new(&principle.title).strong());
                ui.label(&principle.text);
            }
            ui.add_space(style::space::S);
            ui.weak(format!("Source: {}", stages.source.citation()));
        });
}

fn stage_reference(ui: &mut Ui, stages: &Stages, stage: &Stage) {
    ui.add_space(style::space::S);
    ui.label(
        RichText::new(stages.title_of(stage.number))
            .strong()
            .size(style::size::TAB),
    );
    ui.label(&stage.description);
    for principle in &stage.principles {
        ui.label(RichText::new(&principle.title).strong());
        ui.label(&principle.text);
    }
}

fn delete_dialog(
    ui: &mut Ui,
    state: &mut State,
    view: &PartnershipView,
    stages: &Stages,
    actions: &mut Actions,
) {
    let asked = widgets::ask_first(ui, &mut state.deleting, |id| {
        let entry = view.stages.iter().find(|e| e.id == id)?;
        let title = "Delete this stage entry?";
        let body = format!(
            "{} from {} will be removed from the history. Edit > Undo (Ctrl+Z) brings it back.",
            stages.title_of(entry.stage),
            long_date(entry.started_on)
        );
        Some(widgets::Question {
            title: title.to_owned(),
            body,
            confirm: "Delete",
        })
    });
    if let Some(id) = asked {
        actions.edit(Command::DeleteStageEntry(id));
    }
}
