//! Exchange files in and out of the database: a partnership (or one cycle
//! for some raters) read into the exchange format, and an exchange file's
//! new and chosen records written, all in one transaction.

use crate::codes::Coded;
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::{Store, StoreError};
use partnerpath_core::model::exchange::{
    Exchange, FORMAT, InstrumentRef, Plan, Scope, Table, VERSION, XActionStep, XCheckIn, XCycle,
    XDocument, XGoal, XMilestone, XPartnership, XPerson, XRating, XReadinessMember,
    XReadinessRating, XReadinessRound, XReadinessSummary, XStageEntry,
};
use partnerpath_core::model::{
    ActionStatus, CheckInStatus, CycleId, CycleStatus, PartnerKind, PartnershipId, PersonId, Side,
    Team,
};

/// What to export from a partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportScope {
    /// Everything it holds (not what is in "Recently deleted").
    Whole,
    /// One cycle, for these people to rate apart: the partnership, these
    /// people, the cycle and their ratings in it.
    Raters {
        cycle: CycleId,
        people: Vec<PersonId>,
    },
}

/// The rounds of the partnership not in "Recently deleted" (as `r`).
const LIVE_ROUND: &str = "r.partnership_id = ?1 AND r.deleted_at IS NULL";

/// The partnership of an exchange file, in this database.
#[derive(Debug)]
pub enum Counterpart {
    /// Not here: it is added whole.
    Absent,
    /// Here, as this exchange.
    Here(Box<Exchange>),
    /// In "Recently deleted": it must be restored before importing into it.
    Deleted,
}

fn all<T>(
    conn: &Connection,
    sql: &str,
    partnership: i64,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut statement = conn.prepare(sql)?;
    let rows = statement.query_map([partnership], map)?;
    rows.collect()
}

impl Store {
    /// The partnership `id` as an exchange file.
    pub fn export(
        &self,
        id: PartnershipId,
        scope: &ExportScope,
        exported_by: &str,
    ) -> Result<Exchange, StoreError> {
        self.export_inner(id.0, scope, exported_by)
            .map_err(|e| self.error(e))
    }

    #[expect(
        clippy::too_many_lines,
        reason = "one query per table of the exchange file (fourteen), read in one transaction; each table's SQL moves beside its table in the storage work of issue 21"
    )]
    fn export_inner(
        &self,
        p: i64,
        scope: &ExportScope,
        exported_by: &str,
    ) -> rusqlite::Result<Exchange> {
        let conn = &self.conn;
        let partnership = conn.query_row(
            "SELECT uid, name, district, partner_organisation, partner_kind, start_date, notes, archived
             FROM partnerships WHERE id = ?1 AND deleted_at IS NULL",
            [p],
            |row| {
                Ok(XPartnership {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    district: row.get(2)?,
                    partner_organisation: row.get(3)?,
                    partner_kind: row.get::<_, Coded<PartnerKind>>(4)?.0,
                    start_date: row.get(5)?,
                    notes: row.get(6)?,
                    archived: row.get(7)?,
                })
            },
        )?;
        let mut people = all(
            conn,
            "SELECT uid, name, side, role, id FROM people WHERE partnership_id = ?1 ORDER BY id",
            p,
            |row| {
                Ok((
                    XPerson {
                        id: row.get(0)?,
                        name: row.get(1)?,
                        side: row.get::<_, Coded<Side>>(2)?.0,
                        role: row.get(3)?,
                    },
                    PersonId(row.get(4)?),
                ))
            },
        )?;
        let mut cycles = all(
            conn,
            "SELECT uid, instrument_key, instrument_version, school_year, administered_on, status, id
             FROM cycles WHERE partnership_id = ?1 AND deleted_at IS NULL ORDER BY administered_on, id",
            p,
            |row| {
                Ok((
                    XCycle {
                        id: row.get(0)?,
                        instrument_key: row.get(1)?,
                        instrument_version: row.get(2)?,
                        school_year: row.get(3)?,
                        administered_on: row.get(4)?,
                        status: row.get::<_, Coded<CycleStatus>>(5)?.0,
                    },
                    CycleId(row.get(6)?),
                ))
            },
        )?;
        let mut ratings = all(
            conn,
            "SELECT r.uid, c.uid, r.indicator_key, pe.uid, r.level, r.evidence, r.next_steps,
                    r.cycle_id, r.person_id
             FROM ratings r JOIN cycles c ON c.id = r.cycle_id
             LEFT JOIN people pe ON pe.id = r.person_id
             WHERE c.partnership_id = ?1 AND c.deleted_at IS NULL ORDER BY r.id",
            p,
            |row| {
                Ok((
                    XRating {
                        id: row.get(0)?,
                        cycle: row.get(1)?,
                        indicator_key: row.get(2)?,
                        person: row.get(3)?,
                        level: row.get(4)?,
                        evidence: row.get(5)?,
                        next_steps: row.get(6)?,
                    },
                    CycleId(row.get(7)?),
                    row.get::<_, Option<i64>>(8)?.map(PersonId),
                ))
            },
        )?;
        let mut x = Exchange {
            format: FORMAT.to_owned(),
            version: VERSION,
            exported_at: jiff::Timestamp::now(),
            exported_by: exported_by.to_owned(),
            scope: Scope::Partnership,
            instruments: Vec::new(),
            partnership,
            people: Vec::new(),
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
        };
        if let ExportScope::Raters {
            cycle,
            people: raters,
        } = scope
        {
            people.retain(|(_, id)| raters.contains(id));
            cycles.retain(|(_, id)| id == cycle);
            ratings
                .retain(|(_, c, person)| c == cycle && person.is_some_and(|p| raters.contains(&p)));
            let cycle_uid = cycles
                .first()
                .map(|(c, _)| c.id)
                .ok_or(rusqlite::Error::QueryReturnedNoRows)?;
            x.scope = Scope::Raters {
                cycle: cycle_uid,
                people: people.iter().map(|(p, _)| p.id).collect(),
            };
            x.people = people.into_iter().map(|(p, _)| p).collect();
            x.cycles = cycles.into_iter().map(|(c, _)| c).collect();
            x.ratings = ratings.into_iter().map(|(r, _, _)| r).collect();
            x.instruments = instruments_of(&x);
            return Ok(x);
        }
        x.people = people.into_iter().map(|(p, _)| p).collect();
        x.cycles = cycles.into_iter().map(|(c, _)| c).collect();
        x.ratings = ratings.into_iter().map(|(r, _, _)| r).collect();
        x.stage_entries = all(
            conn,
            "SELECT uid, stage, started_on, note FROM stage_entries
             WHERE partnership_id = ?1 ORDER BY started_on, id",
            p,
            |row| {
                Ok(XStageEntry {
                    id: row.get(0)?,
                    stage: row.get(1)?,
                    started_on: row.get(2)?,
                    note: row.get(3)?,
                })
            },
        )?;
        x.readiness_rounds = all(
            conn,
            "SELECT uid, title, held_on, instrument_key, instrument_version FROM readiness_rounds
             WHERE partnership_id = ?1 AND deleted_at IS NULL ORDER BY held_on, id",
            p,
            |row| {
                Ok(XReadinessRound {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    held_on: row.get(2)?,
                    instrument_key: row.get(3)?,
                    instrument_version: row.get(4)?,
                })
            },
        )?;
        x.readiness_members = all(
            conn,
            &format!(
                "SELECT m.uid, r.uid, m.team, m.name, m.role FROM readiness_members m
                 JOIN readiness_rounds r ON r.id = m.round_id WHERE {LIVE_ROUND} ORDER BY m.id"
            ),
            p,
            |row| {
                Ok(XReadinessMember {
                    id: row.get(0)?,
                    round: row.get(1)?,
                    team: row.get::<_, Coded<Team>>(2)?.0,
                    name: row.get(3)?,
                    role: row.get(4)?,
                })
            },
        )?;
        x.readiness_ratings = all(
            conn,
            &format!(
                "SELECT t.uid, m.uid, t.category_key, t.rating, t.concerns FROM readiness_ratings t
                 JOIN readiness_members m ON m.id = t.member_id
                 JOIN readiness_rounds r ON r.id = m.round_id WHERE {LIVE_ROUND} ORDER BY t.id"
            ),
            p,
            |row| {
                Ok(XReadinessRating {
                    id: row.get(0)?,
                    member: row.get(1)?,
                    category_key: row.get(2)?,
                    rating: row.get(3)?,
                    concerns: row.get(4)?,
                })
            },
        )?;
        x.readiness_summaries = all(
            conn,
            &format!(
                "SELECT s.uid, r.uid, s.team, s.category_key, s.concerns, s.strengths
                 FROM readiness_summaries s JOIN readiness_rounds r ON r.id = s.round_id
                 WHERE {LIVE_ROUND} ORDER BY s.id"
            ),
            p,
            |row| {
                Ok(XReadinessSummary {
                    id: row.get(0)?,
                    round: row.get(1)?,
                    team: row.get::<_, Coded<Team>>(2)?.0,
                    category_key: row.get(3)?,
                    concerns: row.get(4)?,
                    strengths: row.get(5)?,
                })
            },
        )?;
        let mut documents = all(
            conn,
            "SELECT uid, instrument_key, instrument_version, title, created_on, id,
                    COALESCE(changed_on, created_on)
             FROM documents
             WHERE partnership_id = ?1 AND deleted_at IS NULL ORDER BY created_on, id",
            p,
            |row| {
                Ok((
                    XDocument {
                        id: row.get(0)?,
                        instrument_key: row.get(1)?,
                        instrument_version: row.get(2)?,
                        title: row.get(3)?,
                        created_on: row.get(4)?,
                        changed_on: row.get(6)?,
                        values: std::collections::BTreeMap::new(),
                    },
                    row.get::<_, i64>(5)?,
                ))
            },
        )?;
        let mut values =
            conn.prepare("SELECT field_key, value FROM document_values WHERE document_id = ?1")?;
        for (document, id) in &mut documents {
            let rows = values.query_map([*id], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (key, json) = row?;
                let value = serde_json::from_str(&json).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        1,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                })?;
                document.values.insert(key, value);
            }
        }
        x.documents = documents.into_iter().map(|(d, _)| d).collect();
        x.goals = all(
            conn,
            "SELECT g.uid, parent.uid, g.text FROM goals g
             LEFT JOIN goals parent ON parent.id = g.goal_id
             WHERE g.partnership_id = ?1 ORDER BY g.id",
            p,
            |row| {
                Ok(XGoal {
                    id: row.get(0)?,
                    goal: row.get(1)?,
                    text: row.get(2)?,
                })
            },
        )?;
        x.milestones = all(
            conn,
            "SELECT m.uid, m.milestone, m.feedback_data, m.frequency, m.source, g.uid, m.started_on
             FROM milestones m LEFT JOIN goals g ON g.id = m.serves_goal_id
             WHERE m.partnership_id = ?1 ORDER BY m.id",
            p,
            |row| {
                Ok(XMilestone {
                    id: row.get(0)?,
                    milestone: row.get(1)?,
                    feedback_data: row.get(2)?,
                    frequency: row.get(3)?,
                    source: row.get(4)?,
                    serves_goal: row.get(5)?,
                    started_on: row.get(6)?,
                })
            },
        )?;
        x.check_ins = all(
            conn,
            "SELECT c.uid, m.uid, c.checked_on, c.status, c.note FROM check_ins c
             JOIN milestones m ON m.id = c.milestone_id
             WHERE m.partnership_id = ?1 ORDER BY c.checked_on, c.id",
            p,
            |row| {
                Ok(XCheckIn {
                    id: row.get(0)?,
                    milestone: row.get(1)?,
                    checked_on: row.get(2)?,
                    status: row.get::<_, Coded<CheckInStatus>>(3)?.0,
                    note: row.get(4)?,
                })
            },
        )?;
        x.action_steps = all(
            conn,
            "SELECT s.uid, s.text, s.owner, s.due_on, s.status, d.uid, m.uid, s.raised_on, s.closed_on
             FROM action_steps s
             LEFT JOIN documents d ON d.id = s.document_id
             LEFT JOIN milestones m ON m.id = s.milestone_id
             WHERE s.partnership_id = ?1 AND (s.document_id IS NULL OR d.deleted_at IS NULL)
             ORDER BY s.raised_on, s.id",
            p,
            |row| {
                Ok(XActionStep {
                    id: row.get(0)?,
                    text: row.get(1)?,
                    owner: row.get(2)?,
                    due_on: row.get(3)?,
                    status: row.get::<_, Coded<ActionStatus>>(4)?.0,
                    document: row.get(5)?,
                    milestone: row.get(6)?,
                    raised_on: row.get(7)?,
                    closed_on: row.get(8)?,
                })
            },
        )?;
        x.instruments = instruments_of(&x);
        Ok(x)
    }

    /// The partnership with the same id as the file's, as an exchange (to
    /// compare with it), if this file has it.
    pub fn counterpart(&self, x: &Exchange) -> Result<Counterpart, StoreError> {
        let found: Option<(i64, Option<String>)> = self
            .conn
            .query_row(
                "SELECT id, deleted_at FROM partnerships WHERE uid = ?1",
                [x.partnership.id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .map_err(|e| self.error(e))?;
        match found {
            None => Ok(Counterpart::Absent),
            Some((_, Some(_))) => Ok(Counterpart::Deleted),
            Some((id, None)) => self
                .export(PartnershipId(id), &ExportScope::Whole, "")
                .map(|x| Counterpart::Here(Box::new(x))),
        }
    }

    /// Which of `ids` this file already uses for some record (of any
    /// partnership, deleted or not).
    pub fn ids_in_use(&self, ids: &[Uuid]) -> Result<Vec<Uuid>, StoreError> {
        let run = || -> rusqlite::Result<Vec<Uuid>> {
            let mut used = Vec::new();
            let mut statements = Table::ALL
                .iter()
                .map(|t| {
                    self.conn
                        .prepare(&format!("SELECT 1 FROM {} WHERE uid = ?1", sql_table(*t)))
                })
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for id in ids {
                for statement in &mut statements {
                    if statement.exists([id])? {
                        used.push(*id);
                        break;
                    }
                }
            }
            Ok(used)
        };
        run().map_err(|e| self.error(e))
    }

    /// Writes what `plan` says of `x`: its new records, and the records in
    /// conflict that the user chose to take from the file. One transaction:
    /// on failure nothing is written.
    pub fn import(&mut self, x: &Exchange, plan: &Plan) -> Result<PartnershipId, StoreError> {
        self.batch(|store| store.import_inner(x, plan).map_err(|e| store.error(e)))
    }

    /// Imports `x` as `import` does, and marks the partnership as sample
    /// data, in the same transaction.
    pub fn import_sample(
        &mut self,
        x: &Exchange,
        plan: &Plan,
    ) -> Result<PartnershipId, StoreError> {
        self.batch(|store| {
            let id = store.import_inner(x, plan).map_err(|e| store.error(e))?;
            store
                .conn
                .execute(
                    "UPDATE partnerships SET is_sample = 1 WHERE id = ?1",
                    [id.0],
                )
                .map_err(|e| store.error(e))?;
            Ok(id)
        })
    }

    #[expect(
        clippy::too_many_lines,
        reason = "one block per table of the exchange file (fourteen), in the order the references need; each table's SQL moves beside its table in the storage work of issue 21"
    )]
    fn import_inner(&self, x: &Exchange, plan: &Plan) -> rusqlite::Result<PartnershipId> {
        let conn = &self.conn;
        let insert = |id: &Uuid| plan.inserts(*id);
        let update = |id: &Uuid| plan.takes_from_file(*id);
        let p = &x.partnership;
        if insert(&p.id) {
            conn.execute(
                "INSERT INTO partnerships
                   (uid, name, district, partner_organisation, partner_kind, start_date, notes, archived)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    p.id,
                    p.name.trim(),
                    p.district,
                    p.partner_organisation,
                    Coded(p.partner_kind),
                    p.start_date,
                    p.notes,
                    p.archived
                ],
            )?;
        } else if update(&p.id) {
            conn.execute(
                "UPDATE partnerships SET name = ?2, district = ?3, partner_organisation = ?4,
                   partner_kind = ?5, start_date = ?6, notes = ?7, archived = ?8 WHERE uid = ?1",
                params![
                    p.id,
                    p.name.trim(),
                    p.district,
                    p.partner_organisation,
                    Coded(p.partner_kind),
                    p.start_date,
                    p.notes,
                    p.archived
                ],
            )?;
        }
        let partnership: i64 =
            conn.query_row("SELECT id FROM partnerships WHERE uid = ?1", [p.id], |r| {
                r.get(0)
            })?;
        // A partnership that arrives for rating apart is a rating copy here.
        if insert(&p.id) && matches!(x.scope, Scope::Raters { .. }) {
            let scope = serde_json::to_string(&x.scope)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
            conn.execute(
                "UPDATE partnerships SET rating_copy = ?2 WHERE id = ?1",
                params![partnership, scope],
            )?;
        }
        for person in &x.people {
            if insert(&person.id) {
                conn.execute(
                    "INSERT INTO people (uid, partnership_id, name, side, role) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![person.id, partnership, person.name.trim(), Coded(person.side), person.role],
                )?;
            } else if update(&person.id) {
                conn.execute(
                    "UPDATE people SET name = ?2, side = ?3, role = ?4 WHERE uid = ?1",
                    params![
                        person.id,
                        person.name.trim(),
                        Coded(person.side),
                        person.role
                    ],
                )?;
            }
        }
        for cycle in &x.cycles {
            if insert(&cycle.id) {
                conn.execute(
                    "INSERT INTO cycles (uid, partnership_id, instrument_key, instrument_version,
                       school_year, administered_on, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        cycle.id,
                        partnership,
                        cycle.instrument_key,
                        cycle.instrument_version,
                        cycle.school_year,
                        cycle.administered_on,
                        Coded(cycle.status)
                    ],
                )?;
            } else if update(&cycle.id) {
                conn.execute(
                    "UPDATE cycles SET school_year = ?2, administered_on = ?3, status = ?4 WHERE uid = ?1",
                    params![cycle.id, cycle.school_year, cycle.administered_on, Coded(cycle.status)],
                )?;
            }
        }
        for rating in &x.ratings {
            if insert(&rating.id) {
                conn.execute(
                    "INSERT INTO ratings (uid, cycle_id, indicator_key, person_id, level, evidence, next_steps)
                     VALUES (?1, (SELECT id FROM cycles WHERE uid = ?2), ?3,
                             (SELECT id FROM people WHERE uid = ?4), ?5, ?6, ?7)",
                    params![
                        rating.id,
                        rating.cycle,
                        rating.indicator_key,
                        rating.person,
                        rating.level,
                        rating.evidence,
                        rating.next_steps
                    ],
                )?;
            } else if let Some(here) = plan.here_id_taking_file(rating.id) {
                conn.execute(
                    "UPDATE ratings SET level = ?2, evidence = ?3, next_steps = ?4,
                       updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE uid = ?1",
                    params![here, rating.level, rating.evidence, rating.next_steps],
                )?;
            }
        }
        for entry in &x.stage_entries {
            if insert(&entry.id) {
                conn.execute(
                    "INSERT INTO stage_entries (uid, partnership_id, stage, started_on, note)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        entry.id,
                        partnership,
                        entry.stage,
                        entry.started_on,
                        entry.note
                    ],
                )?;
            } else if update(&entry.id) {
                conn.execute(
                    "UPDATE stage_entries SET stage = ?2, started_on = ?3, note = ?4 WHERE uid = ?1",
                    params![entry.id, entry.stage, entry.started_on, entry.note],
                )?;
            }
        }
        for round in &x.readiness_rounds {
            if insert(&round.id) {
                conn.execute(
                    "INSERT INTO readiness_rounds (uid, partnership_id, title, held_on,
                       instrument_key, instrument_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        round.id,
                        partnership,
                        round.title,
                        round.held_on,
                        round.instrument_key,
                        round.instrument_version
                    ],
                )?;
            } else if update(&round.id) {
                conn.execute(
                    "UPDATE readiness_rounds SET title = ?2, held_on = ?3 WHERE uid = ?1",
                    params![round.id, round.title, round.held_on],
                )?;
            }
        }
        for member in &x.readiness_members {
            if insert(&member.id) {
                conn.execute(
                    "INSERT INTO readiness_members (uid, round_id, team, name, role)
                     VALUES (?1, (SELECT id FROM readiness_rounds WHERE uid = ?2), ?3, ?4, ?5)",
                    params![
                        member.id,
                        member.round,
                        Coded(member.team),
                        member.name.trim(),
                        member.role
                    ],
                )?;
            } else if update(&member.id) {
                conn.execute(
                    "UPDATE readiness_members SET team = ?2, name = ?3, role = ?4 WHERE uid = ?1",
                    params![
                        member.id,
                        Coded(member.team),
                        member.name.trim(),
                        member.role
                    ],
                )?;
            }
        }
        for rating in &x.readiness_ratings {
            if insert(&rating.id) {
                conn.execute(
                    "INSERT INTO readiness_ratings (uid, member_id, category_key, rating, concerns)
                     VALUES (?1, (SELECT id FROM readiness_members WHERE uid = ?2), ?3, ?4, ?5)",
                    params![
                        rating.id,
                        rating.member,
                        rating.category_key,
                        rating.rating,
                        rating.concerns
                    ],
                )?;
            } else if let Some(here) = plan.here_id_taking_file(rating.id) {
                conn.execute(
                    "UPDATE readiness_ratings SET rating = ?2, concerns = ?3 WHERE uid = ?1",
                    params![here, rating.rating, rating.concerns],
                )?;
            }
        }
        for summary in &x.readiness_summaries {
            if insert(&summary.id) {
                conn.execute(
                    "INSERT INTO readiness_summaries (uid, round_id, team, category_key, concerns, strengths)
                     VALUES (?1, (SELECT id FROM readiness_rounds WHERE uid = ?2), ?3, ?4, ?5, ?6)",
                    params![
                        summary.id,
                        summary.round,
                        Coded(summary.team),
                        summary.category_key,
                        summary.concerns,
                        summary.strengths
                    ],
                )?;
            } else if let Some(here) = plan.here_id_taking_file(summary.id) {
                conn.execute(
                    "UPDATE readiness_summaries SET concerns = ?2, strengths = ?3 WHERE uid = ?1",
                    params![here, summary.concerns, summary.strengths],
                )?;
            }
        }
        for document in &x.documents {
            if insert(&document.id) {
                conn.execute(
                    "INSERT INTO documents (uid, partnership_id, instrument_key, instrument_version,
                       title, created_on, changed_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        document.id,
                        partnership,
                        document.instrument_key,
                        document.instrument_version,
                        document.title,
                        document.created_on,
                        document.changed_on
                    ],
                )?;
            } else if update(&document.id) {
                conn.execute(
                    "UPDATE documents SET title = ?2, created_on = ?3,
                       changed_on = COALESCE(?4, changed_on) WHERE uid = ?1",
                    params![
                        document.id,
                        document.title,
                        document.created_on,
                        document.changed_on
                    ],
                )?;
                conn.execute(
                    "DELETE FROM document_values
                     WHERE document_id = (SELECT id FROM documents WHERE uid = ?1)",
                    [document.id],
                )?;
            } else {
                continue;
            }
            for (key, value) in &document.values {
                conn.execute(
                    "INSERT INTO document_values (document_id, field_key, value)
                     VALUES ((SELECT id FROM documents WHERE uid = ?1), ?2, ?3)",
                    params![document.id, key, value.to_string()],
                )?;
            }
        }
        // A goal is listed before its objectives (`exchange::check`).
        for goal in &x.goals {
            if insert(&goal.id) {
                conn.execute(
                    "INSERT INTO goals (uid, partnership_id, goal_id, text)
                     VALUES (?1, ?2, (SELECT id FROM goals WHERE uid = ?3), ?4)",
                    params![goal.id, partnership, goal.goal, goal.text],
                )?;
            } else if update(&goal.id) {
                conn.execute(
                    "UPDATE goals SET text = ?2 WHERE uid = ?1",
                    params![goal.id, goal.text],
                )?;
            }
        }
        for milestone in &x.milestones {
            let values = params![
                milestone.id,
                partnership,
                milestone.milestone,
                milestone.feedback_data,
                milestone.frequency,
                milestone.source,
                milestone.serves_goal,
                milestone.started_on
            ];
            if insert(&milestone.id) {
                conn.execute(
                    "INSERT INTO milestones (uid, partnership_id, milestone, feedback_data, frequency,
                       source, serves_goal_id, started_on)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT id FROM goals WHERE uid = ?7), ?8)",
                    values,
                )?;
            } else if update(&milestone.id) {
                conn.execute(
                    "UPDATE milestones SET milestone = ?3, feedback_data = ?4, frequency = ?5,
                       source = ?6, serves_goal_id = (SELECT id FROM goals WHERE uid = ?7),
                       started_on = ?8 WHERE uid = ?1 AND partnership_id = ?2",
                    values,
                )?;
            }
        }
        for check_in in &x.check_ins {
            if insert(&check_in.id) {
                conn.execute(
                    "INSERT INTO check_ins (uid, milestone_id, checked_on, status, note)
                     VALUES (?1, (SELECT id FROM milestones WHERE uid = ?2), ?3, ?4, ?5)",
                    params![
                        check_in.id,
                        check_in.milestone,
                        check_in.checked_on,
                        Coded(check_in.status),
                        check_in.note
                    ],
                )?;
            } else if update(&check_in.id) {
                conn.execute(
                    "UPDATE check_ins SET checked_on = ?2, status = ?3, note = ?4 WHERE uid = ?1",
                    params![
                        check_in.id,
                        check_in.checked_on,
                        Coded(check_in.status),
                        check_in.note
                    ],
                )?;
            }
        }
        for step in &x.action_steps {
            if insert(&step.id) {
                conn.execute(
                    "INSERT INTO action_steps (uid, partnership_id, text, owner, due_on, status,
                       document_id, milestone_id, raised_on, closed_on)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT id FROM documents WHERE uid = ?7),
                             (SELECT id FROM milestones WHERE uid = ?8), ?9, ?10)",
                    params![
                        step.id,
                        partnership,
                        step.text,
                        step.owner,
                        step.due_on,
                        Coded(step.status),
                        step.document,
                        step.milestone,
                        step.raised_on,
                        step.closed_on
                    ],
                )?;
            } else if update(&step.id) {
                conn.execute(
                    "UPDATE action_steps SET text = ?2, owner = ?3, due_on = ?4, status = ?5,
                       raised_on = ?6, closed_on = ?7 WHERE uid = ?1",
                    params![
                        step.id,
                        step.text,
                        step.owner,
                        step.due_on,
                        Coded(step.status),
                        step.raised_on,
                        step.closed_on
                    ],
                )?;
            }
        }
        Ok(PartnershipId(partnership))
    }
}

/// The table that holds each kind of record.
fn sql_table(table: Table) -> &'static str {
    match table {
        Table::Partnership => "partnerships",
        Table::Person => "people",
        Table::Cycle => "cycles",
        Table::Rating => "ratings",
        Table::StageEntry => "stage_entries",
        Table::ReadinessRound => "readiness_rounds",
        Table::ReadinessMember => "readiness_members",
        Table::ReadinessRating => "readiness_ratings",
        Table::ReadinessSummary => "readiness_summaries",
        Table::Document => "documents",
        Table::Goal => "goals",
        Table::Milestone => "milestones",
        Table::CheckIn => "check_ins",
        Table::ActionStep => "action_steps",
    }
}

/// The instruments (key and version) the records of `x` were made with.
fn instruments_of(x: &Exchange) -> Vec<InstrumentRef> {
    let mut refs: Vec<InstrumentRef> = x
        .cycles
        .iter()
        .map(|c| (&c.instrument_key, &c.instrument_version))
        .chain(
            x.readiness_rounds
                .iter()
                .map(|r| (&r.instrument_key, &r.instrument_version)),
        )
        .chain(
            x.documents
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
