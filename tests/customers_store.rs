//! Customers on the device (C1, P1, P6): what `storage::customers`, `storage::people`
//! and `storage::team_lists` write for a user's intent, and what they read back from
//! the in-memory store after local edits and merges from other tablets.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::Tablet;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use outpost::domain::customer::{Contact, CustomerFile, SEGMENTS, SOURCES};
use outpost::domain::customer_list::{derive, CustomerRecord};
use outpost::domain::pool::{FactKind, LostClaim, OwnReason, PoolSettings, Rule};
use outpost::domain::profile::{Profile, Role};
use outpost::domain::tier::TierSettings;
use outpost::record::hlc::Hlc;
use outpost::record::replica::{Document, Entry, Replica, DELETED};
use outpost::storage::customers::{
    assemble, contact_change, customer_change, delete_doc, fact_entry, join, load_customers, CONTACT, CONTACT_CUSTOMER,
    CUSTOMER,
};
use outpost::storage::data::{apply_local, apply_remote, outbox, replica};
use outpost::storage::memory::MemoryStore;
use outpost::storage::people::{departing_change, load_people, people_of, person_change, Person, PERSON};
use outpost::storage::team_lists::{
    load_team_lists, parse_list, team_lists_change, TeamLists, TEAM_LISTS_ID, TEAM_LISTS_KIND,
};
use outpost::sync::engine::SyncState;
use pollster::block_on;
use serde_json::{json, Value};

// ---------------------------------------------------------------- helpers

/// 2026-01-01 00:00 UTC (08:00 in the team's UTC+8).
const T0: i64 = 1_767_225_600_000;
const MINUTE: i64 = 60 * 1000;
const DAY: i64 = 24 * 60 * MINUTE;

fn company(name: &str) -> CustomerFile {
    CustomerFile { name: name.into(), ..Default::default() }
}

fn contact(name: &str, phone: &str) -> Contact {
    Contact { name: name.into(), phone: phone.into(), ..Default::default() }
}

/// An entry as another build (or a damaged file) may have written it.
fn raw_entry(id: &str, kind: &str, subject: &str, wall_ms: i64, body: Value) -> Replica {
    let e = Entry {
        id: id.into(),
        kind: kind.into(),
        subject: subject.into(),
        stamp: Hlc { wall_ms, counter: 0, device: "tab-x".into() },
        author: "x".into(),
        body,
        seal: None,
    };
    Replica { docs: Default::default(), entries: [(e.id.clone(), e)].into() }
}

fn field_names(r: &Replica, id: &str) -> Vec<String> {
    r.docs[id].fields.keys().cloned().collect()
}

fn all_of(r: &Replica) -> (Vec<Document>, Vec<Entry>) {
    (r.docs.values().cloned().collect(), r.entries.values().cloned().collect())
}

fn by_id<'a>(recs: &'a [CustomerRecord], id: &str) -> &'a CustomerRecord {
    recs.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{id} is listed"))
}

fn fact_ids(rec: &CustomerRecord) -> BTreeSet<&str> {
    rec.facts.iter().map(|f| f.id.as_str()).collect()
}

// ---------------------------------------------------------------- customers (C1)

#[test]
fn c1_a_new_customer_stamps_its_filled_fields_and_an_edit_only_the_changed_ones() {
    let mut li = Tablet::new("li", "tab-a");
    let mut file = company("张三五金");
    file.region = "福州".into();
    file.annual_spend_fen = Some(120_000_00);
    file.grade = Some("b".into());
    file.collected_on = NaiveDate::from_ymd_opt(2026, 1, 1);

    let created = customer_change("c1", None, &file, &mut li.at(T0)).expect("a new customer is a change");
    let doc = &created.docs["c1"];
    assert_eq!(doc.kind, CUSTOMER);
    // Blank fields read back as their defaults, so a new customer stores only what was
    // filled in: each stored field carries its own stamp and author, and 50k imported
    // customers with every field stamped took five times longer to read.
    let every = ["annual_spend_fen", "collected_on", "grade", "name", "region"];
    assert_eq!(field_names(&created, "c1"), every, "the filled C1 fields are stamped, blank ones are not stored");
    assert!(doc.fields.values().all(|r| r.author == "li" && r.stamp.device == "tab-a"));
    let stamps: BTreeSet<&Hlc> = doc.fields.values().map(|r| &r.stamp).collect();
    assert_eq!(stamps.len(), every.len(), "each field has its own stamp");
    assert!(created.entries.is_empty());
    assert_eq!(assemble(all_of(&created).0, vec![])[0].file, file, "the file reads back as typed");

    let mut edited = file.clone();
    edited.notes = "wants a quote".into();
    edited.discount_pct = Some(5);
    let edit = customer_change("c1", Some(&file), &edited, &mut li.at(T0 + MINUTE)).expect("two fields changed");
    assert_eq!(field_names(&edit, "c1"), ["discount_pct", "notes"]);
    let newest_creation = stamps.iter().max().expect("stamps");
    assert!(edit.docs["c1"].fields.values().all(|r| &r.stamp > *newest_creation));

    // Clearing a value is a change too: the field is written as null.
    let mut cleared = edited.clone();
    cleared.annual_spend_fen = None;
    let clear = customer_change("c1", Some(&edited), &cleared, &mut li.at(T0 + 2 * MINUTE)).expect("cleared");
    assert_eq!(field_names(&clear, "c1"), ["annual_spend_fen"]);
    assert_eq!(clear.docs["c1"].get("annual_spend_fen"), Some(&Value::Null));

    assert_eq!(
        customer_change("c1", Some(&cleared), &cleared, &mut li.at(T0 + 3 * MINUTE)),
        None,
        "saving unchanged writes nothing"
    );

    let merged = join([created, edit, clear]);
    assert_eq!(assemble(all_of(&merged).0, vec![])[0].file, cleared);
}

#[test]
fn two_reps_editing_different_fields_offline_both_keep_their_edit_after_merge() {
    let mut li = Tablet::new("li", "tab-a");
    let mut wang = Tablet::new("wang", "tab-b");
    let mut base_file = company("福光电子");
    base_file.notes = "met at the fair".into();
    let base = customer_change("c1", None, &base_file, &mut li.at(T0)).expect("created");
    wang.observe(&base, T0 + MINUTE);

    // Offline: li moves the region, then later wang regrades and rewrites the notes.
    let mut on_a = base_file.clone();
    on_a.region = "厦门".into();
    let a = customer_change("c1", Some(&base_file), &on_a, &mut li.at(T0 + 10 * MINUTE)).expect("edit a");
    let mut on_b = base_file.clone();
    on_b.grade = Some("a".into());
    on_b.notes = "urgent: new plant".into();
    let b = customer_change("c1", Some(&base_file), &on_b, &mut wang.at(T0 + 20 * MINUTE)).expect("edit b");
    // wang's later edit does not carry the old region, so it cannot undo li's.
    assert!(b.docs["c1"].get("region").is_none());

    let ab = base.clone().merge(a.clone()).merge(b.clone());
    let ba = b.merge(a).merge(base);
    assert_eq!(ab.to_canonical_json(), ba.to_canonical_json(), "same state in either order");
    for merged in [ab, ba] {
        let rec = &assemble(all_of(&merged).0, vec![])[0];
        assert_eq!(rec.file.region, "厦门", "li's edit");
        assert_eq!(rec.file.grade.as_deref(), Some("a"), "wang's edit");
        assert_eq!(rec.file.notes, "urgent: new plant", "wang's edit");
        assert_eq!(rec.file.name, "福光电子");
    }
}

#[test]
fn contacts_belong_to_their_customer_and_a_removed_contact_disappears() {
    block_on(async {
        let s = MemoryStore::new();
        let mut li = Tablet::new("li", "tab-a");
        let zhao = Contact { title: "purchasing".into(), decision_maker: true, ..contact("Ms Zhao", "13800138000") };
        let qian = contact("Mr Qian", "0591-8765-4321");
        let sun = contact("Mr Sun", "13900139000");
        let by = &mut li.at(T0);
        let change = join(
            [
                customer_change("c1", None, &company("张三五金"), by),
                customer_change("c2", None, &company("李四建材"), by),
                contact_change("c1", "k1", None, &zhao, by),
                contact_change("c1", "k2", None, &qian, by),
                contact_change("c2", "k3", None, &sun, by),
            ]
            .into_iter()
            .flatten(),
        );
        assert_eq!(change.docs["k1"].kind, CONTACT);
        assert_eq!(change.docs["k1"].get(CONTACT_CUSTOMER), Some(&json!("c1")));
        apply_local(&s, &change, &li.clock).await.unwrap();

        let recs = load_customers(&s).await.unwrap();
        assert_eq!(recs.len(), 2, "contacts are not customers");
        let c1 = by_id(&recs, "c1");
        let ids: Vec<&str> = c1.contacts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["k2", "k1"], "by name: Mr Qian before Ms Zhao");
        assert_eq!(c1.contacts[1].contact, zhao, "title, phone and decision maker read back");
        let c2 = by_id(&recs, "c2");
        assert_eq!(c2.contacts.iter().map(|c| c.contact.clone()).collect::<Vec<_>>(), [sun]);

        // Editing a contact carries only what changed, not its customer again.
        let qian_new = Contact { phone: "13700137000".into(), ..qian.clone() };
        let edit = contact_change("c1", "k2", Some(&qian), &qian_new, &mut li.at(T0 + MINUTE)).expect("phone changed");
        assert_eq!(field_names(&edit, "k2"), ["phone"]);
        assert_eq!(contact_change("c1", "k2", Some(&qian_new), &qian_new, &mut li.at(T0 + MINUTE)), None);
        let removal = delete_doc("k1", CONTACT, &mut li.at(T0 + 2 * MINUTE));
        apply_local(&s, &join([edit, removal]), &li.clock).await.unwrap();

        let recs = load_customers(&s).await.unwrap();
        let c1 = by_id(&recs, "c1");
        assert_eq!(c1.contacts.len(), 1);
        assert_eq!((c1.contacts[0].id.as_str(), &c1.contacts[0].contact), ("k2", &qian_new));
        assert!(replica(&s).await.unwrap().docs["k1"].is_deleted(), "kept as a tombstone so the removal syncs");

        // Another tablet's later edit of the removed contact does not bring it back.
        let mut wang = Tablet::new("wang", "tab-b");
        let late = Contact { email: "zhao@example.cn".into(), ..zhao.clone() };
        let late_edit = contact_change("c1", "k1", Some(&zhao), &late, &mut wang.at(T0 + 5 * MINUTE)).expect("edit");
        apply_remote(&s, &late_edit, &SyncState::default(), &li.clock).await.unwrap();
        let recs = load_customers(&s).await.unwrap();
        assert_eq!(by_id(&recs, "c1").contacts.len(), 1);
    });
}

#[test]
fn a_contact_without_a_customer_or_of_a_deleted_customer_is_not_listed() {
    let mut li = Tablet::new("li", "tab-a");
    let by = &mut li.at(T0);
    let mut orphan = Document::new("k9", CONTACT);
    orphan.set("name", json!("Nobody's"), by.clock.tick(T0), "li");
    let r = join(
        [
            customer_change("c1", None, &company("live"), by),
            customer_change("c2", None, &company("gone"), by),
            contact_change("c2", "k2", None, &contact("Ms Gone", ""), by),
            Some(delete_doc("c2", CUSTOMER, by)),
            Some(Replica { docs: [("k9".to_owned(), orphan)].into(), entries: Default::default() }),
        ]
        .into_iter()
        .flatten(),
    );
    let recs = assemble(all_of(&r).0, vec![]);
    assert_eq!(recs.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["c1"]);
    assert!(recs[0].contacts.is_empty());
}

// ---------------------------------------------------------------- facts (P1–P9)

#[test]
fn a_fact_is_stored_under_its_tag_with_the_variant_fields_as_body() {
    let mut li = Tablet::new("li", "tab-a");
    let kind = FactKind::Claim { rep: "li".into() };
    let r = fact_entry("f1", "c1", &kind, &mut li.at(T0)).expect("serialises");
    let e = &r.entries["f1"];
    assert_eq!((e.kind.as_str(), e.subject.as_str(), e.author.as_str()), ("pool.claim", "c1", "li"));
    assert_eq!(e.stamp.wall_ms, T0);
    // The stored format of pool.rs: body = FactKind::body, without serde's type tag.
    assert_eq!(e.body, json!({ "rep": "li" }));
    assert!(r.docs.is_empty());
}

#[test]
fn facts_are_folded_per_customer_and_an_unknown_entry_kind_is_left_out_not_fatal() {
    block_on(async {
        let s = MemoryStore::new();
        let mut li = Tablet::new("li", "tab-a");
        let mut wang = Tablet::new("wang", "tab-b");
        let by = &mut li.at(T0);
        let paid = FactKind::Payment {
            rep: "li".into(),
            amount_fen: 8_000_00,
            paid_on: NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
            days_late: 0,
        };
        let local = join([
            customer_change("c1", None, &company("张三五金"), by).expect("c1"),
            customer_change("c2", None, &company("李四建材"), by).expect("c2"),
            fact_entry("f-first", "c1", &FactKind::FirstContact { rep: "li".into() }, by).unwrap(),
            fact_entry("f-paid", "c1", &paid, by).unwrap(),
            fact_entry("f-review", "c1", &FactKind::Reviewed, by).unwrap(),
            // A claim is written by the rep it names (P6).
            fact_entry("f-claim2", "c2", &FactKind::Claim { rep: "wang".into() }, &mut wang.at(T0)).unwrap(),
        ]);
        apply_local(&s, &local, &li.clock).await.unwrap();
        // From other builds or damaged files: a claim whose body is not an object, a kind
        // from a newer build, and an entry that is not about customers at all.
        let strange = join([
            raw_entry("x-garbage", "pool.claim", "c1", T0 + 1, json!("\u{0}not json at all")),
            raw_entry("x-blank-rep", "pool.claim", "c1", T0 + 2, json!({ "rep": " " })),
            raw_entry("x-future", "future.thing", "c1", T0 + 3, json!({ "shape": "unknown" })),
            raw_entry("x-visit", "visit.checkin", "c2", T0 + 4, json!({ "rep": "li" })),
        ]);
        apply_remote(&s, &strange, &SyncState::default(), &li.clock).await.unwrap();

        let recs = load_customers(&s).await.expect("the list still loads");
        assert_eq!(recs.len(), 2);
        let c1 = by_id(&recs, "c1");
        assert_eq!(fact_ids(c1), BTreeSet::from(["f-first", "f-paid", "f-review"]));
        assert_eq!(c1.facts.iter().find(|f| f.id == "f-paid").map(|f| &f.kind), Some(&paid));
        assert_eq!(fact_ids(by_id(&recs, "c2")), BTreeSet::from(["f-claim2"]));
        let stored = replica(&s).await.unwrap();
        assert!(
            stored.entries.contains_key("x-garbage") && stored.entries.contains_key("x-future"),
            "unread entries stay stored and sync on"
        );

        let pool = PoolSettings::default();
        let v1 = derive(c1.clone(), T0 + DAY, &pool, &TierSettings::default());
        assert_eq!(v1.own.owner.as_deref(), Some("li"));
        assert!(v1.reviewed, "C6: the review fact is folded");
        let v2 = derive(by_id(&recs, "c2").clone(), T0 + DAY, &pool, &TierSettings::default());
        assert_eq!((v2.own.owner.as_deref(), v2.own.reason), (Some("wang"), Some(OwnReason::Claimed)));
    });
}

#[test]
fn p1_a_customer_created_with_a_first_contact_fact_is_owned_by_that_rep() {
    block_on(async {
        let s = MemoryStore::new();
        let mut li = Tablet::new("li", "tab-a");
        let by = &mut li.at(T0);
        let change = join([
            customer_change("c1", None, &company("张三五金"), by).expect("new"),
            contact_change("c1", "k1", None, &contact("Ms Zhao", "13800138000"), by).expect("new"),
            fact_entry("f1", "c1", &FactKind::FirstContact { rep: "li".into() }, by).unwrap(),
        ]);
        apply_local(&s, &change, &li.clock).await.unwrap();
        let rec = load_customers(&s).await.unwrap().remove(0);
        let (pool, tiers) = (PoolSettings::default(), TierSettings::default());

        let view = derive(rec.clone(), T0 + DAY, &pool, &tiers);
        assert_eq!(view.own.owner.as_deref(), Some("li"));
        assert_eq!(view.own.reason, Some(OwnReason::FirstContact));
        assert_eq!(view.own.since_ms, Some(T0));
        // P1: no deal within 2 months (1 Jan + 2 months = 1 Mar) → back to the pool.
        assert_eq!((view.own.returns_at_ms, view.own.returns_rule), (Some(T0 + 59 * DAY), Some(Rule::P1)));
        let later = derive(rec, T0 + 60 * DAY, &pool, &tiers);
        assert!(later.own.in_pool());
        assert_eq!(later.own.needs_release_note.as_deref(), Some("li"), "P9 asks li for the note");
    });
}

#[test]
fn p6_two_devices_claiming_offline_end_with_the_earliest_claim_on_both() {
    block_on(async {
        // A customer imported into the pool (P5) that both tablets have synced.
        let mut boss = Tablet::new("boss", "tab-m");
        let pooled = customer_change("c1", None, &company("福光电子"), &mut boss.at(T0)).expect("new");
        let (a, b) = (MemoryStore::new(), MemoryStore::new());
        let mut li = Tablet::new("li", "tab-a");
        let mut wang = Tablet::new("wang", "tab-b");
        for (s, t) in [(&a, &mut li), (&b, &mut wang)] {
            t.observe(&pooled, T0);
            apply_remote(s, &pooled, &SyncState::default(), &t.clock).await.unwrap();
        }

        // Offline: wang on tab-b claims first, li on tab-a half an hour later.
        let wang_claim =
            fact_entry("claim-wang", "c1", &FactKind::Claim { rep: "wang".into() }, &mut wang.at(T0 + 5 * MINUTE))
                .unwrap();
        apply_local(&b, &wang_claim, &wang.clock).await.unwrap();
        let li_claim =
            fact_entry("claim-li", "c1", &FactKind::Claim { rep: "li".into() }, &mut li.at(T0 + 35 * MINUTE)).unwrap();
        apply_local(&a, &li_claim, &li.clock).await.unwrap();

        let (pool, tiers) = (PoolSettings::default(), TierSettings::default());
        let now = T0 + 60 * MINUTE;
        let owner_on = |recs: Vec<CustomerRecord>| derive(recs[0].clone(), now, &pool, &tiers).own;
        assert_eq!(
            owner_on(load_customers(&a).await.unwrap()).owner.as_deref(),
            Some("li"),
            "before sync each tablet sees its own claim"
        );
        assert_eq!(owner_on(load_customers(&b).await.unwrap()).owner.as_deref(), Some("wang"));

        let (from_a, from_b) = (outbox(&a).await.unwrap(), outbox(&b).await.unwrap());
        assert_eq!(from_a.entries.keys().collect::<Vec<_>>(), ["claim-li"], "only the claim waits to be published");
        li.observe(&from_b, now);
        wang.observe(&from_a, now);
        apply_remote(&a, &from_b, &SyncState::default(), &li.clock).await.unwrap();
        apply_remote(&b, &from_a, &SyncState::default(), &wang.clock).await.unwrap();

        let on_a = owner_on(load_customers(&a).await.unwrap());
        let on_b = owner_on(load_customers(&b).await.unwrap());
        assert_eq!(on_a, on_b, "both tablets derive the same ownership");
        assert_eq!((on_a.owner.as_deref(), on_a.reason), (Some("wang"), Some(OwnReason::Claimed)));
        assert_eq!(on_a.since_ms, Some(T0 + 5 * MINUTE));
        assert_eq!(
            on_a.lost_claims,
            [LostClaim {
                fact_id: "claim-li".into(),
                rep: "li".into(),
                at_ms: T0 + 35 * MINUTE,
                holder: "wang".into(),
                holder_since_ms: T0 + 5 * MINUTE,
            }]
        );
    });
}

#[test]
fn created_ms_and_updated_ms_follow_the_stamps() {
    let mut li = Tablet::new("li", "tab-a");
    let mut wang = Tablet::new("wang", "tab-b");
    let file = company("张三五金");
    let created = customer_change("c1", None, &file, &mut li.at(T0)).expect("new");
    let rec = &assemble(all_of(&created).0, vec![])[0];
    assert_eq!((rec.created_ms, rec.created_by.as_str(), rec.updated_ms), (T0, "li", T0));

    wang.observe(&created, T0 + DAY);
    let edited = CustomerFile { notes: "called back".into(), ..file.clone() };
    let edit = customer_change("c1", Some(&file), &edited, &mut wang.at(T0 + DAY)).expect("edit");
    let with_edit = created.clone().merge(edit);
    let rec = &assemble(all_of(&with_edit).0, vec![])[0];
    assert_eq!((rec.created_ms, rec.created_by.as_str()), (T0, "li"), "an edit does not change who entered it (C6)");
    assert_eq!(rec.updated_ms, T0 + DAY);

    // A contact added later counts as a change to its customer; one of another customer does not.
    let added = contact_change("c1", "k1", None, &contact("Ms Zhao", ""), &mut wang.at(T0 + 2 * DAY)).expect("new");
    let elsewhere = contact_change("c9", "k9", None, &contact("Mr Sun", ""), &mut wang.at(T0 + 3 * DAY)).expect("new");
    let all = join([with_edit, added, elsewhere]);
    let rec = &assemble(all_of(&all).0, vec![])[0];
    assert_eq!((rec.created_ms, rec.updated_ms), (T0, T0 + 2 * DAY));
}

// ---------------------------------------------------------------- the team directory

fn profile(id: &str, name: &str, role: Role) -> Profile {
    Profile { id: id.into(), name: name.into(), role, created_ms: T0 }
}

#[test]
fn people_of_reads_names_and_roles_and_person_change_only_carries_what_changed() {
    let mut boss = Tablet::new("p-boss", "tab-m");
    let li = profile("p-li", "Li Na", Role::Rep);
    let zhou = profile("p-zhou", "Boss Zhou", Role::Manager);
    let by = &mut boss.at(T0);
    let mut r = join([person_change(&li, None, by), person_change(&zhou, None, by)].into_iter().flatten());
    assert_eq!(field_names(&r, "p-li"), ["name", "role"]);
    assert_eq!(r.docs["p-li"].kind, PERSON);

    // Not people: a departing mark for a person never published, an unknown role, a
    // deleted person, a customer with a name.
    let mut odd_role = Document::new("p-odd", PERSON);
    odd_role.set("name", json!("Astro"), by.clock.tick(T0), "p-boss");
    odd_role.set("role", json!("astronaut"), by.clock.tick(T0), "p-boss");
    let mut gone = Document::new("p-gone", PERSON);
    gone.set("name", json!("Gone"), by.clock.tick(T0), "p-boss");
    gone.set("role", json!("rep"), by.clock.tick(T0), "p-boss");
    gone.set(DELETED, json!(true), by.clock.tick(T0), "p-boss");
    r = join([
        r,
        departing_change("p-ghost", true, by),
        customer_change("c1", None, &company("Acme"), by).expect("new"),
        Replica {
            docs: [("p-odd".to_owned(), odd_role), ("p-gone".to_owned(), gone)].into(),
            entries: Default::default(),
        },
    ]);
    let people = people_of(&all_of(&r).0);
    let li_person = Person { id: "p-li".into(), name: "Li Na".into(), role: Role::Rep, departing: false, key: None };
    let zhou_person =
        Person { id: "p-zhou".into(), name: "Boss Zhou".into(), role: Role::Manager, departing: false, key: None };
    assert_eq!(people, [zhou_person.clone(), li_person.clone()], "by name");

    assert_eq!(person_change(&li, Some(&li_person), by), None, "nothing changed");
    let renamed = profile("p-li", "Li Nana", Role::Rep);
    let rename = person_change(&renamed, Some(&li_person), by).expect("renamed");
    assert_eq!(field_names(&rename, "p-li"), ["name"]);
    let promoted = profile("p-li", "Li Na", Role::Manager);
    let promotion = person_change(&promoted, Some(&li_person), by).expect("new role");
    assert_eq!(field_names(&promotion, "p-li"), ["role"]);
    assert_eq!(promotion.docs["p-li"].get("role"), Some(&json!("manager")));

    // H1: marking li as leaving keeps the name and role.
    let leaving = departing_change("p-li", true, by);
    assert_eq!(field_names(&leaving, "p-li"), ["departing"]);
    let people = people_of(&all_of(&join([r, rename, leaving])).0);
    let li_now = people.iter().find(|p| p.id == "p-li").expect("li is listed");
    assert_eq!((li_now.name.as_str(), li_now.role, li_now.departing), ("Li Nana", Role::Rep, true));
}

#[test]
fn load_people_reads_the_directory_as_stored() {
    block_on(async {
        let s = MemoryStore::new();
        let mut boss = Tablet::new("p-boss", "tab-m");
        let li = profile("p-li", "Li Na", Role::Rep);
        let r = person_change(&li, None, &mut boss.at(T0)).expect("new");
        apply_local(&s, &r, &boss.clock).await.unwrap();
        let back = departing_change("p-li", true, &mut boss.at(T0 + DAY));
        apply_local(&s, &back, &boss.clock).await.unwrap();
        let people = load_people(&s).await.unwrap();
        assert_eq!(
            people,
            [Person { id: "p-li".into(), name: "Li Na".into(), role: Role::Rep, departing: true, key: None }]
        );
    });
}

// ---------------------------------------------------------------- team lists (C2, C5)

#[test]
fn team_lists_fall_back_to_the_defaults_and_parse_list_drops_blanks_and_repeats() {
    block_on(async {
        let s = MemoryStore::new();
        let defaults = load_team_lists(&s).await.unwrap();
        assert_eq!(defaults, TeamLists::default());
        assert_eq!(defaults.sources.len(), SOURCES.len());
        assert_eq!((defaults.sources[0].as_str(), defaults.segments[0].as_str()), (SOURCES[0].0, SEGMENTS[0].0));

        assert_eq!(parse_list("  展会\n\nmedia\r\n展会 \n   \n行业协会推荐"), ["展会", "media", "行业协会推荐"]);
        assert!(parse_list(" \n\n\t\n").is_empty());

        let mut boss = Tablet::new("p-boss", "tab-m");
        let lists = TeamLists {
            sources: parse_list("展会\n老客户介绍\n展会"),
            segments: parse_list("项目客户\n"),
            counts: vec![],
        };
        let change = team_lists_change(&TeamLists::default(), &lists, &mut boss.at(T0)).expect("both lists changed");
        assert_eq!(change.docs[TEAM_LISTS_ID].kind, TEAM_LISTS_KIND);
        // Only a changed list is stamped, so another manager's edit of the other list survives.
        let only_segments =
            TeamLists { sources: lists.sources.clone(), segments: parse_list("会议客户"), counts: vec![] };
        let seg_change = team_lists_change(&lists, &only_segments, &mut boss.at(T0)).expect("segments changed");
        assert!(seg_change.docs[TEAM_LISTS_ID].get("sources").is_none());
        assert!(team_lists_change(&lists, &lists, &mut boss.at(T0)).is_none());
        apply_local(&s, &change, &boss.clock).await.unwrap();
        assert_eq!(load_team_lists(&s).await.unwrap(), lists);

        // A document with only the sources (and a stray number in them) keeps the default segments.
        let partial = MemoryStore::new();
        let mut d = Document::new(TEAM_LISTS_ID, TEAM_LISTS_KIND);
        d.set("sources", json!(["展会", 7, "行业协会推荐"]), boss.clock.tick(T0), "p-boss");
        let r = Replica { docs: [(TEAM_LISTS_ID.to_owned(), d)].into(), entries: Default::default() };
        apply_local(&partial, &r, &boss.clock).await.unwrap();
        let read = load_team_lists(&partial).await.unwrap();
        assert_eq!(read.sources, ["展会", "行业协会推荐"]);
        assert_eq!(read.segments, TeamLists::default().segments);
    });
}
