//! An in-memory [`RecordStore`] with the same behaviour as IndexedDB's, for native
//! tests of everything above storage.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::{refuses, resolve, RecordStore, StorageError, StoreName, Write, Written};

#[derive(Debug, Default)]
pub struct MemoryStore {
    stores: RefCell<HashMap<StoreName, BTreeMap<String, Value>>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }
}

impl RecordStore for MemoryStore {
    async fn write_checked(&self, writes: Vec<Write>) -> Result<Written, StorageError> {
        // Resolve everything against a copy first so a failing write changes nothing.
        let mut stores = self.stores.borrow().clone();
        let mut changed = 0;
        let mut refused = Vec::new();
        for w in &writes {
            let key = w.key().to_owned();
            let map = stores.entry(w.store()).or_default();
            if refuses(w, map.get(&key)) {
                refused.push(key);
                continue;
            }
            match resolve(w, map.get(&key))? {
                None => {}
                Some(Some(v)) => {
                    map.insert(key, v);
                    changed += 1;
                }
                Some(None) => {
                    map.remove(&key);
                    changed += 1;
                }
            }
        }
        *self.stores.borrow_mut() = stores;
        Ok(Written { changed, refused })
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
