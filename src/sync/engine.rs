//! Push and pull: the sync protocol over any [`Host`], as functions from state to state.
//!
//! Layout on the host (one writer per file, so no device ever overwrites another):
//!
//! ```text
//! <base>/devices/<device>/head.json              the device's index, rewritten on each push
//! <base>/devices/<device>/chunks/<sha256>.json   immutable, content-addressed changes
//! <base>/devices/<device>/blobs/<sha256>.bin     immutable attachment bytes (super::blob),
//!                                                uploaded before any chunk naming them
//! ```
//!
//! **Push** writes the chunk first and the head last. If the host stops in between, the
//! chunk is an orphan nobody reads, the changes stay in the outbox, and the next push
//! publishes them again; merge is idempotent, so nothing is lost and nothing doubles.
//!
//! **Pull** reads each known device's head (with `If-None-Match` where the host gives
//! ETags), fetches only chunks it has not merged, and returns the incoming changes with
//! the new [`SyncState`]. The caller stores both in one transaction, so a crash cannot
//! mark a chunk merged whose records were never written. A bad file from one device is
//! reported and skipped; the others still merge, and the bad one is retried next time.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::crypto::{TeamKey, NONCE_LEN};
use super::host::{Fetched, Host, HostError};
use super::snapshot::{chunk_name, open_chunk, open_head, seal_chunk, seal_head, Chunk, Head, SnapshotError};
use crate::record::hlc::Hlc;
use crate::record::replica::Replica;

/// What this device remembers about the host between syncs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncState {
    /// This device's published chunks, oldest first (its head lists exactly these).
    pub published: Vec<String>,
    /// What this device has merged from each other device.
    pub peers: BTreeMap<String, PeerState>,
    pub last_sync_ms: Option<i64>,
    /// When this device last wrote its head (its own clock).
    pub head_written_ms: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerState {
    /// The ETag of the last head read in full.
    pub etag: Option<String>,
    pub merged: BTreeSet<String>,
    /// When that device wrote the head we last merged (its clock).
    pub head_written_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SyncError {
    #[error(transparent)]
    Host(#[from] HostError),
}

/// A file that was refused; the rest of the sync went on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub path: String,
    pub error: SnapshotError,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PullResult {
    pub incoming: Replica,
    pub state: SyncState,
    pub heads_read: usize,
    pub chunks_fetched: usize,
    pub rejected: Vec<Rejected>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PushResult {
    pub state: SyncState,
    /// The chunk written, if there was anything to publish.
    pub chunk: Option<String>,
}

pub fn head_path(device: &str) -> String {
    format!("devices/{device}/head.json")
}

pub fn chunk_path(device: &str, name: &str) -> String {
    format!("devices/{device}/chunks/{name}.json")
}

/// Publishes `outbox` (this device's unpublished changes) and a head listing every chunk.
/// With an empty outbox only the head is rewritten, and only if none was written yet.
/// Every input is a different fact of the round (who, what, when, with which key), and
/// grouping them would only move the list into a struct literal at the one call site.
#[allow(clippy::too_many_arguments)]
pub async fn push<H: Host>(
    host: &H,
    key: &TeamKey,
    device: &str,
    state: &SyncState,
    outbox: &Replica,
    hlc: Hlc,
    mut nonce: impl FnMut() -> [u8; NONCE_LEN],
    now_ms: i64,
) -> Result<PushResult, SyncError> {
    let mut next = state.clone();
    let empty = outbox.docs.is_empty() && outbox.entries.is_empty();
    let mut written = None;
    if !empty {
        let bytes = seal_chunk(key, nonce(), &Chunk::new(device, outbox.clone()));
        let name = chunk_name(&bytes);
        host.put(&chunk_path(device, &name), bytes).await?;
        next.published.push(name.clone());
        written = Some(name);
    } else if state.head_written_ms.is_some() {
        return Ok(PushResult { state: next, chunk: None });
    }
    let known = next.peers.iter().map(|(d, p)| (d.clone(), p.head_written_ms)).collect();
    let head = Head::new(device, next.published.clone(), hlc, known, now_ms);
    host.put(&head_path(device), seal_head(key, nonce(), &head)).await?;
    next.last_sync_ms = Some(now_ms);
    next.head_written_ms = Some(now_ms);
    Ok(PushResult { state: next, chunk: written })
}

/// Reads every other device's new chunks. `extra_devices` seeds discovery (the inviter
/// named in an invite link) for hosts that cannot list folders.
pub async fn pull<H: Host>(
    host: &H,
    key: &TeamKey,
    device: &str,
    state: &SyncState,
    extra_devices: &[String],
    now_ms: i64,
) -> Result<PullResult, SyncError> {
    let mut out = PullResult { state: state.clone(), ..Default::default() };
    let mut queue: BTreeSet<String> = host.list_devices().await?.unwrap_or_default().into_iter().collect();
    queue.extend(state.peers.keys().cloned());
    queue.extend(extra_devices.iter().cloned());
    let mut done: BTreeSet<String> = BTreeSet::new();
    while let Some(peer) = queue.pop_first() {
        if peer == device || !done.insert(peer.clone()) || !valid_device_name(&peer) {
            continue;
        }
        let path = head_path(&peer);
        let known = out.state.peers.get(&peer).cloned().unwrap_or_default();
        let (bytes, etag) = match host.get(&path, known.etag.as_deref()).await? {
            Fetched::NotModified | Fetched::Missing => continue,
            Fetched::Found { bytes, etag } => (bytes, etag),
        };
        let head = match open_head(key, &bytes, &peer) {
            Ok(h) => h,
            Err(error) => {
                out.rejected.push(Rejected { path, error });
                continue;
            }
        };
        out.heads_read += 1;
        queue.extend(head.known_devices.keys().filter(|d| !done.contains(*d)).cloned());
        let mut merged = known.merged.clone();
        let mut complete = true;
        for name in head.chunks.iter().filter(|n| !known.merged.contains(*n)) {
            let cpath = chunk_path(&peer, name);
            let chunk = match host.get(&cpath, None).await? {
                Fetched::Found { bytes, .. } => open_chunk(key, &bytes, &peer, name),
                // A head naming a chunk the host lacks: retry next time.
                Fetched::Missing | Fetched::NotModified => Err(SnapshotError::Malformed("the chunk is missing".into())),
            };
            match chunk {
                Ok(c) => {
                    out.incoming = std::mem::take(&mut out.incoming).merge(c.replica);
                    out.chunks_fetched += 1;
                    merged.insert(name.clone());
                }
                Err(error) => {
                    out.rejected.push(Rejected { path: cpath, error });
                    complete = false;
                }
            }
        }
        let entry = out.state.peers.entry(peer).or_default();
        entry.merged = merged;
        if complete {
            // Only a fully merged head may be skipped by ETag next time.
            entry.etag = etag;
            entry.head_written_ms = head.written_ms;
        }
    }
    out.state.last_sync_ms = Some(now_ms);
    Ok(out)
}

/// Device ids are generated UUIDs; anything else in a listing is ignored, never fetched.
pub fn valid_device_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= 64 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
