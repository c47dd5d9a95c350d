//! PartnerPath's core: the published tools, read from `assets/instruments/`
//! and validated (`instrument`), and the pure model of a partnership, its
//! ratings and edits (`model`). No window, no SQL, no printing, no files:
//! Cargo keeps it so, since this crate depends on none of them.

pub mod instrument;
pub mod model;
