//! I1–I6: the seed's rural service-station scheme (the preset) at every band edge —
//! exactly 50 % and 80 % of a village's households, households halved for two
//! stations, 20 urban transactions, 10 and 30 withdrawals, the two-swipes cap, the fee
//! covered, valid stations, branch rewards, the 2:8 split and the penalty.
#![cfg(not(target_arch = "wasm32"))]

use outpost::domain::incentive::{
    compute, counted_swipes, per_amount, rural_stations, Area, BillLine, BranchFigures, Calc, Item, LineFigures,
    MonthFigures, Payee, ReferralKind, RuleId, Share, Statements, StationFigures, Swipe,
};

fn rural(households: u64, stations_in_village: u64, electricity_tx: u64) -> StationFigures {
    let mut st = StationFigures::new("S1", Area::Rural, "B1", "wang");
    st.households = households;
    st.stations_in_village = stations_in_village;
    st.electricity_tx = electricity_tx;
    st
}

fn run(stations: Vec<StationFigures>, branches: Vec<BranchFigures>) -> Statements {
    compute(&rural_stations(), &MonthFigures { stations, branches })
}

fn rule_lines(s: &Statements, rule: RuleId) -> Vec<(i64, Calc)> {
    s.stations[0].lines.iter().filter(|l| l.rule == rule).map(|l| (l.amount_fen, l.calc)).collect()
}

/// The electricity rate a rural station gets (fen per transaction) and its amount.
fn electricity(households: u64, stations: u64, tx: u64) -> (i64, i64) {
    let s = run(vec![rural(households, stations, tx)], vec![]);
    match rule_lines(&s, RuleId::I2).as_slice() {
        [(amount, Calc::PerTx { rate_fen, .. })] => (*rate_fen, *amount),
        other => panic!("expected one I2 line, got {other:?}"),
    }
}

#[test]
fn i2_a_share_of_62_5_percent_pays_0_25_per_payment() {
    // The example: 250 ÷ 400 = 62.5 % → 0.25 × 250 = 62.50.
    let s = run(vec![rural(400, 1, 250)], vec![]);
    let line = &s.stations[0].lines[0];
    assert_eq!(line.item, Item::ElectricityRural { tx: 250, households: 400, stations_in_village: 1 });
    let band = line.band.expect("a band");
    assert_eq!(band.index, 1);
    assert_eq!(band.measure.rounded(), 6_250); // basis points
    assert_eq!(line.calc, Calc::PerTx { count: 250, rate_fen: 25 });
    assert_eq!(line.amount_fen, 62_50);
}

#[test]
fn i2_just_under_50_percent_pays_0_20() {
    assert_eq!(electricity(400, 1, 199), (20, 39_80));
}

#[test]
fn i2_exactly_50_percent_is_in_the_50_to_80_band() {
    assert_eq!(electricity(400, 1, 200), (25, 50_00));
}

#[test]
fn i2_exactly_80_percent_is_still_in_the_50_to_80_band() {
    assert_eq!(electricity(400, 1, 320), (25, 80_00));
}

#[test]
fn i2_just_over_80_percent_pays_0_30() {
    assert_eq!(electricity(400, 1, 321), (30, 96_30));
    // 80.1 %: a share just above the edge that no whole percentage shows.
    assert_eq!(electricity(1000, 1, 801), (30, 240_30));
}

#[test]
fn i2_two_stations_in_a_village_halve_its_households() {
    // 250 of 400 is 62.5 %, but of 200 (two stations) it is 125 %.
    assert_eq!(electricity(400, 2, 250), (30, 75_00));
    // Exactly 50 % of the halved 400: 100 of 200.
    assert_eq!(electricity(400, 2, 100), (25, 25_00));
    assert_eq!(electricity(400, 2, 99), (20, 19_80));
    // Exactly 80 % of the halved households, on an odd count: 401 ÷ 2 = 200.5; 160.4 is
    // the edge, so 160 is under it and 161 over it.
    assert_eq!(electricity(401, 2, 160), (25, 40_00));
    assert_eq!(electricity(401, 2, 161), (30, 48_30));
}

#[test]
fn i2_three_stations_share_the_households_in_thirds() {
    // 900 households ÷ 3 = 300; 150 is exactly 50 %.
    assert_eq!(electricity(900, 3, 150), (25, 37_50));
    assert_eq!(electricity(900, 3, 149), (20, 29_80));
}

#[test]
fn i2_urban_stations_pay_0_25_under_20_payments_and_0_30_from_20() {
    let urban = |tx| {
        let mut st = StationFigures::new("U1", Area::Urban, "B2", "li");
        st.electricity_tx = tx;
        let s = run(vec![st], vec![]);
        rule_lines(&s, RuleId::I2)[0]
    };
    assert_eq!(urban(19), (4_75, Calc::PerTx { count: 19, rate_fen: 25 }));
    assert_eq!(urban(20), (6_00, Calc::PerTx { count: 20, rate_fen: 30 }));
}

#[test]
fn i1_mobile_and_telecom_pay_1_percent_rounded_half_up_and_unicom_0_25_per_payment() {
    let mut st = rural(0, 1, 0);
    st.bills.insert(BillLine::Mobile, LineFigures { tx: 40, amount_fen: 3_210_50 });
    st.bills.insert(BillLine::Unicom, LineFigures { tx: 12, amount_fen: 600_00 });
    st.bills.insert(BillLine::Telecom, LineFigures { tx: 3, amount_fen: 150 });
    let s = run(vec![st], vec![]);
    let lines = rule_lines(&s, RuleId::I1);
    // 3,210.50 × 1 % = 32.105 → 32.11 (half up, once on the month's total).
    assert_eq!(lines[0], (32_11, Calc::PerAmount { amount_fen: 3_210_50, bp: 100 }));
    assert_eq!(lines[1], (3_00, Calc::PerTx { count: 12, rate_fen: 25 }));
    // 1.50 × 1 % = 0.015 → 0.02.
    assert_eq!(lines[2], (2, Calc::PerAmount { amount_fen: 150, bp: 100 }));
    assert_eq!(per_amount(149, 100), 1);
}

fn withdrawals(n: u32) -> Vec<(i64, Calc)> {
    let mut st = rural(0, 1, 0);
    // One swipe per card: nothing capped.
    st.swipes = (0..n).map(|i| Swipe { card: format!("card{i}"), day: 1, count: 1 }).collect();
    rule_lines(&run(vec![st], vec![]), RuleId::I3)
}

#[test]
fn i3_under_10_withdrawals_pay_0_30_each_and_no_fee() {
    assert_eq!(withdrawals(9), vec![(2_70, Calc::PerTx { count: 9, rate_fen: 30 })]);
}

#[test]
fn i3_exactly_10_withdrawals_pay_0_50_each_and_cover_the_5_yuan_fee() {
    assert_eq!(
        withdrawals(10),
        vec![(5_00, Calc::PerTx { count: 10, rate_fen: 50 }), (5_00, Calc::Fixed { fen: 500 })]
    );
}

#[test]
fn i3_exactly_30_withdrawals_still_pay_0_50_and_31_pay_0_60() {
    assert_eq!(withdrawals(30)[0], (15_00, Calc::PerTx { count: 30, rate_fen: 50 }));
    assert_eq!(withdrawals(31)[0], (18_60, Calc::PerTx { count: 31, rate_fen: 60 }));
}

#[test]
fn i3_a_card_counts_at_most_two_swipes_a_day() {
    let swipes = vec![
        Swipe { card: "6217001".into(), day: 3, count: 3 },
        Swipe { card: "6217001".into(), day: 3, count: 1 }, // the same card and day again
        Swipe { card: "6217001".into(), day: 4, count: 2 },
        Swipe { card: "6217002".into(), day: 3, count: 1 },
    ];
    assert_eq!(counted_swipes(&swipes, 2), 5);
    let mut st = rural(0, 1, 0);
    st.swipes = swipes;
    let s = run(vec![st], vec![]);
    assert_eq!(s.stations[0].lines[0].item, Item::Withdrawals { swipes: 7, counted: 5, cap: 2 });
    assert_eq!(s.stations[0].total_fen(), 1_50);
}

#[test]
fn i3_the_band_and_fee_follow_counted_swipes_not_swipes_made() {
    // 12 swipes but only 8 count: the lowest band, no fee.
    let mut st = rural(0, 1, 0);
    st.swipes = (0..4).map(|i| Swipe { card: format!("c{i}"), day: 1, count: 3 }).collect();
    let s = run(vec![st], vec![]);
    assert_eq!(rule_lines(&s, RuleId::I3), vec![(2_40, Calc::PerTx { count: 8, rate_fen: 30 })]);
}

#[test]
fn i4_referrals_pay_1_2_2_and_30_yuan() {
    let mut st = rural(0, 1, 0);
    st.referrals.insert(ReferralKind::NewHousehold, 3);
    st.referrals.insert(ReferralKind::FinancialLead, 2);
    st.referrals.insert(ReferralKind::CarInsuranceLead, 1);
    st.referrals.insert(ReferralKind::CarInsuranceConverted, 1);
    let s = run(vec![st], vec![]);
    let amounts: Vec<i64> = rule_lines(&s, RuleId::I4).into_iter().map(|(a, _)| a).collect();
    assert_eq!(amounts, vec![3_00, 4_00, 2_00, 30_00]);
    assert_eq!(s.stations[0].total_fen(), 39_00);
}

fn station(code: &str, branch: &str, maintainer: &str, bill_tx: u64, pos_tx: u64) -> StationFigures {
    let mut st = StationFigures::new(code, Area::Rural, branch, maintainer);
    st.households = 10_000;
    st.electricity_tx = bill_tx;
    st.pos_tx = pos_tx;
    st
}

fn head(branch: &str, name: &str, area: Area, plan: u64) -> BranchFigures {
    BranchFigures { branch: branch.into(), head: name.into(), area, plan }
}

fn lines_of(s: &Statements, p: &Payee, rule: RuleId) -> Vec<i64> {
    s.find(p).map(|st| st.lines.iter().filter(|l| l.rule == rule).map(|l| l.amount_fen).collect()).unwrap_or_default()
}

#[test]
fn i5_a_station_is_valid_from_30_bill_payments_and_5_pos_transactions() {
    let s = run(
        vec![
            station("S1", "B1", "wang", 30, 5),
            station("S2", "B1", "wang", 29, 5),
            station("S3", "B1", "wang", 30, 4),
        ],
        vec![head("B1", "zhao", Area::Rural, 0)],
    );
    let wang = s.find(&Payee::Maintainer("wang".into())).unwrap();
    let valid: Vec<&Item> = wang.lines.iter().filter(|l| l.rule == RuleId::I5).map(|l| &l.item).collect();
    assert!(matches!(valid[0], Item::MaintenanceBase { station, .. } if station == "S1"));
    assert!(matches!(valid[2], Item::NotValid { station, bill_tx: 29, .. } if station == "S2"));
    assert!(matches!(valid[3], Item::NotValid { station, pos_tx: 4, .. } if station == "S3"));
}

#[test]
fn i5_maintenance_is_base_5_plus_0_05_per_transaction_split_2_to_8() {
    // 100 bill payments + 15 POS: 5.00 + 0.05 × 115 = 10.75; head 2.15, maintainer 8.60.
    let s = run(vec![station("S1", "B1", "wang", 100, 15)], vec![head("B1", "zhao", Area::Urban, 0)]);
    assert_eq!(lines_of(&s, &Payee::Maintainer("wang".into()), RuleId::I5), vec![4_00, 4_60]);
    assert_eq!(lines_of(&s, &Payee::BranchHead("zhao".into()), RuleId::I5), vec![1_00, 1_15]);
    let wang = s.find(&Payee::Maintainer("wang".into())).unwrap();
    assert_eq!(wang.lines[1].calc, Calc::PerTx { count: 115, rate_fen: 5 });
    assert_eq!(wang.lines[1].share, Some(Share { whole_fen: 5_75, num: 4, den: 5 }));
}

#[test]
fn i5_bill_payments_count_phone_bills_of_every_line_and_electricity() {
    let mut st = station("S1", "B1", "wang", 10, 5);
    st.bills.insert(BillLine::Mobile, LineFigures { tx: 10, amount_fen: 500_00 });
    st.bills.insert(BillLine::Unicom, LineFigures { tx: 10, amount_fen: 0 });
    assert_eq!(st.bill_payment_tx(), 30);
    let s = run(vec![st], vec![head("B1", "zhao", Area::Urban, 0)]);
    assert_eq!(lines_of(&s, &Payee::Maintainer("wang".into()), RuleId::I5), vec![4_00, 1_40]);
}

#[test]
fn i6_a_rural_branch_with_every_station_valid_earns_100_split_2_to_8() {
    let s = run(
        vec![station("S1", "B1", "wang", 30, 5), station("S2", "B1", "wang", 40, 6)],
        vec![head("B1", "zhao", Area::Rural, 2)],
    );
    assert_eq!(lines_of(&s, &Payee::BranchHead("zhao".into()), RuleId::I6), vec![20_00]);
    assert_eq!(lines_of(&s, &Payee::Maintainer("wang".into()), RuleId::I6), vec![80_00]);
}

#[test]
fn i6_a_rural_branch_with_one_station_invalid_earns_nothing_and_pays_for_the_missing_one() {
    let s = run(
        vec![station("S1", "B1", "wang", 30, 5), station("S2", "B1", "wang", 29, 6)],
        vec![head("B1", "zhao", Area::Rural, 2)],
    );
    // One station missing from the plan of 2: −2.00, head −0.40, maintainer −1.60.
    assert_eq!(lines_of(&s, &Payee::BranchHead("zhao".into()), RuleId::I6), vec![-40]);
    assert_eq!(lines_of(&s, &Payee::Maintainer("wang".into()), RuleId::I6), vec![-1_60]);
}

#[test]
fn i6_an_urban_branch_earns_100_for_every_20_valid_stations() {
    let urban = |valid: usize| {
        let stations = (0..valid).map(|i| station(&format!("S{i}"), "B9", "li", 30, 5)).collect();
        let s = run(stations, vec![head("B9", "qian", Area::Urban, 0)]);
        lines_of(&s, &Payee::BranchHead("qian".into()), RuleId::I6)
    };
    assert_eq!(urban(19), Vec::<i64>::new());
    assert_eq!(urban(20), vec![20_00]);
    assert_eq!(urban(39), vec![20_00]);
    assert_eq!(urban(40), vec![40_00]);
}

#[test]
fn i6_a_branch_share_goes_to_its_maintainers_by_the_stations_they_keep() {
    // Three valid stations, two kept by wang and one by li: 100 → head 20, wang 53.33,
    // li 26.67 (80 × 2/3 and 80 × 1/3, the odd fen to the larger remainder).
    let s = run(
        vec![station("S1", "B1", "wang", 30, 5), station("S2", "B1", "wang", 30, 5), station("S3", "B1", "li", 30, 5)],
        vec![head("B1", "zhao", Area::Rural, 3)],
    );
    let zhao = lines_of(&s, &Payee::BranchHead("zhao".into()), RuleId::I6);
    let wang = lines_of(&s, &Payee::Maintainer("wang".into()), RuleId::I6);
    let li = lines_of(&s, &Payee::Maintainer("li".into()), RuleId::I6);
    assert_eq!((zhao[0], wang[0], li[0]), (20_00, 53_33, 26_67));
    assert_eq!(zhao[0] + wang[0] + li[0], 100_00);
}

#[test]
fn i1_to_i4_station_statements_carry_every_line_and_add_up() {
    let mut st = rural(400, 2, 250);
    st.bills.insert(BillLine::Mobile, LineFigures { tx: 20, amount_fen: 1_000_00 });
    st.swipes = vec![Swipe { card: "c".into(), day: 1, count: 1 }];
    st.referrals.insert(ReferralKind::NewHousehold, 1);
    let s = run(vec![st], vec![]);
    let rules: Vec<RuleId> = s.stations[0].lines.iter().map(|l| l.rule).collect();
    assert_eq!(rules, vec![RuleId::I1, RuleId::I2, RuleId::I3, RuleId::I4]);
    assert_eq!(s.stations[0].total_fen(), 10_00 + 75_00 + 30 + 1_00);
}
