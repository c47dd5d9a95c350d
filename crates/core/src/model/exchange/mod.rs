//! The exchange file (`.partnerpath`): one partnership, or the part of it
//! one rater needs, in a documented, versioned JSON format
//! (`docs/EXCHANGE.md`) that moves between files and laptops. Records carry
//! their random 128-bit ids, so that importing the same file twice adds
//! nothing and a record changed on both sides is found.
//!
//! Here are the format and the checks of a file read from outside; the
//! store writes and reads it.

mod package;
mod plan;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

use crate::instrument::{Continuum, Instruments};
pub use package::{MAX_PACKAGE_BYTES, to_bytes};
pub use plan::{Choice, Conflict, Difference, Plan, Settled, Table, plan};

use crate::model::{
    ActionStepFields, AdaptationFields, AttachmentFields, CheckInFields, CycleFields,
    DocumentFields, Evidence, GoalFields, MemberRating, MilestoneFields, PartnershipFields,
    PersonFields, ReadinessMemberFields, ReadinessRoundFields, StageEntryFields, Team, TeamSummary,
};

/// The `format` every exchange file names.
pub const FORMAT: &str = "partnerpath-exchange";
/// The version of the format this program writes, and the newest it reads.
/// Version 3 added the partnership's adaptations of the continuum, version
/// 4 the evidence attached to records (and, when a file is attached, the
/// zip package that carries it), version 5 a cycle hidden until revealed
/// (`hidden`); a file without these is written as the oldest version that
/// holds what it has, which older programs read.
pub const VERSION: u32 = 5;
/// The version of a file that holds no hidden cycle.
pub const VERSION_WITHOUT_HIDDEN: u32 = 4;
/// The version of a file that holds no attachment.
pub const VERSION_WITHOUT_ATTACHMENTS: u32 = 3;
/// The version of a file that holds no adaptation and no attachment.
pub const VERSION_WITHOUT_ADAPTATIONS: u32 = 2;
/// The largest exchange file read (a partnership of many years is a few
/// megabytes).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// The file name extension.
pub const EXTENSION: &str = "partnerpath";

/// A whole exchange file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exchange {
    pub format: String,
    pub version: u32,
    pub exported_at: jiff::Timestamp,
    /// The program that wrote it, e.g. "PartnerPath 0.1.0".
    pub exported_by: String,
    /// What it holds: the whole partnership, or one cycle for some raters.
    pub scope: Scope,
    /// The instruments (keys and versions) its records were made with.
    pub instruments: Vec<InstrumentRef>,
    pub partnership: XPartnership,
    #[serde(default)]
    pub people: Vec<XPerson>,
    /// The partnership's adaptations of the continuum, every version (from
    /// format version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adaptations: Vec<XAdaptation>,
    #[serde(default)]
    pub cycles: Vec<XCycle>,
    #[serde(default)]
    pub ratings: Vec<XRating>,
    #[serde(default)]
    pub stage_entries: Vec<XStageEntry>,
    #[serde(default)]
    pub readiness_rounds: Vec<XReadinessRound>,
    #[serde(default)]
    pub readiness_members: Vec<XReadinessMember>,
    #[serde(default)]
    pub readiness_ratings: Vec<XReadinessRating>,
    #[serde(default)]
    pub readiness_summaries: Vec<XReadinessSummary>,
    #[serde(default)]
    pub documents: Vec<XDocument>,
    #[serde(default)]
    pub goals: Vec<XGoal>,
    #[serde(default)]
    pub milestones: Vec<XMilestone>,
    #[serde(default)]
    pub check_ins: Vec<XCheckIn>,
    #[serde(default)]
    pub action_steps: Vec<XActionStep>,
    /// Evidence attached to the records above (from format version 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<XAttachment>,
    /// The content of each attached file, by its fingerprint: carried
    /// beside the JSON in the zip package (`package.rs`), never in it.
    #[serde(skip)]
    pub contents: BTreeMap<String, Arc<[u8]>>,
}

impl Exchange {
    /// A file of `partnership` alone, written now by `exported_by`; the
    /// store adds its records.
    pub fn of(partnership: XPartnership, exported_by: &str) -> Exchange {
        Exchange {
            format: FORMAT.to_owned(),
            version: VERSION,
            exported_at: jiff::Timestamp::now(),
            exported_by: exported_by.to_owned(),
            scope: Scope::Partnership,
            instruments: Vec::new(),
            partnership,
            people: Vec::new(),
            adaptations: Vec::new(),
            cycles: Vec::new(),
            ratings: Vec::new(),
            stage_entries: Vec::new(),
            readiness_rounds: Vec::new(),
            readiness_members: Vec::new(),
            readiness_ratings: Vec::new(),
            readiness_summaries: Vec::new(),
            documents: Vec::new(),
            goals: Vec::new(),
            milestones: Vec::new(),
            check_ins: Vec::new(),
            action_steps: Vec::new(),
            attachments: Vec::new(),
            contents: BTreeMap::new(),
        }
    }

    /// Names the instruments its records were made with, and the oldest
    /// format version that holds them: called once the store added them.
    pub fn finish(&mut self) {
        self.instruments = self.instruments_used();
        self.version = if self.cycles.iter().any(|c| c.fields.hidden) {
            VERSION
        } else if !self.attachments.is_empty() {
            VERSION_WITHOUT_HIDDEN
        } else if !self.adaptations.is_empty() {
            VERSION_WITHOUT_ATTACHMENTS
        } else {
            VERSION_WITHOUT_ADAPTATIONS
        };
    }

    /// The fingerprints of the files attached, each once.
    pub fn attached_files(&self) -> BTreeSet<&str> {
        self.attachments
            .iter()
            .filter_map(|a| match a.evidence() {
                Some(Evidence::File { hash, .. }) => Some(hash),
                _ => None,
            })
            .collect()
    }

    /// The instruments (key and version) its records were made with, each
    /// once, in order.
    pub fn instruments_used(&self) -> Vec<InstrumentRef> {
        let mut refs: Vec<InstrumentRef> = self
            .cycles
            .iter()
            .map(|c| (&c.instrument_key, &c.instrument_version))
            .chain(
                self.readiness_rounds
                    .iter()
                    .map(|r| (&r.instrument_key, &r.instrument_version)),
            )
            .chain(
                self.documents
                    .iter()
                    .map(|d| (&d.instrument_key, &d.instrument_version)),
            )
            .map(|(key, version)| InstrumentRef {
                key: key.clone(),
                version: version.clone(),
            })
            .collect();
        refs.sort_by(|a, b| (&a.key, &a.version).cmp(&(&b.key, &b.version)));
        refs.dedup();
        refs
    }
}

/// What an exchange file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Scope {
    /// The whole partnership: a hand-over.
    Partnership,
    /// One continuum cycle, for these people to rate apart, each only as
    /// themselves.
    Raters { cycle: Uuid, people: Vec<Uuid> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentRef {
    pub key: String,
    pub version: String,
}

/// The partnership. (serde cannot refuse unknown fields beside flattened
/// ones; `parse` refuses them instead, for every record.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XPartnership {
    pub id: Uuid,
    #[serde(flatten)]
    pub fields: PartnershipFields,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XPerson {
    pub id: Uuid,
    #[serde(flatten)]
    pub fields: PersonFields,
}

/// A version of an adaptation of the continuum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XAdaptation {
    pub id: Uuid,
    #[serde(flatten)]
    pub fields: AdaptationFields,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XCycle {
    pub id: Uuid,
    #[serde(flatten)]
    pub fields: CycleFields,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XRating {
    pub id: Uuid,
    pub cycle: Uuid,
    pub indicator_key: String,
    /// `None` is the team's consensus.
    pub person: Option<Uuid>,
    pub level: Option<u8>,
    pub evidence: String,
    pub next_steps: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XStageEntry {
    pub id: Uuid,
    #[serde(flatten)]
    pub fields: StageEntryFields,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XReadinessRound {
    pub id: Uuid,
    #[serde(flatten)]
    pub fields: ReadinessRoundFields,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XReadinessMember {
    pub id: Uuid,
    pub round: Uuid,
    #[serde(flatten)]
    pub fields: ReadinessMemberFields,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XReadinessRating {
    pub id: Uuid,
    pub member: Uuid,
    pub category_key: String,
    #[serde(flatten)]
    pub fields: MemberRating,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XReadinessSummary {
    pub id: Uuid,
    pub round: Uuid,
    pub team: Team,
    pub category_key: String,
    #[serde(flatten)]
    pub fields: TeamSummary,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct XDocument {
    pub id: Uuid,
    #[serde(flatten)]
    pub fields: DocumentFields,
    /// The day it was last edited; files written before PartnerPath kept
    /// it have none, and their documents read their creation day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_on: Option<Date>,
    /// One typed value per field, as the worksheet stores it.
    pub values: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XGoal {
    pub id: Uuid,
    /// The goal an objective belongs to; `None` for a goal.
    pub goal: Option<Uuid>,
    #[serde(flatten)]
    pub fields: GoalFields,
}

/// A milestone: its fields as the screens hold them, flat beside its ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XMilestone {
    pub id: Uuid,
    pub serves_goal: Option<Uuid>,
    #[serde(flatten)]
    pub fields: MilestoneFields,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XCheckIn {
    pub id: Uuid,
    pub milestone: Uuid,
    #[serde(flatten)]
    pub fields: CheckInFields,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XActionStep {
    pub id: Uuid,
    /// Raised at this meeting, or for `milestone`: exactly one of the two.
    pub document: Option<Uuid>,
    pub milestone: Option<Uuid>,
    #[serde(flatten)]
    pub fields: ActionStepFields,
}

/// Evidence attached to one record of the file: an indicator of a cycle
/// (`cycle` and `indicator_key`), a readiness round, a worksheet or
/// meeting (`document`), or a milestone: exactly one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XAttachment {
    pub id: Uuid,
    pub cycle: Option<Uuid>,
    pub indicator_key: Option<String>,
    pub round: Option<Uuid>,
    pub document: Option<Uuid>,
    pub milestone: Option<Uuid>,
    #[serde(flatten)]
    pub fields: AttachmentFields,
}

/// Why an exchange file is refused. Each says what was found in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExchangeError {
    #[error("the file is larger than {} MB", MAX_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("the file is larger than {} GB", MAX_PACKAGE_BYTES / 1024 / 1024 / 1024)]
    PackageTooLarge,
    #[error("the file is a SQLite database, not an exchange file")]
    Database,
    #[error("the file is not a PartnerPath exchange file ({0})")]
    NotExchange(String),
    #[error("the file was written by a newer PartnerPath (exchange version {0})")]
    Newer(u32),
    #[error("the file is damaged or incomplete ({0})")]
    Damaged(String),
    #[error("the file names a tool this PartnerPath does not have: {0}")]
    UnknownInstrument(String),
    #[error("the file holds a value out of range: {0}")]
    OutOfRange(String),
    #[error("the file refers to a record it does not hold: {0}")]
    Dangling(String),
    #[error("the file uses one id for two records: {0}")]
    DuplicateId(Uuid),
    #[error("the file holds a record whose id belongs to another record in this file: {0}")]
    Collision(Uuid),
}

/// The header read first, so that a newer version is named as such rather
/// than as damaged.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

/// Reads and checks an exchange file. Nothing here touches a database.
pub fn parse(bytes: &[u8], instruments: Instruments) -> Result<Exchange, ExchangeError> {
    if package::is_package(bytes) {
        return package::unpack(bytes, instruments);
    }
    let exchange = parse_json(bytes, instruments)?;
    if !exchange.attached_files().is_empty() {
        return Err(ExchangeError::Damaged(
            "it names attached files but does not hold them".to_owned(),
        ));
    }
    Ok(exchange)
}

/// Reads and checks the JSON of an exchange file.
fn parse_json(bytes: &[u8], instruments: Instruments) -> Result<Exchange, ExchangeError> {
    if bytes.len() > MAX_BYTES {
        return Err(ExchangeError::TooLarge);
    }
    if bytes.starts_with(b"SQLite format 3\0") {
        return Err(ExchangeError::Database);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| ExchangeError::NotExchange("it is not text".to_owned()))?;
    let header: Header = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            ExchangeError::Damaged("it ends too soon".to_owned())
        } else {
            ExchangeError::NotExchange(short(&e.to_string()))
        }
    })?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(ExchangeError::NotExchange(
            "it does not say it is one".to_owned(),
        ));
    }
    match header.version {
        Some(v) if v > VERSION => return Err(ExchangeError::Newer(v)),
        Some(_) => {}
        None => return Err(ExchangeError::Damaged("no version".to_owned())),
    }
    let exchange: Exchange =
        serde_json::from_str(text).map_err(|e| ExchangeError::Damaged(short(&e.to_string())))?;
    no_unknown_fields(text, &exchange)?;
    check(&exchange, instruments)?;
    Ok(exchange)
}

/// Refuses a record with a field the format does not have, as serde does
/// for the records without flattened fields: each record of the file is
/// compared with the same record written again.
fn no_unknown_fields(text: &str, exchange: &Exchange) -> Result<(), ExchangeError> {
    let damaged = |e: serde_json::Error| ExchangeError::Damaged(short(&e.to_string()));
    let read: serde_json::Value = serde_json::from_str(text).map_err(damaged)?;
    let known = serde_json::to_value(exchange).map_err(damaged)?;
    let lists = read.as_object().into_iter().flatten();
    for (list, records) in lists.filter_map(|(k, v)| Some((k, v.as_array()?))) {
        for (i, record) in records.iter().enumerate() {
            let again = known.get(list).and_then(|l| l.get(i));
            let fields = record.as_object().into_iter().flatten();
            for (field, value) in fields {
                let kept = again.is_some_and(|r| r.get(field).is_some());
                if !kept && !value.is_null() {
                    return Err(ExchangeError::Damaged(format!(
                        "unknown field `{field}` in {list}"
                    )));
                }
            }
        }
    }
    Ok(())
}

/// A parser's message, cut to a readable length.
fn short(message: &str) -> String {
    message.chars().take(160).collect()
}

/// The checks a store relies on: known tools, values in range, every id
/// once, every reference to a record the file holds.
#[expect(
    clippy::too_many_lines,
    reason = "one check per table of the exchange file, in reference order; each returns at its first failure"
)]
pub fn check(x: &Exchange, instruments: Instruments) -> Result<(), ExchangeError> {
    let readiness = instruments.readiness;
    let unknown = |what: &str| Err(ExchangeError::UnknownInstrument(what.to_owned()));
    let range = |what: String| Err(ExchangeError::OutOfRange(what));
    let dangling = |what: &str| Err(ExchangeError::Dangling(what.to_owned()));

    for used in &x.instruments {
        let known = instruments.continuums.iter().any(|c| c.key == used.key)
            || used.key == readiness.key
            || instruments.worksheet(&used.key).is_some();
        if !known {
            return unknown(&used.key);
        }
    }
    let mut ids = BTreeSet::new();
    let mut once = |id: Uuid| {
        if ids.insert(id) {
            Ok(())
        } else {
            Err(ExchangeError::DuplicateId(id))
        }
    };
    once(x.partnership.id)?;
    if x.partnership.name.trim().is_empty() {
        return range("a partnership without a name".to_owned());
    }
    let people: BTreeSet<Uuid> = x.people.iter().map(|p| p.id).collect();
    for person in &x.people {
        once(person.id)?;
        if person.name.trim().is_empty() {
            return range("a person without a name".to_owned());
        }
    }
    // The adaptations, each version once, each a continuum to rate with.
    let mut adapted = Vec::new();
    let mut versions = BTreeSet::new();
    for adaptation in &x.adaptations {
        once(adaptation.id)?;
        if adaptation.name.trim().is_empty() {
            return range("an adaptation of the continuum without a name".to_owned());
        }
        if adaptation.number == 0 {
            return range("version 0 of an adaptation of the continuum".to_owned());
        }
        if !versions.insert(adaptation.version_id) {
            return Err(ExchangeError::DuplicateId(adaptation.version_id));
        }
        if adaptation.base(&instruments).is_none() {
            return unknown(&format!(
                "the continuum rubric, version {} ({}), which an adaptation is based on",
                adaptation.based_on_version, adaptation.based_on_key
            ));
        }
        match adaptation.continuum(&instruments) {
            Ok(continuum) => adapted.push(continuum),
            Err(problem) => {
                return range(format!("an adaptation of the continuum: {problem}"));
            }
        }
    }
    let cycles: BTreeSet<Uuid> = x.cycles.iter().map(|c| c.id).collect();
    // Each cycle's continuum, by the version it names: a version this
    // program lacks is refused.
    let mut rated_with = std::collections::BTreeMap::new();
    for cycle in &x.cycles {
        once(cycle.id)?;
        let named =
            |c: &&Continuum| c.key == cycle.instrument_key && c.version == cycle.instrument_version;
        let Some(continuum) = instruments
            .continuums
            .iter()
            .find(named)
            .or_else(|| adapted.iter().find(named))
        else {
            return unknown(&format!(
                "the continuum rubric, version {} ({})",
                cycle.instrument_version, cycle.instrument_key
            ));
        };
        rated_with.insert(cycle.id, continuum);
    }
    let mut rated = BTreeSet::new();
    for rating in &x.ratings {
        once(rating.id)?;
        let Some(continuum) = rated_with.get(&rating.cycle) else {
            return dangling("a rating's cycle");
        };
        if rating.person.is_some_and(|p| !people.contains(&p)) {
            return dangling("a rating's rater");
        }
        if continuum.indicator(&rating.indicator_key).is_none() {
            return unknown(&format!("indicator {:?}", rating.indicator_key));
        }
        if rating.level.is_some_and(|l| !(1..=4).contains(&l)) {
            return range(format!("continuum level {:?}", rating.level));
        }
        if !rated.insert((rating.cycle, rating.indicator_key.as_str(), rating.person)) {
            return range("two ratings of one indicator by one rater".to_owned());
        }
    }
    for entry in &x.stage_entries {
        once(entry.id)?;
        if entry.stage > 5 {
            return range(format!("stage {}", entry.stage));
        }
    }
    let rounds: BTreeSet<Uuid> = x.readiness_rounds.iter().map(|r| r.id).collect();
    for round in &x.readiness_rounds {
        once(round.id)?;
        if round.instrument_key != readiness.key {
            return unknown(&round.instrument_key);
        }
    }
    let members: BTreeSet<Uuid> = x.readiness_members.iter().map(|m| m.id).collect();
    for member in &x.readiness_members {
        once(member.id)?;
        if !rounds.contains(&member.round) {
            return dangling("a readiness member's round");
        }
        if member.name.trim().is_empty() {
            return range("a readiness member without a name".to_owned());
        }
    }
    let category = |key: &str| readiness.categories.iter().any(|c| c.key == key);
    let mut member_rated = BTreeSet::new();
    for rating in &x.readiness_ratings {
        once(rating.id)?;
        if !members.contains(&rating.member) {
            return dangling("a readiness rating's member");
        }
        if !category(&rating.category_key) {
            return unknown(&format!("readiness category {:?}", rating.category_key));
        }
        if rating.rating.is_some_and(|r| !(1..=4).contains(&r)) {
            return range(format!("readiness rating {:?}", rating.rating));
        }
        if !member_rated.insert((rating.member, rating.category_key.as_str())) {
            return range("two readiness ratings of one category by one member".to_owned());
        }
    }
    let mut summarised = BTreeSet::new();
    for summary in &x.readiness_summaries {
        once(summary.id)?;
        if !rounds.contains(&summary.round) {
            return dangling("a team summary's round");
        }
        if !category(&summary.category_key) {
            return unknown(&format!("readiness category {:?}", summary.category_key));
        }
        if !summarised.insert((summary.round, summary.team, summary.category_key.as_str())) {
            return range("two summaries of one category by one team".to_owned());
        }
    }
    let documents: BTreeSet<Uuid> = x.documents.iter().map(|d| d.id).collect();
    for document in &x.documents {
        once(document.id)?;
        if instruments.worksheet(&document.instrument_key).is_none() {
            return unknown(&document.instrument_key);
        }
    }
    let mut goals = BTreeSet::new();
    for goal in &x.goals {
        once(goal.id)?;
        // An objective belongs to a goal listed before it (so that goals
        // never go round in a circle).
        if goal.goal.is_some_and(|parent| !goals.contains(&parent)) {
            return dangling("an objective's goal, listed before it");
        }
        goals.insert(goal.id);
    }
    let milestones: BTreeSet<Uuid> = x.milestones.iter().map(|m| m.id).collect();
    for milestone in &x.milestones {
        once(milestone.id)?;
        if milestone.serves_goal.is_some_and(|g| !goals.contains(&g)) {
            return dangling("the goal a milestone serves");
        }
    }
    for check_in in &x.check_ins {
        once(check_in.id)?;
        if !milestones.contains(&check_in.milestone) {
            return dangling("a check-in's milestone");
        }
    }
    for step in &x.action_steps {
        once(step.id)?;
        match (step.document, step.milestone) {
            (Some(d), None) if documents.contains(&d) => {}
            (None, Some(m)) if milestones.contains(&m) => {}
            (Some(_), None) | (None, Some(_)) => return dangling("an action step's source"),
            _ => return range("an action step with two sources or none".to_owned()),
        }
    }
    for attachment in &x.attachments {
        once(attachment.id)?;
        let owners = [
            attachment.cycle.is_some(),
            attachment.round.is_some(),
            attachment.document.is_some(),
            attachment.milestone.is_some(),
        ];
        if owners.iter().filter(|o| **o).count() != 1
            || attachment.cycle.is_some() != attachment.indicator_key.is_some()
        {
            return range("an attachment on two records or none".to_owned());
        }
        if let (Some(cycle), Some(key)) = (attachment.cycle, &attachment.indicator_key) {
            let Some(continuum) = rated_with.get(&cycle) else {
                return dangling("an attachment's cycle");
            };
            if continuum.indicator(key).is_none() {
                return unknown(&format!("indicator {key:?}"));
            }
        }
        if attachment.round.is_some_and(|r| !rounds.contains(&r)) {
            return dangling("an attachment's readiness round");
        }
        if attachment.document.is_some_and(|d| !documents.contains(&d)) {
            return dangling("an attachment's worksheet or meeting");
        }
        if attachment
            .milestone
            .is_some_and(|m| !milestones.contains(&m))
        {
            return dangling("an attachment's milestone");
        }
        if let Some(problem) = attachment.problem() {
            return range(format!("an attachment: {problem}"));
        }
    }
    if let Scope::Raters {
        cycle,
        people: raters,
    } = &x.scope
        && (!cycles.contains(cycle) || raters.iter().any(|p| !people.contains(p)))
    {
        return dangling("the cycle or raters it was made for");
    }
    Ok(())
}
