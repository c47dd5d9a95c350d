//! Readiness rounds, their members, ratings and team summaries.

use crate::codes::Coded;
use rusqlite::{ToSql, params};

use super::{Store, StoreError};
use crate::table::{Column, Exchanged, Table, values};
use partnerpath_core::model::exchange::{
    XReadinessMember, XReadinessRating, XReadinessRound, XReadinessSummary,
};
use partnerpath_core::model::{
    MemberRating, NewReadinessMember, NewReadinessRound, PartnershipId, ReadinessMember,
    ReadinessMemberId, ReadinessRound, ReadinessRoundId, ReadinessView, Team, TeamSummary,
};
use rusqlite::Row;
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

impl Store {
    pub fn create_readiness_round(
        &mut self,
        new: &NewReadinessRound,
    ) -> Result<ReadinessRoundId, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO readiness_rounds
                   (partnership_id, title, held_on, instrument_key, instrument_version)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    new.partnership_id.0,
                    new.title,
                    new.held_on,
                    new.instrument_key,
                    new.instrument_version
                ],
            )?;
            Ok(ReadinessRoundId(tx.last_insert_rowid()))
        })
    }

    pub fn update_readiness_round(&mut self, round: &ReadinessRound) -> Result<(), StoreError> {
        self.execute(
            "UPDATE readiness_rounds SET title = ?2, held_on = ?3 WHERE id = ?1",
            params![round.id.0, round.title, round.held_on],
        )
    }

    /// Moves a round, with its members, ratings and summaries, to "Recently
    /// deleted".
    pub fn delete_readiness_round(&mut self, id: ReadinessRoundId) -> Result<(), StoreError> {
        self.execute(
            "UPDATE readiness_rounds SET deleted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
             WHERE id = ?1 AND deleted_at IS NULL",
            [id.0],
        )
    }

    pub fn add_readiness_member(
        &mut self,
        new: &NewReadinessMember,
    ) -> Result<ReadinessMemberId, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO readiness_members (round_id, team, name, role) VALUES (?1, ?2, ?3, ?4)",
                params![new.round_id.0, Coded(new.team), new.name.trim(), new.role],
            )?;
            Ok(ReadinessMemberId(tx.last_insert_rowid()))
        })
    }

    pub fn update_readiness_member(&mut self, member: &ReadinessMember) -> Result<(), StoreError> {
        self.execute(
            "UPDATE readiness_members SET team = ?2, name = ?3, role = ?4 WHERE id = ?1",
            params![member.id.0, Coded(member.team), member.name, member.role],
        )
    }

    /// Removes a member with their ratings and concerns.
    pub fn delete_readiness_member(&mut self, id: ReadinessMemberId) -> Result<(), StoreError> {
        self.execute("DELETE FROM readiness_members WHERE id = ?1", [id.0])
    }

    pub fn set_readiness_rating(
        &mut self,
        member: ReadinessMemberId,
        category: &str,
        rating: Option<u8>,
    ) -> Result<(), StoreError> {
        self.set_member_column(member, category, "rating", &rating)
    }

    pub fn set_readiness_concerns(
        &mut self,
        member: ReadinessMemberId,
        category: &str,
        concerns: &str,
    ) -> Result<(), StoreError> {
        self.set_member_column(member, category, "concerns", &concerns)
    }

    fn set_member_column(
        &mut self,
        member: ReadinessMemberId,
        category: &str,
        column: &'static str,
        value: &dyn ToSql,
    ) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO readiness_ratings (member_id, category_key, {column}) VALUES (?1, ?2, ?3)
             ON CONFLICT (member_id, category_key) DO UPDATE SET {column} = excluded.{column}"
        );
        self.write(|tx| {
            tx.execute(&sql, params![member.0, category, value])?;
            Ok(())
        })
    }

    pub fn set_team_concerns(
        &mut self,
        round: ReadinessRoundId,
        team: Team,
        category: &str,
        text: &str,
    ) -> Result<(), StoreError> {
        self.set_summary_column(round, team, category, "concerns", text)
    }

    pub fn set_team_strengths(
        &mut self,
        round: ReadinessRoundId,
        team: Team,
        category: &str,
        text: &str,
    ) -> Result<(), StoreError> {
        self.set_summary_column(round, team, category, "strengths", text)
    }

    fn set_summary_column(
        &mut self,
        round: ReadinessRoundId,
        team: Team,
        category: &str,
        column: &'static str,
        text: &str,
    ) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO readiness_summaries (round_id, team, category_key, {column})
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (round_id, team, category_key) DO UPDATE SET {column} = excluded.{column}"
        );
        self.write(|tx| {
            tx.execute(&sql, params![round.0, Coded(team), category, text])?;
            Ok(())
        })
    }

    pub(super) fn readiness_of(
        &self,
        partnership: PartnershipId,
    ) -> rusqlite::Result<Vec<ReadinessView>> {
        let mut rounds = self.conn.prepare(
            "SELECT id, partnership_id, title, held_on, instrument_key, instrument_version
             FROM readiness_rounds WHERE partnership_id = ?1 AND deleted_at IS NULL
             ORDER BY held_on, id",
        )?;
        let rounds: Vec<ReadinessRound> = rounds
            .query_map([partnership.0], |row| {
                Ok(ReadinessRound {
                    id: ReadinessRoundId(row.get(0)?),
                    partnership_id: PartnershipId(row.get(1)?),
                    title: row.get(2)?,
                    held_on: row.get(3)?,
                    instrument_key: row.get(4)?,
                    instrument_version: row.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        rounds
            .into_iter()
            .map(|round| {
                let members = self.readiness_members(round.id)?;
                let ratings = self.readiness_ratings(round.id)?;
                let summaries = self.readiness_summaries(round.id)?;
                Ok(ReadinessView::new(round, members, ratings, summaries))
            })
            .collect()
    }

    fn readiness_members(&self, round: ReadinessRoundId) -> rusqlite::Result<Vec<ReadinessMember>> {
        let mut statement = self.conn.prepare(
            "SELECT id, round_id, team, name, role FROM readiness_members
             WHERE round_id = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([round.0], |row| {
            Ok(ReadinessMember {
                id: ReadinessMemberId(row.get(0)?),
                round_id: ReadinessRoundId(row.get(1)?),
                team: row.get::<_, Coded<Team>>(2)?.0,
                name: row.get(3)?,
                role: row.get(4)?,
            })
        })?;
        rows.collect()
    }

    fn readiness_ratings(
        &self,
        round: ReadinessRoundId,
    ) -> rusqlite::Result<Vec<(ReadinessMemberId, String, MemberRating)>> {
        let mut statement = self.conn.prepare(
            "SELECT r.member_id, r.category_key, r.rating, r.concerns
             FROM readiness_ratings r JOIN readiness_members m ON m.id = r.member_id
             WHERE m.round_id = ?1",
        )?;
        let rows = statement.query_map([round.0], |row| {
            Ok((
                ReadinessMemberId(row.get(0)?),
                row.get(1)?,
                MemberRating {
                    rating: row.get(2)?,
                    concerns: row.get(3)?,
                },
            ))
        })?;
        rows.collect()
    }

    fn readiness_summaries(
        &self,
        round: ReadinessRoundId,
    ) -> rusqlite::Result<Vec<(Team, String, TeamSummary)>> {
        let mut statement = self.conn.prepare(
            "SELECT team, category_key, concerns, strengths FROM readiness_summaries
             WHERE round_id = ?1",
        )?;
        let rows = statement.query_map([round.0], |row| {
            Ok((
                row.get::<_, Coded<Team>>(0)?.0,
                row.get(1)?,
                TeamSummary {
                    concerns: row.get(2)?,
                    strengths: row.get(3)?,
                },
            ))
        })?;
        rows.collect()
    }
}

/// The rounds of partnership `?1` not in "Recently deleted".
macro_rules! live_rounds {
    () => {
        "SELECT id FROM readiness_rounds WHERE partnership_id = ?1 AND deleted_at IS NULL"
    };
}

/// The readiness rounds in an exchange file.
impl Exchanged for XReadinessRound {
    const TABLE: &'static Table = &Table {
        name: "readiness_rounds",
        owned: true,
        rows_of: "t.partnership_id = ?1 AND t.deleted_at IS NULL",
        order: "t.held_on, t.id",
        columns: &[
            Column::value("title"),
            Column::value("held_on"),
            Column::fixed("instrument_key"),
            Column::fixed("instrument_version"),
        ],
        on_update: "",
    };

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> rusqlite::Result<Vec<ToSqlOutput<'_>>> {
        values![
            &self.title,
            &self.held_on,
            &self.instrument_key,
            &self.instrument_version,
        ]
    }

    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(XReadinessRound {
            id: row.get(0)?,
            title: row.get(1)?,
            held_on: row.get(2)?,
            instrument_key: row.get(3)?,
            instrument_version: row.get(4)?,
        })
    }
}

/// The readiness team members in an exchange file.
impl Exchanged for XReadinessMember {
    const TABLE: &'static Table = &Table {
        name: "readiness_members",
        owned: false,
        rows_of: concat!("t.round_id IN (", live_rounds!(), ")"),
        order: "t.id",
        columns: &[
            Column::owner("round_id", "readiness_rounds"),
            Column::value("team"),
            Column::value("name"),
            Column::value("role"),
        ],
        on_update: "",
    };

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> rusqlite::Result<Vec<ToSqlOutput<'_>>> {
        values![&self.round, Coded(self.team), self.name.trim(), &self.role]
    }

    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(XReadinessMember {
            id: row.get(0)?,
            round: row.get(1)?,
            team: row.get::<_, Coded<Team>>(2)?.0,
            name: row.get(3)?,
            role: row.get(4)?,
        })
    }
}

/// The readiness ratings in an exchange file.
impl Exchanged for XReadinessRating {
    const TABLE: &'static Table = &Table {
        name: "readiness_ratings",
        owned: false,
        rows_of: concat!(
            "t.member_id IN (SELECT id FROM readiness_members WHERE round_id IN (",
            live_rounds!(),
            "))"
        ),
        order: "t.id",
        columns: &[
            Column::owner("member_id", "readiness_members"),
            Column::fixed("category_key"),
            Column::value("rating"),
            Column::value("concerns"),
        ],
        on_update: "",
    };

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> rusqlite::Result<Vec<ToSqlOutput<'_>>> {
        values![
            &self.member,
            &self.category_key,
            &self.rating,
            &self.concerns
        ]
    }

    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(XReadinessRating {
            id: row.get(0)?,
            member: row.get(1)?,
            category_key: row.get(2)?,
            rating: row.get(3)?,
            concerns: row.get(4)?,
        })
    }
}

/// The team summaries in an exchange file.
impl Exchanged for XReadinessSummary {
    const TABLE: &'static Table = &Table {
        name: "readiness_summaries",
        owned: false,
        rows_of: concat!("t.round_id IN (", live_rounds!(), ")"),
        order: "t.id",
        columns: &[
            Column::owner("round_id", "readiness_rounds"),
            Column::fixed("team"),
            Column::fixed("category_key"),
            Column::value("concerns"),
            Column::value("strengths"),
        ],
        on_update: "",
    };

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> rusqlite::Result<Vec<ToSqlOutput<'_>>> {
        values![
            &self.round,
            Coded(self.team),
            &self.category_key,
            &self.concerns,
            &self.strengths,
        ]
    }

    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(XReadinessSummary {
            id: row.get(0)?,
            round: row.get(1)?,
            team: row.get::<_, Coded<Team>>(2)?.0,
            category_key: row.get(3)?,
            concerns: row.get(4)?,
            strengths: row.get(5)?,
        })
    }
}
