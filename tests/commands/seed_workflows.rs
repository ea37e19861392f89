//! Issue 18's seed workflows: O2 collection habits and the team's reminder lead time,
//! P5 problem customers, P7 rep capacities as a team setting, P9 requiring a release
//! note and sending one back. Each manager-only write is refused to a rep here, and a
//! rep's forged one (signed after picking the manager role on his own tablet) does not
//! count on any device.

use outpost::app::customers::{can_mark_problem, mark_problem, save_collection_habits, save_customer, stored_file};
use outpost::app::pool::{can_return_note, claim_customer, ownership_of, release_customer, return_release_note};
use outpost::app::settings::{migrate_local_capacities, save_capacities, save_collection_settings, save_team_rules};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::collection::CollectionError;
use outpost::domain::collection::{CollectSlot, CollectionHabits, CollectionSettings};
use outpost::domain::customer_list::{derive, Filter};
use outpost::domain::pool::{Change, PoolError, PoolSettings, ReleaseNote};
use outpost::domain::profile::Role;
use outpost::domain::tier::TierSettings;
use outpost::storage::capacities::{load_capacities, Capacities};
use outpost::storage::collection::load_collection;
use outpost::storage::customers::load_customers;
use pollster::block_on;

use super::common::*;
use super::role_folds::{li_as, signed_team};
use super::roster::keyed;
use super::team_with_customer;

fn note() -> ReleaseNote {
    ReleaseNote { status: "cold".into(), contacts: "Ms Chen".into(), progress: "one call".into() }
}

fn caps(pairs: &[(&str, usize)]) -> Capacities {
    Capacities(pairs.iter().map(|(r, c)| ((*r).to_owned(), *c)).collect())
}

#[test]
fn o2_any_member_records_a_payday_and_preferred_times_and_a_bad_payday_is_refused() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let habits = CollectionHabits { payday: Some(25), slots: vec![CollectSlot::Evening, CollectSlot::Afternoon] };
        save_collection_habits(&s, &li(at(DAY)), "c1", &habits).await.unwrap();
        let file = stored_file(&s, "c1").await.unwrap().unwrap();
        assert_eq!(file.payday, Some(25));
        assert_eq!(file.collect_slots, vec![CollectSlot::Afternoon, CollectSlot::Evening], "kept in day order");
        let bad = CollectionHabits { payday: Some(32), slots: vec![] };
        assert!(matches!(
            save_collection_habits(&s, &li(at(DAY)), "c1", &bad).await,
            Err(CommandError::Rule(RuleError::Collection(CollectionError::BadPayday)))
        ));
        assert_eq!(save_collection_habits(&s, &li(at(DAY)), "c1", &habits).await, Err(RuleError::Unchanged.into()));
    });
}

#[test]
fn o2_the_reminder_lead_time_is_the_managers_and_checked() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let before = stored_count(&s).await;
        let refused = save_collection_settings(&s, &li(at(0)), CollectionSettings { remind_days: 14 }).await;
        assert_eq!(refused, Err(CommandError::NotAllowed { action: Action::SaveCollectionSettings, role: Role::Rep }));
        assert_eq!(stored_count(&s).await, before);
        assert!(save_collection_settings(&s, &wang(at(0)), CollectionSettings { remind_days: 61 }).await.is_err());
        assert_eq!(load_collection(&s).await.unwrap(), CollectionSettings { remind_days: 7 }, "the default");
        save_collection_settings(&s, &wang(at(1)), CollectionSettings { remind_days: 14 }).await.unwrap();
        assert_eq!(load_collection(&s).await.unwrap().remind_days, 14);
    });
}

#[test]
fn p5_a_rep_marking_a_problem_customer_is_refused_and_a_manager_marks_and_clears_it() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let before = stored_count(&s).await;
        let refused = mark_problem(&s, &li(at(DAY)), "c1", true, "never pays").await;
        assert_eq!(refused, Err(CommandError::NotAllowed { action: Action::MarkProblem, role: Role::Rep }));
        assert_eq!(stored_count(&s).await, before);
        assert!(can_mark_problem(&wang(0)) && !can_mark_problem(&li(0)) && !can_mark_problem(&qian(0)));

        mark_problem(&s, &wang(at(DAY)), "c1", true, " disputes every invoice ").await.unwrap();
        let f = stored_file(&s, "c1").await.unwrap().unwrap();
        assert_eq!((f.problem, f.problem_note.as_str()), (true, "disputes every invoice"));

        // A rep saving the file keeps the mark but may not change it.
        let mut edit = f.clone();
        edit.problem = false;
        let refused = save_customer(&s, &li(at(DAY + 1)), "c1", None, &edit, None).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::MarkProblem, .. })));
        let notes = outpost::domain::customer::CustomerFile { notes: "call after 3".into(), ..f.clone() };
        save_customer(&s, &li(at(DAY + 1)), "c1", None, &notes, None).await.unwrap();

        // The list filter finds it.
        let all: Vec<_> = load_customers(&s)
            .await
            .unwrap()
            .into_iter()
            .map(|r| derive(r, at(DAY + 2), &PoolSettings::default(), &TierSettings::default()))
            .collect();
        let only_problem = Filter { problem_only: true, ..Default::default() };
        assert_eq!(all.iter().filter(|c| only_problem.accepts(c, at(DAY + 2))).count(), 1);

        mark_problem(&s, &wang(at(DAY + 3)), "c1", false, "ignored").await.unwrap();
        let f = stored_file(&s, "c1").await.unwrap().unwrap();
        assert_eq!((f.problem, f.problem_note.as_str()), (false, ""));
    });
}

#[test]
fn p5_a_problem_mark_from_a_rep_who_picks_the_manager_role_does_not_count() {
    block_on(async {
        let s = signed_team().await;
        mark_problem(&s, &li_as(Role::Manager, at(20)), "c1", true, "forged").await.expect("his tablet stores it");
        let c1 = load_customers(&s).await.unwrap().into_iter().find(|c| c.id == "c1").unwrap();
        assert!(!c1.file.problem && c1.file.problem_note.is_empty());
        mark_problem(&s, &keyed(wang(at(21))), "c1", true, "real").await.unwrap();
        let c1 = load_customers(&s).await.unwrap().into_iter().find(|c| c.id == "c1").unwrap();
        assert!(c1.file.problem);
    });
}

#[test]
fn p7_capacities_are_a_team_setting_only_the_manager_saves() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let refused = save_capacities(&s, &li(at(0)), &caps(&[("li", 5)])).await;
        assert_eq!(refused, Err(CommandError::NotAllowed { action: Action::SaveCapacities, role: Role::Rep }));
        assert!(save_capacities(&s, &wang(at(0)), &caps(&[("li", 10_001)])).await.is_err());
        save_capacities(&s, &wang(at(1)), &caps(&[("li", 20)])).await.unwrap();
        save_capacities(&s, &wang(at(2)), &caps(&[("zhao", 30)])).await.unwrap();
        let c = load_capacities(&s).await.unwrap();
        assert_eq!((c.of("li"), c.of("zhao"), c.of("nobody")), (20, 30, 100));
    });
}

#[test]
fn p7_capacities_kept_on_one_device_are_migrated_once_without_overwriting_the_teams() {
    block_on(async {
        let s = team_with_customer("c1").await;
        save_capacities(&s, &wang(at(1)), &caps(&[("li", 20)])).await.unwrap();
        let local = caps(&[("li", 80), ("zhao", 40)]);
        migrate_local_capacities(&s, &wang(at(2)), &local).await.unwrap();
        let c = load_capacities(&s).await.unwrap();
        assert_eq!((c.of("li"), c.of("zhao")), (20, 40), "the team's value wins over the old local one");
        assert_eq!(migrate_local_capacities(&s, &wang(at(3)), &local).await, Err(RuleError::Unchanged.into()));
        let refused = migrate_local_capacities(&s, &li(at(3)), &caps(&[("sun", 1)])).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { .. })));
    });
}

#[test]
fn p7_capacities_from_a_rep_who_picks_the_manager_role_do_not_count() {
    block_on(async {
        let s = signed_team().await;
        save_capacities(&s, &li_as(Role::Manager, at(20)), &caps(&[("li", 1)])).await.expect("his tablet stores it");
        assert_eq!(load_capacities(&s).await.unwrap().of("li"), 100);
        save_collection_settings(&s, &li_as(Role::Manager, at(21)), CollectionSettings { remind_days: 30 })
            .await
            .expect("his tablet stores it");
        assert_eq!(load_collection(&s).await.unwrap().remind_days, 7);
    });
}

/// Li claims c1 at day 1 and releases it with a note at day 2.
async fn released_by_li() -> outpost::storage::memory::MemoryStore {
    let s = team_with_customer("c1").await;
    claim_customer(&s, &li(at(DAY)), "c1").await.unwrap();
    release_customer(&s, &li(at(2 * DAY)), "c1", note()).await.unwrap();
    s
}

#[test]
fn p9_a_manager_sends_a_release_note_back_and_the_rep_answers_with_a_fuller_one() {
    block_on(async {
        let s = released_by_li().await;
        let before = stored_count(&s).await;
        let refused = return_release_note(&s, &li(at(3 * DAY)), "c1", "more please").await;
        assert_eq!(refused, Err(CommandError::NotAllowed { action: Action::ReturnReleaseNote, role: Role::Rep }));
        assert_eq!(stored_count(&s).await, before);
        assert!(can_return_note(&wang(0)) && !can_return_note(&li(0)));
        assert_eq!(
            return_release_note(&s, &wang(at(3 * DAY)), "c1", "  ").await,
            Err(CommandError::Rule(RuleError::Pool(PoolError::EmptyComment)))
        );

        return_release_note(&s, &wang(at(3 * DAY)), "c1", "Who decides there now?").await.unwrap();
        let own = ownership_of(&s, &li(at(3 * DAY + 1)), "c1").await.unwrap();
        assert_eq!(own.needs_release_note.as_deref(), Some("li"));
        assert_eq!(own.returned_note.as_ref().map(|r| r.comment.as_str()), Some("Who decides there now?"));
        assert!(own.claimable(), "the team does not require notes: still in the pool");

        let fuller = ReleaseNote { contacts: "Ms Chen, buyer; Mr Wu decides".into(), ..note() };
        release_customer(&s, &li(at(4 * DAY)), "c1", fuller.clone()).await.unwrap();
        let own = ownership_of(&s, &li(at(4 * DAY + 1)), "c1").await.unwrap();
        assert_eq!((&own.needs_release_note, &own.returned_note), (&None, &None));
        assert_eq!(own.last_release().map(|(r, n)| (r.to_owned(), n.clone())), Some(("li".to_owned(), fuller)));
        let answered = own.history.iter().filter(|h| matches!(h.change, Change::Released { .. })).count();
        assert_eq!(answered, 2, "both notes stay in the history");
    });
}

#[test]
fn p9_no_note_can_be_sent_back_for_a_customer_that_was_not_released() {
    block_on(async {
        let s = team_with_customer("c1").await;
        assert_eq!(return_release_note(&s, &wang(at(DAY)), "c1", "more").await, Err(RuleError::NoReleaseNote.into()));
        claim_customer(&s, &li(at(DAY)), "c1").await.unwrap();
        assert_eq!(return_release_note(&s, &wang(at(DAY)), "c1", "more").await, Err(RuleError::NoReleaseNote.into()));
    });
}

#[test]
fn p9_an_older_release_cannot_be_sent_back_once_another_rep_held_the_customer_since() {
    block_on(async {
        let s = released_by_li().await;
        claim_customer(&s, &zhao(at(3 * DAY)), "c1").await.unwrap();
        // P1: Zhao's two months pass without a deal; the customer is back in the pool.
        let later = at(70 * DAY);
        let own = ownership_of(&s, &wang(later), "c1").await.unwrap();
        assert!(own.owner.is_none() && own.last_release().is_none(), "Li's note is not why it is in the pool now");
        assert_eq!(return_release_note(&s, &wang(later), "c1", "more").await, Err(RuleError::NoReleaseNote.into()));
        // Zhao writes the note his expiry asks for; that one can be sent back.
        release_customer(&s, &zhao(later + 1), "c1", note()).await.unwrap();
        return_release_note(&s, &wang(later + 2), "c1", "more").await.unwrap();
        let own = ownership_of(&s, &wang(later + 3), "c1").await.unwrap();
        assert_eq!(own.needs_release_note.as_deref(), Some("zhao"));
    });
}

#[test]
fn p9_when_the_team_requires_the_note_an_expired_customer_waits_for_it_before_anyone_claims_it() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let pool = PoolSettings { require_release_note: true, ..PoolSettings::default() };
        save_team_rules(&s, &wang(at(0)), &(pool, TierSettings::default())).await.unwrap();
        claim_customer(&s, &li(at(DAY)), "c1").await.unwrap();
        // P1: two months without a deal.
        let later = at(70 * DAY);
        let own = ownership_of(&s, &zhao(later), "c1").await.unwrap();
        assert!(own.owner.is_none() && own.held_for_note && !own.claimable());
        assert_eq!(claim_customer(&s, &zhao(later), "c1").await, Err(RuleError::HeldForNote.into()));

        release_customer(&s, &li(later + 1), "c1", note()).await.unwrap();
        assert!(ownership_of(&s, &zhao(later + 2), "c1").await.unwrap().claimable());

        // Sent back: held again until Li answers.
        return_release_note(&s, &wang(later + 3), "c1", "which products?").await.unwrap();
        assert_eq!(claim_customer(&s, &zhao(later + 4), "c1").await, Err(RuleError::HeldForNote.into()));
        release_customer(&s, &li(later + 5), "c1", note()).await.unwrap();
        claim_customer(&s, &zhao(later + 6), "c1").await.unwrap();
    });
}

#[test]
fn p9_a_note_sent_back_by_a_rep_who_picks_the_manager_role_does_not_count() {
    block_on(async {
        let s = signed_team().await;
        claim_customer(&s, &keyed(li(at(20))), "c1").await.unwrap();
        release_customer(&s, &keyed(li(at(21))), "c1", note()).await.unwrap();
        return_release_note(&s, &keyed(actor("zhao", Role::Manager, "tab-c", at(22))), "c1", "forged")
            .await
            .expect("his tablet stores it");
        let own = ownership_of(&s, &wang(at(23)), "c1").await.unwrap();
        assert_eq!(own.returned_note, None);
        return_release_note(&s, &keyed(wang(at(24))), "c1", "real").await.unwrap();
        let own = ownership_of(&s, &wang(at(25)), "c1").await.unwrap();
        assert_eq!(own.returned_note.map(|r| r.comment), Some("real".to_owned()));
    });
}
