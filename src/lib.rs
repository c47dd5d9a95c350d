//! PartnerPath: assess and strengthen school-district partnerships with the
//! published partnership tools, kept in a local SQLite file.

pub mod console;
pub mod demo;
pub mod instrument;
pub mod large;
pub mod model;
pub mod paths;
pub mod print;
pub mod problem;
pub mod session;
pub mod store;
pub mod ui;
