//! Document photos on the device (C1): blobs stored by their hash and checked on every
//! read; attachment documents made through the data core and removed with a tombstone.
#![cfg(not(target_arch = "wasm32"))]

use outpost::record::replica::Document;
use outpost::storage::attachments::{
    attachment_change, load_attachments, safe_mime, Attachment, Label, NewAttachment, ATTACHMENT,
};
use outpost::storage::blobs;
use outpost::storage::customers::{delete_doc, Author};
use outpost::storage::data::{apply_local, clock, outbox};
use outpost::storage::memory::MemoryStore;
use outpost::storage::{RecordStore, StorageError, StoreName, Write};
use outpost::sync::blob::blob_hash;
use pollster::block_on;
use serde_json::json;

const CARD: &[u8] = b"\x89PNG\r\n\x1a\n the business card of Wang Wu";

async fn attach(s: &MemoryStore, id: &str, customer: &str, bytes: &[u8], label: Label, now: i64) -> String {
    let hash = blobs::put(s, bytes).await.unwrap();
    let mut c = clock(s, "dev-a").await.unwrap();
    let new =
        NewAttachment { customer, hash: &hash, mime: "image/png", label, origin: "dev-a", bytes: bytes.len() as u64 };
    let change = attachment_change(id, &new, &mut Author { profile: "rep-1", clock: &mut c, now_ms: now });
    apply_local(s, &change, &c).await.unwrap();
    hash
}

#[test]
fn a_blob_is_stored_under_the_sha256_of_its_bytes_and_read_back_whole() {
    block_on(async {
        let s = MemoryStore::new();
        let hash = blobs::put(&s, CARD).await.unwrap();
        assert_eq!(hash, blob_hash(CARD));
        assert_eq!(hash.len(), 64);
        assert!(blobs::has(&s, &hash).await.unwrap());
        assert_eq!(blobs::get(&s, &hash).await.unwrap().as_deref(), Some(CARD));
        // The same bytes again: still one record.
        blobs::put(&s, CARD).await.unwrap();
        assert_eq!(s.count(StoreName::Blobs).await.unwrap(), 1);
        assert!(!blobs::has(&s, &blob_hash(b"other")).await.unwrap());
        assert_eq!(blobs::get(&s, &blob_hash(b"other")).await.unwrap(), None);
    });
}

#[test]
fn a_blob_record_whose_bytes_no_longer_match_its_name_is_an_error_not_a_wrong_photo() {
    block_on(async {
        let s = MemoryStore::new();
        let hash = blob_hash(CARD);
        s.write(vec![Write::Put(StoreName::Blobs, hash.clone(), json!({"len": 5, "b64": "aGVsbG8="}))]).await.unwrap();
        assert!(matches!(blobs::get(&s, &hash).await, Err(StorageError::Decode(_))));
        s.write(vec![Write::Put(StoreName::Blobs, hash.clone(), json!({"len": 5, "b64": "not base64!"}))])
            .await
            .unwrap();
        assert!(matches!(blobs::get(&s, &hash).await, Err(StorageError::Decode(_))));
    });
}

#[test]
fn an_attachment_is_a_document_queued_for_sync_and_listed_under_its_customer() {
    block_on(async {
        let s = MemoryStore::new();
        let hash = attach(&s, "att-1", "cust-1", CARD, Label::Card, 1_000).await;
        attach(&s, "att-2", "cust-2", b"another customer's licence", Label::Licence, 2_000).await;
        let out = outbox(&s).await.unwrap();
        assert_eq!(out.docs["att-1"].kind, ATTACHMENT, "queued for the next push");
        let list = load_attachments(&s, "cust-1").await.unwrap();
        assert_eq!(
            list,
            vec![Attachment {
                id: "att-1".into(),
                customer: "cust-1".into(),
                hash,
                mime: "image/png",
                label: Label::Card,
                origin: "dev-a".into(),
                bytes: CARD.len() as u64,
                created_ms: 1_000,
                created_by: "rep-1".into(),
            }]
        );
    });
}

#[test]
fn a_removed_attachment_is_a_tombstone_that_syncs_and_leaves_the_list() {
    block_on(async {
        let s = MemoryStore::new();
        attach(&s, "att-1", "cust-1", CARD, Label::Card, 1_000).await;
        let mut c = clock(&s, "dev-a").await.unwrap();
        let gone = delete_doc("att-1", ATTACHMENT, &mut Author { profile: "rep-1", clock: &mut c, now_ms: 2_000 });
        apply_local(&s, &gone, &c).await.unwrap();
        assert!(load_attachments(&s, "cust-1").await.unwrap().is_empty());
        assert!(outbox(&s).await.unwrap().docs["att-1"].is_deleted());
    });
}

#[test]
fn an_attachment_naming_its_file_with_a_path_or_a_forged_type_is_never_trusted() {
    let mut d = Document::new("att-x", ATTACHMENT);
    let at = |n| outpost::record::hlc::Hlc { wall_ms: n, counter: 0, device: "dev-z".into() };
    d.set("customer", json!("cust-1"), at(1), "rep-9");
    d.set("hash", json!("../../devices/dev-a/head.json"), at(2), "rep-9");
    d.set("origin", json!("dev-z"), at(3), "rep-9");
    assert_eq!(Attachment::from_doc(&d), None, "not a hash: never becomes a host path");
    d.set("hash", json!(blob_hash(b"x")), at(4), "rep-9");
    d.set("origin", json!("../dev-a"), at(5), "rep-9");
    assert_eq!(Attachment::from_doc(&d), None, "not a device id");
    d.set("origin", json!("dev-z"), at(6), "rep-9");
    d.set("mime", json!("text/html"), at(7), "rep-9");
    d.set("label", json!("passport"), at(8), "rep-9");
    let a = Attachment::from_doc(&d).expect("well-formed now");
    assert_eq!(a.mime, "application/octet-stream", "never handed to the browser as a page");
    assert_eq!(a.label, Label::Other, "a newer build's label reads as other");
    assert_eq!(safe_mime("IMAGE/JPEG "), "image/jpeg");
}
