//! Cycles: dated administrations of an instrument for a partnership.

use crate::codes::Coded;
use rusqlite::params;

use super::{Store, StoreError};
use crate::connection::Row;
use crate::table::{Exchanged, Fields, Of, Table, fields, insert_here, select_here};
use partnerpath_core::model::exchange::XCycle;
use partnerpath_core::model::{Cycle, CycleFields, CycleId, CycleStatus, NewCycle, PartnershipId};
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

fields!(CycleFields {
    instrument_key,
    instrument_version,
    school_year,
    administered_on,
    status: code,
    hidden,
});

/// The cycles: their one list of columns.
const CYCLES: Table = Table {
    name: "cycles",
    owned: true,
    rows_of: "t.partnership_id = ?1 AND t.deleted_at IS NULL",
    order: "t.administered_on, t.id",
    refs: &[],
    fields: CycleFields::NAMES,
    fixed: &["instrument_key", "instrument_version"],
    extra: &[],
    on_update: "",
};

impl Store {
    pub fn create_cycle(&mut self, new: &NewCycle) -> Result<CycleId, StoreError> {
        self.write(|tx| {
            insert_here(
                tx,
                &CYCLES,
                Some(new.partnership_id.0),
                new.fields.values()?,
            )
        })
        .map(CycleId)
    }

    pub fn set_cycle_status(&mut self, id: CycleId, status: CycleStatus) -> Result<(), StoreError> {
        self.execute(
            "UPDATE cycles SET status = ?2 WHERE id = ?1",
            params![id.0, Coded(status)],
        )
    }

    /// Hides each person's level of a cycle until revealed, or reveals them.
    pub fn set_cycle_hidden(&mut self, id: CycleId, hidden: bool) -> Result<(), StoreError> {
        self.execute(
            "UPDATE cycles SET hidden = ?2 WHERE id = ?1",
            params![id.0, hidden],
        )
    }

    /// Moves a cycle, with its ratings, to "Recently deleted".
    pub fn delete_cycle(&mut self, id: CycleId) -> Result<bool, StoreError> {
        self.changes(
            "UPDATE cycles SET deleted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
             WHERE id = ?1 AND deleted_at IS NULL",
            [id.0],
        )
    }

    /// Each continuum (key, version) a cycle of the partnership was created
    /// with, those in "Recently deleted" too.
    pub(super) fn rated_with(
        &self,
        partnership: PartnershipId,
    ) -> crate::connection::Result<std::collections::BTreeSet<(String, String)>> {
        let mut statement = self.conn.prepare(
            "SELECT DISTINCT instrument_key, instrument_version FROM cycles WHERE partnership_id = ?1",
        )?;
        let rows = statement.query_map([partnership.0], |row| Ok((row.get(0)?, row.get(1)?)))?;
        rows.collect()
    }

    pub(super) fn cycles_of(
        &self,
        partnership: impl Into<Of>,
    ) -> crate::connection::Result<Vec<Cycle>> {
        select_here(&self.conn, &CYCLES, partnership, |row| {
            Ok(Cycle {
                id: CycleId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                fields: CycleFields::read(row, 2)?,
            })
        })
    }
}

/// The cycles in an exchange file.
impl Exchanged for XCycle {
    const TABLE: &'static Table = &CYCLES;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        self.fields.values()
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XCycle {
            id: row.get(0)?,
            fields: CycleFields::read(row, 1)?,
        })
    }
}
