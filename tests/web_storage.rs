//! Browser tests for the IndexedDB store, in headless Chromium with a real IndexedDB.
#![cfg(target_arch = "wasm32")]

use outpost::domain::profile::{Profile, Role};
use outpost::storage::idb::IdbStore;
use outpost::storage::schema::{self, StoreName};
use outpost::storage::{get_all_typed, get_typed, put_typed, RecordStore};
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique(name: &str) -> String {
    format!("outpost-test-{name}-{}", js_sys::Math::random().to_bits())
}

fn profile(id: &str, name: &str, role: Role, created_ms: i64) -> Profile {
    Profile { id: id.into(), name: name.into(), role, created_ms }
}

#[wasm_bindgen_test]
async fn a_new_database_is_created_at_the_current_version_with_every_store() {
    let name = unique("fresh");
    let db = IdbStore::open_named(&name, schema::VERSION).await.expect("open");
    assert_eq!(db.version(), schema::VERSION);
    let mut want: Vec<String> = StoreName::ALL.iter().map(|s| s.as_str().to_owned()).collect();
    want.sort();
    assert_eq!(db.store_names(), want);
    db.close();
    IdbStore::delete_database(&name).await.expect("delete");
}

#[wasm_bindgen_test]
async fn records_written_in_one_batch_are_read_back_and_deleted() {
    let name = unique("rw");
    let db = IdbStore::open_named(&name, schema::VERSION).await.expect("open");
    let rows =
        vec![("b".to_owned(), json!({"n": 2, "name": "李四"})), ("a".to_owned(), json!({"n": 1, "name": "张三"}))];
    db.put_all(StoreName::Settings, rows).await.expect("put_all");
    assert_eq!(db.get(StoreName::Settings, "a").await.unwrap(), Some(json!({"n": 1, "name": "张三"})));
    let all = db.get_all(StoreName::Settings).await.unwrap();
    assert_eq!(all, vec![json!({"n": 1, "name": "张三"}), json!({"n": 2, "name": "李四"})], "key order");
    db.delete(StoreName::Settings, "a").await.unwrap();
    assert_eq!(db.get(StoreName::Settings, "a").await.unwrap(), None);
    assert_eq!(db.get_all(StoreName::Settings).await.unwrap().len(), 1);
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn records_survive_closing_and_reopening_the_database() {
    let name = unique("reopen");
    let db = IdbStore::open_named(&name, schema::VERSION).await.expect("open");
    let rows = vec![("x".to_owned(), json!(1)), ("y".to_owned(), json!(2))];
    db.put_all(StoreName::Meta, rows).await.unwrap();
    db.close();
    let db = IdbStore::open_named(&name, schema::VERSION).await.expect("reopen");
    assert_eq!(db.get_all(StoreName::Meta).await.unwrap(), vec![json!(1), json!(2)]);
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn opening_a_version_1_database_upgrades_it_and_keeps_its_profiles() {
    let name = unique("upgrade");
    // A database exactly as the first release left it: profiles only.
    let v1 = IdbStore::open_named(&name, 1).await.expect("open v1");
    assert_eq!(v1.version(), 1);
    assert_eq!(v1.store_names(), vec!["profiles".to_owned()]);
    let zhang = profile("p1", "张三", Role::Rep, 10);
    let wang = profile("p2", "王经理", Role::Manager, 20);
    put_typed(&v1, StoreName::Profiles, &zhang.id, &zhang).await.unwrap();
    put_typed(&v1, StoreName::Profiles, &wang.id, &wang).await.unwrap();
    v1.close();

    let now = IdbStore::open_named(&name, schema::VERSION).await.expect("upgrade");
    assert_eq!(now.version(), schema::VERSION);
    assert!(now.store_names().contains(&"settings".to_owned()));
    let kept: Vec<Profile> = get_all_typed(&now, StoreName::Profiles).await.unwrap();
    assert_eq!(kept, vec![zhang.clone(), wang]);
    // The index created in step 1 still answers after the upgrade.
    let by_created = now.get_all_by_index(StoreName::Profiles, "by_created", &json!(10)).await.unwrap();
    assert_eq!(by_created.len(), 1);
    assert_eq!(by_created[0]["name"], "张三");
    // Stores added by step 2 take writes.
    put_typed(&now, StoreName::Settings, "k", &"v").await.unwrap();
    assert_eq!(get_typed::<_, String>(&now, StoreName::Settings, "k").await.unwrap().as_deref(), Some("v"));
    now.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_record_that_no_longer_fits_its_type_is_an_error_not_a_silent_drop() {
    let name = unique("decode");
    let db = IdbStore::open_named(&name, schema::VERSION).await.expect("open");
    db.put_all(StoreName::Profiles, vec![("bad".into(), json!({"id": "bad", "name": 3}))]).await.unwrap();
    let read: Result<Vec<Profile>, _> = get_all_typed(&db, StoreName::Profiles).await;
    assert!(matches!(read, Err(outpost::storage::StorageError::Decode(_))), "{read:?}");
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

/// Builds before the compact record format kept docs as plain objects; a tablet that
/// still holds such records must read them, through the same `by_kind` index too.
#[wasm_bindgen_test]
async fn a_document_stored_as_a_plain_object_by_an_older_build_is_still_read() {
    use indexed_db_futures::database::Database;
    use indexed_db_futures::prelude::*;
    use indexed_db_futures::transaction::TransactionMode;

    let name = unique("plain");
    let db = IdbStore::open_named(&name, schema::VERSION).await.expect("open");
    db.close();

    let raw = Database::open(name.as_str()).await.expect("raw open");
    let tx = raw.transaction("docs").with_mode(TransactionMode::Readwrite).build().unwrap();
    let store = tx.object_store("docs").unwrap();
    let old = json!({"id": "c1", "kind": "customer", "fields": {"name": "张三贸易"}});
    let js = serde::Serialize::serialize(&old, &serde_wasm_bindgen::Serializer::json_compatible()).unwrap();
    store.put(js).with_key("c1".to_string()).primitive().unwrap().await.unwrap();
    tx.commit().await.unwrap();
    raw.close();

    let db = IdbStore::open_named(&name, schema::VERSION).await.expect("reopen");
    assert_eq!(db.get(StoreName::Docs, "c1").await.unwrap(), Some(old.clone()));
    let by_kind = db.get_all_by_index(StoreName::Docs, "by_kind", &json!("customer")).await.unwrap();
    assert_eq!(by_kind, vec![old]);
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

/// A tablet running the data-core release (schema 3) with customers, an outbox and sync
/// state: opening it with this build adds the blob store and loses nothing.
#[wasm_bindgen_test]
async fn opening_a_version_3_database_adds_the_blob_store_and_keeps_every_record() {
    use outpost::record::hlc::Clock;
    use outpost::record::replica::{Document, Replica};
    use outpost::storage::attachments::{attachment_change, load_attachments, Label, NewAttachment};
    use outpost::storage::blobs;
    use outpost::storage::customers::Author;
    use outpost::storage::data::{apply_local, outbox, replica};

    let name = unique("upgrade-v3");
    let v3 = IdbStore::open_named(&name, 3).await.expect("open v3");
    assert!(!v3.store_names().contains(&"blobs".to_owned()));
    let mut clock = Clock::new("dev-a");
    let mut doc = Document::new("c1", "customer");
    doc.set("name", json!("张三五金有限公司"), clock.tick(1_000), "rep-1");
    let change = Replica { docs: [("c1".to_owned(), doc)].into(), entries: Default::default() };
    apply_local(&v3, &change, &clock).await.unwrap();
    put_typed(&v3, StoreName::Meta, "device_id", &"dev-a").await.unwrap();
    let before = replica(&v3).await.unwrap();
    v3.close();

    let now = IdbStore::open_named(&name, schema::VERSION).await.expect("upgrade");
    assert_eq!(now.version(), schema::VERSION);
    assert!(now.store_names().contains(&"blobs".to_owned()));
    assert_eq!(replica(&now).await.unwrap(), before);
    assert_eq!(outbox(&now).await.unwrap().docs.len(), 1, "the unsynced change still waits");
    assert_eq!(get_typed::<_, String>(&now, StoreName::Meta, "device_id").await.unwrap().as_deref(), Some("dev-a"));

    // The new store takes a photo, and its document is found through the kind index.
    let bytes: Vec<u8> = (0..=255u8).cycle().take(300_000).collect();
    let hash = blobs::put(&now, &bytes).await.unwrap();
    assert!(blobs::has(&now, &hash).await.unwrap());
    assert_eq!(blobs::get(&now, &hash).await.unwrap(), Some(bytes.clone()));
    let new = NewAttachment {
        customer: "c1",
        hash: &hash,
        mime: "image/jpeg",
        label: Label::Licence,
        origin: "dev-a",
        bytes: bytes.len() as u64,
    };
    let photo = attachment_change("att-1", &new, &mut Author { profile: "rep-1", clock: &mut clock, now_ms: 2_000 });
    apply_local(&now, &photo, &clock).await.unwrap();
    let list = load_attachments(&now, "c1").await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].hash, hash);
    assert_eq!(now.keys(StoreName::Blobs).await.unwrap(), vec![hash]);
    now.close();
    IdbStore::delete_database(&name).await.unwrap();
}
