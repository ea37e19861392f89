//! The monthly sales report (A3, V7): a rep writes their own improvements and next
//! steps, the manager reads them beside the figures; nobody else's writing counts in a
//! rep's report; the sales line is finance-confirmed money only.

use outpost::app::orders::confirm_payment;
use outpost::app::sales_reports::{sales_report, save_report_notes};
use outpost::app::targets::set_target;
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::profile::Role;
use outpost::domain::sales_report::{ReportError, ReportNotes, MAX_NOTE_CHARS};
use outpost::domain::target::{Measure, Period, Scope};
use outpost::storage::sales_reports::{notes_change, report_id};
use pollster::block_on;

use super::common::*;
use super::orders::with_recorded_payment;
use super::team_with_customer;

fn january() -> Period {
    Period::parse("2026-01").unwrap()
}

fn notes(i: &str, n: &str) -> ReportNotes {
    ReportNotes { improvements: i.into(), next_steps: n.into() }
}

#[test]
fn a3_a_rep_writes_their_own_notes_and_the_manager_reads_them_with_the_figures() {
    block_on(async {
        let (s, pay) = with_recorded_payment().await;
        set_target(&s, &wang(at(0)), january(), Measure::Sales, Scope::Rep("li".into()), 120_000_00, "").await.unwrap();
        confirm_payment(&s, &qian(at(16 * DAY)), &pay).await.unwrap();
        save_report_notes(&s, &li(at(20 * DAY)), january(), &notes("call before visiting", "two demos a week"))
            .await
            .unwrap();
        // The manager asks for Li's report.
        let r = sales_report(&s, &wang(at(20 * DAY)), january(), Scope::Rep("li".into())).await.unwrap();
        let sales = r.lines.iter().find(|l| l.measure == Measure::Sales).unwrap();
        assert_eq!(
            (sales.target, sales.progress.actual, sales.progress.attainment_bp),
            (Some(120_000_00), 60_000_00, Some(5_000))
        );
        assert_eq!(r.notes, Some(notes("call before visiting", "two demos a week")));
        // Li asking for the team's report gets his own.
        let mine = sales_report(&s, &li(at(20 * DAY)), january(), Scope::Team).await.unwrap();
        assert_eq!(mine.scope, Scope::Rep("li".into()));
        // The team's report has figures and no notes.
        let team = sales_report(&s, &wang(at(20 * DAY)), january(), Scope::Team).await.unwrap();
        assert_eq!(team.notes, None);
        assert_eq!(team.lines.len(), Measure::ALL.len());
    });
}

#[test]
fn a3_only_a_rep_writes_a_report_for_a_month_within_bounds_and_only_their_own_writing_counts() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let by_manager = save_report_notes(&s, &wang(at(0)), january(), &notes("x", "y")).await;
        assert_eq!(by_manager, Err(CommandError::NotAllowed { action: Action::WriteSalesReport, role: Role::Manager }));
        let quarter = Period::parse("2026-Q1").unwrap();
        let refused = save_report_notes(&s, &li(at(0)), quarter, &notes("x", "y")).await;
        assert_eq!(refused, Err(CommandError::Rule(RuleError::Report(ReportError::NotAMonth))));
        let long = "字".repeat(MAX_NOTE_CHARS + 1);
        let refused = save_report_notes(&s, &li(at(0)), january(), &notes(&long, "")).await;
        assert_eq!(refused, Err(CommandError::Rule(RuleError::Report(ReportError::TooLong { max: MAX_NOTE_CHARS }))));
        save_report_notes(&s, &li(at(1)), january(), &notes("mine", "")).await.unwrap();
        assert!(save_report_notes(&s, &li(at(2)), january(), &notes("mine", "")).await.unwrap_err().is_unchanged());
        // Zhao's tablet writes into Li's report: it does not count.
        let mut t = Tablet::new("zhao", "tab-c");
        let forged =
            notes_change(&january(), "li", &notes("mine", ""), &notes("lazy", "quit"), &mut t.at(at(3))).unwrap();
        assert!(forged.docs.contains_key(&report_id(&january(), "li")));
        seed(&s, &forged, &t.clock).await;
        let r = sales_report(&s, &wang(at(4)), january(), Scope::Rep("li".into())).await.unwrap();
        let shown = r.notes.unwrap();
        assert!(shown.improvements != "lazy" && shown.next_steps != "quit", "{shown:?}");
    });
}
