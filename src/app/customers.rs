//! Customer file commands (C1, C3, P1): saving a customer file — a new customer a rep
//! enters is theirs by first contact (P1) — and the manual credit flag, which only a
//! manager sets or clears (C3: a poor payment record is shown whatever the tier), and the
//! problem-customer mark (P5), also the manager's.

use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::collection::{CollectionError, CollectionHabits};
use crate::domain::customer::{Contact, CustomerFile};
use crate::domain::pool::FactKind;
use crate::domain::profile::Role;
use crate::record::replica::{Document, Replica};
use crate::storage::customers::{contact_change, customer_change, fact_entry, join, CUSTOMER};
use crate::storage::RecordStore;

/// C3: the manual credit flag is the manager's.
pub fn can_set_credit_flag(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// P5: marking a problem customer is the manager's.
pub fn can_mark_problem(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// P1: a new customer entered by a rep is owned by that rep from the start.
pub fn owns_by_first_contact(actor: &Actor) -> bool {
    actor.is(&[Role::Rep])
}

/// The stored file of a live customer.
pub async fn stored_file<S: RecordStore>(s: &S, id: &str) -> Result<Option<CustomerFile>, CommandError> {
    let d: Option<Document> = crate::storage::roster::counted_doc(s, id).await?;
    Ok(d.filter(|d| d.kind == CUSTOMER && !d.is_deleted()).map(|d| CustomerFile::from_fields(|f| d.get(f))))
}

/// C1/P1: saves a customer file (a new one when `id` is not stored), with a first
/// contact for a new customer (`contact`: its id and fields). Only the fields that
/// differ from `base` — the file as the form was opened on, else as stored — are
/// stamped, so an edit that synced in while the form was open is not overwritten. A
/// change of the credit flag by anyone but a manager is refused (C3).
pub async fn save_customer<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: &str,
    base: Option<&CustomerFile>,
    file: &CustomerFile,
    contact: Option<(&str, &Contact)>,
) -> Result<Replica, CommandError> {
    let stored = stored_file(s, id).await?;
    let base = base.or(stored.as_ref());
    if file.manual_credit_flag != base.is_some_and(|f| f.manual_credit_flag) {
        actor.allow(Action::SetCreditFlag, can_set_credit_flag(actor))?;
    }
    let problem = |f: Option<&CustomerFile>| f.map(|f| (f.problem, f.problem_note.clone())).unwrap_or_default();
    if problem(Some(file)) != problem(base) {
        actor.allow(Action::MarkProblem, can_mark_problem(actor))?;
    }
    let is_new = stored.is_none();
    store(s, actor, |by| {
        let mut parts = Vec::new();
        parts.extend(customer_change(id, base, file, by));
        if let (true, Some((cid, c))) = (is_new, contact) {
            parts.extend(contact_change(id, cid, None, c, by));
        }
        if is_new && owns_by_first_contact(actor) {
            // P1: the rep who first receives the customer owns it.
            parts.push(fact_entry(&actor.id(), id, &FactKind::FirstContact { rep: actor.profile.clone() }, by)?);
        }
        Ok(join(parts))
    })
    .await
}

/// C3: a manager sets or clears a customer's manual credit flag.
pub async fn set_credit_flag<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: &str,
    on: bool,
) -> Result<Replica, CommandError> {
    actor.allow(Action::SetCreditFlag, can_set_credit_flag(actor))?;
    let old = stored_file(s, id).await?.ok_or(RuleError::NotFound("customer"))?;
    let new = CustomerFile { manual_credit_flag: on, ..old.clone() };
    store(s, actor, |by| customer_change(id, Some(&old), &new, by).ok_or(RuleError::Unchanged.into())).await
}

/// P5: a manager marks a customer as a problem customer, with why (or clears the mark,
/// which clears the note too).
pub async fn mark_problem<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: &str,
    on: bool,
    note: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::MarkProblem, can_mark_problem(actor))?;
    let old = stored_file(s, id).await?.ok_or(RuleError::NotFound("customer"))?;
    let note = if on { note.trim().to_owned() } else { String::new() };
    let new = CustomerFile { problem: on, problem_note: note, ..old.clone() };
    store(s, actor, |by| customer_change(id, Some(&old), &new, by).ok_or(RuleError::Unchanged.into())).await
}

/// O2: any member records a customer's payday and preferred collection times.
pub async fn save_collection_habits<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: &str,
    habits: &CollectionHabits,
) -> Result<Replica, CommandError> {
    if habits.payday.is_some_and(|d| !(1..=31).contains(&d)) {
        return Err(RuleError::Collection(CollectionError::BadPayday).into());
    }
    let old = stored_file(s, id).await?.ok_or(RuleError::NotFound("customer"))?;
    let mut new = CustomerFile { payday: habits.payday, collect_slots: habits.slots.clone(), ..old.clone() };
    new.collect_slots.sort();
    new.collect_slots.dedup();
    store(s, actor, |by| customer_change(id, Some(&old), &new, by).ok_or(RuleError::Unchanged.into())).await
}

/// C1: saves one of a customer's contacts (`id` `None`: a new one, with an id from the
/// actor), checked by [`validate_contact`](crate::domain::customer::validate_contact)
/// after tidying. Only the fields that differ from `base` — the contact as the form was
/// opened on — are stamped, so a second tablet's edit of another field stays.
pub async fn save_contact<S: RecordStore>(
    s: &S,
    actor: &Actor,
    customer: &str,
    id: Option<&str>,
    base: Option<&Contact>,
    contact: &Contact,
) -> Result<Replica, CommandError> {
    let mut c = contact.clone();
    c.tidy();
    if let Err(errors) = crate::domain::customer::validate_contact(&c) {
        return Err(RuleError::Contact(errors).into());
    }
    if stored_file(s, customer).await?.is_none() {
        return Err(RuleError::NotFound("customer").into());
    }
    let id = match id {
        Some(id) => id.to_owned(),
        None => actor.id(),
    };
    store(s, actor, |by| contact_change(customer, &id, base, &c, by).ok_or(RuleError::Unchanged.into())).await
}

/// C1: removes one of a customer's contacts.
pub async fn remove_contact<S: RecordStore>(s: &S, actor: &Actor, id: &str) -> Result<Replica, CommandError> {
    store(s, actor, |by| Ok(crate::storage::customers::delete_doc(id, crate::storage::customers::CONTACT, by))).await
}

/// C1: a photo of a customer's documents (licence, cards), its bytes already stored on
/// this device ([`crate::storage::blobs::put`]: bytes first, so a crash never leaves a
/// photo without bytes). The customer must be on this device.
pub async fn attach_photo<S: RecordStore>(
    s: &S,
    actor: &Actor,
    photo: &crate::storage::attachments::NewAttachment<'_>,
) -> Result<Replica, CommandError> {
    if stored_file(s, photo.customer).await?.is_none() {
        return Err(RuleError::NotFound("customer").into());
    }
    if !crate::storage::blobs::has(s, photo.hash).await? {
        return Err(RuleError::NotFound("photo").into());
    }
    let id = actor.id();
    store(s, actor, |by| Ok(crate::storage::attachments::attachment_change(&id, photo, by))).await
}

/// C1: removes a photo of a customer's documents.
pub async fn remove_photo<S: RecordStore>(s: &S, actor: &Actor, id: &str) -> Result<Replica, CommandError> {
    store(s, actor, |by| Ok(crate::storage::customers::delete_doc(id, crate::storage::attachments::ATTACHMENT, by)))
        .await
}
