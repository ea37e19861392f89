//! Customer grading: the value tier **C3** (computed from confirmed payments, never typed)
//! and the demand grade **C4** (chosen by the rep). The two axes are independent.
//!
//! C3 with the seed numbers (amounts in yuan, settings in fen): VIP ≥ 100,000 with a good
//! payment record and long-term cooperation; Special VIP ≥ 100,000 with a good record
//! but not long-term; A 50,000–<100,000; B 30,000–<50,000; C < 30,000.
//!
//! Readings chosen:
//! - Turnover is the sum of payments dated in the trailing window `(today − window, today]`;
//!   payments dated after today are ignored (a typo must not promote a customer).
//! - The payment record is judged over the same window, so a customer who paid late
//!   years ago can earn VIP again. "Poor" = any payment more than `late_days_poor` late.
//! - A customer at the VIP amount with a poor record is tier **A**: neither VIP reading
//!   fits ("with a good payment record"), and A is the highest tier that asks nothing of
//!   the record. The credit flag makes the reason visible.
//! - Long-term = the first payment ever is at least `long_term_months` before today.
//!
//! ```
//! use chrono::NaiveDate;
//! use outpost::domain::tier::{value_tier, Tier, TierSettings};
//! let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
//! let paid = [(day(3, 1), 6_000_000, 0)]; // 60,000 yuan in fen, on time
//! let info = value_tier(&paid, day(6, 30), &TierSettings::default(), false);
//! assert_eq!(info.tier, Tier::A);
//! ```

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::pool::{Fact, FactKind};

/// Fen in a yuan.
const YUAN: i64 = 100;

/// The C3 thresholds; amounts in fen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TierSettings {
    pub window_months: u32,
    pub vip_fen: i64,
    pub a_fen: i64,
    pub b_fen: i64,
    pub long_term_months: u32,
    /// A payment more than this many days late makes the record poor.
    pub late_days_poor: u32,
}

impl Default for TierSettings {
    fn default() -> Self {
        Self {
            window_months: 12,
            vip_fen: 100_000 * YUAN,
            a_fen: 50_000 * YUAN,
            b_fen: 30_000 * YUAN,
            long_term_months: 12,
            late_days_poor: 30,
        }
    }
}

/// C3 value tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Vip,
    SpecialVip,
    A,
    B,
    C,
}

impl Tier {
    pub fn code(self) -> &'static str {
        match self {
            Tier::Vip => "vip",
            Tier::SpecialVip => "special_vip",
            Tier::A => "a",
            Tier::B => "b",
            Tier::C => "c",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierInfo {
    pub tier: Tier,
    /// Confirmed payments dated in the trailing window ending today (inclusive).
    pub turnover_fen: i64,
    pub poor_payment: bool,
    pub long_term: bool,
    /// Shown whatever the tier: a poor record, or the manager's manual flag.
    pub credit_flag: bool,
}

/// C4 demand grade, chosen by the rep: A large and urgent, B ordinary, C latent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    A,
    B,
    C,
}

impl Grade {
    pub const ALL: [Grade; 3] = [Grade::A, Grade::B, Grade::C];

    pub fn code(self) -> &'static str {
        match self {
            Grade::A => "a",
            Grade::B => "b",
            Grade::C => "c",
        }
    }

    pub fn from_code(code: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.code() == code)
    }
}

/// C3: the tier of a customer from its confirmed payments `(paid_on, amount_fen, days_late)`.
pub fn value_tier(
    payments: &[(NaiveDate, i64, u32)],
    today: NaiveDate,
    s: &TierSettings,
    manual_credit_flag: bool,
) -> TierInfo {
    let window_start = months_before(today, s.window_months);
    let in_window = || payments.iter().filter(move |(day, _, _)| *day > window_start && *day <= today);
    let turnover_fen = in_window().fold(0i64, |sum, (_, amount, _)| sum.saturating_add(*amount));
    let poor_payment = in_window().any(|(_, _, late)| *late > s.late_days_poor);
    let first_paid = payments.iter().map(|(day, _, _)| *day).filter(|day| *day <= today).min();
    let long_term = first_paid.is_some_and(|first| first <= months_before(today, s.long_term_months));
    let tier = if turnover_fen >= s.vip_fen {
        match (poor_payment, long_term) {
            (true, _) => Tier::A,
            (false, true) => Tier::Vip,
            (false, false) => Tier::SpecialVip,
        }
    } else if turnover_fen >= s.a_fen {
        Tier::A
    } else if turnover_fen >= s.b_fen {
        Tier::B
    } else {
        Tier::C
    };
    TierInfo { tier, turnover_fen, poor_payment, long_term, credit_flag: poor_payment || manual_credit_flag }
}

/// The confirmed payments among one customer's facts, as [`value_tier`] takes them;
/// an entry merged twice counts once.
pub fn payment_record(facts: &[Fact]) -> Vec<(NaiveDate, i64, u32)> {
    let mut seen = std::collections::BTreeSet::new();
    facts
        .iter()
        .filter(|f| seen.insert(f.id.as_str()))
        .filter_map(|f| match &f.kind {
            FactKind::Payment { amount_fen, paid_on, days_late, .. } => Some((*paid_on, *amount_fen, *days_late)),
            _ => None,
        })
        .collect()
}

fn months_before(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_sub_months(Months::new(months)).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c4_grades_round_trip_through_their_codes() {
        for g in Grade::ALL {
            assert_eq!(Grade::from_code(g.code()), Some(g));
            assert_eq!(serde_json::to_value(g).expect("json"), g.code());
        }
        assert_eq!(Grade::from_code("d"), None);
    }

    #[test]
    fn c3_no_payments_is_tier_c_without_a_flag() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 30).expect("date");
        let info = value_tier(&[], today, &TierSettings::default(), false);
        assert_eq!((info.tier, info.turnover_fen, info.credit_flag), (Tier::C, 0, false));
    }
}
