//! Other people's changes, as they are committed on the server. Every
//! change to a partnership's records is announced on the channel
//! `partnerpath_changes` (server migration 2), with the partnership's id.
//! A `Listener` keeps its own connection to the server, on its own thread,
//! waiting on that channel (PostgreSQL's `LISTEN`: the server sends, nobody
//! polls), and passes on what other connections changed. When its
//! connection is lost it says so, tries again every second, and says when
//! it is back: whatever was announced in between was missed, so everything
//! must be read again then.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use partnerpath_core::model::PartnershipId;
use postgres::fallible_iterator::FallibleIterator;

use crate::server::ServerAddress;
use crate::{Store, StoreError};

/// The channel the server announces changes on.
const CHANNEL: &str = "partnerpath_changes";
/// How long the listener waits for news before it looks whether it should
/// stop; how long it waits between attempts to reconnect.
const TICK: Duration = Duration::from_millis(250);
const RETRY: Duration = Duration::from_secs(1);

/// What the listener has heard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Someone else changed this partnership (or made or deleted it).
    Partnership(PartnershipId),
    /// The connection to the server was lost (why, in words).
    Lost(String),
    /// Connected again: what changed meanwhile was not heard.
    Back,
}

/// Listens for other connections' changes until dropped.
#[derive(Debug)]
pub struct Listener {
    changes: Receiver<Change>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Listener {
    /// What was heard since last asked, oldest first.
    pub fn changes(&self) -> Vec<Change> {
        self.changes.try_iter().collect()
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            // It stops within a tick; a thread that panicked has nothing
            // left to clean up.
            let _ = thread.join();
        }
    }
}

/// Someone to tell that news has come (the window, to draw again).
pub type Wake = Box<dyn Fn() + Send>;

impl Store {
    /// Starts listening for other people's changes, when this store is on
    /// a server (a file has no one else writing it: `None`). `wake` is
    /// called on the listener's thread whenever there is news.
    /// Changes made through this store's own connection (its server
    /// process, `OnServer::own`, kept up to date by `reconnect`) are not
    /// passed on.
    pub fn listen(&self, wake: Wake) -> Result<Option<Listener>, StoreError> {
        let Some(on) = &self.server else {
            return Ok(None);
        };
        let (address, own) = (on.address.clone(), Arc::clone(&on.own));
        own.store(self.backend_pid()?, Ordering::Relaxed);
        let stop = Arc::new(AtomicBool::new(false));
        let (send, changes) = mpsc::channel();
        // The first connection is made here, so that a listener that
        // cannot start is said at once.
        let client = subscribe(&address)?;
        let thread = std::thread::Builder::new()
            .name("partnerpath-listener".to_owned())
            .spawn({
                let (own, stop) = (Arc::clone(&own), Arc::clone(&stop));
                let news = News {
                    send,
                    wake: Mutex::new(wake),
                };
                move || listen(&address, client, &own, &stop, &news)
            })
            .map_err(|e| StoreError::Other {
                path: self.path.clone(),
                detail: format!("the listener could not start ({e})"),
            })?;
        Ok(Some(Listener {
            changes,
            stop,
            thread: Some(thread),
        }))
    }
}

/// Where the listener's news goes.
struct News {
    send: Sender<Change>,
    wake: Mutex<Wake>,
}

impl News {
    /// Passes `change` on; false once nobody is listening any more.
    fn tell(&self, change: Change) -> bool {
        let sent = self.send.send(change).is_ok();
        (self.wake.lock().unwrap_or_else(PoisonError::into_inner))();
        sent
    }
}

/// A connection listening on the channel.
fn subscribe(address: &ServerAddress) -> Result<postgres::Client, StoreError> {
    let mut client = address.connect()?;
    client
        .batch_execute(&format!("LISTEN {CHANNEL}"))
        .map_err(|e| StoreError::Other {
            path: address.path(),
            detail: e.to_string(),
        })?;
    Ok(client)
}

/// The listener's thread: passes on each announcement from another
/// connection, and reconnects when the connection is lost.
fn listen(
    address: &ServerAddress,
    mut client: postgres::Client,
    own: &AtomicI32,
    stop: &AtomicBool,
    news: &News,
) {
    loop {
        let lost = loop {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            match wait(&mut client, own, stop, news) {
                Waited::Unheard => return,
                Waited::Lost(why) => break why,
                Waited::Quiet if client.is_closed() => {
                    break "the server closed the connection".to_owned();
                }
                Waited::Quiet => {}
            }
        };
        if !news.tell(Change::Lost(lost)) {
            return;
        }
        client = loop {
            std::thread::sleep(RETRY);
            if stop.load(Ordering::Relaxed) {
                return;
            }
            if let Ok(client) = subscribe(address) {
                break client;
            }
        };
        if !news.tell(Change::Back) {
            return;
        }
    }
}

/// What came of waiting a tick.
enum Waited {
    /// Nothing more to say.
    Quiet,
    /// The connection was lost, for this reason.
    Lost(String),
    /// Nobody listens any more.
    Unheard,
}

/// Waits until a tick passes with no announcement, passing on at once
/// each one from another connection.
fn wait(client: &mut postgres::Client, own: &AtomicI32, stop: &AtomicBool, news: &News) -> Waited {
    let mut notifications = client.notifications();
    let mut waiting = notifications.timeout_iter(TICK);
    loop {
        if stop.load(Ordering::Relaxed) {
            return Waited::Unheard;
        }
        match waiting.next() {
            Ok(Some(n)) if n.process_id() != own.load(Ordering::Relaxed) => {
                if let Ok(id) = n.payload().parse()
                    && !news.tell(Change::Partnership(PartnershipId(id)))
                {
                    return Waited::Unheard;
                }
            }
            Ok(Some(_)) => {}
            Ok(None) => return Waited::Quiet,
            Err(e) => {
                return Waited::Lost(
                    e.as_db_error()
                        .map_or_else(|| e.to_string(), |d| d.message().to_owned()),
                );
            }
        }
    }
}
