//! Filled worksheets ("documents"): the values typed into a worksheet's
//! fields, kept with the instrument key and version they were made with.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Partnership, PartnershipId, PersonId};
use crate::instrument::{Field, FieldKind, Worksheet};

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
    /// Rows of a table: each row maps column keys to values.
    Rows(Vec<BTreeMap<String, FieldValue>>),
}

impl FieldValue {
    /// The empty value of a field of `kind`.
    pub fn empty(kind: FieldKind) -> FieldValue {
        match kind {
            FieldKind::ShortText | FieldKind::LongText => FieldValue::Text(String::new()),
            FieldKind::Date => FieldValue::Date(None),
            FieldKind::YesNoDate => FieldValue::YesNoDate {
                confirmed: false,
                on: None,
            },
            FieldKind::Person => FieldValue::Person(None),
            FieldKind::Choice => FieldValue::Choice(None),
            FieldKind::Table => FieldValue::Rows(Vec::new()),
        }
    }

    pub fn text(&self) -> &str {
        match self {
            FieldValue::Text(text) => text,
            FieldValue::Choice(Some(choice)) => choice,
            _ => "",
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            FieldValue::Text(text) => text.trim().is_empty(),
            FieldValue::Date(date) => date.is_none(),
            FieldValue::YesNoDate { confirmed, on } => !confirmed && on.is_none(),
            FieldValue::Person(person) => person.is_none(),
            FieldValue::Choice(choice) => choice.is_none(),
            FieldValue::Rows(rows) => rows.is_empty(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewDocument {
    pub partnership_id: PartnershipId,
    pub instrument_key: String,
    pub instrument_version: String,
    pub title: String,
    pub created_on: Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: DocumentId,
    pub partnership_id: PartnershipId,
    pub instrument_key: String,
    pub instrument_version: String,
    pub title: String,
    pub created_on: Date,
    pub values: BTreeMap<String, FieldValue>,
}

impl Document {
    /// The stored value of a field, if any was typed.
    pub fn value(&self, key: &str) -> Option<&FieldValue> {
        self.values.get(key)
    }

    /// The value of a field, falling back to its default from the
    /// partnership (e.g. the district's name), then to empty.
    pub fn value_or_default(&self, field: &Field, partnership: &Partnership) -> FieldValue {
        match self.values.get(&field.key) {
            Some(value) if !value.is_empty() => value.clone(),
            _ => match field
                .default
                .as_deref()
                .and_then(|d| default_text(d, partnership))
            {
                Some(text) if !text.is_empty() => FieldValue::Text(text.to_owned()),
                _ => FieldValue::empty(field.kind),
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
            instrument_key: "quarterly-meeting".into(),
            instrument_version: "1".into(),
            title: "Q1".into(),
            created_on: jiff::civil::date(2025, 9, 1),
            values: BTreeMap::new(),
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

    #[test]
    fn empty_values_are_empty() {
        for kind in [
            FieldKind::ShortText,
            FieldKind::LongText,
            FieldKind::Date,
            FieldKind::YesNoDate,
            FieldKind::Person,
            FieldKind::Choice,
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
