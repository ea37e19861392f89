//! Merge is a join: commutative, associative, idempotent, and order-independent down to
//! the bytes. Cases come from `PROPTEST_CASES` (2000 in `scripts/test.sh`; the long run
//! `scripts/proptest-long.sh` uses 100 000).
#![cfg(not(target_arch = "wasm32"))]

use outpost::record::hlc::Hlc;
use outpost::record::replica::{Document, Entry, Register, Replica};
use proptest::prelude::*;
use serde_json::{json, Value};

// Small id, field and device spaces so random replicas collide and conflict often.
fn stamp() -> impl Strategy<Value = Hlc> {
    (0i64..6, 0u32..3, prop::sample::select(vec!["a", "b", "c"])).prop_map(|(wall_ms, counter, d)| Hlc {
        wall_ms,
        counter,
        device: d.into(),
    })
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (0i64..4).prop_map(|n| json!(n)),
        prop::sample::select(vec!["张三", "李四", "Acme"]).prop_map(|s| json!(s)),
    ]
}

fn register() -> impl Strategy<Value = Register> {
    (value(), stamp(), prop::sample::select(vec!["rep1", "rep2"])).prop_map(|(value, stamp, a)| Register {
        value,
        stamp,
        author: a.into(),
    })
}

fn document() -> impl Strategy<Value = Document> {
    (
        prop::sample::select(vec!["c1", "c2", "c3"]),
        prop::sample::select(vec!["customer", "contact"]),
        prop::collection::btree_map(
            prop::sample::select(vec!["name", "phone", "_deleted"]).prop_map(String::from),
            register(),
            0..3,
        ),
    )
        .prop_map(|(id, kind, fields)| Document { id: id.into(), kind: kind.into(), fields })
}

fn entry() -> impl Strategy<Value = Entry> {
    (prop::sample::select(vec!["e1", "e2", "e3", "e4"]), stamp(), value()).prop_map(|(id, stamp, body)| Entry {
        id: id.into(),
        kind: "claim".into(),
        subject: "c1".into(),
        stamp,
        author: "rep1".into(),
        body,
    })
}

fn replica() -> impl Strategy<Value = Replica> {
    (prop::collection::vec(document(), 0..4), prop::collection::vec(entry(), 0..4)).prop_map(|(docs, entries)| {
        let mut r = Replica::default();
        for d in docs {
            r = r.merge(Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() });
        }
        for e in entries {
            r = r.merge(Replica { docs: Default::default(), entries: [(e.id.clone(), e)].into() });
        }
        r
    })
}

proptest! {
    #[test]
    fn merge_is_commutative(a in replica(), b in replica()) {
        prop_assert_eq!(a.clone().merge(b.clone()), b.merge(a));
    }

    #[test]
    fn merge_is_associative(a in replica(), b in replica(), c in replica()) {
        prop_assert_eq!(a.clone().merge(b.clone()).merge(c.clone()), a.merge(b.merge(c)));
    }

    #[test]
    fn merge_is_idempotent(a in replica(), b in replica()) {
        let ab = a.clone().merge(b.clone());
        prop_assert_eq!(ab.clone().merge(a), ab.clone());
        prop_assert_eq!(ab.clone().merge(b), ab);
    }

    #[test]
    fn two_devices_that_saw_the_same_changes_in_any_order_hold_identical_bytes(
        (parts, shuffled) in prop::collection::vec(replica(), 1..6)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
    ) {
        let one = parts.into_iter().fold(Replica::default(), Replica::merge);
        let two = shuffled.into_iter().fold(Replica::default(), Replica::merge);
        prop_assert_eq!(one.to_canonical_json(), two.to_canonical_json());
    }

    #[test]
    fn a_field_holds_the_value_with_the_greatest_stamp(regs in prop::collection::vec(register(), 1..8)) {
        let mut doc = Document::new("c1", "customer");
        for r in &regs {
            doc.set("name", r.value.clone(), r.stamp.clone(), &r.author);
        }
        let max_stamp = regs.iter().map(|r| r.stamp.clone()).max().unwrap();
        prop_assert_eq!(&doc.fields["name"].stamp, &max_stamp);
    }
}

#[test]
fn a_later_delete_hides_the_document_and_a_later_undelete_brings_it_back() {
    let s = |w: i64, d: &str| Hlc { wall_ms: w, counter: 0, device: d.into() };
    let mut doc = Document::new("c1", "customer");
    doc.set("name", json!("张三"), s(1, "a"), "rep1");
    doc.set("_deleted", json!(true), s(2, "b"), "mgr");
    assert!(doc.is_deleted());
    doc.set("_deleted", json!(false), s(3, "a"), "rep1");
    assert!(!doc.is_deleted());
    assert_eq!(doc.get("name"), Some(&json!("张三")));
}

#[test]
fn an_older_write_arriving_late_does_not_overwrite_a_newer_one() {
    let s = |w: i64| Hlc { wall_ms: w, counter: 0, device: "a".into() };
    let mut doc = Document::new("c1", "customer");
    assert!(doc.set("phone", json!("138"), s(5), "rep1"));
    assert!(!doc.set("phone", json!("139"), s(4), "rep1"));
    assert_eq!(doc.get("phone"), Some(&json!("138")));
}
