//! Two tabs on real IndexedDB: two connections to one database. The sync state each
//! stores is joined with the other's, and a connection lets a newer tab upgrade the
//! database instead of keeping it waiting.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use outpost::record::hlc::Clock;
use outpost::record::replica::Replica;
use outpost::storage::data::{apply_remote, mark_pushed, sync_state};
use outpost::storage::idb::IdbStore;
use outpost::storage::schema::{self, StoreName};
use outpost::storage::{RecordStore, StorageError};
use outpost::sync::engine::{PeerState, SyncState};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique(name: &str) -> String {
    format!("outpost-test-{name}-{}", js_sys::Math::random().to_bits())
}

fn published(names: &[&str]) -> SyncState {
    SyncState {
        published: names.iter().map(|n| n.to_string()).collect(),
        published_sizes: names.iter().map(|n| (n.to_string(), 100)).collect(),
        ..Default::default()
    }
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Waits up to `ms` for `done`.
async fn until(done: impl Fn() -> bool, ms: i32) -> bool {
    for _ in 0..ms / 20 {
        if done() {
            return true;
        }
        sleep(20).await;
    }
    done()
}

#[wasm_bindgen_test]
async fn two_connections_storing_sync_state_keep_both_tabs_chunks() {
    let name = unique("tabs-merge");
    let tab_a = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    let tab_b = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    let clock = Clock::new("d");
    // Both read the empty state; A publishes first, B (which pulled from a peer) stores last.
    mark_pushed(&tab_a, &Replica::default(), &published(&["ca"]), &clock).await.unwrap();
    let mut b = published(&["cb"]);
    b.peers.insert("p".into(), PeerState { merged: ["p1".to_string()].into(), ..Default::default() });
    apply_remote(&tab_b, &Replica::default(), &b, &clock).await.unwrap();
    mark_pushed(&tab_b, &Replica::default(), &b, &clock).await.unwrap();
    for tab in [&tab_a, &tab_b] {
        let s = sync_state(tab).await.unwrap();
        assert_eq!(s.published, ["cb", "ca"], "both chunks, the last writer's first");
        assert_eq!(s.published_sizes.len(), 2);
        assert!(s.peers["p"].merged.contains("p1"));
    }
    tab_a.close();
    tab_b.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_old_tab_closes_its_database_when_a_newer_tab_upgrades_it() {
    let name = unique("tabs-versionchange");
    let old = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    let told = Rc::new(Cell::new(false));
    let flag = told.clone();
    old.close_on_version_change(move || flag.set(true));
    let blocked = Rc::new(Cell::new(false));
    let b = blocked.clone();
    // The newer tab: opening at a later version must not wait for the old connection.
    let newer = IdbStore::open_watching(&name, schema::VERSION + 1, move || b.set(true)).await.unwrap();
    assert_eq!(newer.version(), schema::VERSION + 1);
    assert!(told.get(), "the old tab was told, so it can ask for a reload");
    assert!(!blocked.get(), "the upgrade never waited");
    // The old connection is closed: it fails instead of reading a database it no longer knows.
    let err = old.get(StoreName::Meta, "sync_state").await.unwrap_err();
    assert!(matches!(err, StorageError::Transaction(_)), "{err:?}");
    newer.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_upgrade_held_up_by_a_tab_that_does_not_let_go_says_so_and_finishes_when_it_closes() {
    let name = unique("tabs-blocked");
    // An older build: no versionchange handler, so its connection stays open.
    let stubborn = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    let blocked = Rc::new(Cell::new(false));
    let opened: Rc<RefCell<Option<Result<IdbStore, StorageError>>>> = Rc::new(RefCell::new(None));
    let (b, o) = (blocked.clone(), opened.clone());
    let name2 = name.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let r = IdbStore::open_watching(&name2, schema::VERSION + 1, move || b.set(true)).await;
        *o.borrow_mut() = Some(r);
    });
    assert!(until(|| blocked.get(), 5_000).await, "the newer tab was told it is blocked");
    assert!(opened.borrow().is_none(), "and is still waiting, not failed");
    stubborn.close();
    assert!(until(|| opened.borrow().is_some(), 5_000).await, "it opens once the old tab lets go");
    let newer = opened.borrow_mut().take().unwrap().unwrap();
    assert_eq!(newer.version(), schema::VERSION + 1);
    newer.close();
    IdbStore::delete_database(&name).await.unwrap();
}
