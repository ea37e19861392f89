//! Storage: every record Outpost keeps on the device, behind one interface.
//!
//! [`RecordStore`] is the port; [`idb::IdbStore`] is the browser implementation over
//! IndexedDB and [`memory::MemoryStore`] the in-memory one native tests use. Records
//! travel as JSON values so one interface serves every record type; the typed helpers
//! [`put_typed`] and [`get_all_typed`] do the serde round trip. The database name, the
//! schema version and every upgrade step live in [`schema`] and nowhere else.
//!
//! Each area module (customers, orders, events…) turns documents and entries into domain
//! values through one record codec, [`codec`]: one set of field readers, and a restore
//! step that reports a present but malformed field as a [`codec::FieldProblem`] (kept in
//! the area's read model) instead of silently reading it as blank.

pub mod activities;
pub mod applications;
pub mod attachments;
pub mod blob_sync;
pub mod blobs;
pub mod capacities;
pub mod change_log;
pub mod codec;
pub mod collection;
pub mod competitors;
pub mod customers;
pub mod data;
pub mod day_plans;
pub mod device_secret;
pub mod event_kit;
pub mod events;
pub mod feedback;
pub mod forwarding;
#[cfg(target_arch = "wasm32")]
pub mod idb;
pub mod incentives;
pub mod key_accounts;
pub mod kpi;
pub mod list_model;
pub mod memory;
pub mod orders;
pub mod payout_steps;
pub mod people;
pub mod personal_keys;
pub mod projects;
pub mod quarantine;
pub mod record_health;
pub mod recovery;
pub mod repairs;
pub mod roster;
pub mod sales_plans;
pub mod sales_reports;
pub mod schema;
pub mod service_log;
pub mod settings;
pub mod staff_pin;
pub mod sync_run;
pub mod targets;
pub mod team;
pub mod team_lists;
pub mod team_rules;
pub mod territories;
pub mod trainings;
pub mod warehouse;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use thiserror::Error;

pub use schema::StoreName;

use crate::record::hlc::Clock;
use crate::record::replica::{Document, Entry};
use crate::sync::engine::SyncState;

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
    /// The device secret could not wrap or unwrap a value ([`device_secret`]): sealed on
    /// another device, altered, or Web Crypto refused.
    #[error("a secret kept on this device could not be read: {0}")]
    Secret(String),
}

impl StorageError {
    /// Whether the device's storage is full (IndexedDB's `QuotaExceededError`), the
    /// one failure the user can fix by freeing space.
    pub fn is_quota_exceeded(&self) -> bool {
        match self {
            StorageError::Open(m) | StorageError::Transaction(m) => {
                m.contains("QuotaExceeded") || m.to_ascii_lowercase().contains("quota")
            }
            StorageError::Decode(_) | StorageError::Secret(_) => false,
        }
    }
}

/// One change inside a [`RecordStore::write`] batch.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    Put(StoreName, String, Value),
    Delete(StoreName, String),
    /// Deletes the record only if it still equals this value (clearing what a push sent
    /// while leaving anything edited since).
    DeleteIfEqual(StoreName, String, Value),
    /// Merges a document into the stored one (read and write in the same transaction).
    MergeDoc(StoreName, String, Document),
    /// Adds an entry unless one with its id is stored (entries are immutable).
    MergeEntry(StoreName, String, Entry),
    /// The device clock, kept as the later of the stored one and this one
    /// (`Clock::merged_with_stored`), in the same transaction as the records it stamped.
    MergeClock(StoreName, String, Clock),
    /// The sync state, kept as the join of the stored one and this one
    /// (`SyncState::merged_with_stored`): two tabs' rounds each store what they learnt
    /// and neither forgets a chunk the other published.
    MergeSyncState(StoreName, String, SyncState),
}

impl Write {
    pub fn store(&self) -> StoreName {
        match self {
            Write::Put(s, ..)
            | Write::Delete(s, _)
            | Write::DeleteIfEqual(s, ..)
            | Write::MergeDoc(s, ..)
            | Write::MergeEntry(s, ..)
            | Write::MergeClock(s, ..)
            | Write::MergeSyncState(s, ..) => *s,
        }
    }

    pub fn key(&self) -> &str {
        match self {
            Write::Put(_, k, _)
            | Write::Delete(_, k)
            | Write::DeleteIfEqual(_, k, _)
            | Write::MergeDoc(_, k, _)
            | Write::MergeEntry(_, k, _)
            | Write::MergeClock(_, k, _)
            | Write::MergeSyncState(_, k, _) => k,
        }
    }
}

/// What one [`RecordStore::write_checked`] transaction did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// Records changed.
    pub changed: usize,
    /// Of those, the ones outside the meta store (the clock and sync state are merged
    /// there and change or not with every round): the user's records.
    pub records: usize,
    /// Keys of writes the store refused ([`refuses`]); the rest of the batch was applied.
    pub refused: Vec<String>,
}

/// A write refused whatever order copies arrive in: a document stored under one kind
/// arriving as another (a kind never changes; merging either way would hide the record).
pub(crate) fn refuses(write: &Write, current: Option<&Value>) -> bool {
    match (write, current) {
        (Write::MergeDoc(_, _, doc), Some(cur)) => {
            cur.get("kind").and_then(Value::as_str).is_some_and(|k| k != doc.kind)
        }
        _ => false,
    }
}

pub(crate) fn to_json<T: Serialize>(v: &T) -> Result<Value, StorageError> {
    serde_json::to_value(v).map_err(|e| StorageError::Decode(e.to_string()))
}

/// Applies one read-modify-write to a current value; `None` means "leave it".
pub(crate) fn resolve(write: &Write, current: Option<&Value>) -> Result<Option<Option<Value>>, StorageError> {
    Ok(match write {
        Write::Put(_, _, v) => Some(Some(v.clone())),
        Write::Delete(..) => current.map(|_| None),
        Write::DeleteIfEqual(_, _, v) => (current == Some(v)).then_some(None),
        Write::MergeDoc(_, _, doc) => {
            let merged = match current {
                None => doc.clone(),
                Some(cur) => {
                    let cur: Document =
                        serde_json::from_value(cur.clone()).map_err(|e| StorageError::Decode(e.to_string()))?;
                    cur.merge(doc.clone())
                }
            };
            let v = to_json(&merged)?;
            (current != Some(&v)).then_some(Some(v))
        }
        // The same rule as `Replica::merge` (`Entry::merge`): a second copy of an id
        // with other content replaces the stored one only if it wins, so a device's store
        // ends up where every other device's does.
        // Always written (and so counted as a change, which `apply_remote` relies on).
        Write::MergeClock(_, _, clock) => {
            let kept = match current.map(|c| serde_json::from_value::<Clock>(c.clone())) {
                Some(Ok(stored)) => clock.clone().merged_with_stored(&stored),
                // A stored clock this build cannot read is replaced, not kept.
                Some(Err(_)) | None => clock.clone(),
            };
            Some(Some(to_json(&kept)?))
        }
        // Always written, like the clock (`apply_remote` counts it as a change).
        Write::MergeSyncState(_, _, state) => {
            let kept = match current.map(|c| serde_json::from_value::<SyncState>(c.clone())) {
                Some(Ok(stored)) => state.clone().merged_with_stored(&stored),
                Some(Err(_)) | None => state.clone(),
            };
            Some(Some(to_json(&kept)?))
        }
        Write::MergeEntry(_, _, e) => match current {
            None => Some(Some(to_json(e)?)),
            Some(cur) => {
                let cur: Entry =
                    serde_json::from_value(cur.clone()).map_err(|e| StorageError::Decode(e.to_string()))?;
                let kept = cur.clone().merge(e.clone());
                (kept != cur).then_some(Some(to_json(&kept)?))
            }
        },
    })
}

/// The storage port. Every write is one transaction: all of it lands or none.
#[allow(async_fn_in_trait)] // single-threaded wasm: no Send bound wanted
pub trait RecordStore {
    /// Applies every write in one transaction over the stores they touch, but those the
    /// store refuses ([`refuses`]), which it names.
    async fn write_checked(&self, writes: Vec<Write>) -> Result<Written, StorageError>;
    /// [`RecordStore::write_checked`], answering how many records changed.
    async fn write(&self, writes: Vec<Write>) -> Result<usize, StorageError> {
        Ok(self.write_checked(writes).await?.changed)
    }
    async fn get(&self, store: StoreName, key: &str) -> Result<Option<Value>, StorageError>;
    /// Every record of a store, in key order.
    async fn get_all(&self, store: StoreName) -> Result<Vec<Value>, StorageError>;
    async fn count(&self, store: StoreName) -> Result<usize, StorageError>;
    /// Every key of a store, in key order, without reading a value (which blobs a
    /// device holds, without loading a photo).
    async fn keys(&self, store: StoreName) -> Result<Vec<String>, StorageError>;

    /// Every document of one kind, tombstoned ones included. IndexedDB answers from its
    /// `by_kind` index; this default reads the whole store.
    async fn docs_of_kind(&self, kind: &str) -> Result<Vec<Document>, StorageError> {
        let mut docs: Vec<Document> = self.get_all_as(StoreName::Docs).await?;
        docs.retain(|d| d.kind == kind);
        Ok(docs)
    }

    /// Every entry of one kind. IndexedDB answers from the entries' `by_kind` index; this
    /// default reads the whole store.
    async fn entries_of_kind(&self, kind: &str) -> Result<Vec<Entry>, StorageError> {
        let mut entries: Vec<Entry> = self.get_all_as(StoreName::Entries).await?;
        entries.retain(|e| e.kind == kind);
        Ok(entries)
    }

    /// Writes every `(key, value)` in one transaction, replacing existing keys.
    /// Every entry whose kind starts with `prefix` (`"pool."`, or a whole kind such as
    /// `"payment.confirmed"`). IndexedDB answers from the entries' `by_kind` index with
    /// one key range; this default reads the whole store.
    async fn entries_with_kind_prefix(&self, prefix: &str) -> Result<Vec<Entry>, StorageError> {
        let mut entries: Vec<Entry> = self.get_all_as(StoreName::Entries).await?;
        entries.retain(|e| e.kind.starts_with(prefix));
        Ok(entries)
    }

    /// Every entry of the given kinds, in key order (as one whole-store read gives them):
    /// a page reads the ledgers it folds, not every claim, check-in and chip move.
    /// Every entry about `subject`, in id order. IndexedDB answers from the entries'
    /// `by_subject` index; this default reads the whole store.
    async fn entries_of_subject(&self, subject: &str) -> Result<Vec<Entry>, StorageError> {
        let mut entries: Vec<Entry> = self.get_all_as(StoreName::Entries).await?;
        entries.retain(|e| e.subject == subject);
        entries.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        Ok(entries)
    }

    async fn entries_of_kinds(&self, kinds: &[&str]) -> Result<Vec<Entry>, StorageError> {
        let mut out = Vec::new();
        for k in kinds {
            out.extend(self.entries_of_kind(k).await?);
        }
        out.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    async fn put_all(&self, store: StoreName, records: Vec<(String, Value)>) -> Result<(), StorageError> {
        self.write(records.into_iter().map(|(k, v)| Write::Put(store, k, v)).collect()).await.map(|_| ())
    }

    async fn delete(&self, store: StoreName, key: &str) -> Result<(), StorageError> {
        self.write(vec![Write::Delete(store, key.to_owned())]).await.map(|_| ())
    }

    /// Every record of a store decoded as `T`; one bad record fails the read. Stores may
    /// override this with a faster path than `get_all` + per-record decoding.
    async fn get_all_as<T: DeserializeOwned>(&self, store: StoreName) -> Result<Vec<T>, StorageError> {
        self.get_all(store)
            .await?
            .into_iter()
            .map(|v| serde_json::from_value(v).map_err(|e| StorageError::Decode(e.to_string())))
            .collect()
    }
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
    store.get_all_as(name).await
}
