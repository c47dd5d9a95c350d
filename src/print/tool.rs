//! The tools PartnerPath prints: one list, read by File > Print… and by
//! `partnerpath print --tool`, so that both offer the same tools under the
//! same names.

use super::{Blank, Filled, What};
use crate::instrument::{CONTRACT_SUPPLEMENT, QUARTERLY_MEETING};
use crate::model::{CycleId, DocumentId, ReadinessRoundId, Team};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tool {
    Continuum,
    Trajectory,
    ReadinessDistrict,
    ReadinessPartner,
    ReadinessJoint,
    ContractSupplement,
    Meeting,
    Monitoring,
    Packet,
}

/// Which cycle, round or document of the partnership a filled tool shows,
/// and its options.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    pub cycle: Option<CycleId>,
    pub round: Option<ReadinessRoundId>,
    pub document: Option<DocumentId>,
    /// On the continuum, each rater's level as initials.
    pub with_raters: bool,
    /// In the readiness joint view, each team's averages.
    pub with_numbers: bool,
}

/// What a filled tool still needs chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Cycle,
    Round,
    Document,
    /// The tool shows only what was filled in: it has no blank form.
    NoBlank,
}

impl Tool {
    pub const ALL: [Tool; 9] = [
        Tool::Continuum,
        Tool::Trajectory,
        Tool::ReadinessDistrict,
        Tool::ReadinessPartner,
        Tool::ReadinessJoint,
        Tool::ContractSupplement,
        Tool::Meeting,
        Tool::Monitoring,
        Tool::Packet,
    ];

    /// The tool's name on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Tool::Continuum => "continuum",
            Tool::Trajectory => "trajectory",
            Tool::ReadinessDistrict => "readiness-district",
            Tool::ReadinessPartner => "readiness-partner",
            Tool::ReadinessJoint => "readiness-joint",
            Tool::ContractSupplement => "contract-supplement",
            Tool::Meeting => "meeting",
            Tool::Monitoring => "monitoring",
            Tool::Packet => "packet",
        }
    }

    pub fn from_key(key: &str) -> Option<Tool> {
        Tool::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The tool that prints a document made with the worksheet `key`.
    pub fn for_worksheet(key: &str) -> Option<Tool> {
        match key {
            CONTRACT_SUPPLEMENT => Some(Tool::ContractSupplement),
            QUARTERLY_MEETING => Some(Tool::Meeting),
            _ => None,
        }
    }

    /// The worksheet a document of this tool is made with.
    pub fn worksheet(self) -> Option<&'static str> {
        match self {
            Tool::ContractSupplement => Some(CONTRACT_SUPPLEMENT),
            Tool::Meeting => Some(QUARTERLY_MEETING),
            _ => None,
        }
    }

    /// The tool's blank form, for handing out, if it has one.
    pub fn blank(self) -> Option<Blank> {
        match self {
            Tool::Continuum => Some(Blank::Continuum),
            Tool::ReadinessDistrict => Some(Blank::Readiness(Team::District)),
            Tool::ReadinessPartner => Some(Blank::Readiness(Team::Partner)),
            Tool::Monitoring => Some(Blank::Monitoring),
            Tool::ContractSupplement | Tool::Meeting => {
                self.worksheet().map(|key| Blank::Worksheet(key.to_owned()))
            }
            Tool::Trajectory | Tool::ReadinessJoint | Tool::Packet => None,
        }
    }

    /// How the blank form is named in the print dialog.
    pub fn blank_label(self) -> Option<&'static str> {
        Some(match self {
            Tool::Continuum => "Continuum rubric",
            Tool::ReadinessDistrict => "Readiness: district team sheet",
            Tool::ReadinessPartner => "Readiness: partner team sheet",
            Tool::ContractSupplement => "Contract Supplement",
            Tool::Meeting => "Quarterly meeting agenda",
            Tool::Monitoring => "Monitoring plan",
            Tool::Trajectory | Tool::ReadinessJoint | Tool::Packet => return None,
        })
    }

    /// The tool filled with the partnership's `selection`.
    pub fn filled(self, selection: &Selection) -> Result<Filled, Missing> {
        let cycle = selection.cycle.ok_or(Missing::Cycle);
        let round = selection.round.ok_or(Missing::Round);
        Ok(match self {
            Tool::Continuum => Filled::Continuum {
                cycle: cycle?,
                with_raters: selection.with_raters,
            },
            Tool::Trajectory => Filled::Trajectory,
            Tool::ReadinessDistrict => Filled::ReadinessTeam {
                round: round?,
                team: Team::District,
            },
            Tool::ReadinessPartner => Filled::ReadinessTeam {
                round: round?,
                team: Team::Partner,
            },
            Tool::ReadinessJoint => Filled::ReadinessJoint {
                round: round?,
                with_numbers: selection.with_numbers,
            },
            Tool::ContractSupplement | Tool::Meeting => {
                Filled::Document(selection.document.ok_or(Missing::Document)?)
            }
            Tool::Monitoring => Filled::Monitoring,
            Tool::Packet => Filled::Packet { cycle: cycle? },
        })
    }

    /// What to print: the blank form, or the tool filled with `selection`.
    pub fn what(self, blank: bool, selection: &Selection) -> Result<What, Missing> {
        if blank {
            self.blank().map(What::Blank).ok_or(Missing::NoBlank)
        } else {
            self.filled(selection).map(What::Filled)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tool_has_its_own_name_and_is_found_by_it() {
        for tool in Tool::ALL {
            assert_eq!(Tool::from_key(tool.key()), Some(tool));
            assert_eq!(tool.blank().is_some(), tool.blank_label().is_some());
        }
        assert_eq!(Tool::from_key("radar"), None);
    }

    #[test]
    fn a_filled_tool_says_what_it_still_needs() {
        let none = Selection::default();
        assert_eq!(Tool::Continuum.filled(&none), Err(Missing::Cycle));
        assert_eq!(Tool::ReadinessJoint.filled(&none), Err(Missing::Round));
        assert_eq!(Tool::Meeting.filled(&none), Err(Missing::Document));
        assert_eq!(Tool::Trajectory.what(true, &none), Err(Missing::NoBlank));
        assert_eq!(
            Tool::Meeting.what(true, &none),
            Ok(What::Blank(Blank::Worksheet(QUARTERLY_MEETING.to_owned())))
        );
        let cycle = Selection {
            cycle: Some(CycleId(3)),
            with_raters: true,
            ..Selection::default()
        };
        assert_eq!(
            Tool::Continuum.filled(&cycle),
            Ok(Filled::Continuum {
                cycle: CycleId(3),
                with_raters: true
            })
        );
    }
}
