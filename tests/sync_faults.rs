//! Sync that never lies (issue 14): whole rounds over the device store and a host that
//! misbehaves — one bad file, oversized or malformed files, replayed and stale heads,
//! chunks the host lost, stamps from the far future, a document republished as another
//! kind, a host whose clock is wrong — and whether the team is in step.
//! Each test failed on the code before the change that made it pass.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::set;
use outpost::record::hlc::{Hlc, HostClock};
use outpost::record::replica::{Document, Replica};
use outpost::storage::data::{apply_local, clock, replica, sync_state, unsynced_count};
use outpost::storage::memory::MemoryStore;
use outpost::storage::quarantine::quarantine;
use outpost::storage::sync_run::SyncRunError;
use outpost::storage::sync_run::{sync_once, SyncReport, Team};
use outpost::sync::crypto::TeamKey;
use outpost::sync::engine::SyncError;
use outpost::sync::engine::{chunk_path, head_path, Refusal, MAX_HEAD_BYTES};
use outpost::sync::host::{HostError, MemoryHost, Rejection};
use outpost::sync::snapshot::{open_head, seal_head};
use pollster::block_on;
use serde_json::json;

/// A plausible "now" (2026), so host-clock checks see real dates.
const NOW: i64 = 1_780_000_000_000;
const MIN: i64 = 60_000;

fn team() -> Team {
    Team { host_url: "mem:/".into(), key: key().to_text(), inviter: None, user: None, password: None, s3: None }
}

fn key() -> TeamKey {
    TeamKey::from_bytes([3; 32])
}

/// A tablet: its store and a nonce counter that never repeats across rounds.
struct Tab {
    id: &'static str,
    s: MemoryStore,
    nonce: u64,
}

impl Tab {
    fn new(id: &'static str) -> Self {
        Self { id, s: MemoryStore::new(), nonce: 0 }
    }

    fn edit(&self, doc: &str, field: &str, v: serde_json::Value, now: i64) {
        block_on(common::edit_local(&self.s, self.id, doc, field, v, now));
    }

    /// Stores a change as if made here, with whatever stamp (a tablet with a wrong clock).
    fn edit_raw(&self, change: Replica) {
        block_on(async {
            let c = clock(&self.s, self.id).await.unwrap();
            apply_local(&self.s, &change, &c).await.unwrap();
        })
    }

    fn sync(&mut self, host: &MemoryHost, now: i64) -> SyncReport {
        let base = self.nonce;
        let mut n = 0u64;
        let r = block_on(sync_once(&self.s, host, &team(), self.id, now, || {
            n += 1;
            let mut b = [0u8; 12];
            b[..8].copy_from_slice(&(base + n).to_le_bytes());
            b
        }))
        .unwrap();
        self.nonce += 1_000;
        r
    }

    fn name(&self, doc: &str) -> Option<serde_json::Value> {
        block_on(replica(&self.s)).unwrap().docs.get(doc).and_then(|d| d.get("name").cloned())
    }

    fn doc(&self, doc: &str) -> Option<Document> {
        block_on(replica(&self.s)).unwrap().docs.get(doc).cloned()
    }
}

fn at(device: &str, wall_ms: i64) -> Hlc {
    Hlc { wall_ms, counter: 0, device: device.into() }
}

#[test]
fn one_bad_file_is_refused_by_name_and_the_rest_of_the_team_still_merges_and_pushes() {
    let host = MemoryHost::new();
    let (mut a, mut b, mut c) = (Tab::new("dev-a"), Tab::new("dev-b"), Tab::new("dev-c"));
    b.edit("b1", "name", json!("from b"), NOW);
    c.edit("c1", "name", json!("from c"), NOW);
    b.sync(&host, NOW);
    c.sync(&host, NOW);
    *host.status_for.borrow_mut() = Some(("dev-b/head".into(), 500));
    a.edit("a1", "name", json!("from a"), NOW);
    let r = a.sync(&host, NOW + MIN);
    assert_eq!(r.rejected.len(), 1, "{:?}", r.rejected);
    assert_eq!(r.rejected[0].device, "dev-b");
    assert_eq!(r.rejected[0].reason, Refusal::Host(HostError::Status(500)));
    assert_eq!(a.name("c1"), Some(json!("from c")), "the other device still merged");
    assert!(r.pushed, "this device's changes still went out");
    assert!(!r.status.in_step(), "a refused file means the team is not in step");
    // The host recovers: the next round takes the file and the quarantine empties.
    assert_eq!(block_on(quarantine(&a.s)).unwrap().len(), 1);
    *host.status_for.borrow_mut() = None;
    a.sync(&host, NOW + 2 * MIN);
    assert_eq!(a.name("b1"), Some(json!("from b")));
    assert!(block_on(quarantine(&a.s)).unwrap().is_empty());
}

#[test]
fn an_oversized_head_and_a_head_naming_paths_instead_of_chunks_are_refused_unread() {
    let host = MemoryHost::new();
    let (mut a, mut b, mut c) = (Tab::new("dev-a"), Tab::new("dev-b"), Tab::new("dev-c"));
    b.edit("b1", "name", json!("from b"), NOW);
    b.sync(&host, NOW);
    c.sync(&host, NOW);
    // dev-b's head is replaced by a huge file; dev-c's by a correctly sealed head whose
    // chunk list tries to walk out of its folder.
    host.files.borrow_mut().insert(head_path("dev-b"), vec![b' '; MAX_HEAD_BYTES + 1]);
    let mut head = open_head(&key(), &host.files.borrow()[&head_path("dev-c")], "dev-c").unwrap();
    head.chunks = vec!["../../dev-b/head".into()];
    host.files.borrow_mut().insert(head_path("dev-c"), seal_head(&key(), [7; 12], &head));
    let r = a.sync(&host, NOW + MIN);
    let reasons: Vec<(&str, &Refusal)> = r.rejected.iter().map(|x| (x.device.as_str(), &x.reason)).collect();
    assert!(reasons.contains(&("dev-b", &Refusal::Host(HostError::TooLarge { limit: MAX_HEAD_BYTES }))), "{reasons:?}");
    assert!(reasons.iter().any(|(d, r)| *d == "dev-c" && matches!(r, Refusal::BadHead(_))), "{reasons:?}");
    assert_eq!(a.name("b1"), None);
}

#[test]
fn a_replayed_older_head_is_refused_and_changes_nothing() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Tab::new("dev-a"), Tab::new("dev-b"));
    b.edit("b1", "name", json!("first"), NOW);
    b.sync(&host, NOW);
    let old_head = host.files.borrow()[&head_path("dev-b")].clone();
    b.edit("b2", "name", json!("second"), NOW + MIN);
    b.sync(&host, NOW + MIN);
    a.sync(&host, NOW + 2 * MIN);
    let before = block_on(sync_state(&a.s)).unwrap();
    // The host (or someone with write access) puts the older head back.
    host.files.borrow_mut().insert(head_path("dev-b"), old_head);
    let r = a.sync(&host, NOW + 3 * MIN);
    assert_eq!(r.rejected.len(), 1);
    assert_eq!(r.rejected[0].reason, Refusal::Rollback);
    let after = block_on(sync_state(&a.s)).unwrap();
    assert_eq!(after.peers["dev-b"], before.peers["dev-b"], "what was merged from dev-b stays as it was");
    assert_eq!(a.name("b2"), Some(json!("second")));
}

#[test]
fn a_host_answering_304_forever_is_named_when_another_device_has_seen_a_newer_head() {
    let host = MemoryHost::new();
    let (mut a, mut b, mut c) = (Tab::new("dev-a"), Tab::new("dev-b"), Tab::new("dev-c"));
    b.edit("b1", "name", json!("first"), NOW);
    b.sync(&host, NOW);
    a.sync(&host, NOW + MIN);
    c.sync(&host, NOW + MIN);
    // From now on the host answers 304 to a's conditional GET of b's head and serves
    // the old copy to a plain one, while c reads the real, newer head.
    let old_head = host.files.borrow()[&head_path("dev-b")].clone();
    b.edit("b2", "name", json!("second"), NOW + 2 * MIN);
    b.sync(&host, NOW + 2 * MIN);
    c.sync(&host, NOW + 3 * MIN);
    assert_eq!(c.name("b2"), Some(json!("second")));
    host.stale.borrow_mut().insert(head_path("dev-b"), old_head);
    let r = a.sync(&host, NOW + 4 * MIN);
    assert!(r.rejected.iter().any(|x| x.device == "dev-b" && x.reason == Refusal::Stale), "{:?}", r.rejected);
    assert!(!r.status.in_step());
    // The host stops serving the stale copy: the change arrives and nothing is refused.
    host.stale.borrow_mut().clear();
    let r = a.sync(&host, NOW + 5 * MIN);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(a.name("b2"), Some(json!("second")));
}

#[test]
fn a_chunk_the_host_lost_is_published_again_by_its_author() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Tab::new("dev-a"), Tab::new("dev-b"));
    b.edit("b1", "name", json!("from b"), NOW);
    b.edit("b2", "name", json!("also from b"), NOW);
    b.sync(&host, NOW);
    let chunk = block_on(sync_state(&b.s)).unwrap().published[0].clone();
    host.files.borrow_mut().remove(&chunk_path("dev-b", &chunk));
    let r = a.sync(&host, NOW + MIN);
    assert_eq!(r.rejected[0].reason, Refusal::Missing);
    assert_eq!(a.name("b1"), None);
    let r = b.sync(&host, NOW + 2 * MIN);
    assert_eq!(r.republished, 1);
    let published = block_on(sync_state(&b.s)).unwrap().published;
    assert!(!published.contains(&chunk), "the lost chunk is no longer listed");
    let r = a.sync(&host, NOW + 3 * MIN);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!((a.name("b1"), a.name("b2")), (Some(json!("from b")), Some(json!("also from b"))));
}

#[test]
fn a_chunk_the_host_cut_short_is_published_again_by_its_author() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Tab::new("dev-a"), Tab::new("dev-b"));
    b.edit("b1", "name", json!("from b"), NOW);
    b.sync(&host, NOW);
    let chunk = block_on(sync_state(&b.s)).unwrap().published[0].clone();
    let path = chunk_path("dev-b", &chunk);
    host.files.borrow_mut().get_mut(&path).unwrap().truncate(40);
    let r = a.sync(&host, NOW + MIN);
    assert_eq!(r.rejected.len(), 1, "{:?}", r.rejected);
    assert!(matches!(r.rejected[0].reason, Refusal::File(_)), "{:?}", r.rejected[0].reason);
    assert_eq!(a.name("b1"), None);
    let r = b.sync(&host, NOW + 2 * MIN);
    assert_eq!(r.republished, 1, "the author notices the size and writes the chunk again");
    let r = a.sync(&host, NOW + 3 * MIN);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(a.name("b1"), Some(json!("from b")));
}

#[test]
fn a_change_stamped_in_the_far_future_is_held_back_until_the_clock_catches_up() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Tab::new("dev-a"), Tab::new("dev-b"));
    a.edit("c1", "name", json!("Zhang San Hardware"), NOW);
    a.sync(&host, NOW);
    b.sync(&host, NOW);
    // dev-b's clock is a day ahead: its delete of c1 and its new customer are stamped then.
    let day = 24 * 3600 * 1000;
    let mut del = set("c1", "_deleted", json!(true), at("dev-b", NOW + day));
    del = del.merge(set("c2", "name", json!("today's customer"), at("dev-b", NOW + MIN)));
    b.edit_raw(del);
    b.sync(&host, NOW + MIN);
    let r = a.sync(&host, NOW + 2 * MIN);
    assert_eq!(r.held.len(), 1);
    assert_eq!((r.held[0].device.as_str(), r.held[0].count), ("dev-b", 1));
    assert!(r.skew.iter().any(|w| w.device == "dev-b"), "the device is named");
    assert!(!a.doc("c1").unwrap().is_deleted(), "the far-future delete is not applied");
    assert_eq!(a.name("c2"), Some(json!("today's customer")), "the rest of the chunk is");
    assert!(!r.status.in_step());
    // A day later the stamp is no longer in the future: it applies.
    let r = a.sync(&host, NOW + day);
    assert!(r.held.is_empty());
    assert!(a.doc("c1").unwrap().is_deleted());
}

#[test]
fn a_kiosk_that_worked_offline_half_an_hour_fast_is_merged_at_once_and_named() {
    let host = MemoryHost::new();
    *host.now_ms.borrow_mut() = Some(NOW);
    let (mut a, mut b) = (Tab::new("dev-a"), Tab::new("dev-b"));
    a.edit("c1", "name", json!("Harbour Kites"), NOW);
    a.sync(&host, NOW);
    b.sync(&host, NOW);
    // Both tablets' clocks run 35 minutes fast; b redeems offline, a is corrected first.
    let fast = NOW + 35 * MIN;
    b.edit("c1", "phone", json!("137"), fast);
    a.sync(&host, fast);
    b.sync(&host, fast + MIN);
    let r = a.sync(&host, fast + 2 * MIN);
    assert!(r.held.is_empty(), "{:?}", r.held);
    assert_eq!(a.doc("c1").unwrap().get("phone"), Some(&json!("137")));
    assert!(r.skew.iter().any(|w| w.device == "dev-b"), "the fast device is named: {:?}", r.skew);
}

#[test]
fn a_document_republished_as_another_kind_is_refused_and_kept_in_the_quarantine() {
    let host = MemoryHost::new();
    let (mut a, mut b, mut d) = (Tab::new("dev-a"), Tab::new("dev-b"), Tab::new("dev-d"));
    a.edit("c1", "name", json!("Zhang San Hardware"), NOW);
    a.sync(&host, NOW);
    b.sync(&host, NOW + MIN);
    // dev-b publishes the same id as another kind.
    let mut note = Document::new("c1", "note");
    note.set("name", json!("hidden"), at("dev-b", NOW + 2 * MIN), "rep-2");
    b.edit_raw(Replica { docs: [("c1".into(), note)].into(), entries: Default::default() });
    // dev-b's own store refuses it too, so publish it by hand from its outbox.
    b.sync(&host, NOW + 2 * MIN);
    let r = a.sync(&host, NOW + 3 * MIN);
    assert!(
        r.rejected.iter().any(|x| matches!(&x.reason, Refusal::KindChanged { id, .. } if id == "c1")),
        "{:?}",
        r.rejected
    );
    let doc = a.doc("c1").unwrap();
    assert_eq!((doc.kind.as_str(), doc.get("name")), ("customer", Some(&json!("Zhang San Hardware"))));
    let q = block_on(quarantine(&a.s)).unwrap();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].code, "kind_changed");
    assert_eq!(q[0].record.as_ref().and_then(|r| r.get("kind")), Some(&json!("note")), "kept verbatim");
    // A new device that pulls both in one round keeps the customer as well.
    d.sync(&host, NOW + 4 * MIN);
    assert_eq!(d.doc("c1").map(|x| x.kind), Some("customer".into()));
}

#[test]
fn a_host_whose_clock_reset_to_2000_moves_no_clock_and_says_why() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Tab::new("dev-a"), Tab::new("dev-b"));
    b.edit("b1", "name", json!("x"), NOW);
    b.sync(&host, NOW);
    *host.now_ms.borrow_mut() = Some(946_684_800_000);
    let r = a.sync(&host, NOW + MIN);
    assert!(matches!(r.host_clock, Some(HostClock::BehindTeam { .. })), "{:?}", r.host_clock);
    a.edit("a1", "name", json!("later edit"), NOW + 2 * MIN);
    let stamp = a.doc("a1").unwrap().fields["name"].stamp.wall_ms;
    assert_eq!(stamp, NOW + 2 * MIN, "stamped with real time, not the year 2000");
}

#[test]
fn the_team_is_in_step_only_once_every_device_has_read_every_other_ones_newest_head() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Tab::new("dev-a"), Tab::new("dev-b"));
    a.edit("a1", "name", json!("x"), NOW);
    let r = a.sync(&host, NOW);
    assert!(r.status.in_step(), "alone, with everything published: in step");
    b.edit("b1", "name", json!("y"), NOW);
    let r = b.sync(&host, NOW + 1);
    let seen_a = &r.status.devices[0];
    assert_eq!(seen_a.device, "dev-a");
    assert!(!seen_a.has_mine, "dev-a has not read dev-b's head yet");
    assert!(!r.status.in_step());
    let r = a.sync(&host, NOW + 2);
    assert!(r.status.in_step() || !r.status.devices[0].has_mine);
    b.sync(&host, NOW + 3);
    let r = a.sync(&host, NOW + 4);
    assert!(r.status.in_step(), "{:?}", r.status);
    let r = b.sync(&host, NOW + 5);
    assert!(r.status.in_step(), "{:?}", r.status);
    assert_eq!(
        block_on(replica(&a.s)).unwrap().to_canonical_json(),
        block_on(replica(&b.s)).unwrap().to_canonical_json()
    );
}

#[test]
fn a_pulled_change_counts_even_when_the_clock_and_sync_state_stay_as_they_were() {
    // The activities e2e failed on this: the clock and the sync state merged to what was
    // stored, the round counted no pulled records, and the open lists never re-read.
    let s = MemoryStore::new();
    block_on(async {
        let c = clock(&s, "dev-a").await.unwrap();
        let state = sync_state(&s).await.unwrap();
        let first = common::entry("e1", "c1", at("dev-b", NOW));
        let applied = outpost::storage::data::apply_remote(&s, &first, &state, &c).await.unwrap();
        assert_eq!(applied.changed, 1);
        let second = common::entry("e2", "c1", at("dev-b", NOW + 1));
        let applied = outpost::storage::data::apply_remote(&s, &second, &state, &c).await.unwrap();
        assert_eq!(applied.changed, 1, "one new entry, whatever the meta writes did");
    });
}

#[test]
fn a_bucket_refusing_the_signature_stops_the_round_with_its_code_and_changes_nothing() {
    let host = MemoryHost::new();
    let mut a = Tab::new("tab-a");
    a.edit("c1", "name", json!("A"), NOW);
    a.sync(&host, NOW);
    let files = host.paths();
    a.edit("c2", "name", json!("B"), NOW + MIN);
    let waiting = block_on(unsynced_count(&a.s)).unwrap();
    *host.reject.borrow_mut() = Some(Rejection::SignatureMismatch);
    let r = block_on(sync_once(&a.s, &host, &team(), a.id, NOW + MIN, || [7; 12]));
    assert!(
        matches!(r, Err(SyncRunError::Sync(SyncError::Host(HostError::Rejected(Rejection::SignatureMismatch))))),
        "{r:?}"
    );
    assert_eq!(host.paths(), files);
    assert_eq!(block_on(unsynced_count(&a.s)).unwrap(), waiting, "the change waits for the next round");
    assert!(block_on(quarantine(&a.s)).unwrap().is_empty(), "a refusal of the whole host blames no file");
}

/// nginx's `ETag` is `"<mtime seconds>-<size>"`: a head rewritten in the second it was
/// read, at the same size, keeps it. Such a validator is not kept, so the next read is a
/// full one; a file that had settled before it was served keeps its validator.
#[test]
fn an_etag_served_within_two_seconds_of_the_files_change_is_not_kept() {
    use outpost::sync::host::{etag_worth_keeping, VALIDATOR_SETTLE_MS};
    let served = NOW;
    // Modified in the second it was served (Last-Modified and Date equal): weak.
    assert!(!etag_worth_keeping(Some(served), served));
    assert!(!etag_worth_keeping(Some(served - VALIDATOR_SETTLE_MS + 1_000), served));
    // The device's clock behind the host's (modified "after" it was served): weak.
    assert!(!etag_worth_keeping(Some(served + 5 * MIN), served));
    // Settled before it was served: any rewrite has a later second, so a new ETag.
    assert!(etag_worth_keeping(Some(served - VALIDATOR_SETTLE_MS), served));
    assert!(etag_worth_keeping(Some(served - 3 * MIN), served));
    // A host that says nothing of the change is taken at its word.
    assert!(etag_worth_keeping(None, served));
}
