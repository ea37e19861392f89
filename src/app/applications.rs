//! Application commands (A1): the rep submits an application once its materials are
//! complete; a reviewer (manager or finance) approves, rejects or returns it with
//! feedback for the customer; the manager keeps the checklists of materials.

use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::application::{Checklists, Outcome};
use crate::domain::profile::Role;
use crate::record::replica::Replica;
use crate::storage::applications::{checklists_change, load_applications, status_change};
use crate::storage::RecordStore;

/// A1: managers and finance review applications.
pub fn can_review_application(actor: &Actor) -> bool {
    actor.is(&[Role::Manager, Role::Finance])
}

/// A1: the manager keeps the team's checklists of materials per product.
pub fn can_edit_checklists(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// A1: submits a complete application for review.
pub async fn submit_application<S: RecordStore>(s: &S, actor: &Actor, id: &str) -> Result<Replica, CommandError> {
    let data = load_applications(s).await?;
    let mut a = data.applications.iter().find(|a| a.id == id).cloned().ok_or(RuleError::NotFound("application"))?;
    a.submit(&data.checklists, &actor.profile, actor.now_ms).map_err(CommandError::rule)?;
    let entry = actor.id();
    store(s, actor, |by| Ok(status_change(&entry, id, a.status(), "", by))).await
}

/// A1: a reviewer decides a submitted application, with feedback for the customer.
pub async fn decide_application<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: &str,
    outcome: Outcome,
    feedback: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::SetApplicationStatus, can_review_application(actor))?;
    let data = load_applications(s).await?;
    let mut a = data.applications.iter().find(|a| a.id == id).cloned().ok_or(RuleError::NotFound("application"))?;
    a.decide(outcome, &actor.profile, actor.now_ms, feedback).map_err(CommandError::rule)?;
    let entry = actor.id();
    store(s, actor, |by| Ok(status_change(&entry, id, a.status(), feedback, by))).await
}

/// A1: the manager saves the checklists of materials.
pub async fn save_checklists<S: RecordStore>(
    s: &S,
    actor: &Actor,
    lists: &Checklists,
) -> Result<Replica, CommandError> {
    actor.allow(Action::SaveChecklists, can_edit_checklists(actor))?;
    let old = load_applications(s).await?.checklists;
    store(s, actor, |by| checklists_change(&old, lists, by).ok_or(RuleError::Unchanged.into())).await
}
