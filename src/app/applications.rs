//! Application commands (A1): the rep submits an application once its materials are
//! complete; a reviewer (manager or finance) approves, rejects or returns it with
//! feedback for the customer; the manager keeps the checklists of materials.

use super::customers::stored_file;
use super::{store, Action, Actor, CommandError, Needed, RuleError};
use crate::domain::application::{Application, ApplicationStatus, Checklists, Outcome};
use crate::domain::profile::Role;
use crate::record::replica::Replica;
use crate::storage::applications::{
    application_created, checklists_change, load_applications, material_change, status_change,
};
use crate::storage::RecordStore;

/// A1: managers and finance review applications.
pub fn can_review_application(actor: &Actor) -> bool {
    actor.is(&[Role::Manager, Role::Finance])
}

/// A1: the manager keeps the team's checklists of materials per product.
pub fn can_edit_checklists(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// A1: the sales side opens an application for a customer — a rep or a manager (finance
/// reviews it, event staff sell nothing). Every device re-checks this on synced records
/// (`domain::authority`, the application document).
pub fn can_file_application(actor: &Actor) -> bool {
    actor.is(&[Role::Rep, Role::Manager])
}

/// A1: an application's materials are ticked, and it is submitted, by the rep who
/// opened it or a manager (re-checked on every device:
/// `storage::applications::own_materials` and `load_applications`).
pub fn can_tick_materials(actor: &Actor, rep: &str) -> bool {
    can_file_application(actor) && (actor.profile == rep || actor.is(&[Role::Manager]))
}

/// A1: opens an application for `product` for a customer on this device, collecting
/// materials, with the actor as its rep.
pub async fn open_application<S: RecordStore>(
    s: &S,
    actor: &Actor,
    customer: &str,
    product: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::FileApplication, can_file_application(actor))?;
    if product.trim().is_empty() {
        return Err(RuleError::Empty(Needed::Product).into());
    }
    if stored_file(s, customer).await?.is_none() {
        return Err(RuleError::NotFound("customer").into());
    }
    let a = Application::new(format!("ap:{}", actor.id()), customer, product.trim(), actor.profile.as_str());
    store(s, actor, |by| Ok(application_created(&a, by))).await
}

/// A1: ticks (or unticks) one material of an application still collecting them (or
/// returned for more).
pub async fn tick_material<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: &str,
    material: &str,
    received: bool,
) -> Result<Replica, CommandError> {
    let data = load_applications(s).await?;
    let a = data.applications.iter().find(|a| a.id == id).ok_or(RuleError::NotFound("application"))?;
    actor.allow(Action::FileApplication, can_tick_materials(actor, &a.rep))?;
    let status = a.status();
    if !matches!(status, ApplicationStatus::Collecting | ApplicationStatus::Returned) {
        return Err(RuleError::Application(crate::domain::application::ApplicationError::WrongStatus {
            status,
            wanted: "collecting",
        })
        .into());
    }
    if a.received.contains(material) == received {
        return Err(RuleError::Unchanged.into());
    }
    store(s, actor, |by| Ok(material_change(id, material, received, by))).await
}

/// A1: the application's rep (or a manager) submits a complete application for review.
pub async fn submit_application<S: RecordStore>(s: &S, actor: &Actor, id: &str) -> Result<Replica, CommandError> {
    let data = load_applications(s).await?;
    let mut a = data.applications.iter().find(|a| a.id == id).cloned().ok_or(RuleError::NotFound("application"))?;
    actor.allow(Action::FileApplication, can_tick_materials(actor, &a.rep))?;
    a.submit(&data.checklists, &actor.profile, actor.now_ms).map_err(CommandError::rule)?;
    let entry = actor.id();
    let prev = data.trails.get(id).map(|t| t.head.clone()).unwrap_or_default();
    store(s, actor, |by| Ok(status_change(&entry, id, a.status(), "", Some(&prev), by))).await
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
    let prev = data.trails.get(id).map(|t| t.head.clone()).unwrap_or_default();
    store(s, actor, |by| Ok(status_change(&entry, id, a.status(), feedback, Some(&prev), by))).await
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
