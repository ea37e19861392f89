//! Order and money commands (O1–O4): order steps (approval and rejection by a
//! manager), payments recorded by the rep and confirmed by finance (O3, feeding P2, P3
//! and C3), and the price list (managers).

use chrono::NaiveDate;

use super::{store, Action, Actor, CommandError, Needed, RuleError};
use crate::domain::order::{Actor as OrderActor, Order, OrderError, OrderStatus, OrderStep, Signatory};
use crate::domain::profile::Role;
use crate::domain::receivable;
use crate::record::replica::Replica;
use crate::storage::customers::join;
use crate::storage::orders::{
    load_orders, order_change, order_step, payment_confirmed, payment_recorded, product_change, signature_change,
    PaymentRecord, ProductRecord, Signature,
};
use crate::storage::settings::load_calendar;
use crate::storage::RecordStore;

/// O3: finance confirms receipt of each payment.
pub fn can_confirm_payment(actor: &Actor) -> bool {
    actor.is(&[Role::Finance])
}

/// O1: a manager approves or rejects a submitted order.
pub fn can_decide_order(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// Prices are the managers' (the price list in Settings).
pub fn can_edit_price_list(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// The finance page (queue, ageing per rep) is for finance and managers.
pub fn can_see_finance(actor: &Actor) -> bool {
    actor.is(&[Role::Finance, Role::Manager])
}

/// Whoever sells records the payments their customers make (not event staff).
pub fn can_record_payment(actor: &Actor) -> bool {
    actor.is(&[Role::Rep, Role::Manager, Role::Finance])
}

/// O1: the order's own rep or a manager edits an order.
pub fn can_edit_order(actor: &Actor, rep: &str) -> bool {
    actor.profile == rep || actor.is(&[Role::Manager])
}

/// O1: the delivery slip is signed on the tablet of the order's rep or a manager (the
/// warehouse keeper, the warehouse supervisor and the customer sign on it). Every device
/// re-checks this with the roster (`storage::orders::load_orders`).
pub fn can_collect_signatures(actor: &Actor, rep: &str) -> bool {
    can_edit_order(actor, rep)
}

/// O1: one signature on the delivery slip of an approved order (goods are released only
/// once it is approved; a delivered order's slip is closed). Needs a name and ink.
pub async fn sign_delivery_slip<S: RecordStore>(
    s: &S,
    actor: &Actor,
    order: &str,
    who: Signatory,
    sig: &Signature,
) -> Result<Replica, CommandError> {
    let data = load_orders(s).await?;
    let rec = data.order(order).ok_or(RuleError::NotFound("order"))?;
    actor.allow(Action::OrderStep, can_collect_signatures(actor, &rec.order.rep))?;
    let status = rec.order.status();
    if status != OrderStatus::Approved {
        return Err(CommandError::rule(OrderError::WrongStatus { status, wanted: "signed for delivery" }));
    }
    if sig.name.trim().is_empty() || sig.strokes.is_empty() {
        return Err(CommandError::rule(OrderError::MissingSignature(who)));
    }
    store(s, actor, |by| Ok(signature_change(order, who, sig, by))).await
}

/// O3: finance confirms a recorded payment once (the domain refuses an unknown one or
/// one already confirmed); the confirmation and the `payment.confirmed` facts (P2,
/// P3, C3) are stored together.
pub async fn confirm_payment<S: RecordStore>(s: &S, actor: &Actor, payment: &str) -> Result<Replica, CommandError> {
    actor.allow(Action::ConfirmPayment, can_confirm_payment(actor))?;
    let data = load_orders(s).await?;
    let recorded = data.payment(payment).map(PaymentRecord::payment);
    let confirmed = receivable::confirm_payment(&data.plans(), &data.confirmed_payments(), recorded.as_ref())
        .map_err(CommandError::rule)?;
    store(s, actor, |by| Ok(payment_confirmed(&confirmed, by))).await
}

/// O3: a payment as the rep records it; it feeds nothing until finance confirms it.
pub async fn record_payment<S: RecordStore>(
    s: &S,
    actor: &Actor,
    customer: &str,
    order: Option<&str>,
    amount_fen: i64,
    paid_on: NaiveDate,
    note: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::RecordPayment, can_record_payment(actor))?;
    if amount_fen <= 0 {
        return Err(RuleError::Empty(Needed::Amount).into());
    }
    let id = format!("pay:{}", actor.id());
    store(s, actor, |by| Ok(payment_recorded(&id, customer, order, amount_fen, paid_on, note, by))).await
}

/// O1: one step of a stored order, checked by the domain (status, own rep or manager,
/// a reason for a rejection, three signatures for a delivery); approving and rejecting
/// are a manager's.
pub async fn take_order_step<S: RecordStore>(
    s: &S,
    actor: &Actor,
    order: &str,
    step: OrderStep,
) -> Result<Replica, CommandError> {
    if matches!(step, OrderStep::Approved { .. } | OrderStep::Rejected { .. }) {
        actor.allow(Action::OrderStep, can_decide_order(actor))?;
    }
    let data = load_orders(s).await?;
    let rec = data.order(order).ok_or(RuleError::NotFound("order"))?;
    let today = load_calendar(s).await?.local_date(actor.now_ms);
    let by = OrderActor { profile: actor.profile.clone(), role: actor.role, at_ms: actor.now_ms };
    let mut o = rec.order.clone();
    let checked = match &step {
        OrderStep::Submitted => o.submit(&by, today),
        OrderStep::Approved { opinion } => o.approve(&by, opinion),
        OrderStep::Rejected { reason } => o.reject(&by, reason),
        OrderStep::Reopened => o.reopen(&by),
        OrderStep::Delivered { slip } => o.deliver(&by, slip.clone()),
    };
    checked.map_err(|e| match e {
        OrderError::NotManager | OrderError::NotOwnRep(_) => {
            CommandError::NotAllowed { action: Action::OrderStep, role: actor.role }
        }
        e => CommandError::rule(e),
    })?;
    // The domain trims what it keeps (an opinion, a reason): store what it kept.
    let step = o.history.last().map(|c| c.step.clone()).unwrap_or(step);
    let id = actor.id();
    let prev = rec.chain_head.clone();
    store(s, actor, |by| Ok(order_step(&id, order, &step, Some(&prev), by))).await
}

/// O1: saves an order (a new id for a new one: `order.id` empty) with its note, and
/// submits it when asked and the domain lets it (own rep or manager, a valid order);
/// an order that cannot be submitted yet is saved as it is. Only the order's rep or a
/// manager edits a stored order.
pub async fn save_order<S: RecordStore>(
    s: &S,
    actor: &Actor,
    mut order: Order,
    note: &str,
    submit: bool,
) -> Result<Replica, CommandError> {
    let data = load_orders(s).await?;
    if order.id.is_empty() {
        order.id = format!("order:{}", actor.id());
    }
    let old = data.order(&order.id).cloned();
    if let Some(o) = &old {
        actor.allow(Action::OrderStep, can_edit_order(actor, &o.order.rep))?;
    }
    let today = load_calendar(s).await?.local_date(actor.now_ms);
    let by = OrderActor { profile: actor.profile.clone(), role: actor.role, at_ms: actor.now_ms };
    let submitted = submit && order.clone().submit(&by, today).is_ok();
    let step_id = actor.id();
    store(s, actor, |by| {
        let mut parts: Vec<Replica> = order_change(old.as_ref(), &order, note, by).into_iter().collect();
        if submitted {
            let prev = old.as_ref().map_or("", |o| o.chain_head.as_str());
            parts.push(order_step(&step_id, &order.id, &OrderStep::Submitted, Some(prev), by));
        }
        Ok(join(parts))
    })
    .await
}

/// O1: a manager approves a submitted order.
pub async fn approve_order<S: RecordStore>(
    s: &S,
    actor: &Actor,
    order: &str,
    opinion: &str,
) -> Result<Replica, CommandError> {
    take_order_step(s, actor, order, OrderStep::Approved { opinion: opinion.to_owned() }).await
}

/// O1: a manager rejects a submitted order, with the reason.
pub async fn reject_order<S: RecordStore>(
    s: &S,
    actor: &Actor,
    order: &str,
    reason: &str,
) -> Result<Replica, CommandError> {
    take_order_step(s, actor, order, OrderStep::Rejected { reason: reason.to_owned() }).await
}

/// A manager adds or changes a product of the price list (a new id for a new one);
/// only the fields that changed are stamped.
pub async fn save_product<S: RecordStore>(
    s: &S,
    actor: &Actor,
    mut product: ProductRecord,
) -> Result<Replica, CommandError> {
    actor.allow(Action::EditPriceList, can_edit_price_list(actor))?;
    let data = load_orders(s).await?;
    if product.id.is_empty() {
        product.id = format!("product:{}", actor.id());
    }
    let old = data.product(&product.id).cloned();
    store(s, actor, |by| product_change(old.as_ref(), &product, by).ok_or(RuleError::Unchanged.into())).await
}
