//! Backups without thinking: copies of a database file, taken with SQLite's
//! online backup API into PartnerPath's data folder (one sub-folder per
//! file). A copy is taken when a file is opened (at most once a day), and
//! always before an upgrade, an import or a restore. The newest copies of
//! the last 7 days and of the last 8 weeks are kept, and every copy of the
//! last 24 hours.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{Kind, LATEST_VERSION, Store, StoreError, inspect, migrations};

/// Why a backup was taken; the end of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// When the file was opened, the first time that day.
    Daily,
    BeforeUpgrade,
    BeforeImport,
    BeforeRestore,
}

impl Reason {
    const ALL: [Reason; 4] = [
        Reason::Daily,
        Reason::BeforeUpgrade,
        Reason::BeforeImport,
        Reason::BeforeRestore,
    ];

    fn code(self) -> &'static str {
        match self {
            Reason::Daily => "daily",
            Reason::BeforeUpgrade => "before-upgrade",
            Reason::BeforeImport => "before-import",
            Reason::BeforeRestore => "before-restore",
        }
    }

    /// In words, for the list of backups.
    pub fn label(self) -> &'static str {
        match self {
            Reason::Daily => "Opened that day",
            Reason::BeforeUpgrade => "Before an upgrade of PartnerPath",
            Reason::BeforeImport => "Before an import",
            Reason::BeforeRestore => "Before a restore",
        }
    }
}

/// One backup copy of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub path: PathBuf,
    pub taken_at: jiff::Timestamp,
    pub reason: Reason,
    /// What it holds (deleted ones not counted); `None` when it could not be
    /// read.
    pub partnerships: Option<usize>,
    pub cycles: Option<usize>,
}

/// The backups of one database file.
#[derive(Debug, Clone)]
pub struct Backups {
    folder: PathBuf,
}

/// How a backup's file name spells the moment it was taken, in UTC to the
/// millisecond, followed by `Z-` and the reason.
const STAMP: &str = "%Y%m%dT%H%M%S%.3f";

impl Backups {
    /// The backups of the database at `file`, in a sub-folder of `root`
    /// named after the file and its full path (two files called
    /// `partnerpath.sqlite` in different folders keep apart).
    pub fn for_file(root: &Path, file: &Path) -> Backups {
        // The full path, the same before the file exists (a new file) as
        // after.
        let full = std::fs::canonicalize(file)
            .or_else(|_| {
                let parent = file
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                std::fs::canonicalize(parent).map(|p| p.join(file.file_name().unwrap_or_default()))
            })
            .unwrap_or_else(|_| file.to_path_buf());
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tag = fnv1a(full.to_string_lossy().as_bytes());
        Backups {
            folder: root.join(format!("{stem}-{tag:016x}")),
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Copies the database open on `conn` into a new backup file. The copy
    /// appears whole or not at all.
    pub(super) fn take(
        &self,
        conn: &Connection,
        db: &Path,
        reason: Reason,
    ) -> Result<PathBuf, StoreError> {
        std::fs::create_dir_all(&self.folder).map_err(|e| StoreError::from_io(&self.folder, &e))?;
        let stamp = jiff::Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .strftime(STAMP)
            .to_string();
        let mut path = self
            .folder
            .join(format!("{stamp}Z-{}.sqlite", reason.code()));
        let mut n = 1;
        while path.exists() {
            n += 1;
            path = self
                .folder
                .join(format!("{stamp}Z-{}-{n}.sqlite", reason.code()));
        }
        let partial = path.with_extension("partial");
        let copied = conn
            .backup(rusqlite::MAIN_DB, &partial, None)
            .map_err(|e| StoreError::from_sqlite(db, e))
            .and_then(|()| {
                std::fs::rename(&partial, &path).map_err(|e| StoreError::from_io(&path, &e))
            });
        if let Err(error) = copied {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
        Ok(path)
    }

    /// Every backup, newest first, with what each holds.
    pub fn list(&self) -> Vec<Backup> {
        let mut backups: Vec<Backup> = self
            .files()
            .into_iter()
            .map(|(path, taken_at, reason)| {
                let (partnerships, cycles) =
                    count(&path).map_or((None, None), |(p, c)| (Some(p), Some(c)));
                Backup {
                    path,
                    taken_at,
                    reason,
                    partnerships,
                    cycles,
                }
            })
            .collect();
        backups.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.path.cmp(&a.path)));
        backups
    }

    /// The backup files by name, without opening them.
    fn files(&self) -> Vec<(PathBuf, jiff::Timestamp, Reason)> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let path = entry.path();
                let name = path.file_name()?.to_str()?.strip_suffix(".sqlite")?;
                let (stamp, rest) = name.split_once('Z')?;
                let taken_at = jiff::fmt::strtime::parse(STAMP, stamp)
                    .ok()?
                    .to_datetime()
                    .ok()?
                    .to_zoned(jiff::tz::TimeZone::UTC)
                    .ok()?
                    .timestamp();
                let rest = rest.strip_prefix('-')?;
                let reason = Reason::ALL
                    .into_iter()
                    .find(|r| rest == r.code() || rest.starts_with(&format!("{}-", r.code())))?;
                Some((path, taken_at, reason))
            })
            .collect()
    }

    /// Whether a backup was taken on the local calendar day of `now`.
    fn has_one_on(&self, now: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> bool {
        let today = now.to_zoned(tz.clone()).date();
        self.files()
            .iter()
            .any(|(_, taken, _)| taken.to_zoned(tz.clone()).date() == today)
    }

    /// Removes the backups no longer kept: every copy of the last 24 hours
    /// stays, and the newest copy of each of the 7 latest days and of each of
    /// the 8 latest weeks that have one.
    pub fn prune(&self, now: jiff::Timestamp, tz: &jiff::tz::TimeZone) {
        let mut files = self.files();
        files.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        let keep = kept(
            &files.iter().map(|(_, t, _)| *t).collect::<Vec<_>>(),
            now,
            tz,
        );
        for (i, (path, _, _)) in files.iter().enumerate() {
            if !keep.contains(&i) {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

/// Which of `taken` (newest first) the retention rule keeps, by index.
fn kept(
    taken: &[jiff::Timestamp],
    now: jiff::Timestamp,
    tz: &jiff::tz::TimeZone,
) -> BTreeSet<usize> {
    let mut keep = BTreeSet::new();
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    for (i, t) in taken.iter().enumerate() {
        if now.duration_since(*t) <= jiff::SignedDuration::from_hours(24) {
            keep.insert(i);
        }
        let date = t.to_zoned(tz.clone()).date();
        if !days.contains(&date) && days.len() < 7 {
            days.push(date);
            keep.insert(i);
        }
        let week = date.iso_week_date();
        let week = (week.year(), week.week());
        if !weeks.contains(&week) && weeks.len() < 8 {
            weeks.push(week);
            keep.insert(i);
        }
    }
    keep
}

/// How many partnerships and cycles a backup file holds (not counting
/// deleted ones, in files that know deletion).
fn count(path: &Path) -> Option<(usize, usize)> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    let number = |sql: &str| -> Option<usize> {
        conn.query_row(sql, [], |row| row.get::<_, i64>(0))
            .ok()
            .and_then(|n| usize::try_from(n).ok())
    };
    let partnerships = number("SELECT count(*) FROM partnerships WHERE deleted_at IS NULL")
        .or_else(|| number("SELECT count(*) FROM partnerships"))?;
    let cycles = number(
        "SELECT count(*) FROM cycles c JOIN partnerships p ON p.id = c.partnership_id
         WHERE c.deleted_at IS NULL AND p.deleted_at IS NULL",
    )
    .or_else(|| number("SELECT count(*) FROM cycles"))?;
    Some((partnerships, cycles))
}

/// FNV-1a, 64 bits: a short tag for a path that stays the same from one
/// version of the program to the next (the standard library's hasher may
/// change).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Store {
    /// Takes a backup now.
    pub fn back_up(&self, backups: &Backups, reason: Reason) -> Result<PathBuf, StoreError> {
        backups.take(self.sqlite()?, &self.path, reason)
    }

    /// The file's own connection: a server's database is backed up by its
    /// administrators (docs/SERVER.md), not by this program.
    fn sqlite(&self) -> Result<&Connection, StoreError> {
        self.conn.sqlite().ok_or_else(|| StoreError::Other {
            path: self.path.clone(),
            detail: "a database on a server is backed up on the server".to_owned(),
        })
    }

    /// Takes the day's backup if none was taken today, and lets go of the
    /// backups no longer kept. Says whether one was taken.
    pub fn back_up_daily(&self, backups: &Backups) -> Result<bool, StoreError> {
        let now = jiff::Timestamp::now();
        let tz = jiff::tz::TimeZone::system();
        if backups.has_one_on(now, &tz) {
            return Ok(false);
        }
        self.back_up(backups, Reason::Daily)?;
        backups.prune(now, &tz);
        Ok(true)
    }

    /// Puts the file back as it was in `backup`, after backing up what it
    /// holds now (so that the restore can itself be undone).
    pub fn restore(&mut self, backups: &Backups, backup: &Path) -> Result<(), StoreError> {
        match inspect(backup)? {
            Kind::PartnerPath { version } if version <= LATEST_VERSION => {}
            Kind::PartnerPath { version } => {
                return Err(StoreError::Newer {
                    path: backup.to_path_buf(),
                    found: version,
                    supported: LATEST_VERSION,
                });
            }
            Kind::New => {
                return Err(StoreError::NotPartnerPath {
                    path: backup.to_path_buf(),
                });
            }
        }
        let source = Connection::open_with_flags(
            backup,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::from_sqlite(backup, e))?;
        self.back_up(backups, Reason::BeforeRestore)?;
        let path = self.path.clone();
        let sqlite = |e| StoreError::from_sqlite(&path, e);
        let conn = self.conn.sqlite_mut().ok_or_else(|| StoreError::Other {
            path: path.clone(),
            detail: "a database on a server is restored on the server".to_owned(),
        })?;
        {
            let copy = rusqlite::backup::Backup::new(&source, conn).map_err(sqlite)?;
            copy.run_to_completion(100, std::time::Duration::ZERO, None)
                .map_err(sqlite)?;
        }
        // A backup taken before an upgrade is upgraded again.
        migrations::migrations()
            .to_latest(conn)
            .map_err(|error| match error {
                rusqlite_migration::Error::RusqliteError { err, .. } => {
                    StoreError::from_sqlite(&path, err)
                }
                other => StoreError::Other {
                    path: path.clone(),
                    detail: other.to_string(),
                },
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> jiff::Timestamp {
        text.parse().expect("timestamp")
    }

    #[test]
    fn keeps_the_last_day_whole_then_one_a_day_for_7_days_and_one_a_week_for_8_weeks() {
        let now = at("2026-11-28T12:00:00Z");
        let tz = jiff::tz::TimeZone::UTC;
        // Three copies a day for 100 days, newest first.
        let taken: Vec<jiff::Timestamp> = (0..300)
            .map(|i| now - jiff::SignedDuration::from_hours(8 * i + 1))
            .collect();
        let keep = kept(&taken, now, &tz);
        let last_day = taken
            .iter()
            .filter(|t| now.duration_since(**t) <= jiff::SignedDuration::from_hours(24))
            .count();
        assert_eq!(last_day, 3);
        // 3 in the last day (2 of them today), 6 more days, 8 weeks of which
        // the first 2 are already in.
        assert!(keep.len() >= 7 + 6 && keep.len() <= 3 + 6 + 8, "{keep:?}");
        let oldest = keep.iter().max().map(|i| taken[*i]).expect("some");
        assert!(now.duration_since(oldest) < jiff::SignedDuration::from_hours(24 * 7 * 9));
        assert!(now.duration_since(oldest) > jiff::SignedDuration::from_hours(24 * 7 * 6));
    }

    #[test]
    fn a_file_keeps_its_backup_folder_from_before_it_exists() {
        let dir = tempfile::tempdir().expect("dir");
        let root = dir.path().join("backups");
        std::fs::create_dir(dir.path().join("sub")).expect("sub");
        // Named the long way round, as a command line may name it.
        let file = dir.path().join("sub").join("..").join("new.sqlite");
        let before = Backups::for_file(&root, &file);
        std::fs::write(&file, b"").expect("create");
        let after = Backups::for_file(&root, &file);
        assert_eq!(before.folder(), after.folder());
    }

    #[test]
    fn the_folder_tag_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
