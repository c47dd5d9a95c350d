//! Averages and spreads of levels. An unrated indicator is left out: it is
//! never counted as zero. An average is kept as its exact sum and count and
//! shown to one decimal rounded half up, as a person checking by hand would:
//! 3, 3, 3 and 4 make 3.25, shown 3.3; never the float's 3.2.

use std::fmt;

use super::Level;

/// The mean of whole-number ratings, kept exact: its sum and how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mean {
    sum: u32,
    count: u32,
}

impl Mean {
    /// `None` when nothing was counted.
    pub fn new(sum: u32, count: u32) -> Option<Mean> {
        (count > 0).then_some(Mean { sum, count })
    }

    /// The mean of the given whole numbers, `None` when there are none.
    pub fn of(values: impl IntoIterator<Item = u8>) -> Option<Mean> {
        let (sum, count) = values
            .into_iter()
            .fold((0u32, 0u32), |(s, c), v| (s + u32::from(v), c + 1));
        Mean::new(sum, count)
    }

    pub fn count(self) -> u32 {
        self.count
    }

    /// The mean in tenths, rounded half up on the exact fraction:
    /// 13/4 = 3.25 gives 33, 11/4 = 2.75 gives 28, 61/20 = 3.05 gives 31.
    pub fn tenths(self) -> u32 {
        (20 * self.sum + self.count) / (2 * self.count)
    }

    /// The mean as shown, for drawing a chart: the rounded value, so that
    /// a mark sits where its label says.
    pub fn shown_value(self) -> f32 {
        self.tenths() as f32 / 10.0
    }

    /// The change from `earlier` to `self` in tenths: the difference of the
    /// two shown values, so that the figures on the page add up by hand.
    pub fn change_since(self, earlier: Mean) -> Change {
        Change(i64::from(self.tenths()) - i64::from(earlier.tenths()))
    }
}

/// One decimal, rounded half up: "3.3".
impl fmt::Display for Mean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = self.tenths();
        write!(f, "{}.{}", tenths / 10, tenths % 10)
    }
}

/// A change between two shown means, in tenths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change(pub i64);

/// Signed, one decimal: "+0.5", "-0.3", "0.0".
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = match self.0 {
            n if n > 0 => "+",
            n if n < 0 => "-",
            _ => "",
        };
        let n = self.0.unsigned_abs();
        write!(f, "{sign}{}.{}", n / 10, n % 10)
    }
}

/// How a set of ratings of one indicator spreads across the levels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub lowest: Level,
    pub highest: Level,
    /// How many ratings had a level.
    pub count: usize,
    pub mean: Mean,
}

/// Ratings this many levels apart or more are worth discussing.
pub const DISCUSS_GAP: u8 = 2;

impl Spread {
    /// The chosen levels among `levels`; `None` when none was chosen.
    pub fn of(levels: impl IntoIterator<Item = Option<Level>>) -> Option<Spread> {
        let mut count = 0usize;
        let mut sum = 0u32;
        let mut lowest: Option<Level> = None;
        let mut highest: Option<Level> = None;
        for level in levels.into_iter().flatten() {
            count += 1;
            sum += u32::from(level.number());
            lowest = Some(lowest.map_or(level, |l| l.min(level)));
            highest = Some(highest.map_or(level, |h| h.max(level)));
        }
        Some(Spread {
            lowest: lowest?,
            highest: highest?,
            count,
            mean: Mean::new(sum, u32::try_from(count).ok()?)?,
        })
    }

    /// How many levels separate the lowest and the highest rating.
    pub fn gap(&self) -> u8 {
        self.highest.number() - self.lowest.number()
    }

    /// True when the ratings are two or more levels apart (e.g. Emerging and
    /// Established): the team should talk before agreeing.
    pub fn needs_discussion(&self) -> bool {
        self.gap() >= DISCUSS_GAP
    }
}

/// The mean of the chosen levels, or `None` when none was chosen.
pub fn average(levels: impl IntoIterator<Item = Option<Level>>) -> Option<Mean> {
    Spread::of(levels).map(|s| s.mean)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(n: u8) -> Option<Level> {
        Level::new(n)
    }

    #[test]
    fn unrated_levels_are_left_out_not_counted_as_zero() {
        let spread = Spread::of([l(2), None, l(4), None]).expect("two rated");
        assert_eq!(spread.count, 2);
        assert_eq!(spread.mean.to_string(), "3.0");
        assert_eq!(spread.lowest, Level::new(2).expect("level"));
        assert_eq!(spread.highest, Level::new(4).expect("level"));
        assert_eq!(
            average([None, l(1)]).map(|m| m.to_string()).as_deref(),
            Some("1.0")
        );
    }

    #[test]
    fn averages_round_half_up_on_the_exact_sum() {
        let shown = |levels: &[u8]| {
            average(levels.iter().map(|n| Level::new(*n)))
                .expect("rated")
                .to_string()
        };
        assert_eq!(shown(&[3, 3, 3, 4]), "3.3", "3.25, not the float's 3.2");
        assert_eq!(shown(&[2, 3, 3, 3]), "2.8", "2.75");
        assert_eq!(shown(&[1, 1, 1, 2]), "1.3", "1.25");
        assert_eq!(shown(&[3, 4, 4, 4]), "3.8", "3.75");
        assert_eq!(shown(&[1, 2]), "1.5");
        assert_eq!(shown(&[4]), "4.0");
        assert_eq!(shown(&[1, 1, 2]), "1.3", "1.333…");
        assert_eq!(shown(&[1, 2, 2]), "1.7", "1.666…");
        // .05: 61 / 20 = 3.05, and 1.05 from twenty ratings.
        assert_eq!(Mean::new(61, 20).expect("mean").to_string(), "3.1");
        assert_eq!(Mean::new(21, 20).expect("mean").to_string(), "1.1");
        assert_eq!(Mean::new(59, 20).expect("mean").to_string(), "3.0", "2.95");
        assert_eq!(Mean::of([3, 3, 3, 4]).map(Mean::tenths), Some(33));
        assert_eq!(Mean::of([]), None);
    }

    #[test]
    fn a_change_is_the_difference_of_the_shown_averages() {
        let mean = |s, c| Mean::new(s, c).expect("mean");
        // 2.75 (shown 2.8) to 3.25 (shown 3.3).
        assert_eq!(mean(13, 4).change_since(mean(11, 4)).to_string(), "+0.5");
        assert_eq!(mean(11, 4).change_since(mean(13, 4)).to_string(), "-0.5");
        assert_eq!(mean(3, 1).change_since(mean(6, 2)).to_string(), "0.0");
        // 3.05 (3.1) against 3.0.
        assert_eq!(mean(61, 20).change_since(mean(3, 1)).to_string(), "+0.1");
    }

    #[test]
    fn nothing_rated_has_no_average() {
        assert_eq!(Spread::of([None, None]), None);
        assert_eq!(average([]), None);
    }

    #[test]
    fn discussion_is_needed_from_two_levels_apart() {
        let gap = |levels: &[u8]| {
            Spread::of(levels.iter().map(|n| Level::new(*n)))
                .expect("rated")
                .needs_discussion()
        };
        assert!(!gap(&[3]));
        assert!(!gap(&[2, 2, 2]));
        assert!(!gap(&[2, 3, 3]), "neighbouring levels are close enough");
        assert!(gap(&[1, 3]));
        assert!(gap(&[2, 2, 4]));
        assert!(gap(&[1, 2, 3, 4]));
    }
}
