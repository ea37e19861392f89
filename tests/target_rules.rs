//! Targets (T1–T3, V7): periods and their codes, the per-head split with its remainder,
//! results folded from confirmed payments, releases and activities (net accounts
//! included), and progress on the team's working-day calendar.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use outpost::domain::activity::ActivityKind;
use outpost::domain::calendar::TeamCalendar;
use outpost::domain::target::{
    check_setting, progress, share_by_line, split_per_head, Goal, LineSale, Measure, PaidFact, Period, PeriodKind,
    Scope, TargetError, TargetFacts, TargetSetting, Targets,
};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn t1_periods_of_every_kind_have_their_range_and_a_code_that_reads_back() {
    let day = d("2026-05-14");
    let cases = [
        (PeriodKind::Year, "2026", "2026-01-01", "2026-12-31"),
        (PeriodKind::Quarter, "2026-Q2", "2026-04-01", "2026-06-30"),
        (PeriodKind::Month, "2026-05", "2026-05-01", "2026-05-31"),
        (PeriodKind::Week, "2026-W20", "2026-05-11", "2026-05-17"),
    ];
    for (kind, code, first, last) in cases {
        let p = Period::containing(kind, day);
        assert_eq!(p.code(), code);
        assert_eq!(p.range(), (d(first), d(last)));
        assert_eq!(Period::parse(code), Some(p));
        assert_eq!(p.step(1).step(-1), p);
    }
    // A week across the new year takes its ISO year.
    assert_eq!(Period::containing(PeriodKind::Week, d("2026-01-01")).code(), "2026-W01");
    assert_eq!(Period::containing(PeriodKind::Week, d("2027-01-01")).code(), "2026-W53");
    for bad in ["2026-13", "2026-Q5", "2026-W60", "26", "2026-5", "soon", ""] {
        assert_eq!(Period::parse(bad), None, "{bad}");
    }
}

#[test]
fn t3_eighty_million_for_four_is_twenty_million_each_and_a_remainder_goes_to_the_first() {
    let reps: Vec<String> = ["li", "zhao", "sun", "qian"].map(String::from).to_vec();
    assert!(split_per_head(80_000_000_00, &reps).iter().all(|(_, fen)| *fen == 20_000_000_00));
    let odd = split_per_head(10, &reps);
    assert_eq!(odd.iter().map(|(_, n)| *n).collect::<Vec<_>>(), vec![3, 3, 2, 2]);
    assert!(split_per_head(10, &[]).is_empty());
}

proptest! {
    /// T3: the parts always add up to the team target, and differ by at most one unit.
    #[test]
    fn t3_a_split_adds_up_to_the_total(total in 0i64..1_000_000_000_000, n in 1usize..40) {
        let reps: Vec<String> = (0..n).map(|i| format!("r{i}")).collect();
        let parts = split_per_head(total, &reps);
        prop_assert_eq!(parts.iter().map(|(_, v)| v).sum::<i64>(), total);
        let (lo, hi) = (parts.iter().map(|p| p.1).min().unwrap(), parts.iter().map(|p| p.1).max().unwrap());
        prop_assert!(hi - lo <= 1);
    }
}

fn paid(customer: &str, rep: &str, fen: i64, on: &str) -> PaidFact {
    PaidFact { customer: customer.into(), rep: rep.into(), amount_fen: fen, paid_on: d(on) }
}

#[test]
fn results_fold_from_confirmed_payments_first_deals_releases_and_activities() {
    let may = Period::parse("2026-05").unwrap();
    let li = Scope::Rep("li".into());
    let facts = TargetFacts {
        payments: vec![
            paid("c1", "li", 500_00, "2026-05-03"),
            paid("c1", "li", 700_00, "2026-05-20"),
            // c2's first deal was Zhao's in April: no new account in May for anyone.
            paid("c2", "zhao", 100_00, "2026-04-28"),
            paid("c2", "li", 300_00, "2026-05-04"),
            paid("c3", "li", 900_00, "2026-06-01"),
        ],
        releases: vec![("li".into(), d("2026-05-10")), ("li".into(), d("2026-04-30"))],
        activities: vec![
            ("li".into(), ActivityKind::Visit, d("2026-05-02")),
            ("li".into(), ActivityKind::Call, d("2026-05-02")),
            ("li".into(), ActivityKind::Visit, d("2026-06-02")),
            ("zhao".into(), ActivityKind::Visit, d("2026-05-02")),
        ],
        line_sales: Vec::new(),
        tallies: Vec::new(),
        applications: Vec::new(),
    };
    assert_eq!(facts.actual(Measure::Sales, &li, &may), 1_500_00);
    assert_eq!(facts.actual(Measure::Sales, &Scope::Team, &may), 1_500_00);
    assert_eq!(facts.actual(Measure::NewAccounts, &li, &may), 1, "c1 only");
    // T3 net: one new account, one customer released in May.
    assert_eq!(facts.actual(Measure::NetAccounts, &li, &may), 0);
    assert_eq!(facts.actual(Measure::Visits, &li, &may), 1);
    assert_eq!(facts.actual(Measure::Visits, &Scope::Team, &may), 2);
    assert_eq!(facts.actual(Measure::Calls, &li, &may), 1);
    assert_eq!(facts.actual(Measure::NewAccounts, &Scope::Rep("zhao".into()), &Period::parse("2026-04").unwrap()), 1);
}

#[test]
fn t2_progress_projects_the_pace_on_working_days_and_spreads_the_gap_over_those_left() {
    // May 2026 on a Mon–Fri calendar: 21 working days; with 1 May a holiday and Saturday
    // 9 May a make-up day, still 21.
    let mut cal = TeamCalendar::default();
    let may = Period::parse("2026-05").unwrap();
    let p = progress(2_100_00, 500_00, &may, d("2026-05-08"), &cal);
    assert_eq!((p.days_done, p.days_total), (6, 21));
    assert_eq!(p.attainment_bp, Some(2380), "500 / 2,100 = 23.80 %, rounded down");
    assert_eq!(p.projected, 500_00 * 21 / 6);
    assert_eq!(p.gap, 1_600_00);
    assert_eq!(p.per_day_needed, Some((1_600_00 + 14) / 15), "rounded up over 15 days left");

    cal.holidays.insert(d("2026-05-01"));
    cal.makeup_days.insert(d("2026-05-09"));
    let p = progress(2_100_00, 500_00, &may, d("2026-05-08"), &cal);
    assert_eq!((p.days_done, p.days_total), (5, 21));

    // Before the period, after it, met, and with no target.
    let before = progress(100, 0, &may, d("2026-04-20"), &cal);
    assert_eq!((before.days_done, before.projected, before.per_day_needed), (0, 0, Some(5)));
    let after = progress(100, 40, &may, d("2026-06-03"), &cal);
    assert_eq!((after.days_done, after.per_day_needed, after.gap), (21, None, 60));
    let met = progress(100, 120, &may, d("2026-05-20"), &cal);
    assert_eq!((met.gap, met.per_day_needed, met.attainment_bp), (0, None, Some(12_000)));
    assert_eq!(progress(0, 5, &may, d("2026-05-20"), &cal).attainment_bp, None);
}

#[test]
fn t2_a_setting_is_never_negative_and_a_change_says_why_and_history_is_kept() {
    let may = Period::parse("2026-05").unwrap();
    let set = |amount: i64, reason: &str, at_ms: i64| TargetSetting {
        period: may,
        measure: Measure::Sales,
        scope: Scope::Team,
        amount,
        reason: reason.into(),
        by: "wang".into(),
        at_ms,
        of: None,
    };
    let none = Targets::default();
    assert_eq!(check_setting(&none, &set(-1, "", 1)), Err(TargetError::Negative));
    assert_eq!(check_setting(&none, &set(80, "", 1)), Ok(()));
    let t = Targets::fold(vec![set(90, "new line launched", 2), set(80, "", 1)]);
    assert_eq!(t.current(&may, Measure::Sales, &Scope::Team).map(|s| s.amount), Some(90));
    assert_eq!(check_setting(&t, &set(95, "  ", 3)), Err(TargetError::NoReason));
    let h: Vec<i64> = t.history_of(&may, Measure::Sales).iter().map(|s| s.amount).collect();
    assert_eq!(h, vec![90, 80], "newest first");
}

#[test]
fn t3_a_payment_is_shared_over_the_orders_product_lines_to_the_fen() {
    let lines = vec![("Tea".to_string(), 60_000_00), ("Kites".to_string(), 30_000_00), ("Tea".to_string(), 10_000_00)];
    // 70 : 30 of 100.01 → 70.01 (the larger remainder) and 30.00.
    assert_eq!(share_by_line(100_01, &lines), vec![("Tea".to_string(), 70_01), ("Kites".to_string(), 30_00)]);
    assert_eq!(share_by_line(5_00, &[]), vec![(String::new(), 5_00)], "no order lines: the blank line");
    assert_eq!(share_by_line(5_00, &[("Tea".into(), 0)]), vec![(String::new(), 5_00)]);
}

#[test]
fn t3_a_product_lines_target_counts_only_that_lines_sales_and_sales_only() {
    let may = Period::parse("2026-05").unwrap();
    let facts = TargetFacts {
        line_sales: vec![
            LineSale { rep: "li".into(), line: "Tea".into(), amount_fen: 70_00, paid_on: d("2026-05-03") },
            LineSale { rep: "li".into(), line: "Kites".into(), amount_fen: 30_00, paid_on: d("2026-05-03") },
            LineSale { rep: "zhao".into(), line: "Tea".into(), amount_fen: 5_00, paid_on: d("2026-05-09") },
            LineSale { rep: "li".into(), line: "Tea".into(), amount_fen: 1_00, paid_on: d("2026-06-01") },
        ],
        ..Default::default()
    };
    assert_eq!(facts.actual_for(&Goal::line("Tea"), &Scope::Rep("li".into()), &may), 70_00);
    assert_eq!(facts.actual_for(&Goal::line("Tea"), &Scope::Team, &may), 75_00);
    assert_eq!(facts.actual_for(&Goal::line("Kites"), &Scope::Team, &may), 30_00);
    let set = |line: Option<&str>, measure: Measure, amount: i64| TargetSetting {
        period: may,
        measure,
        scope: Scope::Team,
        amount,
        reason: String::new(),
        by: "wang".into(),
        at_ms: 1,
        of: line.map(str::to_owned),
    };
    let t = Targets::fold(vec![set(Some("Tea"), Measure::Sales, 100_00), set(None, Measure::Sales, 500_00)]);
    assert_eq!(t.current_for(&may, &Goal::line("Tea"), &Scope::Team).map(|s| s.amount), Some(100_00));
    assert_eq!(t.current(&may, Measure::Sales, &Scope::Team).map(|s| s.amount), Some(500_00), "lines apart from all");
    assert!(t.current_for(&may, &Goal::line("Kites"), &Scope::Team).is_none());
    assert_eq!(check_setting(&t, &set(Some("Tea"), Measure::Visits, 3)), Err(TargetError::LineNotSales));
}

#[test]
fn t1_a_team_count_sums_each_reps_tallies_in_the_period_and_corrections_subtract() {
    let may = Period::parse("2026-05").unwrap();
    let tally = |rep: &str, name: &str, day: &str, count: i64| outpost::domain::target::Tally {
        rep: rep.into(),
        name: name.into(),
        day: d(day),
        count,
    };
    let facts = TargetFacts {
        tallies: vec![
            tally("li", "demos", "2026-05-02", 3),
            tally("li", "demos", "2026-05-03", -1),
            tally("li", "brochures", "2026-05-03", 40),
            tally("zhao", "demos", "2026-05-31", 2),
            tally("li", "demos", "2026-06-01", 5),
        ],
        ..Default::default()
    };
    assert_eq!(facts.actual_for(&Goal::count("demos"), &Scope::Rep("li".into()), &may), 2);
    assert_eq!(facts.actual_for(&Goal::count("demos"), &Scope::Team, &may), 4);
    assert_eq!(facts.actual_for(&Goal { measure: Measure::Count, of: None }, &Scope::Team, &may), 0);
    assert_eq!(facts.actual(Measure::Count, &Scope::Team, &may), 0, "a count is read by its name");
}
