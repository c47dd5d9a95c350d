//! The continuum rubrics: categories, indicators, their criteria, probing
//! questions and the text of each level. The program carries every version
//! a cycle may have been rated with: *Working Better Together* (CCSSO,
//! 2017) and the district adaptation of it, the *Strengthening Partnerships
//! Tool* (2018). Versions share their indicators' keys, so years rated with
//! different versions are compared indicator by indicator.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::{InstrumentError, Level, Source};

const FILE_NAME: &str = "wbt-continuum.toml";
const FILE_TEXT: &str = include_str!("../../../../assets/instruments/wbt-continuum.toml");

/// Every version the program carries; the first is the one a new
/// partnership rates with.
const FILES: [(&str, &str); 2] = [
    (FILE_NAME, FILE_TEXT),
    (
        "wbt-continuum-2018.toml",
        include_str!("../../../../assets/instruments/wbt-continuum-2018.toml"),
    ),
];

/// A continuum rubric as published: levels, categories and indicators.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Continuum {
    pub key: String,
    pub version: String,
    pub title: String,
    pub short_title: String,
    /// PartnerPath's own: the credit a partnership's adaptation of this
    /// version carries ("Adapted from Working Better Together (CCSSO, 2017,
    /// CC BY 4.0)"), followed by the indicators it changed.
    pub adaptation_credit: String,
    pub how_the_tool_is_organized: Vec<String>,
    pub how_to_use: Vec<String>,
    pub headings: Headings,
    pub source: Source,
    pub levels: Vec<LevelName>,
    pub categories: Vec<Category>,
    /// For a version whose own words were partly lost: the version its
    /// missing passages are taken from, and the note that says so.
    #[serde(default)]
    pub filled_from: Option<FilledFrom>,
    /// Set on a partnership's own adaptation (built by
    /// `model::Adaptation::continuum`, never read from a file).
    #[serde(skip)]
    pub adapted: Option<Adapted>,
}

/// What makes a continuum a partnership's adaptation of a published one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adapted {
    /// The name the partnership gave it.
    pub name: String,
    /// Its version, counted from 1: each version a cycle was rated with
    /// keeps its words, and an edit after that makes the next.
    pub number: u32,
    /// The version it adapts ("Working Better Together continuum, version
    /// 2017-10").
    pub based_on: String,
    /// The keys of the indicators whose wording it changed, in published
    /// order.
    pub changed: Vec<String>,
    /// What every screen and paper of it states, as the licence asks:
    /// "Adapted from … (CCSSO, 2017, CC BY 4.0); changed: Shared Goals."
    pub statement: String,
}

/// Where a version's lost passages come from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilledFrom {
    /// The version the passages are taken from ("2017-10").
    pub version: String,
    /// What the user reads beside such a passage: "Note from PartnerPath:
    /// this passage did not survive …".
    pub note: String,
    /// The short mark after each such passage: "(2017 wording)".
    pub mark: String,
}

/// A passage of an indicator: its criteria, one probing question, or the
/// text of one level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Passage {
    /// All its criteria.
    Criteria,
    /// The criterion at this index (from 0) of `criteria`.
    Criterion(usize),
    /// The question at this index (from 0) of `probing_questions`.
    Question(usize),
    Level(Level),
}

impl Passage {
    /// The passage's name in an instrument file: "criteria", "question 3",
    /// "level 2" (counted from 1).
    fn name(self) -> String {
        match self {
            Passage::Criteria => "criteria".to_owned(),
            Passage::Criterion(i) => format!("criterion {}", i + 1),
            Passage::Question(i) => format!("question {}", i + 1),
            Passage::Level(level) => format!("level {}", level.number()),
        }
    }
}

/// The headings of the boxes under each indicator.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    pub criteria: String,
    pub questions: String,
    /// PartnerPath's own: where the team writes its evidence.
    pub evidence: String,
    /// PartnerPath's own: where the team writes its next steps.
    pub next_steps: String,
}

/// The name of one level of effectiveness (1 = Emerging … 4 = Transformational).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelName {
    pub number: u8,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub key: String,
    pub name: String,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub key: String,
    pub name: String,
    /// An editor's note shown next to the indicator (e.g. a known erratum).
    #[serde(default)]
    pub note: Option<String>,
    pub criteria: Vec<String>,
    pub probing_questions: Vec<String>,
    /// One entry per level, in level order; each is the paragraphs of that cell.
    pub levels: Vec<Vec<String>>,
    /// The passages whose words are taken from the version the continuum's
    /// `filled_from` names, by their names ("criteria", "question 3",
    /// "level 2").
    #[serde(default)]
    pub filled: Vec<String>,
}

impl Indicator {
    /// The paragraphs describing `level` for this indicator.
    pub fn level_text(&self, level: Level) -> &[String] {
        self.levels.get(level.index()).map_or(&[], Vec::as_slice)
    }

    /// Whether `passage` is taken from another version.
    pub fn is_filled(&self, passage: Passage) -> bool {
        let name = passage.name();
        self.filled.contains(&name)
    }

    /// A passage's paragraphs as written, without marks.
    pub fn passage(&self, passage: Passage) -> Vec<String> {
        let one = |text: Option<&String>| text.cloned().into_iter().collect();
        match passage {
            Passage::Criteria => self.criteria.clone(),
            Passage::Criterion(i) => one(self.criteria.get(i)),
            Passage::Question(i) => one(self.probing_questions.get(i)),
            Passage::Level(level) => self.level_text(level).to_vec(),
        }
    }

    /// The passages taken from another version, by their names in `filled`,
    /// kept only where this indicator reads as `published` does: a passage
    /// rewritten since is no longer the other version's.
    pub fn filled_where_unchanged(&self, published: &Indicator) -> Vec<String> {
        published
            .passages()
            .filter(|p| published.is_filled(*p) && published.passage(*p) == self.passage(*p))
            .map(Passage::name)
            .collect()
    }

    /// Every passage of the indicator, in the order they are read.
    fn passages(&self) -> impl Iterator<Item = Passage> {
        std::iter::once(Passage::Criteria)
            .chain((0..self.criteria.len()).map(Passage::Criterion))
            .chain((0..self.probing_questions.len()).map(Passage::Question))
            .chain(Level::ALL.into_iter().map(Passage::Level))
    }
}

impl Continuum {
    /// The continuum a new partnership rates with, parsed and validated
    /// once.
    pub fn builtin() -> Result<&'static Continuum, &'static InstrumentError> {
        static NONE: std::sync::LazyLock<InstrumentError> =
            std::sync::LazyLock::new(|| InstrumentError::Invalid {
                file: FILE_NAME.to_owned(),
                problem: "the program carries no continuum".to_owned(),
            });
        Self::builtin_all()?.first().ok_or(&*NONE)
    }

    /// Every version the program carries, the default first.
    pub fn builtin_all() -> Result<&'static [Continuum], &'static InstrumentError> {
        static BUILTIN: OnceLock<Result<Vec<Continuum>, InstrumentError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                FILES
                    .iter()
                    .map(|(file, text)| Continuum::parse(file, text))
                    .collect()
            })
            .as_ref()
            .map(Vec::as_slice)
    }

    /// Whether `other` is the same version of the same tool.
    pub fn is(&self, other: &Continuum) -> bool {
        self.key == other.key && self.version == other.version
    }

    /// The tool and its version, as a cycle names what it was rated with:
    /// "Working Better Together continuum, version 2017-10", or "Our
    /// rubric, version 2 (the partnership's adaptation)".
    pub fn name_and_version(&self) -> String {
        match &self.adapted {
            Some(adapted) => format!(
                "{}, version {} (the partnership's adaptation)",
                adapted.name, adapted.number
            ),
            None => format!("{}, version {}", self.short_title, self.version),
        }
    }

    /// Its version as a title line shows it: "version 2018-04", or an
    /// adaptation's number, "version 2".
    pub fn version_label(&self) -> String {
        match &self.adapted {
            Some(adapted) => format!("version {}", adapted.number),
            None => format!("version {}", self.version),
        }
    }

    /// Said beside an indicator whose wording the partnership changed.
    pub const CHANGED_NOTE: &'static str =
        "Note from PartnerPath: the partnership changed the wording of this indicator.";

    /// Whether the partnership changed the wording of `indicator` in this
    /// adaptation.
    pub fn is_changed(&self, indicator: &str) -> bool {
        self.adapted
            .as_ref()
            .is_some_and(|a| a.changed.iter().any(|k| k == indicator))
    }

    /// A passage's paragraphs as the screens show them and the paper
    /// prints them: the last followed by the mark "(2017 wording)" when
    /// the passage is taken from another version.
    pub fn shown(&self, indicator: &Indicator, passage: Passage) -> Vec<String> {
        let mut paragraphs = match passage {
            // Each criterion with its own mark, if it has one.
            Passage::Criteria => (0..indicator.criteria.len())
                .flat_map(|i| self.shown(indicator, Passage::Criterion(i)))
                .collect(),
            other => indicator.passage(other),
        };
        if let Some(from) = self
            .filled_from
            .as_ref()
            .filter(|_| indicator.is_filled(passage))
            && let Some(last) = paragraphs.last_mut()
        {
            last.push(' ');
            last.push_str(&from.mark);
        }
        paragraphs
    }

    /// The probing questions as shown: each with its mark, if any.
    pub fn questions_shown(&self, indicator: &Indicator) -> Vec<String> {
        (0..indicator.probing_questions.len())
            .flat_map(|i| self.shown(indicator, Passage::Question(i)))
            .collect()
    }

    /// The note beside an indicator some of whose passages are taken from
    /// another version, naming them: "Note from PartnerPath: … (In this
    /// indicator: the criteria; level 2, Developing.)"
    pub fn filled_note(&self, indicator: &Indicator) -> Option<String> {
        let from = self.filled_from.as_ref()?;
        let which: Vec<String> = indicator
            .passages()
            .filter(|p| indicator.is_filled(*p))
            .map(|p| match p {
                Passage::Level(level) => {
                    format!("level {}, {}", level.number(), self.level_name(level))
                }
                Passage::Criteria => "the criteria".to_owned(),
                other @ (Passage::Criterion(_) | Passage::Question(_)) => other.name(),
            })
            .collect();
        (!which.is_empty()).then(|| {
            format!(
                "{} (In this indicator: {}.)",
                from.note.trim_end(),
                which.join("; ")
            )
        })
    }

    /// Checks a continuum built in memory (a partnership's adaptation) as a
    /// file is checked.
    pub fn checked(self) -> Result<Continuum, String> {
        self.validate().map(|()| self)
    }

    /// Parses and validates a continuum instrument file.
    pub fn parse(file: &str, text: &str) -> Result<Continuum, InstrumentError> {
        let continuum: Continuum =
            toml::from_str(text).map_err(|error| InstrumentError::Parse {
                file: file.to_owned(),
                message: error.to_string(),
            })?;
        continuum
            .validate()
            .map_err(|problem| InstrumentError::Invalid {
                file: file.to_owned(),
                problem,
            })?;
        Ok(continuum)
    }

    fn validate(&self) -> Result<(), String> {
        if self.key.trim().is_empty()
            || self.version.trim().is_empty()
            || self.adaptation_credit.trim().is_empty()
        {
            return Err("the instrument needs a key, a version and an adaptation credit".into());
        }
        let numbers: Vec<u8> = self.levels.iter().map(|l| l.number).collect();
        if numbers != [1, 2, 3, 4] {
            return Err(format!("levels must be numbered 1 to 4, found {numbers:?}"));
        }
        if self.levels.iter().any(|l| l.name.trim().is_empty()) {
            return Err("every level needs a name".into());
        }
        let mut keys = HashSet::new();
        for category in &self.categories {
            if category.indicators.is_empty() {
                return Err(format!("category {} has no indicators", category.name));
            }
            if !keys.insert(category.key.as_str()) {
                return Err(format!("key {} is used twice", category.key));
            }
            for indicator in &category.indicators {
                if !keys.insert(indicator.key.as_str()) {
                    return Err(format!("key {} is used twice", indicator.key));
                }
                if indicator.criteria.is_empty() || indicator.probing_questions.is_empty() {
                    return Err(format!(
                        "indicator {} needs criteria and probing questions",
                        indicator.name
                    ));
                }
                if indicator.levels.len() != self.levels.len() {
                    return Err(format!(
                        "indicator {} has {} levels, expected {}",
                        indicator.name,
                        indicator.levels.len(),
                        self.levels.len()
                    ));
                }
                let empty_level = indicator
                    .levels
                    .iter()
                    .any(|paragraphs| paragraphs.iter().all(|p| p.trim().is_empty()));
                if empty_level {
                    return Err(format!("indicator {} has an empty level", indicator.name));
                }
                if let Some(name) = indicator
                    .filled
                    .iter()
                    .find(|f| !indicator.passages().any(|p| p.name() == **f))
                {
                    return Err(format!(
                        "indicator {} names no passage {name:?} as filled",
                        indicator.name
                    ));
                }
                if !indicator.filled.is_empty() && self.filled_from.is_none() {
                    return Err(format!(
                        "indicator {} has filled passages but the file names no filled_from",
                        indicator.name
                    ));
                }
            }
        }
        Ok(())
    }

    /// All indicators in published order.
    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.categories.iter().flat_map(|c| c.indicators.iter())
    }

    pub fn indicator_count(&self) -> usize {
        self.categories.iter().map(|c| c.indicators.len()).sum()
    }

    pub fn indicator(&self, key: &str) -> Option<&Indicator> {
        self.indicators().find(|i| i.key == key)
    }

    /// The published name of a level ("Emerging" …).
    pub fn level_name(&self, level: Level) -> &str {
        self.levels
            .get(level.index())
            .map_or("", |l| l.name.as_str())
    }

    /// A level with its number, as cells, axes and hovers show it:
    /// "3 Established".
    pub fn numbered_level(&self, level: Level) -> String {
        format!("{} {}", level.number(), self.level_name(level))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_level_count_is_refused() {
        let broken = FILE_TEXT.replacen(
            "levels = [\n  [\"Partners have discussed the development",
            "levels = [\n  [\"x\"],\n  [\"Partners have discussed the development",
            1,
        );
        assert_ne!(broken, FILE_TEXT);
        let error = Continuum::parse("broken.toml", &broken).unwrap_err();
        assert!(error.to_string().contains("has 5 levels"), "{error}");
    }

    #[test]
    fn a_repeated_key_is_refused() {
        let broken =
            FILE_TEXT.replacen("key = \"shared-goals\"", "key = \"mission-and-beliefs\"", 1);
        let error = Continuum::parse("broken.toml", &broken).unwrap_err();
        assert!(error.to_string().contains("used twice"), "{error}");
    }

    #[test]
    fn malformed_toml_names_the_file() {
        let error = Continuum::parse("x.toml", "key = ").unwrap_err();
        assert!(error.to_string().contains("x.toml"), "{error}");
    }
}
