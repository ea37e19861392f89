//! Bands with inclusive or exclusive edges (I2, I3), chosen exactly: a measured value
//! is a fraction `num / den` compared to an edge by cross-multiplying, never as a float,
//! so 200 of 400 households is exactly 50 % and lands in the band that includes 50 %.

use serde::{Deserialize, Serialize};

/// One edge of a band: the value in the table's unit, and whether the band holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    pub at: u64,
    pub inclusive: bool,
}

impl Edge {
    pub fn incl(at: u64) -> Self {
        Self { at, inclusive: true }
    }

    pub fn excl(at: u64) -> Self {
        Self { at, inclusive: false }
    }
}

/// A band: from (lower edge, `None` = no bottom) to (upper edge, `None` = no top), with
/// the rate paid per transaction in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    pub from: Option<Edge>,
    pub to: Option<Edge>,
    pub rate_fen: i64,
}

/// A measured value `num / den` in a table's unit (transactions, or basis points of a
/// share). `den == 0` (a village of no households) measures as zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    pub num: u128,
    pub den: u128,
}

impl Measure {
    pub fn count(n: u64) -> Self {
        Self { num: n.into(), den: 1 }
    }

    fn cmp_at(self, at: u64) -> std::cmp::Ordering {
        if self.den == 0 {
            return 0u128.cmp(&at.into());
        }
        self.num.cmp(&u128::from(at).saturating_mul(self.den))
    }

    /// The value rounded half up to a whole unit, for display (62.5 % is 6,250 bp).
    pub fn rounded(self) -> u128 {
        if self.den == 0 {
            0
        } else {
            self.num.saturating_mul(2).saturating_add(self.den) / self.den.saturating_mul(2)
        }
    }
}

impl Band {
    pub fn contains(&self, m: Measure) -> bool {
        use std::cmp::Ordering::*;
        let above = self.from.is_none_or(|e| matches!((m.cmp_at(e.at), e.inclusive), (Greater, _) | (Equal, true)));
        let below = self.to.is_none_or(|e| matches!((m.cmp_at(e.at), e.inclusive), (Less, _) | (Equal, true)));
        above && below
    }
}

/// Bands in ascending order that cover every value exactly once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandTable {
    pub bands: Vec<Band>,
}

/// Why a band table does not cover every value exactly once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandGap {
    Empty,
    /// The first band has a bottom edge or the last a top edge.
    OpenEnds,
    /// Band `index` does not start where the one before ends (a gap or an overlap).
    NotContiguous {
        index: usize,
    },
    NegativeRate {
        index: usize,
    },
}

impl BandTable {
    /// The band `m` falls in, with its index.
    pub fn pick(&self, m: Measure) -> Option<(usize, Band)> {
        self.bands.iter().copied().enumerate().find(|(_, b)| b.contains(m))
    }

    /// Every value falls in exactly one band: no bottom to the first, no top to the last,
    /// and each band starts at the edge the one before ends on, holding it exactly when
    /// the one before does not.
    pub fn check(&self) -> Result<(), BandGap> {
        let (Some(first), Some(last)) = (self.bands.first(), self.bands.last()) else {
            return Err(BandGap::Empty);
        };
        if first.from.is_some() || last.to.is_some() {
            return Err(BandGap::OpenEnds);
        }
        for (i, b) in self.bands.iter().enumerate() {
            if b.rate_fen < 0 {
                return Err(BandGap::NegativeRate { index: i });
            }
            // A band holds at least one value: its edges ascend (equal only when both hold it).
            if let (Some(f), Some(t)) = (b.from, b.to) {
                if f.at > t.at || (f.at == t.at && !(f.inclusive && t.inclusive)) {
                    return Err(BandGap::NotContiguous { index: i });
                }
            }
        }
        for (i, pair) in self.bands.windows(2).enumerate() {
            let ok = match (pair[0].to, pair[1].from) {
                (Some(a), Some(b)) => a.at == b.at && a.inclusive != b.inclusive,
                _ => false,
            };
            if !ok {
                return Err(BandGap::NotContiguous { index: i + 1 });
            }
        }
        Ok(())
    }
}
