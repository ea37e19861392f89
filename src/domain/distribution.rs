//! P7: event leads are distributed by the manager, balancing the customers each rep
//! holds against their capacity. [`propose`] drafts the split; the manager edits it and
//! each accepted line becomes an assignment (`AssignReason::Distribution`).
//!
//! Greedy water-filling: each lead, in the order given, goes to the rep with the lowest
//! load ratio `(holding + given) / capacity` among reps with room; ties go to the rep
//! with fewer customers, then the smaller rep id. Same input, same proposal.
//!
//! ```
//! use outpost::domain::distribution::{propose, RepLoad};
//! let reps = [
//!     RepLoad { rep: "li".into(), holding: 8, capacity: 10 },
//!     RepLoad { rep: "wang".into(), holding: 2, capacity: 10 },
//! ];
//! let leads: Vec<String> = ["a", "b"].map(String::from).to_vec();
//! let p = propose(&leads, &reps);
//! assert!(p.assignments.iter().all(|(_, rep)| rep == "wang"));
//! ```

use std::cmp::Ordering;
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// A rep's capacity until a manager sets one.
pub const DEFAULT_CAPACITY: usize = 100;
/// The largest capacity a manager may set.
pub const MAX_CAPACITY: usize = 10_000;

/// A capacity as typed: a whole number 0–[`MAX_CAPACITY`] (0: the rep takes no leads).
pub fn parse_capacity(text: &str) -> Option<usize> {
    text.trim().parse::<usize>().ok().filter(|n| *n <= MAX_CAPACITY)
}

/// A rep's current load: customers held and how many they can look after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepLoad {
    pub rep: String,
    pub holding: usize,
    pub capacity: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Proposal {
    /// `(lead, rep)` in the order the leads were given.
    pub assignments: Vec<(String, String)>,
    /// Leads no rep had room for; they stay in the pool.
    pub unassigned: Vec<String>,
}

impl Proposal {
    /// How many leads the proposal gives `rep`.
    pub fn given_to(&self, rep: &str) -> usize {
        self.assignments.iter().filter(|(_, r)| r == rep).count()
    }
}

/// Drafts a balanced distribution of `leads` (a lead listed twice is given once).
pub fn propose(leads: &[String], reps: &[RepLoad]) -> Proposal {
    let mut load: Vec<(&RepLoad, usize)> = reps.iter().map(|r| (r, r.holding)).collect();
    let mut seen = BTreeSet::new();
    let mut proposal = Proposal::default();
    for lead in leads.iter().filter(|l| seen.insert(l.as_str())) {
        let best = load
            .iter_mut()
            .filter(|(r, now)| *now < r.capacity)
            .min_by(|(a, a_now), (b, b_now)| lighter(a, *a_now, b, *b_now));
        match best {
            Some((rep, now)) => {
                *now += 1;
                proposal.assignments.push((lead.clone(), rep.rep.clone()));
            }
            None => proposal.unassigned.push(lead.clone()),
        }
    }
    proposal
}

/// Orders two reps by load ratio, then customers held, then id; both have capacity > 0
/// (also the tie-break of seed 002's territory assignment, `domain::territory`).
pub fn lighter(a: &RepLoad, a_now: usize, b: &RepLoad, b_now: usize) -> Ordering {
    // a_now / a.capacity vs b_now / b.capacity without floats.
    let left = a_now as u128 * b.capacity as u128;
    let right = b_now as u128 * a.capacity as u128;
    left.cmp(&right).then(a_now.cmp(&b_now)).then_with(|| a.rep.cmp(&b.rep))
}
