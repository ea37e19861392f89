//! A2: the monthly KPI sheet — new accounts against the target (met at 80 %),
//! satisfaction (90 %), reviews within 3 working days, conversion and complaint rates —
//! per rep and for the team, with records sorted into months by the team calendar; and
//! the team's KPI target document.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use outpost::domain::application::{Application, ApplicationStatus, KpiTargets, Ratio, StatusChange};
use outpost::domain::calendar::TeamCalendar;
use outpost::domain::kpi::{kpi_row, kpi_sheet, ConfirmedPayment, Contact, KpiInputs, Month};
use outpost::domain::service::{Channel, ServiceItem};
use outpost::record::hlc::Clock;
use outpost::storage::customers::Author;
use outpost::storage::kpi::{kpi_settings_change, parse_target, settings_from_doc, KpiSettings, KPI_TARGETS_ID};

/// An instant given as a local time in the team's default zone (UTC+8).
fn at(local: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(&format!("{local}+08:00")).unwrap().timestamp_millis()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const MARCH: Month = Month { year: 2026, month: 3 };
const APRIL: Month = Month { year: 2026, month: 4 };

fn app(id: &str, rep: &str, submitted: &str, decided: Option<(&str, ApplicationStatus)>) -> Application {
    let mut a = Application::new(id, format!("c-{id}"), "Credit card", rep);
    a.history.push(StatusChange {
        status: ApplicationStatus::Submitted,
        by: rep.into(),
        at_ms: at(submitted),
        feedback: String::new(),
    });
    if let Some((when, status)) = decided {
        a.history.push(StatusChange { status, by: "wang".into(), at_ms: at(when), feedback: "told".into() });
    }
    a
}

fn item(
    id: &str,
    customer: &str,
    owner: &str,
    channel: Channel,
    asked_on: &str,
    closed: Option<(&str, u8)>,
) -> ServiceItem {
    let mut i = ServiceItem::on_the_spot(id, customer, owner, channel, "asked", d(asked_on), "answered").unwrap();
    if let Some((when, score)) = closed {
        i.close(owner, at(when), true, score, "").unwrap();
    }
    i
}

fn contact(customer: &str, rep: &str, when: &str) -> Contact {
    Contact { customer_id: customer.into(), rep: rep.into(), at_ms: at(when) }
}

fn paid(customer: &str, rep: &str, on: &str) -> ConfirmedPayment {
    ConfirmedPayment { customer_id: customer.into(), rep: rep.into(), paid_on: d(on) }
}

#[test]
fn a2_an_approval_late_on_the_last_evening_counts_in_that_month_by_the_team_calendar() {
    let cal = TeamCalendar::default();
    // 23:30 on 31 March local is 15:30 UTC; 00:30 on 1 April local is still 31 March in UTC.
    let apps = [
        app("a1", "li", "2026-03-30T09:00:00", Some(("2026-03-31T23:30:00", ApplicationStatus::Approved))),
        app("a2", "li", "2026-03-30T09:00:00", Some(("2026-04-01T00:30:00", ApplicationStatus::Approved))),
        app("a3", "li", "2026-03-02T09:00:00", Some(("2026-03-03T10:00:00", ApplicationStatus::Rejected))),
        app("a4", "li", "2026-03-25T09:00:00", None),
    ];
    let inputs = KpiInputs { applications: &apps, service: &[], contacts: &[], payments: &[] };
    let t = KpiTargets::default();
    let march = kpi_row(Some("li"), MARCH, inputs, &cal, &t, 2);
    assert_eq!(march.new_accounts, 1, "a rejection is no new account; a2 is April's");
    assert_eq!(march.new_accounts_met, Some(false), "1 of 2 is 50 %, under 80 %");
    assert_eq!(march.review_on_time, Ratio::new(2, 2), "undecided a4 is not measured");
    assert_eq!(march.review_met, Some(true));
    let april = kpi_row(Some("li"), APRIL, inputs, &cal, &t, 1);
    assert_eq!((april.new_accounts, april.new_accounts_met), (1, Some(true)));
    assert_eq!(april.review_on_time, Ratio::new(1, 1), "Mon to Wed is 2 working days");
    // No target set: nothing to meet.
    assert_eq!(kpi_row(Some("li"), MARCH, inputs, &cal, &t, 0).new_accounts_met, None);
    // Five approvals against a target of 6 is 83 %: met at 80 %.
    let five: Vec<Application> = (0..5)
        .map(|n| {
            app(
                &format!("b{n}"),
                "li",
                "2026-03-02T09:00:00",
                Some(("2026-03-03T09:00:00", ApplicationStatus::Approved)),
            )
        })
        .collect();
    let r = kpi_row(Some("li"), MARCH, KpiInputs { applications: &five, ..inputs }, &cal, &t, 6);
    assert_eq!((r.new_accounts, r.new_accounts_met), (5, Some(true)));
}

#[test]
fn a2_a_review_over_three_working_days_misses_the_on_time_target() {
    let cal = TeamCalendar::default();
    // Friday to Wednesday is 3 working days; Friday to Thursday is 4.
    let apps = [
        app("a1", "li", "2026-03-06T09:00:00", Some(("2026-03-11T17:00:00", ApplicationStatus::Approved))),
        app("a2", "li", "2026-03-06T09:00:00", Some(("2026-03-12T09:00:00", ApplicationStatus::Rejected))),
    ];
    let r = kpi_row(
        Some("li"),
        MARCH,
        KpiInputs { applications: &apps, service: &[], contacts: &[], payments: &[] },
        &cal,
        &KpiTargets::default(),
        0,
    );
    assert_eq!(r.review_on_time, Ratio::new(1, 2));
    assert_eq!(r.review_met, Some(false));
}

#[test]
fn a2_satisfaction_counts_items_closed_in_the_month_against_ninety_percent() {
    let cal = TeamCalendar::default();
    let mut service: Vec<ServiceItem> = (0..9)
        .map(|n| item(&format!("s{n}"), "c1", "li", Channel::Question, "2026-03-02", Some(("2026-03-10T10:00:00", 5))))
        .collect();
    // Closed in March with a 3: 9 of 10 satisfied, exactly 90 %.
    service.push(item("s9", "c1", "li", Channel::Question, "2026-02-27", Some(("2026-03-31T23:59:00", 3))));
    // Closed in April (local time), open, or someone else's: not in li's March.
    service.push(item("sa", "c1", "li", Channel::Question, "2026-03-30", Some(("2026-04-01T00:01:00", 1))));
    service.push(item("sb", "c1", "li", Channel::Question, "2026-03-30", None));
    service.push(item("sc", "c1", "zhao", Channel::Question, "2026-03-30", Some(("2026-03-30T12:00:00", 1))));
    let inputs = KpiInputs { applications: &[], service: &service, contacts: &[], payments: &[] };
    let t = KpiTargets::default();
    let r = kpi_row(Some("li"), MARCH, inputs, &cal, &t, 0);
    assert_eq!(r.satisfaction_rate, Ratio::new(9, 10));
    assert_eq!(r.satisfaction_met, Some(true));
    let team = kpi_row(None, MARCH, inputs, &cal, &t, 0);
    assert_eq!(team.satisfaction_rate, Ratio::new(9, 11));
    assert_eq!(team.satisfaction_met, Some(false));
    // No item closed: no figure, nothing met or missed.
    let empty = kpi_row(Some("li"), Month { year: 2026, month: 5 }, inputs, &cal, &t, 0);
    assert_eq!((empty.satisfaction_rate.den, empty.satisfaction_met), (0, None));
}

#[test]
fn a2_conversion_is_contacted_customers_who_paid_in_the_month_and_complaints_are_per_customer_served() {
    let cal = TeamCalendar::default();
    let contacts = [
        contact("c1", "li", "2026-03-03T10:00:00"),
        contact("c1", "li", "2026-03-05T10:00:00"),
        contact("c2", "li", "2026-03-31T22:00:00"),
        contact("c3", "li", "2026-04-01T00:10:00"),
        contact("c4", "zhao", "2026-03-04T10:00:00"),
    ];
    let payments = [
        paid("c1", "li", "2026-03-20"),
        // Paid in April: converts in April, not March.
        paid("c2", "li", "2026-04-02"),
        // Paid but not contacted in March: does not count as converted.
        paid("c9", "li", "2026-03-20"),
        paid("c4", "zhao", "2026-03-21"),
    ];
    let service = [
        item("s1", "c1", "li", Channel::Complaint, "2026-03-31", None),
        item("s2", "c5", "li", Channel::Complaint, "2026-03-10", Some(("2026-03-11T10:00:00", 4))),
        item("s3", "c5", "li", Channel::Question, "2026-03-10", None),
        item("s4", "c6", "li", Channel::Complaint, "2026-04-01", None),
    ];
    let inputs = KpiInputs { applications: &[], service: &service, contacts: &contacts, payments: &payments };
    let t = KpiTargets::default();
    let r = kpi_row(Some("li"), MARCH, inputs, &cal, &t, 0);
    assert_eq!(r.conversion, Ratio::new(1, 2), "c1 of c1, c2");
    // Two complaints in March; customers served: c1, c2 (contacted) and c5 (service).
    assert_eq!(r.complaints, Ratio::new(2, 3));
    let team = kpi_row(None, MARCH, inputs, &cal, &t, 0);
    assert_eq!(team.conversion, Ratio::new(2, 3), "c1 and c4 of c1, c2, c4");
    assert_eq!(team.complaints, Ratio::new(2, 4));
    let april = kpi_row(Some("li"), APRIL, inputs, &cal, &t, 0);
    assert_eq!(april.conversion, Ratio::new(0, 1), "c3 contacted, c2 paid but not contacted in April");
    assert_eq!(april.complaints, Ratio::new(1, 2), "s4's c6 and contacted c3");
}

#[test]
fn a2_the_sheet_has_a_row_per_rep_then_the_team_with_the_targets_summed() {
    let cal = TeamCalendar::default();
    let apps = [
        app("a1", "li", "2026-03-02T09:00:00", Some(("2026-03-03T09:00:00", ApplicationStatus::Approved))),
        app("a2", "zhao", "2026-03-02T09:00:00", Some(("2026-03-03T09:00:00", ApplicationStatus::Approved))),
        app("a3", "zhao", "2026-03-02T09:00:00", Some(("2026-03-03T09:00:00", ApplicationStatus::Approved))),
    ];
    let inputs = KpiInputs { applications: &apps, service: &[], contacts: &[], payments: &[] };
    let reps = ["li".to_owned(), "zhao".to_owned()];
    let rows = kpi_sheet(&reps, true, MARCH, inputs, &cal, &KpiTargets::default(), 2);
    let got: Vec<(&str, u64, u64, Option<bool>)> =
        rows.iter().map(|r| (r.rep.as_str(), r.new_accounts, r.new_accounts_target, r.new_accounts_met)).collect();
    assert_eq!(got, [("li", 1, 2, Some(false)), ("zhao", 2, 2, Some(true)), ("", 3, 4, Some(false))]);
    // A rep's own sheet has no team row.
    assert_eq!(kpi_sheet(&reps[..1], false, MARCH, inputs, &cal, &KpiTargets::default(), 2).len(), 1);
}

#[test]
fn a2_month_parses_from_a_month_input_and_shows_the_same_way() {
    assert_eq!(Month::parse("2026-03"), Some(MARCH));
    assert_eq!(MARCH.to_string(), "2026-03");
    assert_eq!(Month::parse("2026-13"), None);
    assert_eq!(Month::parse(""), None);
    assert_eq!(Month::of(d("2026-04-30")), APRIL);
}

#[test]
fn a2_the_target_is_a_team_document_that_stamps_only_a_change() {
    let mut clock = Clock::new("tab-a");
    let old = KpiSettings::default();
    assert!(kpi_settings_change(&old, &old, &mut Author { profile: "wang", clock: &mut clock, now_ms: 1 }).is_none());
    let new = KpiSettings { new_accounts_per_rep: 5 };
    let r = kpi_settings_change(&old, &new, &mut Author { profile: "wang", clock: &mut clock, now_ms: 2 }).unwrap();
    let doc = &r.docs[KPI_TARGETS_ID];
    assert_eq!(doc.fields.len(), 1);
    assert_eq!(settings_from_doc(doc), new);
    assert_eq!(parse_target(" 12 "), Some(12));
    assert_eq!(parse_target("-1"), None);
    assert_eq!(parse_target("abc"), None);
}
