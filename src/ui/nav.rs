//! Navigation: which screen is showing, and what a screen asks of the shell
//! this frame. Screens import this module, never the shell (`app.rs`): the
//! shell knows every screen, a screen knows only where it may lead.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::instrument::{Instruments, Phase};
use crate::model::{
    Command, CycleId, DocumentId, PartnershipId, PartnershipView, ReadinessRoundId,
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
    /// The partnership across the years, on one of its tabs.
    Trajectory(Tab),
    /// A readiness round.
    Readiness(ReadinessRoundId),
    /// A filled worksheet: the Contract Supplement, a meeting…
    Document(DocumentId),
    Monitoring,
    /// Every open and overdue action of the partnership.
    Actions,
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

/// What every page of a partnership is drawn from this frame: the
/// partnership in memory, the instruments, and today's date, read once per
/// frame so that no two parts of a page disagree about the day.
#[derive(Clone, Copy)]
pub struct ScreenContext<'a> {
    pub view: &'a PartnershipView,
    pub instruments: Instruments,
    pub today: Date,
}

/// What a screen asks of the shell this frame: edits to store, another
/// screen, another file. The shell carries them out after the frame.
#[derive(Default)]
pub struct Requests {
    pub commands: Vec<Command>,
    pub navigate: Option<Screen>,
    /// Another file: to open, to create, or the sample's.
    pub file: Option<FileRequest>,
}

impl Requests {
    /// Asks for `page` of the partnership `view` shows.
    pub fn go(&mut self, view: &PartnershipView, page: Page) {
        self.navigate = Some(Screen::In(view.partnership.id, page));
    }
}

/// A screen's request to switch to another file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRequest {
    Choose(Purpose),
    Sample,
}

/// What the user wants to do with the file they choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Open a PartnerPath database.
    Open,
    /// Create a new, empty database.
    Create,
    /// Bring an exchange file (.partnerpath) into the open database.
    Import,
    /// Write the chosen partnership to a new exchange file.
    Export,
}

impl Purpose {
    /// Whether the file must be there already (else: must not be).
    pub fn must_exist(self) -> bool {
        matches!(self, Purpose::Open | Purpose::Import)
    }

    /// Whether the file is an exchange file rather than a database.
    pub fn is_exchange(self) -> bool {
        matches!(self, Purpose::Import | Purpose::Export)
    }
}

/// The entries of a partnership's side panel, each with the page it
/// opens, in the order shown.
pub const SECTIONS: [(&str, Page); 10] = [
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
];

impl Page {
    /// The side panel's entry a page belongs to: a cycle's grid to the
    /// continuum, a worksheet to its phase or to the agreements.
    pub fn section(self, view: &PartnershipView, instruments: Instruments) -> Page {
        match self {
            Page::Continuum(_) => Page::Cycles,
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
