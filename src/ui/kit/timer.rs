//! A countdown for a timed section of a worksheet (a meeting's agenda
//! item, a discussion's part): one runs at a time, across documents.

use std::time::{Duration, Instant};

use egui::{RichText, Ui};

use super::style;
use crate::instrument::Section;
use crate::model::DocumentId;

#[derive(Default)]
pub struct State {
    /// The section whose timer runs, and since when.
    running: Option<(DocumentId, String, Instant)>,
}

/// The start button, or the time left, for `section` of `document`.
pub fn show(ui: &mut Ui, state: &mut State, document: DocumentId, section: &Section, minutes: u32) {
    let total = Duration::from_secs(u64::from(minutes) * 60);
    let running = match &state.running {
        Some((doc, key, started)) if *doc == document && *key == section.key => Some(*started),
        _ => None,
    };
    ui.horizontal(|ui| match running {
        None => {
            if ui
                .button(format!("Start the {minutes}-minute timer"))
                .accessible_name(format!("Start the timer for {}", section.title))
                .clicked()
            {
                state.running = Some((document, section.key.clone(), Instant::now()));
            }
        }
        Some(started) => {
            let elapsed = started.elapsed();
            if elapsed >= total {
                ui.label(
                    RichText::new("Time is up for this section")
                        .size(style::size::HEADING)
                        .strong()
                        .color(style::warning_text(ui.visuals())),
                );
            } else {
                let left = total.saturating_sub(elapsed);
                let seconds = left.as_secs() + u64::from(left.subsec_nanos() > 0);
                ui.label(
                    RichText::new(format!("{}:{:02} left", seconds / 60, seconds % 60))
                        .size(style::size::CLOCK)
                        .strong(),
                );
                // Wake up when the shown second changes, and only then.
                ui.ctx().request_repaint_after(
                    left.saturating_sub(Duration::from_secs(seconds.saturating_sub(1))),
                );
            }
            if ui.button("Stop timer").clicked() {
                state.running = None;
            }
        }
    });
}
