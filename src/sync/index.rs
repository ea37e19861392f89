//! The team index (issue 19): one request instead of one per head.
//!
//! A daily pull of a big team used to read every device's head (one conditional `GET`
//! each). Now designated devices, after each of their rounds, write a [`TeamIndex`]
//! carrying, for every device they were in step with at that round's pull
//! ([`PeerState::current_ms`]), that device's newest head **verbatim** — the sealed body
//! its own device wrote: `devices/<device>/index-heads.json` (the heads), then
//! `devices/<device>/index.json` (a small stamp sealed under the team key: when, by whom,
//! the day files, and the SHA-256 of the heads file). A reader makes one conditional
//! `GET` of the stamp — and of the heads only when the stamp is fresh and names other
//! heads than it last read — and opens each head in it exactly as if it had read it
//! from the device's folder (`open_head`: team key, the device's header bound as
//! associated data), then fetches the files it lists as before, each checked against its
//! name. So the index can leave a head out or carry an older one, but it cannot alter
//! one, nor move one to another device, nor inject a file: nothing from it is taken that
//! its author's device did not seal.
//!
//! **Who writes it.** Deterministic, no setting: the [`INDEX_WRITERS`] lowest device ids
//! among the devices that wrote a head in the last [`ACTIVE_MS`] (this device included),
//! once a device knows [`INDEX_MIN_DEVICES`] of them. The second is the stand-in: a reader
//! reads the first one's index and, when it is missing, refused or stale, the
//! stand-in's. Devices may disagree for a while about who is designated (one has not
//! read a head yet): that costs a missing index (read directly), never data. Designated
//! devices read every head directly; their extra cost is one `GET` of their own index and
//! own head, and one `PUT` of the index, per round that changes it.
//!
//! **What a reader never takes on trust.**
//! - An index older than [`INDEX_FRESH_MS`] (by its writer's clock, the time of the pull
//!   it reports), or dated ahead of this device's clock by more than the skew allowed,
//!   is not used: every head is read directly.
//! - An index older (by its writer's clock) than one already read from that writer is a
//!   replay: refused ([`Refusal::Rollback`]), the stand-in's or the heads are read.
//! - A head in it that does not open (tampered, another team's key, cut short) is
//!   refused by name and the device is read directly; a head older than one this device
//!   already read means the index is behind on that device: read directly.
//! - A device the index does not name is read directly.
//! - [`SPOT_CHECKS`] devices the index covers, in turn, are read directly every pull. A
//!   head read so that is newer than the one the index carries, and was written well
//!   before the index (more than the clock skew allowed), means the index withheld it:
//!   refused ([`Refusal::Withheld`]) and the whole index bypassed this round.
//!
//! A fresh index still cannot show what was published after its writer's last pull: a
//! reader using it can receive a change up to [`INDEX_FRESH_MS`] later than a reader
//! reading every head — about as late as a tablet out of signal for half an hour. That is
//! the trade: the claims of P6 and handovers arrive within half an hour, and a team of
//! 200 pays one request for its heads instead of 200.
//!
//! **Day files.** A designated device also writes the files it downloaded in its round
//! (other devices' chunks and checkpoints, the exact bytes) into one content-addressed
//! file, `devices/<device>/days/<sha256>.json`, that its index names with the files it
//! holds ([`DayRef`]); trailing day files no larger than the new one are folded into it,
//! as checkpoints are, so an index lists a few of them, and one is listed for
//! [`DAYS_SPAN_MS`]. A reader using the index downloads the day files holding files it
//! needs instead of one request per file, and takes from them only files whose bytes
//! hash to their name (`take_days`): the name the device's own head lists. A day file
//! that is cut short, altered or does not match its name is refused by name; one that
//! leaves files out or changes one only costs the downloads of those files from their
//! folders. Day files are not sealed again (each file in one is sealed by its device,
//! and the sealed index names the day file by its hash); they double a day's chunk
//! bytes on the host, and may expire by age (`docs/sync-hosts.md`).
//!
//! Old apps never read `index.json`, `index-heads.json` or `days/` (they read
//! `head.json` and `chunks/` only, and list folders, not files), and the stamp's kind is
//! bound into its seal, so it never opens as a head. An old app's head in an index is opened like any other.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::crypto::{TeamKey, NONCE_LEN};
use super::engine::{
    chunk_path, head_path, open_checked, per_file, valid_chunk_name, valid_device_name, PeerState, PullResult, Refusal,
    Rejected, SyncError, SyncState, MAX_CHUNK_BYTES, MAX_HEAD_BYTES, MAX_KNOWN_DEVICES,
};
use super::host::{Fetched, Host};
use super::snapshot::{
    chunk_name, head_file, open_head, open_index, open_index_heads, open_index_stamp, seal_index, sealed_data, DayFile,
    DayRef, Head, SnapshotError, TeamIndex, DAY_FORMAT,
};
use crate::record::hlc::{Hlc, MAX_SKEW_MS};

/// How many devices write an index: the first, and a stand-in.
pub const INDEX_WRITERS: usize = 2;
/// From how many devices that wrote recently (this one included) an index is written
/// and read: below, one request per head is cheap, and heads list the whole team.
pub const INDEX_MIN_DEVICES: usize = 8;
/// A device counts as a writer of the team when it wrote a head this recently.
pub const ACTIVE_MS: i64 = 2 * 86_400_000;
/// An index older than this is not used: the longest a change may wait for a reader
/// using an index.
pub const INDEX_FRESH_MS: i64 = 30 * 60_000;
/// Devices an index covers that are read directly all the same, each pull, in turn.
pub const SPOT_CHECKS: usize = 2;
/// The largest index this app reads.
pub const MAX_INDEX_BYTES: usize = MAX_CHUNK_BYTES;
/// How long an index lists a day file: a reader that pulls at least this often finds
/// everything it lacks in day files.
pub const DAYS_SPAN_MS: i64 = 30 * 3_600_000;
/// Day files written longer ago than this are not folded into a new one: a day's
/// files stay apart from the day before's, which a reader pulling daily already has.
pub const DAY_FOLD_MS: i64 = 12 * 3_600_000;
/// The largest day file this app reads or writes.
pub const MAX_DAY_BYTES: usize = MAX_CHUNK_BYTES;

pub fn day_path(device: &str, name: &str) -> String {
    format!("devices/{device}/days/{name}.json")
}

pub fn index_path(device: &str) -> String {
    format!("devices/{device}/index.json")
}

/// Where the heads of a team index are ([`super::snapshot::IndexHeads`]).
pub fn index_heads_path(device: &str) -> String {
    format!("devices/{device}/index-heads.json")
}

/// The team index last read, remembered between pulls.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexSeen {
    pub writer: String,
    pub hlc: Option<Hlc>,
    pub written_ms: i64,
    pub etag: Option<String>,
    /// The clock of the head it carried for each device.
    pub covered: BTreeMap<String, Hlc>,
    /// The hash of the heads file it named.
    #[serde(default)]
    pub heads_sha: Option<String>,
}

/// One index as a pull uses it.
#[derive(Debug, Clone, Default)]
pub(super) struct IndexRead {
    pub writer: String,
    pub written_ms: i64,
    /// The clock of the head it carries for each device (every one that opened).
    pub covered: BTreeMap<String, Hlc>,
    /// The heads read this time, opened, with their sealed body; empty when the index
    /// did not change since it was last read.
    pub heads: BTreeMap<String, (String, Head)>,
    /// The day files it lists (read this time).
    pub days: Vec<DayRef>,
}

/// The designated devices, first the writer, then its stand-in; none for a team smaller
/// than [`INDEX_MIN_DEVICES`] (see the module docs).
pub fn index_writers(state: &SyncState, me: &str, now_ms: i64) -> Vec<String> {
    let recent = |w: i64| w >= now_ms.saturating_sub(ACTIVE_MS);
    let mut ids: Vec<&str> = state
        .peers
        .iter()
        .filter(|(d, p)| d.as_str() != me && p.head_hlc.is_some() && recent(p.head_written_ms) && valid_device_name(d))
        .map(|(d, _)| d.as_str())
        .collect();
    if state.head_written_ms.is_some_and(recent) {
        ids.push(me);
    }
    if ids.len() < INDEX_MIN_DEVICES {
        return Vec::new();
    }
    ids.sort_unstable();
    ids.into_iter().take(INDEX_WRITERS).map(str::to_owned).collect()
}

fn fresh(written_ms: i64, now_ms: i64) -> bool {
    written_ms <= now_ms.saturating_add(MAX_SKEW_MS) && now_ms.saturating_sub(written_ms) <= INDEX_FRESH_MS
}

/// The index this pull may use: the designated writer's, else its stand-in's; `None`
/// when this device is designated itself, the team is small, or no index is usable.
/// Refusals go to `out.rejected`, under the writer's name.
pub(super) async fn read_index<H: Host>(
    host: &H,
    key: &TeamKey,
    device: &str,
    now_ms: i64,
    out: &mut PullResult,
) -> Result<Option<IndexRead>, SyncError> {
    let writers = index_writers(&out.state, device, now_ms);
    if writers.iter().any(|w| w == device) {
        return Ok(None);
    }
    for writer in writers {
        let path = index_path(&writer);
        let seen = out.state.index.clone().filter(|s| s.writer == writer).map(|s| *s);
        let reject = |out: &mut PullResult, path: &str, reason: Refusal| {
            out.rejected.push(Rejected { device: writer.clone(), path: path.to_owned(), reason, record: None });
        };
        out.index_requests += 1;
        let etag = seen.as_ref().and_then(|s| s.etag.as_deref());
        let (bytes, etag) = match host.get(&path, etag, MAX_HEAD_BYTES).await {
            Ok(Fetched::NotModified) => match seen {
                Some(s) if fresh(s.written_ms, now_ms) => {
                    let (written_ms, covered) = (s.written_ms, s.covered);
                    return Ok(Some(IndexRead { writer, written_ms, covered, ..Default::default() }));
                }
                _ => continue,
            },
            Ok(Fetched::Missing) => continue,
            Ok(Fetched::Found { bytes, etag }) => (bytes, etag),
            Err(e) => {
                reject(out, &path, per_file(e)?);
                continue;
            }
        };
        let stamp = match open_index_stamp(key, &bytes, &writer) {
            Ok(i) => i,
            Err(e) => {
                reject(out, &path, Refusal::File(e));
                continue;
            }
        };
        if seen.as_ref().and_then(|s| s.hlc.as_ref()).is_some_and(|h| stamp.hlc < *h) {
            reject(out, &path, Refusal::Rollback);
            continue;
        }
        let mut read = IndexRead {
            writer: writer.clone(),
            written_ms: stamp.written_ms,
            days: stamp.days.clone(),
            ..Default::default()
        };
        let remember = |out: &mut PullResult, covered: BTreeMap<String, Hlc>| {
            out.state.index = Some(Box::new(IndexSeen {
                writer: writer.clone(),
                hlc: Some(stamp.hlc.clone()),
                written_ms: stamp.written_ms,
                etag: etag.clone(),
                covered,
                heads_sha: Some(stamp.heads_sha.clone()),
            }));
        };
        if !fresh(stamp.written_ms, now_ms) {
            // Too old to use: its heads are not downloaded at all.
            let covered = seen.map(|s| s.covered).unwrap_or_default();
            remember(out, covered);
            continue;
        }
        if let Some(s) = seen.as_ref().filter(|s| s.heads_sha.as_deref() == Some(stamp.heads_sha.as_str())) {
            // The same heads as last read: nothing to download.
            read.covered = s.covered.clone();
            remember(out, read.covered.clone());
            return Ok(Some(read));
        }
        let heads_at = index_heads_path(&writer);
        out.index_requests += 1;
        let heads = match host.get(&heads_at, None, MAX_INDEX_BYTES).await {
            Ok(Fetched::Found { bytes, .. }) => open_index_heads(&bytes, &stamp).map_err(Refusal::from),
            Ok(_) => Err(Refusal::Missing),
            Err(e) => Err(per_file(e)?),
        };
        let heads = match heads {
            Ok(h) if h.len() > MAX_KNOWN_DEVICES => {
                reject(out, &heads_at, Refusal::BadHead(format!("an index carrying {} heads", h.len())));
                continue;
            }
            Ok(h) => h,
            // Cut short, altered, or rewritten since the stamp was read.
            Err(reason) => {
                reject(out, &heads_at, reason);
                continue;
            }
        };
        for (peer, data) in heads {
            if !valid_device_name(&peer) {
                continue;
            }
            match open_checked(key, &head_file(&peer, &data), &peer) {
                Ok(h) => {
                    read.covered.insert(peer.clone(), h.hlc.clone());
                    read.heads.insert(peer, (data, h));
                }
                // A head that does not open is refused by name; its device is read
                // directly.
                Err(reason) => reject(out, &heads_at, reason),
            }
        }
        remember(out, read.covered.clone());
        return Ok(Some(read));
    }
    Ok(None)
}

/// Downloads a day file and checks it against its name; `None` when the host does not
/// have it, or the file is not that day file (refused under the writer's name).
async fn get_day<H: Host>(
    host: &H,
    writer: &str,
    day: &DayRef,
    out: Option<&mut PullResult>,
) -> Result<Option<DayFile>, SyncError> {
    let path = day_path(writer, &day.name);
    let refused = |reason: Refusal| Rejected { device: writer.into(), path: path.clone(), reason, record: None };
    let bytes = match host.get(&path, None, MAX_DAY_BYTES).await {
        Ok(Fetched::Found { bytes, .. }) => bytes,
        Ok(_) => return Ok(None),
        Err(e) => {
            let reason = per_file(e)?;
            if let Some(out) = out {
                out.rejected.push(refused(reason));
            }
            return Ok(None);
        }
    };
    let file = (chunk_name(&bytes) == day.name)
        .then(|| serde_json::from_slice::<DayFile>(&bytes).ok())
        .flatten()
        .filter(|f| f.format == DAY_FORMAT && f.device == writer);
    if file.is_none() {
        if let Some(out) = out {
            out.rejected.push(refused(Refusal::File(SnapshotError::HashMismatch)));
        }
    }
    Ok(file)
}

/// Takes from the index's day files the files this pull will need (those the heads it
/// carries list and this device has not merged), each checked against its name — the
/// SHA-256 of its bytes — so a day file can leave a file out (it is downloaded from its
/// device's folder then) but never change one.
pub(super) async fn take_days<H: Host>(host: &H, index: &IndexRead, out: &mut PullResult) -> Result<(), SyncError> {
    let mut needed: BTreeSet<(String, String)> = BTreeSet::new();
    for (peer, (_, head)) in &index.heads {
        let known = out.state.peers.get(peer);
        let merged = |n: &String| known.is_some_and(|k| k.merged.contains(n));
        let covered = |c: &super::snapshot::CheckpointRef| {
            known.and_then(|k| k.complete_hlc.as_ref()).is_some_and(|h| *h >= c.covers)
        };
        for n in head.chunks.iter().filter(|n| !merged(n)) {
            needed.insert((peer.clone(), n.clone()));
        }
        for c in head.checkpoints.iter().filter(|c| !merged(&c.name) && !covered(c)) {
            needed.insert((peer.clone(), c.name.clone()));
        }
    }
    if needed.is_empty() {
        return Ok(());
    }
    let names: BTreeSet<&str> = needed.iter().map(|(_, n)| n.as_str()).collect();
    for day in index.days.iter().filter(|d| valid_chunk_name(&d.name)) {
        if !day.files.iter().any(|f| names.contains(f.as_str())) {
            continue;
        }
        out.index_requests += 1;
        let Some(file) = get_day(host, &index.writer, day, Some(out)).await? else { continue };
        out.day_files += 1;
        for (key, text) in file.files {
            let Some((device, name)) = key.split_once('/') else { continue };
            if needed.contains(&(device.to_owned(), name.to_owned())) && chunk_name(text.as_bytes()) == name {
                out.prefetched.insert(chunk_path(device, name), text.into_bytes());
            }
        }
    }
    Ok(())
}

/// The devices an index covers that this pull reads directly all the same, in turn.
pub(super) fn spot_checks(index: &IndexRead, me: &str, state: &mut SyncState) -> Vec<String> {
    let covered: Vec<&String> = index.covered.keys().filter(|d| d.as_str() != me).collect();
    if covered.is_empty() {
        return Vec::new();
    }
    let start = state.index_cursor % covered.len();
    let n = SPOT_CHECKS.min(covered.len());
    state.index_cursor = (start + n) % covered.len();
    (0..n).map(|i| covered[(start + i) % covered.len()].clone()).collect()
}

/// Writes this device's team index after its round, if it is designated
/// ([`index_writers`]): the newest head of every device it was in step with at the pull
/// (`state.last_sync_ms`), from `pulled` (heads taken this round,
/// [`PullResult::heads`]) or its previous index, and its own head as the host has it.
/// Each is checked to be the head this device merged. Nothing is written when the index
/// would carry the same heads and the last one is still fresh for a while. Returns
/// whether it wrote one.
#[allow(clippy::too_many_arguments)]
pub async fn write_index<H: Host>(
    host: &H,
    key: &TeamKey,
    device: &str,
    state: &SyncState,
    pulled: &BTreeMap<String, String>,
    fetched: &BTreeMap<String, Vec<u8>>,
    hlc: Hlc,
    nonce: [u8; NONCE_LEN],
    now_ms: i64,
) -> Result<bool, SyncError> {
    let Some(at) = state.last_sync_ms else { return Ok(false) };
    if !index_writers(state, device, now_ms).iter().any(|w| w == device) {
        return Ok(false);
    }
    let path = index_path(device);
    let previous = match host.get(&path, None, MAX_HEAD_BYTES).await {
        Ok(Fetched::Found { bytes, .. }) => match host.get(&index_heads_path(device), None, MAX_INDEX_BYTES).await {
            Ok(Fetched::Found { bytes: heads, .. }) => open_index(key, &bytes, &heads, device).ok(),
            Ok(_) => None,
            Err(e) => per_file(e).map(|_| None)?,
        },
        Ok(_) => None,
        Err(e) => per_file(e).map(|_| None)?,
    };
    let is =
        |data: &str, peer: &str, want: &Hlc| open_head(key, &head_file(peer, data), peer).is_ok_and(|h| h.hlc == *want);
    let mut heads: BTreeMap<String, String> = BTreeMap::new();
    for (peer, p) in &state.peers {
        let PeerState { head_hlc: Some(want), current_ms: Some(current), .. } = p else { continue };
        if *current != at {
            continue;
        }
        let carried = previous.as_ref().and_then(|i| i.heads.get(peer));
        if let Some(d) = pulled.get(peer).into_iter().chain(carried).find(|d| is(d, peer, want)) {
            heads.insert(peer.clone(), d.clone());
        }
    }
    if let Some(mine) = &state.head_hlc {
        let own = match host.get(&head_path(device), None, MAX_HEAD_BYTES).await {
            Ok(Fetched::Found { bytes, .. }) => sealed_data(&bytes).filter(|d| is(d, device, mine)),
            Ok(_) => None,
            Err(e) => per_file(e).map(|_| None)?,
        };
        if let Some(d) = own {
            heads.insert(device.to_owned(), d);
        }
    }
    // Every file the heads in the index list, as `<device>/<name>`.
    let mut listed: BTreeSet<String> = BTreeSet::new();
    for (peer, data) in &heads {
        if let Ok(h) = open_head(key, &head_file(peer, data), peer) {
            let names = h.checkpoints.iter().map(|c| &c.name).chain(h.chunks.iter());
            listed.extend(names.map(|n| format!("{peer}/{n}")));
        }
    }
    let days = write_days(host, device, &listed, previous.as_ref(), fetched, at).await?;
    if let Some(prev) = &previous {
        let same = prev.heads == heads && prev.days == days;
        if same && prev.written_ms <= at && at - prev.written_ms < INDEX_FRESH_MS / 2 {
            return Ok(false);
        }
    }
    let same_heads = previous.as_ref().is_some_and(|p| p.heads == heads);
    let mut index = TeamIndex::new(device, hlc, at, heads);
    index.days = days;
    let (stamp, heads) = seal_index(key, nonce, &index);
    // The heads first: a stamp never names heads the host does not have yet.
    if !same_heads {
        host.put(&index_heads_path(device), heads).await?;
    }
    host.put(&path, stamp).await?;
    Ok(true)
}

/// The day files the new index lists: those of the previous one written in the last
/// [`DAYS_SPAN_MS`], and one more holding the files downloaded this round that the
/// index's heads list. Before it is written, the trailing day files no larger than it
/// and written in the last [`DAY_FOLD_MS`] are folded into it (a binary counter, as
/// checkpoints are), so an index lists about log2 of a day's rounds of them; a fold
/// keeps only files a head still lists.
async fn write_days<H: Host>(
    host: &H,
    device: &str,
    listed: &BTreeSet<String>,
    previous: Option<&TeamIndex>,
    fetched: &BTreeMap<String, Vec<u8>>,
    at: i64,
) -> Result<Vec<DayRef>, SyncError> {
    let mut days: Vec<DayRef> = previous.map(|i| i.days.clone()).unwrap_or_default();
    days.retain(|d| d.written_ms <= at && at - d.written_ms <= DAYS_SPAN_MS && valid_chunk_name(&d.name));
    let mut files: BTreeMap<String, String> = fetched
        .iter()
        .filter_map(|(path, bytes)| {
            let (peer, file) = path.strip_prefix("devices/")?.split_once("/chunks/")?;
            let key = format!("{peer}/{}", file.strip_suffix(".json")?);
            listed.contains(&key).then(|| Some((key, String::from_utf8(bytes.clone()).ok()?))).flatten()
        })
        .collect();
    if files.is_empty() {
        return Ok(days);
    }
    let mut size: u64 = files.values().map(|v| v.len() as u64).sum();
    while let Some(last) = days.last() {
        if last.size > size || at.saturating_sub(last.written_ms) > DAY_FOLD_MS {
            break;
        }
        let Some(old) = get_day(host, device, last, None).await? else { break };
        for (k, v) in old.files.into_iter().filter(|(k, _)| listed.contains(k)) {
            files.entry(k).or_insert(v);
        }
        size = files.values().map(|v| v.len() as u64).sum();
        days.pop();
    }
    let names: Vec<String> = files.keys().filter_map(|k| k.split_once('/').map(|(_, n)| n.to_owned())).collect();
    let bytes = serde_json::to_vec(&DayFile::new(device, files)).unwrap_or_default();
    if bytes.len() > MAX_DAY_BYTES {
        return Ok(days);
    }
    let name = chunk_name(&bytes);
    let size = bytes.len() as u64;
    host.put(&day_path(device, &name), bytes).await?;
    days.push(DayRef { name, written_ms: at, size, files: names });
    Ok(days)
}
