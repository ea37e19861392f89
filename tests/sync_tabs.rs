//! Two tabs of the app on one tablet: two sync rounds of the same device over one store,
//! interleaved. Whatever order they store their state in, every chunk either published
//! stays in the device's head, and a third device receives every change.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::cell::Cell;
use std::future::{poll_fn, Future};
use std::pin::pin;
use std::task::Poll;

use common::set;
use outpost::storage::data::{apply_local, clock, replica, sync_state, unsynced_count};
use outpost::storage::memory::MemoryStore;
use outpost::storage::sync_run::{sync_once, Team};
use outpost::sync::crypto::TeamKey;
use outpost::sync::engine::head_path;
use outpost::sync::host::{Fetched, Host, HostError, MemoryHost, Presence};
use outpost::sync::snapshot::open_head;
use pollster::block_on;
use serde_json::json;

const DEVICE: &str = "dev-d";

fn the_team() -> Team {
    Team {
        host_url: "mem:/".into(),
        key: TeamKey::from_bytes([5; 32]).to_text(),
        inviter: None,
        user: None,
        password: None,
        s3: None,
    }
}

fn nonces(tab: u8) -> impl FnMut() -> [u8; 12] {
    let mut n = 0u64;
    move || {
        n += 1;
        let mut b = [tab; 12];
        b[..8].copy_from_slice(&n.to_le_bytes());
        b
    }
}

async fn edit(s: &MemoryStore, doc: &str, v: &str, now: i64) {
    let mut c = clock(s, DEVICE).await.unwrap();
    let change = set(doc, "name", json!(v), c.tick(now));
    apply_local(s, &change, &c).await.unwrap();
}

/// Waits until `open` is set (busy-polling: the test executor has nothing else to do).
async fn until(open: &Cell<bool>) {
    poll_fn(|cx| {
        if open.get() {
            Poll::Ready(())
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await
}

/// Runs two futures side by side on one thread, as two tabs' tasks would be.
async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut ra, mut rb) = (None, None);
    poll_fn(|cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        if ra.is_some() && rb.is_some() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    (ra.unwrap(), rb.unwrap())
}

/// One tab's view of the shared host. When its round first reaches the host (it has
/// read the sync state by then) it sets `reached` and waits for `hold`; its head writes
/// can be made to fail after the first `heads_ok`.
struct Tab<'a> {
    host: &'a MemoryHost,
    reached: Option<&'a Cell<bool>>,
    hold: Option<&'a Cell<bool>>,
    heads_ok: Option<usize>,
    heads: Cell<usize>,
}

impl<'a> Tab<'a> {
    fn new(host: &'a MemoryHost) -> Self {
        Tab { host, reached: None, hold: None, heads_ok: None, heads: Cell::new(0) }
    }

    /// Tab A waits until tab B has read the state; tab B waits until A is done.
    fn pair(host: &'a MemoryHost, b_reached: &'a Cell<bool>, a_done: &'a Cell<bool>) -> (Self, Self) {
        let mut a = Tab::new(host);
        a.hold = Some(b_reached);
        let mut b = Tab::new(host);
        b.reached = Some(b_reached);
        b.hold = Some(a_done);
        (a, b)
    }
}

impl Host for Tab<'_> {
    async fn get(&self, path: &str, etag: Option<&str>, max: usize) -> Result<Fetched, HostError> {
        self.host.get(path, etag, max).await
    }

    async fn presence(&self, path: &str) -> Result<Presence, HostError> {
        self.host.presence(path).await
    }

    async fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), HostError> {
        if path.ends_with("head.json") {
            self.heads.set(self.heads.get() + 1);
            if self.heads_ok.is_some_and(|n| self.heads.get() > n) {
                return Err(HostError::Unreachable("the tab was closed".into()));
            }
        }
        self.host.put(path, bytes).await
    }

    async fn list_devices(&self) -> Result<Option<Vec<String>>, HostError> {
        if let Some(r) = self.reached {
            r.set(true);
        }
        if let Some(open) = self.hold {
            until(open).await;
        }
        self.host.list_devices().await
    }
}

fn head_chunks(host: &MemoryHost) -> Vec<String> {
    let bytes = host.files.borrow().get(&head_path(DEVICE)).cloned().unwrap();
    open_head(&TeamKey::from_bytes([5; 32]), &bytes, DEVICE).unwrap().chunks
}

/// Tab B reads the sync state, then waits; tab A publishes edit X and stores its state;
/// edit Y is made; tab B publishes Y and stores its state last. With the state simply
/// overwritten, X's chunk is in no head and X's outbox row is gone: X never leaves the
/// tablet.
async fn interleave(host: &MemoryHost, s: &MemoryStore, b_heads_ok: Option<usize>) -> bool {
    interleave_watched(host, s, b_heads_ok, None).await
}

/// [`interleave`], with another device `watcher` syncing between the two tabs' rounds.
async fn interleave_watched(
    host: &MemoryHost,
    s: &MemoryStore,
    b_heads_ok: Option<usize>,
    watcher: Option<&MemoryStore>,
) -> bool {
    edit(s, "x", "X from tab A", 10).await;
    let (b_reached, a_done) = (Cell::new(false), Cell::new(false));
    let (tab_a, mut tab_b) = Tab::pair(host, &b_reached, &a_done);
    tab_b.heads_ok = b_heads_ok;
    let team = the_team();
    let a = async {
        let r = sync_once(s, &tab_a, &team, DEVICE, 20, nonces(1)).await;
        if let Some(w) = watcher {
            let seen = sync_once(w, host, &team, "dev-w", 20, nonces(9)).await.unwrap();
            assert_eq!(seen.pulled, 1, "the watcher read tab A's head");
        }
        edit(s, "y", "Y from tab B", 21).await;
        a_done.set(true);
        r
    };
    // Tab B started first: its round read the clock earlier than tab A's.
    let b = sync_once(s, &tab_b, &team, DEVICE, 19, nonces(2));
    let (ra, rb) = both(a, b).await;
    assert!(ra.unwrap().pushed, "tab A published X");
    rb.is_ok()
}

async fn third_device_names(host: &MemoryHost) -> Vec<String> {
    let c = MemoryStore::new();
    sync_once(&c, host, &the_team(), "dev-c", 100, nonces(3)).await.unwrap();
    let all = replica(&c).await.unwrap();
    let mut names: Vec<String> =
        all.docs.values().filter_map(|d| d.get("name").and_then(|v| v.as_str()).map(str::to_owned)).collect();
    names.sort();
    names
}

#[test]
fn two_tabs_syncing_at_once_both_keep_their_chunk_in_the_head() {
    block_on(async {
        let (host, s) = (MemoryHost::new(), MemoryStore::new());
        assert!(interleave(&host, &s, None).await, "tab B's round finishes");
        let state = sync_state(&s).await.unwrap();
        assert_eq!(state.published.len(), 2, "one chunk from each tab: {:?}", state.published);
        let mut listed = head_chunks(&host);
        listed.sort();
        let mut published = state.published.clone();
        published.sort();
        assert_eq!(listed, published, "the head on the host lists both tabs' chunks");
        assert_eq!(unsynced_count(&s).await.unwrap(), 0);
        assert_eq!(third_device_names(&host).await, ["X from tab A", "Y from tab B"]);
    });
}

#[test]
fn a_head_left_short_by_a_closed_tab_is_written_again_by_the_next_round() {
    block_on(async {
        let (host, s) = (MemoryHost::new(), MemoryStore::new());
        // Tab B writes its head without X's chunk, then is closed before writing the
        // head that lists both.
        assert!(!interleave(&host, &s, Some(1)).await, "tab B's second head write failed");
        assert_eq!(head_chunks(&host).len(), 1, "the host's head misses one tab's chunk");
        assert_eq!(sync_state(&s).await.unwrap().published.len(), 2, "the store still names both");
        // Any later round, with nothing new to publish, notices and writes the head again.
        sync_once(&s, &host, &the_team(), DEVICE, 50, nonces(4)).await.unwrap();
        assert_eq!(head_chunks(&host).len(), 2);
        assert_eq!(third_device_names(&host).await, ["X from tab A", "Y from tab B"]);
    });
}

#[test]
fn a_round_that_stores_an_older_state_last_does_not_unpublish_the_newer_chunk() {
    block_on(async {
        // Tab B has nothing to publish but stores the state it read before tab A
        // published; the next round (one more edit) must still list A's chunk.
        let (host, s) = (MemoryHost::new(), MemoryStore::new());
        edit(&s, "x", "X from tab A", 10).await;
        let (b_reached, a_done) = (Cell::new(false), Cell::new(false));
        let (tab_a, tab_b) = Tab::pair(&host, &b_reached, &a_done);
        let team = the_team();
        let a = async {
            let r = sync_once(&s, &tab_a, &team, DEVICE, 20, nonces(1)).await;
            a_done.set(true);
            r
        };
        let (ra, rb) = both(a, sync_once(&s, &tab_b, &team, DEVICE, 22, nonces(2))).await;
        assert!(ra.unwrap().pushed);
        assert!(!rb.unwrap().pushed, "tab B found the outbox empty");
        edit(&s, "z", "Z later", 30).await;
        sync_once(&s, &host, &team, DEVICE, 40, nonces(5)).await.unwrap();
        assert_eq!(head_chunks(&host).len(), 2);
        assert_eq!(third_device_names(&host).await, ["X from tab A", "Z later"]);
    });
}

#[test]
fn a_device_that_read_one_tabs_head_takes_the_other_tabs_head_as_newer_not_as_a_replay() {
    block_on(async {
        let (host, s, w) = (MemoryHost::new(), MemoryStore::new(), MemoryStore::new());
        assert!(interleave_watched(&host, &s, None, Some(&w)).await);
        let r = sync_once(&w, &host, &the_team(), "dev-w", 60, nonces(9)).await.unwrap();
        assert_eq!(r.rejected, vec![], "no head refused as a rollback");
        let names: Vec<String> = replica(&w)
            .await
            .unwrap()
            .docs
            .values()
            .filter_map(|d| d.get("name").and_then(|v| v.as_str()).map(str::to_owned))
            .collect();
        assert!(names.contains(&"Y from tab B".to_string()), "{names:?}");
    });
}
