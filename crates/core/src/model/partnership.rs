//! Partnerships, the people in them and the cycles in which they rate.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartnershipId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CycleId(pub i64);

/// What kind of organisation the district is partnering with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    EducatorPreparation,
    TeachersAssociation,
    TurnaroundPartner,
    CommunityOrganisation,
    Other,
}

impl PartnerKind {
    pub const ALL: [PartnerKind; 5] = [
        PartnerKind::EducatorPreparation,
        PartnerKind::TeachersAssociation,
        PartnerKind::TurnaroundPartner,
        PartnerKind::CommunityOrganisation,
        PartnerKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PartnerKind::EducatorPreparation => "Educator-preparation program",
            PartnerKind::TeachersAssociation => "Teachers' association or union",
            PartnerKind::TurnaroundPartner => "Turnaround partner",
            PartnerKind::CommunityOrganisation => "Community organisation",
            PartnerKind::Other => "Other",
        }
    }

    /// The stable name stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            PartnerKind::EducatorPreparation => "educator_preparation",
            PartnerKind::TeachersAssociation => "teachers_association",
            PartnerKind::TurnaroundPartner => "turnaround_partner",
            PartnerKind::CommunityOrganisation => "community_organisation",
            PartnerKind::Other => "other",
        }
    }
}

/// Which organisation a person speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    District,
    Partner,
    School,
    Other,
}

impl Side {
    pub const ALL: [Side; 4] = [Side::District, Side::Partner, Side::School, Side::Other];

    pub fn label(self) -> &'static str {
        match self {
            Side::District => "District",
            Side::Partner => "Partner",
            Side::School => "School",
            Side::Other => "Other",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Side::District => "district",
            Side::Partner => "partner",
            Side::School => "school",
            Side::Other => "other",
        }
    }
}

/// What a partnership says, declared once: the screens, the file and the
/// exchange file (`XPartnership`) all hold it as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnershipFields {
    pub name: String,
    pub district: String,
    pub partner_organisation: String,
    pub partner_kind: PartnerKind,
    pub start_date: Option<Date>,
    pub notes: String,
    pub archived: bool,
}

/// The details a user gives when creating a partnership.
pub type NewPartnership = PartnershipFields;

impl Default for PartnershipFields {
    fn default() -> Self {
        PartnershipFields {
            name: String::new(),
            district: String::new(),
            partner_organisation: String::new(),
            partner_kind: PartnerKind::EducatorPreparation,
            start_date: None,
            notes: String::new(),
            archived: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partnership {
    pub id: PartnershipId,
    /// Fictional data made by `--demo`, shown as such.
    pub is_sample: bool,
    pub fields: PartnershipFields,
}

/// One line of the partnerships list, with the counts a user needs to decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnershipSummary {
    pub partnership: Partnership,
    pub people: usize,
    pub cycles: usize,
    pub ratings: usize,
    pub latest_school_year: Option<String>,
}

/// What is known of a person, declared once (`XPerson` holds it too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonFields {
    pub name: String,
    pub side: Side,
    pub role: String,
}

/// A person to add to a partnership.
pub type NewPerson = PersonFields;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: PersonId,
    pub partnership_id: PartnershipId,
    pub fields: PersonFields,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CycleStatus {
    Draft,
    Final,
}

impl CycleStatus {
    pub const ALL: [CycleStatus; 2] = [CycleStatus::Draft, CycleStatus::Final];

    pub fn label(self) -> &'static str {
        match self {
            CycleStatus::Draft => "Draft",
            CycleStatus::Final => "Final",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            CycleStatus::Draft => "draft",
            CycleStatus::Final => "final",
        }
    }
}

/// What a cycle says, declared once (`XCycle` holds it too). The
/// instrument is fixed when the cycle is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleFields {
    pub instrument_key: String,
    pub instrument_version: String,
    pub school_year: String,
    pub administered_on: Date,
    pub status: CycleStatus,
    /// "Rate first, reveal together": each person's level is kept out of
    /// the window and the printouts until the team reveals them (not a
    /// secret from whoever holds the file).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCycle {
    pub partnership_id: PartnershipId,
    pub fields: CycleFields,
}

/// One dated administration of an instrument for a partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    pub id: CycleId,
    pub partnership_id: PartnershipId,
    pub fields: CycleFields,
}

/// A person's initials for small markers: "Helen Park" → "HP"; titles
/// such as "Dr." are skipped.
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !w.ends_with('.'))
        .collect();
    let first = words.first().and_then(|w| w.chars().next());
    let last = words
        .last()
        .filter(|_| words.len() > 1)
        .and_then(|w| w.chars().next());
    first
        .into_iter()
        .chain(last)
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_skip_titles() {
        assert_eq!(initials("Dr. Helen Park"), "HP");
        assert_eq!(initials("Maria Alvarez"), "MA");
        assert_eq!(initials("Cher"), "C");
        assert_eq!(initials(""), "");
    }
}
