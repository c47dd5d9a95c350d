//! The window: the app shell and one module per screen.

mod about;
mod actions;
mod app;
mod backups;
mod changes;
mod continuum;
mod deleted;
mod document;
mod exchange;
mod files;
mod heatmap;
pub mod launch;
mod levels;
mod meeting;
mod monitoring;
mod nav;
mod partnership;
mod partnerships;
mod portfolio;
mod print;
mod radar;
mod readiness;
mod remember;
mod shortcuts;
mod sides;
mod stages;
mod style;
mod trajectory;
mod welcome;
mod widgets;
mod worksheet;

pub use app::{App, FirstFrameExit};
pub use files::Recent;
pub use nav::{Page, Screen, Tab};
pub use remember::{Remembered, Theme, gone, last_file};
