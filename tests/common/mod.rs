//! Builders shared by the native and browser data-core tests.
#![allow(dead_code)]

use outpost::app::Actor;
use outpost::domain::profile::{Profile, Role};
use outpost::record::hlc::{Clock, Hlc};
use outpost::record::replica::{Document, Entry, Replica};
use outpost::storage::customers::Author;
use outpost::storage::RecordStore;
use serde_json::Value;
use std::sync::atomic::{AtomicU64, Ordering};

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
        seal: None,
    };
    Replica { docs: Default::default(), entries: [(id.to_owned(), e)].into() }
}

/// One tablet in a test: a profile writing with the device's clock, so two tablets'
/// changes carry distinct, ordered stamps as they would in the field.
pub struct Tablet {
    pub profile: &'static str,
    pub clock: Clock,
}

impl Tablet {
    pub fn new(profile: &'static str, device: &str) -> Self {
        Self { profile, clock: Clock::new(device) }
    }

    /// The author of a change made on this tablet at `now_ms`.
    pub fn at(&mut self, now_ms: i64) -> Author<'_> {
        Author { profile: self.profile, clock: &mut self.clock, now_ms }
    }

    /// Takes in another tablet's stamps, as a sync does.
    pub fn observe(&mut self, r: &Replica, now_ms: i64) {
        for s in r.stamps() {
            self.clock.observe(s, now_ms);
        }
    }
}

/// A document of `kind` holding `fields`, each written by `rep-1` at `wall_ms` 1, 2, 3…
/// (for decoding tests: what a tablet, a newer build or a damaged file left stored).
pub fn doc_of(id: &str, kind: &str, fields: &[(&str, Value)]) -> Document {
    let mut d = Document::new(id, kind);
    for (i, (k, v)) in fields.iter().enumerate() {
        d.set(k, v.clone(), stamp("tab-1", i as i64 + 1), "rep-1");
    }
    d
}

/// An entry of `kind` about `subject` with `body`, stamped by `tab-1` at `wall_ms`.
pub fn entry_of(id: &str, kind: &str, subject: &str, body: Value, wall_ms: i64) -> Entry {
    Entry {
        id: id.into(),
        kind: kind.into(),
        subject: subject.into(),
        stamp: stamp("tab-1", wall_ms),
        author: "rep-1".into(),
        body,
        seal: None,
    }
}

/// A document holding every field a codec encodes, as a fresh record would store them
/// (the round-trip half of the codec tests).
pub fn doc_from_fields(id: &str, kind: &str, fields: Vec<(&'static str, Value)>) -> Document {
    let fields: Vec<(&str, Value)> = fields.into_iter().collect();
    doc_of(id, kind, &fields)
}

// ---- Builders for the command tests (tests/commands/): a team on tablets with clocks.

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

/// A one-field edit made on `device` at `now_ms`, stored as the app stores a local
/// change (stamped by the device clock, queued for the next push). Returns its stamp.
pub async fn edit_local<S: RecordStore>(s: &S, device: &str, doc: &str, field: &str, v: Value, now_ms: i64) -> Hlc {
    let mut c = outpost::storage::data::clock(s, device).await.unwrap();
    let at = c.tick(now_ms);
    outpost::storage::data::apply_local(s, &set(doc, field, v, at.clone()), &c).await.unwrap();
    at
}

/// A photo as the photos card records it: bytes first, then the document. Returns the
/// photo's hash.
pub async fn photo_local<S: RecordStore>(
    s: &S,
    device: &str,
    id: &str,
    customer: &str,
    bytes: &[u8],
    now_ms: i64,
) -> String {
    use outpost::storage::attachments::{attachment_change, Label, NewAttachment};
    let hash = outpost::storage::blobs::put(s, bytes).await.unwrap();
    let mut c = outpost::storage::data::clock(s, device).await.unwrap();
    let new = NewAttachment {
        customer,
        hash: &hash,
        mime: "image/png",
        label: Label::Licence,
        origin: device,
        bytes: bytes.len() as u64,
    };
    let change = attachment_change(id, &new, &mut Author { profile: "rep-1", clock: &mut c, now_ms });
    outpost::storage::data::apply_local(s, &change, &c).await.unwrap();
    hash
}

/// A team syncing through a [`outpost::sync::host::MemoryHost`] under a fixed key.
pub fn mem_team(key_byte: u8) -> outpost::storage::sync_run::Team {
    outpost::storage::sync_run::Team {
        host_url: "mem:/".into(),
        key: outpost::sync::crypto::TeamKey::from_bytes([key_byte; 32]).to_text(),
        inviter: None,
        user: None,
        password: None,
        s3: None,
    }
}

/// One sync round of `device` at `now`, with nonces that never repeat across devices
/// (`salt` per device).
pub async fn sync_round<S: RecordStore>(
    s: &S,
    host: &outpost::sync::host::MemoryHost,
    team: &outpost::storage::sync_run::Team,
    device: &str,
    now: i64,
    salt: u8,
) -> outpost::storage::sync_run::SyncReport {
    let mut n = 0u64;
    outpost::storage::sync_run::sync_once(s, host, team, device, now, || {
        n += 1;
        let mut b = [salt; 12];
        b[..8].copy_from_slice(&n.to_le_bytes());
        b
    })
    .await
    .expect("a round")
}
