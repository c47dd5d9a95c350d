//! Small widgets the screens and dialogs share: fields, dates, the
//! question asked first (`ask_first`), list columns and chart keys.

use std::path::Path;

use egui::{Id, Response, RichText, TextEdit, Ui};
use jiff::civil::Date;

use super::style;
use crate::model::LONG_DATE;

/// Today's date where the computer is.
pub fn today() -> Date {
    jiff::Zoned::now().date()
}

/// A moment in the computer's time zone: "28 November 2026 at 10:42".
pub fn moment(at: jiff::Timestamp) -> String {
    at.to_zoned(jiff::tz::TimeZone::system())
        .strftime("%-d %B %Y at %H:%M")
        .to_string()
}

/// A one-line text field for a value that must not be empty (a name). While
/// the field is being edited its text is kept apart, so a user can clear it
/// and type anew; a value is returned only when it changed and is not empty.
pub fn required_text(
    ui: &mut Ui,
    id: Id,
    stored: &str,
    accessible_name: &str,
    width: f32,
) -> Option<String> {
    ui.horizontal(|ui| {
        kept_apart(ui, id, stored, "A name is needed", |ui, text| {
            ui.add_sized(
                [width, ui.spacing().interact_size.y],
                TextEdit::singleline(text).id(id),
            )
            .accessible_name(accessible_name)
        })
    })
    .inner
}

/// A text field that must not be left empty, drawn by `add`: while it has
/// the focus its text is kept apart from the stored one, so a user can
/// clear it and type anew; an empty one says `needed`. The text is returned
/// only when it changed and is not empty.
fn kept_apart(
    ui: &mut Ui,
    id: Id,
    stored: &str,
    needed: &str,
    add: impl FnOnce(&mut Ui, &mut String) -> Response,
) -> Option<String> {
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| stored.to_owned());
    let response = ui
        .add_enabled_ui(super::may_edit(ui), |ui| add(ui, &mut text))
        .inner;
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    if text.trim().is_empty() {
        ui.label(
            RichText::new(needed)
                .color(style::warning_text(ui.visuals()))
                .small(),
        );
        return None;
    }
    (response.changed() && text != stored).then_some(text)
}

/// A multi-line text field for words that must not be left empty (a
/// passage of a rubric), kept apart while it is edited as `required_text`
/// is.
pub fn required_long_text(
    ui: &mut Ui,
    id: Id,
    stored: &str,
    accessible_name: &str,
    rows: usize,
) -> Option<String> {
    kept_apart(
        ui,
        id,
        stored,
        "Words are needed here; the last ones typed are kept until then.",
        |ui, text| {
            ui.add(
                TextEdit::multiline(text)
                    .id(id)
                    .desired_rows(rows)
                    .desired_width(f32::INFINITY),
            )
            .accessible_name(accessible_name)
        },
    )
}

/// A note from PartnerPath beside a rubric's words, small, in italics and
/// in the warning colour.
pub fn note(ui: &mut Ui, text: impl Into<String>) {
    ui.label(
        RichText::new(text)
            .small()
            .italics()
            .color(style::warning_text(ui.visuals())),
    );
}

/// A one-line text field; returns the new text when the user changed it.
pub fn text(ui: &mut Ui, stored: &str, accessible_name: &str, width: f32) -> Option<String> {
    let mut text = stored.to_owned();
    let response = ui
        .add_enabled_ui(super::may_edit(ui), |ui| {
            ui.add_sized(
                [width, ui.spacing().interact_size.y],
                TextEdit::singleline(&mut text),
            )
        })
        .inner
        .accessible_name(accessible_name);
    response.changed().then_some(text)
}

/// A multi-line text field; returns the new text when the user changed it.
pub fn long_text(
    ui: &mut Ui,
    id: Id,
    stored: &str,
    accessible_name: &str,
    hint: &str,
    rows: usize,
    enabled: bool,
) -> Option<String> {
    let mut text = stored.to_owned();
    let response = ui
        .add_enabled(
            enabled && super::may_edit(ui),
            TextEdit::multiline(&mut text)
                .id(id)
                .desired_rows(rows)
                .desired_width(f32::INFINITY)
                .hint_text(hint),
        )
        .accessible_name(accessible_name);
    response.changed().then_some(text)
}

/// An optional date: a check box ("known") and a calendar button.
/// Returns the new value when the user changed it.
pub fn optional_date(
    ui: &mut Ui,
    id_salt: &str,
    stored: Option<Date>,
    accessible_name: &str,
    today: Date,
) -> Option<Option<Date>> {
    let mut known = stored.is_some();
    let mut date = stored.unwrap_or(today);
    let mut changed = false;
    ui.horizontal(|ui| {
        if !super::may_edit(ui) {
            ui.disable();
        }
        changed |= ui
            .checkbox(&mut known, "")
            .accessible_name(format!("{accessible_name} is known"))
            .changed();
        if known {
            changed |= date_button(ui, id_salt, &mut date, accessible_name).changed();
        } else {
            ui.weak("not set");
        }
    });
    changed.then_some(known.then_some(date))
}

/// A button showing a date that opens a calendar.
pub fn date_button(ui: &mut Ui, id_salt: &str, date: &mut Date, accessible_name: &str) -> Response {
    ui.add_enabled(
        super::may_edit(ui),
        egui_extras::DatePickerButton::new(date)
            .id_salt(id_salt)
            .calendar_week(false)
            .show_icon(false)
            .format(LONG_DATE),
    )
    .accessible_name(accessible_name)
}

/// A button that makes a change ("+ Start cycle"): unavailable when the
/// window may not make changes.
pub fn edit_button(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> Response {
    ui.add_enabled(super::may_edit(ui), egui::Button::new(text))
        .on_disabled_hover_text(super::NOT_NOW)
}

/// What a confirmation dialog returned this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Undecided,
    Confirmed,
    Cancelled,
}

/// A modal question with a confirming and a cancelling button.
fn confirm(ui: &mut Ui, id: &str, title: &str, body: &str, confirm_label: &str) -> Choice {
    let mut choice = Choice::Undecided;
    let modal = egui::Modal::new(Id::unique(id)).show(ui.ctx(), |ui| {
        ui.set_max_width(style::width::DIALOG_QUESTION);
        ui.heading(title);
        ui.add_space(style::space::S);
        ui.label(body);
        ui.add_space(style::space::L);
        ui.horizontal(|ui| {
            if ui.button(RichText::new(confirm_label).strong()).clicked() {
                choice = Choice::Confirmed;
            }
            if ui.button("Cancel").clicked() {
                choice = Choice::Cancelled;
            }
        });
    });
    if choice == Choice::Undecided && modal.should_close() {
        choice = Choice::Cancelled;
    }
    choice
}

/// The question asked before something is deleted.
pub struct Question {
    pub title: String,
    pub body: String,
    /// The confirming button: "Delete", "Remove", "Restore"…
    pub confirm: &'static str,
}

/// Asks before something that cannot be taken back at a click (deleting a
/// record, restoring a backup) is done to what `pending` names, and returns
/// it once the user confirms. `ask` words the question, or finds it gone
/// (`None`), which ends the asking; cancelling does too.
pub fn ask_first<T: Copy>(
    ui: &mut Ui,
    pending: &mut Option<T>,
    ask: impl FnOnce(T) -> Option<Question>,
) -> Option<T> {
    let id = (*pending)?;
    let Some(question) = ask(id) else {
        *pending = None;
        return None;
    };
    let choice = confirm(
        ui,
        "ask before deleting",
        &question.title,
        &question.body,
        question.confirm,
    );
    match choice {
        Choice::Undecided => None,
        Choice::Confirmed => {
            *pending = None;
            Some(id)
        }
        Choice::Cancelled => {
            *pending = None;
            None
        }
    }
}

/// The last part of a path (a file's or folder's own name), or the whole
/// path where it has none (a drive's root).
pub fn last_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A column of `width` in a row of a list, its lines wrapping inside it.
pub fn column(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, 0.0),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_width(width);
            add(ui);
        },
    );
}

/// "1 rating", "3 ratings".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// How a chart's line is drawn besides its colour, so that lines are told
/// apart without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
    /// Short dashes.
    Short,
}

/// The mark at each point of a chart's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Diamond,
    Triangle,
}

/// A short stretch of a chart's line with its marker, for a legend: the
/// same dash and mark as on the chart.
pub fn line_key(ui: &mut Ui, colour: egui::Color32, dash: Dash, marker: Marker) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(30.0, 12.0), egui::Sense::hover());
    let painter = ui.painter();
    let stroke = egui::Stroke::new(2.5, colour);
    let ends = [rect.left_center(), rect.right_center()];
    match dash {
        Dash::Solid => {
            painter.line_segment(ends, stroke);
        }
        Dash::Dashed => painter.extend(egui::Shape::dashed_line(&ends, stroke, 7.0, 4.0)),
        Dash::Dotted => painter.extend(egui::Shape::dotted_line(&ends, colour, 4.0, 1.3)),
        Dash::Short => painter.extend(egui::Shape::dashed_line(&ends, stroke, 3.0, 3.0)),
    }
    let c = rect.center();
    let r = 4.5;
    let v = egui::vec2;
    match marker {
        Marker::Circle => painter.circle_filled(c, r * 0.85, colour),
        Marker::Square => painter.rect_filled(
            egui::Rect::from_center_size(c, egui::Vec2::splat(1.6 * r)),
            0.0,
            colour,
        ),
        Marker::Diamond => painter.add(egui::Shape::convex_polygon(
            vec![c + v(0.0, -r), c + v(r, 0.0), c + v(0.0, r), c + v(-r, 0.0)],
            colour,
            egui::Stroke::NONE,
        )),
        Marker::Triangle => painter.add(egui::Shape::convex_polygon(
            vec![c + v(0.0, -r), c + v(r, r * 0.8), c + v(-r, r * 0.8)],
            colour,
            egui::Stroke::NONE,
        )),
    };
}

/// The key under a chart across the years that names the continuum
/// version of each marked year ("* Rated with the Strengthening
/// Partnerships Tool (2018), version 2018-04: 2019-20."); nothing when
/// every year used the same version.
pub fn version_key(ui: &mut Ui, versions: &crate::model::Versions) {
    if versions.key().is_empty() {
        return;
    }
    ui.add_space(style::space::S);
    for line in versions.key() {
        ui.add(egui::Label::new(RichText::new(line).size(style::size::SMALL)).wrap());
    }
}
