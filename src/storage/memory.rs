//! An in-memory [`RecordStore`] with the same behaviour as IndexedDB's, for native
//! tests of everything above storage.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::{RecordStore, StorageError, StoreName};

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
    async fn put_all(&self, store: StoreName, records: Vec<(String, Value)>) -> Result<(), StorageError> {
        let mut stores = self.stores.borrow_mut();
        let map = stores.entry(store).or_default();
        map.extend(records);
        Ok(())
    }

    async fn get(&self, store: StoreName, key: &str) -> Result<Option<Value>, StorageError> {
        Ok(self.stores.borrow().get(&store).and_then(|m| m.get(key).cloned()))
    }

    async fn get_all(&self, store: StoreName) -> Result<Vec<Value>, StorageError> {
        Ok(self.stores.borrow().get(&store).map(|m| m.values().cloned().collect()).unwrap_or_default())
    }

    async fn delete(&self, store: StoreName, key: &str) -> Result<(), StorageError> {
        if let Some(m) = self.stores.borrow_mut().get_mut(&store) {
            m.remove(key);
        }
        Ok(())
    }
}
