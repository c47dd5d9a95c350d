//! `partnerpath print …`: the same PDFs as File > Print…, without a window,
//! for scripts and tests. The command line's glue between clap, the store
//! and the printer lives here, beside `main.rs`, so that `print` needs
//! neither.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use partnerpath::instrument::Instruments;
use partnerpath::model::{PartnershipView, SchoolYear};
use partnerpath::print::{
    Missing, Paper, PrintRequest, Selection, Tool, printout, render, write_atomically,
};
use partnerpath::problem::Problem;
use partnerpath::store::Store;

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
    /// The quarterly meeting or Contract Supplement, by title; the newest if not given.
    #[arg(long)]
    pub document: Option<String>,
    /// On the continuum, show each rater's level as initials.
    #[arg(long)]
    pub with_raters: bool,
    /// In the readiness joint view, show each team's averages.
    #[arg(long)]
    pub with_numbers: bool,
    #[arg(long, value_enum, default_value = "letter")]
    pub paper: PaperArg,
}

fn problem(what: String, what_to_do: &str) -> Problem {
    Problem {
        what,
        what_to_do: what_to_do.to_owned(),
        path: None,
    }
}

/// Writes the PDF `args` asks for; `db` is the opened database, if any.
pub fn run(
    args: &PrintArgs,
    db: Option<&Store>,
    instruments: Instruments,
    today: jiff::civil::Date,
) -> Result<usize, Problem> {
    let paper = match args.paper {
        PaperArg::Letter => Paper::Letter,
        PaperArg::A4 => Paper::A4,
    };
    let tool = Tool::from_key(&args.tool).ok_or_else(|| {
        problem(
            format!("PartnerPath has no tool called {:?}.", args.tool),
            "Choose one of the tools listed by partnerpath print --help.",
        )
    })?;
    let (what, view) = if args.blank {
        let what = tool.what(true, &Selection::default()).map_err(|_| {
            problem(
                "That tool has no blank form: it shows what was already filled in.".to_owned(),
                &format!("Leave out --blank, or choose {}.", blank_tools()),
            )
        })?;
        (what, None)
    } else {
        let store = db.ok_or_else(|| {
            problem(
                "No database to print from.".to_owned(),
                "Give --db PATH or --demo.",
            )
        })?;
        let view = partnership(store, args.partnership.as_deref())?;
        let what = tool
            .what(false, &selection(args, tool, &view))
            .map_err(|missing| explain(args, missing))?;
        (what, Some(view))
    };
    let request = PrintRequest { what, paper };
    let printout =
        printout(&request, view.as_ref(), instruments, today).map_err(|e| e.problem())?;
    let pdf = render(&printout).map_err(|e| e.problem())?;
    write_atomically(&args.out, &pdf)?;
    Ok(pdf.len())
}

fn partnership(store: &Store, name: Option<&str>) -> Result<PartnershipView, Problem> {
    let summaries = store.partnership_summaries().map_err(|e| e.problem())?;
    let chosen = match name {
        Some(name) => summaries.iter().find(|s| s.partnership.name == name),
        None if summaries.len() == 1 => summaries.first(),
        None => None,
    };
    let Some(summary) = chosen else {
        let names: Vec<&str> = summaries
            .iter()
            .map(|s| s.partnership.name.as_str())
            .collect();
        return Err(problem(
            format!("Which partnership? The file holds: {}.", names.join("; ")),
            "Name it with --partnership \"…\".",
        ));
    };
    store
        .load_partnership(summary.partnership.id)
        .map_err(|e| e.problem())
}

/// The tool names `--tool` accepts, from the one list of tools.
fn tool_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Tool::ALL.map(Tool::key))
}

/// The tools with a blank form, as a sentence: "a, b or c".
fn blank_tools() -> String {
    let names: Vec<&str> = Tool::ALL
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
fn selection(args: &PrintArgs, tool: Tool, view: &PartnershipView) -> Selection {
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
    }
}

/// What to say when the tool's cycle, round or document is not there.
fn explain(args: &PrintArgs, missing: Missing) -> Problem {
    match missing {
        Missing::Cycle => problem(
            format!(
                "No continuum cycle {}.",
                args.cycle.as_deref().unwrap_or("at all")
            ),
            "Give --cycle with a school year the partnership has, e.g. 2025-26.",
        ),
        Missing::Round => problem(
            "No such readiness round.".to_owned(),
            "Give --round with the round's name.",
        ),
        Missing::Document | Missing::NoBlank => problem(
            "No such document.".to_owned(),
            "Give --document with its title.",
        ),
    }
}
