//! `partnerpath print …`: the same PDFs as File > Print…, without a window,
//! for scripts and tests. The command line's glue between clap, the store
//! and the printer lives here, beside `main.rs`, so that `print` needs
//! neither.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use partnerpath::instrument::{CONTRACT_SUPPLEMENT, Instruments, QUARTERLY_MEETING};
use partnerpath::model::{PartnershipView, SchoolYear, Team};
use partnerpath::print::{
    Blank, Filled, Paper, PrintRequest, What, printout, render, write_atomically,
};
use partnerpath::problem::Problem;
use partnerpath::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ToolArg {
    Continuum,
    Trajectory,
    ReadinessDistrict,
    ReadinessPartner,
    ReadinessJoint,
    ContractSupplement,
    Meeting,
    Monitoring,
    Packet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    Letter,
    A4,
}

/// Print a tool as a PDF.
#[derive(Debug, Args)]
pub struct PrintArgs {
    /// Which tool to print.
    #[arg(long, value_enum)]
    pub tool: ToolArg,
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
    let (what, view) = if args.blank {
        let blank = match args.tool {
            ToolArg::Continuum => Blank::Continuum,
            ToolArg::ReadinessDistrict => Blank::Readiness(Team::District),
            ToolArg::ReadinessPartner => Blank::Readiness(Team::Partner),
            ToolArg::ContractSupplement => Blank::Worksheet(CONTRACT_SUPPLEMENT.to_owned()),
            ToolArg::Meeting => Blank::Worksheet(QUARTERLY_MEETING.to_owned()),
            ToolArg::Monitoring => Blank::Monitoring,
            ToolArg::Trajectory | ToolArg::ReadinessJoint | ToolArg::Packet => {
                return Err(problem(
                    "That tool has no blank form: it shows what was already filled in.".to_owned(),
                    "Leave out --blank, or choose continuum, readiness-district, readiness-partner, contract-supplement, meeting or monitoring.",
                ));
            }
        };
        (What::Blank(blank), None)
    } else {
        let store = db.ok_or_else(|| {
            problem(
                "No database to print from.".to_owned(),
                "Give --db PATH or --demo.",
            )
        })?;
        let view = partnership(store, args.partnership.as_deref())?;
        let filled = filled(args, &view)?;
        (What::Filled(filled), Some(view))
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

fn filled(args: &PrintArgs, view: &PartnershipView) -> Result<Filled, Problem> {
    let cycle = || {
        let wanted = args.cycle.as_deref().and_then(SchoolYear::parse);
        let found = match (&args.cycle, wanted) {
            (None, _) => view.cycles.last(),
            (Some(_), Some(year)) => view
                .cycles
                .iter()
                .rev()
                .find(|c| c.school_year == year.label()),
            (Some(_), None) => None,
        };
        found.map(|c| c.id).ok_or_else(|| {
            problem(
                format!(
                    "No continuum cycle {}.",
                    args.cycle.as_deref().unwrap_or("at all")
                ),
                "Give --cycle with a school year the partnership has, e.g. 2025-26.",
            )
        })
    };
    let round = || {
        let found = match &args.round {
            Some(title) => view
                .readiness
                .iter()
                .rev()
                .find(|r| r.round.title == *title),
            None => view.readiness.last(),
        };
        found.map(|r| r.round.id).ok_or_else(|| {
            problem(
                "No such readiness round.".to_owned(),
                "Give --round with the round's name.",
            )
        })
    };
    let document = |key: &str| {
        let mut documents: Vec<_> = view.documents_of(key).collect();
        documents.sort_by_key(|d| (d.held_on(), d.id));
        let found = match &args.document {
            Some(title) => documents.into_iter().rev().find(|d| d.title == *title),
            None => documents.last().copied(),
        };
        found.map(|d| d.id).ok_or_else(|| {
            problem(
                "No such document.".to_owned(),
                "Give --document with its title.",
            )
        })
    };
    Ok(match args.tool {
        ToolArg::Continuum => Filled::Continuum {
            cycle: cycle()?,
            with_raters: args.with_raters,
        },
        ToolArg::Trajectory => Filled::Trajectory,
        ToolArg::ReadinessDistrict => Filled::ReadinessTeam {
            round: round()?,
            team: Team::District,
        },
        ToolArg::ReadinessPartner => Filled::ReadinessTeam {
            round: round()?,
            team: Team::Partner,
        },
        ToolArg::ReadinessJoint => Filled::ReadinessJoint {
            round: round()?,
            with_numbers: args.with_numbers,
        },
        ToolArg::ContractSupplement => Filled::Document(document(CONTRACT_SUPPLEMENT)?),
        ToolArg::Meeting => Filled::Document(document(QUARTERLY_MEETING)?),
        ToolArg::Monitoring => Filled::Monitoring,
        ToolArg::Packet => Filled::Packet { cycle: cycle()? },
    })
}
