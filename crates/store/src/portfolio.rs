//! The facts behind the portfolio (`model::portfolio`): for each
//! partnership, its newest two cycles with the team's levels, its open
//! action steps, its milestones and check-ins, and its meeting dates. Each
//! kind is read for every partnership in one query (`Of::Every`), so the
//! list costs the same few round trips to a server for 5 partnerships or
//! 500.

use std::collections::HashMap;
use std::hash::Hash;

use super::{Store, StoreError};
use crate::table::Of;
use partnerpath_core::instrument::QUARTERLY_MEETING;
use partnerpath_core::model::portfolio::{CycleLevels, PortfolioFacts};
use partnerpath_core::model::{ActionStatus, CycleId, Level, MilestoneId, PartnershipId};
use rusqlite::params;

impl Store {
    /// The portfolio's facts for every partnership the user may see
    /// (archived ones too), in the order of the list.
    pub fn portfolio(&self) -> Result<Vec<PortfolioFacts>, StoreError> {
        let summaries = self.partnership_summaries()?;
        let run = || -> crate::connection::Result<Vec<PortfolioFacts>> {
            let mut cycles = by(self.cycles_of(Of::Every)?, |c| c.partnership_id);
            let mut levels = self.consensus_levels()?;
            let mut steps = by(self.action_steps_of(Of::Every)?, |s| s.partnership_id);
            let mut documents = by(self.documents_of(Of::Every)?, |d| d.partnership_id);
            let milestones = self.milestones_of(Of::Every)?;
            let owners: HashMap<MilestoneId, PartnershipId> = milestones
                .iter()
                .map(|m| (m.id, m.partnership_id))
                .collect();
            let mut milestones = by(milestones, |m| m.partnership_id);
            let mut check_ins: HashMap<PartnershipId, Vec<_>> = HashMap::new();
            for check_in in self.check_ins_of(Of::Every)? {
                if let Some(owner) = owners.get(&check_in.milestone_id) {
                    check_ins.entry(*owner).or_default().push(check_in);
                }
            }
            let mut all = Vec::with_capacity(summaries.len());
            for summary in summaries {
                let id = summary.partnership.id;
                let recent_cycles = cycles
                    .remove(&id)
                    .unwrap_or_default()
                    .iter()
                    .rev()
                    .take(2)
                    .map(|c| CycleLevels {
                        school_year: c.school_year.clone(),
                        administered_on: c.administered_on,
                        levels: levels.remove(&c.id).unwrap_or_default(),
                    })
                    .collect();
                let open_steps = steps
                    .remove(&id)
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|s| s.status == ActionStatus::Open)
                    .collect();
                let meetings = documents
                    .remove(&id)
                    .unwrap_or_default()
                    .iter()
                    .filter(|d| d.instrument_key == QUARTERLY_MEETING)
                    .map(partnerpath_core::model::Document::held_on)
                    .collect();
                all.push(PortfolioFacts {
                    summary,
                    recent_cycles,
                    open_steps,
                    milestones: milestones.remove(&id).unwrap_or_default(),
                    check_ins: check_ins.remove(&id).unwrap_or_default(),
                    meetings,
                });
            }
            Ok(all)
        };
        run().map_err(|e| self.error(e))
    }

    /// The team's agreed level of each rated indicator, by cycle.
    fn consensus_levels(
        &self,
    ) -> crate::connection::Result<HashMap<CycleId, HashMap<String, Level>>> {
        let mut statement = self.conn.prepare(
            "SELECT r.cycle_id, r.indicator_key, r.level FROM ratings r
             JOIN cycles c ON c.id = r.cycle_id
             WHERE r.person_id IS NULL AND r.level IS NOT NULL AND c.deleted_at IS NULL",
        )?;
        let rows = statement.query_map(params![], |row| {
            Ok((
                CycleId(row.get(0)?),
                row.get::<String>(1)?,
                row.get::<u8>(2)?,
            ))
        })?;
        let mut levels: HashMap<CycleId, HashMap<String, Level>> = HashMap::new();
        for row in rows {
            let (cycle, key, number) = row?;
            if let Some(level) = Level::new(number) {
                levels.entry(cycle).or_default().insert(key, level);
            }
        }
        Ok(levels)
    }
}

/// `records` grouped by `key`, each group in the order read.
fn by<K: Hash + Eq, T>(records: Vec<T>, key: impl Fn(&T) -> K) -> HashMap<K, Vec<T>> {
    let mut groups: HashMap<K, Vec<T>> = HashMap::new();
    for record in records {
        groups.entry(key(&record)).or_default().push(record);
    }
    groups
}
