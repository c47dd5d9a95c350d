//! Evidence attached to records: the attachments (each on one record, a
//! file by its fingerprint or a link by its address), and the files'
//! content, kept once per fingerprint in `attachment_files` and read only
//! when a file is opened, saved or exported.

use std::collections::BTreeSet;

use super::{Store, StoreError};
use crate::connection::{Connection, Row};
use crate::table::{
    Column, Exchanged, Fields, Of, Table, fields, insert_here, select_here, values,
};
use partnerpath_core::model::exchange::XAttachment;
use partnerpath_core::model::{
    AttachedTo, Attachment, AttachmentFields, AttachmentId, CycleId, DocumentId, Fingerprint,
    MilestoneId, NewAttachment, PartnershipId, ReadinessRoundId,
};
use rusqlite::types::ToSqlOutput;
use uuid::Uuid;

fields!(AttachmentFields {
    name,
    address,
    hash,
    size,
    added_by,
    added_on,
});

/// The attachments: their one list of columns. Where one is attached is
/// fixed when it is made, and so is what it is.
const ATTACHMENTS: Table = Table {
    name: "attachments",
    owned: true,
    rows_of: "t.partnership_id = ?1 AND t.deleted_at IS NULL
        AND (t.cycle_id IS NULL
             OR t.cycle_id IN (SELECT id FROM cycles WHERE deleted_at IS NULL))
        AND (t.round_id IS NULL
             OR t.round_id IN (SELECT id FROM readiness_rounds WHERE deleted_at IS NULL))
        AND (t.document_id IS NULL
             OR t.document_id IN (SELECT id FROM documents WHERE deleted_at IS NULL))",
    order: "t.id",
    refs: &[
        Column::owner("cycle_id", "cycles"),
        Column::fixed("indicator_key"),
        Column::owner("round_id", "readiness_rounds"),
        Column::owner("document_id", "documents"),
        Column::owner("milestone_id", "milestones"),
    ],
    fields: AttachmentFields::NAMES,
    fixed: &["address", "hash", "size", "added_by", "added_on"],
    extra: &[],
    on_update: "",
};

/// The row ids (and indicator) of the record `to` names, in column order.
type Owner<'a> = (
    Option<i64>,
    Option<&'a str>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

fn owner(to: &AttachedTo) -> Owner<'_> {
    match to {
        AttachedTo::Indicator(cycle, key) => (Some(cycle.0), Some(key.as_str()), None, None, None),
        AttachedTo::ReadinessRound(round) => (None, None, Some(round.0), None, None),
        AttachedTo::Document(document) => (None, None, None, Some(document.0), None),
        AttachedTo::Milestone(milestone) => (None, None, None, None, Some(milestone.0)),
    }
}

/// The record a row's owner columns (from `at`) name.
fn attached_to(row: &Row<'_>, at: usize) -> crate::connection::Result<AttachedTo> {
    let cycle: Option<i64> = row.get(at)?;
    let key: Option<String> = row.get(at + 1)?;
    let round: Option<i64> = row.get(at + 2)?;
    let document: Option<i64> = row.get(at + 3)?;
    let milestone: Option<i64> = row.get(at + 4)?;
    Ok(match (cycle, key, round, document, milestone) {
        (Some(c), Some(k), None, None, None) => AttachedTo::Indicator(CycleId(c), k),
        (None, None, Some(r), None, None) => AttachedTo::ReadinessRound(ReadinessRoundId(r)),
        (None, None, None, Some(d), None) => AttachedTo::Document(DocumentId(d)),
        (None, None, None, None, Some(m)) => AttachedTo::Milestone(MilestoneId(m)),
        _ => {
            return Err(crate::connection::Error::Value(
                "an attachment on two records or none".to_owned(),
            ));
        }
    })
}

/// A file attached, as the largest are listed: its name, its
/// partnership's name and its size in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LargeFile {
    pub name: String,
    pub partnership: String,
    pub size: u64,
}

impl Store {
    /// Keeps the content of a file to attach, once per fingerprint: a
    /// file already here is not stored again. The content is checked
    /// against `hash` first. One transaction: it is there whole, or not.
    pub fn put_file(&mut self, hash: &str, content: &[u8]) -> Result<(), StoreError> {
        if Fingerprint::of(content) != hash {
            return Err(StoreError::Other {
                path: self.path.clone(),
                detail: "the file changed while it was being read".to_owned(),
            });
        }
        let size = i64::try_from(content.len()).unwrap_or(i64::MAX);
        self.write(|conn| put_file_in(conn, hash, size, content))
    }

    /// Whether the content of the file `hash` is here.
    pub fn has_file(&self, hash: &str) -> Result<bool, StoreError> {
        self.conn
            .prepare("SELECT 1 FROM attachment_files WHERE hash = ?1")
            .and_then(|mut s| s.exists([hash]))
            .map_err(|e| self.error(e))
    }

    pub fn add_attachment(&mut self, new: &NewAttachment) -> Result<AttachmentId, StoreError> {
        let (cycle, key, round, document, milestone) = owner(&new.to);
        self.write(|conn| {
            let mut values = values![&cycle, &key, &round, &document, &milestone]?;
            values.extend(new.fields.values()?);
            insert_here(conn, &ATTACHMENTS, Some(new.partnership_id.0), values)
        })
        .map(AttachmentId)
    }

    /// Moves an attachment to "Recently deleted".
    pub fn delete_attachment(&mut self, id: AttachmentId) -> Result<bool, StoreError> {
        self.changes(
            "UPDATE attachments SET deleted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
             WHERE id = ?1 AND deleted_at IS NULL",
            [id.0],
        )
    }

    /// The content of the file attachment `id` (read only now, never with
    /// the partnership).
    pub fn attachment_content(&self, id: AttachmentId) -> Result<Vec<u8>, StoreError> {
        self.conn
            .query_row(
                "SELECT f.content FROM attachments a JOIN attachment_files f ON f.hash = a.hash
                 WHERE a.id = ?1",
                [id.0],
                |row| row.get(0),
            )
            .map_err(|e| self.error(e))
    }

    /// The largest files attached (each once, the newest name it has),
    /// largest first, at most `n`.
    pub fn largest_files(&self, n: usize) -> Result<Vec<LargeFile>, StoreError> {
        let n = i64::try_from(n).unwrap_or(i64::MAX);
        let run = || -> crate::connection::Result<Vec<LargeFile>> {
            let mut statement = self.conn.prepare(
                "SELECT a.name, p.name, f.size FROM attachment_files f
                 JOIN attachments a ON a.id = (SELECT max(id) FROM attachments WHERE hash = f.hash)
                 JOIN partnerships p ON p.id = a.partnership_id
                 ORDER BY f.size DESC, f.hash LIMIT ?1",
            )?;
            let rows = statement.query_map([n], |row| {
                Ok(LargeFile {
                    name: row.get(0)?,
                    partnership: row.get(1)?,
                    size: u64::try_from(row.get::<i64>(2)?).unwrap_or(0),
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| self.error(e))
    }

    /// How large the database is, in bytes, when it is a file.
    pub fn file_size(&self) -> Option<u64> {
        self.conn.sqlite()?;
        std::fs::metadata(&self.path).ok().map(|m| m.len())
    }

    pub(super) fn attachments_of(
        &self,
        partnership: impl Into<Of>,
    ) -> crate::connection::Result<Vec<Attachment>> {
        select_here(&self.conn, &ATTACHMENTS, partnership, |row| {
            Ok(Attachment {
                id: AttachmentId(row.get(0)?),
                partnership_id: PartnershipId(row.get(1)?),
                to: attached_to(row, 2)?,
                fields: AttachmentFields::read(row, 7)?,
            })
        })
    }
}

/// Stores a file's content unless it is there (on a server through the
/// function that may see every district's files, `server_schema.rs`).
pub(crate) fn put_file_in(
    conn: &Connection,
    hash: &str,
    size: i64,
    content: &[u8],
) -> crate::connection::Result<()> {
    let sql = if conn.sqlite().is_some() {
        "INSERT INTO attachment_files (hash, size, content) VALUES (?1, ?2, ?3)
         ON CONFLICT (hash) DO NOTHING"
    } else {
        "SELECT partnerpath_keep_file(?1, ?2, ?3)"
    };
    conn.execute(sql, &[&hash as &dyn rusqlite::ToSql, &size, &content][..])?;
    Ok(())
}

/// The content of the files `hashes`, for an exchange file.
pub(crate) fn contents_of<'h>(
    conn: &Connection,
    hashes: impl IntoIterator<Item = &'h str>,
) -> crate::connection::Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    let unique: BTreeSet<&str> = hashes.into_iter().collect();
    for hash in unique {
        let content: Vec<u8> = conn.query_row(
            "SELECT content FROM attachment_files WHERE hash = ?1",
            [hash],
            |row| row.get(0),
        )?;
        out.push((hash.to_owned(), content));
    }
    Ok(out)
}

impl Exchanged for XAttachment {
    const TABLE: &'static Table = &ATTACHMENTS;

    fn uid(&self) -> Uuid {
        self.id
    }

    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>> {
        let mut values = values![
            &self.cycle,
            &self.indicator_key,
            &self.round,
            &self.document,
            &self.milestone
        ]?;
        values.extend(self.fields.values()?);
        Ok(values)
    }

    fn read(row: &Row<'_>) -> crate::connection::Result<Self> {
        Ok(XAttachment {
            id: row.get(0)?,
            cycle: row.get(1)?,
            indicator_key: row.get(2)?,
            round: row.get(3)?,
            document: row.get(4)?,
            milestone: row.get(5)?,
            fields: AttachmentFields::read(row, 6)?,
        })
    }
}
