//! Where a partnership stands in the *Stages of Partnering*, over time. The
//! model is a cycle, not a line: after stage 5 a partnership loops back to
//! stage 1 or 2 (the instrument's `loops_back_to`). Any other step to an
//! earlier stage is a move back, not a loop.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::PartnershipId;
use crate::instrument::Stages;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StageEntryId(pub i64);

/// From `started_on`, the partnership was in `stage` (0 = pre-partnering).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageEntry {
    pub id: StageEntryId,
    pub partnership_id: PartnershipId,
    pub fields: StageEntryFields,
}

/// What a stage entry says, declared once (`XStageEntry` holds it too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageEntryFields {
    pub stage: u8,
    pub started_on: Date,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewStageEntry {
    pub partnership_id: PartnershipId,
    pub fields: StageEntryFields,
}

/// One stretch of the history: a stage from its start until the next entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageSpan<'a> {
    pub entry: &'a StageEntry,
    /// When the next stage began; `None` for the current stage.
    pub until: Option<Date>,
    /// True when this entry is a loop the model defines: from a stage to
    /// one of its `loops_back_to` (stage 5 back to stage 1 or 2).
    pub loops_back: bool,
    /// True when this entry goes to an earlier stage in any other way.
    pub moved_back: bool,
    /// How many times the partnership had looped round by this entry
    /// (0 on its first pass through the stages).
    pub round: usize,
}

impl StageSpan<'_> {
    /// How the timeline and the printout name the step into this span:
    /// "loops back" for the model's loop, "moved back" for another step
    /// back, nothing for a step forward.
    pub fn step(&self) -> Option<&'static str> {
        if self.loops_back {
            Some("loops back")
        } else if self.moved_back {
            Some("moved back")
        } else {
            None
        }
    }
}

/// The stage history in date order (entries on the same day in the order
/// they were recorded), with loops and moves back marked as `stages`
/// defines them.
pub fn stage_history<'e>(entries: &'e [StageEntry], stages: &Stages) -> Vec<StageSpan<'e>> {
    let mut sorted: Vec<&StageEntry> = entries.iter().collect();
    sorted.sort_by_key(|e| (e.started_on, e.id));
    let mut round = 0;
    let mut spans = Vec::with_capacity(sorted.len());
    let mut previous: Option<&StageEntry> = None;
    for (i, entry) in sorted.iter().enumerate() {
        let back = previous.is_some_and(|p| entry.stage < p.stage);
        let loops_back = back
            && previous
                .and_then(|p| stages.stage(p.stage))
                .is_some_and(|s| s.loops_back_to.contains(&entry.stage));
        if loops_back {
            round += 1;
        }
        spans.push(StageSpan {
            entry,
            until: sorted.get(i + 1).map(|next| next.started_on),
            loops_back,
            moved_back: back && !loops_back,
            round,
        });
        previous = Some(entry);
    }
    spans
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn stages() -> &'static Stages {
        Stages::builtin().expect("stages")
    }

    fn entry(id: i64, stage: u8, on: Date) -> StageEntry {
        StageEntry {
            id: StageEntryId(id),
            partnership_id: PartnershipId(1),
            fields: StageEntryFields {
                stage,
                started_on: on,
                note: String::new(),
            },
        }
    }

    #[test]
    fn history_is_in_date_order_with_each_span_ending_at_the_next() {
        let entries = [
            entry(3, 2, date(2023, 1, 10)),
            entry(1, 0, date(2022, 3, 1)),
            entry(2, 1, date(2022, 8, 15)),
        ];
        let history = stage_history(&entries, stages());
        let stages: Vec<u8> = history.iter().map(|s| s.entry.stage).collect();
        assert_eq!(stages, [0, 1, 2]);
        assert_eq!(history[0].until, Some(date(2022, 8, 15)));
        assert_eq!(history[1].until, Some(date(2023, 1, 10)));
        assert_eq!(history[2].until, None, "the current stage is open");
        assert!(history.iter().all(|s| !s.loops_back && s.round == 0));
    }

    #[test]
    fn going_back_after_stage_five_is_a_loop_not_a_fall() {
        let entries = [
            entry(1, 1, date(2021, 9, 1)),
            entry(2, 2, date(2022, 1, 1)),
            entry(3, 3, date(2022, 6, 1)),
            entry(4, 4, date(2023, 5, 1)),
            entry(5, 5, date(2023, 6, 1)),
            entry(6, 2, date(2023, 8, 1)),
            entry(7, 3, date(2024, 1, 1)),
        ];
        let history = stage_history(&entries, stages());
        let loops: Vec<bool> = history.iter().map(|s| s.loops_back).collect();
        assert_eq!(loops, [false, false, false, false, false, true, false]);
        assert!(history.iter().all(|s| !s.moved_back));
        let rounds: Vec<usize> = history.iter().map(|s| s.round).collect();
        assert_eq!(rounds, [0, 0, 0, 0, 0, 1, 1]);
    }

    #[test]
    fn a_step_back_that_is_not_from_stage_five_is_a_move_back_not_a_loop() {
        let entries = [
            entry(1, 1, date(2021, 9, 1)),
            entry(2, 3, date(2022, 1, 1)),
            // 3 to 2: the source's loop runs from stage 5 only.
            entry(3, 2, date(2022, 6, 1)),
            entry(4, 5, date(2023, 5, 1)),
            // 5 to 3: stage 5 loops back to 1 or 2, not 3.
            entry(5, 3, date(2023, 8, 1)),
        ];
        let history = stage_history(&entries, stages());
        let loops: Vec<bool> = history.iter().map(|s| s.loops_back).collect();
        let moves: Vec<bool> = history.iter().map(|s| s.moved_back).collect();
        assert_eq!(loops, [false; 5]);
        assert_eq!(moves, [false, false, true, false, true]);
        assert!(history.iter().all(|s| s.round == 0));
    }

    #[test]
    fn entries_on_the_same_day_keep_the_order_they_were_recorded_in() {
        let day = date(2024, 2, 2);
        let entries = [entry(9, 1, day), entry(4, 5, day)];
        let history = stage_history(&entries, stages());
        let ids: Vec<i64> = history.iter().map(|s| s.entry.id.0).collect();
        assert_eq!(ids, [4, 9]);
        assert!(history[1].loops_back);
    }
}
