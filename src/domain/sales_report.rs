//! The monthly sales report, rule **A3**: a rep's (or the team's) figures for a month
//! against their targets (T1–T3), with the improvements and next steps the rep writes.
//! Its sales line is the **V7** "assessed on monthly sales" figure: finance-confirmed
//! payments only ([`crate::domain::target`]).
//!
//! The figures are folded, never stored; only the rep's two texts are.

use chrono::NaiveDate;

use crate::domain::calendar::TeamCalendar;
use crate::domain::target::{standing, Measure, Period, Progress, Scope, TargetFacts, Targets};

/// Longest text kept for each of the rep's two parts.
pub const MAX_NOTE_CHARS: usize = 4000;

/// One measure of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLine {
    pub measure: Measure,
    /// The month's target, if one is set.
    pub target: Option<i64>,
    pub progress: Progress,
}

/// What the rep writes: improvements and next steps (A3).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportNotes {
    pub improvements: String,
    pub next_steps: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("a sales report covers a calendar month")]
    NotAMonth,
    #[error("a part of the report is longer than {max} characters")]
    TooLong { max: usize },
}

impl ReportNotes {
    pub fn check(&self) -> Result<(), ReportError> {
        let long = |t: &str| t.chars().count() > MAX_NOTE_CHARS;
        if long(&self.improvements) || long(&self.next_steps) {
            return Err(ReportError::TooLong { max: MAX_NOTE_CHARS });
        }
        Ok(())
    }
}

/// A3: every measure of `scope` for `month`, against its target, as of `today`.
pub fn report_lines(
    month: &Period,
    scope: &Scope,
    targets: &Targets,
    facts: &TargetFacts,
    today: NaiveDate,
    cal: &TeamCalendar,
) -> Vec<ReportLine> {
    Measure::ALL
        .into_iter()
        .map(|measure| {
            let (target, progress) = standing(targets, facts, month, measure, scope, today, cal);
            ReportLine { measure, target: target.map(|t| t.amount), progress }
        })
        .collect()
}
