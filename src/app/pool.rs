//! Pool commands (P1–P9, C6, H1–H2): claiming, assigning and referring, releasing with
//! the P9 note, the manager's review queue, reassigning, lead distribution and the
//! handover. Ownership is folded from the customer's facts as stored on this device,
//! so a claim on two offline tablets is still settled by the fold (P6), not here.

use std::collections::HashMap;

use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::pool::{ownership, AssignReason, Fact, FactKind, Ownership, ReleaseNote};
use crate::domain::profile::Role;
use crate::record::replica::{Document, Replica};
use crate::storage::customers::{fact_entry, join, CUSTOMER};
use crate::storage::people::{departing_change, load_people, Person};
use crate::storage::team_rules::load_rules;
use crate::storage::RecordStore;

/// P5: reps claim from the pool.
pub fn can_claim(actor: &Actor) -> bool {
    actor.is(&[Role::Rep])
}

/// P4, P6, P8: a manager assigns, refers and reassigns (a manager's decision overrides).
pub fn can_assign(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// C6: the manager reviews new entries.
pub fn can_review(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// P7: the manager distributes leads.
pub fn can_distribute(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// H1/H2: the manager runs the handover and marks a rep as leaving.
pub fn can_hand_over(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// The manager's pool tools (review, reassign, distribute, handover tabs).
pub fn can_manage_pool(actor: &Actor) -> bool {
    can_assign(actor)
}

/// P9: the owner returns a customer with a note; a manager may take it back from an
/// owner; a rep whose customer expired owes the note.
pub fn can_release(actor: &Actor, own: &Ownership) -> bool {
    own.owner.as_deref() == Some(actor.profile.as_str())
        || own.needs_release_note.as_deref() == Some(actor.profile.as_str())
        || (actor.is(&[Role::Manager]) && own.owner.is_some())
}

/// P9: a manager sends a release note back for more detail.
pub fn can_return_note(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// P8: the owner logs the contact that keeps an assigned customer.
pub fn can_log_contact(actor: &Actor, own: &Ownership) -> bool {
    own.owner.as_deref() == Some(actor.profile.as_str())
}

/// Who may receive customers (P4, P7, H1): the team's reps.
pub fn receives_customers(person: &Person) -> bool {
    person.role == Role::Rep
}

/// Every fact about every customer, by customer (entries that do not parse are left
/// out, as the customer list leaves them out).
async fn facts_by_customer<S: RecordStore>(s: &S) -> Result<HashMap<String, Vec<Fact>>, CommandError> {
    let mut by: HashMap<String, Vec<Fact>> = HashMap::new();
    // Only facts the roster lets count (a forged assignment or confirmation does not).
    let judge = crate::storage::roster::Judge::load(s).await?;
    for e in judge.entries(s.entries_of_kinds(&FactKind::TAGS).await?) {
        if let Ok(f) = Fact::from_parts(&e.id, e.stamp.clone(), &e.author, &e.kind, &e.body) {
            by.entry(e.subject).or_default().push(f);
        }
    }
    Ok(by)
}

async fn customer_exists<S: RecordStore>(s: &S, id: &str) -> Result<bool, CommandError> {
    let d: Option<Document> = crate::storage::roster::counted_doc(s, id).await?;
    Ok(d.is_some_and(|d| d.kind == CUSTOMER && !d.is_deleted()))
}

/// One customer's ownership as this device knows it now.
pub async fn ownership_of<S: RecordStore>(s: &S, actor: &Actor, customer: &str) -> Result<Ownership, CommandError> {
    Ok(owners(s, actor, &[customer]).await?.remove(customer).ok_or(RuleError::NotFound("customer"))?)
}

async fn owners<S: RecordStore>(
    s: &S,
    actor: &Actor,
    customers: &[&str],
) -> Result<HashMap<String, Ownership>, CommandError> {
    let (settings, _) = load_rules(s).await?;
    let mut facts = facts_by_customer(s).await?;
    let mut out = HashMap::new();
    for c in customers {
        if !customer_exists(s, c).await? {
            return Err(RuleError::NotFound("customer").into());
        }
        let f = facts.remove(*c).unwrap_or_default();
        out.insert((*c).to_owned(), ownership(&f, actor.now_ms, &settings));
    }
    Ok(out)
}

async fn check_reps<S: RecordStore>(s: &S, reps: impl IntoIterator<Item = &str>) -> Result<(), CommandError> {
    let people = load_people(s).await?;
    for rep in reps {
        if !people.iter().any(|p| p.id == rep && receives_customers(p)) {
            return Err(RuleError::NotARep(rep.to_owned()).into());
        }
    }
    Ok(())
}

async fn record<S: RecordStore>(s: &S, actor: &Actor, facts: Vec<(String, FactKind)>) -> Result<Replica, CommandError> {
    store(s, actor, |by| {
        let parts = facts.iter().map(|(c, k)| fact_entry(&actor.id(), c, k, by)).collect::<Result<Vec<_>, _>>()?;
        Ok(join(parts))
    })
    .await
}

/// P5: a rep claims a customer from the pool. Two reps claiming offline both store
/// their claim; the fold names the earliest (P6).
pub async fn claim_customer<S: RecordStore>(s: &S, actor: &Actor, customer: &str) -> Result<Replica, CommandError> {
    actor.allow(Action::ClaimCustomer, can_claim(actor))?;
    let own = ownership_of(s, actor, customer).await?;
    if own.owner.is_some() {
        return Err(RuleError::Owned.into());
    }
    if own.held_for_note {
        return Err(RuleError::HeldForNote.into());
    }
    record(s, actor, vec![(customer.to_owned(), FactKind::Claim { rep: actor.profile.clone() })]).await
}

/// P8: the owner logs a contact with the customer.
pub async fn log_contact<S: RecordStore>(s: &S, actor: &Actor, customer: &str) -> Result<Replica, CommandError> {
    let own = ownership_of(s, actor, customer).await?;
    actor.allow(Action::LogContact, can_log_contact(actor, &own))?;
    record(s, actor, vec![(customer.to_owned(), FactKind::Contact { rep: actor.profile.clone() })]).await
}

/// P4 (referred), P6 (a manager's decision overrides), P8 (reassigned): the manager
/// hands a customer to a rep.
pub async fn assign_customer<S: RecordStore>(
    s: &S,
    actor: &Actor,
    customer: &str,
    rep: &str,
    reason: AssignReason,
    note: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::AssignCustomer, can_assign(actor))?;
    ownership_of(s, actor, customer).await?;
    check_reps(s, [rep]).await?;
    let kind = FactKind::Assign { rep: rep.to_owned(), reason, note: note.trim().to_owned() };
    record(s, actor, vec![(customer.to_owned(), kind)]).await
}

/// P9: the customer returns to the pool with its release note (all three parts), as
/// the owner's (or the expired owner's) release.
pub async fn release_customer<S: RecordStore>(
    s: &S,
    actor: &Actor,
    customer: &str,
    note: ReleaseNote,
) -> Result<Replica, CommandError> {
    let own = ownership_of(s, actor, customer).await?;
    actor.allow(Action::ReleaseCustomer, can_release(actor, &own))?;
    note.check().map_err(CommandError::rule)?;
    let expired = own.owner.is_none();
    let rep = own.owner.or(own.needs_release_note).ok_or(RuleError::NotOwner)?;
    record(s, actor, vec![(customer.to_owned(), FactKind::Release { rep, note, expired })]).await
}

/// P9: the manager sends the release note that put `customer` in the pool back to its
/// rep, saying what is missing; the rep owes a fuller note (and, when the team requires
/// notes, the customer is held out of the pool until it comes).
pub async fn return_release_note<S: RecordStore>(
    s: &S,
    actor: &Actor,
    customer: &str,
    comment: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::ReturnReleaseNote, can_return_note(actor))?;
    let own = ownership_of(s, actor, customer).await?;
    let rep = own.last_release().map(|(r, _)| r.to_owned()).ok_or(RuleError::NoReleaseNote)?;
    if comment.trim().is_empty() {
        return Err(CommandError::rule(crate::domain::pool::PoolError::EmptyComment));
    }
    let kind = FactKind::NoteReturned { rep, comment: comment.trim().to_owned() };
    record(s, actor, vec![(customer.to_owned(), kind)]).await
}

/// C6: the manager marks a new customer reviewed.
pub async fn review_customer<S: RecordStore>(s: &S, actor: &Actor, customer: &str) -> Result<Replica, CommandError> {
    actor.allow(Action::ReviewCustomer, can_review(actor))?;
    ownership_of(s, actor, customer).await?;
    record(s, actor, vec![(customer.to_owned(), FactKind::Reviewed)]).await
}

/// P7: the manager distributes pool leads to reps, one transaction. A lead that
/// found an owner meanwhile is refused rather than taken from its owner.
pub async fn distribute_leads<S: RecordStore>(
    s: &S,
    actor: &Actor,
    plan: &[(String, String)],
) -> Result<Replica, CommandError> {
    actor.allow(Action::DistributeLeads, can_distribute(actor))?;
    let ids: Vec<&str> = plan.iter().map(|(c, _)| c.as_str()).collect();
    if owners(s, actor, &ids).await?.values().any(|o| o.owner.is_some()) {
        return Err(RuleError::Owned.into());
    }
    check_reps(s, plan.iter().map(|(_, r)| r.as_str())).await?;
    let facts = plan
        .iter()
        .map(|(c, rep)| {
            (c.clone(), FactKind::Assign { rep: rep.clone(), reason: AssignReason::Distribution, note: String::new() })
        })
        .collect();
    record(s, actor, facts).await
}

/// H1/H2: the manager hands customers to other reps, each with the true state written
/// as its note; one transaction, a traceable record on each customer.
pub async fn hand_over<S: RecordStore>(
    s: &S,
    actor: &Actor,
    plan: &[(String, String, String)],
) -> Result<Replica, CommandError> {
    actor.allow(Action::HandOver, can_hand_over(actor))?;
    let ids: Vec<&str> = plan.iter().map(|(c, ..)| c.as_str()).collect();
    owners(s, actor, &ids).await?;
    check_reps(s, plan.iter().map(|(_, r, _)| r.as_str())).await?;
    let facts = plan
        .iter()
        .map(|(c, rep, note)| {
            (c.clone(), FactKind::Assign { rep: rep.clone(), reason: AssignReason::Handover, note: note.clone() })
        })
        .collect();
    record(s, actor, facts).await
}

/// H1: the manager marks a rep as leaving (or not), which holds their commission until
/// the handover is complete.
pub async fn set_departing<S: RecordStore>(
    s: &S,
    actor: &Actor,
    person: &str,
    departing: bool,
) -> Result<Replica, CommandError> {
    actor.allow(Action::SetDeparting, can_hand_over(actor))?;
    store(s, actor, |by| Ok(departing_change(person, departing, by))).await
}
