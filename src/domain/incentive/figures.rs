//! A month's inputs: one [`StationFigures`] per station and one [`BranchFigures`] per
//! branch, as imported ([`super::figures_csv`]) and stored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::scheme::{BillLine, ReferralKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Rural,
    Urban,
}

/// One bill line's month at a station: transactions and amount collected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineFigures {
    pub tx: u64,
    pub amount_fen: i64,
}

/// One card's withdrawals on one day of the month (I3's cap counts per card per day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Swipe {
    pub card: String,
    pub day: u32,
    pub count: u32,
}

/// A station's month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StationFigures {
    /// The station's code.
    pub station: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub village: String,
    /// Households in the village (I2 rural share).
    #[serde(default)]
    pub households: u64,
    /// Stations in the village: the households are divided among them (I2).
    pub stations_in_village: u64,
    pub area: Area,
    pub branch: String,
    pub maintainer: String,
    #[serde(default)]
    pub bills: BTreeMap<BillLine, LineFigures>,
    #[serde(default)]
    pub electricity_tx: u64,
    /// Transactions on the POS terminal (I5 validity and commission).
    #[serde(default)]
    pub pos_tx: u64,
    #[serde(default)]
    pub swipes: Vec<Swipe>,
    #[serde(default)]
    pub referrals: BTreeMap<ReferralKind, u64>,
}

impl StationFigures {
    /// A station with no business yet (builders and tests fill in the rest).
    pub fn new(station: &str, area: Area, branch: &str, maintainer: &str) -> Self {
        Self {
            station: station.to_owned(),
            name: String::new(),
            village: String::new(),
            households: 0,
            stations_in_village: 1,
            area,
            branch: branch.to_owned(),
            maintainer: maintainer.to_owned(),
            bills: BTreeMap::new(),
            electricity_tx: 0,
            pos_tx: 0,
            swipes: Vec::new(),
            referrals: BTreeMap::new(),
        }
    }

    pub fn line(&self, line: BillLine) -> LineFigures {
        self.bills.get(&line).copied().unwrap_or_default()
    }

    /// I5: bill-payment transactions: phone bills of every line and electricity.
    pub fn bill_payment_tx(&self) -> u64 {
        self.bills.values().fold(self.electricity_tx, |n, l| n.saturating_add(l.tx))
    }
}

/// A branch's month: its head, whether it is rural or urban (I6), and its plan of
/// valid stations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BranchFigures {
    pub branch: String,
    pub head: String,
    pub area: Area,
    /// Valid stations planned for the month; each missing one is penalised (I6).
    pub plan: u64,
}

/// Everything a month is computed from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFigures {
    pub stations: Vec<StationFigures>,
    pub branches: Vec<BranchFigures>,
}
