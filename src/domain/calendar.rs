//! The team's working-day calendar: the clock every deadline in working days runs on.
//!
//! Rules that count working days: **V5** minutes are due within 2 working days of a
//! meeting; **C6** a new customer is entered within 2 working days and reviewed;
//! **A1** an application's review takes at most 3 working days.
//!
//! A day is a working day when it is not a weekend day and not a team holiday — unless
//! it is a *make-up working day* (调休上班): China moves weekend days to working days
//! around long holidays, so a make-up Saturday counts even though it is a weekend.
//!
//! The team's time zone is a fixed UTC offset. That keeps the domain free of a time-zone
//! database (mainland China has no daylight saving); a team that observes DST changes
//! the setting twice a year. Instants are epoch milliseconds, always passed in.
//!
//! ```
//! use chrono::NaiveDate;
//! use outpost::domain::calendar::TeamCalendar;
//! let cal = TeamCalendar::default(); // Mon–Fri, UTC+8, no holidays
//! let friday = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
//! // Minutes for a Friday meeting are due on Tuesday (V5).
//! assert_eq!(cal.add_working_days(friday, 2).unwrap(), NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
//! ```

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CalendarError {
    /// Every weekday is a weekend and no make-up day lies ahead: no deadline can fall.
    #[error("the calendar has no working days")]
    NoWorkingDays,
    #[error("UTC offset {0} minutes is outside -12:00..+14:00")]
    OffsetOutOfRange(i32),
    #[error("line {line}: {text:?} is not a date (YYYY-MM-DD)")]
    BadDate { line: usize, text: String },
}

const MIN_OFFSET: i32 = -12 * 60;
const MAX_OFFSET: i32 = 14 * 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamCalendar {
    /// Days of the week off, as `Weekday::num_days_from_monday` (5 = Sat, 6 = Sun).
    pub weekend: BTreeSet<u8>,
    /// Team holidays; a holiday on a weekday is a day off.
    pub holidays: BTreeSet<NaiveDate>,
    /// Weekend days worked to make up for a holiday; they are working days.
    pub makeup_days: BTreeSet<NaiveDate>,
    /// The team's time zone, minutes east of UTC (480 = China Standard Time).
    pub utc_offset_minutes: i32,
}

impl Default for TeamCalendar {
    fn default() -> Self {
        Self {
            weekend: [5, 6].into(),
            holidays: BTreeSet::new(),
            makeup_days: BTreeSet::new(),
            utc_offset_minutes: 8 * 60,
        }
    }
}

impl TeamCalendar {
    pub fn is_weekend(&self, day: NaiveDate) -> bool {
        self.weekend.contains(&(day.weekday().num_days_from_monday() as u8))
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.makeup_days.contains(&day) {
            return true;
        }
        !self.is_weekend(day) && !self.holidays.contains(&day)
    }

    /// The date `n` working days after `start` (`start` itself never counts). `n = 0`
    /// returns `start`.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let mut day = start;
        let mut left = n;
        // A week without a working day, past the last make-up day, means none will come.
        let last_makeup = self.makeup_days.iter().next_back().copied();
        let mut idle_days = 0u32;
        while left > 0 {
            day = day.succ_opt().ok_or(CalendarError::NoWorkingDays)?;
            if self.is_working_day(day) {
                left -= 1;
                idle_days = 0;
            } else {
                idle_days += 1;
                let past_makeups = last_makeup.is_none_or(|m| day > m);
                if idle_days > 7 && past_makeups && self.weekend.len() >= 7 {
                    return Err(CalendarError::NoWorkingDays);
                }
                // Holidays alone cannot block forever unless the list is absurd; cap the
                // search at ten years rather than trusting the data.
                if idle_days > 3660 {
                    return Err(CalendarError::NoWorkingDays);
                }
            }
        }
        Ok(day)
    }

    /// Working days `d` with `from < d <= to`; negative when `to` is before `from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return -self.working_days_between(to, from);
        }
        let mut count = 0;
        let mut day = from;
        while day < to {
            day = match day.succ_opt() {
                Some(d) => d,
                None => break,
            };
            if self.is_working_day(day) {
                count += 1;
            }
        }
        count
    }

    fn offset(&self) -> FixedOffset {
        // Validated on every set; fall back to UTC for a value edited by hand in storage.
        FixedOffset::east_opt(self.utc_offset_minutes * 60).unwrap_or(FixedOffset::east_opt(0).expect("UTC"))
    }

    /// The team-local calendar date of an instant.
    pub fn local_date(&self, instant_ms: i64) -> NaiveDate {
        DateTime::from_timestamp_millis(instant_ms).unwrap_or_default().with_timezone(&self.offset()).date_naive()
    }

    /// An instant as the team's local date and time to the minute, `2026-03-14T09:00`:
    /// what a `datetime-local` field shows and how event times read, the same on every
    /// tablet whatever its own time zone (issue 18).
    pub fn local_minute(&self, instant_ms: i64) -> String {
        let at = DateTime::from_timestamp_millis(instant_ms).unwrap_or_default().with_timezone(&self.offset());
        at.format("%Y-%m-%dT%H:%M").to_string()
    }

    /// The team's zone as people write it: `UTC+08:00`.
    pub fn zone_text(&self) -> String {
        let m = self.utc_offset_minutes;
        format!("UTC{}{:02}:{:02}", if m < 0 { '-' } else { '+' }, m.abs() / 60, m.abs() % 60)
    }

    /// A team-local `YYYY-MM-DDTHH:MM` (seconds allowed) as an instant; `None` when empty
    /// or not a date and time.
    pub fn instant_of_local(&self, text: &str) -> Option<i64> {
        let t = text.trim();
        let naive = NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M")
            .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S"))
            .ok()?;
        naive.and_local_timezone(self.offset()).single().map(|d| d.timestamp_millis())
    }

    /// The due date of something that must happen `n` working days after `instant_ms`.
    pub fn due_date_after(&self, instant_ms: i64, n: u32) -> Result<NaiveDate, CalendarError> {
        self.add_working_days(self.local_date(instant_ms), n)
    }

    /// Overdue once the team-local date of `now_ms` is past the due date.
    pub fn is_overdue(&self, start_ms: i64, n: u32, now_ms: i64) -> Result<bool, CalendarError> {
        Ok(self.local_date(now_ms) > self.due_date_after(start_ms, n)?)
    }

    pub fn set_utc_offset_minutes(&mut self, minutes: i32) -> Result<(), CalendarError> {
        if !(MIN_OFFSET..=MAX_OFFSET).contains(&minutes) {
            return Err(CalendarError::OffsetOutOfRange(minutes));
        }
        self.utc_offset_minutes = minutes;
        Ok(())
    }
}

/// Parses a textarea of ISO dates, one per line; blank lines are skipped and the first
/// bad line is reported by number (1-based) and text.
pub fn parse_date_list(text: &str) -> Result<BTreeSet<NaiveDate>, CalendarError> {
    let mut out = BTreeSet::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let date = NaiveDate::parse_from_str(line, "%Y-%m-%d")
            .map_err(|_| CalendarError::BadDate { line: i + 1, text: line.to_owned() })?;
        out.insert(date);
    }
    Ok(out)
}
