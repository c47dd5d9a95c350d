//! File > Print… (Ctrl+P): choose what to print and the paper, save the PDF
//! where the user chooses, and open it in the system's viewer. The layout
//! runs on a background thread, so the window never freezes.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

use egui::{RichText, Ui};

use super::nav::{Page, Screen};
use super::widgets::today;
use crate::instrument::{CONTRACT_SUPPLEMENT, Instruments, QUARTERLY_MEETING};
use crate::model::{CycleId, DocumentId, PartnershipView, ReadinessRoundId, Team};
use crate::print::{Blank, Filled, Paper, PrintRequest, What, printout, render, write_atomically};
use crate::problem::Problem;

/// The choices in the dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Continuum,
    Trajectory,
    ReadinessDistrict,
    ReadinessPartner,
    ReadinessJoint,
    Document,
    Monitoring,
    Packet,
    BlankContinuum,
    BlankReadiness(Team),
    BlankSupplement,
    BlankMeeting,
    BlankMonitoring,
}

struct Job {
    started: Instant,
    path: PathBuf,
    done: Receiver<Result<(), Problem>>,
}

pub struct State {
    open: bool,
    choice: Choice,
    cycle: Option<CycleId>,
    round: Option<ReadinessRoundId>,
    document: Option<DocumentId>,
    with_raters: bool,
    with_numbers: bool,
    paper: Paper,
    job: Option<Job>,
    /// The last PDF written, to say so.
    written: Option<PathBuf>,
    /// The folder for "Save in folder", typed or defaulted to Documents.
    folder: String,
}

impl Default for State {
    fn default() -> Self {
        State {
            open: false,
            choice: Choice::BlankContinuum,
            cycle: None,
            round: None,
            document: None,
            with_raters: false,
            with_numbers: false,
            paper: Paper::Letter,
            job: None,
            written: None,
            folder: crate::paths::documents_dir().display().to_string(),
        }
    }
}

impl State {
    /// Opens the dialog with the tool of `screen` chosen.
    pub fn open_for(&mut self, screen: Screen, view: Option<&PartnershipView>) {
        self.open = true;
        self.written = None;
        self.choice = match (screen, view) {
            (Screen::In(_, Page::Continuum(cycle)), Some(_)) => {
                self.cycle = Some(cycle);
                Choice::Continuum
            }
            (Screen::In(_, Page::Trajectory(_)), Some(_)) => Choice::Trajectory,
            (Screen::In(_, Page::Readiness(round)), Some(_)) => {
                self.round = Some(round);
                Choice::ReadinessJoint
            }
            (Screen::In(_, Page::Document(document)), Some(_)) => {
                self.document = Some(document);
                Choice::Document
            }
            (Screen::In(_, Page::Monitoring), Some(_)) => Choice::Monitoring,
            (_, Some(view)) if !view.cycles.is_empty() => Choice::Packet,
            _ => Choice::BlankContinuum,
        };
        if let Some(view) = view {
            self.cycle = self
                .cycle
                .filter(|c| view.cycle(*c).is_some())
                .or(view.cycles.last().map(|c| c.id));
            self.round = self
                .round
                .filter(|r| view.readiness_round(*r).is_some())
                .or(view.readiness.last().map(|r| r.round.id));
            self.document = self
                .document
                .filter(|d| view.document(*d).is_some())
                .or(view.documents.last().map(|d| d.id));
        }
    }
}

/// Ctrl+P anywhere opens the dialog.
pub fn shortcut(ui: &Ui) -> bool {
    ui.input_mut(|i| {
        i.consume_shortcut(&egui::KeyboardShortcut::new(
            egui::Modifiers::COMMAND,
            egui::Key::P,
        ))
    })
}

/// Draws the dialog (when open) and the progress of a PDF being made.
/// Returns a problem to show when printing failed.
pub fn show(
    ui: &mut Ui,
    state: &mut State,
    view: Option<&PartnershipView>,
    instruments: Instruments,
) -> Option<Problem> {
    let mut problem = None;
    if let Some(job) = &state.job {
        match job.done.try_recv() {
            Ok(Ok(())) => {
                let path = job.path.clone();
                state.job = None;
                if let Err(error) = opener::open(&path) {
                    problem = Some(Problem {
                        what: format!("The PDF was saved, but it could not be opened ({error})."),
                        what_to_do: "Open it from your files.".to_owned(),
                        path: Some(path.clone()),
                    });
                }
                state.written = Some(path);
            }
            Ok(Err(error)) => {
                state.job = None;
                problem = Some(error);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            // The printing thread stopped without an answer: it met an error
            // of PartnerPath's own, and no file was written.
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                state.job = None;
                problem = Some(Problem {
                    what: "The printout could not be made: PartnerPath met an error of its own while laying it out. No file was written.".to_owned(),
                    what_to_do: "Try again, or print another tool. Your partnership's data is not affected.".to_owned(),
                    path: None,
                });
            }
        }
    }
    if !state.open {
        return problem;
    }
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("print dialog")).show(ui.ctx(), |ui| {
        ui.set_width(560.0);
        ui.heading("Print");
        if let Some(job) = &state.job {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!(
                    "Preparing the PDF… {} s",
                    job.started.elapsed().as_secs()
                ));
            });
            ui.weak(job.path.display().to_string());
            return;
        }
        if let Some(path) = &state.written {
            ui.label(RichText::new("Saved, and sent to your PDF viewer:").strong());
            ui.weak(path.display().to_string());
            ui.add_space(6.0);
        }
        choices(ui, state, view);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            ui.label("Paper");
            ui.radio_value(&mut state.paper, Paper::Letter, "Letter");
            ui.radio_value(&mut state.paper, Paper::A4, "A4");
        });
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let request = request(state);
            if ui
                .add_enabled(
                    request.is_some(),
                    egui::Button::new(RichText::new("Save PDF…").strong()),
                )
                .on_hover_text("Choose where to save it, then it opens")
                .clicked()
                && let Some(request) = &request
            {
                match start(request, view, instruments, ui.ctx(), None) {
                    Ok(Some(job)) => state.job = Some(job),
                    Ok(None) => {}
                    Err(error) => problem = Some(error),
                }
            }
            if ui.button("Close").clicked() {
                close = true;
            }
        });
        // Where the system offers no file dialog, or to skip it.
        ui.horizontal(|ui| {
            ui.label("Or save straight into the folder");
            ui.add(egui::TextEdit::singleline(&mut state.folder).desired_width(260.0))
                .accessible_name("Folder to save the PDF in");
            let request = request(state);
            let folder = PathBuf::from(state.folder.trim());
            if ui
                .add_enabled(
                    request.is_some() && folder.is_dir(),
                    egui::Button::new("Save here"),
                )
                .clicked()
                && let Some(request) = &request
            {
                match start(request, view, instruments, ui.ctx(), Some(folder)) {
                    Ok(Some(job)) => state.job = Some(job),
                    Ok(None) => {}
                    Err(error) => problem = Some(error),
                }
            }
        });
    });
    if close || (modal.should_close() && state.job.is_none()) {
        state.open = false;
    }
    problem
}

fn choices(ui: &mut Ui, state: &mut State, view: Option<&PartnershipView>) {
    if let Some(view) = view {
        ui.label(RichText::new(&view.partnership.name).strong());
        if !view.cycles.is_empty() {
            ui.horizontal(|ui| {
                ui.radio_value(&mut state.choice, Choice::Continuum, "Continuum of");
                cycle_choice(ui, state, view);
            });
            if state.choice == Choice::Continuum {
                ui.horizontal(|ui| {
                    ui.add_space(24.0);
                    ui.checkbox(&mut state.with_raters, "Show each rater's level (initials)");
                });
            }
            ui.radio_value(
                &mut state.choice,
                Choice::Trajectory,
                "Across the years: radar, heat map, what changed",
            );
            ui.radio_value(
                &mut state.choice,
                Choice::Packet,
                "Partnership packet: a cover and the year's tools",
            );
        }
        if !view.readiness.is_empty() {
            ui.horizontal(|ui| {
                ui.label("Readiness round");
                let selected = state
                    .round
                    .and_then(|r| view.readiness_round(r))
                    .map_or_else(String::new, |r| r.round.title.clone());
                egui::ComboBox::from_id_salt("print round")
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        for round in view.readiness.iter().rev() {
                            ui.selectable_value(
                                &mut state.round,
                                Some(round.round.id),
                                &round.round.title,
                            );
                        }
                    })
                    .response
                    .accessible_name("Readiness round to print");
            });
            ui.horizontal(|ui| {
                ui.add_space(24.0);
                ui.radio_value(
                    &mut state.choice,
                    Choice::ReadinessDistrict,
                    "District team sheet",
                );
                ui.radio_value(
                    &mut state.choice,
                    Choice::ReadinessPartner,
                    "Partner team sheet",
                );
                ui.radio_value(
                    &mut state.choice,
                    Choice::ReadinessJoint,
                    "Both teams together",
                );
            });
            if state.choice == Choice::ReadinessJoint {
                ui.horizontal(|ui| {
                    ui.add_space(48.0);
                    ui.checkbox(&mut state.with_numbers, "Show each team's averages");
                });
            }
        }
        if !view.documents.is_empty() {
            ui.horizontal(|ui| {
                ui.radio_value(&mut state.choice, Choice::Document, "Document");
                let selected = state
                    .document
                    .and_then(|d| view.document(d))
                    .map_or_else(String::new, |d| d.title.clone());
                egui::ComboBox::from_id_salt("print document")
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        for document in view.documents.iter().rev() {
                            ui.selectable_value(
                                &mut state.document,
                                Some(document.id),
                                &document.title,
                            );
                        }
                    })
                    .response
                    .accessible_name("Document to print");
            });
        }
        ui.radio_value(&mut state.choice, Choice::Monitoring, "Monitoring plan");
        ui.add_space(6.0);
    }
    ui.label(RichText::new("Blank, for handing out").strong());
    ui.radio_value(
        &mut state.choice,
        Choice::BlankContinuum,
        "Continuum rubric",
    );
    ui.radio_value(
        &mut state.choice,
        Choice::BlankReadiness(Team::District),
        "Readiness: district team sheet",
    );
    ui.radio_value(
        &mut state.choice,
        Choice::BlankReadiness(Team::Partner),
        "Readiness: partner team sheet",
    );
    ui.radio_value(
        &mut state.choice,
        Choice::BlankSupplement,
        "Contract Supplement",
    );
    ui.radio_value(
        &mut state.choice,
        Choice::BlankMeeting,
        "Quarterly meeting agenda",
    );
    ui.radio_value(
        &mut state.choice,
        Choice::BlankMonitoring,
        "Monitoring plan",
    );
}

fn cycle_choice(ui: &mut Ui, state: &mut State, view: &PartnershipView) {
    let selected = state
        .cycle
        .and_then(|c| view.cycle(c))
        .map_or_else(String::new, |c| c.school_year.clone());
    egui::ComboBox::from_id_salt("print cycle")
        .selected_text(selected)
        .show_ui(ui, |ui| {
            for cycle in view.cycles.iter().rev() {
                ui.selectable_value(&mut state.cycle, Some(cycle.id), &cycle.school_year);
            }
        })
        .response
        .accessible_name("Cycle to print");
}

fn request(state: &State) -> Option<PrintRequest> {
    let what = match state.choice {
        Choice::Continuum => What::Filled(Filled::Continuum {
            cycle: state.cycle?,
            with_raters: state.with_raters,
        }),
        Choice::Trajectory => What::Filled(Filled::Trajectory),
        Choice::ReadinessDistrict => What::Filled(Filled::ReadinessTeam {
            round: state.round?,
            team: Team::District,
        }),
        Choice::ReadinessPartner => What::Filled(Filled::ReadinessTeam {
            round: state.round?,
            team: Team::Partner,
        }),
        Choice::ReadinessJoint => What::Filled(Filled::ReadinessJoint {
            round: state.round?,
            with_numbers: state.with_numbers,
        }),
        Choice::Document => What::Filled(Filled::Document(state.document?)),
        Choice::Monitoring => What::Filled(Filled::Monitoring),
        Choice::Packet => What::Filled(Filled::Packet {
            cycle: state.cycle?,
        }),
        Choice::BlankContinuum => What::Blank(Blank::Continuum),
        Choice::BlankReadiness(team) => What::Blank(Blank::Readiness(team)),
        Choice::BlankSupplement => What::Blank(Blank::Worksheet(CONTRACT_SUPPLEMENT.to_owned())),
        Choice::BlankMeeting => What::Blank(Blank::Worksheet(QUARTERLY_MEETING.to_owned())),
        Choice::BlankMonitoring => What::Blank(Blank::Monitoring),
    };
    Some(PrintRequest {
        what,
        paper: state.paper,
    })
}

/// A file name from the printout's title, without characters file systems refuse.
fn file_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| if r#"/\:*?"<>|"#.contains(c) { '-' } else { c })
        .collect();
    format!("{}.pdf", cleaned.trim())
}

/// Asks where to save (unless a folder is given), then lays out and writes
/// the PDF on a background thread.
fn start(
    request: &PrintRequest,
    view: Option<&PartnershipView>,
    instruments: Instruments,
    ctx: &egui::Context,
    folder: Option<PathBuf>,
) -> Result<Option<Job>, Problem> {
    let printout = printout(request, view, instruments, today()).map_err(|e| e.problem())?;
    let name = file_name(&printout.title);
    let chosen = match folder {
        Some(folder) => Some(folder.join(name)),
        None => rfd::FileDialog::new()
            .set_title("Save the PDF")
            .set_file_name(name)
            .add_filter("PDF", &["pdf"])
            .save_file(),
    };
    let Some(path) = chosen else {
        return Ok(None);
    };
    let (send, done) = channel();
    let ctx = ctx.clone();
    let target = path.clone();
    std::thread::spawn(move || {
        let result = render(&printout)
            .map_err(|e| e.problem())
            .and_then(|pdf| write_atomically(&target, &pdf));
        // The window may have closed meanwhile; then nobody needs the answer.
        if send.send(result).is_ok() {
            ctx.request_repaint();
        }
    });
    Ok(Some(Job {
        started: Instant::now(),
        path,
        done,
    }))
}
