//! Spreadsheets: the tables of `model::tables` written as one `.xlsx`
//! workbook (a sheet per table, by `rust_xlsxwriter`) or as `.csv` files
//! (one per table, by `csv`). In the workbook each sheet's header row is
//! bold, frozen and filtered, each column is as wide as what it holds (up
//! to a limit), levels and averages are numbers (averages shown with one
//! decimal) and dates are dates, so a pivot table or a chart works at
//! once; printed, a sheet is landscape, one page wide, its header on every
//! page, with its grid.

use partnerpath_core::model::tables::{Cell, Table};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum SheetError {
    #[error("the workbook could not be made: {0}")]
    Workbook(#[from] XlsxError),
    #[error("the CSV file could not be made: {0}")]
    Csv(String),
}

/// The bytes of an `.xlsx` workbook holding `tables`, a sheet each, in
/// their order.
pub fn xlsx(tables: &[Table]) -> Result<Vec<u8>, SheetError> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    for table in tables {
        let sheet = workbook.add_worksheet();
        write_sheet(sheet, table, &formats)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// The bytes of a CSV file of `table`: its header, then a line per row,
/// as UTF-8 with a byte-order mark so that Excel reads the accents right.
pub fn csv(table: &Table) -> Result<Vec<u8>, SheetError> {
    let mut writer = csv::Writer::from_writer(Vec::from(*b"\xEF\xBB\xBF"));
    let failed = |e: csv::Error| SheetError::Csv(e.to_string());
    writer
        .write_record(table.columns.iter().map(|c| c.header.as_str()))
        .map_err(failed)?;
    for row in &table.rows {
        writer
            .write_record(row.iter().map(Cell::plain))
            .map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|e| SheetError::Csv(e.error().to_string()))
}

/// The formats the cells are written with.
struct Formats {
    header: Format,
    date: Format,
    tenths: Format,
    change: Format,
    text: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold().set_text_wrap(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            tenths: Format::new().set_num_format("0.0"),
            change: Format::new().set_num_format("+0.0;-0.0;0.0"),
            text: Format::new(),
        }
    }
}

/// The widest a column is made, in characters: longer text stays whole in
/// the cell and shows when the cell is chosen.
const WIDEST: usize = 60;
/// The narrowest, so that a column of small numbers keeps its filter
/// button clear of the number.
const NARROWEST: usize = 8;
/// How much of a heading sets its column's width: a longer heading wraps.
const HEADING: usize = 16;

/// The width of column `index`, in characters: its longest cell or the
/// start of its heading, with room for the filter button, within limits.
fn width(table: &Table, index: usize) -> f64 {
    let longest = table
        .rows
        .iter()
        .filter_map(|row| row.get(index))
        .map(|cell| match cell {
            Cell::Date(_) => 10,
            other => other.plain().chars().count(),
        })
        .max()
        .unwrap_or(0);
    let heading = table
        .columns
        .get(index)
        .map_or(0, |c| c.header.chars().count().min(HEADING));
    let chars = (longest.max(heading) + 3).clamp(NARROWEST, WIDEST);
    f64::from(u8::try_from(chars).unwrap_or(u8::MAX))
}

fn write_sheet(sheet: &mut Worksheet, table: &Table, formats: &Formats) -> Result<(), SheetError> {
    sheet.set_name(table.name)?;
    for ((col, column), index) in (0u16..).zip(&table.columns).zip(0..) {
        sheet.write_string_with_format(0, col, &column.header, &formats.header)?;
        sheet.set_column_width(col, width(table, index))?;
    }
    for (row, cells) in (1u32..).zip(&table.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Text(text) => {
                    sheet.write_string_with_format(row, col, text, &formats.text)?;
                }
                Cell::Whole(n) => {
                    // Counts and levels are far below 2^53, where an f64
                    // stops holding every whole number.
                    #[expect(clippy::cast_precision_loss, reason = "small whole numbers")]
                    let n = *n as f64;
                    sheet.write_number(row, col, n)?;
                }
                Cell::Tenths(t) | Cell::Change(t) => {
                    #[expect(clippy::cast_precision_loss, reason = "small whole numbers")]
                    let n = *t as f64 / 10.0;
                    let format = if matches!(cell, Cell::Change(_)) {
                        &formats.change
                    } else {
                        &formats.tenths
                    };
                    sheet.write_number_with_format(row, col, n, format)?;
                }
                Cell::Date(date) => {
                    let day = ExcelDateTime::from_ymd(
                        u16::try_from(date.year()).unwrap_or(1900),
                        u8::try_from(date.month()).unwrap_or(1),
                        u8::try_from(date.day()).unwrap_or(1),
                    )?;
                    sheet.write_datetime_with_format(row, col, &day, &formats.date)?;
                }
                Cell::Empty => {}
            }
        }
    }
    let last_col = u16::try_from(table.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
    sheet.set_freeze_panes(1, 0)?;
    if !table.columns.is_empty() {
        sheet.autofilter(0, 0, last_row, last_col)?;
    }
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_gridlines(true);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use partnerpath_core::model::tables::Column;

    use super::*;

    fn table() -> Table {
        Table {
            name: "Ratings",
            file: "ratings",
            columns: ["Partnership", "Level", "Average"]
                .map(|h| Column {
                    header: h.to_owned(),
                })
                .to_vec(),
            rows: vec![vec![
                Cell::Text("Oak, \"Elm\"\nand Ash".to_owned()),
                Cell::Whole(3),
                Cell::Tenths(33),
            ]],
        }
    }

    #[test]
    fn a_csv_file_quotes_what_needs_it_and_starts_with_the_byte_order_mark() {
        let bytes = csv(&table()).expect("csv");
        let text = String::from_utf8(bytes).expect("UTF-8");
        assert_eq!(
            text,
            "\u{feff}Partnership,Level,Average\n\"Oak, \"\"Elm\"\"\nand Ash\",3,3.3\n"
        );
    }

    #[test]
    fn a_sheet_name_spreadsheets_refuse_is_an_error_not_a_broken_file() {
        let mut bad = table();
        bad.name = "Ratings: 2025/26";
        assert!(matches!(xlsx(&[bad]), Err(SheetError::Workbook(_))));
        let bytes = xlsx(&[table()]).expect("a workbook");
        assert!(bytes.starts_with(b"PK"), "a zip container");
    }
}
