//! The monthly sales report (A3): a rep writes their own improvements and next steps;
//! the manager reads every rep's report and the team's figures. A rep's report shows
//! the month's sales plan progress next to the rep's parts (V9 follow-up report).

use super::reports::can_see_team;
use super::sales_plans::PlanView;
use super::targets::target_facts;
use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::profile::Role;
use crate::domain::sales_plan::plan_progress;
use crate::domain::sales_report::{report_lines, ReportError, ReportLine, ReportNotes};
use crate::domain::target::{Period, PeriodKind, Scope};
use crate::record::replica::Replica;
use crate::storage::sales_plans::load_plans;
use crate::storage::sales_reports::{load_notes, notes_change};
use crate::storage::settings::load_calendar;
use crate::storage::targets::load_targets;
use crate::storage::{RecordStore, StorageError};

/// A3: a rep writes the improvements and next steps of their own report.
pub fn can_write_report(actor: &Actor) -> bool {
    actor.is(&[Role::Rep])
}

/// A3: saves the actor's own notes for `month`.
pub async fn save_report_notes<S: RecordStore>(
    s: &S,
    actor: &Actor,
    month: Period,
    notes: &ReportNotes,
) -> Result<Replica, CommandError> {
    actor.allow(Action::WriteSalesReport, can_write_report(actor))?;
    if month.kind != PeriodKind::Month {
        return Err(RuleError::Report(ReportError::NotAMonth).into());
    }
    notes.check().map_err(CommandError::rule)?;
    let old = load_notes(s, &month, &actor.profile).await?;
    store(s, actor, |by| notes_change(&month, &actor.profile, &old, notes, by).ok_or(RuleError::Unchanged.into())).await
}

/// One report as shown: the figures, and the rep's notes (none for the team).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalesReport {
    pub scope: Scope,
    pub lines: Vec<ReportLine>,
    pub notes: Option<ReportNotes>,
    /// V9: the rep's plan for the month and its progress (none for the team, or without
    /// a plan).
    pub plan: Option<PlanView>,
}

/// A3: the report of `scope` for `month` — a rep always gets their own, whatever is
/// asked; the manager gets the one asked for.
pub async fn sales_report<S: RecordStore>(
    s: &S,
    actor: &Actor,
    month: Period,
    scope: Scope,
) -> Result<SalesReport, StorageError> {
    let scope = if can_see_team(actor) { scope } else { Scope::Rep(actor.profile.clone()) };
    let cal = load_calendar(s).await?;
    let targets = load_targets(s).await?;
    let facts = target_facts(s, &cal).await?;
    let lines = report_lines(&month, &scope, &targets, &facts, cal.local_date(actor.now_ms), &cal);
    let (notes, plan) = match &scope {
        Scope::Rep(rep) => {
            let plan = load_plans(s).await?.into_iter().find(|p| p.rep == *rep && p.period == month);
            let today = cal.local_date(actor.now_ms);
            let plan = plan.and_then(|plan| {
                let progress = plan_progress(&plan.current()?.draft, rep, &facts, today, &cal);
                Some(PlanView { plan, progress })
            });
            (Some(load_notes(s, &month, rep).await?), plan)
        }
        Scope::Team => (None, None),
    };
    Ok(SalesReport { scope, lines, notes, plan })
}
