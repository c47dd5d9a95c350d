//! One form renderer for every worksheet: the instrument file says what the
//! sections, texts and typed fields are; this draws them and turns each
//! edit into a command. Tools that need more (a meeting's action steps, a
//! section's timer) add to a section through `extra`.

use std::collections::BTreeMap;

use egui::{Id, RichText, Ui};
use jiff::civil::Date;

use crate::instrument::{
    Column, Drawing, Field, FieldKind, Section, Standards, Suggest, Worksheet,
};
use crate::model::{Command, Document, FieldValue, PartnershipView, PersonId, SchoolYear, bones};
use crate::ui::action::Actions;
use crate::ui::charts::fishbone;
use crate::ui::kit::{ours, standards, style, widgets};

/// Where in a section a tool adds its own content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Right under the section's title.
    Top,
    /// After the section's fields.
    End,
}

/// Draws `document` as `sheet` describes it. `extra` is called at the top
/// and at the end of each section, for what a particular tool adds there.
pub fn show(
    ui: &mut Ui,
    sheet: &Worksheet,
    document: &Document,
    (view, standards): (&PartnershipView, &Standards),
    actions: &mut Actions,
    extra: &mut dyn FnMut(&mut Ui, &Section, Place, &mut Actions),
    today: Date,
) {
    egui::CollapsingHeader::new(RichText::new(format!("About the {}", sheet.title)).strong())
        .id_salt(("about worksheet", &sheet.key))
        .show(ui, |ui| {
            for guidance in &sheet.guidance {
                ui.label(RichText::new(&guidance.heading).strong());
                ui.label(&guidance.text);
            }
            for note in &sheet.notes {
                ui.label(RichText::new(format!("Note from PartnerPath: {note}")).italics());
            }
            ui.weak(format!("Source: {}", sheet.source.citation()));
            standards::about(ui, standards, &sheet.key);
        });
    ours::key(ui, sheet);
    if let Some(lost) = sheet.lost_note() {
        ui.add(egui::Label::new(RichText::new(lost).italics()).wrap());
    }
    for section in &sheet.sections {
        ui.add_space(style::space::M);
        if let Some(heads) = sheet.heads.as_ref().filter(|h| h.from == section.key) {
            // The source's table heads: its questions, then the notes
            // written beside each (here, in the box under it).
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(&heads.questions)
                        .strong()
                        .size(style::size::TITLE),
                );
                ui.label(RichText::new("·").weak());
                ui.label(
                    RichText::new(&heads.notes)
                        .strong()
                        .size(style::size::TITLE),
                );
            });
            ui.add_space(style::space::S);
        }
        let title = match section.minutes {
            Some(minutes) => format!("{} ({minutes} min.)", section.title),
            None => section.title.clone(),
        };
        ui.label(
            ours::text(title, section.source)
                .strong()
                .size(style::size::SECTION),
        );
        extra(ui, section, Place::Top, actions);
        for paragraph in &section.text {
            ui.label(document.fill(paragraph, sheet, &view.partnership));
        }
        for field in &section.fields {
            field_widget(ui, sheet, section, field, document, view, actions, today);
            standards::beside(ui, standards, &sheet.key, &field.key);
        }
        extra(ui, section, Place::End, actions);
    }
}

fn set(actions: &mut Actions, document: &Document, key: &str, today: Date, value: FieldValue) {
    actions.edit(Command::SetDocumentValue(
        document.id,
        key.to_owned(),
        value,
        today,
    ));
}

#[expect(
    clippy::too_many_arguments,
    reason = "the field in its worksheet and section, the document and the frame's context"
)]
#[expect(
    clippy::too_many_lines,
    reason = "one arm per kind of field a worksheet file may name, each drawing its widget and pushing its edit"
)]
fn field_widget(
    ui: &mut Ui,
    sheet: &Worksheet,
    section: &Section,
    field: &Field,
    document: &Document,
    view: &PartnershipView,
    actions: &mut Actions,
    today: Date,
) {
    let value = document.value_or_default(field, &view.partnership);
    let label = field.shown_label();
    let shown = ours::field(ui.style(), field);
    let id = Id::unique(("field", document.id, &field.key));
    match field.kind {
        FieldKind::ShortText => {
            ui.horizontal(|ui| {
                ui.label(shown.clone());
                if let Some(text) = widgets::text(ui, value.text(), &label, 360.0) {
                    set(actions, document, &field.key, today, FieldValue::Text(text));
                }
                if let Some(text) = suggestions(ui, field.suggest, view, &label) {
                    set(actions, document, &field.key, today, FieldValue::Text(text));
                }
            });
        }
        FieldKind::SchoolYear => {
            ui.horizontal(|ui| {
                ui.label(shown.clone());
                let shown = document.school_year().label();
                if let Some(year) = year_choice(ui, id, &shown, &label, today) {
                    set(actions, document, &field.key, today, FieldValue::Text(year));
                }
            });
        }
        FieldKind::Scale => {
            let chosen = match &value {
                FieldValue::Choice(choice) => choice.as_deref(),
                _ => None,
            };
            ui.add(egui::Label::new(shown.clone()).wrap());
            ui.horizontal_wrapped(|ui| {
                if let Some(choice) =
                    scale(ui, chosen, (&field.options, &field.options_ours), &label)
                {
                    set(
                        actions,
                        document,
                        &field.key,
                        today,
                        FieldValue::Choice(choice),
                    );
                }
            });
        }
        FieldKind::Check => {
            let mut ticked = matches!(value, FieldValue::Check(true));
            if ui
                .checkbox(&mut ticked, shown.clone())
                .on_hover_text(&label)
                .changed()
            {
                set(
                    actions,
                    document,
                    &field.key,
                    today,
                    FieldValue::Check(ticked),
                );
            }
        }
        FieldKind::LongText => {
            ui.add(egui::Label::new(shown.clone()).wrap());
            let hint = match &sheet.heads {
                Some(heads) if sheet.under_heads(section) => heads.notes.as_str(),
                _ => "",
            };
            if let Some(text) = widgets::long_text(ui, id, value.text(), &label, hint, 2, true) {
                set(actions, document, &field.key, today, FieldValue::Text(text));
            }
        }
        FieldKind::Date => {
            ui.horizontal(|ui| {
                ui.label(shown.clone());
                let stored = match value {
                    FieldValue::Date(date) => date,
                    _ => None,
                };
                let salt = format!("date {} {}", document.id.0, field.key);
                if let Some(date) = widgets::optional_date(ui, &salt, stored, &label, today) {
                    set(actions, document, &field.key, today, FieldValue::Date(date));
                }
            });
        }
        FieldKind::YesNoDate => {
            let (mut confirmed, on) = match value {
                FieldValue::YesNoDate { confirmed, on } => (confirmed, on),
                _ => (false, None),
            };
            ui.add(egui::Label::new(shown.clone()).wrap());
            ui.horizontal(|ui| {
                ui.add_space(style::space::XL);
                let response = ui
                    .checkbox(&mut confirmed, "Confirmed")
                    .accessible_name(format!("Confirmed: {label}"));
                if response.changed() {
                    let on = if confirmed { on.or(Some(today)) } else { None };
                    set(
                        actions,
                        document,
                        &field.key,
                        today,
                        FieldValue::YesNoDate { confirmed, on },
                    );
                }
                if let (true, Some(mut date)) = (confirmed, on) {
                    ui.label("on");
                    let salt = format!("confirmed on {} {}", document.id.0, field.key);
                    let name = format!("Date confirmed: {label}");
                    if widgets::date_button(ui, &salt, &mut date, &name).changed() {
                        set(
                            actions,
                            document,
                            &field.key,
                            today,
                            FieldValue::YesNoDate {
                                confirmed,
                                on: Some(date),
                            },
                        );
                    }
                }
            });
        }
        FieldKind::Person => {
            ui.horizontal(|ui| {
                ui.label(shown.clone());
                let chosen = match value {
                    FieldValue::Person(person) => person,
                    _ => None,
                };
                if let Some(person) = person_choice(ui, id, chosen, view, &label) {
                    set(
                        actions,
                        document,
                        &field.key,
                        today,
                        FieldValue::Person(person),
                    );
                }
            });
        }
        FieldKind::Choice => {
            ui.horizontal(|ui| {
                ui.label(shown.clone());
                let chosen = match &value {
                    FieldValue::Choice(choice) => choice.as_deref(),
                    _ => None,
                };
                if let Some(choice) = option_choice(
                    ui,
                    id,
                    chosen,
                    (&field.options, &field.options_ours),
                    &label,
                ) {
                    set(
                        actions,
                        document,
                        &field.key,
                        today,
                        FieldValue::Choice(choice),
                    );
                }
            });
        }
        FieldKind::Table => {
            let rows = match value {
                FieldValue::Rows(rows) => rows,
                _ => Vec::new(),
            };
            // A table named as its section is not named twice.
            if field.label != section.title {
                ui.add(egui::Label::new(shown.clone()).wrap());
            }
            if field.drawing == Some(Drawing::Fishbone) {
                let head = document.head_of(sheet, field, &view.partnership);
                fishbone::show(ui, &head, &bones(&rows));
            }
            if let Some(rows) = table(ui, id, field, rows, view, today) {
                set(actions, document, &field.key, today, FieldValue::Rows(rows));
            }
        }
    }
}

/// A "Choose…" menu of what `suggest` offers (the partnership's people,
/// the monitoring plan's milestones or objectives); returns the text
/// picked. Nothing is shown when there is nothing to offer.
fn suggestions(
    ui: &mut Ui,
    suggest: Option<Suggest>,
    view: &PartnershipView,
    name: &str,
) -> Option<String> {
    let offered: Vec<String> = match suggest? {
        Suggest::People => view.people.iter().map(|p| p.name.clone()).collect(),
        Suggest::Milestones => view
            .milestones
            .iter()
            .map(|m| m.milestone.clone())
            .collect(),
        Suggest::Objectives => view
            .goals
            .iter()
            .filter(|g| g.goal.is_none())
            .flat_map(|goal| {
                std::iter::once(goal.text.clone()).chain(
                    view.goals
                        .iter()
                        .filter(move |o| o.goal == Some(goal.id))
                        .map(|o| o.text.clone()),
                )
            })
            .collect(),
    };
    let offered: Vec<String> = offered
        .into_iter()
        .filter(|text| !text.trim().is_empty())
        .collect();
    if offered.is_empty() {
        return None;
    }
    let mut picked = None;
    ui.menu_button("Choose…", |ui| {
        for text in &offered {
            if ui.button(text).clicked() {
                picked = Some(text.clone());
                ui.close();
            }
        }
    })
    .response
    .accessible_name(format!("Choose {name} from the list"));
    picked
}

/// A row of buttons, one per point of a scale; returns the new choice
/// (clicking the chosen point again clears it).
fn scale(
    ui: &mut Ui,
    chosen: Option<&str>,
    (options, ours_of_them): (&[String], &[String]),
    name: &str,
) -> Option<Option<String>> {
    let mut new = None;
    for option in options {
        let on = chosen == Some(option.as_str());
        if ui
            .selectable_label(on, ours::option(option, ours_of_them))
            .accessible_name(format!("{name}: {option}"))
            .clicked()
        {
            new = Some((!on).then(|| option.clone()));
        }
    }
    new
}

/// A drop-down of school years around today; returns the label chosen.
fn year_choice(ui: &mut Ui, id: Id, shown: &str, name: &str, today: Date) -> Option<String> {
    let mut selected = shown.to_owned();
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for year in SchoolYear::choices_around(today) {
                let label = year.label();
                ui.selectable_value(&mut selected, label.clone(), label);
            }
        })
        .response
        .accessible_name(name);
    (selected != shown).then_some(selected)
}

/// A drop-down of the partnership's people; returns the new choice.
fn person_choice(
    ui: &mut Ui,
    id: Id,
    chosen: Option<PersonId>,
    view: &PartnershipView,
    name: &str,
) -> Option<Option<PersonId>> {
    let mut selected = chosen;
    let text = chosen
        .and_then(|p| view.person(p))
        .map_or_else(|| "Nobody chosen".to_owned(), |p| p.name.clone());
    egui::ComboBox::from_id_salt(id)
        .selected_text(text)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut selected, None, "Nobody chosen");
            for person in &view.people {
                ui.selectable_value(&mut selected, Some(person.id), &person.name);
            }
        })
        .response
        .accessible_name(name);
    (selected != chosen).then_some(selected)
}

/// A drop-down of fixed options (PartnerPath's in italics); returns the
/// new choice.
fn option_choice(
    ui: &mut Ui,
    id: Id,
    chosen: Option<&str>,
    (options, ours_of_them): (&[String], &[String]),
    name: &str,
) -> Option<Option<String>> {
    let mut selected = chosen.map(str::to_owned);
    let shown = chosen.map_or_else(
        || RichText::new("Choose…"),
        |c| ours::option(c, ours_of_them),
    );
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for option in options {
                ui.selectable_value(
                    &mut selected,
                    Some(option.clone()),
                    ours::option(option, ours_of_them),
                );
            }
        })
        .response
        .accessible_name(name);
    (selected.as_deref() != chosen).then_some(selected)
}

/// A table's one-line text cell, wrapped so that a preset item's label
/// reads whole; returns the new text (kept on one line).
fn wrapping_text(ui: &mut Ui, id: Id, stored: &str, name: &str) -> Option<String> {
    cell_text(ui, id, stored, name, SHORT_CELL).map(|text| text.replace('\n', " "))
}

/// A table's text cell `width` points wide, however narrow the grid's
/// column was the frame before; it grows downwards as the text wraps.
fn cell_text(ui: &mut Ui, id: Id, stored: &str, name: &str, width: f32) -> Option<String> {
    let mut text = stored.to_owned();
    ui.vertical(|ui| {
        ui.set_width(width);
        ui.add(
            egui::TextEdit::multiline(&mut text)
                .id(id)
                .desired_rows(1)
                .desired_width(width),
        )
        .accessible_name(name)
        .changed()
    })
    .inner
    .then_some(text)
}

/// The most columns a table shows as a grid; wider tables show a card per row.
const MAX_GRID_COLUMNS: usize = 4;
/// The widths of a table's text cells, in points.
const SHORT_CELL: f32 = 260.0;
const LONG_CELL: f32 = 300.0;
/// The width of a field's label in a card of a wide table's row.
const CARD_LABEL: f32 = 200.0;

/// A table of typed rows; returns all rows when any cell changed.
fn table(
    ui: &mut Ui,
    id: Id,
    field: &Field,
    mut rows: Vec<BTreeMap<String, FieldValue>>,
    view: &PartnershipView,
    today: Date,
) -> Option<Vec<BTreeMap<String, FieldValue>>> {
    let mut changed = false;
    let mut remove = None;
    let remove_button = |ui: &mut Ui, index: usize| {
        ui.button("Remove")
            .accessible_name(format!("Remove row {} of {}", index + 1, field.label))
            .clicked()
    };
    // A few columns read as a grid; more would run off the page, so each
    // row becomes a card of labelled fields.
    if field.columns.len() <= MAX_GRID_COLUMNS {
        egui::Grid::new(id.with("grid"))
            .num_columns(field.columns.len() + 1)
            .striped(true)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                for column in &field.columns {
                    ui.label(ours::column(column).strong());
                }
                ui.end_row();
                for (index, row) in rows.iter_mut().enumerate() {
                    for column in &field.columns {
                        let name = format!("{} {} of {}", column.label, index + 1, field.label);
                        let cell_id = id.with((index, &column.key));
                        changed |= cell(ui, cell_id, column, row, view, &name, today);
                    }
                    if remove_button(ui, index) {
                        remove = Some(index);
                    }
                    ui.end_row();
                }
            });
    } else {
        if rows.is_empty() {
            let labels: Vec<&str> = field.columns.iter().map(|c| c.label.as_str()).collect();
            ui.weak(format!(
                "No rows yet. Each row holds: {}.",
                labels.join("; ")
            ));
        }
        for (index, row) in rows.iter_mut().enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                // Label and field side by side without a grid, so that a
                // wrapping field does not make the columns hunt for a width.
                for column in &field.columns {
                    ui.horizontal_top(|ui| {
                        ui.allocate_ui_with_layout(
                            egui::vec2(CARD_LABEL, 0.0),
                            egui::Layout::top_down(egui::Align::Min),
                            |ui| {
                                ui.set_width(CARD_LABEL);
                                ui.add(egui::Label::new(ours::column(column)).wrap());
                            },
                        );
                        let name = format!("{} {} of {}", column.label, index + 1, field.label);
                        let cell_id = id.with((index, &column.key));
                        changed |= cell(ui, cell_id, column, row, view, &name, today);
                    });
                }
                if remove_button(ui, index) {
                    remove = Some(index);
                }
            });
        }
    }
    if let Some(index) = remove {
        rows.remove(index);
        changed = true;
    }
    if ui
        .button("+ Add row")
        .accessible_name(format!("Add a row to {}", field.label))
        .clicked()
    {
        rows.push(BTreeMap::new());
        changed = true;
    }
    changed.then_some(rows)
}

fn cell(
    ui: &mut Ui,
    id: Id,
    column: &Column,
    row: &mut BTreeMap<String, FieldValue>,
    view: &PartnershipView,
    name: &str,
    today: Date,
) -> bool {
    let value = row
        .get(&column.key)
        .cloned()
        .unwrap_or_else(|| FieldValue::empty(column.kind));
    let new = match column.kind {
        FieldKind::ShortText if column.suggest.is_some() => {
            let typed = ui
                .horizontal(|ui| {
                    let typed = wrapping_text(ui, id, value.text(), name);
                    suggestions(ui, column.suggest, view, name).or(typed)
                })
                .inner;
            typed.map(FieldValue::Text)
        }
        FieldKind::ShortText => wrapping_text(ui, id, value.text(), name).map(FieldValue::Text),
        FieldKind::LongText => {
            cell_text(ui, id, value.text(), name, LONG_CELL).map(FieldValue::Text)
        }
        FieldKind::Check => {
            let mut ticked = matches!(value, FieldValue::Check(true));
            ui.checkbox(&mut ticked, "")
                .accessible_name(name)
                .changed()
                .then_some(FieldValue::Check(ticked))
        }
        FieldKind::Scale => {
            let chosen = match &value {
                FieldValue::Choice(choice) => choice.as_deref(),
                _ => None,
            };
            ui.horizontal(|ui| scale(ui, chosen, (&column.options, &column.options_ours), name))
                .inner
                .map(FieldValue::Choice)
        }
        FieldKind::Date => {
            let stored = match value {
                FieldValue::Date(date) => date,
                _ => None,
            };
            let salt = format!("{id:?}");
            widgets::optional_date(ui, &salt, stored, name, today).map(FieldValue::Date)
        }
        FieldKind::YesNoDate => {
            let mut confirmed = matches!(
                value,
                FieldValue::YesNoDate {
                    confirmed: true,
                    ..
                }
            );
            ui.checkbox(&mut confirmed, "")
                .accessible_name(name)
                .changed()
                .then(|| FieldValue::YesNoDate {
                    confirmed,
                    on: confirmed.then_some(today),
                })
        }
        FieldKind::Person => {
            let chosen = match value {
                FieldValue::Person(person) => person,
                _ => None,
            };
            person_choice(ui, id, chosen, view, name).map(FieldValue::Person)
        }
        FieldKind::Choice => {
            let chosen = match &value {
                FieldValue::Choice(choice) => choice.as_deref(),
                _ => None,
            };
            option_choice(
                ui,
                id,
                chosen,
                (&column.options, &column.options_ours),
                name,
            )
            .map(FieldValue::Choice)
        }
        FieldKind::Table | FieldKind::SchoolYear => None,
    };
    match new {
        Some(new) => {
            row.insert(column.key.clone(), new);
            true
        }
        None => false,
    }
}
