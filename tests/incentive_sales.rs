//! Sales commission on finance-confirmed payments (O3) and the commission held for a
//! departing rep (H1): the tier the month's total reaches pays every payment, exactly
//! at the tier's edge; each payment's line is rounded half up to the fen; the lines add
//! up to the statement; the rule is checked before it is stored.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use outpost::domain::incentive::{
    check_scheme, held_commission, rural_stations, sales_statement, Calc, IncentiveError, Item, Payee, RuleId,
    SalesBand, SalesPayment, SalesRule, MAX_SALES_BANDS,
};
use proptest::prelude::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn pay(customer: &str, yuan_fen: i64, d: u32) -> SalesPayment {
    SalesPayment {
        customer: customer.into(),
        name: format!("Customer {customer}"),
        amount_fen: yuan_fen,
        paid_on: day(d),
    }
}

/// 1 % below 100,000.00 a month, 1.5 % from it, 2 % from 300,000.00.
fn tiers() -> SalesRule {
    SalesRule {
        bands: vec![
            SalesBand { from_fen: 0, bp: 100 },
            SalesBand { from_fen: 100_000_00, bp: 150 },
            SalesBand { from_fen: 300_000_00, bp: 200 },
        ],
    }
}

#[test]
fn the_tier_the_months_total_reaches_pays_every_payment_exactly_at_its_edge() {
    let r = tiers();
    // One fen under the edge: the first tier for both payments.
    let under = sales_statement(&r, "li", &[pay("c1", 60_000_00, 3), pay("c2", 39_999_99, 9)]);
    assert_eq!(under.total_fen(), 600_00 + 400_00);
    // Exactly on the edge (inclusive): the second tier, for both.
    let on = sales_statement(&r, "li", &[pay("c1", 60_000_00, 3), pay("c2", 40_000_00, 9)]);
    assert_eq!(on.lines.iter().map(|l| l.amount_fen).collect::<Vec<_>>(), vec![900_00, 600_00]);
    assert_eq!(on.total_fen(), 1_500_00);
    let Item::Sale { month_total_fen, tier, tier_from_fen, .. } = &on.lines[0].item else { panic!("a sale line") };
    assert_eq!((*month_total_fen, *tier, *tier_from_fen), (100_000_00, 1, 100_000_00));
    assert_eq!(on.lines[0].calc, Calc::PerAmount { amount_fen: 60_000_00, bp: 150 });
    assert_eq!((on.lines[0].rule, &on.payee), (RuleId::Sales, &Payee::Rep("li".into())));
    // The top tier has no ceiling.
    assert_eq!(sales_statement(&r, "li", &[pay("c1", 1_000_000_00, 1)]).total_fen(), 20_000_00);
}

#[test]
fn each_payment_is_rounded_half_up_to_the_fen_on_its_own_line() {
    let r = SalesRule { bands: vec![SalesBand { from_fen: 0, bp: 150 }] };
    // 0.33 × 1.5 % = 0.00495 → 0.00; 0.34 × 1.5 % = 0.0051 → 0.01; 1.00 × 1.5 % = 0.015 → 0.02.
    let s = sales_statement(&r, "li", &[pay("a", 33, 1), pay("b", 34, 2), pay("c", 100, 3)]);
    assert_eq!(s.lines.iter().map(|l| l.amount_fen).collect::<Vec<_>>(), vec![0, 1, 2]);
}

#[test]
fn lines_are_listed_by_day_paid_then_customer_on_every_device() {
    let s = sales_statement(&tiers(), "li", &[pay("z", 1_00, 9), pay("b", 1_00, 2), pay("a", 1_00, 9)]);
    let order: Vec<&str> = s
        .lines
        .iter()
        .map(|l| match &l.item {
            Item::Sale { customer, .. } => customer.as_str(),
            _ => "",
        })
        .collect();
    assert_eq!(order, vec!["b", "a", "z"]);
}

#[test]
fn the_preset_pays_no_sales_commission_and_a_month_without_payments_earns_nothing() {
    let preset = rural_stations();
    assert!(!preset.sales.pays());
    assert_eq!(sales_statement(&preset.sales, "li", &[pay("c1", 50_000_00, 1)]).total_fen(), 0);
    assert!(sales_statement(&tiers(), "li", &[]).lines.is_empty());
}

#[test]
fn a_sales_rule_starts_at_zero_ascends_and_pays_at_most_everything() {
    let bad = |bands: Vec<SalesBand>| {
        let mut s = rural_stations();
        s.sales = SalesRule { bands };
        check_scheme(&s)
    };
    let refused = Err(IncentiveError::Bands { table: "sales" });
    assert_eq!(bad(vec![]), refused);
    assert_eq!(bad(vec![SalesBand { from_fen: 1, bp: 100 }]), refused);
    assert_eq!(bad(vec![SalesBand { from_fen: 0, bp: 100 }, SalesBand { from_fen: 0, bp: 200 }]), refused);
    assert_eq!(bad(vec![SalesBand { from_fen: 0, bp: 10_001 }]), refused);
    assert_eq!(bad(tiers().bands), Ok(()));
    let mut r = SalesRule::default();
    assert!(!r.remove_band(), "the first tier always stays");
    while r.add_band(100_000_00) {}
    assert_eq!(r.bands.len(), MAX_SALES_BANDS);
    assert!(r.check().is_ok());
    assert_eq!(r.bands[1].from_fen, 100_000_00);
}

#[test]
fn a_scheme_stored_before_sales_tiers_reads_as_paying_no_commission() {
    let mut v = serde_json::to_value(rural_stations()).unwrap();
    v.as_object_mut().unwrap().remove("sales");
    let old: outpost::domain::incentive::Scheme = serde_json::from_value(v).unwrap();
    assert_eq!(old.sales, SalesRule::default());
}

#[test]
fn h1_what_is_held_is_every_month_not_yet_paid_out() {
    let months =
        vec![("2026-09".to_string(), 1_200_00, true), ("2026-10".into(), 800_00, false), ("2026-11".into(), 50, false)];
    assert_eq!(held_commission(&months), 800_50);
    assert_eq!(held_commission(&[]), 0);
}

proptest! {
    #[test]
    fn a_sales_statement_is_the_sum_of_its_lines_and_each_line_is_its_own_arithmetic(
        amounts in prop::collection::vec(0i64..50_000_000, 0..30),
    ) {
        let paid: Vec<SalesPayment> = amounts.iter().enumerate().map(|(i, a)| pay(&format!("c{i}"), *a, 1 + (i as u32 % 28))).collect();
        let s = sales_statement(&tiers(), "li", &paid);
        prop_assert_eq!(s.lines.len(), paid.len());
        prop_assert_eq!(s.total_fen(), s.lines.iter().map(|l| l.amount_fen).sum::<i64>());
        let total: i64 = amounts.iter().sum();
        let bp = tiers().band_for(total).map(|(_, b)| b.bp).unwrap();
        for l in &s.lines {
            let Calc::PerAmount { amount_fen, bp: used } = l.calc else { panic!("per amount") };
            prop_assert_eq!(used, bp);
            prop_assert_eq!(l.amount_fen, (amount_fen as i128 * bp as i128 * 2 + 10_000).div_euclid(20_000) as i64);
        }
    }
}
