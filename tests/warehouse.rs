//! The team warehouse's folds (W1): slip numbers per device series, balances, the
//! stock card and ledger, the daily and month-end reports from a fixed set of slips,
//! the stocktake, and the CSV export's formula escaping.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use outpost::domain::warehouse::report::{
    card, daily, ledger, month_end, overdrawn, period_csv, stocktake, CountSheet, LedgerFilter,
};
use outpost::domain::warehouse::{
    check_reversal, check_slip, numbers, on_hand, series_of, Item, Party, Slip, SlipDraft, SlipKind, SlipLine,
    WarehouseError,
};
use outpost::record::hlc::Hlc;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn item(id: &str, name: &str) -> Item {
    Item { id: id.into(), name: name.into(), spec: String::new(), unit: "pcs".into() }
}

fn slip(id: &str, device: &str, ms: i64, kind: SlipKind, d: &str, lines: &[(&str, i64)]) -> Slip {
    Slip {
        id: id.into(),
        stamp: Hlc { wall_ms: ms, counter: 0, device: device.into() },
        kind,
        day: day(d),
        party: Party::Supplier,
        counterparty: "Acme".into(),
        event: String::new(),
        lines: lines.iter().map(|(i, q)| SlipLine { item: (*i).into(), name: (*i).into(), qty: *q }).collect(),
        note: String::new(),
        by: "wang".into(),
        reverses: None,
        adjustment: false,
    }
}

use SlipKind::{Issue, Receipt};

/// The fixed month: cups and pens in and out over March 2026.
fn march() -> Vec<Slip> {
    vec![
        slip("s1", "tab-a", 100, Receipt, "2026-02-27", &[("cup", 50), ("pen", 10)]),
        slip("s2", "tab-a", 200, Issue, "2026-03-02", &[("cup", 20)]),
        slip("s3", "tab-b", 150, Receipt, "2026-03-02", &[("cup", 5), ("pen", 30)]),
        slip("s4", "tab-b", 300, Issue, "2026-03-03", &[("pen", 12)]),
        slip("s5", "tab-a", 400, Issue, "2026-03-31", &[("cup", 1)]),
        slip("s6", "tab-a", 500, Receipt, "2026-04-01", &[("cup", 100)]),
    ]
}

#[test]
fn w1_numbers_count_each_device_series_in_stamp_order_per_kind() {
    let n = numbers(&march());
    let (a, b) = (series_of("tab-a"), series_of("tab-b"));
    assert_ne!(a, b);
    assert_eq!(n["s1"], format!("RK-{a}-000001"));
    assert_eq!(n["s6"], format!("RK-{a}-000002"));
    assert_eq!(n["s2"], format!("CK-{a}-000001"));
    assert_eq!(n["s5"], format!("CK-{a}-000002"));
    assert_eq!(n["s3"], format!("RK-{b}-000001"));
    assert_eq!(n["s4"], format!("CK-{b}-000001"));
}

#[test]
fn w1_numbers_do_not_depend_on_the_order_slips_arrive_in_or_on_duplicates() {
    let mut v = march();
    let n1 = numbers(&v);
    v.reverse();
    v.push(v[0].clone());
    assert_eq!(numbers(&v), n1);
}

#[test]
fn w1_a_series_code_is_short_stable_and_printable() {
    let s = series_of("3f1c2a7e-9b7d-4c11-a1f0-1b2c3d4e5f60");
    assert_eq!(s.len(), 6);
    assert_eq!(s, series_of("3f1c2a7e-9b7d-4c11-a1f0-1b2c3d4e5f60"));
    assert!(s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
}

#[test]
fn w1_levels_sum_receipts_less_issues() {
    let l = on_hand(&march());
    assert_eq!(l["cup"], 50 - 20 + 5 - 1 + 100);
    assert_eq!(l["pen"], 10 + 30 - 12);
}

#[test]
fn w1_the_stock_card_lists_an_items_lines_by_day_with_the_balance_after_each() {
    let c = card(&march(), "cup");
    let figures: Vec<(String, i64, i64, i64)> =
        c.iter().map(|l| (l.day.to_string(), l.qty_in, l.qty_out, l.balance)).collect();
    assert_eq!(
        figures,
        vec![
            ("2026-02-27".into(), 50, 0, 50),
            // Same day: as written (s3 was stamped before s2).
            ("2026-03-02".into(), 5, 0, 55),
            ("2026-03-02".into(), 0, 20, 35),
            ("2026-03-31".into(), 0, 1, 34),
            ("2026-04-01".into(), 100, 0, 134),
        ]
    );
}

#[test]
fn w1_the_ledger_filters_by_kind_and_dates_and_keeps_the_true_balance() {
    let f = LedgerFilter { kind: Some(Issue), from: Some(day("2026-03-01")), to: Some(day("2026-03-03")), item: None };
    let l = ledger(&march(), &f);
    let got: Vec<(&str, &str, i64)> = l.iter().map(|x| (x.slip.as_str(), x.item.as_str(), x.balance)).collect();
    assert_eq!(got, vec![("s2", "cup", 35), ("s4", "pen", 28)]);
}

#[test]
fn w1_the_daily_report_gives_opening_in_out_and_closing_per_item() {
    let items = [item("cup", "Cup"), item("pen", "Pen"), item("bag", "Bag")];
    let r = daily(&march(), &items, day("2026-03-02"));
    let got: Vec<(&str, i64, i64, i64, i64)> =
        r.iter().map(|x| (x.item.as_str(), x.opening, x.qty_in, x.qty_out, x.closing)).collect();
    assert_eq!(got, vec![("bag", 0, 0, 0, 0), ("cup", 50, 5, 20, 35), ("pen", 10, 30, 0, 40)]);
}

/// Item, opening, in, out, closing, counted.
type MonthRow<'a> = (&'a str, i64, i64, i64, i64, Option<i64>);

#[test]
fn w1_the_month_end_report_covers_the_month_with_the_latest_count_taken_in_it() {
    let items = [item("cup", "Cup"), item("pen", "Pen")];
    let count = |id: &str, ms, d: &str, it: &str, n| CountSheet {
        id: id.into(),
        stamp: Hlc { wall_ms: ms, counter: 0, device: "tab-a".into() },
        day: day(d),
        item: it.into(),
        counted: n,
    };
    let counts = [
        count("k1", 410, "2026-03-31", "cup", 30),
        count("k2", 420, "2026-03-31", "cup", 33),
        count("k3", 600, "2026-04-02", "pen", 1),
    ];
    let r = month_end(&march(), &items, &counts, day("2026-03-15"));
    let got: Vec<MonthRow<'_>> =
        r.iter().map(|x| (x.item.as_str(), x.opening, x.qty_in, x.qty_out, x.closing, x.counted)).collect();
    assert_eq!(got, vec![("cup", 50, 5, 21, 34, Some(33)), ("pen", 10, 30, 12, 28, None)]);
}

#[test]
fn w1_the_stocktake_reconciles_the_latest_counts_and_adjustments_settle_it() {
    let slips = march();
    let c = |id: &str, ms, it: &str, n| CountSheet {
        id: id.into(),
        stamp: Hlc { wall_ms: ms, counter: 0, device: "tab-a".into() },
        day: day("2026-04-02"),
        item: it.into(),
        counted: n,
    };
    let counts = vec![c("k1", 600, "cup", 130), c("k2", 601, "pen", 28)];
    let rc = stocktake(&slips, &counts).expect("a count was taken");
    assert_eq!(rc.adjustments(), vec![("cup".to_owned(), -4)]);
    let mut settled = slips.clone();
    let mut adj = slip("a1", "tab-a", 700, Issue, "2026-04-02", &[("cup", 4)]);
    adj.adjustment = true;
    settled.push(adj);
    assert!(stocktake(&settled, &counts).unwrap().agrees(), "ledger, goods and card agree");
    assert!(stocktake(&slips, &[]).is_none());
}

fn draft(kind: SlipKind, lines: &[(&str, i64)]) -> SlipDraft {
    SlipDraft {
        kind,
        day: day("2026-03-05"),
        party: Party::Customer,
        counterparty: "Shop".into(),
        event: String::new(),
        lines: lines.iter().map(|(i, q)| ((*i).into(), *q)).collect(),
        note: String::new(),
    }
}

#[test]
fn w1_an_issue_beyond_what_is_on_hand_names_the_item_and_what_is_there() {
    let items = [item("cup", "Cup"), item("pen", "Pen")];
    let e = check_slip(&draft(Issue, &[("pen", 20), ("pen", 9)]), &items, &march()).unwrap_err();
    assert_eq!(e, WarehouseError::BelowZero { item: "Pen".into(), on_hand: 28, asked: 29 });
    assert!(check_slip(&draft(Issue, &[("pen", 28)]), &items, &march()).is_ok());
}

#[test]
fn w1_zero_negative_unknown_and_empty_slips_are_refused() {
    let items = [item("cup", "Cup")];
    assert_eq!(
        check_slip(&draft(Receipt, &[("cup", 0)]), &items, &[]),
        Err(WarehouseError::BadQty { item: "Cup".into() })
    );
    assert_eq!(
        check_slip(&draft(Receipt, &[("cup", -3)]), &items, &[]),
        Err(WarehouseError::BadQty { item: "Cup".into() })
    );
    assert_eq!(check_slip(&draft(Receipt, &[("mug", 1)]), &items, &[]), Err(WarehouseError::UnknownItem("mug".into())));
    assert_eq!(check_slip(&draft(Receipt, &[]), &items, &[]), Err(WarehouseError::NoLines));
    let mut d = draft(Receipt, &[("cup", 1)]);
    d.counterparty = "  ".into();
    assert_eq!(check_slip(&d, &items, &[]), Err(WarehouseError::NoCounterparty));
}

#[test]
fn w1_a_slip_is_reversed_once_and_a_reversal_is_not_reversed() {
    let items = [item("cup", "Cup"), item("pen", "Pen")];
    let slips = march();
    assert!(check_reversal(&slips[1], &items, &slips).is_ok());
    let mut rev = slip("r1", "tab-a", 800, Receipt, "2026-03-05", &[("cup", 20)]);
    rev.reverses = Some("s2".into());
    let mut with = slips.clone();
    with.push(rev.clone());
    assert_eq!(check_reversal(&slips[1], &items, &with), Err(WarehouseError::AlreadyReversed));
    assert_eq!(check_reversal(&rev, &items, &with), Err(WarehouseError::ReverseOfReversal));
}

#[test]
fn w1_report_csv_escapes_formulas_in_item_names() {
    let items = [item("x", "=HYPERLINK(\"http://evil\")"), item("y", "+1")];
    let rows = daily(&[], &items, day("2026-03-02"));
    let csv = String::from_utf8(period_csv(&["物品", "单位", "期初", "入库", "出库", "期末"], &rows)).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(csv.contains("'+1"), "{csv}");
    assert!(!csv.lines().any(|l| l.starts_with('=') || l.starts_with('+')));
}

#[test]
fn w1_two_tablets_issuing_the_last_units_offline_show_the_item_overdrawn_after_sync() {
    // 5 kites received; each tablet, offline, checks its issue of 4 against the 5 it knows.
    let mut slips = vec![slip("r1", "tab-a", 100, Receipt, "2026-03-01", &[("kite", 5), ("pen", 3)])];
    let a = slip("i1", "tab-a", 200, Issue, "2026-03-02", &[("kite", 4)]);
    let b = slip("i2", "tab-b", 210, Issue, "2026-03-02", &[("kite", 4)]);
    let catalogue = [item("kite", "kite"), item("pen", "pen")];
    assert!(check_slip(&draft(Issue, &[("kite", 4)]), &catalogue, &slips).is_ok());
    assert!(overdrawn(&slips).is_empty());
    slips.push(a);
    assert!(overdrawn(&slips).is_empty(), "one tablet alone stays within its stock");
    slips.push(b);
    let numbers = numbers(&slips);
    let o = overdrawn(&slips);
    assert_eq!(o.len(), 1, "only the kites: {o:?}");
    assert_eq!((o[0].item.as_str(), o[0].lowest, o[0].now, o[0].day), ("kite", -3, -3, day("2026-03-02")));
    assert_eq!(o[0].number, numbers["i2"], "the slip that took it below zero");
    // More received: no longer below zero, but the ledger keeps that it was.
    slips.push(slip("r2", "tab-a", 300, Receipt, "2026-03-03", &[("kite", 10)]));
    let o = overdrawn(&slips);
    assert_eq!((o[0].lowest, o[0].now), (-3, 7));
    // The same slips in another order (as another tablet receives them) give the same.
    slips.reverse();
    assert_eq!(overdrawn(&slips), o);
}
