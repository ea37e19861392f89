//! Key-account activities: rule **K2** (technical seminars, industry meetings,
//! appreciation events, launches, tickets), recorded per customer — who took part,
//! when, which kind, notes, and optionally the team event (E1) it was part of — and
//! counted as inputs to the **K3** service evaluation of the same customer.
//!
//! An activity is recorded once it has happened: a day after today is refused (a
//! planned event lives in Events). Whether a customer is a key account is derived,
//! never stored: a customer with any K1 support request, K2 activity or K3 evaluation
//! is one ([`key_accounts`]).
//!
//! ```
//! use outpost::domain::approval::ActivityKind;
//! use outpost::domain::key_activity::{ActivityCounts, KeyActivity, KeyActivityDraft, KeyActivityError};
//! let today = "2026-05-10".parse().unwrap();
//! let draft = KeyActivityDraft {
//!     kind: ActivityKind::TechnicalSeminar,
//!     on: "2026-05-08".parse().unwrap(),
//!     who: "Ms Chen (CTO), two engineers".into(),
//!     notes: "asked for the API roadmap".into(),
//!     event_id: None,
//! };
//! let a = KeyActivity::new("kaa:1", "c1", "li", &draft, today).unwrap();
//! assert_eq!(ActivityCounts::of(&[a], "c1", None).total(), 1);
//! let nobody = KeyActivityDraft { who: " ".into(), ..draft };
//! assert_eq!(KeyActivity::new("kaa:2", "c1", "li", &nobody, today), Err(KeyActivityError::NoAttendees));
//! ```

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use thiserror::Error;

use super::approval::{ActivityKind, ServiceEvaluation, SupportRequest};

/// The longest "who took part" a record keeps, in characters.
pub const MAX_WHO: usize = 300;
/// The longest notes a record keeps, in characters.
pub const MAX_NOTES: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeyActivityError {
    #[error("say who took part")]
    NoAttendees,
    #[error("who took part is longer than {MAX_WHO} characters")]
    AttendeesTooLong,
    #[error("the notes are longer than {MAX_NOTES} characters")]
    NotesTooLong,
    #[error("an activity is recorded once it has happened, not on {on}")]
    InFuture { on: NaiveDate },
    #[error("no event {0:?} on this device")]
    UnknownEvent(String),
}

/// What the person recording types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyActivityDraft {
    pub kind: ActivityKind,
    pub on: NaiveDate,
    /// Who took part, in the recorder's words (the customer's people and ours).
    pub who: String,
    pub notes: String,
    /// The team event (E1) the activity was part of, by id.
    pub event_id: Option<String>,
}

/// K2: one key-account activity for one customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyActivity {
    pub id: String,
    pub customer_id: String,
    pub kind: ActivityKind,
    pub on: NaiveDate,
    pub who: String,
    pub notes: String,
    pub event_id: Option<String>,
    /// The profile that recorded it.
    pub recorded_by: String,
}

impl KeyActivity {
    /// Checks `draft` on `today` (the team's calendar): someone took part, the texts fit,
    /// the day is not after today. Whether the event exists is the caller's to check
    /// ([`KeyActivityError::UnknownEvent`]); a blank event id means none.
    pub fn new(
        id: impl Into<String>,
        customer_id: impl Into<String>,
        recorded_by: &str,
        draft: &KeyActivityDraft,
        today: NaiveDate,
    ) -> Result<Self, KeyActivityError> {
        let who = draft.who.trim();
        if who.is_empty() {
            return Err(KeyActivityError::NoAttendees);
        }
        if who.chars().count() > MAX_WHO {
            return Err(KeyActivityError::AttendeesTooLong);
        }
        let notes = draft.notes.trim();
        if notes.chars().count() > MAX_NOTES {
            return Err(KeyActivityError::NotesTooLong);
        }
        if draft.on > today {
            return Err(KeyActivityError::InFuture { on: draft.on });
        }
        let event_id = draft.event_id.as_deref().map(str::trim).filter(|e| !e.is_empty()).map(str::to_owned);
        Ok(Self {
            id: id.into(),
            customer_id: customer_id.into(),
            kind: draft.kind,
            on: draft.on,
            who: who.to_owned(),
            notes: notes.to_owned(),
            event_id,
            recorded_by: recorded_by.to_owned(),
        })
    }
}

/// How many K2 activities of each kind a customer had: the input a K3 evaluation reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityCounts(pub BTreeMap<ActivityKind, usize>);

impl ActivityCounts {
    /// The activities of `customer`, up to and including `up_to` when given (an
    /// evaluation counts what had happened by its activity's day).
    pub fn of(activities: &[KeyActivity], customer: &str, up_to: Option<NaiveDate>) -> Self {
        let mut m = BTreeMap::new();
        for a in activities.iter().filter(|a| a.customer_id == customer && up_to.is_none_or(|d| a.on <= d)) {
            *m.entry(a.kind).or_insert(0) += 1;
        }
        Self(m)
    }

    pub fn total(&self) -> usize {
        self.0.values().sum()
    }

    pub fn of_kind(&self, kind: ActivityKind) -> usize {
        self.0.get(&kind).copied().unwrap_or(0)
    }
}

/// The customers that are key accounts: those with a K1 support request, a K2 activity
/// or a K3 evaluation. Derived from the records, never stored.
pub fn key_accounts(
    requests: &[SupportRequest],
    evaluations: &[ServiceEvaluation],
    activities: &[KeyActivity],
) -> BTreeSet<String> {
    requests
        .iter()
        .map(|r| &r.customer_id)
        .chain(evaluations.iter().map(|e| &e.customer_id))
        .chain(activities.iter().map(|a| &a.customer_id))
        .filter(|c| !c.is_empty())
        .cloned()
        .collect()
}
