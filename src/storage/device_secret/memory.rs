//! The native stand-in for the device secret ([`super`]): a random AES-256-GCM key kept
//! in the [`MemoryStore`]'s `secrets` store (as base64 text: a test store has no
//! non-extractable keys), so each `MemoryStore` is a device of its own.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use serde_json::Value;

use super::{DeviceSecret, Wrapped, DEVICE_SECRET_KEY};
use crate::storage::memory::MemoryStore;
use crate::storage::{RecordStore, StorageError, StoreName, Write};

/// 8 bytes no earlier call in this process returned: std's per-process random SipHash
/// keys, moved on by a counter. Good enough for a stand-in that only tests use.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.finish()
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    for chunk in out.chunks_mut(8) {
        chunk.copy_from_slice(&random_u64().to_le_bytes()[..chunk.len()]);
    }
    out
}

async fn cipher(s: &MemoryStore) -> Result<Aes256Gcm, StorageError> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let stored = s.get(StoreName::Secrets, DEVICE_SECRET_KEY).await?;
    let key: [u8; 32] = match stored.as_ref().and_then(Value::as_str) {
        Some(text) => b64
            .decode(text)
            .ok()
            .and_then(|k| k.try_into().ok())
            .ok_or_else(|| StorageError::Secret("the stored device secret is damaged".into()))?,
        None => {
            let key = random_bytes::<32>();
            let put = Write::Put(StoreName::Secrets, DEVICE_SECRET_KEY.into(), Value::String(b64.encode(key)));
            s.write(vec![put]).await?;
            key
        }
    };
    Ok(Aes256Gcm::new(&key.into()))
}

impl DeviceSecret for MemoryStore {
    async fn wrap(&self, plain: &[u8]) -> Result<Wrapped, StorageError> {
        let iv = random_bytes::<12>();
        let ct = cipher(self)
            .await?
            .encrypt(Nonce::from_slice(&iv), plain)
            .map_err(|_| StorageError::Secret("encryption failed".into()))?;
        Ok(Wrapped::new(&iv, &ct))
    }

    async fn unwrap(&self, w: &Wrapped) -> Result<Vec<u8>, StorageError> {
        let (iv, ct) = w.parts()?;
        cipher(self)
            .await?
            .decrypt(Nonce::from_slice(&iv), ct.as_slice())
            .map_err(|_| StorageError::Secret("sealed under another device secret, or altered".into()))
    }
}
