//! Which version of the continuum each cycle was rated with, and how the
//! screens and papers across the years say so: the years rated with a
//! version other than the newest year's carry a mark ("2019-20 *"), and a
//! key under the chart names each version in words.

use super::{Cycle, CycleId, PartnershipView};
use crate::instrument::{Continuum, Instruments};

/// The marks of one partnership's years.
#[derive(Debug, Clone)]
pub struct Versions<'a> {
    /// The continuum of the newest cycle: its indicator names head the
    /// charts, and years rated with it carry no mark.
    pub reference: &'a Continuum,
    marks: Vec<(CycleId, String)>,
    key: Vec<String>,
}

/// The marks given to the other versions, in the order they are met.
const MARKS: [&str; 4] = ["*", "†", "‡", "§"];

/// The mark of the `index`-th other version: "*", then "†"…, then "(5)".
fn mark(index: usize) -> String {
    MARKS
        .get(index)
        .map_or_else(|| format!("({})", index + 1), |m| (*m).to_owned())
}

/// A version as a key line names it: the tool and version, or, for one
/// this program lacks, the version and the wording it is shown with.
fn named(instruments: &Instruments, view: &PartnershipView, cycle: &Cycle) -> String {
    match view.continuum_of(
        instruments,
        &cycle.instrument_key,
        &cycle.instrument_version,
    ) {
        Some(continuum) => match &continuum.adapted {
            Some(adapted) => {
                let statement = adapted.statement.trim_end_matches('.');
                let mut chars = statement.chars();
                let lowered: String = chars
                    .next()
                    .map(|c| c.to_lowercase().chain(chars).collect())
                    .unwrap_or_default();
                format!(
                    "{}, version {}, the partnership's adaptation ({lowered})",
                    adapted.name, adapted.number
                )
            }
            None => continuum.name_and_version(),
        },
        None => format!(
            "continuum version {}, which this copy of PartnerPath does not include (shown in the wording of the {})",
            cycle.instrument_version,
            instruments.continuum.name_and_version()
        ),
    }
}

impl<'a> Versions<'a> {
    /// The versions of all of `view`'s cycles.
    pub fn of(view: &'a PartnershipView, instruments: &Instruments) -> Versions<'a> {
        let cycles: Vec<&Cycle> = view.cycles.iter().collect();
        Self::of_cycles(&cycles, view, instruments)
    }

    /// The continuum of the partnership's newest cycle, which a new cycle
    /// rates with unless another is chosen; the default one before any.
    /// When that cycle was rated with a version of the partnership's
    /// adaptation, the adaptation's newest version (its words as edited
    /// since).
    pub fn usual(view: &'a PartnershipView, instruments: &Instruments) -> &'a Continuum {
        let newest = view.cycles.last().map_or(instruments.continuum, |c| {
            continuum_for(instruments, view, c)
        });
        view.adaptation_of(newest)
            .and_then(|a| view.newest_version(a.lineage))
            .and_then(|a| view.continuum_of(instruments, &a.based_on_key, &a.instrument_version()))
            .unwrap_or(newest)
    }

    /// The versions of `cycles` (oldest first), told apart by the version
    /// each cycle names, whether or not the program includes it.
    pub fn of_cycles(
        cycles: &[&Cycle],
        view: &'a PartnershipView,
        instruments: &Instruments,
    ) -> Versions<'a> {
        let version = |c: &Cycle| (c.instrument_key.clone(), c.instrument_version.clone());
        let newest = cycles.last().map(|c| version(c));
        let reference = cycles.last().map_or(instruments.continuum, |c| {
            continuum_for(instruments, view, c)
        });
        // Each other version, with the cycles rated with it.
        let mut others: Vec<((String, String), Vec<&Cycle>)> = Vec::new();
        for cycle in cycles {
            let this = version(cycle);
            if Some(&this) == newest.as_ref() {
                continue;
            }
            match others.iter_mut().find(|(v, _)| *v == this) {
                Some((_, rated)) => rated.push(cycle),
                None => others.push((this, vec![cycle])),
            }
        }
        let mut marks = Vec::new();
        let mut key = Vec::new();
        for (index, (_, rated)) in others.iter().enumerate() {
            marks.extend(rated.iter().map(|c| (c.id, mark(index))));
            let years: Vec<&str> = rated.iter().map(|c| c.school_year.as_str()).collect();
            key.push(format!(
                "{} Rated with the {}: {}.",
                mark(index),
                named(instruments, view, rated[0]),
                years.join(", ")
            ));
        }
        match (others.is_empty(), cycles.last()) {
            (false, Some(newest)) => key.push(format!(
                "Years without a mark were rated with the {}. Indicators are compared by what they assess; their wording differs between versions.",
                named(instruments, view, newest)
            )),
            // One version, the partnership's adaptation: its key says so,
            // as the licence asks of every screen and paper of it.
            (true, Some(newest)) if reference.adapted.is_some() => key.push(format!(
                "Every year was rated with the {}.",
                named(instruments, view, newest)
            )),
            _ => {}
        }
        Versions {
            reference,
            marks,
            key,
        }
    }

    /// Said when `earlier` and `later` were rated with different versions:
    /// which each was rated with, and that each level's text is its own
    /// version's.
    pub fn between(
        instruments: &Instruments,
        view: &PartnershipView,
        earlier: &Cycle,
        later: &Cycle,
    ) -> Option<String> {
        let same = earlier.instrument_key == later.instrument_key
            && earlier.instrument_version == later.instrument_version;
        let adapted = view
            .continuum_of(
                instruments,
                &later.instrument_key,
                &later.instrument_version,
            )
            .is_some_and(|c| c.adapted.is_some());
        if same && adapted {
            return Some(format!(
                "Both years were rated with the {}.",
                named(instruments, view, later)
            ));
        }
        (!same).then(|| {
            format!(
                "{} was rated with the {}, and {} with the {}. Indicators are compared by what they assess; each level's text is shown in the words of its own year's version.",
                earlier.school_year,
                named(instruments, view, earlier),
                later.school_year,
                named(instruments, view, later)
            )
        })
    }

    /// The cycle's mark, if it was rated with another version than the
    /// newest year's.
    pub fn mark(&self, cycle: CycleId) -> Option<&str> {
        self.marks
            .iter()
            .find(|(id, _)| *id == cycle)
            .map(|(_, mark)| mark.as_str())
    }

    /// The school year as a chart names it: "2019-20", or "2019-20 *".
    pub fn year(&self, cycle: &Cycle) -> String {
        match self.mark(cycle.id) {
            Some(mark) => format!("{} {mark}", cycle.school_year),
            None => cycle.school_year.clone(),
        }
    }

    /// The key under a chart, a line per version; empty when every year
    /// was rated with the same version.
    pub fn key(&self) -> &[String] {
        &self.key
    }
}

/// The continuum `cycle` of `view` was rated with (a published one or the
/// partnership's adaptation), or the default one when the program lacks
/// its version.
pub fn continuum_for<'a>(
    instruments: &Instruments,
    view: &'a PartnershipView,
    cycle: &Cycle,
) -> &'a Continuum {
    view.continuum_of(
        instruments,
        &cycle.instrument_key,
        &cycle.instrument_version,
    )
    .unwrap_or(instruments.continuum)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CycleFields, CycleStatus, Partnership, PartnershipFields, PartnershipId};

    fn cycle(id: i16, year: &str, version: &str) -> Cycle {
        Cycle {
            id: CycleId(i64::from(id)),
            partnership_id: PartnershipId(1),
            fields: CycleFields {
                status: CycleStatus::Draft,
                hidden: false,
                instrument_key: "wbt-continuum".into(),
                instrument_version: version.into(),
                school_year: year.into(),
                administered_on: jiff::civil::date(2000 + id, 10, 1),
            },
        }
    }

    fn view(cycles: Vec<Cycle>) -> PartnershipView {
        let partnership = Partnership {
            id: PartnershipId(1),
            is_sample: false,
            fields: PartnershipFields::default(),
        };
        PartnershipView::new(partnership, vec![], cycles, vec![], vec![], vec![])
    }

    #[test]
    fn years_rated_with_another_version_are_marked_and_named() {
        let instruments = Instruments::builtin().expect("instruments");
        let v = view(vec![
            cycle(17, "2017-18", "2017-10"),
            cycle(18, "2018-19", "2018-04"),
            cycle(19, "2019-20", "2018-04"),
            cycle(20, "2020-21", "2017-10"),
        ]);
        let versions = Versions::of(&v, &instruments);
        assert_eq!(versions.reference.version, "2017-10", "the newest year's");
        let years: Vec<String> = v.cycles.iter().map(|c| versions.year(c)).collect();
        assert_eq!(years, ["2017-18", "2018-19 *", "2019-20 *", "2020-21"]);
        assert_eq!(versions.key().len(), 2);
        assert!(
            versions.key()[0].starts_with("* Rated with the Strengthening Partnerships Tool")
                && versions.key()[0].ends_with("2018-19, 2019-20."),
            "{:?}",
            versions.key()
        );
        assert!(versions.key()[1].contains("Working Better Together"));
    }

    #[test]
    fn a_version_the_program_lacks_is_marked_and_named_as_such() {
        let instruments = Instruments::builtin().expect("instruments");
        let v = view(vec![
            cycle(17, "2017-18", "2017-10"),
            cycle(18, "2018-19", "2099-01"),
        ]);
        let versions = Versions::of(&v, &instruments);
        assert_eq!(versions.year(&v.cycles[0]), "2017-18 *");
        assert_eq!(versions.year(&v.cycles[1]), "2018-19");
        assert!(
            versions.key()[0].starts_with("* Rated with the Working Better Together"),
            "{:?}",
            versions.key()
        );
        assert!(
            versions.key()[1].contains(
                "continuum version 2099-01, which this copy of PartnerPath does not include"
            ),
            "{:?}",
            versions.key()
        );
    }

    #[test]
    fn one_version_needs_no_marks() {
        let instruments = Instruments::builtin().expect("instruments");
        let v = view(vec![
            cycle(18, "2018-19", "2018-04"),
            cycle(19, "2019-20", "2018-04"),
        ]);
        let versions = Versions::of(&v, &instruments);
        assert_eq!(versions.reference.version, "2018-04");
        assert!(versions.key().is_empty());
        assert_eq!(versions.year(&v.cycles[0]), "2018-19");
    }
}
