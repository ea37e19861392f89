//! The customer list's persisted read model (issue 17): the data version every write
//! transaction bumps, and a snapshot used as it is only while nothing changed since it
//! was taken, caught up from the change log otherwise, so a cold start shows exactly
//! what a full read shows.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use outpost::domain::customer::{Contact, CustomerFile};
use outpost::domain::customer_list::CustomerRecord;
use outpost::domain::pool::FactKind;
use outpost::record::hlc::Clock;
use outpost::record::replica::Replica;
use outpost::storage::change_log::LOG_KEYS;
use outpost::storage::customers::{
    contact_change, customer_change, delete_doc, fact_entry, join, load_customers, Author, CONTACT, CUSTOMER,
};
use outpost::storage::data::{apply_local, apply_remote, mark_pushed, outbox};
use outpost::storage::list_model::{data_version, load_customers_cached, load_customers_head, Read, HEAD_ROWS};
use outpost::storage::memory::{MemoryStore, QUOTA_ERROR};
use outpost::storage::roster::set_root;
use outpost::storage::{RecordStore, StorageError, StoreName, Write};
use outpost::sync::engine::SyncState;
use pollster::block_on;
use proptest::prelude::*;
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
fn the_head_is_the_lists_first_rows_and_only_while_the_snapshot_is_current() {
    let s = MemoryStore::new();
    let mut clock = Clock::new("tab-li");
    let mut by = Author { profile: "li", clock: &mut clock, now_ms: T };
    let ids: Vec<String> = (0..HEAD_ROWS + 15).map(|i| format!("c{i:03}")).collect();
    let change = join(ids.iter().map(|id| full_customer(id, &mut by)));
    block_on(apply_local(&s, &change, &clock)).unwrap();
    assert_eq!(block_on(load_customers_head(&s, BUILD)).unwrap(), None, "no snapshot yet");
    let (all, _) = cached(&s);
    let head = block_on(load_customers_head(&s, BUILD)).unwrap().expect("written with the snapshot");
    assert_eq!(head.len(), HEAD_ROWS);
    assert_eq!(head[..], all[..HEAD_ROWS]);
    assert_eq!(block_on(load_customers_head(&s, "build-2")).unwrap(), None, "another build");
    let edit = rename(&mut clock, "c070", "A first now", T + 1_000);
    block_on(apply_local(&s, &edit, &clock)).unwrap();
    assert_eq!(block_on(load_customers_head(&s, BUILD)).unwrap(), None, "stale: never shown");
    let (all, read) = cached(&s);
    assert_eq!(read, Read::CaughtUp);
    let head = block_on(load_customers_head(&s, BUILD)).unwrap().expect("rewritten when caught up");
    assert_eq!(head[..], all[..HEAD_ROWS]);
    assert_eq!(head[0].id, "c070", "the renamed customer sorts first");
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
    assert_eq!(read, Read::CaughtUp, "the snapshot is stale after an edit: the edited customer is read again");
    assert_eq!(recs, listed(&s));
    assert!(recs.iter().any(|r| r.file.name == "厦门新名字贸易有限公司"));
    assert_eq!(cached(&s), (recs, Read::Snapshot), "catching up left a fresh snapshot");
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
    assert_eq!(read, Read::CaughtUp);
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

/// One step of a device's life between two cold starts.
#[derive(Debug, Clone)]
enum Step {
    /// Renames customer `c` (a new place in the list).
    Rename(u8, u8),
    /// Enters customer `c` with two contacts and three facts (again: no change).
    Enter(u8),
    /// Deletes customer `c`.
    Delete(u8),
    /// A fact about customer `c`, who may not be stored yet.
    Fact(u8),
    /// A contact `k` for customer `c`, who may not be stored yet; again: moves it.
    Contact(u8, u8),
    /// Removes contact `k`.
    DropContact(u8),
    /// The roster's root (every fact judged again).
    Root,
    /// A pull of more changes than the log keeps.
    Flood,
    /// A cold start.
    Read,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..6u8, 0..4u8).prop_map(|(c, n)| Step::Rename(c, n)),
        (0..6u8).prop_map(Step::Enter),
        (0..6u8).prop_map(Step::Delete),
        (0..7u8).prop_map(Step::Fact),
        (0..7u8, 0..5u8).prop_map(|(c, k)| Step::Contact(c, k)),
        (0..5u8).prop_map(Step::DropContact),
        Just(Step::Root),
        Just(Step::Flood),
        Just(Step::Read),
        Just(Step::Read),
    ]
}

fn run(s: &MemoryStore, clock: &mut Clock, at: &mut i64, step: &Step, facts: &mut u32) {
    *at += 1_000;
    let mut by = Author { profile: "li", clock, now_ms: *at };
    let change = match step {
        Step::Rename(c, n) => {
            let old = CustomerFile { name: "x".into(), ..Default::default() };
            let new = CustomerFile { name: format!("name {n} {at}"), region: format!("r{n}"), ..Default::default() };
            customer_change(&format!("c{c}"), Some(&old), &new, &mut by)
        }
        Step::Enter(c) => Some(full_customer(&format!("c{c}"), &mut by)),
        Step::Delete(c) => Some(delete_doc(&format!("c{c}"), CUSTOMER, &mut by)),
        Step::Fact(c) => {
            *facts += 1;
            fact_entry(&format!("f{facts:05}"), &format!("c{c}"), &FactKind::Claim { rep: "li".into() }, &mut by).ok()
        }
        Step::Contact(c, k) => {
            let contact = Contact { name: format!("k{k} {at}"), ..Default::default() };
            contact_change(&format!("c{c}"), &format!("k{k}"), None, &contact, &mut by)
        }
        Step::DropContact(k) => Some(delete_doc(&format!("k{k}"), CONTACT, &mut by)),
        Step::Root => {
            block_on(s.write(vec![set_root("root-key")])).unwrap();
            None
        }
        Step::Flood => {
            let mut other = Clock::new("tab-zhao");
            let mut by = Author { profile: "zhao", clock: &mut other, now_ms: *at };
            let many = join((0..LOG_KEYS as u32 + 1).filter_map(|i| {
                fact_entry(&format!("z{i:05}"), "c1", &FactKind::Claim { rep: "zhao".into() }, &mut by).ok()
            }));
            block_on(apply_remote(s, &many, &SyncState::default(), &other)).unwrap();
            None
        }
        Step::Read => {
            let (recs, _) = cached(s);
            assert_eq!(recs, listed(s), "a cold start lists exactly what a full read lists");
            None
        }
    };
    if let Some(change) = change {
        block_on(apply_local(s, &change, clock)).unwrap();
    }
}

/// Whatever happened between two cold starts — edits, deletions, contacts moved,
/// facts about customers not stored yet, a roster root, a flood of pulled records —
/// the list read from the snapshot and the change log is the full read's, record for
/// record.
///
/// A fixed number of cases rather than `PROPTEST_CASES` (2000 in the test command, which
/// the `proptest!` macro applies over any explicit count): every case writes and reads
/// whole stores, 0.24 s each, so 2000 took eight minutes of the native stage.
#[test]
fn a_snapshot_caught_up_from_the_log_equals_a_full_read() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases: 96, ..ProptestConfig::default() });
    runner
        .run(&proptest::collection::vec(step(), 1..40), |steps| {
            let (s, mut clock) = seeded();
            let _ = cached(&s);
            let (mut at, mut facts) = (T + 10_000, 0);
            for st in &steps {
                run(&s, &mut clock, &mut at, st, &mut facts);
            }
            let (recs, _) = cached(&s);
            prop_assert_eq!(recs, listed(&s));
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_snapshot_catches_up_unless_the_log_cannot_show_it_equals_a_full_read() {
    let (s, mut clock) = seeded();
    let _ = cached(&s);
    let mut at = T + 10_000;
    let mut facts = 0;
    // Edits, a contact, facts: the changed customers alone are read again.
    for st in [Step::Rename(1, 2), Step::Contact(2, 1), Step::Fact(3), Step::Enter(4)] {
        run(&s, &mut clock, &mut at, &st, &mut facts);
    }
    let (recs, read) = cached(&s);
    assert_eq!(read, Read::CaughtUp);
    assert_eq!(recs, listed(&s));
    assert_eq!(recs.len(), 4);
    assert_eq!(cached(&s).1, Read::Snapshot);
    // A contact stored before its customer: the customer's arrival is read in full.
    run(&s, &mut clock, &mut at, &Step::Contact(5, 0), &mut facts);
    assert_eq!(cached(&s).1, Read::CaughtUp, "an orphan contact alone changes no listed customer");
    run(&s, &mut clock, &mut at, &Step::Enter(5), &mut facts);
    let (recs, read) = cached(&s);
    assert_eq!(read, Read::Records, "its contacts from before cannot be found alone");
    assert_eq!(recs, listed(&s));
    assert!(recs.iter().find(|r| r.id == "c5").is_some_and(|r| r.contacts.iter().any(|k| k.id == "k0")));
    // A flood of pulled records, or a roster root: read in full.
    run(&s, &mut clock, &mut at, &Step::Flood, &mut facts);
    assert_eq!(cached(&s).1, Read::Records);
    run(&s, &mut clock, &mut at, &Step::Root, &mut facts);
    assert_eq!(cached(&s).1, Read::Records);
    assert_eq!(cached(&s).1, Read::Snapshot);
}
