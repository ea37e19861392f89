//! Market feedback, competitor files and repair tracking (seeds 000, 002, 003): the
//! status flows, refusals of the wrong role and of bad input, and the role rules folded
//! on every device (a forged answer or edit counts nowhere).

use chrono::NaiveDate;
use outpost::app::competitors::save_sighting;
use outpost::app::feedback::{answer_feedback, close_feedback, raise_feedback, FeedbackDraft};
use outpost::app::repairs::{repair_board, save_repair_job, step_repair_job};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::competitor::{by_competitor, by_region, sightings_csv, CompetitorError, Sighting};
use outpost::domain::feedback::{feedback_list, Department, FeedbackError, FeedbackFilter, FeedbackStatus};
use outpost::domain::profile::Role;
use outpost::domain::repair::{RepairError, RepairJob, RepairStatus};
use outpost::storage::competitors::load_sightings;
use outpost::storage::feedback::{load_feedback, stepped, Step};
use outpost::storage::repairs::load_repairs;
use pollster::block_on;

use super::common::*;
use super::role_folds::{forge, li_as, signed_team};
use super::roster::keyed;
use super::team_with_customer;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn draft(region: &str, dept: Department) -> FeedbackDraft {
    FeedbackDraft {
        customer: Some("c1".into()),
        region: region.into(),
        topic: "corporate cards".into(),
        text: "wants a card without annual fee".into(),
        department: Some(dept),
    }
}

fn id_of(r: &outpost::record::replica::Replica) -> String {
    r.entries.values().next().map(|e| e.subject.clone()).unwrap()
}

#[test]
fn seed000_feedback_goes_open_answered_closed_and_the_author_closes_their_own() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let r = raise_feedback(&s, &li(at(0)), &draft("East", Department::Product)).await.unwrap();
        let id = id_of(&r);
        let f = &load_feedback(&s).await.unwrap()[0];
        assert_eq!((f.status(), f.author.as_str(), f.raised_on), (FeedbackStatus::Open, "li", d("2026-01-01")));
        // A rep may not answer for a department, nor close an open report.
        let refused = answer_feedback(&s, &li(at(1)), &id, "Li", "done").await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::AnswerFeedback, .. })));
        let early = close_feedback(&s, &li(at(1)), &id, "").await;
        assert_eq!(early, Err(CommandError::Rule(RuleError::Feedback(FeedbackError::NotAnswered))));
        answer_feedback(&s, &wang(at(2)), &id, "Ms Zhou, product", "on the Q3 roadmap").await.unwrap();
        assert_eq!(load_feedback(&s).await.unwrap()[0].status(), FeedbackStatus::Answered);
        // Another rep may not close Li's report; Li may.
        let other = close_feedback(&s, &zhao(at(3)), &id, "").await;
        assert!(matches!(other, Err(CommandError::NotAllowed { action: Action::CloseFeedback, .. })));
        close_feedback(&s, &li(at(4)), &id, "customer told").await.unwrap();
        let f = &load_feedback(&s).await.unwrap()[0];
        assert_eq!(f.status(), FeedbackStatus::Closed);
        assert_eq!(f.follow_ups[0].who, "Ms Zhou, product");
    });
}

#[test]
fn seed000_bad_feedback_is_refused_with_its_reason() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let no_dept = FeedbackDraft { department: None, ..draft("East", Department::Product) };
        assert_eq!(raise_feedback(&s, &li(at(0)), &no_dept).await, Err(CommandError::Rule(RuleError::NoDepartment)));
        let no_text = FeedbackDraft { text: "  ".into(), ..draft("East", Department::Product) };
        assert_eq!(
            raise_feedback(&s, &li(at(0)), &no_text).await,
            Err(CommandError::Rule(RuleError::Feedback(FeedbackError::NoText)))
        );
        let nowhere = FeedbackDraft { customer: None, region: " ".into(), ..draft("", Department::Product) };
        assert_eq!(
            raise_feedback(&s, &li(at(0)), &nowhere).await,
            Err(CommandError::Rule(RuleError::Feedback(FeedbackError::NoPlace)))
        );
        assert!(load_feedback(&s).await.unwrap().is_empty(), "nothing stored");
    });
}

#[test]
fn seed000_a_forged_answer_from_a_rep_counts_nowhere_and_neither_does_another_reps_closing() {
    block_on(async {
        let s = signed_team().await;
        let r = raise_feedback(&s, &keyed(li(at(20))), &draft("East", Department::Marketing)).await.unwrap();
        let id = id_of(&r);
        // Li picks the manager role on his tablet: the command lets him, the fold does not.
        answer_feedback(&s, &li_as(Role::Manager, at(21)), &id, "Li", "answered myself").await.unwrap();
        assert_eq!(load_feedback(&s).await.unwrap()[0].status(), FeedbackStatus::Open);
        answer_feedback(&s, &keyed(wang(at(22))), &id, "Marketing", "campaign in May").await.unwrap();
        // Zhao forges a closing of Li's report.
        forge(&s, "zhao", "tab-c", at(23), |by| stepped("x1", &id, Step::Closed, "", "closed by zhao", by)).await;
        let f = &load_feedback(&s).await.unwrap()[0];
        assert_eq!((f.status(), f.follow_ups.len()), (FeedbackStatus::Answered, 1));
        close_feedback(&s, &keyed(li(at(24))), &id, "thanks").await.unwrap();
        assert_eq!(load_feedback(&s).await.unwrap()[0].status(), FeedbackStatus::Closed);
    });
}

#[test]
fn seed003_the_feedback_list_filters_and_puts_the_oldest_open_first() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let a = id_of(&raise_feedback(&s, &li(at(0)), &draft("East", Department::Product)).await.unwrap());
        let b = id_of(&raise_feedback(&s, &li(at(DAY)), &draft("east ", Department::Product)).await.unwrap());
        let c = id_of(&raise_feedback(&s, &li(at(2 * DAY)), &draft("West", Department::Finance)).await.unwrap());
        answer_feedback(&s, &wang(at(3 * DAY)), &a, "Product", "noted").await.unwrap();
        let all = load_feedback(&s).await.unwrap();
        let ids = |v: Vec<&outpost::domain::feedback::Feedback>| v.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(feedback_list(&all, &FeedbackFilter::default())), vec![b.clone(), c.clone(), a.clone()]);
        let east = FeedbackFilter { region: Some("EAST".into()), ..Default::default() };
        assert_eq!(ids(feedback_list(&all, &east)), vec![b.clone(), a.clone()]);
        let open_product = FeedbackFilter {
            department: Some(Department::Product),
            status: Some(FeedbackStatus::Open),
            ..Default::default()
        };
        assert_eq!(ids(feedback_list(&all, &open_product)), vec![b]);
    });
}

fn sighting(competitor: &str, region: &str, day: &str) -> Sighting {
    Sighting {
        competitor: competitor.into(),
        product: "POS X1".into(),
        region: region.into(),
        price_fen: Some(129_900),
        seen_on: d(day),
        source: "customer".into(),
        ..Sighting::default()
    }
}

#[test]
fn seed002_competitor_sightings_group_by_competitor_and_region_and_the_csv_escapes_formulas() {
    block_on(async {
        let s = team_with_customer("c1").await;
        save_sighting(&s, &li(at(0)), None, &sighting("Acme", "East", "2025-12-30")).await.unwrap();
        save_sighting(&s, &li(at(1)), None, &sighting(" ACME", "West", "2025-12-31")).await.unwrap();
        let evil = Sighting { strengths: "=HYPERLINK(\"x\")".into(), ..sighting("Zeta", "East", "2025-12-01") };
        save_sighting(&s, &wang(at(2)), None, &evil).await.unwrap();
        let all = load_sightings(&s).await.unwrap();
        let groups = by_competitor(&all);
        assert_eq!(
            groups.iter().map(|g| (g.0.as_str(), g.1.len())).collect::<Vec<_>>(),
            vec![("ACME", 2), ("Zeta", 1)]
        );
        assert_eq!(groups[0].1[0].region, "West", "newest first within a group");
        let regions = by_region(&all);
        assert_eq!(
            regions.iter().map(|g| (g.0.as_str(), g.1.len())).collect::<Vec<_>>(),
            vec![("East", 2), ("West", 1)]
        );
        let h = ["competitor", "product", "price", "customer", "region", "seen", "source", "strengths", "weaknesses"];
        let csv = String::from_utf8(sightings_csv(&all, &h, |c| c.to_owned())).unwrap();
        assert!(csv.contains("'=HYPERLINK"), "{csv}");
        assert!(csv.contains("\"1,299.00\""), "{csv}");
    });
}

#[test]
fn seed002_a_sighting_is_refused_for_bad_input_and_for_event_staff_and_an_edit_keeps_its_id() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let future = sighting("Acme", "East", "2026-01-02");
        assert_eq!(
            save_sighting(&s, &li(at(0)), None, &future).await,
            Err(CommandError::Rule(RuleError::Competitor(CompetitorError::Future)))
        );
        let nameless = sighting(" ", "East", "2025-12-30");
        assert_eq!(
            save_sighting(&s, &li(at(0)), None, &nameless).await,
            Err(CommandError::Rule(RuleError::Competitor(CompetitorError::NoCompetitor)))
        );
        let staff = save_sighting(&s, &sun(at(0)), None, &sighting("Acme", "East", "2025-12-30")).await;
        assert!(matches!(staff, Err(CommandError::NotAllowed { action: Action::RecordCompetitor, .. })));
        save_sighting(&s, &li(at(1)), None, &sighting("Acme", "East", "2025-12-30")).await.unwrap();
        let first = load_sightings(&s).await.unwrap().remove(0);
        let fixed = Sighting { price_fen: Some(99_900), ..first.clone() };
        save_sighting(&s, &li(at(2)), Some(&first.id), &fixed).await.unwrap();
        let all = load_sightings(&s).await.unwrap();
        assert_eq!((all.len(), all[0].price_fen), (1, Some(99_900)));
    });
}

fn job(reported: &str, promised: Option<&str>) -> RepairJob {
    RepairJob {
        customer_id: "c1".into(),
        equipment: "POS terminal".into(),
        problem: "screen dead".into(),
        reported_on: d(reported),
        promised_on: promised.map(d),
        assigned_to: "engineer Sun".into(),
        ..RepairJob::default()
    }
}

#[test]
fn seed002_a_repair_past_its_promise_is_overdue_by_working_days_of_the_team_calendar_and_sorts_first() {
    block_on(async {
        let s = team_with_customer("c1").await;
        // The team's calendar: 2026-01-02 (Friday) a holiday.
        let mut cal = outpost::storage::settings::load_calendar(&s).await.unwrap();
        cal.holidays.insert(d("2026-01-02"));
        outpost::app::settings::save_calendar(&s, &wang(at(0)), &cal).await.unwrap();
        save_repair_job(&s, &li(at(1)), None, &job("2025-12-20", Some("2026-01-05"))).await.unwrap();
        save_repair_job(&s, &li(at(2)), None, &job("2025-12-20", Some("2025-12-31"))).await.unwrap();
        // On 2026-01-01 08:00 in the team's zone (00:00 UTC) the second is one day late.
        let board = repair_board(&s, at(0), None).await.unwrap();
        assert_eq!(board.iter().map(|r| r.overdue).collect::<Vec<_>>(), vec![true, false]);
        assert_eq!(board[0].job.promised_on, Some(d("2025-12-31")));
        // On Monday 2026-01-05: the first is on time; the second is late by Jan 1 and Jan 5
        // (Jan 2 a holiday, Jan 3–4 a weekend).
        let board = repair_board(&s, at(4 * DAY), None).await.unwrap();
        assert_eq!((board[0].overdue, board[0].working_days_late), (true, 2));
        assert!(!board[1].overdue, "the promised day itself is on time");
        // Done work is no longer overdue.
        let late = board[0].job.id.clone();
        step_repair_job(&s, &li(at(4 * DAY)), &late, RepairStatus::Done, "").await.unwrap();
        let board = repair_board(&s, at(4 * DAY), None).await.unwrap();
        assert!(board.iter().all(|r| !r.overdue));
        assert_eq!(board.last().unwrap().job.id, late, "finished jobs last");
    });
}

#[test]
fn seed002_a_repair_steps_forward_to_confirmed_and_bad_input_and_wrong_roles_are_refused() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let before = job("2025-12-20", Some("2025-12-19"));
        assert_eq!(
            save_repair_job(&s, &li(at(0)), None, &before).await,
            Err(CommandError::Rule(RuleError::Repair(RepairError::PromiseBeforeReport)))
        );
        let neg = RepairJob { cost_fen: Some(-1), ..job("2025-12-20", None) };
        assert_eq!(
            save_repair_job(&s, &li(at(0)), None, &neg).await,
            Err(CommandError::Rule(RuleError::Repair(RepairError::NegativeCost)))
        );
        let staff = save_repair_job(&s, &qian(at(0)), None, &job("2025-12-20", None)).await;
        assert!(matches!(staff, Err(CommandError::NotAllowed { action: Action::KeepRepairJob, .. })));
        save_repair_job(&s, &li(at(1)), None, &job("2025-12-20", None)).await.unwrap();
        let id = load_repairs(&s).await.unwrap()[0].id.clone();
        assert_eq!(
            step_repair_job(&s, &li(at(2)), &id, RepairStatus::Confirmed, "").await,
            Err(CommandError::Rule(RuleError::Repair(RepairError::Backward)))
        );
        for st in [RepairStatus::Scheduled, RepairStatus::Done, RepairStatus::Confirmed] {
            step_repair_job(&s, &li(at(3)), &id, st, "").await.unwrap();
        }
        assert_eq!(load_repairs(&s).await.unwrap()[0].status(), RepairStatus::Confirmed);
    });
}

#[test]
fn seed002_k2_an_on_site_warranty_shows_on_the_customers_repair_jobs() {
    use outpost::domain::key_service::ServiceTerms;
    block_on(async {
        let s = team_with_customer("c1").await;
        let mut t = ServiceTerms::new("c1");
        t.warranty_limited_years = 3;
        t.warranty_onsite_years = 2;
        outpost::app::key_accounts::save_service_terms(&s, &wang(at(0)), &ServiceTerms::new("c1"), t).await.unwrap();
        save_repair_job(&s, &li(at(1)), None, &job("2025-12-20", None)).await.unwrap();
        assert_eq!(repair_board(&s, at(1), Some("c1")).await.unwrap()[0].onsite_years, 2);
        assert!(repair_board(&s, at(1), Some("c2")).await.unwrap().is_empty());
    });
}

#[test]
fn seed002_a_repair_step_or_a_sighting_from_a_finance_tablet_counts_nowhere() {
    use outpost::storage::competitors::doc_change;
    block_on(async {
        let s = signed_team().await;
        save_repair_job(&s, &keyed(li(at(20))), None, &job("2025-12-20", None)).await.unwrap();
        let id = load_repairs(&s).await.unwrap()[0].id.clone();
        forge(&s, "qian", "tab-b", at(21), |by| {
            outpost::storage::repairs::stepped("x2", &id, RepairStatus::Done, "", by)
        })
        .await;
        assert_eq!(load_repairs(&s).await.unwrap()[0].status(), RepairStatus::Reported);
        let fake = Sighting { id: "cs:fake".into(), ..sighting("Acme", "East", "2025-12-30") };
        forge(&s, "qian", "tab-b", at(22), |by| doc_change("cs:fake", "competitor", None, &fake, by).unwrap()).await;
        assert!(load_sightings(&s).await.unwrap().is_empty());
    });
}
