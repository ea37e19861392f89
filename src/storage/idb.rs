//! [`RecordStore`] over IndexedDB (indexed_db_futures 0.6).
//!
//! Each write is one readwrite transaction committed explicitly: the crate rolls a
//! transaction back unless `commit()` is awaited, so an error half-way leaves nothing
//! behind. Records of [compact](StoreName::compact) stores are stored as one JSON string
//! plus their indexed fields; the others as plain objects.

use std::collections::HashMap;

use indexed_db_futures::database::Database;
// `as_sys` reaches the IDBDatabase to listen for `versionchange` without the crate's
// `version-change` feature, which pulls in a tokio-based event listener.
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::{KeyPath, KeyRange};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::change_log::{logged, CHANGE_LOG_KEY};
use super::list_model::{bumped, changes_data, version_of, DATA_VERSION_KEY};
use super::schema::{self, StoreName};
use super::{refuses, resolve, RecordStore, StorageError, Write, Written};
use crate::record::replica::{Document, Entry};

/// An open Outpost database. Cheap to clone: clones share the connection.
#[derive(Clone, Debug)]
pub struct IdbStore {
    db: Database,
    /// The database has the read models' store (schema 6 on): every write that changes
    /// records bumps the data version there. Only tests open an older schema.
    views: bool,
}

fn tx_err(e: impl std::fmt::Display) -> StorageError {
    StorageError::Transaction(e.to_string())
}

fn decode_err(e: impl std::fmt::Display) -> StorageError {
    StorageError::Decode(e.to_string())
}

/// The JS value stored for `v` in `store`.
fn encode(store: StoreName, v: &Value) -> Result<JsValue, StorageError> {
    if !store.compact() {
        // Maps as plain objects, so key paths reach into them.
        return v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(decode_err);
    }
    let obj = js_sys::Object::new();
    let text = serde_json::to_string(v).map_err(decode_err)?;
    js_sys::Reflect::set(&obj, &JsValue::from_str("j"), &JsValue::from_str(&text)).map_err(|_| decode_err("set"))?;
    for path in store.index_paths() {
        if let Some(field) = v.get(path) {
            let js = field.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(decode_err)?;
            js_sys::Reflect::set(&obj, &JsValue::from_str(path), &js).map_err(|_| decode_err("set"))?;
        }
    }
    Ok(obj.into())
}

/// A stored JS value back as `T`.
fn decode<T: DeserializeOwned>(store: StoreName, js: &JsValue) -> Result<T, StorageError> {
    if store.compact() {
        // Builds before the compact format stored plain objects in these stores: a
        // record without its "j" text is read the old way, so nothing already on a
        // tablet becomes unreadable.
        if let Some(text) = js_sys::Reflect::get(js, &JsValue::from_str("j")).ok().and_then(|t| t.as_string()) {
            return serde_json::from_str(&text).map_err(decode_err);
        }
        serde_wasm_bindgen::from_value(js.clone()).map_err(decode_err)
    } else {
        serde_wasm_bindgen::from_value(js.clone()).map_err(decode_err)
    }
}

impl IdbStore {
    /// Opens (creating or upgrading) the app's database at the current schema version.
    pub async fn open() -> Result<Self, StorageError> {
        Self::open_named(schema::DB_NAME, schema::VERSION).await
    }

    /// Opens `name` at `version`, running every missing [`schema::Step`]. Tests use
    /// this to build a database as an older release left it.
    pub async fn open_named(name: &str, version: u32) -> Result<Self, StorageError> {
        Self::open_watching(name, version, || {}).await
    }

    /// [`IdbStore::open_named`], calling `on_blocked` if the upgrade has to wait for
    /// connections other tabs hold open (an older build that does not close on
    /// `versionchange`). The open keeps waiting and finishes once they close, so the
    /// caller can ask the user to close them rather than hang in silence.
    pub async fn open_watching(
        name: &str,
        version: u32,
        on_blocked: impl FnOnce() + 'static,
    ) -> Result<Self, StorageError> {
        let db = Database::open(name)
            .with_version(version)
            .with_on_blocked(move |_| {
                on_blocked();
                Ok(())
            })
            .with_on_upgrade_needed(move |event, db| {
                let old = event.old_version() as u32;
                let new = event.new_version().map_or(version, |v| v as u32);
                for step in schema::steps_between(old, new) {
                    for def in step.creates {
                        let store = db.create_object_store(def.store.as_str()).build()?;
                        for ix in def.indexes {
                            store.create_index(ix.name, KeyPath::from(ix.key_path)).build()?;
                        }
                    }
                }
                Ok(())
            })
            .await
            .map_err(|e| StorageError::Open(e.to_string()))?;
        let views = db.object_store_names().any(|n| n == StoreName::Views.as_str());
        Ok(Self { db, views })
    }

    /// Closes this connection as soon as another tab opens the database at a newer
    /// version (`versionchange`), then calls `then`. An open connection would otherwise
    /// keep the newer tab's upgrade waiting; once closed, every later call here fails
    /// with [`StorageError::Transaction`], so the caller should ask for a reload.
    pub fn close_on_version_change(&self, then: impl FnOnce() + 'static) {
        let db = self.db.clone();
        let handler = Closure::once_into_js(move |_e: JsValue| {
            db.close();
            then();
        });
        let target: &web_sys::EventTarget = self.db.as_sys().unchecked_ref();
        let _ = target.add_event_listener_with_callback("versionchange", handler.unchecked_ref());
    }

    /// The connection, for stores kept outside [`RecordStore`] (the device secret's
    /// `CryptoKey`, which is no JSON).
    pub(crate) fn database(&self) -> &Database {
        &self.db
    }

    /// The schema version of the open database.
    pub fn version(&self) -> u32 {
        self.db.version() as u32
    }

    /// The object stores the open database holds, sorted.
    pub fn store_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.db.object_store_names().collect();
        v.sort();
        v
    }

    /// Closes the connection so the database can be upgraded or deleted.
    pub fn close(self) {
        self.db.close();
    }

    /// Deletes a whole database (tests, and "clear this device").
    pub async fn delete_database(name: &str) -> Result<(), StorageError> {
        Database::delete_by_name(name)
            .map_err(|e| StorageError::Open(e.to_string()))?
            .await
            .map_err(|e| StorageError::Open(e.to_string()))
    }

    /// Records of `store` whose index `index` equals `value`, using `getAll` on the index.
    pub async fn get_all_by_index(
        &self,
        store: StoreName,
        index: &str,
        value: &Value,
    ) -> Result<Vec<Value>, StorageError> {
        let tx = self.db.transaction(store.as_str()).build().map_err(tx_err)?;
        let os = tx.object_store(store.as_str()).map_err(tx_err)?;
        let ix = os.index(index).map_err(tx_err)?;
        let key = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(decode_err)?;
        let rows = ix
            .get_all::<JsValue>()
            .with_query::<JsValue, _>(KeyRange::Only(key))
            .primitive()
            .map_err(tx_err)?
            .await
            .map_err(tx_err)?;
        rows.map(|r| decode(store, &r.map_err(tx_err)?)).collect()
    }

    /// The records of `store` whose kind falls in `range`, from its `by_kind` index.
    async fn by_kind<T: DeserializeOwned>(
        &self,
        store: StoreName,
        range: KeyRange<JsValue>,
    ) -> Result<Vec<T>, StorageError> {
        self.by_index(store, "by_kind", range).await
    }

    /// The records of `store` whose `index` value falls in `range`.
    async fn by_index<T: DeserializeOwned>(
        &self,
        store: StoreName,
        index: &str,
        range: KeyRange<JsValue>,
    ) -> Result<Vec<T>, StorageError> {
        let tx = self.db.transaction(store.as_str()).build().map_err(tx_err)?;
        let os = tx.object_store(store.as_str()).map_err(tx_err)?;
        let ix = os.index(index).map_err(tx_err)?;
        let rows = ix
            .get_all::<JsValue>()
            .with_query::<JsValue, _>(range)
            .primitive()
            .map_err(tx_err)?
            .await
            .map_err(tx_err)?;
        rows.map(|r| decode(store, &r.map_err(tx_err)?)).collect()
    }
}

/// Batches larger than this read the records they merge with in two range requests
/// instead of one request each.
const PREFETCH_AT: usize = 16;

async fn read_one(tx: &Transaction<'_>, store: StoreName, key: &str) -> Result<Option<Value>, StorageError> {
    let os = tx.object_store(store.as_str()).map_err(tx_err)?;
    let js: Option<JsValue> =
        os.get::<JsValue, String, _>(key.to_owned()).primitive().map_err(tx_err)?.await.map_err(tx_err)?;
    match js {
        Some(v) if !v.is_undefined() && !v.is_null() => decode(store, &v).map(Some),
        _ => Ok(None),
    }
}

/// For each store with many read-modify-write changes in `writes`, the records in the
/// key range they touch, read with one `getAllKeys` and one `getAll`. A key absent from
/// the map (within a prefetched store) is absent from the store.
async fn prefetch(
    tx: &Transaction<'_>,
    writes: &[Write],
) -> Result<HashMap<StoreName, HashMap<String, Value>>, StorageError> {
    let mut ranges: HashMap<StoreName, (usize, String, String)> = HashMap::new();
    for w in writes.iter().filter(|w| !matches!(w, Write::Put(..))) {
        let e = ranges.entry(w.store()).or_insert_with(|| (0, w.key().to_owned(), w.key().to_owned()));
        e.0 += 1;
        if w.key() < e.1.as_str() {
            e.1 = w.key().to_owned();
        }
        if w.key() > e.2.as_str() {
            e.2 = w.key().to_owned();
        }
    }
    let mut out = HashMap::new();
    for (store, (n, lo, hi)) in ranges.into_iter().filter(|(_, r)| r.0 > PREFETCH_AT) {
        let os = tx.object_store(store.as_str()).map_err(tx_err)?;
        // Random ids (uuids) spread a batch over nearly the whole key space: reading the
        // range would read the whole store for every batch (an import of 50k rows in
        // batches became quadratic). Count first; a sparse range falls back to one read
        // per key, which stays proportional to the batch.
        let in_range = os
            .count()
            .with_query::<String, _>(KeyRange::Bound(lo.clone(), false, hi.clone(), false))
            .primitive()
            .map_err(tx_err)?
            .await
            .map_err(tx_err)? as usize;
        if in_range > 2 * n + 64 {
            continue;
        }
        let keys: Vec<String> = os
            .get_all_keys::<String>()
            .with_query::<String, _>(KeyRange::Bound(lo.clone(), false, hi.clone(), false))
            .primitive()
            .map_err(tx_err)?
            .await
            .map_err(tx_err)?
            .collect::<Result<_, _>>()
            .map_err(tx_err)?;
        let rows = os
            .get_all::<JsValue>()
            .with_query::<String, _>(KeyRange::Bound(lo, false, hi, false))
            .primitive()
            .map_err(tx_err)?
            .await
            .map_err(tx_err)?;
        let mut map = HashMap::with_capacity(keys.len());
        for (k, r) in keys.into_iter().zip(rows) {
            map.insert(k, decode(store, &r.map_err(tx_err)?)?);
        }
        out.insert(store, map);
    }
    Ok(out)
}

impl RecordStore for IdbStore {
    async fn write_checked(&self, writes: Vec<Write>) -> Result<Written, StorageError> {
        let mut names: Vec<&'static str> = writes.iter().map(|w| w.store().as_str()).collect();
        // A batch that may change records also bumps the data version, in its transaction.
        let bumps = self.views && writes.iter().any(|w| changes_data(w.store(), w.key()));
        if bumps {
            names.push(StoreName::Views.as_str());
        }
        names.sort_unstable();
        names.dedup();
        if names.is_empty() {
            return Ok(Written::default());
        }
        let tx = self.db.transaction(names.as_slice()).with_mode(TransactionMode::Readwrite).build().map_err(tx_err)?;
        let mut known = prefetch(&tx, &writes).await?;
        let (mut changed, mut records) = (0, 0);
        let mut refused = Vec::new();
        let mut data_changed = false;
        let mut logged_keys: Vec<(StoreName, &str)> = Vec::new();
        for w in &writes {
            let current = match (w, known.get_mut(&w.store())) {
                (Write::Put(..), _) => None,
                (_, Some(map)) => map.remove(w.key()),
                _ => read_one(&tx, w.store(), w.key()).await?,
            };
            let outcome = if refuses(w, current.as_ref()) {
                refused.push(w.key().to_owned());
                None
            } else {
                resolve(w, current.as_ref())?
            };
            // Keep the prefetched view current for a later write to the same key.
            if let Some(map) = known.get_mut(&w.store()) {
                match (&outcome, current) {
                    (None, Some(v)) => {
                        map.insert(w.key().to_owned(), v);
                    }
                    (Some(Some(v)), _) => {
                        map.insert(w.key().to_owned(), v.clone());
                    }
                    _ => {}
                }
            }
            let os = tx.object_store(w.store().as_str()).map_err(tx_err)?;
            // Requests go out without being awaited one by one; commit() reports the
            // first failure and the whole batch rolls back.
            match outcome {
                None => {}
                Some(Some(v)) => {
                    os.put(encode(w.store(), &v)?).with_key(w.key().to_owned()).primitive().map_err(tx_err)?;
                    changed += 1;
                    records += usize::from(w.store() != StoreName::Meta);
                    if changes_data(w.store(), w.key()) {
                        data_changed = true;
                        logged_keys.push((w.store(), w.key()));
                    }
                }
                Some(None) => {
                    os.delete(w.key().to_owned()).primitive().map_err(tx_err)?;
                    changed += 1;
                    records += usize::from(w.store() != StoreName::Meta);
                    if changes_data(w.store(), w.key()) {
                        data_changed = true;
                        logged_keys.push((w.store(), w.key()));
                    }
                }
            }
        }
        if bumps && data_changed {
            let next = bumped(read_one(&tx, StoreName::Views, DATA_VERSION_KEY).await?.as_ref());
            // Which records changed, logged in the same transaction (`change_log`).
            let log = read_one(&tx, StoreName::Views, CHANGE_LOG_KEY).await?;
            let log = logged(log.as_ref(), version_of(Some(&next)), &logged_keys);
            let os = tx.object_store(StoreName::Views.as_str()).map_err(tx_err)?;
            os.put(encode(StoreName::Views, &next)?)
                .with_key(DATA_VERSION_KEY.to_owned())
                .primitive()
                .map_err(tx_err)?;
            os.put(encode(StoreName::Views, &log)?).with_key(CHANGE_LOG_KEY.to_owned()).primitive().map_err(tx_err)?;
        }
        tx.commit().await.map_err(tx_err)?;
        Ok(Written { changed, records, refused })
    }

    async fn get(&self, store: StoreName, key: &str) -> Result<Option<Value>, StorageError> {
        let tx = self.db.transaction(store.as_str()).build().map_err(tx_err)?;
        read_one(&tx, store, key).await
    }

    async fn get_all(&self, store: StoreName) -> Result<Vec<Value>, StorageError> {
        self.get_all_as(store).await
    }

    async fn get_all_as<T: DeserializeOwned>(&self, store: StoreName) -> Result<Vec<T>, StorageError> {
        let tx = self.db.transaction(store.as_str()).build().map_err(tx_err)?;
        let os = tx.object_store(store.as_str()).map_err(tx_err)?;
        let rows = os.get_all::<JsValue>().primitive().map_err(tx_err)?.await.map_err(tx_err)?;
        rows.map(|r| decode(store, &r.map_err(tx_err)?)).collect()
    }

    async fn count(&self, store: StoreName) -> Result<usize, StorageError> {
        let tx = self.db.transaction(store.as_str()).build().map_err(tx_err)?;
        let os = tx.object_store(store.as_str()).map_err(tx_err)?;
        let n = os.count().primitive().map_err(tx_err)?.await.map_err(tx_err)?;
        Ok(n as usize)
    }

    async fn keys(&self, store: StoreName) -> Result<Vec<String>, StorageError> {
        let tx = self.db.transaction(store.as_str()).build().map_err(tx_err)?;
        let os = tx.object_store(store.as_str()).map_err(tx_err)?;
        os.get_all_keys::<String>()
            .primitive()
            .map_err(tx_err)?
            .await
            .map_err(tx_err)?
            .collect::<Result<_, _>>()
            .map_err(tx_err)
    }

    async fn docs_of_kind(&self, kind: &str) -> Result<Vec<Document>, StorageError> {
        self.by_kind(StoreName::Docs, KeyRange::Only(JsValue::from_str(kind))).await
    }

    async fn entries_with_kind_prefix(&self, prefix: &str) -> Result<Vec<Entry>, StorageError> {
        // Every string that starts with `prefix` sorts between it and `prefix` + U+FFFF
        // (kinds are ASCII).
        let hi = format!("{prefix}\u{ffff}");
        self.by_kind(
            StoreName::Entries,
            KeyRange::Bound(JsValue::from_str(prefix), false, JsValue::from_str(&hi), false),
        )
        .await
    }

    async fn entries_of_kind(&self, kind: &str) -> Result<Vec<Entry>, StorageError> {
        self.by_kind(StoreName::Entries, KeyRange::Only(JsValue::from_str(kind))).await
    }

    async fn entries_of_subject(&self, subject: &str) -> Result<Vec<Entry>, StorageError> {
        // The index answers in subject, then key order: the entries' id order.
        self.by_index(StoreName::Entries, "by_subject", KeyRange::Only(JsValue::from_str(subject))).await
    }
}
