//! Figures for `scripts/bench.sh` (feature `bench` only): the data core's bulk write,
//! full load and snapshot merge on real IndexedDB, timed in the page. The script runs
//! Dexie on the same records in the same page and prints both. [`search`] times customer
//! search per keystroke (the script runs uFuzzy beside it); [`import`] times a CSV import.

use serde_json::json;
use wasm_bindgen::prelude::*;

use crate::record::hlc::{Clock, Hlc};
use crate::record::replica::{Document, Replica};
use crate::storage::data::apply_remote;
use crate::storage::idb::IdbStore;
use crate::storage::schema::{StoreName, VERSION};
use crate::storage::{RecordStore, Write};
use crate::sync::engine::SyncState;

mod gen;
pub mod import;
pub mod list;
pub mod seal;
pub mod search;

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: sub-millisecond, unlike `Date.now()`.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    pub(crate) fn precise_now() -> f64;
}

const SURNAMES: [&str; 8] = ["张", "王", "李", "赵", "陈", "Smith", "Garcia", "Müller"];

/// `n` customer documents with a few fields each, deterministic from `seed`.
fn customers(n: u32, seed: u32, device: &str) -> Vec<Document> {
    (0..n)
        .map(|i| {
            let id = format!("cust-{i:06}");
            let mut d = Document::new(&id, "customer");
            let at = |k: i64| Hlc {
                wall_ms: 1_700_000_000_000 + (seed as i64) * 1_000_000 + i as i64 * 4 + k,
                counter: 0,
                device: device.into(),
            };
            d.set("name", json!(format!("{}{} 贸易有限公司 {i}", SURNAMES[(i % 8) as usize], seed)), at(0), "bench");
            d.set("phone", json!(format!("138{:08}", i * 7 + seed)), at(1), "bench");
            d.set("region", json!(["华东", "华南", "华北", "西南"][(i % 4) as usize]), at(2), "bench");
            d.set("tier", json!(["A", "B", "C"][(i % 3) as usize]), at(3), "bench");
            d
        })
        .collect()
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// The records the Dexie run writes: the same documents, as JSON objects.
#[wasm_bindgen]
pub fn outpost_bench_records(n: u32) -> String {
    serde_json::to_string(&customers(n, 1, "bench-a")).unwrap_or_default()
}

/// Writes `n` documents in one transaction, loads them all back (decoded), then merges a
/// `merge_n`-record snapshot from another device (half new, half conflicting). Returns
/// `{write_ms, load_ms, merge_ms}`.
#[wasm_bindgen]
pub async fn outpost_bench_run(n: u32, merge_n: u32) -> Result<JsValue, JsValue> {
    let name = format!("outpost-bench-{n}");
    let _ = IdbStore::delete_database(&name).await;
    let db = IdbStore::open_named(&name, VERSION).await.map_err(|e| JsValue::from_str(&e.to_string()))?;
    let docs = customers(n, 1, "bench-a");
    let err = |e: crate::storage::StorageError| JsValue::from_str(&e.to_string());

    // Dexie is handed ready objects, so the clock starts once ours are ready too.
    let rows: Vec<Write> = docs
        .iter()
        .map(|d| Write::Put(StoreName::Docs, d.id.clone(), serde_json::to_value(d).unwrap_or_default()))
        .collect();
    let t0 = now();
    db.write(rows).await.map_err(err)?;
    let write_ms = now() - t0;

    let t1 = now();
    let loaded: Vec<Document> = crate::storage::get_all_typed(&db, StoreName::Docs).await.map_err(err)?;
    let load_ms = now() - t1;
    if loaded.len() != n as usize {
        return Err(JsValue::from_str("load returned the wrong count"));
    }

    // A snapshot from device b: ids overlapping the first half of ours, the rest new.
    let offset = n / 2;
    let snapshot: Replica = Replica {
        docs: customers(merge_n, 2, "bench-b")
            .into_iter()
            .map(|mut d| {
                let i: u32 = d.id[5..].parse().unwrap_or(0) + offset;
                d.id = format!("cust-{i:06}");
                (d.id.clone(), d)
            })
            .collect(),
        entries: Default::default(),
    };
    let t2 = now();
    apply_remote(&db, &snapshot, &SyncState::default(), &Clock::new("bench-a")).await.map_err(err)?;
    let merge_ms = now() - t2;

    db.close();
    let _ = IdbStore::delete_database(&name).await;
    let out = js_sys::Object::new();
    for (k, v) in [("write_ms", write_ms), ("load_ms", load_ms), ("merge_ms", merge_ms)] {
        js_sys::Reflect::set(&out, &JsValue::from_str(k), &JsValue::from_f64(v))?;
    }
    Ok(out.into())
}
