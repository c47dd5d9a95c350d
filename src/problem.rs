//! A problem told to the user in plain words: what happened, what to do, and
//! the file concerned, last.
//!
//! The lower crates return typed errors (`StoreError`, `PrintError`); this
//! module words them, knowing what PartnerPath was doing when it happened
//! (`Doing`), so a file that cannot be opened never reads as "your last
//! change was not saved". Menus are named only by the window (`ui/`): these
//! words serve the window and the command line alike.

use std::fmt;
use std::path::PathBuf;

use partnerpath_core::model::Refusal;
use partnerpath_print::PrintError;
use partnerpath_store::{Holder, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What happened, in a sentence or two.
    pub what: String,
    /// What the user can do about it.
    pub what_to_do: String,
    /// The file concerned, if any.
    pub path: Option<PathBuf>,
    /// Where in the window the user can do it, if somewhere.
    pub remedy: Option<Remedy>,
}

/// Something the user can do about a problem, which the window names by its
/// menu entry (`ui::app` words it); the command line has no menus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// Open another PartnerPath file, or start a new one.
    OpenOrNew,
    /// Restore what was deleted.
    RecentlyDeleted,
    /// Export the partnership again.
    ExportAgain,
}

/// What PartnerPath was doing with a file when something went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    /// Opening it (or making it), before any change.
    Opening,
    /// Reading what it holds, changing nothing.
    Reading,
    /// Storing a change.
    Saving,
}

impl Problem {
    /// A problem with no file named.
    pub fn new(what: impl Into<String>, what_to_do: impl Into<String>) -> Problem {
        Problem {
            what: what.into(),
            what_to_do: what_to_do.into(),
            path: None,
            remedy: None,
        }
    }

    /// The same problem, with where in the window to mend it.
    #[must_use]
    pub fn with_remedy(self, remedy: Remedy) -> Problem {
        Problem {
            remedy: Some(remedy),
            ..self
        }
    }

    /// The same problem, naming the file concerned.
    #[must_use]
    pub fn at(self, path: impl Into<PathBuf>) -> Problem {
        Problem {
            path: Some(path.into()),
            ..self
        }
    }

    /// The same problem, with `before` put in front of what happened.
    #[must_use]
    pub fn preceded_by(self, before: &str) -> Problem {
        Problem {
            what: format!("{before} {}", self.what),
            ..self
        }
    }

    /// The same problem, with `then` put after what happened.
    #[must_use]
    pub fn followed_by(self, then: &str) -> Problem {
        Problem {
            what: format!("{} {then}", self.what),
            ..self
        }
    }

    /// A database error while `doing` something with the file.
    pub fn store(error: &StoreError, doing: Doing) -> Problem {
        let (what, what_to_do) = store_words(error, doing);
        let problem = Problem::new(what, what_to_do).at(error.path());
        match error {
            StoreError::NotPartnerPath { .. } => problem.with_remedy(Remedy::OpenOrNew),
            _ => problem,
        }
    }
}

/// What went wrong and what to do, for a database error while `doing`.
fn store_words(error: &StoreError, doing: Doing) -> (String, String) {
    let not_changed = match doing {
        Doing::Saving => "Your last change was not saved.",
        Doing::Opening | Doing::Reading => "Nothing was changed.",
    };
    let reach = match doing {
        Doing::Opening => "open",
        Doing::Reading => "read",
        Doing::Saving => "save to",
    };
    if let Some(words) = server_words(error, not_changed) {
        return words;
    }
    match error {
        StoreError::Newer {
            found, supported, ..
        } => (
            format!(
                "This file was made by a newer version of PartnerPath (database version {found}; this program reads up to version {supported}). It has not been changed."
            ),
            "Install the newest PartnerPath to open it.".to_owned(),
        ),
        StoreError::NotPartnerPath { .. } => (
            "This file is not a PartnerPath database. It has not been changed.".to_owned(),
            "Choose a PartnerPath file, or start a new one.".to_owned(),
        ),
        StoreError::ReadOnly { .. } => (
            format!(
                "PartnerPath cannot {reach} this file: the file or its folder is read-only. {not_changed}"
            ),
            "Copy the file into a folder you can write to (for example Documents) and open the copy."
                .to_owned(),
        ),
        StoreError::DiskFull { .. } => match doing {
            Doing::Saving => (
                "The disk is full, so your last change was not saved. Everything saved before it is safe.".to_owned(),
                "Free some space on the disk, then make the change again.".to_owned(),
            ),
            Doing::Opening | Doing::Reading => (
                format!("The disk is full, so PartnerPath could not {reach} this file. Nothing was changed."),
                "Free some space on the disk, then open the file again.".to_owned(),
            ),
        },
        StoreError::Damaged { .. } => (
            "This database file is damaged and cannot be read safely. It has not been changed."
                .to_owned(),
            "Open a backup copy of the file, or ask your IT support to recover it.".to_owned(),
        ),
        StoreError::CannotOpen { detail, .. } => (
            format!("PartnerPath could not {reach} this file ({detail}). {not_changed}"),
            "Check that the file and its folder exist and that you may open them, then try again."
                .to_owned(),
        ),
        StoreError::Busy { .. } => match doing {
            Doing::Saving => (
                "Another program is using this file right now, so the change was not saved.".to_owned(),
                "Close the other program (or the other PartnerPath window), then make the change again.".to_owned(),
            ),
            Doing::Opening | Doing::Reading => (
                format!("Another program is using this file right now, so PartnerPath could not {reach} it. Nothing was changed."),
                "Close the other program (or the other PartnerPath window), then try again.".to_owned(),
            ),
        },
        StoreError::BusyAtOpen { .. } => (
            "Another program (not PartnerPath) had this file locked, so PartnerPath could not open it. Nothing was changed.".to_owned(),
            "Close the other program that uses the file (a database viewer, a backup or sync tool), then open the file again.".to_owned(),
        ),
        StoreError::InUse { holder, .. } => (
            format!(
                "This file is open {} and could not be shown here. Nothing was changed.",
                where_open(holder.as_ref())
            ),
            "Close the file there, then open it again.".to_owned(),
        ),
        // Said by `server_words`; here only to name every error.
        StoreError::SignIn { .. }
        | StoreError::Certificate { .. }
        | StoreError::OldServer { .. }
        | StoreError::NotSetUp { .. }
        | StoreError::OlderServerSchema { .. }
        | StoreError::NoAccount { .. }
        | StoreError::NotAllowed { .. }
        | StoreError::Conflict { .. } => (error.to_string(), String::new()),
        StoreError::Other { detail, .. } => (
            match doing {
                Doing::Opening => format!("Something went wrong opening the database: {detail}. Nothing was changed."),
                Doing::Reading => format!("Something went wrong reading the database: {detail}. Nothing was changed."),
                Doing::Saving => format!("Something went wrong with the database: {detail}. Your last change was not saved."),
            },
            "Try again; if it keeps happening, keep a copy of the file and contact support.".to_owned(),
        ),
    }
}

/// Why a server's certificate was refused, in words, from rustls's own
/// ("invalid peer certificate: certificate not valid for name …").
fn certificate_fault(detail: &str) -> &'static str {
    let said = |words: &[&str]| words.iter().any(|w| detail.contains(w));
    if said(&["not valid for name", "NotValidForName"]) {
        "is for another name than the one typed"
    } else if said(&["unknown issuer", "UnknownIssuer", "CaUsedAsEndEntity"]) {
        "was not issued by an authority this computer trusts"
    } else if said(&["expired", "Expired"]) {
        "has expired"
    } else if said(&["revoked", "Revoked"]) {
        "was revoked"
    } else {
        "could not be checked"
    }
}

/// What went wrong with a database on a server, if it was one.
fn server_words(error: &StoreError, not_changed: &str) -> Option<(String, String)> {
    Some(match error {
        StoreError::Newer {
            found, supported, ..
        } if error.is_on_server() => (
            format!(
                "The database on the server was set up by a newer version of PartnerPath (version {found}; this program works with version {supported}). Nothing was changed."
            ),
            "Install the newest PartnerPath to use it.".to_owned(),
        ),
        StoreError::NotPartnerPath { .. } if error.is_on_server() => (
            "This database on the server holds another program's tables, not PartnerPath's. Nothing was changed.".to_owned(),
            "Check the database name with your IT support: PartnerPath needs a database of its own.".to_owned(),
        ),
        StoreError::SignIn { .. } => (
            format!("The server did not accept the user name or password. {not_changed}"),
            "Check the user name and type the password again; your IT support can reset it."
                .to_owned(),
        ),
        StoreError::Certificate { detail, .. } => (
            format!(
                "PartnerPath did not connect: the server's certificate {}, so it may not be the district's server. Nothing was sent to it, not even the password, and nothing was changed.",
                certificate_fault(detail)
            ),
            "Check the server's name with your IT support. If the district signs its own certificates, IT gives the address with its certificate authority's file (sslrootcert; docs/SERVER.md, TLS).".to_owned(),
        ),
        StoreError::OldServer { found, .. } => (
            format!(
                "The server runs PostgreSQL {found}, which is too old for PartnerPath (it needs version 13 or newer). Nothing was changed."
            ),
            "Ask your IT support to upgrade the server (docs/SERVER.md says how).".to_owned(),
        ),
        StoreError::NotSetUp { .. } => (
            "PartnerPath is not set up in this database on the server yet. Nothing was changed.".to_owned(),
            "Ask your IT support to run \"partnerpath server init\" for it (docs/SERVER.md).".to_owned(),
        ),
        StoreError::OlderServerSchema { found, .. } => (
            format!(
                "The database on the server was set up by an older PartnerPath (version {found}) and must be upgraded first. Nothing was changed."
            ),
            "Ask your IT support to run \"partnerpath server migrate\" (docs/SERVER.md).".to_owned(),
        ),
        StoreError::NoAccount { user, .. } => (
            format!("The server knows {user}, but {user} has no PartnerPath account in this database. Nothing was changed."),
            "Ask your IT support to give you one (partnerpath server add-user).".to_owned(),
        ),
        StoreError::NotAllowed { .. } => (
            format!("Your account on the server may not make this change (it may only view, or the partnership is another district's). {not_changed}"),
            "Ask your district's PartnerPath administrator if you need to change it.".to_owned(),
        ),
        StoreError::Conflict { conflict, .. } => (
            format!(
                "{} changed the same field a moment ago, so your change was not saved.",
                conflict.who
            ),
            "The screen shows their change now; make yours again if it should replace it."
                .to_owned(),
        ),
        StoreError::CannotOpen { detail, .. } if error.is_on_server() => (
            format!("PartnerPath could not reach the server ({detail}). {not_changed}"),
            "Check the address, and that this computer is on the district's network, then try again."
                .to_owned(),
        ),
        StoreError::Newer { .. }
        | StoreError::NotPartnerPath { .. }
        | StoreError::CannotOpen { .. }
        | StoreError::ReadOnly { .. }
        | StoreError::DiskFull { .. }
        | StoreError::Damaged { .. }
        | StoreError::Busy { .. }
        | StoreError::BusyAtOpen { .. }
        | StoreError::InUse { .. }
        | StoreError::Other { .. } => return None,
    })
}

/// Where a file is open, in words: "in PartnerPath on LAPTOP-12 (jlee)
/// since 28 November 2026 at 10:42", or "in another PartnerPath window"
/// when its lock file does not say who holds it.
pub fn where_open(holder: Option<&Holder>) -> String {
    let Some(holder) = holder else {
        return "in another PartnerPath window".to_owned();
    };
    let since = holder
        .since
        .to_zoned(jiff::tz::TimeZone::system())
        .strftime("%-d %B %Y at %H:%M");
    if holder.is_this_program() {
        format!("in another window of this PartnerPath since {since}")
    } else if holder.user.is_empty() {
        format!("in PartnerPath on {} since {since}", holder.host)
    } else {
        format!(
            "in PartnerPath on {} ({}) since {since}",
            holder.host, holder.user
        )
    }
}

impl From<&PrintError> for Problem {
    fn from(error: &PrintError) -> Problem {
        Problem::new(
            format!("PartnerPath could not make the PDF ({error})."),
            "Nothing was written. Please report this, with the tool you were printing.",
        )
    }
}

impl From<PrintError> for Problem {
    fn from(error: PrintError) -> Problem {
        Problem::from(&error)
    }
}

impl From<Refusal> for Problem {
    fn from(refusal: Refusal) -> Problem {
        Problem::new(refusal.what, refusal.what_to_do)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.what, self.what_to_do)?;
        if let Some(path) = &self.path {
            write!(f, " File: {}", path.display())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// rustls's words for each refusal, as its versions write them, and an
    /// old server, which no server the tests can start is (Debian 12 has
    /// PostgreSQL 15 only).
    #[test]
    fn a_refused_certificate_and_an_old_server_are_said_in_words() {
        for (detail, words) in [
            (
                "error performing TLS handshake: invalid peer certificate: certificate not valid for name \"10.0.0.9\"",
                "is for another name than the one typed",
            ),
            (
                "invalid peer certificate: UnknownIssuer",
                "was not issued by an authority this computer trusts",
            ),
            (
                "invalid peer certificate: unknown issuer",
                "was not issued by an authority this computer trusts",
            ),
            (
                "invalid peer certificate: certificate expired",
                "has expired",
            ),
            (
                "invalid peer certificate: BadEncoding",
                "could not be checked",
            ),
        ] {
            let error = StoreError::Certificate {
                path: PathBuf::from("postgres://jo@db.district.org:5432/pp"),
                detail: detail.to_owned(),
            };
            let problem = Problem::store(&error, Doing::Opening);
            assert!(problem.what.contains(words), "{detail}: {}", problem.what);
            assert!(problem.what.contains("not even the password"));
        }
        let old = StoreError::OldServer {
            path: PathBuf::from("postgres://jo@db.district.org:5432/pp"),
            found: 12,
        };
        let problem = Problem::store(&old, Doing::Opening);
        assert!(
            problem.what.contains("PostgreSQL 12, which is too old"),
            "{}",
            problem.what
        );
        assert!(problem.what.contains("Nothing was changed"));
    }

    #[test]
    fn opening_a_read_only_file_does_not_speak_of_a_lost_change() {
        let error = StoreError::ReadOnly {
            path: PathBuf::from("/tmp/x.sqlite"),
        };
        let opening = Problem::store(&error, Doing::Opening);
        assert!(!opening.what.contains("last change"), "{}", opening.what);
        assert!(opening.what.contains("Nothing was changed."));
        let saving = Problem::store(&error, Doing::Saving);
        assert!(saving.what.contains("Your last change was not saved."));
        assert_eq!(saving.path.as_deref(), Some(error.path()));
    }

    #[test]
    fn a_database_error_while_reading_says_reading() {
        let error = StoreError::Other {
            path: PathBuf::from("x.sqlite"),
            detail: "disk I/O error".into(),
        };
        let reading = Problem::store(&error, Doing::Reading);
        assert!(reading.what.contains("reading the database"));
        assert!(!reading.what.contains("last change"));
    }

    #[test]
    fn no_store_words_name_a_menu() {
        let path = PathBuf::from("x.sqlite");
        let errors = [
            StoreError::NotPartnerPath { path: path.clone() },
            StoreError::ReadOnly { path: path.clone() },
            StoreError::DiskFull { path: path.clone() },
            StoreError::Busy { path: path.clone() },
            StoreError::BusyAtOpen { path: path.clone() },
            StoreError::InUse { path, holder: None },
        ];
        for error in &errors {
            for doing in [Doing::Opening, Doing::Reading, Doing::Saving] {
                let problem = Problem::store(error, doing);
                assert!(!problem.to_string().contains(" > "), "{problem}");
            }
        }
    }
}
