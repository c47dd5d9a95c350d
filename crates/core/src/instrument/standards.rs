//! The ODST *Standards for Effective Partnerships*: a table of four
//! organizing themes (Conditions: Alignment, Resources, Metrics; Habits:
//! Communication), each with its standards, and the source's Appendix A,
//! which aligns each readiness item, contract item and quarterly question
//! to a theme.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::{InstrumentError, Source};

const FILE_NAME: &str = "odst-standards.toml";
const FILE_TEXT: &str = include_str!("../../../../assets/instruments/odst-standards.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standards {
    pub key: String,
    pub version: String,
    pub title: String,
    /// The source's column heads: "Organizing Theme" and "Standards".
    pub heads: [String; 2],
    pub source: Source,
    pub groups: Vec<ThemeGroup>,
    pub alignment: Vec<Alignment>,
}

/// "Conditions" or "Habits", with their themes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeGroup {
    pub key: String,
    pub title: String,
    pub themes: Vec<Theme>,
}

/// An organizing theme ("Clear Metrics Established") and its standards,
/// the bullets the source prints beside it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub key: String,
    pub title: String,
    pub standards: Vec<String>,
}

/// One row of Appendix A: an item of a tool and its theme.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alignment {
    /// "readiness", "contract-supplement" or "quarterly-meeting".
    pub tool: String,
    /// The item's key in that tool's file ("alignment.3" for the third
    /// readiness item of Alignment; a field key for the worksheets).
    pub item: String,
    /// The theme's name as the appendix words it.
    pub theme: String,
    /// The key of the same theme on the Standards page.
    pub theme_key: String,
    /// False for an entry PartnerPath added (not a row of the appendix).
    #[serde(default = "from_source")]
    pub source: bool,
}

fn from_source() -> bool {
    true
}

impl Standards {
    /// The standards shipped with the program, parsed and validated once.
    pub fn builtin() -> Result<&'static Standards, &'static InstrumentError> {
        static BUILTIN: OnceLock<Result<Standards, InstrumentError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Standards::parse(FILE_NAME, FILE_TEXT))
            .as_ref()
    }

    pub fn parse(file: &str, text: &str) -> Result<Standards, InstrumentError> {
        let standards: Standards =
            toml::from_str(text).map_err(|error| InstrumentError::Parse {
                file: file.to_owned(),
                message: error.to_string(),
            })?;
        let mut keys = HashSet::new();
        for theme in standards.themes() {
            if !keys.insert(theme.key.as_str()) {
                return Err(InstrumentError::Invalid {
                    file: file.to_owned(),
                    problem: format!("theme {} is listed twice", theme.key),
                });
            }
        }
        if let Some(row) = standards
            .alignment
            .iter()
            .find(|a| !keys.contains(a.theme_key.as_str()))
        {
            return Err(InstrumentError::Invalid {
                file: file.to_owned(),
                problem: format!("{} of {} names no theme", row.item, row.tool),
            });
        }
        Ok(standards)
    }

    /// Every organizing theme, conditions first.
    pub fn themes(&self) -> impl Iterator<Item = &Theme> {
        self.groups.iter().flat_map(|g| g.themes.iter())
    }

    /// Appendix A's rows for `item` of `tool`.
    pub fn aligned<'s>(
        &'s self,
        tool: &'s str,
        item: &'s str,
    ) -> impl Iterator<Item = &'s Alignment> {
        self.alignment
            .iter()
            .filter(move |a| a.tool == tool && a.item == item)
    }

    /// The line shown beside an item: "Theme: Clear Metrics Established",
    /// as the appendix names the theme, or `None` when the appendix does
    /// not align it. A row PartnerPath added says so.
    pub fn beside(&self, tool: &str, item: &str) -> Option<String> {
        let lines: Vec<String> = self
            .aligned(tool, item)
            .map(|a| {
                if a.source {
                    format!("Theme: {}", a.theme)
                } else {
                    format!(
                        "Theme: {}. Appendix A gives this theme for the whole item; PartnerPath split the item into these boxes.",
                        a.theme
                    )
                }
            })
            .collect();
        (!lines.is_empty()).then(|| lines.join("; "))
    }
}
