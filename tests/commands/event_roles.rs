//! Issue 15 for events (E1, E2, E5) and their stock (W1): each write goes through a
//! command that refuses a role that may not take it — storing nothing — and stores for
//! one that may. Stock and the kiosk PIN are re-checked on every device (`role_folds`).

use std::collections::BTreeMap;

use outpost::app::events::{
    answer_survey, can_edit_event, can_keep_stock, invite_customers, record_stock_count, record_stock_move, save_event,
    save_questions, set_invite_status, settle_stock_count, stock_reconciliation,
};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::event::EventError;
use outpost::domain::event::{Event, InviteStatus};
use outpost::domain::participant::ParticipantError;
use outpost::domain::stock::levels;
use outpost::domain::stock::StockError;
use outpost::storage::events::load_events;
use outpost::storage::memory::MemoryStore;
use pollster::block_on;

use super::common::*;
use super::kite_day;

/// The team, and Wang's kite day (the manager organises it), saved before it starts.
async fn with_event() -> MemoryStore {
    let s = MemoryStore::new();
    seed_team(&s).await;
    save_event(&s, &wang(at(0)), None, &kite_day("ev1", "wang")).await.expect("saved");
    s
}

async fn event(s: &MemoryStore, id: &str) -> outpost::storage::events::EventRecord {
    load_events(s).await.unwrap().into_iter().find(|r| r.event.id == id).expect("stored")
}

fn refused(r: Result<impl std::fmt::Debug, CommandError>, action: Action) {
    assert!(matches!(r, Err(CommandError::NotAllowed { action: a, .. }) if a == action), "{r:?}");
}

#[test]
fn w1_stock_moves_and_counts_are_kept_by_event_staff_or_a_manager_and_a_rep_or_finance_stores_nothing() {
    block_on(async {
        let s = with_event().await;
        assert!(can_keep_stock(&sun(0)) && can_keep_stock(&wang(0)));
        assert!(!can_keep_stock(&li(0)) && !can_keep_stock(&qian(0)));
        let before = stored_count(&s).await;
        for who in [li(at(1)), qian(at(1))] {
            refused(record_stock_move(&s, &who, "ev1", "Kite", 10).await, Action::KeepStock);
            refused(record_stock_count(&s, &who, "ev1", "Kite", 10).await, Action::KeepStock);
            refused(settle_stock_count(&s, &who, "ev1").await, Action::KeepStock);
        }
        assert_eq!(stored_count(&s).await, before);

        record_stock_move(&s, &sun(at(2)), "ev1", " Kite ", 10).await.unwrap();
        record_stock_move(&s, &wang(at(3)), "ev1", "Kite", -1).await.unwrap();
        assert_eq!(levels(&event(&s, "ev1").await.stock, i64::MAX).get("Kite"), Some(&9));
    });
}

#[test]
fn w1_a_stock_move_needs_an_item_and_a_quantity_and_a_count_is_not_negative() {
    block_on(async {
        let s = with_event().await;
        let before = stored_count(&s).await;
        let no_item = record_stock_move(&s, &sun(at(1)), "ev1", " ", 3).await;
        assert!(matches!(no_item, Err(CommandError::Rule(RuleError::Stock(StockError::ItemEmpty)))));
        let zero = record_stock_move(&s, &sun(at(1)), "ev1", "Kite", 0).await;
        assert!(matches!(zero, Err(CommandError::Rule(RuleError::Stock(StockError::ZeroQuantity)))));
        let negative = record_stock_count(&s, &sun(at(1)), "ev1", "Kite", -1).await;
        assert!(matches!(negative, Err(CommandError::Rule(RuleError::Stock(StockError::NegativeCount { .. })))));
        let unknown = record_stock_move(&s, &sun(at(1)), "ev9", "Kite", 3).await;
        assert_eq!(unknown, Err(RuleError::NotFound("event").into()));
        assert_eq!(stored_count(&s).await, before);
    });
}

#[test]
fn w1_a_count_that_disagrees_is_settled_by_adjustment_entries_and_then_agrees() {
    block_on(async {
        let s = with_event().await;
        record_stock_move(&s, &sun(at(1)), "ev1", "Kite", 10).await.unwrap();
        // Nothing counted yet: nothing to settle.
        assert!(settle_stock_count(&s, &sun(at(2)), "ev1").await.unwrap_err().is_unchanged());
        record_stock_count(&s, &sun(at(3)), "ev1", "Kite", 8).await.unwrap();
        let rc = stock_reconciliation(&event(&s, "ev1").await).expect("counted");
        assert!(!rc.agrees());
        assert_eq!(rc.adjustments(), vec![("Kite".to_owned(), -2)]);
        settle_stock_count(&s, &wang(at(4)), "ev1").await.unwrap();
        let r = event(&s, "ev1").await;
        assert_eq!(levels(&r.stock, i64::MAX).get("Kite"), Some(&8));
        assert!(stock_reconciliation(&r).unwrap().agrees());
        assert!(settle_stock_count(&s, &wang(at(5)), "ev1").await.unwrap_err().is_unchanged());
    });
}

#[test]
fn e1_anyone_organises_an_event_and_only_its_organiser_a_manager_or_staff_edit_it() {
    block_on(async {
        let s = MemoryStore::new();
        seed_team(&s).await;
        // A rep organises a DIY day at his sales office.
        save_event(&s, &li(at(0)), None, &kite_day("ev2", "li")).await.unwrap();
        let moved = Event { venue: "Plaza".into(), ..kite_day("ev2", "li") };
        assert!(can_edit_event(&li(0), "li") && !can_edit_event(&zhao(0), "li"));
        let before = stored_count(&s).await;
        for who in [zhao(at(1)), qian(at(1))] {
            refused(save_event(&s, &who, None, &moved).await, Action::EditEvent);
            refused(save_questions(&s, &who, "ev2", &["Games".into()]).await, Action::EditEvent);
            refused(invite_customers(&s, &who, "ev2", &[("c1".into(), "139".into())]).await, Action::InviteCustomers);
        }
        assert_eq!(stored_count(&s).await, before);
        assert_eq!(event(&s, "ev2").await.event.venue, "Sales office");
        for (who, venue) in [(li(at(2)), "Plaza"), (sun(at(3)), "Park"), (wang(at(4)), "Hall")] {
            let e = Event { venue: venue.into(), ..kite_day("ev2", "li") };
            save_event(&s, &who, None, &e).await.unwrap();
            assert_eq!(event(&s, "ev2").await.event.venue, venue);
        }
        // Saved twice, nothing new.
        let again = save_event(&s, &wang(at(5)), None, &Event { venue: "Hall".into(), ..kite_day("ev2", "li") }).await;
        assert!(again.unwrap_err().is_unchanged());
    });
}

#[test]
fn e1_e3_an_event_is_validated_and_its_consent_version_is_frozen_once_it_started() {
    block_on(async {
        let s = with_event().await;
        let before = stored_count(&s).await;
        let no_theme = Event { theme: " ".into(), ..kite_day("ev1", "wang") };
        assert!(matches!(
            save_event(&s, &wang(at(1)), None, &no_theme).await,
            Err(CommandError::Rule(RuleError::Event(EventError::ThemeEmpty)))
        ));
        let during = at(10 * 3600 * 1000);
        let v3 = Event { consent_version: "v3".into(), ..kite_day("ev1", "wang") };
        assert_eq!(
            save_event(&s, &wang(during), None, &v3).await,
            Err(RuleError::Participant(ParticipantError::ConsentFrozen).into())
        );
        assert_eq!(stored_count(&s).await, before);
        save_event(&s, &wang(at(2)), None, &v3).await.expect("before it starts");
    });
}

#[test]
fn e5_the_questionnaire_is_the_planners_and_anyone_at_the_kiosk_answers_it() {
    block_on(async {
        let s = with_event().await;
        save_questions(&s, &sun(at(1)), "ev1", &["Games".into(), " ".into(), "Venue".into()]).await.unwrap();
        assert_eq!(event(&s, "ev1").await.questions, vec!["Games".to_owned(), "Venue".to_owned()]);
        let before = stored_count(&s).await;
        let none: BTreeMap<String, u8> = [("Games".to_owned(), 9)].into();
        assert!(answer_survey(&s, &sun(at(2)), "ev1", "", &none).await.unwrap_err().is_unchanged());
        assert_eq!(stored_count(&s).await, before);
        let sheet: BTreeMap<String, u8> = [("Games".to_owned(), 5), ("Venue".to_owned(), 4)].into();
        for who in [sun(at(3)), li(at(4))] {
            answer_survey(&s, &who, "ev1", "", &sheet).await.unwrap();
        }
        assert_eq!(event(&s, "ev1").await.answers.len(), 2);
    });
}

#[test]
fn e2_planners_build_the_invitation_list_and_whoever_calls_records_the_answer() {
    block_on(async {
        let s = with_event().await;
        let list = [("c1".to_owned(), "13700001111".to_owned()), ("c2".to_owned(), "13700002222".to_owned())];
        let (_, n) = invite_customers(&s, &sun(at(1)), "ev1", &list).await.unwrap();
        assert_eq!(n, 2);
        let (again, n) = invite_customers(&s, &wang(at(2)), "ev1", &list).await.unwrap();
        assert_eq!((again.docs.len(), n), (0, 0), "already invited: nothing new");
        set_invite_status(&s, &li(at(3)), "ev1", "c1", InviteStatus::Confirmed).await.unwrap();
        let r = event(&s, "ev1").await;
        assert_eq!(r.invitees.iter().find(|i| i.customer == "c1").unwrap().status, InviteStatus::Confirmed);
        let unknown = set_invite_status(&s, &li(at(4)), "ev1", "c9", InviteStatus::Declined).await;
        assert_eq!(unknown, Err(RuleError::NotFound("invitee").into()));
    });
}
