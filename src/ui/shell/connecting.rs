//! What the window does with a shared database: connecting (from the
//! Connect dialog, the recent list or `--server`), keeping the password in
//! the keychain only when asked, and, each frame, following what other
//! people change and whether the server can be reached.

use std::sync::mpsc;

use super::{App, apply};
use crate::place::Place;
use crate::problem::Problem;
use crate::session::{Finished, RETRY, Session, Waker};
use crate::ui::action::{Action, SignIn};
use crate::ui::dialogs::Connect;
use crate::ui::nav::Screen;

impl App {
    /// File > Connect to a shared database…, filled in with the last one
    /// connected to.
    pub(super) fn open_connect_dialog(&mut self, reason: Option<String>) {
        let last = self.recent.servers().first().and_then(|a| Place::parse(a));
        self.open(Box::new(Connect::new(last, reason)));
    }

    /// The Connect dialog again, filled in with `place`, saying why
    /// connecting did not work.
    fn ask_again(&mut self, place: &Place, problem: &Problem) {
        self.open(Box::new(Connect::new(
            Some(place.clone()),
            Some(format!(
                "Connecting to {} as {} did not work: {}",
                place.label(),
                place.user,
                problem.what
            )),
        )));
    }

    /// Signs in as the Connect dialog was filled in; keeps the password in
    /// the keychain if asked to, and forgets one kept before if not, once
    /// connected. When it does not work, the dialog asks again, filled in,
    /// saying why.
    pub(super) fn sign_in(&mut self, ctx: &egui::Context, sign_in: &SignIn) -> Result<(), Problem> {
        let password = (!sign_in.password.is_empty()).then(|| sign_in.password.clone());
        let typed = Typed {
            password: password.clone(),
            remember: sign_in.remember,
        };
        self.start_connecting(ctx, sign_in.place.clone(), password, Some(typed))
    }

    /// Connects to the shared database at `address` with the password the
    /// keychain keeps for it, or else `PGPASSWORD` or the password file;
    /// when that fails, the Connect dialog asks, filled in.
    pub(super) fn connect_to(&mut self, ctx: &egui::Context, address: &str) -> Result<(), Problem> {
        let Some(place) = Place::parse(address) else {
            return Err(Problem::new(
                format!(
                    "“{address}” is not the address of a shared database, so nothing was opened."
                ),
                "Write it as postgres://USER@SERVER/DATABASE, or use File > Connect to a shared database….",
            ));
        };
        let kept = self.keychain.password(&place.address());
        self.start_connecting(ctx, place, kept, None)
    }

    /// Connects on a thread of its own, so that the window is drawn while
    /// the server answers (or does not, for up to 10 seconds); the window
    /// says meanwhile where it is connecting. A connection asked for
    /// before and not yet made is given up.
    fn start_connecting(
        &mut self,
        ctx: &egui::Context,
        place: Place,
        password: Option<String>,
        typed: Option<Typed>,
    ) -> Result<(), Problem> {
        let (answer, answered) = mpsc::channel();
        let address = place.address();
        let wake = ctx.clone();
        std::thread::Builder::new()
            .name("connecting".into())
            .spawn(move || {
                // The listener's own connection is made here too, so that
                // no frame waits for it.
                let for_session = wake.clone();
                let waker: Waker = std::sync::Arc::new(move || for_session.request_repaint());
                let session =
                    Session::connect_with(&address, password.as_deref()).and_then(|mut session| {
                        session.listen(waker)?;
                        Ok(session)
                    });
                // Nobody waits for it when another was asked for since.
                let _ = answer.send(session);
                wake.request_repaint();
            })
            .map_err(|error| {
                Problem::new(
                    format!("PartnerPath could not start connecting to {} ({error}).", place.label()),
                    "Close some other programs, then try File > Connect to a shared database… again.",
                )
            })?;
        self.connecting = Some(Connecting {
            place,
            typed,
            answered,
        });
        Ok(())
    }

    /// The connection asked for, once the server has answered: it is worked
    /// on from now on, or the Connect dialog asks again, saying why.
    pub(super) fn take_connection(&mut self) {
        let Some(connecting) = &self.connecting else {
            return;
        };
        let answer = match connecting.answered.try_recv() {
            Ok(answer) => answer,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => Err(Problem::new(
                "Connecting stopped before the server answered.",
                "Try File > Connect to a shared database… again.",
            )),
        };
        let Some(Connecting { place, typed, .. }) = self.connecting.take() else {
            return;
        };
        let session = match answer {
            Ok(session) => session,
            Err(problem) => {
                self.ask_again(&place, &problem);
                return;
            }
        };
        let address = place.address();
        let mut notice = None;
        match typed {
            Some(Typed {
                password: Some(password),
                remember: true,
            }) => {
                if let Err(why) = self.keychain.keep(&address, &password) {
                    notice = Some(Problem::new(
                        format!(
                            "Connected, but the password could not be kept in this computer's keychain ({why})."
                        ),
                        "You will be asked for it the next time you connect.",
                    ));
                }
            }
            Some(Typed {
                remember: false, ..
            }) => self.keychain.forget(&address),
            _ => {}
        }
        self.start_on_server(session, &address);
        self.problem = notice;
    }

    /// Where the window is connecting, while it waits for the server.
    pub fn connecting(&self) -> Option<&Place> {
        self.connecting.as_ref().map(|c| &c.place)
    }

    /// Works on `session` from now on (already following other people's
    /// changes: `start_connecting`).
    fn start_on_server(&mut self, session: Session, address: &str) {
        self.recent.used_server(address);
        self.session = Some(session);
        self.problem = None;
        self.screen = Screen::Partnerships;
        self.return_to_last_screen();
    }

    /// Reads again what other people changed, and follows the connection;
    /// while it is lost, the window wakes each second to try again.
    pub(super) fn follow(&mut self, ctx: &egui::Context) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if let Err(problem) = session.follow() {
            self.problem = Some(problem);
        }
        if session.offline().is_some() {
            ctx.request_repaint_after(RETRY);
        }
        // What the server answered to the edits sent in the background:
        // what they made opens; those not stored are said, and someone
        // else's change met is asked about.
        let mut failed = Vec::new();
        let mut navigate = None;
        for finished in session.take_finished() {
            match finished {
                Finished::Stored(_, outcome) => {
                    navigate = apply::opened_by(outcome, session).or(navigate);
                }
                Finished::Failed(problem) => failed.push((problem, true)),
            }
        }
        if let Some(conflict) = session.take_conflict() {
            self.act(Action::ChooseInConflict(Box::new(conflict)));
        }
        self.report(failed);
        if let Some(screen) = navigate {
            self.navigate(screen);
        }
        let Some(session) = self.session.as_mut() else {
            return;
        };
        // A partnership asked for has come: its screen shows. (One that
        // could not be read was said with the other failures.)
        if let Some(screen) = self.opening
            && session.opening().is_none()
        {
            self.opening = None;
            if let Screen::In(id, _) = screen
                && session.view().is_some_and(|v| v.partnership.id == id)
            {
                self.screen = screen;
            }
        }
        // What was open may have been deleted by someone else.
        if let Screen::In(id, _) = self.screen
            && session.view().is_none_or(|v| v.partnership.id != id)
            && session.summaries().iter().all(|s| s.partnership.id != id)
        {
            self.screen = Screen::Partnerships;
        }
    }
}

impl App {
    /// Reads the history of changes when its page shows and what was read
    /// is no longer current (once per change, never every frame).
    pub(super) fn read_history(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if matches!(self.screen, Screen::In(_, crate::ui::nav::Page::History))
            && session.may_read_history()
            && session.history().is_none()
            && let Err(problem) = session.read_history()
        {
            self.problem = Some(problem);
        }
    }
}

/// A connection on its way (`App::start_connecting`).
pub(super) struct Connecting {
    place: Place,
    /// Typed in the Connect dialog (none when it came from the keychain).
    typed: Option<Typed>,
    answered: mpsc::Receiver<Result<Session, Problem>>,
}

/// What the Connect dialog was given: the password, and whether to keep it
/// in the keychain (or forget one kept before).
struct Typed {
    password: Option<String>,
    remember: bool,
}
