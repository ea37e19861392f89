//! Targets (T1–T3, V7): only a manager sets, adjusts and splits them; the board shows
//! the manager the team and every rep, a rep only their own row; a rep's sales result
//! moves when finance confirms a payment, and not before.

use outpost::app::orders::confirm_payment;
use outpost::app::targets::{set_target, split_team_target, target_board};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::profile::Role;
use outpost::domain::target::{Measure, Period, Scope, TargetError};
use outpost::storage::targets::load_targets;
use pollster::block_on;

use super::common::*;
use super::orders::with_recorded_payment;
use super::team_with_customer;

fn january() -> Period {
    Period::parse("2026-01").unwrap()
}

#[test]
fn t1_only_a_manager_sets_a_target_and_a_change_keeps_its_reason_in_the_history() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let by_rep = set_target(&s, &li(at(0)), january(), Measure::Sales, Scope::Team, 80_000_000_00, "").await;
        assert_eq!(by_rep, Err(CommandError::NotAllowed { action: Action::SetTarget, role: Role::Rep }));
        set_target(&s, &wang(at(0)), january(), Measure::Sales, Scope::Team, 80_000_000_00, "").await.unwrap();
        let no_reason = set_target(&s, &wang(at(1)), january(), Measure::Sales, Scope::Team, 90_000_000_00, " ").await;
        assert_eq!(no_reason, Err(CommandError::Rule(RuleError::Target(TargetError::NoReason))));
        let negative = set_target(&s, &wang(at(1)), january(), Measure::Visits, Scope::Team, -3, "").await;
        assert_eq!(negative, Err(CommandError::Rule(RuleError::Target(TargetError::Negative))));
        set_target(&s, &wang(at(2)), january(), Measure::Sales, Scope::Team, 90_000_000_00, "new line").await.unwrap();
        let same = set_target(&s, &wang(at(3)), january(), Measure::Sales, Scope::Team, 90_000_000_00, "again").await;
        assert!(same.unwrap_err().is_unchanged());
        let t = load_targets(&s).await.unwrap();
        let h: Vec<(i64, &str, &str)> = t
            .history_of(&january(), Measure::Sales)
            .iter()
            .map(|x| (x.amount, x.reason.as_str(), x.by.as_str()))
            .collect();
        assert_eq!(h, vec![(90_000_000_00, "new line", "wang"), (80_000_000_00, "", "wang")]);
    });
}

#[test]
fn t3_the_team_target_splits_per_rep_and_the_board_shows_each_their_share() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let refused = split_team_target(&s, &wang(at(0)), january(), Measure::Sales, "split").await;
        assert_eq!(refused, Err(CommandError::Rule(RuleError::Target(TargetError::NoTeamTarget))));
        set_target(&s, &wang(at(0)), january(), Measure::Sales, Scope::Team, 80_000_000_01, "").await.unwrap();
        split_team_target(&s, &wang(at(1)), january(), Measure::Sales, "split per head").await.unwrap();
        // The manager sees the team, then the reps Li and Zhao (by name).
        let rows = target_board(&s, &wang(at(DAY)), january(), Measure::Sales).await.unwrap();
        let shown: Vec<(Scope, Option<i64>)> =
            rows.iter().map(|r| (r.scope.clone(), r.target.as_ref().map(|t| t.amount))).collect();
        assert_eq!(
            shown,
            vec![
                (Scope::Team, Some(80_000_000_01)),
                (Scope::Rep("li".into()), Some(40_000_000_01)),
                (Scope::Rep("zhao".into()), Some(40_000_000_00)),
            ]
        );
        // A rep sees their own row only.
        let mine = target_board(&s, &li(at(DAY)), january(), Measure::Sales).await.unwrap();
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].scope, Scope::Rep("li".into()));
        // An adjustment of one rep's share, with its reason.
        set_target(
            &s,
            &wang(at(2)),
            january(),
            Measure::Sales,
            Scope::Rep("zhao".into()),
            30_000_000_00,
            "smaller region",
        )
        .await
        .unwrap();
        let rows = target_board(&s, &wang(at(DAY)), january(), Measure::Sales).await.unwrap();
        assert_eq!(
            rows[2].target.as_ref().map(|t| (t.amount, t.reason.as_str())),
            Some((30_000_000_00, "smaller region"))
        );
    });
}

#[test]
fn v7_a_reps_sales_move_when_finance_confirms_the_payment_not_when_it_is_recorded() {
    block_on(async {
        let (s, pay) = with_recorded_payment().await;
        set_target(&s, &wang(at(0)), january(), Measure::Sales, Scope::Rep("li".into()), 120_000_00, "").await.unwrap();
        let row = |rows: Vec<outpost::app::targets::BoardRow>| rows.into_iter().next().unwrap().progress;
        let before = row(target_board(&s, &li(at(16 * DAY)), january(), Measure::Sales).await.unwrap());
        assert_eq!((before.actual, before.attainment_bp), (0, Some(0)));
        confirm_payment(&s, &qian(at(16 * DAY)), &pay).await.unwrap();
        let after = row(target_board(&s, &li(at(16 * DAY)), january(), Measure::Sales).await.unwrap());
        assert_eq!((after.actual, after.attainment_bp, after.gap), (60_000_00, Some(5_000), 60_000_00));
        // The first deal also makes c1 Li's new account for January.
        let accounts = row(target_board(&s, &li(at(16 * DAY)), january(), Measure::NewAccounts).await.unwrap());
        assert_eq!(accounts.actual, 1);
    });
}

#[test]
fn t3_a_product_lines_target_moves_with_the_confirmed_payment_for_that_line() {
    use outpost::app::targets::{set_target_for, target_board_for};
    use outpost::domain::target::Goal;
    use outpost::storage::orders::{product_change, ProductRecord};
    block_on(async {
        let (s, pay) = with_recorded_payment().await;
        // The price list puts the order's tea sets on the "Tea" line.
        let tea = ProductRecord {
            id: "tea".into(),
            name: "Tea set".into(),
            unit: "set".into(),
            prices: vec![("2026-01-01".parse().unwrap(), 30_000_00)],
            retired: false,
            line: "Tea".into(),
        };
        let mut t = Tablet::new("wang", "tab-w");
        let change = product_change(None, &tea, &mut t.at(at(1))).unwrap();
        seed(&s, &change, &t.clock).await;
        let tea_line = Goal::line("Tea");
        let visits_by_line = Goal { measure: Measure::Visits, of: Some("Tea".into()) };
        let refused = set_target_for(&s, &wang(at(2)), january(), &visits_by_line, Scope::Team, 3, "").await;
        assert_eq!(refused, Err(CommandError::Rule(RuleError::Target(TargetError::LineNotSales))));
        set_target_for(&s, &wang(at(2)), january(), &tea_line, Scope::Rep("li".into()), 100_000_00, "").await.unwrap();
        let li_row = |rows: Vec<outpost::app::targets::BoardRow>| rows.into_iter().next().unwrap();
        let before = li_row(target_board_for(&s, &li(at(16 * DAY)), january(), &tea_line).await.unwrap());
        assert_eq!((before.target.map(|t| t.amount), before.progress.actual), (Some(100_000_00), 0));
        confirm_payment(&s, &qian(at(16 * DAY)), &pay).await.unwrap();
        let after = li_row(target_board_for(&s, &li(at(16 * DAY)), january(), &tea_line).await.unwrap());
        assert_eq!((after.progress.actual, after.progress.attainment_bp), (60_000_00, Some(6_000)));
        let kites = li_row(target_board_for(&s, &li(at(16 * DAY)), january(), &Goal::line("Kites")).await.unwrap());
        assert_eq!((kites.target, kites.progress.actual), (None, 0));
        // The all-lines sales target is apart from the line's.
        let all = li_row(target_board(&s, &li(at(16 * DAY)), january(), Measure::Sales).await.unwrap());
        assert_eq!((all.target, all.progress.actual), (None, 60_000_00));
    });
}

#[test]
fn t1_a_team_count_is_logged_by_each_rep_for_themselves_and_tracked_against_its_target() {
    use outpost::app::settings::save_team_lists;
    use outpost::app::targets::{log_count, set_target_for, target_board_for};
    use outpost::domain::target::Goal;
    use outpost::storage::team_lists::load_team_lists;
    block_on(async {
        let s = team_with_customer("c1").await;
        let day: chrono::NaiveDate = "2026-01-05".parse().unwrap();
        let now = at(5 * DAY);
        let unknown = log_count(&s, &li(now), "demos", day, 3, "").await;
        assert_eq!(unknown, Err(CommandError::Rule(RuleError::Target(TargetError::NoCountName))));
        let mut lists = load_team_lists(&s).await.unwrap();
        lists.counts = vec!["demos".into()];
        save_team_lists(&s, &wang(at(1)), &lists).await.unwrap();
        let zero = log_count(&s, &li(now), "demos", day, 0, "").await;
        assert_eq!(zero, Err(CommandError::Rule(RuleError::Target(TargetError::BadTally))));
        let future = log_count(&s, &li(now), "demos", "2026-01-09".parse().unwrap(), 2, "").await;
        assert_eq!(future, Err(CommandError::Rule(RuleError::Target(TargetError::BadTally))));
        log_count(&s, &li(now), "demos", day, 3, "two schools").await.unwrap();
        log_count(&s, &li(now + 1), "demos", day, -1, "one was a call").await.unwrap();
        log_count(&s, &zhao(now), "demos", day, 4, "").await.unwrap();
        let demos = Goal::count("demos");
        let unnamed = Goal { measure: Measure::Count, of: None };
        let refused = set_target_for(&s, &wang(now), january(), &unnamed, Scope::Team, 10, "").await;
        assert_eq!(refused, Err(CommandError::Rule(RuleError::Target(TargetError::NoCountName))));
        set_target_for(&s, &wang(now), january(), &demos, Scope::Rep("li".into()), 10, "").await.unwrap();
        let rows = target_board_for(&s, &wang(now), january(), &demos).await.unwrap();
        let shown: Vec<(Scope, Option<i64>, i64)> =
            rows.iter().map(|r| (r.scope.clone(), r.target.as_ref().map(|t| t.amount), r.progress.actual)).collect();
        assert_eq!(
            shown,
            vec![(Scope::Team, None, 6), (Scope::Rep("li".into()), Some(10), 2), (Scope::Rep("zhao".into()), None, 4)]
        );
        assert_eq!(rows[1].progress.attainment_bp, Some(2_000));
    });
}
