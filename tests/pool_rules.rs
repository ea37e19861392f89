//! The customer pool and ownership (P1–P9), handover (H1, H2), value tier (C3), the
//! review queue (C6) and lead distribution (P7), folded from facts as tablets merge them.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{FixedOffset, NaiveDate, TimeZone};
use outpost::domain::calendar::TeamCalendar;
use outpost::domain::distribution::{propose, Proposal, RepLoad};
use outpost::domain::handover::{handover_status, plan_handover};
use outpost::domain::pool::{
    ownership, AssignReason, Change, Expiry, Fact, FactKind, LostClaim, OwnReason, Ownership, PoolSettings,
    ReleaseNote, Rule,
};
use outpost::domain::review::{is_reviewed, review_queue, NewEntry};
use outpost::domain::tier::{payment_record, value_tier, Tier, TierSettings};
use outpost::record::hlc::Hlc;
use proptest::prelude::*;

// ---------------------------------------------------------------- helpers

const HOUR: i64 = 60 * 60 * 1000;
const DAY: i64 = 24 * HOUR;
/// Fen in a yuan.
const YUAN: i64 = 100;

/// An instant in the team's time zone (UTC+8).
fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
    FixedOffset::east_opt(8 * 3600).unwrap().with_ymd_and_hms(y, m, d, h, min, 0).unwrap().timestamp_millis()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn stamp_on(device: &str, wall_ms: i64) -> Hlc {
    Hlc { wall_ms, counter: 0, device: device.into() }
}

fn fact(id: &str, wall_ms: i64, author: &str, kind: FactKind) -> Fact {
    Fact::new(id, stamp_on("tab-a", wall_ms), author, kind)
}

fn first_contact(id: &str, ms: i64, rep: &str) -> Fact {
    fact(id, ms, rep, FactKind::FirstContact { rep: rep.into() })
}

fn claim(id: &str, ms: i64, rep: &str) -> Fact {
    fact(id, ms, rep, FactKind::Claim { rep: rep.into() })
}

fn assign(id: &str, ms: i64, rep: &str, reason: AssignReason, note: &str) -> Fact {
    let kind = FactKind::Assign { rep: rep.into(), reason, note: note.into() };
    fact(id, ms, "boss", kind)
}

fn note() -> ReleaseNote {
    ReleaseNote {
        status: "budget frozen until Q3".into(),
        contacts: "Ms Zhao, purchasing".into(),
        progress: "quote sent, no answer".into(),
    }
}

fn release(id: &str, ms: i64, rep: &str, expired: bool) -> Fact {
    let kind = FactKind::Release { rep: rep.into(), note: note(), expired };
    fact(id, ms, rep, kind)
}

/// Finance confirms a payment closed by `rep`.
fn payment(id: &str, ms: i64, rep: &str, paid_on: NaiveDate) -> Fact {
    let kind = FactKind::Payment { rep: rep.into(), amount_fen: 1_000 * YUAN, paid_on, days_late: 0 };
    fact(id, ms, "finance", kind)
}

fn contact(id: &str, ms: i64, rep: &str) -> Fact {
    fact(id, ms, rep, FactKind::Contact { rep: rep.into() })
}

fn own(facts: &[Fact], now_ms: i64) -> Ownership {
    ownership(facts, now_ms, &PoolSettings::default())
}

fn owner(o: &Ownership) -> Option<&str> {
    o.owner.as_deref()
}

fn permutations(items: &[Fact]) -> Vec<Vec<Fact>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut out = Vec::new();
    for i in 0..items.len() {
        let mut rest = items.to_vec();
        let head = rest.remove(i);
        for mut tail in permutations(&rest) {
            tail.insert(0, head.clone());
            out.push(tail);
        }
    }
    out
}

#[test]
fn the_example_dates_fall_on_the_weekdays_the_tests_assume() {
    use chrono::{Datelike, Weekday};
    assert_eq!(date(2026, 11, 16).weekday(), Weekday::Mon);
    assert_eq!(date(2026, 11, 20).weekday(), Weekday::Fri);
    assert_eq!(date(2026, 11, 13).weekday(), Weekday::Fri);
}

// ---------------------------------------------------------------- P1

#[test]
fn p1_a_customer_without_a_deal_returns_to_the_pool_two_months_after_first_contact() {
    let facts = [first_contact("f1", at(2026, 1, 10, 9, 0), "li")];
    let held = own(&facts, at(2026, 3, 10, 8, 59));
    assert_eq!(owner(&held), Some("li"));
    assert_eq!(held.reason, Some(OwnReason::FirstContact));
    assert_eq!(held.since_ms, Some(at(2026, 1, 10, 9, 0)));
    assert_eq!(held.returns_at_ms, Some(at(2026, 3, 10, 9, 0)));
    assert_eq!(held.returns_rule, Some(Rule::P1));

    let back = own(&facts, at(2026, 3, 10, 9, 0));
    assert!(back.in_pool());
    assert_eq!(back.returns_at_ms, None);
    let expiry = Expiry { rep: "li".into(), at_ms: at(2026, 3, 10, 9, 0), rule: Rule::P1 };
    assert_eq!(back.last_expiry, Some(expiry));
    assert!(back.ever_owned);
}

#[test]
fn p1_expiry_from_january_31_falls_on_the_last_day_of_february() {
    let one_month = PoolSettings { p1_months: 1, ..PoolSettings::default() };
    let o = ownership(&[first_contact("f1", at(2026, 1, 31, 10, 0), "li")], at(2026, 2, 1, 0, 0), &one_month);
    assert_eq!(o.returns_at_ms, Some(at(2026, 2, 28, 10, 0)));
    let leap = ownership(&[first_contact("f1", at(2028, 1, 31, 10, 0), "li")], at(2028, 2, 1, 0, 0), &one_month);
    assert_eq!(leap.returns_at_ms, Some(at(2028, 2, 29, 10, 0)), "2028 is a leap year");
}

#[test]
fn p1_two_months_from_december_31_end_on_the_last_day_of_february() {
    let o = own(&[first_contact("f1", at(2025, 12, 31, 15, 0), "li")], at(2026, 1, 1, 0, 0));
    assert_eq!(o.returns_at_ms, Some(at(2026, 2, 28, 15, 0)));
    let leap = own(&[first_contact("f1", at(2027, 12, 31, 15, 0), "li")], at(2028, 1, 1, 0, 0));
    assert_eq!(leap.returns_at_ms, Some(at(2028, 2, 29, 15, 0)));
}

#[test]
fn p1_months_are_counted_in_the_team_time_zone_not_in_utc() {
    // 31 Jan 00:30 in Beijing is still 30 Jan in UTC; in UTC one month would end on 1 March.
    let one_month = PoolSettings { p1_months: 1, ..PoolSettings::default() };
    let o = ownership(&[first_contact("f1", at(2026, 1, 31, 0, 30), "li")], at(2026, 2, 1, 0, 0), &one_month);
    assert_eq!(o.returns_at_ms, Some(at(2026, 2, 28, 0, 30)));
}

#[test]
fn p1_a_second_first_contact_for_a_held_customer_loses_to_the_first() {
    let facts = [first_contact("f1", at(2026, 1, 10, 9, 0), "li"), first_contact("f2", at(2026, 1, 11, 9, 0), "wang")];
    let o = own(&facts, at(2026, 1, 12, 0, 0));
    assert_eq!(owner(&o), Some("li"));
    assert_eq!(o.lost_claims.len(), 1);
    assert_eq!(o.lost_claims[0].rep, "wang");
}

#[test]
fn p1_a_first_contact_cannot_take_back_a_customer_that_was_owned_before() {
    let facts = [first_contact("f1", at(2026, 1, 10, 9, 0), "li"), first_contact("f2", at(2026, 4, 1, 9, 0), "wang")];
    let o = own(&facts, at(2026, 4, 2, 0, 0));
    assert!(o.in_pool(), "the pool is entered by claim (P5)");
    assert!(o.lost_claims.is_empty());
}

// ---------------------------------------------------------------- P2

#[test]
fn p2_the_rep_who_closes_the_first_deal_owns_once_finance_confirms() {
    let confirmed = at(2026, 2, 3, 16, 0);
    let facts = [first_contact("f1", at(2026, 1, 10, 9, 0), "li"), payment("f2", confirmed, "wang", date(2026, 2, 1))];
    let before = own(&facts[..1], confirmed - HOUR);
    assert_eq!(owner(&before), Some("li"), "an unconfirmed deal moves nothing");

    let o = own(&facts, confirmed + HOUR);
    assert_eq!(owner(&o), Some("wang"));
    assert_eq!(o.reason, Some(OwnReason::FirstDeal));
    assert_eq!(o.since_ms, Some(confirmed));
    assert_eq!(o.first_sale_ms, Some(at(2026, 2, 1, 0, 0)));
    let last = o.history.last().unwrap();
    assert_eq!((last.from.as_deref(), last.to.as_deref()), (Some("li"), Some("wang")));
    assert_eq!(last.by.as_deref(), Some("finance"));
    assert_eq!(o.returns_rule, Some(Rule::P3));
}

#[test]
fn p2_a_holder_who_closes_the_first_deal_keeps_the_holding_now_owned_by_first_deal() {
    let facts = [
        first_contact("f1", at(2026, 1, 10, 9, 0), "li"),
        payment("f2", at(2026, 2, 3, 16, 0), "li", date(2026, 2, 1)),
    ];
    let o = own(&facts, at(2026, 2, 4, 0, 0));
    assert_eq!(owner(&o), Some("li"));
    assert_eq!(o.reason, Some(OwnReason::FirstDeal));
    assert_eq!(o.since_ms, Some(at(2026, 1, 10, 9, 0)));
}

#[test]
fn p2_a_later_sale_by_another_rep_does_not_move_ownership() {
    let facts = [
        payment("f1", at(2026, 2, 3, 16, 0), "li", date(2026, 2, 1)),
        payment("f2", at(2026, 3, 3, 16, 0), "wang", date(2026, 3, 2)),
    ];
    let o = own(&facts, at(2026, 3, 4, 0, 0));
    assert_eq!(owner(&o), Some("li"));
    assert_eq!(o.last_sale_ms, Some(at(2026, 3, 2, 0, 0)), "the customer's sale still counts for P3");
    assert_eq!(o.returns_at_ms, Some(at(2026, 6, 2, 0, 0)));
}

#[test]
fn p2_a_deal_confirmed_while_the_customer_is_in_the_pool_makes_the_closer_its_owner() {
    let facts = [
        payment("f1", at(2026, 1, 5, 16, 0), "li", date(2026, 1, 5)),
        // P3 returns it on 5 April; wang sells to it in May.
        payment("f2", at(2026, 5, 6, 16, 0), "wang", date(2026, 5, 6)),
    ];
    let o = own(&facts, at(2026, 5, 7, 0, 0));
    assert_eq!(owner(&o), Some("wang"));
    assert_eq!(o.reason, Some(OwnReason::FirstDeal));
    assert_eq!(o.last_expiry.as_ref().map(|e| e.rule), Some(Rule::P3));
}

// ---------------------------------------------------------------- P3

#[test]
fn p3_three_quiet_months_after_the_last_sale_return_the_customer() {
    let facts =
        [claim("f1", at(2026, 1, 20, 9, 0), "li"), payment("f2", at(2026, 2, 16, 11, 0), "li", date(2026, 2, 15))];
    let held = own(&facts, at(2026, 5, 14, 23, 59));
    assert_eq!(owner(&held), Some("li"));
    assert_eq!(held.returns_at_ms, Some(at(2026, 5, 15, 0, 0)));
    assert_eq!(held.returns_rule, Some(Rule::P3));

    let back = own(&facts, at(2026, 5, 15, 0, 0));
    assert!(back.in_pool());
    assert_eq!(back.last_expiry.map(|e| e.rule), Some(Rule::P3));
}

#[test]
fn p3_each_new_sale_restarts_the_three_months() {
    let facts = [
        payment("f1", at(2026, 1, 6, 9, 0), "li", date(2026, 1, 5)),
        payment("f2", at(2026, 3, 21, 9, 0), "li", date(2026, 3, 20)),
    ];
    let o = own(&facts, at(2026, 5, 1, 0, 0));
    assert_eq!(owner(&o), Some("li"));
    assert_eq!(o.returns_at_ms, Some(at(2026, 6, 20, 0, 0)));
}

#[test]
fn p3_a_sale_counts_from_its_payment_date_not_from_the_confirmation() {
    let facts = [
        first_contact("f1", at(2026, 1, 5, 9, 0), "li"),
        payment("f2", at(2026, 2, 10, 9, 0), "li", date(2026, 1, 20)),
    ];
    let o = own(&facts, at(2026, 2, 11, 0, 0));
    assert_eq!(o.returns_at_ms, Some(at(2026, 4, 20, 0, 0)));
}

#[test]
fn p3_a_payment_dated_in_the_future_cannot_extend_ownership() {
    let confirmed = at(2026, 2, 10, 9, 0);
    let facts = [payment("f1", confirmed, "li", date(2026, 6, 1))];
    let o = own(&facts, at(2026, 2, 11, 0, 0));
    assert_eq!(o.last_sale_ms, Some(confirmed));
    assert_eq!(o.returns_at_ms, Some(at(2026, 5, 10, 9, 0)));
}

#[test]
fn p3_a_rep_who_claims_a_lapsed_customer_gets_three_full_months() {
    let facts =
        [payment("f1", at(2026, 1, 21, 9, 0), "li", date(2026, 1, 20)), claim("f2", at(2026, 5, 3, 10, 0), "wang")];
    let o = own(&facts, at(2026, 5, 4, 0, 0));
    assert_eq!(owner(&o), Some("wang"));
    assert_eq!(o.reason, Some(OwnReason::Claimed));
    assert_eq!(o.returns_at_ms, Some(at(2026, 8, 3, 10, 0)));
    assert_eq!(o.returns_rule, Some(Rule::P3));
}

// ---------------------------------------------------------------- P4, P5

#[test]
fn p4_a_customer_referred_by_management_is_owned_by_that_rep_marked_referred() {
    let facts = [assign("f1", at(2026, 3, 2, 10, 0), "li", AssignReason::Referred, "the director's friend")];
    let o = own(&facts, at(2026, 3, 3, 0, 0));
    assert_eq!(owner(&o), Some("li"));
    assert_eq!(o.reason, Some(OwnReason::Referred));
    assert_eq!(o.returns_at_ms, Some(at(2026, 5, 2, 10, 0)), "P1 still asks for a deal");
}

#[test]
fn p5_a_customer_nobody_ever_owned_is_in_the_pool_and_any_rep_may_claim_it() {
    let empty = own(&[], at(2026, 3, 1, 0, 0));
    assert!(empty.in_pool() && !empty.ever_owned);
    let o = own(&[claim("f1", at(2026, 3, 2, 10, 0), "wang")], at(2026, 3, 3, 0, 0));
    assert_eq!(owner(&o), Some("wang"));
    assert_eq!(o.reason, Some(OwnReason::Claimed));
}

#[test]
fn p5_a_claim_by_the_holder_changes_nothing() {
    let one = [claim("f1", at(2026, 3, 2, 10, 0), "wang")];
    let two = [one[0].clone(), claim("f2", at(2026, 3, 9, 10, 0), "wang")];
    let now = at(2026, 3, 10, 0, 0);
    assert_eq!(own(&one, now), own(&two, now));
}

// ---------------------------------------------------------------- P6

#[test]
fn p6_two_offline_claims_resolve_to_the_earliest_in_any_merge_order() {
    let wang_at = at(2026, 3, 2, 10, 0);
    let li_at = at(2026, 3, 2, 10, 5);
    let facts = [
        Fact::new("b-1", stamp_on("tab-b", li_at), "li", FactKind::Claim { rep: "li".into() }),
        Fact::new("a-1", stamp_on("tab-a", wang_at), "wang", FactKind::Claim { rep: "wang".into() }),
        contact("a-2", at(2026, 3, 3, 9, 0), "wang"),
        Fact::new("b-2", stamp_on("tab-b", at(2026, 3, 3, 9, 30)), "li", FactKind::Contact { rep: "li".into() }),
    ];
    let now = at(2026, 3, 4, 0, 0);
    let expected = own(&facts, now);
    assert_eq!(owner(&expected), Some("wang"));
    let lost = LostClaim {
        fact_id: "b-1".into(),
        rep: "li".into(),
        at_ms: li_at,
        holder: "wang".into(),
        holder_since_ms: wang_at,
    };
    assert_eq!(expected.lost_claims, vec![lost]);
    for order in permutations(&facts) {
        assert_eq!(own(&order, now), expected);
    }
}

#[test]
fn p6_claims_in_the_same_millisecond_resolve_by_the_stamp_the_same_everywhere() {
    let t = at(2026, 3, 2, 10, 0);
    let a = Fact::new("z", stamp_on("tab-a", t), "wang", FactKind::Claim { rep: "wang".into() });
    let b = Fact::new("a", stamp_on("tab-b", t), "li", FactKind::Claim { rep: "li".into() });
    let now = t + HOUR;
    assert_eq!(owner(&own(&[a.clone(), b.clone()], now)), Some("wang"), "tab-a < tab-b");
    assert_eq!(own(&[a.clone(), b.clone()], now), own(&[b, a], now));
}

#[test]
fn p6_a_manager_assignment_overrides_the_earliest_claim() {
    let facts = [
        claim("f1", at(2026, 3, 2, 10, 0), "wang"),
        claim("f2", at(2026, 3, 2, 10, 5), "li"),
        assign("f3", at(2026, 3, 3, 9, 0), "li", AssignReason::Assigned, "li met them at the fair"),
    ];
    let o = own(&facts, at(2026, 3, 4, 0, 0));
    assert_eq!(owner(&o), Some("li"));
    assert_eq!(o.reason, Some(OwnReason::Assigned));
    assert_eq!(o.since_ms, Some(at(2026, 3, 3, 9, 0)));
    assert_eq!(o.lost_claims.len(), 1, "the lost claim stays on record");
}

#[test]
fn p6_an_entry_merged_twice_counts_once() {
    let facts = [claim("f1", at(2026, 3, 2, 10, 0), "wang"), claim("f2", at(2026, 3, 2, 10, 5), "li")];
    let twice = [facts[0].clone(), facts[1].clone(), facts[1].clone(), facts[0].clone()];
    let now = at(2026, 3, 4, 0, 0);
    assert_eq!(own(&twice, now), own(&facts, now));
}

fn arb_fact() -> impl Strategy<Value = (u8, u8, i64, u8)> {
    // (kind, rep, day offset, device)
    (0u8..6, 0u8..3, 0i64..400, 0u8..2)
}

fn build(spec: &[(u8, u8, i64, u8)]) -> Vec<Fact> {
    let reps = ["li", "wang", "zhao"];
    let start = at(2026, 1, 1, 9, 0);
    spec.iter()
        .enumerate()
        .map(|(i, &(kind, rep, day, device))| {
            let rep = reps[usize::from(rep)].to_owned();
            let ms = start + day * DAY;
            let kind = match kind {
                0 => FactKind::FirstContact { rep },
                1 => FactKind::Claim { rep },
                2 => FactKind::Assign { rep, reason: AssignReason::Handover, note: String::new() },
                3 => FactKind::Release { rep, note: note(), expired: false },
                4 => FactKind::Payment {
                    rep,
                    amount_fen: 100,
                    paid_on: date(2026, 1, 1) + chrono::Days::new(day.unsigned_abs()),
                    days_late: 0,
                },
                _ => FactKind::Contact { rep },
            };
            let device = if device == 0 { "tab-a" } else { "tab-b" };
            Fact::new(format!("f{i}"), stamp_on(device, ms), "someone", kind)
        })
        .collect()
}

proptest! {
    #[test]
    fn p6_any_merge_order_gives_every_tablet_the_same_ownership(
        (facts, shuffled) in prop::collection::vec(arb_fact(), 0..14).prop_flat_map(|spec| {
            let facts = build(&spec);
            (Just(facts.clone()), Just(facts).prop_shuffle())
        }),
        now_day in 0i64..500,
    ) {
        let now = at(2026, 1, 1, 9, 0) + now_day * DAY;
        let a = own(&facts, now);
        let b = own(&shuffled, now);
        prop_assert_eq!(&a, &b);
        // An owner always has a deadline still ahead; the pool has none.
        prop_assert_eq!(a.owner.is_some(), a.returns_at_ms.is_some());
        if let Some(returns) = a.returns_at_ms {
            prop_assert!(returns > now);
        }
    }
}

// ---------------------------------------------------------------- P8

#[test]
fn p8_an_assigned_customer_not_contacted_within_a_week_is_due_for_reassignment() {
    let assigned = at(2026, 3, 2, 10, 0);
    let facts = [assign("f1", assigned, "li", AssignReason::Distribution, "fair lead")];
    let o = own(&facts, at(2026, 3, 10, 0, 0));
    assert_eq!(o.reassign_due, Some(at(2026, 3, 9, 10, 0)));
    assert!(!o.is_reassign_due(at(2026, 3, 9, 9, 59)));
    assert!(o.is_reassign_due(at(2026, 3, 9, 10, 0)));
}

#[test]
fn p8_a_contact_by_the_assigned_rep_clears_the_reassignment_flag_and_no_one_elses_does() {
    let assigned = at(2026, 3, 2, 10, 0);
    let by_other =
        [assign("f1", assigned, "li", AssignReason::Assigned, ""), contact("f2", at(2026, 3, 4, 10, 0), "wang")];
    assert!(own(&by_other, at(2026, 3, 10, 0, 0)).is_reassign_due(at(2026, 3, 10, 0, 0)));
    let by_owner = [by_other[0].clone(), contact("f3", at(2026, 3, 4, 10, 0), "li")];
    let o = own(&by_owner, at(2026, 3, 10, 0, 0));
    assert_eq!(o.reassign_due, None);
    assert!(!o.is_reassign_due(at(2026, 3, 10, 0, 0)));
}

/// P1/P6/P8: first contacts, claims and contacts are each rep's own: one written by
/// someone else in a rep's name counts on no device.
#[test]
fn p1_p6_p8_a_first_contact_claim_or_contact_in_another_reps_name_counts_nowhere() {
    let t0 = at(2026, 3, 2, 9, 0);
    // Zhang logs a contact "by Li" to clear Li's reassignment deadline: it stays due.
    let assigned = assign("a1", t0, "li", AssignReason::Assigned, "");
    let forged = fact("c1", t0 + DAY, "zhang", FactKind::Contact { rep: "li".into() });
    let o = own(&[assigned.clone(), forged], t0 + 2 * DAY);
    assert!(o.reassign_due.is_some());
    let o = own(&[assigned, contact("c2", t0 + DAY, "li")], t0 + 2 * DAY);
    assert!(o.reassign_due.is_none());
    // A first contact and a claim written in Li's name by Zhang take nothing.
    let fc = fact("f1", t0, "zhang", FactKind::FirstContact { rep: "li".into() });
    assert_eq!(owner(&own(&[fc], t0 + DAY)), None);
    let released = [first_contact("f2", t0, "wang"), release("r1", t0 + DAY, "wang", false)];
    let forged_claim = fact("k1", t0 + 2 * DAY, "zhang", FactKind::Claim { rep: "li".into() });
    let facts: Vec<Fact> = released.iter().cloned().chain([forged_claim]).collect();
    assert_eq!(owner(&own(&facts, t0 + 3 * DAY)), None);
    let facts: Vec<Fact> = released.iter().cloned().chain([claim("k2", t0 + 2 * DAY, "li")]).collect();
    assert_eq!(owner(&own(&facts, t0 + 3 * DAY)), Some("li"));
}

#[test]
fn p8_a_contact_before_the_assignment_does_not_count() {
    let facts = [
        contact("f1", at(2026, 3, 1, 10, 0), "li"),
        assign("f2", at(2026, 3, 2, 10, 0), "li", AssignReason::Assigned, ""),
    ];
    assert!(own(&facts, at(2026, 3, 10, 0, 0)).is_reassign_due(at(2026, 3, 10, 0, 0)));
}

#[test]
fn p8_confirming_the_holder_by_assignment_starts_no_new_contact_window() {
    let facts = [
        claim("f1", at(2026, 3, 1, 10, 0), "li"),
        assign("f2", at(2026, 3, 2, 10, 0), "li", AssignReason::Assigned, "confirmed"),
    ];
    let o = own(&facts, at(2026, 3, 20, 0, 0));
    assert_eq!(o.reassign_due, None);
    assert_eq!(o.since_ms, Some(at(2026, 3, 1, 10, 0)));
}

// ---------------------------------------------------------------- P9

#[test]
fn p9_an_expired_customer_asks_its_last_owner_for_a_release_note() {
    let facts = [first_contact("f1", at(2026, 1, 10, 9, 0), "li")];
    let o = own(&facts, at(2026, 3, 11, 0, 0));
    assert!(o.in_pool());
    assert_eq!(o.needs_release_note.as_deref(), Some("li"));

    let noted = [facts[0].clone(), release("f2", at(2026, 3, 11, 9, 0), "li", true)];
    let o = own(&noted, at(2026, 3, 12, 0, 0));
    assert_eq!(o.needs_release_note, None);
    let last = o.history.last().unwrap();
    assert_eq!(last.change, Change::Released { note: note(), after_expiry: true });
}

#[test]
fn p9_only_the_rep_it_expired_from_can_write_the_release_note() {
    let facts = [first_contact("f1", at(2026, 1, 10, 9, 0), "li"), release("f2", at(2026, 3, 11, 9, 0), "wang", true)];
    assert_eq!(own(&facts, at(2026, 3, 12, 0, 0)).needs_release_note.as_deref(), Some("li"));
}

#[test]
fn p9_a_release_by_the_owner_returns_the_customer_to_the_pool_with_its_note() {
    let facts = [claim("f1", at(2026, 3, 2, 10, 0), "li"), release("f2", at(2026, 3, 20, 10, 0), "li", false)];
    let o = own(&facts, at(2026, 3, 21, 0, 0));
    assert!(o.in_pool());
    assert_eq!(o.needs_release_note, None);
    assert_eq!(o.last_expiry, None);
    let last = o.history.last().unwrap();
    assert_eq!(last.from.as_deref(), Some("li"));
    assert_eq!(last.to, None);
    assert!(matches!(last.change, Change::Released { after_expiry: false, .. }));
}

#[test]
fn p9_a_release_by_a_rep_who_does_not_hold_the_customer_is_ignored() {
    let facts = [claim("f1", at(2026, 3, 2, 10, 0), "li"), release("f2", at(2026, 3, 20, 10, 0), "wang", false)];
    assert_eq!(owner(&own(&facts, at(2026, 3, 21, 0, 0))), Some("li"));
}

#[test]
fn p9_a_new_owner_ends_the_wait_for_a_release_note() {
    let facts = [first_contact("f1", at(2026, 1, 10, 9, 0), "li"), claim("f2", at(2026, 3, 12, 9, 0), "wang")];
    let o = own(&facts, at(2026, 3, 13, 0, 0));
    assert_eq!(owner(&o), Some("wang"));
    assert_eq!(o.needs_release_note, None);
    assert_eq!(o.last_expiry.map(|e| e.rep), Some("li".to_owned()));
}

// ---------------------------------------------------------------- the "returns soon" filter

#[test]
fn the_returns_within_a_week_filter_counts_team_calendar_days() {
    let facts = [first_contact("f1", at(2026, 1, 10, 9, 0), "li")]; // returns 10 March 09:00
    let o = own(&facts, at(2026, 3, 3, 8, 0));
    assert_eq!(o.days_until_return(at(2026, 3, 3, 8, 0)), Some(7));
    assert!(o.returns_within(at(2026, 3, 3, 8, 0), 7));
    assert!(!o.returns_within(at(2026, 3, 2, 23, 59), 7));
    assert_eq!(o.days_until_return(at(2026, 3, 10, 0, 1)), Some(0), "returns today");
    assert_eq!(own(&[], 0).days_until_return(0), None);
}

// ---------------------------------------------------------------- H1, H2

#[test]
fn h2_a_handover_leaves_a_traceable_record() {
    let facts = [
        first_contact("f1", at(2026, 1, 10, 9, 0), "li"),
        payment("f2", at(2026, 2, 3, 16, 0), "li", date(2026, 2, 1)),
        assign("f3", at(2026, 3, 1, 9, 0), "wang", AssignReason::Handover, "li moves to the Shanghai office"),
    ];
    let o = own(&facts, at(2026, 3, 2, 0, 0));
    assert_eq!(owner(&o), Some("wang"));
    assert_eq!(o.reason, Some(OwnReason::Handover));
    let trail: Vec<_> =
        o.history.iter().map(|h| (h.fact_id.as_deref(), h.by.as_deref(), h.from.as_deref(), h.to.as_deref())).collect();
    assert_eq!(
        trail,
        [
            (Some("f1"), Some("li"), None, Some("li")),
            (Some("f2"), Some("finance"), Some("li"), Some("li")),
            (Some("f3"), Some("boss"), Some("li"), Some("wang")),
        ]
    );
    assert_eq!(
        o.history[2].change,
        Change::Owned { reason: OwnReason::Handover, note: "li moves to the Shanghai office".into() }
    );
    assert_eq!(o.history[2].at_ms, at(2026, 3, 1, 9, 0));
}

#[test]
fn h2_the_history_records_expiries_at_their_deadline_and_every_later_owner() {
    let facts = [first_contact("f1", at(2026, 1, 10, 9, 0), "li"), claim("f2", at(2026, 3, 15, 9, 0), "wang")];
    let o = own(&facts, at(2026, 3, 16, 0, 0));
    assert_eq!(o.history.len(), 3);
    assert_eq!(o.history[1].change, Change::Expired { rule: Rule::P1 });
    assert_eq!(o.history[1].at_ms, at(2026, 3, 10, 9, 0));
    assert_eq!((o.history[1].fact_id.as_deref(), o.history[1].by.as_deref()), (None, None));
    assert_eq!(o.history[2].to.as_deref(), Some("wang"));
}

#[test]
fn h1_commission_is_held_until_every_customer_is_handed_over() {
    let holding = [
        ("acme".to_owned(), Some(12_000 * YUAN)),
        ("bolt".to_owned(), None),
        ("coda".to_owned(), Some(3_500 * YUAN + 50)),
    ];
    let s = handover_status("li", &holding);
    assert_eq!(s.rep, "li");
    assert_eq!(s.remaining, 3);
    assert_eq!(s.receivables_fen, 15_500 * YUAN + 50);
    assert_eq!(s.unknown_receivables, 1);
    assert!(s.commission_held);

    let done = handover_status("li", &[]);
    assert_eq!((done.remaining, done.receivables_fen, done.commission_held), (0, 0, false));
}

#[test]
fn h1_a_handover_plan_spreads_the_customers_over_the_receiving_reps() {
    let customers: Vec<String> = (1..=6).map(|i| format!("c{i}")).collect();
    let to = [load("wang", 10, 20), load("zhao", 4, 20)];
    let plan = plan_handover(&customers, &to);
    assert_eq!(plan.given_to("zhao"), 6, "zhao is lighter until the plan runs out");
    let to = [load("wang", 4, 20), load("zhao", 4, 20)];
    let plan = plan_handover(&customers, &to);
    assert_eq!((plan.given_to("wang"), plan.given_to("zhao")), (3, 3));
}

// ---------------------------------------------------------------- C3

fn tier_of(amount_fen: i64, first_paid: NaiveDate, days_late: u32) -> Tier {
    let today = date(2026, 6, 30);
    let mut paid = vec![(date(2026, 6, 1), amount_fen, days_late)];
    if first_paid < date(2026, 6, 1) {
        paid.push((first_paid, 1, 0)); // an old token payment sets the cooperation's age
    }
    value_tier(&paid, today, &TierSettings::default(), false).tier
}

#[test]
fn c3_the_seed_boundaries_100000_50000_and_30000_yuan_are_inclusive() {
    let new = date(2026, 6, 1);
    assert_eq!(tier_of(100_000 * YUAN, new, 0), Tier::SpecialVip);
    assert_eq!(tier_of(99_999 * YUAN + 99, new, 0), Tier::A);
    assert_eq!(tier_of(50_000 * YUAN, new, 0), Tier::A);
    assert_eq!(tier_of(49_999 * YUAN + 99, new, 0), Tier::B);
    assert_eq!(tier_of(30_000 * YUAN, new, 0), Tier::B);
    assert_eq!(tier_of(29_999 * YUAN + 99, new, 0), Tier::C);
}

#[test]
fn c3_100000_yuan_with_a_good_record_and_long_cooperation_is_vip() {
    // The first payment is 12 months before today (30 June 2025): long-term exactly.
    assert_eq!(tier_of(100_000 * YUAN, date(2025, 6, 30), 0), Tier::Vip);
    assert_eq!(tier_of(100_000 * YUAN, date(2025, 7, 1), 0), Tier::SpecialVip);
}

#[test]
fn c3_a_poor_payment_record_shows_a_credit_flag_whatever_the_tier() {
    let today = date(2026, 6, 30);
    let s = TierSettings::default();
    let vip_but_late = [(date(2025, 1, 10), YUAN, 0), (date(2026, 6, 1), 120_000 * YUAN, 31)];
    let info = value_tier(&vip_but_late, today, &s, false);
    assert_eq!(info.tier, Tier::A, "a poor record cannot be VIP; A is the highest tier left");
    assert!(info.poor_payment && info.credit_flag && info.long_term);

    let small_and_late = [(date(2026, 6, 1), 1_000 * YUAN, 45)];
    let info = value_tier(&small_and_late, today, &s, false);
    assert_eq!((info.tier, info.credit_flag), (Tier::C, true));

    let thirty_days_late_is_not_poor = [(date(2026, 6, 1), 1_000 * YUAN, 30)];
    assert!(!value_tier(&thirty_days_late_is_not_poor, today, &s, false).credit_flag);
}

#[test]
fn c3_a_manual_credit_flag_shows_even_with_a_good_record() {
    let info = value_tier(&[(date(2026, 6, 1), 1_000 * YUAN, 0)], date(2026, 6, 30), &TierSettings::default(), true);
    assert!(info.credit_flag && !info.poor_payment);
}

#[test]
fn c3_turnover_is_the_trailing_twelve_months_ending_today() {
    let today = date(2026, 6, 30);
    let paid = [
        (date(2025, 6, 30), 1, 90),   // exactly 12 months ago: outside the window
        (date(2025, 7, 1), 10, 0),    // first day of the window
        (today, 100, 0),              // today counts
        (date(2026, 7, 1), 1_000, 0), // a future date is ignored
    ];
    let info = value_tier(&paid, today, &TierSettings::default(), false);
    assert_eq!(info.turnover_fen, 110);
    assert!(!info.poor_payment, "the late payment fell out of the window");
    assert!(info.long_term);
}

#[test]
fn c3_the_payment_record_is_read_from_confirmed_payment_facts() {
    let facts = [
        claim("f1", at(2026, 1, 20, 9, 0), "li"),
        payment("f2", at(2026, 2, 16, 11, 0), "li", date(2026, 2, 15)),
        payment("f2", at(2026, 2, 16, 11, 0), "li", date(2026, 2, 15)),
    ];
    assert_eq!(payment_record(&facts), vec![(date(2026, 2, 15), 1_000 * YUAN, 0)]);
}

// ---------------------------------------------------------------- C6

fn entry(id: &str, created_ms: i64, collected_on: Option<NaiveDate>, reviewed: bool) -> NewEntry {
    NewEntry { id: id.into(), created_ms, collected_on, reviewed }
}

#[test]
fn c6_an_entry_unreviewed_after_two_working_days_is_overdue_and_listed_first() {
    let cal = TeamCalendar::default();
    let items = [
        entry("wed", at(2026, 11, 18, 10, 0), None, false),
        entry("mon", at(2026, 11, 16, 10, 0), None, false),
        entry("tue", at(2026, 11, 17, 8, 0), None, false),
    ];
    let queue = review_queue(&items, &cal, at(2026, 11, 19, 9, 0)); // Thursday
    let view: Vec<_> = queue.iter().map(|i| (i.id.as_str(), i.waiting_working_days, i.overdue)).collect();
    assert_eq!(view, [("mon", 3, true), ("tue", 2, false), ("wed", 1, false)]);
}

#[test]
fn c6_a_friday_entry_is_not_overdue_over_the_weekend() {
    let cal = TeamCalendar::default();
    let items = [entry("fri", at(2026, 11, 20, 17, 0), None, false)];
    let monday = review_queue(&items, &cal, at(2026, 11, 23, 18, 0));
    assert_eq!((monday[0].waiting_working_days, monday[0].overdue), (1, false));
    let wednesday = review_queue(&items, &cal, at(2026, 11, 25, 9, 0));
    assert!(wednesday[0].overdue);
}

#[test]
fn c6_an_entry_made_more_than_two_working_days_after_collection_is_marked_late() {
    let cal = TeamCalendar::default();
    let collected = Some(date(2026, 11, 13)); // a Friday fair; due Tuesday 17th
    let items = [
        entry("on-time", at(2026, 11, 17, 18, 0), collected, false),
        entry("late", at(2026, 11, 18, 9, 0), collected, false),
        entry("unknown", at(2026, 11, 18, 9, 0), None, false),
    ];
    let queue = review_queue(&items, &cal, at(2026, 11, 18, 12, 0));
    let late: Vec<_> = queue.iter().map(|i| (i.id.as_str(), i.entered_late)).collect();
    assert_eq!(late, [("on-time", false), ("late", true), ("unknown", false)]);
}

#[test]
fn c6_reviewed_entries_leave_the_queue() {
    let cal = TeamCalendar::default();
    let items =
        [entry("done", at(2026, 11, 16, 10, 0), None, true), entry("open", at(2026, 11, 16, 11, 0), None, false)];
    let ids: Vec<_> = review_queue(&items, &cal, at(2026, 11, 19, 9, 0)).into_iter().map(|i| i.id).collect();
    assert_eq!(ids, ["open"]);
    let reviewed = [fact("r1", at(2026, 11, 17, 9, 0), "boss", FactKind::Reviewed)];
    assert!(is_reviewed(&reviewed));
    assert!(!is_reviewed(&[claim("f1", 0, "li")]));
}

// ---------------------------------------------------------------- P7

fn load(rep: &str, holding: usize, capacity: usize) -> RepLoad {
    RepLoad { rep: rep.into(), holding, capacity }
}

fn leads(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("lead-{i}")).collect()
}

#[test]
fn p7_event_leads_go_to_the_rep_with_the_lowest_load_for_their_capacity() {
    // Twice the capacity, twice the share: 30/40 and 15/20 are both at 75%.
    let reps = [load("li", 0, 40), load("wang", 0, 20)];
    let p = propose(&leads(30), &reps);
    assert_eq!((p.given_to("li"), p.given_to("wang")), (20, 10));
    assert!(p.unassigned.is_empty());

    let reps = [load("li", 12, 20), load("wang", 5, 20)];
    let p = propose(&leads(9), &reps);
    assert_eq!((p.given_to("li"), p.given_to("wang")), (1, 8), "both end at 13");
}

#[test]
fn p7_full_reps_and_reps_without_capacity_get_nothing_and_the_rest_stay_in_the_pool() {
    let reps = [load("li", 5, 5), load("wang", 0, 0), load("zhao", 1, 3)];
    let p = propose(&leads(4), &reps);
    assert_eq!(p.given_to("zhao"), 2);
    assert_eq!((p.given_to("li"), p.given_to("wang")), (0, 0));
    assert_eq!(p.unassigned, ["lead-3", "lead-4"]);
    assert_eq!(propose(&leads(2), &[]).unassigned.len(), 2);
}

#[test]
fn p7_ties_go_to_the_rep_holding_fewer_then_by_rep_id() {
    // 2/10 and 4/20 are the same ratio; zhao holds fewer.
    let p = propose(&leads(1), &[load("li", 4, 20), load("zhao", 2, 10)]);
    assert_eq!(p.assignments, [("lead-1".to_owned(), "zhao".to_owned())]);
    let p = propose(&leads(1), &[load("zhao", 0, 10), load("li", 0, 10)]);
    assert_eq!(p.assignments, [("lead-1".to_owned(), "li".to_owned())]);
}

#[test]
fn p7_a_lead_listed_twice_is_given_once() {
    let twice = ["a".to_owned(), "a".to_owned()];
    let p = propose(&twice, &[load("li", 0, 10)]);
    assert_eq!(p, Proposal { assignments: vec![("a".into(), "li".into())], unassigned: vec![] });
}

fn arb_reps() -> impl Strategy<Value = Vec<RepLoad>> {
    prop::collection::vec((0usize..30, 0usize..30), 0..6).prop_map(|v| {
        v.into_iter().enumerate().map(|(i, (holding, capacity))| load(&format!("rep-{i}"), holding, capacity)).collect()
    })
}

proptest! {
    #[test]
    fn p7_no_rep_is_given_more_than_their_room_and_every_lead_is_placed_once(
        reps in arb_reps(),
        n in 0usize..80,
    ) {
        let p = propose(&leads(n), &reps);
        prop_assert_eq!(p.assignments.len() + p.unassigned.len(), n);
        for r in &reps {
            prop_assert!(p.given_to(&r.rep) <= r.capacity.saturating_sub(r.holding));
        }
        // A lead is left over only when every rep is full.
        if !p.unassigned.is_empty() {
            for r in &reps {
                prop_assert!(r.holding + p.given_to(&r.rep) >= r.capacity);
            }
        }
        prop_assert_eq!(&p, &propose(&leads(n), &reps), "deterministic");
    }

    #[test]
    fn p7_with_equal_capacities_every_rep_given_a_lead_ends_within_one_of_the_lightest(
        holdings in prop::collection::vec(0usize..20, 1..6),
        n in 0usize..60,
    ) {
        let reps: Vec<_> = holdings.iter().enumerate().map(|(i, h)| load(&format!("r{i}"), *h, 1_000)).collect();
        let p = propose(&leads(n), &reps);
        let finals: Vec<usize> = reps.iter().map(|r| r.holding + p.given_to(&r.rep)).collect();
        let lightest = finals.iter().copied().min().unwrap_or(0);
        for (r, fin) in reps.iter().zip(&finals) {
            if p.given_to(&r.rep) > 0 {
                prop_assert!(*fin <= lightest + 1, "{} ends at {} with the lightest at {}", r.rep, fin, lightest);
            }
        }
    }
}
