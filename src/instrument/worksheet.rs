//! Worksheets: fillable documents described entirely by their instrument
//! file (title, guidance, sections, typed fields). One form renderer shows
//! every worksheet; the Contract Supplement and the Quarterly Meeting Agenda
//! are the first.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::{InstrumentError, Source};

const FILES: [(&str, &str); 2] = [
    (
        "contract-supplement.toml",
        include_str!("../../assets/instruments/contract-supplement.toml"),
    ),
    (
        "quarterly-meeting.toml",
        include_str!("../../assets/instruments/quarterly-meeting.toml"),
    ),
];

/// The key of the Contract Supplement worksheet.
pub const CONTRACT_SUPPLEMENT: &str = "contract-supplement";
/// The key of the Quarterly Meeting Agenda worksheet.
pub const QUARTERLY_MEETING: &str = "quarterly-meeting";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Worksheet {
    pub key: String,
    pub version: String,
    pub title: String,
    pub source: Source,
    #[serde(default)]
    pub guidance: Vec<Guidance>,
    /// Text in the source such as "[District Name]", filled from a field.
    #[serde(default)]
    pub placeholders: BTreeMap<String, String>,
    pub sections: Vec<Section>,
}

/// A heading and a paragraph of how-to from the source (purpose, process…).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    pub heading: String,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub key: String,
    pub title: String,
    /// Paragraphs printed in the section, placeholders and all.
    #[serde(default)]
    pub text: Vec<String>,
    /// Minutes set aside for the section in a meeting agenda.
    #[serde(default)]
    pub minutes: Option<u32>,
    #[serde(default)]
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub key: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: FieldKind,
    /// What the field stands for in the partnership's summary, if anything
    /// (PartnerPath's tag, not the source's wording).
    #[serde(default)]
    pub role: Option<Role>,
    /// Where an empty field takes its value from, e.g. "partnership.district".
    #[serde(default)]
    pub default: Option<String>,
    /// The choices of a `choice` field.
    #[serde(default)]
    pub options: Vec<String>,
    /// The columns of a `table` field.
    #[serde(default)]
    pub columns: Vec<Column>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub key: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: FieldKind,
    #[serde(default)]
    pub options: Vec<String>,
}

/// What a field stands for, so that summaries find it by its role rather
/// than by its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A practice the parties confirm (a `yes_no_date` field).
    Practice,
    /// The date a party signed (a `date` field).
    SignedOn,
}

/// The kinds of value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    ShortText,
    LongText,
    Date,
    /// Confirmed or not, with the date it was confirmed.
    YesNoDate,
    /// One of the partnership's people.
    Person,
    Choice,
    /// Repeating rows with typed columns.
    Table,
}

/// Where a field's default may come from.
pub const DEFAULT_SOURCES: [&str; 3] = [
    "partnership.name",
    "partnership.district",
    "partnership.partner_organisation",
];

impl Worksheet {
    /// Every worksheet shipped with the program, parsed and validated once.
    pub fn builtin() -> Result<&'static [Worksheet], &'static InstrumentError> {
        static BUILTIN: OnceLock<Result<Vec<Worksheet>, InstrumentError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                FILES
                    .iter()
                    .map(|(file, text)| Worksheet::parse(file, text))
                    .collect()
            })
            .as_ref()
            .map(Vec::as_slice)
    }

    pub fn parse(file: &str, text: &str) -> Result<Worksheet, InstrumentError> {
        let sheet: Worksheet = toml::from_str(text).map_err(|error| InstrumentError::Parse {
            file: file.to_owned(),
            message: error.to_string(),
        })?;
        sheet
            .validate()
            .map_err(|problem| InstrumentError::Invalid {
                file: file.to_owned(),
                problem,
            })?;
        Ok(sheet)
    }

    /// Checks the worksheet against the schema: unique keys, known kinds in
    /// their places, choices with options, tables with columns, known
    /// defaults, placeholders naming fields.
    pub fn validate(&self) -> Result<(), String> {
        if self.key.trim().is_empty() || self.version.trim().is_empty() {
            return Err("a worksheet needs a key and a version".into());
        }
        if self.sections.is_empty() {
            return Err("a worksheet needs at least one section".into());
        }
        let mut keys = HashSet::new();
        for section in &self.sections {
            if !keys.insert(format!("section:{}", section.key)) {
                return Err(format!("section key {} is used twice", section.key));
            }
            for field in &section.fields {
                if !keys.insert(field.key.clone()) {
                    return Err(format!("field key {} is used twice", field.key));
                }
                if field.label.trim().is_empty() {
                    return Err(format!("field {} needs a label", field.key));
                }
                check_options(&field.key, field.kind, &field.options)?;
                match field.kind {
                    FieldKind::Table if field.columns.is_empty() => {
                        return Err(format!("table {} needs columns", field.key));
                    }
                    FieldKind::Table => {
                        let mut columns = HashSet::new();
                        for column in &field.columns {
                            if !columns.insert(column.key.as_str()) {
                                return Err(format!("column {} is used twice", column.key));
                            }
                            if column.kind == FieldKind::Table {
                                return Err(format!("table {} holds a table", field.key));
                            }
                            check_options(&column.key, column.kind, &column.options)?;
                        }
                    }
                    _ if !field.columns.is_empty() => {
                        return Err(format!("only tables have columns ({})", field.key));
                    }
                    _ => {}
                }
                let kind_of_role = match field.role {
                    Some(Role::Practice) => Some(FieldKind::YesNoDate),
                    Some(Role::SignedOn) => Some(FieldKind::Date),
                    None => None,
                };
                if kind_of_role.is_some_and(|kind| kind != field.kind) {
                    return Err(format!(
                        "field {} cannot have its role with its type",
                        field.key
                    ));
                }
                if let Some(default) = &field.default
                    && !DEFAULT_SOURCES.contains(&default.as_str())
                {
                    return Err(format!(
                        "field {} has an unknown default {default}",
                        field.key
                    ));
                }
            }
        }
        for (placeholder, field) in &self.placeholders {
            if !keys.contains(field) {
                return Err(format!(
                    "placeholder {placeholder} names no field ({field})"
                ));
            }
        }
        Ok(())
    }

    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.sections.iter().flat_map(|s| s.fields.iter())
    }

    /// The fields with `role`, in the worksheet's order.
    pub fn fields_with(&self, role: Role) -> impl Iterator<Item = &Field> {
        self.fields().filter(move |f| f.role == Some(role))
    }

    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields().find(|f| f.key == key)
    }
}

fn check_options(key: &str, kind: FieldKind, options: &[String]) -> Result<(), String> {
    match kind {
        FieldKind::Choice if options.is_empty() => Err(format!("choice {key} needs options")),
        FieldKind::Choice => Ok(()),
        _ if !options.is_empty() => Err(format!("only choices have options ({key})")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
key = "k"
version = "1"
title = "T"
[source]
publisher = "P"
work = "W"
licence = "L"
[placeholders]
"[Name]" = "name"
[[sections]]
key = "s"
title = "S"
[[sections.fields]]
key = "name"
label = "Name"
type = "short_text"
"#;

    #[test]
    fn a_minimal_worksheet_is_valid() {
        assert!(Worksheet::parse("k.toml", MINIMAL).is_ok());
    }

    #[test]
    fn schema_errors_are_named() {
        let cases = [
            (
                MINIMAL.replace("\"short_text\"", "\"colour\""),
                "unknown variant",
            ),
            (
                MINIMAL.replace("\"[Name]\" = \"name\"", "\"[Name]\" = \"nobody\""),
                "names no field",
            ),
            (
                MINIMAL.replace("type = \"short_text\"", "type = \"choice\""),
                "needs options",
            ),
            (
                MINIMAL.replace("type = \"short_text\"", "type = \"table\""),
                "needs columns",
            ),
            (
                MINIMAL.replace(
                    "type = \"short_text\"",
                    "type = \"short_text\"\ndefault = \"elsewhere\"",
                ),
                "unknown default",
            ),
            (
                format!(
                    "{MINIMAL}\n[[sections.fields]]\nkey = \"name\"\nlabel = \"Again\"\ntype = \"date\"\n"
                ),
                "used twice",
            ),
        ];
        for (text, expected) in cases {
            let error = Worksheet::parse("k.toml", &text).expect_err(expected);
            assert!(error.to_string().contains(expected), "{error}");
        }
    }
}
