//! **W1** What the warehouse reads back from its slips: the stock card per item
//! (出入库卡), the ledger (出入库明细账), the daily report (库存日报表), the month-end
//! report with the stocktake (月末出入库结存报表 / 月末盘存表), and the stocktake
//! reconciliation. All folded from slips and counts; nothing here is stored.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::{dedup, numbers, Item, Slip, SlipKind};
use crate::domain::export::export_csv;
use crate::domain::stock::{reconcile, Count, MoveReason, Reconciliation, StockMove};
use crate::record::hlc::Hlc;

/// One row of the ledger or of an item's card: one slip line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerLine {
    pub day: NaiveDate,
    pub number: String,
    pub slip: String,
    pub kind: SlipKind,
    pub item: String,
    pub name: String,
    pub qty_in: i64,
    pub qty_out: i64,
    pub counterparty: String,
    /// The item's balance after this line (in ledger order).
    pub balance: i64,
}

/// Which lines the ledger shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LedgerFilter {
    pub item: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub kind: Option<SlipKind>,
}

/// Slips in ledger order: by day, then as written.
fn ordered(slips: &[Slip]) -> Vec<&Slip> {
    let mut v: Vec<&Slip> = dedup(slips).collect();
    v.sort_by(|a, b| a.day.cmp(&b.day).then_with(|| a.stamp.cmp(&b.stamp)).then_with(|| a.id.cmp(&b.id)));
    v
}

/// **W1** The ledger: every slip line in order, with each item's running balance, then
/// filtered (the balance stays the item's true balance after the line).
pub fn ledger(slips: &[Slip], filter: &LedgerFilter) -> Vec<LedgerLine> {
    let nums = numbers(slips);
    let mut bal: BTreeMap<&str, i64> = BTreeMap::new();
    let mut out = Vec::new();
    for s in ordered(slips) {
        for l in &s.lines {
            let q = s.kind.sign() * l.qty;
            let b = bal.entry(l.item.as_str()).or_insert(0);
            *b += q;
            let keep = filter.item.as_ref().is_none_or(|i| i == &l.item)
                && filter.from.is_none_or(|f| s.day >= f)
                && filter.to.is_none_or(|t| s.day <= t)
                && filter.kind.is_none_or(|k| k == s.kind);
            if keep {
                out.push(LedgerLine {
                    day: s.day,
                    number: nums.get(&s.id).cloned().unwrap_or_default(),
                    slip: s.id.clone(),
                    kind: s.kind,
                    item: l.item.clone(),
                    name: l.name.clone(),
                    qty_in: q.max(0),
                    qty_out: (-q).max(0),
                    counterparty: s.counterparty.clone(),
                    balance: *b,
                });
            }
        }
    }
    out
}

/// An item the ledger takes below zero: each tablet checks an issue against what it
/// knows, so two tablets issuing the last units offline can together issue more than
/// there was; after they sync, the ledger shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overdrawn {
    pub item: String,
    pub name: String,
    /// The first line that took it below zero.
    pub day: NaiveDate,
    pub number: String,
    /// The lowest balance the ledger reached.
    pub lowest: i64,
    /// Its balance now (below zero until more is received or a stocktake settles it).
    pub now: i64,
}

/// **W1** Every item the ledger takes below zero at some line, in item order: computed
/// from the slips, so it shows on every tablet once the slips that caused it are synced.
pub fn overdrawn(slips: &[Slip]) -> Vec<Overdrawn> {
    let mut out: BTreeMap<String, Overdrawn> = BTreeMap::new();
    for l in ledger(slips, &LedgerFilter::default()) {
        if let Some(o) = out.get_mut(&l.item) {
            o.lowest = o.lowest.min(l.balance);
            o.now = l.balance;
        } else if l.balance < 0 {
            let o = Overdrawn {
                item: l.item.clone(),
                name: l.name,
                day: l.day,
                number: l.number,
                lowest: l.balance,
                now: l.balance,
            };
            out.insert(l.item, o);
        }
    }
    out.into_values().collect()
}

/// **W1** An item's stock card: its ledger lines with the balance after each.
pub fn card(slips: &[Slip], item: &str) -> Vec<LedgerLine> {
    ledger(slips, &LedgerFilter { item: Some(item.to_owned()), ..Default::default() })
}

/// One item's figures over a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodRow {
    pub item: String,
    pub name: String,
    pub unit: String,
    pub opening: i64,
    pub qty_in: i64,
    pub qty_out: i64,
    pub closing: i64,
    /// Month-end: the latest count taken in the period, if any.
    pub counted: Option<i64>,
}

/// **W1** Per catalogue item (and any item a slip names): opening before `from`, in and
/// out from `from` to `to` inclusive, closing at `to`.
pub fn period(slips: &[Slip], catalogue: &[Item], from: NaiveDate, to: NaiveDate) -> Vec<PeriodRow> {
    let mut rows: BTreeMap<String, PeriodRow> = BTreeMap::new();
    let row = |id: &str, name: &str, unit: &str| PeriodRow {
        item: id.to_owned(),
        name: name.to_owned(),
        unit: unit.to_owned(),
        opening: 0,
        qty_in: 0,
        qty_out: 0,
        closing: 0,
        counted: None,
    };
    for i in catalogue {
        rows.insert(i.id.clone(), row(&i.id, &i.label(), &i.unit));
    }
    for s in dedup(slips).filter(|s| s.day <= to) {
        for l in &s.lines {
            let r = rows.entry(l.item.clone()).or_insert_with(|| row(&l.item, &l.name, ""));
            let q = s.kind.sign() * l.qty;
            if s.day < from {
                r.opening += q;
            } else if q > 0 {
                r.qty_in += q;
            } else {
                r.qty_out -= q;
            }
        }
    }
    let mut out: Vec<PeriodRow> = rows.into_values().collect();
    for r in &mut out {
        r.closing = r.opening + r.qty_in - r.qty_out;
    }
    out.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.item.cmp(&b.item)));
    out
}

/// **W1** The daily stock report for `day`.
pub fn daily(slips: &[Slip], catalogue: &[Item], day: NaiveDate) -> Vec<PeriodRow> {
    period(slips, catalogue, day, day)
}

/// The first and last day of the month of `day`.
pub fn month_bounds(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = day.with_day(1).unwrap_or(day);
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    (first, next.and_then(|n| n.pred_opt()).unwrap_or(day))
}

/// A stocktake count of one item (盘点), as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountSheet {
    pub id: String,
    pub stamp: Hlc,
    pub day: NaiveDate,
    pub item: String,
    pub counted: i64,
}

/// **W1** The month-end report: [`period`] over the month of `day`, with the latest
/// count of each item taken that month.
pub fn month_end(slips: &[Slip], catalogue: &[Item], counts: &[CountSheet], day: NaiveDate) -> Vec<PeriodRow> {
    let (from, to) = month_bounds(day);
    let mut rows = period(slips, catalogue, from, to);
    let mut latest: BTreeMap<&str, &CountSheet> = BTreeMap::new();
    for c in counts.iter().filter(|c| c.day >= from && c.day <= to) {
        if latest.get(c.item.as_str()).is_none_or(|l| l.stamp < c.stamp) {
            latest.insert(c.item.as_str(), c);
        }
    }
    for r in &mut rows {
        r.counted = latest.get(r.item.as_str()).map(|c| c.counted);
    }
    rows
}

/// The slips as the stock ledger of [`crate::domain::stock`]: one move per line.
fn as_moves(slips: &[Slip]) -> Vec<StockMove> {
    dedup(slips)
        .flat_map(|s| {
            s.lines.iter().enumerate().map(move |(n, l)| StockMove {
                id: format!("{}#{n}", s.id),
                stamp: s.stamp.clone(),
                item: l.item.clone(),
                qty: s.kind.sign() * l.qty,
                reason: if s.adjustment { MoveReason::Adjustment } else { MoveReason::Received },
            })
        })
        .collect()
}

/// **W1** The stocktake: the latest count of each item against the ledger as of that
/// count (or of the adjustment slips written since to settle it, as the event desks
/// do); `None` before any count. Items are by id.
pub fn stocktake(slips: &[Slip], counts: &[CountSheet]) -> Option<Reconciliation> {
    let adjusted = slips.iter().filter(|s| s.adjustment).map(|s| s.stamp.wall_ms).max().unwrap_or(0);
    let last = counts.iter().map(|c| c.stamp.wall_ms).max()?.max(adjusted);
    let mut latest: BTreeMap<&str, &CountSheet> = BTreeMap::new();
    for c in counts {
        if latest.get(c.item.as_str()).is_none_or(|l| l.stamp < c.stamp) {
            latest.insert(c.item.as_str(), c);
        }
    }
    let sheet: Vec<Count> = latest.values().map(|c| Count { item: c.item.clone(), counted: c.counted }).collect();
    reconcile(&as_moves(slips), &sheet, last).ok()
}

/// A report as CSV (headers in the user's language), every cell formula-escaped.
pub fn period_csv(headers: &[&str], rows: &[PeriodRow]) -> Vec<u8> {
    let opt = |c: Option<i64>| c.map(|c| c.to_string()).unwrap_or_default();
    export_csv(
        headers,
        rows.iter().map(|r| {
            vec![
                r.name.clone(),
                r.unit.clone(),
                r.opening.to_string(),
                r.qty_in.to_string(),
                r.qty_out.to_string(),
                r.closing.to_string(),
                opt(r.counted),
                opt(r.counted.map(|c| c - r.closing)),
            ]
        }),
    )
}
