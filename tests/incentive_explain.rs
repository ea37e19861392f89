//! I8: a scheme explained from its own data — what changed against the version before
//! (and how much is kept), the main elements as charts, the steps up each banded rule,
//! a station's what-if computed like a real statement, and a rep's next sales tier with
//! its exact gain.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use outpost::domain::incentive::{
    chart, copy_scheme, knobs, previous, rural_stations, sales_next, sales_what_if, set_knob, steps_up, what_if,
    whats_new, Area, Chart, Knob, SalesBand, SalesPayment, SalesRule, StationFigures, Swipe, Table, Unit,
};

fn next_year() -> outpost::domain::incentive::Scheme {
    copy_scheme(&rural_stations(), "v2027", NaiveDate::from_ymd_opt(2027, 1, 1).unwrap())
}

#[test]
fn i8_whats_new_lists_each_changed_number_and_counts_what_is_kept() {
    let preset = rural_stations();
    let first = whats_new(&preset, None);
    assert_eq!((first.against, first.changed.len()), (None, 0), "a first version has nothing to compare");
    let mut v = next_year();
    let same = whats_new(&v, Some(&preset));
    assert_eq!((same.changed.len(), same.kept), (0, knobs(&preset).len()));
    assert!(set_knob(&mut v, Knob::BandRate(Table::RuralElectricity, 1), 28));
    v.sales = SalesRule { bands: vec![SalesBand { from_fen: 0, bp: 100 }] };
    let news = whats_new(&v, Some(&preset));
    assert_eq!(news.against.as_deref(), Some(preset.id.as_str()));
    assert_eq!(news.changed.len(), 1);
    let c = news.changed[0];
    assert_eq!((c.knob, c.unit, c.before, c.after), (Knob::BandRate(Table::RuralElectricity, 1), Unit::Fen, 25, 28));
    assert_eq!(news.kept, knobs(&preset).len() - 1);
    assert_eq!(news.sales_before, Some(SalesRule::default().bands));
    assert!(!news.calendar_changed);
}

#[test]
fn i8_a_version_is_explained_against_what_it_was_copied_from_else_the_one_valid_before() {
    let preset = rural_stations();
    let copied = next_year();
    let mut standalone = next_year();
    standalone.id = "loose".into();
    standalone.based_on = None;
    let all = vec![preset.clone(), copied.clone(), standalone.clone()];
    assert_eq!(previous(&copied, &all).map(|s| s.id.as_str()), Some(preset.id.as_str()));
    assert_eq!(previous(&standalone, &all).map(|s| s.id.as_str()), Some(preset.id.as_str()));
    assert!(previous(&preset, &all).is_none());
}

#[test]
fn i8_the_charts_show_every_band_rate_scaled_to_the_largest_and_sales_only_when_paid() {
    let bars = chart(&rural_stations());
    let rural: Vec<(i64, u32)> = bars
        .iter()
        .filter(|b| b.chart == Chart::Band(Table::RuralElectricity))
        .map(|b| (b.value, b.per_mille))
        .collect();
    assert_eq!(rural, vec![(20, 666), (25, 833), (30, 1000)]);
    assert_eq!(bars.iter().filter(|b| b.chart == Chart::Band(Table::Withdrawals)).count(), 3);
    assert!(bars.iter().all(|b| b.chart != Chart::Sales), "the preset pays no sales commission");
    let mut v = next_year();
    v.sales = SalesRule { bands: vec![SalesBand { from_fen: 0, bp: 100 }, SalesBand { from_fen: 50_000_00, bp: 200 }] };
    let sales: Vec<u32> = chart(&v).iter().filter(|b| b.chart == Chart::Sales).map(|b| b.per_mille).collect();
    assert_eq!(sales, vec![500, 1000]);
}

#[test]
fn i8_how_to_win_names_each_step_up_with_its_edge_and_rate() {
    let steps: Vec<(Table, u64, bool, i64)> =
        steps_up(&rural_stations()).iter().map(|s| (s.table, s.from, s.inclusive, s.rate_fen)).collect();
    assert_eq!(
        steps,
        vec![
            (Table::RuralElectricity, 5000, true, 25),
            (Table::RuralElectricity, 8000, false, 30),
            (Table::UrbanElectricity, 20, true, 30),
            (Table::Withdrawals, 10, true, 50),
            (Table::Withdrawals, 30, false, 60),
        ]
    );
}

#[test]
fn i8_the_what_if_computes_a_station_like_its_statement() {
    let s = rural_stations();
    let mut st = StationFigures::new("what-if", Area::Rural, "", "");
    st.households = 400;
    st.electricity_tx = 250; // 62.5 % → 0.25 each (I2)
    let (own, maintenance) = what_if(&s, &st);
    assert_eq!((own.total_fen(), maintenance), (62_50, 0), "250 bills but no POS: not a valid station");
    st.pos_tx = 5;
    st.swipes = (0..10).map(|i| Swipe { card: format!("c{i}"), day: 1, count: 1 }).collect();
    let (own, maintenance) = what_if(&s, &st);
    // 10 withdrawals at 0.50 and the 5.00 fee covered (I3).
    assert_eq!(own.total_fen(), 62_50 + 5_00 + 5_00);
    // Valid (I5): base 5.00 + 0.05 × (250 + 5).
    assert_eq!(maintenance, 5_00 + 5 * 255);
}

#[test]
fn i8_a_reps_next_tier_shows_what_it_takes_and_the_exact_gain() {
    let mut v = next_year();
    v.sales = SalesRule { bands: vec![SalesBand { from_fen: 0, bp: 100 }, SalesBand { from_fen: 50_000_00, bp: 200 }] };
    let day = NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
    let paid = vec![
        SalesPayment { customer: "a".into(), name: "A".into(), amount_fen: 25_000_00, paid_on: day },
        SalesPayment { customer: "b".into(), name: "B".into(), amount_fen: 15_000_00, paid_on: day },
    ];
    let tip = sales_next(&v, &paid).expect("a tier above");
    // 10,000.00 more re-rates the month at 2 %: 50,000 × 2 % − 40,000 × 1 % = 600.00.
    assert_eq!((tip.more_fen, tip.bp_now, tip.bp_next, tip.gain_fen), (10_000_00, 100, 200, 600_00));
    let top = vec![SalesPayment { customer: "a".into(), name: "A".into(), amount_fen: 60_000_00, paid_on: day }];
    assert!(sales_next(&v, &top).is_none(), "no tier above the top one");
    assert_eq!(sales_what_if(&v, 60_000_00).total_fen(), 1_200_00);
}
