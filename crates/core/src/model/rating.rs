//! A rating of one indicator in one cycle by one rater.

use super::{CycleId, Level, PersonId};

/// Who gave a rating: the team's agreed consensus, or one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rater {
    Consensus,
    Person(PersonId),
}

/// What identifies a rating: cycle, indicator and rater.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RatingKey {
    pub cycle_id: CycleId,
    pub indicator_key: String,
    pub rater: Rater,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rating {
    pub level: Option<Level>,
    pub evidence: String,
    pub next_steps: String,
}

impl Rating {
    /// Nothing chosen and nothing written.
    pub fn is_blank(&self) -> bool {
        self.level.is_none() && self.evidence.is_empty() && self.next_steps.is_empty()
    }
}
