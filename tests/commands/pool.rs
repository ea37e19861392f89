//! P1–P9, C6, H1: the pool commands.

use outpost::app::pool::{
    assign_customer, can_assign, can_claim, claim_customer, distribute_leads, hand_over, log_contact, ownership_of,
    release_customer, review_customer,
};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::pool::{AssignReason, OwnReason, PoolError, ReleaseNote};
use outpost::domain::profile::Role;
use pollster::block_on;

use super::common::*;
use super::team_with_customer;

fn note() -> ReleaseNote {
    ReleaseNote { status: "cold".into(), contacts: "Ms Chen".into(), progress: "one call".into() }
}

#[test]
fn p5_a_rep_claims_a_customer_from_the_pool_and_owns_it() {
    block_on(async {
        let s = team_with_customer("c1").await;
        claim_customer(&s, &li(at(DAY)), "c1").await.expect("claimed");
        let own = ownership_of(&s, &li(at(DAY + 1)), "c1").await.unwrap();
        assert_eq!(own.owner.as_deref(), Some("li"));
        assert_eq!(own.reason, Some(OwnReason::Claimed));
    });
}

#[test]
fn p5_a_manager_claiming_is_refused_and_nothing_is_stored() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let before = stored_count(&s).await;
        let refused = claim_customer(&s, &wang(at(DAY)), "c1").await;
        assert_eq!(refused, Err(CommandError::NotAllowed { action: Action::ClaimCustomer, role: Role::Manager }));
        assert_eq!(stored_count(&s).await, before);
        assert!(!can_claim(&wang(0)) && can_claim(&li(0)));
    });
}

#[test]
fn p5_a_customer_with_an_owner_cannot_be_claimed_again_on_the_same_tablet() {
    block_on(async {
        let s = team_with_customer("c1").await;
        claim_customer(&s, &li(at(DAY)), "c1").await.unwrap();
        assert_eq!(claim_customer(&s, &zhao(at(DAY + 1)), "c1").await, Err(RuleError::Owned.into()));
        assert_eq!(claim_customer(&s, &zhao(at(DAY)), "nobody").await, Err(RuleError::NotFound("customer").into()));
    });
}

#[test]
fn p1_a_rep_entering_a_customer_owns_it_by_first_contact() {
    block_on(async {
        let s = team_with_customer("c0").await;
        let file = outpost::domain::customer::CustomerFile { name: "Kite Works".into(), ..Default::default() };
        outpost::app::customers::save_customer(&s, &li(at(0)), "c1", None, &file, None).await.unwrap();
        let own = ownership_of(&s, &li(at(1)), "c1").await.unwrap();
        assert_eq!((own.owner.as_deref(), own.reason), (Some("li"), Some(OwnReason::FirstContact)));
    });
}

#[test]
fn p4_a_manager_refers_a_customer_and_a_rep_assigning_is_refused() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let refused = assign_customer(&s, &li(at(DAY)), "c1", "zhao", AssignReason::Referred, "").await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::AssignCustomer, role: Role::Rep })));
        assert!(can_assign(&wang(0)) && !can_assign(&li(0)));
        assign_customer(&s, &wang(at(DAY)), "c1", "zhao", AssignReason::Referred, "friend of the boss").await.unwrap();
        let own = ownership_of(&s, &li(at(DAY + 1)), "c1").await.unwrap();
        assert_eq!((own.owner.as_deref(), own.reason), (Some("zhao"), Some(OwnReason::Referred)));
    });
}

#[test]
fn p4_a_customer_goes_only_to_a_rep_of_the_team() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let to_finance = assign_customer(&s, &wang(at(DAY)), "c1", "qian", AssignReason::Assigned, "").await;
        assert_eq!(to_finance, Err(RuleError::NotARep("qian".into()).into()));
        let to_stranger = assign_customer(&s, &wang(at(DAY)), "c1", "ghost", AssignReason::Assigned, "").await;
        assert_eq!(to_stranger, Err(RuleError::NotARep("ghost".into()).into()));
    });
}

#[test]
fn p9_the_owner_releases_with_a_complete_note_and_another_rep_may_not() {
    block_on(async {
        let s = team_with_customer("c1").await;
        claim_customer(&s, &li(at(DAY)), "c1").await.unwrap();
        let by_other = release_customer(&s, &zhao(at(2 * DAY)), "c1", note()).await;
        assert!(matches!(by_other, Err(CommandError::NotAllowed { action: Action::ReleaseCustomer, .. })));
        let half = ReleaseNote { progress: " ".into(), ..note() };
        let incomplete = release_customer(&s, &li(at(2 * DAY)), "c1", half).await;
        assert_eq!(incomplete, Err(RuleError::Pool(PoolError::IncompleteNote { field: "progress" }).into()));
        release_customer(&s, &li(at(2 * DAY)), "c1", note()).await.unwrap();
        assert_eq!(ownership_of(&s, &li(at(2 * DAY + 1)), "c1").await.unwrap().owner, None);
    });
}

#[test]
fn p8_only_the_owner_logs_the_contact_that_keeps_a_customer() {
    block_on(async {
        let s = team_with_customer("c1").await;
        assign_customer(&s, &wang(at(DAY)), "c1", "li", AssignReason::Assigned, "").await.unwrap();
        assert!(matches!(log_contact(&s, &zhao(at(2 * DAY)), "c1").await, Err(CommandError::NotAllowed { .. })));
        log_contact(&s, &li(at(2 * DAY)), "c1").await.unwrap();
        assert!(!ownership_of(&s, &wang(at(9 * DAY)), "c1").await.unwrap().is_reassign_due(at(9 * DAY)));
    });
}

#[test]
fn c6_only_a_manager_marks_a_new_customer_reviewed() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let before = stored_count(&s).await;
        assert!(matches!(review_customer(&s, &li(at(DAY)), "c1").await, Err(CommandError::NotAllowed { .. })));
        assert_eq!(stored_count(&s).await, before);
        let r = review_customer(&s, &wang(at(DAY)), "c1").await.unwrap();
        assert_eq!(r.entries.values().next().map(|e| e.kind.as_str()), Some("customer.reviewed"));
    });
}

#[test]
fn p7_the_manager_distributes_pool_leads_but_never_takes_one_from_its_owner() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let file = outpost::domain::customer::CustomerFile { name: "Lead".into(), ..Default::default() };
        outpost::app::customers::save_customer(&s, &wang(at(0)), "c2", None, &file, None).await.unwrap();
        let plan = vec![("c1".to_owned(), "li".to_owned()), ("c2".to_owned(), "zhao".to_owned())];
        assert!(matches!(distribute_leads(&s, &li(at(DAY)), &plan).await, Err(CommandError::NotAllowed { .. })));
        distribute_leads(&s, &wang(at(DAY)), &plan).await.unwrap();
        let own = ownership_of(&s, &wang(at(DAY + 1)), "c2").await.unwrap();
        assert_eq!((own.owner.as_deref(), own.reason), (Some("zhao"), Some(OwnReason::Assigned)));
        assert_eq!(distribute_leads(&s, &wang(at(DAY + 2)), &plan).await, Err(RuleError::Owned.into()));
    });
}

#[test]
fn h1_the_manager_hands_a_leaving_reps_customers_over_with_their_state() {
    block_on(async {
        let s = team_with_customer("c1").await;
        claim_customer(&s, &li(at(DAY)), "c1").await.unwrap();
        let plan = vec![("c1".to_owned(), "zhao".to_owned(), "owes 2 invoices".to_owned())];
        assert!(matches!(hand_over(&s, &zhao(at(2 * DAY)), &plan).await, Err(CommandError::NotAllowed { .. })));
        hand_over(&s, &wang(at(2 * DAY)), &plan).await.unwrap();
        let own = ownership_of(&s, &wang(at(2 * DAY + 1)), "c1").await.unwrap();
        assert_eq!(own.owner.as_deref(), Some("zhao"));
        assert_eq!(own.history.len(), 2);
    });
}

#[test]
fn p6_two_tablets_claiming_offline_through_the_command_agree_on_the_earliest_claim() {
    use outpost::record::hlc::Clock;
    use outpost::storage::data::{apply_import, replica};
    block_on(async {
        let a = team_with_customer("c1").await;
        let b = outpost::storage::memory::MemoryStore::new();
        apply_import(&b, &replica(&a).await.unwrap(), &Clock::new("tab-c")).await.unwrap();
        // Offline: Zhao claims later in wall time on tablet C, Li earlier on tablet A.
        claim_customer(&b, &zhao(at(DAY + 5)), "c1").await.unwrap();
        claim_customer(&a, &li(at(DAY)), "c1").await.unwrap();
        let (ra, rb) = (replica(&a).await.unwrap(), replica(&b).await.unwrap());
        apply_import(&a, &rb, &Clock::new("tab-a")).await.unwrap();
        apply_import(&b, &ra, &Clock::new("tab-c")).await.unwrap();
        for s in [&a, &b] {
            let own = ownership_of(s, &wang(at(2 * DAY)), "c1").await.unwrap();
            assert_eq!(own.owner.as_deref(), Some("li"));
            assert_eq!(own.lost_claims.len(), 1);
        }
    });
}
