//! The reusable bits every layer above draws with: sizes and colours
//! (`style`), fields, dates, the question asked before deleting
//! (`widgets`), a section's countdown (`timer`), the ODST standards on
//! screen (`standards`) and PartnerPath's own words in italics (`ours`).
//! The kit names no page, dialog, chart or shell.

pub mod ours;
pub mod standards;
pub mod style;
pub mod timer;
pub mod widgets;
