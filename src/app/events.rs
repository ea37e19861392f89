//! Event commands (E1–E5, W1): the event itself and its questionnaire (kept by the
//! people who plan it), the invitation list (E2), the prize stock and its counts (W1, the
//! event's staff or a manager), the questionnaire answered at the kiosk, settling a
//! double redemption found after sync, sending an event's new leads to the pool (E5, for
//! P7), and the kiosk PIN (set by staff, asked before anyone leaves kiosk mode).

use super::{store, Action, Actor, CommandError, RuleError};
use std::collections::BTreeMap;

use crate::domain::chips::{check_redemption, ledger, ChipsError, MoveKind, Settlement};
use crate::domain::event::{Event, InviteStatus};
use crate::domain::participant::{change_consent, new_leads, participants, phone_keys_of, RegistrationForm};
use crate::domain::pin_attempts::PinAttempts;
use crate::domain::profile::Role;
use crate::domain::stock::{reconcile, Count, MoveReason, Reconciliation, StockError};
use crate::record::replica::Replica;
use crate::storage::customers::{join, load_customers};
use crate::storage::events::{
    answer_entry, chips_entry, count_entry, event_change, invite, invite_status, leads_change, load_events, pin_change,
    pin_hash, pin_matches, pin_valid, questions_change, redemption, registration_entry, stock_entry, EventRecord,
};
use crate::storage::staff_pin::{load_staff_pin, staff_pin_change};
use crate::storage::RecordStore;

/// E4/W1: settling a double redemption is a staff decision: the event's staff or a manager.
pub fn can_settle_conflict(actor: &Actor) -> bool {
    actor.is(&[Role::Manager, Role::EventStaff])
}

/// E5/P7: leads go to the pool on a manager's or the event staff's word.
pub fn can_send_leads(actor: &Actor) -> bool {
    actor.is(&[Role::Manager, Role::EventStaff])
}

/// The kiosk PIN is set by the people who run the event.
pub fn can_set_kiosk_pin(actor: &Actor) -> bool {
    actor.is(&[Role::Manager, Role::EventStaff])
}

/// E3/E4: the kiosk's chips desk and prize desk are run by the event's staff or a manager.
pub fn can_run_kiosk(actor: &Actor) -> bool {
    actor.is(&[Role::Manager, Role::EventStaff])
}

/// W1: the prize stock, its counts and the adjustments that settle a count are kept at
/// the event's desks — by its staff or a manager. Every device re-checks this on synced
/// records (`domain::authority`, the kiosk kinds).
pub fn can_keep_stock(actor: &Actor) -> bool {
    actor.is(&[Role::Manager, Role::EventStaff])
}

/// E1/E2/E5: an event, its invitation list and its questionnaire are kept by whoever
/// plans it — its keeper ([`Event::keeper`]: the creator its id names), a manager or
/// event staff (as its materials kit, E2). Every device re-checks this for the event's
/// fields on synced records (`domain::authority::person_for_field`).
pub fn can_edit_event(actor: &Actor, keeper: &str) -> bool {
    actor.profile == keeper || actor.is(&[Role::Manager, Role::EventStaff])
}

/// E1: anyone of the team may organise a new event (a rep organises a DIY day at a
/// sales office) under an id that names them ([`crate::domain::event::event_id`]), not
/// someone else; editing it afterwards is [`can_edit_event`].
pub fn can_create_event(actor: &Actor, id: &str) -> bool {
    crate::domain::event::creator_of(id).is_none_or(|c| c == actor.profile)
}

/// E1: creates or edits an event, checked by [`Event::validate`] and, once the event
/// has started, the consent freeze (E3). Only the fields that differ from `base` — the
/// event as the form was opened on, else as stored — are stamped, so another tablet's
/// edit of another field or budget line stays.
pub async fn save_event<S: RecordStore>(
    s: &S,
    actor: &Actor,
    base: Option<&Event>,
    new: &Event,
) -> Result<Replica, CommandError> {
    let stored = load_events(s).await?.into_iter().find(|r| r.event.id == new.id).map(|r| r.event);
    match &stored {
        Some(old) => actor.allow(Action::EditEvent, can_edit_event(actor, old.keeper()))?,
        None => actor.allow(Action::EditEvent, can_create_event(actor, &new.id))?,
    }
    new.validate().map_err(RuleError::Event)?;
    if let Some(old) = &stored {
        if old.consent_version != new.consent_version {
            change_consent(old, &new.consent_version, actor.now_ms).map_err(CommandError::rule)?;
        }
    }
    let base = base.or(stored.as_ref());
    store(s, actor, |by| event_change(base, new, by).ok_or(RuleError::Unchanged.into())).await
}

/// E5: the event's questionnaire questions, one list (blank lines dropped).
pub async fn save_questions<S: RecordStore>(
    s: &S,
    actor: &Actor,
    event_id: &str,
    questions: &[String],
) -> Result<Replica, CommandError> {
    let r = event(s, event_id).await?;
    actor.allow(Action::EditEvent, can_edit_event(actor, r.event.keeper()))?;
    store(s, actor, |by| Ok(questions_change(event_id, questions, by))).await
}

/// E2: adds customers (id, phone) to the invitation list; customers already invited
/// keep their answer. Returns the change and how many were added (none stores nothing).
pub async fn invite_customers<S: RecordStore>(
    s: &S,
    actor: &Actor,
    event_id: &str,
    customers: &[(String, String)],
) -> Result<(Replica, usize), CommandError> {
    let r = event(s, event_id).await?;
    actor.allow(Action::InviteCustomers, can_edit_event(actor, r.event.keeper()))?;
    let n = customers.iter().filter(|(c, _)| !r.invitees.iter().any(|i| &i.customer == c)).count();
    match store(s, actor, |by| Ok(invite(event_id, customers, &r.invitees, by))).await {
        Ok(c) => Ok((c, n)),
        Err(CommandError::Rule(RuleError::Unchanged)) => Ok((Replica::default(), 0)),
        Err(e) => Err(e),
    }
}

/// E2: records an invitee's answer (whoever called them: the rep who knows the customer
/// as well as the planners).
pub async fn set_invite_status<S: RecordStore>(
    s: &S,
    actor: &Actor,
    event_id: &str,
    customer: &str,
    status: InviteStatus,
) -> Result<Replica, CommandError> {
    let r = event(s, event_id).await?;
    if !r.invitees.iter().any(|i| i.customer == customer) {
        return Err(RuleError::NotFound("invitee").into());
    }
    store(s, actor, |by| Ok(invite_status(event_id, customer, status, by))).await
}

/// E5: one questionnaire sheet filled in at the kiosk, named or anonymous (empty
/// `participant`); ratings outside 1–5 are dropped, and a sheet without any stores
/// nothing.
pub async fn answer_survey<S: RecordStore>(
    s: &S,
    actor: &Actor,
    event_id: &str,
    participant: &str,
    ratings: &BTreeMap<String, u8>,
) -> Result<Replica, CommandError> {
    event(s, event_id).await?;
    if !ratings.values().any(|r| (1..=5).contains(r)) {
        return Err(RuleError::Unchanged.into());
    }
    let id = actor.id();
    store(s, actor, |by| Ok(answer_entry(&id, event_id, participant, ratings, by))).await
}

/// W1: prizes received into (`qty` > 0) or returned out of (`qty` < 0) the event's stock.
pub async fn record_stock_move<S: RecordStore>(
    s: &S,
    actor: &Actor,
    event_id: &str,
    item: &str,
    qty: i64,
) -> Result<Replica, CommandError> {
    actor.allow(Action::KeepStock, can_keep_stock(actor))?;
    if item.trim().is_empty() {
        return Err(RuleError::Stock(StockError::ItemEmpty).into());
    }
    if qty == 0 {
        return Err(RuleError::Stock(StockError::ZeroQuantity).into());
    }
    event(s, event_id).await?;
    let reason = if qty > 0 { MoveReason::Received } else { MoveReason::Returned };
    let id = actor.id();
    store(s, actor, |by| Ok(stock_entry(&id, event_id, item, qty, reason, by))).await
}

/// W1: a physical count of one item (zero or more).
pub async fn record_stock_count<S: RecordStore>(
    s: &S,
    actor: &Actor,
    event_id: &str,
    item: &str,
    counted: i64,
) -> Result<Replica, CommandError> {
    actor.allow(Action::KeepStock, can_keep_stock(actor))?;
    if item.trim().is_empty() {
        return Err(RuleError::Stock(StockError::ItemEmpty).into());
    }
    if counted < 0 {
        return Err(RuleError::Stock(StockError::NegativeCount { item: item.trim().to_owned() }).into());
    }
    event(s, event_id).await?;
    let id = actor.id();
    store(s, actor, |by| Ok(count_entry(&id, event_id, item, counted, by))).await
}

/// W1: the ledger reconciled with the latest count of each item, as of that count (or of
/// the adjustments written since to settle it); `None` before any count.
pub fn stock_reconciliation(r: &EventRecord) -> Option<Reconciliation> {
    let adjusted =
        r.stock.iter().filter(|m| m.reason == MoveReason::Adjustment).map(|m| m.stamp.wall_ms).max().unwrap_or(0);
    let last = r.counts.iter().map(|c| c.stamp.wall_ms).max()?.max(adjusted);
    // The latest count per item: a recount replaces the earlier sheet.
    let mut latest: BTreeMap<String, Count> = BTreeMap::new();
    for c in &r.counts {
        latest.insert(c.count.item.clone(), c.count.clone());
    }
    reconcile(&r.stock, &latest.into_values().collect::<Vec<_>>(), last).ok()
}

/// W1: settles the discrepancies of the stored reconciliation with one adjustment entry
/// per item, never by editing the ledger; nothing to settle stores nothing.
pub async fn settle_stock_count<S: RecordStore>(s: &S, actor: &Actor, event_id: &str) -> Result<Replica, CommandError> {
    actor.allow(Action::KeepStock, can_keep_stock(actor))?;
    let r = event(s, event_id).await?;
    let adjustments = stock_reconciliation(&r).map(|rc| rc.adjustments()).unwrap_or_default();
    let ids: Vec<String> = adjustments.iter().map(|_| actor.id()).collect();
    store(s, actor, |by| {
        Ok(join(
            adjustments
                .iter()
                .zip(&ids)
                .map(|((item, q), id)| stock_entry(id, event_id, item, *q, MoveReason::Adjustment, by))
                .collect::<Vec<_>>(),
        ))
    })
    .await
}

/// E3: a walk-in registers at the desk (the kiosk's or the event page's: whoever staffs
/// it), checked by the domain — a relation, children 2–6 only, the consent version the
/// event froze once it started.
pub async fn register_walk_in<S: RecordStore>(
    s: &S,
    actor: &Actor,
    event_id: &str,
    form: &RegistrationForm,
) -> Result<Replica, CommandError> {
    let r = event(s, event_id).await?;
    let id = actor.id();
    store(s, actor, |by| registration_entry(&id, form, &r.event, by).map_err(CommandError::rule)).await
}

/// E4: a game station awards chips, or a referee takes some back (at least one chip).
pub async fn move_chips<S: RecordStore>(
    s: &S,
    actor: &Actor,
    event_id: &str,
    participant: &str,
    kind: MoveKind,
) -> Result<Replica, CommandError> {
    actor.allow(Action::KioskChips, can_run_kiosk(actor))?;
    let n = match &kind {
        MoveKind::Award { chips, .. } | MoveKind::TakeBack { chips, .. } => *chips,
        _ => return Err(RuleError::Invalid("only an award or a take-back".into()).into()),
    };
    if n == 0 {
        return Err(RuleError::Chips(ChipsError::ZeroChips).into());
    }
    // No read of the event here: a station taps this all day, and a move for an event
    // this tablet does not hold folds into nothing.
    let id = actor.id();
    store(s, actor, |by| Ok(chips_entry(&id, event_id, participant, kind, by))).await
}

/// E4/W1: the prize desk, open only after the event, exchanges a participant's chips
/// for a prize out of stock, checked against the balance this tablet knows (a double
/// redemption on two offline tablets is flagged after sync and settled).
pub async fn redeem_chips<S: RecordStore>(
    s: &S,
    actor: &Actor,
    event_id: &str,
    participant: &str,
    prize: &str,
    chips: u32,
) -> Result<Replica, CommandError> {
    actor.allow(Action::KioskChips, can_run_kiosk(actor))?;
    let r = event(s, event_id).await?;
    check_redemption(&ledger(&r.chips, &r.event), &r.event, participant, chips, actor.now_ms)
        .map_err(CommandError::rule)?;
    let ids = (actor.id(), actor.id());
    store(s, actor, |by| Ok(redemption((&ids.0, &ids.1), event_id, participant, prize, chips, by))).await
}

async fn event<S: RecordStore>(s: &S, id: &str) -> Result<EventRecord, CommandError> {
    load_events(s).await?.into_iter().find(|r| r.event.id == id).ok_or(RuleError::NotFound("event").into())
}

/// W1: settles a redemption flagged as a conflict; voiding hands the prize back to
/// stock in the same transaction.
pub async fn settle_conflict<S: RecordStore>(
    s: &S,
    actor: &Actor,
    event_id: &str,
    redemption: &str,
    outcome: Settlement,
) -> Result<Replica, CommandError> {
    actor.allow(Action::SettleConflict, can_settle_conflict(actor))?;
    let r = event(s, event_id).await?;
    let conflict = ledger(&r.chips, &r.event)
        .conflicts
        .into_iter()
        .find(|c| c.redemption == redemption)
        .ok_or(RuleError::NotFound("conflict"))?;
    let prize = r.chips.iter().find_map(|m| match &m.kind {
        MoveKind::Redeem { prize, .. } if m.id == redemption => Some(prize.clone()),
        _ => None,
    });
    let (settle_id, stock_id) = (actor.id(), actor.id());
    store(s, actor, |by| {
        let kind = MoveKind::Settle { redemption: redemption.to_owned(), outcome };
        let settled = chips_entry(&settle_id, event_id, &conflict.participant, kind, by);
        Ok(match (outcome, prize) {
            (Settlement::Void, Some(p)) => {
                settled.merge(stock_entry(&stock_id, event_id, &p, 1, MoveReason::Returned, by))
            }
            _ => settled,
        })
    })
    .await
}

/// E5/P5/P7: every participant who is new to the team becomes an ownerless customer
/// (source "event"), unless a customer on the device already has their phone. Returns
/// the change and how many leads it holds; no new lead stores nothing.
pub async fn send_leads_to_pool<S: RecordStore>(
    s: &S,
    actor: &Actor,
    event_id: &str,
) -> Result<(Replica, usize), CommandError> {
    actor.allow(Action::SendLeadsToPool, can_send_leads(actor))?;
    let r = event(s, event_id).await?;
    let ps = participants(&r.registrations);
    let customers = load_customers(s).await?;
    let known = phone_keys_of(customers.iter().flat_map(|c| c.contacts.iter().map(|x| x.contact.phone.clone())));
    let leads = new_leads(&ps, &known);
    let change = store(s, actor, |by| Ok(leads_change(&leads, &r.event.theme, by))).await;
    match change {
        Ok(c) => Ok((c, leads.len())),
        Err(CommandError::Rule(RuleError::Unchanged)) => Ok((Replica::default(), 0)),
        Err(e) => Err(e),
    }
}

/// E3: staff set the kiosk PIN (4–12 digits), stored only as a salted Argon2id hash.
pub async fn set_kiosk_pin<S: RecordStore>(
    s: &S,
    actor: &Actor,
    event_id: &str,
    pin: &str,
    salt: &[u8],
) -> Result<Replica, CommandError> {
    actor.allow(Action::SetKioskPin, can_set_kiosk_pin(actor))?;
    if !pin_valid(pin) {
        return Err(RuleError::Pin.into());
    }
    event(s, event_id).await?;
    let hashed = pin_hash(pin, salt).map_err(RuleError::Invalid)?;
    store(s, actor, |by| Ok(pin_change(event_id, &hashed, by))).await
}

/// E3: the PIN hashes that may let someone out of a kiosk. An empty one guards nothing
/// and opens nothing: a kiosk whose event lost its PIN or was deleted on another tablet
/// stays locked until a PIN that was really set is typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KioskGuards {
    /// The event's PIN as it is now (empty: none, or the event is gone).
    pub event_pin: String,
    /// The event's PIN when this tablet entered kiosk mode, remembered on the tablet.
    pub entry_pin: String,
    /// The team staff PIN ([`crate::storage::staff_pin`]).
    pub team_pin: String,
}

/// E3: whether `pin` matches one of the guards that is set.
pub fn may_leave_kiosk(guards: &KioskGuards, pin: &str) -> bool {
    [&guards.event_pin, &guards.entry_pin, &guards.team_pin].into_iter().any(|g| !g.is_empty() && pin_matches(pin, g))
}

/// What typing a PIN at a kiosk did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KioskUnlock {
    Open,
    /// A wrong PIN; `wait_ms` before the next one may be tried (0: at once).
    Wrong {
        wait_ms: i64,
    },
    /// Locked by earlier wrong PINs: this one was not even checked.
    Locked {
        wait_ms: i64,
    },
}

/// E3: one PIN typed at a kiosk at `now_ms`, with the attempts so far on this tablet;
/// returns what happened and the attempts to remember ([`PinAttempts`]).
pub fn try_leave_kiosk(
    guards: &KioskGuards,
    pin: &str,
    attempts: PinAttempts,
    now_ms: i64,
) -> (KioskUnlock, PinAttempts) {
    let wait_ms = attempts.wait_ms(now_ms);
    if wait_ms > 0 {
        return (KioskUnlock::Locked { wait_ms }, attempts);
    }
    if may_leave_kiosk(guards, pin) {
        return (KioskUnlock::Open, PinAttempts::default());
    }
    let after = attempts.failed(now_ms);
    (KioskUnlock::Wrong { wait_ms: after.wait_ms(now_ms) }, after)
}

/// E3: the guards of the kiosk locked to `event_id`, read from the store, with the PIN
/// hash this tablet remembered when it entered kiosk mode.
pub async fn kiosk_guards<S: RecordStore>(s: &S, event_id: &str, entry_pin: &str) -> Result<KioskGuards, CommandError> {
    let event_pin =
        load_events(s).await?.into_iter().find(|r| r.event.id == event_id).map(|r| r.pin).unwrap_or_default();
    Ok(KioskGuards { event_pin, entry_pin: entry_pin.to_owned(), team_pin: load_staff_pin(s).await? })
}

/// E3: a manager sets the team staff PIN (4–12 digits, stored only as a salted Argon2id
/// hash), which opens every kiosk of the team; an empty `pin` clears it.
pub async fn set_team_staff_pin<S: RecordStore>(
    s: &S,
    actor: &Actor,
    pin: &str,
    salt: &[u8],
) -> Result<Replica, CommandError> {
    actor.allow(Action::SetKioskPin, can_set_team_staff_pin(actor))?;
    let hashed = if pin.is_empty() {
        String::new()
    } else if pin_valid(pin) {
        pin_hash(pin, salt).map_err(RuleError::Invalid)?
    } else {
        return Err(RuleError::Pin.into());
    };
    store(s, actor, |by| Ok(staff_pin_change(&hashed, by))).await
}

/// The team staff PIN opens every kiosk, so only a manager sets it.
pub fn can_set_team_staff_pin(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}
