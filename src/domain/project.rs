//! Projects: rules **J1** (stages), **J2** (key dates, bid documents ready 2 days before
//! the bid deadline) and **J3** (contract, advance payment, early stocking, early final
//! payment).
//!
//! The project itself is an LWW document (name, key dates, checklist, milestones); each
//! stage change is an immutable entry, and [`stage_history`] folds them, so two tablets
//! that moved a project offline agree on its stage once merged.
//!
//! Readings chosen where the rules leave room:
//! - **J1** A project only moves forward; it may skip stages (a direct award never goes
//!   to bidding). A backward change is refused when written, and skipped by the fold
//!   (it can only come from a stale tablet). A project may be entered at any stage.
//! - **J2** "2 days" are calendar days before the team-local date of the deadline: the
//!   documents must be ready by the end of that day, whatever the weekday — doing it
//!   earlier is always allowed, so no working-day shift is applied.
//! - **J3** Advance payment, early stocking and early final payment follow the contract:
//!   none can be marked done while the contract is not. Payments carry integer fen.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::calendar::TeamCalendar;

/// J1, in order; `Ord` follows the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStage {
    PreliminaryDesign,
    Bidding,
    DetailedDesign,
    StockingExecution,
    Acceptance,
}

impl ProjectStage {
    /// V6 reads "early design" as preliminary design.
    pub fn is_early_design(self) -> bool {
        self == Self::PreliminaryDesign
    }
}

/// A stage change entry (J1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    pub id: String,
    pub stage: ProjectStage,
    pub at_ms: i64,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StageHistory {
    pub current: Option<ProjectStage>,
    /// When the current stage was entered.
    pub since_ms: Option<i64>,
    /// The changes that took effect, oldest first.
    pub history: Vec<StageChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    Contract,
    AdvancePayment,
    EarlyStocking,
    EarlyFinalPayment,
}

impl MilestoneKind {
    fn is_payment(self) -> bool {
        matches!(self, Self::AdvancePayment | Self::EarlyFinalPayment)
    }
}

/// J3: one milestone; `done_ms` is set when it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub kind: MilestoneKind,
    pub planned_on: Option<NaiveDate>,
    pub done_ms: Option<i64>,
    /// Payments only: the amount in fen.
    pub amount_fen: Option<i64>,
}

/// J2: one item of the bid documents checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub label: String,
    pub ready: bool,
}

/// J2: other key dates (site survey, bid opening, delivery, …), labelled by the team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyDate {
    pub label: String,
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub id: String,
    pub customer_id: String,
    pub name: String,
    pub bid_deadline_ms: Option<i64>,
    pub key_dates: Vec<KeyDate>,
    pub bid_checklist: Vec<ChecklistItem>,
    pub milestones: Vec<Milestone>,
}

/// J2: the checklist a new project starts with; the team may add items.
pub fn default_bid_checklist() -> Vec<ChecklistItem> {
    ["authorisation", "bid documents"]
        .into_iter()
        .map(|label| ChecklistItem { label: label.into(), ready: false })
        .collect()
}

/// Calendar days before the bid deadline by which the bid documents are ready (J2).
pub const J2_DAYS_BEFORE_BID: u64 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProjectError {
    #[error("the project is already at {0:?}")]
    Unchanged(ProjectStage),
    #[error("a project cannot move back from {from:?} to {to:?}")]
    Backward { from: ProjectStage, to: ProjectStage },
    #[error("{0:?} cannot be done before the contract")]
    BeforeContract(MilestoneKind),
    #[error("{0:?} needs an amount above zero fen")]
    BadAmount(MilestoneKind),
    #[error("{0:?} appears twice")]
    DuplicateMilestone(MilestoneKind),
}

/// J1: may a project at `from` move to `to`?
pub fn check_transition(from: Option<ProjectStage>, to: ProjectStage) -> Result<(), ProjectError> {
    match from {
        Some(f) if f == to => Err(ProjectError::Unchanged(to)),
        Some(f) if to < f => Err(ProjectError::Backward { from: f, to }),
        _ => Ok(()),
    }
}

/// J1: the stage changes, in any order, folded by `(at_ms, id)`; changes that would not
/// move the project forward are skipped.
pub fn stage_history(changes: &[StageChange]) -> StageHistory {
    let mut order: Vec<&StageChange> = changes.iter().collect();
    order.sort_by(|a, b| (a.at_ms, &a.id).cmp(&(b.at_ms, &b.id)));
    let mut out = StageHistory::default();
    for change in order {
        if check_transition(out.current, change.stage).is_ok() {
            out.current = Some(change.stage);
            out.since_ms = Some(change.at_ms);
            out.history.push(change.clone());
        }
    }
    out
}

/// J2: where the bid documents stand against their due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BidDocsStatus {
    pub due_on: NaiveDate,
    /// Calendar days from today to `due_on`; negative once past.
    pub days_left: i64,
    pub missing: Vec<String>,
    /// Past the due date with items still missing.
    pub not_ready: bool,
}

impl Project {
    /// J2: `None` when the project has no bid deadline.
    pub fn bid_docs(&self, cal: &TeamCalendar, now_ms: i64) -> Option<BidDocsStatus> {
        let deadline = cal.local_date(self.bid_deadline_ms?);
        let due_on = deadline.checked_sub_days(Days::new(J2_DAYS_BEFORE_BID))?;
        let days_left = (due_on - cal.local_date(now_ms)).num_days();
        let missing: Vec<String> = self.bid_checklist.iter().filter(|i| !i.ready).map(|i| i.label.clone()).collect();
        let not_ready = days_left < 0 && !missing.is_empty();
        Some(BidDocsStatus { due_on, days_left, missing, not_ready })
    }

    /// J3: milestones are unique, payments carry fen, and nothing precedes the contract.
    pub fn check_milestones(&self) -> Result<(), ProjectError> {
        let mut seen = Vec::new();
        for m in &self.milestones {
            if seen.contains(&m.kind) {
                return Err(ProjectError::DuplicateMilestone(m.kind));
            }
            seen.push(m.kind);
            if m.kind.is_payment() && m.amount_fen.is_some_and(|f| f <= 0) {
                return Err(ProjectError::BadAmount(m.kind));
            }
            if m.kind.is_payment() && m.done_ms.is_some() && m.amount_fen.is_none() {
                return Err(ProjectError::BadAmount(m.kind));
            }
        }
        let contract_done = self.milestones.iter().any(|m| m.kind == MilestoneKind::Contract && m.done_ms.is_some());
        match self.milestones.iter().find(|m| m.kind != MilestoneKind::Contract && m.done_ms.is_some()) {
            Some(m) if !contract_done => Err(ProjectError::BeforeContract(m.kind)),
            _ => Ok(()),
        }
    }

    /// J3: planned milestones not done by today (team-local).
    pub fn late_milestones(&self, cal: &TeamCalendar, now_ms: i64) -> Vec<MilestoneKind> {
        let today = cal.local_date(now_ms);
        self.milestones
            .iter()
            .filter(|m| m.done_ms.is_none() && m.planned_on.is_some_and(|p| p < today))
            .map(|m| m.kind)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ProjectStage::*;

    fn change(id: &str, stage: ProjectStage, at_ms: i64) -> StageChange {
        StageChange { id: id.into(), stage, at_ms, by: "li".into() }
    }

    fn project() -> Project {
        Project {
            id: "p1".into(),
            customer_id: "c1".into(),
            name: "HQ wiring".into(),
            bid_deadline_ms: None,
            key_dates: vec![],
            bid_checklist: default_bid_checklist(),
            milestones: vec![],
        }
    }

    fn milestone(kind: MilestoneKind, done: bool, amount_fen: Option<i64>) -> Milestone {
        Milestone { kind, planned_on: None, done_ms: done.then_some(5), amount_fen }
    }

    #[test]
    fn j1_a_project_moves_forward_and_may_skip_bidding() {
        assert_eq!(check_transition(None, Bidding), Ok(()));
        assert_eq!(check_transition(Some(PreliminaryDesign), DetailedDesign), Ok(()));
        assert_eq!(check_transition(Some(Bidding), Bidding), Err(ProjectError::Unchanged(Bidding)));
        assert_eq!(
            check_transition(Some(Acceptance), Bidding),
            Err(ProjectError::Backward { from: Acceptance, to: Bidding })
        );
    }

    #[test]
    fn j1_the_history_fold_gives_the_same_stage_whatever_order_entries_arrive_in() {
        let a = change("s1", PreliminaryDesign, 1);
        let b = change("s2", DetailedDesign, 3);
        let stale = change("s3", Bidding, 4); // a tablet that had not seen s2
        let h1 = stage_history(&[a.clone(), b.clone(), stale.clone()]);
        let h2 = stage_history(&[stale, b, a]);
        assert_eq!(h1, h2);
        assert_eq!(h1.current, Some(DetailedDesign));
        assert_eq!(h1.since_ms, Some(3));
        assert_eq!(h1.history.len(), 2);
    }

    #[test]
    fn j3_nothing_but_the_contract_may_be_done_before_the_contract() {
        let mut p = project();
        p.milestones = vec![
            milestone(MilestoneKind::Contract, false, None),
            milestone(MilestoneKind::AdvancePayment, true, Some(30_000_00)),
        ];
        assert_eq!(p.check_milestones(), Err(ProjectError::BeforeContract(MilestoneKind::AdvancePayment)));
        p.milestones[0].done_ms = Some(1);
        assert_eq!(p.check_milestones(), Ok(()));
    }

    #[test]
    fn j3_a_payment_needs_a_positive_amount_in_fen() {
        let mut p = project();
        p.milestones = vec![milestone(MilestoneKind::EarlyFinalPayment, false, Some(0))];
        assert_eq!(p.check_milestones(), Err(ProjectError::BadAmount(MilestoneKind::EarlyFinalPayment)));
        p.milestones = vec![
            milestone(MilestoneKind::Contract, true, None),
            milestone(MilestoneKind::EarlyFinalPayment, true, None),
        ];
        assert_eq!(p.check_milestones(), Err(ProjectError::BadAmount(MilestoneKind::EarlyFinalPayment)));
    }

    #[test]
    fn j3_a_milestone_appears_once() {
        let mut p = project();
        p.milestones = vec![
            milestone(MilestoneKind::EarlyStocking, false, None),
            milestone(MilestoneKind::EarlyStocking, false, None),
        ];
        assert_eq!(p.check_milestones(), Err(ProjectError::DuplicateMilestone(MilestoneKind::EarlyStocking)));
    }
}
