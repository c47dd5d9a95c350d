//! The facts behind the portfolio (`model::portfolio`): for each
//! partnership, its newest two cycles with the team's levels, its open
//! action steps, its milestones and check-ins, and its meeting dates.

use std::collections::HashMap;

use super::{Store, StoreError};
use partnerpath_core::instrument::QUARTERLY_MEETING;
use partnerpath_core::model::portfolio::{CycleLevels, PortfolioFacts};
use partnerpath_core::model::{ActionStatus, CycleId, Level};

impl Store {
    /// The portfolio's facts for every partnership of the file (archived
    /// ones too), in the order of the list.
    pub fn portfolio(&self) -> Result<Vec<PortfolioFacts>, StoreError> {
        let summaries = self.partnership_summaries()?;
        let run = || -> crate::connection::Result<Vec<PortfolioFacts>> {
            let mut all = Vec::with_capacity(summaries.len());
            for summary in summaries {
                let id = summary.partnership.id;
                let cycles = self.cycles_of(id)?;
                let recent_cycles = cycles
                    .iter()
                    .rev()
                    .take(2)
                    .map(|c| {
                        Ok(CycleLevels {
                            school_year: c.school_year.clone(),
                            administered_on: c.administered_on,
                            levels: self.consensus_levels(c.id)?,
                        })
                    })
                    .collect::<crate::connection::Result<_>>()?;
                let open_steps = self
                    .action_steps_of(id)?
                    .into_iter()
                    .filter(|s| s.status == ActionStatus::Open)
                    .collect();
                let meetings = self
                    .documents_of(id)?
                    .iter()
                    .filter(|d| d.instrument_key == QUARTERLY_MEETING)
                    .map(partnerpath_core::model::Document::held_on)
                    .collect();
                all.push(PortfolioFacts {
                    summary,
                    recent_cycles,
                    open_steps,
                    milestones: self.milestones_of(id)?,
                    check_ins: self.check_ins_of(id)?,
                    meetings,
                });
            }
            Ok(all)
        };
        run().map_err(|e| self.error(e))
    }

    /// The team's agreed level of each rated indicator of a cycle.
    fn consensus_levels(
        &self,
        cycle: CycleId,
    ) -> crate::connection::Result<HashMap<String, Level>> {
        let mut statement = self.conn.prepare(
            "SELECT indicator_key, level FROM ratings
             WHERE cycle_id = ?1 AND person_id IS NULL AND level IS NOT NULL",
        )?;
        let rows = statement.query_map([cycle.0], |row| {
            Ok((row.get::<String>(0)?, row.get::<u8>(1)?))
        })?;
        let mut levels = HashMap::new();
        for row in rows {
            let (key, number) = row?;
            if let Some(level) = Level::new(number) {
                levels.insert(key, level);
            }
        }
        Ok(levels)
    }
}
