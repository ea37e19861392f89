//! A whole sync round over the device store: two devices converge through a host, a host
//! failure keeps the outbox, and a device whose clock runs a year ahead is named.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::set;
use outpost::record::hlc::HostClock;
use outpost::storage::data::{apply_local, clock, replica, unsynced_count};
use outpost::storage::memory::MemoryStore;
use outpost::storage::sync_run::{device_id, save_team, sync_once, team, SyncRunError, Team};
use outpost::sync::crypto::TeamKey;
use outpost::sync::engine::SyncError;
use outpost::sync::host::{HostError, MemoryHost};
use pollster::block_on;
use serde_json::json;

fn the_team() -> Team {
    Team {
        host_url: "mem:/".into(),
        key: TeamKey::from_bytes([3; 32]).to_text(),
        inviter: None,
        user: None,
        password: None,
        s3: None,
    }
}

async fn edit(s: &MemoryStore, device: &str, doc: &str, field: &str, v: serde_json::Value, now: i64) {
    let mut c = clock(s, device).await.unwrap();
    let change = set(doc, field, v, c.tick(now));
    apply_local(s, &change, &c).await.unwrap();
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

#[test]
fn the_device_id_is_made_once_and_kept() {
    block_on(async {
        let s = MemoryStore::new();
        let id = device_id(&s, || "dev-1".into()).await.unwrap();
        assert_eq!(device_id(&s, || "dev-2".into()).await.unwrap(), id);
        assert_eq!(team(&s).await.unwrap(), None);
        save_team(&s, &the_team(), "dev-1").await.unwrap();
        assert_eq!(team(&s).await.unwrap(), Some(the_team()));
    });
}

#[test]
fn two_devices_syncing_through_a_host_end_with_the_same_records() {
    block_on(async {
        let host = MemoryHost::new();
        let (a, b) = (MemoryStore::new(), MemoryStore::new());
        edit(&a, "dev-a", "c1", "name", json!("张三"), 10).await;
        edit(&b, "dev-b", "c2", "name", json!("李四"), 11).await;
        edit(&b, "dev-b", "c1", "phone", json!("138"), 12).await;
        let ra = sync_once(&a, &host, &the_team(), "dev-a", 20, nonces()).await.unwrap();
        assert!(ra.pushed);
        assert_eq!(ra.unsynced, 0);
        let rb = sync_once(&b, &host, &the_team(), "dev-b", 21, nonces()).await.unwrap();
        assert_eq!(rb.pulled, 1, "c1 changed on b");
        sync_once(&a, &host, &the_team(), "dev-a", 22, nonces()).await.unwrap();
        let (ra, rb) = (replica(&a).await.unwrap(), replica(&b).await.unwrap());
        assert_eq!(ra.to_canonical_json(), rb.to_canonical_json());
        assert_eq!(ra.docs["c1"].get("phone"), Some(&json!("138")));
    });
}

#[test]
fn a_failed_push_keeps_the_changes_waiting_for_the_next_round() {
    block_on(async {
        let host = MemoryHost::new();
        let a = MemoryStore::new();
        edit(&a, "dev-a", "c1", "name", json!("x"), 1).await;
        *host.fail_put_containing.borrow_mut() = Some("head.json".into());
        let err = sync_once(&a, &host, &the_team(), "dev-a", 2, nonces()).await.unwrap_err();
        assert_eq!(err, SyncRunError::Sync(SyncError::Host(HostError::Unreachable("connection refused".into()))));
        assert_eq!(unsynced_count(&a).await.unwrap(), 1);
        *host.fail_put_containing.borrow_mut() = None;
        let r = sync_once(&a, &host, &the_team(), "dev-a", 3, nonces()).await.unwrap();
        assert!(r.pushed);
        assert_eq!(r.unsynced, 0);
    });
}

#[test]
fn a_device_whose_clock_is_a_year_ahead_is_named_and_its_changes_wait_for_the_clock() {
    block_on(async {
        let year = 365 * 24 * 3600 * 1000_i64;
        let host = MemoryHost::new();
        let (bad, good) = (MemoryStore::new(), MemoryStore::new());
        edit(&bad, "dev-bad", "c1", "name", json!("from the future"), 1_000 + year).await;
        sync_once(&bad, &host, &the_team(), "dev-bad", 1_000 + year, nonces()).await.unwrap();
        let r = sync_once(&good, &host, &the_team(), "dev-good", 1_000, nonces()).await.unwrap();
        assert_eq!(r.skew.len(), 1);
        assert_eq!(r.skew[0].device, "dev-bad");
        assert_eq!(r.held[0].count, 1);
        assert!(!replica(&good).await.unwrap().docs.contains_key("c1"), "held back, not merged");
        // The good device's own clock did not jump a year.
        assert!(clock(&good, "dev-good").await.unwrap().tick(1_001).wall_ms < 1_000 + year / 2);
        // When the world catches up, the change arrives.
        sync_once(&good, &host, &the_team(), "dev-good", 1_000 + year, nonces()).await.unwrap();
        assert_eq!(replica(&good).await.unwrap().docs["c1"].get("name"), Some(&json!("from the future")));
    });
}

#[test]
fn a_team_key_that_is_not_a_key_is_refused_before_touching_anything() {
    block_on(async {
        let host = MemoryHost::new();
        let a = MemoryStore::new();
        edit(&a, "dev-a", "c1", "name", json!("x"), 1).await;
        let mut t = the_team();
        t.key = "not-a-key".into();
        assert!(matches!(sync_once(&a, &host, &t, "dev-a", 2, nonces()).await, Err(SyncRunError::Key(_))));
        assert!(host.paths().is_empty());
        assert_eq!(unsynced_count(&a).await.unwrap(), 1);
    });
}

#[test]
fn a_device_whose_clock_is_wrong_takes_the_hosts_time_when_the_team_agrees() {
    block_on(async {
        let now = 1_780_000_000_000_i64;
        let year = 365 * 24 * 3600 * 1000_i64;
        let host = MemoryHost::new();
        *host.now_ms.borrow_mut() = Some(now);
        let (peer, s) = (MemoryStore::new(), MemoryStore::new());
        edit(&peer, "dev-b", "c1", "name", json!("x"), now).await;
        sync_once(&peer, &host, &the_team(), "dev-b", now, nonces()).await.unwrap();
        let r = sync_once(&s, &host, &the_team(), "dev-a", now + year, nonces()).await.unwrap();
        assert_eq!(r.host_clock, Some(HostClock::Corrected { offset_ms: -year }));
        let mut c = clock(&s, "dev-a").await.unwrap();
        let next = c.tick(now + year);
        assert!(next.wall_ms < now + 60_000, "stamped near the host's time, not a year ahead: {}", next.wall_ms);
    });
}

#[test]
fn a_read_only_host_still_delivers_what_others_published_and_keeps_local_changes_waiting() {
    block_on(async {
        let host = MemoryHost::new();
        let (a, b) = (MemoryStore::new(), MemoryStore::new());
        edit(&a, "dev-a", "c1", "name", json!("published"), 1).await;
        sync_once(&a, &host, &the_team(), "dev-a", 2, nonces()).await.unwrap();
        *host.read_only.borrow_mut() = true;
        edit(&b, "dev-b", "c2", "name", json!("local only"), 3).await;
        let r = sync_once(&b, &host, &the_team(), "dev-b", 4, nonces()).await.unwrap();
        assert!(r.read_only);
        assert_eq!(r.pulled, 1);
        assert_eq!(r.unsynced, 1);
        assert_eq!(replica(&b).await.unwrap().docs.len(), 2);
    });
}

/// Lists patch a small pull in place (a claim or an edit from another tablet shows
/// without re-reading 50k customers); a round that changed nothing hands them nothing.
#[test]
fn a_small_pull_is_handed_to_the_lists_and_an_empty_one_is_not() {
    block_on(async {
        let host = MemoryHost::new();
        let (a, b) = (MemoryStore::new(), MemoryStore::new());
        edit(&a, "dev-a", "c1", "phone", json!("138"), 10).await;
        let ra = sync_once(&a, &host, &the_team(), "dev-a", 20, nonces()).await.unwrap();
        assert_eq!(ra.incoming, None, "nothing pulled on the first round");
        let rb = sync_once(&b, &host, &the_team(), "dev-b", 21, nonces()).await.unwrap();
        let incoming = rb.incoming.expect("one record pulled");
        assert_eq!(incoming.docs["c1"].get("phone"), Some(&json!("138")));
        let again = sync_once(&b, &host, &the_team(), "dev-b", 22, nonces()).await.unwrap();
        assert_eq!((again.pulled, again.incoming), (0, None), "nothing new");
    });
}
