//! Activities on the device (V2, V3, V5, V6, V7, P8, K3): what `storage::activities`
//! writes for a rep's or manager's intent, and what it reads back after local writes and
//! merges from another tablet, with the clock injected across weekends and holidays.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::Tablet;

use std::collections::HashMap;

use chrono::NaiveDate;
use outpost::domain::activity::{Activity, ActivityKind, PersonMet, VisitStage};
use outpost::domain::cadence::{next_contact, CadenceRule, CadenceSettings};
use outpost::domain::calendar::TeamCalendar;
use outpost::domain::customer::CustomerFile;
use outpost::domain::customer_list::{derive, CustomerRecord};
use outpost::domain::minutes::{MinutesState, MinutesStep};
use outpost::domain::pool::{AssignReason, FactKind, PoolSettings};
use outpost::domain::quota::{progress, QuotaSettings};
use outpost::domain::tier::TierSettings;
use outpost::domain::visit_plan::{Decision, PlanDraft, PlanStatus};
use outpost::record::replica::{Document, Entry, Replica};
use outpost::storage::activities::{
    activity_change, approved_on, assemble, cadence_inputs, load_activity_data, minutes_change, minutes_items,
    plan_change, plan_decision, quota_activities, rules_change, rules_from_doc, ActivityData, ActivityRules,
    ServiceReturn, ACTIVITY_RULES_ID,
};
use outpost::storage::customers::{self, fact_entry};
use outpost::storage::data::apply_local;
use outpost::storage::memory::MemoryStore;
use pollster::block_on;

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;

fn day(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

/// `h`:00 team time (UTC+8) on `s`.
fn at(s: &str, h: i64) -> i64 {
    day(s).and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp_millis() - 8 * HOUR + h * HOUR
}

fn visit(id: &str, customer: &str, rep: &str, at_ms: i64) -> Activity {
    Activity {
        id: id.into(),
        customer_id: customer.into(),
        rep: rep.into(),
        kind: ActivityKind::Visit,
        at_ms,
        people_met: vec![PersonMet { name: "Zhao".into(), title: "CTO".into(), decision_maker: true }],
        needs: "fewer outages".into(),
        visit_stage: Some(VisitStage::Opening),
        next_step: None,
        notes: String::new(),
        first_contact: None,
    }
}

fn call(id: &str, customer: &str, rep: &str, at_ms: i64) -> Activity {
    Activity { kind: ActivityKind::Call, people_met: vec![], visit_stage: None, ..visit(id, customer, rep, at_ms) }
}

fn all_of(r: &Replica) -> (Vec<Document>, Vec<Entry>) {
    (r.docs.values().cloned().collect(), r.entries.values().cloned().collect())
}

fn data_of(r: &Replica) -> ActivityData {
    let (docs, entries) = all_of(r);
    let rules = docs.iter().find(|d| d.id == ACTIVITY_RULES_ID).cloned();
    assemble(docs, entries, rules.as_ref())
}

/// A Friday before a Monday holiday (2026-03-06 / 2026-03-09).
fn holiday_calendar() -> TeamCalendar {
    let mut cal = TeamCalendar::default();
    cal.holidays.insert(day("2026-03-09"));
    cal
}

#[test]
fn v3_p8_a_logged_activity_is_read_back_and_counts_as_the_customers_contact() {
    let mut li = Tablet::new("li", "tab-a");
    let a = visit("a1", "c1", "li", at("2026-03-02", 15));
    let r = activity_change(&a, "f1", &mut li.at(at("2026-03-02", 15))).unwrap();
    let data = data_of(&r);
    assert_eq!(data.activities, vec![a]);
    // The pool reads the same change as a contact by li (P8).
    let (docs, entries) = all_of(&r);
    let mut customer = Document::new("c1", customers::CUSTOMER);
    customer.set("name", "Kite".into(), li.clock.tick(at("2026-03-01", 9)), "li");
    let mut docs = docs;
    docs.push(customer);
    let recs = customers::assemble(docs, entries);
    assert!(recs[0].facts.iter().any(|f| f.kind == FactKind::Contact { rep: "li".into() }));
}

#[test]
fn v2_a_plan_filed_on_one_tablet_is_approved_on_another_after_sync() {
    let mut li = Tablet::new("li", "tab-a");
    let mut wang = Tablet::new("wang", "tab-b");
    let draft = PlanDraft {
        day: Some(day("2026-03-03")),
        goals: "demo the scanner".into(),
        customers: vec!["c1".into(), "c2".into()],
        slots: vec![],
    };
    let filed = plan_change("p1", "li", None, &draft, &mut li.at(at("2026-03-02", 9))).unwrap();
    assert_eq!(data_of(&filed).plans[0].status, PlanStatus::Pending);
    wang.observe(&filed, at("2026-03-02", 10));
    let approved = plan_decision(
        "p1",
        Decision::Approved,
        "take the brochure",
        data_of(&filed).plans[0].revision.as_ref(),
        &mut wang.at(at("2026-03-02", 10)),
    );
    let merged = filed.clone().merge(approved.clone());
    let plan = &data_of(&merged).plans[0];
    assert_eq!(
        (plan.status, plan.opinion.as_str(), plan.decided_by.as_str()),
        (PlanStatus::Approved, "take the brochure", "wang")
    );
    assert_eq!(plan.draft, draft);
    // Merged in the other order, the same plan.
    assert_eq!(data_of(&approved.clone().merge(filed.clone())).plans, data_of(&merged).plans);
    // V8: it is one of the day's approved visits.
    assert_eq!(approved_on(&data_of(&merged), day("2026-03-03")).len(), 1);
    assert!(approved_on(&data_of(&merged), day("2026-03-04")).is_empty());

    // V2: the rep revises the approved plan; only the changed field is stamped, and the
    // plan waits for a new decision.
    li.observe(&approved, at("2026-03-02", 11));
    let revised = PlanDraft { goals: "demo the scanner and the printer".into(), ..draft.clone() };
    let rev = plan_change("p1", "li", Some(&draft), &revised, &mut li.at(at("2026-03-02", 11))).unwrap();
    assert_eq!(rev.docs["p1"].fields.keys().cloned().collect::<Vec<_>>(), vec!["goals".to_string()]);
    assert!(plan_change("p1", "li", Some(&revised), &revised, &mut li.at(at("2026-03-02", 11))).is_none());
    let merged = merged.merge(rev);
    assert_eq!(data_of(&merged).plans[0].status, PlanStatus::Pending);
    assert!(approved_on(&data_of(&merged), day("2026-03-03")).is_empty());
}

#[test]
fn v2_a_revision_made_offline_while_the_manager_approved_leaves_the_plan_pending_whatever_the_clocks() {
    let mut li = Tablet::new("li", "tab-a");
    let mut wang = Tablet::new("wang", "tab-b");
    let draft =
        PlanDraft { day: Some(day("2026-03-03")), goals: "intro".into(), customers: vec!["c1".into()], slots: vec![] };
    let filed = plan_change("p1", "li", None, &draft, &mut li.at(at("2026-03-02", 9))).unwrap();
    wang.observe(&filed, at("2026-03-02", 9));
    let seen = data_of(&filed).plans[0].revision.clone();
    // The rep revises at 09:30 on a tablet whose clock runs an hour behind the manager's,
    // who approves the original at 10:00 by their clock: the stamps put the approval last.
    let revised = PlanDraft { goals: "intro and demo".into(), ..draft.clone() };
    let rev = plan_change("p1", "li", Some(&draft), &revised, &mut li.at(at("2026-03-02", 9) + HOUR / 2)).unwrap();
    let approved = plan_decision("p1", Decision::Approved, "", seen.as_ref(), &mut wang.at(at("2026-03-02", 11)));
    let merged = filed.clone().merge(rev.clone()).merge(approved.clone());
    assert_eq!(data_of(&merged).plans[0].status, PlanStatus::Pending);
    assert_eq!(data_of(&approved.merge(rev).merge(filed)).plans[0].status, PlanStatus::Pending);
}

#[test]
fn v2_a_rejection_made_after_a_revision_stands_and_carries_the_opinion() {
    let mut li = Tablet::new("li", "tab-a");
    let mut wang = Tablet::new("wang", "tab-b");
    let draft =
        PlanDraft { day: Some(day("2026-03-03")), goals: "intro".into(), customers: vec!["c1".into()], slots: vec![] };
    let filed = plan_change("p1", "li", None, &draft, &mut li.at(at("2026-03-02", 9))).unwrap();
    wang.observe(&filed, at("2026-03-02", 12));
    let rejected = plan_decision(
        "p1",
        Decision::Rejected,
        "see the buyer first",
        data_of(&filed).plans[0].revision.as_ref(),
        &mut wang.at(at("2026-03-02", 12)),
    );
    let plan = data_of(&filed.merge(rejected)).plans[0].clone();
    assert_eq!(plan.status, PlanStatus::Rejected);
    assert_eq!(plan.opinion, "see the buyer first");
}

#[test]
fn v5_minutes_of_a_friday_visit_before_a_monday_holiday_are_due_wednesday_and_overdue_thursday() {
    let cal = holiday_calendar();
    let mut li = Tablet::new("li", "tab-a");
    let a = visit("a1", "c1", "li", at("2026-03-06", 15));
    let r = activity_change(&a, "f1", &mut li.at(at("2026-03-06", 15))).unwrap();
    let data = data_of(&r);
    let due = &minutes_items(&data, &cal, at("2026-03-11", 18))[0];
    assert_eq!(due.minutes.due_on, day("2026-03-11"));
    assert_eq!(due.minutes.state, MinutesState::Due);
    assert!(!due.minutes.overdue);
    let late = &minutes_items(&data, &cal, at("2026-03-12", 9))[0];
    assert!(late.minutes.overdue);
    // A call owes no minutes.
    let c =
        activity_change(&call("a2", "c1", "li", at("2026-03-06", 10)), "f2", &mut li.at(at("2026-03-06", 15))).unwrap();
    assert!(minutes_items(&data_of(&c), &cal, at("2026-03-12", 9)).is_empty());
}

#[test]
fn v5_written_reviewed_sent_and_confirmed_minutes_fold_from_entries_of_two_tablets() {
    let cal = holiday_calendar();
    let mut li = Tablet::new("li", "tab-a");
    let mut wang = Tablet::new("wang", "tab-b");
    let a = visit("a1", "c1", "li", at("2026-03-06", 15));
    let mut r = activity_change(&a, "f1", &mut li.at(at("2026-03-06", 15))).unwrap();
    r = r.merge(
        minutes_change("m1", "a1", MinutesStep::Written, "Agreed a pilot.", &mut li.at(at("2026-03-10", 9))).unwrap(),
    );
    wang.observe(&r, at("2026-03-10", 11));
    r = r.merge(minutes_change("m2", "a1", MinutesStep::Reviewed, "", &mut wang.at(at("2026-03-10", 11))).unwrap());
    r = r.merge(minutes_change("m3", "a1", MinutesStep::SentToCustomer, "", &mut li.at(at("2026-03-10", 14))).unwrap());
    let item = &minutes_items(&data_of(&r), &cal, at("2026-03-12", 9))[0];
    assert_eq!(item.minutes.state, MinutesState::Done(MinutesStep::SentToCustomer));
    assert_eq!(item.text, "Agreed a pilot.");
    assert!(!item.minutes.overdue && !item.minutes.written_late);
}

#[test]
fn v7_first_visits_count_as_new_customers_and_later_ones_as_existing() {
    let cal = TeamCalendar::default();
    let acts = vec![
        visit("a1", "c1", "zhao", at("2026-03-02", 10)), // c1 first met by another rep
        visit("a2", "c1", "li", at("2026-03-04", 10)),
        visit("a3", "c2", "li", at("2026-03-04", 11)),
        visit("a4", "c2", "li", at("2026-03-04", 15)), // same new customer, same day: once
        visit("a6", "c4", "li", at("2026-03-03", 15)), // met yesterday: existing today
        visit("a7", "c4", "li", at("2026-03-04", 16)),
        call("a5", "c3", "li", at("2026-03-04", 9)),
    ];
    let q = quota_activities(&acts, "li", &cal);
    assert_eq!(q.len(), 6);
    let p = progress(&QuotaSettings::two_three_four(), &q, &cal, day("2026-03-04"));
    let done: Vec<(u32, u32)> = p.iter().map(|x| (x.done, x.target)).collect();
    // New visited: c2; existing: c1 (first met by zhao) and c4; one call.
    assert_eq!(done, vec![(1, 2), (2, 3), (1, 4)]);
}

fn customer(id: &str, facts: Vec<(FactKind, i64)>, special: bool) -> outpost::domain::customer_list::CustomerView {
    let mut t = Tablet::new("wang", "tab-m");
    let mut r = Replica::default();
    for (i, (k, ms)) in facts.iter().enumerate() {
        r = r.merge(fact_entry(&format!("{id}-f{i}"), id, k, &mut t.at(*ms)).unwrap());
    }
    let rec = CustomerRecord {
        id: id.into(),
        file: CustomerFile { name: id.into(), special_background: special, ..Default::default() },
        contacts: vec![],
        facts: customers::assemble(
            vec![{
                let mut d = Document::new(id, customers::CUSTOMER);
                d.set("name", id.into(), t.clock.tick(facts[0].1), "wang");
                d
            }],
            r.entries.values().cloned().collect(),
        )[0]
        .facts
        .clone(),
        created_ms: facts[0].1,
        created_by: "wang".into(),
        updated_ms: facts[0].1,
    };
    derive(rec, facts[0].1 + DAY, &PoolSettings::default(), &TierSettings::default())
}

#[test]
fn p8_k3_v6_the_loader_feeds_assignment_service_returns_and_flags_to_the_engine() {
    let cal = TeamCalendar::default();
    let settings = CadenceSettings::default();
    let assign = |ms| (FactKind::Assign { rep: "li".into(), reason: AssignReason::Assigned, note: String::new() }, ms);
    // Assigned on Friday 2026-03-06: P8 is due a week later, Friday the 13th.
    let c1 = customer("c1", vec![assign(at("2026-03-06", 9))], false);
    // Special background, last called Tuesday 2026-03-03: V6 weekly, due the 10th.
    let c2 = customer("c2", vec![assign(at("2026-02-02", 9))], true);
    let acts = vec![call("a1", "c2", "li", at("2026-03-03", 9))];
    // K3: a service on Thursday 2026-03-05 owes a return visit by the 12th.
    let services = vec![ServiceReturn { customer_id: "c1".into(), at_ms: at("2026-03-05", 9) }];
    let inputs = cadence_inputs(&[c1.clone(), c2.clone()], &acts, &HashMap::new(), &services, "li");
    let now = at("2026-03-09", 9);
    let n1 = next_contact(&inputs["c1"], &settings, 7, &cal, now).unwrap().unwrap();
    assert_eq!((n1.rule, n1.due_on), (CadenceRule::ServiceReturnVisit, day("2026-03-12")));
    let n2 = next_contact(&inputs["c2"], &settings, 7, &cal, now).unwrap().unwrap();
    assert_eq!((n2.rule, n2.due_on), (CadenceRule::SpecialBackground, day("2026-03-10")));
    // Another rep's customers are not li's follow-ups.
    assert!(cadence_inputs(std::slice::from_ref(&c1), &acts, &HashMap::new(), &services, "zhao").is_empty());
    // A visit after the service clears K3; a contact clears P8.
    let acts = vec![visit("a2", "c1", "li", at("2026-03-09", 15))];
    let inputs = cadence_inputs(&[c1], &acts, &HashMap::new(), &services, "li");
    assert_eq!(next_contact(&inputs["c1"], &settings, 7, &cal, at("2026-03-10", 9)), Ok(None));
}

#[test]
fn v6_v7_team_rules_round_trip_and_a_bad_part_falls_back_to_the_default() {
    let mut wang = Tablet::new("wang", "tab-b");
    let old = ActivityRules::default();
    let new = ActivityRules {
        cadence: CadenceSettings { other_stage_days: 10, ..Default::default() },
        quotas: QuotaSettings::two_three_four(),
    };
    let r = rules_change(&old, &new, &mut wang.at(at("2026-03-02", 9))).unwrap();
    assert_eq!(rules_from_doc(&r.docs[ACTIVITY_RULES_ID]), new);
    assert!(rules_change(&new, &new, &mut wang.at(at("2026-03-02", 9))).is_none());
    let bad = ActivityRules { cadence: CadenceSettings { early_design_days: 0, ..Default::default() }, ..new.clone() };
    let r = rules_change(&old, &bad, &mut wang.at(at("2026-03-02", 10))).unwrap();
    assert_eq!(rules_from_doc(&r.docs[ACTIVITY_RULES_ID]).cadence, CadenceSettings::default());
}

/// A manager's form was filled before another tablet's change arrived: saving keeps the
/// other tablet's change to a setting this form left alone, and this form's own change.
#[test]
fn v6_v7_saving_over_newer_rules_keeps_the_settings_the_form_did_not_change() {
    let base = ActivityRules::default();
    let latest = ActivityRules {
        cadence: CadenceSettings { early_design_days: 10, roll_to_working_day: false, ..Default::default() },
        ..Default::default()
    };
    let mine =
        ActivityRules { cadence: CadenceSettings { other_stage_days: 12, ..Default::default() }, ..base.clone() };
    let saved = mine.rebased(&base, &latest);
    assert_eq!(saved.cadence.early_design_days, 10);
    assert!(!saved.cadence.roll_to_working_day);
    assert_eq!(saved.cadence.other_stage_days, 12);
    assert_eq!(saved.quotas, base.quotas);
    // Both changed the same setting: the form's value is saved (it is what was typed last).
    let mine =
        ActivityRules { cadence: CadenceSettings { early_design_days: 5, ..Default::default() }, ..base.clone() };
    assert_eq!(mine.rebased(&base, &latest).cadence.early_design_days, 5);
    // The quotas go as one: a preset chosen here replaces the stored quotas whole.
    let mine = ActivityRules { quotas: QuotaSettings::two_three_four(), ..base.clone() };
    assert_eq!(mine.rebased(&base, &latest).quotas, QuotaSettings::two_three_four());
    // Nothing newer: what is saved is what the form holds.
    assert_eq!(mine.rebased(&base, &base), mine);
}

#[test]
fn the_store_reads_back_what_was_applied_locally() {
    let store = MemoryStore::default();
    let mut li = Tablet::new("li", "tab-a");
    let a = visit("a1", "c1", "li", at("2026-03-02", 15));
    let r = activity_change(&a, "f1", &mut li.at(at("2026-03-02", 15))).unwrap();
    let draft =
        PlanDraft { day: Some(day("2026-03-03")), goals: "g".into(), customers: vec!["c1".into()], slots: vec![] };
    let r = r.merge(plan_change("p1", "li", None, &draft, &mut li.at(at("2026-03-02", 16))).unwrap());
    block_on(apply_local(&store, &r, &li.clock)).unwrap();
    let data = block_on(load_activity_data(&store)).unwrap();
    assert_eq!(data.activities, vec![a]);
    assert_eq!(data.plans.len(), 1);
    assert_eq!(data.rules, ActivityRules::default());
}

// ---------------------------------------------------------------- projects (J1–J3)

use outpost::domain::project::{default_bid_checklist, Project, ProjectStage};
use outpost::storage::projects::{assemble_projects, open_stages, project_change, stage_change};

fn project(id: &str, customer: &str) -> Project {
    Project {
        id: id.into(),
        customer_id: customer.into(),
        name: "HQ wiring".into(),
        bid_deadline_ms: Some(at("2026-03-10", 10)),
        key_dates: vec![],
        bid_checklist: default_bid_checklist(),
        milestones: vec![],
    }
}

fn projects_of(r: &Replica) -> Vec<outpost::storage::projects::ProjectRecord> {
    let (docs, entries) = all_of(r);
    assemble_projects(&docs, &entries)
}

#[test]
fn j1_stage_changes_from_two_tablets_only_move_forward_and_keep_their_history() {
    let mut li = Tablet::new("li", "tab-a");
    let mut wang = Tablet::new("wang", "tab-b");
    let p = project("p1", "c1");
    let mut r = project_change(None, &p, false, &mut li.at(at("2026-03-02", 9))).unwrap();
    r = r.merge(stage_change("s1", "p1", ProjectStage::PreliminaryDesign, &mut li.at(at("2026-03-02", 9))).unwrap());
    r = r.merge(stage_change("s2", "p1", ProjectStage::Bidding, &mut li.at(at("2026-03-04", 9))).unwrap());
    // A stale tablet moves it back to preliminary design later: skipped by the fold.
    let stale = stage_change("s3", "p1", ProjectStage::PreliminaryDesign, &mut wang.at(at("2026-03-05", 9))).unwrap();
    let rec = &projects_of(&r.clone().merge(stale.clone()))[0];
    assert_eq!(rec.stages.current, Some(ProjectStage::Bidding));
    assert_eq!(rec.stages.history.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), vec!["s1", "s2"]);
    assert_eq!(projects_of(&stale.merge(r.clone()))[0].stages, rec.stages);
    // V6 reads the open project's stage; a closed project is not followed up.
    assert_eq!(open_stages(&projects_of(&r))["c1"], vec![ProjectStage::Bidding]);
    let closed = project_change(Some((&p, false)), &p, true, &mut li.at(at("2026-03-06", 9))).unwrap();
    assert_eq!(closed.docs["p1"].fields.keys().cloned().collect::<Vec<_>>(), vec!["closed".to_string()]);
    assert!(open_stages(&projects_of(&r.merge(closed))).is_empty());
}

#[test]
fn j2_bid_documents_are_due_two_days_before_the_deadline_and_checked_off_field_by_field() {
    let cal = TeamCalendar::default();
    let mut li = Tablet::new("li", "tab-a");
    let mut wang = Tablet::new("wang", "tab-b");
    let p = project("p1", "c1");
    let r = project_change(None, &p, false, &mut li.at(at("2026-03-02", 9))).unwrap();
    // Deadline Tuesday the 10th: documents ready by Sunday the 8th (calendar days, J2).
    let docs = projects_of(&r)[0].project.bid_docs(&cal, at("2026-03-09", 9)).unwrap();
    assert_eq!(docs.due_on, day("2026-03-08"));
    assert!(docs.not_ready);
    assert_eq!(docs.missing.len(), 2);
    // One tablet ticks the checklist, the other renames the project: both survive.
    let mut ticked = p.clone();
    ticked.bid_checklist.iter_mut().for_each(|i| i.ready = true);
    let a = project_change(Some((&p, false)), &ticked, false, &mut li.at(at("2026-03-05", 9))).unwrap();
    let renamed = Project { name: "HQ wiring, phase 2".into(), ..p.clone() };
    let b = project_change(Some((&p, false)), &renamed, false, &mut wang.at(at("2026-03-05", 9))).unwrap();
    let rec = &projects_of(&r.merge(a).merge(b))[0];
    assert_eq!(rec.project.name, "HQ wiring, phase 2");
    let docs = rec.project.bid_docs(&cal, at("2026-03-09", 9)).unwrap();
    assert!(docs.missing.is_empty() && !docs.not_ready);
}

#[test]
fn v6_an_early_design_project_feeds_the_cadence_its_weekly_follow_up() {
    let cal = TeamCalendar::default();
    let mut li = Tablet::new("li", "tab-a");
    let p = project("p1", "c1");
    let r = project_change(None, &p, false, &mut li.at(at("2026-03-02", 9)))
        .unwrap()
        .merge(stage_change("s1", "p1", ProjectStage::PreliminaryDesign, &mut li.at(at("2026-03-02", 9))).unwrap());
    let assign = (
        FactKind::Assign { rep: "li".into(), reason: AssignReason::Assigned, note: String::new() },
        at("2026-02-02", 9),
    );
    let c1 = customer("c1", vec![assign], false);
    // Last visited Friday the 6th: weekly → Friday the 13th.
    let acts = vec![visit("a1", "c1", "li", at("2026-03-06", 15))];
    let inputs = cadence_inputs(&[c1], &acts, &open_stages(&projects_of(&r)), &[], "li");
    let n = next_contact(&inputs["c1"], &CadenceSettings::default(), 7, &cal, at("2026-03-09", 9)).unwrap().unwrap();
    assert_eq!((n.rule, n.due_on), (CadenceRule::EarlyDesignProject, day("2026-03-13")));
}

// ---------------------------------------------------------------- diary and reports (V9)

use outpost::domain::report::{report, Diary, ReportPeriod};
use outpost::storage::activities::{diary_change, diary_from_doc, diary_id, report_inputs};

#[test]
fn v9_a_diary_merges_field_by_field_and_the_week_report_counts_plan_progress_results_and_questions() {
    let cal = holiday_calendar();
    let mut li = Tablet::new("li", "tab-a");
    let mut li2 = Tablet::new("li", "tab-c");
    let mut wang = Tablet::new("wang", "tab-b");
    // V2: an approved plan for Thursday with two customers; one is visited, to closing.
    let draft = PlanDraft {
        day: Some(day("2026-03-05")),
        goals: "g".into(),
        customers: vec!["c1".into(), "c2".into()],
        slots: vec![],
    };
    let mut r = plan_change("p1", "li", None, &draft, &mut li.at(at("2026-03-04", 9))).unwrap();
    wang.observe(&r, at("2026-03-04", 10));
    let seen = data_of(&r).plans[0].revision.clone();
    r = r.merge(plan_decision("p1", Decision::Approved, "", seen.as_ref(), &mut wang.at(at("2026-03-04", 10))));
    let mut closing = visit("a1", "c1", "li", at("2026-03-05", 15));
    closing.visit_stage = Some(VisitStage::Closing);
    r = r.merge(activity_change(&closing, "f1", &mut li.at(at("2026-03-05", 15))).unwrap());
    r = r.merge(
        activity_change(&call("a2", "c3", "li", at("2026-03-05", 9)), "f2", &mut li.at(at("2026-03-05", 9))).unwrap(),
    );
    // Friday's visit: minutes due Wednesday (Monday is a holiday), written Tuesday.
    r = r.merge(
        activity_change(&visit("a3", "c2", "li", at("2026-03-06", 10)), "f3", &mut li.at(at("2026-03-06", 10)))
            .unwrap(),
    );
    r = r.merge(minutes_change("m1", "a3", MinutesStep::Written, "ok", &mut li.at(at("2026-03-10", 9))).unwrap());
    // The diary for Thursday: text on one tablet, open questions on another, offline.
    let base =
        Diary { rep: "li".into(), day: Some(day("2026-03-05")), text: "Visited Kite".into(), ..Default::default() };
    // (A fresh tablet: `li` has already stamped next week's minutes.)
    let mut li = Tablet::new("li", "tab-d");
    let d1 = diary_change(None, &base, &mut li.at(at("2026-03-05", 18))).unwrap();
    li2.observe(&d1, at("2026-03-05", 19));
    let with_q = Diary { open_questions: "Price for 500 units?\nWho signs?".into(), ..base.clone() };
    let d2 = diary_change(Some(&base), &with_q, &mut li2.at(at("2026-03-05", 19))).unwrap();
    let with_text =
        Diary { text: "Visited Kite; demo went well".into(), improvements: "Bring samples".into(), ..base.clone() };
    let d3 = diary_change(Some(&base), &with_text, &mut li.at(at("2026-03-05", 19))).unwrap();
    let diary = diary_from_doc(&d1.clone().merge(d2).merge(d3).docs[&diary_id("li", day("2026-03-05"))]).unwrap();
    assert_eq!(diary.text, "Visited Kite; demo went well");
    assert_eq!(diary.questions(), vec!["Price for 500 units?".to_string(), "Who signs?".to_string()]);

    let data = data_of(&r);
    let (plans, minutes) = report_inputs(&data, &cal, at("2026-03-12", 9));
    let rows = report(
        &["li".into(), "zhao".into()],
        &data.activities,
        &plans,
        &minutes,
        &[diary],
        &cal,
        ReportPeriod::Week,
        day("2026-03-05"),
    );
    let li_row = &rows[0];
    assert_eq!(li_row.counts, [1, 2, 0, 0, 0]);
    assert_eq!((li_row.planned, li_row.planned_met), (2, 2)); // c2 met Friday, after its planned day
                                                              // V2: Thursday's visit to c1 was on the approved plan; Friday's to c2 was not (its
                                                              // plan named Thursday), so it counts as unplanned.
    assert_eq!(li_row.unplanned, 1);
    assert_eq!(li_row.closings, 1);
    // Thursday's visit had no minutes by Monday evening → overdue by now; Friday's on time.
    assert_eq!((li_row.minutes_on_time, li_row.minutes_late), (1, 1));
    assert_eq!(li_row.open_questions.len(), 2);
    assert_eq!(li_row.improvements, vec![(day("2026-03-05"), "Bring samples".to_string())]);
    // The team row sums the reps.
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2].rep, "");
    assert_eq!(rows[2].total(), 3);
    assert_eq!(rows[2].unplanned, 1);
    // The day report for Wednesday holds nothing of li's.
    let wed =
        report(&["li".into()], &data.activities, &plans, &minutes, &[], &cal, ReportPeriod::Day, day("2026-03-04"));
    assert_eq!(wed[0].total(), 0);
}
