//! Announcements: how devices find each other on a host that cannot list folders.
//!
//! Heads name the devices their writer has read, and an invite names its inviter; that
//! finds every device that joined *before* the reader, not one that joined after it by
//! someone else's invite. So each device, on such a host, also announces itself once in
//! a numbered slot:
//!
//! ```text
//! <base>/team/members/0.json, 1.json, 2.json …   sealed `Member` (its device id), one per device
//! ```
//!
//! **When.** A listing is trusted once it shows the reader's own folder; before the
//! first publication it cannot be checked, so the slots are read as well and the listing
//! is asked again after the push ([`must_announce`]).
//!
//! **Claim** (once, [`announce`]): from the first slot the round's read found missing,
//! `GET` → 404 → `PUT` → `GET` again; if the slot now names another device (two claimed
//! it at once and the other write landed last), try the next one. A device whose slot
//! was overwritten after it confirmed finds itself in no slot on a later read and claims
//! again, so a race costs a round, never the announcement.
//!
//! **Read** ([`read_members`]): slots in order until the first 404, at most
//! [`MAX_MEMBER_SLOTS`] (and not past [`MAX_BAD_IN_A_ROW`] unreadable ones in a row),
//! each with its ETag and a size cap. A slot that does not open
//! (garbage, another team's, a moved file, a refused GET) is a per-file [`Rejected`];
//! only an unreachable host or refused credentials end the round.

use serde::{Deserialize, Serialize};

use super::crypto::{TeamKey, NONCE_LEN};
use super::engine::{per_file, valid_device_name, ListingSeen, Refusal, Rejected, SyncError, SyncState};
use super::host::{Fetched, Host, HostError};
use super::snapshot::{open_member, seal_member, Member, SnapshotError};

/// The most slots read (and so the largest team found by announcements alone).
pub const MAX_MEMBER_SLOTS: u32 = 512;
/// An announcement is about 300 bytes; anything much larger is not one.
pub const MAX_MEMBER_BYTES: usize = 4096;
/// Unreadable slots in a row after which reading stops: a host answering every GET with
/// an error page would otherwise cost [`MAX_MEMBER_SLOTS`] requests a round.
pub const MAX_BAD_IN_A_ROW: usize = 3;
/// Slots tried per round when claiming.
const CLAIM_TRIES: u32 = 8;

pub fn member_path(slot: u32) -> String {
    format!("team/members/{slot}.json")
}

/// What the last read found in one slot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotSeen {
    /// The device it announces; `None` when the slot did not open.
    pub device: Option<String>,
    /// Its ETag, to ask again with `If-None-Match`.
    pub etag: Option<String>,
}

/// Reads the slots in order until the first missing one; records what each holds in
/// `state.member_slots` and refusals in `rejected`. Returns the devices announced.
pub async fn read_members<H: Host>(
    host: &H,
    key: &TeamKey,
    state: &mut SyncState,
    rejected: &mut Vec<Rejected>,
) -> Result<Vec<String>, SyncError> {
    let mut seen = Vec::new();
    for slot in 0..MAX_MEMBER_SLOTS {
        let cached = state.member_slots.get(slot as usize).cloned().unwrap_or_default();
        let etag = cached.device.as_ref().and(cached.etag.as_deref());
        let path = member_path(slot);
        let now = match host.get(&path, etag, MAX_MEMBER_BYTES).await {
            Ok(Fetched::Missing) => break,
            Ok(Fetched::NotModified) => cached,
            Ok(Fetched::Found { bytes, etag }) => match open_slot(key, &bytes, slot) {
                Ok(device) => SlotSeen { device: Some(device), etag },
                Err(reason) => {
                    rejected.push(Rejected { device: String::new(), path, reason, record: None });
                    SlotSeen::default()
                }
            },
            Err(e) => {
                rejected.push(Rejected { device: String::new(), path, reason: per_file(e)?, record: None });
                SlotSeen::default()
            }
        };
        seen.push(now);
        if seen.len() >= MAX_BAD_IN_A_ROW && seen.iter().rev().take(MAX_BAD_IN_A_ROW).all(|s| s.device.is_none()) {
            break;
        }
    }
    let devices = seen.iter().filter_map(|s| s.device.clone()).collect();
    state.member_slots = seen;
    Ok(devices)
}

fn open_slot(key: &TeamKey, bytes: &[u8], slot: u32) -> Result<String, Refusal> {
    let m = open_member(key, bytes, slot)?;
    if !valid_device_name(&m.device) {
        let shown: String = m.device.chars().take(80).collect();
        return Err(Refusal::File(SnapshotError::Malformed(format!("device name {shown:?}"))));
    }
    Ok(m.device)
}

/// Whether `device` must announce itself after this round's push: the host could not
/// list, or (on its first publication) its listing, asked again now that its head is
/// written, does not show its folder.
pub async fn must_announce<H: Host>(host: &H, device: &str, listing: ListingSeen) -> Result<bool, SyncError> {
    Ok(match listing {
        ListingSeen::Shown => false,
        ListingSeen::Unusable => true,
        ListingSeen::Unproven => match host.list_devices().await {
            Ok(Some(l)) => !l.iter().any(|d| d == device),
            Ok(None) => true,
            Err(e) => {
                per_file(e)?;
                true
            }
        },
    })
}

/// Makes sure `device` is announced: nothing to do when the last read found it in a
/// slot; otherwise claims the first free slot from there on. Trouble with one slot ends
/// this round's attempt quietly (the next round tries again); a read-only host is left
/// alone; only an unreachable host or refused credentials are errors.
pub async fn announce<H: Host>(
    host: &H,
    key: &TeamKey,
    device: &str,
    state: &SyncState,
    mut nonce: impl FnMut() -> [u8; NONCE_LEN],
    now_ms: i64,
) -> Result<SyncState, SyncError> {
    let mut next = state.clone();
    if let Some(i) = next.member_slots.iter().position(|s| s.device.as_deref() == Some(device)) {
        next.member_slot = Some(i as u32);
        return Ok(next);
    }
    let first = next.member_slots.len() as u32;
    for slot in first..(first + CLAIM_TRIES).min(MAX_MEMBER_SLOTS) {
        let path = member_path(slot);
        match host.get(&path, None, MAX_MEMBER_BYTES).await {
            Ok(Fetched::Missing) => {}
            // Someone else's (or garbage): never overwrite it, try the next.
            Ok(_) => continue,
            Err(e) => {
                per_file(e)?;
                return Ok(next);
            }
        }
        let bytes = seal_member(key, nonce(), &Member::new(device, slot, now_ms));
        match host.put(&path, bytes).await {
            Ok(()) => {}
            Err(HostError::ReadOnly) => return Ok(next),
            Err(e) => {
                per_file(e)?;
                return Ok(next);
            }
        }
        match host.get(&path, None, MAX_MEMBER_BYTES).await {
            Ok(Fetched::Found { bytes, etag }) if open_slot(key, &bytes, slot).as_deref() == Ok(device) => {
                next.member_slot = Some(slot);
                next.member_slots.resize(slot as usize, SlotSeen::default());
                next.member_slots.push(SlotSeen { device: Some(device.to_owned()), etag });
                return Ok(next);
            }
            // Another device's write landed last: the next slot.
            Ok(_) => continue,
            Err(e) => {
                per_file(e)?;
                return Ok(next);
            }
        }
    }
    Ok(next)
}
