//! PartnerPath: assess and strengthen school-district partnerships with the
//! published partnership tools, kept in a local SQLite file.
//!
//! This crate is the app: the open file and its partnership in memory
//! (`session`), the window (`ui`), the sample and generated data (`demo`,
//! `large`), what a spreadsheet export reads and where it writes
//! (`spreadsheet`), and the words of every problem (`problem`). It builds
//! on four crates of the workspace; three are re-exported here under the
//! names the code has always used: `instrument` and `model`
//! (partnerpath-core) and `print` (partnerpath-print). The store
//! (partnerpath-store) is not re-exported: the window reaches the file only
//! through `session`; the spreadsheet writer (partnerpath-sheet) only
//! through `spreadsheet`.

pub use partnerpath_core::{instrument, model};
pub use partnerpath_print as print;

pub mod calendar;
pub mod console;
pub mod demo;
pub mod keychain;
pub mod large;
pub mod paths;
pub mod place;
pub mod problem;
pub mod saving;
pub mod session;
pub mod spreadsheet;
pub mod ui;
