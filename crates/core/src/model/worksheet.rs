//! Filled worksheets ("documents"): the values typed into a worksheet's
//! fields, kept with the instrument key and version they were made with.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Partnership, PartnershipId, PersonId, SchoolYear};
use crate::instrument::{FISHBONE_CAUSE, FISHBONE_RANK, Field, FieldKind, SCHOOL_YEAR, Worksheet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocumentId(pub i64);

/// The quarterly meeting's field holding the date it was held.
pub const MEETING_DATE: &str = "meeting_date";
/// The quarterly meeting's attendees table, and its column for the side.
pub const ATTENDEES: &str = "attendees";
pub const ATTENDEE_SIDE: &str = "side";

/// A value of one field, typed as the worksheet says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum FieldValue {
    Text(String),
    Date(Option<Date>),
    /// Confirmed or not, and when.
    YesNoDate {
        confirmed: bool,
        on: Option<Date>,
    },
    Person(Option<PersonId>),
    Choice(Option<String>),
    /// A tick box, ticked or not.
    Check(bool),
    /// Rows of a table: each row maps column keys to values.
    Rows(Vec<BTreeMap<String, FieldValue>>),
}

/// The fields the Goals & Objectives Template's first version (nea-2019)
/// typed its goal and its objectives into ("objective_1" to "objective_5").
const EARLIER_GOAL: &str = "initiative_goal";
const EARLIER_OBJECTIVES: usize = 5;

impl FieldValue {
    /// The empty value of a field of `kind`.
    pub fn empty(kind: FieldKind) -> FieldValue {
        match kind {
            FieldKind::ShortText | FieldKind::LongText | FieldKind::SchoolYear => {
                FieldValue::Text(String::new())
            }
            FieldKind::Date => FieldValue::Date(None),
            FieldKind::YesNoDate => FieldValue::YesNoDate {
                confirmed: false,
                on: None,
            },
            FieldKind::Person => FieldValue::Person(None),
            FieldKind::Choice | FieldKind::Scale => FieldValue::Choice(None),
            FieldKind::Check => FieldValue::Check(false),
            FieldKind::Table => FieldValue::Rows(Vec::new()),
        }
    }

    /// What a field holds before anything is typed: its preset rows (a
    /// checklist's items), or empty.
    pub fn initial(field: &Field) -> FieldValue {
        if field.kind != FieldKind::Table || field.rows.is_empty() {
            return FieldValue::empty(field.kind);
        }
        let rows = field
            .rows
            .iter()
            .map(|preset| {
                field
                    .columns
                    .iter()
                    .filter_map(|column| {
                        let text = preset.get(&column.key)?;
                        let value = match column.kind {
                            FieldKind::Choice | FieldKind::Scale => {
                                FieldValue::Choice(Some(text.clone()))
                            }
                            _ => FieldValue::Text(text.clone()),
                        };
                        Some((column.key.clone(), value))
                    })
                    .collect()
            })
            .collect();
        FieldValue::Rows(rows)
    }

    pub fn text(&self) -> &str {
        match self {
            FieldValue::Text(text) => text,
            FieldValue::Choice(Some(choice)) => choice,
            _ => "",
        }
    }

    /// The value in words, as typed ("Confirmed on 3 March 2026",
    /// "Ticked"); empty when nothing was. `person` names a chosen person.
    pub fn words(&self, person: impl Fn(PersonId) -> Option<String>) -> String {
        match self {
            FieldValue::Person(None)
            | FieldValue::Choice(None)
            | FieldValue::Date(None)
            | FieldValue::Check(false)
            | FieldValue::YesNoDate {
                confirmed: false,
                on: None,
            } => String::new(),
            FieldValue::Text(text) => text.clone(),
            FieldValue::Choice(Some(choice)) => choice.clone(),
            FieldValue::Date(Some(date)) => super::long_date(*date),
            FieldValue::YesNoDate { on: Some(on), .. } => {
                format!("Confirmed on {}", super::long_date(*on))
            }
            FieldValue::YesNoDate { .. } => "Confirmed".to_owned(),
            FieldValue::Check(true) => "Ticked".to_owned(),
            FieldValue::Person(Some(id)) => person(*id).unwrap_or_default(),
            FieldValue::Rows(rows) => rows
                .iter()
                .map(|row| {
                    row.values()
                        .map(FieldValue::text)
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            FieldValue::Text(text) => text.trim().is_empty(),
            FieldValue::Date(date) => date.is_none(),
            FieldValue::YesNoDate { confirmed, on } => !confirmed && on.is_none(),
            FieldValue::Person(person) => person.is_none(),
            FieldValue::Choice(choice) => choice.is_none(),
            FieldValue::Check(ticked) => !ticked,
            FieldValue::Rows(rows) => rows.is_empty(),
        }
    }
}

/// What a meeting or worksheet says of itself, declared once
/// (`XDocument` holds it too). The instrument is fixed when it is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentFields {
    pub instrument_key: String,
    pub instrument_version: String,
    pub title: String,
    pub created_on: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewDocument {
    pub partnership_id: PartnershipId,
    pub fields: DocumentFields,
}

impl NewDocument {
    /// A new document of `sheet` for the partnership `partnership_id`, made
    /// on `on`: titled as given, or for a worksheet kept per school year,
    /// with the year (`title_for`).
    pub fn of(sheet: &Worksheet, partnership_id: PartnershipId, title: String, on: Date) -> Self {
        NewDocument {
            partnership_id,
            fields: DocumentFields {
                instrument_key: sheet.key.clone(),
                instrument_version: sheet.version.clone(),
                title,
                created_on: on,
            },
        }
    }

    /// The title a new document of `sheet` starts with: the worksheet's,
    /// with the school year of `on` for a worksheet kept per school year.
    pub fn title_for(sheet: &Worksheet, on: Date) -> String {
        if sheet.per_school_year {
            format!("{}, {}", sheet.title, SchoolYear::containing(on).label())
        } else {
            sheet.title.clone()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: DocumentId,
    pub partnership_id: PartnershipId,
    pub fields: DocumentFields,
    /// The day it was last edited (made, renamed or a value typed).
    pub changed_on: Date,
    pub values: BTreeMap<String, FieldValue>,
}

impl Document {
    /// What was typed into fields that `sheet` (a later version of the
    /// tool) no longer has, as (field name, text), so that it stays in
    /// sight on screen and on paper. `person` names a chosen person.
    pub fn kept_from_earlier(
        &self,
        sheet: &Worksheet,
        person: impl Fn(PersonId) -> Option<String>,
    ) -> Vec<(String, String)> {
        self.values
            .iter()
            .filter(|(key, value)| sheet.field(key).is_none() && !value.is_empty())
            .map(|(key, value)| {
                let text = value.words(&person);
                (key.replace('_', " "), text)
            })
            .collect()
    }

    /// What a Goals & Objectives Template of its first version (nea-2019)
    /// typed into fields of its own: the goal and the objectives, to move
    /// into the partnership's one set. `None` when it typed neither.
    pub fn earlier_goals(&self) -> Option<(String, Vec<String>)> {
        let text = |key: &str| match self.values.get(key) {
            Some(FieldValue::Text(text)) if !text.trim().is_empty() => Some(text.trim().to_owned()),
            _ => None,
        };
        let goal = text(EARLIER_GOAL);
        let objectives: Vec<String> = (1..=EARLIER_OBJECTIVES)
            .filter_map(|n| text(&format!("objective_{n}")))
            .collect();
        (goal.is_some() || !objectives.is_empty()).then(|| (goal.unwrap_or_default(), objectives))
    }

    /// The stored value of a field, if any was typed.
    pub fn value(&self, key: &str) -> Option<&FieldValue> {
        self.values.get(key)
    }

    /// The value of a field, falling back to its default from the
    /// partnership (e.g. the district's name), then to its preset rows or
    /// empty. A table's stored rows win even when none are left.
    pub fn value_or_default(&self, field: &Field, partnership: &Partnership) -> FieldValue {
        match self.values.get(&field.key) {
            Some(value @ FieldValue::Rows(_)) => value.clone(),
            Some(value) if !value.is_empty() => value.clone(),
            _ => match field
                .default
                .as_deref()
                .and_then(|d| default_text(d, partnership))
            {
                Some(text) if !text.is_empty() => FieldValue::Text(text.to_owned()),
                _ => FieldValue::initial(field),
            },
        }
    }

    /// A date field's value.
    pub fn date(&self, key: &str) -> Option<Date> {
        match self.values.get(key) {
            Some(FieldValue::Date(date)) => *date,
            _ => None,
        }
    }

    /// The text at the head of a drawing: the field `drawing` names as its
    /// `head` (the fishbone's problem), as typed or defaulted.
    pub fn head_of(&self, sheet: &Worksheet, drawing: &Field, partnership: &Partnership) -> String {
        drawing
            .head
            .as_deref()
            .and_then(|key| sheet.field(key))
            .map(|field| self.value_or_default(field, partnership).text().to_owned())
            .unwrap_or_default()
    }

    /// The school year a per-year worksheet is for: its `school_year`
    /// field, or until that is chosen, the year it was made in.
    pub fn school_year(&self) -> SchoolYear {
        self.values
            .get(SCHOOL_YEAR)
            .and_then(|v| SchoolYear::parse(v.text()))
            .unwrap_or_else(|| SchoolYear::containing(self.created_on))
    }

    /// When a meeting was held: its `meeting_date` field, or until that is
    /// set, when the document was made.
    pub fn held_on(&self) -> Date {
        self.date(MEETING_DATE).unwrap_or(self.created_on)
    }

    /// Which of `sides` (the choices of the attendees' side column) have
    /// nobody named among a meeting's attendees.
    pub fn sides_missing<'s>(&self, sides: &'s [String]) -> Vec<&'s str> {
        let present: Vec<&str> = match self.values.get(ATTENDEES) {
            Some(FieldValue::Rows(rows)) => rows
                .iter()
                .filter(|row| row.get("name").is_some_and(|n| !n.text().trim().is_empty()))
                .filter_map(|row| row.get(ATTENDEE_SIDE).map(FieldValue::text))
                .collect(),
            _ => Vec::new(),
        };
        sides
            .iter()
            .map(String::as_str)
            .filter(|side| !present.contains(side))
            .collect()
    }

    /// A worksheet's paragraph with its placeholders ("[District Name]")
    /// filled from the fields they name; one left empty stays as printed.
    pub fn fill(&self, text: &str, sheet: &Worksheet, partnership: &Partnership) -> String {
        let mut filled = text.to_owned();
        for (placeholder, key) in &sheet.placeholders {
            let Some(field) = sheet.field(key) else {
                continue;
            };
            let value = self.value_or_default(field, partnership);
            let value = value.text().trim();
            if !value.is_empty() {
                filled = filled.replace(placeholder.as_str(), value);
            }
        }
        filled
    }
}

/// One bone of a fishbone diagram: a cause and its rank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bone {
    pub cause: String,
    pub rank: String,
}

/// The bones of a fishbone table's rows, skipping rows with no cause.
pub fn bones(rows: &[BTreeMap<String, FieldValue>]) -> Vec<Bone> {
    rows.iter()
        .map(|row| {
            let text = |key: &str| row.get(key).map(|v| v.text().trim().to_owned());
            Bone {
                cause: text(FISHBONE_CAUSE).unwrap_or_default(),
                rank: text(FISHBONE_RANK).unwrap_or_default(),
            }
        })
        .filter(|bone| !bone.cause.is_empty())
        .collect()
}

/// A per-school-year worksheet's ratings side by side: one row per rated
/// item (a component), one column per school year, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OverYears {
    /// The heading of the items' column and of the ratings' column.
    pub item: String,
    pub rating: String,
    pub years: Vec<SchoolYear>,
    pub rows: Vec<(String, Vec<Option<String>>)>,
}

/// The ratings of `documents` (all made with `sheet`) over the years: the
/// first table with a choice or scale column, its items named by its first
/// text column. A year filled twice shows the document changed last.
/// `None` when the worksheet is not kept per school year or has no such table.
pub fn over_years<'d>(
    sheet: &Worksheet,
    documents: impl Iterator<Item = &'d Document>,
    partnership: &Partnership,
) -> Option<OverYears> {
    if !sheet.per_school_year {
        return None;
    }
    let (table, item, rating) = sheet.fields().find_map(|field| {
        let item = field
            .columns
            .iter()
            .find(|c| matches!(c.kind, FieldKind::ShortText | FieldKind::LongText))?;
        let rating = field
            .columns
            .iter()
            .find(|c| matches!(c.kind, FieldKind::Choice | FieldKind::Scale))?;
        Some((field, item, rating))
    })?;
    let mut by_year: BTreeMap<SchoolYear, &Document> = BTreeMap::new();
    for document in documents {
        let year = document.school_year();
        let newer = by_year
            .get(&year)
            .is_none_or(|d| (d.changed_on, d.id) < (document.changed_on, document.id));
        if newer {
            by_year.insert(year, document);
        }
    }
    let mut over = OverYears {
        item: item.label.clone(),
        rating: rating.label.clone(),
        years: by_year.keys().copied().collect(),
        rows: Vec::new(),
    };
    let preset: Vec<String> = table
        .rows
        .iter()
        .filter_map(|row| row.get(&item.key).cloned())
        .collect();
    for name in preset {
        over.rows.push((name, vec![None; over.years.len()]));
    }
    for (column, document) in by_year.values().enumerate() {
        let FieldValue::Rows(rows) = document.value_or_default(table, partnership) else {
            continue;
        };
        for row in rows {
            let name = row.get(&item.key).map(|v| v.text().trim().to_owned());
            let Some(name) = name.filter(|n| !n.is_empty()) else {
                continue;
            };
            let value = row
                .get(&rating.key)
                .map(|v| v.text().to_owned())
                .filter(|v| !v.is_empty());
            let at = if let Some(at) = over.rows.iter().position(|(n, _)| *n == name) {
                at
            } else {
                over.rows.push((name, vec![None; over.years.len()]));
                over.rows.len() - 1
            };
            if let Some(cell) = over.rows[at].1.get_mut(column) {
                *cell = value;
            }
        }
    }
    Some(over)
}

fn default_text<'p>(source: &str, partnership: &'p Partnership) -> Option<&'p str> {
    match source {
        "partnership.name" => Some(&partnership.name),
        "partnership.district" => Some(&partnership.district),
        "partnership.partner_organisation" => Some(&partnership.partner_organisation),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_survive_json_with_their_type() {
        let mut row = BTreeMap::new();
        row.insert("name".to_owned(), FieldValue::Text("Ana".into()));
        row.insert(
            "side".to_owned(),
            FieldValue::Choice(Some("District".into())),
        );
        let values = [
            FieldValue::Text("# * $ @ “quotes”".into()),
            FieldValue::Date(Some(jiff::civil::date(2025, 1, 31))),
            FieldValue::YesNoDate {
                confirmed: true,
                on: Some(jiff::civil::date(2025, 2, 1)),
            },
            FieldValue::Person(Some(PersonId(4))),
            FieldValue::Choice(None),
            FieldValue::Check(true),
            FieldValue::Rows(vec![row]),
        ];
        for value in values {
            let json = serde_json::to_string(&value).expect("to json");
            let back: FieldValue = serde_json::from_str(&json).expect("from json");
            assert_eq!(back, value, "{json}");
        }
    }

    #[test]
    fn a_meeting_knows_its_date_and_the_sides_nobody_came_from() {
        let mut document = Document {
            id: DocumentId(1),
            partnership_id: crate::model::PartnershipId(1),
            changed_on: jiff::civil::date(2025, 9, 1),
            values: BTreeMap::new(),
            fields: DocumentFields {
                instrument_key: "quarterly-meeting".into(),
                instrument_version: "1".into(),
                title: "Q1".into(),
                created_on: jiff::civil::date(2025, 9, 1),
            },
        };
        assert_eq!(document.held_on(), jiff::civil::date(2025, 9, 1));
        document.values.insert(
            MEETING_DATE.into(),
            FieldValue::Date(Some(jiff::civil::date(2025, 9, 18))),
        );
        assert_eq!(document.held_on(), jiff::civil::date(2025, 9, 18));
        let row = |name: &str, side: &str| {
            let mut row = BTreeMap::new();
            row.insert("name".to_owned(), FieldValue::Text(name.into()));
            row.insert(
                ATTENDEE_SIDE.to_owned(),
                FieldValue::Choice(Some(side.into())),
            );
            row
        };
        document.values.insert(
            ATTENDEES.into(),
            FieldValue::Rows(vec![row("Ana", "District"), row("", "School")]),
        );
        let sides = [
            "District".to_owned(),
            "Partner".to_owned(),
            "School".to_owned(),
        ];
        assert_eq!(
            document.sides_missing(&sides),
            ["Partner", "School"],
            "a row with no name does not count"
        );
    }

    const REFLECTION: &str = r#"
key = "r"
version = "1"
title = "Reflection"
per_school_year = true
[source]
publisher = "P"
work = "W"
licence = "L"
[[sections]]
key = "s"
title = "S"
[[sections.fields]]
key = "school_year"
label = "School year"
type = "school_year"
[[sections.fields]]
key = "components"
label = "Components"
type = "table"
[[sections.fields.columns]]
key = "component"
label = "Component"
type = "short_text"
[[sections.fields.columns]]
key = "rating"
label = "Rating"
type = "scale"
options = ["Strong", "Adequate", "Needs work"]
[[sections.fields.rows]]
component = "Agreement"
[[sections.fields.rows]]
component = "Training"
"#;

    fn partnership() -> Partnership {
        Partnership {
            id: PartnershipId(1),
            is_sample: false,
            fields: crate::model::PartnershipFields {
                name: "Oak & Elm".into(),
                district: "Oak".into(),
                partner_organisation: "Elm".into(),
                partner_kind: crate::model::PartnerKind::Other,
                start_date: None,
                notes: String::new(),
                archived: false,
            },
        }
    }

    fn document(id: i64, made: Date, values: Vec<(&str, FieldValue)>) -> Document {
        Document {
            id: DocumentId(id),
            partnership_id: PartnershipId(1),
            changed_on: made,
            values: values.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
            fields: DocumentFields {
                instrument_key: "r".into(),
                instrument_version: "1".into(),
                title: "Reflection".into(),
                created_on: made,
            },
        }
    }

    fn rated(pairs: &[(&str, &str)]) -> FieldValue {
        FieldValue::Rows(
            pairs
                .iter()
                .map(|(component, rating)| {
                    let mut row = BTreeMap::new();
                    row.insert(
                        "component".to_owned(),
                        FieldValue::Text((*component).into()),
                    );
                    row.insert(
                        "rating".to_owned(),
                        FieldValue::Choice(Some((*rating).into())),
                    );
                    row
                })
                .collect(),
        )
    }

    #[test]
    fn a_table_starts_with_its_preset_rows_and_keeps_an_emptied_one_empty() {
        let sheet = Worksheet::parse("r.toml", REFLECTION).expect("sheet");
        let table = sheet.field("components").expect("table");
        let fresh = document(1, jiff::civil::date(2025, 9, 1), vec![]);
        let FieldValue::Rows(rows) = fresh.value_or_default(table, &partnership()) else {
            panic!("rows");
        };
        let names: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.get("component"))
            .map(FieldValue::text)
            .collect();
        assert_eq!(names, ["Agreement", "Training"]);
        let emptied = document(
            1,
            jiff::civil::date(2025, 9, 1),
            vec![("components", FieldValue::Rows(Vec::new()))],
        );
        assert_eq!(
            emptied.value_or_default(table, &partnership()),
            FieldValue::Rows(Vec::new()),
            "rows the team removed stay removed"
        );
    }

    #[test]
    fn a_yearly_worksheet_shows_each_item_over_the_years() {
        let sheet = Worksheet::parse("r.toml", REFLECTION).expect("sheet");
        let year = |label: &str| ("school_year", FieldValue::Text(label.into()));
        let documents = [
            document(
                2,
                jiff::civil::date(2026, 6, 1),
                vec![
                    year("2025–26"),
                    (
                        "components",
                        rated(&[("Agreement", "Strong"), ("Mentoring", "Adequate")]),
                    ),
                ],
            ),
            // No year chosen: the year it was made in (2024–25).
            document(
                1,
                jiff::civil::date(2025, 6, 1),
                vec![(
                    "components",
                    rated(&[("Agreement", "Adequate"), ("Training", "Needs work")]),
                )],
            ),
        ];
        let over = over_years(&sheet, documents.iter(), &partnership()).expect("over the years");
        let years: Vec<String> = over.years.iter().map(|y| y.label()).collect();
        assert_eq!(years, ["2024–25", "2025–26"]);
        let row = |name: &str| {
            over.rows
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, values)| values.clone())
                .expect(name)
        };
        assert_eq!(
            row("Agreement"),
            [Some("Adequate".to_owned()), Some("Strong".to_owned())]
        );
        assert_eq!(row("Training"), [Some("Needs work".to_owned()), None]);
        assert_eq!(
            row("Mentoring"),
            [None, Some("Adequate".to_owned())],
            "an added item"
        );
        assert_eq!(over.rows[0].0, "Agreement", "preset items first, in order");
    }

    #[test]
    fn a_fishbone_has_a_bone_per_written_cause() {
        let row = |cause: &str, rank: &str| {
            let mut row = BTreeMap::new();
            row.insert("cause".to_owned(), FieldValue::Text(cause.into()));
            row.insert("rank".to_owned(), FieldValue::Text(rank.into()));
            row
        };
        let found = bones(&[row("Late offers", "2"), row("  ", "1"), row("Salary", "")]);
        assert_eq!(
            found,
            [
                Bone {
                    cause: "Late offers".into(),
                    rank: "2".into()
                },
                Bone {
                    cause: "Salary".into(),
                    rank: String::new()
                },
            ]
        );
    }

    #[test]
    fn empty_values_are_empty() {
        for kind in [
            FieldKind::ShortText,
            FieldKind::LongText,
            FieldKind::Date,
            FieldKind::YesNoDate,
            FieldKind::Person,
            FieldKind::Choice,
            FieldKind::Scale,
            FieldKind::Check,
            FieldKind::SchoolYear,
            FieldKind::Table,
        ] {
            assert!(FieldValue::empty(kind).is_empty(), "{kind:?}");
        }
        assert!(
            !FieldValue::YesNoDate {
                confirmed: true,
                on: None
            }
            .is_empty()
        );
    }
}
