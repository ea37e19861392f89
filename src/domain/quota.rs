//! Activity quotas: rule **V7** — per-team quotas such as ≥ 20 calls a day and ≥ 20
//! visits a week, or "2-3-4": each working day 2 new customers visited, 3 existing
//! customers visited, 4 phone contacts. Progress is computed from activity records,
//! never stored.
//!
//! Readings chosen where the rules leave room:
//! - Days are team-local (the [`TeamCalendar`]'s offset). A daily quota is owed on
//!   **working days** only — "20 calls a day" is not owed on a holiday; activities on a
//!   day off still count toward the week.
//! - A week runs Monday–Sunday. With [`QuotaSettings::prorate_short_weeks`] (default on),
//!   a week quota shrinks with the week's working days (rounded up, never above the
//!   quota): a holiday week of 3 working days owes 12 of 20 visits, Golden Week none. A
//!   week with a make-up Saturday owes no more than the quota.
//! - "2 new customers visited" counts **customers**, not visits: two visits to the same
//!   customer in one period count once ([`Quota::distinct_customers`]). "20 calls"
//!   counts every call. Phone contacts are calls; SMS and email are not.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::activity::ActivityKind;
use crate::domain::calendar::TeamCalendar;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotaPeriod {
    WorkingDay,
    Week,
}

/// Whether the customer was new (never a customer before) when the activity happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerStatus {
    New,
    Existing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quota {
    pub kind: ActivityKind,
    /// `None`: any customer.
    pub customer: Option<CustomerStatus>,
    pub period: QuotaPeriod,
    pub min: u32,
    pub distinct_customers: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuotaSettings {
    pub quotas: Vec<Quota>,
    pub prorate_short_weeks: bool,
}

impl Default for QuotaSettings {
    /// ≥ 20 calls a working day and ≥ 20 visits a week.
    fn default() -> Self {
        let q = |kind, period| Quota { kind, customer: None, period, min: 20, distinct_customers: false };
        Self {
            quotas: vec![q(ActivityKind::Call, QuotaPeriod::WorkingDay), q(ActivityKind::Visit, QuotaPeriod::Week)],
            prorate_short_weeks: true,
        }
    }
}

impl QuotaSettings {
    /// "2-3-4": each working day 2 new customers visited, 3 existing, 4 phone contacts.
    pub fn two_three_four() -> Self {
        let q = |kind, customer, min| Quota {
            kind,
            customer,
            period: QuotaPeriod::WorkingDay,
            min,
            distinct_customers: true,
        };
        Self {
            quotas: vec![
                q(ActivityKind::Visit, Some(CustomerStatus::New), 2),
                q(ActivityKind::Visit, Some(CustomerStatus::Existing), 3),
                q(ActivityKind::Call, None, 4),
            ],
            prorate_short_weeks: true,
        }
    }

    pub fn check(&self) -> Result<(), QuotaError> {
        for (index, q) in self.quotas.iter().enumerate() {
            if !(1..=MAX_QUOTA).contains(&q.min) {
                return Err(QuotaError::OutOfRange { index, max: MAX_QUOTA });
            }
            let same = |o: &&Quota| (o.kind, o.customer, o.period) == (q.kind, q.customer, q.period);
            if self.quotas[..index].iter().any(|o| same(&o)) {
                return Err(QuotaError::Duplicate { index });
            }
        }
        Ok(())
    }
}

/// A quota above this is a typo (a thousand calls a day).
pub const MAX_QUOTA: u32 = 500;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuotaError {
    #[error("quota {index} must be between 1 and {max}")]
    OutOfRange { index: usize, max: u32 },
    #[error("quota {index} repeats an earlier quota")]
    Duplicate { index: usize },
}

/// The part of an activity record V7 counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaActivity {
    pub kind: ActivityKind,
    pub customer_id: String,
    pub customer: CustomerStatus,
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaProgress {
    pub quota: Quota,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// What is owed this period (0 on a day off, less in a short week).
    pub target: u32,
    pub done: u32,
    pub met: bool,
}

/// V7: progress on every quota for the period containing `day`, from one rep's
/// activities (any order, any range; only those inside the period count).
pub fn progress(
    settings: &QuotaSettings,
    activities: &[QuotaActivity],
    cal: &TeamCalendar,
    day: NaiveDate,
) -> Vec<QuotaProgress> {
    settings
        .quotas
        .iter()
        .map(|q| {
            let (first_day, last_day, target) = match q.period {
                QuotaPeriod::WorkingDay => (day, day, if cal.is_working_day(day) { q.min } else { 0 }),
                QuotaPeriod::Week => week_target(q.min, cal, day, settings.prorate_short_weeks),
            };
            let mut counted: Vec<&str> = Vec::new();
            let mut done = 0u32;
            for a in activities {
                let on = cal.local_date(a.at_ms);
                let fits = a.kind == q.kind && q.customer.is_none_or(|c| c == a.customer);
                if !fits || on < first_day || on > last_day {
                    continue;
                }
                if q.distinct_customers {
                    if counted.contains(&a.customer_id.as_str()) {
                        continue;
                    }
                    counted.push(&a.customer_id);
                }
                done += 1;
            }
            QuotaProgress { quota: q.clone(), first_day, last_day, target, done, met: done >= target }
        })
        .collect()
}

fn week_target(min: u32, cal: &TeamCalendar, day: NaiveDate, prorate: bool) -> (NaiveDate, NaiveDate, u32) {
    let monday = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
    let sunday = monday + Days::new(6);
    if !prorate {
        return (monday, sunday, min);
    }
    let working = monday.iter_days().take(7).filter(|d| cal.is_working_day(*d)).count() as u32;
    let normal = 7u32.saturating_sub(cal.weekend.len() as u32).max(1);
    let target = min.saturating_mul(working).div_ceil(normal).min(min);
    (monday, sunday, target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v7_both_presets_pass_the_check() {
        assert_eq!(QuotaSettings::default().check(), Ok(()));
        assert_eq!(QuotaSettings::two_three_four().check(), Ok(()));
    }

    #[test]
    fn v7_a_zero_or_repeated_quota_is_refused() {
        let mut s = QuotaSettings::default();
        s.quotas[1].min = 0;
        assert_eq!(s.check(), Err(QuotaError::OutOfRange { index: 1, max: MAX_QUOTA }));
        let mut s = QuotaSettings::default();
        s.quotas.push(s.quotas[0].clone());
        assert_eq!(s.check(), Err(QuotaError::Duplicate { index: 2 }));
    }

    #[test]
    fn v7_a_week_without_holidays_owes_the_full_quota() {
        let cal = TeamCalendar::default();
        let wed = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let (mon, sun, target) = week_target(20, &cal, wed, true);
        assert_eq!((mon.to_string(), sun.to_string(), target), ("2026-03-02".into(), "2026-03-08".into(), 20));
    }
}
