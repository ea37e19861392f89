//! The team key and host password at rest on real IndexedDB: stored wrapped under the
//! device secret (a non-extractable WebCrypto key in the `secrets` store), read back
//! intact, and a team stored in the plain form of older builds wrapped on first read.
#![cfg(target_arch = "wasm32")]

use outpost::storage::device_secret::{DeviceSecret, DEVICE_SECRET_KEY};
use outpost::storage::idb::IdbStore;
use outpost::storage::schema::{self, StoreName};
use outpost::storage::team::{save_team, team, Team};
use outpost::storage::{RecordStore, StorageError, Write};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "hQx2Gk0pY3t9nB7vR1mL5sW8cE4aJ6dF0iU2oZ9yT3k";
const PASSWORD: &str = "host-pa55-风筝";

fn unique(name: &str) -> String {
    format!("outpost-test-{name}-{}", js_sys::Math::random().to_bits())
}

fn kite_team() -> Team {
    Team {
        host_url: "https://files.example/outpost/".into(),
        key: KEY.into(),
        inviter: Some("dev-inviter".into()),
        user: Some("outpost".into()),
        password: Some(PASSWORD.into()),
        s3: None,
    }
}

/// The raw `meta/team` record as IndexedDB holds it, as text.
async fn stored_text(db: &IdbStore) -> String {
    db.get(StoreName::Meta, "team").await.unwrap().expect("a stored team").to_string()
}

#[wasm_bindgen_test]
async fn the_stored_team_holds_neither_key_nor_password_and_reads_back_whole() {
    let name = unique("at-rest");
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    save_team(&db, &kite_team(), "dev-a").await.unwrap();
    let text = stored_text(&db).await;
    assert!(!text.contains(KEY), "the team key is stored in the clear: {text}");
    assert!(!text.contains("host-pa55"), "the host password is stored in the clear: {text}");
    assert!(text.contains("files.example"), "the host stays readable: {text}");
    assert_eq!(team(&db).await.unwrap(), Some(kite_team()));
    db.close();
    // Across a reopen (a reload): the same device secret opens it.
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    assert_eq!(team(&db).await.unwrap(), Some(kite_team()));
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_device_secret_is_a_non_extractable_crypto_key_stored_as_such() {
    let name = unique("secret");
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    let w = db.wrap(b"signing key bytes").await.unwrap();
    assert_eq!(db.unwrap(&w).await.unwrap(), b"signing key bytes");
    let raw = read_secret(&name).await;
    let key: web_sys::CryptoKey = raw.dyn_into().expect("the stored secret is a CryptoKey");
    assert!(!key.extractable());
    assert_eq!(key.type_(), "secret");
    // Another device (database) has another secret and cannot open the value.
    let other_name = unique("secret-other");
    let other = IdbStore::open_named(&other_name, schema::VERSION).await.unwrap();
    other.wrap(b"x").await.unwrap();
    assert!(matches!(other.unwrap(&w).await, Err(StorageError::Secret(_))));
    // An altered value is refused, not misread.
    let mut altered = w.clone();
    altered.ct.replace_range(0..2, if altered.ct.starts_with("AA") { "BB" } else { "AA" });
    assert!(matches!(db.unwrap(&altered).await, Err(StorageError::Secret(_))));
    db.close();
    other.close();
    IdbStore::delete_database(&name).await.unwrap();
    IdbStore::delete_database(&other_name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_team_stored_in_the_plain_form_of_older_builds_is_wrapped_on_first_read() {
    let name = unique("migrate");
    // A version-4 database as the previous release left it, the team in plain JSON.
    let v4 = IdbStore::open_named(&name, 4).await.unwrap();
    let plain = serde_json::to_value(kite_team()).unwrap();
    v4.write(vec![Write::Put(StoreName::Meta, "team".into(), plain)]).await.unwrap();
    assert!(stored_text(&v4).await.contains(KEY));
    v4.close();

    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    assert!(db.store_names().contains(&"secrets".to_owned()));
    assert_eq!(team(&db).await.unwrap(), Some(kite_team()));
    let text = stored_text(&db).await;
    assert!(!text.contains(KEY), "still plain after the first read: {text}");
    assert!(!text.contains("host-pa55"), "still plain after the first read: {text}");
    assert_eq!(team(&db).await.unwrap(), Some(kite_team()));
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

/// The value under the device secret's key, read past the store's JSON codec.
async fn read_secret(name: &str) -> wasm_bindgen::JsValue {
    use indexed_db_futures::prelude::*;
    let db = indexed_db_futures::database::Database::open(name).await.unwrap();
    let tx = db.transaction("secrets").build().unwrap();
    let os = tx.object_store("secrets").unwrap();
    let v: Option<wasm_bindgen::JsValue> =
        os.get::<wasm_bindgen::JsValue, String, _>(DEVICE_SECRET_KEY.to_owned()).primitive().unwrap().await.unwrap();
    drop(tx);
    db.close();
    v.expect("a device secret")
}
