//! A secret that never leaves this device, for keeping other secrets at rest: the team
//! key and the host password today, personal signing keys next.
//!
//! [`DeviceSecret::wrap`] encrypts bytes under the device secret with AES-256-GCM and
//! gives a [`Wrapped`] value that is safe to store as JSON next to ordinary records;
//! [`DeviceSecret::unwrap`] gives the bytes back on the same device (on any other, or
//! after the secret is gone, it fails with [`StorageError::Secret`]).
//!
//! In the browser ([`web`], for [`super::idb::IdbStore`]) the secret is a
//! **non-extractable** WebCrypto `CryptoKey`, generated on the device the first time it
//! is needed and kept in the `secrets` object store (IndexedDB keeps a `CryptoKey` by
//! structured clone; its bytes are never visible to script, so a script that reads the
//! database — an XSS, a page planted on the app's origin, a copied profile folder read
//! elsewhere — gets ciphertext and a key handle it cannot export). A script running
//! in the app's origin *can* still ask the key to decrypt while it runs: this guards
//! the data at rest and against exfiltration of the raw database, not against code
//! that runs as the app (the CSP and the sync folder's headers are for that).
//!
//! Natively ([`memory`], for [`super::memory::MemoryStore`]) a stand-in keeps a random
//! key in the store's own `secrets` store, so tests of everything above storage see the
//! same behaviour: a wrapped value round-trips, holds none of its plaintext, and does
//! not open in another store.
//!
//! ```
//! use outpost::storage::device_secret::DeviceSecret;
//! use outpost::storage::memory::MemoryStore;
//! pollster::block_on(async {
//!     let s = MemoryStore::new();
//!     let w = s.wrap(b"team key bytes").await.unwrap();
//!     assert!(!serde_json::to_string(&w).unwrap().contains("team key"));
//!     assert_eq!(s.unwrap(&w).await.unwrap(), b"team key bytes");
//!     assert!(MemoryStore::new().unwrap(&w).await.is_err(), "another device cannot open it");
//! });
//! ```

use serde::{Deserialize, Serialize};

use super::StorageError;

pub mod memory;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// The key of the device secret in the `secrets` store.
pub const DEVICE_SECRET_KEY: &str = "device";
/// [`Wrapped::v`] this build writes.
pub const WRAPPED_VERSION: u32 = 1;

/// Bytes sealed under the device secret: AES-256-GCM, a fresh 96-bit nonce per value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wrapped {
    /// Format version ([`WRAPPED_VERSION`]).
    pub v: u32,
    /// The nonce, base64url.
    pub iv: String,
    /// Ciphertext and tag, base64url.
    pub ct: String,
}

/// Wrapping under the device secret. Implemented by each [`super::RecordStore`], which
/// keeps the secret itself.
#[allow(async_fn_in_trait)]
pub trait DeviceSecret {
    /// Encrypts `plain` under the device secret (made on first use).
    async fn wrap(&self, plain: &[u8]) -> Result<Wrapped, StorageError>;
    /// The bytes [`DeviceSecret::wrap`] sealed on this device; [`StorageError::Secret`]
    /// for a value sealed elsewhere, altered, or of an unknown version.
    async fn unwrap(&self, w: &Wrapped) -> Result<Vec<u8>, StorageError>;
}

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
}

impl Wrapped {
    fn new(iv: &[u8], ct: &[u8]) -> Self {
        use base64::Engine;
        Self { v: WRAPPED_VERSION, iv: b64().encode(iv), ct: b64().encode(ct) }
    }

    /// The nonce and ciphertext, checked for version and shape.
    fn parts(&self) -> Result<([u8; 12], Vec<u8>), StorageError> {
        use base64::Engine;
        if self.v != WRAPPED_VERSION {
            return Err(StorageError::Secret(format!("wrapped value version {}", self.v)));
        }
        let bad = |what: &str| StorageError::Secret(format!("wrapped value: bad {what}"));
        let iv: [u8; 12] = b64().decode(&self.iv).map_err(|_| bad("nonce"))?.try_into().map_err(|_| bad("nonce"))?;
        let ct = b64().decode(&self.ct).map_err(|_| bad("ciphertext"))?;
        if ct.len() < 16 {
            return Err(bad("ciphertext"));
        }
        Ok((iv, ct))
    }
}
