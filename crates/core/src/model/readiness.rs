//! Readiness rounds: each side's leadership team rates the four categories
//! 1–4 and writes its areas of concern; each team sees its average and
//! spread. There is no threshold and no verdict: nothing here scores the
//! partnership as ready or not.

use std::collections::HashMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Mean, PartnershipId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReadinessRoundId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReadinessMemberId(pub i64);

/// The two leadership teams that rate separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Team {
    District,
    Partner,
}

impl Team {
    pub const BOTH: [Team; 2] = [Team::District, Team::Partner];

    pub fn label(self) -> &'static str {
        match self {
            Team::District => "District team",
            Team::Partner => "Partner team",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Team::District => "district",
            Team::Partner => "partner",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadinessRound {
    pub id: ReadinessRoundId,
    pub partnership_id: PartnershipId,
    pub fields: ReadinessRoundFields,
}

/// What a readiness round says, declared once (`XReadinessRound` holds it
/// too). The instrument is fixed when the round is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadinessRoundFields {
    pub title: String,
    pub held_on: Date,
    pub instrument_key: String,
    pub instrument_version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewReadinessRound {
    pub partnership_id: PartnershipId,
    pub fields: ReadinessRoundFields,
}

/// A member of one side's leadership team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadinessMember {
    pub id: ReadinessMemberId,
    pub round_id: ReadinessRoundId,
    pub fields: ReadinessMemberFields,
}

/// What is known of a team member, declared once (`XReadinessMember`
/// holds it too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadinessMemberFields {
    pub team: Team,
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewReadinessMember {
    pub round_id: ReadinessRoundId,
    pub fields: ReadinessMemberFields,
}

/// One member's rating of one category, with their areas of concern
/// (`XReadinessRating` holds it too).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MemberRating {
    /// 1 to 4; `None` while the member has not rated.
    pub rating: Option<u8>,
    pub concerns: String,
}

/// A team's summary for one category, written when the team meets
/// (`XReadinessSummary` holds it too).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TeamSummary {
    pub concerns: String,
    pub strengths: String,
}

/// What one team's ratings of a category come to.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamCategory<'a> {
    /// The mean of the given ratings; `None` when nobody has rated.
    pub average: Option<Mean>,
    pub lowest: Option<u8>,
    pub highest: Option<u8>,
    pub rated: usize,
    /// Members who have not rated this category yet (not counted as zero).
    pub missing: Vec<&'a ReadinessMember>,
    /// Every member's written concerns, in member order.
    pub concerns: Vec<(&'a ReadinessMember, &'a str)>,
}

/// A readiness round with its members, ratings and summaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadinessView {
    pub round: ReadinessRound,
    /// Members in the order they were added.
    pub members: Vec<ReadinessMember>,
    ratings: HashMap<(ReadinessMemberId, String), MemberRating>,
    summaries: HashMap<(Team, String), TeamSummary>,
}

impl ReadinessView {
    /// Leaves out ratings and summaries with nothing in them.
    pub(super) fn forget_empty(&mut self) {
        self.ratings.retain(|_, r| *r != MemberRating::default());
        self.summaries.retain(|_, s| *s != TeamSummary::default());
    }

    pub fn new(
        round: ReadinessRound,
        members: Vec<ReadinessMember>,
        ratings: Vec<(ReadinessMemberId, String, MemberRating)>,
        summaries: Vec<(Team, String, TeamSummary)>,
    ) -> ReadinessView {
        ReadinessView {
            round,
            members,
            ratings: ratings
                .into_iter()
                .map(|(member, category, rating)| ((member, category), rating))
                .collect(),
            summaries: summaries
                .into_iter()
                .map(|(team, category, summary)| ((team, category), summary))
                .collect(),
        }
    }

    pub fn members_of(&self, team: Team) -> impl Iterator<Item = &ReadinessMember> {
        self.members.iter().filter(move |m| m.team == team)
    }

    pub fn member(&self, id: ReadinessMemberId) -> Option<&ReadinessMember> {
        self.members.iter().find(|m| m.id == id)
    }

    pub fn rating(&self, member: ReadinessMemberId, category: &str) -> Option<&MemberRating> {
        self.ratings.get(&(member, category.to_owned()))
    }

    pub fn update_rating(
        &mut self,
        member: ReadinessMemberId,
        category: &str,
        change: impl FnOnce(&mut MemberRating),
    ) {
        change(
            self.ratings
                .entry((member, category.to_owned()))
                .or_default(),
        );
    }

    /// Takes a member out of the round, with their ratings and concerns.
    pub fn remove_member(&mut self, id: ReadinessMemberId) {
        self.members.retain(|m| m.id != id);
        self.ratings.retain(|(member, _), _| *member != id);
    }

    pub fn summary(&self, team: Team, category: &str) -> Option<&TeamSummary> {
        self.summaries.get(&(team, category.to_owned()))
    }

    pub fn update_summary(
        &mut self,
        team: Team,
        category: &str,
        change: impl FnOnce(&mut TeamSummary),
    ) {
        change(
            self.summaries
                .entry((team, category.to_owned()))
                .or_default(),
        );
    }

    /// How one team's members rated one category.
    pub fn team_category(&self, team: Team, category: &str) -> TeamCategory<'_> {
        let mut result = TeamCategory {
            average: None,
            lowest: None,
            highest: None,
            rated: 0,
            missing: Vec::new(),
            concerns: Vec::new(),
        };
        let mut sum = 0u32;
        for member in self.members_of(team) {
            let rating = self.rating(member.id, category);
            match rating.and_then(|r| r.rating) {
                Some(value) => {
                    result.rated += 1;
                    sum += u32::from(value);
                    result.lowest = Some(result.lowest.map_or(value, |l| l.min(value)));
                    result.highest = Some(result.highest.map_or(value, |h| h.max(value)));
                }
                None => result.missing.push(member),
            }
            if let Some(rating) = rating.filter(|r| !r.concerns.trim().is_empty()) {
                result.concerns.push((member, rating.concerns.as_str()));
            }
        }
        result.average = Mean::new(sum, u32::try_from(result.rated).unwrap_or(u32::MAX));
        result
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn view() -> ReadinessView {
        let round = ReadinessRound {
            id: ReadinessRoundId(1),
            partnership_id: PartnershipId(1),
            fields: ReadinessRoundFields {
                title: "Before we start".into(),
                held_on: date(2025, 3, 1),
                instrument_key: "readiness".into(),
                instrument_version: "odst-1".into(),
            },
        };
        let member = |id, team, name: &str| ReadinessMember {
            id: ReadinessMemberId(id),
            round_id: ReadinessRoundId(1),
            fields: ReadinessMemberFields {
                team,
                name: name.into(),
                role: String::new(),
            },
        };
        let rated = |rating: Option<u8>, concerns: &str| MemberRating {
            rating,
            concerns: concerns.into(),
        };
        ReadinessView::new(
            round,
            vec![
                member(1, Team::District, "Ann"),
                member(2, Team::District, "Bob"),
                member(3, Team::District, "Cy"),
                member(4, Team::Partner, "Di"),
            ],
            vec![
                (
                    ReadinessMemberId(1),
                    "metrics".into(),
                    rated(Some(2), "No baseline data"),
                ),
                (ReadinessMemberId(2), "metrics".into(), rated(Some(3), "")),
                (
                    ReadinessMemberId(3),
                    "metrics".into(),
                    rated(None, "Who writes reports?"),
                ),
                (ReadinessMemberId(4), "metrics".into(), rated(Some(4), "")),
            ],
            Vec::new(),
        )
    }

    #[test]
    fn a_member_who_has_not_rated_is_missing_not_zero() {
        let view = view();
        let team = view.team_category(Team::District, "metrics");
        assert_eq!(team.rated, 2);
        assert_eq!(team.average, Mean::new(5, 2), "(2 + 3) / 2, Cy left out");
        assert_eq!(team.average.map(|a| a.to_string()).as_deref(), Some("2.5"));
        assert_eq!((team.lowest, team.highest), (Some(2), Some(3)));
        let missing: Vec<&str> = team.missing.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(missing, ["Cy"]);
        let concerns: Vec<(&str, &str)> = team
            .concerns
            .iter()
            .map(|(m, c)| (m.name.as_str(), *c))
            .collect();
        assert_eq!(
            concerns,
            [("Ann", "No baseline data"), ("Cy", "Who writes reports?")]
        );
    }

    #[test]
    fn a_category_nobody_rated_has_no_average() {
        let view = view();
        let team = view.team_category(Team::District, "resources");
        assert_eq!(team.average, None);
        assert_eq!(team.rated, 0);
        assert_eq!(team.missing.len(), 3);
        assert_eq!(
            view.team_category(Team::Partner, "metrics").average,
            Mean::new(4, 1)
        );
    }

    #[test]
    fn the_teams_are_kept_apart() {
        let view = view();
        let partner = view.team_category(Team::Partner, "metrics");
        assert_eq!(partner.rated, 1);
        assert!(partner.missing.is_empty());
    }
}
