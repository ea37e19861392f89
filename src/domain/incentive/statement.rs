//! Statements: what each station, maintainer and branch head earns, line by line. A
//! line carries the rule, its inputs, the band chosen and the arithmetic as data; the
//! UI words it in the reader's language. No user text is made here.

use serde::{Deserialize, Serialize};

use super::band::{Band, Measure};
use super::figures::Area;
use super::scheme::{BillLine, ReferralKind};

/// The rule a line comes from (for tests and the export; never shown to users).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RuleId {
    I1,
    I2,
    I3,
    I4,
    I5,
    I6,
    /// A rep's commission on finance-confirmed payments (O3), the team's own rate.
    Sales,
}

/// What a line pays for, with the inputs it was computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Item {
    /// I1: one bill line.
    Bill { line: BillLine, tx: u64, amount_fen: i64 },
    /// I2, rural: the share is `tx ÷ (households ÷ stations_in_village)`.
    ElectricityRural { tx: u64, households: u64, stations_in_village: u64 },
    /// I2, urban: banded by the transactions.
    ElectricityUrban { tx: u64 },
    /// I3: `swipes` made, `counted` after the per-card-per-day cap.
    Withdrawals { swipes: u64, counted: u64, cap: u32 },
    /// I3: the station's fee covered from `from_tx` counted transactions.
    FeeCovered { counted: u64, from_tx: u64 },
    /// I4.
    Referral { kind: ReferralKind, count: u64 },
    /// I5: the base for a valid station.
    MaintenanceBase { station: String, bill_tx: u64, pos_tx: u64 },
    /// I5: a station below the validity minimums earns no maintenance (shown, at 0).
    NotValid { station: String, bill_tx: u64, pos_tx: u64, min_bill_tx: u64, min_pos_tx: u64 },
    /// I5: the commission on a valid station's bill-payment and POS transactions.
    MaintenanceCommission { station: String, bill_tx: u64, pos_tx: u64 },
    /// I6: the branch's reward for its valid stations.
    BranchReward { branch: String, area: Area, stations: u64, valid: u64 },
    /// I6: the penalty for stations missing from the branch's plan.
    BranchPenalty { branch: String, plan: u64, valid: u64, missing: u64 },
    /// A confirmed payment of the rep's month, paid at the tier (`tier`, from
    /// `tier_from_fen`) the month's total reached.
    Sale {
        customer: String,
        name: String,
        paid_on: chrono::NaiveDate,
        month_total_fen: i64,
        tier: usize,
        tier_from_fen: i64,
    },
}

/// The band a line was paid in: its index in the table, its edges, and the measured
/// value (a share in basis points, or a count) that chose it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandChoice {
    pub index: usize,
    pub band: Band,
    pub measure: Measure,
}

/// The arithmetic of the whole amount of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Calc {
    /// `count × rate`.
    PerTx { count: u64, rate_fen: i64 },
    /// `amount × bp ÷ 10,000`, rounded half up to the fen.
    PerAmount { amount_fen: i64, bp: u32 },
    /// A fixed sum.
    Fixed { fen: i64 },
    /// `count` blocks of `block` valid stations, `fen` each (urban branches).
    PerBlock { count: u64, block: u64, fen: i64 },
    /// `−count × rate` (a penalty).
    Penalty { count: u64, rate_fen: i64 },
}

/// A payee's part of a line's whole: `num ÷ den` of `whole_fen`. Parts of one whole are
/// shared out by largest remainder, so they add up to it to the fen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub whole_fen: i64,
    pub num: u64,
    pub den: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub rule: RuleId,
    pub item: Item,
    pub band: Option<BandChoice>,
    pub calc: Calc,
    /// Set when the payee gets a part of the line's whole (I5/I6 split 2:8).
    pub share: Option<Share>,
    pub amount_fen: i64,
}

/// Who a statement is for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Payee {
    Station(String),
    Maintainer(String),
    BranchHead(String),
    /// A sales rep (profile id): commission on confirmed payments.
    Rep(String),
}

impl Payee {
    pub fn name(&self) -> &str {
        match self {
            Payee::Station(n) | Payee::Maintainer(n) | Payee::BranchHead(n) | Payee::Rep(n) => n,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub payee: Payee,
    pub lines: Vec<Line>,
}

impl Statement {
    /// The sum of the lines (penalties are negative).
    pub fn total_fen(&self) -> i64 {
        self.lines.iter().fold(0i64, |t, l| t.saturating_add(l.amount_fen))
    }
}

/// A month's statements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statements {
    pub stations: Vec<Statement>,
    pub maintainers: Vec<Statement>,
    pub heads: Vec<Statement>,
}

impl Statements {
    pub fn all(&self) -> impl Iterator<Item = &Statement> {
        self.stations.iter().chain(&self.maintainers).chain(&self.heads)
    }

    pub fn find(&self, payee: &Payee) -> Option<&Statement> {
        self.all().find(|s| &s.payee == payee)
    }
}
