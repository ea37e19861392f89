//! The quarantine: what peers wrote that this device could not take, kept instead of
//! dropped. Two kinds of item:
//! - **files** the last round refused (cannot be opened, a newer format, the host
//!   refused it, a replayed head…). The file stays on the host and unmerged, so every
//!   round — and the first round after an app update — tries it again; the item goes away
//!   when a round takes it.
//! - **records** refused one by one (a document that arrived as another kind than the
//!   one this device holds), kept verbatim until someone exports them for support.
//!
//! Stored under one `meta` key, at most [`MAX_ITEMS`] items (the newest kept).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::record_health::UnreadableField;
use super::{get_typed, RecordStore, StorageError, StoreName, Write};
use crate::sync::engine::Rejected;

const QUARANTINE_KEY: &str = "quarantine";
pub const MAX_ITEMS: usize = 1_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quarantined {
    /// The device whose folder it came from.
    pub device: String,
    pub path: String,
    /// A stable reason code (`Refusal::code`), worded by the UI.
    pub code: String,
    /// The reason in English, for support.
    pub detail: String,
    /// The refused record, verbatim (record items only).
    pub record: Option<Value>,
    pub first_seen_ms: i64,
    pub last_seen_ms: i64,
}

impl Quarantined {
    fn same(&self, other: &Quarantined) -> bool {
        self.device == other.device
            && self.path == other.path
            && self.code == other.code
            && self.record.as_ref().and_then(|r| r.get("id")) == other.record.as_ref().and_then(|r| r.get("id"))
    }
}

pub async fn quarantine<S: RecordStore>(s: &S) -> Result<Vec<Quarantined>, StorageError> {
    Ok(get_typed(s, StoreName::Meta, QUARANTINE_KEY).await?.unwrap_or_default())
}

/// The quarantine after a round: file items are exactly this round's refused files (an
/// item seen before keeps its first sighting); record items are added to those kept.
pub fn after_round(old: Vec<Quarantined>, rejected: &[Rejected], now_ms: i64) -> Vec<Quarantined> {
    let mut next: Vec<Quarantined> = old.iter().filter(|q| q.record.is_some()).cloned().collect();
    for r in rejected {
        let mut item = Quarantined {
            device: r.device.clone(),
            path: r.path.clone(),
            code: r.reason.code().into(),
            detail: r.reason.to_string(),
            record: r.record.clone(),
            first_seen_ms: now_ms,
            last_seen_ms: now_ms,
        };
        if let Some(seen) = old.iter().find(|q| q.same(&item)) {
            item.first_seen_ms = seen.first_seen_ms;
        }
        match next.iter_mut().find(|q| q.same(&item)) {
            Some(q) => q.last_seen_ms = now_ms,
            None => next.push(item),
        }
    }
    if next.len() > MAX_ITEMS {
        next.sort_by_key(|q| std::cmp::Reverse(q.last_seen_ms));
        next.truncate(MAX_ITEMS);
    }
    next
}

pub(crate) fn put_quarantine(items: &[Quarantined]) -> Result<Write, StorageError> {
    Ok(Write::Put(StoreName::Meta, QUARANTINE_KEY.into(), super::to_json(&items)?))
}

/// Empties the quarantine (joining another team: its items are the old team's files).
pub(crate) fn forget_quarantine() -> Write {
    Write::Delete(StoreName::Meta, QUARANTINE_KEY.into())
}

/// The quarantine as one JSON document, for support: the refused files and records
/// (`items`) and the stored records this build reads only in part (`records`, from
/// [`super::record_health`]), each verbatim.
pub fn export_json(items: &[Quarantined], records: &[UnreadableField]) -> String {
    serde_json::to_string_pretty(&serde_json::json!({
        "format": "outpost.quarantine",
        "version": 2,
        "items": items,
        "records": records,
    }))
    .unwrap_or_default()
}
