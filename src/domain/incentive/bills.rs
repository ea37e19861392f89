//! **I1** bill payments: each line at its rate. A per-amount rate is applied to the
//! line's month total and rounded half up to the fen once.

use super::figures::StationFigures;
use super::scheme::{Rate, Scheme};
use super::statement::{Calc, Item, Line, RuleId};

/// `amount × bp ÷ 10,000`, rounded half up to the fen (amounts are never negative).
pub fn per_amount(amount_fen: i64, bp: u32) -> i64 {
    let p = i128::from(amount_fen) * i128::from(bp);
    i64::try_from((p + 5_000).div_euclid(10_000)).unwrap_or(i64::MAX)
}

/// A station's I1 lines, one per line with business.
pub fn bill_lines(scheme: &Scheme, st: &StationFigures) -> Vec<Line> {
    let mut out = Vec::new();
    for rate in &scheme.bills {
        let f = st.line(rate.line);
        if f.tx == 0 && f.amount_fen == 0 {
            continue;
        }
        let (calc, amount_fen) = match rate.rate {
            Rate::PerTx { fen } => (Calc::PerTx { count: f.tx, rate_fen: fen }, tx_amount(f.tx, fen)),
            Rate::PerAmount { bp } => (Calc::PerAmount { amount_fen: f.amount_fen, bp }, per_amount(f.amount_fen, bp)),
        };
        out.push(Line {
            rule: RuleId::I1,
            item: Item::Bill { line: rate.line, tx: f.tx, amount_fen: f.amount_fen },
            band: None,
            calc,
            share: None,
            amount_fen,
        });
    }
    out
}

/// `count × fen`, saturating (a count is at most what a file holds).
pub fn tx_amount(count: u64, fen: i64) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX).saturating_mul(fen)
}
