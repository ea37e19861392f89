//! Incentive schemes: rules **I1–I7**, the rural service-station scheme of seed 004.
//!
//! A scheme is data ([`Scheme`]): rate tables, bands with inclusive or exclusive edges
//! ([`BandTable`]), per-transaction and per-amount rates ([`Rate`]), the withdrawal cap,
//! the validity rule, branch rewards, the 2:8 split, penalties, the fee covered and the
//! payout calendar, whose steps are recorded done by roles ([`payout_progress`]). The
//! seed's scheme is the preset ([`rural_stations`]); a manager
//! copies it to a new version ([`copy_scheme`]) and changes numbers and dates. A version
//! is frozen once a month is computed with it ([`check_editable`]).
//!
//! [`compute`] turns a month's figures ([`MonthFigures`], imported from CSV by
//! [`import_figures`]) into [`Statements`] per station, maintainer and branch head;
//! each [`Line`] carries its rule, inputs, band and arithmetic as data. Rewards are
//! derived, never stored.
//!
//! Money is integer fen. Rounding, per rule: I1's per-amount rates are rounded half up
//! to the fen on the line's month total; I2–I6 pay whole fen per transaction, station
//! or block and need none; the 2:8 split shares out the remainder fen by largest
//! remainder ([`split_fen`]), so parts always add up to the whole.
//!
//! ```
//! use outpost::domain::incentive::{compute, rural_stations, Area, MonthFigures, StationFigures};
//! let mut st = StationFigures::new("S1", Area::Rural, "B1", "wang");
//! st.households = 400;
//! st.electricity_tx = 250; // 250 ÷ 400 = 62.5 %: the 50–80 % band, 0.25 each (I2)
//! let month = MonthFigures { stations: vec![st], branches: vec![] };
//! let s = compute(&rural_stations(), &month);
//! assert_eq!(s.stations[0].total_fen(), 62_50);
//! ```

mod band;
mod bills;
mod branches;
mod compute;
mod electricity;
mod explain;
mod figures;
mod figures_csv;
mod figures_form;
mod how_to_win;
mod knobs;
mod maintenance;
mod payout;
mod payout_steps;
mod preset;
mod referrals;
mod sales;
mod scheme;
mod split;
mod statement;
mod version;
mod withdrawals;

use thiserror::Error;

pub use band::{Band, BandGap, BandTable, Edge, Measure};
pub use bills::per_amount;
pub use branches::{branch_months, BranchMonth};
pub use compute::compute;
pub use electricity::rural_share;
pub use explain::{
    band_at, chart, previous, sales_next, sales_what_if, steps_up, what_if, whats_new, Bar, Changed, Chart, SalesTip,
    Step, WhatsNew,
};
pub use figures::{Area, BranchFigures, LineFigures, MonthFigures, StationFigures, Swipe};
pub use figures_csv::{import_figures, parse_swipes, Column, FiguresError, FiguresImport, Problem, RowError};
pub use figures_form::{put_station, station_cells, station_from_cells};
pub use how_to_win::{how_to_win, Lever, Tip, LOOK_AHEAD};
pub use knobs::{knobs, set_knob, Knob, Table, Unit};
pub use maintenance::is_valid;
pub use payout::payout_dates;
pub use payout_steps::{check_next, payout_progress, step_role, Done, StepDone, StepState};
pub use preset::{rural_stations, PRESET_ID};
pub use sales::{held_commission, sales_statement, SalesBand, SalesPayment, SalesRule, MAX_SALES_BANDS};
pub use scheme::{
    BillLine, BillRate, BranchRule, CalendarStep, ElectricityRule, MaintenanceRule, PayoutStep, Rate, ReferralKind,
    ReferralRate, Scheme, Split, Track, WithdrawalRule,
};
pub use split::split_fen;
pub use statement::{BandChoice, Calc, Item, Line, Payee, RuleId, Share, Statement, Statements};
pub use version::{check_editable, copy_scheme, frozen_by, scheme_for, ComputedMonth};
pub use withdrawals::counted_swipes;

/// Why a scheme or its edit was refused; the UI words each.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IncentiveError {
    /// The version was used for a month; copy it to change it.
    #[error("the scheme is frozen: {month} was computed with it")]
    Frozen { month: String },
    /// A band table leaves a gap, overlaps or has open ends.
    #[error("the {table} bands do not cover every value exactly once")]
    Bands { table: &'static str },
    #[error("the scheme ends before it starts")]
    Dates,
    #[error("the split has no parts")]
    Split,
    /// A block of zero urban stations, or a cap of zero swipes a day.
    #[error("a block size or a daily cap is zero")]
    ZeroCount,
    #[error("a rate, fee or reward is negative")]
    Negative,
    #[error("a payout day is not a day of the month")]
    CalendarDay,
    #[error("the scheme has no version id")]
    NoId,
    #[error("the month is not YYYY-MM")]
    Month,
    /// The built-in preset is never changed; a copy of it is.
    #[error("the preset is built in; copy it to change it")]
    Preset,
    #[error("no scheme version {0:?} on this device")]
    UnknownScheme(String),
    #[error("no scheme covers the month")]
    NoScheme,
    /// An import with no good row would blank the month.
    #[error("the figures hold no station")]
    NoStations,
    /// I7: the month has no figures yet, so no payout step can be done.
    #[error("the month has no figures")]
    NoFigures,
    /// I7: the step is not in the month's calendar for that track.
    #[error("no such payout step in the track")]
    NoPayoutStep,
    /// I7: a step once done stays done.
    #[error("the payout step is done already")]
    PayoutStepDone,
    /// I7: the earlier steps of the track come first.
    #[error("{earlier:?} comes first")]
    PayoutStepOrder { earlier: PayoutStep },
    /// A station entered by hand under a code the month already has.
    #[error("the month has station {0:?} already")]
    StationExists(String),
}

/// A scheme a month can be computed with: every band table covers every value once,
/// dates in order, money not negative, a split with parts, payout days 1–31.
pub fn check_scheme(s: &Scheme) -> Result<(), IncentiveError> {
    if s.id.trim().is_empty() {
        return Err(IncentiveError::NoId);
    }
    for (table, t) in [
        ("rural electricity", &s.electricity.rural_share_bp),
        ("urban electricity", &s.electricity.urban_tx),
        ("withdrawal", &s.withdrawals.bands),
    ] {
        t.check().map_err(|_| IncentiveError::Bands { table })?;
    }
    if s.valid_to.is_some_and(|to| to < s.valid_from) {
        return Err(IncentiveError::Dates);
    }
    if s.branches.urban_per == 0 || s.withdrawals.max_per_card_per_day == 0 {
        return Err(IncentiveError::ZeroCount);
    }
    if u64::from(s.branches.split.head) + u64::from(s.branches.split.maintainer) == 0 {
        return Err(IncentiveError::Split);
    }
    let b = &s.branches;
    let m = &s.maintenance;
    let money = [s.withdrawals.fee_fen, m.base_fen, m.commission_fen, b.rural_all_valid_fen, b.urban_fen]
        .into_iter()
        .chain([b.penalty_per_missing_fen])
        .chain(s.referrals.iter().map(|r| r.fen))
        .chain(s.bills.iter().filter_map(|r| match r.rate {
            Rate::PerTx { fen } => Some(fen),
            Rate::PerAmount { .. } => None,
        }));
    if money.into_iter().any(|f| f < 0) {
        return Err(IncentiveError::Negative);
    }
    if s.calendar.iter().any(|c| !(1..=31).contains(&c.day)) {
        return Err(IncentiveError::CalendarDay);
    }
    s.sales.check()
}
