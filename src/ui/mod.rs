//! The window: the app shell and one module per screen.

mod app;
mod changes;
mod continuum;
mod heatmap;
mod partnership;
mod partnerships;
mod radar;
mod readiness;
mod sides;
mod stages;
mod style;
mod trajectory;
mod widgets;

pub use app::{App, FirstFrameExit, Screen};
pub use trajectory::Tab;
