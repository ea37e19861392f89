//! I7 payout steps: each step is recorded done by its role — finance checks and pays,
//! the manager records every other step — in the calendar's order, once; a forged step
//! counts on no device. And one station's figures entered by hand go into the month
//! through the import's path.

use outpost::app::incentives::{can_mark_step, import_month, mark_payout_step, save_station};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::incentive::{
    import_figures, station_from_cells, Column, IncentiveError, MonthFigures, Payee, PayoutStep, StepState, Track,
};
use outpost::domain::kpi::Month;
use outpost::domain::profile::Role;
use outpost::storage::incentives::load_incentives;
use outpost::storage::memory::MemoryStore;
use pollster::block_on;

use super::common::*;
use super::role_folds::{li_as, signed_team};
use super::roster::keyed;

const MONTH: &[u8] = include_bytes!("../fixtures/incentive_month.csv");

fn march() -> Month {
    Month { year: 2024, month: 3 }
}

fn figures() -> MonthFigures {
    import_figures(MONTH).expect("the fixture reads").figures
}

/// The due date of April's steps does not matter to these tests: read the order.
fn steps(data: &outpost::storage::incentives::IncentivesData) -> Vec<StepState> {
    data.payout(march(), chrono::NaiveDate::from_ymd_opt(2024, 4, 1).unwrap())
}

fn refused_as(r: Result<outpost::record::replica::Replica, CommandError>) -> Option<IncentiveError> {
    match r {
        Err(CommandError::Rule(RuleError::Incentive(e))) => Some(e),
        _ => None,
    }
}

const STATIONS_BEFORE_PAY: [PayoutStep; 5] = [
    PayoutStep::DataAllocated,
    PayoutStep::CountyCheck,
    PayoutStep::StationsSign,
    PayoutStep::Filed,
    PayoutStep::CityReview,
];

#[test]
fn i7_the_manager_records_the_steps_in_order_and_finance_records_the_payment() {
    block_on(async {
        let s = MemoryStore::new();
        let none = mark_payout_step(&s, &wang(at(0)), march(), Track::Stations, PayoutStep::DataAllocated).await;
        assert_eq!(refused_as(none), Some(IncentiveError::NoFigures));
        import_month(&s, &wang(at(0)), march(), None, &figures(), "march.csv").await.unwrap();
        mark_payout_step(&s, &wang(at(1)), march(), Track::Stations, PayoutStep::DataAllocated).await.unwrap();
        // The stations sign only after the county has checked.
        let early = mark_payout_step(&s, &wang(at(2)), march(), Track::Stations, PayoutStep::StationsSign).await;
        assert_eq!(refused_as(early), Some(IncentiveError::PayoutStepOrder { earlier: PayoutStep::CountyCheck }));
        // A step once done stays done.
        let again = mark_payout_step(&s, &wang(at(2)), march(), Track::Stations, PayoutStep::DataAllocated).await;
        assert_eq!(refused_as(again), Some(IncentiveError::PayoutStepDone));
        // The station track has no branch heads' signatures.
        let other = mark_payout_step(&s, &wang(at(2)), march(), Track::Stations, PayoutStep::HeadsSign).await;
        assert_eq!(refused_as(other), Some(IncentiveError::NoPayoutStep));
        for (i, step) in STATIONS_BEFORE_PAY.into_iter().enumerate().skip(1) {
            mark_payout_step(&s, &wang(at(10 + i as i64)), march(), Track::Stations, step).await.unwrap();
        }
        // Paying is finance's, not the manager's, nor a rep's.
        for actor in [wang(at(20)), li(at(20))] {
            let r = mark_payout_step(&s, &actor, march(), Track::Stations, PayoutStep::FinancePays).await;
            assert!(matches!(r, Err(CommandError::NotAllowed { action: Action::MarkPayoutStep, .. })), "{r:?}");
        }
        let data = load_incentives(&s).await.unwrap();
        let pay = steps(&data).into_iter().find(|x| x.track == Track::Stations && x.step == PayoutStep::FinancePays);
        let pay = pay.unwrap();
        assert!(pay.next && pay.role == Role::Finance);
        assert!(can_mark_step(&qian(at(21)), &pay) && !can_mark_step(&wang(at(21)), &pay));
        mark_payout_step(&s, &qian(at(21)), march(), Track::Stations, PayoutStep::FinancePays).await.unwrap();
        // Finance does not send the amounts: the manager does.
        let send = mark_payout_step(&s, &qian(at(22)), march(), Track::Stations, PayoutStep::AmountsSent).await;
        assert!(matches!(send, Err(CommandError::NotAllowed { .. })));
        mark_payout_step(&s, &wang(at(23)), march(), Track::Stations, PayoutStep::AmountsSent).await.unwrap();

        let data = load_incentives(&s).await.unwrap();
        let done: Vec<(PayoutStep, String, i64)> = steps(&data)
            .into_iter()
            .filter(|x| x.track == Track::Stations)
            .map(|x| {
                let d = x.done.expect("done");
                (x.step, d.by, d.at_ms)
            })
            .collect();
        assert_eq!(done.len(), 7);
        assert_eq!(done[0], (PayoutStep::DataAllocated, "wang".into(), at(1)));
        assert_eq!(done[5], (PayoutStep::FinancePays, "qian".into(), at(21)));
        // The branches' track is its own: still at its first step.
        let branches: Vec<StepState> = steps(&data).into_iter().filter(|x| x.track == Track::Branches).collect();
        assert!(branches.iter().all(|x| x.done.is_none()));
        assert_eq!(branches.iter().filter(|x| x.next).map(|x| x.step).collect::<Vec<_>>(), [PayoutStep::DataAllocated]);
    });
}

#[test]
fn i7_a_rep_who_picks_the_finance_role_on_his_tablet_does_not_pay_and_finance_does() {
    block_on(async {
        let s = signed_team().await;
        import_month(&s, &keyed(wang(at(20))), march(), None, &figures(), "march.csv").await.unwrap();
        for (i, step) in STATIONS_BEFORE_PAY.into_iter().enumerate() {
            mark_payout_step(&s, &keyed(wang(at(21 + i as i64))), march(), Track::Stations, step).await.unwrap();
        }
        mark_payout_step(&s, &li_as(Role::Finance, at(30)), march(), Track::Stations, PayoutStep::FinancePays)
            .await
            .expect("his tablet stores it");
        let data = load_incentives(&s).await.unwrap();
        let pay = steps(&data).into_iter().find(|x| x.track == Track::Stations && x.step == PayoutStep::FinancePays);
        assert_eq!(pay.map(|p| p.done), Some(None), "the forged payment does not count");
        // Nor does his forged first step of the branches' track, as a manager.
        mark_payout_step(&s, &li_as(Role::Manager, at(31)), march(), Track::Branches, PayoutStep::DataAllocated)
            .await
            .expect("his tablet stores it");
        let data = load_incentives(&s).await.unwrap();
        assert!(steps(&data).iter().filter(|x| x.track == Track::Branches).all(|x| x.done.is_none()));

        mark_payout_step(&s, &keyed(qian(at(32))), march(), Track::Stations, PayoutStep::FinancePays).await.unwrap();
        let data = load_incentives(&s).await.unwrap();
        let pay = steps(&data).into_iter().find(|x| x.track == Track::Stations && x.step == PayoutStep::FinancePays);
        assert_eq!(pay.and_then(|p| p.done).map(|d| d.by), Some("qian".to_owned()));
    });
}

fn cells(code: &str, mobile_amount: &str) -> Vec<(Column, String)> {
    use outpost::domain::incentive::BillLine;
    vec![
        (Column::Station, code.into()),
        (Column::Name, "新站".into()),
        (Column::Area, "城市".into()),
        (Column::Branch, "城区支局".into()),
        (Column::BranchHead, "钱敏".into()),
        (Column::BranchPlan, "1".into()),
        (Column::Maintainer, "李娜".into()),
        (Column::Tx(BillLine::Mobile), "3".into()),
        (Column::Amount(BillLine::Mobile), mobile_amount.into()),
        (Column::ElectricityTx, "30".into()),
        (Column::PosTx, "5".into()),
    ]
}

fn read(
    c: &[(Column, String)],
) -> (outpost::domain::incentive::StationFigures, outpost::domain::incentive::BranchFigures) {
    let refs: Vec<(Column, &str)> = c.iter().map(|(k, v)| (*k, v.as_str())).collect();
    station_from_cells(&refs).expect("good fields")
}

#[test]
fn i1_i6_a_station_entered_by_hand_joins_the_months_statements_and_an_edit_replaces_it() {
    block_on(async {
        let s = MemoryStore::new();
        import_month(&s, &wang(at(0)), march(), None, &figures(), "march.csv").await.unwrap();
        let (st, br) = read(&cells("BM102", "100"));
        let by_rep = save_station(&s, &li(at(1)), march(), st.clone(), br.clone(), None).await;
        assert!(matches!(by_rep, Err(CommandError::NotAllowed { action: Action::ImportIncentiveFigures, .. })));
        save_station(&s, &wang(at(1)), march(), st.clone(), br.clone(), None).await.unwrap();
        let data = load_incentives(&s).await.unwrap();
        let m = data.month("2024-03").unwrap();
        assert_eq!((m.figures.stations.len(), m.file_name.as_str()), (5, "march.csv"));
        // 1 % of 100.00 for mobile bills, 0.30 × 30 urban electricity payments (I1, I2).
        let total = data.statements("2024-03").unwrap().find(&Payee::Station("BM102".into())).unwrap().total_fen();
        assert_eq!(total, 1_00 + 9_00);
        // A second new station under a taken code is refused; an edit replaces it.
        let twice = save_station(&s, &wang(at(2)), march(), st.clone(), br.clone(), None).await;
        assert_eq!(refused_as(twice), Some(IncentiveError::StationExists("BM102".into())));
        let (edited, br) = read(&cells("BM102", "200"));
        save_station(&s, &wang(at(3)), march(), edited, br, Some("BM102")).await.unwrap();
        let data = load_incentives(&s).await.unwrap();
        assert_eq!(data.month("2024-03").unwrap().figures.stations.len(), 5);
        let total = data.statements("2024-03").unwrap().find(&Payee::Station("BM102".into())).unwrap().total_fen();
        assert_eq!(total, 2_00 + 9_00);
    });
}

#[test]
fn a_station_form_says_what_is_wrong_with_each_field() {
    use outpost::domain::incentive::{BillLine, Problem};
    let bad = [
        (Column::Station, " "),
        (Column::Area, "郊区"),
        (Column::Branch, "城关支局"),
        (Column::BranchHead, "赵强"),
        (Column::Maintainer, "王磊"),
        (Column::Amount(BillLine::Mobile), "1.234"),
        (Column::PosTx, "five"),
        (Column::Withdrawals, "6217@40"),
    ];
    assert_eq!(
        station_from_cells(&bad).unwrap_err(),
        vec![
            (Column::Station, Problem::Missing),
            (Column::Area, Problem::NotAnArea),
            (Column::Amount(BillLine::Mobile), Problem::NotAnAmount),
            (Column::PosTx, Problem::NotACount),
            (Column::Withdrawals, Problem::BadSwipe { entry: "6217@40".into() }),
        ]
    );
    // Each field good, but a rural station with electricity payments needs households.
    let rural = [
        (Column::Station, "BM009"),
        (Column::Area, "农村"),
        (Column::Branch, "城关支局"),
        (Column::BranchHead, "赵强"),
        (Column::Maintainer, "王磊"),
        (Column::ElectricityTx, "12"),
    ];
    assert_eq!(station_from_cells(&rural).unwrap_err(), vec![(Column::Households, Problem::NoHouseholds)]);
}
