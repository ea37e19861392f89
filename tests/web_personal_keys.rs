//! Personal signing keys on real IndexedDB (issue 15): wrapped under the device's
//! non-extractable secret, the same key after a reopen, and a change sealed in wasm
//! verifies.
#![cfg(target_arch = "wasm32")]

use outpost::record::hlc::Hlc;
use outpost::record::replica::{Document, Replica};
use outpost::record::seal::verify_register;
use outpost::storage::idb::IdbStore;
use outpost::storage::personal_keys::personal_key;
use outpost::storage::schema::{self, StoreName};
use outpost::storage::RecordStore;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_profiles_key_survives_a_reopen_wrapped_and_seals_changes_that_verify() {
    let name = format!("outpost-test-pkey-{}", js_sys::Math::random().to_bits());
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    let k = personal_key(&db, "li", || [6; 32]).await.unwrap();
    let stored = db.get(StoreName::Meta, "personal_key:li").await.unwrap().expect("stored").to_string();
    assert!(!stored.contains("6,6,6"), "the seed is stored in the clear: {stored}");
    db.close();

    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    let again = personal_key(&db, "li", || [7; 32]).await.unwrap();
    assert_eq!(again.id(), k.id());

    let mut d = Document::new("c1", "customer");
    d.set("name", serde_json::json!("风筝坊"), Hlc { wall_ms: 1, counter: 0, device: "t".into() }, "li");
    let mut r = Replica { docs: [("c1".into(), d)].into(), entries: Default::default() };
    again.seal_change(&mut r);
    assert_eq!(verify_register("c1", "customer", "name", &r.docs["c1"].fields["name"]), Ok(()));
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}
