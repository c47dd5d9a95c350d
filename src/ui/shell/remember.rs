//! What the window remembers between runs, through eframe's storage (the
//! settings file in the data folder): the theme, the zoom, the last file
//! and the screen each recent file was left on (`Remembered`), and the
//! files used recently (`Recent`). The window's size and place are
//! eframe's own to remember.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::keyboard;
use crate::problem::Problem;
use crate::ui::nav::Screen;

/// How many files' last screens are kept (as many as the recent files).
const SCREENS_KEPT: usize = 10;
/// How many recently used files are remembered.
const RECENT_FILES: usize = 8;

/// The files opened recently, newest first, and the shared databases
/// connected to (their addresses, never a password); kept between runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recent {
    files: Vec<PathBuf>,
    #[serde(default)]
    servers: Vec<String>,
}

impl Recent {
    /// The key under which the list is remembered.
    pub const KEY: &'static str = "recent_files";

    /// Puts `path` first, once, and forgets the oldest beyond the limit.
    pub fn used(&mut self, path: &Path) {
        self.files.retain(|p| p != path);
        self.files.insert(0, path.to_path_buf());
        self.files.truncate(RECENT_FILES);
    }

    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Puts the shared database at `address` first, once.
    pub fn used_server(&mut self, address: &str) {
        self.servers.retain(|a| a != address);
        self.servers.insert(0, address.to_owned());
        self.servers.truncate(RECENT_FILES);
    }

    /// The addresses of the shared databases connected to, newest first.
    pub fn servers(&self) -> &[String] {
        &self.servers
    }

    /// The folders of the recent files, newest first, each once.
    pub fn folders(&self) -> Vec<PathBuf> {
        let mut folders: Vec<PathBuf> = Vec::new();
        for folder in self.files.iter().filter_map(|f| f.parent()) {
            if !folders.iter().any(|f| f == folder) {
                folders.push(folder.to_path_buf());
            }
        }
        folders
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    System,
}

impl Theme {
    pub fn from_egui(preference: egui::ThemePreference) -> Theme {
        match preference {
            egui::ThemePreference::Light => Theme::Light,
            egui::ThemePreference::Dark => Theme::Dark,
            egui::ThemePreference::System => Theme::System,
        }
    }

    pub fn to_egui(self) -> egui::ThemePreference {
        match self {
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
            Theme::System => egui::ThemePreference::System,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Remembered {
    pub theme: Theme,
    /// The zoom in per cent (75–250).
    pub zoom: u16,
    /// The file open when the window last closed.
    pub last_file: Option<PathBuf>,
    /// The shared database connected to when the window last closed
    /// (then connected to again at start, rather than the last file).
    pub last_server: Option<String>,
    /// The screen each file was left on, the newest first.
    screens: Vec<(PathBuf, Screen)>,
}

impl Default for Remembered {
    fn default() -> Remembered {
        Remembered {
            theme: Theme::System,
            zoom: 100,
            last_file: None,
            last_server: None,
            screens: Vec::new(),
        }
    }
}

impl Remembered {
    /// The key under which it is stored.
    pub const KEY: &'static str = "remembered";

    /// What the storage holds, or the defaults (also for a settings file
    /// written by another version that cannot be read).
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Remembered {
        let mut remembered: Remembered = storage
            .and_then(|s| eframe::get_value(s, Remembered::KEY))
            .unwrap_or_default();
        remembered.zoom = keyboard::clamp_zoom(remembered.zoom);
        remembered
    }

    /// The screen `file` was left on.
    pub fn screen_of(&self, file: &Path) -> Option<Screen> {
        self.screens
            .iter()
            .find(|(f, _)| f == file)
            .map(|(_, screen)| *screen)
    }

    /// Notes that `file` shows `screen`.
    pub fn left_on(&mut self, file: &Path, screen: Screen) {
        self.screens.retain(|(f, _)| f != file);
        self.screens.insert(0, (file.to_path_buf(), screen));
        self.screens.truncate(SCREENS_KEPT);
    }
}

/// The problem shown for a remembered file that is no longer where it was.
pub fn gone(path: &Path) -> Problem {
    let problem = Problem::new(
        "The file used last time is not there any more, so nothing was opened in its place.",
        "It may have been moved, renamed or deleted, or be on a drive that is not connected. Open it where it is now with File > Open…, or start a new file with File > New….",
    );
    problem.at(path)
}

/// What to open at start when nothing is named: the database open when
/// the window last closed, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Last {
    File(PathBuf),
    /// A shared database's address.
    Server(String),
}

/// What to open at start when nothing is named: the database open when
/// the window last closed, if any.
pub fn last_open(storage: Option<&dyn eframe::Storage>) -> Option<Last> {
    let remembered = Remembered::load(storage);
    match remembered.last_server {
        Some(address) => Some(Last::Server(address)),
        None => remembered.last_file.map(Last::File),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartnershipId;
    use crate::ui::nav::{Page, Tab};

    #[test]
    fn recent_files_are_newest_first_once_and_limited() {
        let mut recent = Recent::default();
        for i in 0..10 {
            recent.used(&PathBuf::from(format!("/a/f{i}.sqlite")));
        }
        recent.used(&PathBuf::from("/b/f3.sqlite"));
        recent.used(&PathBuf::from("/a/f9.sqlite"));
        assert_eq!(recent.files().len(), RECENT_FILES);
        assert_eq!(recent.files()[0], PathBuf::from("/a/f9.sqlite"));
        assert_eq!(recent.files()[1], PathBuf::from("/b/f3.sqlite"));
        assert_eq!(
            recent.folders(),
            vec![PathBuf::from("/a"), PathBuf::from("/b")]
        );
    }

    #[test]
    fn recent_servers_are_newest_first_once_and_older_settings_have_none() {
        let mut recent: Recent = serde_json::from_str(r#"{"files": ["/a.sqlite"]}"#).expect("read");
        assert!(recent.servers().is_empty());
        recent.used_server("postgres://jo@a:5432/p");
        recent.used_server("postgres://jo@b:5432/p");
        recent.used_server("postgres://jo@a:5432/p");
        assert_eq!(
            recent.servers(),
            ["postgres://jo@a:5432/p", "postgres://jo@b:5432/p"]
        );
        assert_eq!(recent.files(), [PathBuf::from("/a.sqlite")]);
    }

    #[test]
    fn the_last_screen_is_kept_per_file_newest_first_and_bounded() {
        let mut r = Remembered::default();
        let a = Path::new("/a.sqlite");
        let screen = Screen::In(PartnershipId(3), Page::Trajectory(Tab::HeatMap));
        r.left_on(a, Screen::Partnerships);
        r.left_on(a, screen);
        assert_eq!(r.screen_of(a), Some(screen), "the later screen replaces");
        for i in 0..20 {
            r.left_on(Path::new(&format!("/f{i}.sqlite")), Screen::Partnerships);
        }
        assert_eq!(r.screen_of(a), None, "only the latest ten files are kept");
        assert_eq!(r.screens.len(), SCREENS_KEPT);
    }

    #[test]
    fn it_reads_back_what_it_wrote() {
        let mut r = Remembered {
            theme: Theme::Dark,
            zoom: 175,
            last_file: Some(PathBuf::from("/x.sqlite")),
            last_server: Some("postgres://jo@db:5432/pp".to_owned()),
            screens: Vec::new(),
        };
        r.left_on(
            Path::new("/x.sqlite"),
            Screen::In(PartnershipId(1), Page::Monitoring),
        );
        let text = serde_json::to_string(&r).expect("write");
        let back: Remembered = serde_json::from_str(&text).expect("read");
        assert_eq!(back, r);
        let odd: Remembered = serde_json::from_str(r#"{"zoom": 900}"#).expect("read");
        assert_eq!(
            odd.theme,
            Theme::System,
            "what is missing takes its default"
        );
    }
}
