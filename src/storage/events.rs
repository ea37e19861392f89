//! Events on the device (**E1–E5**, **W1**): what kiosks and the events page write, and
//! how every tablet reads it back the same way after a merge.
//!
//! - The event itself is a document of kind [`EVENT`]; each E1 field is its own
//!   last-writer-wins register, and so is each budget line (`budget_line.<id>`, `null`
//!   once removed), so two tablets editing different lines offline keep both. Events
//!   from before keep their lines in one `budget` list register, read first; a line
//!   edited or removed since is written as its own register under the id it was read
//!   with (`legacy-<n>`), which wins over the list. The kiosk PIN is stored only as an Argon2id hash with its salt ([`pin_hash`]).
//! - An invitee is a document of kind [`INVITEE`] whose id is `event/customer`, so two
//!   tablets adding the same customer make one invitation; its status is LWW (**E2**).
//! - Everything that happens at the event is an immutable entry whose subject is the
//!   event: registrations ([`REGISTRATION`], **E3**), chip moves ([`CHIPS`], **E4**),
//!   stock movements and counts ([`STOCK`], [`COUNT`], **W1**) and questionnaire answers
//!   ([`ANSWER`], **E5**). Participants, balances, conflicts and stock levels are folded
//!   from them by the domain, never stored (a team-warehouse slip to the event, W1,
//!   moves its prize stock too); two kiosks registering the same phone
//!   offline become one participant once their entries meet.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::codec::{body_of, decode_doc, decode_entry, Codec, FieldProblem, ProblemReason, Reader, Restored};
use super::customers::{entry_change as entry, Author};
use super::{RecordStore, StorageError};
use crate::domain::chips::{ChipMove, MoveKind};
use crate::domain::customer::{Contact, CustomerFile};
use crate::domain::event::{place_budget_lines, BudgetLine, Event, InviteStatus, Invitee};
use crate::domain::participant::{Participant, Registration, RegistrationForm, Relation};
use crate::domain::stock::{Count, MoveReason, StockMove};
use crate::domain::warehouse::SlipKind;
use crate::record::hlc::Hlc;
use crate::record::replica::{Document, Entry, Replica};

pub const EVENT: &str = "event";
pub const INVITEE: &str = "event.invitee";
pub const REGISTRATION: &str = "event.registration";
pub const CHIPS: &str = "event.chips";
pub const STOCK: &str = "event.stock";
pub const COUNT: &str = "event.count";
pub const ANSWER: &str = "event.answer";

/// The C2 source channel new event leads carry, so the manager can pick them for P7.
pub const LEAD_SOURCE: &str = "event";

/// One questionnaire answer sheet (**E5**): a rating 1–5 per team-defined question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub id: String,
    pub stamp: Hlc,
    /// The participant's key, or empty for an anonymous sheet.
    pub participant: String,
    /// `question text → rating`, so a question edited later does not shift answers.
    pub ratings: BTreeMap<String, u8>,
}

/// A physical count of one prize item, with when it was taken (**W1**).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountEntry {
    pub id: String,
    pub stamp: Hlc,
    pub count: Count,
}

/// Everything about one event a device holds, ready for the domain folds.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    pub event: Event,
    /// `salt:hash` in base64, or empty when no PIN is set (kiosk mode then refuses to start).
    pub pin: String,
    /// Team-defined questionnaire questions (E5), in order.
    pub questions: Vec<String>,
    pub invitees: Vec<Invitee>,
    pub registrations: Vec<Registration>,
    pub chips: Vec<ChipMove>,
    pub stock: Vec<StockMove>,
    pub counts: Vec<CountEntry>,
    pub answers: Vec<Answer>,
}

/// Every live event on the device with everything that happened at it.
pub async fn load_events<S: RecordStore>(s: &S) -> Result<Vec<EventRecord>, StorageError> {
    Ok(load_events_restored(s).await?.records)
}

/// [`load_events`] with the fields that could not be read.
pub async fn load_events_restored<S: RecordStore>(s: &S) -> Result<Restored<Vec<EventRecord>>, StorageError> {
    let mut docs = s.docs_of_kind(EVENT).await?;
    docs.extend(s.docs_of_kind(INVITEE).await?);
    let mut entries: Vec<Entry> = Vec::new();
    for kind in [REGISTRATION, CHIPS, STOCK, COUNT, ANSWER, super::warehouse::SLIP] {
        entries.extend(s.entries_of_kind(kind).await?);
    }
    let judge = super::roster::Judge::load(s).await?;
    Ok(assemble_restored(judge.docs(docs), judge.entries(entries)))
}

/// The field prefix of one budget line's register.
const BUDGET_LINE: &str = "budget_line.";

/// A budget line's register value: the line without its id, which is in the field name.
#[derive(Serialize, Deserialize)]
struct LineValue {
    name: String,
    planned_fen: i64,
    actual_fen: i64,
    #[serde(default)]
    pos: i64,
}

/// The event's budget lines: the list register of older builds, then every line's own
/// register over it by id (a `null` removes the line), in `(pos, id)` order.
fn read_budget(r: &mut Reader<'_>) -> Vec<BudgetLine> {
    let mut lines: BTreeMap<String, BudgetLine> = BTreeMap::new();
    for (i, mut l) in r.list::<BudgetLine>("budget").into_iter().enumerate() {
        if l.id.is_empty() {
            l.id = format!("legacy-{i}");
            l.pos = i as i64;
        }
        lines.insert(l.id.clone(), l);
    }
    let Some(doc) = r.doc() else {
        return sorted_lines(lines);
    };
    for (field, reg) in doc.fields.range(BUDGET_LINE.to_owned()..) {
        let Some(id) = field.strip_prefix(BUDGET_LINE) else { break };
        if reg.value.is_null() {
            lines.remove(id);
            continue;
        }
        match serde_json::from_value::<LineValue>(reg.value.clone()) {
            Ok(v) => {
                let line = BudgetLine {
                    id: id.to_owned(),
                    name: v.name,
                    planned_fen: v.planned_fen,
                    actual_fen: v.actual_fen,
                    pos: v.pos,
                };
                lines.insert(id.to_owned(), line);
            }
            // Reported with the record's other problems; the other lines stand.
            Err(_) => r.problem(field, ProblemReason::Malformed),
        }
    }
    sorted_lines(lines)
}

fn sorted_lines(lines: BTreeMap<String, BudgetLine>) -> Vec<BudgetLine> {
    let mut v: Vec<BudgetLine> = lines.into_values().collect();
    v.sort_by(|a, b| (a.pos, &a.id).cmp(&(b.pos, &b.id)));
    v
}

impl Codec for Event {
    /// The whole event, its budget lines as one list (ids and places kept); the write
    /// path ([`event_change`]) stores each line in its own register instead.
    fn encode(&self) -> Vec<(&'static str, Value)> {
        let mut f = event_fields(self);
        f.push(("budget", json!(self.budget)));
        f
    }

    /// A budget line that does not read is reported and left out; the others stand.
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        Some(Event {
            id: r.record_id().to_owned(),
            theme: r.text("theme"),
            starts_ms: r.int("starts_ms"),
            ends_ms: r.int("ends_ms"),
            venue: r.text("venue"),
            organiser: r.text("organiser"),
            audience: r.text("audience"),
            format: r.text("format"),
            budget: read_budget(r),
            consent_version: r.text("consent_version"),
        })
    }
}

/// An event document: the event, its kiosk PIN hash and its questions.
struct EventDoc {
    event: Event,
    pin: String,
    questions: Vec<String>,
}

impl Codec for EventDoc {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        let mut f = self.event.encode();
        f.extend([("pin", json!(self.pin)), ("questions", json!(self.questions))]);
        f
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        Some(EventDoc { event: Event::decode(r)?, pin: r.text("pin"), questions: r.list("questions") })
    }
}

/// An invitee document with the event it belongs to.
struct InviteeDoc {
    event: String,
    invitee: Invitee,
}

impl Codec for InviteeDoc {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("event", json!(self.event)),
            ("customer", json!(self.invitee.customer)),
            ("phone", json!(self.invitee.phone)),
            ("status", json!(self.invitee.status)),
        ]
    }

    /// A missing status is an invitation not yet answered.
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let status = r.choice("status").unwrap_or(InviteStatus::Invited);
        let invitee = Invitee { customer: r.text("customer"), phone: r.text("phone"), status };
        Some(InviteeDoc { event: r.text("event"), invitee })
    }
}

/// Builds the records from raw documents and entries (pure; tested natively). Entries
/// that do not parse (a newer build, damage) are left out, not fatal; they stay stored.
/// Events are ordered by start, latest first.
pub fn assemble(docs: Vec<Document>, entries: Vec<Entry>) -> Vec<EventRecord> {
    assemble_restored(docs, entries).records
}

/// [`assemble`] with the fields that could not be read (an event or invitee with a bad
/// field is kept with the others; an entry that cannot be read is left out).
pub fn assemble_restored(docs: Vec<Document>, entries: Vec<Entry>) -> Restored<Vec<EventRecord>> {
    let mut problems: Vec<FieldProblem> = Vec::new();
    let mut events: BTreeMap<String, EventRecord> = BTreeMap::new();
    let mut invitees: Vec<(String, Invitee)> = Vec::new();
    for d in docs.iter().filter(|d| !d.is_deleted()) {
        match d.kind.as_str() {
            EVENT => {
                let Some(EventDoc { event, pin, questions }) = decode_doc(d, &mut problems) else {
                    continue;
                };
                events.insert(
                    d.id.clone(),
                    EventRecord {
                        event,
                        pin,
                        questions,
                        invitees: vec![],
                        registrations: vec![],
                        chips: vec![],
                        stock: vec![],
                        counts: vec![],
                        answers: vec![],
                    },
                );
            }
            INVITEE => {
                if let Some(InviteeDoc { event, invitee }) = decode_doc(d, &mut problems) {
                    invitees.push((event, invitee));
                }
            }
            _ => {}
        }
    }
    for (ev, inv) in invitees {
        if let Some(r) = events.get_mut(&ev) {
            r.invitees.push(inv);
        }
    }
    for e in entries {
        let Some(r) = events.get_mut(&e.subject) else {
            continue;
        };
        let (id, stamp) = (e.id.clone(), e.stamp.clone());
        match e.kind.as_str() {
            REGISTRATION => {
                if let Some(b) = decode_entry::<RegistrationBody>(&e, &mut problems) {
                    r.registrations.push(Registration {
                        id,
                        stamp,
                        event: e.subject.clone(),
                        name: b.name,
                        phone_key: b.phone_key,
                        relation: b.relation,
                        children: b.children,
                        consent_version: b.consent_version,
                    });
                }
            }
            CHIPS => {
                if let Some(b) = decode_entry::<ChipsBody>(&e, &mut problems) {
                    r.chips.push(ChipMove { id, stamp, participant: b.participant, kind: b.kind });
                }
            }
            STOCK => {
                if let Some(b) = decode_entry::<StockBody>(&e, &mut problems) {
                    r.stock.push(StockMove { id, stamp, item: b.item, qty: b.qty, reason: b.reason });
                }
            }
            // W1: a warehouse slip to this event is its prize stock moving: an issue
            // from the warehouse comes in, a receipt back into the warehouse goes out.
            super::warehouse::SLIP => {
                if let Some(slip) = super::warehouse::slip_of(&e, &mut problems) {
                    for (n, l) in slip.lines.iter().enumerate() {
                        let (qty, reason) = match slip.kind {
                            SlipKind::Issue => (l.qty, MoveReason::Received),
                            SlipKind::Receipt => (-l.qty, MoveReason::Returned),
                        };
                        let id = format!("{id}#{n}");
                        r.stock.push(StockMove { id, stamp: stamp.clone(), item: l.name.clone(), qty, reason });
                    }
                }
            }
            COUNT => {
                if let Some(count) = decode_entry::<Count>(&e, &mut problems) {
                    r.counts.push(CountEntry { id, stamp, count });
                }
            }
            ANSWER => {
                if let Some(b) = decode_entry::<AnswerBody>(&e, &mut problems) {
                    r.answers.push(Answer { id, stamp, participant: b.participant, ratings: b.ratings });
                }
            }
            _ => {}
        }
    }
    let mut out: Vec<EventRecord> = events.into_values().collect();
    for r in &mut out {
        r.invitees.sort_by(|a, b| a.customer.cmp(&b.customer));
        r.registrations.sort_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| a.id.cmp(&b.id)));
        r.chips.sort_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| a.id.cmp(&b.id)));
        r.stock.sort_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| a.id.cmp(&b.id)));
        r.counts.sort_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| a.id.cmp(&b.id)));
        r.answers.sort_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| a.id.cmp(&b.id)));
    }
    out.sort_by(|a, b| b.event.starts_ms.cmp(&a.event.starts_ms).then_with(|| a.event.id.cmp(&b.event.id)));
    Restored { records: out, problems }
}

impl Codec for RegistrationBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("name", json!(self.name)),
            ("phone_key", json!(self.phone_key)),
            ("relation", json!(self.relation)),
            ("children", json!(self.children)),
            ("consent_version", json!(self.consent_version)),
        ]
    }

    /// Without a relation (E3) a registration is left out.
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let relation = r.choice("relation");
        Some(RegistrationBody {
            name: r.text("name"),
            phone_key: r.text("phone_key"),
            relation: r.require("relation", relation)?,
            children: r.list("children"),
            consent_version: r.text("consent_version"),
        })
    }
}

impl Codec for ChipsBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("participant", json!(self.participant)), ("kind", json!(self.kind))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let kind = r.value("kind");
        Some(ChipsBody { participant: r.text("participant"), kind: r.require("kind", kind)? })
    }
}

impl Codec for StockBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("item", json!(self.item)), ("qty", json!(self.qty)), ("reason", json!(self.reason))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let qty = r.opt_int("qty");
        let reason = r.value("reason");
        let (qty, reason) = (r.require("qty", qty), r.require("reason", reason));
        Some(StockBody { item: r.text("item"), qty: qty?, reason: reason? })
    }
}

impl Codec for Count {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("item", json!(self.item)), ("counted", json!(self.counted))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let counted = r.opt_int("counted");
        Some(Count { item: r.text("item"), counted: r.require("counted", counted)? })
    }
}

impl Codec for AnswerBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("participant", json!(self.participant)), ("ratings", json!(self.ratings))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        Some(AnswerBody { participant: r.text("participant"), ratings: r.value("ratings").unwrap_or_default() })
    }
}

#[derive(Serialize, Deserialize)]
struct RegistrationBody {
    name: String,
    phone_key: String,
    relation: Relation,
    children: Vec<crate::domain::participant::Child>,
    consent_version: String,
}

#[derive(Serialize, Deserialize)]
struct ChipsBody {
    participant: String,
    kind: MoveKind,
}

#[derive(Serialize, Deserialize)]
struct StockBody {
    item: String,
    qty: i64,
    reason: MoveReason,
}

#[derive(Serialize, Deserialize)]
struct AnswerBody {
    participant: String,
    ratings: BTreeMap<String, u8>,
}

fn event_fields(e: &Event) -> Vec<(&'static str, Value)> {
    vec![
        ("theme", json!(e.theme)),
        ("starts_ms", json!(e.starts_ms)),
        ("ends_ms", json!(e.ends_ms)),
        ("venue", json!(e.venue)),
        ("organiser", json!(e.organiser)),
        ("audience", json!(e.audience)),
        ("format", json!(e.format)),
        ("consent_version", json!(e.consent_version)),
    ]
}

fn one_doc(d: Document) -> Replica {
    Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() }
}

fn set(d: &mut Document, by: &mut Author, field: &str, value: Value) {
    let stamp = by.clock.tick(by.now_ms);
    d.set(field, value, stamp, by.profile);
}

/// **E1** The event document carrying only the fields of `new` that differ from `old`
/// (all of them for a new event); `None` when nothing changed. Validation is the
/// caller's ([`Event::validate`], and the consent freeze in
/// [`crate::domain::participant::change_consent`]).
pub fn event_change(old: Option<&Event>, new: &Event, by: &mut Author) -> Option<Replica> {
    let before = old.map(event_fields);
    let mut d = Document::new(&new.id, EVENT);
    for (k, v) in event_fields(new) {
        if before.as_ref().is_none_or(|b| b.iter().any(|(bk, bv)| *bk == k && *bv != v)) {
            set(&mut d, by, k, v);
        }
    }
    budget_changes(old.map_or(&[][..], |o| &o.budget), &new.budget, &mut d, by);
    (!d.fields.is_empty()).then(|| one_doc(d))
}

/// **E1** One register per budget line that changed: a changed line keeps its place, a
/// new one (an id `old` does not have, or none yet) goes after every line `old` had
/// ([`place_budget_lines`]), a line gone from `new` is written `null`. Lines another
/// tablet added meanwhile are not in `old` and so are left alone.
fn budget_changes(old: &[BudgetLine], new: &[BudgetLine], d: &mut Document, by: &mut Author) {
    let mut placed = new.to_vec();
    place_budget_lines(old, &mut placed);
    for line in placed {
        if old.iter().any(|o| !line.id.is_empty() && *o == line) {
            continue;
        }
        let stamp = by.clock.tick(by.now_ms);
        // A line without an id yet gets one from its stamp: unique across tablets.
        let id =
            if line.id.is_empty() { format!("{}-{}-{}", stamp.wall_ms, stamp.counter, stamp.device) } else { line.id };
        let value =
            LineValue { name: line.name, planned_fen: line.planned_fen, actual_fen: line.actual_fen, pos: line.pos };
        d.set(&format!("{BUDGET_LINE}{id}"), json!(value), stamp, by.profile);
    }
    for gone in old.iter().filter(|o| !new.iter().any(|l| l.id == o.id)) {
        set(d, by, &format!("{BUDGET_LINE}{}", gone.id), Value::Null);
    }
}

/// **E5** The questionnaire questions of an event (team-defined, edited as one list).
pub fn questions_change(event: &str, questions: &[String], by: &mut Author) -> Replica {
    let mut d = Document::new(event, EVENT);
    let qs: Vec<&str> = questions.iter().map(|q| q.trim()).filter(|q| !q.is_empty()).collect();
    set(&mut d, by, "questions", json!(qs));
    one_doc(d)
}

/// The kiosk PIN's stored form: `salt:hash`, both base64, Argon2id over the PIN.
pub fn pin_hash(pin: &str, salt: &[u8]) -> Result<String, String> {
    use base64::Engine;
    let mut out = [0u8; 32];
    // Light parameters: a tablet hashes this on every unlock attempt, and a 4–12 digit PIN
    // is guarded by the snapshot's encryption more than by the hash's cost.
    let params = argon2::Params::new(8 * 1024, 2, 1, Some(32)).map_err(|e| e.to_string())?;
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password_into(pin.as_bytes(), salt, &mut out)
        .map_err(|e| e.to_string())?;
    let b = base64::engine::general_purpose::STANDARD_NO_PAD;
    Ok(format!("{}:{}", b.encode(salt), b.encode(out)))
}

/// Whether `pin` matches a stored [`pin_hash`]. A malformed stored value never matches.
pub fn pin_matches(pin: &str, stored: &str) -> bool {
    use base64::Engine;
    let b = base64::engine::general_purpose::STANDARD_NO_PAD;
    let Some((salt, _)) = stored.split_once(':') else {
        return false;
    };
    let Ok(salt) = b.decode(salt) else {
        return false;
    };
    pin_hash(pin, &salt).is_ok_and(|h| h == stored)
}

/// Whether a PIN is long enough to set: 4 to 12 digits.
pub fn pin_valid(pin: &str) -> bool {
    (4..=12).contains(&pin.len()) && pin.chars().all(|c| c.is_ascii_digit())
}

/// Sets the kiosk PIN (already hashed with [`pin_hash`]).
pub fn pin_change(event: &str, hashed: &str, by: &mut Author) -> Replica {
    let mut d = Document::new(event, EVENT);
    set(&mut d, by, "pin", json!(hashed));
    one_doc(d)
}

/// The invitee document id: one invitation per customer per event, whichever tablet adds it.
pub fn invitee_id(event: &str, customer: &str) -> String {
    format!("{event}/{customer}")
}

/// **E2** Adds customers to the invitation list (status `invited`); customers already
/// on `known` keep their status.
pub fn invite(event: &str, customers: &[(String, String)], known: &[Invitee], by: &mut Author) -> Replica {
    let mut r = Replica::default();
    for (customer, phone) in customers {
        if known.iter().any(|k| &k.customer == customer) {
            continue;
        }
        let id = invitee_id(event, customer);
        let mut d = Document::new(&id, INVITEE);
        set(&mut d, by, "event", json!(event));
        set(&mut d, by, "customer", json!(customer));
        set(&mut d, by, "phone", json!(phone));
        set(&mut d, by, "status", json!(InviteStatus::Invited));
        r.docs.insert(id, d);
    }
    r
}

/// **E2** Records an invitee's answer.
pub fn invite_status(event: &str, customer: &str, status: InviteStatus, by: &mut Author) -> Replica {
    let mut d = Document::new(&invitee_id(event, customer), INVITEE);
    set(&mut d, by, "status", json!(status));
    one_doc(d)
}

/// **E3** A walk-in registration or an invitee's check-in, validated by the domain
/// against the event at the stamp it gets here.
pub fn registration_entry(
    id: &str,
    form: &RegistrationForm,
    event: &Event,
    by: &mut Author,
) -> Result<Replica, crate::domain::participant::ParticipantError> {
    let stamp = by.clock.tick(by.now_ms);
    let r = crate::domain::participant::register(form, event, id, stamp.clone())?;
    let body = body_of(&RegistrationBody {
        name: r.name,
        phone_key: r.phone_key,
        relation: r.relation,
        children: r.children,
        consent_version: r.consent_version,
    });
    let e = Entry {
        id: id.into(),
        kind: REGISTRATION.into(),
        subject: event.id.clone(),
        stamp,
        author: by.profile.into(),
        body,
        seal: None,
    };
    Ok(Replica { docs: Default::default(), entries: [(e.id.clone(), e)].into() })
}

/// **E4** One chips move (award, take-back, redemption or settlement).
pub fn chips_entry(id: &str, event: &str, participant: &str, kind: MoveKind, by: &mut Author) -> Replica {
    entry(id, CHIPS, event, body_of(&ChipsBody { participant: participant.into(), kind }), by)
}

/// **W1** One signed stock movement (positive in, negative out).
pub fn stock_entry(id: &str, event: &str, item: &str, qty: i64, reason: MoveReason, by: &mut Author) -> Replica {
    entry(id, STOCK, event, body_of(&StockBody { item: item.trim().into(), qty, reason }), by)
}

/// **W1** A physical count of one item.
pub fn count_entry(id: &str, event: &str, item: &str, counted: i64, by: &mut Author) -> Replica {
    entry(id, COUNT, event, body_of(&Count { item: item.trim().into(), counted }), by)
}

/// **E4/W1** A redemption: the chips leave the participant and one prize leaves stock,
/// in one transaction. The caller checks [`crate::domain::chips::check_redemption`] first.
pub fn redemption(
    ids: (&str, &str),
    event: &str,
    participant: &str,
    prize: &str,
    chips: u32,
    by: &mut Author,
) -> Replica {
    let c = chips_entry(ids.0, event, participant, MoveKind::Redeem { prize: prize.into(), chips }, by);
    let s = stock_entry(ids.1, event, prize, -1, MoveReason::Prize, by);
    c.merge(s)
}

/// **E5** One questionnaire sheet; ratings outside 1–5 are dropped.
pub fn answer_entry(
    id: &str,
    event: &str,
    participant: &str,
    ratings: &BTreeMap<String, u8>,
    by: &mut Author,
) -> Replica {
    let ratings: BTreeMap<String, u8> =
        ratings.iter().filter(|(_, r)| (1..=5).contains(*r)).map(|(q, r)| (q.clone(), *r)).collect();
    entry(id, ANSWER, event, body_of(&AnswerBody { participant: participant.into(), ratings }), by)
}

/// **E5/P5** The customer id a lead gets: one per phone, whichever tablet sends it.
pub fn lead_id(phone_key: &str) -> String {
    format!("lead-{phone_key}")
}

/// **E5/P5/P7** New leads into the pool: one customer (no owner, source
/// [`LEAD_SOURCE`]) with one contact for every participant
/// [`crate::domain::participant::new_leads`] chose. No first-contact entry is written,
/// so the customer is ownerless (P5) and the manager distributes it (P7).
pub fn leads_change(leads: &[&Participant], theme: &str, by: &mut Author) -> Replica {
    let mut parts = Vec::new();
    for p in leads {
        let id = lead_id(&p.key);
        let file = CustomerFile {
            name: p.name.clone(),
            source: LEAD_SOURCE.into(),
            notes: theme.into(),
            ..Default::default()
        };
        let contact = Contact { name: p.name.clone(), phone: p.key.clone(), ..Default::default() };
        parts.extend(super::customers::customer_change(&id, None, &file, by));
        parts.extend(super::customers::contact_change(&id, &format!("{id}-contact"), None, &contact, by));
    }
    super::customers::join(parts)
}

/// A fresh event with sensible empty fields, for the create form.
pub fn blank_event(id: &str, organiser: &str, starts_ms: i64) -> Event {
    Event {
        id: id.into(),
        theme: String::new(),
        starts_ms,
        ends_ms: starts_ms + 4 * 3600 * 1000,
        venue: String::new(),
        organiser: organiser.into(),
        audience: String::new(),
        format: String::new(),
        budget: vec![BudgetLine::new("", "", 0, 0)],
        consent_version: "v1".into(),
    }
}

/// **E2/E3** The short code printed under an invitation's QR code and typed at the
/// kiosk: the customer id's first 8 letters and digits, upper case.
pub fn invitation_code(customer: &str) -> String {
    customer.chars().filter(char::is_ascii_alphanumeric).take(8).collect::<String>().to_uppercase()
}
