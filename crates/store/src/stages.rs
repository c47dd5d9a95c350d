//! The partnership's stage of partnering over time.

use rusqlite::params;

use super::{Store, StoreError};
use crate::table::{Column, Exchanged, Table, values};
use partnerpath_core::model::exchange::XStageEntry;
use partnerpath_core::model::{NewStageEntry, PartnershipId, StageEntry, StageEntryId};
use rusqlite::Row;
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

impl Store {
    pub fn add_stage_entry(&mut self, new: &NewStageEntry) -> Result<StageEntryId, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO stage_entries (partnership_id, stage, started_on, note)
                 VALUES (?1, ?2, ?3, ?4)",
                params![new.partnership_id.0, new.stage, new.started_on, new.note],
            )?;
            Ok(StageEntryId(tx.last_insert_rowid()))
        })
    }

    pub fn update_stage_entry(&mut self, entry: &StageEntry) -> Result<(), StoreError> {
        self.execute(
            "UPDATE stage_entries SET stage = ?2, started_on = ?3, note = ?4 WHERE id = ?1",
            params![entry.id.0, entry.stage, entry.started_on, entry.note],
        )
    }

    pub fn delete_stage_entry(&mut self, id: StageEntryId) -> Result<(), StoreError> {
        self.execute("DELETE FROM stage_entries WHERE id = ?1", [id.0])
    }

    pub(super) fn stage_entries_of(
        &self,
        partnership: PartnershipId,
    ) -> rusqlite::Result<Vec<StageEntry>> {
        let mut statement = self.conn.prepare(
            "SELECT id, partnership_id, stage, started_on, note FROM stage_entries
             WHERE partnership_id = ?1 ORDER BY started_on, id",
        )?;
        let rows = statement.query_map([partnership.0], |row| {
            Ok(StageEntry {
                id: StageEntryId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                stage: row.get(2)?,
                started_on: row.get(3)?,
                note: row.get(4)?,
            })
        })?;
        rows.collect()
    }
}

/// The stage entries in an exchange file.
impl Exchanged for XStageEntry {
    const TABLE: &'static Table = &Table {
        name: "stage_entries",
        owned: true,
        rows_of: "t.partnership_id = ?1",
        order: "t.started_on, t.id",
        columns: &[
            Column::value("stage"),
            Column::value("started_on"),
            Column::value("note"),
        ],
        on_update: "",
    };

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> rusqlite::Result<Vec<ToSqlOutput<'_>>> {
        values![&self.stage, &self.started_on, &self.note]
    }

    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(XStageEntry {
            id: row.get(0)?,
            stage: row.get(1)?,
            started_on: row.get(2)?,
            note: row.get(3)?,
        })
    }
}
