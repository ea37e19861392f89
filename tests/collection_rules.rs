//! O2: collection habits shape the receivables reminders.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use outpost::domain::collection::{chase_list, CollectSlot, CollectionHabits, CollectionSettings};
use outpost::domain::receivable::{apply_payments, InstalmentPlan, Ledger};

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

/// One instalment of 100 yuan owed by c1, due on `due`.
fn owed(due: &str) -> Ledger {
    let plan = InstalmentPlan::split("o1", "c1", "li", 10_000, &[d(due)]).expect("plan");
    apply_payments(&[plan], &[]).expect("ledger")
}

fn lead(days: u32) -> CollectionSettings {
    CollectionSettings { remind_days: days }
}

#[test]
fn o2_without_habits_a_reminder_starts_the_teams_lead_time_before_the_due_date() {
    let l = owed("2026-03-20");
    let none = |_: &str| CollectionHabits::default();
    assert!(chase_list(&l, d("2026-03-12"), &lead(7), none).is_empty());
    let on = chase_list(&l, d("2026-03-13"), &lead(7), none);
    assert_eq!(on.len(), 1);
    assert_eq!((on[0].1.chase_on, on[0].1.payday), (d("2026-03-13"), None));
    assert_eq!(chase_list(&l, d("2026-03-06"), &lead(14), none).len(), 1, "a longer team lead time starts earlier");
}

#[test]
fn o2_a_payday_before_the_lead_window_starts_the_reminder_on_that_payday() {
    let l = owed("2026-03-28");
    let paid_10th = |_: &str| CollectionHabits { payday: Some(10), slots: vec![CollectSlot::Afternoon] };
    assert!(chase_list(&l, d("2026-03-09"), &lead(7), paid_10th).is_empty());
    let r = chase_list(&l, d("2026-03-10"), &lead(7), paid_10th);
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].1.chase_on, r[0].1.payday), (d("2026-03-10"), Some(d("2026-03-10"))));
    assert_eq!(r[0].1.slots, vec![CollectSlot::Afternoon]);
}

#[test]
fn o2_a_payday_still_ahead_inside_the_window_is_the_day_to_chase() {
    let l = owed("2026-03-28");
    let paid_25th = |_: &str| CollectionHabits { payday: Some(25), slots: vec![] };
    let r = chase_list(&l, d("2026-03-21"), &lead(7), paid_25th);
    assert_eq!(r[0].1.chase_on, d("2026-03-25"));
    assert_eq!(r[0].0.days_until_due, 7);
}

#[test]
fn o2_an_overdue_instalment_is_chased_today_whatever_the_payday() {
    let l = owed("2026-03-01");
    let paid_25th = |_: &str| CollectionHabits { payday: Some(25), slots: vec![] };
    let r = chase_list(&l, d("2026-03-05"), &lead(7), paid_25th);
    assert_eq!((r[0].1.chase_on, r[0].0.days_until_due), (d("2026-03-05"), -4));
}

#[test]
fn o2_a_paid_instalment_needs_no_reminder() {
    use outpost::domain::receivable::Payment;
    let plan = InstalmentPlan::split("o1", "c1", "li", 10_000, &[d("2026-03-20")]).expect("plan");
    let paid = Payment {
        id: "p1".into(),
        customer_id: "c1".into(),
        order_id: None,
        amount_fen: 10_000,
        paid_on: d("2026-03-15"),
    };
    let l = apply_payments(&[plan], &[paid]).expect("ledger");
    assert!(chase_list(&l, d("2026-03-18"), &lead(7), |_: &str| CollectionHabits::default()).is_empty());
}
