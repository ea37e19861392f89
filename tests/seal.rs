//! Seals (issue 15): a person's Ed25519 signature on each field change and entry holds
//! for the record as written and breaks on any change to what it says.
#![cfg(not(target_arch = "wasm32"))]

use outpost::record::hlc::Hlc;
use outpost::record::replica::{Document, Entry, Register, Replica};
use outpost::record::seal::{verify_entry, verify_register, PersonalKey, SealError};
use serde_json::json;

fn key(n: u8) -> PersonalKey {
    PersonalKey::from_seed([n; 32])
}

fn stamp(device: &str, wall_ms: i64) -> Hlc {
    Hlc { wall_ms, counter: 0, device: device.into() }
}

fn register(value: serde_json::Value) -> Register {
    Register { value, stamp: stamp("tab-a", 1_000), author: "qian".into(), seal: None }
}

fn confirmation() -> Entry {
    Entry {
        id: "conf:pay-1".into(),
        kind: "finance.confirmation".into(),
        subject: "o-1".into(),
        stamp: stamp("tab-f", 2_000),
        author: "qian".into(),
        body: json!({ "payment": "pay-1" }),
        seal: None,
    }
}

#[test]
fn a_sealed_field_change_verifies_and_breaks_on_any_altered_part() {
    let k = key(1);
    let mut r = register(json!(120_000));
    k.seal_register("c1", "customer", "annual_spend_fen", &mut r);
    assert_eq!(r.seal.as_ref().map(|s| s.key.clone()), Some(k.id().0));
    assert_eq!(verify_register("c1", "customer", "annual_spend_fen", &r), Ok(()));

    // Another document, kind or field: the same seal does not carry over.
    assert_eq!(verify_register("c2", "customer", "annual_spend_fen", &r), Err(SealError::Mismatch));
    assert_eq!(verify_register("c1", "contact", "annual_spend_fen", &r), Err(SealError::Mismatch));
    assert_eq!(verify_register("c1", "customer", "credit_days", &r), Err(SealError::Mismatch));
    // The value, the moment, the device or the author changed after signing.
    let altered = [
        Register { value: json!(9_999_999), ..r.clone() },
        Register { stamp: stamp("tab-a", 999), ..r.clone() },
        Register { stamp: stamp("tab-x", 1_000), ..r.clone() },
        Register { author: "wang".into(), ..r.clone() },
    ];
    for a in altered {
        assert_eq!(verify_register("c1", "customer", "annual_spend_fen", &a), Err(SealError::Mismatch), "{a:?}");
    }
}

#[test]
fn a_sealed_entry_verifies_and_a_forged_one_does_not() {
    let finance = key(2);
    let mut e = confirmation();
    finance.seal_entry(&mut e);
    assert_eq!(verify_entry(&e), Ok(()));

    // A rep rewrites the confirmation to another payment and keeps finance's seal.
    let mut forged = e.clone();
    forged.body = json!({ "payment": "pay-2" });
    assert_eq!(verify_entry(&forged), Err(SealError::Mismatch));
    // Or re-signs it with their own key but names finance's key in the seal.
    let mut resigned = confirmation();
    key(3).seal_entry(&mut resigned);
    resigned.seal.as_mut().unwrap().key = finance.id().0;
    assert_eq!(verify_entry(&resigned), Err(SealError::Mismatch));
    // Garbage in the seal is refused, not a panic.
    let mut junk = e.clone();
    junk.seal.as_mut().unwrap().key = "not-a-key".into();
    assert_eq!(verify_entry(&junk), Err(SealError::BadKey));
    let mut junk = e.clone();
    junk.seal.as_mut().unwrap().sig = "AAAA".into();
    assert_eq!(verify_entry(&junk), Err(SealError::BadSignature));
}

#[test]
fn seals_survive_the_snapshot_round_trip_and_unsealed_records_read_as_before() {
    let k = key(4);
    let mut d = Document::new("c1", "customer");
    d.set("name", json!("Acme"), stamp("tab-a", 1), "li");
    let reg = d.fields.get_mut("name").unwrap();
    k.seal_register("c1", "customer", "name", reg);
    let mut e = confirmation();
    k.seal_entry(&mut e);
    let r = Replica { docs: [("c1".into(), d)].into(), entries: [(e.id.clone(), e)].into() };
    let back: Replica = serde_json::from_slice(&r.to_canonical_json()).unwrap();
    assert_eq!(back, r);
    assert_eq!(verify_register("c1", "customer", "name", &back.docs["c1"].fields["name"]), Ok(()));
    assert_eq!(verify_entry(&back.entries["conf:pay-1"]), Ok(()));

    // A record written before seals has no `seal` key and reads back unsealed.
    let old = r#"{"id":"e1","kind":"claim","subject":"c1","stamp":{"wall_ms":1,"counter":0,"device":"t"},"author":"li","body":null}"#;
    let e: Entry = serde_json::from_str(old).unwrap();
    assert_eq!(e.seal, None);
    assert_eq!(serde_json::to_string(&e).unwrap(), old, "unsealed records keep their bytes");
}

#[test]
fn the_key_is_fixed_by_its_seed() {
    let k = key(5);
    assert_eq!(PersonalKey::from_seed(k.seed()).id(), k.id());
    assert_ne!(key(6).id(), k.id());
    assert_eq!(k.id().0.len(), 43, "32 bytes in base64url without padding");
}
