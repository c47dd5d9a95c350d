//! The partnership's stage of partnering over time.

use rusqlite::params;

use super::{Store, StoreError};
use partnerpath_core::model::{NewStageEntry, PartnershipId, StageEntry, StageEntryId};

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
