//! The screens: the list of partnerships (`partnerships`), the screen of an
//! empty file or of none (`welcome`), and one module per page of a
//! partnership, each a `PageView` (`view.rs`). A page draws from its
//! `ScreenContext` and pushes `Actions`; it never names the shell or a
//! dialog.

pub mod actions;
pub mod adaptation;
pub mod continuum;
pub mod document;
pub mod evidence;
pub mod goals;
pub mod history;
pub mod monitoring;
pub mod partnership;
pub mod partnerships;
pub mod phase;
pub mod present;
pub mod readiness;
pub mod trajectory;
pub mod welcome;

pub use actions::ActionsPage;
pub use adaptation::AdaptationPage;
pub use continuum::ContinuumPage;
pub use document::DocumentPage;
pub use history::HistoryPage;
pub use monitoring::MonitoringPage;
pub use partnership::{AgreementsPage, CyclesPage, OverviewPage, RoundsPage};
pub use partnerships::PartnershipsList;
pub use phase::PhasePage;
pub use readiness::ReadinessPage;
pub use trajectory::TrajectoryPage;
