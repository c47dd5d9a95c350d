//! Instrument definitions: the published tools' wording and structure, read
//! from the data files in `assets/instruments/`. Code never spells out rubric
//! text; it reads it from here.

mod continuum;

pub use continuum::{Category, Continuum, Indicator, LevelName, Source};

use thiserror::Error;

/// Why an instrument file could not be used.
#[derive(Debug, Error)]
pub enum InstrumentError {
    #[error("the instrument file {file} could not be read: {message}")]
    Parse { file: String, message: String },
    #[error("the instrument file {file} is not valid: {problem}")]
    Invalid { file: String, problem: String },
}
