//! H1/H2: a departing rep hands over every customer with its true state and receivables;
//! until the handover is complete the rep's commission is withheld (H1). Each transfer is
//! a manager's assignment with `AssignReason::Handover`, so the pool history keeps a
//! traceable record of it (H2).

use serde::{Deserialize, Serialize};

use crate::domain::distribution::{propose, Proposal, RepLoad};

/// Where a departing rep's handover stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverStatus {
    pub rep: String,
    /// Customers the rep still holds.
    pub remaining: usize,
    /// Known receivables of those customers, in fen.
    pub receivables_fen: i64,
    /// Customers still held whose receivables nobody has stated yet.
    pub unknown_receivables: usize,
    /// H1: withheld while the rep still holds any customer.
    pub commission_held: bool,
}

/// The handover state of `rep`, from the customers they still hold and each one's
/// receivable (`None` = not yet stated).
pub fn handover_status(rep: &str, holdings: &[(String, Option<i64>)]) -> HandoverStatus {
    let receivables_fen = holdings.iter().filter_map(|(_, r)| *r).fold(0i64, i64::saturating_add);
    HandoverStatus {
        rep: rep.to_owned(),
        remaining: holdings.len(),
        receivables_fen,
        unknown_receivables: holdings.iter().filter(|(_, r)| r.is_none()).count(),
        commission_held: !holdings.is_empty(),
    }
}

/// Drafts who takes each customer, balanced like event leads (P7). The departing rep
/// should not be among `to`.
pub fn plan_handover(customers: &[String], to: &[RepLoad]) -> Proposal {
    propose(customers, to)
}
