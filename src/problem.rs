//! A problem told to the user in plain words: what happened, what to do, and
//! the file concerned, last.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What happened, in a sentence or two.
    pub what: String,
    /// What the user can do about it.
    pub what_to_do: String,
    /// The file concerned, if any.
    pub path: Option<PathBuf>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.what, self.what_to_do)?;
        if let Some(path) = &self.path {
            write!(f, " File: {}", path.display())?;
        }
        Ok(())
    }
}
