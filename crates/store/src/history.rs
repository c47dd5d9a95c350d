//! The history of changes: who changed which record, when, from what to
//! what. On a server a trigger keeps it (`server_schema.rs`, version 2),
//! as the user signed in; in a file, triggers made here when the file is
//! upgraded to version 8 (`migrations.rs`), as the computer's user who
//! opened the file (`history_writer`, set by `Store::open`). Nobody may
//! change or delete it. `Store::history` reads a partnership's.

use partnerpath_core::model::{HistoryEntry, HistoryKind, PartnershipId};
use rusqlite::Transaction;
use rusqlite_migration::HookResult;

use crate::{Store, StoreError};

/// The tables whose changes are kept, each with how a row finds its
/// partnership (`R` stands for `NEW` or `OLD`).
const RECORDED: [(&str, &str); 16] = [
    ("partnerships", "R.id"),
    ("people", "R.partnership_id"),
    ("cycles", "R.partnership_id"),
    (
        "ratings",
        "(SELECT partnership_id FROM cycles WHERE id = R.cycle_id)",
    ),
    ("stage_entries", "R.partnership_id"),
    ("readiness_rounds", "R.partnership_id"),
    (
        "readiness_members",
        "(SELECT partnership_id FROM readiness_rounds WHERE id = R.round_id)",
    ),
    (
        "readiness_ratings",
        "(SELECT r.partnership_id FROM readiness_members m \
          JOIN readiness_rounds r ON r.id = m.round_id WHERE m.id = R.member_id)",
    ),
    (
        "readiness_summaries",
        "(SELECT partnership_id FROM readiness_rounds WHERE id = R.round_id)",
    ),
    ("documents", "R.partnership_id"),
    (
        "document_values",
        "(SELECT partnership_id FROM documents WHERE id = R.document_id)",
    ),
    ("goals", "R.partnership_id"),
    ("milestones", "R.partnership_id"),
    (
        "check_ins",
        "(SELECT partnership_id FROM milestones WHERE id = R.milestone_id)",
    ),
    ("action_steps", "R.partnership_id"),
    ("adaptations", "R.partnership_id"),
];

/// Makes, for every recorded table, the triggers that add its inserts,
/// updates (that change something other than the `uid`) and deletes to the
/// history, with every column as it is then.
pub(crate) fn record_every_table(tx: &Transaction) -> HookResult {
    for (table, partnership) in RECORDED {
        record_table(tx, table, partnership)?;
    }
    Ok(())
}

/// Makes the history's triggers for the attachments, the table of
/// version 9 (`migrations.rs`).
pub(crate) fn record_attachments(tx: &Transaction) -> HookResult {
    record_table(tx, "attachments", "R.partnership_id")
}

/// Makes the cycles' history triggers again, with the column of version
/// 10 (`migrations.rs`), which dropped them.
pub(crate) fn record_cycles(tx: &Transaction) -> HookResult {
    record_table(tx, "cycles", "R.partnership_id")
}

/// Makes the triggers that add `table`'s inserts, updates and deletes to
/// the history; `partnership` says how a row finds its partnership.
fn record_table(tx: &Transaction, table: &str, partnership: &str) -> HookResult {
    {
        let mut columns = Vec::new();
        let mut statement = tx.prepare("SELECT name, type FROM pragma_table_info(?1)")?;
        let mut rows = statement.query([table])?;
        while let Some(row) = rows.next()? {
            columns.push((row.get::<_, String>(0)?, row.get::<_, String>(1)?));
        }
        let row = |r: &str| {
            let fields: Vec<String> = columns
                .iter()
                .filter(|(name, _)| name != "uid")
                .map(|(name, kind)| match kind.as_str() {
                    "BLOB" => format!("'{name}', lower(hex({r}.{name}))"),
                    _ => format!("'{name}', {r}.{name}"),
                })
                .collect();
            format!("json_object({})", fields.join(", "))
        };
        let id = |r: &str| match table {
            "document_values" => format!("{r}.document_id"),
            _ => format!("{r}.id"),
        };
        let add = |r: &str, change: &str, old: &str, new: &str| {
            format!(
                "INSERT INTO history (at, who, partnership_id, record, record_id, change, old, new) \
                 VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), (SELECT who FROM history_writer), \
                 {}, '{table}', {}, '{change}', {old}, {new});",
                partnership.replace("R.", &format!("{r}.")),
                id(r)
            )
        };
        tx.execute_batch(&format!(
            "CREATE TRIGGER {table}_recorded_insert AFTER INSERT ON {table} BEGIN {} END;
             CREATE TRIGGER {table}_recorded_update AFTER UPDATE ON {table}
             WHEN {} IS NOT {} BEGIN {} END;
             CREATE TRIGGER {table}_recorded_delete AFTER DELETE ON {table} BEGIN {} END;",
            add("NEW", "insert", "NULL", &row("NEW")),
            row("OLD"),
            row("NEW"),
            add("NEW", "update", &row("OLD"), &row("NEW")),
            add("OLD", "delete", &row("OLD"), "NULL"),
        ))?;
    }
    Ok(())
}

impl Store {
    /// The changes to the partnership `id`, newest first (at most `limit`).
    /// On a server, only an administrator reads them: anyone else gets none.
    pub fn history(
        &self,
        id: PartnershipId,
        limit: usize,
    ) -> Result<Vec<HistoryEntry>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let run = || -> crate::connection::Result<Vec<HistoryEntry>> {
            let mut statement = self.conn.prepare(
                "SELECT id, at, who, record, record_id, change, old, new FROM history \
                 WHERE partnership_id = ?1 ORDER BY id DESC LIMIT ?2",
            )?;
            statement
                .query_map([id.0, limit], |row| {
                    let change: String = row.get(5)?;
                    let json = |text: Option<String>| {
                        text.and_then(|t| serde_json::from_str(&t).ok())
                            .unwrap_or(serde_json::Value::Null)
                    };
                    Ok(HistoryEntry {
                        id: row.get(0)?,
                        at: row.get(1)?,
                        who: row.get(2)?,
                        record: row.get(3)?,
                        record_id: row.get(4)?,
                        kind: match change.as_str() {
                            "insert" => HistoryKind::Added,
                            "delete" => HistoryKind::Deleted,
                            _ => HistoryKind::Changed,
                        },
                        old: json(row.get(6)?),
                        new: json(row.get(7)?),
                    })
                })?
                .collect()
        };
        run().map_err(|e| self.error(e))
    }

    /// Whether whoever uses this store may read the history of changes: an
    /// administrator on a server; whoever opened a file.
    pub fn may_read_history(&self) -> bool {
        self.account().is_none_or(|a| a.role.may_read_history())
    }

    /// Names the computer's user as the one making the file's changes.
    pub(crate) fn set_history_writer(&self, who: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE history_writer SET who = ?1 WHERE who IS NOT ?1",
                [who],
            )
            .map(|_| ())
            .map_err(|e| self.error(e))
    }
}
