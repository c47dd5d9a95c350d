//! Instrument definitions: the published tools' wording and structure, read
//! from the data files in `assets/instruments/`. Code never spells out rubric
//! text; it reads it from here.

mod continuum;
mod level;
mod listed;
mod monitoring;
mod readiness;
mod source;
mod stages;
mod standards;
mod worksheet;

pub use continuum::{
    Adapted, Category, Continuum, FilledFrom, Headings, Indicator, LevelName, Passage,
};
pub use level::Level;
pub use listed::ListedTool;
pub use monitoring::{Columns, Frequency, MonitoringPlan};
pub use readiness::{Readiness, ReadinessCategory, ScalePoint};
pub use source::Source;
pub use stages::{Principle, Stage, Stages, Sustaining};
pub use standards::{Alignment, Standards, Theme, ThemeGroup};
pub use worksheet::{
    CONTRACT_SUPPLEMENT, Column, DEFAULT_SOURCES, Drawing, FISHBONE_CAUSE, FISHBONE_RANK, Field,
    FieldKind, Guidance, Heads, Holds, KEPT, LOST, OURS_KEY, Phase, QUARTERLY_MEETING, Role,
    SCHOOL_YEAR, Section, Suggest, Worksheet,
};

use thiserror::Error;

/// Why an instrument file could not be used.
#[derive(Debug, Error)]
pub enum InstrumentError {
    #[error("the instrument file {file} could not be read: {message}")]
    Parse { file: String, message: String },
    #[error("the instrument file {file} is not valid: {problem}")]
    Invalid { file: String, problem: String },
}

/// Every instrument the program ships with.
#[derive(Debug, Clone, Copy)]
pub struct Instruments {
    /// The continuum a new partnership rates with, and whose indicator
    /// names head the charts across years.
    pub continuum: &'static Continuum,
    /// Every version of the continuum the program carries, `continuum`
    /// first.
    pub continuums: &'static [Continuum],
    pub stages: &'static Stages,
    pub readiness: &'static Readiness,
    pub worksheets: &'static [Worksheet],
    /// The guidebook's tools PartnerPath lists with their page, not built.
    pub listed: &'static [ListedTool],
    pub monitoring: &'static MonitoringPlan,
    pub standards: &'static Standards,
}

impl Instruments {
    /// The instruments compiled into the program, parsed and validated.
    pub fn builtin() -> Result<Instruments, &'static InstrumentError> {
        Ok(Instruments {
            continuum: Continuum::builtin()?,
            continuums: Continuum::builtin_all()?,
            stages: Stages::builtin()?,
            readiness: Readiness::builtin()?,
            worksheets: Worksheet::builtin()?,
            listed: ListedTool::builtin()?,
            monitoring: MonitoringPlan::builtin()?,
            standards: Standards::builtin()?,
        })
    }
}

impl Instruments {
    /// The continuum with `key` and `version`, if the program carries it.
    pub fn continuum_of(&self, key: &str, version: &str) -> Option<&'static Continuum> {
        self.continuums
            .iter()
            .find(|c| c.key == key && c.version == version)
    }

    /// The continuum the program carries in `version` ("2018-04"): every
    /// continuum it carries is a version of the default one's rubric.
    pub fn continuum_version(&self, version: &str) -> Option<&'static Continuum> {
        self.continuum_of(&self.continuum.key, version)
    }

    /// The worksheet with `key`.
    pub fn worksheet(&self, key: &str) -> Option<&'static Worksheet> {
        self.worksheets.iter().find(|w| w.key == key)
    }

    /// The listed tools of `phase` that follow the tool `after` in the
    /// guidebook's list (`None`: those that open the phase).
    pub fn listed_after<'a>(
        &'a self,
        phase: Phase,
        after: Option<&'a str>,
    ) -> impl Iterator<Item = &'static ListedTool> + 'a {
        self.listed
            .iter()
            .filter(move |t| t.phase == phase && t.after.as_deref() == after)
    }

    /// The worksheets of a guidebook phase, in the guidebook's order.
    pub fn worksheets_of(&self, phase: Phase) -> impl Iterator<Item = &'static Worksheet> {
        self.worksheets
            .iter()
            .filter(move |w| w.phase == Some(phase))
    }
}
