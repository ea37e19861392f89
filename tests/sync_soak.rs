//! The sync soak (issue 14): random interleavings of edits on three tablets, sync rounds,
//! host faults (a file dropped, cut short, replayed from an older copy, served stale, a
//! 500 for a whole round, the host unreachable) and clocks that run fast or slow. After
//! the faults stop and time passes, every tablet must hold byte-identical records and no
//! edit may be lost: for every field, the value kept is the one of the newest edit made
//! to it anywhere.
//!
//! `cargo test --test sync_soak` runs `PROPTEST_CASES` cases (the test command: 2000);
//! `bash scripts/soak.sh` runs 100 000 in release and prints the time.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use outpost::record::hlc::Hlc;
use outpost::storage::data::replica;
use outpost::storage::memory::MemoryStore;
use outpost::storage::sync_run::{sync_once, SyncReport, SyncRunError, Team};
use outpost::sync::crypto::TeamKey;
use outpost::sync::host::MemoryHost;
use pollster::block_on;
use proptest::prelude::*;
use serde_json::json;

const START: i64 = 1_780_000_000_000;
const MIN: i64 = 60_000;
const DEVICES: [&str; 3] = ["dev-a", "dev-b", "dev-c"];
const DOCS: [&str; 3] = ["c1", "c2", "c3"];
const FIELDS: [&str; 2] = ["name", "phone"];

#[derive(Debug, Clone)]
enum Fault {
    /// One file on the host disappears.
    Drop(usize),
    /// One file is cut to half its length.
    Truncate(usize),
    /// One head is put back as an older copy saved earlier.
    Replay(usize),
    /// One file is answered from an old copy (304 to conditional reads).
    Stale(usize),
    /// Every request of the next round answers 500.
    Status500,
    /// Reads under `devices/` fail as if the network dropped.
    Unreachable,
}

#[derive(Debug, Clone)]
enum Op {
    Edit {
        dev: usize,
        doc: usize,
        field: usize,
        value: u8,
    },
    Sync {
        dev: usize,
    },
    /// Real time moves on.
    Advance(i64),
    /// A tablet's clock is set wrong by this much.
    Skew {
        dev: usize,
        by_ms: i64,
    },
    /// A copy of one head is saved, to be replayed later.
    SaveHead(usize),
    Fault(Fault),
}

fn op() -> impl Strategy<Value = Op> {
    let dev = 0..DEVICES.len();
    prop_oneof![
        6 => (dev.clone(), 0..DOCS.len(), 0..FIELDS.len(), any::<u8>())
            .prop_map(|(dev, doc, field, value)| Op::Edit { dev, doc, field, value }),
        6 => dev.clone().prop_map(|dev| Op::Sync { dev }),
        3 => (0i64..10 * MIN).prop_map(Op::Advance),
        1 => (dev.clone(), prop_oneof![Just(-10 * MIN), Just(0), Just(3 * MIN), Just(2 * 60 * MIN)])
            .prop_map(|(dev, by_ms)| Op::Skew { dev, by_ms }),
        1 => dev.prop_map(Op::SaveHead),
        2 => prop_oneof![
            any::<usize>().prop_map(Fault::Drop),
            any::<usize>().prop_map(Fault::Truncate),
            any::<usize>().prop_map(Fault::Replay),
            any::<usize>().prop_map(Fault::Stale),
            Just(Fault::Status500),
            Just(Fault::Unreachable),
        ]
        .prop_map(Op::Fault),
    ]
}

/// Three tablets, one host, the real time and what each tablet's clock says.
struct World {
    host: MemoryHost,
    stores: Vec<MemoryStore>,
    skew: Vec<i64>,
    now: i64,
    nonce: u64,
    saved_heads: Vec<(String, Vec<u8>)>,
    /// Every edit made: (doc, field) → (stamp, value).
    edits: Vec<((String, String), Hlc, serde_json::Value)>,
}

fn team() -> Team {
    Team {
        host_url: "mem:/".into(),
        key: TeamKey::from_bytes([9; 32]).to_text(),
        inviter: Some(DEVICES[0].into()),
        user: None,
        password: None,
        s3: None,
    }
}

impl World {
    fn new() -> Self {
        let host = MemoryHost::new();
        *host.now_ms.borrow_mut() = Some(START);
        Self {
            host,
            stores: DEVICES.iter().map(|_| MemoryStore::new()).collect(),
            skew: vec![0; DEVICES.len()],
            now: START,
            nonce: 0,
            saved_heads: Vec::new(),
            edits: Vec::new(),
        }
    }

    fn local(&self, dev: usize) -> i64 {
        self.now + self.skew[dev]
    }

    fn edit(&mut self, dev: usize, doc: usize, field: usize, value: u8) {
        let (s, now) = (&self.stores[dev], self.local(dev));
        let stamp = block_on(common::edit_local(s, DEVICES[dev], DOCS[doc], FIELDS[field], json!(value), now));
        self.edits.push(((DOCS[doc].into(), FIELDS[field].into()), stamp, json!(value)));
    }

    fn sync(&mut self, dev: usize) -> Result<SyncReport, SyncRunError> {
        *self.host.now_ms.borrow_mut() = Some(self.now);
        let base = self.nonce;
        self.nonce += 1 << 20;
        let mut n = 0u64;
        block_on(sync_once(&self.stores[dev], &self.host, &team(), DEVICES[dev], self.local(dev), || {
            n += 1;
            let mut b = [0u8; 12];
            b[..8].copy_from_slice(&(base + n).to_le_bytes());
            b
        }))
    }

    fn pick(&self, i: usize) -> Option<String> {
        let paths = self.host.paths();
        (!paths.is_empty()).then(|| paths[i % paths.len()].clone())
    }

    /// Applies a fault; the ones that last a round are undone after the next sync.
    fn fault(&mut self, f: &Fault) -> bool {
        match f {
            Fault::Drop(i) => {
                if let Some(p) = self.pick(*i) {
                    self.host.files.borrow_mut().remove(&p);
                }
            }
            Fault::Truncate(i) => {
                if let Some(p) = self.pick(*i) {
                    if let Some(b) = self.host.files.borrow_mut().get_mut(&p) {
                        b.truncate(b.len() / 2);
                    }
                }
            }
            Fault::Replay(i) => {
                if !self.saved_heads.is_empty() {
                    let (p, b) = self.saved_heads[i % self.saved_heads.len()].clone();
                    self.host.files.borrow_mut().insert(p, b);
                }
            }
            Fault::Stale(i) => {
                if let Some(p) = self.pick(*i) {
                    let old = self.host.files.borrow().get(&p).cloned().unwrap_or_default();
                    self.host.stale.borrow_mut().insert(p, old);
                }
            }
            Fault::Status500 => *self.host.status.borrow_mut() = Some(500),
            Fault::Unreachable => *self.host.fail_get_containing.borrow_mut() = Some("devices/".into()),
        }
        matches!(f, Fault::Stale(_) | Fault::Status500 | Fault::Unreachable)
    }

    fn clear_faults(&self) {
        *self.host.status.borrow_mut() = None;
        *self.host.fail_get_containing.borrow_mut() = None;
        self.host.stale.borrow_mut().clear();
    }

    fn records(&self, dev: usize) -> String {
        serde_json::to_string(&block_on(replica(&self.stores[dev])).unwrap()).unwrap()
    }
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let mut w = World::new();
    let mut pending = false;
    for op in &ops {
        match op {
            Op::Edit { dev, doc, field, value } => w.edit(*dev, *doc, *field, *value),
            Op::Sync { dev } => {
                // During faults a round may fail; it must fail cleanly, never panic.
                let _ = w.sync(*dev);
                if pending {
                    w.clear_faults();
                    pending = false;
                }
            }
            Op::Advance(ms) => w.now += ms,
            Op::Skew { dev, by_ms } => w.skew[*dev] = *by_ms,
            Op::SaveHead(dev) => {
                let p = format!("devices/{}/head.json", DEVICES[*dev]);
                if let Some(b) = w.host.files.borrow().get(&p).cloned() {
                    w.saved_heads.push((p, b));
                }
            }
            Op::Fault(f) => pending |= w.fault(f),
        }
    }
    // The faults stop, the clocks are put right, and two days pass (stamps that were
    // ahead are no longer in the future).
    w.clear_faults();
    w.skew.iter_mut().for_each(|s| *s = 0);
    w.now += 2 * 24 * 60 * MIN;
    let mut settled = false;
    for _ in 0..40 {
        let mut all_in_step = true;
        for dev in 0..DEVICES.len() {
            let r = w.sync(dev).map_err(|e| TestCaseError::fail(format!("a clean round failed: {e}")))?;
            all_in_step &= r.status.in_step() && r.rejected.is_empty() && r.held.is_empty();
            w.now += MIN;
        }
        let first = w.records(0);
        if all_in_step && (1..DEVICES.len()).all(|d| w.records(d) == first) {
            settled = true;
            break;
        }
    }
    prop_assert!(settled, "the tablets did not converge after the faults stopped");

    // Nothing lost: each field holds the value of its newest edit, on every tablet.
    let mut newest: BTreeMap<(String, String), (Hlc, serde_json::Value)> = BTreeMap::new();
    for (k, stamp, v) in &w.edits {
        if newest.get(k).is_none_or(|(s, _)| stamp > s) {
            newest.insert(k.clone(), (stamp.clone(), v.clone()));
        }
    }
    let r = block_on(replica(&w.stores[0])).unwrap();
    for ((doc, field), (stamp, value)) in &newest {
        let reg = r.docs.get(doc).and_then(|d| d.fields.get(field));
        prop_assert!(reg.is_some(), "{doc}.{field} was lost");
        let reg = reg.unwrap();
        prop_assert_eq!(&reg.stamp, stamp, "{}.{} keeps the newest edit", doc, field);
        prop_assert_eq!(&reg.value, value);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn after_any_faults_every_tablet_converges_and_no_edit_is_lost(ops in prop::collection::vec(op(), 1..40)) {
        run(ops)?;
    }
}

/// Found by the soak: a tablet whose clock was set back published a head with an
/// earlier content time than its stored one, and the team never showed in step.
#[test]
fn a_tablet_whose_clock_was_set_back_still_brings_the_team_in_step() {
    run(vec![
        Op::Sync { dev: 2 },
        Op::Skew { dev: 2, by_ms: -600000 },
        Op::Sync { dev: 1 },
        Op::Edit { dev: 2, doc: 0, field: 0, value: 0 },
        Op::Sync { dev: 0 },
        Op::Sync { dev: 2 },
    ])
    .unwrap();
}
