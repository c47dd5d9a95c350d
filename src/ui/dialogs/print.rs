//! File > Print… (Ctrl+P): choose what to print and the paper, save the PDF
//! where the user chooses, and open it in the system's viewer. The layout
//! runs on a background thread, so the window never freezes.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

use egui::{RichText, Ui};
use jiff::civil::Date;

use crate::instrument::{Instruments, Phase};
use crate::model::{CycleId, DocumentId, PartnershipView, ReadinessRoundId, Versions};
use crate::print::{Paper, PortfolioPrint, PrintRequest, Selection, Tool, What, printout, render};
use crate::problem::Problem;
use crate::saving::write_atomically;
use crate::ui::action::{Action, Actions};
use crate::ui::kit::style;
use crate::ui::nav::{Page, Screen};
use crate::ui::view::{Dialog, DialogContext};

/// What the dialog will print: a tool of the one list (`print::Tool`),
/// filled or blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Choice {
    tool: Tool,
    blank: bool,
}

impl Choice {
    fn filled(tool: Tool) -> Choice {
        Choice { tool, blank: false }
    }

    fn blank(tool: Tool) -> Choice {
        Choice { tool, blank: true }
    }
}

struct Job {
    started: Instant,
    path: PathBuf,
    done: Receiver<Result<(), Problem>>,
}

/// The print dialog's choices, kept from one printing to the next, and
/// the PDF being made, which goes on when the window is closed.
pub struct PrintDialog {
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
    /// The partnerships list's summary, when the dialog prints that.
    portfolio: Option<Box<PortfolioPrint>>,
    /// The guidebook worksheet chosen to print blank.
    sheet: Tool,
    /// The version of the continuum to print blank: the open partnership's
    /// usual one, or the one chosen.
    version: Option<String>,
}

impl Default for PrintDialog {
    fn default() -> Self {
        PrintDialog {
            open: false,
            choice: Choice::blank(Tool::Continuum),
            version: None,
            cycle: None,
            round: None,
            document: None,
            with_raters: false,
            with_numbers: false,
            paper: Paper::Letter,
            job: None,
            written: None,
            folder: crate::paths::documents_dir().display().to_string(),
            portfolio: None,
            sheet: Tool::all()
                .into_iter()
                .find(|t| matches!(t, Tool::Sheet(_)))
                .unwrap_or(Tool::Standards),
        }
    }
}

impl PrintDialog {
    /// Whether the window is showing.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Opens the dialog to print the partnerships list's summary.
    pub fn open_portfolio(&mut self, summary: PortfolioPrint) {
        self.open = true;
        self.written = None;
        self.portfolio = Some(Box::new(summary));
    }

    /// Opens the dialog with the tool of `screen` chosen.
    pub fn open_for(&mut self, screen: Screen, view: Option<&PartnershipView>) {
        self.open = true;
        self.written = None;
        self.portfolio = None;
        self.choice = match (screen, view) {
            (Screen::In(_, Page::Continuum(cycle)), Some(_)) => {
                self.cycle = Some(cycle);
                Choice::filled(Tool::Continuum)
            }
            (Screen::In(_, Page::Trajectory(_)), Some(_)) => Choice::filled(Tool::Trajectory),
            (Screen::In(_, Page::Readiness(round)), Some(_)) => {
                self.round = Some(round);
                Choice::filled(Tool::ReadinessJoint)
            }
            (Screen::In(_, Page::Document(document)), Some(_)) => {
                self.document = Some(document);
                document_choice(view, Some(document))
            }
            (Screen::In(_, Page::Monitoring), Some(_)) => Choice::filled(Tool::Monitoring),
            (_, Some(view)) if !view.cycles.is_empty() => Choice::filled(Tool::Packet),
            _ => Choice::blank(Tool::Continuum),
        };
        // Chosen again from the partnership when the dialog is drawn.
        self.version = None;
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

impl Dialog for PrintDialog {
    fn name(&self) -> &'static str {
        "print dialog"
    }

    fn title(&self) -> String {
        "Print".to_owned()
    }

    /// Also follows the PDF being made while the window is closed.
    fn show(&mut self, ui: &mut Ui, cx: &DialogContext<'_>, actions: &mut Actions) -> bool {
        if let Some(problem) = show(ui, self, cx.view, cx.instruments, cx.today) {
            actions.push(Action::Report(problem));
        }
        self.open
    }
}

/// Draws the dialog (when open) and the progress of a PDF being made.
/// Returns a problem to show when printing failed.
#[expect(
    clippy::too_many_lines,
    reason = "the print dialog: choices, paper, folder and the result share one modal's state"
)]
fn show(
    ui: &mut Ui,
    state: &mut PrintDialog,
    view: Option<&PartnershipView>,
    instruments: Instruments,
    today: Date,
) -> Option<Problem> {
    let mut problem = None;
    if let Some(job) = &state.job {
        match job.done.try_recv() {
            Ok(Ok(())) => {
                let path = job.path.clone();
                state.job = None;
                if let Err(error) = opener::open(&path) {
                    problem = Some(
                        Problem::new(
                            format!("The PDF was saved, but it could not be opened ({error})."),
                            "Open it from your files.",
                        )
                        .at(path.clone()),
                    );
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
                problem = Some(Problem::new(
                    "The printout could not be made: PartnerPath met an error of its own while laying it out. No file was written.",
                    "Try again, or print another tool. Your partnership's data is not affected.",
                ));
            }
        }
    }
    if !state.open {
        return problem;
    }
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique(state.name())).show(ui.ctx(), |ui| {
        ui.set_width(style::width::DIALOG_CHOICES);
        ui.heading(state.title());
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
            ui.add_space(style::space::S);
        }
        if let Some(summary) = &state.portfolio {
            ui.label(RichText::new("Portfolio summary").strong());
            ui.label(format!(
                "{}, as the list shows them, on one page.",
                summary.shown
            ));
        } else {
            choices(ui, state, view, instruments);
        }
        ui.add_space(style::space::M);
        ui.horizontal(|ui| {
            ui.label("Paper");
            ui.radio_value(&mut state.paper, Paper::Letter, "Letter");
            ui.radio_value(&mut state.paper, Paper::A4, "A4");
        });
        ui.add_space(style::space::M_PLUS);
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
                match start(request, view, instruments, ui.ctx(), None, today) {
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
            ui.add(
                egui::TextEdit::singleline(&mut state.folder).desired_width(style::width::CHOICE),
            )
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
                match start(request, view, instruments, ui.ctx(), Some(folder), today) {
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

#[expect(
    clippy::too_many_lines,
    reason = "one group of choices per kind of printout, in the order the dialog shows them"
)]
fn choices(
    ui: &mut Ui,
    state: &mut PrintDialog,
    view: Option<&PartnershipView>,
    instruments: Instruments,
) {
    // A blank continuum is the partnership's usual version unless another
    // is chosen.
    if state.version.is_none()
        && let Some(view) = view
    {
        state.version = Some(Versions::usual(view, &instruments).version.clone());
    }
    if let Some(view) = view {
        ui.label(RichText::new(&view.partnership.name).strong());
        if !view.cycles.is_empty() {
            ui.horizontal(|ui| {
                ui.radio_value(
                    &mut state.choice,
                    Choice::filled(Tool::Continuum),
                    "Continuum of",
                );
                cycle_choice(ui, state, view);
            });
            if state.choice == Choice::filled(Tool::Continuum) {
                ui.horizontal(|ui| {
                    ui.add_space(style::space::XXL);
                    ui.checkbox(&mut state.with_raters, "Show each rater's level (initials)");
                });
            }
            ui.radio_value(
                &mut state.choice,
                Choice::filled(Tool::Trajectory),
                "Across the years: levels, radar, heat map, what changed",
            );
            ui.radio_value(
                &mut state.choice,
                Choice::filled(Tool::Packet),
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
                ui.add_space(style::space::XXL);
                ui.radio_value(
                    &mut state.choice,
                    Choice::filled(Tool::ReadinessDistrict),
                    "District team sheet",
                );
                ui.radio_value(
                    &mut state.choice,
                    Choice::filled(Tool::ReadinessPartner),
                    "Partner team sheet",
                );
                ui.radio_value(
                    &mut state.choice,
                    Choice::filled(Tool::ReadinessJoint),
                    "Both teams together",
                );
            });
            if state.choice == Choice::filled(Tool::ReadinessJoint) {
                ui.horizontal(|ui| {
                    ui.add_space(style::space::HUGE);
                    ui.checkbox(&mut state.with_numbers, "Show each team's averages");
                });
            }
        }
        if !view.documents.is_empty() {
            ui.horizontal(|ui| {
                let chosen = !state.choice.blank && state.choice.tool.worksheet().is_some();
                if ui.radio(chosen, "Document").clicked() {
                    state.choice = document_choice(Some(view), state.document);
                }
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
        ui.radio_value(
            &mut state.choice,
            Choice::filled(Tool::Monitoring),
            "Monitoring plan",
        );
        ui.radio_value(
            &mut state.choice,
            Choice::filled(Tool::Stages),
            "Stages of Partnering: the partnership's history and the stages",
        );
        ui.add_space(style::space::S);
    }
    ui.label(RichText::new("Blank, for handing out").strong());
    for tool in Tool::FIXED {
        if let Some(label) = tool.blank_label() {
            ui.radio_value(&mut state.choice, Choice::blank(tool), label);
        }
        if tool == Tool::Continuum && state.choice == Choice::blank(Tool::Continuum) {
            version_choice(ui, state, view, instruments);
        }
    }
    // The guidebook's worksheets, in one drop-down by phase.
    ui.horizontal(|ui| {
        let chosen = match state.choice {
            Choice {
                tool: tool @ Tool::Sheet(_),
                blank: true,
            } => Some(tool),
            _ => None,
        };
        if ui.radio(chosen.is_some(), "Guidebook worksheet").clicked() && chosen.is_none() {
            state.choice = Choice::blank(state.sheet);
        }
        let selected = state.sheet.blank_label().unwrap_or_default();
        egui::ComboBox::from_id_salt("print guidebook worksheet")
            .selected_text(selected)
            .height(style::height::LONG_DROPDOWN)
            .show_ui(ui, |ui| {
                for phase in Phase::ALL {
                    ui.label(RichText::new(phase.label()).strong());
                    for sheet in instruments.worksheets_of(phase) {
                        let tool = Tool::Sheet(sheet.key.as_str());
                        if ui
                            .selectable_value(&mut state.sheet, tool, &sheet.title)
                            .clicked()
                        {
                            state.choice = Choice::blank(tool);
                        }
                    }
                }
            })
            .response
            .accessible_name("Guidebook worksheet to print blank");
    });
}

/// The choice of printing the document `chosen` (the newest if none): a
/// Contract Supplement or a meeting, each its own tool.
fn document_choice(view: Option<&PartnershipView>, chosen: Option<DocumentId>) -> Choice {
    let key = view
        .and_then(|v| chosen.and_then(|d| v.document(d)).or(v.documents.last()))
        .map(|d| d.instrument_key.as_str());
    Choice::filled(key.and_then(Tool::for_worksheet).unwrap_or(Tool::Meeting))
}

fn cycle_choice(ui: &mut Ui, state: &mut PrintDialog, view: &PartnershipView) {
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

/// Which version of the continuum to print blank, beside its choice: a
/// published one, or a version of the open partnership's adaptation.
fn version_choice(
    ui: &mut Ui,
    state: &mut PrintDialog,
    view: Option<&PartnershipView>,
    instruments: Instruments,
) {
    let of = |version: &str| match view {
        Some(view) => view.continuum_of(&instruments, &instruments.continuum.key, version),
        None => instruments.continuum_version(version),
    };
    let chosen = state
        .version
        .as_deref()
        .and_then(of)
        .unwrap_or(instruments.continuum);
    let adapted = view.into_iter().flat_map(PartnershipView::adapted_newest);
    let mut picked = None;
    ui.horizontal(|ui| {
        ui.add_space(style::space::XL);
        ui.label("Version");
        egui::ComboBox::from_id_salt("print continuum version")
            .selected_text(chosen.name_and_version())
            .show_ui(ui, |ui| {
                for continuum in instruments.continuums.iter().chain(adapted) {
                    let on = continuum.is(chosen);
                    if ui
                        .selectable_label(on, continuum.name_and_version())
                        .clicked()
                    {
                        picked = Some(continuum.version.clone());
                    }
                }
            })
            .response
            .accessible_name("Version of the continuum to print blank");
    });
    if picked.is_some() {
        state.version = picked;
    }
}

fn request(state: &PrintDialog) -> Option<PrintRequest> {
    if let Some(summary) = &state.portfolio {
        return Some(PrintRequest {
            what: What::Portfolio(summary.clone()),
            paper: state.paper,
        });
    }
    let selection = Selection {
        cycle: state.cycle,
        round: state.round,
        document: state.document,
        with_raters: state.with_raters,
        with_numbers: state.with_numbers,
        version: state.version.as_deref(),
    };
    let what = state
        .choice
        .tool
        .what(state.choice.blank, &selection)
        .ok()?;
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
    today: Date,
) -> Result<Option<Job>, Problem> {
    let printout = printout(request, view, instruments, today).map_err(Problem::from)?;
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
    std::thread::Builder::new()
        .name("printing".to_owned())
        .spawn(move || {
            let result = render(&printout)
                .map_err(Problem::from)
                .and_then(|pdf| write_atomically(&target, &pdf, "The PDF"));
            // The window may have closed meanwhile; then nobody needs the answer.
            if send.send(result).is_ok() {
                ctx.request_repaint();
            }
        })
        .map_err(|error| {
            Problem::new(
                format!("The printout could not be started ({error}). No file was written."),
                "Close other programs to free some memory, then print again.",
            )
        })?;
    Ok(Some(Job {
        started: Instant::now(),
        path,
        done,
    }))
}
