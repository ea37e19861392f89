//! Opening the customer list at scale: what `CustomersCtx::reload` does after a page
//! load — read every document and entry from IndexedDB, assemble the records, derive
//! owner and tier (P1–P9, C3), sort by name and build the search index — timed step by
//! step over `n` customers imported the way the import page writes them (customer,
//! contact and a first-contact fact per row).

use wasm_bindgen::prelude::*;

use super::gen::{company, contact_name, mobile, region, source_label, Rng};
use super::precise_now;
use crate::domain::customer::{Contact, CustomerFile};
use crate::domain::pool::{FactKind, PoolSettings};
use crate::domain::tier::TierSettings;
use crate::record::hlc::Clock;
use crate::record::replica::{Document, Entry};
use crate::storage::customers::{assemble, contact_change, customer_change, fact_entry, join, Author};
use crate::storage::data::apply_local;
use crate::storage::idb::IdbStore;
use crate::storage::list_model::{load_customers_cached, Read, CUSTOMER_LIST_KEY};
use crate::storage::schema::{StoreName, VERSION};
use crate::storage::{RecordStore, StorageError};
use crate::ui::customers::customers_ctx::build_list;

fn set(out: &js_sys::Object, k: &str, v: f64) -> Result<(), JsValue> {
    js_sys::Reflect::set(out, &JsValue::from_str(k), &JsValue::from_f64(v)).map(|_| ())
}

/// Writes `n` customers (in batches of 5,000, as an import does), then times one full
/// list load. Returns `{write_ms, read_docs_ms, read_entries_ms, assemble_ms,
/// derive_sort_index_ms, total_ms, customers}`.
#[wasm_bindgen]
pub async fn outpost_bench_list_load(n: u32) -> Result<JsValue, JsValue> {
    let err = |e: StorageError| JsValue::from_str(&e.to_string());
    let name = "outpost-bench-list";
    let _ = IdbStore::delete_database(name).await;
    let db = IdbStore::open_named(name, VERSION).await.map_err(err)?;
    let mut r = Rng::new(0x5151_2026);
    let mut clock = Clock::new("bench-list");
    let now_ms = js_sys::Date::now() as i64;
    let t0 = precise_now();
    let mut i = 0;
    while i < n {
        let mut parts = Vec::new();
        let mut by = Author { profile: "rep-bench", clock: &mut clock, now_ms };
        for _ in i..(i + 5_000).min(n) {
            let (company_name, chinese) = company(&mut r);
            let file = CustomerFile {
                name: company_name,
                region: region(&mut r).to_owned(),
                source: source_label(&mut r).to_owned(),
                ..Default::default()
            };
            let contact = Contact { name: contact_name(&mut r, chinese), phone: mobile(&mut r), ..Default::default() };
            let id = uuid::Uuid::new_v4().to_string();
            parts.extend(customer_change(&id, None, &file, &mut by));
            parts.extend(contact_change(&id, &uuid::Uuid::new_v4().to_string(), None, &contact, &mut by));
            parts.extend(
                fact_entry(
                    &uuid::Uuid::new_v4().to_string(),
                    &id,
                    &FactKind::FirstContact { rep: "rep-bench".into() },
                    &mut by,
                )
                .ok(),
            );
        }
        apply_local(&db, &join(parts), &clock).await.map_err(err)?;
        i = (i + 5_000).min(n);
    }
    let write_ms = precise_now() - t0;

    let t1 = precise_now();
    let docs: Vec<Document> = db.get_all_as(StoreName::Docs).await.map_err(err)?;
    let t2 = precise_now();
    let entries: Vec<Entry> = db.get_all_as(StoreName::Entries).await.map_err(err)?;
    let t3 = precise_now();
    let recs = assemble(docs, entries);
    let t4 = precise_now();
    let (data, _index) = build_list(recs, Vec::new(), now_ms, &PoolSettings::default(), &TierSettings::default());
    let t5 = precise_now();
    // The same documents read as one whole-store getAll (what lists did before reading
    // by kind), for comparison in the same run.
    let all: Vec<Document> = db.get_all_as(StoreName::Docs).await.map_err(err)?;
    let t6 = precise_now();
    let all_len = all.len();
    drop(all);
    // The list's snapshot (issue 17): the full read (with the roster) that writes it, then
    // a cold start's read of it, and the list built from it.
    let t7 = precise_now();
    let (full, first) = load_customers_cached(&db, "bench").await.map_err(err)?;
    let t8 = precise_now();
    let (snap, second) = load_customers_cached(&db, "bench").await.map_err(err)?;
    let t9 = precise_now();
    let same = first == Read::Records && second == Read::Snapshot && full == snap;
    drop(full);
    let (snap_data, _index) = build_list(snap, Vec::new(), now_ms, &PoolSettings::default(), &TierSettings::default());
    let t10 = precise_now();
    let snapshot_chars = db
        .get(StoreName::Views, CUSTOMER_LIST_KEY)
        .await
        .map_err(err)?
        .and_then(|v| v.get("j").and_then(|j| j.as_str()).map(str::len))
        .unwrap_or(0);
    db.close();
    let _ = IdbStore::delete_database(name).await;

    let out = js_sys::Object::new();
    set(&out, "write_ms", write_ms)?;
    set(&out, "read_docs_ms", t2 - t1)?;
    set(&out, "read_entries_ms", t3 - t2)?;
    set(&out, "assemble_ms", t4 - t3)?;
    set(&out, "derive_sort_index_ms", t5 - t4)?;
    set(&out, "total_ms", t5 - t1)?;
    set(&out, "customers", data.customers.len() as f64)?;
    set(&out, "whole_store_ms", t6 - t5)?;
    set(&out, "docs", all_len as f64)?;
    set(&out, "cached_full_ms", t8 - t7)?;
    set(&out, "snapshot_read_ms", t9 - t8)?;
    set(&out, "snapshot_build_ms", t10 - t9)?;
    set(&out, "snapshot_same", f64::from(u8::from(same && snap_data.customers.len() == data.customers.len())))?;
    set(&out, "snapshot_bytes", snapshot_chars as f64)?;
    Ok(out.into())
}
