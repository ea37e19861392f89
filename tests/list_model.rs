//! The customer list's persisted read model (issue 17): the data version every write
//! transaction bumps, and a snapshot used only while nothing changed since it was taken,
//! so a cold start shows exactly what a full read shows.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use outpost::domain::customer::{Contact, CustomerFile};
use outpost::domain::customer_list::CustomerRecord;
use outpost::domain::pool::FactKind;
use outpost::record::hlc::Clock;
use outpost::record::replica::Replica;
use outpost::storage::customers::{contact_change, customer_change, fact_entry, join, load_customers, Author};
use outpost::storage::data::{apply_local, apply_remote, mark_pushed, outbox};
use outpost::storage::list_model::{data_version, load_customers_cached, Read};
use outpost::storage::memory::{MemoryStore, QUOTA_ERROR};
use outpost::storage::roster::set_root;
use outpost::storage::{RecordStore, StorageError, StoreName, Write};
use outpost::sync::engine::SyncState;
use pollster::block_on;
use serde_json::json;

const T: i64 = 1_780_000_000_000;
const BUILD: &str = "build-1";

/// A customer with every file field filled, two contacts and facts of several kinds.
fn full_customer(id: &str, by: &mut Author) -> Replica {
    let file = CustomerFile {
        name: format!("福州{id}五金有限公司"),
        credit_code: "91350100M000100Y43".into(),
        licence_no: "L-1".into(),
        tax_no: "T-1".into(),
        address: "福州市鼓楼区".into(),
        region: "福州".into(),
        industry: "hardware".into(),
        nature: "private".into(),
        size: "small".into(),
        main_business: "五金".into(),
        credit_standing: "good".into(),
        management_background: "family".into(),
        source: "referral".into(),
        segment: "retail".into(),
        annual_spend_fen: Some(12_345_600),
        discount_pct: Some(5),
        notes: "=cmd|' /C calc'!A0 \"quoted\"\n新行".into(),
        grade: Some("a".into()),
        special_background: true,
        manual_credit_flag: true,
        collected_on: NaiveDate::from_ymd_opt(2026, 3, 1),
        payday: Some(15),
        problem: true,
        problem_note: "late".into(),
        ..Default::default()
    };
    let a = Contact { name: "张三".into(), phone: "13900000001".into(), decision_maker: true, ..Default::default() };
    let b = Contact {
        name: "Li Si".into(),
        email: "li@example.com".into(),
        interests: "kites".into(),
        ..Default::default()
    };
    join(
        [
            customer_change(id, None, &file, by),
            contact_change(id, &format!("{id}-a"), None, &a, by),
            contact_change(id, &format!("{id}-b"), None, &b, by),
            fact_entry(&format!("{id}-f1"), id, &FactKind::FirstContact { rep: "li".into() }, by).ok(),
            fact_entry(&format!("{id}-f2"), id, &FactKind::Claim { rep: "li".into() }, by).ok(),
            fact_entry(
                &format!("{id}-f3"),
                id,
                &FactKind::Payment {
                    rep: "li".into(),
                    amount_fen: 1_000_050,
                    paid_on: NaiveDate::from_ymd_opt(2026, 4, 2).expect("a date"),
                    days_late: 3,
                },
                by,
            )
            .ok(),
        ]
        .into_iter()
        .flatten(),
    )
}

fn seeded() -> (MemoryStore, Clock) {
    let s = MemoryStore::new();
    let mut clock = Clock::new("tab-li");
    let mut by = Author { profile: "li", clock: &mut clock, now_ms: T };
    let change = join(["c1", "c2", "c3"].map(|id| full_customer(id, &mut by)));
    block_on(apply_local(&s, &change, &clock)).unwrap();
    (s, clock)
}

fn cached(s: &MemoryStore) -> (Vec<CustomerRecord>, Read) {
    block_on(load_customers_cached(s, BUILD)).unwrap()
}

fn version(s: &MemoryStore) -> u64 {
    block_on(data_version(s)).unwrap()
}

/// What a full read lists, in list order (name, then id) as the snapshot keeps it.
fn listed(s: &MemoryStore) -> Vec<CustomerRecord> {
    let mut recs = block_on(load_customers(s)).unwrap();
    recs.sort_by(|a, b| a.file.name.cmp(&b.file.name).then_with(|| a.id.cmp(&b.id)));
    recs
}

fn rename(clock: &mut Clock, id: &str, name: &str, at: i64) -> Replica {
    let old = CustomerFile { name: "x".into(), ..Default::default() };
    let new = CustomerFile { name: name.into(), ..Default::default() };
    customer_change(id, Some(&old), &new, &mut Author { profile: "li", clock, now_ms: at }).expect("the name changed")
}

#[test]
fn a_cold_start_reads_the_snapshot_and_it_is_exactly_what_a_full_read_gives() {
    let (s, _) = seeded();
    let full = listed(&s);
    assert_eq!(full.len(), 3);
    let (first, read) = cached(&s);
    assert_eq!(read, Read::Records, "no snapshot yet: every record is read, and a snapshot written");
    assert_eq!(first, full);
    let (again, read) = cached(&s);
    assert_eq!(read, Read::Snapshot);
    assert_eq!(again, full, "every field, contact and fact as the full read has them");
}

#[test]
fn a_local_edit_bumps_the_data_version_in_its_own_write_and_the_next_read_sees_it() {
    let (s, mut clock) = seeded();
    let _ = cached(&s);
    let before = version(&s);
    let edit = rename(&mut clock, "c2", "厦门新名字贸易有限公司", T + 1_000);
    block_on(apply_local(&s, &edit, &clock)).unwrap();
    assert_eq!(version(&s), before + 1, "one transaction, one bump");
    let (recs, read) = cached(&s);
    assert_eq!(read, Read::Records, "the snapshot is stale after an edit");
    assert_eq!(recs, listed(&s));
    assert!(recs.iter().any(|r| r.file.name == "厦门新名字贸易有限公司"));
    assert_eq!(cached(&s), (recs, Read::Snapshot), "the full read left a fresh snapshot");
}

#[test]
fn a_pull_from_another_tablet_makes_the_snapshot_stale() {
    let (s, _) = seeded();
    let _ = cached(&s);
    let mut other = Clock::new("tab-zhao");
    let mut by = Author { profile: "zhao", clock: &mut other, now_ms: T + 5_000 };
    let incoming = full_customer("c9", &mut by);
    let before = version(&s);
    block_on(apply_remote(&s, &incoming, &SyncState::default(), &other)).unwrap();
    assert_eq!(version(&s), before + 1);
    let (recs, read) = cached(&s);
    assert_eq!(read, Read::Records);
    assert_eq!(recs.len(), 4, "the pulled customer is listed");
    assert_eq!(recs, listed(&s));
}

#[test]
fn the_rosters_root_or_a_grant_changes_what_counts_and_so_the_data_version() {
    let (s, _) = seeded();
    let _ = cached(&s);
    let v = version(&s);
    block_on(s.write(vec![set_root("root-key")])).unwrap();
    assert_eq!(version(&s), v + 1, "a root makes unsealed facts stop counting");
    let (recs, read) = cached(&s);
    assert_eq!(read, Read::Records);
    assert_eq!(recs, listed(&s));
    block_on(s.write(vec![Write::Put(StoreName::Profiles, "p1".into(), json!({"id": "p1"}))])).unwrap();
    assert_eq!(version(&s), v + 2, "a profile's key lets its own work count on this device");
}

#[test]
fn writes_that_change_no_record_leave_the_data_version_and_the_snapshot_alone() {
    let (s, clock) = seeded();
    let _ = cached(&s);
    let v = version(&s);
    // The same change again merges to nothing.
    let pending = block_on(outbox(&s)).unwrap();
    block_on(apply_remote(&s, &pending, &SyncState::default(), &clock)).unwrap();
    // A push clears the outbox and stores the sync state and clock.
    block_on(mark_pushed(&s, &pending, &SyncState::default(), &clock)).unwrap();
    block_on(s.write(vec![Write::Put(StoreName::Settings, "lang".into(), json!("en"))])).unwrap();
    assert_eq!(version(&s), v);
    assert_eq!(cached(&s).1, Read::Snapshot);
}

#[test]
fn a_failed_write_bumps_nothing() {
    let (s, mut clock) = seeded();
    let _ = cached(&s);
    let v = version(&s);
    s.fail_writes_after(0);
    let edit = rename(&mut clock, "c1", "never stored", T + 1_000);
    let err = block_on(apply_local(&s, &edit, &clock)).unwrap_err();
    assert_eq!(err, StorageError::Transaction(QUOTA_ERROR.into()));
    assert_eq!(version(&s), v);
    assert_eq!(cached(&s).1, Read::Snapshot);
}

#[test]
fn a_snapshot_taken_by_another_build_is_not_used() {
    let (s, _) = seeded();
    let _ = cached(&s);
    let (recs, read) = block_on(load_customers_cached(&s, "build-2")).unwrap();
    assert_eq!(read, Read::Records, "an updated app may judge or decode records otherwise");
    assert_eq!(recs, listed(&s));
    assert_eq!(block_on(load_customers_cached(&s, "build-2")).unwrap().1, Read::Snapshot);
}
