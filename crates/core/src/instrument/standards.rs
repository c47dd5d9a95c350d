//! The ODST *Standards for Effective Partnerships* (Conditions: Alignment,
//! Resources, Metrics; Habits: Communication) with their bullets, and the
//! source's Appendix A, which aligns each readiness item, contract item and
//! quarterly question to a theme and a standard.

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
    pub source: Source,
    pub groups: Vec<StandardGroup>,
    pub alignment: Vec<Alignment>,
}

/// "Conditions" or "Habits", with their standards.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardGroup {
    pub key: String,
    pub title: String,
    pub standards: Vec<Standard>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    pub key: String,
    pub title: String,
    pub bullets: Vec<String>,
}

/// One row of Appendix A: an item of a tool, its theme and its standard.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alignment {
    /// "readiness", "contract-supplement" or "quarterly-meeting".
    pub tool: String,
    /// The item's key in that tool's file ("alignment.3" for the third
    /// readiness item of Alignment; a field key for the worksheets).
    pub item: String,
    pub theme: String,
    pub standard: String,
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
        for standard in standards.all() {
            if !keys.insert(standard.key.as_str()) {
                return Err(InstrumentError::Invalid {
                    file: file.to_owned(),
                    problem: format!("standard {} is listed twice", standard.key),
                });
            }
        }
        if let Some(row) = standards
            .alignment
            .iter()
            .find(|a| !keys.contains(a.standard.as_str()))
        {
            return Err(InstrumentError::Invalid {
                file: file.to_owned(),
                problem: format!("{} of {} names no standard", row.item, row.tool),
            });
        }
        Ok(standards)
    }

    /// Every standard, conditions first.
    pub fn all(&self) -> impl Iterator<Item = &Standard> {
        self.groups.iter().flat_map(|g| g.standards.iter())
    }

    pub fn standard(&self, key: &str) -> Option<&Standard> {
        self.all().find(|s| s.key == key)
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

    /// The line shown beside an item: "Theme · standard: Title", or `None`
    /// when the appendix does not align it.
    pub fn beside(&self, tool: &str, item: &str) -> Option<String> {
        let lines: Vec<String> = self
            .aligned(tool, item)
            .map(|a| {
                let title = self.standard(&a.standard).map_or("", |s| s.title.as_str());
                if a.theme == title {
                    format!("Standard: {title}")
                } else {
                    format!("Theme: {} · Standard: {title}", a.theme)
                }
            })
            .collect();
        (!lines.is_empty()).then(|| lines.join("; "))
    }
}
