//! Attaching evidence: files read and fingerprinted on a thread of their
//! own (so that the window keeps drawing, with a progress bar, while a
//! large file is read), their content kept in the database there, and
//! each attachment stored there too, as an edit checked like any other;
//! the window then shows what was stored (`PartnershipView::apply`), so
//! that no frame waits for the disk. Links are stored at once. Reading a
//! file back, to open it or save a copy.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;

use super::background::{Shared, lock};
use super::{Doing, Session};
use crate::problem::Problem;
use jiff::civil::Date;
use partnerpath_core::model::{
    AttachedTo, Attachment, AttachmentFields, Command, Fingerprint, LARGE_DATABASE_BYTES,
    MAX_FILE_BYTES, NewAttachment, Outcome, PartnershipId, file_name, size_in_words,
};
use partnerpath_store::StoreError;

/// How many of the largest files the warning of a large database lists.
const LARGEST_LISTED: usize = 5;
/// How much of a file is read at a time (the progress bar moves by it).
const PIECE: usize = 1024 * 1024;

/// Files being read, kept and attached to `to`.
pub struct Attaching {
    pub to: AttachedTo,
    /// The files' names, as they will be listed.
    pub names: Vec<String>,
    /// How many bytes of them were read so far, of `total`.
    read: Arc<AtomicU64>,
    pub total: u64,
    done: mpsc::Receiver<Vec<Result<Stored, Problem>>>,
}

/// An attachment stored: the edit, and what the store answered.
type Stored = (Command, Outcome);

impl Attaching {
    /// How far along it is, from 0 to 1.
    #[expect(
        clippy::cast_precision_loss,
        reason = "a fraction for a progress bar; files are at most 100 MB"
    )]
    pub fn progress(&self) -> f32 {
        if self.total == 0 {
            return 1.0;
        }
        (self.read.load(Ordering::Relaxed) as f32 / self.total as f32).min(1.0)
    }
}

/// What became of files attached: how many were attached, and why each
/// other one was not.
#[derive(Debug, Default)]
pub struct Attached {
    pub count: usize,
    pub problems: Vec<Problem>,
}

/// Reads the file at `path` whole (at most 100 MB), counting what is read
/// in `read`, and fingerprints it.
fn read_file(
    path: &Path,
    read: &AtomicU64,
    added_by: &str,
    today: Date,
) -> Result<(AttachmentFields, Vec<u8>), Problem> {
    let name = file_name(path);
    let shown = if name.is_empty() {
        path.display().to_string()
    } else {
        name.clone()
    };
    let unreadable = |e: &std::io::Error| {
        Problem::new(
            format!("“{shown}” could not be read ({e}), so it was not attached."),
            "Check that the file is still there and that you may open it, then attach it again.",
        )
        .at(path)
    };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(&e))?;
    if meta.is_dir() {
        return Err(Problem::new(
            format!("“{shown}” is a folder, so it was not attached."),
            "Attach the files in it, one by one or all at once.",
        )
        .at(path));
    }
    let too_large = |size: u64| {
        Problem::new(
            format!(
                "“{shown}” is {}: a file over 100 MB cannot be attached, so it was not.",
                size_in_words(size)
            ),
            "Keep it on a shared drive and attach a link to it instead.",
        )
        .at(path)
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut file = std::fs::File::open(path).map_err(|e| unreadable(&e))?;
    let mut content = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    let mut print = Fingerprint::default();
    let mut piece = vec![0_u8; PIECE];
    loop {
        let n = file.read(&mut piece).map_err(|e| unreadable(&e))?;
        if n == 0 {
            break;
        }
        let bytes = piece.get(..n).unwrap_or_default();
        print.update(bytes);
        content.extend_from_slice(bytes);
        read.fetch_add(u64::try_from(n).unwrap_or(0), Ordering::Relaxed);
        // A file that grew while it was read.
        if u64::try_from(content.len()).unwrap_or(u64::MAX) > MAX_FILE_BYTES {
            return Err(too_large(u64::try_from(content.len()).unwrap_or(u64::MAX)));
        }
    }
    let fields = AttachmentFields {
        name: shown,
        address: None,
        hash: Some(print.finish()),
        size: Some(i64::try_from(content.len()).unwrap_or(i64::MAX)),
        added_by: added_by.to_owned(),
        added_on: today,
    };
    Ok((fields, content))
}

/// Where files are attached: the partnership, the record, by whom, when.
struct Target {
    partnership_id: PartnershipId,
    to: AttachedTo,
    added_by: String,
    today: Date,
}

/// Reads each file, keeps its content in `store` and stores its
/// attachment: what was stored, or why not, file by file.
fn keep_files(
    store: &Shared,
    paths: &[PathBuf],
    read: &AtomicU64,
    target: &Target,
) -> Vec<Result<Stored, Problem>> {
    paths
        .iter()
        .map(|path| {
            let (fields, content) = read_file(path, read, &target.added_by, target.today)?;
            let name = fields.name.clone();
            let not_kept = |e: &StoreError| {
                Problem::store(e, Doing::Saving).preceded_by(&format!(
                    "“{name}” could not be kept in the database, so it was not attached."
                ))
            };
            let hash = fields.hash.clone().unwrap_or_default();
            let command = Command::AddAttachment(NewAttachment {
                partnership_id: target.partnership_id,
                to: target.to.clone(),
                fields,
            });
            if let Some(refusal) = command.refusal(None) {
                return Err(Problem::from(refusal));
            }
            let mut store = lock(store);
            store.put_file(&hash, &content).map_err(|e| not_kept(&e))?;
            let outcome = store.apply(&command).map_err(|e| not_kept(&e))?;
            Ok((command, outcome))
        })
        .collect()
}

impl Session {
    /// Who attaches: the account signed in, or this computer's user.
    fn attacher(&self) -> String {
        self.account()
            .map_or_else(partnerpath_store::history_writer, |a| a.user.clone())
    }

    /// Starts attaching the files at `paths` to `to`: they are read and
    /// kept on a thread of their own (`attaching` says how far it is), and
    /// attached when `finish_attaching` finds them done.
    pub fn start_attaching(
        &mut self,
        to: AttachedTo,
        paths: Vec<PathBuf>,
        today: Date,
    ) -> Result<(), Problem> {
        let target = self.target(&to, today)?;
        if self.attaching.is_some() {
            return Err(Problem::new(
                "Files are still being attached.",
                "Wait for the bar to fill, then attach these again.",
            ));
        }
        let names = paths.iter().map(|p| file_name(p)).collect::<Vec<String>>();
        let total = paths
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len().min(MAX_FILE_BYTES))
            .sum();
        let read = Arc::new(AtomicU64::new(0));
        let (answer, done) = mpsc::channel();
        let store = self.store.clone();
        let counted = read.clone();
        std::thread::Builder::new()
            .name("partnerpath-attach".into())
            .spawn(move || {
                let kept = keep_files(&store, &paths, &counted, &target);
                // The window may have closed meanwhile.
                let _ = answer.send(kept);
            })
            .map_err(|e| {
                Problem::new(
                    format!("The files could not be read ({e})."),
                    "Try again; if it keeps happening, restart PartnerPath.",
                )
            })?;
        self.attaching = Some(Attaching {
            to,
            names,
            read,
            total,
            done,
        });
        Ok(())
    }

    /// The files being attached, if any.
    pub fn attaching(&self) -> Option<&Attaching> {
        self.attaching.as_ref()
    }

    /// Once the files being attached are read, kept and attached, shows
    /// them and says what became of them; `None` while they are still
    /// being read. Never waits.
    pub fn finish_attaching(&mut self) -> Option<Attached> {
        let kept = self.attaching.as_ref()?.done.try_recv();
        let kept = match kept {
            Ok(kept) => kept,
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => vec![Err(Problem::new(
                "The files could not be read, so nothing was attached.",
                "Try again; if it keeps happening, restart PartnerPath.",
            ))],
        };
        self.attaching = None;
        Some(self.show_attached(kept))
    }

    /// Shows the attachments stored, as the file holds them.
    fn show_attached(&mut self, kept: Vec<Result<Stored, Problem>>) -> Attached {
        let mut attached = Attached::default();
        for stored in kept {
            match stored {
                Ok((command, outcome)) => {
                    self.forget_history();
                    self.show_stored(&command, &outcome);
                    attached.count += 1;
                }
                Err(problem) => attached.problems.push(problem),
            }
        }
        if attached.count > 0
            && let Some(large) = self.large_database()
        {
            attached.problems.push(large);
        }
        attached
    }

    /// Where files go: to `to` of the open partnership, which must hold it
    /// and may be changed, by whoever attaches, on `today`.
    fn target(&self, to: &AttachedTo, today: Date) -> Result<Target, Problem> {
        self.refuse_if_read_only()?;
        let view = self.open.as_ref().filter(|v| v.holds(to)).ok_or_else(|| {
            Problem::new(
                "The record to attach to is not open, so nothing was attached.",
                "Open the partnership and the record, then attach the file again.",
            )
        })?;
        Ok(Target {
            partnership_id: view.partnership.id,
            to: to.clone(),
            added_by: self.attacher(),
            today,
        })
    }

    fn add_attachment(&mut self, to: &AttachedTo, fields: AttachmentFields) -> Result<(), Problem> {
        let partnership_id = self
            .open
            .as_ref()
            .map(|v| v.partnership.id)
            .ok_or_else(|| {
                Problem::new(
                    "No partnership is open, so nothing was attached.",
                    "Open the partnership, then attach the link again.",
                )
            })?;
        self.send(&Command::AddAttachment(NewAttachment {
            partnership_id,
            to: to.clone(),
            fields,
        }))
        .map(|_| ())
    }

    /// Attaches the files at `paths` to `to` now, waiting for each (the
    /// command line). What became of each is said.
    pub fn attach_files_now(
        &mut self,
        to: &AttachedTo,
        paths: &[PathBuf],
        today: Date,
    ) -> Attached {
        let target = match self.target(to, today) {
            Ok(target) => target,
            Err(problem) => {
                return Attached {
                    count: 0,
                    problems: vec![problem],
                };
            }
        };
        self.settle();
        let kept = keep_files(&self.store, paths, &AtomicU64::new(0), &target);
        self.show_attached(kept)
    }

    /// Attaches a link (`title`, or the address when no title is given).
    pub fn attach_link(
        &mut self,
        to: &AttachedTo,
        title: &str,
        address: &str,
        today: Date,
    ) -> Result<(), Problem> {
        let address = address.trim();
        let title = if title.trim().is_empty() {
            address
        } else {
            title.trim()
        };
        let fields = AttachmentFields {
            name: title.to_owned(),
            address: Some(address.to_owned()),
            hash: None,
            size: None,
            added_by: self.attacher(),
            added_on: today,
        };
        self.add_attachment(to, fields)
    }

    /// The content of a file attached, once every edit sent is stored.
    pub fn attachment_content(&self, attachment: &Attachment) -> Result<Vec<u8>, Problem> {
        self.store().attachment_content(attachment.id).map_err(|e| {
            Problem::store(&e, Doing::Reading).preceded_by(&format!(
                "“{}” could not be read from the database.",
                attachment.name
            ))
        })
    }

    /// A warning when the database file has grown past 2 GB, with its
    /// largest files listed.
    pub fn large_database(&self) -> Option<Problem> {
        let store = lock(&self.store);
        let size = store.file()?.file_size()?;
        if size <= LARGE_DATABASE_BYTES {
            return None;
        }
        let largest = store.largest_files(LARGEST_LISTED).unwrap_or_default();
        let listed: Vec<String> = largest
            .iter()
            .map(|f| {
                format!(
                    "“{}” ({}, {})",
                    f.name,
                    size_in_words(f.size),
                    f.partnership
                )
            })
            .collect();
        Some(
            Problem::new(
                format!(
                    "This PartnerPath file has grown to {}, which makes it slow to copy and back up. Its largest attachments: {}.",
                    size_in_words(size),
                    listed.join("; ")
                ),
                "Keep large files on a shared drive and attach links to them; remove attachments you no longer need.",
            )
            .at(self.path()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_and_a_missing_file_are_refused_in_words() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let today = jiff::civil::date(2026, 12, 4);
        let read = AtomicU64::new(0);
        let folder = read_file(dir.path(), &read, "jo", today).expect_err("a folder");
        assert!(folder.what.contains("is a folder"), "{}", folder.what);
        let missing = dir.path().join("gone.pdf");
        let gone = read_file(&missing, &read, "jo", today).expect_err("missing");
        assert!(
            gone.what.contains("“gone.pdf” could not be read"),
            "{}",
            gone.what
        );
    }

    #[test]
    fn a_file_is_read_whole_and_fingerprinted() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("minutes.pdf");
        std::fs::write(&path, b"abc").expect("write");
        let read = AtomicU64::new(0);
        let (fields, content) =
            read_file(&path, &read, "jo", jiff::civil::date(2026, 12, 4)).expect("read");
        assert_eq!(content, b"abc");
        assert_eq!(fields.size, Some(3));
        assert_eq!(read.load(Ordering::Relaxed), 3);
        assert_eq!(
            fields.hash.as_deref(),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
    }
}
