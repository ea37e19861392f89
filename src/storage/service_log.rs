//! The service log on the device (S1–S3): an item as a document written once by whoever
//! the customer first asked, each forward (to whom, the plan, the promised date) and the
//! closing ("customer satisfied", with a score) as entries, so who promised what and
//! when stays as it was. The first closing stands when two tablets close one item.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::codec::{body_of, decode_doc, decode_entry, Codec, FieldProblem, Reader, Restored};
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

impl Codec for ForwardBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("to", json!(self.to)), ("plan", json!(self.plan)), ("promised", json!(self.promised))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let promised = r.date("promised");
        let promised = r.require("promised", promised)?;
        Some(ForwardBody { to: r.text("to"), plan: r.text("plan"), promised })
    }
}

impl Codec for ClosedBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("score", json!(self.score)), ("note", json!(self.note))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let score = r.opt_uint::<u8>("score");
        Some(ClosedBody { score: r.require("score", score)?, note: r.text("note") })
    }
}

/// A service item as stored; its forwards and closing come from entries.
impl Codec for ServiceItem {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("customer", json!(self.customer_id)),
            ("owner", json!(self.owner)),
            ("channel", serde_json::to_value(self.channel).unwrap_or(Value::Null)),
            ("asked", json!(self.asked)),
            ("asked_on", json!(self.asked_on)),
            ("answer", json!(self.answer.clone().unwrap_or_default())),
        ]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let channel: Option<Channel> = r.choice("channel");
        let asked_on = r.date("asked_on");
        let channel = r.require("channel", channel);
        let asked_on = r.require("asked_on", asked_on);
        Some(ServiceItem {
            id: r.record_id().to_owned(),
            customer_id: r.text("customer"),
            owner: r.text("owner"),
            channel: channel?,
            asked: r.text("asked"),
            asked_on: asked_on?,
            answer: r.opt_text("answer"),
            forwards: Vec::new(),
            closure: None,
        })
    }
}

/// Items with their forwards and closing (pure; tested natively).
pub fn assemble(docs: Vec<Document>, entries: Vec<Entry>) -> Vec<ServiceItem> {
    assemble_restored(docs, entries).records
}

/// [`assemble`] with the fields that could not be read.
pub fn assemble_restored(docs: Vec<Document>, entries: Vec<Entry>) -> Restored<Vec<ServiceItem>> {
    let mut problems: Vec<FieldProblem> = Vec::new();
    let mut entries: Vec<Entry> = entries;
    entries.sort_by(|a, b| a.stamp.cmp(&b.stamp));
    let mut items: Vec<ServiceItem> = docs
        .iter()
        .filter(|d| d.kind == SERVICE_ITEM && !d.is_deleted())
        .filter_map(|d| decode_doc::<ServiceItem>(d, &mut problems))
        .collect();
    for e in &entries {
        let Some(item) = items.iter_mut().find(|i| i.id == e.subject) else {
            continue;
        };
        match e.kind.as_str() {
            SERVICE_FORWARD if item.closure.is_none() => {
                if let Some(b) = decode_entry::<ForwardBody>(e, &mut problems) {
                    item.forwards.push(Forward {
                        to: b.to,
                        plan: b.plan,
                        promised: b.promised,
                        at_ms: e.stamp.wall_ms,
                    });
                }
            }
            SERVICE_CLOSED if item.closure.is_none() => {
                if let Some(b) = decode_entry::<ClosedBody>(e, &mut problems) {
                    item.closure =
                        Some(Closure { by: e.author.clone(), at_ms: e.stamp.wall_ms, score: b.score, note: b.note });
                }
            }
            _ => {}
        }
    }
    items.sort_by(|a, b| b.asked_on.cmp(&a.asked_on).then_with(|| a.id.cmp(&b.id)));
    Restored { records: items, problems }
}

pub async fn load_service<S: RecordStore>(st: &S) -> Result<Vec<ServiceItem>, StorageError> {
    Ok(load_service_restored(st).await?.records)
}

/// [`load_service`] with the fields that could not be read.
pub async fn load_service_restored<S: RecordStore>(st: &S) -> Result<Restored<Vec<ServiceItem>>, StorageError> {
    let docs = st.docs_of_kind(SERVICE_ITEM).await?;
    let entries: Vec<Entry> = st.entries_of_kinds(&[SERVICE_FORWARD, SERVICE_CLOSED]).await?;
    let judge = super::roster::Judge::load(st).await?;
    Ok(assemble_restored(judge.docs(docs), judge.entries(entries)))
}

/// S1: a new item (checked by the domain constructors first), with its first forward.
pub fn item_created(item: &ServiceItem, forward_id: &str, by: &mut Author) -> Replica {
    let mut d = Document::new(&item.id, SERVICE_ITEM);
    for (k, v) in item.encode() {
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
        body_of(&ForwardBody { to: f.to.clone(), plan: f.plan.clone(), promised: f.promised }),
        by,
    )
}

/// S2: closed with the customer satisfied (checked by [`ServiceItem::close`] first).
pub fn closed(entry_id: &str, item_id: &str, score: u8, note: &str, by: &mut Author) -> Replica {
    entry(entry_id, SERVICE_CLOSED, item_id, body_of(&ClosedBody { score, note: note.trim().to_owned() }), by)
}
