//! The numbers of a scheme a manager edits on a copy (I1–I6), each a [`Knob`]: read
//! with [`knobs`], changed with [`set_knob`]. Moving a band edge moves the end of one
//! band and the start of the next together, so the table stays contiguous; whatever
//! else a change breaks, [`super::check_scheme`] refuses before it is stored.

use super::scheme::{BillLine, Rate, ReferralKind, Scheme};

/// Which band table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    RuralElectricity,
    UrbanElectricity,
    Withdrawals,
}

/// One editable number of a scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Knob {
    BillRate(BillLine),
    BandRate(Table, usize),
    /// The edge between band `i` and band `i + 1`.
    BandEdge(Table, usize),
    WithdrawalCap,
    FeeFromTx,
    FeeFen,
    Referral(ReferralKind),
    MinBillTx,
    MinPosTx,
    BaseFen,
    CommissionFen,
    RuralRewardFen,
    UrbanPer,
    UrbanRewardFen,
    PenaltyFen,
    SplitHead,
    SplitMaintainer,
}

/// How a knob's number reads: fen shown as yuan, basis points shown as a percentage, or a
/// plain count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Fen,
    BasisPoints,
    Count,
}

fn table(s: &Scheme, t: Table) -> &super::band::BandTable {
    match t {
        Table::RuralElectricity => &s.electricity.rural_share_bp,
        Table::UrbanElectricity => &s.electricity.urban_tx,
        Table::Withdrawals => &s.withdrawals.bands,
    }
}

fn table_mut(s: &mut Scheme, t: Table) -> &mut super::band::BandTable {
    match t {
        Table::RuralElectricity => &mut s.electricity.rural_share_bp,
        Table::UrbanElectricity => &mut s.electricity.urban_tx,
        Table::Withdrawals => &mut s.withdrawals.bands,
    }
}

/// Every editable number of `s` with its unit and value, in the order a form shows them.
pub fn knobs(s: &Scheme) -> Vec<(Knob, Unit, i64)> {
    let mut out = Vec::new();
    for b in &s.bills {
        out.push(match b.rate {
            Rate::PerTx { fen } => (Knob::BillRate(b.line), Unit::Fen, fen),
            Rate::PerAmount { bp } => (Knob::BillRate(b.line), Unit::BasisPoints, i64::from(bp)),
        });
    }
    for t in [Table::RuralElectricity, Table::UrbanElectricity, Table::Withdrawals] {
        let unit = if t == Table::RuralElectricity { Unit::BasisPoints } else { Unit::Count };
        let bands = &table(s, t).bands;
        for (i, b) in bands.iter().enumerate() {
            if let (Some(e), Some(before)) = (b.from, i.checked_sub(1)) {
                out.push((Knob::BandEdge(t, before), unit, i64::try_from(e.at).unwrap_or(i64::MAX)));
            }
            out.push((Knob::BandRate(t, i), Unit::Fen, b.rate_fen));
        }
    }
    let w = &s.withdrawals;
    out.push((Knob::WithdrawalCap, Unit::Count, i64::from(w.max_per_card_per_day)));
    out.push((Knob::FeeFromTx, Unit::Count, i64::try_from(w.fee_from_tx).unwrap_or(i64::MAX)));
    out.push((Knob::FeeFen, Unit::Fen, w.fee_fen));
    for r in &s.referrals {
        out.push((Knob::Referral(r.kind), Unit::Fen, r.fen));
    }
    let m = &s.maintenance;
    let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    out.push((Knob::MinBillTx, Unit::Count, count(m.min_bill_tx)));
    out.push((Knob::MinPosTx, Unit::Count, count(m.min_pos_tx)));
    out.push((Knob::BaseFen, Unit::Fen, m.base_fen));
    out.push((Knob::CommissionFen, Unit::Fen, m.commission_fen));
    let b = &s.branches;
    out.push((Knob::RuralRewardFen, Unit::Fen, b.rural_all_valid_fen));
    out.push((Knob::UrbanPer, Unit::Count, count(b.urban_per)));
    out.push((Knob::UrbanRewardFen, Unit::Fen, b.urban_fen));
    out.push((Knob::PenaltyFen, Unit::Fen, b.penalty_per_missing_fen));
    out.push((Knob::SplitHead, Unit::Count, i64::from(b.split.head)));
    out.push((Knob::SplitMaintainer, Unit::Count, i64::from(b.split.maintainer)));
    out
}

/// Sets one number; a value out of its type's range is clamped to it. Answers whether
/// the knob exists in `s`.
pub fn set_knob(s: &mut Scheme, k: Knob, v: i64) -> bool {
    let u = u64::try_from(v).unwrap_or(0);
    let u32v = u32::try_from(u).unwrap_or(u32::MAX);
    match k {
        Knob::BillRate(line) => match s.bills.iter_mut().find(|b| b.line == line) {
            Some(b) => {
                b.rate = match b.rate {
                    Rate::PerTx { .. } => Rate::PerTx { fen: v },
                    Rate::PerAmount { .. } => Rate::PerAmount { bp: u32v },
                };
                true
            }
            None => false,
        },
        Knob::BandRate(t, i) => match table_mut(s, t).bands.get_mut(i) {
            Some(b) => {
                b.rate_fen = v;
                true
            }
            None => false,
        },
        Knob::BandEdge(t, i) => {
            let bands = &mut table_mut(s, t).bands;
            if i + 1 >= bands.len() {
                return false;
            }
            if let Some(e) = bands[i].to.as_mut() {
                e.at = u;
            }
            if let Some(e) = bands[i + 1].from.as_mut() {
                e.at = u;
            }
            true
        }
        Knob::WithdrawalCap => {
            s.withdrawals.max_per_card_per_day = u32v;
            true
        }
        Knob::FeeFromTx => {
            s.withdrawals.fee_from_tx = u;
            true
        }
        Knob::FeeFen => {
            s.withdrawals.fee_fen = v;
            true
        }
        Knob::Referral(kind) => match s.referrals.iter_mut().find(|r| r.kind == kind) {
            Some(r) => {
                r.fen = v;
                true
            }
            None => false,
        },
        Knob::MinBillTx => {
            s.maintenance.min_bill_tx = u;
            true
        }
        Knob::MinPosTx => {
            s.maintenance.min_pos_tx = u;
            true
        }
        Knob::BaseFen => {
            s.maintenance.base_fen = v;
            true
        }
        Knob::CommissionFen => {
            s.maintenance.commission_fen = v;
            true
        }
        Knob::RuralRewardFen => {
            s.branches.rural_all_valid_fen = v;
            true
        }
        Knob::UrbanPer => {
            s.branches.urban_per = u;
            true
        }
        Knob::UrbanRewardFen => {
            s.branches.urban_fen = v;
            true
        }
        Knob::PenaltyFen => {
            s.branches.penalty_per_missing_fen = v;
            true
        }
        Knob::SplitHead => {
            s.branches.split.head = u32v;
            true
        }
        Knob::SplitMaintainer => {
            s.branches.split.maintainer = u32v;
            true
        }
    }
}
