//! Who may write what (issue 15): entries judged against the signed team roster, with
//! real Ed25519 seals, in every order the entries may arrive in.
#![cfg(not(target_arch = "wasm32"))]

use outpost::domain::authority::{self, judge, sift, Verdict};
use outpost::domain::profile::Role;
use outpost::domain::roster::{Grant, Roster, GRANT};
use outpost::record::hlc::Hlc;
use outpost::record::replica::{Document, Entry, Replica};
use outpost::record::seal::PersonalKey;
use proptest::prelude::*;
use serde_json::json;

fn key(n: u8) -> PersonalKey {
    PersonalKey::from_seed([n; 32])
}

/// The team's first admin (wang, manager), finance (qian), a rep (li), and a stranger.
fn root() -> PersonalKey {
    key(1)
}
fn qian() -> PersonalKey {
    key(2)
}
fn li() -> PersonalKey {
    key(3)
}
fn stranger() -> PersonalKey {
    key(9)
}

fn entry(id: &str, kind: &str, author: &str, at: i64, body: serde_json::Value, by: Option<&PersonalKey>) -> Entry {
    let mut e = Entry {
        id: id.into(),
        kind: kind.into(),
        subject: "c1".into(),
        stamp: Hlc { wall_ms: at, counter: 0, device: format!("tab-{author}") },
        author: author.into(),
        body,
        seal: None,
    };
    if let Some(k) = by {
        k.seal_entry(&mut e);
    }
    e
}

fn grant(id: &str, person: &str, who: &PersonalKey, roles: &[Role], admin: bool, at: i64, by: &PersonalKey) -> Entry {
    let g = Grant { key: who.id().0, name: person.into(), roles: roles.to_vec(), admin, from_ms: at, revoked: false };
    let mut e = entry(id, GRANT, "wang", at, serde_json::to_value(g).unwrap(), Some(by));
    e.subject = person.into();
    e
}

fn revoke(id: &str, person: &str, who: &PersonalKey, at: i64, by: &PersonalKey) -> Entry {
    let g = Grant { key: who.id().0, name: person.into(), roles: vec![], admin: false, from_ms: at, revoked: true };
    let mut e = entry(id, GRANT, "wang", at, serde_json::to_value(g).unwrap(), Some(by));
    e.subject = person.into();
    e
}

/// The team's grants: wang (root) is admin and manager from 100; qian finance from 110;
/// li rep from 120, revoked at 500 (left the team, H1).
fn grants() -> Vec<Entry> {
    vec![
        grant("g-wang", "wang", &root(), &[Role::Manager], true, 100, &root()),
        grant("g-qian", "qian", &qian(), &[Role::Finance], false, 110, &root()),
        grant("g-li", "li", &li(), &[Role::Rep], false, 120, &root()),
        revoke("g-li-out", "li", &li(), 500, &root()),
    ]
}

/// The entries under test, each with the verdict the roster must give it.
fn cases() -> Vec<(Entry, Verdict)> {
    let pay = |p: &str| json!({ "payment": p });
    vec![
        // Finance confirms a payment with her own key: counts.
        (entry("conf-1", authority::FINANCE_CONFIRMATION, "qian", 200, pay("p1"), Some(&qian())), Verdict::Trusted),
        // A rep confirms a payment as himself: lacks the role (O3).
        (entry("conf-2", authority::FINANCE_CONFIRMATION, "li", 210, pay("p2"), Some(&li())), Verdict::LacksRole),
        // A rep writes a confirmation in finance's name, sealed with his own key.
        (entry("conf-3", authority::FINANCE_CONFIRMATION, "qian", 220, pay("p3"), Some(&li())), Verdict::NotTheAuthor),
        // A rep forges a manager's pool assignment (P4/P5/P7).
        (entry("assign-1", authority::POOL_ASSIGN, "li", 230, json!({}), Some(&li())), Verdict::LacksRole),
        // The manager's own assignment counts.
        (entry("assign-2", authority::POOL_ASSIGN, "wang", 240, json!({}), Some(&root())), Verdict::Trusted),
        // A rep approves his own order (O1); the manager's approval counts.
        (
            entry("step-1", authority::ORDER_STEP, "li", 232, json!({"type":"approved","opinion":"ok"}), Some(&li())),
            Verdict::LacksRole,
        ),
        (
            entry(
                "step-2",
                authority::ORDER_STEP,
                "wang",
                233,
                json!({"type":"approved","opinion":"ok"}),
                Some(&root()),
            ),
            Verdict::Trusted,
        ),
        // Submitting is the rep's own step.
        (entry("step-3", authority::ORDER_STEP, "li", 234, json!({"type":"submitted"}), Some(&li())), Verdict::Trusted),
        // A key the roster never granted.
        (entry("claim-1", "pool.claim", "zhao", 250, json!({}), Some(&stranger())), Verdict::UnknownKey),
        // The rep's own claim while on the team counts; after he left it does not.
        (entry("claim-2", "pool.claim", "li", 260, json!({}), Some(&li())), Verdict::Trusted),
        (entry("claim-3", "pool.claim", "li", 600, json!({}), Some(&li())), Verdict::Revoked),
        // C6: the review of a new entry is the manager's.
        (entry("rev-1", authority::CUSTOMER_REVIEWED, "li", 262, json!({}), Some(&li())), Verdict::LacksRole),
        // A1: a rep approving an application; finance's approval counts; the rep's
        // own submission is his step.
        (
            entry("app-1", authority::APPLICATION_STATUS, "li", 264, json!({"status":"approved"}), Some(&li())),
            Verdict::LacksRole,
        ),
        (
            entry("app-2", authority::APPLICATION_STATUS, "qian", 265, json!({"status":"approved"}), Some(&qian())),
            Verdict::Trusted,
        ),
        (
            entry("app-3", authority::APPLICATION_STATUS, "li", 266, json!({"status":"submitted"}), Some(&li())),
            Verdict::Trusted,
        ),
        // I7: finance's payout step needs finance, every other step the manager.
        (
            entry("pay-1", authority::PAYOUT_STEP, "qian", 267, json!({"step":"finance_pays"}), Some(&qian())),
            Verdict::Trusted,
        ),
        (
            entry("pay-2", authority::PAYOUT_STEP, "qian", 267, json!({"step":"filed"}), Some(&qian())),
            Verdict::LacksRole,
        ),
        (
            entry("pay-3", authority::PAYOUT_STEP, "wang", 267, json!({"step":"finance_pays"}), Some(&root())),
            Verdict::LacksRole,
        ),
        (entry("pay-4", authority::PAYOUT_STEP, "wang", 267, json!({"step":"filed"}), Some(&root())), Verdict::Trusted),
        (entry("pay-5", authority::PAYOUT_STEP, "li", 267, json!({"step":"later"}), Some(&li())), Verdict::LacksRole),
        // V5: a rep reviewing minutes.
        (
            entry("min-1", authority::MINUTES_STEP, "li", 268, json!({"step":"reviewed"}), Some(&li())),
            Verdict::LacksRole,
        ),
        // E4: the kiosk's chips desk is event staff's (or a manager's).
        (entry("chips-1", "event.chips", "li", 270, json!({"participant":"p1"}), Some(&li())), Verdict::LacksRole),
        (entry("chips-2", "event.chips", "wang", 271, json!({"participant":"p1"}), Some(&root())), Verdict::Trusted),
        // A finance confirmation of a payment (P2/P3 fact) from before the team signed:
        // accepted once, marked; one written unsealed since is refused.
        (entry("fact-1", authority::PAYMENT_CONFIRMED, "qian", 50, pay("p0"), None), Verdict::Legacy),
        (entry("fact-2", authority::PAYMENT_CONFIRMED, "qian", 300, pay("p4"), None), Verdict::Unsealed),
    ]
}

#[test]
fn the_authority_kinds_are_the_ones_storage_writes() {
    use outpost::domain::pool::FactKind;
    assert_eq!(authority::FINANCE_CONFIRMATION, outpost::storage::orders::FINANCE_CONFIRMATION);
    assert_eq!(authority::ORDER_STEP, outpost::storage::orders::ORDER_STEP);
    let approved =
        serde_json::to_value(outpost::domain::order::OrderStep::Approved { opinion: String::new() }).unwrap();
    assert_eq!(approved["type"], json!("approved"));
    assert_eq!(authority::APPLICATION_STATUS, outpost::storage::applications::APPLICATION_STATUS);
    assert_eq!(authority::MINUTES_STEP, outpost::storage::activities::MINUTES_STEP);
    assert_eq!(authority::VISIT_PLAN, outpost::storage::activities::VISIT_PLAN);
    assert_eq!(authority::PRODUCT, outpost::storage::orders::PRODUCT);
    use outpost::storage::incentives::{MONTH_KIND, SCHEME_KIND};
    assert_eq!(authority::INCENTIVE_KINDS, [SCHEME_KIND, MONTH_KIND]);
    assert_eq!(authority::TARGET_SET, outpost::storage::targets::TARGET_SET);
    assert_eq!(authority::PAYOUT_STEP, outpost::storage::payout_steps::PAYOUT_STEP);
    use outpost::storage::events::{CHIPS, COUNT, STOCK};
    assert_eq!(authority::KIOSK_KINDS, [CHIPS, STOCK, COUNT]);
    assert_eq!(authority::EVENT, outpost::storage::events::EVENT);
    assert_eq!(authority::APPLICATION, outpost::storage::applications::APPLICATION);
    use outpost::storage::key_accounts::{KA_ACTIVITY, KA_EVALUATION, KA_REQUEST, KA_TERMS};
    assert_eq!(authority::KEY_ACCOUNT_KINDS, [KA_REQUEST, KA_EVALUATION, KA_ACTIVITY, KA_TERMS]);
    for id in [outpost::storage::staff_pin::STAFF_PIN_ID, outpost::storage::key_accounts::KA_ROLES_ID] {
        assert!(id.starts_with(authority::TEAM_DOC_PREFIX), "{id}");
    }
    assert!(FactKind::TAGS.contains(&authority::CUSTOMER_REVIEWED));
    let reviewed = serde_json::to_value(outpost::domain::minutes::MinutesStep::Reviewed).unwrap();
    assert_eq!(reviewed, json!("reviewed"));
    assert!(FactKind::TAGS.contains(&authority::PAYMENT_CONFIRMED));
    assert!(FactKind::TAGS.contains(&authority::POOL_ASSIGN));
}

#[test]
fn forged_approvals_confirmations_and_strangers_are_refused_and_the_rest_counts() {
    let g = grants();
    let roster = Roster::fold(&root().id().0, &g);
    assert_eq!(roster.since_ms, Some(100));
    for (e, want) in cases() {
        assert_eq!(judge(&e, Some(&roster)), want, "{}", e.id);
    }
    let all: Vec<Entry> = cases().into_iter().map(|(e, _)| e).collect();
    let s = sift(&all, Some(&roster));
    let counted: Vec<&str> = s.counted.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        counted,
        vec![
            "conf-1", "assign-2", "step-2", "step-3", "claim-2", "app-2", "app-3", "pay-1", "pay-4", "chips-2",
            "fact-1"
        ]
    );
}

#[test]
fn p9_a_release_note_sent_back_counts_only_from_a_manager() {
    let roster = Roster::fold(&root().id().0, &grants());
    let body = json!({"rep": "li", "comment": "more"});
    let by_rep = entry("ret-1", authority::NOTE_RETURNED, "li", 241, body.clone(), Some(&li()));
    let by_manager = entry("ret-2", authority::NOTE_RETURNED, "wang", 242, body, Some(&root()));
    assert_eq!(judge(&by_rep, Some(&roster)), Verdict::LacksRole);
    assert_eq!(judge(&by_manager, Some(&roster)), Verdict::Trusted);
    assert!(outpost::domain::pool::FactKind::TAGS.contains(&authority::NOTE_RETURNED));
}

#[test]
fn a_grant_sealed_by_a_non_admin_gives_no_role() {
    // Finance tries to make the rep a finance person; the rep then "confirms" a payment.
    let mut g = grants();
    g.push(grant("g-li-fin", "li", &li(), &[Role::Finance], false, 150, &qian()));
    let roster = Roster::fold(&root().id().0, &g);
    let e = entry("conf-9", authority::FINANCE_CONFIRMATION, "li", 200, json!({"payment":"p9"}), Some(&li()));
    assert_eq!(judge(&e, Some(&roster)), Verdict::LacksRole);
}

#[test]
fn a_team_without_a_roster_counts_every_entry_as_before() {
    for (e, _) in cases() {
        assert_eq!(judge(&e, None), Verdict::Legacy);
    }
}

/// How many grants and cases the arrival-order property shuffles.
const RECORDS: usize = 29;

#[test]
fn the_property_shuffles_every_grant_and_case() {
    assert_eq!(grants().len() + cases().len(), RECORDS);
}

/// A document with one field per case, each written by `author` at `at` and sealed by `by`.
fn doc_field(doc: &mut Document, field: &str, author: &str, at: i64, by: Option<&PersonalKey>) {
    let stamp = Hlc { wall_ms: at, counter: 0, device: format!("tab-{author}") };
    doc.set(field, json!("x"), stamp, author);
    if let Some(k) = by {
        let mut r = Replica { docs: [(doc.id.clone(), doc.clone())].into(), entries: Default::default() };
        k.seal_change(&mut r);
        *doc = r.docs.remove(&doc.id).unwrap();
    }
}

#[test]
fn a_documents_fields_count_only_from_a_writer_with_the_role_the_field_needs() {
    let roster = Roster::fold(&root().id().0, &grants());
    let judge_one = |kind: &str, id: &str, field: &str, author: &str, at: i64, by: Option<&PersonalKey>| {
        let mut d = Document::new(id, kind);
        doc_field(&mut d, field, author, at, by);
        authority::judge_field(&d, field, &d.fields[field], Some(&roster))
    };
    // V2: the decision on a visit plan is the manager's; its goals are the rep's.
    assert_eq!(judge_one("visit_plan", "vp1", "decision", "li", 300, Some(&li())), Verdict::LacksRole);
    assert_eq!(judge_one("visit_plan", "vp1", "decision", "wang", 300, Some(&root())), Verdict::Trusted);
    assert_eq!(judge_one("visit_plan", "vp1", "goals", "li", 300, Some(&li())), Verdict::Trusted);
    // Team settings and the price list are the manager's; C3's credit flag too.
    assert_eq!(judge_one("team_staff_pin", "team:staff_pin", "pin", "li", 300, Some(&li())), Verdict::LacksRole);
    assert_eq!(judge_one("product", "p1", "price_fen", "qian", 300, Some(&qian())), Verdict::LacksRole);
    assert_eq!(judge_one("customer", "c1", "manual_credit_flag", "li", 300, Some(&li())), Verdict::LacksRole);
    // P5's problem mark and its note; P7's capacities and O2's lead time (team settings).
    assert_eq!(judge_one("customer", "c1", "problem", "li", 300, Some(&li())), Verdict::LacksRole);
    assert_eq!(judge_one("customer", "c1", "problem_note", "li", 300, Some(&li())), Verdict::LacksRole);
    assert_eq!(judge_one("customer", "c1", "problem", "wang", 300, Some(&root())), Verdict::Trusted);
    assert_eq!(judge_one("customer", "c1", "payday", "li", 300, Some(&li())), Verdict::Trusted);
    assert_eq!(judge_one("team_capacities", "team:capacities", "li", "li", 300, Some(&li())), Verdict::LacksRole);
    assert_eq!(
        judge_one("team_collection", "team:collection", "remind_days", "li", 300, Some(&li())),
        Verdict::LacksRole
    );
    // Any member edits a customer's file; not after he left (H1); not unsealed since
    // the team began to sign; before then, accepted once.
    assert_eq!(judge_one("customer", "c1", "name", "li", 300, Some(&li())), Verdict::Trusted);
    assert_eq!(judge_one("customer", "c1", "name", "li", 600, Some(&li())), Verdict::Revoked);
    assert_eq!(judge_one("customer", "c1", "name", "li", 300, None), Verdict::Unsealed);
    assert_eq!(judge_one("customer", "c1", "name", "li", 50, None), Verdict::Legacy);
    assert_eq!(judge_one("customer", "c1", "name", "qian", 300, Some(&li())), Verdict::NotTheAuthor);

    // Sifting keeps the fields that count and reads the others as never written.
    let mut d = Document::new("vp2", "visit_plan");
    doc_field(&mut d, "goals", "li", 300, Some(&li()));
    doc_field(&mut d, "decision", "li", 301, Some(&li()));
    let (kept, refused) = authority::sift_fields(&d, Some(&roster));
    assert_eq!(kept.fields.keys().collect::<Vec<_>>(), vec!["goals"]);
    assert_eq!(refused, vec![("decision".to_owned(), Verdict::LacksRole)]);
}

/// One field change of customer `c1` as a device stores it: into its signer's slot
/// when the field is role-gated, then sealed.
fn customer_change(field: &str, value: serde_json::Value, author: &str, at: i64, by: &PersonalKey) -> Replica {
    let mut d = Document::new("c1", "customer");
    d.set(field, value, Hlc { wall_ms: at, counter: 0, device: format!("tab-{author}") }, author);
    let mut r = Replica { docs: [("c1".to_owned(), d)].into(), entries: Default::default() };
    authority::into_slots(&mut r, Some(&by.id().0));
    by.seal_change(&mut r);
    r
}

fn counted(r: &Replica, roster: Option<&Roster>) -> (Document, Vec<(String, Verdict)>) {
    authority::sift_fields(&r.docs["c1"], roster)
}

/// Issue 15, C3: a rep's later change of the manager's credit flag, however late and in
/// whatever order devices merge it, leaves the manager's flag counting — it is kept in
/// the rep's own slot and refused there, instead of replacing the manager's register.
#[test]
fn c3_a_refused_later_change_of_a_gated_field_leaves_the_managers_value_in_place() {
    let roster = Roster::fold(&root().id().0, &grants());
    let slot = |k: &PersonalKey| format!("manual_credit_flag@{}", k.id().0);
    let flagged = customer_change("manual_credit_flag", json!(true), "wang", 300, &root());
    let forged = customer_change("manual_credit_flag", json!(false), "li", 400, &li());
    assert!(flagged.docs["c1"].fields.contains_key(&slot(&root())));
    for merged in [flagged.clone().merge(forged.clone()), forged.clone().merge(flagged.clone())] {
        let (kept, refused) = counted(&merged, Some(&roster));
        assert_eq!(kept.get("manual_credit_flag"), Some(&json!(true)));
        assert_eq!(refused, vec![(slot(&li()), Verdict::LacksRole)]);
    }
    // The manager's own later change counts: the newest change among those that count.
    let cleared = customer_change("manual_credit_flag", json!(false), "wang", 450, &root());
    let all = forged.clone().merge(cleared).merge(flagged.clone());
    assert_eq!(counted(&all, Some(&roster)).0.get("manual_credit_flag"), Some(&json!(false)));
    // A team without a roster (every change counts): the newest slot wins, as one
    // register would.
    let both = flagged.clone().merge(forged.clone());
    assert_eq!(counted(&both, None).0.get("manual_credit_flag"), Some(&json!(false)));

    // What slots prevent: in one shared register the rep's later change replaced the
    // manager's, and sifting then found no flag at all.
    let mut shared = Document::new("c1", "customer");
    doc_field(&mut shared, "manual_credit_flag", "wang", 300, Some(&root()));
    doc_field(&mut shared, "manual_credit_flag", "li", 400, Some(&li()));
    assert_eq!(authority::sift_fields(&shared, Some(&roster)).0.get("manual_credit_flag"), None);

    // A slot holds only its own signer's changes: a later change a rep writes into the
    // manager's slot — sealed by himself, or unsealed in the manager's name — does not
    // take it in any merge order, and alone it counts nowhere.
    for (author, by) in [("li", Some(li())), ("wang", None)] {
        let mut d = Document::new("c1", "customer");
        doc_field(&mut d, &slot(&root()), author, 460, by.as_ref());
        let r = Replica { docs: [("c1".to_owned(), d)].into(), entries: Default::default() };
        for merged in [flagged.clone().merge(r.clone()), r.clone().merge(flagged.clone())] {
            assert_eq!(merged, flagged, "the slot keeps the manager's change");
        }
        let (kept, refused) = counted(&r, Some(&roster));
        assert_eq!(kept.get("manual_credit_flag"), None);
        assert_eq!(refused, vec![(slot(&root()), Verdict::NotTheAuthor)]);
    }

    // Fields nobody gates stay one register, and a name that merely contains the mark
    // is a plain field.
    let named = customer_change("name", json!("Kite Works"), "li", 300, &li());
    assert!(named.docs["c1"].fields.contains_key("name"));
    let odd = customer_change("note@home", json!("x"), "li", 300, &li());
    assert_eq!(counted(&odd, Some(&roster)).0.get("note@home"), Some(&json!("x")));
}

/// Issue 15, P7 and every team setting: a member without the role cannot blank the
/// manager's setting by writing it later (the setting used to read as never set).
#[test]
fn p7_a_team_setting_written_later_by_a_rep_keeps_the_managers_value() {
    let roster = Roster::fold(&root().id().0, &grants());
    let setting = |value: serde_json::Value, author: &str, at: i64, by: &PersonalKey| {
        let mut d = Document::new("team:capacities", "team_capacities");
        d.set("li", value, Hlc { wall_ms: at, counter: 0, device: format!("tab-{author}") }, author);
        let mut r = Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() };
        authority::into_slots(&mut r, Some(&by.id().0));
        by.seal_change(&mut r);
        r
    };
    let managers = setting(json!(40), "wang", 300, &root());
    let reps = setting(json!(400), "li", 350, &li());
    let merged = reps.merge(managers);
    let (kept, refused) = authority::sift_fields(&merged.docs["team:capacities"], Some(&roster));
    assert_eq!(kept.get("li"), Some(&json!(40)));
    assert_eq!(refused, vec![(format!("li@{}", li().id().0), Verdict::LacksRole)]);
}

/// One field change of event `id` as a device stores it (slotted when gated, sealed).
fn event_change(id: &str, field: &str, value: serde_json::Value, author: &str, at: i64, by: &PersonalKey) -> Replica {
    let mut d = Document::new(id, authority::EVENT);
    d.set(field, value, Hlc { wall_ms: at, counter: 0, device: format!("tab-{author}") }, author);
    let mut r = Replica { docs: [(id.to_owned(), d)].into(), entries: Default::default() };
    authority::into_slots(&mut r, Some(&by.id().0));
    by.seal_change(&mut r);
    r
}

/// Issue 15, E1: an event whose id names its creator counts, field by field and in any
/// merge order, only from that creator, a manager or event staff. Another rep's later
/// edit or deletion is refused and leaves the creator's event as it was; an event
/// "created" by someone under another person's id shows nowhere; an event from before
/// ids named creators is anyone's, as before.
#[test]
fn e1_a_creator_bound_event_counts_only_from_its_creator_a_manager_or_event_staff() {
    use outpost::domain::event::{creator_of, event_id};
    let zhao = key(4);
    let sun = key(5);
    let mut g = grants();
    g.push(grant("g-zhao", "zhao", &zhao, &[Role::Rep], false, 130, &root()));
    g.push(grant("g-sun", "sun", &sun, &[Role::EventStaff], false, 140, &root()));
    let roster = Roster::fold(&root().id().0, &g);
    let id = event_id("li", "kite-day");
    assert_eq!(creator_of(&id), Some("li"));
    let read = |r: &Replica| authority::sift_fields(&r.docs[&id], Some(&roster));

    let created = event_change(&id, "theme", json!("Kite DIY day"), "li", 300, &li());
    assert!(created.docs[&id].fields.contains_key(&format!("theme@{}", li().id().0)), "kept in the creator's slot");
    let by_zhao = event_change(&id, "theme", json!("Cancelled"), "zhao", 310, &zhao);
    let deleted_by_zhao = event_change(&id, "_deleted", json!(true), "zhao", 320, &zhao);
    for merged in [
        created.clone().merge(by_zhao.clone()).merge(deleted_by_zhao.clone()),
        deleted_by_zhao.clone().merge(by_zhao.clone()).merge(created.clone()),
    ] {
        let (kept, refused) = read(&merged);
        assert_eq!(kept.get("theme"), Some(&json!("Kite DIY day")));
        assert!(!kept.is_deleted(), "another rep cannot delete it");
        assert_eq!(
            refused,
            vec![("_deleted".to_owned(), Verdict::LacksRole), (format!("theme@{}", zhao.id().0), Verdict::LacksRole)]
        );
    }
    // Event staff and a manager keep any event; the newest of their changes counts.
    let by_sun = event_change(&id, "theme", json!("Kite day, plaza"), "sun", 330, &sun);
    let venue_by_wang = event_change(&id, "venue", json!("Sales office"), "wang", 340, &root());
    let all = created.clone().merge(by_zhao.clone()).merge(by_sun).merge(venue_by_wang);
    let (kept, _) = read(&all);
    assert_eq!(kept.get("theme"), Some(&json!("Kite day, plaza")));
    assert_eq!(kept.get("venue"), Some(&json!("Sales office")));
    // The creator's own later change counts again, whoever wrote in between.
    let again = all.merge(event_change(&id, "theme", json!("Kite day"), "li", 350, &li()));
    assert_eq!(read(&again).0.get("theme"), Some(&json!("Kite day")));
    // The kiosk PIN stays the event desk's: not even the creator sets it.
    let pin = event_change(&id, "pin", json!("salt:hash"), "li", 360, &li());
    assert_eq!(read(&pin).1, vec![(format!("pin@{}", li().id().0), Verdict::LacksRole)]);

    // Zhao "creates" an event under li's name: none of it counts, so it is left out.
    let forged_id = event_id("li", "forged");
    let forged = event_change(&forged_id, "theme", json!("Free prizes"), "zhao", 300, &zhao);
    let (kept, refused) = authority::sift_fields(&forged.docs[&forged_id], Some(&roster));
    assert!(kept.fields.is_empty());
    assert_eq!(refused.len(), 1);

    // An event from before ids named creators: any member's change counts, as before.
    let old = event_change("ev-legacy", "theme", json!("Plaza warm-up"), "zhao", 300, &zhao);
    assert!(old.docs["ev-legacy"].fields.contains_key("theme"), "not slotted");
    assert_eq!(
        authority::sift_fields(&old.docs["ev-legacy"], Some(&roster)).0.get("theme"),
        Some(&json!("Plaza warm-up"))
    );
}

proptest! {
    /// Devices receive grants and entries in any order and in any grouping of chunks;
    /// the roster is folded from whatever order a device holds them in, and every
    /// device gives every entry the same verdict.
    #[test]
    fn every_arrival_order_gives_the_same_verdicts(order in Just((0..RECORDS).collect::<Vec<_>>()).prop_shuffle(), cut in 0usize..RECORDS) {
        let mut all: Vec<Entry> = grants();
        all.extend(cases().into_iter().map(|(e, _)| e));
        let pick = |ids: &[usize]| Replica {
            docs: Default::default(),
            entries: ids.iter().map(|&i| (all[i].id.clone(), all[i].clone())).collect(),
        };
        let (first, second) = order.split_at(cut);
        let merged = pick(second).merge(pick(first));
        // The fold sees the entries in arrival order, not the replica's key order.
        let arrived: Vec<&Entry> = order.iter().map(|&i| &all[i]).collect();
        let roster = Roster::fold(&root().id().0, arrived);
        prop_assert_eq!(&roster, &Roster::fold(&root().id().0, &grants()));
        for (e, want) in cases() {
            prop_assert_eq!(judge(&merged.entries[&e.id], Some(&roster)), want, "{}", e.id);
        }
    }
}

#[test]
fn a_signers_roles_are_the_ones_the_roster_gave_them_then() {
    // Issue 15: an approval history shows who signed with the role they held then.
    let mut g = grants();
    // wang on a second tablet, granted finance as well from 300.
    g.push(grant("g-wang-2", "wang", &stranger(), &[Role::Finance], false, 300, &root()));
    let roster = Roster::fold(&root().id().0, &g);
    assert_eq!(roster.roles_of("wang", 200), vec![Role::Manager]);
    assert_eq!(roster.roles_of("wang", 400), vec![Role::Manager, Role::Finance]);
    assert_eq!(roster.roles_of("li", 200), vec![Role::Rep]);
    // H1: after li left, nothing; before anyone was granted, nothing.
    assert!(roster.roles_of("li", 600).is_empty());
    assert!(roster.roles_of("qian", 50).is_empty());
    assert!(roster.roles_of("nobody", 200).is_empty());
}
