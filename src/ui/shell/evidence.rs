//! Evidence in the window: the dialogs of a record's evidence, files
//! attached on their own thread with a progress line across the top,
//! files dropped on the window (to the evidence dialog open, the page's
//! one record, or, on a page of several, the one the user chooses), and
//! an attachment opened with the system's viewer or saved as a copy.
//!
//! The window cannot tell which row of a page files are dropped on: the
//! windowing library (winit 0.30) reports no pointer position while a
//! file is dragged, on Windows as on Linux. So a page of several records
//! asks which one, rather than guess.

use std::path::{Path, PathBuf};

use egui::{Align2, Ui};

use super::App;
use crate::model::{AttachedTo, Attachment, Evidence, PartnershipView};
use crate::problem::Problem;
use crate::session::Session;
use crate::ui::action::{Action, Actions};
use crate::ui::dialogs::{ChooseFile, EvidenceDialog, WhereToAttach};
use crate::ui::kit::{style, widgets};
use crate::ui::nav::{Page, Screen};
use crate::{model, paths};

/// Where files dropped now would go.
enum DropTo {
    /// This record, named in words.
    One(AttachedTo, String),
    /// One of these, which the user chooses.
    Among(Vec<(AttachedTo, String)>),
}

impl App {
    /// The evidence's part of a frame: files being attached (their
    /// progress, and what became of them once done), and files dragged
    /// over the window or dropped on it.
    pub(super) fn evidence_frame(&mut self, ui: &mut Ui, actions: &mut Actions) {
        self.follow_attaching(ui);
        let (hovered, dropped) = ui.input(|i| {
            let dropped: Vec<PathBuf> = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect();
            (!i.raw.hovered_files.is_empty(), dropped)
        });
        if !hovered && dropped.is_empty() {
            return;
        }
        let target = self.drop_to();
        if hovered {
            drop_hint(ui, target.as_ref());
        }
        if dropped.is_empty() {
            return;
        }
        match target {
            Some(DropTo::One(to, _)) => actions.push(Action::AttachFiles(to, dropped)),
            Some(DropTo::Among(among)) => actions.push(Action::ChooseWhereToAttach {
                paths: dropped,
                among,
            }),
            None => actions.push(Action::Report(Problem::new(
                "Files dropped here are not attached to anything.",
                "Open a continuum cycle, a readiness round, a meeting or worksheet, or the monitoring plan, then drop the files there.",
            ))),
        }
    }

    /// The progress line while files are read, and once they are, what
    /// became of them.
    fn follow_attaching(&mut self, ui: &mut Ui) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if let Some(attaching) = session.attaching() {
            let names = attaching.names.join(", ");
            let progress = attaching.progress();
            egui::Panel::top("attaching").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(format!("Attaching {names}…"));
                    ui.add(
                        egui::ProgressBar::new(progress)
                            .desired_width(style::width::PROGRESS * 2.0)
                            .show_percentage(),
                    )
                    .accessible_name("Attaching files");
                });
            });
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
        let Some(attached) = session.finish_attaching() else {
            return;
        };
        if attached.count > 0 {
            self.done = Some(format!(
                "Attached {}.",
                widgets::count(attached.count, "file", "files")
            ));
        }
        let mut problems = attached.problems.into_iter();
        if let Some(first) = problems.next() {
            // Each file's own problem, one after another in the banner.
            let problem = problems.fold(first, |all, next| {
                Problem::new(format!("{} {}", all.what, next.what), all.what_to_do)
            });
            self.problem = Some(problem);
        }
        ui.ctx().request_repaint();
    }

    /// Where files dropped now would go: the evidence dialog open, else
    /// the record of the page shown, else on a page of several records
    /// the one the user chooses.
    fn drop_to(&self) -> Option<DropTo> {
        if let Some((to, what)) = self.dialogs.iter().rev().find_map(|d| d.drop_target()) {
            return Some(DropTo::One(to, what));
        }
        if !self.dialogs.is_empty() {
            return None;
        }
        let view = self.session.as_ref().and_then(Session::view)?;
        let Screen::In(_, page) = self.screen else {
            return None;
        };
        records_of(view, page, self)
    }

    /// Opens the evidence of a record.
    pub(super) fn show_evidence(&mut self, to: AttachedTo, what: String) {
        self.open(Box::new(EvidenceDialog::new(to, what)));
    }

    /// Asks where dropped files go.
    pub(super) fn choose_where_to_attach(
        &mut self,
        paths: Vec<PathBuf>,
        among: Vec<(AttachedTo, String)>,
    ) {
        self.open(Box::new(WhereToAttach::new(paths, among)));
    }

    /// The file dialog, for files to attach to `to`.
    pub(super) fn choose_files_to_attach(&mut self, to: AttachedTo) {
        let what = self
            .dialogs
            .iter()
            .find_map(|d| d.drop_target())
            .map_or_else(|| "its record".to_owned(), |(_, what)| what);
        let dialog = ChooseFile::attach(to, &what, self.recent.folders(), &paths::documents_dir());
        self.open(Box::new(dialog));
    }

    /// Starts reading `paths` to attach them to `to`.
    pub(super) fn attach_files(
        &mut self,
        to: AttachedTo,
        paths: Vec<PathBuf>,
    ) -> Result<(), Problem> {
        let today = self.day.unwrap_or_else(widgets::today);
        match self.session.as_mut() {
            Some(session) => session.start_attaching(to, paths, today),
            None => Ok(()),
        }
    }

    /// Attaches a link.
    pub(super) fn attach_link(
        &mut self,
        to: &AttachedTo,
        title: &str,
        address: &str,
    ) -> Result<(), Problem> {
        let today = self.day.unwrap_or_else(widgets::today);
        let Some(session) = self.session.as_mut() else {
            return Ok(());
        };
        session.attach_link(to, title, address, today)?;
        self.done = Some(format!("Added the link {address}."));
        Ok(())
    }

    /// Opens a link in the browser, or a file with the system's viewer
    /// (from a copy in a folder of PartnerPath's own).
    pub(super) fn open_attachment(&mut self, attachment: &Attachment) -> Result<(), Problem> {
        let cannot = |e: &dyn std::fmt::Display| {
            Problem::new(
                format!("“{}” could not be opened ({e}).", attachment.name),
                "Save a copy of it with “Save a copy…” and open that, or check that a program for this kind of file is installed.",
            )
        };
        match attachment.evidence() {
            Some(Evidence::Link { address }) => opener::open(address).map_err(|e| cannot(&e)),
            Some(Evidence::File { .. }) => {
                let Some(session) = self.session.as_ref() else {
                    return Ok(());
                };
                let content = session.attachment_content(attachment)?;
                let path = opened_copy(attachment)?;
                crate::saving::write_atomically(&path, &content, "The copy to open")?;
                opener::open(&path).map_err(|e| cannot(&e))
            }
            None => Err(cannot(&"it is neither a file nor a link")),
        }
    }

    /// The file dialog, for where to save a copy of a file attached.
    pub(super) fn choose_attachment_copy(&mut self, attachment: Box<Attachment>) {
        let dialog =
            ChooseFile::attachment_copy(attachment, self.recent.folders(), &paths::documents_dir());
        self.open(Box::new(dialog));
    }

    /// Saves a copy of a file attached, as it was attached.
    pub(super) fn save_attachment_copy(
        &mut self,
        attachment: &Attachment,
        path: &Path,
    ) -> Result<(), Problem> {
        let Some(session) = self.session.as_ref() else {
            return Ok(());
        };
        let content = session.attachment_content(attachment)?;
        crate::saving::write_atomically(path, &content, "The copy")?;
        self.done = Some(format!("Saved a copy to {}.", path.display()));
        Ok(())
    }
}

/// The records of `page` files dropped on it go to: one (a readiness
/// round, a worksheet) or several to choose from (the indicators of a
/// cycle, the milestones); none on a page of neither.
fn records_of(view: &PartnershipView, page: Page, app: &App) -> Option<DropTo> {
    match page {
        Page::Continuum(cycle_id) => {
            let cycle = view.cycle(cycle_id)?;
            let continuum = model::continuum_for(&app.instruments, view, cycle);
            let among = continuum
                .indicators()
                .map(|i| {
                    (
                        AttachedTo::Indicator(cycle_id, i.key.clone()),
                        format!("{}, {}", i.name, cycle.school_year),
                    )
                })
                .collect();
            Some(DropTo::Among(among))
        }
        Page::Readiness(round) => {
            let round = view.readiness_round(round)?;
            Some(DropTo::One(
                AttachedTo::ReadinessRound(round.round.id),
                format!("the readiness round {}", round.round.title),
            ))
        }
        Page::Document(document) => {
            let document = view.document(document)?;
            Some(DropTo::One(
                AttachedTo::Document(document.id),
                format!("“{}”", document.title),
            ))
        }
        Page::Monitoring if !view.milestones.is_empty() => Some(DropTo::Among(
            view.milestones
                .iter()
                .map(|m| {
                    (
                        AttachedTo::Milestone(m.id),
                        format!("the milestone “{}”", m.milestone),
                    )
                })
                .collect(),
        )),
        _ => None,
    }
}

/// Across the window while files are dragged over it: where they will go
/// when dropped.
fn drop_hint(ui: &Ui, target: Option<&DropTo>) {
    let text = match target {
        Some(DropTo::One(_, what)) => format!("Drop the files to attach them to {what}."),
        Some(DropTo::Among(_)) => {
            "Drop the files, then choose what they are evidence for.".to_owned()
        }
        None => "Files cannot be attached here: open a continuum cycle, a readiness round, a meeting or worksheet, or the monitoring plan.".to_owned(),
    };
    let screen = ui.ctx().content_rect();
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop hint"),
    ));
    let visuals = ui.visuals();
    painter.rect_filled(screen, 0.0, style::drop_veil(visuals));
    let inner = screen.shrink(24.0);
    painter.rect_stroke(
        inner,
        12.0,
        egui::Stroke::new(3.0, style::drop_outline(visuals)),
        egui::StrokeKind::Inside,
    );
    let galley = painter.layout(
        text,
        egui::FontId::proportional(style::size::LEAD),
        visuals.strong_text_color(),
        inner.width() - 80.0,
    );
    let at = Align2::CENTER_CENTER
        .anchor_size(inner.center(), galley.size())
        .min;
    let back = egui::Rect::from_min_size(at, galley.size()).expand(16.0);
    painter.rect_filled(back, 8.0, visuals.panel_fill);
    painter.rect_stroke(
        back,
        8.0,
        egui::Stroke::new(2.0, style::drop_outline(visuals)),
        egui::StrokeKind::Outside,
    );
    painter.galley(at, galley, visuals.strong_text_color());
}

/// Where a file attached is written to be opened: a folder of its own in
/// the data folder's `opened`, by the attachment's id, under its own name.
fn opened_copy(attachment: &Attachment) -> Result<PathBuf, Problem> {
    let folder = paths::data_dir()?
        .join("opened")
        .join(attachment.id.0.to_string());
    std::fs::create_dir_all(&folder).map_err(|e| {
        Problem::new(
            format!("“{}” could not be opened ({e}).", attachment.name),
            "Save a copy of it with “Save a copy…” and open that.",
        )
        .at(&folder)
    })?;
    Ok(folder.join(crate::saving::safe_file_name(&attachment.name)))
}
