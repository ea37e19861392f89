//! Compaction (issue 19): a device folds its own published files into checkpoints, so
//! its head stays short and a new device downloads a few checkpoints instead of every
//! chunk ever written.
//!
//! **What a checkpoint is.** A file sealed under the team key like every other (the host
//! sees ciphertext only, S3), of its own kind ([`Checkpoint`], in
//! `devices/<device>/chunks/<sha256>.json` like a chunk, content-addressed) holding the
//! join of the files it replaces — each record verbatim, stamps, authors and seals as
//! written, nothing signed again — less what every reader refuses anyway (a broken seal,
//! an entry dated before what its device had published: `refuse_backdated`). The head
//! (version 2) lists its checkpoints, oldest first, before its chunks; each
//! [`CheckpointRef`] says
//! - `covers`: the clock of the head that listed everything the checkpoint holds. A reader
//!   that merged every file of that head (or of a later one, [`PeerState::complete_hlc`])
//!   has all of it and marks it merged without downloading it; a reader that merged only
//!   some of those files (one was missing, say) or none (a new device) downloads it, and
//!   the join makes the result the same.
//! - `high_ms`: the newest stamp in the files it replaces, the no-backdating floor for the
//!   files after it. Readers that open it and readers that skip it draw the same line, and
//!   that line is the one the replaced files drew, so a checkpoint neither trips the rule
//!   (its own entries are checked only against the checkpoints before it) nor moves it.
//!
//! **When.** In a round, before its push, once the head lists [`COMPACT_AFTER_CHUNKS`]
//! chunks: those chunks become one new checkpoint (covering the last head, which listed
//! them), and before that the trailing checkpoints are merged the way a binary counter
//! carries — from the newest back, each one no larger than everything after it — into one
//! that covers what its newest part covered. Checkpoint sizes then at least double from
//! the newest to the oldest, a head lists about log2(history / one fold) of them, and each
//! record is rewritten about as many times in the device's life. Neither step makes a
//! reader that was in step download what it has. Folding downloads the device's own files
//! being folded (checked against their names as any reader checks them): the device's
//! store holds the merged state, not what each file said.
//!
//! **Nothing is deleted.** The host API has no DELETE (the reference nginx refuses it):
//! folded files stay on the host, unlisted, until the host's lifecycle rule removes them
//! (`docs/sync-hosts.md`). A reader never needs them again.
//!
//! **Republishing.** When the host lost or cut short one of this device's files, or two
//! rounds compacted side by side ([`SyncState::refold`]), [`republish`] writes everything
//! this device authored as one checkpoint that replaces every file its head listed. Its
//! `covers` is the clock of the head that lists it, so every reader downloads it once. It
//! comes first in the head, so its old entries are never judged against newer chunks.
//!
//! Known limit: a reader that skips a checkpoint never opens it, so a tampered device
//! could put into a checkpoint an entry its readers never saw; only devices that download
//! the checkpoint (new ones) take it, and only dated after the checkpoints before it.

use super::crypto::{TeamKey, NONCE_LEN};
use super::engine::{
    chunk_path, head_known, head_path, per_file, refuse_backdated, refuse_broken_seals, PeerState, PullResult,
    PushResult, SyncError, SyncState, MAX_CHUNK_BYTES,
};
use super::host::{Fetched, Host};
use super::snapshot::{
    chunk_name, open_checkpoint, open_chunk, seal_checkpoint, seal_head, Checkpoint, CheckpointRef, Head,
};
use crate::record::hlc::Hlc;
use crate::record::replica::Replica;

/// Chunks a head lists before they are folded into a checkpoint. Sixteen keeps a head
/// under about 2 KB of chunk names and a reader that missed a few rounds at a few
/// requests per device, while a fold (which downloads what it folds) stays rare: with a
/// round every few minutes of work, about once a working day.
pub const COMPACT_AFTER_CHUNKS: usize = 16;

/// When a device folds its chunks: [`Compaction::default`] in the app; tests and the sync
/// simulation fold sooner, or never ([`Compaction::OFF`], to measure what it saves).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compaction {
    /// Fold once the head lists this many chunks.
    pub after_chunks: usize,
}

impl Compaction {
    pub const OFF: Compaction = Compaction { after_chunks: usize::MAX };
}

impl Default for Compaction {
    fn default() -> Self {
        Compaction { after_chunks: COMPACT_AFTER_CHUNKS }
    }
}

/// Whether this device's head has grown enough to fold.
pub fn due(state: &SyncState, policy: Compaction) -> bool {
    state.published.len() >= policy.after_chunks.max(1)
}

/// Where the merge of trailing checkpoints starts: from the newest back, each one no
/// larger than everything after it (a binary counter: checkpoint sizes at least double
/// from the newest to the oldest, so a head lists about log2 of the history of them).
fn merge_from(state: &SyncState) -> usize {
    let size = |n: &String| state.published_sizes.get(n).copied().unwrap_or(0);
    let cps = &state.checkpoints;
    let Some(last) = cps.last() else { return 0 };
    let mut acc = size(&last.name);
    let mut i = cps.len() - 1;
    while i > 0 {
        let s = size(&cps[i - 1].name);
        if s > acc && cps.len() < super::engine::MAX_HEAD_CHECKPOINTS / 2 {
            break;
        }
        acc = acc.saturating_add(s);
        i -= 1;
    }
    i
}

/// Downloads one own file; `None` when the host does not serve it whole (the round's own
/// check notices a lost file and [`republish`] takes over).
async fn own_file<H: Host>(host: &H, device: &str, name: &str) -> Result<Option<Vec<u8>>, SyncError> {
    match host.get(&chunk_path(device, name), None, MAX_CHUNK_BYTES).await {
        Ok(Fetched::Found { bytes, .. }) => Ok(Some(bytes)),
        Ok(_) => Ok(None),
        Err(e) => per_file(e).map(|_| None),
    }
}

/// The join of some of this device's own files, as readers take them: what they refuse is
/// left out, and the floor after the last one.
struct Folded {
    replica: Replica,
    high_ms: i64,
}

/// Opens and joins `checkpoints` then `chunks` (own files, in head order) from `floor`;
/// `None` when one is not on the host as written.
async fn fold<H: Host>(
    host: &H,
    key: &TeamKey,
    device: &str,
    checkpoints: &[CheckpointRef],
    chunks: &[String],
    mut floor: i64,
) -> Result<Option<Folded>, SyncError> {
    // What readers refuse is left out; the refusals themselves are theirs to report.
    let mut refused = PullResult::default();
    let mut folded = Replica::default();
    for cp in checkpoints {
        let Some(bytes) = own_file(host, device, &cp.name).await? else { return Ok(None) };
        let Ok(mut c) = open_checkpoint(key, &bytes, device, &cp.name) else { return Ok(None) };
        let path = chunk_path(device, &cp.name);
        refuse_backdated(&mut c.replica, floor, device, &path, &mut refused);
        refuse_broken_seals(&mut c.replica, device, &path, &mut refused);
        floor = floor.max(cp.high_ms);
        folded = folded.merge(c.replica);
    }
    for name in chunks {
        let Some(bytes) = own_file(host, device, name).await? else { return Ok(None) };
        let Ok(mut c) = open_chunk(key, &bytes, device, name) else { return Ok(None) };
        // As `read_peer` does: the chunk's newest stamp before anything is refused.
        let high = c.replica.stamps().map(|h| h.wall_ms).max();
        let path = chunk_path(device, name);
        refuse_backdated(&mut c.replica, floor, device, &path, &mut refused);
        refuse_broken_seals(&mut c.replica, device, &path, &mut refused);
        if let Some(h) = high {
            floor = floor.max(h);
        }
        folded = folded.merge(c.replica);
    }
    Ok(Some(Folded { replica: folded, high_ms: floor }))
}

/// Seals and uploads one checkpoint; `None` when it would be larger than readers take.
async fn put_checkpoint<H: Host>(
    host: &H,
    key: &TeamKey,
    device: &str,
    covers: Hlc,
    folded: Folded,
    nonce: [u8; NONCE_LEN],
) -> Result<Option<(CheckpointRef, u64)>, SyncError> {
    let made = Checkpoint::new(device, covers.clone(), folded.high_ms, folded.replica);
    let bytes = seal_checkpoint(key, nonce, &made);
    if bytes.len() > MAX_CHUNK_BYTES {
        return Ok(None);
    }
    let name = chunk_name(&bytes);
    let size = bytes.len() as u64;
    host.put(&chunk_path(device, &name), bytes).await?;
    Ok(Some((CheckpointRef { name, covers, high_ms: folded.high_ms }, size)))
}

/// Folds this device's chunks into one new checkpoint, and first merges trailing
/// checkpoints ([`merge_from`]), then writes a head listing them; returns the new state,
/// or `None` when there is nothing to fold or one of the files is not on the host as
/// written (nothing is listed then, and the files stay listed). `hlc` stamps the new head.
///
/// The two steps are kept apart so that neither makes an up-to-date reader download
/// anything it has: a merged checkpoint covers what its newest part covered, and the new
/// one covers the last head, which listed the chunks it folds.
#[allow(clippy::too_many_arguments)]
pub async fn compact<H: Host>(
    host: &H,
    key: &TeamKey,
    device: &str,
    state: &SyncState,
    policy: Compaction,
    hlc: Hlc,
    mut nonce: impl FnMut() -> [u8; NONCE_LEN],
    now_ms: i64,
) -> Result<Option<SyncState>, SyncError> {
    let Some(covers) = state.head_hlc.clone() else { return Ok(None) };
    if !due(state, policy) || state.refold || hlc <= covers {
        return Ok(None);
    }
    let mut next = state.clone();
    let mut gone: Vec<String> = Vec::new();
    let from = merge_from(state);
    if from + 1 < state.checkpoints.len() {
        let parts = &state.checkpoints[from..];
        let floor = state.checkpoints[..from].iter().map(|c| c.high_ms).max().unwrap_or(i64::MIN);
        let newest = parts.last().map(|c| c.covers.clone()).unwrap_or_else(|| covers.clone());
        if let Some(f) = fold(host, key, device, parts, &[], floor).await? {
            if let Some((merged, size)) = put_checkpoint(host, key, device, newest, f, nonce()).await? {
                gone.extend(parts.iter().map(|c| c.name.clone()));
                next.checkpoints.truncate(from);
                next.checkpoints.push(merged.clone());
                next.published_sizes.insert(merged.name, size);
            }
        }
    }
    let floor = next.checkpoints.iter().map(|c| c.high_ms).max().unwrap_or(i64::MIN);
    let Some(f) = fold(host, key, device, &[], &state.published, floor).await? else { return Ok(None) };
    let Some((made, size)) = put_checkpoint(host, key, device, covers, f, nonce()).await? else { return Ok(None) };
    gone.extend(state.published.iter().cloned());
    next.checkpoints.push(made.clone());
    next.published.clear();
    next.published_sizes.retain(|n, _| !gone.contains(n));
    next.published_sizes.insert(made.name, size);
    next.dropped.extend(gone);
    next.verify_cursor = 0;
    write_head(host, key, device, &mut next, hlc, nonce(), now_ms).await?;
    Ok(Some(next))
}

/// Publishes `own` (everything this device authored and may publish, the outbox
/// included) as one checkpoint that replaces every file its head listed, leaving `lost`
/// and the rest out of the head (see the module docs). `hlc` stamps the new head and is
/// the checkpoint's `covers`, so every reader downloads it once.
#[allow(clippy::too_many_arguments)]
pub async fn republish<H: Host>(
    host: &H,
    key: &TeamKey,
    device: &str,
    state: &SyncState,
    own: &Replica,
    lost: &[String],
    hlc: Hlc,
    mut nonce: impl FnMut() -> [u8; NONCE_LEN],
    now_ms: i64,
) -> Result<PushResult, SyncError> {
    let stamped = own.stamps().map(|h| h.wall_ms).max();
    let high = state.checkpoints.iter().map(|c| c.high_ms).chain(stamped).max().unwrap_or(i64::MIN);
    let made = Checkpoint::new(device, hlc.clone(), high, own.clone());
    let bytes = seal_checkpoint(key, nonce(), &made);
    let name = chunk_name(&bytes);
    let size = bytes.len() as u64;
    host.put(&chunk_path(device, &name), bytes).await?;

    let mut next = state.clone();
    let gone: Vec<String> = state.own_files().into_iter().chain(lost.iter().cloned()).collect();
    next.checkpoints = vec![CheckpointRef { name: name.clone(), covers: hlc.clone(), high_ms: high }];
    next.published.clear();
    next.published_sizes.clear();
    next.published_sizes.insert(name.clone(), size);
    next.dropped.extend(gone);
    next.verify_cursor = 0;
    next.refold = false;
    next.content_ms = Some(now_ms);
    next.announced = next.peers.iter().map(|(d, p): (&String, &PeerState)| (d.clone(), p.content_ms)).collect();
    write_head(host, key, device, &mut next, hlc, nonce(), now_ms).await?;
    next.last_sync_ms = Some(now_ms);
    Ok(PushResult { state: next, chunk: Some(name), lost: lost.to_vec() })
}

/// Writes the head `state` describes (its checkpoints, then its chunks) and records it.
async fn write_head<H: Host>(
    host: &H,
    key: &TeamKey,
    device: &str,
    state: &mut SyncState,
    hlc: Hlc,
    nonce: [u8; NONCE_LEN],
    now_ms: i64,
) -> Result<(), SyncError> {
    let (named, in_step) = head_known(state, &state.announced);
    let mut head = Head::new(device, state.published.clone(), hlc.clone(), named, now_ms)
        .with_checkpoints(state.checkpoints.clone());
    head.content_ms = state.content_ms;
    head.in_step_ms = in_step;
    state.announced_in_step = in_step;
    host.put(&head_path(device), seal_head(key, nonce, &head)).await?;
    state.head_written_ms = Some(now_ms);
    state.head_hlc = Some(hlc);
    Ok(())
}
