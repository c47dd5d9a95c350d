//! Partnerships: create, edit, archive, delete, list, and load one whole.

use crate::connection::{Optional, Row};
use rusqlite::params;

use super::{Store, StoreError};
use crate::table::{Exchanged, Fields, Table, fields, insert_here, prefixed, update_here};
use partnerpath_core::model::exchange::Scope;
use partnerpath_core::model::exchange::XPartnership;
use partnerpath_core::model::{
    CycleId, NewPartnership, Partnership, PartnershipFields, PartnershipId, PartnershipSummary,
    PartnershipView, PersonId, RatingCopy,
};
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

fields!(PartnershipFields {
    name,
    district,
    partner_organisation,
    partner_kind: code,
    start_date,
    notes,
    archived,
});

/// The partnerships: their one list of columns.
const PARTNERSHIPS: Table = Table {
    name: "partnerships",
    owned: false,
    rows_of: "t.id = ?1 AND t.deleted_at IS NULL",
    order: "t.id",
    refs: &[],
    fields: PartnershipFields::NAMES,
    fixed: &[],
    extra: &[],
    on_update: "",
};

/// The columns `from_row` reads, from the partnership `p`.
fn columns() -> String {
    format!(
        "p.id, p.is_sample, {}",
        prefixed("p", PartnershipFields::NAMES)
    )
}

fn from_row(row: &Row<'_>) -> crate::connection::Result<Partnership> {
    Ok(Partnership {
        id: PartnershipId(row.get(0)?),
        is_sample: row.get(1)?,
        fields: PartnershipFields::read(row, 2)?,
    })
}

impl Store {
    pub fn create_partnership(
        &mut self,
        new: &NewPartnership,
        is_sample: bool,
    ) -> Result<PartnershipId, StoreError> {
        let new = PartnershipFields {
            name: new.name.trim().to_owned(),
            ..new.clone()
        };
        self.write(|tx| {
            let id = insert_here(tx, &PARTNERSHIPS, None, new.values()?)?;
            if is_sample {
                tx.execute("UPDATE partnerships SET is_sample = 1 WHERE id = ?1", [id])?;
            }
            Ok(PartnershipId(id))
        })
    }

    pub fn update_partnership(&mut self, p: &Partnership) -> Result<(), StoreError> {
        self.write(|tx| update_here(tx, &PARTNERSHIPS, p.id.0, &p.fields.values()?))
    }

    pub fn set_archived(&mut self, id: PartnershipId, archived: bool) -> Result<(), StoreError> {
        self.execute(
            "UPDATE partnerships SET archived = ?2 WHERE id = ?1",
            params![id.0, archived],
        )
    }

    /// Moves a partnership, with all it holds, to "Recently deleted".
    pub fn delete_partnership(&mut self, id: PartnershipId) -> Result<bool, StoreError> {
        self.changes(
            "UPDATE partnerships SET deleted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
             WHERE id = ?1 AND deleted_at IS NULL",
            [id.0],
        )
    }

    /// Every partnership, by name, with what it holds.
    pub fn partnership_summaries(&self) -> Result<Vec<PartnershipSummary>, StoreError> {
        let sql = format!(
            "SELECT {},
               (SELECT count(*) FROM people WHERE partnership_id = p.id),
               (SELECT count(*) FROM cycles WHERE partnership_id = p.id AND deleted_at IS NULL),
               (SELECT count(*) FROM ratings r JOIN cycles c ON c.id = r.cycle_id
                 WHERE c.partnership_id = p.id AND c.deleted_at IS NULL
                   AND (r.level IS NOT NULL OR r.evidence <> '' OR r.next_steps <> '')),
               (SELECT school_year FROM cycles WHERE partnership_id = p.id AND deleted_at IS NULL
                 ORDER BY administered_on DESC, id DESC LIMIT 1)
             FROM partnerships p WHERE p.deleted_at IS NULL
             ORDER BY lower(p.name), p.id",
            columns()
        );
        let run = || -> crate::connection::Result<Vec<PartnershipSummary>> {
            let mut statement = self.conn.prepare(&sql)?;
            let rows = statement.query_map(params![], |row| {
                Ok(PartnershipSummary {
                    partnership: from_row(row)?,
                    people: count(row.get(9)?),
                    cycles: count(row.get(10)?),
                    ratings: count(row.get(11)?),
                    latest_school_year: row.get(12)?,
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| self.error(e))
    }

    /// One partnership with its people, cycles and all their ratings.
    /// The partnership `id`'s own record, unless deleted.
    pub(super) fn partnership_record(
        &self,
        id: PartnershipId,
    ) -> crate::connection::Result<Option<Partnership>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {} FROM partnerships p WHERE p.id = ?1 AND p.deleted_at IS NULL",
                    columns()
                ),
                [id.0],
                from_row,
            )
            .optional()
    }

    pub fn load_partnership(&self, id: PartnershipId) -> Result<PartnershipView, StoreError> {
        let run = || -> crate::connection::Result<PartnershipView> {
            let partnership = self.conn.query_row(
                &format!(
                    "SELECT {} FROM partnerships p WHERE p.id = ?1 AND p.deleted_at IS NULL",
                    columns()
                ),
                [id.0],
                from_row,
            )?;
            let mut view = PartnershipView::new(
                partnership,
                self.people_of(id)?,
                self.cycles_of(id)?,
                self.stage_entries_of(id)?,
                self.readiness_of(id)?,
                self.ratings_of(id)?,
            );
            view.documents = self.documents_of(id)?;
            view.action_steps = self.action_steps_of(id)?;
            view.goals = self.goals_of(id)?;
            view.milestones = self.milestones_of(id)?;
            view.check_ins = self.check_ins_of(id)?;
            view.attachments = self.attachments_of(id)?;
            view.rating_copy = self.rating_copy_of(id)?;
            view.set_adaptations(self.adaptations_of(id)?);
            view.rated_with = self.rated_with(id)?;
            Ok(view)
        };
        run().map_err(|e| self.error(e))
    }
}

impl Store {
    /// The cycle and people a rating copy is for, if the partnership is one.
    fn rating_copy_of(&self, id: PartnershipId) -> crate::connection::Result<Option<RatingCopy>> {
        let json: Option<String> = self.conn.query_row(
            "SELECT rating_copy FROM partnerships WHERE id = ?1",
            [id.0],
            |row| row.get(0),
        )?;
        let Some(json) = json else {
            return Ok(None);
        };
        let Ok(scope) = serde_json::from_str::<Scope>(&json) else {
            return Ok(None);
        };
        let Scope::Raters { cycle, people } = scope else {
            return Ok(None);
        };
        let cycle: Option<i64> = self
            .conn
            .query_row("SELECT id FROM cycles WHERE uid = ?1", [cycle], |row| {
                row.get(0)
            })
            .optional()?;
        let mut ids = Vec::new();
        for person in people {
            let found: Option<i64> = self
                .conn
                .query_row("SELECT id FROM people WHERE uid = ?1", [person], |row| {
                    row.get(0)
                })
                .optional()?;
            ids.extend(found.map(PersonId));
        }
        Ok(cycle.map(|cycle| RatingCopy {
            cycle: CycleId(cycle),
            people: ids,
        }))
    }
}

/// A SQL count as a length (counts are never negative).
fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

impl Store {
    /// Marks a partnership that arrived for rating apart as a rating copy
    /// of the cycle and people `scope` names.
    pub(crate) fn mark_rating_copy(&self, id: i64, scope: &Scope) -> crate::connection::Result<()> {
        let scope = serde_json::to_string(scope)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        self.conn.execute(
            "UPDATE partnerships SET rating_copy = ?2 WHERE id = ?1",
            params![id, scope],
        )?;
        Ok(())
    }

    /// Marks a partnership as the sample.
    pub(crate) fn mark_sample(&self, id: PartnershipId) -> crate::connection::Result<()> {
        self.conn.execute(
            "UPDATE partnerships SET is_sample = 1 WHERE id = ?1",
            [id.0],
        )?;
        Ok(())
    }
}

/// The partnership in an exchange file.
impl Exchanged for XPartnership {
    const TABLE: &'static Table = &PARTNERSHIPS;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        self.fields.values()
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XPartnership {
            id: row.get(0)?,
            fields: PartnershipFields::read(row, 1)?,
        })
    }
}
