//! An edit that writes a record whole (a partnership's details, a person,
//! an action step, a goal, a milestone, a stage, a readiness round or team
//! member, an adaptation; `model::Record`), checked against the record as the
//! window showed it. When someone else changed other fields of it
//! meanwhile, theirs are kept and the edit's written over them; when they
//! changed the same field, nothing is stored and the conflict says who,
//! when and what it holds now.

use partnerpath_core::model::{Command, Outcome, Record, Theirs};

use super::{Store, StoreError};
use crate::connection::Optional;

impl Store {
    /// `apply_seen` for an edit that writes `seen`'s record whole. On a
    /// server the record's row is locked while it is compared and written,
    /// so that of two such edits made at once the second sees the first.
    /// A record deleted meanwhile is left to the edit's own refusal.
    pub(crate) fn apply_record_seen(
        &mut self,
        command: &Command,
        seen: &Record,
    ) -> Result<Outcome, StoreError> {
        let on_server = self.server_address().is_some();
        let (table, id) = seen.table();
        self.batch(|store| {
            if on_server {
                store
                    .conn
                    .query_row(
                        &format!("SELECT id FROM {table} WHERE id = ?1 FOR UPDATE"),
                        [id],
                        |row| row.get::<i64>(0),
                    )
                    .optional()
                    .map_err(|e| store.error(e))?;
            }
            let now = store.record_now(seen).map_err(|e| store.error(e))?;
            let (Some(now), Some(mine)) = (now, Record::written_by(command)) else {
                return store.apply(command);
            };
            if now == *seen {
                return store.apply(command);
            }
            // Someone else changed it: their fields are kept, and where
            // both changed a field differently the user chooses.
            let (joined, contested) = Record::join(seen, &mine, &now);
            if !contested.is_empty() {
                let theirs = Theirs::Record {
                    now: Box::new(now),
                    seen: Box::new(seen.clone()),
                };
                return Err(store.conflict(table, Some(id), theirs)?);
            }
            store.apply(&joined.update())?;
            Ok(Outcome::Joined)
        })
    }

    /// The record `like` names, as stored now; `None` when it is not there.
    fn record_now(&self, like: &Record) -> crate::connection::Result<Option<Record>> {
        fn find<T>(all: Vec<T>, is: impl Fn(&T) -> bool, kind: fn(T) -> Record) -> Option<Record> {
            all.into_iter().find(is).map(kind)
        }
        Ok(match like {
            Record::Partnership(p) => self.partnership_record(p.id)?.map(Record::Partnership),
            Record::Person(p) => find(
                self.people_of(p.partnership_id)?,
                |x| x.id == p.id,
                Record::Person,
            ),
            Record::ActionStep(s) => find(
                self.action_steps_of(s.partnership_id)?,
                |x| x.id == s.id,
                Record::ActionStep,
            ),
            Record::Goal(g) => find(
                self.goals_of(g.partnership_id)?,
                |x| x.id == g.id,
                Record::Goal,
            ),
            Record::Milestone(m) => find(
                self.milestones_of(m.partnership_id)?,
                |x| x.id == m.id,
                Record::Milestone,
            ),
            Record::Stage(e) => find(
                self.stage_entries_of(e.partnership_id)?,
                |x| x.id == e.id,
                Record::Stage,
            ),
            Record::ReadinessRound(r) => find(
                self.readiness_of(r.partnership_id)?,
                |x| x.round.id == r.id,
                |x| Record::ReadinessRound(x.round),
            ),
            Record::ReadinessMember(m) => {
                let Some(partnership) = self.partnership_of_round(m.round_id)? else {
                    return Ok(None);
                };
                find(
                    self.readiness_of(partnership)?
                        .into_iter()
                        .flat_map(|x| x.members)
                        .collect(),
                    |x| x.id == m.id,
                    Record::ReadinessMember,
                )
            }
            Record::Adaptation(a) => find(
                self.adaptations_of(a.partnership_id)?,
                |x| x.id == a.id,
                Record::Adaptation,
            ),
        })
    }
}
