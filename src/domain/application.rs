//! Applications (the credit-card sales document): rule **A1** — a checklist of required
//! materials per product, a status with its history, feedback to the customer, and a
//! review of at most 3 working days — and the **A2** KPI helpers.
//!
//! **Review time** is counted on the team's [`TeamCalendar`] from the day an application
//! is submitted to the day it is decided (or today while undecided): the working days
//! after the submission day up to and including the decision day, so a Friday
//! submission decided on Wednesday took 3. More than [`KpiTargets::review_max_working_days`]
//! is flagged. An application returned for more materials starts a new review round on
//! resubmission; each round is counted on its own, and any late round flags it.
//!
//! **KPIs** are exact ratios of whole counts ([`Ratio`]), compared to their targets by
//! cross-multiplying, never through floats.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::calendar::TeamCalendar;
use crate::domain::service::Satisfaction;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApplicationError {
    #[error("no checklist is defined for product {0}")]
    UnknownProduct(String),
    #[error("materials are missing: {}", .0.join(", "))]
    Incomplete(Vec<String>),
    #[error("an application that is {status:?} cannot be {wanted}")]
    WrongStatus { status: ApplicationStatus, wanted: &'static str },
    #[error("a decision needs feedback for the customer")]
    NoFeedback,
}

/// Required materials per product (ID copy, proof of income…), a team setting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklists(pub BTreeMap<String, Vec<String>>);

impl Checklists {
    pub fn required(&self, product: &str) -> Result<&[String], ApplicationError> {
        self.0.get(product).map(Vec::as_slice).ok_or_else(|| ApplicationError::UnknownProduct(product.to_owned()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    /// Materials being collected.
    Collecting,
    /// Under review.
    Submitted,
    /// Sent back to the customer for more materials.
    Returned,
    Approved,
    Rejected,
}

/// A reviewer's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Approved,
    Rejected,
    Returned,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: ApplicationStatus,
    pub by: String,
    pub at_ms: i64,
    /// What the customer was told (A1 feedback); empty on submission.
    pub feedback: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub id: String,
    pub customer_id: String,
    pub product: String,
    pub rep: String,
    pub received: BTreeSet<String>,
    pub history: Vec<StatusChange>,
}

/// One submission and its decision, as local dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewRound {
    pub submitted_ms: i64,
    pub decided_ms: Option<i64>,
}

impl Application {
    pub fn new(
        id: impl Into<String>,
        customer_id: impl Into<String>,
        product: impl Into<String>,
        rep: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            customer_id: customer_id.into(),
            product: product.into(),
            rep: rep.into(),
            received: BTreeSet::new(),
            history: Vec::new(),
        }
    }

    pub fn status(&self) -> ApplicationStatus {
        self.history.last().map_or(ApplicationStatus::Collecting, |c| c.status)
    }

    /// Required materials not yet received, in checklist order.
    pub fn missing(&self, lists: &Checklists) -> Result<Vec<String>, ApplicationError> {
        Ok(lists.required(&self.product)?.iter().filter(|m| !self.received.contains(*m)).cloned().collect())
    }

    pub fn is_complete(&self, lists: &Checklists) -> Result<bool, ApplicationError> {
        Ok(self.missing(lists)?.is_empty())
    }

    /// A1: only a complete application goes to review.
    pub fn submit(&mut self, lists: &Checklists, by: &str, at_ms: i64) -> Result<(), ApplicationError> {
        let status = self.status();
        if !matches!(status, ApplicationStatus::Collecting | ApplicationStatus::Returned) {
            return Err(ApplicationError::WrongStatus { status, wanted: "submitted" });
        }
        let missing = self.missing(lists)?;
        if !missing.is_empty() {
            return Err(ApplicationError::Incomplete(missing));
        }
        self.history.push(StatusChange {
            status: ApplicationStatus::Submitted,
            by: by.to_owned(),
            at_ms,
            feedback: String::new(),
        });
        Ok(())
    }

    /// A1: every decision carries the feedback the customer receives.
    pub fn decide(&mut self, outcome: Outcome, by: &str, at_ms: i64, feedback: &str) -> Result<(), ApplicationError> {
        let status = self.status();
        if status != ApplicationStatus::Submitted {
            return Err(ApplicationError::WrongStatus { status, wanted: "decided" });
        }
        if feedback.trim().is_empty() {
            return Err(ApplicationError::NoFeedback);
        }
        let status = match outcome {
            Outcome::Approved => ApplicationStatus::Approved,
            Outcome::Rejected => ApplicationStatus::Rejected,
            Outcome::Returned => ApplicationStatus::Returned,
        };
        self.history.push(StatusChange { status, by: by.to_owned(), at_ms, feedback: feedback.trim().to_owned() });
        Ok(())
    }

    pub fn review_rounds(&self) -> Vec<ReviewRound> {
        let mut rounds: Vec<ReviewRound> = Vec::new();
        for c in &self.history {
            match c.status {
                ApplicationStatus::Submitted => rounds.push(ReviewRound { submitted_ms: c.at_ms, decided_ms: None }),
                _ => {
                    if let Some(r) = rounds.last_mut().filter(|r| r.decided_ms.is_none()) {
                        r.decided_ms = Some(c.at_ms);
                    }
                }
            }
        }
        rounds
    }

    /// Working days each round took, an undecided one counted to `now_ms`.
    pub fn review_working_days(&self, cal: &TeamCalendar, now_ms: i64) -> Vec<i64> {
        self.review_rounds()
            .iter()
            .map(|r| {
                cal.working_days_between(cal.local_date(r.submitted_ms), cal.local_date(r.decided_ms.unwrap_or(now_ms)))
            })
            .collect()
    }

    /// A1: some review round took (or is taking) more than `max_working_days`.
    pub fn review_late(&self, cal: &TeamCalendar, now_ms: i64, max_working_days: u32) -> bool {
        self.review_working_days(cal, now_ms).iter().any(|d| *d > i64::from(max_working_days))
    }
}

/// A2 targets, a team setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KpiTargets {
    /// New accounts per month, as a percentage of the month's target.
    pub new_accounts_percent: u64,
    pub satisfaction_percent: u64,
    pub review_max_working_days: u32,
    /// The lowest 1–5 score that counts as satisfied.
    pub satisfied_from: u8,
}

impl Default for KpiTargets {
    fn default() -> Self {
        Self { new_accounts_percent: 80, satisfaction_percent: 90, review_max_working_days: 3, satisfied_from: 4 }
    }
}

pub use super::ratio::Ratio;

/// A2: customers converted ÷ customers contacted in the period. A converted customer
/// who was not contacted in the period does not count.
pub fn conversion_rate(contacted: &BTreeSet<String>, converted: &BTreeSet<String>) -> Ratio {
    Ratio::new(converted.intersection(contacted).count() as u64, contacted.len() as u64)
}

/// A2: share of scored service items scored satisfied or better.
pub fn satisfaction_rate(s: &Satisfaction) -> Ratio {
    Ratio::new(s.satisfied, s.scored)
}

/// A2: satisfaction ≥ the target (90 %); `None` with no scores.
pub fn satisfaction_met(s: &Satisfaction, t: &KpiTargets) -> Option<bool> {
    satisfaction_rate(s).meets(t.satisfaction_percent)
}

/// A2: new accounts this month ≥ 80 % of the month's target; `None` without a target.
pub fn new_accounts_met(new_accounts: u64, monthly_target: u64, t: &KpiTargets) -> Option<bool> {
    Ratio::new(new_accounts, monthly_target).meets(t.new_accounts_percent)
}

/// A2: decided applications whose every review round kept to the limit ÷ decided ones.
pub fn review_on_time_rate(apps: &[Application], cal: &TeamCalendar, now_ms: i64, t: &KpiTargets) -> Ratio {
    let decided: Vec<&Application> = apps
        .iter()
        .filter(|a| matches!(a.status(), ApplicationStatus::Approved | ApplicationStatus::Rejected))
        .collect();
    let on_time = decided.iter().filter(|a| !a.review_late(cal, now_ms, t.review_max_working_days)).count();
    Ratio::new(on_time as u64, decided.len() as u64)
}

/// A2: complaints ÷ customers served in the period.
pub fn complaint_rate(complaints: u64, customers: u64) -> Ratio {
    Ratio::new(complaints, customers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists() -> Checklists {
        Checklists([("gold".to_owned(), vec!["id copy".to_owned(), "income proof".to_owned()])].into())
    }

    #[test]
    fn a1_an_incomplete_application_cannot_be_submitted_and_names_what_is_missing() {
        let mut app = Application::new("a", "c", "gold", "li");
        app.received.insert("id copy".into());
        assert_eq!(app.submit(&lists(), "li", 1), Err(ApplicationError::Incomplete(vec!["income proof".into()])));
        app.received.insert("income proof".into());
        assert_eq!(app.submit(&lists(), "li", 1), Ok(()));
        assert_eq!(app.status(), ApplicationStatus::Submitted);
    }

    #[test]
    fn a1_a_decision_without_feedback_for_the_customer_is_refused() {
        let mut app = Application::new("a", "c", "gold", "li");
        app.received.extend(["id copy".to_owned(), "income proof".to_owned()]);
        app.submit(&lists(), "li", 1).unwrap();
        assert_eq!(app.decide(Outcome::Approved, "bo", 2, " "), Err(ApplicationError::NoFeedback));
        app.decide(Outcome::Returned, "bo", 2, "please add a payslip").unwrap();
        app.submit(&lists(), "li", 3).unwrap();
        assert_eq!(app.review_rounds().len(), 2);
    }

    #[test]
    fn a2_ratios_compare_to_targets_exactly() {
        assert_eq!(Ratio::new(9, 10).meets(90), Some(true));
        assert_eq!(Ratio::new(89, 100).meets(90), Some(false));
        assert_eq!(Ratio::new(0, 0).meets(90), None);
        assert_eq!(Ratio::new(2, 3).per_mille(), Some(667));
    }
}
