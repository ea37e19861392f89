//! Visit plans: rule **V2** — before going out the rep files a visit plan with goals and
//! the customers to see on a day; the branch manager approves or rejects it with an
//! opinion before the rep leaves.
//!
//! Readings chosen where the rules leave room:
//! - A plan names one team-local day, at least one customer, and goals (not blank).
//!   A plan for a day already past is refused: it would not be a plan.
//! - A rejection must say why (the opinion is the manager's instruction to the rep);
//!   an approval may carry an opinion but need not.
//! - A rep may revise a plan after a decision; the revision makes it pending again
//!   (the manager approved the old plan, not the new one). Which came later is read
//!   from the stored stamps, not the tablets' wall clocks, so it holds after sync.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::activity::ActivityKind;
use crate::domain::day_plan::PlanSlot;

/// What the rep writes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlanDraft {
    pub day: Option<NaiveDate>,
    pub goals: String,
    pub customers: Vec<String>,
    /// V8: when and how each customer is seen (`domain::day_plan`); a customer without
    /// one is a visit in the afternoon ([`PlanDraft::slot_of`]).
    #[serde(default)]
    pub slots: Vec<PlanSlot>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approved,
    Rejected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Pending,
    Approved,
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlanError {
    #[error("the plan has no day")]
    NoDay,
    #[error("the plan's day has passed")]
    DayPassed,
    /// V2: a plan states its goals.
    #[error("the plan has no goals")]
    NoGoals,
    #[error("the plan names no customer")]
    NoCustomers,
    /// V2: a rejection gives the manager's opinion.
    #[error("a rejection gives the manager's opinion")]
    RejectWithoutOpinion,
}

impl PlanDraft {
    /// V2: checks a plan before it is filed; `today` is the team-local date.
    pub fn check(&self, today: NaiveDate) -> Result<(), PlanError> {
        let day = self.day.ok_or(PlanError::NoDay)?;
        if day < today {
            return Err(PlanError::DayPassed);
        }
        if self.goals.trim().is_empty() {
            return Err(PlanError::NoGoals);
        }
        if self.customers.iter().all(|c| c.trim().is_empty()) {
            return Err(PlanError::NoCustomers);
        }
        Ok(())
    }

    /// V8: the slot of one of the plan's customers.
    pub fn slot_of(&self, customer: &str) -> PlanSlot {
        self.slots.iter().find(|s| s.customer == customer).cloned().unwrap_or_else(|| PlanSlot::default_for(customer))
    }

    /// V8: the stored slots of customers the plan names (a slot left from a customer
    /// taken off the plan is dropped).
    pub fn named_slots(&self) -> Vec<&PlanSlot> {
        self.slots.iter().filter(|s| self.customers.contains(&s.customer)).collect()
    }

    /// V8: the slot of every customer the plan names, in the plan's order.
    pub fn all_slots(&self) -> Vec<PlanSlot> {
        self.customers.iter().filter(|c| !c.trim().is_empty()).map(|c| self.slot_of(c)).collect()
    }
}

/// V2: how a visit stands against its rep's visit plans for its day, worst first (the
/// best standing of any plan that names the customer on that day counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VisitCover {
    /// No plan names this customer on this day.
    NotPlanned,
    /// A plan names it and the manager rejected that plan.
    Rejected,
    /// A plan names it and waits for the manager.
    Pending,
    /// An approved plan names it: the visit is what was agreed.
    Approved,
}

/// V2: the standing of a visit to `customer` on the team-local `day`, given the rep's
/// plans as `(draft, status)` (plans of other reps must not be passed).
pub fn visit_cover<'a>(
    plans: impl IntoIterator<Item = (&'a PlanDraft, PlanStatus)>,
    customer: &str,
    day: NaiveDate,
) -> VisitCover {
    plans
        .into_iter()
        .filter(|(d, _)| d.day == Some(day) && d.customers.iter().any(|c| c == customer))
        .map(|(_, s)| match s {
            PlanStatus::Approved => VisitCover::Approved,
            PlanStatus::Pending => VisitCover::Pending,
            PlanStatus::Rejected => VisitCover::Rejected,
        })
        .max()
        .unwrap_or(VisitCover::NotPlanned)
}

/// V2: what the activity form warns about before a visit is saved, and what a listed
/// visit is marked with: a visit not covered by an approved plan (`None` for any other
/// kind of activity, or an approved visit). A warning, never a refusal: the visit is
/// recorded all the same and counts as unplanned in the reports.
pub fn visit_warning(kind: ActivityKind, cover: VisitCover) -> Option<VisitCover> {
    (kind == ActivityKind::Visit && cover != VisitCover::Approved).then_some(cover)
}

/// V2: checks a manager's decision.
pub fn check_decision(decision: Decision, opinion: &str) -> Result<(), PlanError> {
    if decision == Decision::Rejected && opinion.trim().is_empty() {
        return Err(PlanError::RejectWithoutOpinion);
    }
    Ok(())
}

/// V2: where a plan stands, from its last decision and whether the plan was revised
/// after it. `decided_after_revision` compares the stored stamps (see module docs).
pub fn plan_status(decision: Option<Decision>, decided_after_revision: bool) -> PlanStatus {
    match decision {
        Some(Decision::Approved) if decided_after_revision => PlanStatus::Approved,
        Some(Decision::Rejected) if decided_after_revision => PlanStatus::Rejected,
        _ => PlanStatus::Pending,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    fn draft() -> PlanDraft {
        PlanDraft { day: Some(day("2026-03-04")), goals: "demo".into(), customers: vec!["c1".into()], slots: vec![] }
    }

    #[test]
    fn v2_a_complete_plan_for_today_or_later_passes() {
        assert_eq!(draft().check(day("2026-03-04")), Ok(()));
        assert_eq!(draft().check(day("2026-03-05")), Err(PlanError::DayPassed));
    }

    #[test]
    fn v2_goals_and_customers_are_required() {
        let p = PlanDraft { goals: "  ".into(), ..draft() };
        assert_eq!(p.check(day("2026-03-01")), Err(PlanError::NoGoals));
        let p = PlanDraft { customers: vec![], ..draft() };
        assert_eq!(p.check(day("2026-03-01")), Err(PlanError::NoCustomers));
        let p = PlanDraft { day: None, ..draft() };
        assert_eq!(p.check(day("2026-03-01")), Err(PlanError::NoDay));
    }

    #[test]
    fn v2_a_visit_is_covered_by_the_best_plan_naming_its_customer_on_its_day() {
        let d = day("2026-03-04");
        let other_day = PlanDraft { day: Some(day("2026-03-05")), ..draft() };
        let other_customer = PlanDraft { customers: vec!["c2".into()], ..draft() };
        assert_eq!(visit_cover([], "c1", d), VisitCover::NotPlanned);
        // An approved plan for another day or other customers covers nothing here.
        let plans = [(&other_day, PlanStatus::Approved), (&other_customer, PlanStatus::Approved)];
        assert_eq!(visit_cover(plans, "c1", d), VisitCover::NotPlanned);
        let (rejected, pending) = (draft(), draft());
        assert_eq!(visit_cover([(&rejected, PlanStatus::Rejected)], "c1", d), VisitCover::Rejected);
        // A rejected plan and a revised one waiting: the waiting one says how it stands.
        let plans = [(&rejected, PlanStatus::Rejected), (&pending, PlanStatus::Pending)];
        assert_eq!(visit_cover(plans, "c1", d), VisitCover::Pending);
        let approved = draft();
        let plans = [(&rejected, PlanStatus::Rejected), (&approved, PlanStatus::Approved)];
        assert_eq!(visit_cover(plans, "c1", d), VisitCover::Approved);
    }

    #[test]
    fn v2_a_rejection_needs_an_opinion_an_approval_does_not() {
        assert_eq!(check_decision(Decision::Rejected, " "), Err(PlanError::RejectWithoutOpinion));
        assert_eq!(check_decision(Decision::Approved, ""), Ok(()));
    }

    #[test]
    fn v2_a_revision_after_the_decision_makes_the_plan_pending() {
        assert_eq!(plan_status(Some(Decision::Approved), true), PlanStatus::Approved);
        assert_eq!(plan_status(Some(Decision::Approved), false), PlanStatus::Pending);
        assert_eq!(plan_status(None, true), PlanStatus::Pending);
    }
}
