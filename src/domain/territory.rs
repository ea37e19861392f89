//! Seed 002 territory assignment, under P4/P7: "市场部收集的客户资料，应根据经营属地分别
//! 提供给相关业务员" (第二条（五）: leads collected by marketing go to the reps of their
//! region) and "由业务经理按照负责客户数量均衡、兼顧业务能力的原则，分配给相关业务员"
//! (第四条（二）: the manager distributes them balancing what each rep holds and their
//! ability — P7's capacity).
//!
//! The team keeps a table region → reps ([`TerritoryTable`], a synced team setting the
//! manager keeps). [`propose`] computes, never stores, who each pending lead goes to:
//! the reps of the lead's region, the one with the lowest P7 load ratio among those with
//! room ([`crate::domain::distribution::lighter`]: held ÷ capacity, then fewer held, then
//! the smaller id). Leads whose region no row names are listed for the manager to assign
//! by hand. Applying the proposal is still the manager's P7 distribution.
//!
//! ```
//! use outpost::domain::distribution::RepLoad;
//! use outpost::domain::territory::{propose, Lead, TerritoryRow, TerritoryTable};
//! let table = TerritoryTable::new(vec![TerritoryRow::new("浦东", &["li", "zhao"])]);
//! let reps = [
//!     RepLoad { rep: "li".into(), holding: 8, capacity: 10 },
//!     RepLoad { rep: "zhao".into(), holding: 2, capacity: 10 },
//! ];
//! let leads = [Lead::new("c1", " 浦东 "), Lead::new("c2", "徐汇")];
//! let p = propose(&leads, &table, &reps);
//! assert_eq!(p.assignments, vec![("c1".to_owned(), "zhao".to_owned())]);
//! assert_eq!(p.no_region, vec!["c2".to_owned()]);
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::customer_list::CustomerView;
use super::distribution::{lighter, RepLoad};

/// The C2 sources whose ownerless, never-owned customers are marketing's leads: the
/// marketing department's own collection and the company's events (E5).
pub const LEAD_SOURCES: [&str; 2] = ["marketing", "event"];

/// A region as compared: trimmed, inner spaces collapsed, case folded ("浦东 " = "浦东").
pub fn region_key(region: &str) -> String {
    region.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// One row: a region and the reps who share it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerritoryRow {
    pub region: String,
    pub reps: Vec<String>,
}

impl TerritoryRow {
    pub fn new(region: &str, reps: &[&str]) -> Self {
        Self { region: region.trim().to_owned(), reps: reps.iter().map(|r| (*r).to_owned()).collect() }
    }
}

/// The table as the team keeps it, rows in region order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TerritoryTable {
    pub rows: Vec<TerritoryRow>,
}

impl TerritoryTable {
    pub fn new(mut rows: Vec<TerritoryRow>) -> Self {
        rows.sort_by_key(|r| region_key(&r.region));
        Self { rows }
    }

    /// The row naming `region`, if any.
    pub fn row_for(&self, region: &str) -> Option<&TerritoryRow> {
        let key = region_key(region);
        (!key.is_empty()).then(|| self.rows.iter().find(|r| region_key(&r.region) == key)).flatten()
    }
}

/// Why a table was refused; the UI words each reason, naming the row.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TerritoryError {
    /// Row `row` (from 1) has no region.
    #[error("row {row} has no region")]
    EmptyRegion { row: usize },
    /// Two rows name the same region.
    #[error("the region {region:?} is listed twice")]
    DuplicateRegion { region: String },
    /// A row names no rep.
    #[error("the region {region:?} names no rep")]
    NoRep { region: String },
    /// A row names someone who is not a rep of the team.
    #[error("{rep:?} in {region:?} is not a rep of the team")]
    UnknownRep { region: String, rep: String },
}

/// Checks a table against the team's reps: every row a region, no region twice, at
/// least one rep each, every rep one of `reps`.
pub fn check_table(table: &TerritoryTable, reps: &[String]) -> Result<(), TerritoryError> {
    let mut seen = BTreeSet::new();
    for (i, row) in table.rows.iter().enumerate() {
        let key = region_key(&row.region);
        if key.is_empty() {
            return Err(TerritoryError::EmptyRegion { row: i + 1 });
        }
        if !seen.insert(key) {
            return Err(TerritoryError::DuplicateRegion { region: row.region.trim().to_owned() });
        }
        if row.reps.is_empty() {
            return Err(TerritoryError::NoRep { region: row.region.trim().to_owned() });
        }
        if let Some(rep) = row.reps.iter().find(|r| !reps.contains(r)) {
            return Err(TerritoryError::UnknownRep { region: row.region.trim().to_owned(), rep: rep.clone() });
        }
    }
    Ok(())
}

/// A lead waiting for a rep, with the region its file gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lead {
    pub id: String,
    pub region: String,
}

impl Lead {
    pub fn new(id: &str, region: &str) -> Self {
        Self { id: id.to_owned(), region: region.to_owned() }
    }
}

/// Marketing's leads waiting for a rep: ownerless customers never owned (P5) that came
/// from marketing or a company event, first entered first (then by id), so every list
/// order — the screen's by name, the store's by id — gives the same proposal.
pub fn pending_leads(customers: &[CustomerView]) -> Vec<Lead> {
    let mut leads: Vec<&CustomerView> = customers
        .iter()
        .filter(|c| c.own.claimable() && !c.own.ever_owned && LEAD_SOURCES.contains(&c.rec.file.source.as_str()))
        .collect();
    leads.sort_by(|a, b| a.rec.created_ms.cmp(&b.rec.created_ms).then_with(|| a.rec.id.cmp(&b.rec.id)));
    leads.into_iter().map(|c| Lead::new(&c.rec.id, &c.rec.file.region)).collect()
}

/// What [`propose`] computed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TerritoryProposal {
    /// `(lead, rep)` in the order the leads were given.
    pub assignments: Vec<(String, String)>,
    /// Leads whose region no row names (or no region at all): assigned by hand.
    pub no_region: Vec<String>,
    /// Leads whose region's reps have no room (P7 capacity) or none receive leads now.
    pub no_room: Vec<String>,
}

/// Proposes a rep for each lead from the table, balanced by P7 load within a region;
/// a rep of several regions carries one load across them. Same input, same proposal.
pub fn propose(leads: &[Lead], table: &TerritoryTable, reps: &[RepLoad]) -> TerritoryProposal {
    let mut load: BTreeMap<&str, (&RepLoad, usize)> = reps.iter().map(|r| (r.rep.as_str(), (r, r.holding))).collect();
    let mut seen = BTreeSet::new();
    let mut out = TerritoryProposal::default();
    for lead in leads.iter().filter(|l| seen.insert(l.id.as_str())) {
        let Some(row) = table.row_for(&lead.region) else {
            out.no_region.push(lead.id.clone());
            continue;
        };
        let best = row
            .reps
            .iter()
            .filter_map(|r| load.get(r.as_str()).map(|(rl, now)| (*rl, *now)))
            .filter(|(rl, now)| *now < rl.capacity)
            .min_by(|(a, a_now), (b, b_now)| lighter(a, *a_now, b, *b_now));
        match best {
            Some((rl, _)) => {
                if let Some((_, now)) = load.get_mut(rl.rep.as_str()) {
                    *now += 1;
                }
                out.assignments.push((lead.id.clone(), rl.rep.clone()));
            }
            None => out.no_room.push(lead.id.clone()),
        }
    }
    out
}
