//! I8 "how to win", with the seed scheme's numbers: the next band of each banded rule,
//! the transactions it takes and what the station gains — computed by recomputing the
//! statement, so re-rated payments, the new ones and a fee the band covers all count.
#![cfg(not(target_arch = "wasm32"))]

use outpost::domain::incentive::{how_to_win, rural_stations, Area, Lever, StationFigures, Swipe, Tip};

fn rural(households: u64, stations: u64, electricity_tx: u64) -> StationFigures {
    let mut st = StationFigures::new("S1", Area::Rural, "B1", "wang");
    st.households = households;
    st.stations_in_village = stations;
    st.electricity_tx = electricity_tx;
    st
}

fn tip(tips: &[Tip], lever: Lever) -> Option<&Tip> {
    tips.iter().find(|t| t.lever == lever)
}

#[test]
fn i8_a_rural_station_at_62_5_percent_needs_71_more_payments_to_pass_80_percent() {
    // 250 of 400 households = 62.5 % → 0.25 each; above 80 % (321 of 400) → 0.30 each:
    // 321 × 0.30 − 250 × 0.25 = 96.30 − 62.50 = +33.80.
    let tips = how_to_win(&rural_stations(), &rural(400, 1, 250));
    let t = tip(&tips, Lever::Electricity).expect("a next band");
    assert_eq!((t.more, t.rate_now_fen, t.rate_next_fen, t.gain_fen), (71, Some(25), 30, 33_80));
}

#[test]
fn i8_two_stations_halve_the_households_so_fewer_payments_reach_the_next_band() {
    // 120 of 400 ÷ 2 = 60 % → 0.25; 161 of 200 > 80 % → 0.30: 48.30 − 30.00 = +18.30.
    let tips = how_to_win(&rural_stations(), &rural(400, 2, 120));
    let t = tip(&tips, Lever::Electricity).unwrap();
    assert_eq!((t.more, t.gain_fen), (41, 18_30));
}

#[test]
fn i8_exactly_50_percent_is_already_the_middle_band_and_the_top_band_has_no_tip() {
    // 200 of 400 is exactly 50 %: 0.25 already; the next is above 80 %.
    let t = how_to_win(&rural_stations(), &rural(400, 1, 200));
    assert_eq!(tip(&t, Lever::Electricity).map(|t| (t.more, t.rate_now_fen)), Some((121, Some(25))));
    let top = how_to_win(&rural_stations(), &rural(400, 1, 400));
    assert_eq!(tip(&top, Lever::Electricity), None);
}

#[test]
fn i8_an_urban_station_needs_20_payments_for_the_higher_rate() {
    let mut st = StationFigures::new("U1", Area::Urban, "B1", "wang");
    st.electricity_tx = 15;
    let tips = how_to_win(&rural_stations(), &st);
    // 20 × 0.30 − 15 × 0.25 = 6.00 − 3.75 = +2.25.
    assert_eq!(tip(&tips, Lever::Electricity).map(|t| (t.more, t.gain_fen)), Some((5, 2_25)));
}

#[test]
fn i8_five_more_withdrawals_reach_ten_the_higher_rate_and_the_telecom_fee() {
    let mut st = rural(400, 1, 0);
    st.swipes = (0..5).map(|i| Swipe { card: format!("c{i}"), day: 3, count: 1 }).collect();
    let tips = how_to_win(&rural_stations(), &st);
    // Now 5 × 0.30 = 1.50; at 10: 10 × 0.50 + the 5.00 fee = 10.00: +8.50.
    let t = tip(&tips, Lever::Withdrawals).expect("a next band");
    assert_eq!((t.more, t.rate_now_fen, t.rate_next_fen, t.gain_fen), (5, Some(30), 50, 8_50));
    // A station with no electricity payments yet: its first band is the next one.
    let first = tip(&tips, Lever::Electricity).expect("a first band");
    assert_eq!((first.more, first.rate_now_fen), (1, None));
}
