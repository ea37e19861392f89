//! The app's Content-Security-Policy, tightened at run time. The build puts a base
//! policy in `index.html` (`scripts/csp-meta.mjs`): scripts only from the app's own
//! files and the hashed loader, and `connect-src 'self' blob: http: https:` — the
//! team's sync host is not known when the app is built, and creating or joining a team
//! must be able to reach it. Once this device has a team, [`pin_connect_src`] adds a
//! second policy, `connect-src 'self' blob: <the host's origin>`. A browser enforces
//! every policy a page has, so from then on the page can talk only to its own origin
//! and the team's host (`blob:` only reads back bytes the page already holds). A policy
//! can be added but never removed, so a page pinned to one host that joins a team
//! elsewhere reloads ([`needs_reload_for`]) to start from the base policy.

use std::cell::RefCell;

thread_local! {
    /// The origin this page's `connect-src` is pinned to, once pinned.
    static PINNED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// `https://files.example:8443` for `https://files.example:8443/outpost/sync/`.
fn origin_of(url: &str) -> Option<String> {
    web_sys::Url::new(url).ok().map(|u| u.origin()).filter(|o| o != "null")
}

/// Limits the page's connections to its own origin (and its `blob:` objects) and the
/// origin of `host_url` (the team's sync folder) by adding a
/// `<meta http-equiv="Content-Security-Policy">`. Does nothing when already pinned, or
/// for a URL that has no origin.
pub fn pin_connect_src(host_url: &str) {
    let Some(origin) = origin_of(host_url) else { return };
    if PINNED.with(|p| p.borrow().is_some()) {
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let (Ok(Some(head)), Ok(meta)) = (doc.query_selector("head"), doc.create_element("meta")) else { return };
    let _ = meta.set_attribute("http-equiv", "Content-Security-Policy");
    let _ = meta.set_attribute("content", &format!("connect-src 'self' blob: {origin}"));
    let _ = meta.set_attribute("data-testid", "csp-connect");
    if head.append_child(&meta).is_ok() {
        PINNED.with(|p| *p.borrow_mut() = Some(origin));
    }
}

/// Whether this page is pinned to another origin than `host_url`'s, so it cannot reach
/// that host until it reloads.
pub fn needs_reload_for(host_url: &str) -> bool {
    let origin = origin_of(host_url);
    PINNED.with(|p| p.borrow().as_ref().is_some_and(|pinned| Some(pinned) != origin.as_ref()))
}
