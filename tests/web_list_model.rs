//! The customer list's persisted read model in a real IndexedDB (issue 17): the data
//! version is bumped in the very transaction that writes the records, a pull or a local
//! edit leaves the snapshot stale (caught up from the change log written in the same
//! transaction), and after a reopen the list read from the snapshot is exactly the full
//! read.
#![cfg(target_arch = "wasm32")]

use outpost::domain::customer::{Contact, CustomerFile};
use outpost::domain::customer_list::CustomerRecord;
use outpost::domain::pool::FactKind;
use outpost::record::hlc::Clock;
use outpost::record::replica::{Document, Replica};
use outpost::storage::change_log::{keys_since, CHANGE_LOG_KEY};
use outpost::storage::customers::{contact_change, customer_change, fact_entry, join, load_customers, Author};
use outpost::storage::data::{apply_local, apply_remote, replica};
use outpost::storage::idb::IdbStore;
use outpost::storage::list_model::{data_version, load_customers_cached, Read};
use outpost::storage::schema::{self, StoreName};
use outpost::storage::{get_typed, put_typed, RecordStore, Write};
use outpost::sync::engine::SyncState;
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const T: i64 = 1_780_000_000_000;

fn unique(name: &str) -> String {
    format!("outpost-test-{name}-{}", js_sys::Math::random().to_bits())
}

/// `n` customers from `device`, each with a contact and a first-contact fact.
fn customers(device: &str, from: usize, n: usize) -> (Replica, Clock) {
    let mut clock = Clock::new(device);
    let mut by = Author { profile: "li", clock: &mut clock, now_ms: T };
    let mut parts = Vec::new();
    for i in from..from + n {
        let id = format!("c{i:04}");
        let file = CustomerFile {
            name: format!("福州{i}五金有限公司"), region: "福州".into(), ..Default::default()
        };
        let contact = Contact { name: format!("张{i}"), phone: format!("139{i:08}"), ..Default::default() };
        parts.extend(customer_change(&id, None, &file, &mut by));
        parts.extend(contact_change(&id, &format!("{id}-k"), None, &contact, &mut by));
        parts.extend(fact_entry(&format!("{id}-f"), &id, &FactKind::FirstContact { rep: "li".into() }, &mut by).ok());
    }
    (join(parts), clock)
}

/// What a full read lists, in list order (name, then id) as the snapshot keeps it.
async fn listed(db: &IdbStore) -> Vec<CustomerRecord> {
    let mut recs = load_customers(db).await.unwrap();
    recs.sort_by(|a, b| a.file.name.cmp(&b.file.name).then_with(|| a.id.cmp(&b.id)));
    recs
}

#[wasm_bindgen_test]
async fn the_data_version_is_bumped_in_the_same_transaction_as_the_records() {
    let name = unique("version-tx");
    let db = IdbStore::open_named(&name, schema::VERSION).await.expect("open");
    assert_eq!(data_version(&db).await.unwrap(), 0);
    let (change, clock) = customers("tab-li", 0, 3);
    apply_local(&db, &change, &clock).await.unwrap();
    assert_eq!(data_version(&db).await.unwrap(), 1, "one transaction, one bump");

    // A batch that fails half-way (a stored value that is no document cannot be merged
    // into) rolls back: neither its first document nor the bump lands.
    db.write(vec![Write::Put(StoreName::Docs, "zz-bad".into(), json!(42))]).await.unwrap();
    assert_eq!(data_version(&db).await.unwrap(), 2);
    let mut doc = Document::new("c0100", "customer");
    doc.set("name", json!("never stored"), Clock::new("tab-li").tick(T), "li");
    let bad = Document::new("zz-bad", "customer");
    let failed = db
        .write(vec![
            Write::MergeDoc(StoreName::Docs, "c0100".into(), doc),
            Write::MergeDoc(StoreName::Docs, "zz-bad".into(), bad),
        ])
        .await;
    assert!(failed.is_err());
    assert_eq!(db.get(StoreName::Docs, "c0100").await.unwrap(), None);
    assert_eq!(data_version(&db).await.unwrap(), 2, "rolled back with the records");
    let log = db.get(StoreName::Views, CHANGE_LOG_KEY).await.unwrap();
    assert_eq!(keys_since(log.as_ref(), 1, 2).unwrap(), ["d:zz-bad"], "the change log too");
    let first = keys_since(log.as_ref(), 0, 1).unwrap();
    assert_eq!(first.len(), 9, "three customers, their contacts and facts: {first:?}");

    // Writes outside the records leave it.
    put_typed(&db, StoreName::Settings, "lang", &"en").await.unwrap();
    assert_eq!(data_version(&db).await.unwrap(), 2);
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn after_a_reopen_the_list_comes_from_the_snapshot_and_equals_a_full_read() {
    let name = unique("snapshot-reopen");
    let db = IdbStore::open_named(&name, schema::VERSION).await.expect("open");
    let (change, clock) = customers("tab-li", 0, 300);
    apply_local(&db, &change, &clock).await.unwrap();
    let (first, read) = load_customers_cached(&db, "b1").await.unwrap();
    assert_eq!(read, Read::Records);
    db.close();

    let db = IdbStore::open_named(&name, schema::VERSION).await.expect("reopen");
    let (again, read) = load_customers_cached(&db, "b1").await.unwrap();
    assert_eq!(read, Read::Snapshot);
    let full = listed(&db).await;
    assert_eq!(full.len(), 300);
    assert_eq!(again, full);
    assert_eq!(first, full);
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_pull_and_a_local_edit_each_leave_the_snapshot_stale() {
    let name = unique("snapshot-stale");
    let db = IdbStore::open_named(&name, schema::VERSION).await.expect("open");
    let (change, mut clock) = customers("tab-li", 0, 20);
    apply_local(&db, &change, &clock).await.unwrap();
    assert_eq!(load_customers_cached(&db, "b1").await.unwrap().1, Read::Records);
    assert_eq!(load_customers_cached(&db, "b1").await.unwrap().1, Read::Snapshot);

    // A pull brings a customer entered on another tablet.
    let (incoming, other) = customers("tab-zhao", 500, 1);
    apply_remote(&db, &incoming, &SyncState::default(), &other).await.unwrap();
    let (recs, read) = load_customers_cached(&db, "b1").await.unwrap();
    assert_eq!(read, Read::CaughtUp, "the pulled customer alone is read, from the change log");
    assert!(recs.iter().any(|r| r.id == "c0500"));
    assert_eq!(recs, listed(&db).await);

    // A local edit renames one.
    let old = CustomerFile { name: "福州3五金有限公司".into(), region: "福州".into(), ..Default::default() };
    let new = CustomerFile { name: "厦门新名字".into(), ..old.clone() };
    let edit =
        customer_change("c0003", Some(&old), &new, &mut Author { profile: "li", clock: &mut clock, now_ms: T + 9 })
            .expect("renamed");
    apply_local(&db, &edit, &clock).await.unwrap();
    let (recs, read) = load_customers_cached(&db, "b1").await.unwrap();
    assert_eq!(read, Read::CaughtUp);
    assert!(recs.iter().any(|r| r.file.name == "厦门新名字"));
    assert_eq!(recs, listed(&db).await);
    assert_eq!(load_customers_cached(&db, "b1").await.unwrap(), (recs, Read::Snapshot));
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn opening_a_version_5_database_adds_the_views_store_and_keeps_every_record() {
    let name = unique("upgrade-v5");
    let v5 = IdbStore::open_named(&name, 5).await.expect("open v5");
    assert!(!v5.store_names().contains(&"views".to_owned()));
    let (change, clock) = customers("tab-li", 0, 5);
    apply_local(&v5, &change, &clock).await.unwrap();
    put_typed(&v5, StoreName::Meta, "device_id", &"tab-li").await.unwrap();
    let before = replica(&v5).await.unwrap();
    let before_list = listed(&v5).await;
    v5.close();

    let now = IdbStore::open_named(&name, schema::VERSION).await.expect("upgrade");
    assert_eq!(now.version(), schema::VERSION);
    assert!(now.store_names().contains(&"views".to_owned()));
    assert_eq!(replica(&now).await.unwrap(), before);
    assert_eq!(get_typed::<_, String>(&now, StoreName::Meta, "device_id").await.unwrap().as_deref(), Some("tab-li"));
    assert_eq!(data_version(&now).await.unwrap(), 0, "no write since the upgrade");
    assert_eq!(load_customers_cached(&now, "b1").await.unwrap(), (before_list.clone(), Read::Records));
    assert_eq!(load_customers_cached(&now, "b1").await.unwrap(), (before_list, Read::Snapshot));
    now.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_entries_about_one_customer_come_from_the_subject_index_in_id_order() {
    let name = unique("by-subject");
    let db = IdbStore::open_named(&name, schema::VERSION).await.expect("open");
    let (change, mut clock) = customers("tab-li", 0, 30);
    apply_local(&db, &change, &clock).await.unwrap();
    let mut by = Author { profile: "li", clock: &mut clock, now_ms: T + 5 };
    let more = join(
        ["c0007-z", "c0007-a"]
            .map(|id| fact_entry(id, "c0007", &FactKind::Claim { rep: "li".into() }, &mut by).expect("a fact")),
    );
    apply_local(&db, &more, &clock).await.unwrap();
    let got: Vec<String> = db.entries_of_subject("c0007").await.unwrap().into_iter().map(|e| e.id).collect();
    assert_eq!(got, ["c0007-a", "c0007-f", "c0007-z"]);
    assert!(db.entries_of_subject("nobody").await.unwrap().is_empty());
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}
