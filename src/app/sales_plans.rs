//! Sales plans (V9, seed 003 职责三): a rep writes and revises their own plan for a
//! year, quarter or month; a manager approves it or returns it with a comment. The
//! rep sees their plan's progress; the manager sees every rep's plans of a period.

use super::reports::{can_see_team, is_reported};
use super::targets::target_facts;
use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::profile::Role;
use crate::domain::sales_plan::{plan_progress, GoalProgress, PlanDraft, SalesPlan, SalesPlanStatus};
use crate::domain::target::Period;
use crate::record::replica::Replica;
use crate::storage::people::load_people;
use crate::storage::sales_plans::{decision_change, load_plans, version_change};
use crate::storage::settings::load_calendar;
use crate::storage::{RecordStore, StorageError};

/// V9: a rep writes (and so submits) their own plan.
pub fn can_write_plan(actor: &Actor) -> bool {
    actor.is(&[Role::Rep])
}

/// V9: a manager approves or returns a plan (re-checked on every device:
/// `domain::authority`, `sales_plan.decision`).
pub fn can_decide_plan(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// V9: writes a new version of the actor's plan for `draft.period`; it waits for the
/// manager. The same goals and actions as the current version store nothing.
pub async fn write_plan<S: RecordStore>(s: &S, actor: &Actor, draft: &PlanDraft) -> Result<Replica, CommandError> {
    actor.allow(Action::WriteSalesPlan, can_write_plan(actor))?;
    let mut draft = draft.clone();
    draft.actions = draft.actions.trim().to_owned();
    draft.check().map_err(CommandError::rule)?;
    let plans = load_plans(s).await?;
    let current = plans.iter().find(|p| p.rep == actor.profile && p.period == draft.period);
    if current.and_then(SalesPlan::current).is_some_and(|v| v.draft == draft) {
        return Err(RuleError::Unchanged.into());
    }
    let id = format!("sp:{}", actor.id());
    store(s, actor, |by| Ok(version_change(&id, &actor.profile, &draft, by))).await
}

/// V9: the manager approves `version` of `rep`'s plan for `period`, or returns it with
/// a comment.
pub async fn decide_plan<S: RecordStore>(
    s: &S,
    actor: &Actor,
    rep: &str,
    period: Period,
    version: &str,
    approve: bool,
    comment: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::DecideSalesPlan, can_decide_plan(actor))?;
    let plans = load_plans(s).await?;
    let plan = plans.into_iter().find(|p| p.rep == rep && p.period == period).ok_or(RuleError::NotFound("plan"))?;
    plan.check_decision(version, approve, comment).map_err(CommandError::rule)?;
    let id = actor.id();
    store(s, actor, |by| Ok(decision_change(&id, &plan, version, approve, comment, by))).await
}

/// A plan as shown: the plan (every version) and its current version's progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanView {
    pub plan: SalesPlan,
    pub progress: Vec<GoalProgress>,
}

impl PlanView {
    pub fn status(&self) -> SalesPlanStatus {
        self.plan.status()
    }
}

/// V9: the plans of `period` on the actor's `now_ms` with their progress — every rep's
/// for a manager (reps of the team first by name), the actor's own for a rep.
pub async fn plans_of<S: RecordStore>(s: &S, actor: &Actor, period: Period) -> Result<Vec<PlanView>, StorageError> {
    let cal = load_calendar(s).await?;
    let facts = target_facts(s, &cal).await?;
    let today = cal.local_date(actor.now_ms);
    let team = can_see_team(actor);
    let mut names: Vec<(String, String)> =
        load_people(s).await?.into_iter().filter(is_reported).map(|p| (p.id, p.name)).collect();
    names.sort();
    let name = |rep: &str| names.iter().find(|(id, _)| id == rep).map(|(_, n)| n.clone()).unwrap_or_default();
    let mut out: Vec<PlanView> = load_plans(s)
        .await?
        .into_iter()
        .filter(|p| p.period == period && (team || p.rep == actor.profile))
        .filter_map(|plan| {
            let v = plan.current()?;
            let progress = plan_progress(&v.draft, &plan.rep, &facts, today, &cal);
            Some(PlanView { plan, progress })
        })
        .collect();
    out.sort_by_key(|v| (name(&v.plan.rep), v.plan.rep.clone()));
    Ok(out)
}
