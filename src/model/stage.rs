//! Where a partnership stands in the *Stages of Partnering*, over time. The
//! model is a cycle, not a line: after stage 5 a partnership loops back to
//! stage 1 or 2, and any stage can be returned to.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::PartnershipId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StageEntryId(pub i64);

/// From `started_on`, the partnership was in `stage` (0 = pre-partnering).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageEntry {
    pub id: StageEntryId,
    pub partnership_id: PartnershipId,
    pub stage: u8,
    pub started_on: Date,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewStageEntry {
    pub partnership_id: PartnershipId,
    pub stage: u8,
    pub started_on: Date,
    pub note: String,
}

/// One stretch of the history: a stage from its start until the next entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageSpan<'a> {
    pub entry: &'a StageEntry,
    /// When the next stage began; `None` for the current stage.
    pub until: Option<Date>,
    /// True when this entry goes back to an earlier stage than the one
    /// before it: the partnership looped round.
    pub loops_back: bool,
    /// How many times the partnership had looped round by this entry
    /// (0 on its first pass through the stages).
    pub round: usize,
}

/// The stage history in date order (entries on the same day in the order
/// they were recorded), with loops marked.
pub fn stage_history(entries: &[StageEntry]) -> Vec<StageSpan<'_>> {
    let mut sorted: Vec<&StageEntry> = entries.iter().collect();
    sorted.sort_by_key(|e| (e.started_on, e.id));
    let mut round = 0;
    let mut spans = Vec::with_capacity(sorted.len());
    for (i, entry) in sorted.iter().enumerate() {
        let loops_back = i > 0 && entry.stage < sorted[i - 1].stage;
        if loops_back {
            round += 1;
        }
        spans.push(StageSpan {
            entry,
            until: sorted.get(i + 1).map(|next| next.started_on),
            loops_back,
            round,
        });
    }
    spans
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn entry(id: i64, stage: u8, on: Date) -> StageEntry {
        StageEntry {
            id: StageEntryId(id),
            partnership_id: PartnershipId(1),
            stage,
            started_on: on,
            note: String::new(),
        }
    }

    #[test]
    fn history_is_in_date_order_with_each_span_ending_at_the_next() {
        let entries = [
            entry(3, 2, date(2023, 1, 10)),
            entry(1, 0, date(2022, 3, 1)),
            entry(2, 1, date(2022, 8, 15)),
        ];
        let history = stage_history(&entries);
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
        let history = stage_history(&entries);
        let loops: Vec<bool> = history.iter().map(|s| s.loops_back).collect();
        assert_eq!(loops, [false, false, false, false, false, true, false]);
        let rounds: Vec<usize> = history.iter().map(|s| s.round).collect();
        assert_eq!(rounds, [0, 0, 0, 0, 0, 1, 1]);
    }

    #[test]
    fn entries_on_the_same_day_keep_the_order_they_were_recorded_in() {
        let day = date(2024, 2, 2);
        let entries = [entry(9, 1, day), entry(4, 5, day)];
        let history = stage_history(&entries);
        let ids: Vec<i64> = history.iter().map(|s| s.entry.id.0).collect();
        assert_eq!(ids, [4, 9]);
        assert!(history[1].loops_back);
    }
}
