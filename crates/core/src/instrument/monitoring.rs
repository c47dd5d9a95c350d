//! The *Monitoring Plan Template*: milestones with their feedback data,
//! frequency and source, and the frequencies PartnerPath offers.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{InstrumentError, Phase, Source};

const FILE_NAME: &str = "monitoring-plan.toml";
const FILE_TEXT: &str = include_str!("../../../../assets/instruments/monitoring-plan.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonitoringPlan {
    pub key: String,
    pub version: String,
    pub title: String,
    pub introduction: String,
    pub purpose: String,
    pub instructions: Vec<String>,
    pub columns: Columns,
    /// The guidebook phase whose tools list it.
    pub phase: Phase,
    /// The worksheet it is listed after in that phase.
    pub after: String,
    /// The key of the frequency a new milestone starts with.
    pub default_frequency: String,
    pub source: Source,
    pub frequencies: Vec<Frequency>,
}

/// The template's four column headings, by what each column holds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    pub milestone: String,
    pub feedback_data: String,
    pub frequency: String,
    pub source: String,
}

impl Columns {
    /// The headings in the template's order.
    pub fn in_order(&self) -> [&str; 4] {
        [
            &self.milestone,
            &self.feedback_data,
            &self.frequency,
            &self.source,
        ]
    }
}

/// How often a milestone is checked: every so many days or months.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frequency {
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub days: u32,
    #[serde(default)]
    pub months: u32,
}

impl MonitoringPlan {
    pub fn builtin() -> Result<&'static MonitoringPlan, &'static InstrumentError> {
        static BUILTIN: OnceLock<Result<MonitoringPlan, InstrumentError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| MonitoringPlan::parse(FILE_NAME, FILE_TEXT))
            .as_ref()
    }

    pub fn parse(file: &str, text: &str) -> Result<MonitoringPlan, InstrumentError> {
        let plan: MonitoringPlan =
            toml::from_str(text).map_err(|error| InstrumentError::Parse {
                file: file.to_owned(),
                message: error.to_string(),
            })?;
        if plan.frequency(&plan.default_frequency).is_none() {
            return Err(InstrumentError::Invalid {
                file: file.to_owned(),
                problem: format!(
                    "the default frequency {} is not one of the frequencies",
                    plan.default_frequency
                ),
            });
        }
        if let Some(bad) = plan
            .frequencies
            .iter()
            .find(|f| (f.days == 0) == (f.months == 0))
        {
            return Err(InstrumentError::Invalid {
                file: file.to_owned(),
                problem: format!("frequency {} needs days or months, not both", bad.key),
            });
        }
        Ok(plan)
    }

    /// The frequency a milestone's "Frequency" names, if PartnerPath can
    /// count its dates: one of the suggestions, by its key or its label in
    /// any case ("quarterly", "Quarterly"). Anything else the team wrote
    /// ("bi-weekly", "each semester") is kept as written and has no dates.
    pub fn frequency(&self, written: &str) -> Option<&Frequency> {
        let written = written.trim();
        self.frequencies
            .iter()
            .find(|f| f.key == written || f.label.eq_ignore_ascii_case(written))
    }

    /// The "Frequency" as shown: a suggestion's label, or what was written.
    pub fn frequency_label<'a>(&'a self, written: &'a str) -> &'a str {
        self.frequency(written)
            .map_or(written, |f| f.label.as_str())
    }
}
