//! Seed 002 with P4/P7: the territory table is the manager's team setting (a rep's edit,
//! even forged on his tablet, counts nowhere); marketing's leads are assigned by it in
//! one tap by the manager; reviewed files are sent to marketing, once, by the manager.

use outpost::app::customers::save_customer;
use outpost::app::pool::{claim_customer, ownership_of, review_customer};
use outpost::app::territory::{assign_by_territory, forward_to_marketing, save_territories, territory_proposal};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::customer::CustomerFile;
use outpost::domain::pool::OwnReason;
use outpost::domain::profile::Role;
use outpost::domain::territory::{TerritoryError, TerritoryRow, TerritoryTable};
use outpost::storage::forwarding::load_forwarded;
use outpost::storage::memory::MemoryStore;
use outpost::storage::territories::{load_territories, territories_change};
use pollster::block_on;

use super::common::*;
use super::role_folds::{forge, signed_team};
use super::roster::keyed;

fn two_regions() -> TerritoryTable {
    TerritoryTable::new(vec![TerritoryRow::new("浦东", &["li"]), TerritoryRow::new("徐汇", &["li", "zhao"])])
}

/// Manager Wang enters a lead from `source` in `region` (so it starts in the pool).
async fn lead(s: &MemoryStore, id: &str, source: &str, region: &str) {
    let file = CustomerFile { name: id.into(), source: source.into(), region: region.into(), ..Default::default() };
    save_customer(s, &keyed(wang(at(20))), id, None, &file, None).await.expect("entered");
}

#[test]
fn seed002_only_the_manager_saves_the_territory_table_and_a_bad_one_is_refused() {
    block_on(async {
        let s = signed_team().await;
        let refused = save_territories(&s, &keyed(li(at(20))), &two_regions()).await;
        assert_eq!(refused, Err(CommandError::NotAllowed { action: Action::SaveTerritories, role: Role::Rep }));
        let unknown = TerritoryTable::new(vec![TerritoryRow::new("浦东", &["qian"])]);
        assert_eq!(
            save_territories(&s, &keyed(wang(at(21))), &unknown).await,
            Err(RuleError::from(TerritoryError::UnknownRep { region: "浦东".into(), rep: "qian".into() }).into()),
            "finance is not a rep"
        );
        save_territories(&s, &keyed(wang(at(22))), &two_regions()).await.expect("saved");
        assert_eq!(load_territories(&s).await.unwrap(), two_regions());
        // Removing a row and saving again keeps the other.
        let one = TerritoryTable::new(vec![TerritoryRow::new("徐汇", &["zhao"])]);
        save_territories(&s, &keyed(wang(at(23))), &one).await.expect("saved");
        assert_eq!(load_territories(&s).await.unwrap(), one);
        assert_eq!(save_territories(&s, &keyed(wang(at(24))), &one).await, Err(RuleError::Unchanged.into()));
    });
}

#[test]
fn seed002_a_table_a_rep_forges_on_his_tablet_counts_on_no_device() {
    block_on(async {
        let s = signed_team().await;
        save_territories(&s, &keyed(wang(at(20))), &two_regions()).await.expect("saved");
        // Li, on his own tablet, takes every region for himself.
        let mine = TerritoryTable::new(vec![TerritoryRow::new("徐汇", &["li"]), TerritoryRow::new("闵行", &["li"])]);
        let old = load_territories(&s).await.unwrap();
        forge(&s, "li", "tab-a", at(30), |by| territories_change(&old, &mine, by).unwrap()).await;
        assert_eq!(load_territories(&s).await.unwrap(), two_regions(), "the manager's table stands");
    });
}

#[test]
fn seed002_marketing_leads_are_assigned_by_territory_in_one_tap_and_the_rest_listed() {
    block_on(async {
        let s = signed_team().await;
        save_territories(&s, &keyed(wang(at(20))), &two_regions()).await.expect("saved");
        lead(&s, "m1", "marketing", "浦东").await;
        lead(&s, "m2", "marketing", "徐汇").await;
        lead(&s, "e1", "event", " 徐汇").await;
        lead(&s, "m3", "marketing", "闵行").await;
        lead(&s, "t1", "trade_fair", "浦东").await;
        let p = territory_proposal(&s, &wang(at(40))).await.unwrap();
        // Leads in id order. 徐汇 is shared: e1 to Li (both hold none, the smaller id);
        // 浦东 is Li's: m1; then in 徐汇 Li holds 2, Zhao none: m2 to Zhao.
        let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect::<Vec<_>>();
        assert_eq!(p.assignments, pairs(&[("e1", "li"), ("m1", "li"), ("m2", "zhao")]));
        assert_eq!(p.no_region, vec!["m3".to_owned()]);
        let (_, applied) = assign_by_territory(&s, &keyed(wang(at(41)))).await.expect("assigned");
        assert_eq!(applied.assignments.len(), 3, "only marketing and event leads with a region in the table");
        assert_eq!(applied.no_region, vec!["m3".to_owned()]);
        let owner = |c: &'static str| {
            let s = &s;
            async move { ownership_of(s, &wang(at(42)), c).await.unwrap() }
        };
        assert_eq!(owner("m1").await.owner.as_deref(), Some("li"));
        assert_eq!(owner("m2").await.owner.as_deref(), Some("zhao"), "the shared region is balanced");
        assert_eq!(owner("m2").await.reason, Some(OwnReason::Assigned));
        assert_eq!(owner("t1").await.owner, None, "a trade-fair customer is not marketing's lead");
        assert_eq!(owner("m3").await.owner, None, "no region in the table: left for the manager");
        // Nothing left to assign by territory.
        assert_eq!(assign_by_territory(&s, &keyed(wang(at(43)))).await.map(|_| ()), Err(RuleError::Unchanged.into()));
    });
}

#[test]
fn p7_a_rep_may_not_assign_by_territory_and_his_forged_assignment_counts_nowhere() {
    block_on(async {
        let s = signed_team().await;
        save_territories(&s, &keyed(wang(at(20))), &two_regions()).await.expect("saved");
        lead(&s, "m1", "marketing", "浦东").await;
        let refused = assign_by_territory(&s, &keyed(li(at(30)))).await.map(|_| ());
        assert_eq!(refused, Err(CommandError::NotAllowed { action: Action::DistributeLeads, role: Role::Rep }));
        // Li picks the manager role on his tablet: the command lets him, no device counts it.
        let as_manager = keyed(actor("li", Role::Manager, "tab-a", at(31)));
        assign_by_territory(&s, &as_manager).await.expect("stored on his tablet");
        assert_eq!(ownership_of(&s, &wang(at(32)), "m1").await.unwrap().owner, None);
    });
}

#[test]
fn p7_a_lead_claimed_meanwhile_is_no_longer_pending() {
    block_on(async {
        let s = signed_team().await;
        save_territories(&s, &keyed(wang(at(20))), &two_regions()).await.expect("saved");
        lead(&s, "m1", "marketing", "徐汇").await;
        claim_customer(&s, &keyed(zhao(at(25))), "m1").await.expect("claimed");
        assert!(territory_proposal(&s, &wang(at(30))).await.unwrap().assignments.is_empty());
    });
}

#[test]
fn seed002_a_reviewed_file_is_sent_to_marketing_once_by_the_manager() {
    block_on(async {
        let s = signed_team().await;
        lead(&s, "m1", "marketing", "浦东").await;
        let early = forward_to_marketing(&s, &keyed(wang(at(30))), "m1").await;
        assert_eq!(early, Err(RuleError::NotReviewed.into()), "C6 review first");
        review_customer(&s, &keyed(wang(at(31))), "m1").await.expect("reviewed");
        let rep = forward_to_marketing(&s, &keyed(li(at(32))), "m1").await;
        assert_eq!(rep, Err(CommandError::NotAllowed { action: Action::ForwardToMarketing, role: Role::Rep }));
        forward_to_marketing(&s, &keyed(wang(at(33))), "m1").await.expect("sent");
        let sent = load_forwarded(&s).await.unwrap();
        assert_eq!((sent["m1"].by.as_str(), sent["m1"].at_ms), ("wang", at(33)));
        assert_eq!(forward_to_marketing(&s, &keyed(wang(at(34))), "m1").await, Err(RuleError::Unchanged.into()));
    });
}

#[test]
fn seed002_a_sending_forged_by_a_rep_counts_nowhere() {
    block_on(async {
        let s = signed_team().await;
        lead(&s, "m1", "marketing", "浦东").await;
        review_customer(&s, &keyed(wang(at(31))), "m1").await.expect("reviewed");
        let as_manager = keyed(actor("li", Role::Manager, "tab-a", at(32)));
        forward_to_marketing(&s, &as_manager, "m1").await.expect("stored on his tablet");
        assert!(load_forwarded(&s).await.unwrap().is_empty());
    });
}
