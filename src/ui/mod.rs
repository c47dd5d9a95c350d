//! The window, in layers, each folder using only those below it:
//!
//! - `shell/`: the app's frame (menu, banners, which page shows), which
//!   applies the actions after each frame; it alone knows every page and
//!   dialog;
//! - `pages/` and `dialogs/`: one module per screen or dialog, each a
//!   `PageView` or a `Dialog` (`view.rs`) that pushes `Action`s
//!   (`action.rs`) and knows where it may lead (`nav.rs`);
//! - `charts/`: the charts the pages draw;
//! - `kit/`: style, widgets and the other reusable bits.
//!
//! `registry.rs` lists every page and dialog, and how to reach each, for
//! the tests that walk them all.

mod action;
mod charts;
mod dialogs;
mod kit;
mod nav;
mod pages;
#[doc(hidden)]
pub mod registry;
mod shell;
mod view;

pub use action::Action;
pub use nav::{Page, Screen, Tab};
pub use shell::launch;
pub use shell::remember::{Last, Recent, Remembered, Theme, gone, last_open};
pub use shell::{App, FirstFrameExit};
