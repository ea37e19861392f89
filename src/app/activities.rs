//! Activity commands (V2, V3, V5, V6–V7): a visit, call or message logged as the
//! logger's own activity, visit plans filed by a rep and decided by the
//! manager, the minutes steps (the rep writes, sends and confirms; the manager
//! reviews), and the team's cadence and quota rules (managers).

use super::customers::stored_file;
use super::{store, Action, Actor, CommandError, Needed, RuleError};
use crate::domain::activity::Activity;
use crate::domain::minutes::{check_step, MinutesStep};
use crate::domain::profile::Role;
use crate::domain::project::{check_transition, Project, ProjectStage};
use crate::domain::report::Diary;
use crate::domain::visit_plan::{check_decision, Decision, PlanDraft};
use crate::record::hlc::Hlc;
use crate::record::replica::Replica;
use crate::storage::activities::{
    activity_change, diary_change, load_activity_data, minutes_change, minutes_items, plan_change, plan_decision,
    rules_change, ActivityRules,
};
use crate::storage::settings::load_calendar;
use crate::storage::RecordStore;

/// V2: a rep files visit plans.
pub fn can_file_visit_plan(actor: &Actor) -> bool {
    actor.is(&[Role::Rep])
}

/// V2: the manager approves or rejects visit plans (and sees every rep's).
pub fn can_decide_visit_plans(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// V5: the manager reviews minutes; the activity's rep records every other step.
pub fn can_record_minutes_step(actor: &Actor, activity_rep: &str, step: MinutesStep) -> bool {
    match step {
        MinutesStep::Reviewed => actor.is(&[Role::Manager]),
        _ => actor.profile == activity_rep,
    }
}

/// V6/V7: the manager sets the team's cadence and quotas.
pub fn can_edit_activity_rules(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// V3/V7: an activity is logged by the person it names as its rep — reps are assessed on
/// their own diary, so nobody logs visits or calls in another's name. Every device
/// re-checks this on synced records (`storage::activities::assemble`).
pub fn can_log_activity_for(actor: &Actor, rep: &str) -> bool {
    actor.profile == rep
}

/// V3: logs a visit, call or message with a customer on this device (checked by
/// [`Activity::check`] on its team-local day), with the contact fact P8 reads.
pub async fn log_activity<S: RecordStore>(s: &S, actor: &Actor, activity: &Activity) -> Result<Replica, CommandError> {
    actor.allow(Action::RecordActivity, can_log_activity_for(actor, &activity.rep))?;
    let day = load_calendar(s).await?.local_date(activity.at_ms);
    activity.check(day, actor.now_ms).map_err(RuleError::Activity)?;
    if stored_file(s, &activity.customer_id).await?.is_none() {
        return Err(RuleError::NotFound("customer").into());
    }
    let fact = actor.id();
    store(s, actor, |by| Ok(activity_change(activity, &fact, by)?)).await
}

/// V9: saves the actor's own work diary for `day` (its text, open questions and
/// improvements). Only the fields that differ from `base` — the diary as the form was
/// filled from, else as stored — are stamped. Nobody writes another person's diary:
/// every device leaves such fields out (`storage::activities::own_diary`).
pub async fn save_diary<S: RecordStore>(
    s: &S,
    actor: &Actor,
    base: Option<&Diary>,
    day: chrono::NaiveDate,
    text: &str,
    open_questions: &str,
    improvements: &str,
) -> Result<Replica, CommandError> {
    let new = Diary {
        rep: actor.profile.clone(),
        day: Some(day),
        text: text.to_owned(),
        open_questions: open_questions.to_owned(),
        improvements: improvements.to_owned(),
    };
    let stored = match base {
        Some(b) if b.rep == actor.profile && b.day == Some(day) => Some(b.clone()),
        _ => load_activity_data(s).await?.diaries.into_iter().find(|d| d.rep == actor.profile && d.day == Some(day)),
    };
    store(s, actor, |by| diary_change(stored.as_ref(), &new, by).ok_or(RuleError::Unchanged.into())).await
}

/// J1/J3: starts a project with a customer on this device at its first stage (checked
/// by [`check_transition`]) with its milestones checked ([`Project::check_milestones`]).
pub async fn start_project<S: RecordStore>(
    s: &S,
    actor: &Actor,
    project: &Project,
    stage: ProjectStage,
) -> Result<Replica, CommandError> {
    if project.name.trim().is_empty() {
        return Err(RuleError::Empty(Needed::ProjectName).into());
    }
    project.check_milestones().map_err(RuleError::Project)?;
    if stored_file(s, &project.customer_id).await?.is_none() {
        return Err(RuleError::NotFound("customer").into());
    }
    if load_activity_data(s).await?.projects.iter().any(|r| r.project.id == project.id) {
        return Err(RuleError::Unchanged.into());
    }
    let entry = actor.id();
    store(s, actor, |by| {
        let doc = crate::storage::projects::project_change(None, project, false, by).unwrap_or_default();
        Ok(doc.merge(crate::storage::projects::stage_change(&entry, &project.id, stage, by)?))
    })
    .await
}

/// J1: moves a stored project forward to `to` (never back, never to where it is).
pub async fn advance_project<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: &str,
    to: ProjectStage,
) -> Result<Replica, CommandError> {
    let data = load_activity_data(s).await?;
    let rec = data.projects.iter().find(|r| r.project.id == id).ok_or(RuleError::NotFound("project"))?;
    check_transition(rec.stages.current, to).map_err(RuleError::Project)?;
    let entry = actor.id();
    store(s, actor, |by| Ok(crate::storage::projects::stage_change(&entry, id, to, by)?)).await
}

/// J2/J3: edits a stored project as it is stored when the command runs (its key dates,
/// bid checklist, milestones — checked by [`Project::check_milestones`]) and closes or
/// reopens it (`closed`: `None` leaves it as it is). Only the fields that changed are
/// stamped.
pub async fn edit_project<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: &str,
    closed: Option<bool>,
    edit: impl FnOnce(&mut Project),
) -> Result<Replica, CommandError> {
    let data = load_activity_data(s).await?;
    let rec = data.projects.iter().find(|r| r.project.id == id).ok_or(RuleError::NotFound("project"))?;
    let mut new = rec.project.clone();
    edit(&mut new);
    new.id = rec.project.id.clone();
    new.check_milestones().map_err(RuleError::Project)?;
    let closed_now = closed.unwrap_or(rec.closed);
    let old = (&rec.project, rec.closed);
    store(s, actor, |by| {
        crate::storage::projects::project_change(Some(old), &new, closed_now, by).ok_or(RuleError::Unchanged.into())
    })
    .await
}

/// V2: a rep files a plan (`id` `None`) or revises one of their own, which sends it
/// back for approval.
pub async fn file_visit_plan<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: Option<&str>,
    draft: &PlanDraft,
) -> Result<Replica, CommandError> {
    actor.allow(Action::FileVisitPlan, can_file_visit_plan(actor))?;
    let today = load_calendar(s).await?.local_date(actor.now_ms);
    draft.check(today).map_err(CommandError::rule)?;
    let data = load_activity_data(s).await?;
    let (id, old) = match id {
        Some(id) => {
            let p = data.plans.iter().find(|p| p.id == id).ok_or(RuleError::NotFound("visit plan"))?;
            if p.rep != actor.profile {
                return Err(CommandError::NotAllowed { action: Action::FileVisitPlan, role: actor.role });
            }
            (id.to_owned(), Some(p.draft.clone()))
        }
        None => (actor.id(), None),
    };
    store(s, actor, |by| plan_change(&id, &actor.profile, old.as_ref(), draft, by).ok_or(RuleError::Unchanged.into()))
        .await
}

/// V2: the manager approves or rejects (with an opinion) the revision `seen` of a plan.
pub async fn decide_visit_plan<S: RecordStore>(
    s: &S,
    actor: &Actor,
    plan: &str,
    decision: Decision,
    opinion: &str,
    seen: Option<&Hlc>,
) -> Result<Replica, CommandError> {
    actor.allow(Action::DecideVisitPlan, can_decide_visit_plans(actor))?;
    check_decision(decision, opinion).map_err(CommandError::rule)?;
    let data = load_activity_data(s).await?;
    if !data.plans.iter().any(|p| p.id == plan) {
        return Err(RuleError::NotFound("visit plan").into());
    }
    store(s, actor, |by| Ok(plan_decision(plan, decision, opinion, seen, by))).await
}

/// V5: records the next step of an activity's minutes, in order; the written minutes
/// carry their text.
pub async fn record_minutes_step<S: RecordStore>(
    s: &S,
    actor: &Actor,
    activity: &str,
    step: MinutesStep,
    text: &str,
) -> Result<Replica, CommandError> {
    let data = load_activity_data(s).await?;
    let cal = load_calendar(s).await?;
    let item = minutes_items(&data, &cal, actor.now_ms)
        .into_iter()
        .find(|m| m.activity.id == activity)
        .ok_or(RuleError::NotFound("minutes"))?;
    actor.allow(Action::MinutesStep, can_record_minutes_step(actor, &item.activity.rep, step))?;
    check_step(item.minutes.state, step).map_err(CommandError::rule)?;
    let text = text.trim();
    if step == MinutesStep::Written && text.is_empty() {
        return Err(RuleError::Empty(Needed::MinutesText).into());
    }
    let id = actor.id();
    store(s, actor, |by| Ok(minutes_change(&id, activity, step, text, by)?)).await
}

/// V5: the manager reviews minutes.
pub async fn review_minutes<S: RecordStore>(s: &S, actor: &Actor, activity: &str) -> Result<Replica, CommandError> {
    record_minutes_step(s, actor, activity, MinutesStep::Reviewed, "").await
}

/// V6/V7: the manager saves the team's cadence intervals and quotas.
pub async fn save_activity_rules<S: RecordStore>(
    s: &S,
    actor: &Actor,
    rules: &ActivityRules,
) -> Result<Replica, CommandError> {
    actor.allow(Action::SaveActivityRules, can_edit_activity_rules(actor))?;
    let old = load_activity_data(s).await?.rules;
    store(s, actor, |by| rules_change(&old, rules, by).ok_or(RuleError::Unchanged.into())).await
}
