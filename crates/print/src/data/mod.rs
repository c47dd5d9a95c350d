//! What a printout shows, built from the model and the instruments: plain
//! data the templates lay out. Dates are formatted here; user text is
//! passed as strings, which Typst prints literally (no markup).

use jiff::civil::Date;
use serde::Serialize;

use partnerpath_core::instrument::{
    Continuum, FieldKind, Headings, Instruments, MonitoringPlan, Passage, Readiness, Worksheet,
};
use partnerpath_core::model::{
    ActionStep, AttachedTo, Cycle, Document, Due, FieldValue, Level, Mean, Movement,
    PartnershipView, Rater, ReadinessView, Team, Versions, carried_forward, changes, continuum_for,
    due, initials, long_date, radar, short_date,
};

/// A whole PDF: its metadata, an optional cover, and its parts in order.
#[derive(Debug, Clone, Serialize)]
pub struct Printout {
    /// The PDF's title (metadata and first heading).
    pub title: String,
    pub author: String,
    /// Shown in every page's footer.
    pub partnership: String,
    pub context: String,
    #[serde(skip)]
    pub printed_on: Date,
    pub printed: String,
    /// "us-letter" or "a4".
    pub paper: String,
    pub cover: Option<Cover>,
    pub parts: Vec<PrintPart>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    pub title: String,
    pub partnership: String,
    pub district: String,
    pub partner: String,
    pub contents: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PrintPart {
    Continuum(ContinuumPrint),
    Trajectory(TrajectoryPrint),
    Readiness(ReadinessPrint),
    Worksheet(WorksheetPrint),
    Monitoring(MonitoringPrint),
    Portfolio(PortfolioPrint),
    Stages(StagesPrint),
    Standards(StandardsPrint),
}

impl PrintPart {
    /// What the part is, for a packet's contents.
    pub fn heading(&self) -> String {
        match self {
            PrintPart::Continuum(p) => format!("{} — {}", p.title, p.subtitle),
            PrintPart::Trajectory(p) => p.title.clone(),
            PrintPart::Readiness(p) => format!("{} — {}", p.title, p.subtitle),
            PrintPart::Worksheet(p) => format!("{} — {}", p.title, p.subtitle),
            PrintPart::Monitoring(p) => p.title.clone(),
            PrintPart::Portfolio(p) => p.title.clone(),
            PrintPart::Stages(p) => p.title.clone(),
            PrintPart::Standards(p) => p.title.clone(),
        }
    }
}

/// A piece of evidence attached to a record, as a printout lists it
/// under the record: its name, its address (a link) or size (a file), and
/// who attached it when.
#[derive(Debug, Clone, Serialize)]
pub struct EvidencePrint {
    pub name: String,
    /// Empty for a link whose title is its address.
    pub detail: String,
    pub added: String,
}

/// The evidence attached to `to`, in the order it was attached.
pub fn evidence_of(view: &PartnershipView, to: &AttachedTo) -> Vec<EvidencePrint> {
    view.attachments_on(to)
        .map(|a| EvidencePrint {
            name: a.name.clone(),
            detail: match a.evidence() {
                Some(partnerpath_core::model::Evidence::File { .. }) => {
                    format!("a file of {} kept in PartnerPath", a.detail())
                }
                Some(partnerpath_core::model::Evidence::Link { .. }) if a.named_by_address() => {
                    String::new()
                }
                _ => a.detail(),
            },
            added: format!("added {} by {}", short_date(a.added_on), a.added_by),
        })
        .collect()
}

mod continuum;
mod levels;
mod monitoring;
mod portfolio;
mod readiness;
mod stages;
mod standards;
mod trajectory;
mod worksheet;

pub use continuum::*;
pub use levels::*;
pub use monitoring::*;
pub use portfolio::*;
pub use readiness::*;
pub use stages::*;
pub use standards::*;
pub use trajectory::*;
pub use worksheet::*;
