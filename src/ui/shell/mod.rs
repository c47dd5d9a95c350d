//! The app shell: the window's frame. Each frame it draws the menu, the
//! banners, the screen showing and the open dialogs, which push `Actions`;
//! after the frame it applies them, in order, in one `match`
//! (`apply.rs`). The shell alone knows every page and dialog; they know
//! only `nav`, `action` and `view`.
//!
//! `menu.rs` draws the menu bar, `banners.rs` the lines across the top,
//! `pages.rs` the pages of a partnership, `apply.rs` carries out the
//! actions, `effects.rs` what they do to files, `evidence.rs` to
//! attachments and `connecting.rs` to a shared database; `present.rs`
//! gives the whole window to Present; `keyboard.rs` reads the
//! shortcuts, `remember.rs` keeps what lasts between runs and `launch.rs`
//! opens the window.

mod apply;
mod banners;
mod connecting;
mod effects;
mod evidence;
mod keyboard;
pub mod launch;
mod menu;
mod pages;
mod present;
pub mod remember;
mod undo;

use std::path::PathBuf;
use std::time::Instant;

use egui::Ui;
use jiff::civil::Date;

use self::pages::Pages;
use self::remember::{Recent, Remembered, Theme};
use crate::instrument::Instruments;
use crate::keychain::{Keychain, SystemKeychain};
use crate::problem::Problem;
use crate::session::Session;
use crate::ui::action::{Action, Actions};
use crate::ui::dialogs::PrintDialog;
use crate::ui::kit::{self, style, widgets};
use crate::ui::nav::{Screen, ScreenContext};
use crate::ui::pages::present::Present;
use crate::ui::pages::{PartnershipsList, welcome};
use crate::ui::view::{Dialog, DialogContext};

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

pub struct App {
    instruments: Instruments,
    session: Option<Session>,
    screen: Screen,
    /// On a server: the screen asked for, shown once its partnership has
    /// been read.
    opening: Option<Screen>,
    /// A shared database being connected to, until the server answers.
    connecting: Option<connecting::Connecting>,
    problem: Option<Problem>,
    list: PartnershipsList,
    pages: Pages,
    /// The print dialog, kept while closed: its choices stay for the next
    /// printing, and the PDF being made is followed.
    print: PrintDialog,
    /// The other dialogs open, in the order opened (the last on top).
    dialogs: Vec<Box<dyn Dialog>>,
    recent: Recent,
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
    /// Actions asked for between frames (`act`), applied after the next.
    queued: Vec<Action>,
    /// The day the window is shown as on, for pictures that must not
    /// change; today where the computer is otherwise.
    day: Option<Date>,
    /// Where a shared database's password is kept when the user asks.
    keychain: Box<dyn Keychain>,
    /// What the window presents (View > Present), over the whole screen.
    present: Option<Present>,
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
            opening: None,
            connecting: None,
            problem,
            list: PartnershipsList::default(),
            pages: Pages::default(),
            print: PrintDialog::default(),
            dialogs: Vec::new(),
            recent: Recent::default(),
            done: None,
            backups_root: None,
            sample_path: None,
            first_frame_exit: None,
            styled: false,
            title: String::new(),
            remembered: Remembered::default(),
            queued: Vec::new(),
            day: None,
            keychain: Box::new(SystemKeychain),
            present: None,
        }
    }

    /// An app with no database open and nothing to say (it is about to
    /// connect to a shared one).
    pub fn without_database(instruments: Instruments) -> App {
        let mut app = App::new(instruments, Err(Problem::new("", "")));
        app.problem = None;
        app
    }

    /// Keeps passwords in `keychain` rather than the system's (tests).
    pub fn with_keychain(mut self, keychain: Box<dyn Keychain>) -> App {
        self.keychain = keychain;
        self
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

    /// Asks for `action` as a menu or a page would: it is applied after
    /// the next frame.
    pub fn act(&mut self, action: Action) {
        self.queued.push(action);
    }

    /// Shows the window as on `day` rather than today (for pictures of it
    /// that must not change with the date).
    pub fn as_on(mut self, day: Date) -> App {
        self.day = Some(day);
        self
    }

    /// The dialogs open, by name, the last on top (the print dialog first
    /// when it is open).
    pub fn dialogs(&self) -> Vec<&'static str> {
        let print = self.print.is_open().then(|| self.print.name());
        print
            .into_iter()
            .chain(self.dialogs.iter().map(|d| d.name()))
            .collect()
    }

    /// Draws the whole window and applies what the user did.
    pub fn show(&mut self, ui: &mut Ui) {
        self.style_once(ui.ctx());
        self.take_connection();
        self.follow(ui.ctx());
        self.read_history();
        kit::set_may_edit(
            ui.ctx(),
            self.session.as_ref().is_none_or(Session::may_edit),
        );
        let mut actions = Actions::from(std::mem::take(&mut self.queued));
        keyboard::pressed(ui, &mut actions);
        self.update_title(ui.ctx());
        // Read once, so that every part of the frame agrees on the day.
        let today = self.day.unwrap_or_else(widgets::today);
        if self.still_presenting(ui.ctx()) {
            // Nothing but the part presented, and what went wrong.
            self.problem_banner(ui, &mut actions);
            let frame = egui::Frame::central_panel(ui.style()).inner_margin(style::space::M);
            egui::CentralPanel::default()
                .frame(frame)
                .show(ui, |ui| self.show_present(ui, today, &mut actions));
        } else {
            self.menu_bar(ui, &mut actions);
            self.problem_banner(ui, &mut actions);
            self.done_banner(ui, &mut actions);
            self.read_only_banner(ui, &mut actions);
            self.server_banners(ui);
            self.sample_banner(ui);
            self.evidence_frame(ui, &mut actions);
            egui::CentralPanel::default().show(ui, |ui| self.show_screen(ui, today, &mut actions));
        }
        self.show_dialogs(ui, today, &mut actions);
        self.apply(ui.ctx(), actions.take());
        self.remember(ui.ctx());
        keyboard::focus_ring(ui.ctx());
        self.first_frame(ui.ctx());
    }

    /// The style, and the theme and zoom remembered, on the first frame.
    fn style_once(&mut self, ctx: &egui::Context) {
        if self.styled {
            return;
        }
        style::apply(ctx);
        // What was remembered; following the system at 100 % is what the
        // window starts with anyway.
        if self.remembered.theme != Theme::System {
            ctx.set_theme(self.remembered.theme.to_egui());
        }
        if self.remembered.zoom != 100 {
            ctx.set_zoom_factor(f32::from(self.remembered.zoom) / 100.0);
        }
        self.styled = true;
    }

    /// The screen showing: the list, a page of a partnership, or the ways
    /// to begin when no file is open.
    fn show_screen(&mut self, ui: &mut Ui, today: Date, actions: &mut Actions) {
        let Some(session) = &self.session else {
            match self.connecting() {
                Some(place) => welcome::connecting(ui, &place.label(), &place.user),
                None => welcome::no_file(ui, actions),
            }
            return;
        };
        match self.screen {
            Screen::Partnerships => {
                self.list
                    .show(ui, session, (self.instruments, today), actions);
            }
            Screen::In(id, page) => match session.view() {
                Some(view) if view.partnership.id == id => {
                    let cx = ScreenContext {
                        page,
                        view,
                        instruments: self.instruments,
                        today,
                        history: session
                            .may_read_history()
                            .then(|| session.history().unwrap_or_default()),
                        history_coming: session.history().is_none(),
                    };
                    self.pages.show(ui, &cx, actions);
                }
                // The shell loads a partnership before showing its pages;
                // one that is gone leads back to the list.
                _ => actions.push(Action::Go(Screen::Partnerships)),
            },
        }
    }

    /// The print dialog (following its PDF while closed), then the others.
    fn show_dialogs(&mut self, ui: &mut Ui, today: Date, actions: &mut Actions) {
        let cx = DialogContext {
            view: self.session.as_ref().and_then(Session::view),
            file: self
                .session
                .as_ref()
                .filter(|s| s.place().is_none())
                .map(Session::path),
            server: self.session.as_ref().and_then(Session::place),
            instruments: self.instruments,
            today,
        };
        self.print.show(ui, &cx, actions);
        self.dialogs
            .retain_mut(|dialog| dialog.show(ui, &cx, actions));
    }

    /// Opens `dialog` on top, in place of one of its name.
    fn open(&mut self, dialog: Box<dyn Dialog>) {
        self.dialogs.retain(|d| d.name() != dialog.name());
        self.dialogs.push(dialog);
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

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.session {
            Some(session) => match session.place() {
                Some(place) => format!("PartnerPath — {}", place.label()),
                None => format!("PartnerPath — {}", widgets::last_name(session.path())),
            },
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
        // The database open now; none open (the last one had gone) keeps
        // the one remembered.
        if let Some(session) = &self.session {
            if let Some(place) = session.place() {
                self.remembered.last_server = Some(place.address());
            } else {
                self.remembered.last_file = Some(session.path().to_path_buf());
                self.remembered.last_server = None;
            }
        }
        eframe::set_value(storage, Remembered::KEY, &self.remembered);
    }
}
