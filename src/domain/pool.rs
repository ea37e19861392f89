//! The customer pool and ownership: rules **P1–P9** and the traceable record of **H2**.
//!
//! Ownership is never stored. Every event that bears on it — a first contact, a claim,
//! a manager's assignment, a release, a confirmed payment, a logged contact — is an
//! immutable [`Fact`] (an entry, synced like any other), and [`ownership`] folds one
//! customer's facts into an [`Ownership`]: who holds it, why, since when, when it returns
//! to the pool, which claims lost, and the history of every change.
//!
//! **Same answer on every tablet (P6).** Facts arrive in any order from several devices.
//! The fold sorts them by `(stamp, id)` — the HLC is a total order — so two reps who
//! claimed the same customer offline see the same winner, the earliest, once their
//! tablets have exchanged entries.
//!
//! **Deadlines are derived.** A customer without a deal returns to the pool
//! [`PoolSettings::p1_months`] after its owner took it (P1); one with past sales
//! [`PoolSettings::p3_months`] after its last sale (P3). Months are calendar months in
//! the team's time zone, so 31 January plus one month is the last day of February.
//!
//! ```
//! use outpost::domain::pool::{ownership, Fact, FactKind, OwnReason, PoolSettings};
//! use outpost::record::hlc::Hlc;
//! let stamp = |wall_ms| Hlc { wall_ms, counter: 0, device: "tab-a".into() };
//! let facts = [
//!     Fact::new("f2", stamp(2_000), "li", FactKind::Claim { rep: "li".into() }),
//!     Fact::new("f1", stamp(1_000), "wang", FactKind::Claim { rep: "wang".into() }),
//! ];
//! let own = ownership(&facts, 3_000, &PoolSettings::default());
//! assert_eq!(own.owner.as_deref(), Some("wang")); // the earliest claim wins (P6)
//! assert_eq!(own.reason, Some(OwnReason::Claimed));
//! assert_eq!(own.lost_claims[0].holder, "wang");
//! ```

mod fact;
mod fold;
mod ownership;

use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use fact::{AssignReason, Fact, FactKind, ReleaseNote};
pub use fold::ownership;
pub use ownership::{Change, Expiry, HistoryItem, LostClaim, OwnReason, Ownership, ReturnedNote, Rule};

/// The team's pool settings; a team that reads P1/P3/P8 differently changes them here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PoolSettings {
    /// P1: months an owner may hold a customer that has never bought.
    pub p1_months: u32,
    /// P3: months without a sale before a customer with past sales returns.
    pub p3_months: u32,
    /// P8: calendar days an assigned rep has to contact the customer.
    pub p8_days: u32,
    /// The team's time zone, minutes east of UTC; months and dates are counted in it.
    pub utc_offset_minutes: i32,
    /// P9 "the manager can require it": a customer whose P1/P3 deadline came, or whose
    /// note a manager sent back, is held out of the pool (no claims) until the rep's
    /// note is in. Off: it is claimable at once and the note is still asked for.
    pub require_release_note: bool,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self { p1_months: 2, p3_months: 3, p8_days: 7, utc_offset_minutes: 8 * 60, require_release_note: false }
    }
}

/// Why a pool fact or form was refused; the UI words each reason in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PoolError {
    #[error("{0:?} is not a pool entry kind")]
    UnknownKind(String),
    #[error("the {kind} entry body is not valid: {reason}")]
    BadBody { kind: String, reason: String },
    #[error("the entry has no id")]
    MissingId,
    #[error("the {kind} entry names no rep")]
    MissingRep { kind: &'static str },
    #[error("a confirmed payment must be more than zero (got {amount_fen} fen)")]
    NonPositiveAmount { amount_fen: i64 },
    #[error("the release note has no {field}")]
    IncompleteNote { field: &'static str },
    /// P9: a note sent back says what is missing.
    #[error("say what the release note is missing")]
    EmptyComment,
}
