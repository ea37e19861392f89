//! The data core on the device: documents, entries and the outbox, each change landing
//! in one transaction.
//!
//! - [`apply_local`] records this device's change in the documents/entries *and* the
//!   outbox together, so an edit is never stored without being queued for sync.
//! - [`apply_remote`] merges what a pull brought and the new sync state together, so a
//!   chunk is never marked merged without its records.
//! - [`mark_pushed`] clears from the outbox exactly what a push published, keeping
//!   anything edited meanwhile.

use serde_json::Value;

use super::{get_typed, RecordStore, StorageError, StoreName, Write};
use crate::record::hlc::Clock;
use crate::record::replica::{Document, Entry, Replica};
use crate::sync::engine::SyncState;

const SYNC_STATE_KEY: &str = "sync_state";
const CLOCK_KEY: &str = "clock";

fn outbox_doc_key(id: &str) -> String {
    format!("d:{id}")
}

fn outbox_entry_key(id: &str) -> String {
    format!("e:{id}")
}

fn merges(
    r: &Replica,
    docs: StoreName,
    entries: StoreName,
    doc_key: fn(&str) -> String,
    entry_key: fn(&str) -> String,
) -> Vec<Write> {
    r.docs
        .values()
        .map(|d| Write::MergeDoc(docs, doc_key(&d.id), d.clone()))
        .chain(r.entries.values().map(|e| Write::MergeEntry(entries, entry_key(&e.id), e.clone())))
        .collect()
}

fn same(id: &str) -> String {
    id.to_owned()
}

/// The clock goes back as the later of itself and the stored one: a sync round holds a
/// clock read when it started, and an edit stored meanwhile may have ticked further.
fn put_clock(clock: &Clock) -> Result<Write, StorageError> {
    Ok(Write::MergeClock(StoreName::Meta, CLOCK_KEY.into(), clock.clone()))
}

/// The sync state goes back joined with the stored one: a round holds the state read
/// when it started, and another tab's round may have stored what it published meanwhile
/// ([`SyncState::merged_with_stored`]).
fn put_sync_state(state: &SyncState) -> Write {
    Write::MergeSyncState(StoreName::Meta, SYNC_STATE_KEY.into(), state.clone())
}

/// Writes queueing every record of `r` for the next push (merged into what is queued).
pub(crate) fn queue_writes(r: &Replica) -> Vec<Write> {
    merges(r, StoreName::Outbox, StoreName::Outbox, outbox_doc_key, outbox_entry_key)
}

/// Forgets what this device knew about its host (joining another team): the next pull
/// reads every head afresh and the next push starts a new head.
pub(crate) fn forget_sync_state() -> Write {
    Write::Delete(StoreName::Meta, SYNC_STATE_KEY.into())
}

/// Stores a change made on this device, queues it for the next push and keeps the
/// clock that stamped it, in one transaction.
pub async fn apply_local<S: RecordStore>(s: &S, change: &Replica, clock: &Clock) -> Result<usize, StorageError> {
    let mut w = merges(change, StoreName::Docs, StoreName::Entries, same, same);
    w.extend(queue_writes(change));
    w.push(put_clock(clock)?);
    s.write(w).await
}

/// What [`apply_remote`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Documents and entries that changed.
    pub changed: usize,
    /// Ids of incoming documents refused because this device holds the id as another kind.
    pub refused_docs: Vec<String>,
}

/// Merges what a pull brought, with the sync state that says so, in one transaction.
pub async fn apply_remote<S: RecordStore>(
    s: &S,
    incoming: &Replica,
    state: &SyncState,
    clock: &Clock,
) -> Result<Applied, StorageError> {
    let mut w = merges(incoming, StoreName::Docs, StoreName::Entries, same, same);
    w.push(put_sync_state(state));
    w.push(put_clock(clock)?);
    let written = s.write_checked(w).await?;
    // The clock and sync state may or may not change: report only records.
    Ok(Applied { changed: written.records, refused_docs: written.refused })
}

/// Merges records carried in by hand (an exported file) without queueing them: their
/// authors publish them. Returns how many documents and entries changed.
pub async fn apply_import<S: RecordStore>(s: &S, incoming: &Replica, clock: &Clock) -> Result<usize, StorageError> {
    let mut w = merges(incoming, StoreName::Docs, StoreName::Entries, same, same);
    w.push(put_clock(clock)?);
    Ok(s.write(w).await?.saturating_sub(1))
}

/// This device's clock as last stored, or a new one.
pub async fn clock<S: RecordStore>(s: &S, device: &str) -> Result<Clock, StorageError> {
    Ok(get_typed(s, StoreName::Meta, CLOCK_KEY).await?.unwrap_or_else(|| Clock::new(device)))
}

/// What this device has not published yet.
pub async fn outbox<S: RecordStore>(s: &S) -> Result<Replica, StorageError> {
    let mut r = Replica::default();
    for v in s.get_all(StoreName::Outbox).await? {
        if v.get("fields").is_some() {
            let d: Document = decode(v)?;
            r.docs.insert(d.id.clone(), d);
        } else {
            let e: Entry = decode(v)?;
            r.entries.insert(e.id.clone(), e);
        }
    }
    Ok(r)
}

/// After a successful push: forget what was published (unless edited since) and keep
/// the new state.
pub async fn mark_pushed<S: RecordStore>(
    s: &S,
    pushed: &Replica,
    state: &SyncState,
    clock: &Clock,
) -> Result<(), StorageError> {
    let mut w = Vec::new();
    for d in pushed.docs.values() {
        w.push(Write::DeleteIfEqual(StoreName::Outbox, outbox_doc_key(&d.id), super::to_json(d)?));
    }
    for e in pushed.entries.values() {
        w.push(Write::DeleteIfEqual(StoreName::Outbox, outbox_entry_key(&e.id), super::to_json(e)?));
    }
    w.push(put_sync_state(state));
    w.push(put_clock(clock)?);
    s.write(w).await.map(|_| ())
}

pub async fn sync_state<S: RecordStore>(s: &S) -> Result<SyncState, StorageError> {
    Ok(get_typed(s, StoreName::Meta, SYNC_STATE_KEY).await?.unwrap_or_default())
}

/// Changes waiting to be published (documents and entries).
pub async fn unsynced_count<S: RecordStore>(s: &S) -> Result<usize, StorageError> {
    s.count(StoreName::Outbox).await
}

/// Every live document of a kind (tombstoned ones left out).
pub async fn documents<S: RecordStore>(s: &S, kind: &str) -> Result<Vec<Document>, StorageError> {
    let judge = super::roster::Judge::load(s).await?;
    let mut docs: Vec<Document> = judge.docs(s.docs_of_kind(kind).await?);
    docs.retain(|d| !d.is_deleted());
    Ok(docs)
}

/// Everything stored, as one replica (tests, export, compaction).
pub async fn replica<S: RecordStore>(s: &S) -> Result<Replica, StorageError> {
    let docs: Vec<Document> = s.get_all_as(StoreName::Docs).await?;
    let entries: Vec<Entry> = s.get_all_as(StoreName::Entries).await?;
    Ok(Replica {
        docs: docs.into_iter().map(|d| (d.id.clone(), d)).collect(),
        entries: entries.into_iter().map(|e| (e.id.clone(), e)).collect(),
    })
}

fn decode<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, StorageError> {
    serde_json::from_value(v).map_err(|e| StorageError::Decode(e.to_string()))
}
