//! A table described once, beside the table's own module: its name, which
//! rows belong to a partnership, and its columns (those naming other
//! records, then its fields struct's, listed by `fields!`). From that one
//! list every statement is built here, for every table alike: the screens'
//! add, update and load (`…_here`), and the exchange file's read out and
//! write in.
//!
//! A record names other records by their 128-bit ids (uids) in a file, by
//! row ids in the database. A column that refers to another table is read
//! out as that row's uid and written in as the row id of that uid.
//!
//! Apart from the placeholders (`?1` here, `$1` in PostgreSQL), the
//! statements built here are of the kind both engines accept.

use crate::connection::{Connection, Row};
use rusqlite::types::{ToSql, ToSqlOutput, Value, ValueRef};
use uuid::Uuid;

use crate::codes::{Code, Coded};
use partnerpath_core::model::PartnershipId;
use partnerpath_core::model::exchange::{
    Plan, Table as Kind, XActionStep, XAdaptation, XAttachment, XCheckIn, XCycle, XDocument, XGoal,
    XMilestone, XPartnership, XPerson, XRating, XReadinessMember, XReadinessRating,
    XReadinessRound, XReadinessSummary, XStageEntry,
};

/// One table of the exchange file.
pub(crate) struct Table {
    /// The SQL table.
    pub name: &'static str,
    /// Whether its rows name their partnership in `partnership_id`.
    pub owned: bool,
    /// Which rows (as `t`) belong to partnership `?1` and are not in
    /// "Recently deleted".
    pub rows_of: &'static str,
    /// The order they are written out in.
    pub order: &'static str,
    /// The columns after `uid` that name other records (or, for a rating,
    /// say where it belongs), first in a record's values.
    pub refs: &'static [Column],
    /// Then the columns of the record's fields struct, named as its fields
    /// (`Fields::NAMES`).
    pub fields: &'static [&'static str],
    /// Which of those are fixed when the record is made.
    pub fixed: &'static [&'static str],
    /// Then any columns the fields struct does not hold.
    pub extra: &'static [Column],
    /// What else an update from a file sets, e.g. a time stamp.
    pub on_update: &'static str,
}

/// One column of a table.
#[derive(Clone, Copy)]
pub(crate) struct Column {
    pub name: &'static str,
    /// The table whose row it names, if it names one.
    pub refers_to: Option<&'static str>,
    pub written: Written,
}

/// When a file writes a column.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Written {
    /// When the record is new and when the file's version is chosen.
    Always,
    /// Only when the record is new: where it belongs, what it was made with.
    OnCreate,
    /// Always, but a file without the value keeps the one here.
    UnlessAbsent,
}

impl Column {
    /// A value, written always.
    pub const fn value(name: &'static str) -> Column {
        Column {
            name,
            refers_to: None,
            written: Written::Always,
        }
    }

    /// A value fixed when the record is made.
    pub const fn fixed(name: &'static str) -> Column {
        Column {
            name,
            refers_to: None,
            written: Written::OnCreate,
        }
    }

    /// A value a file may leave out, keeping the one here.
    pub const fn unless_absent(name: &'static str) -> Column {
        Column {
            name,
            refers_to: None,
            written: Written::UnlessAbsent,
        }
    }

    /// The record it belongs to, fixed when it is made.
    pub const fn owner(name: &'static str, table: &'static str) -> Column {
        Column {
            name,
            refers_to: Some(table),
            written: Written::OnCreate,
        }
    }

    /// A record it refers to, which an edit may change.
    pub const fn link(name: &'static str, table: &'static str) -> Column {
        Column {
            name,
            refers_to: Some(table),
            written: Written::Always,
        }
    }

    /// How it is read out: a reference as the uid of the row it names.
    fn select(&self) -> String {
        match self.refers_to {
            Some(table) => format!("(SELECT uid FROM {table} WHERE id = t.{})", self.name),
            None => format!("t.{}", self.name),
        }
    }

    /// How parameter `n` is written in: a reference as the row id of a uid.
    fn param(&self, n: usize) -> String {
        match self.refers_to {
            Some(table) => format!("(SELECT id FROM {table} WHERE uid = ?{n})"),
            None => format!("?{n}"),
        }
    }
}

impl Table {
    /// Its columns after `uid`, in the order of a record's values.
    pub fn columns(&self) -> Vec<Column> {
        let fields = self.fields.iter().map(|name| {
            if self.fixed.contains(name) {
                Column::fixed(name)
            } else {
                Column::value(name)
            }
        });
        self.refs
            .iter()
            .copied()
            .chain(fields)
            .chain(self.extra.iter().copied())
            .collect()
    }

    /// Reads the partnership's rows: `uid` then the columns.
    pub fn select_sql(&self) -> String {
        let columns: Vec<String> = self.columns().iter().map(Column::select).collect();
        format!(
            "SELECT t.uid, {} FROM {} t WHERE {} ORDER BY {}",
            columns.join(", "),
            self.name,
            self.rows_of,
            self.order
        )
    }

    /// Adds a record: `?1` its uid, `?2` the partnership's id when the
    /// table is owned, then the columns.
    pub fn insert_sql(&self) -> String {
        let mut names = vec!["uid".to_owned()];
        let mut values = vec!["?1".to_owned()];
        if self.owned {
            names.push("partnership_id".to_owned());
            values.push("?2".to_owned());
        }
        let first = values.len() + 1;
        for (i, column) in self.columns().iter().enumerate() {
            names.push(column.name.to_owned());
            values.push(column.param(first + i));
        }
        format!(
            "INSERT INTO {} ({}) VALUES ({})",
            self.name,
            names.join(", "),
            values.join(", ")
        )
    }

    /// The columns a file's chosen version rewrites, with their places in
    /// a record's values.
    pub fn updated(&self) -> Vec<(usize, Column)> {
        self.columns()
            .into_iter()
            .enumerate()
            .filter(|(_, c)| c.written != Written::OnCreate)
            .collect()
    }

    /// Reads the partnership's rows as the screens hold them: `id`, then
    /// `partnership_id` when the table is owned, then the columns, a
    /// reference as the row id it names.
    pub fn select_here_sql(&self) -> String {
        let owner = if self.owned { "t.partnership_id, " } else { "" };
        let columns: Vec<String> = self
            .columns()
            .iter()
            .map(|c| format!("t.{}", c.name))
            .collect();
        format!(
            "SELECT t.id, {owner}{} FROM {} t WHERE {} ORDER BY {}",
            columns.join(", "),
            self.name,
            self.rows_of,
            self.order
        )
    }

    /// The same rows as `select_here_sql`, of every partnership: the
    /// partnership named as `partnership_id = ?1` in `rows_of` becomes any
    /// partnership. `None` for a table whose rows are not chosen so.
    pub fn select_every_sql(&self) -> Option<String> {
        let every = self
            .rows_of
            .replace("partnership_id = ?1", "partnership_id IS NOT NULL");
        if every.contains("?1") {
            return None;
        }
        Some(self.select_here_sql().replace(self.rows_of, &every))
    }

    /// Adds a record made on a screen: `?1` the partnership's id when the
    /// table is owned, then the columns, a reference by its row id.
    pub fn insert_here_sql(&self) -> String {
        let mut names: Vec<&str> = Vec::new();
        if self.owned {
            names.push("partnership_id");
        }
        names.extend(self.columns().iter().map(|c| c.name));
        let values: Vec<String> = (1..=names.len()).map(|n| format!("?{n}")).collect();
        format!(
            "INSERT INTO {} ({}) VALUES ({})",
            self.name,
            names.join(", "),
            values.join(", ")
        )
    }

    /// Rewrites the record with row id `?1` from a screen: the columns
    /// that are not fixed, in order from `?2`.
    pub fn update_here_sql(&self) -> String {
        let sets: Vec<String> = self
            .updated()
            .iter()
            .enumerate()
            .map(|(i, (_, column))| format!("{} = ?{}", column.name, i + 2))
            .collect();
        format!("UPDATE {} SET {} WHERE id = ?1", self.name, sets.join(", "))
    }

    /// Rewrites the record with uid `?1` from the file: the columns that
    /// are not fixed, in order from `?2`.
    pub fn update_sql(&self) -> String {
        let mut sets: Vec<String> = self
            .updated()
            .iter()
            .enumerate()
            .map(|(i, (_, column))| {
                let value = column.param(i + 2);
                match column.written {
                    Written::UnlessAbsent => {
                        format!("{0} = COALESCE({value}, {0})", column.name)
                    }
                    Written::Always | Written::OnCreate => format!("{} = {value}", column.name),
                }
            })
            .collect();
        if !self.on_update.is_empty() {
            sets.push(self.on_update.to_owned());
        }
        format!(
            "UPDATE {} SET {} WHERE uid = ?1",
            self.name,
            sets.join(", ")
        )
    }
}

/// A record's fields struct (core's `…Fields`), stored in the columns
/// named as its fields.
pub(crate) trait Fields: Sized {
    /// Its fields, in order: the columns they are stored in.
    const NAMES: &'static [&'static str];

    /// Its values, in order.
    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>>;

    /// It, read from a row from column `at` on.
    fn read(row: &Row<'_>, at: usize) -> crate::connection::Result<Self>;
}

/// Stores a fields struct in the columns named as its fields (or as
/// `as` says); a field stored as its code, or as JSON text, says so
/// (`wording: json`):
/// `fields!(CheckInFields { on as checked_on, status: code, note })`.
/// Leaving a field out of the list does not compile.
macro_rules! fields {
    ($fields:ident { $($field:ident $(as $column:ident)? $(: $code:ident)?),* $(,)? }) => {
        impl $crate::table::Fields for $fields {
            const NAMES: &'static [&'static str] =
                &[$($crate::table::fields!(@name $field $(, $column)?)),*];

            fn values(
                &self,
            ) -> crate::connection::Result<Vec<rusqlite::types::ToSqlOutput<'_>>> {
                Ok(vec![$($crate::table::fields!(@out self.$field $(, $code)?)),*])
            }

            fn read(row: &$crate::connection::Row<'_>, at: usize) -> crate::connection::Result<Self> {
                let mut next = at..;
                Ok($fields {
                    $($field: $crate::table::fields!(
                        @get row, next.next().unwrap_or(at) $(, $code)?
                    ),)*
                })
            }
        }
    };
    (@name $field:ident) => {
        stringify!($field)
    };
    (@name $field:ident, $column:ident) => {
        stringify!($column)
    };
    (@out $value:expr) => {
        $crate::table::Output::output(&$value)?
    };
    (@out $value:expr, code) => {
        $crate::table::Output::output($crate::codes::Coded($value))?
    };
    (@out $value:expr, json) => {
        $crate::table::Output::output($crate::table::Json(&$value))?
    };
    (@get $row:expr, $at:expr) => {
        $row.get($at)?
    };
    (@get $row:expr, $at:expr, code) => {
        $row.get::<$crate::codes::Coded<_>>($at)?.0
    };
    (@get $row:expr, $at:expr, json) => {
        $row.get::<$crate::table::Json<_>>($at)?.0
    };
}
pub(crate) use fields;

/// A record of the exchange file, stored in one table.
pub(crate) trait Exchanged: Sized {
    const TABLE: &'static Table;

    /// Its id.
    fn uid(&self) -> Uuid;

    /// Its values, in the order of the table's columns.
    fn values(&self) -> crate::connection::Result<Vec<ToSqlOutput<'_>>>;

    /// A record from a row of `select_sql`: `uid` at 0, then the columns.
    fn read(row: &Row<'_>) -> crate::connection::Result<Self>;

    /// Reads what the table's columns do not hold (a worksheet's values).
    fn complete(_conn: &Connection, _records: &mut [Self]) -> crate::connection::Result<()> {
        Ok(())
    }

    /// Writes what the table's columns do not hold, after the record was
    /// added or rewritten from the file.
    fn written(&self, _conn: &Connection) -> crate::connection::Result<()> {
        Ok(())
    }
}

/// The partnership's records of one table, as the exchange file holds them.
pub(crate) fn read_out<T: Exchanged>(
    conn: &Connection,
    partnership: i64,
) -> crate::connection::Result<Vec<T>> {
    let mut statement = conn.prepare(&T::TABLE.select_sql())?;
    let rows = statement.query_map([partnership], T::read)?;
    let mut records = rows.collect::<crate::connection::Result<Vec<T>>>()?;
    T::complete(conn, &mut records)?;
    Ok(records)
}

/// Writes what `plan` says of `records`: the new ones are added to
/// `partnership`, and those in conflict that the user chose to take from
/// the file rewrite the record here.
pub(crate) fn write_in<T: Exchanged>(
    conn: &Connection,
    partnership: i64,
    records: &[T],
    plan: &Plan,
) -> crate::connection::Result<()> {
    let table = T::TABLE;
    let mut insert = conn.prepare(&table.insert_sql())?;
    let mut update = conn.prepare(&table.update_sql())?;
    let updated = table.updated();
    for record in records {
        let uid = record.uid();
        let values = record.values()?;
        if plan.inserts(uid) {
            let owner = table.owned.then(|| ToSqlOutput::from(partnership));
            let all: Vec<_> = std::iter::once(ToSqlOutput::Owned(Value::from(uid)))
                .chain(owner)
                .chain(values)
                .collect();
            insert.execute(all)?;
        } else if let Some(here) = plan.here_id_taking_file(uid) {
            let chosen = updated.iter().filter_map(|(i, _)| values.get(*i).cloned());
            let all: Vec<_> = std::iter::once(ToSqlOutput::Owned(Value::from(here)))
                .chain(chosen)
                .collect();
            update.execute(all)?;
        } else {
            continue;
        }
        record.written(conn)?;
    }
    Ok(())
}

/// Adds a record made on a screen: `partnership` first when the table is
/// owned, then its values in column order. Returns its row id.
pub(crate) fn insert_here(
    conn: &Connection,
    table: &Table,
    partnership: Option<i64>,
    values: Vec<ToSqlOutput<'_>>,
) -> crate::connection::Result<i64> {
    let owner = partnership.map(ToSqlOutput::from);
    let all: Vec<_> = owner.into_iter().chain(values).collect();
    conn.insert(&table.insert_here_sql(), all)
}

/// Rewrites the record with row id `id` from a screen, given all its
/// values in column order: those that are not fixed are written.
pub(crate) fn update_here(
    conn: &Connection,
    table: &Table,
    id: i64,
    values: &[ToSqlOutput<'_>],
) -> crate::connection::Result<()> {
    let chosen = table
        .updated()
        .into_iter()
        .filter_map(|(i, _)| values.get(i).cloned());
    let all: Vec<_> = std::iter::once(ToSqlOutput::from(id))
        .chain(chosen)
        .collect();
    conn.execute(&table.update_here_sql(), all)?;
    Ok(())
}

/// Whose records to read: one partnership's, or those of every
/// partnership at once (the portfolio, one query per table).
#[derive(Clone, Copy)]
pub(crate) enum Of {
    One(i64),
    Every,
}

impl From<PartnershipId> for Of {
    fn from(id: PartnershipId) -> Of {
        Of::One(id.0)
    }
}

/// The records as the screens hold them, each read by `read` from a row
/// of `select_here_sql` (or `select_every_sql`).
pub(crate) fn select_here<T>(
    conn: &Connection,
    table: &Table,
    of: impl Into<Of>,
    read: impl FnMut(&Row<'_>) -> crate::connection::Result<T>,
) -> crate::connection::Result<Vec<T>> {
    match of.into() {
        Of::One(partnership) => {
            let mut statement = conn.prepare(&table.select_here_sql())?;
            let rows = statement.query_map([partnership], read)?;
            rows.collect()
        }
        Of::Every => {
            let sql = table.select_every_sql().ok_or_else(|| {
                crate::connection::Error::Value(format!(
                    "{} cannot be read for every partnership at once",
                    table.name
                ))
            })?;
            let mut statement = conn.prepare(&sql)?;
            let rows = statement.query_map(rusqlite::params![], read)?;
            rows.collect()
        }
    }
}

/// `names` as columns of the table `alias`: "r.rating, r.concerns".
pub(crate) fn prefixed(alias: &str, names: &[&str]) -> String {
    let columns: Vec<String> = names.iter().map(|n| format!("{alias}.{n}")).collect();
    columns.join(", ")
}

/// The uid of row `id` of `table`.
pub(crate) fn uid_of(conn: &Connection, table: &str, id: i64) -> crate::connection::Result<Uuid> {
    let sql = format!("SELECT uid FROM {table} WHERE id = ?1");
    conn.query_row(&sql, [id], |r| r.get(0))
}

/// The row id of the record `uid` of `table`.
pub(crate) fn row_id(conn: &Connection, table: &str, uid: Uuid) -> crate::connection::Result<i64> {
    let sql = format!("SELECT id FROM {table} WHERE uid = ?1");
    conn.query_row(&sql, [uid], |r| r.get(0))
}

/// Which of `ids` some record of any table already has (of any
/// partnership, deleted or not).
pub(crate) fn uids_in_use(conn: &Connection, ids: &[Uuid]) -> crate::connection::Result<Vec<Uuid>> {
    let mut used = Vec::new();
    let mut statements = Kind::ALL
        .iter()
        .map(|t| conn.prepare(&format!("SELECT 1 FROM {} WHERE uid = ?1", sql_table(*t))))
        .collect::<crate::connection::Result<Vec<_>>>()?;
    for id in ids {
        for statement in &mut statements {
            if statement.exists([id])? {
                used.push(*id);
                break;
            }
        }
    }
    Ok(used)
}

/// The table that holds each kind of record.
fn sql_table(table: Kind) -> &'static str {
    match table {
        Kind::Partnership => XPartnership::TABLE.name,
        Kind::Person => XPerson::TABLE.name,
        Kind::Adaptation => XAdaptation::TABLE.name,
        Kind::Cycle => XCycle::TABLE.name,
        Kind::Rating => XRating::TABLE.name,
        Kind::StageEntry => XStageEntry::TABLE.name,
        Kind::ReadinessRound => XReadinessRound::TABLE.name,
        Kind::ReadinessMember => XReadinessMember::TABLE.name,
        Kind::ReadinessRating => XReadinessRating::TABLE.name,
        Kind::ReadinessSummary => XReadinessSummary::TABLE.name,
        Kind::Document => XDocument::TABLE.name,
        Kind::Goal => XGoal::TABLE.name,
        Kind::Milestone => XMilestone::TABLE.name,
        Kind::CheckIn => XCheckIn::TABLE.name,
        Kind::ActionStep => XActionStep::TABLE.name,
        Kind::Attachment => XAttachment::TABLE.name,
    }
}

/// A value as a statement's parameter: a field by reference, or a kind or
/// status as its code.
pub(crate) trait Output<'a> {
    fn output(self) -> crate::connection::Result<ToSqlOutput<'a>>;
}

impl<'a, T: ToSql + ?Sized> Output<'a> for &'a T {
    fn output(self) -> crate::connection::Result<ToSqlOutput<'a>> {
        Ok(self.to_sql()?)
    }
}

impl<'a, T: Code> Output<'a> for Coded<T> {
    fn output(self) -> crate::connection::Result<ToSqlOutput<'a>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Text(
            self.0.code().as_bytes(),
        )))
    }
}

/// A value stored as JSON text: `row.get::<Json<Wording>>(3)?.0`.
pub(crate) struct Json<T>(pub T);

impl<'a, T: serde::Serialize> Output<'a> for Json<&'a T> {
    fn output(self) -> crate::connection::Result<ToSqlOutput<'a>> {
        serde_json::to_string(self.0)
            .map(|text| ToSqlOutput::Owned(Value::Text(text)))
            .map_err(|e| crate::connection::Error::Value(e.to_string()))
    }
}

impl<T: serde::de::DeserializeOwned> rusqlite::types::FromSql for Json<T> {
    fn column_result(value: ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        serde_json::from_str(value.as_str()?)
            .map(Json)
            .map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
    }
}

/// A record's values, in its table's column order:
/// `values![&self.name, Coded(self.side)]`.
macro_rules! values {
    ($($value:expr),* $(,)?) => {
        Ok::<_, $crate::connection::Error>(vec![$($crate::table::Output::output($value)?),*])
    };
}
pub(crate) use values;

#[cfg(test)]
mod tests {
    use super::*;

    const T: Table = Table {
        name: "milestones",
        owned: true,
        rows_of: "t.partnership_id = ?1",
        order: "t.id",
        refs: &[Column::link("serves_goal_id", "goals")],
        fields: &["milestone", "started_on"],
        fixed: &["started_on"],
        extra: &[Column::unless_absent("changed_on")],
        on_update: "updated_at = 'now'",
    };

    #[test]
    fn the_sql_is_built_from_the_one_column_list() {
        assert_eq!(
            T.select_sql(),
            "SELECT t.uid, (SELECT uid FROM goals WHERE id = t.serves_goal_id), t.milestone, \
             t.started_on, t.changed_on FROM milestones t WHERE t.partnership_id = ?1 ORDER BY t.id"
        );
        assert_eq!(
            T.insert_sql(),
            "INSERT INTO milestones (uid, partnership_id, serves_goal_id, milestone, started_on, \
             changed_on) VALUES (?1, ?2, (SELECT id FROM goals WHERE uid = ?3), ?4, ?5, ?6)"
        );
        assert_eq!(
            T.update_sql(),
            "UPDATE milestones SET serves_goal_id = (SELECT id FROM goals WHERE uid = ?2), \
             milestone = ?3, changed_on = COALESCE(?4, changed_on), updated_at = 'now' WHERE uid = ?1"
        );
        assert_eq!(
            T.select_here_sql(),
            "SELECT t.id, t.partnership_id, t.serves_goal_id, t.milestone, t.started_on, \
             t.changed_on FROM milestones t WHERE t.partnership_id = ?1 ORDER BY t.id"
        );
        assert_eq!(
            T.select_every_sql().as_deref(),
            Some(
                "SELECT t.id, t.partnership_id, t.serves_goal_id, t.milestone, t.started_on, \
                 t.changed_on FROM milestones t WHERE t.partnership_id IS NOT NULL ORDER BY t.id"
            )
        );
        assert_eq!(
            T.insert_here_sql(),
            "INSERT INTO milestones (partnership_id, serves_goal_id, milestone, started_on, \
             changed_on) VALUES (?1, ?2, ?3, ?4, ?5)"
        );
        assert_eq!(
            T.update_here_sql(),
            "UPDATE milestones SET serves_goal_id = ?2, milestone = ?3, changed_on = ?4 WHERE id = ?1"
        );
    }
}
