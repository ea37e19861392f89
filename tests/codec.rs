//! The record codec (`storage::codec`): every record type encodes to the fields it
//! stores and restores from them; a present but malformed field is reported as a
//! `FieldProblem` and the record keeps its other fields; a missing field is its default.

mod common;

use chrono::NaiveDate;
use common::{doc_from_fields, doc_of, entry_of};
use outpost::domain::activity::{Activity, ActivityKind, NextStep, PersonMet, VisitStage};
use outpost::domain::approval::{ActivityKind as KaKind, Approval, CustomerFacts, SupportRequest};
use outpost::domain::customer::{Contact, CustomerFile};
use outpost::domain::event::{BudgetLine, Event};
use outpost::domain::key_activity::KeyActivity;
use outpost::domain::profile::Role;
use outpost::domain::report::Diary;
use outpost::storage::codec::{body_of, restore_doc, restore_entry, Codec, FieldProblem, ProblemReason, Reader};
use outpost::storage::kpi::KpiSettings;
use outpost::storage::orders::ProductRecord;
use outpost::storage::people::Person;
use outpost::storage::team_lists::TeamLists;
use outpost::storage::{activities, customers, events, key_accounts, orders, people, service_log};
use serde_json::{json, Value};

fn day(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

fn fields_of(problems: &[FieldProblem]) -> Vec<(&str, &str, ProblemReason)> {
    problems.iter().map(|p| (p.record_id.as_str(), p.field.as_str(), p.reason)).collect()
}

fn full_customer() -> CustomerFile {
    CustomerFile {
        name: "上海云杉贸易".into(),
        credit_code: "91310000MA1FL5LX3X".into(),
        region: "华东".into(),
        source: "trade_fair".into(),
        annual_spend_fen: Some(12_345_600),
        discount_pct: Some(5),
        grade: Some("a".into()),
        special_background: true,
        collected_on: Some(day("2026-03-02")),
        notes: "门店 12 家".into(),
        ..Default::default()
    }
}

fn round_trip_doc<T: Codec + PartialEq + std::fmt::Debug>(id: &str, kind: &str, v: &T) -> T {
    let d = doc_from_fields(id, kind, v.encode());
    let (back, problems) = restore_doc::<T>(&d);
    assert_eq!(problems, vec![], "a well-formed {kind} has no problems");
    back.expect("a well-formed record decodes")
}

#[test]
fn a_well_formed_record_round_trips_through_encode_and_decode() {
    let file = full_customer();
    assert_eq!(round_trip_doc("c1", "customer", &file), file);

    let contact = Contact {
        name: "王芳".into(),
        title: "采购".into(),
        phone: "13800138000".into(),
        decision_maker: true,
        ..Default::default()
    };
    assert_eq!(round_trip_doc("k1", "contact", &contact), contact);

    let person =
        Person { id: "p1".into(), name: "李雷".into(), role: Role::Manager, departing: true, key: Some("kx".into()) };
    assert_eq!(round_trip_doc("p1", "person", &person), person);

    let product = ProductRecord {
        id: "tea".into(),
        name: "龙井".into(),
        unit: "盒".into(),
        prices: vec![(day("2026-01-01"), 8_800), (day("2026-06-01"), 9_900)],
        retired: false,
        line: String::new(),
    };
    assert_eq!(round_trip_doc("tea", "product", &product), product);

    let event = Event {
        id: "e1".into(),
        theme: "亲子 DIY".into(),
        starts_ms: 1_000,
        ends_ms: 2_000,
        venue: "静安店".into(),
        organiser: "p1".into(),
        audience: "家庭".into(),
        format: "workshop".into(),
        budget: vec![BudgetLine { pos: 3, ..BudgetLine::new("l1", "材料", 50_000, 48_000) }],
        consent_version: "v2".into(),
    };
    assert_eq!(round_trip_doc("e1", "event", &event), event);

    let request = SupportRequest {
        id: "r1".into(),
        customer_id: "c1".into(),
        applicant: "p1".into(),
        date: day("2026-04-01"),
        support_wanted: "样品".into(),
        facts: CustomerFacts { deeper_needs: "扩店".into(), ..Default::default() },
        approval: Approval::default(),
    };
    assert_eq!(round_trip_doc("r1", "ka_request", &request), request);

    // K2: who recorded an activity is the author of its record, not a typed field.
    let activity = KeyActivity {
        id: "kaa:1".into(),
        customer_id: "c1".into(),
        kind: KaKind::AppreciationEvent,
        on: day("2026-04-03"),
        who: "陈总、两位采购".into(),
        notes: "想看新品".into(),
        event_id: Some("ev:1".into()),
        recorded_by: "rep-1".into(),
    };
    assert_eq!(round_trip_doc("kaa:1", "ka_activity", &activity), activity);

    let diary = Diary {
        rep: "p1".into(),
        day: Some(day("2026-04-02")),
        text: "拜访两家".into(),
        open_questions: "价格？".into(),
        improvements: String::new(),
    };
    assert_eq!(round_trip_doc("diary:p1:2026-04-02", "diary", &diary), diary);

    let kpi = KpiSettings { new_accounts_per_rep: 7 };
    assert_eq!(round_trip_doc("team:kpi_targets", "team_kpi_targets", &kpi), kpi);

    let lists = TeamLists { sources: vec!["展会".into()], segments: vec![], counts: vec!["demos".into()] };
    assert_eq!(round_trip_doc("team:lists", "team_lists", &lists), lists);
}

#[test]
fn an_entry_body_round_trips_and_keeps_the_stored_format() {
    let a = Activity {
        id: "a1".into(),
        customer_id: "c1".into(),
        rep: "p1".into(),
        kind: ActivityKind::Visit,
        at_ms: 1_700_000_000_000,
        people_met: vec![PersonMet { name: "王芳".into(), title: "采购".into(), decision_maker: true }],
        needs: "冷链".into(),
        visit_stage: Some(VisitStage::Opening),
        next_step: Some(NextStep { text: "报价".into(), due_on: Some(day("2026-04-09")) }),
        notes: String::new(),
        first_contact: None,
    };
    // Tablets already hold activities written with serde: the codec writes the same body.
    assert_eq!(body_of(&a), serde_json::to_value(&a).expect("serialises"));
    let e = entry_of("a1", activities::ACTIVITY_LOGGED, "c1", body_of(&a), 5);
    let (back, problems) = restore_entry::<Activity>(&e);
    assert_eq!(problems, vec![]);
    assert_eq!(back, Some(a));
}

#[test]
fn a_customer_with_a_malformed_field_keeps_its_other_fields_and_reports_exactly_that_field() {
    let mut fields = full_customer().encode();
    for (k, v) in &mut fields {
        if *k == "annual_spend_fen" {
            *v = json!("一百万");
        }
    }
    let d = doc_from_fields("c1", customers::CUSTOMER, fields);
    let got = customers::assemble_restored(vec![d], vec![]);
    assert_eq!(fields_of(&got.problems), vec![("c1", "annual_spend_fen", ProblemReason::BadAmount)]);
    assert_eq!(got.problems[0].found, "\"一百万\"");
    assert_eq!(got.records.len(), 1, "the customer is still listed");
    let file = &got.records[0].file;
    assert_eq!(file.annual_spend_fen, None);
    assert_eq!(CustomerFile { annual_spend_fen: Some(12_345_600), ..file.clone() }, full_customer());
}

#[test]
fn a_missing_field_reads_as_its_default_and_is_not_a_problem() {
    // A new document stores only its filled fields.
    let d = doc_of("c1", customers::CUSTOMER, &[("name", json!("云杉"))]);
    let got = customers::assemble_restored(vec![d], vec![]);
    assert_eq!(got.problems, vec![]);
    assert_eq!(got.records[0].file, CustomerFile { name: "云杉".into(), ..Default::default() });

    // `null` (a cleared field) reads the same as a missing one.
    let d = doc_of(
        "c2",
        customers::CUSTOMER,
        &[("name", json!("松")), ("grade", Value::Null), ("collected_on", Value::Null)],
    );
    assert_eq!(customers::assemble_restored(vec![d], vec![]).problems, vec![]);
}

#[test]
fn every_reader_reports_a_present_value_of_the_wrong_shape() {
    let d = doc_of(
        "x1",
        "any",
        &[
            ("text", json!(12)),
            ("int", json!("12")),
            ("money", json!(12.5)),
            ("date", json!("2026-02-30")),
            ("bool", json!("yes")),
            ("choice", json!("teleport")),
            ("list", json!(["a", 2, "c"])),
            ("value", json!([1])),
        ],
    );
    let mut r = Reader::of_doc(&d);
    assert_eq!(r.text("text"), "");
    assert_eq!(r.opt_int("int"), None);
    assert_eq!(r.money("money"), None);
    assert_eq!(r.date("date"), None);
    assert!(!r.bool("bool"));
    assert_eq!(r.choice::<ActivityKind>("choice"), None);
    assert_eq!(r.list::<String>("list"), vec!["a".to_owned(), "c".to_owned()]);
    assert_eq!(r.value::<NextStep>("value"), None);
    assert_eq!(r.text("absent"), "");
    assert_eq!(
        fields_of(&r.finish()),
        vec![
            ("x1", "text", ProblemReason::WrongType { expected: "text" }),
            ("x1", "int", ProblemReason::WrongType { expected: "whole number" }),
            ("x1", "money", ProblemReason::BadAmount),
            ("x1", "date", ProblemReason::BadDate),
            ("x1", "bool", ProblemReason::WrongType { expected: "true or false" }),
            ("x1", "choice", ProblemReason::UnknownValue),
            ("x1", "list[1]", ProblemReason::Malformed),
            ("x1", "value", ProblemReason::Malformed),
        ]
    );
}

#[test]
fn a_person_with_an_unknown_role_is_left_out_and_reported() {
    let docs = vec![
        doc_of("p1", people::PERSON, &[("name", json!("李雷")), ("role", json!("astronaut"))]),
        doc_of("p2", people::PERSON, &[("name", json!("韩梅梅")), ("role", json!("rep"))]),
        doc_of("p3", people::PERSON, &[("role", json!("rep"))]),
    ];
    let got = people::people_restored(&docs);
    assert_eq!(got.records.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), vec!["p2"]);
    assert_eq!(
        fields_of(&got.problems),
        vec![("p1", "role", ProblemReason::UnknownValue), ("p3", "name", ProblemReason::Required)]
    );
}

#[test]
fn an_order_with_a_malformed_line_keeps_its_good_lines_and_reports_that_line() {
    let line = json!({"product_id": "tea", "qty": 2, "unit_price_fen": 8_800, "discount": 0});
    let d = doc_of(
        "o1",
        orders::ORDER,
        &[
            ("customer", json!("c1")),
            ("rep", json!("p1")),
            ("delivery_date", json!("2026-05-01")),
            ("terms", json!({"type": "on_delivery"})),
            ("lines", json!([line, {"product_id": "tea", "qty": "two"}])),
            ("discount_bp", json!("10%")),
        ],
    );
    let data = orders::assemble(vec![d], vec![]);
    assert_eq!(data.orders.len(), 1);
    let o = &data.orders[0].order;
    assert_eq!((o.customer_id.as_str(), o.lines.len()), ("c1", 1));
    assert_eq!(
        fields_of(&data.problems),
        vec![
            ("o1", "lines[1]", ProblemReason::Malformed),
            ("o1", "discount_bp", ProblemReason::WrongType { expected: "whole number ≥ 0" })
        ]
    );
}

#[test]
fn an_order_without_its_delivery_date_is_left_out_and_reported() {
    let d = doc_of("o1", orders::ORDER, &[("customer", json!("c1")), ("terms", json!({"type": "on_delivery"}))]);
    let data = orders::assemble(vec![d], vec![]);
    assert!(data.orders.is_empty());
    assert_eq!(fields_of(&data.problems), vec![("o1", "delivery_date", ProblemReason::Required)]);
}

#[test]
fn a_payment_with_an_amount_that_is_not_whole_fen_is_reported_not_counted() {
    let good = entry_of("pay1", orders::PAYMENT_RECORDED, "c1", json!({"amount_fen": 500, "paid_on": "2026-05-02"}), 1);
    let bad = entry_of("pay2", orders::PAYMENT_RECORDED, "c1", json!({"amount_fen": 5.5, "paid_on": "2026-05-02"}), 2);
    let data = orders::assemble(vec![], vec![good, bad]);
    assert_eq!(data.payments.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), vec!["pay1"]);
    assert_eq!(fields_of(&data.problems), vec![("pay2", "amount_fen", ProblemReason::BadAmount)]);
}

#[test]
fn a_recorded_payment_is_written_in_the_format_tablets_already_hold() {
    let mut clock = outpost::record::hlc::Clock::new("tab-1");
    let mut by = customers::Author { profile: "p1", clock: &mut clock, now_ms: 10 };
    let r = orders::payment_recorded("pay1", "c1", Some("o1"), 500, day("2026-05-02"), " 现金 ", &mut by);
    let body = &r.entries["pay1"].body;
    assert_eq!(body, &json!({"order": "o1", "amount_fen": 500, "paid_on": "2026-05-02", "note": "现金"}));
}

#[test]
fn an_event_with_a_malformed_budget_is_still_listed_with_its_other_fields() {
    let d = doc_of(
        "e1",
        events::EVENT,
        &[("theme", json!("DIY")), ("budget", json!({"材料": 1})), ("starts_ms", json!(5))],
    );
    let got = events::assemble_restored(vec![d], vec![]);
    assert_eq!(got.records.len(), 1);
    assert_eq!((got.records[0].event.theme.as_str(), got.records[0].event.starts_ms), ("DIY", 5));
    assert_eq!(fields_of(&got.problems), vec![("e1", "budget", ProblemReason::WrongType { expected: "list" })]);
}

#[test]
fn a_chip_move_that_does_not_read_is_left_out_and_reported_under_its_entry() {
    let ev = doc_of("e1", events::EVENT, &[("theme", json!("DIY"))]);
    let bad = entry_of("m1", events::CHIPS, "e1", json!("not an object"), 1);
    let got = events::assemble_restored(vec![ev], vec![bad]);
    assert!(got.records[0].chips.is_empty());
    assert_eq!(fields_of(&got.problems), vec![("m1", "body", ProblemReason::WrongType { expected: "object" })]);
}

#[test]
fn a_visit_plan_with_an_unreadable_day_keeps_its_goals_and_reports_the_day() {
    let d = doc_of(
        "plan1",
        activities::VISIT_PLAN,
        &[("rep", json!("p1")), ("day", json!("next tuesday")), ("goals", json!("签约")), ("customers", json!(["c1"]))],
    );
    let data = activities::assemble(vec![d], vec![], None);
    assert_eq!(data.plans.len(), 1);
    assert_eq!((data.plans[0].draft.goals.as_str(), data.plans[0].draft.day), ("签约", None));
    assert_eq!(fields_of(&data.problems), vec![("plan1", "day", ProblemReason::BadDate)]);
}

#[test]
fn an_activity_of_an_unknown_kind_is_left_out_and_reported_once() {
    let e = entry_of(
        "a1",
        activities::ACTIVITY_LOGGED,
        "c1",
        json!({"id": "a1", "customer_id": "c1", "rep": "p1", "kind": "telepathy", "at_ms": 5}),
        5,
    );
    let data = activities::assemble(vec![], vec![e], None);
    assert!(data.activities.is_empty());
    assert_eq!(fields_of(&data.problems), vec![("a1", "kind", ProblemReason::UnknownValue)]);
}

#[test]
fn a_service_item_and_a_key_account_request_report_their_bad_fields() {
    let item = doc_of(
        "s1",
        service_log::SERVICE_ITEM,
        &[
            ("customer", json!("c1")),
            ("channel", serde_json::to_value(outpost::domain::service::Channel::Call).expect("serialises")),
            ("asked", json!(42)),
            ("asked_on", json!("2026-05-01")),
        ],
    );
    let got = service_log::assemble_restored(vec![item], vec![]);
    assert_eq!(got.records.len(), 1);
    assert_eq!(fields_of(&got.problems), vec![("s1", "asked", ProblemReason::WrongType { expected: "text" })]);

    let req = doc_of(
        "r1",
        key_accounts::KA_REQUEST,
        &[("customer", json!("c1")), ("date", json!("2026-05-01")), ("support_wanted", json!(["样品"]))],
    );
    let data = key_accounts::assemble(vec![req], vec![]);
    assert_eq!(data.requests.len(), 1);
    assert_eq!(
        fields_of(&data.problems),
        vec![("r1", "support_wanted", ProblemReason::WrongType { expected: "text" })]
    );
}

#[test]
fn a_pool_fact_that_does_not_parse_is_left_out_of_the_fold_and_reported() {
    let c = doc_of("c1", customers::CUSTOMER, &[("name", json!("云杉"))]);
    let bad = entry_of("f1", "pool.claim", "c1", json!({"rep": 7}), 1);
    let got = customers::assemble_restored(vec![c], vec![bad]);
    assert!(got.records[0].facts.is_empty());
    assert_eq!(fields_of(&got.problems), vec![("f1", "body", ProblemReason::Malformed)]);
}

#[test]
fn a_project_with_a_malformed_deadline_keeps_its_name_and_stages() {
    use outpost::storage::projects::{assemble_projects_restored, PROJECT, PROJECT_STAGE};
    let d = doc_of(
        "j1",
        PROJECT,
        &[("customer", json!("c1")), ("name", json!("冷库改造")), ("bid_deadline_ms", json!("soon"))],
    );
    let stage = entry_of("s1", PROJECT_STAGE, "j1", json!({"stage": "no_such_stage"}), 2);
    let mut problems = Vec::new();
    let got = assemble_projects_restored(&[d], &[stage], &mut problems);
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].project.name.as_str(), got[0].project.bid_deadline_ms), ("冷库改造", None));
    assert_eq!(
        fields_of(&problems),
        vec![
            ("s1", "stage", ProblemReason::UnknownValue),
            ("j1", "bid_deadline_ms", ProblemReason::WrongType { expected: "whole number" })
        ]
    );
}

#[test]
fn team_settings_report_a_bad_part_and_keep_the_others() {
    use outpost::domain::calendar::TeamCalendar;
    use outpost::storage::settings::{calendar_restored, TEAM_CALENDAR_ID, TEAM_CALENDAR_KIND};
    let d = doc_of(
        TEAM_CALENDAR_ID,
        TEAM_CALENDAR_KIND,
        &[("holidays", json!(["2026-10-01"])), ("utc_offset_minutes", json!(99_999))],
    );
    let mut problems = Vec::new();
    let base = TeamCalendar::default();
    let cal = calendar_restored(&d, base.clone(), &mut problems);
    assert_eq!(cal.utc_offset_minutes, base.utc_offset_minutes, "an impossible offset keeps the previous one");
    assert_eq!(cal.holidays.len(), 1);
    assert_eq!(fields_of(&problems), vec![(TEAM_CALENDAR_ID, "utc_offset_minutes", ProblemReason::UnknownValue)]);

    let lists = doc_of("team:lists", "team_lists", &[("sources", json!("展会")), ("segments", json!(["零售"]))]);
    let (got, problems) = restore_doc::<TeamLists>(&lists);
    assert_eq!(got.map(|l| (l.sources, l.segments)), Some((TeamLists::default().sources, vec!["零售".to_owned()])));
    assert_eq!(fields_of(&problems), vec![("team:lists", "sources", ProblemReason::WrongType { expected: "list" })]);
}

#[test]
fn an_attachment_naming_its_file_with_something_that_is_not_a_hash_is_left_out_and_reported() {
    use outpost::storage::attachments::{live, Attachment, Label, ATTACHMENT};
    let hash = "ab".repeat(32);
    let good = doc_of(
        "ph1",
        ATTACHMENT,
        &[("customer", json!("c1")), ("hash", json!(hash)), ("origin", json!("tab-1")), ("label", json!("hologram"))],
    );
    let forged = doc_of(
        "ph2",
        ATTACHMENT,
        &[("customer", json!("c1")), ("hash", json!("../../etc/passwd")), ("origin", json!("tab-1"))],
    );
    let mut problems = Vec::new();
    let got: Vec<Attachment> =
        [&good, &forged].into_iter().filter_map(|d| Attachment::from_doc_restored(d, &mut problems)).collect();
    assert_eq!(got.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), vec!["ph1"]);
    assert_eq!(got[0].label, Label::Other, "an unknown label is still shown, as other");
    assert_eq!(
        fields_of(&problems),
        vec![("ph1", "label", ProblemReason::UnknownValue), ("ph2", "hash", ProblemReason::Malformed)]
    );
    assert_eq!(live(&[good, forged]).len(), 1);
}
