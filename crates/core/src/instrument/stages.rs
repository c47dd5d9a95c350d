//! The *Stages of Partnering*: pre-partnering and stages 1 to 5, each with its
//! description and the principles printed under it.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{InstrumentError, Source};

const FILE_NAME: &str = "stages-of-partnering.toml";
const FILE_TEXT: &str = include_str!("../../../../assets/instruments/stages-of-partnering.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stages {
    pub key: String,
    pub version: String,
    pub title: String,
    pub introduction: String,
    pub definition: String,
    pub definition_source: String,
    /// The heading over the stages and their principles.
    pub principles_heading: String,
    pub source: Source,
    pub stages: Vec<Stage>,
    pub sustaining: Sustaining,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub key: String,
    /// 0 for pre-partnering, then 1 to 5.
    pub number: u8,
    /// As printed: "Pre-Partnering Stage", "Stage 1" …
    pub label: String,
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub principles: Vec<Principle>,
    /// The stages a partnership returns to after this one.
    #[serde(default)]
    pub loops_back_to: Vec<u8>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sustaining {
    pub title: String,
    pub introduction: String,
    pub principles: Vec<Principle>,
}

impl Stages {
    /// The stages shipped with the program, parsed and validated once.
    pub fn builtin() -> Result<&'static Stages, &'static InstrumentError> {
        static BUILTIN: OnceLock<Result<Stages, InstrumentError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Stages::parse(FILE_NAME, FILE_TEXT))
            .as_ref()
    }

    pub fn parse(file: &str, text: &str) -> Result<Stages, InstrumentError> {
        let stages: Stages = toml::from_str(text).map_err(|error| InstrumentError::Parse {
            file: file.to_owned(),
            message: error.to_string(),
        })?;
        stages
            .validate()
            .map_err(|problem| InstrumentError::Invalid {
                file: file.to_owned(),
                problem,
            })?;
        Ok(stages)
    }

    fn validate(&self) -> Result<(), String> {
        let numbers: Vec<u8> = self.stages.iter().map(|s| s.number).collect();
        if numbers != [0, 1, 2, 3, 4, 5] {
            return Err(format!("stages must be numbered 0 to 5, found {numbers:?}"));
        }
        for stage in &self.stages {
            if stage.name.trim().is_empty() || stage.description.trim().is_empty() {
                return Err(format!(
                    "stage {} needs a name and a description",
                    stage.number
                ));
            }
            if let Some(bad) = stage.loops_back_to.iter().find(|n| !numbers.contains(n)) {
                return Err(format!(
                    "stage {} loops back to unknown stage {bad}",
                    stage.number
                ));
            }
        }
        Ok(())
    }

    pub fn stage(&self, number: u8) -> Option<&Stage> {
        self.stages.iter().find(|s| s.number == number)
    }

    /// "Stage 2: Set Direction and Infrastructure", or "Pre-partnering".
    pub fn title_of(&self, number: u8) -> String {
        match self.stage(number) {
            Some(stage) if stage.number == 0 => stage.name.clone(),
            Some(stage) => format!("{}: {}", stage.label, stage.name),
            None => format!("Stage {number}"),
        }
    }
}
