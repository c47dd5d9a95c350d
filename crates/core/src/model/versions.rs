//! Which version of the continuum each cycle was rated with, and how the
//! screens and papers across the years say so: the years rated with a
//! version other than the newest year's carry a mark ("2019-20 *"), and a
//! key under the chart names each version in words.

use super::{Cycle, CycleId, PartnershipView};
use crate::instrument::{Continuum, Instruments};

/// The marks of one partnership's years.
#[derive(Debug, Clone)]
pub struct Versions {
    /// The continuum of the newest cycle: its indicator names head the
    /// charts, and years rated with it carry no mark.
    pub reference: &'static Continuum,
    marks: Vec<(CycleId, String)>,
    key: Vec<String>,
}

/// The marks given to the other versions, in the order they are met.
const MARKS: [&str; 4] = ["*", "†", "‡", "§"];

impl Versions {
    /// The versions of all of `view`'s cycles.
    pub fn of(view: &PartnershipView, instruments: &Instruments) -> Versions {
        let cycles: Vec<&Cycle> = view.cycles.iter().collect();
        Self::of_cycles(&cycles, instruments)
    }

    /// The versions of `cycles` (oldest first). A cycle whose version the
    /// program lacks reads as the default continuum.
    pub fn of_cycles(cycles: &[&Cycle], instruments: &Instruments) -> Versions {
        let reference = cycles
            .last()
            .map_or(instruments.continuum, |c| continuum_for(instruments, c));
        let mut others: Vec<&'static Continuum> = Vec::new();
        let mut marks = Vec::new();
        for cycle in cycles {
            let continuum = continuum_for(instruments, cycle);
            if std::ptr::eq(continuum, reference) {
                continue;
            }
            let index = others
                .iter()
                .position(|c| std::ptr::eq(*c, continuum))
                .unwrap_or_else(|| {
                    others.push(continuum);
                    others.len() - 1
                });
            let mark = MARKS
                .get(index)
                .map_or_else(|| format!("({})", index + 1), |m| (*m).to_owned());
            marks.push((cycle.id, mark));
        }
        let mut key = Vec::new();
        if !others.is_empty() {
            for (index, continuum) in others.iter().enumerate() {
                let mark = MARKS
                    .get(index)
                    .map_or_else(|| format!("({})", index + 1), |m| (*m).to_owned());
                let years: Vec<&str> = cycles
                    .iter()
                    .filter(|c| std::ptr::eq(continuum_for(instruments, c), *continuum))
                    .map(|c| c.school_year.as_str())
                    .collect();
                key.push(format!(
                    "{mark} Rated with the {}: {}.",
                    continuum.name_and_version(),
                    years.join(", ")
                ));
            }
            key.push(format!(
                "Years without a mark were rated with the {}. Indicators are compared by what they assess; their wording differs between versions.",
                reference.name_and_version()
            ));
        }
        Versions {
            reference,
            marks,
            key,
        }
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

/// The continuum `cycle` was rated with, or the default one when the
/// program lacks its version.
pub fn continuum_for(instruments: &Instruments, cycle: &Cycle) -> &'static Continuum {
    instruments
        .continuum_of(&cycle.instrument_key, &cycle.instrument_version)
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
