//! Builders shared by the native and browser data-core tests.
#![allow(dead_code)]

use outpost::record::hlc::Hlc;
use outpost::record::replica::{Document, Entry, Replica};
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
