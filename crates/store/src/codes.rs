//! The codes a kind or status is stored as ("educator_preparation",
//! "district", "open"), read and written in one place: `Coded<T>` is a value
//! rusqlite reads and writes as its code, and a code this program does not
//! know is an error naming it, not a guess.

use partnerpath_core::model::{ActionStatus, CheckInStatus, CycleStatus, PartnerKind, Side, Team};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

/// A kind or status with a stored code for each of its values.
pub(crate) trait Code: Copy + 'static {
    /// Every value, so that a code is read back by finding it.
    const ALL: &'static [Self];
    /// The code stored for this value.
    fn code(self) -> &'static str;
}

/// A value read from or written to a column as its code:
/// `row.get::<Coded<Side>>(3)?.0`, or `params![Coded(side)]`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Coded<T>(pub T);

impl<T: Code> ToSql for Coded<T> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Text(
            self.0.code().as_bytes(),
        )))
    }
}

impl<T: Code> FromSql for Coded<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        T::ALL
            .iter()
            .find(|v| v.code() == text)
            .map(|v| Coded(*v))
            .ok_or_else(|| FromSqlError::Other(format!("unknown value {text:?}").into()))
    }
}

macro_rules! codes {
    ($($kind:ty => $all:expr),* $(,)?) => {
        $(impl Code for $kind {
            const ALL: &'static [Self] = &$all;
            fn code(self) -> &'static str {
                <$kind>::code(self)
            }
        })*
    };
}

codes!(
    ActionStatus => ActionStatus::ALL,
    CheckInStatus => CheckInStatus::ALL,
    CycleStatus => CycleStatus::ALL,
    PartnerKind => PartnerKind::ALL,
    Side => Side::ALL,
    Team => Team::BOTH,
);

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    #[test]
    fn every_code_reads_back_as_its_value_and_an_unknown_one_is_refused() {
        let conn = Connection::open_in_memory().expect("memory");
        for side in Side::ALL {
            let back: Coded<Side> = conn
                .query_row("SELECT ?1", [Coded(side)], |row| row.get(0))
                .expect("read");
            assert_eq!(back.0, side);
        }
        for status in CycleStatus::ALL {
            let back: Coded<CycleStatus> = conn
                .query_row("SELECT ?1", [Coded(status)], |row| row.get(0))
                .expect("read");
            assert_eq!(back.0, status);
        }
        let unknown = conn.query_row("SELECT 'somewhere'", [], |row| row.get::<_, Coded<Team>>(0));
        let message = unknown.expect_err("refused").to_string();
        assert!(message.contains("somewhere"), "{message}");
    }
}
