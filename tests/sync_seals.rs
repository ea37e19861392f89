//! Seals through a whole sync round (issue 15): a field change or entry whose seal does
//! not hold is refused by the device that pulls it, kept verbatim in the quarantine, and
//! the rest of the chunk merges; sealed records merge as before.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use outpost::record::hlc::Hlc;
use outpost::record::replica::{Document, Entry, Replica};
use outpost::record::seal::PersonalKey;
use outpost::storage::data::{apply_local, clock, replica};
use outpost::storage::memory::MemoryStore;
use outpost::storage::quarantine::quarantine;
use outpost::storage::sync_run::SyncReport;
use outpost::sync::host::MemoryHost;
use pollster::block_on;
use serde_json::json;

const NOW: i64 = 1_780_000_000_000;

fn sync(s: &MemoryStore, host: &MemoryHost, device: &str, now: i64, salt: u8) -> SyncReport {
    block_on(common::sync_round(s, host, &common::mem_team(9), device, now, salt))
}

fn store_local(s: &MemoryStore, device: &str, change: &Replica) {
    block_on(async {
        let c = clock(s, device).await.unwrap();
        apply_local(s, change, &c).await.unwrap();
    });
}

fn confirmation(id: &str, payment: &str, at: i64) -> Entry {
    Entry {
        id: id.into(),
        kind: "finance.confirmation".into(),
        subject: "o-1".into(),
        stamp: Hlc { wall_ms: at, counter: 0, device: "tab-b".into() },
        author: "qian".into(),
        body: json!({ "payment": payment }),
        seal: None,
    }
}

#[test]
fn a_record_altered_after_signing_is_refused_on_pull_and_kept_in_the_quarantine() {
    let host = MemoryHost::new();
    let (a, b) = (MemoryStore::new(), MemoryStore::new());
    let finance = PersonalKey::from_seed([7; 32]);

    // B publishes a genuine confirmation, a customer field sealed by its author, and —
    // its store tampered with — a confirmation whose payment was changed after signing
    // and a field whose amount was raised after signing.
    let mut good = confirmation("conf:pay-1", "pay-1", NOW);
    finance.seal_entry(&mut good);
    let mut forged = confirmation("conf:pay-2", "pay-2", NOW + 1);
    finance.seal_entry(&mut forged);
    forged.body = json!({ "payment": "pay-9" });
    let mut d = Document::new("c1", "customer");
    d.set("name", json!("Acme"), Hlc { wall_ms: NOW, counter: 1, device: "tab-b".into() }, "li");
    d.set("annual_spend_fen", json!(100), Hlc { wall_ms: NOW, counter: 2, device: "tab-b".into() }, "li");
    for (f, r) in d.fields.iter_mut() {
        finance.seal_register("c1", "customer", f, r);
    }
    d.fields.get_mut("annual_spend_fen").unwrap().value = json!(9_999_900);
    let change = Replica {
        docs: [("c1".into(), d)].into(),
        entries: [(good.id.clone(), good.clone()), (forged.id.clone(), forged.clone())].into(),
    };
    store_local(&b, "tab-b", &change);
    sync(&b, &host, "tab-b", NOW + 10, 2);

    let report = sync(&a, &host, "tab-a", NOW + 20, 1);
    let got = block_on(replica(&a)).unwrap();
    // The genuine records merged…
    assert_eq!(got.entries.get("conf:pay-1"), Some(&good));
    assert_eq!(got.docs["c1"].get("name"), Some(&json!("Acme")));
    // …the altered ones did not.
    assert!(!got.entries.contains_key("conf:pay-2"));
    assert_eq!(got.docs["c1"].get("annual_spend_fen"), None);
    let codes: Vec<&str> = report.rejected.iter().map(|r| r.reason.code()).collect();
    assert_eq!(codes, vec!["bad_seal", "bad_seal"], "{:?}", report.rejected);

    // Both are kept verbatim in the quarantine, under B's device.
    let q = block_on(quarantine(&a)).unwrap();
    let bad: Vec<_> = q.iter().filter(|i| i.code == "bad_seal").collect();
    assert_eq!(bad.len(), 2, "{q:?}");
    assert!(bad.iter().all(|i| i.device == "tab-b"));
    assert!(bad.iter().any(|i| i.record.as_ref() == Some(&serde_json::to_value(&forged).unwrap())));
    assert!(bad
        .iter()
        .any(|i| i.record.as_ref().and_then(|r| r["fields"]["annual_spend_fen"]["value"].as_i64()) == Some(9_999_900)));

    // A broken seal never heals: the chunk is not read again and nothing is listed twice.
    let again = sync(&a, &host, "tab-a", NOW + 30, 1);
    assert!(again.rejected.is_empty(), "{:?}", again.rejected);
    assert_eq!(block_on(quarantine(&a)).unwrap().iter().filter(|i| i.code == "bad_seal").count(), 2);
}

#[test]
fn unsealed_records_from_before_seals_still_merge() {
    let host = MemoryHost::new();
    let (a, b) = (MemoryStore::new(), MemoryStore::new());
    let old = confirmation("conf:pay-3", "pay-3", NOW);
    store_local(&b, "tab-b", &Replica { docs: Default::default(), entries: [(old.id.clone(), old.clone())].into() });
    sync(&b, &host, "tab-b", NOW + 10, 2);
    let report = sync(&a, &host, "tab-a", NOW + 20, 1);
    assert!(report.rejected.is_empty());
    assert_eq!(block_on(replica(&a)).unwrap().entries.get("conf:pay-3"), Some(&old));
}
