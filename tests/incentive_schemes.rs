//! I1–I7 schemes as data: the preset is the seed's scheme and passes its own checks; a
//! version is frozen once a month is computed with it and is changed by copying; the
//! scheme for a month is the latest covering it; bad band tables are refused; the I7
//! payout steps fall on their days of the following month.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use outpost::domain::incentive::{
    check_editable, check_scheme, copy_scheme, payout_dates, rural_stations, scheme_for, Band, BandTable,
    ComputedMonth, Edge, IncentiveError, Measure, PayoutStep, Track, PRESET_ID,
};
use outpost::domain::kpi::Month;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_preset_is_a_valid_scheme_with_the_seeds_numbers() {
    let s = rural_stations();
    assert_eq!(s.id, PRESET_ID);
    assert_eq!(check_scheme(&s), Ok(()));
    assert_eq!(s.withdrawals.max_per_card_per_day, 2);
    assert_eq!(s.withdrawals.fee_fen, 5_00);
    assert_eq!(s.maintenance.min_bill_tx, 30);
    assert_eq!(s.maintenance.min_pos_tx, 5);
    assert_eq!((s.branches.split.head, s.branches.split.maintainer), (2, 8));
    assert_eq!(s.branches.penalty_per_missing_fen, 2_00);
}

#[test]
fn the_preset_survives_a_json_round_trip() {
    let s = rural_stations();
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<outpost::domain::incentive::Scheme>(&json).unwrap(), s);
}

#[test]
fn a_scheme_used_for_a_month_is_frozen_and_a_copy_is_not() {
    let months = vec![
        ComputedMonth { month: "2024-04".into(), scheme_id: PRESET_ID.into() },
        ComputedMonth { month: "2024-03".into(), scheme_id: PRESET_ID.into() },
    ];
    assert_eq!(check_editable(PRESET_ID, &months), Err(IncentiveError::Frozen { month: "2024-03".into() }));
    let copy = copy_scheme(&rural_stations(), "v2025", day(2025, 1, 1));
    assert_eq!(copy.based_on.as_deref(), Some(PRESET_ID));
    assert_eq!(copy.bills, rural_stations().bills);
    assert_eq!(check_editable(&copy.id, &months), Ok(()));
}

#[test]
fn a_month_takes_the_latest_scheme_that_covers_it() {
    let preset = rural_stations();
    let mut next = copy_scheme(&preset, "v2025", day(2025, 1, 1));
    next.branches.urban_per = 15;
    let all = vec![preset.clone(), next.clone()];
    assert_eq!(scheme_for(&all, day(2024, 12, 1)).map(|s| s.id.as_str()), Some(PRESET_ID));
    assert_eq!(scheme_for(&all, day(2025, 1, 1)).map(|s| s.id.as_str()), Some("v2025"));
    assert_eq!(scheme_for(&all, day(2022, 1, 1)), None);
}

#[test]
fn band_tables_with_a_gap_an_overlap_or_an_open_end_are_refused() {
    let band = |from, to| Band { from, to, rate_fen: 1 };
    let gap = BandTable { bands: vec![band(None, Some(Edge::excl(10))), band(Some(Edge::excl(10)), None)] };
    let overlap = BandTable { bands: vec![band(None, Some(Edge::incl(10))), band(Some(Edge::incl(10)), None)] };
    let open = BandTable { bands: vec![band(Some(Edge::incl(0)), None)] };
    for t in [gap, overlap, open] {
        assert!(t.check().is_err(), "{t:?}");
        let mut s = rural_stations();
        s.withdrawals.bands = t;
        assert_eq!(check_scheme(&s), Err(IncentiveError::Bands { table: "withdrawal" }));
    }
    // The exactly-covering table: 10 falls in exactly one band.
    let ok = BandTable { bands: vec![band(None, Some(Edge::excl(10))), band(Some(Edge::incl(10)), None)] };
    assert_eq!(ok.check(), Ok(()));
    assert_eq!(ok.pick(Measure::count(10)).map(|(i, _)| i), Some(1));
}

#[test]
fn a_scheme_ending_before_it_starts_or_with_negative_money_is_refused() {
    let mut s = rural_stations();
    s.valid_to = Some(day(2022, 12, 31));
    assert_eq!(check_scheme(&s), Err(IncentiveError::Dates));
    let mut s = rural_stations();
    s.maintenance.base_fen = -1;
    assert_eq!(check_scheme(&s), Err(IncentiveError::Negative));
}

#[test]
fn i7_payout_steps_fall_on_their_days_of_the_following_month() {
    let dates = payout_dates(&rural_stations(), Month { year: 2024, month: 1 });
    let stations: Vec<(PayoutStep, NaiveDate)> =
        dates.iter().filter(|(s, _)| s.track == Track::Stations).map(|(s, d)| (s.step, *d)).collect();
    assert_eq!(stations[0], (PayoutStep::DataAllocated, day(2024, 2, 3)));
    assert_eq!(stations[2], (PayoutStep::StationsSign, day(2024, 2, 12)));
    assert_eq!(stations.last(), Some(&(PayoutStep::AmountsSent, day(2024, 2, 25))));
    // December's payout is in January of the next year.
    let dec = payout_dates(&rural_stations(), Month { year: 2024, month: 12 });
    assert_eq!(dec[0].1, day(2025, 1, 3));
    // A day past the month's end is clamped to its last day.
    let mut s = rural_stations();
    s.calendar[0].day = 31;
    let feb = payout_dates(&s, Month { year: 2024, month: 1 });
    assert!(feb.iter().any(|(_, d)| *d == day(2024, 2, 29)));
}

#[test]
fn a_copys_numbers_are_edited_as_knobs_and_a_moved_edge_moves_both_bands() {
    use outpost::domain::incentive::{knobs, set_knob, BillLine, Knob, Table, Unit};
    let mut s = copy_scheme(&rural_stations(), "v2025", day(2025, 1, 1));
    let all = knobs(&s);
    assert!(all.contains(&(Knob::BillRate(BillLine::Mobile), Unit::BasisPoints, 100)));
    assert!(all.contains(&(Knob::BandEdge(Table::RuralElectricity, 0), Unit::BasisPoints, 5000)));
    assert!(all.contains(&(Knob::BandEdge(Table::Withdrawals, 1), Unit::Count, 30)));
    assert!(all.contains(&(Knob::SplitMaintainer, Unit::Count, 8)));
    // The 50 % edge moved to 60 %: the first band now ends and the second starts there.
    assert!(set_knob(&mut s, Knob::BandEdge(Table::RuralElectricity, 0), 6000));
    assert_eq!(check_scheme(&s), Ok(()));
    assert_eq!(s.electricity.rural_share_bp.pick(Measure { num: 5500, den: 1 }).map(|(i, _)| i), Some(0));
    // An edge past the next one leaves a band that holds nothing: refused.
    assert!(set_knob(&mut s, Knob::BandEdge(Table::RuralElectricity, 0), 9000));
    assert_eq!(check_scheme(&s), Err(IncentiveError::Bands { table: "rural electricity" }));
    assert!(!set_knob(&mut s, Knob::BandEdge(Table::UrbanElectricity, 5), 1));
}
