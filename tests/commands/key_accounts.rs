//! K1/K3: each step only by the holder of the step's role.

use outpost::app::key_accounts::{can_decide_step, decide_key_account_step, save_key_account_roles};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::approval::{ApprovalError, ApprovalStatus, CustomerFacts, KeyAccountRoles, Step, SupportRequest};
use outpost::storage::key_accounts::{load_key_accounts, request_created};
use outpost::storage::memory::MemoryStore;
use pollster::block_on;

use super::common::*;
use super::team_with_customer;

/// Zhao reviews (supervisor), Wang approves (key-account manager); Li asks for support.
async fn with_request() -> MemoryStore {
    let s = team_with_customer("c1").await;
    let roles = KeyAccountRoles { supervisors: ["zhao".to_owned()].into(), managers: ["wang".to_owned()].into() };
    save_key_account_roles(&s, &wang(at(0)), &roles).await.unwrap();
    let day = "2026-01-02".parse().unwrap();
    let r = SupportRequest::new("ka:1", "c1", "li", day, "a seminar", CustomerFacts::default()).unwrap();
    let mut t = Tablet::new("li", "tab-a");
    let change = request_created(&r, &mut t.at(at(1)));
    seed(&s, &change, &t.clock).await;
    s
}

#[test]
fn k1_only_the_manager_names_who_reviews_and_who_approves() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let roles = KeyAccountRoles { supervisors: ["li".to_owned()].into(), managers: ["li".to_owned()].into() };
        let refused = save_key_account_roles(&s, &li(at(0)), &roles).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::SaveKeyAccountRoles, .. })));
        assert_eq!(load_key_accounts(&s).await.unwrap().roles, KeyAccountRoles::default());
    });
}

#[test]
fn k1_a_step_is_taken_only_by_the_holder_of_its_role_in_order() {
    block_on(async {
        let s = with_request().await;
        let roles = load_key_accounts(&s).await.unwrap().roles;
        assert!(can_decide_step(&zhao(0), &roles, Step::Review) && !can_decide_step(&wang(0), &roles, Step::Review));
        let before = stored_count(&s).await;
        // The manager cannot take the supervisor's review; the applicant decides nothing.
        let by_manager = decide_key_account_step(&s, &wang(at(DAY)), "ka:1", "ok", true).await;
        assert!(matches!(by_manager, Err(CommandError::NotAllowed { action: Action::DecideKeyAccountStep, .. })));
        let by_rep = decide_key_account_step(&s, &li(at(DAY)), "ka:1", "ok", true).await;
        assert!(matches!(by_rep, Err(CommandError::NotAllowed { .. })));
        assert_eq!(stored_count(&s).await, before);
        decide_key_account_step(&s, &zhao(at(DAY)), "ka:1", "worth it", true).await.unwrap();
        // The reviewer does not also approve.
        let again = decide_key_account_step(&s, &zhao(at(DAY + 1)), "ka:1", "twice", true).await;
        assert_eq!(again, Err(RuleError::Approval(ApprovalError::SamePerson).into()));
        decide_key_account_step(&s, &wang(at(2 * DAY)), "ka:1", "approved", true).await.unwrap();
        let data = load_key_accounts(&s).await.unwrap();
        assert_eq!(data.requests[0].request.approval.status(), ApprovalStatus::Approved);
        let done = decide_key_account_step(&s, &wang(at(3 * DAY)), "ka:1", "more", true).await;
        assert_eq!(done, Err(RuleError::Approval(ApprovalError::AlreadyDecided).into()));
    });
}

#[test]
fn k1_a_step_needs_an_opinion_and_an_unknown_request_is_refused() {
    block_on(async {
        let s = with_request().await;
        let bare = decide_key_account_step(&s, &zhao(at(DAY)), "ka:1", " ", true).await;
        assert_eq!(bare, Err(RuleError::Approval(ApprovalError::NoOpinion).into()));
        let unknown = decide_key_account_step(&s, &zhao(at(DAY)), "ka:9", "ok", true).await;
        assert_eq!(unknown, Err(RuleError::NotFound("key-account request").into()));
    });
}
