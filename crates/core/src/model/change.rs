//! What changed between two cycles: each indicator up, down, the same, newly
//! rated or no longer rated, with the biggest moves first.

use super::Level;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    /// Up by this many levels.
    Up(u8),
    /// Down by this many levels.
    Down(u8),
    Same,
    /// Rated in the later cycle only.
    NewlyRated,
    /// Rated in the earlier cycle only.
    NoLongerRated,
    /// Rated in neither.
    Unrated,
}

impl Movement {
    pub fn between(from: Option<Level>, to: Option<Level>) -> Movement {
        match (from, to) {
            (Some(a), Some(b)) if b > a => Movement::Up(b.number() - a.number()),
            (Some(a), Some(b)) if b < a => Movement::Down(a.number() - b.number()),
            (Some(_), Some(_)) => Movement::Same,
            (None, Some(_)) => Movement::NewlyRated,
            (Some(_), None) => Movement::NoLongerRated,
            (None, None) => Movement::Unrated,
        }
    }

    /// Sort order: biggest moves first, then newly rated, no longer rated,
    /// unchanged and unrated.
    fn rank(self) -> (u8, i8) {
        match self {
            Movement::Up(n) | Movement::Down(n) => (0, -i8::try_from(n).unwrap_or(i8::MAX)),
            Movement::NewlyRated => (1, 0),
            Movement::NoLongerRated => (2, 0),
            Movement::Same => (3, 0),
            Movement::Unrated => (4, 0),
        }
    }
}

/// One indicator's change between two cycles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorChange<K> {
    /// Whatever identifies the indicator for the caller (e.g. its key).
    pub indicator: K,
    pub from: Option<Level>,
    pub to: Option<Level>,
    pub movement: Movement,
}

/// The changes of `indicators` (in instrument order, each with its level in
/// the earlier and the later cycle), biggest moves first; ties keep the
/// instrument's order; a rise comes before a fall of the same size.
pub fn changes<K>(
    indicators: impl IntoIterator<Item = (K, Option<Level>, Option<Level>)>,
) -> Vec<IndicatorChange<K>> {
    let mut list: Vec<(usize, IndicatorChange<K>)> = indicators
        .into_iter()
        .enumerate()
        .map(|(order, (indicator, from, to))| {
            (
                order,
                IndicatorChange {
                    indicator,
                    from,
                    to,
                    movement: Movement::between(from, to),
                },
            )
        })
        .collect();
    list.sort_by_key(|(order, change)| {
        let (group, size) = change.movement.rank();
        let falls = matches!(change.movement, Movement::Down(_));
        (group, size, falls, *order)
    });
    list.into_iter().map(|(_, change)| change).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(n: u8) -> Option<Level> {
        Level::new(n)
    }

    #[test]
    fn movements_between_levels() {
        assert_eq!(Movement::between(l(1), l(3)), Movement::Up(2));
        assert_eq!(Movement::between(l(4), l(3)), Movement::Down(1));
        assert_eq!(Movement::between(l(2), l(2)), Movement::Same);
        assert_eq!(Movement::between(None, l(2)), Movement::NewlyRated);
        assert_eq!(Movement::between(l(2), None), Movement::NoLongerRated);
        assert_eq!(Movement::between(None, None), Movement::Unrated);
    }

    #[test]
    fn biggest_moves_first_then_new_then_unchanged() {
        let list = changes([
            ("same", l(2), l(2)),
            ("up one", l(1), l(2)),
            ("new", None, l(3)),
            ("down two", l(4), l(2)),
            ("unrated", None, None),
            ("up two", l(1), l(3)),
            ("dropped", l(2), None),
            ("down one", l(3), l(2)),
        ]);
        let order: Vec<&str> = list.iter().map(|c| c.indicator).collect();
        assert_eq!(
            order,
            [
                "up two", "down two", "up one", "down one", "new", "dropped", "same", "unrated"
            ]
        );
    }

    #[test]
    fn ties_keep_the_instrument_order() {
        let list = changes([("b", l(1), l(2)), ("a", l(2), l(3))]);
        let order: Vec<&str> = list.iter().map(|c| c.indicator).collect();
        assert_eq!(order, ["b", "a"]);
    }
}
