//! Attachment bytes on the device: the `blobs` store, keyed by the lowercase hex SHA-256
//! of the bytes, so a photo is stored once however many documents name it, and a name
//! is a promise any reader can check.
//!
//! A record is `{"len": <bytes>, "b64": "<standard base64>"}`. Why base64 text rather than
//! a raw `Uint8Array`: every store goes through the one JSON-valued [`RecordStore`] port,
//! with one transaction path and an in-memory twin for native tests; a binary record
//! would need a second path through both. Photos are downscaled JPEGs before they get
//! here (a few hundred KB), so the third base64 adds is a few hundred KB per dozen
//! photos, and IndexedDB clones one string per record, which is cheap.
//!
//! Every read checks the bytes against their name: a damaged record is an error, never
//! a wrong photo.

use std::collections::BTreeSet;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::{get_typed, to_json, RecordStore, StorageError, StoreName, Write};
use crate::sync::blob::blob_hash;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct BlobRecord {
    len: usize,
    b64: String,
}

fn damaged(hash: &str) -> StorageError {
    StorageError::Decode(format!("the stored attachment {hash} is damaged"))
}

/// Stores `bytes` and returns their name (hash). Storing the same bytes again changes
/// nothing visible.
pub async fn put<S: RecordStore>(s: &S, bytes: &[u8]) -> Result<String, StorageError> {
    let hash = blob_hash(bytes);
    let rec = BlobRecord { len: bytes.len(), b64: STANDARD.encode(bytes) };
    s.write(vec![Write::Put(StoreName::Blobs, hash.clone(), to_json(&rec)?)]).await?;
    Ok(hash)
}

/// The bytes named `hash`, checked against it; `None` when this device lacks them.
pub async fn get<S: RecordStore>(s: &S, hash: &str) -> Result<Option<Vec<u8>>, StorageError> {
    let Some(rec) = get_typed::<_, BlobRecord>(s, StoreName::Blobs, hash).await? else {
        return Ok(None);
    };
    let bytes = STANDARD.decode(rec.b64.as_bytes()).map_err(|_| damaged(hash))?;
    if bytes.len() != rec.len || blob_hash(&bytes) != hash {
        return Err(damaged(hash));
    }
    Ok(Some(bytes))
}

/// Whether this device holds the bytes named `hash` (no bytes are read).
pub async fn has<S: RecordStore>(s: &S, hash: &str) -> Result<bool, StorageError> {
    Ok(held(s).await?.contains(hash))
}

/// The names of every blob this device holds.
pub async fn held<S: RecordStore>(s: &S) -> Result<BTreeSet<String>, StorageError> {
    Ok(s.keys(StoreName::Blobs).await?.into_iter().collect())
}
