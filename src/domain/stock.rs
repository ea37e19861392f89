//! Prize, gift and sample stock (**W1**): a signed in/out ledger reconciled against a
//! physical count.
//!
//! Levels are never stored; [`levels`] sums the movements (duplicates by id counted
//! once), and [`reconcile`] compares the ledger as of the count's instant with what was
//! counted. A discrepancy is settled by writing an [`StockMove`] with
//! [`MoveReason::Adjustment`] ([`Reconciliation::adjustments`]), never by editing.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::record::hlc::Hlc;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StockError {
    #[error("a stock movement needs an item")]
    ItemEmpty,
    #[error("a stock movement cannot be zero")]
    ZeroQuantity,
    #[error("a counted quantity cannot be negative ({item})")]
    NegativeCount { item: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveReason {
    Received,
    /// Handed out as a prize (E4 redemption).
    Prize,
    Gift,
    Sample,
    Returned,
    /// Written after a count to bring the ledger to the goods.
    Adjustment,
}

/// One signed movement: positive in, negative out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockMove {
    pub id: String,
    pub stamp: Hlc,
    pub item: String,
    pub qty: i64,
    pub reason: MoveReason,
}

impl StockMove {
    pub fn validate(&self) -> Result<(), StockError> {
        if self.item.trim().is_empty() {
            return Err(StockError::ItemEmpty);
        }
        if self.qty == 0 {
            return Err(StockError::ZeroQuantity);
        }
        Ok(())
    }
}

/// A physical count of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub item: String,
    pub counted: i64,
}

/// The ledger level per item from movements stamped at or before `as_of_ms`.
pub fn levels(moves: &[StockMove], as_of_ms: i64) -> BTreeMap<String, i64> {
    let mut seen = BTreeSet::new();
    let mut out = BTreeMap::new();
    for m in moves {
        if m.stamp.wall_ms > as_of_ms || !seen.insert(m.id.as_str()) {
            continue;
        }
        *out.entry(m.item.clone()).or_insert(0) += m.qty;
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconLine {
    pub item: String,
    pub ledger: i64,
    /// `None`: the item is in the ledger but was not counted.
    pub counted: Option<i64>,
    /// `counted − ledger`: negative means goods are missing.
    pub discrepancy: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reconciliation {
    /// Every item in the ledger or the count, by name.
    pub lines: Vec<ReconLine>,
}

impl Reconciliation {
    /// Lines where ledger and goods disagree (uncounted items are not discrepancies).
    pub fn discrepancies(&self) -> Vec<&ReconLine> {
        self.lines.iter().filter(|l| l.discrepancy != 0).collect()
    }

    pub fn uncounted(&self) -> Vec<&str> {
        self.lines.iter().filter(|l| l.counted.is_none()).map(|l| l.item.as_str()).collect()
    }

    pub fn agrees(&self) -> bool {
        self.lines.iter().all(|l| l.discrepancy == 0)
    }

    /// `(item, qty)` for the adjustment moves that would bring the ledger to the count.
    pub fn adjustments(&self) -> Vec<(String, i64)> {
        self.discrepancies().into_iter().map(|l| (l.item.clone(), l.discrepancy)).collect()
    }
}

/// **W1** Reconciles the ledger as of `counted_at_ms` with a physical count.
pub fn reconcile(moves: &[StockMove], counts: &[Count], counted_at_ms: i64) -> Result<Reconciliation, StockError> {
    let ledger = levels(moves, counted_at_ms);
    let mut counted: BTreeMap<&str, i64> = BTreeMap::new();
    for c in counts {
        if c.counted < 0 {
            return Err(StockError::NegativeCount { item: c.item.clone() });
        }
        // The same item counted on two sheets: the sheets add up.
        *counted.entry(c.item.as_str()).or_insert(0) += c.counted;
    }
    let items: BTreeSet<&str> = ledger.keys().map(String::as_str).chain(counted.keys().copied()).collect();
    let lines = items
        .into_iter()
        .map(|item| {
            let l = ledger.get(item).copied().unwrap_or(0);
            let c = counted.get(item).copied();
            ReconLine { item: item.into(), ledger: l, counted: c, discrepancy: c.map_or(0, |c| c - l) }
        })
        .collect();
    Ok(Reconciliation { lines })
}
