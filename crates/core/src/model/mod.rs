//! The pure model: partnerships, people, cycles and ratings, and the logic on
//! them. No egui, no SQL, no file I/O.

mod action;
mod action_list;
mod change;
mod command;
mod dates;
mod deleted;
pub mod exchange;
mod monitoring;
mod partnership;
pub mod portfolio;
pub mod radar;
mod rating;
mod readiness;
mod school_year;
mod stage;
mod stats;
pub mod trajectory;
mod view;
mod worksheet;

pub use action::{
    ActionSource, ActionStatus, ActionStep, ActionStepId, NewActionStep, carried_forward,
};
pub use action_list::{ActionItem, Origin, open_actions};
pub use change::{IndicatorChange, Movement, changes};
pub use command::{Command, Outcome, Refusal};
pub use dates::{LONG_DATE, SHORT_DATE, long_date, month_year, short_date};
pub use deleted::{Deleted, DeletedKind, KEPT_FOR_DAYS};
// A level is defined with the continuum it rates on; the model uses it everywhere.
pub use crate::instrument::Level;
pub use monitoring::{
    CheckIn, CheckInId, CheckInStatus, Goal, GoalId, Milestone, MilestoneFields, MilestoneId,
    NewCheckIn, NewGoal, NewMilestone, after, next_check_in,
};
pub use partnership::{
    Cycle, CycleId, CycleStatus, NewCycle, NewPartnership, NewPerson, PartnerKind, Partnership,
    PartnershipId, PartnershipSummary, Person, PersonId, Side, initials,
};
pub use rating::{Rater, Rating, RatingKey};
pub use readiness::{
    MemberRating, NewReadinessMember, NewReadinessRound, ReadinessMember, ReadinessMemberId,
    ReadinessRound, ReadinessRoundId, ReadinessView, Team, TeamCategory, TeamSummary,
};
pub use school_year::SchoolYear;
pub use stage::{NewStageEntry, StageEntry, StageEntryId, StageSpan, stage_history};
pub use stats::{Change, DISCUSS_GAP, Mean, Spread, average};
pub use view::{PartnershipView, RatingCopy};
pub use worksheet::{
    ATTENDEE_SIDE, ATTENDEES, Bone, Document, DocumentId, FieldValue, MEETING_DATE, NewDocument,
    OverYears, bones, over_years,
};

#[cfg(test)]
mod tests {
    use super::*;

    /// A code is written by serde (sample data, exchange) and by the store
    /// (`code()`): both must spell it the same.
    fn same<T: serde::Serialize>(value: T, code: &str) {
        assert_eq!(
            serde_json::to_value(value).expect("serialise"),
            serde_json::Value::String(code.to_owned())
        );
    }

    #[test]
    fn serde_writes_every_code_as_the_store_does() {
        for v in PartnerKind::ALL {
            same(v, v.code());
        }
        for v in Side::ALL {
            same(v, v.code());
        }
        for v in [CycleStatus::Draft, CycleStatus::Final] {
            same(v, v.code());
        }
        for v in Team::BOTH {
            same(v, v.code());
        }
        for v in ActionStatus::ALL {
            same(v, v.code());
        }
        for v in CheckInStatus::ALL {
            same(v, v.code());
        }
    }
}
