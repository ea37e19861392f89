//! The team roster (issue 15): the first admin starts it, admins grant announced keys
//! their roles and revoke them (H1); what a person's key seals counts only while the
//! roster holds it.

use outpost::app::pool::{claim_customer, ownership_of};
use outpost::app::roster::{can_manage_roster, grant, revoke, start_roster};
use outpost::app::{Action, Actor, CommandError, RuleError};
use outpost::domain::profile::Role;
use outpost::domain::roster::Standing;
use outpost::record::hlc::Clock;
use outpost::record::seal::PersonalKey;
use outpost::storage::customers::Author;
use outpost::storage::memory::MemoryStore;
use outpost::storage::people::person_key_change;
use outpost::storage::roster::load_roster;
use pollster::block_on;

use super::common::*;
use super::team_with_customer;

pub(crate) fn key_of(profile: &str) -> PersonalKey {
    PersonalKey::from_seed([profile.bytes().fold(7u8, |a, b| a.wrapping_mul(31).wrapping_add(b)); 32])
}

pub(crate) fn keyed(a: Actor) -> Actor {
    let k = key_of(&a.profile);
    a.with_key(Some(k))
}

/// Each person's device announces its key in the team directory.
pub(crate) async fn announce(s: &MemoryStore, people: &[&str]) {
    let mut clock = Clock::new("tab-x");
    for p in people {
        let r = person_key_change(p, &key_of(p).id().0, &mut Author { profile: p, clock: &mut clock, now_ms: at(1) });
        seed(s, &r, &clock).await;
    }
}

async fn standing(s: &MemoryStore, person: &str, now: i64) -> Standing {
    let roster = load_roster(s).await.unwrap().expect("a roster");
    roster.standing(person, Some(&key_of(person).id().0), now)
}

#[test]
fn the_first_admin_starts_the_roster_and_grants_announced_keys() {
    block_on(async {
        let s = team_with_customer("c1").await;
        announce(&s, &["li", "wang", "qian"]).await;
        // A rep cannot start the team's roster; a manager without a key cannot either.
        let refused = start_roster(&s, &keyed(li(at(10)))).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::ManageRoster, .. })));
        assert!(start_roster(&s, &wang(at(10))).await.is_err());
        assert_eq!(load_roster(&s).await.unwrap(), None);

        start_roster(&s, &keyed(wang(at(10)))).await.expect("started");
        assert!(matches!(standing(&s, "wang", at(11)).await, Standing::Member { admin: true, .. }));
        assert!(matches!(standing(&s, "li", at(11)).await, Standing::Pending { .. }));
        // Only once.
        assert!(start_roster(&s, &keyed(wang(at(12)))).await.is_err());

        // A rep granting himself finance is refused; nothing changes.
        let refused = grant(&s, &keyed(li(at(20))), "li", &[Role::Finance], false).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::ManageRoster, .. })));
        // No role, or a person who never announced a key, is refused with why.
        assert!(matches!(
            grant(&s, &keyed(wang(at(20))), "li", &[], false).await,
            Err(CommandError::Rule(RuleError::NoRole))
        ));
        assert!(matches!(
            grant(&s, &keyed(wang(at(20))), "zhao", &[Role::Rep], false).await,
            Err(CommandError::Rule(RuleError::NoKey))
        ));

        grant(&s, &keyed(wang(at(20))), "li", &[Role::Rep], false).await.expect("granted");
        grant(&s, &keyed(wang(at(21))), "qian", &[Role::Finance], false).await.expect("granted");
        assert_eq!(
            standing(&s, "li", at(30)).await,
            Standing::Member { key: key_of("li").id().0, roles: vec![Role::Rep], admin: false }
        );
        let roster = load_roster(&s).await.unwrap();
        assert!(can_manage_roster(&keyed(wang(at(30))), roster.as_ref()));
        assert!(!can_manage_roster(&keyed(qian(at(30))), roster.as_ref()));
    });
}

#[test]
fn h1_a_revoked_reps_later_claim_does_not_count_on_any_device() {
    block_on(async {
        let s = team_with_customer("c1").await;
        outpost::app::customers::save_customer(
            &s,
            &wang(at(1)),
            "c2",
            None,
            &outpost::domain::customer::CustomerFile { name: "Customer c2".into(), ..Default::default() },
            None,
        )
        .await
        .unwrap();
        announce(&s, &["li", "wang"]).await;
        start_roster(&s, &keyed(wang(at(10)))).await.unwrap();
        grant(&s, &keyed(wang(at(20))), "li", &[Role::Rep], false).await.unwrap();

        claim_customer(&s, &keyed(li(at(DAY))), "c1").await.expect("claimed while on the team");
        assert_eq!(ownership_of(&s, &wang(at(DAY + 1)), "c1").await.unwrap().owner.as_deref(), Some("li"));

        revoke(&s, &keyed(wang(at(2 * DAY))), "li").await.expect("revoked");
        assert!(matches!(standing(&s, "li", at(2 * DAY + 1)).await, Standing::Revoked { .. }));
        // His tablet still writes the claim (it is offline and does not know), but no
        // device counts it; the claim he made before he left still stands.
        claim_customer(&s, &keyed(li(at(3 * DAY))), "c2").await.expect("stored on his tablet");
        assert_eq!(ownership_of(&s, &wang(at(3 * DAY + 1)), "c2").await.unwrap().owner, None);
        assert_eq!(ownership_of(&s, &wang(at(3 * DAY + 1)), "c1").await.unwrap().owner.as_deref(), Some("li"));
        // Revoking again changes nothing.
        assert!(revoke(&s, &keyed(wang(at(4 * DAY))), "li").await.unwrap_err().is_unchanged());
    });
}

#[test]
fn a_newcomers_work_while_waiting_for_approval_counts_once_granted() {
    block_on(async {
        let s = team_with_customer("c1").await;
        announce(&s, &["li", "wang"]).await;
        start_roster(&s, &keyed(wang(at(10)))).await.unwrap();
        // Li claims on his first day, before the manager got round to granting him.
        claim_customer(&s, &keyed(li(at(DAY))), "c1").await.unwrap();
        assert_eq!(ownership_of(&s, &wang(at(DAY + 1)), "c1").await.unwrap().owner, None, "pending: not counted");
        grant(&s, &keyed(wang(at(2 * DAY))), "li", &[Role::Rep], false).await.unwrap();
        assert_eq!(ownership_of(&s, &wang(at(2 * DAY + 1)), "c1").await.unwrap().owner.as_deref(), Some("li"));
    });
}

#[test]
fn the_first_admins_own_key_cannot_be_revoked() {
    block_on(async {
        let s = team_with_customer("c1").await;
        announce(&s, &["wang"]).await;
        start_roster(&s, &keyed(wang(at(10)))).await.unwrap();
        assert!(revoke(&s, &keyed(wang(at(20))), "wang").await.unwrap_err().is_unchanged());
        assert!(matches!(standing(&s, "wang", at(30)).await, Standing::Member { admin: true, .. }));
    });
}
