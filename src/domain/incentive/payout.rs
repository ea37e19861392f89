//! **I7** the payout calendar: each step of a scheme's calendar falls on its day of the
//! month after the one computed (clamped to that month's last day).

use chrono::{Datelike, Months, NaiveDate};

use super::scheme::{CalendarStep, Scheme};
use crate::domain::kpi::Month;

/// The month's payout steps with their due dates, in calendar order.
pub fn payout_dates(scheme: &Scheme, month: Month) -> Vec<(CalendarStep, NaiveDate)> {
    let Some(next) =
        NaiveDate::from_ymd_opt(month.year, month.month, 1).and_then(|d| d.checked_add_months(Months::new(1)))
    else {
        return Vec::new();
    };
    let last = next.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()).map_or(28, |d| d.day());
    let mut out: Vec<(CalendarStep, NaiveDate)> =
        scheme.calendar.iter().filter_map(|s| next.with_day(s.day.clamp(1, last)).map(|d| (*s, d))).collect();
    out.sort_by_key(|(s, d)| (*d, s.track));
    out
}
