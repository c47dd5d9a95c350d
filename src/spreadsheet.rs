//! Exporting to a spreadsheet (File > Export to spreadsheet…, and
//! `partnerpath export-sheet`): the partnerships asked for, read through
//! the session, made into the model's tables (`model::tables`) and written
//! by the sheet crate as one `.xlsx` workbook, or as `.csv` files into a
//! folder for scripts.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use partnerpath_sheet::SheetError;

use crate::instrument::Instruments;
use crate::model::portfolio::{Filter, PortfolioRow, SortBy, rows, select};
use crate::model::tables::{self, Table};
use crate::model::{PartnershipId, PartnershipView};
use crate::problem::{Doing, Problem};
use crate::saving::write_atomically;
use crate::session::Session;

/// What a spreadsheet holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetScope {
    /// One partnership's tables.
    Partnership(PartnershipId),
    /// The portfolio's lines as the list shows them, in its order, first;
    /// then the tables of those partnerships.
    Portfolio(Vec<PortfolioRow>),
}

impl SheetScope {
    /// Every partnership of the session, archived ones too, as the
    /// portfolio sorts them by default.
    pub fn everything(session: &Session, instruments: Instruments, today: Date) -> SheetScope {
        let all = rows(
            session.portfolio(),
            instruments.continuum,
            instruments.monitoring,
            today,
        );
        let filter = Filter {
            show_archived: true,
            ..Filter::default()
        };
        let order = select(&all, &filter, SortBy::default());
        SheetScope::Portfolio(order.into_iter().map(|i| all[i].clone()).collect())
    }
}

/// The tables of `scope`, read from `session` (after every edit sent is
/// stored).
pub fn tables(
    session: &Session,
    scope: &SheetScope,
    instruments: Instruments,
    today: Date,
) -> Result<Vec<Table>, Problem> {
    match scope {
        SheetScope::Partnership(id) => {
            let view = read(session, *id)?;
            Ok(tables::partnership_tables(&[&view], &instruments, today))
        }
        SheetScope::Portfolio(lines) => {
            let views = lines
                .iter()
                .map(|line| read(session, line.id))
                .collect::<Result<Vec<_>, _>>()?;
            let views: Vec<&PartnershipView> = views.iter().collect();
            let shown: Vec<&PortfolioRow> = lines.iter().collect();
            let mut all = vec![tables::portfolio(&shown, instruments.continuum)];
            all.extend(tables::partnership_tables(&views, &instruments, today));
            Ok(all)
        }
    }
}

/// The partnership `id`: the one open, or read from the database.
fn read(session: &Session, id: PartnershipId) -> Result<PartnershipView, Problem> {
    if let Some(view) = session.view().filter(|v| v.partnership.id == id) {
        return Ok(view.clone());
    }
    session
        .store()
        .load_partnership(id)
        .map_err(|e| Problem::store(&e, Doing::Reading))
}

/// What was written where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// A workbook of this many bytes.
    Workbook(usize),
    /// These CSV files.
    Csv(Vec<PathBuf>),
}

/// Whether `out` names a workbook (ends in `.xlsx`, in any case).
pub fn is_workbook(out: &Path) -> bool {
    out.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Writes `tables` to `out`: a workbook when it ends in `.xlsx`, otherwise
/// a CSV file per table into the folder `out` (made if missing). Nothing
/// is written when the tables cannot be made; each file is written whole
/// or not at all.
pub fn write(tables: &[Table], out: &Path) -> Result<Written, Problem> {
    if is_workbook(out) {
        let bytes = partnerpath_sheet::xlsx(tables).map_err(|e| unmade(&e))?;
        write_atomically(out, &bytes, "The spreadsheet")?;
        return Ok(Written::Workbook(bytes.len()));
    }
    if out.extension().is_some() && !out.is_dir() {
        return Err(Problem::new(
            format!(
                "PartnerPath writes a spreadsheet as a workbook ending in .xlsx, or as CSV files into a folder; “{}” is neither.",
                out.display()
            ),
            "Give a name ending in .xlsx, or the folder to write the CSV files into.",
        )
        .at(out));
    }
    let files = tables
        .iter()
        .map(|table| {
            partnerpath_sheet::csv(table)
                .map(|bytes| (out.join(format!("{}.csv", table.file)), bytes))
                .map_err(|e| unmade(&e))
        })
        .collect::<Result<Vec<_>, _>>()?;
    std::fs::create_dir_all(out).map_err(|e| {
        Problem::new(
            format!("The folder for the CSV files could not be made ({e})."),
            "Choose a folder you can write to, and try again.",
        )
        .at(out)
    })?;
    for (path, bytes) in &files {
        write_atomically(path, bytes, "The CSV file")?;
    }
    Ok(Written::Csv(
        files.into_iter().map(|(path, _)| path).collect(),
    ))
}

fn unmade(error: &SheetError) -> Problem {
    Problem::new(
        format!("The spreadsheet could not be made ({error})."),
        "Try again; if it keeps happening, keep a copy of the database and contact support.",
    )
}
