//! Team membership: the [`Team`] (host URL and key) this device syncs with, and what
//! happens when it joins another one. The key, the host password and a bucket's secret
//! are kept wrapped under the device secret ([`StoredTeam`]). A team syncs through a
//! WebDAV folder or, with [`Team::s3`], an S3-compatible bucket (issue 19); another
//! endpoint, bucket or folder is another team.
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
use serde_json::Value;

use super::blob_sync::forget_host_blobs;
use super::data::{forget_sync_state, queue_writes, replica, unsynced_count};
use super::device_secret::{DeviceSecret, Wrapped};
use super::quarantine::forget_quarantine;
use super::{to_json, RecordStore, StorageError, StoreName, Write};
use crate::sync::crypto::{self, TeamKey, NONCE_LEN};
use crate::sync::engine::authored_by;
use crate::sync::sigv4::{normal_prefix, AddressError, S3Config};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

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
    /// S3-compatible object storage instead of a WebDAV folder (issue 19); `host_url`
    /// then names the bucket's team folder ([`S3Team::folder_url`]), for the page's
    /// connect-src and for people to read.
    #[serde(default)]
    pub s3: Option<S3Team>,
}

/// Where a team's bucket is and the key that reaches it. The secret is kept wrapped
/// at rest like the host password and never printed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct S3Team {
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub prefix: String,
    pub access_key: String,
    pub secret: String,
    pub path_style: bool,
}

impl std::fmt::Debug for S3Team {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.config(), f)
    }
}

impl S3Team {
    pub fn config(&self) -> S3Config {
        S3Config {
            endpoint: self.endpoint.clone(),
            bucket: self.bucket.clone(),
            region: self.region.clone(),
            prefix: self.prefix.clone(),
            access_key: self.access_key.clone(),
            secret: self.secret.clone(),
            // Temporary credentials expire within hours: a stored team holds a lasting key.
            session_token: None,
            path_style: self.path_style,
        }
    }

    /// The team folder's URL (`https://bucket.endpoint/teams/north/`), once the
    /// settings are valid.
    pub fn folder_url(&self) -> Result<String, AddressError> {
        let place = self.config().check()?;
        Ok(place.bucket.object(&place.prefix).url)
    }

    /// Endpoint, bucket and folder: what makes it the same place (the key may change).
    fn place(&self) -> (String, String, Option<String>) {
        (
            self.endpoint.trim().trim_end_matches('/').to_ascii_lowercase(),
            self.bucket.trim().to_owned(),
            normal_prefix(&self.prefix),
        )
    }
}

/// Associated data of a bucket's settings sealed into an invite link (`b=`).
const BUCKET_INVITE_AAD: &[u8] = b"outpost.invite.bucket.v1";
/// The longest `b=` value read: real settings are a few hundred characters.
const MAX_BUCKET_INVITE: usize = 4096;

/// Why an invite's bucket settings (`b=`) cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BucketInviteError {
    #[error("the bucket settings in the link are damaged or sealed under another key")]
    Unreadable,
    #[error("the bucket settings in the link do not check: {0}")]
    Invalid(AddressError),
}

impl S3Team {
    /// The settings sealed under the team key for an invite link's `b=` (issue 19:
    /// credentials travel like the key, in the fragment, and a passphrase-protected link
    /// protects them with the key). The nonce is a keyed hash of the settings, so the
    /// same settings always give the same text (the link and its QR code agree) and
    /// different settings never share a nonce.
    pub fn seal_for_invite(&self, key: &TeamKey) -> String {
        use sha2::Digest;
        let plain = serde_json::to_vec(self).unwrap_or_default();
        let tag = sha2::Sha256::new()
            .chain_update(key.subkey(b"outpost.invite.bucket.nonce"))
            .chain_update(&plain)
            .finalize();
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&tag[..NONCE_LEN]);
        URL_SAFE_NO_PAD.encode(crypto::seal(key, nonce, BUCKET_INVITE_AAD, &plain))
    }

    /// The settings an invite's `b=` carries, opened with the team key and checked.
    pub fn open_from_invite(key: &TeamKey, text: &str) -> Result<S3Team, BucketInviteError> {
        if text.len() > MAX_BUCKET_INVITE {
            return Err(BucketInviteError::Unreadable);
        }
        let raw = URL_SAFE_NO_PAD.decode(text.trim()).map_err(|_| BucketInviteError::Unreadable)?;
        let plain = crypto::open(key, BUCKET_INVITE_AAD, &raw).map_err(|_| BucketInviteError::Unreadable)?;
        let bucket: S3Team = serde_json::from_slice(&plain).map_err(|_| BucketInviteError::Unreadable)?;
        bucket.config().check().map_err(BucketInviteError::Invalid)?;
        Ok(bucket)
    }
}

impl Team {
    /// The team syncing through `bucket`, under a new `key`: its folder URL names the
    /// bucket's team folder.
    pub fn on_bucket(bucket: S3Team, key: String, inviter: Option<String>) -> Result<Team, AddressError> {
        Ok(Team { host_url: bucket.folder_url()?, key, inviter, user: None, password: None, s3: Some(bucket) })
    }

    /// Whether `other` is the same team on the same host: the same folder (a trailing
    /// `/` aside) and the same key. Credentials and the inviter do not matter.
    pub fn same_team(&self, other: &Team) -> bool {
        let folder = |t: &Team| t.host_url.trim().trim_end_matches('/').to_owned();
        folder(self) == folder(other)
            && self.key.trim() == other.key.trim()
            && self.s3.as_ref().map(S3Team::place) == other.s3.as_ref().map(S3Team::place)
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

/// The team as stored (**at rest**): the key and the host password are wrapped under the
/// device secret ([`super::device_secret`]), so the database alone — read by a planted
/// script, a backup or a copied browser profile — does not give the team's data away.
/// Builds before this stored [`Team`] itself as plain JSON; [`team`] wraps such a record
/// the first time it reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StoredTeam {
    host_url: String,
    inviter: Option<String>,
    user: Option<String>,
    /// The bucket, its secret blanked (it is in `secrets`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    s3: Option<S3Team>,
    /// [`TeamSecrets`] as JSON, wrapped.
    secrets: Wrapped,
}

#[derive(Serialize, Deserialize)]
struct TeamSecrets {
    key: String,
    password: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    s3_secret: Option<String>,
}

async fn seal<S: DeviceSecret>(s: &S, t: &Team) -> Result<Value, StorageError> {
    let secrets = TeamSecrets {
        key: t.key.clone(),
        password: t.password.clone(),
        s3_secret: t.s3.as_ref().map(|b| b.secret.clone()),
    };
    let plain = serde_json::to_vec(&secrets).map_err(|e| StorageError::Decode(e.to_string()))?;
    let stored = StoredTeam {
        host_url: t.host_url.clone(),
        inviter: t.inviter.clone(),
        user: t.user.clone(),
        s3: t.s3.clone().map(|b| S3Team { secret: String::new(), ..b }),
        secrets: s.wrap(&plain).await?,
    };
    to_json(&stored)
}

/// The team this device syncs with, if any; a record in the plain form of older builds
/// is wrapped and stored again on the way.
pub async fn team<S: RecordStore + DeviceSecret>(s: &S) -> Result<Option<Team>, StorageError> {
    let Some(v) = s.get(StoreName::Meta, TEAM_KEY).await? else {
        return Ok(None);
    };
    if v.get("secrets").is_some() {
        let stored: StoredTeam = serde_json::from_value(v).map_err(|e| StorageError::Decode(e.to_string()))?;
        let plain = s.unwrap(&stored.secrets).await?;
        let secrets: TeamSecrets = serde_json::from_slice(&plain).map_err(|e| StorageError::Decode(e.to_string()))?;
        return Ok(Some(Team {
            host_url: stored.host_url,
            key: secrets.key,
            inviter: stored.inviter,
            user: stored.user,
            password: secrets.password,
            s3: stored.s3.map(|b| S3Team { secret: secrets.s3_secret.unwrap_or_default(), ..b }),
        }));
    }
    let plain: Team = serde_json::from_value(v).map_err(|e| StorageError::Decode(e.to_string()))?;
    s.write(vec![Write::Put(StoreName::Meta, TEAM_KEY.into(), seal(s, &plain).await?)]).await?;
    Ok(Some(plain))
}

/// Whether saving `next` would switch teams, and what the user should know first.
pub async fn switch_preview<S: RecordStore + DeviceSecret>(
    s: &S,
    next: &Team,
) -> Result<Option<SwitchPreview>, StorageError> {
    match team(s).await? {
        Some(cur) if !cur.same_team(next) => {
            Ok(Some(SwitchPreview { current_host: cur.host_url, unsynced: unsynced_count(s).await? }))
        }
        _ => Ok(None),
    }
}

/// Stores `next` as this device's team; switching from another team resets the sync
/// state and queues this device's own records in the same transaction (module docs).
pub async fn save_team<S: RecordStore + DeviceSecret>(
    s: &S,
    next: &Team,
    device: &str,
) -> Result<TeamSaved, StorageError> {
    let current = team(s).await?;
    let mut w = vec![Write::Put(StoreName::Meta, TEAM_KEY.into(), seal(s, next).await?)];
    let saved = match current {
        None => TeamSaved::Joined,
        Some(cur) if cur.same_team(next) => TeamSaved::Updated,
        Some(_) => {
            let own = authored_by(&replica(s).await?, device);
            let queued = own.docs.len() + own.entries.len();
            w.push(forget_sync_state());
            w.extend(forget_host_blobs());
            w.push(forget_quarantine());
            w.push(super::roster::forget_root());
            w.extend(queue_writes(&own));
            TeamSaved::Switched { queued }
        }
    };
    s.write(w).await?;
    Ok(saved)
}
