//! What to print: a tool of the open partnership, filled or blank, or a
//! packet of several; turned into a `Printout` from the model.

use jiff::civil::Date;

use super::PrintError;
use super::data::{self, Cover, PrintPart, Printout};
use partnerpath_core::instrument::{CONTRACT_SUPPLEMENT, Instruments, QUARTERLY_MEETING};
use partnerpath_core::model::{
    AttachedTo, CycleId, DocumentId, PartnershipView, ReadinessRoundId, ReadinessView, SchoolYear,
    Team, continuum_for, long_date,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    Letter,
    A4,
}

impl Paper {
    pub fn label(self) -> &'static str {
        match self {
            Paper::Letter => "Letter",
            Paper::A4 => "A4",
        }
    }

    fn typst(self) -> &'static str {
        match self {
            Paper::Letter => "us-letter",
            Paper::A4 => "a4",
        }
    }
}

/// A tool filled with the open partnership's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filled {
    Continuum {
        cycle: CycleId,
        with_raters: bool,
    },
    /// Radar and heat map of every cycle, change list of the last two.
    Trajectory,
    ReadinessTeam {
        round: ReadinessRoundId,
        team: Team,
    },
    ReadinessJoint {
        round: ReadinessRoundId,
        with_numbers: bool,
    },
    Document(DocumentId),
    Monitoring,
    /// A cover page and the tools of one school year.
    Packet {
        cycle: CycleId,
    },
    /// The partnership's stage history, then the stages.
    Stages,
}

/// A tool with nothing filled in, for handing out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blank {
    /// The continuum of `version` (the default one when `None`).
    Continuum {
        version: Option<String>,
    },
    Readiness(Team),
    Worksheet(String),
    Monitoring,
    /// The stages' descriptions and principles, with an empty history to
    /// write in.
    Stages,
    /// The ODST Standards for Effective Partnerships.
    Standards,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    Filled(Filled),
    Blank(Blank),
    /// The partnerships list's summary, as shown.
    Portfolio(Box<data::PortfolioPrint>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintRequest {
    pub what: What,
    pub paper: Paper,
}

fn missing(what: &str) -> PrintError {
    PrintError::Data(format!("{what} is not in this partnership"))
}

/// Builds the printout `request` asks for. Filled tools need `view`.
pub fn printout(
    request: &PrintRequest,
    view: Option<&PartnershipView>,
    instruments: Instruments,
    today: Date,
) -> Result<Printout, PrintError> {
    let mut out = Printout {
        title: String::new(),
        author: "PartnerPath".to_owned(),
        partnership: view.map_or_else(|| "Blank form".to_owned(), |v| v.partnership.name.clone()),
        context: String::new(),
        printed_on: today,
        printed: long_date(today),
        paper: request.paper.typst().to_owned(),
        cover: None,
        parts: Vec::new(),
    };
    match &request.what {
        What::Blank(blank) => {
            let part = match blank {
                Blank::Continuum { version } => {
                    let continuum = match version {
                        // A published version, or the partnership's
                        // adaptation.
                        Some(version) => view
                            .and_then(|v| {
                                v.continuum_of(&instruments, &instruments.continuum.key, version)
                            })
                            .or_else(|| instruments.continuum_version(version))
                            .ok_or_else(|| {
                                missing(&format!("version {version} of the continuum"))
                            })?,
                        None => instruments.continuum,
                    };
                    PrintPart::Continuum(data::continuum(continuum, None, false))
                }
                Blank::Readiness(team) => {
                    PrintPart::Readiness(data::readiness_team(instruments.readiness, None, *team))
                }
                Blank::Worksheet(key) => {
                    let sheet = instruments.worksheet(key).ok_or_else(|| missing(key))?;
                    PrintPart::Worksheet(data::worksheet(sheet, None))
                }
                Blank::Monitoring => {
                    PrintPart::Monitoring(data::monitoring(instruments.monitoring, None, today))
                }
                Blank::Stages => PrintPart::Stages(data::stages(instruments.stages, None)),
                Blank::Standards => PrintPart::Standards(data::standards(instruments.standards)),
            };
            out.title = format!(
                "{} (blank)",
                part.heading().split(" — ").next().unwrap_or_default()
            );
            out.parts.push(part);
        }
        What::Portfolio(summary) => {
            out.title.clone_from(&summary.title);
            "All partnerships".clone_into(&mut out.partnership);
            "Portfolio summary".clone_into(&mut out.context);
            out.parts.push(PrintPart::Portfolio((**summary).clone()));
        }
        What::Filled(filled) => {
            let view = view.ok_or_else(|| missing("no partnership is open, so nothing"))?;
            out.author.clone_from(&view.partnership.name);
            let parts = filled_parts(filled, view, instruments, today)?;
            if let Filled::Packet { cycle } = filled {
                let cycle = view.cycle(*cycle).ok_or_else(|| missing("the cycle"))?;
                out.title = format!(
                    "{} — partnership packet {}",
                    view.partnership.name, cycle.school_year
                );
                out.context = format!("Packet {}", cycle.school_year);
                out.cover = Some(Cover {
                    title: format!("Partnership packet {}", cycle.school_year),
                    partnership: view.partnership.name.clone(),
                    district: view.partnership.district.clone(),
                    partner: view.partnership.partner_organisation.clone(),
                    contents: parts.iter().map(PrintPart::heading).collect(),
                });
            } else {
                out.context = context(filled, view);
                out.title = format!("{} — {}", view.partnership.name, out.context);
            }
            out.parts = parts;
        }
    }
    Ok(out)
}

/// The footer's words for a single tool.
fn context(filled: &Filled, view: &PartnershipView) -> String {
    match filled {
        Filled::Continuum { cycle, .. } | Filled::Packet { cycle } => view
            .cycle(*cycle)
            .map_or_else(String::new, |c| format!("Continuum {}", c.school_year)),
        Filled::Trajectory => "Across the years".to_owned(),
        Filled::ReadinessTeam { round, .. } | Filled::ReadinessJoint { round, .. } => view
            .readiness_round(*round)
            .map_or_else(String::new, |r| format!("Readiness: {}", r.round.title)),
        Filled::Document(document) => view
            .document(*document)
            .map_or_else(String::new, |d| d.title.clone()),
        Filled::Monitoring => "Monitoring plan".to_owned(),
        Filled::Stages => "Stages of Partnering".to_owned(),
    }
}

fn filled_parts(
    filled: &Filled,
    view: &PartnershipView,
    instruments: Instruments,
    today: Date,
) -> Result<Vec<PrintPart>, PrintError> {
    let cycles: Vec<_> = view.cycles.iter().collect();
    Ok(match filled {
        Filled::Continuum { cycle, with_raters } => {
            let cycle = view.cycle(*cycle).ok_or_else(|| missing("the cycle"))?;
            vec![PrintPart::Continuum(data::continuum(
                continuum_for(&instruments, view, cycle),
                Some((view, cycle)),
                *with_raters,
            ))]
        }
        Filled::Trajectory => vec![PrintPart::Trajectory(data::trajectory(
            &instruments,
            view,
            &cycles,
        ))],
        Filled::ReadinessTeam { round, team } => {
            let round = view
                .readiness_round(*round)
                .ok_or_else(|| missing("the readiness round"))?;
            let mut print = data::readiness_team(instruments.readiness, Some(round), *team);
            print.attached = round_evidence(view, round);
            vec![PrintPart::Readiness(print)]
        }
        Filled::ReadinessJoint {
            round,
            with_numbers,
        } => {
            let round = view
                .readiness_round(*round)
                .ok_or_else(|| missing("the readiness round"))?;
            let mut print = data::readiness_joint(instruments.readiness, round, *with_numbers);
            print.attached = round_evidence(view, round);
            vec![PrintPart::Readiness(print)]
        }
        Filled::Document(id) => {
            let document = view.document(*id).ok_or_else(|| missing("the document"))?;
            let sheet = instruments
                .worksheet(&document.instrument_key)
                .ok_or_else(|| missing("the document's tool"))?;
            vec![PrintPart::Worksheet(data::worksheet(
                sheet,
                Some((view, document)),
            ))]
        }
        Filled::Monitoring => vec![PrintPart::Monitoring(data::monitoring(
            instruments.monitoring,
            Some(view),
            today,
        ))],
        Filled::Packet { cycle } => packet(view, instruments, today, *cycle)?,
        Filled::Stages => vec![PrintPart::Stages(data::stages(
            instruments.stages,
            Some((view, today)),
        ))],
    })
}

/// The evidence attached to a readiness round, for its printout.
fn round_evidence(view: &PartnershipView, round: &ReadinessView) -> Vec<data::EvidencePrint> {
    data::evidence_of(view, &AttachedTo::ReadinessRound(round.round.id))
}

/// The tools of a school year: the cycle's continuum, the trajectory up to
/// it, the Contract Supplement, that year's quarterly meetings, the
/// readiness rounds held that year (joint view), and the monitoring plan.
fn packet(
    view: &PartnershipView,
    instruments: Instruments,
    today: Date,
    cycle: CycleId,
) -> Result<Vec<PrintPart>, PrintError> {
    let chosen = view.cycle(cycle).ok_or_else(|| missing("the cycle"))?;
    let year = SchoolYear::containing(chosen.administered_on);
    let in_year = |date: Date| SchoolYear::containing(date) == year;
    let mut parts = vec![PrintPart::Continuum(data::continuum(
        continuum_for(&instruments, view, chosen),
        Some((view, chosen)),
        true,
    ))];
    let up_to: Vec<_> = view
        .cycles
        .iter()
        .filter(|c| c.administered_on <= chosen.administered_on)
        .collect();
    parts.push(PrintPart::Trajectory(data::trajectory(
        &instruments,
        view,
        &up_to,
    )));
    for round in view.readiness.iter().filter(|r| in_year(r.round.held_on)) {
        let mut print = data::readiness_joint(instruments.readiness, round, false);
        print.attached = round_evidence(view, round);
        parts.push(PrintPart::Readiness(print));
    }
    let mut documents: Vec<_> = view
        .documents_of(CONTRACT_SUPPLEMENT)
        .chain(
            view.documents_of(QUARTERLY_MEETING)
                .filter(|d| in_year(d.held_on())),
        )
        .collect();
    documents.sort_by_key(|d| (d.instrument_key != CONTRACT_SUPPLEMENT, d.held_on(), d.id));
    for document in documents {
        if let Some(sheet) = instruments.worksheet(&document.instrument_key) {
            parts.push(PrintPart::Worksheet(data::worksheet(
                sheet,
                Some((view, document)),
            )));
        }
    }
    parts.push(PrintPart::Monitoring(data::monitoring(
        instruments.monitoring,
        Some(view),
        today,
    )));
    Ok(parts)
}
