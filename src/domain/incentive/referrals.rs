//! **I4** referrals: so much per referral of each kind, paid to the station.

use super::bills::tx_amount;
use super::figures::StationFigures;
use super::scheme::Scheme;
use super::statement::{Calc, Item, Line, RuleId};

pub fn referral_lines(scheme: &Scheme, st: &StationFigures) -> Vec<Line> {
    scheme
        .referrals
        .iter()
        .filter_map(|r| {
            let count = st.referrals.get(&r.kind).copied().unwrap_or(0);
            (count > 0).then(|| Line {
                rule: RuleId::I4,
                item: Item::Referral { kind: r.kind, count },
                band: None,
                calc: Calc::PerTx { count, rate_fen: r.fen },
                share: None,
                amount_fen: tx_amount(count, r.fen),
            })
        })
        .collect()
}
