//! The button each record that holds evidence shows (an indicator of a
//! cycle, a readiness round, a worksheet or meeting, a milestone): how
//! many files and links are attached, and a click to see, open and add
//! them (the shell's evidence dialog).

use egui::{Response, Ui};

use crate::model::{AttachedTo, PartnershipView};
use crate::ui::action::{Action, Actions};

/// "Attached evidence (3)", or "Attach evidence…" when there is none (not
/// to be mistaken for the continuum's own "Supporting evidence" box);
/// `what` names the record in words ("Decision Making, 2025–26").
pub fn button(
    ui: &mut Ui,
    view: &PartnershipView,
    to: &AttachedTo,
    what: &str,
    actions: &mut Actions,
) -> Response {
    let count = view.attachments_on(to).count();
    let text = if count == 0 {
        "Attach evidence…".to_owned()
    } else {
        format!("Attached evidence ({count})")
    };
    let response = ui
        .selectable_label(false, text)
        .accessible_name(format!("Evidence for {what}"))
        .on_hover_text("Files and links that show the rating: minutes, survey results, agreements");
    if response.clicked() {
        actions.push(Action::ShowEvidence(to.clone(), what.to_owned()));
    }
    response
}
