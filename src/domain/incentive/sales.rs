//! A rep's sales commission: what a rep earns on the payments finance confirmed (O3),
//! withheld while the rep leaves without a complete handover (H1).
//!
//! The team's rate is data in the scheme ([`SalesRule`]): tiers by the rep's month total
//! of confirmed payments, each tier a rate in basis points. The tier the month's total
//! reaches pays every payment of the month (not marginally, like I2/I3's bands). Each
//! payment is a statement line of its own ("per deal, with the arithmetic shown"),
//! rounded half up to the fen on that payment, so every line's arithmetic reads exactly
//! and the statement is the sum of its lines.
//!
//! ```
//! use chrono::NaiveDate;
//! use outpost::domain::incentive::{sales_statement, SalesBand, SalesPayment, SalesRule};
//! let rule = SalesRule { bands: vec![SalesBand { from_fen: 0, bp: 100 }, SalesBand { from_fen: 100_000_00, bp: 150 }] };
//! let day = NaiveDate::from_ymd_opt(2026, 11, 5).unwrap();
//! let paid = vec![SalesPayment { customer: "c1".into(), name: "Huaxin".into(), amount_fen: 120_000_00, paid_on: day }];
//! // 120,000.00 reaches the 100,000.00 tier: 1.50 % of it is 1,800.00.
//! assert_eq!(sales_statement(&rule, "li", &paid).total_fen(), 1_800_00);
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::bills::per_amount;
use super::statement::{Calc, Item, Line, Payee, RuleId, Statement};
use super::IncentiveError;

/// One tier: from this month total (fen, inclusive) on, every payment earns `bp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesBand {
    pub from_fen: i64,
    /// Basis points of each confirmed payment (1.50 % = 150).
    pub bp: u32,
}

/// The team's sales commission: tiers ascending, the first from 0. A single tier at
/// 0 bp (the default, and the seed scheme's, which sets no sales rate) pays nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesRule {
    pub bands: Vec<SalesBand>,
}

impl Default for SalesRule {
    fn default() -> Self {
        Self { bands: vec![SalesBand { from_fen: 0, bp: 0 }] }
    }
}

/// The most tiers a rule holds (a form, not a spreadsheet).
pub const MAX_SALES_BANDS: usize = 8;

impl SalesRule {
    /// Whether the rule pays anything at all.
    pub fn pays(&self) -> bool {
        self.bands.iter().any(|b| b.bp > 0)
    }

    /// The tier a month total reaches, with its index.
    pub fn band_for(&self, month_total_fen: i64) -> Option<(usize, SalesBand)> {
        self.bands.iter().copied().enumerate().rev().find(|(_, b)| month_total_fen >= b.from_fen)
    }

    /// The tier after the one `month_total_fen` reaches, if any (for "how to win").
    pub fn next_band(&self, month_total_fen: i64) -> Option<SalesBand> {
        self.bands.iter().copied().find(|b| b.from_fen > month_total_fen)
    }

    /// Tiers start at 0, ascend strictly, at most [`MAX_SALES_BANDS`], rates not above 100 %.
    pub fn check(&self) -> Result<(), IncentiveError> {
        let bad = || IncentiveError::Bands { table: "sales" };
        match self.bands.first() {
            Some(b) if b.from_fen == 0 => {}
            _ => return Err(bad()),
        }
        if self.bands.len() > MAX_SALES_BANDS
            || self.bands.windows(2).any(|w| w[1].from_fen <= w[0].from_fen)
            || self.bands.iter().any(|b| b.bp > 10_000)
        {
            return Err(bad());
        }
        Ok(())
    }

    /// Adds a tier above the last one (`step_fen` higher, at the last tier's rate).
    pub fn add_band(&mut self, step_fen: i64) -> bool {
        if self.bands.len() >= MAX_SALES_BANDS {
            return false;
        }
        let last = self.bands.last().copied().unwrap_or(SalesBand { from_fen: 0, bp: 0 });
        let from_fen = if self.bands.is_empty() { 0 } else { last.from_fen.saturating_add(step_fen.max(1)) };
        self.bands.push(SalesBand { from_fen, ..last });
        true
    }

    /// Removes the top tier; the first always stays.
    pub fn remove_band(&mut self) -> bool {
        if self.bands.len() <= 1 {
            return false;
        }
        self.bands.pop();
        true
    }
}

/// A payment finance confirmed, as commission reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalesPayment {
    pub customer: String,
    /// The customer's name as the file reads.
    pub name: String,
    pub amount_fen: i64,
    pub paid_on: NaiveDate,
}

/// The rep's commission statement for the payments of one month (already filtered to
/// the rep and the month): a line per payment, in the order paid (then by customer, so
/// every device lists the same).
pub fn sales_statement(rule: &SalesRule, rep: &str, payments: &[SalesPayment]) -> Statement {
    let month_total_fen = payments.iter().map(|p| p.amount_fen.max(0)).fold(0i64, i64::saturating_add);
    let (index, band) = rule.band_for(month_total_fen).unwrap_or((0, SalesBand { from_fen: 0, bp: 0 }));
    let mut sorted: Vec<&SalesPayment> = payments.iter().collect();
    sorted.sort_by(|a, b| (a.paid_on, &a.customer, a.amount_fen).cmp(&(b.paid_on, &b.customer, b.amount_fen)));
    let lines = sorted
        .into_iter()
        .map(|p| {
            let amount = p.amount_fen.max(0);
            Line {
                rule: RuleId::Sales,
                item: Item::Sale {
                    customer: p.customer.clone(),
                    name: p.name.clone(),
                    paid_on: p.paid_on,
                    month_total_fen,
                    tier: index,
                    tier_from_fen: band.from_fen,
                },
                band: None,
                calc: Calc::PerAmount { amount_fen: amount, bp: band.bp },
                share: None,
                amount_fen: per_amount(amount, band.bp),
            }
        })
        .collect();
    Statement { payee: Payee::Rep(rep.to_owned()), lines }
}

/// H1: the commission held for a departing rep whose handover is not complete: every
/// month's statement total not yet paid out. `months` are (month, total fen, paid out).
pub fn held_commission(months: &[(String, i64, bool)]) -> i64 {
    months.iter().filter(|(_, _, paid)| !paid).map(|(_, fen, _)| *fen).fold(0i64, i64::saturating_add)
}
