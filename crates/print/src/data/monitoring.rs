//! The monitoring plan on paper.

use super::*;

#[derive(Debug, Clone, Serialize)]
pub struct MonitoringPrint {
    pub title: String,
    pub purpose: String,
    pub instructions: Vec<String>,
    pub columns: Vec<String>,
    pub goals: Vec<(String, Vec<String>)>,
    pub milestones: Vec<MilestonePrint>,
    pub blank_rows: usize,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MilestonePrint {
    pub cells: [String; 4],
    pub serves: String,
    pub next: String,
    pub overdue: bool,
    pub check_ins: Vec<[String; 3]>,
    /// The files and links attached to it.
    pub attached: Vec<EvidencePrint>,
}

/// The monitoring plan as filled, or blank when `view` is `None`.
pub fn monitoring(
    plan: &MonitoringPlan,
    view: Option<&PartnershipView>,
    today: Date,
) -> MonitoringPrint {
    let goals = view
        .map(|v| {
            v.goals
                .iter()
                .filter(|g| g.goal.is_none())
                .map(|g| {
                    let objectives = v
                        .goals
                        .iter()
                        .filter(|o| o.goal == Some(g.id))
                        .map(|o| o.text.clone())
                        .collect();
                    (g.text.clone(), objectives)
                })
                .collect()
        })
        .unwrap_or_default();
    let milestones = view
        .map(|v| {
            v.milestones
                .iter()
                .map(|m| {
                    let due = due(m, plan, &v.check_ins);
                    MilestonePrint {
                        cells: [
                            m.milestone.clone(),
                            m.feedback_data.clone(),
                            plan.frequency_label(&m.frequency).to_owned(),
                            m.source.clone(),
                        ],
                        serves: m
                            .serves
                            .and_then(|g| v.goals.iter().find(|x| x.id == g))
                            .map(|g| g.text.clone())
                            .unwrap_or_default(),
                        next: match due {
                            Due::On(date) => long_date(date),
                            Due::Met => "Met".to_owned(),
                            // PartnerPath's words: the team's own frequency.
                            Due::Uncounted => "No date worked out".to_owned(),
                        },
                        overdue: due.overdue(today),
                        check_ins: v
                            .check_ins
                            .iter()
                            .filter(|c| c.milestone_id == m.id)
                            .map(|c| [long_date(c.on), c.status.label().to_owned(), c.note.clone()])
                            .collect(),
                        attached: evidence_of(v, &AttachedTo::Milestone(m.id)),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    MonitoringPrint {
        title: plan.title.clone(),
        purpose: plan.purpose.clone(),
        instructions: plan.instructions.clone(),
        columns: plan.columns.in_order().map(str::to_owned).to_vec(),
        goals,
        milestones,
        blank_rows: if view.is_some() { 0 } else { 8 },
        source: plan.source.citation(),
    }
}
