//! School years such as "2024–25", which run from July to June.

use jiff::civil::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchoolYear {
    /// The calendar year in which the school year starts.
    pub start: i32,
}

/// The month a school year starts in (July).
const FIRST_MONTH: i8 = 7;

impl SchoolYear {
    /// The school year that `date` falls in.
    pub fn containing(date: Date) -> SchoolYear {
        let year = i32::from(date.year());
        let start = if date.month() >= FIRST_MONTH {
            year
        } else {
            year - 1
        };
        SchoolYear { start }
    }

    /// The label, e.g. "2024–25" (with an en dash).
    pub fn label(self) -> String {
        format!("{}–{:02}", self.start, (self.start + 1).rem_euclid(100))
    }

    /// Reads "2024–25", "2024-25" or "2024-2025".
    pub fn parse(label: &str) -> Option<SchoolYear> {
        let label = label.trim();
        let (first, second) = label.split_once(['–', '-', '/'])?;
        let start: i32 = first.trim().parse().ok()?;
        let second = second.trim();
        let end: i32 = second.parse().ok()?;
        let expected = start + 1;
        let matches = match second.len() {
            2 => end == expected.rem_euclid(100),
            4 => end == expected,
            _ => false,
        };
        (first.trim().len() == 4 && matches).then_some(SchoolYear { start })
    }

    /// The school years around `today` a user is likely to want, newest first.
    pub fn choices_around(today: Date) -> Vec<SchoolYear> {
        let current = SchoolYear::containing(today).start;
        ((current - 8)..=(current + 1))
            .rev()
            .map(|start| SchoolYear { start })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).expect("valid date")
    }

    #[test]
    fn july_starts_a_school_year() {
        assert_eq!(SchoolYear::containing(date(2024, 6, 30)).label(), "2023–24");
        assert_eq!(SchoolYear::containing(date(2024, 7, 1)).label(), "2024–25");
        assert_eq!(SchoolYear::containing(date(2099, 9, 1)).label(), "2099–00");
    }

    #[test]
    fn labels_parse_in_common_spellings() {
        let y = Some(SchoolYear { start: 2024 });
        assert_eq!(SchoolYear::parse("2024–25"), y);
        assert_eq!(SchoolYear::parse("2024-25"), y);
        assert_eq!(SchoolYear::parse(" 2024-2025 "), y);
        assert_eq!(SchoolYear::parse("2024-26"), None);
        assert_eq!(SchoolYear::parse("24-25"), None);
        assert_eq!(SchoolYear::parse("spring"), None);
    }

    #[test]
    fn choices_include_next_year_and_the_current_one() {
        let choices = SchoolYear::choices_around(date(2026, 11, 23));
        assert_eq!(choices[0].label(), "2027–28");
        assert_eq!(choices[1].label(), "2026–27");
        assert_eq!(choices.len(), 10);
    }
}
