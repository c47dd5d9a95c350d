//! What actions do to files: opening, creating and the sample; importing
//! and exporting; restoring what was deleted or a backup; opening again a
//! file another window had. Each returns the problem to report, or leaves
//! the window on what it opened.

use std::path::{Path, PathBuf};

use super::App;
use super::remember;
use crate::calendar::{self, CalendarScope};
use crate::demo;
use crate::model::exchange::{Exchange, Plan};
use crate::model::{Deleted, PartnershipId};
use crate::paths;
use crate::problem::Problem;
use crate::session::{ExportScope, Session};
use crate::spreadsheet::{self, SheetScope};
use crate::ui::action::Purpose;
use crate::ui::dialogs::{ChooseFile, Import};
use crate::ui::kit::widgets;
use crate::ui::nav::{Page, Screen};

impl App {
    /// Switches to another database file, keeping the current one on failure.
    pub(super) fn open_database(&mut self, path: &Path) -> Result<(), Problem> {
        // The file open here already: show its list rather than open it a
        // second time (which would find its own lock and only read).
        if self
            .session
            .as_ref()
            .is_some_and(|s| same_file(s.path(), path))
        {
            self.recent.used(path);
            self.problem = None;
            self.navigate(Screen::Partnerships);
            return Ok(());
        }
        let mut session = Session::open_with(path, self.backups_root.as_deref())?;
        // A shared database being connected to is no longer wanted.
        self.connecting = None;
        self.recent.used(path);
        self.problem = session.take_notice();
        self.session = Some(session);
        self.screen = Screen::Partnerships;
        self.return_to_last_screen();
        Ok(())
    }

    /// Opens a file from the recent list, or says it is no longer there
    /// (rather than making a new, empty file in its place).
    pub(super) fn open_recent(&mut self, path: &Path) -> Result<(), Problem> {
        if path.exists() {
            self.open_database(path)
        } else {
            Err(remember::gone(path))
        }
    }

    /// Creates a new, empty file and switches to it; an existing file is
    /// never overwritten.
    pub(super) fn create_database(&mut self, path: PathBuf) -> Result<(), Problem> {
        if path.exists() {
            return Err(Problem::new(
                "A file with that name is already there, so no new file was made.",
                "Choose another name, or open that file with File > Open….",
            )
            .at(path));
        }
        self.open_database(&path)
    }

    /// Opens PartnerPath's own file dialog, starting in a recent folder or
    /// the Documents folder.
    pub(super) fn choose_file(&mut self, purpose: Purpose) {
        let fallback = paths::documents_dir();
        let dialog = ChooseFile::new(purpose, self.recent.folders(), &fallback);
        self.open(Box::new(dialog));
    }

    /// The file dialog, for where to write the export the user chose.
    pub(super) fn choose_export_file(
        &mut self,
        partnership: PartnershipId,
        scope: ExportScope,
        file_name: &str,
    ) {
        let fallback = paths::documents_dir();
        let folders = self.recent.folders();
        let dialog = ChooseFile::export((partnership, scope), folders, &fallback, file_name);
        self.open(Box::new(dialog));
    }

    /// The file dialog, for where to write a spreadsheet: of the
    /// partnership shown, or on the list of the lines it shows.
    pub(super) fn choose_sheet_file(&mut self) {
        let Some(session) = &self.session else {
            return;
        };
        let (scope, name) = match shown_partnership(self.screen, session) {
            Some((id, name)) => (SheetScope::Partnership(id), name),
            None => (
                SheetScope::Portfolio(self.list.shown()),
                "partnerships".to_owned(),
            ),
        };
        let file_name = format!("{}.xlsx", crate::saving::safe_file_name(&name));
        let fallback = paths::documents_dir();
        let folders = self.recent.folders();
        let dialog = ChooseFile::spreadsheet(scope, folders, &fallback, &file_name);
        self.open(Box::new(dialog));
    }

    /// The file dialog, for where to write a calendar: of the partnership
    /// shown, or on the list of every partnership not archived.
    pub(super) fn choose_calendar_file(&mut self) {
        let Some(session) = &self.session else {
            return;
        };
        let (scope, name) = match shown_partnership(self.screen, session) {
            Some((id, name)) => (CalendarScope::Partnership(id), name),
            None => (CalendarScope::Every, "partnerships".to_owned()),
        };
        let file_name = format!("{}.ics", crate::saving::safe_file_name(&name));
        let fallback = paths::documents_dir();
        let folders = self.recent.folders();
        let dialog = ChooseFile::calendar(scope, folders, &fallback, &file_name);
        self.open(Box::new(dialog));
    }

    /// Opens again, with its backups, the file that was open before the
    /// sample failed to be rebuilt in its place. Returns `problem`, with the
    /// reopening's own problem added when that failed too.
    fn reopen_after(&mut self, old: Session, problem: Problem) -> Problem {
        let path = old.path().to_path_buf();
        drop(old);
        match Session::open_with(&path, self.backups_root.as_deref()) {
            Ok(reopened) => {
                self.session = Some(reopened);
                problem
            }
            Err(again) => problem
                .followed_by(&format!(
                    "The file that was open could not be opened again: {}",
                    again.what
                ))
                .at(path),
        }
    }

    /// Builds the sample partnership afresh in its own file and shows it.
    pub(super) fn open_sample(&mut self) -> Result<(), Problem> {
        let path = match &self.sample_path {
            Some(path) => Ok(path.clone()),
            None => paths::data_dir().map(|dir| dir.join(paths::SAMPLE_DATABASE)),
        };
        // The sample open in this window lets go of its file to be rebuilt
        // (and is opened again if that fails).
        let mut was_open = None;
        if let Ok(path) = &path
            && self
                .session
                .as_ref()
                .is_some_and(|s| same_file(s.path(), path))
        {
            was_open = self.session.take();
        }
        let session = path
            .and_then(|path| demo::create_sample_database(&path, self.instruments))
            .and_then(Session::with_store);
        let session = match (session, was_open) {
            (Err(problem), Some(old)) => Err(self.reopen_after(old, problem)),
            (session, _) => session,
        };
        let session = session?;
        let first = session.summaries().first().map(|p| p.partnership.id);
        self.connecting = None;
        self.recent.used(session.path());
        self.session = Some(session);
        self.problem = None;
        self.screen = Screen::Partnerships;
        if let Some(id) = first {
            self.navigate(Screen::In(id, Page::Overview));
        }
        Ok(())
    }

    /// Reads an exchange file and shows what importing it would do.
    pub(super) fn read_exchange_file(&mut self, path: &Path) -> Result<(), Problem> {
        let Some(session) = self.session.as_ref() else {
            return Ok(());
        };
        let (file, plan) = session.plan_import_file(path, self.instruments)?;
        self.problem = None;
        let name = widgets::last_name(path);
        self.open(Box::new(Import::new(file, plan, name)));
        Ok(())
    }

    /// Imports as the user chose, then shows the partnership.
    pub(super) fn import(&mut self, file: &Exchange, plan: &Plan) -> Result<(), Problem> {
        let Some(session) = self.session.as_mut() else {
            return Ok(());
        };
        let id = session.import(file, plan)?;
        self.problem = None;
        self.done = Some(format!("Imported into “{}”.", plan.partnership_name));
        self.navigate(Screen::In(id, Page::Overview));
        Ok(())
    }

    /// Writes the export the user chose to `path`.
    pub(super) fn write_exchange_file(
        &mut self,
        id: PartnershipId,
        scope: &ExportScope,
        path: &Path,
    ) -> Result<(), Problem> {
        let Some(session) = self.session.as_ref() else {
            return Ok(());
        };
        let bytes = session.export(id, scope)?;
        crate::saving::write_atomically(path, &bytes, "The exchange file")?;
        self.problem = None;
        self.done = Some(format!("Exported to {}.", path.display()));
        Ok(())
    }

    /// Writes the spreadsheet of `scope` to `path`, once every edit sent is
    /// stored.
    pub(super) fn write_spreadsheet(
        &mut self,
        scope: &SheetScope,
        path: &Path,
    ) -> Result<(), Problem> {
        let Some(session) = self.session.as_ref() else {
            return Ok(());
        };
        let today = self.day.unwrap_or_else(widgets::today);
        let tables = spreadsheet::tables(session, scope, self.instruments, today)?;
        spreadsheet::write(&tables, path)?;
        self.problem = None;
        self.done = Some(format!("Exported to {}.", path.display()));
        Ok(())
    }

    /// Writes the calendar of `scope` to `path`, once every edit sent is
    /// stored.
    pub(super) fn write_calendar(
        &mut self,
        scope: CalendarScope,
        path: &Path,
    ) -> Result<(), Problem> {
        let Some(session) = self.session.as_ref() else {
            return Ok(());
        };
        let text = calendar::ics(session, scope, self.instruments, jiff::Timestamp::now())?;
        calendar::write(&text, path)?;
        self.problem = None;
        self.done = Some(format!("Exported to {}.", path.display()));
        Ok(())
    }

    /// Puts back a deleted record and shows where it is.
    pub(super) fn restore_deleted(&mut self, item: &Deleted) -> Result<(), Problem> {
        match self.session.as_mut() {
            Some(session) => session.restore_deleted(item),
            None => Ok(()),
        }
    }

    /// Puts the whole file back as a backup holds it; the list shows after.
    pub(super) fn restore_backup(&mut self, path: &Path) -> Result<(), Problem> {
        let Some(session) = self.session.as_mut() else {
            return Ok(());
        };
        session.restore_backup(path)?;
        self.problem = None;
        self.screen = Screen::Partnerships;
        Ok(())
    }

    /// Opens the file again, after the window that wrote it has closed.
    pub(super) fn try_again(&mut self) -> Result<(), Problem> {
        let Some(session) = self.session.as_ref() else {
            return Ok(());
        };
        let session = session.reopen()?;
        if !session.view().is_some_and(|v| match self.screen {
            Screen::In(id, _) => v.partnership.id == id,
            Screen::Partnerships => false,
        }) {
            self.screen = Screen::Partnerships;
        }
        self.session = Some(session);
        self.problem = None;
        Ok(())
    }
}

/// The partnership `screen` shows and its name ("partnership" while it is
/// still being read); `None` on the list.
fn shown_partnership(screen: Screen, session: &Session) -> Option<(PartnershipId, String)> {
    let Screen::In(id, _) = screen else {
        return None;
    };
    let name = session
        .view()
        .filter(|v| v.partnership.id == id)
        .map_or_else(|| "partnership".to_owned(), |v| v.partnership.name.clone());
    Some((id, name))
}

/// Whether two paths name the same file.
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(a), Ok(b)) if a == b
        )
}
