//! **I7** the payout calendar as steps done by roles: who records each step, the facts
//! "step done" folded into each step's state, and the order rule.
//!
//! A step is recorded done by one immutable fact ([`StepDone`]: month, track, step, by,
//! at); a step once done stays done — there is no undo, as a paper sheet once signed
//! stays signed. Within a track, a step can be marked only when every earlier step of
//! that track is done ([`check_next`]); the fold applies the same rule, so a fact for a
//! step whose earlier steps are not done (forged, or from a tampered tablet) leaves the
//! step open. Two tablets marking the same step offline both store a fact; the earliest
//! (then the author's name) is the one shown.
//!
//! ```
//! use chrono::NaiveDate;
//! use outpost::domain::incentive::{check_next, payout_progress, rural_stations, PayoutStep, StepDone, Track};
//! use outpost::domain::kpi::Month;
//! let march = Month { year: 2024, month: 3 };
//! let day = |d| NaiveDate::from_ymd_opt(2024, 4, d).unwrap();
//! let done = vec![StepDone { month: march, track: Track::Stations, step: PayoutStep::DataAllocated, by: "wang".into(), at_ms: 0 }];
//! let steps = payout_progress(&rural_stations(), march, &done, day(7));
//! assert!(steps[0].done.is_some());
//! // I7: the county check was due on the 6th of the following month.
//! let county = steps.iter().find(|s| s.step == PayoutStep::CountyCheck).unwrap();
//! assert_eq!((county.due, county.overdue), (day(6), true));
//! // The stations cannot sign before the county has checked.
//! assert!(check_next(&steps, Track::Stations, PayoutStep::StationsSign).is_err());
//! ```

use chrono::NaiveDate;

use super::payout::payout_dates;
use super::scheme::{PayoutStep, Scheme, Track};
use super::IncentiveError;
use crate::domain::kpi::Month;
use crate::domain::profile::Role;

/// The role that records `step` done (I7). The seed names departments, not roles; the
/// team's people map onto them so:
/// - data pulled and allocated (3), county check (6), stations confirm and sign (12),
///   branch heads and maintainers sign (12), filed (13), city review (14), county leader
///   signs and sends to finance (15): the platform office's work, which the manager runs
///   and records (the stations' and heads' signatures are on paper the manager collects);
/// - finance checks and pays (24), for the branches entered into payroll: finance's;
/// - amounts sent to each person (25): the platform office again, the manager.
pub fn step_role(step: PayoutStep) -> Role {
    match step {
        PayoutStep::FinancePays => Role::Finance,
        PayoutStep::DataAllocated
        | PayoutStep::CountyCheck
        | PayoutStep::StationsSign
        | PayoutStep::HeadsSign
        | PayoutStep::Filed
        | PayoutStep::CityReview
        | PayoutStep::ToFinance
        | PayoutStep::AmountsSent => Role::Manager,
    }
}

/// One fact: `by` recorded `step` of `track` done for `month`'s payout at `at_ms`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepDone {
    pub month: Month,
    pub track: Track,
    pub step: PayoutStep,
    pub by: String,
    pub at_ms: i64,
}

/// Who recorded a step done, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    pub by: String,
    pub at_ms: i64,
}

/// A step of a month's payout as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepState {
    pub track: Track,
    pub step: PayoutStep,
    pub due: NaiveDate,
    pub role: Role,
    pub done: Option<Done>,
    /// Not done, and `today` is past the due day.
    pub overdue: bool,
    /// The first step of its track not done yet: the one that can be marked now.
    pub next: bool,
}

/// The month's steps in calendar order (as [`payout_dates`]) with the facts folded in.
/// Facts of other months, and of steps not in the scheme's calendar, are ignored.
pub fn payout_progress(scheme: &Scheme, month: Month, facts: &[StepDone], today: NaiveDate) -> Vec<StepState> {
    let mut out: Vec<StepState> = payout_dates(scheme, month)
        .into_iter()
        .map(|(c, due)| StepState {
            track: c.track,
            step: c.step,
            due,
            role: step_role(c.step),
            done: None,
            overdue: false,
            next: false,
        })
        .collect();
    for track in [Track::Stations, Track::Branches] {
        // Earlier steps of the track must be done for a fact to count (the order rule).
        let mut open = false;
        for s in out.iter_mut().filter(|s| s.track == track) {
            if !open {
                s.done = facts
                    .iter()
                    .filter(|f| f.month == month && f.track == track && f.step == s.step)
                    .min_by(|a, b| a.at_ms.cmp(&b.at_ms).then_with(|| a.by.cmp(&b.by)))
                    .map(|f| Done { by: f.by.clone(), at_ms: f.at_ms });
                if s.done.is_none() {
                    open = true;
                    s.next = true;
                }
            }
            s.overdue = s.done.is_none() && today > s.due;
        }
    }
    out
}

/// Whether `step` of `track` can be marked done now: it is in the track, not done yet,
/// and every earlier step of the track is done.
pub fn check_next(steps: &[StepState], track: Track, step: PayoutStep) -> Result<&StepState, IncentiveError> {
    let s = steps.iter().find(|s| s.track == track && s.step == step).ok_or(IncentiveError::NoPayoutStep)?;
    if s.done.is_some() {
        return Err(IncentiveError::PayoutStepDone);
    }
    if !s.next {
        let earlier = steps.iter().find(|e| e.track == track && e.next).map_or(step, |e| e.step);
        return Err(IncentiveError::PayoutStepOrder { earlier });
    }
    Ok(s)
}
