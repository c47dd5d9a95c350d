//! The monitoring plan: goals and objectives, milestones, check-ins.

use super::{Store, StoreError};
use crate::connection::Row;
use crate::table::{
    Column, Exchanged, Fields, Of, Table, fields, insert_here, select_here, update_here, values,
};
use partnerpath_core::model::exchange::{XCheckIn, XGoal, XMilestone};
use partnerpath_core::model::{
    CheckIn, CheckInFields, CheckInId, Goal, GoalFields, GoalId, Milestone, MilestoneFields,
    MilestoneId, NewCheckIn, NewGoal, NewMilestone, PartnershipId,
};
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

fields!(GoalFields { text });
fields!(MilestoneFields {
    milestone,
    feedback_data,
    frequency,
    source,
    started_on,
});
fields!(CheckInFields {
    on as checked_on,
    status: code,
    note,
});

/// The goals and objectives: their one list of columns. An objective
/// names its goal, fixed when it is made.
const GOALS: Table = Table {
    name: "goals",
    owned: true,
    rows_of: "t.partnership_id = ?1",
    order: "t.id",
    refs: &[Column::owner("goal_id", "goals")],
    fields: GoalFields::NAMES,
    fixed: &[],
    extra: &[],
    on_update: "",
};

/// The milestones: their one list of columns. The goal a milestone serves
/// may change.
const MILESTONES: Table = Table {
    name: "milestones",
    owned: true,
    rows_of: "t.partnership_id = ?1",
    order: "t.id",
    refs: &[Column::link("serves_goal_id", "goals")],
    fields: MilestoneFields::NAMES,
    fixed: &[],
    extra: &[],
    on_update: "",
};

/// The check-ins: their one list of columns.
const CHECK_INS: Table = Table {
    name: "check_ins",
    owned: false,
    rows_of: "t.milestone_id IN (SELECT id FROM milestones WHERE partnership_id = ?1)",
    order: "t.checked_on, t.id",
    refs: &[Column::owner("milestone_id", "milestones")],
    fields: CheckInFields::NAMES,
    fixed: &[],
    extra: &[],
    on_update: "",
};

impl Store {
    pub fn add_goal(&mut self, new: &NewGoal) -> Result<GoalId, StoreError> {
        let parent = new.goal.map(|g| g.0);
        self.write(|tx| {
            let mut values = values![&parent]?;
            values.extend(new.fields.values()?);
            insert_here(tx, &GOALS, Some(new.partnership_id.0), values)
        })
        .map(GoalId)
    }

    pub fn update_goal(&mut self, goal: &Goal) -> Result<(), StoreError> {
        let parent = goal.goal.map(|g| g.0);
        self.write(|tx| {
            let mut values = values![&parent]?;
            values.extend(goal.fields.values()?);
            update_here(tx, &GOALS, goal.id.0, &values)
        })
    }

    /// Deletes a goal with its objectives; milestones serving them stay.
    pub fn add_milestone(&mut self, new: &NewMilestone) -> Result<MilestoneId, StoreError> {
        let serves = new.serves.map(|g| g.0);
        self.write(|tx| {
            let mut values = values![&serves]?;
            values.extend(new.fields.values()?);
            insert_here(tx, &MILESTONES, Some(new.partnership_id.0), values)
        })
        .map(MilestoneId)
    }

    pub fn update_milestone(&mut self, m: &Milestone) -> Result<(), StoreError> {
        let serves = m.serves.map(|g| g.0);
        self.write(|tx| {
            let mut values = values![&serves]?;
            values.extend(m.fields.values()?);
            update_here(tx, &MILESTONES, m.id.0, &values)
        })
    }

    /// Deletes a milestone with its check-ins and action steps.
    pub fn add_check_in(&mut self, new: &NewCheckIn) -> Result<CheckInId, StoreError> {
        self.write(|tx| {
            let mut values = values![&new.milestone_id.0]?;
            values.extend(new.fields.values()?);
            insert_here(tx, &CHECK_INS, None, values)
        })
        .map(CheckInId)
    }

    pub(super) fn goals_of(
        &self,
        partnership: PartnershipId,
    ) -> crate::connection::Result<Vec<Goal>> {
        select_here(&self.conn, &GOALS, partnership, |row| {
            Ok(Goal {
                id: GoalId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                goal: row.get::<Option<i64>>(2)?.map(GoalId),
                fields: GoalFields::read(row, 3)?,
            })
        })
    }

    pub(super) fn milestones_of(
        &self,
        partnership: impl Into<Of>,
    ) -> crate::connection::Result<Vec<Milestone>> {
        select_here(&self.conn, &MILESTONES, partnership, |row| {
            Ok(Milestone {
                id: MilestoneId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                serves: row.get::<Option<i64>>(2)?.map(GoalId),
                fields: MilestoneFields::read(row, 3)?,
            })
        })
    }

    pub(super) fn check_ins_of(
        &self,
        partnership: impl Into<Of>,
    ) -> crate::connection::Result<Vec<CheckIn>> {
        select_here(&self.conn, &CHECK_INS, partnership, |row| {
            Ok(CheckIn {
                id: CheckInId(row.get(0)?),
                milestone_id: MilestoneId(row.get(1)?),
                fields: CheckInFields::read(row, 2)?,
            })
        })
    }
}

/// The goals and objectives in an exchange file (a goal before its
/// objectives, `exchange::check`).
impl Exchanged for XGoal {
    const TABLE: &'static Table = &GOALS;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        let mut values = values![&self.goal]?;
        values.extend(self.fields.values()?);
        Ok(values)
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XGoal {
            id: row.get(0)?,
            goal: row.get(1)?,
            fields: GoalFields::read(row, 2)?,
        })
    }
}

/// The milestones in an exchange file.
impl Exchanged for XMilestone {
    const TABLE: &'static Table = &MILESTONES;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        let mut values = values![&self.serves_goal]?;
        values.extend(self.fields.values()?);
        Ok(values)
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XMilestone {
            id: row.get(0)?,
            serves_goal: row.get(1)?,
            fields: MilestoneFields::read(row, 2)?,
        })
    }
}

/// The check-ins in an exchange file.
impl Exchanged for XCheckIn {
    const TABLE: &'static Table = &CHECK_INS;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        let mut values = values![&self.milestone]?;
        values.extend(self.fields.values()?);
        Ok(values)
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XCheckIn {
            id: row.get(0)?,
            milestone: row.get(1)?,
            fields: CheckInFields::read(row, 2)?,
        })
    }
}
