//! Orders (O1), receivables (O2–O4), service (S1, S2), key-account approvals (K1, K3)
//! and applications (A1, A2): exact money, ageing edges, working-day review limits and
//! the two-step approval.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use chrono::{FixedOffset, NaiveDate, TimeZone};
use outpost::domain::application::{
    conversion_rate, new_accounts_met, satisfaction_met, Application, ApplicationStatus, Checklists, KpiTargets,
    Outcome, Ratio,
};
use outpost::domain::approval::{
    Approval, ApprovalError, ApprovalStatus, CustomerFacts, KeyAccountRoles, Step, SupportRequest,
};
use outpost::domain::calendar::TeamCalendar;
use outpost::domain::money::{format_yuan, parse_yuan};
use outpost::domain::order::{
    Actor, DeliverySlip, Discount, Order, OrderError, OrderLine, OrderStatus, PaymentTerms, PriceEntry, PriceList,
    Signatory,
};
use outpost::domain::pool::{Fact, FactKind};
use outpost::domain::profile::Role;
use outpost::domain::receivable::{
    ageing_by_customer, ageing_by_rep, apply_payments, payment_habits, reminders, AgeBucket, InstalmentPlan, Payment,
};
use outpost::domain::service::{satisfaction, Channel, Forward, ServiceItem};
use outpost::domain::tier::payment_record;
use outpost::record::hlc::Hlc;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

fn yuan(s: &str) -> i64 {
    parse_yuan(s).expect("an amount")
}

/// An instant in the team's time zone (UTC+8).
fn at(day: &str, hour: u32) -> i64 {
    let day = d(day);
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .from_local_datetime(&day.and_hms_opt(hour, 0, 0).unwrap())
        .unwrap()
        .timestamp_millis()
}

fn rep() -> Actor {
    Actor { profile: "li".into(), role: Role::Rep, at_ms: 1 }
}

fn manager() -> Actor {
    Actor { profile: "boss".into(), role: Role::Manager, at_ms: 2 }
}

fn signed_slip() -> DeliverySlip {
    DeliverySlip {
        delivered_on: Some(d("2026-03-05")),
        warehouse_keeper: "Keeper Wu".into(),
        warehouse_supervisor: "Supervisor Ma".into(),
        customer: "Ms Zhao".into(),
    }
}

/// Two lines and an order discount, each with a half fen to round.
fn order() -> Order {
    let mut o = Order::draft(
        "o1",
        "c1",
        "li",
        d("2026-03-05"),
        PaymentTerms::Instalments { dates: vec![d("2026-04-05"), d("2026-05-05"), d("2026-06-05")] },
    );
    // 3 × 33.33 = 99.99; 10 % = 9.999 → 10.00; net 89.99.
    o.lines.push(OrderLine::new("tea", 3, yuan("33.33"), Discount::percent(10)).unwrap());
    // 1 × 0.05 at 10 % = 0.005 → 0.01 (half up); net 0.04.
    o.lines.push(OrderLine::new("cup", 1, 5, Discount::percent(10)).unwrap());
    // Lines net 90.03; 5 % = 4.5015 → 4.50; total 85.53.
    o.order_discount = Discount::percent(5);
    o
}

// ---------------------------------------------------------------- O1 orders

#[test]
fn o1_order_totals_are_exact_fen_with_discounts_rounded_half_up() {
    let t = order().totals().unwrap();
    assert_eq!(format_yuan(t.gross_fen), "100.04");
    assert_eq!(format_yuan(t.line_discounts_fen), "10.01");
    assert_eq!(format_yuan(t.order_discount_fen), "4.50");
    assert_eq!(format_yuan(t.total_fen), "85.53");
    assert_eq!(t.gross_fen - t.line_discounts_fen - t.order_discount_fen, t.total_fen);
}

#[test]
fn o1_a_half_fen_of_order_discount_goes_to_the_customer() {
    let mut o = Order::draft("o", "c", "li", d("2026-03-05"), PaymentTerms::OnDelivery);
    o.lines.push(OrderLine::new("p", 1, 10, Discount::NONE).unwrap());
    o.order_discount = Discount::percent(5); // 0.5 fen → 1 fen off
    assert_eq!(o.total_fen(), Ok(9));
}

#[test]
fn o1_a_line_priced_from_the_list_takes_the_price_in_force_on_the_day() {
    let list = PriceList::new(vec![
        PriceEntry { product_id: "tea".into(), unit_price_fen: yuan("30"), from: d("2026-01-01") },
        PriceEntry { product_id: "tea".into(), unit_price_fen: yuan("33.33"), from: d("2026-03-01") },
    ])
    .unwrap();
    let line = OrderLine::priced(&list, "tea", 2, d("2026-03-01"), Discount::NONE).unwrap();
    assert_eq!(line.unit_price_fen, 3_333);
    assert_eq!(
        OrderLine::priced(&list, "cup", 1, d("2026-03-01"), Discount::NONE),
        Err(OrderError::NoPrice { product: "cup".into(), on: d("2026-03-01") })
    );
}

#[test]
fn o1_an_order_without_lines_or_with_a_past_delivery_date_is_not_submitted() {
    let mut empty = Order::draft("o", "c", "li", d("2026-03-05"), PaymentTerms::OnDelivery);
    assert_eq!(empty.submit(&rep(), d("2026-03-01")), Err(OrderError::NoLines));
    let mut late = order();
    assert_eq!(
        late.submit(&rep(), d("2026-03-06")),
        Err(OrderError::DeliveryInPast { delivery: d("2026-03-05"), today: d("2026-03-06") })
    );
    let mut zero = order();
    zero.lines[1].qty = 0;
    assert_eq!(zero.submit(&rep(), d("2026-03-01")), Err(OrderError::ZeroQuantity { line: 2 }));
    assert_eq!(late.status(), OrderStatus::Draft);
}

#[test]
fn o1_only_a_manager_approves_and_goods_leave_against_three_signatures() {
    let mut o = order();
    assert!(matches!(o.deliver(&rep(), signed_slip()), Err(OrderError::WrongStatus { .. })));
    o.submit(&rep(), d("2026-03-01")).unwrap();
    assert_eq!(o.approve(&rep(), "ok"), Err(OrderError::NotManager));
    o.approve(&manager(), "ok").unwrap();
    let mut unsigned = signed_slip();
    unsigned.warehouse_supervisor.clear();
    assert_eq!(o.deliver(&rep(), unsigned), Err(OrderError::MissingSignature(Signatory::WarehouseSupervisor)));
    assert_eq!(o.status(), OrderStatus::Approved);
    o.deliver(&rep(), signed_slip()).unwrap();
    assert_eq!(o.status(), OrderStatus::Delivered);
    assert_eq!(o.delivered_on(), Some(d("2026-03-05")));
}

#[test]
fn o1_a_rejection_needs_a_reason_and_the_rep_may_revise_and_resubmit() {
    let mut o = order();
    o.submit(&rep(), d("2026-03-01")).unwrap();
    assert_eq!(o.reject(&manager(), " "), Err(OrderError::NoReason));
    o.reject(&manager(), "discount too deep").unwrap();
    assert_eq!(o.status(), OrderStatus::Rejected);
    o.reopen(&rep()).unwrap();
    o.order_discount = Discount::NONE;
    o.submit(&rep(), d("2026-03-01")).unwrap();
    assert_eq!(o.status(), OrderStatus::Submitted);
    assert_eq!(o.history.len(), 4, "every step stays in the history");
}

// ---------------------------------------------------------------- O2 instalments

#[test]
fn o2_an_order_split_in_instalments_sums_exactly_to_its_total_with_the_remainder_last() {
    let plan = InstalmentPlan::for_order(&order()).unwrap();
    let amounts: Vec<i64> = plan.instalments.iter().map(|i| i.amount_fen).collect();
    assert_eq!(amounts, [2_851, 2_851, 2_851]); // 85.53 splits evenly
    let plan =
        InstalmentPlan::split("o", "c", "li", 100, &[d("2026-01-01"), d("2026-02-01"), d("2026-03-01")]).unwrap();
    let amounts: Vec<i64> = plan.instalments.iter().map(|i| i.amount_fen).collect();
    assert_eq!(amounts, [33, 33, 34]);
}

#[test]
fn o2_net_terms_fall_due_the_agreed_days_after_delivery() {
    let mut o = order();
    o.terms = PaymentTerms::NetDays { days: 30 };
    let plan = InstalmentPlan::for_order(&o).unwrap();
    assert_eq!(plan.instalments.len(), 1);
    assert_eq!(plan.instalments[0].due, d("2026-04-04"));
    assert_eq!(plan.total_fen(), 8_553);
}

proptest! {
    #[test]
    fn o2_an_even_split_always_sums_to_the_total_and_only_the_last_differs(total in 1i64..10_000_000_000, n in 1usize..24) {
        let dates: Vec<NaiveDate> = (0..n).map(|i| d("2026-01-01") + chrono::Days::new(30 * i as u64)).collect();
        match InstalmentPlan::split("o", "c", "li", total, &dates) {
            Ok(plan) => {
                prop_assert_eq!(plan.total_fen(), total);
                let first = plan.instalments[0].amount_fen;
                prop_assert!(plan.instalments[..n - 1].iter().all(|i| i.amount_fen == first));
                prop_assert!(plan.instalments[n - 1].amount_fen >= first);
                prop_assert!(plan.instalments[n - 1].amount_fen - first < n as i64);
            }
            // Fewer fen than instalments leaves a zero instalment, which is refused.
            Err(_) => prop_assert!(total < n as i64),
        }
    }
}

fn two_orders() -> Vec<InstalmentPlan> {
    vec![
        InstalmentPlan::split("o1", "c1", "li", 30_000, &[d("2026-01-10"), d("2026-02-10"), d("2026-03-10")]).unwrap(),
        InstalmentPlan::split("o2", "c1", "wang", 5_000, &[d("2026-01-20")]).unwrap(),
    ]
}

fn pay(id: &str, order: Option<&str>, amount_fen: i64, paid_on: &str) -> Payment {
    Payment {
        id: id.into(),
        customer_id: "c1".into(),
        order_id: order.map(Into::into),
        amount_fen,
        paid_on: d(paid_on),
    }
}

#[test]
fn o2_a_payment_settles_the_oldest_due_instalment_first_across_orders() {
    // 15,000 fen: o1#1 (10 Jan) 10,000, then o2 (20 Jan) 5,000.
    let ledger = apply_payments(&two_orders(), &[pay("p1", None, 15_000, "2026-01-25")]).unwrap();
    assert_eq!(ledger.outstanding_for_order("o1"), 20_000);
    assert_eq!(ledger.outstanding_for_order("o2"), 0);
    assert_eq!(ledger.outstanding_for_customer("c1"), 20_000);
    let first = &ledger.instalments[0];
    assert_eq!((first.order_id.as_str(), first.number, first.settled_on), ("o1", 1, Some(d("2026-01-25"))));
}

#[test]
fn o2_a_payment_naming_an_order_settles_that_order_first_and_the_rest_oldest_first() {
    let ledger = apply_payments(&two_orders(), &[pay("p1", Some("o2"), 7_000, "2026-01-15")]).unwrap();
    assert_eq!(ledger.outstanding_for_order("o2"), 0);
    assert_eq!(ledger.outstanding_for_order("o1"), 28_000);
    // Money beyond everything owed is a credit, reported apart.
    let ledger = apply_payments(&two_orders(), &[pay("p1", None, 36_000, "2026-01-15")]).unwrap();
    assert_eq!(ledger.outstanding_for_customer("c1"), 0);
    assert_eq!(ledger.credit_fen.get("c1"), Some(&1_000));
}

#[test]
fn o3_a_confirmed_payment_feeds_the_pool_per_rep_with_its_days_late() {
    let ledger = apply_payments(&two_orders(), &[pay("p1", None, 15_000, "2026-01-25")]).unwrap();
    let feeds = ledger.payment_facts();
    let kinds: Vec<&FactKind> = feeds.iter().map(|f| &f.kind).collect();
    assert_eq!(
        kinds,
        [
            &FactKind::Payment { rep: "li".into(), amount_fen: 10_000, paid_on: d("2026-01-25"), days_late: 15 },
            &FactKind::Payment { rep: "wang".into(), amount_fen: 5_000, paid_on: d("2026-01-25"), days_late: 5 },
        ]
    );
    // Written as pool facts, they read back as the customer's payment record (C3, O2).
    let facts: Vec<Fact> = feeds
        .iter()
        .enumerate()
        .map(|(i, f)| {
            Fact::new(
                format!("f{i}"),
                Hlc { wall_ms: i as i64, counter: 0, device: "tab-a".into() },
                "finance",
                f.kind.clone(),
            )
        })
        .collect();
    let habits = payment_habits(&payment_record(&facts));
    assert_eq!((habits.payments, habits.typical_payday, habits.average_days_late), (2, Some(25), Some(10)));
}

#[test]
fn o2_reminders_start_n_days_before_due_and_stay_until_paid() {
    let ledger = apply_payments(&two_orders(), &[pay("p1", None, 10_000, "2026-01-09")]).unwrap();
    let due: Vec<(String, i64)> =
        reminders(&ledger, d("2026-01-17"), 3).into_iter().map(|r| (r.order_id, r.days_until_due)).collect();
    assert_eq!(due, [("o2".to_owned(), 3)]);
    assert!(reminders(&ledger, d("2026-01-16"), 3).is_empty(), "4 days before is too early");
    let later = reminders(&ledger, d("2026-02-08"), 3);
    assert_eq!(later.iter().map(|r| r.days_until_due).collect::<Vec<_>>(), [-19, 2], "overdue o2, then o1#2");
}

// ---------------------------------------------------------------- O4 ageing

#[test]
fn o4_ageing_buckets_break_after_30_60_and_90_days() {
    assert_eq!(AgeBucket::of(-1), AgeBucket::NotDue);
    assert_eq!(AgeBucket::of(0), AgeBucket::Days0To30);
    assert_eq!(AgeBucket::of(30), AgeBucket::Days0To30);
    assert_eq!(AgeBucket::of(31), AgeBucket::Days31To60);
    assert_eq!(AgeBucket::of(60), AgeBucket::Days31To60);
    assert_eq!(AgeBucket::of(61), AgeBucket::Days61To90);
    assert_eq!(AgeBucket::of(90), AgeBucket::Days61To90);
    assert_eq!(AgeBucket::of(91), AgeBucket::Over90);
}

#[test]
fn o4_ageing_per_customer_and_per_rep_uses_the_days_past_each_due_date() {
    let plans = two_orders();
    let ledger = apply_payments(&plans, &[]).unwrap();
    // 10 Apr: o1#1 is 90 days late, o1#2 59, o1#3 31, o2 80.
    let by_customer = ageing_by_customer(&ledger, d("2026-04-10"));
    let c1 = by_customer["c1"];
    assert_eq!((c1.days_61_90_fen, c1.days_31_60_fen, c1.over_90_fen), (15_000, 20_000, 0));
    // One day later o1#1 crosses into over 90.
    let c1 = ageing_by_customer(&ledger, d("2026-04-11"))["c1"];
    assert_eq!((c1.over_90_fen, c1.days_61_90_fen), (10_000, 5_000));
    let by_rep = ageing_by_rep(&ledger, d("2026-04-11"));
    assert_eq!(by_rep["li"].total_fen(), 30_000);
    assert_eq!(by_rep["wang"].days_61_90_fen, 5_000);
    assert_eq!(ageing_by_customer(&ledger, d("2026-01-09"))["c1"].not_due_fen, 35_000);
}

// ---------------------------------------------------------------- S1, S2 service

#[test]
fn s2_a_forwarded_question_is_flagged_past_its_promise_until_the_customer_is_satisfied() {
    let f = Forward { to: "engineer Sun".into(), plan: "replace the part".into(), promised: d("2026-03-10"), at_ms: 0 };
    let mut item =
        ServiceItem::forwarded("s1", "c1", "li", Channel::Call, "the device beeps", d("2026-03-02"), f).unwrap();
    assert!(item.is_overdue(d("2026-03-11")));
    let again = Forward { to: "supplier".into(), plan: "new unit".into(), promised: d("2026-03-20"), at_ms: 1 };
    item.forward(again).unwrap();
    assert!(!item.is_overdue(d("2026-03-11")), "the newest promise counts");
    item.close("li", 2, true, 5, "").unwrap();
    let on_spot = ServiceItem::on_the_spot("s2", "c1", "li", Channel::Visit, "price?", d("2026-03-02"), "¥30").unwrap();
    assert_eq!(satisfaction([&item, &on_spot], 4).scored, 1, "an open item has no score yet");
}

// ---------------------------------------------------------------- K1, K3 approvals

fn ka_roles() -> KeyAccountRoles {
    KeyAccountRoles { supervisors: ["zhou".into()].into(), managers: ["boss".into()].into() }
}

#[test]
fn k1_the_supervisor_reviews_before_the_manager_approves() {
    let mut a = Approval::default();
    assert_eq!(a.approve(&ka_roles(), "boss", "go", true, 1), Err(ApprovalError::NotReviewed));
    a.review(&ka_roles(), "zhou", "customer is expanding", true, 2).unwrap();
    assert_eq!(a.status(), ApprovalStatus::AwaitingApproval);
    assert_eq!(a.review(&ka_roles(), "zhou", "again", true, 3), Err(ApprovalError::AlreadyReviewed));
    a.approve(&ka_roles(), "boss", "approved, budget 5k", true, 4).unwrap();
    assert_eq!(a.status(), ApprovalStatus::Approved);
    let opinions: Vec<&str> = a.decisions.iter().map(|d| d.opinion.as_str()).collect();
    assert_eq!(opinions, ["customer is expanding", "approved, budget 5k"]);
}

#[test]
fn k1_each_step_is_taken_only_by_its_role_and_with_an_opinion() {
    let mut a = Approval::default();
    assert_eq!(
        a.review(&ka_roles(), "boss", "fine", true, 1),
        Err(ApprovalError::WrongRole { step: Step::Review, by: "boss".into() })
    );
    assert_eq!(a.review(&ka_roles(), "zhou", "  ", true, 1), Err(ApprovalError::NoOpinion));
    a.review(&ka_roles(), "zhou", "fine", true, 1).unwrap();
    assert_eq!(
        a.approve(&ka_roles(), "li", "fine", true, 2),
        Err(ApprovalError::WrongRole { step: Step::Approve, by: "li".into() })
    );
    a.approve(&ka_roles(), "boss", "no budget this quarter", false, 3).unwrap();
    assert_eq!(a.status(), ApprovalStatus::Rejected { at: Step::Approve });
}

#[test]
fn k1_a_support_request_names_its_applicant_and_the_support_wanted() {
    let r = SupportRequest::new("r", "c1", "li", d("2026-04-01"), " ", CustomerFacts::default());
    assert_eq!(r, Err(ApprovalError::NoSupportWanted));
    let r =
        SupportRequest::new("r", "c1", "li", d("2026-04-01"), "a technical seminar", CustomerFacts::default()).unwrap();
    assert_eq!(r.approval.status(), ApprovalStatus::AwaitingReview);
}

// ---------------------------------------------------------------- A1, A2 applications

fn submitted_on(day: &str) -> Application {
    let lists = Checklists([("gold".to_owned(), vec!["id copy".to_owned()])].into());
    let mut app = Application::new("a", "c1", "gold", "li");
    app.received.insert("id copy".into());
    app.submit(&lists, "li", at(day, 16)).unwrap();
    app
}

#[test]
fn a1_review_over_3_working_days_is_flagged_across_a_weekend_and_a_holiday() {
    let mut cal = TeamCalendar::default();
    cal.holidays.insert(d("2026-06-01")); // a Monday off
                                          // Submitted Friday 29 May: Tue 2, Wed 3, Thu 4 June are the three working days.
    let mut on_time = submitted_on("2026-05-29");
    on_time.decide(Outcome::Approved, "bo", at("2026-06-04", 17), "card approved").unwrap();
    assert_eq!(on_time.review_working_days(&cal, at("2026-06-10", 9)), [3]);
    assert!(!on_time.review_late(&cal, at("2026-06-10", 9), 3));
    let mut late = submitted_on("2026-05-29");
    late.decide(Outcome::Rejected, "bo", at("2026-06-05", 9), "income too low").unwrap();
    assert!(late.review_late(&cal, at("2026-06-10", 9), 3));
    assert_eq!(late.status(), ApplicationStatus::Rejected);
    // Without the holiday the Thursday decision would have been late.
    assert!(on_time.review_late(&TeamCalendar::default(), 0, 3));
}

#[test]
fn a1_an_undecided_review_turns_late_on_the_fourth_working_day() {
    let cal = TeamCalendar::default();
    let app = submitted_on("2026-05-29");
    assert!(!app.review_late(&cal, at("2026-06-03", 18), 3));
    assert!(app.review_late(&cal, at("2026-06-04", 8), 3));
}

#[test]
fn a2_kpis_compare_exact_counts_to_their_targets() {
    let t = KpiTargets::default();
    let ids = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<BTreeSet<String>>();
    let rate = conversion_rate(&ids(&["a", "b", "c", "d"]), &ids(&["b", "d", "z"]));
    assert_eq!(rate, Ratio::new(2, 4), "a customer not contacted in the period does not count");
    assert_eq!(new_accounts_met(8, 10, &t), Some(true));
    assert_eq!(new_accounts_met(7, 10, &t), Some(false));
    assert_eq!(new_accounts_met(3, 0, &t), None);
    let scores = |s: &[u8]| {
        let items: Vec<ServiceItem> = s
            .iter()
            .map(|&score| {
                let mut i =
                    ServiceItem::on_the_spot("s", "c", "li", Channel::Question, "q", d("2026-01-01"), "a").unwrap();
                i.close("li", 0, true, score, "").unwrap();
                i
            })
            .collect();
        satisfaction(&items, t.satisfied_from)
    };
    assert_eq!(satisfaction_met(&scores(&[5, 5, 5, 5, 5, 5, 5, 5, 4, 3]), &t), Some(true)); // 90 %
    assert_eq!(satisfaction_met(&scores(&[5, 5, 5, 5, 5, 5, 5, 4, 3, 3]), &t), Some(false));
    // 80 %
}
