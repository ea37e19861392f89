//! Sales commission per rep: a statement per rep and month from the payments finance
//! confirmed (O3) — only confirmations the roster lets count, so a forged one pays
//! nobody — at the sales tiers of the month's scheme version; and the commission held
//! for a departing rep until the handover is complete (H1).
//!
//! The month's version is the one its station figures were computed with, if any, else
//! the newest version covering the month (I1–I7's versioning). A month is paid out once
//! finance records the payout step (I7); until then a departing rep's commission for it
//! is held (H1). A manager and finance see
//! every rep; anyone else sees their own statement.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::reports::is_reported;
use super::Actor;
use crate::domain::incentive::{
    held_commission, sales_next, sales_statement, PayoutStep, SalesPayment, SalesTip, Statement,
};
use crate::domain::kpi::Month;
use crate::domain::pool::FactKind;
use crate::domain::profile::Role;
use crate::storage::customers::load_customers;
use crate::storage::incentives::{load_incentives, IncentivesData};
use crate::storage::people::load_people;
use crate::storage::settings::load_calendar;
use crate::storage::{RecordStore, StorageError};

/// Managers and finance see every rep's commission.
pub fn can_see_all_commission(actor: &Actor) -> bool {
    actor.is(&[Role::Manager, Role::Finance])
}

/// One rep's month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepCommission {
    pub rep: String,
    pub name: String,
    pub statement: Statement,
    /// H1: the rep is leaving; what is held until the handover is complete.
    pub departing: bool,
    pub held_fen: i64,
    /// I8: the next tier and what reaching it gains this month.
    pub next: Option<SalesTip>,
}

/// The month's commission statements.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommissionMonth {
    /// The version's id, when a version covers the month.
    pub scheme_id: Option<String>,
    /// Whether the version pays reps anything at all.
    pub pays: bool,
    pub reps: Vec<RepCommission>,
}

/// A confirmed payment with its rep.
struct Paid {
    rep: String,
    payment: SalesPayment,
}

/// Every confirmed payment the roster lets count, with the customer's name.
async fn confirmed<S: RecordStore>(s: &S) -> Result<Vec<Paid>, StorageError> {
    let mut out = Vec::new();
    for c in load_customers(s).await? {
        for f in &c.facts {
            if let FactKind::Payment { rep, amount_fen, paid_on, .. } = &f.kind {
                out.push(Paid {
                    rep: rep.clone(),
                    payment: SalesPayment {
                        customer: c.id.clone(),
                        name: c.file.name.clone(),
                        amount_fen: *amount_fen,
                        paid_on: *paid_on,
                    },
                });
            }
        }
    }
    Ok(out)
}

fn payments_of(paid: &[Paid], rep: &str, m: Month) -> Vec<SalesPayment> {
    paid.iter().filter(|p| p.rep == rep && Month::of(p.payment.paid_on) == m).map(|p| p.payment.clone()).collect()
}

/// `rep`'s statement for month `m` from `paid`.
fn statement_of(data: &IncentivesData, paid: &[Paid], rep: &str, m: Month) -> Statement {
    let rule = data.payout_scheme(m).map(|s| s.sales.clone()).unwrap_or_default();
    sales_statement(&rule, rep, &payments_of(paid, rep, m))
}

/// H1: every month of `rep`'s up to and including `until`, with its total and whether it
/// has been paid out (`paid_out` holds the months whose payout is done).
fn months_of(
    data: &IncentivesData,
    paid: &[Paid],
    rep: &str,
    until: Month,
    paid_out: &BTreeSet<String>,
) -> Vec<(String, i64, bool)> {
    let months: BTreeSet<Month> =
        paid.iter().filter(|p| p.rep == rep).map(|p| Month::of(p.payment.paid_on)).filter(|m| *m <= until).collect();
    months
        .into_iter()
        .map(|m| {
            let key = m.to_string();
            let done = paid_out.contains(&key);
            (key, statement_of(data, paid, rep, m).total_fen(), done)
        })
        .collect()
}

/// The months whose payout finance recorded as done (I7's "finance checks and pays" on
/// either track), on `today`. A month without that record is not known to be paid.
fn paid_out_months(data: &IncentivesData, paid: &[Paid], today: NaiveDate) -> BTreeSet<String> {
    paid.iter()
        .map(|p| Month::of(p.payment.paid_on))
        .collect::<BTreeSet<Month>>()
        .into_iter()
        .filter(|m| data.payout(*m, today).iter().any(|s| s.step == PayoutStep::FinancePays && s.done.is_some()))
        .map(|m| m.to_string())
        .collect()
}

/// The month's statement per rep the actor may see, reps by name.
pub async fn commission_month<S: RecordStore>(s: &S, actor: &Actor, m: Month) -> Result<CommissionMonth, StorageError> {
    let data = load_incentives(s).await?;
    let paid = confirmed(s).await?;
    let people = load_people(s).await?;
    let all = can_see_all_commission(actor);
    // Reps in the directory, and anyone who was paid for a deal this month.
    let mut reps: BTreeMap<String, (String, bool)> = BTreeMap::new();
    for p in people.iter().filter(|p| is_reported(p)) {
        reps.insert(p.id.clone(), (p.name.clone(), p.departing));
    }
    for p in paid.iter().filter(|p| Month::of(p.payment.paid_on) == m) {
        reps.entry(p.rep.clone()).or_insert_with(|| {
            let known = people.iter().find(|x| x.id == p.rep);
            (known.map(|x| x.name.clone()).unwrap_or_default(), known.is_some_and(|x| x.departing))
        });
    }
    if !all {
        reps.retain(|id, _| *id == actor.profile);
    }
    let scheme = data.payout_scheme(m);
    let cal = load_calendar(s).await?;
    let paid_out = paid_out_months(&data, &paid, cal.local_date(actor.now_ms));
    let mut out: Vec<RepCommission> = reps
        .into_iter()
        .map(|(rep, (name, departing))| {
            let held_fen = if departing { held_commission(&months_of(&data, &paid, &rep, m, &paid_out)) } else { 0 };
            let next = scheme.filter(|s| s.sales.pays()).and_then(|s| sales_next(s, &payments_of(&paid, &rep, m)));
            RepCommission { statement: statement_of(&data, &paid, &rep, m), rep, name, departing, held_fen, next }
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.rep.cmp(&b.rep)));
    Ok(CommissionMonth {
        scheme_id: scheme.map(|s| s.id.clone()),
        pays: scheme.is_some_and(|s| s.sales.pays()),
        reps: out,
    })
}

/// H1: what is held for `rep` on the actor's day: every month's commission up to now
/// whose payout finance has not recorded. The handover wizard shows it next to what the rep still holds.
/// `None` for an actor who may not see it (another rep).
pub async fn held_for<S: RecordStore>(
    s: &S,
    actor: &Actor,
    rep: &str,
    today: NaiveDate,
) -> Result<Option<i64>, StorageError> {
    if !can_see_all_commission(actor) && actor.profile != rep {
        return Ok(None);
    }
    let data = load_incentives(s).await?;
    let paid = confirmed(s).await?;
    let paid_out = paid_out_months(&data, &paid, today);
    Ok(Some(held_commission(&months_of(&data, &paid, rep, Month::of(today), &paid_out))))
}
