//! On a shared database, the window's store works on a thread of its own,
//! so that no frame waits for the network. The session sends it jobs (an
//! edit, reading a partnership again, the list, the history, connecting
//! again), which it does one after another, in the order sent; each answer
//! comes back to the session at the next frame, and the thread wakes the
//! window to draw it.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, mpsc};

use crate::model::portfolio::PortfolioFacts;
use crate::model::undo::Origin;
use crate::model::{Command, HistoryEntry, Outcome, PartnershipId, PartnershipView, Seen};
use partnerpath_store::{Storage, StoreError};

/// The store, shared by the session (for what must be done before the
/// frame goes on) and the thread.
pub(super) type Shared = Arc<Mutex<Box<dyn Storage>>>;

/// The store, once whatever holds it has finished. A thread that panicked
/// while holding it left it as it was: each call is a transaction.
pub(super) fn lock(shared: &Shared) -> MutexGuard<'_, Box<dyn Storage>> {
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Wakes the window (on another thread).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

pub(super) enum Job {
    /// Stores an edit; `shown` says the window already shows it, `on`
    /// which partnership was open when it was made, `undo` what the undo
    /// history is to keep of it.
    Apply {
        command: Command,
        seen: Option<Seen>,
        shown: bool,
        on: Option<PartnershipId>,
        undo: Box<Pending>,
    },
    Load(PartnershipId),
    List,
    /// The newest changes of a partnership, asked for after the session's
    /// `changes`-th change.
    History(PartnershipId, usize, u64),
    Reconnect,
    /// Answers once every job sent before it is done.
    Barrier(mpsc::SyncSender<()>),
}

/// What the undo history keeps of an edit once it is stored: where it
/// came from, the edit that takes it back when the window could tell
/// before storing it, the partnership it was made in, and its name.
#[derive(Debug, Clone)]
pub(super) struct Pending {
    pub origin: Origin,
    pub back: Option<Command>,
    pub on: Option<PartnershipId>,
    /// Its name in the Edit menu, from what showed before it.
    pub name: String,
}

pub(super) enum Answer {
    Applied {
        command: Command,
        shown: bool,
        on: Option<PartnershipId>,
        undo: Box<Pending>,
        result: Result<Outcome, StoreError>,
        disconnected: bool,
    },
    Loaded {
        id: PartnershipId,
        /// Boxed: a whole partnership, among answers of a few words.
        result: Result<Box<PartnershipView>, StoreError>,
        disconnected: bool,
    },
    Listed(Result<Vec<PortfolioFacts>, StoreError>),
    History(PartnershipId, u64, Result<Vec<HistoryEntry>, StoreError>),
    Reconnected(Result<(), StoreError>),
}

/// Does one job on the store.
fn run(store: &mut dyn Storage, job: Job) -> Option<Answer> {
    Some(match job {
        Job::Apply {
            command,
            seen,
            shown,
            on,
            undo,
        } => {
            let result = store.apply_seen(&command, seen.as_ref());
            Answer::Applied {
                disconnected: result.is_err() && store.is_disconnected(),
                command,
                shown,
                on,
                undo,
                result,
            }
        }
        Job::Load(id) => {
            let result = store.load_partnership(id).map(Box::new);
            Answer::Loaded {
                disconnected: result.is_err() && store.is_disconnected(),
                id,
                result,
            }
        }
        Job::List => Answer::Listed(store.portfolio()),
        Job::History(id, limit, asked) => Answer::History(id, asked, store.history(id, limit)),
        Job::Reconnect => Answer::Reconnected(store.reconnect()),
        Job::Barrier(done) => {
            // The session waits on the other end; it may have gone.
            let _ = done.send(());
            return None;
        }
    })
}

/// The thread and the two channels to it.
pub(super) struct Background {
    jobs: mpsc::Sender<Job>,
    answers: mpsc::Receiver<Answer>,
    /// The store, to do a job here when the thread is gone.
    store: Shared,
    /// Answers of jobs done here.
    here: VecDeque<Answer>,
}

impl Background {
    /// Starts the thread on `store`; it ends when the session drops this.
    pub(super) fn start(store: Shared, wake: Waker) -> Background {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, answers) = mpsc::channel();
        let shared = store.clone();
        let started = std::thread::Builder::new()
            .name("partnerpath-store".into())
            .spawn(move || {
                for job in inbox {
                    let answer = run(lock(&shared).as_mut(), job);
                    if let Some(answer) = answer {
                        if outbox.send(answer).is_err() {
                            break;
                        }
                        wake();
                    }
                }
            });
        let jobs = match started {
            Ok(_) => jobs,
            // No thread: every job is done here, as `send` does when the
            // channel is closed.
            Err(_) => mpsc::channel().0,
        };
        Background {
            jobs,
            answers,
            store,
            here: VecDeque::new(),
        }
    }

    /// Sends `job` to the thread (or, if it is gone, does it here).
    pub(super) fn send(&mut self, job: Job) {
        if let Err(mpsc::SendError(job)) = self.jobs.send(job)
            && let Some(answer) = run(lock(&self.store).as_mut(), job)
        {
            self.here.push_back(answer);
        }
    }

    /// The answers that came back since last asked, in the order the jobs
    /// were sent. Never waits.
    pub(super) fn answers(&mut self) -> Vec<Answer> {
        let mut answers: Vec<Answer> = self.here.drain(..).collect();
        answers.extend(self.answers.try_iter());
        answers
    }

    /// Waits until every job sent so far is done, or for `patience` (their
    /// answers are then waiting to be taken).
    fn wait_at_most(&self, patience: std::time::Duration) {
        let (done, finished) = mpsc::sync_channel(1);
        if self.jobs.send(Job::Barrier(done)).is_ok() {
            let _ = finished.recv_timeout(patience);
        }
    }

    /// Waits until every job sent so far is done (their answers are then
    /// waiting to be taken).
    pub(super) fn wait(&self) {
        let (done, finished) = mpsc::sync_channel(1);
        if self.jobs.send(Job::Barrier(done)).is_ok() {
            // An error: the thread is gone, and nothing is left to wait for.
            let _ = finished.recv();
        }
    }
}

/// The window closes: the edits still on their way are stored before the
/// program ends (for as long as a server that answers needs; one that does
/// not is given up after `CLOSING`, and its edits were never said to be
/// saved).
impl Drop for Background {
    fn drop(&mut self) {
        self.wait_at_most(CLOSING);
    }
}

/// How long a closing window waits for its last edits to be stored.
const CLOSING: std::time::Duration = std::time::Duration::from_secs(10);
