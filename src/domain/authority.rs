//! Who may write what: each entry and each document field judged against the team
//! roster (issue 15).
//!
//! Money, ownership and approvals follow a few kinds of record, so those count only
//! when sealed by a key the roster gave the needed role at the record's stamp:
//! - finance confirms payments (O3, which moves ownership under P2/P3 and tier under C3);
//! - managers assign pool customers (P4, P5, P7, H1, H2), review new entries (C6),
//!   send reviewed files to marketing (seed 002), decide orders (O1) and visit plans
//!   (V2), review minutes (V5), set the credit flag (C3) and the problem-customer mark
//!   (P5), send a release note back (P9), keep the price list and every team setting
//!   (P7 capacities, seed 002 territories, O2 lead time), set targets (T1–T3) and keep
//!   the incentive schemes and a month's station figures (I1–I7), and record the payout
//!   steps done (I7) but one;
//! - finance records the payout step "finance checks and pays" (I7);
//! - managers or finance review applications (A1), which reps or managers open and
//!   fill in;
//! - managers or event staff run the kiosk's chips, stock and count desks (E4, W1) and
//!   set an event's kiosk PIN (E3);
//! - an event whose id names its creator (E1, `domain::event::event_id`) is kept — every
//!   field and its deletion — by that creator, a manager or event staff;
//! - managers or event staff write the team warehouse's slips and stocktake counts
//!   (W1: no warehouse role exists, and event staff hand out the prizes), and managers
//!   keep its item catalogue;
//! - reps write their own sales plans and managers decide them (V9); a training record
//!   is a rep's or a manager's (seed 003);
//! - market feedback (seeds 000/002/003) is anyone's to report; its answers are a
//!   manager's (the team has no department roles), and a closing is a manager's or the
//!   report's own author's (`storage::feedback` checks the author when folding);
//! - competitor sightings and repair jobs with their status steps (seeds 000/002) are
//!   the sales side's (rep, manager);
//! - key-account support requests, service evaluations with their return visits and
//!   activities (K1–K3) are anyone's of the team but event staff.
//!
//! Every other record needs only a valid member's seal. The seal must also be the
//! author's own: a key may not sign for another person.
//!
//! A team that has no roster yet (created before seals) is judged as before: every
//! entry counts. Once its roster exists, an unsealed entry counts only if it is stamped
//! before the roster's first grant — data from before the migration, accepted once and
//! marked [`Verdict::Legacy`].

use crate::domain::customer::CustomerFile;
use crate::domain::event::creator_of;
use crate::domain::incentive::{step_role, PayoutStep};
use crate::domain::profile::Role;
use crate::domain::roster::Roster;
use crate::record::replica::{Document, Entry, Register};
use crate::record::seal::Seal;

/// The kind of a finance confirmation of a recorded payment (O3).
pub const FINANCE_CONFIRMATION: &str = "finance.confirmation";
/// The customer fact a confirmed payment adds (P2, P3, C3).
pub const PAYMENT_CONFIRMED: &str = "payment.confirmed";
/// A manager assigning a pool customer to a rep (P4, P5, P7).
pub const POOL_ASSIGN: &str = "pool.assign";
/// A manager sending a release note back for more detail (P9).
pub const NOTE_RETURNED: &str = "pool.note_returned";
/// A step of an order; approving, rejecting and reopening are the manager's (O1).
pub const ORDER_STEP: &str = "order.step";
/// A manager's review of a new customer entry (C6).
pub const CUSTOMER_REVIEWED: &str = "customer.reviewed";
/// A reviewed customer file sent to marketing the next working day (seed 002).
pub const CUSTOMER_FORWARDED: &str = "customer.forwarded";
/// A status of a credit-card application; the review outcomes are a reviewer's (A1).
pub const APPLICATION_STATUS: &str = "application.status";
/// An application document (A1): opened and its materials ticked by the sales side.
pub const APPLICATION: &str = "application";
/// A step of a visit's minutes; the review is the manager's (V5).
pub const MINUTES_STEP: &str = "minutes.step";
/// The kiosk desks: chips won and redeemed, prize stock, the closing count (E4, W1).
pub const KIOSK_KINDS: [&str; 3] = ["event.chips", "event.stock", "event.count"];
/// A target set or adjusted (T1–T3): the manager's.
pub const TARGET_SET: &str = "target.set";
/// A version of a rep's sales plan (V9): a rep's own.
pub const SALES_PLAN_VERSION: &str = "sales_plan.version";
/// A manager's decision on a sales plan version (V9).
pub const SALES_PLAN_DECISION: &str = "sales_plan.decision";
/// A training attended (seed 003): the rep's own, or a manager's for a rep.
pub const TRAINING: &str = "training";
/// A step of a month's payout recorded done (I7): finance's step is finance's, every
/// other step the manager's ([`crate::domain::incentive::step_role`]).
pub const PAYOUT_STEP: &str = "incentive.payout_step";
/// A visit plan document; its decision fields are the manager's (V2).
pub const VISIT_PLAN: &str = "visit_plan";
/// The fields of a visit plan the manager writes (V2).
pub const PLAN_DECISION_FIELDS: [&str; 4] = ["decision", "opinion", "decided_by", "decided_on"];
/// The price list (O1): a product document.
pub const PRODUCT: &str = "product";
/// Incentive schemes and a month's station figures (I1–I7): the manager's.
pub const INCENTIVE_KINDS: [&str; 2] = ["incentive_scheme", "incentive_month"];
/// An event document; its kiosk PIN field is the event desk's (E3).
pub const EVENT: &str = "event";
/// The key-account records a member files (K1 requests, K3 evaluations, K2 activities):
/// not event staff's.
pub const KEY_ACCOUNT_KINDS: [&str; 4] = ["ka_request", "ka_evaluation", "ka_activity", "ka_terms"];
/// The team warehouse's slips and stocktake counts (W1): the warehouse desk's.
pub const WAREHOUSE_KINDS: [&str; 3] = ["warehouse.slip", "warehouse.count", "warehouse.sign"];
/// The warehouse's item catalogue (W1): the manager's.
pub const WAREHOUSE_ITEM: &str = "warehouse.item";
/// A market feedback report (seeds 000/002/003): anyone's.
pub const FEEDBACK_RAISED: &str = "feedback.raised";
/// A follow-up on a report: an answer is a manager's; a closing a manager's or the
/// author's (checked when folding, `storage::feedback`).
pub const FEEDBACK_STEP: &str = "feedback.step";
/// A competitor sighting document (seed 002): the sales side's.
pub const COMPETITOR: &str = "competitor";
/// A repair or maintenance job document (seed 002): the sales side's.
pub const REPAIR_JOB: &str = "repair_job";
/// A status step of a repair job: the sales side's.
pub const REPAIR_STEP: &str = "repair.step";
/// Team-wide settings documents are named `team:<what>`.
pub const TEAM_DOC_PREFIX: &str = "team:";

const MANAGER: &[Role] = &[Role::Manager];
const FINANCE: &[Role] = &[Role::Finance];
const REVIEWER: &[Role] = &[Role::Manager, Role::Finance];
const EVENT_DESK: &[Role] = &[Role::Manager, Role::EventStaff];
/// Who may hold a key-account role (K1–K3): every role but event staff.
/// Who opens and fills in an application (A1): the sales side.
const SALES: &[Role] = &[Role::Rep, Role::Manager];
/// Who writes a sales plan (V9): a rep, for themself.
const REP: &[Role] = &[Role::Rep];
const KEY_ACCOUNT_TEAM: &[Role] = &[Role::Rep, Role::Manager, Role::Finance];

fn body_str<'a>(e: &'a Entry, field: &str) -> Option<&'a str> {
    e.body.get(field).and_then(|t| t.as_str())
}

/// The roles an entry needs from its signer; `None` = any member.
pub fn needed(e: &Entry) -> Option<&'static [Role]> {
    match e.kind.as_str() {
        FINANCE_CONFIRMATION | PAYMENT_CONFIRMED => Some(FINANCE),
        POOL_ASSIGN | NOTE_RETURNED | CUSTOMER_REVIEWED | CUSTOMER_FORWARDED | TARGET_SET | SALES_PLAN_DECISION => {
            Some(MANAGER)
        }
        SALES_PLAN_VERSION => Some(REP),
        TRAINING | REPAIR_STEP => Some(SALES),
        FEEDBACK_STEP => match body_str(e, "step") {
            Some("closed") => None,
            _ => Some(MANAGER),
        },
        ORDER_STEP => match body_str(e, "type") {
            Some("approved" | "rejected" | "reopened") => Some(MANAGER),
            _ => None,
        },
        APPLICATION_STATUS => match body_str(e, "status") {
            Some("approved" | "rejected" | "returned") => Some(REVIEWER),
            _ => None,
        },
        MINUTES_STEP => match body_str(e, "step") {
            Some("reviewed") => Some(MANAGER),
            _ => None,
        },
        // The role depends on the step; a step this build does not read needs the
        // manager, as most steps do.
        PAYOUT_STEP => {
            let step = e.body.get("step").and_then(|v| serde_json::from_value::<PayoutStep>(v.clone()).ok());
            match step.map(step_role) {
                Some(Role::Finance) => Some(FINANCE),
                _ => Some(MANAGER),
            }
        }
        k if KIOSK_KINDS.contains(&k) || WAREHOUSE_KINDS.contains(&k) => Some(EVENT_DESK),
        _ => None,
    }
}

/// The roles a document field needs from its writer; `None` = any member.
pub fn needed_for_field(doc: &Document, field: &str) -> Option<&'static [Role]> {
    if doc.id.starts_with(TEAM_DOC_PREFIX)
        || doc.kind == PRODUCT
        || doc.kind == WAREHOUSE_ITEM
        || INCENTIVE_KINDS.contains(&doc.kind.as_str())
    {
        return Some(MANAGER);
    }
    match (doc.kind.as_str(), field) {
        (VISIT_PLAN, f) if PLAN_DECISION_FIELDS.contains(&f) => Some(MANAGER),
        (EVENT, "pin") => Some(EVENT_DESK),
        // E1: an event whose id names its creator is kept by its creator
        // ([`person_for_field`]), a manager or event staff — every field, its deletion too.
        (EVENT, _) if creator_of(&doc.id).is_some() => Some(EVENT_DESK),
        (APPLICATION | COMPETITOR | REPAIR_JOB, _) => Some(SALES),
        (k, _) if KEY_ACCOUNT_KINDS.contains(&k) => Some(KEY_ACCOUNT_TEAM),
        // C3 credit flag, P5 problem mark.
        ("customer", f) if CustomerFile::MANAGER_FIELDS.contains(&f) => Some(MANAGER),
        _ => None,
    }
}

/// The one person who may write a role-gated field of `doc` without the role: the
/// creator an event's id names ([`creator_of`], E1), for every field but the kiosk PIN.
pub fn person_for_field<'a>(doc: &'a Document, field: &str) -> Option<&'a str> {
    match (doc.kind.as_str(), field) {
        (EVENT, "pin") => None,
        (EVENT, _) => creator_of(&doc.id),
        _ => None,
    }
}

/// How an entry stands against the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Sealed by the author's own key, which held the needed role then.
    Trusted,
    /// Unsealed, from before the team had a roster: counts, marked as unverified.
    Legacy,
    /// Unsealed, written after the team had a roster.
    Unsealed,
    /// Sealed by a key the roster does not hold at the entry's stamp (unknown, or not
    /// granted yet).
    UnknownKey,
    /// Sealed by a key the roster had revoked by the entry's stamp (H1).
    Revoked,
    /// Sealed by a key of a profile on this device that an admin has not granted yet:
    /// counts on this device only ([`on_this_device`]).
    OwnPending,
    /// Sealed by someone else's key than the author named.
    NotTheAuthor,
    /// The signer lacked the role the entry needs.
    LacksRole,
}

impl Verdict {
    /// Whether the entry counts in folds.
    pub fn counts(self) -> bool {
        matches!(self, Verdict::Trusted | Verdict::Legacy | Verdict::OwnPending)
    }

    /// A stable code for the quarantine and the UI's wording.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Trusted => "trusted",
            Verdict::Legacy => "legacy",
            Verdict::Unsealed => "unsealed",
            Verdict::UnknownKey => "unknown_key",
            Verdict::Revoked => "revoked",
            Verdict::OwnPending => "own_pending",
            Verdict::NotTheAuthor => "not_the_author",
            Verdict::LacksRole => "lacks_role",
        }
    }
}

/// Judges one entry; `roster` is `None` for a team without one.
pub fn judge(e: &Entry, roster: Option<&Roster>) -> Verdict {
    judge_change(e.seal.as_ref(), &e.author, e.stamp.wall_ms, needed(e), None, roster)
}

/// Judges one field of a document: its register, as [`judge`] does an entry.
pub fn judge_field(doc: &Document, field: &str, reg: &Register, roster: Option<&Roster>) -> Verdict {
    let (needed, person) = (needed_for_field(doc, field), person_for_field(doc, field));
    judge_change(reg.seal.as_ref(), &reg.author, reg.stamp.wall_ms, needed, person, roster)
}

/// `needed` roles from the signer, unless the signer is `person`.
fn judge_change(
    seal: Option<&Seal>,
    author: &str,
    at: i64,
    needed: Option<&[Role]>,
    person: Option<&str>,
    roster: Option<&Roster>,
) -> Verdict {
    let Some(roster) = roster else {
        return Verdict::Legacy;
    };
    let Some(seal) = seal else {
        return match roster.since_ms {
            Some(since) if at >= since => Verdict::Unsealed,
            _ => Verdict::Legacy,
        };
    };
    let Some(member) = roster.member_at(&seal.key, at) else {
        let revoked = roster.members.get(&seal.key).is_some_and(|m| m.until_ms.is_some_and(|u| at >= u));
        return if revoked { Verdict::Revoked } else { Verdict::UnknownKey };
    };
    if member.person != author {
        return Verdict::NotTheAuthor;
    }
    match needed {
        _ if person == Some(member.person.as_str()) => Verdict::Trusted,
        Some(roles) if !member.roles.iter().any(|r| roles.contains(r)) => Verdict::LacksRole,
        _ => Verdict::Trusted,
    }
}

/// This device's view of a change (issue 15): as [`judge_change`], except that a change
/// sealed by one of `own_keys` — the keys of the profiles on this device — that the
/// roster does not hold yet counts here, unless it needs a role. A newcomer waiting for
/// an admin's grant sees their own work; no other device counts it until the grant, which
/// holds from when the key was announced, so it then counts everywhere.
pub fn on_this_device(v: Verdict, seal: Option<&Seal>, needs_role: bool, own_keys: &[String]) -> Verdict {
    match (v, seal) {
        (Verdict::UnknownKey, Some(s)) if !needs_role && own_keys.contains(&s.key) => Verdict::OwnPending,
        _ => v,
    }
}

pub use crate::record::replica::SLOT_MARK;

/// A stored field name as (field, slot): `("manual_credit_flag", Some("<key>"))` for a
/// slot ([`into_slots`]), `(name, None)` for a plain field.
pub fn split_slot(name: &str) -> (&str, Option<&str>) {
    match name.rsplit_once(SLOT_MARK) {
        Some((field, author)) if !field.is_empty() && !author.is_empty() => (field, Some(author)),
        _ => (name, None),
    }
}

/// Keeps each change of a role-gated field (issue 15) in its signer's own slot,
/// `<field>@<signer's key>` (`<field>@<author>` for a profile without a key), instead of
/// the one register every writer shares.
///
/// A field is one last-writer-wins register, so a later change by someone without the
/// role would replace the manager's value when records merge; reading would then refuse
/// the newer change and find nothing — the manager's credit flag (C3), a team setting
/// or a plan's decision (V2) blanked by anyone holding the team key. In slots, a change
/// replaces only its own signer's earlier one (a change sealed by another key never
/// takes a slot: `Register::fits`, enforced by the merge); reading ([`sift_fields`])
/// takes the newest change among those that count, so a refused one leaves the value
/// that counts in place. Applied to every local change before it is sealed with `key`
/// (the seal covers the slot's name). Deletion (`_deleted`) stays one shared field.
pub fn into_slots(change: &mut crate::record::replica::Replica, key: Option<&str>) {
    for doc in change.docs.values_mut() {
        let gated: Vec<String> = doc
            .fields
            .keys()
            .filter(|name| {
                let (field, slot) = split_slot(name);
                slot.is_none() && field != crate::record::replica::DELETED && needed_for_field(doc, field).is_some()
            })
            .cloned()
            .collect();
        for name in gated {
            if let Some(reg) = doc.fields.remove(&name) {
                let slot = format!("{name}{SLOT_MARK}{}", key.unwrap_or(&reg.author));
                // A change that also wrote the slot itself keeps whichever wins the merge.
                match doc.fields.get(&slot) {
                    Some(old) if !reg.beats(old) => {}
                    _ => {
                        doc.fields.insert(slot, reg);
                    }
                }
            }
        }
    }
}

/// Whether any field of `doc` is kept in slots ([`into_slots`]).
pub fn has_slots(doc: &Document) -> bool {
    doc.fields.keys().any(|name| split_slot(name).1.is_some())
}

/// `doc` with only the fields that count under `roster`, and the fields that did not,
/// with why. A field that does not count reads as never written; a role-gated field kept
/// in slots ([`into_slots`]) reads as the newest change among those that count.
pub fn sift_fields(doc: &Document, roster: Option<&Roster>) -> (Document, Vec<(String, Verdict)>) {
    sift_fields_on_device(doc, roster, &[])
}

/// [`sift_fields`] in this device's view ([`on_this_device`]).
pub fn sift_fields_on_device(
    doc: &Document,
    roster: Option<&Roster>,
    own_keys: &[String],
) -> (Document, Vec<(String, Verdict)>) {
    let mut kept = Document::new(&doc.id, &doc.kind);
    let mut refused = Vec::new();
    for (name, reg) in &doc.fields {
        let (field, slot) = split_slot(name);
        // A name that only looks like a slot (no gated field of that name) is a plain field.
        let (field, slot) = match slot {
            Some(_) if needed_for_field(doc, field).is_none() => (name.as_str(), None),
            _ => (field, slot),
        };
        // The creator of an event needs no role for it, so their own work shows on their
        // device before an admin grants their key, as any work needing no role does.
        let needs_role =
            needed_for_field(doc, field).is_some() && person_for_field(doc, field) != Some(reg.author.as_str());
        let v = match slot {
            // A slot holds only its own signer's changes (the merge keeps it so; a
            // record stored before it is refused here too).
            Some(_) if !reg.fits(name) => Verdict::NotTheAuthor,
            _ => on_this_device(judge_field(doc, field, reg, roster), reg.seal.as_ref(), needs_role, own_keys),
        };
        if !v.counts() {
            refused.push((name.clone(), v));
            continue;
        }
        match kept.fields.get(field) {
            Some(best) if !reg.beats(best) => {}
            _ => {
                kept.fields.insert(field.to_owned(), reg.clone());
            }
        }
    }
    (kept, refused)
}

/// Splits `entries` into those that count and those refused, with why.
pub fn sift<'a>(entries: impl IntoIterator<Item = &'a Entry>, roster: Option<&Roster>) -> Sifted<'a> {
    let mut out = Sifted::default();
    for e in entries {
        let v = judge(e, roster);
        if v.counts() {
            out.counted.push(e);
        } else {
            out.refused.push((e, v));
        }
    }
    out
}

/// What [`sift`] found.
#[derive(Debug, Default)]
pub struct Sifted<'a> {
    pub counted: Vec<&'a Entry>,
    pub refused: Vec<(&'a Entry, Verdict)>,
}
