//! The reusable bits every layer above draws with: sizes and colours
//! (`style`), fields, dates, the question asked before deleting
//! (`widgets`), a section's countdown (`timer`), the ODST standards on
//! screen (`standards`) and PartnerPath's own words in italics (`ours`).
//! The kit names no page, dialog, chart or shell.
//!
//! Whether the window may make changes at all (`may_edit`) is set by the
//! shell at the start of each frame, and every widget that edits asks it:
//! not for a viewer of a shared database, a file open in another window,
//! or while the server cannot be reached. The widgets show unavailable.

pub mod ours;
pub mod standards;
pub mod style;
pub mod timer;
pub mod widgets;

/// Where the shell leaves, for the frame, whether changes may be made.
fn may_edit_id() -> egui::Id {
    egui::Id::unique("partnerpath: changes may be made")
}

/// Says, for this frame, whether the window may make changes.
pub fn set_may_edit(ctx: &egui::Context, may: bool) {
    ctx.data_mut(|d| d.insert_temp(may_edit_id(), may));
}

/// Whether the window may make changes this frame (yes unless the shell
/// said otherwise).
pub fn may_edit(ui: &egui::Ui) -> bool {
    ui.data(|d| d.get_temp(may_edit_id())).unwrap_or(true)
}

/// Why an editing widget shows unavailable, on hover.
pub const NOT_NOW: &str = "This window cannot make changes: the line at the top says why";
