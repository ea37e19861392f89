//! The record half of the quarantine (issue 14): a record a peer wrote that this build
//! can read only in part is listed — who, from which device, when, why — kept verbatim,
//! still synced on, and gone from the list once a later change (or a newer build) reads.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use outpost::record::hlc::Hlc;
use outpost::record::replica::{Entry, Replica};
use outpost::storage::customers::load_customers;
use outpost::storage::data::{apply_local, clock, replica};
use outpost::storage::memory::MemoryStore;
use outpost::storage::quarantine::export_json;
use outpost::storage::record_health::unreadable_fields;
use outpost::sync::host::MemoryHost;
use pollster::block_on;
use serde_json::json;

const NOW: i64 = 1_780_000_000_000;

fn sync(s: &MemoryStore, host: &MemoryHost, device: &str, now: i64, salt: u8) {
    block_on(common::sync_round(s, host, &common::mem_team(5), device, now, salt));
}

#[test]
fn a_peers_field_this_build_cannot_read_is_listed_with_who_and_when_and_kept_verbatim() {
    let host = MemoryHost::new();
    let (a, b) = (MemoryStore::new(), MemoryStore::new());
    // Tablet B (another build, or damage) writes a customer whose spend is not an amount.
    block_on(common::edit_local(&b, "tab-b", "c1", "name", json!("Acme"), NOW));
    let bad_at = block_on(common::edit_local(&b, "tab-b", "c1", "annual_spend_fen", json!("lots"), NOW + 1));
    sync(&b, &host, "tab-b", NOW + 2, 2);
    sync(&a, &host, "tab-a", NOW + 3, 1);

    // A shows the customer with its good fields…
    let customers = block_on(load_customers(&a)).unwrap();
    assert_eq!(customers.len(), 1);
    assert_eq!(customers[0].file.name, "Acme");
    assert_eq!(customers[0].file.annual_spend_fen, None);
    // …and lists the field it could not read, attributed to B's change.
    let items = block_on(unreadable_fields(&a)).unwrap();
    assert_eq!(items.len(), 1, "{items:?}");
    let it = &items[0];
    assert_eq!((it.record_id.as_str(), it.kind.as_str(), it.field.as_str()), ("c1", "customer", "annual_spend_fen"));
    assert_eq!(it.code, "bad_amount");
    assert_eq!((it.device.as_str(), it.at_ms), ("tab-b", bad_at.wall_ms));
    assert!(it.detail.contains("\"lots\""), "{}", it.detail);
    // Verbatim: the record as stored, bad value included, and the store still holds it.
    assert_eq!(it.record["fields"]["annual_spend_fen"]["value"], json!("lots"));
    let stored = block_on(replica(&a)).unwrap();
    assert_eq!(stored.docs["c1"].get("annual_spend_fen"), Some(&json!("lots")));
    // The support export carries it.
    let export: serde_json::Value = serde_json::from_str(&export_json(&[], &items)).unwrap();
    assert_eq!(export["records"][0]["record_id"], json!("c1"));
    assert_eq!(export["records"][0]["record"]["fields"]["annual_spend_fen"]["value"], json!("lots"));

    // A third tablet that joins later receives it unchanged from A's copy too: nothing
    // this build could not read is dropped on the way.
    sync(&a, &host, "tab-a", NOW + 4, 1);
    let c = MemoryStore::new();
    sync(&c, &host, "tab-c", NOW + 5, 3);
    assert_eq!(block_on(replica(&c)).unwrap().docs["c1"].get("annual_spend_fen"), Some(&json!("lots")));

    // Someone fixes the field later: the item is gone, with nothing to clean up.
    block_on(common::edit_local(&a, "tab-a", "c1", "annual_spend_fen", json!(120_000), NOW + 6));
    assert!(block_on(unreadable_fields(&a)).unwrap().is_empty());
}

#[test]
fn an_entry_whose_body_does_not_read_is_listed_under_its_author() {
    let s = MemoryStore::new();
    // A finance confirmation whose payment id is not a text (damage, or a newer build).
    let e = Entry {
        id: "conf-1".into(),
        kind: outpost::storage::orders::FINANCE_CONFIRMATION.into(),
        subject: "o-1".into(),
        stamp: Hlc { wall_ms: NOW, counter: 0, device: "tab-n".into() },
        author: "qian".into(),
        body: json!({ "payment": 42 }),
        seal: None,
    };
    let change = Replica { docs: Default::default(), entries: [(e.id.clone(), e.clone())].into() };
    block_on(async {
        let c = clock(&s, "tab-a").await.unwrap();
        apply_local(&s, &change, &c).await.unwrap();
    });
    let items = block_on(unreadable_fields(&s)).unwrap();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(
        (items[0].record_id.as_str(), items[0].kind.as_str()),
        ("conf-1", outpost::storage::orders::FINANCE_CONFIRMATION)
    );
    assert_eq!((items[0].field.as_str(), items[0].code), ("payment", "wrong_type"));
    assert_eq!((items[0].device.as_str(), items[0].author.as_str(), items[0].at_ms), ("tab-n", "qian", NOW));
    assert_eq!(items[0].record, serde_json::to_value(&e).unwrap());
}

#[test]
fn a_store_of_readable_records_lists_nothing() {
    let s = MemoryStore::new();
    block_on(common::seed_team(&s));
    block_on(common::edit_local(&s, "tab-a", "c1", "name", json!("Acme"), NOW));
    block_on(common::edit_local(&s, "tab-a", "c1", "annual_spend_fen", json!(5_000), NOW + 1));
    assert_eq!(block_on(unreadable_fields(&s)).unwrap(), vec![]);
}
