//! No backdating (issue 15): an entry dated earlier than what its device had already
//! published, beyond the clock skew, is refused on pull — by a device that followed
//! along and by one that joins later and reads everything at once — and kept in the
//! quarantine. A device's own clock never runs back, so honest tablets never trip it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use outpost::record::hlc::{Hlc, MAX_SKEW_MS};
use outpost::record::replica::{Entry, Replica};
use outpost::storage::data::{apply_local, clock, replica};
use outpost::storage::memory::MemoryStore;
use outpost::storage::quarantine::quarantine;
use outpost::storage::sync_run::SyncReport;
use outpost::sync::host::MemoryHost;
use pollster::block_on;
use serde_json::json;

const NOW: i64 = 1_780_000_000_000;
const HOUR: i64 = 3_600_000;

fn sync(s: &MemoryStore, host: &MemoryHost, device: &str, now: i64, salt: u8) -> SyncReport {
    block_on(common::sync_round(s, host, &common::mem_team(9), device, now, salt))
}

/// Stores `entries` as tablet B's own changes, with the stamps given (a tampered
/// tablet can write any stamp into its store).
fn store_on_b(s: &MemoryStore, entries: Vec<Entry>) {
    block_on(async {
        let c = clock(s, "tab-b").await.unwrap();
        let change =
            Replica { docs: Default::default(), entries: entries.into_iter().map(|e| (e.id.clone(), e)).collect() };
        apply_local(s, &change, &c).await.unwrap();
    });
}

fn claim(id: &str, customer: &str, at: i64) -> Entry {
    Entry {
        id: id.into(),
        kind: "pool.claim".into(),
        subject: customer.into(),
        stamp: Hlc { wall_ms: at, counter: 0, device: "tab-b".into() },
        author: "li".into(),
        body: json!({ "rep": "li" }),
        seal: None,
    }
}

fn backdated(r: &SyncReport) -> Vec<&str> {
    r.rejected.iter().filter(|x| x.reason.code() == "backdated").map(|x| x.path.as_str()).collect()
}

#[test]
fn p6_a_claim_dated_before_what_its_tablet_had_published_is_refused_on_every_device() {
    let host = MemoryHost::new();
    let (a, b, c) = (MemoryStore::new(), MemoryStore::new(), MemoryStore::new());

    store_on_b(&b, vec![claim("claim-1", "c1", NOW)]);
    sync(&b, &host, "tab-b", NOW + 10, 2);
    let first = sync(&a, &host, "tab-a", NOW + 20, 1);
    assert!(backdated(&first).is_empty());

    // B's next chunk: a claim dated two hours before its published one (to win P6 on
    // c2), one a minute before it (within the skew: a clock corrected by a minute), and
    // one made now.
    store_on_b(
        &b,
        vec![
            claim("claim-old", "c2", NOW - 2 * HOUR),
            claim("claim-skew", "c3", NOW - 60_000),
            claim("claim-2", "c4", NOW + 30),
        ],
    );
    sync(&b, &host, "tab-b", NOW + 40, 2);

    let second = sync(&a, &host, "tab-a", NOW + 50, 1);
    assert_eq!(backdated(&second).len(), 1, "{:?}", second.rejected);
    // A tablet that joins later reads both chunks in one round and draws the same line.
    let joined = sync(&c, &host, "tab-c", NOW + 60, 3);
    assert_eq!(backdated(&joined).len(), 1, "{:?}", joined.rejected);

    for s in [&a, &c] {
        let got = block_on(replica(s)).unwrap();
        let mut ids: Vec<&str> = got.entries.keys().map(String::as_str).collect();
        ids.sort();
        assert_eq!(ids, vec!["claim-1", "claim-2", "claim-skew"]);
        let q = block_on(quarantine(s)).unwrap();
        let item = q.iter().find(|i| i.code == "backdated").expect("in the quarantine");
        assert_eq!(item.record.as_ref().and_then(|r| r.get("id")), Some(&json!("claim-old")));
    }
    const { assert!(MAX_SKEW_MS < 2 * HOUR) };
}
