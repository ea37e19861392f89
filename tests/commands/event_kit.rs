//! E2: materials kits — who prepares what by when.

use outpost::app::event_kit::{can_plan_kit, remove_kit_item, save_kit_item, tick_kit_item};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::event_kit::{kit_progress, KitItem, KitState};
use outpost::domain::profile::Role;
use outpost::record::hlc::Clock;
use outpost::storage::customers::Author;
use outpost::storage::event_kit::load_kit_items;
use outpost::storage::events::{blank_event, event_change};
use outpost::storage::memory::MemoryStore;
use pollster::block_on;

use super::common::*;
use super::team_with_customer;

/// The team, and an event Rep Zhao organises.
async fn team_with_event() -> MemoryStore {
    let s = team_with_customer("c1").await;
    let mut ev = blank_event("e1", "zhao", at(10 * DAY));
    ev.theme = "Kite DIY day".into();
    ev.venue = "Sales office".into();
    let mut clock = Clock::new("tab-c");
    let r = event_change(None, &ev, &mut Author { profile: "zhao", clock: &mut clock, now_ms: at(0) }).unwrap();
    seed(&s, &r, &clock).await;
    s
}

fn kites(who: &str) -> KitItem {
    KitItem {
        id: "k1".into(),
        event: "e1".into(),
        what: " Kite frames ×40 ".into(),
        who: who.into(),
        due: "2026-01-08".parse().unwrap(),
        done: false,
    }
}

#[test]
fn e2_the_organiser_plans_the_kit_and_another_rep_may_not() {
    block_on(async {
        let s = team_with_event().await;
        let before = stored_count(&s).await;
        let refused = save_kit_item(&s, &li(at(DAY)), None, &kites("li")).await;
        assert_eq!(refused, Err(CommandError::NotAllowed { action: Action::PlanKit, role: Role::Rep }));
        assert_eq!(stored_count(&s).await, before);
        save_kit_item(&s, &zhao(at(DAY)), None, &kites("li")).await.unwrap();
        let kit = load_kit_items(&s).await.unwrap();
        assert_eq!(kit.len(), 1);
        assert_eq!(kit[0].what, "Kite frames ×40", "trimmed");
        assert!(can_plan_kit(&wang(0), "zhao") && can_plan_kit(&sun(0), "zhao") && !can_plan_kit(&li(0), "zhao"));
    });
}

#[test]
fn e2_an_item_names_something_to_prepare_and_someone_on_the_team() {
    block_on(async {
        let s = team_with_event().await;
        let blank = KitItem { what: "  ".into(), ..kites("li") };
        assert!(matches!(
            save_kit_item(&s, &wang(at(DAY)), None, &blank).await,
            Err(CommandError::Rule(RuleError::Kit(_)))
        ));
        let stranger = kites("nobody");
        assert_eq!(save_kit_item(&s, &wang(at(DAY)), None, &stranger).await, Err(RuleError::NotFound("person").into()));
        let no_event = KitItem { event: "e9".into(), ..kites("li") };
        assert_eq!(save_kit_item(&s, &wang(at(DAY)), None, &no_event).await, Err(RuleError::NotFound("event").into()));
    });
}

#[test]
fn e2_the_person_preparing_an_item_ticks_it_and_it_is_no_longer_late() {
    block_on(async {
        let s = team_with_event().await;
        save_kit_item(&s, &zhao(at(DAY)), None, &kites("li")).await.unwrap();
        let late_day = "2026-01-09".parse().unwrap();
        assert_eq!(load_kit_items(&s).await.unwrap()[0].state(late_day), KitState::Late);
        let refused = tick_kit_item(&s, &qian(at(DAY)), "k1", true).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::TickKit, .. })));
        tick_kit_item(&s, &li(at(DAY)), "k1", true).await.unwrap();
        let mut kit = load_kit_items(&s).await.unwrap();
        assert_eq!(kit[0].state(late_day), KitState::Done);
        assert_eq!(kit_progress(&mut kit), (1, 1));
        assert_eq!(tick_kit_item(&s, &li(at(DAY)), "k1", true).await, Err(RuleError::Unchanged.into()));
    });
}

#[test]
fn e2_a_rename_from_a_form_opened_before_another_tablet_ticked_the_item_keeps_the_tick() {
    block_on(async {
        let s = team_with_event().await;
        save_kit_item(&s, &zhao(at(DAY)), None, &kites("li")).await.unwrap();
        let opened = load_kit_items(&s).await.unwrap()[0].clone();
        tick_kit_item(&s, &li(at(DAY + 1)), "k1", true).await.unwrap();
        let renamed = KitItem { what: "Kite frames ×50".into(), ..opened.clone() };
        save_kit_item(&s, &zhao(at(DAY + 2)), Some(&opened), &renamed).await.unwrap();
        let kit = load_kit_items(&s).await.unwrap();
        assert_eq!((kit[0].what.as_str(), kit[0].done), ("Kite frames ×50", true));
    });
}

#[test]
fn e2_a_planner_removes_an_item_and_the_rep_may_not() {
    block_on(async {
        let s = team_with_event().await;
        save_kit_item(&s, &zhao(at(DAY)), None, &kites("li")).await.unwrap();
        assert!(matches!(remove_kit_item(&s, &li(at(DAY)), "k1").await, Err(CommandError::NotAllowed { .. })));
        remove_kit_item(&s, &wang(at(DAY)), "k1").await.unwrap();
        assert!(load_kit_items(&s).await.unwrap().is_empty());
    });
}
