//! Compaction is invisible in the records (issue 19): with devices folding their chunks
//! into checkpoints after every two chunks, under any interleaving of edits, entries and
//! other devices' pushes and pulls, every device ends byte-identical to a full replay —
//! the join of every chunk ever published, read straight from the host, where folded
//! chunks stay — and so does a device that joins at the end and bootstraps from the
//! checkpoints, without reading a folded chunk.
//!
//! `cargo test --test compaction_props` runs `PROPTEST_CASES` cases (the test command:
//! 2000).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use outpost::record::hlc::Hlc;
use outpost::record::replica::{Entry, Replica};
use outpost::storage::data::{apply_local, clock, replica, sync_state};
use outpost::storage::memory::MemoryStore;
use outpost::storage::sync_run::{sync_once_with, SyncReport};
use outpost::sync::compact::Compaction;
use outpost::sync::crypto::TeamKey;
use outpost::sync::host::MemoryHost;
use outpost::sync::snapshot::open_chunk;
use pollster::block_on;
use proptest::prelude::*;
use serde_json::json;

const START: i64 = 1_780_000_000_000;
const MIN: i64 = 60_000;
const DEVICES: [&str; 3] = ["dev-a", "dev-b", "dev-c"];
const DOCS: [&str; 3] = ["c1", "c2", "c3"];
const FIELDS: [&str; 2] = ["name", "phone"];

#[derive(Debug, Clone)]
enum Op {
    Edit { dev: usize, doc: usize, field: usize, value: u8 },
    Claim { dev: usize, doc: usize },
    Sync { dev: usize },
    Advance(i64),
}

fn op() -> impl Strategy<Value = Op> {
    let dev = 0..DEVICES.len();
    prop_oneof![
        5 => (dev.clone(), 0..DOCS.len(), 0..FIELDS.len(), any::<u8>())
            .prop_map(|(dev, doc, field, value)| Op::Edit { dev, doc, field, value }),
        2 => (dev.clone(), 0..DOCS.len()).prop_map(|(dev, doc)| Op::Claim { dev, doc }),
        6 => dev.prop_map(|dev| Op::Sync { dev }),
        2 => (0i64..10 * MIN).prop_map(Op::Advance),
    ]
}

/// One team on one host, every device with one compaction policy.
struct World {
    host: MemoryHost,
    stores: Vec<MemoryStore>,
    policy: Compaction,
    now: i64,
    nonce: u64,
    claims: u32,
}

impl World {
    fn new(policy: Compaction) -> Self {
        Self {
            host: MemoryHost::new(),
            stores: (0..=DEVICES.len()).map(|_| MemoryStore::new()).collect(),
            policy,
            now: START,
            nonce: 0,
            claims: 0,
        }
    }

    fn device(i: usize) -> &'static str {
        DEVICES.get(i).copied().unwrap_or("dev-new")
    }

    fn sync(&mut self, dev: usize) -> SyncReport {
        let base = self.nonce;
        self.nonce += 1 << 20;
        let mut n = 0u64;
        block_on(sync_once_with(
            &self.stores[dev],
            &self.host,
            &common::mem_team(4),
            Self::device(dev),
            self.now,
            || {
                n += 1;
                let mut b = [0u8; 12];
                b[..8].copy_from_slice(&(base + n).to_le_bytes());
                b
            },
            self.policy,
        ))
        .expect("a round on a host without faults")
    }

    fn apply(&mut self, op: &Op) {
        match op {
            Op::Edit { dev, doc, field, value } => {
                block_on(common::edit_local(
                    &self.stores[*dev],
                    DEVICES[*dev],
                    DOCS[*doc],
                    FIELDS[*field],
                    json!(value),
                    self.now,
                ));
            }
            Op::Claim { dev, doc } => {
                self.claims += 1;
                let s = &self.stores[*dev];
                let device = DEVICES[*dev];
                let id = format!("claim-{}", self.claims);
                let now = self.now;
                block_on(async {
                    let mut c = clock(s, device).await.unwrap();
                    let stamp: Hlc = c.tick(now);
                    let e = Entry {
                        id: id.clone(),
                        kind: "pool.claim".into(),
                        subject: DOCS[*doc].into(),
                        stamp,
                        author: "rep".into(),
                        body: json!({ "rep": device }),
                        seal: None,
                    };
                    let change = Replica { docs: Default::default(), entries: [(id, e)].into() };
                    apply_local(s, &change, &c).await.unwrap();
                });
            }
            Op::Sync { dev } => {
                let r = self.sync(*dev);
                assert!(r.rejected.is_empty(), "nothing is refused on a clean host: {:?}", r.rejected);
            }
            Op::Advance(ms) => self.now += ms,
        }
    }

    /// Every chunk ever published on the host, joined: what replaying the whole history
    /// gives. Checkpoints do not open as chunks and are left out.
    fn full_replay(&self) -> Vec<u8> {
        let key = TeamKey::from_bytes([4; 32]);
        let mut all = Replica::default();
        for (path, bytes) in self.host.files.borrow().iter() {
            let parts: Vec<&str> = path.split('/').collect();
            if let ["devices", device, "chunks", file] = parts[..] {
                let name = file.trim_end_matches(".json");
                if let Ok(c) = open_chunk(&key, bytes, device, name) {
                    all = all.merge(c.replica);
                }
            }
        }
        all.to_canonical_json()
    }

    fn records(&self, dev: usize) -> Vec<u8> {
        block_on(replica(&self.stores[dev])).unwrap().to_canonical_json()
    }

    /// Rounds until every device holds the same records.
    fn settle(&mut self) -> Result<(), TestCaseError> {
        for _ in 0..6 {
            for dev in 0..DEVICES.len() {
                self.now += MIN;
                self.sync(dev);
            }
            if (1..DEVICES.len()).all(|d| self.records(d) == self.records(0)) {
                return Ok(());
            }
        }
        Err(TestCaseError::fail("the devices did not converge"))
    }
}

fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let mut folding = World::new(Compaction { after_chunks: 2 });
    for op in ops {
        folding.apply(op);
    }
    folding.settle()?;
    let replay = folding.full_replay();
    prop_assert_eq!(folding.records(0), replay.clone(), "compaction changed the records");
    // A new device joins and reads everything at once.
    let new = DEVICES.len();
    folding.now += MIN;
    let joined = folding.sync(new);
    prop_assert!(joined.rejected.is_empty(), "{:?}", joined.rejected);
    prop_assert_eq!(folding.records(new), replay, "bootstrap differs from a full replay");
    // It read no chunk a checkpoint had folded.
    let merged = block_on(sync_state(&folding.stores[new])).unwrap();
    for (dev, name) in DEVICES.iter().enumerate() {
        let own = block_on(sync_state(&folding.stores[dev])).unwrap();
        if let Some(p) = merged.peers.get(*name) {
            prop_assert!(p.merged.iter().all(|n| !own.dropped.contains(n)), "a folded chunk was read");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn compaction_and_bootstrap_give_the_same_bytes_as_a_full_replay(ops in prop::collection::vec(op(), 1..60)) {
        run(&ops)?;
    }
}

/// The property above only says something if devices fold: a plain sequence does.
#[test]
fn a_busy_sequence_folds_and_still_matches_the_full_replay() {
    let mut ops = Vec::new();
    for i in 0..30usize {
        let dev = i % 3;
        ops.push(Op::Edit { dev, doc: i % 3, field: i % 2, value: i as u8 });
        ops.push(Op::Claim { dev, doc: (i + 1) % 3 });
        ops.push(Op::Sync { dev });
        ops.push(Op::Advance(MIN));
    }
    let mut w = World::new(Compaction { after_chunks: 2 });
    for op in &ops {
        w.apply(op);
    }
    for (dev, name) in DEVICES.iter().enumerate() {
        let s = block_on(sync_state(&w.stores[dev])).unwrap();
        assert!(!s.checkpoints.is_empty() && !s.dropped.is_empty(), "{name} folded");
    }
    run(&ops).unwrap();
}
