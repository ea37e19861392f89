//! Push and pull: the sync protocol over any [`Host`], as functions from state to state.
//!
//! Layout on the host (one writer per file, so no device ever overwrites another):
//!
//! ```text
//! <base>/devices/<device>/head.json              the device's index, rewritten on each push
//! <base>/devices/<device>/chunks/<sha256>.json   immutable, content-addressed changes,
//!                                                and checkpoints folding older ones
//!                                                (super::compact, issue 19)
//! <base>/devices/<device>/blobs/<sha256>.bin     immutable attachment bytes (super::blob),
//!                                                uploaded before any chunk naming them
//! <base>/devices/<device>/index.json             the team index, written by designated
//!                                                devices only (super::index, issue 19)
//! <base>/devices/<device>/days/<sha256>.json     day files the index names: other devices'
//!                                                files, verbatim (super::index)
//! ```
//!
//! **Push** writes the chunk first and the head last. If the host stops in between, the
//! chunk is an orphan nobody reads, the changes stay in the outbox, and the next push
//! publishes them again; merge is idempotent, so nothing is lost and nothing doubles.
//!
//! **Pull** reads each known device's head (with `If-None-Match` where the host gives
//! ETags; in a team large enough, most of them from a designated device's team index,
//! and the files they list from its day files, `super::index`), fetches only the files
//! it has not merged — a checkpoint covering a head this device merged in full is
//! marked merged unread — and returns the incoming changes with the new [`SyncState`].
//! The caller stores both in one transaction, so a crash cannot mark a chunk merged
//! whose records were never written.
//!
//! **Nothing from the host is trusted.** Per file, never for the whole round:
//! - a file the host refuses (500, 403…), a file larger than anything Outpost writes
//!   ([`MAX_HEAD_BYTES`], [`MAX_CHUNK_BYTES`]), a head naming malformed chunks or too many,
//!   a file that does not open is a [`Rejected`] with its [`Refusal`]; the other devices
//!   still merge, the push still happens, and the bad file is retried next round;
//! - a head older than one already read from that device (a replayed or rolled-back
//!   host) is refused ([`Refusal::Rollback`]); a head that the host keeps answering 304
//!   for while another device's head says it has seen a newer one is read again without
//!   the ETag, and if the host still serves the older one that is named
//!   ([`Refusal::Stale`]);
//! - a change stamped further ahead than `accept_until_ms` (corrected time plus
//!   [`crate::record::hlc::MAX_AHEAD_MS`]) is held back, not merged: its chunk stays unmerged and is read again each round
//!   until the clock has caught up ([`Held`]), so a `_deleted` stamped in year 9999
//!   cannot freeze a record;
//! - a document arriving with another kind than the same id already has is refused
//!   ([`Refusal::KindChanged`]) and kept verbatim for the quarantine, never merged.
//!
//! **Own files.** Each push checks this device's own head and a few of its chunks
//! ([`VERIFY_PER_ROUND`], in turn, by `HEAD`) are still on the host with the size they
//! were written with; a lost or truncated chunk is reported in
//! [`PushResult::lost`] and the caller pushes again with everything it authored
//! ([`authored_by`]), leaving the lost names out of the head.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use super::crypto::{TeamKey, NONCE_LEN};
use super::host::{Fetched, Host, HostError, Presence};
use super::index::{
    index_path, index_writers, read_index, spot_checks, take_days, IndexSeen, INDEX_FRESH_MS, MAX_DAY_BYTES,
};
use super::members::{read_members, SlotSeen};
use super::snapshot::{
    chunk_name, open_checkpoint, open_chunk, open_head, seal_chunk, seal_head, sealed_data, CheckpointRef, Chunk, Head,
    SnapshotError,
};
use crate::record::hlc::{Hlc, MAX_SKEW_MS};
use crate::record::replica::{Document, Replica};
use crate::record::seal::{verify_entry, verify_register, SealError};

/// The largest head this app reads: a head lists chunk names (about 70 bytes each).
pub const MAX_HEAD_BYTES: usize = 16 << 20;
/// The largest chunk this app reads; pushes split changes into chunks of at most
/// [`CHUNK_RECORDS`] records, far below this.
pub const MAX_CHUNK_BYTES: usize = 64 << 20;
/// The most chunk names one head may list.
pub const MAX_HEAD_CHUNKS: usize = 200_000;
/// The most devices one head may name.
pub const MAX_KNOWN_DEVICES: usize = 10_000;
/// Records per published chunk.
pub const CHUNK_RECORDS: usize = 5_000;
/// Own chunks checked for presence on the host per round.
pub const VERIFY_PER_ROUND: usize = 4;
/// From this many devices known on, a head names in `known_devices` only the devices
/// its device was not in step with at its last pull, and claims the rest read up to
/// [`Head::in_step_ms`] (smaller heads, issue 19): a head stops growing with the team.
/// Smaller teams keep the full list, which also lets a reader name a host serving an
/// older head than another device read ([`Refusal::Stale`]) for every device.
pub const COMPACT_KNOWN_AFTER: usize = 32;
/// The most checkpoints one head may list (compaction keeps about log2 of a device's
/// history in checkpoints, see `super::compact`).
pub const MAX_HEAD_CHECKPOINTS: usize = 64;

/// What this device remembers about the host between syncs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncState {
    /// This device's published chunks, oldest first (its head lists exactly these, after
    /// its [`SyncState::checkpoints`]).
    pub published: Vec<String>,
    /// This device's checkpoints, oldest first: its chunks from before `published`,
    /// folded (`super::compact`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkpoints: Vec<CheckpointRef>,
    /// What this device has merged from each other device.
    pub peers: BTreeMap<String, PeerState>,
    pub last_sync_ms: Option<i64>,
    /// When this device last wrote its head (its own clock).
    pub head_written_ms: Option<i64>,
    /// The clock of the head this device last wrote, to recognise it on the host.
    #[serde(default)]
    pub head_hlc: Option<Hlc>,
    /// The size of each chunk this device wrote, to notice one the host truncated.
    #[serde(default)]
    pub published_sizes: BTreeMap<String, u64>,
    /// Where the next check of own chunks starts in `published`.
    #[serde(default)]
    pub verify_cursor: usize,
    /// The peers' published content as the last head written said this device had
    /// merged it: the head is written again when that changes, so others can tell the
    /// team is in step.
    #[serde(default)]
    pub announced: BTreeMap<String, i64>,
    /// When this device last published changes ([`Head::content_ms`]).
    #[serde(default)]
    pub content_ms: Option<i64>,
    /// Own chunks left out of the head on purpose — the host had lost them, or a
    /// checkpoint holds them now: never listed again, even by a round (another tab) that
    /// read the state before they were dropped ([`SyncState::merged_with_stored`]).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub dropped: BTreeSet<String>,
    /// The announcement slot this device claimed ([`super::members`]), on a host that
    /// cannot list folders.
    #[serde(default)]
    pub member_slot: Option<u32>,
    /// What each announcement slot held when last read, in slot order.
    #[serde(default)]
    pub member_slots: Vec<SlotSeen>,
    /// Two rounds compacted side by side and their checkpoint lists differ: the next
    /// round folds everything this device authored into one checkpoint
    /// ([`SyncState::merged_with_stored`], `super::compact::refold`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refold: bool,
    /// The [`Head::in_step_ms`] of the last head written (smaller heads): the head is
    /// written again once a later claim would cover what it did not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced_in_step: Option<i64>,
    /// The team index last read (`super::index`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<Box<IndexSeen>>,
    /// Where the next spot check of devices an index covers starts (`super::index`).
    #[serde(default)]
    pub index_cursor: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerState {
    /// The ETag of the last head read in full.
    pub etag: Option<String>,
    pub merged: BTreeSet<String>,
    /// When that device wrote the head we last merged (its clock).
    pub head_written_ms: i64,
    /// That head's [`Head::content_ms`]: which of its published changes we have.
    #[serde(default)]
    pub content_ms: i64,
    /// The clock of the newest head read from that device: an older one is a replay.
    #[serde(default)]
    pub head_hlc: Option<Hlc>,
    /// Chunks its newest head lists that this device has not merged yet.
    #[serde(default)]
    pub unmerged: usize,
    /// Devices that head said it had read, with the newest head it read of each.
    #[serde(default)]
    pub known_devices: BTreeMap<String, i64>,
    /// The newest stamp (wall ms) in each of its chunks this device has opened: the
    /// floor an entry in a later chunk may not be dated below ([`Refusal::Backdated`]).
    #[serde(default)]
    pub chunk_high: BTreeMap<String, i64>,
    /// The clock of the newest head of that device whose every file this device merged:
    /// a checkpoint covering no later head holds nothing new and is not downloaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complete_hlc: Option<Hlc>,
    /// That head's [`Head::in_step_ms`]: devices `known_devices` does not name, that
    /// device had merged up to this time (smaller heads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_step_ms: Option<i64>,
    /// The last pull (its `now_ms`) after which this device held everything of that
    /// device's newest head on the host: nothing refused, held back or missing. A head
    /// written after that pull claims that device read ([`Head::in_step_ms`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_ms: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SyncError {
    #[error(transparent)]
    Host(#[from] HostError),
}

/// Why one file (or one record in it) was not merged this round.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refusal {
    #[error(transparent)]
    File(#[from] SnapshotError),
    /// The host refused or could not serve this one file.
    #[error(transparent)]
    Host(#[from] HostError),
    #[error("the head names a chunk the host does not have")]
    Missing,
    #[error("the head is malformed: {0}")]
    BadHead(String),
    /// An older head than one already read from that device.
    #[error("the host served an older head than one already read (replayed or rolled back)")]
    Rollback,
    /// The host keeps serving a head older than one another device has read.
    #[error("the host serves an older head than another device has already read")]
    Stale,
    /// A document id that already exists with another kind.
    #[error("document {id} arrived as a {found}, but it is a {kept}")]
    KindChanged { id: String, kept: String, found: String },
    /// A field change or entry whose seal does not hold: altered after it was signed,
    /// or signed by another key than the one it names (`record::seal`).
    #[error("record {id}: {error}")]
    BadSeal { id: String, error: SealError },
    /// An entry dated earlier than what its device had already published, by more than
    /// the clock skew allows: a claim backdated to win P6, say.
    #[error("entry {id} is dated {at_ms}, before what its device had already published ({floor_ms})")]
    Backdated { id: String, at_ms: i64, floor_ms: i64 },
    /// A team index carried an older head of a device than one that device had written
    /// well before the index: the index is bypassed this round (`super::index`).
    #[error("the team index left out a newer head of {0} that was on the host when it was written")]
    Withheld(String),
}

impl Refusal {
    /// A short stable code, for the quarantine and the UI's wording.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::File(SnapshotError::TooNew { .. }) => "too_new",
            Refusal::File(SnapshotError::Crypto(_)) => "wrong_key",
            Refusal::File(_) => "damaged",
            Refusal::Host(HostError::TooLarge { .. }) => "too_large",
            Refusal::Host(_) => "host",
            Refusal::Missing => "missing",
            Refusal::BadHead(_) => "damaged",
            Refusal::Rollback => "rollback",
            Refusal::Stale => "stale",
            Refusal::KindChanged { .. } => "kind_changed",
            Refusal::BadSeal { .. } => "bad_seal",
            Refusal::Backdated { .. } => "backdated",
            Refusal::Withheld(_) => "withheld",
        }
    }
}

/// A file that was refused, or one record of it; the rest of the sync went on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// The device whose folder the file is in.
    pub device: String,
    pub path: String,
    pub reason: Refusal,
    /// The refused record, verbatim, when one record (not the whole file) was refused.
    pub record: Option<Value>,
}

/// Changes of one device held back because they are stamped too far ahead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub device: String,
    /// How many fields and entries were held back.
    pub count: usize,
    /// How far the furthest one is ahead of `accept_until_ms`.
    pub ahead_ms: i64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PullResult {
    pub incoming: Replica,
    pub state: SyncState,
    pub heads_read: usize,
    pub chunks_fetched: usize,
    pub rejected: Vec<Rejected>,
    pub held: Vec<Held>,
    /// What the host's listing of `devices/` was worth this round.
    pub listing: ListingSeen,
    /// The sealed `data` of each head taken this round, for a designated device's team
    /// index (`super::index::write_index`).
    pub heads: BTreeMap<String, String>,
    /// The device whose team index this pull used, if one.
    pub index_used: Option<String>,
    /// Requests spent on team indexes (their GETs and the spot checks of heads).
    pub index_requests: usize,
    /// Devices whose head the host did not have this round.
    pub absent: BTreeSet<String>,
    /// Day files this pull used (`super::index`).
    pub day_files: usize,
    /// Whether to keep the bytes of every file downloaded (a designated device, for its
    /// day file).
    pub keep_fetched: bool,
    /// Files downloaded from devices' folders this round, by path (when `keep_fetched`).
    pub fetched: BTreeMap<String, Vec<u8>>,
    /// Files taken from day files, by path, each already checked against its name: a
    /// file here is used instead of a download.
    pub prefetched: BTreeMap<String, Vec<u8>>,
}

/// One of a device's files (chunk or checkpoint): from a day file when one held it,
/// else from the host.
async fn fetch_file<H: Host>(host: &H, path: &str, out: &mut PullResult) -> Result<Fetched, HostError> {
    if let Some(bytes) = out.prefetched.remove(path) {
        return Ok(Fetched::Found { bytes, etag: None });
    }
    let got = host.get(path, None, MAX_CHUNK_BYTES).await;
    if out.keep_fetched {
        if let Ok(Fetched::Found { bytes, .. }) = &got {
            // A day file holds what a round downloads, not a catch-up of months.
            let kept: usize = out.fetched.values().map(Vec::len).sum();
            if kept + bytes.len() <= MAX_DAY_BYTES / 4 {
                out.fetched.insert(path.to_owned(), bytes.clone());
            }
        }
    }
    got
}

/// Whether a host's folder listing can be relied on to find devices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ListingSeen {
    /// The listing shows this device's own folder: it lists `devices/`.
    Shown,
    /// A listing, but this device has not published yet, so it cannot tell whether it
    /// is one; the announcements were read as well.
    Unproven,
    /// No listing, or one without this device's published folder (some other page, a
    /// stale cache): devices were found through the announcements.
    #[default]
    Unusable,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PushResult {
    pub state: SyncState,
    /// The first chunk written, if there was anything to publish.
    pub chunk: Option<String>,
    /// Own chunks the host no longer has: their content must be published again.
    pub lost: Vec<String>,
}

pub fn head_path(device: &str) -> String {
    format!("devices/{device}/head.json")
}

pub fn chunk_path(device: &str, name: &str) -> String {
    format!("devices/{device}/chunks/{name}.json")
}

/// Errors that end the round (no network, wrong credentials) versus errors about one file.
pub(super) fn per_file(e: HostError) -> Result<Refusal, SyncError> {
    match e {
        HostError::Unreachable(_) | HostError::Unauthorized | HostError::Rejected(_) => Err(SyncError::Host(e)),
        other => Ok(Refusal::Host(other)),
    }
}

/// Splits changes into chunks of at most [`CHUNK_RECORDS`] records.
fn split(outbox: &Replica) -> Vec<Replica> {
    let mut parts = vec![Replica::default()];
    let mut n = 0;
    let full = |n: &mut usize, parts: &mut Vec<Replica>| {
        *n += 1;
        if *n > CHUNK_RECORDS {
            parts.push(Replica::default());
            *n = 1;
        }
    };
    for (id, d) in &outbox.docs {
        full(&mut n, &mut parts);
        if let Some(p) = parts.last_mut() {
            p.docs.insert(id.clone(), d.clone());
        }
    }
    for (id, e) in &outbox.entries {
        full(&mut n, &mut parts);
        if let Some(p) = parts.last_mut() {
            p.entries.insert(id.clone(), e.clone());
        }
    }
    parts
}

/// Publishes `outbox` (this device's unpublished changes, in chunks of at most
/// [`CHUNK_RECORDS`] records) and a head listing every chunk but those in `drop`. With
/// an empty outbox the head is rewritten only if none was written yet, the host lost it,
/// `drop` names chunks to leave out, or this device has read newer heads of others since
/// (so the team can see who has seen what).
///
/// First a few own chunks are checked for presence on the host; if any is lost (and not
/// already in `drop`) nothing is written and [`PushResult::lost`] names them: the caller
/// pushes again with everything this device authored ([`authored_by`]) added to the
/// outbox and the lost names in `drop`, so the head never stops listing content the host
/// does not have a copy of elsewhere.
/// Every input is a different fact of the round (who, what, when, with which key), and
/// grouping them would only move the list into a struct literal at the one call site.
#[allow(clippy::too_many_arguments)]
pub async fn push<H: Host>(
    host: &H,
    key: &TeamKey,
    device: &str,
    state: &SyncState,
    outbox: &Replica,
    drop: &[String],
    hlc: Hlc,
    mut nonce: impl FnMut() -> [u8; NONCE_LEN],
    now_ms: i64,
) -> Result<PushResult, SyncError> {
    let mut next = state.clone();
    let lost: Vec<String> =
        verify_own(host, device, &mut next).await?.into_iter().filter(|n| !drop.contains(n)).collect();
    if !lost.is_empty() {
        return Ok(PushResult { state: state.clone(), chunk: None, lost });
    }
    let head_ok = next.head_written_ms.is_some() && head_is_ours(host, key, device, state).await?;
    let empty = outbox.docs.is_empty() && outbox.entries.is_empty();
    let mut written = None;
    if !empty {
        for part in split(outbox) {
            let bytes = seal_chunk(key, nonce(), &Chunk::new(device, part));
            let name = chunk_name(&bytes);
            let size = bytes.len() as u64;
            host.put(&chunk_path(device, &name), bytes).await?;
            next.published_sizes.insert(name.clone(), size);
            if !next.published.contains(&name) {
                next.published.push(name.clone());
            }
            written.get_or_insert(name);
        }
    }
    let known: BTreeMap<String, i64> = next.peers.iter().map(|(d, p)| (d.clone(), p.content_ms)).collect();
    let (named, in_step) = head_known(&next, &known);
    if empty && head_ok && drop.is_empty() && known == next.announced && !claim_moved(&next, in_step) {
        return Ok(PushResult { state: next, chunk: None, lost });
    }
    next.published.retain(|n| !drop.contains(n));
    next.published_sizes.retain(|n, _| !drop.contains(n));
    next.dropped.extend(drop.iter().cloned());
    next.announced = known.clone();
    if written.is_some() || !drop.is_empty() || next.content_ms.is_none() {
        next.content_ms = Some(now_ms);
    }
    let mut head = Head::new(device, next.published.clone(), hlc.clone(), named, now_ms)
        .with_checkpoints(next.checkpoints.clone());
    head.content_ms = next.content_ms;
    head.in_step_ms = in_step;
    next.announced_in_step = in_step;
    host.put(&head_path(device), seal_head(key, nonce(), &head)).await?;
    next.last_sync_ms = Some(now_ms);
    next.head_written_ms = Some(now_ms);
    next.head_hlc = Some(hlc);
    Ok(PushResult { state: next, chunk: written, lost })
}

/// What a head says this device has read: every device with what it merged of it, or,
/// from [`COMPACT_KNOWN_AFTER`] devices on, only the devices it has not been in step with
/// lately ([`PeerState::current_ms`] older than an index may be) and the time up to which
/// it read all the rest — the oldest of their `current_ms`, less the clock skew allowed
/// ([`MAX_SKEW_MS`]), so a device whose clock runs a little behind is not claimed read
/// for changes it published after the pull.
pub(super) fn head_known(state: &SyncState, known: &BTreeMap<String, i64>) -> (BTreeMap<String, i64>, Option<i64>) {
    let Some(at) = state.last_sync_ms.filter(|_| known.len() >= COMPACT_KNOWN_AFTER) else {
        return (known.clone(), None);
    };
    // In step as of a recent pull (directly, or through an index no older than an index
    // may be); the claim is the oldest of those times.
    let since = at.saturating_sub(INDEX_FRESH_MS);
    let current = |d: &String| state.peers.get(d).and_then(|p| p.current_ms).filter(|c| *c >= since && *c <= at);
    let named = known.iter().filter(|(d, _)| current(d).is_none()).map(|(d, ms)| (d.clone(), *ms)).collect();
    let oldest = known.keys().filter_map(current).min().unwrap_or(at);
    (named, Some(oldest.saturating_sub(MAX_SKEW_MS)))
}

/// Whether a head claiming `in_step` would tell peers more than the last one did: the
/// last claim fell short of the newest changes this device has merged and this one
/// reaches further. Without it, a team going quiet would never learn that everyone has
/// read everyone's last changes.
fn claim_moved(state: &SyncState, in_step: Option<i64>) -> bool {
    let Some(t) = in_step else { return false };
    let newest = state.peers.values().filter(|p| p.current_ms.is_some()).map(|p| p.content_ms).max();
    match (state.announced_in_step, newest) {
        (None, _) => true,
        (Some(prev), Some(newest)) => prev < newest && t > prev,
        (Some(_), None) => false,
    }
}

/// Whether the host still has the head this device last wrote (not missing, not an
/// older one put back) and it lists every chunk this device published: another tab's
/// round may have written a head without a chunk this one published meanwhile. Trouble
/// reading it counts as "write it again".
async fn head_is_ours<H: Host>(host: &H, key: &TeamKey, device: &str, state: &SyncState) -> Result<bool, SyncError> {
    match host.get(&head_path(device), None, MAX_HEAD_BYTES).await {
        Ok(Fetched::Found { bytes, .. }) => Ok(open_head(key, &bytes, device)
            .map(|h| {
                let listed: BTreeSet<&String> = h.chunks.iter().collect();
                state.head_hlc.as_ref().is_none_or(|mine| h.hlc >= *mine)
                    && state.published.iter().all(|n| listed.contains(n))
                    && h.checkpoints == state.checkpoints
            })
            .unwrap_or(false)),
        Ok(_) => Ok(false),
        Err(e) => per_file(e).map(|_| false),
    }
}

/// Checks up to [`VERIFY_PER_ROUND`] own chunks, in turn, and returns those the host lost
/// or cut short (a size other than the one written, where the host tells sizes).
async fn verify_own<H: Host>(host: &H, device: &str, state: &mut SyncState) -> Result<Vec<String>, SyncError> {
    let own = state.own_files();
    let n = own.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    let mut lost = Vec::new();
    let start = state.verify_cursor % n;
    for i in 0..VERIFY_PER_ROUND.min(n) {
        let name = &own[(start + i) % n];
        match host.presence(&chunk_path(device, name)).await {
            Ok(Presence::Missing) => lost.push(name.clone()),
            Ok(Presence::Present(Some(n))) if state.published_sizes.get(name).is_some_and(|m| *m != n) => {
                lost.push(name.clone())
            }
            Ok(Presence::Present(_)) => {}
            Err(e) => {
                per_file(e)?;
            }
        }
    }
    state.verify_cursor = (start + VERIFY_PER_ROUND.min(n)) % n;
    Ok(lost)
}

impl SyncState {
    /// Every file this device's head lists: its checkpoints, then its chunks.
    pub fn own_files(&self) -> Vec<String> {
        self.checkpoints.iter().map(|c| c.name.clone()).chain(self.published.iter().cloned()).collect()
    }
}

/// Checks a head's lists before anything in them becomes a URL.
fn check_head(head: &Head) -> Result<(), Refusal> {
    if head.checkpoints.len() > MAX_HEAD_CHECKPOINTS {
        return Err(Refusal::BadHead(format!("{} checkpoints listed", head.checkpoints.len())));
    }
    if let Some(bad) = head.checkpoints.iter().find(|c| !valid_chunk_name(&c.name)) {
        return Err(Refusal::BadHead(format!("checkpoint name {:?}", bad.name.chars().take(80).collect::<String>())));
    }
    if head.chunks.len() > MAX_HEAD_CHUNKS {
        return Err(Refusal::BadHead(format!("{} chunks listed", head.chunks.len())));
    }
    if let Some(bad) = head.chunks.iter().find(|n| !valid_chunk_name(n)) {
        return Err(Refusal::BadHead(format!("chunk name {:?}", bad.chars().take(80).collect::<String>())));
    }
    if head.known_devices.len() > MAX_KNOWN_DEVICES {
        return Err(Refusal::BadHead(format!("{} devices named", head.known_devices.len())));
    }
    if let Some(bad) = head.known_devices.keys().find(|d| !valid_device_name(d)) {
        return Err(Refusal::BadHead(format!("device name {:?}", bad.chars().take(80).collect::<String>())));
    }
    Ok(())
}

/// Chunk names are SHA-256 in lowercase hex.
pub fn valid_chunk_name(name: &str) -> bool {
    name.len() == 64 && name.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Refuses every field change and entry of `chunk` whose seal does not hold, keeping
/// each refused record verbatim for the quarantine. A broken seal never heals, so the
/// refusal is final: the rest of the chunk goes on and the chunk counts as merged.
pub(super) fn refuse_broken_seals(chunk: &mut Replica, device: &str, path: &str, out: &mut PullResult) {
    let mut emptied = Vec::new();
    for doc in chunk.docs.values_mut() {
        let broken: Vec<(String, SealError)> = doc
            .fields
            .iter()
            .filter_map(|(f, r)| verify_register(&doc.id, &doc.kind, f, r).err().map(|e| (f.clone(), e)))
            .collect();
        let Some((_, error)) = broken.first().cloned() else {
            continue;
        };
        let mut refused = Document::new(&doc.id, &doc.kind);
        for (f, _) in &broken {
            if let Some(r) = doc.fields.remove(f) {
                refused.fields.insert(f.clone(), r);
            }
        }
        if doc.fields.is_empty() {
            emptied.push(doc.id.clone());
        }
        let record = serde_json::to_value(&refused).ok();
        let reason = Refusal::BadSeal { id: doc.id.clone(), error };
        out.rejected.push(Rejected { device: device.into(), path: path.into(), reason, record });
    }
    for id in emptied {
        chunk.docs.remove(&id);
    }
    let broken: Vec<(String, SealError)> =
        chunk.entries.iter().filter_map(|(id, e)| verify_entry(e).err().map(|err| (id.clone(), err))).collect();
    for (id, error) in broken {
        let record = chunk.entries.remove(&id).and_then(|e| serde_json::to_value(e).ok());
        let reason = Refusal::BadSeal { id, error };
        out.rejected.push(Rejected { device: device.into(), path: path.into(), reason, record });
    }
}

/// Refuses the entries of a chunk dated more than [`MAX_SKEW_MS`] before `floor_ms`,
/// the newest stamp of the chunks its device published before it (issue 15: no
/// backdating). A device's clock never runs backwards (`record::hlc`), so only a
/// tampered device writes such an entry. Every device reads a device's chunks in the
/// order its head lists them, so every device draws the same line.
pub(super) fn refuse_backdated(chunk: &mut Replica, floor_ms: i64, device: &str, path: &str, out: &mut PullResult) {
    let line = floor_ms.saturating_sub(MAX_SKEW_MS);
    let late: Vec<String> =
        chunk.entries.iter().filter(|(_, e)| e.stamp.wall_ms < line).map(|(id, _)| id.clone()).collect();
    for id in late {
        let Some(e) = chunk.entries.remove(&id) else { continue };
        let reason = Refusal::Backdated { id, at_ms: e.stamp.wall_ms, floor_ms };
        let record = serde_json::to_value(&e).ok();
        out.rejected.push(Rejected { device: device.into(), path: path.into(), reason, record });
    }
}

/// Takes what a chunk may bring into this round's incoming changes: changes whose seal
/// does not hold are refused for good, changes stamped after `accept_until_ms` are held
/// back (counted in `held`), and a document whose kind differs from the same id already
/// incoming is refused. Returns whether everything was taken (the chunk may be marked
/// merged).
fn admit(mut chunk: Replica, device: &str, path: &str, accept_until_ms: i64, out: &mut PullResult) -> bool {
    refuse_broken_seals(&mut chunk, device, path, out);
    let mut complete = true;
    let (mut count, mut ahead) = (0usize, 0i64);
    let mut taken = Replica::default();
    for (id, mut doc) in chunk.docs {
        if let Some(kept) = out.incoming.docs.get(&id).filter(|k| k.kind != doc.kind) {
            // Two kinds for one id in one round: the version created first (its earliest
            // stamp) stays, whatever order the devices were read in.
            let (stay, refuse) = if created(&doc) < created(kept) {
                let earlier = out.incoming.docs.remove(&id);
                (doc, earlier)
            } else {
                (Document::new("", ""), Some(doc))
            };
            if let Some(refused) = refuse {
                let reason = Refusal::KindChanged {
                    id: id.clone(),
                    kept: if stay.id.is_empty() { kept_kind(out, &id) } else { stay.kind.clone() },
                    found: refused.kind.clone(),
                };
                let record = serde_json::to_value(&refused).ok();
                out.rejected.push(Rejected { device: device.into(), path: path.into(), reason, record });
            }
            if stay.id.is_empty() {
                continue;
            }
            doc = stay;
        }
        let before = doc.fields.len();
        doc.fields.retain(|_, r| {
            let keep = r.stamp.wall_ms <= accept_until_ms;
            if !keep {
                ahead = ahead.max(r.stamp.wall_ms.saturating_sub(accept_until_ms));
            }
            keep
        });
        count += before - doc.fields.len();
        if !doc.fields.is_empty() || before == 0 {
            taken.docs.insert(id, doc);
        }
    }
    for (id, e) in chunk.entries {
        if e.stamp.wall_ms > accept_until_ms {
            ahead = ahead.max(e.stamp.wall_ms.saturating_sub(accept_until_ms));
            count += 1;
        } else {
            taken.entries.insert(id, e);
        }
    }
    if count > 0 {
        complete = false;
        match out.held.iter_mut().find(|h| h.device == device) {
            Some(h) => {
                h.count += count;
                h.ahead_ms = h.ahead_ms.max(ahead);
            }
            None => out.held.push(Held { device: device.into(), count, ahead_ms: ahead }),
        }
    }
    out.incoming = std::mem::take(&mut out.incoming).merge(taken);
    complete
}

/// When a document version was created: its earliest stamp.
fn created(d: &Document) -> Option<&Hlc> {
    d.fields.values().map(|r| &r.stamp).min()
}

fn kept_kind(out: &PullResult, id: &str) -> String {
    out.incoming.docs.get(id).map(|d| d.kind.clone()).unwrap_or_default()
}

/// Reads one device's head (conditionally, with `etag`) and the chunks it lists that
/// this device has not merged. Returns the head's `known_devices` for discovery, or
/// `None` when no head was read.
#[allow(clippy::too_many_arguments)]
async fn read_peer<H: Host>(
    host: &H,
    key: &TeamKey,
    peer: &str,
    etag: Option<&str>,
    accept_until_ms: i64,
    out: &mut PullResult,
) -> Result<Option<Head>, SyncError> {
    let path = head_path(peer);
    let known = out.state.peers.get(peer).cloned().unwrap_or_default();
    let reject = |out: &mut PullResult, path: String, reason: Refusal| {
        out.rejected.push(Rejected { device: peer.into(), path, reason, record: None });
    };
    let (bytes, new_etag) = match host.get(&path, etag, MAX_HEAD_BYTES).await {
        Ok(Fetched::NotModified) => return Ok(None),
        Ok(Fetched::Missing) => {
            out.absent.insert(peer.to_owned());
            return Ok(None);
        }
        Ok(Fetched::Found { bytes, etag }) => (bytes, etag),
        Err(e) => {
            reject(out, path, per_file(e)?);
            return Ok(None);
        }
    };
    let head = match open_checked(key, &bytes, peer) {
        Ok(h) => h,
        Err(reason) => {
            reject(out, path, reason);
            return Ok(None);
        }
    };
    if known.head_hlc.as_ref().is_some_and(|seen| head.hlc < *seen) {
        reject(out, path, Refusal::Rollback);
        return Ok(None);
    }
    take_head(host, key, peer, head, sealed_data(&bytes), new_etag, accept_until_ms, out).await.map(Some)
}

/// Opens a head and checks its lists before anything in them becomes a URL.
pub(super) fn open_checked(key: &TeamKey, bytes: &[u8], peer: &str) -> Result<Head, Refusal> {
    open_head(key, bytes, peer).map_err(Refusal::from).and_then(|h| check_head(&h).map(|_| h))
}

/// Takes one device's head, opened and checked (read from its folder, or carried by a
/// team index): fetches the files it lists that this device has not merged, and
/// records what was merged. `data` is the head's sealed body, kept for an index.
#[allow(clippy::too_many_arguments)]
pub(super) async fn take_head<H: Host>(
    host: &H,
    key: &TeamKey,
    peer: &str,
    head: Head,
    data: Option<String>,
    new_etag: Option<String>,
    accept_until_ms: i64,
    out: &mut PullResult,
) -> Result<Head, SyncError> {
    let known = out.state.peers.get(peer).cloned().unwrap_or_default();
    let reject = |out: &mut PullResult, path: String, reason: Refusal| {
        out.rejected.push(Rejected { device: peer.into(), path, reason, record: None });
    };
    if let Some(d) = data {
        out.heads.insert(peer.to_owned(), d);
    }
    out.heads_read += 1;
    let mut merged = known.merged.clone();
    let mut complete = true;
    let mut chunk_high = known.chunk_high.clone();
    chunk_high.retain(|n, _| head.chunks.contains(n));
    let mut floor_ms = i64::MIN;
    for cp in &head.checkpoints {
        // Everything a checkpoint holds was listed in the head it covers: a reader that
        // merged all of that head (or a later one) has it already.
        let have = known.merged.contains(&cp.name) || known.complete_hlc.as_ref().is_some_and(|c| *c >= cp.covers);
        if !have {
            let cpath = chunk_path(peer, &cp.name);
            let got = fetch_file(host, &cpath, out).await;
            let opened = match got {
                Ok(Fetched::Found { bytes, .. }) => {
                    open_checkpoint(key, &bytes, peer, &cp.name).map_err(Refusal::from).and_then(|c| {
                        if c.covers == cp.covers && c.high_ms == cp.high_ms {
                            Ok(c)
                        } else {
                            Err(Refusal::BadHead("a checkpoint that says otherwise than its head".into()))
                        }
                    })
                }
                Ok(Fetched::Missing | Fetched::NotModified) => Err(Refusal::Missing),
                Err(e) => Err(per_file(e)?),
            };
            match opened {
                Ok(mut c) => {
                    out.chunks_fetched += 1;
                    refuse_backdated(&mut c.replica, floor_ms, peer, &cpath, out);
                    if admit(c.replica, peer, &cpath, accept_until_ms, out) {
                        merged.insert(cp.name.clone());
                    } else {
                        complete = false;
                    }
                }
                Err(reason) => {
                    reject(out, cpath, reason);
                    complete = false;
                }
            }
        } else {
            merged.insert(cp.name.clone());
        }
        // The declared line, so a reader that skipped the file draws the same one.
        floor_ms = floor_ms.max(cp.high_ms);
    }
    for name in &head.chunks {
        if known.merged.contains(name) {
            if let Some(h) = chunk_high.get(name) {
                floor_ms = floor_ms.max(*h);
            }
            continue;
        }
        let cpath = chunk_path(peer, name);
        let got = fetch_file(host, &cpath, out).await;
        let opened = match got {
            Ok(Fetched::Found { bytes, .. }) => open_chunk(key, &bytes, peer, name).map_err(Refusal::from),
            // A head naming a chunk the host lacks: retry next time (its author
            // republishes what its host lost).
            Ok(Fetched::Missing | Fetched::NotModified) => Err(Refusal::Missing),
            Err(e) => Err(per_file(e)?),
        };
        match opened {
            Ok(mut c) => {
                out.chunks_fetched += 1;
                let high = c.replica.stamps().map(|h| h.wall_ms).max();
                refuse_backdated(&mut c.replica, floor_ms, peer, &cpath, out);
                if let Some(h) = high {
                    chunk_high.insert(name.clone(), h);
                    floor_ms = floor_ms.max(h);
                }
                if admit(c.replica, peer, &cpath, accept_until_ms, out) {
                    merged.insert(name.clone());
                } else {
                    complete = false;
                }
            }
            Err(reason) => {
                reject(out, cpath, reason);
                complete = false;
            }
        }
    }
    // Names the head no longer lists (folded into a checkpoint) are forgotten.
    merged.retain(|n| head.chunks.contains(n) || head.checkpoints.iter().any(|c| c.name == *n));
    let entry = out.state.peers.entry(peer.to_owned()).or_default();
    entry.unmerged =
        head.chunks.iter().chain(head.checkpoints.iter().map(|c| &c.name)).filter(|n| !merged.contains(*n)).count();
    entry.merged = merged;
    entry.head_hlc = Some(head.hlc.clone());
    entry.known_devices = head.known_devices.clone();
    entry.in_step_ms = head.in_step_ms;
    entry.chunk_high = chunk_high;
    if complete {
        // Only a fully merged head may be skipped by ETag next time.
        entry.etag = new_etag;
        entry.head_written_ms = head.written_ms;
        entry.content_ms = head.content();
        if entry.complete_hlc.as_ref().is_none_or(|c| *c < head.hlc) {
            entry.complete_hlc = Some(head.hlc.clone());
        }
    }
    Ok(head)
}

/// Reads every other device's new chunks. Devices are found in the host's listing of
/// `devices/`; where the host cannot list (or its listing lacks this device's own folder
/// after it published, so it is no listing of that folder), in the announcement slots
/// ([`super::members`]). Heads' `known_devices`, the devices read before and
/// `extra_devices` (the inviter named in an invite link) are read too. Changes stamped
/// after `accept_until_ms` are held back until a later round.
pub async fn pull<H: Host>(
    host: &H,
    key: &TeamKey,
    device: &str,
    state: &SyncState,
    extra_devices: &[String],
    now_ms: i64,
    accept_until_ms: i64,
) -> Result<PullResult, SyncError> {
    let keep_fetched = index_writers(state, device, now_ms).iter().any(|w| w == device);
    let mut out = PullResult { state: state.clone(), keep_fetched, ..Default::default() };
    let listed = match host.list_devices().await {
        Ok(l) => l,
        // A listing the host refuses is no listing: heads and announcements name the team.
        Err(e) => {
            per_file(e)?;
            None
        }
    };
    let published = state.head_written_ms.is_some();
    out.listing = match &listed {
        Some(l) if published && l.iter().any(|d| d == device) => ListingSeen::Shown,
        Some(_) if !published => ListingSeen::Unproven,
        _ => ListingSeen::Unusable,
    };
    let mut queue: BTreeSet<String> = match (listed, out.listing) {
        (Some(l), ListingSeen::Shown) => l.into_iter().collect(),
        (l, _) => {
            let mut q: BTreeSet<String> = l.unwrap_or_default().into_iter().collect();
            q.extend(read_members(host, key, &mut out.state, &mut out.rejected).await?);
            q
        }
    };
    queue.extend(state.peers.keys().cloned());
    queue.extend(extra_devices.iter().cloned());
    let mut done: BTreeSet<String> = BTreeSet::new();
    // The newest head of each device that any head read this round says it has seen.
    let mut seen_by_others: BTreeMap<String, i64> = BTreeMap::new();
    let mut unchanged: Vec<String> = Vec::new();
    let mut read_written: BTreeMap<String, i64> = BTreeMap::new();
    let mut took = |head: Option<Head>, peer: String, done: &BTreeSet<String>, queue: &mut BTreeSet<String>| match head
    {
        Some(head) => {
            read_written.insert(peer, head.content());
            for (d, ms) in &head.known_devices {
                let e = seen_by_others.entry(d.clone()).or_insert(*ms);
                *e = (*e).max(*ms);
                if !done.contains(d) {
                    queue.insert(d.clone());
                }
            }
        }
        None => unchanged.push(peer),
    };
    // A team index (`super::index`) stands in for the heads it carries; a few of them are
    // read directly all the same, and an index caught leaving out a head is bypassed.
    // Devices taken through an index are known only as of when it was written.
    let mut index_as_of: Option<(i64, BTreeSet<String>)> = None;
    if let Some(index) = read_index(host, key, device, now_ms, &mut out).await? {
        let writer = index.writer.clone();
        let mut trusted = true;
        // Files the heads it carries list, from its day files, each checked by name.
        take_days(host, &index, &mut out).await?;
        for peer in spot_checks(&index, device, &mut out.state) {
            if !done.insert(peer.clone()) {
                continue;
            }
            let etag = out.state.peers.get(&peer).and_then(|p| p.etag.clone());
            out.index_requests += 1;
            let head = read_peer(host, key, &peer, etag.as_deref(), accept_until_ms, &mut out).await?;
            if let (Some(h), Some(carried)) = (&head, index.covered.get(&peer)) {
                if h.hlc > *carried && h.written_ms.saturating_add(MAX_SKEW_MS) < index.written_ms {
                    trusted = false;
                    let reason = Refusal::Withheld(peer.clone());
                    out.rejected.push(Rejected {
                        device: writer.clone(),
                        path: index_path(&writer),
                        reason,
                        record: None,
                    });
                }
            }
            took(head, peer, &done, &mut queue);
        }
        if trusted {
            out.index_used = Some(writer.clone());
            index_as_of = Some((index.written_ms, index.covered.keys().cloned().collect()));
            for (peer, carried) in &index.covered {
                if *peer == device || done.contains(peer) || !valid_device_name(peer) {
                    continue;
                }
                let known = out.state.peers.get(peer).cloned().unwrap_or_default();
                let Some(data) = index.heads.get(peer) else {
                    // The index did not change since it was last read: a device it covers
                    // whose head this device holds in full needs nothing.
                    if known.head_hlc.as_ref() == Some(carried)
                        && known.unmerged == 0
                        && known.complete_hlc == known.head_hlc
                    {
                        done.insert(peer.clone());
                        took(None, peer.clone(), &done, &mut queue);
                    }
                    continue;
                };
                // Older than a head already read: the index is behind on that device (it
                // is read directly below).
                if known.head_hlc.as_ref().is_some_and(|seen| data.1.hlc < *seen) {
                    continue;
                }
                done.insert(peer.clone());
                let (body, h) = data.clone();
                let head =
                    take_head(host, key, peer, h, Some(body), known.etag.clone(), accept_until_ms, &mut out).await?;
                took(Some(head), peer.clone(), &done, &mut queue);
            }
        }
    }
    while let Some(peer) = queue.pop_first() {
        if peer == device || !done.insert(peer.clone()) || !valid_device_name(&peer) {
            continue;
        }
        let etag = out.state.peers.get(&peer).and_then(|p| p.etag.clone());
        let head = read_peer(host, key, &peer, etag.as_deref(), accept_until_ms, &mut out).await?;
        took(head, peer, &done, &mut queue);
    }
    // A head the host answered 304 (or not at all) for, or an index carried, while another
    // device has read a newer one: ask again without the ETag, and name a host that still
    // serves the old one.
    for peer in done.iter().cloned() {
        let Some(&seen) = seen_by_others.get(&peer) else { continue };
        if out.rejected.iter().any(|r| r.path == head_path(&peer)) {
            continue;
        }
        let mut have = read_written
            .get(&peer)
            .copied()
            .unwrap_or_else(|| out.state.peers.get(&peer).map_or(i64::MIN, |p| p.content_ms));
        // Also a head taken from an index, which may be behind: the one on the host wins.
        let from_index = index_as_of.as_ref().is_some_and(|(_, covered)| covered.contains(&peer));
        if have < seen && (unchanged.contains(&peer) || from_index) {
            if let Some(h) = read_peer(host, key, &peer, None, accept_until_ms, &mut out).await? {
                have = h.content();
            }
        }
        if have < seen {
            let path = head_path(&peer);
            if !out.rejected.iter().any(|r| r.path == path) {
                out.rejected.push(Rejected { device: peer, path, reason: Refusal::Stale, record: None });
            }
        }
    }
    // Devices whose newest head this device now holds in full: a head it writes claims
    // them read (smaller heads, `head_known`).
    for (peer, p) in out.state.peers.iter_mut() {
        let troubled = out.rejected.iter().any(|r| r.device == *peer) || out.held.iter().any(|h| h.device == *peer);
        let complete = p.unmerged == 0 && p.complete_hlc.is_some() && p.complete_hlc == p.head_hlc;
        if done.contains(peer) && !troubled && complete && !out.absent.contains(peer) {
            let as_of = index_as_of.as_ref().filter(|(_, covered)| covered.contains(peer)).map(|(ms, _)| *ms);
            p.current_ms = Some(as_of.unwrap_or(now_ms).min(now_ms));
        }
    }
    out.state.last_sync_ms = Some(now_ms);
    Ok(out)
}

/// Device ids are generated UUIDs; anything else in a listing is ignored, never fetched.
pub fn valid_device_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= 64 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Everything stamped by `device` in `r`: what this device authored and still holds,
/// published again when the host lost one of its chunks ([`push`]).
pub fn authored_by(r: &Replica, device: &str) -> Replica {
    let mut out = Replica::default();
    for (id, d) in &r.docs {
        let fields: BTreeMap<_, _> = d
            .fields
            .iter()
            .filter(|(_, reg)| reg.stamp.device == device)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if !fields.is_empty() {
            out.docs.insert(id.clone(), Document { id: d.id.clone(), kind: d.kind.clone(), fields });
        }
    }
    for (id, e) in &r.entries {
        if e.stamp.device == device {
            out.entries.insert(id.clone(), e.clone());
        }
    }
    out
}
