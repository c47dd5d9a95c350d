//! The window: the app shell and one module per screen.

mod actions;
mod app;
mod changes;
mod continuum;
mod document;
mod heatmap;
mod meeting;
mod monitoring;
mod partnership;
mod partnerships;
mod print;
mod radar;
mod readiness;
mod sides;
mod stages;
mod style;
mod trajectory;
mod widgets;
mod worksheet;

pub use app::{App, FirstFrameExit, Screen};
pub use trajectory::Tab;
