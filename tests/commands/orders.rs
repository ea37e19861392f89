//! O1, O3 (with P2, P3, C3 folding from finance's confirmation), price list.

use chrono::NaiveDate;
use outpost::app::orders::{
    approve_order, can_confirm_payment, can_decide_order, confirm_payment, record_payment, reject_order, save_product,
    take_order_step,
};
use outpost::app::pool::ownership_of;
use outpost::app::{Action, CommandError, Needed, RuleError};
use outpost::domain::customer_list::derive;
use outpost::domain::order::{Discount, Order, OrderError, OrderLine, OrderStatus, OrderStep, PaymentTerms};
use outpost::domain::pool::{OwnReason, PoolSettings};
use outpost::domain::profile::Role;
use outpost::domain::receivable::ConfirmError;
use outpost::domain::tier::{Tier, TierSettings};
use outpost::storage::customers::load_customers;
use outpost::storage::memory::MemoryStore;
use outpost::storage::orders::{load_orders, order_change, ProductRecord};
use pollster::block_on;

use super::common::*;
use super::team_with_customer;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Customer c1 (in the pool), Li's order o1 for two tea sets stored as a draft.
async fn with_draft() -> MemoryStore {
    let s = team_with_customer("c1").await;
    let mut o = Order::draft("o1", "c1", "li", d("2026-01-10"), PaymentTerms::OnDelivery);
    o.lines.push(OrderLine::new("tea", 2, 30_000_00, Discount::NONE).unwrap());
    let mut t = Tablet::new("li", "tab-a");
    let change = order_change(None, &o, "", &mut t.at(at(1))).unwrap();
    seed(&s, &change, &t.clock).await;
    s
}

/// The draft submitted by Li, approved by Wang, and Li's payment of 60,000 yuan recorded.
pub(crate) async fn with_recorded_payment() -> (MemoryStore, String) {
    let s = with_draft().await;
    take_order_step(&s, &li(at(2)), "o1", OrderStep::Submitted).await.unwrap();
    approve_order(&s, &wang(at(3)), "o1", "fine").await.unwrap();
    let r = record_payment(&s, &li(at(15 * DAY)), "c1", Some("o1"), 60_000_00, d("2026-01-15"), "transfer").await;
    let id = r.unwrap().entries.into_keys().next().unwrap();
    (s, id)
}

#[test]
fn o3_a_rep_confirming_a_payment_is_refused_and_nothing_is_stored() {
    block_on(async {
        let (s, pay) = with_recorded_payment().await;
        let before = stored_count(&s).await;
        let refused = confirm_payment(&s, &li(at(16 * DAY)), &pay).await;
        assert_eq!(refused, Err(CommandError::NotAllowed { action: Action::ConfirmPayment, role: Role::Rep }));
        let by_manager = confirm_payment(&s, &wang(at(16 * DAY)), &pay).await;
        assert!(matches!(by_manager, Err(CommandError::NotAllowed { .. })));
        assert_eq!(stored_count(&s).await, before);
        assert_eq!(load_orders(&s).await.unwrap().queue().len(), 1);
        assert!(can_confirm_payment(&qian(0)) && !can_confirm_payment(&li(0)) && !can_confirm_payment(&wang(0)));
    });
}

#[test]
fn o3_p2_c3_finance_confirming_makes_the_order_rep_owner_and_lifts_the_tier() {
    block_on(async {
        let (s, pay) = with_recorded_payment().await;
        confirm_payment(&s, &qian(at(16 * DAY)), &pay).await.expect("confirmed");
        assert!(load_orders(&s).await.unwrap().queue().is_empty());
        let own = ownership_of(&s, &wang(at(20 * DAY)), "c1").await.unwrap();
        assert_eq!((own.owner.as_deref(), own.reason), (Some("li"), Some(OwnReason::FirstDeal)));
        let rec = load_customers(&s).await.unwrap().into_iter().next().unwrap();
        let view = derive(rec, at(20 * DAY), &PoolSettings::default(), &TierSettings::default());
        assert_eq!((view.tier.turnover_fen, view.tier.tier), (60_000_00, Tier::A));
    });
}

#[test]
fn o3_a_payment_is_confirmed_once_and_an_unknown_one_not_at_all() {
    block_on(async {
        let (s, pay) = with_recorded_payment().await;
        confirm_payment(&s, &qian(at(16 * DAY)), &pay).await.unwrap();
        let again = confirm_payment(&s, &qian(at(17 * DAY)), &pay).await;
        assert_eq!(again, Err(RuleError::Payment(ConfirmError::AlreadyConfirmed).into()));
        let unknown = confirm_payment(&s, &qian(at(17 * DAY)), "pay:nope").await;
        assert_eq!(unknown, Err(RuleError::Payment(ConfirmError::Unknown).into()));
    });
}

#[test]
fn o3_a_payment_of_nothing_is_not_recorded() {
    block_on(async {
        let s = with_draft().await;
        let zero = record_payment(&s, &li(at(DAY)), "c1", None, 0, d("2026-01-02"), "").await;
        assert!(matches!(zero, Err(CommandError::Rule(RuleError::Empty(Needed::Amount)))));
        let by_staff = record_payment(&s, &sun(at(DAY)), "c1", None, 100, d("2026-01-02"), "").await;
        assert!(matches!(by_staff, Err(CommandError::NotAllowed { action: Action::RecordPayment, .. })));
    });
}

#[test]
fn o1_a_rep_approving_an_order_is_refused_and_the_manager_approves_it() {
    block_on(async {
        let s = with_draft().await;
        take_order_step(&s, &li(at(2)), "o1", OrderStep::Submitted).await.unwrap();
        let before = stored_count(&s).await;
        let refused = approve_order(&s, &li(at(3)), "o1", "mine").await;
        assert_eq!(refused, Err(CommandError::NotAllowed { action: Action::OrderStep, role: Role::Rep }));
        assert_eq!(stored_count(&s).await, before);
        assert!(can_decide_order(&wang(0)) && !can_decide_order(&li(0)));
        approve_order(&s, &wang(at(3)), "o1", " fine ").await.unwrap();
        let data = load_orders(&s).await.unwrap();
        assert_eq!(data.order("o1").unwrap().order.status(), OrderStatus::Approved);
    });
}

#[test]
fn o1_a_rejection_needs_a_reason_and_another_reps_order_is_not_submitted() {
    block_on(async {
        let s = with_draft().await;
        let not_mine = take_order_step(&s, &zhao(at(2)), "o1", OrderStep::Submitted).await;
        assert!(matches!(not_mine, Err(CommandError::NotAllowed { .. })));
        take_order_step(&s, &li(at(2)), "o1", OrderStep::Submitted).await.unwrap();
        assert_eq!(reject_order(&s, &wang(at(3)), "o1", " ").await, Err(RuleError::Order(OrderError::NoReason).into()));
        reject_order(&s, &wang(at(3)), "o1", "price").await.unwrap();
        let data = load_orders(&s).await.unwrap();
        assert_eq!(data.order("o1").unwrap().order.status(), OrderStatus::Rejected);
    });
}

#[test]
fn price_list_edits_are_the_managers() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let tea = ProductRecord {
            id: String::new(),
            name: "Tea set".into(),
            unit: "set".into(),
            prices: vec![(d("2026-01-01"), 30_000_00)],
            retired: false,
            line: String::new(),
        };
        let refused = save_product(&s, &li(at(1)), tea.clone()).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::EditPriceList, .. })));
        save_product(&s, &wang(at(1)), tea).await.unwrap();
        let data = load_orders(&s).await.unwrap();
        assert_eq!(data.products.len(), 1);
        let same = save_product(&s, &wang(at(2)), data.products[0].clone()).await;
        assert_eq!(same, Err(RuleError::Unchanged.into()));
    });
}

#[test]
fn o1_the_slip_of_an_approved_order_is_signed_on_its_reps_or_a_managers_tablet_only() {
    use outpost::app::orders::{can_collect_signatures, sign_delivery_slip};
    use outpost::domain::order::Signatory;
    use outpost::storage::orders::Signature;
    block_on(async {
        let s = with_draft().await;
        let sig = |name: &str| Signature { name: name.into(), strokes: "1,1;2,2".into(), ..Default::default() };
        // A draft is not released: nothing to sign yet.
        let early = sign_delivery_slip(&s, &li(at(2)), "o1", Signatory::Customer, &sig("Ms Zhao")).await;
        assert!(
            matches!(early, Err(CommandError::Rule(RuleError::Order(OrderError::WrongStatus { .. })))),
            "{early:?}"
        );
        take_order_step(&s, &li(at(2)), "o1", OrderStep::Submitted).await.unwrap();
        approve_order(&s, &wang(at(3)), "o1", "fine").await.unwrap();
        assert!(can_collect_signatures(&li(0), "li") && can_collect_signatures(&wang(0), "li"));
        assert!(!can_collect_signatures(&zhao(0), "li") && !can_collect_signatures(&sun(0), "li"));
        let before = stored_count(&s).await;
        for who in [zhao(at(4)), qian(at(4)), sun(at(4))] {
            let r = sign_delivery_slip(&s, &who, "o1", Signatory::Customer, &sig("Ms Zhao")).await;
            assert!(matches!(r, Err(CommandError::NotAllowed { action: Action::OrderStep, .. })), "{r:?}");
        }
        let blank = sign_delivery_slip(&s, &li(at(4)), "o1", Signatory::Customer, &sig(" ")).await;
        assert_eq!(blank, Err(RuleError::Order(OrderError::MissingSignature(Signatory::Customer)).into()));
        assert_eq!(stored_count(&s).await, before);
        sign_delivery_slip(&s, &li(at(5)), "o1", Signatory::Customer, &sig("Ms Zhao")).await.unwrap();
        sign_delivery_slip(&s, &wang(at(6)), "o1", Signatory::WarehouseKeeper, &sig("Keeper Wu")).await.unwrap();
        let slip = load_orders(&s).await.unwrap().slips.get("o1").cloned().expect("a slip");
        assert_eq!(slip.signatures.len(), 2);
    });
}
