//! Photos through a sync round over the in-memory host: a blob goes up before the chunk
//! that names it and only once; another device fetches it from the photo's origin folder
//! and checks it; a blob that fails — refused upload, wrong key, tampered, truncated,
//! missing — is a per-file error, the records still sync, and it is retried next round.
//! On the host a blob is named by a keyed hash only the team can compute, never by the
//! photo's plain SHA-256 (rule S3).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{edit_local, photo_local};
use outpost::storage::attachments::{load_attachments, ATTACHMENT};
use outpost::storage::blob_sync::fetch_failures;
use outpost::storage::blobs;
use outpost::storage::customers::{delete_doc, Author};
use outpost::storage::data::{apply_local, clock, replica};
use outpost::storage::memory::MemoryStore;
use outpost::storage::sync_run::{sync_once, SyncReport, Team};
use outpost::sync::blob::{blob_hash, blob_name, blob_path, seal_blob, BlobError};
use outpost::sync::crypto::TeamKey;
use outpost::sync::host::{HostError, MemoryHost};
use pollster::block_on;
use serde_json::json;

const LICENCE: &[u8] = b"\x89PNG\r\n\x1a\n 3000x2000 photo of the business licence of Zhang San Hardware";

fn key() -> TeamKey {
    TeamKey::from_bytes([3; 32])
}

fn team_with(key: &TeamKey) -> Team {
    Team { host_url: "mem:/".into(), key: key.to_text(), inviter: None, user: None, password: None, s3: None }
}

fn the_team() -> Team {
    team_with(&key())
}

fn nonces() -> impl FnMut() -> [u8; 12] {
    let mut n = 0u64;
    move || {
        n += 1;
        let mut b = [0u8; 12];
        b[..8].copy_from_slice(&n.to_le_bytes());
        b
    }
}

async fn sync(s: &MemoryStore, host: &MemoryHost, device: &str, now: i64) -> SyncReport {
    sync_once(s, host, &the_team(), device, now, nonces()).await.expect("the round itself succeeds")
}

async fn sync_as(team: &Team, s: &MemoryStore, host: &MemoryHost, device: &str, now: i64) -> SyncReport {
    sync_once(s, host, team, device, now, nonces()).await.expect("the round itself succeeds")
}

/// A customer document, as the customer form would record it.
async fn customer(s: &MemoryStore, device: &str, id: &str, name: &str, now: i64) {
    edit_local(s, device, id, "name", json!(name), now).await;
}

fn kind_of(path: &str) -> &'static str {
    if path.contains("/blobs/") {
        "blob"
    } else if path.contains("/chunks/") {
        "chunk"
    } else {
        "head"
    }
}

#[test]
fn a_photos_blob_is_uploaded_before_the_chunk_that_names_it_and_the_head_comes_last() {
    block_on(async {
        let host = MemoryHost::new();
        let a = MemoryStore::new();
        customer(&a, "dev-a", "c1", "张三五金", 1).await;
        let hash = photo_local(&a, "dev-a", "att-1", "c1", LICENCE, 2).await;
        let r = sync(&a, &host, "dev-a", 3).await;
        assert_eq!(r.blobs.uploaded, 1);
        assert!(r.pushed);
        assert_eq!(r.unsynced, 0);
        let order: Vec<&str> = host.puts.borrow().iter().map(|p| kind_of(p)).collect();
        assert_eq!(order, vec!["blob", "chunk", "head"]);
        assert_eq!(host.puts.borrow()[0], blob_path(&key(), "dev-a", &hash));
    });
}

#[test]
fn a_blob_already_uploaded_is_never_uploaded_again() {
    block_on(async {
        let host = MemoryHost::new();
        let a = MemoryStore::new();
        photo_local(&a, "dev-a", "att-1", "c1", LICENCE, 1).await;
        sync(&a, &host, "dev-a", 2).await;
        // Another photo of the same licence (same bytes) and an unrelated edit.
        photo_local(&a, "dev-a", "att-2", "c1", LICENCE, 3).await;
        customer(&a, "dev-a", "c1", "张三五金", 4).await;
        host.puts.borrow_mut().clear();
        let r = sync(&a, &host, "dev-a", 5).await;
        assert_eq!(r.blobs.uploaded, 0);
        assert_eq!(r.unsynced, 0);
        let order: Vec<&str> = host.puts.borrow().iter().map(|p| kind_of(p)).collect();
        assert_eq!(order, vec!["chunk", "head"]);
    });
}

#[test]
fn s3_no_file_on_the_host_holds_the_photo_or_the_customer_in_plain_text() {
    block_on(async {
        let host = MemoryHost::new();
        let a = MemoryStore::new();
        customer(&a, "dev-a", "c1", "张三五金", 1).await;
        photo_local(&a, "dev-a", "att-1", "c1", LICENCE, 2).await;
        sync(&a, &host, "dev-a", 3).await;
        for (path, bytes) in host.files.borrow().iter() {
            assert!(!bytes.windows(16).any(|w| w == &LICENCE[..16]), "{path} holds the photo");
            assert!(!bytes.windows(12).any(|w| w == "张三五金".as_bytes()), "{path} names the customer");
        }
    });
}

/// The blob files `host` holds, by path.
fn blob_files(host: &MemoryHost) -> Vec<String> {
    host.paths().into_iter().filter(|p| p.contains("/blobs/")).collect()
}

#[test]
fn a_blob_file_name_reveals_nothing_about_the_photo() {
    block_on(async {
        // Two teams, each on its own host, file the same well-known licence image.
        let (ours, theirs) = (team_with(&key()), team_with(&TeamKey::from_bytes([4; 32])));
        let (host_1, host_2) = (MemoryHost::new(), MemoryHost::new());
        let (a, x) = (MemoryStore::new(), MemoryStore::new());
        customer(&a, "dev-a", "c1", "张三五金", 1).await;
        let hash = photo_local(&a, "dev-a", "att-1", "c1", LICENCE, 2).await;
        photo_local(&x, "dev-a", "att-9", "c7", LICENCE, 2).await;
        assert_eq!(hash, blob_hash(LICENCE), "locally the blob is still its plain SHA-256");
        sync_as(&ours, &a, &host_1, "dev-a", 3).await;
        sync_as(&theirs, &x, &host_2, "dev-a", 3).await;

        let (mine, other) = (blob_files(&host_1), blob_files(&host_2));
        assert_eq!((mine.len(), other.len()), (1, 1));
        // Whoever lists the host, or knows the image, cannot find it by its SHA-256:
        // not in any path, not in any file (the blob's header names it by the keyed name).
        for (path, bytes) in host_1.files.borrow().iter().chain(host_2.files.borrow().iter()) {
            assert!(!path.contains(&hash), "{path} is named by the photo's plain hash");
            assert!(!bytes.windows(hash.len()).any(|w| w == hash.as_bytes()), "{path} holds the photo's plain hash");
        }
        assert_eq!(mine[0], format!("devices/dev-a/blobs/{}.bin", blob_name(&key(), &hash)));
        // Same photo, same device name, different team key: unrelated names.
        assert_ne!(mine, other);

        // Stable for one team: the same photo taken again (another document, another
        // device's store) maps to the same file, so nothing is uploaded twice.
        photo_local(&a, "dev-a", "att-2", "c1", LICENCE, 4).await;
        host_1.puts.borrow_mut().clear();
        let r = sync_as(&ours, &a, &host_1, "dev-a", 5).await;
        assert_eq!((r.blobs.uploaded, r.unsynced), (0, 0));
        assert!(host_1.puts.borrow().iter().all(|p| !p.contains("/blobs/")));
        assert_eq!(blob_files(&host_1), mine);
        let fresh = MemoryStore::new();
        photo_local(&fresh, "dev-a", "att-3", "c1", LICENCE, 6).await;
        let again = MemoryHost::new();
        sync_as(&ours, &fresh, &again, "dev-a", 7).await;
        assert_eq!(blob_files(&again), mine, "same team, same name, wherever it is computed");

        // And the team's other devices still find it by the plain hash their documents carry.
        let b = MemoryStore::new();
        let r = sync_as(&ours, &b, &host_1, "dev-b", 8).await;
        assert_eq!((r.blobs.fetched, r.blobs.failures.len()), (1, 0));
        assert_eq!(blobs::get(&b, &hash).await.unwrap().as_deref(), Some(LICENCE));
    });
}

#[test]
fn another_device_fetches_the_blob_from_the_origin_folder_once_and_holds_the_same_bytes() {
    block_on(async {
        let host = MemoryHost::new();
        let (a, b) = (MemoryStore::new(), MemoryStore::new());
        let hash = photo_local(&a, "dev-a", "att-1", "c1", LICENCE, 1).await;
        sync(&a, &host, "dev-a", 2).await;
        let r = sync(&b, &host, "dev-b", 3).await;
        assert_eq!(r.blobs.fetched, 1);
        assert_eq!(r.blobs.failures, vec![]);
        assert_eq!(blobs::get(&b, &hash).await.unwrap().as_deref(), Some(LICENCE));
        assert_eq!(load_attachments(&b, "c1").await.unwrap()[0].hash, hash);
        // B never republishes A's blob, and fetches nothing the next time.
        assert!(host.paths().iter().all(|p| !p.starts_with("devices/dev-b/blobs/")));
        assert_eq!(sync(&b, &host, "dev-b", 4).await.blobs.fetched, 0);
    });
}

#[test]
fn a_blob_upload_the_host_refuses_holds_back_only_its_photo_and_the_records_still_sync() {
    block_on(async {
        let host = MemoryHost::new();
        let (a, b) = (MemoryStore::new(), MemoryStore::new());
        customer(&a, "dev-a", "c1", "张三五金", 1).await;
        let hash = photo_local(&a, "dev-a", "att-1", "c1", LICENCE, 2).await;
        *host.fail_put_containing.borrow_mut() = Some("/blobs/".into());
        let r = sync(&a, &host, "dev-a", 3).await;
        assert!(r.pushed, "the customer is published");
        assert_eq!(r.blobs.held_back, 1);
        assert_eq!(r.blobs.failures.len(), 1);
        assert_eq!(r.blobs.failures[0].path, blob_path(&key(), "dev-a", &hash));
        assert_eq!(r.unsynced, 1, "the photo waits in the outbox");

        // B sees the customer but no reference to a file the host lacks.
        sync(&b, &host, "dev-b", 4).await;
        let on_b = replica(&b).await.unwrap();
        assert!(on_b.docs.contains_key("c1"));
        assert!(!on_b.docs.contains_key("att-1"));

        *host.fail_put_containing.borrow_mut() = None;
        host.puts.borrow_mut().clear();
        let r = sync(&a, &host, "dev-a", 5).await;
        assert_eq!((r.blobs.uploaded, r.blobs.held_back, r.unsynced), (1, 0, 0));
        let order: Vec<&str> = host.puts.borrow().iter().map(|p| kind_of(p)).collect();
        assert_eq!(order, vec!["blob", "chunk", "head"]);
        let r = sync(&b, &host, "dev-b", 6).await;
        assert_eq!(r.blobs.fetched, 1);
        assert_eq!(blobs::get(&b, &hash).await.unwrap().as_deref(), Some(LICENCE));
    });
}

#[test]
fn a_photo_removed_before_it_was_synced_uploads_no_blob() {
    block_on(async {
        let host = MemoryHost::new();
        let a = MemoryStore::new();
        photo_local(&a, "dev-a", "att-1", "c1", LICENCE, 1).await;
        let mut c = clock(&a, "dev-a").await.unwrap();
        let gone = delete_doc("att-1", ATTACHMENT, &mut Author { profile: "rep-1", clock: &mut c, now_ms: 2 });
        apply_local(&a, &gone, &c).await.unwrap();
        let r = sync(&a, &host, "dev-a", 3).await;
        assert_eq!((r.blobs.uploaded, r.unsynced), (0, 0));
        assert!(host.paths().iter().all(|p| !p.contains("/blobs/")));
    });
}

/// A published photo whose file on the host is then damaged in `how`; returns B's report.
async fn fetch_after(how: impl FnOnce(&mut Vec<u8>)) -> (MemoryHost, MemoryStore, String, SyncReport) {
    let host = MemoryHost::new();
    let (a, b) = (MemoryStore::new(), MemoryStore::new());
    customer(&a, "dev-a", "c1", "张三五金", 1).await;
    let hash = photo_local(&a, "dev-a", "att-1", "c1", LICENCE, 2).await;
    sync(&a, &host, "dev-a", 3).await;
    let path = blob_path(&key(), "dev-a", &hash);
    {
        let mut files = host.files.borrow_mut();
        let mut file = files.remove(&path).unwrap();
        how(&mut file);
        if !file.is_empty() {
            files.insert(path, file);
        }
    }
    let r = sync(&b, &host, "dev-b", 4).await;
    (host, b, hash, r)
}

/// What every damaged blob must leave behind on B: the records merged, no bytes
/// stored, the reason kept for the UI — and a clean retry once the file is whole.
async fn refused_then_retried(how: impl FnOnce(&mut Vec<u8>), code: &str) {
    let (host, b, hash, r) = fetch_after(how).await;
    assert_eq!(r.blobs.failures.len(), 1, "{code}");
    assert_eq!(r.blobs.failures[0].error.code(), code);
    assert_eq!(r.blobs.failures[0].path, blob_path(&key(), "dev-a", &hash));
    assert!(r.pulled > 0, "the records merged");
    assert_eq!(load_attachments(&b, "c1").await.unwrap().len(), 1, "the photo is known, waiting for its file");
    assert!(!blobs::has(&b, &hash).await.unwrap(), "nothing stored from a bad file");
    assert_eq!(fetch_failures(&b).await.unwrap().get(&hash).map(String::as_str), Some(code));

    let (_, whole) = seal_blob(&key(), [9; 12], "dev-a", LICENCE);
    host.files.borrow_mut().insert(blob_path(&key(), "dev-a", &hash), whole);
    let r = sync(&b, &host, "dev-b", 5).await;
    assert_eq!((r.blobs.fetched, r.blobs.failures.len()), (1, 0), "{code}: retried next round");
    assert_eq!(blobs::get(&b, &hash).await.unwrap().as_deref(), Some(LICENCE));
    assert!(fetch_failures(&b).await.unwrap().is_empty());
}

#[test]
fn a_tampered_blob_is_refused_per_file_and_fetched_once_it_is_whole_again() {
    block_on(refused_then_retried(|f| *f.last_mut().unwrap() ^= 1, "wrong_key_or_tampered"));
}

#[test]
fn a_truncated_blob_is_refused_per_file_and_retried() {
    block_on(refused_then_retried(|f| f.truncate(f.iter().position(|&b| b == b'\n').unwrap() + 10), "truncated"));
}

#[test]
fn a_blob_missing_from_the_host_is_a_per_file_error_and_retried() {
    block_on(refused_then_retried(|f| f.clear(), "missing"));
}

#[test]
fn a_blob_sealed_under_another_teams_key_is_refused_per_file() {
    block_on(refused_then_retried(
        |f| *f = seal_blob(&TeamKey::from_bytes([4; 32]), [1; 12], "dev-a", LICENCE).1,
        "wrong_key_or_tampered",
    ));
}

#[test]
fn a_blob_whose_content_is_another_photo_is_refused_per_file() {
    // A file of dev-a's, sealed with the team key, copied over another blob's name.
    block_on(refused_then_retried(
        |f| *f = seal_blob(&TeamKey::from_bytes([3; 32]), [1; 12], "dev-a", b"some other photo").1,
        "hash_mismatch",
    ));
}

#[test]
fn a_host_unreachable_for_blobs_stops_trying_them_this_round_while_the_records_merge() {
    block_on(async {
        let host = MemoryHost::new();
        let (a, b) = (MemoryStore::new(), MemoryStore::new());
        customer(&a, "dev-a", "c1", "张三五金", 1).await;
        photo_local(&a, "dev-a", "att-1", "c1", LICENCE, 2).await;
        photo_local(&a, "dev-a", "att-2", "c1", b"a second photo", 3).await;
        sync(&a, &host, "dev-a", 4).await;
        *host.fail_get_containing.borrow_mut() = Some("/blobs/".into());
        let r = sync(&b, &host, "dev-b", 5).await;
        assert!(r.pulled > 0);
        assert_eq!(r.blobs.fetched, 0);
        assert_eq!(r.blobs.failures.len(), 1, "one attempt, not one per photo");
        assert_eq!(r.blobs.failures[0].error, BlobError::Host(HostError::Unreachable("connection refused".into())));
        assert_eq!(load_attachments(&b, "c1").await.unwrap().len(), 2);
        *host.fail_get_containing.borrow_mut() = None;
        assert_eq!(sync(&b, &host, "dev-b", 6).await.blobs.fetched, 2);
    });
}

#[test]
fn a_read_only_host_still_delivers_photos_and_local_changes_wait() {
    block_on(async {
        let host = MemoryHost::new();
        let (a, b) = (MemoryStore::new(), MemoryStore::new());
        let hash = photo_local(&a, "dev-a", "att-1", "c1", LICENCE, 1).await;
        sync(&a, &host, "dev-a", 2).await;
        *host.read_only.borrow_mut() = true;
        customer(&b, "dev-b", "c2", "李四建材", 3).await;
        let r = sync(&b, &host, "dev-b", 4).await;
        assert!(r.read_only);
        assert_eq!(r.blobs.fetched, 1);
        assert_eq!(r.unsynced, 1);
        assert_eq!(blobs::get(&b, &hash).await.unwrap().as_deref(), Some(LICENCE));
    });
}
