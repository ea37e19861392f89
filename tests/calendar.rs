//! The working-day calendar behind V5 (minutes in 2 working days), C6 (new entries
//! reviewed in 2 working days) and A1 (reviews within 3 working days).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, TimeZone, Utc};
use outpost::domain::calendar::{parse_date_list, CalendarError, TeamCalendar};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ms(y: i32, m: u32, day: u32, h: u32, min: u32) -> i64 {
    Utc.with_ymd_and_hms(y, m, day, h, min, 0).unwrap().timestamp_millis()
}

/// A National Day week like China's: 1–7 October off, with the weekend days either
/// side (Sunday 27 September, Saturday 10 October) worked instead.
fn national_day() -> TeamCalendar {
    TeamCalendar {
        holidays: parse_date_list("2026-10-01\n2026-10-02\n2026-10-03\n2026-10-04\n2026-10-05\n2026-10-06\n2026-10-07")
            .unwrap(),
        makeup_days: parse_date_list("2026-09-27\n2026-10-10").unwrap(),
        ..Default::default()
    }
}

#[test]
fn the_example_dates_fall_on_the_weekdays_the_tests_assume() {
    use chrono::Datelike;
    assert_eq!(d("2026-09-27").weekday(), chrono::Weekday::Sun);
    assert_eq!(d("2026-10-10").weekday(), chrono::Weekday::Sat);
    assert_eq!(d("2026-11-20").weekday(), chrono::Weekday::Fri);
}

#[test]
fn v5_minutes_of_a_friday_meeting_are_due_on_tuesday() {
    let cal = TeamCalendar::default();
    assert_eq!(cal.add_working_days(d("2026-11-20"), 2).unwrap(), d("2026-11-24"));
    assert_eq!(cal.add_working_days(d("2026-11-20"), 1).unwrap(), d("2026-11-23"));
}

#[test]
fn zero_working_days_after_a_date_is_that_date() {
    let cal = TeamCalendar::default();
    assert_eq!(cal.add_working_days(d("2026-11-21"), 0).unwrap(), d("2026-11-21"));
}

#[test]
fn v5_minutes_of_a_meeting_before_a_holiday_week_are_due_after_it() {
    // Wed 30 Sep meeting; 1–7 Oct off; Thu 8 Oct is day 1, Fri 9 Oct day 2.
    assert_eq!(national_day().add_working_days(d("2026-09-30"), 2).unwrap(), d("2026-10-09"));
}

#[test]
fn a_make_up_weekend_day_counts_as_a_working_day() {
    let cal = national_day();
    assert!(cal.is_working_day(d("2026-09-27")), "make-up Sunday");
    assert!(cal.is_working_day(d("2026-10-10")), "make-up Saturday");
    assert!(!cal.is_working_day(d("2026-10-01")), "holiday on a Thursday");
    assert!(!cal.is_working_day(d("2026-10-03")), "holiday on a Saturday");
    // Friday 25 Sep + 2: Sun 27 (make-up) is day 1, Mon 28 day 2.
    assert_eq!(cal.add_working_days(d("2026-09-25"), 2).unwrap(), d("2026-09-28"));
    // C6 from Friday 9 Oct: Sat 10 (make-up) day 1, Mon 12 day 2.
    assert_eq!(cal.add_working_days(d("2026-10-09"), 2).unwrap(), d("2026-10-12"));
}

#[test]
fn working_days_between_skips_the_holiday_week_and_runs_backwards_negative() {
    let cal = national_day();
    // 30 Sep → 9 Oct: 8 and 9 Oct only.
    assert_eq!(cal.working_days_between(d("2026-09-30"), d("2026-10-09")), 2);
    assert_eq!(cal.working_days_between(d("2026-10-09"), d("2026-09-30")), -2);
    assert_eq!(cal.working_days_between(d("2026-10-09"), d("2026-10-09")), 0);
    // A plain week: Mon → next Mon is five working days.
    assert_eq!(TeamCalendar::default().working_days_between(d("2026-11-16"), d("2026-11-23")), 5);
}

#[test]
fn an_instant_is_dated_in_the_teams_time_zone() {
    let instant = ms(2026, 3, 6, 16, 30); // Friday 16:30 UTC = Saturday 00:30 in Beijing
    let beijing = TeamCalendar::default();
    assert_eq!(beijing.local_date(instant), d("2026-03-07"));
    assert!(!beijing.is_working_day(beijing.local_date(instant)));
    let mut london = TeamCalendar::default();
    london.set_utc_offset_minutes(0).unwrap();
    assert_eq!(london.local_date(instant), d("2026-03-06"));
}

#[test]
fn one_minute_either_side_of_local_midnight_is_a_different_day() {
    let cal = TeamCalendar::default(); // UTC+8
    assert_eq!(cal.local_date(ms(2026, 3, 6, 15, 59)), d("2026-03-06")); // Fri 23:59 local
    assert_eq!(cal.local_date(ms(2026, 3, 6, 16, 1)), d("2026-03-07")); // Sat 00:01 local
                                                                        // Friday 23:59 and Saturday 00:01 both give Tuesday: the start day itself never
                                                                        // counts, and Saturday is not a working day.
    assert_eq!(cal.due_date_after(ms(2026, 3, 6, 15, 59), 2).unwrap(), d("2026-03-10"));
    assert_eq!(cal.due_date_after(ms(2026, 3, 6, 16, 1), 2).unwrap(), d("2026-03-10"));
}

#[test]
fn v5_minutes_become_overdue_the_day_after_the_due_date() {
    let cal = TeamCalendar::default();
    let meeting = ms(2026, 11, 20, 2, 0); // Friday 10:00 Beijing; due Tuesday 24 Nov
    assert!(!cal.is_overdue(meeting, 2, ms(2026, 11, 23, 2, 0)).unwrap(), "Monday");
    assert!(!cal.is_overdue(meeting, 2, ms(2026, 11, 24, 15, 59)).unwrap(), "Tuesday 23:59 local");
    assert!(cal.is_overdue(meeting, 2, ms(2026, 11, 24, 16, 0)).unwrap(), "Wednesday 00:00 local");
}

#[test]
fn a1_review_of_three_working_days_spans_a_weekend() {
    let cal = TeamCalendar::default();
    let submitted = d("2026-11-19"); // Thursday
    assert_eq!(cal.add_working_days(submitted, 3).unwrap(), d("2026-11-24"));
}

#[test]
fn a_bad_line_in_a_date_list_is_named_by_number_and_text() {
    assert_eq!(parse_date_list("\n 2026-10-01 \n\n").unwrap().len(), 1);
    assert_eq!(
        parse_date_list("2026-10-01\n2026-13-01\n"),
        Err(CalendarError::BadDate { line: 2, text: "2026-13-01".into() })
    );
    assert_eq!(parse_date_list("10/01/2026"), Err(CalendarError::BadDate { line: 1, text: "10/01/2026".into() }));
}

#[test]
fn an_offset_outside_minus_twelve_to_plus_fourteen_hours_is_refused_and_not_applied() {
    let mut cal = TeamCalendar::default();
    assert_eq!(cal.set_utc_offset_minutes(15 * 60), Err(CalendarError::OffsetOutOfRange(900)));
    assert_eq!(cal.set_utc_offset_minutes(-13 * 60), Err(CalendarError::OffsetOutOfRange(-780)));
    assert_eq!(cal.utc_offset_minutes, 480);
    assert!(cal.set_utc_offset_minutes(345).is_ok()); // Nepal, UTC+05:45
}

#[test]
fn a_calendar_without_working_days_is_an_error_not_a_hang() {
    let mut cal = TeamCalendar { weekend: (0..7).collect(), ..Default::default() };
    assert_eq!(cal.add_working_days(d("2026-01-01"), 1), Err(CalendarError::NoWorkingDays));
    // A make-up day ahead is still found.
    cal.makeup_days.insert(d("2026-01-04"));
    assert_eq!(cal.add_working_days(d("2026-01-01"), 1).unwrap(), d("2026-01-04"));
}

#[test]
fn the_calendar_survives_a_round_trip_through_storage_json() {
    let cal = national_day();
    let json = serde_json::to_string(&cal).unwrap();
    assert_eq!(serde_json::from_str::<TeamCalendar>(&json).unwrap(), cal);
}

fn date_in_2026() -> impl Strategy<Value = NaiveDate> {
    (0i64..365).prop_map(|n| d("2026-01-01") + chrono::Duration::days(n))
}

proptest! {
    #[test]
    fn n_working_days_later_is_a_working_day_exactly_n_working_days_away(start in date_in_2026(), n in 1u32..40) {
        let cal = national_day();
        let due = cal.add_working_days(start, n).unwrap();
        prop_assert!(cal.is_working_day(due));
        prop_assert_eq!(cal.working_days_between(start, due), n as i64);
    }

    #[test]
    fn more_working_days_never_gives_an_earlier_date(start in date_in_2026(), n in 0u32..30) {
        let cal = national_day();
        prop_assert!(cal.add_working_days(start, n + 1).unwrap() > cal.add_working_days(start, n).unwrap());
    }
}

#[test]
fn event_times_read_and_are_typed_in_the_teams_zone_whatever_the_tablets() {
    // Issue 18: a kite day at 09:00 Beijing time is 01:00 UTC; every tablet shows 09:00.
    let beijing = TeamCalendar::default();
    let nine = ms(2026, 3, 14, 1, 0);
    assert_eq!(beijing.zone_text(), "UTC+08:00");
    assert_eq!(beijing.local_minute(nine), "2026-03-14T09:00");
    assert_eq!(beijing.instant_of_local("2026-03-14T09:00"), Some(nine));
    assert_eq!(beijing.instant_of_local(" 2026-03-14T09:00:00 "), Some(nine));
    // Across midnight: 20:00 UTC on the 13th is 02:00 on the 14th at +06:00.
    let mut west = TeamCalendar::default();
    west.set_utc_offset_minutes(6 * 60).unwrap();
    assert_eq!(west.local_minute(ms(2026, 3, 13, 20, 0)), "2026-03-14T02:00");
    let mut behind = TeamCalendar::default();
    behind.set_utc_offset_minutes(-(3 * 60 + 30)).unwrap();
    assert_eq!(behind.zone_text(), "UTC-03:30");
    assert_eq!(behind.instant_of_local("2026-03-14T09:00"), Some(ms(2026, 3, 14, 12, 30)));
    for bad in ["", "2026-03-14", "09:00", "2026-02-30T09:00", "tomorrow"] {
        assert_eq!(beijing.instant_of_local(bad), None, "{bad}");
    }
}

proptest! {
    #[test]
    fn a_team_local_minute_reads_back_as_the_same_minute(minute in 0i64..60_000_000, offset in -720i32..=840) {
        let mut c = TeamCalendar::default();
        c.set_utc_offset_minutes(offset).unwrap();
        let at = minute * 60_000;
        prop_assert_eq!(c.instant_of_local(&c.local_minute(at)), Some(at));
    }
}
