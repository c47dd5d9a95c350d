//! Instrument definitions: the published tools' wording and structure, read
//! from the data files in `assets/instruments/`. Code never spells out rubric
//! text; it reads it from here.

mod continuum;
mod readiness;
mod stages;

pub use continuum::{Category, Continuum, Indicator, LevelName, Source};
pub use readiness::{Readiness, ReadinessCategory, ReadinessSource, ScalePoint};
pub use stages::{Principle, Stage, Stages, StagesSource, Sustaining};

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
}

impl Instruments {
    /// The instruments compiled into the program, parsed and validated.
    pub fn builtin() -> Result<Instruments, &'static InstrumentError> {
        Ok(Instruments {
            continuum: Continuum::builtin()?,
            stages: Stages::builtin()?,
            readiness: Readiness::builtin()?,
        })
    }
}
