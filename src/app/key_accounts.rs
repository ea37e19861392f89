//! Key-account commands (K1–K3): each step of a support request or a service
//! evaluation is taken only by the holder of that step's role (a team setting the
//! manager keeps), with an opinion; the reviewer does not also approve. K2 activities
//! are recorded by anyone who may hold a key-account role, for a stored customer, once
//! they have happened, naming a stored event if any.

use super::customers::stored_file;
use super::{store, Action, Actor, CommandError, RuleError};
use chrono::NaiveDate;

use crate::domain::approval::{
    ActivityKind, Approval, ApprovalError, ApprovalStatus, CustomerFacts, KeyAccountRoles, ServiceEvaluation, Step,
    SupportRequest,
};
use crate::domain::key_activity::{KeyActivity, KeyActivityDraft, KeyActivityError};
use crate::domain::profile::Role;
use crate::record::replica::Replica;
use crate::storage::key_accounts::{
    activity_recorded, chained_decision, evaluation_created, event_choices, load_key_accounts, request_created,
    return_visit, roles_change,
};
use crate::storage::settings::load_calendar;
use crate::storage::RecordStore;

/// K1/K3: whether the actor holds the role of `step` in the team's key-account roles.
pub fn can_decide_step(actor: &Actor, roles: &KeyAccountRoles, step: Step) -> bool {
    roles.may(step, &actor.profile)
}

/// K1: the manager names the key-account supervisors and managers.
pub fn can_edit_roles(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// Who may hold a key-account role: anyone of the team but event staff.
pub fn may_hold_role(role: Role) -> bool {
    role != Role::EventStaff
}

/// K2: who records a key-account activity — anyone who may hold a key-account role.
pub fn can_record_activity(actor: &Actor) -> bool {
    may_hold_role(actor.role)
}

/// K1/K3: who files a support request or a service evaluation and records its return
/// visit — anyone who may hold a key-account role (not event staff). Every device
/// re-checks this on synced records (`domain::authority`, the key-account kinds).
pub fn can_file_key_account(actor: &Actor) -> bool {
    may_hold_role(actor.role)
}

/// K1: a support request for `customer` (checked by [`SupportRequest::new`]; the
/// customer must be on this device). `date` defaults to the team's today.
pub async fn file_support_request<S: RecordStore>(
    s: &S,
    actor: &Actor,
    customer: &str,
    applicant: &str,
    date: Option<NaiveDate>,
    support_wanted: &str,
    facts: CustomerFacts,
) -> Result<Replica, CommandError> {
    actor.allow(Action::FileKeyAccountRequest, can_file_key_account(actor))?;
    let day = match date {
        Some(d) => d,
        None => load_calendar(s).await?.local_date(actor.now_ms),
    };
    let id = format!("ka:{}", actor.id());
    let r = SupportRequest::new(id, customer, applicant, day, support_wanted, facts).map_err(CommandError::rule)?;
    if stored_file(s, customer).await?.is_none() {
        return Err(RuleError::NotFound("customer").into());
    }
    store(s, actor, |by| Ok(request_created(&r, by))).await
}

/// K3: a service evaluation of an activity with `customer`, written on the team's today
/// (checked by [`ServiceEvaluation::new`]: not before the activity, not empty).
pub async fn file_service_evaluation<S: RecordStore>(
    s: &S,
    actor: &Actor,
    customer: &str,
    activity: ActivityKind,
    activity_on: NaiveDate,
    evaluation: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::FileKeyAccountRequest, can_file_key_account(actor))?;
    let today = load_calendar(s).await?.local_date(actor.now_ms);
    let id = format!("kae:{}", actor.id());
    let e =
        ServiceEvaluation::new(id, customer, activity, activity_on, today, evaluation).map_err(CommandError::rule)?;
    if stored_file(s, customer).await?.is_none() {
        return Err(RuleError::NotFound("customer").into());
    }
    store(s, actor, |by| Ok(evaluation_created(&e, by))).await
}

/// K3: the return visit that collected the customer's opinion on a stored evaluation.
pub async fn record_return_visit<S: RecordStore>(
    s: &S,
    actor: &Actor,
    evaluation: &str,
    on: NaiveDate,
    opinion: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::FileKeyAccountRequest, can_file_key_account(actor))?;
    if !load_key_accounts(s).await?.evaluations.iter().any(|e| e.evaluation.id == evaluation) {
        return Err(RuleError::NotFound("service evaluation").into());
    }
    store(s, actor, |by| Ok(return_visit(evaluation, on, opinion, by))).await
}

/// K2: records an activity with `customer` (checked by [`KeyActivity::new`] on the
/// team's today; the customer and the named event, if any, must be on this device).
pub async fn record_key_account_activity<S: RecordStore>(
    s: &S,
    actor: &Actor,
    customer: &str,
    draft: &KeyActivityDraft,
) -> Result<Replica, CommandError> {
    actor.allow(Action::RecordKeyAccountActivity, can_record_activity(actor))?;
    let today = load_calendar(s).await?.local_date(actor.now_ms);
    let id = format!("kaa:{}", actor.id());
    let activity = KeyActivity::new(id, customer, &actor.profile, draft, today).map_err(CommandError::rule)?;
    if stored_file(s, customer).await?.is_none() {
        return Err(RuleError::NotFound("customer").into());
    }
    if let Some(event) = &activity.event_id {
        if !event_choices(s).await?.iter().any(|(id, ..)| id == event) {
            return Err(CommandError::rule(KeyActivityError::UnknownEvent(event.clone())));
        }
    }
    store(s, actor, |by| Ok(activity_recorded(&activity, by))).await
}

/// K1/K3: the next step of the request or evaluation `subject` — the supervisor's
/// review, then the manager's approval — passed or rejected with an opinion.
pub async fn decide_key_account_step<S: RecordStore>(
    s: &S,
    actor: &Actor,
    subject: &str,
    opinion: &str,
    pass: bool,
) -> Result<Replica, CommandError> {
    let data = load_key_accounts(s).await?;
    let (approval, head): (Approval, String) = data
        .requests
        .iter()
        .find(|r| r.request.id == subject)
        .map(|r| (r.request.approval.clone(), r.trail.chain_head.clone()))
        .or_else(|| {
            data.evaluations
                .iter()
                .find(|e| e.evaluation.id == subject)
                .map(|e| (e.evaluation.approval.clone(), e.trail.chain_head.clone()))
        })
        .ok_or(RuleError::NotFound("key-account request"))?;
    let mut a = approval;
    let step = if a.status() == ApprovalStatus::AwaitingApproval { Step::Approve } else { Step::Review };
    let checked = match step {
        Step::Review => a.review(&data.roles, &actor.profile, opinion, pass, actor.now_ms),
        Step::Approve => a.approve(&data.roles, &actor.profile, opinion, pass, actor.now_ms),
    };
    checked.map_err(|e| match e {
        ApprovalError::WrongRole { .. } => {
            CommandError::NotAllowed { action: Action::DecideKeyAccountStep, role: actor.role }
        }
        e => CommandError::rule(e),
    })?;
    let id = actor.id();
    store(s, actor, |by| Ok(chained_decision(&id, subject, step, opinion, pass, Some(&head), by))).await
}

/// K1: the manager gives one person a step's role or takes it away. The change is made
/// to the roles as stored when the command runs, so ticks made in quick succession each
/// keep the others.
pub async fn set_key_account_role<S: RecordStore>(
    s: &S,
    actor: &Actor,
    person: &str,
    step: Step,
    holds: bool,
) -> Result<Replica, CommandError> {
    actor.allow(Action::SaveKeyAccountRoles, can_edit_roles(actor))?;
    let old = load_key_accounts(s).await?.roles;
    let mut new = old.clone();
    let set = match step {
        Step::Review => &mut new.supervisors,
        Step::Approve => &mut new.managers,
    };
    if holds {
        set.insert(person.to_owned());
    } else {
        set.remove(person);
    }
    store(s, actor, |by| roles_change(&old, &new, by).ok_or(RuleError::Unchanged.into())).await
}

/// K1: the manager changes who reviews and who approves.
pub async fn save_key_account_roles<S: RecordStore>(
    s: &S,
    actor: &Actor,
    roles: &KeyAccountRoles,
) -> Result<Replica, CommandError> {
    actor.allow(Action::SaveKeyAccountRoles, can_edit_roles(actor))?;
    let old = load_key_accounts(s).await?.roles;
    store(s, actor, |by| roles_change(&old, roles, by).ok_or(RuleError::Unchanged.into())).await
}

/// K2: the key-account leads keep a key account's service team and terms — a manager,
/// or whoever the team made key-account supervisor or manager (K1). Every device
/// re-checks this on synced records (`storage::key_accounts::keep_leads_terms`).
pub fn can_keep_terms(actor: &Actor, roles: &KeyAccountRoles) -> bool {
    crate::domain::key_service::may_keep_terms(&[actor.role], roles, &actor.profile)
}

/// K2: saves `customer`'s service team and terms (checked by
/// [`ServiceTerms::validate`](crate::domain::key_service::ServiceTerms::validate); the
/// customer must be on this device). Only the fields that differ from `base` — the terms
/// as the form was opened on — are written, so another tablet's change of another term
/// stays. A seat may go only to someone who may hold a key-account role.
pub async fn save_service_terms<S: RecordStore>(
    s: &S,
    actor: &Actor,
    base: &crate::domain::key_service::ServiceTerms,
    new: crate::domain::key_service::ServiceTerms,
) -> Result<Replica, CommandError> {
    let data = load_key_accounts(s).await?;
    actor.allow(Action::KeepServiceTerms, can_keep_terms(actor, &data.roles))?;
    stored_file(s, &new.customer_id).await?.ok_or(RuleError::NotFound("customer"))?;
    let new = new.tidied();
    new.validate().map_err(RuleError::Terms)?;
    let people = crate::storage::people::load_people(s).await?;
    for person in new.team.values() {
        if !people.iter().any(|p| &p.id == person && may_hold_role(p.role)) {
            return Err(RuleError::SeatHolder(person.clone()).into());
        }
    }
    store(s, actor, |by| crate::storage::key_accounts::terms_change(base, &new, by).ok_or(RuleError::Unchanged.into()))
        .await
}
