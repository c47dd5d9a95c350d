//! One writer per file. Beside `name.sqlite`, the window that writes holds
//! `name.sqlite.lock` open and locked, with a line saying who holds it and
//! since when. A second window, on this laptop or on another one through a
//! network share, finds the lock taken and opens the file read-only.
//!
//! The operating system lets go of the lock when the program ends, however it
//! ends: a lock file left by a program that crashed is simply taken again.
//! On Windows the lock is the file opened without sharing for writing; on
//! other systems it is an advisory lock (`flock`) on the file.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// Who holds a file open for writing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    /// The computer's name.
    pub host: String,
    /// The user signed in there.
    pub user: String,
    /// The program's process id on that computer.
    pub pid: u32,
    /// When it opened the file.
    pub since: jiff::Timestamp,
}

/// The user signed in to this computer, as the system names them (empty
/// when the system does not say).
pub(crate) fn computer_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_default()
}

/// Who a file's history of changes names as making them: the computer's
/// user.
pub fn history_writer() -> String {
    let who = computer_user();
    if who.is_empty() {
        "this computer's user".to_owned()
    } else {
        who
    }
}

impl Holder {
    fn me() -> Holder {
        Holder {
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            user: computer_user(),
            pid: std::process::id(),
            since: jiff::Timestamp::now(),
        }
    }

    /// Whether this holder is this very program (the same file opened twice).
    pub fn is_this_program(&self) -> bool {
        self.pid == std::process::id() && self.host == gethostname::gethostname().to_string_lossy()
    }
}

/// The lock held while a file is open for writing; let go when dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// What trying to take the lock found.
pub enum Taken {
    Mine(Lock),
    /// Someone else writes the file; who, if their lock file says.
    Held(Option<Holder>),
}

/// The lock file of the database at `path`.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// How long a lock this very program holds is waited for. A program that
/// starts another (the command line's tests, a viewer) lends it, for the
/// moment between starting it and the other program's own start, a copy
/// of every file it has open; a lock let go meanwhile stays taken by that
/// copy until then.
const OWN_LOCK_WAIT: Duration = Duration::from_millis(500);

/// Tries to take the lock of the database at `path`. Held by another
/// program, it does not wait; held by this one, it waits a moment (see
/// `OWN_LOCK_WAIT`).
pub fn take(path: &Path) -> io::Result<Taken> {
    let lock_path = lock_path(path);
    let started = Instant::now();
    let mut file = loop {
        if let Some(file) = acquire(&lock_path)? {
            break file;
        }
        let holder = holder(&lock_path);
        if holder.as_ref().is_some_and(Holder::is_this_program) && started.elapsed() < OWN_LOCK_WAIT
        {
            std::thread::sleep(Duration::from_millis(10));
            continue;
        }
        return Ok(Taken::Held(holder));
    };
    // Who holds it, for the other windows' banner. The lock is ours even if
    // this line cannot be written.
    if let Ok(line) = serde_json::to_string(&Holder::me()) {
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(line.as_bytes()))
            .and_then(|()| file.flush());
    }
    Ok(Taken::Mine(Lock { _file: file }))
}

/// Reads who holds the lock at `lock_path`, if the file says.
fn holder(lock_path: &Path) -> Option<Holder> {
    let mut text = String::new();
    File::open(lock_path)
        .ok()?
        .take(4096)
        .read_to_string(&mut text)
        .ok()?;
    serde_json::from_str(&text).ok()
}

#[cfg(not(windows))]
fn acquire(lock_path: &Path) -> io::Result<Option<File>> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(lock_path)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(error)) => Err(error),
    }
}

#[cfg(windows)]
fn acquire(lock_path: &Path) -> io::Result<Option<File>> {
    use std::os::windows::fs::OpenOptionsExt;
    /// Others may read the file (to see who holds it), not write it.
    const FILE_SHARE_READ: u32 = 0x1;
    /// Another program has the file open for writing.
    const ERROR_SHARING_VIOLATION: i32 = 32;
    match OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .share_mode(FILE_SHARE_READ)
        .open(lock_path)
    {
        Ok(file) => Ok(Some(file)),
        Err(error) if error.raw_os_error() == Some(ERROR_SHARING_VIOLATION) => Ok(None),
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_finds_the_first_and_takes_it_once_let_go() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("p.sqlite");
        let Ok(Taken::Mine(first)) = take(&db) else {
            panic!("the first takes the lock");
        };
        match take(&db).expect("try") {
            Taken::Held(Some(holder)) => assert!(holder.is_this_program()),
            Taken::Held(None) => panic!("the holder is written in the lock file"),
            Taken::Mine(_) => panic!("a second writer was let in"),
        }
        drop(first);
        assert!(matches!(take(&db), Ok(Taken::Mine(_))));
    }

    #[test]
    fn a_lock_this_program_lets_go_of_a_moment_later_is_taken() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("p.sqlite");
        let Ok(Taken::Mine(first)) = take(&db) else {
            panic!("the first takes the lock");
        };
        let letting_go = std::thread::Builder::new()
            .name("lets go".into())
            .spawn(move || {
                std::thread::sleep(Duration::from_millis(100));
                drop(first);
            })
            .expect("thread");
        assert!(
            matches!(take(&db), Ok(Taken::Mine(_))),
            "waited for the copy to be let go"
        );
        letting_go.join().expect("joined");
    }
}
