//! PartnerPath's tests beyond the unit tests in `src/`: one test binary, so
//! that egui, wgpu and Typst are linked once. Each module tests one part, as
//! its first lines say; `support` holds what several of them share.

mod accessibility;
mod adaptation;
mod agreements;
mod attachments;
mod calendar;
mod cli_exchange;
mod crash;
mod demo;
mod exchange;
mod history;
mod instrument;
mod instrument_2018;
mod layers;
mod licences;
mod print;
mod proxy;
mod reveal;
mod rounding;
mod safety;
mod server;
mod server_access;
mod server_window;
mod smoke;
mod snapshots;
mod spreadsheet;
mod store;
mod support;
mod ui_agreements;
mod ui_evidence;
mod ui_exchange;
mod ui_flow;
mod ui_keyboard;
mod ui_monitoring;
mod ui_portfolio;
mod ui_present;
mod ui_readiness;
mod ui_remember;
mod ui_rounds;
mod ui_safety;
mod ui_versions;
mod ui_worksheets;
mod undo;
mod view_equals_file;
