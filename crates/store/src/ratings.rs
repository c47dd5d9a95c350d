//! Ratings: one row per cycle, indicator and rater (a person, or the team's
//! consensus when `person_id` is NULL).

use rusqlite::{ToSql, params};

use super::{Store, StoreError};
use crate::connection::Optional;
use crate::connection::Row;
use crate::table::{Column as TableColumn, Exchanged, Table, values};
use partnerpath_core::model::exchange::XRating;
use partnerpath_core::model::{
    Command, Conflict, CycleId, Level, Outcome, PartnershipId, PersonId, Rater, Rating, RatingKey,
    Seen, Theirs,
};
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

/// The rating columns an edit may change.
#[derive(Clone, Copy)]
enum Column {
    Level,
    Evidence,
    NextSteps,
}

impl Column {
    fn name(&self) -> &'static str {
        match self {
            Column::Level => "level",
            Column::Evidence => "evidence",
            Column::NextSteps => "next_steps",
        }
    }
}

fn person_id(rater: Rater) -> Option<i64> {
    match rater {
        Rater::Consensus => None,
        Rater::Person(id) => Some(id.0),
    }
}

impl Store {
    pub fn set_level(&mut self, key: &RatingKey, level: Option<Level>) -> Result<(), StoreError> {
        self.set_rating_column(key, Column::Level, &level.map(Level::number))
    }

    pub fn set_evidence(&mut self, key: &RatingKey, text: &str) -> Result<(), StoreError> {
        self.set_rating_column(key, Column::Evidence, &text)
    }

    pub fn set_next_steps(&mut self, key: &RatingKey, text: &str) -> Result<(), StoreError> {
        self.set_rating_column(key, Column::NextSteps, &text)
    }

    fn set_rating_column(
        &mut self,
        key: &RatingKey,
        column: Column,
        value: &dyn ToSql,
    ) -> Result<(), StoreError> {
        let column = column.name();
        let sql = format!(
            "INSERT INTO ratings (cycle_id, indicator_key, person_id, {column})
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (cycle_id, indicator_key, coalesce(person_id, 0))
             DO UPDATE SET {column} = excluded.{column},
                           updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
        );
        self.write(|tx| {
            tx.execute(
                &sql,
                params![
                    key.cycle_id.0,
                    key.indicator_key,
                    person_id(key.rater),
                    value
                ],
            )?;
            Ok(())
        })
    }

    pub(super) fn ratings_of(
        &self,
        partnership: PartnershipId,
    ) -> crate::connection::Result<Vec<(RatingKey, Rating)>> {
        let mut statement = self.conn.prepare(
            "SELECT r.cycle_id, r.indicator_key, r.person_id, r.level, r.evidence, r.next_steps
             FROM ratings r JOIN cycles c ON c.id = r.cycle_id
             WHERE c.partnership_id = ?1 AND c.deleted_at IS NULL",
        )?;
        let rows = statement.query_map([partnership.0], |row| {
            let person: Option<i64> = row.get(2)?;
            let level: Option<u8> = row.get(3)?;
            Ok((
                RatingKey {
                    cycle_id: CycleId(row.get(0)?),
                    indicator_key: row.get(1)?,
                    rater: person.map_or(Rater::Consensus, |id| Rater::Person(PersonId(id))),
                },
                Rating {
                    level: level.and_then(Level::new),
                    evidence: row.get(4)?,
                    next_steps: row.get(5)?,
                },
            ))
        })?;
        rows.collect()
    }
}

/// The continuum ratings in an exchange file. (A rating's fields are the
/// model's `Rating`, whose level is a `Level`; the file keeps the number so
/// that a level out of range is named as such.)
impl Exchanged for XRating {
    const TABLE: &'static Table = &Table {
        name: "ratings",
        owned: false,
        rows_of: "t.cycle_id IN (SELECT id FROM cycles
                                 WHERE partnership_id = ?1 AND deleted_at IS NULL)",
        order: "t.id",
        refs: &[
            TableColumn::owner("cycle_id", "cycles"),
            TableColumn::fixed("indicator_key"),
            TableColumn::owner("person_id", "people"),
        ],
        fields: &["level", "evidence", "next_steps"],
        fixed: &[],
        extra: &[],
        on_update: "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
    };

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        values![
            &self.cycle,
            &self.indicator_key,
            &self.person,
            &self.level,
            &self.evidence,
            &self.next_steps,
        ]
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XRating {
            id: row.get(0)?,
            cycle: row.get(1)?,
            indicator_key: row.get(2)?,
            person: row.get(3)?,
            level: row.get(4)?,
            evidence: row.get(5)?,
            next_steps: row.get(6)?,
        })
    }
}

/// Edits checked against what the window showed (on a shared database).
impl Store {
    /// Stores `command` as `apply` does, unless `seen` (what the window
    /// showed of the rating it changes) no longer holds: then someone else
    /// changed it meanwhile, nothing is stored, and the error says who,
    /// when and what it holds now. The check and the edit are one
    /// transaction, the rating's row locked on a server.
    pub fn apply_seen(
        &mut self,
        command: &Command,
        seen: Option<&Seen>,
    ) -> Result<Outcome, StoreError> {
        let Some(seen) = seen else {
            return self.apply(command);
        };
        match command {
            Command::SetLevel(key, _)
            | Command::SetEvidence(key, _)
            | Command::SetNextSteps(key, _) => self.apply_rating_seen(command, key, seen),
            Command::SetDocumentValue(id, field, ..) => {
                self.apply_value_seen(command, *id, field, seen)
            }
            Command::SetReadinessRating(member, category, _)
            | Command::SetReadinessConcerns(member, category, _) => {
                self.apply_member_rating_seen(command, *member, category, seen)
            }
            Command::SetTeamConcerns(round, team, category, _)
            | Command::SetTeamStrengths(round, team, category, _) => {
                self.apply_summary_seen(command, *round, *team, category, seen)
            }
            _ => match seen {
                Seen::Record(seen) => self.apply_record_seen(command, seen),
                _ => self.apply(command),
            },
        }
    }

    /// `apply_seen` for a rating's field.
    fn apply_rating_seen(
        &mut self,
        command: &Command,
        key: &RatingKey,
        seen: &Seen,
    ) -> Result<Outcome, StoreError> {
        self.apply_if_seen(
            command,
            seen,
            (
                "ratings",
                "SELECT id, level, evidence, next_steps FROM ratings
                 WHERE cycle_id = ?1 AND indicator_key = ?2
                   AND coalesce(person_id, 0) = coalesce(?3, 0)",
            ),
            params![key.cycle_id.0, key.indicator_key, person_id(key.rater)],
            |row| {
                let level: Option<u8> = row.get(1)?;
                Ok(Rating {
                    level: level.and_then(Level::new),
                    evidence: row.get::<Option<String>>(2)?.unwrap_or_default(),
                    next_steps: row.get::<Option<String>>(3)?.unwrap_or_default(),
                })
            },
            Theirs::Rating,
        )
    }

    /// The check the field edits share (a rating's, a readiness rating's,
    /// a team summary's): in the edit's own transaction, the one row
    /// `select` finds is read (its id, then what `read` makes of it),
    /// locked on a server; none is read as the empty value. When `seen` no
    /// longer holds for it, nothing is stored and the conflict says who
    /// last changed `table`'s row; otherwise the edit is stored.
    pub(crate) fn apply_if_seen<T: Default>(
        &mut self,
        command: &Command,
        seen: &Seen,
        (table, select): (&str, &str),
        params: &[&dyn ToSql],
        read: impl Fn(&Row<'_>) -> crate::connection::Result<T>,
        theirs: fn(T) -> Theirs,
    ) -> Result<Outcome, StoreError> {
        let lock = if self.server_address().is_some() {
            " FOR UPDATE"
        } else {
            ""
        };
        let sql = format!("{select}{lock}");
        self.batch(|store| {
            let found = store
                .conn
                .query_row(&sql, params, |row| Ok((row.get::<i64>(0)?, read(row)?)))
                .optional()
                .map_err(|e| store.error(e))?;
            let (id, now) = found.map_or((None, T::default()), |(id, now)| (Some(id), now));
            let now = theirs(now);
            if !seen.holds(&now) {
                return Err(store.conflict(table, id, now)?);
            }
            store.apply(command)
        })
    }

    /// The edit met someone else's change of `table`'s record `id`: who
    /// and when, with what the field holds now.
    pub(crate) fn conflict(
        &self,
        table: &str,
        id: Option<i64>,
        theirs: Theirs,
    ) -> Result<StoreError, StoreError> {
        let (who, at) = self.last_change(table, id)?;
        Ok(StoreError::Conflict {
            path: self.path.clone(),
            conflict: Box::new(Conflict { who, at, theirs }),
        })
    }

    /// Who last changed the record `id` of `table`, and when, as the
    /// history says (on a server, for whoever may see the record).
    fn last_change(&self, table: &str, id: Option<i64>) -> Result<(String, String), StoreError> {
        let sql = if self.server_address().is_some() {
            "SELECT who, at FROM partnerpath_last_change(?1, ?2)"
        } else {
            "SELECT who, at FROM history WHERE record = ?1 AND record_id = ?2 ORDER BY id DESC LIMIT 1"
        };
        let found = self
            .conn
            .query_row(sql, params![table, id], |row| {
                Ok((row.get::<String>(0)?, row.get::<String>(1)?))
            })
            .optional()
            .map_err(|e| self.error(e))?;
        Ok(found.unwrap_or_else(|| ("someone else".to_owned(), String::new())))
    }
}
