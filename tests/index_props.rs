//! The team index and its day files are invisible in the records (issue 19): in a team large enough to
//! write one, under any interleaving of edits, claims, rounds and a host that cuts short,
//! tampers with or puts back older copies of the index files, every device ends
//! byte-identical to a full replay (the join of every chunk ever published, read
//! straight from the host), and so does a device that joins at the end. The only
//! refusals are of index and day files (which the host also cuts short).
//!
//! Each case runs nine devices through up to fifty steps with real sealing, so the
//! property runs one case for every 100 of `PROPTEST_CASES` (the test command: 2000 → 20
//! cases, about 5 s each in a debug build; at least 4):
//! `PROPTEST_CASES=20000 cargo test --release --test index_props` for a longer run.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use outpost::record::hlc::Hlc;
use outpost::record::replica::{Entry, Replica};
use outpost::storage::data::{apply_local, clock, replica, sync_state};
use outpost::storage::memory::MemoryStore;
use outpost::storage::sync_run::{sync_once_with, SyncReport};
use outpost::sync::compact::Compaction;
use outpost::sync::crypto::TeamKey;
use outpost::sync::engine::pull;
use outpost::sync::host::MemoryHost;
use outpost::sync::index::{index_heads_path, index_path, INDEX_MIN_DEVICES};
use outpost::sync::snapshot::open_chunk;
use pollster::block_on;
use proptest::prelude::*;
use serde_json::json;

const START: i64 = 1_780_000_000_000;
const MIN: i64 = 60_000;
/// One more than it takes to write an index.
const DEVICES: usize = INDEX_MIN_DEVICES + 1;
const DOCS: [&str; 3] = ["c1", "c2", "c3"];

fn device(i: usize) -> String {
    format!("dev-{i}")
}

#[derive(Debug, Clone)]
enum Op {
    Edit {
        dev: usize,
        doc: usize,
        value: u8,
    },
    Claim {
        dev: usize,
        doc: usize,
    },
    Sync {
        dev: usize,
    },
    Advance(i64),
    /// The host cuts an index short, flips a byte of it, or puts back an older copy.
    Truncate {
        writer: usize,
    },
    Flip {
        writer: usize,
        at: usize,
    },
    Replay {
        copy: usize,
    },
    /// The host cuts short every day file of a designated device.
    CutDays {
        writer: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let dev = 0..DEVICES;
    prop_oneof![
        5 => (dev.clone(), 0..DOCS.len(), any::<u8>()).prop_map(|(dev, doc, value)| Op::Edit { dev, doc, value }),
        2 => (dev.clone(), 0..DOCS.len()).prop_map(|(dev, doc)| Op::Claim { dev, doc }),
        8 => dev.prop_map(|dev| Op::Sync { dev }),
        2 => (0i64..40 * MIN).prop_map(Op::Advance),
        1 => (0usize..2).prop_map(|writer| Op::Truncate { writer }),
        1 => (0usize..2, any::<usize>()).prop_map(|(writer, at)| Op::Flip { writer, at }),
        1 => any::<usize>().prop_map(|copy| Op::Replay { copy }),
        1 => (0usize..2).prop_map(|writer| Op::CutDays { writer }),
    ]
}

struct World {
    host: MemoryHost,
    stores: Vec<MemoryStore>,
    now: i64,
    nonce: u64,
    claims: u32,
    /// Every index file the host held after a round, to put back later.
    copies: Vec<(String, Vec<u8>)>,
    index_used: bool,
}

impl World {
    fn new() -> Self {
        let mut w = Self {
            host: MemoryHost::new(),
            stores: (0..=DEVICES).map(|_| MemoryStore::new()).collect(),
            now: START,
            nonce: 0,
            claims: 0,
            copies: Vec::new(),
            index_used: false,
        };
        // Everyone publishes a head, twice over: the team is large enough for an index.
        for _ in 0..2 {
            for dev in 0..DEVICES {
                w.now += 1000;
                w.sync(dev);
            }
        }
        w
    }

    fn sync(&mut self, dev: usize) -> SyncReport {
        let base = self.nonce;
        self.nonce += 1 << 20;
        let mut n = 0u64;
        let r = block_on(sync_once_with(
            &self.stores[dev],
            &self.host,
            &common::mem_team(4),
            &device(dev),
            self.now,
            || {
                n += 1;
                let mut b = [0u8; 12];
                b[..8].copy_from_slice(&(base + n).to_le_bytes());
                b
            },
            Compaction { after_chunks: 3 },
        ))
        .expect("a round on a host that only damages index files");
        for w in 0..2 {
            for path in [index_path(&device(w)), index_heads_path(&device(w))] {
                if let Some(b) = self.host.files.borrow().get(&path) {
                    self.copies.push((path, b.clone()));
                }
            }
        }
        r
    }

    /// Damages the stamp (`heads` false) or the heads file of a designated device's index.
    fn damage(&mut self, writer: usize, heads: bool, f: impl FnOnce(&mut Vec<u8>)) {
        let path = if heads { index_heads_path(&device(writer)) } else { index_path(&device(writer)) };
        if let Some(b) = self.host.files.borrow_mut().get_mut(&path) {
            f(b);
        }
    }

    fn apply(&mut self, op: &Op) -> Result<(), TestCaseError> {
        match op {
            Op::Edit { dev, doc, value } => {
                block_on(common::edit_local(
                    &self.stores[*dev],
                    &device(*dev),
                    DOCS[*doc],
                    "name",
                    json!(value),
                    self.now,
                ));
            }
            Op::Claim { dev, doc } => {
                self.claims += 1;
                let s = &self.stores[*dev];
                let id = format!("claim-{}", self.claims);
                let (now, d) = (self.now, device(*dev));
                block_on(async {
                    let mut c = clock(s, &d).await.unwrap();
                    let stamp: Hlc = c.tick(now);
                    let e = Entry {
                        id: id.clone(),
                        kind: "pool.claim".into(),
                        subject: DOCS[*doc].into(),
                        stamp,
                        author: "rep".into(),
                        body: json!({ "rep": d }),
                        seal: None,
                    };
                    let change = Replica { docs: Default::default(), entries: [(id, e)].into() };
                    apply_local(s, &change, &c).await.unwrap();
                });
            }
            Op::Sync { dev } => {
                let r = self.sync(*dev);
                self.check(&r)?;
            }
            Op::Advance(ms) => self.now += ms,
            Op::Truncate { writer } => {
                self.damage(*writer, false, |b| b.truncate(b.len() / 2));
                self.damage(*writer, true, |b| b.truncate(b.len() / 2));
            }
            Op::Flip { writer, at } => self.damage(*writer, at % 2 == 1, |b| {
                let i = at % b.len().max(1);
                if let Some(x) = b.get_mut(i) {
                    *x ^= 0x01;
                }
            }),
            Op::CutDays { writer } => {
                let prefix = format!("devices/{}/days/", device(*writer));
                for (_, b) in self.host.files.borrow_mut().iter_mut().filter(|(p, _)| p.starts_with(&prefix)) {
                    b.truncate(b.len() / 2);
                }
            }
            Op::Replay { copy } => {
                if !self.copies.is_empty() {
                    let (path, bytes) = self.copies[copy % self.copies.len()].clone();
                    self.host.files.borrow_mut().insert(path, bytes);
                }
            }
        }
        Ok(())
    }

    /// Only index and day files may be refused: the host touched nothing else.
    fn check(&mut self, r: &SyncReport) -> Result<(), TestCaseError> {
        for x in &r.rejected {
            let index = x.path.ends_with("/index.json") || x.path.ends_with("/index-heads.json");
            prop_assert!(index || x.path.contains("/days/"), "{x:?}");
        }
        Ok(())
    }

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

    /// Rounds, a minute apart, until every device holds the same records.
    fn settle(&mut self) -> Result<(), TestCaseError> {
        for _ in 0..8 {
            for dev in 0..DEVICES {
                self.now += MIN;
                let r = self.sync(dev);
                self.check(&r)?;
            }
            if (1..DEVICES).all(|d| self.records(d) == self.records(0)) {
                return Ok(());
            }
        }
        Err(TestCaseError::fail("the devices did not converge"))
    }
}

fn run(ops: &[Op]) -> Result<World, TestCaseError> {
    let mut w = World::new();
    for op in ops {
        w.apply(op)?;
    }
    w.settle()?;
    let replay = w.full_replay();
    prop_assert_eq!(w.records(0), replay.clone(), "the index changed the records");
    let new = DEVICES;
    w.now += MIN;
    let joined = w.sync(new);
    w.check(&joined)?;
    prop_assert_eq!(w.records(new), replay, "a device that joined differs from a full replay");
    w.index_used = w.host.paths().iter().any(|p| p.ends_with("index.json"));
    Ok(w)
}

/// One case for every 100 of `PROPTEST_CASES` (module doc), at least 4.
fn cases() -> u32 {
    let asked = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse::<u32>().ok()).unwrap_or(256);
    (asked / 100).max(4)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn with_an_index_every_device_ends_as_a_full_replay(ops in prop::collection::vec(op(), 1..50)) {
        run(&ops)?;
    }
}

/// The property says something only if indexes are written: a plain sequence does.
#[test]
fn a_busy_sequence_writes_indexes_and_still_matches_the_full_replay() {
    let mut ops = Vec::new();
    for i in 0..40usize {
        let dev = i % DEVICES;
        ops.push(Op::Edit { dev, doc: i % 3, value: i as u8 });
        ops.push(Op::Claim { dev, doc: (i + 1) % 3 });
        ops.push(Op::Sync { dev });
        if i % 7 == 0 {
            ops.push(Op::Flip { writer: i % 2, at: i * 13 });
        }
        if i % 11 == 0 {
            ops.push(Op::Replay { copy: i });
        }
        if i % 13 == 0 {
            ops.push(Op::CutDays { writer: i % 2 });
        }
    }
    let w = run(&ops).unwrap();
    assert!(w.index_used, "indexes were written");
    // And a device that is not designated reads the team through one.
    let reader = DEVICES - 1;
    let state = block_on(sync_state(&w.stores[reader])).unwrap();
    let key = TeamKey::from_bytes([4; 32]);
    let r = block_on(pull(&w.host, &key, &device(reader), &state, &[], w.now, w.now + MIN)).unwrap();
    assert!(r.index_used.is_some(), "{:?}", r.rejected);
}
