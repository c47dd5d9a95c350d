//! Instrument definitions: the published tools' wording and structure, read
//! from the data files in `assets/instruments/`. Code never spells out rubric
//! text; it reads it from here.

mod continuum;
mod level;
mod monitoring;
mod readiness;
mod source;
mod stages;
mod standards;
mod worksheet;

pub use continuum::{Category, Continuum, Headings, Indicator, LevelName};
pub use level::Level;
pub use monitoring::{Columns, Frequency, MonitoringPlan};
pub use readiness::{Readiness, ReadinessCategory, ScalePoint};
pub use source::Source;
pub use stages::{Principle, Stage, Stages, Sustaining};
pub use standards::{Alignment, Standard, StandardGroup, Standards};
pub use worksheet::{
    CONTRACT_SUPPLEMENT, Column, DEFAULT_SOURCES, Drawing, FISHBONE_CAUSE, FISHBONE_RANK, Field,
    FieldKind, Guidance, Phase, QUARTERLY_MEETING, Role, SCHOOL_YEAR, Section, Suggest, Worksheet,
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
    pub continuum: &'static Continuum,
    pub stages: &'static Stages,
    pub readiness: &'static Readiness,
    pub worksheets: &'static [Worksheet],
    pub monitoring: &'static MonitoringPlan,
    pub standards: &'static Standards,
}

impl Instruments {
    /// The instruments compiled into the program, parsed and validated.
    pub fn builtin() -> Result<Instruments, &'static InstrumentError> {
        Ok(Instruments {
            continuum: Continuum::builtin()?,
            stages: Stages::builtin()?,
            readiness: Readiness::builtin()?,
            worksheets: Worksheet::builtin()?,
            monitoring: MonitoringPlan::builtin()?,
            standards: Standards::builtin()?,
        })
    }
}

impl Instruments {
    /// The worksheet with `key`.
    pub fn worksheet(&self, key: &str) -> Option<&'static Worksheet> {
        self.worksheets.iter().find(|w| w.key == key)
    }

    /// The worksheets of a guidebook phase, in the guidebook's order.
    pub fn worksheets_of(&self, phase: Phase) -> impl Iterator<Item = &'static Worksheet> {
        self.worksheets
            .iter()
            .filter(move |w| w.phase == Some(phase))
    }
}
