//! The ODST Standards for Effective Partnerships on paper: Conditions and
//! Habits, each organizing theme with its standards, in the source's two
//! columns.

use super::*;
use partnerpath_core::instrument::Standards;

#[derive(Debug, Clone, Serialize)]
pub struct StandardsPrint {
    pub title: String,
    /// The source's column heads: "Organizing Theme", "Standards".
    pub heads: [String; 2],
    /// Each group ("Conditions", "Habits") with its themes.
    pub groups: Vec<(String, Vec<ThemePrint>)>,
    pub source: String,
}

/// A theme's title and its standards.
pub type ThemePrint = (String, Vec<String>);

pub fn standards(standards: &Standards) -> StandardsPrint {
    StandardsPrint {
        title: standards.title.clone(),
        heads: standards.heads.clone(),
        groups: standards
            .groups
            .iter()
            .map(|group| {
                let items = group
                    .themes
                    .iter()
                    .map(|t| (t.title.clone(), t.standards.clone()))
                    .collect();
                (group.title.clone(), items)
            })
            .collect(),
        source: standards.source.citation(),
    }
}
