//! The device-side data core over the in-memory store: edits are queued for sync in the
//! same transaction, pushes clear exactly what they sent, pulls store data and state
//! together, and a failing batch changes nothing.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{entry, set, stamp};
use outpost::record::hlc::Clock;
use outpost::storage::data::{
    apply_local, apply_remote, documents, mark_pushed, outbox, replica, sync_state, unsynced_count,
};
use outpost::storage::memory::MemoryStore;
use outpost::storage::{RecordStore, StoreName};
use outpost::sync::engine::SyncState;
use pollster::block_on;
use serde_json::json;

fn clk() -> Clock {
    Clock::new("a")
}

#[test]
fn a_local_edit_is_stored_and_queued_for_sync_together() {
    block_on(async {
        let s = MemoryStore::new();
        apply_local(&s, &set("c1", "name", json!("张三"), stamp("a", 1)), &clk()).await.unwrap();
        apply_local(&s, &entry("claim-1", "c1", stamp("a", 2)), &clk()).await.unwrap();
        assert_eq!(documents(&s, "customer").await.unwrap()[0].get("name"), Some(&json!("张三")));
        assert_eq!(unsynced_count(&s).await.unwrap(), 2);
        let out = outbox(&s).await.unwrap();
        assert_eq!((out.docs.len(), out.entries.len()), (1, 1));
    });
}

#[test]
fn a_push_clears_what_it_sent_but_keeps_an_edit_made_during_the_push() {
    block_on(async {
        let s = MemoryStore::new();
        apply_local(&s, &set("c1", "name", json!("v1"), stamp("a", 1)), &clk()).await.unwrap();
        apply_local(&s, &set("c2", "name", json!("x"), stamp("a", 2)), &clk()).await.unwrap();
        let sent = outbox(&s).await.unwrap();
        // While the push is on the wire, c1 is edited again.
        apply_local(&s, &set("c1", "name", json!("v2"), stamp("a", 3)), &clk()).await.unwrap();
        let state = SyncState { last_sync_ms: Some(9), ..Default::default() };
        mark_pushed(&s, &sent, &state, &clk()).await.unwrap();
        let left = outbox(&s).await.unwrap();
        assert_eq!(left.docs.keys().collect::<Vec<_>>(), vec!["c1"]);
        assert_eq!(left.docs["c1"].get("name"), Some(&json!("v2")));
        assert_eq!(sync_state(&s).await.unwrap(), state);
    });
}

#[test]
fn a_pull_stores_the_records_and_the_sync_state_together_without_queueing_them() {
    block_on(async {
        let s = MemoryStore::new();
        apply_local(&s, &set("c1", "phone", json!("138"), stamp("a", 5)), &clk()).await.unwrap();
        let incoming =
            set("c1", "phone", json!("139"), stamp("b", 4)).merge(set("c2", "name", json!("李四"), stamp("b", 6)));
        let mut state = SyncState::default();
        state.peers.entry("b".into()).or_default().merged.insert("chunk-1".into());
        apply_remote(&s, &incoming, &state, &clk()).await.unwrap();
        let all = replica(&s).await.unwrap();
        assert_eq!(all.docs["c1"].get("phone"), Some(&json!("138")), "the later local write wins");
        assert_eq!(all.docs["c2"].get("name"), Some(&json!("李四")));
        assert_eq!(unsynced_count(&s).await.unwrap(), 1, "remote records are not re-published");
        assert_eq!(sync_state(&s).await.unwrap(), state);
    });
}

#[test]
fn a_batch_that_fails_half_way_changes_nothing() {
    block_on(async {
        let s = MemoryStore::new();
        // A stored document that no longer decodes makes the merge into it fail.
        s.put_all(StoreName::Docs, vec![("bad".into(), json!({"not": "a document"}))]).await.unwrap();
        let change = set("c1", "name", json!("x"), stamp("a", 1)).merge(set("bad", "name", json!("y"), stamp("a", 2)));
        assert!(apply_local(&s, &change, &clk()).await.is_err());
        assert_eq!(s.get(StoreName::Docs, "c1").await.unwrap(), None, "c1 was not written");
        assert_eq!(unsynced_count(&s).await.unwrap(), 0, "nothing was queued");
    });
}

#[test]
fn a_deleted_document_is_left_out_of_lists_but_kept_as_a_tombstone() {
    block_on(async {
        let s = MemoryStore::new();
        apply_local(&s, &set("c1", "name", json!("x"), stamp("a", 1)), &clk()).await.unwrap();
        apply_local(&s, &set("c1", "_deleted", json!(true), stamp("a", 2)), &clk()).await.unwrap();
        assert!(documents(&s, "customer").await.unwrap().is_empty());
        assert!(replica(&s).await.unwrap().docs["c1"].is_deleted());
    });
}

/// Issue 14, item 4: a sync round reads the clock when it starts and stores it again
/// when it ends; an edit stored meanwhile ticked the clock further. The round's older
/// clock must not wind the stored one back, or a later edit would reuse a stamp.
#[test]
fn a_sync_round_ending_after_an_edit_does_not_wind_the_stored_clock_back() {
    block_on(async {
        let s = MemoryStore::new();
        let at_round_start = outpost::storage::data::clock(&s, "a").await.unwrap();
        let mut editing = at_round_start.clone();
        let edit_stamp = editing.tick(2_000);
        apply_local(&s, &set("c1", "name", json!("张三"), edit_stamp.clone()), &editing).await.unwrap();
        // The round ends with the clock it read at its start (plus what it observed).
        let mut round = at_round_start;
        round.tick(1_000);
        apply_remote(&s, &set("c2", "name", json!("李四"), stamp("b", 500)), &SyncState::default(), &round)
            .await
            .unwrap();
        let mut next = outpost::storage::data::clock(&s, "a").await.unwrap();
        assert!(next.tick(1_500) > edit_stamp, "a later edit must stamp after the one stored meanwhile");
    });
}
