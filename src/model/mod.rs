//! The pure model: partnerships, people, cycles and ratings, and the logic on
//! them. No egui, no SQL, no file I/O.

mod command;
mod level;
mod partnership;
mod rating;
mod school_year;
mod view;

pub use command::Command;
pub use level::Level;
pub use partnership::{
    Cycle, CycleId, CycleStatus, NewCycle, NewPartnership, NewPerson, PartnerKind, Partnership,
    PartnershipId, PartnershipSummary, Person, PersonId, Side,
};
pub use rating::{Rater, Rating, RatingKey};
pub use school_year::SchoolYear;
pub use view::PartnershipView;
