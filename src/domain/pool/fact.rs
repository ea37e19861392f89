//! Pool facts: the immutable entries P1–P9, C3 and C6 are folded from.
//!
//! A fact is stored as an entry: `kind` = [`FactKind::tag`], `body` = the variant's
//! fields as JSON ([`FactKind::body`]), `subject` = the customer, `author` = the profile,
//! `stamp` = its HLC. [`Fact::from_parts`] turns a stored entry back into a fact and
//! refuses anything it does not understand, so a bad entry is skipped, never a panic.
//!
//! Who may write which fact (only a manager assigns, only finance confirms a payment)
//! is checked where the fact is written, and again on every device before the fold:
//! storage hands the fold only the facts the signed roster lets count, judged by the
//! role the signer held at the fact's stamp (`domain::authority`), so a later change of
//! role does not rewrite history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::PoolError;
use crate::record::hlc::Hlc;

/// One pool-relevant event about one customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub id: String,
    pub stamp: Hlc,
    /// The profile that wrote the entry (a manager for an assignment, finance for a payment).
    pub author: String,
    pub kind: FactKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FactKind {
    /// `pool.first_contact`: a rep entered or received a new customer (P1).
    FirstContact { rep: String },
    /// `pool.claim`: a rep claims the customer from the pool (P5, P6).
    Claim { rep: String },
    /// `pool.assign`: a manager's decision; it always applies (P4, P6, P7, P8, H1, H2).
    Assign { rep: String, reason: AssignReason, note: String },
    /// `pool.release`: back to the pool with the P9 note; `expired` when the rep writes
    /// the note after a P1/P3 expiry.
    Release { rep: String, note: ReleaseNote, expired: bool },
    /// `payment.confirmed`: finance confirmed receipt (O3) of a payment closed by `rep`.
    Payment { rep: String, amount_fen: i64, paid_on: NaiveDate, days_late: u32 },
    /// `contact.logged`: a rep contacted the customer (P8).
    Contact { rep: String },
    /// `customer.reviewed`: a manager reviewed the new entry (C6).
    Reviewed,
    /// `pool.note_returned`: a manager sends `rep`'s release note back for more detail
    /// (P9); the rep owes a fuller note.
    NoteReturned { rep: String, comment: String },
}

/// Why a manager handed a customer to a rep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignReason {
    Assigned,
    /// P4: management referred the customer to the rep.
    Referred,
    /// H1/H2: the previous rep left or the customer asked for another rep.
    Handover,
    /// P7: an event lead from the manager's distribution.
    Distribution,
}

/// P9: what a rep records before a customer goes back to the pool.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReleaseNote {
    pub status: String,
    pub contacts: String,
    pub progress: String,
}

impl ReleaseNote {
    /// The form check: P9 asks for all three parts.
    pub fn check(&self) -> Result<(), PoolError> {
        for (field, text) in [("status", &self.status), ("contacts", &self.contacts), ("progress", &self.progress)] {
            if text.trim().is_empty() {
                return Err(PoolError::IncompleteNote { field });
            }
        }
        Ok(())
    }
}

/// `(entry kind, serde variant name)`, in declaration order.
const KINDS: [(&str, &str); 8] = [
    ("pool.first_contact", "first_contact"),
    ("pool.claim", "claim"),
    ("pool.assign", "assign"),
    ("pool.release", "release"),
    ("payment.confirmed", "payment"),
    ("contact.logged", "contact"),
    ("customer.reviewed", "reviewed"),
    ("pool.note_returned", "note_returned"),
];

impl FactKind {
    /// Every entry kind that bears on a customer's ownership, tier or review: the one
    /// list storage reads the customer facts by and the UI tells a fact change by.
    pub const TAGS: [&'static str; 8] =
        [KINDS[0].0, KINDS[1].0, KINDS[2].0, KINDS[3].0, KINDS[4].0, KINDS[5].0, KINDS[6].0, KINDS[7].0];

    /// Whether entries of `kind` are customer facts (one of [`FactKind::TAGS`]).
    pub fn is_tag(kind: &str) -> bool {
        Self::TAGS.contains(&kind)
    }

    /// The entry `kind` this fact is stored under.
    pub fn tag(&self) -> &'static str {
        let i = match self {
            FactKind::FirstContact { .. } => 0,
            FactKind::Claim { .. } => 1,
            FactKind::Assign { .. } => 2,
            FactKind::Release { .. } => 3,
            FactKind::Payment { .. } => 4,
            FactKind::Contact { .. } => 5,
            FactKind::Reviewed => 6,
            FactKind::NoteReturned { .. } => 7,
        };
        KINDS[i].0
    }

    /// The entry `body`: the variant's fields as a JSON object, without a type field.
    pub fn body(&self) -> Value {
        match serde_json::to_value(self) {
            Ok(Value::Object(mut fields)) => {
                fields.remove("type");
                Value::Object(fields)
            }
            _ => Value::Object(Map::new()),
        }
    }

    /// The rep the fact is about, if any.
    pub fn rep(&self) -> Option<&str> {
        match self {
            FactKind::FirstContact { rep }
            | FactKind::Claim { rep }
            | FactKind::Assign { rep, .. }
            | FactKind::Release { rep, .. }
            | FactKind::Payment { rep, .. }
            | FactKind::Contact { rep }
            | FactKind::NoteReturned { rep, .. } => Some(rep),
            FactKind::Reviewed => None,
        }
    }

    fn check(&self) -> Result<(), PoolError> {
        if self.rep().is_some_and(|rep| rep.trim().is_empty()) {
            return Err(PoolError::MissingRep { kind: self.tag() });
        }
        if let FactKind::NoteReturned { comment, .. } = self {
            if comment.trim().is_empty() {
                return Err(PoolError::EmptyComment);
            }
        }
        if let FactKind::Payment { amount_fen, .. } = self {
            if *amount_fen <= 0 {
                return Err(PoolError::NonPositiveAmount { amount_fen: *amount_fen });
            }
        }
        Ok(())
    }
}

impl Fact {
    pub fn new(id: impl Into<String>, stamp: Hlc, author: impl Into<String>, kind: FactKind) -> Self {
        Self { id: id.into(), stamp, author: author.into(), kind }
    }

    /// Reads a stored entry back. Unknown kinds, bodies that do not match the kind, a
    /// missing id or rep and non-positive payments are refused with a reason.
    pub fn from_parts(
        id: impl Into<String>,
        stamp: Hlc,
        author: impl Into<String>,
        kind_tag: &str,
        body: &Value,
    ) -> Result<Fact, PoolError> {
        let id = id.into();
        if id.trim().is_empty() {
            return Err(PoolError::MissingId);
        }
        let (tag, variant) = KINDS
            .iter()
            .find(|(tag, _)| *tag == kind_tag)
            .ok_or_else(|| PoolError::UnknownKind(kind_tag.to_owned()))?;
        let bad = |reason: String| PoolError::BadBody { kind: (*tag).to_owned(), reason };
        let mut fields = match body {
            Value::Object(fields) => fields.clone(),
            // A fact without fields (`customer.reviewed`) may be stored with no body.
            Value::Null => Map::new(),
            _ => return Err(bad("not a JSON object".to_owned())),
        };
        fields.insert("type".to_owned(), Value::String((*variant).to_owned()));
        let kind: FactKind = serde_json::from_value(Value::Object(fields)).map_err(|e| bad(e.to_string()))?;
        kind.check()?;
        Ok(Fact::new(id, stamp, author, kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn stamp() -> Hlc {
        Hlc { wall_ms: 1, counter: 0, device: "tab-a".into() }
    }

    fn every_kind() -> Vec<FactKind> {
        let note = ReleaseNote { status: "cold".into(), contacts: "Ms Zhao".into(), progress: "quote sent".into() };
        vec![
            FactKind::FirstContact { rep: "li".into() },
            FactKind::Claim { rep: "li".into() },
            FactKind::Assign { rep: "li".into(), reason: AssignReason::Referred, note: "from the director".into() },
            FactKind::Release { rep: "li".into(), note, expired: true },
            FactKind::Payment {
                rep: "li".into(),
                amount_fen: 12_345,
                paid_on: NaiveDate::from_ymd_opt(2026, 3, 1).expect("date"),
                days_late: 3,
            },
            FactKind::Contact { rep: "li".into() },
            FactKind::Reviewed,
            FactKind::NoteReturned { rep: "li".into(), comment: "who is the buyer now?".into() },
        ]
    }

    #[test]
    fn every_kind_survives_being_stored_as_tag_and_body() {
        for kind in every_kind() {
            let fact = Fact::from_parts("f1", stamp(), "boss", kind.tag(), &kind.body()).expect("reads back");
            assert_eq!(fact.kind, kind);
        }
    }

    #[test]
    fn every_tag_is_listed_once() {
        let tags: Vec<_> = every_kind().iter().map(FactKind::tag).collect();
        assert_eq!(tags, FactKind::TAGS);
    }

    #[test]
    fn a_body_never_carries_the_type_field() {
        assert_eq!(FactKind::Claim { rep: "li".into() }.body(), json!({ "rep": "li" }));
        assert_eq!(FactKind::Reviewed.body(), json!({}));
    }

    #[test]
    fn a_reviewed_entry_may_have_no_body() {
        let fact = Fact::from_parts("f1", stamp(), "boss", "customer.reviewed", &Value::Null).expect("reads");
        assert_eq!(fact.kind, FactKind::Reviewed);
    }

    #[test]
    fn an_unknown_kind_is_refused_by_name() {
        let err = Fact::from_parts("f1", stamp(), "li", "pool.steal", &json!({})).unwrap_err();
        assert_eq!(err, PoolError::UnknownKind("pool.steal".into()));
    }

    #[test]
    fn a_body_that_does_not_fit_its_kind_is_refused() {
        let missing = Fact::from_parts("f1", stamp(), "li", "pool.claim", &json!({})).unwrap_err();
        assert!(matches!(missing, PoolError::BadBody { ref kind, .. } if kind == "pool.claim"));
        let not_object = Fact::from_parts("f1", stamp(), "li", "pool.claim", &json!("li")).unwrap_err();
        assert!(matches!(not_object, PoolError::BadBody { .. }));
        let bad_date = json!({ "rep": "li", "amount_fen": 1, "paid_on": "2026-02-30", "days_late": 0 });
        let err = Fact::from_parts("f1", stamp(), "fin", "payment.confirmed", &bad_date).unwrap_err();
        assert!(matches!(err, PoolError::BadBody { .. }));
    }

    #[test]
    fn a_blank_rep_a_blank_id_and_a_zero_payment_are_refused() {
        let err = Fact::from_parts("f1", stamp(), "li", "pool.claim", &json!({ "rep": " " })).unwrap_err();
        assert_eq!(err, PoolError::MissingRep { kind: "pool.claim" });
        let err = Fact::from_parts("", stamp(), "li", "pool.claim", &json!({ "rep": "li" })).unwrap_err();
        assert_eq!(err, PoolError::MissingId);
        let zero = json!({ "rep": "li", "amount_fen": 0, "paid_on": "2026-02-01", "days_late": 0 });
        let err = Fact::from_parts("f1", stamp(), "fin", "payment.confirmed", &zero).unwrap_err();
        assert_eq!(err, PoolError::NonPositiveAmount { amount_fen: 0 });
    }

    #[test]
    fn p9_a_release_note_needs_status_contacts_and_progress() {
        let mut note = ReleaseNote { status: "cold".into(), contacts: "Ms Zhao".into(), progress: "quote sent".into() };
        assert_eq!(note.check(), Ok(()));
        note.contacts = "  ".into();
        assert_eq!(note.check(), Err(PoolError::IncompleteNote { field: "contacts" }));
    }

    #[test]
    fn the_fact_kinds_are_one_list_that_every_fact_is_stored_under() {
        let all = [
            FactKind::FirstContact { rep: "li".into() },
            FactKind::Claim { rep: "li".into() },
            FactKind::Contact { rep: "li".into() },
            FactKind::Reviewed,
        ];
        assert!(all.iter().all(|k| FactKind::is_tag(k.tag())));
        assert!(FactKind::is_tag("payment.confirmed") && FactKind::is_tag("pool.release"));
        assert!(
            !FactKind::is_tag("payment.recorded") && !FactKind::is_tag("pool.") && !FactKind::is_tag("activity.logged")
        );
    }
}
