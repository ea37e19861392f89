//! **I3** cash withdrawals: swipes of one card on one day count at most
//! `max_per_card_per_day` times; the month's counted transactions choose the band and
//! every counted transaction is paid at its rate; from `fee_from_tx` counted
//! transactions (inclusive) the station's fixed fee is covered as a line of its own.

use std::collections::BTreeMap;

use super::band::Measure;
use super::bills::tx_amount;
use super::figures::Swipe;
use super::scheme::WithdrawalRule;
use super::statement::{BandChoice, Calc, Item, Line, RuleId};

/// Transactions counted after the cap: per card and day, at most `cap`.
pub fn counted_swipes(swipes: &[Swipe], cap: u32) -> u64 {
    let mut per: BTreeMap<(&str, u32), u64> = BTreeMap::new();
    for s in swipes {
        let n = per.entry((s.card.trim(), s.day)).or_default();
        *n = n.saturating_add(u64::from(s.count));
    }
    per.values().fold(0u64, |sum, &n| sum.saturating_add(n.min(u64::from(cap))))
}

/// The station's I3 lines: the withdrawals, and the fee covered when earned.
pub fn withdrawal_lines(rule: &WithdrawalRule, swipes: &[Swipe]) -> Vec<Line> {
    let made = swipes.iter().fold(0u64, |n, s| n.saturating_add(u64::from(s.count)));
    if made == 0 {
        return Vec::new();
    }
    let counted = counted_swipes(swipes, rule.max_per_card_per_day);
    let measure = Measure::count(counted);
    let mut out = Vec::new();
    if let Some((index, band)) = rule.bands.pick(measure) {
        out.push(Line {
            rule: RuleId::I3,
            item: Item::Withdrawals { swipes: made, counted, cap: rule.max_per_card_per_day },
            band: Some(BandChoice { index, band, measure }),
            calc: Calc::PerTx { count: counted, rate_fen: band.rate_fen },
            share: None,
            amount_fen: tx_amount(counted, band.rate_fen),
        });
    }
    if counted >= rule.fee_from_tx {
        out.push(Line {
            rule: RuleId::I3,
            item: Item::FeeCovered { counted, from_tx: rule.fee_from_tx },
            band: None,
            calc: Calc::Fixed { fen: rule.fee_fen },
            share: None,
            amount_fen: rule.fee_fen,
        });
    }
    out
}
