//! Thin wrappers over browser APIs that Leptos does not cover. Every call tolerates a
//! missing API (old browser, private mode) by returning `None`/`false`.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn local_get(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

pub fn local_set(key: &str, value: &str) {
    if let Some(Ok(Some(s))) = window().map(|w| w.local_storage()) {
        let _ = s.set_item(key, value);
    }
}

pub fn local_remove(key: &str) {
    if let Some(Ok(Some(s))) = window().map(|w| w.local_storage()) {
        let _ = s.remove_item(key);
    }
}

pub fn browser_language() -> Option<String> {
    window()?.navigator().language()
}

pub fn set_html_lang(tag: &str) {
    if let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", tag);
    }
}

/// This build's identity: the content-hashed name of the wasm the page loaded (Trunk names
/// it `outpost-<hash>_bg.wasm` and preloads it), or `""` on a page without that link.
/// A read model written by another build is not trusted (`storage::list_model`).
pub fn build_id() -> String {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(r#"link[rel="preload"][type="application/wasm"]"#).ok().flatten())
        .and_then(|l| l.get_attribute("href"))
        .unwrap_or_default()
}

/// Resolves once the browser has drawn a frame (at once without a window): what was just
/// put on screen shows before a long piece of work blocks the page.
pub async fn after_paint() {
    let Some(w) = window() else { return };
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let later = w.clone();
        let then = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = later.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
        let _ = w.request_animation_frame(then.unchecked_ref());
    });
    let _ = JsFuture::from(p).await;
}

pub fn is_online() -> bool {
    window().map(|w| w.navigator().on_line()).unwrap_or(true)
}

/// Wall clock in epoch milliseconds. Only the UI reads the clock; the domain is handed it.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let nav = window()?.navigator();
    // `navigator.storage` is missing on insecure origins and old browsers.
    let has = js_sys::Reflect::has(&nav, &JsValue::from_str("storage")).unwrap_or(false);
    has.then(|| nav.storage())
}

async fn promise_value(p: Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(p.ok()?).await.ok()
}

/// Whether the browser promised not to evict our data; `None` when it cannot say.
pub async fn storage_persisted() -> Option<bool> {
    promise_value(storage_manager()?.persisted()).await?.as_bool()
}

/// Asks for persistent storage; the answer is the browser's.
pub async fn storage_persist() -> Option<bool> {
    promise_value(storage_manager()?.persist()).await?.as_bool()
}

/// `(usage, quota)` in bytes from `navigator.storage.estimate()`.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let est = promise_value(storage_manager()?.estimate()).await?;
    let get = |k: &str| js_sys::Reflect::get(&est, &JsValue::from_str(k)).ok()?.as_f64();
    Some((get("usage")?, get("quota")?))
}

/// Bytes in a short human form: 1.2 MB, 310 KB.
pub fn human_bytes(n: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = n.max(0.0);
    let mut u = 0;
    while v >= 1000.0 && u < UNITS.len() - 1 {
        v /= 1000.0;
        u += 1;
    }
    if u == 0 {
        format!("{v:.0} {}", UNITS[u])
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

/// True once `sw-register.js` saw a new service worker waiting.
pub fn update_ready() -> bool {
    window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("__outpostUpdateReady")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Hands over to the waiting service worker; `sw-register.js` reloads when it takes control.
pub fn apply_update() {
    let Some(w) = window() else { return };
    if let Ok(f) = js_sys::Reflect::get(&w, &JsValue::from_str("outpostApplyUpdate")) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&JsValue::NULL);
            return;
        }
    }
    let _ = w.location().reload();
}

/// Fills `buf` from `crypto.getRandomValues` (keys, nonces). Panics only if the browser
/// has no Web Crypto at all, where no key could be made safely anyway.
pub fn random_bytes(buf: &mut [u8]) {
    let crypto = window().and_then(|w| w.crypto().ok()).expect("Web Crypto is required");
    crypto.get_random_values_with_u8_array(buf).expect("getRandomValues");
}

/// 32 fresh random bytes (a personal key's seed).
pub fn fresh_seed() -> [u8; 32] {
    let mut b = [0u8; 32];
    random_bytes(&mut b);
    b
}

/// The app's own URL without its fragment, for invite links.
pub fn app_url() -> String {
    window()
        .map(|w| {
            let l = w.location();
            format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
        })
        .unwrap_or_default()
}

/// The sync folder a team on this very host would use: `<origin>/sync/`.
pub fn default_host_url() -> String {
    window().and_then(|w| w.location().origin().ok()).map(|o| format!("{o}/sync/")).unwrap_or_default()
}

pub fn set_hash(hash: &str) {
    if let Some(w) = window() {
        let _ = w.location().set_hash(hash);
    }
}

/// Replaces the current history entry's fragment with `hash` without navigating (no
/// `hashchange`, so the page stays): the join page drops the invite's key from the
/// address bar and the back/forward history once it has read it.
pub fn replace_hash(hash: &str) {
    if let Some(w) = window() {
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
        }
    }
}

/// Copies text to the clipboard; best effort (needs a secure context or localhost).
pub fn copy_text(text: &str) {
    if let Some(w) = window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}
