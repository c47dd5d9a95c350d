//! The partnership's adaptations of the continuum in the view: each version
//! built once as a continuum, found by the version a cycle names, and the
//! edit a change makes (the version itself, or its next).

use super::PartnershipView;
use crate::instrument::{Continuum, Instruments};
use crate::model::{Adaptation, AdaptationFields, AdaptationId, Command, NewAdaptation, Wording};

/// The adaptations built as continuums. They follow from the adaptations
/// the view holds, so two views holding the same are equal.
#[derive(Debug, Clone, Default)]
pub(super) struct Built(pub(super) Vec<Continuum>);

impl PartialEq for Built {
    fn eq(&self, _: &Built) -> bool {
        true
    }
}

impl Eq for Built {}

impl PartnershipView {
    /// Holds `adaptations` (every version) and builds each as a continuum;
    /// a version that cannot be built (its base is not in this program) is
    /// left out, and its cycles show the default wording.
    pub fn set_adaptations(&mut self, mut adaptations: Vec<Adaptation>) {
        adaptations.sort_by_key(|a| a.id);
        let built = Instruments::builtin().map_or_else(
            |_| Vec::new(),
            |instruments| {
                adaptations
                    .iter()
                    .filter_map(|a| a.continuum(&instruments).ok())
                    .collect()
            },
        );
        self.adaptations = adaptations;
        self.adapted = Built(built);
    }

    /// The continuum named by `key` and `version`: a published one, or a
    /// version of the partnership's adaptation.
    pub fn continuum_of<'a>(
        &'a self,
        instruments: &Instruments,
        key: &str,
        version: &str,
    ) -> Option<&'a Continuum> {
        instruments.continuum_of(key, version).or_else(|| {
            self.adapted
                .0
                .iter()
                .find(|c| c.key == key && c.version == version)
        })
    }

    /// The newest version of each adaptation, in the order they were first
    /// made, as continuums: what a new cycle may be rated with.
    pub fn adapted_newest(&self) -> impl Iterator<Item = &Continuum> {
        self.newest_adaptations().filter_map(|a| {
            let version = a.instrument_version();
            self.adapted.0.iter().find(|c| c.version == version)
        })
    }

    /// The newest version of each adaptation, in the order they were first
    /// made.
    pub fn newest_adaptations(&self) -> impl Iterator<Item = &Adaptation> {
        let mut lineages: Vec<uuid::Uuid> = Vec::new();
        for a in &self.adaptations {
            if !lineages.contains(&a.lineage) {
                lineages.push(a.lineage);
            }
        }
        lineages
            .into_iter()
            .filter_map(|lineage| self.newest_version(lineage))
    }

    /// The newest version of the adaptation `lineage`.
    pub fn newest_version(&self, lineage: uuid::Uuid) -> Option<&Adaptation> {
        self.adaptations
            .iter()
            .filter(|a| a.lineage == lineage)
            .max_by_key(|a| (a.number, a.id))
    }

    pub fn adaptation(&self, id: AdaptationId) -> Option<&Adaptation> {
        self.adaptations.iter().find(|a| a.id == id)
    }

    /// The adaptation, as a continuum, a version of which is `continuum`.
    pub fn adaptation_of(&self, continuum: &Continuum) -> Option<&Adaptation> {
        self.adaptations
            .iter()
            .find(|a| a.instrument_version() == continuum.version)
    }

    /// Whether a cycle was ever created with this version (so its words are
    /// kept as they are).
    pub fn is_rated_with(&self, adaptation: &AdaptationFields) -> bool {
        self.rated_with.iter().any(|(key, version)| {
            *key == adaptation.based_on_key && *version == adaptation.instrument_version()
        })
    }

    /// Whether a cycle was ever created with any version of the adaptation
    /// `id` belongs to.
    pub fn is_adaptation_rated_with(&self, id: AdaptationId) -> bool {
        self.adaptation(id).is_some_and(|a| {
            self.adaptations
                .iter()
                .filter(|v| v.lineage == a.lineage)
                .any(|v| self.is_rated_with(v))
        })
    }

    /// The school years rated with a version of an adaptation.
    pub fn years_rated_with(&self, adaptation: &AdaptationFields) -> Vec<&str> {
        let version = adaptation.instrument_version();
        self.cycles
            .iter()
            .filter(|c| c.instrument_version == version)
            .map(|c| c.school_year.as_str())
            .collect()
    }

    /// A new adaptation of `from` (a published continuum, or a version of
    /// an adaptation, whose wording it starts with), under a name no other
    /// adaptation has, made `today`.
    pub fn adapt(
        &self,
        instruments: &Instruments,
        from: &Continuum,
        today: jiff::civil::Date,
    ) -> Option<Command> {
        let (base, wording) = match self.adaptation_of(from) {
            Some(adaptation) => (adaptation.base(instruments)?, adaptation.wording.clone()),
            None => (
                instruments.continuum_of(&from.key, &from.version)?,
                Wording::default(),
            ),
        };
        let taken = |name: &str| self.adaptations.iter().any(|a| a.name == name);
        let name = (1..)
            .map(|n| match n {
                1 => "Our adaptation of the continuum".to_owned(),
                n => format!("Our adaptation of the continuum ({n})"),
            })
            .find(|name| !taken(name))?;
        let mut fields = AdaptationFields::first(base, &name, today);
        fields.wording = wording;
        Some(Command::AddAdaptation(NewAdaptation {
            partnership_id: self.partnership.id,
            fields,
        }))
    }

    /// The edit that changes the newest version of the adaptation `id`
    /// belongs to as `change` does, made `today`: that version itself while
    /// no cycle was rated with it, else its next version. `None` when
    /// nothing changes.
    pub fn edit_adaptation(
        &self,
        id: AdaptationId,
        change: impl FnOnce(&mut AdaptationFields),
        today: jiff::civil::Date,
    ) -> Option<Command> {
        let newest = self.newest_version(self.adaptation(id)?.lineage)?;
        let mut fields = newest.fields.clone();
        change(&mut fields);
        if fields == newest.fields {
            return None;
        }
        if self.is_rated_with(&newest.fields) {
            let next = newest.next(today);
            fields.version_id = next.version_id;
            fields.number = next.number;
            fields.made_on = next.made_on;
            Some(Command::AddAdaptation(NewAdaptation {
                partnership_id: self.partnership.id,
                fields,
            }))
        } else {
            Some(Command::UpdateAdaptation(Adaptation {
                fields,
                ..newest.clone()
            }))
        }
    }
}
