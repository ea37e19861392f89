//! Role rules folded from the store (issue 15): once a team has a roster, the customer
//! list, the pool commands and the orders count only the facts and fields the roster
//! lets count.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use outpost::domain::pool::{AssignReason, FactKind};
use outpost::domain::profile::Role;
use outpost::domain::roster::{Grant, GRANT};
use outpost::record::hlc::Clock;
use outpost::record::replica::Replica;
use outpost::record::seal::PersonalKey;
use outpost::storage::customers::{entry_change, fact_entry, load_customers, Author};
use outpost::storage::data::apply_local;
use outpost::storage::memory::MemoryStore;
use outpost::storage::roster::set_root;
use outpost::storage::RecordStore;
use pollster::block_on;

const T: i64 = 1_780_000_000_000;

fn key(n: u8) -> PersonalKey {
    PersonalKey::from_seed([n; 32])
}

/// Seals every entry of `r` with `k`.
fn sealed(mut r: Replica, k: &PersonalKey) -> Replica {
    for e in r.entries.values_mut() {
        k.seal_entry(e);
    }
    r
}

fn store(s: &MemoryStore, r: &Replica, clock: &Clock) {
    block_on(apply_local(s, r, clock)).unwrap();
}

/// A fact about customer `c1` written by `profile` at `at`, sealed with `k`.
fn fact(id: &str, profile: &str, kind: FactKind, at: i64, k: &PersonalKey) -> (Replica, Clock) {
    let mut clock = Clock::new(&format!("tab-{profile}"));
    let r = fact_entry(id, "c1", &kind, &mut Author { profile, clock: &mut clock, now_ms: at }).unwrap();
    (sealed(r, k), clock)
}

fn grant(person: &str, who: &PersonalKey, roles: &[Role], admin: bool, at: i64, root: &PersonalKey) -> Replica {
    let g = Grant { key: who.id().0, name: person.into(), roles: roles.to_vec(), admin, from_ms: at, revoked: false };
    let mut clock = Clock::new("tab-wang");
    let r = entry_change(
        &format!("grant:{person}"),
        GRANT,
        person,
        serde_json::to_value(g).unwrap(),
        &mut Author { profile: "wang", clock: &mut clock, now_ms: at },
    );
    sealed(r, root)
}

fn owner(s: &MemoryStore) -> Option<String> {
    use outpost::domain::pool::{ownership, Fact};
    let c = block_on(load_customers(s)).unwrap().into_iter().find(|c| c.id == "c1").unwrap();
    let facts: Vec<Fact> = c.facts;
    ownership(&facts, T + 10_000, &Default::default()).owner
}

fn team(with_roster: bool) -> (MemoryStore, PersonalKey, PersonalKey) {
    let s = MemoryStore::new();
    let (root, li) = (key(1), key(3));
    // Entered before the team began to sign: counts, as data from before the roster.
    block_on(common::edit_local(&s, "tab-li", "c1", "name", serde_json::json!("Acme"), T - 100));
    let (first, c) = fact("f1", "li", FactKind::FirstContact { rep: "li".into() }, T + 1, &li);
    store(&s, &first, &c);
    if with_roster {
        block_on(s.write(vec![set_root(&root.id().0)])).unwrap();
        let clock = Clock::new("tab-wang");
        store(&s, &grant("wang", &root, &[Role::Manager], true, T - 10, &root), &clock);
        store(&s, &grant("li", &li, &[Role::Rep], false, T - 9, &root), &clock);
    }
    (s, root, li)
}

fn assign_to_zhao(by: &str, at: i64, k: &PersonalKey) -> (Replica, Clock) {
    let kind = FactKind::Assign { rep: "zhao".into(), reason: AssignReason::Assigned, note: String::new() };
    fact(&format!("assign-{by}-{at}"), by, kind, at, k)
}

#[test]
fn a_reps_forged_assignment_does_not_move_the_customer_and_the_managers_does() {
    let (s, root, li) = team(true);
    assert_eq!(owner(&s).as_deref(), Some("li"));
    // The rep writes a manager's decision (P4/P7) with his own key, as himself…
    let (forged, c) = assign_to_zhao("li", T + 100, &li);
    store(&s, &forged, &c);
    // …and in the manager's name, sealed with his own key.
    let (in_wang_name, c) = assign_to_zhao("wang", T + 200, &li);
    store(&s, &in_wang_name, &c);
    assert_eq!(owner(&s).as_deref(), Some("li"), "neither forged assignment counts");

    let (genuine, c) = assign_to_zhao("wang", T + 300, &root);
    store(&s, &genuine, &c);
    assert_eq!(owner(&s).as_deref(), Some("zhao"));
}

#[test]
fn a_team_without_a_roster_folds_as_before() {
    let (s, _, li) = team(false);
    let (unchecked, c) = assign_to_zhao("li", T + 100, &li);
    store(&s, &unchecked, &c);
    assert_eq!(owner(&s).as_deref(), Some("zhao"), "no roster: every entry counts, as before seals");
}

#[test]
fn what_the_roster_refuses_is_listed_in_the_quarantine_with_why() {
    use outpost::storage::record_health::unreadable_fields;
    let (s, _, li) = team(true);
    let (forged, c) = assign_to_zhao("li", T + 100, &li);
    store(&s, &forged, &c);
    let items = block_on(unreadable_fields(&s)).unwrap();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!((items[0].kind.as_str(), items[0].code, items[0].author.as_str()), ("pool.assign", "lacks_role", "li"));
    assert_eq!(items[0].record, serde_json::to_value(forged.entries.values().next().unwrap()).unwrap());
}

#[test]
fn an_invites_root_is_taken_once_never_replaced_and_forgotten_with_the_team() {
    use outpost::storage::roster::{adopt_root, root};
    use outpost::storage::team::{save_team, Team};
    block_on(async {
        let s = MemoryStore::new();
        let team = |host: &str| Team {
            host_url: host.into(),
            key: outpost::sync::crypto::TeamKey::from_bytes([1; 32]).to_text(),
            inviter: None,
            user: None,
            password: None,
            s3: None,
        };
        save_team(&s, &team("https://a.example/"), "tab-a").await.unwrap();
        let (r1, r2) = (key(1).id().0, key(2).id().0);
        assert!(adopt_root(&s, &r1).await.unwrap());
        // A later link naming another root cannot take the team over.
        assert!(!adopt_root(&s, &r2).await.unwrap());
        assert_eq!(root(&s).await.unwrap(), Some(r1.clone()));
        // Re-joining the same team keeps it; joining another team forgets it.
        save_team(&s, &team("https://a.example/"), "tab-a").await.unwrap();
        assert_eq!(root(&s).await.unwrap(), Some(r1));
        save_team(&s, &team("https://b.example/"), "tab-a").await.unwrap();
        assert_eq!(root(&s).await.unwrap(), None);
    });
}

#[test]
fn a_key_id_must_be_a_public_key() {
    use outpost::record::seal::KeyId;
    assert!(KeyId::parse(&key(1).id().0).is_some());
    assert!(KeyId::parse("not-a-key").is_none());
    assert!(KeyId::parse(&"A".repeat(44)).is_none(), "33 bytes");
    assert!(KeyId::parse("").is_none());
}

#[test]
fn an_unsealed_edit_after_the_team_began_to_sign_reads_as_never_written_and_is_listed() {
    use outpost::storage::record_health::unreadable_fields;
    let (s, _, _) = team(true);
    block_on(common::edit_local(&s, "tab-x", "c1", "name", serde_json::json!("Forged Ltd"), T + 50));
    let c = block_on(load_customers(&s)).unwrap().into_iter().find(|c| c.id == "c1");
    // The only name the customer has is the forged one, so the file has no name left
    // and the customer is listed under the quarantine instead.
    assert!(c.is_none_or(|c| c.file.name != "Forged Ltd"));
    let items = block_on(unreadable_fields(&s)).unwrap();
    assert!(items.iter().any(|i| i.record_id == "c1" && i.field == "name" && i.code == "unsealed"), "{items:?}");
}

#[test]
fn o3_h1_a_reps_forged_finance_confirmation_pays_no_commission_and_finances_does() {
    use outpost::app::commission::commission_month;
    use outpost::app::Actor;
    use outpost::domain::kpi::Month;
    let (s, root, li) = team(true);
    let qian = key(4);
    store(&s, &grant("qian", &qian, &[Role::Finance], false, T - 8, &root), &Clock::new("tab-wang"));
    let paid = |amount_fen| FactKind::Payment {
        rep: "li".into(),
        amount_fen,
        paid_on: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        days_late: 0,
    };
    let manager = Actor::new("wang", Role::Manager, "tab-wang", T + 1_000, || "x".into());
    let lines = |s: &MemoryStore| {
        let m = block_on(commission_month(s, &manager, Month { year: 2026, month: 6 })).unwrap();
        m.reps.iter().flat_map(|r| r.statement.lines.iter().map(|l| (r.rep.clone(), l.amount_fen))).count()
    };
    // The rep confirms a payment of his own, sealed with his key, in finance's name too.
    let (forged, c) = fact("pay-forged", "li", paid(90_000_00), T + 100, &li);
    store(&s, &forged, &c);
    let (in_qian_name, c) = fact("pay-qian-name", "qian", paid(80_000_00), T + 101, &li);
    store(&s, &in_qian_name, &c);
    assert_eq!(lines(&s), 0, "no forged confirmation is a commission line");
    let (genuine, c) = fact("pay-genuine", "qian", paid(70_000_00), T + 200, &qian);
    store(&s, &genuine, &c);
    assert_eq!(lines(&s), 1);
}
