//! The team warehouse's commands (W1): the catalogue is the manager's, slips and counts
//! the warehouse desk's (managers and event staff); bad quantities and issues below
//! zero are refused; a slip is corrected by reversal; two tablets offline never print
//! the same number; a slip signed by another role counts on no device.

use outpost::app::roster::grant;
use outpost::app::warehouse::{
    can_edit_catalogue, can_write_slips, record_count, reverse_slip, save_item, settle_stocktake, write_slip,
};
use outpost::app::{Action, Actor, CommandError, RuleError};
use outpost::domain::profile::Role;
use outpost::domain::warehouse::report::stocktake;
use outpost::domain::warehouse::{numbers, on_hand, series_of, Item, Party, SlipDraft, SlipKind, WarehouseError};
use outpost::storage::memory::MemoryStore;
use outpost::storage::warehouse::load_warehouse;
use outpost::sync::host::MemoryHost;
use pollster::block_on;

use super::common::*;
use super::role_folds::{li_as, signed_team};
use super::roster::{announce, keyed};

fn day() -> chrono::NaiveDate {
    "2026-01-05".parse().unwrap()
}

fn draft(kind: SlipKind, item: &str, qty: i64) -> SlipDraft {
    SlipDraft {
        kind,
        day: day(),
        party: Party::Supplier,
        counterparty: "Acme".into(),
        event: String::new(),
        lines: vec![(item.into(), qty)],
        note: String::new(),
    }
}

/// A team with a cup in the catalogue (written by Wang); returns its id.
async fn with_cup(s: &MemoryStore, manager: &Actor) -> String {
    let item = Item { id: "cup".into(), name: "Cup".into(), spec: "350 ml".into(), unit: "pcs".into() };
    save_item(s, manager, &item).await.expect("the manager keeps the catalogue");
    "cup".into()
}

fn warehouse_error(r: Result<impl std::fmt::Debug, CommandError>) -> WarehouseError {
    match r {
        Err(CommandError::Rule(RuleError::Warehouse(e))) => e,
        other => panic!("expected a warehouse refusal, got {other:?}"),
    }
}

#[test]
fn w1_slips_are_written_by_managers_and_event_staff_and_the_catalogue_by_managers_only() {
    block_on(async {
        assert!(can_write_slips(&wang(0)) && can_write_slips(&sun(0)));
        assert!(!can_write_slips(&li(0)) && !can_write_slips(&qian(0)));
        assert!(can_edit_catalogue(&wang(0)) && !can_edit_catalogue(&sun(0)));
        let s = MemoryStore::new();
        seed_team(&s).await;
        let item = Item { id: "pen".into(), name: "Pen".into(), ..Default::default() };
        let r = save_item(&s, &sun(at(1)), &item).await;
        assert!(matches!(r, Err(CommandError::NotAllowed { action: Action::EditWarehouseCatalogue, .. })));
        let cup = with_cup(&s, &wang(at(2))).await;
        for a in [li(at(3)), qian(at(3))] {
            let r = write_slip(&s, &a, &draft(SlipKind::Receipt, &cup, 5)).await;
            assert!(matches!(r, Err(CommandError::NotAllowed { action: Action::WriteSlip, .. })));
            let r = record_count(&s, &a, &cup, day(), 5).await;
            assert!(matches!(r, Err(CommandError::NotAllowed { .. })));
        }
        write_slip(&s, &sun(at(4)), &draft(SlipKind::Receipt, &cup, 5)).await.expect("event staff receive");
        write_slip(&s, &wang(at(5)), &draft(SlipKind::Issue, &cup, 2)).await.expect("a manager issues");
        let d = load_warehouse(&s).await.unwrap();
        assert_eq!(on_hand(&d.slips)["cup"], 3);
        assert_eq!(d.items.len(), 1);
    });
}

#[test]
fn w1_zero_and_negative_quantities_and_an_issue_below_zero_are_refused_and_store_nothing() {
    block_on(async {
        let s = MemoryStore::new();
        seed_team(&s).await;
        let cup = with_cup(&s, &wang(at(1))).await;
        write_slip(&s, &sun(at(2)), &draft(SlipKind::Receipt, &cup, 4)).await.unwrap();
        let before = stored_count(&s).await;
        for q in [0, -2] {
            let e = warehouse_error(write_slip(&s, &sun(at(3)), &draft(SlipKind::Receipt, &cup, q)).await);
            assert_eq!(e, WarehouseError::BadQty { item: "Cup (350 ml)".into() });
        }
        let e = warehouse_error(write_slip(&s, &sun(at(3)), &draft(SlipKind::Issue, &cup, 5)).await);
        assert_eq!(e, WarehouseError::BelowZero { item: "Cup (350 ml)".into(), on_hand: 4, asked: 5 });
        let e = warehouse_error(write_slip(&s, &sun(at(3)), &draft(SlipKind::Issue, "mug", 1)).await);
        assert_eq!(e, WarehouseError::UnknownItem("mug".into()));
        let e = warehouse_error(record_count(&s, &sun(at(3)), &cup, day(), -1).await);
        assert_eq!(e, WarehouseError::NegativeCount { item: "Cup (350 ml)".into() });
        let e = warehouse_error(save_item(&s, &wang(at(3)), &Item { name: " ".into(), ..Default::default() }).await);
        assert_eq!(e, WarehouseError::ItemName);
        let dup = Item { name: "Cup".into(), spec: "350 ml".into(), ..Default::default() };
        assert_eq!(warehouse_error(save_item(&s, &wang(at(3)), &dup).await), WarehouseError::ItemDuplicate);
        assert_eq!(stored_count(&s).await, before, "a refusal stores nothing");
    });
}

#[test]
fn w1_a_mistake_is_corrected_by_a_reversing_slip_that_keeps_the_original() {
    block_on(async {
        let s = MemoryStore::new();
        seed_team(&s).await;
        let cup = with_cup(&s, &wang(at(1))).await;
        let r = write_slip(&s, &sun(at(2)), &draft(SlipKind::Receipt, &cup, 40)).await.unwrap();
        let wrong = r.entries.into_keys().next().unwrap();
        reverse_slip(&s, &sun(at(3)), &wrong, day()).await.expect("reversed");
        let d = load_warehouse(&s).await.unwrap();
        assert_eq!(d.slips.len(), 2, "the original stays as written");
        assert_eq!(d.slips[1].kind, SlipKind::Issue);
        assert_eq!(d.slips[1].reverses.as_deref(), Some(wrong.as_str()));
        assert_eq!(on_hand(&d.slips)["cup"], 0);
        let e = warehouse_error(reverse_slip(&s, &sun(at(4)), &wrong, day()).await);
        assert_eq!(e, WarehouseError::AlreadyReversed);
    });
}

#[test]
fn w1_a_stocktake_is_settled_by_adjustment_slips_until_ledger_goods_and_card_agree() {
    block_on(async {
        let s = MemoryStore::new();
        seed_team(&s).await;
        let cup = with_cup(&s, &wang(at(1))).await;
        let pen = Item { id: "pen".into(), name: "Pen".into(), ..Default::default() };
        save_item(&s, &wang(at(1)), &pen).await.unwrap();
        write_slip(
            &s,
            &sun(at(2)),
            &SlipDraft { lines: vec![(cup.clone(), 10), ("pen".into(), 3)], ..draft(SlipKind::Receipt, &cup, 1) },
        )
        .await
        .unwrap();
        record_count(&s, &sun(at(3)), &cup, day(), 8).await.unwrap();
        record_count(&s, &sun(at(3)), "pen", day(), 5).await.unwrap();
        let d = load_warehouse(&s).await.unwrap();
        let rc = stocktake(&d.slips, &d.counts).unwrap();
        assert_eq!(rc.adjustments(), vec![(cup.clone(), -2), ("pen".to_owned(), 2)]);
        settle_stocktake(&s, &sun(at(4)), day()).await.expect("settled");
        let d = load_warehouse(&s).await.unwrap();
        assert!(stocktake(&d.slips, &d.counts).unwrap().agrees());
        assert_eq!(on_hand(&d.slips)[&cup], 8);
        let adj: Vec<_> = d.slips.iter().filter(|s| s.adjustment).map(|s| s.kind).collect();
        assert_eq!(adj, vec![SlipKind::Receipt, SlipKind::Issue]);
        let again = settle_stocktake(&s, &sun(at(5)), day()).await;
        assert!(again.as_ref().is_err_and(CommandError::is_unchanged), "nothing left to settle");
    });
}

#[test]
fn w1_two_tablets_writing_offline_get_distinct_gap_free_numbers_that_agree_after_sync() {
    block_on(async {
        let host = MemoryHost::default();
        let team = mem_team(3);
        let (a, b) = (MemoryStore::new(), MemoryStore::new());
        seed_team(&a).await;
        let cup = with_cup(&a, &wang(at(1))).await;
        sync_round(&a, &host, &team, "tab-b", at(2), 1).await;
        sync_round(&b, &host, &team, "tab-k", at(3), 2).await;
        // Offline: Wang's tablet and Sun's each write slips.
        for n in 0..2 {
            write_slip(&a, &wang(at(10 + n)), &draft(SlipKind::Receipt, &cup, 5)).await.unwrap();
        }
        for n in 0..3 {
            write_slip(&b, &sun(at(10 + n)), &draft(SlipKind::Receipt, &cup, 1)).await.unwrap();
        }
        write_slip(&b, &sun(at(20)), &draft(SlipKind::Issue, &cup, 1)).await.unwrap();
        let before_b = numbers(&load_warehouse(&b).await.unwrap().slips);
        sync_round(&a, &host, &team, "tab-b", at(30), 1).await;
        sync_round(&b, &host, &team, "tab-k", at(31), 2).await;
        sync_round(&a, &host, &team, "tab-b", at(32), 1).await;
        let (da, db) = (load_warehouse(&a).await.unwrap(), load_warehouse(&b).await.unwrap());
        assert_eq!(da.slips.len(), 6);
        let (na, nb) = (numbers(&da.slips), numbers(&db.slips));
        assert_eq!(na, nb, "every device computes the same numbers");
        for (id, n) in &before_b {
            assert_eq!(&nb[id], n, "a printed number never changes");
        }
        let mut all: Vec<&String> = na.values().collect();
        all.sort();
        let (sa, sb) = (series_of("tab-b"), series_of("tab-k"));
        let want = [
            format!("CK-{sb}-000001"),
            format!("RK-{sa}-000001"),
            format!("RK-{sa}-000002"),
            format!("RK-{sb}-000001"),
            format!("RK-{sb}-000002"),
            format!("RK-{sb}-000003"),
        ];
        let mut want: Vec<&String> = want.iter().collect();
        want.sort();
        assert_eq!(all, want, "distinct and gap-free per series");
        assert_eq!(on_hand(&da.slips)[&cup], 12);
    });
}

#[test]
fn w1_a_slip_or_item_from_a_rep_who_picks_another_role_counts_on_no_device() {
    block_on(async {
        let s = signed_team().await;
        announce(&s, &["sun"]).await;
        grant(&s, &keyed(wang(at(14))), "sun", &[Role::EventStaff], false).await.expect("sun");
        let cup = with_cup(&s, &keyed(wang(at(15)))).await;
        // Li, a rep, picks the manager role on his tablet: it stores, nothing counts.
        let forged = Item { id: "cup".into(), name: "Forged".into(), spec: "350 ml".into(), unit: "pcs".into() };
        save_item(&s, &li_as(Role::Manager, at(16)), &forged).await.expect("his tablet stores it");
        write_slip(&s, &li_as(Role::EventStaff, at(17)), &draft(SlipKind::Receipt, &cup, 99))
            .await
            .expect("his tablet stores it");
        record_count(&s, &li_as(Role::EventStaff, at(18)), &cup, day(), 99).await.expect("stored");
        let d = load_warehouse(&s).await.unwrap();
        assert!(d.slips.is_empty(), "a forged slip counts nowhere");
        assert!(d.counts.is_empty());
        assert_eq!(d.item(&cup).map(|i| i.name.as_str()), Some("Cup"), "the manager's catalogue stands");
        // The real staff's slip counts.
        write_slip(&s, &keyed(sun(at(19))), &draft(SlipKind::Receipt, &cup, 7)).await.unwrap();
        let d = load_warehouse(&s).await.unwrap();
        assert_eq!(on_hand(&d.slips)[&cup], 7);
    });
}

#[test]
fn w1_an_issue_slip_to_an_event_moves_that_events_prize_stock() {
    use outpost::domain::stock::levels;
    use outpost::storage::events::load_events;
    block_on(async {
        let s = MemoryStore::new();
        seed_team(&s).await;
        let ev = super::kite_day("ev1", "wang");
        outpost::app::events::save_event(&s, &wang(at(1)), None, &ev).await.expect("event");
        let cup = with_cup(&s, &wang(at(1))).await;
        write_slip(&s, &sun(at(2)), &draft(SlipKind::Receipt, &cup, 30)).await.unwrap();
        let to_event = SlipDraft {
            party: Party::Event,
            event: "ev1".into(),
            counterparty: "Kite day".into(),
            ..draft(SlipKind::Issue, &cup, 12)
        };
        write_slip(&s, &sun(at(3)), &to_event).await.unwrap();
        let r = load_events(&s).await.unwrap().into_iter().next().unwrap();
        assert_eq!(levels(&r.stock, i64::MAX).get("Cup (350 ml)"), Some(&12));
        assert_eq!(on_hand(&load_warehouse(&s).await.unwrap().slips)[&cup], 18);
    });
}

#[test]
fn w1_a_slips_lines_are_signed_once_by_name_by_the_warehouse_desk() {
    use outpost::app::warehouse::sign_slip;
    use outpost::domain::warehouse::Signer;
    block_on(async {
        let s = MemoryStore::new();
        seed_team(&s).await;
        let cup = with_cup(&s, &wang(at(1))).await;
        write_slip(&s, &sun(at(2)), &draft(SlipKind::Receipt, &cup, 9)).await.unwrap();
        let r = write_slip(&s, &sun(at(3)), &draft(SlipKind::Issue, &cup, 4)).await.unwrap();
        let issue = r.entries.into_keys().next().unwrap();
        let refused = sign_slip(&s, &li(at(4)), &issue, Signer::Keeper, "Li").await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::WriteSlip, .. })));
        let e = warehouse_error(sign_slip(&s, &sun(at(4)), &issue, Signer::Keeper, "  ").await);
        assert_eq!(e, WarehouseError::NoSignerName);
        let no_line = sign_slip(&s, &sun(at(4)), &issue, Signer::Deliverer, "Sun").await;
        assert!(matches!(no_line, Err(CommandError::Rule(RuleError::NotFound(_)))), "an issue has no deliverer line");
        sign_slip(&s, &sun(at(5)), &issue, Signer::Keeper, "Sun").await.expect("the keeper signs");
        sign_slip(&s, &sun(at(6)), &issue, Signer::Customer, "Ms Chen")
            .await
            .expect("the customer signs on the tablet");
        let e = warehouse_error(sign_slip(&s, &wang(at(7)), &issue, Signer::Keeper, "Wang").await);
        assert_eq!(e, WarehouseError::AlreadySigned);
        let d = load_warehouse(&s).await.unwrap();
        assert_eq!(d.signature(&issue, Signer::Keeper).map(|x| x.name.as_str()), Some("Sun"));
        assert_eq!(d.signature(&issue, Signer::Customer).map(|x| x.name.as_str()), Some("Ms Chen"));
        assert!(d.signature(&issue, Signer::Supervisor).is_none());
    });
}
