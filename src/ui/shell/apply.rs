//! After the frame, the shell applies the frame's actions in the order
//! they were asked for, in one `match` (`App::run`). An action that fails
//! is reported in the problem banner, and the actions after it still run;
//! a screen asked for is shown once all have run, unless an edit made
//! something to open.

use super::App;
use super::keyboard;
use crate::model::Outcome;
use crate::problem::Problem;
use crate::session::Session;
use crate::ui::action::{Action, Purpose};
use crate::ui::dialogs::{About, Backups, ConflictChoice, Export, RecentlyDeleted, ShortcutHelp};
use crate::ui::nav::{Page, Screen};

impl App {
    /// Applies `actions` in order, then shows the screen asked for; the
    /// next frame, drawn at once, shows what they did.
    pub(super) fn apply(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        if actions.is_empty() {
            return;
        }
        ctx.request_repaint();
        let mut navigate = None;
        let mut failed = Vec::new();
        for action in actions {
            let edit = matches!(action, Action::Edit(_));
            if let Err(problem) = self.run(ctx, action, &mut navigate) {
                failed.push((problem, edit));
            }
        }
        self.report(failed);
        if let Some(screen) = navigate {
            self.navigate(screen);
        }
    }

    /// Carries out one action. A screen asked for is left in `navigate`.
    fn run(
        &mut self,
        ctx: &egui::Context,
        action: Action,
        navigate: &mut Option<Screen>,
    ) -> Result<(), Problem> {
        match action {
            Action::NewFile => self.choose_file(Purpose::Create),
            Action::Open => self.choose_file(Purpose::Open),
            Action::Import => self.choose_file(Purpose::Import),
            Action::OpenSample => return self.open_sample(),
            Action::Connect => self.open_connect_dialog(None),
            Action::ConnectTo(address) => return self.connect_to(ctx, &address),
            Action::SignIn(sign_in) => return self.sign_in(ctx, &sign_in),
            Action::Print => {
                let view = self.session.as_ref().and_then(Session::view);
                self.print.open_for(self.screen, view);
            }
            Action::Export => {
                if let Some(view) = self.session.as_ref().and_then(Session::view) {
                    self.open(Box::new(Export::new(view)));
                }
            }
            Action::ExportSheet => self.choose_sheet_file(),
            Action::ExportCalendar => self.choose_calendar_file(),
            Action::RecentlyDeleted => {
                if let Some(session) = &self.session {
                    let items = session.recently_deleted()?;
                    self.open(Box::new(RecentlyDeleted { items }));
                }
            }
            Action::RestoreFromBackup => {
                if let Some(session) = &self.session {
                    let backups = Backups::new(session.backups(), session.backups_folder());
                    self.open(Box::new(backups));
                }
            }
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Action::ZoomIn => self.zoom(ctx, keyboard::zoom_in(self.remembered.zoom)),
            Action::ZoomOut => self.zoom(ctx, keyboard::zoom_out(self.remembered.zoom)),
            Action::ZoomReset => self.zoom(ctx, 100),
            Action::Undo => return self.undo(false, navigate),
            Action::Redo => return self.undo(true, navigate),
            Action::Back => self.back(),
            Action::Present => return self.start_presenting(ctx),
            Action::LeavePresent => self.stop_presenting(ctx),
            Action::Find => {
                if self.screen != Screen::Partnerships {
                    self.navigate(Screen::Partnerships);
                }
                self.list.focus_search();
            }
            Action::ShortcutHelp => self.open(Box::new(ShortcutHelp)),
            Action::About => self.open(Box::new(About)),
            Action::TryAgain => return self.try_again(),
            Action::DismissProblem => self.problem = None,
            Action::DismissDone => self.done = None,
            Action::Theme(preference) => ctx.set_theme(preference),
            Action::Go(screen) => *navigate = Some(screen),
            Action::Edit(command) => return self.edit(&command, navigate),
            Action::ChooseInConflict(choice) => {
                let (command, conflict) = *choice;
                self.open(Box::new(ConflictChoice { command, conflict }));
            }
            Action::KeepMine(command) => {
                if let Some(session) = self.session.as_mut() {
                    session.send_anyway(&command)?;
                }
            }
            Action::OpenFile(path) => return self.open_database(&path),
            Action::OpenRecent(path) => return self.open_recent(&path),
            Action::CreateFile(path) => return self.create_database(path),
            Action::ReadImport(path) => return self.read_exchange_file(&path),
            Action::ImportChosen(chosen) => return self.import(&chosen.0, &chosen.1),
            Action::ChooseExportFile {
                partnership,
                scope,
                file_name,
            } => self.choose_export_file(partnership, scope, &file_name),
            Action::WriteExport {
                partnership,
                scope,
                path,
            } => return self.write_exchange_file(partnership, &scope, &path),
            Action::WriteSheet { scope, path } => return self.write_spreadsheet(&scope, &path),
            Action::WriteCalendar { scope, path } => return self.write_calendar(scope, &path),
            Action::PrintSummary(summary) => self.print.open_portfolio(*summary),
            Action::ShowEvidence(to, what) => self.show_evidence(to, what),
            Action::ChooseFilesToAttach(to) => self.choose_files_to_attach(to),
            Action::ChooseWhereToAttach { paths, among } => {
                self.choose_where_to_attach(paths, among);
            }
            Action::AttachFiles(to, paths) => return self.attach_files(to, paths),
            Action::AttachLink { to, title, address } => {
                return self.attach_link(&to, &title, &address);
            }
            Action::OpenAttachment(attachment) => return self.open_attachment(&attachment),
            Action::ChooseAttachmentCopy(attachment) => self.choose_attachment_copy(attachment),
            Action::SaveAttachmentCopy { attachment, path } => {
                return self.save_attachment_copy(&attachment, &path);
            }
            Action::RestoreDeleted(item) => return self.restore_deleted(&item),
            Action::RestoreBackup(path) => return self.restore_backup(&path),
            Action::Report(problem) => return Err(problem),
        }
        Ok(())
    }

    /// Stores one edit; what it made opens (a new partnership, cycle,
    /// readiness round or worksheet). On a server the edit is sent, and
    /// what it made opens when the server answers (`App::follow`).
    fn edit(
        &mut self,
        command: &crate::model::Command,
        navigate: &mut Option<Screen>,
    ) -> Result<(), Problem> {
        let Some(session) = self.session.as_mut() else {
            return Ok(());
        };
        match session.send(command) {
            Ok(Some(outcome)) => {
                if let Some(screen) = opened_by(outcome, session) {
                    *navigate = Some(screen);
                }
                Ok(())
            }
            Ok(None) => Ok(()),
            Err(problem) => {
                // Someone else's change met: the choice, not a problem.
                if let Some(conflict) = session.take_conflict() {
                    self.act(Action::ChooseInConflict(Box::new(conflict)));
                    return Ok(());
                }
                Err(problem)
            }
        }
    }

    /// Shows the first problem of the frame, saying how many more there
    /// were: edits not saved, and other things that did not work.
    pub(super) fn report(&mut self, failed: Vec<(Problem, bool)>) {
        let mut failed = failed.into_iter();
        let Some((mut problem, _)) = failed.next() else {
            return;
        };
        let (edits, others): (Vec<_>, Vec<_>) = failed.partition(|(_, edit)| *edit);
        problem = match edits.len() {
            0 => problem,
            1 => problem
                .followed_by("One other change asked for at the same time was not saved either."),
            n => problem.followed_by(&format!(
                "{n} other changes asked for at the same time were not saved either."
            )),
        };
        problem = match others.len() {
            0 => problem,
            1 => problem.followed_by("One other thing asked for at the same time did not work."),
            n => problem.followed_by(&format!(
                "{n} other things asked for at the same time did not work."
            )),
        };
        self.problem = Some(problem);
    }

    /// Alt+Left: from a page of a partnership to its page, from there to
    /// the list.
    fn back(&mut self) {
        let back = match self.screen {
            Screen::In(id, page) if page != Page::Overview => Some(Screen::In(id, Page::Overview)),
            Screen::In(..) => Some(Screen::Partnerships),
            Screen::Partnerships => None,
        };
        if let Some(screen) = back {
            self.navigate(screen);
        }
    }

    fn zoom(&mut self, ctx: &egui::Context, percent: u16) {
        self.remembered.zoom = keyboard::clamp_zoom(percent);
        ctx.set_zoom_factor(f32::from(self.remembered.zoom) / 100.0);
    }

    /// Shows `screen`, loading its partnership from the file first; on a
    /// failure, says so and shows the list.
    pub(super) fn navigate(&mut self, screen: Screen) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        self.opening = None;
        let result = match screen {
            Screen::Partnerships => session.show_list(),
            Screen::In(id, _) => {
                let loaded = session.view().is_some_and(|v| v.partnership.id == id);
                if loaded {
                    // Another asked for before no longer opens when it comes.
                    session.stop_opening();
                    Ok(())
                } else {
                    session.open_soon(id)
                }
            }
        };
        if let Screen::In(_, Page::Trajectory(tab)) = screen {
            self.pages.trajectory.tab = tab;
        }
        if result.is_ok() && session.opening().is_some() {
            // On a server: the screen changes when the partnership has
            // come (`App::follow`); this one stays meanwhile.
            self.opening = Some(screen);
            return;
        }
        match result {
            Ok(()) => self.screen = screen,
            Err(problem) => {
                self.problem = Some(problem);
                self.screen = Screen::Partnerships;
            }
        }
    }
}

/// The screen that shows what a stored edit made, if it made something to
/// open (a new partnership, cycle, readiness round or worksheet).
pub(super) fn opened_by(outcome: Outcome, session: &Session) -> Option<Screen> {
    let page = match outcome {
        Outcome::PartnershipCreated(id) => return Some(Screen::In(id, Page::Overview)),
        Outcome::ReadinessRoundCreated(round) => Page::Readiness(round),
        Outcome::DocumentCreated(document) => Page::Document(document),
        Outcome::CycleCreated(cycle) => Page::Continuum(cycle),
        Outcome::AdaptationAdded(adaptation) => Page::Adaptation(adaptation),
        _ => return None,
    };
    session
        .view()
        .map(|view| Screen::In(view.partnership.id, page))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::Instruments;
    use crate::model::{Command, NewPartnership, NewPerson, PartnershipId, Side};

    fn person(id: PartnershipId, name: &str) -> Command {
        Command::AddPerson(
            id,
            NewPerson {
                name: name.into(),
                side: Side::District,
                role: String::new(),
            },
        )
    }

    /// An app on a new file with one partnership, open on its page.
    fn app_with_a_partnership(dir: &std::path::Path) -> (App, PartnershipId) {
        let instruments = Instruments::builtin().expect("instruments");
        let mut app = App::new(instruments, Session::open(&dir.join("two.sqlite")));
        let first = Command::CreatePartnership(NewPartnership {
            name: "Oak & Elm".into(),
            ..NewPartnership::default()
        });
        app.apply(&egui::Context::default(), vec![Action::Edit(first)]);
        let id = app.session().expect("open").summaries()[0].partnership.id;
        (app, id)
    }

    /// Two edits asked for in one frame, the first refused: the second is
    /// still stored, and the first is reported.
    #[test]
    fn an_edit_refused_does_not_drop_the_edits_after_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut app, id) = app_with_a_partnership(dir.path());
        let refused = Command::CreatePartnership(NewPartnership::default());
        let edits = [
            refused.clone(),
            person(id, "Ana"),
            refused,
            person(id, "Bo"),
        ];
        let ctx = egui::Context::default();
        app.apply(&ctx, edits.into_iter().map(Action::Edit).collect());
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

    /// An action of any kind that fails (a recent file gone) is reported,
    /// and the actions after it in the same frame still run.
    #[test]
    fn a_failed_action_is_reported_and_the_next_ones_still_run() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut app, id) = app_with_a_partnership(dir.path());
        let gone = dir.path().join("gone.sqlite");
        let actions = vec![
            Action::OpenRecent(gone.clone()),
            Action::Edit(person(id, "Ana")),
            Action::Go(Screen::In(id, Page::Monitoring)),
            Action::Report(crate::problem::Problem::new("Also this.", "Nothing.")),
        ];
        app.apply(&egui::Context::default(), actions);
        let view = app.session().and_then(Session::view).expect("open");
        assert_eq!(view.people.len(), 1, "the edit after the failure ran");
        assert_eq!(app.screen(), Screen::In(id, Page::Monitoring));
        let problem = app.problem().expect("reported");
        assert_eq!(problem.path.as_deref(), Some(gone.as_path()));
        assert!(problem.what.contains("One other thing"), "{}", problem.what);
    }
}
