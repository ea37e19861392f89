//! A scheme as data (I1–I7): rates, bands, caps, validity, group rewards, splits,
//! penalties and the payout calendar. Nothing here computes; [`super::compute`] does.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::band::BandTable;

/// A rate: so much per transaction, or basis points (1/10,000) of an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rate {
    /// Fen per transaction (0.25 yuan = 25).
    PerTx { fen: i64 },
    /// Basis points of the amount collected (1 % = 100); the product is rounded half up
    /// to the fen once per line (the month's total of that line), never per transaction.
    PerAmount { bp: u32 },
}

/// The bill-payment lines of I1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BillLine {
    Mobile,
    Unicom,
    Telecom,
}

impl BillLine {
    pub const ALL: [BillLine; 3] = [BillLine::Mobile, BillLine::Unicom, BillLine::Telecom];
}

/// I1: one bill line's rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillRate {
    pub line: BillLine,
    pub rate: Rate,
}

/// I2: electricity bills. Rural stations by share of the village's households (bands in
/// basis points of a share, 50 % = 5,000); urban stations by their transaction count.
/// Every transaction is paid at the one band's rate (not marginally).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectricityRule {
    pub rural_share_bp: BandTable,
    pub urban_tx: BandTable,
}

/// I3: cash withdrawals, banded by the month's counted transactions (after the cap),
/// every counted transaction at the band's rate, plus the fixed fee covered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithdrawalRule {
    pub bands: BandTable,
    /// Swipes of one card on one day counted at most this many times.
    pub max_per_card_per_day: u32,
    /// From this many counted transactions (inclusive) the station's fee is covered.
    pub fee_from_tx: u64,
    /// The fee covered, in fen (the 5-yuan telecom fee).
    pub fee_fen: i64,
}

/// I4: the kinds of referral a station is paid for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralKind {
    /// A new household account (惠农通).
    NewHousehold,
    FinancialLead,
    CarInsuranceLead,
    CarInsuranceConverted,
}

impl ReferralKind {
    pub const ALL: [ReferralKind; 4] = [
        ReferralKind::NewHousehold,
        ReferralKind::FinancialLead,
        ReferralKind::CarInsuranceLead,
        ReferralKind::CarInsuranceConverted,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralRate {
    pub kind: ReferralKind,
    /// Fen per referral.
    pub fen: i64,
}

/// I5: maintenance = base + commission, for valid stations only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaintenanceRule {
    /// A station is valid with at least this many bill-payment transactions
    /// (phone bills of every line and electricity)…
    pub min_bill_tx: u64,
    /// …and at least this many POS transactions.
    pub min_pos_tx: u64,
    pub base_fen: i64,
    /// Per bill-payment or POS transaction of a valid station.
    pub commission_fen: i64,
}

/// Parts of a reward or penalty for the branch head and for the maintainers (2:8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    pub head: u32,
    pub maintainer: u32,
}

/// I6: branch rewards and penalties, and how maintenance and branch money is split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BranchRule {
    /// A rural branch whose stations are all valid (and it has at least one).
    pub rural_all_valid_fen: i64,
    /// An urban branch earns `urban_fen` for every `urban_per` valid stations.
    pub urban_per: u64,
    pub urban_fen: i64,
    /// Per station missing from the month's valid-station plan.
    pub penalty_per_missing_fen: i64,
    pub split: Split,
}

/// I7: the steps of the payout, each due on a day of the following month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayoutStep {
    DataAllocated,
    CountyCheck,
    StationsSign,
    HeadsSign,
    Filed,
    CityReview,
    ToFinance,
    FinancePays,
    AmountsSent,
}

/// Which payout track a step belongs to: the stations' or the branches'.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    Stations,
    Branches,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarStep {
    pub track: Track,
    pub step: PayoutStep,
    /// Day of the following month (clamped to its last day).
    pub day: u32,
}

/// A scheme version. `id` names the version; once a month is computed with it, it is
/// frozen ([`super::version`]) and changing it means copying it to a new version.
/// `name` is the manager's own label (blank for the preset, which the UI names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scheme {
    pub id: String,
    pub name: String,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    /// The version this one was copied from.
    pub based_on: Option<String>,
    pub bills: Vec<BillRate>,
    pub electricity: ElectricityRule,
    pub withdrawals: WithdrawalRule,
    pub referrals: Vec<ReferralRate>,
    pub maintenance: MaintenanceRule,
    pub branches: BranchRule,
    pub calendar: Vec<CalendarStep>,
    /// Reps' commission on confirmed payments; versions stored before it pay none.
    #[serde(default)]
    pub sales: super::sales::SalesRule,
    /// I8: why the scheme exists, in the manager's words (blank: the preset's purpose).
    #[serde(default)]
    pub purpose: String,
}

impl Scheme {
    /// Whether the scheme applies on `day`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_to.is_none_or(|to| day <= to)
    }

    pub fn bill_rate(&self, line: BillLine) -> Option<Rate> {
        self.bills.iter().find(|b| b.line == line).map(|b| b.rate)
    }

    pub fn referral_fen(&self, kind: ReferralKind) -> Option<i64> {
        self.referrals.iter().find(|r| r.kind == kind).map(|r| r.fen)
    }
}
