//! What can go wrong with a database file, as a typed error: the app words
//! it for the user (`partnerpath::problem`), knowing what was being done.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;
use thiserror::Error;

use super::Holder;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path}: database version {found} is newer than this program's {supported}")]
    Newer {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path}: not a PartnerPath database")]
    NotPartnerPath { path: PathBuf },
    #[error("{path}: the file or its folder is read-only")]
    ReadOnly { path: PathBuf },
    #[error("{path}: the disk is full")]
    DiskFull { path: PathBuf },
    #[error("{path}: the database is damaged ({detail})")]
    Damaged { path: PathBuf, detail: String },
    #[error("{path}: the file could not be opened ({detail})")]
    CannotOpen { path: PathBuf, detail: String },
    #[error("{path}: another program is using the file")]
    Busy { path: PathBuf },
    #[error("{path}: another program held the file locked when it was opened")]
    BusyAtOpen { path: PathBuf },
    #[error("{path}: another PartnerPath window is writing the file")]
    InUse {
        path: PathBuf,
        holder: Option<Holder>,
    },
    #[error("{path}: the user name or password was not accepted ({detail})")]
    SignIn { path: PathBuf, detail: String },
    /// The server's certificate was refused, before anything was sent.
    #[error("{path}: the server's certificate was refused ({detail})")]
    Certificate { path: PathBuf, detail: String },
    #[error("{path}: the server runs PostgreSQL {found}, older than PartnerPath needs")]
    OldServer { path: PathBuf, found: i64 },
    #[error("{path}: PartnerPath is not set up in this database")]
    NotSetUp { path: PathBuf },
    #[error("{path}: the database was set up by an older PartnerPath (version {found})")]
    OlderServerSchema { path: PathBuf, found: i64 },
    #[error("{path}: {user} has no PartnerPath account in this database")]
    NoAccount { path: PathBuf, user: String },
    #[error("{path}: not allowed ({detail})")]
    NotAllowed { path: PathBuf, detail: String },
    #[error("{path}: {} changed the same field meanwhile", conflict.who)]
    Conflict {
        path: PathBuf,
        conflict: Box<partnerpath_core::model::Conflict>,
    },
    #[error("{path}: {detail}")]
    Other { path: PathBuf, detail: String },
}

impl StoreError {
    /// The file concerned.
    pub fn path(&self) -> &Path {
        match self {
            StoreError::Newer { path, .. }
            | StoreError::NotPartnerPath { path }
            | StoreError::ReadOnly { path }
            | StoreError::DiskFull { path }
            | StoreError::Damaged { path, .. }
            | StoreError::CannotOpen { path, .. }
            | StoreError::Busy { path }
            | StoreError::BusyAtOpen { path }
            | StoreError::InUse { path, .. }
            | StoreError::SignIn { path, .. }
            | StoreError::Certificate { path, .. }
            | StoreError::OldServer { path, .. }
            | StoreError::NotSetUp { path }
            | StoreError::OlderServerSchema { path, .. }
            | StoreError::NoAccount { path, .. }
            | StoreError::NotAllowed { path, .. }
            | StoreError::Conflict { path, .. }
            | StoreError::Other { path, .. } => path,
        }
    }

    /// Whether it concerns a database on a server (whose address, not a
    /// file's path, is `path`).
    pub fn is_on_server(&self) -> bool {
        self.path().to_string_lossy().starts_with("postgres://")
    }

    /// Classifies a failed statement on the database at `path` (a file, or
    /// a server's address).
    pub(crate) fn from_db(path: &Path, error: crate::connection::Error) -> StoreError {
        use crate::connection::Error;
        match error {
            Error::Sqlite(error) => StoreError::from_sqlite(path, error),
            Error::Postgres(error) => {
                let path = path.to_path_buf();
                match error.as_db_error() {
                    // insufficient_privilege: a viewer's edit, or a row
                    // outside the user's district.
                    Some(db) if db.code().code() == "42501" => StoreError::NotAllowed {
                        path,
                        detail: db.message().to_owned(),
                    },
                    Some(db) => StoreError::Other {
                        path,
                        detail: db.message().to_owned(),
                    },
                    None => StoreError::Other {
                        path,
                        detail: error.to_string(),
                    },
                }
            }
            Error::NoRows | Error::Value(_) => StoreError::Other {
                path: path.to_path_buf(),
                detail: error.to_string(),
            },
        }
    }

    /// Classifies a SQLite error on the file at `path`.
    #[expect(
        clippy::needless_pass_by_value,
        reason = "called from map_err, which hands the error over"
    )]
    pub(crate) fn from_sqlite(path: &Path, error: rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        let code = match &error {
            rusqlite::Error::SqliteFailure(failure, _) => Some(failure.code),
            _ => None,
        };
        match code {
            Some(ErrorCode::NotADatabase) => StoreError::NotPartnerPath { path },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
                path,
                detail: error.to_string(),
            },
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => StoreError::CannotOpen {
                path,
                detail: error.to_string(),
            },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy { path },
            _ => StoreError::Other {
                path,
                detail: error.to_string(),
            },
        }
    }

    /// Classifies a failure to read or write a file beside the database
    /// (its lock file, a backup) at `path`.
    pub(crate) fn from_io(path: &Path, error: &std::io::Error) -> StoreError {
        use std::io::ErrorKind;
        let path = path.to_path_buf();
        match error.kind() {
            ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
                StoreError::ReadOnly { path }
            }
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => StoreError::DiskFull { path },
            _ => StoreError::CannotOpen {
                path,
                detail: error.to_string(),
            },
        }
    }
}
