//! Invite links: `<app>#/join?h=<host>&k=<key>&d=<inviter device>`. Everything after
//! `#` stays in the browser (it is never sent to any server), so the key reaches the new
//! device only through the link itself or its QR code.

use crate::storage::sync_run::Team;
use crate::sync::crypto::TeamKey;

pub fn invite_link(app_url: &str, team: &Team, inviter: &str) -> String {
    let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
    format!("{app_url}#/join?h={}&k={}&d={}", enc(&team.host_url), enc(&team.key), enc(inviter))
}

/// The team an invite link (or just its `#…` part) describes, if it is one.
pub fn parse_invite(text: &str) -> Option<Team> {
    let frag = text.trim().split_once('#').map_or(text.trim(), |(_, f)| f);
    let query = frag.split_once('?')?.1;
    let params = web_sys::UrlSearchParams::new_with_str(query).ok()?;
    let host = params.get("h")?;
    let key = params.get("k")?;
    // Refuse a link whose key is not a key before anything is saved.
    TeamKey::from_text(&key).ok()?;
    if !(host.starts_with("http://") || host.starts_with("https://")) {
        return None;
    }
    Some(Team { host_url: host, key, inviter: params.get("d"), user: None, password: None })
}

/// The invite link as an SVG QR code (our own markup, safe to insert).
pub fn qr_svg(link: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(link, qrcode::EcLevel::M).ok()?;
    Some(code.render::<qrcode::render::svg::Color>().min_dimensions(220, 220).quiet_zone(true).build())
}
