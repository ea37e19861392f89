//! Devices find each other on hosts that list folders and on hosts that cannot: a device
//! that joins after others, by someone else's invite, is found by those who joined before
//! it once it has published, through its sealed announcement in `team/members/<n>.json`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::cell::Cell;

use common::set;
use outpost::storage::data::{apply_local, clock, replica, sync_state};
use outpost::storage::memory::MemoryStore;
use outpost::storage::sync_run::{sync_once, Team};
use outpost::sync::crypto::TeamKey;
use outpost::sync::engine::{pull, ListingSeen, SyncState};
use outpost::sync::host::{Listing, MemoryHost};
use outpost::sync::members::{announce, member_path, MAX_MEMBER_BYTES};
use outpost::sync::snapshot::{open_member, seal_member, Member};
use pollster::block_on;
use serde_json::json;

fn key() -> TeamKey {
    TeamKey::from_bytes([5; 32])
}

fn team(inviter: Option<&str>) -> Team {
    Team {
        host_url: "mem:/".into(),
        key: key().to_text(),
        inviter: inviter.map(str::to_owned),
        user: None,
        password: None,
        s3: None,
    }
}

thread_local! {
    static NONCE: Cell<u64> = const { Cell::new(0) };
}

/// Never the same nonce twice in one test thread, whichever device draws it.
fn nonces() -> impl FnMut() -> [u8; 12] {
    || {
        let n = NONCE.with(|c| {
            c.set(c.get() + 1);
            c.get()
        });
        let mut b = [0u8; 12];
        b[..8].copy_from_slice(&n.to_le_bytes());
        b
    }
}

struct Tablet {
    id: &'static str,
    store: MemoryStore,
    team: Team,
}

impl Tablet {
    fn new(id: &'static str, inviter: Option<&str>) -> Self {
        Self { id, store: MemoryStore::new(), team: team(inviter) }
    }

    fn add_customer(&self, doc: &str, name: &str, now: i64) {
        block_on(async {
            let mut c = clock(&self.store, self.id).await.unwrap();
            apply_local(&self.store, &set(doc, "name", json!(name), c.tick(now)), &c).await.unwrap();
        });
    }

    fn sync(&self, host: &MemoryHost, now: i64) -> outpost::storage::sync_run::SyncReport {
        block_on(sync_once(&self.store, host, &self.team, self.id, now, nonces())).unwrap()
    }

    fn customers(&self) -> Vec<String> {
        block_on(replica(&self.store)).unwrap().docs.keys().cloned().collect()
    }

    fn state(&self) -> SyncState {
        block_on(sync_state(&self.store)).unwrap()
    }
}

/// Which device each announcement slot names, in slot order.
fn slots(host: &MemoryHost) -> Vec<String> {
    let files = host.files.borrow();
    (0..)
        .map_while(|n| files.get(&member_path(n)).map(|b| open_member(&key(), b, n).map(|m| m.device).unwrap()))
        .collect()
}

/// A joins first, B by A's invite, C by A's invite after both. C publishes; B's very
/// next round (before A has read C, so no head names C yet) must bring C's customer.
fn later_joiner_is_found(host: &MemoryHost) -> (Tablet, Tablet, Tablet) {
    let a = Tablet::new("dev-a", None);
    let b = Tablet::new("dev-b", Some("dev-a"));
    let c = Tablet::new("dev-c", Some("dev-a"));
    a.add_customer("c-a", "from A", 10);
    a.sync(host, 20);
    b.add_customer("c-b", "from B", 30);
    b.sync(host, 40);
    a.sync(host, 50);
    b.sync(host, 60);
    assert_eq!(b.customers(), ["c-a", "c-b"]);

    c.add_customer("c-c", "from C", 70);
    let rc = c.sync(host, 80);
    assert!(rc.rejected.is_empty(), "{:?}", rc.rejected);
    assert_eq!(c.customers(), ["c-a", "c-b", "c-c"], "C finds A by its invite and B through A's head");
    let rb = b.sync(host, 90);
    assert!(rb.rejected.is_empty(), "{:?}", rb.rejected);
    assert_eq!(b.customers(), ["c-a", "c-b", "c-c"], "B found C, who joined after it");
    a.sync(host, 100);
    assert_eq!(a.customers(), ["c-a", "c-b", "c-c"]);
    (a, b, c)
}

#[test]
fn on_a_host_that_cannot_list_a_device_that_joined_later_is_found_by_one_that_joined_before_it() {
    let host = MemoryHost::new();
    *host.listing.borrow_mut() = Listing::CannotList;
    let (a, b, c) = later_joiner_is_found(&host);
    assert_eq!(slots(&host), ["dev-a", "dev-b", "dev-c"], "one slot each, claimed in the order they published");
    assert_eq!((a.state().member_slot, b.state().member_slot, c.state().member_slot), (Some(0), Some(1), Some(2)));
    let before = host.puts.borrow().iter().filter(|p| p.starts_with("team/")).count();
    a.sync(&host, 200);
    b.sync(&host, 210);
    assert_eq!(host.puts.borrow().iter().filter(|p| p.starts_with("team/")).count(), before, "claimed once");
}

#[test]
fn the_announcement_holds_no_device_id_in_plain_text_beyond_its_header() {
    let host = MemoryHost::new();
    *host.listing.borrow_mut() = Listing::CannotList;
    let a = Tablet::new("dev-a", None);
    a.add_customer("c-a", "张三五金", 1);
    a.sync(&host, 2);
    let files = host.files.borrow();
    let text = String::from_utf8_lossy(&files[&member_path(0)]).to_string();
    assert!(text.contains("\"format\":\"outpost.sealed\"") && text.contains("\"kind\":\"member\""), "{text}");
    assert!(!text.contains("张三"));
    assert!(
        open_member(&TeamKey::from_bytes([6; 32]), &files[&member_path(0)], 0).is_err(),
        "another team cannot open it"
    );
    assert!(open_member(&key(), &files[&member_path(0)], 1).is_err(), "copied into another slot it does not open");
}

#[test]
fn with_a_full_listing_nothing_is_announced_and_everyone_converges_as_before() {
    let host = MemoryHost::new();
    later_joiner_is_found(&host);
    assert!(host.paths().iter().all(|p| p.starts_with("devices/")), "{:?}", host.paths());
}

#[test]
fn a_listing_that_never_shows_the_devices_own_folder_is_not_trusted() {
    // A host answering `devices/` with some other page: an "empty listing" forever.
    let host = MemoryHost::new();
    *host.listing.borrow_mut() = Listing::Fixed(vec![]);
    later_joiner_is_found(&host);
    assert_eq!(slots(&host), ["dev-a", "dev-b", "dev-c"]);
}

#[test]
fn garbage_oversized_or_foreign_slots_are_refused_one_by_one_and_the_round_goes_on() {
    let host = MemoryHost::new();
    *host.listing.borrow_mut() = Listing::CannotList;
    {
        let mut files = host.files.borrow_mut();
        files.insert(member_path(0), b"<html>proxy error</html>".to_vec());
        files.insert(member_path(1), vec![b' '; MAX_MEMBER_BYTES + 1]);
        // A device that announced itself and never published: nothing to read there.
        files.insert(member_path(2), seal_member(&key(), [3; 12], &Member::new("dev-z", 2, 1)));
        let foreign = Member::new("dev-x", 3, 1);
        files.insert(member_path(3), seal_member(&TeamKey::from_bytes([6; 32]), [1; 12], &foreign));
        let moved = seal_member(&key(), [2; 12], &Member::new("dev-y", 9, 1));
        files.insert(member_path(4), moved);
    }
    let a = Tablet::new("dev-a", None);
    let b = Tablet::new("dev-b", None); // joined by hand, knows nobody
    a.add_customer("c-a", "from A", 10);
    let ra = a.sync(&host, 20);
    let codes: Vec<(String, &str)> = ra.rejected.iter().map(|r| (r.path.clone(), r.reason.code())).collect();
    assert_eq!(
        codes,
        [
            (member_path(0), "damaged"),
            (member_path(1), "too_large"),
            (member_path(3), "wrong_key"),
            (member_path(4), "damaged"),
        ]
    );
    assert!(ra.pushed);
    b.sync(&host, 30);
    assert_eq!(b.customers(), ["c-a"], "B found A through slot 5 past the bad ones");
    assert_eq!(&slots_from(&host, 5), &["dev-a", "dev-b"]);
}

fn slots_from(host: &MemoryHost, first: u32) -> Vec<String> {
    let files = host.files.borrow();
    (first..)
        .map_while(|n| files.get(&member_path(n)).map(|b| open_member(&key(), b, n).map(|m| m.device).unwrap()))
        .collect()
}

#[test]
fn a_device_whose_slot_was_taken_by_a_racing_write_claims_the_next_one() {
    block_on(async {
        let host = MemoryHost::new();
        *host.listing.borrow_mut() = Listing::CannotList;
        let k = key();
        let mut nonce = nonces();
        let x = pull(&host, &k, "dev-x", &SyncState::default(), &[], 1, i64::MAX / 2).await.unwrap();
        assert_eq!(x.listing, ListingSeen::Unusable);
        let x_state = announce(&host, &k, "dev-x", &x.state, &mut nonce, 2).await.unwrap();
        assert_eq!(x_state.member_slot, Some(0));
        // dev-y read slot 0 as free at the same moment; its write lands after x confirmed.
        host.files.borrow_mut().insert(member_path(0), seal_member(&k, nonce(), &Member::new("dev-y", 0, 3)));
        let again = pull(&host, &k, "dev-x", &x_state, &[], 4, i64::MAX / 2).await.unwrap();
        assert!(again.rejected.is_empty());
        let x_state = announce(&host, &k, "dev-x", &again.state, &mut nonce, 5).await.unwrap();
        assert_eq!(x_state.member_slot, Some(1));
        assert_eq!(slots(&host), ["dev-y", "dev-x"]);
    });
}

#[test]
fn a_read_only_host_that_cannot_list_still_lets_a_device_pull_without_error() {
    let host = MemoryHost::new();
    *host.listing.borrow_mut() = Listing::CannotList;
    let a = Tablet::new("dev-a", None);
    a.add_customer("c-a", "from A", 1);
    a.sync(&host, 2);
    *host.read_only.borrow_mut() = true;
    let b = Tablet::new("dev-b", None);
    let rb = b.sync(&host, 3);
    assert!(rb.read_only);
    assert_eq!(b.customers(), ["c-a"]);
    assert_eq!(b.state().member_slot, None);
}
