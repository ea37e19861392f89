//! Follow-up cadence: rules **V6**, **P8**, **K3** and **V1** — each customer's next required
//! contact, derived from its last contacts, projects and flags, never stored.
//!
//! Every rule that applies gives a due date; the customer's next contact is the earliest
//! (on a tie, the first rule in [`CadenceRule`] order). Recurring rules (V6) run from the
//! last contact of any kind; one-off rules are cleared by the contact they ask for:
//! P8 by any contact at or after the assignment, K3 by a visit at or after the service,
//! V1's confirm-and-book call by that call or by meeting the customer
//! (`domain::first_contact`).
//!
//! Readings chosen where the rules leave room:
//! - Intervals are **calendar days** from the team-local date of the anchor ("weekly" =
//!   7 days). A due date on a weekend or holiday moves to the next working day (make-up
//!   days count), since a customer's office is closed then; a team that wants the bare
//!   date turns off [`CadenceSettings::roll_to_working_day`].
//! - "Early design" is the preliminary-design stage (J1); acceptance still counts as an
//!   open project (every two weeks). Closed projects are left out by the caller.
//! - A V6 rule with no contact yet runs from the assignment, or is due today.
//! - The P8 window is [`PoolSettings::p8_days`](crate::domain::pool::PoolSettings), the
//!   same setting the pool's reassignment flag reads, so the two cannot disagree on the
//!   length; the pool flags the manager at the exact instant, this flags the rep's day.
//!
//! ```
//! use outpost::domain::cadence::{next_contact, CadenceInput, CadenceRule, CadenceSettings};
//! use outpost::domain::calendar::TeamCalendar;
//! let input = CadenceInput { special_background: true, last_contact_ms: Some(0), ..Default::default() };
//! let next = next_contact(&input, &CadenceSettings::default(), 7, &TeamCalendar::default(), 0)
//!     .unwrap()
//!     .unwrap();
//! assert_eq!(next.rule, CadenceRule::SpecialBackground); // V6: weekly
//! assert_eq!(next.days_left, 7); // 1970-01-01 is a Thursday, so is the 8th
//! ```

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::calendar::{CalendarError, TeamCalendar};
use crate::domain::project::ProjectStage;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The team's cadence intervals in calendar days (V6, K3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CadenceSettings {
    pub early_design_days: u32,
    pub other_stage_days: u32,
    pub special_background_days: u32,
    pub service_return_days: u32,
    /// V1: days after company material went out that the confirm-and-book call is due.
    pub confirm_call_days: u32,
    pub roll_to_working_day: bool,
}

impl Default for CadenceSettings {
    fn default() -> Self {
        Self {
            early_design_days: 7,
            other_stage_days: 14,
            special_background_days: 7,
            service_return_days: 7,
            confirm_call_days: 3,
            roll_to_working_day: true,
        }
    }
}

/// Longest interval a team may set; beyond it a customer would simply be forgotten.
pub const MAX_INTERVAL_DAYS: u32 = 90;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CadenceError {
    #[error("{field} must be between 1 and {max} days")]
    OutOfRange { field: &'static str, max: u32 },
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

impl CadenceSettings {
    pub fn check(&self) -> Result<(), CadenceError> {
        for (field, v) in [
            ("early_design_days", self.early_design_days),
            ("other_stage_days", self.other_stage_days),
            ("special_background_days", self.special_background_days),
            ("service_return_days", self.service_return_days),
            ("confirm_call_days", self.confirm_call_days),
        ] {
            if !(1..=MAX_INTERVAL_DAYS).contains(&v) {
                return Err(CadenceError::OutOfRange { field, max: MAX_INTERVAL_DAYS });
            }
        }
        Ok(())
    }
}

/// What the cadence needs to know about one customer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CadenceInput {
    /// The last contact of any kind (call, visit, meeting, email, SMS).
    pub last_contact_ms: Option<i64>,
    /// The last visit; K3 asks for a return visit, not a call.
    pub last_visit_ms: Option<i64>,
    /// Stages of the customer's open projects.
    pub project_stages: Vec<ProjectStage>,
    pub special_background: bool,
    /// When the current owner was assigned the customer (P8).
    pub assigned_ms: Option<i64>,
    /// The last service activity (K3).
    pub last_service_ms: Option<i64>,
    /// V1: when company material went out, while its confirm-and-book call is owed
    /// ([`crate::domain::first_contact::FirstContact::confirm_owed_since`]).
    #[serde(default)]
    pub materials_sent_ms: Option<i64>,
}

/// Which rule set the date; in tie-break order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CadenceRule {
    /// P8: first contact after a new assignment.
    NewlyAssigned,
    /// K3: return visit after a service activity.
    ServiceReturnVisit,
    /// V1: the call confirming the material arrived and booking a meeting.
    ConfirmCall,
    /// V6: customer with a special background.
    SpecialBackground,
    /// V6: a project in early design.
    EarlyDesignProject,
    /// V6: a project in any other stage.
    ProjectFollowUp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextContact {
    pub rule: CadenceRule,
    /// The team-local day the contact is due (by its end).
    pub due_on: NaiveDate,
    /// The instant the due day ends (team-local midnight after it): overdue from here.
    pub due_ms: i64,
    pub overdue: bool,
    /// Calendar days from today to `due_on`; 0 = due today, negative when overdue.
    pub days_left: i64,
}

/// Every rule that applies to the customer, earliest due first.
pub fn obligations(
    input: &CadenceInput,
    settings: &CadenceSettings,
    p8_days: u32,
    cal: &TeamCalendar,
    now_ms: i64,
) -> Result<Vec<NextContact>, CadenceError> {
    let mut anchors: Vec<(CadenceRule, Option<i64>, u32)> = Vec::new();
    if let Some(at) = input.assigned_ms {
        if input.last_contact_ms.is_none_or(|c| c < at) {
            anchors.push((CadenceRule::NewlyAssigned, Some(at), p8_days));
        }
    }
    if let Some(at) = input.last_service_ms {
        if input.last_visit_ms.is_none_or(|v| v < at) {
            anchors.push((CadenceRule::ServiceReturnVisit, Some(at), settings.service_return_days));
        }
    }
    if let Some(at) = input.materials_sent_ms {
        anchors.push((CadenceRule::ConfirmCall, Some(at), settings.confirm_call_days));
    }
    let recurring_from = input.last_contact_ms.or(input.assigned_ms);
    if input.special_background {
        anchors.push((CadenceRule::SpecialBackground, recurring_from, settings.special_background_days));
    }
    if input.project_stages.iter().any(|s| s.is_early_design()) {
        anchors.push((CadenceRule::EarlyDesignProject, recurring_from, settings.early_design_days));
    }
    if input.project_stages.iter().any(|s| !s.is_early_design()) {
        anchors.push((CadenceRule::ProjectFollowUp, recurring_from, settings.other_stage_days));
    }
    let today = cal.local_date(now_ms);
    let mut out = Vec::with_capacity(anchors.len());
    for (rule, anchor, days) in anchors {
        let due_on = match anchor {
            Some(at) => due_day(cal, at, days, settings.roll_to_working_day)?,
            None => today,
        };
        let due_ms = day_start_ms(cal, due_on) + DAY_MS;
        let days_left = (due_on - today).num_days();
        out.push(NextContact { rule, due_on, due_ms, overdue: days_left < 0, days_left });
    }
    out.sort_by_key(|o| (o.due_on, o.rule));
    Ok(out)
}

/// The customer's next required contact; `None` when no rule applies.
pub fn next_contact(
    input: &CadenceInput,
    settings: &CadenceSettings,
    p8_days: u32,
    cal: &TeamCalendar,
    now_ms: i64,
) -> Result<Option<NextContact>, CadenceError> {
    Ok(obligations(input, settings, p8_days, cal, now_ms)?.into_iter().next())
}

fn due_day(cal: &TeamCalendar, at_ms: i64, days: u32, roll: bool) -> Result<NaiveDate, CadenceError> {
    let bare =
        cal.local_date(at_ms).checked_add_days(Days::new(u64::from(days))).ok_or(CalendarError::NoWorkingDays)?;
    if !roll || cal.is_working_day(bare) {
        return Ok(bare);
    }
    // The next working day after a non-working day is one working day on.
    Ok(cal.add_working_days(bare, 1)?)
}

/// Epoch ms of the team-local midnight that starts `day`.
fn day_start_ms(cal: &TeamCalendar, day: NaiveDate) -> i64 {
    let utc_midnight = day.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp_millis()).unwrap_or(0);
    utc_midnight - i64::from(cal.utc_offset_minutes) * 60_000
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    /// 10:00 team time (UTC+8) on `s`.
    fn at(s: &str) -> i64 {
        day_start_ms(&TeamCalendar::default(), day(s)) + 10 * 3_600_000
    }

    #[test]
    fn the_defaults_are_the_v6_and_k3_intervals_and_pass_the_check() {
        let s = CadenceSettings::default();
        assert_eq!(
            (s.early_design_days, s.other_stage_days, s.special_background_days, s.service_return_days),
            (7, 14, 7, 7)
        );
        assert_eq!(s.check(), Ok(()));
    }

    #[test]
    fn an_interval_of_zero_days_is_refused() {
        let s = CadenceSettings { other_stage_days: 0, ..Default::default() };
        assert_eq!(s.check(), Err(CadenceError::OutOfRange { field: "other_stage_days", max: 90 }));
    }

    #[test]
    fn a_customer_with_no_rule_has_no_next_contact() {
        let input = CadenceInput { last_contact_ms: Some(at("2026-03-02")), ..Default::default() };
        let next = next_contact(&input, &CadenceSettings::default(), 7, &TeamCalendar::default(), at("2026-03-02"));
        assert_eq!(next, Ok(None));
    }

    #[test]
    fn due_ms_is_the_team_midnight_ending_the_due_day() {
        let input =
            CadenceInput { special_background: true, last_contact_ms: Some(at("2026-03-02")), ..Default::default() };
        let next = next_contact(&input, &CadenceSettings::default(), 7, &TeamCalendar::default(), at("2026-03-02"))
            .unwrap()
            .unwrap();
        assert_eq!(next.due_on, day("2026-03-09"));
        assert_eq!(next.due_ms, day_start_ms(&TeamCalendar::default(), day("2026-03-10")));
    }
}
