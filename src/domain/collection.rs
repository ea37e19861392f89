//! Collection habits (**O2**): the payday and the times of day a customer prefers to be
//! asked for money, recorded on the customer file, and how they shape the receivables
//! reminders, whose lead time is a team setting.
//!
//! **Readings chosen** (domain.md leaves them open):
//! - A reminder starts `remind_days` before an instalment is due, or on the customer's
//!   last payday before the due date when that is earlier: the money is there from the
//!   payday, and by the due date it may be spent.
//! - The day to chase is that payday while it is still ahead, else today. An overdue
//!   instalment is chased today.
//! - A payday past a month's end (the 31st in February) falls on the month's last day.
//!
//! ```
//! use chrono::NaiveDate;
//! use outpost::domain::collection::payday_on_or_before;
//! let d = |s: &str| s.parse::<NaiveDate>().unwrap();
//! assert_eq!(payday_on_or_before(d("2026-03-20"), 25), d("2026-02-25"));
//! assert_eq!(payday_on_or_before(d("2026-03-20"), 31), d("2026-02-28")); // clamped
//! ```

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::receivable::{Ledger, Reminder};

/// A part of the day a customer prefers to be called about money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CollectSlot {
    Morning,
    Afternoon,
    Evening,
}

impl CollectSlot {
    pub const ALL: [CollectSlot; 3] = [CollectSlot::Morning, CollectSlot::Afternoon, CollectSlot::Evening];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            CollectSlot::Morning => "morning",
            CollectSlot::Afternoon => "afternoon",
            CollectSlot::Evening => "evening",
        }
    }

    pub fn from_code(code: &str) -> Option<CollectSlot> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What the rep knows of how a customer pays: `payday` (day of the month, 1–31) and the
/// preferred slots (empty = any time; "not mornings" = afternoon and evening).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct CollectionHabits {
    pub payday: Option<u32>,
    pub slots: Vec<CollectSlot>,
}

/// The team's collection setting: how many days before a due date reminders start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CollectionSettings {
    pub remind_days: u32,
}

impl Default for CollectionSettings {
    fn default() -> Self {
        Self { remind_days: 7 }
    }
}

/// The longest lead time a team may set: two months of warning is already a plan.
pub const MAX_REMIND_DAYS: u32 = 60;

/// Why a collection setting or habit was refused; the UI words each reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum CollectionError {
    #[error("a payday is a day of the month, 1 to 31")]
    BadPayday,
    #[error("the reminder lead time is 0 to {MAX_REMIND_DAYS} days")]
    BadRemindDays,
}

impl CollectionSettings {
    pub fn check(&self) -> Result<(), CollectionError> {
        if self.remind_days > MAX_REMIND_DAYS {
            return Err(CollectionError::BadRemindDays);
        }
        Ok(())
    }
}

/// A payday as typed: blank is none, else a whole day 1–31.
pub fn parse_payday(text: &str) -> Result<Option<u32>, CollectionError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u32>() {
        Ok(d) if (1..=31).contains(&d) => Ok(Some(d)),
        _ => Err(CollectionError::BadPayday),
    }
}

/// The payday in the month of `date`, clamped to the month's last day.
fn payday_in_month(date: NaiveDate, payday: u32) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    let last = first.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(date);
    first.with_day(payday.clamp(1, last.day())).unwrap_or(last)
}

/// The latest payday on or before `date`.
pub fn payday_on_or_before(date: NaiveDate, payday: u32) -> NaiveDate {
    let this = payday_in_month(date, payday);
    if this <= date {
        return this;
    }
    let prev = date.with_day(1).and_then(|d| d.checked_sub_days(Days::new(1))).unwrap_or(date);
    payday_in_month(prev, payday)
}

/// When and how to chase one reminder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChaseHint {
    /// The day to ask (today, or the payday still ahead).
    pub chase_on: NaiveDate,
    /// The customer's payday this reminder was timed by, if recorded.
    pub payday: Option<NaiveDate>,
    pub slots: Vec<CollectSlot>,
}

/// O2: the unpaid instalments to chase today, each with when and how; `habits` gives a
/// customer's recorded habits by id. Soonest due first.
pub fn chase_list(
    ledger: &Ledger,
    today: NaiveDate,
    settings: &CollectionSettings,
    habits: impl Fn(&str) -> CollectionHabits,
) -> Vec<(Reminder, ChaseHint)> {
    let mut out: Vec<(Reminder, ChaseHint)> = ledger
        .instalments
        .iter()
        .filter(|s| s.outstanding_fen() > 0)
        .filter_map(|s| {
            let h = habits(&s.customer_id);
            let lead_start = s.due.checked_sub_days(Days::new(u64::from(settings.remind_days))).unwrap_or(s.due);
            let payday = h.payday.map(|p| payday_on_or_before(s.due, p));
            let start = payday.map_or(lead_start, |p| p.min(lead_start));
            if today < start {
                return None;
            }
            let chase_on = match payday {
                Some(p) if p > today && s.due >= today => p,
                _ => today,
            };
            let days_until_due = (s.due - today).num_days();
            let r = Reminder {
                order_id: s.order_id.clone(),
                customer_id: s.customer_id.clone(),
                rep: s.rep.clone(),
                number: s.number,
                due: s.due,
                outstanding_fen: s.outstanding_fen(),
                days_until_due,
            };
            Some((r, ChaseHint { chase_on, payday, slots: h.slots }))
        })
        .collect();
    out.sort_by(|(a, _), (b, _)| (a.due, &a.order_id, a.number).cmp(&(b.due, &b.order_id, b.number)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn o2_a_payday_is_a_day_of_the_month_or_blank() {
        assert_eq!(parse_payday(" "), Ok(None));
        assert_eq!(parse_payday("25"), Ok(Some(25)));
        for bad in ["0", "32", "x", "-1", "2.5"] {
            assert_eq!(parse_payday(bad), Err(CollectionError::BadPayday), "{bad}");
        }
    }

    #[test]
    fn o2_the_payday_before_a_date_may_be_in_the_previous_month_and_is_clamped() {
        assert_eq!(payday_on_or_before(d("2026-03-25"), 25), d("2026-03-25"));
        assert_eq!(payday_on_or_before(d("2026-03-24"), 25), d("2026-02-25"));
        assert_eq!(payday_on_or_before(d("2026-03-05"), 31), d("2026-02-28"));
        assert_eq!(payday_on_or_before(d("2026-01-10"), 15), d("2025-12-15"));
    }

    #[test]
    fn o2_a_lead_time_over_sixty_days_is_refused() {
        assert_eq!(CollectionSettings { remind_days: 61 }.check(), Err(CollectionError::BadRemindDays));
        assert_eq!(CollectionSettings { remind_days: 0 }.check(), Ok(()));
    }
}
