//! Evidence attached to a record: a file (a PDF, a picture, an office
//! document) kept inside the PartnerPath database, or a link (an address
//! and a title) to a document kept elsewhere, such as a shared drive. A
//! file's content is stored once per hash, however many records it is
//! attached to; the record here holds its name, size and hash, and is read
//! with the partnership, while the content is read only when it is opened.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{CycleId, DocumentId, MilestoneId, PartnershipId, ReadinessRoundId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AttachmentId(pub i64);

/// The largest file that may be attached.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;
/// A database larger than this is said to be large, with its largest
/// attachments listed.
pub const LARGE_DATABASE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// The record evidence is attached to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AttachedTo {
    /// One indicator of a continuum cycle.
    Indicator(CycleId, String),
    ReadinessRound(ReadinessRoundId),
    /// A worksheet or a quarterly meeting.
    Document(DocumentId),
    Milestone(MilestoneId),
}

/// What an attachment says, declared once (`XAttachment` holds it too).
/// A file has a `hash` and `size` and no `address`; a link has an
/// `address` and neither of the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentFields {
    /// A file's name, or a link's title.
    pub name: String,
    /// A link's address.
    pub address: Option<String>,
    /// A file's SHA-256, 64 lowercase hexadecimal digits.
    pub hash: Option<String>,
    /// A file's size in bytes.
    pub size: Option<i64>,
    /// Who attached it (the computer's user, or the account signed in).
    pub added_by: String,
    pub added_on: Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    pub partnership_id: PartnershipId,
    pub to: AttachedTo,
    pub fields: AttachmentFields,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub id: AttachmentId,
    pub partnership_id: PartnershipId,
    pub to: AttachedTo,
    pub fields: AttachmentFields,
}

/// What a piece of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence<'a> {
    File { hash: &'a str, size: u64 },
    Link { address: &'a str },
}

impl AttachmentFields {
    /// A file, or a link; `None` when it is neither (or both), which the
    /// store and the exchange checks refuse.
    pub fn evidence(&self) -> Option<Evidence<'_>> {
        match (&self.hash, self.size, &self.address) {
            (Some(hash), Some(size), None) => Some(Evidence::File {
                hash,
                size: u64::try_from(size).ok()?,
            }),
            (None, None, Some(address)) => Some(Evidence::Link { address }),
            _ => None,
        }
    }

    /// Whether it is a link typed without a title, so named by its address
    /// (which the list and the printouts then do not say twice).
    pub fn named_by_address(&self) -> bool {
        self.address.as_deref() == Some(self.name.as_str())
    }

    /// What the list says of it: a file's size, or a link's address.
    pub fn detail(&self) -> String {
        match self.evidence() {
            Some(Evidence::File { size, .. }) => size_in_words(size),
            Some(Evidence::Link { address }) => address.to_owned(),
            None => String::new(),
        }
    }

    /// Why it must not be stored, in plain words, if it must not.
    pub fn problem(&self) -> Option<&'static str> {
        if self.name.trim().is_empty() {
            return Some("An attachment needs a name or a title.");
        }
        match self.evidence() {
            None => Some("An attachment is either a file or a link."),
            Some(Evidence::File { hash, size }) => {
                if !is_hash(hash) {
                    Some("The attached file's fingerprint is damaged.")
                } else if size > MAX_FILE_BYTES {
                    Some("A file over 100 MB cannot be attached.")
                } else {
                    None
                }
            }
            Some(Evidence::Link { address }) => (!is_address(address)).then_some(
                "A link needs a whole address, such as https://drive.example.org/minutes.pdf.",
            ),
        }
    }
}

/// Whether `hash` is a SHA-256 as the store keeps it: 64 lowercase
/// hexadecimal digits.
pub fn is_hash(hash: &str) -> bool {
    hash.len() == 64 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Whether `text` is an address a link may hold: a web address
/// (`https://host/…`, `http://`), a file on a shared drive (`file://`,
/// `smb://`), or a Windows share (`\\server\folder`). No spaces at either
/// end, a host after the scheme.
pub fn is_address(text: &str) -> bool {
    if text != text.trim() || text.is_empty() || text.chars().any(char::is_control) {
        return false;
    }
    if let Some(share) = text.strip_prefix(r"\\") {
        return share
            .split('\\')
            .next()
            .is_some_and(|host| !host.is_empty() && !host.contains(' '));
    }
    let lower = text.to_ascii_lowercase();
    let Some((scheme, rest)) = lower.split_once("://") else {
        return false;
    };
    match scheme {
        "http" | "https" | "smb" => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
            !host.is_empty() && !host.contains(' ')
        }
        // file:///C:/… has an empty host and a path.
        "file" => rest.len() > 1,
        _ => false,
    }
}

/// A size as people read it: "812 KB", "3.4 MB".
pub fn size_in_words(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * KB;
    const GB: u64 = 1024 * MB;
    let tenths = |unit: u64| (bytes * 10 + unit / 2) / unit;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < MB {
        format!("{} KB", (bytes + KB / 2) / KB)
    } else if bytes < GB {
        let t = tenths(MB);
        format!("{}.{} MB", t / 10, t % 10)
    } else {
        let t = tenths(GB);
        format!("{}.{} GB", t / 10, t % 10)
    }
}

/// A file's fingerprint, read in pieces (so that a large file can show
/// its progress): its SHA-256 as the store keeps it.
#[derive(Default)]
pub struct Fingerprint(sha2::Sha256);

impl Fingerprint {
    pub fn update(&mut self, bytes: &[u8]) {
        sha2::Digest::update(&mut self.0, bytes);
    }

    /// The 64 lowercase hexadecimal digits.
    pub fn finish(self) -> String {
        let digest = sha2::Digest::finalize(self.0);
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The fingerprint of `bytes`, whole.
    pub fn of(bytes: &[u8]) -> String {
        let mut print = Fingerprint::default();
        print.update(bytes);
        print.finish()
    }
}

/// The name a file is attached under: its last component, as typed.
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(size: i64) -> AttachmentFields {
        AttachmentFields {
            name: "minutes.pdf".to_owned(),
            address: None,
            hash: Some("a".repeat(64)),
            size: Some(size),
            added_by: "jo".to_owned(),
            added_on: jiff::civil::date(2026, 12, 4),
        }
    }

    #[test]
    fn a_file_over_100_mb_is_refused_and_one_at_100_mb_is_not() {
        let limit = i64::try_from(MAX_FILE_BYTES).expect("small");
        assert_eq!(file(limit).problem(), None);
        assert!(
            file(limit + 1)
                .problem()
                .is_some_and(|p| p.contains("100 MB"))
        );
    }

    #[test]
    fn a_link_needs_a_whole_address() {
        for good in [
            "https://drive.example.org/minutes.pdf",
            "http://intranet/board",
            "file:///C:/Evidence/mou.pdf",
            "smb://server/share/mou.pdf",
            r"\\server\share\mou.pdf",
        ] {
            assert!(is_address(good), "{good}");
        }
        for bad in [
            "",
            "minutes.pdf",
            "drive.example.org/minutes",
            "https://",
            "https:// spaced.org",
            " https://example.org",
            "javascript:alert(1)",
            "ftp://example.org/x",
            r"\\",
        ] {
            assert!(!is_address(bad), "{bad}");
        }
    }

    #[test]
    fn a_record_is_a_file_or_a_link_never_both() {
        let mut both = file(10);
        both.address = Some("https://example.org".to_owned());
        assert!(both.problem().is_some());
        let mut damaged = file(10);
        damaged.hash = Some("XYZ".to_owned());
        assert!(damaged.problem().is_some());
    }

    #[test]
    fn the_fingerprint_is_sha256() {
        assert_eq!(
            Fingerprint::of(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(is_hash(&Fingerprint::of(b"")));
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_in_words(812), "812 bytes");
        assert_eq!(size_in_words(812 * 1024), "812 KB");
        assert_eq!(size_in_words(3_565_158), "3.4 MB");
        assert_eq!(size_in_words(MAX_FILE_BYTES), "100.0 MB");
        assert_eq!(size_in_words(LARGE_DATABASE_BYTES), "2.0 GB");
    }
}
