//! A1 through the commands: the sales side (a rep or a manager) opens an application and
//! ticks its materials — the rep who opened it or a manager; finance and event staff are
//! refused and store nothing.

use outpost::app::applications::{
    can_file_application, can_tick_materials, open_application, save_checklists, submit_application, tick_material,
};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::application::{ApplicationStatus, Checklists};
use outpost::storage::applications::load_applications;
use outpost::storage::memory::MemoryStore;
use pollster::block_on;

use super::common::*;
use super::team_with_customer;

async fn with_checklists() -> MemoryStore {
    let s = team_with_customer("c1").await;
    let lists = Checklists([("card".to_owned(), vec!["ID copy".to_owned(), "Proof of income".to_owned()])].into());
    save_checklists(&s, &wang(at(0)), &lists).await.unwrap();
    s
}

async fn only_id(s: &MemoryStore) -> String {
    let apps = load_applications(s).await.unwrap().applications;
    assert_eq!(apps.len(), 1);
    apps[0].id.clone()
}

#[test]
fn a1_a_rep_or_a_manager_opens_an_application_and_finance_or_event_staff_store_nothing() {
    block_on(async {
        let s = with_checklists().await;
        assert!(can_file_application(&li(0)) && can_file_application(&wang(0)));
        assert!(!can_file_application(&qian(0)) && !can_file_application(&sun(0)));
        let before = stored_count(&s).await;
        for who in [qian(at(1)), sun(at(1))] {
            let r = open_application(&s, &who, "c1", "card").await;
            assert!(matches!(r, Err(CommandError::NotAllowed { action: Action::FileApplication, .. })), "{r:?}");
        }
        let unknown = open_application(&s, &li(at(1)), "c9", "card").await;
        assert_eq!(unknown, Err(RuleError::NotFound("customer").into()));
        assert_eq!(stored_count(&s).await, before);
        open_application(&s, &li(at(2)), "c1", "card").await.unwrap();
        let a = &load_applications(&s).await.unwrap().applications[0];
        assert_eq!((a.rep.as_str(), a.product.as_str(), a.status()), ("li", "card", ApplicationStatus::Collecting));
    });
}

#[test]
fn a1_materials_are_ticked_by_the_applications_rep_or_a_manager_then_it_is_submitted() {
    block_on(async {
        let s = with_checklists().await;
        open_application(&s, &li(at(1)), "c1", "card").await.unwrap();
        let id = only_id(&s).await;
        assert!(can_tick_materials(&li(0), "li") && can_tick_materials(&wang(0), "li"));
        assert!(!can_tick_materials(&zhao(0), "li") && !can_tick_materials(&qian(0), "li"));
        let before = stored_count(&s).await;
        for who in [zhao(at(2)), qian(at(2)), sun(at(2))] {
            let r = tick_material(&s, &who, &id, "ID copy", true).await;
            assert!(matches!(r, Err(CommandError::NotAllowed { action: Action::FileApplication, .. })), "{r:?}");
        }
        assert_eq!(stored_count(&s).await, before);
        tick_material(&s, &li(at(3)), &id, "ID copy", true).await.unwrap();
        assert!(tick_material(&s, &li(at(4)), &id, "ID copy", true).await.unwrap_err().is_unchanged());
        tick_material(&s, &wang(at(5)), &id, "Proof of income", true).await.unwrap();
        submit_application(&s, &li(at(6)), &id).await.unwrap();
        // Submitted: the materials are frozen until a reviewer returns it.
        let late = tick_material(&s, &li(at(7)), &id, "ID copy", false).await;
        assert!(matches!(late, Err(CommandError::Rule(RuleError::Application(_)))), "{late:?}");
    });
}
