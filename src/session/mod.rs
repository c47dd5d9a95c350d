//! An open database and the partnership being worked on. An edit comes in
//! as a command and goes through three steps, each in its own layer:
//! `Command::refusal` (model) turns away what must not be stored,
//! `Store::apply` (store) writes it to the file, and `PartnershipView::apply`
//! (model) changes memory the same way. Nothing here draws; the screens read
//! from it.
//!
//! On a shared database the window's store works on a thread of its own
//! (`background`): an edit is shown at once and stored behind, and what
//! the server answers is taken at the next frame (`Session::follow`).
//!
//! Every edit stored is kept with the edit that takes it back, for Undo
//! and Redo (`Session::undo`, core's `model::undo`), until the file closes.

mod attaching;
mod background;

use std::collections::VecDeque;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::{MutexGuard, TryLockError};

pub use attaching::{Attached, Attaching};
pub use background::Waker;
use background::{Answer, Background, Job, Pending, Shared, lock};

use crate::instrument::Instruments;
use crate::model::exchange::{self, Exchange, ExchangeError, Plan};
use crate::model::portfolio::PortfolioFacts;
use crate::model::undo::{self, Before, Origin, Step, UndoHistory, inverse};
use crate::model::{
    Account, Command, Conflict, Deleted, HistoryEntry, Outcome, PartnershipId, PartnershipSummary,
    PartnershipView, Seen,
};
use crate::place::Place;
use crate::problem::{Doing, Problem, Remedy};
pub use partnerpath_store::{Backup, ExportScope, Holder, Reason};
use partnerpath_store::{
    Backups, Change, Counterpart, Listener, ServerAddress, Storage, Store, StoreError,
};

pub struct Session {
    /// The database, through the calls every engine answers; shared with
    /// the background thread on a server.
    store: Shared,
    /// Who is signed in, on a server (read once: it does not change).
    account: Option<Account>,
    /// Whether this user may read the history of changes.
    may_read_history: bool,
    /// Where it is, for messages.
    path: PathBuf,
    summaries: Vec<PartnershipSummary>,
    /// What the list's portfolio shows of each partnership, read with the
    /// summaries.
    portfolio: Vec<PortfolioFacts>,
    /// Counts the times the list was read, so that a screen can tell when
    /// what it made from it is stale.
    list_reads: u64,
    open: Option<PartnershipView>,
    /// Where this file's backups go; `None` when none are taken (tests,
    /// the command line's printing).
    backups: Option<Backups>,
    /// Set when another window writes the file and this one only reads it.
    read_only: Option<ReadOnly>,
    /// Something to tell the user that did not stop the file opening (a
    /// backup that could not be taken).
    notice: Option<Problem>,
    /// The open partnership's history of changes, once read (and until
    /// something changes).
    history: Option<Vec<HistoryEntry>>,
    /// On a server: where it is.
    place: Option<Place>,
    /// Someone else's change an edit met, until the window asks.
    conflict: Option<(Command, Conflict)>,
    /// On a server: what other people change, as they change it.
    listener: Option<Listener>,
    /// On a server whose connection was lost: why, until it is back.
    offline: Option<Offline>,
    /// In a window on a server: the thread the store works on.
    background: Option<Background>,
    /// The edits shown before the server answered, oldest first.
    unanswered: VecDeque<(PartnershipId, Command)>,
    /// A partnership being read in the background, to open when it comes.
    opening: Option<PartnershipId>,
    /// Edits sent to the background thread and not answered yet.
    unsaved: usize,
    /// When the server last answered that an edit was stored.
    saved_at: Option<jiff::Timestamp>,
    /// What the background thread answered that the window acts on.
    finished: Vec<Finished>,
    /// Counts what changed the history, so that a history read before a
    /// change is not shown after it.
    changes: u64,
    /// The `changes` when the history was last asked for.
    history_asked: Option<u64>,
    /// A reconnection is under way on the background thread.
    reconnecting: bool,
    /// Files being read to attach, on a thread of their own.
    attaching: Option<Attaching>,
    /// What Undo and Redo take back and make again, until the file closes.
    undo: UndoHistory,
}

/// What became of an edit stored in the background, for the window.
#[derive(Debug)]
pub enum Finished {
    /// Stored: what it made may open.
    Stored(Command, Outcome),
    /// Not stored, and why; the window shows what the database holds.
    Failed(Problem),
}

/// The store, for reading, once every edit sent before is stored.
pub struct StoreRef<'a>(MutexGuard<'a, Box<dyn Storage>>);

impl Deref for StoreRef<'_> {
    type Target = dyn Storage;

    fn deref(&self) -> &Self::Target {
        self.0.as_ref()
    }
}

/// The connection to the server is lost; the session reconnects by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offline {
    /// Why, as the connection said.
    pub why: String,
    /// When the store last tried to connect again.
    tried: std::time::Instant,
    /// The listener's own connection is lost too: the server (or the
    /// network) is down, and the listener, on its thread, says when it is
    /// back. Until then the window does not try, so that a connection
    /// waiting for an unreachable host never holds up a frame.
    listener_down: bool,
}

/// Why a session only reads its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOnly {
    /// Who writes the file, if their lock file says.
    pub holder: Option<Holder>,
}

impl ReadOnly {
    /// Where and since when the file is open, in words.
    pub fn describe(&self) -> String {
        crate::problem::where_open(self.holder.as_ref())
    }
}

impl Session {
    /// Opens the file at `path`, without backups (read-only when another
    /// window writes it).
    pub fn open(path: &Path) -> Result<Session, Problem> {
        Session::open_with(path, None)
    }

    /// Opens the file at `path` for writing, with its backups kept under
    /// `backups_root` (the day's backup is taken now). When another window
    /// writes the file, it is opened read-only instead.
    pub fn open_with(path: &Path, backups_root: Option<&Path>) -> Result<Session, Problem> {
        let backups = backups_root.map(|root| Backups::for_file(root, path));
        match Store::open_keeping(path, backups.as_ref()) {
            Ok(mut store) => {
                let mut notice = None;
                if let Some(backups) = &backups
                    && let Err(error) = store.back_up_daily(backups)
                {
                    notice = Some(backup_failed(&error));
                }
                if let Err(error) = store.purge_deleted() {
                    notice = Some(Problem::store(&error, Doing::Saving));
                }
                let mut session = Session::with_store(store)?;
                session.backups = backups;
                session.notice = notice.or_else(|| session.large_database());
                Ok(session)
            }
            Err(StoreError::InUse { holder, .. }) => {
                let store =
                    Store::open_read_only(path).map_err(|e| Problem::store(&e, Doing::Opening))?;
                let mut session = Session::with_store(store)?;
                session.backups = backups;
                session.read_only = Some(ReadOnly { holder });
                Ok(session)
            }
            Err(error) => Err(Problem::store(&error, Doing::Opening)),
        }
    }

    /// Connects to PartnerPath's database on the server at `url`
    /// (`postgres://USER@HOST/DATABASE`; the password from `PGPASSWORD` or
    /// the password file, as `psql` takes it).
    pub fn connect(url: &str) -> Result<Session, Problem> {
        Session::connect_with(url, None)
    }

    /// Connects as `connect` does, with `password` when one is given
    /// (typed in the window).
    pub fn connect_with(url: &str, password: Option<&str>) -> Result<Session, Problem> {
        let mut address =
            ServerAddress::parse(url).map_err(|e| Problem::store(&e, Doing::Opening))?;
        if let Some(password) = password {
            address = address.with_password(password);
        }
        let store = Store::connect(&address).map_err(|e| Problem::store(&e, Doing::Opening))?;
        Session::with_store(store)
    }

    /// Starts following what other people change on the server, and
    /// moves the store onto a thread of its own; `wake` is called (on
    /// another thread) whenever something changed or the server answered.
    /// Nothing is done for a file.
    pub fn listen(&mut self, wake: Waker) -> Result<(), Problem> {
        let for_listener = wake.clone();
        self.listener = lock(&self.store)
            .listen(Box::new(move || for_listener()))
            .map_err(|e| Problem::store(&e, Doing::Opening))?;
        if self.listener.is_some() {
            self.background = Some(Background::start(self.store.clone(), wake));
        }
        Ok(())
    }

    /// Takes what the server answered, reads again what other people
    /// changed since the last frame, and follows the connection: lost, and
    /// back. Cheap when nothing happened: no query is made, and nothing
    /// waits for the server.
    pub fn follow(&mut self) -> Result<(), Problem> {
        self.take_answers();
        let changes = self
            .listener
            .as_ref()
            .map(Listener::changes)
            .unwrap_or_default();
        let mut reload = false;
        for change in changes {
            match change {
                Change::Partnership(id) => {
                    reload |= self.open.is_none()
                        || self.open.as_ref().is_some_and(|v| v.partnership.id == id);
                }
                Change::Lost(why) => {
                    self.went_offline(why);
                    if let Some(offline) = &mut self.offline {
                        offline.listener_down = true;
                    }
                }
                Change::Back => {
                    // Whatever was said meanwhile was missed.
                    reload = true;
                    if let Some(offline) = &mut self.offline {
                        // The server answers again: try at once.
                        offline.listener_down = false;
                        offline.tried = std::time::Instant::now()
                            .checked_sub(RETRY)
                            .unwrap_or(offline.tried);
                    }
                }
            }
        }
        if self.offline.is_none() && self.disconnected_now() {
            self.went_offline("the server ended this window's connection".to_owned());
        }
        if let Some(offline) = &mut self.offline {
            if offline.listener_down || offline.tried.elapsed() < RETRY || self.reconnecting {
                return Ok(());
            }
            offline.tried = std::time::Instant::now();
            if let Some(background) = self.background.as_mut() {
                background.send(Job::Reconnect);
                self.reconnecting = true;
                return Ok(());
            }
            if lock(&self.store).reconnect().is_err() {
                return Ok(());
            }
            self.offline = None;
            reload = true;
        }
        if reload {
            self.read_again()?;
        }
        Ok(())
    }

    /// Whether the store knows its connection is lost; never waits for the
    /// background thread (while it works, the answer says).
    fn disconnected_now(&self) -> bool {
        match self.store.try_lock() {
            Ok(store) => store.is_disconnected(),
            Err(TryLockError::Poisoned(store)) => store.into_inner().is_disconnected(),
            Err(TryLockError::WouldBlock) => false,
        }
    }

    /// Reads again the list and the partnership open, as they are now
    /// (another person may have deleted it: then the list shows). In the
    /// background on a server.
    fn read_again(&mut self) -> Result<(), Problem> {
        self.forget_history();
        if let Some(background) = self.background.as_mut() {
            if let Some(id) = self.open.as_ref().map(|v| v.partnership.id) {
                background.send(Job::Load(id));
            }
            background.send(Job::List);
            return Ok(());
        }
        if let Some(id) = self.open.as_ref().map(|v| v.partnership.id) {
            let store = lock(&self.store);
            match store.load_partnership(id) {
                Ok(view) => self.open = Some(view),
                Err(e) if store.is_disconnected() => {
                    return Err(Problem::store(&e, Doing::Reading));
                }
                // Deleted by someone else, or no longer theirs to see.
                Err(_) => self.open = None,
            }
        }
        self.refresh_summaries()
    }

    /// The history read is no longer current.
    fn forget_history(&mut self) {
        self.history = None;
        self.changes += 1;
    }

    /// Waits for every job sent to the background thread, and takes its
    /// answers: before anything is done on the store here.
    fn settle(&mut self) {
        if let Some(background) = &self.background {
            background.wait();
        }
        self.take_answers();
    }

    /// Takes the background thread's answers, in order.
    fn take_answers(&mut self) {
        let answers = match self.background.as_mut() {
            Some(background) => background.answers(),
            None => return,
        };
        for answer in answers {
            self.take(answer);
        }
    }

    fn take(&mut self, answer: Answer) {
        match answer {
            Answer::Applied {
                command,
                shown,
                on,
                undo,
                result,
                disconnected,
            } => self.take_applied(command, shown, on, undo, result, disconnected),
            Answer::Loaded {
                id,
                result,
                disconnected,
            } => {
                let asked_to_open = self.opening == Some(id);
                if asked_to_open {
                    self.opening = None;
                } else if self.open.as_ref().map(|v| v.partnership.id) != Some(id) {
                    return;
                }
                match result {
                    Ok(mut view) => {
                        // The edits sent after it was asked for are shown.
                        for (_, command) in self.unanswered.iter().filter(|(on, _)| *on == id) {
                            view.apply(command, &Outcome::Done);
                        }
                        if asked_to_open {
                            self.forget_history();
                        }
                        self.open = Some(*view);
                    }
                    Err(e) if asked_to_open => {
                        if disconnected {
                            self.went_offline(e.to_string());
                        }
                        self.finished
                            .push(Finished::Failed(Problem::store(&e, Doing::Reading)));
                    }
                    Err(e) if disconnected => self.went_offline(e.to_string()),
                    // Deleted by someone else, or no longer theirs to see:
                    // the list, asked for with it, shows.
                    Err(_) => {
                        self.open = None;
                        self.forget_history();
                    }
                }
            }
            Answer::Listed(Ok(portfolio)) => {
                self.summaries = portfolio.iter().map(|f| f.summary.clone()).collect();
                self.portfolio = portfolio;
                self.list_reads += 1;
            }
            Answer::Listed(Err(e)) => {
                if self.offline.is_none() {
                    self.finished
                        .push(Finished::Failed(Problem::store(&e, Doing::Reading)));
                }
            }
            Answer::History(id, asked, result) => {
                if asked != self.changes || self.open.as_ref().map(|v| v.partnership.id) != Some(id)
                {
                    return;
                }
                match result {
                    Ok(entries) => self.history = Some(entries),
                    Err(e) => {
                        // Said once; read again when something next changes.
                        self.history = Some(Vec::new());
                        self.finished
                            .push(Finished::Failed(Problem::store(&e, Doing::Reading)));
                    }
                }
            }
            Answer::Reconnected(result) => {
                self.reconnecting = false;
                match result {
                    Ok(()) => {
                        self.offline = None;
                        // Nothing fails in the background: a read goes.
                        let _ = self.read_again();
                    }
                    Err(_) => {
                        if let Some(offline) = &mut self.offline {
                            offline.tried = std::time::Instant::now();
                        }
                    }
                }
            }
        }
    }

    /// The server's answer to an edit sent in the background.
    fn take_applied(
        &mut self,
        command: Command,
        shown: bool,
        on: Option<PartnershipId>,
        undo: Box<Pending>,
        result: Result<Outcome, StoreError>,
        disconnected: bool,
    ) {
        let stored = match &result {
            Ok(outcome) => Ok(outcome),
            Err(e) => Err(matches!(e, StoreError::Conflict { .. })),
        };
        self.remember(&command, *undo, stored);
        if shown {
            self.unanswered.pop_front();
        }
        self.unsaved = self.unsaved.saturating_sub(1);
        // Whether the partnership the edit was made in is still the one
        // open (another may have been opened meanwhile).
        let still_open = self.open.as_ref().map(|v| v.partnership.id) == on;
        let problem = match result {
            Ok(outcome) => {
                self.saved_at = Some(jiff::Timestamp::now());
                // Joined with someone else's change, or records put back:
                // read as stored.
                if (outcome == Outcome::Joined || command.reads_again())
                    && still_open
                    && let (Some(id), Some(background)) = (on, self.background.as_mut())
                {
                    background.send(Job::Load(id));
                }
                if !shown && still_open {
                    self.show_stored(&command, &outcome);
                    if self.open.is_none()
                        && command.changes_the_list()
                        && let Some(background) = self.background.as_mut()
                    {
                        background.send(Job::List);
                    }
                }
                // What it made opens only where it was made.
                if still_open || matches!(outcome, Outcome::PartnershipCreated(_)) {
                    self.finished.push(Finished::Stored(command, outcome));
                }
                return;
            }
            // Not a problem: the window asks which to keep, where the
            // edit was made; elsewhere it is said.
            Err(StoreError::Conflict { conflict, .. }) if still_open => {
                self.conflict = Some((command, *conflict));
                None
            }
            Err(e) if disconnected => {
                self.went_offline(e.to_string());
                Some(not_connected())
            }
            Err(e) => Some(Problem::store(&e, Doing::Saving)),
        };
        self.finished.extend(problem.map(Finished::Failed));
        // What the database holds shows again, without the edit.
        let _ = self.read_again();
    }
    fn went_offline(&mut self, why: String) {
        if self.offline.is_none() {
            self.offline = Some(Offline {
                why,
                tried: std::time::Instant::now(),
                listener_down: false,
            });
        }
    }

    /// Set while the connection to the server is lost.
    pub fn offline(&self) -> Option<&Offline> {
        self.offline.as_ref()
    }

    /// Where the shared database is, when this session is on one.
    pub fn place(&self) -> Option<&Place> {
        self.place.as_ref()
    }

    /// Who is signed in, on a server.
    pub fn account(&self) -> Option<&Account> {
        self.account.as_ref()
    }

    /// Whether this window may make changes: not when its file is open
    /// elsewhere, nor for a viewer, nor while the server cannot be reached.
    pub fn may_edit(&self) -> bool {
        self.read_only.is_none()
            && self.offline.is_none()
            && self.account().is_none_or(|a| a.role.may_edit())
    }

    /// A session on the SQLite file `store`.
    pub fn with_store(store: Store) -> Result<Session, Problem> {
        let path = store.path().to_path_buf();
        Session::with_storage(Box::new(store), path)
    }

    /// A session on any database; `path` says where it is in messages.
    pub fn with_storage(store: Box<dyn Storage>, path: PathBuf) -> Result<Session, Problem> {
        let portfolio = store
            .portfolio()
            .map_err(|e| Problem::store(&e, Doing::Reading))?;
        let account = store.account().cloned();
        let may_read_history = store.may_read_history();
        Ok(Session {
            summaries: portfolio.iter().map(|f| f.summary.clone()).collect(),
            portfolio,
            list_reads: 1,
            open: None,
            backups: None,
            read_only: None,
            notice: None,
            place: account
                .as_ref()
                .and_then(|_| Place::parse(&path.to_string_lossy())),
            path,
            history: None,
            conflict: None,
            listener: None,
            offline: None,
            account,
            may_read_history,
            store: std::sync::Arc::new(std::sync::Mutex::new(store)),
            background: None,
            unanswered: VecDeque::new(),
            opening: None,
            unsaved: 0,
            saved_at: None,
            finished: Vec::new(),
            changes: 0,
            history_asked: None,
            reconnecting: false,
            attaching: None,
            undo: UndoHistory::default(),
        })
    }

    /// Opens the same file again (after the other window has closed it),
    /// with the same partnership open.
    pub fn reopen(&self) -> Result<Session, Problem> {
        let root = self
            .backups
            .as_ref()
            .and_then(|b| b.folder().parent().map(Path::to_path_buf));
        let mut session = Session::open_with(self.path(), root.as_deref())?;
        if let Some(view) = &self.open {
            // Gone in the meantime: the list shows instead.
            let _ = session.open_partnership(view.partnership.id);
        }
        Ok(session)
    }

    /// Set when this window only reads its file.
    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    /// What to tell the user once, if anything, about opening the file.
    pub fn take_notice(&mut self) -> Option<Problem> {
        self.notice.take()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The database, for reading, once every edit sent before is stored.
    pub fn store(&self) -> StoreRef<'_> {
        if let Some(background) = &self.background {
            background.wait();
        }
        StoreRef(lock(&self.store))
    }

    pub fn summaries(&self) -> &[PartnershipSummary] {
        &self.summaries
    }

    /// What the portfolio shows of each partnership, as last read.
    pub fn portfolio(&self) -> &[PortfolioFacts] {
        &self.portfolio
    }

    /// How many times the list has been read: changes whenever the
    /// summaries and the portfolio do.
    pub fn list_reads(&self) -> u64 {
        self.list_reads
    }

    /// Reads the list of partnerships again (after working inside one),
    /// with the portfolio's facts.
    pub fn refresh_summaries(&mut self) -> Result<(), Problem> {
        self.settle();
        self.portfolio = lock(&self.store)
            .portfolio()
            .map_err(|e| Problem::store(&e, Doing::Reading))?;
        self.summaries = self.portfolio.iter().map(|f| f.summary.clone()).collect();
        self.list_reads += 1;
        Ok(())
    }

    pub fn view(&self) -> Option<&PartnershipView> {
        self.open.as_ref()
    }

    /// Loads one partnership into memory for its screens.
    pub fn open_partnership(&mut self, id: PartnershipId) -> Result<&PartnershipView, Problem> {
        self.settle();
        self.opening = None;
        let view = lock(&self.store)
            .load_partnership(id)
            .map_err(|e| Problem::store(&e, Doing::Reading))?;
        self.forget_history();
        Ok(self.open.insert(view))
    }

    pub fn close_partnership(&mut self) {
        self.open = None;
        self.opening = None;
        self.forget_history();
    }

    /// Opens partnership `id`: at once in a file; on a server it is read
    /// in the background (`opening` says so until it has come, and
    /// `take_finished` if it could not be read).
    pub fn open_soon(&mut self, id: PartnershipId) -> Result<(), Problem> {
        let Some(background) = self.background.as_mut() else {
            return self.open_partnership(id).map(|_| ());
        };
        background.send(Job::Load(id));
        self.opening = Some(id);
        Ok(())
    }

    /// The partnership being read in the background to open, if any.
    pub fn opening(&self) -> Option<PartnershipId> {
        self.opening
    }

    /// The partnership being read to open is no longer wanted: it is not
    /// opened when it comes.
    pub fn stop_opening(&mut self) {
        self.opening = None;
    }

    /// Closes the open partnership and reads the list again (in the
    /// background on a server).
    pub fn show_list(&mut self) -> Result<(), Problem> {
        self.close_partnership();
        match self.background.as_mut() {
            Some(background) => {
                background.send(Job::List);
                Ok(())
            }
            None => self.refresh_summaries(),
        }
    }

    /// Whether this window may read the history of changes: whoever
    /// opened a file; an administrator on a server.
    pub fn may_read_history(&self) -> bool {
        self.may_read_history
    }

    /// The open partnership's history of changes, newest first, if read
    /// since it last changed.
    pub fn history(&self) -> Option<&[HistoryEntry]> {
        self.history.as_deref()
    }

    /// Reads the open partnership's history of changes (the newest
    /// `HISTORY_SHOWN`); on a server in the background, once per change.
    pub fn read_history(&mut self) -> Result<(), Problem> {
        let Some(id) = self.open.as_ref().map(|v| v.partnership.id) else {
            return Ok(());
        };
        if let Some(background) = self.background.as_mut() {
            if self.history_asked != Some(self.changes) {
                self.history_asked = Some(self.changes);
                background.send(Job::History(id, HISTORY_SHOWN, self.changes));
            }
            return Ok(());
        }
        let read = lock(&self.store).history(id, HISTORY_SHOWN);
        match read {
            Ok(entries) => {
                self.history = Some(entries);
                Ok(())
            }
            Err(e) => {
                // Said once; read again when something next changes.
                self.history = Some(Vec::new());
                Err(Problem::store(&e, Doing::Reading))
            }
        }
    }

    /// Writes one edit to the database and, once it is stored, to memory.
    /// On failure nothing changes, in the file or in memory, and the
    /// problem says why. On a shared database, an edit to a field someone
    /// else changed meanwhile is not stored: the screen then shows their
    /// change, and `take_conflict` says what it was. Waits for the
    /// database (the window uses `send`).
    pub fn apply(&mut self, command: &Command) -> Result<Outcome, Problem> {
        let seen = self.seen(command);
        self.store_and_follow(command, seen.as_ref(), Origin::New, self.open_id())
    }

    /// Stores `command` whatever the field holds now (the user chose to
    /// keep their change over someone else's).
    pub fn apply_anyway(&mut self, command: &Command) -> Result<Outcome, Problem> {
        self.store_and_follow(command, None, Origin::New, self.open_id())
    }

    /// An edit from the window. In a file it is stored at once, and its
    /// outcome returned. On a server it is sent to the background thread
    /// and `None` returned: an edit that makes nothing shows at once;
    /// what the server answers comes with a later frame (`take_finished`,
    /// `take_conflict`).
    pub fn send(&mut self, command: &Command) -> Result<Option<Outcome>, Problem> {
        let seen = self.seen(command);
        self.send_seen(command, seen, Origin::New, self.open_id())
    }

    /// `send`, whatever the field holds now (the user chose to keep their
    /// change over someone else's).
    pub fn send_anyway(&mut self, command: &Command) -> Result<Option<Outcome>, Problem> {
        self.send_seen(command, None, Origin::New, self.open_id())
    }

    /// The partnership open, if any.
    fn open_id(&self) -> Option<PartnershipId> {
        self.open.as_ref().map(|v| v.partnership.id)
    }

    /// What the window shows of the field `command` changes, on a server.
    fn seen(&self, command: &Command) -> Option<Seen> {
        self.place
            .as_ref()
            .and(self.open.as_ref())
            .and_then(|view| command.seen(view))
    }

    /// What the window shows now, for working out how to take an edit back.
    fn before(&self) -> Before<'_> {
        Before {
            view: self.open.as_ref(),
            listed: &self.summaries,
        }
    }

    fn send_seen(
        &mut self,
        command: &Command,
        seen: Option<Seen>,
        origin: Origin,
        on: Option<PartnershipId>,
    ) -> Result<Option<Outcome>, Problem> {
        if self.background.is_none() {
            return self
                .store_and_follow(command, seen.as_ref(), origin, on)
                .map(Some);
        }
        self.refuse_if_read_only()?;
        if let Some(refusal) = command.refusal(self.open.as_ref()) {
            return Err(Problem::from(refusal));
        }
        self.forget_history();
        // How to take it back, from what shows before it (what it makes
        // or removes, the server says).
        let back = undo::known_before(command)
            .then(|| inverse(command, self.before(), &Outcome::Done))
            .flatten();
        let name = undo::name(command, self.before(), Instruments::builtin().ok().as_ref());
        let shown = match self.open.as_mut() {
            Some(view)
                if !command.makes_a_record()
                    && !command.reads_again()
                    && *command != Command::DeletePartnership(view.partnership.id) =>
            {
                view.apply(command, &Outcome::Done);
                self.unanswered
                    .push_back((view.partnership.id, command.clone()));
                true
            }
            _ => false,
        };
        let open = self.open_id();
        if let Some(background) = self.background.as_mut() {
            background.send(Job::Apply {
                command: command.clone(),
                seen,
                shown,
                on: open,
                undo: Box::new(Pending {
                    origin,
                    back,
                    on,
                    name,
                }),
            });
            self.unsaved += 1;
        }
        Ok(None)
    }

    /// Whether an edit sent is still on its way to the server.
    pub fn saving(&self) -> bool {
        self.unsaved > 0
    }

    /// When the server last said an edit was stored (in this window).
    pub fn saved_at(&self) -> Option<jiff::Timestamp> {
        self.saved_at
    }

    /// What became of the edits the server answered since last asked.
    pub fn take_finished(&mut self) -> Vec<Finished> {
        std::mem::take(&mut self.finished)
    }

    /// Someone else's change that an edit met, with the edit, once.
    pub fn take_conflict(&mut self) -> Option<(Command, Conflict)> {
        self.conflict.take()
    }

    fn store_and_follow(
        &mut self,
        command: &Command,
        seen: Option<&Seen>,
        origin: Origin,
        on: Option<PartnershipId>,
    ) -> Result<Outcome, Problem> {
        self.settle();
        self.refuse_if_read_only()?;
        if let Some(refusal) = command.refusal(self.open.as_ref()) {
            return Err(Problem::from(refusal));
        }
        self.forget_history();
        let stored = {
            let mut store = lock(&self.store);
            let stored = store.apply_seen(command, seen);
            let disconnected = stored.is_err() && store.is_disconnected();
            stored.map_err(|e| (e, disconnected))
        };
        let outcome = match stored {
            Ok(outcome) => outcome,
            Err((StoreError::Conflict { conflict, .. }, _)) => {
                let problem = Problem::store(
                    &StoreError::Conflict {
                        path: self.path.clone(),
                        conflict: conflict.clone(),
                    },
                    Doing::Saving,
                );
                self.conflict = Some((command.clone(), *conflict));
                self.read_again()?;
                return Err(problem);
            }
            Err((e, true)) => {
                self.went_offline(e.to_string());
                return Err(not_connected());
            }
            Err((e, false)) => return Err(Problem::store(&e, Doing::Saving)),
        };
        let back = inverse(command, self.before(), &outcome);
        let name = undo::name(command, self.before(), Instruments::builtin().ok().as_ref());
        self.undo.stored(command, origin, back, on, name);
        self.show_stored(command, &outcome);
        if outcome == Outcome::Joined || command.reads_again() {
            // Joined with someone else's change, or records put back:
            // read as stored.
            self.read_again()?;
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

    /// Keeps an edit the server answered in the undo history; or, when it
    /// was an undo or a redo not stored (`Err`, saying whether it met
    /// someone else's change), puts its step back.
    fn remember(&mut self, command: &Command, undo: Pending, stored: Result<&Outcome, bool>) {
        match stored {
            Ok(outcome) => {
                let nothing = Before {
                    view: None,
                    listed: &[],
                };
                let back = undo.back.or_else(|| inverse(command, nothing, outcome));
                self.undo
                    .stored(command, undo.origin, back, undo.on, undo.name);
            }
            Err(conflict) => {
                let (done, name, redo) = match undo.origin {
                    Origin::New => return,
                    Origin::Undo(done, name) => (done, name, false),
                    Origin::Redo(done, name) => (done, name, true),
                };
                let step = Step {
                    done,
                    name,
                    back: command.clone(),
                    on: undo.on,
                };
                self.undo.not_stored(step, redo, conflict);
            }
        }
    }

    /// What Undo and Redo would do.
    pub fn undo_history(&self) -> &UndoHistory {
        &self.undo
    }

    /// Takes back the last edit (`redo` false), or makes again the last
    /// one taken back, as one more edit; the partnership it was made in
    /// opens. `Ok(None)` when there is nothing to do, or on a server
    /// (the answer comes later, as for any edit).
    pub fn undo(&mut self, redo: bool) -> Result<Option<Outcome>, Problem> {
        let Some(step) = self.undo.take(redo) else {
            return Ok(None);
        };
        let origin = if redo {
            Origin::Redo(step.done.clone(), step.name.clone())
        } else {
            Origin::Undo(step.done.clone(), step.name.clone())
        };
        // What the step was made on shows first, as when it was made: its
        // partnership (unless the step puts it back), or the list. How to
        // take the undo back is read from it.
        match step.on {
            // (One deleted, which the step puts back, cannot open yet.)
            Some(id) if self.open_id() != Some(id) && self.open_partnership(id).is_err() => {
                self.close_partnership();
            }
            None if self.open.is_some() => self.show_list()?,
            _ => {}
        }
        let seen = self.seen(&step.back);
        match self.send_seen(&step.back, seen, origin, step.on) {
            Ok(outcome) => {
                // (Not a partnership the step has just deleted again.)
                if let Some(id) = step.on
                    && self.open_id() != Some(id)
                    && step.back != Command::DeletePartnership(id)
                {
                    self.open_soon(id)?;
                }
                Ok(outcome)
            }
            // Refused, or not stored (an edit sent to the background
            // thread fails in its answer, which puts the step back).
            Err(problem) => {
                let conflict = self.conflict.is_some();
                self.undo.not_stored(step, redo, conflict);
                Err(problem)
            }
        }
    }

    /// Shows a stored edit in memory as the database holds it.
    fn show_stored(&mut self, command: &Command, outcome: &Outcome) {
        if let Some(view) = self.open.as_mut() {
            if *command == Command::DeletePartnership(view.partnership.id) {
                self.open = None;
            } else {
                view.apply(command, outcome);
            }
        }
    }
}

/// Restoring a backup, and "Recently deleted".
impl Session {
    /// The backups of this file, newest first (none when backups are not
    /// kept).
    pub fn backups(&self) -> Vec<Backup> {
        self.backups.as_ref().map(Backups::list).unwrap_or_default()
    }

    /// Whether this file has backups kept (a window, not a test).
    pub fn keeps_backups(&self) -> bool {
        self.backups.is_some()
    }

    /// The folder this file's backups are in.
    pub fn backups_folder(&self) -> Option<PathBuf> {
        self.backups.as_ref().map(|b| b.folder().to_path_buf())
    }

    /// Puts the whole file back as it was in `backup`, after backing up
    /// what it holds now. The list of partnerships shows afterwards.
    pub fn restore_backup(&mut self, backup: &Path) -> Result<(), Problem> {
        self.refuse_if_read_only()?;
        let backups = self.backups.as_ref().ok_or_else(|| {
            Problem::new(
                "This file has no backups.",
                "Open it from PartnerPath's window to keep backups.",
            )
            .at(self.path())
        })?;
        {
            let mut store = lock(&self.store);
            let file = store.file_mut().ok_or_else(|| {
                Problem::new(
                    "This database is not a file on this computer, so it has no backups here.",
                    "Ask whoever keeps the database server to restore it.",
                )
            })?;
            file.restore(backups, backup)
                .map_err(|e| Problem::store(&e, Doing::Saving))?;
        }
        // The whole file is another: nothing before it can be undone.
        self.undo = UndoHistory::default();
        self.open = None;
        self.refresh_summaries()
    }

    /// What was deleted in the last 30 days, newest first.
    pub fn recently_deleted(&self) -> Result<Vec<Deleted>, Problem> {
        self.store()
            .recently_deleted()
            .map_err(|e| Problem::store(&e, Doing::Reading))
    }

    /// Puts a deleted record back, and shows it again: an edit, which
    /// Undo takes back.
    pub fn restore_deleted(&mut self, deleted: &Deleted) -> Result<(), Problem> {
        self.send(&Command::Restore(deleted.kind, deleted.id))
            .map(|_| ())
    }

    fn refuse_if_read_only(&self) -> Result<(), Problem> {
        if let Some(account) = self.account()
            && !account.role.may_edit()
        {
            return Err(Problem::new(
                format!(
                    "You are signed in as {}, a viewer, so this window only shows the partnerships: nothing was changed.",
                    account.user
                ),
                "To make changes, ask your district administrator for an assessor's account.",
            ));
        }
        if self.offline.is_some() {
            return Err(not_connected());
        }
        match &self.read_only {
            Some(read_only) => Err(Problem::new(
                format!(
                    "This file is open {}, so this window can only show it: nothing was changed.",
                    read_only.describe()
                ),
                "Close the file there, then choose Try again above.",
            )
            .at(self.path())),
            None => Ok(()),
        }
    }
}

/// Exchange files: a partnership out, or into this file.
impl Session {
    /// The partnership `id` (whole, or one cycle for some raters) as the
    /// bytes of an exchange file.
    pub fn export(&self, id: PartnershipId, scope: &ExportScope) -> Result<Vec<u8>, Problem> {
        let by = format!("PartnerPath {}", env!("CARGO_PKG_VERSION"));
        let exchange = self
            .store()
            .export(id, scope, &by)
            .map_err(|e| Problem::store(&e, Doing::Reading))?;
        exchange::to_bytes(&exchange).map_err(|e| {
            Problem::new(
                format!("The exchange file could not be written ({e})."),
                "Try again; if it keeps happening, keep a copy of the database and contact support.",
            )
        })
    }

    /// Reads the exchange file at `path` (never more than the format's
    /// largest size: 64 MB of JSON, or a package of 2 GB with attached
    /// files) and works out what importing it would do. Nothing is
    /// written; a problem names the file.
    pub fn plan_import_file(
        &self,
        path: &Path,
        instruments: Instruments,
    ) -> Result<(Exchange, Plan), Problem> {
        use std::io::Read;
        let with_path = |problem: Problem| problem.at(path);
        let mut bytes = Vec::new();
        let limit = u64::try_from(exchange::MAX_PACKAGE_BYTES).unwrap_or(u64::MAX);
        std::fs::File::open(path)
            .and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
            .map_err(|e| {
                Problem::new(
                    format!("The exchange file could not be read ({e})."),
                    "Check that the file is there and that you may open it.",
                )
                .at(path)
            })?;
        if bytes.len() > exchange::MAX_PACKAGE_BYTES {
            return Err(with_path(refused(&ExchangeError::PackageTooLarge)));
        }
        self.plan_import(&bytes, instruments).map_err(with_path)
    }

    /// Works out what importing the bytes of an exchange file would do.
    /// Nothing is written.
    pub fn plan_import(
        &self,
        bytes: &[u8],
        instruments: Instruments,
    ) -> Result<(Exchange, Plan), Problem> {
        let file = exchange::parse(bytes, instruments).map_err(|e| refused(&e))?;
        let here = match self
            .store()
            .counterpart(&file)
            .map_err(|e| Problem::store(&e, Doing::Reading))?
        {
            Counterpart::Absent => None,
            Counterpart::Here(here) => Some(*here),
            Counterpart::Deleted => {
                return Err(Problem::new(
                    format!(
                        "“{}” is in Recently deleted in this file, so the exchange file cannot be imported into it. Nothing was changed.",
                        file.partnership.name
                    ),
                    "Restore it from Recently deleted, then import the file again.",
                )
                .with_remedy(Remedy::RecentlyDeleted));
            }
        };
        let ids = all_ids(&file);
        let in_use = self
            .store()
            .ids_in_use(&ids)
            .map_err(|e| Problem::store(&e, Doing::Reading))?;
        let plan =
            exchange::plan(&file, here.as_ref(), &in_use, instruments).map_err(|e| refused(&e))?;
        Ok((file, plan))
    }

    /// Imports `file` as `plan` says (with the user's choice for each
    /// conflict), in one transaction, after a backup. Returns the
    /// partnership it went into.
    pub fn import(&mut self, file: &Exchange, plan: &Plan) -> Result<PartnershipId, Problem> {
        self.refuse_if_read_only()?;
        self.settle();
        let id = {
            let mut store = lock(&self.store);
            if let Some(backups) = &self.backups
                && let Some(file) = store.file()
            {
                file.back_up(backups, Reason::BeforeImport)
                    .map_err(|e| backup_failed(&e))?;
            }
            store.import(file, plan).map_err(|e| {
                Problem::store(&e, Doing::Saving)
                    .preceded_by("The file could not be imported, and nothing was changed.")
            })?
        };
        // An import is no step of Undo: what came before it is not taken
        // back across it.
        self.undo = UndoHistory::default();
        if let Some(open) = self.open.as_ref().map(|v| v.partnership.id) {
            self.open_partnership(open)?;
        }
        self.refresh_summaries()?;
        Ok(id)
    }
}

/// Every id an exchange file holds.
fn all_ids(x: &Exchange) -> Vec<uuid::Uuid> {
    std::iter::once(x.partnership.id)
        .chain(x.people.iter().map(|r| r.id))
        .chain(x.adaptations.iter().map(|r| r.id))
        .chain(x.cycles.iter().map(|r| r.id))
        .chain(x.ratings.iter().map(|r| r.id))
        .chain(x.stage_entries.iter().map(|r| r.id))
        .chain(x.readiness_rounds.iter().map(|r| r.id))
        .chain(x.readiness_members.iter().map(|r| r.id))
        .chain(x.readiness_ratings.iter().map(|r| r.id))
        .chain(x.readiness_summaries.iter().map(|r| r.id))
        .chain(x.documents.iter().map(|r| r.id))
        .chain(x.goals.iter().map(|r| r.id))
        .chain(x.milestones.iter().map(|r| r.id))
        .chain(x.check_ins.iter().map(|r| r.id))
        .chain(x.action_steps.iter().map(|r| r.id))
        .chain(x.attachments.iter().map(|r| r.id))
        .collect()
}

/// An exchange file that cannot be imported, in plain words.
fn refused(error: &ExchangeError) -> Problem {
    let (what_to_do, remedy) = match error {
        ExchangeError::Newer(_) | ExchangeError::UnknownInstrument(_) => (
            "It was probably made with a newer PartnerPath: install the newest, then import the file again.",
            None,
        ),
        ExchangeError::Database => (
            "To work in that database, open it instead. To import, choose a .partnerpath file.",
            Some(Remedy::OpenOrNew),
        ),
        ExchangeError::Collision(_) => (
            "The file may have been edited by hand or come from a copy of this database. Ask for it to be exported again.",
            None,
        ),
        _ => (
            "Ask for the partnership to be exported again, and import that file.",
            Some(Remedy::ExportAgain),
        ),
    };
    let problem = Problem::new(
        format!("This file cannot be imported: {error}. Nothing was changed."),
        what_to_do,
    );
    match remedy {
        Some(remedy) => problem.with_remedy(remedy),
        None => problem,
    }
}

/// How many of a partnership's changes the History page reads, newest first.
pub const HISTORY_SHOWN: usize = 2000;

/// How often a lost connection is tried again.
pub const RETRY: std::time::Duration = std::time::Duration::from_secs(1);

/// An edit refused while the server cannot be reached.
fn not_connected() -> Problem {
    Problem::new(
        "Not connected to the server, so this change was not saved. PartnerPath is reconnecting by itself.",
        "Wait until the line at the top says the window is connected again, then make the change again.",
    )
}

/// The day's backup could not be taken: the file opened all the same.
fn backup_failed(error: &StoreError) -> Problem {
    Problem::store(error, Doing::Saving).preceded_by(
        "PartnerPath could not take today's backup of this file; the file itself is fine and open.",
    )
}
