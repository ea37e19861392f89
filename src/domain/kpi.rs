//! Rule **A2**: the monthly KPI sheet, per rep and for the team — new accounts against
//! the month's target, customer satisfaction, applications reviewed on time, conversion
//! and complaints — built from the records on the device with the ratio helpers of
//! [`crate::domain::application`].
//!
//! A record belongs to the month of its local date on the team calendar (an instant is
//! turned into a date with [`TeamCalendar::local_date`]; dates such as a payment's
//! `paid_on` are used as they are):
//! - **new accounts**: applications approved in the month, counted for the rep who
//!   brought them;
//! - **satisfaction**: service items closed in the month, for the profile the customer
//!   first asked (S1);
//! - **review on time**: applications decided (approved or rejected) in the month;
//! - **conversion**: customers the rep logged an activity with in the month, of whom
//!   those with a finance-confirmed payment in the month closed by the rep;
//! - **complaint rate**: complaints asked in the month ÷ customers served in the month
//!   (contacted, or with a service item asked in the month).
//!
//! The team row counts every record, whoever it belongs to.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use crate::domain::application::{
    complaint_rate, conversion_rate, new_accounts_met, review_on_time_rate, satisfaction_met, satisfaction_rate,
    Application, ApplicationStatus, KpiTargets, Ratio,
};
use crate::domain::calendar::TeamCalendar;
use crate::domain::service::{satisfaction, Channel, Satisfaction, ServiceItem};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl Month {
    pub fn of(day: NaiveDate) -> Self {
        Self { year: day.year(), month: day.month() }
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        Self::of(day) == self
    }

    /// Parses `YYYY-MM` (what an `<input type="month">` holds).
    pub fn parse(s: &str) -> Option<Self> {
        let (y, m) = s.trim().split_once('-')?;
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        NaiveDate::from_ymd_opt(year, month, 1).map(|_| Self { year, month })
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A logged activity: who contacted which customer, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub customer_id: String,
    pub rep: String,
    pub at_ms: i64,
}

/// A finance-confirmed payment (`payment.confirmed`): the customer, the rep who closed
/// it and the day it was paid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmedPayment {
    pub customer_id: String,
    pub rep: String,
    pub paid_on: NaiveDate,
}

/// Everything the sheet is computed from.
#[derive(Debug, Clone, Copy)]
pub struct KpiInputs<'a> {
    pub applications: &'a [Application],
    pub service: &'a [ServiceItem],
    pub contacts: &'a [Contact],
    pub payments: &'a [ConfirmedPayment],
}

/// One row of the sheet: a rep's month, or the team's (`rep` empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiRow {
    pub rep: String,
    pub new_accounts: u64,
    /// The month's new-account target for this row (`0` = none set).
    pub new_accounts_target: u64,
    pub new_accounts_met: Option<bool>,
    pub satisfaction: Satisfaction,
    pub satisfaction_rate: Ratio,
    pub satisfaction_met: Option<bool>,
    pub review_on_time: Ratio,
    /// Every decided application kept to the limit; `None` with none decided.
    pub review_met: Option<bool>,
    pub conversion: Ratio,
    /// complaints ÷ customers served.
    pub complaints: Ratio,
}

/// The moment of an application's last decision (approved or rejected), if decided.
fn decided_at(a: &Application) -> Option<i64> {
    matches!(a.status(), ApplicationStatus::Approved | ApplicationStatus::Rejected)
        .then(|| a.history.last().map(|c| c.at_ms))
        .flatten()
}

/// A2 for one rep (`Some(rep)`) or the whole team (`None`) in `month`.
/// `new_accounts_target` is that row's target for the month.
pub fn kpi_row(
    rep: Option<&str>,
    month: Month,
    inputs: KpiInputs<'_>,
    cal: &TeamCalendar,
    targets: &KpiTargets,
    new_accounts_target: u64,
) -> KpiRow {
    let mine = |who: &str| rep.is_none_or(|r| r == who);
    let in_month_ms = |ms: i64| month.contains(cal.local_date(ms));

    let decided: Vec<Application> = inputs
        .applications
        .iter()
        .filter(|a| mine(&a.rep) && decided_at(a).is_some_and(in_month_ms))
        .cloned()
        .collect();
    let new_accounts = decided.iter().filter(|a| a.status() == ApplicationStatus::Approved).count() as u64;
    // Only decided applications are measured, so "now" never enters the count.
    let review_on_time = review_on_time_rate(&decided, cal, i64::MAX, targets);

    let closed =
        inputs.service.iter().filter(|i| mine(&i.owner) && i.closure.as_ref().is_some_and(|c| in_month_ms(c.at_ms)));
    let sat = satisfaction(closed, targets.satisfied_from);

    let contacted: BTreeSet<String> = inputs
        .contacts
        .iter()
        .filter(|c| mine(&c.rep) && in_month_ms(c.at_ms))
        .map(|c| c.customer_id.clone())
        .collect();
    let converted: BTreeSet<String> = inputs
        .payments
        .iter()
        .filter(|p| mine(&p.rep) && month.contains(p.paid_on))
        .map(|p| p.customer_id.clone())
        .collect();

    let asked: Vec<&ServiceItem> =
        inputs.service.iter().filter(|i| mine(&i.owner) && month.contains(i.asked_on)).collect();
    let complaints = asked.iter().filter(|i| i.channel == Channel::Complaint).count() as u64;
    let served: BTreeSet<&str> =
        contacted.iter().map(String::as_str).chain(asked.iter().map(|i| i.customer_id.as_str())).collect();

    KpiRow {
        rep: rep.unwrap_or_default().to_owned(),
        new_accounts,
        new_accounts_target,
        new_accounts_met: new_accounts_met(new_accounts, new_accounts_target, targets),
        satisfaction: sat,
        satisfaction_rate: satisfaction_rate(&sat),
        satisfaction_met: satisfaction_met(&sat, targets),
        review_on_time,
        review_met: (review_on_time.den > 0).then_some(review_on_time.num == review_on_time.den),
        conversion: conversion_rate(&contacted, &converted),
        complaints: complaint_rate(complaints, served.len() as u64),
    }
}

/// A2: one row per rep in `reps` (each with the per-rep target), then the team row
/// (target = per-rep target × number of reps) when `with_team`.
pub fn kpi_sheet(
    reps: &[String],
    with_team: bool,
    month: Month,
    inputs: KpiInputs<'_>,
    cal: &TeamCalendar,
    targets: &KpiTargets,
    per_rep_target: u64,
) -> Vec<KpiRow> {
    let mut rows: Vec<KpiRow> =
        reps.iter().map(|r| kpi_row(Some(r), month, inputs, cal, targets, per_rep_target)).collect();
    if with_team {
        let team_target = per_rep_target.saturating_mul(reps.len() as u64);
        rows.push(kpi_row(None, month, inputs, cal, targets, team_target));
    }
    rows
}
