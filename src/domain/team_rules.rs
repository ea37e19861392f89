//! The numbers a team may read differently (domain.md: "make it a setting when a team
//! could reasonably want the other reading"): the pool's P1/P3 months and P8 days, and
//! the C3 tier window, thresholds, long-term span and what counts as a late payment.
//! Checked here so a typo cannot make every customer expire or every tier VIP.

use thiserror::Error;

use super::pool::PoolSettings;
use super::tier::TierSettings;

/// Why a rules form was refused; the UI words each reason.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RulesError {
    /// A month or day count outside 1..=max.
    #[error("{field} must be between 1 and {max}")]
    OutOfRange { field: &'static str, max: u32 },
    /// Thresholds must rise from B to A to VIP, all above zero.
    #[error("tier thresholds must rise: B < A < VIP, all above 0")]
    ThresholdsOutOfOrder,
}

fn in_range(field: &'static str, v: u32, max: u32) -> Result<(), RulesError> {
    if (1..=max).contains(&v) {
        Ok(())
    } else {
        Err(RulesError::OutOfRange { field, max })
    }
}

/// Checks pool and tier settings together; the time zone comes from the calendar.
pub fn check_rules(pool: &PoolSettings, tiers: &TierSettings) -> Result<(), RulesError> {
    in_range("p1_months", pool.p1_months, 36)?;
    in_range("p3_months", pool.p3_months, 36)?;
    in_range("p8_days", pool.p8_days, 90)?;
    in_range("window_months", tiers.window_months, 60)?;
    in_range("long_term_months", tiers.long_term_months, 120)?;
    in_range("late_days_poor", tiers.late_days_poor, 365)?;
    if !(0 < tiers.b_fen && tiers.b_fen < tiers.a_fen && tiers.a_fen < tiers.vip_fen) {
        return Err(RulesError::ThresholdsOutOfOrder);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_defaults_pass() {
        assert_eq!(check_rules(&PoolSettings::default(), &TierSettings::default()), Ok(()));
    }

    #[test]
    fn p1_of_zero_months_would_empty_every_holding_and_is_refused() {
        let pool = PoolSettings { p1_months: 0, ..Default::default() };
        assert_eq!(
            check_rules(&pool, &TierSettings::default()),
            Err(RulesError::OutOfRange { field: "p1_months", max: 36 })
        );
    }

    #[test]
    fn c3_thresholds_out_of_order_are_refused() {
        let tiers = TierSettings { a_fen: 20_000_00, ..Default::default() };
        assert_eq!(check_rules(&PoolSettings::default(), &tiers), Err(RulesError::ThresholdsOutOfOrder));
    }
}
