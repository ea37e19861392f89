//! Event participants: walk-in registration (**E3**) and the multi-tablet dedupe.
//!
//! Kiosk tablets register people offline. Each registration is an immutable entry;
//! [`participants`] folds them, in `(stamp, id)` order like the pool fold, into one
//! [`Participant`] per normalised phone ([`phone_key`]), keeping every registration as
//! history. The participant is keyed by that phone key, not by a registration id, so
//! the key never changes when a late merge brings in an earlier registration; chips
//! ([`super::chips`]) are keyed the same way.
//!
//! Readings chosen where E3 leaves room:
//! - **Children 2–6.** E3 names the age band for partner staff's children; the DIY
//!   games are built for it, so a child outside 2–6 is refused for every relation,
//!   with an error naming the child.
//! - **Merged fields.** Name and relation are last-writer-wins by stamp (a later desk
//!   corrects an earlier one); children are the union by name, the latest age winning.
//! - **Consent.** The form must carry the event's current consent version; the version
//!   can change only before the event starts ([`change_consent`]).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::customer::phone_key;
use super::event::{Event, Phase};
use crate::record::hlc::Hlc;

pub const CHILD_MIN_AGE: u8 = 2;
pub const CHILD_MAX_AGE: u8 = 6;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParticipantError {
    #[error("the participant needs a name")]
    NameEmpty,
    #[error("the participant needs a phone number")]
    PhoneMissing,
    #[error("child number {position} needs a name")]
    ChildNameEmpty { position: usize },
    #[error("{child} is {age}; the activity is for children aged 2 to 6")]
    ChildAgeOutOfRange { child: String, age: u8 },
    #[error("the form was signed under consent version {signed:?}, the event uses {current:?}")]
    ConsentVersionMismatch { signed: String, current: String },
    #[error("the consent text cannot change once the event has started")]
    ConsentFrozen,
    #[error("the event is over; registration is closed")]
    EventOver,
}

/// **E3** How the participant relates to us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    ExistingOwner,
    FriendOfOwner,
    Prospect,
    PartnerStaff,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Child {
    pub name: String,
    pub age: u8,
}

/// What the kiosk form collects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationForm {
    pub name: String,
    pub phone: String,
    pub relation: Relation,
    pub children: Vec<Child>,
    /// The consent text version the person accepted on screen.
    pub consent_version: String,
}

/// One registration entry, as written by one tablet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub id: String,
    pub stamp: Hlc,
    pub event: String,
    pub name: String,
    pub phone_key: String,
    pub relation: Relation,
    pub children: Vec<Child>,
    pub consent_version: String,
}

/// **E3** Validates a walk-in form against the event at `now_ms` and returns the entry
/// to write (the caller supplies id and stamp).
pub fn register(
    form: &RegistrationForm,
    event: &Event,
    id: &str,
    stamp: Hlc,
) -> Result<Registration, ParticipantError> {
    let name = form.name.trim();
    if name.is_empty() {
        return Err(ParticipantError::NameEmpty);
    }
    let key = phone_key(&form.phone).ok_or(ParticipantError::PhoneMissing)?;
    let mut children = Vec::with_capacity(form.children.len());
    for (i, c) in form.children.iter().enumerate() {
        let child = c.name.trim();
        if child.is_empty() {
            return Err(ParticipantError::ChildNameEmpty { position: i + 1 });
        }
        if !(CHILD_MIN_AGE..=CHILD_MAX_AGE).contains(&c.age) {
            return Err(ParticipantError::ChildAgeOutOfRange { child: child.into(), age: c.age });
        }
        children.push(Child { name: child.into(), age: c.age });
    }
    if form.consent_version != event.consent_version {
        return Err(ParticipantError::ConsentVersionMismatch {
            signed: form.consent_version.clone(),
            current: event.consent_version.clone(),
        });
    }
    if event.phase(stamp.wall_ms) == Phase::Ended {
        return Err(ParticipantError::EventOver);
    }
    Ok(Registration {
        id: id.into(),
        stamp,
        event: event.id.clone(),
        name: name.into(),
        phone_key: key,
        relation: form.relation,
        children,
        consent_version: form.consent_version.clone(),
    })
}

/// **E3** Sets a new consent text version; refused once the event has started.
pub fn change_consent(event: &Event, version: &str, now_ms: i64) -> Result<Event, ParticipantError> {
    if event.phase(now_ms) != Phase::Before {
        return Err(ParticipantError::ConsentFrozen);
    }
    Ok(Event { consent_version: version.into(), ..event.clone() })
}

/// One person at the event, merged from every tablet's registrations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// The normalised phone: the participant's identity.
    pub key: String,
    pub name: String,
    pub relation: Relation,
    pub children: Vec<Child>,
    /// Every registration, in stamp order.
    pub registrations: Vec<Registration>,
}

/// Folds registrations from any number of tablets, in any order, into participants
/// ordered by first registration. A registration merged twice (same id) counts once.
pub fn participants(registrations: &[Registration]) -> Vec<Participant> {
    let mut order: Vec<&Registration> = registrations.iter().collect();
    order.sort_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| a.id.cmp(&b.id)));
    let mut seen = BTreeSet::new();
    order.retain(|r| seen.insert(r.id.as_str()));
    let mut by_key: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out: Vec<Participant> = Vec::new();
    for r in order {
        let at = *by_key.entry(r.phone_key.as_str()).or_insert_with(|| {
            out.push(Participant {
                key: r.phone_key.clone(),
                name: String::new(),
                relation: r.relation,
                children: Vec::new(),
                registrations: Vec::new(),
            });
            out.len() - 1
        });
        let p = &mut out[at];
        p.name = r.name.clone();
        p.relation = r.relation;
        for c in &r.children {
            match p.children.iter_mut().find(|k| k.name == c.name) {
                Some(k) => k.age = c.age,
                None => p.children.push(c.clone()),
            }
        }
        p.registrations.push(r.clone());
    }
    out
}

/// **E5/P7** Participants who are leads for the pool: everyone but existing owners.
pub fn lead_count(participants: &[Participant]) -> u64 {
    participants.iter().filter(|p| p.relation != Relation::ExistingOwner).count() as u64
}

/// **E5/P5/P7** The participants who go to the pool as new leads: everyone but
/// existing owners, skipping anyone whose phone a customer on the device already has
/// (`known_phones`, as phone keys: [`phone_keys_of`]).
pub fn new_leads<'a>(participants: &'a [Participant], known_phones: &[String]) -> Vec<&'a Participant> {
    participants.iter().filter(|p| p.relation != Relation::ExistingOwner && !known_phones.contains(&p.key)).collect()
}

/// The phone keys of the customers' contacts' phones (for [`new_leads`]); a phone
/// that does not normalise is left out.
pub fn phone_keys_of(contacts: impl IntoIterator<Item = String>) -> Vec<String> {
    contacts.into_iter().filter_map(|p| phone_key(&p)).collect()
}

/// The phone keys of the participants, for [`super::event::turn_up_rate`].
pub fn attended_keys(participants: &[Participant]) -> Vec<String> {
    participants.iter().map(|p| p.key.clone()).collect()
}
