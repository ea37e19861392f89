//! The customer list's persisted read model (issue 17): a snapshot of the judged,
//! assembled customer records, so a cold start at 50k customers reads one stored value
//! instead of decoding every customer, contact and fact.
//!
//! Trust comes from the **data version**, a counter in the `views` store that every
//! write transaction changing a document, an entry, a profile or the roster's root bumps
//! *in the same transaction* ([`RecordStore::write_checked`], both stores). The snapshot
//! carries the version read before the records it holds were read; it is used only while
//! the stored version is still that one, so no record can have changed since: what it
//! holds is what [`load_customers`] would read now, byte for byte. Any write (a local
//! edit, a pull, an import, a roster grant) leaves it stale and the next read is a full
//! one, which writes a fresh snapshot.
//!
//! The snapshot holds *inputs* only. Owner, tier and countdowns depend on the clock and
//! stay derived on every read (`domain::customer_list::derive`); the people, team lists
//! and rules are small and read afresh. A snapshot written by another build (a different
//! `build` id: the app was updated, and how records are judged or decoded may have
//! changed) or in another format is not used.
//!
//! ```
//! use outpost::storage::list_model::{data_version, load_customers_cached, Read};
//! use outpost::storage::memory::MemoryStore;
//! use outpost::storage::{RecordStore, StoreName, Write};
//! use pollster::block_on;
//!
//! let s = MemoryStore::new();
//! assert_eq!(block_on(data_version(&s)).unwrap(), 0);
//! let (_, read) = block_on(load_customers_cached(&s, "build-1")).unwrap();
//! assert_eq!(read, Read::Records, "nothing stored yet: a full read, which leaves a snapshot");
//! let (_, read) = block_on(load_customers_cached(&s, "build-1")).unwrap();
//! assert_eq!(read, Read::Snapshot);
//! let doc = serde_json::json!({"id": "c1", "kind": "customer", "fields": {}});
//! block_on(s.write(vec![Write::Put(StoreName::Docs, "c1".into(), doc)])).unwrap();
//! assert_eq!(block_on(data_version(&s)).unwrap(), 1, "bumped by the write itself");
//! let (_, read) = block_on(load_customers_cached(&s, "build-1")).unwrap();
//! assert_eq!(read, Read::Records, "a record changed since the snapshot");
//! ```

use serde_json::Value;

use super::customers::load_customers;
use super::{RecordStore, StorageError, StoreName, Write};
use crate::domain::customer_list::CustomerRecord;

/// The key of the data version in the `views` store.
pub const DATA_VERSION_KEY: &str = "data_version";
/// The key of the customer list's snapshot in the `views` store.
pub const CUSTOMER_LIST_KEY: &str = "customer_list";
/// Raised when what a snapshot holds changes shape.
const FORMAT: u32 = 1;

/// Whether a changed record of `store` under `key` can change what a read model is built
/// from: documents and entries, and what the roster judges them by (the team's root key
/// in `meta`, the profiles on this device whose own work counts before its grant).
pub(crate) fn changes_data(store: StoreName, key: &str) -> bool {
    match store {
        StoreName::Docs | StoreName::Entries | StoreName::Profiles => true,
        StoreName::Meta => key == super::roster::ROSTER_ROOT_KEY,
        _ => false,
    }
}

/// The stored data version as a number (0 for a database no write has bumped yet).
fn version_of(v: Option<&Value>) -> u64 {
    v.and_then(|v| v.get("n")).and_then(Value::as_u64).unwrap_or(0)
}

/// The data version after one more write transaction.
pub(crate) fn bumped(current: Option<&Value>) -> Value {
    serde_json::json!({ "n": version_of(current) + 1 })
}

/// The data version now.
pub async fn data_version<S: RecordStore>(s: &S) -> Result<u64, StorageError> {
    Ok(version_of(s.get(StoreName::Views, DATA_VERSION_KEY).await?.as_ref()))
}

/// Where [`load_customers_cached`] found the records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    /// The snapshot, still current.
    Snapshot,
    /// Every record (no snapshot, a stale one, or one of another build).
    Records,
}

impl Read {
    pub fn as_str(self) -> &'static str {
        match self {
            Read::Snapshot => "snapshot",
            Read::Records => "records",
        }
    }
}

/// The snapshot as stored: its version, build and format beside the records as one JSON
/// text (one string for IndexedDB to clone, not a tree of 50k objects).
fn encode(version: u64, build: &str, customers: &[CustomerRecord]) -> Result<Value, StorageError> {
    let text = serde_json::to_string(customers).map_err(|e| StorageError::Decode(e.to_string()))?;
    Ok(serde_json::json!({ "format": FORMAT, "version": version, "build": build, "j": text }))
}

/// The records of a stored snapshot taken at `version` by `build`; `None` for any other,
/// refused on its header without parsing the records.
fn decode(stored: Value, version: u64, build: &str) -> Option<Vec<CustomerRecord>> {
    let current = stored.get("format").and_then(Value::as_u64) == Some(u64::from(FORMAT))
        && stored.get("version").and_then(Value::as_u64) == Some(version)
        && stored.get("build").and_then(Value::as_str) == Some(build);
    if !current {
        return None;
    }
    let Value::Object(mut m) = stored else { return None };
    let Some(Value::String(text)) = m.remove("j") else { return None };
    // A snapshot that does not parse (cut short, or types changed within one format) is
    // a miss, never an error: the records are read instead.
    serde_json::from_str(&text).ok()
}

/// The customers as [`load_customers`] reads them, in list order (name, then id): from the snapshot when no record
/// changed since it was taken by this `build`, otherwise read in full, after which the
/// snapshot is written again (tagged with the version read *before* the records, so a
/// write landing during the read leaves it stale rather than wrong).
pub async fn load_customers_cached<S: RecordStore>(
    s: &S,
    build: &str,
) -> Result<(Vec<CustomerRecord>, Read), StorageError> {
    let version = data_version(s).await?;
    if let Some(stored) = s.get(StoreName::Views, CUSTOMER_LIST_KEY).await? {
        if let Some(recs) = decode(stored, version, build) {
            return Ok((recs, Read::Snapshot));
        }
    }
    let mut recs = load_customers(s).await?;
    // In list order (name, then id), so a cold start can draw the first rows from the
    // head of the snapshot before deriving the rest.
    recs.sort_by(|a, b| a.file.name.cmp(&b.file.name).then_with(|| a.id.cmp(&b.id)));
    // Not worth a second write of tens of MB when a write already made it stale; and a
    // full disk only costs the next cold start its speed.
    if data_version(s).await? == version {
        let _ =
            s.write(vec![Write::Put(StoreName::Views, CUSTOMER_LIST_KEY.into(), encode(version, build, &recs)?)]).await;
    }
    Ok((recs, Read::Records))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_is_used_only_at_its_own_version_build_and_format() {
        let recs = vec![CustomerRecord {
            id: "c1".into(),
            file: Default::default(),
            contacts: vec![],
            facts: vec![],
            created_ms: 1,
            created_by: "rep".into(),
            updated_ms: 2,
        }];
        let stored = encode(7, "b1", &recs).unwrap();
        assert_eq!(decode(stored.clone(), 7, "b1"), Some(recs));
        assert_eq!(decode(stored.clone(), 8, "b1"), None, "a write since");
        assert_eq!(decode(stored.clone(), 7, "b2"), None, "another build");
        let mut other = stored.clone();
        other["format"] = Value::from(FORMAT + 1);
        assert_eq!(decode(other, 7, "b1"), None, "another format");
        let mut cut = stored;
        cut["j"] = Value::from("[{\"id\":");
        assert_eq!(decode(cut, 7, "b1"), None, "cut short");
    }

    #[test]
    fn only_records_a_list_is_built_from_change_the_data() {
        assert!(changes_data(StoreName::Docs, "c1"));
        assert!(changes_data(StoreName::Entries, "e1"));
        assert!(changes_data(StoreName::Profiles, "p1"));
        assert!(changes_data(StoreName::Meta, super::super::roster::ROSTER_ROOT_KEY));
        assert!(!changes_data(StoreName::Meta, "clock"));
        assert!(!changes_data(StoreName::Meta, "sync_state"));
        assert!(!changes_data(StoreName::Outbox, "d:c1"));
        assert!(!changes_data(StoreName::Views, CUSTOMER_LIST_KEY));
        assert!(!changes_data(StoreName::Blobs, "abc"));
    }

    #[test]
    fn each_bump_moves_the_version_on_by_one() {
        assert_eq!(version_of(None), 0);
        let one = bumped(None);
        assert_eq!(version_of(Some(&one)), 1);
        assert_eq!(version_of(Some(&bumped(Some(&one)))), 2);
    }
}
