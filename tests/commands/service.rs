//! S1 (first-ask responsibility) and S2 (record, escalate, answer with a plan, close
//! only when the customer is satisfied) through the service log commands.

use chrono::NaiveDate;
use outpost::app::service::{close_service_item, forward_service_item, record_service_item, Handling};
use outpost::app::{CommandError, RuleError};
use outpost::domain::service::{Channel, ServiceError, ServiceItem};
use outpost::record::hlc::Clock;
use outpost::storage::data::{apply_import, replica};
use outpost::storage::memory::MemoryStore;
use outpost::storage::service_log::load_service;
use pollster::block_on;

use super::common::*;
use super::team_with_customer;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn forward(to: &str, plan: &str, promised: &str) -> Handling {
    Handling::Forwarded { to: to.into(), plan: plan.into(), promised: d(promised) }
}

async fn items(s: &MemoryStore) -> Vec<ServiceItem> {
    load_service(s).await.unwrap()
}

/// Li logs Kite Works' complaint on 2 January and forwards it to engineer Sun.
async fn with_forwarded_complaint() -> (MemoryStore, String) {
    let s = team_with_customer("c1").await;
    let h = forward(" Engineer Sun ", " Replace the pump ", "2026-01-05");
    record_service_item(&s, &li(at(DAY)), "c1", Channel::Complaint, "Pump leaks", h).await.expect("recorded");
    let id = items(&s).await[0].id.clone();
    (s, id)
}

#[test]
fn s1_the_person_first_asked_is_responsible_and_an_item_is_answered_or_forwarded() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let h = Handling::OnTheSpot { answer: "Use the blue cable".into() };
        record_service_item(&s, &zhao(at(DAY)), "c1", Channel::Call, "Which cable?", h).await.expect("on the spot");
        let (s2, id) = with_forwarded_complaint().await;
        let got = items(&s).await;
        assert_eq!((got[0].owner.as_str(), got[0].answer.as_deref()), ("zhao", Some("Use the blue cable")));
        assert_eq!(got[0].asked_on, d("2026-01-02"), "asked today in the team's calendar");
        let it = items(&s2).await.into_iter().find(|i| i.id == id).unwrap();
        assert_eq!((it.owner.as_str(), it.forwards.len()), ("li", 1));
        assert_eq!((it.forwards[0].to.as_str(), it.forwards[0].plan.as_str()), ("Engineer Sun", "Replace the pump"));
        assert_eq!(it.promised(), Some(d("2026-01-05")));
    });
}

#[test]
fn s1_an_item_without_an_answer_or_a_plan_is_refused_and_stores_nothing() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let before = stored_count(&s).await;
        let no_answer = Handling::OnTheSpot { answer: "  ".into() };
        let r = record_service_item(&s, &li(at(DAY)), "c1", Channel::Question, "Price?", no_answer).await;
        assert_eq!(r, Err(RuleError::Service(ServiceError::NoAnswer).into()));
        let r = record_service_item(
            &s,
            &li(at(DAY)),
            "c1",
            Channel::Question,
            "Price?",
            forward("Wang", " ", "2026-01-09"),
        )
        .await;
        assert_eq!(r, Err(RuleError::Service(ServiceError::NoPlan).into()));
        let r = record_service_item(
            &s,
            &li(at(DAY)),
            "c1",
            Channel::Question,
            "Price?",
            forward("Wang", "Ask", "2026-01-01"),
        )
        .await;
        assert!(matches!(r, Err(CommandError::Rule(RuleError::Service(ServiceError::PromiseBeforeAsk { .. })))));
        assert_eq!(stored_count(&s).await, before);
    });
}

#[test]
fn s2_an_open_item_is_escalated_again_and_the_first_asked_stays_responsible() {
    block_on(async {
        let (s, id) = with_forwarded_complaint().await;
        forward_service_item(&s, &wang(at(2 * DAY)), &id, "Supplier", "New seal from the factory", d("2026-01-10"))
            .await
            .expect("escalated");
        let it = items(&s).await.remove(0);
        assert_eq!(it.owner, "li", "S1: the person first asked stays responsible");
        assert_eq!((it.forwards.len(), it.promised()), (2, Some(d("2026-01-10"))));
        let before = stored_count(&s).await;
        let r = forward_service_item(&s, &wang(at(2 * DAY)), &id, " ", "plan", d("2026-01-10")).await;
        assert_eq!(r, Err(RuleError::Service(ServiceError::NoForwardee).into()));
        let r = forward_service_item(&s, &wang(at(2 * DAY)), "sv:nope", "Sun", "plan", d("2026-01-10")).await;
        assert_eq!(r, Err(RuleError::NotFound("service item").into()));
        assert_eq!(stored_count(&s).await, before);
    });
}

#[test]
fn s2_an_item_closes_only_with_a_satisfied_customer_and_a_score() {
    block_on(async {
        let (s, id) = with_forwarded_complaint().await;
        let before = stored_count(&s).await;
        let r = close_service_item(&s, &li(at(3 * DAY)), &id, false, 5, "").await;
        assert_eq!(r, Err(RuleError::Service(ServiceError::NotSatisfied).into()));
        let r = close_service_item(&s, &li(at(3 * DAY)), &id, true, 0, "").await;
        assert_eq!(r, Err(RuleError::Service(ServiceError::BadScore(0)).into()));
        assert_eq!(stored_count(&s).await, before);
        assert!(items(&s).await[0].is_open());
        close_service_item(&s, &li(at(3 * DAY)), &id, true, 5, " fixed ").await.expect("closed");
        let c = items(&s).await[0].closure.clone().expect("closed");
        assert_eq!((c.by.as_str(), c.score, c.note.as_str()), ("li", 5, "fixed"));
    });
}

#[test]
fn s2_a_closed_item_is_neither_forwarded_nor_closed_again_and_nothing_is_stored() {
    block_on(async {
        let (s, id) = with_forwarded_complaint().await;
        close_service_item(&s, &li(at(3 * DAY)), &id, true, 4, "").await.expect("closed");
        let before = stored_count(&s).await;
        let r = forward_service_item(&s, &wang(at(4 * DAY)), &id, "Supplier", "New pump", d("2026-01-20")).await;
        assert_eq!(r, Err(RuleError::Service(ServiceError::AlreadyClosed).into()));
        let r = close_service_item(&s, &zhao(at(4 * DAY)), &id, true, 1, "").await;
        assert_eq!(r, Err(RuleError::Service(ServiceError::AlreadyClosed).into()));
        assert_eq!(stored_count(&s).await, before);
        assert_eq!(items(&s).await[0].forwards.len(), 1);
    });
}

#[test]
fn s2_a_second_closing_from_another_tablet_does_not_replace_the_first() {
    block_on(async {
        let (a, id) = with_forwarded_complaint().await;
        let b = MemoryStore::new();
        apply_import(&b, &replica(&a).await.unwrap(), &Clock::new("tab-c")).await.unwrap();
        // Offline: Li closes on tablet A with a 5, then Zhao on tablet C with a 2.
        close_service_item(&a, &li(at(3 * DAY)), &id, true, 5, "fixed").await.expect("first");
        close_service_item(&b, &zhao(at(3 * DAY + 60_000)), &id, true, 2, "late").await.expect("second");
        let (ra, rb) = (replica(&a).await.unwrap(), replica(&b).await.unwrap());
        apply_import(&a, &rb, &Clock::new("tab-a")).await.unwrap();
        apply_import(&b, &ra, &Clock::new("tab-c")).await.unwrap();
        for s in [&a, &b] {
            let c = items(s).await[0].closure.clone().expect("closed");
            assert_eq!((c.by.as_str(), c.score), ("li", 5));
        }
    });
}
