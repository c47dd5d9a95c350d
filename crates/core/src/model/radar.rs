//! The geometry of a radar (spider) plot of one cycle: one axis per
//! indicator, evenly spaced and starting at the top, going clockwise; the
//! distance from the centre is the level. Coordinates are in units of the
//! outer ring (Transformational = 1.0) with y growing downward, as on screen
//! and on paper. An unrated indicator breaks the outline: it is a gap, never
//! a point at the centre.

use std::f32::consts::TAU;

use super::Level;

/// A corner of the outline: the indicator's axis and its level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Vertex {
    pub axis: usize,
    pub level: Level,
    pub x: f32,
    pub y: f32,
}

/// The outline of one set of ratings around the axes.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    /// Runs of neighbouring rated axes, each drawn as one line.
    pub runs: Vec<Vec<Vertex>>,
    /// True when every axis is rated: the single run closes on itself.
    pub closed: bool,
}

/// The angle of axis `index` of `count`, in radians clockwise from the top.
pub fn angle(index: usize, count: usize) -> f32 {
    if count == 0 {
        return 0.0;
    }
    TAU * index as f32 / count as f32
}

/// Where a point at `radius` (1.0 = outer ring) on axis `index` lies.
pub fn point(index: usize, count: usize, radius: f32) -> (f32, f32) {
    let a = angle(index, count);
    (radius * a.sin(), -radius * a.cos())
}

/// The distance of a ring from the centre: level 4 is the outer ring.
pub fn ring_radius(level: Level) -> f32 {
    f32::from(level.number()) / f32::from(Level::ALL[Level::ALL.len() - 1].number())
}

/// The outline of `levels`, one per axis in order.
pub fn outline(levels: &[Option<Level>]) -> Outline {
    let count = levels.len();
    let vertex = |axis: usize, level: Level| {
        let (x, y) = point(axis, count, ring_radius(level));
        Vertex { axis, level, x, y }
    };
    let mut runs: Vec<Vec<Vertex>> = Vec::new();
    let mut current: Vec<Vertex> = Vec::new();
    for (axis, level) in levels.iter().enumerate() {
        match level {
            Some(level) => current.push(vertex(axis, *level)),
            None => {
                if !current.is_empty() {
                    runs.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    let closed = count > 0 && levels.iter().all(Option::is_some);
    // A run that reaches the last axis continues into the one that starts at
    // the first axis: the outline goes round.
    if !closed && runs.len() > 1 {
        let starts_at_first = runs
            .first()
            .and_then(|r| r.first())
            .is_some_and(|v| v.axis == 0);
        let ends_at_last = runs
            .last()
            .and_then(|r| r.last())
            .is_some_and(|v| v.axis + 1 == count);
        if starts_at_first && ends_at_last {
            let first = runs.remove(0);
            if let Some(last) = runs.last_mut() {
                last.extend(first);
            }
        }
    }
    Outline { runs, closed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(ns: &[u8]) -> Vec<Option<Level>> {
        ns.iter().map(|n| Level::new(*n)).collect()
    }

    #[test]
    fn thirteen_axes_are_evenly_spaced_from_the_top_clockwise() {
        let step = TAU / 13.0;
        for i in 0..13 {
            assert!((angle(i, 13) - step * i as f32).abs() < 1e-6);
        }
        let (x, y) = point(0, 13, 1.0);
        assert!(
            x.abs() < 1e-6 && (y + 1.0).abs() < 1e-6,
            "first axis points up"
        );
        let (x, _) = point(1, 13, 1.0);
        assert!(x > 0.0, "the second axis is to the right: clockwise");
        for i in 0..13 {
            let (x, y) = point(i, 13, 0.5);
            assert!(((x * x + y * y).sqrt() - 0.5).abs() < 1e-6);
        }
    }

    #[test]
    fn the_radius_is_the_level_over_four() {
        let outline = outline(&levels(&[1, 2, 3, 4]));
        let radii: Vec<f32> = outline.runs[0]
            .iter()
            .map(|v| (v.x * v.x + v.y * v.y).sqrt())
            .collect();
        for (r, expected) in radii.iter().zip([0.25, 0.5, 0.75, 1.0]) {
            assert!((r - expected).abs() < 1e-6, "{r} != {expected}");
        }
        assert!(outline.closed);
        assert_eq!(outline.runs.len(), 1);
    }

    #[test]
    fn an_unrated_indicator_is_a_gap_not_a_zero() {
        let outline = outline(&levels(&[2, 3, 0, 4, 4]));
        assert!(!outline.closed);
        let axes: Vec<Vec<usize>> = outline
            .runs
            .iter()
            .map(|run| run.iter().map(|v| v.axis).collect())
            .collect();
        // The run from axis 3 goes round through the last axis to axes 0 and 1.
        assert_eq!(axes, [vec![3, 4, 0, 1]]);
        assert!(outline.runs.iter().flatten().all(|v| v.axis != 2));
    }

    #[test]
    fn gaps_split_the_outline_into_runs() {
        let outline = outline(&levels(&[0, 2, 2, 0, 3, 0]));
        let axes: Vec<Vec<usize>> = outline
            .runs
            .iter()
            .map(|run| run.iter().map(|v| v.axis).collect())
            .collect();
        assert_eq!(axes, [vec![1, 2], vec![4]]);
    }

    #[test]
    fn nothing_rated_draws_nothing() {
        let outline = outline(&levels(&[0, 0, 0]));
        assert!(outline.runs.is_empty());
        assert!(!outline.closed);
    }
}
