//! Orders and money on the device (O1–O4, with P2, P3 and C3 fed by finance's
//! confirmation): what `storage::orders` writes for a user's intent and what it reads
//! back after local edits and merges from other tablets.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use common::Tablet;
use outpost::domain::customer::CustomerFile;
use outpost::domain::customer_list::derive;
use outpost::domain::order::{Actor, Discount, Order, OrderLine, OrderStatus, OrderStep, PaymentTerms, Signatory};
use outpost::domain::pool::{FactKind, OwnReason, PoolSettings};
use outpost::domain::profile::Role;
use outpost::domain::receivable::{ageing_by_customer, ageing_by_rep, confirm_payment, reminders, ConfirmError};
use outpost::domain::tier::{Tier, TierSettings};
use outpost::record::replica::{Document, Entry, Replica};
use outpost::storage::customers::{self, customer_change, join, Author};
use outpost::storage::data::apply_local;
use outpost::storage::memory::MemoryStore;
use outpost::storage::orders::{
    assemble, decode_strokes, encode_strokes, load_orders, order_change, order_step, payment_confirmed,
    payment_recorded, product_change, signature_change, OrdersData, PaymentRecord, ProductRecord, Signature, PRODUCT,
};
use pollster::block_on;

/// 2026-01-01 00:00 UTC.
const T0: i64 = 1_767_225_600_000;
const DAY: i64 = 24 * 3600 * 1000;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// O3 as `app::orders::confirm_payment` takes it: the domain's rule, then the builder.
fn confirm(data: &OrdersData, payment: &str, by: &mut Author) -> Result<Replica, ConfirmError> {
    let recorded = data.payment(payment).map(PaymentRecord::payment);
    let c = confirm_payment(&data.plans(), &data.confirmed_payments(), recorded.as_ref())?;
    Ok(payment_confirmed(&c, by))
}

fn split(r: &Replica) -> (Vec<Document>, Vec<Entry>) {
    (r.docs.values().cloned().collect(), r.entries.values().cloned().collect())
}

fn tea() -> ProductRecord {
    ProductRecord {
        id: "tea".into(),
        name: "Tea set".into(),
        unit: "set".into(),
        prices: vec![(d("2026-01-01"), 30_000_00)],
        retired: false,
        line: String::new(),
    }
}

/// An order of `qty` tea sets for `customer` by rep `li`, payable on delivery.
fn tea_order(id: &str, customer: &str, qty: u32) -> Order {
    let mut o = Order::draft(id, customer, "li", d("2026-01-10"), PaymentTerms::OnDelivery);
    o.lines.push(OrderLine::new("tea", qty, 30_000_00, Discount::NONE).unwrap());
    o
}

fn manager() -> Actor {
    Actor { profile: "wang".into(), role: Role::Manager, at_ms: T0 }
}

#[test]
fn o1_a_product_change_stamps_only_the_fields_that_changed() {
    let mut t = Tablet::new("wang", "tab-m");
    let first = product_change(None, &tea(), &mut t.at(T0)).unwrap();
    assert_eq!(first.docs["tea"].fields.len(), 5, "name, unit, prices, retired, line");
    let mut dearer = tea();
    dearer.prices.push((d("2026-06-01"), 32_000_00));
    let second = product_change(Some(&tea()), &dearer, &mut t.at(T0 + DAY)).unwrap();
    assert_eq!(second.docs["tea"].fields.keys().collect::<Vec<_>>(), ["prices"]);
    assert!(product_change(Some(&dearer), &dearer, &mut t.at(T0 + DAY)).is_none());
    let mut on_a_line = dearer.clone();
    on_a_line.line = "Tea".into();
    let third = product_change(Some(&dearer), &on_a_line, &mut t.at(T0 + 2 * DAY)).unwrap();
    assert_eq!(third.docs["tea"].fields.keys().collect::<Vec<_>>(), ["line"]);
    let lined = assemble(split(&first.clone().merge(third)).0, vec![]);
    assert_eq!(lined.product_lines(), vec!["Tea".to_string()]);
    let data = assemble(split(&first.merge(second)).0, vec![]);
    let list = data.price_list();
    assert_eq!(list.price_on("tea", d("2026-05-31")), Some(30_000_00));
    assert_eq!(list.price_on("tea", d("2026-06-01")), Some(32_000_00));
    assert_eq!(data.products[0].name, "Tea set");
}

#[test]
fn o1_an_order_reads_back_with_its_steps_and_status() {
    let mut rep = Tablet::new("li", "tab-a");
    let mut mgr = Tablet::new("wang", "tab-b");
    let o = tea_order("o1", "c1", 2);
    let r = join([
        order_change(None, &o, "gift boxes", &mut rep.at(T0)).unwrap(),
        order_step("s1", "o1", &OrderStep::Submitted, None, &mut rep.at(T0 + 1)),
        order_step("s2", "o1", &OrderStep::Approved { opinion: "ok".into() }, None, &mut mgr.at(T0 + DAY)),
    ]);
    let (docs, entries) = split(&r);
    let data = assemble(docs, entries);
    let rec = data.order("o1").unwrap();
    assert_eq!(rec.order.status(), OrderStatus::Approved);
    assert_eq!(rec.order.lines, o.lines);
    assert_eq!(rec.note, "gift boxes");
    assert_eq!(rec.order.history[1].by, "wang");
    assert_eq!(rec.devices, ["tab-a", "tab-b"]);
    assert_eq!(rec.order.total_fen(), Ok(60_000_00));
}

#[test]
fn o1_two_managers_deciding_offline_resolve_to_the_earlier_decision_on_every_device() {
    let mut rep = Tablet::new("li", "tab-a");
    let mut m1 = Tablet::new("wang", "tab-b");
    let mut m2 = Tablet::new("zhou", "tab-c");
    let base = join([
        order_change(None, &tea_order("o1", "c1", 1), "", &mut rep.at(T0)).unwrap(),
        order_step("s1", "o1", &OrderStep::Submitted, None, &mut rep.at(T0 + 1)),
    ]);
    let approve = order_step("s2", "o1", &OrderStep::Approved { opinion: String::new() }, None, &mut m1.at(T0 + 10));
    let reject = order_step("s3", "o1", &OrderStep::Rejected { reason: "price".into() }, None, &mut m2.at(T0 + 20));
    let one = base.clone().merge(approve.clone()).merge(reject.clone());
    let two = base.merge(reject).merge(approve);
    for r in [one, two] {
        let (docs, entries) = split(&r);
        let data = assemble(docs, entries);
        assert_eq!(data.order("o1").unwrap().order.status(), OrderStatus::Approved);
        assert_eq!(data.order("o1").unwrap().order.history.len(), 2);
    }
}

/// Rep Li's order and payment, a manager's approval and finance's confirmation, all
/// folded into the customer the way the customer page reads it.
fn customer_after(
    confirmed: bool,
) -> (outpost::domain::customer_list::CustomerView, outpost::storage::orders::OrdersData) {
    let mut rep = Tablet::new("li", "tab-a");
    let mut mgr = Tablet::new("wang", "tab-b");
    let mut fin = Tablet::new("qian", "tab-b");
    // Entered by the manager: nobody owns it (P5).
    let cust =
        customer_change("c1", None, &CustomerFile { name: "Kite Works".into(), ..Default::default() }, &mut mgr.at(T0))
            .unwrap();
    let mut o = tea_order("o1", "c1", 2);
    o.submit(&Actor { profile: "li".into(), role: Role::Rep, at_ms: T0 }, d("2026-01-02")).unwrap();
    o.approve(&manager(), "fine").unwrap();
    let mut all = join([
        cust,
        order_change(None, &o, "", &mut rep.at(T0 + 1)).unwrap(),
        order_step("s1", "o1", &OrderStep::Submitted, None, &mut rep.at(T0 + 2)),
        order_step("s2", "o1", &OrderStep::Approved { opinion: "fine".into() }, None, &mut mgr.at(T0 + 3)),
        payment_recorded("p1", "c1", Some("o1"), 60_000_00, d("2026-01-15"), "transfer", &mut rep.at(T0 + 15 * DAY)),
    ]);
    if confirmed {
        let (docs, entries) = split(&all);
        let data = assemble(docs, entries);
        let c = confirm(&data, "p1", &mut fin.at(T0 + 16 * DAY)).unwrap();
        all = all.merge(c);
    }
    let (docs, entries) = split(&all);
    let orders = assemble(docs.clone(), entries.clone());
    let rec = customers::assemble(docs, entries).into_iter().next().unwrap();
    (derive(rec, T0 + 20 * DAY, &PoolSettings::default(), &TierSettings::default()), orders)
}

#[test]
fn o3_a_payment_the_rep_recorded_feeds_nothing_until_finance_confirms_it() {
    let (view, orders) = customer_after(false);
    assert_eq!(view.own.owner, None);
    assert_eq!(view.tier.turnover_fen, 0);
    assert_eq!(orders.queue().len(), 1);
    assert_eq!(orders.ledger().outstanding_for_customer("c1"), 60_000_00);
}

#[test]
fn p2_c3_finance_confirmation_makes_the_order_rep_owner_and_lifts_the_tier() {
    let (view, orders) = customer_after(true);
    assert_eq!(view.own.owner.as_deref(), Some("li"));
    assert_eq!(view.own.reason, Some(OwnReason::FirstDeal));
    assert_eq!(view.tier.turnover_fen, 60_000_00);
    assert_eq!(view.tier.tier, Tier::A);
    assert!(orders.queue().is_empty());
    let conf = orders.payment("p1").unwrap().confirmed.clone().unwrap();
    assert_eq!((conf.by.as_str(), conf.device.as_str()), ("qian", "tab-b"));
    assert_eq!(orders.ledger().outstanding_for_customer("c1"), 0);
    // The fact carries the days late against the instalment (due on delivery, 10 Jan).
    let late: Vec<u32> = view
        .rec
        .facts
        .iter()
        .filter_map(|f| match f.kind {
            FactKind::Payment { days_late, .. } => Some(days_late),
            _ => None,
        })
        .collect();
    assert_eq!(late, [5]);
}

#[test]
fn o3_a_payment_is_confirmed_once() {
    let (_, orders) = customer_after(true);
    let mut fin = Tablet::new("qian", "tab-b");
    assert_eq!(confirm(&orders, "p1", &mut fin.at(T0)), Err(ConfirmError::AlreadyConfirmed));
    assert_eq!(confirm(&orders, "nope", &mut fin.at(T0)), Err(ConfirmError::Unknown));
}

#[test]
fn o3_c3_two_finance_people_confirming_one_payment_offline_count_it_once() {
    let mut rep = Tablet::new("li", "tab-a");
    let mut mgr = Tablet::new("wang", "tab-b");
    let cust =
        customer_change("c1", None, &CustomerFile { name: "Kite Works".into(), ..Default::default() }, &mut mgr.at(T0))
            .unwrap();
    let base = join([
        cust,
        order_change(None, &tea_order("o1", "c1", 1), "", &mut rep.at(T0 + 1)).unwrap(),
        order_step("s1", "o1", &OrderStep::Submitted, None, &mut rep.at(T0 + 2)),
        order_step("s2", "o1", &OrderStep::Approved { opinion: String::new() }, None, &mut mgr.at(T0 + 3)),
        payment_recorded("p1", "c1", Some("o1"), 30_000_00, d("2026-01-10"), "", &mut rep.at(T0 + 4)),
    ]);
    let (docs, entries) = split(&base);
    let data = assemble(docs, entries);
    let one = confirm(&data, "p1", &mut Tablet::new("qian", "tab-c").at(T0 + DAY)).unwrap();
    let two = confirm(&data, "p1", &mut Tablet::new("sun", "tab-d").at(T0 + DAY + 5)).unwrap();
    for merged in [base.clone().merge(one.clone()).merge(two.clone()), base.merge(two).merge(one)] {
        let (docs, entries) = split(&merged);
        let rec = customers::assemble(docs, entries).into_iter().next().unwrap();
        let view = derive(rec, T0 + 20 * DAY, &PoolSettings::default(), &TierSettings::default());
        assert_eq!(view.tier.turnover_fen, 30_000_00);
        assert_eq!(view.tier.tier, Tier::B);
    }
}

#[test]
fn o2_o4_unpaid_instalments_age_per_customer_and_rep_and_remind_before_due() {
    let mut rep = Tablet::new("li", "tab-a");
    let mut mgr = Tablet::new("wang", "tab-b");
    let mut o = tea_order("o1", "c1", 3);
    o.terms = PaymentTerms::Instalments { dates: vec![d("2026-01-10"), d("2026-02-10"), d("2026-04-10")] };
    let r = join([
        order_change(None, &o, "", &mut rep.at(T0)).unwrap(),
        order_step("s1", "o1", &OrderStep::Submitted, None, &mut rep.at(T0 + 1)),
        order_step("s2", "o1", &OrderStep::Approved { opinion: String::new() }, None, &mut mgr.at(T0 + 2)),
    ]);
    let (docs, entries) = split(&r);
    let ledger = assemble(docs, entries).ledger();
    let today = d("2026-03-20");
    let by_c = ageing_by_customer(&ledger, today)["c1"];
    assert_eq!(by_c.days_61_90_fen, 30_000_00); // due 10 Jan: 69 days
    assert_eq!(by_c.days_31_60_fen, 30_000_00); // due 10 Feb: 38 days
    assert_eq!(by_c.not_due_fen, 30_000_00);
    assert_eq!(ageing_by_rep(&ledger, today)["li"], by_c);
    let due_soon = reminders(&ledger, d("2026-04-03"), 7);
    assert_eq!(due_soon.iter().filter(|r| r.days_until_due >= 0).count(), 1);
    assert_eq!(reminders(&ledger, d("2026-04-02"), 7).iter().filter(|r| r.days_until_due >= 0).count(), 0);
}

#[test]
fn o1_three_signatures_on_two_tablets_all_survive_the_merge() {
    let mut a = Tablet::new("li", "tab-a");
    let mut b = Tablet::new("wu", "tab-b");
    let sig = |n: &str| Signature {
        name: n.into(),
        strokes: encode_strokes(&[vec![(1, 2), (3, 4)], vec![(5, 6)]]),
        ..Default::default()
    };
    let keeper = signature_change("o1", Signatory::WarehouseKeeper, &sig("Keeper Wu"), &mut b.at(T0));
    let sup = signature_change("o1", Signatory::WarehouseSupervisor, &sig("Supervisor Ma"), &mut b.at(T0 + 1));
    let cust = signature_change("o1", Signatory::Customer, &sig("Ms Zhao"), &mut a.at(T0 + 2));
    let merged = cust.merge(keeper).merge(sup);
    let data = assemble(split(&merged).0, vec![]);
    let slip = &data.slips["o1"];
    assert_eq!(slip.slip(None).check(), Ok(()));
    let k = slip.get(Signatory::WarehouseKeeper).unwrap();
    assert_eq!((k.by.as_str(), k.device.as_str()), ("wu", "tab-b"));
    assert_eq!(decode_strokes(&k.strokes), vec![vec![(1, 2), (3, 4)], vec![(5, 6)]]);
}

#[test]
fn o1_strokes_round_trip_and_damaged_points_are_skipped() {
    let s = vec![vec![(0, 0), (600, 200)], vec![(-1, 5)]];
    assert_eq!(decode_strokes(&encode_strokes(&s)), s);
    assert_eq!(decode_strokes("1,2 x,3 4;;5,6"), vec![vec![(1, 2)], vec![(5, 6)]]);
    assert!(decode_strokes("").is_empty());
}

#[test]
fn orders_load_back_from_the_store_after_a_local_write() {
    let store = MemoryStore::default();
    let mut t = Tablet::new("wang", "tab-m");
    let r = product_change(None, &tea(), &mut t.at(T0)).unwrap();
    block_on(apply_local(&store, &r, &t.clock)).unwrap();
    let data = block_on(load_orders(&store)).unwrap();
    assert_eq!(data.products, vec![tea()]);
    assert_eq!(r.docs["tea"].kind, PRODUCT);
}
