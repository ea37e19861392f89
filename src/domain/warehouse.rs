//! The team warehouse (**W1**, seed 002 第四篇 倉庫管理): gifts, samples and prizes
//! kept beyond one event, moved only by signed slips.
//!
//! - An [`Item`] is a catalogue line (name, spec, unit); a [`Slip`] is a receipt
//!   (入库单) or an issue (出库单) with a day, a counterparty, lines and a note. A slip
//!   is immutable: a mistake is corrected by a new slip of the other kind that
//!   [`Slip::reverses`] it, never by editing ([`check_reversal`]).
//! - Levels, the stock card, the ledger and the reports are folded from the slips
//!   ([`report`]), never stored; a stocktake's differences are settled by adjustment
//!   slips through [`crate::domain::stock::reconcile`] (账、物、卡三者一致).
//! - **Numbers never collide offline.** A slip's number is `RK-<series>-000123` (receipt)
//!   or `CK-<series>-000123` (issue), where the series is a short code of the device
//!   that wrote it ([`series_of`], from the slip's stamp) and the sequence counts that
//!   series' slips of the kind in stamp order ([`numbers`]). Only one device writes into
//!   a series, its clock stamps its own slips in increasing order, and a device always
//!   holds all of its own slips, so the number is known when the slip is printed and no
//!   later merge can insert a slip before it: two tablets offline print different
//!   series, and every device computes the same numbers after they meet. Another device's
//!   series is always synced as a prefix (its chunks are pushed in order), so a number a
//!   device shows never changes either. The number is derived, not stored.
//!
//! ```
//! use outpost::domain::warehouse::{numbers, series_of, Party, Slip, SlipKind, SlipLine};
//! use outpost::record::hlc::Hlc;
//! let slip = |id: &str, dev: &str, ms| Slip {
//!     id: id.into(), stamp: Hlc { wall_ms: ms, counter: 0, device: dev.into() },
//!     kind: SlipKind::Receipt, day: "2026-03-02".parse().unwrap(), party: Party::Supplier,
//!     counterparty: "Acme".into(), event: String::new(),
//!     lines: vec![SlipLine { item: "cup".into(), name: "Cup".into(), qty: 5 }],
//!     note: String::new(), by: "wang".into(), reverses: None, adjustment: false,
//! };
//! let n = numbers(&[slip("a", "tab-a", 2), slip("b", "tab-b", 1), slip("c", "tab-a", 3)]);
//! assert_eq!(n["a"], format!("RK-{}-000001", series_of("tab-a")));
//! assert_eq!(n["c"], format!("RK-{}-000002", series_of("tab-a")));
//! assert_eq!(n["b"], format!("RK-{}-000001", series_of("tab-b"))); // W1: its own series
//! ```

pub mod report;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::record::hlc::Hlc;

/// Why a slip or a catalogue line was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WarehouseError {
    #[error("an item needs a name")]
    ItemName,
    #[error("an item with this name and spec is already in the catalogue")]
    ItemDuplicate,
    #[error("a slip needs at least one line")]
    NoLines,
    #[error("a slip needs its counterparty")]
    NoCounterparty,
    #[error("the item {0:?} is not in the catalogue")]
    UnknownItem(String),
    #[error("the quantity of {item} must be a whole number above 0")]
    BadQty { item: String },
    /// An issue would take the item below zero.
    #[error("{item}: {asked} asked, {on_hand} on hand")]
    BelowZero { item: String, on_hand: i64, asked: i64 },
    #[error("this slip is already reversed")]
    AlreadyReversed,
    #[error("a reversing slip is not reversed again; write a new slip")]
    ReverseOfReversal,
    #[error("a counted quantity cannot be negative ({item})")]
    NegativeCount { item: String },
    #[error("a signature needs the name of who signs")]
    NoSignerName,
    #[error("this line of the slip is signed already")]
    AlreadySigned,
}

/// One line of the item catalogue (name, spec, unit).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub name: String,
    pub spec: String,
    pub unit: String,
}

impl Item {
    /// The name is required, and no two items share a name and spec.
    pub fn validate(&self, catalogue: &[Item]) -> Result<(), WarehouseError> {
        if self.name.trim().is_empty() {
            return Err(WarehouseError::ItemName);
        }
        let same =
            |i: &&Item| i.id != self.id && i.name.trim() == self.name.trim() && i.spec.trim() == self.spec.trim();
        if catalogue.iter().any(|i| same(&i)) {
            return Err(WarehouseError::ItemDuplicate);
        }
        Ok(())
    }

    /// "Name (spec)" or the name alone.
    pub fn label(&self) -> String {
        if self.spec.trim().is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.spec)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlipKind {
    /// 入库单: goods in.
    Receipt,
    /// 出库单: goods out.
    Issue,
}

impl SlipKind {
    pub fn prefix(self) -> &'static str {
        match self {
            SlipKind::Receipt => "RK",
            SlipKind::Issue => "CK",
        }
    }

    /// +1 in, −1 out.
    pub fn sign(self) -> i64 {
        match self {
            SlipKind::Receipt => 1,
            SlipKind::Issue => -1,
        }
    }

    pub fn other(self) -> SlipKind {
        match self {
            SlipKind::Receipt => SlipKind::Issue,
            SlipKind::Issue => SlipKind::Receipt,
        }
    }
}

/// Who the goods came from or went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Supplier,
    Customer,
    /// A team event (prizes); the slip names the event.
    Event,
    /// A rep taking samples.
    Rep,
    /// The warehouse itself: a stocktake adjustment.
    Stocktake,
}

impl Party {
    pub const CHOICES: [Party; 4] = [Party::Supplier, Party::Customer, Party::Event, Party::Rep];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipLine {
    /// The catalogue item's id.
    pub item: String,
    /// The item's label when the slip was written (what was printed).
    pub name: String,
    pub qty: i64,
}

/// A signed receipt or issue slip, as stored (an entry).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slip {
    pub id: String,
    pub stamp: Hlc,
    pub kind: SlipKind,
    /// The business day the goods moved (the reports' day).
    pub day: NaiveDate,
    pub party: Party,
    pub counterparty: String,
    /// The event's id when [`Party::Event`], else empty.
    pub event: String,
    pub lines: Vec<SlipLine>,
    pub note: String,
    /// Who wrote it (a profile id).
    pub by: String,
    /// The slip this one reverses.
    pub reverses: Option<String>,
    /// Written to settle a stocktake.
    pub adjustment: bool,
}

impl Slip {
    /// The signed quantity of each line: positive in, negative out.
    pub fn moves(&self) -> impl Iterator<Item = (&str, i64)> {
        self.lines.iter().map(move |l| (l.item.as_str(), self.kind.sign() * l.qty))
    }
}

/// Who signs a slip's signature line (seed 002: an issue slip is signed by the keeper,
/// the warehouse supervisor and the customer; a receipt by the keeper and the deliverer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signer {
    Keeper,
    Supervisor,
    Customer,
    Deliverer,
}

impl Signer {
    /// The signature lines of a slip of `kind`, in print order.
    pub fn lines(kind: SlipKind) -> &'static [Signer] {
        match kind {
            SlipKind::Issue => &[Signer::Keeper, Signer::Supervisor, Signer::Customer],
            SlipKind::Receipt => &[Signer::Keeper, Signer::Deliverer],
        }
    }
}

/// A signature recorded on a slip: the name written on its line, by whom and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub slip: String,
    pub signer: Signer,
    pub name: String,
    pub by: String,
    pub at_ms: i64,
}

/// The stamp of a slip not stored yet (the entry's stamp replaces it).
pub fn unstamped() -> Hlc {
    Hlc { wall_ms: 0, counter: 0, device: String::new() }
}

/// What a person fills in for a new slip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlipDraft {
    pub kind: SlipKind,
    pub day: NaiveDate,
    pub party: Party,
    pub counterparty: String,
    pub event: String,
    /// `(item id, qty)`.
    pub lines: Vec<(String, i64)>,
    pub note: String,
}

/// Levels per item id from every slip.
pub fn on_hand(slips: &[Slip]) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for s in dedup(slips) {
        for (item, q) in s.moves() {
            *out.entry(item.to_owned()).or_insert(0) += q;
        }
    }
    out
}

/// Each slip once (the same entry seen twice counts once).
pub(crate) fn dedup(slips: &[Slip]) -> impl Iterator<Item = &Slip> {
    let mut seen = BTreeSet::new();
    slips.iter().filter(move |s| seen.insert(s.id.as_str()))
}

/// **W1** Checks a new slip against the catalogue and what is on hand: lines with
/// catalogue items and whole quantities above 0, a counterparty, and no issue that
/// takes an item below zero (the same item on two lines counts together).
pub fn check_slip(draft: &SlipDraft, catalogue: &[Item], slips: &[Slip]) -> Result<(), WarehouseError> {
    if draft.lines.is_empty() {
        return Err(WarehouseError::NoLines);
    }
    if draft.counterparty.trim().is_empty() {
        return Err(WarehouseError::NoCounterparty);
    }
    let mut asked: BTreeMap<&str, i64> = BTreeMap::new();
    for (item, qty) in &draft.lines {
        let Some(it) = catalogue.iter().find(|i| &i.id == item) else {
            return Err(WarehouseError::UnknownItem(item.clone()));
        };
        if *qty <= 0 {
            return Err(WarehouseError::BadQty { item: it.label() });
        }
        *asked.entry(item.as_str()).or_insert(0) += qty;
    }
    if draft.kind == SlipKind::Issue {
        below_zero(&asked, catalogue, slips)?;
    }
    Ok(())
}

fn below_zero(asked: &BTreeMap<&str, i64>, catalogue: &[Item], slips: &[Slip]) -> Result<(), WarehouseError> {
    let levels = on_hand(slips);
    for (item, q) in asked {
        let have = levels.get(*item).copied().unwrap_or(0);
        if *q > have {
            let label = catalogue.iter().find(|i| i.id == *item).map(Item::label).unwrap_or_else(|| item.to_string());
            return Err(WarehouseError::BelowZero { item: label, on_hand: have, asked: *q });
        }
    }
    Ok(())
}

/// **W1** Whether `original` may be reversed: not a reversal itself, not reversed
/// already, and (reversing a receipt) its goods still on hand.
pub fn check_reversal(original: &Slip, catalogue: &[Item], slips: &[Slip]) -> Result<(), WarehouseError> {
    if original.reverses.is_some() {
        return Err(WarehouseError::ReverseOfReversal);
    }
    if slips.iter().any(|s| s.reverses.as_deref() == Some(original.id.as_str())) {
        return Err(WarehouseError::AlreadyReversed);
    }
    if original.kind == SlipKind::Receipt {
        let mut asked: BTreeMap<&str, i64> = BTreeMap::new();
        for l in &original.lines {
            *asked.entry(l.item.as_str()).or_insert(0) += l.qty;
        }
        below_zero(&asked, catalogue, slips)?;
    }
    Ok(())
}

/// **W1** The short, stable series code of a writing device: 6 characters of Crockford
/// base 32 over a 32-bit FNV-1a hash of its id. Short enough to print and read out,
/// long enough that two devices of one team share a series about once in a billion
/// pairs; the device id itself is random and long.
pub fn series_of(device: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in device.as_bytes() {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    (0..6).map(|i| ALPHABET[((h >> (i * 5)) & 31) as usize] as char).collect()
}

/// **W1** Every slip's number, by slip id: per (kind, series), 1, 2, 3… in stamp order.
pub fn numbers(slips: &[Slip]) -> BTreeMap<String, String> {
    let mut by_series: BTreeMap<(SlipKind, String), Vec<&Slip>> = BTreeMap::new();
    for s in dedup(slips) {
        by_series.entry((s.kind, series_of(&s.stamp.device))).or_default().push(s);
    }
    let mut out = BTreeMap::new();
    for ((kind, series), mut list) in by_series {
        list.sort_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| a.id.cmp(&b.id)));
        for (n, s) in list.into_iter().enumerate() {
            out.insert(s.id.clone(), format!("{}-{series}-{:06}", kind.prefix(), n + 1));
        }
    }
    out
}
