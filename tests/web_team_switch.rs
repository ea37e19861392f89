//! Joining another team on real IndexedDB: the new team, the forgotten sync state,
//! blob records and quarantine, and this device's records queued for the new team land
//! in one transaction; the clock is kept; the same team saved again keeps its state.
#![cfg(target_arch = "wasm32")]

mod common;

use std::collections::BTreeSet;

use common::{set, stamp};
use outpost::record::hlc::Clock;
use outpost::storage::blob_sync::uploaded;
use outpost::storage::data::{apply_local, apply_remote, clock, mark_pushed, outbox, sync_state, unsynced_count};
use outpost::storage::idb::IdbStore;
use outpost::storage::quarantine::{quarantine, Quarantined};
use outpost::storage::schema::{self, StoreName};
use outpost::storage::team::{save_team, team, Team, TeamSaved};
use outpost::storage::{put_typed, RecordStore};
use outpost::sync::engine::{PeerState, SyncState};
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique(name: &str) -> String {
    format!("outpost-test-{name}-{}", js_sys::Math::random().to_bits())
}

fn team_on(url: &str, key: &str) -> Team {
    Team { host_url: url.into(), key: key.into(), inviter: None, user: None, password: None, s3: None }
}

/// A device in step with team A: one own customer published, one from a peer merged,
/// a blob uploaded, a quarantined file, and one change not yet published.
async fn in_team_a(db: &IdbStore) -> SyncState {
    save_team(db, &team_on("https://a.example/", "key-a"), "dev-a").await.unwrap();
    let mut c = Clock::new("dev-a");
    let mine = set("c1", "name", json!("张三五金"), c.tick(10));
    apply_local(db, &mine, &c).await.unwrap();
    let state = SyncState {
        published: vec!["chunk-1".into()],
        peers: [("dev-b".to_owned(), PeerState { merged: ["chunk-b".to_owned()].into(), ..Default::default() })].into(),
        last_sync_ms: Some(20),
        ..Default::default()
    };
    mark_pushed(db, &outbox(db).await.unwrap(), &state, &c).await.unwrap();
    apply_remote(db, &set("c2", "name", json!("李四"), stamp("dev-b", 15)), &state, &c).await.unwrap();
    let q = vec![Quarantined {
        device: "dev-x".into(),
        path: "devices/dev-x/head.json".into(),
        code: "unreadable".into(),
        detail: "garbage".into(),
        record: None,
        first_seen_ms: 20,
        last_seen_ms: 20,
    }];
    put_typed(db, StoreName::Meta, "quarantine", &q).await.unwrap();
    put_typed(db, StoreName::Meta, "blobs_uploaded_v2", &BTreeSet::from(["h1".to_owned()])).await.unwrap();
    let mut c = clock(db, "dev-a").await.unwrap();
    let unsynced = set("c3", "name", json!("王五"), c.tick(30));
    apply_local(db, &unsynced, &c).await.unwrap();
    assert_eq!(quarantine(db).await.unwrap().len(), 1);
    assert_eq!(uploaded(db).await.unwrap().len(), 1);
    assert_eq!(unsynced_count(db).await.unwrap(), 1);
    state
}

#[wasm_bindgen_test]
async fn switching_teams_resets_the_sync_state_and_queues_own_records_in_indexeddb() {
    let name = unique("switch");
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    in_team_a(&db).await;
    let clock_before = clock(&db, "dev-a").await.unwrap();
    let b = team_on("https://b.example/", "key-b");
    assert_eq!(save_team(&db, &b, "dev-a").await.unwrap(), TeamSaved::Switched { queued: 2 });
    db.close();
    // What a reload finds.
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    assert_eq!(team(&db).await.unwrap(), Some(b));
    assert_eq!(sync_state(&db).await.unwrap(), SyncState::default());
    assert!(quarantine(&db).await.unwrap().is_empty());
    assert!(uploaded(&db).await.unwrap().is_empty());
    assert_eq!(clock(&db, "dev-a").await.unwrap(), clock_before);
    let out = outbox(&db).await.unwrap();
    assert_eq!(out.docs.keys().cloned().collect::<Vec<_>>(), ["c1", "c3"], "own records, published or not");
    assert!(db.get(StoreName::Docs, "c2").await.unwrap().is_some(), "the peer's record stays on the device");
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn saving_the_same_team_with_a_password_keeps_the_sync_state_in_indexeddb() {
    let name = unique("same-team");
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    let state = in_team_a(&db).await;
    let again = Team { password: Some("pw".into()), ..team_on("https://a.example/", "key-a") };
    assert_eq!(save_team(&db, &again, "dev-a").await.unwrap(), TeamSaved::Updated);
    assert_eq!(sync_state(&db).await.unwrap(), state);
    assert_eq!(quarantine(&db).await.unwrap().len(), 1);
    assert_eq!(uploaded(&db).await.unwrap().len(), 1);
    assert_eq!(unsynced_count(&db).await.unwrap(), 1);
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}
