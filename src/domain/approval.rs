//! Key-account approvals: rules **K1** (a support request, reviewed by the key-account
//! supervisor, then approved by the key-account manager, each with an opinion) and
//! **K3** (the service evaluation after a **K2** activity, the same two steps, and a
//! return visit within one week to collect the customer's opinion).
//!
//! The two steps run in order: approval before review is refused, and either step may
//! reject, which ends the request. Who holds which key-account role is a team setting
//! ([`KeyAccountRoles`]), checked at each step; the reviewer and the approver must be
//! two different people, or the second step would check nothing.
//!
//! ```
//! use outpost::domain::approval::{Approval, ApprovalStatus, KeyAccountRoles};
//! let roles = KeyAccountRoles { supervisors: ["zhou".into()].into(), managers: ["boss".into()].into() };
//! let mut a = Approval::default();
//! a.review(&roles, "zhou", "worth it", true, 1).unwrap();
//! a.approve(&roles, "boss", "go ahead", true, 2).unwrap();
//! assert_eq!(a.status(), ApprovalStatus::Approved);
//! ```

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApprovalError {
    #[error("{by} is not a key-account {step}")]
    WrongRole { step: Step, by: String },
    #[error("the supervisor's review comes before the manager's approval")]
    NotReviewed,
    #[error("this request has already been decided")]
    AlreadyDecided,
    #[error("the request was already reviewed")]
    AlreadyReviewed,
    #[error("an opinion is required")]
    NoOpinion,
    #[error("the reviewer cannot also approve")]
    SamePerson,
    #[error("the request does not say what support is wanted")]
    NoSupportWanted,
    #[error("the request names no applicant")]
    NoApplicant,
    #[error("the evaluation is empty")]
    NoEvaluation,
    #[error("an evaluation cannot be written before the activity on {activity_on}")]
    BeforeActivity { activity_on: NaiveDate },
}

/// The two steps of K1 and K3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// By the key-account supervisor.
    Review,
    /// By the key-account manager.
    Approve,
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Step::Review => "supervisor",
            Step::Approve => "manager",
        })
    }
}

/// Who the team has made key-account supervisor and key-account manager (profile ids).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyAccountRoles {
    pub supervisors: BTreeSet<String>,
    pub managers: BTreeSet<String>,
}

impl KeyAccountRoles {
    pub fn may(&self, step: Step, profile: &str) -> bool {
        match step {
            Step::Review => self.supervisors.contains(profile),
            Step::Approve => self.managers.contains(profile),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub step: Step,
    pub by: String,
    pub opinion: String,
    pub passed: bool,
    pub at_ms: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalStatus {
    AwaitingReview,
    AwaitingApproval,
    Approved,
    Rejected { at: Step },
}

/// The two-step decision trail; its status is derived from it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub decisions: Vec<Decision>,
}

impl Approval {
    pub fn status(&self) -> ApprovalStatus {
        match self.decisions.last() {
            None => ApprovalStatus::AwaitingReview,
            Some(d) if !d.passed => ApprovalStatus::Rejected { at: d.step },
            Some(Decision { step: Step::Review, .. }) => ApprovalStatus::AwaitingApproval,
            Some(Decision { step: Step::Approve, .. }) => ApprovalStatus::Approved,
        }
    }

    /// Step 1: the key-account supervisor reviews, passing it on or rejecting it.
    pub fn review(
        &mut self,
        roles: &KeyAccountRoles,
        by: &str,
        opinion: &str,
        pass: bool,
        at_ms: i64,
    ) -> Result<(), ApprovalError> {
        match self.status() {
            ApprovalStatus::AwaitingReview => {}
            ApprovalStatus::AwaitingApproval => return Err(ApprovalError::AlreadyReviewed),
            _ => return Err(ApprovalError::AlreadyDecided),
        }
        self.decide(roles, Step::Review, by, opinion, pass, at_ms)
    }

    /// Step 2: the key-account manager approves or rejects a reviewed request.
    pub fn approve(
        &mut self,
        roles: &KeyAccountRoles,
        by: &str,
        opinion: &str,
        pass: bool,
        at_ms: i64,
    ) -> Result<(), ApprovalError> {
        match self.status() {
            ApprovalStatus::AwaitingApproval => {}
            ApprovalStatus::AwaitingReview => return Err(ApprovalError::NotReviewed),
            _ => return Err(ApprovalError::AlreadyDecided),
        }
        if self.decisions.iter().any(|d| d.step == Step::Review && d.by == by) {
            return Err(ApprovalError::SamePerson);
        }
        self.decide(roles, Step::Approve, by, opinion, pass, at_ms)
    }

    fn decide(
        &mut self,
        roles: &KeyAccountRoles,
        step: Step,
        by: &str,
        opinion: &str,
        passed: bool,
        at_ms: i64,
    ) -> Result<(), ApprovalError> {
        if !roles.may(step, by) {
            return Err(ApprovalError::WrongRole { step, by: by.to_owned() });
        }
        if opinion.trim().is_empty() {
            return Err(ApprovalError::NoOpinion);
        }
        self.decisions.push(Decision { step, by: by.to_owned(), opinion: opinion.trim().to_owned(), passed, at_ms });
        Ok(())
    }
}

/// What K1 asks the applicant to tell about the customer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerFacts {
    pub deeper_needs: String,
    pub changes: String,
    pub organisation: String,
    pub personnel_changes: String,
}

/// K1: a support request for a key account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportRequest {
    pub id: String,
    pub customer_id: String,
    pub applicant: String,
    pub date: NaiveDate,
    pub support_wanted: String,
    pub facts: CustomerFacts,
    pub approval: Approval,
}

impl SupportRequest {
    pub fn new(
        id: impl Into<String>,
        customer_id: impl Into<String>,
        applicant: &str,
        date: NaiveDate,
        support_wanted: &str,
        facts: CustomerFacts,
    ) -> Result<Self, ApprovalError> {
        if applicant.trim().is_empty() {
            return Err(ApprovalError::NoApplicant);
        }
        if support_wanted.trim().is_empty() {
            return Err(ApprovalError::NoSupportWanted);
        }
        Ok(Self {
            id: id.into(),
            customer_id: customer_id.into(),
            applicant: applicant.trim().to_owned(),
            date,
            support_wanted: support_wanted.trim().to_owned(),
            facts,
            approval: Approval::default(),
        })
    }
}

/// K2: the kinds of key-account activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    TechnicalSeminar,
    IndustryMeeting,
    AppreciationEvent,
    Launch,
    Tickets,
}

impl ActivityKind {
    /// The stored name (as serde writes it), for tests and data attributes.
    pub fn code(self) -> &'static str {
        match self {
            ActivityKind::TechnicalSeminar => "technical_seminar",
            ActivityKind::IndustryMeeting => "industry_meeting",
            ActivityKind::AppreciationEvent => "appreciation_event",
            ActivityKind::Launch => "launch",
            ActivityKind::Tickets => "tickets",
        }
    }
}

/// Days after an activity by which the return visit is due (K3, V6: "within 1 week").
pub const RETURN_VISIT_DAYS: u64 = 7;

/// K3: the service evaluation of an activity for one customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceEvaluation {
    pub id: String,
    pub customer_id: String,
    pub activity: ActivityKind,
    pub activity_on: NaiveDate,
    pub written_on: NaiveDate,
    pub evaluation: String,
    pub approval: Approval,
    /// The day of the return visit that collected the customer's opinion.
    pub return_visit_on: Option<NaiveDate>,
    pub customer_opinion: String,
}

impl ServiceEvaluation {
    pub fn new(
        id: impl Into<String>,
        customer_id: impl Into<String>,
        activity: ActivityKind,
        activity_on: NaiveDate,
        written_on: NaiveDate,
        evaluation: &str,
    ) -> Result<Self, ApprovalError> {
        if written_on < activity_on {
            return Err(ApprovalError::BeforeActivity { activity_on });
        }
        if evaluation.trim().is_empty() {
            return Err(ApprovalError::NoEvaluation);
        }
        Ok(Self {
            id: id.into(),
            customer_id: customer_id.into(),
            activity,
            activity_on,
            written_on,
            evaluation: evaluation.trim().to_owned(),
            approval: Approval::default(),
            return_visit_on: None,
            customer_opinion: String::new(),
        })
    }

    /// The last day the return visit may take place: 7 calendar days after the activity.
    pub fn return_visit_due(&self) -> NaiveDate {
        self.activity_on.checked_add_days(Days::new(RETURN_VISIT_DAYS)).unwrap_or(NaiveDate::MAX)
    }

    /// K3: no return visit yet and the week is over.
    pub fn return_visit_overdue(&self, today: NaiveDate) -> bool {
        self.return_visit_on.is_none() && today > self.return_visit_due()
    }

    /// Whether the return visit (if any) came within the week.
    pub fn return_visit_on_time(&self) -> Option<bool> {
        self.return_visit_on.map(|v| v <= self.return_visit_due())
    }
}

/// K3 for the cadence and the Today list: every evaluated activity whose return visit
/// has not happened, as `(customer id, last day for the visit)`, soonest first.
pub fn return_visits_due(evaluations: &[ServiceEvaluation]) -> Vec<(String, NaiveDate)> {
    let mut out: Vec<(String, NaiveDate)> = evaluations
        .iter()
        .filter(|e| e.return_visit_on.is_none())
        .map(|e| (e.customer_id.clone(), e.return_visit_due()))
        .collect();
    out.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles() -> KeyAccountRoles {
        KeyAccountRoles { supervisors: ["zhou".into(), "boss".into()].into(), managers: ["boss".into()].into() }
    }

    #[test]
    fn k1_a_rejected_review_ends_the_request() {
        let mut a = Approval::default();
        a.review(&roles(), "zhou", "not now", false, 1).unwrap();
        assert_eq!(a.status(), ApprovalStatus::Rejected { at: Step::Review });
        assert_eq!(a.approve(&roles(), "boss", "ok", true, 2), Err(ApprovalError::AlreadyDecided));
    }

    #[test]
    fn k1_the_reviewer_cannot_also_approve() {
        let mut a = Approval::default();
        a.review(&roles(), "boss", "fine", true, 1).unwrap();
        assert_eq!(a.approve(&roles(), "boss", "fine", true, 2), Err(ApprovalError::SamePerson));
    }

    #[test]
    fn k3_the_return_visit_is_due_within_a_week_of_the_activity() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let e = ServiceEvaluation::new(
            "e",
            "c",
            ActivityKind::TechnicalSeminar,
            d("2026-05-08"),
            d("2026-05-09"),
            "well attended",
        )
        .unwrap();
        assert_eq!(e.return_visit_due(), d("2026-05-15"));
        assert!(!e.return_visit_overdue(d("2026-05-15")));
        assert!(e.return_visit_overdue(d("2026-05-16")));
        let early = ServiceEvaluation::new("e", "c", ActivityKind::Launch, d("2026-05-08"), d("2026-05-07"), "x");
        assert_eq!(early, Err(ApprovalError::BeforeActivity { activity_on: d("2026-05-08") }));
    }
}
