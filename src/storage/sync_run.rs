//! One sync round for this device: pull, merge, upload own blobs, push, fetch missing
//! blobs — with every step's result stored in one transaction, so an interruption
//! anywhere loses nothing. Blobs (attachment bytes) are per file: one that fails is
//! reported and retried next round while the records still sync ([`super::blob_sync`]).
//!
//! Also owns the device's identity (`meta` store); the [`Team`] it syncs with, and
//! joining another one, are [`super::team`]'s.

use thiserror::Error;

use super::blob_sync::{fetch_missing, hold_back, own_refs, upload_own, BlobReport};
use super::data::{apply_remote, clock, mark_pushed, outbox, replica, sync_state, unsynced_count};
use super::quarantine::{after_round, put_quarantine, quarantine};
pub use super::team::{save_team, team, S3Team, Team};
use super::{get_typed, put_typed, RecordStore, StorageError, StoreName};
use crate::record::hlc::{HostClock, SkewWarning, MAX_AHEAD_MS};
use crate::record::replica::{Document, Replica};
use crate::sync::compact::{compact, due, republish, Compaction};
use crate::sync::crypto::{CryptoError, TeamKey, NONCE_LEN};
use crate::sync::engine::{authored_by, pull, push, Held, Refusal, Rejected, SyncError};
use crate::sync::host::{Host, HostError};
use crate::sync::index::write_index;
use crate::sync::members::{announce, must_announce};
use crate::sync::status::{team_status, TeamStatus};

const DEVICE_KEY: &str = "device_id";

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SyncRunError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Sync(#[from] SyncError),
    #[error(transparent)]
    Key(#[from] CryptoError),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncReport {
    /// Records that changed locally because of what was pulled.
    pub pulled: usize,
    /// Whether a chunk with this device's changes was published.
    pub pushed: bool,
    /// Files (or records) refused this round; the rest went on. Also in the quarantine.
    pub rejected: Vec<Rejected>,
    /// Devices whose changes are stamped further ahead than the allowed skew: those
    /// changes are held back until the clock catches up.
    pub skew: Vec<SkewWarning>,
    pub held: Vec<Held>,
    /// What became of the host's clock reading (`None`: the host sent no `Date`).
    pub host_clock: Option<HostClock>,
    /// Own chunks the host had lost, whose content was published again.
    pub republished: usize,
    /// Whether every device has seen every other's newest changes, as far as this
    /// device can tell from the heads it read.
    pub status: TeamStatus,
    pub unsynced: usize,
    /// The host refused writes: this device received but could not publish (pull only).
    pub read_only: bool,
    /// Attachment bytes moved this round, and the files that failed.
    pub blobs: BlobReport,
    /// What was pulled, when something changed and it is small enough (at most
    /// [`PATCH_MAX`] records) for lists to patch just the records it names; `None`
    /// otherwise, and lists read everything again.
    pub incoming: Option<Replica>,
}

/// The largest pull lists patch in place rather than re-reading every record.
pub const PATCH_MAX: usize = 2_000;

/// This install's device id, made (by `new_id`) and stored on first use.
pub async fn device_id<S: RecordStore>(s: &S, new_id: impl FnOnce() -> String) -> Result<String, StorageError> {
    if let Some(id) = get_typed::<_, String>(s, StoreName::Meta, DEVICE_KEY).await? {
        return Ok(id);
    }
    let id = new_id();
    put_typed(s, StoreName::Meta, DEVICE_KEY, &id).await?;
    Ok(id)
}

/// Pull, merge, push. A failure leaves whatever earlier steps stored (each is whole)
/// and the outbox intact for the next round. This device's blobs go up before the chunk
/// that names them; other devices' blobs come down after the push, so photos never hold
/// up the records.
pub async fn sync_once<S: RecordStore, H: Host>(
    s: &S,
    host: &H,
    team: &Team,
    device: &str,
    now_ms: i64,
    nonce: impl FnMut() -> [u8; NONCE_LEN],
) -> Result<SyncReport, SyncRunError> {
    sync_once_with(s, host, team, device, now_ms, nonce, Compaction::default()).await
}

/// [`sync_once`] with another compaction policy (tests, the sync simulation).
pub async fn sync_once_with<S: RecordStore, H: Host>(
    s: &S,
    host: &H,
    team: &Team,
    device: &str,
    now_ms: i64,
    mut nonce: impl FnMut() -> [u8; NONCE_LEN],
    policy: Compaction,
) -> Result<SyncReport, SyncRunError> {
    let key = TeamKey::from_text(&team.key)?;
    let mut clk = clock(s, device).await?;
    let state = sync_state(s).await?;
    let extra: Vec<String> = team.inviter.iter().cloned().collect();

    // Changes stamped further ahead of (corrected) time than an hour wait for the clock.
    let accept_until = clk.corrected_now(now_ms).saturating_add(MAX_AHEAD_MS);
    let mut pulled = pull(host, &key, device, &state, &extra, now_ms, accept_until).await?;
    let mut report = SyncReport::default();
    // The host's clock corrects this device's only where the team's stamps agree.
    if let Some(host_now) = host.server_time_ms() {
        let team_newest = pulled.state.peers.values().filter_map(|p| p.head_hlc.as_ref().map(|h| h.wall_ms)).max();
        report.host_clock = Some(clk.correct_to_host(host_now, now_ms, team_newest));
    }
    let now = clk.corrected_now(now_ms);
    for h in &pulled.held {
        report.skew.push(SkewWarning { device: h.device.clone(), ahead_ms: h.ahead_ms.saturating_add(MAX_AHEAD_MS) });
    }
    for stamp in pulled.incoming.stamps() {
        if let Some(w) = clk.observe(stamp, now_ms) {
            if !report.skew.iter().any(|k| k.device == w.device) {
                report.skew.push(w);
            }
        }
    }
    let applied = apply_remote(s, &pulled.incoming, &pulled.state, &clk).await?;
    report.pulled = applied.changed;
    for id in &applied.refused_docs {
        if let Some(doc) = pulled.incoming.docs.remove(id) {
            pulled.rejected.push(refused_doc(s, doc).await?);
        }
    }
    report.rejected = pulled.rejected;
    let heads = std::mem::take(&mut pulled.heads);
    let fetched = std::mem::take(&mut pulled.fetched);
    report.held = pulled.held;
    let size = pulled.incoming.docs.len() + pulled.incoming.entries.len();
    report.incoming = (report.pulled > 0 && size <= PATCH_MAX).then(|| pulled.incoming.clone());
    let old = quarantine(s).await?;
    let kept = after_round(old.clone(), &report.rejected, now);
    if kept != old {
        s.write(vec![put_quarantine(&kept)?]).await?;
    }

    let out = outbox(s).await?;
    let refs = own_refs(s, &out, device).await?;
    let up = upload_own(s, host, &key, device, &refs, &mut nonce, &mut report.blobs).await?;
    let waiting: Vec<String> = out.docs.keys().chain(out.entries.keys()).cloned().collect();
    let publish = hold_back(out, &refs, &up, &mut report.blobs);
    // Edits (and another tab's round) may have ticked the stored clock since this round
    // read it: the head must carry a later stamp than any head already written.
    clk = clk.merged_with_stored(&clock(s, device).await?);
    if due(&pulled.state, policy) {
        // Fold what the last head listed, before this round adds to it: a reader that
        // merged that head skips the checkpoint (`sync::compact`). A fold that cannot
        // finish leaves the chunks listed and is tried again next round.
        let folded = compact(host, &key, device, &pulled.state, policy, clk.tick(now_ms), &mut nonce, now_ms).await;
        if let Ok(Some(folded)) = folded {
            mark_pushed(s, &Replica::default(), &folded, &clk).await?;
            pulled.state = folded;
        }
    }
    let mut pushed = push(host, &key, device, &pulled.state, &publish, &[], clk.tick(now_ms), &mut nonce, now_ms).await;
    if let Ok(p) = &pushed {
        if !p.lost.is_empty() || p.state.refold {
            // The host lost some of this device's files (or two rounds compacted side by
            // side): publish everything it authored again, as one checkpoint (but what
            // still waits for its attachments), and leave the old files out.
            let mut own = authored_by(&replica(s).await?, device);
            for id in waiting.iter().filter(|id| !publish.docs.contains_key(*id) && !publish.entries.contains_key(*id))
            {
                own.docs.remove(id);
                own.entries.remove(id);
            }
            report.republished = p.lost.len();
            let all = own.merge(publish.clone());
            let lost = p.lost.clone();
            pushed = republish(host, &key, device, &p.state, &all, &lost, clk.tick(now_ms), &mut nonce, now_ms).await;
        }
    }
    let final_state = match pushed {
        Ok(pushed) => {
            report.pushed = pushed.chunk.is_some();
            let mut state = pushed.state;
            // A host that cannot list: announce this device so those who joined before
            // it find it. Trouble here is retried next round; an unreachable host shows
            // in the steps that follow.
            if must_announce(host, device, pulled.listing).await.unwrap_or(false) {
                if let Ok(announced) = announce(host, &key, device, &state, &mut nonce, now_ms).await {
                    state = announced;
                }
            }
            mark_pushed(s, &publish, &state, &clk).await?;
            let stored = sync_state(s).await?;
            if stored.published.iter().any(|n| !state.published.contains(n)) {
                // Another tab of this device published meanwhile and the head just written
                // may not list its chunk: write one that lists everything (the push sees
                // the host's head lacks a name). Should this fail, the next round's push
                // sees the same and writes it then.
                // That tab's head carries a later stamp from the stored clock: this head
                // must be later still, or other devices would take it for a replay.
                clk = clk.merged_with_stored(&clock(s, device).await?);
                let again =
                    push(host, &key, device, &stored, &Replica::default(), &[], clk.tick(now_ms), &mut nonce, now_ms)
                        .await?;
                mark_pushed(s, &Replica::default(), &again.state, &clk).await?;
                again.state
            } else {
                state
            }
        }
        // A plain static host: what was pulled is stored; the changes wait for a host
        // that takes writes (or travel by export file).
        Err(SyncError::Host(HostError::ReadOnly)) => {
            report.read_only = true;
            pulled.state
        }
        Err(e) => return Err(e.into()),
    };
    if !report.read_only {
        // A designated device writes the team index (`sync::index`); trouble here only
        // means readers read heads directly, and the next round tries again.
        let _ =
            write_index(host, &key, device, &final_state, &heads, &fetched, clk.tick(now_ms), nonce(), now_ms).await;
    }
    fetch_missing(s, host, &key, &mut report.blobs).await?;
    report.unsynced = unsynced_count(s).await?;
    report.status = team_status(device, &final_state, &report.rejected, &report.held, report.unsynced);
    Ok(report)
}

/// A document the store refused (its id is stored as another kind), for the quarantine.
async fn refused_doc<S: RecordStore>(s: &S, doc: Document) -> Result<Rejected, StorageError> {
    let kept = s
        .get(StoreName::Docs, &doc.id)
        .await?
        .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_owned))
        .unwrap_or_default();
    let device = doc.fields.values().next().map(|r| r.stamp.device.clone()).unwrap_or_default();
    Ok(Rejected {
        path: format!("devices/{device}/"),
        device,
        reason: Refusal::KindChanged { id: doc.id.clone(), kept, found: doc.kind.clone() },
        record: serde_json::to_value(&doc).ok(),
    })
}
