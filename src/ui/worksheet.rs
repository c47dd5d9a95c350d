//! One form renderer for every worksheet: the instrument file says what the
//! sections, texts and typed fields are; this draws them and turns each
//! edit into a command. Tools that need more (a meeting's timer and action
//! steps) add to a section through `extra`.

use std::collections::BTreeMap;

use egui::{Id, RichText, Ui};
use jiff::civil::Date;

use super::nav::Requests;
use super::style;
use super::widgets;
use crate::instrument::{Column, Field, FieldKind, Section, Worksheet};
use crate::model::{Command, Document, FieldValue, PartnershipView, PersonId};

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
    view: &PartnershipView,
    requests: &mut Requests,
    extra: &mut dyn FnMut(&mut Ui, &Section, Place, &mut Requests),
    today: Date,
) {
    egui::CollapsingHeader::new(RichText::new(format!("About the {}", sheet.title)).strong())
        .id_salt(("about worksheet", &sheet.key))
        .show(ui, |ui| {
            for guidance in &sheet.guidance {
                ui.label(RichText::new(&guidance.heading).strong());
                ui.label(&guidance.text);
            }
            ui.weak(format!("Source: {}", sheet.source.citation()));
        });
    for section in &sheet.sections {
        ui.add_space(style::space::M);
        let title = match section.minutes {
            Some(minutes) => format!("{} ({minutes} min.)", section.title),
            None => section.title.clone(),
        };
        ui.label(RichText::new(title).strong().size(style::size::SECTION));
        extra(ui, section, Place::Top, requests);
        for paragraph in &section.text {
            ui.label(document.fill(paragraph, sheet, &view.partnership));
        }
        for field in &section.fields {
            field_widget(ui, field, document, view, requests, today);
        }
        extra(ui, section, Place::End, requests);
    }
}

fn set(requests: &mut Requests, document: &Document, key: &str, value: FieldValue) {
    requests.commands.push(Command::SetDocumentValue(
        document.id,
        key.to_owned(),
        value,
    ));
}

fn field_widget(
    ui: &mut Ui,
    field: &Field,
    document: &Document,
    view: &PartnershipView,
    requests: &mut Requests,
    today: Date,
) {
    let value = document.value_or_default(field, &view.partnership);
    let id = Id::unique(("field", document.id, &field.key));
    match field.kind {
        FieldKind::ShortText => {
            ui.horizontal(|ui| {
                ui.label(&field.label);
                if let Some(text) = widgets::text(ui, value.text(), &field.label, 360.0) {
                    set(requests, document, &field.key, FieldValue::Text(text));
                }
            });
        }
        FieldKind::LongText => {
            ui.add(egui::Label::new(&field.label).wrap());
            if let Some(text) = widgets::long_text(ui, id, value.text(), &field.label, "", 2, true)
            {
                set(requests, document, &field.key, FieldValue::Text(text));
            }
        }
        FieldKind::Date => {
            ui.horizontal(|ui| {
                ui.label(&field.label);
                let stored = match value {
                    FieldValue::Date(date) => date,
                    _ => None,
                };
                let salt = format!("date {} {}", document.id.0, field.key);
                if let Some(date) = widgets::optional_date(ui, &salt, stored, &field.label, today) {
                    set(requests, document, &field.key, FieldValue::Date(date));
                }
            });
        }
        FieldKind::YesNoDate => {
            let (mut confirmed, on) = match value {
                FieldValue::YesNoDate { confirmed, on } => (confirmed, on),
                _ => (false, None),
            };
            ui.add(egui::Label::new(&field.label).wrap());
            ui.horizontal(|ui| {
                ui.add_space(style::space::XL);
                let response = ui
                    .checkbox(&mut confirmed, "Confirmed")
                    .accessible_name(format!("Confirmed: {}", field.label));
                if response.changed() {
                    let on = if confirmed { on.or(Some(today)) } else { None };
                    set(
                        requests,
                        document,
                        &field.key,
                        FieldValue::YesNoDate { confirmed, on },
                    );
                }
                if let (true, Some(mut date)) = (confirmed, on) {
                    ui.label("on");
                    let salt = format!("confirmed on {} {}", document.id.0, field.key);
                    let name = format!("Date confirmed: {}", field.label);
                    if widgets::date_button(ui, &salt, &mut date, &name).changed() {
                        set(
                            requests,
                            document,
                            &field.key,
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
                ui.label(&field.label);
                let chosen = match value {
                    FieldValue::Person(person) => person,
                    _ => None,
                };
                if let Some(person) = person_choice(ui, id, chosen, view, &field.label) {
                    set(requests, document, &field.key, FieldValue::Person(person));
                }
            });
        }
        FieldKind::Choice => {
            ui.horizontal(|ui| {
                ui.label(&field.label);
                let chosen = match &value {
                    FieldValue::Choice(choice) => choice.as_deref(),
                    _ => None,
                };
                if let Some(choice) = option_choice(ui, id, chosen, &field.options, &field.label) {
                    set(requests, document, &field.key, FieldValue::Choice(choice));
                }
            });
        }
        FieldKind::Table => {
            let rows = match value {
                FieldValue::Rows(rows) => rows,
                _ => Vec::new(),
            };
            ui.add(egui::Label::new(&field.label).wrap());
            if let Some(rows) = table(ui, id, field, rows, view, today) {
                set(requests, document, &field.key, FieldValue::Rows(rows));
            }
        }
    }
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

/// A drop-down of fixed options; returns the new choice.
fn option_choice(
    ui: &mut Ui,
    id: Id,
    chosen: Option<&str>,
    options: &[String],
    name: &str,
) -> Option<Option<String>> {
    let mut selected = chosen.map(str::to_owned);
    egui::ComboBox::from_id_salt(id)
        .selected_text(chosen.unwrap_or("Choose…"))
        .show_ui(ui, |ui| {
            for option in options {
                ui.selectable_value(&mut selected, Some(option.clone()), option);
            }
        })
        .response
        .accessible_name(name);
    (selected.as_deref() != chosen).then_some(selected)
}

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
    egui::Grid::new(id.with("grid"))
        .num_columns(field.columns.len() + 1)
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for column in &field.columns {
                ui.strong(&column.label);
            }
            ui.end_row();
            for (index, row) in rows.iter_mut().enumerate() {
                for column in &field.columns {
                    let name = format!("{} {} of {}", column.label, index + 1, field.label);
                    let cell_id = id.with((index, &column.key));
                    changed |= cell(ui, cell_id, column, row, view, &name, today);
                }
                if ui
                    .button("Remove")
                    .accessible_name(format!("Remove row {} of {}", index + 1, field.label))
                    .clicked()
                {
                    remove = Some(index);
                }
                ui.end_row();
            }
        });
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
        FieldKind::ShortText | FieldKind::LongText => {
            widgets::text(ui, value.text(), name, 200.0).map(FieldValue::Text)
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
            option_choice(ui, id, chosen, &column.options, name).map(FieldValue::Choice)
        }
        FieldKind::Table => None,
    };
    match new {
        Some(new) => {
            row.insert(column.key.clone(), new);
            true
        }
        None => false,
    }
}
