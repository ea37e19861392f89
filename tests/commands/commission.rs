//! Sales commission (O3, H1): a rep's statement counts only payments finance confirmed,
//! at the tiers of the month's scheme version; a manager and finance see every rep, a
//! rep only their own; a departing rep's earned commission is held and shown.

use chrono::NaiveDate;
use outpost::app::commission::{can_see_all_commission, commission_month, held_for};
use outpost::app::incentives::{copy_scheme_version, save_scheme};
use outpost::app::orders::confirm_payment;
use outpost::app::pool::set_departing;
use outpost::domain::incentive::{Calc, SalesBand, SalesRule, PRESET_ID};
use outpost::domain::kpi::Month;
use outpost::storage::incentives::load_incentives;
use outpost::storage::memory::MemoryStore;
use pollster::block_on;

use super::common::*;
use super::orders::with_recorded_payment;

fn january() -> Month {
    Month { year: 2026, month: 1 }
}

/// The manager's version for 2026: 1 % of confirmed payments, 2 % from 50,000.00 a month.
async fn paying_scheme(s: &MemoryStore) {
    let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let (_, id) = copy_scheme_version(s, &wang(at(0)), PRESET_ID, from).await.unwrap();
    let mut v = load_incentives(s).await.unwrap().scheme(&id).unwrap().clone();
    v.sales = SalesRule { bands: vec![SalesBand { from_fen: 0, bp: 100 }, SalesBand { from_fen: 50_000_00, bp: 200 }] };
    save_scheme(s, &wang(at(1)), &v).await.unwrap();
}

fn rep_totals(m: &outpost::app::commission::CommissionMonth) -> Vec<(String, usize, i64)> {
    m.reps.iter().map(|r| (r.rep.clone(), r.statement.lines.len(), r.statement.total_fen())).collect()
}

#[test]
fn o3_a_payment_pays_commission_once_finance_confirms_it_at_the_tier_the_month_reaches() {
    block_on(async {
        let (s, pay) = with_recorded_payment().await;
        paying_scheme(&s).await;
        let before = commission_month(&s, &li(at(16 * DAY)), january()).await.unwrap();
        assert!(before.pays);
        assert_eq!(rep_totals(&before), vec![("li".into(), 0, 0)], "recorded, not confirmed: nothing yet");
        confirm_payment(&s, &qian(at(16 * DAY)), &pay).await.unwrap();
        let after = commission_month(&s, &li(at(16 * DAY)), january()).await.unwrap();
        assert_eq!(rep_totals(&after), vec![("li".into(), 1, 1_200_00)]);
        assert_eq!(after.reps[0].statement.lines[0].calc, Calc::PerAmount { amount_fen: 60_000_00, bp: 200 });
        // February has no payment of Li's.
        let feb = commission_month(&s, &li(at(40 * DAY)), Month { year: 2026, month: 2 }).await.unwrap();
        assert_eq!(rep_totals(&feb), vec![("li".into(), 0, 0)]);
    });
}

#[test]
fn a_manager_and_finance_see_every_rep_and_a_rep_only_their_own() {
    block_on(async {
        let (s, pay) = with_recorded_payment().await;
        paying_scheme(&s).await;
        confirm_payment(&s, &qian(at(16 * DAY)), &pay).await.unwrap();
        for who in [wang(at(20 * DAY)), qian(at(20 * DAY))] {
            assert!(can_see_all_commission(&who));
            let m = commission_month(&s, &who, january()).await.unwrap();
            assert_eq!(rep_totals(&m), vec![("li".into(), 1, 1_200_00), ("zhao".into(), 0, 0)]);
        }
        let zhao_sees = commission_month(&s, &zhao(at(20 * DAY)), january()).await.unwrap();
        assert_eq!(rep_totals(&zhao_sees), vec![("zhao".into(), 0, 0)]);
        assert!(!can_see_all_commission(&li(0)));
    });
}

#[test]
fn h1_a_departing_reps_commission_is_held_and_shown_to_the_manager_not_to_another_rep() {
    block_on(async {
        let (s, pay) = with_recorded_payment().await;
        paying_scheme(&s).await;
        confirm_payment(&s, &qian(at(16 * DAY)), &pay).await.unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 1, 20).unwrap();
        let m = commission_month(&s, &wang(at(20 * DAY)), january()).await.unwrap();
        assert_eq!((m.reps[0].departing, m.reps[0].held_fen), (false, 0));
        set_departing(&s, &wang(at(20 * DAY)), "li", true).await.unwrap();
        let m = commission_month(&s, &wang(at(20 * DAY)), january()).await.unwrap();
        assert_eq!((m.reps[0].departing, m.reps[0].held_fen), (true, 1_200_00));
        assert_eq!(held_for(&s, &wang(at(20 * DAY)), "li", today).await.unwrap(), Some(1_200_00));
        assert_eq!(held_for(&s, &li(at(20 * DAY)), "li", today).await.unwrap(), Some(1_200_00));
        assert_eq!(held_for(&s, &zhao(at(20 * DAY)), "li", today).await.unwrap(), None);
        // Before the payment's month nothing was earned, so nothing is held.
        let earlier = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        assert_eq!(held_for(&s, &wang(at(20 * DAY)), "li", earlier).await.unwrap(), Some(0));
    });
}

#[test]
fn without_a_sales_rate_the_month_says_so_and_pays_nothing() {
    block_on(async {
        let (s, pay) = with_recorded_payment().await;
        confirm_payment(&s, &qian(at(16 * DAY)), &pay).await.unwrap();
        let m = commission_month(&s, &wang(at(20 * DAY)), january()).await.unwrap();
        assert!(!m.pays);
        assert_eq!(m.scheme_id.as_deref(), Some(PRESET_ID));
        assert_eq!(rep_totals(&m)[0], ("li".into(), 1, 0));
    });
}

#[test]
fn h1_a_month_whose_payout_finance_recorded_is_no_longer_held() {
    use outpost::app::incentives::{import_month, mark_payout_step};
    use outpost::domain::incentive::{import_figures, PayoutStep, Track};
    block_on(async {
        let (s, pay) = with_recorded_payment().await;
        paying_scheme(&s).await;
        confirm_payment(&s, &qian(at(16 * DAY)), &pay).await.unwrap();
        set_departing(&s, &wang(at(20 * DAY)), "li", true).await.unwrap();
        let feb_25 = NaiveDate::from_ymd_opt(2026, 2, 25).unwrap();
        assert_eq!(held_for(&s, &wang(at(55 * DAY)), "li", feb_25).await.unwrap(), Some(1_200_00));
        // January's figures, its payout steps in order, and finance paying (I7).
        let figures = import_figures(include_bytes!("../fixtures/incentive_month.csv")).unwrap().figures;
        import_month(&s, &wang(at(32 * DAY)), january(), None, &figures, "jan.csv").await.unwrap();
        for (i, step) in [
            PayoutStep::DataAllocated,
            PayoutStep::CountyCheck,
            PayoutStep::StationsSign,
            PayoutStep::Filed,
            PayoutStep::CityReview,
        ]
        .into_iter()
        .enumerate()
        {
            mark_payout_step(&s, &wang(at(33 * DAY + i as i64)), january(), Track::Stations, step).await.unwrap();
        }
        assert_eq!(held_for(&s, &wang(at(55 * DAY)), "li", feb_25).await.unwrap(), Some(1_200_00), "not paid yet");
        mark_payout_step(&s, &qian(at(54 * DAY)), january(), Track::Stations, PayoutStep::FinancePays).await.unwrap();
        assert_eq!(held_for(&s, &wang(at(55 * DAY)), "li", feb_25).await.unwrap(), Some(0));
        let m = commission_month(&s, &wang(at(55 * DAY)), january()).await.unwrap();
        assert_eq!((m.reps[0].departing, m.reps[0].held_fen), (true, 0));
    });
}
