//! Worksheets: fillable documents described entirely by their instrument
//! file (title, guidance, sections, typed fields). One form renderer shows
//! every worksheet: the Contract Supplement, the Quarterly Meeting Agenda,
//! and the NEA guidebook's worksheets of its Prepare, Act and Reflect
//! phases (`assets/instruments/nea/`).

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::{InstrumentError, Source};

/// One NEA worksheet's file, by its name without `.toml`.
macro_rules! nea {
    ($name:literal) => {
        (
            concat!("nea/", $name, ".toml"),
            include_str!(concat!(
                "../../../../assets/instruments/nea/",
                $name,
                ".toml"
            )),
        )
    };
}

const FILES: [(&str, &str); 30] = [
    (
        "contract-supplement.toml",
        include_str!("../../../../assets/instruments/contract-supplement.toml"),
    ),
    (
        "quarterly-meeting.toml",
        include_str!("../../../../assets/instruments/quarterly-meeting.toml"),
    ),
    nea!("sharing-the-case"),
    nea!("extending-the-invitation"),
    nea!("relationship-continuum"),
    nea!("discovering-shared-goals"),
    nea!("opportunity-checklist"),
    nea!("community-outreach-guide"),
    nea!("community-conversations"),
    nea!("collaborative-attributes"),
    nea!("collaboration-skills"),
    nea!("guiding-principles"),
    nea!("building-a-strong-partnership"),
    nea!("joint-letter"),
    nea!("collaborative-structure"),
    nea!("standing-meeting"),
    nea!("overarching-goals"),
    nea!("support-tracking"),
    nea!("communication-plan"),
    nea!("fishbone"),
    nea!("goals-and-objectives"),
    nea!("project-plan"),
    nea!("group-norms"),
    nea!("decision-making-check-in"),
    nea!("results-analysis"),
    nea!("strengthening-reflection"),
    nea!("lessons-learned"),
    nea!("where-next"),
    nea!("sustaining-structures"),
    nea!("repeatable-processes"),
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
    /// The guidebook phase whose page lists the worksheet; none for the
    /// tools reached from "Agreements & meetings".
    #[serde(default)]
    pub phase: Option<Phase>,
    /// One document per school year, shown side by side over the years
    /// (needs a `school_year` field keyed [`SCHOOL_YEAR`]).
    #[serde(default)]
    pub per_school_year: bool,
    #[serde(default)]
    pub guidance: Vec<Guidance>,
    /// PartnerPath's own notes on the source (where its numbers disagree,
    /// say), shown and printed as PartnerPath's, never as the source's.
    #[serde(default)]
    pub notes: Vec<String>,
    /// PartnerPath's words on what its copy of the source lost of this
    /// worksheet (a drawing, a column, a page), shown and printed.
    #[serde(default)]
    pub lost: Option<String>,
    /// The source's two column heads over its questions and the space for
    /// notes beside them, from the section `from` on.
    #[serde(default)]
    pub heads: Option<Heads>,
    /// Text in the source such as "[District Name]", filled from a field.
    #[serde(default)]
    pub placeholders: BTreeMap<String, String>,
    pub sections: Vec<Section>,
}

/// The partnership's records a section holds (see [`Section::holds`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holds {
    /// The partnership's goals.
    Goals,
    /// The objectives under each goal.
    Objectives,
}

/// The heads of a source's agenda table: its questions, and the notes
/// written beside each ("Monitoring Questions", "Notes/Action Steps
/// Needed"), which PartnerPath shows above the first section they head and
/// in each notes box.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heads {
    /// The key of the first section under the heads.
    pub from: String,
    pub questions: String,
    pub notes: String,
}

/// A heading and a paragraph of how-to from the source (purpose, process…).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    pub heading: String,
    pub text: String,
    /// False where PartnerPath wrote the words, not the source.
    #[serde(default = "from_source")]
    pub source: bool,
}

fn from_source() -> bool {
    true
}

/// The three phases of the NEA guidebook's framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Prepare,
    Act,
    Reflect,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Prepare, Phase::Act, Phase::Reflect];

    /// The phase's name as the guidebook gives it.
    pub fn label(self) -> &'static str {
        match self {
            Phase::Prepare => "Prepare",
            Phase::Act => "Act",
            Phase::Reflect => "Reflect",
        }
    }
}

/// The key of the field that holds a per-school-year document's year.
pub const SCHOOL_YEAR: &str = "school_year";

/// A section of a worksheet. Its `source = false` marks the title as
/// PartnerPath's; its `text` lines are always the source's words
/// (PartnerPath's own words go in the worksheet's `notes`).
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
    /// Records of the partnership the section shows and edits in place of
    /// fields of its own: its goals, or its objectives, one set for every
    /// tool that asks for them.
    #[serde(default)]
    pub holds: Option<Holds>,
    /// False where PartnerPath wrote the title, not the source.
    #[serde(default = "from_source")]
    pub source: bool,
    #[serde(default)]
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub key: String,
    pub label: String,
    /// PartnerPath's words after the source's label, naming the part of a
    /// source item that this field holds ("Interim (January)" of item 5).
    #[serde(default)]
    pub part: Option<String>,
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
    /// The options PartnerPath wrote, not the source.
    #[serde(default)]
    pub options_ours: Vec<String>,
    /// The columns of a `table` field.
    #[serde(default)]
    pub columns: Vec<Column>,
    /// The rows a `table` starts with (checklist items, components to
    /// rate): column key to text. The partnership edits them like any row.
    #[serde(default)]
    pub rows: Vec<BTreeMap<String, String>>,
    /// What a `short_text` offers to fill it with; free text stays allowed.
    #[serde(default)]
    pub suggest: Option<Suggest>,
    /// A picture drawn from a table's rows.
    #[serde(default)]
    pub drawing: Option<Drawing>,
    /// The field whose text a drawing puts at its head (the fishbone's
    /// problem).
    #[serde(default)]
    pub head: Option<String>,
    /// False where PartnerPath wrote the label, not the source.
    #[serde(default = "from_source")]
    pub source: bool,
}

/// Lists a text field offers while allowing free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Suggest {
    /// The people listed on the partnership.
    People,
    /// The monitoring plan's milestones.
    Milestones,
    /// The monitoring plan's goals and objectives.
    Objectives,
}

/// Pictures a table can be drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Drawing {
    /// A fishbone (cause-and-effect) diagram: the problem at the head, one
    /// bone per row's `cause`, with its `rank` in a circle.
    Fishbone,
}

/// The columns a fishbone's table must have.
pub const FISHBONE_CAUSE: &str = "cause";
pub const FISHBONE_RANK: &str = "rank";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub key: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: FieldKind,
    #[serde(default)]
    pub options: Vec<String>,
    /// The options PartnerPath wrote, not the source.
    #[serde(default)]
    pub options_ours: Vec<String>,
    #[serde(default)]
    pub suggest: Option<Suggest>,
    /// False where PartnerPath wrote the label, not the source.
    #[serde(default = "from_source")]
    pub source: bool,
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
    /// One of a few points, shown side by side (a rating scale).
    Scale,
    /// A tick box (a checklist's item).
    Check,
    /// A school year, such as 2025–26.
    SchoolYear,
    /// Repeating rows with typed columns.
    Table,
}

/// Where a field's default may come from.
pub const DEFAULT_SOURCES: [&str; 3] = [
    "partnership.name",
    "partnership.district",
    "partnership.partner_organisation",
];

impl Field {
    /// The label as shown and printed: the source's label, then
    /// PartnerPath's `part` after a dash.
    pub fn shown_label(&self) -> String {
        match &self.part {
            Some(part) => format!("{} — {part}", self.label),
            None => self.label.clone(),
        }
    }
}

/// The heading over what was typed into fields a later version of a tool
/// no longer has, on screen and on paper.
pub const KEPT: &str = "Kept from an earlier version of this tool";

/// The words before a worksheet's `lost`, on screen and on paper.
pub const LOST: &str = "Note from PartnerPath on what is missing here: ";

/// The words under a worksheet's title that tell PartnerPath's labels from
/// the source's.
pub const OURS_KEY: &str = "Words in italics (titles, labels, choices) are PartnerPath's; the rest is the source's own wording.";

impl Worksheet {
    /// PartnerPath's note on what its copy lost of this worksheet, with its
    /// lead words, as the screen and the paper show it.
    pub fn lost_note(&self) -> Option<String> {
        self.lost.as_ref().map(|lost| format!("{LOST}{lost}"))
    }

    /// The sections under the source's heads (see [`Heads`]): from the
    /// section they start at to the end.
    pub fn under_heads(&self, section: &Section) -> bool {
        let Some(heads) = &self.heads else {
            return false;
        };
        let position = |key: &str| self.sections.iter().position(|s| s.key == key);
        position(&section.key) >= position(&heads.from)
    }

    /// Whether any title, label or option of the worksheet is
    /// PartnerPath's (and so drawn in italics, with [`OURS_KEY`]).
    pub fn has_ours(&self) -> bool {
        self.sections.iter().any(|section| {
            !section.source
                || section.fields.iter().any(|field| {
                    !field.source
                        || field.part.is_some()
                        || !field.options_ours.is_empty()
                        || field
                            .columns
                            .iter()
                            .any(|c| !c.source || !c.options_ours.is_empty())
                })
        })
    }

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
    #[expect(
        clippy::too_many_lines,
        reason = "one check per rule of the worksheet schema, each returning its own named error"
    )]
    pub fn validate(&self) -> Result<(), String> {
        if self.key.trim().is_empty() || self.version.trim().is_empty() {
            return Err("a worksheet needs a key and a version".into());
        }
        if self.sections.is_empty() {
            return Err("a worksheet needs at least one section".into());
        }
        if let Some(heads) = &self.heads
            && !self.sections.iter().any(|s| s.key == heads.from)
        {
            return Err(format!(
                "the heads start at {}, which is no section",
                heads.from
            ));
        }
        let mut keys = HashSet::new();
        for section in &self.sections {
            if section.holds.is_some() && !section.fields.is_empty() {
                return Err(format!(
                    "section {} holds the partnership's goals and cannot have fields too",
                    section.key
                ));
            }
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
                check_ours(&field.key, &field.options, &field.options_ours)?;
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
                            if matches!(column.kind, FieldKind::Table | FieldKind::SchoolYear) {
                                return Err(format!(
                                    "table {} cannot hold a column of that type ({})",
                                    field.key, column.key
                                ));
                            }
                            check_options(&column.key, column.kind, &column.options)?;
                            check_ours(&column.key, &column.options, &column.options_ours)?;
                            check_suggest(&column.key, column.kind, column.suggest)?;
                        }
                        for row in &field.rows {
                            for (key, text) in row {
                                let Some(column) = field.columns.iter().find(|c| &c.key == key)
                                else {
                                    return Err(format!(
                                        "a row of {} names no column ({key})",
                                        field.key
                                    ));
                                };
                                let fits = match column.kind {
                                    FieldKind::ShortText | FieldKind::LongText => true,
                                    FieldKind::Choice | FieldKind::Scale => {
                                        column.options.contains(text)
                                    }
                                    _ => false,
                                };
                                if !fits {
                                    return Err(format!(
                                        "a row of {} cannot start {key} with {text:?}",
                                        field.key
                                    ));
                                }
                            }
                        }
                        if let Some(Drawing::Fishbone) = field.drawing {
                            let has = |key: &str| field.columns.iter().any(|c| c.key == key);
                            if !has(FISHBONE_CAUSE) || !has(FISHBONE_RANK) {
                                return Err(format!(
                                    "fishbone {} needs columns {FISHBONE_CAUSE} and {FISHBONE_RANK}",
                                    field.key
                                ));
                            }
                        }
                    }
                    _ if !field.columns.is_empty() || !field.rows.is_empty() => {
                        return Err(format!("only tables have columns and rows ({})", field.key));
                    }
                    _ if field.drawing.is_some() => {
                        return Err(format!("only tables are drawn ({})", field.key));
                    }
                    _ => {}
                }
                check_suggest(&field.key, field.kind, field.suggest)?;
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
        for field in self.fields() {
            if let Some(head) = &field.head {
                let names_text = self
                    .field(head)
                    .is_some_and(|f| matches!(f.kind, FieldKind::ShortText | FieldKind::LongText));
                if field.drawing.is_none() || !names_text {
                    return Err(format!(
                        "the head of {} must name a text field ({head})",
                        field.key
                    ));
                }
            }
            if field.kind == FieldKind::SchoolYear && field.key != SCHOOL_YEAR {
                return Err(format!(
                    "a school_year field must be keyed {SCHOOL_YEAR} ({})",
                    field.key
                ));
            }
        }
        let has_year = self
            .field(SCHOOL_YEAR)
            .is_some_and(|f| f.kind == FieldKind::SchoolYear);
        if self.per_school_year != has_year {
            return Err(format!(
                "a worksheet kept per school year has a {SCHOOL_YEAR} field of type school_year, and only such a worksheet"
            ));
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
        FieldKind::Choice | FieldKind::Scale if options.is_empty() => {
            Err(format!("choice {key} needs options"))
        }
        FieldKind::Choice | FieldKind::Scale => Ok(()),
        _ if !options.is_empty() => Err(format!("only choices have options ({key})")),
        _ => Ok(()),
    }
}

fn check_ours(key: &str, options: &[String], ours: &[String]) -> Result<(), String> {
    match ours.iter().find(|o| !options.contains(o)) {
        Some(option) => Err(format!(
            "{key} marks {option:?} as PartnerPath's, but has no such option"
        )),
        None => Ok(()),
    }
}

fn check_suggest(key: &str, kind: FieldKind, suggest: Option<Suggest>) -> Result<(), String> {
    if suggest.is_some() && kind != FieldKind::ShortText {
        return Err(format!("only short texts suggest ({key})"));
    }
    Ok(())
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

    /// A table with a check column and a scale column, and preset rows.
    const TABLE: &str = r#"
[[sections.fields]]
key = "items"
label = "Items"
type = "table"
[[sections.fields.columns]]
key = "item"
label = "Item"
type = "short_text"
[[sections.fields.columns]]
key = "done"
label = "Done"
type = "check"
[[sections.fields.columns]]
key = "rating"
label = "Rating"
type = "scale"
options = ["Strong", "Needs work"]
[[sections.fields.rows]]
item = "A welcoming front office"
rating = "Strong"
"#;

    #[test]
    fn checklists_scales_and_preset_rows_are_valid() {
        let sheet = Worksheet::parse("k.toml", &format!("{MINIMAL}{TABLE}")).expect("valid");
        let items = sheet.field("items").expect("items");
        assert_eq!(items.rows.len(), 1);
        assert!(sheet.fields().all(|f| f.source), "source words by default");
    }

    #[test]
    fn the_new_kinds_are_checked_where_they_are_used() {
        let table = format!("{MINIMAL}{TABLE}");
        let cases = [
            (
                table.replace("item = \"A welcoming", "colour = \"A welcoming"),
                "names no column",
            ),
            (
                table.replace("rating = \"Strong\"", "rating = \"Weak\""),
                "cannot start rating",
            ),
            (
                table.replace("options = [\"Strong\", \"Needs work\"]", ""),
                "needs options",
            ),
            (
                table.replace(
                    "label = \"Items\"",
                    "label = \"Items\"\ndrawing = \"fishbone\"",
                ),
                "needs columns cause and rank",
            ),
            (
                table.replace(
                    "label = \"Items\"",
                    "label = \"Items\"\nsuggest = \"people\"",
                ),
                "only short texts suggest",
            ),
            (
                MINIMAL.replace(
                    "type = \"short_text\"",
                    "type = \"short_text\"\nhead = \"name\"",
                ),
                "must name a text field",
            ),
            (
                MINIMAL.replace("title = \"T\"", "title = \"T\"\nper_school_year = true"),
                "per school year",
            ),
            (
                MINIMAL
                    .replace("key = \"name\"", "key = \"year\"")
                    .replace("= \"name\"", "= \"year\"")
                    .replace("type = \"short_text\"", "type = \"school_year\""),
                "must be keyed school_year",
            ),
            (
                table.replace("type = \"check\"", "type = \"school_year\""),
                "cannot hold a column of that type",
            ),
        ];
        for (text, expected) in cases {
            let error = Worksheet::parse("k.toml", &text).expect_err(expected);
            assert!(error.to_string().contains(expected), "{expected}: {error}");
        }
    }
}
