//! The data core on real IndexedDB: multi-store transactions, the outbox surviving a
//! reload, and the atomicity of a failing batch.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{entry, set, stamp};
use outpost::record::hlc::Clock;
use outpost::storage::data::{apply_local, apply_remote, mark_pushed, outbox, replica, sync_state, unsynced_count};
use outpost::storage::idb::IdbStore;
use outpost::storage::schema::{self, StoreName};
use outpost::storage::{RecordStore, Write};
use outpost::sync::engine::SyncState;
use serde_json::json;

fn clk() -> Clock {
    Clock::new("a")
}
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique(name: &str) -> String {
    format!("outpost-test-{name}-{}", js_sys::Math::random().to_bits())
}

#[wasm_bindgen_test]
async fn the_change_log_survives_closing_and_reopening_the_database() {
    let name = unique("outbox");
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    apply_local(&db, &set("c1", "name", json!("张三"), stamp("a", 1)), &clk()).await.unwrap();
    apply_local(&db, &entry("claim-1", "c1", stamp("a", 2)), &clk()).await.unwrap();
    db.close();
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    assert_eq!(unsynced_count(&db).await.unwrap(), 2);
    let out = outbox(&db).await.unwrap();
    assert_eq!(out.docs["c1"].get("name"), Some(&json!("张三")));
    assert!(out.entries.contains_key("claim-1"));
    // The entry is indexed by its subject.
    let by_subject = db.get_all_by_index(StoreName::Entries, "by_subject", &json!("c1")).await.unwrap();
    assert_eq!(by_subject.len(), 1);
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn merge_push_and_pull_writes_behave_as_in_memory() {
    let name = unique("merge");
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    apply_local(&db, &set("c1", "phone", json!("138"), stamp("a", 5)), &clk()).await.unwrap();
    let sent = outbox(&db).await.unwrap();
    apply_local(&db, &set("c1", "phone", json!("137"), stamp("a", 7)), &clk()).await.unwrap();
    mark_pushed(&db, &sent, &SyncState { last_sync_ms: Some(1), ..Default::default() }, &clk()).await.unwrap();
    assert_eq!(unsynced_count(&db).await.unwrap(), 1, "the edit made during the push stays queued");

    let incoming =
        set("c1", "phone", json!("139"), stamp("b", 6)).merge(set("c2", "name", json!("李四"), stamp("b", 6)));
    let state = SyncState { last_sync_ms: Some(2), ..Default::default() };
    apply_remote(&db, &incoming, &state, &clk()).await.unwrap();
    let all = replica(&db).await.unwrap();
    assert_eq!(all.docs["c1"].get("phone"), Some(&json!("137")));
    assert_eq!(all.docs["c2"].get("name"), Some(&json!("李四")));
    assert_eq!(sync_state(&db).await.unwrap(), state);
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_batch_that_fails_half_way_leaves_indexeddb_untouched() {
    let name = unique("atomic");
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    db.put_all(StoreName::Docs, vec![("bad".into(), json!({"not": "a document"}))]).await.unwrap();
    let change = set("c1", "name", json!("x"), stamp("a", 1)).merge(set("bad", "name", json!("y"), stamp("a", 2)));
    assert!(apply_local(&db, &change, &clk()).await.is_err());
    assert_eq!(db.get(StoreName::Docs, "c1").await.unwrap(), None);
    assert_eq!(unsynced_count(&db).await.unwrap(), 0);
    // A plain batch across two stores lands whole.
    let n = db
        .write(vec![
            Write::Put(StoreName::Meta, "k".into(), json!(1)),
            Write::Put(StoreName::Settings, "k".into(), json!(2)),
        ])
        .await
        .unwrap();
    assert_eq!(n, 2);
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_version_2_database_with_settings_upgrades_to_the_data_core_stores() {
    let name = unique("v2");
    let v2 = IdbStore::open_named(&name, 2).await.unwrap();
    v2.put_all(StoreName::Settings, vec![("calendar".into(), json!({"utc_offset_minutes": 0}))]).await.unwrap();
    v2.close();
    let now = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    assert_eq!(now.get(StoreName::Settings, "calendar").await.unwrap(), Some(json!({"utc_offset_minutes": 0})));
    apply_local(&now, &set("c1", "name", json!("x"), stamp("a", 1)), &clk()).await.unwrap();
    assert_eq!(unsynced_count(&now).await.unwrap(), 1);
    now.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_large_merge_batch_gives_the_same_result_on_indexeddb_as_in_memory() {
    use outpost::storage::memory::MemoryStore;
    let name = unique("bulk");
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    let mem = MemoryStore::new();
    // 40 local customers, then a 30-record snapshot: 20 overlap (every other one newer).
    let mut local = outpost::record::replica::Replica::default();
    for i in 0..40 {
        local = local.merge(set(&format!("c{i:03}"), "name", json!(format!("local {i}")), stamp("a", 100 + i)));
    }
    let mut remote = outpost::record::replica::Replica::default();
    for i in 20..50 {
        let wall = if i % 2 == 0 { 1_000 } else { 1 };
        remote = remote.merge(set(&format!("c{i:03}"), "name", json!(format!("remote {i}")), stamp("b", wall)));
        remote = remote.merge(set(&format!("c{i:03}"), "phone", json!(format!("1380000{i:04}")), stamp("b", wall)));
    }
    apply_local(&db, &local, &clk()).await.unwrap();
    apply_local(&mem, &local, &clk()).await.unwrap();
    let n_db = apply_remote(&db, &remote, &SyncState::default(), &clk()).await.unwrap();
    let n_mem = apply_remote(&mem, &remote, &SyncState::default(), &clk()).await.unwrap();
    assert_eq!(n_db, n_mem);
    let (a, b) = (replica(&db).await.unwrap(), replica(&mem).await.unwrap());
    assert_eq!(a.to_canonical_json(), b.to_canonical_json());
    assert_eq!(a.docs.len(), 50);
    assert_eq!(a.docs["c020"].get("name"), Some(&json!("remote 20")), "newer remote wins");
    assert_eq!(a.docs["c021"].get("name"), Some(&json!("local 21")), "older remote loses");
    // Clearing a large pushed outbox uses the same path.
    let sent = outbox(&db).await.unwrap();
    mark_pushed(&db, &sent, &SyncState::default(), &clk()).await.unwrap();
    assert_eq!(unsynced_count(&db).await.unwrap(), 0);
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

/// Lists read only the kinds they fold (customer facts, not the activities, orders or
/// event ledgers stored beside them): a prefix read over the entries' `by_kind` index
/// returns exactly the entries the in-memory store's filter returns.
#[wasm_bindgen_test]
async fn entries_by_kind_and_kind_prefix_match_the_in_memory_filter() {
    use outpost::record::replica::{Entry, Replica};
    use outpost::storage::memory::MemoryStore;
    let name = unique("kinds");
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    let mem = MemoryStore::default();
    let kinds = [
        "pool.claim",
        "pool.release",
        "pool",
        "poolx.claim",
        "payment.confirmed",
        "payment.recorded",
        "activity.visit",
        "contact.logged",
    ];
    let mut r = Replica::default();
    for (i, k) in kinds.iter().enumerate() {
        let e = Entry {
            id: format!("e{i}"),
            kind: (*k).into(),
            subject: "c1".into(),
            stamp: stamp("a", i as i64 + 1),
            author: "rep-1".into(),
            body: json!({}),
            seal: None,
        };
        r.entries.insert(e.id.clone(), e);
    }
    apply_local(&db, &r, &clk()).await.unwrap();
    apply_local(&mem, &r, &clk()).await.unwrap();
    for prefix in ["pool.", "payment.confirmed", "contact.logged", "activity.", "nothing"] {
        let mut a: Vec<String> =
            db.entries_with_kind_prefix(prefix).await.unwrap().into_iter().map(|e| e.kind).collect();
        let mut b: Vec<String> =
            mem.entries_with_kind_prefix(prefix).await.unwrap().into_iter().map(|e| e.kind).collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "prefix {prefix}");
    }
    for kind in ["pool.claim", "pool", "activity.visit", "nothing"] {
        let a: Vec<String> = db.entries_of_kind(kind).await.unwrap().into_iter().map(|e| e.id).collect();
        let b: Vec<String> = mem.entries_of_kind(kind).await.unwrap().into_iter().map(|e| e.id).collect();
        assert_eq!(a, b, "kind {kind}");
    }
    let pool: Vec<String> = db.entries_with_kind_prefix("pool.").await.unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(pool.len(), 2, "pool.claim and pool.release, not pool or poolx.claim: {pool:?}");
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

/// The same entry id with other content (two finance people confirming one payment
/// offline) arrives on two IndexedDB stores in opposite orders: both keep the same copy,
/// the one `Replica::merge` keeps.
#[wasm_bindgen_test]
async fn two_idb_stores_that_received_one_entry_id_in_opposite_orders_keep_the_same_copy() {
    let mut first = entry("pay-confirm-p1", "c1", stamp("tab-a", 10));
    let mut second = entry("pay-confirm-p1", "c1", stamp("tab-b", 10));
    for (r, who) in [(&mut first, "fin-1"), (&mut second, "fin-2")] {
        r.entries.values_mut().for_each(|e| e.author = who.into());
    }
    let merged = first.clone().merge(second.clone());
    let mut kept = Vec::new();
    for (i, order) in [[&first, &second], [&second, &first]].into_iter().enumerate() {
        let name = unique(&format!("entry-order-{i}"));
        let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
        apply_local(&db, order[0], &clk()).await.unwrap();
        apply_remote(&db, order[1], &SyncState::default(), &clk()).await.unwrap();
        kept.push(replica(&db).await.unwrap());
        db.close();
        IdbStore::delete_database(&name).await.unwrap();
    }
    assert_eq!(kept[0], kept[1]);
    assert_eq!(kept[0].entries, merged.entries);
}

/// Issue 14 item 9: a document stored as one kind arriving as another is refused by the
/// real IndexedDB store exactly as by the memory store, and the rest of the batch lands.
#[wasm_bindgen_test]
async fn a_document_arriving_as_another_kind_is_refused_by_indexeddb_and_the_rest_lands() {
    let name = unique("kind");
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    let mem = outpost::storage::memory::MemoryStore::new();
    let first = set("c1", "name", json!("Zhang San Hardware"), stamp("a", 1));
    let mut note = outpost::record::replica::Document::new("c1", "note");
    note.set("name", json!("hidden"), stamp("b", 2), "rep-2");
    let mut later = set("c2", "name", json!("Li Si Trading"), stamp("b", 3));
    later.docs.insert("c1".into(), note);
    apply_remote(&db, &first, &SyncState::default(), &clk()).await.unwrap();
    apply_remote(&mem, &first, &SyncState::default(), &clk()).await.unwrap();
    let on_db = apply_remote(&db, &later, &SyncState::default(), &clk()).await.unwrap();
    let on_mem = apply_remote(&mem, &later, &SyncState::default(), &clk()).await.unwrap();
    assert_eq!(on_db, on_mem);
    assert_eq!(on_db.refused_docs, vec!["c1".to_string()]);
    assert_eq!(on_db.changed, 1, "c2 landed");
    let r = replica(&db).await.unwrap();
    assert_eq!(
        (r.docs["c1"].kind.as_str(), r.docs["c1"].get("name")),
        ("customer", Some(&json!("Zhang San Hardware")))
    );
    assert_eq!(r.to_canonical_json(), replica(&mem).await.unwrap().to_canonical_json());
    db.close();
}
