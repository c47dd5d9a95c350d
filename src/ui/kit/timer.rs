//! A countdown for a timed part of a meeting (a meeting's agenda item, a
//! discussion's part, an indicator presented): one runs at a time, across
//! documents and screens, keyed by what it times.

use std::time::{Duration, Instant};

use egui::{Id, RichText, Ui};

use super::style;

/// What the running timer times, and since when: kept in egui's memory
/// for the window, so that a meeting's page and Present show the same one.
#[derive(Clone, Copy)]
struct Running(Id, Instant);

fn running_id() -> Id {
    Id::unique("the running timer")
}

/// The start button, or the time left, for the part of a meeting `key`
/// names, called `title` (in the button's accessible name).
pub fn show(ui: &mut Ui, key: Id, title: &str, minutes: u32) {
    show_as(ui, key, title, minutes, false);
}

/// The words on the start button: in full, or short where room is scarce
/// (Present's bottom bar).
pub fn start_words(minutes: u32, short: bool) -> String {
    if short {
        format!("{minutes}-minute timer")
    } else {
        format!("Start the {minutes}-minute timer")
    }
}

/// As `show`, the start button's words short if `short`.
pub fn show_as(ui: &mut Ui, key: Id, title: &str, minutes: u32, short: bool) {
    let total = Duration::from_secs(u64::from(minutes) * 60);
    let running = ui
        .data(|d| d.get_temp::<Running>(running_id()))
        .filter(|r| r.0 == key)
        .map(|r| r.1);
    // As large as the text around it, where that is larger (in Present).
    let body = egui::TextStyle::Body.resolve(ui.style()).size;
    ui.horizontal(|ui| match running {
        None => {
            if ui
                .button(start_words(minutes, short))
                .accessible_name(format!("Start the timer for {title}"))
                .clicked()
            {
                ui.data_mut(|d| d.insert_temp(running_id(), Running(key, Instant::now())));
            }
        }
        Some(started) => {
            let elapsed = started.elapsed();
            if elapsed >= total {
                ui.label(
                    RichText::new("Time is up")
                        .size(style::size::HEADING.max(body))
                        .strong()
                        .color(style::warning_text(ui.visuals())),
                );
            } else {
                let left = total.saturating_sub(elapsed);
                let seconds = left.as_secs() + u64::from(left.subsec_nanos() > 0);
                let words = if short { "" } else { " left" };
                ui.label(
                    RichText::new(format!("{}:{:02}{words}", seconds / 60, seconds % 60))
                        .size(style::size::CLOCK.max(body * 1.2))
                        .strong(),
                );
                // Wake up when the shown second changes, and only then.
                ui.ctx().request_repaint_after(
                    left.saturating_sub(Duration::from_secs(seconds.saturating_sub(1))),
                );
            }
            let stop = if short { "Stop" } else { "Stop timer" };
            if ui
                .button(stop)
                .accessible_name(format!("Stop the timer for {title}"))
                .clicked()
            {
                ui.data_mut(|d| d.remove::<Running>(running_id()));
            }
        }
    });
}
