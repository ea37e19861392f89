//! One sync round at a time across every tab of the app on this device.
//!
//! Tabs share one database and one device id; two rounds at once would each publish and
//! store sync state from what they read when they started. The store already joins the
//! states (`SyncState::merged_with_stored`), so a race loses nothing, but serialising
//! spares the host a second round's uploads and the user two progress indicators.
//!
//! - **Web Locks** (`navigator.locks.request("outpost-sync", …)`), found by feature
//!   detection: the browser queues the rounds and frees the lock when a tab closes or
//!   crashes mid-round.
//! - **Fallback**, where locks are missing (older Safari, some webviews): a lease in
//!   localStorage, `owner|until_ms`, taken when absent, expired or already ours, renewed
//!   while the round runs and removed when it ends; a tab that dies leaves a lease that
//!   expires after [`LEASE_MS`]. Two tabs may rarely both believe they hold it (local
//!   storage is not a compare-and-swap); the state merge covers that case.
//! - Without either (no localStorage at all) the round runs unserialised.
//!
//! [`acquire`] first asks without waiting; if another tab holds the lock it calls
//! `on_wait` (the UI says "another tab is syncing") and then waits its turn.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::ui::state::platform::{local_get, local_remove, local_set, new_id, now_ms};

const LOCK_NAME: &str = "outpost-sync";
const LEASE_KEY: &str = "outpost-sync-lease";
/// How long a lease lasts without renewal (a tab that died mid-round).
pub const LEASE_MS: i64 = 30_000;
const RENEW_MS: i32 = 10_000;
const RETRY_MS: i32 = 1_000;

/// Held while a round runs; dropping it lets the next tab's round start.
pub struct RoundLock {
    held: Held,
}

enum Held {
    /// Resolving this settles the promise the lock callback returned.
    WebLock(Function),
    Lease {
        owner: String,
        alive: Rc<Cell<bool>>,
    },
    Nothing,
}

impl Drop for RoundLock {
    fn drop(&mut self) {
        match &self.held {
            Held::WebLock(release) => {
                let _ = release.call0(&JsValue::NULL);
            }
            Held::Lease { owner, alive } => {
                alive.set(false);
                if lease_owner().is_some_and(|(o, _)| o == *owner) {
                    local_remove(LEASE_KEY);
                }
            }
            Held::Nothing => {}
        }
    }
}

/// Waits until this tab may run a sync round; `on_wait` runs once if it must wait.
pub async fn acquire(on_wait: impl FnOnce()) -> RoundLock {
    let mut on_wait = Some(on_wait);
    if let Some(locks) = web_locks() {
        match web_lock(&locks, false).await {
            Ok(Some(release)) => return RoundLock { held: Held::WebLock(release) },
            Ok(None) => {
                if let Some(f) = on_wait.take() {
                    f();
                }
                if let Ok(Some(release)) = web_lock(&locks, true).await {
                    return RoundLock { held: Held::WebLock(release) };
                }
            }
            // A lock manager that refuses (a document being unloaded): fall back.
            Err(_) => {}
        }
    }
    lease(on_wait).await
}

/// `navigator.locks`, where the browser has it.
fn web_locks() -> Option<JsValue> {
    let nav = web_sys::window()?.navigator();
    let locks = Reflect::get(&nav, &JsValue::from_str("locks")).ok()?;
    let request = Reflect::get(&locks, &JsValue::from_str("request")).ok()?;
    request.is_function().then_some(locks)
}

/// Requests the lock (`ifAvailable` unless `wait`). `Ok(None)`: another tab holds it.
/// `Ok(Some(release))`: held until `release` is called.
async fn web_lock(locks: &JsValue, wait: bool) -> Result<Option<Function>, JsValue> {
    let request: Function = Reflect::get(locks, &JsValue::from_str("request"))?.dyn_into()?;
    let opts = Object::new();
    if !wait {
        Reflect::set(&opts, &JsValue::from_str("ifAvailable"), &JsValue::TRUE)?;
    }
    let mut release = None;
    let held = Promise::new(&mut |resolve, _| release = Some(resolve));
    let mut grant = None;
    let granted = Promise::new(&mut |resolve, _| grant = Some(resolve));
    let (Some(release), Some(grant)) = (release, grant) else {
        return Err(JsValue::from_str("promise executor not run"));
    };
    let on_grant = grant.clone();
    let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        let got = !lock.is_null() && !lock.is_undefined();
        let _ = on_grant.call1(&JsValue::NULL, &JsValue::from_bool(got));
        if got {
            held.into()
        } else {
            Promise::resolve(&JsValue::NULL).into()
        }
    });
    let asked: Promise = request.call3(locks, &JsValue::from_str(LOCK_NAME), &opts, &callback)?.dyn_into()?;
    // A refused request never calls back: answer "error" instead of waiting forever.
    let on_error = Closure::once_into_js(move |_e: JsValue| {
        let _ = grant.call1(&JsValue::NULL, &JsValue::from_str("error"));
    });
    let catch: Function = Reflect::get(&asked, &JsValue::from_str("catch"))?.dyn_into()?;
    catch.call1(&asked, &on_error)?;
    let answer = JsFuture::from(granted).await?;
    match answer.as_bool() {
        Some(true) => Ok(Some(release)),
        Some(false) => Ok(None),
        None => Err(answer),
    }
}

/// This page's owner id for the lease.
fn me() -> String {
    thread_local! {
        static ME: String = new_id();
    }
    ME.with(String::clone)
}

fn lease_owner() -> Option<(String, i64)> {
    let v = local_get(LEASE_KEY)?;
    let (owner, until) = v.split_once('|')?;
    Some((owner.to_owned(), until.parse().ok()?))
}

fn write_lease(owner: &str) {
    local_set(LEASE_KEY, &format!("{owner}|{}", now_ms() + LEASE_MS));
}

/// Takes the lease when it is free, expired or ours; `false` when another tab holds it.
async fn try_lease(owner: &str) -> bool {
    if lease_owner().is_some_and(|(o, until)| o != owner && until > now_ms()) {
        return false;
    }
    write_lease(owner);
    // Another tab may have written in the same instant: the later write wins, and
    // both read it back after a short pause.
    sleep(50).await;
    lease_owner().is_some_and(|(o, _)| o == owner)
}

async fn lease(mut on_wait: Option<impl FnOnce()>) -> RoundLock {
    let owner = me();
    let usable = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some();
    if !usable {
        return RoundLock { held: Held::Nothing };
    }
    while !try_lease(&owner).await {
        if let Some(f) = on_wait.take() {
            f();
        }
        sleep(RETRY_MS).await;
    }
    let alive = Rc::new(Cell::new(true));
    let renewing = alive.clone();
    let renew_owner = owner.clone();
    // Touches only localStorage, never a signal: safe to outlive the component.
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            sleep(RENEW_MS).await;
            // Stalled past the expiry and taken over: the other tab's now.
            if !renewing.get() || lease_owner().is_none_or(|(o, _)| o != renew_owner) {
                break;
            }
            write_lease(&renew_owner);
        }
    });
    RoundLock { held: Held::Lease { owner, alive } }
}

/// Resolves after `ms` milliseconds (at once where there is no window).
pub(crate) async fn sleep(ms: i32) {
    let Some(w) = web_sys::window() else { return };
    let p = Promise::new(&mut |resolve, _| {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(p).await;
}
