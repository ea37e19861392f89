//! **I8** "how to win": for one station's month, what moves it into the next band of a
//! banded rule — how many more transactions, and what the station's statement gains
//! ("14 more electricity payments move you from 0.25 to 0.30 per payment: +27.10").
//!
//! Computed, not guessed: the station's statement is recomputed with the extra
//! transactions (I2 electricity payments; I3 withdrawals, each on a card of its own so
//! the two-a-day cap does not bite), the smallest number that changes the band is found
//! by bisection (a band only ever moves up as transactions are added), and the gain is
//! the difference of the two statements' totals — re-rated transactions, the new ones
//! and any fee the new band covers included.

use super::compute::compute;
use super::figures::{MonthFigures, StationFigures, Swipe};
use super::scheme::Scheme;
use super::statement::{Payee, RuleId, Statement};

/// The most extra transactions a tip looks ahead.
pub const LOOK_AHEAD: u64 = 2_000;

/// What a tip adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lever {
    /// I2: electricity bill payments.
    Electricity,
    /// I3: cash withdrawals.
    Withdrawals,
}

impl Lever {
    fn rule(self) -> RuleId {
        match self {
            Lever::Electricity => RuleId::I2,
            Lever::Withdrawals => RuleId::I3,
        }
    }
}

/// One way to win more this month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tip {
    pub lever: Lever,
    /// Transactions to add.
    pub more: u64,
    /// The rate per transaction now and in the next band, fen (`None` before the first).
    pub rate_now_fen: Option<i64>,
    pub rate_next_fen: i64,
    /// What the station's statement gains, fen.
    pub gain_fen: i64,
}

fn station_statement(scheme: &Scheme, st: &StationFigures) -> Statement {
    let month = MonthFigures { stations: vec![st.clone()], branches: Vec::new() };
    let payee = Payee::Station(st.station.clone());
    compute(scheme, &month).find(&payee).cloned().unwrap_or(Statement { payee, lines: Vec::new() })
}

/// The band index and rate of `rule`'s banded line, if the statement has one.
fn band_of(s: &Statement, rule: RuleId) -> Option<(usize, i64)> {
    s.lines.iter().filter(|l| l.rule == rule).find_map(|l| l.band.as_ref().map(|b| (b.index, b.band.rate_fen)))
}

fn with_more(st: &StationFigures, lever: Lever, more: u64) -> StationFigures {
    let mut st = st.clone();
    match lever {
        Lever::Electricity => st.electricity_tx = st.electricity_tx.saturating_add(more),
        Lever::Withdrawals => {
            let day = st.swipes.iter().map(|s| s.day).max().unwrap_or(1);
            st.swipes.extend((0..more).map(|i| Swipe { card: format!("\u{0}what-if-{i}"), day, count: 1 }));
        }
    }
    st
}

/// I8: the tips for `station`, one per banded rule that has a next band within
/// [`LOOK_AHEAD`] transactions.
pub fn how_to_win(scheme: &Scheme, st: &StationFigures) -> Vec<Tip> {
    let now = station_statement(scheme, st);
    let total_now = now.total_fen();
    let mut tips = Vec::new();
    for lever in [Lever::Electricity, Lever::Withdrawals] {
        let rule = lever.rule();
        let band_now = band_of(&now, rule);
        let moved = |more: u64| {
            let b = band_of(&station_statement(scheme, &with_more(st, lever, more)), rule);
            b.map(|x| x.0) != band_now.map(|x| x.0) && b.is_some()
        };
        if !moved(LOOK_AHEAD) {
            continue;
        }
        // The smallest `more` in 1..=LOOK_AHEAD whose band differs.
        let (mut lo, mut hi) = (1u64, LOOK_AHEAD);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if moved(mid) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        let after = station_statement(scheme, &with_more(st, lever, lo));
        let Some((_, rate_next_fen)) = band_of(&after, rule) else { continue };
        tips.push(Tip {
            lever,
            more: lo,
            rate_now_fen: band_now.map(|b| b.1),
            rate_next_fen,
            gain_fen: after.total_fen().saturating_sub(total_now),
        });
    }
    tips
}
