//! Events: the event record (**E1**), invitations and the turn-up rate (**E2**), and cost
//! against budget with cost per lead (**E5**).
//!
//! Nothing derived is stored: the turn-up rate is computed from the invitee list and the
//! merged participants ([`super::participant`]), the cost report from the budget lines.
//! Ratios stay exact (numerator and denominator); a page rounds them only to show them.
//!
//! ```
//! use outpost::domain::event::{Ratio, turn_up_rate, Invitee, InviteStatus};
//! let invitees = [
//!     Invitee::new("c1", "138 0013 8000", InviteStatus::Confirmed),
//!     Invitee::new("c2", "13900139000", InviteStatus::NoAnswer),
//! ];
//! let attended = ["13800138000".to_string()];
//! assert_eq!(turn_up_rate(&invitees, &attended), Some(Ratio::new(1, 2)));
//! ```

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::customer::phone_key;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EventError {
    #[error("the event needs a theme")]
    ThemeEmpty,
    #[error("the event needs a venue")]
    VenueEmpty,
    #[error("the event needs an organiser")]
    OrganiserEmpty,
    #[error("the event ends before it starts")]
    EndsBeforeStart,
    #[error("budget line {line:?} has a negative amount")]
    NegativeAmount { line: String },
    #[error("budget line needs a name")]
    LineNameEmpty,
}

/// What separates the creator from the random part of an event id ([`event_id`]).
pub const CREATOR_MARK: char = '~';

/// **E1** (issue 15) A new event's id, `<creator>~<random>`: it names the person who
/// created the event, and an id never changes, so every device knows who may keep the
/// event without trusting any field of it. The organiser is a field anyone planning the
/// event may rewrite (and is a name, not a profile); the creator is fixed at birth.
/// `domain::authority` counts a change of a creator-bound event only from its creator, a
/// manager or event staff.
///
/// ```
/// use outpost::domain::event::{creator_of, event_id};
/// let id = event_id("p-li", "9f2c");
/// assert_eq!(creator_of(&id), Some("p-li"));
/// assert_eq!(creator_of("9f2c"), None);
/// ```
pub fn event_id(creator: &str, random: &str) -> String {
    format!("{creator}{CREATOR_MARK}{random}")
}

/// The creator an event id names ([`event_id`]); `None` for ids written by builds
/// before creators were bound (any id without the mark, or with an empty part).
pub fn creator_of(id: &str) -> Option<&str> {
    match id.rsplit_once(CREATOR_MARK) {
        Some((creator, random)) if !creator.is_empty() && !random.is_empty() => Some(creator),
        _ => None,
    }
}

/// **E1** One promotional event (an LWW document).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    /// E.g. "Kite DIY day".
    pub theme: String,
    /// Instants in ms since the epoch; the event runs `starts_ms..ends_ms`.
    pub starts_ms: i64,
    pub ends_ms: i64,
    pub venue: String,
    /// Who organises it, as the planners write it (a name; the creator who may keep the
    /// event is bound in the id, [`creator_of`]).
    pub organiser: String,
    /// Who it is for, in the organiser's words ("owners and their families").
    pub audience: String,
    /// E.g. "DIY workshop with games".
    pub format: String,
    pub budget: Vec<BudgetLine>,
    /// The consent text version walk-ins sign (E3); frozen once the event starts.
    pub consent_version: String,
}

/// **E1/E5** One budget line, planned and actual, in integer fen.
///
/// Each line is its own record (`storage::events` keeps it in its own register), so two
/// tablets editing different lines offline keep both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    /// Stable across edits and tablets; empty on a line not stored yet.
    #[serde(default)]
    pub id: String,
    pub name: String,
    pub planned_fen: i64,
    pub actual_fen: i64,
    /// Where the line sits: lines read in `(pos, id)` order, and a new line goes after
    /// every line its tablet knew. Never renumbered, so an edit touches one line only.
    #[serde(default)]
    pub pos: i64,
}

impl BudgetLine {
    /// A line with its id; storage places it after the lines already there.
    pub fn new(id: &str, name: &str, planned_fen: i64, actual_fen: i64) -> Self {
        BudgetLine { id: id.to_owned(), name: name.to_owned(), planned_fen, actual_fen, pos: 0 }
    }
}

/// **E1** Places the lines of `new` that `old` does not have after every line of `old`,
/// in their order; a line `old` has keeps its place. The same on the form and in
/// storage, so what a form keeps after saving is what was stored.
pub fn place_budget_lines(old: &[BudgetLine], new: &mut [BudgetLine]) {
    let mut next = old.iter().map(|l| l.pos + 1).max().unwrap_or(0);
    for l in new.iter_mut() {
        match old.iter().find(|o| !l.id.is_empty() && o.id == l.id) {
            Some(o) => l.pos = o.pos,
            None => {
                l.pos = next;
                next += 1;
            }
        }
    }
}

/// Where an event stands at a given instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    Before,
    Running,
    Ended,
}

impl Event {
    /// Who keeps the event besides managers and event staff: the creator its id names
    /// ([`creator_of`]); for an event from before ids named creators, the organiser field
    /// as it was compared before (such events are checked on the writing tablet only).
    pub fn keeper(&self) -> &str {
        creator_of(&self.id).unwrap_or(&self.organiser)
    }

    /// **E1** Checks the fields a saved event must have.
    pub fn validate(&self) -> Result<(), EventError> {
        if self.theme.trim().is_empty() {
            return Err(EventError::ThemeEmpty);
        }
        if self.venue.trim().is_empty() {
            return Err(EventError::VenueEmpty);
        }
        if self.organiser.trim().is_empty() {
            return Err(EventError::OrganiserEmpty);
        }
        if self.ends_ms < self.starts_ms {
            return Err(EventError::EndsBeforeStart);
        }
        for line in &self.budget {
            if line.name.trim().is_empty() {
                return Err(EventError::LineNameEmpty);
            }
            if line.planned_fen < 0 || line.actual_fen < 0 {
                return Err(EventError::NegativeAmount { line: line.name.clone() });
            }
        }
        Ok(())
    }

    /// The phase at `now_ms` (the clock is passed in).
    pub fn phase(&self, now_ms: i64) -> Phase {
        if now_ms < self.starts_ms {
            Phase::Before
        } else if now_ms < self.ends_ms {
            Phase::Running
        } else {
            Phase::Ended
        }
    }
}

pub use super::ratio::Ratio;

/// **E2** Where an invitation stands (an LWW field on the invitee record).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InviteStatus {
    /// Notified, no reply recorded yet.
    Invited,
    Confirmed,
    Declined,
    /// Called or messaged, never reached.
    NoAnswer,
}

/// **E2** A customer on the event's invitation list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitee {
    pub customer: String,
    pub phone: String,
    pub status: InviteStatus,
}

impl Invitee {
    pub fn new(customer: &str, phone: &str, status: InviteStatus) -> Self {
        Self { customer: customer.into(), phone: phone.into(), status }
    }
}

/// **E2** Counts per status plus how many invitees turned up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteSummary {
    pub invited: u64,
    pub confirmed: u64,
    pub declined: u64,
    pub no_answer: u64,
    pub pending: u64,
    pub attended: u64,
}

/// **E2** Summarises the list against the phone keys of the (deduplicated) participants.
/// An invitee attended when a participant registered with the same normalised phone.
pub fn invite_summary(invitees: &[Invitee], attended_keys: &[String]) -> InviteSummary {
    let here: BTreeSet<&str> = attended_keys.iter().map(String::as_str).collect();
    let mut seen = BTreeSet::new();
    let mut s = InviteSummary::default();
    for i in invitees {
        // One customer listed twice (two tablets adding them) is one invitation.
        if !seen.insert(i.customer.as_str()) {
            continue;
        }
        s.invited += 1;
        match i.status {
            InviteStatus::Invited => s.pending += 1,
            InviteStatus::Confirmed => s.confirmed += 1,
            InviteStatus::Declined => s.declined += 1,
            InviteStatus::NoAnswer => s.no_answer += 1,
        }
        if phone_key(&i.phone).is_some_and(|k| here.contains(k.as_str())) {
            s.attended += 1;
        }
    }
    s
}

/// **E2** The live turn-up rate: invitees who attended ÷ everyone invited, whatever they
/// answered. Walk-ins are not invitees and do not count. `None` before anyone is invited.
pub fn turn_up_rate(invitees: &[Invitee], attended_keys: &[String]) -> Option<Ratio> {
    let s = invite_summary(invitees, attended_keys);
    (s.invited > 0).then(|| Ratio::new(s.attended, s.invited))
}

/// **E5** Cost against budget, line by line and in total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostReport {
    pub lines: Vec<LineVariance>,
    pub planned_fen: i64,
    pub actual_fen: i64,
    /// `actual − planned`: positive is over budget.
    pub variance_fen: i64,
    pub leads: u64,
    /// Actual cost ÷ leads, exact; `None` when the event produced no lead.
    pub cost_per_lead: Option<CostPerLead>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineVariance {
    pub name: String,
    pub planned_fen: i64,
    pub actual_fen: i64,
    pub variance_fen: i64,
}

/// An exact fen-per-lead figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostPerLead {
    pub total_fen: i64,
    pub leads: u64,
}

impl CostPerLead {
    /// Rounded half up to whole fen, for display.
    pub fn rounded_fen(&self) -> i64 {
        let l = self.leads as i128;
        ((self.total_fen as i128 * 2 + l) / (2 * l)) as i64
    }
}

/// **E5** The cost report for `event` given the leads it produced (participants counted
/// by [`super::participant::lead_count`]).
pub fn cost_report(event: &Event, leads: u64) -> CostReport {
    let lines: Vec<LineVariance> = event
        .budget
        .iter()
        .map(|l| LineVariance {
            name: l.name.clone(),
            planned_fen: l.planned_fen,
            actual_fen: l.actual_fen,
            variance_fen: l.actual_fen - l.planned_fen,
        })
        .collect();
    let planned_fen: i64 = lines.iter().map(|l| l.planned_fen).sum();
    let actual_fen: i64 = lines.iter().map(|l| l.actual_fen).sum();
    CostReport {
        lines,
        planned_fen,
        actual_fen,
        variance_fen: actual_fen - planned_fen,
        leads,
        cost_per_lead: (leads > 0).then_some(CostPerLead { total_fen: actual_fen, leads }),
    }
}
