//! Cycles: dated administrations of an instrument for a partnership.

use crate::codes::Coded;
use rusqlite::params;

use super::{Store, StoreError};
use crate::table::{Column, Exchanged, Table, values};
use partnerpath_core::model::exchange::XCycle;
use partnerpath_core::model::{Cycle, CycleId, CycleStatus, NewCycle, PartnershipId};
use rusqlite::Row;
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

impl Store {
    pub fn create_cycle(&mut self, new: &NewCycle) -> Result<CycleId, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO cycles
                   (partnership_id, instrument_key, instrument_version, school_year, administered_on)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    new.partnership_id.0,
                    new.instrument_key,
                    new.instrument_version,
                    new.school_year,
                    new.administered_on
                ],
            )?;
            Ok(CycleId(tx.last_insert_rowid()))
        })
    }

    pub fn set_cycle_status(&mut self, id: CycleId, status: CycleStatus) -> Result<(), StoreError> {
        self.execute(
            "UPDATE cycles SET status = ?2 WHERE id = ?1",
            params![id.0, Coded(status)],
        )
    }

    /// Moves a cycle, with its ratings, to "Recently deleted".
    pub fn delete_cycle(&mut self, id: CycleId) -> Result<(), StoreError> {
        self.execute(
            "UPDATE cycles SET deleted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
             WHERE id = ?1 AND deleted_at IS NULL",
            [id.0],
        )
    }

    pub(super) fn cycles_of(&self, partnership: PartnershipId) -> rusqlite::Result<Vec<Cycle>> {
        let mut statement = self.conn.prepare(
            "SELECT id, partnership_id, instrument_key, instrument_version, school_year,
                    administered_on, status
             FROM cycles WHERE partnership_id = ?1 AND deleted_at IS NULL ORDER BY administered_on, id",
        )?;
        let rows = statement.query_map([partnership.0], |row| {
            Ok(Cycle {
                id: CycleId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                instrument_key: row.get(2)?,
                instrument_version: row.get(3)?,
                school_year: row.get(4)?,
                administered_on: row.get(5)?,
                status: row.get::<_, Coded<CycleStatus>>(6)?.0,
            })
        })?;
        rows.collect()
    }
}

/// The cycles in an exchange file.
impl Exchanged for XCycle {
    const TABLE: &'static Table = &Table {
        name: "cycles",
        owned: true,
        rows_of: "t.partnership_id = ?1 AND t.deleted_at IS NULL",
        order: "t.administered_on, t.id",
        columns: &[
            Column::fixed("instrument_key"),
            Column::fixed("instrument_version"),
            Column::value("school_year"),
            Column::value("administered_on"),
            Column::value("status"),
        ],
        on_update: "",
    };

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> rusqlite::Result<Vec<ToSqlOutput<'_>>> {
        values![
            &self.instrument_key,
            &self.instrument_version,
            &self.school_year,
            &self.administered_on,
            Coded(self.status),
        ]
    }

    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(XCycle {
            id: row.get(0)?,
            instrument_key: row.get(1)?,
            instrument_version: row.get(2)?,
            school_year: row.get(3)?,
            administered_on: row.get(4)?,
            status: row.get::<_, Coded<CycleStatus>>(5)?.0,
        })
    }
}
