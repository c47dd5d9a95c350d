//! The *Working Better Together* continuum rubric: categories, indicators,
//! their criteria, probing questions and the text of each level.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::{InstrumentError, Level, Source};

const FILE_NAME: &str = "wbt-continuum.toml";
const FILE_TEXT: &str = include_str!("../../../../assets/instruments/wbt-continuum.toml");

/// A continuum rubric as published: levels, categories and indicators.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Continuum {
    pub key: String,
    pub version: String,
    pub title: String,
    pub short_title: String,
    pub how_the_tool_is_organized: Vec<String>,
    pub how_to_use: Vec<String>,
    pub headings: Headings,
    pub source: Source,
    pub levels: Vec<LevelName>,
    pub categories: Vec<Category>,
}

/// The headings of the boxes under each indicator.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    pub criteria: String,
    pub questions: String,
    /// PartnerPath's own: where the team writes its evidence.
    pub evidence: String,
    /// PartnerPath's own: where the team writes its next steps.
    pub next_steps: String,
}

/// The name of one level of effectiveness (1 = Emerging … 4 = Transformational).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelName {
    pub number: u8,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub key: String,
    pub name: String,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub key: String,
    pub name: String,
    /// An editor's note shown next to the indicator (e.g. a known erratum).
    #[serde(default)]
    pub note: Option<String>,
    pub criteria: Vec<String>,
    pub probing_questions: Vec<String>,
    /// One entry per level, in level order; each is the paragraphs of that cell.
    pub levels: Vec<Vec<String>>,
}

impl Indicator {
    /// The paragraphs describing `level` for this indicator.
    pub fn level_text(&self, level: Level) -> &[String] {
        self.levels.get(level.index()).map_or(&[], Vec::as_slice)
    }
}

impl Continuum {
    /// The continuum shipped with the program, parsed and validated once.
    pub fn builtin() -> Result<&'static Continuum, &'static InstrumentError> {
        static BUILTIN: OnceLock<Result<Continuum, InstrumentError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Continuum::parse(FILE_NAME, FILE_TEXT))
            .as_ref()
    }

    /// Parses and validates a continuum instrument file.
    pub fn parse(file: &str, text: &str) -> Result<Continuum, InstrumentError> {
        let continuum: Continuum =
            toml::from_str(text).map_err(|error| InstrumentError::Parse {
                file: file.to_owned(),
                message: error.to_string(),
            })?;
        continuum
            .validate()
            .map_err(|problem| InstrumentError::Invalid {
                file: file.to_owned(),
                problem,
            })?;
        Ok(continuum)
    }

    fn validate(&self) -> Result<(), String> {
        if self.key.trim().is_empty() || self.version.trim().is_empty() {
            return Err("the instrument needs a key and a version".into());
        }
        let numbers: Vec<u8> = self.levels.iter().map(|l| l.number).collect();
        if numbers != [1, 2, 3, 4] {
            return Err(format!("levels must be numbered 1 to 4, found {numbers:?}"));
        }
        if self.levels.iter().any(|l| l.name.trim().is_empty()) {
            return Err("every level needs a name".into());
        }
        let mut keys = HashSet::new();
        for category in &self.categories {
            if category.indicators.is_empty() {
                return Err(format!("category {} has no indicators", category.name));
            }
            if !keys.insert(category.key.as_str()) {
                return Err(format!("key {} is used twice", category.key));
            }
            for indicator in &category.indicators {
                if !keys.insert(indicator.key.as_str()) {
                    return Err(format!("key {} is used twice", indicator.key));
                }
                if indicator.criteria.is_empty() || indicator.probing_questions.is_empty() {
                    return Err(format!(
                        "indicator {} needs criteria and probing questions",
                        indicator.name
                    ));
                }
                if indicator.levels.len() != self.levels.len() {
                    return Err(format!(
                        "indicator {} has {} levels, expected {}",
                        indicator.name,
                        indicator.levels.len(),
                        self.levels.len()
                    ));
                }
                let empty_level = indicator
                    .levels
                    .iter()
                    .any(|paragraphs| paragraphs.iter().all(|p| p.trim().is_empty()));
                if empty_level {
                    return Err(format!("indicator {} has an empty level", indicator.name));
                }
            }
        }
        Ok(())
    }

    /// All indicators in published order.
    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.categories.iter().flat_map(|c| c.indicators.iter())
    }

    pub fn indicator_count(&self) -> usize {
        self.categories.iter().map(|c| c.indicators.len()).sum()
    }

    pub fn indicator(&self, key: &str) -> Option<&Indicator> {
        self.indicators().find(|i| i.key == key)
    }

    /// The published name of a level ("Emerging" …).
    pub fn level_name(&self, level: Level) -> &str {
        self.levels
            .get(level.index())
            .map_or("", |l| l.name.as_str())
    }

    /// A level with its number, as cells, axes and hovers show it:
    /// "3 Established".
    pub fn numbered_level(&self, level: Level) -> String {
        format!("{} {}", level.number(), self.level_name(level))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_level_count_is_refused() {
        let broken = FILE_TEXT.replacen(
            "levels = [\n  [\"Partners have discussed the development",
            "levels = [\n  [\"x\"],\n  [\"Partners have discussed the development",
            1,
        );
        assert_ne!(broken, FILE_TEXT);
        let error = Continuum::parse("broken.toml", &broken).unwrap_err();
        assert!(error.to_string().contains("has 5 levels"), "{error}");
    }

    #[test]
    fn a_repeated_key_is_refused() {
        let broken =
            FILE_TEXT.replacen("key = \"shared-goals\"", "key = \"mission-and-beliefs\"", 1);
        let error = Continuum::parse("broken.toml", &broken).unwrap_err();
        assert!(error.to_string().contains("used twice"), "{error}");
    }

    #[test]
    fn malformed_toml_names_the_file() {
        let error = Continuum::parse("x.toml", "key = ").unwrap_err();
        assert!(error.to_string().contains("x.toml"), "{error}");
    }
}
