//! Files on the host: sealed round trips, and every way a file from a host can be wrong
//! (rule S3: the host sees only ciphertext; bad input changes nothing).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use outpost::record::hlc::Hlc;
use outpost::record::replica::{Document, Entry, Replica};
use outpost::sync::crypto::{CryptoError, TeamKey};
use outpost::sync::snapshot::*;
use serde_json::json;

fn key() -> TeamKey {
    TeamKey::from_bytes([42; 32])
}

fn stamp(device: &str, wall: i64) -> Hlc {
    Hlc { wall_ms: wall, counter: 0, device: device.into() }
}

fn replica(device: &str) -> Replica {
    let mut doc = Document::new("cust-1", "customer");
    doc.set("name", json!("张三五金有限公司"), stamp(device, 10), "rep-zhang");
    doc.set("phone", json!("13800138000"), stamp(device, 11), "rep-zhang");
    let entry = Entry {
        id: "claim-1".into(),
        kind: "claim".into(),
        subject: "cust-1".into(),
        stamp: stamp(device, 12),
        author: "rep-zhang".into(),
        body: json!({"reason": "first_contact"}),
        seal: None,
    };
    Replica { docs: [("cust-1".into(), doc)].into(), entries: [("claim-1".into(), entry)].into() }
}

fn sealed_chunk(device: &str) -> (Vec<u8>, String, Chunk) {
    let chunk = Chunk::new(device, replica(device));
    let bytes = seal_chunk(&key(), [1; 12], &chunk);
    let name = chunk_name(&bytes);
    (bytes, name, chunk)
}

#[test]
fn a_chunk_round_trips_through_its_sealed_file() {
    let (bytes, name, chunk) = sealed_chunk("dev-a");
    assert_eq!(name.len(), 64);
    assert_eq!(open_chunk(&key(), &bytes, "dev-a", &name).unwrap(), chunk);
}

#[test]
fn a_head_round_trips_through_its_sealed_file() {
    let head =
        Head::new("dev-a", vec!["ab".repeat(32)], stamp("dev-a", 99), BTreeMap::from([("dev-b".into(), 5)]), 1000);
    let bytes = seal_head(&key(), [2; 12], &head);
    assert_eq!(open_head(&key(), &bytes, "dev-a").unwrap(), head);
}

#[test]
fn s3_the_file_on_the_host_holds_no_customer_data_in_plain_text() {
    let (bytes, _, _) = sealed_chunk("dev-a");
    let text = String::from_utf8(bytes).unwrap();
    for secret in ["张三", "13800138000", "first_contact", "rep-zhang", "customer"] {
        assert!(!text.contains(secret), "{secret} leaked");
    }
    assert!(text.contains("\"format\":\"outpost.sealed\""), "the header stays readable");
}

#[test]
fn a_file_sealed_under_another_team_key_is_refused() {
    let (bytes, name, _) = sealed_chunk("dev-a");
    let other = TeamKey::from_bytes([7; 32]);
    assert_eq!(open_chunk(&other, &bytes, "dev-a", &name), Err(SnapshotError::Crypto(CryptoError::WrongKeyOrTampered)));
}

#[test]
fn a_tampered_body_is_refused() {
    let head = Head::new("dev-a", vec![], stamp("dev-a", 1), BTreeMap::new(), 1);
    let bytes = seal_head(&key(), [2; 12], &head);
    let mut file: SealedFile = serde_json::from_slice(&bytes).unwrap();
    let mut data = file.data.into_bytes();
    let i = data.len() / 2;
    data[i] = if data[i] == b'A' { b'B' } else { b'A' };
    file.data = String::from_utf8(data).unwrap();
    let tampered = serde_json::to_vec(&file).unwrap();
    assert_eq!(open_head(&key(), &tampered, "dev-a"), Err(SnapshotError::Crypto(CryptoError::WrongKeyOrTampered)));
}

#[test]
fn a_truncated_file_is_refused() {
    let head = Head::new("dev-a", vec![], stamp("dev-a", 1), BTreeMap::new(), 1);
    let bytes = seal_head(&key(), [2; 12], &head);
    for cut in [0, 10, bytes.len() / 2, bytes.len() - 1] {
        assert!(open_head(&key(), &bytes[..cut], "dev-a").is_err(), "cut at {cut}");
    }
}

#[test]
fn a_head_moved_into_another_devices_folder_is_refused() {
    let head = Head::new("dev-a", vec![], stamp("dev-a", 1), BTreeMap::new(), 1);
    let bytes = seal_head(&key(), [2; 12], &head);
    assert!(matches!(open_head(&key(), &bytes, "dev-b"), Err(SnapshotError::WrongDevice { .. })));
    // Rewriting the plaintext header to match the folder breaks the authentication.
    let mut file: SealedFile = serde_json::from_slice(&bytes).unwrap();
    file.device = "dev-b".into();
    let forged = serde_json::to_vec(&file).unwrap();
    assert_eq!(open_head(&key(), &forged, "dev-b"), Err(SnapshotError::Crypto(CryptoError::WrongKeyOrTampered)));
}

#[test]
fn a_chunk_whose_bytes_do_not_match_its_name_is_refused() {
    let (bytes, _, _) = sealed_chunk("dev-a");
    assert_eq!(open_chunk(&key(), &bytes, "dev-a", &"0".repeat(64)), Err(SnapshotError::HashMismatch));
}

#[test]
fn a_chunk_carrying_another_devices_stamp_is_refused() {
    let chunk = Chunk::new("dev-a", replica("dev-b"));
    let bytes = seal_chunk(&key(), [1; 12], &chunk);
    assert_eq!(
        open_chunk(&key(), &bytes, "dev-a", &chunk_name(&bytes)),
        Err(SnapshotError::ForeignStamp("dev-b".into()))
    );
}

#[test]
fn a_file_from_a_newer_app_is_refused_with_both_versions_named() {
    let mut chunk = Chunk::new("dev-a", replica("dev-a"));
    chunk.version = CHUNK_VERSION + 1;
    let bytes = seal_chunk(&key(), [1; 12], &chunk);
    let err = open_chunk(&key(), &bytes, "dev-a", &chunk_name(&bytes)).unwrap_err();
    assert_eq!(err, SnapshotError::TooNew { what: "chunk", found: CHUNK_VERSION + 1, supported: CHUNK_VERSION });
    assert!(err.to_string().contains("update the app"));

    let (bytes, _, _) = sealed_chunk("dev-a");
    let mut outer: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    outer["version"] = json!(SEALED_VERSION + 1);
    let newer = serde_json::to_vec(&outer).unwrap();
    assert!(matches!(
        open_chunk(&key(), &newer, "dev-a", &chunk_name(&newer)),
        Err(SnapshotError::TooNew { what: "file", .. })
    ));
}

#[test]
fn a_host_answering_with_an_html_page_or_garbage_is_not_mistaken_for_a_file() {
    for body in
        [&b"<html><body>404 Not Found</body></html>"[..], b"", b"{}", b"{\"format\":\"other\"}", &[0xff, 0xfe, 0x00]]
    {
        assert_eq!(open_head(&key(), body, "dev-a"), Err(SnapshotError::NotOutpost), "{body:?}");
    }
}

#[test]
fn an_exported_file_carries_every_devices_records_and_opens_only_with_the_team_key() {
    let all = replica("dev-a").merge(replica("dev-b"));
    let bundle = Bundle::new("dev-a", 5, all.clone());
    let bytes = seal_bundle(&key(), [3; 12], &bundle);
    assert_eq!(open_bundle(&key(), &bytes).unwrap().replica, all);
    assert_eq!(
        open_bundle(&TeamKey::from_bytes([1; 32]), &bytes),
        Err(SnapshotError::Crypto(CryptoError::WrongKeyOrTampered))
    );
    assert_eq!(open_bundle(&key(), b"not json"), Err(SnapshotError::NotOutpost));
    // A chunk is not an export file, even under the right key.
    let (chunk_bytes, _, _) = sealed_chunk("dev-a");
    assert!(open_bundle(&key(), &chunk_bytes).is_err());
    assert!(!String::from_utf8_lossy(&bytes).contains("张三"));
}
