//! After-sales repair and maintenance: seed 002 step 5 售后服務 (“the rep values after-sales
//! follow-up, communication and repairs 維修, striving for the customer's satisfaction”)
//! and seed 000 (“complete pre-sales and after-sales services”).
//!
//! A job is an editable document (equipment, problem, reported and promised dates, who
//! it is assigned to, the cost); its status steps are entries, forward only: reported →
//! scheduled → done → confirmed by the customer. A job is overdue when its promised date
//! has passed in the team's calendar (its time zone) and it is not done; how late it is
//! counts working days of that calendar. Overdue is computed, never stored.
//!
//! ```
//! use outpost::domain::repair::{RepairJob, RepairStatus};
//! let job = RepairJob { promised_on: "2026-03-10".parse().ok(), ..RepairJob::default() };
//! assert!(!job.is_overdue("2026-03-10".parse().unwrap()));
//! assert!(job.is_overdue("2026-03-11".parse().unwrap()));
//! assert_eq!(job.status(), RepairStatus::Reported);
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::calendar::TeamCalendar;

pub const MAX_TEXT: usize = 2000;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    #[default]
    Repair,
    Maintenance,
}

impl JobKind {
    pub const ALL: [JobKind; 2] = [JobKind::Repair, JobKind::Maintenance];
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairStatus {
    #[default]
    Reported,
    Scheduled,
    Done,
    /// The customer confirmed the work.
    Confirmed,
}

impl RepairStatus {
    pub const ALL: [RepairStatus; 4] =
        [RepairStatus::Reported, RepairStatus::Scheduled, RepairStatus::Done, RepairStatus::Confirmed];

    /// Whether the work itself is finished.
    pub fn is_done(self) -> bool {
        self >= RepairStatus::Done
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RepairError {
    #[error("a job names the equipment or product")]
    NoEquipment,
    #[error("a job says what the problem is")]
    NoProblem,
    #[error("a job is not reported in the future")]
    Future,
    #[error("the promised date is before the reported date")]
    PromiseBeforeReport,
    #[error("a cost is not negative")]
    NegativeCost,
    #[error("a text is at most {MAX_TEXT} characters")]
    TooLong,
    #[error("a job only moves forward, and is confirmed only once done")]
    Backward,
}

/// A status step as it was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepairStep {
    pub status: RepairStatus,
    pub by: String,
    pub at_ms: i64,
    pub note: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RepairJob {
    pub id: String,
    pub customer_id: String,
    pub kind: JobKind,
    pub equipment: String,
    pub problem: String,
    pub reported_on: NaiveDate,
    pub promised_on: Option<NaiveDate>,
    /// Who does the work (a name as typed, or a profile's name).
    pub assigned_to: String,
    /// The cost charged, in fen; `None` when free (e.g. under warranty).
    pub cost_fen: Option<i64>,
    /// Steps that counted, oldest first.
    pub steps: Vec<RepairStep>,
}

impl RepairJob {
    /// Trimmed copy of the typed fields.
    pub fn tidied(mut self) -> RepairJob {
        for s in [&mut self.equipment, &mut self.problem, &mut self.assigned_to] {
            *s = s.trim().to_owned();
        }
        self
    }

    /// Checked before it is saved.
    pub fn check(&self, today: NaiveDate) -> Result<(), RepairError> {
        if self.equipment.trim().is_empty() {
            return Err(RepairError::NoEquipment);
        }
        if self.problem.trim().is_empty() {
            return Err(RepairError::NoProblem);
        }
        if self.reported_on > today {
            return Err(RepairError::Future);
        }
        if self.promised_on.is_some_and(|p| p < self.reported_on) {
            return Err(RepairError::PromiseBeforeReport);
        }
        if self.cost_fen.is_some_and(|c| c < 0) {
            return Err(RepairError::NegativeCost);
        }
        if [&self.equipment, &self.problem, &self.assigned_to].iter().any(|t| t.chars().count() > MAX_TEXT) {
            return Err(RepairError::TooLong);
        }
        Ok(())
    }

    pub fn status(&self) -> RepairStatus {
        self.steps.last().map(|s| s.status).unwrap_or_default()
    }

    /// Whether `to` may follow the current status: forward only, and the customer
    /// confirms only work that is done.
    pub fn may_step(&self, to: RepairStatus) -> Result<(), RepairError> {
        let now = self.status();
        if to <= now || (to == RepairStatus::Confirmed && now != RepairStatus::Done) {
            return Err(RepairError::Backward);
        }
        Ok(())
    }

    /// Folds a recorded step; one that does not fit (backward, or two tablets stepping
    /// at once) is left out, so every device reads the same status.
    pub fn push_step(&mut self, step: RepairStep) {
        if self.may_step(step.status).is_ok() {
            self.steps.push(step);
        }
    }

    /// Promised date passed (the promised day itself is on time) and the work not done.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.status().is_done() && self.promised_on.is_some_and(|p| today > p)
    }

    /// Working days past the promise in the team calendar; 0 when not overdue.
    pub fn working_days_late(&self, cal: &TeamCalendar, today: NaiveDate) -> i64 {
        match self.promised_on {
            Some(p) if self.is_overdue(today) => cal.working_days_between(p, today).max(0),
            _ => 0,
        }
    }
}

/// The team list: overdue jobs first (longest past their promise first), then open jobs
/// by promised date (no date last), then finished ones newest first.
pub fn repair_list(jobs: &[RepairJob], today: NaiveDate) -> Vec<&RepairJob> {
    let mut out: Vec<&RepairJob> = jobs.iter().collect();
    let rank = |j: &RepairJob| match (j.is_overdue(today), j.status().is_done()) {
        (true, _) => 0,
        (false, false) => 1,
        (false, true) => 2,
    };
    out.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then_with(|| match rank(a) {
                2 => b.reported_on.cmp(&a.reported_on),
                _ => (a.promised_on.is_none(), a.promised_on).cmp(&(b.promised_on.is_none(), b.promised_on)),
            })
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(s: RepairStatus) -> RepairStep {
        RepairStep { status: s, by: "li".into(), at_ms: 0, note: String::new() }
    }

    #[test]
    fn seed002_a_job_steps_forward_and_is_confirmed_only_once_done() {
        let mut j = RepairJob::default();
        assert_eq!(j.may_step(RepairStatus::Confirmed), Err(RepairError::Backward));
        j.push_step(step(RepairStatus::Done));
        j.push_step(step(RepairStatus::Scheduled));
        assert_eq!(j.status(), RepairStatus::Done, "a backward step does not count");
        j.push_step(step(RepairStatus::Confirmed));
        assert_eq!(j.status(), RepairStatus::Confirmed);
    }
}
