//! E2 materials kits on the device: one `event_kit_item` document per item (fields
//! `event`, `what`, `who`, `due`, `done`), so two tablets changing different items, or
//! different fields of one, both keep their change.

use serde_json::Value;

use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::domain::event_kit::KitItem;
use crate::record::replica::{Document, Replica, DELETED};

pub const KIT_ITEM: &str = "event_kit_item";
const DATE_FORMAT: &str = "%Y-%m-%d";

fn fields(i: &KitItem) -> [(&'static str, Value); 5] {
    [
        ("event", Value::String(i.event.clone())),
        ("what", Value::String(i.what.clone())),
        ("who", Value::String(i.who.clone())),
        ("due", Value::String(i.due.format(DATE_FORMAT).to_string())),
        ("done", Value::Bool(i.done)),
    ]
}

/// A stored item; `None` when deleted or when a needed field is missing or unreadable.
pub fn kit_item_from_doc(d: &Document) -> Option<KitItem> {
    if d.kind != KIT_ITEM || d.is_deleted() {
        return None;
    }
    let text = |f: &str| d.get(f).and_then(Value::as_str).map(str::to_owned);
    Some(KitItem {
        id: d.id.clone(),
        event: text("event")?,
        what: text("what")?,
        who: text("who")?,
        due: text("due")?.parse().ok()?,
        done: d.get("done").and_then(Value::as_bool).unwrap_or(false),
    })
}

/// Every live kit item of every event, as it counts under the roster.
pub async fn load_kit_items<S: RecordStore>(s: &S) -> Result<Vec<KitItem>, StorageError> {
    let docs = s.docs_of_kind(KIT_ITEM).await?;
    let judge = super::roster::Judge::load(s).await?;
    Ok(judge.docs(docs).iter().filter_map(kit_item_from_doc).collect())
}

/// The item document carrying the fields that differ from `old` (all for a new item);
/// `None` when nothing changed.
pub fn kit_item_change(old: Option<&KitItem>, new: &KitItem, by: &mut Author) -> Option<Replica> {
    let before = old.map(fields);
    let mut d = Document::new(&new.id, KIT_ITEM);
    for (k, v) in fields(new) {
        if before.as_ref().is_none_or(|b| b.iter().any(|(bk, bv)| *bk == k && *bv != v)) {
            let s = by.clock.tick(by.now_ms);
            d.set(k, v, s, by.profile);
        }
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}

/// Removes an item (a tombstone field, synced like any other).
pub fn kit_item_removed(id: &str, by: &mut Author) -> Replica {
    let mut d = Document::new(id, KIT_ITEM);
    let s = by.clock.tick(by.now_ms);
    d.set(DELETED, Value::Bool(true), s, by.profile);
    Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() }
}
