//! The partnership's adaptations of the continuum: one row per version.

use super::{Store, StoreError};
use crate::connection::Row;
use crate::table::{Exchanged, Fields, Table, fields, insert_here, select_here, update_here};
use partnerpath_core::model::exchange::XAdaptation;
use partnerpath_core::model::{
    Adaptation, AdaptationFields, AdaptationId, NewAdaptation, PartnershipId,
};
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

fields!(AdaptationFields {
    lineage,
    version_id,
    number,
    name,
    based_on_key,
    based_on_version,
    wording: json,
    made_on,
});

/// The versions of adaptations: their one list of columns. What a version
/// is and adapts is fixed when it is made; its name and wording change
/// until a cycle is rated with it (a trigger refuses them after).
const ADAPTATIONS: Table = Table {
    name: "adaptations",
    owned: true,
    rows_of: "t.partnership_id = ?1",
    order: "t.id",
    refs: &[],
    fields: AdaptationFields::NAMES,
    fixed: &[
        "lineage",
        "version_id",
        "number",
        "based_on_key",
        "based_on_version",
        "made_on",
    ],
    extra: &[],
    on_update: "",
};

impl Store {
    pub fn add_adaptation(&mut self, new: &NewAdaptation) -> Result<AdaptationId, StoreError> {
        self.write(|tx| {
            insert_here(
                tx,
                &ADAPTATIONS,
                Some(new.partnership_id.0),
                new.fields.values()?,
            )
        })
        .map(AdaptationId)
    }

    /// A new name or wording for a version no cycle was rated with.
    pub fn update_adaptation(&mut self, adaptation: &Adaptation) -> Result<(), StoreError> {
        self.write(|tx| {
            update_here(
                tx,
                &ADAPTATIONS,
                adaptation.id.0,
                &adaptation.fields.values()?,
            )
        })
    }

    /// Deletes the adaptation the version `id` belongs to: every version of
    /// it (the window offers this only while no cycle was rated with any).
    /// Copies the version with uid `uid` as the next version of its
    /// adaptation (a new id, the next number, made today), before an import
    /// writes the file's words over it.
    pub(super) fn keep_as_new_version(
        conn: &crate::connection::Connection,
        uid: Uuid,
    ) -> crate::connection::Result<()> {
        conn.execute(
            "INSERT INTO adaptations (partnership_id, lineage, version_id, number, name, \
             based_on_key, based_on_version, wording, made_on) \
             SELECT partnership_id, lineage, randomblob(16), \
             (SELECT MAX(number) FROM adaptations o WHERE o.lineage = a.lineage) + 1, \
             name, based_on_key, based_on_version, wording, date('now') \
             FROM adaptations a WHERE uid = ?1",
            [uid],
        )?;
        Ok(())
    }

    pub(super) fn adaptations_of(
        &self,
        partnership: PartnershipId,
    ) -> crate::connection::Result<Vec<Adaptation>> {
        select_here(&self.conn, &ADAPTATIONS, partnership, |row| {
            Ok(Adaptation {
                id: AdaptationId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                fields: AdaptationFields::read(row, 2)?,
            })
        })
    }
}

/// The versions of adaptations in an exchange file.
impl Exchanged for XAdaptation {
    const TABLE: &'static Table = &ADAPTATIONS;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        self.fields.values()
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XAdaptation {
            id: row.get(0)?,
            fields: AdaptationFields::read(row, 1)?,
        })
    }
}
