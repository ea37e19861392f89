//! Activities: rules **V3** and **V4**, and the kinds V5–V7 count.
//!
//! An activity is an immutable entry: a call, visit, meeting, email or SMS a rep had
//! with one customer. A visit or meeting records who was met (name, title, decision
//! maker?) and the needs and problems the customer stated (V3); a visit records the
//! stage the sale reached (V4); any activity may name a next step.
//!
//! Readings chosen where the rules leave room:
//! - **V3** applies to visits and meetings (face to face); a call may name a person but
//!   need not. Needs may be empty: "the customer stated none" is a valid record.
//! - **V4** stages may go back between visits (objections reopen after a closing
//!   attempt), so a visit's stage is checked alone; [`furthest_stage`] is derived.
//! - A logged activity has happened: it may lie at most [`FUTURE_SKEW_MS`] after the
//!   clock passed in (tablet clocks drift); planned visits are V2 plans, not activities.

use chrono::NaiveDate;

use crate::domain::first_contact::{check_step, FirstContactError, FirstContactStep};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// How far past `now_ms` an activity may be stamped (two tablets' clocks disagree).
pub const FUTURE_SKEW_MS: i64 = 10 * 60 * 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Call,
    Visit,
    Meeting,
    Email,
    Sms,
}

impl ActivityKind {
    /// V3: the customer was met face to face, so who was met must be recorded.
    pub fn is_face_to_face(self) -> bool {
        matches!(self, Self::Visit | Self::Meeting)
    }

    /// V5: minutes are owed after a meeting. A visit is a meeting with the customer at
    /// their site, so it owes minutes too; calls, emails and SMS do not.
    pub fn needs_minutes(self) -> bool {
        self.is_face_to_face()
    }
}

/// V4, in order; `Ord` follows the sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitStage {
    Preparation,
    Observation,
    Opening,
    ProductIntroduction,
    Objections,
    Closing,
    Signing,
}

impl VisitStage {
    pub const ALL: [VisitStage; 7] = [
        Self::Preparation,
        Self::Observation,
        Self::Opening,
        Self::ProductIntroduction,
        Self::Objections,
        Self::Closing,
        Self::Signing,
    ];

    /// The stage after this one; `None` after signing.
    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self as usize + 1).copied()
    }
}

/// V3: one person the rep met.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PersonMet {
    pub name: String,
    pub title: String,
    pub decision_maker: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStep {
    pub text: String,
    pub due_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: String,
    pub customer_id: String,
    pub rep: String,
    pub kind: ActivityKind,
    pub at_ms: i64,
    /// V3: who was met; required for a visit or meeting.
    pub people_met: Vec<PersonMet>,
    /// V3: the needs and problems the customer stated.
    pub needs: String,
    /// V4: the stage this visit reached; visits only.
    pub visit_stage: Option<VisitStage>,
    pub next_step: Option<NextStep>,
    pub notes: String,
    /// V1: the first-contact step this activity was, if any (`domain::first_contact`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_contact: Option<FirstContactStep>,
}

/// Why an activity was refused; the UI words each reason.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ActivityError {
    #[error("the activity has no {0}")]
    Missing(&'static str),
    /// V3: a visit or meeting names who was met.
    #[error("a {0:?} records who was met")]
    NobodyMet(ActivityKind),
    #[error("person {index} met has no name")]
    UnnamedPerson { index: usize },
    /// V4: a visit records the stage it reached.
    #[error("a visit records the stage it reached")]
    NoVisitStage,
    #[error("only a visit has a visit stage, not a {0:?}")]
    StageOnNonVisit(ActivityKind),
    #[error("the activity lies in the future")]
    InFuture,
    #[error("the next step has no text")]
    EmptyNextStep,
    #[error("the next step is due before the activity")]
    NextStepBeforeActivity,
    /// V1: the first-contact step does not fit the kind of activity.
    #[error(transparent)]
    FirstContact(#[from] FirstContactError),
}

impl Activity {
    /// Checks an activity before it is written; `activity_day` is its team-local date
    /// (`TeamCalendar::local_date(at_ms)`), so the domain needs no time zone here.
    pub fn check(&self, activity_day: NaiveDate, now_ms: i64) -> Result<(), ActivityError> {
        for (field, value) in [("id", &self.id), ("customer", &self.customer_id), ("rep", &self.rep)] {
            if value.trim().is_empty() {
                return Err(ActivityError::Missing(field));
            }
        }
        if self.at_ms > now_ms.saturating_add(FUTURE_SKEW_MS) {
            return Err(ActivityError::InFuture);
        }
        if self.kind.is_face_to_face() && self.people_met.is_empty() {
            return Err(ActivityError::NobodyMet(self.kind));
        }
        if let Some(index) = self.people_met.iter().position(|p| p.name.trim().is_empty()) {
            return Err(ActivityError::UnnamedPerson { index });
        }
        match (self.kind, self.visit_stage) {
            (ActivityKind::Visit, None) => return Err(ActivityError::NoVisitStage),
            (kind, Some(_)) if kind != ActivityKind::Visit => return Err(ActivityError::StageOnNonVisit(kind)),
            _ => {}
        }
        if let Some(step) = self.first_contact {
            check_step(self.kind, step)?;
        }
        if let Some(step) = &self.next_step {
            if step.text.trim().is_empty() {
                return Err(ActivityError::EmptyNextStep);
            }
            if step.due_on.is_some_and(|d| d < activity_day) {
                return Err(ActivityError::NextStepBeforeActivity);
            }
        }
        Ok(())
    }
}

/// V4: the furthest stage any visit reached, whatever order the visits arrived in.
pub fn furthest_stage(activities: &[Activity]) -> Option<VisitStage> {
    activities.iter().filter_map(|a| a.visit_stage).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 6).expect("a date")
    }

    fn visit() -> Activity {
        Activity {
            id: "a1".into(),
            customer_id: "c1".into(),
            rep: "li".into(),
            kind: ActivityKind::Visit,
            at_ms: 1_000,
            people_met: vec![PersonMet { name: "Zhao".into(), title: "CTO".into(), decision_maker: true }],
            needs: "fewer outages".into(),
            visit_stage: Some(VisitStage::Opening),
            next_step: Some(NextStep { text: "send quote".into(), due_on: Some(day()) }),
            notes: String::new(),
            first_contact: None,
        }
    }

    #[test]
    fn a_complete_visit_passes_v3_and_v4() {
        assert_eq!(visit().check(day(), 1_000), Ok(()));
    }

    #[test]
    fn v3_a_visit_without_anyone_met_is_refused() {
        let a = Activity { people_met: vec![], ..visit() };
        assert_eq!(a.check(day(), 1_000), Err(ActivityError::NobodyMet(ActivityKind::Visit)));
    }

    #[test]
    fn v3_a_call_needs_nobody_met_but_a_met_person_needs_a_name() {
        let call = Activity { kind: ActivityKind::Call, people_met: vec![], visit_stage: None, ..visit() };
        assert_eq!(call.check(day(), 1_000), Ok(()));
        let a = Activity { people_met: vec![PersonMet::default()], ..visit() };
        assert_eq!(a.check(day(), 1_000), Err(ActivityError::UnnamedPerson { index: 0 }));
    }

    #[test]
    fn v4_a_visit_needs_a_stage_and_only_a_visit_has_one() {
        let a = Activity { visit_stage: None, ..visit() };
        assert_eq!(a.check(day(), 1_000), Err(ActivityError::NoVisitStage));
        let m = Activity { kind: ActivityKind::Meeting, ..visit() };
        assert_eq!(m.check(day(), 1_000), Err(ActivityError::StageOnNonVisit(ActivityKind::Meeting)));
    }

    #[test]
    fn v4_stages_run_from_preparation_to_signing() {
        assert_eq!(VisitStage::Preparation.next(), Some(VisitStage::Observation));
        assert_eq!(VisitStage::Objections.next(), Some(VisitStage::Closing));
        assert_eq!(VisitStage::Signing.next(), None);
    }

    #[test]
    fn v4_the_furthest_stage_ignores_a_later_step_back() {
        let later = Activity { id: "a2".into(), visit_stage: Some(VisitStage::Objections), ..visit() };
        let earlier = Activity { visit_stage: Some(VisitStage::Closing), ..visit() };
        assert_eq!(furthest_stage(&[later, earlier]), Some(VisitStage::Closing));
    }

    #[test]
    fn an_activity_stamped_beyond_clock_skew_is_in_the_future() {
        let a = Activity { at_ms: 1_000 + FUTURE_SKEW_MS + 1, ..visit() };
        assert_eq!(a.check(day(), 1_000), Err(ActivityError::InFuture));
    }

    #[test]
    fn a_next_step_due_before_the_activity_is_refused() {
        let mut a = visit();
        a.next_step = Some(NextStep { text: "call".into(), due_on: day().pred_opt() });
        assert_eq!(a.check(day(), 1_000), Err(ActivityError::NextStepBeforeActivity));
    }
}
