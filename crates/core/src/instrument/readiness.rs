//! The *Readiness for Partnership Tool*: four categories with their items to
//! address, the 1–4 rating scale with its descriptors, and the purpose,
//! process and notes on use.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{InstrumentError, Source};

const FILE_NAME: &str = "readiness.toml";
const FILE_TEXT: &str = include_str!("../../../../assets/instruments/readiness.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Readiness {
    pub key: String,
    pub version: String,
    pub title: String,
    pub introduction: String,
    pub purpose: String,
    pub process: String,
    pub notes_on_use: String,
    pub source: Source,
    /// The rating scale, highest first as printed.
    pub scale: Vec<ScalePoint>,
    pub categories: Vec<ReadinessCategory>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    pub rating: u8,
    pub descriptor: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadinessCategory {
    pub key: String,
    pub name: String,
    /// "Conditions" or "Habits".
    pub theme: String,
    pub items: Vec<String>,
}

impl Readiness {
    /// How Appendix A's alignment names the `index`-th item (from 0) of a
    /// category: "alignment.3" for the third of Alignment.
    pub fn item_key(category: &ReadinessCategory, index: usize) -> String {
        format!("{}.{}", category.key, index + 1)
    }

    /// The tool shipped with the program, parsed and validated once.
    pub fn builtin() -> Result<&'static Readiness, &'static InstrumentError> {
        static BUILTIN: OnceLock<Result<Readiness, InstrumentError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Readiness::parse(FILE_NAME, FILE_TEXT))
            .as_ref()
    }

    pub fn parse(file: &str, text: &str) -> Result<Readiness, InstrumentError> {
        let tool: Readiness = toml::from_str(text).map_err(|error| InstrumentError::Parse {
            file: file.to_owned(),
            message: error.to_string(),
        })?;
        tool.validate()
            .map_err(|problem| InstrumentError::Invalid {
                file: file.to_owned(),
                problem,
            })?;
        Ok(tool)
    }

    fn validate(&self) -> Result<(), String> {
        let mut ratings: Vec<u8> = self.scale.iter().map(|s| s.rating).collect();
        ratings.sort_unstable();
        if ratings != [1, 2, 3, 4] {
            return Err(format!("the scale must rate 1 to 4, found {ratings:?}"));
        }
        if self.categories.len() != 4 {
            return Err(format!(
                "expected 4 categories, found {}",
                self.categories.len()
            ));
        }
        for category in &self.categories {
            if category.items.is_empty() {
                return Err(format!("category {} has no items", category.name));
            }
        }
        Ok(())
    }

    pub fn descriptor(&self, rating: u8) -> &str {
        self.scale
            .iter()
            .find(|s| s.rating == rating)
            .map_or("", |s| s.descriptor.as_str())
    }
}
