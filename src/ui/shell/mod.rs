//! The app shell: menu, problem banner, and which screen is showing. Screens
//! hand back commands and navigation; the shell applies them after the frame.

use std::path::{Path, PathBuf};
use std::time::Instant;

use egui::{RichText, Ui};

use super::files::{self, Recent};
use super::nav::{FileRequest, Page, Purpose, Requests, Screen, ScreenContext};
use super::remember::{self, Remembered, Theme};
use super::shortcuts::{self, Pressed};
use super::welcome::{self, Start};
use super::{
    about, actions, backups, continuum, deleted, document, exchange, monitoring, partnership,
    partnerships, phase, print, readiness, style, trajectory, widgets,
};
use crate::instrument::Instruments;
use crate::model::{Deleted, Outcome, PartnershipId};
use crate::problem::{Problem, Remedy};
use crate::session::{ExportScope, Session};
use crate::{demo, paths};

/// Makes the program quit once its first frame is on screen, printing the
/// time since `started` (for the smoke test and start-up measurements).
pub struct FirstFrameExit {
    pub started: Instant,
    frames: u32,
    /// What the window draws with, named in the line printed.
    renderer: &'static str,
}

impl FirstFrameExit {
    pub fn new(started: Instant) -> FirstFrameExit {
        FirstFrameExit {
            started,
            frames: 0,
            renderer: "",
        }
    }
}

/// What each page of a partnership remembers between frames.
#[derive(Default)]
struct Pages {
    detail: partnership::State,
    grid: continuum::State,
    trajectory: trajectory::State,
    readiness: readiness::State,
    document: document::State,
    monitoring: monitoring::State,
}

impl Pages {
    /// Draws one page of the partnership loaded in `cx`, beside the
    /// partnership's side panel.
    fn show(&mut self, ui: &mut Ui, page: Page, cx: &ScreenContext<'_>, requests: &mut Requests) {
        if ui.available_width() >= style::width::NARROW + style::width::NAV {
            egui::Panel::left("partnership sections")
                .resizable(false)
                .exact_size(style::width::NAV)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("partnership sections scroll")
                        .show(ui, |ui| partnership::side_panel(ui, page, cx, requests));
                });
        } else {
            egui::Panel::top("partnership sections row").show(ui, |ui| {
                partnership::top_row(ui, page, cx, requests);
            });
        }
        match page {
            Page::Overview => partnership::show(ui, &mut self.detail, cx, requests),
            Page::Cycles => partnership::cycles_page(ui, &mut self.detail, cx, requests),
            Page::Rounds => partnership::rounds_page(ui, &mut self.detail, cx, requests),
            Page::Agreements => partnership::agreements_page(ui, cx, requests),
            Page::Phase(phase) => phase::show(ui, phase, cx, requests),
            Page::Continuum(cycle) => continuum::show(ui, &mut self.grid, cx, cycle, requests),
            Page::Trajectory(_) => trajectory::show(ui, &mut self.trajectory, cx, requests),
            Page::Readiness(round) => {
                readiness::show(ui, &mut self.readiness, cx, round, requests);
            }
            Page::Document(document) => {
                document::show(ui, &mut self.document, cx, document, requests);
            }
            Page::Monitoring => monitoring::show(ui, &mut self.monitoring, cx, requests),
            Page::Actions => actions::show(ui, cx, requests),
        }
    }
}

pub struct App {
    instruments: Instruments,
    session: Option<Session>,
    screen: Screen,
    problem: Option<Problem>,
    list: partnerships::State,
    pages: Pages,
    print: print::State,
    files: files::State,
    recent: Recent,
    about: bool,
    deleted: deleted::State,
    backups: backups::State,
    exchange: exchange::State,
    /// What to export once the user has chosen where.
    pending_export: Option<(PartnershipId, ExportScope)>,
    /// A line that something worked ("Exported to …"), until dismissed.
    done: Option<String>,
    /// Where backups of the files opened are kept (none in tests unless
    /// they say).
    backups_root: Option<PathBuf>,
    /// Where the sample partnership is written (the data folder unless a
    /// test says otherwise).
    sample_path: Option<PathBuf>,
    first_frame_exit: Option<FirstFrameExit>,
    styled: bool,
    title: String,
    /// The theme, zoom and screens remembered between runs.
    remembered: Remembered,
    /// Help > Keyboard shortcuts is showing.
    shortcuts_help: bool,
}

impl App {
    /// An app on an opened database, or on none when opening failed (the
    /// problem is shown and the user can open or create another file).
    pub fn new(instruments: Instruments, session: Result<Session, Problem>) -> App {
        let (session, problem) = match session {
            Ok(mut session) => {
                let notice = session.take_notice();
                (Some(session), notice)
            }
            Err(problem) => (None, Some(problem)),
        };
        App {
            instruments,
            session,
            screen: Screen::Partnerships,
            problem,
            list: partnerships::State::default(),
            pages: Pages::default(),
            print: print::State::default(),
            files: files::State::default(),
            recent: Recent::default(),
            about: false,
            deleted: deleted::State::default(),
            backups: backups::State::default(),
            exchange: exchange::State::default(),
            pending_export: None,
            done: None,
            backups_root: None,
            sample_path: None,
            first_frame_exit: None,
            styled: false,
            title: String::new(),
            remembered: Remembered::default(),
            shortcuts_help: false,
        }
    }

    /// The app with what was remembered from the last run: the recent
    /// files (the open one added), the theme and zoom (applied on the first
    /// frame), and the screen the open file was left on.
    pub fn remembering(mut self, storage: Option<&dyn eframe::Storage>) -> App {
        if let Some(recent) = storage.and_then(|s| eframe::get_value(s, Recent::KEY)) {
            self.recent = recent;
        }
        self.remembered = Remembered::load(storage);
        if let Some(session) = &self.session {
            self.recent.used(session.path());
        }
        self.return_to_last_screen();
        self
    }

    /// What was remembered, as it stands (saved when the window closes).
    pub fn remembered(&self) -> &Remembered {
        &self.remembered
    }

    /// Shows the screen the open file was left on, if its partnership is
    /// still there.
    fn return_to_last_screen(&mut self) {
        let Some(session) = &self.session else {
            return;
        };
        let Some(screen) = self.remembered.screen_of(session.path()) else {
            return;
        };
        let exists = match screen {
            Screen::Partnerships => true,
            Screen::In(id, _) => session.summaries().iter().any(|s| s.partnership.id == id),
        };
        if exists && self.screen == Screen::Partnerships {
            self.navigate(screen);
        }
    }

    /// Keeps backups of the files opened from now on under `root`.
    pub fn keeping_backups_in(mut self, root: PathBuf) -> App {
        self.backups_root = Some(root);
        self
    }

    /// Writes the sample partnership at `path` instead of the data folder.
    pub fn with_sample_at(mut self, path: PathBuf) -> App {
        self.sample_path = Some(path);
        self
    }

    pub fn recent(&self) -> &Recent {
        &self.recent
    }

    pub fn exit_after_first_frame(mut self, exit: FirstFrameExit) -> App {
        self.first_frame_exit = Some(exit);
        self
    }

    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    /// Shows a screen directly (used by `--demo` to open the sample).
    pub fn go_to(&mut self, screen: Screen) {
        self.navigate(screen);
    }

    /// Draws the whole window and applies what the user did.
    pub fn show(&mut self, ui: &mut Ui) {
        if !self.styled {
            style::apply(ui.ctx());
            // What was remembered; following the system at 100 % is what
            // the window starts with anyway.
            if self.remembered.theme != Theme::System {
                ui.ctx().set_theme(self.remembered.theme.to_egui());
            }
            if self.remembered.zoom != 100 {
                ui.ctx()
                    .set_zoom_factor(f32::from(self.remembered.zoom) / 100.0);
            }
            self.styled = true;
        }
        self.keyboard(ui);
        self.update_title(ui.ctx());
        let mut requests = Requests::default();
        // Read once, so that every part of the frame agrees on the day.
        let today = widgets::today();
        self.menu_bar(ui);
        self.problem_banner(ui);
        self.done_banner(ui);
        self.read_only_banner(ui);
        self.sample_banner(ui);
        egui::CentralPanel::default().show(ui, |ui| match &self.session {
            None => no_database(ui, &mut requests),
            Some(session) => match self.screen {
                Screen::Partnerships => {
                    let cx = (self.instruments, today);
                    if partnerships::show(ui, &mut self.list, session, cx, &mut requests) {
                        let shown = self.list.shown();
                        let summary = crate::print::portfolio(
                            self.instruments.continuum,
                            &shown,
                            session.summaries().len(),
                            self.list.filter(),
                            today,
                        );
                        self.print.open_portfolio(summary);
                    }
                }
                Screen::In(id, page) => match session.view() {
                    Some(view) if view.partnership.id == id => {
                        let cx = ScreenContext {
                            view,
                            instruments: self.instruments,
                            today,
                        };
                        self.pages.show(ui, page, &cx, &mut requests);
                    }
                    // The shell loads a partnership before showing its pages;
                    // one that is gone leads back to the list.
                    _ => requests.navigate = Some(Screen::Partnerships),
                },
            },
        });
        if print::shortcut(ui) {
            self.open_print_dialog();
        }
        let view = self.session.as_ref().and_then(Session::view);
        if let Some(problem) = print::show(ui, &mut self.print, view, self.instruments, today) {
            self.problem = Some(problem);
        }
        if let Some((purpose, path)) = files::show(ui, &mut self.files, &self.recent) {
            match purpose {
                Purpose::Open => self.open_database(&path),
                Purpose::Create => self.create_database(path),
                Purpose::Import => self.read_exchange_file(&path),
                Purpose::Export => self.write_exchange_file(&path),
            }
        }
        let view = self.session.as_ref().and_then(Session::view);
        match exchange::show(ui, &mut self.exchange, view) {
            Some(exchange::Chosen::Export {
                partnership,
                scope,
                file_name,
            }) => {
                self.pending_export = Some((partnership, scope));
                let fallback = paths::documents_dir();
                self.files
                    .open_named(Purpose::Export, &self.recent, &fallback, &file_name);
            }
            Some(exchange::Chosen::Import(chosen)) => {
                let (file, plan) = *chosen;
                self.import(&file, &plan);
            }
            None => {}
        }
        if let Some(item) = deleted::show(ui, &mut self.deleted) {
            self.restore_deleted(&item);
        }
        match backups::show(ui, &mut self.backups) {
            Some(backups::Chosen::Restore(path)) => self.restore_backup(&path),
            Some(backups::Chosen::Problem(problem)) => self.problem = Some(problem),
            None => {}
        }
        let file = self.session.as_ref().map(Session::path);
        if let Some(problem) = about::show(ui, &mut self.about, file, self.instruments) {
            self.problem = Some(problem);
        }
        shortcuts::show_help(ui, &mut self.shortcuts_help);
        self.apply(requests);
        self.remember(ui.ctx());
        shortcuts::focus_ring(ui.ctx());
        self.first_frame(ui.ctx());
    }

    /// The main moves from the keyboard (Help > Keyboard shortcuts).
    fn keyboard(&mut self, ui: &Ui) {
        match shortcuts::pressed(ui, self.remembered.zoom) {
            Some(Pressed::Zoom(percent)) => self.zoom(ui.ctx(), percent),
            Some(Pressed::Open) => self.choose_file(Purpose::Open),
            Some(Pressed::Back) => {
                let back = match self.screen {
                    Screen::In(id, page) if page != Page::Overview => {
                        Some(Screen::In(id, Page::Overview))
                    }
                    Screen::In(..) => Some(Screen::Partnerships),
                    Screen::Partnerships => None,
                };
                if let Some(screen) = back {
                    self.navigate(screen);
                }
            }
            Some(Pressed::Find) => {
                if self.screen != Screen::Partnerships {
                    self.navigate(Screen::Partnerships);
                }
                self.list.focus_search();
            }
            Some(Pressed::Help) => self.shortcuts_help = true,
            None => {}
        }
    }

    fn zoom(&mut self, ctx: &egui::Context, percent: u16) {
        self.remembered.zoom = shortcuts::clamp_zoom(percent);
        ctx.set_zoom_factor(f32::from(self.remembered.zoom) / 100.0);
    }

    /// Keeps what is remembered up to date: the theme, and the screen the
    /// open file shows (the file itself is noted when saving).
    fn remember(&mut self, ctx: &egui::Context) {
        self.remembered.theme = Theme::from_egui(ctx.options(|o| o.theme_preference));
        if let Some(session) = &self.session {
            let path = session.path();
            if self.remembered.screen_of(path) != Some(self.screen) {
                self.remembered.left_on(path, self.screen);
            }
        }
    }

    fn apply(&mut self, requests: Requests) {
        match requests.file {
            Some(FileRequest::Choose(purpose)) => self.choose_file(purpose),
            Some(FileRequest::Sample) => self.open_sample(),
            None => {}
        }
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let mut navigate = requests.navigate;
        // Each edit is applied on its own: one that is refused or fails is
        // reported, and the edits asked for after it still run.
        let mut problems: Vec<Problem> = Vec::new();
        for command in requests.commands {
            match session.apply(&command) {
                // What was just made opens: a new partnership, cycle,
                // readiness round or worksheet.
                Ok(outcome) => {
                    let page = match outcome {
                        Outcome::PartnershipCreated(id) => {
                            navigate = Some(Screen::In(id, Page::Overview));
                            None
                        }
                        Outcome::ReadinessRoundCreated(round) => Some(Page::Readiness(round)),
                        Outcome::DocumentCreated(document) => Some(Page::Document(document)),
                        Outcome::CycleCreated(cycle) => Some(Page::Continuum(cycle)),
                        _ => None,
                    };
                    if let (Some(page), Some(view)) = (page, session.view()) {
                        navigate = Some(Screen::In(view.partnership.id, page));
                    }
                }
                Err(problem) => problems.push(problem),
            }
        }
        let mut problems = problems.into_iter();
        if let Some(first) = problems.next() {
            let others = problems.count();
            self.problem = Some(match others {
                0 => first,
                1 => first.followed_by(
                    "One other change asked for at the same time was not saved either.",
                ),
                n => first.followed_by(&format!(
                    "{n} other changes asked for at the same time were not saved either."
                )),
            });
        }
        if let Some(screen) = navigate {
            self.navigate(screen);
        }
    }

    fn navigate(&mut self, screen: Screen) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let result = match screen {
            Screen::Partnerships => {
                session.close_partnership();
                session.refresh_summaries()
            }
            Screen::In(id, _) => {
                let loaded = session.view().is_some_and(|v| v.partnership.id == id);
                if loaded {
                    Ok(())
                } else {
                    session.open_partnership(id).map(|_| ())
                }
            }
        };
        if let Screen::In(_, Page::Trajectory(tab)) = screen {
            self.pages.trajectory.tab = tab;
        }
        match result {
            Ok(()) => self.screen = screen,
            Err(problem) => {
                self.problem = Some(problem);
                self.screen = Screen::Partnerships;
            }
        }
    }

    /// Switches to another database file, keeping the current one on failure.
    pub fn open_database(&mut self, path: &Path) {
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
            return;
        }
        match Session::open_with(path, self.backups_root.as_deref()) {
            Ok(mut session) => {
                self.recent.used(path);
                self.problem = session.take_notice();
                self.session = Some(session);
                self.screen = Screen::Partnerships;
                self.return_to_last_screen();
            }
            Err(problem) => self.problem = Some(problem),
        }
    }

    /// Opens a file from the recent list, or says it is no longer there
    /// (rather than making a new, empty file in its place).
    fn open_recent(&mut self, path: &Path) {
        if path.exists() {
            self.open_database(path);
        } else {
            self.problem = Some(remember::gone(path));
        }
    }

    /// Creates a new, empty file and switches to it; an existing file is
    /// never overwritten.
    fn create_database(&mut self, path: PathBuf) {
        if path.exists() {
            self.problem = Some(
                Problem::new(
                    "A file with that name is already there, so no new file was made.",
                    "Choose another name, or open that file with File > Open….",
                )
                .at(path),
            );
            return;
        }
        self.open_database(&path);
    }

    /// Opens PartnerPath's own file dialog, starting in a recent folder or
    /// the Documents folder.
    fn choose_file(&mut self, purpose: Purpose) {
        let fallback = paths::documents_dir();
        self.files.open(purpose, &self.recent, &fallback);
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
    fn open_sample(&mut self) {
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
        match session {
            Ok(session) => {
                let first = session.summaries().first().map(|p| p.partnership.id);
                self.recent.used(session.path());
                self.session = Some(session);
                self.problem = None;
                self.screen = Screen::Partnerships;
                if let Some(id) = first {
                    self.navigate(Screen::In(id, Page::Overview));
                }
            }
            Err(problem) => self.problem = Some(problem),
        }
    }

    /// Reads an exchange file and shows what importing it would do.
    fn read_exchange_file(&mut self, path: &Path) {
        let Some(session) = self.session.as_ref() else {
            return;
        };
        match session.plan_import_file(path, self.instruments) {
            Ok((file, plan)) => {
                self.problem = None;
                self.exchange.import(file, plan, files::last_name(path));
            }
            Err(problem) => self.problem = Some(problem),
        }
    }

    /// Imports as the user chose, then shows the partnership.
    fn import(
        &mut self,
        file: &crate::model::exchange::Exchange,
        plan: &crate::model::exchange::Plan,
    ) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        match session.import(file, plan) {
            Ok(id) => {
                self.problem = None;
                self.done = Some(format!("Imported into “{}”.", plan.partnership_name));
                self.navigate(Screen::In(id, Page::Overview));
            }
            Err(problem) => self.problem = Some(problem),
        }
    }

    /// Writes the export the user chose to `path`.
    fn write_exchange_file(&mut self, path: &Path) {
        let (Some(session), Some((id, scope))) =
            (self.session.as_ref(), self.pending_export.take())
        else {
            return;
        };
        let written = session
            .export(id, &scope)
            .and_then(|bytes| crate::saving::write_atomically(path, &bytes, "The exchange file"));
        match written {
            Ok(()) => {
                self.problem = None;
                self.done = Some(format!("Exported to {}.", path.display()));
            }
            Err(problem) => self.problem = Some(problem),
        }
    }

    /// Puts back a deleted record and shows where it is.
    fn restore_deleted(&mut self, item: &Deleted) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if let Err(problem) = session.restore_deleted(item) {
            self.problem = Some(problem);
        }
    }

    /// Puts the whole file back as a backup holds it; the list shows after.
    fn restore_backup(&mut self, path: &Path) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        match session.restore_backup(path) {
            Ok(()) => {
                self.problem = None;
                self.screen = Screen::Partnerships;
            }
            Err(problem) => self.problem = Some(problem),
        }
    }

    /// Opens the file again, after the window that wrote it has closed.
    fn try_again(&mut self) {
        let Some(session) = self.session.as_ref() else {
            return;
        };
        match session.reopen() {
            Ok(session) => {
                if !session.view().is_some_and(|v| match self.screen {
                    Screen::In(id, _) => v.partnership.id == id,
                    Screen::Partnerships => false,
                }) {
                    self.screen = Screen::Partnerships;
                }
                self.session = Some(session);
                self.problem = None;
            }
            Err(problem) => self.problem = Some(problem),
        }
    }

    fn open_print_dialog(&mut self) {
        let view = self.session.as_ref().and_then(Session::view);
        self.print.open_for(self.screen, view);
    }

    #[expect(
        clippy::too_many_lines,
        reason = "the menu bar: one block per menu, in the order they are shown"
    )]
    fn menu_bar(&mut self, ui: &mut Ui) {
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| {
                    if ui.button("New…").clicked() {
                        self.choose_file(Purpose::Create);
                        ui.close();
                    }
                    if shortcuts::menu_item(ui, "Open…", &shortcuts::OPEN, true).clicked() {
                        self.choose_file(Purpose::Open);
                        ui.close();
                    }
                    self.recent_menu(ui);
                    if ui.button("Open the sample partnership").clicked() {
                        self.open_sample();
                        ui.close();
                    }
                    ui.separator();
                    if shortcuts::menu_item(ui, "Print…", &print::SHORTCUT, true).clicked() {
                        self.open_print_dialog();
                        ui.close();
                    }
                    ui.separator();
                    if let Some(session) = &self.session {
                        if ui.button("Import…").clicked() {
                            let fallback = paths::documents_dir();
                            self.files.open(Purpose::Import, &self.recent, &fallback);
                            ui.close();
                        }
                        let view = session.view();
                        let export = ui
                            .add_enabled(view.is_some(), egui::Button::new("Export partnership…"))
                            .on_disabled_hover_text("Open a partnership first");
                        if export.clicked()
                            && let Some(view) = view
                        {
                            self.exchange.export(view);
                            ui.close();
                        }
                        ui.separator();
                        if ui.button("Recently deleted…").clicked() {
                            match session.recently_deleted() {
                                Ok(items) => self.deleted.open(items),
                                Err(problem) => self.problem = Some(problem),
                            }
                            ui.close();
                        }
                        if session.keeps_backups() && ui.button("Restore from backup…").clicked()
                        {
                            self.backups
                                .open(session.backups(), session.backups_folder());
                            ui.close();
                        }
                        ui.separator();
                    }
                    if ui.button("Quit").clicked() {
                        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                });
                ui.menu_button("View", |ui| {
                    let mut preference = ui.options(|o| o.theme_preference);
                    let choices = [
                        (egui::ThemePreference::Light, "Light theme"),
                        (egui::ThemePreference::Dark, "Dark theme"),
                        (egui::ThemePreference::System, "Follow the system"),
                    ];
                    for (choice, label) in choices {
                        if ui.radio_value(&mut preference, choice, label).clicked() {
                            ui.ctx().set_theme(preference);
                        }
                    }
                    ui.separator();
                    let zoom = self.remembered.zoom;
                    let steps = [
                        ("Larger", shortcuts::ZOOM_IN, shortcuts::zoom_in(zoom)),
                        ("Smaller", shortcuts::ZOOM_OUT, shortcuts::zoom_out(zoom)),
                        ("Actual size (100 %)", shortcuts::ZOOM_RESET, 100),
                    ];
                    for (label, shortcut, percent) in steps {
                        if shortcuts::menu_item(ui, label, &shortcut, percent != zoom).clicked() {
                            self.zoom(ui.ctx(), percent);
                        }
                    }
                    ui.weak(format!("Zoom: {zoom} %"));
                });
                ui.menu_button("Help", |ui| {
                    if shortcuts::menu_item(ui, "Keyboard shortcuts", &shortcuts::HELP, true)
                        .clicked()
                    {
                        self.shortcuts_help = true;
                        ui.close();
                    }
                    if ui.button("About PartnerPath").clicked() {
                        self.about = true;
                        ui.close();
                    }
                });
                if let Some(session) = &self.session {
                    let path = session.path();
                    let file = files::last_name(path);
                    let read_only = session.read_only().is_some();
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if read_only {
                            ui.weak(format!("Read only: {file}"))
                                .on_hover_text(path.display().to_string());
                        } else {
                            ui.weak(format!("Saved as you go in {file}"))
                                .on_hover_text(format!(
                                    "Every change is saved in this file as you make it:\n{}",
                                    path.display()
                                ));
                        }
                    });
                }
            });
        });
    }

    /// File > Open recent: the files used lately, the open one left out.
    fn recent_menu(&mut self, ui: &mut Ui) {
        let open = self.session.as_ref().map(|s| s.path().to_path_buf());
        let files: Vec<PathBuf> = self
            .recent
            .files()
            .iter()
            .filter(|f| Some(*f) != open.as_ref())
            .cloned()
            .collect();
        if files.is_empty() {
            return;
        }
        ui.menu_button("Open recent", |ui| {
            for file in files {
                if ui
                    .button(files::last_name(&file))
                    .on_hover_text(file.display().to_string())
                    .clicked()
                {
                    self.open_recent(&file);
                    ui.close();
                }
            }
        });
    }

    fn problem_banner(&mut self, ui: &mut Ui) {
        let Some(problem) = &self.problem else {
            return;
        };
        let mut dismissed = false;
        egui::Panel::top("problem")
            .frame(
                egui::Frame::new()
                    .fill(style::problem_fill(ui.visuals()))
                    .inner_margin(egui::Margin::symmetric(12, 8)),
            )
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new("!").size(style::size::SIGN).strong());
                    ui.vertical(|ui| {
                        ui.label(RichText::new(&problem.what).strong());
                        ui.label(&problem.what_to_do);
                        if let Some(remedy) = problem.remedy {
                            ui.label(remedy_in_the_menu(remedy));
                        }
                        if let Some(path) = &problem.path {
                            ui.weak(path.display().to_string());
                        }
                    });
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        dismissed = ui.button("Dismiss").clicked();
                    });
                });
            });
        if dismissed {
            self.problem = None;
        }
    }

    /// Says that something the user asked for worked.
    fn done_banner(&mut self, ui: &mut Ui) {
        let Some(done) = &self.done else {
            return;
        };
        if note_banner(ui, "done", done, ("Dismiss", "Hide this line")) {
            self.done = None;
        }
    }

    /// Says that another window writes the file and this one only reads
    /// it, with a way to try again once that window is closed.
    fn read_only_banner(&mut self, ui: &mut Ui) {
        let Some(read_only) = self.session.as_ref().and_then(Session::read_only) else {
            return;
        };
        let text = format!(
            "Read only. This file is open {}. This window shows it as it was when opened; changes can be made only there.",
            read_only.describe()
        );
        let again = (
            "Try again",
            "Open the file for changes, if the other window has closed it",
        );
        if note_banner(ui, "read only", &text, again) {
            self.try_again();
        }
    }

    fn sample_banner(&self, ui: &mut Ui) {
        let sample = self
            .session
            .as_ref()
            .is_some_and(|s| s.summaries().iter().any(|p| p.partnership.is_sample));
        if !sample {
            return;
        }
        // Only the sample's own file is rebuilt; a file of generated data
        // (`demo --large`) is fictional too, but kept until deleted.
        let rebuilt = self.session.as_ref().is_some_and(|s| {
            self.sample_path
                .clone()
                .or_else(paths::sample_database)
                .is_some_and(|sample| s.path() == sample)
        });
        let text = if rebuilt {
            "Sample data: fictional partnerships made by PartnerPath for trying it out. This file is rebuilt whenever the sample is made again; your own partnerships are kept elsewhere."
        } else {
            "Sample data: fictional partnerships made by PartnerPath for trying it out and for measuring its speed. Your own partnerships are kept in their own files."
        };
        egui::Panel::top("sample")
            .frame(
                egui::Frame::new()
                    .fill(style::sample_fill(ui.visuals()))
                    .inner_margin(egui::Margin::symmetric(12, 6)),
            )
            .show(ui, |ui| {
                ui.label(RichText::new(text).strong());
            });
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.session {
            Some(session) => {
                format!("PartnerPath — {}", files::last_name(session.path()))
            }
            None => "PartnerPath".to_owned(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn first_frame(&mut self, ctx: &egui::Context) {
        let Some(exit) = self.first_frame_exit.as_mut() else {
            return;
        };
        exit.frames += 1;
        // This runs while frame N is built; frame 1 has been painted by the
        // time frame 2 starts.
        if exit.frames == 2 {
            println!(
                "first frame painted after {} ms ({})",
                exit.started.elapsed().as_millis(),
                exit.renderer
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ctx.request_repaint();
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        if let Some(exit) = self.first_frame_exit.as_mut() {
            exit.renderer = if frame.gl().is_some() {
                "OpenGL"
            } else {
                "wgpu"
            };
        }
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Recent::KEY, &self.recent);
        // The file open now; none open (the last one had gone) keeps the
        // one remembered.
        if let Some(session) = &self.session {
            self.remembered.last_file = Some(session.path().to_path_buf());
        }
        eframe::set_value(storage, Remembered::KEY, &self.remembered);
    }
}

/// A line across the top of the window that tells, with one button (its
/// label and hover text) on the right; returns whether it was clicked.
fn note_banner(ui: &mut Ui, id: &str, text: &str, (button, hover): (&str, &str)) -> bool {
    let mut clicked = false;
    egui::Panel::top(id)
        .frame(
            egui::Frame::new()
                .fill(style::sample_fill(ui.visuals()))
                .inner_margin(egui::Margin::symmetric(12, 6)),
        )
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(text).strong());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    clicked = ui.button(button).on_hover_text(hover).clicked();
                });
            });
        });
    clicked
}

/// Whether two paths name the same file.
/// Where in the menus the user mends a problem: only the window names menus.
fn remedy_in_the_menu(remedy: Remedy) -> &'static str {
    match remedy {
        Remedy::OpenOrNew => "File > Open… opens another file; File > New… starts a new one.",
        Remedy::RecentlyDeleted => "Deleted records are restored from File > Recently deleted….",
        Remedy::ExportAgain => "Partnerships are exported with File > Export partnership….",
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(a), Ok(b)) if a == b
        )
}

/// Shown when no file could be opened: the ways to begin (a new partnership
/// needs a file first, so it asks for one).
fn no_database(ui: &mut Ui, requests: &mut Requests) {
    let start = welcome::show(
        ui,
        "No PartnerPath file is open",
        "Open a file you have, or explore the sample. To begin a partnership of your own, create a new file first.",
    );
    requests.file = match start {
        Some(Start::CreatePartnership) => Some(FileRequest::Choose(Purpose::Create)),
        Some(start) => start.file_request(),
        None => None,
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Command, NewPartnership, NewPerson, Side};

    /// Two edits asked for in one frame, the first refused: the second is
    /// still stored, and the first is reported.
    #[test]
    fn an_edit_refused_does_not_drop_the_edits_after_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("two.sqlite");
        let instruments = Instruments::builtin().expect("instruments");
        let mut app = App::new(instruments, Session::open(&path));
        let mut first = Requests::default();
        first
            .commands
            .push(Command::CreatePartnership(NewPartnership {
                name: "Oak & Elm".into(),
                ..NewPartnership::default()
            }));
        app.apply(first);
        let id = app.session().expect("open").summaries()[0].partnership.id;
        let refused = Command::CreatePartnership(NewPartnership::default());
        let person = |name: &str| {
            Command::AddPerson(
                id,
                NewPerson {
                    name: name.into(),
                    side: Side::District,
                    role: String::new(),
                },
            )
        };
        app.apply(Requests {
            commands: vec![refused.clone(), person("Ana"), refused, person("Bo")],
            ..Requests::default()
        });
        let view = app
            .session()
            .and_then(Session::view)
            .expect("partnership open");
        let names: Vec<&str> = view.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Ana", "Bo"]);
        let problem = app.problem().expect("the refusals are reported");
        assert!(
            problem.what.contains("One other change"),
            "{}",
            problem.what
        );
    }
}
