//! The window: the app shell and one module per screen.

mod app;
mod continuum;
mod partnership;
mod partnerships;
mod style;
mod widgets;

pub use app::{App, FirstFrameExit, Screen};
