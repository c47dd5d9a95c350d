//! Where PartnerPath keeps its files by default.

use std::path::PathBuf;

use directories::ProjectDirs;

use crate::problem::Problem;

/// The file name of the default database.
pub const DEFAULT_DATABASE: &str = "partnerpath.sqlite";
/// The file name of the sample database made by `--demo`.
pub const SAMPLE_DATABASE: &str = "sample.sqlite";

/// The operating system's data folder for PartnerPath, created if missing
/// (e.g. `~/.local/share/partnerpath` on Linux).
pub fn data_dir() -> Result<PathBuf, Problem> {
    let dirs = project_dirs().ok_or_else(|| {
        Problem::new(
            "PartnerPath could not find your home folder to keep its data in.",
            "Start PartnerPath with --db and the path of a file to use.",
        )
    })?;
    let dir = dirs.data_dir().to_path_buf();
    std::fs::create_dir_all(&dir).map_err(|e| {
        Problem::new(
            format!("PartnerPath could not create its data folder ({e})."),
            "Check that you may write to your home folder, or start PartnerPath with --db and the path of a file to use.",
        )
        .at(&dir)
    })?;
    Ok(dir)
}

/// Where `--demo` and "Explore the sample partnership" write the sample, in
/// the data folder; `None` when no home folder is known. Creates nothing.
pub fn sample_database() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.data_dir().join(SAMPLE_DATABASE))
}

/// PartnerPath's folders as the operating system names them; `None` when no
/// home folder is known.
fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("org", "PartnerPath", "PartnerPath")
}

/// Where the backups of the files PartnerPath opens are kept: `backups` in
/// the data folder, one sub-folder per file.
pub fn backups_dir() -> Result<PathBuf, Problem> {
    data_dir().map(|dir| dir.join("backups"))
}

/// The user's Documents folder (or home folder), where new files and
/// printouts are offered to go; the current folder if neither is known.
pub fn documents_dir() -> PathBuf {
    directories::UserDirs::new().map_or_else(
        || PathBuf::from("."),
        |d| d.document_dir().unwrap_or(d.home_dir()).to_path_buf(),
    )
}
