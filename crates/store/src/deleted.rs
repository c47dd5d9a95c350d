//! "Recently deleted": listing, restoring and, after 30 days, removing for
//! good what was deleted.

use rusqlite::params;

use super::{Store, StoreError};
use partnerpath_core::model::{Deleted, DeletedKind, KEPT_FOR_DAYS};

/// The table of each kind of deleted record.
fn table(kind: DeletedKind) -> &'static str {
    match kind {
        DeletedKind::Partnership => "partnerships",
        DeletedKind::Cycle => "cycles",
        DeletedKind::ReadinessRound => "readiness_rounds",
        DeletedKind::Document => "documents",
        DeletedKind::Attachment => "attachments",
    }
}

impl Store {
    /// Everything deleted and not yet removed for good, newest first. What
    /// sits in a deleted partnership is restored with it, so it is not
    /// listed on its own.
    pub fn recently_deleted(&self) -> Result<Vec<Deleted>, StoreError> {
        let run = || -> crate::connection::Result<Vec<Deleted>> {
            let mut all = Vec::new();
            for kind in DeletedKind::ALL {
                let sql = match kind {
                    DeletedKind::Partnership => {
                        "SELECT id, name, name, deleted_at FROM partnerships
                         WHERE deleted_at IS NOT NULL"
                    }
                    DeletedKind::Cycle => {
                        "SELECT c.id, c.school_year, p.name, c.deleted_at
                         FROM cycles c JOIN partnerships p ON p.id = c.partnership_id
                         WHERE c.deleted_at IS NOT NULL AND p.deleted_at IS NULL"
                    }
                    DeletedKind::ReadinessRound => {
                        "SELECT r.id, r.title, p.name, r.deleted_at
                         FROM readiness_rounds r JOIN partnerships p ON p.id = r.partnership_id
                         WHERE r.deleted_at IS NOT NULL AND p.deleted_at IS NULL"
                    }
                    DeletedKind::Document => {
                        "SELECT d.id, d.title, p.name, d.deleted_at
                         FROM documents d JOIN partnerships p ON p.id = d.partnership_id
                         WHERE d.deleted_at IS NOT NULL AND p.deleted_at IS NULL"
                    }
                    DeletedKind::Attachment => {
                        "SELECT a.id, a.name, p.name, a.deleted_at
                         FROM attachments a JOIN partnerships p ON p.id = a.partnership_id
                         WHERE a.deleted_at IS NOT NULL AND p.deleted_at IS NULL"
                    }
                };
                let mut statement = self.conn.prepare(sql)?;
                let rows = statement.query_map(params![], |row| {
                    let at: String = row.get(3)?;
                    Ok(Deleted {
                        kind,
                        id: row.get(0)?,
                        name: row.get(1)?,
                        partnership: row.get(2)?,
                        deleted_at: at.parse().map_err(|e| {
                            rusqlite::Error::FromSqlConversionFailure(
                                3,
                                rusqlite::types::Type::Text,
                                Box::new(e),
                            )
                        })?,
                    })
                })?;
                for row in rows {
                    all.push(row?);
                }
            }
            all.sort_by(|a, b| b.deleted_at.cmp(&a.deleted_at).then(b.id.cmp(&a.id)));
            Ok(all)
        };
        run().map_err(|e| self.error(e))
    }

    /// Puts a deleted record back where it was; an error when it is not
    /// in "Recently deleted".
    pub fn restore_deleted(&mut self, kind: DeletedKind, id: i64) -> Result<(), StoreError> {
        let sql = format!(
            "UPDATE {} SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
            table(kind)
        );
        self.write(|conn| match conn.execute(&sql, [id])? {
            0 => Err(crate::connection::Error::NoRows),
            _ => Ok(()),
        })
    }

    /// Removes for good what was deleted more than 30 days ago. Says how
    /// many records went.
    pub fn purge_deleted(&mut self) -> Result<usize, StoreError> {
        self.write(|tx| {
            let mut removed = 0;
            for kind in DeletedKind::ALL {
                removed += tx.execute(
                    &format!(
                        "DELETE FROM {} WHERE deleted_at IS NOT NULL
                           AND julianday(deleted_at) < julianday('now') - ?1",
                        table(kind)
                    ),
                    params![KEPT_FOR_DAYS],
                )?;
            }
            // What was kept to undo a delete for good.
            removed += Store::purge_removed(tx)?;
            // A file no attachment names any more (its last went now, or
            // a write was cut short before its record was stored). On a
            // server the policy keeps a file another district's records
            // name, which this user cannot see.
            tx.execute(
                "DELETE FROM attachment_files WHERE hash NOT IN
                   (SELECT hash FROM attachments WHERE hash IS NOT NULL)",
                params![],
            )?;
            Ok(removed)
        })
    }
}
