//! The team warehouse on the device (**W1**): the item catalogue as documents of kind
//! [`ITEM`] (each field a register, the manager's: `domain::authority`), slips as
//! immutable entries of kind [`SLIP`] and stocktake counts as entries of kind
//! [`COUNT`] and signatures on a slip's lines as entries of kind [`SIGN`] (the
//! warehouse desk's: managers and event staff, who hold the tablet for the customer or
//! deliverer too). Every device reads them
//! through the roster's judge, so a slip signed by another role counts nowhere.
//!
//! A slip to an event has the event as its subject (else [`WAREHOUSE`]), so the
//! event's prize stock can read it too (`storage::events`).

use serde_json::{json, Value};

use super::codec::{body_of, decode_doc, decode_entry, Codec, FieldProblem, Reader, Restored};
use super::customers::{entry_change, Author};
use super::{RecordStore, StorageError};
use crate::domain::warehouse::report::CountSheet;
use crate::domain::warehouse::{Item, Party, Signature, Signer, Slip, SlipKind, SlipLine};
use crate::record::replica::{Document, Entry, Replica};

pub const ITEM: &str = "warehouse.item";
pub const SLIP: &str = "warehouse.slip";
pub const COUNT: &str = "warehouse.count";
pub const SIGN: &str = "warehouse.sign";
/// The subject of a slip that is not to an event.
pub const WAREHOUSE: &str = "warehouse";

/// Everything of the warehouse this device holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WarehouseData {
    /// By label.
    pub items: Vec<Item>,
    /// In stamp order.
    pub slips: Vec<Slip>,
    pub counts: Vec<CountSheet>,
    /// The first signature of each line of each slip, in stamp order.
    pub signatures: Vec<Signature>,
}

impl WarehouseData {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn slip(&self, id: &str) -> Option<&Slip> {
        self.slips.iter().find(|s| s.id == id)
    }

    /// The signature on `signer`'s line of slip `slip`, if signed.
    pub fn signature(&self, slip: &str, signer: Signer) -> Option<&Signature> {
        self.signatures.iter().find(|s| s.slip == slip && s.signer == signer)
    }
}

impl Codec for Item {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("name", json!(self.name)), ("spec", json!(self.spec)), ("unit", json!(self.unit))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let id = r.record_id().to_owned();
        Some(Item { id, name: r.text("name"), spec: r.text("spec"), unit: r.text("unit") })
    }
}

/// A slip's body (the id, stamp and author are the entry's).
struct SlipBody(Slip);

impl Codec for SlipBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        let s = &self.0;
        vec![
            ("kind", json!(s.kind)),
            ("day", json!(s.day.to_string())),
            ("party", json!(s.party)),
            ("counterparty", json!(s.counterparty)),
            ("event", json!(s.event)),
            ("lines", serde_json::to_value(&s.lines).unwrap_or(Value::Null)),
            ("note", json!(s.note)),
            ("reverses", json!(s.reverses)),
            ("adjustment", json!(s.adjustment)),
        ]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let kind = r.choice("kind");
        let kind: SlipKind = r.require("kind", kind)?;
        let day = r.date("day");
        let day = r.require("day", day)?;
        let party = r.choice("party").unwrap_or(Party::Supplier);
        let lines: Vec<SlipLine> = r.list("lines");
        Some(SlipBody(Slip {
            id: r.record_id().to_owned(),
            stamp: crate::domain::warehouse::unstamped(),
            kind,
            day,
            party,
            counterparty: r.text("counterparty"),
            event: r.text("event"),
            lines: lines.into_iter().filter(|l| l.qty > 0).collect(),
            note: r.text("note"),
            by: String::new(),
            reverses: r.opt_text("reverses").filter(|s| !s.is_empty()),
            adjustment: r.bool("adjustment"),
        }))
    }
}

struct SignBody {
    signer: Signer,
    name: String,
}

impl Codec for SignBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("signer", json!(self.signer)), ("name", json!(self.name))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let signer = r.choice("signer");
        let signer = r.require("signer", signer)?;
        Some(SignBody { signer, name: r.text("name") })
    }
}

struct CountBody {
    day: chrono::NaiveDate,
    counted: i64,
}

impl Codec for CountBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("day", json!(self.day.to_string())), ("counted", json!(self.counted))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let day = r.date("day");
        let day = r.require("day", day)?;
        Some(CountBody { day, counted: r.int("counted") })
    }
}

/// One slip entry as read back, if it is readable.
pub fn slip_of(e: &Entry, problems: &mut Vec<FieldProblem>) -> Option<Slip> {
    let SlipBody(mut s) = decode_entry::<SlipBody>(e, problems)?;
    s.id = e.id.clone();
    s.stamp = e.stamp.clone();
    s.by = e.author.clone();
    Some(s)
}

/// Builds the read model from judged documents and entries (pure).
pub fn assemble(docs: Vec<Document>, entries: Vec<Entry>) -> Restored<WarehouseData> {
    let mut problems = Vec::new();
    let mut data = WarehouseData::default();
    let mut signed = Vec::new();
    for d in docs.iter().filter(|d| !d.is_deleted() && d.kind == ITEM) {
        data.items.extend(decode_doc::<Item>(d, &mut problems));
    }
    for e in &entries {
        match e.kind.as_str() {
            SLIP => data.slips.extend(slip_of(e, &mut problems)),
            COUNT => {
                if let Some(b) = decode_entry::<CountBody>(e, &mut problems) {
                    let (id, stamp, item) = (e.id.clone(), e.stamp.clone(), e.subject.clone());
                    data.counts.push(CountSheet { id, stamp, day: b.day, item, counted: b.counted.max(0) });
                }
            }
            SIGN => {
                if let Some(b) = decode_entry::<SignBody>(e, &mut problems) {
                    let (slip, by, at_ms) = (e.subject.clone(), e.author.clone(), e.stamp.wall_ms);
                    signed.push((e.stamp.clone(), Signature { slip, signer: b.signer, name: b.name, by, at_ms }));
                }
            }
            _ => {}
        }
    }
    // Two tablets signing one line offline: the first signature stands on every device.
    signed.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, s) in signed {
        if data.signature(&s.slip, s.signer).is_none() {
            data.signatures.push(s);
        }
    }
    data.items.sort_by(|a, b| a.label().cmp(&b.label()).then_with(|| a.id.cmp(&b.id)));
    data.slips.sort_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| a.id.cmp(&b.id)));
    data.counts.sort_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| a.id.cmp(&b.id)));
    Restored { records: data, problems }
}

/// The warehouse as this device counts it (the roster's judge applied).
pub async fn load_warehouse<S: RecordStore>(s: &S) -> Result<WarehouseData, StorageError> {
    let docs = s.docs_of_kind(ITEM).await?;
    let mut entries = s.entries_of_kind(SLIP).await?;
    entries.extend(s.entries_of_kind(COUNT).await?);
    entries.extend(s.entries_of_kind(SIGN).await?);
    let judge = super::roster::Judge::load(s).await?;
    Ok(assemble(judge.docs(docs), judge.entries(entries)).records)
}

/// A catalogue item with the fields that changed (all for a new one); `None` when
/// nothing did.
pub fn item_change(old: Option<&Item>, new: &Item, by: &mut Author) -> Option<Replica> {
    let mut d = Document::new(&new.id, ITEM);
    let before = old.map(Codec::encode);
    for (k, v) in new.encode() {
        let same = before.as_ref().is_some_and(|o| o.iter().any(|(ok, ov)| *ok == k && *ov == v));
        // A new item stores only its filled fields.
        let blank_new = old.is_none() && v == json!("");
        if !same && !blank_new {
            let s = by.clock.tick(by.now_ms);
            d.set(k, v, s, by.profile);
        }
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}

/// **W1** One signed slip (its id, stamp and author are the entry's).
pub fn slip_entry(slip: &Slip, by: &mut Author) -> Replica {
    let subject = if slip.party == Party::Event && !slip.event.is_empty() { slip.event.as_str() } else { WAREHOUSE };
    entry_change(&slip.id, SLIP, subject, body_of(&SlipBody(slip.clone())), by)
}

/// **W1** A stocktake count of one item.
pub fn count_entry(id: &str, item: &str, day: chrono::NaiveDate, counted: i64, by: &mut Author) -> Replica {
    entry_change(id, COUNT, item, body_of(&CountBody { day, counted }), by)
}

/// **W1** A signature on one line of a slip.
pub fn sign_entry(id: &str, slip: &str, signer: Signer, name: &str, by: &mut Author) -> Replica {
    entry_change(id, SIGN, slip, body_of(&SignBody { signer, name: name.trim().to_owned() }), by)
}
