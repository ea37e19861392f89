//! Merge is a join: commutative, associative, idempotent, and order-independent down to
//! the bytes. Cases come from `PROPTEST_CASES` (2000 in `scripts/test.sh`; the long run
//! `scripts/proptest-long.sh` uses 100 000).
#![cfg(not(target_arch = "wasm32"))]

use outpost::record::hlc::{Clock, Hlc};
use outpost::record::replica::{Document, Entry, Register, Replica};
use outpost::record::seal::Seal;
use outpost::storage::data::{apply_import, apply_local};
use outpost::storage::memory::MemoryStore;
use outpost::storage::schema::StoreName;
use outpost::storage::RecordStore;
use pollster::block_on;
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

/// No seal, or one of two (the merge must order registers that differ only in their
/// seal, which only a forged or re-signed copy produces).
fn seal() -> impl Strategy<Value = Option<Seal>> {
    prop::option::of(prop::sample::select(vec!["s1", "s2"]).prop_map(|s| Seal { key: "k".into(), sig: s.into() }))
}

fn register() -> impl Strategy<Value = Register> {
    (value(), stamp(), prop::sample::select(vec!["rep1", "rep2"]), seal())
        .prop_map(|(value, stamp, a, seal)| Register { value, stamp, author: a.into(), seal })
}

fn document() -> impl Strategy<Value = Document> {
    (
        // One kind per id, as the app creates them (a changed kind is refused, see below).
        prop::sample::select(vec![("c1", "customer"), ("c2", "customer"), ("c3", "contact")]),
        prop::collection::btree_map(
            prop::sample::select(vec!["name", "phone", "_deleted"]).prop_map(String::from),
            register(),
            0..3,
        ),
    )
        .prop_map(|((id, kind), fields)| Document { id: id.into(), kind: kind.into(), fields })
}

fn entry() -> impl Strategy<Value = Entry> {
    (prop::sample::select(vec!["e1", "e2", "e3", "e4"]), stamp(), value()).prop_map(|(id, stamp, body)| Entry {
        id: id.into(),
        kind: "claim".into(),
        subject: "c1".into(),
        stamp,
        author: "rep1".into(),
        body,
        seal: None,
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

/// What a store holds, as a replica: every document and entry it keeps.
fn stored(store: &MemoryStore) -> Replica {
    let docs: Vec<Document> = block_on(store.get_all_as(StoreName::Docs)).unwrap();
    let entries: Vec<Entry> = block_on(store.get_all_as(StoreName::Entries)).unwrap();
    Replica {
        docs: docs.into_iter().map(|d| (d.id.clone(), d)).collect(),
        entries: entries.into_iter().map(|e| (e.id.clone(), e)).collect(),
    }
}

/// Writes each part into a fresh store the way a device does: the first as its own
/// edit, the rest as pulls.
fn through_store(parts: &[Replica]) -> Replica {
    let store = MemoryStore::new();
    let clock = Clock::new("device");
    for (i, p) in parts.iter().enumerate() {
        if i == 0 {
            block_on(apply_local(&store, p, &clock)).unwrap();
        } else {
            block_on(apply_import(&store, p, &clock)).unwrap();
        }
    }
    stored(&store)
}

proptest! {
    /// The store keeps what the merge keeps: one rule in every path, so a device that
    /// received copies in another order — or the same entry id with other content —
    /// holds the same records as its peers.
    #[test]
    fn a_store_fed_in_any_order_holds_exactly_the_merge(
        (parts, shuffled) in prop::collection::vec(replica(), 1..6)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
    ) {
        let merged = parts.iter().cloned().fold(Replica::default(), Replica::merge);
        prop_assert_eq!(through_store(&parts).to_canonical_json(), merged.to_canonical_json());
        prop_assert_eq!(through_store(&shuffled).to_canonical_json(), merged.to_canonical_json());
    }

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

/// Two finance people confirm one payment offline: both write the entry id the payment
/// derives, with their own name and stamp. Each tablet then receives the other's copy;
/// both must keep the same one (before, each store kept the copy it had first).
#[test]
fn two_stores_that_received_one_entry_id_in_opposite_orders_keep_the_same_copy() {
    let copy = |author: &str, device: &str| Entry {
        id: "pay-confirm-p1".into(),
        kind: "payment.confirmed".into(),
        subject: "c1".into(),
        stamp: Hlc { wall_ms: 10, counter: 0, device: device.into() },
        author: author.into(),
        body: json!({ "amount_fen": 100_00 }),
        seal: None,
    };
    let one = |e: Entry| Replica { docs: Default::default(), entries: [(e.id.clone(), e)].into() };
    let (a, b) = (one(copy("fin-1", "tab-a")), one(copy("fin-2", "tab-b")));
    let on_a = through_store(&[a.clone(), b.clone()]);
    let on_b = through_store(&[b, a]);
    assert_eq!(on_a, on_b);
    assert_eq!(on_a.entries.len(), 1);
}
