//! Importing a CSV of customers end to end, as the import page does it: parse, guess the
//! mapping, validate every row ([`RowValidator`]), build each row's customer and contact
//! documents ([`customer_change`], [`contact_change`]) and store them through the data
//! core ([`apply_local`]: documents and outbox in one transaction). Compared with the
//! plain bulk put of the same documents (the path `outpost_bench_run` times).

use wasm_bindgen::prelude::*;

use super::gen::{company, contact_name, mobile, region, source_label, Rng};
use super::precise_now;
use crate::domain::csv_import::{guess_mapping, parse, ExistingKeys, RowStatus, RowValidator};
use crate::record::hlc::Clock;
use crate::storage::customers::{contact_change, customer_change, join, Author};
use crate::storage::data::apply_local;
use crate::storage::idb::IdbStore;
use crate::storage::schema::{StoreName, VERSION};
use crate::storage::{RecordStore, StorageError, Write};

/// A CSV file of `rows` customers, one contact each, every phone distinct (so every row
/// imports), as a rep's spreadsheet would hold them.
fn csv_file(rows: u32) -> Vec<u8> {
    let mut r = Rng::new(0x1111_2024);
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["公司名称", "联系人", "电话", "地区", "来源"]);
    for i in 0..rows {
        let (name, chinese) = company(&mut r);
        let contact = contact_name(&mut r, chinese);
        // A random mobile prefix, then digits unique per row (7919 is coprime to 10^8).
        let phone = format!("{}{:08}", &mobile(&mut r)[..3], (u64::from(i) * 7919 + 12_345) % 100_000_000);
        let _ = w.write_record([name.as_str(), &contact, &phone, region(&mut r), source_label(&mut r)]);
    }
    w.into_inner().unwrap_or_default()
}

fn set(out: &js_sys::Object, k: &str, v: f64) -> Result<(), JsValue> {
    js_sys::Reflect::set(out, &JsValue::from_str(k), &JsValue::from_f64(v)).map(|_| ())
}

/// Imports a generated `rows`-row CSV into a fresh database, then bulk-puts the same
/// documents into another. Returns `{parse_ms, validate_ms, build_ms, write_ms,
/// plain_ms, rows_ok, docs}`; `plain_ms` includes turning the documents into JSON.
#[wasm_bindgen]
pub async fn outpost_bench_import(rows: u32) -> Result<JsValue, JsValue> {
    let err = |e: StorageError| JsValue::from_str(&e.to_string());
    let bytes = csv_file(rows);

    let t0 = precise_now();
    let parsed = parse(&bytes).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let t1 = precise_now();
    let existing = ExistingKeys::default();
    let mapping = guess_mapping(&parsed.headers);
    let report =
        RowValidator::new(&parsed, &mapping, &existing).map_err(|e| JsValue::from_str(&e.to_string()))?.finish();
    let t2 = precise_now();
    let mut clock = Clock::new("bench-a");
    let now_ms = js_sys::Date::now() as i64;
    let mut by = Author { profile: "bench", clock: &mut clock, now_ms };
    let mut parts = Vec::new();
    let mut rows_ok = 0;
    for row in report.rows.iter().filter(|r| r.status == RowStatus::Ok) {
        rows_ok += 1;
        let id = uuid::Uuid::new_v4().to_string();
        parts.extend(customer_change(&id, None, &row.customer, &mut by));
        if let Some(c) = &row.contact {
            parts.extend(contact_change(&id, &uuid::Uuid::new_v4().to_string(), None, c, &mut by));
        }
    }
    let change = join(parts);
    let t3 = precise_now();

    let name = "outpost-bench-import";
    let _ = IdbStore::delete_database(name).await;
    let db = IdbStore::open_named(name, VERSION).await.map_err(err)?;
    let t4 = precise_now();
    apply_local(&db, &change, &clock).await.map_err(err)?;
    let write_ms = precise_now() - t4;
    db.close();
    let _ = IdbStore::delete_database(name).await;

    let name = "outpost-bench-plain";
    let _ = IdbStore::delete_database(name).await;
    let db = IdbStore::open_named(name, VERSION).await.map_err(err)?;
    let t5 = precise_now();
    let puts: Vec<Write> = change
        .docs
        .values()
        .map(|d| Write::Put(StoreName::Docs, d.id.clone(), serde_json::to_value(d).unwrap_or_default()))
        .collect();
    db.write(puts).await.map_err(err)?;
    let plain_ms = precise_now() - t5;
    db.close();
    let _ = IdbStore::delete_database(name).await;

    let out = js_sys::Object::new();
    set(&out, "parse_ms", t1 - t0)?;
    set(&out, "validate_ms", t2 - t1)?;
    set(&out, "build_ms", t3 - t2)?;
    set(&out, "write_ms", write_ms)?;
    set(&out, "plain_ms", plain_ms)?;
    set(&out, "rows_ok", f64::from(rows_ok))?;
    set(&out, "docs", change.docs.len() as f64)?;
    Ok(out.into())
}
