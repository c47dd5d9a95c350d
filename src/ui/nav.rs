//! Navigation: which screen is showing, and what a page of a partnership is
//! drawn from. Pages import this module, never the shell (`shell/`): the
//! shell knows every page, a page knows only where it may lead.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::instrument::{Instruments, Phase};
use crate::model::{
    AdaptationId, CycleId, DocumentId, HistoryEntry, PartnershipId, PartnershipView,
    ReadinessRoundId,
};

/// Which screen is showing: the list of partnerships, or a page of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Screen {
    Partnerships,
    /// A page of the partnership, which the shell has loaded.
    In(PartnershipId, Page),
}

/// The pages of one partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Page {
    /// The partnership's own page: its details and people.
    Overview,
    /// The continuum cycles, one per sitting.
    Cycles,
    /// The readiness rounds.
    Rounds,
    /// The Contract Supplement and the quarterly meetings.
    Agreements,
    /// A guidebook phase's worksheets.
    Phase(Phase),
    /// One continuum cycle's grid.
    Continuum(CycleId),
    /// The partnership's own adaptation of the continuum (its newest
    /// version, whichever version's id is named).
    Adaptation(AdaptationId),
    /// The partnership across the years, on one of its tabs.
    Trajectory(Tab),
    /// A readiness round.
    Readiness(ReadinessRoundId),
    /// A filled worksheet: the Contract Supplement, a meeting…
    Document(DocumentId),
    Monitoring,
    /// Every open and overdue action of the partnership.
    Actions,
    /// The history of changes (for whoever may read it).
    History,
}

/// The tabs of the partnership across the years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Tab {
    #[default]
    Levels,
    Radar,
    HeatMap,
    Changes,
    Stages,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Levels,
        Tab::Radar,
        Tab::HeatMap,
        Tab::Changes,
        Tab::Stages,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Levels => "Levels over the years",
            Tab::Radar => "Radar",
            Tab::HeatMap => "Heat map",
            Tab::Changes => "What changed",
            Tab::Stages => "Stage of partnering",
        }
    }
}

/// What every page of a partnership is drawn from this frame: the page
/// shown, the partnership in memory, the instruments, and today's date,
/// read once per frame so that no two parts of a page disagree about the
/// day.
#[derive(Clone, Copy)]
pub struct ScreenContext<'a> {
    pub page: Page,
    pub view: &'a PartnershipView,
    pub instruments: Instruments,
    pub today: Date,
    /// The partnership's history of changes, when this window may read it
    /// (empty until read).
    pub history: Option<&'a [HistoryEntry]>,
    /// The history is being read (from a server, in the background).
    pub history_coming: bool,
}

/// The entries of a partnership's side panel, each with the page it
/// opens, in the order shown.
pub const SECTIONS: [(&str, Page); 11] = [
    ("Overview", Page::Overview),
    ("Continuum", Page::Cycles),
    ("Across the years", Page::Trajectory(Tab::Levels)),
    ("Readiness", Page::Rounds),
    ("Agreements & meetings", Page::Agreements),
    ("Monitoring", Page::Monitoring),
    ("Actions", Page::Actions),
    ("Prepare", Page::Phase(Phase::Prepare)),
    ("Act", Page::Phase(Phase::Act)),
    ("Reflect", Page::Phase(Phase::Reflect)),
    ("History of changes", Page::History),
];

impl Page {
    /// The side panel's entry a page belongs to: a cycle's grid to the
    /// continuum, a worksheet to its phase or to the agreements.
    pub fn section(self, view: &PartnershipView, instruments: Instruments) -> Page {
        match self {
            Page::Continuum(_) | Page::Adaptation(_) => Page::Cycles,
            Page::Readiness(_) => Page::Rounds,
            Page::Trajectory(_) => Page::Trajectory(Tab::Levels),
            Page::Document(id) => view
                .document(id)
                .and_then(|d| instruments.worksheet(&d.instrument_key))
                .and_then(|sheet| sheet.phase)
                .map_or(Page::Agreements, Page::Phase),
            page => page,
        }
    }
}
