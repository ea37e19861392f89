//! Team membership: the [`Team`] (host URL and key) this device syncs with, and what
//! happens when it joins another one.
//!
//! **Re-saving the same team** (new host password, a login added) keeps every piece of
//! sync state: the team, its files and this device's place in it have not changed.
//!
//! **Switching** — another host URL or another key — is one transaction
//! ([`save_team`]) that stores the new team and forgets everything that described the
//! old host: the sync state (published chunks, what was merged from each peer, heads
//! and ETags), the uploaded-blob records and blob failures, and the quarantine (files
//! and records the old team's devices wrote). The device clock is kept: it never goes
//! back, so a head this device writes later is never taken for a replay anywhere.
//!
//! **Local data stays**, all of it. Every record this device wrote — every field and
//! entry stamped by it, published to the old team or not — is queued in the outbox in
//! the same transaction, so the new team receives it on the next round (the new host
//! has none of this device's chunks; without this, only changes made after the switch
//! would ever reach it). Records other devices of the old team wrote stay on this
//! device but are not sent: a device publishes only what it stamped itself (a chunk
//! with another device's stamps is refused by every reader), so they reach the new team
//! only if their authors join it too. Their photos likewise stay with their authors.

use serde::{Deserialize, Serialize};

use super::blob_sync::forget_host_blobs;
use super::data::{forget_sync_state, queue_writes, replica, unsynced_count};
use super::quarantine::forget_quarantine;
use super::{get_typed, to_json, RecordStore, StorageError, StoreName, Write};
use crate::sync::engine::authored_by;

const TEAM_KEY: &str = "team";

/// The team this device syncs with. The key never leaves the device except in an
/// invite link's fragment or its QR code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    /// The sync folder, ending in `/` (e.g. `https://files.example.com/outpost-sync/`).
    pub host_url: String,
    /// The team key as base64url text.
    pub key: String,
    /// The device that invited this one, to find the team on hosts that cannot list.
    pub inviter: Option<String>,
    /// Basic-auth user and password, when the host wants them.
    pub user: Option<String>,
    pub password: Option<String>,
}

impl Team {
    /// Whether `other` is the same team on the same host: the same folder (a trailing
    /// `/` aside) and the same key. Credentials and the inviter do not matter.
    pub fn same_team(&self, other: &Team) -> bool {
        let folder = |t: &Team| t.host_url.trim().trim_end_matches('/').to_owned();
        folder(self) == folder(other) && self.key.trim() == other.key.trim()
    }
}

/// What [`save_team`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamSaved {
    /// No team before: stored.
    Joined,
    /// The same team again (new credentials): stored, sync state kept.
    Updated,
    /// Another team: its sync state starts empty, and this many of this device's own
    /// records (documents and entries) are queued for the new team.
    Switched { queued: usize },
}

/// What switching from the current team to another would do, for the warning shown
/// before it (`None`: no team yet, or the same team).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwitchPreview {
    /// The folder this device syncs with now.
    pub current_host: String,
    /// Changes made here that the current team has not received yet.
    pub unsynced: usize,
}

pub async fn team<S: RecordStore>(s: &S) -> Result<Option<Team>, StorageError> {
    get_typed(s, StoreName::Meta, TEAM_KEY).await
}

/// Whether saving `next` would switch teams, and what the user should know first.
pub async fn switch_preview<S: RecordStore>(s: &S, next: &Team) -> Result<Option<SwitchPreview>, StorageError> {
    match team(s).await? {
        Some(cur) if !cur.same_team(next) => {
            Ok(Some(SwitchPreview { current_host: cur.host_url, unsynced: unsynced_count(s).await? }))
        }
        _ => Ok(None),
    }
}

/// Stores `next` as this device's team; switching from another team resets the sync
/// state and queues this device's own records in the same transaction (module docs).
pub async fn save_team<S: RecordStore>(s: &S, next: &Team, device: &str) -> Result<TeamSaved, StorageError> {
    let current = team(s).await?;
    let mut w = vec![Write::Put(StoreName::Meta, TEAM_KEY.into(), to_json(next)?)];
    let saved = match current {
        None => TeamSaved::Joined,
        Some(cur) if cur.same_team(next) => TeamSaved::Updated,
        Some(_) => {
            let own = authored_by(&replica(s).await?, device);
            let queued = own.docs.len() + own.entries.len();
            w.push(forget_sync_state());
            w.extend(forget_host_blobs());
            w.push(forget_quarantine());
            w.extend(queue_writes(&own));
            TeamSaved::Switched { queued }
        }
    };
    s.write(w).await?;
    Ok(saved)
}
