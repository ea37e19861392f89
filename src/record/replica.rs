//! The two kinds of data Outpost keeps, and how they merge.
//!
//! - A [`Document`] (a customer, a contact, a project) is a set of fields; each field is
//!   a last-writer-wins [`Register`] stamped with an [`Hlc`]. A delete is the field
//!   `_deleted` set to `true` (a tombstone), so it merges like any other field.
//! - An [`Entry`] (a claim, a payment confirmation, a check-in, a chip move, an
//!   approval) is immutable; corrections are new entries. Ownership, tiers, due dates
//!   and rewards are folded from entries by the domain, never stored.
//!
//! [`Replica::merge`] is a pure function and a join: every choice it makes is the
//! maximum under one total order, so it is commutative, associative and idempotent, and
//! two devices that have seen the same changes hold byte-identical state
//! (`tests/merge_props.rs` checks this with proptest).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::record::hlc::Hlc;
use crate::record::seal::Seal;

/// The field that marks a document deleted.
pub const DELETED: &str = "_deleted";

/// One field's value with the stamp and author of the write that set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register {
    pub value: Value,
    pub stamp: Hlc,
    /// The profile that made the change.
    pub author: String,
    /// The author's signature on this change ([`crate::record::seal`]); `None` on
    /// changes from before seals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Seal>,
}

impl Register {
    /// The total order merge uses: stamp first; equal stamps (which only a bug or a
    /// forged file produces) fall back to the value's canonical text, then the author.
    fn merge_cmp(&self, other: &Register) -> Ordering {
        self.stamp
            .cmp(&other.stamp)
            .then_with(|| self.value.to_string().cmp(&other.value.to_string()))
            .then_with(|| self.author.cmp(&other.author))
            .then_with(|| self.seal.cmp(&other.seal))
    }
}

impl Register {
    /// Whether this change wins over `other` under the merge's total order.
    pub fn beats(&self, other: &Register) -> bool {
        self.merge_cmp(other) == Ordering::Greater
    }

    /// Whether this change may sit in the field named `name`. A name `<field>@<slot>`
    /// is one signer's slot (`domain::authority::into_slots`): it holds only changes
    /// sealed by the key `<slot>`, or unsealed changes by the author `<slot>` (from a
    /// profile without a key). Every other name takes any change. Seals are checked
    /// when a chunk is read, before any merge, so the key named is the key that signed.
    pub fn fits(&self, name: &str) -> bool {
        match name.rsplit_once(SLOT_MARK) {
            Some((field, slot)) if !field.is_empty() && !slot.is_empty() => match &self.seal {
                Some(seal) => seal.key == slot,
                None => self.author == slot,
            },
            _ => true,
        }
    }
}

/// Separates a field's name from the slot that holds one signer's changes of it.
pub const SLOT_MARK: char = '@';

/// The merge's choice for the field `name`: a change that fits the name ([`Register::fits`])
/// over one that does not, then the later one. One total order, so still a join.
fn max_by_merge(name: &str, a: Register, b: Register) -> Register {
    if wins(name, &b, &a) {
        b
    } else {
        a
    }
}

/// Whether `b` wins over `a` in the field `name` ([`max_by_merge`]).
fn wins(name: &str, b: &Register, a: &Register) -> bool {
    match (a.fits(name), b.fits(name)) {
        (fa, fb) if fa != fb => fb,
        _ => b.merge_cmp(a) == Ordering::Greater,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    /// What the document is ("customer", "contact", …); fixed when it is created.
    pub kind: String,
    pub fields: BTreeMap<String, Register>,
}

impl Document {
    pub fn new(id: &str, kind: &str) -> Self {
        Self { id: id.to_owned(), kind: kind.to_owned(), fields: BTreeMap::new() }
    }

    pub fn get(&self, field: &str) -> Option<&Value> {
        self.fields.get(field).map(|r| &r.value)
    }

    pub fn is_deleted(&self) -> bool {
        self.get(DELETED) == Some(&Value::Bool(true))
    }

    /// Sets a field if `stamp` beats the current one; returns whether it changed.
    pub fn set(&mut self, field: &str, value: Value, stamp: Hlc, author: &str) -> bool {
        let new = Register { value, stamp, author: author.to_owned(), seal: None };
        match self.fields.get(field) {
            Some(old) if !wins(field, &new, old) => false,
            _ => {
                self.fields.insert(field.to_owned(), new);
                true
            }
        }
    }

    /// The field-wise join of two versions of one document. A version of another kind
    /// is refused (`self` is returned unchanged): a document's kind is fixed when it is
    /// created, and taking either kind would hide the record from its lists. Sync and
    /// storage refuse such a copy before it gets here and keep it for the quarantine.
    pub fn merge(mut self, other: Document) -> Document {
        if other.kind != self.kind {
            return self;
        }
        for (name, reg) in other.fields {
            let merged = match self.fields.remove(&name) {
                Some(mine) => max_by_merge(&name, mine, reg),
                None => reg,
            };
            self.fields.insert(name, merged);
        }
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub kind: String,
    /// The document the entry is about (the customer claimed, the participant checked in).
    pub subject: String,
    pub stamp: Hlc,
    pub author: String,
    pub body: Value,
    /// The author's signature on the entry ([`crate::record::seal`]); `None` on entries
    /// from before seals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Seal>,
}

impl Entry {
    fn canonical(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Which of two entries with one id a device keeps. Entries are immutable, so the
    /// same id with different content is a forgery or a bug (two finance people
    /// confirming one payment offline write one id); every path that stores an entry —
    /// [`Replica::merge`] and the record store's write — keeps the one with the greater
    /// canonical bytes, so devices agree whatever order the copies arrive in.
    pub fn merge(self, other: Entry) -> Entry {
        if self.canonical() >= other.canonical() {
            self
        } else {
            other
        }
    }
}

/// Everything a device knows: documents and entries by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replica {
    pub docs: BTreeMap<String, Document>,
    pub entries: BTreeMap<String, Entry>,
}

impl Replica {
    pub fn merge(mut self, other: Replica) -> Replica {
        for (id, doc) in other.docs {
            let merged = match self.docs.remove(&id) {
                Some(mine) => mine.merge(doc),
                None => doc,
            };
            self.docs.insert(id, merged);
        }
        for (id, entry) in other.entries {
            let kept = match self.entries.remove(&id) {
                Some(mine) => mine.merge(entry),
                None => entry,
            };
            self.entries.insert(id, kept);
        }
        self
    }

    /// The canonical bytes of this state: equal state, equal bytes.
    pub fn to_canonical_json(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Every stamp in the replica, for clock observation and skew checks.
    pub fn stamps(&self) -> impl Iterator<Item = &Hlc> {
        self.docs
            .values()
            .flat_map(|d| d.fields.values().map(|r| &r.stamp))
            .chain(self.entries.values().map(|e| &e.stamp))
    }
}
