//! Training records: seed 003 职责六 (a rep attends the company's sales trainings and
//! keeps a training record 培训记录).
//!
//! A training attended is a fact, so each record is an immutable entry (who attended,
//! the day, title, topic or product, hours, trainer, notes), written by the rep or by a
//! manager for a rep of the team. A mistaken record is not edited away: a correction
//! is a new record (hours may not be negative, so a wrong one stays visible with the
//! right one beside it, which is what an audit of training hours wants). Hours per
//! period are folded, never stored.
//!
//! ```
//! use outpost::domain::training::{hours_per_rep, Training};
//! use outpost::domain::target::Period;
//! let t = Training { rep: "li".into(), day: "2026-03-02".parse().unwrap(), title: "Gold card".into(),
//!     topic: "credit cards".into(), minutes: 90, trainer: "Ms Zhou".into(), notes: String::new() };
//! let hours = hours_per_rep(&[t], &Period::parse("2026-03").unwrap());
//! assert_eq!(hours["li"], 90);
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::target::Period;

/// Longest training a day can hold, minutes.
pub const MAX_MINUTES: i64 = 24 * 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Training {
    pub rep: String,
    pub day: NaiveDate,
    pub title: String,
    /// The topic or product taught.
    pub topic: String,
    /// How long, in minutes (hours are shown to one decimal).
    pub minutes: i64,
    pub trainer: String,
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TrainingError {
    #[error("a training has a title")]
    NoTitle,
    #[error("a training lasts more than nothing and at most a day")]
    BadHours,
    #[error("a training attended is not in the future")]
    Future,
}

impl Training {
    /// Seed 003 职责六: a title, a length above zero and at most a day, a day not to come.
    pub fn check(&self, today: NaiveDate) -> Result<(), TrainingError> {
        if self.title.trim().is_empty() {
            return Err(TrainingError::NoTitle);
        }
        if self.minutes <= 0 || self.minutes > MAX_MINUTES {
            return Err(TrainingError::BadHours);
        }
        if self.day > today {
            return Err(TrainingError::Future);
        }
        Ok(())
    }
}

/// Minutes of training per rep in `period`.
pub fn hours_per_rep(trainings: &[Training], period: &Period) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for t in trainings.iter().filter(|t| period.contains(t.day)) {
        *out.entry(t.rep.clone()).or_insert(0) += t.minutes;
    }
    out
}

/// "1.5" from 90 minutes: hours to one decimal, rounded half up.
pub fn hours_text(minutes: i64) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Minutes from hours typed as "1.5", "2" or "0,5"; `None` for anything else.
pub fn parse_hours(text: &str) -> Option<i64> {
    let t = text.trim().replace(',', ".");
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty() && frac.is_empty() || frac.len() > 2 {
        return None;
    }
    let w: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let f: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<2}").parse().ok()? };
    if w < 0 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(w * 60 + f * 60 / 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed003_hours_are_read_and_shown_to_a_tenth() {
        assert_eq!(parse_hours("1.5"), Some(90));
        assert_eq!(parse_hours("2"), Some(120));
        assert_eq!(parse_hours("0,25"), Some(15));
        assert_eq!(parse_hours("x"), None);
        assert_eq!(parse_hours("-1"), None);
        assert_eq!(hours_text(90), "1.5");
        assert_eq!(hours_text(20), "0.3");
    }
}
