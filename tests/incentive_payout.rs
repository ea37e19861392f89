//! I7 the payout calendar as steps done by roles, folded from "step done" facts: due
//! dates in the following month, overdue once past them, the order rule within a track,
//! and the earliest of two offline marks of one step shown.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use outpost::domain::incentive::{
    check_next, payout_progress, rural_stations, step_role, IncentiveError, PayoutStep, StepDone, StepState, Track,
};
use outpost::domain::kpi::Month;
use outpost::domain::profile::Role;

const MARCH: Month = Month { year: 2024, month: 3 };

fn april(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 4, d).unwrap()
}

fn done(track: Track, step: PayoutStep, by: &str, at_ms: i64) -> StepDone {
    StepDone { month: MARCH, track, step, by: by.into(), at_ms }
}

fn find(steps: &[StepState], track: Track, step: PayoutStep) -> &StepState {
    steps.iter().find(|s| s.track == track && s.step == step).unwrap()
}

#[test]
fn i7_finance_pays_and_the_manager_records_every_other_step() {
    for c in rural_stations().calendar {
        let want = if c.step == PayoutStep::FinancePays { Role::Finance } else { Role::Manager };
        assert_eq!(step_role(c.step), want, "{:?}", c.step);
    }
}

#[test]
fn i7_each_track_starts_at_its_first_step_and_nothing_is_overdue_before_its_day() {
    let steps = payout_progress(&rural_stations(), MARCH, &[], april(3));
    assert_eq!(steps.len(), 13);
    let next: Vec<(Track, PayoutStep)> = steps.iter().filter(|s| s.next).map(|s| (s.track, s.step)).collect();
    assert_eq!(next, [(Track::Stations, PayoutStep::DataAllocated), (Track::Branches, PayoutStep::DataAllocated)]);
    assert!(steps.iter().all(|s| !s.overdue), "due on the 3rd, not overdue on it");
    let later = payout_progress(&rural_stations(), MARCH, &[], april(4));
    assert_eq!(later.iter().filter(|s| s.overdue).count(), 2);
}

#[test]
fn i7_a_step_done_is_shown_with_who_and_when_and_the_next_one_opens() {
    let facts = [done(Track::Branches, PayoutStep::DataAllocated, "wang", 5)];
    let steps = payout_progress(&rural_stations(), MARCH, &facts, april(13));
    let first = find(&steps, Track::Branches, PayoutStep::DataAllocated);
    assert_eq!(first.done.as_ref().map(|d| (d.by.as_str(), d.at_ms)), Some(("wang", 5)));
    assert!(!first.overdue && !first.next);
    let heads = find(&steps, Track::Branches, PayoutStep::HeadsSign);
    assert!(heads.next && heads.overdue && heads.due == april(12));
    assert!(check_next(&steps, Track::Branches, PayoutStep::HeadsSign).is_ok());
    assert_eq!(
        check_next(&steps, Track::Branches, PayoutStep::CityReview).unwrap_err(),
        IncentiveError::PayoutStepOrder { earlier: PayoutStep::HeadsSign }
    );
    assert_eq!(
        check_next(&steps, Track::Branches, PayoutStep::DataAllocated).unwrap_err(),
        IncentiveError::PayoutStepDone
    );
    assert_eq!(
        check_next(&steps, Track::Branches, PayoutStep::Filed).unwrap_err(),
        IncentiveError::NoPayoutStep,
        "filing is the stations' track only"
    );
}

#[test]
fn i7_a_step_recorded_before_its_earlier_steps_does_not_count() {
    let facts = [done(Track::Stations, PayoutStep::CountyCheck, "wang", 5)];
    let steps = payout_progress(&rural_stations(), MARCH, &facts, april(1));
    assert!(steps.iter().all(|s| s.done.is_none()));
    // Once the first step is done, the county check recorded before it counts.
    let facts = [facts[0].clone(), done(Track::Stations, PayoutStep::DataAllocated, "wang", 9)];
    let steps = payout_progress(&rural_stations(), MARCH, &facts, april(1));
    assert!(find(&steps, Track::Stations, PayoutStep::CountyCheck).done.is_some());
    assert!(find(&steps, Track::Stations, PayoutStep::StationsSign).next);
}

#[test]
fn i7_two_offline_marks_of_one_step_show_the_earliest_whichever_arrives_first() {
    let a = done(Track::Stations, PayoutStep::DataAllocated, "zhou", 7);
    let b = done(Track::Stations, PayoutStep::DataAllocated, "wang", 7);
    let c = done(Track::Stations, PayoutStep::DataAllocated, "wang", 9);
    let one = payout_progress(&rural_stations(), MARCH, &[a.clone(), b.clone(), c.clone()], april(1));
    let other = payout_progress(&rural_stations(), MARCH, &[c, b, a], april(1));
    assert_eq!(one, other);
    let d = find(&one, Track::Stations, PayoutStep::DataAllocated).done.clone().unwrap();
    assert_eq!((d.by.as_str(), d.at_ms), ("wang", 7));
}

#[test]
fn i7_facts_of_another_month_do_not_count() {
    let mut f = done(Track::Stations, PayoutStep::DataAllocated, "wang", 5);
    f.month = Month { year: 2024, month: 2 };
    let steps = payout_progress(&rural_stations(), MARCH, &[f], april(1));
    assert!(steps.iter().all(|s| s.done.is_none()));
}
