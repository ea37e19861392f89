//! Invite links: `<app>#/join?h=<host>&k=<key>&d=<inviter device>[&a=<roster root>]`, or
//! with `w=<wrapped key>` instead of `k` when the inviter protected the key with a
//! passphrase. `a` is the team roster's first admin key (issue 15) for teams that sign. `b`
//! is a bucket's settings and credentials for a team on object storage (issue 19), sealed
//! under the team key, so a protected link protects them too. Everything
//! after `#` stays in the browser (it is never sent to any server), so the key reaches
//! the new device only through the link itself or its QR code.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::storage::sync_run::Team;
use crate::storage::team::{BucketInviteError, S3Team};
use crate::sync::crypto::{TeamKey, WrappedKey};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InviteKey {
    Plain(String),
    /// Needs the passphrase ([`crate::sync::crypto::unwrap_key`]).
    Wrapped(WrappedKey),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    pub host_url: String,
    pub inviter: Option<String>,
    pub key: InviteKey,
    /// The team roster's root key (`a=`, issue 15), for teams that sign.
    pub root: Option<String>,
    /// A bucket's settings sealed under the team key (`b=`, issue 19).
    pub bucket: Option<String>,
}

impl Invite {
    /// The team, once the key is known: on the bucket the link names, when it names one.
    pub fn team(&self, key: String) -> Result<Team, BucketInviteError> {
        let Some(sealed) = &self.bucket else {
            return Ok(Team {
                host_url: self.host_url.clone(),
                key,
                inviter: self.inviter.clone(),
                user: None,
                password: None,
                s3: None,
            });
        };
        let team_key = TeamKey::from_text(&key).map_err(|_| BucketInviteError::Unreadable)?;
        let bucket = S3Team::open_from_invite(&team_key, sealed)?;
        Team::on_bucket(bucket, key, self.inviter.clone()).map_err(BucketInviteError::Invalid)
    }
}

fn enc(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// `&b=<sealed settings>` for a team on a bucket.
fn bucket_param(team: &Team) -> String {
    match (&team.s3, TeamKey::from_text(&team.key)) {
        (Some(b), Ok(key)) => format!("&b={}", b.seal_for_invite(&key)),
        _ => String::new(),
    }
}

/// `&a=<root>` when the team has a roster root.
fn root_param(root: Option<&str>) -> String {
    root.map(|r| format!("&a={}", enc(r))).unwrap_or_default()
}

pub fn invite_link(app_url: &str, team: &Team, inviter: &str, root: Option<&str>) -> String {
    format!(
        "{app_url}#/join?h={}&k={}&d={}{}{}",
        enc(&team.host_url),
        enc(&team.key),
        enc(inviter),
        root_param(root),
        bucket_param(team)
    )
}

/// A link that carries the key only wrapped under a passphrase told separately.
pub fn protected_link(app_url: &str, team: &Team, inviter: &str, wrapped: &WrappedKey, root: Option<&str>) -> String {
    let w = URL_SAFE_NO_PAD.encode(serde_json::to_vec(wrapped).unwrap_or_default());
    format!(
        "{app_url}#/join?h={}&w={w}&d={}{}{}",
        enc(&team.host_url),
        enc(inviter),
        root_param(root),
        bucket_param(team)
    )
}

/// The invite a link (or just its `#…` part) describes, if it is one.
pub fn parse_invite(text: &str) -> Option<Invite> {
    let frag = text.trim().split_once('#').map_or(text.trim(), |(_, f)| f);
    let query = frag.split_once('?')?.1;
    let params = web_sys::UrlSearchParams::new_with_str(query).ok()?;
    let host = params.get("h")?;
    if !(host.starts_with("http://") || host.starts_with("https://")) {
        return None;
    }
    let key = if let Some(k) = params.get("k") {
        // Refuse a link whose key is not a key before anything is saved.
        TeamKey::from_text(&k).ok()?;
        InviteKey::Plain(k)
    } else {
        let raw = URL_SAFE_NO_PAD.decode(params.get("w")?).ok()?;
        InviteKey::Wrapped(serde_json::from_slice(&raw).ok()?)
    };
    // A root that is not a public key makes the whole link suspect: refuse it.
    let root = match params.get("a") {
        Some(a) => Some(crate::record::seal::KeyId::parse(&a)?.0),
        None => None,
    };
    // Settings too long to be real make the link suspect as well.
    let bucket = params.get("b");
    if bucket.as_ref().is_some_and(|b| b.is_empty() || b.len() > 4096) {
        return None;
    }
    Some(Invite { host_url: host, inviter: params.get("d"), key, root, bucket })
}

/// The invite link as an SVG QR code (our own markup, safe to insert).
pub fn qr_svg(link: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(link, qrcode::EcLevel::M).ok()?;
    Some(code.render::<qrcode::render::svg::Color>().min_dimensions(220, 220).quiet_zone(true).build())
}
