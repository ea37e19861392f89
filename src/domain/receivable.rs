//! Receivables: rules **O2** (collection: instalments, reminders, payment habits) and
//! **O4** (ageing per customer and per rep), fed by **O3** confirmed payments.
//!
//! An order's total is owed as an [`InstalmentPlan`] whose amounts sum exactly to it
//! (an even split puts the remainder fen on the last instalment). Payments confirmed
//! by finance are applied **oldest due first** — to the order a payment names, then to
//! the customer's other instalments — in the order they were paid. Everything else is
//! derived from plans and payments: what each instalment, order and customer still
//! owes, reminders, ageing, payment habits, and the `payment.confirmed` facts
//! ([`FactKind::Payment`]) that P2, P3 and C3 fold.
//!
//! **Ageing.** Days past due = today − due date. Buckets: not yet due; 0–30 (due today
//! counts as 0); 31–60; 61–90; over 90.
//!
//! ```
//! use chrono::NaiveDate;
//! use outpost::domain::receivable::InstalmentPlan;
//! let d = |s: &str| s.parse::<NaiveDate>().unwrap();
//! let plan = InstalmentPlan::split("o1", "c1", "li", 10_000, &[d("2026-01-31"), d("2026-02-28"), d("2026-03-31")]).unwrap();
//! let amounts: Vec<i64> = plan.instalments.iter().map(|i| i.amount_fen).collect();
//! assert_eq!(amounts, [3_333, 3_333, 3_334]); // the remainder fen on the last
//! ```

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::order::{Order, OrderError, PaymentTerms};
use crate::domain::pool::FactKind;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReceivableError {
    #[error("the instalments sum to {sum_fen} fen, not the order total {total_fen} fen")]
    SumMismatch { sum_fen: i64, total_fen: i64 },
    #[error("a plan needs at least one instalment")]
    NoInstalments,
    #[error("instalment {index} is not a positive amount")]
    NonPositiveInstalment { index: usize },
    #[error("instalment due dates must not go backwards")]
    DatesOutOfOrder,
    #[error("payment {0} is not a positive amount")]
    NonPositivePayment(String),
    #[error("order {0} has two instalment plans")]
    DuplicatePlan(String),
    #[error("the amount is too large")]
    TooLarge,
    #[error(transparent)]
    Order(#[from] OrderError),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instalment {
    pub due: NaiveDate,
    pub amount_fen: i64,
}

/// What one order's customer owes, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalmentPlan {
    pub order_id: String,
    pub customer_id: String,
    /// The rep the receivable ages under (O4); on a transfer (H2) the new rep.
    pub rep: String,
    pub instalments: Vec<Instalment>,
}

impl InstalmentPlan {
    /// An agreed plan; refused unless its amounts sum exactly to `total_fen`.
    pub fn new(
        order_id: impl Into<String>,
        customer_id: impl Into<String>,
        rep: impl Into<String>,
        total_fen: i64,
        instalments: Vec<Instalment>,
    ) -> Result<Self, ReceivableError> {
        if instalments.is_empty() {
            return Err(ReceivableError::NoInstalments);
        }
        let mut sum_fen = 0i64;
        for (i, inst) in instalments.iter().enumerate() {
            if inst.amount_fen <= 0 {
                return Err(ReceivableError::NonPositiveInstalment { index: i + 1 });
            }
            sum_fen = sum_fen.checked_add(inst.amount_fen).ok_or(ReceivableError::TooLarge)?;
        }
        if instalments.windows(2).any(|w| w[1].due < w[0].due) {
            return Err(ReceivableError::DatesOutOfOrder);
        }
        if sum_fen != total_fen {
            return Err(ReceivableError::SumMismatch { sum_fen, total_fen });
        }
        Ok(Self { order_id: order_id.into(), customer_id: customer_id.into(), rep: rep.into(), instalments })
    }

    /// `total_fen` split evenly over `dates`, whole fen each, the remainder on the last.
    pub fn split(
        order_id: impl Into<String>,
        customer_id: impl Into<String>,
        rep: impl Into<String>,
        total_fen: i64,
        dates: &[NaiveDate],
    ) -> Result<Self, ReceivableError> {
        let n = i64::try_from(dates.len()).map_err(|_| ReceivableError::TooLarge)?;
        if n == 0 {
            return Err(ReceivableError::NoInstalments);
        }
        let part = total_fen / n;
        let last = total_fen - part * (n - 1);
        let instalments = dates
            .iter()
            .enumerate()
            .map(|(i, &due)| Instalment { due, amount_fen: if i + 1 == dates.len() { last } else { part } })
            .collect();
        Self::new(order_id, customer_id, rep, total_fen, instalments)
    }

    /// The plan an order's payment terms imply, counted from its delivery (the slip's
    /// date once delivered, else the planned date).
    pub fn for_order(order: &Order) -> Result<Self, ReceivableError> {
        let total = order.total_fen()?;
        let delivered = order.delivered_on().unwrap_or(order.delivery_date);
        let dates = match &order.terms {
            PaymentTerms::OnDelivery => vec![delivered],
            PaymentTerms::NetDays { days } => vec![delivered
                .checked_add_days(chrono::Days::new(u64::from(*days)))
                .ok_or(ReceivableError::TooLarge)?],
            PaymentTerms::Instalments { dates } => dates.clone(),
        };
        Self::split(&order.id, &order.customer_id, &order.rep, total, &dates)
    }

    pub fn total_fen(&self) -> i64 {
        self.instalments.iter().map(|i| i.amount_fen).sum()
    }
}

/// A receipt finance has confirmed (O3). `order_id` when the customer named the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub id: String,
    pub customer_id: String,
    pub order_id: Option<String>,
    pub amount_fen: i64,
    pub paid_on: NaiveDate,
}

/// One instalment with what has been paid against it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalmentState {
    pub order_id: String,
    pub customer_id: String,
    pub rep: String,
    /// 1-based position in its plan.
    pub number: usize,
    pub due: NaiveDate,
    pub amount_fen: i64,
    pub paid_fen: i64,
    /// The day the last fen arrived.
    pub settled_on: Option<NaiveDate>,
}

impl InstalmentState {
    pub fn outstanding_fen(&self) -> i64 {
        self.amount_fen - self.paid_fen
    }

    /// Negative while not yet due.
    pub fn days_past_due(&self, today: NaiveDate) -> i64 {
        (today - self.due).num_days()
    }
}

/// Part of a payment applied to one instalment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    pub payment_id: String,
    pub order_id: String,
    pub number: usize,
    pub rep: String,
    pub amount_fen: i64,
    pub paid_on: NaiveDate,
    /// Days after the instalment's due date the money arrived; 0 when on time or early.
    pub days_late: u32,
}

/// Plans with payments applied: the source of every O2/O4 figure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    /// Sorted by customer, due date, order, number: the order payments are applied in.
    pub instalments: Vec<InstalmentState>,
    pub applied: Vec<Applied>,
    /// Money received beyond everything owed, per customer.
    pub credit_fen: BTreeMap<String, i64>,
}

/// Applies confirmed payments, in `(paid_on, id)` order, oldest due first.
pub fn apply_payments(plans: &[InstalmentPlan], payments: &[Payment]) -> Result<Ledger, ReceivableError> {
    let mut ledger = Ledger::default();
    for (i, plan) in plans.iter().enumerate() {
        if plans[..i].iter().any(|p| p.order_id == plan.order_id) {
            return Err(ReceivableError::DuplicatePlan(plan.order_id.clone()));
        }
        for (n, inst) in plan.instalments.iter().enumerate() {
            ledger.instalments.push(InstalmentState {
                order_id: plan.order_id.clone(),
                customer_id: plan.customer_id.clone(),
                rep: plan.rep.clone(),
                number: n + 1,
                due: inst.due,
                amount_fen: inst.amount_fen,
                paid_fen: 0,
                settled_on: None,
            });
        }
    }
    ledger.instalments.sort_by(|a, b| {
        (&a.customer_id, a.due, &a.order_id, a.number).cmp(&(&b.customer_id, b.due, &b.order_id, b.number))
    });

    let mut sorted: Vec<&Payment> = payments.iter().collect();
    sorted.sort_by(|a, b| (a.paid_on, &a.id).cmp(&(b.paid_on, &b.id)));
    for p in sorted {
        if p.amount_fen <= 0 {
            return Err(ReceivableError::NonPositivePayment(p.id.clone()));
        }
        let mut left = p.amount_fen;
        // The named order first, then anything else the customer owes.
        for named_only in [true, false] {
            for st in ledger.instalments.iter_mut() {
                if left == 0 || st.customer_id != p.customer_id || st.outstanding_fen() == 0 {
                    continue;
                }
                if named_only && p.order_id.as_deref() != Some(st.order_id.as_str()) {
                    continue;
                }
                let take = left.min(st.outstanding_fen());
                left -= take;
                st.paid_fen += take;
                if st.outstanding_fen() == 0 {
                    st.settled_on = Some(p.paid_on);
                }
                let late = (p.paid_on - st.due).num_days().max(0);
                ledger.applied.push(Applied {
                    payment_id: p.id.clone(),
                    order_id: st.order_id.clone(),
                    number: st.number,
                    rep: st.rep.clone(),
                    amount_fen: take,
                    paid_on: p.paid_on,
                    days_late: u32::try_from(late).unwrap_or(u32::MAX),
                });
            }
        }
        if left > 0 {
            *ledger.credit_fen.entry(p.customer_id.clone()).or_default() += left;
        }
    }
    Ok(ledger)
}

/// A `payment.confirmed` fact to record for the pool (P2, P3) and tier (C3) folds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentFeed {
    pub payment_id: String,
    pub customer_id: String,
    pub kind: FactKind,
}

impl Ledger {
    fn sum_outstanding(&self, keep: impl Fn(&InstalmentState) -> bool) -> i64 {
        self.instalments.iter().filter(|s| keep(s)).map(InstalmentState::outstanding_fen).sum()
    }

    pub fn outstanding_for_order(&self, order_id: &str) -> i64 {
        self.sum_outstanding(|s| s.order_id == order_id)
    }

    /// What the customer still owes; a credit is reported apart, not netted.
    pub fn outstanding_for_customer(&self, customer_id: &str) -> i64 {
        self.sum_outstanding(|s| s.customer_id == customer_id)
    }

    /// One fact per payment and rep whose instalments it paid: the amount applied to
    /// that rep's orders, and the most days late among them. Money kept as a credit is
    /// not yet a sale and feeds nothing.
    pub fn payment_facts(&self) -> Vec<PaymentFeed> {
        let mut feeds: Vec<PaymentFeed> = Vec::new();
        let customer_of = |order_id: &str| {
            self.instalments.iter().find(|s| s.order_id == order_id).map(|s| s.customer_id.clone()).unwrap_or_default()
        };
        for a in &self.applied {
            let existing = feeds.iter_mut().find(|f| {
                f.payment_id == a.payment_id && matches!(&f.kind, FactKind::Payment { rep, .. } if *rep == a.rep)
            });
            match existing {
                Some(PaymentFeed { kind: FactKind::Payment { amount_fen, days_late, .. }, .. }) => {
                    *amount_fen += a.amount_fen;
                    *days_late = (*days_late).max(a.days_late);
                }
                _ => feeds.push(PaymentFeed {
                    payment_id: a.payment_id.clone(),
                    customer_id: customer_of(&a.order_id),
                    kind: FactKind::Payment {
                        rep: a.rep.clone(),
                        amount_fen: a.amount_fen,
                        paid_on: a.paid_on,
                        days_late: a.days_late,
                    },
                }),
            }
        }
        feeds
    }
}

/// Why finance cannot confirm a payment (O3).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfirmError {
    #[error("no such payment")]
    Unknown,
    #[error("the payment is already confirmed")]
    AlreadyConfirmed,
    #[error(transparent)]
    Receivable(#[from] ReceivableError),
}

/// A payment finance may confirm, with the `payment.confirmed` facts the confirmation
/// records (see [`confirm_payment`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmedPayment {
    pub payment: Payment,
    pub feeds: Vec<PaymentFeed>,
}

/// **O3** Finance confirms each recorded payment once. `payment` is the recorded
/// payment (`None`: not on this device), `confirmed` every payment already confirmed.
/// The facts for P2, P3 and C3: the payment applied, oldest due first, to what the
/// customer owes, one fact per rep whose orders it paid, with the days late against
/// each instalment (a fact whose order names no customer is the payment's customer).
/// Money beyond what is owed stays a credit and feeds nothing until an order takes it.
pub fn confirm_payment(
    plans: &[InstalmentPlan],
    confirmed: &[Payment],
    payment: Option<&Payment>,
) -> Result<ConfirmedPayment, ConfirmError> {
    let p = payment.ok_or(ConfirmError::Unknown)?;
    if confirmed.iter().any(|c| c.id == p.id) {
        return Err(ConfirmError::AlreadyConfirmed);
    }
    let mut payments = confirmed.to_vec();
    payments.push(p.clone());
    let ledger = apply_payments(plans, &payments)?;
    let feeds = ledger
        .payment_facts()
        .into_iter()
        .filter(|f| f.payment_id == p.id)
        .map(|mut f| {
            if f.customer_id.is_empty() {
                f.customer_id = p.customer_id.clone();
            }
            f
        })
        .collect();
    Ok(ConfirmedPayment { payment: p.clone(), feeds })
}

/// An instalment to chase (O2: during the year, not at its end).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub order_id: String,
    pub customer_id: String,
    pub rep: String,
    pub number: usize,
    pub due: NaiveDate,
    pub outstanding_fen: i64,
    /// Negative once overdue.
    pub days_until_due: i64,
}

/// Unpaid instalments due within `days_before` days of `today`, and every overdue one
/// (a reminder stays until the money arrives), soonest due first.
pub fn reminders(ledger: &Ledger, today: NaiveDate, days_before: u32) -> Vec<Reminder> {
    let mut out: Vec<Reminder> = ledger
        .instalments
        .iter()
        .filter(|s| s.outstanding_fen() > 0 && -s.days_past_due(today) <= i64::from(days_before))
        .map(|s| Reminder {
            order_id: s.order_id.clone(),
            customer_id: s.customer_id.clone(),
            rep: s.rep.clone(),
            number: s.number,
            due: s.due,
            outstanding_fen: s.outstanding_fen(),
            days_until_due: -s.days_past_due(today),
        })
        .collect();
    out.sort_by(|a, b| (a.due, &a.order_id, a.number).cmp(&(b.due, &b.order_id, b.number)));
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeBucket {
    NotDue,
    Days0To30,
    Days31To60,
    Days61To90,
    Over90,
}

impl AgeBucket {
    /// O4: the bucket for a number of days past due (negative = not yet due).
    pub fn of(days_past_due: i64) -> Self {
        match days_past_due {
            d if d < 0 => AgeBucket::NotDue,
            0..=30 => AgeBucket::Days0To30,
            31..=60 => AgeBucket::Days31To60,
            61..=90 => AgeBucket::Days61To90,
            _ => AgeBucket::Over90,
        }
    }
}

/// Outstanding fen per age bucket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ageing {
    pub not_due_fen: i64,
    pub days_0_30_fen: i64,
    pub days_31_60_fen: i64,
    pub days_61_90_fen: i64,
    pub over_90_fen: i64,
}

impl Ageing {
    pub fn bucket_fen(&self, bucket: AgeBucket) -> i64 {
        match bucket {
            AgeBucket::NotDue => self.not_due_fen,
            AgeBucket::Days0To30 => self.days_0_30_fen,
            AgeBucket::Days31To60 => self.days_31_60_fen,
            AgeBucket::Days61To90 => self.days_61_90_fen,
            AgeBucket::Over90 => self.over_90_fen,
        }
    }

    fn add(&mut self, bucket: AgeBucket, fen: i64) {
        let slot = match bucket {
            AgeBucket::NotDue => &mut self.not_due_fen,
            AgeBucket::Days0To30 => &mut self.days_0_30_fen,
            AgeBucket::Days31To60 => &mut self.days_31_60_fen,
            AgeBucket::Days61To90 => &mut self.days_61_90_fen,
            AgeBucket::Over90 => &mut self.over_90_fen,
        };
        *slot += fen;
    }

    /// Everything outstanding, due or not.
    pub fn total_fen(&self) -> i64 {
        self.not_due_fen + self.past_due_fen()
    }

    pub fn past_due_fen(&self) -> i64 {
        self.days_0_30_fen + self.days_31_60_fen + self.days_61_90_fen + self.over_90_fen
    }
}

fn ageing_by(ledger: &Ledger, today: NaiveDate, key: impl Fn(&InstalmentState) -> &str) -> BTreeMap<String, Ageing> {
    let mut out: BTreeMap<String, Ageing> = BTreeMap::new();
    for s in ledger.instalments.iter().filter(|s| s.outstanding_fen() > 0) {
        out.entry(key(s).to_owned()).or_default().add(AgeBucket::of(s.days_past_due(today)), s.outstanding_fen());
    }
    out
}

/// O4: outstanding by age, per customer.
pub fn ageing_by_customer(ledger: &Ledger, today: NaiveDate) -> BTreeMap<String, Ageing> {
    ageing_by(ledger, today, |s| &s.customer_id)
}

/// O4: outstanding by age, per rep the receivable ages under.
pub fn ageing_by_rep(ledger: &Ledger, today: NaiveDate) -> BTreeMap<String, Ageing> {
    ageing_by(ledger, today, |s| &s.rep)
}

/// O2: how a customer pays, for the customer file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentHabits {
    pub payments: u32,
    /// The day of the month the customer most often pays (ties: the earlier day).
    pub typical_payday: Option<u32>,
    /// The weekday the customer most often pays (ties: the earlier weekday).
    pub typical_weekday: Option<Weekday>,
    pub total_days_late: u64,
    /// Mean days late per payment, rounded half up to a whole day.
    pub average_days_late: Option<u32>,
}

/// Habits from confirmed payments `(paid_on, amount_fen, days_late)` — the shape
/// [`crate::domain::tier::payment_record`] reads from a customer's pool facts.
pub fn payment_habits(payments: &[(NaiveDate, i64, u32)]) -> PaymentHabits {
    let mut by_day: BTreeMap<u32, u32> = BTreeMap::new();
    let mut by_weekday: BTreeMap<u32, u32> = BTreeMap::new();
    let mut total_days_late = 0u64;
    for (day, _, late) in payments {
        *by_day.entry(day.day()).or_default() += 1;
        *by_weekday.entry(day.weekday().num_days_from_monday()).or_default() += 1;
        total_days_late += u64::from(*late);
    }
    // max_by_key keeps the last maximum; iterate in reverse so ties go to the earlier.
    let mode = |m: &BTreeMap<u32, u32>| m.iter().rev().max_by_key(|(_, n)| **n).map(|(k, _)| *k);
    let n = payments.len() as u64;
    PaymentHabits {
        payments: u32::try_from(n).unwrap_or(u32::MAX),
        typical_payday: mode(&by_day),
        typical_weekday: mode(&by_weekday).and_then(|d| Weekday::try_from(d as u8).ok()),
        total_days_late,
        average_days_late: (n > 0).then(|| u32::try_from((2 * total_days_late + n) / (2 * n)).unwrap_or(u32::MAX)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn o2_a_plan_that_does_not_sum_to_the_total_is_refused() {
        let inst = vec![
            Instalment { due: d("2026-01-01"), amount_fen: 500 },
            Instalment { due: d("2026-02-01"), amount_fen: 499 },
        ];
        assert_eq!(
            InstalmentPlan::new("o", "c", "li", 1_000, inst),
            Err(ReceivableError::SumMismatch { sum_fen: 999, total_fen: 1_000 })
        );
    }

    #[test]
    fn o2_instalment_dates_must_not_go_backwards() {
        let inst = vec![
            Instalment { due: d("2026-02-01"), amount_fen: 500 },
            Instalment { due: d("2026-01-01"), amount_fen: 500 },
        ];
        assert_eq!(InstalmentPlan::new("o", "c", "li", 1_000, inst), Err(ReceivableError::DatesOutOfOrder));
    }

    fn pay(id: &str, order: Option<&str>, fen: i64, on: &str) -> Payment {
        Payment {
            id: id.into(),
            customer_id: "c1".into(),
            order_id: order.map(Into::into),
            amount_fen: fen,
            paid_on: d(on),
        }
    }

    /// Li's order o1 (1,000 fen due 10 Jan) and Zhao's o2 (500 fen due 20 Jan), both c1's.
    fn two_reps() -> Vec<InstalmentPlan> {
        vec![
            InstalmentPlan::split("o1", "c1", "li", 1_000, &[d("2026-01-10")]).unwrap(),
            InstalmentPlan::split("o2", "c1", "zhao", 500, &[d("2026-01-20")]).unwrap(),
        ]
    }

    #[test]
    fn o3_an_unknown_payment_or_one_already_confirmed_is_not_confirmed() {
        let p1 = pay("p1", Some("o1"), 1_000, "2026-01-12");
        assert_eq!(confirm_payment(&two_reps(), &[], None), Err(ConfirmError::Unknown));
        assert_eq!(
            confirm_payment(&two_reps(), std::slice::from_ref(&p1), Some(&p1)),
            Err(ConfirmError::AlreadyConfirmed)
        );
        let bad = pay("p2", None, 0, "2026-01-12");
        assert_eq!(
            confirm_payment(&two_reps(), &[], Some(&bad)),
            Err(ConfirmError::Receivable(ReceivableError::NonPositivePayment("p2".into())))
        );
    }

    #[test]
    fn o3_p2_c3_a_confirmation_feeds_one_fact_per_rep_paid_oldest_due_first_with_days_late() {
        let earlier = pay("p0", Some("o1"), 400, "2026-01-05");
        let p = pay("p1", Some("o1"), 1_500, "2026-01-25");
        let c = confirm_payment(&two_reps(), &[earlier], Some(&p)).unwrap();
        assert_eq!(c.payment, p);
        let got: Vec<(String, String, i64, u32)> = c
            .feeds
            .iter()
            .map(|f| match &f.kind {
                FactKind::Payment { rep, amount_fen, days_late, .. } => {
                    (f.customer_id.clone(), rep.clone(), *amount_fen, *days_late)
                }
                other => panic!("not a payment fact: {other:?}"),
            })
            .collect();
        // 600 fen still owed on o1 (15 days late), then 500 on o2 (5 days late); the
        // 400 fen beyond what is owed stays a credit and feeds nothing.
        assert_eq!(got, [("c1".into(), "li".into(), 600, 15), ("c1".into(), "zhao".into(), 500, 5)]);
    }

    #[test]
    fn o3_money_nothing_is_owed_for_feeds_nothing_yet() {
        let p = pay("p1", None, 300, "2026-01-05");
        let c = confirm_payment(&[], &[], Some(&p)).unwrap();
        assert!(c.feeds.is_empty());
    }

    #[test]
    fn o2_habits_give_the_usual_payday_and_the_rounded_average_lateness() {
        let h = payment_habits(&[
            (d("2026-01-15"), 1, 0),
            (d("2026-02-15"), 1, 3),
            (d("2026-03-10"), 1, 2),
            (d("2026-04-10"), 1, 0),
        ]);
        assert_eq!(h.typical_payday, Some(10)); // 10 and 15 tie: the earlier day
        assert_eq!(h.average_days_late, Some(1)); // 5 / 4 = 1.25
        assert_eq!(payment_habits(&[]).average_days_late, None);
        let half = payment_habits(&[(d("2026-01-15"), 1, 1), (d("2026-02-15"), 1, 2)]);
        assert_eq!(half.average_days_late, Some(2)); // 1.5 rounds half up
    }
}
