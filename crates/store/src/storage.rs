//! What the program asks of a database of partnerships, whichever engine
//! holds it: read the list and one partnership, store an edit, keep and
//! restore "Recently deleted", and move exchange files in and out. `Store`
//! answers them on either engine, a SQLite file or a PostgreSQL server
//! (`connection.rs`); only a file has backups (`file`). Nothing here names
//! an engine's types.

use uuid::Uuid;

use super::{Counterpart, ExportScope, LargeFile, Listener, Store, StoreError, Wake};
use partnerpath_core::model::exchange::{Exchange, Plan};
use partnerpath_core::model::portfolio::PortfolioFacts;
use partnerpath_core::model::{
    Account, AttachmentId, Command, Deleted, HistoryEntry, Outcome, PartnershipId, PartnershipView,
    Seen,
};

/// `Send`: on a shared database the window's store works on a thread of
/// its own, so that no frame waits for the network.
pub trait Storage: Send {
    /// Every partnership not in "Recently deleted", with what the list and
    /// the portfolio show of it.
    fn portfolio(&self) -> Result<Vec<PortfolioFacts>, StoreError>;

    /// One partnership, whole, for its screens.
    fn load_partnership(&self, id: PartnershipId) -> Result<PartnershipView, StoreError>;

    /// Stores one edit, in one transaction; on failure nothing was stored.
    fn apply(&mut self, command: &Command) -> Result<Outcome, StoreError>;

    /// Stores one edit unless the field it changes no longer holds what
    /// was `seen` (someone else changed it: `StoreError::Conflict`).
    fn apply_seen(&mut self, command: &Command, seen: Option<&Seen>)
    -> Result<Outcome, StoreError>;

    /// Keeps the content of a file to attach (once per fingerprint
    /// `hash`), before the attachment that names it is stored.
    fn put_file(&mut self, hash: &str, content: &[u8]) -> Result<(), StoreError>;

    /// The content of a file attached, read only when it is opened.
    fn attachment_content(&self, id: AttachmentId) -> Result<Vec<u8>, StoreError>;

    /// The largest files attached, largest first, at most `n`.
    fn largest_files(&self, n: usize) -> Result<Vec<LargeFile>, StoreError>;

    /// What was deleted in the last 30 days, newest first.
    fn recently_deleted(&self) -> Result<Vec<Deleted>, StoreError>;

    /// Removes for good what was deleted more than 30 days ago.
    fn purge_deleted(&mut self) -> Result<usize, StoreError>;

    /// A partnership as an exchange file.
    fn export(
        &self,
        id: PartnershipId,
        scope: &ExportScope,
        exported_by: &str,
    ) -> Result<Exchange, StoreError>;

    /// The partnership of an exchange file, as it is here.
    fn counterpart(&self, x: &Exchange) -> Result<Counterpart, StoreError>;

    /// Which of `ids` some record here already has.
    fn ids_in_use(&self, ids: &[Uuid]) -> Result<Vec<Uuid>, StoreError>;

    /// Writes what `plan` says of an exchange file, in one transaction.
    fn import(&mut self, x: &Exchange, plan: &Plan) -> Result<PartnershipId, StoreError>;

    /// The partnership's history of changes, newest first, at most `limit`.
    fn history(&self, id: PartnershipId, limit: usize) -> Result<Vec<HistoryEntry>, StoreError>;

    /// Whether whoever uses it may read the history of changes.
    fn may_read_history(&self) -> bool;

    /// Who is signed in, on a server (a file has no accounts).
    fn account(&self) -> Option<&Account>;

    /// Starts passing on other people's changes, on a server (`None` for a
    /// file); `wake` is called whenever there is news.
    fn listen(&self, wake: Wake) -> Result<Option<Listener>, StoreError>;

    /// Whether the connection to the server was lost.
    fn is_disconnected(&self) -> bool;

    /// Connects to the server again, as the same user.
    fn reconnect(&mut self) -> Result<(), StoreError>;

    /// The database as a file on this computer, when it is one: its
    /// backups are taken and restored as a file.
    fn file(&self) -> Option<&Store>;

    /// The same, to restore a backup over it.
    fn file_mut(&mut self) -> Option<&mut Store>;
}

impl Storage for Store {
    fn portfolio(&self) -> Result<Vec<PortfolioFacts>, StoreError> {
        Store::portfolio(self)
    }

    fn load_partnership(&self, id: PartnershipId) -> Result<PartnershipView, StoreError> {
        Store::load_partnership(self, id)
    }

    fn apply(&mut self, command: &Command) -> Result<Outcome, StoreError> {
        Store::apply(self, command)
    }

    fn apply_seen(
        &mut self,
        command: &Command,
        seen: Option<&Seen>,
    ) -> Result<Outcome, StoreError> {
        Store::apply_seen(self, command, seen)
    }

    fn put_file(&mut self, hash: &str, content: &[u8]) -> Result<(), StoreError> {
        Store::put_file(self, hash, content)
    }

    fn attachment_content(&self, id: AttachmentId) -> Result<Vec<u8>, StoreError> {
        Store::attachment_content(self, id)
    }

    fn largest_files(&self, n: usize) -> Result<Vec<LargeFile>, StoreError> {
        Store::largest_files(self, n)
    }

    fn recently_deleted(&self) -> Result<Vec<Deleted>, StoreError> {
        Store::recently_deleted(self)
    }

    fn purge_deleted(&mut self) -> Result<usize, StoreError> {
        Store::purge_deleted(self)
    }

    fn export(
        &self,
        id: PartnershipId,
        scope: &ExportScope,
        exported_by: &str,
    ) -> Result<Exchange, StoreError> {
        Store::export(self, id, scope, exported_by)
    }

    fn counterpart(&self, x: &Exchange) -> Result<Counterpart, StoreError> {
        Store::counterpart(self, x)
    }

    fn ids_in_use(&self, ids: &[Uuid]) -> Result<Vec<Uuid>, StoreError> {
        Store::ids_in_use(self, ids)
    }

    fn import(&mut self, x: &Exchange, plan: &Plan) -> Result<PartnershipId, StoreError> {
        Store::import(self, x, plan)
    }

    fn history(&self, id: PartnershipId, limit: usize) -> Result<Vec<HistoryEntry>, StoreError> {
        Store::history(self, id, limit)
    }

    fn may_read_history(&self) -> bool {
        Store::may_read_history(self)
    }

    fn account(&self) -> Option<&Account> {
        Store::account(self)
    }

    fn listen(&self, wake: Wake) -> Result<Option<Listener>, StoreError> {
        Store::listen(self, wake)
    }

    fn is_disconnected(&self) -> bool {
        Store::is_disconnected(self)
    }

    fn reconnect(&mut self) -> Result<(), StoreError> {
        Store::reconnect(self)
    }

    fn file(&self) -> Option<&Store> {
        self.server_address().is_none().then_some(self)
    }

    fn file_mut(&mut self) -> Option<&mut Store> {
        if self.server_address().is_some() {
            return None;
        }
        Some(self)
    }
}
