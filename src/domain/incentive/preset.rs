//! The seed's rural service-station scheme (便民服务站营销方案, seed 004), reproduced
//! exactly as the first preset: I1–I7 with the seed's numbers.

use chrono::NaiveDate;

use super::band::{Band, BandTable, Edge};
use super::sales::SalesRule;
use super::scheme::{
    BillLine, BillRate, BranchRule, CalendarStep, ElectricityRule, MaintenanceRule, PayoutStep, Rate, ReferralKind,
    ReferralRate, Scheme, Split, Track, WithdrawalRule,
};

/// The preset's version id; never stored, always built in.
pub const PRESET_ID: &str = "preset-rural-stations";

fn band(from: Option<Edge>, to: Option<Edge>, rate_fen: i64) -> Band {
    Band { from, to, rate_fen }
}

/// The seed's scheme.
pub fn rural_stations() -> Scheme {
    use PayoutStep::*;
    let step = |track, step, day| CalendarStep { track, step, day };
    Scheme {
        id: PRESET_ID.to_owned(),
        name: String::new(),
        valid_from: NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default(),
        valid_to: None,
        based_on: None,
        // I1: mobile 1 % of the amount, Unicom 0.25 per transaction, Telecom 1 %.
        bills: vec![
            BillRate { line: BillLine::Mobile, rate: Rate::PerAmount { bp: 100 } },
            BillRate { line: BillLine::Unicom, rate: Rate::PerTx { fen: 25 } },
            BillRate { line: BillLine::Telecom, rate: Rate::PerAmount { bp: 100 } },
        ],
        // I2: rural share < 50 % → 0.20; 50 %–80 % (both included) → 0.25; > 80 % → 0.30.
        // Urban < 20 → 0.25; ≥ 20 → 0.30.
        electricity: ElectricityRule {
            rural_share_bp: BandTable {
                bands: vec![
                    band(None, Some(Edge::excl(5000)), 20),
                    band(Some(Edge::incl(5000)), Some(Edge::incl(8000)), 25),
                    band(Some(Edge::excl(8000)), None, 30),
                ],
            },
            urban_tx: BandTable {
                bands: vec![band(None, Some(Edge::excl(20)), 25), band(Some(Edge::incl(20)), None, 30)],
            },
        },
        // I3: < 10 → 0.30; 10–30 (both included) → 0.50; > 30 → 0.60; from 10 the 5-yuan
        // telecom fee is covered; at most 2 counted swipes per card per day.
        withdrawals: WithdrawalRule {
            bands: BandTable {
                bands: vec![
                    band(None, Some(Edge::excl(10)), 30),
                    band(Some(Edge::incl(10)), Some(Edge::incl(30)), 50),
                    band(Some(Edge::excl(30)), None, 60),
                ],
            },
            max_per_card_per_day: 2,
            fee_from_tx: 10,
            fee_fen: 500,
        },
        // I4: a new household account 1; a financial lead 2; a car-insurance lead 2; a
        // converted car-insurance customer 30.
        referrals: vec![
            ReferralRate { kind: ReferralKind::NewHousehold, fen: 100 },
            ReferralRate { kind: ReferralKind::FinancialLead, fen: 200 },
            ReferralRate { kind: ReferralKind::CarInsuranceLead, fen: 200 },
            ReferralRate { kind: ReferralKind::CarInsuranceConverted, fen: 3000 },
        ],
        // I5: valid with ≥ 30 bill-payment and ≥ 5 POS transactions; base 5; 0.05 each.
        maintenance: MaintenanceRule { min_bill_tx: 30, min_pos_tx: 5, base_fen: 500, commission_fen: 5 },
        // I6: rural 100 % valid → 100; urban 100 per 20 valid; 2 per missing station; 2:8.
        branches: BranchRule {
            rural_all_valid_fen: 100_00,
            urban_per: 20,
            urban_fen: 100_00,
            penalty_per_missing_fen: 200,
            split: Split { head: 2, maintainer: 8 },
        },
        // I7: days of the following month.
        calendar: vec![
            step(Track::Stations, DataAllocated, 3),
            step(Track::Stations, CountyCheck, 6),
            step(Track::Stations, StationsSign, 12),
            step(Track::Stations, Filed, 13),
            step(Track::Stations, CityReview, 14),
            step(Track::Stations, FinancePays, 24),
            step(Track::Stations, AmountsSent, 25),
            step(Track::Branches, DataAllocated, 3),
            step(Track::Branches, HeadsSign, 12),
            step(Track::Branches, CityReview, 14),
            step(Track::Branches, ToFinance, 15),
            step(Track::Branches, FinancePays, 24),
            step(Track::Branches, AmountsSent, 25),
        ],
        // The seed sets no rate for sales reps; a team sets its own on a copy.
        sales: SalesRule::default(),
        purpose: String::new(),
    }
}
