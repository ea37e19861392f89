//! Seed 002 (第三条（一）): a reviewed customer file sent to marketing, as an immutable
//! `customer.forwarded` entry about the customer — who sent it and when are its author
//! and stamp. Only a manager's counts (`domain::authority`).

use std::collections::BTreeMap;

use serde_json::json;

use super::customers::{entry_change, Author};
use super::{RecordStore, StorageError};
use crate::record::replica::Replica;

pub use crate::domain::authority::CUSTOMER_FORWARDED;

/// Who sent a file to marketing, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forwarded {
    pub by: String,
    pub at_ms: i64,
}

/// The first counted sending of each customer's file, by customer.
pub async fn load_forwarded<S: RecordStore>(s: &S) -> Result<BTreeMap<String, Forwarded>, StorageError> {
    let judge = super::roster::Judge::load(s).await?;
    let mut out: BTreeMap<String, Forwarded> = BTreeMap::new();
    let mut entries = judge.entries(s.entries_of_kind(CUSTOMER_FORWARDED).await?);
    entries.sort_by(|a, b| a.stamp.cmp(&b.stamp));
    for e in entries {
        out.entry(e.subject.clone()).or_insert(Forwarded { by: e.author.clone(), at_ms: e.stamp.wall_ms });
    }
    Ok(out)
}

/// The entry saying `customer`'s file went to marketing.
pub fn forwarded_entry(entry_id: &str, customer: &str, by: &mut Author) -> Replica {
    entry_change(entry_id, CUSTOMER_FORWARDED, customer, json!({}), by)
}
