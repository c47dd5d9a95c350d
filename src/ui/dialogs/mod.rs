//! The dialogs the shell opens on an action, each a `Dialog` (`view.rs`):
//! printing, connecting to a shared database, choosing a file, exporting and importing, the recently
//! deleted, the backups, a record's evidence, About and the keyboard shortcuts. A dialog draws
//! from its `DialogContext` and pushes `Actions`; it never names the shell
//! or a page.

pub mod about;
pub mod backups;
pub mod conflict;
pub mod connect;
pub mod deleted;
pub mod evidence;
pub mod export;
pub mod files;
pub mod import;
pub mod print;
pub mod shortcuts;

pub use about::About;
pub use backups::Backups;
pub use conflict::ConflictChoice;
pub use connect::Connect;
pub use deleted::RecentlyDeleted;
pub use evidence::{EvidenceDialog, WhereToAttach};
pub use export::Export;
pub use files::ChooseFile;
pub use import::Import;
pub use print::PrintDialog;
pub use shortcuts::ShortcutHelp;
