//! Exchange files in and out of the database: a partnership (or one cycle
//! for some raters) read into the exchange format, and an exchange file's
//! new and chosen records written, all in one transaction.

use crate::connection::Optional;
use uuid::Uuid;

use super::{Store, StoreError};
use crate::attachments::{contents_of, put_file_in};
use crate::table::{read_out, row_id, uid_of, uids_in_use, write_in};
use partnerpath_core::model::exchange::{Exchange, Plan, Scope, XPartnership};
use partnerpath_core::model::{CycleId, PartnershipId, PersonId};

/// What to export from a partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportScope {
    /// Everything it holds (not what is in "Recently deleted").
    Whole,
    /// One cycle, for these people to rate apart: the partnership, these
    /// people, the cycle and their ratings in it.
    Raters {
        cycle: CycleId,
        people: Vec<PersonId>,
    },
}

/// The partnership of an exchange file, in this database.
#[derive(Debug)]
pub enum Counterpart {
    /// Not here: it is added whole.
    Absent,
    /// Here, as this exchange.
    Here(Box<Exchange>),
    /// In "Recently deleted": it must be restored before importing into it.
    Deleted,
}

impl Store {
    /// The partnership `id` as an exchange file.
    pub fn export(
        &self,
        id: PartnershipId,
        scope: &ExportScope,
        exported_by: &str,
    ) -> Result<Exchange, StoreError> {
        self.export_inner(id.0, scope, exported_by, true)
            .map_err(|e| self.error(e))
    }

    fn export_inner(
        &self,
        p: i64,
        scope: &ExportScope,
        exported_by: &str,
        with_contents: bool,
    ) -> crate::connection::Result<Exchange> {
        let conn = &self.conn;
        let partnership = read_out::<XPartnership>(conn, p)?
            .pop()
            .ok_or(crate::connection::Error::NoRows)?;
        let mut x = Exchange::of(partnership, exported_by);
        x.people = read_out(conn, p)?;
        x.adaptations = read_out(conn, p)?;
        x.cycles = read_out(conn, p)?;
        x.ratings = read_out(conn, p)?;
        match scope {
            ExportScope::Raters { cycle, people } => {
                let cycle = uid_of(conn, "cycles", cycle.0)?;
                let raters = people
                    .iter()
                    .map(|p| uid_of(conn, "people", p.0))
                    .collect::<crate::connection::Result<Vec<Uuid>>>()?;
                x.people.retain(|p| raters.contains(&p.id));
                x.cycles.retain(|c| c.id == cycle);
                let Some(rated) = x.cycles.first() else {
                    return Err(crate::connection::Error::NoRows);
                };
                // The adaptation the cycle is rated with, if it is one.
                let version = rated.instrument_version.clone();
                x.adaptations.retain(|a| a.instrument_version() == version);
                x.ratings
                    .retain(|r| r.cycle == cycle && r.person.is_some_and(|p| raters.contains(&p)));
                x.scope = Scope::Raters {
                    cycle,
                    people: x.people.iter().map(|p| p.id).collect(),
                };
            }
            ExportScope::Whole => {
                x.stage_entries = read_out(conn, p)?;
                x.readiness_rounds = read_out(conn, p)?;
                x.readiness_members = read_out(conn, p)?;
                x.readiness_ratings = read_out(conn, p)?;
                x.readiness_summaries = read_out(conn, p)?;
                x.documents = read_out(conn, p)?;
                x.goals = read_out(conn, p)?;
                x.milestones = read_out(conn, p)?;
                x.check_ins = read_out(conn, p)?;
                x.action_steps = read_out(conn, p)?;
                x.attachments = read_out(conn, p)?;
                if with_contents {
                    let files = contents_of(conn, x.attached_files())?;
                    x.contents = files
                        .into_iter()
                        .map(|(hash, content)| (hash, content.into()))
                        .collect();
                }
            }
        }
        x.finish();
        Ok(x)
    }

    /// The partnership with the same id as the file's, as an exchange (to
    /// compare with it), if this file has it.
    pub fn counterpart(&self, x: &Exchange) -> Result<Counterpart, StoreError> {
        let found: Option<(i64, Option<String>)> = self
            .conn
            .query_row(
                "SELECT id, deleted_at FROM partnerships WHERE uid = ?1",
                [x.partnership.id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .map_err(|e| self.error(e))?;
        match found {
            None => Ok(Counterpart::Absent),
            Some((_, Some(_))) => Ok(Counterpart::Deleted),
            // Compared record by record: the files' content is not read.
            Some((id, None)) => self
                .export_inner(id, &ExportScope::Whole, "", false)
                .map(|x| Counterpart::Here(Box::new(x)))
                .map_err(|e| self.error(e)),
        }
    }

    /// Which of `ids` this file already uses for some record (of any
    /// partnership, deleted or not).
    pub fn ids_in_use(&self, ids: &[Uuid]) -> Result<Vec<Uuid>, StoreError> {
        uids_in_use(&self.conn, ids).map_err(|e| self.error(e))
    }

    /// Writes what `plan` says of `x`: its new records, and the records in
    /// conflict that the user chose to take from the file. One transaction:
    /// on failure nothing is written.
    pub fn import(&mut self, x: &Exchange, plan: &Plan) -> Result<PartnershipId, StoreError> {
        self.batch(|store| store.import_inner(x, plan).map_err(|e| store.error(e)))
    }

    /// Imports `x` as `import` does, and marks the partnership as sample
    /// data, in the same transaction.
    pub fn import_sample(
        &mut self,
        x: &Exchange,
        plan: &Plan,
    ) -> Result<PartnershipId, StoreError> {
        self.batch(|store| {
            let id = store.import_inner(x, plan).map_err(|e| store.error(e))?;
            store.mark_sample(id).map_err(|e| store.error(e))?;
            Ok(id)
        })
    }

    fn import_inner(&self, x: &Exchange, plan: &Plan) -> crate::connection::Result<PartnershipId> {
        let conn = &self.conn;
        let p = &x.partnership;
        write_in(conn, 0, std::slice::from_ref(p), plan)?;
        let partnership = row_id(conn, "partnerships", p.id)?;
        // A partnership that arrives for rating apart is a rating copy here.
        if plan.inserts(p.id) && matches!(x.scope, Scope::Raters { .. }) {
            self.mark_rating_copy(partnership, &x.scope)?;
        }
        // In the order the references need: what a record names is written
        // before it.
        write_in(conn, partnership, &x.people, plan)?;
        for here in plan.kept_as_new_versions() {
            Self::keep_as_new_version(conn, here)?;
        }
        write_in(conn, partnership, &x.adaptations, plan)?;
        write_in(conn, partnership, &x.cycles, plan)?;
        write_in(conn, partnership, &x.ratings, plan)?;
        write_in(conn, partnership, &x.stage_entries, plan)?;
        write_in(conn, partnership, &x.readiness_rounds, plan)?;
        write_in(conn, partnership, &x.readiness_members, plan)?;
        write_in(conn, partnership, &x.readiness_ratings, plan)?;
        write_in(conn, partnership, &x.readiness_summaries, plan)?;
        write_in(conn, partnership, &x.documents, plan)?;
        write_in(conn, partnership, &x.goals, plan)?;
        write_in(conn, partnership, &x.milestones, plan)?;
        write_in(conn, partnership, &x.check_ins, plan)?;
        write_in(conn, partnership, &x.action_steps, plan)?;
        // The files the new attachments name, each once, before them.
        for attachment in x.attachments.iter().filter(|a| plan.inserts(a.id)) {
            if let Some(hash) = &attachment.hash {
                let content = x.contents.get(hash).ok_or_else(|| {
                    crate::connection::Error::Value(format!(
                        "the exchange file does not hold the attached file “{}”",
                        attachment.name
                    ))
                })?;
                let size = i64::try_from(content.len()).unwrap_or(i64::MAX);
                put_file_in(conn, hash, size, content)?;
            }
        }
        write_in(conn, partnership, &x.attachments, plan)?;
        Ok(PartnershipId(partnership))
    }
}
