//! The in-memory view of one open partnership, which the screens draw from.
//! It is loaded once from the database and kept in step with every edit by
//! `apply` (in `view/apply.rs`).

mod adaptations;
mod apply;

use std::collections::{BTreeSet, HashMap};

use adaptations::Built;

use super::{
    ActionSource, ActionStep, Adaptation, AttachedTo, Attachment, CheckIn, Cycle, CycleId,
    Document, DocumentId, Goal, Level, Mean, Milestone, Partnership, Person, PersonId, Rater,
    Rating, RatingKey, ReadinessMemberId, ReadinessRoundId, ReadinessView, Side, Spread,
    StageEntry, average,
};
use crate::instrument::Category;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnershipView {
    pub partnership: Partnership,
    /// People in the order they were added.
    pub people: Vec<Person>,
    /// Cycles oldest first.
    pub cycles: Vec<Cycle>,
    /// Stage of partnering entries, in any order (see `stage_history`).
    pub stages: Vec<StageEntry>,
    /// Readiness rounds, oldest first.
    pub readiness: Vec<ReadinessView>,
    /// Filled worksheets (contract supplement, meetings …), oldest first.
    pub documents: Vec<Document>,
    pub action_steps: Vec<ActionStep>,
    pub goals: Vec<Goal>,
    pub milestones: Vec<Milestone>,
    pub check_ins: Vec<CheckIn>,
    /// Evidence attached to its records (not the files' content, which is
    /// read when a file is opened), in the order it was attached.
    pub attachments: Vec<Attachment>,
    /// Set when this partnership is a copy made for some people to rate one
    /// cycle apart (imported from an exchange file made for them).
    pub rating_copy: Option<RatingCopy>,
    /// The partnership's adaptations of the continuum, every version, in
    /// the order they were made (`set_adaptations`).
    pub adaptations: Vec<Adaptation>,
    /// Each continuum (key, version) a cycle of the partnership was ever
    /// created with, those in "Recently deleted" too: a version of an
    /// adaptation named here keeps its words.
    pub rated_with: BTreeSet<(String, String)>,
    /// The adaptations as continuums, built from `adaptations`.
    adapted: Built,
    ratings: HashMap<(CycleId, Rater), HashMap<String, Rating>>,
}

/// A copy of a partnership made for rating apart: these people rate this
/// cycle, each only as themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingCopy {
    pub cycle: CycleId,
    pub people: Vec<PersonId>,
}

impl RatingCopy {
    /// Whether a rating may be given as `rater` in this copy.
    pub fn rates_as(&self, rater: Rater) -> bool {
        matches!(rater, Rater::Person(id) if self.people.contains(&id))
    }
}

impl PartnershipView {
    /// Leaves out the records that hold nothing: a rating with no level
    /// and no words, a team member's rating or a team's summary with
    /// nothing in it, a worksheet's field holding nothing. Every screen
    /// and printout reads them as none; undoing the first words typed
    /// into a field leaves such a record, so views are compared this way
    /// across an undo.
    pub fn without_empty_records(mut self) -> PartnershipView {
        for ratings in self.ratings.values_mut() {
            ratings.retain(|_, r| *r != Rating::default());
        }
        self.ratings.retain(|_, ratings| !ratings.is_empty());
        for round in &mut self.readiness {
            round.forget_empty();
        }
        for document in &mut self.documents {
            document.values.retain(|_, v| *v != v.emptied());
        }
        self
    }

    pub fn new(
        partnership: Partnership,
        people: Vec<Person>,
        mut cycles: Vec<Cycle>,
        stages: Vec<StageEntry>,
        mut readiness: Vec<ReadinessView>,
        ratings: Vec<(RatingKey, Rating)>,
    ) -> PartnershipView {
        readiness.sort_by_key(|r| (r.round.held_on, r.round.id));
        cycles.sort_by_key(|c| (c.administered_on, c.id.0));
        let mut view = PartnershipView {
            partnership,
            people,
            cycles,
            stages,
            readiness,
            documents: Vec::new(),
            action_steps: Vec::new(),
            goals: Vec::new(),
            milestones: Vec::new(),
            check_ins: Vec::new(),
            attachments: Vec::new(),
            rating_copy: None,
            adaptations: Vec::new(),
            rated_with: BTreeSet::new(),
            adapted: Built::default(),
            ratings: HashMap::new(),
        };
        for (key, rating) in ratings {
            view.put_rating(key, rating);
        }
        view
    }

    pub fn cycle(&self, id: CycleId) -> Option<&Cycle> {
        self.cycles.iter().find(|c| c.id == id)
    }

    pub fn document(&self, id: DocumentId) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The documents made with the worksheet `key`, oldest first.
    pub fn documents_of<'v>(&'v self, key: &'v str) -> impl Iterator<Item = &'v Document> + 'v {
        self.documents
            .iter()
            .filter(move |d| d.instrument_key == key)
    }

    /// The action steps raised at the meeting `document`.
    pub fn steps_raised_at(&self, document: DocumentId) -> impl Iterator<Item = &ActionStep> {
        self.action_steps
            .iter()
            .filter(move |s| s.source == ActionSource::Meeting(document))
    }

    pub fn readiness_round(&self, id: ReadinessRoundId) -> Option<&ReadinessView> {
        self.readiness.iter().find(|r| r.round.id == id)
    }

    /// The readiness round `member` rates in.
    pub fn round_of_member(&self, member: ReadinessMemberId) -> Option<&ReadinessView> {
        self.readiness.iter().find(|r| r.member(member).is_some())
    }

    pub fn readiness_round_mut(&mut self, id: ReadinessRoundId) -> Option<&mut ReadinessView> {
        self.readiness.iter_mut().find(|r| r.round.id == id)
    }

    /// Whether the record `to` names is here, for evidence to be attached
    /// to it.
    pub fn holds(&self, to: &AttachedTo) -> bool {
        match to {
            AttachedTo::Indicator(cycle, _) => self.cycle(*cycle).is_some(),
            AttachedTo::ReadinessRound(round) => self.readiness_round(*round).is_some(),
            AttachedTo::Document(document) => self.document(*document).is_some(),
            AttachedTo::Milestone(milestone) => self.milestones.iter().any(|m| m.id == *milestone),
        }
    }

    /// The evidence attached to `to`, in the order it was attached.
    pub fn attachments_on<'v>(
        &'v self,
        to: &'v AttachedTo,
    ) -> impl Iterator<Item = &'v Attachment> + 'v {
        self.attachments.iter().filter(move |a| a.to == *to)
    }

    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The rating of one indicator, if anything was recorded for it.
    pub fn rating(&self, cycle: CycleId, rater: Rater, indicator_key: &str) -> Option<&Rating> {
        self.ratings.get(&(cycle, rater))?.get(indicator_key)
    }

    /// Changes one rating in memory (the database was written first).
    pub fn update_rating(&mut self, key: &RatingKey, change: impl FnOnce(&mut Rating)) {
        let rating = self
            .ratings
            .entry((key.cycle_id, key.rater))
            .or_default()
            .entry(key.indicator_key.clone())
            .or_default();
        change(rating);
    }

    fn put_rating(&mut self, key: RatingKey, rating: Rating) {
        self.ratings
            .entry((key.cycle_id, key.rater))
            .or_default()
            .insert(key.indicator_key, rating);
    }

    /// How many of `indicator_keys` have a level chosen by `rater` in `cycle`.
    pub fn rated_count<'k>(
        &self,
        cycle: CycleId,
        rater: Rater,
        indicator_keys: impl IntoIterator<Item = &'k str>,
    ) -> usize {
        let Some(ratings) = self.ratings.get(&(cycle, rater)) else {
            return 0;
        };
        indicator_keys
            .into_iter()
            .filter(|key| ratings.get(*key).is_some_and(|r| r.level.is_some()))
            .count()
    }

    /// The team's average over the indicators of `category` in a cycle
    /// (unrated ones left out); `None` when none is rated.
    pub fn category_average(&self, cycle: CycleId, category: &Category) -> Option<Mean> {
        average(
            category
                .indicators
                .iter()
                .map(|i| self.level(cycle, Rater::Consensus, &i.key)),
        )
    }

    /// The level `rater` chose for an indicator, if any.
    pub fn level(&self, cycle: CycleId, rater: Rater, indicator_key: &str) -> Option<Level> {
        self.rating(cycle, rater, indicator_key)
            .and_then(|r| r.level)
    }

    /// The levels of `indicator_keys`, in their order, as `rater` chose them.
    pub fn levels<'k>(
        &self,
        cycle: CycleId,
        rater: Rater,
        indicator_keys: impl IntoIterator<Item = &'k str>,
    ) -> Vec<Option<Level>> {
        indicator_keys
            .into_iter()
            .map(|key| self.level(cycle, rater, key))
            .collect()
    }

    /// The people of the partnership who chose a level for `indicator_key`
    /// in `cycle`, with that level, in the order the people were added.
    pub fn individual_levels(&self, cycle: CycleId, indicator_key: &str) -> Vec<(&Person, Level)> {
        self.people
            .iter()
            .filter_map(|person| {
                self.level(cycle, Rater::Person(person.id), indicator_key)
                    .map(|level| (person, level))
            })
            .collect()
    }

    /// Whether each person's level in `cycle` is hidden until the team
    /// reveals them ("Rate first, reveal together").
    pub fn levels_hidden(&self, cycle: CycleId) -> bool {
        self.cycle(cycle).is_some_and(|c| c.hidden)
    }

    /// Each person's level as the window and the paper may show it: none
    /// while the cycle's levels are hidden until revealed.
    pub fn levels_shown(&self, cycle: CycleId, indicator_key: &str) -> Vec<(&Person, Level)> {
        if self.levels_hidden(cycle) {
            Vec::new()
        } else {
            self.individual_levels(cycle, indicator_key)
        }
    }

    /// The spread of the levels shown (none while hidden).
    pub fn spread_shown(&self, cycle: CycleId, indicator_key: &str) -> Option<Spread> {
        Spread::of(
            self.levels_shown(cycle, indicator_key)
                .into_iter()
                .map(|(_, level)| Some(level)),
        )
    }

    /// Who has rated `indicator_key` on their own in `cycle`, in words
    /// that name no level: "3 of 8 have rated".
    pub fn rated_so_far(&self, cycle: CycleId, indicator_key: &str) -> String {
        let rated = self.individual_levels(cycle, indicator_key).len();
        format!("{rated} of {} have rated", self.people.len())
    }

    /// How the individual ratings of one indicator spread (the team's
    /// consensus is not one of them).
    pub fn individual_spread(&self, cycle: CycleId, indicator_key: &str) -> Option<Spread> {
        Spread::of(
            self.individual_levels(cycle, indicator_key)
                .into_iter()
                .map(|(_, level)| Some(level)),
        )
    }

    /// The spread of one side's individual ratings of an indicator.
    pub fn side_spread(&self, cycle: CycleId, indicator_key: &str, side: Side) -> Option<Spread> {
        Spread::of(
            self.individual_levels(cycle, indicator_key)
                .into_iter()
                .filter(|(person, _)| person.side == side)
                .map(|(_, level)| Some(level)),
        )
    }

    /// The sides that have at least one person who rated in `cycle`.
    pub fn sides_rating(&self, cycle: CycleId) -> Vec<Side> {
        let mut sides: Vec<Side> = self
            .raters(cycle)
            .into_iter()
            .map(|person| person.side)
            .collect();
        sides.sort();
        sides.dedup();
        sides
    }

    /// The people who chose at least one level in `cycle`.
    pub fn raters(&self, cycle: CycleId) -> Vec<&Person> {
        self.people
            .iter()
            .filter(|person| {
                self.ratings
                    .get(&(cycle, Rater::Person(person.id)))
                    .is_some_and(|r| r.values().any(|r| r.level.is_some()))
            })
            .collect()
    }

    /// How many ratings with a level or written text a cycle holds, all raters.
    pub fn filled_ratings_in_cycle(&self, cycle: CycleId) -> usize {
        self.ratings
            .iter()
            .filter(|((c, _), _)| *c == cycle)
            .flat_map(|(_, ratings)| ratings.values())
            .filter(|r| !r.is_blank())
            .count()
    }

    /// How many ratings with a level or written text a person has given.
    pub fn filled_ratings_by(&self, person: PersonId) -> usize {
        self.ratings
            .iter()
            .filter(|((_, rater), _)| *rater == Rater::Person(person))
            .flat_map(|(_, ratings)| ratings.values())
            .filter(|r| !r.is_blank())
            .count()
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::Date;

    use super::*;
    use crate::model::{
        CycleFields, CycleStatus, Level, PartnerKind, PartnershipFields, PartnershipId,
        PersonFields, Side,
    };

    fn view() -> PartnershipView {
        let partnership = Partnership {
            id: PartnershipId(1),
            is_sample: false,
            fields: PartnershipFields {
                name: "P".into(),
                district: String::new(),
                partner_organisation: String::new(),
                partner_kind: PartnerKind::Other,
                start_date: None,
                notes: String::new(),
                archived: false,
            },
        };
        let person = Person {
            id: PersonId(7),
            partnership_id: PartnershipId(1),
            fields: PersonFields {
                name: "Ana".into(),
                side: Side::District,
                role: String::new(),
            },
        };
        let cycle = |id, year: i16| Cycle {
            id: CycleId(id),
            partnership_id: PartnershipId(1),
            fields: CycleFields {
                instrument_key: "wbt-continuum".into(),
                instrument_version: "2017-10".into(),
                school_year: format!("{year}"),
                administered_on: Date::new(year, 10, 1).expect("date"),
                status: CycleStatus::Draft,
                hidden: false,
            },
        };
        let key = |indicator: &str, rater| RatingKey {
            cycle_id: CycleId(2),
            indicator_key: indicator.into(),
            rater,
        };
        let level = |n| Rating {
            level: Level::new(n),
            ..Rating::default()
        };
        PartnershipView::new(
            partnership,
            vec![person],
            vec![cycle(2, 2024), cycle(1, 2022)],
            Vec::new(),
            Vec::new(),
            vec![
                (key("a", Rater::Consensus), level(2)),
                (key("b", Rater::Consensus), level(0)),
                (key("a", Rater::Person(PersonId(7))), level(3)),
            ],
        )
    }

    #[test]
    fn cycles_are_kept_oldest_first() {
        let ids: Vec<i64> = view().cycles.iter().map(|c| c.id.0).collect();
        assert_eq!(ids, [1, 2]);
    }

    #[test]
    fn only_chosen_levels_count_as_rated() {
        let view = view();
        assert_eq!(
            view.rated_count(CycleId(2), Rater::Consensus, ["a", "b", "c"]),
            1
        );
        assert_eq!(
            view.rated_count(CycleId(2), Rater::Person(PersonId(7)), ["a", "b"]),
            1
        );
        assert_eq!(view.rated_count(CycleId(1), Rater::Consensus, ["a"]), 0);
    }

    #[test]
    fn individual_ratings_leave_out_the_consensus_and_unrated_people() {
        let mut view = view();
        view.people.push(Person {
            id: PersonId(8),
            partnership_id: PartnershipId(1),
            fields: PersonFields {
                name: "Bo".into(),
                side: Side::Partner,
                role: String::new(),
            },
        });
        let key = |person| RatingKey {
            cycle_id: CycleId(2),
            indicator_key: "a".into(),
            rater: Rater::Person(PersonId(person)),
        };
        view.update_rating(&key(8), |r| r.level = Level::new(1));
        let levels: Vec<(&str, u8)> = view
            .individual_levels(CycleId(2), "a")
            .into_iter()
            .map(|(p, l)| (p.name.as_str(), l.number()))
            .collect();
        assert_eq!(
            levels,
            [("Ana", 3), ("Bo", 1)],
            "the consensus (2) is not one of them"
        );
        let spread = view.individual_spread(CycleId(2), "a").expect("spread");
        assert!(spread.needs_discussion());
        let district = view
            .side_spread(CycleId(2), "a", Side::District)
            .expect("district");
        assert_eq!(district.mean.to_string(), "3.0");
        assert_eq!(view.side_spread(CycleId(2), "a", Side::School), None);
        assert_eq!(
            view.sides_rating(CycleId(2)),
            [Side::District, Side::Partner]
        );
        assert_eq!(view.individual_spread(CycleId(2), "b"), None);
    }

    #[test]
    fn updates_create_the_rating_when_missing() {
        let mut view = view();
        let key = RatingKey {
            cycle_id: CycleId(1),
            indicator_key: "c".into(),
            rater: Rater::Consensus,
        };
        view.update_rating(&key, |r| r.evidence = "minutes".into());
        let rating = view.rating(CycleId(1), Rater::Consensus, "c");
        assert_eq!(rating.map(|r| r.evidence.as_str()), Some("minutes"));
        assert_eq!(view.filled_ratings_in_cycle(CycleId(1)), 1);
        assert_eq!(view.filled_ratings_by(PersonId(7)), 1);
    }
}
