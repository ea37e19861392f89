//! Sales plans: rule **V9** (a follow-up report states progress against the monthly
//! plan) with seed 003 职责三 (a rep writes quarterly and annual sales plans, checks the
//! figures against them and adjusts the plan; deliverable: the plan and its analysis).
//!
//! A plan is one rep's for one period (a year, a quarter or a month): goals on the
//! measures the team's targets already track (**T1**, [`Measure`]) and the actions the
//! rep means to take, one per line. Writing a plan submits it to the manager, who
//! approves it or returns it with a comment.
//!
//! Readings chosen where the rules leave room:
//! - Every version is kept (an immutable entry): revising a plan writes a new version,
//!   which waits for the manager again — the manager approved the old one, not this.
//! - A decision names the version it decides, so "decided after the revision" needs no
//!   clock comparison: a decision of an older version does not count for the current
//!   one, on every device, whatever the tablets' clocks said.
//! - A plan is the rep's own: a version whose body names a rep other than its author
//!   counts nowhere ([`fold`]); a decision counts only from a manager (checked against
//!   the roster by `domain::authority` before it gets here).
//! - Progress is computed like the target board's ([`crate::domain::target::progress`]):
//!   the actual of each goal from the records, the percentage, and what is still needed
//!   per working day left on the team calendar.
//!
//! ```
//! use outpost::domain::sales_plan::{PlanDraft, PlanGoal};
//! use outpost::domain::target::{Measure, Period};
//! let draft = PlanDraft {
//!     period: Period::parse("2026-03").unwrap(),
//!     goals: vec![PlanGoal { measure: Measure::Sales, amount: 50_000_00 }],
//!     actions: "win the Fengtai dealer\nstall at the spring fair".into(),
//! };
//! assert_eq!(draft.check(), Ok(()));
//! assert_eq!(draft.action_lines().len(), 2);
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::calendar::TeamCalendar;
use crate::domain::target::{progress, Measure, Period, PeriodKind, Progress, Scope, TargetFacts};

/// Longest action text kept.
pub const MAX_ACTIONS_CHARS: usize = 4000;

/// One goal: a measure the targets track and the amount (fen for sales).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlanGoal {
    pub measure: Measure,
    pub amount: i64,
}

/// What the rep writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanDraft {
    pub period: Period,
    pub goals: Vec<PlanGoal>,
    /// The actions planned, one per line (customers to win, activities).
    pub actions: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SalesPlanError {
    #[error("a sales plan is for a year, a quarter or a month")]
    NotAPlanPeriod,
    #[error("a plan has at least one goal")]
    NoGoals,
    #[error("a goal is above zero")]
    BadGoal,
    #[error("a measure appears twice")]
    DuplicateGoal,
    #[error("a goal counts one of the tracked measures")]
    NotAPlanMeasure,
    #[error("the actions are longer than {max} characters")]
    TooLong { max: usize },
    #[error("returning a plan needs a comment")]
    ReturnWithoutComment,
    #[error("the plan was revised since")]
    Stale,
    #[error("this version is already decided")]
    AlreadyDecided,
}

/// The measures a plan's goals may count (the team's own counts are not planned here).
pub const PLAN_MEASURES: [Measure; 5] =
    [Measure::Sales, Measure::NewAccounts, Measure::Visits, Measure::Calls, Measure::Applications];

impl PlanDraft {
    /// V9: a plan for a year, quarter or month, with distinct goals above zero.
    pub fn check(&self) -> Result<(), SalesPlanError> {
        if self.period.kind == PeriodKind::Week {
            return Err(SalesPlanError::NotAPlanPeriod);
        }
        if self.goals.is_empty() {
            return Err(SalesPlanError::NoGoals);
        }
        for (i, g) in self.goals.iter().enumerate() {
            if !PLAN_MEASURES.contains(&g.measure) {
                return Err(SalesPlanError::NotAPlanMeasure);
            }
            if g.amount <= 0 {
                return Err(SalesPlanError::BadGoal);
            }
            if self.goals[..i].iter().any(|o| o.measure == g.measure) {
                return Err(SalesPlanError::DuplicateGoal);
            }
        }
        if self.actions.chars().count() > MAX_ACTIONS_CHARS {
            return Err(SalesPlanError::TooLong { max: MAX_ACTIONS_CHARS });
        }
        Ok(())
    }

    /// The actions, one per non-blank line.
    pub fn action_lines(&self) -> Vec<String> {
        self.actions.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
    }
}

/// One stored version of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanVersion {
    /// The entry's id: what a decision names.
    pub id: String,
    /// The rep the body names.
    pub rep: String,
    /// Who wrote (signed) it.
    pub author: String,
    pub draft: PlanDraft,
    pub at_ms: i64,
}

/// A manager's decision on one version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanDecision {
    pub version: String,
    pub approved: bool,
    pub comment: String,
    pub by: String,
    pub at_ms: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SalesPlanStatus {
    /// Waiting for the manager.
    Submitted,
    Approved,
    /// Sent back with a comment; the rep revises it.
    Returned,
}

impl SalesPlanStatus {
    pub const ALL: [SalesPlanStatus; 3] =
        [SalesPlanStatus::Submitted, SalesPlanStatus::Approved, SalesPlanStatus::Returned];
}

/// One rep's plan for one period: every version (oldest first) and the decisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalesPlan {
    pub rep: String,
    pub period: Period,
    pub versions: Vec<PlanVersion>,
    pub decisions: Vec<PlanDecision>,
}

impl SalesPlan {
    /// The version in force: the newest.
    pub fn current(&self) -> Option<&PlanVersion> {
        self.versions.last()
    }

    /// The newest decision of the current version.
    pub fn decision(&self) -> Option<&PlanDecision> {
        let v = self.current()?;
        self.decisions.iter().rev().find(|d| d.version == v.id)
    }

    pub fn status(&self) -> SalesPlanStatus {
        match self.decision() {
            None => SalesPlanStatus::Submitted,
            Some(d) if d.approved => SalesPlanStatus::Approved,
            Some(_) => SalesPlanStatus::Returned,
        }
    }

    /// V9: a manager's decision of `version`: the current one, not decided yet; a
    /// return says why.
    pub fn check_decision(&self, version: &str, approve: bool, comment: &str) -> Result<(), SalesPlanError> {
        if self.current().is_none_or(|v| v.id != version) {
            return Err(SalesPlanError::Stale);
        }
        if self.decision().is_some() {
            return Err(SalesPlanError::AlreadyDecided);
        }
        if !approve && comment.trim().is_empty() {
            return Err(SalesPlanError::ReturnWithoutComment);
        }
        Ok(())
    }
}

/// V9: the plans from their versions and decisions in any order. A version written in
/// another rep's name counts nowhere; versions and decisions are ordered by their
/// stamps' wall time, then id, so every device reads the same history.
pub fn fold(mut versions: Vec<PlanVersion>, mut decisions: Vec<PlanDecision>) -> Vec<SalesPlan> {
    versions.retain(|v| v.rep == v.author);
    versions.sort_by(|a, b| a.at_ms.cmp(&b.at_ms).then_with(|| a.id.cmp(&b.id)));
    decisions.sort_by(|a, b| a.at_ms.cmp(&b.at_ms).then_with(|| a.by.cmp(&b.by)));
    let mut plans: BTreeMap<(String, Period), SalesPlan> = BTreeMap::new();
    let mut of_version: BTreeMap<String, (String, Period)> = BTreeMap::new();
    for v in versions {
        let key = (v.rep.clone(), v.draft.period);
        of_version.insert(v.id.clone(), key.clone());
        plans
            .entry(key)
            .or_insert_with(|| SalesPlan {
                rep: v.rep.clone(),
                period: v.draft.period,
                versions: Vec::new(),
                decisions: Vec::new(),
            })
            .versions
            .push(v);
    }
    for d in decisions {
        if let Some(p) = of_version.get(&d.version).and_then(|k| plans.get_mut(k)) {
            p.decisions.push(d);
        }
    }
    plans.into_values().collect()
}

/// Progress of one goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoalProgress {
    pub measure: Measure,
    pub progress: Progress,
}

/// V9, T2: each goal of `draft` for `rep` against the records, on `today`.
pub fn plan_progress(
    draft: &PlanDraft,
    rep: &str,
    facts: &TargetFacts,
    today: NaiveDate,
    cal: &TeamCalendar,
) -> Vec<GoalProgress> {
    let scope = Scope::Rep(rep.to_owned());
    draft
        .goals
        .iter()
        .map(|g| {
            let actual = facts.actual(g.measure, &scope, &draft.period);
            GoalProgress { measure: g.measure, progress: progress(g.amount, actual, &draft.period, today, cal) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month() -> Period {
        Period::parse("2026-03").unwrap()
    }

    fn version(id: &str, rep: &str, author: &str, at_ms: i64) -> PlanVersion {
        let draft = PlanDraft {
            period: month(),
            goals: vec![PlanGoal { measure: Measure::Visits, amount: 20 }],
            actions: String::new(),
        };
        PlanVersion { id: id.into(), rep: rep.into(), author: author.into(), draft, at_ms }
    }

    #[test]
    fn v9_a_plan_is_for_a_year_quarter_or_month_with_distinct_goals_above_zero() {
        let goal = |measure, amount| PlanGoal { measure, amount };
        let d = |goals| PlanDraft { period: month(), goals, actions: String::new() };
        assert_eq!(d(vec![]).check(), Err(SalesPlanError::NoGoals));
        assert_eq!(d(vec![goal(Measure::Sales, 0)]).check(), Err(SalesPlanError::BadGoal));
        let twice = vec![goal(Measure::Visits, 3), goal(Measure::Visits, 4)];
        assert_eq!(d(twice).check(), Err(SalesPlanError::DuplicateGoal));
        assert_eq!(d(vec![goal(Measure::Count, 4)]).check(), Err(SalesPlanError::NotAPlanMeasure));
        let week = PlanDraft { period: Period::parse("2026-W10").unwrap(), ..d(vec![goal(Measure::Visits, 3)]) };
        assert_eq!(week.check(), Err(SalesPlanError::NotAPlanPeriod));
    }

    #[test]
    fn v9_a_revision_waits_again_and_an_old_versions_decision_does_not_count() {
        let approve = |v: &str, at_ms| PlanDecision {
            version: v.into(),
            approved: true,
            comment: "".into(),
            by: "wang".into(),
            at_ms,
        };
        let plans = fold(vec![version("v1", "li", "li", 1), version("v2", "li", "li", 3)], vec![approve("v1", 2)]);
        assert_eq!(plans.len(), 1);
        assert_eq!(plans[0].versions.len(), 2, "the history is kept");
        assert_eq!(plans[0].status(), SalesPlanStatus::Submitted);
        assert_eq!(plans[0].check_decision("v1", true, ""), Err(SalesPlanError::Stale));
        assert_eq!(plans[0].check_decision("v2", false, " "), Err(SalesPlanError::ReturnWithoutComment));
        let plans = fold(plans[0].versions.clone(), vec![approve("v1", 2), approve("v2", 4)]);
        assert_eq!(plans[0].status(), SalesPlanStatus::Approved);
        assert_eq!(plans[0].check_decision("v2", true, ""), Err(SalesPlanError::AlreadyDecided));
    }

    #[test]
    fn v9_a_plan_written_in_another_reps_name_counts_nowhere() {
        assert!(fold(vec![version("v1", "li", "zhao", 1)], vec![]).is_empty());
    }
}
