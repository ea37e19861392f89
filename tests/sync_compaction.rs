//! Sync that stays cheap (issue 19): a device folds its chunks into checkpoints; a
//! follower that already merged them does not download them, a new device downloads only
//! checkpoints and newer chunks, and faults around a checkpoint (lost, cut short, one
//! that does not open, a reader that had merged part of what it folds) end with every
//! device holding the same records and nothing refused that was not refused before.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use outpost::record::hlc::Hlc;
use outpost::record::replica::{Entry, Replica};
use outpost::storage::data::{apply_local, clock, replica, sync_state};
use outpost::storage::memory::MemoryStore;
use outpost::storage::sync_run::{sync_once_with, SyncReport};
use outpost::sync::compact::Compaction;
use outpost::sync::crypto::TeamKey;
use outpost::sync::engine::{chunk_path, head_path, Refusal};
use outpost::sync::host::MemoryHost;
use outpost::sync::snapshot::{open_head, seal_chunk, seal_head, Chunk};
use pollster::block_on;
use serde_json::json;

const NOW: i64 = 1_780_000_000_000;
const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;
/// Fold after four chunks, so a test reaches a checkpoint in a few rounds.
const SOON: Compaction = Compaction { after_chunks: 4 };

fn key() -> TeamKey {
    TeamKey::from_bytes([5; 32])
}

struct Tab {
    id: &'static str,
    s: MemoryStore,
    salt: u8,
    n: u64,
}

impl Tab {
    fn new(id: &'static str, salt: u8) -> Self {
        Self { id, s: MemoryStore::new(), salt, n: 0 }
    }

    fn edit(&self, doc: &str, field: &str, v: serde_json::Value, now: i64) {
        block_on(common::edit_local(&self.s, self.id, doc, field, v, now));
    }

    fn sync_with(&mut self, host: &MemoryHost, now: i64, policy: Compaction) -> SyncReport {
        let (salt, base) = (self.salt, self.n);
        let mut n = 0u64;
        let r = block_on(sync_once_with(
            &self.s,
            host,
            &common::mem_team(5),
            self.id,
            now,
            || {
                n += 1;
                let mut b = [salt; 12];
                b[..8].copy_from_slice(&(base + n).to_le_bytes());
                b
            },
            policy,
        ))
        .expect("a round");
        self.n += 1 << 16;
        r
    }

    fn sync(&mut self, host: &MemoryHost, now: i64) -> SyncReport {
        self.sync_with(host, now, SOON)
    }

    fn records(&self) -> Vec<u8> {
        block_on(replica(&self.s)).unwrap().to_canonical_json()
    }
}

/// `n` rounds of `t`, each publishing one new customer: `n` chunks.
fn publish_rounds(t: &mut Tab, host: &MemoryHost, from: usize, n: usize, start: i64) -> i64 {
    let mut now = start;
    for i in from..from + n {
        t.edit(&format!("{}-c{i}", t.id), "name", json!(format!("customer {i}")), now);
        t.sync(host, now);
        now += MIN;
    }
    now
}

fn folded_names(t: &Tab) -> Vec<String> {
    block_on(sync_state(&t.s)).unwrap().dropped.into_iter().collect()
}

fn gets_of(host: &MemoryHost, f: impl FnOnce()) -> (u64, u64) {
    let before = host.traffic.get();
    f();
    let after = host.traffic.get();
    (after.gets - before.gets, after.bytes_down - before.bytes_down)
}

#[test]
fn past_the_threshold_a_device_folds_its_chunks_into_one_checkpoint_its_head_lists_first() {
    let host = MemoryHost::new();
    let mut b = Tab::new("dev-b", 2);
    // The fifth round finds four chunks listed: it folds them, then publishes its own.
    publish_rounds(&mut b, &host, 0, 5, NOW);
    let state = block_on(sync_state(&b.s)).unwrap();
    assert_eq!(state.checkpoints.len(), 1, "{state:?}");
    assert_eq!(state.published.len(), 1);
    assert_eq!(folded_names(&b).len(), 4, "the four chunks are left out of the head");
    let head = open_head(&key(), &host.files.borrow()[&head_path("dev-b")], "dev-b").unwrap();
    assert_eq!(head.version, 2);
    assert_eq!(head.checkpoints, state.checkpoints);
    assert_eq!(head.chunks, state.published);
    // Nothing was deleted: the folded chunks are still on the host, for its lifecycle rule.
    for n in folded_names(&b) {
        assert!(host.files.borrow().contains_key(&chunk_path("dev-b", &n)));
    }
}

#[test]
fn once_a_follower_has_merged_a_head_listing_the_checkpoint_it_never_reads_it_again() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Tab::new("dev-a", 1), Tab::new("dev-b", 2));
    let now = publish_rounds(&mut b, &host, 0, 5, NOW);
    a.sync(&host, now);
    assert_eq!(a.records(), b.records());
    b.edit("dev-b-late", "name", json!("after the fold"), now + MIN);
    b.sync(&host, now + MIN);
    // Were the checkpoint read, this host's answer would refuse it.
    let cp = block_on(sync_state(&b.s)).unwrap().checkpoints[0].name.clone();
    *host.status_for.borrow_mut() = Some((cp, 500));
    let r = a.sync(&host, now + 2 * MIN);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(a.records(), b.records());
}

#[test]
fn a_follower_in_step_before_the_fold_skips_the_checkpoint_and_reads_only_the_new_chunk() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Tab::new("dev-a", 1), Tab::new("dev-b", 2));
    let now = publish_rounds(&mut b, &host, 0, 4, NOW);
    a.sync(&host, now);
    // b's next round folds the four chunks of the head `a` merged fully, then publishes
    // a new chunk, which `a` does not have.
    let now = publish_rounds(&mut b, &host, 4, 1, now + MIN);
    // Were the checkpoint read, this host's answer would refuse it.
    let cp = block_on(sync_state(&b.s)).unwrap().checkpoints[0].name.clone();
    *host.status_for.borrow_mut() = Some((cp, 500));
    let r = a.sync(&host, now + MIN);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(a.records(), b.records(), "the new customer arrived");
}

#[test]
fn a_new_device_downloads_checkpoints_and_newer_chunks_never_the_folded_ones() {
    let host = MemoryHost::new();
    let (mut b, mut c) = (Tab::new("dev-b", 2), Tab::new("dev-c", 3));
    let now = publish_rounds(&mut b, &host, 0, 11, NOW);
    let state = block_on(sync_state(&b.s)).unwrap();
    assert!(!state.checkpoints.is_empty() && !state.published.is_empty(), "{state:?}");
    let folded = folded_names(&b);
    let listed = state.own_files();
    let (gets, _) = gets_of(&host, || {
        let r = c.sync(&host, now);
        assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    });
    assert_eq!(c.records(), b.records());
    // Heads (b's, c's own), b's listed files; never a folded chunk.
    assert!(gets as usize <= listed.len() + 4, "{gets} GETs for {} listed files", listed.len());
    let c_state = block_on(sync_state(&c.s)).unwrap();
    for n in &folded {
        assert!(!c_state.peers["dev-b"].merged.contains(n));
    }
}

#[test]
fn a_reader_that_had_merged_part_of_the_folded_chunks_ends_with_everything() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Tab::new("dev-a", 1), Tab::new("dev-b", 2));
    let now = publish_rounds(&mut b, &host, 0, 4, NOW);
    // One of b's chunks cannot be downloaded when `a` reads: `a` merges the other two.
    let second = block_on(sync_state(&b.s)).unwrap().published[1].clone();
    *host.status_for.borrow_mut() = Some((second.clone(), 500));
    let r = a.sync(&host, now);
    assert_eq!(r.rejected.len(), 1, "{:?}", r.rejected);
    *host.status_for.borrow_mut() = None;
    // b folds them all (with a fourth); `a` has not merged the head the checkpoint covers.
    let now = publish_rounds(&mut b, &host, 4, 1, now + MIN);
    assert!(!block_on(sync_state(&b.s)).unwrap().checkpoints.is_empty());
    let r = a.sync(&host, now + MIN);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(a.records(), b.records());
    assert!(r.status.in_step() || !r.status.devices.is_empty());
}

#[test]
fn a_checkpoint_the_host_lost_is_published_again_and_every_device_converges() {
    for cut_short in [false, true] {
        let host = MemoryHost::new();
        let (mut a, mut b, mut c) = (Tab::new("dev-a", 1), Tab::new("dev-b", 2), Tab::new("dev-c", 3));
        let now = publish_rounds(&mut b, &host, 0, 5, NOW);
        let cp = block_on(sync_state(&b.s)).unwrap().checkpoints[0].name.clone();
        let path = chunk_path("dev-b", &cp);
        if cut_short {
            host.files.borrow_mut().get_mut(&path).unwrap().truncate(100);
        } else {
            host.files.borrow_mut().remove(&path);
        }
        let r = a.sync(&host, now);
        assert_eq!(r.rejected.len(), 1, "{:?}", r.rejected);
        assert!(matches!(r.rejected[0].reason, Refusal::Missing | Refusal::File(_)), "{:?}", r.rejected[0].reason);
        // The author's own check finds it (a few files per round) and writes it all again.
        let mut republished = 0;
        for i in 0..4 {
            republished += b.sync(&host, now + (i + 1) * MIN).republished;
        }
        assert_eq!(republished, 1);
        let state = block_on(sync_state(&b.s)).unwrap();
        assert!(!state.own_files().contains(&cp), "the lost checkpoint is no longer listed");
        for t in [&mut a, &mut c] {
            let r = t.sync(&host, now + 10 * MIN);
            assert!(r.rejected.is_empty(), "{:?}", r.rejected);
        }
        assert_eq!(a.records(), b.records());
        assert_eq!(c.records(), b.records());
    }
}

#[test]
fn a_head_naming_a_checkpoint_that_does_not_open_is_refused_by_name_and_its_chunks_still_merge() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Tab::new("dev-a", 1), Tab::new("dev-b", 2));
    let now = publish_rounds(&mut b, &host, 0, 5, NOW);
    let state = block_on(sync_state(&b.s)).unwrap();
    assert_eq!((state.checkpoints.len(), state.published.len()), (1, 1));
    // The file under the checkpoint's name is replaced by a chunk (sealed with the key,
    // but another kind of file): its hash no longer matches, nor does its kind.
    let cp = state.checkpoints[0].name.clone();
    let chunk = seal_chunk(&key(), [9; 12], &Chunk::new("dev-b", Replica::default()));
    host.files.borrow_mut().insert(chunk_path("dev-b", &cp), chunk);
    let r = a.sync(&host, now);
    assert_eq!(r.rejected.len(), 1, "{:?}", r.rejected);
    assert_eq!(r.rejected[0].path, chunk_path("dev-b", &cp));
    assert_eq!(r.rejected[0].reason.code(), "damaged");
    let got = block_on(replica(&a.s)).unwrap();
    assert!(got.docs.contains_key("dev-b-c4"), "the chunk after the checkpoint merged");
    assert!(!got.docs.contains_key("dev-b-c0"));
    assert!(!r.status.in_step());
    // A head whose checkpoint names a file that is a chunk (right hash, wrong kind).
    let real = block_on(sync_state(&b.s)).unwrap();
    let mut head = open_head(&key(), &host.files.borrow()[&head_path("dev-b")], "dev-b").unwrap();
    let name = real.published[0].clone();
    head.checkpoints[0].name = name.clone();
    head.hlc.counter += 1;
    host.files.borrow_mut().insert(head_path("dev-b"), seal_head(&key(), [8; 12], &head));
    let mut c = Tab::new("dev-c", 3);
    let r = c.sync(&host, now + MIN);
    assert!(
        r.rejected.iter().any(|x| x.path == chunk_path("dev-b", &name) && x.reason.code() == "damaged"),
        "{:?}",
        r.rejected
    );
}

/// Stores `entries` as `t`'s own changes with the stamps given (a tampered tablet).
fn store_entries(t: &Tab, entries: Vec<Entry>) {
    block_on(async {
        let c = clock(&t.s, t.id).await.unwrap();
        let change =
            Replica { docs: Default::default(), entries: entries.into_iter().map(|e| (e.id.clone(), e)).collect() };
        apply_local(&t.s, &change, &c).await.unwrap();
    });
}

fn claim(id: &str, device: &str, at: i64) -> Entry {
    Entry {
        id: id.into(),
        kind: "pool.claim".into(),
        subject: format!("cust-{id}"),
        stamp: Hlc { wall_ms: at, counter: 0, device: device.into() },
        author: "li".into(),
        body: json!({ "rep": "li" }),
        seal: None,
    }
}

fn backdated(r: &SyncReport) -> usize {
    r.rejected.iter().filter(|x| x.reason.code() == "backdated").count()
}

#[test]
fn p6_a_checkpoint_neither_trips_nor_moves_the_no_backdating_line() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Tab::new("dev-a", 1), Tab::new("dev-b", 2));
    // b publishes claims over five hours, one chunk an hour; the fifth round folds.
    for h in 0..5 {
        store_entries(&b, vec![claim(&format!("claim-{h}"), "dev-b", NOW + h * HOUR)]);
        b.sync(&host, NOW + h * HOUR + 1);
        if h == 1 {
            a.sync(&host, NOW + h * HOUR + 2);
        }
    }
    assert!(!block_on(sync_state(&b.s)).unwrap().checkpoints.is_empty());
    // Then a claim dated before all of them (to win P6), and an honest one.
    store_entries(&b, vec![claim("claim-old", "dev-b", NOW - 2 * HOUR), claim("claim-now", "dev-b", NOW + 6 * HOUR)]);
    b.sync(&host, NOW + 6 * HOUR + 1);
    let follower = a.sync(&host, NOW + 6 * HOUR + 2);
    let mut c = Tab::new("dev-c", 3);
    let joined = c.sync(&host, NOW + 6 * HOUR + 3);
    for r in [&follower, &joined] {
        assert_eq!(backdated(r), 1, "only the backdated claim: {:?}", r.rejected);
    }
    assert_eq!(a.records(), c.records(), "the follower and the new device draw the same line");
    let got = block_on(replica(&c.s)).unwrap();
    assert!(got.entries.contains_key("claim-0") && got.entries.contains_key("claim-now"));
    assert!(!got.entries.contains_key("claim-old"));
}

#[test]
fn p6_a_republished_history_is_not_refused_as_backdated_by_a_new_device() {
    // Before issue 19 the republished chunk went last in the head, so a new device judged
    // its old entries against the newer chunks and refused them.
    let host = MemoryHost::new();
    let mut b = Tab::new("dev-b", 2);
    store_entries(&b, vec![claim("claim-0", "dev-b", NOW)]);
    b.sync_with(&host, NOW + 1, Compaction::OFF);
    let first = block_on(sync_state(&b.s)).unwrap().published[0].clone();
    store_entries(&b, vec![claim("claim-1", "dev-b", NOW + 3 * HOUR)]);
    b.sync_with(&host, NOW + 3 * HOUR + 1, Compaction::OFF);
    host.files.borrow_mut().remove(&chunk_path("dev-b", &first));
    let r = b.sync_with(&host, NOW + 3 * HOUR + 2, Compaction::OFF);
    assert_eq!(r.republished, 1);
    let mut c = Tab::new("dev-c", 3);
    let r = c.sync(&host, NOW + 3 * HOUR + 3);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(c.records(), b.records());
}

#[test]
fn after_two_folds_side_by_side_the_next_round_folds_everything_again_and_nothing_is_lost() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Tab::new("dev-a", 1), Tab::new("dev-b", 2));
    let now = publish_rounds(&mut b, &host, 0, 6, NOW);
    // What `SyncState::merged_with_stored` leaves when two tabs' folds differ.
    block_on(async {
        let mut state = sync_state(&b.s).await.unwrap();
        state.refold = true;
        let c = clock(&b.s, "dev-b").await.unwrap();
        outpost::storage::data::mark_pushed(&b.s, &Replica::default(), &state, &c).await.unwrap();
    });
    let r = b.sync(&host, now);
    assert_eq!(r.republished, 0, "nothing was lost");
    let state = block_on(sync_state(&b.s)).unwrap();
    assert!(!state.refold);
    assert_eq!((state.checkpoints.len(), state.published.len()), (1, 0), "{state:?}");
    let r = a.sync(&host, now + MIN);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(a.records(), b.records());
}
