//! Customers on real IndexedDB (C1, C2, C5, P1, P6): a whole team's worth written in
//! one batch reads back with contacts attached and facts grouped, survives closing
//! the database, and reads exactly as the in-memory store does.
#![cfg(target_arch = "wasm32")]

use outpost::domain::customer::{Contact, CustomerFile};
use outpost::domain::customer_list::{derive, CustomerRecord};
use outpost::domain::pool::{FactKind, OwnReason, PoolSettings};
use outpost::domain::profile::{Profile, Role};
use outpost::domain::tier::TierSettings;
use outpost::record::hlc::{Clock, Hlc};
use outpost::record::replica::{Entry, Replica};
use outpost::storage::customers::{
    contact_change, customer_change, delete_doc, fact_entry, join, load_customers, Author, CONTACT,
};
use outpost::storage::data::{apply_local, apply_remote, unsynced_count};
use outpost::storage::idb::IdbStore;
use outpost::storage::memory::MemoryStore;
use outpost::storage::people::{load_people, person_change, Person};
use outpost::storage::schema;
use outpost::storage::team_lists::{load_team_lists, parse_list, team_lists_change, TeamLists};
use outpost::sync::engine::SyncState;
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// 2026-01-01 00:00 UTC.
const T0: i64 = 1_767_225_600_000;
const DAY: i64 = 24 * 60 * 60 * 1000;
/// Customers in the team batch.
const N: usize = 240;
const REPS: [&str; 2] = ["p-li", "p-wang"];

fn unique(name: &str) -> String {
    format!("outpost-test-{name}-{}", js_sys::Math::random().to_bits())
}

fn author(clock: &mut Clock) -> Author<'_> {
    Author { profile: "p-boss", clock, now_ms: T0 }
}

fn profile(id: &str, name: &str, role: Role) -> Profile {
    Profile { id: id.into(), name: name.into(), role, created_ms: T0 }
}

fn lists() -> TeamLists {
    TeamLists {
        sources: parse_list("展会\n老客户介绍\n展会\n"),
        segments: parse_list("项目客户\n\n协议客户"),
        counts: vec![],
    }
}

/// `N` customers, two contacts each, a first-contact fact each (alternating reps) and a
/// losing claim by the other rep on every fifth; the two reps in the directory; the
/// team's lists. All of it one replica, as an import writes it.
fn team_batch(clock: &mut Clock) -> Replica {
    let by = &mut author(clock);
    let mut parts = Vec::new();
    for i in 0..N {
        let id = format!("c{i:03}");
        let file = CustomerFile {
            name: format!("客户{i:03}"),
            region: if i % 2 == 0 { "福州" } else { "厦门" }.into(),
            ..Default::default()
        };
        parts.extend(customer_change(&id, None, &file, by));
        let zhao = Contact {
            name: format!("Zhao {i}"),
            phone: format!("1380013{i:04}"),
            decision_maker: true,
            ..Default::default()
        };
        let qian = Contact { name: format!("Qian {i}"), title: "accounts".into(), ..Default::default() };
        parts.extend(contact_change(&id, &format!("{id}-k1"), None, &zhao, by));
        parts.extend(contact_change(&id, &format!("{id}-k2"), None, &qian, by));
        // P1/P6: a first contact and a claim are written by the rep they name.
        let (rep, other) = (REPS[i % 2], REPS[(i + 1) % 2]);
        let first = FactKind::FirstContact { rep: rep.into() };
        let mut rep_by = Author { profile: rep, clock: &mut *by.clock, now_ms: T0 };
        parts.push(fact_entry(&format!("{id}-f1"), &id, &first, &mut rep_by).expect("fact"));
        if i % 5 == 0 {
            let claim = FactKind::Claim { rep: other.into() };
            let mut other_by = Author { profile: other, clock: &mut *by.clock, now_ms: T0 };
            parts.push(fact_entry(&format!("{id}-f2"), &id, &claim, &mut other_by).expect("fact"));
        }
    }
    parts.extend(person_change(&profile("p-li", "Li Na", Role::Rep), None, by));
    parts.extend(person_change(&profile("p-wang", "Wang Wei", Role::Rep), None, by));
    parts.extend(team_lists_change(&TeamLists::default(), &lists(), by));
    join(parts)
}

/// Every customer is there, with its own two contacts by name and its own facts.
fn check_team(recs: &[CustomerRecord]) {
    assert_eq!(recs.len(), N);
    for (i, rec) in recs.iter().enumerate() {
        let id = format!("c{i:03}");
        assert_eq!(rec.id, id, "in key order");
        assert_eq!(rec.file.name, format!("客户{i:03}"));
        let names: Vec<&str> = rec.contacts.iter().map(|c| c.contact.name.as_str()).collect();
        assert_eq!(names, [format!("Qian {i}"), format!("Zhao {i}")], "{id}: its own contacts, by name");
        assert_eq!(rec.contacts[1].contact.phone, format!("1380013{i:04}"));
        assert!(rec.contacts[1].contact.decision_maker);
        let facts = if i % 5 == 0 { 2 } else { 1 };
        assert_eq!(rec.facts.len(), facts, "{id}: its facts only");
        assert!(rec.facts.iter().all(|f| f.id.starts_with(&id)), "{id}: facts grouped by subject");
    }
}

#[wasm_bindgen_test]
async fn two_hundred_and_forty_customers_written_in_one_batch_load_with_contacts_and_facts_and_survive_a_reload() {
    let name = unique("customers");
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    // A fresh database: no one in the directory yet, the default lists (C2, C5).
    assert!(load_customers(&db).await.unwrap().is_empty());
    assert!(load_people(&db).await.unwrap().is_empty());
    assert_eq!(load_team_lists(&db).await.unwrap(), TeamLists::default());

    let mut clock = Clock::new("tab-m");
    let batch = team_batch(&mut clock);
    let records = batch.docs.len() + batch.entries.len();
    assert_eq!(records, N * 3 + N + N / 5 + 2 + 1);
    let changed = apply_local(&db, &batch, &clock).await.unwrap();
    assert_eq!(changed, 2 * records + 1, "records, their outbox copies and the clock in one transaction");
    assert_eq!(unsynced_count(&db).await.unwrap(), records);

    let before = load_customers(&db).await.unwrap();
    check_team(&before);
    // P1 and P6 over what IndexedDB gave back: the first contact owns, the later claim lost.
    let c0 = derive(before[0].clone(), T0 + DAY, &PoolSettings::default(), &TierSettings::default());
    assert_eq!((c0.own.owner.as_deref(), c0.own.reason), (Some("p-li"), Some(OwnReason::FirstContact)));
    assert_eq!(c0.own.lost_claims.iter().map(|l| l.rep.as_str()).collect::<Vec<_>>(), ["p-wang"]);

    db.close();
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    let after = load_customers(&db).await.unwrap();
    assert_eq!(after, before, "closing and reopening keeps every customer, contact and fact");
    assert_eq!(
        load_people(&db).await.unwrap(),
        [
            Person { id: "p-li".into(), name: "Li Na".into(), role: Role::Rep, departing: false, key: None },
            Person { id: "p-wang".into(), name: "Wang Wei".into(), role: Role::Rep, departing: false, key: None },
        ]
    );
    let read = load_team_lists(&db).await.unwrap();
    assert_eq!(read, lists());
    assert_eq!(read.sources, ["展会", "老客户介绍"]);
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn removals_and_strange_entries_from_another_tablet_read_the_same_on_indexeddb_as_in_memory() {
    let name = unique("customers-parity");
    let db = IdbStore::open_named(&name, schema::VERSION).await.unwrap();
    let mem = MemoryStore::new();
    let mut clock = Clock::new("tab-m");
    let batch = team_batch(&mut clock);
    apply_local(&db, &batch, &clock).await.unwrap();
    apply_local(&mem, &batch, &clock).await.unwrap();

    // From another tablet: c001's second contact removed, a claim whose body is damaged,
    // a kind from a newer build, and a real claim on c002 that loses to the first contact.
    let mut other = Clock::new("tab-x");
    let mut by = Author { profile: "p-wang", clock: &mut other, now_ms: T0 + DAY };
    let strange = |id: &str, kind: &str, body: serde_json::Value| {
        let e = Entry {
            id: id.into(),
            kind: kind.into(),
            subject: "c001".into(),
            stamp: Hlc { wall_ms: T0 + DAY, counter: 0, device: "tab-x".into() },
            author: "p-wang".into(),
            body,
            seal: None,
        };
        Replica { docs: Default::default(), entries: [(e.id.clone(), e)].into() }
    };
    let remote = join([
        delete_doc("c001-k2", CONTACT, &mut by),
        fact_entry("c002-late", "c002", &FactKind::Claim { rep: "p-wang".into() }, &mut by).expect("fact"),
        strange("x-garbage", "pool.claim", json!([1, 2, 3])),
        strange("x-future", "future.thing", json!({ "v": 9 })),
    ]);
    apply_remote(&db, &remote, &SyncState::default(), &clock).await.unwrap();
    apply_remote(&mem, &remote, &SyncState::default(), &clock).await.unwrap();

    let on_idb = load_customers(&db).await.expect("strange entries do not fail the list");
    let in_mem = load_customers(&mem).await.unwrap();
    assert_eq!(on_idb, in_mem);
    let c1 = &on_idb[1];
    assert_eq!(c1.contacts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["c001-k1"]);
    assert_eq!(c1.facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["c001-f1"]);
    let c2 = &on_idb[2];
    assert_eq!(c2.facts.len(), 2);
    let own = derive(c2.clone(), T0 + 2 * DAY, &PoolSettings::default(), &TierSettings::default()).own;
    assert_eq!(own.owner.as_deref(), Some("p-li"), "the earlier first contact keeps c002 (P6)");
    assert_eq!(own.lost_claims.len(), 1);
    db.close();
    IdbStore::delete_database(&name).await.unwrap();
}
