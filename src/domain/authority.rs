//! Who may write what: each entry judged against the team roster (issue 15).
//!
//! Money and ownership follow a few kinds of entry, so those count only when sealed by
//! a key the roster gave the needed role at the entry's stamp: finance confirms
//! payments (O3, which moves ownership under P2/P3 and tier under C3), managers assign
//! pool customers (P4, P5, P7) and decide orders (O1). Every other entry needs only a valid member's seal.
//! The seal must also be the author's own: a key may not sign for another person.
//!
//! A team that has no roster yet (created before seals) is judged as before: every
//! entry counts. Once its roster exists, an unsealed entry counts only if it is stamped
//! before the roster's first grant — data from before the migration, accepted once and
//! marked [`Verdict::Legacy`].

use crate::domain::profile::Role;
use crate::domain::roster::Roster;
use crate::record::replica::Entry;

/// The kind of a finance confirmation of a recorded payment (O3).
pub const FINANCE_CONFIRMATION: &str = "finance.confirmation";
/// The customer fact a confirmed payment adds (P2, P3, C3).
pub const PAYMENT_CONFIRMED: &str = "payment.confirmed";
/// A manager assigning a pool customer to a rep (P4, P5, P7).
pub const POOL_ASSIGN: &str = "pool.assign";
/// A step of an order; approving, rejecting and reopening are the manager's (O1).
pub const ORDER_STEP: &str = "order.step";

/// The roles an entry needs from its signer; `None` = any member.
pub fn needed(e: &Entry) -> Option<&'static [Role]> {
    match e.kind.as_str() {
        FINANCE_CONFIRMATION | PAYMENT_CONFIRMED => Some(&[Role::Finance]),
        POOL_ASSIGN => Some(&[Role::Manager]),
        ORDER_STEP => match e.body.get("type").and_then(|t| t.as_str()) {
            Some("approved" | "rejected" | "reopened") => Some(&[Role::Manager]),
            _ => None,
        },
        _ => None,
    }
}

/// How an entry stands against the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Sealed by the author's own key, which held the needed role then.
    Trusted,
    /// Unsealed, from before the team had a roster: counts, marked as unverified.
    Legacy,
    /// Unsealed, written after the team had a roster.
    Unsealed,
    /// Sealed by a key the roster does not hold at the entry's stamp (unknown, not yet
    /// granted, or revoked by then).
    UnknownKey,
    /// Sealed by someone else's key than the author named.
    NotTheAuthor,
    /// The signer lacked the role the entry needs.
    LacksRole,
}

impl Verdict {
    /// Whether the entry counts in folds.
    pub fn counts(self) -> bool {
        matches!(self, Verdict::Trusted | Verdict::Legacy)
    }

    /// A stable code for the quarantine and the UI's wording.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Trusted => "trusted",
            Verdict::Legacy => "legacy",
            Verdict::Unsealed => "unsealed",
            Verdict::UnknownKey => "unknown_key",
            Verdict::NotTheAuthor => "not_the_author",
            Verdict::LacksRole => "lacks_role",
        }
    }
}

/// Judges one entry; `roster` is `None` for a team without one.
pub fn judge(e: &Entry, roster: Option<&Roster>) -> Verdict {
    let Some(roster) = roster else {
        return Verdict::Legacy;
    };
    let at = e.stamp.wall_ms;
    let Some(seal) = &e.seal else {
        return match roster.since_ms {
            Some(since) if at >= since => Verdict::Unsealed,
            _ => Verdict::Legacy,
        };
    };
    let Some(member) = roster.member_at(&seal.key, at) else {
        return Verdict::UnknownKey;
    };
    if member.person != e.author {
        return Verdict::NotTheAuthor;
    }
    match needed(e) {
        Some(roles) if !member.roles.iter().any(|r| roles.contains(r)) => Verdict::LacksRole,
        _ => Verdict::Trusted,
    }
}

/// Splits `entries` into those that count and those refused, with why.
pub fn sift<'a>(entries: impl IntoIterator<Item = &'a Entry>, roster: Option<&Roster>) -> Sifted<'a> {
    let mut out = Sifted::default();
    for e in entries {
        let v = judge(e, roster);
        if v.counts() {
            out.counted.push(e);
        } else {
            out.refused.push((e, v));
        }
    }
    out
}

/// What [`sift`] found.
#[derive(Debug, Default)]
pub struct Sifted<'a> {
    pub counted: Vec<&'a Entry>,
    pub refused: Vec<(&'a Entry, Verdict)>,
}
