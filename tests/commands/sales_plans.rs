//! Sales plans (V9), the application status report (A1) and training records (seed
//! 003) through the commands: a rep writes and revises their own plan, only a manager
//! approves or returns it, and every device leaves out a forged approval or a plan in
//! another rep's name; progress, the status report and training hours are folded.

use outpost::app::application_report::application_status;
use outpost::app::applications::{open_application, save_checklists, submit_application, tick_material};
use outpost::app::orders::confirm_payment;
use outpost::app::sales_plans::{decide_plan, plans_of, write_plan};
use outpost::app::trainings::{record_training, training_sheet};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::application::{ApplicationStatus, Checklists};
use outpost::domain::profile::Role;
use outpost::domain::sales_plan::{PlanDraft, PlanGoal, SalesPlanError, SalesPlanStatus};
use outpost::domain::target::{Measure, Period};
use outpost::domain::training::{Training, TrainingError};
use outpost::storage::sales_plans::{decision_change, load_plans, version_change};
use outpost::storage::trainings::{load_trainings, training_change};
use pollster::block_on;

use super::common::*;
use super::orders::with_recorded_payment;
use super::role_folds::{forge, li_as, signed_team};
use super::roster::keyed;
use super::team_with_customer;

fn january() -> Period {
    Period::parse("2026-01").unwrap()
}

fn draft(sales_yuan: i64) -> PlanDraft {
    PlanDraft {
        period: january(),
        goals: vec![
            PlanGoal { measure: Measure::Sales, amount: sales_yuan * 100 },
            PlanGoal { measure: Measure::Applications, amount: 2 },
        ],
        actions: "win the Fengtai dealer\n\nstall at the spring fair".into(),
    }
}

async fn current_version(s: &outpost::storage::memory::MemoryStore, rep: &str) -> String {
    let plans = load_plans(s).await.unwrap();
    plans.iter().find(|p| p.rep == rep).and_then(|p| p.current()).map(|v| v.id.clone()).unwrap()
}

#[test]
fn v9_a_rep_writes_a_plan_a_manager_approves_it_and_a_revision_waits_again_with_the_history_kept() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let by_manager = write_plan(&s, &wang(at(0)), &draft(80_000)).await;
        assert_eq!(by_manager, Err(CommandError::NotAllowed { action: Action::WriteSalesPlan, role: Role::Manager }));
        write_plan(&s, &li(at(1)), &draft(80_000)).await.unwrap();
        assert!(write_plan(&s, &li(at(2)), &draft(80_000)).await.unwrap_err().is_unchanged());
        let v1 = current_version(&s, "li").await;
        decide_plan(&s, &wang(at(3)), "li", january(), &v1, true, "").await.unwrap();
        let plans = plans_of(&s, &li(at(4)), january()).await.unwrap();
        assert_eq!(plans[0].status(), SalesPlanStatus::Approved);
        assert_eq!(plans[0].plan.current().unwrap().draft.action_lines().len(), 2);

        write_plan(&s, &li(at(5)), &draft(90_000)).await.unwrap();
        let plans = plans_of(&s, &li(at(6)), january()).await.unwrap();
        assert_eq!(plans[0].status(), SalesPlanStatus::Submitted, "the manager approved the old version");
        assert_eq!(plans[0].plan.versions.len(), 2);
        assert_eq!(plans[0].plan.versions[0].draft.goals[0].amount, 80_000_00);
        let stale = decide_plan(&s, &wang(at(7)), "li", january(), &v1, true, "").await;
        assert_eq!(stale, Err(RuleError::SalesPlan(SalesPlanError::Stale).into()));
    });
}

#[test]
fn v9_only_a_manager_decides_a_plan_and_a_return_says_why() {
    block_on(async {
        let s = team_with_customer("c1").await;
        write_plan(&s, &li(at(1)), &draft(80_000)).await.unwrap();
        let v1 = current_version(&s, "li").await;
        let before = stored_count(&s).await;
        for who in [li(at(2)), zhao(at(2)), qian(at(2))] {
            let r = decide_plan(&s, &who, "li", january(), &v1, true, "").await;
            assert!(matches!(r, Err(CommandError::NotAllowed { action: Action::DecideSalesPlan, .. })), "{r:?}");
        }
        let no_comment = decide_plan(&s, &wang(at(3)), "li", january(), &v1, false, "  ").await;
        assert_eq!(no_comment, Err(RuleError::SalesPlan(SalesPlanError::ReturnWithoutComment).into()));
        let week = PlanDraft { period: Period::parse("2026-W02").unwrap(), ..draft(1) };
        let refused = write_plan(&s, &li(at(3)), &week).await;
        assert_eq!(refused, Err(RuleError::SalesPlan(SalesPlanError::NotAPlanPeriod).into()));
        assert_eq!(stored_count(&s).await, before);
        decide_plan(&s, &wang(at(4)), "li", january(), &v1, false, "add the dealers you will visit").await.unwrap();
        let plans = plans_of(&s, &wang(at(5)), january()).await.unwrap();
        assert_eq!(plans[0].status(), SalesPlanStatus::Returned);
        assert_eq!(plans[0].plan.decision().unwrap().comment, "add the dealers you will visit");
        // A rep sees only their own plans; the manager every rep's.
        write_plan(&s, &zhao(at(6)), &draft(50_000)).await.unwrap();
        assert_eq!(plans_of(&s, &li(at(7)), january()).await.unwrap().len(), 1);
        assert_eq!(plans_of(&s, &wang(at(7)), january()).await.unwrap().len(), 2);
    });
}

#[test]
fn v9_a_forged_approval_and_a_plan_written_in_another_reps_name_count_on_no_device() {
    block_on(async {
        let s = signed_team().await;
        write_plan(&s, &keyed(li(at(20))), &draft(80_000)).await.unwrap();
        let v1 = current_version(&s, "li").await;
        // Li picks the manager role on his tablet and approves his own plan.
        decide_plan(&s, &li_as(Role::Manager, at(21)), "li", january(), &v1, true, "")
            .await
            .expect("his tablet stores it");
        let plans = load_plans(&s).await.unwrap();
        assert_eq!(plans[0].status(), SalesPlanStatus::Submitted);
        // Zhao writes a plan in Li's name, and approves it as a forged decision.
        forge(&s, "zhao", "tab-c", at(22), |by| version_change("sp:forged", "li", &draft(1), by)).await;
        let plans = load_plans(&s).await.unwrap();
        assert_eq!(plans.len(), 1);
        assert_eq!(plans[0].current().unwrap().id, v1, "the forged version is not Li's plan");
        forge(&s, "zhao", "tab-c", at(23), |by| decision_change("d-forged", &plans[0], &v1, true, "", by)).await;
        assert_eq!(load_plans(&s).await.unwrap()[0].status(), SalesPlanStatus::Submitted);
        // The manager's approval counts.
        decide_plan(&s, &keyed(wang(at(24))), "li", january(), &v1, true, "go").await.unwrap();
        assert_eq!(load_plans(&s).await.unwrap()[0].status(), SalesPlanStatus::Approved);
    });
}

#[test]
fn v9_the_plans_sales_progress_moves_when_finance_confirms_the_payment() {
    block_on(async {
        let (s, pay) = with_recorded_payment().await;
        write_plan(&s, &li(at(DAY)), &draft(100_000)).await.unwrap();
        let sales = |v: &[outpost::app::sales_plans::PlanView]| v[0].progress[0].progress;
        let before = sales(&plans_of(&s, &li(at(16 * DAY)), january()).await.unwrap());
        assert_eq!((before.actual, before.attainment_bp), (0, Some(0)));
        confirm_payment(&s, &qian(at(16 * DAY)), &pay).await.unwrap();
        let after = sales(&plans_of(&s, &li(at(16 * DAY)), january()).await.unwrap());
        assert_eq!((after.actual, after.attainment_bp, after.gap), (60_000_00, Some(6000), 40_000_00));
        // 17 January 2026 is a Saturday: 12 of January's 22 working days are gone, and
        // 40,000 yuan are left for the other 10.
        assert_eq!((after.days_done, after.days_total, after.per_day_needed), (12, 22, Some(4_000_00)));
    });
}

#[test]
fn a1_the_status_report_lists_a_reps_application_waiting_and_flags_it_past_three_working_days() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let lists = Checklists([("card".to_owned(), vec!["ID copy".to_owned(), "Payslip".to_owned()])].into());
        save_checklists(&s, &wang(at(0)), &lists).await.unwrap();
        open_application(&s, &li(at(1)), "c1", "card").await.unwrap();
        let id = outpost::storage::applications::load_applications(&s).await.unwrap().applications[0].id.clone();
        let r = application_status(&s, &li(at(2)), january()).await.unwrap();
        assert_eq!(r.lines[0].missing, vec!["ID copy".to_string(), "Payslip".to_string()]);
        tick_material(&s, &li(at(3)), &id, "ID copy", true).await.unwrap();
        tick_material(&s, &li(at(4)), &id, "Payslip", true).await.unwrap();
        // Submitted on Thursday 1 January (08:00 in the team's zone).
        submit_application(&s, &li(at(5)), &id).await.unwrap();
        let on = |days: i64| at(days * DAY + 5);
        let r = application_status(&s, &wang(on(5)), january()).await.unwrap();
        assert_eq!(r.lines[0].status, ApplicationStatus::Submitted);
        assert_eq!((r.lines[0].waiting_days, r.lines[0].late), (Some(3), false), "Fri, Mon, Tue");
        let r = application_status(&s, &wang(on(6)), january()).await.unwrap();
        assert_eq!((r.lines[0].waiting_days, r.lines[0].late), (Some(4), true));
        assert_eq!(r.summaries.last().unwrap().late, 1);
        // Zhao's report does not show Li's application.
        assert!(application_status(&s, &zhao(on(6)), january()).await.unwrap().lines.is_empty());
    });
}

fn training(rep: &str, day: &str, minutes: i64) -> Training {
    Training {
        rep: rep.into(),
        day: day.parse().unwrap(),
        title: "Gold card product training".into(),
        topic: "credit cards".into(),
        minutes,
        trainer: "Zhou".into(),
        notes: String::new(),
    }
}

#[test]
fn seed003_a_rep_records_their_own_training_a_manager_anyones_and_the_team_hours_are_summed() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let now = at(20 * DAY);
        record_training(&s, &li(now), &training("li", "2026-01-05", 90)).await.unwrap();
        let for_zhao = record_training(&s, &li(now), &training("zhao", "2026-01-05", 60)).await;
        assert_eq!(for_zhao, Err(CommandError::NotAllowed { action: Action::RecordTraining, role: Role::Rep }));
        let future = record_training(&s, &li(now), &training("li", "2026-02-05", 60)).await;
        assert_eq!(future, Err(RuleError::Training(TrainingError::Future).into()));
        let zero = record_training(&s, &li(now), &training("li", "2026-01-06", 0)).await;
        assert_eq!(zero, Err(RuleError::Training(TrainingError::BadHours).into()));
        let not_a_rep = record_training(&s, &wang(now), &training("qian", "2026-01-06", 60)).await;
        assert_eq!(not_a_rep, Err(RuleError::NotARep("qian".into()).into()));
        record_training(&s, &wang(now), &training("zhao", "2026-01-07", 60)).await.unwrap();
        record_training(&s, &wang(now), &training("li", "2026-01-08", 30)).await.unwrap();
        let team = training_sheet(&s, &wang(now), january()).await.unwrap();
        assert_eq!(team.minutes, vec![("li".to_string(), 120), ("zhao".to_string(), 60)]);
        assert_eq!(team.records.len(), 3);
        let mine = training_sheet(&s, &li(now), january()).await.unwrap();
        assert_eq!(mine.minutes, vec![("li".to_string(), 120)]);
        let q1 = training_sheet(&s, &wang(now), Period::parse("2026-Q1").unwrap()).await.unwrap();
        assert_eq!(q1.minutes.len(), 2);
    });
}

#[test]
fn seed003_a_training_written_by_another_rep_for_a_rep_counts_on_no_device() {
    block_on(async {
        let s = signed_team().await;
        forge(&s, "zhao", "tab-c", at(30), |by| training_change("tr:forged", &training("li", "2026-01-01", 600), by))
            .await;
        assert!(load_trainings(&s).await.unwrap().is_empty());
        record_training(&s, &keyed(wang(at(31))), &training("li", "2026-01-01", 60)).await.unwrap();
        assert_eq!(load_trainings(&s).await.unwrap().len(), 1);
    });
}
