//! "Recently deleted": what was deleted in the last 30 days and can be put
//! back. A deleted partnership, cycle, readiness round or worksheet keeps
//! its place in the file, marked with when it was deleted.

/// How long a deleted record can be restored before it is removed for good.
pub const KEPT_FOR_DAYS: i64 = 30;

/// Where the store keeps the records a delete removed from the file (a
/// person with their ratings, a milestone with its check-ins), so that
/// undoing the delete puts them back with the same ids
/// (`Command::Reinstate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RemovedId(pub i64);

/// What kind of record was deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeletedKind {
    Partnership,
    Cycle,
    ReadinessRound,
    /// A quarterly meeting, Contract Supplement or other worksheet.
    Document,
    /// A file or link attached as evidence.
    Attachment,
}

impl DeletedKind {
    /// Every kind, in the order "Recently deleted" reads them.
    pub const ALL: [DeletedKind; 5] = [
        DeletedKind::Partnership,
        DeletedKind::Cycle,
        DeletedKind::ReadinessRound,
        DeletedKind::Document,
        DeletedKind::Attachment,
    ];

    /// In words, for the list.
    pub fn label(self) -> &'static str {
        match self {
            DeletedKind::Partnership => "Partnership",
            DeletedKind::Cycle => "Continuum cycle",
            DeletedKind::ReadinessRound => "Readiness round",
            DeletedKind::Document => "Meeting or worksheet",
            DeletedKind::Attachment => "Attachment",
        }
    }
}

/// One deleted record, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub kind: DeletedKind,
    /// The record's row id in its table.
    pub id: i64,
    /// Its name, title or school year.
    pub name: String,
    /// The partnership it belongs to (its own name for a partnership).
    pub partnership: String,
    pub deleted_at: jiff::Timestamp,
}

impl Deleted {
    /// The last day it can be restored.
    pub fn kept_until(&self) -> jiff::Timestamp {
        self.deleted_at + jiff::SignedDuration::from_hours(24 * KEPT_FOR_DAYS)
    }
}
