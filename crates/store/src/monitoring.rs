//! The monitoring plan: goals and objectives, milestones, check-ins.

use crate::codes::Coded;
use rusqlite::{params, params_from_iter};

use super::{Store, StoreError};
use crate::table::{Column, Exchanged, Output, Table, values};
use partnerpath_core::model::exchange::{XCheckIn, XGoal, XMilestone};
use partnerpath_core::model::{
    CheckIn, CheckInId, CheckInStatus, Goal, GoalId, Milestone, MilestoneFields, MilestoneId,
    NewCheckIn, NewGoal, NewMilestone, PartnershipId,
};
use rusqlite::Row;
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

impl Store {
    pub fn add_goal(&mut self, new: &NewGoal) -> Result<GoalId, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO goals (partnership_id, goal_id, text) VALUES (?1, ?2, ?3)",
                params![new.partnership_id.0, new.goal.map(|g| g.0), new.text],
            )?;
            Ok(GoalId(tx.last_insert_rowid()))
        })
    }

    pub fn update_goal(&mut self, goal: &Goal) -> Result<(), StoreError> {
        self.execute(
            "UPDATE goals SET text = ?2 WHERE id = ?1",
            params![goal.id.0, goal.text],
        )
    }

    /// Deletes a goal with its objectives; milestones serving them stay.
    pub fn delete_goal(&mut self, id: GoalId) -> Result<(), StoreError> {
        self.execute("DELETE FROM goals WHERE id = ?1", [id.0])
    }

    pub fn add_milestone(&mut self, new: &NewMilestone) -> Result<MilestoneId, StoreError> {
        self.write(|tx| {
            let serves = new.serves.map(|g| g.0);
            let mut values = vec![(&new.partnership_id.0).output()?, (&serves).output()?];
            values.extend(fields(&new.fields)?);
            tx.execute(&MILESTONES.insert_here_sql(), params_from_iter(values))?;
            Ok(MilestoneId(tx.last_insert_rowid()))
        })
    }

    pub fn update_milestone(&mut self, m: &Milestone) -> Result<(), StoreError> {
        let serves = m.serves.map(|g| g.0);
        let values = || -> rusqlite::Result<Vec<ToSqlOutput<'_>>> {
            let mut values = vec![(&m.id.0).output()?, (&serves).output()?];
            values.extend(fields(&m.fields)?);
            Ok(values)
        };
        let values = values().map_err(|e| self.error(e))?;
        self.execute(&MILESTONES.update_here_sql(), params_from_iter(values))
    }

    /// Deletes a milestone with its check-ins and action steps.
    pub fn delete_milestone(&mut self, id: MilestoneId) -> Result<(), StoreError> {
        self.execute("DELETE FROM milestones WHERE id = ?1", [id.0])
    }

    pub fn add_check_in(&mut self, new: &NewCheckIn) -> Result<CheckInId, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO check_ins (milestone_id, checked_on, status, note)
                 VALUES (?1, ?2, ?3, ?4)",
                params![new.milestone_id.0, new.on, Coded(new.status), new.note],
            )?;
            Ok(CheckInId(tx.last_insert_rowid()))
        })
    }

    pub fn delete_check_in(&mut self, id: CheckInId) -> Result<(), StoreError> {
        self.execute("DELETE FROM check_ins WHERE id = ?1", [id.0])
    }

    pub(super) fn goals_of(&self, partnership: PartnershipId) -> rusqlite::Result<Vec<Goal>> {
        let mut statement = self.conn.prepare(
            "SELECT id, partnership_id, goal_id, text FROM goals
             WHERE partnership_id = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([partnership.0], |row| {
            Ok(Goal {
                id: GoalId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                goal: row.get::<_, Option<i64>>(2)?.map(GoalId),
                text: row.get(3)?,
            })
        })?;
        rows.collect()
    }

    pub(super) fn milestones_of(
        &self,
        partnership: PartnershipId,
    ) -> rusqlite::Result<Vec<Milestone>> {
        let mut statement = self.conn.prepare(&MILESTONES.select_here_sql())?;
        let rows = statement.query_map([partnership.0], |row| {
            Ok(Milestone {
                id: MilestoneId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                serves: row.get::<_, Option<i64>>(2)?.map(GoalId),
                fields: read_fields(row, 3)?,
            })
        })?;
        rows.collect()
    }

    pub(super) fn check_ins_of(
        &self,
        partnership: PartnershipId,
    ) -> rusqlite::Result<Vec<CheckIn>> {
        let mut statement = self.conn.prepare(
            "SELECT c.id, c.milestone_id, c.checked_on, c.status, c.note
             FROM check_ins c JOIN milestones m ON m.id = c.milestone_id
             WHERE m.partnership_id = ?1 ORDER BY c.checked_on, c.id",
        )?;
        let rows = statement.query_map([partnership.0], |row| {
            Ok(CheckIn {
                id: CheckInId(row.get(0)?),
                milestone_id: MilestoneId(row.get(1)?),
                on: row.get(2)?,
                status: row.get::<_, Coded<CheckInStatus>>(3)?.0,
                note: row.get(4)?,
            })
        })?;
        rows.collect()
    }
}

/// The goals and objectives in an exchange file (a goal before its
/// objectives, `exchange::check`).
impl Exchanged for XGoal {
    const TABLE: &'static Table = &Table {
        name: "goals",
        owned: true,
        rows_of: "t.partnership_id = ?1",
        order: "t.id",
        columns: &[Column::owner("goal_id", "goals"), Column::value("text")],
        on_update: "",
    };

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> rusqlite::Result<Vec<ToSqlOutput<'_>>> {
        values![&self.goal, &self.text]
    }

    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(XGoal {
            id: row.get(0)?,
            goal: row.get(1)?,
            text: row.get(2)?,
        })
    }
}

/// The milestones: the one list of their columns, from which every
/// statement below is built. The first names the goal a milestone serves;
/// the rest are its fields (`MilestoneFields`), in order.
const MILESTONES: Table = Table {
    name: "milestones",
    owned: true,
    rows_of: "t.partnership_id = ?1",
    order: "t.id",
    columns: &[
        Column::link("serves_goal_id", "goals"),
        Column::value("milestone"),
        Column::value("feedback_data"),
        Column::value("frequency"),
        Column::value("source"),
        Column::value("started_on"),
    ],
    on_update: "",
};

/// A milestone's fields as values, in the order of `MILESTONES`.
fn fields(f: &MilestoneFields) -> rusqlite::Result<Vec<ToSqlOutput<'_>>> {
    values![
        &f.milestone,
        &f.feedback_data,
        &f.frequency,
        &f.source,
        &f.started_on,
    ]
}

/// A milestone's fields from a row, from column `at` on.
fn read_fields(row: &Row<'_>, at: usize) -> rusqlite::Result<MilestoneFields> {
    Ok(MilestoneFields {
        milestone: row.get(at)?,
        feedback_data: row.get(at + 1)?,
        frequency: row.get(at + 2)?,
        source: row.get(at + 3)?,
        started_on: row.get(at + 4)?,
    })
}

/// The milestones in an exchange file.
impl Exchanged for XMilestone {
    const TABLE: &'static Table = &MILESTONES;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> rusqlite::Result<Vec<ToSqlOutput<'_>>> {
        let mut values = vec![(&self.serves_goal).output()?];
        values.extend(fields(&self.fields)?);
        Ok(values)
    }

    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(XMilestone {
            id: row.get(0)?,
            serves_goal: row.get(1)?,
            fields: read_fields(row, 2)?,
        })
    }
}

/// The check-ins in an exchange file.
impl Exchanged for XCheckIn {
    const TABLE: &'static Table = &Table {
        name: "check_ins",
        owned: false,
        rows_of: "t.milestone_id IN (SELECT id FROM milestones WHERE partnership_id = ?1)",
        order: "t.checked_on, t.id",
        columns: &[
            Column::owner("milestone_id", "milestones"),
            Column::value("checked_on"),
            Column::value("status"),
            Column::value("note"),
        ],
        on_update: "",
    };

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> rusqlite::Result<Vec<ToSqlOutput<'_>>> {
        values![
            &self.milestone,
            &self.checked_on,
            Coded(self.status),
            &self.note,
        ]
    }

    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(XCheckIn {
            id: row.get(0)?,
            milestone: row.get(1)?,
            checked_on: row.get(2)?,
            status: row.get::<_, Coded<CheckInStatus>>(3)?.0,
            note: row.get(4)?,
        })
    }
}
