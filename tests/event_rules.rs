//! Events (E1–E5) and event stock (W1): turn-up rate, walk-in registration and the
//! multi-tablet dedupe, the chips ledger and double redemption, stock reconciliation.
#![cfg(not(target_arch = "wasm32"))]

use outpost::domain::chips::{
    check_redemption, ledger, ChipMove, ChipsError, ChipsRefusal, Conflict, MoveKind, Settlement,
};
use outpost::domain::event::{
    cost_report, invite_summary, turn_up_rate, BudgetLine, CostPerLead, Event, EventError, InviteStatus, Invitee,
    Phase, Ratio,
};
use outpost::domain::participant::{
    attended_keys, change_consent, lead_count, new_leads, participants, phone_keys_of, register, Child, Participant,
    ParticipantError, Registration, RegistrationForm, Relation,
};
use outpost::domain::stock::{reconcile, Count, MoveReason, StockError, StockMove};
use outpost::record::hlc::Hlc;

// ---------------------------------------------------------------- helpers

const HOUR: i64 = 60 * 60 * 1000;
const START: i64 = 1_800_000_000_000;
const END: i64 = START + 6 * HOUR;

fn stamp(device: &str, wall_ms: i64) -> Hlc {
    Hlc { wall_ms, counter: 0, device: device.into() }
}

fn kite_day() -> Event {
    Event {
        id: "ev1".into(),
        theme: "Kite DIY day".into(),
        starts_ms: START,
        ends_ms: END,
        venue: "Sales office, Jinan".into(),
        organiser: "wang".into(),
        audience: "owners, their friends and families".into(),
        format: "DIY workshop with ring games".into(),
        budget: vec![
            BudgetLine::new("kits", "kits", 300_000, 320_000),
            BudgetLine::new("prizes", "prizes", 200_000, 150_000),
        ],
        consent_version: "v2".into(),
    }
}

fn form(name: &str, phone: &str, relation: Relation, children: &[(&str, u8)]) -> RegistrationForm {
    RegistrationForm {
        name: name.into(),
        phone: phone.into(),
        relation,
        children: children.iter().map(|(n, a)| Child { name: (*n).into(), age: *a }).collect(),
        consent_version: "v2".into(),
    }
}

fn reg(id: &str, device: &str, at: i64, f: RegistrationForm) -> Registration {
    register(&f, &kite_day(), id, stamp(device, at)).expect("a valid form")
}

/// Every permutation of `items` (Heap's algorithm); small inputs only.
fn permutations<T: Clone>(items: &[T]) -> Vec<Vec<T>> {
    fn go<T: Clone>(k: usize, a: &mut Vec<T>, out: &mut Vec<Vec<T>>) {
        if k <= 1 {
            out.push(a.clone());
            return;
        }
        for i in 0..k {
            go(k - 1, a, out);
            let j = if k.is_multiple_of(2) { i } else { 0 };
            a.swap(j, k - 1);
        }
    }
    let mut out = Vec::new();
    go(items.len(), &mut items.to_vec(), &mut out);
    out
}

fn award(id: &str, device: &str, at: i64, who: &str, chips: u32) -> ChipMove {
    ChipMove {
        id: id.into(),
        stamp: stamp(device, at),
        participant: who.into(),
        kind: MoveKind::Award { station: "ring toss".into(), chips },
    }
}

fn redeem(id: &str, device: &str, at: i64, who: &str, chips: u32) -> ChipMove {
    ChipMove {
        id: id.into(),
        stamp: stamp(device, at),
        participant: who.into(),
        kind: MoveKind::Redeem { prize: "kite".into(), chips },
    }
}

// ---------------------------------------------------------------- E1, E5

#[test]
fn e1_an_event_needs_theme_venue_organiser_and_ordered_dates() {
    assert_eq!(kite_day().validate(), Ok(()));
    assert_eq!(Event { theme: " ".into(), ..kite_day() }.validate(), Err(EventError::ThemeEmpty));
    assert_eq!(Event { venue: "".into(), ..kite_day() }.validate(), Err(EventError::VenueEmpty));
    assert_eq!(Event { ends_ms: START - 1, ..kite_day() }.validate(), Err(EventError::EndsBeforeStart));
    let mut bad = kite_day();
    bad.budget[1].actual_fen = -1;
    assert_eq!(bad.validate(), Err(EventError::NegativeAmount { line: "prizes".into() }));
    assert_eq!(kite_day().phase(START - 1), Phase::Before);
    assert_eq!(kite_day().phase(START), Phase::Running);
    assert_eq!(kite_day().phase(END), Phase::Ended);
}

#[test]
fn e5_cost_against_budget_and_cost_per_lead_are_exact_fen() {
    let r = cost_report(&kite_day(), 3);
    assert_eq!((r.planned_fen, r.actual_fen, r.variance_fen), (500_000, 470_000, -30_000));
    assert_eq!(r.lines[0].variance_fen, 20_000);
    assert_eq!(r.cost_per_lead, Some(CostPerLead { total_fen: 470_000, leads: 3 }));
    assert_eq!(r.cost_per_lead.unwrap().rounded_fen(), 156_667);
    assert_eq!(cost_report(&kite_day(), 0).cost_per_lead, None);
}

// ---------------------------------------------------------------- E2

#[test]
fn e2_turn_up_rate_is_attended_invitees_over_everyone_invited_as_an_exact_ratio() {
    let invitees = [
        Invitee::new("c1", "13800138001", InviteStatus::Confirmed),
        Invitee::new("c2", "13800138002", InviteStatus::Confirmed),
        Invitee::new("c3", "13800138003", InviteStatus::Declined),
        Invitee::new("c4", "13800138004", InviteStatus::NoAnswer),
        Invitee::new("c5", "13800138005", InviteStatus::Invited),
        Invitee::new("c5", "13800138005", InviteStatus::Invited), // merged twice
    ];
    assert_eq!(turn_up_rate(&invitees, &[]), Some(Ratio::new(0, 5)));

    // c1 came (phone typed differently), c4 never answered but came, plus a walk-in.
    let regs = [
        reg("r1", "tab-a", START + 1, form("Li", "+86 138 0013 8001", Relation::ExistingOwner, &[])),
        reg("r2", "tab-b", START + 2, form("Zhao", "138-0013-8004", Relation::ExistingOwner, &[])),
        reg("r3", "tab-b", START + 3, form("Walk-in", "13900139000", Relation::Prospect, &[])),
    ];
    let keys = attended_keys(&participants(&regs));
    let rate = turn_up_rate(&invitees, &keys).unwrap();
    assert_eq!(rate, Ratio::new(2, 5));
    assert_eq!(rate.per_mille(), Some(400));
    let s = invite_summary(&invitees, &keys);
    assert_eq!((s.confirmed, s.declined, s.no_answer, s.pending, s.attended), (2, 1, 1, 1, 2));
    assert_eq!(turn_up_rate(&[], &keys), None);
}

// ---------------------------------------------------------------- E3

#[test]
fn e3_a_child_outside_two_to_six_is_refused_with_an_error_naming_the_child() {
    let ev = kite_day();
    for (age, ok) in [(1, false), (2, true), (6, true), (7, false)] {
        let f = form("Chen", "13800138000", Relation::PartnerStaff, &[("Doudou", 4), ("Xiaoming", age)]);
        let got = register(&f, &ev, "r", stamp("tab-a", START));
        if ok {
            assert!(got.is_ok(), "age {age}");
        } else {
            let err = got.unwrap_err();
            assert_eq!(err, ParticipantError::ChildAgeOutOfRange { child: "Xiaoming".into(), age });
            assert!(err.to_string().contains("Xiaoming"));
        }
    }
}

#[test]
fn e3_a_walk_in_needs_a_name_a_phone_and_the_current_consent_version() {
    let ev = kite_day();
    let at = stamp("tab-a", START);
    let f = form(" ", "13800138000", Relation::Prospect, &[]);
    assert_eq!(register(&f, &ev, "r", at.clone()), Err(ParticipantError::NameEmpty));
    let f = form("Li", "  ", Relation::Prospect, &[]);
    assert_eq!(register(&f, &ev, "r", at.clone()), Err(ParticipantError::PhoneMissing));
    let f = RegistrationForm { consent_version: "v1".into(), ..form("Li", "13800138000", Relation::Prospect, &[]) };
    assert!(matches!(register(&f, &ev, "r", at), Err(ParticipantError::ConsentVersionMismatch { .. })));
    let f = form("Li", "13800138000", Relation::Prospect, &[]);
    assert_eq!(register(&f, &ev, "r", stamp("tab-a", END)), Err(ParticipantError::EventOver));
}

#[test]
fn e3_the_consent_text_version_is_frozen_once_the_event_starts() {
    let ev = kite_day();
    assert_eq!(change_consent(&ev, "v3", START - 1).unwrap().consent_version, "v3");
    assert_eq!(change_consent(&ev, "v3", START), Err(ParticipantError::ConsentFrozen));
    assert_eq!(change_consent(&ev, "v3", END + 1), Err(ParticipantError::ConsentFrozen));
}

#[test]
fn e3_registrations_from_three_tablets_with_the_same_phone_become_one_participant_in_every_merge_order() {
    let regs = vec![
        reg("a1", "tab-a", START + 10, form("Li Na", "138 0013 8000", Relation::Prospect, &[("Doudou", 4)])),
        reg("b1", "tab-b", START + 20, form("Li Na", "+86 13800138000", Relation::FriendOfOwner, &[("Doudou", 5)])),
        reg("c1", "tab-c", START + 5, form("Zhang", "13900139000", Relation::PartnerStaff, &[])),
        reg("c2", "tab-c", START + 30, form("Li Na.", "0086-138-0013-8000", Relation::FriendOfOwner, &[("Mimi", 3)])),
    ];
    let expected = participants(&regs);
    assert_eq!(expected.len(), 2);
    assert_eq!(expected[0].key, "13900139000");
    let li: &Participant = &expected[1];
    assert_eq!(li.key, "13800138000");
    let history: Vec<&str> = li.registrations.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(history, ["a1", "b1", "c2"]);
    assert_eq!(li.name, "Li Na.");
    assert_eq!(li.relation, Relation::FriendOfOwner);
    assert_eq!(li.children, [Child { name: "Doudou".into(), age: 5 }, Child { name: "Mimi".into(), age: 3 }]);
    assert_eq!(lead_count(&expected), 2);

    let orders = permutations(&regs);
    assert_eq!(orders.len(), 24);
    for order in orders {
        assert_eq!(participants(&order), expected);
        // Merging one tablet's entries twice changes nothing.
        let mut twice = order.clone();
        twice.extend(order);
        assert_eq!(participants(&twice), expected);
    }
}

#[test]
fn e5_p5_new_leads_are_everyone_but_owners_and_people_whose_phone_a_customer_has() {
    let regs = vec![
        reg("r1", "tab-a", START + 1, form("Owner Ma", "13600136000", Relation::ExistingOwner, &[])),
        reg("r2", "tab-a", START + 2, form("Liu", "13900139000", Relation::Prospect, &[])),
        reg("r3", "tab-b", START + 3, form("Known", "13500135000", Relation::FriendOfOwner, &[])),
        reg("r4", "tab-b", START + 4, form("Staff Wu", "13700137000", Relation::PartnerStaff, &[])),
    ];
    let ps = participants(&regs);
    // A customer's contact written with a country code and spaces is the same phone.
    let known = phone_keys_of(["+86 135 0013 5000".to_string(), "n/a".to_string()]);
    assert_eq!(known, ["13500135000"]);
    let names: Vec<&str> = new_leads(&ps, &known).iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Liu", "Staff Wu"]);
    assert_eq!(new_leads(&ps, &[]).len() as u64, lead_count(&ps));
}

// ---------------------------------------------------------------- E4

#[test]
fn e4_a_referees_take_back_from_a_substitute_never_drives_the_balance_below_zero() {
    let ev = kite_day();
    let moves = [
        award("m1", "tab-a", START + 1, "p1", 5),
        ChipMove {
            id: "m2".into(),
            stamp: stamp("tab-b", START + 2),
            participant: "p1".into(),
            kind: MoveKind::TakeBack { chips: 8, reason: "substitute player".into() },
        },
    ];
    let l = ledger(&moves, &ev);
    let b = l.balances["p1"];
    assert_eq!((b.earned, b.taken_back, b.balance), (5, 5, 0));
}

#[test]
fn e4_redemption_before_the_event_ends_is_refused() {
    let ev = kite_day();
    let moves = [award("m1", "tab-a", START + 1, "p1", 5)];
    let l = ledger(&moves, &ev);
    assert_eq!(check_redemption(&l, &ev, "p1", 3, END - 1), Err(ChipsError::EventNotOver));
    assert_eq!(check_redemption(&l, &ev, "p1", 3, END), Ok(()));
    assert_eq!(check_redemption(&l, &ev, "p1", 6, END), Err(ChipsError::NotEnoughChips { balance: 5, asked: 6 }));
    // A tablet that skipped the check still cannot spend chips early: the fold refuses it.
    let early = [moves[0].clone(), redeem("x", "tab-b", END - 1, "p1", 3)];
    let l = ledger(&early, &ev);
    assert_eq!(l.balance("p1"), 5);
    assert_eq!(l.refused[0].reason, ChipsRefusal::RedeemedBeforeEventEnd);
}

#[test]
fn e4_the_same_chips_redeemed_on_two_offline_tablets_is_one_conflict_in_every_merge_order() {
    let ev = kite_day();
    let moves = vec![
        award("m1", "tab-a", START + 1, "p1", 6),
        award("m2", "tab-b", START + 2, "p1", 4),
        redeem("ra", "tab-a", END + 10, "p1", 8),
        redeem("rb", "tab-b", END + 20, "p1", 7),
    ];
    let expected = ledger(&moves, &ev);
    assert_eq!(
        expected.conflicts,
        [Conflict {
            participant: "p1".into(),
            redemption: "rb".into(),
            earlier: vec!["ra".into()],
            asked: 7,
            available: 2
        }]
    );
    assert_eq!(expected.balance("p1"), 0);
    for order in permutations(&moves) {
        assert_eq!(ledger(&order, &ev), expected);
    }

    // Staff settle with a new entry: the second prize is handed back.
    let mut settled = moves.clone();
    settled.push(ChipMove {
        id: "s1".into(),
        stamp: stamp("tab-c", END + 60),
        participant: "p1".into(),
        kind: MoveKind::Settle { redemption: "rb".into(), outcome: Settlement::Void },
    });
    let l = ledger(&settled, &ev);
    assert!(l.conflicts.is_empty());
    assert_eq!((l.balance("p1"), l.balances["p1"].redeemed), (2, 8));
    for order in permutations(&settled) {
        assert_eq!(ledger(&order, &ev), l);
    }
}

#[test]
fn e4_two_redemptions_that_fit_the_balance_are_no_conflict() {
    let ev = kite_day();
    let moves = [
        award("m1", "tab-a", START + 1, "p1", 10),
        redeem("ra", "tab-a", END + 10, "p1", 4),
        redeem("rb", "tab-b", END + 20, "p1", 6),
    ];
    let l = ledger(&moves, &ev);
    assert!(l.conflicts.is_empty());
    assert_eq!(l.balance("p1"), 0);
}

// ---------------------------------------------------------------- W1

fn mv(id: &str, at: i64, item: &str, qty: i64, reason: MoveReason) -> StockMove {
    StockMove { id: id.into(), stamp: stamp("tab-a", at), item: item.into(), qty, reason }
}

#[test]
fn w1_stock_is_a_signed_ledger_reconciled_against_a_physical_count() {
    let moves = [
        mv("s1", 1, "kite", 50, MoveReason::Received),
        mv("s2", 2, "kite", -12, MoveReason::Prize),
        mv("s2", 2, "kite", -12, MoveReason::Prize), // merged twice
        mv("s3", 3, "mug", 20, MoveReason::Received),
        mv("s4", 4, "mug", -3, MoveReason::Gift),
        mv("s5", 5, "sample", 10, MoveReason::Received),
        mv("s6", 100, "kite", -30, MoveReason::Prize), // after the count
    ];
    let counts = [
        Count { item: "kite".into(), counted: 36 },
        Count { item: "mug".into(), counted: 17 },
        Count { item: "cap".into(), counted: 2 },
    ];
    let r = reconcile(&moves, &counts, 50).unwrap();
    assert!(!r.agrees());
    let d: Vec<(&str, i64, Option<i64>, i64)> =
        r.discrepancies().iter().map(|l| (l.item.as_str(), l.ledger, l.counted, l.discrepancy)).collect();
    assert_eq!(d, [("cap", 0, Some(2), 2), ("kite", 38, Some(36), -2)]);
    assert_eq!(r.uncounted(), ["sample"]);
    assert_eq!(r.adjustments(), [("cap".to_string(), 2), ("kite".to_string(), -2)]);

    // Writing the adjustments as new moves brings ledger and goods into agreement.
    let mut fixed = moves.to_vec();
    for (i, (item, qty)) in r.adjustments().into_iter().enumerate() {
        fixed.push(mv(&format!("adj{i}"), 40, &item, qty, MoveReason::Adjustment));
    }
    let counts_all = [counts.to_vec(), vec![Count { item: "sample".into(), counted: 10 }]].concat();
    assert!(reconcile(&fixed, &counts_all, 50).unwrap().agrees());

    assert_eq!(mv("z", 1, "kite", 0, MoveReason::Gift).validate(), Err(StockError::ZeroQuantity));
    let neg = [Count { item: "kite".into(), counted: -1 }];
    assert_eq!(reconcile(&moves, &neg, 50), Err(StockError::NegativeCount { item: "kite".into() }));
}

#[test]
fn e4_a_settlement_stamped_before_the_redemption_it_settles_still_settles_it() {
    // The settling tablet's clock was put back to the host's time after a day running fast.
    let ev = kite_day();
    let moves = vec![
        award("m1", "tab-a", START + 1, "p1", 5),
        redeem("ra", "tab-a", END + 10, "p1", 5),
        redeem("rb", "tab-b", END + 20, "p1", 5),
        ChipMove {
            id: "s1".into(),
            stamp: stamp("tab-a", END - 60),
            participant: "p1".into(),
            kind: MoveKind::Settle { redemption: "rb".into(), outcome: Settlement::WriteOff },
        },
    ];
    for order in permutations(&moves) {
        let l = ledger(&order, &ev);
        assert!(l.conflicts.is_empty());
        assert!(l.refused.is_empty());
        assert_eq!(l.balance("p1"), 0);
    }
}
