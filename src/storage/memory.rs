//! An in-memory [`RecordStore`] with the same behaviour as IndexedDB's, for native
//! tests of everything above storage.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::change_log::{logged, CHANGE_LOG_KEY};
use super::list_model::{bumped, changes_data, version_of, DATA_VERSION_KEY};
use super::{refuses, resolve, RecordStore, StorageError, StoreName, Write, Written};

#[derive(Debug, Default)]
pub struct MemoryStore {
    stores: RefCell<HashMap<StoreName, BTreeMap<String, Value>>>,
    /// Writes still allowed before every write fails as a full disk would.
    writes_left: Cell<Option<usize>>,
}

/// The error a write gets once [`MemoryStore::fail_writes_after`] has run out, worded as
/// a browser words a full disk.
pub const QUOTA_ERROR: &str = "QuotaExceededError: the quota has been exceeded";

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// After `n` more successful writes, every write fails and changes nothing, as
    /// IndexedDB does when the device's storage is full.
    pub fn fail_writes_after(&self, n: usize) {
        self.writes_left.set(Some(n));
    }
}

impl RecordStore for MemoryStore {
    async fn write_checked(&self, writes: Vec<Write>) -> Result<Written, StorageError> {
        match self.writes_left.get() {
            Some(0) => return Err(StorageError::Transaction(QUOTA_ERROR.into())),
            Some(n) => self.writes_left.set(Some(n - 1)),
            None => {}
        }
        // Resolve everything against a copy first so a failing write changes nothing.
        let mut stores = self.stores.borrow().clone();
        let (mut changed, mut records) = (0, 0);
        let mut refused = Vec::new();
        let mut data_changed = false;
        let mut logged_keys: Vec<(StoreName, String)> = Vec::new();
        for w in &writes {
            let key = w.key().to_owned();
            let data = changes_data(w.store(), &key);
            let map = stores.entry(w.store()).or_default();
            if refuses(w, map.get(&key)) {
                refused.push(key);
                continue;
            }
            match resolve(w, map.get(&key))? {
                None => {}
                Some(Some(v)) => {
                    map.insert(key.clone(), v);
                    changed += 1;
                    records += usize::from(w.store() != StoreName::Meta);
                    data_changed |= data;
                    if data {
                        logged_keys.push((w.store(), key));
                    }
                }
                Some(None) => {
                    map.remove(&key);
                    changed += 1;
                    records += usize::from(w.store() != StoreName::Meta);
                    data_changed |= data;
                    if data {
                        logged_keys.push((w.store(), key));
                    }
                }
            }
        }
        // The data version moves with the records, in the same all-or-nothing write.
        if data_changed {
            let views = stores.entry(StoreName::Views).or_default();
            let next = bumped(views.get(DATA_VERSION_KEY));
            let keys: Vec<(StoreName, &str)> = logged_keys.iter().map(|(s, k)| (*s, k.as_str())).collect();
            let log = logged(views.get(CHANGE_LOG_KEY), version_of(Some(&next)), &keys);
            views.insert(DATA_VERSION_KEY.into(), next);
            views.insert(CHANGE_LOG_KEY.into(), log);
        }
        *self.stores.borrow_mut() = stores;
        Ok(Written { changed, records, refused })
    }

    async fn get(&self, store: StoreName, key: &str) -> Result<Option<Value>, StorageError> {
        Ok(self.stores.borrow().get(&store).and_then(|m| m.get(key).cloned()))
    }

    async fn get_all(&self, store: StoreName) -> Result<Vec<Value>, StorageError> {
        Ok(self.stores.borrow().get(&store).map(|m| m.values().cloned().collect()).unwrap_or_default())
    }

    async fn count(&self, store: StoreName) -> Result<usize, StorageError> {
        Ok(self.stores.borrow().get(&store).map_or(0, |m| m.len()))
    }

    async fn keys(&self, store: StoreName) -> Result<Vec<String>, StorageError> {
        Ok(self.stores.borrow().get(&store).map(|m| m.keys().cloned().collect()).unwrap_or_default())
    }
}
