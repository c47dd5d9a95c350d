//! One section of a quarterly meeting's agenda on the projector: its title
//! and minutes, each monitoring question with the notes typed for it (which
//! can be typed here too), and the section's timer.

use egui::{Id, Rect, Ui, vec2};

use super::Shown;
use super::fit::{self, GAP, Line, Look, PAD, below};
use crate::instrument::{FieldKind, Section};
use crate::model::{Command, DocumentId, FieldValue};
use crate::ui::action::Actions;
use crate::ui::nav::ScreenContext;

/// The sections of a meeting's agenda presented: those with their minutes
/// (the meeting's date and attendees are not a part of the agenda).
pub fn sections<'a>(cx: &ScreenContext<'a>, id: DocumentId) -> Vec<&'a Section> {
    let Some(document) = cx.view.document(id) else {
        return Vec::new();
    };
    cx.instruments
        .worksheet(&document.instrument_key)
        .map(|sheet| {
            sheet
                .sections
                .iter()
                .filter(|s| s.minutes.is_some())
                .collect()
        })
        .unwrap_or_default()
}

/// Rows of text a notes field shows at least.
const NOTES_ROWS: f32 = 2.0;

/// Draws the section at `index` of a meeting in `area`; none when the
/// meeting is gone.
#[expect(
    clippy::too_many_lines,
    reason = "a section's slide: its words, its measure and its drawing share the questions"
)]
pub fn show(
    ui: &mut Ui,
    cx: &ScreenContext<'_>,
    id: DocumentId,
    index: usize,
    area: Rect,
    actions: &mut Actions,
) -> Option<Shown> {
    let view = cx.view;
    let document = view.document(id)?;
    let sheet = cx.instruments.worksheet(&document.instrument_key)?;
    let all = sections(cx, id);
    let section = *all.get(index)?;
    let minutes = section.minutes.unwrap_or_default();
    let headline = section.title.clone();
    let kicker = format!(
        "{} · {minutes} minutes · {} of {}",
        document.title,
        index + 1,
        all.len()
    );
    let paragraphs: Vec<Line> = section
        .text
        .iter()
        .map(|p| Line::new(document.fill(p, sheet, &view.partnership), Look::Plain))
        .collect();
    let hint = match &sheet.heads {
        Some(heads) if sheet.under_heads(section) => heads.notes.clone(),
        _ => String::new(),
    };
    let questions: Vec<(&crate::instrument::Field, String)> = section
        .fields
        .iter()
        .filter(|f| f.kind == FieldKind::LongText)
        .map(|f| {
            let value = document.value_or_default(f, &view.partnership);
            (f, value.text().to_owned())
        })
        .collect();
    let marks: Vec<(String, bool)> = all
        .iter()
        .map(|s| {
            let written = s.fields.iter().any(|f| {
                document
                    .value(&f.key)
                    .is_some_and(|v| !v.text().trim().is_empty())
            });
            (s.title.clone(), written)
        })
        .collect();
    let bar = super::BarContent::plain(&marks, minutes);
    let width = area.width();
    let margin = fit::FIELD_EXTRA;
    // A question's label and its field: the notes' height, two rows at
    // least.
    let question_height = |ui: &Ui, size: f32, label: &str, notes: &str| {
        let inner = width - 2.0 * PAD * size;
        let field = fit::height(ui, notes, size, inner - margin)
            .max(NOTES_ROWS * fit::row(ui, size))
            + margin;
        fit::height(ui, label, size, width) + fit::AFTER_ITEM * size + field
    };
    let today = cx.today;
    let (size, fits, bar_size) = super::headed_slide(
        ui,
        area,
        (&headline, &kicker),
        &bar,
        |ui, size| {
            let gap = GAP * size;
            let text = if paragraphs.is_empty() {
                0.0
            } else {
                fit::box_height(ui, &paragraphs, size, width) + gap
            };
            let questions: f32 = questions
                .iter()
                .map(|(f, notes)| question_height(ui, size, &f.shown_label(), notes) + gap)
                .sum();
            text + questions
        },
        |ui, mut rest, size| {
            let gap = GAP * size;
            if !paragraphs.is_empty() {
                let h = fit::box_height(ui, &paragraphs, size, width);
                let rect = Rect::from_min_size(rest.min, vec2(width, h));
                fit::draw_box(ui, &paragraphs, size, rect);
                rest = below(rest, h + gap);
            }
            for (field, notes) in &questions {
                let label = field.shown_label();
                let h = question_height(ui, size, &label, notes);
                let rect = Rect::from_min_size(rest.min, vec2(width, h));
                if let Some(text) = notes_field(
                    ui,
                    rect,
                    size,
                    (&label, &hint),
                    notes,
                    (document.id, &field.key),
                ) {
                    actions.edit(Command::SetDocumentValue(
                        document.id,
                        field.key.clone(),
                        FieldValue::Text(text),
                        today,
                    ));
                }
                rest = below(rest, h + gap);
            }
        },
    );
    Some(Shown {
        size,
        bar_size,
        fits,
        marks,
        part: "Section",
        timer: Some((
            Id::unique(("agenda", document.id, &section.key)),
            section.title.clone(),
            minutes,
        )),
        notes: Vec::new(),
        evidence: None,
    })
}

/// A monitoring question and its notes field, in `rect`; returns the
/// notes when they were changed.
fn notes_field(
    ui: &mut Ui,
    rect: Rect,
    size: f32,
    (label, hint): (&str, &str),
    notes: &str,
    key: (DocumentId, &str),
) -> Option<String> {
    let layout = egui::UiBuilder::new()
        .max_rect(rect)
        .layout(egui::Layout::top_down(egui::Align::Min));
    ui.scope_builder(layout, |ui| {
        ui.spacing_mut().item_spacing.y = fit::AFTER_ITEM * size;
        ui.add(egui::Label::new(fit::text(label, size).strong()).wrap());
        let mut text = notes.to_owned();
        let response = ui
            .add_enabled(
                crate::ui::kit::may_edit(ui),
                egui::TextEdit::multiline(&mut text)
                    .id(Id::unique(("present notes", key.0, key.1)))
                    .desired_rows(2)
                    .margin(egui::Margin::same(fit::FIELD_MARGIN))
                    .desired_width(f32::INFINITY)
                    .hint_text(hint),
            )
            .accessible_name(label);
        response.changed().then_some(text)
    })
    .inner
}
