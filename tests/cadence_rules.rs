//! Follow-up cadence (V6, P8, K3), minutes (V5), quotas (V7) and bid documents (J2)
//! against the team calendar, with the clock passed in: weekends, holidays and make-up
//! days. Dates are 2026; 2026-03-06 is a Friday. Times are team-local (UTC+8).

use chrono::NaiveDate;
use outpost::domain::activity::ActivityKind;
use outpost::domain::cadence::{next_contact, obligations, CadenceInput, CadenceRule, CadenceSettings};
use outpost::domain::calendar::TeamCalendar;
use outpost::domain::minutes::{minutes, MinutesEvent, MinutesState, MinutesStep, Recipient};
use outpost::domain::project::{default_bid_checklist, Project, ProjectStage};
use outpost::domain::quota::{progress, CustomerStatus, QuotaActivity, QuotaSettings};

const P8_DAYS: u32 = 7;

fn day(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

/// Epoch ms of `hh:00` team time (UTC+8) on `s`.
fn at(s: &str, hh: i64) -> i64 {
    let utc_midnight = day(s).and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp_millis();
    utc_midnight + (hh - 8) * 3_600_000
}

/// Monday 9 March 2026 is a team holiday.
fn holiday_monday() -> TeamCalendar {
    let mut cal = TeamCalendar::default();
    cal.holidays.insert(day("2026-03-09"));
    cal
}

fn next(input: &CadenceInput, cal: &TeamCalendar, now_ms: i64) -> outpost::domain::cadence::NextContact {
    next_contact(input, &CadenceSettings::default(), P8_DAYS, cal, now_ms)
        .expect("a calendar with working days")
        .expect("a rule applies")
}

// ---- V6 -------------------------------------------------------------------------

#[test]
fn v6_an_early_design_project_is_followed_up_weekly_and_later_stages_every_two_weeks() {
    let cal = TeamCalendar::default();
    let contact = at("2026-03-03", 10); // Tuesday
    let early = CadenceInput {
        last_contact_ms: Some(contact),
        project_stages: vec![ProjectStage::PreliminaryDesign],
        ..Default::default()
    };
    let n = next(&early, &cal, contact);
    assert_eq!((n.rule, n.due_on, n.days_left), (CadenceRule::EarlyDesignProject, day("2026-03-10"), 7));
    let bidding = CadenceInput { project_stages: vec![ProjectStage::Bidding], ..early };
    let n = next(&bidding, &cal, contact);
    assert_eq!((n.rule, n.due_on), (CadenceRule::ProjectFollowUp, day("2026-03-17")));
}

#[test]
fn v6_the_earliest_rule_wins_when_a_customer_has_projects_in_several_stages() {
    let cal = TeamCalendar::default();
    let input = CadenceInput {
        last_contact_ms: Some(at("2026-03-03", 10)),
        project_stages: vec![ProjectStage::Acceptance, ProjectStage::PreliminaryDesign],
        ..Default::default()
    };
    let all = obligations(&input, &CadenceSettings::default(), P8_DAYS, &cal, at("2026-03-03", 11)).unwrap();
    let rules: Vec<_> = all.iter().map(|o| o.rule).collect();
    assert_eq!(rules, [CadenceRule::EarlyDesignProject, CadenceRule::ProjectFollowUp]);
}

#[test]
fn v6_a_weekly_follow_up_falling_on_a_holiday_monday_moves_to_tuesday() {
    let cal = holiday_monday();
    let input = CadenceInput {
        last_contact_ms: Some(at("2026-03-02", 15)), // Monday; +7 = holiday Monday the 9th
        special_background: true,
        ..Default::default()
    };
    let n = next(&input, &cal, at("2026-03-06", 9));
    assert_eq!((n.rule, n.due_on, n.days_left), (CadenceRule::SpecialBackground, day("2026-03-10"), 4));
    let bare = CadenceSettings { roll_to_working_day: false, ..Default::default() };
    let n = next_contact(&input, &bare, P8_DAYS, &cal, at("2026-03-06", 9)).unwrap().unwrap();
    assert_eq!(n.due_on, day("2026-03-09"), "a team may keep the bare date");
}

#[test]
fn v6_a_due_date_on_a_make_up_saturday_stays_on_the_saturday() {
    let mut cal = TeamCalendar::default();
    cal.makeup_days.insert(day("2026-03-14")); // Saturday worked
    let input = CadenceInput {
        last_contact_ms: Some(at("2026-03-07", 10)), // Saturday contact; +7 = make-up Saturday
        special_background: true,
        ..Default::default()
    };
    assert_eq!(next(&input, &cal, at("2026-03-07", 10)).due_on, day("2026-03-14"));
    // Without the make-up day the Saturday rolls to Monday.
    assert_eq!(next(&input, &TeamCalendar::default(), at("2026-03-07", 10)).due_on, day("2026-03-16"));
}

#[test]
fn v6_the_next_contact_is_overdue_the_day_after_it_was_due() {
    let cal = TeamCalendar::default();
    let input = CadenceInput {
        last_contact_ms: Some(at("2026-03-03", 10)),
        project_stages: vec![ProjectStage::PreliminaryDesign],
        ..Default::default()
    };
    let due_day = next(&input, &cal, at("2026-03-10", 23));
    assert!(!due_day.overdue);
    assert_eq!(due_day.days_left, 0);
    let after = next(&input, &cal, at("2026-03-11", 0));
    assert!(after.overdue);
    assert_eq!(after.days_left, -1);
    assert_eq!(after.due_ms, at("2026-03-11", 0), "overdue from the team midnight after the due day");
}

#[test]
fn v6_a_project_customer_never_contacted_is_due_today() {
    let cal = TeamCalendar::default();
    let input = CadenceInput { project_stages: vec![ProjectStage::Bidding], ..Default::default() };
    let n = next(&input, &cal, at("2026-03-04", 10));
    assert_eq!((n.due_on, n.days_left, n.overdue), (day("2026-03-04"), 0, false));
}

// ---- P8 -------------------------------------------------------------------------

#[test]
fn p8_a_newly_assigned_customer_is_due_within_a_week_until_any_contact_is_made() {
    let cal = TeamCalendar::default();
    let assigned = at("2026-03-04", 16); // Wednesday
    let input = CadenceInput { assigned_ms: Some(assigned), ..Default::default() };
    let n = next(&input, &cal, assigned);
    assert_eq!((n.rule, n.due_on), (CadenceRule::NewlyAssigned, day("2026-03-11")));
    let contacted = CadenceInput { last_contact_ms: Some(at("2026-03-05", 9)), ..input.clone() };
    assert_eq!(next_contact(&contacted, &CadenceSettings::default(), P8_DAYS, &cal, assigned), Ok(None));
    // A contact from before the assignment (the previous owner's) does not count.
    let stale = CadenceInput { last_contact_ms: Some(at("2026-03-01", 9)), ..input };
    assert_eq!(next(&stale, &cal, assigned).rule, CadenceRule::NewlyAssigned);
}

#[test]
fn p8_the_window_is_the_pools_p8_days_setting() {
    let cal = TeamCalendar::default();
    let input = CadenceInput { assigned_ms: Some(at("2026-03-02", 9)), ..Default::default() };
    let n = next_contact(&input, &CadenceSettings::default(), 3, &cal, at("2026-03-02", 9)).unwrap().unwrap();
    assert_eq!(n.due_on, day("2026-03-05"));
}

// ---- K3 -------------------------------------------------------------------------

#[test]
fn k3_a_return_visit_is_due_a_week_after_service_and_a_call_does_not_clear_it() {
    let cal = holiday_monday();
    let service = at("2026-03-02", 14); // Monday; +7 = holiday Monday → Tuesday
    let called = CadenceInput {
        last_service_ms: Some(service),
        last_contact_ms: Some(at("2026-03-03", 10)),
        ..Default::default()
    };
    let n = next(&called, &cal, at("2026-03-03", 11));
    assert_eq!((n.rule, n.due_on), (CadenceRule::ServiceReturnVisit, day("2026-03-10")));
    let visited = CadenceInput { last_visit_ms: Some(at("2026-03-05", 15)), ..called };
    assert_eq!(next_contact(&visited, &CadenceSettings::default(), P8_DAYS, &cal, at("2026-03-05", 16)), Ok(None));
}

// ---- V5 -------------------------------------------------------------------------

fn written(at_ms: i64) -> MinutesEvent {
    MinutesEvent { id: "m1".into(), step: MinutesStep::Written, at_ms, by: "li".into() }
}

#[test]
fn v5_minutes_of_a_friday_meeting_before_a_holiday_monday_are_due_on_wednesday() {
    let cal = holiday_monday();
    let meeting = at("2026-03-06", 16);
    let m = minutes(meeting, &[], &cal, at("2026-03-11", 18)).unwrap();
    assert_eq!(m.due_on, day("2026-03-11"));
    assert_eq!(m.state, MinutesState::Due);
    assert!(!m.overdue, "still the due day");
    let m = minutes(meeting, &[], &cal, at("2026-03-12", 8)).unwrap();
    assert!(m.overdue);
    assert_eq!(m.alert(), &[Recipient::Rep, Recipient::Manager]);
}

#[test]
fn v5_a_make_up_saturday_counts_as_a_working_day_for_minutes() {
    let mut cal = TeamCalendar::default();
    cal.holidays.insert(day("2026-03-13")); // Friday off
    cal.makeup_days.insert(day("2026-03-14")); // Saturday worked instead
    let meeting = at("2026-03-12", 10); // Thursday
                                        // Saturday is working day 1, Monday day 2; without the make-up day it would be Tuesday.
    assert_eq!(minutes(meeting, &[], &cal, meeting).unwrap().due_on, day("2026-03-16"));
    cal.makeup_days.clear();
    assert_eq!(minutes(meeting, &[], &cal, meeting).unwrap().due_on, day("2026-03-17"));
}

#[test]
fn v5_a_late_evening_meeting_counts_from_its_team_local_date() {
    // 23:30 on Friday team time is Friday 15:30 UTC: still Friday, due Tuesday.
    let cal = TeamCalendar::default();
    let meeting = at("2026-03-06", 23) + 30 * 60_000;
    assert_eq!(minutes(meeting, &[], &cal, meeting).unwrap().due_on, day("2026-03-10"));
}

#[test]
fn v5_minutes_written_after_the_due_day_are_done_but_marked_late() {
    let cal = TeamCalendar::default();
    let meeting = at("2026-03-06", 16);
    let m = minutes(meeting, &[written(at("2026-03-11", 9))], &cal, at("2026-03-12", 9)).unwrap();
    assert_eq!(m.state, MinutesState::Done(MinutesStep::Written));
    assert!(!m.overdue);
    assert!(m.written_late);
}

// ---- V7 -------------------------------------------------------------------------

fn act(kind: ActivityKind, customer_id: &str, customer: CustomerStatus, at_ms: i64) -> QuotaActivity {
    QuotaActivity { kind, customer_id: customer_id.into(), customer, at_ms }
}

#[test]
fn v7_two_three_four_counts_distinct_customers_on_the_team_local_day() {
    use ActivityKind::*;
    use CustomerStatus::*;
    let cal = TeamCalendar::default();
    let acts = [
        act(Visit, "n1", New, at("2026-03-04", 9)),
        act(Visit, "n1", New, at("2026-03-04", 15)), // same customer twice: once
        act(Visit, "n2", New, at("2026-03-04", 16)),
        act(Visit, "e1", Existing, at("2026-03-04", 10)),
        act(Call, "e1", Existing, at("2026-03-04", 8)),
        act(Sms, "e2", Existing, at("2026-03-04", 8)), // not a phone contact
        act(Call, "e3", Existing, at("2026-03-04", 7)), // 23:00 UTC the day before: counts today
        act(Call, "e4", Existing, at("2026-03-05", 0)), // tomorrow, team time
    ];
    let p = progress(&QuotaSettings::two_three_four(), &acts, &cal, day("2026-03-04"));
    let got: Vec<_> = p.iter().map(|q| (q.target, q.done, q.met)).collect();
    assert_eq!(got, [(2, 2, true), (3, 1, false), (4, 2, false)]);
}

#[test]
fn v7_a_daily_quota_is_not_owed_on_a_holiday_or_weekend_but_is_on_a_make_up_day() {
    let mut cal = holiday_monday();
    cal.makeup_days.insert(day("2026-03-14"));
    let settings = QuotaSettings::two_three_four();
    let targets = |d: &str| -> Vec<u32> { progress(&settings, &[], &cal, day(d)).iter().map(|q| q.target).collect() };
    assert_eq!(targets("2026-03-09"), [0, 0, 0], "holiday Monday");
    assert_eq!(targets("2026-03-08"), [0, 0, 0], "Sunday");
    assert_eq!(targets("2026-03-14"), [2, 3, 4], "make-up Saturday");
}

#[test]
fn v7_a_week_quota_shrinks_with_holidays_and_counts_monday_to_sunday() {
    let mut cal = TeamCalendar::default();
    for d in ["2026-03-09", "2026-03-10"] {
        cal.holidays.insert(day(d));
    }
    let visits = [
        act(ActivityKind::Visit, "a", CustomerStatus::Existing, at("2026-03-08", 10)), // last week's Sunday
        act(ActivityKind::Visit, "b", CustomerStatus::Existing, at("2026-03-12", 10)),
        act(ActivityKind::Visit, "c", CustomerStatus::New, at("2026-03-15", 10)), // Sunday of this week
    ];
    let p = progress(&QuotaSettings::default(), &visits, &cal, day("2026-03-11"));
    let week = &p[1];
    assert_eq!((week.first_day, week.last_day), (day("2026-03-09"), day("2026-03-15")));
    assert_eq!((week.target, week.done), (12, 2), "3 of 5 working days owe 12 of 20 visits");
    let full = QuotaSettings { prorate_short_weeks: false, ..Default::default() };
    assert_eq!(progress(&full, &visits, &cal, day("2026-03-11"))[1].target, 20);
}

// ---- J2 -------------------------------------------------------------------------

#[test]
fn j2_bid_documents_are_due_two_calendar_days_before_the_deadline_and_flagged_when_not_ready() {
    let cal = TeamCalendar::default();
    let mut p = Project {
        id: "p1".into(),
        customer_id: "c1".into(),
        name: "HQ wiring".into(),
        bid_deadline_ms: Some(at("2026-03-16", 9)), // Monday 09:00
        key_dates: vec![],
        bid_checklist: default_bid_checklist(),
        milestones: vec![],
    };
    let on_due_day = p.bid_docs(&cal, at("2026-03-14", 12)).unwrap();
    assert_eq!(on_due_day.due_on, day("2026-03-14"), "Saturday: calendar days");
    assert!(!on_due_day.not_ready);
    let after = p.bid_docs(&cal, at("2026-03-15", 9)).unwrap();
    assert!(after.not_ready);
    assert_eq!(after.missing, ["authorisation", "bid documents"]);
    for item in &mut p.bid_checklist {
        item.ready = true;
    }
    assert!(!p.bid_docs(&cal, at("2026-03-15", 9)).unwrap().not_ready);
}
