//! Readiness rounds, their members, ratings and team summaries.

use crate::codes::Coded;
use rusqlite::{ToSql, params};

use super::{Store, StoreError};
use crate::connection::{Optional, Row};
use crate::table::{
    Column, Exchanged, Fields, Table, fields, insert_here, prefixed, select_here, update_here,
    values,
};
use partnerpath_core::model::exchange::{
    XReadinessMember, XReadinessRating, XReadinessRound, XReadinessSummary,
};
use partnerpath_core::model::{
    Command, MemberRating, NewReadinessMember, NewReadinessRound, Outcome, PartnershipId,
    ReadinessMember, ReadinessMemberFields, ReadinessMemberId, ReadinessRound,
    ReadinessRoundFields, ReadinessRoundId, ReadinessView, Seen, Team, TeamSummary, Theirs,
};
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

fields!(ReadinessRoundFields {
    title,
    held_on,
    instrument_key,
    instrument_version,
});
fields!(ReadinessMemberFields {
    team: code,
    name,
    role
});
fields!(MemberRating { rating, concerns });
fields!(TeamSummary {
    concerns,
    strengths,
});

/// The rounds of partnership `?1` not in "Recently deleted".
macro_rules! live_rounds {
    () => {
        "SELECT id FROM readiness_rounds WHERE partnership_id = ?1 AND deleted_at IS NULL"
    };
}

/// The readiness rounds: their one list of columns.
const ROUNDS: Table = Table {
    name: "readiness_rounds",
    owned: true,
    rows_of: "t.partnership_id = ?1 AND t.deleted_at IS NULL",
    order: "t.held_on, t.id",
    refs: &[],
    fields: ReadinessRoundFields::NAMES,
    fixed: &["instrument_key", "instrument_version"],
    extra: &[],
    on_update: "",
};

/// The members of the rounds' teams.
const MEMBERS: Table = Table {
    name: "readiness_members",
    owned: false,
    rows_of: concat!("t.round_id IN (", live_rounds!(), ")"),
    order: "t.id",
    refs: &[Column::owner("round_id", "readiness_rounds")],
    fields: ReadinessMemberFields::NAMES,
    fixed: &[],
    extra: &[],
    on_update: "",
};

/// Each member's rating of each category.
const RATINGS: Table = Table {
    name: "readiness_ratings",
    owned: false,
    rows_of: concat!(
        "t.member_id IN (SELECT id FROM readiness_members WHERE round_id IN (",
        live_rounds!(),
        "))"
    ),
    order: "t.id",
    refs: &[
        Column::owner("member_id", "readiness_members"),
        Column::fixed("category_key"),
    ],
    fields: MemberRating::NAMES,
    fixed: &[],
    extra: &[],
    on_update: "",
};

/// Each team's summary of each category.
const SUMMARIES: Table = Table {
    name: "readiness_summaries",
    owned: false,
    rows_of: concat!("t.round_id IN (", live_rounds!(), ")"),
    order: "t.id",
    refs: &[
        Column::owner("round_id", "readiness_rounds"),
        Column::fixed("team"),
        Column::fixed("category_key"),
    ],
    fields: TeamSummary::NAMES,
    fixed: &[],
    extra: &[],
    on_update: "",
};

impl Store {
    pub fn create_readiness_round(
        &mut self,
        new: &NewReadinessRound,
    ) -> Result<ReadinessRoundId, StoreError> {
        self.write(|tx| {
            insert_here(
                tx,
                &ROUNDS,
                Some(new.partnership_id.0),
                new.fields.values()?,
            )
        })
        .map(ReadinessRoundId)
    }

    pub fn update_readiness_round(&mut self, round: &ReadinessRound) -> Result<(), StoreError> {
        self.write(|tx| update_here(tx, &ROUNDS, round.id.0, &round.fields.values()?))
    }

    /// Moves a round, with its members, ratings and summaries, to "Recently
    /// deleted".
    pub fn delete_readiness_round(&mut self, id: ReadinessRoundId) -> Result<bool, StoreError> {
        self.changes(
            "UPDATE readiness_rounds SET deleted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
             WHERE id = ?1 AND deleted_at IS NULL",
            [id.0],
        )
    }

    pub fn add_readiness_member(
        &mut self,
        new: &NewReadinessMember,
    ) -> Result<ReadinessMemberId, StoreError> {
        let fields = ReadinessMemberFields {
            name: new.name.trim().to_owned(),
            ..new.fields.clone()
        };
        self.write(|tx| {
            let mut values = values![&new.round_id.0]?;
            values.extend(fields.values()?);
            insert_here(tx, &MEMBERS, None, values)
        })
        .map(ReadinessMemberId)
    }

    pub fn update_readiness_member(&mut self, member: &ReadinessMember) -> Result<(), StoreError> {
        self.write(|tx| {
            let mut values = values![&member.round_id.0]?;
            values.extend(member.fields.values()?);
            update_here(tx, &MEMBERS, member.id.0, &values)
        })
    }

    /// Removes a member with their ratings and concerns.
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

    /// `apply_seen` for a member's rating or concerns of a category.
    pub(crate) fn apply_member_rating_seen(
        &mut self,
        command: &Command,
        member: ReadinessMemberId,
        category: &str,
        seen: &Seen,
    ) -> Result<Outcome, StoreError> {
        let select = format!(
            "SELECT r.id, {} FROM readiness_ratings r
             WHERE r.member_id = ?1 AND r.category_key = ?2",
            prefixed("r", MemberRating::NAMES)
        );
        self.apply_if_seen(
            command,
            seen,
            ("readiness_ratings", &select),
            params![member.0, category],
            |row| MemberRating::read(row, 1),
            Theirs::MemberRating,
        )
    }

    /// `apply_seen` for a team's summary of a category.
    pub(crate) fn apply_summary_seen(
        &mut self,
        command: &Command,
        round: ReadinessRoundId,
        team: Team,
        category: &str,
        seen: &Seen,
    ) -> Result<Outcome, StoreError> {
        let select = format!(
            "SELECT s.id, {} FROM readiness_summaries s
             WHERE s.round_id = ?1 AND s.team = ?2 AND s.category_key = ?3",
            prefixed("s", TeamSummary::NAMES)
        );
        self.apply_if_seen(
            command,
            seen,
            ("readiness_summaries", &select),
            params![round.0, Coded(team), category],
            |row| TeamSummary::read(row, 1),
            Theirs::TeamSummary,
        )
    }

    /// The partnership a readiness round belongs to; `None` when the round
    /// is not there.
    pub(super) fn partnership_of_round(
        &self,
        round: ReadinessRoundId,
    ) -> crate::connection::Result<Option<PartnershipId>> {
        self.conn
            .query_row(
                "SELECT partnership_id FROM readiness_rounds WHERE id = ?1",
                [round.0],
                |row| Ok(PartnershipId(row.get(0)?)),
            )
            .optional()
    }

    pub(super) fn readiness_of(
        &self,
        partnership: PartnershipId,
    ) -> crate::connection::Result<Vec<ReadinessView>> {
        let rounds = select_here(&self.conn, &ROUNDS, partnership, |row| {
            Ok(ReadinessRound {
                id: ReadinessRoundId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                fields: ReadinessRoundFields::read(row, 2)?,
            })
        })?;
        let mut members = select_here(&self.conn, &MEMBERS, partnership, |row| {
            Ok(ReadinessMember {
                id: ReadinessMemberId(row.get(0)?),
                round_id: ReadinessRoundId(row.get(1)?),
                fields: ReadinessMemberFields::read(row, 2)?,
            })
        })?;
        rounds
            .into_iter()
            .map(|round| {
                let (these, others) = std::mem::take(&mut members)
                    .into_iter()
                    .partition(|m| m.round_id == round.id);
                members = others;
                let ratings = self.readiness_ratings(round.id)?;
                let summaries = self.readiness_summaries(round.id)?;
                Ok(ReadinessView::new(round, these, ratings, summaries))
            })
            .collect()
    }

    fn readiness_ratings(
        &self,
        round: ReadinessRoundId,
    ) -> crate::connection::Result<Vec<(ReadinessMemberId, String, MemberRating)>> {
        let sql = format!(
            "SELECT r.member_id, r.category_key, {}
             FROM readiness_ratings r JOIN readiness_members m ON m.id = r.member_id
             WHERE m.round_id = ?1",
            prefixed("r", MemberRating::NAMES)
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([round.0], |row| {
            Ok((
                ReadinessMemberId(row.get(0)?),
                row.get(1)?,
                MemberRating::read(row, 2)?,
            ))
        })?;
        rows.collect()
    }

    fn readiness_summaries(
        &self,
        round: ReadinessRoundId,
    ) -> crate::connection::Result<Vec<(Team, String, TeamSummary)>> {
        let sql = format!(
            "SELECT s.team, s.category_key, {} FROM readiness_summaries s WHERE s.round_id = ?1",
            prefixed("s", TeamSummary::NAMES)
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([round.0], |row| {
            Ok((
                row.get::<Coded<Team>>(0)?.0,
                row.get(1)?,
                TeamSummary::read(row, 2)?,
            ))
        })?;
        rows.collect()
    }
}

/// The readiness rounds in an exchange file.
impl Exchanged for XReadinessRound {
    const TABLE: &'static Table = &ROUNDS;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        self.fields.values()
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XReadinessRound {
            id: row.get(0)?,
            fields: ReadinessRoundFields::read(row, 1)?,
        })
    }
}

/// The readiness team members in an exchange file.
impl Exchanged for XReadinessMember {
    const TABLE: &'static Table = &MEMBERS;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        let mut values = values![&self.round]?;
        values.extend(self.fields.values()?);
        Ok(values)
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XReadinessMember {
            id: row.get(0)?,
            round: row.get(1)?,
            fields: ReadinessMemberFields::read(row, 2)?,
        })
    }
}

/// The readiness ratings in an exchange file.
impl Exchanged for XReadinessRating {
    const TABLE: &'static Table = &RATINGS;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        let mut values = values![&self.member, &self.category_key]?;
        values.extend(self.fields.values()?);
        Ok(values)
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XReadinessRating {
            id: row.get(0)?,
            member: row.get(1)?,
            category_key: row.get(2)?,
            fields: MemberRating::read(row, 3)?,
        })
    }
}

/// The team summaries in an exchange file.
impl Exchanged for XReadinessSummary {
    const TABLE: &'static Table = &SUMMARIES;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        let mut values = values![&self.round, Coded(self.team), &self.category_key]?;
        values.extend(self.fields.values()?);
        Ok(values)
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XReadinessSummary {
            id: row.get(0)?,
            round: row.get(1)?,
            team: row.get::<Coded<Team>>(2)?.0,
            category_key: row.get(3)?,
            fields: TeamSummary::read(row, 4)?,
        })
    }
}
