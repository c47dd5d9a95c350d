//! Everything the user can ask of the window, as one type: `Action`. Menus,
//! shortcuts, pages, dialogs and banners push actions into the frame's
//! `Actions`; the shell applies them, in order, after the frame
//! (`shell/apply.rs`). An action without data carries its label, its
//! words in the shortcut list and its shortcut, in the style of rerun's
//! `UICommand`; an action with data (a file, a screen, an edit) is made
//! where that data is known.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, ThemePreference};

use super::nav::{Page, Screen};
use crate::calendar::CalendarScope;
use crate::model::exchange::{Exchange, Plan};
use crate::model::{
    AttachedTo, Attachment, Command, Conflict, Deleted, PartnershipId, PartnershipView,
};
use crate::print::PortfolioPrint;
use crate::problem::Problem;
use crate::session::ExportScope;
use crate::spreadsheet::SheetScope;

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// File > New…: choose where the new file goes.
    NewFile,
    /// File > Open… (Ctrl+O): choose a file to open.
    Open,
    /// File > Open the sample partnership, or "Explore the sample partnership".
    OpenSample,
    /// File > Connect to a shared database…: the Connect dialog.
    Connect,
    /// File > Print… (Ctrl+P): the print dialog, on the tool of the screen shown.
    Print,
    /// File > Import…: choose an exchange file to import.
    Import,
    /// File > Export partnership…: what to export of the partnership shown.
    Export,
    /// File > Export to spreadsheet…: the partnership shown, or the
    /// portfolio's lines as the list shows them.
    ExportSheet,
    /// File > Export calendar…: the partnership shown, or on the list every
    /// partnership not archived.
    ExportCalendar,
    /// File > Recently deleted….
    RecentlyDeleted,
    /// File > Restore from backup….
    RestoreFromBackup,
    /// File > Quit.
    Quit,
    /// View > Larger (Ctrl+= or Ctrl++).
    ZoomIn,
    /// View > Smaller (Ctrl+-).
    ZoomOut,
    /// View > Actual size (Ctrl+0).
    ZoomReset,
    /// View > Present (F5): the cycle, readiness round or quarterly meeting
    /// shown, one part at a time over the whole screen.
    Present,
    /// Leave Present (Esc, or its Leave button).
    LeavePresent,
    /// Edit > Undo (Ctrl+Z): takes back the last edit, on the page it was
    /// made on.
    Undo,
    /// Edit > Redo (Ctrl+Shift+Z or Ctrl+Y): makes again the last edit
    /// taken back.
    Redo,
    /// Alt+Left: from a page of a partnership to its page, from there to the list.
    Back,
    /// Ctrl+F: the search of the partnerships list.
    Find,
    /// Help > Keyboard shortcuts (F1).
    ShortcutHelp,
    /// Help > About PartnerPath.
    About,
    /// The read-only banner's "Try again": open the file for changes.
    TryAgain,
    /// The problem banner's "Dismiss".
    DismissProblem,
    /// The "it worked" banner's "Dismiss".
    DismissDone,

    /// View > a theme.
    Theme(ThemePreference),
    /// Another screen.
    Go(Screen),
    /// An edit to store in the file.
    Edit(Command),
    /// Ask whether to keep this edit or someone else's change to the same
    /// field, which it met on a shared database.
    ChooseInConflict(Box<(Command, Conflict)>),
    /// Store this edit over someone else's change to the same field (the
    /// conflict's "Keep yours").
    KeepMine(Command),
    /// Open this database file, chosen in the file dialog.
    OpenFile(PathBuf),
    /// Open this file of File > Open recent, or say it is no longer there.
    OpenRecent(PathBuf),
    /// Connect to the shared database at this address (File > Open recent,
    /// `--server`), with the password kept for it, or else ask for one.
    ConnectTo(String),
    /// Sign in to a shared database, as the Connect dialog was filled in.
    SignIn(SignIn),
    /// Create a new, empty database file here and open it.
    CreateFile(PathBuf),
    /// Read this exchange file and show what importing it would do.
    ReadImport(PathBuf),
    /// Import an exchange file read and planned, with the user's choices.
    ImportChosen(Box<(Exchange, Plan)>),
    /// Choose where to write this export, offering `file_name`.
    ChooseExportFile {
        partnership: PartnershipId,
        scope: ExportScope,
        file_name: String,
    },
    /// Write this export to `path`.
    WriteExport {
        partnership: PartnershipId,
        scope: ExportScope,
        path: PathBuf,
    },
    /// Write this spreadsheet to `path` (a workbook).
    WriteSheet { scope: SheetScope, path: PathBuf },
    /// Write this calendar to `path` (an .ics file).
    WriteCalendar { scope: CalendarScope, path: PathBuf },
    /// The print dialog, on the partnerships list's summary.
    PrintSummary(Box<PortfolioPrint>),
    /// The evidence attached to a record, with what it is in words
    /// ("Decision Making, 2025–26").
    ShowEvidence(AttachedTo, String),
    /// Choose files to attach to a record.
    ChooseFilesToAttach(AttachedTo),
    /// Files dropped on a page with several records to attach to: ask
    /// which (each record with what it is in words).
    ChooseWhereToAttach {
        paths: Vec<PathBuf>,
        among: Vec<(AttachedTo, String)>,
    },
    /// Read these files and attach them to a record.
    AttachFiles(AttachedTo, Vec<PathBuf>),
    /// Attach a link (a title, which may be empty, and an address).
    AttachLink {
        to: AttachedTo,
        title: String,
        address: String,
    },
    /// Open an attachment: a file with the system's viewer, a link in the
    /// browser.
    OpenAttachment(Box<Attachment>),
    /// Choose where to save a copy of a file attached.
    ChooseAttachmentCopy(Box<Attachment>),
    /// Save a copy of a file attached at `path`.
    SaveAttachmentCopy {
        attachment: Box<Attachment>,
        path: PathBuf,
    },
    /// Put back a deleted record.
    RestoreDeleted(Deleted),
    /// Put the whole file back as the backup at this path holds it.
    RestoreBackup(PathBuf),
    /// Something that went wrong where the user acted, to show in the
    /// problem banner.
    Report(Problem),
}

/// A shared database and the password typed for it in the Connect dialog.
#[derive(Clone, PartialEq)]
pub struct SignIn {
    pub place: crate::place::Place,
    pub password: String,
    /// Keep the password in the system's keychain.
    pub remember: bool,
}

impl std::fmt::Debug for SignIn {
    /// Never the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignIn")
            .field("place", &self.place)
            .field("remember", &self.remember)
            .finish_non_exhaustive()
    }
}

/// The shortcut for printing: Ctrl+P (⌘P on a Mac).
const PRINT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::P);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const BACK: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft);
/// Ctrl and the = key, and Ctrl and the + key of a keypad or a keyboard
/// that has one.
const ZOOM_IN: [KeyboardShortcut; 2] = [
    KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals),
    KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus),
];
const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
const ZOOM_RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);
const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
const PRESENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F5);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Ctrl+Shift+Z, and Ctrl+Y as on Windows.
const REDO: [KeyboardShortcut; 2] = [
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
    KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
];

impl Action {
    /// The actions without data, in the order the shortcut list shows
    /// those that have a shortcut.
    pub const ALL: [Action; 25] = [
        Action::Undo,
        Action::Redo,
        Action::Print,
        Action::Open,
        Action::Find,
        Action::Back,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomReset,
        Action::Present,
        Action::ShortcutHelp,
        Action::NewFile,
        Action::OpenSample,
        Action::Connect,
        Action::Import,
        Action::Export,
        Action::ExportSheet,
        Action::ExportCalendar,
        Action::RecentlyDeleted,
        Action::RestoreFromBackup,
        Action::Quit,
        Action::About,
        Action::TryAgain,
        Action::DismissProblem,
        Action::DismissDone,
    ];

    /// Its label: in a menu, or on the button that does it.
    pub fn text(&self) -> &'static str {
        match self {
            Action::NewFile => "New…",
            Action::Open => "Open…",
            Action::OpenSample => "Open the sample partnership",
            Action::Connect => "Connect to a shared database…",
            Action::Print => "Print…",
            Action::Import => "Import…",
            Action::Export => "Export partnership…",
            Action::ExportSheet => "Export to spreadsheet…",
            Action::ExportCalendar => "Export calendar…",
            Action::RecentlyDeleted => "Recently deleted…",
            Action::RestoreFromBackup => "Restore from backup…",
            Action::Quit => "Quit",
            Action::ZoomIn => "Larger",
            Action::ZoomOut => "Smaller",
            Action::ZoomReset => "Actual size (100 %)",
            Action::Present => "Present",
            Action::LeavePresent => "Leave (Esc)",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::Back => "Back",
            Action::Find => "Find a partnership",
            Action::ShortcutHelp => "Keyboard shortcuts",
            Action::About => "About PartnerPath",
            Action::TryAgain => "Try again",
            Action::DismissProblem | Action::DismissDone => "Dismiss",
            Action::Theme(ThemePreference::Light) => "Light theme",
            Action::Theme(ThemePreference::Dark) => "Dark theme",
            Action::Theme(ThemePreference::System) => "Follow the system",
            Action::Go(_) => "Go to",
            Action::Edit(_) => "Change",
            Action::KeepMine(_) => "Keep yours",
            Action::ChooseInConflict(_) => "Choose",
            Action::OpenFile(_) => "Open file",
            Action::OpenRecent(_) => "Open recent",
            Action::ConnectTo(_) | Action::SignIn(_) => "Connect",
            Action::CreateFile(_) => "Create file",
            Action::ReadImport(_) => "Import file",
            Action::ImportChosen(_) => "Import",
            Action::ChooseExportFile { .. } => "Export…",
            Action::WriteExport { .. } => "Export file",
            Action::WriteSheet { .. } => "Export spreadsheet",
            Action::WriteCalendar { .. } => "Export calendar",
            Action::PrintSummary(_) => "Print summary…",
            Action::ShowEvidence(..) => "Evidence…",
            Action::ChooseFilesToAttach(_) => "Attach files…",
            Action::ChooseWhereToAttach { .. } | Action::AttachFiles(..) => "Attach",
            Action::AttachLink { .. } => "Add link",
            Action::OpenAttachment(_) => "Open",
            Action::ChooseAttachmentCopy(_) => "Save a copy…",
            Action::SaveAttachmentCopy { .. } => "Save copy",
            Action::RestoreDeleted(_) | Action::RestoreBackup(_) => "Restore",
            Action::Report(_) => "Report a problem",
        }
    }

    /// What it does, in the words of the shortcut list (Help > Keyboard
    /// shortcuts), for an action that has a shortcut.
    pub fn help(&self) -> Option<&'static str> {
        Some(match self {
            Action::Undo => {
                "Undo the last change, on the page it was made (in a text field: undo the typing)"
            }
            Action::Redo => "Redo the last change undone",
            Action::Print => "Print: a tool filled in or blank",
            Action::Open => "Open another PartnerPath file",
            Action::Find => "Search the list of partnerships",
            Action::Back => "Back to the partnership's page, or to the list",
            Action::ZoomIn => "Make everything larger (up to 250 %)",
            Action::ZoomOut => "Make everything smaller (down to 75 %)",
            Action::ZoomReset => "Back to 100 %",
            Action::Present => {
                "Present the cycle, readiness round or quarterly meeting shown, on the whole screen (Esc leaves)"
            }
            Action::ShortcutHelp => "This list",
            _ => return None,
        })
    }

    /// Its shortcuts, the one a menu shows first.
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        match self {
            Action::Print => &[PRINT],
            Action::Open => &[OPEN],
            Action::Find => &[FIND],
            Action::Back => &[BACK],
            Action::ZoomIn => &ZOOM_IN,
            Action::ZoomOut => &[ZOOM_OUT],
            Action::ZoomReset => &[ZOOM_RESET],
            Action::ShortcutHelp => &[HELP],
            Action::Present => &[PRESENT],
            Action::Undo => &[UNDO],
            Action::Redo => &REDO,
            _ => &[],
        }
    }

    /// The shortcut a menu shows beside it.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// Whether its shortcut is left to a text field that has the keyboard:
    /// there Alt+Left moves the cursor (by word on a Mac), and Ctrl+Z and
    /// Ctrl+Y undo and redo the typing.
    pub fn left_to_text_fields(&self) -> bool {
        matches!(self, Action::Back | Action::Undo | Action::Redo)
    }
}

/// The actions asked for during one frame, in the order asked: what every
/// page, dialog, menu and shortcut pushes into.
#[derive(Debug, Default)]
pub struct Actions(Vec<Action>);

impl Actions {
    pub fn push(&mut self, action: Action) {
        self.0.push(action);
    }

    /// Asks for an edit to be stored.
    pub fn edit(&mut self, command: Command) {
        self.push(Action::Edit(command));
    }

    /// Asks for `page` of the partnership `view` shows.
    pub fn go(&mut self, view: &PartnershipView, page: Page) {
        self.push(Action::Go(Screen::In(view.partnership.id, page)));
    }

    /// The actions, in the order asked, leaving none behind.
    pub fn take(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.0)
    }
}

impl From<Vec<Action>> for Actions {
    fn from(actions: Vec<Action>) -> Actions {
        Actions(actions)
    }
}

/// What the user wants to do with the file they choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Open a PartnerPath database.
    Open,
    /// Create a new, empty database.
    Create,
    /// Bring an exchange file (.partnerpath) into the open database.
    Import,
    /// Write the chosen partnership to a new exchange file.
    Export,
    /// Write a spreadsheet (an .xlsx workbook).
    Spreadsheet,
    /// Write a calendar (an .ics file).
    Calendar,
    /// Choose files to attach as evidence (any kind, several at once).
    Attach,
    /// Write a copy of a file attached.
    AttachmentCopy,
}

impl Purpose {
    /// Whether the file must be there already (else: must not be).
    pub fn must_exist(self) -> bool {
        matches!(self, Purpose::Open | Purpose::Import | Purpose::Attach)
    }

    /// Whether the file is an exchange file rather than a database.
    pub fn is_exchange(self) -> bool {
        matches!(self, Purpose::Import | Purpose::Export)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_without_data_is_listed_once_with_a_label() {
        for (i, action) in Action::ALL.iter().enumerate() {
            assert!(!action.text().is_empty());
            assert!(
                !Action::ALL[..i].contains(action),
                "{action:?} is listed twice"
            );
            assert_eq!(
                action.help().is_some(),
                action.shortcut().is_some(),
                "{action:?}: a shortcut is listed with its words"
            );
        }
    }
}
