//! How dates are written, on screen and on paper: one format for each use.

use jiff::civil::Date;

/// The format of a date written out: "November 28, 2026".
pub const LONG_DATE: &str = "%B %-d, %Y";
/// The format of a date in a crowded list: "Nov 28, 2026".
pub const SHORT_DATE: &str = "%b %-d, %Y";

/// A date written out: "November 28, 2026".
pub fn long_date(date: Date) -> String {
    date.strftime(LONG_DATE).to_string()
}

/// A date in a crowded list: "Nov 28, 2026".
pub fn short_date(date: Date) -> String {
    date.strftime(SHORT_DATE).to_string()
}

/// A month and its year: "November 2026".
pub fn month_year(date: Date) -> String {
    date.strftime("%B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn dates_are_written_without_leading_zeros() {
        let day = date(2026, 3, 5);
        assert_eq!(long_date(day), "March 5, 2026");
        assert_eq!(short_date(day), "Mar 5, 2026");
        assert_eq!(month_year(day), "March 2026");
    }
}
