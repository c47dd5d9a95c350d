//! Averages and spreads of levels. An unrated indicator is left out: it is
//! never counted as zero.

use super::Level;

/// How a set of ratings of one indicator spreads across the levels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub lowest: Level,
    pub highest: Level,
    /// How many ratings had a level.
    pub count: usize,
    pub mean: f32,
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
            mean: sum as f32 / count as f32,
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
pub fn average(levels: impl IntoIterator<Item = Option<Level>>) -> Option<f32> {
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
        assert!((spread.mean - 3.0).abs() < f32::EPSILON);
        assert_eq!(spread.lowest, Level::new(2).expect("level"));
        assert_eq!(spread.highest, Level::new(4).expect("level"));
        assert_eq!(average([None, l(1)]), Some(1.0));
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
