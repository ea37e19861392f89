//! Service log commands (S1–S2): whoever the customer first asked records the item and
//! stays responsible for it (S1); an open item is forwarded (escalated) with a plan and
//! a promised date, again if need be (S2); it closes only with the customer satisfied
//! and a score, and the first closing stands (a second one, from another tablet, is
//! folded away when the tablets sync).
//!
//! S1 asks every role to take what a customer asks ("never refuse, never delay"), so
//! these commands check no role: the rules are the domain's ([`ServiceItem`]).

use chrono::NaiveDate;

use super::{store, Actor, CommandError, RuleError};
use crate::domain::service::{Channel, Forward, ServiceItem};
use crate::record::replica::Replica;
use crate::storage::service_log::{closed, forwarded, item_created, load_service};
use crate::storage::settings::load_calendar;
use crate::storage::RecordStore;

/// How the person first asked handled the question (S1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handling {
    /// Solved on the spot, with the answer given.
    OnTheSpot { answer: String },
    /// Forwarded to someone, with the plan given to the customer and the date promised.
    Forwarded { to: String, plan: String, promised: NaiveDate },
}

/// S1: records a question or complaint, asked today (the team's calendar), with the
/// actor as the responsible person; checked by the domain (a question, an answer or
/// a forward with someone, a plan and a date not before today).
pub async fn record_service_item<S: RecordStore>(
    s: &S,
    actor: &Actor,
    customer: &str,
    channel: Channel,
    asked: &str,
    handling: Handling,
) -> Result<Replica, CommandError> {
    let today = load_calendar(s).await?.local_date(actor.now_ms);
    let id = format!("sv:{}", actor.id());
    let me = actor.profile.clone();
    let item = match handling {
        Handling::OnTheSpot { answer } => ServiceItem::on_the_spot(&id, customer, me, channel, asked, today, &answer),
        Handling::Forwarded { to, plan, promised } => {
            let f = Forward { to: to.trim().into(), plan: plan.trim().into(), promised, at_ms: actor.now_ms };
            ServiceItem::forwarded(&id, customer, me, channel, asked, today, f)
        }
    }
    .map_err(CommandError::rule)?;
    let forward_id = actor.id();
    store(s, actor, |by| Ok(item_created(&item, &forward_id, by))).await
}

/// S2: forwards (escalates) an open item again; the new plan and promise become current
/// and the person first asked stays responsible (S1). A closed item is refused.
pub async fn forward_service_item<S: RecordStore>(
    s: &S,
    actor: &Actor,
    item: &str,
    to: &str,
    plan: &str,
    promised: NaiveDate,
) -> Result<Replica, CommandError> {
    let mut it = service_item(s, item).await?;
    let f = Forward { to: to.trim().into(), plan: plan.trim().into(), promised, at_ms: actor.now_ms };
    it.forward(f.clone()).map_err(CommandError::rule)?;
    let id = actor.id();
    store(s, actor, |by| Ok(forwarded(&id, item, &f, by))).await
}

/// S2: closes an item with the customer satisfied and a score of 1–5; an item already
/// closed on this device is refused (the first closing stands).
pub async fn close_service_item<S: RecordStore>(
    s: &S,
    actor: &Actor,
    item: &str,
    customer_satisfied: bool,
    score: u8,
    note: &str,
) -> Result<Replica, CommandError> {
    let mut it = service_item(s, item).await?;
    it.close(&actor.profile, actor.now_ms, customer_satisfied, score, note).map_err(CommandError::rule)?;
    let id = actor.id();
    store(s, actor, |by| Ok(closed(&id, item, score, note, by))).await
}

async fn service_item<S: RecordStore>(s: &S, id: &str) -> Result<ServiceItem, CommandError> {
    load_service(s).await?.into_iter().find(|i| i.id == id).ok_or(RuleError::NotFound("service item").into())
}
