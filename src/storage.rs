//! Storage: every record Outpost keeps on the device, behind one interface.
//!
//! [`RecordStore`] is the port; [`idb::IdbStore`] is the browser implementation over
//! IndexedDB and [`memory::MemoryStore`] the in-memory one native tests use. Records
//! travel as JSON values so one interface serves every record type; the typed helpers
//! [`put_typed`] and [`get_all_typed`] do the serde round trip. The database name, the
//! schema version and every upgrade step live in [`schema`] and nowhere else.

pub mod memory;
pub mod schema;
pub mod settings;
#[cfg(target_arch = "wasm32")]
pub mod idb;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use thiserror::Error;

pub use schema::StoreName;

/// Why a storage call failed. The UI turns the variant into a sentence; the text here
/// is for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    /// IndexedDB is missing or refused to open (private mode, disk full, blocked upgrade).
    #[error("the local database could not be opened: {0}")]
    Open(String),
    /// A read or write inside a transaction failed; the transaction was rolled back.
    #[error("a local database transaction failed: {0}")]
    Transaction(String),
    /// A stored record no longer matches its Rust type.
    #[error("a stored record could not be read: {0}")]
    Decode(String),
}

/// The storage port. Every write method is one transaction: all of it lands or none.
#[allow(async_fn_in_trait)] // single-threaded wasm: no Send bound wanted
pub trait RecordStore {
    /// Writes every `(key, value)` in one transaction, replacing existing keys.
    async fn put_all(&self, store: StoreName, records: Vec<(String, Value)>) -> Result<(), StorageError>;
    async fn get(&self, store: StoreName, key: &str) -> Result<Option<Value>, StorageError>;
    /// Every record of a store, in key order.
    async fn get_all(&self, store: StoreName) -> Result<Vec<Value>, StorageError>;
    async fn delete(&self, store: StoreName, key: &str) -> Result<(), StorageError>;
}

/// Serialises `value` and writes it under `key`.
pub async fn put_typed<S: RecordStore, T: Serialize>(
    store: &S,
    name: StoreName,
    key: &str,
    value: &T,
) -> Result<(), StorageError> {
    let json = serde_json::to_value(value).map_err(|e| StorageError::Decode(e.to_string()))?;
    store.put_all(name, vec![(key.to_owned(), json)]).await
}

/// Reads one record as `T`; `Ok(None)` when the key is absent.
pub async fn get_typed<S: RecordStore, T: DeserializeOwned>(
    store: &S,
    name: StoreName,
    key: &str,
) -> Result<Option<T>, StorageError> {
    match store.get(name, key).await? {
        None => Ok(None),
        Some(v) => serde_json::from_value(v).map(Some).map_err(|e| StorageError::Decode(e.to_string())),
    }
}

/// Reads a whole store as `T`s; one bad record fails the read rather than vanishing.
pub async fn get_all_typed<S: RecordStore, T: DeserializeOwned>(
    store: &S,
    name: StoreName,
) -> Result<Vec<T>, StorageError> {
    store
        .get_all(name)
        .await?
        .into_iter()
        .map(|v| serde_json::from_value(v).map_err(|e| StorageError::Decode(e.to_string())))
        .collect()
}
