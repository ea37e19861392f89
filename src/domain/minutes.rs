//! Meeting minutes: rule **V5** — within 2 working days of a meeting the rep writes
//! minutes; the manager reviews them; they are sent to the customer and receipt is
//! confirmed.
//!
//! The state is never stored: each step is an immutable [`MinutesEvent`] and [`minutes`]
//! folds a meeting's events into where its minutes stand, and whether they are overdue.
//! Working days come from the team's [`TeamCalendar`] (weekends, holidays, make-up days).
//!
//! Readings chosen where the rules leave room:
//! - The deadline is the end of the 2nd working day after the meeting's team-local date
//!   (a Friday meeting before a holiday Monday is due on Wednesday). Only *writing* has a
//!   deadline; review, sending and confirmation have none in V5.
//! - An overdue flag goes to both the rep and the manager (the manager reviews V5).
//! - The fold reads the longest run of steps present, whatever order the events arrived
//!   in, so a review stamped before the writing by a skewed tablet clock still counts once
//!   the writing is there; a step whose predecessor is missing does not advance the
//!   state. Writing a step out of order is refused by [`check_step`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::calendar::{CalendarError, TeamCalendar};

/// Working days after a meeting by which its minutes are written (V5).
pub const V5_WORKING_DAYS: u32 = 2;

/// One step of V5, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MinutesStep {
    Written,
    Reviewed,
    SentToCustomer,
    ReceiptConfirmed,
}

impl MinutesStep {
    pub const ALL: [MinutesStep; 4] = [Self::Written, Self::Reviewed, Self::SentToCustomer, Self::ReceiptConfirmed];
}

/// Where minutes stand: `Due` until written, then the last step reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MinutesState {
    Due,
    Done(MinutesStep),
}

impl MinutesState {
    /// The step that may be recorded next; `None` once receipt is confirmed.
    pub fn next_step(self) -> Option<MinutesStep> {
        match self {
            Self::Due => Some(MinutesStep::Written),
            Self::Done(s) => MinutesStep::ALL.get(s as usize + 1).copied(),
        }
    }
}

/// A step entry about one meeting's minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesEvent {
    pub id: String,
    pub step: MinutesStep,
    pub at_ms: i64,
    pub by: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recipient {
    Rep,
    Manager,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minutes {
    pub state: MinutesState,
    /// The last day the minutes may be written (V5).
    pub due_on: NaiveDate,
    /// When each step happened, in [`MinutesStep::ALL`] order; `None` until it has.
    pub steps: [Option<i64>; 4],
    /// Not written and the due day has passed.
    pub overdue: bool,
    /// Written, but after the due day.
    pub written_late: bool,
}

impl Minutes {
    /// Who sees the overdue flag.
    pub fn alert(&self) -> &'static [Recipient] {
        if self.overdue {
            &[Recipient::Rep, Recipient::Manager]
        } else {
            &[]
        }
    }

    pub fn at(&self, step: MinutesStep) -> Option<i64> {
        self.steps[step as usize]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MinutesError {
    #[error("minutes at {state:?} cannot record {step:?}")]
    OutOfOrder { state: MinutesState, step: MinutesStep },
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

/// V5: may `step` be recorded on minutes at `state`?
pub fn check_step(state: MinutesState, step: MinutesStep) -> Result<(), MinutesError> {
    if state.next_step() == Some(step) {
        Ok(())
    } else {
        Err(MinutesError::OutOfOrder { state, step })
    }
}

/// V5: folds one meeting's minutes events, in any order, as of `now_ms`.
pub fn minutes(
    meeting_ms: i64,
    events: &[MinutesEvent],
    cal: &TeamCalendar,
    now_ms: i64,
) -> Result<Minutes, MinutesError> {
    let due_on = cal.due_date_after(meeting_ms, V5_WORKING_DAYS)?;
    let mut earliest: [Option<i64>; 4] = [None; 4];
    for e in events {
        let slot = &mut earliest[e.step as usize];
        *slot = Some(slot.map_or(e.at_ms, |t| t.min(e.at_ms)));
    }
    let reached = earliest.iter().take_while(|t| t.is_some()).count();
    let mut steps = [None; 4];
    steps[..reached].copy_from_slice(&earliest[..reached]);
    let state = match reached {
        0 => MinutesState::Due,
        n => MinutesState::Done(MinutesStep::ALL[n - 1]),
    };
    let written = steps[0];
    Ok(Minutes {
        state,
        due_on,
        steps,
        overdue: written.is_none() && cal.local_date(now_ms) > due_on,
        written_late: written.is_some_and(|w| cal.local_date(w) > due_on),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use MinutesStep::*;

    const HOUR: i64 = 3_600_000;
    const DAY: i64 = 24 * HOUR;

    fn ev(id: &str, step: MinutesStep, at_ms: i64) -> MinutesEvent {
        MinutesEvent { id: id.into(), step, at_ms, by: "li".into() }
    }

    #[test]
    fn v5_steps_are_recorded_in_order_only() {
        assert_eq!(check_step(MinutesState::Due, Written), Ok(()));
        assert_eq!(check_step(MinutesState::Done(Written), Reviewed), Ok(()));
        assert_eq!(
            check_step(MinutesState::Done(Written), SentToCustomer),
            Err(MinutesError::OutOfOrder { state: MinutesState::Done(Written), step: SentToCustomer })
        );
        assert_eq!(MinutesState::Done(ReceiptConfirmed).next_step(), None);
    }

    #[test]
    fn v5_the_fold_reaches_the_same_state_whatever_order_events_arrive_in() {
        let cal = TeamCalendar::default();
        let evs = [ev("e1", Written, DAY), ev("e2", Reviewed, 2 * DAY), ev("e3", SentToCustomer, 3 * DAY)];
        let mut rev = evs.clone();
        rev.reverse();
        let a = minutes(0, &evs, &cal, 4 * DAY).unwrap();
        assert_eq!(a, minutes(0, &rev, &cal, 4 * DAY).unwrap());
        assert_eq!(a.state, MinutesState::Done(SentToCustomer));
        assert_eq!(a.at(Reviewed), Some(2 * DAY));
    }

    #[test]
    fn v5_a_send_without_a_review_does_not_advance_past_written() {
        let cal = TeamCalendar::default();
        let m = minutes(0, &[ev("e1", Written, DAY), ev("e3", SentToCustomer, 2 * DAY)], &cal, 3 * DAY).unwrap();
        assert_eq!(m.state, MinutesState::Done(Written));
        assert_eq!(m.at(SentToCustomer), None);
    }

    #[test]
    fn v5_unwritten_minutes_alert_rep_and_manager_only_once_overdue() {
        let cal = TeamCalendar::default();
        // 1970-01-01 was a Thursday: due Monday the 5th.
        let m = minutes(0, &[], &cal, 4 * DAY).unwrap();
        assert_eq!(m.due_on, NaiveDate::from_ymd_opt(1970, 1, 5).unwrap());
        assert!(!m.overdue);
        assert!(m.alert().is_empty());
        let late = minutes(0, &[], &cal, 5 * DAY).unwrap();
        assert!(late.overdue);
        assert_eq!(late.alert(), &[Recipient::Rep, Recipient::Manager]);
    }
}
