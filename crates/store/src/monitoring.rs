//! The monitoring plan: goals and objectives, milestones, check-ins.

use crate::codes::Coded;
use rusqlite::params;

use super::{Store, StoreError};
use partnerpath_core::model::{
    CheckIn, CheckInId, CheckInStatus, Goal, GoalId, Milestone, MilestoneId, NewCheckIn, NewGoal,
    NewMilestone, PartnershipId,
};

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
            tx.execute(
                "INSERT INTO milestones (partnership_id, milestone, feedback_data, frequency,
                   source, serves_goal_id, started_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    new.partnership_id.0,
                    new.milestone,
                    new.feedback_data,
                    new.frequency,
                    new.source,
                    new.serves.map(|g| g.0),
                    new.started_on
                ],
            )?;
            Ok(MilestoneId(tx.last_insert_rowid()))
        })
    }

    pub fn update_milestone(&mut self, m: &Milestone) -> Result<(), StoreError> {
        self.execute(
            "UPDATE milestones SET milestone = ?2, feedback_data = ?3, frequency = ?4,
                   source = ?5, serves_goal_id = ?6, started_on = ?7 WHERE id = ?1",
            params![
                m.id.0,
                m.milestone,
                m.feedback_data,
                m.frequency,
                m.source,
                m.serves.map(|g| g.0),
                m.started_on
            ],
        )
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
        let mut statement = self.conn.prepare(
            "SELECT id, partnership_id, milestone, feedback_data, frequency, source,
                    serves_goal_id, started_on
             FROM milestones WHERE partnership_id = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([partnership.0], |row| {
            Ok(Milestone {
                id: MilestoneId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                milestone: row.get(2)?,
                feedback_data: row.get(3)?,
                frequency: row.get(4)?,
                source: row.get(5)?,
                serves: row.get::<_, Option<i64>>(6)?.map(GoalId),
                started_on: row.get(7)?,
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
