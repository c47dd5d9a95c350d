//! The people of a partnership.

use crate::codes::Coded;
use rusqlite::params;

use super::{Store, StoreError};
use crate::table::{Column, Exchanged, Table, values};
use partnerpath_core::model::exchange::XPerson;
use partnerpath_core::model::{NewPerson, PartnershipId, Person, PersonId, Side};
use rusqlite::Row;
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

impl Store {
    pub fn add_person(
        &mut self,
        partnership: PartnershipId,
        new: &NewPerson,
    ) -> Result<PersonId, StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO people (partnership_id, name, side, role) VALUES (?1, ?2, ?3, ?4)",
                params![partnership.0, new.name.trim(), Coded(new.side), new.role],
            )?;
            Ok(PersonId(tx.last_insert_rowid()))
        })
    }

    pub fn update_person(&mut self, person: &Person) -> Result<(), StoreError> {
        self.execute(
            "UPDATE people SET name = ?2, side = ?3, role = ?4 WHERE id = ?1",
            params![person.id.0, person.name, Coded(person.side), person.role],
        )
    }

    /// Removes a person and the ratings they gave.
    pub fn delete_person(&mut self, id: PersonId) -> Result<(), StoreError> {
        self.execute("DELETE FROM people WHERE id = ?1", [id.0])
    }

    pub(super) fn people_of(&self, partnership: PartnershipId) -> rusqlite::Result<Vec<Person>> {
        let mut statement = self.conn.prepare(
            "SELECT id, partnership_id, name, side, role FROM people
             WHERE partnership_id = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([partnership.0], |row| {
            Ok(Person {
                id: PersonId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                name: row.get(2)?,
                side: row.get::<_, Coded<Side>>(3)?.0,
                role: row.get(4)?,
            })
        })?;
        rows.collect()
    }
}

/// The people in an exchange file.
impl Exchanged for XPerson {
    const TABLE: &'static Table = &Table {
        name: "people",
        owned: true,
        rows_of: "t.partnership_id = ?1",
        order: "t.id",
        columns: &[
            Column::value("name"),
            Column::value("side"),
            Column::value("role"),
        ],
        on_update: "",
    };

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> rusqlite::Result<Vec<ToSqlOutput<'_>>> {
        values![self.name.trim(), Coded(self.side), &self.role]
    }

    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(XPerson {
            id: row.get(0)?,
            name: row.get(1)?,
            side: row.get::<_, Coded<Side>>(2)?.0,
            role: row.get(3)?,
        })
    }
}
