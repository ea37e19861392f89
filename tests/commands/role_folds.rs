//! Role rules folded on every device (issue 15): a person may pick any role on their own
//! tablet, and the command there lets them act on it, but what they sign counts only
//! with the role the team roster gave them. Each refusal below is such a forgery: the
//! rep's tablet stores it, and no device counts it.

use outpost::app::activities::{decide_visit_plan, file_visit_plan};
use outpost::app::applications::{decide_application, save_checklists, submit_application};
use outpost::app::customers::set_credit_flag;
use outpost::app::events::set_team_staff_pin;
use outpost::app::key_accounts::{decide_key_account_step, save_key_account_roles};
use outpost::app::roster::{grant, start_roster};
use outpost::app::Actor;
use outpost::domain::application::{Application, ApplicationStatus, Checklists, Outcome};
use outpost::domain::approval::{ApprovalStatus, CustomerFacts, KeyAccountRoles, Step, SupportRequest};
use outpost::domain::profile::Role;
use outpost::domain::visit_plan::{Decision, PlanDraft, PlanStatus};
use outpost::record::hlc::Clock;
use outpost::record::replica::Replica;
use outpost::storage::activities::load_activity_data;
use outpost::storage::applications::{application_created, load_applications, material_change};
use outpost::storage::customers::{load_customers, Author};
use outpost::storage::key_accounts::{decision, load_key_accounts, request_created};
use outpost::storage::memory::MemoryStore;
use outpost::storage::record_health::unreadable_fields;
use outpost::storage::staff_pin::load_staff_pin;
use pollster::block_on;

use super::common::*;
use super::roster::{announce, key_of, keyed};
use super::team_with_customer;

/// A team whose roster holds Wang (manager, first admin), Qian (finance), and the reps
/// Li and Zhao.
pub(crate) async fn signed_team() -> MemoryStore {
    let s = team_with_customer("c1").await;
    announce(&s, &["li", "zhao", "wang", "qian"]).await;
    start_roster(&s, &keyed(wang(at(10)))).await.expect("started");
    grant(&s, &keyed(wang(at(11))), "li", &[Role::Rep], false).await.expect("li");
    grant(&s, &keyed(wang(at(12))), "zhao", &[Role::Rep], false).await.expect("zhao");
    grant(&s, &keyed(wang(at(13))), "qian", &[Role::Finance], false).await.expect("qian");
    s
}

/// Li on his own tablet, having picked `role` there; he signs with his own key.
pub(crate) fn li_as(role: Role, now_ms: i64) -> Actor {
    keyed(actor("li", role, "tab-a", now_ms))
}

/// Stores a change built and sealed outside the commands, as a tampered tablet would.
pub(crate) async fn forge(
    s: &MemoryStore,
    profile: &'static str,
    device: &str,
    now_ms: i64,
    build: impl FnOnce(&mut Author) -> Replica,
) {
    let mut clock = Clock::new(device);
    let mut r = build(&mut Author { profile, clock: &mut clock, now_ms });
    key_of(profile).seal_change(&mut r);
    seed(s, &r, &clock).await;
}

fn draft() -> PlanDraft {
    PlanDraft {
        day: "2026-01-05".parse().ok(),
        goals: "demo the new line".into(),
        customers: vec!["c1".into()],
        slots: vec![],
    }
}

#[test]
fn v2_a_rep_who_picks_the_manager_role_on_his_tablet_cannot_approve_his_own_visit_plan() {
    block_on(async {
        let s = signed_team().await;
        let r = file_visit_plan(&s, &keyed(li(at(20))), None, &draft()).await.expect("filed");
        let plan = r.docs.into_keys().next().unwrap();
        let seen = load_activity_data(&s).await.unwrap().plans[0].revision.clone();
        decide_visit_plan(&s, &li_as(Role::Manager, at(21)), &plan, Decision::Approved, "", seen.as_ref())
            .await
            .expect("his tablet stores it");
        let p = &load_activity_data(&s).await.unwrap().plans[0];
        assert_eq!(p.status, PlanStatus::Pending, "the forged approval does not count");
        assert_eq!(p.decided_by, "");
        let listed = unreadable_fields(&s).await.unwrap();
        assert!(listed.iter().any(|f| f.record_id == plan && f.field == "decision" && f.code == "lacks_role"));

        decide_visit_plan(&s, &keyed(wang(at(22))), &plan, Decision::Approved, "go", seen.as_ref()).await.unwrap();
        let p = &load_activity_data(&s).await.unwrap().plans[0];
        assert_eq!(p.status, PlanStatus::Approved);
        assert_eq!(p.decided_by, "wang");
    });
}

#[test]
fn a1_a_rep_who_picks_the_manager_role_cannot_approve_an_application_and_finance_can() {
    block_on(async {
        let s = signed_team().await;
        let lists = Checklists([("card".to_owned(), vec!["ID copy".to_owned()])].into());
        save_checklists(&s, &keyed(wang(at(20))), &lists).await.unwrap();
        let app = Application::new("ap:1", "c1", "card", "li");
        forge(&s, "li", "tab-a", at(21), |by| application_created(&app, by)).await;
        forge(&s, "li", "tab-a", at(22), |by| material_change("ap:1", "ID copy", true, by)).await;
        submit_application(&s, &keyed(li(at(23))), "ap:1").await.expect("submitted");
        decide_application(&s, &li_as(Role::Manager, at(24)), "ap:1", Outcome::Approved, "ok").await.unwrap();
        assert_eq!(load_applications(&s).await.unwrap().applications[0].status(), ApplicationStatus::Submitted);
        decide_application(&s, &keyed(qian(at(25))), "ap:1", Outcome::Approved, "welcome").await.unwrap();
        assert_eq!(load_applications(&s).await.unwrap().applications[0].status(), ApplicationStatus::Approved);
    });
}

#[test]
fn k1_a_forged_review_and_an_approval_by_the_reviewer_himself_do_not_count() {
    block_on(async {
        let s = signed_team().await;
        // Li makes himself supervisor and manager on his tablet: the roles are a team
        // setting, the manager's, so his change reads as never written.
        let mine = KeyAccountRoles { supervisors: ["li".to_owned()].into(), managers: ["li".to_owned()].into() };
        save_key_account_roles(&s, &li_as(Role::Manager, at(20)), &mine).await.expect("his tablet stores it");
        assert_eq!(load_key_accounts(&s).await.unwrap().roles, KeyAccountRoles::default());
        let roles = KeyAccountRoles {
            supervisors: ["zhao".to_owned(), "wang".to_owned()].into(),
            managers: ["wang".to_owned()].into(),
        };
        save_key_account_roles(&s, &keyed(wang(at(21))), &roles).await.unwrap();
        assert_eq!(load_key_accounts(&s).await.unwrap().roles, roles);

        let day = "2026-01-02".parse().unwrap();
        let req = SupportRequest::new("ka:1", "c1", "li", day, "a seminar", CustomerFacts::default()).unwrap();
        forge(&s, "li", "tab-a", at(22), |by| request_created(&req, by)).await;
        // Li reviews his own request, sealed with his key: he holds no key-account role.
        forge(&s, "li", "tab-a", at(23), |by| decision("d1", "ka:1", Step::Review, "fine", true, by)).await;
        let status = |d: outpost::storage::key_accounts::KeyAccountsData| d.requests[0].request.approval.status();
        assert_eq!(status(load_key_accounts(&s).await.unwrap()), ApprovalStatus::AwaitingReview);

        // Wang reviews, then approves it himself: the second step needs another person.
        decide_key_account_step(&s, &keyed(wang(at(24))), "ka:1", "worth it", true).await.unwrap();
        let trail = load_key_accounts(&s).await.unwrap().requests[0].trail.clone();
        assert_eq!(trail.verified, vec![true], "signed by a member and chained");
        forge(&s, "wang", "tab-b", at(25), |by| decision("d3", "ka:1", Step::Approve, "yes", true, by)).await;
        assert_eq!(status(load_key_accounts(&s).await.unwrap()), ApprovalStatus::AwaitingApproval);
    });
}

#[test]
fn a_team_setting_or_a_credit_flag_from_a_rep_who_picks_the_manager_role_does_not_count() {
    block_on(async {
        let s = signed_team().await;
        set_team_staff_pin(&s, &li_as(Role::Manager, at(20)), "4321", b"sixteen byte salt")
            .await
            .expect("his tablet stores it");
        assert_eq!(load_staff_pin(&s).await.unwrap(), "", "a forged staff PIN would unlock every kiosk");
        set_team_staff_pin(&s, &keyed(wang(at(21))), "2468", b"sixteen byte salt").await.unwrap();
        assert_ne!(load_staff_pin(&s).await.unwrap(), "");

        set_credit_flag(&s, &li_as(Role::Manager, at(22)), "c1", true).await.expect("his tablet stores it");
        let c1 = load_customers(&s).await.unwrap().into_iter().find(|c| c.id == "c1").unwrap();
        assert!(!c1.file.manual_credit_flag);
        set_credit_flag(&s, &keyed(wang(at(23))), "c1", true).await.unwrap();
        let c1 = load_customers(&s).await.unwrap().into_iter().find(|c| c.id == "c1").unwrap();
        assert!(c1.file.manual_credit_flag);
    });
}

#[test]
fn c3_a_credit_flag_a_rep_signed_as_manager_does_not_flag_the_tier_and_the_managers_does() {
    use outpost::domain::customer_list::derive;
    use outpost::domain::pool::PoolSettings;
    use outpost::domain::tier::TierSettings;
    async fn flagged(s: &MemoryStore) -> bool {
        let c1 = load_customers(s).await.unwrap().into_iter().find(|c| c.id == "c1").unwrap();
        derive(c1, at(30), &PoolSettings::default(), &TierSettings::default()).tier.credit_flag
    }
    block_on(async {
        let s = signed_team().await;
        // Li's tablet stores the flag he set as a self-made manager; every device's fold
        // reads it as never written, so the tier shows no credit warning.
        set_credit_flag(&s, &li_as(Role::Manager, at(22)), "c1", true).await.expect("his tablet stores it");
        assert!(!flagged(&s).await);
        let listed = unreadable_fields(&s).await.unwrap();
        assert!(listed
            .iter()
            .any(|f| f.record_id == "c1" && f.field == "manual_credit_flag" && f.code == "lacks_role"));
        set_credit_flag(&s, &keyed(wang(at(23))), "c1", true).await.unwrap();
        assert!(flagged(&s).await);
    });
}

#[test]
fn o1_an_orders_steps_are_chained_and_verified_and_a_step_taken_on_another_history_does_not_fit() {
    use outpost::app::orders::{approve_order, take_order_step};
    use outpost::domain::order::{Discount, Order, OrderLine, OrderStatus, OrderStep, PaymentTerms};
    use outpost::storage::orders::{load_orders, order_change, order_step};
    block_on(async {
        let s = signed_team().await;
        let mut o = Order::draft("o1", "c1", "li", "2026-01-10".parse().unwrap(), PaymentTerms::OnDelivery);
        o.lines.push(OrderLine::new("tea", 2, 30_000_00, Discount::NONE).unwrap());
        forge(&s, "li", "tab-a", at(20), |by| order_change(None, &o, "", by).unwrap()).await;
        take_order_step(&s, &keyed(li(at(21))), "o1", OrderStep::Submitted).await.unwrap();
        let submitted_head = load_orders(&s).await.unwrap().order("o1").unwrap().chain_head.clone();
        approve_order(&s, &keyed(wang(at(22))), "o1", "fine").await.unwrap();
        let data = load_orders(&s).await.unwrap();
        let rec = data.order("o1").unwrap();
        assert_eq!(rec.order.status(), OrderStatus::Approved);
        assert_eq!(rec.verified, vec![true, true], "signed by the roster's holders and chained");
        // Issue 15: the history names each verified signer's role as the roster gave it then.
        assert_eq!(rec.signer_roles, vec![vec![Role::Rep], vec![Role::Manager]]);

        // A rejection built on the submitted order (taken offline while the approval
        // was on its way) names a link that is no longer the head: it does not fit.
        let reject = OrderStep::Rejected { reason: "price".into() };
        forge(&s, "wang", "tab-b", at(23), |by| order_step("s-late", "o1", &reject, Some(&submitted_head), by)).await;
        assert_eq!(load_orders(&s).await.unwrap().order("o1").unwrap().order.history.len(), 2);
        let rec = load_orders(&s).await.unwrap().order("o1").unwrap().clone();
        assert_eq!(rec.order.status(), OrderStatus::Approved);
        assert_ne!(rec.chain_head, submitted_head);
    });
}

#[test]
fn o1_without_a_roster_no_step_shows_as_verified() {
    use outpost::app::orders::{approve_order, take_order_step};
    use outpost::domain::order::{Discount, Order, OrderLine, OrderStep, PaymentTerms};
    use outpost::storage::orders::{load_orders, order_change};
    block_on(async {
        let s = team_with_customer("c1").await;
        let mut o = Order::draft("o1", "c1", "li", "2026-01-10".parse().unwrap(), PaymentTerms::OnDelivery);
        o.lines.push(OrderLine::new("tea", 2, 30_000_00, Discount::NONE).unwrap());
        forge(&s, "li", "tab-a", at(20), |by| order_change(None, &o, "", by).unwrap()).await;
        take_order_step(&s, &keyed(li(at(21))), "o1", OrderStep::Submitted).await.unwrap();
        approve_order(&s, &keyed(wang(at(22))), "o1", "fine").await.unwrap();
        let data = load_orders(&s).await.unwrap();
        let rec = data.order("o1").unwrap();
        assert_eq!(rec.verified, vec![false, false]);
        assert!(rec.signer_roles.iter().all(Vec::is_empty), "no roster, no role to vouch for");
    });
}

#[test]
fn t1_a_target_set_by_a_rep_who_picks_the_manager_role_does_not_count() {
    use outpost::app::targets::set_target;
    use outpost::domain::target::{Measure, Period, Scope};
    use outpost::storage::targets::load_targets;
    block_on(async {
        let s = signed_team().await;
        let may = Period::parse("2026-01").unwrap();
        set_target(&s, &li_as(Role::Manager, at(20)), may, Measure::Sales, Scope::Rep("li".into()), 1, "")
            .await
            .expect("his tablet stores it");
        assert!(load_targets(&s).await.unwrap().history.is_empty());
        set_target(&s, &keyed(wang(at(21))), may, Measure::Sales, Scope::Rep("li".into()), 500, "").await.unwrap();
        assert_eq!(load_targets(&s).await.unwrap().history.len(), 1);
    });
}

#[test]
fn a_newcomer_waiting_for_the_grant_sees_their_own_work_on_their_tablet_only() {
    use outpost::app::customers::save_customer;
    use outpost::domain::customer::CustomerFile;
    use outpost::storage::{RecordStore, StoreName, Write};
    block_on(async {
        let s = signed_team().await;
        announce(&s, &["sun"]).await;
        let file = CustomerFile { name: "Pending Kites".into(), ..Default::default() };
        save_customer(&s, &keyed(actor("sun", Role::Rep, "tab-s", at(30))), "c9", None, &file, None).await.unwrap();
        async fn names(s: &MemoryStore) -> Vec<String> {
            load_customers(s).await.unwrap().into_iter().map(|c| c.file.name).collect()
        }
        // Another tablet (no profile of Sun's here): not counted, and listed with why.
        assert!(!names(&s).await.contains(&"Pending Kites".to_owned()));
        assert!(unreadable_fields(&s).await.unwrap().iter().any(|f| f.record_id == "c9" && f.code == "unknown_key"));
        // Sun's own tablet: the profile is here, so the work shows and is not listed.
        let profile = serde_json::json!({"id": "sun", "name": "sun", "role": "rep", "created_ms": at(0)});
        s.write(vec![Write::Put(StoreName::Profiles, "sun".into(), profile)]).await.unwrap();
        assert!(names(&s).await.contains(&"Pending Kites".to_owned()));
        assert!(!unreadable_fields(&s).await.unwrap().iter().any(|f| f.record_id == "c9"));
    });
}

/// The team of [`signed_team`] with Sun granted event staff.
async fn signed_team_with_staff() -> MemoryStore {
    let s = signed_team().await;
    announce(&s, &["sun"]).await;
    grant(&s, &keyed(wang(at(14))), "sun", &[Role::EventStaff], false).await.expect("sun");
    s
}

#[test]
fn e3_w1_a_kiosk_pin_and_stock_from_a_rep_who_picks_the_event_staff_role_do_not_count() {
    use outpost::app::events::{record_stock_move, save_event, set_kiosk_pin};
    use outpost::domain::event::Event;
    use outpost::domain::stock::levels;
    use outpost::storage::events::load_events;
    block_on(async {
        let s = signed_team_with_staff().await;
        let ev = Event {
            id: "ev1".into(),
            theme: "Kite DIY day".into(),
            starts_ms: at(DAY),
            ends_ms: at(DAY + 3 * 3600 * 1000),
            venue: "Sales office".into(),
            organiser: "wang".into(),
            audience: String::new(),
            format: String::new(),
            budget: vec![],
            consent_version: "v1".into(),
        };
        save_event(&s, &keyed(wang(at(20))), None, &ev).await.unwrap();
        // Li's tablet stores what he did as self-made event staff; no device counts it.
        let li_staff = li_as(Role::EventStaff, at(21));
        set_kiosk_pin(&s, &li_staff, "ev1", "1357", b"sixteen byte salt").await.expect("his tablet stores it");
        record_stock_move(&s, &li_staff, "ev1", "Kite", 50).await.expect("his tablet stores it");
        let r = load_events(&s).await.unwrap().into_iter().next().unwrap();
        assert_eq!(r.pin, "", "a forged PIN would let anyone out of the kiosk");
        assert!(levels(&r.stock, i64::MAX).is_empty());
        assert!(unreadable_fields(&s).await.unwrap().iter().any(|f| f.record_id == "ev1" && f.field == "pin"));
        // The event's real staff.
        let sun = keyed(actor("sun", Role::EventStaff, "tab-k", at(22)));
        set_kiosk_pin(&s, &sun, "ev1", "2468", b"sixteen byte salt").await.unwrap();
        record_stock_move(&s, &sun, "ev1", "Kite", 10).await.unwrap();
        let r = load_events(&s).await.unwrap().into_iter().next().unwrap();
        assert_ne!(r.pin, "");
        assert_eq!(levels(&r.stock, i64::MAX).get("Kite"), Some(&10));
    });
}

#[test]
fn k1_k2_k3_key_account_records_from_event_staff_do_not_count_on_any_device() {
    use outpost::app::key_accounts::{file_service_evaluation, file_support_request, record_key_account_activity};
    use outpost::domain::approval::ActivityKind;
    use outpost::domain::key_activity::KeyActivityDraft;
    use outpost::storage::key_accounts::{activity_recorded, evaluation_created};
    block_on(async {
        let s = signed_team_with_staff().await;
        // Sun (event staff) files on a tampered tablet: sealed with her own key, by the
        // builders the commands use; every fold reads them as never written.
        let day = "2026-01-02".parse().unwrap();
        let req = SupportRequest::new("ka:forged", "c1", "Sun", day, "tickets", CustomerFacts::default()).unwrap();
        forge(&s, "sun", "tab-k", at(20), |by| request_created(&req, by)).await;
        let eval = outpost::domain::approval::ServiceEvaluation::new(
            "kae:forged",
            "c1",
            ActivityKind::Tickets,
            day,
            day,
            "great",
        )
        .unwrap();
        forge(&s, "sun", "tab-k", at(21), |by| evaluation_created(&eval, by)).await;
        let draft = KeyActivityDraft {
            kind: ActivityKind::Tickets,
            on: day,
            who: "Mr Wu".into(),
            notes: String::new(),
            event_id: None,
        };
        let act = outpost::domain::key_activity::KeyActivity::new("kaa:forged", "c1", "sun", &draft, day).unwrap();
        forge(&s, "sun", "tab-k", at(22), |by| activity_recorded(&act, by)).await;
        let data = load_key_accounts(&s).await.unwrap();
        assert!(data.requests.is_empty() && data.evaluations.is_empty() && data.activities.is_empty());
        let listed = unreadable_fields(&s).await.unwrap();
        for id in ["ka:forged", "kae:forged", "kaa:forged"] {
            assert!(listed.iter().any(|f| f.record_id == id && f.code == "lacks_role"), "{id}");
        }
        // Li (a rep) files each through the commands, and they count.
        file_support_request(&s, &keyed(li(at(23))), "c1", "Li", Some(day), "a seminar", CustomerFacts::default())
            .await
            .unwrap();
        file_service_evaluation(&s, &keyed(li(at(2 * DAY))), "c1", ActivityKind::Tickets, day, "liked it")
            .await
            .unwrap();
        record_key_account_activity(&s, &keyed(li(at(2 * DAY + 1))), "c1", &draft).await.unwrap();
        let data = load_key_accounts(&s).await.unwrap();
        assert_eq!((data.requests.len(), data.evaluations.len(), data.activities.len()), (1, 1, 1));
    });
}

#[test]
fn a1_an_application_or_a_material_tick_from_event_staff_or_finance_does_not_count() {
    use outpost::app::applications::{open_application, tick_material};
    block_on(async {
        let s = signed_team_with_staff().await;
        let lists = Checklists([("card".to_owned(), vec!["ID copy".to_owned()])].into());
        save_checklists(&s, &keyed(wang(at(20))), &lists).await.unwrap();
        // Sun (event staff) opens one on a tampered tablet: no device lists it.
        let forged = Application::new("ap:forged", "c1", "card", "sun");
        forge(&s, "sun", "tab-k", at(21), |by| application_created(&forged, by)).await;
        assert!(load_applications(&s).await.unwrap().applications.is_empty());
        assert!(unreadable_fields(&s)
            .await
            .unwrap()
            .iter()
            .any(|f| f.record_id == "ap:forged" && f.code == "lacks_role"));
        // Li's own, through the command; finance ticking a material on it does not count.
        let r = open_application(&s, &keyed(li(at(22))), "c1", "card").await.unwrap();
        let id = r.docs.into_keys().next().unwrap();
        forge(&s, "qian", "tab-b", at(23), |by| material_change(&id, "ID copy", true, by)).await;
        assert!(load_applications(&s).await.unwrap().applications[0].received.is_empty());
        tick_material(&s, &keyed(li(at(24))), &id, "ID copy", true).await.unwrap();
        assert_eq!(load_applications(&s).await.unwrap().applications[0].received.len(), 1);
    });
}

#[test]
fn a1_a_material_ticked_or_a_submission_by_another_rep_on_a_tampered_tablet_does_not_count() {
    use outpost::app::applications::open_application;
    block_on(async {
        let s = signed_team().await;
        let lists = Checklists([("card".to_owned(), vec!["ID copy".to_owned(), "Payslip".to_owned()])].into());
        save_checklists(&s, &keyed(wang(at(20))), &lists).await.unwrap();
        let r = open_application(&s, &keyed(li(at(21))), "c1", "card").await.unwrap();
        let id = r.docs.into_keys().next().unwrap();
        forge(&s, "zhao", "tab-c", at(22), |by| material_change(&id, "ID copy", true, by)).await;
        assert!(load_applications(&s).await.unwrap().applications[0].received.is_empty(), "not Zhao's application");
        forge(&s, "wang", "tab-b", at(23), |by| material_change(&id, "Payslip", true, by)).await;
        let got = load_applications(&s).await.unwrap().applications[0].received.clone();
        assert_eq!(got.into_iter().collect::<Vec<_>>(), vec!["Payslip".to_owned()]);
        // Complete: Zhao submitting it from his tablet does not start its review.
        forge(&s, "wang", "tab-b", at(24), |by| material_change(&id, "ID copy", true, by)).await;
        forge(&s, "zhao", "tab-c", at(25), |by| {
            outpost::storage::applications::status_change("st-z", &id, ApplicationStatus::Submitted, "", Some(""), by)
        })
        .await;
        assert_eq!(load_applications(&s).await.unwrap().applications[0].status(), ApplicationStatus::Collecting);
        let refused = submit_application(&s, &keyed(zhao(at(26))), &id).await;
        assert!(matches!(refused, Err(outpost::app::CommandError::NotAllowed { .. })), "{refused:?}");
        submit_application(&s, &keyed(li(at(27))), &id).await.unwrap();
        assert_eq!(load_applications(&s).await.unwrap().applications[0].status(), ApplicationStatus::Submitted);
    });
}

#[test]
fn o1_a_slip_signature_stored_by_another_rep_does_not_count_and_the_order_reps_does() {
    use outpost::app::orders::{approve_order, sign_delivery_slip, take_order_step};
    use outpost::domain::order::{Discount, Order, OrderLine, OrderStep, PaymentTerms, Signatory};
    use outpost::storage::orders::{load_orders, order_change, signature_change, Signature};
    block_on(async {
        let s = signed_team().await;
        let mut o = Order::draft("o1", "c1", "li", "2026-01-10".parse().unwrap(), PaymentTerms::OnDelivery);
        o.lines.push(OrderLine::new("tea", 2, 30_000_00, Discount::NONE).unwrap());
        forge(&s, "li", "tab-a", at(20), |by| order_change(None, &o, "", by).unwrap()).await;
        take_order_step(&s, &keyed(li(at(21))), "o1", OrderStep::Submitted).await.unwrap();
        approve_order(&s, &keyed(wang(at(22))), "o1", "fine").await.unwrap();
        let sig = |name: &str| Signature { name: name.into(), strokes: "1,1;2,2".into(), ..Default::default() };
        // Zhao stores the customer's "signature" on Li's order from his own tablet.
        forge(&s, "zhao", "tab-c", at(23), |by| signature_change("o1", Signatory::Customer, &sig("Ms Zhao"), by)).await;
        let signed = |d: outpost::storage::orders::OrdersData| d.slips.get("o1").map_or(0, |s| s.signatures.len());
        assert_eq!(signed(load_orders(&s).await.unwrap()), 0);
        sign_delivery_slip(&s, &keyed(li(at(24))), "o1", Signatory::Customer, &sig("Ms Zhao")).await.unwrap();
        sign_delivery_slip(&s, &keyed(wang(at(25))), "o1", Signatory::WarehouseKeeper, &sig("Keeper Wu"))
            .await
            .unwrap();
        assert_eq!(signed(load_orders(&s).await.unwrap()), 2);
    });
}

/// Issue 15, E1: a rep who creates an event keeps it — under an id that names him —
/// even after the organiser field is changed to his name as people say it; another rep
/// cannot edit it through the command, nor create one in his name, and what a tampered
/// tablet stores for it counts on no device; a manager still edits it.
#[test]
fn e1_a_reps_event_is_his_to_keep_and_another_reps_edit_of_it_counts_nowhere() {
    use outpost::app::events::{can_create_event, save_event};
    use outpost::app::{Action, CommandError};
    use outpost::domain::event::{event_id, Event};
    use outpost::storage::events::{event_change, load_events};
    block_on(async {
        let s = signed_team_with_staff().await;
        let id = event_id("li", "kite-day");
        let ev = Event {
            id: id.clone(),
            theme: "Kite DIY day".into(),
            starts_ms: at(DAY),
            ends_ms: at(DAY + 3 * 3600 * 1000),
            venue: "Sales office".into(),
            organiser: "Li Wei".into(),
            audience: String::new(),
            format: String::new(),
            budget: vec![],
            consent_version: "v1".into(),
        };
        save_event(&s, &keyed(li_as(Role::Rep, at(20))), None, &ev).await.expect("li creates his event");
        let moved = Event { venue: "Plaza".into(), ..ev.clone() };
        save_event(&s, &keyed(li_as(Role::Rep, at(21))), None, &moved).await.expect("and edits it");
        let zhao = keyed(actor("zhao", Role::Rep, "tab-z", at(22)));
        let r = save_event(&s, &zhao, None, &Event { venue: "Nowhere".into(), ..moved.clone() }).await;
        assert!(matches!(r, Err(CommandError::NotAllowed { action: Action::EditEvent, .. })), "{r:?}");
        assert!(!can_create_event(&zhao, &event_id("li", "other")) && can_create_event(&zhao, &event_id("zhao", "x")));
        // Zhao's tampered tablet writes the venue and deletes the event anyway.
        let base = moved.clone();
        forge(&s, "zhao", "tab-z", at(23), |by| {
            event_change(Some(&base), &Event { venue: "Nowhere".into(), ..base.clone() }, by).unwrap()
        })
        .await;
        forge(&s, "zhao", "tab-z", at(24), |by| outpost::storage::customers::delete_doc(&id, "event", by)).await;
        let events = load_events(&s).await.unwrap();
        let r = events.iter().find(|r| r.event.id == id).expect("still there");
        assert_eq!(r.event.venue, "Plaza");
        // The manager keeps any event.
        save_event(&s, &keyed(wang(at(25))), None, &Event { venue: "Hall".into(), ..moved.clone() }).await.unwrap();
        let events = load_events(&s).await.unwrap();
        assert_eq!(events.iter().find(|r| r.event.id == id).unwrap().event.venue, "Hall");
    });
}

/// Issue 15, A1: an application's review steps form a hash chain. A decision taken on a
/// history that has since moved on — finance approving, on a tablet that was offline,
/// the submission the manager had meanwhile returned — does not fit the application's
/// history once the rep resubmits, though its status alone would: nobody approves an
/// application they have not seen. Steps taken through the commands are verified.
#[test]
fn a1_a_decision_taken_on_an_older_history_does_not_decide_the_resubmitted_application() {
    use outpost::app::applications::{open_application, tick_material};
    use outpost::storage::applications::status_change;
    block_on(async {
        let s = signed_team().await;
        let lists = Checklists([("card".to_owned(), vec!["ID copy".to_owned()])].into());
        save_checklists(&s, &keyed(wang(at(20))), &lists).await.unwrap();
        let r = open_application(&s, &keyed(li(at(21))), "c1", "card").await.unwrap();
        let id = r.docs.into_keys().next().unwrap();
        tick_material(&s, &keyed(li(at(22))), &id, "ID copy", true).await.unwrap();
        submit_application(&s, &keyed(li(at(23))), &id).await.unwrap();
        let first_submission = load_applications(&s).await.unwrap().trails[&id].head.clone();
        decide_application(&s, &keyed(wang(at(24))), &id, Outcome::Returned, "Sign page 2").await.unwrap();
        submit_application(&s, &keyed(li(at(25))), &id).await.unwrap();
        // Qian's tablet saw only the first submission; her approval arrives stamped later.
        forge(&s, "qian", "tab-q", at(26), |by| {
            status_change("st-q", &id, ApplicationStatus::Approved, "ok", Some(&first_submission), by)
        })
        .await;
        let data = load_applications(&s).await.unwrap();
        let a = &data.applications[0];
        assert_eq!(a.status(), ApplicationStatus::Submitted, "{:?}", a.history);
        let trail = &data.trails[&id];
        assert_eq!(trail.verified, vec![true, true, true], "submitted, returned, resubmitted");
        assert_eq!(trail.devices.len(), a.history.len());
        // Taken on the history as it stands, the approval fits.
        decide_application(&s, &keyed(qian(at(27))), &id, Outcome::Approved, "ok").await.unwrap();
        assert_eq!(load_applications(&s).await.unwrap().applications[0].status(), ApplicationStatus::Approved);
    });
}

/// K2: a key account's terms changed on a tampered tablet by a rep who is no
/// key-account lead count on no device, and leave the manager's terms in place.
#[test]
fn k2_service_terms_changed_by_a_rep_without_a_key_account_role_do_not_count() {
    use outpost::app::key_accounts::save_service_terms;
    use outpost::domain::key_service::ServiceTerms;
    use outpost::storage::key_accounts::terms_change;
    block_on(async {
        let s = signed_team().await;
        let none = ServiceTerms::new("c1");
        let mut t = ServiceTerms::new("c1");
        t.warranty_limited_years = 3;
        t.payment_terms = "60 days".into();
        save_service_terms(&s, &keyed(wang(at(20))), &none, t.clone()).await.unwrap();
        let mut forged = t.clone();
        forged.payment_terms = "pay when you like".into();
        forged.warranty_limited_years = 10;
        forge(&s, "zhao", "tab-c", at(21), |by| terms_change(&t, &forged, by).unwrap()).await;
        let got = load_key_accounts(&s).await.unwrap().terms_of("c1");
        assert_eq!((got.payment_terms.as_str(), got.warranty_limited_years), ("60 days", 3));
        // Made key-account manager, the same rep's later change counts.
        outpost::app::key_accounts::set_key_account_role(&s, &keyed(wang(at(22))), "zhao", Step::Approve, true)
            .await
            .unwrap();
        save_service_terms(&s, &keyed(zhao(at(23))), &t, forged.clone()).await.unwrap();
        assert_eq!(load_key_accounts(&s).await.unwrap().terms_of("c1").payment_terms, "pay when you like");
    });
}
