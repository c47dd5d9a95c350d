//! The pure model: partnerships, people, cycles and ratings, and the logic on
//! them. No egui, no SQL, no file I/O.

mod account;
mod action;
mod action_list;
mod adaptation;
mod attachment;
pub mod calendar;
mod change;
mod command;
mod dates;
mod deleted;
pub mod due_soon;
pub mod exchange;
mod history;
mod monitoring;
mod partnership;
pub mod portfolio;
pub mod radar;
mod rating;
mod readiness;
mod record;
mod school_year;
mod stage;
mod stats;
pub mod tables;
pub mod trajectory;
pub mod undo;
mod versions;
mod view;
mod worksheet;

pub use account::{Account, Role};
pub use action::{
    ActionSource, ActionStatus, ActionStep, ActionStepFields, ActionStepId, NewActionStep,
    carried_forward,
};
pub use action_list::{ActionItem, Origin, open_actions};
pub use adaptation::{
    ADAPTED_VERSION, Adaptation, AdaptationFields, AdaptationId, IndicatorWording, NewAdaptation,
    Part, Wording,
};
pub use attachment::{
    AttachedTo, Attachment, AttachmentFields, AttachmentId, Evidence, Fingerprint,
    LARGE_DATABASE_BYTES, MAX_FILE_BYTES, NewAttachment, file_name, is_address, is_hash,
    size_in_words,
};
pub use change::{IndicatorChange, Movement, changes};
pub use command::{Command, Conflict, Outcome, Refusal, Seen, Theirs};
pub use dates::{LONG_DATE, SHORT_DATE, long_date, month_year, short_date};
pub use deleted::{Deleted, DeletedKind, KEPT_FOR_DAYS, RemovedId};
pub use history::{HistoryEntry, HistoryKind, HistoryTool, indicator_in, level_words, shortened};
// A level is defined with the continuum it rates on; the model uses it everywhere.
pub use crate::instrument::Level;
pub use monitoring::{
    CheckIn, CheckInFields, CheckInId, CheckInStatus, Due, Goal, GoalFields, GoalId, Milestone,
    MilestoneFields, MilestoneId, NewCheckIn, NewGoal, NewMilestone, after, due, next_check_in,
};
pub use partnership::{
    Cycle, CycleFields, CycleId, CycleStatus, NewCycle, NewPartnership, NewPerson, PartnerKind,
    Partnership, PartnershipFields, PartnershipId, PartnershipSummary, Person, PersonFields,
    PersonId, Side, initials,
};
pub use rating::{Rater, Rating, RatingKey};
pub use readiness::{
    MemberRating, NewReadinessMember, NewReadinessRound, ReadinessMember, ReadinessMemberFields,
    ReadinessMemberId, ReadinessRound, ReadinessRoundFields, ReadinessRoundId, ReadinessView, Team,
    TeamCategory, TeamSummary,
};
pub use record::Record;
pub use school_year::SchoolYear;
pub use stage::{
    NewStageEntry, StageEntry, StageEntryFields, StageEntryId, StageSpan, stage_history,
};
pub use stats::{Change, DISCUSS_GAP, Mean, Spread, average};
pub use versions::{Versions, continuum_for};
pub use view::{PartnershipView, RatingCopy};
pub use worksheet::{
    ATTENDEE_SIDE, ATTENDEES, Bone, Document, DocumentFields, DocumentId, FieldValue, MEETING_DATE,
    NewDocument, OverYears, bones, over_years,
};

/// A record reads as its fields: `person.name` for `person.fields.name`.
/// Each record's fields are declared once, in a `…Fields` struct that the
/// record, its new form and its exchange form (`exchange::X…`) hold.
macro_rules! reads_as_its_fields {
    ($($record:ty => $fields:ty),* $(,)?) => {$(
        impl std::ops::Deref for $record {
            type Target = $fields;

            fn deref(&self) -> &$fields {
                &self.fields
            }
        }

        impl std::ops::DerefMut for $record {
            fn deref_mut(&mut self) -> &mut $fields {
                &mut self.fields
            }
        }
    )*};
}

reads_as_its_fields!(
    Partnership => PartnershipFields,
    Adaptation => AdaptationFields,
    NewAdaptation => AdaptationFields,
    Person => PersonFields,
    Cycle => CycleFields,
    NewCycle => CycleFields,
    StageEntry => StageEntryFields,
    NewStageEntry => StageEntryFields,
    ReadinessRound => ReadinessRoundFields,
    NewReadinessRound => ReadinessRoundFields,
    ReadinessMember => ReadinessMemberFields,
    NewReadinessMember => ReadinessMemberFields,
    Document => DocumentFields,
    NewDocument => DocumentFields,
    Goal => GoalFields,
    NewGoal => GoalFields,
    Milestone => MilestoneFields,
    NewMilestone => MilestoneFields,
    CheckIn => CheckInFields,
    NewCheckIn => CheckInFields,
    ActionStep => ActionStepFields,
    NewActionStep => ActionStepFields,
    Attachment => AttachmentFields,
    NewAttachment => AttachmentFields,
    exchange::XPartnership => PartnershipFields,
    exchange::XAdaptation => AdaptationFields,
    exchange::XPerson => PersonFields,
    exchange::XCycle => CycleFields,
    exchange::XStageEntry => StageEntryFields,
    exchange::XReadinessRound => ReadinessRoundFields,
    exchange::XReadinessMember => ReadinessMemberFields,
    exchange::XReadinessRating => MemberRating,
    exchange::XReadinessSummary => TeamSummary,
    exchange::XDocument => DocumentFields,
    exchange::XGoal => GoalFields,
    exchange::XMilestone => MilestoneFields,
    exchange::XCheckIn => CheckInFields,
    exchange::XActionStep => ActionStepFields,
    exchange::XAttachment => AttachmentFields,
);

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
