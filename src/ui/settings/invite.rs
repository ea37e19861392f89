//! Invite links: `<app>#/join?h=<host>&k=<key>&d=<inviter device>[&a=<roster root>]`, or
//! with `w=<wrapped key>` instead of `k` when the inviter protected the key with a
//! passphrase. `a` is the team roster's first admin key (issue 15) for teams that sign. Everything
//! after `#` stays in the browser (it is never sent to any server), so the key reaches
//! the new device only through the link itself or its QR code.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::storage::sync_run::Team;
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
}

impl Invite {
    /// The team, once the key is known.
    pub fn team(&self, key: String) -> Team {
        Team {
            host_url: self.host_url.clone(),
            key,
            inviter: self.inviter.clone(),
            user: None,
            password: None,
            s3: None,
        }
    }
}

fn enc(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// `&a=<root>` when the team has a roster root.
fn root_param(root: Option<&str>) -> String {
    root.map(|r| format!("&a={}", enc(r))).unwrap_or_default()
}

pub fn invite_link(app_url: &str, team: &Team, inviter: &str, root: Option<&str>) -> String {
    format!("{app_url}#/join?h={}&k={}&d={}{}", enc(&team.host_url), enc(&team.key), enc(inviter), root_param(root))
}

/// A link that carries the key only wrapped under a passphrase told separately.
pub fn protected_link(app_url: &str, team: &Team, inviter: &str, wrapped: &WrappedKey, root: Option<&str>) -> String {
    let w = URL_SAFE_NO_PAD.encode(serde_json::to_vec(wrapped).unwrap_or_default());
    format!("{app_url}#/join?h={}&w={w}&d={}{}", enc(&team.host_url), enc(inviter), root_param(root))
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
    Some(Invite { host_url: host, inviter: params.get("d"), key, root })
}

/// The invite link as an SVG QR code (our own markup, safe to insert).
pub fn qr_svg(link: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(link, qrcode::EcLevel::M).ok()?;
    Some(code.render::<qrcode::render::svg::Color>().min_dimensions(220, 220).quiet_zone(true).build())
}
