//! An open database and the partnership being worked on. An edit comes in
//! as a command and goes through three steps, each in its own layer:
//! `Command::refusal` (model) turns away what must not be stored,
//! `Store::apply` (store) writes it to the file, and `PartnershipView::apply`
//! (model) changes memory the same way. Nothing here draws; the screens read
//! from it.

use std::path::Path;

use crate::model::{Command, Outcome, PartnershipId, PartnershipSummary, PartnershipView};
use crate::problem::Problem;
use crate::store::Store;

pub struct Session {
    store: Store,
    summaries: Vec<PartnershipSummary>,
    open: Option<PartnershipView>,
}

impl Session {
    pub fn open(path: &Path) -> Result<Session, Problem> {
        let store = Store::open(path).map_err(|e| e.problem())?;
        Session::with_store(store)
    }

    pub fn with_store(store: Store) -> Result<Session, Problem> {
        let summaries = store.partnership_summaries().map_err(|e| e.problem())?;
        Ok(Session {
            store,
            summaries,
            open: None,
        })
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn summaries(&self) -> &[PartnershipSummary] {
        &self.summaries
    }

    /// Reads the list of partnerships again (after working inside one).
    pub fn refresh_summaries(&mut self) -> Result<(), Problem> {
        self.summaries = self
            .store
            .partnership_summaries()
            .map_err(|e| e.problem())?;
        Ok(())
    }

    pub fn view(&self) -> Option<&PartnershipView> {
        self.open.as_ref()
    }

    /// Loads one partnership into memory for its screens.
    pub fn open_partnership(&mut self, id: PartnershipId) -> Result<&PartnershipView, Problem> {
        let view = self.store.load_partnership(id).map_err(|e| e.problem())?;
        Ok(self.open.insert(view))
    }

    pub fn close_partnership(&mut self) {
        self.open = None;
    }

    /// Writes one edit to the database and, once it is stored, to memory.
    /// On failure nothing changes, in the file or in memory, and the
    /// problem says why.
    pub fn apply(&mut self, command: &Command) -> Result<Outcome, Problem> {
        if let Some(refusal) = command.refusal(self.open.as_ref()) {
            return Err(Problem {
                what: refusal.what.to_owned(),
                what_to_do: refusal.what_to_do.to_owned(),
                path: None,
            });
        }
        let outcome = self.store.apply(command).map_err(|e| e.problem())?;
        if let Some(view) = self.open.as_mut() {
            if *command == Command::DeletePartnership(view.partnership.id) {
                self.open = None;
            } else {
                view.apply(command, &outcome);
            }
        }
        // The list is re-read when it shows: after an edit made from it,
        // and when the user goes back to it (`App::navigate`). Typing a
        // partnership's name on its own page does not re-read every
        // partnership at each key.
        if self.open.is_none() && command.changes_the_list() {
            self.refresh_summaries()?;
        }
        Ok(outcome)
    }
}
