//! Builders shared by the native and browser data-core tests.
#![allow(dead_code)]

use outpost::record::hlc::{Clock, Hlc};
use outpost::record::replica::{Document, Entry, Replica};
use outpost::storage::customers::Author;
use serde_json::Value;

pub fn stamp(device: &str, wall_ms: i64) -> Hlc {
    Hlc { wall_ms, counter: 0, device: device.into() }
}

/// A one-field change to a customer document.
pub fn set(doc: &str, field: &str, value: Value, at: Hlc) -> Replica {
    let mut d = Document::new(doc, "customer");
    d.set(field, value, at, "rep-1");
    Replica { docs: [(doc.to_owned(), d)].into(), entries: Default::default() }
}

pub fn entry(id: &str, subject: &str, at: Hlc) -> Replica {
    let e = Entry {
        id: id.into(),
        kind: "claim".into(),
        subject: subject.into(),
        stamp: at,
        author: "rep-1".into(),
        body: Value::Null,
    };
    Replica { docs: Default::default(), entries: [(id.to_owned(), e)].into() }
}

/// One tablet in a test: a profile writing with the device's clock, so two tablets'
/// changes carry distinct, ordered stamps as they would in the field.
pub struct Tablet {
    pub profile: &'static str,
    pub clock: Clock,
}

impl Tablet {
    pub fn new(profile: &'static str, device: &str) -> Self {
        Self { profile, clock: Clock::new(device) }
    }

    /// The author of a change made on this tablet at `now_ms`.
    pub fn at(&mut self, now_ms: i64) -> Author<'_> {
        Author { profile: self.profile, clock: &mut self.clock, now_ms }
    }

    /// Takes in another tablet's stamps, as a sync does.
    pub fn observe(&mut self, r: &Replica, now_ms: i64) {
        for s in r.stamps() {
            self.clock.observe(s, now_ms);
        }
    }
}

/// A document of `kind` holding `fields`, each written by `rep-1` at `wall_ms` 1, 2, 3…
/// (for decoding tests: what a tablet, a newer build or a damaged file left stored).
pub fn doc_of(id: &str, kind: &str, fields: &[(&str, Value)]) -> Document {
    let mut d = Document::new(id, kind);
    for (i, (k, v)) in fields.iter().enumerate() {
        d.set(k, v.clone(), stamp("tab-1", i as i64 + 1), "rep-1");
    }
    d
}

/// An entry of `kind` about `subject` with `body`, stamped by `tab-1` at `wall_ms`.
pub fn entry_of(id: &str, kind: &str, subject: &str, body: Value, wall_ms: i64) -> Entry {
    Entry {
        id: id.into(),
        kind: kind.into(),
        subject: subject.into(),
        stamp: stamp("tab-1", wall_ms),
        author: "rep-1".into(),
        body,
    }
}

/// A document holding every field a codec encodes, as a fresh record would store them
/// (the round-trip half of the codec tests).
pub fn doc_from_fields(id: &str, kind: &str, fields: Vec<(&'static str, Value)>) -> Document {
    let fields: Vec<(&str, Value)> = fields.into_iter().collect();
    doc_of(id, kind, &fields)
}
