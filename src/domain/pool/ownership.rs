//! What the fold says about one customer: owner, reason, deadlines (P1, P3, P8), lost
//! claims (P6), the release note still owed (P9) and the traceable history (H2).
//! Every field is derived from facts; nothing here is stored.

use chrono::{DateTime, FixedOffset, Offset, Utc};
use serde::{Deserialize, Serialize};

use super::{AssignReason, ReleaseNote};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Why the current owner holds the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnReason {
    /// P1: the rep who first received the customer.
    FirstContact,
    /// P5: claimed from the pool.
    Claimed,
    /// P2: closed the first deal (or a deal while the customer was in the pool).
    FirstDeal,
    /// P4: handed over by management, marked as referred.
    Referred,
    /// A manager's assignment (P6 override, P7 distribution, P8 reassignment).
    Assigned,
    /// H1/H2: taken over from another rep.
    Handover,
}

impl OwnReason {
    /// The stable code for storage and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            OwnReason::FirstContact => "first_contact",
            OwnReason::Claimed => "claimed",
            OwnReason::FirstDeal => "first_deal",
            OwnReason::Referred => "referred",
            OwnReason::Assigned => "assigned",
            OwnReason::Handover => "handover",
        }
    }
}

impl From<AssignReason> for OwnReason {
    fn from(reason: AssignReason) -> Self {
        match reason {
            AssignReason::Referred => OwnReason::Referred,
            AssignReason::Handover => OwnReason::Handover,
            AssignReason::Assigned | AssignReason::Distribution => OwnReason::Assigned,
        }
    }
}

/// The rule that returns a customer to the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// No deal within `p1_months` of taking the customer.
    P1,
    /// No sale within `p3_months` of the last one.
    P3,
}

/// P6: a claim that lost to an earlier holder; the losing rep is told who and since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LostClaim {
    pub fact_id: String,
    pub rep: String,
    pub at_ms: i64,
    pub holder: String,
    pub holder_since_ms: i64,
}

/// A return to the pool under P1 or P3, at the deadline itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expiry {
    pub rep: String,
    pub at_ms: i64,
    pub rule: Rule,
}

/// H2: one change in the customer's ownership, with what caused it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryItem {
    pub at_ms: i64,
    /// The fact behind the change; `None` for an expiry, which no one wrote.
    pub fact_id: Option<String>,
    /// The fact's author (the manager who assigned, finance who confirmed).
    pub by: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    /// `to` now owns the customer; `from == to` when only the reason changed (a first
    /// deal by the holder, a manager confirming the holder). `note` is the manager's.
    Owned { reason: OwnReason, note: String },
    /// `from` lost the customer to the pool at its deadline.
    Expired { rule: Rule },
    /// `from` released the customer with the P9 note; `after_expiry` when the note
    /// followed a P1/P3 expiry rather than causing the return.
    Released { note: ReleaseNote, after_expiry: bool },
    /// A manager sent `from`'s release note back asking for more (P9).
    NoteReturned { comment: String },
}

/// P9: a manager's request for a fuller release note, until the rep answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedNote {
    pub by: String,
    pub at_ms: i64,
    pub comment: String,
}

/// One customer's ownership as of the `now_ms` it was folded at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ownership {
    /// `None`: the customer is in the pool (P5).
    pub owner: Option<String>,
    pub reason: Option<OwnReason>,
    /// When the current owner's unbroken holding began.
    pub since_ms: Option<i64>,
    /// When the customer returns to the pool unless something happens first.
    pub returns_at_ms: Option<i64>,
    pub returns_rule: Option<Rule>,
    pub lost_claims: Vec<LostClaim>,
    pub last_expiry: Option<Expiry>,
    /// P9: the rep who still owes a release note after an expiry (or a note sent back).
    pub needs_release_note: Option<String>,
    /// P9: the manager's request when the owed note is one sent back for more detail.
    #[serde(default)]
    pub returned_note: Option<ReturnedNote>,
    /// P9 with the team requiring the note: out of the pool, no claims, until it is in.
    #[serde(default)]
    pub held_for_note: bool,
    /// P8: the contact deadline of an assigned owner who has not yet made contact.
    pub reassign_due: Option<i64>,
    pub history: Vec<HistoryItem>,
    /// Sale instants (the payment date at the team's midnight) of confirmed payments.
    pub first_sale_ms: Option<i64>,
    pub last_sale_ms: Option<i64>,
    pub ever_owned: bool,
    /// The team offset the dates were computed in; the day helpers count in it.
    pub utc_offset_minutes: i32,
}

impl Ownership {
    pub(super) fn empty(utc_offset_minutes: i32) -> Self {
        Self {
            owner: None,
            reason: None,
            since_ms: None,
            returns_at_ms: None,
            returns_rule: None,
            lost_claims: Vec::new(),
            last_expiry: None,
            needs_release_note: None,
            returned_note: None,
            held_for_note: false,
            reassign_due: None,
            history: Vec::new(),
            first_sale_ms: None,
            last_sale_ms: None,
            ever_owned: false,
            utc_offset_minutes,
        }
    }

    /// P5: an ownerless customer is in the pool.
    pub fn in_pool(&self) -> bool {
        self.owner.is_none()
    }

    /// P5/P9: ownerless and open to claims (not held for a release note).
    pub fn claimable(&self) -> bool {
        self.owner.is_none() && !self.held_for_note
    }

    /// P9: the rep and note of the release that put the customer in the pool, while it
    /// is still there (what a manager may send back).
    pub fn last_release(&self) -> Option<(&str, &ReleaseNote)> {
        if self.owner.is_some() {
            return None;
        }
        // The latest change of hands, looking past notes sent back: a release before a
        // later holding (and that holding's expiry) is not what put it in the pool now.
        let h = self.history.iter().rev().find(|h| !matches!(h.change, Change::NoteReturned { .. }))?;
        match (&h.change, &h.from) {
            (Change::Released { note, .. }, Some(rep)) => Some((rep.as_str(), note)),
            _ => None,
        }
    }

    /// P8: the assigned owner's week has passed without a contact; the manager may reassign.
    pub fn is_reassign_due(&self, now_ms: i64) -> bool {
        self.reassign_due.is_some_and(|due| now_ms >= due)
    }

    /// Team-local calendar days from `now_ms` to the return date: 0 = returns today.
    pub fn days_until_return(&self, now_ms: i64) -> Option<i64> {
        let returns = self.returns_at_ms?;
        Some((self.local_day(returns) - self.local_day(now_ms)).num_days())
    }

    /// The "returns to the pool within `days` days" filter (today counts as day 0).
    pub fn returns_within(&self, now_ms: i64, days: i64) -> bool {
        self.days_until_return(now_ms).is_some_and(|d| d <= days)
    }

    fn local_day(&self, instant_ms: i64) -> chrono::NaiveDate {
        let offset = team_offset(self.utc_offset_minutes);
        DateTime::from_timestamp_millis(instant_ms).unwrap_or_default().with_timezone(&offset).date_naive()
    }
}

/// The team's offset; an out-of-range value edited by hand falls back to UTC.
pub(super) fn team_offset(minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(minutes.saturating_mul(60)).unwrap_or_else(|| Utc.fix())
}

pub(super) fn days_ms(days: u32) -> i64 {
    i64::from(days) * DAY_MS
}
