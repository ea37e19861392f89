//! K1/K3: each step only by the holder of the step's role; K2: activities recorded per
//! customer, checked, listed, counted for K3, and making the customer a key account.

use outpost::app::key_accounts::{
    can_decide_step, can_record_activity, decide_key_account_step, record_key_account_activity, save_key_account_roles,
    set_key_account_role,
};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::approval::{
    ActivityKind, ApprovalError, ApprovalStatus, CustomerFacts, KeyAccountRoles, ServiceEvaluation, Step,
    SupportRequest,
};
use outpost::domain::key_activity::{ActivityCounts, KeyActivityDraft, KeyActivityError, MAX_NOTES};
use outpost::domain::profile::Role;
use outpost::storage::events::{blank_event, event_change};
use outpost::storage::key_accounts::{evaluation_created, load_key_accounts, request_created};
use outpost::storage::memory::MemoryStore;
use pollster::block_on;

use super::common::*;
use super::team_with_customer;

/// Zhao reviews (supervisor), Wang approves (key-account manager); Li asks for support.
async fn with_request() -> MemoryStore {
    let s = team_with_customer("c1").await;
    let roles = KeyAccountRoles { supervisors: ["zhao".to_owned()].into(), managers: ["wang".to_owned()].into() };
    save_key_account_roles(&s, &wang(at(0)), &roles).await.unwrap();
    let day = "2026-01-02".parse().unwrap();
    let r = SupportRequest::new("ka:1", "c1", "li", day, "a seminar", CustomerFacts::default()).unwrap();
    let mut t = Tablet::new("li", "tab-a");
    let change = request_created(&r, &mut t.at(at(1)));
    seed(&s, &change, &t.clock).await;
    s
}

#[test]
fn k1_only_the_manager_names_who_reviews_and_who_approves() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let roles = KeyAccountRoles { supervisors: ["li".to_owned()].into(), managers: ["li".to_owned()].into() };
        let refused = save_key_account_roles(&s, &li(at(0)), &roles).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::SaveKeyAccountRoles, .. })));
        assert_eq!(load_key_accounts(&s).await.unwrap().roles, KeyAccountRoles::default());
    });
}

/// Ticks made one after another each change the roles as stored, so the second keeps
/// the first (the settings table no longer sends a whole list it drew earlier).
#[test]
fn k1_each_role_tick_keeps_the_ticks_before_it() {
    block_on(async {
        let s = team_with_customer("c1").await;
        set_key_account_role(&s, &wang(at(0)), "zhao", Step::Review, true).await.unwrap();
        set_key_account_role(&s, &wang(at(1)), "wang", Step::Approve, true).await.unwrap();
        let roles = load_key_accounts(&s).await.unwrap().roles;
        assert_eq!(roles.supervisors, ["zhao".to_owned()].into());
        assert_eq!(roles.managers, ["wang".to_owned()].into());
        // Ticking what is already so stores nothing; unticking takes only that role away.
        let again = set_key_account_role(&s, &wang(at(2)), "zhao", Step::Review, true).await;
        assert!(matches!(again, Err(CommandError::Rule(RuleError::Unchanged))), "{again:?}");
        set_key_account_role(&s, &wang(at(3)), "zhao", Step::Review, false).await.unwrap();
        let roles = load_key_accounts(&s).await.unwrap().roles;
        assert!(roles.supervisors.is_empty());
        assert_eq!(roles.managers, ["wang".to_owned()].into());
        // A rep cannot tick anyone, themselves included.
        let before = stored_count(&s).await;
        let refused = set_key_account_role(&s, &li(at(4)), "li", Step::Approve, true).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::SaveKeyAccountRoles, .. })));
        assert_eq!(stored_count(&s).await, before);
    });
}

#[test]
fn k1_a_step_is_taken_only_by_the_holder_of_its_role_in_order() {
    block_on(async {
        let s = with_request().await;
        let roles = load_key_accounts(&s).await.unwrap().roles;
        assert!(can_decide_step(&zhao(0), &roles, Step::Review) && !can_decide_step(&wang(0), &roles, Step::Review));
        let before = stored_count(&s).await;
        // The manager cannot take the supervisor's review; the applicant decides nothing.
        let by_manager = decide_key_account_step(&s, &wang(at(DAY)), "ka:1", "ok", true).await;
        assert!(matches!(by_manager, Err(CommandError::NotAllowed { action: Action::DecideKeyAccountStep, .. })));
        let by_rep = decide_key_account_step(&s, &li(at(DAY)), "ka:1", "ok", true).await;
        assert!(matches!(by_rep, Err(CommandError::NotAllowed { .. })));
        assert_eq!(stored_count(&s).await, before);
        decide_key_account_step(&s, &zhao(at(DAY)), "ka:1", "worth it", true).await.unwrap();
        // The reviewer does not also approve.
        let again = decide_key_account_step(&s, &zhao(at(DAY + 1)), "ka:1", "twice", true).await;
        assert_eq!(again, Err(RuleError::Approval(ApprovalError::SamePerson).into()));
        decide_key_account_step(&s, &wang(at(2 * DAY)), "ka:1", "approved", true).await.unwrap();
        let data = load_key_accounts(&s).await.unwrap();
        assert_eq!(data.requests[0].request.approval.status(), ApprovalStatus::Approved);
        let done = decide_key_account_step(&s, &wang(at(3 * DAY)), "ka:1", "more", true).await;
        assert_eq!(done, Err(RuleError::Approval(ApprovalError::AlreadyDecided).into()));
    });
}

#[test]
fn k1_a_step_needs_an_opinion_and_an_unknown_request_is_refused() {
    block_on(async {
        let s = with_request().await;
        let bare = decide_key_account_step(&s, &zhao(at(DAY)), "ka:1", " ", true).await;
        assert_eq!(bare, Err(RuleError::Approval(ApprovalError::NoOpinion).into()));
        let unknown = decide_key_account_step(&s, &zhao(at(DAY)), "ka:9", "ok", true).await;
        assert_eq!(unknown, Err(RuleError::NotFound("key-account request").into()));
    });
}

fn seminar(on: &str) -> KeyActivityDraft {
    KeyActivityDraft {
        kind: ActivityKind::TechnicalSeminar,
        on: on.parse().unwrap(),
        who: "Ms Chen (CTO), two engineers".into(),
        notes: "asked for the API roadmap".into(),
        event_id: None,
    }
}

#[test]
fn k2_an_activity_is_recorded_for_the_customer_listed_latest_first_and_makes_it_a_key_account() {
    block_on(async {
        let s = team_with_customer("c1").await;
        assert!(load_key_accounts(&s).await.unwrap().key_account_ids().is_empty(), "no key-account record yet");
        record_key_account_activity(&s, &li(at(3 * DAY)), "c1", &seminar("2026-01-02")).await.unwrap();
        let tickets = KeyActivityDraft { kind: ActivityKind::Tickets, who: " Mr Wu ".into(), ..seminar("2026-01-04") };
        record_key_account_activity(&s, &wang(at(4 * DAY)), "c1", &tickets).await.unwrap();
        let data = load_key_accounts(&s).await.unwrap();
        let listed: Vec<_> =
            data.activities_of("c1").iter().map(|a| (a.kind, a.on.to_string(), a.who.clone())).collect();
        assert_eq!(
            listed,
            vec![
                (ActivityKind::Tickets, "2026-01-04".into(), "Mr Wu".into()),
                (ActivityKind::TechnicalSeminar, "2026-01-02".into(), "Ms Chen (CTO), two engineers".into()),
            ]
        );
        assert_eq!(data.activities[1].recorded_by, "li");
        assert_eq!(data.activities[1].notes, "asked for the API roadmap");
        assert!(data.key_account_ids().contains("c1"));
    });
}

#[test]
fn k2_bad_input_gets_its_reason_and_stores_nothing() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let before = stored_count(&s).await;
        let rep = li(at(3 * DAY)); // 2026-01-04
        let nobody = KeyActivityDraft { who: "  ".into(), ..seminar("2026-01-02") };
        let refused = record_key_account_activity(&s, &rep, "c1", &nobody).await;
        assert_eq!(refused, Err(RuleError::KeyActivity(KeyActivityError::NoAttendees).into()));
        let ahead = record_key_account_activity(&s, &rep, "c1", &seminar("2026-01-05")).await;
        let on = "2026-01-05".parse().unwrap();
        assert_eq!(ahead, Err(RuleError::KeyActivity(KeyActivityError::InFuture { on }).into()));
        let long = KeyActivityDraft { notes: "x".repeat(MAX_NOTES + 1), ..seminar("2026-01-02") };
        let refused = record_key_account_activity(&s, &rep, "c1", &long).await;
        assert_eq!(refused, Err(RuleError::KeyActivity(KeyActivityError::NotesTooLong).into()));
        let unknown = record_key_account_activity(&s, &rep, "c9", &seminar("2026-01-02")).await;
        assert_eq!(unknown, Err(RuleError::NotFound("customer").into()));
        let no_event = KeyActivityDraft { event_id: Some("ev:9".into()), ..seminar("2026-01-02") };
        let refused = record_key_account_activity(&s, &rep, "c1", &no_event).await;
        assert_eq!(refused, Err(RuleError::KeyActivity(KeyActivityError::UnknownEvent("ev:9".into())).into()));
        assert_eq!(stored_count(&s).await, before);
        assert!(load_key_accounts(&s).await.unwrap().activities.is_empty());
    });
}

#[test]
fn k2_event_staff_may_not_record_an_activity() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let staff = actor("zhou", Role::EventStaff, "kiosk", at(3 * DAY));
        assert!(!can_record_activity(&staff) && can_record_activity(&li(0)) && can_record_activity(&qian(0)));
        let refused = record_key_account_activity(&s, &staff, "c1", &seminar("2026-01-02")).await;
        assert!(matches!(
            refused,
            Err(CommandError::NotAllowed { action: Action::RecordKeyAccountActivity, role: Role::EventStaff })
        ));
        assert!(load_key_accounts(&s).await.unwrap().activities.is_empty());
    });
}

#[test]
fn k2_an_activity_may_name_the_team_event_it_was_part_of() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let mut event = blank_event("ev:1", "wang", at(DAY));
        event.theme = "Spring launch".into();
        let mut t = Tablet::new("wang", "tab-b");
        let change = event_change(None, &event, &mut t.at(at(DAY))).unwrap();
        seed(&s, &change, &t.clock).await;
        let launch = KeyActivityDraft {
            kind: ActivityKind::Launch,
            event_id: Some(" ev:1 ".into()),
            notes: String::new(),
            ..seminar("2026-01-02")
        };
        record_key_account_activity(&s, &li(at(3 * DAY)), "c1", &launch).await.unwrap();
        let blank = KeyActivityDraft { event_id: Some(String::new()), ..seminar("2026-01-02") };
        record_key_account_activity(&s, &li(at(3 * DAY)), "c1", &blank).await.unwrap();
        let data = load_key_accounts(&s).await.unwrap();
        let events: Vec<_> = data.activities.iter().map(|a| (a.kind, a.event_id.clone())).collect();
        assert!(events.contains(&(ActivityKind::Launch, Some("ev:1".into()))));
        assert!(events.contains(&(ActivityKind::TechnicalSeminar, None)), "a blank event id is none");
    });
}

#[test]
fn k3_an_evaluation_weighs_the_activities_of_its_kind_recorded_by_its_day() {
    block_on(async {
        let s = team_with_customer("c1").await;
        for on in ["2026-01-02", "2026-01-03", "2026-01-06"] {
            record_key_account_activity(&s, &li(at(6 * DAY)), "c1", &seminar(on)).await.unwrap();
        }
        let tickets = KeyActivityDraft { kind: ActivityKind::Tickets, ..seminar("2026-01-02") };
        record_key_account_activity(&s, &li(at(6 * DAY)), "c1", &tickets).await.unwrap();
        let day = |d: &str| d.parse().unwrap();
        let ev = ServiceEvaluation::new(
            "kae:1",
            "c1",
            ActivityKind::TechnicalSeminar,
            day("2026-01-03"),
            day("2026-01-04"),
            "well attended",
        )
        .unwrap();
        let mut t = Tablet::new("li", "tab-a");
        seed(&s, &evaluation_created(&ev, &mut t.at(at(7 * DAY))), &t.clock).await;
        let data = load_key_accounts(&s).await.unwrap();
        let e = &data.evaluations[0].evaluation;
        let by_its_day = ActivityCounts::of(&data.activities, &e.customer_id, Some(e.activity_on));
        assert_eq!((by_its_day.of_kind(e.activity), by_its_day.total()), (2, 3));
        let all = ActivityCounts::of(&data.activities, "c1", None);
        assert_eq!((all.of_kind(ActivityKind::TechnicalSeminar), all.of_kind(ActivityKind::Tickets)), (3, 1));
        assert_eq!(ActivityCounts::of(&data.activities, "c2", None).total(), 0, "another customer's count is its own");
    });
}

#[test]
fn k1_k3_a_support_request_or_an_evaluation_alone_makes_a_key_account() {
    block_on(async {
        let s = with_request().await;
        let mut t = Tablet::new("li", "tab-a");
        let day = |d: &str| d.parse().unwrap();
        let ev =
            ServiceEvaluation::new("kae:1", "c2", ActivityKind::Launch, day("2026-01-02"), day("2026-01-03"), "ok")
                .unwrap();
        seed(&s, &evaluation_created(&ev, &mut t.at(at(2 * DAY))), &t.clock).await;
        let ids = load_key_accounts(&s).await.unwrap().key_account_ids();
        assert_eq!(ids.into_iter().collect::<Vec<_>>(), vec!["c1".to_owned(), "c2".to_owned()]);
    });
}

#[test]
fn k1_k3_requests_evaluations_and_return_visits_are_filed_by_the_team_but_not_event_staff() {
    use outpost::app::key_accounts::{
        can_file_key_account, file_service_evaluation, file_support_request, record_return_visit,
    };
    block_on(async {
        let s = team_with_customer("c1").await;
        assert!(can_file_key_account(&li(0)) && can_file_key_account(&wang(0)) && can_file_key_account(&qian(0)));
        assert!(!can_file_key_account(&sun(0)));
        let day = "2026-01-02".parse().unwrap();
        let before = stored_count(&s).await;
        let refused = |r: Result<_, CommandError>| {
            assert!(matches!(r, Err(CommandError::NotAllowed { action: Action::FileKeyAccountRequest, .. })), "{r:?}")
        };
        refused(
            file_support_request(&s, &sun(at(DAY)), "c1", "Sun", Some(day), "tickets", CustomerFacts::default()).await,
        );
        refused(file_service_evaluation(&s, &sun(at(DAY)), "c1", ActivityKind::Tickets, day, "great").await);
        assert_eq!(stored_count(&s).await, before);

        file_support_request(&s, &li(at(DAY)), "c1", "Li", None, "a seminar", CustomerFacts::default()).await.unwrap();
        let bare = file_support_request(&s, &li(at(DAY)), "c1", "Li", None, " ", CustomerFacts::default()).await;
        assert_eq!(bare, Err(RuleError::Approval(ApprovalError::NoSupportWanted).into()));
        let unknown = file_support_request(&s, &li(at(DAY)), "c9", "Li", None, "x", CustomerFacts::default()).await;
        assert_eq!(unknown, Err(RuleError::NotFound("customer").into()));
        let early =
            file_service_evaluation(&s, &li(at(DAY)), "c1", ActivityKind::Tickets, "2026-01-09".parse().unwrap(), "x")
                .await;
        assert!(matches!(early, Err(CommandError::Rule(RuleError::Approval(ApprovalError::BeforeActivity { .. })))));
        file_service_evaluation(&s, &wang(at(3 * DAY)), "c1", ActivityKind::Tickets, day, "liked it").await.unwrap();
        let data = load_key_accounts(&s).await.unwrap();
        assert_eq!(data.requests[0].request.date, "2026-01-02".parse().unwrap(), "the team's today");
        let eid = data.evaluations[0].evaluation.id.clone();

        let before = stored_count(&s).await;
        refused(record_return_visit(&s, &sun(at(4 * DAY)), &eid, "2026-01-05".parse().unwrap(), "fine").await);
        assert_eq!(stored_count(&s).await, before);
        let none = record_return_visit(&s, &li(at(4 * DAY)), "kae:9", "2026-01-05".parse().unwrap(), "fine").await;
        assert_eq!(none, Err(RuleError::NotFound("service evaluation").into()));
        record_return_visit(&s, &li(at(4 * DAY)), &eid, "2026-01-05".parse().unwrap(), " happy ").await.unwrap();
        let e = &load_key_accounts(&s).await.unwrap().evaluations[0].evaluation;
        assert_eq!((e.return_visit_on, e.customer_opinion.as_str()), (Some("2026-01-05".parse().unwrap()), "happy"));
    });
}

fn terms(customer: &str) -> outpost::domain::key_service::ServiceTerms {
    use outpost::domain::key_service::{Seat, ServiceTerms};
    let mut t = ServiceTerms::new(customer);
    t.team.insert(Seat::AccountManager, "wang".into());
    t.team.insert(Seat::Training, "li".into());
    t.warranty_limited_years = 5;
    t.warranty_onsite_years = 3;
    t.warranty_full_years = 1;
    t.rush_supply = true;
    t.payment_terms = " 60 days after delivery ".into();
    t
}

/// K2 (seed 004): a manager, or a key-account supervisor or manager, keeps a key
/// account's service team and terms; a rep without a key-account role may not; terms
/// are checked; a seat goes only to someone who may serve key accounts; the customer
/// becomes a key account.
#[test]
fn k2_the_key_account_leads_keep_the_service_team_and_terms() {
    use outpost::app::key_accounts::save_service_terms;
    use outpost::domain::key_service::{Seat, ServiceTerms, TermsError};
    block_on(async {
        let s = team_with_customer("c1").await;
        let none = ServiceTerms::new("c1");
        let before = stored_count(&s).await;
        let refused = save_service_terms(&s, &zhao(at(1)), &none, terms("c1")).await;
        assert!(
            matches!(refused, Err(CommandError::NotAllowed { action: Action::KeepServiceTerms, .. })),
            "{refused:?}"
        );
        assert_eq!(stored_count(&s).await, before);

        save_service_terms(&s, &wang(at(2)), &none, terms("c1")).await.unwrap();
        let data = load_key_accounts(&s).await.unwrap();
        let kept = data.terms_of("c1");
        assert_eq!(kept.team.get(&Seat::Training).map(String::as_str), Some("li"));
        assert_eq!((kept.warranty_limited_years, kept.warranty_onsite_years, kept.warranty_full_years), (5, 3, 1));
        assert_eq!(kept.payment_terms, "60 days after delivery", "trimmed");
        assert!(kept.rush_supply && !kept.paid_delivery);
        assert!(data.key_account_ids().contains("c1"));

        // Zhao made key-account supervisor keeps them too.
        set_key_account_role(&s, &wang(at(3)), "zhao", Step::Review, true).await.unwrap();
        let mut more = kept.clone();
        more.paid_delivery = true;
        save_service_terms(&s, &zhao(at(4)), &kept, more.clone()).await.unwrap();
        assert!(load_key_accounts(&s).await.unwrap().terms_of("c1").paid_delivery);
        // Saved again unchanged: nothing stored.
        let again = save_service_terms(&s, &zhao(at(5)), &more, more.clone()).await;
        assert!(matches!(again, Err(CommandError::Rule(RuleError::Unchanged))), "{again:?}");

        // Checked: nested warranty years, a leader for support seats, who sits in a seat.
        let mut bad = more.clone();
        bad.warranty_full_years = 4;
        let r = save_service_terms(&s, &wang(at(6)), &more, bad).await;
        assert!(matches!(r, Err(CommandError::Rule(RuleError::Terms(TermsError::FullLongerThanOnsite)))), "{r:?}");
        let mut leaderless = more.clone();
        leaderless.team.remove(&Seat::AccountManager);
        let r = save_service_terms(&s, &wang(at(7)), &more, leaderless).await;
        assert!(matches!(r, Err(CommandError::Rule(RuleError::Terms(TermsError::NoAccountManager)))), "{r:?}");
        let mut staff = more.clone();
        staff.team.insert(Seat::Marketing, "sun".into());
        let r = save_service_terms(&s, &wang(at(8)), &more, staff).await;
        assert!(matches!(&r, Err(CommandError::Rule(RuleError::SeatHolder(p))) if p == "sun"), "{r:?}");
        let r = save_service_terms(&s, &wang(at(9)), &ServiceTerms::new("nobody"), terms("nobody")).await;
        assert!(matches!(r, Err(CommandError::Rule(RuleError::NotFound("customer")))), "{r:?}");
        assert_eq!(load_key_accounts(&s).await.unwrap().terms_of("c1"), more);
    });
}

/// K2: each term is its own register, so two leads changing different terms of one
/// account on two tablets offline both keep their change.
#[test]
fn k2_two_tablets_changing_different_terms_offline_keep_both() {
    use outpost::domain::key_service::ServiceTerms;
    use outpost::storage::customers::Author;
    use outpost::storage::key_accounts::{assemble, terms_change};
    let base = terms("c1");
    let mut a = outpost::record::hlc::Clock::new("tab-a");
    let mut b = outpost::record::hlc::Clock::new("tab-b");
    let first =
        terms_change(&ServiceTerms::new("c1"), &base, &mut Author { profile: "wang", clock: &mut a, now_ms: at(1) })
            .unwrap();
    let mut on_a = base.clone();
    on_a.rush_supply = false;
    let mut on_b = base.clone();
    on_b.special_regions = "Tibet, Qinghai".into();
    let ca = terms_change(&base, &on_a, &mut Author { profile: "wang", clock: &mut a, now_ms: at(2) }).unwrap();
    let cb = terms_change(&base, &on_b, &mut Author { profile: "zhao", clock: &mut b, now_ms: at(3) }).unwrap();
    assert_eq!(cb.docs.values().next().unwrap().fields.len(), 1, "only the changed term is written");
    for merged in [first.clone().merge(ca.clone()).merge(cb.clone()), cb.merge(ca).merge(first)] {
        let got = assemble(merged.docs.into_values().collect(), vec![]).terms_of("c1");
        assert!(!got.rush_supply);
        assert_eq!(got.special_regions, "Tibet, Qinghai");
        assert_eq!(got.warranty_limited_years, 5);
    }
}
