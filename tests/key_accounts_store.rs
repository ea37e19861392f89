//! Key accounts on the device (K1–K3): requests and evaluations read back with their
//! two-step decisions (who, when, which device), merges from two tablets, and the
//! return visits the cadence (issue 5) can list.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use common::Tablet;
use outpost::domain::approval::{
    return_visits_due, ActivityKind, ApprovalStatus, CustomerFacts, KeyAccountRoles, ServiceEvaluation, Step,
    SupportRequest,
};
use outpost::record::replica::{Document, Entry, Replica};
use outpost::storage::customers::join;
use outpost::storage::key_accounts::{
    assemble, decision, evaluation_created, request_created, return_visit, roles_change,
};

const T0: i64 = 1_767_225_600_000;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn split(r: &Replica) -> (Vec<Document>, Vec<Entry>) {
    (r.docs.values().cloned().collect(), r.entries.values().cloned().collect())
}

fn request() -> SupportRequest {
    let facts = CustomerFacts { deeper_needs: "cold chain".into(), ..Default::default() };
    SupportRequest::new("ka1", "c1", "Rep Li", d("2026-03-02"), "Technical seminar for 20 engineers", facts).unwrap()
}

#[test]
fn k1_a_request_reviewed_on_one_tablet_and_approved_on_another_reads_back_with_who_when_and_device() {
    let mut rep = Tablet::new("li", "tab-a");
    let mut sup = Tablet::new("zhou", "tab-b");
    let mut mgr = Tablet::new("wang", "tab-c");
    let roles = KeyAccountRoles { supervisors: ["zhou".into()].into(), managers: ["wang".into()].into() };
    let r = join([
        roles_change(&KeyAccountRoles::default(), &roles, &mut mgr.at(T0)).unwrap(),
        request_created(&request(), &mut rep.at(T0)),
        decision("d1", "ka1", Step::Review, "worth it", true, &mut sup.at(T0 + 10)),
        decision("d2", "ka1", Step::Approve, "go ahead", true, &mut mgr.at(T0 + 20)),
    ]);
    let (docs, entries) = split(&r);
    let data = assemble(docs, entries);
    assert_eq!(data.roles, roles);
    let rec = &data.requests[0];
    assert_eq!(rec.request.approval.status(), ApprovalStatus::Approved);
    assert_eq!(rec.request.facts.deeper_needs, "cold chain");
    let who: Vec<_> = rec.request.approval.decisions.iter().map(|x| (x.by.as_str(), x.opinion.as_str())).collect();
    assert_eq!(who, [("zhou", "worth it"), ("wang", "go ahead")]);
    assert_eq!(rec.devices, ["tab-b", "tab-c"]);
}

/// K1: two managers on two tablets, offline, each give a different person a role: after
/// the merge both hold it, in either order (each person's holding is its own field, not
/// one list the later save replaces). A holding taken away later still counts as taken.
#[test]
fn k1_two_managers_giving_different_people_a_role_at_once_both_keep_their_change() {
    let mut m1 = Tablet::new("wang", "tab-a");
    let mut m2 = Tablet::new("zhao", "tab-b");
    let none = KeyAccountRoles::default();
    let zhou = KeyAccountRoles { supervisors: ["zhou".into()].into(), ..Default::default() };
    let qian = KeyAccountRoles { supervisors: ["qian".into()].into(), ..Default::default() };
    let a = roles_change(&none, &zhou, &mut m1.at(T0)).unwrap();
    let b = roles_change(&none, &qian, &mut m2.at(T0 + 5)).unwrap();
    for r in [a.clone().merge(b.clone()), b.clone().merge(a.clone())] {
        let (docs, entries) = split(&r);
        let roles = assemble(docs, entries).roles;
        assert_eq!(roles.supervisors, ["qian".to_owned(), "zhou".to_owned()].into());
    }
    // Later, the first manager takes zhou's role away: qian keeps hers.
    let both = KeyAccountRoles { supervisors: ["qian".into(), "zhou".into()].into(), ..Default::default() };
    let c = roles_change(&both, &qian, &mut m1.at(T0 + 10)).unwrap();
    let (docs, entries) = split(&a.merge(b).merge(c));
    assert_eq!(assemble(docs, entries).roles.supervisors, ["qian".to_owned()].into());
}

/// K1 across builds: roles a build before kept as one list still count, and a person's
/// own newer field overrides the list, while an older one gives way to a newer list.
#[test]
fn k1_roles_kept_as_a_list_by_an_older_build_read_with_the_per_person_fields() {
    use outpost::record::hlc::Hlc;
    let stamp = |ms: i64| Hlc { wall_ms: ms, counter: 0, device: "tab-old".into() };
    let mut d = Document::new("team:key_accounts", "team_key_accounts");
    d.set("supervisors", serde_json::json!(["zhou", "qian"]), stamp(T0 + 10), "wang");
    d.set("managers", serde_json::json!(["wang"]), stamp(T0 + 10), "wang");
    d.set("supervisor:zhou", serde_json::json!(false), stamp(T0 + 20), "wang");
    d.set("supervisor:li", serde_json::json!(true), stamp(T0 + 5), "wang");
    let data = assemble(vec![d], vec![]);
    assert_eq!(data.roles.supervisors, ["qian".to_owned()].into());
    assert_eq!(data.roles.managers, ["wang".to_owned()].into());
}

#[test]
fn k1_an_approval_that_arrives_without_its_review_waits_and_two_offline_reviews_keep_the_first() {
    let mut rep = Tablet::new("li", "tab-a");
    let mut s1 = Tablet::new("zhou", "tab-b");
    let mut s2 = Tablet::new("qian", "tab-c");
    let mut mgr = Tablet::new("wang", "tab-d");
    let roles =
        KeyAccountRoles { supervisors: ["zhou".into(), "qian".into()].into(), managers: ["qian".into()].into() };
    let created = request_created(&request(), &mut rep.at(T0))
        .merge(roles_change(&KeyAccountRoles::default(), &roles, &mut mgr.at(T0)).unwrap());
    let early_approve = decision("d0", "ka1", Step::Approve, "yes", true, &mut s2.at(T0 + 1));
    let (docs, entries) = split(&created.clone().merge(early_approve));
    assert_eq!(assemble(docs, entries).requests[0].request.approval.status(), ApprovalStatus::AwaitingReview);
    let one = decision("d1", "ka1", Step::Review, "no budget", false, &mut s1.at(T0 + 10));
    let two = decision("d2", "ka1", Step::Review, "fine", true, &mut s2.at(T0 + 20));
    for r in [created.clone().merge(one.clone()).merge(two.clone()), created.merge(two).merge(one)] {
        let (docs, entries) = split(&r);
        let a = &assemble(docs, entries).requests[0].request.approval;
        assert_eq!(a.status(), ApprovalStatus::Rejected { at: Step::Review });
        assert_eq!(a.decisions.len(), 1);
    }
}

#[test]
fn k1_a_step_by_someone_without_its_role_or_an_approval_by_the_reviewer_does_not_count_on_any_device() {
    let mut rep = Tablet::new("li", "tab-a");
    let mut sup = Tablet::new("zhou", "tab-b");
    let mut mgr = Tablet::new("wang", "tab-c");
    let roles =
        KeyAccountRoles { supervisors: ["zhou".into(), "wang".into()].into(), managers: ["wang".into()].into() };
    let base = join([
        roles_change(&KeyAccountRoles::default(), &roles, &mut mgr.at(T0)).unwrap(),
        request_created(&request(), &mut rep.at(T0)),
    ]);
    let status = |r: Replica| {
        let (docs, entries) = split(&r);
        assemble(docs, entries).requests[0].request.approval.status()
    };
    // The rep reviews his own request: he is no supervisor.
    let forged = decision("d1", "ka1", Step::Review, "fine", true, &mut rep.at(T0 + 10));
    assert_eq!(status(base.clone().merge(forged)), ApprovalStatus::AwaitingReview);
    // The manager reviews, then approves himself: the second step needs another person.
    let review = decision("d2", "ka1", Step::Review, "fine", true, &mut mgr.at(T0 + 20));
    let approve = decision("d3", "ka1", Step::Approve, "yes", true, &mut mgr.at(T0 + 30));
    assert_eq!(status(base.clone().merge(review.clone()).merge(approve)), ApprovalStatus::AwaitingApproval);
    // With the supervisor's review, the manager's approval counts.
    let review = decision("d4", "ka1", Step::Review, "fine", true, &mut sup.at(T0 + 20));
    let approve = decision("d5", "ka1", Step::Approve, "yes", true, &mut mgr.at(T0 + 30));
    assert_eq!(status(base.merge(review).merge(approve)), ApprovalStatus::Approved);
}

#[test]
fn k3_an_evaluation_owes_a_return_visit_within_a_week_until_one_is_recorded() {
    let mut rep = Tablet::new("li", "tab-a");
    let e = ServiceEvaluation::new(
        "ev1",
        "c1",
        ActivityKind::TechnicalSeminar,
        d("2026-03-02"),
        d("2026-03-03"),
        "Went well",
    )
    .unwrap();
    let created = evaluation_created(&e, &mut rep.at(T0));
    let (docs, entries) = split(&created);
    let data = assemble(docs, entries);
    assert_eq!(return_visits_due(&data.evaluations_only()), [("c1".to_owned(), d("2026-03-09"))]);
    assert!(data.evaluations[0].evaluation.return_visit_overdue(d("2026-03-10")));
    let visited = created.merge(return_visit("ev1", d("2026-03-06"), "Wants a second session", &mut rep.at(T0 + 1)));
    let (docs, entries) = split(&visited);
    let data = assemble(docs, entries);
    assert!(return_visits_due(&data.evaluations_only()).is_empty());
    assert_eq!(data.evaluations[0].evaluation.return_visit_on_time(), Some(true));
    assert_eq!(data.evaluations[0].evaluation.customer_opinion, "Wants a second session");
}

/// K3 feeds the cadence (V6): an evaluated activity owing its return visit is a service on
/// the customer at the start of the activity's day in the team's time zone (UTC+8), so the
/// Today list asks for a visit within a week; a recorded return visit feeds nothing.
#[test]
fn k3_an_owed_return_visit_is_a_service_the_cadence_counts_from_the_activity_day() {
    use outpost::domain::calendar::TeamCalendar;
    use outpost::storage::key_accounts::service_returns;
    let mut rep = Tablet::new("li", "tab-a");
    let e = ServiceEvaluation::new(
        "ev1",
        "c1",
        ActivityKind::TechnicalSeminar,
        d("2026-03-02"),
        d("2026-03-03"),
        "Went well",
    )
    .unwrap();
    let created = evaluation_created(&e, &mut rep.at(T0));
    let (docs, entries) = split(&created);
    let cal = TeamCalendar::default();
    let v = service_returns(&assemble(docs, entries), &cal);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].customer_id, "c1");
    // 2026-03-02 00:00 in UTC+8 is 2026-03-01 16:00 UTC.
    let expected =
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().and_hms_opt(16, 0, 0).unwrap().and_utc().timestamp_millis();
    assert_eq!(v[0].at_ms, expected);
    assert_eq!(cal.local_date(v[0].at_ms), d("2026-03-02"));
    let visited = created.merge(return_visit("ev1", d("2026-03-06"), "ok", &mut rep.at(T0 + 1)));
    let (docs, entries) = split(&visited);
    assert!(service_returns(&assemble(docs, entries), &cal).is_empty());
}
