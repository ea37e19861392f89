//! The team's O2 collection setting as one synced document (`team:collection`): how many
//! days before a due date the receivables reminders start. A manager's, like every
//! `team:*` document; until one is saved, the default (7 days) applies.

use serde_json::Value;

use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::domain::collection::CollectionSettings;
use crate::record::replica::{Document, Replica};

pub const COLLECTION_ID: &str = "team:collection";
pub const COLLECTION_KIND: &str = "team_collection";
const REMIND_DAYS: &str = "remind_days";

/// The setting a document describes; an unreadable or out-of-range value is the default.
pub fn collection_from_doc(d: &Document) -> CollectionSettings {
    let days = d.get(REMIND_DAYS).and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok());
    days.map(|remind_days| CollectionSettings { remind_days })
        .filter(|c| !d.is_deleted() && c.check().is_ok())
        .unwrap_or_default()
}

pub async fn load_collection<S: RecordStore>(s: &S) -> Result<CollectionSettings, StorageError> {
    let doc: Option<Document> = super::roster::counted_doc(s, COLLECTION_ID).await?;
    Ok(doc.map(|d| collection_from_doc(&d)).unwrap_or_default())
}

/// The document carrying the lead time when it changed; `None` when it did not.
pub fn collection_change(old: &CollectionSettings, new: &CollectionSettings, by: &mut Author) -> Option<Replica> {
    if old == new {
        return None;
    }
    let mut d = Document::new(COLLECTION_ID, COLLECTION_KIND);
    let s = by.clock.tick(by.now_ms);
    d.set(REMIND_DAYS, Value::from(new.remind_days), s, by.profile);
    Some(Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}
