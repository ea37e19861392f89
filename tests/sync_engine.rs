//! The sync protocol end to end over an in-memory host: two devices converge, nothing is
//! lost or doubled when the host stops mid-push, and bad hosts or files change nothing.
#![cfg(not(target_arch = "wasm32"))]

use outpost::record::hlc::{Clock, MAX_SKEW_MS};
use outpost::record::replica::{Document, Replica};
use outpost::sync::crypto::{CryptoError, TeamKey};
use outpost::sync::engine::{pull, push, Refusal, SyncError, SyncState};
use outpost::sync::host::{HostError, Listing, MemoryHost};
use outpost::sync::members::MAX_BAD_IN_A_ROW;
use outpost::sync::snapshot::SnapshotError;
use pollster::block_on;
use serde_json::json;

/// Accept every stamp these tests make.
const LATER: i64 = i64::MAX / 2;

fn key() -> TeamKey {
    TeamKey::from_bytes([9; 32])
}

/// A device in a test: its clock, what it knows, what it has not yet published.
struct Device {
    id: String,
    clock: Clock,
    replica: Replica,
    outbox: Replica,
    state: SyncState,
    nonce: u8,
}

impl Device {
    fn new(id: &str) -> Self {
        Self {
            id: id.into(),
            clock: Clock::new(id),
            replica: Replica::default(),
            outbox: Replica::default(),
            state: SyncState::default(),
            nonce: 0,
        }
    }

    fn edit(&mut self, doc: &str, field: &str, value: serde_json::Value, now: i64) {
        let stamp = self.clock.tick(now);
        let mut d = Document::new(doc, "customer");
        d.set(field, value, stamp, "someone");
        let change = Replica { docs: [(doc.to_owned(), d)].into(), entries: Default::default() };
        self.replica = std::mem::take(&mut self.replica).merge(change.clone());
        self.outbox = std::mem::take(&mut self.outbox).merge(change);
    }

    fn push(&mut self, host: &MemoryHost, k: &TeamKey, now: i64) -> Result<(), SyncError> {
        let hlc = self.clock.tick(now);
        let counter = &mut self.nonce;
        let r = block_on(push(
            host,
            k,
            &self.id,
            &self.state,
            &self.outbox,
            &[],
            hlc,
            || {
                *counter = counter.wrapping_add(1);
                [*counter; 12]
            },
            now,
        ))?;
        self.state = r.state;
        self.outbox = Replica::default();
        Ok(())
    }

    fn pull(
        &mut self,
        host: &MemoryHost,
        k: &TeamKey,
        now: i64,
    ) -> Result<outpost::sync::engine::PullResult, SyncError> {
        let r = block_on(pull(host, k, &self.id, &self.state, &[], now, now + MAX_SKEW_MS))?;
        for s in r.incoming.stamps() {
            self.clock.observe(s, now);
        }
        self.replica = std::mem::take(&mut self.replica).merge(r.incoming.clone());
        self.state = r.state.clone();
        Ok(r)
    }
}

#[test]
fn two_devices_that_edit_offline_and_sync_hold_identical_data() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Device::new("dev-a"), Device::new("dev-b"));
    a.edit("c1", "name", json!("张三五金"), 100);
    b.edit("c1", "phone", json!("13800138000"), 101);
    b.edit("c2", "name", json!("李四贸易"), 102);
    a.edit("c1", "phone", json!("13900139000"), 103); // later than b's phone: wins

    a.push(&host, &key(), 200).unwrap();
    b.push(&host, &key(), 201).unwrap();
    a.pull(&host, &key(), 202).unwrap();
    b.pull(&host, &key(), 203).unwrap();

    assert_eq!(a.replica.to_canonical_json(), b.replica.to_canonical_json());
    assert_eq!(a.replica.docs["c1"].get("phone"), Some(&json!("13900139000")));
    assert_eq!(b.replica.docs["c2"].get("name"), Some(&json!("李四贸易")));
}

#[test]
fn s3_no_file_on_the_host_contains_a_customer_name_in_plain_text() {
    let host = MemoryHost::new();
    let mut a = Device::new("dev-a");
    a.edit("c1", "name", json!("张三五金"), 1);
    a.push(&host, &key(), 2).unwrap();
    assert_eq!(host.paths().len(), 2, "one chunk and one head");
    for (path, bytes) in host.files.borrow().iter() {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("张三") && !text.contains("c1\""), "{path} leaks");
    }
}

#[test]
fn a_second_pull_with_nothing_new_fetches_no_chunk() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Device::new("dev-a"), Device::new("dev-b"));
    a.edit("c1", "name", json!("x"), 1);
    a.push(&host, &key(), 2).unwrap();
    assert_eq!(b.pull(&host, &key(), 3).unwrap().chunks_fetched, 1);
    let again = b.pull(&host, &key(), 4).unwrap();
    assert_eq!((again.heads_read, again.chunks_fetched), (0, 0), "the head's ETag matched");
}

#[test]
fn a_host_that_stops_between_the_chunk_and_the_head_loses_nothing_and_doubles_nothing() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Device::new("dev-a"), Device::new("dev-b"));
    a.edit("c1", "name", json!("张三"), 1);
    a.edit("c2", "name", json!("李四"), 2);
    *host.fail_put_containing.borrow_mut() = Some("head.json".into());
    let before = a.state.clone();
    assert!(matches!(a.push(&host, &key(), 3), Err(SyncError::Host(HostError::Unreachable(_)))));
    assert_eq!(a.state, before, "a failed push changes no local state");
    assert_eq!(a.outbox.docs.len(), 2, "the changes are still waiting");
    assert_eq!(host.paths().len(), 1, "only the orphan chunk reached the host");
    assert_eq!(b.pull(&host, &key(), 4).unwrap().chunks_fetched, 0, "no head, nothing to read");

    *host.fail_put_containing.borrow_mut() = None;
    a.push(&host, &key(), 5).unwrap();
    let got = b.pull(&host, &key(), 6).unwrap();
    assert_eq!(got.chunks_fetched, 1, "the orphan is never read");
    assert_eq!(b.replica.docs.len(), 2);
    assert_eq!(a.replica.to_canonical_json(), b.replica.to_canonical_json());
}

#[test]
fn a_host_answering_500_is_an_error_and_changes_nothing() {
    let host = MemoryHost::new();
    let mut a = Device::new("dev-a");
    a.edit("c1", "name", json!("x"), 1);
    *host.status.borrow_mut() = Some(500);
    assert_eq!(a.push(&host, &key(), 2), Err(SyncError::Host(HostError::Status(500))));
    assert_eq!(a.state, SyncState::default());
    assert_eq!(a.outbox.docs.len(), 1);
    // A refused listing is no listing: the pull reads nothing and merges nothing.
    let r = a.pull(&host, &key(), 3).unwrap();
    assert_eq!((r.heads_read, r.chunks_fetched, r.incoming.docs.len()), (0, 0, 0));
}

#[test]
fn a_host_serving_garbage_yields_refused_files_and_no_data() {
    let host = MemoryHost::new();
    let (mut a, mut b) = (Device::new("dev-a"), Device::new("dev-b"));
    a.edit("c1", "name", json!("x"), 1);
    a.push(&host, &key(), 2).unwrap();
    *host.garbage.borrow_mut() = Some(b"<html>502 Bad Gateway</html>".to_vec());
    let r = b.pull(&host, &key(), 3).unwrap();
    // b has not published, so it also read the announcement slots: a few, each refused.
    let (heads, slots): (Vec<_>, Vec<_>) = r.rejected.iter().partition(|x| x.path.starts_with("devices/"));
    assert_eq!(heads.len(), 1);
    assert_eq!(heads[0].reason, Refusal::File(SnapshotError::NotOutpost));
    assert_eq!(slots.len(), MAX_BAD_IN_A_ROW);
    assert!(slots.iter().all(|x| x.reason == Refusal::File(SnapshotError::NotOutpost)));
    assert!(b.replica.docs.is_empty());
    assert!(b.state.peers.get("dev-a").is_none_or(|p| p.etag.is_none() && p.merged.is_empty()));
    // When the host recovers, the same pull succeeds.
    *host.garbage.borrow_mut() = None;
    assert_eq!(b.pull(&host, &key(), 4).unwrap().chunks_fetched, 1);
}

#[test]
fn a_device_using_another_teams_key_is_refused_and_the_others_still_merge() {
    let host = MemoryHost::new();
    let (mut a, mut stranger, mut b) = (Device::new("dev-a"), Device::new("dev-x"), Device::new("dev-b"));
    a.edit("c1", "name", json!("ours"), 1);
    stranger.edit("c1", "name", json!("theirs"), 5);
    a.push(&host, &key(), 2).unwrap();
    stranger.push(&host, &TeamKey::from_bytes([1; 32]), 6).unwrap();
    let r = b.pull(&host, &key(), 7).unwrap();
    assert_eq!(r.rejected.len(), 1);
    assert_eq!(r.rejected[0].reason, Refusal::File(SnapshotError::Crypto(CryptoError::WrongKeyOrTampered)));
    assert_eq!(b.replica.docs["c1"].get("name"), Some(&json!("ours")));
}

#[test]
fn devices_are_discovered_through_heads_when_the_host_cannot_list_folders() {
    let host = MemoryHost::new();
    *host.listing.borrow_mut() = Listing::CannotList;
    let (mut a, mut b, mut c) = (Device::new("dev-a"), Device::new("dev-b"), Device::new("dev-c"));
    b.edit("c1", "name", json!("from b"), 1);
    b.push(&host, &key(), 2).unwrap();
    // a knows b (say, from b's invite link) and learns of nobody else yet.
    let r = block_on(pull(&host, &key(), "dev-a", &a.state, &["dev-b".into()], 3, LATER)).unwrap();
    a.replica = a.replica.clone().merge(r.incoming);
    a.state = r.state;
    a.edit("c2", "name", json!("from a"), 4);
    a.push(&host, &key(), 5).unwrap();
    // c was invited by a: through a's head it finds b too.
    let r = block_on(pull(&host, &key(), "dev-c", &c.state, &["dev-a".into()], 6, LATER)).unwrap();
    c.replica = c.replica.clone().merge(r.incoming);
    assert_eq!(c.replica.docs.len(), 2, "both a's and b's customers");
}

#[test]
fn a_device_with_nothing_to_say_still_publishes_a_head_once_so_others_find_it() {
    let host = MemoryHost::new();
    let mut quiet = Device::new("dev-q");
    quiet.pull(&host, &key(), 1).unwrap();
    quiet.push(&host, &key(), 2).unwrap();
    assert_eq!(host.paths(), vec!["devices/dev-q/head.json".to_owned()]);
    quiet.push(&host, &key(), 3).unwrap();
    assert_eq!(host.puts.borrow().len(), 1, "no rewrite when nothing changed");
}

#[test]
fn a_folder_listing_yields_only_well_formed_device_names() {
    use outpost::sync::listing::devices_from_index;
    let folder = "http://127.0.0.1/sync/devices/";
    let json =
        r#"[{"name":"dev-a","type":"directory"},{"name":"x.json","type":"file"},{"name":"../etc","type":"directory"}]"#;
    assert_eq!(devices_from_index(json, folder), Some(vec!["dev-a".to_owned()]));
    let html = r#"<a href="../">../</a><a href="dev-b/">dev-b/</a><a href="evil%2F/">x</a>"#;
    assert_eq!(devices_from_index(html, folder), Some(vec!["dev-b".to_owned()]));
    // A page with no links is no listing at all (discovery falls back), not an empty one.
    assert_eq!(devices_from_index("<html>no index</html>", folder), None);
}
