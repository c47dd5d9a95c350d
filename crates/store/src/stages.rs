//! The partnership's stage of partnering over time.

use super::{Store, StoreError};
use crate::connection::Row;
use crate::table::{Exchanged, Fields, Table, fields, insert_here, select_here, update_here};
use partnerpath_core::model::exchange::XStageEntry;
use partnerpath_core::model::{
    NewStageEntry, PartnershipId, StageEntry, StageEntryFields, StageEntryId,
};
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

fields!(StageEntryFields {
    stage,
    started_on,
    note,
});

/// The stage entries: their one list of columns.
const STAGE_ENTRIES: Table = Table {
    name: "stage_entries",
    owned: true,
    rows_of: "t.partnership_id = ?1",
    order: "t.started_on, t.id",
    refs: &[],
    fields: StageEntryFields::NAMES,
    fixed: &[],
    extra: &[],
    on_update: "",
};

impl Store {
    pub fn add_stage_entry(&mut self, new: &NewStageEntry) -> Result<StageEntryId, StoreError> {
        self.write(|tx| {
            insert_here(
                tx,
                &STAGE_ENTRIES,
                Some(new.partnership_id.0),
                new.fields.values()?,
            )
        })
        .map(StageEntryId)
    }

    pub fn update_stage_entry(&mut self, entry: &StageEntry) -> Result<(), StoreError> {
        self.write(|tx| update_here(tx, &STAGE_ENTRIES, entry.id.0, &entry.fields.values()?))
    }

    pub(super) fn stage_entries_of(
        &self,
        partnership: PartnershipId,
    ) -> crate::connection::Result<Vec<StageEntry>> {
        select_here(&self.conn, &STAGE_ENTRIES, partnership, |row| {
            Ok(StageEntry {
                id: StageEntryId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                fields: StageEntryFields::read(row, 2)?,
            })
        })
    }
}

/// The stage entries in an exchange file.
impl Exchanged for XStageEntry {
    const TABLE: &'static Table = &STAGE_ENTRIES;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        self.fields.values()
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XStageEntry {
            id: row.get(0)?,
            fields: StageEntryFields::read(row, 1)?,
        })
    }
}
