//! The ODST Standards for Effective Partnerships on paper: Conditions and
//! Habits, each standard with its bullets, as the source opens with them.

use super::*;
use partnerpath_core::instrument::Standards;

#[derive(Debug, Clone, Serialize)]
pub struct StandardsPrint {
    pub title: String,
    /// Each group ("Conditions", "Habits") with its standards.
    pub groups: Vec<(String, Vec<StandardPrint>)>,
    pub source: String,
}

/// A standard's title and its bullets.
pub type StandardPrint = (String, Vec<String>);

pub fn standards(standards: &Standards) -> StandardsPrint {
    StandardsPrint {
        title: standards.title.clone(),
        groups: standards
            .groups
            .iter()
            .map(|group| {
                let items = group
                    .standards
                    .iter()
                    .map(|s| (s.title.clone(), s.bullets.clone()))
                    .collect();
                (group.title.clone(), items)
            })
            .collect(),
        source: standards.source.citation(),
    }
}
