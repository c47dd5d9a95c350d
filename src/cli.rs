//! The command line without a window, for scripts and tests:
//! `partnerpath print …` (the same PDFs as File > Print…) and
//! `partnerpath export …` / `import …` (the same exchange files as File >
//! Export partnership… and Import…), and `partnerpath export-sheet …` (the
//! same spreadsheets as File > Export to spreadsheet…) and
//! `partnerpath export-calendar …` (File > Export calendar…), and
//! `partnerpath attach …` / `attachments …` (evidence, as the continuum's
//! "Attach…" adds it). The glue between clap, the session and
//! the printer lives here, beside `main.rs`, so that `print` needs neither.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use partnerpath::calendar::{self, CalendarScope};
use partnerpath::instrument::Instruments;
use partnerpath::model::exchange::Choice;
use partnerpath::model::{AttachedTo, PartnershipView, SchoolYear};
use partnerpath::print::{Missing, Paper, PrintRequest, Selection, Tool, printout, render};
use partnerpath::problem::{Doing, Problem};
use partnerpath::saving::write_atomically;
use partnerpath::session::{ExportScope, Session};
use partnerpath::spreadsheet::{self, SheetScope, Written};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    Letter,
    A4,
}

/// Print a tool as a PDF.
#[derive(Debug, Args)]
pub struct PrintArgs {
    /// Which tool to print.
    #[arg(long, value_parser = tool_names())]
    pub tool: String,
    /// Where to write the PDF.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Print the tool blank, for handing out (needs no database).
    #[arg(long)]
    pub blank: bool,
    /// The partnership, by name (needed when the file holds more than one).
    #[arg(long)]
    pub partnership: Option<String>,
    /// The continuum cycle, by school year (e.g. 2025–26 or 2025-26); the newest if not given.
    #[arg(long)]
    pub cycle: Option<String>,
    /// The readiness round, by name; the newest if not given.
    #[arg(long)]
    pub round: Option<String>,
    /// The document (a quarterly meeting, the Contract Supplement, a
    /// guidebook worksheet), by title; the newest if not given.
    #[arg(long)]
    pub document: Option<String>,
    /// On the continuum, show each rater's level as initials.
    #[arg(long)]
    pub with_raters: bool,
    /// In the readiness joint view, show each team's averages.
    #[arg(long)]
    pub with_numbers: bool,
    /// With --blank --tool continuum, the version to print: 2017-10
    /// (Working Better Together) or 2018-04 (the Strengthening Partnerships
    /// Tool); 2017-10 if not given.
    #[arg(long, requires = "blank", value_parser = continuum_versions())]
    pub continuum_version: Option<String>,
    #[arg(long, value_enum, default_value = "letter")]
    pub paper: PaperArg,
    /// A PartnerPath database on a PostgreSQL server instead of a file:
    /// postgres://USER@HOST/DATABASE (the password from PGPASSWORD or
    /// ~/.pgpass).
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
}

/// Writes the PDF `args` asks for; `db` is the session on the opened file, if any.
pub fn run(
    args: &PrintArgs,
    db: Option<&Session>,
    instruments: Instruments,
    today: jiff::civil::Date,
) -> Result<usize, Problem> {
    let paper = match args.paper {
        PaperArg::Letter => Paper::Letter,
        PaperArg::A4 => Paper::A4,
    };
    let tool = Tool::from_key(&args.tool).ok_or_else(|| {
        Problem::new(
            format!("PartnerPath has no tool called {:?}.", args.tool),
            "Choose one of the tools listed by partnerpath print --help.",
        )
    })?;
    let (what, view) = if args.blank {
        if args.continuum_version.is_some() && tool != Tool::Continuum {
            return Err(Problem::new(
                "--continuum-version chooses the version of the continuum rubric only.",
                "Add --tool continuum, or leave out --continuum-version.",
            ));
        }
        // The version as the program holds it (clap has checked the name).
        let version = args
            .continuum_version
            .as_deref()
            .and_then(|v| instruments.continuum_version(v))
            .map(|c| c.version.as_str());
        let selection = Selection {
            version,
            ..Selection::default()
        };
        let what = tool.what(true, &selection).map_err(|_| {
            Problem::new(
                "That tool has no blank form: it shows what was already filled in.",
                format!("Leave out --blank, or choose {}.", blank_tools()),
            )
        })?;
        (what, None)
    } else {
        let session = db.ok_or_else(|| {
            Problem::new("No database to print from.", "Give --db PATH or --demo.")
        })?;
        let view = partnership(session, args.partnership.as_deref())?;
        let what = tool
            .what(false, &selection(args, tool, &view))
            .map_err(|missing| explain(args, missing))?;
        (what, Some(view))
    };
    let request = PrintRequest { what, paper };
    let printout = printout(&request, view.as_ref(), instruments, today).map_err(Problem::from)?;
    let pdf = render(&printout).map_err(Problem::from)?;
    write_atomically(&args.out, &pdf, "The PDF")?;
    Ok(pdf.len())
}

/// The partnership `name` (or the file's only one), from the list the
/// session read when it opened the file.
fn partnership(session: &Session, name: Option<&str>) -> Result<PartnershipView, Problem> {
    let summaries = session.summaries();
    let chosen = match name {
        Some(name) => summaries.iter().find(|s| s.partnership.name == name),
        None if summaries.len() == 1 => summaries.first(),
        None => None,
    };
    let Some(summary) = chosen else {
        if summaries.is_empty() {
            return Err(Problem::new(
                "This file holds no partnership yet, so there is nothing to print from it.",
                "Open the file in PartnerPath (partnerpath --db PATH), make one with \"+ New partnership\" on the list of partnerships, then print again. A blank form needs no partnership: add --blank.",
            ));
        }
        let names: Vec<&str> = summaries
            .iter()
            .map(|s| s.partnership.name.as_str())
            .collect();
        return Err(Problem::new(
            format!("Which partnership? The file holds: {}.", names.join("; ")),
            "Name it with --partnership \"…\".",
        ));
    };
    session
        .store()
        .load_partnership(summary.partnership.id)
        .map_err(|e| Problem::store(&e, Doing::Reading))
}

/// The versions of the continuum the program carries, for
/// `--continuum-version`.
fn continuum_versions() -> clap::builder::PossibleValuesParser {
    let versions = partnerpath::instrument::Continuum::builtin_all().unwrap_or_default();
    clap::builder::PossibleValuesParser::new(versions.iter().map(|c| c.version.as_str()))
}

/// The tool names `--tool` accepts, from the one list of tools.
fn tool_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Tool::all().into_iter().map(Tool::key))
}

/// The tools with a blank form, as a sentence: "a, b or c".
fn blank_tools() -> String {
    let names: Vec<&str> = Tool::all()
        .into_iter()
        .filter(|t| t.blank().is_some())
        .map(Tool::key)
        .collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The cycle, round and document the arguments name (the newest of each
/// when not named); a name that matches nothing leaves it unchosen.
fn selection(args: &PrintArgs, tool: Tool, view: &PartnershipView) -> Selection<'static> {
    let cycle = match args.cycle.as_deref() {
        None => view.cycles.last(),
        Some(text) => SchoolYear::parse(text).and_then(|year| {
            view.cycles
                .iter()
                .rev()
                .find(|c| c.school_year == year.label())
        }),
    };
    let round = match &args.round {
        Some(title) => view
            .readiness
            .iter()
            .rev()
            .find(|r| r.round.title == *title),
        None => view.readiness.last(),
    };
    let document = tool.worksheet().and_then(|key| {
        let mut documents: Vec<_> = view.documents_of(key).collect();
        documents.sort_by_key(|d| (d.held_on(), d.id));
        match &args.document {
            Some(title) => documents.into_iter().rev().find(|d| d.title == *title),
            None => documents.last().copied(),
        }
    });
    Selection {
        cycle: cycle.map(|c| c.id),
        round: round.map(|r| r.round.id),
        document: document.map(|d| d.id),
        with_raters: args.with_raters,
        with_numbers: args.with_numbers,
        version: None,
    }
}

/// What to say when the tool's cycle, round or document is not there.
fn explain(args: &PrintArgs, missing: Missing) -> Problem {
    match missing {
        Missing::Cycle => Problem::new(
            format!(
                "No continuum cycle {}.",
                args.cycle.as_deref().unwrap_or("at all")
            ),
            "Give --cycle with a school year the partnership has, e.g. 2025-26.",
        ),
        Missing::Round => Problem::new(
            "No such readiness round.",
            "Give --round with the round's name.",
        ),
        Missing::Document | Missing::NoBlank => {
            Problem::new("No such document.", "Give --document with its title.")
        }
        Missing::NoFilled => Problem::new(
            "That tool prints only as it is published: it has nothing of the partnership's.",
            "Add --blank.",
        ),
    }
}

/// Write a partnership to an exchange file (.partnerpath), whole or one
/// cycle for some raters to rate apart.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The partnership, by name (needed when the file holds more than one).
    #[arg(long)]
    pub partnership: Option<String>,
    /// Only this continuum cycle (school year, e.g. 2025-26), for --rater.
    #[arg(long, requires = "rater")]
    pub cycle: Option<String>,
    /// Only what this person needs to rate the cycle, only as themselves
    /// (repeat for several people).
    #[arg(long, requires = "cycle")]
    pub rater: Vec<String>,
    /// Where to write the exchange file.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// A PartnerPath database on a PostgreSQL server instead of a file:
    /// postgres://USER@HOST/DATABASE (the password from PGPASSWORD or
    /// ~/.pgpass).
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
}

/// What to do with a record changed on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConflictArg {
    /// Keep what the database has.
    KeepHere,
    /// Take what the exchange file has.
    TakeFile,
}

impl ConflictArg {
    /// The choice for every conflict (keeping what is here when none was
    /// given: an import with conflicts and no choice writes nothing).
    pub fn choice(arg: Option<ConflictArg>) -> Choice {
        match arg {
            Some(ConflictArg::TakeFile) => Choice::TakeFile,
            Some(ConflictArg::KeepHere) | None => Choice::KeepHere,
        }
    }

    /// Why nothing was written: conflicts, and no --conflicts.
    pub fn unsettled(report: &[String]) -> Problem {
        Problem::new(
            format!("{} Nothing was written.", report.join(" ")),
            "Choose for every conflict with --conflicts keep-here or --conflicts take-file.",
        )
    }
}

/// Bring an exchange file (.partnerpath) into the database.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The exchange file to import.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Print what would be imported, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// How to settle records changed on both sides; required when there
    /// are any.
    #[arg(long, value_enum)]
    pub conflicts: Option<ConflictArg>,
    /// A PartnerPath database on a PostgreSQL server instead of a file:
    /// postgres://USER@HOST/DATABASE (the password from PGPASSWORD or
    /// ~/.pgpass).
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
}

/// Writes the exchange file `args` asks for; returns its size.
pub fn export(args: &ExportArgs, session: &Session) -> Result<usize, Problem> {
    let view = partnership(session, args.partnership.as_deref())?;
    let scope = match &args.cycle {
        None => ExportScope::Whole,
        Some(year) => {
            let cycle = SchoolYear::parse(year)
                .and_then(|y| view.cycles.iter().find(|c| c.school_year == y.label()))
                .ok_or_else(|| {
                    Problem::new(
                        format!("No continuum cycle {year}."),
                        "Give --cycle with a school year the partnership has, e.g. 2025-26.",
                    )
                })?;
            let people = args
                .rater
                .iter()
                .map(|name| {
                    view.people
                        .iter()
                        .find(|p| p.name == *name)
                        .map(|p| p.id)
                        .ok_or_else(|| {
                            Problem::new(
                                format!("No one called {name:?} rates in this partnership."),
                                "Give --rater with a name from the partnership's people.",
                            )
                        })
                })
                .collect::<Result<Vec<_>, _>>()?;
            ExportScope::Raters {
                cycle: cycle.id,
                people,
            }
        }
    };
    let bytes = session.export(view.partnership.id, &scope)?;
    write_atomically(&args.out, &bytes, "The exchange file")?;
    Ok(bytes.len())
}

/// Imports the file `args` names (or, with --dry-run, only reports); the
/// report's lines are returned for printing.
pub fn import(
    args: &ImportArgs,
    session: &mut Session,
    instruments: Instruments,
) -> Result<Vec<String>, Problem> {
    let (file, mut plan) = session.plan_import_file(&args.file, instruments)?;
    let choice = ConflictArg::choice(args.conflicts);
    for conflict in &mut plan.conflicts {
        conflict.choice = choice;
    }
    let mut lines = plan.report();
    if args.dry_run {
        lines.push("Nothing was written (--dry-run).".to_owned());
        return Ok(lines);
    }
    if !plan.conflicts.is_empty() && args.conflicts.is_none() {
        return Err(ConflictArg::unsettled(&lines));
    }
    if plan.writes_nothing() {
        lines.push("Nothing to write: the database has all of it already.".to_owned());
        return Ok(lines);
    }
    session.import(&file, &plan)?;
    lines.push("Imported.".to_owned());
    Ok(lines)
}

/// Write a spreadsheet: a workbook (.xlsx) or CSV files into a folder.
#[derive(Debug, Args)]
pub struct ExportSheetArgs {
    /// Only this partnership, by name; every partnership of the database,
    /// with the portfolio's lines, if not given.
    #[arg(long)]
    pub partnership: Option<String>,
    /// Where to write: a file ending in .xlsx, or a folder for CSV files.
    #[arg(long, value_name = "FILE.xlsx|DIR")]
    pub out: PathBuf,
    /// A PartnerPath database on a PostgreSQL server instead of a file:
    /// postgres://USER@HOST/DATABASE (the password from PGPASSWORD or
    /// ~/.pgpass).
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
}

/// Writes the spreadsheet `args` asks for; returns what it says it wrote.
pub fn export_sheet(
    args: &ExportSheetArgs,
    session: &Session,
    instruments: Instruments,
    today: jiff::civil::Date,
) -> Result<Vec<String>, Problem> {
    let scope = match &args.partnership {
        Some(name) => SheetScope::Partnership(partnership(session, Some(name))?.partnership.id),
        None => SheetScope::everything(session, instruments, today),
    };
    let tables = spreadsheet::tables(session, &scope, instruments, today)?;
    Ok(match spreadsheet::write(&tables, &args.out)? {
        Written::Workbook(bytes) => vec![format!(
            "Wrote {} ({} KB).",
            args.out.display(),
            bytes.div_ceil(1024)
        )],
        Written::Csv(files) => files
            .iter()
            .map(|f| format!("Wrote {}.", f.display()))
            .collect(),
    })
}

/// Write a calendar file (.ics) of the meetings, check-ins and due action
/// steps.
#[derive(Debug, Args)]
pub struct ExportCalendarArgs {
    /// Only this partnership, by name; every partnership not archived if
    /// not given.
    #[arg(long)]
    pub partnership: Option<String>,
    /// Where to write the calendar: a file ending in .ics.
    #[arg(long, value_name = "FILE.ics")]
    pub out: PathBuf,
    /// A PartnerPath database on a PostgreSQL server instead of a file:
    /// postgres://USER@HOST/DATABASE (the password from PGPASSWORD or
    /// ~/.pgpass).
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
}

/// Writes the calendar `args` asks for; returns what it says it wrote.
pub fn export_calendar(
    args: &ExportCalendarArgs,
    session: &Session,
    instruments: Instruments,
) -> Result<Vec<String>, Problem> {
    let scope = match &args.partnership {
        Some(name) => CalendarScope::Partnership(partnership(session, Some(name))?.partnership.id),
        None => CalendarScope::Every,
    };
    let text = calendar::ics(session, scope, instruments, jiff::Timestamp::now())?;
    let bytes = calendar::write(&text, &args.out)?;
    Ok(vec![format!(
        "Wrote {} ({} KB).",
        args.out.display(),
        bytes.div_ceil(1024)
    )])
}

/// Attach files or links as evidence to an indicator of a continuum cycle.
#[derive(Debug, Args)]
pub struct AttachArgs {
    /// The partnership, by name (needed when the file holds more than one).
    #[arg(long)]
    pub partnership: Option<String>,
    /// The continuum cycle, by school year (e.g. 2025-26).
    #[arg(long)]
    pub cycle: String,
    /// The indicator, by its key (e.g. decision-making); `partnerpath
    /// attachments` and the README list them.
    #[arg(long)]
    pub indicator: String,
    /// The files to attach (each at most 100 MB), and links (addresses
    /// beginning with https://, http://, file:// or smb://, or \\server\share).
    #[arg(required = true, value_name = "FILE|URL")]
    pub evidence: Vec<String>,
    /// A PartnerPath database on a PostgreSQL server instead of a file:
    /// postgres://USER@HOST/DATABASE (the password from PGPASSWORD or
    /// ~/.pgpass).
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
}

/// Attaches what `args` names; returns what it says it did. Files that
/// cannot be attached are said, and the others are attached all the same.
pub fn attach(
    args: &AttachArgs,
    session: &mut Session,
    instruments: Instruments,
    today: jiff::civil::Date,
) -> Result<Vec<String>, Problem> {
    let view = partnership(session, args.partnership.as_deref())?;
    let cycle = SchoolYear::parse(&args.cycle)
        .and_then(|y| view.cycles.iter().find(|c| c.school_year == y.label()))
        .ok_or_else(|| {
            Problem::new(
                format!("No continuum cycle {}.", args.cycle),
                "Give --cycle with a school year the partnership has, e.g. 2025-26.",
            )
        })?;
    let continuum = partnerpath::model::continuum_for(&instruments, &view, cycle);
    if continuum.indicator(&args.indicator).is_none() {
        let keys: Vec<&str> = continuum.indicators().map(|i| i.key.as_str()).collect();
        return Err(Problem::new(
            format!("The continuum has no indicator “{}”.", args.indicator),
            format!("Give --indicator one of: {}.", keys.join(", ")),
        ));
    }
    let to = AttachedTo::Indicator(cycle.id, args.indicator.clone());
    let (name, year) = (view.partnership.name.clone(), cycle.school_year.clone());
    session.open_partnership(view.partnership.id)?;
    let (links, files): (Vec<&String>, Vec<&String>) = args
        .evidence
        .iter()
        .partition(|e| e.contains("://") || e.starts_with(r"\\"));
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    for link in links {
        match session.attach_link(&to, "", link, today) {
            Ok(()) => lines.push(format!("Attached the link {link}.")),
            Err(problem) => problems.push(problem),
        }
    }
    let paths: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
    let attached = session.attach_files_now(&to, &paths, today);
    if attached.count > 0 {
        lines.push(format!(
            "Attached {} to {} ({year}) in “{name}”.",
            if attached.count == 1 {
                "1 file".to_owned()
            } else {
                format!("{} files", attached.count)
            },
            args.indicator
        ));
    }
    problems.extend(attached.problems);
    if problems.is_empty() {
        return Ok(lines);
    }
    // What was attached stays; the problems are said, and the command fails.
    for line in &lines {
        println!("{line}");
    }
    let what: Vec<String> = problems.iter().map(|p| p.what.clone()).collect();
    let first = problems
        .first()
        .map(|p| p.what_to_do.clone())
        .unwrap_or_default();
    Err(Problem::new(what.join(" "), first))
}

/// List the evidence attached in a partnership.
#[derive(Debug, Args)]
pub struct AttachmentsArgs {
    /// The partnership, by name (needed when the file holds more than one).
    #[arg(long)]
    pub partnership: Option<String>,
    /// A PartnerPath database on a PostgreSQL server instead of a file:
    /// postgres://USER@HOST/DATABASE (the password from PGPASSWORD or
    /// ~/.pgpass).
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
}

/// The evidence of a partnership, a line each: where it is attached, its
/// name, its size or address, who attached it and when.
pub fn attachments(
    args: &AttachmentsArgs,
    session: &Session,
    instruments: Instruments,
) -> Result<Vec<String>, Problem> {
    let view = partnership(session, args.partnership.as_deref())?;
    let mut lines = Vec::new();
    for attachment in &view.attachments {
        lines.push(format!(
            "{}\t{}\t{}\t{}\t{}",
            attached_to_words(&view, &attachment.to, instruments),
            attachment.name,
            attachment.detail(),
            attachment.added_by,
            attachment.added_on
        ));
    }
    if lines.is_empty() {
        lines.push(format!(
            "“{}” has no evidence attached.",
            view.partnership.name
        ));
    }
    Ok(lines)
}

/// Where evidence is attached, in words: "2025–26 Decision Making", a
/// readiness round's title, a worksheet's title, a milestone.
fn attached_to_words(view: &PartnershipView, to: &AttachedTo, instruments: Instruments) -> String {
    match to {
        AttachedTo::Indicator(cycle, key) => {
            let (name, year) = partnerpath::model::indicator_in(view, &instruments, *cycle, key);
            format!("{year} {name}")
        }
        AttachedTo::ReadinessRound(round) => view
            .readiness_round(*round)
            .map(|r| format!("Readiness: {}", r.round.title))
            .unwrap_or_default(),
        AttachedTo::Document(document) => view
            .document(*document)
            .map(|d| d.title.clone())
            .unwrap_or_default(),
        AttachedTo::Milestone(milestone) => view
            .milestones
            .iter()
            .find(|m| m.id == *milestone)
            .map(|m| format!("Milestone: {}", m.milestone))
            .unwrap_or_default(),
    }
}
