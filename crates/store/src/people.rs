//! The people of a partnership.

use uuid::Uuid;

use super::{Store, StoreError};
use crate::connection::Row;
use crate::table::{Exchanged, Fields, Table, fields, insert_here, select_here, update_here};
use partnerpath_core::model::exchange::XPerson;
use partnerpath_core::model::{NewPerson, PartnershipId, Person, PersonFields, PersonId};
use rusqlite::types::ToSqlOutput;

fields!(PersonFields {
    name,
    side: code,
    role
});

/// The people: their one list of columns.
const PEOPLE: Table = Table {
    name: "people",
    owned: true,
    rows_of: "t.partnership_id = ?1",
    order: "t.id",
    refs: &[],
    fields: PersonFields::NAMES,
    fixed: &[],
    extra: &[],
    on_update: "",
};

impl Store {
    pub fn add_person(
        &mut self,
        partnership: PartnershipId,
        new: &NewPerson,
    ) -> Result<PersonId, StoreError> {
        let new = PersonFields {
            name: new.name.trim().to_owned(),
            ..new.clone()
        };
        self.write(|tx| insert_here(tx, &PEOPLE, Some(partnership.0), new.values()?))
            .map(PersonId)
    }

    pub fn update_person(&mut self, person: &Person) -> Result<(), StoreError> {
        self.write(|tx| update_here(tx, &PEOPLE, person.id.0, &person.fields.values()?))
    }

    /// Removes a person and the ratings they gave.
    pub(super) fn people_of(
        &self,
        partnership: PartnershipId,
    ) -> crate::connection::Result<Vec<Person>> {
        select_here(&self.conn, &PEOPLE, partnership, |row| {
            Ok(Person {
                id: PersonId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                fields: PersonFields::read(row, 2)?,
            })
        })
    }
}

/// The people in an exchange file.
impl Exchanged for XPerson {
    const TABLE: &'static Table = &PEOPLE;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        self.fields.values()
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XPerson {
            id: row.get(0)?,
            fields: PersonFields::read(row, 1)?,
        })
    }
}
