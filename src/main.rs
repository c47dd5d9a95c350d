//! PartnerPath's entry point: reads the command line and opens the window.

// On Windows, started from the Start menu, no console window opens; a command
// typed in a terminal still prints there (see `partnerpath::console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

mod cli;
mod cli_server;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use partnerpath::instrument::Instruments;
use partnerpath::model::PartnershipId;
use partnerpath::problem::Problem;
use partnerpath::session::Session;
use partnerpath::ui::{Action, App, FirstFrameExit, Last, Page, Screen, launch};
use partnerpath::{demo, paths};

/// Assess and strengthen school-district partnerships with the published
/// partnership tools, kept in a local file.
#[derive(Parser)]
#[command(version)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// The PartnerPath file to open (created if it does not exist). Without
    /// it, the default file in your data folder is opened.
    #[arg(long, value_name = "PATH", global = true)]
    db: Option<PathBuf>,
    /// Open the window on a shared database on a server,
    /// postgres://USER@SERVER/DATABASE (the password from the keychain if
    /// remembered, PGPASSWORD or ~/.pgpass; otherwise the window asks).
    #[arg(long, value_name = "URL", conflicts_with_all = ["db", "demo"])]
    server: Option<String>,
    /// Open a fictional sample partnership, rebuilt each time (in the data
    /// folder, or at --db PATH if given and not holding real data).
    #[arg(long, global = true)]
    demo: bool,
    /// Quit as soon as the first frame is on screen and print how long that
    /// took since start (for tests and measurements). The environment
    /// variable PARTNERPATH_EXIT_AFTER_FIRST_FRAME=1 does the same.
    #[arg(long)]
    exit_after_first_frame: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Write a tool as a PDF, filled or blank, without opening a window.
    Print(cli::PrintArgs),
    /// Write a partnership to an exchange file (.partnerpath) for another
    /// laptop: a hand-over, or one cycle for a rater to rate apart.
    Export(cli::ExportArgs),
    /// Bring an exchange file into the database: prints what is new and any
    /// conflict before writing, all in one step.
    Import(cli::ImportArgs),
    /// Write a spreadsheet of one partnership or of all of them: an .xlsx
    /// workbook, or CSV files into a folder, for reports and scripts.
    ExportSheet(cli::ExportSheetArgs),
    /// Write a calendar file (.ics) of one partnership's meetings, check-ins
    /// and due action steps, or of every partnership's.
    ExportCalendar(cli::ExportCalendarArgs),
    /// Attach files or links as evidence to an indicator of a continuum
    /// cycle (files are kept inside the database, at most 100 MB each).
    Attach(cli::AttachArgs),
    /// List the evidence attached in a partnership: where, what, its size
    /// or address, who attached it and when.
    Attachments(cli::AttachmentsArgs),
    /// Write generated data for measuring speed (no window).
    Demo(DemoArgs),
    /// For IT: set up PartnerPath's database on a PostgreSQL server,
    /// upgrade it, or copy a file's partnerships onto it (docs/SERVER.md).
    #[command(subcommand)]
    Server(cli_server::ServerCommand),
}

#[derive(clap::Args)]
struct DemoArgs {
    /// Write the large data set (60 partnerships, one with 25 cycles of 12
    /// raters, 10 readiness rounds, 100 meetings, 600 action steps and 40
    /// milestones) to this file.
    #[arg(long, value_name = "PATH")]
    large: PathBuf,
    /// How many continuum cycles the big partnership has.
    #[arg(long, default_value_t = 25)]
    cycles: usize,
    /// The seed of the generator: the same seed writes the same data.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
}

fn main() -> ExitCode {
    let started = Instant::now();
    #[cfg(windows)]
    partnerpath::console::attach_to_parent();
    let args = Args::parse();
    let instruments = match Instruments::builtin() {
        Ok(instruments) => instruments,
        Err(error) => {
            eprintln!("PartnerPath cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    match &args.command {
        Some(Command::Print(print_args)) => return print_pdf(&args, print_args, instruments),
        Some(Command::Server(command)) => {
            return said(cli_server::run(command, args.db.as_deref(), instruments));
        }
        Some(Command::Export(export)) => {
            return exchange(&args, export.server.as_deref(), instruments, |session| {
                cli::export(export, session).map(|bytes| {
                    vec![format!(
                        "Wrote {} ({} KB).",
                        export.out.display(),
                        bytes.div_ceil(1024)
                    )]
                })
            });
        }
        Some(Command::ExportSheet(sheet)) => {
            let today = jiff::Zoned::now().date();
            return exchange(&args, sheet.server.as_deref(), instruments, |session| {
                cli::export_sheet(sheet, session, instruments, today)
            });
        }
        Some(Command::ExportCalendar(calendar)) => {
            return exchange(&args, calendar.server.as_deref(), instruments, |session| {
                cli::export_calendar(calendar, session, instruments)
            });
        }
        Some(Command::Attach(attach)) => return attach_evidence(&args, attach, instruments),
        Some(Command::Attachments(list)) => return list_evidence(&args, list, instruments),
        Some(Command::Import(import)) => {
            return exchange(&args, import.server.as_deref(), instruments, |session| {
                cli::import(import, session, instruments)
            });
        }
        Some(Command::Demo(demo)) => {
            let shape = partnerpath::large::Shape::with_cycles(demo.cycles);
            return match partnerpath::large::create(&demo.large, instruments, shape, demo.seed) {
                Ok(_) => {
                    println!("Wrote the large data set to {}.", demo.large.display());
                    ExitCode::SUCCESS
                }
                Err(problem) => {
                    eprintln!("{problem}");
                    ExitCode::FAILURE
                }
            };
        }
        None => {}
    }
    let exit_early = args.exit_after_first_frame
        || std::env::var("PARTNERPATH_EXIT_AFTER_FIRST_FRAME").is_ok_and(|v| v == "1");
    let make_app = |storage: Option<&dyn eframe::Storage>| {
        let (session, sample, server) = starting_database(&args, storage, instruments);
        let mut app = match session {
            Some(session) => App::new(instruments, session),
            None => App::without_database(instruments),
        }
        .remembering(storage);
        if let Some(address) = server {
            app.act(Action::ConnectTo(address));
        }
        if let Ok(root) = paths::backups_dir() {
            app = app.keeping_backups_in(root);
        }
        // `--demo --db PATH` keeps the sample at PATH: made again there, and
        // told as the sample's own file.
        if args.demo
            && let Some(path) = &args.db
        {
            app = app.with_sample_at(path.clone());
        }
        if let Some(id) = sample {
            app.go_to(Screen::In(id, Page::Overview));
        }
        if exit_early {
            app = app.exit_after_first_frame(FirstFrameExit::new(started));
        }
        app
    };
    match launch::run(make_app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            launch::tell_no_window(&failure, exit_early);
            ExitCode::FAILURE
        }
    }
}

/// What the window starts on: the database the arguments name, or else
/// the one open when the window last closed; a file that has gone is said
/// (nothing else opens). A shared database is connected to once the
/// window is there (it may ask for the password): its address is returned
/// instead of a session.
fn starting_database(
    args: &Args,
    storage: Option<&dyn eframe::Storage>,
    instruments: Instruments,
) -> (
    Option<Result<Session, Problem>>,
    Option<PartnershipId>,
    Option<String>,
) {
    let last = match &args.server {
        Some(address) => Some(Last::Server(address.clone())),
        None => (args.db.is_none() && !args.demo)
            .then(|| partnerpath::ui::last_open(storage))
            .flatten(),
    };
    match last {
        Some(Last::File(path)) if !path.exists() => {
            (Some(Err(partnerpath::ui::gone(&path))), None, None)
        }
        Some(Last::File(path)) => (
            Some(Session::open_with(
                &path,
                paths::backups_dir().ok().as_deref(),
            )),
            None,
            None,
        ),
        Some(Last::Server(address)) => (None, None, Some(address)),
        None => {
            let (session, sample) = open(args, instruments, true);
            (Some(session), sample, None)
        }
    }
}

/// Opens the database the arguments name; with --demo, builds the sample.
/// With `backups`, the file's backups are kept (for the window).
fn open(
    args: &Args,
    instruments: Instruments,
    backups: bool,
) -> (Result<Session, Problem>, Option<PartnershipId>) {
    let path = match &args.db {
        Some(path) => Ok(path.clone()),
        None => paths::data_dir().map(|dir| {
            dir.join(if args.demo {
                paths::SAMPLE_DATABASE
            } else {
                paths::DEFAULT_DATABASE
            })
        }),
    };
    let path = match path {
        Ok(path) => path,
        Err(problem) => return (Err(problem), None),
    };
    if !args.demo {
        let root = if backups {
            paths::backups_dir().ok()
        } else {
            None
        };
        return (Session::open_with(&path, root.as_deref()), None);
    }
    let session = demo::create_sample_database(&path, instruments).and_then(Session::with_store);
    let sample = session
        .as_ref()
        .ok()
        .and_then(|s| s.summaries().first().map(|p| p.partnership.id));
    (session, sample)
}

/// The database of a command without a window: the server `server`
/// names, or the file (`open`).
fn open_for_command(
    args: &Args,
    server: Option<&str>,
    instruments: Instruments,
    backups: bool,
) -> Result<Session, Problem> {
    match server {
        Some(_) if args.db.is_some() || args.demo => Err(Problem::new(
            "Give either --server or --db (or --demo), not both.",
            "Leave out one of them.",
        )),
        Some(url) => Session::connect(url),
        None => open(args, instruments, backups).0,
    }
}

/// `partnerpath export …` and `import …`: opens the database (with its
/// backups), does the work and prints what it says, or what went wrong.
fn exchange(
    args: &Args,
    server: Option<&str>,
    instruments: Instruments,
    work: impl FnOnce(&mut Session) -> Result<Vec<String>, Problem>,
) -> ExitCode {
    // A file another window writes is opened read-only: exporting works,
    // importing is refused with a message saying where it is open.
    let result = open_for_command(args, server, instruments, true)
        .and_then(|mut session| work(&mut session));
    said(result)
}

/// `partnerpath attach …`: attaches files and links to an indicator.
fn attach_evidence(args: &Args, attach: &cli::AttachArgs, instruments: Instruments) -> ExitCode {
    let today = jiff::Zoned::now().date();
    exchange(args, attach.server.as_deref(), instruments, |session| {
        cli::attach(attach, session, instruments, today)
    })
}

/// `partnerpath attachments …`: lists a partnership's evidence.
fn list_evidence(args: &Args, list: &cli::AttachmentsArgs, instruments: Instruments) -> ExitCode {
    exchange(args, list.server.as_deref(), instruments, |session| {
        cli::attachments(list, session, instruments)
    })
}

/// Prints the lines of a command that worked, or what went wrong.
fn said(result: Result<Vec<String>, Problem>) -> ExitCode {
    match result {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("{problem}");
            ExitCode::FAILURE
        }
    }
}

/// `partnerpath print …`: writes the PDF and says where, or what went wrong.
fn print_pdf(args: &Args, print_args: &cli::PrintArgs, instruments: Instruments) -> ExitCode {
    let today = jiff::Zoned::now().date();
    let needs_data = !print_args.blank;
    let session = if needs_data {
        match open_for_command(args, print_args.server.as_deref(), instruments, false) {
            Ok(session) => Some(session),
            Err(problem) => {
                eprintln!("{problem}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        None
    };
    match cli::run(print_args, session.as_ref(), instruments, today) {
        Ok(bytes) => {
            println!("Wrote {} ({} KB).", print_args.out.display(), bytes / 1024);
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("{problem}");
            ExitCode::FAILURE
        }
    }
}
