//! Filled worksheets: a document per filling, one JSON value per field.

use std::collections::BTreeMap;

use jiff::civil::Date;
use rusqlite::params;

use super::{Store, StoreError};
use crate::connection::{Connection, Optional, Row};
use crate::table::{
    Column, Exchanged, Fields, Of, Output, Table, fields, insert_here, select_here,
};
use partnerpath_core::model::exchange::XDocument;
use partnerpath_core::model::{
    Command, Document, DocumentFields, DocumentId, FieldValue, NewDocument, Outcome, PartnershipId,
    Seen, Theirs,
};
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

/// A stored value that does not read back as a field value.
fn bad_json(error: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(error))
}

fields!(DocumentFields {
    instrument_key,
    instrument_version,
    title,
    created_on,
});

/// The meetings and worksheets: their one list of columns. Their values
/// are rows of `document_values`.
const DOCUMENTS: Table = Table {
    name: "documents",
    owned: true,
    rows_of: "t.partnership_id = ?1 AND t.deleted_at IS NULL",
    order: "t.created_on, t.id",
    refs: &[],
    fields: DocumentFields::NAMES,
    fixed: &["instrument_key", "instrument_version"],
    extra: &[Column::unless_absent("changed_on")],
    on_update: "",
};

impl Store {
    pub fn create_document(&mut self, new: &NewDocument) -> Result<DocumentId, StoreError> {
        self.write(|tx| {
            let mut values = new.fields.values()?;
            values.push((&new.created_on).output()?);
            insert_here(tx, &DOCUMENTS, Some(new.partnership_id.0), values)
        })
        .map(DocumentId)
    }

    /// Renames a document, noting `on` as the day it was last changed.
    pub fn rename_document(
        &mut self,
        id: DocumentId,
        title: &str,
        on: Date,
    ) -> Result<(), StoreError> {
        self.execute(
            "UPDATE documents SET title = ?2, changed_on = ?3 WHERE id = ?1",
            params![id.0, title, on],
        )
    }

    /// Stores a field's value, noting `on` as the day it was last changed.
    pub fn set_document_value(
        &mut self,
        id: DocumentId,
        field: &str,
        value: &FieldValue,
        on: Date,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(value).map_err(|e| StoreError::Other {
            path: self.path.clone(),
            detail: e.to_string(),
        })?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO document_values (document_id, field_key, value) VALUES (?1, ?2, ?3)
                 ON CONFLICT (document_id, field_key) DO UPDATE SET value = excluded.value",
                params![id.0, field, json],
            )?;
            tx.execute(
                "UPDATE documents SET changed_on = ?2 WHERE id = ?1",
                params![id.0, on],
            )?;
            Ok(())
        })
    }

    /// `apply_seen` for a worksheet's field: stored only if the field still
    /// holds what the window showed. On a server the document's row is
    /// locked first, so that two people typing a first value cannot both
    /// find it empty.
    pub(crate) fn apply_value_seen(
        &mut self,
        command: &Command,
        id: DocumentId,
        field: &str,
        seen: &Seen,
    ) -> Result<Outcome, StoreError> {
        let on_server = self.server_address().is_some();
        self.batch(|store| {
            if on_server {
                store
                    .conn
                    .query_row(
                        "SELECT id FROM documents WHERE id = ?1 FOR UPDATE",
                        params![id.0],
                        |row| row.get::<i64>(0),
                    )
                    .optional()
                    .map_err(|e| store.error(e))?;
            }
            let stored = store
                .conn
                .query_row(
                    "SELECT value FROM document_values WHERE document_id = ?1 AND field_key = ?2",
                    params![id.0, field],
                    |row| row.get::<String>(0),
                )
                .optional()
                .map_err(|e| store.error(e))?;
            let now = Theirs::Field(stored.and_then(|json| serde_json::from_str(&json).ok()));
            if !seen.holds(&now) {
                // The history keeps a worksheet's values under its id.
                return Err(store.conflict("document_values", Some(id.0), now)?);
            }
            store.apply(command)
        })
    }

    /// Moves a document, with its values (and a meeting's action steps), to
    /// "Recently deleted".
    pub fn delete_document(&mut self, id: DocumentId) -> Result<bool, StoreError> {
        self.changes(
            "UPDATE documents SET deleted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
             WHERE id = ?1 AND deleted_at IS NULL",
            [id.0],
        )
    }

    pub(super) fn documents_of(
        &self,
        partnership: impl Into<Of>,
    ) -> crate::connection::Result<Vec<Document>> {
        let of = partnership.into();
        let mut documents = select_here(&self.conn, &DOCUMENTS, of, |row| {
            let fields = DocumentFields::read(row, 2)?;
            Ok(Document {
                id: DocumentId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                // Never edited: the day it was made.
                changed_on: row.get::<Option<Date>>(6)?.unwrap_or(fields.created_on),
                fields,
                values: BTreeMap::new(),
            })
        })?;
        let read = |row: &Row<'_>| {
            let json: String = row.get(2)?;
            let value: FieldValue = serde_json::from_str(&json).map_err(bad_json)?;
            Ok((DocumentId(row.get(0)?), row.get::<String>(1)?, value))
        };
        let rows = match of {
            Of::One(partnership) => self
                .conn
                .prepare(
                    "SELECT v.document_id, v.field_key, v.value FROM document_values v
                     JOIN documents d ON d.id = v.document_id WHERE d.partnership_id = ?1",
                )?
                .query_map([partnership], read)?,
            Of::Every => self
                .conn
                .prepare(
                    "SELECT v.document_id, v.field_key, v.value FROM document_values v
                     JOIN documents d ON d.id = v.document_id WHERE d.deleted_at IS NULL",
                )?
                .query_map(params![], read)?,
        };
        let index: std::collections::HashMap<DocumentId, usize> = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id, i))
            .collect();
        for row in rows {
            let (id, key, value) = row?;
            if let Some(document) = index.get(&id).and_then(|i| documents.get_mut(*i)) {
                document.values.insert(key, value);
            }
        }
        Ok(documents)
    }
}

/// The meetings and worksheets in an exchange file, with their values.
impl Exchanged for XDocument {
    const TABLE: &'static Table = &DOCUMENTS;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        let mut values = self.fields.values()?;
        values.push((&self.changed_on).output()?);
        Ok(values)
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        let fields = DocumentFields::read(row, 1)?;
        Ok(XDocument {
            id: row.get(0)?,
            // Never edited: the day it was made.
            changed_on: Some(row.get::<Option<Date>>(5)?.unwrap_or(fields.created_on)),
            fields,
            values: BTreeMap::new(),
        })
    }

    fn complete(conn: &Connection, documents: &mut [Self]) -> crate::connection::Result<()> {
        let mut values = conn.prepare(
            "SELECT v.field_key, v.value FROM document_values v
             JOIN documents d ON d.id = v.document_id WHERE d.uid = ?1",
        )?;
        for document in documents {
            let rows = values.query_map([document.id], |row| {
                Ok((row.get::<String>(0)?, row.get::<String>(1)?))
            })?;
            for row in rows {
                let (key, json) = row?;
                document
                    .values
                    .insert(key, serde_json::from_str(&json).map_err(bad_json)?);
            }
        }
        Ok(())
    }

    fn written(&self, conn: &Connection) -> crate::connection::Result<()> {
        conn.execute(
            "DELETE FROM document_values
             WHERE document_id = (SELECT id FROM documents WHERE uid = ?1)",
            [self.id],
        )?;
        let mut insert = conn.prepare(
            "INSERT INTO document_values (document_id, field_key, value)
             VALUES ((SELECT id FROM documents WHERE uid = ?1), ?2, ?3)",
        )?;
        for (key, value) in &self.values {
            insert.execute(params![self.id, key, value.to_string()])?;
        }
        Ok(())
    }
}
