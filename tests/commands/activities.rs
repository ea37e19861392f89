//! V2 visit plans, V5 minutes, V6/V7 team rules.

use outpost::app::activities::{
    can_decide_visit_plans, decide_visit_plan, file_visit_plan, record_minutes_step, review_minutes,
    save_activity_rules,
};
use outpost::app::{Action, CommandError, Needed, RuleError};
use outpost::domain::activity::ActivityError;
use outpost::domain::activity::{Activity, ActivityKind, PersonMet, VisitStage};
use outpost::domain::minutes::{MinutesState, MinutesStep};
use outpost::domain::project::ProjectError;
use outpost::domain::visit_plan::{Decision, PlanDraft, PlanError, PlanStatus};
use outpost::storage::activities::{activity_change, load_activity_data, minutes_items, ActivityRules};
use outpost::storage::memory::MemoryStore;
use pollster::block_on;

use super::common::*;
use super::team_with_customer;

fn draft() -> PlanDraft {
    PlanDraft {
        day: "2026-01-05".parse().ok(),
        goals: "demo the new line".into(),
        customers: vec!["c1".into()],
        slots: vec![],
    }
}

async fn with_plan() -> (MemoryStore, String) {
    let s = team_with_customer("c1").await;
    let r = file_visit_plan(&s, &li(at(0)), None, &draft()).await.expect("filed");
    let id = r.docs.into_keys().next().unwrap();
    (s, id)
}

#[test]
fn v2_a_rep_deciding_a_visit_plan_is_refused_and_the_manager_approves_it() {
    block_on(async {
        let (s, plan) = with_plan().await;
        let seen = load_activity_data(&s).await.unwrap().plans[0].revision.clone();
        let before = stored_count(&s).await;
        let refused = decide_visit_plan(&s, &li(at(DAY)), &plan, Decision::Approved, "", seen.as_ref()).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::DecideVisitPlan, .. })));
        assert_eq!(stored_count(&s).await, before);
        assert!(can_decide_visit_plans(&wang(0)) && !can_decide_visit_plans(&li(0)));
        decide_visit_plan(&s, &wang(at(DAY)), &plan, Decision::Approved, "go", seen.as_ref()).await.unwrap();
        assert_eq!(load_activity_data(&s).await.unwrap().plans[0].status, PlanStatus::Approved);
    });
}

#[test]
fn v2_a_rejection_gives_the_managers_opinion() {
    block_on(async {
        let (s, plan) = with_plan().await;
        let seen = load_activity_data(&s).await.unwrap().plans[0].revision.clone();
        let bare = decide_visit_plan(&s, &wang(at(DAY)), &plan, Decision::Rejected, " ", seen.as_ref()).await;
        assert_eq!(bare, Err(RuleError::Plan(PlanError::RejectWithoutOpinion).into()));
    });
}

#[test]
fn v2_only_a_rep_files_a_plan_and_only_their_own_is_revised() {
    block_on(async {
        let (s, plan) = with_plan().await;
        assert!(matches!(
            file_visit_plan(&s, &wang(at(0)), None, &draft()).await,
            Err(CommandError::NotAllowed { .. })
        ));
        let later = PlanDraft { goals: "sign".into(), ..draft() };
        let by_other = file_visit_plan(&s, &zhao(at(1)), Some(&plan), &later).await;
        assert!(matches!(by_other, Err(CommandError::NotAllowed { .. })));
        file_visit_plan(&s, &li(at(1)), Some(&plan), &later).await.unwrap();
        assert_eq!(load_activity_data(&s).await.unwrap().plans[0].draft.goals, "sign");
    });
}

#[test]
fn v5_the_rep_writes_minutes_and_only_the_manager_reviews_them() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let visit = Activity {
            id: "a1".into(),
            customer_id: "c1".into(),
            rep: "li".into(),
            kind: ActivityKind::Visit,
            at_ms: at(0),
            people_met: vec![PersonMet { name: "Chen".into(), title: "CFO".into(), decision_maker: true }],
            needs: "fewer outages".into(),
            visit_stage: Some(VisitStage::Opening),
            next_step: None,
            notes: String::new(),
            first_contact: None,
        };
        let mut t = Tablet::new("li", "tab-a");
        let change = activity_change(&visit, "f1", &mut t.at(at(0))).unwrap();
        seed(&s, &change, &t.clock).await;
        // The manager cannot write the rep's minutes; nor review before they exist.
        let by_manager = record_minutes_step(&s, &wang(at(DAY)), "a1", MinutesStep::Written, "notes").await;
        assert!(matches!(by_manager, Err(CommandError::NotAllowed { .. })));
        assert!(matches!(
            review_minutes(&s, &wang(at(DAY)), "a1").await,
            Err(CommandError::Rule(RuleError::Minutes(_)))
        ));
        record_minutes_step(&s, &li(at(DAY)), "a1", MinutesStep::Written, "we agreed a pilot").await.unwrap();
        let by_rep = review_minutes(&s, &li(at(DAY + 1)), "a1").await;
        assert!(matches!(by_rep, Err(CommandError::NotAllowed { action: Action::MinutesStep, .. })));
        review_minutes(&s, &wang(at(DAY + 1)), "a1").await.unwrap();
        let data = load_activity_data(&s).await.unwrap();
        let cal = outpost::storage::settings::load_calendar(&s).await.unwrap();
        let m = &minutes_items(&data, &cal, at(DAY + 2))[0];
        assert_eq!(m.minutes.state, MinutesState::Done(MinutesStep::Reviewed));
    });
}

#[test]
fn v6_v7_only_a_manager_saves_the_cadence_and_quotas() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let mut rules = ActivityRules::default();
        rules.quotas.quotas[0].min = 25;
        let refused = save_activity_rules(&s, &li(at(0)), &rules).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::SaveActivityRules, .. })));
        save_activity_rules(&s, &wang(at(0)), &rules).await.unwrap();
        assert_eq!(load_activity_data(&s).await.unwrap().rules, rules);
    });
}

fn call(rep: &str, at_ms: i64) -> Activity {
    Activity {
        id: format!("call-{rep}-{at_ms}"),
        customer_id: "c1".into(),
        rep: rep.into(),
        kind: ActivityKind::Call,
        at_ms,
        people_met: vec![PersonMet { name: "Chen".into(), title: "CFO".into(), decision_maker: true }],
        needs: String::new(),
        visit_stage: None,
        next_step: None,
        notes: String::new(),
        first_contact: None,
    }
}

#[test]
fn v3_v7_an_activity_is_logged_only_as_the_loggers_own_and_one_in_another_reps_name_counts_nowhere() {
    use outpost::app::activities::{can_log_activity_for, log_activity};
    block_on(async {
        let s = team_with_customer("c1").await;
        assert!(can_log_activity_for(&li(0), "li") && !can_log_activity_for(&li(0), "zhao"));
        assert!(!can_log_activity_for(&wang(0), "li"), "a manager logs his own contacts, not the rep's diary");
        let before = stored_count(&s).await;
        for (who, rep) in [(li(at(DAY)), "zhao"), (wang(at(DAY)), "li")] {
            let r = log_activity(&s, &who, &call(rep, at(DAY))).await;
            assert!(matches!(r, Err(CommandError::NotAllowed { action: Action::RecordActivity, .. })), "{r:?}");
        }
        let future = log_activity(&s, &li(at(DAY)), &call("li", at(3 * DAY))).await;
        assert!(matches!(future, Err(CommandError::Rule(RuleError::Activity(ActivityError::InFuture)))), "{future:?}");
        let unknown =
            log_activity(&s, &li(at(DAY)), &Activity { customer_id: "c9".into(), ..call("li", at(DAY)) }).await;
        assert_eq!(unknown, Err(RuleError::NotFound("customer").into()));
        assert_eq!(stored_count(&s).await, before);

        log_activity(&s, &li(at(DAY)), &call("li", at(DAY))).await.unwrap();
        // A tampered tablet stores a call in Zhao's name, authored by Li: no fold counts it.
        let mut t = Tablet::new("li", "tab-a");
        let forged = activity_change(&call("zhao", at(DAY)), "f-forged", &mut t.at(at(DAY) + 1)).unwrap();
        seed(&s, &forged, &t.clock).await;
        let reps: Vec<String> = load_activity_data(&s).await.unwrap().activities.into_iter().map(|a| a.rep).collect();
        assert_eq!(reps, vec!["li".to_owned()]);
    });
}

#[test]
fn v9_a_work_diary_is_saved_as_its_writers_own_and_fields_forged_into_anothers_diary_count_nowhere() {
    use outpost::app::activities::save_diary;
    use outpost::domain::report::Diary;
    use outpost::storage::activities::diary_change;
    block_on(async {
        let s = team_with_customer("c1").await;
        let day: chrono::NaiveDate = "2026-01-02".parse().unwrap();
        save_diary(&s, &li(at(DAY)), None, day, "two visits", "price?", "").await.unwrap();
        let again = save_diary(&s, &li(at(DAY)), None, day, "two visits", "price?", "").await;
        assert!(again.unwrap_err().is_unchanged());
        // Zhao's own diary for the day is his, not a change to Li's.
        save_diary(&s, &zhao(at(DAY)), None, day, "calls", "", "").await.unwrap();
        // A tampered tablet: Zhao writes into Li's diary document.
        let theirs = Diary {
            rep: "li".into(),
            day: Some(day),
            text: "nothing done".into(),
            open_questions: String::new(),
            improvements: String::new(),
        };
        let mut t = Tablet::new("zhao", "tab-c");
        let old = load_activity_data(&s).await.unwrap().diaries.into_iter().find(|d| d.rep == "li").unwrap();
        let forged = diary_change(Some(&old), &theirs, &mut t.at(at(DAY) + 5)).unwrap();
        seed(&s, &forged, &t.clock).await;
        let diaries = load_activity_data(&s).await.unwrap().diaries;
        // Zhao's fields read as never written (a register keeps its latest write only, as
        // with every field the roster refuses): Li's diary stays his, without them.
        let li_diary = diaries.iter().find(|d| d.rep == "li").expect("still listed");
        assert_eq!((li_diary.text.as_str(), li_diary.open_questions.as_str()), ("", ""));
        assert_eq!(diaries.iter().find(|d| d.rep == "zhao").unwrap().text, "calls");
    });
}

#[test]
fn j1_j3_a_project_starts_with_a_stored_customer_moves_only_forward_and_keeps_its_milestones_valid() {
    use outpost::app::activities::{advance_project, edit_project, start_project};
    use outpost::domain::project::{default_bid_checklist, Milestone, MilestoneKind, Project, ProjectStage};
    block_on(async {
        let s = team_with_customer("c1").await;
        let p = Project {
            id: "pj1".into(),
            customer_id: "c1".into(),
            name: "Cold store".into(),
            bid_deadline_ms: None,
            key_dates: vec![],
            bid_checklist: default_bid_checklist(),
            milestones: vec![],
        };
        let before = stored_count(&s).await;
        let nameless = Project { name: " ".into(), ..p.clone() };
        let refused = start_project(&s, &li(at(1)), &nameless, ProjectStage::Bidding).await;
        assert!(matches!(refused, Err(CommandError::Rule(RuleError::Empty(Needed::ProjectName)))));
        let elsewhere = Project { customer_id: "c9".into(), ..p.clone() };
        let refused = start_project(&s, &li(at(1)), &elsewhere, ProjectStage::Bidding).await;
        assert_eq!(refused, Err(RuleError::NotFound("customer").into()));
        assert_eq!(stored_count(&s).await, before);
        start_project(&s, &li(at(1)), &p, ProjectStage::Bidding).await.unwrap();
        let back = advance_project(&s, &li(at(2)), "pj1", ProjectStage::PreliminaryDesign).await;
        assert!(
            matches!(back, Err(CommandError::Rule(RuleError::Project(ProjectError::Backward { .. })))),
            "J1: never back"
        );
        advance_project(&s, &zhao(at(3)), "pj1", ProjectStage::DetailedDesign).await.unwrap();
        // J3: an advance payment done before the contract breaks the milestones.
        let paid_early = edit_project(&s, &li(at(4)), "pj1", None, |p| {
            p.milestones.push(Milestone {
                kind: MilestoneKind::AdvancePayment,
                planned_on: None,
                done_ms: Some(at(4)),
                amount_fen: Some(100),
            })
        })
        .await;
        assert!(
            matches!(paid_early, Err(CommandError::Rule(RuleError::Project(ProjectError::BeforeContract(_))))),
            "{paid_early:?}"
        );
        edit_project(&s, &li(at(5)), "pj1", Some(true), |p| p.bid_checklist[0].ready = true).await.unwrap();
        let data = load_activity_data(&s).await.unwrap();
        let rec = &data.projects[0];
        assert_eq!((rec.stages.current, rec.closed), (Some(ProjectStage::DetailedDesign), true));
        assert!(rec.project.bid_checklist[0].ready);
        assert!(edit_project(&s, &li(at(6)), "pj1", Some(true), |_| {}).await.unwrap_err().is_unchanged());
    });
}

#[test]
fn v8_a_plan_filed_with_a_morning_call_makes_the_reps_day_once_approved_and_a_call_that_day_ticks_it() {
    use outpost::app::activities::log_activity;
    use outpost::domain::day_plan::{PlanKind, PlanSlot, Slot};
    use outpost::storage::day_plans::{rep_day_plan, CadenceContext};
    use outpost::storage::settings::load_calendar;
    block_on(async {
        let s = team_with_customer("c1").await;
        let call = PlanSlot { customer: "c1".into(), kind: PlanKind::Call, slot: Slot::Morning, time: None };
        let planned = PlanDraft { slots: vec![call.clone()], ..draft() };
        // A manager files no plan, with or without slots.
        let refused = file_visit_plan(&s, &wang(at(0)), None, &planned).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::FileVisitPlan, .. })));
        let plan = file_visit_plan(&s, &li(at(0)), None, &planned).await.unwrap().docs.into_keys().next().unwrap();
        let monday: chrono::NaiveDate = "2026-01-05".parse().unwrap();
        let ten_am = at(4 * DAY + 2 * 3_600_000); // 10:00 team time (UTC+8)
        let day_of = |rep: &'static str| {
            let s = &s;
            async move {
                let data = load_activity_data(s).await.unwrap();
                let cal = load_calendar(s).await.unwrap();
                let ctx = CadenceContext { customers: &[], services: &[], p8_days: 7, cal: &cal, now_ms: ten_am };
                rep_day_plan(&data, &ctx, rep, monday)
            }
        };
        // Pending: not on the day yet.
        assert!(day_of("li").await.is_empty());
        let seen = load_activity_data(&s).await.unwrap().plans[0].revision.clone();
        decide_visit_plan(&s, &wang(at(DAY)), &plan, Decision::Approved, "", seen.as_ref()).await.unwrap();
        let day = day_of("li").await;
        assert_eq!(day.morning.len(), 1);
        assert_eq!((day.morning[0].kind, day.morning[0].done), (PlanKind::Call, false));
        assert!(day_of("zhao").await.is_empty()); // li's plan is li's day only
        let a = Activity {
            id: "a1".into(),
            customer_id: "c1".into(),
            rep: "li".into(),
            kind: ActivityKind::Call,
            at_ms: ten_am,
            people_met: vec![],
            needs: String::new(),
            visit_stage: None,
            next_step: None,
            notes: String::new(),
            first_contact: None,
        };
        log_activity(&s, &li(ten_am), &a).await.unwrap();
        assert!(day_of("li").await.morning[0].done);
    });
}
