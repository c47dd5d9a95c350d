//! One connection to the database, whichever engine holds it: a SQLite file
//! on this computer, or a PostgreSQL server (`server`). Every module of the
//! store speaks through it, with the same statements for both engines:
//!
//! - parameters are written `?1`, `?2`, …, and become `$1`, `$2`, … on the
//!   server;
//! - values are SQLite's (`rusqlite::types::Value`: null, integer, real,
//!   text, blob), converted on the server to and from the column's type
//!   (`Param`, `Read`): a blob of 16 bytes is a `uuid`, an integer a
//!   `smallint`, `integer` or `bigint`;
//! - the few SQLite functions the statements use (`strftime`, `julianday`,
//!   `json_valid`, the `date('now')` cast) exist on the server as functions
//!   of the same name (`server_schema.rs`);
//! - a record just added reports its id with `RETURNING id` (`insert`).

#![expect(
    clippy::needless_pass_by_value,
    reason = "parameters are taken by value, as rusqlite takes them, so that a call reads \
              `conn.execute(sql, [id])`"
)]

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use rusqlite::types::{FromSql, ToSql, ToSqlOutput, Value, ValueRef};

/// What a statement failed with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Postgres(#[from] postgres::Error),
    /// A statement that must find one row found none.
    #[error("no row was found")]
    NoRows,
    /// A value that could not be read or written as its column's type.
    #[error("{0}")]
    Value(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// A statement's parameters, in order: `params![a, b]`, `[id]`, or the
/// values of a record.
pub(crate) trait Params {
    fn values(&self) -> Vec<&dyn ToSql>;
}

impl Params for &[&dyn ToSql] {
    fn values(&self) -> Vec<&dyn ToSql> {
        self.to_vec()
    }
}

impl<T: ToSql, const N: usize> Params for [T; N] {
    fn values(&self) -> Vec<&dyn ToSql> {
        self.iter().map(|v| v as &dyn ToSql).collect()
    }
}

impl Params for Vec<ToSqlOutput<'_>> {
    fn values(&self) -> Vec<&dyn ToSql> {
        self.iter().map(|v| v as &dyn ToSql).collect()
    }
}

/// `Ok(None)` for a statement that found no row.
pub(crate) trait Optional<T> {
    fn optional(self) -> Result<Option<T>>;
}

impl<T> Optional<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(value) => Ok(Some(value)),
            Err(Error::NoRows) => Ok(None),
            Err(error) => Err(error),
        }
    }
}

/// An open connection.
pub(crate) enum Connection {
    Sqlite(rusqlite::Connection),
    Postgres(Box<Server>),
}

/// A connection to a PostgreSQL server, with the statements it has
/// prepared, and how many transactions are open inside each other.
pub(crate) struct Server {
    client: RefCell<postgres::Client>,
    prepared: RefCell<HashMap<String, postgres::Statement>>,
    depth: Cell<u32>,
}

impl Server {
    pub fn new(client: postgres::Client) -> Server {
        Server {
            client: RefCell::new(client),
            prepared: RefCell::new(HashMap::new()),
            depth: Cell::new(0),
        }
    }

    /// Whether the connection was lost (the server stopped, or ended it).
    pub fn is_closed(&self) -> bool {
        self.client.borrow().is_closed()
    }

    /// Prepares `sql` (in SQLite's spelling) once per connection.
    fn prepare(&self, sql: &str) -> Result<postgres::Statement> {
        if let Some(statement) = self.prepared.borrow().get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.borrow_mut().prepare(&numbered(sql))?;
        self.prepared
            .borrow_mut()
            .insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }

    fn query(&self, sql: &str, params: &impl Params) -> Result<Vec<Vec<Value>>> {
        let statement = self.prepare(sql)?;
        let params = server_params(params)?;
        let rows = self
            .client
            .borrow_mut()
            .query(&statement, &server_refs(&params))?;
        rows.iter()
            .map(|row| {
                (0..row.len())
                    .map(|i| Ok(row.try_get::<_, Read>(i)?.0))
                    .collect()
            })
            .collect()
    }

    fn execute(&self, sql: &str, params: &impl Params) -> Result<usize> {
        let statement = self.prepare(sql)?;
        let params = server_params(params)?;
        let count = self
            .client
            .borrow_mut()
            .execute(&statement, &server_refs(&params))?;
        usize::try_from(count).map_err(|e| Error::Value(e.to_string()))
    }
}

/// A row a statement found.
pub(crate) struct Row<'a>(Found<'a>);

enum Found<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Values(&'a [Value]),
}

impl Row<'_> {
    /// Column `i`, as `T`.
    pub fn get<T: FromSql>(&self, i: usize) -> Result<T> {
        match &self.0 {
            Found::Sqlite(row) => Ok(row.get(i)?),
            Found::Values(values) => {
                let value = values
                    .get(i)
                    .ok_or_else(|| Error::Value(format!("there is no column {i}")))?;
                T::column_result(ValueRef::from(value))
                    .map_err(|e| Error::Value(format!("column {i}: {e}")))
            }
        }
    }
}

/// A statement, prepared once and run as often as needed.
pub(crate) struct Statement<'c> {
    prepared: Prepared<'c>,
}

enum Prepared<'c> {
    Sqlite(rusqlite::CachedStatement<'c>),
    Postgres(&'c Server, String),
}

impl Statement<'_> {
    /// The rows found, each read by `read`.
    pub fn query_map<T>(
        &mut self,
        params: impl Params,
        mut read: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<std::vec::IntoIter<Result<T>>> {
        match &mut self.prepared {
            Prepared::Sqlite(statement) => {
                let mut rows = statement.query(params.values().as_slice())?;
                let mut found = Vec::new();
                while let Some(row) = rows.next()? {
                    found.push(read(&Row(Found::Sqlite(row))));
                }
                Ok(found.into_iter())
            }
            Prepared::Postgres(server, sql) => {
                let rows = server.query(sql, &params)?;
                let found: Vec<Result<T>> = rows
                    .iter()
                    .map(|values| read(&Row(Found::Values(values))))
                    .collect();
                Ok(found.into_iter())
            }
        }
    }

    /// Runs it; says how many rows it changed.
    pub fn execute(&mut self, params: impl Params) -> Result<usize> {
        match &mut self.prepared {
            Prepared::Sqlite(statement) => Ok(statement.execute(params.values().as_slice())?),
            Prepared::Postgres(server, sql) => server.execute(sql, &params),
        }
    }

    /// Whether it finds a row.
    pub fn exists(&mut self, params: impl Params) -> Result<bool> {
        match &mut self.prepared {
            Prepared::Sqlite(statement) => Ok(statement.exists(params.values().as_slice())?),
            Prepared::Postgres(server, sql) => Ok(!server.query(sql, &params)?.is_empty()),
        }
    }
}

impl Connection {
    /// Prepares `sql`.
    pub fn prepare(&self, sql: &str) -> Result<Statement<'_>> {
        let prepared = match self {
            Connection::Sqlite(conn) => Prepared::Sqlite(conn.prepare_cached(sql)?),
            Connection::Postgres(server) => Prepared::Postgres(server, sql.to_owned()),
        };
        Ok(Statement { prepared })
    }

    /// Runs `sql`; says how many rows it changed.
    pub fn execute(&self, sql: &str, params: impl Params) -> Result<usize> {
        match self {
            Connection::Sqlite(conn) => Ok(conn
                .prepare_cached(sql)?
                .execute(params.values().as_slice())?),
            Connection::Postgres(server) => server.execute(sql, &params),
        }
    }

    /// The first row `sql` finds, read by `read`; `Error::NoRows` if none.
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        read: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        match self {
            Connection::Sqlite(conn) => {
                let mut statement = conn.prepare_cached(sql)?;
                let mut rows = statement.query(params.values().as_slice())?;
                match rows.next()? {
                    Some(row) => read(&Row(Found::Sqlite(row))),
                    None => Err(Error::NoRows),
                }
            }
            Connection::Postgres(server) => {
                let rows = server.query(sql, &params)?;
                match rows.first() {
                    Some(values) => read(&Row(Found::Values(values))),
                    None => Err(Error::NoRows),
                }
            }
        }
    }

    /// Every row `sql` finds, whole, with the names of its columns: for
    /// keeping rows as they are, whatever their table (`removed`).
    pub fn query_named(
        &self,
        sql: &str,
        params: impl Params,
    ) -> Result<(Vec<String>, Vec<Vec<Value>>)> {
        match self {
            Connection::Sqlite(conn) => {
                let mut statement = conn.prepare_cached(sql)?;
                let names: Vec<String> = statement
                    .column_names()
                    .into_iter()
                    .map(str::to_owned)
                    .collect();
                let mut rows = statement.query(params.values().as_slice())?;
                let mut found = Vec::new();
                while let Some(row) = rows.next()? {
                    found.push(
                        (0..names.len())
                            .map(|i| row.get::<_, Value>(i))
                            .collect::<rusqlite::Result<Vec<Value>>>()?,
                    );
                }
                Ok((names, found))
            }
            Connection::Postgres(server) => {
                let names = server
                    .prepare(sql)?
                    .columns()
                    .iter()
                    .map(|c| c.name().to_owned())
                    .collect();
                Ok((names, server.query(sql, &params)?))
            }
        }
    }

    /// Adds a row with `sql` (an `INSERT` of one row) and returns its id.
    pub fn insert(&self, sql: &str, params: impl Params) -> Result<i64> {
        self.query_row(&format!("{sql} RETURNING id"), params, |row| row.get(0))
    }

    /// Runs `work` in one transaction, inside any already open: all of it
    /// is stored, or none.
    pub fn transaction<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.begin()?;
        match work(self) {
            Ok(value) => {
                self.commit()?;
                Ok(value)
            }
            Err(error) => {
                // The error that stopped the work is the one to report.
                let _undone = self.rollback();
                Err(error)
            }
        }
    }

    /// Opens a transaction (a savepoint inside one already open).
    pub fn begin(&self) -> Result<()> {
        match self {
            Connection::Sqlite(conn) => Ok(conn.execute_batch("SAVEPOINT work")?),
            Connection::Postgres(server) => {
                let depth = server.depth.get();
                let sql = if depth == 0 {
                    "BEGIN"
                } else {
                    "SAVEPOINT work"
                };
                server.client.borrow_mut().batch_execute(sql)?;
                server.depth.set(depth + 1);
                Ok(())
            }
        }
    }

    /// Stores what the innermost open transaction did.
    pub fn commit(&self) -> Result<()> {
        match self {
            Connection::Sqlite(conn) => Ok(conn.execute_batch("RELEASE work")?),
            Connection::Postgres(server) => {
                let depth = server.depth.get().saturating_sub(1);
                server.depth.set(depth);
                let sql = if depth == 0 { "COMMIT" } else { "RELEASE work" };
                Ok(server.client.borrow_mut().batch_execute(sql)?)
            }
        }
    }

    /// Undoes what the innermost open transaction did.
    pub fn rollback(&self) -> Result<()> {
        match self {
            Connection::Sqlite(conn) => Ok(conn.execute_batch("ROLLBACK TO work; RELEASE work")?),
            Connection::Postgres(server) => {
                let depth = server.depth.get().saturating_sub(1);
                server.depth.set(depth);
                let sql = if depth == 0 {
                    "ROLLBACK"
                } else {
                    "ROLLBACK TO work; RELEASE work"
                };
                Ok(server.client.borrow_mut().batch_execute(sql)?)
            }
        }
    }

    /// The SQLite connection, for what only a file has (backups, pragmas).
    pub fn sqlite(&self) -> Option<&rusqlite::Connection> {
        match self {
            Connection::Sqlite(conn) => Some(conn),
            Connection::Postgres(_) => None,
        }
    }

    /// The same, to restore a backup over it.
    pub fn sqlite_mut(&mut self) -> Option<&mut rusqlite::Connection> {
        match self {
            Connection::Sqlite(conn) => Some(conn),
            Connection::Postgres(_) => None,
        }
    }
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Connection::Sqlite(conn) => conn.fmt(f),
            Connection::Postgres(_) => f.write_str("PostgreSQL connection"),
        }
    }
}

/// `sql` with SQLite's `?N` parameters written `$N`, outside quoted text.
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => out.push('$'),
            _ => out.push(c),
        }
    }
    out
}

/// The parameters as values the server converts to its columns' types.
fn server_params(params: &impl Params) -> Result<Vec<Param>> {
    params
        .values()
        .iter()
        .map(|p| {
            let value = match p.to_sql()? {
                ToSqlOutput::Borrowed(value) => match value {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(i) => Value::Integer(i),
                    ValueRef::Real(r) => Value::Real(r),
                    ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Value::Blob(b.to_vec()),
                },
                ToSqlOutput::Owned(value) => value,
                other => {
                    return Err(Error::Value(format!(
                        "a value of this kind cannot be sent to the server: {other:?}"
                    )));
                }
            };
            Ok(Param(value))
        })
        .collect()
}

/// The parameters as the client takes them.
fn server_refs(params: &[Param]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|p| p as &(dyn postgres::types::ToSql + Sync))
        .collect()
}

/// A SQLite value sent to a server column of whatever type the server
/// says the parameter has.
#[derive(Debug)]
struct Param(Value);

type Boxed = Box<dyn std::error::Error + Sync + Send>;

impl postgres::types::ToSql for Param {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<postgres::types::IsNull, Boxed> {
        use postgres::types::{IsNull, Type};
        match (&self.0, ty) {
            (Value::Null, _) => return Ok(IsNull::Yes),
            (Value::Integer(i), &Type::INT8) => put(&i, ty, out)?,
            (Value::Integer(i), &Type::INT4) => put(&i32::try_from(*i)?, ty, out)?,
            (Value::Integer(i), &Type::INT2) => put(&i16::try_from(*i)?, ty, out)?,
            (Value::Integer(i), &Type::BOOL) => put(&(*i != 0), ty, out)?,
            #[expect(
                clippy::cast_precision_loss,
                reason = "counts and day numbers, far below 2^52"
            )]
            (Value::Integer(i), &Type::FLOAT8) => put(&(*i as f64), ty, out)?,
            (Value::Integer(i), &Type::TEXT | &Type::VARCHAR) => put(&i.to_string(), ty, out)?,
            (Value::Real(r), &Type::FLOAT8) => put(&r, ty, out)?,
            (Value::Text(text), &Type::TEXT | &Type::VARCHAR | &Type::BPCHAR | &Type::NAME) => {
                put(text, ty, out)?;
            }
            (Value::Text(text), &Type::JSON) => out.extend_from_slice(text.as_bytes()),
            (Value::Text(text), &Type::JSONB) => {
                out.extend_from_slice(&[1]);
                out.extend_from_slice(text.as_bytes());
            }
            (Value::Blob(bytes), &Type::BYTEA) => put(&bytes, ty, out)?,
            (Value::Blob(bytes), &Type::UUID) if bytes.len() == 16 => out.extend_from_slice(bytes),
            (value, ty) => {
                return Err(format!("{:?} cannot be written as {ty}", value.data_type()).into());
            }
        }
        Ok(IsNull::No)
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// Writes `value` as the server's type `ty`.
fn put<T: postgres::types::ToSql>(
    value: &T,
    ty: &postgres::types::Type,
    out: &mut bytes::BytesMut,
) -> std::result::Result<(), Boxed> {
    postgres::types::ToSql::to_sql(value, ty, out).map(|_| ())
}

/// A server value read as the SQLite value of the same meaning.
struct Read(Value);

impl<'a> postgres::types::FromSql<'a> for Read {
    fn from_sql(ty: &postgres::types::Type, raw: &'a [u8]) -> std::result::Result<Read, Boxed> {
        use postgres::types::Type;
        Ok(Read(match *ty {
            Type::INT8 => Value::Integer(i64::from_sql(ty, raw)?),
            Type::INT4 => Value::Integer(i32::from_sql(ty, raw)?.into()),
            Type::INT2 => Value::Integer(i16::from_sql(ty, raw)?.into()),
            Type::BOOL => Value::Integer(bool::from_sql(ty, raw)?.into()),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Value::Real(f32::from_sql(ty, raw)?.into()),
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::JSON => {
                Value::Text(String::from_sql(ty, raw)?)
            }
            Type::JSONB => Value::Text(String::from_utf8(raw.get(1..).unwrap_or(&[]).to_vec())?),
            Type::BYTEA | Type::UUID => Value::Blob(raw.to_vec()),
            ref other => return Err(format!("a {other} column cannot be read").into()),
        }))
    }

    fn from_sql_null(_: &postgres::types::Type) -> std::result::Result<Read, Boxed> {
        Ok(Read(Value::Null))
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_numbered_outside_quoted_text() {
        assert_eq!(
            numbered("SELECT ?1, '?2' || ?3 WHERE x = '''?'"),
            "SELECT $1, '?2' || $3 WHERE x = '''?'"
        );
    }
}
