//! The customer list: each customer with its derived ownership (P1–P9) and tier (C3),
//! and the filters and sorts the Customers and Pool pages offer.
//!
//! Nothing here is stored: a [`CustomerView`] is recomputed from the customer's file and
//! facts whenever records change, so sync never has to reconcile an owner or a tier.

use std::cmp::Ordering;

use super::calendar::TeamCalendar;
use super::customer::{Contact, CustomerFile};
use super::pool::{ownership, Fact, FactKind, Ownership, PoolSettings};
use super::tier::{value_tier, Tier, TierInfo, TierSettings};

/// A contact document, by id.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ContactRecord {
    pub id: String,
    pub contact: Contact,
}

/// One customer as the device knows it: its file, its contacts and its facts. Kept in the
/// list's snapshot (`storage::list_model`) as it is: inputs, never a derived value.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CustomerRecord {
    pub id: String,
    pub file: CustomerFile,
    pub contacts: Vec<ContactRecord>,
    pub facts: Vec<Fact>,
    /// The earliest stamp on the customer document: when it was entered (C6).
    pub created_ms: i64,
    pub created_by: String,
    /// The latest stamp on the document or its contacts.
    pub updated_ms: i64,
}

/// One customer with everything derived from it at one instant.
#[derive(Debug, Clone)]
pub struct CustomerView {
    pub rec: CustomerRecord,
    pub own: Ownership,
    pub tier: TierInfo,
    /// A manager has reviewed the new entry (C6).
    pub reviewed: bool,
}

impl CustomerView {
    pub fn id(&self) -> &str {
        &self.rec.id
    }

    pub fn name(&self) -> &str {
        &self.rec.file.name
    }

    /// The first contact's phone, if any.
    pub fn phone(&self) -> Option<&str> {
        self.rec.contacts.iter().map(|c| c.contact.phone.as_str()).find(|p| !p.is_empty())
    }

    /// The first contact's name, if any.
    pub fn contact_name(&self) -> Option<&str> {
        self.rec.contacts.iter().map(|c| c.contact.name.as_str()).find(|p| !p.is_empty())
    }
}

/// Derives ownership, tier and review state for one record at `now_ms`.
pub fn derive(rec: CustomerRecord, now_ms: i64, pool: &PoolSettings, tiers: &TierSettings) -> CustomerView {
    let own = ownership(&rec.facts, now_ms, pool);
    let payments: Vec<_> = rec
        .facts
        .iter()
        .filter_map(|f| match &f.kind {
            FactKind::Payment { amount_fen, paid_on, days_late, .. } => Some((*paid_on, *amount_fen, *days_late)),
            _ => None,
        })
        .collect();
    let cal = TeamCalendar { utc_offset_minutes: pool.utc_offset_minutes, ..Default::default() };
    let tier = value_tier(&payments, cal.local_date(now_ms), tiers, rec.file.manual_credit_flag);
    let reviewed = rec.facts.iter().any(|f| matches!(f.kind, FactKind::Reviewed));
    CustomerView { rec, own, tier, reviewed }
}

/// Whose customers to show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum OwnerFilter {
    #[default]
    Everyone,
    /// Ownerless: the pool (P5).
    Pool,
    /// Held by this person.
    Person(String),
}

/// Every filter the list offers; empty strings mean "any".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub owner: OwnerFilter,
    pub tier: Option<Tier>,
    pub grade: String,
    pub segment: String,
    pub source: String,
    pub region: String,
    /// Only customers that return to the pool within this many days (P1, P3).
    pub returns_within_days: Option<i64>,
    /// Only problem customers (P5).
    pub problem_only: bool,
    /// Only key accounts (K1–K3): the set derived from the key-account records, kept
    /// current by the list while the filter is on; `None`: any customer.
    pub key_accounts: Option<std::sync::Arc<std::collections::BTreeSet<String>>>,
}

impl Filter {
    pub fn accepts(&self, c: &CustomerView, now_ms: i64) -> bool {
        let f = &c.rec.file;
        let owner_ok = match &self.owner {
            OwnerFilter::Everyone => true,
            OwnerFilter::Pool => c.own.owner.is_none(),
            OwnerFilter::Person(p) => c.own.owner.as_deref() == Some(p.as_str()),
        };
        let eq = |want: &str, have: &str| want.is_empty() || want == have;
        owner_ok
            && self.tier.map(|t| c.tier.tier == t).unwrap_or(true)
            && eq(&self.grade, f.grade.as_deref().unwrap_or(""))
            && eq(&self.segment, &f.segment)
            && eq(&self.source, &f.source)
            && (self.region.is_empty() || f.region.contains(self.region.as_str()))
            && self.returns_within_days.map(|d| c.own.returns_within(now_ms, d)).unwrap_or(true)
            && (!self.problem_only || f.problem)
            && self.key_accounts.as_ref().is_none_or(|ids| ids.contains(&c.rec.id))
    }
}

/// How to order the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Name,
    /// Most recently changed first.
    Updated,
    /// Soonest back to the pool first; customers with no deadline last.
    ReturnsSoonest,
    /// Highest tier first, then turnover.
    Tier,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Name, Sort::Updated, Sort::ReturnsSoonest, Sort::Tier];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Updated => "updated",
            Sort::ReturnsSoonest => "returns",
            Sort::Tier => "tier",
        }
    }

    pub fn from_code(code: &str) -> Sort {
        Sort::ALL.into_iter().find(|s| s.code() == code).unwrap_or_default()
    }
}

fn tier_rank(t: Tier) -> u8 {
    match t {
        Tier::Vip => 0,
        Tier::SpecialVip => 1,
        Tier::A => 2,
        Tier::B => 3,
        Tier::C => 4,
    }
}

fn compare(sort: Sort, a: &CustomerView, b: &CustomerView) -> Ordering {
    let by_name = || a.rec.file.name.cmp(&b.rec.file.name).then_with(|| a.rec.id.cmp(&b.rec.id));
    match sort {
        Sort::Name => by_name(),
        Sort::Updated => b.rec.updated_ms.cmp(&a.rec.updated_ms).then_with(by_name),
        Sort::ReturnsSoonest => match (a.own.returns_at_ms, b.own.returns_at_ms) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
        .then_with(by_name),
        Sort::Tier => tier_rank(a.tier.tier)
            .cmp(&tier_rank(b.tier.tier))
            .then_with(|| b.tier.turnover_fen.cmp(&a.tier.turnover_fen))
            .then_with(by_name),
    }
}

/// The positions in `all` to show: those `matches` allows (all when `None`, e.g. an
/// empty search box) and `filter` accepts, in `sort` order — except that search hits
/// keep their relevance order under the default sort by name.
pub fn select(all: &[CustomerView], matches: Option<&[usize]>, filter: &Filter, sort: Sort, now_ms: i64) -> Vec<usize> {
    let mut v: Vec<usize> = match matches {
        Some(m) => m.iter().copied().filter(|&i| i < all.len()).collect(),
        None => (0..all.len()).collect(),
    };
    v.retain(|&i| filter.accepts(&all[i], now_ms));
    if matches.is_none() || sort != Sort::Name {
        v.sort_by(|&x, &y| compare(sort, &all[x], &all[y]));
    }
    v
}
