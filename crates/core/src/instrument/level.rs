//! A level of effectiveness on the continuum, 1 (Emerging) to 4 (Transformational).
//! The names of the levels are instrument data, not code.

/// A chosen level; "no level" is `Option<Level>::None`, never zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level(u8);

impl Level {
    pub const ALL: [Level; 4] = [Level(1), Level(2), Level(3), Level(4)];

    /// The level numbered `number`, if it is 1 to 4.
    pub fn new(number: u8) -> Option<Level> {
        (1..=4).contains(&number).then_some(Level(number))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// Position in a list of the four levels (0 to 3).
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_to_four_are_levels() {
        assert_eq!(Level::new(0), None);
        assert_eq!(Level::new(5), None);
        let numbers: Vec<u8> = Level::ALL.iter().map(|l| l.number()).collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
        assert_eq!(Level::new(3).map(Level::index), Some(2));
    }
}
