//! Joining another team: a device that synced with team A switches to team B. Its sync
//! state for A (published chunks, peers, uploaded blobs, the quarantine) is forgotten in
//! the one transaction that saves B, its clock is kept, and everything it wrote itself —
//! published to A or not — reaches B's devices on the next round. Re-saving the same
//! team (a new host password) keeps every piece of state.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{edit_local, photo_local};
use outpost::storage::blob_sync::uploaded;
use outpost::storage::blobs;
use outpost::storage::data::{clock, outbox, replica, sync_state, unsynced_count};
use outpost::storage::memory::MemoryStore;
use outpost::storage::quarantine::quarantine;
use outpost::storage::sync_run::{sync_once, SyncReport};
use outpost::storage::team::{save_team, switch_preview, team, SwitchPreview, Team, TeamSaved};
use outpost::sync::crypto::TeamKey;
use outpost::sync::engine::{authored_by, head_path};
use outpost::sync::host::MemoryHost;
use pollster::block_on;
use serde_json::json;

fn team_on(url: &str, key: u8) -> Team {
    Team {
        host_url: url.into(),
        key: TeamKey::from_bytes([key; 32]).to_text(),
        inviter: None,
        user: None,
        password: None,
        s3: None,
    }
}

fn team_a() -> Team {
    team_on("https://a.example/sync/", 3)
}

fn team_b() -> Team {
    team_on("https://b.example/sync/", 4)
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

async fn sync(s: &MemoryStore, host: &MemoryHost, t: &Team, device: &str, now: i64) -> SyncReport {
    sync_once(s, host, t, device, now, nonces()).await.expect("the round itself succeeds")
}

/// Device a1 in team A: its customer and photo published, a colleague's customer
/// merged, a garbage head in the quarantine, and one change not yet synced.
async fn a1_in_team_a(host_a: &MemoryHost) -> (MemoryStore, String) {
    let (a1, a2) = (MemoryStore::new(), MemoryStore::new());
    save_team(&a1, &team_a(), "dev-a1").await.unwrap();
    edit_local(&a1, "dev-a1", "c1", "name", json!("张三五金"), 10).await;
    let hash = photo_local(&a1, "dev-a1", "p1", "c1", b"licence of zhang san", 11).await;
    edit_local(&a2, "dev-a2", "c2", "name", json!("李四建材"), 12).await;
    edit_local(&a2, "dev-a2", "c1", "phone", json!("13800138000"), 13).await;
    host_a.files.borrow_mut().insert(head_path("dev-bad"), b"not a head".to_vec());
    sync(&a1, host_a, &team_a(), "dev-a1", 20).await;
    sync(&a2, host_a, &team_a(), "dev-a2", 21).await;
    sync(&a1, host_a, &team_a(), "dev-a1", 22).await;
    edit_local(&a1, "dev-a1", "c3", "name", json!("王五商贸"), 30).await;
    (a1, hash)
}

#[test]
fn switching_to_another_team_forgets_the_old_sync_state_in_one_save_and_keeps_the_clock() {
    block_on(async {
        let host_a = MemoryHost::new();
        let (a1, hash) = a1_in_team_a(&host_a).await;
        let before = sync_state(&a1).await.unwrap();
        assert!(!before.published.is_empty() && before.peers.contains_key("dev-a2"), "in step with team A");
        assert!(uploaded(&a1).await.unwrap().contains(&hash));
        assert!(!quarantine(&a1).await.unwrap().is_empty(), "the garbage head is quarantined");
        let clock_before = clock(&a1, "dev-a1").await.unwrap();

        let saved = save_team(&a1, &team_b(), "dev-a1").await.unwrap();

        let own = authored_by(&replica(&a1).await.unwrap(), "dev-a1");
        assert_eq!(saved, TeamSaved::Switched { queued: own.docs.len() + own.entries.len() });
        assert_eq!(team(&a1).await.unwrap(), Some(team_b()));
        assert_eq!(sync_state(&a1).await.unwrap(), Default::default(), "no chunks, no peers");
        assert!(uploaded(&a1).await.unwrap().is_empty());
        assert!(quarantine(&a1).await.unwrap().is_empty());
        assert_eq!(clock(&a1, "dev-a1").await.unwrap(), clock_before, "the clock never goes back");
        // Local data stays, and everything this device wrote waits for the new team.
        let all = replica(&a1).await.unwrap();
        assert!(all.docs.contains_key("c2"), "a colleague's customer stays on the device");
        assert_eq!(outbox(&a1).await.unwrap().to_canonical_json(), own.to_canonical_json());
        assert!(!own.docs.contains_key("c2"), "only this device's own stamps are published");
    });
}

#[test]
fn a_device_of_the_new_team_receives_everything_the_switching_device_wrote() {
    block_on(async {
        let (host_a, host_b) = (MemoryHost::new(), MemoryHost::new());
        let (a1, hash) = a1_in_team_a(&host_a).await;
        save_team(&a1, &team_b(), "dev-a1").await.unwrap();
        let puts_on_a = host_a.puts.borrow().len();

        let r = sync(&a1, &host_b, &team_b(), "dev-a1", 40).await;
        assert!(r.pushed);
        assert_eq!(r.unsynced, 0);
        assert_eq!(r.blobs.uploaded, 1, "the photo goes up again, to the new host");
        assert_eq!(host_a.puts.borrow().len(), puts_on_a, "nothing more is written to the old host");

        let b1 = MemoryStore::new();
        save_team(&b1, &team_b(), "dev-b1").await.unwrap();
        let rb = sync(&b1, &host_b, &team_b(), "dev-b1", 41).await;
        assert!(rb.rejected.is_empty(), "nothing refused: {:?}", rb.rejected);
        assert!(blobs::has(&b1, &hash).await.unwrap(), "the photo arrived");
        let own = authored_by(&replica(&a1).await.unwrap(), "dev-a1");
        let got = replica(&b1).await.unwrap();
        assert_eq!(got.to_canonical_json(), own.to_canonical_json());
        for id in ["c1", "c3", "p1"] {
            assert!(got.docs.contains_key(id), "{id} reached the new team");
        }
        assert_eq!(got.docs["c3"].get("name"), Some(&json!("王五商贸")), "the change unsynced before the switch");
    });
}

#[test]
fn saving_the_same_team_again_with_a_new_password_keeps_the_sync_state() {
    block_on(async {
        let host_a = MemoryHost::new();
        let (a1, _) = a1_in_team_a(&host_a).await;
        let (state, q, up) =
            (sync_state(&a1).await.unwrap(), quarantine(&a1).await.unwrap(), uploaded(&a1).await.unwrap());
        let again = Team {
            host_url: "https://a.example/sync".into(), // the trailing slash does not make another team
            password: Some("new secret".into()),
            user: Some("li".into()),
            ..team_a()
        };
        assert_eq!(switch_preview(&a1, &again).await.unwrap(), None);
        assert_eq!(save_team(&a1, &again, "dev-a1").await.unwrap(), TeamSaved::Updated);
        assert_eq!(team(&a1).await.unwrap(), Some(again));
        assert_eq!(sync_state(&a1).await.unwrap(), state);
        assert_eq!(quarantine(&a1).await.unwrap(), q);
        assert_eq!(uploaded(&a1).await.unwrap(), up);
        assert_eq!(unsynced_count(&a1).await.unwrap(), 1, "only the change made since the last round");
    });
}

#[test]
fn the_same_host_with_another_key_is_another_team() {
    block_on(async {
        let host_a = MemoryHost::new();
        let (a1, _) = a1_in_team_a(&host_a).await;
        let rekeyed = team_on(&team_a().host_url, 9);
        let saved = save_team(&a1, &rekeyed, "dev-a1").await.unwrap();
        assert!(matches!(saved, TeamSaved::Switched { .. }));
        assert!(sync_state(&a1).await.unwrap().published.is_empty());
    });
}

#[test]
fn the_warning_before_a_switch_names_the_current_host_and_the_unsynced_changes() {
    block_on(async {
        let s = MemoryStore::new();
        assert_eq!(switch_preview(&s, &team_b()).await.unwrap(), None, "no team yet: nothing to warn about");
        assert_eq!(save_team(&s, &team_a(), "dev-a1").await.unwrap(), TeamSaved::Joined);
        edit_local(&s, "dev-a1", "c1", "name", json!("x"), 1).await;
        edit_local(&s, "dev-a1", "c2", "name", json!("y"), 2).await;
        assert_eq!(
            switch_preview(&s, &team_b()).await.unwrap(),
            Some(SwitchPreview { current_host: team_a().host_url, unsynced: 2 })
        );
    });
}
