//! Choosing a PartnerPath file to open or create, an exchange file to
//! import or export, where to write a spreadsheet or a calendar, files to
//! attach as evidence, or where to save a copy of one. The
//! system's file window is offered first; PartnerPath's own folder and
//! name fields work where the system has none (a Linux desktop without a
//! portal), with the folders used recently one click away.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::calendar::CalendarScope;
use crate::model::{AttachedTo, Attachment, PartnershipId};
use crate::session::ExportScope;
use crate::spreadsheet::SheetScope;
use crate::ui::action::{Action, Actions, Purpose};
use crate::ui::kit::style;
use crate::ui::kit::widgets::last_name;
use crate::ui::view::{Dialog, DialogContext};
/// The endings of PartnerPath files offered in the dialogs.
const ENDINGS: [&str; 2] = ["sqlite", "db"];
/// The ending of exchange files.
const EXCHANGE_ENDINGS: [&str; 1] = [crate::model::exchange::EXTENSION];
/// The ending of the spreadsheets PartnerPath writes.
const WORKBOOK_ENDINGS: [&str; 1] = ["xlsx"];
/// The ending of calendar files.
const CALENDAR_ENDINGS: [&str; 1] = ["ics"];

/// The file endings a purpose lists and offers.
fn endings(purpose: Purpose) -> &'static [&'static str] {
    match purpose {
        Purpose::Spreadsheet => &WORKBOOK_ENDINGS,
        Purpose::Calendar => &CALENDAR_ENDINGS,
        // Evidence is any kind of file.
        Purpose::Attach | Purpose::AttachmentCopy => &[],
        _ if purpose.is_exchange() => &EXCHANGE_ENDINGS,
        _ => &ENDINGS,
    }
}
/// The name offered for a new file.
const NEW_FILE_NAME: &str = "partnerships.sqlite";

/// What a dialog for a file to write writes there.
enum Writes {
    Exchange(PartnershipId, ExportScope),
    Sheet(SheetScope),
    Calendar(CalendarScope),
    /// Files chosen are attached to this record.
    Attach(AttachedTo),
    Copy(Box<Attachment>),
}

/// The dialog's fields while it is open.
pub struct ChooseFile {
    purpose: Purpose,
    /// The folders of the files used recently, newest first.
    recent_folders: Vec<PathBuf>,
    /// What to write, once the user has chosen where.
    writes: Option<Writes>,
    /// What the file will hold, said under the title.
    note: Option<String>,
    folder: String,
    name: String,
    /// The PartnerPath files in `listed`, read when the folder changes
    /// rather than on every frame.
    files_in_folder: Vec<String>,
    listed: Option<PathBuf>,
    /// Why the typed folder and name cannot be used yet, checked when they
    /// change rather than on every frame: ((folder, name), the reason).
    checked: Option<((String, String), Option<String>)>,
}

impl ChooseFile {
    /// The dialog in the most recently used of `recent_folders`, or
    /// `fallback`.
    pub fn new(purpose: Purpose, recent_folders: Vec<PathBuf>, fallback: &Path) -> ChooseFile {
        ChooseFile::named(purpose, recent_folders, fallback, NEW_FILE_NAME)
    }

    /// Like `new`, offering `name` for a new file (a database or an
    /// exchange file to write).
    pub fn named(
        purpose: Purpose,
        recent_folders: Vec<PathBuf>,
        fallback: &Path,
        name: &str,
    ) -> ChooseFile {
        let folder = recent_folders
            .first()
            .cloned()
            .unwrap_or_else(|| fallback.to_path_buf());
        ChooseFile {
            purpose,
            recent_folders,
            writes: None,
            note: None,
            folder: folder.display().to_string(),
            name: if purpose.must_exist() {
                String::new()
            } else {
                name.to_owned()
            },
            files_in_folder: Vec::new(),
            listed: None,
            checked: None,
        }
    }

    /// Where to write the export of `partnership` with `scope`, offering
    /// `name`.
    pub fn export(
        (partnership, scope): (PartnershipId, ExportScope),
        recent_folders: Vec<PathBuf>,
        fallback: &Path,
        name: &str,
    ) -> ChooseFile {
        ChooseFile {
            writes: Some(Writes::Exchange(partnership, scope)),
            ..ChooseFile::named(Purpose::Export, recent_folders, fallback, name)
        }
    }

    /// Where to write the spreadsheet of `scope`, offering `name`.
    pub fn spreadsheet(
        scope: SheetScope,
        recent_folders: Vec<PathBuf>,
        fallback: &Path,
        name: &str,
    ) -> ChooseFile {
        const SHEETS: &str = "ratings of every school year, category averages, readiness rounds, action steps and monitoring plan, a sheet each";
        let note = match &scope {
            SheetScope::Partnership(_) => {
                format!("An Excel workbook of this partnership: its {SHEETS}.")
            }
            SheetScope::Portfolio(lines) if lines.len() == 1 => format!(
                "An Excel workbook of the partnership the list shows: its line, then its {SHEETS}."
            ),
            SheetScope::Portfolio(lines) => format!(
                "An Excel workbook of the {} partnerships the list shows: their lines, then their {SHEETS}.",
                lines.len()
            ),
        };
        ChooseFile {
            writes: Some(Writes::Sheet(scope)),
            note: Some(note),
            ..ChooseFile::named(Purpose::Spreadsheet, recent_folders, fallback, name)
        }
    }

    /// Where to write the calendar of `scope`, offering `name`.
    pub fn calendar(
        scope: CalendarScope,
        recent_folders: Vec<PathBuf>,
        fallback: &Path,
        name: &str,
    ) -> ChooseFile {
        let note = match scope {
            CalendarScope::Partnership(_) => {
                "A calendar file of this partnership's quarterly meetings, the next check-in of each milestone and its open action steps' due dates, for Outlook, Google Calendar or another calendar. Importing a newer one updates its events."
            }
            CalendarScope::Every => {
                "A calendar file of every partnership's quarterly meetings, next check-ins and open action steps' due dates (archived partnerships left out), for Outlook, Google Calendar or another calendar. Importing a newer one updates its events."
            }
        };
        ChooseFile {
            writes: Some(Writes::Calendar(scope)),
            note: Some(note.to_owned()),
            ..ChooseFile::named(Purpose::Calendar, recent_folders, fallback, name)
        }
    }

    /// Files to attach to `to`, as evidence.
    pub fn attach(
        to: AttachedTo,
        what: &str,
        recent_folders: Vec<PathBuf>,
        fallback: &Path,
    ) -> ChooseFile {
        ChooseFile {
            writes: Some(Writes::Attach(to)),
            note: Some(format!(
                "The files are kept inside the PartnerPath file, with {what}: a PDF, a picture or an office document, each at most 100 MB. The system's file window lets you choose several at once."
            )),
            ..ChooseFile::named(Purpose::Attach, recent_folders, fallback, "")
        }
    }

    /// Where to save a copy of the file `attachment`, offering its name.
    pub fn attachment_copy(
        attachment: Box<Attachment>,
        recent_folders: Vec<PathBuf>,
        fallback: &Path,
    ) -> ChooseFile {
        let note = format!(
            "A copy of “{}” ({}), as it was attached.",
            attachment.name,
            attachment.detail()
        );
        let name = attachment.name.clone();
        ChooseFile {
            writes: Some(Writes::Copy(attachment)),
            note: Some(note),
            ..ChooseFile::named(Purpose::AttachmentCopy, recent_folders, fallback, &name)
        }
    }

    /// What choosing `paths` (one, or several files to attach) asks of the
    /// shell.
    fn chosen_action(&mut self, mut paths: Vec<PathBuf>) -> Option<Action> {
        let path = paths.last()?.clone();
        Some(match self.purpose {
            Purpose::Open => Action::OpenFile(path),
            Purpose::Create => Action::CreateFile(path),
            Purpose::Import => Action::ReadImport(path),
            Purpose::Export
            | Purpose::Spreadsheet
            | Purpose::Calendar
            | Purpose::Attach
            | Purpose::AttachmentCopy => match self.writes.take()? {
                Writes::Exchange(partnership, scope) => Action::WriteExport {
                    partnership,
                    scope,
                    path,
                },
                Writes::Sheet(scope) => Action::WriteSheet { scope, path },
                Writes::Calendar(scope) => Action::WriteCalendar { scope, path },
                Writes::Attach(to) => Action::AttachFiles(to, std::mem::take(&mut paths)),
                Writes::Copy(attachment) => Action::SaveAttachmentCopy { attachment, path },
            },
        })
    }

    /// The path typed; a spreadsheet's name gets `.xlsx` when it has not,
    /// a calendar's `.ics`.
    fn chosen(&self) -> PathBuf {
        let name = self.name.trim();
        let path = Path::new(self.folder.trim()).join(name);
        let ending = match self.purpose {
            Purpose::Spreadsheet => "xlsx",
            Purpose::Calendar => "ics",
            _ => return path,
        };
        let has = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(ending));
        if name.is_empty() || has {
            path
        } else {
            Path::new(self.folder.trim()).join(format!("{name}.{ending}"))
        }
    }

    /// Reads the folder's PartnerPath files if the folder changed.
    fn list_folder(&mut self) {
        let folder = PathBuf::from(self.folder.trim());
        if self.listed.as_ref() == Some(&folder) {
            return;
        }
        self.files_in_folder = partnerpath_files(&folder, endings(self.purpose));
        self.listed = Some(folder);
    }

    /// Why the typed path cannot be used yet, looked up on the disk only when
    /// the folder or the name changed.
    fn problem(&mut self, purpose: Purpose) -> Option<String> {
        let key = (self.folder.trim().to_owned(), self.name.trim().to_owned());
        if let Some((checked, problem)) = &self.checked
            && *checked == key
        {
            return problem.clone();
        }
        let problem = not_ready(purpose, Path::new(&key.0), &key.1, &self.chosen());
        self.checked = Some((key, problem.clone()));
        problem
    }
}

/// The names of the PartnerPath files in a folder, sorted; none if it cannot
/// be read.
fn partnerpath_files(folder: &Path, endings: &[&str]) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && (endings.is_empty()
                    || p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| endings.contains(&e)))
        })
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}

/// Why the typed path cannot be used yet, in plain words; `None` when it can.
fn not_ready(purpose: Purpose, folder: &Path, name: &str, path: &Path) -> Option<String> {
    if name.is_empty() {
        return Some(if purpose.must_exist() {
            "Choose a file from the list or type its name.".to_owned()
        } else {
            "Type a name for the new file.".to_owned()
        });
    }
    if !folder.is_dir() {
        return Some("There is no folder at that place. Check the folder's path.".to_owned());
    }
    match purpose {
        _ if purpose.must_exist() && !path.is_file() => {
            Some("There is no file with that name in this folder.".to_owned())
        }
        Purpose::Create if path.exists() => Some(
            "A file with that name is already in this folder: choose another name, or open it with File > Open…"
                .to_owned(),
        ),
        Purpose::Export | Purpose::Spreadsheet | Purpose::Calendar | Purpose::AttachmentCopy
            if path.exists() =>
        {
            Some(
                "A file with that name is already in this folder: choose another name."
                    .to_owned(),
            )
        }
        _ => None,
    }
}

impl Dialog for ChooseFile {
    fn name(&self) -> &'static str {
        "choose file"
    }

    fn title(&self) -> String {
        match self.purpose {
            Purpose::Open => "Open a PartnerPath file",
            Purpose::Create => "Create a new PartnerPath file",
            Purpose::Import => "Import an exchange file",
            Purpose::Export => "Export to an exchange file",
            Purpose::Spreadsheet => "Export to a spreadsheet",
            Purpose::Calendar => "Export a calendar",
            Purpose::Attach => "Attach files",
            Purpose::AttachmentCopy => "Save a copy",
        }
        .to_owned()
    }

    fn show(&mut self, ui: &mut Ui, _: &DialogContext<'_>, actions: &mut Actions) -> bool {
        let (chosen, open) = show(ui, self);
        if let Some(action) = chosen.and_then(|paths| self.chosen_action(paths)) {
            actions.push(action);
        }
        open
    }
}

/// Draws the dialog; returns the file chosen (or files, to attach), once
/// the user confirms it, and whether the dialog stays open.
#[expect(
    clippy::too_many_lines,
    reason = "PartnerPath's own file dialog: the folder row, the listing and the name field share the dialog's state"
)]
fn show(ui: &mut Ui, state: &mut ChooseFile) -> (Option<Vec<PathBuf>>, bool) {
    let purpose = state.purpose;
    state.list_folder();
    let mut chosen = None;
    let mut close = false;
    let confirm = match purpose {
        Purpose::Open => "Open file",
        Purpose::Create => "Create file",
        Purpose::Import => "Import file",
        Purpose::Export => "Export file",
        Purpose::Spreadsheet => "Export spreadsheet",
        Purpose::Calendar => "Export calendar",
        Purpose::Attach => "Attach file",
        Purpose::AttachmentCopy => "Save copy",
    };
    let title = state.title();
    let modal = egui::Modal::new(egui::Id::unique(state.name())).show(ui.ctx(), |ui| {
        ui.set_width(style::width::DIALOG_FILES);
        ui.heading(title);
        if let Some(note) = &state.note {
            ui.label(note);
        }
        ui.add_space(style::space::S);
        if ui
            .button("Choose with the system's file window…")
            .on_hover_text("Opens the file window of your computer")
            .clicked()
        {
            let paths = system_dialog(purpose, state);
            if !paths.is_empty() {
                chosen = Some(paths);
            }
        }
        ui.add_space(style::space::M_PLUS);
        ui.label("Or type where it is:");
        ui.add_space(style::space::XS);
        egui::Grid::new("file fields")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                ui.label("Folder");
                ui.add(
                    egui::TextEdit::singleline(&mut state.folder).desired_width(style::width::PATH),
                )
                .accessible_name("Folder");
                ui.end_row();
                ui.label("File name");
                let name = ui
                    .add(
                        egui::TextEdit::singleline(&mut state.name)
                            .hint_text(match purpose {
                                Purpose::Spreadsheet => "e.g. state report.xlsx",
                                Purpose::Calendar => "e.g. partnership dates.ics",
                                Purpose::Attach | Purpose::AttachmentCopy => "e.g. minutes.pdf",
                                _ if purpose.is_exchange() => "e.g. partnership.partnerpath",
                                _ => "e.g. partnerships.sqlite",
                            })
                            .desired_width(style::width::PATH),
                    )
                    .accessible_name("File name");
                if ui.memory(|m| m.focused().is_none()) {
                    name.request_focus();
                }
                ui.end_row();
            });
        let folders = state.recent_folders.clone();
        if !folders.is_empty() {
            ui.add_space(style::space::S);
            ui.horizontal_wrapped(|ui| {
                ui.weak("Recent folders:");
                for folder in folders {
                    if ui
                        .button(last_name(&folder))
                        .on_hover_text(folder.display().to_string())
                        .accessible_name(format!("Recent folder {}", folder.display()))
                        .clicked()
                    {
                        state.folder = folder.display().to_string();
                    }
                }
            });
        }
        if purpose.must_exist() {
            ui.add_space(style::space::S);
            let (none, some) = if purpose == Purpose::Attach {
                ("No files in this folder.", "Files in this folder:")
            } else if purpose.is_exchange() {
                (
                    "No exchange files (.partnerpath) in this folder.",
                    "Exchange files in this folder:",
                )
            } else {
                (
                    "No PartnerPath files (.sqlite, .db) in this folder.",
                    "PartnerPath files in this folder:",
                )
            };
            if state.files_in_folder.is_empty() {
                ui.weak(none);
            } else {
                ui.weak(some);
                egui::ScrollArea::vertical()
                    .max_height(160.0)
                    .id_salt("files in folder")
                    .show(ui, |ui| {
                        for file in &state.files_in_folder {
                            if ui
                                .selectable_label(state.name == *file, file)
                                .accessible_name(format!("File {file}"))
                                .clicked()
                            {
                                state.name.clone_from(file);
                            }
                        }
                    });
            }
        }
        ui.add_space(style::space::M_PLUS);
        let path = state.chosen();
        let problem = state.problem(purpose);
        ui.horizontal(|ui| {
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui
                .add_enabled(
                    problem.is_none(),
                    egui::Button::new(RichText::new(confirm).strong()),
                )
                .clicked()
                || (problem.is_none() && enter)
            {
                chosen = Some(vec![path.clone()]);
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
        if let Some(problem) = problem {
            ui.label(
                RichText::new(problem)
                    .color(style::warning_text(ui.visuals()))
                    .small(),
            );
        }
    });
    let open = !(chosen.is_some() || close || modal.should_close());
    (chosen, open)
}

/// The system's own file window: the file chosen (files, to attach);
/// none when the user cancelled it or the system has none (then the typed
/// fields are there).
fn system_dialog(purpose: Purpose, state: &ChooseFile) -> Vec<PathBuf> {
    let dialog = rfd::FileDialog::new().set_directory(state.folder.trim());
    let one = match purpose {
        Purpose::Attach => {
            return dialog
                .set_title("Attach files")
                .pick_files()
                .unwrap_or_default();
        }
        Purpose::AttachmentCopy => dialog
            .set_title("Save a copy")
            .set_file_name(&state.name)
            .save_file(),
        Purpose::Open => dialog
            .add_filter("PartnerPath file", &ENDINGS)
            .set_title("Open a PartnerPath file")
            .add_filter("All files", &["*"])
            .pick_file(),
        Purpose::Create => dialog
            .add_filter("PartnerPath file", &ENDINGS)
            .set_title("Create a new PartnerPath file")
            .set_file_name(&state.name)
            .save_file(),
        Purpose::Import => dialog
            .add_filter("PartnerPath exchange file", &EXCHANGE_ENDINGS)
            .set_title("Import an exchange file")
            .add_filter("All files", &["*"])
            .pick_file(),
        Purpose::Export => dialog
            .add_filter("PartnerPath exchange file", &EXCHANGE_ENDINGS)
            .set_title("Export to an exchange file")
            .set_file_name(&state.name)
            .save_file(),
        Purpose::Spreadsheet => dialog
            .add_filter("Excel workbook", &WORKBOOK_ENDINGS)
            .set_title("Export to a spreadsheet")
            .set_file_name(&state.name)
            .save_file(),
        Purpose::Calendar => dialog
            .add_filter("Calendar file", &CALENDAR_ENDINGS)
            .set_title("Export a calendar")
            .set_file_name(&state.name)
            .save_file(),
    };
    one.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_path_is_checked_before_it_is_used() {
        let dir = tempfile::tempdir().expect("temp dir");
        let existing = dir.path().join("here.sqlite");
        std::fs::write(&existing, b"").expect("write");
        let missing = dir.path().join("new.sqlite");
        assert_eq!(
            not_ready(Purpose::Open, dir.path(), "here.sqlite", &existing),
            None
        );
        assert!(not_ready(Purpose::Open, dir.path(), "new.sqlite", &missing).is_some());
        assert_eq!(
            not_ready(Purpose::Create, dir.path(), "new.sqlite", &missing),
            None
        );
        assert!(not_ready(Purpose::Create, dir.path(), "here.sqlite", &existing).is_some());
        assert!(not_ready(Purpose::Create, dir.path(), "", &missing).is_some());
        let nowhere = dir.path().join("nowhere");
        assert!(
            not_ready(
                Purpose::Create,
                &nowhere,
                "new.sqlite",
                &nowhere.join("new.sqlite")
            )
            .is_some()
        );
        assert_eq!(
            partnerpath_files(dir.path(), &ENDINGS),
            vec!["here.sqlite".to_owned()]
        );
    }
}
