//! Builders shared by the native and browser data-core tests.
#![allow(dead_code)]

use outpost::record::hlc::Hlc;
use outpost::record::replica::{Document, Entry, Replica};
use serde_json::Value;

pub fn stamp(device: &str, wall_ms: i64) -> Hlc {
    Hlc { wall_ms, counter: 0, device: device.into() }
}

/// A one-field change to a customer document.
pub fn set(doc: &str, field: &str, value: Value, at: Hlc) -> Replica {
    let mut d = Document::new(doc, "customer");
    d.set(field, value, at, "rep-1");
    Replica { docs: [(doc.to_owned(), d)].into(), entries: Default::default() }
}

pub fn entry(id: &str, subject: &str, at: Hlc) -> Replica {
    let e = Entry {
        id: id.into(),
        kind: "claim".into(),
        subject: subject.into(),
        stamp: at,
        author: "rep-1".into(),
        body: Value::Null,
    };
    Replica { docs: Default::default(), entries: [(id.to_owned(), e)].into() }
}

// ---- Builders for the command tests (tests/commands/): a team on tablets with clocks.

use outpost::app::Actor;
use outpost::domain::profile::{Profile, Role};
use outpost::record::hlc::Clock;
use outpost::storage::customers::Author;
use outpost::storage::RecordStore;
use std::sync::atomic::{AtomicU64, Ordering};

/// 2026-01-01 00:00 UTC (a Thursday), the tests' epoch.
pub const T0: i64 = 1_767_225_600_000;
pub const DAY: i64 = 24 * 3600 * 1000;

/// `ms` after [`T0`].
pub fn at(ms: i64) -> i64 {
    T0 + ms
}

/// Fresh ids, unique within a test binary.
pub fn next_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("id-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// `profile` acting in `role` on `device` at `now_ms`.
pub fn actor(profile: &str, role: Role, device: &str, now_ms: i64) -> Actor {
    Actor::new(profile, role, device, now_ms, next_id)
}

/// Rep Li, Rep Zhao, Manager Wang, Finance Qian and event staff Sun, each on a tablet.
pub fn li(now_ms: i64) -> Actor {
    actor("li", Role::Rep, "tab-a", now_ms)
}
pub fn zhao(now_ms: i64) -> Actor {
    actor("zhao", Role::Rep, "tab-c", now_ms)
}
pub fn wang(now_ms: i64) -> Actor {
    actor("wang", Role::Manager, "tab-b", now_ms)
}
pub fn qian(now_ms: i64) -> Actor {
    actor("qian", Role::Finance, "tab-b", now_ms)
}
pub fn sun(now_ms: i64) -> Actor {
    actor("sun", Role::EventStaff, "tab-k", now_ms)
}

/// A tablet writing records directly with the storage builders (what another device
/// or an earlier screen stored), with its own clock.
pub struct Tablet {
    pub profile: &'static str,
    pub clock: Clock,
}

impl Tablet {
    pub fn new(profile: &'static str, device: &str) -> Self {
        Self { profile, clock: Clock::new(device) }
    }
    pub fn at(&mut self, now_ms: i64) -> Author<'_> {
        Author { profile: self.profile, clock: &mut self.clock, now_ms }
    }
}

/// Stores `change` as a local change of `clock`'s device.
pub async fn seed<S: RecordStore>(s: &S, change: &Replica, clock: &Clock) {
    outpost::storage::data::apply_local(s, change, clock).await.expect("seeded");
}

/// Publishes the team directory (person documents) so commands can check who is a rep.
pub async fn seed_team<S: RecordStore>(s: &S) {
    let mut t = Tablet::new("wang", "tab-b");
    let people = [
        ("li", Role::Rep),
        ("zhao", Role::Rep),
        ("wang", Role::Manager),
        ("qian", Role::Finance),
        ("sun", Role::EventStaff),
    ];
    let mut all = Replica::default();
    for (id, role) in people {
        let p = Profile { id: id.into(), name: id.into(), role, created_ms: T0 };
        all = all.merge(outpost::storage::people::person_change(&p, None, &mut t.at(T0)).expect("new person"));
    }
    seed(s, &all, &t.clock).await;
}

/// How many records a store holds in the documents, entries and outbox stores.
pub async fn stored_count<S: RecordStore>(s: &S) -> usize {
    use outpost::storage::StoreName;
    let mut n = 0;
    for store in [StoreName::Docs, StoreName::Entries, StoreName::Outbox] {
        n += s.count(store).await.expect("count");
    }
    n
}
