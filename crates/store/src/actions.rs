//! Action steps of a partnership.

use super::{Store, StoreError};
use crate::connection::Row;
use crate::table::{
    Column, Exchanged, Fields, Of, Table, fields, insert_here, select_here, update_here, values,
};
use partnerpath_core::model::exchange::XActionStep;
use partnerpath_core::model::{
    ActionSource, ActionStep, ActionStepFields, ActionStepId, DocumentId, MilestoneId,
    NewActionStep, PartnershipId,
};
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

fields!(ActionStepFields {
    text,
    owner,
    due_on,
    status: code,
    raised_on,
    closed_on,
});

/// The action steps: their one list of columns. A step is raised by a
/// meeting or for a milestone, fixed when it is made.
const ACTION_STEPS: Table = Table {
    name: "action_steps",
    owned: true,
    rows_of: "t.partnership_id = ?1 AND (t.document_id IS NULL OR t.document_id IN
                (SELECT id FROM documents WHERE deleted_at IS NULL))",
    order: "t.raised_on, t.id",
    refs: &[
        Column::owner("document_id", "documents"),
        Column::owner("milestone_id", "milestones"),
    ],
    fields: ActionStepFields::NAMES,
    fixed: &[],
    extra: &[],
    on_update: "",
};

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
            let mut values = values![&document, &milestone]?;
            values.extend(new.fields.values()?);
            insert_here(tx, &ACTION_STEPS, Some(new.partnership_id.0), values)
        })
        .map(ActionStepId)
    }

    pub fn update_action_step(&mut self, step: &ActionStep) -> Result<(), StoreError> {
        let (document, milestone) = source_ids(step.source);
        self.write(|tx| {
            let mut values = values![&document, &milestone]?;
            values.extend(step.fields.values()?);
            update_here(tx, &ACTION_STEPS, step.id.0, &values)
        })
    }

    pub(super) fn action_steps_of(
        &self,
        partnership: impl Into<Of>,
    ) -> crate::connection::Result<Vec<ActionStep>> {
        select_here(&self.conn, &ACTION_STEPS, partnership, |row| {
            let document: Option<i64> = row.get(2)?;
            let milestone: Option<i64> = row.get(3)?;
            let source = match (document, milestone) {
                (Some(d), _) => ActionSource::Meeting(DocumentId(d)),
                (None, Some(m)) => ActionSource::Milestone(MilestoneId(m)),
                (None, None) => {
                    return Err(crate::connection::Error::Value(
                        "an action step raised by neither a meeting nor a milestone".to_owned(),
                    ));
                }
            };
            Ok(ActionStep {
                id: ActionStepId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                source,
                fields: ActionStepFields::read(row, 4)?,
            })
        })
    }
}

/// The action steps in an exchange file: those of worksheets in "Recently
/// deleted" stay out.
impl Exchanged for XActionStep {
    const TABLE: &'static Table = &ACTION_STEPS;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        let mut values = values![&self.document, &self.milestone]?;
        values.extend(self.fields.values()?);
        Ok(values)
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XActionStep {
            id: row.get(0)?,
            document: row.get(1)?,
            milestone: row.get(2)?,
            fields: ActionStepFields::read(row, 3)?,
        })
    }
}
