//! Repair and maintenance tracking (seed 002 售后服務): the sales side (rep, manager)
//! opens and edits a customer's job and records its steps (scheduled, done, confirmed by
//! the customer); the board puts overdue jobs first, computed from the team calendar,
//! with the customer's on-site warranty from its K2 service terms.

use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::authority::REPAIR_JOB;
use crate::domain::profile::Role;
use crate::domain::repair::{repair_list, RepairJob, RepairStatus};
use crate::record::replica::Replica;
use crate::storage::competitors::doc_change;
use crate::storage::key_accounts::load_key_accounts;
use crate::storage::repairs::{load_repairs, stepped};
use crate::storage::settings::load_calendar;
use crate::storage::{RecordStore, StorageError};

/// Reps and managers keep the repair jobs.
pub fn can_keep_repairs(actor: &Actor) -> bool {
    actor.is(&[Role::Rep, Role::Manager])
}

/// Saves a job: a new one when `id` is `None`, else the fields changed since it was
/// stored. Checked by [`RepairJob::check`] against today in the team calendar.
pub async fn save_repair_job<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: Option<&str>,
    job: &RepairJob,
) -> Result<Replica, CommandError> {
    actor.allow(Action::KeepRepairJob, can_keep_repairs(actor))?;
    let today = load_calendar(s).await?.local_date(actor.now_ms);
    let new = job.clone().tidied();
    new.check(today).map_err(CommandError::rule)?;
    let (id, old) = match id {
        Some(id) => {
            let old = load_repairs(s).await?.into_iter().find(|x| x.id == id);
            (id.to_owned(), Some(old.ok_or(RuleError::NotFound("repair job"))?))
        }
        None => (format!("rj:{}", actor.id()), None),
    };
    let new = RepairJob { id: id.clone(), steps: Vec::new(), ..new };
    let old = old.map(|o| RepairJob { steps: Vec::new(), ..o });
    store(s, actor, |by| doc_change(&id, REPAIR_JOB, old.as_ref(), &new, by).ok_or(RuleError::Unchanged.into())).await
}

/// Records the job's next status (forward only; confirmed only once done).
pub async fn step_repair_job<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: &str,
    to: RepairStatus,
    note: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::KeepRepairJob, can_keep_repairs(actor))?;
    let job = load_repairs(s).await?.into_iter().find(|j| j.id == id).ok_or(RuleError::NotFound("repair job"))?;
    job.may_step(to).map_err(CommandError::rule)?;
    let eid = actor.id();
    store(s, actor, |by| Ok(stepped(&eid, id, to, note, by))).await
}

/// A job on the board: overdue and how many working days late (team calendar), and the
/// on-site warranty years its customer's K2 terms promise (0 = none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepairRow {
    pub job: RepairJob,
    pub overdue: bool,
    pub working_days_late: i64,
    pub onsite_years: u8,
}

/// The jobs, overdue first ([`repair_list`]); only `customer`'s when given.
pub async fn repair_board<S: RecordStore>(
    s: &S,
    now_ms: i64,
    customer: Option<&str>,
) -> Result<Vec<RepairRow>, StorageError> {
    let cal = load_calendar(s).await?;
    let today = cal.local_date(now_ms);
    let jobs: Vec<RepairJob> =
        load_repairs(s).await?.into_iter().filter(|j| customer.is_none_or(|c| j.customer_id == c)).collect();
    let ka = load_key_accounts(s).await?;
    Ok(repair_list(&jobs, today)
        .into_iter()
        .map(|j| RepairRow {
            overdue: j.is_overdue(today),
            working_days_late: j.working_days_late(&cal, today),
            onsite_years: ka.terms_of(&j.customer_id).warranty_onsite_years,
            job: j.clone(),
        })
        .collect())
}
