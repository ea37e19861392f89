//! Sales plans (V9, seed 003 职责三), the application status report (A1, seed 003
//! 职责五) and training hours (seed 003 职责六), folded from fixed records.

use chrono::{NaiveDate, NaiveTime};
use outpost::domain::activity::ActivityKind;
use outpost::domain::application::{Application, ApplicationStatus, Checklists, Outcome};
use outpost::domain::application_report::status_report;
use outpost::domain::calendar::TeamCalendar;
use outpost::domain::sales_plan::{plan_progress, PlanDraft, PlanGoal};
use outpost::domain::target::{Measure, PaidFact, Period, TargetFacts};
use outpost::domain::training::{hours_per_rep, Training};

fn d(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

/// Epoch ms of `day` at `hour`:00 in the team's zone (UTC+8).
fn ms(day: &str, hour: u32) -> i64 {
    let local = d(day).and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap());
    local.and_utc().timestamp_millis() - 8 * 3600 * 1000
}

fn paid(customer: &str, rep: &str, yuan: i64, day: &str) -> PaidFact {
    PaidFact { customer: customer.into(), rep: rep.into(), amount_fen: yuan * 100, paid_on: d(day) }
}

/// March 2026 for Li: three confirmed orders (35,000 yuan, from two customers), two
/// applications and one visit; Zhao's payment and Li's April payment do not count.
fn march() -> TargetFacts {
    TargetFacts {
        payments: vec![
            paid("c1", "li", 10_000, "2026-03-03"),
            paid("c2", "li", 20_000, "2026-03-10"),
            paid("c1", "li", 5_000, "2026-03-12"),
            paid("c3", "zhao", 9_000, "2026-03-04"),
            paid("c4", "li", 7_000, "2026-04-01"),
        ],
        applications: vec![
            ("li".into(), d("2026-03-05")),
            ("li".into(), d("2026-03-13")),
            ("zhao".into(), d("2026-03-05")),
        ],
        activities: vec![("li".into(), ActivityKind::Visit, d("2026-03-09"))],
        ..Default::default()
    }
}

#[test]
fn v9_progress_of_a_month_with_three_orders_and_two_applications_is_computed_from_the_records() {
    let draft = PlanDraft {
        period: Period::parse("2026-03").unwrap(),
        goals: vec![
            PlanGoal { measure: Measure::Sales, amount: 100_000_00 },
            PlanGoal { measure: Measure::Applications, amount: 4 },
            PlanGoal { measure: Measure::NewAccounts, amount: 2 },
            PlanGoal { measure: Measure::Visits, amount: 1 },
        ],
        actions: "win the Fengtai dealer".into(),
    };
    // Monday 16 March: 11 of March's 22 working days gone (today included), 11 left.
    let lines = plan_progress(&draft, "li", &march(), d("2026-03-16"), &TeamCalendar::default());
    let sales = lines[0].progress;
    assert_eq!((sales.actual, sales.attainment_bp, sales.days_done, sales.days_total), (35_000_00, Some(3500), 11, 22));
    assert_eq!(sales.gap, 65_000_00);
    assert_eq!(sales.per_day_needed, Some(5_909_10), "65,000 yuan over 11 working days, rounded up to the fen");
    let apps = lines[1].progress;
    assert_eq!((apps.actual, apps.attainment_bp, apps.gap, apps.per_day_needed), (2, Some(5000), 2, Some(1)));
    let new = lines[2].progress;
    assert_eq!((new.actual, new.attainment_bp), (2, Some(10_000)), "c1 and c2 had their first deal in March");
    let visits = lines[3].progress;
    assert_eq!((visits.actual, visits.gap, visits.per_day_needed), (1, 0, None), "met: nothing more needed");
}

#[test]
fn v9_a_holiday_on_the_team_calendar_leaves_fewer_working_days_for_the_rest_of_the_plan() {
    let draft = PlanDraft {
        period: Period::parse("2026-03").unwrap(),
        goals: vec![PlanGoal { measure: Measure::Sales, amount: 100_000_00 }],
        actions: String::new(),
    };
    let mut cal = TeamCalendar::default();
    cal.holidays.insert(d("2026-03-20"));
    let p = plan_progress(&draft, "li", &march(), d("2026-03-16"), &cal)[0].progress;
    assert_eq!((p.days_total, p.per_day_needed), (21, Some(6_500_00)), "65,000 yuan over 10 working days");
}

fn lists() -> Checklists {
    Checklists([("gold".to_owned(), vec!["ID copy".to_owned(), "payslip".to_owned()])].into())
}

fn application(id: &str, rep: &str, got: &[&str]) -> Application {
    let mut a = Application::new(id, format!("c-{id}"), "gold", rep);
    a.received.extend(got.iter().map(|m| m.to_string()));
    a
}

#[test]
fn a1_the_status_report_counts_by_status_flags_reviews_over_three_working_days_and_missing_feedback() {
    let mut late = application("a1", "li", &["ID copy", "payslip"]);
    late.submit(&lists(), "li", ms("2026-03-05", 10)).unwrap(); // a Thursday
    let mut waiting = application("a2", "li", &["ID copy", "payslip"]);
    waiting.submit(&lists(), "li", ms("2026-03-09", 10)).unwrap(); // Monday
    let collecting = application("a3", "li", &["ID copy"]);
    let mut returned = application("a4", "zhao", &["ID copy", "payslip"]);
    returned.submit(&lists(), "zhao", ms("2026-03-02", 10)).unwrap();
    returned.decide(Outcome::Returned, "wang", ms("2026-03-03", 10), "please add a bank statement").unwrap();
    let mut approved = application("a5", "zhao", &["ID copy", "payslip"]);
    approved.submit(&lists(), "zhao", ms("2026-02-02", 10)).unwrap();
    approved.decide(Outcome::Approved, "wang", ms("2026-02-03", 10), "welcome").unwrap();
    let mut decided_in_march = application("a6", "zhao", &["ID copy", "payslip"]);
    decided_in_march.submit(&lists(), "zhao", ms("2026-03-02", 10)).unwrap();
    decided_in_march.decide(Outcome::Rejected, "wang", ms("2026-03-04", 10), " ").unwrap_err();
    decided_in_march.history.push(outpost::domain::application::StatusChange {
        status: ApplicationStatus::Rejected,
        by: "wang".into(),
        at_ms: ms("2026-03-04", 10),
        feedback: String::new(),
    });
    let apps = [late, waiting, collecting, returned, approved, decided_in_march];
    let march = Period::parse("2026-03").unwrap();
    // Wednesday 11 March: a1 waits 4 working days (Fri, Mon, Tue, Wed), a2 two.
    let r = status_report(&apps, &lists(), &TeamCalendar::default(), ms("2026-03-11", 15), &march, 3);
    let ids: Vec<&str> = r.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2", "a3", "a4", "a6"], "oldest wait first; a5 was decided in February");
    assert_eq!((r.lines[0].waiting_days, r.lines[0].late), (Some(4), true));
    assert_eq!((r.lines[1].waiting_days, r.lines[1].late), (Some(2), false));
    assert_eq!(r.lines[2].missing, vec!["payslip".to_string()]);
    assert_eq!(r.lines[3].feedback_given, Some(true));
    assert_eq!(r.lines[4].feedback_given, Some(false), "a decision the customer was not told");
    let li = &r.summaries[0];
    assert_eq!(
        (li.rep.as_str(), li.counts, li.oldest_waiting, li.late, li.missing_materials),
        ("li", [1, 2, 0, 0, 0], Some(4), 1, 1)
    );
    let team = r.summaries.last().unwrap();
    assert_eq!((team.rep.as_str(), team.counts, team.feedback_missing), ("", [1, 2, 1, 0, 1], 1));

    // A team holiday on Monday 9 March: a1 has waited 3 working days, on the limit.
    let mut cal = TeamCalendar::default();
    cal.holidays.insert(d("2026-03-09"));
    let r = status_report(&apps, &lists(), &cal, ms("2026-03-11", 15), &march, 3);
    assert_eq!((r.lines[0].id.as_str(), r.lines[0].waiting_days, r.lines[0].late), ("a1", Some(3), false));
}

#[test]
fn seed003_training_hours_are_summed_per_rep_and_period() {
    let t = |rep: &str, day: &str, minutes| Training {
        rep: rep.into(),
        day: d(day),
        title: "Gold card".into(),
        topic: "credit cards".into(),
        minutes,
        trainer: "Zhou".into(),
        notes: String::new(),
    };
    let all =
        [t("li", "2026-03-02", 90), t("li", "2026-03-20", 120), t("zhao", "2026-03-03", 60), t("li", "2026-04-01", 30)];
    let march = hours_per_rep(&all, &Period::parse("2026-03").unwrap());
    assert_eq!(march.into_iter().collect::<Vec<_>>(), vec![("li".to_string(), 210), ("zhao".to_string(), 60)]);
    let q1 = hours_per_rep(&all, &Period::parse("2026-Q1").unwrap());
    assert_eq!(q1["li"], 210);
    let q2 = hours_per_rep(&all, &Period::parse("2026-Q2").unwrap());
    assert_eq!(q2["li"], 30);
}
