//! A month's statements from a scheme and the month's figures (I1–I6). Derived every
//! time they are shown, never stored.

use std::collections::BTreeMap;

use super::bills::bill_lines;
use super::branches::{branch_lines, branch_months};
use super::electricity::electricity_line;
use super::figures::MonthFigures;
use super::maintenance::maintenance_lines;
use super::referrals::referral_lines;
use super::scheme::Scheme;
use super::split::split_fen;
use super::statement::{Line, Payee, Share, Statement, Statements};
use super::withdrawals::withdrawal_lines;

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a.max(1)
    } else {
        gcd(b, a % b)
    }
}

/// `whole` shared by `weights` as lines for each payee, in the order of `weights`.
fn shared(whole: &Line, weights: &[u64]) -> Vec<Line> {
    let den: u64 = weights.iter().sum();
    split_fen(whole.amount_fen, weights)
        .into_iter()
        .zip(weights)
        .map(|(amount_fen, &w)| {
            let g = gcd(w, den);
            Line {
                share: Some(Share { whole_fen: whole.amount_fen, num: w / g, den: den / g }),
                amount_fen,
                ..whole.clone()
            }
        })
        .collect()
}

/// Every statement of the month: per station (I1–I4), per maintainer and per branch
/// head (I5, I6 split 2:8). Stations keep the file's order; people are sorted by name.
pub fn compute(scheme: &Scheme, month: &MonthFigures) -> Statements {
    let split = scheme.branches.split;
    let branches = branch_months(scheme, &month.stations, &month.branches);
    let head_of = |branch: &str| {
        branches.iter().find(|b| b.figures.branch == branch).map(|b| b.figures.head.clone()).unwrap_or_default()
    };
    let mut maintainers: BTreeMap<String, Vec<Line>> = BTreeMap::new();
    let mut heads: BTreeMap<String, Vec<Line>> = BTreeMap::new();
    let mut stations = Vec::with_capacity(month.stations.len());
    for st in &month.stations {
        let mut lines = bill_lines(scheme, st);
        lines.extend(electricity_line(scheme, st));
        lines.extend(withdrawal_lines(&scheme.withdrawals, &st.swipes));
        lines.extend(referral_lines(scheme, st));
        stations.push(Statement { payee: Payee::Station(st.station.clone()), lines });

        let head = head_of(&st.branch);
        for whole in maintenance_lines(&scheme.maintenance, st) {
            let mut parts = shared(&whole, &[u64::from(split.head), u64::from(split.maintainer)]).into_iter();
            if let (Some(h), Some(m)) = (parts.next(), parts.next()) {
                if whole.amount_fen != 0 {
                    heads.entry(head.clone()).or_default().push(h);
                }
                maintainers.entry(st.maintainer.clone()).or_default().push(m);
            }
        }
    }
    for b in &branches {
        let total: u64 = b.maintainers.iter().map(|(_, n)| n).sum();
        let mut weights = vec![u64::from(split.head) * total];
        weights.extend(b.maintainers.iter().map(|(_, n)| u64::from(split.maintainer) * n));
        for whole in branch_lines(scheme, b) {
            let mut parts = shared(&whole, &weights).into_iter();
            if let Some(h) = parts.next() {
                heads.entry(b.figures.head.clone()).or_default().push(h);
            }
            for ((name, _), part) in b.maintainers.iter().zip(parts) {
                maintainers.entry(name.clone()).or_default().push(part);
            }
        }
    }
    Statements {
        stations,
        maintainers: maintainers
            .into_iter()
            .map(|(n, lines)| Statement { payee: Payee::Maintainer(n), lines })
            .collect(),
        heads: heads.into_iter().map(|(n, lines)| Statement { payee: Payee::BranchHead(n), lines }).collect(),
    }
}
