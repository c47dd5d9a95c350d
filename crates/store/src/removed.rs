//! What a delete removed from the file, kept so that undoing the delete
//! puts every record back with its id and uid (`Command::Reinstate`).
//!
//! The records PartnerPath deletes for good at once (a person, a stage,
//! a readiness team member, an action step, a goal, a milestone, a check-in,
//! an adaptation, and a cycle whose start is undone) take others with them by the schema's `ON DELETE` rules: a
//! person's ratings, a goal's objectives, a milestone's check-ins. Before
//! the delete, in the same transaction, those rows are read whole, in the
//! order they are to be put back (each after the row it names), and kept
//! in the table `removed` as JSON; so are the milestones whose goal is set
//! to none. Putting them back inserts the same rows; removing them again
//! (redo) reads them afresh, with anything added since.

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::{Store, StoreError};
use crate::connection::{self, Connection};
use partnerpath_core::model::{KEPT_FOR_DAYS, RemovedId};

/// A table whose rows name a row of `parent` in `column`, and what the
/// schema does to them when that row is deleted: delete them too
/// (`cascade`), or set the column to none.
struct Child {
    table: &'static str,
    column: &'static str,
    parent: &'static str,
    cascade: bool,
}

/// Every reference to a table whose rows are deleted for good (a test
/// reads the schema's own list against it).
const CHILDREN: &[Child] = &[
    Child {
        table: "ratings",
        column: "cycle_id",
        parent: "cycles",
        cascade: true,
    },
    Child {
        table: "attachments",
        column: "cycle_id",
        parent: "cycles",
        cascade: true,
    },
    Child {
        table: "ratings",
        column: "person_id",
        parent: "people",
        cascade: true,
    },
    Child {
        table: "readiness_ratings",
        column: "member_id",
        parent: "readiness_members",
        cascade: true,
    },
    Child {
        table: "goals",
        column: "goal_id",
        parent: "goals",
        cascade: true,
    },
    Child {
        table: "milestones",
        column: "serves_goal_id",
        parent: "goals",
        cascade: false,
    },
    Child {
        table: "check_ins",
        column: "milestone_id",
        parent: "milestones",
        cascade: true,
    },
    Child {
        table: "action_steps",
        column: "milestone_id",
        parent: "milestones",
        cascade: true,
    },
    Child {
        table: "attachments",
        column: "milestone_id",
        parent: "milestones",
        cascade: true,
    },
];

/// The tables whose rows are deleted for good, with how each finds its
/// partnership (for the kept rows' own partnership, which the server's
/// row-level security reads).
const ROOTS: &[(&str, &str)] = &[
    ("cycles", "partnership_id"),
    ("people", "partnership_id"),
    ("stage_entries", "partnership_id"),
    (
        "readiness_members",
        "(SELECT r.partnership_id FROM readiness_rounds r WHERE r.id = round_id)",
    ),
    ("action_steps", "partnership_id"),
    ("goals", "partnership_id"),
    ("milestones", "partnership_id"),
    (
        "check_ins",
        "(SELECT m.partnership_id FROM milestones m WHERE m.id = milestone_id)",
    ),
    ("adaptations", "partnership_id"),
];

/// Tables whose rows are known by what they rate (a cycle's indicator and
/// rater; a member's category), not by their row id, which nothing names.
/// A file may have given such a row's id to a new row since (SQLite reuses
/// the highest id once it is gone), so these come back with a new one.
const RENUMBERED: &[&str] = &["ratings", "readiness_ratings"];

/// What a delete removed, as kept.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Kept {
    /// The table the delete was of, and the rows it named.
    table: String,
    ids: Vec<i64>,
    /// Every row removed, parents first.
    rows: Vec<KeptRow>,
    /// Rows whose reference was set to none: (table, column, id, value).
    nulled: Vec<(String, String, i64, i64)>,
}

#[derive(Debug, Serialize, Deserialize)]
struct KeptRow {
    table: String,
    columns: Vec<String>,
    values: Vec<Cell>,
}

/// A value of a kept row, as JSON keeps it without loss.
#[derive(Debug, Serialize, Deserialize)]
enum Cell {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    /// Bytes, as hexadecimal digits.
    Blob(String),
}

impl From<Value> for Cell {
    fn from(value: Value) -> Cell {
        match value {
            Value::Null => Cell::Null,
            Value::Integer(i) => Cell::Integer(i),
            Value::Real(r) => Cell::Real(r),
            Value::Text(t) => Cell::Text(t),
            Value::Blob(bytes) => Cell::Blob(bytes.iter().map(|b| format!("{b:02x}")).collect()),
        }
    }
}

impl Cell {
    fn value(&self) -> connection::Result<Value> {
        Ok(match self {
            Cell::Null => Value::Null,
            Cell::Integer(i) => Value::Integer(*i),
            Cell::Real(r) => Value::Real(*r),
            Cell::Text(t) => Value::Text(t.clone()),
            Cell::Blob(hex) => Value::Blob(
                (0..hex.len())
                    .step_by(2)
                    .map(|i| {
                        hex.get(i..i + 2)
                            .and_then(|pair| u8::from_str_radix(pair, 16).ok())
                    })
                    .collect::<Option<Vec<u8>>>()
                    .ok_or_else(|| connection::Error::Value("kept bytes are damaged".into()))?,
            ),
        })
    }
}

/// `?1, ?2, …` for `n` values.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn params(ids: &[i64]) -> Vec<rusqlite::types::ToSqlOutput<'_>> {
    ids.iter()
        .map(|id| rusqlite::types::ToSqlOutput::from(*id))
        .collect()
}

/// The ids of `table`'s rows whose `column` names one of `ids`.
fn naming(
    conn: &Connection,
    table: &str,
    column: &str,
    ids: &[i64],
) -> connection::Result<Vec<(i64, i64)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT id, {column} FROM {table} WHERE {column} IN ({}) ORDER BY id",
        placeholders(ids.len())
    );
    let mut statement = conn.prepare(&sql)?;
    statement
        .query_map(params(ids), |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect()
}

/// Reads `table`'s rows `ids`, then those the delete takes with them.
fn collect(conn: &Connection, table: &str, ids: &[i64], kept: &mut Kept) -> connection::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "SELECT * FROM {table} WHERE id IN ({}) ORDER BY id",
        placeholders(ids.len())
    );
    let (columns, rows) = conn.query_named(&sql, params(ids))?;
    for values in rows {
        kept.rows.push(KeptRow {
            table: table.to_owned(),
            columns: columns.clone(),
            values: values.into_iter().map(Cell::from).collect(),
        });
    }
    for child in CHILDREN.iter().filter(|c| c.parent == table) {
        let found = naming(conn, child.table, child.column, ids)?;
        if child.cascade {
            let ids: Vec<i64> = found.iter().map(|(id, _)| *id).collect();
            collect(conn, child.table, &ids, kept)?;
        } else {
            kept.nulled.extend(
                found.into_iter().map(|(id, value)| {
                    (child.table.to_owned(), child.column.to_owned(), id, value)
                }),
            );
        }
    }
    Ok(())
}

/// Deletes `table`'s rows `ids` with what goes with them, keeping it all;
/// `None` when none of them was there (nothing changed).
pub(crate) fn remove(
    conn: &Connection,
    table: &str,
    ids: &[i64],
    into: Option<RemovedId>,
) -> connection::Result<Option<RemovedId>> {
    let mut kept = Kept {
        table: table.to_owned(),
        ids: ids.to_vec(),
        ..Kept::default()
    };
    collect(conn, table, ids, &mut kept)?;
    if kept.rows.is_empty() {
        return Ok(None);
    }
    let owner = ROOTS
        .iter()
        .find(|(root, _)| *root == table)
        .map(|(_, owner)| *owner)
        .ok_or_else(|| connection::Error::Value(format!("{table} is not deleted for good")))?;
    let first = ids.first().copied().unwrap_or_default();
    let partnership: i64 = conn.query_row(
        &format!("SELECT {owner} FROM {table} WHERE id = ?1"),
        [first],
        |row| row.get(0),
    )?;
    let json = serde_json::to_string(&kept).map_err(|e| connection::Error::Value(e.to_string()))?;
    let n = ids.len();
    conn.execute(
        &format!("DELETE FROM {table} WHERE id IN ({})", placeholders(n)),
        params(ids),
    )?;
    match into {
        Some(id) => {
            conn.execute(
                "UPDATE removed SET kept = ?2, removed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                 WHERE id = ?1",
                rusqlite::params![id.0, json],
            )?;
            Ok(Some(id))
        }
        None => conn
            .insert(
                "INSERT INTO removed (partnership_id, kept) VALUES (?1, ?2)",
                rusqlite::params![partnership, json],
            )
            .map(|id| Some(RemovedId(id))),
    }
}

impl Store {
    /// Deletes `table`'s rows `ids` for good, keeping them for undo.
    pub(crate) fn remove(
        &mut self,
        table: &str,
        ids: &[i64],
    ) -> Result<Option<RemovedId>, StoreError> {
        self.write(|conn| remove(conn, table, ids, None))
    }

    /// Deletes `table`'s rows chosen by `which` (`SELECT id …`, with `?1`
    /// the id given) for good, keeping them for undo.
    pub(crate) fn remove_where(
        &mut self,
        table: &str,
        which: &str,
        id: i64,
    ) -> Result<Option<RemovedId>, StoreError> {
        self.write(|conn| {
            let mut statement = conn.prepare(which)?;
            let ids = statement
                .query_map([id], |row| row.get(0))?
                .collect::<connection::Result<Vec<i64>>>()?;
            remove(conn, table, &ids, None)
        })
    }

    /// Puts back what `id` kept, with the same ids.
    pub fn reinstate(&mut self, id: RemovedId) -> Result<(), StoreError> {
        self.write(|conn| {
            let json: Option<String> =
                conn.query_row("SELECT kept FROM removed WHERE id = ?1", [id.0], |row| {
                    row.get(0)
                })?;
            let kept: Kept = serde_json::from_str(json.as_deref().unwrap_or("{}"))
                .map_err(|e| connection::Error::Value(e.to_string()))?;
            if kept.rows.is_empty() {
                return Err(connection::Error::NoRows);
            }
            for row in &kept.rows {
                let renumbered = RENUMBERED.contains(&row.table.as_str());
                let (columns, values): (Vec<&str>, Vec<_>) = row
                    .columns
                    .iter()
                    .zip(&row.values)
                    .filter(|(column, _)| !(renumbered && *column == "id"))
                    .map(|(column, cell)| (column.as_str(), cell))
                    .unzip();
                let values = values
                    .into_iter()
                    .map(|cell| cell.value().map(rusqlite::types::ToSqlOutput::Owned))
                    .collect::<connection::Result<Vec<_>>>()?;
                conn.execute(
                    &format!(
                        "INSERT INTO {} ({}) VALUES ({})",
                        row.table,
                        columns.join(", "),
                        placeholders(values.len())
                    ),
                    values,
                )?;
            }
            for (table, column, row, value) in &kept.nulled {
                conn.execute(
                    &format!("UPDATE {table} SET {column} = ?2 WHERE id = ?1"),
                    [row, value],
                )?;
            }
            // Kept for redo: the table and ids, not the rows now back.
            let emptied = Kept {
                table: kept.table,
                ids: kept.ids,
                ..Kept::default()
            };
            let json = serde_json::to_string(&emptied)
                .map_err(|e| connection::Error::Value(e.to_string()))?;
            conn.execute(
                "UPDATE removed SET kept = ?2 WHERE id = ?1",
                rusqlite::params![id.0, json],
            )?;
            Ok(())
        })
    }

    /// Removes again what `reinstate` put back (redo), as it is now.
    pub fn remove_again(&mut self, id: RemovedId) -> Result<(), StoreError> {
        self.write(|conn| {
            let json: String =
                conn.query_row("SELECT kept FROM removed WHERE id = ?1", [id.0], |row| {
                    row.get(0)
                })?;
            let kept: Kept =
                serde_json::from_str(&json).map_err(|e| connection::Error::Value(e.to_string()))?;
            if !kept.rows.is_empty() {
                // Not put back: there is nothing to remove.
                return Err(connection::Error::NoRows);
            }
            remove(conn, &kept.table, &kept.ids, Some(id))?.ok_or(connection::Error::NoRows)?;
            Ok(())
        })
    }

    /// Forgets what was kept for undo more than 30 days ago.
    pub(crate) fn purge_removed(conn: &Connection) -> connection::Result<usize> {
        conn.execute(
            "DELETE FROM removed WHERE julianday(removed_at) < julianday('now') - ?1",
            [KEPT_FOR_DAYS],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every reference the schema makes to a table deleted for good is
    /// one `CHILDREN` follows, with the same rule.
    #[test]
    fn every_reference_to_a_table_deleted_for_good_is_followed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("schema.sqlite")).expect("store");
        let conn = store.conn.sqlite().expect("a file");
        let mut tables = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
            .expect("tables");
        let tables: Vec<String> = tables
            .query_map([], |row| row.get(0))
            .expect("names")
            .collect::<rusqlite::Result<_>>()
            .expect("names");
        let mut found = Vec::new();
        for table in &tables {
            let mut keys = conn
                .prepare(&format!(
                    "SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list('{table}')"
                ))
                .expect("keys");
            let rows = keys
                .query_map([], |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                    ))
                })
                .expect("keys");
            for row in rows {
                let (parent, column, on_delete) = row.expect("key");
                if ROOTS.iter().any(|(root, _)| *root == parent) {
                    found.push((table.clone(), column, parent, on_delete == "CASCADE"));
                }
            }
        }
        found.sort();
        let mut listed: Vec<(String, String, String, bool)> = CHILDREN
            .iter()
            .map(|c| (c.table.into(), c.column.into(), c.parent.into(), c.cascade))
            .collect();
        listed.sort();
        assert_eq!(found, listed);
    }
}
