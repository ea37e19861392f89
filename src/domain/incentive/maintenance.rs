//! **I5** maintenance: a station is valid in a month with at least `min_bill_tx`
//! bill-payment transactions (phone bills and electricity) and at least `min_pos_tx`
//! POS transactions, both inclusive. A valid station earns the base and a commission
//! per bill-payment or POS transaction; the money goes to its maintainer and its
//! branch head (split 2:8, [`super::branches`]). Whole fen: no rounding.

use super::bills::tx_amount;
use super::figures::StationFigures;
use super::scheme::MaintenanceRule;
use super::statement::{Calc, Item, Line, RuleId};

pub fn is_valid(rule: &MaintenanceRule, st: &StationFigures) -> bool {
    st.bill_payment_tx() >= rule.min_bill_tx && st.pos_tx >= rule.min_pos_tx
}

/// The station's I5 lines as wholes (before the split): base and commission when valid,
/// else one line at 0 saying what it lacked.
pub fn maintenance_lines(rule: &MaintenanceRule, st: &StationFigures) -> Vec<Line> {
    let (bill_tx, pos_tx) = (st.bill_payment_tx(), st.pos_tx);
    let station = st.station.clone();
    let line = |item, calc, amount_fen| Line { rule: RuleId::I5, item, band: None, calc, share: None, amount_fen };
    if !is_valid(rule, st) {
        let item =
            Item::NotValid { station, bill_tx, pos_tx, min_bill_tx: rule.min_bill_tx, min_pos_tx: rule.min_pos_tx };
        return vec![line(item, Calc::Fixed { fen: 0 }, 0)];
    }
    let count = bill_tx.saturating_add(pos_tx);
    vec![
        line(
            Item::MaintenanceBase { station: station.clone(), bill_tx, pos_tx },
            Calc::Fixed { fen: rule.base_fen },
            rule.base_fen,
        ),
        line(
            Item::MaintenanceCommission { station, bill_tx, pos_tx },
            Calc::PerTx { count, rate_fen: rule.commission_fen },
            tx_amount(count, rule.commission_fen),
        ),
    ]
}
