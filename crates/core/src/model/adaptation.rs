//! A partnership's own adaptation of a published continuum, as the 2018
//! *Strengthening Partnerships Tool* is a district's adaptation of the 2017
//! rubric. The partnership rewrites criteria, probing questions and level
//! texts; the categories, indicators and levels stay the published ones, so
//! that years rated with either are compared indicator by indicator.
//!
//! An adaptation is kept as versions. A version holds the wording of the
//! indicators it changed, not the rest, and is frozen once a cycle is rated
//! with it: the next edit makes the next version
//! (`PartnershipView::edit_adaptation`). Each version is a continuum like a
//! published one (`AdaptationFields::continuum`), named by a cycle as
//! `instrument_version`, and states what the licence asks: what it is
//! adapted from and which indicators it changed.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::PartnershipId;
use crate::instrument::{Adapted, Continuum, Indicator, Instruments, Level};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AdaptationId(pub i64);

/// One version of a partnership's adaptation; it reads as its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adaptation {
    pub id: AdaptationId,
    pub partnership_id: PartnershipId,
    pub fields: AdaptationFields,
}

/// What a version of an adaptation says, declared once (`XAdaptation`
/// holds it too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdaptationFields {
    /// Shared by every version of one adaptation.
    pub lineage: Uuid,
    /// This version's own id, which a cycle rated with it names: two
    /// laptops that each make a next version make two, never one.
    pub version_id: Uuid,
    /// The version as the team counts it, from 1.
    pub number: u32,
    /// The name the partnership gave it.
    pub name: String,
    /// The published continuum it adapts: its key and version.
    pub based_on_key: String,
    pub based_on_version: String,
    /// The wording of the indicators it changed.
    pub wording: Wording,
    /// The day this version was made.
    pub made_on: Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAdaptation {
    pub partnership_id: PartnershipId,
    pub fields: AdaptationFields,
}

/// The rewritten indicators, by key; an indicator left as published is not
/// here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Wording(pub BTreeMap<String, IndicatorWording>);

/// An indicator's whole wording, as an adaptation has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorWording {
    pub criteria: Vec<String>,
    pub probing_questions: Vec<String>,
    /// One entry per level, in level order: that cell's paragraphs.
    pub levels: Vec<Vec<String>>,
}

impl IndicatorWording {
    fn of(indicator: &Indicator) -> IndicatorWording {
        IndicatorWording {
            criteria: indicator.criteria.clone(),
            probing_questions: indicator.probing_questions.clone(),
            levels: indicator.levels.clone(),
        }
    }

    /// Whether every part has words (and every level its cell).
    pub fn is_complete(&self) -> bool {
        let filled = |paragraphs: &[String]| paragraphs.iter().any(|p| !p.trim().is_empty());
        filled(&self.criteria)
            && filled(&self.probing_questions)
            && self.levels.len() == Level::ALL.len()
            && self.levels.iter().all(|l| filled(l))
    }
}

/// A part of an indicator's wording the partnership may rewrite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Criteria,
    /// All its probing questions, one per line.
    Questions,
    Level(Level),
}

impl Part {
    /// Every part of an indicator, in the order they are read.
    pub fn all() -> impl Iterator<Item = Part> {
        [Part::Criteria, Part::Questions]
            .into_iter()
            .chain(Level::ALL.into_iter().map(Part::Level))
    }

    /// A part's paragraphs as one text to edit: probing questions one per
    /// line, other paragraphs apart by an empty line.
    pub fn as_text(self, paragraphs: &[String]) -> String {
        paragraphs.join(match self {
            Part::Questions => "\n",
            Part::Criteria | Part::Level(_) => "\n\n",
        })
    }

    /// A typed text as the part's paragraphs: each line a question, or each
    /// run of lines between empty lines a paragraph; spaces at the ends
    /// and empty ones dropped.
    pub fn paragraphs(self, text: &str) -> Vec<String> {
        let pieces: Vec<&str> = match self {
            Part::Questions => text.lines().collect(),
            Part::Criteria | Part::Level(_) => text.split("\n\n").collect(),
        };
        pieces
            .into_iter()
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect()
    }

    fn of(self, wording: &IndicatorWording) -> &[String] {
        match self {
            Part::Criteria => &wording.criteria,
            Part::Questions => &wording.probing_questions,
            Part::Level(level) => wording.levels.get(level.index()).map_or(&[], Vec::as_slice),
        }
    }

    fn set(self, wording: &mut IndicatorWording, paragraphs: Vec<String>) {
        match self {
            Part::Criteria => wording.criteria = paragraphs,
            Part::Questions => wording.probing_questions = paragraphs,
            Part::Level(level) => {
                if let Some(cell) = wording.levels.get_mut(level.index()) {
                    *cell = paragraphs;
                }
            }
        }
    }
}

/// The version string of an adaptation's continuum starts so; the rest is
/// the version's own id.
pub const ADAPTED_VERSION: &str = "adapted-";

impl AdaptationFields {
    /// A first version of a new adaptation of `base`, as published, under
    /// `name`, made `today`.
    pub fn first(base: &Continuum, name: &str, today: Date) -> AdaptationFields {
        AdaptationFields {
            lineage: Uuid::new_v4(),
            version_id: Uuid::new_v4(),
            number: 1,
            name: name.to_owned(),
            based_on_key: base.key.clone(),
            based_on_version: base.version.clone(),
            wording: Wording::default(),
            made_on: today,
        }
    }

    /// The version a cycle rated with it names: "adapted-<version id>".
    pub fn instrument_version(&self) -> String {
        format!("{ADAPTED_VERSION}{}", self.version_id.simple())
    }

    /// The next version of this one, made `today`: the same words, under a
    /// new id and the next number.
    pub fn next(&self, today: Date) -> AdaptationFields {
        AdaptationFields {
            version_id: Uuid::new_v4(),
            number: self.number + 1,
            made_on: today,
            ..self.clone()
        }
    }

    /// The published continuum it adapts, if this program has it.
    pub fn base(&self, instruments: &Instruments) -> Option<&'static Continuum> {
        instruments.continuum_of(&self.based_on_key, &self.based_on_version)
    }

    /// A part of an indicator as this version words it.
    pub fn part(&self, base: &Continuum, indicator: &str, part: Part) -> Vec<String> {
        match self.wording.0.get(indicator) {
            Some(wording) => part.of(wording).to_vec(),
            None => base
                .indicator(indicator)
                .map(|i| part.of(&IndicatorWording::of(i)).to_vec())
                .unwrap_or_default(),
        }
    }

    /// Its wording with `part` of `indicator` rewritten as `paragraphs`; an
    /// indicator that reads as published again is dropped.
    pub fn with(
        &self,
        base: &Continuum,
        indicator: &str,
        part: Part,
        paragraphs: Vec<String>,
    ) -> Wording {
        let mut wording = self.wording.clone();
        let Some(published) = base.indicator(indicator).map(IndicatorWording::of) else {
            return wording;
        };
        let mut changed = wording
            .0
            .get(indicator)
            .cloned()
            .unwrap_or_else(|| published.clone());
        part.set(&mut changed, paragraphs);
        if changed == published {
            wording.0.remove(indicator);
        } else {
            wording.0.insert(indicator.to_owned(), changed);
        }
        wording
    }

    /// Its wording with `indicator` as published again.
    pub fn without(&self, indicator: &str) -> Wording {
        let mut wording = self.wording.clone();
        wording.0.remove(indicator);
        wording
    }

    /// This version as a continuum to rate with, show and print: the
    /// published one with the partnership's wording, named as theirs, and
    /// stating what it is adapted from and what it changed. An error says
    /// why it cannot be one (a base this program lacks, a part left empty).
    pub fn continuum(&self, instruments: &Instruments) -> Result<Continuum, String> {
        let base = self.base(instruments).ok_or_else(|| {
            format!(
                "it adapts continuum version {}, which this copy of PartnerPath does not include",
                self.based_on_version
            )
        })?;
        let mut continuum = base.clone();
        let mut changed = Vec::new();
        for indicator in continuum
            .categories
            .iter_mut()
            .flat_map(|c| c.indicators.iter_mut())
        {
            let Some(wording) = self.wording.0.get(&indicator.key) else {
                continue;
            };
            if !wording.is_complete() {
                return Err(format!("a part of {} has no words", indicator.name));
            }
            if *wording == IndicatorWording::of(indicator) {
                continue;
            }
            let published = indicator.clone();
            indicator.criteria.clone_from(&wording.criteria);
            indicator
                .probing_questions
                .clone_from(&wording.probing_questions);
            indicator.levels.clone_from(&wording.levels);
            // A passage the published version took from another keeps its
            // mark only while the partnership has not rewritten it.
            indicator.filled = indicator.filled_where_unchanged(&published);
            // A note on the published words may not hold for the new ones.
            indicator.note = None;
            changed.push((indicator.key.clone(), indicator.name.clone()));
        }
        if let Some(unknown) = self.wording.0.keys().find(|k| base.indicator(k).is_none()) {
            return Err(format!(
                "it rewrites an indicator {unknown:?} the rubric does not have"
            ));
        }
        let names: Vec<&str> = changed.iter().map(|(_, name)| name.as_str()).collect();
        let statement = format!(
            "{}; changed: {}.",
            base.adaptation_credit.trim_end_matches('.'),
            if names.is_empty() {
                "none yet".to_owned()
            } else {
                names.join(", ")
            }
        );
        continuum.version = self.instrument_version();
        continuum.title.clone_from(&self.name);
        continuum.short_title.clone_from(&self.name);
        continuum.adapted = Some(Adapted {
            name: self.name.clone(),
            number: self.number,
            based_on: base.name_and_version(),
            changed: changed.into_iter().map(|(key, _)| key).collect(),
            statement,
        });
        continuum.checked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instruments() -> Instruments {
        Instruments::builtin().expect("instruments")
    }

    fn first(version: &str) -> AdaptationFields {
        let base = instruments()
            .continuum_version(version)
            .expect("a published version");
        AdaptationFields::first(base, "Our rubric", jiff::civil::date(2026, 12, 3))
    }

    #[test]
    fn a_fresh_copy_reads_as_published_and_says_nothing_changed() {
        let fields = first("2017-10");
        let continuum = fields.continuum(&instruments()).expect("a continuum");
        let published = instruments().continuum;
        let shared = continuum.indicator("shared-goals").expect("shared goals");
        assert_eq!(
            shared.criteria,
            published
                .indicator("shared-goals")
                .expect("published")
                .criteria
        );
        let adapted = continuum.adapted.expect("adapted");
        assert_eq!(
            adapted.statement,
            "Adapted from Working Better Together (CCSSO, 2017, CC BY 4.0); changed: none yet."
        );
        assert!(continuum.version.starts_with(ADAPTED_VERSION));
        assert_eq!(continuum.key, published.key, "a version of the same rubric");
    }

    #[test]
    fn a_rewritten_level_changes_that_indicator_only_and_is_named() {
        let mut fields = first("2017-10");
        let base = instruments().continuum;
        fields.wording = fields.with(
            base,
            "shared-goals",
            Part::Level(Level::ALL[2]),
            vec!["Our own words.".into()],
        );
        let continuum = fields.continuum(&instruments()).expect("a continuum");
        let shared = continuum.indicator("shared-goals").expect("shared goals");
        assert_eq!(shared.level_text(Level::ALL[2]), ["Our own words."]);
        assert_eq!(
            shared.level_text(Level::ALL[0]),
            base.indicator("shared-goals")
                .expect("published")
                .level_text(Level::ALL[0])
        );
        assert!(continuum.is_changed("shared-goals"));
        assert!(!continuum.is_changed("mission-and-beliefs"));
        assert!(
            continuum
                .adapted
                .as_ref()
                .expect("adapted")
                .statement
                .ends_with("; changed: Shared Goals."),
            "{:?}",
            continuum.adapted
        );
    }

    #[test]
    fn writing_the_published_words_back_drops_the_indicator() {
        let mut fields = first("2017-10");
        let base = instruments().continuum;
        let published = fields.part(base, "roles-and-responsibilities", Part::Criteria);
        fields.wording = fields.with(
            base,
            "roles-and-responsibilities",
            Part::Criteria,
            vec!["Changed.".into()],
        );
        assert_eq!(fields.wording.0.len(), 1);
        fields.wording = fields.with(
            base,
            "roles-and-responsibilities",
            Part::Criteria,
            published,
        );
        assert!(fields.wording.0.is_empty());
    }

    #[test]
    fn an_empty_part_is_not_a_continuum() {
        let mut fields = first("2017-10");
        let base = instruments().continuum;
        fields.wording = fields.with(base, "shared-goals", Part::Questions, vec![]);
        let error = fields.continuum(&instruments()).unwrap_err();
        assert!(error.contains("Shared Goals"), "{error}");
    }

    #[test]
    fn a_rewritten_passage_loses_its_2017_mark_and_the_others_keep_theirs() {
        let mut fields = first("2018-04");
        let base = instruments().continuum_version("2018-04").expect("2018");
        let indicator = base
            .indicators()
            .find(|i| i.filled.iter().any(|f| f == "criteria"))
            .expect("an indicator with 2017 criteria");
        fields.wording = fields.with(
            base,
            &indicator.key,
            Part::Level(Level::ALL[1]),
            vec!["Ours.".into()],
        );
        let continuum = fields.continuum(&instruments()).expect("a continuum");
        let kept = continuum.indicator(&indicator.key).expect("kept");
        assert!(kept.filled.contains(&"criteria".to_owned()));
        fields.wording = fields.with(base, &indicator.key, Part::Criteria, vec!["Ours.".into()]);
        let continuum = fields.continuum(&instruments()).expect("a continuum");
        let kept = continuum.indicator(&indicator.key).expect("kept");
        assert!(!kept.filled.contains(&"criteria".to_owned()));
        assert!(
            continuum
                .adapted
                .as_ref()
                .expect("adapted")
                .statement
                .starts_with("Adapted from the Strengthening Partnerships Tool (2018), itself adapted from Working Better Together")
        );
    }

    #[test]
    fn typed_text_becomes_paragraphs_and_back() {
        let text = "First line\nstill first.\n\n  Second.  \n\n\n";
        assert_eq!(
            Part::Criteria.paragraphs(text),
            ["First line still first.", "Second."]
        );
        assert_eq!(
            Part::Questions.paragraphs("Why?\n\n How?\n"),
            ["Why?", "How?"]
        );
        let questions = vec!["Why?".to_owned(), "How?".to_owned()];
        assert_eq!(
            Part::Questions.paragraphs(&Part::Questions.as_text(&questions)),
            questions
        );
    }
}
