//! The store: the only place with SQL, for a SQLite file on this computer
//! or a PostgreSQL server (`connection.rs` speaks to either, `server.rs`
//! connects to a server). Every edit is written through at once, in a
//! transaction.

mod actions;
mod adaptations;
mod apply;
mod attachments;
mod backups;
mod codes;
mod connection;
mod cycles;
mod deleted;
mod documents;
mod error;
mod exchange;
mod history;
mod live;
mod lock;
mod migrations;
mod monitoring;
mod partnerships;
mod people;
mod portfolio;
mod ratings;
mod readiness;
mod records;
mod removed;
mod server;
mod server_schema;
mod stages;
mod storage;
mod table;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::OpenFlags;

use connection::Connection;

pub use attachments::LargeFile;
pub use backups::{Backup, Backups, Reason};
pub use error::StoreError;
pub use exchange::{Counterpart, ExportScope};
pub use live::{Change, Listener, Wake};
pub use lock::{Holder, history_writer, lock_path};
use lock::{Lock, Taken};
pub use migrations::{APPLICATION_ID, LATEST_VERSION, VERSION_1, set_up_version};
pub use server::{ServerAddress, SetUp, add_server_user, set_up_server, set_up_server_version};
pub use server_schema::SERVER_VERSION;
pub use storage::Storage;

/// An open PartnerPath database: a file (`open`), or a database on a
/// server (`connect`).
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Held while this store may write a file; `None` when it only reads
    /// it, or is on a server.
    lock: Option<Lock>,
    /// The server it is connected to, and who signed in, when it is not
    /// a file.
    server: Option<server::OnServer>,
}

/// How long opening a file waits for another program's SQLite lock.
const OPEN_WAIT: Duration = Duration::from_millis(500);
/// How long an edit waits for another program's SQLite lock.
const EDIT_WAIT: Duration = Duration::from_secs(3);

/// What a file holds, read without changing it.
#[derive(Clone, Copy)]
enum Kind {
    /// No file, an empty file, or an empty SQLite database: ready to set up.
    New,
    /// A PartnerPath database at schema version `version`.
    PartnerPath { version: i64 },
}

impl Store {
    /// Opens the PartnerPath database at `path` for writing, creating it if
    /// the file does not exist. A file that is not PartnerPath's, that a
    /// newer program wrote, or that another window is writing, is refused
    /// and left exactly as it was.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_keeping(path, None)
    }

    /// Like `open`, and a file that must be upgraded to this program's
    /// schema is first copied into `backups`.
    pub fn open_keeping(path: &Path, backups: Option<&Backups>) -> Result<Store, StoreError> {
        Store::open_writer(path, backups).map_err(|error| match error {
            // Another program (not PartnerPath) holding the file is told at
            // once rather than after a long wait behind a blank window.
            StoreError::Busy { path } => StoreError::BusyAtOpen { path },
            other => other,
        })
    }

    fn open_writer(path: &Path, backups: Option<&Backups>) -> Result<Store, StoreError> {
        let kind = inspect(path)?;
        if let Kind::PartnerPath { version } = kind
            && version > LATEST_VERSION
        {
            return Err(StoreError::Newer {
                path: path.to_path_buf(),
                found: version,
                supported: LATEST_VERSION,
            });
        }
        let lock = match lock::take(path) {
            Ok(Taken::Mine(lock)) => lock,
            Ok(Taken::Held(holder)) => {
                return Err(StoreError::InUse {
                    path: path.to_path_buf(),
                    holder,
                });
            }
            Err(error) => return Err(StoreError::from_io(path, &error)),
        };
        let sqlite = |e| StoreError::from_sqlite(path, e);
        let mut conn = rusqlite::Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite)?;
        // SQLite quietly falls back to reading when it may not write.
        if conn.is_readonly("main").map_err(sqlite)? {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        conn.busy_timeout(OPEN_WAIT).map_err(sqlite)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sqlite)?;
        // The rollback journal, not WAL: once an edit is committed the
        // `.sqlite` file alone holds it (so a copy of the file, or a sync
        // client, has every saved edit), and it is safe on network shares,
        // where WAL is not.
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "delete", |row| row.get(0))
            .map_err(sqlite)?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(StoreError::Other {
                path: path.to_path_buf(),
                detail: format!("the journal could not be set (it is {mode})"),
            });
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sqlite)?;
        if let (Kind::PartnerPath { version }, Some(backups)) = (kind, backups)
            && version < LATEST_VERSION
        {
            backups.take(&conn, path, Reason::BeforeUpgrade)?;
        }
        migrations::migrations()
            .to_latest(&mut conn)
            .map_err(|error| match error {
                rusqlite_migration::Error::RusqliteError { err, .. } => sqlite(err),
                other => StoreError::Other {
                    path: path.to_path_buf(),
                    detail: other.to_string(),
                },
            })?;
        conn.busy_timeout(EDIT_WAIT).map_err(sqlite)?;
        let store = Store {
            conn: Connection::Sqlite(conn),
            path: path.to_path_buf(),
            lock: Some(lock),
            server: None,
        };
        store.set_history_writer(&lock::history_writer())?;
        Ok(store)
    }

    /// Opens the database at `path` for reading only, as a second window
    /// does while another writes it. Nothing is written, not even a lock.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        match inspect(path)? {
            Kind::PartnerPath { version } if version > LATEST_VERSION => {
                return Err(StoreError::Newer {
                    path: path.to_path_buf(),
                    found: version,
                    supported: LATEST_VERSION,
                });
            }
            Kind::PartnerPath { version } if version == LATEST_VERSION => {}
            // A file not yet set up or upgraded cannot be read by this
            // program until the window writing it has done so.
            Kind::PartnerPath { .. } | Kind::New => {
                return Err(StoreError::InUse {
                    path: path.to_path_buf(),
                    holder: None,
                });
            }
        }
        let sqlite = |e| StoreError::from_sqlite(path, e);
        let conn = rusqlite::Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite)?;
        conn.busy_timeout(EDIT_WAIT).map_err(sqlite)?;
        Ok(Store {
            conn: Connection::Sqlite(conn),
            path: path.to_path_buf(),
            lock: None,
            server: None,
        })
    }

    /// Whether this store only reads (another window writes the file).
    pub fn is_read_only(&self) -> bool {
        self.lock.is_none() && self.server.is_none()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        match &self.conn {
            Connection::Sqlite(conn) => conn
                .pragma_query_value(None, "user_version", |row| row.get(0))
                .map_err(|e| self.error(e.into())),
            Connection::Postgres(_) => self.server_schema_version(),
        }
    }

    fn error(&self, error: connection::Error) -> StoreError {
        StoreError::from_db(&self.path, error)
    }

    /// Runs `work` in one transaction (a savepoint, so that it can sit
    /// inside a `batch`), committed only if it succeeds.
    fn write<T>(
        &mut self,
        work: impl FnOnce(&Connection) -> connection::Result<T>,
    ) -> Result<T, StoreError> {
        self.conn.transaction(work).map_err(|e| self.error(e))
    }

    /// Runs one statement as its own transaction.
    fn execute(&mut self, sql: &str, params: impl connection::Params) -> Result<(), StoreError> {
        self.write(|conn| conn.execute(sql, params).map(|_| ()))
    }

    /// Runs one statement as its own transaction; says whether it changed
    /// any row.
    fn changes(&mut self, sql: &str, params: impl connection::Params) -> Result<bool, StoreError> {
        self.write(|conn| conn.execute(sql, params).map(|n| n > 0))
    }

    /// Runs many edits as one transaction: all are stored, or none. For
    /// writing large amounts at once (sample data), not for the screens,
    /// whose every edit is stored on its own.
    pub fn batch<T>(
        &mut self,
        work: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        // A file is locked for writing at once, not at the first write.
        let begin = match &self.conn {
            Connection::Sqlite(conn) => conn.execute_batch("BEGIN IMMEDIATE").map_err(Into::into),
            Connection::Postgres(_) => self.conn.begin(),
        };
        begin.map_err(|e| self.error(e))?;
        let end = |conn: &Connection, commit: bool| match (conn, commit) {
            (Connection::Sqlite(conn), true) => conn.execute_batch("COMMIT").map_err(Into::into),
            (Connection::Sqlite(conn), false) => conn.execute_batch("ROLLBACK").map_err(Into::into),
            (Connection::Postgres(_), true) => conn.commit(),
            (Connection::Postgres(_), false) => conn.rollback(),
        };
        match work(self) {
            Ok(value) => {
                end(&self.conn, true).map_err(|e| self.error(e))?;
                Ok(value)
            }
            Err(error) => {
                // The edits are undone; the error that stopped them is the
                // one to report.
                if let Err(rollback) = end(&self.conn, false) {
                    return Err(self.error(rollback));
                }
                Err(error)
            }
        }
    }
}

/// Looks at the file through a read-only connection, so that a file we refuse
/// keeps every byte it had.
fn inspect(path: &Path) -> Result<Kind, StoreError> {
    match std::fs::metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Kind::New),
        Err(error) => {
            return Err(StoreError::CannotOpen {
                path: path.to_path_buf(),
                detail: error.to_string(),
            });
        }
        Ok(meta) if meta.is_dir() => {
            return Err(StoreError::NotPartnerPath {
                path: path.to_path_buf(),
            });
        }
        Ok(meta) if meta.len() == 0 => return Ok(Kind::New),
        Ok(_) => {}
    }
    let sqlite = |e| StoreError::from_sqlite(path, e);
    let conn = rusqlite::Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite)?;
    conn.busy_timeout(OPEN_WAIT).map_err(sqlite)?;
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(sqlite)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(sqlite)?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
        .map_err(sqlite)?;
    if application_id == APPLICATION_ID {
        Ok(Kind::PartnerPath { version })
    } else if application_id == 0 && version == 0 && objects == 0 {
        Ok(Kind::New)
    } else {
        Err(StoreError::NotPartnerPath {
            path: path.to_path_buf(),
        })
    }
}
