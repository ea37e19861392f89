//! The service log on the device (S1–S3): an item as a document written once by whoever
//! the customer first asked, each forward (to whom, the plan, the promised date) and the
//! closing ("customer satisfied", with a score) as entries, so who promised what and
//! when stays as it was. The first closing stands when two tablets close one item.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::customers::{entry_change as entry, Author};
use super::{RecordStore, StorageError};
use crate::domain::service::{Channel, Closure, Forward, ServiceItem};
use crate::record::replica::{Document, Entry, Replica};

pub const SERVICE_ITEM: &str = "service_item";
pub const SERVICE_FORWARD: &str = "service.forward";
pub const SERVICE_CLOSED: &str = "service.closed";

#[derive(Serialize, Deserialize)]
struct ForwardBody {
    to: String,
    plan: String,
    promised: NaiveDate,
}

#[derive(Serialize, Deserialize)]
struct ClosedBody {
    score: u8,
    note: String,
}

fn s(d: &Document, f: &str) -> String {
    d.get(f).and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// Items with their forwards and closing (pure; tested natively).
pub fn assemble(docs: Vec<Document>, entries: Vec<Entry>) -> Vec<ServiceItem> {
    let mut entries: Vec<Entry> = entries;
    entries.sort_by(|a, b| a.stamp.cmp(&b.stamp));
    let mut items: Vec<ServiceItem> = docs
        .iter()
        .filter(|d| d.kind == SERVICE_ITEM && !d.is_deleted())
        .filter_map(|d| {
            Some(ServiceItem {
                id: d.id.clone(),
                customer_id: s(d, "customer"),
                owner: s(d, "owner"),
                channel: serde_json::from_value::<Channel>(d.get("channel")?.clone()).ok()?,
                asked: s(d, "asked"),
                asked_on: d.get("asked_on")?.as_str()?.parse().ok()?,
                answer: d.get("answer").and_then(Value::as_str).filter(|a| !a.is_empty()).map(str::to_owned),
                forwards: Vec::new(),
                closure: None,
            })
        })
        .collect();
    for e in &entries {
        let Some(item) = items.iter_mut().find(|i| i.id == e.subject) else {
            continue;
        };
        match e.kind.as_str() {
            SERVICE_FORWARD if item.closure.is_none() => {
                if let Ok(b) = serde_json::from_value::<ForwardBody>(e.body.clone()) {
                    item.forwards.push(Forward {
                        to: b.to,
                        plan: b.plan,
                        promised: b.promised,
                        at_ms: e.stamp.wall_ms,
                    });
                }
            }
            SERVICE_CLOSED if item.closure.is_none() => {
                if let Ok(b) = serde_json::from_value::<ClosedBody>(e.body.clone()) {
                    item.closure =
                        Some(Closure { by: e.author.clone(), at_ms: e.stamp.wall_ms, score: b.score, note: b.note });
                }
            }
            _ => {}
        }
    }
    items.sort_by(|a, b| b.asked_on.cmp(&a.asked_on).then_with(|| a.id.cmp(&b.id)));
    items
}

pub async fn load_service<S: RecordStore>(st: &S) -> Result<Vec<ServiceItem>, StorageError> {
    let docs = st.docs_of_kind(SERVICE_ITEM).await?;
    let entries: Vec<Entry> = st.entries_of_kinds(&[SERVICE_FORWARD, SERVICE_CLOSED]).await?;
    Ok(assemble(docs, entries))
}

/// S1: a new item (checked by the domain constructors first), with its first forward.
pub fn item_created(item: &ServiceItem, forward_id: &str, by: &mut Author) -> Replica {
    let mut d = Document::new(&item.id, SERVICE_ITEM);
    let fields = [
        ("customer", json!(item.customer_id)),
        ("owner", json!(item.owner)),
        ("channel", serde_json::to_value(item.channel).unwrap_or(Value::Null)),
        ("asked", json!(item.asked)),
        ("asked_on", json!(item.asked_on)),
        ("answer", json!(item.answer.clone().unwrap_or_default())),
    ];
    for (k, v) in fields {
        let st = by.clock.tick(by.now_ms);
        d.set(k, v, st, by.profile);
    }
    let mut r = Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() };
    if let Some(f) = item.forwards.first() {
        r = r.merge(forwarded(forward_id, &item.id, f, by));
    }
    r
}

/// S2: forwarded (again) to someone, with the plan and the date promised.
pub fn forwarded(entry_id: &str, item_id: &str, f: &Forward, by: &mut Author) -> Replica {
    entry(
        entry_id,
        SERVICE_FORWARD,
        item_id,
        json!(ForwardBody { to: f.to.clone(), plan: f.plan.clone(), promised: f.promised }),
        by,
    )
}

/// S2: closed with the customer satisfied (checked by [`ServiceItem::close`] first).
pub fn closed(entry_id: &str, item_id: &str, score: u8, note: &str, by: &mut Author) -> Replica {
    entry(entry_id, SERVICE_CLOSED, item_id, json!(ClosedBody { score, note: note.trim().to_owned() }), by)
}
