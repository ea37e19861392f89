//! **I6** branches: a rural branch whose stations are all valid earns a fixed reward;
//! an urban branch earns so much for every full block of valid stations (20 valid → 1
//! block, 39 → 1, 40 → 2); a branch below its valid-station plan pays a penalty per
//! missing station. Maintenance (I5), rewards and penalties are split between the
//! branch head and the maintainers 2:8 with [`super::split_fen`]: per station between
//! its head and its maintainer; a branch's reward or penalty between the head and each
//! maintainer in proportion to the stations they maintain in the branch. The parts
//! always add up to the whole, to the fen.

use super::figures::{Area, BranchFigures, StationFigures};
use super::maintenance::is_valid;
use super::scheme::Scheme;
use super::statement::{Calc, Item, Line, RuleId};

/// A branch's month as I6 sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchMonth {
    pub figures: BranchFigures,
    pub stations: u64,
    pub valid: u64,
    /// The branch's maintainers with the stations each maintains in it, by name.
    pub maintainers: Vec<(String, u64)>,
}

/// Every branch named by a station, with its counts. A branch without figures of its
/// own is taken as having no head, the area of its first station and no plan.
pub fn branch_months(scheme: &Scheme, stations: &[StationFigures], branches: &[BranchFigures]) -> Vec<BranchMonth> {
    let mut out: Vec<BranchMonth> = Vec::new();
    for st in stations {
        let i = match out.iter().position(|b| b.figures.branch == st.branch) {
            Some(i) => i,
            None => {
                let figures = branches.iter().find(|b| b.branch == st.branch).cloned().unwrap_or(BranchFigures {
                    branch: st.branch.clone(),
                    head: String::new(),
                    area: st.area,
                    plan: 0,
                });
                out.push(BranchMonth { figures, stations: 0, valid: 0, maintainers: Vec::new() });
                out.len() - 1
            }
        };
        let b = &mut out[i];
        b.stations += 1;
        b.valid += u64::from(is_valid(&scheme.maintenance, st));
        match b.maintainers.iter_mut().find(|(m, _)| *m == st.maintainer) {
            Some((_, n)) => *n += 1,
            None => b.maintainers.push((st.maintainer.clone(), 1)),
        }
    }
    for b in &mut out {
        b.maintainers.sort();
    }
    out
}

/// The branch's I6 lines as wholes: the reward when earned, the penalty when below plan.
pub fn branch_lines(scheme: &Scheme, b: &BranchMonth) -> Vec<Line> {
    let r = &scheme.branches;
    let f = &b.figures;
    let line = |item, calc, amount_fen| Line { rule: RuleId::I6, item, band: None, calc, share: None, amount_fen };
    let mut out = Vec::new();
    let reward = || Item::BranchReward { branch: f.branch.clone(), area: f.area, stations: b.stations, valid: b.valid };
    match f.area {
        Area::Rural if b.stations > 0 && b.valid == b.stations => {
            out.push(line(reward(), Calc::Fixed { fen: r.rural_all_valid_fen }, r.rural_all_valid_fen));
        }
        Area::Urban if r.urban_per > 0 && b.valid >= r.urban_per => {
            let count = b.valid / r.urban_per;
            let amount = super::bills::tx_amount(count, r.urban_fen);
            out.push(line(reward(), Calc::PerBlock { count, block: r.urban_per, fen: r.urban_fen }, amount));
        }
        _ => {}
    }
    let missing = f.plan.saturating_sub(b.valid);
    if missing > 0 {
        let item = Item::BranchPenalty { branch: f.branch.clone(), plan: f.plan, valid: b.valid, missing };
        let amount = -super::bills::tx_amount(missing, r.penalty_per_missing_fen);
        out.push(line(item, Calc::Penalty { count: missing, rate_fen: r.penalty_per_missing_fen }, amount));
    }
    out
}
