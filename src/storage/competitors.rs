//! Competitor files on the device (seed 002 同類產品檔案): each sighting an editable
//! document `competitor`, its fields role-gated to the sales side (rep, manager) in
//! `domain::authority`, so they are kept per signer and a forged edit counts nowhere.

use serde_json::{json, Value};

use super::codec::{decode_doc, Codec, Reader};
use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::domain::authority::COMPETITOR;
use crate::domain::competitor::Sighting;
use crate::record::replica::{Document, Replica};

impl Codec for Sighting {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("customer", json!(self.customer_id.clone().unwrap_or_default())),
            ("region", json!(self.region)),
            ("competitor", json!(self.competitor)),
            ("product", json!(self.product)),
            ("price", self.price_fen.map(|p| json!(p)).unwrap_or(Value::Null)),
            ("strengths", json!(self.strengths)),
            ("weaknesses", json!(self.weaknesses)),
            ("seen_on", json!(self.seen_on)),
            ("source", json!(self.source)),
        ]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let seen_on = r.date("seen_on");
        let seen_on = r.require("seen_on", seen_on)?;
        Some(Sighting {
            id: r.record_id().to_owned(),
            customer_id: r.opt_text("customer"),
            region: r.text("region"),
            competitor: r.text("competitor"),
            product: r.text("product"),
            price_fen: r.money("price"),
            strengths: r.text("strengths"),
            weaknesses: r.text("weaknesses"),
            seen_on,
            source: r.text("source"),
        })
    }
}

/// Every sighting as it counts on this device.
pub async fn load_sightings<S: RecordStore>(s: &S) -> Result<Vec<Sighting>, StorageError> {
    let judge = super::roster::Judge::load(s).await?;
    let docs = judge.docs(s.docs_of_kind(COMPETITOR).await?);
    let mut problems = Vec::new();
    Ok(docs.iter().filter(|d| !d.is_deleted()).filter_map(|d| decode_doc::<Sighting>(d, &mut problems)).collect())
}

/// The fields of `new` that differ from `old` (`None` for a new document, which stores
/// only its filled fields); `None` when nothing changed.
pub fn doc_change<T: Codec>(id: &str, kind: &str, old: Option<&T>, new: &T, by: &mut Author) -> Option<Replica> {
    let before = old.map(Codec::encode);
    let mut d = Document::new(id, kind);
    for (i, (name, value)) in new.encode().into_iter().enumerate() {
        let blank = value.is_null() || value.as_str().is_some_and(str::is_empty);
        let changed = match &before {
            Some(b) => b.get(i).is_none_or(|(_, v)| *v != value),
            None => !blank,
        };
        if changed {
            let stamp = by.clock.tick(by.now_ms);
            d.set(name, value, stamp, by.profile);
        }
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}
