//! The tools PartnerPath prints: one list, read by File > Print… and by
//! `partnerpath print --tool`, so that both offer the same tools under the
//! same names.

use super::{Blank, Filled, What};
use partnerpath_core::instrument::{CONTRACT_SUPPLEMENT, QUARTERLY_MEETING, Worksheet};
use partnerpath_core::model::{CycleId, DocumentId, ReadinessRoundId, Team};

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
    /// The Stages of Partnering: the partnership's history, then the stages.
    Stages,
    /// The ODST Standards for Effective Partnerships.
    Standards,
    /// A guidebook worksheet (Prepare, Act, Reflect), by its key.
    Sheet(&'static str),
}

/// Which cycle, round or document of the partnership a filled tool shows,
/// and its options.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection<'a> {
    pub cycle: Option<CycleId>,
    pub round: Option<ReadinessRoundId>,
    pub document: Option<DocumentId>,
    /// On the continuum, each rater's level as initials.
    pub with_raters: bool,
    /// In the readiness joint view, each team's averages.
    pub with_numbers: bool,
    /// The version of the continuum a blank continuum is printed with; the
    /// default one when `None`.
    pub version: Option<&'a str>,
}

/// What a filled tool still needs chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Cycle,
    Round,
    Document,
    /// The tool shows only what was filled in: it has no blank form.
    NoBlank,
    /// The tool has nothing to fill: it prints only as it is published.
    NoFilled,
}

impl Tool {
    /// The tools other than the guidebook's worksheets.
    pub const FIXED: [Tool; 11] = [
        Tool::Continuum,
        Tool::Trajectory,
        Tool::ReadinessDistrict,
        Tool::ReadinessPartner,
        Tool::ReadinessJoint,
        Tool::ContractSupplement,
        Tool::Meeting,
        Tool::Monitoring,
        Tool::Stages,
        Tool::Standards,
        Tool::Packet,
    ];

    /// Every tool: the fixed ones, then each guidebook worksheet in the
    /// guidebook's order.
    pub fn all() -> Vec<Tool> {
        let sheets = Worksheet::builtin().unwrap_or_default();
        Tool::FIXED
            .into_iter()
            .chain(
                sheets
                    .iter()
                    .filter(|s| s.phase.is_some())
                    .map(|s| Tool::Sheet(s.key.as_str())),
            )
            .collect()
    }

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
            Tool::Stages => "stages",
            Tool::Standards => "standards",
            Tool::Sheet(key) => key,
        }
    }

    pub fn from_key(key: &str) -> Option<Tool> {
        Tool::all().into_iter().find(|t| t.key() == key)
    }

    /// The tool that prints a document made with the worksheet `key`.
    pub fn for_worksheet(key: &str) -> Option<Tool> {
        match key {
            CONTRACT_SUPPLEMENT => Some(Tool::ContractSupplement),
            QUARTERLY_MEETING => Some(Tool::Meeting),
            _ => Tool::all()
                .into_iter()
                .find(|t| matches!(t, Tool::Sheet(k) if *k == key)),
        }
    }

    /// The worksheet a document of this tool is made with.
    pub fn worksheet(self) -> Option<&'static str> {
        match self {
            Tool::ContractSupplement => Some(CONTRACT_SUPPLEMENT),
            Tool::Meeting => Some(QUARTERLY_MEETING),
            Tool::Sheet(key) => Some(key),
            _ => None,
        }
    }

    /// The tool's blank form, for handing out, if it has one.
    pub fn blank(self) -> Option<Blank> {
        match self {
            Tool::Continuum => Some(Blank::Continuum { version: None }),
            Tool::ReadinessDistrict => Some(Blank::Readiness(Team::District)),
            Tool::ReadinessPartner => Some(Blank::Readiness(Team::Partner)),
            Tool::Monitoring => Some(Blank::Monitoring),
            Tool::Stages => Some(Blank::Stages),
            Tool::Standards => Some(Blank::Standards),
            Tool::ContractSupplement | Tool::Meeting | Tool::Sheet(_) => {
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
            Tool::Stages => "Stages of Partnering",
            Tool::Standards => "Standards for Effective Partnerships",
            Tool::Sheet(key) => {
                let sheets = Worksheet::builtin().ok()?;
                sheets.iter().find(|s| s.key == key)?.title.as_str()
            }
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
            Tool::ContractSupplement | Tool::Meeting | Tool::Sheet(_) => {
                Filled::Document(selection.document.ok_or(Missing::Document)?)
            }
            Tool::Monitoring => Filled::Monitoring,
            Tool::Stages => Filled::Stages,
            Tool::Standards => return Err(Missing::NoFilled),
            Tool::Packet => Filled::Packet { cycle: cycle? },
        })
    }

    /// What to print: the blank form, or the tool filled with `selection`.
    pub fn what(self, blank: bool, selection: &Selection) -> Result<What, Missing> {
        if blank {
            match self.blank() {
                Some(Blank::Continuum { .. }) => Ok(What::Blank(Blank::Continuum {
                    version: selection.version.map(str::to_owned),
                })),
                Some(blank) => Ok(What::Blank(blank)),
                None => Err(Missing::NoBlank),
            }
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
        let all = Tool::all();
        assert_eq!(
            all.len(),
            Tool::FIXED.len() + 28,
            "and the guidebook's worksheets"
        );
        for tool in all {
            assert_eq!(Tool::from_key(tool.key()), Some(tool));
            assert_eq!(tool.blank().is_some(), tool.blank_label().is_some());
        }
        assert_eq!(Tool::from_key("radar"), None);
        let fishbone = Tool::for_worksheet("nea-fishbone").expect("fishbone");
        assert_eq!(fishbone.worksheet(), Some("nea-fishbone"));
        assert_eq!(
            fishbone.blank_label(),
            Some("Root Cause Analysis: Fishbone Diagram")
        );
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
