//! Event commands (E1–E5, W1): settling a double redemption found after sync, sending
//! an event's new leads to the pool (E5, for P7), and the kiosk PIN (set by staff,
//! asked before anyone leaves kiosk mode).

use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::chips::{check_redemption, ledger, ChipsError, MoveKind, Settlement};
use crate::domain::participant::{new_leads, participants, phone_keys_of, RegistrationForm};
use crate::domain::profile::Role;
use crate::domain::stock::MoveReason;
use crate::record::replica::Replica;
use crate::storage::customers::load_customers;
use crate::storage::events::{
    chips_entry, leads_change, load_events, pin_change, pin_hash, pin_matches, pin_valid, redemption,
    registration_entry, stock_entry, EventRecord,
};
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

/// E3: whether `pin` opens a kiosk whose stored PIN hash is `stored`; an event without
/// a PIN (or deleted elsewhere: empty) has nothing to guard.
pub fn may_leave_kiosk(stored: &str, pin: &str) -> bool {
    stored.is_empty() || pin_matches(pin, stored)
}

/// E3: leaving kiosk mode asks for the staff PIN. Stores nothing.
pub async fn leave_kiosk<S: RecordStore>(s: &S, event_id: &str, pin: &str) -> Result<(), CommandError> {
    let stored = load_events(s).await?.into_iter().find(|r| r.event.id == event_id).map(|r| r.pin).unwrap_or_default();
    if may_leave_kiosk(&stored, pin) {
        Ok(())
    } else {
        Err(RuleError::Pin.into())
    }
}
