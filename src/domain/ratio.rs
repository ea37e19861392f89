//! An exact ratio of counts, shared by the rates the rules measure: A2's conversion,
//! satisfaction and on-time rates, E2's turn-up rate. Never reduced (so "3 of 8" stays
//! readable as counts) and compared to targets by cross-multiplying, never as floats.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratio {
    pub num: u64,
    pub den: u64,
}

impl Ratio {
    pub fn new(num: u64, den: u64) -> Self {
        Self { num, den }
    }

    /// `num ÷ den ≥ percent %`, exactly; `None` when there is nothing to measure.
    pub fn meets(self, percent: u64) -> Option<bool> {
        (self.den > 0).then(|| u128::from(self.num) * 100 >= u128::from(percent) * u128::from(self.den))
    }

    /// The ratio in tenths of a percent, rounded half up (`875` = 87.5 %), for display.
    pub fn per_mille(self) -> Option<u64> {
        (self.den > 0).then(|| {
            let (n, d) = (u128::from(self.num) * 1000, u128::from(self.den));
            u64::try_from((2 * n + d) / (2 * d)).unwrap_or(u64::MAX)
        })
    }
}
