//! Cycles: dated administrations of an instrument for a partnership.

use crate::codes::Coded;
use rusqlite::params;

use super::{Store, StoreError};
use partnerpath_core::model::{Cycle, CycleId, CycleStatus, NewCycle, PartnershipId};

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
