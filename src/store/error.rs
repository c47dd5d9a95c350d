//! What can go wrong with a database file, and how to tell the user.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;
use thiserror::Error;

use super::Holder;
use crate::problem::Problem;

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
    #[error("{path}: {detail}")]
    Other { path: PathBuf, detail: String },
}

impl StoreError {
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

    /// The problem in plain words, for the window.
    pub fn problem(&self) -> Problem {
        let (what, what_to_do, path) = match self {
            StoreError::Newer {
                path,
                found,
                supported,
            } => (
                format!(
                    "This file was made by a newer version of PartnerPath (database version {found}; this program reads up to version {supported}). It has not been changed."
                ),
                "Install the newest PartnerPath to open it.".to_owned(),
                path,
            ),
            StoreError::NotPartnerPath { path } => (
                "This file is not a PartnerPath database. It has not been changed.".to_owned(),
                "Choose a PartnerPath file with File > Open…, or start a new one with File > New…".to_owned(),
                path,
            ),
            StoreError::ReadOnly { path } => (
                "PartnerPath cannot save to this file: the file or its folder is read-only. Your last change was not saved.".to_owned(),
                "Copy the file into a folder you can write to (for example Documents) and open the copy.".to_owned(),
                path,
            ),
            StoreError::DiskFull { path } => (
                "The disk is full, so your last change was not saved. Everything saved before it is safe.".to_owned(),
                "Free some space on the disk, then make the change again.".to_owned(),
                path,
            ),
            StoreError::Damaged { path, .. } => (
                "This database file is damaged and cannot be read safely. It has not been changed.".to_owned(),
                "Open a backup copy of the file, or ask your IT support to recover it.".to_owned(),
                path,
            ),
            StoreError::CannotOpen { path, detail } => (
                format!("PartnerPath could not open this file ({detail})."),
                "Check that the file and its folder exist and that you may open them, then try again.".to_owned(),
                path,
            ),
            StoreError::Busy { path } => (
                "Another program is using this file right now, so the change was not saved.".to_owned(),
                "Close the other program (or the other PartnerPath window), then make the change again.".to_owned(),
                path,
            ),
            StoreError::BusyAtOpen { path } => (
                "Another program (not PartnerPath) had this file locked, so PartnerPath could not open it. Nothing was changed.".to_owned(),
                "Close the other program that uses the file (a database viewer, a backup or sync tool), then open the file again.".to_owned(),
                path,
            ),
            StoreError::InUse { path, holder } => (
                format!(
                    "This file is open {} and could not be shown here. Nothing was changed.",
                    Holder::where_open(holder.as_ref())
                ),
                "Close the file there, then open it again.".to_owned(),
                path,
            ),
            StoreError::Other { path, detail } => (
                format!("Something went wrong with the database: {detail}. Your last change was not saved."),
                "Try again; if it keeps happening, keep a copy of the file and contact support.".to_owned(),
                path,
            ),
        };
        Problem {
            what,
            what_to_do,
            path: Some(path.clone()),
        }
    }
}
