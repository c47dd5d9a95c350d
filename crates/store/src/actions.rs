//! Action steps of a partnership.

use crate::codes::Coded;
use rusqlite::params;

use super::{Store, StoreError};
use crate::table::{Column, Exchanged, Table, values};
use partnerpath_core::model::exchange::XActionStep;
use partnerpath_core::model::{
    ActionSource, ActionStatus, ActionStep, ActionStepId, DocumentId, MilestoneId, NewActionStep,
    PartnershipId,
};
use rusqlite::Row;
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

fn source_ids(source: ActionSource) -> (Option<i64>, Option<i64>) {
    match source {
        ActionSource::Meeting(document) => (Some(document.0), None),
        ActionSource::Milestone(milestone) => (None, Some(milestone.0)),
    }
}

impl Store {
    pub fn add_action_step(&mut self, new: &NewActionStep) -> Result<ActionStepId, StoreError> {
        let (document, milestone) = source_ids(new.source);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO action_steps
                   (partnership_id, text, owner, due_on, document_id, milestone_id, raised_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    new.partnership_id.0,
                    new.text,
                    new.owner,
                    new.due_on,
                    document,
                    milestone,
                    new.raised_on
                ],
            )?;
            Ok(ActionStepId(tx.last_insert_rowid()))
        })
    }

    pub fn update_action_step(&mut self, step: &ActionStep) -> Result<(), StoreError> {
        self.execute(
            "UPDATE action_steps SET text = ?2, owner = ?3, due_on = ?4, status = ?5,
                   closed_on = ?6 WHERE id = ?1",
            params![
                step.id.0,
                step.text,
                step.owner,
                step.due_on,
                Coded(step.status),
                step.closed_on
            ],
        )
    }

    pub fn delete_action_step(&mut self, id: ActionStepId) -> Result<(), StoreError> {
        self.execute("DELETE FROM action_steps WHERE id = ?1", [id.0])
    }

    pub(super) fn action_steps_of(
        &self,
        partnership: PartnershipId,
    ) -> rusqlite::Result<Vec<ActionStep>> {
        let mut statement = self.conn.prepare(
            "SELECT id, partnership_id, text, owner, due_on, status, document_id, milestone_id,
                    raised_on, closed_on
             FROM action_steps WHERE partnership_id = ?1
               AND (document_id IS NULL
                    OR document_id IN (SELECT id FROM documents WHERE deleted_at IS NULL))
             ORDER BY raised_on, id",
        )?;
        let rows = statement.query_map([partnership.0], |row| {
            let document: Option<i64> = row.get(6)?;
            let milestone: Option<i64> = row.get(7)?;
            let source = match (document, milestone) {
                (Some(d), _) => ActionSource::Meeting(DocumentId(d)),
                (None, Some(m)) => ActionSource::Milestone(MilestoneId(m)),
                (None, None) => {
                    return Err(rusqlite::Error::FromSqlConversionFailure(
                        6,
                        rusqlite::types::Type::Null,
                        "an action step raised by neither a meeting nor a milestone".into(),
                    ));
                }
            };
            Ok(ActionStep {
                id: ActionStepId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                text: row.get(2)?,
                owner: row.get(3)?,
                due_on: row.get(4)?,
                status: row.get::<_, Coded<ActionStatus>>(5)?.0,
                source,
                raised_on: row.get(8)?,
                closed_on: row.get(9)?,
            })
        })?;
        rows.collect()
    }
}

/// The action steps in an exchange file: those of worksheets in "Recently
/// deleted" stay out.
impl Exchanged for XActionStep {
    const TABLE: &'static Table = &Table {
        name: "action_steps",
        owned: true,
        rows_of: "t.partnership_id = ?1 AND (t.document_id IS NULL OR t.document_id IN
                    (SELECT id FROM documents WHERE deleted_at IS NULL))",
        order: "t.raised_on, t.id",
        columns: &[
            Column::value("text"),
            Column::value("owner"),
            Column::value("due_on"),
            Column::value("status"),
            Column::owner("document_id", "documents"),
            Column::owner("milestone_id", "milestones"),
            Column::value("raised_on"),
            Column::value("closed_on"),
        ],
        on_update: "",
    };

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> rusqlite::Result<Vec<ToSqlOutput<'_>>> {
        values![
            &self.text,
            &self.owner,
            &self.due_on,
            Coded(self.status),
            &self.document,
            &self.milestone,
            &self.raised_on,
            &self.closed_on,
        ]
    }

    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
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
    }
}
