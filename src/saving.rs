//! Saving a file PartnerPath writes for the user (a PDF, an exchange file)
//! so that a failure never leaves half a file.

use std::path::{Path, PathBuf};

use crate::problem::Problem;

/// Writes to a temporary file beside `path`, then renames it into place, so
/// a failure never leaves half a file (or spoils an existing one). `what`
/// names it in the message: "The PDF", "The exchange file".
pub fn write_atomically(path: &Path, bytes: &[u8], what: &str) -> Result<(), Problem> {
    let fail = |e: std::io::Error| {
        Problem::new(
            format!("{what} could not be saved ({e})."),
            "Choose a folder you can write to, with some free space, and try again.",
        )
        .at(path)
    };
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".partial");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, bytes).map_err(fail)?;
    std::fs::rename(&temporary, path).map_err(|e| {
        // The rename's error is the one to report; the temporary file goes
        // if it can (otherwise it stays as a leftover named ….partial).
        std::fs::remove_file(&temporary).ok();
        fail(e)
    })
}

/// A name that every system accepts as a file name.
pub fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim().trim_matches('.').to_owned();
    if cleaned.is_empty() {
        "partnership".to_owned()
    } else {
        cleaned
    }
}
