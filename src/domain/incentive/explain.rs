//! **I8** explaining a scheme to the people it pays, in the seed's order: what is new
//! (and what is kept), the purpose, the main elements as a chart, how to win, the KPIs
//! and how each is computed, and the fine print last. Everything here is data read from
//! the scheme version; the UI words it. A what-if ([`what_if`]) computes a station's
//! month from figures typed in, with the same code as the real statements.

use super::band::{Band, BandTable, Measure};
use super::compute::compute;
use super::figures::{MonthFigures, StationFigures};
use super::knobs::{knobs, Knob, Table, Unit};
use super::sales::{sales_statement, SalesBand, SalesPayment};
use super::scheme::Scheme;
use super::statement::{Payee, Statement};

/// One number that changed from the version before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changed {
    pub knob: Knob,
    pub unit: Unit,
    pub before: i64,
    pub after: i64,
}

/// What is new in a version against the one before it (what it was copied from, else
/// the version valid just before it), and how much is kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WhatsNew {
    /// The version compared with; `None` for a first version.
    pub against: Option<String>,
    pub changed: Vec<Changed>,
    /// The sales tiers before, when they changed.
    pub sales_before: Option<Vec<SalesBand>>,
    /// The payout days changed.
    pub calendar_changed: bool,
    /// Numbers unchanged.
    pub kept: usize,
}

/// The version `s` is explained against: the one it was copied from, else the newest
/// version valid from before it.
pub fn previous<'a>(s: &Scheme, all: &'a [Scheme]) -> Option<&'a Scheme> {
    if let Some(from) = &s.based_on {
        if let Some(p) = all.iter().find(|x| &x.id == from) {
            return Some(p);
        }
    }
    all.iter().filter(|x| x.id != s.id && x.valid_from < s.valid_from).max_by_key(|x| (x.valid_from, x.id.clone()))
}

/// What changed from `before` to `s`: every number by its knob (band edges included),
/// the sales tiers, the calendar.
pub fn whats_new(s: &Scheme, before: Option<&Scheme>) -> WhatsNew {
    let Some(b) = before else { return WhatsNew::default() };
    let old = knobs(b);
    let mut out = WhatsNew { against: Some(b.id.clone()), ..WhatsNew::default() };
    for (knob, unit, after) in knobs(s) {
        match old.iter().find(|(k, ..)| *k == knob) {
            Some((_, _, before)) if *before == after => out.kept += 1,
            Some((_, _, before)) => out.changed.push(Changed { knob, unit, before: *before, after }),
            None => out.changed.push(Changed { knob, unit, before: 0, after }),
        }
    }
    if s.sales != b.sales {
        out.sales_before = Some(b.sales.bands.clone());
    }
    out.calendar_changed = s.calendar != b.calendar;
    out
}

/// Which chart a bar belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Chart {
    Band(Table),
    Sales,
}

/// One bar: a band (or sales tier) and what it pays, fen per transaction or basis points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    pub chart: Chart,
    pub band: Option<Band>,
    pub tier: Option<SalesBand>,
    pub value: i64,
    /// The bar's length in per mille of the largest bar of its chart.
    pub per_mille: u32,
}

fn bars_of(chart: Chart, items: Vec<(Option<Band>, Option<SalesBand>, i64)>) -> Vec<Bar> {
    let max = items.iter().map(|(.., v)| *v).max().unwrap_or(0).max(1);
    items
        .into_iter()
        .map(|(band, tier, value)| {
            let per_mille = u32::try_from(value.max(0).saturating_mul(1000) / max).unwrap_or(1000);
            Bar { chart, band, tier, value, per_mille }
        })
        .collect()
}

/// The main elements as charts: each banded rule's rate per band, and the sales tiers.
pub fn chart(s: &Scheme) -> Vec<Bar> {
    let mut out = Vec::new();
    for (t, table) in [
        (Table::RuralElectricity, &s.electricity.rural_share_bp),
        (Table::UrbanElectricity, &s.electricity.urban_tx),
        (Table::Withdrawals, &s.withdrawals.bands),
    ] {
        out.extend(bars_of(Chart::Band(t), table.bands.iter().map(|b| (Some(*b), None, b.rate_fen)).collect()));
    }
    if s.sales.pays() {
        out.extend(bars_of(Chart::Sales, s.sales.bands.iter().map(|t| (None, Some(*t), i64::from(t.bp))).collect()));
    }
    out
}

/// A step up a banded rule: from this value on, each transaction pays `rate_fen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub table: Table,
    /// Where the band starts, in the table's unit, and whether it holds the edge.
    pub from: u64,
    pub inclusive: bool,
    pub rate_fen: i64,
}

/// "How to win": every step up of every banded rule, in order, with the other levers
/// the scheme rewards (validity, the fee covered, the branch reward).
pub fn steps_up(s: &Scheme) -> Vec<Step> {
    let mut out = Vec::new();
    for (t, table) in [
        (Table::RuralElectricity, &s.electricity.rural_share_bp),
        (Table::UrbanElectricity, &s.electricity.urban_tx),
        (Table::Withdrawals, &s.withdrawals.bands),
    ] {
        out.extend(up_steps(t, table));
    }
    out
}

fn up_steps(t: Table, table: &BandTable) -> Vec<Step> {
    table
        .bands
        .iter()
        .filter_map(|b| b.from.map(|e| Step { table: t, from: e.at, inclusive: e.inclusive, rate_fen: b.rate_fen }))
        .collect()
}

/// The band a value falls in, for the what-if (e.g. a share typed as a percentage).
pub fn band_at(table: &BandTable, value: u64) -> Option<Band> {
    table.pick(Measure::count(value)).map(|(_, b)| b)
}

/// What a station's month would earn with figures typed in: its own statement (I1–I4)
/// and the maintenance it would bring (I5, the whole before the 2:8 split).
pub fn what_if(s: &Scheme, station: &StationFigures) -> (Statement, i64) {
    let month = MonthFigures { stations: vec![station.clone()], branches: Vec::new() };
    let all = compute(s, &month);
    let payee = Payee::Station(station.station.clone());
    let own = all.find(&payee).cloned().unwrap_or(Statement { payee, lines: Vec::new() });
    let maintenance: i64 = all
        .maintainers
        .iter()
        .chain(&all.heads)
        .flat_map(|st| &st.lines)
        .filter(|l| matches!(l.rule, super::statement::RuleId::I5))
        .map(|l| l.amount_fen)
        .sum();
    (own, maintenance)
}

/// A rep's what-if: the commission on a month's confirmed payments of `total_fen`.
pub fn sales_what_if(s: &Scheme, total_fen: i64) -> Statement {
    let paid = [SalesPayment {
        customer: String::new(),
        name: String::new(),
        amount_fen: total_fen.max(0),
        paid_on: s.valid_from,
    }];
    sales_statement(&s.sales, "", &paid)
}

/// I8 for a rep: the next sales tier from the month's confirmed payments so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SalesTip {
    /// More confirmed payments (fen) it takes to reach the next tier.
    pub more_fen: i64,
    pub bp_now: u32,
    pub bp_next: u32,
    /// What the month's statement gains: every payment re-rated, the new one included.
    pub gain_fen: i64,
}

/// The rep's next tier from `paid` (the month's confirmed payments), computed by adding
/// one payment of the missing amount and comparing the two statements.
pub fn sales_next(s: &Scheme, paid: &[SalesPayment]) -> Option<SalesTip> {
    let total = paid.iter().map(|p| p.amount_fen.max(0)).fold(0i64, i64::saturating_add);
    let next = s.sales.next_band(total)?;
    let bp_now = s.sales.band_for(total).map_or(0, |(_, b)| b.bp);
    let more_fen = next.from_fen.saturating_sub(total);
    let now = sales_statement(&s.sales, "", paid).total_fen();
    let mut with_more = paid.to_vec();
    with_more.push(SalesPayment {
        customer: String::new(),
        name: String::new(),
        amount_fen: more_fen,
        paid_on: s.valid_from,
    });
    let then = sales_statement(&s.sales, "", &with_more).total_fen();
    Some(SalesTip { more_fen, bp_now, bp_next: next.bp, gain_fen: then - now })
}
