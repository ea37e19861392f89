//! The blob half of a sync round ([`super::sync_run::sync_once`] runs it around the push):
//!
//! 1. [`own_refs`]: the attachments in this device's outbox that it took itself (only
//!    their author stamps a blob's hash, see [`super::attachments`]).
//! 2. [`upload_own`]: uploads each of their blobs the host lacks — never one uploaded
//!    before (files on the host are immutable, and the meta store remembers them).
//! 3. [`hold_back`]: leaves out of the push every attachment whose blob is not on the
//!    host yet, so a reader never sees a reference without its file. The rest of the
//!    outbox is published; the held-back ones wait in the outbox for the next round.
//! 4. After the push, [`fetch_missing`] downloads the blobs that live attachments name
//!    and this device lacks, from the folder of the device that took them.
//!
//! Blobs are known here by their plain SHA-256 (the local `blobs` store, an attachment's
//! `hash`, the uploaded set and the failure reasons below); only the host path is the
//! keyed [`blob_name`](crate::sync::blob::blob_name), computed by
//! [`blob_path`] from the team key, so the host never sees which photo a file is.
//!
//! A blob that fails is a [`BlobFailure`] in the report and is tried again next round;
//! it never fails the data sync and never changes local data. Why the last fetch of each
//! blob failed is kept in the meta store, so the UI can say it next to the photo.

use std::collections::{BTreeMap, BTreeSet};

use super::attachments::{Attachment, ATTACHMENT};
use super::{blobs, get_typed, put_typed, RecordStore, StorageError, StoreName, Write};
use crate::record::replica::{Document, Replica};
use crate::sync::blob::{blob_path, fetch_blob, upload_blob, BlobError, BlobFailure};
use crate::sync::crypto::{TeamKey, NONCE_LEN};
use crate::sync::host::Host;

/// `_v2`: blob format 2 renamed files on the host (keyed names). A set recorded under
/// format 1 named files that readers no longer request, so it is not carried over: a blob
/// whose attachment is still in the outbox is uploaded again under its new name.
const UPLOADED_KEY: &str = "blobs_uploaded_v2";
const FAILURES_KEY: &str = "blob_failures";

/// What a round did with blobs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BlobReport {
    pub uploaded: usize,
    pub fetched: usize,
    /// Attachments left in the outbox because their blob is not on the host yet.
    pub held_back: usize,
    pub failures: Vec<BlobFailure>,
}

/// The blobs (plain hashes) this device has uploaded to its folder.
pub async fn uploaded<S: RecordStore>(s: &S) -> Result<BTreeSet<String>, StorageError> {
    Ok(get_typed(s, StoreName::Meta, UPLOADED_KEY).await?.unwrap_or_default())
}

/// Why the last fetch of each blob (by plain hash) failed (reason codes of [`BlobError::code`]).
pub async fn fetch_failures<S: RecordStore>(s: &S) -> Result<BTreeMap<String, String>, StorageError> {
    Ok(get_typed(s, StoreName::Meta, FAILURES_KEY).await?.unwrap_or_default())
}

/// Forgets which blobs the host has and why fetches failed (joining another team: the
/// new host has none of them, so this device's own are uploaded again).
pub(crate) fn forget_host_blobs() -> [Write; 2] {
    [Write::Delete(StoreName::Meta, UPLOADED_KEY.into()), Write::Delete(StoreName::Meta, FAILURES_KEY.into())]
}

/// Outbox document id → blob hash, for the live attachments in `outbox` taken on `device`.
pub async fn own_refs<S: RecordStore>(
    s: &S,
    outbox: &Replica,
    device: &str,
) -> Result<BTreeMap<String, String>, StorageError> {
    let mut refs = BTreeMap::new();
    for id in outbox.docs.values().filter(|d| d.kind == ATTACHMENT).map(|d| &d.id) {
        // The stored document, not the outbox's: a tombstone from another device may
        // have arrived, and an attachment nobody can see needs no file.
        let Some(doc) = get_typed::<_, Document>(s, StoreName::Docs, id).await? else {
            continue;
        };
        if let Some(a) = Attachment::from_doc(&doc).filter(|a| a.origin == device) {
            refs.insert(a.id, a.hash);
        }
    }
    Ok(refs)
}

/// Uploads the blobs `refs` name that are not up yet; returns every blob now uploaded.
pub async fn upload_own<S: RecordStore, H: Host>(
    s: &S,
    host: &H,
    key: &TeamKey,
    device: &str,
    refs: &BTreeMap<String, String>,
    nonce: &mut impl FnMut() -> [u8; NONCE_LEN],
    report: &mut BlobReport,
) -> Result<BTreeSet<String>, StorageError> {
    let mut done = uploaded(s).await?;
    let todo: BTreeSet<&String> = refs.values().filter(|h| !done.contains(*h)).collect();
    for hash in todo {
        let result = match blobs::get(s, hash).await? {
            Some(bytes) => upload_blob(host, key, device, hash, &bytes, nonce()).await,
            None => Err(BlobError::NotHeld),
        };
        match result {
            Ok(()) => {
                done.insert(hash.clone());
                // Remembered at once: a crash later in the round must not upload it again.
                put_typed(s, StoreName::Meta, UPLOADED_KEY, &done).await?;
                report.uploaded += 1;
            }
            Err(error) => {
                let stop = error.host_wide();
                report.failures.push(BlobFailure { hash: hash.clone(), path: blob_path(key, device, hash), error });
                if stop {
                    break;
                }
            }
        }
    }
    Ok(done)
}

/// `outbox` without the attachments whose blob is not on the host yet.
pub fn hold_back(
    mut outbox: Replica,
    refs: &BTreeMap<String, String>,
    uploaded: &BTreeSet<String>,
    report: &mut BlobReport,
) -> Replica {
    let before = outbox.docs.len();
    outbox.docs.retain(|id, _| refs.get(id).is_none_or(|h| uploaded.contains(h)));
    report.held_back = before - outbox.docs.len();
    outbox
}

/// Downloads every blob a live attachment names that this device lacks, each checked
/// against its name before it is stored.
pub async fn fetch_missing<S: RecordStore, H: Host>(
    s: &S,
    host: &H,
    key: &TeamKey,
    report: &mut BlobReport,
) -> Result<(), StorageError> {
    let held = blobs::held(s).await?;
    let mut wanted: BTreeMap<String, String> = BTreeMap::new();
    for d in s.docs_of_kind(ATTACHMENT).await? {
        if let Some(a) = Attachment::from_doc(&d).filter(|a| !held.contains(&a.hash)) {
            wanted.entry(a.hash).or_insert(a.origin);
        }
    }
    let before = fetch_failures(s).await?;
    let mut failed = BTreeMap::new();
    for (hash, origin) in wanted {
        match fetch_blob(host, key, &origin, &hash).await {
            Ok(bytes) => {
                blobs::put(s, &bytes).await?;
                report.fetched += 1;
            }
            Err(error) => {
                let stop = error.host_wide();
                failed.insert(hash.clone(), error.code().to_owned());
                report.failures.push(BlobFailure { path: blob_path(key, &origin, &hash), hash, error });
                if stop {
                    break;
                }
            }
        }
    }
    if failed != before {
        put_typed(s, StoreName::Meta, FAILURES_KEY, &failed).await?;
    }
    Ok(())
}
