//! Team settings (P1, P3, P8, C3 rules; calendar; C5 lists) and A1 applications.

use outpost::app::applications::{decide_application, save_checklists, submit_application};
use outpost::app::settings::{can_edit_team_settings, save_calendar, save_team_lists, save_team_rules};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::application::{Application, ApplicationStatus, Checklists, Outcome};
use outpost::domain::pool::PoolSettings;
use outpost::domain::tier::TierSettings;
use outpost::storage::applications::{application_created, load_applications, material_change};
use outpost::storage::memory::MemoryStore;
use outpost::storage::settings::load_calendar;
use outpost::storage::team_lists::{load_team_lists, TeamLists};
use outpost::storage::team_rules::load_rules;
use pollster::block_on;

use super::common::*;
use super::team_with_customer;

#[test]
fn p1_p3_c3_a_rep_saving_the_team_rules_is_refused_and_the_manager_saves_checked_rules() {
    block_on(async {
        let s = MemoryStore::new();
        let rules = (PoolSettings { p1_months: 3, ..Default::default() }, TierSettings::default());
        let refused = save_team_rules(&s, &li(at(0)), &rules).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::SaveTeamRules, .. })));
        assert_eq!(stored_count(&s).await, 0);
        let zero = (PoolSettings { p1_months: 0, ..Default::default() }, TierSettings::default());
        assert!(matches!(
            save_team_rules(&s, &wang(at(0)), &zero).await,
            Err(CommandError::Rule(RuleError::TeamRules(_)))
        ));
        save_team_rules(&s, &wang(at(0)), &rules).await.unwrap();
        assert_eq!(load_rules(&s).await.unwrap().0.p1_months, 3);
        assert!(can_edit_team_settings(&wang(0)) && !can_edit_team_settings(&qian(0)));
    });
}

#[test]
fn the_working_day_calendar_and_the_c5_lists_are_the_managers() {
    block_on(async {
        let s = MemoryStore::new();
        let mut cal = load_calendar(&s).await.unwrap();
        cal.holidays.insert("2026-10-01".parse().unwrap());
        assert!(matches!(save_calendar(&s, &li(at(0)), &cal).await, Err(CommandError::NotAllowed { .. })));
        save_calendar(&s, &wang(at(0)), &cal).await.unwrap();
        assert_eq!(load_calendar(&s).await.unwrap().holidays, cal.holidays);
        let lists = TeamLists { sources: vec!["fair".into()], segments: vec!["hotels".into()], counts: vec![] };
        assert!(matches!(save_team_lists(&s, &sun(at(0)), &lists).await, Err(CommandError::NotAllowed { .. })));
        save_team_lists(&s, &wang(at(0)), &lists).await.unwrap();
        assert_eq!(load_team_lists(&s).await.unwrap(), lists);
    });
}

#[test]
fn a1_a_rep_deciding_an_application_is_refused_and_finance_approves_a_complete_one() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let lists = Checklists([("card".to_owned(), vec!["ID copy".to_owned()])].into());
        assert!(matches!(save_checklists(&s, &li(at(0)), &lists).await, Err(CommandError::NotAllowed { .. })));
        save_checklists(&s, &wang(at(0)), &lists).await.unwrap();
        let mut t = Tablet::new("li", "tab-a");
        let app = Application::new("ap:1", "c1", "card", "li");
        let change = application_created(&app, &mut t.at(at(1)));
        seed(&s, &change, &t.clock).await;
        // Incomplete materials are not submitted (A1).
        assert!(matches!(
            submit_application(&s, &li(at(2)), "ap:1").await,
            Err(CommandError::Rule(RuleError::Application(_)))
        ));
        let got = material_change("ap:1", "ID copy", true, &mut t.at(at(3)));
        seed(&s, &got, &t.clock).await;
        submit_application(&s, &li(at(4)), "ap:1").await.unwrap();
        let by_rep = decide_application(&s, &li(at(5)), "ap:1", Outcome::Approved, "").await;
        assert!(matches!(by_rep, Err(CommandError::NotAllowed { action: Action::SetApplicationStatus, .. })));
        decide_application(&s, &qian(at(5)), "ap:1", Outcome::Approved, "welcome").await.unwrap();
        let data = load_applications(&s).await.unwrap();
        assert_eq!(data.applications[0].status(), ApplicationStatus::Approved);
    });
}

#[test]
fn a2_only_a_manager_sets_the_monthly_new_account_target() {
    use outpost::app::settings::save_kpi_target;
    use outpost::storage::kpi::{load_kpi_settings, KpiSettings};
    block_on(async {
        let s = MemoryStore::new();
        let target = KpiSettings { new_accounts_per_rep: 12 };
        let refused = save_kpi_target(&s, &li(at(0)), target).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::SaveKpiTarget, .. })));
        save_kpi_target(&s, &wang(at(0)), target).await.unwrap();
        assert_eq!(load_kpi_settings(&s).await.unwrap(), target);
        assert!(save_kpi_target(&s, &wang(at(1)), target).await.unwrap_err().is_unchanged());
    });
}
